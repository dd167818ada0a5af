//! The patient's medicines, worded once for every summary renderer (text, PDF): what the patient
//! took as usual in the period, each change of amount or times with its date.

use super::content::{MedicineSummary, RegimenLine};
use crate::domain::{count_text, Molecule, Use};
use crate::i18n::{Arg, Texts};

/// The usual amount of one regimen period: "1 × 2 mg", "½ × 10 mg", "2.5 mg".
fn amount(r: &RegimenLine, t: &Texts) -> String {
    match (r.tablets, r.strength_mg, r.mg) {
        (Some(n), Some(strength), _) => format!("{} × {}", count_text(n), t.mg(strength)),
        (Some(n), None, _) => {
            t.t_args("regimen-tablets-unknown-strength", &[("count", Arg::Str(count_text(n)))])
        }
        (None, _, Some(mg)) => t.mg(mg),
        (None, _, None) => t.t("unknown"),
    }
}

/// One medicine as lines: its name, molecule and use, then each regimen period, the stop and the
/// usual doses noted as skipped.
pub fn medicine_lines(m: &MedicineSummary, t: &Texts) -> Vec<String> {
    let molecule = Molecule::ALL
        .into_iter()
        .find(|x| x.name() == m.molecule)
        .map_or_else(|| m.molecule.to_owned(), |x| t.molecule(x));
    let use_ = t.t(match m.use_ {
        Use::Prescribed => "regimen-prescribed",
        Use::NonPrescribed => "regimen-non-prescribed",
    });
    let mut lines = vec![t.t_args(
        "regimen-medicine",
        &[("name", Arg::Str(m.name.clone())), ("molecule", Arg::Str(molecule)), ("use", Arg::Str(use_))],
    )];
    for r in &m.regimen {
        let times: Vec<String> = r.times.iter().map(|x| x.format("%H:%M").to_string()).collect();
        let date = Arg::Str(t.date(r.from));
        lines.push(if times.is_empty() {
            t.t_args("regimen-as-needed", &[("date", date), ("amount", Arg::Str(amount(r, t)))])
        } else {
            t.t_args(
                "regimen-times",
                &[("date", date), ("amount", Arg::Str(amount(r, t))), ("times", Arg::Str(times.join(", ")))],
            )
        });
    }
    if let Some(stopped) = m.stopped {
        lines.push(t.t_args("regimen-stopped", &[("date", Arg::Str(t.date(stopped)))]));
    }
    if m.skipped > 0 {
        lines.push(t.t_args("regimen-skipped", &[("n", Arg::Int(i64::from(m.skipped)))]));
    }
    lines
}
