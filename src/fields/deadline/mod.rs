//! Parser for the deadline cell (办理时限).
//!
//! A deadline cell states one or more time limits, each a *clause*: `即时办结` (immediate), or
//! an amount and a unit (`不超过15个工作日`), with what the text says about it:
//!
//! - a **condition**, what the clause applies to: `跨省转移接续不超过15个工作日` →
//!   `跨省转移接续`; `省内转入的，即时办结` → `省内转入的`;
//! - or a **step** (环节) instead, when the condition names only one: `受理1个工作日` → `受理`;
//! - a **basis**: `法定` / `国家规定` → statutory, `承诺` → committed;
//! - a **label**, a named limit: `评估时限不超过3个月` → `评估时限` (the generic `办理时限`
//!   is no label);
//! - a **start**, the event the period runs from: `自受理之日起`, `收到《联系函》后`;
//! - an **extent**: typical (`一般12个工作日`), maximum (`最长30个工作日`, or a plain limit
//!   right after a typical one), minimum (`不少于10个工作日`, `10个工作日以上`: the amount
//!   goes to `min`, and the clause has no `amount`, since a lower bound is no limit);
//! - a **range**: `10-20个工作日` → `min` 10, `amount` 20.
//!
//! Besides its clauses a cell may say how often something is done (*frequencies*:
//! `每季度至少审核办理一次`, `随时申报`), what follows and when (*effects*: `次日享受待遇`,
//! `资金30个工作日内到账`) and what the limits do not count (*excludes*: `不含公示时间`); these
//! are read item by item ([`side`]).
//!
//! The grammar, each rule a function of [`piece`], [`prefix`] or [`side`], each word list one
//! table:
//!
//! ```text
//! cell      = point*                          numbered points (crate::text::markers)
//! point     = sentence ((。|；) sentence)*
//! sentence  = piece ((，) piece)*
//! piece     = item ((、|（|）) item)*          an item read aside, or runs of items:
//! run       = (prefix core)* rest
//! core      = (immediate | limit | range) suffix
//!                                             piece::IMMEDIATE, piece::UNITS, numerals
//! limit     = numeral unit                    (crate::text::numeral: 15, １５, 十五, 两, 一亿五千万)
//! range     = numeral connector numeral unit  piece::RANGE_CONNECTORS (- 至 到 ～ …)
//! suffix    = [以上 | 内 | 以内 | 之内] [办结 | 办理 | 完成 …]
//!                                             piece::LOWER_BOUNDS, WITHIN, DONE
//! prefix    = [condition | step] [basis] [label] qualifier* [start] qualifier*
//!                                             prefix::STEPS, BASES, GENERIC_LIMITS,
//!                                             START_OPENERS, QUALIFIERS (不超过 最长 一般 为 …),
//!                                             piece::LOWER_BOUNDS (不少于 至少 …)
//! item      = frequency | effect | exclusion | kind       side::PERIODS, WHEN, OUTCOMES,
//!                                             EXCLUDING, NOT_COUNTED, KINDS
//! ```
//!
//! A core is tried only where one can start (a numeral not glued to Latin letters, as in
//! `1e9个工作日` or `7x24小时`; or `即` `当` `立`); the text between two cores is the prefix of
//! the second. A prefix is read right to left, from the core: its qualifiers, the start, the
//! basis or label; what is left is the condition (free text, so the only way to know where it
//! ends is from the words after it). White space is ignored inside a piece, so cores separated
//! only by a space (`…15个工作日 省内转移接续…`) are still two clauses.
//!
//! A clause, frequency or effect without its own condition takes the *topic* of its sentence:
//! the first piece without a clause (cut before an adverb such as `随时`; not one with time
//! wording that could not be read; not a kind word such as `限时办结`), the condition of a
//! frequency or effect, or a later conditional piece ending in `的`. So in
//! `其它病种随时申报相关材料，…，自审核之日起20个工作日办结` the 20 working days apply to
//! `其它病种`.
//!
//! What is reported as `deadline_unparsed`: a cell, or a numbered point, without any clause or
//! anything read aside; a range whose first amount is not the smaller (`5-3个工作日`), a
//! decimal or fractional amount (`1.5个工作日`, `1/8工作日`); time wording no clause took (`两周`, `3月10日前`, `1e9个工作日`, an amount
//! too large for a number). What is read is recorded (each clause from its prefix to its
//! suffix, unless the prefix only lists actions, as `随时申办、` does; an item read aside; a
//! topic a clause took; the punctuation between pieces and items), and the text left over that
//! is more than filler is reported, piece by piece, as `deadline_partial`
//! ([`coverage`](crate::fields::coverage)): prose the grammar does not know
//! (`即时办结（材料齐全的）`) is kept in `raw` and named. Every problem and leftover of a cell
//! is located in one pass over it.

