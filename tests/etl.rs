//! ETL outputs: the JSON Schema, the flat tables, JSON lines of many files, reading JSON back.
//!
//! The committed schema (`schema/document.schema.json`) must be what the Rust types generate.
//! After changing the model, regenerate it with
//!
//! ```text
//! SHIXIANG_UPDATE_SCHEMA=1 cargo test --test etl
//! ```
//!
//! and commit the file. (`cargo test` builds the `dump` example before it runs the tests.)

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::{json, Value};
use shixiang::flat::{CitationRow, DiagnosticRow, MaterialRow, MatterRow, Row, Tables};
use shixiang::{Code, Document, Matter, NumberKind, Severity};

const SHANDONG: &str = "fixtures/valid/shandong-2023.tsv";
const YANTAI: &str = "fixtures/valid/yantai.tsv";
const SCHEMA_FILE: &str = "schema/document.schema.json";

fn manifest_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn parse_fixture(name: &str) -> Document {
    let text = std::fs::read_to_string(manifest_path(name)).unwrap();
    shixiang::parse(&text).unwrap()
}

fn fixtures() -> [(&'static str, Document); 2] {
    [
        (SHANDONG, parse_fixture(SHANDONG)),
        (YANTAI, parse_fixture(YANTAI)),
    ]
}

// ---------------------------------------------------------------------------------------------
// JSON Schema

/// The schema as the committed file holds it: pretty JSON and a final newline.
fn generated_schema_text() -> String {
    let schema = shixiang::document_schema();
    serde_json::to_string_pretty(&schema).unwrap() + "\n"
}

fn schema_validator() -> jsonschema::Validator {
    let schema = serde_json::to_value(shixiang::document_schema()).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn validation_errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|error| format!("{}: {error}", error.instance_path))
        .collect()
}

#[test]
fn the_committed_schema_is_what_the_types_generate() {
    let generated = generated_schema_text();
    let path = manifest_path(SCHEMA_FILE);
    if std::env::var_os("SHIXIANG_UPDATE_SCHEMA").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{SCHEMA_FILE} is out of date: run `SHIXIANG_UPDATE_SCHEMA=1 cargo test --test etl` \
         and commit it"
    );
}

#[test]
fn the_schema_is_draft_2020_12_and_names_the_contract_fields() {
    let schema = serde_json::to_value(shixiang::document_schema()).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema["title"], "Document");
    assert_eq!(
        schema["required"],
        json!([
            "schema_version",
            "encoding",
            "title",
            "region",
            "edition",
            "preamble",
            "columns",
            "other_columns",
            "categories",
            "footnotes",
            "diagnostics"
        ])
    );
    let defs = &schema["$defs"];
    // Open enums: the known values, or any string a later version writes.
    assert_eq!(
        defs["MaterialFormat"]["anyOf"],
        json!([
            {"type": "string", "enum": ["original", "copy", "original_and_copy", "original_or_copy"]},
            {"type": "string"}
        ])
    );
    assert_eq!(
        defs["NumberKind"]["anyOf"][0]["enum"],
        json!(["order", "wenhao"])
    );
    assert_eq!(defs["ChannelKind"]["anyOf"][1], json!({"type": "string"}));
    assert_eq!(defs["Code"]["anyOf"][1], json!({"type": "string"}));
    assert_eq!(
        defs["Code"]["anyOf"][0]["oneOf"][0]["description"],
        "A row with cells came before the first header row; its text is kept in `preamble`."
    );
    assert_eq!(
        defs["Severity"]["anyOf"][0]["enum"],
        json!(["info", "warning", "error"])
    );
    // Every diagnostic code is in the schema, by its stable name.
    let codes: Vec<&str> = defs["Code"]["anyOf"][0]["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|variant| variant["const"].as_str().unwrap())
        .collect();
    let expected: Vec<&str> = Code::ALL.iter().map(|code| code.as_str()).collect();
    assert_eq!(codes, expected);
}

#[test]
fn both_fixtures_validate_against_the_schema() {
    let validator = schema_validator();
    for (name, document) in fixtures() {
        let instance = serde_json::to_value(&document).unwrap();
        assert_eq!(
            validation_errors(&validator, &instance),
            Vec::<String>::new(),
            "{name}"
        );
    }
}

#[test]
fn the_schema_rejects_documents_that_break_the_contract() {
    let validator = schema_validator();
    let valid = serde_json::to_value(parse_fixture(YANTAI)).unwrap();
    type Breakage = fn(&mut Value);
    let breakages: [(&str, Breakage); 5] = [
        ("schema_version as a string", |d| {
            d["schema_version"] = json!("1")
        }),
        ("categories missing", |d| {
            d.as_object_mut().unwrap().remove("categories");
        }),
        ("a severity that is no string", |d| {
            d["diagnostics"][0]["severity"] = json!(3)
        }),
        ("a matter without raw materials", |d| {
            d["categories"][0]["matters"][0]["materials"]
                .as_object_mut()
                .unwrap()
                .remove("raw");
        }),
        ("category lines with three numbers", |d| {
            d["categories"][0]["lines"] = json!([1, 2, 3])
        }),
    ];
    for (what, mut_fn) in breakages {
        let mut broken = valid.clone();
        mut_fn(&mut broken);
        assert!(
            !validation_errors(&validator, &broken).is_empty(),
            "{what} should not validate"
        );
    }
}

