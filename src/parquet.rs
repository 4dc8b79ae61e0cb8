//! The flat tables of [`flat`](crate::flat) as Parquet files (the feature `parquet`).
//!
//! Each table has one fixed, typed schema, whatever the lists hold: a column that is empty
//! in every row of one file is still `Utf8` or `UInt32`, never inferred as `NULL`, so the
//! files of many lists load into one table (DuckDB, pyarrow, Spark) without a type error.
//! What the CSV tables join with `|` is a list here (`List<Utf8>`, `List<UInt32>`), and
//! `extra` is the text of a JSON object, as in the CSV.
//!
//! ```
//! let document = shixiang::parse("主项\t子项序号\t子项\t办理材料\n一、登记\t1\t参保登记\t1.身份证或户口簿\n")?;
//! let mut file = Vec::new();
//! shixiang::parquet::write(&mut file, shixiang::parquet::Table::Materials, &[(&document, "a.tsv")])
//!     .expect("written");
//! assert!(file.starts_with(b"PAR1"));
//! # Ok::<(), shixiang::Error>(())
//! ```

use std::io;
use std::sync::Arc;

use arrow_array::builder::{ListBuilder, StringBuilder, UInt32Builder};
use arrow_array::{ArrayRef, BooleanArray, RecordBatch, StringArray, UInt32Array, UInt64Array};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use parquet::arrow::ArrowWriter;

use crate::flat::{provision_text, MatterRow, Tables};
use crate::model::Document;

/// Which flat table to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Table {
    /// One row per matter ([`MatterRow`](crate::flat::MatterRow)).
    Matters,
    /// One row per material item ([`MaterialRow`](crate::flat::MaterialRow)).
    Materials,
    /// One row per citation ([`CitationRow`](crate::flat::CitationRow)).
    Citations,
    /// One row per diagnostic ([`DiagnosticRow`](crate::flat::DiagnosticRow)).
    Diagnostics,
}

impl Table {
    /// Every table, in the order the README lists them.
    pub const ALL: [Table; 4] = [
        Table::Matters,
        Table::Materials,
        Table::Citations,
        Table::Diagnostics,
    ];

    /// The table's name, as `dump --table NAME` takes it: `matters`, `materials`,
    /// `citations`, `diagnostics`.
    ///
    /// ```
    /// use shixiang::parquet::Table;
    /// assert_eq!(Table::Citations.as_str(), "citations");
    /// assert_eq!("materials".parse::<Table>().unwrap(), Table::Materials);
    /// assert_eq!(
    ///     "rows".parse::<Table>().unwrap_err().to_string(),
    ///     "unknown table “rows”"
    /// );
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Table::Matters => "matters",
            Table::Materials => "materials",
            Table::Citations => "citations",
            Table::Diagnostics => "diagnostics",
        }
    }

    /// The table's schema: the same for every list.
    pub fn schema(self) -> SchemaRef {
        // An empty batch has every column, typed.
        build(self, &[]).schema()
    }
}

impl std::fmt::Display for Table {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Table {
    type Err = crate::UnknownName;

