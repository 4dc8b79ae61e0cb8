//! Unit tests of the deadline parser.

use super::*;
use crate::diagnostic::QUOTE_LIMIT;

fn immediate_clause() -> DeadlineClause {
    DeadlineClause::bare(ClauseKind::Immediate, None, None)
}

fn limit_clause(amount: u32, unit: TimeUnit) -> DeadlineClause {
    DeadlineClause::bare(ClauseKind::Limit, Some(amount), Some(unit))
}

fn with_condition(mut clause: DeadlineClause, condition: &str) -> DeadlineClause {
    clause.condition = Some(condition.to_owned());
    clause
}

fn clauses(text: &str) -> Vec<DeadlineClause> {
    let reading = read(text);
    assert_eq!(reading.problems, [], "{text}");
    reading.clauses
}

fn only_clause(text: &str) -> DeadlineClause {
    let mut found = clauses(text);
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    found.remove(0)
}

#[test]
fn immediate_wordings() {
    for text in [
        "即时办结",
        "即时办理",
        "当场办结",
        "当场办理",
        "立即办结",
        "立即办理",
        "当即办结",
        "即办",
        "即办件",
        " 即时办结 ",
        "即时办结。",
    ] {
        assert_eq!(only_clause(text), immediate_clause(), "{text}");
    }
}

#[test]
fn limit_wordings() {
    use TimeUnit::*;
    for (text, amount, unit) in [
        ("15个工作日", 15, WorkingDay),
        ("15个工作日内", 15, WorkingDay),
        ("15个工作日以内", 15, WorkingDay),
        ("15个工作日内办结", 15, WorkingDay),
        ("15工作日", 15, WorkingDay),
        ("不超过10个工作日", 10, WorkingDay),
        ("最长30个工作日", 30, WorkingDay),
        ("最长不超过30个工作日", 30, WorkingDay),
        ("不得超过5个工作日", 5, WorkingDay),
        ("十五个工作日", 15, WorkingDay),
        ("二十个工作日内", 20, WorkingDay),
        ("两个工作日", 2, WorkingDay),
        ("１５个工作日", 15, WorkingDay),
        ("不超过 15 个工作日", 15, WorkingDay),
        ("7日", 7, Day),
        ("7天", 7, Day),
        ("7日内", 7, Day),
        ("30个自然日", 30, Day),
        ("三十个自然日", 30, Day),
        ("3个月", 3, Month),
        ("三个月内", 3, Month),
        ("24小时", 24, Hour),
        ("24个小时内", 24, Hour),
        ("1年", 1, Year),
        ("0个工作日", 0, WorkingDay),
    ] {
        assert_eq!(only_clause(text), limit_clause(amount, unit), "{text}");
    }
}

#[test]
fn conditions() {
    for (text, condition) in [
        ("跨省转移接续不超过15个工作日", "跨省转移接续"),
        ("其他病种不超过20个工作日", "其他病种"),
        ("省内转入的，即时办结", "省内转入的"),
        ("省内转入的 即时办结", "省内转入的"),
        (
            "恶性肿瘤、肾透析等4个病种即时办结",
            "恶性肿瘤、肾透析等4个病种",
        ),
        ("材料齐全的，当场办结", "材料齐全的"),
    ] {
        assert_eq!(
            only_clause(text).condition.as_deref(),
            Some(condition),
            "{text}"
        );
    }
    assert_eq!(only_clause("不超过10个工作日").condition, None);
}

#[test]
fn bases() {
    for (text, basis, condition) in [
        ("法定时限20个工作日", Basis::Statutory, None),
        ("法定20个工作日", Basis::Statutory, None),
        ("法定办结时限：20个工作日", Basis::Statutory, None),
        ("国家规定20个工作日", Basis::Statutory, None),
        ("承诺时限10个工作日", Basis::Committed, None),
        ("承诺时间为7个工作日", Basis::Committed, None),
        ("承诺即时办结", Basis::Committed, None),
        (
            "跨省转入的，承诺时间为7个工作日",
            Basis::Committed,
            Some("跨省转入的"),
        ),
    ] {
        let clause = only_clause(text);
        assert_eq!(clause.basis, Some(basis), "{text}");
        assert_eq!(clause.condition.as_deref(), condition, "{text}");
        assert_eq!(clause.label, None, "{text}");
    }
}