#[test]
fn the_schema_accepts_added_fields() {
    // Additive fields keep schema_version 1: a newer document still validates.
    let validator = schema_validator();
    let mut document = serde_json::to_value(parse_fixture(SHANDONG)).unwrap();
    document["source_url"] = json!("https://example.org/list.pdf");
    document["categories"][0]["matters"][0]["opening_hours"] = json!("工作日 9:00-17:00");
    assert_eq!(
        validation_errors(&validator, &document),
        Vec::<String>::new()
    );
}

#[test]
fn the_schema_accepts_values_of_later_versions() {
    // Open enums: a value this version does not know validates (and reads, see tests/names.rs).
    let validator = schema_validator();
    let mut document = serde_json::to_value(parse_fixture(SHANDONG)).unwrap();
    let matter = &mut document["categories"][0]["matters"][0];
    matter["deadline"]["clauses"][0]["unit"] = json!("fortnight");
    matter["deadline"]["clauses"][0]["kind"] = json!("suspended");
    matter["channels"]["modes"][0]["kind"] = json!("fax");
    document["diagnostics"][0]["code"] = json!("fee_misstated");
    document["diagnostics"][0]["severity"] = json!("fatal");
    document["diagnostics"][0]["origin"] = json!("reviewer");
    assert_eq!(
        validation_errors(&validator, &document),
        Vec::<String>::new()
    );
    // A wrong type is still refused.
    document["diagnostics"][0]["code"] = json!(7);
    assert!(!validation_errors(&validator, &document).is_empty());
}

// ---------------------------------------------------------------------------------------------
// Reading JSON back

#[test]
fn jsonl_lines_read_back_into_the_matters() {
    let output = dump(&["--format", "jsonl", YANTAI, SHANDONG]);
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    let expected: Vec<(&str, Matter)> = [YANTAI, SHANDONG]
        .into_iter()
        .flat_map(|name| {
            let document = parse_fixture(name);
            let matters: Vec<Matter> = document.matters().map(|(_, m)| m.clone()).collect();
            matters.into_iter().map(move |m| (name, m))
        })
        .collect();
    assert_eq!(lines.len(), expected.len());
    for (line, (source, matter)) in lines.iter().zip(&expected) {
        let value: Value = serde_json::from_str(line).unwrap();
        assert_eq!(value["source"], *source);
        // The inlined fields are ignored when reading a line back as a matter.
        let back: Matter = serde_json::from_value(value).unwrap();
        assert_eq!(&back, matter, "{source} line {}", matter.line);
    }
}

#[test]
fn flat_tables_read_back_from_json() {
    let document = parse_fixture(YANTAI);
    let tables = Tables::new(&document, YANTAI);
    let json = serde_json::to_string(&tables).unwrap();
    let back: Tables = serde_json::from_str(&json).unwrap();
    assert_eq!(back, tables);
}

// ---------------------------------------------------------------------------------------------
// Flat tables from the library

/// The header the csv crate writes for a row type: its serde field names, in order.
fn serde_header<R: Row>(row: &R) -> Vec<String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.serialize(row).unwrap();
    let bytes = writer.into_inner().unwrap();
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect()
}

#[test]
fn columns_are_the_serde_fields_in_order() {
    let document = parse_fixture(YANTAI);
    let tables = Tables::new(&document, YANTAI);
    assert_eq!(serde_header(&tables.matters[0]), MatterRow::COLUMNS);
    assert_eq!(serde_header(&MaterialRow::default()), MaterialRow::COLUMNS);
    assert_eq!(serde_header(&CitationRow::default()), CitationRow::COLUMNS);
    assert_eq!(serde_header(&tables.diagnostics[0]), DiagnosticRow::COLUMNS);
}

#[test]
fn matter_rows_carry_the_notes_of_the_materials() {
    // Yantai's first matter: for 企业 the cell asks for nothing and says why; that note is the
    // group's, which has no item, so only the matter row can carry it.
    let document = parse_fixture(YANTAI);
    let tables = Tables::new(&document, YANTAI);
    let first = &tables.matters[0];
    assert_eq!(
        first.material_notes,
        "通过市场监管部门“一网通办”系统注册的企业，医保经办机构直接通过数据共享获取企业注册信息，为企业办理参保登记"
    );
    let noted = tables
        .matters
        .iter()
        .filter(|m| !m.material_notes.is_empty());
    assert_eq!(noted.count(), 1);
    assert!(tables
        .materials
        .iter()
        .all(|m| m.matter_line != 6 || m.group_index > 1));
}

