//! Forms described by the core: for each kind of entry, its fields in order, which are required,
//! the range, step and unit of each, the labels and help in the patient's language, and the values
//! to start from. A shell draws the controls and sends back an `EntryDraft`; it never restates a
//! rule, a range or a question's wording. The validation that decides stays in the domain types —
//! the ranges here are what those checks accept, so a control can stop a typo before it is sent.

use chrono::Days;
use serde::Serialize;

use super::words::Words;
use crate::domain::dose::{MAX_DOSE_MG, MAX_NOTE_CHARS, MAX_TABLETS, MIN_DOSE_MG};
use crate::domain::goal::{MAX_QUESTION_CHARS, MAX_WHY_CHARS};
use crate::domain::taper::tail::{MAX_MG_PER_ML, MAX_MIN_ML, MAX_STEP_MG, MIN_RESOLUTION_MG};
use crate::domain::taper::{MAX_AGREED_WITH_CHARS, MAX_INTERVAL_DAYS, MAX_PERCENT};
use crate::domain::{
    Diary, DoseDraft, EntryBody, EntryDraft, EntryKind, EquivalenceTable, Field, GoalType, Keyed, Pace,
    Proposer, ReviewDecision, SleepDraft, SleepQuality, Split,
};
use crate::i18n::Arg;

/// One choice of a picker: the key sent back, the words shown.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Choice {
    /// Stable key (the value's `Keyed` key, or the number for a scale).
    pub key: String,
    /// What the patient reads.
    pub label: String,
}

/// What control a field needs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "type")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Input {
    /// Free text, at most `max_chars` characters.
    Text { max_chars: u32, multiline: bool },
    /// A decimal number in `min..=max`, in steps of `step` (¼ for tablets).
    Number { min: f64, max: f64, step: f64 },
    /// A whole number in `min..=max`.
    Whole { min: i64, max: i64 },
    /// A calendar date.
    Date,
    /// A clock time.
    Time,
    /// A date and clock time (left empty: now).
    Instant,
    /// Several clock times (a medicine's usual times).
    Times,
    /// On or off.
    Toggle,
    /// A medicine or brand name: the picker searches the catalogue (`search_catalogue`).
    Drug,
    /// One of the patient's medicines.
    Medicine,
    /// One of the patient's goals.
    Goal,
    /// One of a few values.
    Pick { choices: Vec<Choice> },
    /// A scale from `min` to `max`, anchored in words at both ends; no value is pre-selected.
    Scale { min: i64, max: i64, min_label: String, max_label: String },
    /// A questionnaire: one stem, the items, the same answers for each (GAD-7).
    Items { stem: String, items: Vec<String>, answers: Vec<Choice> },
}

/// One field of a form.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FormField {
    /// The field, as errors name it: a refused value is shown next to this field.
    pub field: Field,
    /// The label or question.
    pub label: String,
    /// A line of help under it, when there is one.
    pub help: Option<String>,
    /// True when the form cannot be saved without it.
    pub required: bool,
    /// The control.
    pub input: Input,
    /// The unit shown beside the value ("mg", "tablets", "min").
    pub unit: Option<String>,
}

/// A whole form.
#[derive(Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FormView {
    /// Which kind of entry it makes.
    pub kind: EntryKind,
    /// The form's title.
    pub title: String,
    /// Fields in the order shown.
    pub fields: Vec<FormField>,
    /// The values to start from: the last entry of this kind with its time cleared (or, to edit,
    /// the entry itself); `None` for a blank form. Anxiety and the GAD-7 always start blank, so no
    /// answer is suggested.
    #[serde(skip)]
    pub prefill: Option<EntryDraft>,
    /// "required", "optional", "Save", "Cancel".
    pub required_text: String,
    pub optional_text: String,
    pub save: String,
    pub cancel: String,
}

crate::domain::redacted_debug!(FormView);

/// The form for a new entry of `kind`, started from the last entry of that kind where that helps
/// (a dose, a night); `None` for the settings, which are changed one at a time.
pub(crate) fn new_entry(
    kind: EntryKind,
    diary: &Diary,
    today: chrono::NaiveDate,
    w: &Words<'_>,
) -> Option<FormView> {
    let last = || diary.iter().rev().find(|e| e.body.kind() == kind).and_then(|e| e.body.draft());
    let prefill = match kind {
        EntryKind::Dose => last().map(|d| match d {
            EntryDraft::Dose(d) => {
                EntryDraft::Dose(DoseDraft { taken_at: None, note: None, medicine: None, ..d })
            }
            other => other,
        }),
        EntryKind::Sleep => Some(EntryDraft::Sleep(match last() {
            Some(EntryDraft::Sleep(s)) => {
                SleepDraft { night: today.checked_sub_days(Days::new(1)), note: None, ..s }
            }
            _ => SleepDraft { night: today.checked_sub_days(Days::new(1)), ..SleepDraft::default() },
        })),
        EntryKind::Settings => return None,
        _ => None,
    };
    Some(describe(kind, prefill, w))
}

