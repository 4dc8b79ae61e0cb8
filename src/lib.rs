//! `shixiang` (事项) turns Chinese government service-matter lists (政务服务事项清单), as
//! text extracted from their PDF tables, into structured data.
//!
//! A list is a table whose rows are services (子项, *matters*) grouped under merged category
//! cells (主项). Each cell holds structure in prose: numbered materials, deadlines, steps,
//! channels, notes and legal citations. `shixiang` reads the table the way a person does:
//!
//! 1. **bytes → rows of cells**: UTF-8 (with or without a byte-order mark), UTF-16 or
//!    GB18030; tab-separated lines or comma-separated records with quoted cells, LF, CRLF or
//!    CR line endings; or a spreadsheet's rows (feature `xlsx`). See [Encodings, delimiters
//!    and spreadsheets](#encodings-delimiters-and-spreadsheets);
//! 2. **lines → pages and rows**: the title, the header row wherever it repeats (columns are
//!    found by name, with their synonyms — 申请材料, 法定办结时限, 办理地点… — in any order,
//!    among any number of unknown ones, which stay in `extra`), data rows and footnotes;
//! 3. **rows → merged table**: a blank 主项 continues the category above; a 主项 split or
//!    truncated by a page break is joined again; a row continued on the next page is appended;
//! 4. **cells → fields**: one parser per kind of cell;
//! 5. **checks across rows**: numbering, conflicting citations;
//! 6. **the model**: a [`Document`], serializable with serde.
//!
//! One function reads them all, [`parse_with`] (and [`parse`], with the default options):
//! text, bytes in any encoding, a workbook, lenient or strict. A [`Reader`] reads the same
//! pipeline one category at a time.
//!
//! Parsing is lenient. What is odd about the source is reported as a [`Diagnostic`] with a
//! line and a column, never hidden and never fatal; an [`Error`] means there is no list at all.
//! No text is lost: every cell keeps its source text in `raw`, beside its structure.
//!
//! # Example
//!
//! ```
//! let text = "\
//! 某市医疗保障经办政务服务事项清单（2024版）
//! 主项\t子项序号\t子项\t办理材料\t办理时限
//! 一、参保登记\t1\t单位参保登记\t《参保登记表》\t即时办结
//! \t3\t职工参保登记\t有效身份证件\t即时办结
//! ";
//! let document = shixiang::parse(text)?;
//!
//! assert_eq!(document.region.as_deref(), Some("某市"));
//! assert_eq!(document.edition.as_deref(), Some("2024版"));
//! let category = &document.categories[0];
//! assert_eq!((category.ordinal, category.name.as_str()), (Some(1), "参保登记"));
//! assert_eq!(category.matters[1].name, "职工参保登记");
//! assert_eq!(category.matters[1].materials.raw, "有效身份证件");
//!
//! // Matter 2 is missing: a warning on line 4, column 2 (the 子项序号 cell).
//! let d = &document.diagnostics[0];
//! assert_eq!(d.code, shixiang::Code::MatterNumberMissing);
//! assert_eq!((d.line, d.column), (4, 2));
//! assert_eq!(d.message, "matter number 2 is missing between 1 and 3");
//! # Ok::<(), shixiang::Error>(())
//! ```
//!
//! Columns are 1-based and count user-perceived characters (graphemes), so an editor's column
//! and ours agree on Chinese text.
//!
//! # What a cell becomes
//!
//! Each structured cell keeps `raw` and adds what it says. One row, cell by cell:
//!
//! ```
//! use shixiang::{ChannelKind, ClauseKind, MaterialFormat, NumberKind, TimeUnit};
//!
//! let text = "\
//! 主项\t子项序号\t子项\t办理材料\t办理时限\t办理环节\t办理方式\t备注\t设定依据
//! 三、关系转移接续\t10\t医保关系转出\t1. 有效身份证件或社保卡 2. 《申请表》原件及复印件1份（加盖单位公章）\t\
//! 跨省转移接续不超过15个工作日 省内转移接续不超过9个工作日\t申请—受理 —审核—办结\t现场办理 网上办理\t\
//! 通过政务服务网申请办理的，办理时限1个工作日。\t\
//! 《中华人民共和国社会保险法》（主席令第35号）第五十七条、第五十八条
//! ";
//! let document = shixiang::parse(text)?;
//! let matter = &document.categories[0].matters[0];
//!
//! // 办理材料: items, alternatives (或), forms (《》), copies, original or copy, seals.
//! let items = &matter.materials.groups[0].items;
//! assert_eq!(items[0].alternatives, ["有效身份证件", "社保卡"]);
//! assert_eq!(items[1].forms, ["申请表"]);
//! assert_eq!(items[1].copies, Some(1));
//! assert_eq!(items[1].format, Some(MaterialFormat::OriginalAndCopy));
//! assert!(items[1].seal_required);
//!
//! // 办理时限: one clause per time limit, and the largest bound in working days.
//! let clauses = &matter.deadline.clauses;
//! assert_eq!(clauses[0].condition.as_deref(), Some("跨省转移接续"));
//! assert_eq!(clauses[1].amount, Some(9));
//! assert_eq!(clauses[1].unit, Some(TimeUnit::WorkingDay));
//! assert_eq!(matter.deadline.max_working_days, Some(15));
//! assert_eq!(matter.deadline.to_string(), "跨省转移接续不超过15个工作日；省内转移接续不超过9个工作日");
//!
//! // 办理环节 and 办理方式.
//! assert_eq!(matter.steps.steps, ["申请", "受理", "审核", "办结"]);
//! assert_eq!(matter.channels.modes[1].kind, ChannelKind::Online);
//!
//! // 备注: a deadline for one way of applying.
//! let online = &matter.notes.channel_deadlines[0];
//! assert_eq!(online.condition, "通过政务服务网申请办理的");
//! assert_eq!(online.clause.amount, Some(1));
//!
//! // 设定依据: title, document number, articles.
//! let law = &matter.legal_basis.citations[0];
//! assert_eq!(law.title, "中华人民共和国社会保险法");
//! let number = law.document_number.as_ref().unwrap();
//! assert_eq!((&number.kind, number.number), (&NumberKind::Order, Some(35)));
//! assert_eq!(law.provisions.iter().map(|p| p.article).collect::<Vec<_>>(), [57, 58]);
//! # assert!(matches!(clauses[0].kind, ClauseKind::Limit));
//! # Ok::<(), shixiang::Error>(())
//! ```
//!
//! A deadline can also be parsed on its own: `"不超过10个工作日".parse::<shixiang::Deadline>()`.
//!
//! # Long lists
//!
//! [`parse`] holds the whole document. A [`Reader`] gives one [`Category`] at a time instead,
//! each as soon as the table has read it to its end and parsed its cells, so that a long list
//! costs the memory of its text and of one category; its `finish` then gives the title,
//! columns, footnotes and every diagnostic. `parse` is a `Reader` that keeps every category.
//!
//! # Encodings, delimiters and spreadsheets
//!
//! [`parse`] takes text (`&str`) or bytes ([`Input`]). Bytes are read as UTF-8 with or
//! without a byte-order mark, UTF-16LE and UTF-16BE by
//! their byte-order mark, and GB18030 (GBK, GB2312) when the bytes are not UTF-8 and GB18030
//! reads them better; a few stray bytes in UTF-8 text are each reported (`invalid_bytes`,
//! with line and column) and read as U+FFFD, and the rest of the text is read. The document
//! says which encoding it read ([`Document::encoding`], and an `encoding_detected` info when
//! it is not UTF-8); [`ParseOptions::encoding`] forces one. [`decode`] gives the decoded text
//! on its own, for a [`Reader`].
//!
//! Cells are separated by tabs, or by commas with RFC 4180 quoting (a quoted cell may hold
//! commas, tabs, doubled quotes and line breaks; positions still point into the file):
//! whichever splits the header row, or what [`ParseOptions::delimiter`] forces.
//!
//! ```
//! let text = "标题\n主项,子项序号,子项,办理材料\n一、参保,1,登记,\"1. 身份证, 2. 申请表\"\n";
//! let document = shixiang::parse(text)?;
//! let matter = &document.categories[0].matters[0];
//! assert_eq!(matter.materials.raw, "1. 身份证, 2. 申请表");
//! assert_eq!(matter.materials.groups[0].items.len(), 2);
//!
//! let mut utf16 = vec![0xFF, 0xFE];
//! utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
//! let document = shixiang::parse(&utf16)?;
//! assert_eq!(document.encoding, "UTF-16LE");
//! assert_eq!(document.categories[0].matters[0].materials.raw, "1. 身份证, 2. 申请表");
//! # Ok::<(), shixiang::Error>(())
//! ```
//!
//! With the feature `xlsx`, [`parse`] reads bytes that are an `.xlsx` or `.xls` workbook
//! (told by their first bytes) as a sheet of it (the first, or [`ParseOptions::sheet`]):
//! a row's line is its sheet row and a
//! cell's column its sheet column; a merged region's text stays in its first cell, the others
//! read as blank, so that a merged 主项 continues its category as in a PDF's text.
//!
//! # Diagnostics
//!
//! A [`Diagnostic`] has a stable [`Code`] (snake_case in JSON), a [`Severity`], a position and
//! one plain English sentence. Codes are listed, with their meaning, in the README. Each code
//! has an [`Origin`]: `source` when the list is wrong (misnumbering, conflicting citations…),
//! `parser` when this crate could not read what is there (`*_unparsed`, `*_partial`). With
//! [`ParseOptions::strict`] ([`Strictness::Source`]), the first warning or error of source
//! origin becomes an [`Error`] instead; with [`Strictness::All`], the first of either origin.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod cell;
mod checks;
pub mod compare;
mod constructors;
mod diagnostic;
mod document;
mod error;
mod fields;
pub mod flat;
mod input;
mod model;
mod names;
mod outline;
mod owned_reader;
#[cfg(feature = "parquet")]
pub mod parquet;
mod reader;
mod table;
#[cfg(test)]
mod test_support;
mod text;
mod title;
mod working_days;

