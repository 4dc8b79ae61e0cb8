//! The 办理时限 wordings the deadline parser accepts, as tables a reader can scan: a cell's
//! text, and the clauses read from it and the diagnostics given, one line each.
//!
//! A clause is written `<kind> [<extent>] [step <step>] [if <condition>] [basis <basis>]
//! [label <label>] [from <start>]`, the kind being `immediate`, `<amount> <unit>`,
//! `<min>-<amount> <unit>` (a range) or `<min>+ <unit>` (a lower bound); clauses are joined by
//! ` | `. What a cell says besides its clauses follows, each part joined by ` | ` too:
//! `every <period> [at least] [<times>x] <action> [if <condition>]`,
//! `effect <outcome> [at <when>] [within <amount> <unit>] [after <start>] [if <condition>]`,
//! `excludes <what>`. A diagnostic is written `<line>:<column> <code> <message>`; the cell starts at line
//! 3, column 9 of the list each case is parsed in.

use shixiang::{
    Basis, ClauseKind, Deadline, DeadlineClause, Document, Effect, Extent, Frequency, Period,
    TimeUnit,
};

/// A list of one matter whose 办理时限 cell is `cell`.
fn parse(cell: &str) -> Document {
    let text = format!(
        "某市医疗保障经办政务服务事项清单\n主项\t子项序号\t子项\t办理时限\n一、甲\t1\t乙\t{cell}\n"
    );
    shixiang::parse(&text).expect("parses")
}

fn deadline(document: &Document) -> &Deadline {
    &document.categories[0].matters[0].deadline
}

fn unit(unit: TimeUnit) -> &'static str {
    match unit {
        TimeUnit::WorkingDay => "working_day",
        TimeUnit::Day => "day",
        TimeUnit::Month => "month",
        TimeUnit::Hour => "hour",
        TimeUnit::Year => "year",
        _ => "other",
    }
}

fn clause(clause: &DeadlineClause) -> String {
    let mut line = match (&clause.kind, clause.min, clause.amount, &clause.unit) {
        (ClauseKind::Immediate, None, None, None) => "immediate".to_owned(),
        (ClauseKind::Limit, None, Some(amount), Some(u)) => format!("{amount} {}", unit(u.clone())),
        (ClauseKind::Limit, Some(min), Some(amount), Some(u)) => {
            format!("{min}-{amount} {}", unit(u.clone()))
        }
        (ClauseKind::Limit, Some(min), None, Some(u)) => format!("{min}+ {}", unit(u.clone())),
        other => format!("{other:?}"),
    };
    match &clause.extent {
        Some(Extent::Typical) => line += " typical",
        Some(Extent::Maximum) => line += " maximum",
        Some(Extent::Minimum) => line += " minimum",
        Some(other) => line += &format!(" {other:?}"),
        None => {}
    }
    if let Some(step) = &clause.step {
        line += &format!(" step {step}");
    }
    if let Some(condition) = &clause.condition {
        line += &format!(" if {condition}");
    }
    match &clause.basis {
        Some(Basis::Statutory) => line += " basis statutory",
        Some(Basis::Committed) => line += " basis committed",
        Some(other) => line += &format!(" basis {other:?}"),
        None => {}
    }
    if let Some(label) = &clause.label {
        line += &format!(" label {label}");
    }
    if let Some(start) = &clause.start {
        line += &format!(" from {start}");
    }
    line
}

fn frequency(frequency: &Frequency) -> String {
    let period = match frequency.period {
        Period::AnyTime => "any time",
        Period::Day => "day",
        Period::WorkingDay => "working_day",
        Period::Week => "week",
        Period::Month => "month",
        Period::Quarter => "quarter",
        Period::Year => "year",
        _ => "other",
    };
    let mut line = format!("every {period}");
    if frequency.at_least {
        line += " at least";
    }
    if let Some(times) = frequency.times {
        line += &format!(" {times}x");
    }
    line += &format!(" {}", frequency.action);
    if let Some(condition) = &frequency.condition {
        line += &format!(" if {condition}");
    }
    line
}