/// The form to edit an entry, filled with its values.
pub(crate) fn edit(body: &EntryBody, w: &Words<'_>) -> Option<FormView> {
    let draft = body.draft()?;
    Some(describe(body.kind(), Some(draft), w))
}

fn describe(kind: EntryKind, prefill: Option<EntryDraft>, w: &Words<'_>) -> FormView {
    let f = Fields { w };
    let fields = match kind {
        EntryKind::Dose => vec![
            f.drug(),
            f.number(Field::Mg, false, MIN_DOSE_MG, MAX_DOSE_MG, 0.001, "form-unit-mg"),
            f.help(
                f.number(Field::Tablets, false, 0.25, MAX_TABLETS, 0.25, "form-unit-tablets"),
                "field-tablets-help",
            ),
            f.help(
                f.number(Field::StrengthMg, false, MIN_DOSE_MG, MAX_DOSE_MG, 0.001, "form-unit-mg"),
                "field-strength-mg-help",
            ),
            f.plain(Field::TakenAt, false, Input::Instant),
            f.help(f.plain(Field::NonPrescribed, false, Input::Toggle), "field-non-prescribed-help"),
            f.note(),
        ],
        EntryKind::Sleep => vec![
            f.plain(Field::Night, true, Input::Date),
            f.question(Field::InBed, "csd-in-bed", false, Input::Time),
            f.question(Field::TriedToSleep, "csd-tried-to-sleep", false, Input::Time),
            f.question(Field::LatencyMin, "csd-latency", false, Input::Whole { min: 0, max: 24 * 60 })
                .unit(w, "form-unit-minutes"),
            f.question(Field::Awakenings, "csd-awakenings", false, Input::Whole { min: 0, max: 99 }),
            f.question(Field::WasoMin, "csd-waso", false, Input::Whole { min: 0, max: 24 * 60 })
                .unit(w, "form-unit-minutes"),
            f.question(Field::FinalAwakening, "csd-final-awakening", false, Input::Time),
            f.question(Field::OutOfBed, "csd-out-of-bed", false, Input::Time),
            f.question(Field::Hours, "csd-hours", false, Input::Number { min: 0.0, max: 24.0, step: 0.25 })
                .unit(w, "form-unit-hours"),
            f.question(
                Field::Quality,
                "csd-quality",
                true,
                Input::Pick {
                    choices: (1..=5)
                        .filter_map(|s| SleepQuality::from_score(s).ok())
                        .map(|q| Choice { key: q.score().to_string(), label: w.t.sleep_quality(q) })
                        .collect(),
                },
            ),
            f.note(),
        ],
        EntryKind::Anxiety => vec![
            f.help(
                f.question(
                    Field::Score,
                    "anxiety-question",
                    true,
                    Input::Scale {
                        min: 0,
                        max: 10,
                        min_label: w.w("anxiety-min"),
                        max_label: w.w("anxiety-max"),
                    },
                ),
                "anxiety-help",
            ),
            f.plain(Field::At, false, Input::Instant),
            f.note(),
        ],
        EntryKind::Gad7 => vec![
            f.plain(
                Field::Items,
                true,
                Input::Items {
                    stem: w.w("gad7-stem"),
                    items: (1..=7).map(|i| w.w(&format!("gad7-item-{i}"))).collect(),
                    answers: (0..=3)
                        .map(|a| Choice { key: a.to_string(), label: w.w(&format!("gad7-answer-{a}")) })
                        .collect(),
                },
            ),
            f.plain(Field::At, false, Input::Instant),
        ],
        EntryKind::Goal => vec![
            f.help(f.plain(Field::WhatMatters, true, f.text(MAX_WHY_CHARS, true)), "field-what-matters-help"),
            f.pick(Field::Kind, true, GoalType::ALL, |g| w.w(&format!("goal-type-{}", g.key()))),
            f.plain(Field::Drug, false, Input::Drug),
            f.number(Field::TargetMg, false, MIN_DOSE_MG, MAX_DOSE_MG, 0.001, "form-unit-mg"),
            f.plain(Field::Due, false, Input::Date),
            f.plain(Field::ReviewOn, false, Input::Date),
            f.pick(Field::ProposedBy, true, Proposer::ALL, |p| w.w(&format!("proposer-{}", p.key()))),
            f.plain(Field::AgreedWith, false, f.text(MAX_AGREED_WITH_CHARS, false)),
            f.plain(Field::SetAt, false, Input::Instant),
        ],
        EntryKind::Review => vec![
            f.plain(Field::Goal, true, Input::Goal),
            f.pick_keys(
                Field::Gas,
                true,
                (-2..=2).map(|g: i8| Choice { key: g.to_string(), label: w.t.gas(g) }).collect(),
            ),
            f.pick(Field::Decision, true, ReviewDecision::ALL, |d| w.decision(d)),
            f.plain(Field::NextReview, false, Input::Date),
            f.plain(Field::At, false, Input::Instant),
            f.note(),
        ],
        EntryKind::Plan => vec![
            f.plain(Field::Drug, true, Input::Drug),
            f.number(Field::StartMg, true, MIN_DOSE_MG, MAX_DOSE_MG, 0.001, "form-unit-mg"),
            f.plain(Field::Start, false, Input::Date),
            f.number(Field::Percent, false, 0.1, MAX_PERCENT, 0.1, "form-unit-percent"),
            f.plain(Field::IntervalDays, false, Input::Whole { min: 1, max: i64::from(MAX_INTERVAL_DAYS) })
                .unit(w, "form-unit-days"),
            f.number(Field::Strengths, false, MIN_DOSE_MG, MAX_DOSE_MG, 0.001, "form-unit-mg"),
            f.pick(Field::Split, false, Split::ALL, |s| w.w(&format!("split-{}", s.key()))),
            f.number(Field::FloorMg, false, 0.0, MAX_DOSE_MG, 0.001, "form-unit-mg"),
            f.pick(Field::Pace, false, Pace::ALL, |p| w.t.pace(p)),
            f.plain(Field::SwitchFrom, false, Input::Drug),
            f.number(Field::SwitchFromMg, false, MIN_DOSE_MG, MAX_DOSE_MG, 0.001, "form-unit-mg"),
            f.pick(Field::SwitchTable, false, EquivalenceTable::ALL, |t| w.t.table_name(t)),
            f.plain(Field::SwitchAgreedWith, false, f.text(MAX_AGREED_WITH_CHARS, false)),
            f.number(
                Field::TailMgPerMl,
                false,
                MIN_RESOLUTION_MG,
                MAX_MG_PER_ML,
                0.001,
                "form-unit-mg-per-ml",
            ),
            f.number(Field::TailMinMl, false, MIN_RESOLUTION_MG, MAX_MIN_ML, 0.01, "form-unit-ml"),
            f.number(Field::TailStepMg, false, MIN_RESOLUTION_MG, MAX_STEP_MG, 0.001, "form-unit-mg"),
        ],
        EntryKind::Question => vec![
            f.plain(Field::Text, true, f.text(MAX_QUESTION_CHARS, true)),
            f.plain(Field::Discussed, false, Input::Toggle),
            f.plain(Field::At, false, Input::Instant),
        ],
        EntryKind::Medicine => vec![
            f.drug(),
            f.number(Field::Mg, false, MIN_DOSE_MG, MAX_DOSE_MG, 0.001, "form-unit-mg"),
            f.help(
                f.number(Field::Tablets, false, 0.25, MAX_TABLETS, 0.25, "form-unit-tablets"),
                "field-tablets-help",
            ),
            f.help(
                f.number(Field::StrengthMg, false, MIN_DOSE_MG, MAX_DOSE_MG, 0.001, "form-unit-mg"),
                "field-strength-mg-help",
            ),
            f.plain(Field::Times, false, Input::Times),
            f.plain(Field::AsNeeded, false, Input::Toggle),
            f.help(f.plain(Field::NonPrescribed, false, Input::Toggle), "field-non-prescribed-help"),
            f.plain(Field::From, false, Input::Date),
        ],
        EntryKind::Skip => vec![
            f.plain(Field::Medicine, true, Input::Medicine),
            f.plain(Field::At, false, Input::Instant),
            f.note(),
        ],
        EntryKind::Settings => vec![],
    };
    FormView {
        kind,
        title: w.w(&format!("form-{}", kind.key())),
        fields,
        prefill,
        required_text: w.w("form-required"),
        optional_text: w.w("form-optional"),
        save: w.w("action-save"),
        cancel: w.w("action-cancel"),
    }
}

