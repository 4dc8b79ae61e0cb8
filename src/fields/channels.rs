//! Parser for the channels cell (办理方式): `现场办理 网上办理` → on-site and online.
//!
//! A cell is split on white space (the ideographic space too), `、`, `，`, `；`, `/` and on
//! numbered points (`1.现场办理 2.邮寄办理`), never inside brackets
//! (`网上办理（政务服务网、手机APP）` is one channel). Each channel's kind comes from the
//! earliest keyword in it (GB/T 39046 table A.5): `现场`/`窗口` on-site, `网上`/`电脑端`/
//! `政务服务网` online, `APP`/`小程序`/`掌上`/`手机` mobile, `邮寄`/`快递` mail, else other.

use crate::cell::Cell;
use crate::diagnostic::Diagnostics;
use crate::fields::steps::top_level_parts;
use crate::model::{Channel, ChannelKind, Channels};
use crate::text::brackets::split_top_level;
use crate::text::markers;
use crate::text::markers::may_hold_marker;
use crate::text::normalize::{ideographs_at_both_ends, is_space, normalize};

/// Structure a channels cell.
// Kept out of line, one per cell, so that a profile shows what each field parser costs.
#[inline(never)]
pub(crate) fn parse(cell: &Cell<'_>, _diagnostics: &mut Diagnostics) -> Channels {
    Channels {
        raw: cell.text().to_owned(),
        modes: split_channels(cell.text()),
    }
}

/// The channels of a text, in order.
///
/// Most cells hold no list marker: they are split in one walk ([`plain_channels`]); the
/// others go through [`markers::split`] first.
fn split_channels(text: &str) -> Vec<Channel> {
    if !may_hold_marker(text) {
        return plain_channels(text);
    }
    let parts = markers::split(text)
        .into_iter()
        .flat_map(|item| split_top_level(item.body, is_channel_separator))
        .map(|part| normalize(part.trim_matches(is_edge_punctuation)))
        .filter(|part| !part.is_empty());
    let mut channels = Vec::new();
    for part in parts {
        push_channel(&mut channels, part);
    }
    channels
}

/// The channels of a text without list markers: what [`split_top_level`] on the channel
/// separators, trimming [`is_edge_punctuation`] and [`normalize`] give, with one walk over the
/// text ([`top_level_parts`]). Only a part with white space or an invisible character is
/// normalized; the others are copied as they are, which is their normal form. The parts are gathered as [`Parts`]
/// first, so that the list is allocated once at its size.
fn plain_channels(text: &str) -> Vec<Channel> {
    let parts = top_level_parts(text, is_channel_separator);
    // As many as there are parts, but for blank ones and action words (rare).
    let mut channels = Vec::with_capacity(parts.count());
    parts.for_each(|part, needs_normalizing| push_part(&mut channels, part, needs_normalizing));
    channels
}

/// Push the channel of `part`, a part between separators, unless nothing is left of it once
/// trimmed and normalized; `needs_normalizing` says whether it holds white space or an
/// invisible character.
fn push_part(channels: &mut Vec<Channel>, part: &str, needs_normalizing: bool) {
    let part = if ideographs_at_both_ends(part) {
        // Neither white space nor edge punctuation to trim.
        part
    } else {
        let part = part.trim();
        if part.is_empty() {
            return;
        }
        part.trim_matches(is_edge_punctuation)
    };
    let part = if needs_normalizing {
        normalize(part)
    } else {
        part.to_owned()
    };
    if !part.is_empty() {
        push_channel(channels, part);
    }
}

/// Push the channel named by `part` (normalized, not empty), or, when it is only one of
/// [`ACTION_WORDS`], add it to the channel before it.
fn push_channel(channels: &mut Vec<Channel>, part: String) {
    match channels.last_mut() {
        // `网上 办理`: a space the PDF put inside one channel.
        Some(last) if ACTION_WORDS.contains(&part.as_str()) => {
            last.text.push_str(&part);
            last.kind = kind_of(&last.text);
        }
        _ => channels.push(Channel {
            kind: kind_of(&part),
            text: part,
        }),
    }
}

/// Words that name no channel on their own: a part that is only one of them is the end of the
/// part before it (`网上 办理` is one channel).
const ACTION_WORDS: &[&str] = &["办理", "申请", "申报", "提交", "受理", "办"];

fn is_channel_separator(c: char) -> bool {
    is_space(c) || matches!(c, '、' | '，' | ',' | '；' | ';' | '/' | '／')
}

/// Punctuation that ends a channel without being part of it.
fn is_edge_punctuation(c: char) -> bool {
    matches!(c, '。' | '.' | '：' | ':')
}

