//! The flat tables as Parquet (`shixiang::parquet`, `dump --format parquet`): one fixed,
//! typed schema per table, the same for every list, read back with the parquet crate.

mod common;

use std::fs::File;
use std::path::PathBuf;
use std::sync::Arc;

use arrow_array::{Array, ListArray, RecordBatch, StringArray, UInt32Array, UInt64Array};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use shixiang::flat::{CitationRow, DiagnosticRow, MaterialRow, MatterRow, Row};
use shixiang::parquet::Table;

const YANTAI: &str = "fixtures/valid/yantai.tsv";
const SHANDONG: &str = "fixtures/valid/shandong-2023.tsv";

fn document(path: &str) -> shixiang::Document {
    let bytes = std::fs::read(path).unwrap();
    shixiang::parse(&bytes).unwrap()
}

fn scratch(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name)
}

/// The file's schema and its rows as one batch.
fn read_back(path: &PathBuf) -> (Arc<Schema>, RecordBatch) {
    let builder = ParquetRecordBatchReaderBuilder::try_new(File::open(path).unwrap()).unwrap();
    let schema = builder.schema().clone();
    let batches: Vec<RecordBatch> = builder.build().unwrap().map(Result::unwrap).collect();
    let batch = arrow_select_concat(&schema, &batches);
    (schema, batch)
}

/// The batches of a file as one (each column's arrays appended).
fn arrow_select_concat(schema: &Arc<Schema>, batches: &[RecordBatch]) -> RecordBatch {
    if batches.len() == 1 {
        return batches[0].clone();
    }
    let columns = (0..schema.fields().len())
        .map(|i| {
            let arrays: Vec<&dyn Array> = batches.iter().map(|b| b.column(i).as_ref()).collect();
            arrow_select::concat::concat(&arrays).unwrap()
        })
        .collect();
    RecordBatch::try_new(schema.clone(), columns).unwrap()
}

fn text<'a>(batch: &'a RecordBatch, name: &str) -> &'a StringArray {
    batch
        .column_by_name(name)
        .unwrap()
        .as_any()
        .downcast_ref()
        .unwrap()
}

#[test]
fn each_table_has_the_columns_of_its_csv_table_in_order() {
    for (table, columns) in [
        (Table::Matters, MatterRow::COLUMNS),
        (Table::Materials, MaterialRow::COLUMNS),
        (Table::Citations, CitationRow::COLUMNS),
        (Table::Diagnostics, DiagnosticRow::COLUMNS),
    ] {
        let schema = table.schema();
        let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
        assert_eq!(names, columns, "{table:?}");
    }
}

#[test]
fn two_lists_write_files_of_one_schema_that_load_into_one_table() {
    let yantai = document(YANTAI);
    let shandong = document(SHANDONG);
    for table in [
        Table::Matters,
        Table::Materials,
        Table::Citations,
        Table::Diagnostics,
    ] {
        let mut schemas = Vec::new();
        let mut batches = Vec::new();
        for (document, source) in [(&yantai, YANTAI), (&shandong, SHANDONG)] {
            let path = scratch(&format!("{table:?}-{}.parquet", source.len()));
            shixiang::parquet::write(File::create(&path).unwrap(), table, &[(document, source)])
                .unwrap();
            let (schema, batch) = read_back(&path);
            schemas.push(schema);
            batches.push(batch);
        }
        // The same schema for both lists, whatever is empty in one of them, and the one the
        // crate announces: the two files load into one table.
        assert_eq!(schemas[0], schemas[1], "{table:?}");
        assert_eq!(schemas[0].fields(), table.schema().fields(), "{table:?}");
        let both = arrow_select::concat::concat_batches(&schemas[0], &batches).unwrap();
        assert_eq!(
            both.num_rows(),
            batches[0].num_rows() + batches[1].num_rows()
        );
    }
}

#[test]
fn matters_keep_their_types_and_values() {
    let yantai = document(YANTAI);
    let path = scratch("matters-yantai.parquet");
    shixiang::parquet::write(
        File::create(&path).unwrap(),
        Table::Matters,
        &[(&yantai, YANTAI)],
    )
    .unwrap();
    let (schema, batch) = read_back(&path);
    assert_eq!(batch.num_rows(), 32);
    let field = |name: &str| schema.field_with_name(name).unwrap().clone();
    assert_eq!(
        field("seq_raw"),
        Field::new("seq_raw", DataType::Utf8, false)
    );
    assert_eq!(field("seq"), Field::new("seq", DataType::UInt32, true));
    assert_eq!(field("line"), Field::new("line", DataType::UInt64, false));
    // Empty in every row of this list, and still text.
    assert_eq!(field("category_code").data_type(), &DataType::Utf8);
    assert_eq!(text(&batch, "category_code").null_count(), 32);
    let steps_type = DataType::List(Arc::new(Field::new_list_field(DataType::Utf8, true)));
    assert_eq!(field("steps").data_type(), &steps_type);

    assert_eq!(text(&batch, "name").value(0), "单位参保登记");
    assert_eq!(text(&batch, "seq_raw").value(0), "1");
    let seq: &UInt32Array = batch
        .column_by_name("seq")
        .unwrap()
        .as_any()
        .downcast_ref()
        .unwrap();
    assert_eq!(seq.value(0), 1);
    let line: &UInt64Array = batch
        .column_by_name("line")
        .unwrap()
        .as_any()
        .downcast_ref()
        .unwrap();
    assert_eq!(line.value(0), yantai.categories[0].matters[0].line as u64);
    let steps: &ListArray = batch
        .column_by_name("steps")
        .unwrap()
        .as_any()
        .downcast_ref()
        .unwrap();
    let first: Vec<String> = steps
        .value(0)
        .as_any()
        .downcast_ref::<StringArray>()
        .unwrap()
        .iter()
        .map(|s| s.unwrap().to_owned())
        .collect();
    assert_eq!(first, yantai.categories[0].matters[0].steps.steps);
    assert_eq!(text(&batch, "extra").value(0), "{}");
}

#[test]
fn dump_writes_a_parquet_file_of_several_lists() {
    let path = scratch("dump-citations.parquet");
    let output = common::dump(
        &[
            "--format",
            "parquet",
            "--table",
            "citations",
            "--output",
            path.to_str().unwrap(),
            YANTAI,
            SHANDONG,
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.is_empty());
    let (_, batch) = read_back(&path);
    let expected = document(YANTAI).citations().count() + document(SHANDONG).citations().count();
    assert_eq!(batch.num_rows(), expected);
    let sources = text(&batch, "source");
    assert_eq!(sources.value(0), YANTAI);
    assert_eq!(sources.value(batch.num_rows() - 1), SHANDONG);
    let articles: &ListArray = batch
        .column_by_name("articles")
        .unwrap()
        .as_any()
        .downcast_ref()
        .unwrap();
    assert_eq!(articles.value_type(), DataType::UInt32);

    let usage = common::dump(&["--format", "parquet", "--table", "matters", YANTAI], "");
    assert_eq!(usage.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&usage.stderr)
        .starts_with("dump: --format parquet needs --output FILE"));
}
