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
            .map(|c| (c.basis.clone(), c.amount))
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
        "非即办件",
        "不即时办结",
        "3月",
        "统一办理",
    ] {
        let reading = read(text);
        assert_eq!(reading.clauses, [], "{text}");
        assert_eq!(reading.problems.len(), 1, "{text}");
    }
    // Read aside, as an effect and a frequency: no clause, and no problem.
    for text in ["次日享受待遇", "每季度至少审核办理一次"] {
        let reading = read(text);
        assert_eq!(reading.clauses, [], "{text}");
        assert_eq!(reading.problems, [], "{text}");
        assert_eq!(
            reading.effects.len() + reading.frequencies.len(),
            1,
            "{text}"
        );
    }
}

#[test]
fn ranges_decimals_and_unknown_units_are_problems() {
    for (text, problem) in [
        ("5-3个工作日", Problem::Range("5-3个工作日")),
        ("五至五个工作日", Problem::Range("五至五个工作日")),
        ("1.5-3日", Problem::Range("1.5-3日")),
        ("1.5个工作日", Problem::Unread("1.5个工作日")),
        ("0．5个工作日", Problem::Unread("0．5个工作日")),
        // A fraction is no amount: not 8 working days.
        ("1/8工作日", Problem::Unread("1/8工作日")),
        ("3／4个月", Problem::Unread("3／4个月")),
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
        ("10-20个工作日", "10至20个工作日"),
        ("一般10至20个工作日", "一般10至20个工作日"),
        ("一般12个工作日", "一般12个工作日"),
        ("最长30个工作日", "最长30个工作日"),
        ("最长不超过30个工作日", "最长30个工作日"),
        ("至少10个工作日", "不少于10个工作日"),
        ("10个工作日以上", "不少于10个工作日"),
        ("受理环节1个工作日", "受理不超过1个工作日"),
    ] {
        let clause: DeadlineClause = text.parse().expect(text);
        assert_eq!(clause.to_string(), canonical, "{text}");
        let again: DeadlineClause = canonical.parse().expect(canonical);
        assert_eq!(again, clause, "{canonical}");
    }
}