use std::fmt;
use std::str::FromStr;

use crate::cell::Cell;
use crate::diagnostic::{excerpt, Code, Diagnostics};
use crate::fields::coverage::Coverage;
use crate::model::{
    Basis, ClauseKind, Deadline, DeadlineClause, Effect, Extent, Frequency, Period, TimeUnit,
};
use crate::text::brackets::non_ideographs;
use crate::text::markers::points;
use crate::text::normalize::trim;
use crate::text::normalize::{is_space_or_invisible, normalize};
use crate::text::numeral;
use crate::text::search::find_word;

mod piece;
mod prefix;
mod side;
mod text;

use piece::*;
use prefix::*;
use side::*;
pub use text::ParseDeadlineError;

/// Structure a deadline cell. Every part that could not be read gets a `deadline_unparsed`
/// diagnostic at its position; text outside every clause, topic and problem that is more than
/// filler gets a `deadline_partial` diagnostic (see [`coverage`](crate::fields::coverage)).
// Kept out of line, one per cell, so that a profile shows what each field parser costs.
#[inline(never)]
pub(crate) fn parse(cell: &Cell<'_>, diagnostics: &mut Diagnostics) -> Deadline {
    let text = cell.text();
    let reading = read(text);
    if !reading.problems.is_empty() {
        let parts: Vec<&str> = reading.problems.iter().map(Problem::part).collect();
        // All positions in one pass: a cell of 20 000 unreadable points is walked once.
        for (problem, at) in reading.problems.iter().zip(cell.positions_of(&parts)) {
            diagnostics.push(Code::DeadlineUnparsed, at, problem.message());
        }
    }
    if !reading.read_whole(text) {
        let mut coverage = Coverage::new();
        // A part reported as unparsed is not reported again as not understood.
        let problems = reading.problems.iter().map(Problem::part);
        for part in problems.chain(reading.understood.iter()) {
            coverage.add_part(text, part);
        }
        coverage.report(cell, Code::DeadlinePartial, "办理时限", diagnostics);
    }
    deadline_of(text, reading)
}

/// The deadline with `raw` text and its clauses, and the bound the clauses give.
fn deadline_of(raw: &str, reading: Reading<'_>) -> Deadline {
    let mut clauses = reading.clauses;
    label_maxima(&mut clauses);
    Deadline {
        raw: raw.to_owned(),
        max_working_days: max_working_days(&clauses),
        clauses,
        frequencies: reading.frequencies,
        effects: reading.effects,
        excludes: reading.excludes,
    }
}

/// A plain limit right after a typical one, for the same condition and step, is the maximum
/// (`一般12个工作日，不超过30个工作日`).
fn label_maxima(clauses: &mut [DeadlineClause]) {
    for i in 1..clauses.len() {
        let (before, after) = clauses.split_at_mut(i);
        let (typical, plain) = (&before[i - 1], &mut after[0]);
        if typical.extent == Some(Extent::Typical)
            && plain.extent.is_none()
            && plain.kind == ClauseKind::Limit
            && plain.condition == typical.condition
            && plain.step == typical.step
        {
            plain.extent = Some(Extent::Maximum);
        }
    }
}

/// The largest bound in working days, when every clause is immediate (0) or counted in working
/// days; `None` when there is no clause or one is counted otherwise.
pub(crate) fn max_working_days(clauses: &[DeadlineClause]) -> Option<u32> {
    clauses
        .iter()
        .map(|clause| match (&clause.kind, &clause.unit) {
            (ClauseKind::Immediate, _) => Some(0),
            (ClauseKind::Limit, Some(TimeUnit::WorkingDay)) => clause.amount,
            _ => None,
        })
        .try_fold(None, |max: Option<u32>, bound| {
            bound.map(|b| Some(max.map_or(b, |m| m.max(b))))
        })
        .flatten()
}