#[test]
fn basis_words_inside_a_condition_are_no_basis() {
    let clause = only_clause("法定代表人变更的，即时办结");
    assert_eq!(clause.basis, None);
    assert_eq!(clause.condition.as_deref(), Some("法定代表人变更的"));
    let clause = only_clause("提供承诺书的不超过5个工作日");
    assert_eq!(clause.basis, None);
    assert_eq!(clause.condition.as_deref(), Some("提供承诺书的"));
}

#[test]
fn labels() {
    for (text, label, basis) in [
        ("评估时限不超过3个月", Some("评估时限"), None),
        ("评估时限为3个月", Some("评估时限"), None),
        ("审核期限10个工作日", Some("审核期限"), None),
        (
            "承诺评估时限不超过3个月",
            Some("评估时限"),
            Some(Basis::Committed),
        ),
        ("办理时限1个工作日", None, None),
        ("办理时限为1个工作日", None, None),
        ("办结时限：1个工作日", None, None),
        ("时限5日", None, None),
    ] {
        let clause = only_clause(text);
        assert_eq!(clause.label.as_deref(), label, "{text}");
        assert_eq!(clause.basis, basis, "{text}");
        assert_eq!(clause.condition, None, "{text}");
    }
    let clause = only_clause("跨省转入的评估时限3个月");
    assert_eq!(clause.label.as_deref(), Some("评估时限"));
    assert_eq!(clause.condition.as_deref(), Some("跨省转入的"));
}

#[test]
fn starts() {
    for (text, start, condition) in [
        ("自受理之日起15个工作日内办结", "自受理之日起", None),
        ("自受理之日起不超过15个工作日", "自受理之日起", None),
        ("收到《联系函》后8个工作日内", "收到《联系函》后", None),
        ("从受理次日起5日", "从受理次日起", None),
        ("受理后5个工作日", "受理后", None),
        ("材料齐全的次日起5个工作日", "次日起", Some("材料齐全的")),
        (
            "其它病种自审核之日起20个工作日办结",
            "自审核之日起",
            Some("其它病种"),
        ),
    ] {
        let clause = only_clause(text);
        assert_eq!(clause.start.as_deref(), Some(start), "{text}");
        assert_eq!(clause.condition.as_deref(), condition, "{text}");
    }
}

#[test]
fn several_clauses_in_one_cell() {
    use TimeUnit::WorkingDay;
    for (text, expected) in [
        (
            "跨省转移接续不超过15个工作日 省内转移接续不超过9个工作日",
            vec![
                with_condition(limit_clause(15, WorkingDay), "跨省转移接续"),
                with_condition(limit_clause(9, WorkingDay), "省内转移接续"),
            ],
        ),
        (
            "跨省转移接续不超过15个工作日；省内转移接续不超过9个工作日",
            vec![
                with_condition(limit_clause(15, WorkingDay), "跨省转移接续"),
                with_condition(limit_clause(9, WorkingDay), "省内转移接续"),
            ],
        ),
        (
            "恶性肿瘤、肾透析等4个病种即时办结，其他病种不超过20个工作日",
            vec![
                with_condition(immediate_clause(), "恶性肿瘤、肾透析等4个病种"),
                with_condition(limit_clause(20, WorkingDay), "其他病种"),
            ],
        ),
        (
            "1.省内转入的，即时办结 2.跨省转入的，承诺时间为7个工作日",
            vec![with_condition(immediate_clause(), "省内转入的"), {
                let mut c = with_condition(limit_clause(7, WorkingDay), "跨省转入的");
                c.basis = Some(Basis::Committed);
                c
            }],
        ),
        (
            "（1）个人申请的即时办结。（2）单位申请的5个工作日",
            vec![
                with_condition(immediate_clause(), "个人申请的"),
                with_condition(limit_clause(5, WorkingDay), "单位申请的"),
            ],
        ),
    ] {
        assert_eq!(clauses(text), expected, "{text}");
    }
    let found = clauses("法定时限20个工作日，承诺时限10个工作日");
    assert_eq!(
        found
            .iter()
            .map(|c| (c.basis, c.amount))
            .collect::<Vec<_>>(),
        [
            (Some(Basis::Statutory), Some(20)),
            (Some(Basis::Committed), Some(10))
        ]
    );
}

