//! Encodings, delimiters and spreadsheets: a list reads the same whatever its bytes, with the
//! encoding named and every byte that does not decode reported where it is.

use shixiang::{Code, Document, Encoding, ErrorKind, ParseOptions, Severity};

const LIST: &str = "某市医疗保障经办政务服务事项清单
主项\t子项序号\t子项\t办理材料\t办理时限
一、参保登记\t1\t单位参保登记\t营业执照\t即时办结
\t2\t职工参保登记\t身份证\t5个工作日
";

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        bytes.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    bytes
}

fn found(document: &Document) -> Vec<(Code, usize, usize, &str)> {
    document
        .diagnostics
        .iter()
        .map(|d| (d.code.clone(), d.line, d.column, d.message.as_str()))
        .collect()
}

/// The document of `LIST` read as UTF-8 text.
fn plain() -> Document {
    shixiang::parse(LIST).unwrap()
}

#[test]
fn utf8_with_or_without_a_byte_order_mark_is_plain_utf8() {
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), LIST.as_bytes()].concat();
    for bytes in [LIST.as_bytes(), &with_bom] {
        let document = shixiang::parse(bytes).unwrap();
        assert_eq!(document.encoding, "UTF-8");
        assert_eq!(document, plain());
        assert!(document.diagnostics.is_empty());
    }
}

#[test]
fn utf16_is_read_by_its_byte_order_mark() {
    for (big_endian, name) in [(false, "UTF-16LE"), (true, "UTF-16BE")] {
        let document = shixiang::parse(&utf16(LIST, big_endian)).unwrap();
        assert_eq!(document.encoding, name);
        assert_eq!(document.categories, plain().categories);
        assert_eq!(document.title, plain().title);
        let message = format!("the text is read as {name}, as its byte-order mark says");
        assert_eq!(
            found(&document),
            [(Code::EncodingDetected, 1, 1, message.as_str())]
        );
        assert_eq!(document.diagnostics[0].severity, Severity::Info);
    }
}

#[test]
fn gb18030_is_read_when_the_bytes_are_not_utf8() {
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(LIST);
    assert!(!unmappable);
    let document = shixiang::parse(&bytes[..]).unwrap();
    assert_eq!(document.encoding, "GB18030");
    assert_eq!(document.categories, plain().categories);
    assert_eq!(
        document.categories[0].matters[1].name, "职工参保登记",
        "GB18030 text reads as its characters"
    );
    assert_eq!(
        found(&document),
        [(
            Code::EncodingDetected,
            1,
            1,
            "the text is read as GB18030, since it is not UTF-8 and GB18030 reads it with fewer undecodable bytes"
        )]
    );
    // GBK is GB18030's subset: the same bytes.
    let (gbk, _, _) = encoding_rs::GBK.encode(LIST);
    assert_eq!(gbk, bytes);
}

#[test]
fn a_stray_byte_is_reported_where_it_is_and_the_rest_is_read() {
    // The 子项 of line 3 loses the last byte of 记 (E8 AE B0): E8 AE stand alone.
    let text = LIST.replacen("单位参保登记", "单位参保登\u{1}", 1);
    let bytes: Vec<u8> = text
        .into_bytes()
        .into_iter()
        .flat_map(|b| if b == 1 { vec![0xE8, 0xAE] } else { vec![b] })
        .collect();
    let document = shixiang::parse(&bytes).unwrap();
    assert_eq!(document.encoding, "UTF-8");
    let at = LIST.find("单位参保登记").unwrap() + "单位参保登".len();
    let message =
        format!("the bytes E8 AE at byte {at} are not valid UTF-8; they are read as U+FFFD");
    assert_eq!(
        found(&document),
        [(Code::InvalidBytes, 3, 15, message.as_str())]
    );
    let matters = &document.categories[0].matters;
    assert_eq!(matters[0].name, "单位参保登\u{FFFD}");
    // The rest of the file is read: the next row and its cells.
    assert_eq!(matters[1].name, "职工参保登记");
    assert_eq!(matters[1].deadline.max_working_days, Some(5));

    let strict = ParseOptions::new().strict(true);
    let error = shixiang::parse_with(&bytes, &strict).unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::InvalidUtf8 { byte_offset: at });
    assert_eq!(
        error.to_string(),
        format!("line 3, column 15: invalid UTF-8 at byte {at}")
    );
}

