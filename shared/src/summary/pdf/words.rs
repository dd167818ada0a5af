//! Small phrases the PDF builds from [`Texts`]: every word comes from the Fluent resources; this
//! module only picks the message and its arguments.

use chrono::{Datelike, NaiveDate};

use crate::domain::Hideable;
use crate::domain::Molecule;
use crate::i18n::{Arg, Texts};

/// A date without its year, as on a chart axis: "12 Jan", "12 janv.", "12. jan.".
pub fn day_month(t: &Texts, d: NaiveDate) -> String {
    let month = t.t(&format!("month-short-{}", d.month()));
    t.t_args(
        "date-day-month",
        &[
            ("day", Arg::Int(i64::from(d.day()))),
            ("month", Arg::Str(month)),
            ("year", Arg::Str(d.year().to_string())),
        ],
    )
}

/// "Left out by the patient: sleep, a goal" (the same words as every other renderer).
pub fn hidden_line(t: &Texts, hidden: &[Hideable], hidden_goals: u32) -> String {
    t.left_out(hidden, hidden_goals).unwrap_or_default()
}

/// "Label: value", with the locale's spacing before the colon.
pub fn label_value(t: &Texts, label: &str, value: &str) -> String {
    t.t_args("label-value", &[("label", label.into()), ("value", value.into())])
}

/// The patient's own words between the locale's quotation marks.
pub fn quoted(t: &Texts, text: &str) -> String {
    t.t_args("quoted", &[("value", text.trim().into())])
}

/// A molecule (or "unknown substance") named in the summary's language.
pub fn molecule_name(t: &Texts, name: &str) -> String {
    match Molecule::ALL.into_iter().find(|m| m.name() == name) {
        Some(m) => t.molecule(m),
        None => t.t("unknown-substance"),
    }
}

/// "… and 3 more".
pub fn more(t: &Texts, n: usize) -> String {
    t.t_args("more-items", &[("n", n.into())])
}

pub use crate::summary::phrases::days_of;

/// A signed amount in mg, for trends: "-1.25 mg", "+0.5 mg", "0 mg".
fn signed(t: &Texts, v: f64) -> String {
    let digits = t.number(v.abs(), if v.abs() < 10.0 { 2 } else { 1 });
    if digits == t.number(0.0, 0) {
        digits
    } else if v < 0.0 {
        format!("-{digits}")
    } else {
        format!("+{digits}")
    }
}

/// A trend as mg per week, a range when the table gives one: "-2.5 to -1.25 mg per week".
pub fn trend(t: &Texts, a: f64, b: f64) -> String {
    let (low, high) = (a.min(b), a.max(b));
    let (l, h) = (signed(t, low), signed(t, high));
    let value =
        if l == h { l } else { t.t_args("value-range", &[("from", Arg::Str(l)), ("to", Arg::Str(h))]) };
    let amount = t.t_args("unit-mg", &[("value", Arg::Str(value))]);
    t.t_args("trend-value", &[("amount", Arg::Str(amount))])
}

/// A bare range of numbers for a table whose column names the unit: "10–20", "7.5".
pub fn number_range(t: &Texts, low: f64, high: f64) -> String {
    let digits = |v: f64| if v.abs() < 10.0 { 2 } else { 1 };
    let (a, b) = (t.number(low, digits(low)), t.number(high, digits(high)));
    if a == b {
        a
    } else {
        format!("{a}–{b}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Keyed;
    use crate::i18n::Lang;

    #[test]
    fn phrases_come_from_each_language() {
        let en = Texts::new(Lang::En);
        let fr = Texts::new(Lang::Fr);
        let d = NaiveDate::from_ymd_opt(2026, 1, 12).unwrap();
        assert_eq!(day_month(&en, d), "12 Jan");
        assert_eq!(day_month(&fr, d), "12 janv.");
        assert_eq!(trend(&en, -1.25, -2.5), "-2.5 to -1.25 mg per week");
        assert_eq!(trend(&en, 0.0, 0.0), "0 mg per week");
        assert_eq!(trend(&fr, 0.5, 0.5), "+0,5 mg par semaine");
        assert_eq!(number_range(&fr, 12.5, 25.0), "12,5–25");
        assert_eq!(molecule_name(&fr, "lormetazepam"), "lormétazépam");
        assert_eq!(molecule_name(&en, "unknown substance"), "unknown substance");
        assert_eq!(
            hidden_line(&en, &[Hideable::NonPrescribed, Hideable::Notes], 1),
            "Left out by the patient: non-prescribed use, notes, a goal"
        );
        for &lang in Lang::ALL {
            let t = Texts::new(lang);
            for id in ["label-value", "quoted", "more-items", "value-range", "unknown-substance"] {
                assert!(t.has(id), "{lang}: {id}");
            }
        }
    }
}
