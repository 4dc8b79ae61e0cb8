//! `无` and like wordings: a cell that asks for nothing.

use super::*;

/// Whether the whole cell says that nothing has to be handed in: `无`, `无需提交材料`,
/// `免于提交`, `无需提供任何材料`, `不需要材料`. `无犯罪记录证明` or `免费` are not.
pub(crate) fn is_none_required(text: &str) -> bool {
    if !opens_with_negation(text) {
        return false;
    }
    let text = normalized(text);
    let text = text.trim_end_matches(['。', '.', '！', '!']);
    text == "无" || none_wording(text).is_ok()
}

/// Whether the first visible character of `text` can open a none wording (`无`, `不`, `免`):
/// most cells list materials, and need not be normalized to tell.
pub(crate) fn opens_with_negation(text: &str) -> bool {
    text.chars()
        .find(|&c| !c.is_whitespace() && !is_invisible(c))
        .is_some_and(|c| matches!(c, '无' | '不' | '免'))
}

/// nom: a negation, then what is not needed (a verb, an object or both), then the end.
pub(crate) fn none_wording(input: &str) -> IResult<&str, ()> {
    let negation = alt((
        tag("无需"),
        tag("无须"),
        tag("不需要"),
        tag("不需"),
        tag("不用"),
        tag("不必"),
        tag("免于"),
        tag("免予"),
        tag("免"),
        tag("无"),
    ));
    let verb = alt((
        tag("提交"),
        tag("提供"),
        tag("报送"),
        tag("递交"),
        tag("携带"),
        tag("交"),
    ));
    let what = alt((value((), (verb, opt(object))), object));
    value((), (negation, what, eof)).parse(input)
}

/// nom: what a none wording says is not needed (`材料`, `任何申请材料`).
pub(crate) fn object(input: &str) -> IResult<&str, ()> {
    value(
        (),
        (
            opt(tag("任何")),
            opt(alt((tag("申请"), tag("纸质"), tag("相关"), tag("其他")))),
            alt((tag("材料"), tag("资料"))),
        ),
    )
    .parse(input)
}