#[test]
fn matter_rows_carry_the_category_and_raw_cells() {
    let document = parse_fixture(SHANDONG);
    let tables = Tables::new(&document, SHANDONG);
    assert_eq!(tables.matters.len(), 28);

    let first = &tables.matters[0];
    assert_eq!(first.source, SHANDONG);
    assert_eq!(
        first.title.as_deref(),
        Some("山东省医疗保障经办政务服务事项清单（2023版）")
    );
    assert_eq!(first.category_ordinal, Some(1));
    assert_eq!(first.category_name, "基本医疗保险参保和变更登记");
    assert_eq!((first.seq, first.seq_raw.as_str()), (Some(1), "1"));
    assert_eq!(first.name, "单位参保登记");
    assert_eq!(first.line, 6);
    assert_eq!(first.deadline_raw, "即时办结");
    assert_eq!(first.steps_raw, "申请—受理 —审核—办结");
    assert_eq!(first.channels_raw, "现场办理 网上办理");
    assert!(first
        .materials_raw
        .starts_with("1. 统一社会信用代码证书或单位批准成立的文件 2. "));
    assert!(first
        .legal_basis_raw
        .starts_with("1. 《中华人民共和国社会保险法》（主席令第35号）第五十七条、第五十八条"));
    assert_eq!(first.extra, "{}");

    let last = &tables.matters[27];
    assert_eq!(last.category_ordinal, Some(12));
    assert_eq!(last.category_name, "长期护理保险待遇申请");
    assert_eq!(last.seq, Some(28));
    assert_eq!(last.line, 57);
}

#[test]
fn every_raw_cell_of_every_matter_is_in_its_row() {
    for (name, document) in fixtures() {
        let tables = Tables::new(&document, name);
        let matters: Vec<&Matter> = document.matters().map(|(_, m)| m).collect();
        assert_eq!(tables.matters.len(), matters.len(), "{name}");
        for (row, matter) in tables.matters.iter().zip(matters) {
            assert_eq!(row.name_raw, matter.name_raw);
            assert_eq!(row.materials_raw, matter.materials.raw);
            assert_eq!(row.deadline_raw, matter.deadline.raw);
            assert_eq!(row.steps_raw, matter.steps.raw);
            assert_eq!(row.channels_raw, matter.channels.raw);
            assert_eq!(row.notes_raw, matter.notes.raw);
            assert_eq!(row.legal_basis_raw, matter.legal_basis.raw);
            assert_eq!(row.max_working_days, matter.deadline.max_working_days);
        }
    }
}

#[test]
fn diagnostic_rows_name_their_source() {
    let document = parse_fixture(YANTAI);
    let tables = Tables::new(&document, YANTAI);
    assert_eq!(tables.diagnostics.len(), document.diagnostics.len());
    let missing = tables
        .diagnostics
        .iter()
        .find(|d| d.code == Code::MatterNumberMissing)
        .unwrap();
    assert_eq!(missing.source, YANTAI);
    assert_eq!(missing.severity, Severity::Warning);
    assert_eq!(missing.origin, shixiang::Origin::Source);
    assert_eq!((missing.line, missing.column_number), (29, 22));
    assert_eq!(
        missing.message,
        "matter number 20 is missing between 19 and 21"
    );
}

#[test]
fn shandong_matter_rows_carry_parsed_deadlines_steps_and_channels() {
    let tables = Tables::new(&parse_fixture(SHANDONG), SHANDONG);
    let first = &tables.matters[0];
    assert_eq!(first.max_working_days, Some(0));
    assert_eq!(first.steps, "申请|受理|审核|办结");
    assert_eq!(first.channel_kinds, "on_site|online");
    let transfer = tables.matters.iter().find(|m| m.seq == Some(10)).unwrap();
    assert_eq!(transfer.name, "医保关系转出");
    assert_eq!(
        transfer.deadline_raw,
        "跨省转移接续不超过15个工作日 省内转移接续不超过9个工作日"
    );
    assert_eq!(transfer.max_working_days, Some(15));
}