#[test]
fn clauses_take_the_topic_of_their_sentence() {
    let found = clauses(
        "国家规定20个工作日。恶性肿瘤、肾透析等医疗费用较高的病种，随时申办、即时办结、\
         次日享受待遇；其它病种随时申报相关材料，每季度至少审核办理一次，\
         自审核之日起20个工作日办结，办结后次日享受待遇。",
    );
    assert_eq!(found.len(), 3);
    assert_eq!(found[0].basis, Some(Basis::Statutory));
    assert_eq!(found[0].condition, None);
    assert_eq!(found[1].kind, ClauseKind::Immediate);
    assert_eq!(
        found[1].condition.as_deref(),
        Some("恶性肿瘤、肾透析等医疗费用较高的病种")
    );
    assert_eq!(found[2].condition.as_deref(), Some("其它病种"));
    assert_eq!(found[2].start.as_deref(), Some("自审核之日起"));
    assert_eq!(max_working_days(&found), Some(20));
}

#[test]
fn a_later_conditional_piece_replaces_the_topic() {
    let found = clauses("参保人员申请的，即时办结，材料不全的，5个工作日");
    assert_eq!(found[0].condition.as_deref(), Some("参保人员申请的"));
    assert_eq!(found[1].condition.as_deref(), Some("材料不全的"));
}

#[test]
fn prose_around_clauses_is_no_problem() {
    for text in [
        "即时办结，办结后次日享受待遇",
        "随时申办、即时办结",
        "即时办结（材料齐全的）",
        "每季度至少审核办理一次，20个工作日办结",
    ] {
        assert_eq!(clauses(text).len(), 1, "{text}");
    }
}

#[test]
fn look_alikes_are_no_clauses() {
    for text in [
        "按规定时限办理",
        "4个病种",
        "次日享受待遇",
        "每季度至少审核办理一次",
        "非即办件",
        "不即时办结",
        "3月",
        "统一办理",
    ] {
        let reading = read(text);
        assert_eq!(reading.clauses, [], "{text}");
        assert_eq!(reading.problems.len(), 1, "{text}");
    }
}

#[test]
fn ranges_decimals_and_unknown_units_are_problems() {
    for (text, problem) in [
        ("3-5个工作日", Problem::Range("3-5个工作日")),
        ("三至五个工作日", Problem::Range("三至五个工作日")),
        ("3～5日", Problem::Range("3～5日")),
        ("1.5个工作日", Problem::Unread("1.5个工作日")),
        ("两周", Problem::Unread("两周")),
        ("2个星期", Problem::Unread("2个星期")),
        ("每月10日前", Problem::Unread("每月10日前")),
        ("2023年底前", Problem::Unread("2023年底前")),
        ("3个半月", Problem::Unread("3个半月")),
    ] {
        let reading = read(text);
        assert_eq!(reading.clauses, [], "{text}");
        assert_eq!(reading.problems, [problem], "{text}");
    }
    // Part read, part not: the clause is kept and the piece reported.
    let reading = read("即时办结，特殊情况两周");
    assert_eq!(reading.clauses, [immediate_clause()]);
    assert_eq!(reading.problems, [Problem::Unread("特殊情况两周")]);
}

