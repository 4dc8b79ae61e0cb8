//! The corpus of real published lists in `fixtures/real/`, held to facts written by reading.
//!
//! Each `fixtures/real/<name>.tsv` has a `<name>.facts.json` beside it: per matter (子项), in
//! source order, what the list states about it — its name, its category, its deadline
//! clauses, how many material items it asks for, and the documents its 设定依据 cites. The
//! facts were written by reading the source, not by running the parser (see
//! `fixtures/real/README.md`).
//!
//! The test parses every list, matches the facts' matters to the parser's matters by name, in
//! order, and checks every fact. Texts are compared without white space and with traditional
//! characters folded to simplified on both sides (see [`squeeze`]). A fact that fails is either *flagged* (the list was rejected
//! with an error, or a warning points at the matter's lines) or *silent* (a wrong or missing
//! value with no warning on the matter's lines). It prints a table per file and in total.
//!
//! Known failures are listed in `fixtures/real/known-gaps.txt`, one fact id per line with a
//! reason. The test fails when a fact fails that is not listed, when a listed fact now holds
//! (the list is stale), and when fewer facts hold than [`HOLDING_FLOOR`]; the message prints
//! the corrected list, ready to paste.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use shixiang::{Basis, ClauseKind, Document, Matter, Severity, TimeUnit};

/// Facts that held when the corpus was last recorded; a change that makes fewer hold fails.
const HOLDING_FLOOR: usize = 890;

/// The facts of one list, as written in its `.facts.json`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ListFacts {
    /// Where the list was published (for the reader; not checked).
    #[allow(dead_code)]
    source: String,
    matters: Vec<MatterFacts>,
}

/// What the source states about one matter. An absent field is a fact not recorded (the
/// source does not decide it), never a claim that the value is empty.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MatterFacts {
    /// The source line where the matter's row starts in the fixture.
    line: usize,
    /// The matter's name, as written.
    name: String,
    /// The category (主项) text as written, numeral and all; `null` when the list has none.
    /// Absent when the list has categories but the fact is not recorded.
    #[serde(default, deserialize_with = "present")]
    category: Option<Option<String>>,
    /// Every deadline clause of the cell, in order.
    deadline: Option<Vec<ClauseFacts>>,
    /// True when `deadline` lists only the clauses the source decides, not all of them (the
    /// cell has sub-limits that may or may not be clauses): their count is not checked.
    #[serde(default)]
    deadline_partial: bool,
    /// How many material items the cell lists (0 for `无`).
    materials: Option<usize>,
    /// Every document the legal-basis cell cites, in order.
    citations: Option<Vec<CitationFacts>>,
}

/// `Some(value)` for a field that is present, even when it is `null`.
fn present<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(deserializer).map(Some)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClauseFacts {
    kind: ClauseKind,
    amount: Option<u32>,
    unit: Option<TimeUnit>,
    /// Checked only when given.
    label: Option<String>,
    /// Checked only when given.
    condition: Option<String>,
    /// Checked only when given.
    basis: Option<Basis>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CitationFacts {
    title: String,
    /// The document number as written; checked only when given.
    number: Option<String>,
    /// The article numbers cited, in order; checked only when given.
    articles: Option<Vec<u32>>,
}

/// How a failed fact failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Miss {
    /// The list was rejected, or a warning points at the matter's lines.
    Flagged,
    /// A wrong or missing value and no warning on the matter's lines.
    Silent,
}

/// One checked fact.
struct Outcome {
    id: String,
    /// `None` when the fact holds; otherwise how it failed and what was found.
    miss: Option<(Miss, String)>,
}

/// The crate's own folding of traditional characters to simplified (`src/text/variants.rs`,
/// included as it is): a fact keeps the source's characters (`中華人民共和國社會保險法`), while
/// the parser gives a citation's title and number in simplified characters (issue 16 reads
/// traditional text as simplified). Both sides are compared after the same folding.
#[allow(dead_code)]
#[path = "../src/text/variants.rs"]
mod variants;

/// Text without white space, its traditional characters folded to simplified, to compare a
/// fact with the parser's normalized text.
fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(variants::simplified_char)
        .collect()
}