#[test]
fn shandong_matter_1_material_rows() {
    let tables = Tables::new(&parse_fixture(SHANDONG), SHANDONG);
    let rows: Vec<&MaterialRow> = tables
        .materials
        .iter()
        .filter(|r| r.matter_seq == Some(1))
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (rows[0].matter_line, rows[0].group_index, rows[0].item_index),
        (6, 1, 1)
    );
    assert_eq!(rows[0].applicant, None);
    assert_eq!(rows[0].text, "统一社会信用代码证书或单位批准成立的文件");
    assert_eq!(
        rows[0].alternatives,
        "统一社会信用代码证书|单位批准成立的文件"
    );
    assert!(!rows[0].seal_required);
    assert_eq!(rows[1].item_index, 2);
    assert_eq!(rows[1].forms, "基本医疗保险单位参保信息登记表");
    assert!(rows[1].seal_required);

    // Matter 2 sorts its materials by applicant: one group each.
    let groups: Vec<(usize, Option<&str>, usize)> = tables
        .materials
        .iter()
        .filter(|r| r.matter_seq == Some(2))
        .map(|r| (r.group_index, r.applicant.as_deref(), r.item_index))
        .collect();
    assert_eq!(
        groups,
        [
            (1, Some("在职职工"), 1),
            (2, Some("灵活就业人员"), 1),
            (2, Some("灵活就业人员"), 2)
        ]
    );
}

#[test]
fn shandong_matter_1_citation_rows() {
    let tables = Tables::new(&parse_fixture(SHANDONG), SHANDONG);
    let rows: Vec<&CitationRow> = tables
        .citations
        .iter()
        .filter(|r| r.matter_seq == Some(1))
        .collect();
    assert_eq!(rows.len(), 3);
    let law = rows[0];
    assert_eq!((law.matter_line, law.index), (6, 1));
    assert_eq!(law.title, "中华人民共和国社会保险法");
    assert_eq!(law.kind, Some(NumberKind::Order));
    assert_eq!(law.number_issuer.as_deref(), Some("主席令"));
    assert_eq!(law.number, Some(35));
    assert_eq!(law.articles, "57|58");
    let hmt = rows[1];
    assert_eq!(hmt.index, 2);
    assert_eq!(hmt.issuers, "人力资源和社会保障部|国家医保局");
    assert_eq!(hmt.number, Some(41));
    assert_eq!(hmt.articles, "2|3|4|14");
    assert_eq!(rows[2].articles, "3|4");

    // A 文号 with an inner title, in matter 3.
    let wenhao = tables
        .citations
        .iter()
        .find(|r| r.matter_seq == Some(3) && r.kind == Some(NumberKind::Wenhao))
        .unwrap();
    assert_eq!(
        wenhao.inner_title.as_deref(),
        Some("外国人在中国永久居留享有相关待遇的办法")
    );
    assert_eq!(
        (wenhao.prefix.as_deref(), wenhao.year, wenhao.number),
        (Some("人社部发"), Some(2012), Some(53))
    );
}

#[test]
fn material_and_citation_rows_count_every_item() {
    for (name, document) in fixtures() {
        let tables = Tables::new(&document, name);
        let items: usize = document
            .matters()
            .flat_map(|(_, m)| &m.materials.groups)
            .map(|g| g.items.len())
            .sum();
        let citations: usize = document
            .matters()
            .map(|(_, m)| m.legal_basis.citations.len())
            .sum();
        assert!(items > 0 && citations > 0, "{name}");
        assert_eq!(tables.materials.len(), items, "{name}");
        assert_eq!(tables.citations.len(), citations, "{name}");
    }
}

/// A document whose cells are structured, written as JSON so that the flattening of
/// materials and citations is tested whatever the field parsers produce.
fn structured_document() -> Document {
    let material = |text: &str| {
        json!({"text": text, "alternatives": [], "forms": [], "copies": null, "format": null,
               "seal_required": false, "condition": null})
    };
    let mut seal = material("《参保登记表》（加盖单位公章）1份");
    seal["forms"] = json!(["参保登记表"]);
    seal["copies"] = json!(1);
    seal["format"] = json!("original");
    seal["seal_required"] = json!(true);
    let mut either = material("身份证或户口簿复印件");
    either["alternatives"] = json!(["身份证", "户口簿"]);
    either["format"] = json!("copy");
    either["condition"] = json!("属于意外伤害情形的");
    let matter = json!({
        "seq": 3, "seq_raw": "3", "name": "职工参保登记", "name_raw": "职工参保登记",
        "code": "C0109", "line": 9,
        "materials": {"raw": "…", "none_required": false, "groups": [
            {"applicant": null, "items": [material("有效身份证件")]},
            {"applicant": "企业", "items": [seal, either]}
        ]},
        "deadline": {"raw": "5个工作日", "clauses": [], "max_working_days": 5},
        "steps": {"raw": "申请—办结", "steps": ["申请", "办结"]},
        "channels": {"raw": "现场 网上", "modes": [
            {"text": "现场", "kind": "on_site"}, {"text": "网上", "kind": "online"}
        ]},
        "notes": {"raw": "", "items": [], "channel_deadlines": [], "definitions": []},
        "legal_basis": {"raw": "…", "citations": [
            {"text": "《中华人民共和国社会保险法》（主席令第35号）第五十七条、第五十八条",
             "title": "中华人民共和国社会保险法", "inner_title": null, "issuers": [],
             "document_number": {"raw": "主席令第35号", "kind": "order", "issuer": "主席令",
                                 "prefix": null, "year": null, "number": 35},
             "provisions": [{"article": 57, "paragraph": null, "item": null},
                            {"article": 58, "paragraph": null, "item": null}],
             "annex": null},
            {"text": "《关于…的通知》（人社部发〔2012〕53号）第二条第（三）款",
             "title": "关于…的通知", "inner_title": "办法", "issuers": ["人社部", "财政部"],
             "document_number": {"raw": "人社部发〔2012〕53号", "kind": "wenhao",
                                 "issuer": null, "prefix": "人社部发", "year": 2012,
                                 "number": 53},
             "provisions": [{"article": 2, "paragraph": 3, "item": null}],
             "annex": "附件1"}
        ]},
        "extra": {"办理层级": "市级", "收费": "不收费"}
    });
    let document = json!({
        "schema_version": 1, "title": "某市清单", "region": "某市", "edition": null,
        "preamble": [], "columns": [], "footnotes": [], "diagnostics": [],
        "categories": [{"ordinal": 2, "name": "参保登记", "raw": ["二、参保登记"],
                        "code": "C01", "lines": [9, 9], "matters": [matter]}]
    });
    serde_json::from_value(document).unwrap()
}