#[test]
fn points_without_a_clause_are_problems() {
    let reading = read("1.即时办结 2.视情况而定");
    assert_eq!(reading.clauses, [immediate_clause()]);
    assert_eq!(
        reading.problems,
        [Problem::PointWithoutTimeLimit(2, "视情况而定")]
    );
    assert_eq!(
        reading.problems[0].message(),
        "deadline point 2 `视情况而定` states no time limit that could be read"
    );
}

#[test]
fn messages() {
    assert_eq!(
        Problem::NoTimeLimit("按规定办理").message(),
        "deadline `按规定办理` states no time limit that could be read"
    );
    assert_eq!(
        Problem::Range("3-5个工作日").message(),
        "deadline `3-5个工作日` gives a range of time limits, which is not structured"
    );
    assert_eq!(
        Problem::Unread("两周").message(),
        "deadline part `两周` looks like a time limit but could not be read"
    );
    let long = "一".repeat(QUOTE_LIMIT + 10);
    assert_eq!(
        Problem::NoTimeLimit(&long).message(),
        format!(
            "deadline `{}…` states no time limit that could be read",
            "一".repeat(QUOTE_LIMIT)
        )
    );
}

#[test]
fn max_working_days_needs_every_clause_in_working_days() {
    use TimeUnit::*;
    assert_eq!(max_working_days(&[]), None);
    assert_eq!(max_working_days(&[immediate_clause()]), Some(0));
    assert_eq!(
        max_working_days(&[limit_clause(9, WorkingDay), limit_clause(15, WorkingDay)]),
        Some(15)
    );
    assert_eq!(
        max_working_days(&[immediate_clause(), limit_clause(3, Month)]),
        None
    );
    assert_eq!(max_working_days(&[limit_clause(7, Day)]), None);
}

#[test]
fn display_is_canonical_and_parses_back() {
    for (text, canonical) in [
        ("即办件", "即时办结"),
        ("15个工作日", "不超过15个工作日"),
        ("十五个工作日内办结", "不超过15个工作日"),
        ("7天", "不超过7日"),
        ("3个月", "不超过3个月"),
        ("24小时", "不超过24小时"),
        ("1年", "不超过1年"),
        (
            "跨省转移接续不超过15个工作日",
            "跨省转移接续不超过15个工作日",
        ),
        ("省内转入的，即时办结", "省内转入的，即时办结"),
        ("法定时限20个工作日", "法定时限不超过20个工作日"),
        ("国家规定20个工作日", "法定时限不超过20个工作日"),
        ("承诺时间为7个工作日", "承诺时限不超过7个工作日"),
        ("承诺即时办结", "承诺时限为即时办结"),
        ("评估时限不超过3个月", "评估时限不超过3个月"),
        ("承诺评估时限3个月", "承诺评估时限不超过3个月"),
        (
            "收到《联系函》后8个工作日内",
            "收到《联系函》后不超过8个工作日",
        ),
        (
            "其它病种自审核之日起20个工作日办结",
            "其它病种自审核之日起不超过20个工作日",
        ),
        (
            "跨省转入的，承诺时间为7个工作日",
            "跨省转入的，承诺时限不超过7个工作日",
        ),
    ] {
        let clause: DeadlineClause = text.parse().expect(text);
        assert_eq!(clause.to_string(), canonical, "{text}");
        let again: DeadlineClause = canonical.parse().expect(canonical);
        assert_eq!(again, clause, "{canonical}");
    }
}

#[test]
fn deadline_from_str_reports_where_it_fails() {
    let error = "即时办结；3-5个工作日".parse::<Deadline>().unwrap_err();
    assert_eq!(error.offset(), "即时办结；".len());
    assert_eq!(
        error.message(),
        "deadline `3-5个工作日` gives a range of time limits, which is not structured"
    );
    let error = "即时办结，其他10个工作日"
        .parse::<DeadlineClause>()
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "expected one deadline clause, found 2 in `即时办结，其他10个工作日` (at byte 0)"
    );
}

#[test]
fn deadline_display_falls_back_to_raw() {
    let deadline = deadline_of(" 按规定 办理 ", Vec::new());
    assert_eq!(deadline.to_string(), "按规定办理");
}

