//! Parser for the channels cell (办理方式): `现场办理 网上办理` → on-site and online.
//!
//! ```text
//! channels  = point*                      -- numbered points (`1.现场办理 2.邮寄办理`), or the cell as one
//! point     = part (separator part)*      -- top-level parts (fields::top_level)
//! separator = white space | 、 | ， | , | ； | ; | / | ／
//! part      = a channel, trimmed of 。 . ： : at its ends and normalized; or an ACTION_WORD
//!             alone (`网上 办理`), which ends the channel before it
//! kind      = the kind of the earliest CHANNEL_WORD in the channel (GB/T 39046 table A.5)
//! ```
//!
//! Brackets do not split (`网上办理（政务服务网、手机APP）` is one channel). A channel with no
//! word of [`CHANNEL_WORDS`] is kept, of kind other, and reported as `channels_partial`.

use std::ops::Range;

use nom::IResult;

use crate::cell::Cell;
use crate::diagnostic::{Code, Diagnostics};
use crate::fields::top_level::{count_separators, range_in, top_level_parts, understood_but};
use crate::model::{Channel, ChannelKind, Channels};
use crate::text::markers;
use crate::text::normalize::{ideographs_at_both_ends, is_space, normalized, trim};

/// The words that tell a channel's kind (ASCII compared without case). Where two start at the
/// same place, the one listed first wins. Add a word with one line; the words most cells hold
/// come first, as they are tried in order at every character.
const CHANNEL_WORDS: &[(&str, ChannelKind)] = &[
    ("现场", ChannelKind::OnSite),
    ("网上", ChannelKind::Online),
    ("窗口", ChannelKind::OnSite),
    ("线下", ChannelKind::OnSite),
    ("大厅", ChannelKind::OnSite),
    ("柜台", ChannelKind::OnSite),
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

/// Words of channels the model has no kind of its own for: a channel with one is read, of
/// kind other, unless it also holds a word of [`CHANNEL_WORDS`]. Add a word with one line.
const OTHER_CHANNEL_WORDS: &[&str] = &["自助终端", "自助机", "电话"];

/// Words that name no channel on their own: a part that is only one of them is the end of the
/// channel before it (`网上 办理` is one channel, split by the PDF).
const ACTION_WORDS: &[&str] = &["办理", "申请", "申报", "提交", "受理", "办"];

fn is_separator(c: char) -> bool {
    is_space(c) || matches!(c, '、' | '，' | ',' | '；' | ';' | '/' | '／')
}

/// Punctuation that ends a channel without being part of it.
fn is_edge_punctuation(c: char) -> bool {
    matches!(c, '。' | '.' | '：' | ':')
}

/// `channel_word = one of CHANNEL_WORDS`, giving its kind (nom's `tag_no_case` over the
/// table, written with `str::eq_ignore_ascii_case`: it is tried at every character of a
/// channel, and lower-casing each character of each word there costs three times as much).
fn channel_word(input: &str) -> IResult<&str, ChannelKind> {
    for (word, kind) in CHANNEL_WORDS {
        if let Some(rest) = strip_word(input, word) {
            return Ok((rest, kind.clone()));
        }
    }
    Err(nom::Err::Error(nom::error::Error::new(
        input,
        nom::error::ErrorKind::Tag,
    )))
}

/// `input` after `word`, when it starts with it (ASCII compared without case).
fn strip_word<'a>(input: &'a str, word: &str) -> Option<&'a str> {
    if !word.is_ascii() {
        return input.strip_prefix(word);
    }
    let start = input.get(..word.len())?;
    start
        .eq_ignore_ascii_case(word)
        .then(|| &input[word.len()..])
}

/// The kind of the earliest channel word in `text`, else other when it holds one of
/// [`OTHER_CHANNEL_WORDS`]; `None` when it holds no channel word.
fn kind_of(text: &str) -> Option<ChannelKind> {
    let earliest = text
        .char_indices()
        .find_map(|(at, _)| channel_word(&text[at..]).ok());
    match earliest {
        Some((_, kind)) => Some(kind),
        None => OTHER_CHANNEL_WORDS
            .iter()
            .any(|word| text.contains(word))
            .then_some(ChannelKind::Other),
    }
}

/// Structure a channels cell; a channel without a channel word is reported as
/// `channels_partial`.
// Kept out of line, one per cell, so that a profile shows what each field parser costs.
#[inline(never)]
pub(crate) fn parse(cell: &Cell<'_>, diagnostics: &mut Diagnostics) -> Channels {
    let text = cell.text();
    let mut reading = ChannelsSoFar::new(text);
    for point in markers::points(text) {
        for part in top_level_parts(point.body, is_separator) {
            reading.part(part);
        }
    }
    let (modes, unknown) = reading.finish();
    if !unknown.is_empty() {
        understood_but(text, &unknown).report(cell, Code::ChannelsPartial, "办理方式", diagnostics);
    }
    Channels {
        raw: text.to_owned(),
        modes,
    }
}

/// The channels read so far, with where the last one stands in the cell and the ranges of
/// those without a channel word.
struct ChannelsSoFar<'a> {
    text: &'a str,
    channels: Vec<Channel>,
    /// The last channel's range in `text` and whether it holds a channel word.
    last: Option<(Range<usize>, bool)>,
    unknown: Vec<Range<usize>>,
}

impl<'a> ChannelsSoFar<'a> {
    fn new(text: &'a str) -> Self {
        ChannelsSoFar {
            text,
            // One channel a separator at most, but for blank parts and action words.
            channels: Vec::with_capacity(count_separators(text, is_separator) + 1),
            last: None,
            unknown: Vec::new(),
        }
    }

    /// Read one part between separators.
    fn part(&mut self, part: &'a str) {
        // Most channels start and end with an ideograph: nothing to trim.
        let part = if ideographs_at_both_ends(part) {
            part
        } else {
            trim(part).trim_matches(is_edge_punctuation)
        };
        let word = normalized(part);
        if word.is_empty() {
            return;
        }
        let range = range_in(self.text, part);
        match (self.channels.last_mut(), &mut self.last) {
            (Some(channel), Some((last, known))) if ACTION_WORDS.contains(&word.as_ref()) => {
                channel.text.push_str(&word);
                let kind = kind_of(&channel.text);
                *known = kind.is_some();
                channel.kind = kind.unwrap_or(ChannelKind::Other);
                last.end = range.end;
            }
            _ => {
                self.end_channel();
                let kind = kind_of(&word);
                let known = kind.is_some();
                self.channels.push(Channel {
                    kind: kind.unwrap_or(ChannelKind::Other),
                    text: word.into_owned(),
                });
                self.last = Some((range, known));
            }
        }
    }

    fn end_channel(&mut self) {
        if let Some((range, false)) = self.last.take() {
            self.unknown.push(range);
        }
    }

    /// The channels, and the ranges of those without a channel word.
    fn finish(mut self) -> (Vec<Channel>, Vec<Range<usize>>) {
        self.end_channel();
        (self.channels, self.unknown)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_earliest_word_decides_and_ascii_is_compared_without_case() {
        assert_eq!(kind_of("现场或网上办理"), Some(ChannelKind::OnSite));
        assert_eq!(kind_of("手机aPp"), Some(ChannelKind::Mobile));
        assert_eq!(kind_of("上门服务"), None);
    }
}
