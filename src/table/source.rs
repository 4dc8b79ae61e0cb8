//! Bytes to lines: UTF-8 checking, the byte-order mark, and LF, CRLF or CR line endings.

use crate::diagnostic::Position;
use crate::error::{Error, ErrorKind};
use crate::text::scan;

/// Decode `bytes` as UTF-8, or say where the first bad byte is.
///
/// Valid text is checked by `simdutf8` (many bytes at a time: Chinese text has no ASCII runs
/// for std's fast path); only invalid text is checked again by std, for the first bad byte.
pub(crate) fn decode(bytes: &[u8]) -> Result<&str, Error> {
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Ok(text);
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let byte_offset = e.valid_up_to();
        let before = &bytes[..byte_offset];
        let (line, line_start) = scan::last_line(before);
        // The valid prefix of the line, counted like every other column.
        let column = std::str::from_utf8(&before[line_start..]).map_or(1, |s| {
            unicode_segmentation::UnicodeSegmentation::graphemes(s, true).count() + 1
        });
        Error::new(
            ErrorKind::InvalidUtf8 { byte_offset },
            Position { line, column },
        )
    })
}

/// One source line, without its line ending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line<'s> {
    /// 1-based line number.
    pub(crate) number: usize,
    pub(crate) text: &'s str,
}

/// The lines of `text`, after a leading byte-order mark; a line ends at LF, CRLF or a lone CR.
/// A last line without a line ending is a line; a final line ending does not start one.
pub(crate) fn lines(text: &str) -> Lines<'_> {
    Lines {
        rest: text.strip_prefix('\u{FEFF}').unwrap_or(text),
        number: 0,
    }
}

/// The iterator of [`lines`].
#[derive(Debug, Clone)]
pub(crate) struct Lines<'s> {
    rest: &'s str,
    number: usize,
}

impl<'s> Iterator for Lines<'s> {
    type Item = Line<'s>;

    fn next(&mut self) -> Option<Line<'s>> {
        if self.rest.is_empty() {
            return None;
        }
        self.number += 1;
        let (line, next) = match scan::find_line_break(self.rest) {
            Some(i) => {
                let ending = if self.rest[i..].starts_with("\r\n") {
                    2
                } else {
                    1
                };
                (&self.rest[..i], &self.rest[i + ending..])
            }
            None => (self.rest, ""),
        };
        self.rest = next;
        Some(Line {
            number: self.number,
            text: line,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<(usize, &str)> {
        lines(text).map(|l| (l.number, l.text)).collect()
    }

    #[test]
    fn every_line_ending() {
        let expected = [(1, "a"), (2, "b"), (3, ""), (4, "c")];
        assert_eq!(texts("a\nb\n\nc\n"), expected);
        assert_eq!(texts("a\r\nb\r\n\r\nc\r\n"), expected);
        assert_eq!(texts("a\rb\r\rc\r"), expected);
        assert_eq!(texts("a\r\nb\n\rc"), expected);
    }

    #[test]
    fn last_line_without_newline_and_bom() {
        assert_eq!(texts("\u{FEFF}主项\tx"), [(1, "主项\tx")]);
        assert_eq!(texts(""), []);
    }

    #[test]
    fn invalid_utf8_says_where() {
        let error = decode(b"ab\nc\xE4\xB8d\n").unwrap_err();
        assert_eq!(error.kind(), &ErrorKind::InvalidUtf8 { byte_offset: 4 });
        assert_eq!(error.position(), Position { line: 2, column: 2 });
        assert_eq!(
            error.to_string(),
            "line 2, column 2: invalid UTF-8 at byte 4"
        );
        assert_eq!(decode("主项".as_bytes()).unwrap(), "主项");
    }
}
