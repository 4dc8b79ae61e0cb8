//! Diagnostics: what the parser noticed about the source, collected rather than thrown.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A position in the source: 1-based line, 1-based column counted in user-perceived
/// characters (grapheme clusters), so that `第` is one column like `1`, and the byte offset.
///
/// ```
/// let document = shixiang::parse("主项\t子项序号\t子项\n一、甲\t1\t乙\n二、丙\t3\t丁\n")?;
/// let at = document.diagnostics[0].position(); // matter 2 is missing, at the `3`
/// assert_eq!((at.line, at.column), (3, 5));
/// assert_eq!(at.offset, Some("主项\t子项序号\t子项\n一、甲\t1\t乙\n二、丙\t".len()));
/// # Ok::<(), shixiang::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[non_exhaustive]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in graphemes.
    pub column: usize,
    /// Byte offset in the text read: the input's UTF-8 (after decoding, when it was in another
    /// encoding), a leading byte-order mark not counted. `None` where the position is known by
    /// line and column only: a finding about a whole line or row, a spreadsheet's cell.
    pub offset: Option<usize>,
}

impl Position {
    /// Line `line`, column `column`, byte offset unknown.
    pub fn new(line: usize, column: usize) -> Position {
        Position {
            line,
            column,
            offset: None,
        }
    }

    /// This position, at byte `offset` of the text.
    pub fn with_offset(self, offset: usize) -> Position {
        Position {
            offset: Some(offset),
            ..self
        }
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)
    }
}

/// How serious a finding is, from the least: `Info < Warning < Error`; a value of a later
/// version ([`Severity::Unknown`]) ranks above them all, so that strict mode fails on it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Severity {
    /// Worth knowing; the output is as the source meant it (a category split by a page break
    /// and joined again).
    Info,
    /// The source is probably wrong, or the parser could only partly structure a cell.
    Warning,
    /// The source is broken in a way that loses meaning.
    Error,
    /// A value this version does not know (written by a later one), as written.
    Unknown(String),
}

crate::names::open_names!("severity", Severity {
    Info = "info",
    Warning = "warning",
    Error = "error",
});

/// Whose fault a finding is: what [`Strictness::Source`](crate::Strictness) fails on, and
/// what it lets through.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Origin {
    /// The list is wrong: misnumbering, missing numbers, conflicting citations, unreadable
    /// bytes, unbalanced brackets, header and row shape problems. Fixing the source fixes it.
    Source,
    /// The parser could not read what is there (`*_unparsed`, `*_partial`): a limit of this
    /// crate, not an error in the list. The text is kept in `raw`.
    Parser,
    /// A value this version does not know (written by a later one), as written.
    Unknown(String),
}

crate::names::open_names!("origin", Origin {
    Source = "source",
    Parser = "parser",
});

/// A name that [`FromStr`](std::str::FromStr) of one of the crate's enums does not know.
///
/// ```
/// let error = "fatal".parse::<shixiang::Severity>().unwrap_err();
/// assert_eq!(error.to_string(), "unknown severity “fatal”");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownName {
    kind: &'static str,
    name: String,
}

impl UnknownName {
    pub(crate) fn new(kind: &'static str, name: &str) -> UnknownName {
        UnknownName {
            kind,
            name: name.to_owned(),
        }
    }

    /// The name that was not known.
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} “{}”", self.kind, self.name)
    }
}

impl std::error::Error for UnknownName {}