#[test]
fn every_stray_byte_gets_its_own_warning() {
    let bytes = [LIST.as_bytes(), b"\xFF\t3\t\xFE\xFE\t\t\n"].concat();
    let document = shixiang::parse(&bytes).unwrap();
    let strays: Vec<(usize, usize, &str)> = found(&document)
        .into_iter()
        .filter(|d| d.0 == Code::InvalidBytes)
        .map(|d| (d.1, d.2, d.3))
        .collect();
    let at = LIST.len();
    assert_eq!(
        strays,
        [
            (
                5,
                1,
                format!("the byte FF at byte {at} is not valid UTF-8; it is read as U+FFFD")
                    .as_str()
            ),
            (
                5,
                5,
                format!(
                    "the byte FE at byte {} is not valid UTF-8; it is read as U+FFFD",
                    at + 4
                )
                .as_str()
            ),
            (
                5,
                6,
                format!(
                    "the byte FE at byte {} is not valid UTF-8; it is read as U+FFFD",
                    at + 5
                )
                .as_str()
            ),
        ]
    );
}

#[test]
fn a_forced_encoding_is_used_whatever_the_bytes_look_like() {
    let (bytes, _, _) = encoding_rs::GB18030.encode(LIST);
    let gb = ParseOptions::new().encoding("gbk".parse().unwrap());
    let document = shixiang::parse_with(&bytes[..], &gb).unwrap();
    assert_eq!(document.encoding, "GB18030");
    assert_eq!(
        found(&document),
        [(
            Code::EncodingDetected,
            1,
            1,
            "the text is read as GB18030, as the options say"
        )]
    );
    // Forced UTF-8: GB18030 bytes are stray bytes, each reported, and no header is found.
    let utf8 = ParseOptions::new().encoding(Encoding::Utf8);
    let error = shixiang::parse_with(&bytes[..], &utf8).unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::NoHeader);
    // A forced UTF-16 skips its own byte-order mark.
    let le = ParseOptions::new().encoding(Encoding::Utf16Le);
    let document = shixiang::parse_with(&utf16(LIST, false), &le).unwrap();
    assert_eq!(document.categories, plain().categories);
}

#[test]
fn strict_mode_fails_on_bytes_gb18030_cannot_read() {
    let (bytes, _, _) = encoding_rs::GB18030.encode(LIST);
    let bytes = [bytes.as_ref(), b"\xFF\n"].concat();
    let options = ParseOptions::new().encoding(Encoding::Gb18030);
    let lenient = shixiang::parse_with(&bytes, &options).unwrap();
    let stray = (
        Code::InvalidBytes,
        5,
        1,
        format!(
            "the byte FF at byte {} is not valid GB18030; it is read as U+FFFD",
            bytes.len() - 2
        ),
    );
    assert_eq!(
        found(&lenient)[1],
        (stray.0, stray.1, stray.2, stray.3.as_str())
    );
    let error = shixiang::parse_with(&bytes, &options.strict(true)).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!("line 5, column 1: warning[invalid_bytes]: {}", stray.3)
    );
}