    /// The table named by [`as_str`](Table::as_str).
    fn from_str(name: &str) -> Result<Table, crate::UnknownName> {
        Table::ALL
            .into_iter()
            .find(|table| table.as_str() == name)
            .ok_or_else(|| crate::UnknownName::new("table", name))
    }
}

/// Write `table` of every `(document, source)` to `out` as one Parquet file, a row group per
/// document. The schema is [`Table::schema`].
pub fn write<W: io::Write + Send>(
    out: W,
    table: Table,
    documents: &[(&Document, &str)],
) -> io::Result<()> {
    let mut writer = ArrowWriter::try_new(out, table.schema(), None).map_err(io::Error::other)?;
    for &(document, source) in documents {
        let batch = build(table, &[(document, source)]);
        writer.write(&batch).map_err(io::Error::other)?;
        writer.flush().map_err(io::Error::other)?;
    }
    writer.close().map_err(io::Error::other)?;
    Ok(())
}

/// The batch of `table` for `documents`.
fn build(table: Table, documents: &[(&Document, &str)]) -> RecordBatch {
    let mut columns = Columns::default();
    let tables: Vec<(&Document, Tables)> = documents
        .iter()
        .map(|&(document, source)| (document, Tables::new(document, source)))
        .collect();
    match table {
        Table::Matters => matters(&mut columns, &tables),
        Table::Materials => materials(&mut columns, &tables),
        Table::Citations => citations(&mut columns, &tables),
        Table::Diagnostics => diagnostics(&mut columns, &tables),
    }
    columns.batch()
}

/// A raw cell of a matter row.
type RawCell = fn(&MatterRow) -> &str;

fn matters(c: &mut Columns, tables: &[(&Document, Tables)]) {
    let rows: Vec<_> = tables.iter().flat_map(|(_, t)| &t.matters).collect();
    let matters: Vec<_> = tables.iter().flat_map(|(d, _)| d.matters()).collect();
    c.text(
        "source",
        rows.iter().map(|r| Some(r.source.as_str())),
        false,
    );
    c.text("title", rows.iter().map(|r| r.title.as_deref()), true);
    c.uint32("category_ordinal", rows.iter().map(|r| r.category_ordinal));
    c.text(
        "category_name",
        rows.iter().map(|r| Some(r.category_name.as_str())),
        false,
    );
    c.text(
        "category_code",
        rows.iter().map(|r| r.category_code.as_deref()),
        true,
    );
    c.uint32("seq", rows.iter().map(|r| r.seq));
    c.text(
        "seq_raw",
        rows.iter().map(|r| Some(r.seq_raw.as_str())),
        false,
    );
    c.text("name", rows.iter().map(|r| Some(r.name.as_str())), false);
    c.text(
        "name_raw",
        rows.iter().map(|r| Some(r.name_raw.as_str())),
        false,
    );
    c.text("code", rows.iter().map(|r| r.code.as_deref()), true);
    c.uint64("line", rows.iter().map(|r| r.line));
    c.boolean(
        "none_required",
        rows.iter().map(|r| Some(r.none_required)),
        false,
    );
    c.uint32("max_working_days", rows.iter().map(|r| r.max_working_days));
    c.text_list(
        "steps",
        matters
            .iter()
            .map(|(_, m)| m.steps.steps.iter().map(String::as_str)),
    );
    c.text_list(
        "channel_kinds",
        matters
            .iter()
            .map(|(_, m)| m.channels.modes.iter().map(|mode| mode.kind.as_str())),
    );
    let raw_cells: [(&str, RawCell); 6] = [
        ("materials_raw", |r| &r.materials_raw),
        ("deadline_raw", |r| &r.deadline_raw),
        ("steps_raw", |r| &r.steps_raw),
        ("channels_raw", |r| &r.channels_raw),
        ("notes_raw", |r| &r.notes_raw),
        ("legal_basis_raw", |r| &r.legal_basis_raw),
    ];
    for (name, cell) in raw_cells {
        c.text(name, rows.iter().map(|r| Some(cell(r))), false);
    }
    c.text("extra", rows.iter().map(|r| Some(r.extra.as_str())), false);
    c.text(
        "deadline_note",
        rows.iter().map(|r| r.deadline_note.as_deref()),
        true,
    );
    c.boolean("fee_charged", rows.iter().map(|r| r.fee_charged), true);
    c.text("fee_raw", rows.iter().map(|r| r.fee_raw.as_deref()), true);
    c.text(
        "fee_standard",
        rows.iter().map(|r| r.fee_standard.as_deref()),
        true,
    );
    c.text("place", rows.iter().map(|r| r.place.as_deref()), true);
    c.text(
        "inquiry_phone",
        rows.iter().map(|r| r.inquiry_phone.as_deref()),
        true,
    );
    c.text(
        "supervision_phone",
        rows.iter().map(|r| r.supervision_phone.as_deref()),
        true,
    );
    c.text("target", rows.iter().map(|r| r.target.as_deref()), true);
    c.text(
        "authority",
        rows.iter().map(|r| r.authority.as_deref()),
        true,
    );
    c.text("kind", rows.iter().map(|r| r.kind.as_deref()), true);
    c.text("level", rows.iter().map(|r| r.level.as_deref()), true);
    c.uint64("category_index", rows.iter().map(|r| r.category_index));
    c.text_list(
        "material_notes",
        matters.iter().map(|(_, m)| crate::flat::material_notes(m)),
    );
}

fn materials(c: &mut Columns, tables: &[(&Document, Tables)]) {
    let rows: Vec<_> = tables.iter().flat_map(|(_, t)| &t.materials).collect();
    let items: Vec<_> = tables
        .iter()
        .flat_map(|(d, _)| d.materials().map(|(_, _, item)| item))
        .collect();
    c.text(
        "source",
        rows.iter().map(|r| Some(r.source.as_str())),
        false,
    );
    c.uint64("matter_line", rows.iter().map(|r| r.matter_line));
    c.uint32("matter_seq", rows.iter().map(|r| r.matter_seq));
    c.uint64("group_index", rows.iter().map(|r| r.group_index));
    c.text(
        "applicant",
        rows.iter().map(|r| r.applicant.as_deref()),
        true,
    );
    c.uint64("item_index", rows.iter().map(|r| r.item_index));
    c.text("text", rows.iter().map(|r| Some(r.text.as_str())), false);
    c.text_list(
        "alternatives",
        items
            .iter()
            .map(|m| m.alternatives.iter().map(String::as_str)),
    );
    c.text_list(
        "forms",
        items.iter().map(|m| m.forms.iter().map(String::as_str)),
    );
    c.uint32("copies", rows.iter().map(|r| r.copies));
    c.text(
        "format",
        rows.iter().map(|r| r.format.as_ref().map(|f| f.as_str())),
        true,
    );
    c.boolean(
        "seal_required",
        rows.iter().map(|r| Some(r.seal_required)),
        false,
    );
    c.text(
        "condition",
        rows.iter().map(|r| r.condition.as_deref()),
        true,
    );
    c.text(
        "group_heading",
        rows.iter().map(|r| r.group_heading.as_deref()),
        true,
    );
    c.text(
        "medium",
        rows.iter().map(|r| r.medium.as_ref().map(|m| m.as_str())),
        true,
    );
    c.boolean("optional", rows.iter().map(|r| Some(r.optional)), false);
    c.text(
        "handling",
        rows.iter().map(|r| r.handling.as_ref().map(|h| h.as_str())),
        true,
    );
    c.text(
        "item_source",
        rows.iter()
            .map(|r| r.item_source.as_ref().map(|s| s.as_str())),
        true,
    );
}

fn citations(c: &mut Columns, tables: &[(&Document, Tables)]) {
    let rows: Vec<_> = tables.iter().flat_map(|(_, t)| &t.citations).collect();
    let cited: Vec<_> = tables
        .iter()
        .flat_map(|(d, _)| d.citations().map(|(_, _, citation)| citation))
        .collect();
    c.text(
        "source",
        rows.iter().map(|r| Some(r.source.as_str())),
        false,
    );
    c.uint64("matter_line", rows.iter().map(|r| r.matter_line));
    c.uint32("matter_seq", rows.iter().map(|r| r.matter_seq));
    c.uint64("index", rows.iter().map(|r| r.index));
    c.text("text", rows.iter().map(|r| Some(r.text.as_str())), false);
    c.text("title", rows.iter().map(|r| Some(r.title.as_str())), false);
    c.text(
        "inner_title",
        rows.iter().map(|r| r.inner_title.as_deref()),
        true,
    );
    c.text_list(
        "issuers",
        cited.iter().map(|x| x.issuers.iter().map(String::as_str)),
    );
    c.text(
        "kind",
        rows.iter().map(|r| r.kind.as_ref().map(|k| k.as_str())),
        true,
    );
    c.text(
        "number_raw",
        rows.iter().map(|r| r.number_raw.as_deref()),
        true,
    );
    c.text(
        "number_issuer",
        rows.iter().map(|r| r.number_issuer.as_deref()),
        true,
    );
    c.text("prefix", rows.iter().map(|r| r.prefix.as_deref()), true);
    c.uint32("year", rows.iter().map(|r| r.year));
    c.uint32("number", rows.iter().map(|r| r.number));
    c.uint32_list(
        "articles",
        cited.iter().map(|x| x.provisions.iter().map(|p| p.article)),
    );
    let provisions: Vec<Vec<String>> = cited
        .iter()
        .map(|x| x.provisions.iter().map(provision_text).collect())
        .collect();
    c.text_list(
        "provisions",
        provisions.iter().map(|p| p.iter().map(String::as_str)),
    );
    c.text("annex", rows.iter().map(|r| r.annex.as_deref()), true);
}

fn diagnostics(c: &mut Columns, tables: &[(&Document, Tables)]) {
    let rows: Vec<_> = tables.iter().flat_map(|(_, t)| &t.diagnostics).collect();
    c.text(
        "source",
        rows.iter().map(|r| Some(r.source.as_str())),
        false,
    );
    c.text("code", rows.iter().map(|r| Some(r.code.as_str())), false);
    c.text(
        "severity",
        rows.iter().map(|r| Some(r.severity.as_str())),
        false,
    );
    c.text(
        "origin",
        rows.iter().map(|r| Some(r.origin.as_str())),
        false,
    );
    c.uint64("line", rows.iter().map(|r| r.line));
    c.uint64("column_number", rows.iter().map(|r| r.column_number));
    c.text(
        "message",
        rows.iter().map(|r| Some(r.message.as_str())),
        false,
    );
    c.uint64_or_null("matter_line", rows.iter().map(|r| r.matter_line));
    c.uint64_or_null("offset", rows.iter().map(|r| r.offset));
}

/// The columns of a batch as they are built, each with its field.
#[derive(Default)]
struct Columns {
    fields: Vec<Field>,
    arrays: Vec<ArrayRef>,
}

impl Columns {
    fn push(&mut self, field: Field, array: ArrayRef) {
        self.fields.push(field);
        self.arrays.push(array);
    }