#[test]
fn standalone_clauses() {
    for text in [
        "办理时限1个工作日",
        "办理时限为1个工作日",
        "即时办结",
        "5个工作日内办结",
    ] {
        assert!(standalone_clause(text).is_some(), "{text}");
    }
    for text in [
        "近3个月的病历",
        "3个月内的发票",
        "评估时限3个月",
        "提供近3个月",
        "复印件一份",
        "3-5个工作日",
    ] {
        assert_eq!(standalone_clause(text), None, "{text}");
    }
}

#[test]
fn long_inputs_do_not_blow_up() {
    let text = "1".repeat(50_000) + &"即时办结，".repeat(10_000) + &"十".repeat(10_000);
    let reading = read(&text);
    assert_eq!(reading.clauses.len(), 10_000);
}

#[test]
fn no_core_starts_where_the_prefilter_says_none_can() {
    let tails = [
        "",
        "个工作日",
        "工作日",
        "日",
        "时办结",
        "场办理",
        "即办结",
        "办件",
        "个月",
    ];
    for c in (0..0x1_0000).filter_map(char::from_u32) {
        if may_open_core(c) {
            continue;
        }
        for tail in tails {
            let text = format!("{c}{tail}");
            assert_eq!(core_at(&text, None), None, "{text:?}");
        }
    }
    for c in ['即', '当', '立', '5', '５', '五', '十'] {
        assert!(may_open_core(c), "{c:?}");
    }
}

#[test]
fn the_last_basis_word_wins_as_a_search_per_word_finds_it() {
    // Walking back finds the word starting last; that is the last `rfind` hit as long as no
    // two basis words start with the same character.
    let firsts: Vec<char> = BASES.iter().filter_map(|(w, _)| w.chars().next()).collect();
    for (i, c) in firsts.iter().enumerate() {
        assert!(!firsts[i + 1..].contains(c), "{c}");
    }
    for (text, basis, rest) in [
        ("法定承诺时限", Some(Basis::Committed), "法定"),
        ("承诺法定", Some(Basis::Statutory), "承诺"),
        ("国家规定时限", Some(Basis::Statutory), ""),
        ("法定代表人", None, "法定代表人"),
        ("", None, ""),
    ] {
        let (found_rest, found_basis, _) = split_basis_and_label(text);
        assert_eq!((found_rest, found_basis), (rest, basis), "{text}");
    }
}

/// The nom parsers the plain word lists of `piece` replaced, as the definitions they must
/// agree with.
mod reference {
    use super::*;
    use nom::{
        branch::alt,
        bytes::complete::tag,
        combinator::{opt, value},
        IResult, Parser,
    };

    pub(super) fn immediate(input: &str) -> IResult<&str, ()> {
        value(
            (),
            alt((
                tag("即时办结"),
                tag("即时办理"),
                tag("当场办结"),
                tag("当场办理"),
                tag("立即办结"),
                tag("立即办理"),
                tag("当即办结"),
                tag("即办件"),
                tag("即办"),
            )),
        )
        .parse(input)
    }

    pub(super) fn limit(input: &str) -> IResult<&str, (u32, TimeUnit)> {
        let (rest, amount) = numeral::number(input)?;
        let (rest, counter) = opt(tag("个")).parse(rest)?;
        let (rest, unit) = unit(rest)?;
        if unit == TimeUnit::Month && counter.is_none() {
            return Err(nom::Err::Error(nom::error::Error::new(
                input,
                nom::error::ErrorKind::Verify,
            )));
        }
        Ok((rest, (amount, unit)))
    }

    fn unit(input: &str) -> IResult<&str, TimeUnit> {
        alt((
            value(TimeUnit::WorkingDay, tag("工作日")),
            value(TimeUnit::Day, tag("自然日")),
            value(TimeUnit::Day, tag("日历日")),
            value(TimeUnit::Day, tag("日")),
            value(TimeUnit::Day, tag("天")),
            value(TimeUnit::Month, tag("月")),
            value(TimeUnit::Hour, tag("小时")),
            value(TimeUnit::Year, tag("年")),
        ))
        .parse(input)
    }