fn effect(effect: &Effect) -> String {
    let mut line = format!("effect {}", effect.outcome);
    if let Some(when) = &effect.when {
        line += &format!(" at {when}");
    }
    if let (Some(amount), Some(u)) = (effect.amount, effect.unit.clone()) {
        line += &format!(" within {amount} {}", unit(u.clone()));
    }
    if let Some(start) = &effect.start {
        line += &format!(" after {start}");
    }
    if let Some(condition) = &effect.condition {
        line += &format!(" if {condition}");
    }
    line
}

fn clauses(document: &Document) -> String {
    let deadline = deadline(document);
    let found: Vec<String> = (deadline.clauses.iter().map(clause))
        .chain(deadline.frequencies.iter().map(frequency))
        .chain(deadline.effects.iter().map(effect))
        .chain(
            deadline
                .excludes
                .iter()
                .map(|what| format!("excludes {what}")),
        )
        .collect();
    found.join(" | ")
}

/// The diagnostics about the deadline cell.
fn diagnostics(document: &Document) -> Vec<String> {
    document
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str().starts_with("deadline_"))
        .map(|d| format!("{}:{} {} {}", d.line, d.column, d.code, d.message))
        .collect()
}

/// Wordings read whole: the cell gives these clauses and no diagnostic.
const WORDINGS: &[(&str, &str)] = &[
    // Immediate wordings.
    ("即时办结", "immediate"),
    ("即时办理", "immediate"),
    ("即办件", "immediate"),
    ("即办", "immediate"),
    ("当场办结", "immediate"),
    ("当场办理", "immediate"),
    ("当即办结", "immediate"),
    ("立即办结", "immediate"),
    ("立即办理", "immediate"),
    (" 即时办结。", "immediate"),
    // Units, with and without the counter 个.
    ("15个工作日", "15 working_day"),
    ("15工作日", "15 working_day"),
    ("30个自然日", "30 day"),
    ("30自然日", "30 day"),
    ("30个日历日", "30 day"),
    ("30日历日", "30 day"),
    ("7日", "7 day"),
    ("7天", "7 day"),
    ("3个月", "3 month"),
    ("24个小时", "24 hour"),
    ("24小时", "24 hour"),
    ("1年", "1 year"),
    ("0个工作日", "0 working_day"),
    // Numerals: Arabic, full-width, Chinese.
    ("１５个工作日", "15 working_day"),
    ("十五个工作日", "15 working_day"),
    ("二十个工作日内", "20 working_day"),
    ("两个工作日", "2 working_day"),
    ("三个月内", "3 month"),
    // Bound words before the amount.
    ("不超过10个工作日", "10 working_day"),
    ("原则上不超过10个工作日", "10 working_day"),
    ("最长不超过30个工作日", "30 working_day maximum"),
    ("最多不超过30个工作日", "30 working_day maximum"),
    ("不得超过5个工作日", "5 working_day"),
    ("不多于5个工作日", "5 working_day"),
    ("不超5个工作日", "5 working_day"),
    ("最长30个工作日", "30 working_day maximum"),
    ("最多30个工作日", "30 working_day maximum"),
    ("最快1个工作日", "1 working_day"),
    ("一般5个工作日", "5 working_day typical"),
    ("通常5个工作日", "5 working_day typical"),
    ("一般不超过5个工作日", "5 working_day typical"),
    ("共5个工作日", "5 working_day"),
    ("在5个工作日内", "5 working_day"),
    ("不超过 15 个工作日", "15 working_day"),
    // Numerals with 万 and 亿, full-width digits.
    ("一万个工作日", "10000 working_day"),
    ("一亿五千万个工作日", "150000000 working_day"),
    ("一亿零一万个工作日", "100010000 working_day"),
    ("３０个工作日", "30 working_day"),
    // Ranges: the least amount, a connector, the most.
    ("10-20个工作日", "10-20 working_day"),
    ("10至20个工作日", "10-20 working_day"),
    ("10到20个工作日", "10-20 working_day"),
    ("10～20个工作日", "10-20 working_day"),
    ("10~20个工作日", "10-20 working_day"),
    ("10－20个工作日", "10-20 working_day"),
    ("10—20个工作日", "10-20 working_day"),
    ("10–20个工作日", "10-20 working_day"),
    ("三至五日", "3-5 day"),
    ("一般10-20个工作日", "10-20 working_day typical"),
    // Lower bounds: no limit, the amount in `min`.
    ("不少于10个工作日", "10+ working_day minimum"),
    ("不低于10个工作日", "10+ working_day minimum"),
    ("至少10个工作日", "10+ working_day minimum"),
    ("最少10个工作日", "10+ working_day minimum"),
    ("10个工作日以上", "10+ working_day minimum"),
    ("10个工作日及以上", "10+ working_day minimum"),
    // Typical and maximum, in two clauses.
    (
        "一般12个工作日，不超过30个工作日",
        "12 working_day typical | 30 working_day maximum",
    ),
    (
        "一般12个工作日，最长30个工作日",
        "12 working_day typical | 30 working_day maximum",
    ),
    // Steps: a condition that is only the name of a step.
    (
        "受理1个工作日，审核9个工作日",
        "1 working_day step 受理 | 9 working_day step 审核",
    ),
    (
        "受理环节1个工作日，审批阶段5个工作日",
        "1 working_day step 受理 | 5 working_day step 审批",
    ),
    ("初审3个工作日", "3 working_day step 初审"),
    ("复核3个工作日", "3 working_day step 复核"),
    ("审查3个工作日", "3 working_day step 审查"),
    ("审定3个工作日", "3 working_day step 审定"),
    ("核定3个工作日", "3 working_day step 核定"),
    ("核准3个工作日", "3 working_day step 核准"),
    ("决定3个工作日", "3 working_day step 决定"),
    ("公示5个工作日", "5 working_day step 公示"),
    ("调查5个工作日", "5 working_day step 调查"),
    ("评估5个工作日", "5 working_day step 评估"),
    ("拨付5个工作日", "5 working_day step 拨付"),
    ("支付5个工作日", "5 working_day step 支付"),
    ("结算5个工作日", "5 working_day step 结算"),
    ("送达5个工作日", "5 working_day step 送达"),
    ("复审5个工作日", "5 working_day step 复审"),
    ("审核的申请5个工作日", "5 working_day if 审核的申请"),
    // Statutory and committed limits in one cell.
    (
        "法定时限20个工作日；承诺时限10个工作日",
        "20 working_day basis statutory | 10 working_day basis committed",
    ),
    (
        "法定时限：20个工作日。承诺时限：即时办结",
        "20 working_day basis statutory | immediate basis committed",
    ),
    // A word for the kind of matter is no condition.
    ("限时办结,22个工作日", "22 working_day"),
    ("限时办理，22个工作日", "22 working_day"),
    ("限时件，22个工作日", "22 working_day"),
    ("承诺件，22个工作日", "22 working_day"),
    // Frequencies: 随时, or 每 and a period, an action, a count.
    ("随时申报", "every any time 申报"),
    ("每日审核办理一次", "every day 1x 审核办理"),
    ("每天审核一次", "every day 1x 审核"),
    ("每个工作日审核一次", "every working_day 1x 审核"),
    ("每工作日审核一次", "every working_day 1x 审核"),
    ("每周审核一次", "every week 1x 审核"),
    ("每星期审核一次", "every week 1x 审核"),
    ("每月审核办理一次", "every month 1x 审核办理"),
    ("每个月审核两次", "every month 2x 审核"),
    ("每季度至少审核办理一次", "every quarter at least 1x 审核办理"),
    ("每季审核一次", "every quarter 1x 审核"),
    ("每年最少审核1次", "every year at least 1x 审核"),
    ("每年集中办理", "every year 集中办理"),
    (
        "其它病种随时申报、每月审核办理一次",
        "every any time 申报 if 其它病种 | every month 1x 审核办理 if 其它病种",
    ),
    (
        "恶性肿瘤、肾透析等病种随时申报、每月审核办理一次",
        "every any time 申报 if 恶性肿瘤、肾透析等病种 | every month 1x 审核办理 if 恶性肿瘤、肾透析等病种",
    ),
    (
        "即时办结、其它病种随时申报",
        "immediate | every any time 申报 if 其它病种",
    ),
    // Effects: an outcome, when it comes, what it follows.
    ("次日享受待遇", "effect 享受待遇 at 次日"),
    ("次月享受相关待遇", "effect 享受相关待遇 at 次月"),
    ("当日生效", "effect 生效 at 当日"),
    ("当天到账", "effect 到账 at 当天"),
    ("当月发放到位", "effect 发放到位 at 当月"),
    ("实时拨付到位", "effect 拨付到位 at 实时"),
    ("即时支付到账", "effect 支付到账 at 即时"),
    ("办结后次日享受待遇", "effect 享受待遇 at 次日 after 办结后"),
    (
        "门诊、住院费用次日到账",
        "effect 到账 at 次日 if 门诊、住院费用",
    ),
    (
        "资金30个工作日内到账",
        "effect 到账 within 30 working_day if 资金",
    ),
    (
        "即时办结，待遇5个工作日内拨付到账",
        "immediate | effect 拨付到账 within 5 working_day if 待遇",
    ),
    (
        "对申请恶性肿瘤门诊治疗的,随时申报、即时办结、次日享受待遇;其它病种随时申报、每月审核办理一次",
        "immediate if 对申请恶性肿瘤门诊治疗的 | every any time 申报 if 对申请恶性肿瘤门诊治疗的 | every any time 申报 if 其它病种 | every month 1x 审核办理 if 其它病种 | effect 享受待遇 at 次日 if 对申请恶性肿瘤门诊治疗的",
    ),
    (
        "其它病种随时申报相关材料，自审核之日起20个工作日办结",
        "20 working_day if 其它病种 from 自审核之日起 | every any time 申报相关材料 if 其它病种",
    ),
    // Exclusions.
    (
        "20个工作日，该时限不包括财务拨付环节",
        "20 working_day | excludes 财务拨付环节",
    ),
    ("20个工作日（不含公示时间）", "20 working_day | excludes 公示时间"),
    ("20个工作日，不包含公示时间在内", "20 working_day | excludes 公示时间"),
    ("20个工作日，上述时限不计算专家评审时间", "20 working_day | excludes 专家评审时间"),
    ("20个工作日，公示时间不计入办理时限", "20 working_day | excludes 公示时间"),
    ("20个工作日，公示时间不计算在时限内", "20 working_day | excludes 公示时间"),
    ("20个工作日，公示时间不算入时限", "20 working_day | excludes 公示时间"),
    ("20个工作日，公示时间不纳入时限", "20 working_day | excludes 公示时间"),
    // Suffixes: within, then what is done.
    ("15个工作日内", "15 working_day"),
    ("15个工作日以内", "15 working_day"),
    ("15个工作日之内", "15 working_day"),
    ("15个工作日内办结", "15 working_day"),
    ("15个工作日办理完毕", "15 working_day"),
    ("15个工作日办完", "15 working_day"),
    ("15个工作日完成", "15 working_day"),
    ("15个工作日内办理", "15 working_day"),
    ("即时办结内", "immediate"),
    // Names of the limit: generic ones, bases, labels.
    ("办理时限1个工作日", "1 working_day"),
    ("办理时限为1个工作日", "1 working_day"),
    ("办结时限：1个工作日", "1 working_day"),
    ("办结时限:1个工作日", "1 working_day"),
    ("办理期限5日", "5 day"),
    ("办结期限5日", "5 day"),
    ("办理时间5日", "5 day"),
    ("办结时间5日", "5 day"),
    ("时限5日", "5 day"),
    ("期限5日", "5 day"),
    ("时间是5日", "5 day"),
    ("法定时限20个工作日", "20 working_day basis statutory"),
    ("法定20个工作日", "20 working_day basis statutory"),
    ("法定办结时限：20个工作日", "20 working_day basis statutory"),
    ("国家规定20个工作日", "20 working_day basis statutory"),
    ("承诺时限10个工作日", "10 working_day basis committed"),
    ("承诺时间为7个工作日", "7 working_day basis committed"),
    ("承诺即时办结", "immediate basis committed"),
    ("评估时限不超过3个月", "3 month label 评估时限"),
    ("审核期限10个工作日", "10 working_day label 审核期限"),
    (
        "承诺评估时限不超过3个月",
        "3 month basis committed label 评估时限",
    ),
    (
        "跨省转入的评估时限3个月",
        "3 month if 跨省转入的 label 评估时限",
    ),
    // Starts.
    (
        "自受理之日起15个工作日内办结",
        "15 working_day from 自受理之日起",
    ),
    (
        "收到《联系函》后8个工作日内",
        "8 working_day from 收到《联系函》后",
    ),
    ("从受理次日起5日", "5 day from 从受理次日起"),
    ("接到申请后5日", "5 day from 接到申请后"),
    ("于受理后5日", "5 day from 于受理后"),
    (
        "承诺时限为自受理之日起5日",
        "5 day basis committed from 自受理之日起",
    ),
    ("受理后5个工作日", "5 working_day from 受理后"),
    (
        "材料齐全的次日起5个工作日",
        "5 working_day if 材料齐全的 from 次日起",
    ),
    // Conditions.
    (
        "跨省转移接续不超过15个工作日",
        "15 working_day if 跨省转移接续",
    ),
    ("省内转入的，即时办结", "immediate if 省内转入的"),
    ("省内转入的 即时办结", "immediate if 省内转入的"),
    (
        "法定代表人变更的，即时办结",
        "immediate if 法定代表人变更的",
    ),
    (
        "跨省转入的，承诺时间为7个工作日",
        "7 working_day if 跨省转入的 basis committed",
    ),
    // Several clauses in a cell.
    (
        "跨省转移接续不超过15个工作日 省内转移接续不超过9个工作日",
        "15 working_day if 跨省转移接续 | 9 working_day if 省内转移接续",
    ),
    (
        "恶性肿瘤、肾透析等4个病种即时办结，其他病种不超过20个工作日",
        "immediate if 恶性肿瘤、肾透析等4个病种 | 20 working_day if 其他病种",
    ),
    (
        "1.省内转入的，即时办结 2.跨省转入的，承诺时间为7个工作日",
        "immediate if 省内转入的 | 7 working_day if 跨省转入的 basis committed",
    ),
    (
        "（1）个人申请的即时办结。（2）单位申请的5个工作日",
        "immediate if 个人申请的 | 5 working_day if 单位申请的",
    ),
    (
        "法定时限20个工作日，承诺时限10个工作日",
        "20 working_day basis statutory | 10 working_day basis committed",
    ),
    // A topic: the first piece without a clause, or a later one ending in 的.
    (
        "参保人员申请的，即时办结，材料不全的，5个工作日",
        "immediate if 参保人员申请的 | 5 working_day if 材料不全的",
    ),
    (
        "其它病种，自审核之日起20个工作日办结",
        "20 working_day if 其它病种 from 自审核之日起",
    ),
];

