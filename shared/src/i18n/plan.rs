//! The taper plan's sentences that every view shares — the plan screen, `plan show`, the text and
//! PDF summaries: the final dose before the stop, the tail formulation, a tail step's amount, the
//! plan's length, a switch compared with its table, and the steps a long table leaves out. One
//! place, so every format says the same thing in the same words.

use chrono::NaiveDate;

use super::{Arg, Texts};
use crate::domain::{MgRange, Molecule, SwitchCheck, Tail};
use crate::plan::{FinalDose, StepForm};

impl Texts {
    /// "Final dose before stopping: 0.25 mg from 28 Dec 2026, 12.5 % of the start dose".
    pub fn plan_final_dose(&self, fin: &FinalDose) -> String {
        self.t_args(
            "plan-final-dose",
            &[
                ("dose", Arg::Str(self.mg(fin.dose_mg))),
                ("date", Arg::Str(self.date(fin.from))),
                ("percent", Arg::Str(self.percent(fin.percent_of_start))),
            ],
        )
    }

    /// The tail the plan continues with after the tablets: "After the tablets: oral liquid 0.4 mg
    /// per ml, measured in steps of 0.1 ml".
    pub fn plan_tail(&self, tail: Tail) -> String {
        match tail {
            Tail::Liquid { mg_per_ml, min_ml } => self.t_args(
                "plan-tail-liquid",
                &[("strength", Arg::Str(self.mg(mg_per_ml))), ("ml", Arg::Str(self.number(min_ml, 3)))],
            ),
            Tail::Compounded { step_mg } => {
                self.t_args("plan-tail-compounded", &[("step", Arg::Str(self.number_mg(step_mg)))])
            }
        }
    }

    /// What a tail step is made of ("2.5 ml of liquid", "compounded dose"); `None` for tablets.
    pub fn plan_step_form(&self, form: StepForm, liquid_ml: Option<f64>) -> Option<String> {
        match (form, liquid_ml) {
            (StepForm::Liquid, Some(ml)) => {
                Some(self.t_args("plan-step-liquid", &[("ml", Arg::Str(self.number(ml, 2)))]))
            }
            (StepForm::Compounded, _) => Some(self.t("plan-step-compounded")),
            _ => None,
        }
    }

    /// How long the plan runs from its start to its last step: "38 weeks from the start", or
    /// "6.2 years from the start" beyond two years.
    pub fn plan_length(&self, start: NaiveDate, end: NaiveDate) -> String {
        let days = (end - start).num_days().max(0);
        if days > 730 {
            self.t_args("plan-length-years", &[("years", Arg::Str(self.number(days as f64 / 365.25, 1)))])
        } else {
            self.t_args("plan-length-weeks", &[("n", Arg::Int((days + 3) / 7))])
        }
    }

    /// "… 12 more steps …" where a long plan table leaves steps out.
    pub fn plan_steps_omitted(&self, n: u32) -> String {
        self.t_args("plan-steps-omitted", &[("n", Arg::Int(i64::from(n)))])
    }

    /// The agreed start compared with the table's expected dose: "60 mg diazepam is 6× the expected
    /// 5–10 mg from lormetazepam 1 mg under Ashton Manual." Informs; never blocks.
    pub fn plan_switch_check(
        &self,
        check: SwitchCheck,
        start_mg: f64,
        from: Molecule,
        from_mg: f64,
        expected: MgRange,
        table: &str,
    ) -> String {
        let mut args = vec![
            ("start", Arg::Str(self.mg(start_mg))),
            ("expected", Arg::Str(self.mg_range_of(expected))),
            ("from", Arg::Str(self.molecule(from))),
            ("dose", Arg::Str(self.mg(from_mg))),
            ("table", Arg::from(table)),
        ];
        let id = match check {
            SwitchCheck::Within => "plan-switch-check-within",
            SwitchCheck::Above { times } => {
                args.push(("times", Arg::Str(self.number(times, 1))));
                "plan-switch-check-above"
            }
            SwitchCheck::Below { times } => {
                args.push(("times", Arg::Str(self.number(times, 2))));
                "plan-switch-check-below"
            }
        };
        self.t_args(id, &args)
    }

    /// "Source: <full citation>. This informs; it does not change the plan."
    pub fn plan_switch_source(&self, source: &str) -> String {
        self.t_args("plan-switch-check-source", &[("source", Arg::from(source))])
    }

    /// An amount in mg with up to three decimals (a compounded step of 0.005 mg stays exact).
    fn number_mg(&self, v: f64) -> String {
        self.t_args("unit-mg", &[("value", Arg::Str(self.number(v, 3)))])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Keyed, Lang};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn every_plan_sentence_exists_in_every_language() {
        let fin = FinalDose {
            dose_mg: 0.25,
            from: d("2026-12-28"),
            percent_of_start: 12.5,
            stop_on: d("2027-01-11"),
        };
        let en = Texts::shared(Lang::En);
        assert_eq!(
            en.plan_final_dose(&fin),
            "Final dose before stopping: 0.25 mg from 28 Dec 2026, 12.5\u{A0}% of the start dose"
        );
        let range = MgRange::new(5.0, 10.0);
        assert_eq!(
            en.plan_switch_check(
                SwitchCheck::Above { times: 6.0 },
                60.0,
                Molecule::Lormetazepam,
                1.0,
                range,
                "Ashton Manual"
            ),
            "60 mg diazepam is 6× the expected 5–10 mg from lormetazepam 1 mg under Ashton Manual."
        );
        assert_eq!(en.plan_length(d("2026-01-05"), d("2032-03-01")), "6.2 years from the start");
        assert_eq!(en.plan_length(d("2026-01-05"), d("2026-03-30")), "12 weeks from the start");
        for &lang in Lang::ALL {
            let t = Texts::shared(lang);
            let checks = [
                t.format_checked(
                    "plan-final-dose",
                    &[("dose", "1".into()), ("date", "x".into()), ("percent", "1".into())],
                ),
                t.format_checked("plan-tail-liquid", &[("strength", "1".into()), ("ml", "1".into())]),
                t.format_checked("plan-tail-compounded", &[("step", "1".into())]),
                t.format_checked("plan-step-liquid", &[("ml", "1".into())]),
                t.format_checked("plan-step-compounded", &[]),
                t.format_checked("plan-steps-omitted", &[("n", Arg::Int(3))]),
                t.format_checked("plan-length-weeks", &[("n", Arg::Int(3))]),
                t.format_checked("plan-length-years", &[("years", "6".into())]),
                t.format_checked("plan-switch-check-source", &[("source", "s".into())]),
                t.format_checked("plan-pace-reason-cut", &[("cut", "50".into()), ("rule", "r".into())]),
            ];
            for c in checks {
                assert!(c.is_ok(), "{c:?}");
            }
            for check in
                [SwitchCheck::Within, SwitchCheck::Above { times: 6.0 }, SwitchCheck::Below { times: 0.5 }]
            {
                let line = t.plan_switch_check(check, 60.0, Molecule::Lormetazepam, 1.0, range, "T");
                assert!(!line.starts_with("plan-") && !line.contains("{$"), "{lang}: {line}");
            }
            let liquid = t.plan_tail(Tail::Liquid { mg_per_ml: 0.4, min_ml: 0.1 });
            assert!(liquid.contains("0") && !liquid.starts_with("plan-"), "{lang}: {liquid}");
            assert!(t.plan_step_form(StepForm::Tablets, None).is_none());
            let step = t.plan_step_form(StepForm::Liquid, Some(2.5)).unwrap_or_default();
            assert!(step.contains("2") && step.contains("ml"), "{lang}: {step}");
        }
    }
}