pub use compare::{compare, Comparison, Finding, FindingCode, MatterRef, Pair, PAIR_THRESHOLD};
pub use diagnostic::{Code, Diagnostic, Origin, Position, Severity, UnknownName};
pub use error::{Error, ErrorKind};
pub use fields::deadline::ParseDeadlineError;
pub use input::Input;
pub use model::{
    Basis, Category, Channel, ChannelDeadline, ChannelKind, Channels, Citation, ClauseKind,
    Deadline, DeadlineClause, Definition, Document, DocumentNumber, Effect, Extent, Extra, Fee,
    Frequency, LegalBasis, LineSpan, Material, MaterialFormat, MaterialGroup, MaterialHandling,
    MaterialMedium, MaterialSource, Materials, Matter, Notes, NumberKind, Period, Provision,
    StepLimit, Steps, TimeUnit, SCHEMA_VERSION,
};
pub use owned_reader::OwnedReader;
pub use reader::Reader;
pub use table::{Decoded, Encoding, UnknownEncoding};
pub use working_days::{WORKING_DAYS_PER_MONTH, WORKING_DAYS_PER_WEEK};

/// The JSON Schema (draft 2020-12) of a serialized [`Document`], generated from the Rust types.
///
/// It describes what this version writes: every field is listed as required, and objects allow
/// properties the schema does not name, so a document from a later version with added fields
/// (same `schema_version`) still validates. The repository keeps a copy in
/// `schema/document.schema.json`.
///
/// ```
/// let schema = shixiang::document_schema();
/// assert_eq!(schema.get("title").and_then(|t| t.as_str()), Some("Document"));
/// ```
#[cfg(feature = "schema")]
pub fn document_schema() -> schemars::Schema {
    schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<Document>()
}

