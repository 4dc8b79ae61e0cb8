//! Bytes to text: which encoding a list is in, its decoding, and the bytes that do not decode.
//!
//! The rule, in order:
//!
//! 1. an encoding forced by [`ParseOptions::encoding`](crate::ParseOptions::encoding) is used
//!    (its own byte-order mark, if the bytes start with one, is skipped);
//! 2. a byte-order mark says UTF-8, UTF-16LE or UTF-16BE;
//! 3. bytes that are valid UTF-8 are UTF-8;
//! 4. bytes that start as UTF-8 text (at least [`UTF8_LEAD`] multi-byte characters before the
//!    first invalid sequence), or hold more valid multi-byte UTF-8 characters than invalid
//!    sequences, are UTF-8 with stray bytes: a few bad bytes in a UTF-8 text (a character cut
//!    by a converter). GB18030 text seldom forms a valid UTF-8 character, and never a run of
//!    them, so it passes neither test;
//! 5. otherwise the bytes are GB18030 (which covers GBK and GB2312) when that reads them with
//!    fewer undecodable sequences than UTF-8 does, else UTF-8.
//!
//! Each undecodable sequence becomes U+FFFD and an `invalid_bytes` warning at its line and
//! column (the first [`REPORTED`] of them; one more warning counts the rest), and the rest of
//! the text is read; strict mode fails on the first instead. A text read as
//! anything but UTF-8 gets an `encoding_detected` info saying why.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use encoding_rs::DecoderResult;

use crate::cell::columns;
use crate::diagnostic::{Code, Diagnostic, Position};
use crate::error::{Error, ErrorKind};

/// A text encoding a list can be read from.
///
/// ```
/// use shixiang::Encoding;
///
/// assert_eq!("gbk".parse::<Encoding>(), Ok(Encoding::Gb18030));
/// assert_eq!("utf-16le".parse::<Encoding>().unwrap().name(), "UTF-16LE");
/// assert_eq!(
///     "big5".parse::<Encoding>().unwrap_err().to_string(),
///     "unknown encoding “big5”: expected UTF-8, UTF-16LE, UTF-16BE or GB18030 (GBK, GB2312)"
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16, little-endian.
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
    /// GB18030, a superset of GBK and GB2312.
    Gb18030,
}

impl Encoding {
    /// The name [`Document::encoding`](crate::Document::encoding) gives: `UTF-8`, `UTF-16LE`,
    /// `UTF-16BE` or `GB18030`.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Gb18030 => "GB18030",
        }
    }

    /// [`name`](Encoding::name), under the name every enum of the crate gives it.
    pub fn as_str(self) -> &'static str {
        self.name()
    }

    fn coder(self) -> &'static encoding_rs::Encoding {
        match self {
            Encoding::Utf8 => encoding_rs::UTF_8,
            Encoding::Utf16Le => encoding_rs::UTF_16LE,
            Encoding::Utf16Be => encoding_rs::UTF_16BE,
            Encoding::Gb18030 => encoding_rs::GB18030,
        }
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An encoding label [`Encoding`] does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown encoding “{0}”: expected UTF-8, UTF-16LE, UTF-16BE or GB18030 (GBK, GB2312)")]
pub struct UnknownEncoding(String);

/// An encoding by any of its WHATWG labels (`utf8`, `utf-16le`, `gbk`, `gb2312`, `GB18030`…),
/// case and surrounding white space ignored.
impl FromStr for Encoding {
    type Err = UnknownEncoding;

    fn from_str(label: &str) -> Result<Encoding, UnknownEncoding> {
        let found = encoding_rs::Encoding::for_label(label.trim().as_bytes());
        match found {
            Some(e) if e == encoding_rs::UTF_8 => Ok(Encoding::Utf8),
            Some(e) if e == encoding_rs::UTF_16LE => Ok(Encoding::Utf16Le),
            Some(e) if e == encoding_rs::UTF_16BE => Ok(Encoding::Utf16Be),
            // encoding_rs's GBK decoder is its GB18030 decoder.
            Some(e) if e == encoding_rs::GB18030 || e == encoding_rs::GBK => Ok(Encoding::Gb18030),
            _ => Err(UnknownEncoding(label.to_owned())),
        }
    }
}

/// Why the text was read in its encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reason {
    Forced,
    ByteOrderMark,
    /// Valid UTF-8, or UTF-8 with a few stray bytes.
    Utf8,
    /// Not UTF-8, and GB18030 reads it better.
    Guessed,
}

