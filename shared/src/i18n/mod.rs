//! Localisation of every patient- and clinician-facing word, in English, French, Dutch and
//! Norwegian Bokmål.
//!
//! The words live in Fluent resources, `shared/locales/<lang>/summary.ftl`, embedded at build time:
//! no text is written in code. Numbers, percentages, amounts and dates are formatted here in
//! each locale's style (decimal comma, thousands separators, month names from the `.ftl` files).
//! The clinician's language is chosen per summary: build one [`Texts`] for it and pass it to every
//! renderer.
//!
//! Conventions shared by the `.ftl` files (see the header of `en/summary.ftl`): counts (`$n`,
//! `$total`, `$days`) are numbers, so plural variants are selected; dates, amounts and percentages are
//! passed already formatted by [`Texts::date`], [`Texts::mg`] and [`Texts::percent`]. A missing
//! message shows its id rather than failing: a typo is visible in the output, never a crash.

use std::borrow::Cow;
use std::fmt;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::types::{FluentNumber, FluentNumberOptions};
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::{langid, LanguageIdentifier};

pub use crate::domain::Lang;
use crate::domain::{
    EntryKind, EquivalenceTable, Gad7Band, GoalKind, GoalStatus, Hideable, Keyed, MgRange, Molecule, Pace,
    Proposer, ReviewDecision, SleepQuality,
};
use crate::plan::StepStatus;

mod plan;

impl Lang {
    fn langid(self) -> LanguageIdentifier {
        match self {
            Lang::En => langid!("en"),
            Lang::Fr => langid!("fr"),
            Lang::Nl => langid!("nl"),
            Lang::Nb => langid!("nb"),
        }
    }

    /// The embedded Fluent resources: the summary's words, then the app's, as one resource
    /// (compressed by build.rs, inflated once per language).
    fn source(self) -> &'static str {
        static SOURCES: [OnceLock<String>; 4] = [const { OnceLock::new() }; 4];
        let (slot, packed): (usize, &[u8]) = match self {
            Lang::En => (0, include_bytes!(concat!(env!("OUT_DIR"), "/en.ftl.z"))),
            Lang::Fr => (1, include_bytes!(concat!(env!("OUT_DIR"), "/fr.ftl.z"))),
            Lang::Nl => (2, include_bytes!(concat!(env!("OUT_DIR"), "/nl.ftl.z"))),
            Lang::Nb => (3, include_bytes!(concat!(env!("OUT_DIR"), "/nb.ftl.z"))),
        };
        // A blob that does not inflate gives no messages, which every i18n test would catch.
        SOURCES[slot].get_or_init(|| {
            miniz_oxide::inflate::decompress_to_vec_zlib(packed)
                .ok()
                .and_then(|bytes| String::from_utf8(bytes).ok())
                .unwrap_or_default()
        })
    }

    fn decimal_separator(self) -> char {
        match self {
            Lang::En => '.',
            Lang::Fr | Lang::Nl | Lang::Nb => ',',
        }
    }

    /// Thousands separator (CLDR): comma, narrow no-break space, full stop, no-break space.
    fn group_separator(self) -> char {
        match self {
            Lang::En => ',',
            Lang::Fr => '\u{202F}',
            Lang::Nl => '.',
            Lang::Nb => '\u{A0}',
        }
    }
}

/// An argument of a message.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Text shown as is: a name, the patient's words, or a value formatted by [`Texts`].
    Str(String),
    /// A whole number (counts); selects plural variants and gets thousands separators from 10 000.
    Int(i64),
    /// A number shown with at most one decimal.
    Num(f64),
    /// A number shown with at most this many decimals (capped at 6).
    Dec(f64, usize),
}

impl Arg {
    fn to_fluent(&self) -> FluentValue<'_> {
        match self {
            Arg::Str(s) => FluentValue::String(Cow::Borrowed(s)),
            Arg::Int(i) => number_value(*i as f64, 0),
            Arg::Num(v) => number_value(*v, 1),
            Arg::Dec(v, d) => number_value(*v, *d),
        }
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Str(s.clone())
    }
}

impl From<f64> for Arg {
    fn from(v: f64) -> Self {
        Arg::Num(v)
    }
}

macro_rules! int_arg {
    ($($t:ty)+) => {
        $(impl From<$t> for Arg {
            fn from(v: $t) -> Self {
                Arg::Int(i64::try_from(v).unwrap_or(i64::MAX))
            }
        })+
    };
}
int_arg!(i8 i16 i32 i64 u8 u16 u32 u64 usize);

/// Most decimals a number is ever shown with.
const MAX_DECIMALS: usize = 6;

/// Rounds half away from zero to `decimals` places (values too large to scale are returned as is).
fn round_to(v: f64, decimals: usize) -> f64 {
    let scale = 10f64.powi(decimals.min(MAX_DECIMALS) as i32);
    let scaled = v * scale;
    if scaled.is_finite() && scaled.abs() < 1e15 {
        scaled.round() / scale
    } else {
        v
    }
}

/// A Fluent number, rounded first so plural selection sees the value that is shown. A non-finite
/// value has no honest form and shows as a dash.
fn number_value(v: f64, decimals: usize) -> FluentValue<'static> {
    if !v.is_finite() {
        return FluentValue::String(Cow::Borrowed("–"));
    }
    FluentValue::Number(FluentNumber::new(round_to(v, decimals), FluentNumberOptions::default()))
}

