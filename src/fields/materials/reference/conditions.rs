//! A leading clause that says when an item applies (`属于意外伤害情形的，须提供…`).

use super::*;

/// The longest leading clause (in characters) taken as a condition.
pub(crate) const CONDITION_MAX_CHARS: usize = 40;

/// A leading clause saying when the item applies, and the materials it asks for:
/// `属于意外伤害情形的，须提供病历复印件` → (`属于意外伤害情形的`, `病历复印件`).
///
/// The clause before the first `，` must read as a condition (it ends with `的`, `时`,
/// `情形`… or opens with `如`, `若`, `凡`, `对`…), and what follows must ask for something
/// (`须提供`, `可提供`, `提交`) or name a document. `原则上凡…的，不再重复诊断` asks for
/// nothing, so it is not a conditional item.
pub(crate) fn condition(clause: &str) -> Option<(String, String)> {
    // Most clauses have no comma at all: a byte search tells before the bracket-aware walk.
    if !(clause.contains('，') || clause.contains(',')) {
        return None;
    }
    let (comma, c) = top_level(clause).find(|&(_, c)| c == '，' || c == ',')?;
    let lead = normalized(&clause[..comma]);
    if !reads_as_condition(&lead) {
        return None;
    }
    let rest = normalized(&clause[comma + c.len_utf8()..]);
    let body = match provide_verb(&rest) {
        Ok((after, ())) => after.trim_start_matches(['：', ':']).trim().to_owned(),
        Err(_) if clause_break(&rest).is_none() && is_document(&rest) => rest.into_owned(),
        Err(_) => return None,
    };
    (!body.is_empty()).then(|| (lead.into_owned(), body))
}

pub(crate) fn reads_as_condition(lead: &str) -> bool {
    const ENDINGS: &[&str] = &["的", "时", "情形", "情况", "情况下", "者", "后"];
    const OPENINGS: &[&str] = &[
        "如果", "如", "若", "凡是", "凡", "对于", "对", "属于", "因", "涉及",
    ];
    let count = lead.chars().count();
    count > 0
        && count <= CONDITION_MAX_CHARS
        && !lead.contains('《')
        && (ENDINGS.iter().any(|e| lead.ends_with(e))
            || OPENINGS.iter().any(|o| lead.starts_with(o)))
}

/// nom: a verb asking for materials, with its adverb and modal (`须提供`, `还需提交`, `可提供`).
pub(crate) fn provide_verb(input: &str) -> IResult<&str, ()> {
    value(
        (),
        (
            opt(alt((
                tag("另外"),
                tag("还"),
                tag("另"),
                tag("并"),
                tag("则"),
                tag("均"),
                tag("也"),
            ))),
            opt(alt((
                tag("必须"),
                tag("需要"),
                tag("应当"),
                tag("可以"),
                tag("须"),
                tag("需"),
                tag("应"),
                tag("可"),
                tag("要"),
            ))),
            alt((
                tag("提供"),
                tag("提交"),
                tag("出具"),
                tag("携带"),
                tag("递交"),
                tag("报送"),
                tag("上传"),
                tag("补充"),
                tag("附"),
            )),
        ),
    )
    .parse(input)
}