    fn text<'a>(
        &mut self,
        name: &str,
        values: impl Iterator<Item = Option<&'a str>>,
        nullable: bool,
    ) {
        let array: StringArray = values.collect();
        self.push(Field::new(name, DataType::Utf8, nullable), Arc::new(array));
    }

    fn uint32(&mut self, name: &str, values: impl Iterator<Item = Option<u32>>) {
        let array: UInt32Array = values.collect();
        self.push(Field::new(name, DataType::UInt32, true), Arc::new(array));
    }

    /// Lines and indexes: never empty.
    fn uint64(&mut self, name: &str, values: impl Iterator<Item = usize>) {
        let array: UInt64Array = values.map(|v| v as u64).collect();
        self.push(Field::new(name, DataType::UInt64, false), Arc::new(array));
    }

    /// Lines that may be absent.
    fn uint64_or_null(&mut self, name: &str, values: impl Iterator<Item = Option<usize>>) {
        let array: UInt64Array = values.map(|v| v.map(|v| v as u64)).collect();
        self.push(Field::new(name, DataType::UInt64, true), Arc::new(array));
    }

    fn boolean(&mut self, name: &str, values: impl Iterator<Item = Option<bool>>, nullable: bool) {
        let array: BooleanArray = values.collect();
        self.push(
            Field::new(name, DataType::Boolean, nullable),
            Arc::new(array),
        );
    }

