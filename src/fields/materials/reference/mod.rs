//! The materials parser as it was before it was made faster (round 3 of the performance
//! work), kept verbatim as the oracle the fast parser is checked against in the tests.
//!
//! Parser for the materials cell (办理材料): what the applicant brings.
//!
//! A cell is read from the outside in:
//!
//! 1. **None required.** A cell that only says nothing is needed (`无`, `无需提交材料`,
//!    `免于提交`) sets `none_required` and has no groups.
//! 2. **Points.** The cell is split on its list markers (`1.`, `1、`, `（1）`, `①`…, see
//!    [`crate::text::markers`]).
//! 3. **Applicants.** A point (or a clause) that opens with a short phrase naming a kind of
//!    person or organisation and a colon (`在职职工：`, `社会团体、民办非企业单位：`) starts a
//!    group for that applicant. A later point without one goes to a general group again.
//!    A lead-in (`需提供以下材料：`) is not an item and is skipped.
//! 4. **Nested lists.** A body that is itself a list (`在职职工：①… ②…`) is split again.
//! 5. **Clauses.** A body is split on `；`, `;` and `。` between items — except where the
//!    next clause opens with `或`, which offers a choice instead (`…材料；或个人承诺书`).
//! 6. **Items.** A clause with a leading condition (`属于意外伤害情形的，须提供…`) is one item.
//!    A clean clause (no `，` or `：` left in it) is split on `、` where the part before the
//!    `、` is a document by itself ([`is_document`]): `有效证照副本原件、《登记表》` gives two
//!    items, while `执业医师、护士的执业证书` stays whole, because `执业医师` is no document.
//!    A clause that still joins parts with `，` or `：` is kept as one item and gets a
//!    `materials_unparsed` diagnostic: its text is all there, its parts are not told apart.
//! 7. **Attributes** of each item: alternatives (`A或B或C` outside brackets), forms (every
//!    `《…》`), copies (`1份`, `各1份`, `一式两份`), format (原件/复印件), seal, condition.

#![allow(dead_code)]

use nom::{
    branch::alt,
    bytes::complete::tag,
    character::complete::multispace0,
    combinator::{opt, value},
    IResult, Parser,
};

use crate::cell::Cell;
use crate::diagnostic::{Code, Diagnostics};
use crate::model::{Material, MaterialFormat, MaterialGroup, Materials};
use crate::text::brackets::{closes, opens, title_spans, TitleSpan};
use crate::text::markers;
use crate::text::normalize::{normalize, normalize_part_of_normal, normalized};
use crate::text::numeral;

pub(crate) mod applicants;
pub(crate) mod attributes;
pub(crate) mod conditions;
pub(crate) mod items;

use applicants::*;
use attributes::*;
use conditions::*;
use items::*;
// The none-required test did not change: the live one is its own oracle.
use super::none::*;

/// Structure a materials cell.
pub(crate) fn parse(cell: &Cell<'_>, diagnostics: &mut Diagnostics) -> Materials {
    let raw = cell.text();
    let mut materials = Materials {
        raw: raw.to_owned(),
        ..Materials::default()
    };
    if raw.trim().is_empty() {
        return materials;
    }
    if is_none_required(raw) {
        materials.none_required = true;
        return materials;
    }
    let mut groups = Groups::default();
    let mut findings = Vec::new();
    for point in markers::split(raw) {
        groups.next_point();
        let body = match applicant(point.body) {
            Some((who, rest)) => {
                groups.start(who);
                rest
            }
            None => point.body,
        };
        let nested = nested_list(body);
        for &sub in nested.as_deref().unwrap_or(std::slice::from_ref(&body)) {
            for clause in clauses(sub) {
                let clause = match applicant(clause) {
                    Some((who, rest)) => {
                        groups.start(who);
                        rest
                    }
                    None => clause,
                };
                let mut items: Vec<Material> = drafts(strip_lead_in(clause))
                    .into_iter()
                    .map(|draft| material(draft, &mut findings))
                    .collect();
                share_distributed_tail(&mut items);
                for item in items {
                    groups.push(item);
                }
            }
        }
    }
    materials.groups = groups.groups;
    report(cell, findings, diagnostics);
    materials
}

/// Something an item could not structure: the item's text in the cell, and what.
pub(crate) struct Finding<'a> {
    item: &'a str,
    message: String,
}

/// Report the findings of a cell as `materials_unparsed`, each at its item's position
/// (counted in one walk over the cell, however many there are).
fn report(cell: &Cell<'_>, findings: Vec<Finding<'_>>, diagnostics: &mut Diagnostics) {
    let items: Vec<&str> = findings.iter().map(|f| f.item).collect();
    for (finding, at) in findings.into_iter().zip(cell.positions_of(&items)) {
        diagnostics.push(Code::MaterialsUnparsed, at, finding.message);
    }
}