// ---------------------------------------------------------------------------------------------
// Reading a cell
// ---------------------------------------------------------------------------------------------

/// What a deadline text gave: its clauses, the parts that could not be read, and the parts
/// read.
#[derive(Debug, Default)]
pub(crate) struct Reading<'a> {
    pub(crate) clauses: Vec<DeadlineClause>,
    pub(crate) problems: Vec<Problem<'a>>,
    /// The slices of the text read into clauses (a clause's prefix, core and suffix; a topic
    /// a clause took), and the punctuation between pieces and sentences (so that what is left
    /// is named piece by piece).
    pub(crate) understood: Parts<'a>,
    pub(crate) frequencies: Vec<Frequency>,
    pub(crate) effects: Vec<Effect>,
    pub(crate) excludes: Vec<String>,
}

impl Reading<'_> {
    /// How many things were found: clauses, problems and what was read aside.
    fn found(&self) -> usize {
        self.clauses.len()
            + self.problems.len()
            + self.frequencies.len()
            + self.effects.len()
            + self.excludes.len()
    }

    /// Whether the whole of `text` (trimmed) was read into clauses, without a problem: the
    /// common case, which needs no look at what was read where.
    fn read_whole(&self, text: &str) -> bool {
        // The parts read do not overlap: they cover the text when their bytes add up to it.
        self.problems.is_empty() && self.understood.bytes >= trim(text).len()
    }
}

/// Slices of a text, and their length in all. The first is kept apart: most cells are read
/// as one part, which so needs no list allocated.
#[derive(Debug, Default)]
pub(crate) struct Parts<'a> {
    first: Option<&'a str>,
    rest: Vec<&'a str>,
    bytes: usize,
}

impl<'a> Parts<'a> {
    fn push(&mut self, part: &'a str) {
        self.bytes += part.len();
        match self.first {
            None => self.first = Some(part),
            Some(_) => self.rest.push(part),
        }
    }

    fn extend(&mut self, parts: impl IntoIterator<Item = &'a str>) {
        for part in parts {
            self.push(part);
        }
    }

    fn iter(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.first.into_iter().chain(self.rest.iter().copied())
    }
}

/// A part of a deadline text that could not be structured (a slice of the text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Problem<'a> {
    /// The whole text names no time limit.
    NoTimeLimit(&'a str),
    /// A numbered point names no time limit.
    PointWithoutTimeLimit(u32, &'a str),
    /// A range of amounts (`3-5个工作日`, `三至五日`).
    Range(&'a str),
    /// Time wording that no clause took (`两周`, `3月10日前`, `1.5个工作日`).
    Unread(&'a str),
}

impl<'a> Problem<'a> {
    /// The part of the text the problem is about.
    pub(crate) fn part(&self) -> &'a str {
        match *self {
            Problem::NoTimeLimit(part)
            | Problem::PointWithoutTimeLimit(_, part)
            | Problem::Range(part)
            | Problem::Unread(part) => part,
        }
    }

    /// One English sentence naming the problem.
    pub(crate) fn message(&self) -> String {
        let part = excerpt(self.part());
        match self {
            Problem::NoTimeLimit(_) => {
                format!("deadline `{part}` states no time limit that could be read")
            }
            Problem::PointWithoutTimeLimit(number, _) => {
                format!("deadline point {number} `{part}` states no time limit that could be read")
            }
            Problem::Range(_) => {
                format!("deadline `{part}` gives a range of time limits, which is not structured")
            }
            Problem::Unread(_) => {
                format!("deadline part `{part}` looks like a time limit but could not be read")
            }
        }
    }
}

/// Read every clause of a deadline text.
pub(crate) fn read(text: &str) -> Reading<'_> {
    let mut reading = Reading {
        // Room for the one clause most cells have, without growing into it.
        clauses: Vec::with_capacity(1),
        ..Reading::default()
    };
    for item in points(text) {
        let found_before = reading.found();
        read_point(item.body, &mut reading);
        let nothing_found = reading.found() == found_before;
        if let (Some(marker), true) = (item.marker, nothing_found) {
            reading
                .problems
                .push(Problem::PointWithoutTimeLimit(marker.number, item.body));
        }
    }
    if reading.found() == 0 && !text.trim().is_empty() {
        reading.problems.push(Problem::NoTimeLimit(text.trim()));
    }
    reading
}

/// Punctuation that ends a sentence.
fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '；' | ';' | '！' | '？' | '!' | '?')
}