    /// The walk of a piece as it was: its own list of clauses, [`has_unread_time`] asked of
    /// every prefix and of the tail.
    pub(super) fn scan_piece(piece: &str) -> (Vec<DeadlineClause>, Option<Problem<'_>>, bool) {
        let text = compact(piece);
        let mut clauses = Vec::new();
        let mut problem = None;
        let mut prefix_start = 0;
        let mut resume_at = 0;
        let mut previous: Option<char> = None;
        for (i, c) in text.char_indices() {
            if i >= resume_at && may_open_core(c) {
                if let Some((core, len)) = core_at(&text[i..], previous) {
                    let prefix = &text[prefix_start..i];
                    if let Some(found) = joined_to_a_number(prefix, piece) {
                        problem = Some(found);
                    } else {
                        if has_unread_time(prefix) {
                            problem = Some(Problem::Unread(piece));
                        }
                        clauses.push(clause_of(core, analyse(prefix)));
                    }
                    prefix_start = i + len;
                    resume_at = i + len;
                }
            }
            previous = Some(c);
        }
        let tail = &text[prefix_start..];
        if problem.is_none() && has_unread_time(tail) {
            problem = Some(Problem::Unread(piece));
        }
        (clauses, problem, !tail.is_empty())
    }

    pub(super) fn suffix(input: &str) -> &str {
        let within = opt(alt((tag("以内"), tag("之内"), tag("内"))));
        let done = opt(alt((
            tag("办理完毕"),
            tag("办结"),
            tag("办完"),
            tag("完成"),
            tag("办理"),
        )));
        let result: IResult<&str, _> = (within, done).parse(input);
        result.map_or(input, |(rest, _)| rest)
    }
}

#[test]
fn word_lists_agree_with_the_nom_parsers() {
    let pieces = [
        "即",
        "时",
        "办",
        "结",
        "理",
        "件",
        "当",
        "场",
        "立",
        "以",
        "内",
        "之",
        "完",
        "毕",
        "成",
        "1",
        "十",
        "个",
        "工作日",
        "日",
        "月",
        "小时",
        "年",
        "自然",
        "天",
    ];
    for text in crate::test_support::every_text(&pieces, 4) {
        assert_eq!(
            immediate(&text),
            reference::immediate(&text).ok().map(|(rest, ())| rest),
            "{text:?}"
        );
        assert_eq!(limit(&text), reference::limit(&text).ok(), "{text:?}");
        assert_eq!(suffix(&text), reference::suffix(&text), "{text:?}");
    }
}

/// The reading as it was: every text split by `markers::split`, then into sentences, then into
/// pieces, each piece scanned by the reference scan.
fn read_by_parts(text: &str) -> Reading<'_> {
    fn split_trimmed(text: &str, is_separator: fn(char) -> bool) -> impl Iterator<Item = &str> {
        text.split(is_separator)
            .map(str::trim)
            .filter(|part| !part.is_empty())
    }
    fn read_sentence<'a>(sentence: &'a str, reading: &mut Reading<'a>) {
        let mut topic: Option<String> = None;
        for piece in split_trimmed(sentence, is_piece_break) {
            let (clauses, problem, _) = reference::scan_piece(piece);
            reading.problems.extend(problem);
            if clauses.is_empty() {
                let text = compact(piece);
                if topic.is_none() || text.ends_with('的') {
                    topic = topic_of(&text);
                }
                continue;
            }
            for mut clause in clauses {
                if clause.condition.is_none() {
                    clause.condition.clone_from(&topic);
                }
                reading.clauses.push(clause);
            }
        }
    }
    let mut reading = Reading::default();
    for item in crate::text::markers::split(text) {
        let clauses_before = reading.clauses.len();
        let problems_before = reading.problems.len();
        for sentence in split_trimmed(item.body, is_sentence_end) {
            read_sentence(sentence, &mut reading);
        }
        let nothing_found =
            reading.clauses.len() == clauses_before && reading.problems.len() == problems_before;
        if let (Some(marker), true) = (item.marker, nothing_found) {
            reading
                .problems
                .push(Problem::PointWithoutTimeLimit(marker.number, item.body));
        }
    }
    if reading.clauses.is_empty() && reading.problems.is_empty() && !text.trim().is_empty() {
        reading.problems.push(Problem::NoTimeLimit(text.trim()));
    }
    reading
}