#[test]
fn deadline_from_str_reports_where_it_fails() {
    let error = "即时办结；5-3个工作日".parse::<Deadline>().unwrap_err();
    assert_eq!(error.offset(), "即时办结；".len());
    assert_eq!(
        error.message(),
        "deadline `5-3个工作日` gives a range of time limits, which is not structured"
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
    let deadline = deadline_of(" 按规定 办理 ", Reading::default());
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
        "5-3个工作日",
        "3-5个工作日",
        "10个工作日以上",
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
    // What may follow the first character of a core: the rest of each wording and each unit.
    let mut tails: Vec<String> = vec![String::new()];
    for word in IMMEDIATE {
        tails.push(word.chars().skip(1).collect());
    }
    for (word, _) in UNITS {
        tails.push((*word).to_owned());
    }
    for c in (0..0x1_0000).filter_map(char::from_u32) {
        if may_open_core(c) {
            continue;
        }
        for tail in &tails {
            let text = format!("{c}{tail}");
            assert_eq!(core_at(&text, None), None, "{text:?}");
        }
    }
    for word in IMMEDIATE {
        assert!(may_open_core(word.chars().next().unwrap()), "{word}");
    }
    for c in ['5', '５', '五', '十', '两'] {
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

#[test]
fn every_wording_that_may_end_a_clause_ends_with_a_character_the_prefilter_lets_through() {
    let units = UNITS.iter().map(|(word, _)| word);
    for word in IMMEDIATE.iter().chain(units).chain(WITHIN).chain(DONE) {
        assert!(may_end_a_clause(word), "{word}");
        assert!(may_end_a_clause(&format!("{word} \u{200B}")), "{word}");
    }
    for piece in ["需提供身份证", "3个月的病历", "", " "] {
        assert!(!may_end_a_clause(piece), "{piece}");
    }
}

#[test]
fn no_word_of_a_list_is_hidden_by_a_shorter_one_before_it() {
    let units: Vec<&str> = UNITS.iter().map(|(word, _)| *word).collect();
    let bases: Vec<&str> = BASES.iter().map(|(word, _)| *word).collect();
    let periods: Vec<&str> = PERIODS.iter().map(|(word, _)| *word).collect();
    let lower: Vec<&str> = lower_bound_words(Side::After).collect();
    for list in [
        IMMEDIATE,
        &units,
        WITHIN,
        DONE,
        TIME_WORDS,
        &bases,
        &periods,
        &lower,
        EXCLUDING,
        NOT_COUNTED,
    ] {
        for (i, word) in list.iter().enumerate() {
            for earlier in &list[..i] {
                assert!(!word.starts_with(earlier), "{earlier} hides {word}");
            }
        }
    }
    // Read right to left: a word comes before any word it ends with.
    let qualifiers: Vec<&str> = QUALIFIERS.iter().map(|(word, _)| *word).collect();
    let outcomes: Vec<&str> = OUTCOMES.to_vec();
    for list in [&qualifiers, GENERIC_LIMITS, &outcomes] {
        for (i, word) in list.iter().enumerate() {
            for earlier in &list[..i] {
                assert!(!word.ends_with(earlier), "{earlier} hides {word}");
            }
        }
    }
}

#[test]
fn a_deadline_with_frequencies_effects_and_exclusions_displays_them_and_parses_back() {
    let yantai = "国家规定20个工作日。恶性肿瘤、肾透析、器官移植抗排异治疗、精神病等医疗费用较高的病种，随时申办、即时办结、次日享受待遇；其它病种随时申报相关材料，每季度至少审核办理一次，自审核之日起20个工作日办结，办结后次日享受待遇。";
    for text in [
        yantai,
        "资金30个工作日内到账",
        "对申请的，每月审核两次",
        "20个工作日（不含公示时间）",
        "一般10-20个工作日，不超过30个工作日",
        "受理1个工作日，审核9个工作日，10个工作日以上",
    ] {
        let deadline: Deadline = text.parse().expect(text);
        let canonical = deadline.to_string();
        let again: Deadline = canonical.parse().expect(&canonical);
        assert_eq!(
            (
                &again.clauses,
                &again.frequencies,
                &again.effects,
                &again.excludes
            ),
            (
                &deadline.clauses,
                &deadline.frequencies,
                &deadline.effects,
                &deadline.excludes
            ),
            "{text} → {canonical}"
        );
    }
    let deadline: Deadline =
        "其它病种随时申报，每季度至少审核办理一次，办结后次日享受待遇（不含公示时间）"
            .parse()
            .unwrap();
    assert_eq!(
        deadline.to_string(),
        "其它病种，随时申报；其它病种，每季度至少审核办理一次；其它病种，办结后次日享受待遇；不含公示时间"
    );
}

#[test]
fn the_parts_read_never_overlap_whatever_the_pieces() {
    let pieces = [
        "、",
        "（",
        "）",
        "随时申报",
        "每月",
        "审核一次",
        "1",
        "-",
        "3个工作日",
        "享受待遇",
        "次日",
        "不含",
        "以上",
        "即时办结",
        "的",
        "，",
        " ",
        "病种",
    ];
    for text in crate::test_support::every_text(&pieces, 4) {
        let reading = read(&text);
        let mut parts: Vec<(usize, usize)> = reading
            .understood
            .iter()
            .map(|part| {
                let at = part.as_ptr() as usize - text.as_ptr() as usize;
                (at, at + part.len())
            })
            .collect();
        parts.sort_unstable();
        for pair in parts.windows(2) {
            assert!(pair[0].1 <= pair[1].0, "{text:?}: {parts:?}");
        }
        assert!(
            parts.last().is_none_or(|&(_, end)| end <= text.len()),
            "{text:?}"
        );
    }
}