/// Formats `v` in `lang`'s style: rounded half away from zero to at most `max_decimals` places,
/// trailing zeros trimmed down to `min_decimals`, thousands grouped only from 10 000 up.
fn format_number(lang: Lang, v: f64, max_decimals: usize, min_decimals: usize) -> String {
    if !v.is_finite() {
        return "–".to_owned();
    }
    let max = max_decimals.min(MAX_DECIMALS);
    let r = round_to(v, max);
    let plain = format!("{:.*}", max, r.abs());
    let (int_part, frac_part) = plain.split_once('.').unwrap_or((plain.as_str(), ""));
    let keep = frac_part.trim_end_matches('0').len().max(min_decimals.min(max));
    let frac = &frac_part[..keep.min(frac_part.len())];

    let mut out = String::new();
    if r < 0.0 && (int_part.bytes().any(|b| b != b'0') || frac.bytes().any(|b| b != b'0')) {
        out.push('-');
    }
    if int_part.len() >= 5 {
        for (i, c) in int_part.chars().enumerate() {
            if i > 0 && (int_part.len() - i) % 3 == 0 {
                out.push(lang.group_separator());
            }
            out.push(c);
        }
    } else {
        out.push_str(int_part);
    }
    if !frac.is_empty() {
        out.push(lang.decimal_separator());
        out.push_str(frac);
    }
    out
}

/// Formats numbers placed in messages (`{ $n }`) in the bundle's locale. Fluent takes a plain
/// function pointer, so there is one per language.
fn fluent_number(lang: Lang, value: &FluentValue<'_>) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(format_number(
            lang,
            n.value,
            n.options.maximum_fraction_digits.unwrap_or(MAX_DECIMALS),
            n.options.minimum_fraction_digits.unwrap_or(0),
        )),
        _ => None,
    }
}

fn fluent_number_en<M>(v: &FluentValue<'_>, _: &M) -> Option<String> {
    fluent_number(Lang::En, v)
}

fn fluent_number_fr<M>(v: &FluentValue<'_>, _: &M) -> Option<String> {
    fluent_number(Lang::Fr, v)
}

fn fluent_number_nl<M>(v: &FluentValue<'_>, _: &M) -> Option<String> {
    fluent_number(Lang::Nl, v)
}

fn fluent_number_nb<M>(v: &FluentValue<'_>, _: &M) -> Option<String> {
    fluent_number(Lang::Nb, v)
}

/// Every word of a summary in one language, with the locale's number and date style.
pub struct Texts {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl fmt::Debug for Texts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Texts").field("lang", &self.lang).finish_non_exhaustive()
    }
}

