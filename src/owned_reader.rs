//! A [`Reader`] that owns its text, read from any [`io::Read`]: a file, standard input, a
//! network stream. It can be returned from a function and kept in a struct, where a `Reader`
//! borrows a text that someone else must keep alive.

use std::io;

use crate::diagnostic::Position;
use crate::error::{Error, ErrorKind};
use crate::model::{Category, Document};
use crate::table::Decoded;
use crate::{ParseOptions, Reader};

self_cell::self_cell!(
    /// The decoded text and the reader that borrows it.
    struct Cell {
        owner: Decoded<'static>,
        #[not_covariant]
        dependent: Reader,
    }

    impl {Debug}
);

/// A [`Reader`] over text it owns: what [`OwnedReader::new`] read from an [`io::Read`] and
/// decoded (UTF-8, UTF-16 with a byte-order mark or GB18030, as [`decode`](crate::decode)
/// tells). It reads the list one category at a time like a `Reader`, and
/// [`finish`](OwnedReader::finish) gives the document around them.
///
/// ```
/// fn open(path: &str) -> Result<shixiang::OwnedReader, shixiang::Error> {
///     let file = std::fs::File::open(path).expect("the fixture is there");
///     shixiang::OwnedReader::new(file)
/// }
///
/// let mut reader = open("fixtures/valid/yantai.tsv")?;
/// let first = reader.next().expect("a category")?;
/// assert_eq!(first.name, "基本医疗保险参保和变更登记");
/// assert_eq!(reader.title(), Some("烟台市医疗保障经办政务服务事项清单"));
/// let document = reader.finish()?;
/// assert_eq!(document.categories.len(), 10); // the 11 of the list but the one taken
/// # Ok::<(), shixiang::Error>(())
/// ```
#[derive(Debug)]
pub struct OwnedReader(Cell);

impl OwnedReader {
    /// Read all of `input` and a reader of it, with the default (lenient) options.
    pub fn new(input: impl io::Read) -> Result<OwnedReader, Error> {
        OwnedReader::with_options(input, &ParseOptions::default())
    }

    /// Read all of `input` and a reader of it with `options` (encoding, delimiter,
    /// strictness). Fails when `input` cannot be read, its bytes cannot be decoded, or they
    /// are a spreadsheet workbook ([`ErrorKind::WorkbookInReader`]: [`parse`](crate::parse)
    /// reads one).
    pub fn with_options(
        mut input: impl io::Read,
        options: &ParseOptions,
    ) -> Result<OwnedReader, Error> {
        let mut bytes = Vec::new();
        input
            .read_to_end(&mut bytes)
            .map_err(|error| Error::new(ErrorKind::Io(error.to_string()), Position::new(1, 1)))?;
        if crate::Input::from(&bytes).is_workbook() {
            return Err(Error::new(ErrorKind::WorkbookInReader, Position::new(1, 1)));
        }
        let decoded = crate::decode(&bytes, options)?.into_owned();
        drop(bytes);
        Ok(OwnedReader(Cell::new(decoded, |decoded| {
            Reader::from_decoded(decoded, options)
        })))
    }

    /// The list's title, as far as the text is read (see [`Reader::title`]).
    pub fn title(&self) -> Option<&str> {
        self.0.with_dependent(|_, reader| reader.title())
    }

    /// The column names of the first header row, as far as the text is read (see
    /// [`Reader::columns`]).
    pub fn columns(&self) -> &[String] {
        self.0.with_dependent(|_, reader| reader.columns())
    }

    /// Read the rest of the list and give the document (see [`Reader::finish`]).
    pub fn finish(mut self) -> Result<Document, Error> {
        self.0
            .with_dependent_mut(|_, reader| std::mem::replace(reader, Reader::new("")).finish())
    }
}

impl Iterator for OwnedReader {
    type Item = Result<Category, Error>;

    fn next(&mut self) -> Option<Result<Category, Error>> {
        self.0.with_dependent_mut(|_, reader| reader.next())
    }
}

impl std::iter::FusedIterator for OwnedReader {}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &str = "某市清单\n主项\t子项序号\t子项\t办理材料\n一、参保\t1\t登记\t无\n二、待遇\t1\t支付\t身份证\n";

    /// A reader whose every read fails.
    struct Broken;

    impl io::Read for Broken {
        fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
            Err(io::Error::other("the disk is gone"))
        }
    }

    #[test]
    fn it_reads_what_parse_reads_in_any_encoding() {
        let gb18030 = encoding_rs::GB18030.encode(LIST).0.into_owned();
        for bytes in [LIST.as_bytes().to_vec(), gb18030] {
            let mut reader = OwnedReader::new(bytes.as_slice()).unwrap();
            let names: Vec<String> = reader.by_ref().map(|c| c.unwrap().name).collect();
            assert_eq!(names, ["参保", "待遇"]);
            assert_eq!(reader.columns()[2], "子项");
            let rest = reader.finish().unwrap();
            let whole = crate::parse(&bytes).unwrap();
            assert_eq!(rest.encoding, whole.encoding);
            assert_eq!(rest.diagnostics, whole.diagnostics);
            assert_eq!(rest.title.as_deref(), Some("某市清单"));
        }
    }

    #[test]
    fn an_input_that_cannot_be_read_is_an_error() {
        let error = OwnedReader::new(Broken).unwrap_err();
        assert_eq!(
            error.to_string(),
            "line 1, column 1: cannot read the input: the disk is gone"
        );
    }

    #[test]
    fn a_text_without_a_list_fails_as_a_reader_does() {
        let mut reader = OwnedReader::new("只有一行标题".as_bytes()).unwrap();
        assert!(matches!(reader.next(), Some(Err(_))));
        assert!(reader.next().is_none());
        assert_eq!(
            reader.finish().unwrap_err().to_string(),
            "line 1, column 1: no header row found (a row naming columns such as 子项 and 办理材料)"
        );
    }
}