/// A category text without its leading numeral (`一、`, `十一、`, `3.`), squeezed.
fn without_numeral(text: &str) -> String {
    let squeezed = squeeze(text);
    let body = squeezed.trim_start_matches(|c: char| {
        c.is_ascii_digit() || "一二三四五六七八九十百零〇".contains(c)
    });
    match body.strip_prefix(['、', '.', '．', ',', '，']) {
        Some(rest) if body.len() < squeezed.len() => rest.to_owned(),
        _ => squeezed,
    }
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/real")
}

/// Every list of the corpus: (name, path of the list, path of its facts).
fn lists() -> Vec<(String, PathBuf, PathBuf)> {
    let dir = corpus_dir();
    let mut lists: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures/real exists")
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| {
            let name = path.file_name().unwrap().to_string_lossy();
            !name.ends_with(".json") && !name.ends_with(".md") && !name.ends_with(".txt")
        })
        .map(|path| {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            let facts = dir.join(format!("{name}.facts.json"));
            (name, path, facts)
        })
        .collect();
    lists.sort();
    lists
}

/// Checks every fact of one list against its parse.
fn check_list(name: &str, bytes: &[u8], facts: &ListFacts) -> Vec<Outcome> {
    let parsed = shixiang::parse(bytes);
    let mut outcomes = Vec::new();
    let document = parsed.as_ref().ok();
    let matters: Vec<_> = document.map_or_else(Vec::new, |d| d.matters().collect());
    let first_line = facts.matters.first().map_or(0, |first| first.line);
    let mut cursor = 0;
    for (index, matter_facts) in facts.matters.iter().enumerate() {
        let id = format!("{name}/{index}");
        let next_line = facts
            .matters
            .get(index + 1)
            .map_or(usize::MAX, |next| next.line);
        let flagged = match (&parsed, document) {
            (Err(error), _) => Some(format!("list rejected: {}", error.kind())),
            // A warning on the matter's lines, or one before the first matter (on the header),
            // which concerns every matter.
            (_, Some(document)) => warnings_on(document, matter_facts.line, next_line)
                .or_else(|| warnings_on(document, 1, first_line)),
            _ => None,
        };
        let wanted = squeeze(&matter_facts.name);
        let found = (cursor..matters.len())
            .find(|&i| squeeze(&matters[i].1.name) == wanted)
            .map(|at| {
                cursor = at + 1;
                matters[at]
            });
        let mut check = |fact: &str, result: Result<(), String>| {
            let miss = result.err().map(|found| match &flagged {
                Some(why) => (Miss::Flagged, format!("{found} [{why}]")),
                None => (Miss::Silent, found),
            });
            outcomes.push(Outcome {
                id: format!("{id}/{fact}"),
                miss,
            });
        };
        let Some((category, matter)) = found else {
            let why = "matter not found by name".to_owned();
            check("name", Err(why.clone()));
            for fact in fact_names(matter_facts) {
                check(&fact, Err(why.clone()));
            }
            continue;
        };
        check("name", Ok(()));
        if let Some(expected) = &matter_facts.category {
            let result = match expected {
                Some(text) if without_numeral(text) == squeeze(&category.name) => Ok(()),
                None if category.name.is_empty() => Ok(()),
                _ => Err(format!("category {:?}", category.name)),
            };
            check("category", result);
        }
        if let Some(clauses) = &matter_facts.deadline {
            check_deadline(matter, clauses, matter_facts.deadline_partial, &mut check);
        }
        if let Some(expected) = matter_facts.materials {
            let count: usize = matter.materials.groups.iter().map(|g| g.items.len()).sum();
            let result = if count == expected {
                Ok(())
            } else {
                Err(format!("{count} material items"))
            };
            check("materials", result);
        }
        if let Some(citations) = &matter_facts.citations {
            check_citations(matter, citations, &mut check);
        }
    }
    outcomes
}

/// The ids (after the matter's) of every fact a matter's facts record besides its name.
fn fact_names(facts: &MatterFacts) -> Vec<String> {
    let mut names = Vec::new();
    if facts.category.is_some() {
        names.push("category".to_owned());
    }
    if let Some(clauses) = &facts.deadline {
        if !facts.deadline_partial {
            names.push("deadline/count".to_owned());
        }
        names.extend((0..clauses.len()).map(|i| format!("deadline/{i}")));
    }
    if facts.materials.is_some() {
        names.push("materials".to_owned());
    }
    if let Some(citations) = &facts.citations {
        names.push("citations/count".to_owned());
        for (i, citation) in citations.iter().enumerate() {
            names.push(format!("citation/{i}/title"));
            if citation.number.is_some() {
                names.push(format!("citation/{i}/number"));
            }
            if citation.articles.is_some() {
                names.push(format!("citation/{i}/articles"));
            }
        }
    }
    names
}