#[test]
fn material_rows_flatten_groups_and_items() {
    let tables = Tables::new(&structured_document(), "list.tsv");
    let rows = &tables.materials;
    assert_eq!(rows.len(), 3);
    let keys: Vec<_> = rows
        .iter()
        .map(|r| {
            (
                r.matter_line,
                r.matter_seq,
                r.group_index,
                r.applicant.as_deref(),
                r.item_index,
            )
        })
        .collect();
    assert_eq!(
        keys,
        [
            (9, Some(3), 1, None, 1),
            (9, Some(3), 2, Some("企业"), 1),
            (9, Some(3), 2, Some("企业"), 2)
        ]
    );
    assert_eq!(rows[0].text, "有效身份证件");
    assert_eq!(rows[1].forms, "参保登记表");
    assert_eq!(rows[1].copies, Some(1));
    assert!(rows[1].seal_required);
    assert_eq!(rows[2].alternatives, "身份证|户口簿");
    assert_eq!(rows[2].condition.as_deref(), Some("属于意外伤害情形的"));
    assert!(rows.iter().all(|r| r.source == "list.tsv"));
}

#[test]
fn citation_rows_flatten_document_numbers_and_provisions() {
    let tables = Tables::new(&structured_document(), "list.tsv");
    let rows = &tables.citations;
    assert_eq!(rows.len(), 2);
    let law = &rows[0];
    assert_eq!(
        (law.matter_line, law.matter_seq, law.index),
        (9, Some(3), 1)
    );
    assert_eq!(law.title, "中华人民共和国社会保险法");
    assert_eq!(law.kind, Some(NumberKind::Order));
    assert_eq!(law.number_issuer.as_deref(), Some("主席令"));
    assert_eq!(
        (law.prefix.as_deref(), law.year, law.number),
        (None, None, Some(35))
    );
    assert_eq!(law.articles, "57|58");
    assert_eq!(law.provisions, "57|58");
    let notice = &rows[1];
    assert_eq!(notice.index, 2);
    assert_eq!(notice.inner_title.as_deref(), Some("办法"));
    assert_eq!(notice.issuers, "人社部|财政部");
    assert_eq!(notice.kind, Some(NumberKind::Wenhao));
    assert_eq!(notice.number_raw.as_deref(), Some("人社部发〔2012〕53号"));
    assert_eq!(
        (notice.prefix.as_deref(), notice.year, notice.number),
        (Some("人社部发"), Some(2012), Some(53))
    );
    assert_eq!(notice.articles, "2");
    assert_eq!(notice.provisions, "2.3");
    assert_eq!(notice.annex.as_deref(), Some("附件1"));
}

#[test]
fn matter_rows_join_steps_channels_and_extra_columns() {
    let tables = Tables::new(&structured_document(), "list.tsv");
    let row = &tables.matters[0];
    assert_eq!(row.category_code.as_deref(), Some("C01"));
    assert_eq!(row.code.as_deref(), Some("C0109"));
    assert_eq!(row.max_working_days, Some(5));
    assert_eq!(row.steps, "申请|办结");
    assert_eq!(row.channel_kinds, "on_site|online");
    // A JSON object, keys in column order.
    assert_eq!(row.extra, r#"{"办理层级":"市级","收费":"不收费"}"#);
    let object: serde_json::Value = serde_json::from_str(&row.extra).unwrap();
    assert_eq!(object["收费"], "不收费");
}

// ---------------------------------------------------------------------------------------------
// The dump example

fn dump(args: &[&str]) -> Output {
    common::dump(args, "")
}

fn csv_records(output: &Output) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let records = reader.records().map(Result::unwrap).collect();
    (header, records)
}