#[test]
fn wordings_read_whole() {
    for (cell, expected) in WORDINGS {
        let document = parse(cell);
        assert_eq!(clauses(&document), *expected, "{cell}");
        assert_eq!(diagnostics(&document), [] as [&str; 0], "{cell}");
    }
}

/// Cells read in part or not at all: the clauses read, and the diagnostics.
const DIAGNOSED: &[(&str, &str, &[&str])] = &[
    // Read not at all.
    (
        "按规定办理",
        "",
        &["3:9 deadline_unparsed deadline `按规定办理` states no time limit that could be read"],
    ),
    (
        "5-3个工作日",
        "",
        &["3:9 deadline_unparsed deadline `5-3个工作日` gives a range of time limits, which is not structured"],
    ),
    (
        "五至五日",
        "",
        &["3:9 deadline_unparsed deadline `五至五日` gives a range of time limits, which is not structured"],
    ),
    // A numeral glued to Latin letters is no amount; one too large for a number is none.
    (
        "1e9个工作日",
        "",
        &["3:9 deadline_unparsed deadline part `1e9个工作日` looks like a time limit but could not be read"],
    ),
    (
        "7x24小时",
        "",
        &["3:9 deadline_unparsed deadline part `7x24小时` looks like a time limit but could not be read"],
    ),
    (
        "7X24小时受理，即时办结",
        "immediate",
        &["3:9 deadline_unparsed deadline part `7X24小时受理` looks like a time limit but could not be read"],
    ),
    (
        "99999999999个工作日",
        "",
        &["3:9 deadline_unparsed deadline part `99999999999个工作日` looks like a time limit but could not be read"],
    ),
    (
        "五十亿个工作日",
        "",
        &["3:9 deadline_unparsed deadline part `五十亿个工作日` looks like a time limit but could not be read"],
    ),
    (
        "1．5日",
        "",
        &["3:9 deadline_unparsed deadline part `1．5日` looks like a time limit but could not be read"],
    ),
    (
        "2个星期",
        "",
        &["3:9 deadline_unparsed deadline part `2个星期` looks like a time limit but could not be read"],
    ),
    (
        "1个季度",
        "",
        &["3:9 deadline_unparsed deadline part `1个季度` looks like a time limit but could not be read"],
    ),
    (
        "30分钟",
        "",
        &["3:9 deadline_unparsed deadline part `30分钟` looks like a time limit but could not be read"],
    ),
    (
        "5个天",
        "",
        &["3:9 deadline_unparsed deadline part `5个天` looks like a time limit but could not be read"],
    ),
    (
        "1.5个工作日",
        "",
        &["3:9 deadline_unparsed deadline part `1.5个工作日` looks like a time limit but could not be read"],
    ),
    (
        "两周",
        "",
        &["3:9 deadline_unparsed deadline part `两周` looks like a time limit but could not be read"],
    ),
    (
        "3个半月",
        "",
        &["3:9 deadline_unparsed deadline part `3个半月` looks like a time limit but could not be read"],
    ),
    (
        "每月10日前",
        "",
        &["3:9 deadline_unparsed deadline part `每月10日前` looks like a time limit but could not be read"],
    ),
    (
        "2023年底前",
        "",
        &["3:9 deadline_unparsed deadline part `2023年底前` looks like a time limit but could not be read"],
    ),
    (
        "非即办件",
        "",
        &["3:9 deadline_unparsed deadline `非即办件` states no time limit that could be read"],
    ),
    (
        "3月",
        "",
        &["3:9 deadline_unparsed deadline part `3月` looks like a time limit but could not be read"],
    ),
    // Read in part: an unreadable point or piece.
    (
        "1.即时办结 2.视情况而定",
        "immediate",
        &["3:18 deadline_unparsed deadline point 2 `视情况而定` states no time limit that could be read"],
    ),
    (
        "即时办结；5-3个工作日",
        "immediate",
        &["3:14 deadline_unparsed deadline `5-3个工作日` gives a range of time limits, which is not structured"],
    ),
    (
        "即时办结，特殊情况两周",
        "immediate",
        &["3:14 deadline_unparsed deadline part `特殊情况两周` looks like a time limit but could not be read"],
    ),
    // Read in part: text outside every clause.
    (
        "即时办结（材料齐全的）",
        "immediate",
        &["3:14 deadline_partial 办理时限 text not understood: \"材料齐全的\""],
    ),
    (
        "即时办结，办结后次日领取",
        "immediate",
        &["3:14 deadline_partial 办理时限 text not understood: \"办结后次日领取\""],
    ),
    (
        "每月10日前申报",
        "",
        &["3:9 deadline_unparsed deadline part `每月10日前申报` looks like a time limit but could not be read"],
    ),
    (
        "按规定时限办理；即时办结",
        "immediate",
        &["3:9 deadline_partial 办理时限 text not understood: \"按规定时限办理\""],
    ),
    (
        "跨 省 转 入 的 ， 即 时 办 结 ， 其 它",
        "immediate if 跨省转入的",
        &["3:31 deadline_partial 办理时限 text not understood: \"其 它\""],
    ),
    // Filler left over is no problem: punctuation, list markers, 和 及 或 等.
    ("（一）即时办结；及、等。", "immediate", &[]),
];

