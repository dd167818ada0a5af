//! Phrases the text and PDF summaries (and any other renderer in words) write the same way, from
//! the same fields of the content model: one formatter each, so the formats cannot disagree on a
//! hold's dates, a per-molecule line, the current dose or a table without a value.

use super::content::{HoldSummary, MoleculeTotal, MoleculeUse, Summary};
use crate::domain::{EquivalenceTable, MgRange};
use crate::i18n::{Arg, Texts};

/// "Hold: 18 – 31 Oct 2026" (first and last day, inclusive) or "On hold since 18 Oct 2026".
pub fn hold_when(h: &HoldSummary, t: &Texts) -> String {
    match h.last_day {
        Some(last) => t.t_args("plan-hold-range", &[("range", Arg::Str(t.date_range(h.from, last)))]),
        None => t.t_args("plan-hold-open", &[("date", Arg::Str(t.date(h.from)))]),
    }
}

/// "12 of 56 days".
pub fn days_of(t: &Texts, n: u32, total: u32) -> String {
    t.t_args("days-n-of-total", &[("n", n.into()), ("total", total.into())])
}

/// The chosen table's name in the reader's language.
pub fn table_name(s: &Summary, t: &Texts) -> String {
    EquivalenceTable::parse(&s.table.key).map_or_else(|| s.table.name.clone(), |tb| t.table_name(tb))
}

/// "8.77–17.5 mg DE per day": the unit prescribed and non-prescribed use share.
pub fn de_per_day(t: &Texts, r: MgRange) -> String {
    t.t_args("de-per-day", &[("amount", Arg::Str(t.mg_range_of(r)))])
}

/// "Current prescribed dose (mean of the last 7 days)" and "lormetazepam 1.5 mg a day", each
/// molecule in its own mg.
pub fn current_dose(s: &Summary, t: &Texts) -> (String, String) {
    let days = s.current_doses.first().map_or(7, |c| c.days);
    let label = t.t_args("current-dose", &[("days", Arg::Int(i64::from(days)))]);
    let value = if s.current_doses.is_empty() {
        t.t("current-dose-none")
    } else {
        s.current_doses
            .iter()
            .map(|c| {
                t.t_args(
                    "current-dose-value",
                    &[
                        ("molecule", Arg::Str(t.molecule_named(c.molecule))),
                        ("amount", Arg::Str(t.mg(c.mg_per_day))),
                    ],
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    (label, value)
}

/// "n doses with no value in <table>: molecules", naming every molecule the table lacks.
pub fn no_value_count(s: &Summary, t: &Texts, n: u32) -> String {
    let names: Vec<String> =
        s.molecules.iter().filter(|m| m.no_value_doses > 0).map(|m| t.molecule_named(m.name)).collect();
    t.t_args(
        "no-value-count",
        &[
            ("n", Arg::Int(i64::from(n))),
            ("table", Arg::Str(table_name(s, t))),
            ("molecules", Arg::Str(names.join(", "))),
        ],
    )
}

/// The per-molecule lines: prescribed and non-prescribed apart, each with its doses and own mg
/// ("unknown strength" only for doses of unknown strength, never "0 mg"), and "no value in
/// <table>" when the table has none for the molecule.
pub fn molecule_lines(m: &MoleculeTotal, s: &Summary, t: &Texts) -> Vec<String> {
    let name = t.molecule_named(m.name);
    let uses = [(m.prescribed(), "prescribed"), (m.non_prescribed(), "non-prescribed")];
    let mut lines = vec![];
    for (u, key) in uses {
        let Some(MoleculeUse { doses, mg, unknown_strength_doses }) = u else { continue };
        let amount = if unknown_strength_doses >= doses { t.t("unknown-strength") } else { t.mg(mg) };
        let mut line = t.t_args(
            "molecule-use-line",
            &[
                ("molecule", Arg::Str(name.clone())),
                ("use", Arg::Str(t.t(key).to_lowercase())),
                ("n", Arg::Int(i64::from(doses))),
                ("amount", Arg::Str(amount)),
            ],
        );
        if unknown_strength_doses > 0 && unknown_strength_doses < doses {
            let n = Arg::Int(i64::from(unknown_strength_doses));
            line = format!("{line}; {}", t.t_args("unknown-strength-count", &[("n", n)]));
        }
        lines.push(line);
    }
    if m.no_value_doses > 0 {
        lines.push(t.t_args("de-no-value", &[("table", Arg::Str(table_name(s, t)))]));
    }
    lines
}