#[test]
fn dump_csv_writes_each_table_with_its_header() {
    for (table, columns) in [
        ("matters", MatterRow::COLUMNS),
        ("materials", MaterialRow::COLUMNS),
        ("citations", CitationRow::COLUMNS),
        ("diagnostics", DiagnosticRow::COLUMNS),
    ] {
        for files in [&[SHANDONG][..], &[YANTAI, SHANDONG][..]] {
            let mut args = vec!["--format", "csv", "--table", table];
            args.extend(files);
            let output = dump(&args);
            assert_eq!(output.status.code(), Some(0), "{table}");
            let (header, _) = csv_records(&output);
            assert_eq!(header, columns, "{table}");
        }
    }
}

#[test]
fn dump_csv_matters_of_two_files_in_input_order() {
    let output = dump(&["--format=csv", "--table=matters", YANTAI, SHANDONG]);
    assert_eq!(output.status.code(), Some(0));
    let (header, records) = csv_records(&output);
    assert_eq!(records.len(), 32 + 28);
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (source, seq, name) = (column("source"), column("seq"), column("name"));
    let first = &records[0];
    assert_eq!(
        (&first[source], &first[seq], &first[name]),
        (YANTAI, "1", "单位参保登记")
    );
    let shandong_first = &records[32];
    assert_eq!(&shandong_first[source], SHANDONG);
    assert_eq!(&shandong_first[seq], "1");
    assert!(records[..32].iter().all(|r| &r[source] == YANTAI));
    assert!(records[32..].iter().all(|r| &r[source] == SHANDONG));
}

#[test]
fn dump_csv_diagnostics_match_stderr() {
    let output = dump(&["--format", "csv", "--table", "diagnostics", YANTAI]);
    assert_eq!(output.status.code(), Some(0));
    let (_, records) = csv_records(&output);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(records.len(), stderr.lines().count());
    let missing = records
        .iter()
        .find(|record| &record[1] == "matter_number_missing")
        .unwrap();
    assert_eq!(
        missing.iter().collect::<Vec<_>>(),
        [
            YANTAI,
            "matter_number_missing",
            "warning",
            "source",
            "29",
            "22",
            "matter number 20 is missing between 19 and 21",
            "29",
            // Line 29, column 22 of the file (UTF-8, no byte-order mark): its byte 9 753.
            "9753"
        ]
    );
}

#[test]
fn dump_jsonl_of_many_files_keeps_input_order_and_names_sources() {
    let output = dump(&["--format", "jsonl", SHANDONG, YANTAI, SHANDONG]);
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let sources: Vec<String> = stdout
        .lines()
        .map(|line| {
            let value: Value = serde_json::from_str(line).unwrap();
            value["source"].as_str().unwrap().to_owned()
        })
        .collect();
    let mut expected = vec![SHANDONG; 28];
    expected.extend([YANTAI; 32]);
    expected.extend([SHANDONG; 28]);
    assert_eq!(sources, expected);
}

