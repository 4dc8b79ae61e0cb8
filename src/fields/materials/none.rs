//! `无` and like wordings: a cell that asks for nothing.

use super::*;

/// Whether the whole cell says that nothing has to be handed in: `无`, `无需提交材料`,
/// `免于提交`, `无需提供任何材料`, `不需要材料`. `无犯罪记录证明` or `免费` are not.
pub(super) fn is_none_required(text: &str) -> bool {
    if !opens_with_negation(text) {
        return false;
    }
    let text = normalized(text);
    let text = text.trim_end_matches(['。', '.', '！', '!']);
    text == NONE || none_wording(text).is_ok()
}

/// Whether the first visible character of `text` can open a none wording (`无`, `不`, `免`):
/// most cells list materials, and need not be normalized to tell.
pub(super) fn opens_with_negation(text: &str) -> bool {
    text.chars()
        .find(|&c| !c.is_whitespace() && !is_invisible(c))
        .is_some_and(|c| matches!(c, '无' | '不' | '免'))
}

/// nom: a negation, then what is not needed (a verb, an object or both), then the end:
/// `none = negation (verb object? | object) eof`.
pub(super) fn none_wording(input: &str) -> IResult<&str, ()> {
    let negation = alt((one_of(NEEDLESS), tag(NONE)));
    let what = alt((value((), (one_of(NONE_VERBS), opt(object))), object));
    value((), (negation, what, eof)).parse(input)
}

/// nom: what a none wording says is not needed (`材料`, `任何申请材料`):
/// `object = qualifier? kind? noun`.
pub(super) fn object(input: &str) -> IResult<&str, ()> {
    value(
        (),
        (
            opt(one_of(NONE_QUALIFIERS)),
            opt(one_of(NONE_KINDS)),
            one_of(NONE_OBJECTS),
        ),
    )
    .parse(input)
}