#[test]
fn reading_agrees_with_reading_by_parts() {
    let pieces = [
        "即时办结",
        "不超过",
        "15个工作日",
        "3-",
        "内",
        "跨省",
        "的",
        "，",
        "。",
        " ",
        "1.",
        "2、",
        "①",
        "（",
        "法定",
        "时限",
        "自受理之日起",
        "两周",
        "、",
        "随时",
        "\u{200B}",
        "；",
    ];
    for text in crate::test_support::every_text(&pieces, 4) {
        let fast = read(&text);
        let slow = read_by_parts(&text);
        assert_eq!(fast.clauses, slow.clauses, "{text:?}");
        assert_eq!(fast.problems, slow.problems, "{text:?}");
    }
}

#[test]
fn every_wording_that_may_end_a_clause_ends_with_a_character_the_prefilter_lets_through() {
    let immediates = [
        "即时办结",
        "即时办理",
        "当场办结",
        "当场办理",
        "立即办结",
        "立即办理",
        "当即办结",
        "即办件",
        "即办",
    ];
    let units = ["工作日", "自然日", "日历日", "日", "天", "月", "小时", "年"];
    let suffixes = [
        "以内",
        "之内",
        "内",
        "办理完毕",
        "办结",
        "办完",
        "完成",
        "办理",
    ];
    for word in immediates.iter().chain(&units).chain(&suffixes) {
        assert!(may_end_a_clause(word), "{word}");
        assert!(may_end_a_clause(&format!("{word} \u{200B}")), "{word}");
    }
    for piece in ["需提供身份证", "3个月的病历", "", " "] {
        assert!(!may_end_a_clause(piece), "{piece}");
    }
}

#[test]
fn standalone_clauses_agree_with_reading_every_piece() {
    fn by_scan(piece: &str) -> Option<DeadlineClause> {
        let (mut clauses, problem, trailing_text) = reference::scan_piece(piece);
        let alone = clauses.len() == 1 && problem.is_none() && !trailing_text;
        let clause = clauses.pop().filter(|_| alone)?;
        (clause.condition.is_none() && clause.label.is_none() && clause.start.is_none())
            .then_some(clause)
    }
    let pieces = [
        "办理时限",
        "为",
        "1个工作日",
        "即时办结",
        "内",
        "办结",
        "的",
        "病历",
        "3",
        "个月",
        " ",
        "\u{200B}",
        "、",
        "天",
        "两周",
    ];
    for text in crate::test_support::every_text(&pieces, 4) {
        assert_eq!(standalone_clause(&text), by_scan(&text), "{text:?}");
    }
}

#[test]
fn analyse_agrees_with_reading_every_prefix_whole() {
    fn analyse_whole(prefix: &str) -> Prefix {
        let prefix = prefix.trim_end_matches(['，', ',']);
        if prefix.ends_with('、') {
            return Prefix::default();
        }
        let rest = strip_qualifiers(prefix);
        let (rest, start) = split_start(rest);
        let rest = strip_qualifiers(rest);
        let (rest, basis, label) = split_basis_and_label(rest);
        Prefix {
            condition: non_empty(rest),
            basis,
            label,
            start,
        }
    }
    let pieces = [
        "不超过",
        "为",
        "：",
        "，",
        "、",
        "法定",
        "时限",
        "评估",
        "的",
        "自受理之日起",
        "后",
        "跨省",
        " ",
    ];
    for text in crate::test_support::every_text(&pieces, 4) {
        assert_eq!(analyse(&text), analyse_whole(&text), "{text:?}");
    }
}
