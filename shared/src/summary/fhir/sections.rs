//! The Composition's sections: one per part of the summary, each with a generated XHTML narrative
//! in the document's language (Fluent, `locales/<lang>/fhir.ftl` and the summary's own words), a
//! section code (LOINC where one fits, Steady's code system otherwise) and references to the
//! resources behind it. What the patient left out is a `withheld` section, never silently absent.

use std::collections::BTreeMap;

use super::json::{Arr, Obj};
use super::xhtml::Xhtml;
use super::{
    reference, Code, LIST_EMPTY_REASON, SECTION_ANXIETY, SECTION_GOALS, SECTION_LEFT_OUT,
    SECTION_MEDICATIONS, SECTION_NOTES, SECTION_PLAN, SECTION_QUESTIONS, SECTION_SLEEP,
};
use crate::domain::{Hideable, Keyed};
use crate::i18n::{Arg, Texts};
use crate::summary::Summary;

/// One Composition section.
pub(crate) struct Section {
    pub title: String,
    pub code: Code,
    pub text: Xhtml,
    pub entries: Vec<String>,
    /// Why the section has no entries, when it says so (list-empty-reason code and display).
    pub empty_reason: Option<(&'static str, &'static str)>,
}

impl Section {
    pub fn new(t: &Texts, title_id: &str, code: Code) -> Self {
        Self { title: t.t(title_id), code, text: Xhtml::new(), entries: Vec::new(), empty_reason: None }
    }

    /// A section the patient left out: no entries, narrative says so, emptyReason `withheld`.
    pub fn withheld(t: &Texts, title_id: &str, code: Code) -> Self {
        let mut s = Self::new(t, title_id, code);
        s.text.p(&t.t("fhir-section-withheld"));
        s.empty_reason = Some(("withheld", "Information Withheld"));
        s
    }

    /// The section's members.
    pub fn write(&self, o: &mut Obj) {
        let (system, code, display) = self.code;
        o.obj("code", |o| {
            o.arr("coding", |a| {
                a.obj(|o| {
                    o.str("code", code).str("display", display).str("system", system);
                });
            });
        });
        if let Some((code, display)) = self.empty_reason.filter(|_| self.entries.is_empty()) {
            o.obj("emptyReason", |o| {
                o.arr("coding", |a| {
                    a.obj(|o| {
                        o.str("code", code).str("display", display).str("system", LIST_EMPTY_REASON);
                    });
                });
            });
        }
        o.arr("entry", |a| references(a, &self.entries));
        o.obj("text", |o| {
            o.str("div", &self.text.finish()).str("status", "generated");
        });
        o.str("title", &self.title);
    }
}

/// One reference item per url.
fn references(a: &mut Arr, urls: &[String]) {
    for u in urls {
        a.obj(|o| reference(o, u));
    }
}

/// Per-molecule tally of the doses actually exported (so figures never include left-out doses).
#[derive(Default)]
pub(crate) struct MoleculeRow {
    pub atc: Option<&'static str>,
    pub doses: u32,
    pub known_mg: f64,
    pub unknown_strength: u32,
    /// Doses of known strength the chosen table gives no value for.
    pub no_value: u32,
    pub non_prescribed: u32,
}

/// What the doses section shows besides the summary's own figures.
pub(crate) struct DoseFacts<'a> {
    pub molecules: &'a BTreeMap<&'static str, MoleculeRow>,
    /// Doses logged for a time after the document was made (MedicationStatement `intended`).
    pub logged_ahead: u32,
    pub show_np: bool,
}

