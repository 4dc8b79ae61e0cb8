//! The list of a text: which candidates continue one another ([`list_markers`]), and the
//! points they cut the text into ([`split`], [`strip`]).

use super::candidates::candidates;
use super::grammar::marker_at;
use super::{Item, Marker};
use crate::text::normalize::{trim, trim_start};

/// The markers that make the list of `text`: the style of the first marker that opens the
/// text or is number 1, then each next number of that style in turn.
pub(crate) fn list_markers(text: &str) -> Vec<Marker> {
    let mut list = candidates(text);
    let opening = text.len() - trim_start(text).len();
    let Some(first) = list
        .iter()
        .position(|m| m.start == opening || m.number == 1)
    else {
        return Vec::new();
    };
    // The list is the first marker and the candidates after it that continue it: kept in place.
    list.drain(..first);
    let style = list[0].style;
    let mut last: Option<Marker> = None;
    list.retain(|m| {
        let continues = last.is_none_or(|last| {
            m.start >= last.end && m.style == style && Some(m.number) == last.number.checked_add(1)
        });
        if continues {
            last = Some(*m);
        }
        continues
    });
    list
}

/// Split `text` into the points of its list. Text before the first marker is an item without a
/// marker; a text without a list is one item. Empty bodies are kept only when they carry a
/// marker, so that `1. 2. x` still shows the empty first point.
pub(crate) fn split(text: &str) -> Vec<Item<'_>> {
    let markers = list_markers(text);
    let mut items = Vec::with_capacity(markers.len() + 1);
    let head_end = markers.first().map_or(text.len(), |m| m.start);
    let head = trim(&text[..head_end]);
    if !head.is_empty() {
        items.push(Item {
            marker: None,
            body: head,
        });
    }
    for (i, m) in markers.iter().enumerate() {
        let end = markers.get(i + 1).map_or(text.len(), |next| next.start);
        items.push(Item {
            marker: Some(*m),
            body: trim(&text[m.end..end]),
        });
    }
    items
}