#[test]
fn a_reader_reads_decoded_bytes_borrowing_utf8() {
    let bytes = utf16(LIST, false);
    let options = ParseOptions::new();
    let decoded = shixiang::decode(&bytes, &options).unwrap();
    let mut reader = shixiang::Reader::from_decoded(&decoded, &options);
    let category = reader.next().unwrap().unwrap();
    assert_eq!(category.matters.len(), 2);
    let rest = reader.finish().unwrap();
    assert_eq!(rest.encoding, "UTF-16LE");
    assert_eq!(rest.diagnostics.len(), 1);
    let decoded = shixiang::decode(LIST.as_bytes(), &options).unwrap();
    assert_eq!(
        decoded.text().as_ptr(),
        LIST.as_ptr(),
        "UTF-8 is not copied"
    );
    let document = shixiang::Reader::from_decoded(&decoded, &options)
        .finish()
        .unwrap();
    assert_eq!(document, plain());
}

#[test]
fn a_document_without_an_encoding_reads_as_utf8() {
    let mut json = serde_json::to_value(plain()).unwrap();
    json.as_object_mut().unwrap().remove("encoding");
    let document: Document = serde_json::from_value(json).unwrap();
    assert_eq!(document.encoding, "UTF-8");
}

const CSV: &str = "某市清单
主项,子项序号,子项,办理材料,办理时限
一、参保登记,1,单位参保登记,\"1. 营业执照, 原件
2. 《申请表》\tA\",即时办结
,3,\"职工\"\"参保\"\"\",身份证,5个工作日
";

#[test]
fn comma_separated_cells_may_be_quoted() {
    let document = shixiang::parse(CSV).unwrap();
    let matters = &document.categories[0].matters;
    assert_eq!(
        matters[0].materials.raw,
        "1. 营业执照, 原件\n2. 《申请表》\tA"
    );
    assert_eq!(matters[0].materials.groups[0].items.len(), 2);
    assert_eq!(matters[0].deadline.raw, "即时办结");
    assert_eq!(matters[1].name, "职工\"参保\"");
    // The quoted cell spans lines 3 and 4: the next record is line 5, and positions in it
    // point into the file (matter 2 missing: the 子项序号 cell, column 2).
    assert_eq!(document.categories[0].lines, (3, 5));
    assert_eq!(
        found(&document),
        [
            // The item `营业执照, 原件`, at its place in the quoted cell.
            (
                Code::MaterialsUnparsed,
                3,
                21,
                "materials item joins several parts with ','; they were kept as one item"
            ),
            (
                Code::MatterNumberMissing,
                5,
                2,
                "matter number 2 is missing between 1 and 3"
            )
        ]
    );
}

#[test]
fn positions_inside_a_quoted_cell_follow_its_lines() {
    // An unclosed bracket on the second line of a quoted cell, after a doubled quote.
    let text = "标题\n主项,子项序号,子项,办理时限\n一、甲,1,乙,\"\"\"急\"\"件
三日内办结（\"\n";
    let document = shixiang::parse(text).unwrap();
    let unbalanced: Vec<_> = found(&document)
        .into_iter()
        .filter(|d| d.0 == Code::UnbalancedBrackets)
        .collect();
    assert_eq!(unbalanced.len(), 1, "{:?}", found(&document));
    assert_eq!((unbalanced[0].1, unbalanced[0].2), (4, 6));
    // Its byte offset points at the bracket in the file, past the quotes.
    let d = document
        .diagnostics
        .iter()
        .find(|d| d.code == Code::UnbalancedBrackets)
        .unwrap();
    assert!(text[d.offset.unwrap()..].starts_with("（\""));
}

/// The finding of `code` in `document`, and the text at its byte offset in `text`.
fn at_offset<'t>(document: &Document, code: Code, text: &'t str) -> &'t str {
    let d = document.diagnostics.iter().find(|d| d.code == code);
    let d = d.unwrap_or_else(|| panic!("no {code} in {:?}", found(document)));
    assert_eq!(d.position().offset, d.offset);
    &text[d.offset.unwrap()..]
}