/// The Medication section (LOINC 10160-0): totals apart for prescribed and non-prescribed use in
/// the same unit, doses the table has no value for named ("no value in <table>", never 0 mg DE),
/// the trend, days without a dose, a per-molecule table and the weekly means.
pub(crate) fn doses_section(
    t: &Texts,
    summary: &Summary,
    facts: &DoseFacts,
    entries: Vec<String>,
) -> Section {
    let mut s = Section::new(t, "section-doses", SECTION_MEDICATIONS);
    let table_name = summary.table.name.as_str();
    s.text.p(&t.t_args(
        "fhir-doses-intro",
        &[
            ("range", Arg::Str(t.date_range(summary.from, summary.to))),
            ("days", Arg::from(summary.days.len())),
            ("table", Arg::from(table_name)),
            ("source", Arg::from(&summary.table.source)),
        ],
    ));
    let no_value_names: Vec<String> = facts
        .molecules
        .iter()
        .filter(|(_, m)| m.no_value > 0)
        .map(|(name, _)| t.molecule_named(name))
        .collect();
    // The mean per day is the content model's (over complete days), as text and PDF print it.
    let total_line = |tot: &crate::domain::DeTotal, per_day: crate::domain::MgRange| {
        let mut line = if tot.doses > 0 && tot.unknown_doses == tot.doses {
            // Nothing had a DE figure: say so, never "0 mg DE".
            format!(
                "{}; {}.",
                t.t_args("dose-count", &[("n", Arg::from(tot.doses))]),
                t.t_args("de-none", &[("table", Arg::from(table_name))])
            )
        } else {
            t.t_args(
                "fhir-doses-total",
                &[
                    ("n", Arg::from(tot.doses)),
                    ("total", Arg::Str(t.mg_range(tot.low_mg, tot.high_mg))),
                    ("per_day", Arg::Str(t.mg_range_of(per_day))),
                ],
            )
        };
        let unknown = tot.unknown_doses.saturating_sub(tot.no_value_doses);
        if unknown > 0 {
            line.push(' ');
            line.push_str(&t.t_args("fhir-doses-unknown", &[("n", Arg::from(unknown))]));
        }
        if tot.no_value_doses > 0 {
            line.push(' ');
            line.push_str(&t.t_args(
                "no-value-count",
                &[
                    ("n", Arg::from(tot.no_value_doses)),
                    ("table", Arg::from(table_name)),
                    ("molecules", Arg::Str(no_value_names.join(", "))),
                ],
            ));
            line.push('.');
        }
        line
    };
    let p = &summary.totals.prescribed;
    s.text.labelled(&format!("{}:", t.t("prescribed")), &total_line(p, summary.totals.prescribed_de_per_day));
    match summary
        .totals
        .non_prescribed
        .zip(summary.totals.non_prescribed_de_per_day)
        .filter(|_| facts.show_np)
    {
        Some((np, per_day)) => {
            s.text.labelled(&format!("{}:", t.t("non-prescribed")), &total_line(&np, per_day))
        }
        None => s.text.labelled(&format!("{}:", t.t("non-prescribed")), &t.t("fhir-left-out-by-patient")),
    };
    if facts.logged_ahead > 0 {
        s.text.p(&t.t_args("fhir-doses-ahead", &[("n", Arg::from(facts.logged_ahead))]));
    }
    let trend = &summary.dose_trend;
    let no_figure = p.doses > 0 && p.unknown_doses == p.doses;
    let mut trend_line = t.t_args(
        "fhir-doses-trend",
        &[
            ("first", Arg::Str(t.mg_range_of(trend.first_half))),
            ("second", Arg::Str(t.mg_range_of(trend.second_half))),
        ],
    );
    if no_figure {
        trend_line = t.t_args("de-none", &[("table", Arg::from(table_name))]);
    } else if let (Some(lo), Some(hi)) = (trend.slope_low_mg_per_week, trend.slope_high_mg_per_week) {
        trend_line.push(' ');
        trend_line
            .push_str(&t.t_args("trend-value", &[("amount", Arg::Str(t.mg_range(lo.min(hi), lo.max(hi))))]));
    }
    s.text.labelled(&format!("{}:", t.t("trend-per-week")), &trend_line);
    s.text.labelled(
        &format!("{}:", t.t("days-without-dose")),
        &t.t_args(
            "days-n-of-total",
            &[("n", Arg::from(summary.days_without_dose)), ("total", Arg::from(summary.counted_days()))],
        ),
    );
    let rows: Vec<Vec<String>> = facts
        .molecules
        .iter()
        .map(|(name, m)| {
            let mut row = vec![
                t.molecule_named(name),
                m.atc.unwrap_or("–").to_owned(),
                m.doses.to_string(),
                t.number(m.known_mg, 3),
                m.unknown_strength.to_string(),
                m.no_value.to_string(),
            ];
            if facts.show_np {
                row.push(m.non_prescribed.to_string());
            }
            row
        })
        .collect();
    let no_value_header = t.t_args("de-no-value", &[("table", Arg::from(table_name))]);
    let mut headers = vec![
        t.t("substance"),
        "ATC".to_owned(),
        t.t("fhir-col-doses"),
        t.t("fhir-col-known-mg"),
        t.t("fhir-col-unknown-strength"),
        no_value_header,
    ];
    if facts.show_np {
        headers.push(t.t("non-prescribed"));
    }
    s.text.table(&headers, &rows);
    let weeks: Vec<Vec<String>> = summary
        .weeks
        .iter()
        .map(|w| {
            let without: u32 = summary
                .days
                .iter()
                .filter(|d| d.date >= w.week_start && d.date < w.week_start + chrono::Days::new(7))
                .map(|d| d.unknown_doses)
                .sum();
            let Some(range) = w.de() else {
                return vec![t.date(w.week_start), w.days.to_string(), t.t("week-day-not-over")];
            };
            let mut de = t.mg_range(range.low, range.high);
            if without > 0 && range.high <= 0.0 {
                de = t.t_args("fhir-week-only-without-de", &[("n", Arg::from(without))]);
            } else if without > 0 {
                de = t.t_args("fhir-week-without-de", &[("amount", Arg::Str(de)), ("n", Arg::from(without))]);
            }
            vec![t.date(w.week_start), w.days.to_string(), de]
        })
        .collect();
    s.text.table(&[t.t("chart-week"), t.t("fhir-col-days"), t.t("de-per-day-label")], &weeks);
    s.entries = entries;
    s
}