macro_rules! codes {
    ($( $(#[doc = $doc:literal])* $variant:ident = $name:literal, $severity:ident, $origin:ident; )*) => {
        /// The stable name of a kind of finding. Serialized as its snake_case name.
        ///
        /// Open: a code a later version writes reads as [`Code::Unknown`], with its name.
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Code {
            $( $(#[doc = $doc])* $variant, )*
            /// A code this version does not know (written by a later one), as written.
            Unknown(String),
        }

        impl Code {
            /// Every code this version knows, in the order the README lists them.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The stable snake_case name (`matter_number_missing`); an unknown code's own
            /// text.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Code::$variant => $name,)*
                    Code::Unknown(name) => name,
                }
            }

            /// The severity every finding of this code has; `None` for a code this version
            /// does not know (its findings carry their own [`Diagnostic::severity`]).
            pub fn severity(&self) -> Option<Severity> {
                match self {
                    $(Code::$variant => Some(Severity::$severity),)*
                    Code::Unknown(_) => None,
                }
            }

            /// Whose fault a finding of this code is: the list's ([`Origin::Source`]) or the
            /// parser's ([`Origin::Parser`]); `None` for a code this version does not know
            /// (its findings carry their own [`Diagnostic::origin`]).
            pub fn origin(&self) -> Option<Origin> {
                match self {
                    $(Code::$variant => Some(Origin::$origin),)*
                    Code::Unknown(_) => None,
                }
            }

            fn from_name(name: &str) -> Option<Code> {
                match name { $($name => Some(Code::$variant),)* _ => None }
            }

            /// The doc comment of each code of [`Code::ALL`], line by line (for the schema).
            #[cfg(feature = "schema")]
            const DOCS: &'static [&'static [&'static str]] = &[$(&[$($doc),*]),*];
        }
    };
}

codes! {
    // --- table layer ---
    /// A row with cells came before the first header row; its text is kept in `preamble`.
    RowBeforeHeader = "row_before_header", Warning, Source;
    /// No header row: the columns were inferred from what the first rows' cells hold.
    HeaderInferred = "header_inferred", Warning, Source;
    /// A header row repeated later differs from the first one.
    HeaderMismatch = "header_mismatch", Warning, Source;
    /// Two header rows read as one: cells of the first span the sub-columns of the second.
    HeaderRowsMerged = "header_rows_merged", Info, Source;
    /// A sub-column of a two-row header placed by position, not by name.
    HeaderSpansGuessed = "header_spans_guessed", Warning, Source;
    /// A row that reads as a second header row does not line up with the first.
    HeaderRowsUnmatched = "header_rows_unmatched", Warning, Source;
    /// The rows under a header start with a number cell the header has no cell for.
    HeaderCellMissing = "header_cell_missing", Warning, Source;
    /// A header cell read as a column name cut short by one character.
    HeaderNameCut = "header_name_cut", Warning, Source;
    /// A column the header names 子项 read as the 子项序号, by the numbers it holds.
    SeqColumnGuessed = "seq_column_guessed", Warning, Source;
    /// The header lacks a column the model expects (子项, 子项序号…).
    MissingColumn = "missing_column", Warning, Source;
    /// The same column appears twice in the header; the later one goes to `extra`.
    DuplicateColumn = "duplicate_column", Warning, Source;
    /// A row has fewer cells than the header.
    RowTooShort = "row_too_short", Warning, Source;
    /// A row has more non-empty cells than the header; the surplus goes to `extra`.
    RowTooLong = "row_too_long", Warning, Source;
    /// A 主项 cell that repeats the category open before a page break; the category goes on.
    CategoryRepeated = "category_repeated", Info, Source;
    /// A 主项 split by a page break was joined with the piece before it.
    CategoryJoined = "category_joined", Info, Source;
    /// An unnumbered 主项 opening a page after a numbered one, sharing no text with it, was
    /// read as the rest of that name and appended to it.
    CategoryFragment = "category_fragment", Info, Source;
    /// A row with neither 子项序号 nor 子项 carries on the matter before it (a row split by a
    /// page break); its cells were appended.
    RowContinued = "row_continued", Info, Source;
    /// A cell of a continued row was appended to the matter's cell: as a new item after a
    /// line break, after the punctuation that ends the text before, or run on as the rest of a
    /// word cut by the page break.
    CellContinued = "cell_continued", Info, Source;
    /// A row with neither 子项序号 nor 子项 and no matter before it to continue.
    OrphanRow = "orphan_row", Warning, Source;
    /// A matter row came before any 主项; it was put in a category without a name.
    MatterWithoutCategory = "matter_without_category", Warning, Source;
    /// A 主项 cell without a recognizable numeral where the list numbers its categories.
    CategoryWithoutNumber = "category_without_number", Warning, Source;
    /// A text line (no cells) between table rows that is neither the title nor a footnote.
    TextOutsideTable = "text_outside_table", Info, Source;
    /// A line holds a control character (NUL, ESC…) other than white space; it is kept in the
    /// text, and reported once per line.
    ControlCharacter = "control_character", Warning, Source;
    /// The table has a header row but no data row.
    EmptyTable = "empty_table", Warning, Source;
    /// A 主项编码 that differs from the code of the category its row belongs to; it is kept
    /// under the matter's `extra`.
    CategoryCodeConflict = "category_code_conflict", Warning, Source;
    /// The first header has no 主项 column: each row is a matter, and the categories are
    /// inferred (named by a 事项类型 column, or one category without a name). Reported once.
    CategoryInferred = "category_inferred", Info, Source;
    // --- numbering checks ---
    /// A category numeral out of sequence (`一` where `二` belongs).
    CategoryMisnumbered = "category_misnumbered", Warning, Source;
    /// A gap in the 子项序号 sequence.
    MatterNumberMissing = "matter_number_missing", Warning, Source;
    /// A 子项序号 used twice.
    MatterNumberDuplicate = "matter_number_duplicate", Warning, Source;
    /// A 子项序号 smaller than the one before it (other than a restart at 1 in a new category).
    MatterNumberOutOfOrder = "matter_number_out_of_order", Warning, Source;
    /// A 子项序号 that is not a positive whole number.
    MatterNumberInvalid = "matter_number_invalid", Warning, Source;
    /// A matter row with a 子项 but an empty 子项序号.
    MatterNumberEmpty = "matter_number_empty", Warning, Source;
    // --- field parsers ---
    /// A 办理时限 cell, or part of one, that could not be structured.
    DeadlineUnparsed = "deadline_unparsed", Warning, Parser;
    /// A 办理材料 item that could not be fully structured.
    MaterialsUnparsed = "materials_unparsed", Warning, Parser;
    /// A citation that could not be fully structured.
    CitationUnparsed = "citation_unparsed", Warning, Parser;
    /// A bracket in a structured cell without its partner (`即时办结（`, `甲）`).
    UnbalancedBrackets = "unbalanced_brackets", Warning, Source;
    /// A 设定依据 cell with text but no citation in it.
    LegalBasisWithoutCitation = "legal_basis_without_citation", Warning, Source;
    /// Part of a 办理时限 cell that the deadline parser read past: text left over that is more
    /// than punctuation, list markers or filler words.
    DeadlinePartial = "deadline_partial", Warning, Parser;
    /// Part of a 办理环节 cell that the steps parser read past.
    StepsPartial = "steps_partial", Warning, Parser;
    /// Part of a 办理方式 cell that the channels parser read past.
    ChannelsPartial = "channels_partial", Warning, Parser;
    /// Part of a 备注 cell that the notes parser read past.
    NotesPartial = "notes_partial", Warning, Parser;
    /// Part of a 办理材料 cell that the materials parser read past.
    MaterialsPartial = "materials_partial", Warning, Parser;
    /// A 办理材料 list marker whose number is used again (`4. 户口簿 4. 门诊病历手册`); it still
    /// starts an item.
    MaterialsMarkerRepeated = "materials_marker_repeated", Warning, Source;
    /// A 办理材料 list marker that skips a number or two (`2. 甲 4. 乙`); it still starts an
    /// item.
    MaterialsMarkerSkipped = "materials_marker_skipped", Warning, Source;
    /// Part of a 设定依据 cell that the citations parser read past.
    CitationsPartial = "citations_partial", Warning, Parser;
    /// A 是否收费 cell that says neither yes nor no; `fee.charged` is left empty.
    FeeUnparsed = "fee_unparsed", Warning, Parser;
    /// A 办理环节 part whose `一` (U+4E00) was read as a dash between steps
    /// (`申请一受理一办结`), as text extraction writes `—`.
    StepsDashRead = "steps_dash_read", Info, Source;
    // --- checks across the document ---
    /// The same title cited with different document numbers.
    ConflictingDocumentNumber = "conflicting_document_number", Warning, Source;
    // --- encodings ---
    /// The text was read in another encoding than UTF-8 (UTF-16 by its byte-order mark,
    /// GB18030 by the bytes, or the encoding the options force); line 1, column 1.
    EncodingDetected = "encoding_detected", Info, Source;
    /// A sequence of bytes that does not decode in the text's encoding (a character cut by a
    /// converter); it reads as U+FFFD and the rest of the text is read.
    InvalidBytes = "invalid_bytes", Warning, Source;
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Code {
    type Err = UnknownName;

    /// The code named by [`as_str`](Code::as_str).
    ///
    /// ```
    /// let code: shixiang::Code = "materials_unparsed".parse().unwrap();
    /// assert_eq!(code.origin(), Some(shixiang::Origin::Parser));
    /// assert!("no_such_code".parse::<shixiang::Code>().is_err());
    /// ```
    fn from_str(name: &str) -> Result<Code, UnknownName> {
        Code::from_name(name).ok_or_else(|| UnknownName::new("code", name))
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// Any name: a code this version does not know reads as [`Code::Unknown`].
impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Code, D::Error> {
        let name = String::deserialize(deserializer)?;
        Ok(Code::from_name(&name).unwrap_or(Code::Unknown(name)))
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Code {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Code".into()
    }

    /// Each known code as a `const` with its doc comment as description, or any string.
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let known: Vec<serde_json::Value> = Code::ALL
            .iter()
            .zip(Code::DOCS)
            .map(|(code, doc)| {
                let lines: Vec<&str> = doc.iter().map(|line| line.trim()).collect();
                serde_json::json!({
                    "type": "string",
                    "const": code.as_str(),
                    "description": lines.join(" "),
                })
            })
            .collect();
        schemars::json_schema!({
            "description": "The stable name of a kind of finding: one of the codes listed, or a code of a later version (any string).",
            "anyOf": [
                { "oneOf": known },
                { "type": "string" }
            ]
        })
    }
}

/// A non-fatal finding about the source, with where it was found.
///
/// JSON written before `origin` existed (schema_version 1) reads with the origin of its code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "DiagnosticFields")]
#[non_exhaustive]
pub struct Diagnostic {
    /// The stable name of the finding.
    pub code: Code,
    /// How serious it is (always [`Code::severity`] of the code).
    pub severity: Severity,
    /// 1-based source line.
    pub line: usize,
    /// 1-based column, in graphemes.
    pub column: usize,
    /// Byte offset in the text read ([`Position::offset`]); `null` where the finding is
    /// placed by line and column only.
    #[serde(default)]
    pub offset: Option<usize>,
    /// One plain English sentence naming what was found.
    pub message: String,
    /// Whose fault it is (always [`Code::origin`] of the code).
    pub origin: Origin,
    /// The line where the row of the matter it concerns starts ([`Matter::line`]), for a
    /// finding in a matter's cells: the key that joins it to the matter, whatever line of a
    /// continued row it is on. `null` for a finding about the table, a category or the list.
    ///
    /// [`Matter::line`]: crate::Matter::line
    #[serde(default)]
    pub matter_line: Option<usize>,
}

/// A [`Diagnostic`] as JSON holds it, `origin` and `matter_line` optional.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct DiagnosticFields {
    code: Code,
    severity: Severity,
    line: usize,
    column: usize,
    #[serde(default)]
    offset: Option<usize>,
    message: String,
    #[serde(default)]
    origin: Option<Origin>,
    #[serde(default)]
    matter_line: Option<usize>,
}

impl TryFrom<DiagnosticFields> for Diagnostic {
    type Error = String;

    fn try_from(fields: DiagnosticFields) -> Result<Diagnostic, String> {
        let Some(origin) = fields.origin.or_else(|| fields.code.origin()) else {
            return Err(format!(
                "the diagnostic of unknown code “{}” has no origin",
                fields.code
            ));
        };
        Ok(Diagnostic {
            origin,
            code: fields.code,
            severity: fields.severity,
            line: fields.line,
            column: fields.column,
            offset: fields.offset,
            message: fields.message,
            matter_line: fields.matter_line,
        })
    }
}

impl Diagnostic {
    /// A finding of `code`, one this version knows (the parsers make no other).
    pub(crate) fn new(code: Code, at: Position, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: code.severity().unwrap_or(Severity::Warning),
            origin: code.origin().unwrap_or(Origin::Parser),
            code,
            line: at.line,
            column: at.column,
            offset: at.offset,
            message: message.into(),
            matter_line: None,
        }
    }

    /// Where the finding is.
    pub fn position(&self) -> Position {
        Position {
            line: self.line,
            column: self.column,
            offset: self.offset,
        }
    }
}

/// `line L, column C: SEVERITY[CODE]: MESSAGE`: the position as an [`Error`](crate::Error)
/// gives it, so that a strict parse's error reads as the diagnostic that failed it.
///
/// ```
/// let document = shixiang::parse("主项\t子项序号\t子项\n一、甲\t1\t乙\n二、丙\t3\t丁\n")?;
/// let finding = document.diagnostics.iter().find(|d| d.code.as_str() == "matter_number_missing");
/// assert_eq!(
///     finding.unwrap().to_string(),
///     "line 3, column 5: warning[matter_number_missing]: matter number 2 is missing between 1 and 3"
/// );
/// let error = shixiang::parse_with(
///     "主项\t子项序号\t子项\n一、甲\t1\t乙\n二、丙\t3\t丁\n",
///     &shixiang::ParseOptions::new().strict(true),
/// )
/// .unwrap_err();
/// assert_eq!(error.to_string(), finding.unwrap().to_string());
/// # Ok::<(), shixiang::Error>(())
/// ```
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}[{}]: {}",
            self.position(),
            self.severity,
            self.code,
            self.message
        )
    }
}

