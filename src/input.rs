//! What [`parse`](crate::parse) reads: text, or bytes — text in any encoding
//! [`decode`](crate::decode) reads, or a spreadsheet workbook, told apart by its first bytes.

/// The input of [`parse`](crate::parse) and [`parse_with`](crate::parse_with).
///
/// Made from what a caller holds: `&str` and `&String` are text; `&[u8]`, `&[u8; N]` and
/// `&Vec<u8>` are bytes. Bytes that open as a workbook does (a ZIP archive: `.xlsx`, `.ods`;
/// an OLE compound file: `.xls`) are read as one (feature `xlsx`); other bytes are decoded
/// (UTF-8, UTF-16 by its byte-order mark, GB18030).
///
/// ```
/// use shixiang::Input;
/// assert!(matches!(Input::from("主项"), Input::Text(_)));
/// assert!(matches!(Input::from(&b"\xD6\xF7\xCF\xEE"[..]), Input::Bytes(_)));
/// assert!(Input::from(&b"PK\x03\x04"[..]).is_workbook());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Input<'a> {
    /// Text, already decoded.
    Text(&'a str),
    /// Bytes: encoded text, or a workbook.
    Bytes(&'a [u8]),
}

/// The first bytes of a ZIP archive (`.xlsx`, `.xlsb`, `.ods`).
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// The first bytes of an OLE compound file (`.xls`).
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

impl Input<'_> {
    /// Whether the input opens as a workbook does: bytes that start as a ZIP archive or an OLE
    /// compound file. No text list starts so (both begin with bytes that are no text).
    pub fn is_workbook(&self) -> bool {
        match self {
            Input::Text(_) => false,
            Input::Bytes(bytes) => bytes.starts_with(ZIP_MAGIC) || bytes.starts_with(OLE_MAGIC),
        }
    }
}

impl<'a> From<&'a str> for Input<'a> {
    fn from(text: &'a str) -> Input<'a> {
        Input::Text(text)
    }
}

impl<'a> From<&'a String> for Input<'a> {
    fn from(text: &'a String) -> Input<'a> {
        Input::Text(text)
    }
}

impl<'a> From<&'a [u8]> for Input<'a> {
    fn from(bytes: &'a [u8]) -> Input<'a> {
        Input::Bytes(bytes)
    }
}

impl<'a, const N: usize> From<&'a [u8; N]> for Input<'a> {
    fn from(bytes: &'a [u8; N]) -> Input<'a> {
        Input::Bytes(bytes)
    }
}

impl<'a> From<&'a Vec<u8>> for Input<'a> {
    fn from(bytes: &'a Vec<u8>) -> Input<'a> {
        Input::Bytes(bytes)
    }
}