/// The plan of care section (LOINC 18776-5).
pub(crate) fn plan_section(t: &Texts, summary: &Summary, show_notes: bool, entries: Vec<String>) -> Section {
    let Some(plan) = &summary.plan else {
        if summary.hidden.contains(&Hideable::Plan) {
            return Section::withheld(t, "section-taper-plan", SECTION_PLAN);
        }
        let mut s = Section::new(t, "section-taper-plan", SECTION_PLAN);
        s.text.p(&t.t("plan-none"));
        return s;
    };
    let mut s = Section::new(t, "section-taper-plan", SECTION_PLAN);
    s.text.p(&t.t_args(
        "fhir-plan-line",
        &[
            ("molecule", Arg::Str(t.molecule_named(plan.molecule))),
            ("dose", Arg::Str(t.mg(plan.start_mg))),
            ("date", Arg::Str(t.date(plan.start))),
            (
                "schedule",
                Arg::Str(t.t_args(
                    "plan-schedule",
                    &[
                        ("percent", Arg::Str(t.percent(plan.percent))),
                        ("days", Arg::from(plan.interval_days)),
                    ],
                )),
            ),
            ("steps", Arg::from(plan.steps.len())),
            ("flagged", Arg::from(plan.flagged_steps)),
        ],
    ));
    s.text.labelled(
        &format!("{}:", t.t("plan-pace")),
        &format!("{}. {}", t.pace(plan.pace), t.t("plan-pace-informative")),
    );
    if let Some(sw) = &plan.switch {
        let from = crate::domain::Molecule::ALL.into_iter().find(|m| m.name() == sw.from);
        let text = match from {
            Some(m) => t.plan_switch(m, sw.from_mg, sw.diazepam_mg, &sw.table.name, &sw.agreed_with),
            None => sw.from.to_owned(),
        };
        s.text.labelled(&format!("{}:", t.t("plan-switch-title")), &format!("{text} ({})", sw.table.source));
    }
    let rows: Vec<Vec<String>> = plan
        .steps
        .iter()
        .map(|st| {
            vec![
                st.index.to_string(),
                t.date(st.date),
                t.mg(st.dose_mg),
                if st.index == 0 { "–".to_owned() } else { t.percent(st.cut_percent) },
                t.step_status(st.status),
                t.t_args(
                    "days-n-of-total",
                    &[("n", Arg::from(st.days_logged)), ("total", Arg::from(st.days_in_period))],
                ),
                st.days_at_or_under.to_string(),
                match (st.pace_per_14_days_percent, st.pace_limit_percent) {
                    (Some(rate), Some(limit)) => {
                        let to_zero = (st.dose_mg == 0.0).then_some(st.interval_days);
                        t.pace_reason(rate, st.cut_percent, limit, plan.pace, to_zero)
                    }
                    _ => String::new(),
                },
            ]
        })
        .collect();
    s.text.table(
        &[
            t.t("plan-step"),
            t.t("plan-date"),
            t.t("plan-planned"),
            t.t("plan-cut"),
            t.t("goal-status"),
            t.t("plan-logged"),
            t.t("plan-at-or-under"),
            t.t("plan-pace"),
        ],
        &rows,
    );
    let holds: Vec<String> = plan
        .holds
        .iter()
        .map(|h| {
            let span = match h.last_day {
                Some(last) => t.t_args("plan-hold-range", &[("range", Arg::Str(t.date_range(h.from, last)))]),
                None => t.t_args("plan-hold-open", &[("date", Arg::Str(t.date(h.from)))]),
            };
            match h.reason.as_deref().filter(|r| show_notes && !r.trim().is_empty()) {
                Some(r) => format!("{span}: {r}"),
                None => span,
            }
        })
        .collect();
    if !holds.is_empty() {
        s.text.ul(&holds);
        s.text.p(&t.t("plan-hold-note"));
    }
    match (plan.ended_on, plan.end_date) {
        (Some(on), _) => s.text.p(&t.t_args("plan-ended-on", &[("date", Arg::Str(t.date(on)))])),
        (None, Some(end)) => s.text.labelled(&format!("{}:", t.t("plan-end-date")), &t.date(end)),
        (None, None) => s.text.labelled(&format!("{}:", t.t("plan-end-date")), &t.t("plan-end-open")),
    };
    s.entries = entries;
    s
}