/// Punctuation that separates the pieces of a sentence.
fn is_piece_break(c: char) -> bool {
    matches!(c, '，' | ',')
}

/// What a sentence is about, said by a piece without a clause (`其它病种随时申报相关材料` →
/// `其它病种`), and the slice of the piece that says it.
struct Topic<'a> {
    condition: String,
    part: &'a str,
    /// Whether a clause took it (and `part` is understood).
    taken: bool,
}

/// Read the clauses of a point's body: its sentences (ended by [`is_sentence_end`]) and their
/// pieces (between [`is_piece_break`]), in one walk that also notes whether a piece holds white
/// space or an invisible character (else it needs no compacting). Clauses without a condition
/// take the topic of their sentence.
fn read_point<'a>(body: &'a str, reading: &mut Reading<'a>) {
    let mut topic: Option<Topic<'a>> = None;
    let mut start = 0;
    let mut seen = Seen::default();
    // Ideographs are neither punctuation nor white space: they are passed by undecoded.
    for (i, c) in non_ideographs(body) {
        let sentence_ends = is_sentence_end(c);
        if sentence_ends || is_piece_break(c) {
            read_piece(&body[start..i], seen, &mut topic, reading);
            if sentence_ends {
                topic = None;
            }
            start = i + c.len_utf8();
            reading.understood.push(&body[i..start]);
            seen = Seen::default();
        } else {
            seen.spaced |= is_space_or_invisible(c);
            seen.broken |= is_item_break(c);
        }
    }
    read_piece(&body[start..], seen, &mut topic, reading);
}

/// What the walk of a point saw in a piece, which spares looking again.
#[derive(Debug, Default, Clone, Copy)]
struct Seen {
    /// Whether the piece may hold white space or an invisible character.
    spaced: bool,
    /// Whether it holds an item break ([`is_item_break`]).
    broken: bool,
}

/// Read one piece (trimmed here; an empty one is skipped): its items read aside (frequencies,
/// effects, exclusions: [`side`]), and the runs of items between them for clauses.
fn read_piece<'a>(
    piece: &'a str,
    seen: Seen,
    topic: &mut Option<Topic<'a>>,
    reading: &mut Reading<'a>,
) {
    let spaced = seen.spaced;
    let piece = trim(piece);
    if piece.is_empty() {
        return;
    }
    // Most pieces are one item: an effect or a kind word is known by its end; a frequency or
    // an exclusion holds no clause, and is tried only where no clause was found.
    if !seen.broken {
        let aside = may_end_aside(piece)
            .then(|| aside_of(piece, spaced))
            .flatten();
        if let Some(aside) = aside {
            record_aside(aside, piece, "", spaced, topic, reading);
        } else {
            read_run(piece, spaced, true, topic, reading);
        }
        return;
    }
    // The run of items not read aside so far: from the start of its first to the end of its
    // last, so that the breaks inside it stay part of it (`恶性肿瘤、肾透析等4个病种`).
    let mut run: Option<(usize, usize)> = None;
    // The break after the last item of the run: inside the run if another item joins it.
    let mut pending: Option<&'a str> = None;
    let mut start = 0;
    let ends = piece
        .char_indices()
        .filter(|&(_, c)| is_item_break(c))
        .map(|(i, c)| (i, i + c.len_utf8()))
        .chain([(piece.len(), piece.len())]);
    for (end, next) in ends {
        let item = trim(&piece[start..end]);
        // The run right before the item, joined to it by `、` alone: the start of its condition
        // when it has one (`恶性肿瘤、肾透析等病种随时申报`).
        let lead = match (run, pending) {
            (Some((from, _)), Some("、")) => {
                let item_start = item.as_ptr() as usize - piece.as_ptr() as usize;
                &piece[from..item_start]
            }
            _ => "",
        };
        let aside = (!item.is_empty() && may_be_aside(item))
            .then(|| aside_of(item, spaced))
            .flatten();
        if let Some(aside) = aside {
            let lead = if leads(&aside, lead, spaced) {
                lead
            } else {
                ""
            };
            if lead.is_empty() {
                if let Some((from, to)) = run.take() {
                    read_run(&piece[from..to], spaced, false, topic, reading);
                }
                reading.understood.extend(pending.take());
            }
            (run, pending) = (None, None);
            record_aside(aside, item, lead, spaced, topic, reading);
            reading.understood.push(&piece[end..next]);
        } else if item.is_empty() {
            if let Some((from, to)) = run.take() {
                read_run(&piece[from..to], spaced, false, topic, reading);
            }
            // Breaks outside every run are read as punctuation.
            reading.understood.extend(pending.take());
            reading.understood.push(&piece[end..next]);
        } else {
            run = Some((run.map_or(start, |(from, _)| from), end));
            pending = Some(&piece[end..next]);
        }
        start = next;
    }
    if let Some((from, to)) = run {
        read_run(&piece[from..to], spaced, false, topic, reading);
    }
}

