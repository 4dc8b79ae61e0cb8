//! Every public enum spells its values one way: `as_str`, `Display`, `FromStr` and JSON agree;
//! JSON keeps every key; a document of a newer `schema_version` is refused with a clear error.

use shixiang::{Basis, ChannelKind, ClauseKind, MaterialFormat, NumberKind, TimeUnit};

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