/// A mean with one decimal and its unit, or "not logged".
fn opt(t: &Texts, v: Option<f64>, f: impl Fn(f64) -> String) -> String {
    v.map_or_else(|| t.t("not-logged"), f)
}

/// The sleep section (Steady's code `section-sleep`).
pub(crate) fn sleep_section(t: &Texts, summary: &Summary, entries: Vec<String>) -> Section {
    let Some(sl) = &summary.sleep else {
        return Section::withheld(t, "section-sleep", SECTION_SLEEP);
    };
    let mut s = Section::new(t, "section-sleep", SECTION_SLEEP);
    s.text.p(&t.t_args(
        "fhir-sleep-summary",
        &[
            ("n", Arg::from(sl.nights)),
            ("mean", Arg::Str(opt(t, sl.mean_total_sleep_h, |v| t.hours(v)))),
            ("efficiency", Arg::Str(opt(t, sl.mean_efficiency_percent, |v| t.percent(v)))),
            (
                "quality",
                Arg::Str(opt(t, sl.mean_quality, |v| {
                    t.t_args("sleep-quality-value", &[("value", Arg::Str(t.number(v, 1)))])
                })),
            ),
            ("awakenings", Arg::Str(opt(t, sl.mean_awakenings, |v| t.number(v, 1)))),
            ("first", Arg::Str(opt(t, sl.first_half_h, |v| t.hours(v)))),
            ("second", Arg::Str(opt(t, sl.second_half_h, |v| t.hours(v)))),
        ],
    ));
    let weeks: Vec<Vec<String>> =
        summary.weeks.iter().map(|w| vec![t.date(w.week_start), opt(t, w.sleep_h, |v| t.hours(v))]).collect();
    if sl.nights > 0 {
        s.text.table(&[t.t("chart-week"), t.t("mean-sleep")], &weeks);
    }
    s.entries = entries;
    s
}

/// The anxiety section (LOINC 10190-7 mental status): daily ratings and GAD-7.
pub(crate) fn anxiety_section(t: &Texts, summary: &Summary, entries: Vec<String>) -> Section {
    let Some(a) = &summary.anxiety else {
        return Section::withheld(t, "section-anxiety", SECTION_ANXIETY);
    };
    let mut s = Section::new(t, "section-anxiety", SECTION_ANXIETY);
    let one = |v: Option<f64>| opt(t, v, |v| t.number(v, 1));
    s.text.p(&t.t_args(
        "fhir-anxiety-summary",
        &[
            ("n", Arg::from(a.ratings)),
            ("mean", Arg::Str(one(a.mean))),
            ("first", Arg::Str(one(a.first_half))),
            ("second", Arg::Str(one(a.second_half))),
        ],
    ));
    let rows: Vec<Vec<String>> =
        summary.gad7.iter().map(|g| vec![t.date(g.date), g.total.to_string(), t.gad7_band(g.band)]).collect();
    if rows.is_empty() {
        s.text.p(&t.t("fhir-gad7-none"));
    } else {
        s.text.p(&t.t("fhir-gad7-bands"));
        s.text.table(&[t.t("plan-date"), t.t("gad7-total"), t.t("gad7-band")], &rows);
    }
    s.entries = entries;
    s
}