/// Where parsers put their findings.
#[derive(Debug, Default)]
pub(crate) struct Diagnostics {
    found: Vec<Diagnostic>,
    /// The line of the matter whose cells are being parsed: what the findings made meanwhile
    /// concern ([`Diagnostic::matter_line`]).
    matter: Option<usize>,
}

impl Diagnostics {
    pub(crate) fn push(&mut self, code: Code, at: Position, message: impl Into<String>) {
        let mut diagnostic = Diagnostic::new(code, at, message);
        diagnostic.matter_line = self.matter;
        self.found.push(diagnostic);
    }

    /// Push a finding about the matter at `matter_line` (a check across rows).
    pub(crate) fn push_for_matter(
        &mut self,
        matter_line: usize,
        code: Code,
        at: Position,
        message: impl Into<String>,
    ) {
        self.in_matter(matter_line, |diagnostics| {
            diagnostics.push(code, at, message)
        });
    }

    /// Run `parse` with the findings it makes marked as concerning the matter at `line`.
    pub(crate) fn in_matter<T>(&mut self, line: usize, parse: impl FnOnce(&mut Self) -> T) -> T {
        let outer = self.matter.replace(line);
        let value = parse(self);
        self.matter = outer;
        value
    }

    pub(crate) fn into_sorted(mut self) -> Vec<Diagnostic> {
        // Stable: findings at the same place keep the order they were made in.
        self.found.sort_by_key(|d| (d.line, d.column));
        self.found
    }
}

