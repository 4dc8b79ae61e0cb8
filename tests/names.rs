//! Every public enum spells its values one way: `as_str`, `Display`, `FromStr` and JSON agree;
//! JSON keeps every key; a document of a newer `schema_version` is refused with a clear error.

use shixiang::{
    Basis, ChannelKind, ClauseKind, MaterialFormat, MaterialHandling, MaterialMedium,
    MaterialSource, NumberKind, TimeUnit,
};

fn agrees<T>(values: &[T], names: &[&str])
where
    T: std::fmt::Display + std::str::FromStr + serde::Serialize + PartialEq + std::fmt::Debug,
    <T as std::str::FromStr>::Err: std::fmt::Debug,
{
    let written: Vec<String> = values.iter().map(T::to_string).collect();
    assert_eq!(written, names);
    for (value, name) in values.iter().zip(names) {
        assert_eq!(&name.parse::<T>().unwrap(), value);
        assert_eq!(serde_json::to_string(value).unwrap(), format!("\"{name}\""));
    }
}

#[test]
fn names_agree_with_json() {
    use MaterialFormat as F;
    agrees(
        &[F::Original, F::Copy, F::OriginalAndCopy, F::OriginalOrCopy],
        &["original", "copy", "original_and_copy", "original_or_copy"],
    );
    use MaterialMedium as M;
    agrees(
        &[
            M::Paper,
            M::Electronic,
            M::PaperAndElectronic,
            M::PaperOrElectronic,
        ],
        &[
            "paper",
            "electronic",
            "paper_and_electronic",
            "paper_or_electronic",
        ],
    );
    agrees(
        &[MaterialHandling::Checked, MaterialHandling::Collected],
        &["checked", "collected"],
    );
    agrees(
        &[MaterialSource::Applicant, MaterialSource::Department],
        &["applicant", "department"],
    );
    agrees(
        &[ClauseKind::Immediate, ClauseKind::Limit],
        &["immediate", "limit"],
    );
    use TimeUnit as U;
    agrees(
        &[U::WorkingDay, U::Day, U::Month, U::Hour, U::Year],
        &["working_day", "day", "month", "hour", "year"],
    );
    agrees(
        &[Basis::Statutory, Basis::Committed],
        &["statutory", "committed"],
    );
    use ChannelKind as K;
    agrees(
        &[K::OnSite, K::Online, K::Mobile, K::Mail, K::Other],
        &["on_site", "online", "mobile", "mail", "other"],
    );
    agrees(
        &[NumberKind::Order, NumberKind::Wenhao],
        &["order", "wenhao"],
    );
    assert_eq!(ChannelKind::Mail.as_str(), "mail");
}

#[test]
fn an_unknown_name_says_what_it_is_not() {
    assert_eq!(
        "fortnight".parse::<TimeUnit>().unwrap_err().to_string(),
        "unknown time unit “fortnight”"
    );
    assert_eq!(
        "fax".parse::<ChannelKind>().unwrap_err().to_string(),
        "unknown channel kind “fax”"
    );
}

#[test]
fn json_keeps_every_key() {
    let document = shixiang::parse("某市清单\n主项\t子项序号\t子项\n一、参保\t1\t登记\n").unwrap();
    assert!(document.other_columns.is_empty());
    let json = serde_json::to_value(&document).unwrap();
    assert_eq!(json["other_columns"], serde_json::json!([]));
}

#[test]
fn a_document_of_a_newer_schema_version_is_refused() {
    let document = shixiang::parse("某市清单\n主项\t子项序号\t子项\n一、参保\t1\t登记\n").unwrap();
    let mut json = serde_json::to_value(&document).unwrap();
    let back: shixiang::Document = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(back, document);
    json["schema_version"] = serde_json::json!(shixiang::SCHEMA_VERSION + 1);
    let error = serde_json::from_value::<shixiang::Document>(json).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "schema_version {} is newer than this version of shixiang reads ({}); upgrade shixiang",
            shixiang::SCHEMA_VERSION + 1,
            shixiang::SCHEMA_VERSION
        )
    );
}

#[test]
fn unknown_values_of_open_enums_read_and_write_back_as_they_were() {
    let format: MaterialFormat = serde_json::from_str("\"scan\"").unwrap();
    assert_eq!(format, MaterialFormat::Unknown("scan".to_owned()));
    assert_eq!(serde_json::to_string(&format).unwrap(), "\"scan\"");
    assert_eq!(format.as_str(), "scan");

    let kind: ChannelKind = serde_json::from_str("\"fax\"").unwrap();
    assert_eq!(kind, ChannelKind::Unknown("fax".to_owned()));
    assert_eq!(serde_json::to_string(&kind).unwrap(), "\"fax\"");
    assert_eq!(kind.to_string(), "fax");

    let number: NumberKind = serde_json::from_str("\"decree\"").unwrap();
    assert_eq!(number, NumberKind::Unknown("decree".to_owned()));
    assert_eq!(serde_json::to_string(&number).unwrap(), "\"decree\"");

    // Known names still read as their variants.
    let kind: ChannelKind = serde_json::from_str("\"other\"").unwrap();
    assert_eq!(kind, ChannelKind::Other);
}

#[test]
fn a_document_with_unknown_values_round_trips() {
    let text = "某市清单\n主项\t子项序号\t子项\t办理材料\t办理方式\t设定依据\n\
                一、参保\t1\t登记\t1.申请表原件\t现场办理\t《中华人民共和国社会保险法》（主席令第35号）\n";
    let document = shixiang::parse(text).unwrap();
    let mut json = serde_json::to_value(&document).unwrap();
    let matter = &mut json["categories"][0]["matters"][0];
    assert_eq!(
        matter["materials"]["groups"][0]["items"][0]["format"],
        "original"
    );
    assert_eq!(matter["channels"]["modes"][0]["kind"], "on_site");
    let number = &mut matter["legal_basis"]["citations"][0]["document_number"]["kind"];
    assert_eq!(*number, "order");
    *number = serde_json::json!("decree");
    matter["materials"]["groups"][0]["items"][0]["format"] = serde_json::json!("scan");
    matter["channels"]["modes"][0]["kind"] = serde_json::json!("fax");

    let read: shixiang::Document = serde_json::from_value(json.clone()).unwrap();
    let matter = &read.categories[0].matters[0];
    assert_eq!(
        matter.materials.groups[0].items[0].format,
        Some(MaterialFormat::Unknown("scan".to_owned()))
    );
    assert_eq!(
        matter.channels.modes[0].kind,
        ChannelKind::Unknown("fax".to_owned())
    );
    let number = matter.legal_basis.citations[0]
        .document_number
        .as_ref()
        .unwrap();
    assert_eq!(number.kind, NumberKind::Unknown("decree".to_owned()));
    assert_eq!(serde_json::to_value(&read).unwrap(), json);
}