#[test]
fn cells_read_in_part_or_not_at_all() {
    for (cell, expected, expected_diagnostics) in DIAGNOSED {
        let document = parse(cell);
        assert_eq!(clauses(&document), *expected, "{cell}");
        assert_eq!(diagnostics(&document), *expected_diagnostics, "{cell}");
    }
}

#[test]
fn many_leftovers_in_one_cell_are_each_reported_where_they_are() {
    let cell = "即时办结，其它；".repeat(2_000);
    let document = parse(&cell);
    assert_eq!(deadline(&document).clauses.len(), 2_000);
    let found = diagnostics(&document);
    assert_eq!(found.len(), 2_000);
    assert_eq!(
        found[1999],
        format!(
            "3:{} deadline_partial 办理时限 text not understood: \"其它\"",
            9 + 1999 * 8 + 5
        )
    );
}

#[test]
fn many_unreadable_points_in_one_cell_are_each_reported_where_they_are() {
    let cell: String = (1..=2_000).map(|n| format!("{n}.视情况而定 ")).collect();
    let document = parse(&cell);
    let found = diagnostics(&document);
    assert_eq!(found.len(), 2_000);
    let last = cell.rfind("2000.").unwrap() + "2000.".len();
    assert_eq!(
        found[1999],
        format!(
            "3:{} deadline_unparsed deadline point 2000 `视情况而定` states no time limit that could be read",
            9 + cell[..last].chars().count()
        )
    );
}