/// Which findings fail a parse ([`ParseOptions::strictness`]); infos never do.
///
/// ```
/// use shixiang::Strictness;
/// assert_eq!("all".parse::<Strictness>().unwrap(), Strictness::All);
/// assert_eq!(Strictness::Source.to_string(), "source");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Strictness {
    /// Every finding is returned as a diagnostic (the default).
    #[default]
    Off,
    /// The first warning or error of [`Origin::Source`] fails the parse: the list is wrong.
    /// Findings of the parser's limits ([`Origin::Parser`]) are returned as diagnostics.
    Source,
    /// The first warning or error of either origin fails the parse.
    All,
}

impl Strictness {
    /// The name `dump --strict=NAME` takes: `off`, `source`, `all`.
    pub fn as_str(self) -> &'static str {
        match self {
            Strictness::Off => "off",
            Strictness::Source => "source",
            Strictness::All => "all",
        }
    }

    /// Whether `finding` fails a parse of this strictness.
    pub fn fails_on(self, finding: &Diagnostic) -> bool {
        finding.severity >= Severity::Warning
            && match self {
                Strictness::Off => false,
                Strictness::Source => finding.origin == Origin::Source,
                Strictness::All => true,
            }
    }
}

impl std::fmt::Display for Strictness {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Strictness {
    type Err = UnknownName;