fn check_deadline(
    matter: &Matter,
    expected: &[ClauseFacts],
    partial: bool,
    check: &mut impl FnMut(&str, Result<(), String>),
) {
    let clauses = &matter.deadline.clauses;
    if !partial {
        let count = if clauses.len() == expected.len() {
            Ok(())
        } else {
            Err(format!(
                "{} clauses in {:?}",
                clauses.len(),
                matter.deadline.raw
            ))
        };
        check("deadline/count", count);
    }
    for (i, want) in expected.iter().enumerate() {
        let result = match clauses.get(i) {
            None => Err(format!("no clause {i} in {:?}", matter.deadline.raw)),
            Some(got) => {
                let same = got.kind == want.kind
                    && got.amount == want.amount
                    && got.unit == want.unit
                    && want.label.as_ref().is_none_or(|l| {
                        got.label.as_deref().map(squeeze).as_ref() == Some(&squeeze(l))
                    })
                    && want.condition.as_ref().is_none_or(|c| {
                        got.condition.as_deref().map(squeeze).as_ref() == Some(&squeeze(c))
                    })
                    && want
                        .basis
                        .as_ref()
                        .is_none_or(|b| got.basis.as_ref() == Some(b));
                if same {
                    Ok(())
                } else {
                    Err(format!(
                        "clause {:?} {:?} {:?} label {:?} condition {:?} basis {:?}",
                        got.kind, got.amount, got.unit, got.label, got.condition, got.basis
                    ))
                }
            }
        };
        check(&format!("deadline/{i}"), result);
    }
}

fn check_citations(
    matter: &Matter,
    expected: &[CitationFacts],
    check: &mut impl FnMut(&str, Result<(), String>),
) {
    let citations = &matter.legal_basis.citations;
    let count = if citations.len() == expected.len() {
        Ok(())
    } else {
        let titles: Vec<_> = citations.iter().map(|c| c.title.as_str()).collect();
        Err(format!("{} citations {titles:?}", citations.len()))
    };
    check("citations/count", count);
    for (i, want) in expected.iter().enumerate() {
        let got = citations.get(i);
        let title = match got {
            Some(got) if squeeze(&got.title) == squeeze(&want.title) => Ok(()),
            Some(got) => Err(format!("title {:?}", got.title)),
            None => Err(format!("no citation {i}")),
        };
        check(&format!("citation/{i}/title"), title);
        if let Some(number) = &want.number {
            let got_number = got.and_then(|c| c.document_number.as_ref());
            let result = match got_number {
                Some(n) if squeeze(&n.raw) == squeeze(number) => Ok(()),
                other => Err(format!("number {:?}", other.map(|n| &n.raw))),
            };
            check(&format!("citation/{i}/number"), result);
        }
        if let Some(articles) = &want.articles {
            let got_articles: Option<Vec<u32>> =
                got.map(|c| c.provisions.iter().map(|p| p.article).collect());
            let result = if got_articles.as_ref() == Some(articles) {
                Ok(())
            } else {
                Err(format!("articles {got_articles:?}"))
            };
            check(&format!("citation/{i}/articles"), result);
        }
    }
}

/// The warnings (and errors) on lines `first..next`, as one text; `None` when there is none.
fn warnings_on(document: &Document, first: usize, next: usize) -> Option<String> {
    let codes: BTreeSet<&str> = document
        .diagnostics
        .iter()
        .filter(|d| d.severity >= Severity::Warning && (first..next).contains(&d.line))
        .map(|d| d.code.as_str())
        .collect();
    (!codes.is_empty()).then(|| codes.into_iter().collect::<Vec<_>>().join(", "))
}

/// The listed gaps: fact id → reason.
fn known_gaps() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(corpus_dir().join("known-gaps.txt")).unwrap_or_default();
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| match line.split_once(char::is_whitespace) {
            Some((id, reason)) => (id.to_owned(), reason.trim().to_owned()),
            None => (line.to_owned(), String::new()),
        })
        .collect()
}