/// The marker opening `text` (after white space), and the rest, trimmed.
pub(crate) fn strip(text: &str) -> (Option<Marker>, &str) {
    let trimmed = trim_start(text);
    let offset = text.len() - trimmed.len();
    match marker_at(trimmed) {
        Some((style, number, len)) => (
            Some(Marker {
                style,
                number,
                start: offset,
                end: offset + len,
            }),
            trim(&trimmed[len..]),
        ),
        None => (None, trim(text)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::markers::Style;

    /// The definition [`list_markers`] must agree with: the list built in a new vector.
    fn list_markers_by_push(text: &str) -> Vec<Marker> {
        let candidates = candidates(text);
        let opening = text.len() - text.trim_start().len();
        let Some(first) = candidates
            .iter()
            .find(|m| m.start == opening || m.number == 1)
        else {
            return Vec::new();
        };
        let mut list = vec![*first];
        for m in &candidates {
            let last = list[list.len() - 1];
            if m.start >= last.end
                && m.style == first.style
                && Some(m.number) == last.number.checked_add(1)
            {
                list.push(*m);
            }
        }
        list
    }

    #[test]
    fn the_list_kept_in_place_is_the_list_built_anew() {
        for text in &crate::test_support::every_text(super::super::TEST_PIECES, 4) {
            assert_eq!(list_markers(text), list_markers_by_push(text), "{text:?}");
        }
    }

    fn bodies(text: &str) -> Vec<(Option<u32>, &str)> {
        split(text)
            .into_iter()
            .map(|item| (item.marker.map(|m| m.number), item.body))
            .collect()
    }

    #[test]
    fn each_marker_style_splits() {
        for text in [
            "1. 甲 2. 乙",
            "1.甲2.乙",
            "1．甲 2．乙",
            "1、甲 2、乙",
            "1）甲 2）乙",
            "（1）甲（2）乙",
            "(1)甲 (2)乙",
            "（一）甲（二）乙",
            "一、甲 二、乙",
            "①甲②乙",
            "１. 甲 ２. 乙",
            "( 一 )甲 ( 二 )乙",
            "（ 1 ）甲（　2　）乙",
            // Text extraction spaces a number from its point.
            "1 、甲 2 、乙",
            "1 .甲 2　．乙",
        ] {
            assert_eq!(bodies(text), [(Some(1), "甲"), (Some(2), "乙")], "{text}");
        }
    }

    #[test]
    fn text_without_a_list_is_one_item() {
        assert_eq!(bodies("现场办理"), [(None, "现场办理")]);
        assert_eq!(bodies("  "), []);
    }

    #[test]
    fn text_before_the_first_marker_is_kept() {
        assert_eq!(
            bodies("需提供：①甲 ②乙"),
            [(None, "需提供："), (Some(1), "甲"), (Some(2), "乙")]
        );
    }

    #[test]
    fn look_alikes_do_not_split() {
        for text in [
            "第二条第（三）款",
            "近3个月的病历",
            "C0109.1-2018《目录》",
            "比例为1.5倍",
            "统一、规范",
            "不超过10个工作日",
            "比例为1 .5倍",
            "第5 、6页",
        ] {
            assert_eq!(bodies(text), [(None, text)], "{text}");
        }
    }

    #[test]
    fn markers_inside_brackets_do_not_split() {
        for text in [
            "身份证（①原件②复印件）",
            "《关于1. 甲 2. 乙的通知》",
            "表（含（1）甲（2）乙）",
            "【1、甲 2、乙】",
        ] {
            assert_eq!(bodies(text), [(None, text)], "{text}");
        }
        assert_eq!(
            bodies("1. 身份证（①原件 ②复印件） 2. 表"),
            [(Some(1), "身份证（①原件 ②复印件）"), (Some(2), "表")]
        );
    }

    #[test]
    fn unmatched_brackets_do_not_hide_markers() {
        assert_eq!(
            bodies("1. 身份证（复印件 2. 表"),
            [(Some(1), "身份证（复印件"), (Some(2), "表")]
        );
        assert_eq!(
            bodies("1. 甲） 2. 乙"),
            [(Some(1), "甲）"), (Some(2), "乙")]
        );
    }

    #[test]
    fn only_the_next_number_continues_the_list() {
        assert_eq!(
            bodies("1. 甲3个 2. 乙（2）丙 3. 丁"),
            [(Some(1), "甲3个"), (Some(2), "乙（2）丙"), (Some(3), "丁")]
        );
    }

    #[test]
    fn nested_lists_keep_their_markers_in_the_body() {
        let items = split("1. 在职职工：①表 2. 灵活就业人员：①证件 ②表");
        assert_eq!(items.len(), 2);
        assert_eq!(items[1].body, "灵活就业人员：①证件 ②表");
        assert_eq!(
            bodies(items[1].body),
            [(None, "灵活就业人员："), (Some(1), "证件"), (Some(2), "表")]
        );
    }

    #[test]
    fn a_list_may_open_with_another_number() {
        assert_eq!(bodies("3. 甲 4. 乙"), [(Some(3), "甲"), (Some(4), "乙")]);
    }

    #[test]
    fn strip_takes_the_opening_marker() {
        let (marker, rest) = strip(" 2. 《表》");
        assert_eq!(
            marker.map(|m| (m.style, m.number)),
            Some((Style::Arabic, 2))
        );
        assert_eq!(rest, "《表》");
        assert_eq!(strip("表").1, "表");
    }

    #[test]
    fn bodies_are_slices_of_the_text() {
        let text = "1. 甲 2. 乙";
        let item = split(text)[1];
        let offset = item.body.as_ptr() as usize - text.as_ptr() as usize;
        assert_eq!(&text[offset..], "乙");
    }
}