    fn from_str(name: &str) -> Result<Strictness, UnknownName> {
        [Strictness::Off, Strictness::Source, Strictness::All]
            .into_iter()
            .find(|s| s.as_str() == name)
            .ok_or_else(|| UnknownName::new("strictness", name))
    }
}

/// How to parse.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParseOptions {
    /// Which findings fail the parse instead of being returned as diagnostics.
    pub strictness: Strictness,
    /// The encoding of bytes, instead of the one they are found to be in.
    pub encoding: Option<Encoding>,
    /// The byte between cells (`b'\t'`, `b','`, `b';'`…), instead of the one that splits the
    /// header row. A tab splits lines as they are; any other delimiter reads quoted cells.
    pub delimiter: Option<u8>,
    /// The sheet of a workbook to read, instead of the first.
    pub sheet: Option<String>,
}

impl ParseOptions {
    /// The default options: lenient.
    pub fn new() -> ParseOptions {
        ParseOptions::default()
    }

    /// Fail on the first warning or error of the source ([`Strictness::Source`]), or not
    /// ([`Strictness::Off`]).
    pub fn strict(mut self, strict: bool) -> ParseOptions {
        self.strictness = if strict {
            Strictness::Source
        } else {
            Strictness::Off
        };
        self
    }

    /// Fail on the findings `strictness` names.
    ///
    /// ```
    /// use shixiang::{ParseOptions, Strictness};
    /// // A 是否收费 cell that says neither yes nor no: a limit of the parser, not of the list.
    /// let text = "主项\t子项序号\t子项\t是否收费\n一、参保\t1\t登记\t视情况\n";
    /// let source = ParseOptions::new().strictness(Strictness::Source);
    /// let document = shixiang::parse_with(text, &source)?;
    /// assert_eq!(document.diagnostics[0].code, shixiang::Code::FeeUnparsed);
    /// let all = ParseOptions::new().strictness(Strictness::All);
    /// let error = shixiang::parse_with(text, &all).unwrap_err();
    /// assert!(matches!(error.kind(), shixiang::ErrorKind::Strict(d) if d.code == shixiang::Code::FeeUnparsed));
    /// # Ok::<(), shixiang::Error>(())
    /// ```
    pub fn strictness(mut self, strictness: Strictness) -> ParseOptions {
        self.strictness = strictness;
        self
    }

    /// Read bytes in `encoding`, whatever they look like.
    pub fn encoding(mut self, encoding: Encoding) -> ParseOptions {
        self.encoding = Some(encoding);
        self
    }

    /// Separate cells by `delimiter`, an ASCII byte other than the double quote and the line
    /// endings (others are ignored: the delimiter is then detected).
    ///
    /// ```
    /// let text = "主项;子项序号;子项;办理材料\n一、参保;1;登记;\"甲;乙\"\n";
    /// let options = shixiang::ParseOptions::new().delimiter(b';');
    /// let document = shixiang::parse_with(text, &options)?;
    /// assert_eq!(document.categories[0].matters[0].materials.raw, "甲;乙");
    /// # Ok::<(), shixiang::Error>(())
    /// ```
    pub fn delimiter(mut self, delimiter: u8) -> ParseOptions {
        self.delimiter = table::is_usable_delimiter(delimiter).then_some(delimiter);
        self
    }

    /// Read the sheet named `name` of a workbook.
    pub fn sheet(mut self, name: impl Into<String>) -> ParseOptions {
        self.sheet = Some(name.into());
        self
    }
}