#[derive(Default)]
struct Tally {
    facts: usize,
    holding: usize,
    flagged: usize,
    silent: usize,
}

impl Tally {
    fn add(&mut self, outcome: &Outcome) {
        self.facts += 1;
        match outcome.miss {
            None => self.holding += 1,
            Some((Miss::Flagged, _)) => self.flagged += 1,
            Some((Miss::Silent, _)) => self.silent += 1,
        }
    }

    fn row(&self, name: &str, matters: usize) -> String {
        format!(
            "{name:<52} {matters:>7} {:>6} {:>8} {:>8} {:>7}\n",
            self.facts, self.holding, self.flagged, self.silent
        )
    }
}

#[test]
fn real_lists_hold_their_facts_or_are_known_gaps() {
    let lists = lists();
    assert!(!lists.is_empty(), "fixtures/real holds lists");
    let mut table = format!(
        "{:<52} {:>7} {:>6} {:>8} {:>8} {:>7}\n",
        "file", "matters", "facts", "holding", "flagged", "silent"
    );
    let mut total = Tally::default();
    let mut total_matters = 0;
    let mut outcomes = Vec::new();
    for (name, path, facts_path) in &lists {
        let bytes = std::fs::read(path).unwrap();
        let facts_text = std::fs::read_to_string(facts_path)
            .unwrap_or_else(|e| panic!("{name}: facts file {}: {e}", facts_path.display()));
        let facts: ListFacts = serde_json::from_str(&facts_text)
            .unwrap_or_else(|e| panic!("{name}: facts file does not parse: {e}"));
        let mut tally = Tally::default();
        for outcome in check_list(name, &bytes, &facts) {
            tally.add(&outcome);
            total.add(&outcome);
            outcomes.push(outcome);
        }
        table.push_str(&tally.row(name, facts.matters.len()));
        total_matters += facts.matters.len();
    }
    table.push_str(&total.row("total", total_matters));
    println!("{table}");

    let gaps = known_gaps();
    let failing: BTreeMap<&str, &(Miss, String)> = outcomes
        .iter()
        .filter_map(|o| o.miss.as_ref().map(|m| (o.id.as_str(), m)))
        .collect();
    let known_ids: BTreeSet<&str> = outcomes.iter().map(|o| o.id.as_str()).collect();
    let new: Vec<&str> = failing
        .keys()
        .copied()
        .filter(|id| !gaps.contains_key(*id))
        .collect();
    let stale: Vec<&str> = gaps
        .keys()
        .map(String::as_str)
        .filter(|id| !failing.contains_key(id))
        .collect();
    if !new.is_empty() || !stale.is_empty() {
        let mut message = String::new();
        for id in &new {
            let (miss, found) = failing[id];
            let _ = writeln!(message, "new failure: {id} ({miss:?}): {found}");
        }
        for id in &stale {
            let why = if known_ids.contains(id) {
                "now holds"
            } else {
                "is no fact of the corpus"
            };
            let _ = writeln!(message, "stale gap: {id} {why}");
        }
        let _ = writeln!(
            message,
            "\n{table}\ncorrected fixtures/real/known-gaps.txt:\n{}",
            corrected_gaps(&gaps, &failing)
        );
        panic!("{message}");
    }
    assert!(
        total.holding >= HOLDING_FLOOR,
        "{} facts hold, fewer than the floor {HOLDING_FLOOR}\n{table}",
        total.holding
    );
}

/// The known-gaps file as it should read: every failing fact, with its listed reason when it
/// has one, else the kind of miss and what was found.
fn corrected_gaps(
    gaps: &BTreeMap<String, String>,
    failing: &BTreeMap<&str, &(Miss, String)>,
) -> String {
    let mut text = String::from(
        "# Facts of fixtures/real/*.facts.json that fail today: id, then the reason.\n\
         # tests/real.rs fails when a fact fails that is not listed, or a listed one holds.\n",
    );
    for (id, (miss, found)) in failing {
        let reason = match gaps.get(*id) {
            Some(reason) if !reason.is_empty() => reason.clone(),
            _ => format!(
                "{}: {found}",
                if *miss == Miss::Flagged {
                    "flagged"
                } else {
                    "silent"
                }
            ),
        };
        let _ = writeln!(text, "{id} {reason}");
    }
    text
}