#[test]
fn byte_offsets_point_into_the_text_read() {
    let list = "标题\n主项\t子项序号\t子项\t办理时限\n一、甲\t1\t乙\t即时办结（\n二、丙\t3\t丁\t即时办结\n";
    // LF and CRLF; with a byte-order mark, which the offset does not count.
    for text in [list.to_owned(), list.replace('\n', "\r\n")] {
        let document = shixiang::parse(&text).unwrap();
        assert!(at_offset(&document, Code::UnbalancedBrackets, &text).starts_with("（"));
        assert!(at_offset(&document, Code::MatterNumberMissing, &text).starts_with("3\t丁"));
        let bom = format!("\u{FEFF}{text}");
        let document = shixiang::parse(&bom).unwrap();
        assert!(at_offset(&document, Code::MatterNumberMissing, &text).starts_with("3\t丁"));
    }
    // GB18030: the offset is in the decoded text.
    let bytes = encoding_rs::GB18030.encode(list).0;
    let document = shixiang::parse(&bytes[..]).unwrap();
    assert!(at_offset(&document, Code::MatterNumberMissing, list).starts_with("3\t丁"));
    // A finding about a whole row has none.
    let document = shixiang::parse("主项\t子项序号\t子项\n一、甲\t1\n").unwrap();
    let short = document
        .diagnostics
        .iter()
        .find(|d| d.code == Code::RowTooShort);
    assert_eq!(short.map(|d| (d.line, d.offset)), Some((2, None)));
}

#[test]
fn a_delimiter_set_to_what_cannot_separate_cells_is_ignored() {
    // The field is public: set directly, it skips the builder's check, and is ignored too.
    let text = "标题\n主项,子项序号,子项,办理材料\n一、参保,1,登记,\"甲,乙\"\n";
    for delimiter in [b'"', b'\n', b'\r', 0xFF, 0x80] {
        let mut options = ParseOptions::new();
        options.delimiter = Some(delimiter);
        let document = shixiang::parse_with(text, &options).unwrap();
        assert_eq!(
            document.categories[0].matters[0].materials.raw, "甲,乙",
            "{delimiter:#x}"
        );
    }
}

#[test]
fn the_delimiter_is_detected_from_the_header_or_forced() {
    // Tab-separated cells may hold commas, and comma-separated titles tabs.
    let tsv = LIST.replace("营业执照", "营业执照,身份证");
    let document = shixiang::parse(&tsv).unwrap();
    assert_eq!(
        document.categories[0].matters[0].materials.raw,
        "营业执照,身份证"
    );
    let csv = LIST
        .replace("营业执照", "\"营业执照,身份证\"")
        .replace('\t', ",");
    let document = shixiang::parse(&csv).unwrap();
    assert_eq!(
        document.categories[0].matters[0].materials.raw,
        "营业执照,身份证"
    );
    // Forced: semicolons; a tab forced on comma-separated text finds no header.
    let semi = LIST.replace('\t', ";");
    let options = ParseOptions::new().delimiter(b';');
    let document = shixiang::parse_with(&semi, &options).unwrap();
    assert_eq!(document.categories, plain().categories);
    let tab = ParseOptions::new().delimiter(b'\t');
    let error = shixiang::parse_with(&csv, &tab).unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::NoHeader);
    // A quote or a line ending cannot be a delimiter: it is detected instead.
    assert_eq!(ParseOptions::new().delimiter(b'"').delimiter, None);
}

#[test]
fn a_utf16_csv_reads_like_the_utf8_one() {
    let document = shixiang::parse(&utf16(CSV, true)).unwrap();
    assert_eq!(document.encoding, "UTF-16BE");
    assert_eq!(
        document.categories,
        shixiang::parse(CSV).unwrap().categories
    );
}

mod spreadsheets {
    use super::*;
    use rust_xlsxwriter::{Format, Workbook};