#[test]
fn dump_jsonl_goes_on_past_a_file_without_a_list_and_exits_1() {
    let dir = std::env::temp_dir().join(format!("shixiang-etl-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let empty = dir.join("no-list.tsv");
    std::fs::write(&empty, "只有标题\n").unwrap();
    let output = dump(&["--format", "jsonl", empty.to_str().unwrap(), YANTAI]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(output.stdout).unwrap().lines().count(),
        32
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.starts_with(&format!(
        "{}:1:1: error: no header row found",
        empty.display()
    )));
}

#[test]
fn dump_schema_prints_the_committed_schema() {
    let output = dump(&["--schema"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        generated_schema_text()
    );
}

#[test]
fn dump_etl_usage_errors_exit_2() {
    for (args, reason) in [
        (&["--format", "csv"][..], "dump: --format csv needs --table\n"),
        (
            &["--format", "csv", "--table", "rows"][..],
            "dump: unknown table \"rows\" (expected matters, materials, citations or diagnostics)\n",
        ),
        (&["--table", "matters"][..], "dump: --table goes with --format csv or parquet\n"),
        (&["--schema", YANTAI][..], "dump: --schema takes no file\n"),
        (
            &["--format", "json", YANTAI, SHANDONG][..],
            "dump: several files need --format jsonl, csv, parquet or summary\n",
        ),
        (
            &["--format", "jsonl", "-", "-"][..],
            "dump: standard input (-) can be read only once\n",
        ),
    ] {
        let output = dump(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.starts_with(reason), "{args:?}: {stderr}");
        assert!(output.stdout.is_empty());
    }
}

#[test]
fn the_schema_accepts_unknown_values_of_open_enums() {
    // A later version may write a new channel kind, material format or number kind.
    let validator = schema_validator();
    let mut document = serde_json::to_value(parse_fixture(SHANDONG)).unwrap();
    let matter = &mut document["categories"][0]["matters"][0];
    matter["channels"]["modes"][0]["kind"] = json!("fax");
    let citation = &mut matter["legal_basis"]["citations"][0];
    if citation["document_number"].is_object() {
        citation["document_number"]["kind"] = json!("decree");
    }
    let mut found_format = false;
    for category in document["categories"].as_array_mut().unwrap() {
        for matter in category["matters"].as_array_mut().unwrap() {
            for group in matter["materials"]["groups"].as_array_mut().unwrap() {
                for item in group["items"].as_array_mut().unwrap() {
                    if item["format"].is_string() {
                        item["format"] = json!("scan");
                        found_format = true;
                    }
                }
            }
        }
    }
    assert!(found_format);
    assert_eq!(
        validation_errors(&validator, &document),
        Vec::<String>::new()
    );
    // Still a string: a number is not a channel kind.
    document["categories"][0]["matters"][0]["channels"]["modes"][0]["kind"] = json!(3);
    assert!(!validation_errors(&validator, &document).is_empty());
}

#[test]
fn category_index_joins_where_ordinals_repeat() {
    // Yantai numbers two categories 一、: the ordinal repeats, the index does not.
    let document = parse_fixture(YANTAI);
    let tables = Tables::new(&document, YANTAI);
    let mut keys: Vec<(usize, Option<u32>, &str)> = tables
        .matters
        .iter()
        .map(|row| {
            (
                row.category_index,
                row.category_ordinal,
                row.category_name.as_str(),
            )
        })
        .collect();
    keys.dedup();
    assert_eq!(keys.len(), document.categories.len());
    assert_eq!(keys[0].0, 1);
    assert_eq!((keys[0].1, keys[1].1), (Some(1), Some(1)));
    assert_eq!((keys[0].0, keys[1].0), (1, 2));
    assert_eq!(keys[1].2, "基本医疗保险关系转移接续");
    for (i, key) in keys.iter().enumerate() {
        assert_eq!(key.0, i + 1);
    }
}

#[test]
fn dump_jsonl_lines_carry_the_category_key_and_code() {
    // One file is streamed a category at a time; several are parsed whole: both write the
    // same keys.
    for args in [
        &["--format", "jsonl", YANTAI][..],
        &["--format", "jsonl", YANTAI, SHANDONG],
    ] {
        let output = dump(args);
        let lines: Vec<serde_json::Value> = String::from_utf8(output.stdout)
            .unwrap()
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .filter(|line: &serde_json::Value| line["source"] == YANTAI)
            .collect();
        assert_eq!(lines.len(), 32);
        // Yantai's first two categories are both numbered 一、.
        let keys: Vec<(u64, u64)> = lines[..8]
            .iter()
            .map(|l| {
                (
                    l["category_ordinal"].as_u64().unwrap(),
                    l["category_index"].as_u64().unwrap(),
                )
            })
            .collect();
        assert_eq!(keys.first(), Some(&(1, 1)));
        assert!(keys.contains(&(1, 2)), "{keys:?}");
        assert!(lines.iter().all(|l| l["category_code"].is_null()));
        assert_eq!(lines.last().unwrap()["category_index"], 11);
    }
}

#[test]
fn a_diagnostic_names_the_line_of_the_matter_it_concerns() {
    // The deadline cell of the matter at line 2 is continued on line 3, where its bracket is
    // left open; line 4's number skips one; line 5's category has no numeral.
    let text = "主项\t子项序号\t子项\t办理时限\n一、甲\t1\t乙\t5个工作日\n\t\t\t即时办结（\n\t3\t丁\t\n戊\t1\t己\t\n";
    let document = shixiang::parse(text).unwrap();
    let found: Vec<(&str, usize, Option<usize>)> = document
        .diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Info)
        .map(|d| (d.code.as_str(), d.line, d.matter_line))
        .collect();
    assert_eq!(
        found,
        [
            ("unbalanced_brackets", 3, Some(2)),
            ("matter_number_missing", 4, Some(4)),
            ("category_without_number", 5, None),
        ]
    );
    let rows = Tables::new(&document, "list.tsv").diagnostics;
    assert!(rows.iter().any(|r| r.matter_line == Some(2)));
}

// ---------------------------------------------------------------------------------------------
// JSONL into one table

/// The `columns` of the README's DuckDB load of JSONL, `(key, type)` in order, and the whole
/// `CREATE TABLE` statement.
fn readme_jsonl_load() -> (Vec<(String, String)>, String) {
    let readme = std::fs::read_to_string(manifest_path("README.md")).unwrap();
    let start = readme
        .find("-- JSONL into DuckDB")
        .expect("the README's JSONL load");
    let statement = &readme[start..];
    let statement = &statement[statement.find("CREATE TABLE").unwrap()..];
    let statement = &statement[..statement.find("});").unwrap() + "});".len()];
    let open = statement.find("columns = {").unwrap() + "columns = {".len();
    let columns = statement[open..statement.len() - "});".len()]
        .split(',')
        .map(|pair| {
            let (key, kind) = pair.split_once(':').unwrap();
            let unquote = |s: &str| s.trim().trim_matches('\'').to_owned();
            (unquote(key), unquote(kind))
        })
        .collect();
    (columns, statement.to_owned())
}

/// Whether `value` loads into a DuckDB column of type `kind`.
fn loads_as(value: &Value, kind: &str) -> bool {
    match (kind, value) {
        (_, Value::Null) => true,
        ("VARCHAR", Value::String(_)) => true,
        ("INTEGER", Value::Number(n)) => n.as_u64().is_some_and(|n| n <= i32::MAX as u64),
        ("BIGINT", Value::Number(n)) => n.as_u64().is_some(),
        ("JSON", Value::Object(_) | Value::Array(_)) => true,
        _ => false,
    }
}

/// The JSON lines `dump --format jsonl` writes for each of `files`, one run per file.
fn jsonl_of(files: &[String]) -> Vec<(String, String)> {
    files
        .iter()
        .filter_map(|file| {
            let output = dump(&["--format", "jsonl", file]);
            // A list that fails (no header found) writes nothing: nothing to load.
            (output.status.code() == Some(0))
                .then(|| (file.clone(), String::from_utf8(output.stdout).unwrap()))
        })
        .collect()
}

#[test]
fn jsonl_lines_of_any_list_hold_the_types_the_readme_loads_them_with() {
    let (columns, _) = readme_jsonl_load();
    assert_eq!(columns.len(), 28);
    let mut files = vec![YANTAI.to_owned(), SHANDONG.to_owned()];
    let mut real: Vec<String> = std::fs::read_dir(manifest_path("fixtures/real"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "tsv"))
        .map(|path| path.to_str().unwrap().to_owned())
        .collect();
    real.sort();
    files.extend(real);
    let outputs = jsonl_of(&files);
    assert!(outputs.len() >= 60, "{} lists read", outputs.len());
    let mut lines = 0;
    for (file, output) in &outputs {
        for line in output.lines() {
            lines += 1;
            let value: Value = serde_json::from_str(line).unwrap();
            let object = value.as_object().unwrap();
            let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
            let mut expected: Vec<&str> = columns.iter().map(|(key, _)| key.as_str()).collect();
            keys.sort_unstable();
            expected.sort_unstable();
            assert_eq!(keys, expected, "{file}: every key, and no other");
            for (key, kind) in &columns {
                assert!(
                    loads_as(&object[key], kind),
                    "{file}: {key} = {} is no {kind}",
                    object[key]
                );
            }
        }
    }
    assert!(lines >= 200, "{lines} lines");
}

#[test]
fn jsonl_of_two_lists_loads_into_one_duckdb_table_one_after_the_other() {
    // Needs Python's duckdb (`pip install duckdb`); without it, the types are still held to
    // the README by the test above, and this one says it did not run.
    let python = std::process::Command::new("python3")
        .args(["-c", "import duckdb"])
        .output();
    if !python.is_ok_and(|o| o.status.success()) {
        eprintln!("python3 with duckdb not found: the DuckDB load is not run");
        return;
    }
    let (_, create) = readme_jsonl_load();
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let mut paths = Vec::new();
    let mut expected = 0;
    // Yantai has category codes nowhere, ordinals everywhere; a real list lacks ordinals.
    let files = [
        YANTAI.to_owned(),
        "fixtures/real/abag-chengshi-zonghe-zhifa-gongkai-mulu.tsv".to_owned(),
        SHANDONG.to_owned(),
    ];
    for (file, output) in jsonl_of(&files) {
        let path = dir.join(format!("load-{}.jsonl", paths.len()));
        std::fs::write(&path, &output).unwrap();
        expected += output.lines().count();
        paths.push((file, path));
    }
    assert_eq!(paths.len(), 3);
    let first = create.replace("yantai.jsonl", paths[0].1.to_str().unwrap());
    let mut script = format!("import duckdb\ncon = duckdb.connect()\ncon.execute('''{first}''')\n");
    for (_, path) in &paths[1..] {
        let insert = first
            .replacen("CREATE TABLE matters AS", "INSERT INTO matters", 1)
            .replace(paths[0].1.to_str().unwrap(), path.to_str().unwrap());
        script.push_str(&format!("con.execute('''{insert}''')\n"));
    }
    script.push_str(
        "print(con.execute(\"SELECT count(*), count(DISTINCT source) FROM matters\").fetchone())\n",
    );
    let output = std::process::Command::new("python3")
        .args(["-c", &script])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        String::from_utf8(output.stdout).unwrap().trim(),
        format!("({expected}, 3)")
    );
}
