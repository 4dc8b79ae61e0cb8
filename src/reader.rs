//! Reading a list one category at a time: the whole pipeline, driven by [`Reader`].

use std::iter::FusedIterator;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::document::Builder;
use crate::error::{Error, ErrorKind};
use crate::model::{Category, Document};
use crate::table::{Decoded, Encoding, Source, TableReader};
use crate::ParseOptions;

/// Reads a matter list one category at a time, so that the parsed list is never held whole.
///
/// Iterating gives each [`Category`] as soon as the table has read it to its end (the row
/// that starts the next 主项, or the end of the text) and parsed every cell of it; a text
/// that holds no list (empty, or without a header row) ends the iteration with its error.
/// [`finish`](Reader::finish) then reads what is left and gives the [`Document`] around it:
/// title, columns and footnotes, the categories not yet taken (none, when the iteration ran
/// to the end), and every diagnostic of the whole list, sorted, those of the categories
/// already given included: a finding that compares rows across the list (a document cited
/// with two numbers) can only be made at the end.
///
/// [`parse`](crate::parse) is `Reader::new(text).finish()`: the same pipeline, holding every
/// category.
///
/// ```
/// let text = "\
/// 主项\t子项序号\t子项\t办理材料\t办理时限\t办理环节\t办理方式\t备注\t设定依据
/// 一、参保登记\t1\t单位参保登记\t营业执照\t即时办结\t受理、办结\t窗口办理\t\t
/// 二、待遇支付\t1\t生育津贴支付\t身份证\t10个工作日\t受理、审核、办结\t网上办理\t\t
/// ";
/// let mut reader = shixiang::Reader::new(text);
/// let mut names = Vec::new();
/// while let Some(category) = reader.next() {
///     let category = category?;
///     // What the table read before the category is known: the title, the columns.
///     assert_eq!(reader.columns()[2], "子项");
///     names.push(category.name);
/// }
/// assert_eq!(names, ["参保登记", "待遇支付"]);
///
/// let rest = reader.finish()?;
/// assert!(rest.categories.is_empty());
/// assert_eq!(rest.columns.len(), 9);
/// # Ok::<(), shixiang::Error>(())
/// ```
///
/// Strict mode fails [`finish`](Reader::finish) with the first finding of the whole list
/// that its [`Strictness`](crate::Strictness) fails on, as [`parse_with`](crate::parse_with) does; the iteration does not stop
/// for it, since which finding comes first is only known once the list is read to its end.
#[derive(Debug)]
pub struct Reader<'s> {
    table: TableReader<'s>,
    builder: Builder<'s>,
    diagnostics: Diagnostics,
    strictness: crate::Strictness,
    /// What [`Document::encoding`] says.
    encoding: String,
    state: State,
}

#[derive(Debug, Clone, PartialEq)]
enum State {
    Reading,
    /// The table is read and every category given.
    Done,
    /// The text holds no list: the error the iteration ended with, given again by `finish`.
    Failed(Error),
}

impl<'s> Reader<'s> {
    /// A reader of `text` with the default (lenient) options.
    pub fn new(text: &'s str) -> Reader<'s> {
        Reader::with_options(text, &ParseOptions::default())
    }

    /// A reader of `text` with `options`: its delimiter is the one the options force, or the
    /// one that splits its header row (a tab or a comma).
    pub fn with_options(text: &'s str, options: &ParseOptions) -> Reader<'s> {
        let source = Source::delimited(text, options.delimiter);
        Reader::from_source(source, options, Encoding::Utf8.name(), &[])
    }

    pub(crate) fn from_source(
        source: Source<'s>,
        options: &ParseOptions,
        encoding: &str,
        found: &[Diagnostic],
    ) -> Reader<'s> {
        let mut diagnostics = Diagnostics::default();
        for d in found {
            diagnostics.push(d.code.clone(), d.position(), d.message.clone());
        }
        Reader {
            table: TableReader::new(source),
            builder: Builder::default(),
            diagnostics,
            strictness: options.strictness,
            encoding: encoding.to_owned(),
            state: State::Reading,
        }
    }

    /// A reader of text [`decode`](crate::decode)d from bytes: the document names its
    /// encoding, and the findings of the decoding are among its diagnostics.
    ///
    /// ```
    /// let bytes = encoding_rs::GB18030.encode("主项\t子项序号\t子项\t办理材料\n一、参保\t1\t登记\t无\n").0;
    /// let options = shixiang::ParseOptions::new();
    /// let decoded = shixiang::decode(&bytes, &options)?;
    /// let document = shixiang::Reader::from_decoded(&decoded, &options).finish()?;
    /// assert_eq!(document.encoding, "GB18030");
    /// assert_eq!(document.categories[0].matters[0].name, "登记");
    /// # Ok::<(), shixiang::Error>(())
    /// ```
    pub fn from_decoded(decoded: &'s Decoded<'_>, options: &ParseOptions) -> Reader<'s> {
        let source = Source::delimited(decoded.text(), options.delimiter);
        let encoding = decoded.encoding().name();
        Reader::from_source(source, options, encoding, decoded.diagnostics())
    }

    /// The list's title (the line above the header that reads as a list title, not an annex
    /// label or a page number), as far as the text is read: it is known by the time the first
    /// category is given. [`finish`](Reader::finish) gives it
    /// too, with the region and edition read from it.
    pub fn title(&self) -> Option<&str> {
        self.table.title()
    }

    /// The column names of the first header row, as far as the text is read (empty before
    /// it): they are known by the time the first category is given.
    pub fn columns(&self) -> &[String] {
        self.table.columns()
    }

    /// Read the rest of the list and give the document: the categories not yet taken, what
    /// surrounds them and every diagnostic of the list.
    ///
    /// Fails when the text holds no list (it is empty, or no line is a header row), or in
    /// strict mode with the list's first warning or error finding.
    pub fn finish(mut self) -> Result<Document, Error> {
        if let State::Failed(error) = self.state {
            return Err(error);
        }
        let mut categories = Vec::new();
        while let Some(draft) = self.table.next_category(&mut self.diagnostics) {
            categories.push(self.builder.category(&draft, &mut self.diagnostics));
            self.table.recycle(draft);
        }
        let frame = self.table.finish(&mut self.diagnostics)?;
        let mut document = self.builder.finish(frame, categories, self.diagnostics);
        document.encoding = self.encoding;
        let strictness = self.strictness;
        if let Some(first) = document.diagnostics.iter().find(|d| strictness.fails_on(d)) {
            return Err(Error::new(
                ErrorKind::Strict(first.clone()),
                first.position(),
            ));
        }
        Ok(document)
    }
}

impl Iterator for Reader<'_> {
    type Item = Result<Category, Error>;

    fn next(&mut self) -> Option<Result<Category, Error>> {
        if self.state != State::Reading {
            return None;
        }
        let Some(draft) = self.table.next_category(&mut self.diagnostics) else {
            return match self.table.error() {
                Some(error) => {
                    self.state = State::Failed(error.clone());
                    Some(Err(error))
                }
                None => {
                    self.state = State::Done;
                    None
                }
            };
        };
        let category = self.builder.category(&draft, &mut self.diagnostics);
        self.table.recycle(draft);
        Some(Ok(category))
    }
}

impl FusedIterator for Reader<'_> {}