impl Texts {
    /// Loads the embedded resource for `lang`. Never fails: a syntax error in an `.ftl` file (which a
    /// test catches) only loses the broken messages, which then show their ids.
    pub fn new(lang: Lang) -> Self {
        let resource = match FluentResource::try_new(lang.source().to_owned()) {
            Ok(resource) => resource,
            Err((partial, _errors)) => partial,
        };
        let mut bundle = FluentBundle::new_concurrent(vec![lang.langid()]);
        // No U+2068/U+2069 isolation marks: they would show up in the PDF and text output.
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(match lang {
            Lang::En => fluent_number_en,
            Lang::Fr => fluent_number_fr,
            Lang::Nl => fluent_number_nl,
            Lang::Nb => fluent_number_nb,
        }));
        // Fails only on a duplicate id (the first definition is kept); a test checks there is none.
        let _ = bundle.add_resource(resource);
        Self { lang, bundle }
    }

    /// The texts of `lang`, loaded once per process and shared (views are rebuilt after every
    /// event; parsing the resources each time would cost more than the event).
    pub fn shared(lang: Lang) -> &'static Texts {
        static LOADED: [std::sync::OnceLock<Texts>; 4] = [
            std::sync::OnceLock::new(),
            std::sync::OnceLock::new(),
            std::sync::OnceLock::new(),
            std::sync::OnceLock::new(),
        ];
        let slot = match lang {
            Lang::En => 0,
            Lang::Fr => 1,
            Lang::Nl => 2,
            Lang::Nb => 3,
        };
        LOADED[slot].get_or_init(|| Texts::new(lang))
    }

    /// The language of these texts.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// True when the message exists.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// A message without arguments; its id when it does not exist.
    pub fn t(&self, id: &str) -> String {
        self.t_args(id, &[])
    }

    /// A message with arguments; its id when it does not exist. A missing argument shows as
    /// `{$name}` (Fluent's own fallback), so renderer tests should use [`Texts::format_checked`].
    pub fn t_args(&self, id: &str, args: &[(&str, Arg)]) -> String {
        match self.format(id, args) {
            Some((text, _errors)) => text,
            None => id.to_owned(),
        }
    }

    /// Like [`Texts::t_args`], but any problem (unknown id, missing argument, bad reference) is an
    /// error naming it, for tests.
    pub fn format_checked(&self, id: &str, args: &[(&str, Arg)]) -> Result<String, String> {
        match self.format(id, args) {
            None => Err(format!("{}: no message {id:?}", self.lang)),
            Some((text, errors)) if errors.is_empty() => Ok(text),
            Some((_, errors)) => Err(format!("{}: {id}: {errors}", self.lang)),
        }
    }

    fn format(&self, id: &str, args: &[(&str, Arg)]) -> Option<(String, String)> {
        let message = self.bundle.get_message(id)?;
        let pattern = message.value()?;
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            fluent_args.set(*name, value.to_fluent());
        }
        let mut errors = vec![];
        let text = self.bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned();
        let errors = errors.iter().map(|e| format!("{e:?}")).collect::<Vec<_>>().join("; ");
        Some((text, errors))
    }

    // ---- numbers, amounts, dates ----

    /// A number in the locale's style: at most `max_decimals` decimals (trailing zeros trimmed),
    /// decimal comma in fr/nl/nb, thousands separators only from 10 000 up (en "12,345.5",
    /// fr "12 345,5" with U+202F, nl "12.345,5", nb "12 345,5" with U+00A0; "1234.5" stays ungrouped).
    pub fn number(&self, v: f64, max_decimals: usize) -> String {
        format_number(self.lang, v, max_decimals, 0)
    }

    /// An amount in mg, as a bare number: two decimals below 10 mg (quarter tablets: 0.25), one
    /// from 10 mg up.
    fn mg_number(&self, v: f64) -> String {
        self.number(v, if v.abs() < 10.0 { 2 } else { 1 })
    }

    /// One amount with its unit: "7.5 mg".
    pub fn mg(&self, v: f64) -> String {
        self.t_args("unit-mg", &[("value", Arg::Str(self.mg_number(v)))])
    }

    /// A range of mg with its unit: "10–20 mg", or "10 mg" when both ends show the same.
    pub fn mg_range(&self, low: f64, high: f64) -> String {
        let (a, b) = (self.mg_number(low), self.mg_number(high));
        let value = if a == b { a } else { format!("{a}–{b}") };
        self.t_args("unit-mg", &[("value", Arg::Str(value))])
    }

    /// A change in mg with its sign, for trends: "+0.5 mg", "-2 mg", "0 mg".
    pub fn mg_change(&self, v: f64) -> String {
        let shown = self.mg_number(v);
        let value = if v > 0.0 && shown.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
            format!("+{shown}")
        } else {
            shown
        };
        self.t_args("unit-mg", &[("value", Arg::Str(value))])
    }

    /// A diazepam-equivalent (or any mg) range: [`Texts::mg_range`] of its ends.
    pub fn mg_range_of(&self, range: MgRange) -> String {
        self.mg_range(range.low, range.high)
    }

    /// A percentage with one decimal at most, in the locale's style: en "12.5 %" and nb "12,5 %"
    /// (no-break space U+00A0), fr "12,5 %" (narrow no-break space U+202F), nl "12,5%".
    pub fn percent(&self, v: f64) -> String {
        self.t_args("percent", &[("value", Arg::Str(self.number(v, 1)))])
    }

    /// Hours with one decimal at most: en "7.5 h", fr "7,5 h", nl "7,5 u", nb "7,5 t".
    pub fn hours(&self, v: f64) -> String {
        self.t_args("unit-hours", &[("value", Arg::Str(self.number(v, 1)))])
    }

    fn date_with(&self, id: &str, d: NaiveDate, month_kind: &str) -> String {
        let month = self.t(&format!("month-{month_kind}-{}", d.month()));
        self.t_args(
            id,
            &[
                ("day", Arg::Int(i64::from(d.day()))),
                ("month", Arg::Str(month)),
                ("year", Arg::Str(d.year().to_string())),
            ],
        )
    }

    /// A date with the short month name: en "5 Mar 2026", fr "5 mars 2026" ("1er mars 2026"),
    /// nl "5 mrt. 2026", nb "5. mars 2026".
    pub fn date(&self, d: NaiveDate) -> String {
        self.date_with("date-short", d, "short")
    }

    /// A date with the full month name: en "5 March 2026", fr "5 mars 2026", nl "5 maart 2026",
    /// nb "5. mars 2026".
    pub fn date_long(&self, d: NaiveDate) -> String {
        self.date_with("date-long", d, "long")
    }

    /// A period, shortened where the ends share a month or a year: "2 – 29 Mar 2026",
    /// "28 Feb – 29 Mar 2026", "28 Dec 2025 – 29 Mar 2026" (nb "2. – 29. mars 2026"); a single date
    /// when `from == to`. Ends in the wrong order are shown as given, in full.
    pub fn date_range(&self, from: NaiveDate, to: NaiveDate) -> String {
        if from == to {
            return self.date(from);
        }
        let start = if from < to && from.year() == to.year() && from.month() == to.month() {
            self.date_with("date-day", from, "short")
        } else if from < to && from.year() == to.year() {
            self.date_with("date-day-month", from, "short")
        } else {
            self.date(from)
        };
        self.t_args("date-range", &[("from", Arg::Str(start)), ("to", Arg::Str(self.date(to)))])
    }

    // ---- names of domain values ----

    /// The molecule's name in this language (French accents, Norwegian k-spelling).
    pub fn molecule(&self, m: Molecule) -> String {
        let id = format!("molecule-{}", m.name().replace(' ', "-"));
        if self.has(&id) {
            self.t(&id)
        } else {
            m.name().to_owned()
        }
    }

    /// An equivalence table's short name in this language ("Ashton Manual", "table néerlandaise").
    pub fn table_name(&self, table: EquivalenceTable) -> String {
        self.t(&format!("table-{}", table.key().replace('_', "-")))
    }

    /// A molecule given by its English INN (as the summary content stores it), translated; "unknown
    /// substance" is translated too, and any other name is shown as it is.
    pub fn molecule_named(&self, name: &str) -> String {
        match Molecule::ALL.into_iter().find(|m| m.name() == name) {
            Some(m) => self.molecule(m),
            None if name == "unknown substance" => self.t("unknown-substance"),
            None => name.to_owned(),
        }
    }

    /// What a hideable part is called, lower case, for the list of what was left out.
    pub fn hideable(&self, h: Hideable) -> String {
        self.t(match h {
            Hideable::NonPrescribed => "hideable-non-prescribed",
            Hideable::Notes => "hideable-notes",
            Hideable::Sleep => "hideable-sleep",
            Hideable::Anxiety => "hideable-anxiety",
            Hideable::Goals => "hideable-goals",
            Hideable::Plan => "hideable-taper-plan",
            Hideable::Questions => "hideable-questions",
        })
    }

    /// The sentence naming what the patient left out ("Left out by the patient: notes, sleep,
    /// a goal"), or `None` when nothing was.
    pub fn left_out(&self, hidden: &[Hideable], hidden_goals: u32) -> Option<String> {
        let mut parts: Vec<String> = hidden.iter().map(|h| self.hideable(*h)).collect();
        if hidden_goals > 0 {
            parts.push(self.t_args("hideable-goal", &[("n", Arg::from(hidden_goals))]));
        }
        (!parts.is_empty()).then(|| self.t_args("hidden-list", &[("list", Arg::Str(parts.join(", ")))]))
    }

    /// GAD-7 severity band, lower case ("moderate", "modéré", "matig", "moderat").
    pub fn gad7_band(&self, band: Gad7Band) -> String {
        self.t(match band {
            Gad7Band::Minimal => "gad7-band-minimal",
            Gad7Band::Mild => "gad7-band-mild",
            Gad7Band::Moderate => "gad7-band-moderate",
            Gad7Band::Severe => "gad7-band-severe",
        })
    }

    /// Goal status, lower case.
    pub fn goal_status(&self, status: GoalStatus) -> String {
        self.t(match status {
            GoalStatus::Proposed => "goal-status-proposed",
            GoalStatus::Active => "goal-status-active",
            GoalStatus::OnHold => "goal-status-on-hold",
            GoalStatus::Achieved => "goal-status-achieved",
            GoalStatus::Changed => "goal-status-changed",
            GoalStatus::Abandoned => "goal-status-abandoned",
        })
    }

    /// The goal in one line: "Reduce lormetazepam to 0.5 mg/day", "Keep things as they are".
    pub fn goal_kind(&self, kind: &GoalKind) -> String {
        match kind {
            GoalKind::Stop { molecule: None } => self.t("goal-kind-stop"),
            GoalKind::Stop { molecule: Some(m) } => {
                self.t_args("goal-kind-stop-molecule", &[("molecule", Arg::Str(self.molecule(*m)))])
            }
            GoalKind::Reduce { molecule, target_mg } => self.t_args(
                "goal-kind-reduce",
                &[("molecule", Arg::Str(self.molecule(*molecule))), ("dose", Arg::Str(self.mg(*target_mg)))],
            ),
            GoalKind::Stable { molecule: None } => self.t("goal-kind-stable"),
            GoalKind::Stable { molecule: Some(m) } => {
                self.t_args("goal-kind-stable-molecule", &[("molecule", Arg::Str(self.molecule(*m)))])
            }
            GoalKind::Keep => self.t("goal-kind-keep"),
        }
    }

    /// Who proposed a goal, as a sentence: "Proposed by the patient".
    pub fn proposer(&self, p: Proposer) -> String {
        self.t(match p {
            Proposer::Patient => "goal-proposed-patient",
            Proposer::Clinician => "goal-proposed-clinician",
            Proposer::Together => "goal-proposed-together",
        })
    }

    /// Goal Attainment Scaling label for −2 … +2, lower case (out-of-range scores clamp).
    pub fn gas_label(&self, gas: i8) -> String {
        self.t(match gas {
            i8::MIN..=-2 => "gas-minus-2",
            -1 => "gas-minus-1",
            0 => "gas-zero",
            1 => "gas-plus-1",
            _ => "gas-plus-2",
        })
    }

    /// A GAS score with its label: "GAS +1 (somewhat more than expected)", "GAS 0 (as expected)".
    pub fn gas(&self, gas: i8) -> String {
        let score = if gas > 0 { format!("+{gas}") } else { gas.to_string() };
        self.t_args("gas-score", &[("score", Arg::Str(score)), ("label", Arg::Str(self.gas_label(gas)))])
    }

    /// A review decision, lower case ("adjust the goal").
    pub fn review_decision(&self, d: ReviewDecision) -> String {
        self.t(match d {
            ReviewDecision::Keep => "review-decision-keep",
            ReviewDecision::Adjust => "review-decision-adjust",
            ReviewDecision::Change => "review-decision-change",
        })
    }

    /// A taper step's status, lower case.
    pub fn step_status(&self, s: StepStatus) -> String {
        self.t(match s {
            StepStatus::Done => "step-status-done",
            StepStatus::Current => "step-status-current",
            StepStatus::Upcoming => "step-status-upcoming",
            StepStatus::Cancelled => "step-status-cancelled",
        })
    }

    /// The plan's pace, lower case ("standard", "gentle").
    pub fn pace(&self, p: Pace) -> String {
        self.t(match p {
            Pace::Standard => "plan-pace-standard",
            Pace::Gentle => "plan-pace-gentle",
        })
    }

    /// Why a step is flagged, naming the rule: "This step is 27.5 % per 14 days, faster than the
    /// usual limit of the ASAM 2025 guideline (25 % in 2 weeks)." `to_zero_in_days` is set for the
    /// last step to zero. A single cut above the limit after a long interval says so ("This step
    /// cuts 50 % at once, …"), never a small per-14-days rate. Informative only, like
    /// [`crate::plan::PaceFlag`].
    pub fn pace_reason(
        &self,
        per_14_days_percent: f64,
        cut_percent: f64,
        limit_percent: f64,
        pace: Pace,
        to_zero_in_days: Option<u32>,
    ) -> String {
        let limit = Arg::Str(self.percent(limit_percent));
        let rule = match pace {
            Pace::Standard => self.t_args("plan-pace-rule-standard", &[("limit", limit)]),
            Pace::Gentle => self.t_args("plan-pace-rule-gentle", &[("limit", limit)]),
        };
        let rate = Arg::Str(self.percent(per_14_days_percent));
        if to_zero_in_days.is_none() && per_14_days_percent <= limit_percent + 1e-9 {
            let cut = Arg::Str(self.percent(cut_percent));
            return self.t_args("plan-pace-reason-cut", &[("cut", cut), ("rule", Arg::Str(rule))]);
        }
        match to_zero_in_days {
            Some(days) => self.t_args(
                "plan-pace-reason-last",
                &[("days", Arg::from(days)), ("rate", rate), ("rule", Arg::Str(rule))],
            ),
            None => self.t_args("plan-pace-reason", &[("rate", rate), ("rule", Arg::Str(rule))]),
        }
    }

    /// The switch to diazepam with the equivalence used and its table: "alprazolam 1.5 mg ≈ 30 mg
    /// diazepam (Ashton Manual), agreed with Dr. Janssens".
    pub fn plan_switch(
        &self,
        from: Molecule,
        from_mg: f64,
        diazepam: MgRange,
        table: &str,
        who: &str,
    ) -> String {
        self.t_args(
            "plan-switch",
            &[
                ("from", Arg::Str(self.molecule(from))),
                ("dose", Arg::Str(self.mg(from_mg))),
                ("diazepam", Arg::Str(self.mg_range_of(diazepam))),
                ("table", Arg::from(table)),
                ("who", Arg::from(who)),
            ],
        )
    }

    /// A diary entry kind, lower case, as in the CSV's kind column.
    pub fn entry_kind(&self, k: EntryKind) -> String {
        self.t(match k {
            EntryKind::Dose => "entry-kind-dose",
            EntryKind::Sleep => "entry-kind-sleep",
            EntryKind::Anxiety => "entry-kind-anxiety",
            EntryKind::Gad7 => "entry-kind-gad7",
            EntryKind::Goal => "entry-kind-goal",
            EntryKind::Review => "entry-kind-review",
            EntryKind::Plan => "entry-kind-plan",
            EntryKind::Question => "entry-kind-question",
            EntryKind::Medicine => "entry-kind-medicine",
            EntryKind::Skip => "entry-kind-skip",
            EntryKind::Settings => "entry-kind-settings",
        })
    }

    /// Sleep quality (Consensus Sleep Diary), lower case.
    pub fn sleep_quality(&self, q: SleepQuality) -> String {
        self.t(match q {
            SleepQuality::VeryPoor => "sleep-quality-very-poor",
            SleepQuality::Poor => "sleep-quality-poor",
            SleepQuality::Fair => "sleep-quality-fair",
            SleepQuality::Good => "sleep-quality-good",
            SleepQuality::VeryGood => "sleep-quality-very-good",
        })
    }

    /// "yes" or "no", lower case.
    pub fn yes_no(&self, v: bool) -> String {
        self.t(if v { "yes" } else { "no" })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use super::*;
    use crate::domain::Keyed;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// Message ids of a resource, in file order (lines "id = ..." at column 0).
    fn ids(src: &str) -> Vec<String> {
        src.lines()
            .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()))
            .filter_map(|l| l.split_once(" =").map(|(id, _)| id.to_owned()))
            .collect()
    }

    /// Variables each message uses (`$name`), from its id line and its indented continuation lines.
    fn variables(src: &str) -> BTreeMap<String, BTreeSet<String>> {
        let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut current: Option<String> = None;
        for line in src.lines() {
            if line.starts_with(|c: char| c.is_ascii_lowercase()) {
                current = line.split_once(" =").map(|(id, _)| id.to_owned());
            } else if !(line.starts_with(' ') || line.starts_with('}')) {
                current = None;
            }
            let Some(id) = &current else { continue };
            let vars = out.entry(id.clone()).or_default();
            for part in line.split('$').skip(1) {
                let name: String = part
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                vars.insert(name);
            }
        }
        out
    }

    /// One value for every argument any message uses: a number for those that count (and may
    /// pick a plural), a marked text for the others.
    fn sample_args() -> Vec<(&'static str, Arg)> {
        const NUMBERS: [&str; 9] = ["n", "total", "days", "day", "minutes", "max", "min", "score", "number"];
        let names: BTreeSet<String> = variables(Lang::En.source()).into_values().flatten().collect();
        names
            .into_iter()
            .map(|k| {
                let k: &'static str = Box::leak(k.into_boxed_str());
                if NUMBERS.contains(&k) {
                    (k, Arg::Int(2))
                } else {
                    (k, Arg::Str(format!("<{k}>")))
                }
            })
            .collect()
    }

    #[test]
    fn resources_parse_and_have_no_duplicate_ids() {
        for &lang in Lang::ALL {
            let resource = FluentResource::try_new(lang.source().to_owned())
                .unwrap_or_else(|(_, e)| panic!("{lang}: parse errors {e:?}"));
            let mut bundle = FluentBundle::new_concurrent(vec![lang.langid()]);
            bundle.add_resource(resource).unwrap_or_else(|e| panic!("{lang}: {e:?}"));
            let list = ids(lang.source());
            let unique: BTreeSet<_> = list.iter().collect();
            assert_eq!(unique.len(), list.len(), "{lang}: duplicate id");
            assert!(list.len() > 200, "{lang}: only {} messages", list.len());
        }
    }

    #[test]
    fn every_language_has_exactly_the_english_ids() {
        let en: BTreeSet<String> = ids(Lang::En.source()).into_iter().collect();
        for lang in [Lang::Fr, Lang::Nl, Lang::Nb] {
            let other: BTreeSet<String> = ids(lang.source()).into_iter().collect();
            let missing: Vec<_> = en.difference(&other).collect();
            let extra: Vec<_> = other.difference(&en).collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
            assert!(extra.is_empty(), "{lang} has ids English lacks: {extra:?}");
        }
    }

    #[test]
    fn translations_use_the_same_arguments_as_english() {
        let en = variables(Lang::En.source());
        assert_eq!(en["dose-count"], BTreeSet::from(["n".to_owned()]));
        for lang in [Lang::Fr, Lang::Nl, Lang::Nb] {
            let other = variables(lang.source());
            for (id, vars) in &en {
                assert_eq!(other.get(id), Some(vars), "{lang}: {id} uses other arguments");
            }
        }
    }

    #[test]
    fn every_message_formats_without_errors_and_without_isolation_marks() {
        let args = sample_args();
        for &lang in Lang::ALL {
            let texts = Texts::new(lang);
            for id in ids(lang.source()) {
                let text = texts.format_checked(&id, &args).unwrap_or_else(|e| panic!("{e}"));
                assert!(!text.trim().is_empty(), "{lang}: {id} is empty");
                assert!(!text.contains(['\u{2068}', '\u{2069}']), "{lang}: {id} has isolation marks");
                assert!(!text.contains(['{', '}']), "{lang}: {id} left a placeable: {text}");
                assert_eq!(text, text.trim(), "{lang}: {id} has outer whitespace");
            }
        }
    }

    #[test]
    fn translations_are_not_english_copies() {
        let sample = [
            "summary-title",
            "period",
            "de-basis",
            "section-taper-plan",
            "section-sleep",
            "section-questions",
            "non-prescribed",
            "unknown-strength",
            "days-without-dose",
            "trend-per-week",
            "plan-hold-note",
            "gad7-band-severe",
            "gas-plus-1",
            "review-decision-adjust",
            "hidden-sections",
            "goal-kind-keep",
            "chart-daily-de",
            "csv-strength-mg",
        ];
        let args = sample_args();
        let en = Texts::new(Lang::En);
        for lang in [Lang::Fr, Lang::Nl, Lang::Nb] {
            let texts = Texts::new(lang);
            for id in sample {
                assert_ne!(texts.t_args(id, &args), en.t_args(id, &args), "{lang}: {id} is English");
            }
        }
    }

    #[test]
    fn clinical_terms_and_validated_gad7_bands() {
        let de = |l| Texts::new(l).t_args("de-basis", &[("table", "Ashton".into())]);
        assert_eq!(de(Lang::En), "Diazepam equivalents (DE) according to Ashton");
        assert!(de(Lang::Fr).to_lowercase().contains("équivalents diazépam"));
        assert!(de(Lang::Nl).to_lowercase().contains("diazepamequivalenten"));
        assert!(de(Lang::Nb).to_lowercase().contains("diazepamekvivalenter"));
        let bands = |l| {
            let t = Texts::new(l);
            [Gad7Band::Minimal, Gad7Band::Mild, Gad7Band::Moderate, Gad7Band::Severe].map(|b| t.gad7_band(b))
        };
        assert_eq!(bands(Lang::En), ["minimal", "mild", "moderate", "severe"]);
        assert_eq!(bands(Lang::Fr), ["minime", "léger", "modéré", "sévère"]);
        assert_eq!(bands(Lang::Nl), ["minimaal", "mild", "matig", "ernstig"]);
        assert_eq!(bands(Lang::Nb), ["minimal", "mild", "moderat", "alvorlig"]);
    }

    #[test]
    fn plurals_follow_each_language() {
        let doses = |l, n: i64| Texts::new(l).t_args("dose-count", &[("n", Arg::Int(n))]);
        assert_eq!(doses(Lang::En, 1), "1 dose");
        assert_eq!(doses(Lang::En, 2), "2 doses");
        assert_eq!(doses(Lang::En, 0), "0 doses");
        assert_eq!(doses(Lang::Fr, 1), "1 prise");
        assert_eq!(doses(Lang::Fr, 2), "2 prises");
        assert_eq!(doses(Lang::Fr, 0), "0 prise", "French singular covers 0");
        assert_eq!(doses(Lang::Nl, 1), "1 inname");
        assert_eq!(doses(Lang::Nl, 2), "2 innames");
        assert_eq!(doses(Lang::Nb, 1), "1 dose");
        assert_eq!(doses(Lang::Nb, 2), "2 doser");
        // Counts get the locale's thousands separator.
        assert_eq!(doses(Lang::En, 12000), "12,000 doses");
        assert_eq!(doses(Lang::Nb, 12000), "12\u{A0}000 doser");

        let hidden = |l, n: i64| Texts::new(l).t_args("hidden-sections", &[("n", n.into())]);
        assert_eq!(hidden(Lang::En, 1), "1 section hidden by the patient");
        assert_eq!(hidden(Lang::En, 2), "2 sections hidden by the patient");
        assert_eq!(hidden(Lang::Fr, 2), "2 rubriques masquées par le patient");
        assert_eq!(hidden(Lang::Nl, 1), "1 onderdeel verborgen door de patiënt");
        assert_eq!(hidden(Lang::Nb, 2), "2 deler skjult av pasienten");

        let goal = |l, n: i64| Texts::new(l).t_args("hideable-goal", &[("n", n.into())]);
        assert_eq!(goal(Lang::En, 1), "a goal");
        assert_eq!(goal(Lang::Fr, 1), "un objectif");
        assert_eq!(goal(Lang::Nb, 3), "3 mål");
        let schedule =
            Texts::new(Lang::Nb).t_args("plan-schedule", &[("percent", "10 %".into()), ("days", 14.into())]);
        assert_eq!(schedule, "10 % av gjeldende dose hver 14. dag");
    }

    #[test]
    fn numbers_in_each_locale() {
        let n = |l, v, dec| Texts::new(l).number(v, dec);
        assert_eq!(n(Lang::En, 1.5, 1), "1.5");
        assert_eq!(n(Lang::Fr, 1.25, 2), "1,25");
        assert_eq!(n(Lang::Nl, 1.25, 1), "1,3", "half away from zero");
        assert_eq!(n(Lang::Nb, 2.0, 2), "2", "trailing zeros trimmed");
        assert_eq!(n(Lang::En, 2.50, 2), "2.5");
        assert_eq!(n(Lang::En, 1234.5, 1), "1234.5", "no grouping below 10 000");
        assert_eq!(n(Lang::En, 12345.5, 1), "12,345.5");
        assert_eq!(n(Lang::Fr, 12345.5, 1), "12\u{202F}345,5");
        assert_eq!(n(Lang::Nl, 1234567.0, 0), "1.234.567");
        assert_eq!(n(Lang::Nb, 12345.0, 0), "12\u{A0}345");
        assert_eq!(n(Lang::En, -0.5, 1), "-0.5");
        assert_eq!(n(Lang::En, -0.04, 1), "0", "no negative zero");
        assert_eq!(n(Lang::En, 0.0, 3), "0");
        assert_eq!(n(Lang::En, f64::NAN, 1), "–");
        assert_eq!(n(Lang::En, 7.0, 20), "7", "decimals capped");
        // A number placed in a message follows the same rule.
        let t = Texts::new(Lang::Fr);
        assert_eq!(t.t_args("out-of-10", &[("value", Arg::Num(4.25))]), "4,3/10");
        assert_eq!(t.t_args("out-of-10", &[("value", Arg::Dec(4.25, 2))]), "4,25/10");
        assert_eq!(t.t_args("out-of-10", &[("value", Arg::Num(f64::INFINITY))]), "–/10");
    }

    #[test]
    fn percentages_amounts_and_hours() {
        let t = |l| Texts::new(l);
        assert_eq!(t(Lang::En).percent(12.5), "12.5\u{A0}%");
        assert_eq!(t(Lang::Fr).percent(12.5), "12,5\u{202F}%");
        assert_eq!(t(Lang::Nl).percent(12.5), "12,5%");
        assert_eq!(t(Lang::Nb).percent(12.5), "12,5\u{A0}%");
        assert_eq!(t(Lang::En).percent(25.0), "25\u{A0}%");

        assert_eq!(t(Lang::En).mg_range(10.0, 20.0), "10–20 mg");
        assert_eq!(t(Lang::En).mg_range(10.0, 10.0), "10 mg");
        assert_eq!(t(Lang::En).mg_range(10.0, 10.01), "10 mg", "equal once shown");
        assert_eq!(t(Lang::Fr).mg_range(0.25, 0.5), "0,25–0,5 mg");
        assert_eq!(t(Lang::Nl).mg_range(13.333, 26.667), "13,3–26,7 mg");
        assert_eq!(t(Lang::Nb).mg(7.5), "7,5 mg");
        assert_eq!(t(Lang::En).mg_change(0.5), "+0.5 mg");
        assert_eq!(t(Lang::Fr).mg_change(-2.25), "-2,25 mg");
        assert_eq!(t(Lang::En).mg_change(0.001), "0 mg");
        assert_eq!(t(Lang::En).hours(7.25), "7.3 h");
        assert_eq!(t(Lang::Nl).hours(7.25), "7,3 u");
        assert_eq!(t(Lang::Nb).hours(6.0), "6 t");
    }

    #[test]
    fn dates_in_each_locale() {
        let date = |l, v| Texts::new(l).date(v);
        assert_eq!(date(Lang::En, d(2026, 3, 5)), "5 Mar 2026");
        assert_eq!(date(Lang::Fr, d(2026, 3, 5)), "5 mars 2026");
        assert_eq!(date(Lang::Fr, d(2026, 3, 1)), "1er mars 2026");
        assert_eq!(date(Lang::Nl, d(2026, 3, 5)), "5 mrt. 2026");
        assert_eq!(date(Lang::Nb, d(2026, 3, 5)), "5. mars 2026");
        assert_eq!(date(Lang::Fr, d(2026, 2, 14)), "14 févr. 2026");
        assert_eq!(date(Lang::Nb, d(2026, 12, 24)), "24. des. 2026");
        assert_eq!(Texts::new(Lang::En).date_long(d(2026, 3, 5)), "5 March 2026");
        assert_eq!(Texts::new(Lang::Nl).date_long(d(2026, 3, 5)), "5 maart 2026");

        let range = |l, a, b| Texts::new(l).date_range(a, b);
        assert_eq!(range(Lang::En, d(2026, 3, 2), d(2026, 3, 29)), "2 – 29 Mar 2026");
        assert_eq!(range(Lang::Nb, d(2026, 3, 2), d(2026, 3, 29)), "2. – 29. mars 2026");
        assert_eq!(range(Lang::Fr, d(2026, 3, 1), d(2026, 3, 29)), "1er – 29 mars 2026");
        assert_eq!(range(Lang::En, d(2026, 2, 28), d(2026, 3, 29)), "28 Feb – 29 Mar 2026");
        assert_eq!(range(Lang::Nl, d(2025, 12, 28), d(2026, 3, 29)), "28 dec. 2025 – 29 mrt. 2026");
        assert_eq!(range(Lang::En, d(2026, 3, 5), d(2026, 3, 5)), "5 Mar 2026");
        assert_eq!(range(Lang::En, d(2026, 3, 9), d(2026, 3, 5)), "9 Mar 2026 – 5 Mar 2026");
    }

    #[test]
    fn month_names_come_from_every_resource() {
        for &lang in Lang::ALL {
            let t = Texts::new(lang);
            for m in 1..=12 {
                for kind in ["short", "long"] {
                    let id = format!("month-{kind}-{m}");
                    assert_ne!(t.t(&id), id, "{lang}: {id}");
                }
            }
        }
    }

    #[test]
    fn domain_values_have_a_name_in_every_language() {
        for &lang in Lang::ALL {
            let t = Texts::new(lang);
            let mut names = vec![];
            for m in Molecule::ALL {
                assert!(t.has(&format!("molecule-{}", m.name().replace(' ', "-"))), "{lang}: {m:?}");
                names.push(t.molecule(m));
            }
            for &s in GoalStatus::ALL {
                names.push(t.goal_status(s));
            }
            for g in -2..=2 {
                names.push(t.gas_label(g));
                names.push(t.gas(g));
            }
            for r in [ReviewDecision::Keep, ReviewDecision::Adjust, ReviewDecision::Change] {
                names.push(t.review_decision(r));
            }
            for s in [StepStatus::Done, StepStatus::Current, StepStatus::Upcoming, StepStatus::Cancelled] {
                names.push(t.step_status(s));
            }
            for k in [
                EntryKind::Dose,
                EntryKind::Sleep,
                EntryKind::Anxiety,
                EntryKind::Gad7,
                EntryKind::Goal,
                EntryKind::Review,
                EntryKind::Plan,
                EntryKind::Question,
            ] {
                names.push(t.entry_kind(k));
            }
            for q in [
                SleepQuality::VeryPoor,
                SleepQuality::Poor,
                SleepQuality::Fair,
                SleepQuality::Good,
                SleepQuality::VeryGood,
            ] {
                names.push(t.sleep_quality(q));
            }
            for p in [Proposer::Patient, Proposer::Clinician, Proposer::Together] {
                names.push(t.proposer(p));
            }
            names.extend([t.pace(Pace::Standard), t.pace(Pace::Gentle)]);
            for kind in [
                GoalKind::Stop { molecule: None },
                GoalKind::Stop { molecule: Some(Molecule::Zolpidem) },
                GoalKind::Reduce { molecule: Molecule::Lormetazepam, target_mg: 0.5 },
                GoalKind::Stable { molecule: None },
                GoalKind::Stable { molecule: Some(Molecule::Diazepam) },
                GoalKind::Keep,
            ] {
                names.push(t.goal_kind(&kind));
            }
            let all_ids: BTreeSet<String> =
                ids(lang.source()).into_iter().filter(|id| id.contains('-')).collect();
            for name in names {
                assert!(!name.is_empty() && !name.contains(['{', '}']), "{lang}: {name:?}");
                assert!(!all_ids.contains(&name), "{lang}: fell back to an id: {name}");
            }
        }
    }

    #[test]
    fn sentences_built_from_domain_values() {
        let en = Texts::new(Lang::En);
        let fr = Texts::new(Lang::Fr);
        let nb = Texts::new(Lang::Nb);
        let reduce = GoalKind::Reduce { molecule: Molecule::Lormetazepam, target_mg: 0.5 };
        assert_eq!(en.goal_kind(&reduce), "Reduce lormetazepam to 0.5 mg/day");
        assert_eq!(fr.goal_kind(&reduce), "lormétazépam\u{A0}: réduire à 0,5 mg/jour");
        assert_eq!(nb.molecule(Molecule::Zopiclone), "zopiklon");
        assert_eq!(en.molecule(Molecule::EthylLoflazepate), "ethyl loflazepate");
        assert_eq!(
            (en.yes_no(true), fr.yes_no(false), nb.yes_no(true)),
            ("yes".into(), "non".into(), "ja".into())
        );
        assert_eq!(en.gas(1), "GAS +1 (somewhat more than expected)");
        assert_eq!(fr.gas(-2), "GAS -2 (beaucoup moins que prévu)");
        assert_eq!(
            en.plan_switch(
                Molecule::Alprazolam,
                1.5,
                MgRange { low: 30.0, high: 30.0 },
                "Ashton",
                "Dr. Janssens"
            ),
            "alprazolam 1.5 mg ≈ 30 mg diazepam (Ashton), agreed with Dr. Janssens"
        );
        assert_eq!(
            en.pace_reason(27.5, 27.5, 25.0, Pace::Standard, None),
            "This step is 27.5\u{A0}% per 14 days, faster than the usual limit of the ASAM 2025 guideline \
             (25\u{A0}% in 2 weeks)."
        );
        assert_eq!(
            nb.pace_reason(100.0, 100.0, 10.0, Pace::Gentle, Some(1)),
            "Det siste trinnet til null stopper dosen på 1 dag (100\u{A0}% per 14 dager), raskere enn det \
             rolige tempoet som er valgt for denne planen (10\u{A0}% per 2 uker)."
        );
        assert_eq!(nb.molecule_named("oxazepam"), "oksazepam");
        assert_eq!(fr.molecule_named("unknown substance"), "substance inconnue");
        assert_eq!(en.molecule_named("etizolam"), "etizolam");
        assert_eq!(en.left_out(&[], 0), None);
        assert_eq!(
            en.left_out(&[Hideable::NonPrescribed, Hideable::Plan], 1).as_deref(),
            Some("Left out by the patient: non-prescribed use, taper plan, a goal")
        );
        assert_eq!(
            fr.left_out(&[Hideable::Notes], 2).as_deref(),
            Some("Non inclus par le patient\u{A0}: notes, 2 objectifs")
        );
        for &lang in Lang::ALL {
            let t = Texts::new(lang);
            for &h in Hideable::ALL {
                assert!(!t.hideable(h).starts_with("hideable-"), "{lang}: {h:?}");
            }
        }
        let period = en.t_args(
            "period-value",
            &[("range", en.date_range(d(2026, 3, 2), d(2026, 3, 29)).into()), ("days", 28.into())],
        );
        assert_eq!(period, "2 – 29 Mar 2026 (28 days)");
    }

    #[test]
    fn unknown_ids_show_the_id_and_are_reported() {
        let t = Texts::new(Lang::Nl);
        assert_eq!(t.t("no-such-message"), "no-such-message");
        assert!(t.format_checked("no-such-message", &[]).is_err());
        let missing_arg = t.format_checked("dose-count", &[]);
        assert!(missing_arg.is_err(), "{missing_arg:?}");
        assert_eq!(t.lang(), Lang::Nl);
    }

    #[test]
    fn languages_parse_from_keys_and_tags() {
        assert_eq!(Lang::parse("en"), Some(Lang::En));
        assert_eq!(Lang::parse(" EN-gb "), Some(Lang::En));
        assert_eq!(Lang::parse("fr-BE"), Some(Lang::Fr));
        assert_eq!(Lang::parse("nl_BE"), Some(Lang::Nl));
        assert_eq!(Lang::parse("nb-NO"), Some(Lang::Nb));
        assert_eq!(Lang::parse("no"), Some(Lang::Nb));
        assert_eq!(Lang::parse("de"), None);
        assert_eq!(Lang::parse(""), None);
        assert_eq!("nb".parse::<Lang>(), Ok(Lang::Nb));
        assert!("xx".parse::<Lang>().is_err());
        for &lang in Lang::ALL {
            assert_eq!(Lang::parse(lang.key()), Some(lang));
            assert_eq!(serde_json::to_string(&lang).unwrap(), format!("\"{}\"", lang.key()));
            assert_eq!(serde_json::from_str::<Lang>(&format!("\"{lang}\"")).unwrap(), lang);
            assert!(!lang.name().is_empty());
        }
        assert_eq!(Lang::Fr.name(), "Français");
    }

    #[test]
    fn texts_can_be_shared_between_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Texts>();
    }
}