#[test]
fn max_working_days_takes_the_top_of_a_range_and_never_a_lower_bound() {
    for (cell, max) in [
        ("10-20个工作日", Some(20)),
        ("一般12个工作日，不超过30个工作日", Some(30)),
        ("受理1个工作日，审核9个工作日", Some(9)),
        ("不少于10个工作日", None),
        ("10个工作日以上", None),
        ("即时办结，不少于10个工作日", None),
        ("资金30个工作日内到账", None),
        ("即时办结，资金30个工作日内到账", Some(0)),
        ("一亿零一万个工作日", Some(100_010_000)),
    ] {
        assert_eq!(deadline(&parse(cell)).max_working_days, max, "{cell}");
    }
}

#[test]
fn the_new_fields_serialize_by_name() {
    let document = parse("每季度至少审核办理一次，10-20个工作日，次日享受待遇（不含公示时间）");
    let json = serde_json::to_value(deadline(&document)).unwrap();
    assert_eq!(json["clauses"][0]["min"], 10);
    assert_eq!(json["clauses"][0]["amount"], 20);
    assert_eq!(json["clauses"][0]["extent"], serde_json::Value::Null);
    assert_eq!(json["frequencies"][0]["period"], "quarter");
    assert_eq!(json["frequencies"][0]["at_least"], true);
    assert_eq!(json["effects"][0]["when"], "次日");
    assert_eq!(json["excludes"][0], "公示时间");
    let lower = parse("不少于10个工作日");
    let json = serde_json::to_value(deadline(&lower)).unwrap();
    assert_eq!(json["clauses"][0]["extent"], "minimum");
    // A document of schema_version 1, without the new fields, still reads.
    let old = r#"{"raw":"即时办结","clauses":[{"kind":"immediate","amount":null,"unit":null,
        "condition":null,"basis":null,"label":null,"start":null}],"max_working_days":0}"#;
    let read: Deadline = serde_json::from_str(old).unwrap();
    assert_eq!(read.clauses[0].min, None);
    assert!(read.frequencies.is_empty());
}