    /// A list per row (empty when the row has none), never null.
    fn text_list<'a, I: Iterator<Item = &'a str>>(
        &mut self,
        name: &str,
        values: impl Iterator<Item = I>,
    ) {
        let mut builder = ListBuilder::new(StringBuilder::new());
        for row in values {
            for value in row {
                builder.values().append_value(value);
            }
            builder.append(true);
        }
        let item = Field::new_list_field(DataType::Utf8, true);
        let field = Field::new(name, DataType::List(Arc::new(item)), false);
        self.push(field, Arc::new(builder.finish()));
    }

    fn uint32_list<I: Iterator<Item = u32>>(
        &mut self,
        name: &str,
        values: impl Iterator<Item = I>,
    ) {
        let mut builder = ListBuilder::new(UInt32Builder::new());
        for row in values {
            for value in row {
                builder.values().append_value(value);
            }
            builder.append(true);
        }
        let item = Field::new_list_field(DataType::UInt32, true);
        let field = Field::new(name, DataType::List(Arc::new(item)), false);
        self.push(field, Arc::new(builder.finish()));
    }

    fn batch(self) -> RecordBatch {
        let schema = Arc::new(Schema::new(self.fields));
        RecordBatch::try_new(schema, self.arrays)
            .expect("every column has a value for every row, of its field's type")
    }
}