/// The longest source text a message quotes, in characters.
pub(crate) const QUOTE_LIMIT: usize = 40;

/// A cell's text as a message quotes it: [`normalize`](crate::text::normalize::normalize)d, then
/// [`quote`]d.
pub(crate) fn excerpt(text: &str) -> String {
    quote(&crate::text::normalize::normalize(quoted_start(text))).into_owned()
}

/// The start of `text` that its [`excerpt`] shows: up to its first `QUOTE_LIMIT + 1`
/// characters that normalizing keeps (neither white space nor invisible), all of it when it has
/// fewer. Normalized, it is the start of the normalized whole (every space in it stands between
/// two characters of it), and long enough that [`quote`] cuts it where it would cut the whole:
/// a message about a 10 MB cell does not normalize the cell.
fn quoted_start(text: &str) -> &str {
    let mut kept = 0;
    for (at, c) in text.char_indices() {
        if !crate::text::normalize::is_space_or_invisible(c) {
            kept += 1;
            if kept > QUOTE_LIMIT {
                return &text[..at + c.len_utf8()];
            }
        }
    }
    text
}

/// `text` as a message quotes it: whole when short, else its first [`QUOTE_LIMIT`] characters
/// and `…`, so that a message stays one short sentence whatever the source holds (a 10 MB
/// cell, or a category joined from thousands of pieces, must not make a 10 MB message).
/// Control and invisible characters are shown as `\u{200b}`, so the reader sees them.
pub(crate) fn quote(text: &str) -> std::borrow::Cow<'_, str> {
    let shown = |c: char| !is_unseen(c);
    let short = text.char_indices().nth(QUOTE_LIMIT).is_none();
    if short && text.chars().all(shown) {
        return std::borrow::Cow::Borrowed(text);
    }
    // The limit counts what the reader sees: an escaped character counts as its escape
    // (written straight into the quote, which is allocated once).
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let escape = (!shown(c)).then(|| c.escape_unicode());
        let width = escape.as_ref().map_or(1, ExactSizeIterator::len);
        if used + width > QUOTE_LIMIT {
            out.push('…');
            break;
        }
        used += width;
        match escape {
            Some(escape) => out.extend(escape),
            None => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Characters a reader cannot see in a message: control characters other than white space,
/// and the invisible ones (zero-width space, joiners, byte-order mark).
pub(crate) fn is_unseen(c: char) -> bool {
    (c.is_control() && !c.is_whitespace()) || crate::text::normalize::is_invisible(c) || c == '\t'
}

#[cfg(test)]
mod quote_tests {
    use super::*;

    /// [`quote`] as first written, a `String` per character: the oracle of
    /// `quotes_are_written_as_before`.
    fn quote_by_pieces(text: &str) -> String {
        let shown = |c: char| !is_unseen(c);
        if text.char_indices().nth(QUOTE_LIMIT).is_none() && text.chars().all(shown) {
            return text.to_owned();
        }
        let mut out = String::new();
        let mut used = 0;
        for c in text.chars() {
            let piece: String = if shown(c) {
                c.to_string()
            } else {
                c.escape_unicode().collect()
            };
            let width = piece.chars().count();
            if used + width > QUOTE_LIMIT {
                out.push('…');
                break;
            }
            used += width;
            out.push_str(&piece);
        }
        out
    }

    #[test]
    fn quotes_are_written_as_before() {
        let pieces = [
            "甲",
            "a",
            "\0",
            "\u{200B}",
            "\t",
            "\u{10FFFF}",
            "\u{7F}",
            "甲乙丙丁戊己庚辛",
        ];
        for text in &crate::test_support::every_text(&pieces, 4) {
            assert_eq!(quote(text), quote_by_pieces(text), "{text:?}");
        }
        for n in [QUOTE_LIMIT - 1, QUOTE_LIMIT, QUOTE_LIMIT + 1] {
            for tail in ["", "\0", "甲", "\u{200B}\u{200B}"] {
                let text = format!("{}{tail}", "乙".repeat(n));
                assert_eq!(quote(&text), quote_by_pieces(&text), "{text:?}");
            }
        }
    }

    #[test]
    fn long_texts_are_cut_at_the_limit() {
        assert_eq!(quote("单位参保登记"), "单位参保登记");
        let long = "甲".repeat(QUOTE_LIMIT + 1);
        assert_eq!(quote(&long), format!("{}…", "甲".repeat(QUOTE_LIMIT)));
        assert_eq!(quote(&"乙".repeat(QUOTE_LIMIT)), "乙".repeat(QUOTE_LIMIT));
    }

    #[test]
    fn unseen_characters_are_shown_escaped() {
        assert_eq!(quote("2\0"), "2\\u{0}");
        assert_eq!(quote("１\u{200B}"), "１\\u{200b}");
        assert_eq!(quote("a\tb"), "a\\u{9}b");
        assert_eq!(quote("a b\u{3000}c"), "a b\u{3000}c");
        // Escapes count towards the limit: 40 NULs show as eight escapes of 5 characters.
        assert_eq!(quote(&"\0".repeat(40)), format!("{}…", "\\u{0}".repeat(8)));
    }
}

#[cfg(test)]
mod excerpt_tests {
    use super::*;

    #[test]
    fn excerpts_are_normalized_then_quoted() {
        assert_eq!(excerpt("  1. 甲 乙\u{200B} "), "1. 甲乙");
        let long = format!(" {} ", "字".repeat(QUOTE_LIMIT * 2));
        assert_eq!(excerpt(&long).chars().count(), QUOTE_LIMIT + 1);
    }

    #[test]
    fn an_excerpt_is_the_quote_of_the_whole_text_normalized() {
        let pieces = ["甲", "a", " ", "\u{3000}", "\u{200B}", "\0", "\t"];
        for length in [
            QUOTE_LIMIT - 2,
            QUOTE_LIMIT,
            QUOTE_LIMIT + 1,
            QUOTE_LIMIT + 3,
        ] {
            for text in crate::test_support::every_text(&pieces, 3) {
                // The pieces at the cut, after `length` ideographs.
                let text = format!("{}{text}{}", "乙".repeat(length), text);
                let whole = quote(&crate::text::normalize::normalize(&text)).into_owned();
                assert_eq!(excerpt(&text), whole, "{text:?}");
            }
        }
    }
}
