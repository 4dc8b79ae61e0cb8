//! Every public enum spells its values one way: `as_str`, `Display`, `FromStr` and JSON agree;
//! JSON keeps every key; a document of a newer `schema_version` is refused with a clear error;
//! a value of an open enum that a later version writes reads, and writes back, as it was.

use serde_json::json;

use shixiang::{
    Basis, ChannelKind, ClauseKind, Code, Extent, MaterialFormat, MaterialHandling, MaterialMedium,
    MaterialSource, NumberKind, Period, TimeUnit,
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
    use Period as P;
    agrees(
        &[
            P::AnyTime,
            P::Day,
            P::WorkingDay,
            P::Week,
            P::Month,
            P::Quarter,
            P::Year,
        ],
        &[
            "any_time",
            "day",
            "working_day",
            "week",
            "month",
            "quarter",
            "year",
        ],
    );
    agrees(
        &[Extent::Typical, Extent::Maximum, Extent::Minimum],
        &["typical", "maximum", "minimum"],
    );
    let codes: Vec<&str> = Code::ALL.iter().map(Code::as_str).collect();
    agrees(Code::ALL, &codes);
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

/// `name`, which this version does not know, reads as the unknown value `unknown`, prints and
/// writes back as it was, and is refused by `FromStr`.
fn reads_unknown<T>(name: &str, unknown: T)
where
    T: serde::de::DeserializeOwned + serde::Serialize + std::fmt::Display + std::str::FromStr,
    T: PartialEq + std::fmt::Debug,
{
    let read: T = serde_json::from_str(&format!("\"{name}\"")).unwrap();
    assert_eq!(read, unknown);
    assert_eq!(read.to_string(), name);
    assert_eq!(serde_json::to_string(&read).unwrap(), format!("\"{name}\""));
    assert!(name.parse::<T>().is_err(), "{name}");
}

#[test]
fn every_open_enum_keeps_a_value_of_a_later_version() {
    let s = |name: &str| name.to_owned();
    reads_unknown("scan", MaterialFormat::Unknown(s("scan")));
    reads_unknown("fax", ChannelKind::Unknown(s("fax")));
    reads_unknown("decree", NumberKind::Unknown(s("decree")));
    reads_unknown("fortnight", TimeUnit::Unknown(s("fortnight")));
    reads_unknown("suspended", ClauseKind::Unknown(s("suspended")));
    reads_unknown("negotiated", Basis::Unknown(s("negotiated")));
    reads_unknown("fortnightly", Period::Unknown(s("fortnightly")));
    reads_unknown("approximate", Extent::Unknown(s("approximate")));
    reads_unknown("microfilm", MaterialMedium::Unknown(s("microfilm")));
    reads_unknown("scanned", MaterialHandling::Unknown(s("scanned")));
    reads_unknown("shared_data", MaterialSource::Unknown(s("shared_data")));
    reads_unknown("fee_misstated", Code::Unknown(s("fee_misstated")));
    reads_unknown("fatal", shixiang::Severity::Unknown(s("fatal")));
    reads_unknown("reviewer", shixiang::Origin::Unknown(s("reviewer")));
    // The comparison's codes too.
    let code = shixiang::FindingCode::Unknown(s("fee_raised"));
    reads_unknown("fee_raised", code.clone());
    assert_eq!(code.severity(), None);
    // A later version's severity ranks above error: strict mode fails on it.
    assert!(shixiang::Severity::Unknown(s("fatal")) > shixiang::Severity::Error);
    // What cannot be known of an unknown value is `None`, not a guess.
    assert_eq!(Code::Unknown(s("fee_misstated")).severity(), None);
    assert_eq!(Code::Unknown(s("fee_misstated")).origin(), None);
    assert_eq!(TimeUnit::Unknown(s("fortnight")).to_working_days(1), None);
}

#[test]
fn a_deadline_and_a_diagnostic_with_unknown_values_round_trip() {
    let text = "某市清单\n主项\t子项序号\t子项\t办理时限\n\
                一、参保\t1\t登记\t承诺时限一般10个工作日，每月审核办理一次\n\
                \t3\t变更\t即时办结\n";
    let document = shixiang::parse(text).unwrap();
    let mut json = serde_json::to_value(&document).unwrap();
    let deadline = &mut json["categories"][0]["matters"][0]["deadline"];
    let clause = &mut deadline["clauses"][0];
    assert_eq!(
        (
            &clause["kind"],
            &clause["unit"],
            &clause["basis"],
            &clause["extent"]
        ),
        (
            &json!("limit"),
            &json!("working_day"),
            &json!("committed"),
            &json!("typical")
        )
    );
    clause["kind"] = json!("suspended");
    clause["unit"] = json!("fortnight");
    clause["basis"] = json!("negotiated");
    clause["extent"] = json!("approximate");
    assert_eq!(deadline["frequencies"][0]["period"], "month");
    deadline["frequencies"][0]["period"] = json!("fortnightly");
    let diagnostic = &mut json["diagnostics"][0];
    assert_eq!(diagnostic["code"], "matter_number_missing");
    diagnostic["code"] = json!("fee_misstated");

    let read: shixiang::Document = serde_json::from_value(json.clone()).unwrap();
    let deadline = &read.categories[0].matters[0].deadline;
    let clause = &deadline.clauses[0];
    assert_eq!(clause.kind, ClauseKind::Unknown("suspended".to_owned()));
    assert_eq!(clause.unit, Some(TimeUnit::Unknown("fortnight".to_owned())));
    assert_eq!(clause.basis, Some(Basis::Unknown("negotiated".to_owned())));
    assert_eq!(
        clause.extent,
        Some(Extent::Unknown("approximate".to_owned()))
    );
    assert_eq!(clause.working_days(), None);
    assert_eq!(
        deadline.frequencies[0].period,
        Period::Unknown("fortnightly".to_owned())
    );
    let diagnostic = &read.diagnostics[0];
    assert_eq!(diagnostic.code, Code::Unknown("fee_misstated".to_owned()));
    // Severity and origin are the finding's own, as written.
    assert_eq!(diagnostic.severity, shixiang::Severity::Warning);
    assert_eq!(diagnostic.origin, shixiang::Origin::Source);
    assert_eq!(serde_json::to_value(&read).unwrap(), json);
}

#[test]
fn a_diagnostic_of_an_unknown_code_needs_its_origin() {
    let finding = json!({
        "code": "fee_misstated", "severity": "warning", "line": 3, "column": 1,
        "message": "a later version's finding", "matter_line": null
    });
    let error = serde_json::from_value::<shixiang::Diagnostic>(finding).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the diagnostic of unknown code “fee_misstated” has no origin"
    );
    // A known code without origin (schema_version 1) reads with its code's origin.
    let finding = json!({
        "code": "materials_unparsed", "severity": "warning", "line": 3, "column": 1,
        "message": "m"
    });
    let read: shixiang::Diagnostic = serde_json::from_value(finding).unwrap();
    assert_eq!(read.origin, shixiang::Origin::Parser);
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