/// Characters that separate the items of a piece: `、` and brackets.
fn is_item_break(c: char) -> bool {
    matches!(c, '、' | '（' | '）' | '(' | ')')
}

/// An item read aside, whole ([`side`]).
fn aside_of(item: &str, spaced: bool) -> Option<Aside> {
    aside(&Compact::of(item, spaced).text)
}

/// Whether `lead`, the run of items joined to an item read aside by `、`, is the start of its
/// condition: the item names one, and the run is one too (`恶性肿瘤、` before
/// `肾透析等病种随时申报`), not a clause.
fn leads(aside: &Aside, lead: &str, spaced: bool) -> bool {
    let named = match aside {
        Aside::Frequency(frequency) => frequency.condition.is_some(),
        Aside::Effect(effect) => effect.condition.is_some(),
        Aside::Exclusion(_) | Aside::Kind => false,
    };
    named && !lead.is_empty() && {
        let lead = Compact::of(lead, spaced);
        is_condition(lead.text.trim_end_matches('、'))
    }
}

/// Record an item read aside (with `lead`, the start of its condition, or `""`), giving it
/// the sentence's topic when it names no condition, or letting its condition be the topic.
fn record_aside<'a>(
    mut aside: Aside,
    item: &'a str,
    lead: &'a str,
    spaced: bool,
    topic: &mut Option<Topic<'a>>,
    reading: &mut Reading<'a>,
) {
    if !lead.is_empty() {
        if let Aside::Frequency(Frequency {
            condition: Some(own),
            ..
        })
        | Aside::Effect(Effect {
            condition: Some(own),
            ..
        }) = &mut aside
        {
            *own = format!("{}{own}", Compact::of(lead, spaced).text);
        }
        reading.understood.push(lead);
    }
    reading.understood.push(item);
    let condition = match aside {
        Aside::Frequency(frequency) => {
            reading.frequencies.push(frequency);
            &mut reading
                .frequencies
                .last_mut()
                .expect("just pushed")
                .condition
        }
        Aside::Effect(effect) => {
            reading.effects.push(effect);
            &mut reading.effects.last_mut().expect("just pushed").condition
        }
        Aside::Exclusion(what) => {
            reading.excludes.push(what);
            return;
        }
        Aside::Kind => return,
    };
    match (condition.as_ref(), topic.as_mut()) {
        (None, Some(topic)) => {
            *condition = Some(topic.condition.clone());
            if !topic.taken {
                topic.taken = true;
                reading.understood.push(topic.part);
            }
        }
        (Some(own), None) => {
            *topic = Some(Topic {
                condition: own.clone(),
                part: item,
                taken: true,
            });
        }
        _ => {}
    }
}