/// The goals section (LOINC 61146-7).
pub(crate) fn goals_section(t: &Texts, summary: &Summary, show_notes: bool, entries: Vec<String>) -> Section {
    if summary.hidden.contains(&Hideable::Goals) {
        return Section::withheld(t, "section-goals", SECTION_GOALS);
    }
    let mut s = Section::new(t, "section-goals", SECTION_GOALS);
    if summary.goals.is_empty() {
        s.text.p(&t.t("goal-none"));
    }
    let rows: Vec<Vec<String>> = summary
        .goals
        .iter()
        .map(|g| {
            let reviews: Vec<String> = g
                .reviews
                .iter()
                .map(|r| {
                    let mut line = format!(
                        "{}: {}, {}",
                        t.date(r.date),
                        t.t_args(
                            "gas-score",
                            &[("score", Arg::Str(t.gas(r.gas))), ("label", Arg::Str(t.gas_label(r.gas)))]
                        ),
                        t.t(&format!("review-decision-{}", r.decision))
                    );
                    if let Some(n) = r.note.as_deref().filter(|_| show_notes) {
                        line.push_str(&format!(" – {n}"));
                    }
                    line
                })
                .collect();
            vec![
                g.what_matters.clone(),
                t.goal_kind(&g.kind),
                t.goal_status(g.status),
                g.review_on.map(|d| t.date(d)).unwrap_or_default(),
                if reviews.is_empty() { t.t("fhir-no-review") } else { reviews.join("; ") },
            ]
        })
        .collect();
    s.text.table(
        &[
            t.t("goal-what-matters"),
            t.t("goal-kind"),
            t.t("goal-status"),
            t.t("fhir-col-next-review"),
            t.t("review"),
        ],
        &rows,
    );
    if summary.hidden_goals > 0 {
        s.text.p(&t.t_args("fhir-goals-hidden", &[("n", Arg::from(summary.hidden_goals))]));
    }
    s.entries = entries;
    s
}

/// The questions for the appointment, when any and not hidden.
pub(crate) fn questions_section(t: &Texts, summary: &Summary) -> Option<Section> {
    if summary.hidden.contains(&Hideable::Questions) {
        return Some(Section::withheld(t, "section-questions", SECTION_QUESTIONS));
    }
    if summary.questions.is_empty() {
        return None;
    }
    let mut s = Section::new(t, "section-questions", SECTION_QUESTIONS);
    s.text.p(&t.t("fhir-questions-intro"));
    let items: Vec<String> =
        summary.questions.iter().map(|q| format!("{}: {}", t.date(q.date), q.text)).collect();
    s.text.ul(&items);
    Some(s)
}

/// A note the patient wrote, kept for the notes section.
pub(crate) struct NoteRow {
    pub date: chrono::NaiveDate,
    pub on: crate::domain::EntryKind,
    pub text: String,
    pub url: String,
}

/// The patient's notes on the exported entries, when any.
pub(crate) fn notes_section(t: &Texts, mut notes: Vec<NoteRow>) -> Option<Section> {
    if notes.is_empty() {
        return None;
    }
    let mut s = Section::new(t, "section-notes", SECTION_NOTES);
    notes.sort_by_key(|n| n.date);
    let rows: Vec<Vec<String>> =
        notes.iter().map(|n| vec![t.date(n.date), t.entry_kind(n.on), n.text.clone()]).collect();
    s.text.table(&[t.t("plan-date"), t.t("fhir-col-on"), t.t("section-notes")], &rows);
    s.entries = notes.iter().map(|n| n.url.clone()).collect();
    s.entries.dedup();
    Some(s)
}

/// What the patient left out, and the diary check's finding; never silent.
pub(crate) fn left_out_section(t: &Texts, summary: &Summary, show_np: bool, show_notes: bool) -> Section {
    let mut s = Section::new(t, "section-left-out", SECTION_LEFT_OUT);
    let mut parts: Vec<Hideable> = Vec::new();
    if !show_np {
        parts.push(Hideable::NonPrescribed);
    }
    if !show_notes {
        parts.push(Hideable::Notes);
    }
    for h in &summary.hidden {
        if !parts.iter().any(|p| p.key() == h.key()) {
            parts.push(*h);
        }
    }
    let mut items: Vec<String> = parts.into_iter().map(|h| t.hideable(h)).collect();
    if summary.hidden_goals > 0 {
        items.push(t.t_args("hideable-goal", &[("n", Arg::from(summary.hidden_goals))]));
    }
    let check = &summary.integrity;
    if !check.ok {
        // Never silent: the diary check's finding, before anything else in this section.
        s.text.p(&t.t_args(
            "fhir-integrity",
            &[
                ("unreadable", Arg::from(check.unreadable_entries)),
                ("missing", Arg::from(check.missing_entries)),
                ("unexpected", Arg::from(check.unexpected_entries)),
                ("unchecked", Arg::from(u8::from(check.unchecked))),
            ],
        ));
    }
    if items.is_empty() {
        s.text.p(&t.t("fhir-left-out-nothing"));
    } else {
        s.text.p(&t.t_args("fhir-left-out-intro", &[("n", Arg::from(items.len()))]));
        s.text.ul(&items);
    }
    s
}