/// Builds fields with the words of one language.
struct Fields<'a, 'b> {
    w: &'a Words<'b>,
}

impl Fields<'_, '_> {
    fn plain(&self, field: Field, required: bool, input: Input) -> FormField {
        FormField { field, label: self.w.field(field), help: None, required, input, unit: None }
    }

    /// A field whose label is a question of an instrument (the sleep diary, the anxiety rating).
    fn question(&self, field: Field, id: &str, required: bool, input: Input) -> FormField {
        FormField { label: self.w.w(id), ..self.plain(field, required, input) }
    }

    fn help(&self, field: FormField, id: &str) -> FormField {
        FormField { help: Some(self.w.w(id)), ..field }
    }

    fn number(&self, field: Field, required: bool, min: f64, max: f64, step: f64, unit: &str) -> FormField {
        self.plain(field, required, Input::Number { min, max, step }).unit(self.w, unit)
    }

    fn text(&self, max_chars: usize, multiline: bool) -> Input {
        Input::Text { max_chars: u32::try_from(max_chars).unwrap_or(u32::MAX), multiline }
    }

    fn note(&self) -> FormField {
        self.plain(Field::Note, false, self.text(MAX_NOTE_CHARS, true))
    }

    fn drug(&self) -> FormField {
        self.help(self.plain(Field::Drug, true, Input::Drug), "field-drug-help")
    }