/// Parse a matter list with the default (lenient) options: [`parse_with`] with
/// [`ParseOptions::default`].
///
/// `input` is text (`&str`, `&String`) or bytes (`&[u8]`, `&Vec<u8>`, `b"…"`): see [`Input`].
/// Returns `Err` only when the input holds no list: it is empty, or no line is a header row.
///
/// ```
/// let bytes = b"\xE4\xB8\xBB\xE9\xA1\xB9\t\xE5\xAD\x90\xE9\xA1\xB9\t\xE5\x8A\x9E\xE7\x90\x86\xE6\x9D\x90\xE6\x96\x99\n\
///               \xE4\xB8\x80\xE3\x80\x81\xE7\x94\xB2\t\xE4\xB9\x99\xFF\t\xE6\x97\xA0\n";
/// let document = shixiang::parse(bytes)?;
/// assert_eq!(document.categories[0].matters[0].name, "乙\u{FFFD}");
/// let d = document.diagnostics.iter().find(|d| d.code == shixiang::Code::InvalidBytes).unwrap();
/// assert_eq!((d.line, d.column), (2, 6));
/// assert_eq!(d.message, "the byte FF at byte 40 is not valid UTF-8; it is read as U+FFFD");
///
/// let strict = shixiang::ParseOptions::new().strict(true);
/// let error = shixiang::parse_with(bytes, &strict).unwrap_err();
/// assert_eq!(error.to_string(), "line 2, column 6: invalid UTF-8 at byte 40");
/// # Ok::<(), shixiang::Error>(())
/// ```
pub fn parse<'a>(input: impl Into<Input<'a>>) -> Result<Document, Error> {
    parse_with(input, &ParseOptions::default())
}

/// Parse a matter list with `options`: the one entry point.
///
/// Text is read as it is; bytes are a workbook when they open as one (a sheet of it: the
/// first, or [`ParseOptions::sheet`]; feature `xlsx`), else text in any encoding [`decode`]
/// reads. A workbook fails when its bytes cannot be read as one, when the sheet asked for
/// is not in it ([`ErrorKind::UnknownSheet`], naming the sheets it has), and, without the
/// feature `xlsx`, always ([`ErrorKind::WorkbookNeedsFeature`]).
///
/// ```
/// let options = shixiang::ParseOptions::new().strict(true);
/// let text = "主项\t子项序号\t子项\n一、参保\t1\t登记\n";
/// assert_eq!(shixiang::parse_with(text, &options)?.categories.len(), 1);
/// assert_eq!(shixiang::parse_with(text.as_bytes(), &options)?.categories.len(), 1);
/// # Ok::<(), shixiang::Error>(())
/// ```
pub fn parse_with<'a>(
    input: impl Into<Input<'a>>,
    options: &ParseOptions,
) -> Result<Document, Error> {
    let input = input.into();
    match input {
        Input::Text(text) => Reader::with_options(text, options).finish(),
        Input::Bytes(bytes) if input.is_workbook() => parse_workbook(bytes, options),
        Input::Bytes(bytes) => {
            let decoded = decode(bytes, options)?;
            Reader::from_decoded(&decoded, options).finish()
        }
    }
}

/// Decode bytes into text: the encoding [`ParseOptions::encoding`] forces, else UTF-8, UTF-16
/// by its byte-order mark, or GB18030; bytes that do not decode are each reported and read as
/// U+FFFD, or, in strict mode, fail the decoding. The rule is in the README (Encodings,
/// delimiters and spreadsheets). The text is for a [`Reader`]
/// ([`Reader::from_decoded`]); [`parse`] decodes by itself.
pub fn decode<'b>(bytes: &'b [u8], options: &ParseOptions) -> Result<Decoded<'b>, Error> {
    table::decode(
        bytes,
        options.encoding,
        options.strictness != Strictness::Off,
    )
}

/// A sheet of a workbook (`.xlsx`, `.xls`; also `.xlsb` and `.ods`). The document's
/// `encoding` is the workbook's format (`xlsx`…).
#[cfg(feature = "xlsx")]
fn parse_workbook(bytes: &[u8], options: &ParseOptions) -> Result<Document, Error> {
    let sheet = table::Sheet::read(bytes, options.sheet.as_deref())?;
    let source = table::Source::Sheet(sheet.rows());
    Reader::from_source(source, options, sheet.format, &[]).finish()
}

/// Without the feature `xlsx`, a workbook is an error that names the feature.
#[cfg(not(feature = "xlsx"))]
fn parse_workbook(_: &[u8], _: &ParseOptions) -> Result<Document, Error> {
    Err(Error::new(
        ErrorKind::WorkbookNeedsFeature,
        Position::new(1, 1),
    ))
}

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