/// Read the clauses of a run of items, giving those without a condition the sentence's
/// `topic`, or else (when `aside`, after trying to read it aside) let it set the topic.
/// `spaced`: whether the run may hold white space or an invisible character.
fn read_run<'a>(
    piece: &'a str,
    spaced: bool,
    aside: bool,
    topic: &mut Option<Topic<'a>>,
    reading: &mut Reading<'a>,
) {
    let piece = trim(piece);
    if piece.is_empty() {
        return;
    }
    let compact = Compact::of(piece, spaced);
    let text = &compact.text;
    let first_clause = reading.clauses.len();
    let Reading {
        clauses,
        understood,
        ..
    } = reading;
    let scan = scan(piece, text, clauses, |range| {
        understood.push(&piece[compact.original(range.start)..compact.original(range.end)]);
    });
    let unread = scan.problem.is_some();
    reading.problems.extend(scan.problem);
    if scan.clauses == 0 {
        if let Some(found) = (!unread && aside)
            .then(|| aside_of(piece, spaced))
            .flatten()
        {
            record_aside(found, piece, "", spaced, topic, reading);
            return;
        }
        // A piece with time wording that could not be read is no topic (`7x24小时受理`).
        if !unread && (topic.is_none() || text.ends_with('的')) {
            let end = topic_end(text);
            *topic = non_empty(&text[..end]).map(|condition| Topic {
                condition,
                part: &piece[..compact.original(end)],
                taken: false,
            });
        }
        return;
    }
    let Some(topic) = topic else { return };
    let mut taken = false;
    for clause in &mut reading.clauses[first_clause..] {
        if clause.condition.is_none() {
            clause.condition = Some(topic.condition.clone());
            taken = true;
        }
    }
    if taken && !topic.taken {
        topic.taken = true;
        reading.understood.push(topic.part);
    }
}

/// Adverbs that end the topic of a sentence (`其它病种随时申报…` → `其它病种`).
const TOPIC_ENDS: &[&str] = &["随时", "每", "均", "一律"];

/// Where the topic a piece without a clause states ends: at the first adverb of
/// [`TOPIC_ENDS`], or at the piece's end.
fn topic_end(piece: &str) -> usize {
    TOPIC_ENDS
        .iter()
        .filter_map(|adverb| find_word(piece, adverb))
        .min()
        .unwrap_or(piece.len())
}

/// Trimmed of joining punctuation, or `None` when nothing is left.
fn non_empty(text: &str) -> Option<String> {
    let text = text
        .trim_matches(|c: char| matches!(c, '，' | ',' | '、' | '：' | ':') || c.is_whitespace());
    (!text.is_empty()).then(|| text.to_owned())
}

// ---------------------------------------------------------------------------------------------
// For notes: a clause standing alone
// ---------------------------------------------------------------------------------------------

/// The clause `piece` consists of, when it is nothing but one clause with at most the plain
/// name of a limit before it and its suffix after it (`办理时限1个工作日`, `即时办结`,
/// `5个工作日内办结`). Used to read deadlines out of prose, where `近3个月的病历` must not be
/// one. A range or a lower bound (a clause with `min`) is not taken: notes report it as a limit
/// they could not read.
pub(crate) fn standalone_clause(piece: &str) -> Option<DeadlineClause> {
    if !may_end_a_clause(piece) {
        return None;
    }
    let mut clauses = Vec::new();
    let compact = Compact::of(piece, true);
    let scan = scan(piece, &compact.text, &mut clauses, |_| {});
    let alone = scan.clauses == 1 && scan.problem.is_none() && !scan.trailing_text;
    let clause = clauses.pop().filter(|_| alone)?;
    let plain = clause.condition.is_none()
        && clause.label.is_none()
        && clause.start.is_none()
        && clause.step.is_none()
        && clause.min.is_none();
    plain.then_some(clause)
}

/// Whether `piece` may end with a clause and nothing after it, as a standalone clause must:
/// its last visible character ends an immediate wording (`即时办结`, `即办件`), a unit
/// (`工作日`, `天`, `小时`) or a suffix (`内`, `办理完毕`, `完成`). Notes ask this of many
/// pieces of prose, which most end otherwise: one look at the end spares reading them.
fn may_end_a_clause(piece: &str) -> bool {
    piece
        .chars()
        .rev()
        .find(|&c| !is_space_or_invisible(c))
        .is_some_and(|last| {
            matches!(
                last,
                '结' | '理'
                    | '件'
                    | '办'
                    | '日'
                    | '天'
                    | '月'
                    | '时'
                    | '年'
                    | '内'
                    | '毕'
                    | '完'
                    | '成'
            )
        })
}

#[cfg(test)]
mod tests;