/// A sequence of bytes that did not decode, replaced by U+FFFD.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stray {
    /// Offset of its first byte in the input.
    byte_offset: usize,
    /// The bytes (at most four are shown).
    bytes: Vec<u8>,
    /// Offset of its U+FFFD in the decoded text.
    text_offset: usize,
}

/// Text decoded from bytes, with its encoding and the findings of the decoding.
///
/// [`decode`](crate::decode) makes one; [`Reader::from_decoded`](crate::Reader::from_decoded)
/// reads a list from it, one category at a time.
///
/// ```
/// let bytes = encoding_rs::GB18030.encode("某市清单\n").0;
/// let decoded = shixiang::decode(&bytes, &shixiang::ParseOptions::new())?;
/// assert_eq!(decoded.text(), "某市清单\n");
/// assert_eq!(decoded.encoding(), shixiang::Encoding::Gb18030);
/// assert_eq!(decoded.diagnostics()[0].code, shixiang::Code::EncodingDetected);
/// # Ok::<(), shixiang::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'b> {
    text: Cow<'b, str>,
    encoding: Encoding,
    diagnostics: Vec<Diagnostic>,
}

impl<'b> Decoded<'b> {
    /// The text, without its byte-order mark.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The same, owning its text (copied when it was borrowed from the bytes).
    pub fn into_owned(self) -> Decoded<'static> {
        Decoded {
            text: Cow::Owned(self.text.into_owned()),
            encoding: self.encoding,
            diagnostics: self.diagnostics,
        }
    }

    /// The encoding the text was read in.
    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// What the decoding found: the encoding when it is not UTF-8 (`encoding_detected`), and
    /// each sequence of bytes that did not decode (`invalid_bytes`).
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }
}

/// Decode `bytes` by the rule of this module; with `strict`, the first undecodable sequence
/// is an error (for UTF-8, [`ErrorKind::InvalidUtf8`]).
pub(crate) fn decode(
    bytes: &[u8],
    forced: Option<Encoding>,
    strict: bool,
) -> Result<Decoded<'_>, Error> {
    let (encoding, reason, body) = match forced {
        Some(encoding) => {
            let bom = encoding_rs::Encoding::for_bom(bytes)
                .filter(|(e, _)| *e == encoding.coder())
                .map_or(0, |(_, len)| len);
            (encoding, Reason::Forced, &bytes[bom..])
        }
        None => match encoding_rs::Encoding::for_bom(bytes) {
            Some((e, len)) if e == encoding_rs::UTF_8 => {
                (Encoding::Utf8, Reason::Utf8, &bytes[len..])
            }
            Some((e, len)) => {
                let encoding = if e == encoding_rs::UTF_16LE {
                    Encoding::Utf16Le
                } else {
                    Encoding::Utf16Be
                };
                (encoding, Reason::ByteOrderMark, &bytes[len..])
            }
            None => (Encoding::Utf8, Reason::Utf8, bytes),
        },
    };
    let bom = bytes.len() - body.len();
    let (encoding, reason, text, strays) = match encoding {
        Encoding::Utf8 => {
            if let Ok(text) = simdutf8::basic::from_utf8(body) {
                (encoding, reason, Cow::Borrowed(text), Vec::new())
            } else if reason == Reason::Forced {
                let (text, strays) = decode_utf8_lossy(body, bom);
                (encoding, reason, Cow::Owned(text), strays)
            } else {
                guess(body, bom)
            }
        }
        _ => {
            let (text, strays) = decode_with(encoding.coder(), body, bom);
            (encoding, reason, Cow::Owned(text), strays)
        }
    };
    let mut diagnostics = Vec::new();
    if encoding != Encoding::Utf8 {
        let why = match reason {
            Reason::Forced => "as the options say",
            Reason::ByteOrderMark => "as its byte-order mark says",
            Reason::Guessed | Reason::Utf8 => {
                "since it is not UTF-8 and GB18030 reads it with fewer undecodable bytes"
            }
        };
        diagnostics.push(Diagnostic::new(
            Code::EncodingDetected,
            Position::new(1, 1),
            format!("the text is read as {}, {why}", encoding.name()),
        ));
    }
    let found = stray_diagnostics(&text, &strays, encoding);
    if strict {
        if let (Some(stray), Some(first)) = (strays.first(), found.first()) {
            let kind = match encoding {
                Encoding::Utf8 => ErrorKind::InvalidUtf8 {
                    byte_offset: stray.byte_offset,
                },
                _ => ErrorKind::Strict(first.clone()),
            };
            return Err(Error::new(kind, first.position()));
        }
    }
    diagnostics.extend(found);
    Ok(Decoded {
        text,
        encoding,
        diagnostics,
    })
}