    /// A workbook whose sheet `清单` holds the list with its 主项 merged down two rows, and
    /// a sheet `其他` before it holding something else.
    fn workbook() -> Vec<u8> {
        let mut workbook = Workbook::new();
        let other = workbook.add_worksheet();
        other.set_name("其他").unwrap();
        other.write_string(0, 0, "不是清单").unwrap();
        let sheet = workbook.add_worksheet();
        sheet.set_name("清单").unwrap();
        sheet
            .write_string(0, 0, "某市医疗保障经办政务服务事项清单")
            .unwrap();
        for (col, name) in ["主项", "子项序号", "子项", "办理材料", "办理时限"]
            .iter()
            .enumerate()
        {
            sheet.write_string(1, col as u16, *name).unwrap();
        }
        sheet
            .merge_range(2, 0, 4, 0, "一、参保登记", &Format::new())
            .unwrap();
        let rows = [
            (1.0, "单位参保登记", "营业执照\n（副本）", "即时办结"),
            (2.0, "职工参保登记", "身份证", "5个工作日"),
            (4.0, "灵活就业登记", "身份证", "即时办结"),
        ];
        for (i, (seq, name, materials, deadline)) in rows.into_iter().enumerate() {
            let row = 2 + i as u32;
            sheet.write_number(row, 1, seq).unwrap();
            sheet.write_string(row, 2, name).unwrap();
            sheet.write_string(row, 3, materials).unwrap();
            sheet.write_string(row, 4, deadline).unwrap();
        }
        workbook.save_to_buffer().unwrap()
    }

    #[test]
    fn merged_cells_read_as_blank_below_and_positions_are_cells() {
        let bytes = workbook();
        let options = ParseOptions::new().sheet("清单");
        let document = shixiang::parse_with(&bytes, &options).unwrap();
        assert_eq!(document.encoding, "xlsx");
        assert_eq!(
            document.title.as_deref(),
            Some("某市医疗保障经办政务服务事项清单")
        );
        assert_eq!(document.categories.len(), 1);
        let category = &document.categories[0];
        assert_eq!(category.name, "参保登记");
        assert_eq!(category.raw, ["一、参保登记"]);
        assert_eq!(category.lines, (3, 5));
        let names: Vec<(Option<u32>, &str)> = category
            .matters
            .iter()
            .map(|m| (m.seq, m.name.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                (Some(1), "单位参保登记"),
                (Some(2), "职工参保登记"),
                (Some(4), "灵活就业登记")
            ]
        );
        assert_eq!(category.matters[0].materials.raw, "营业执照\n（副本）");
        // Matter 3 is missing: row 5, column B.
        assert_eq!(
            found(&document),
            [(
                Code::MatterNumberMissing,
                5,
                2,
                "matter number 3 is missing between 2 and 4"
            )]
        );
    }

    #[test]
    fn the_first_sheet_is_read_unless_one_is_named() {
        let error = shixiang::parse_with(&workbook(), &ParseOptions::new()).unwrap_err();
        assert_eq!(error.kind(), &ErrorKind::NoHeader);
    }

    #[test]
    fn an_unknown_sheet_is_an_error_naming_the_sheets() {
        let options = ParseOptions::new().sheet("Sheet1");
        let error = shixiang::parse_with(&workbook(), &options).unwrap_err();
        assert_eq!(
            error.to_string(),
            "line 1, column 1: the workbook has no sheet named “Sheet1”; its sheets are “其他”, “清单”"
        );
        assert!(
            matches!(error.kind(), ErrorKind::UnknownSheet { sheets, .. } if sheets.len() == 2)
        );
    }

    #[test]
    fn bytes_that_open_as_a_workbook_and_are_none_are_an_error() {
        // Text is read as text: only bytes that open as a ZIP archive or an OLE file are
        // taken for a workbook.
        let document = shixiang::parse_with(LIST.as_bytes(), &ParseOptions::new()).unwrap();
        assert_eq!(document.encoding, "UTF-8");
        let zip = [&b"PK\x03\x04"[..], LIST.as_bytes()].concat();
        let error = shixiang::parse_with(&zip, &ParseOptions::new()).unwrap_err();
        assert!(matches!(error.kind(), ErrorKind::UnreadableWorkbook(_)));
        assert!(error
            .to_string()
            .starts_with("line 1, column 1: cannot read the workbook: "));
    }
}