/// The kind of the earliest keyword in `text` (ASCII compared without case), or other. At each
/// character only the keywords starting with it are compared ([`keywords_starting_with`]);
/// where two start at the same place, the one listed first there wins.
fn kind_of(text: &str) -> ChannelKind {
    text.char_indices()
        .find_map(|(at, c)| keyword_at(&text[at..], keywords_starting_with(c)))
        .unwrap_or(ChannelKind::Other)
}

/// The first of `keywords` that `text` starts with (ASCII compared without case), by its kind.
fn keyword_at(text: &str, keywords: &[(&str, ChannelKind)]) -> Option<ChannelKind> {
    keywords
        .iter()
        .find(|(word, _)| {
            text.as_bytes()
                .get(..word.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(word.as_bytes()))
        })
        .map(|&(_, kind)| kind)
}

/// The keywords of each kind of channel (GB/T 39046 table A.5) starting with `c` (ASCII
/// compared without case), in the order they are tried: one `match` instead of comparing every
/// keyword at every character.
fn keywords_starting_with(c: char) -> &'static [(&'static str, ChannelKind)] {
    use ChannelKind::*;
    match c {
        '现' => &[("现场", OnSite)],
        '窗' => &[("窗口", OnSite)],
        '线' => &[("线下", OnSite), ("线上", Online)],
        '大' => &[("大厅", OnSite)],
        '柜' => &[("柜台", OnSite)],
        '网' => &[("网上", Online), ("网办", Online), ("网站", Online)],
        '在' => &[("在线", Online)],
        '电' => &[("电脑端", Online)],
        '政' => &[("政务服务网", Online)],
        '互' => &[("互联网", Online)],
        '官' => &[("官网", Online)],
        '一' => &[("一网通办", Online)],
        'a' | 'A' => &[("app", Mobile)],
        '小' => &[("小程序", Mobile)],
        '掌' => &[("掌上", Mobile)],
        '手' => &[("手机", Mobile)],
        '移' => &[("移动端", Mobile)],
        '微' => &[("微信", Mobile)],
        '公' => &[("公众号", Mobile)],
        '邮' => &[("邮寄", Mail)],
        '快' => &[("快递", Mail)],
        '寄' => &[("寄递", Mail)],
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ChannelKind::*;

    /// Keywords of each kind of channel, in the order they are tried: the list that
    /// [`keywords_starting_with`] groups by first character.
    const KEYWORDS: &[(&str, ChannelKind)] = &[
        ("现场", ChannelKind::OnSite),
        ("窗口", ChannelKind::OnSite),
        ("线下", ChannelKind::OnSite),
        ("大厅", ChannelKind::OnSite),
        ("柜台", ChannelKind::OnSite),
        ("网上", ChannelKind::Online),
        ("网办", ChannelKind::Online),
        ("线上", ChannelKind::Online),
        ("在线", ChannelKind::Online),
        ("电脑端", ChannelKind::Online),
        ("政务服务网", ChannelKind::Online),
        ("互联网", ChannelKind::Online),
        ("网站", ChannelKind::Online),
        ("官网", ChannelKind::Online),
        ("一网通办", ChannelKind::Online),
        ("app", ChannelKind::Mobile),
        ("小程序", ChannelKind::Mobile),
        ("掌上", ChannelKind::Mobile),
        ("手机", ChannelKind::Mobile),
        ("移动端", ChannelKind::Mobile),
        ("微信", ChannelKind::Mobile),
        ("公众号", ChannelKind::Mobile),
        ("邮寄", ChannelKind::Mail),
        ("快递", ChannelKind::Mail),
        ("寄递", ChannelKind::Mail),
    ];

    fn modes(text: &str) -> Vec<(String, ChannelKind)> {
        split_channels(text)
            .into_iter()
            .map(|c| (c.text, c.kind))
            .collect()
    }

    fn expected(list: &[(&str, ChannelKind)]) -> Vec<(String, ChannelKind)> {
        list.iter().map(|&(t, k)| (t.to_owned(), k)).collect()
    }

    #[test]
    fn separators() {
        let both = expected(&[("现场办理", OnSite), ("网上办理", Online)]);
        for text in [
            "现场办理 网上办理",
            "现场办理\u{3000}网上办理",
            "现场办理、网上办理",
            "现场办理，网上办理",
            "现场办理,网上办理",
            "现场办理；网上办理",
            "现场办理/网上办理",
            "1.现场办理 2.网上办理",
            "（1）现场办理（2）网上办理",
            "①现场办理②网上办理",
            "  现场办理   网上办理。 ",
        ] {
            assert_eq!(modes(text), both, "{text}");
        }
    }

    #[test]
    fn numbered_list_of_three() {
        assert_eq!(
            modes("1.现场办理 2.邮寄办理 3.网上办理"),
            expected(&[
                ("现场办理", OnSite),
                ("邮寄办理", Mail),
                ("网上办理", Online)
            ])
        );
    }

    #[test]
    fn kinds() {
        for (text, kind) in [
            ("现场办理", OnSite),
            ("窗口办理", OnSite),
            ("线下办理", OnSite),
            ("政务服务大厅", OnSite),
            ("网上办理", Online),
            ("电脑端", Online),
            ("山东省政务服务网", Online),
            ("线上办理", Online),
            ("在线办理", Online),
            ("APP", Mobile),
            ("手机App办理", Mobile),
            ("“烟台医保”小程序", Mobile),
            ("掌上办理", Mobile),
            ("手机端", Mobile),
            ("微信公众号", Mobile),
            ("邮寄办理", Mail),
            ("快递", Mail),
            ("自助终端", Other),
            ("电话办理", Other),
            ("上门服务", Other),
        ] {
            assert_eq!(kind_of(text), kind, "{text}");
        }
    }

    /// The definition [`kind_of`] must agree with: every keyword searched for, the earliest
    /// kept.
    fn kind_of_by_search(text: &str) -> ChannelKind {
        let lower = text.to_ascii_lowercase();
        KEYWORDS
            .iter()
            .filter_map(|&(word, kind)| lower.find(word).map(|at| (at, kind)))
            .min_by_key(|&(at, _)| at)
            .map_or(ChannelKind::Other, |(_, kind)| kind)
    }

    #[test]
    fn one_scan_agrees_with_a_search_per_keyword() {
        let pieces = [
            "现场",
            "网上",
            "A",
            "p",
            "P",
            "aPp",
            "手机",
            "邮寄",
            "办理",
            "网",
            "现",
            " ",
            "é",
            "小程序",
        ];
        let texts = crate::test_support::every_text(&pieces, 3);
        for text in &texts {
            assert_eq!(kind_of(text), kind_of_by_search(text), "{text:?}");
        }
        assert_eq!(kind_of("手机aPP"), Mobile);
    }

    #[test]
    fn the_earliest_keyword_decides() {
        assert_eq!(kind_of("网上办理（含手机APP）"), Online);
        assert_eq!(kind_of("现场或网上办理"), OnSite);
    }

    #[test]
    fn a_space_inside_a_channel_does_not_split_it() {
        assert_eq!(
            modes("网上 办理 现场\u{3000}申请 邮寄"),
            expected(&[("网上办理", Online), ("现场申请", OnSite), ("邮寄", Mail)])
        );
        // An action word with nothing before it stays a channel of its own.
        assert_eq!(modes("办理"), expected(&[("办理", Other)]));
    }

    #[test]
    fn brackets_do_not_split() {
        assert_eq!(
            modes("网上办理（政务服务网、手机APP） 现场办理"),
            expected(&[
                ("网上办理（政务服务网、手机APP）", Online),
                ("现场办理", OnSite)
            ])
        );
    }
    /// The definition [`split_channels`] must agree with: the list split first, every part
    /// trimmed and normalized, action words joined to the part before, then each kind found.
    fn split_channels_by_splitting(text: &str) -> Vec<Channel> {
        let parts = markers::split(text)
            .into_iter()
            .flat_map(|item| split_top_level(item.body, is_channel_separator))
            .map(|part| normalize(part.trim_matches(is_edge_punctuation)))
            .filter(|part| !part.is_empty());
        let mut texts: Vec<String> = Vec::new();
        for part in parts {
            match texts.last_mut() {
                Some(last) if ACTION_WORDS.contains(&part.as_str()) => last.push_str(&part),
                _ => texts.push(part),
            }
        }
        texts
            .into_iter()
            .map(|text| Channel {
                kind: kind_of_by_search(&text),
                text,
            })
            .collect()
    }

    #[test]
    fn one_walk_agrees_with_splitting_and_normalizing() {
        let pieces = [
            "现场", "网", "办理", "办", " ", "\u{3000}", "\u{200B}", "（", "）", "、", "。", "：",
            "1.", "①", "/", "一",
        ];
        for text in crate::test_support::every_text(&pieces, 4) {
            assert_eq!(
                split_channels(&text),
                split_channels_by_splitting(&text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn more_channels_than_parts_kept_on_the_stack_agree_too() {
        let text = "现场 网上、邮寄/快递；窗口 手机 APP 小程序 掌上 电脑端 其他 办理 一";
        assert_eq!(split_channels(text).len(), 12);
        assert_eq!(split_channels(text), split_channels_by_splitting(text));
    }

    #[test]
    fn keywords_are_grouped_by_their_first_character_in_order() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            let listed: Vec<(&str, ChannelKind)> = KEYWORDS
                .iter()
                .filter(|(word, _)| {
                    word.chars()
                        .next()
                        .is_some_and(|first| first.eq_ignore_ascii_case(&c))
                })
                .copied()
                .collect();
            assert_eq!(keywords_starting_with(c), listed, "{c:?}");
        }
    }
}