    fn pick<T: Keyed>(
        &self,
        field: Field,
        required: bool,
        all: &[T],
        label: impl Fn(T) -> String,
    ) -> FormField {
        let choices = all.iter().map(|&v| Choice { key: v.key().to_owned(), label: label(v) }).collect();
        self.pick_keys(field, required, choices)
    }

    fn pick_keys(&self, field: Field, required: bool, choices: Vec<Choice>) -> FormField {
        self.plain(field, required, Input::Pick { choices })
    }
}

impl FormField {
    fn unit(self, w: &Words<'_>, id: &str) -> FormField {
        FormField { unit: Some(w.wa(id, &[("n", Arg::Int(2))])), ..self }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Entry, EntryId, Lang};
    use crate::i18n::Texts;
    use chrono::DateTime;

    #[test]
    fn every_kind_has_a_titled_form_whose_fields_have_words_in_every_language() {
        for &lang in Lang::ALL {
            let t = Texts::new(lang);
            let w = Words::new(&t);
            for &kind in EntryKind::ALL.iter().filter(|k| **k != EntryKind::Settings) {
                let form = describe(kind, None, &w);
                assert!(!form.title.is_empty() && !form.title.starts_with("form-"), "{lang} {kind:?}");
                assert!(form.fields.iter().any(|f| f.required), "{lang} {kind:?} has a required field");
                for field in &form.fields {
                    assert!(
                        !field.label.is_empty() && !field.label.contains("field-"),
                        "{lang} {:?}",
                        field.field
                    );
                    if let Input::Pick { choices } = &field.input {
                        assert!(choices.iter().all(|c| !c.label.is_empty()), "{lang} {:?}", field.field);
                    }
                }
            }
        }
    }

    #[test]
    fn the_dose_form_starts_from_the_last_dose_and_the_anxiety_form_from_nothing() {
        let now = DateTime::parse_from_rfc3339("2026-03-10T21:00:00+01:00").unwrap();
        let dose = EntryDraft::Dose(DoseDraft {
            drug: "Loramet".into(),
            tablets: Some(1.5),
            strength_mg: Some(1.0),
            note: Some("late".into()),
            ..DoseDraft::default()
        });
        let anxiety = EntryDraft::Anxiety { at: None, score: 7, note: None };
        let diary = Diary::from_entries(
            [dose, anxiety].map(|d| Entry { id: EntryId::new(), body: d.validate(now, |_| false).unwrap() }),
        );
        let t = Texts::new(Lang::En);
        let w = Words::new(&t);
        let today = now.date_naive();
        let Some(EntryDraft::Dose(prefill)) = new_entry(EntryKind::Dose, &diary, today, &w).unwrap().prefill
        else {
            panic!("a dose prefill")
        };
        assert_eq!(
            (prefill.drug.as_str(), prefill.tablets, prefill.strength_mg),
            ("Loramet", Some(1.5), Some(1.0)),
            "the name the patient typed last time (the dose keeps it), not the INN"
        );
        assert_eq!((prefill.taken_at, prefill.note), (None, None));
        let anxiety = new_entry(EntryKind::Anxiety, &diary, today, &w).unwrap();
        assert_eq!(anxiety.prefill, None);
        let scale = &anxiety.fields[0];
        assert_eq!(scale.label, "Overall, how anxious have you felt today?");
        assert!(matches!(&scale.input, Input::Scale { min: 0, max: 10, .. }));
        assert!(new_entry(EntryKind::Settings, &diary, today, &w).is_none());
    }
}