/// How many multi-byte characters before the first invalid sequence make a text UTF-8.
const UTF8_LEAD: usize = 8;

/// How many undecodable sequences get a warning each; one more warning counts the rest, so
/// that a binary file does not make a diagnostic of every other byte.
const REPORTED: usize = 100;

/// Steps 4 and 5 of the rule, for bytes without a byte-order mark that are not valid UTF-8.
fn guess(bytes: &[u8], bom: usize) -> (Encoding, Reason, Cow<'_, str>, Vec<Stray>) {
    let (mut invalid, mut wide) = (0, 0);
    let mut lead = None;
    for chunk in bytes.utf8_chunks() {
        wide += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
        if !chunk.invalid().is_empty() {
            lead.get_or_insert(wide);
            invalid += 1;
        }
    }
    let starts_as_utf8 = lead.is_some_and(|lead| lead >= UTF8_LEAD);
    if !starts_as_utf8 && wide <= invalid {
        let (text, strays) = decode_with(encoding_rs::GB18030, bytes, bom);
        if strays.len() < invalid {
            return (Encoding::Gb18030, Reason::Guessed, Cow::Owned(text), strays);
        }
    }
    let (text, strays) = decode_utf8_lossy(bytes, bom);
    (Encoding::Utf8, Reason::Utf8, Cow::Owned(text), strays)
}

/// UTF-8 with each invalid sequence (as `String::from_utf8_lossy` cuts them) replaced.
fn decode_utf8_lossy(bytes: &[u8], base: usize) -> (String, Vec<Stray>) {
    let mut text = String::with_capacity(bytes.len() + 16);
    let mut strays = Vec::new();
    let mut read = base;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        read += chunk.valid().len();
        let bad = chunk.invalid();
        if !bad.is_empty() {
            strays.push(Stray {
                byte_offset: read,
                bytes: bad.to_vec(),
                text_offset: text.len(),
            });
            text.push(char::REPLACEMENT_CHARACTER);
            read += bad.len();
        }
    }
    (text, strays)
}

/// Decode with encoding_rs, each malformed sequence replaced and recorded.
fn decode_with(
    coder: &'static encoding_rs::Encoding,
    bytes: &[u8],
    base: usize,
) -> (String, Vec<Stray>) {
    let mut decoder = coder.new_decoder_without_bom_handling();
    let room = |decoder: &encoding_rs::Decoder, left: usize| {
        decoder
            .max_utf8_buffer_length_without_replacement(left)
            .unwrap_or(left.saturating_mul(3))
            .max(16)
    };
    let mut text = String::with_capacity(room(&decoder, bytes.len()));
    let mut strays = Vec::new();
    let mut read = 0;
    loop {
        let (result, n) =
            decoder.decode_to_string_without_replacement(&bytes[read..], &mut text, true);
        read += n;
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => {
                let more = room(&decoder, bytes.len() - read);
                text.reserve(more);
            }
            DecoderResult::Malformed(bad, after) => {
                let end = read.saturating_sub(usize::from(after));
                let start = end.saturating_sub(usize::from(bad));
                strays.push(Stray {
                    byte_offset: base + start,
                    bytes: bytes[start..end].to_vec(),
                    text_offset: text.len(),
                });
                text.push(char::REPLACEMENT_CHARACTER);
            }
        }
    }
    (text, strays)
}

