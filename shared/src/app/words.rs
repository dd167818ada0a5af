//! The app's sentences in the patient's language: doses, nights, entries, medicines, refusals.
//! Every view the shells render takes its words from here (through the Fluent files), so no shell
//! writes a patient-facing word of its own and every shell says the same thing.

use chrono::NaiveTime;

use crate::domain::{
    count_text, Amount, Diary, Dose, EntryBody, Expected, Field, Keyed, Medicine, MgRange, Problem, Regimen,
    ReviewDecision, Rule, Substance, Use, ValidationError,
};
use crate::i18n::{Arg, Texts};

/// The patient's words, bound to the table their figures use.
pub(crate) struct Words<'a> {
    pub t: &'a Texts,
}

/// A clock time as shown everywhere: `22:30`.
pub(crate) fn clock(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

impl<'a> Words<'a> {
    pub fn new(t: &'a Texts) -> Self {
        Self { t }
    }

    /// A message without arguments.
    pub fn w(&self, id: &str) -> String {
        self.t.t(id)
    }

    /// A message with arguments.
    pub fn wa(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.t.t_args(id, args)
    }

    /// "¾ × 2 mg (1.5 mg)", "2 mg", "1 tablet, strength unknown" — never a made-up mg.
    pub fn amount(&self, mg: Option<f64>, tablets: Option<f64>) -> String {
        match (tablets, mg) {
            (Some(n), Some(mg)) if n > 0.0 => self.wa(
                "line-amount-tablets",
                &[
                    ("count", Arg::Str(count_text(n))),
                    ("strength", Arg::Str(self.t.mg(mg / n))),
                    ("dose", Arg::Str(self.t.mg(mg))),
                ],
            ),
            (Some(n), None) => self.wa(
                "line-amount-unknown-strength",
                &[("n", Arg::Int(if n <= 1.0 { 1 } else { 2 })), ("count", Arg::Str(count_text(n)))],
            ),
            (_, Some(mg)) => self.t.mg(mg),
            (None, None) => self.w("line-amount-unknown"),
        }
    }

    /// An [`Amount`] as the patient counts it.
    pub fn amount_of(&self, a: Amount) -> String {
        self.amount(a.mg(), a.tablets())
    }

    /// "prescribed" / "non-prescribed".
    pub fn use_label(&self, use_: Use) -> String {
        self.w(match use_ {
            Use::Prescribed => "line-use-prescribed",
            Use::NonPrescribed => "line-use-non-prescribed",
        })
    }

    /// "DE 7.5–15 mg", or "DE unknown".
    pub fn de(&self, de: Option<MgRange>) -> String {
        match de {
            Some(r) => self.wa("line-de", &[("range", Arg::Str(self.t.mg_range_of(r)))]),
            None => self.w("line-de-unknown"),
        }
    }

    /// The substance's name: the molecule in this language, or "unknown substance".
    pub fn substance(&self, s: Substance) -> String {
        match s {
            Substance::Known(m) => self.t.molecule(m),
            Substance::Unknown => self.w("unknown-substance"),
        }
    }

    /// " — “note”" or nothing.
    pub fn note(&self, note: Option<&str>) -> String {
        note.map(|n| format!(" {}", self.wa("line-note", &[("note", n.into())]))).unwrap_or_default()
    }

    /// One dose: "lormetazepam ¾ × 2 mg (1.5 mg), prescribed, DE 7.5–15 mg".
    pub fn dose(&self, d: &Dose, table: crate::domain::EquivalenceTable) -> String {
        let mut line = self.wa(
            "line-dose",
            &[
                ("drug", Arg::Str(self.substance(d.substance))),
                ("amount", Arg::Str(self.amount_of(d.amount))),
                ("use", Arg::Str(self.use_label(d.use_))),
                ("de", Arg::Str(self.de(d.diazepam_equivalent(table)))),
            ],
        );
        if d.planned {
            line.push(' ');
            line.push_str(&self.w("line-planned"));
        }
        line
    }

    /// "22:30, 07:00", or "as needed".
    pub fn times(&self, times: &[NaiveTime]) -> String {
        if times.is_empty() {
            return self.w("times-as-needed");
        }
        times.iter().map(|t| clock(*t)).collect::<Vec<_>>().join(", ")
    }

    /// A regimen: "½ × 10 mg (5 mg), 22:30".
    pub fn regimen(&self, r: &Regimen) -> String {
        self.wa(
            "medicine-usual",
            &[("amount", Arg::Str(self.amount_of(r.amount))), ("times", Arg::Str(self.times(&r.times)))],
        )
    }

    /// A medicine on the list: "Stilnoct (zolpidem) ½ × 10 mg (5 mg), 22:30, prescribed".
    pub fn medicine(&self, m: &Medicine) -> String {
        let r = m.current();
        let mut line = self.wa(
            "line-medicine",
            &[
                ("name", Arg::Str(m.name.clone())),
                ("molecule", Arg::Str(self.t.molecule(m.molecule))),
                ("amount", Arg::Str(self.amount_of(r.amount))),
                ("times", Arg::Str(self.times(&r.times))),
                ("use", Arg::Str(self.use_label(m.use_))),
            ],
        );
        if let Some(d) = m.stopped {
            line.push(' ');
            line.push_str(&self.wa("line-medicine-stopped", &[("date", Arg::Str(self.t.date(d)))]));
        }
        line
    }

    /// A GAS decision: "keep", "adjust", "change".
    pub fn decision(&self, d: ReviewDecision) -> String {
        self.w(&format!("decision-{}", d.key()))
    }

    /// What an entry says, in one line, for a history list.
    pub fn entry(&self, body: &EntryBody, diary: &Diary, table: crate::domain::EquivalenceTable) -> String {
        let t = self.t;
        match body {
            EntryBody::Dose(d) => format!("{}{}", self.dose(d, table), self.note(d.note.as_deref())),
            EntryBody::Sleep(s) => {
                let mut parts = vec![];
                let quality = self.wa(
                    "today-quality",
                    &[
                        ("score", Arg::Int(i64::from(s.quality.score()))),
                        ("label", Arg::Str(t.sleep_quality(s.quality))),
                    ],
                );
                match s.total_sleep_min() {
                    Some(min) => parts.push(self.wa(
                        "line-sleep",
                        &[
                            ("hours", Arg::Str(t.hours(min as f64 / 60.0))),
                            ("score", Arg::Int(i64::from(s.quality.score()))),
                            ("label", Arg::Str(t.sleep_quality(s.quality))),
                        ],
                    )),
                    None => parts.push(quality),
                }
                if let (Some(a), Some(b)) = (s.in_bed, s.out_of_bed) {
                    parts.push(
                        self.wa("line-sleep-in-bed", &[("from", clock(a).into()), ("to", clock(b).into())]),
                    );
                }
                if let Some(l) = s.latency_min {
                    parts.push(self.wa("line-sleep-latency", &[("minutes", Arg::Int(i64::from(l)))]));
                }
                let mut awakenings = s
                    .awakenings
                    .map(|a| self.wa("line-sleep-awakenings", &[("n", Arg::Int(i64::from(a)))]))
                    .unwrap_or_default();
                if let Some(w) = s.waso_min {
                    let waso = self.wa("line-sleep-waso", &[("minutes", Arg::Int(i64::from(w)))]);
                    awakenings = if awakenings.is_empty() { waso } else { format!("{awakenings} {waso}") };
                }
                if !awakenings.is_empty() {
                    parts.push(awakenings);
                }
                if let Some(e) = s.efficiency_percent() {
                    parts.push(
                        self.wa("line-sleep-efficiency", &[("percent", Arg::Str(t.percent(e.round())))]),
                    );
                }
                format!("{}{}", parts.join(", "), self.note(s.note.as_deref()))
            }
            EntryBody::Anxiety(a) => {
                format!(
                    "{}{}",
                    self.wa("line-anxiety", &[("score", Arg::Int(i64::from(a.score)))]),
                    self.note(a.note.as_deref())
                )
            }
            EntryBody::Gad7(g) => {
                let items: Vec<String> = g.items.iter().map(u8::to_string).collect();
                self.wa(
                    "line-gad7",
                    &[
                        ("total", Arg::Int(i64::from(g.total()))),
                        ("band", Arg::Str(t.gad7_band(g.band()))),
                        ("items", Arg::Str(items.join(","))),
                    ],
                )
            }
            EntryBody::Goal(g) => self.wa(
                "line-goal",
                &[("goal", Arg::Str(t.goal_kind(&g.kind))), ("words", Arg::Str(g.what_matters.clone()))],
            ),
            EntryBody::Review(r) => format!(
                "{}{}",
                self.wa(
                    "line-review",
                    &[
                        ("goal", Arg::Str(r.goal.short())),
                        ("gas", Arg::Str(format!("{:+}", r.gas))),
                        ("label", Arg::Str(t.gas_label(r.gas))),
                        ("decision", Arg::Str(self.decision(r.decision))),
                    ],
                ),
                self.note(r.note.as_deref())
            ),
            EntryBody::Question(q) => {
                let mut line = self.wa("line-question", &[("text", Arg::Str(q.text.clone()))]);
                if q.discussed {
                    line.push(' ');
                    line.push_str(&self.w("line-question-discussed"));
                }
                line
            }
            EntryBody::Plan(p) => {
                let mut line = self.wa(
                    "line-plan",
                    &[
                        ("molecule", Arg::Str(t.molecule(p.molecule))),
                        ("dose", Arg::Str(t.mg(p.start_mg))),
                        ("percent", Arg::Str(t.percent(p.percent))),
                        ("days", Arg::Int(i64::from(p.interval_days))),
                    ],
                );
                match (&p.ended, p.is_holding()) {
                    (Some(end), _) => {
                        line.push(' ');
                        line.push_str(&self.wa("line-plan-ended", &[("date", Arg::Str(t.date(end.on)))]));
                    }
                    (None, true) => {
                        line.push(' ');
                        line.push_str(&self.w("line-plan-holding"));
                    }
                    (None, false) => {}
                }
                line
            }
            EntryBody::Medicine(m) => self.medicine(m),
            EntryBody::Skip(s) => {
                let line = match diary.get(s.medicine).map(|e| &e.body) {
                    Some(EntryBody::Medicine(m)) => {
                        self.wa("line-skip", &[("name", Arg::Str(m.name.clone()))])
                    }
                    _ => self.w("line-skip-unknown"),
                };
                format!("{line}{}", self.note(s.note.as_deref()))
            }
            EntryBody::Settings(s) => self.wa("line-settings", &[("time", Arg::Str(clock(s.day_start)))]),
        }
    }

    /// The label of a field, as a form shows it.
    pub fn field(&self, field: Field) -> String {
        match field {
            Field::Item { number } => self.wa("field-item", &[("number", Arg::Int(i64::from(number)))]),
            other => self.w(&format!("field-{}", other.key().replace('_', "-"))),
        }
    }

    /// Why a value was refused, in plain words, naming the field.
    pub fn refusal(&self, e: &ValidationError) -> String {
        let field = Arg::Str(self.field(e.field));
        match &e.problem {
            Problem::NotPositive => self.wa("problem-not-positive", &[("field", field)]),
            Problem::Negative => self.wa("problem-negative", &[("field", field)]),
            Problem::NotANumber => self.wa("problem-not-a-number", &[("field", field)]),
            Problem::TooLarge { max } => {
                self.wa("problem-too-large", &[("field", field), ("max", Arg::Str(self.t.number(*max, 3)))])
            }
            Problem::TooSmall { min } => {
                self.wa("problem-too-small", &[("field", field), ("min", Arg::Str(self.t.number(*min, 3)))])
            }
            Problem::OutOfRange { min, max } => self.wa(
                "problem-out-of-range",
                &[("field", field), ("min", Arg::Int(*min)), ("max", Arg::Int(*max))],
            ),
            Problem::InFuture => self.wa("problem-in-future", &[("field", field)]),
            Problem::TooOld => self.wa("problem-too-old", &[("field", field)]),
            Problem::TooLong { max } => {
                self.wa("problem-too-long", &[("field", field), ("max", Arg::Int(i64::from(*max)))])
            }
            Problem::Required => self.wa("problem-required", &[("field", field)]),
            Problem::NotAQuarter => self.w("problem-not-a-quarter"),
            Problem::UnknownDrug { name } => {
                self.wa("problem-unknown-drug", &[("name", Arg::Str(name.clone()))])
            }
            Problem::NoSuchEntry => self.w("problem-no-such-entry"),
            Problem::Inconsistent { rule } => {
                self.wa("problem-inconsistent", &[("field", field), ("rule", Arg::Str(self.rule(*rule)))])
            }
            Problem::NotAllowed { rule } => {
                self.wa("problem-not-allowed", &[("field", field), ("rule", Arg::Str(self.rule(*rule)))])
            }
            Problem::Unreadable { text, expected } => self.wa(
                "problem-unreadable",
                &[("text", Arg::Str(text.clone())), ("expected", Arg::Str(self.expected(*expected)))],
            ),
            Problem::SleepDisagrees { reported_min, items_min, window_min, awake_min } => {
                let h = |m: &u16| Arg::Str(self.t.number(f64::from(*m) / 60.0, 2));
                self.wa(
                    "problem-sleep-disagrees",
                    &[
                        ("reported", h(reported_min)),
                        ("items", h(items_min)),
                        ("window", h(window_min)),
                        ("awake", Arg::Int(i64::from(*awake_min))),
                    ],
                )
            }
            Problem::SkippedByClocks { text } => {
                self.wa("problem-skipped-by-clocks", &[("text", Arg::Str(text.clone()))])
            }
        }
    }

    fn rule(&self, rule: Rule) -> String {
        self.w(&format!("rule-{}", kebab(&format!("{rule:?}"))))
    }

    fn expected(&self, e: Expected) -> String {
        let name = match e {
            Expected::Gad7Items { .. } => "Gad7Items".to_owned(),
            other => format!("{other:?}"),
        };
        self.w(&format!("expected-{}", kebab(&name)))
    }
}

/// `BeforeTheReview` → `before-the-review`, `Gad7Items` → `gad7-items`.
fn kebab(camel: &str) -> String {
    let mut out = String::new();
    for (i, c) in camel.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Lang;

    #[test]
    fn every_field_rule_and_expectation_has_words_in_every_language() {
        let fields = [
            Field::Id,
            Field::GoalId,
            Field::Kind,
            Field::Now,
            Field::From,
            Field::To,
            Field::On,
            Field::Reason,
            Field::Plan,
            Field::Goal,
            Field::Status,
            Field::Decision,
            Field::Drug,
            Field::Mg,
            Field::Tablets,
            Field::StrengthMg,
            Field::TakenAt,
            Field::At,
            Field::Note,
            Field::Night,
            Field::Hours,
            Field::Quality,
            Field::LatencyMin,
            Field::Awakenings,
            Field::WasoMin,
            Field::InBed,
            Field::TriedToSleep,
            Field::FinalAwakening,
            Field::OutOfBed,
            Field::Score,
            Field::Items,
            Field::Item { number: 3 },
            Field::SetAt,
            Field::WhatMatters,
            Field::TargetMg,
            Field::Due,
            Field::ReviewOn,
            Field::AgreedWith,
            Field::ProposedBy,
            Field::Discussed,
            Field::NonPrescribed,
            Field::Gas,
            Field::NextReview,
            Field::Text,
            Field::StartMg,
            Field::Start,
            Field::Percent,
            Field::IntervalDays,
            Field::Strengths,
            Field::Split,
            Field::FloorMg,
            Field::Pace,
            Field::SwitchFrom,
            Field::SwitchFromMg,
            Field::SwitchTable,
            Field::SwitchAgreedWith,
            Field::TailMgPerMl,
            Field::TailMinMl,
            Field::TailStepMg,
            Field::Table,
            Field::Format,
            Field::Language,
            Field::Exclude,
            Field::Medicine,
            Field::Times,
            Field::AsNeeded,
            Field::DayStart,
            Field::CheckIn,
            Field::Days,
            Field::Country,
            Field::Setting,
            Field::Date,
            Field::Time,
            Field::Instant,
            Field::PatientName,
            Field::BirthDate,
        ];
        for &lang in Lang::ALL {
            let t = Texts::new(lang);
            let w = Words::new(&t);
            for f in fields {
                let id = match f {
                    Field::Item { .. } => "field-item".to_owned(),
                    other => format!("field-{}", other.key().replace('_', "-")),
                };
                assert!(t.has(&id), "{lang}: {id}");
                assert!(!w.field(f).is_empty());
            }
            for rule in crate::domain::error::ALL_RULES {
                let id = format!("rule-{}", kebab(&format!("{rule:?}")));
                assert!(t.has(&id), "{lang}: {id}");
            }
            let e = ValidationError::new(Field::Score, Problem::OutOfRange { min: 0, max: 10 });
            assert!(w.refusal(&e).contains("10"), "{lang}");
        }
        let en = Texts::new(Lang::En);
        let w = Words::new(&en);
        assert_eq!(
            w.refusal(&ValidationError::new(Field::Score, Problem::OutOfRange { min: 0, max: 10 })),
            "Anxiety must be between 0 and 10."
        );
        assert_eq!(w.amount(Some(1.5), Some(1.5)), "1½ × 1 mg (1.5 mg)");
        assert_eq!(w.amount(None, Some(0.5)), "½ tablet, strength unknown");
        assert_eq!(w.amount(None, Some(2.0)), "2 tablets, strength unknown");
        assert_eq!(kebab("Gad7Items"), "gad7-items");
    }
}
