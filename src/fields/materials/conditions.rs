//! A leading clause that says when an item applies (`属于意外伤害情形的，须提供…`).

use super::*;

/// The longest leading clause (in characters) taken as a condition.
pub(super) const CONDITION_MAX_CHARS: usize = 40;

/// A leading clause saying when the item applies, and the materials it asks for:
/// `属于意外伤害情形的，须提供病历复印件` → (`属于意外伤害情形的`, `病历复印件`).
///
/// The clause before the first `，` must read as a condition (it ends with `的`, `时`,
/// `情形`… or opens with `如`, `若`, `凡`, `对`…), and what follows must ask for something
/// (`须提供`, `可提供`, `提交`) or name a document. `原则上凡…的，不再重复诊断` asks for
/// nothing, so it is not a conditional item.
///
/// `comma` is the first `，` or `,` of `clause` outside brackets, with its byte offset (see
/// [`ClauseShape`]): a clause without one has no condition.
pub(super) fn condition(clause: &str, (comma, c): (usize, char)) -> Option<(String, String)> {
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

pub(super) fn reads_as_condition(lead: &str) -> bool {
    let count = lead.chars().count();
    count > 0
        && count <= CONDITION_MAX_CHARS
        && !lead.contains('《')
        && (CONDITION_ENDINGS.iter().any(|e| lead.ends_with(e))
            || one_of(CONDITION_OPENINGS)(lead).is_ok())
}

/// nom: a verb asking for materials, with its adverb and modal (`须提供`, `还需提交`, `可提供`):
/// `provide = adverb? modal? verb`.
pub(super) fn provide_verb(input: &str) -> IResult<&str, ()> {
    value(
        (),
        (
            opt(one_of(PROVIDE_ADVERBS)),
            opt(one_of(PROVIDE_MODALS)),
            one_of(PROVIDE_VERBS),
        ),
    )
    .parse(input)
}

/// A leading condition written without comma, ending with the `的` at byte `end - 3` of
/// `clause` that a verb asking for materials follows ([`ClauseShape::condition_end`]):
/// `异地就医的需提供备案表` → (`异地就医的`, `备案表`). The part before must read as a
/// condition as with a comma ([`reads_as_condition`]); a `的` inside a title or brackets
/// (`《…的通知》`) or before a noun (`…的证明`) is never one, as no request verb follows it.
pub(super) fn condition_without_comma(clause: &str, end: usize) -> Option<(String, String)> {
    let lead = normalized(clause.get(..end)?);
    if !reads_as_condition(&lead) {
        return None;
    }
    let rest = normalized(&clause[end..]);
    let (after, ()) = request_after_condition(&rest).ok()?;
    let body = trim_separators(after.trim_start_matches(['：', ':']));
    let named = body.chars().next().is_some_and(|c| !is_cjk_punctuation(c));
    named.then(|| (lead.into_owned(), body.to_owned()))
}

/// Whether `text`, what follows a `的`, opens with a verb asking for materials
/// ([`request_after_condition`]).
/// White space between the words (`的 需提供`) is folded first, as [`normalize`] does, in the
/// few characters a request can reach.
pub(super) fn follows_request(text: &str) -> bool {
    // Most `的` are followed by a noun (`…的证明`): the first character tells, before the
    // parser is run.
    let Some(first) = text.chars().find(|&c| !is_space_or_invisible(c)) else {
        return false;
    };
    if !REQUEST_OPENINGS.contains(&first) {
        return false;
    }
    if request_after_condition(text).is_ok() {
        return true;
    }
    const REQUEST_REACH: usize = 12;
    let end = text
        .char_indices()
        .nth(REQUEST_REACH)
        .map_or(text.len(), |(i, _)| i);
    let head = &text[..end];
    head.chars().any(is_space_or_invisible) && request_after_condition(&normalize(head)).is_ok()
}

/// The characters a [`request_after_condition`] opens with: the first of every word of
/// [`PROVIDE_ADVERBS`], [`PROVIDE_MODALS`] and [`UNMARKED_PROVIDE_VERBS`] (a test checks).
pub(super) const REQUEST_OPENINGS: &[char] = &[
    '另', '还', '并', '则', '均', '也', '必', '需', '应', '可', '须', '要', '提', '出', '递', '携',
    '报',
];

/// nom: the verb asking for materials right after a condition's `的` with no comma between:
/// `request = adverb? modal verb | adverb? unmarked_verb`. Without a modal, only the verbs of
/// [`UNMARKED_PROVIDE_VERBS`] count: after `的`, `附`, `补充`, `上传` open nouns (`…的附件`,
/// `…的补充材料`).
pub(super) fn request_after_condition(input: &str) -> IResult<&str, ()> {
    alt((
        value(
            (),
            (
                opt(one_of(PROVIDE_ADVERBS)),
                one_of(PROVIDE_MODALS),
                one_of(PROVIDE_VERBS),
            ),
        ),
        value(
            (),
            (opt(one_of(PROVIDE_ADVERBS)), one_of(UNMARKED_PROVIDE_VERBS)),
        ),
    ))
    .parse(input)
}