/// One `invalid_bytes` warning per stray sequence, at its line and column in `text`; lines
/// end as the table reads them (LF, CRLF or a lone CR). One pass over the text.
fn stray_diagnostics(text: &str, strays: &[Stray], encoding: Encoding) -> Vec<Diagnostic> {
    let bytes = text.as_bytes();
    let (mut line, mut line_start) = (1, 0);
    // Where the column was last counted on the current line, and the column there.
    let (mut counted_to, mut column) = (0, 1);
    let mut scanned = 0;
    let mut found: Vec<Diagnostic> = strays
        .iter()
        .take(REPORTED + 1)
        .map(|stray| {
            let at = stray.text_offset;
            for i in memchr::memchr2_iter(b'\n', b'\r', &bytes[scanned..at]) {
                let i = scanned + i;
                if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                    continue;
                }
                line += 1;
                line_start = i + 1;
            }
            scanned = at;
            if counted_to < line_start {
                (counted_to, column) = (line_start, 1);
            }
            column += columns(&text[counted_to..at]);
            counted_to = at;
            let shown: Vec<String> = stray
                .bytes
                .iter()
                .take(4)
                .map(|b| format!("{b:02X}"))
                .collect();
            let (what, verb, it) = if stray.bytes.len() == 1 {
                ("byte", "is", "it is")
            } else {
                ("bytes", "are", "they are")
            };
            Diagnostic::new(
                Code::InvalidBytes,
                Position::new(line, column),
                format!(
                    "the {what} {} at byte {} {verb} not valid {}; {it} read as U+FFFD",
                    shown.join(" "),
                    stray.byte_offset,
                    encoding.name()
                ),
            )
        })
        .collect();
    if let (Some(first), Some(last)) = (strays.get(REPORTED), strays.last()) {
        let more = strays.len() - REPORTED;
        let at = found[REPORTED].position();
        found[REPORTED] = Diagnostic::new(
            Code::InvalidBytes,
            at,
            format!(
                "{more} more sequences of bytes from here on (bytes {} to {}) are not valid {}; they are read as U+FFFD",
                first.byte_offset,
                last.byte_offset + last.bytes.len() - 1,
                encoding.name()
            ),
        );
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stray_byte_is_replaced_where_it_was() {
        let mut bytes = "主项\n办理材料\n".to_owned().into_bytes();
        // 办理, then the first two bytes of 主 (E4 B8 BB) alone, then 材料.
        let at = "主项\n办理".len();
        bytes.splice(at..at, [0xE4, 0xB8]);
        let decoded = decode(&bytes, None, false).unwrap();
        assert_eq!(decoded.text(), "主项\n办理\u{FFFD}材料\n");
        assert_eq!(decoded.encoding(), Encoding::Utf8);
        let d = &decoded.diagnostics()[0];
        assert_eq!(
            (d.code.clone(), d.line, d.column),
            (Code::InvalidBytes, 2, 3)
        );
        assert_eq!(
            d.message,
            "the bytes E4 B8 at byte 13 are not valid UTF-8; they are read as U+FFFD"
        );
        let error = decode(&bytes, None, true).unwrap_err();
        assert_eq!(
            error.to_string(),
            "line 2, column 3: invalid UTF-8 at byte 13"
        );
        assert_eq!(
            decode("主项".as_bytes(), None, true).unwrap().text(),
            "主项"
        );
    }

    #[test]
    fn ascii_with_a_pair_that_gb18030_reads_is_gb18030() {
        // Nothing says UTF-8 here: E4 B8 is 涓 in GB18030.
        let decoded = decode(b"ab\nc\xE4\xB8d\n", None, false).unwrap();
        assert_eq!(decoded.encoding(), Encoding::Gb18030);
        assert_eq!(decoded.text(), "ab\nc涓d\n");
    }

    #[test]
    fn text_that_starts_as_utf8_stays_utf8_whatever_follows() {
        let mut bytes = "主项子项办理材料时限\n".to_owned().into_bytes();
        // Bytes GB18030 reads (pairs of 0xB0) outnumber the UTF-8 characters.
        bytes.extend([0xB0].repeat(400));
        let decoded = decode(&bytes, None, false).unwrap();
        assert_eq!(decoded.encoding(), Encoding::Utf8);
        // The first 100 stray bytes are reported one by one, then the rest at once.
        let found = decoded.diagnostics();
        assert_eq!(found.len(), REPORTED + 1);
        assert_eq!((found[0].line, found[0].column), (2, 1));
        assert_eq!(
            found[REPORTED].message,
            "300 more sequences of bytes from here on (bytes 131 to 430) are not valid UTF-8; they are read as U+FFFD"
        );
        assert_eq!(found[REPORTED].column, 101);
        // Without the UTF-8 start, the same bytes are GB18030.
        let decoded = decode(&bytes[bytes.len() - 400..], None, false).unwrap();
        assert_eq!(decoded.encoding(), Encoding::Gb18030);
        assert_eq!(decoded.text(), "鞍".repeat(200));
    }

    #[test]
    fn columns_of_many_strays_count_on_from_the_last() {
        let decoded = decode(b"\xFFa\xFF\r\n\xFF\r\xFF\xFF", Some(Encoding::Utf8), false).unwrap();
        let at: Vec<(usize, usize)> = decoded
            .diagnostics()
            .iter()
            .map(|d| (d.line, d.column))
            .collect();
        assert_eq!(at, [(1, 1), (1, 3), (2, 1), (3, 1), (3, 2)]);
    }
}
