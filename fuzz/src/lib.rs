//! Shared decoding for the structure-aware fuzz targets: a tiny byte format that turns fuzz input
//! into entry drafts, plan actions, summary requests and FFI calls, and the matching [`Writer`] that
//! the seed generator (`examples/seeds.rs`) uses to write valid, realistic inputs into `corpus/`.
//!
//! Every value is read from the front of the input; an exhausted input reads as zeros, so any byte
//! string decodes to something. Drafts go through the core's own validation (`EntryDraft::validate`,
//! `TaperPlan::hold`, …), so the diaries built here hold only entries the app itself could store.
//! The core is reached through its public API plus the `internals` feature (renderers, backup
//! format, page reader), never through a copy of its code.
//!
//! [`check_refusal`] holds what every refusal promises a shell, whichever target produced it.

use std::collections::BTreeSet;

use chrono::{Duration, FixedOffset, NaiveDate, NaiveTime, TimeZone};
use steady_core::domain::{
    parse, Diary, DoseDraft, Entry, EntryBody, EntryDraft, EntryId, EquivalenceTable, Field, GoalDraft,
    GoalStatus, GoalType, Hideable, Keyed, LocalInstant, MedicineDraft, Pace, PlanDraft, Problem, Proposer,
    ReviewDecision, Rule, SleepDraft, Split, SwitchDraft, Tail, Valid, ValidationError,
};
use steady_core::internals::export::ExportRequest;
use steady_core::{ExportFormat, Lang, SummaryRequest};

/// Names a drug field can pick by index: INNs, brands, odd spellings and the word "unknown".
pub const DRUG_NAMES: &[&str] = &[
    "lormetazepam",
    "Loramet",
    "diazepam",
    "Valium",
    "alprazolam",
    "Xanax",
    "zolpidem",
    "Stilnoct",
    "zopiclone",
    "Imovane",
    "oxazepam",
    "Seresta",
    "lorazépam",
    "Temesta",
    "bromazepam",
    "Lexotan",
    "clonazepam",
    "Rivotril",
    "temazepam",
    "unknown",
    "nitrazepam",
    "triazolam",
    "eszopiclone",
    "flunitrazepam",
];

/// The fixed "device clock" every decoded input is relative to.
pub fn base_now() -> LocalInstant {
    FixedOffset::east_opt(3600).unwrap().with_ymd_and_hms(2026, 3, 10, 21, 0, 0).unwrap()
}

/// Reads values from fuzz bytes; past the end every read returns zeros.
pub struct Reader<'a> {
    data: &'a [u8],
}

impl<'a> Reader<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Self { data }
    }

    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    pub fn byte(&mut self) -> u8 {
        match self.data.split_first() {
            Some((b, rest)) => {
                self.data = rest;
                *b
            }
            None => 0,
        }
    }

    pub fn bytes<const N: usize>(&mut self) -> [u8; N] {
        let mut out = [0u8; N];
        for b in &mut out {
            *b = self.byte();
        }
        out
    }

    pub fn flag(&mut self) -> bool {
        self.byte() & 1 == 1
    }

    pub fn i16(&mut self) -> i16 {
        i16::from_le_bytes(self.bytes())
    }

    pub fn i32(&mut self) -> i32 {
        i32::from_le_bytes(self.bytes())
    }

    /// Whole number: a small signed byte, or (tag 0x80) any i64.
    pub fn int(&mut self) -> i64 {
        match self.byte() {
            0x80 => i64::from_le_bytes(self.bytes()),
            b => i64::from(b as i8),
        }
    }

    /// Number: tag 0 = none, 1 = any f64 bit pattern (NaN, ∞, subnormals…), n ≥ 2 = (n − 2) / 4.
    pub fn num(&mut self) -> Option<f64> {
        match self.byte() {
            0 => None,
            1 => Some(f64::from_le_bytes(self.bytes())),
            n => Some(f64::from(n - 2) / 4.0),
        }
    }

    /// Text: length byte (255 = a u16 length follows), then bytes read as lossy UTF-8.
    pub fn string(&mut self) -> String {
        let len = match self.byte() {
            255 => usize::from(u16::from_le_bytes(self.bytes())),
            n => usize::from(n),
        };
        let take = len.min(self.data.len());
        let (s, rest) = self.data.split_at(take);
        self.data = rest;
        String::from_utf8_lossy(s).into_owned()
    }

    pub fn opt<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> Option<T> {
        if self.flag() {
            Some(f(self))
        } else {
            None
        }
    }

    /// A drug field: tag < 0x80 picks from [`DRUG_NAMES`], otherwise free text.
    pub fn drug(&mut self) -> String {
        match self.byte() {
            n if n < 0x80 => DRUG_NAMES[usize::from(n) % DRUG_NAMES.len()].to_owned(),
            _ => self.string(),
        }
    }

    /// An instant: minutes before/after `now`, and an offset in quarter hours (out of range = now's).
    pub fn instant(&mut self, now: LocalInstant) -> LocalInstant {
        let minutes = self.i32();
        let quarters = self.byte() as i8;
        let offset = FixedOffset::east_opt(i32::from(quarters) * 900).unwrap_or(*now.offset());
        now.checked_add_signed(Duration::minutes(i64::from(minutes))).unwrap_or(now).with_timezone(&offset)
    }

    /// A date: days before/after `now`'s local date.
    pub fn date(&mut self, now: LocalInstant) -> NaiveDate {
        let days = self.i16();
        let today = now.date_naive();
        today.checked_add_signed(Duration::days(i64::from(days))).unwrap_or(today)
    }

    /// A clock time: minutes after midnight (mod 1440).
    pub fn time(&mut self) -> NaiveTime {
        let m = u32::from(u16::from_le_bytes(self.bytes())) % 1440;
        NaiveTime::from_hms_opt(m / 60, m % 60, 0).unwrap()
    }
}

/// Writes what [`Reader`] reads (for seeds).
#[derive(Default)]
pub struct Writer {
    pub out: Vec<u8>,
}

impl Writer {
    pub fn byte(&mut self, b: u8) -> &mut Self {
        self.out.push(b);
        self
    }
    pub fn flag(&mut self, v: bool) -> &mut Self {
        self.byte(u8::from(v))
    }
    pub fn i16(&mut self, v: i16) -> &mut Self {
        self.out.extend_from_slice(&v.to_le_bytes());
        self
    }
    pub fn i32(&mut self, v: i32) -> &mut Self {
        self.out.extend_from_slice(&v.to_le_bytes());
        self
    }
    pub fn int(&mut self, v: i64) -> &mut Self {
        match i8::try_from(v) {
            Ok(small) if small != i8::MIN => self.byte(small as u8),
            _ => {
                self.byte(0x80);
                self.out.extend_from_slice(&v.to_le_bytes());
                self
            }
        }
    }
    pub fn num(&mut self, v: Option<f64>) -> &mut Self {
        match v {
            None => self.byte(0),
            Some(x) if (x * 4.0).fract() == 0.0 && (0.0..=63.25).contains(&x) => {
                self.byte((x * 4.0) as u8 + 2)
            }
            Some(x) => {
                self.byte(1);
                self.out.extend_from_slice(&x.to_le_bytes());
                self
            }
        }
    }
    pub fn string(&mut self, s: &str) -> &mut Self {
        if s.len() < 255 {
            self.byte(s.len() as u8);
        } else {
            self.byte(255);
            self.out.extend_from_slice(&(s.len() as u16).to_le_bytes());
        }
        self.out.extend_from_slice(s.as_bytes());
        self
    }
    pub fn none(&mut self) -> &mut Self {
        self.byte(0)
    }
    pub fn some(&mut self) -> &mut Self {
        self.byte(1)
    }
    pub fn drug(&mut self, name: &str) -> &mut Self {
        match DRUG_NAMES.iter().position(|n| *n == name) {
            Some(i) => self.byte(i as u8),
            None => self.byte(0x80).string(name),
        }
    }
    pub fn instant(&mut self, minutes_from_now: i32, offset_quarters: i8) -> &mut Self {
        self.i32(minutes_from_now).byte(offset_quarters as u8)
    }
    pub fn date(&mut self, days_from_today: i16) -> &mut Self {
        self.i16(days_from_today)
    }
    pub fn time(&mut self, h: u16, m: u16) -> &mut Self {
        self.out.extend_from_slice(&(h * 60 + m).to_le_bytes());
        self
    }
}

/// Entry kinds in the byte format: the first byte of each entry, mod 8, except the two tags added
/// with the patient's medicine list, 0xF8 and 0xF9 (no committed seed has them as a tag, so every
/// seed keeps its meaning).
pub mod kind {
    pub const DOSE: u8 = 0;
    pub const SLEEP: u8 = 1;
    pub const ANXIETY: u8 = 2;
    pub const GAD7: u8 = 3;
    pub const GOAL: u8 = 4;
    pub const REVIEW: u8 = 5;
    pub const PLAN: u8 = 6;
    pub const QUESTION: u8 = 7;
    /// A medicine on the patient's list (tag 0xF8), then changes to it.
    pub const MEDICINE: u8 = 0xF8;
    /// A usual dose of a listed medicine skipped (tag 0xF9).
    pub const SKIP: u8 = 0xF9;

    /// The kind a tag byte stands for.
    pub fn of(tag: u8) -> u8 {
        match tag {
            MEDICINE | SKIP => tag,
            _ => tag % 8,
        }
    }
}

/// Most entries decoded from one input (bounds the time per input).
pub const MAX_ENTRIES: usize = 400;

/// What a decoded input produced: the entries that passed validation, and how many drafts were
/// refused (a seed is "valid" when none were).
pub struct Decoded {
    pub entries: Vec<Entry>,
    pub refused: usize,
}

/// Decodes entries until the input ends, validating each draft as the app does.
pub fn entries(r: &mut Reader, now: LocalInstant) -> Decoded {
    let mut out: Vec<Entry> = Vec::new();
    let mut goals: Vec<EntryId> = Vec::new();
    let mut medicines: Vec<EntryId> = Vec::new();
    let mut refused = 0;
    while !r.is_empty() && out.len() < MAX_ENTRIES {
        let tag = kind::of(r.byte());
        let body = match tag {
            kind::GOAL => goal(r, now),
            kind::PLAN => plan(r, now),
            kind::MEDICINE => medicine(r, now),
            kind::SKIP => {
                let draft = EntryDraft::Skip {
                    medicine: pick(r, &medicines),
                    at: r.opt(|r| r.instant(now)),
                    note: opt_text(r),
                };
                draft.validate(now, |_| false).ok()
            }
            _ => {
                let draft = draft(r, tag, now, &goals);
                let known = |id: EntryId| goals.contains(&id);
                draft.validate(now, known).ok()
            }
        };
        match body {
            Some(body) => {
                let id = EntryId::new();
                match body {
                    EntryBody::Goal(_) => goals.push(id),
                    EntryBody::Medicine(_) => medicines.push(id),
                    _ => {}
                }
                out.push(Entry { id, body });
            }
            None => refused += 1,
        }
    }
    Decoded { entries: out, refused }
}

fn opt_text(r: &mut Reader) -> Option<String> {
    r.opt(Reader::string)
}

/// An earlier entry by index; 0xFF (or none yet) names an id that is no entry of the diary.
fn pick(r: &mut Reader, ids: &[EntryId]) -> EntryId {
    let pick = r.byte();
    match ids.len() {
        0 => EntryId::new(),
        _ if pick == 0xFF => EntryId::new(),
        n => ids[usize::from(pick) % n],
    }
}

/// A medicine draft: drug, amount (mg or tablets of a strength), usual times (up to 9, one over
/// the limit), as needed, non-prescribed, first day.
fn medicine_draft(r: &mut Reader, now: LocalInstant) -> MedicineDraft {
    MedicineDraft {
        drug: r.drug(),
        mg: r.num(),
        tablets: r.num(),
        strength_mg: r.num(),
        times: (0..r.byte() % 10).map(|_| r.time()).collect(),
        as_needed: r.flag(),
        non_prescribed: r.flag(),
        from: r.opt(|r| r.date(now)),
    }
}

/// A medicine added to the list, then up to three changes of its regimen or its stop (each
/// validated, as the app does).
fn medicine(r: &mut Reader, now: LocalInstant) -> Option<EntryBody> {
    let draft = medicine_draft(r, now);
    let mut medicine = EntryDraft::Medicine(draft).validate(now, |_| false).ok()?;
    let EntryBody::Medicine(m) = &mut medicine else { unreachable!("a medicine draft makes a medicine") };
    for _ in 0..r.byte() % 4 {
        let next = match r.byte() % 2 {
            0 => m.changed(&medicine_draft(r, now), now),
            _ => m.stop(r.date(now)),
        };
        if let Ok(next) = next {
            **m = next;
        }
    }
    Some(medicine)
}

fn draft(r: &mut Reader, tag: u8, now: LocalInstant, goals: &[EntryId]) -> EntryDraft {
    match tag {
        kind::DOSE => EntryDraft::Dose(DoseDraft {
            taken_at: r.opt(|r| r.instant(now)),
            drug: r.drug(),
            mg: r.num(),
            tablets: r.num(),
            strength_mg: r.num(),
            non_prescribed: r.flag(),
            note: opt_text(r),
            // Not in this byte format (kept for the committed seeds): doses name no medicine here.
            ..DoseDraft::default()
        }),
        kind::SLEEP => EntryDraft::Sleep(SleepDraft {
            night: r.opt(|r| r.date(now)),
            hours: r.num(),
            quality: r.opt(Reader::int),
            latency_min: r.opt(Reader::int),
            awakenings: r.opt(Reader::int),
            waso_min: r.opt(Reader::int),
            in_bed: r.opt(Reader::time),
            tried_to_sleep: r.opt(Reader::time),
            final_awakening: r.opt(Reader::time),
            out_of_bed: r.opt(Reader::time),
            note: opt_text(r),
        }),
        kind::ANXIETY => {
            EntryDraft::Anxiety { at: r.opt(|r| r.instant(now)), score: r.int(), note: opt_text(r) }
        }
        kind::GAD7 => {
            let at = r.opt(|r| r.instant(now));
            let n = r.byte() % 10;
            EntryDraft::Gad7 { at, items: (0..n).map(|_| r.int()).collect() }
        }
        kind::REVIEW => {
            // A goal of this diary by index; 0xFF (or no goal yet) names an id that is no goal.
            EntryDraft::Review {
                goal: pick(r, goals),
                at: r.opt(|r| r.instant(now)),
                gas: r.int(),
                note: opt_text(r),
                decision: ReviewDecision::ALL[usize::from(r.byte()) % ReviewDecision::ALL.len()],
                next_review: r.opt(|r| r.date(now)),
            }
        }
        _ => EntryDraft::Question { at: r.opt(|r| r.instant(now)), text: r.string(), discussed: r.flag() },
    }
}

/// A goal: kind (0–3 picks a [`GoalType`], anything else is a typed word read with the core's
/// grammar), the draft, then the status it has reached.
fn goal(r: &mut Reader, now: LocalInstant) -> Option<EntryBody> {
    let kind: Valid<GoalType> = match r.byte() {
        n if n < 4 => Ok(GoalType::ALL[usize::from(n)]),
        _ => GoalType::parse(&r.string()),
    };
    let set_at = r.opt(|r| r.instant(now));
    let what_matters = r.string();
    let drug = r.opt(Reader::drug);
    let target_mg = r.num();
    let due = r.opt(|r| r.date(now));
    let review_on = r.opt(|r| r.date(now));
    let proposed_by = Proposer::ALL[usize::from(r.byte()) % Proposer::ALL.len()];
    let agreed_with = opt_text(r);
    let status = GoalStatus::ALL[usize::from(r.byte()) % GoalStatus::ALL.len()];
    let draft = GoalDraft {
        set_at,
        kind: kind.ok()?,
        what_matters,
        drug,
        target_mg,
        due,
        review_on,
        proposed_by,
        agreed_with,
    };
    let mut goal = EntryDraft::Goal(draft).validate(now, |_| false).ok()?;
    if let EntryBody::Goal(g) = &mut goal {
        g.status = status;
    }
    Some(goal)
}

/// A taper plan: the draft (split as a number of parts, pace and switch table as picks or typed
/// words, each read as a shell reads it), then up to four things the patient does to it.
fn plan(r: &mut Reader, now: LocalInstant) -> Option<EntryBody> {
    let drug = r.drug();
    let start_mg = r.num().unwrap_or(0.0);
    let start = r.opt(|r| r.date(now));
    let percent = r.num();
    let interval_days = r.opt(Reader::int);
    let strengths_mg = {
        let n = r.byte() % 5;
        (0..n).map(|_| r.num().unwrap_or(0.0)).collect()
    };
    let split = Split::from_parts(r.int());
    let floor_mg = r.num();
    let pace: Valid<Option<Pace>> = match r.byte() {
        0 => Ok(None),
        1 => Ok(Some(Pace::Standard)),
        2 => Ok(Some(Pace::Gentle)),
        _ => parse::choice(Field::Pace, &r.string()).map(Some),
    };
    let switch = r
        .opt(|r| {
            let from_drug = r.drug();
            let from_mg = r.num().unwrap_or(0.0);
            let table = r
                .opt(|r| match r.byte() % 5 {
                    4 => parse::choice(Field::SwitchTable, &r.string()),
                    i => Ok(EquivalenceTable::ALL[usize::from(i)]),
                })
                .transpose();
            let agreed_with = r.string();
            table.map(|table| SwitchDraft { from_drug, from_mg, table, agreed_with })
        })
        .transpose();
    let tail = r.opt(|r| match r.byte() % 2 {
        0 => Tail::Liquid { mg_per_ml: r.num().unwrap_or(0.0), min_ml: r.num().unwrap_or(0.0) },
        _ => Tail::Compounded { step_mg: r.num().unwrap_or(0.0) },
    });
    let draft = PlanDraft {
        drug,
        start_mg,
        start,
        percent,
        interval_days,
        strengths_mg,
        split: split.ok()?,
        floor_mg,
        pace: pace.ok()?,
        switch: switch.ok()?,
        tail,
    };
    let mut plan = draft.validate(now).ok()?;
    // What the patient does to the plan afterwards: hold, resume, re-pace, end (each validated).
    for _ in 0..r.byte() % 5 {
        let action = r.byte() % 4;
        let on = r.date(now);
        let next = match action {
            0 => plan.hold(on, &r.string()),
            1 => plan.resume(on),
            2 => {
                let percent = r.num().unwrap_or(0.0);
                plan.change_pace(on, percent, u32::from(u16::from_le_bytes(r.bytes())))
            }
            _ => {
                let reason = opt_text(r);
                plan.end(on, reason.as_deref())
            }
        };
        if let Ok(p) = next {
            plan = p;
        }
    }
    Some(EntryBody::Plan(Box::new(plan)))
}

/// A summary request decoded from the input's header: what a shell sends, and what the diary
/// around it supplies.
pub struct Request {
    /// The device clock.
    pub now: LocalInstant,
    /// The request exactly as a shell sends it (period always given here, possibly backwards or
    /// longer than allowed: [`render_all`] checks how it is refused).
    pub summary: SummaryRequest,
    /// The diary's current equivalence table (what a request without a table uses).
    pub table: EquivalenceTable,
    /// Bit i hides the i-th goal of the diary.
    pub hidden_goal_mask: u8,
    /// The day the summary is made for (plan status), when not the device's today.
    pub today: Option<NaiveDate>,
}

/// Header: now (days and offset), period, table, language, hidden parts, hidden goals, "today".
/// Table byte: bits 0–1 pick the table, bit 6 leaves it out of the request (the diary's table is
/// used). Language byte: mod 5, 4 = left out (English).
pub fn request(r: &mut Reader) -> Request {
    let base = base_now();
    let days = r.i16();
    let quarters = r.byte() as i8;
    let offset = FixedOffset::east_opt(i32::from(quarters) * 900).unwrap_or(*base.offset());
    let now = base.checked_add_signed(Duration::days(i64::from(days))).unwrap_or(base).with_timezone(&offset);
    let from = r.date(now);
    // Periods up to ~2 years either way; one span in eight is kept as is (up to ~90 years either
    // way: refused by the core beyond 20 years, see `render_all`), so most inputs stay in the range
    // a patient actually uses.
    let span = match r.i16() {
        s if s & 7 == 7 => s,
        s => s % 800,
    };
    let to = from.checked_add_signed(Duration::days(i64::from(span))).unwrap_or(from);
    let table_byte = r.byte();
    let table = EquivalenceTable::ALL[usize::from(table_byte) % EquivalenceTable::ALL.len()];
    let language = match r.byte() % 5 {
        4 => None,
        i => Some(Lang::ALL[usize::from(i)]),
    };
    let hide_mask = r.byte();
    let exclude: Vec<Hideable> = Hideable::ALL
        .iter()
        .enumerate()
        .filter(|(i, _)| hide_mask & (1 << i) != 0)
        .map(|(_, h)| *h)
        .collect();
    let hidden_goal_mask = r.byte();
    let today = r.opt(|r| r.date(now));
    let summary = SummaryRequest {
        from: Some(from),
        to: Some(to),
        format: ExportFormat::Text,
        table: (table_byte & 0x40 == 0).then_some(table),
        language,
        exclude,
        hidden_goals: Vec::new(),
        ips: table_byte & 0x80 != 0,
    };
    Request { now, summary, table, hidden_goal_mask, today }
}

/// Applies the hidden-goal mask to the diary's goals (in time order).
pub fn hide_goals(req: &mut Request, diary: &Diary) {
    for (i, (id, _)) in diary.goals().enumerate().take(8) {
        if req.hidden_goal_mask & (1 << i) != 0 {
            req.summary.hidden_goals.push(id);
        }
    }
}

/// Resolves the request as every shell's does (`SummaryRequest::resolve`): a period that runs
/// backwards or covers more than [`MAX_DAYS`](steady_core::domain::period::MAX_DAYS) is refused
/// with exactly that rule, named on `from`, and anything else is accepted as sent. A refused
/// period is then swapped and cut to the longest allowed, so the renderers still see it.
pub fn resolve(req: &Request) -> ExportRequest {
    use steady_core::domain::period::MAX_DAYS;
    let today = req.now.date_naive();
    let (from, to) = (req.summary.from.expect("always sent"), req.summary.to.expect("always sent"));
    let too_long = (to - from).num_days().abs() >= i64::from(MAX_DAYS);
    let mut resolved = match req.summary.resolve(today) {
        Ok(resolved) => {
            assert!(from <= to && !too_long, "period {from}..{to} accepted");
            assert_eq!(
                (resolved.period.from(), resolved.period.to()),
                (from, to),
                "the period is the one sent"
            );
            resolved
        }
        Err(e) => {
            let rule = if from > to { Rule::PeriodStartsAfterEnd } else { Rule::PeriodTooLong };
            assert!(from > to || too_long, "period {from}..{to} refused: {e}");
            assert_eq!(e, ValidationError::new(Field::From, Problem::inconsistent(rule)));
            check_refusal(&e);
            let first = from.min(to);
            let longest = first.checked_add_signed(Duration::days(i64::from(MAX_DAYS) - 1));
            let last = longest.map_or(from.max(to), |l| l.min(from.max(to)));
            let fixed = SummaryRequest { from: Some(first), to: Some(last), ..req.summary.clone() };
            fixed.resolve(today).expect("a forward period of at most MAX_DAYS is accepted")
        }
    };
    assert_eq!(resolved.lang, req.summary.language.unwrap_or_default());
    assert_eq!(resolved.options.hide, req.summary.exclude.iter().copied().collect::<BTreeSet<_>>());
    assert_eq!(resolved.options.hidden_goals.len(), req.summary.hidden_goals.len());
    resolved.options.today = req.today;
    resolved
}

/// Renders `diary` in every format for `req` (resolved by [`resolve`]) through the one export
/// entry point the CLI and the phones use, checking what each format promises: text is non-empty
/// UTF-8, CSV is UTF-8, JSON and FHIR parse as JSON (FHIR a `Bundle`), the PDF starts with `%PDF-`
/// and ends with `%%EOF`, the MIME type is the format's, and file names carry the period only.
pub fn render_all(diary: &Diary, req: &Request) {
    use steady_core::internals::export::export;
    let resolved = resolve(req);
    let table = resolved.table.unwrap_or(req.table);
    let (from, to) = (resolved.period.from(), resolved.period.to());
    for &format in ExportFormat::ALL {
        let r = ExportRequest { format, ..resolved.clone() };
        let file = match export(diary, &r, table, req.now) {
            Ok(file) => file,
            Err(e) => panic!("{format:?} export failed: {e}"),
        };
        let (mime, ext) = mime_and_extension(format);
        assert_eq!(file.file_name, format!("steady-summary-{from}-{to}.{ext}"));
        assert_eq!(file.mime_type, mime);
        match format {
            ExportFormat::Text => {
                assert!(!file.bytes.is_empty());
                std::str::from_utf8(&file.bytes).expect("text is UTF-8");
            }
            ExportFormat::Csv => {
                std::str::from_utf8(&file.bytes).expect("CSV is UTF-8");
            }
            ExportFormat::Json => {
                serde_json::from_slice::<serde_json::Value>(&file.bytes).expect("JSON parses");
            }
            ExportFormat::Fhir => {
                let v: serde_json::Value = serde_json::from_slice(&file.bytes).expect("FHIR JSON parses");
                assert_eq!(v["resourceType"], "Bundle");
            }
            ExportFormat::Pdf => {
                assert!(file.bytes.starts_with(b"%PDF-"), "PDF header");
                let tail = &file.bytes[file.bytes.len().saturating_sub(8)..];
                assert!(tail.windows(5).any(|w| w == b"%%EOF"), "PDF trailer");
            }
        }
    }
}

fn mime_and_extension(format: ExportFormat) -> (&'static str, &'static str) {
    match format {
        ExportFormat::Text => ("text/plain; charset=utf-8", "txt"),
        ExportFormat::Json => ("application/json", "json"),
        ExportFormat::Csv => ("text/csv; charset=utf-8", "csv"),
        ExportFormat::Pdf => ("application/pdf", "pdf"),
        ExportFormat::Fhir => ("application/fhir+json", "fhir.json"),
    }
}

/// Longest piece of a person's input an error may echo back.
pub const MAX_ECHO: usize = 40;

/// A message shown to a person (a terminal, a phone's error label) carries no control characters:
/// echoed input cannot move the cursor, recolour the terminal or forge a second line.
pub fn check_shown(shown: &str) {
    assert!(!shown.chars().any(char::is_control), "control characters in an error message: {shown:?}");
}

/// What every refusal promises a shell: its message starts with the field's stable key, neither the
/// message nor the problem's own text carries control characters, and any input it echoes is at
/// most [`MAX_ECHO`] characters.
pub fn check_refusal(e: &ValidationError) {
    let shown = e.to_string();
    assert!(!e.field.key().is_empty());
    assert!(shown.starts_with(e.field.key()), "{shown:?} names {}", e.field.key());
    check_shown(&shown);
    check_shown(&e.problem.to_string());
    match &e.problem {
        Problem::Unreadable { text, .. } | Problem::SkippedByClocks { text } => {
            assert!(text.chars().count() <= MAX_ECHO, "echoes {} characters", text.chars().count())
        }
        Problem::UnknownDrug { name } => {
            assert!(name.chars().count() <= MAX_ECHO, "echoes {} characters", name.chars().count())
        }
        _ => {}
    }
}

/// FFI decoding for the `ffi_input` target: what a phone sends across UniFFI, with every value the
/// FFI carries as a string (dates, clock times, instants, entry ids) fuzzed as a string and lifted
/// exactly as the custom types in `shared/src/ffi/types.rs` lift it.
pub mod ffi {
    use super::{base_now, check_refusal, check_shown, Reader};
    use chrono::{NaiveDate, NaiveTime};
    use steady_core::domain::{
        parse, DoseDraft, EntryDraft, EntryId, EquivalenceTable, Expected, Field, GoalDraft, GoalStatus,
        GoalType, Hideable, Keyed, LocalInstant, MedicineDraft, Pace, PlanDraft, Proposer, ReviewDecision,
        SleepDraft, Split, SwitchDraft, Tail, ValidationError,
    };
    use steady_core::ffi::SteadyError;
    use steady_core::{ExportFormat, Lang, PlanAction, SummaryRequest};

    /// Reads wire values as the FFI lifts them. A string the custom type refuses is replaced by a
    /// placeholder so decoding stays in step, and the first refusal is kept: the call then fails
    /// with it, as the generated scaffolding fails the whole call.
    pub struct Wire<'r, 'a> {
        pub r: &'r mut Reader<'a>,
        refused: Option<SteadyError>,
    }

    impl<'r, 'a> Wire<'r, 'a> {
        pub fn new(r: &'r mut Reader<'a>) -> Self {
            Self { r, refused: None }
        }

        fn refuse(&mut self, e: ValidationError) {
            self.refused.get_or_insert(SteadyError::from(e));
        }

        /// The call's arguments, or the first value a custom type refused.
        pub fn finish<T>(self, value: T) -> Result<T, SteadyError> {
            match self.refused {
                Some(e) => Err(e),
                None => Ok(value),
            }
        }

        pub fn opt<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> Option<T> {
            if self.r.flag() {
                Some(f(self))
            } else {
                None
            }
        }

        fn string(&mut self) -> String {
            self.r.string()
        }

        /// `NaiveDate`: `YYYY-MM-DD`.
        pub fn date(&mut self) -> NaiveDate {
            let text = self.r.string();
            parse::iso_date(&text).unwrap_or_else(|| {
                self.refuse(ValidationError::unreadable(Field::Date, &text, Expected::Date));
                NaiveDate::MIN
            })
        }

        /// `NaiveTime`: `HH:MM`.
        pub fn time(&mut self) -> NaiveTime {
            let text = self.r.string();
            parse::hh_mm(&text).unwrap_or_else(|| {
                self.refuse(ValidationError::unreadable(Field::Time, &text, Expected::ClockTime));
                NaiveTime::MIN
            })
        }

        /// `LocalInstant`: RFC 3339 with its offset.
        pub fn instant(&mut self) -> LocalInstant {
            let text = self.r.string();
            parse::rfc3339(&text).unwrap_or_else(|| {
                self.refuse(ValidationError::unreadable(Field::Instant, &text, Expected::Instant));
                base_now()
            })
        }

        /// `EntryId`: a UUID string.
        pub fn id(&mut self) -> EntryId {
            let text = self.r.string();
            text.parse::<EntryId>().unwrap_or_else(|e| {
                self.refuse(e);
                EntryId::from_bytes([0; 16])
            })
        }

        /// A UniFFI enum: its variant index (a phone cannot send another value).
        fn pick<T: Keyed>(&mut self) -> T {
            T::ALL[usize::from(self.r.byte()) % T::ALL.len()]
        }
    }

    /// One call a phone makes.
    pub enum Call {
        /// `log(entry)`.
        Log(Result<EntryDraft, SteadyError>),
        /// `edit(id, entry)`.
        Edit(Result<(EntryId, EntryDraft), SteadyError>),
        /// `delete(id)`.
        Delete(Result<EntryId, SteadyError>),
        /// `set_goal_status(id, status)`.
        SetGoalStatus(Result<(EntryId, GoalStatus), SteadyError>),
        /// `plan_action(action)`, applied to the plan logged last.
        Plan(PlanAction),
        /// `summary(request)` / `summary_screen(request)`.
        Summary(Result<SummaryRequest, SteadyError>),
        /// The free grammar functions and `read_instant`, on text a person typed.
        Typed(Typed),
    }

    /// A text field's content sent to one of the grammar entry points.
    pub enum Typed {
        /// `parse_tablets(text)`.
        Tablets(String),
        /// `parse_number(text)`.
        Number(String),
        /// `parse_date(text, today)` (today lifted from the wire).
        Date(String, Result<NaiveDate, SteadyError>),
        /// `parse_clock_time(text)`.
        ClockTime(String),
        /// `read_instant(text)` on a phone in the zone picked by the byte.
        Instant(String, u8),
    }

    /// Call tags (the first byte of each call, mod 8).
    pub mod tag {
        pub const LOG: u8 = 0;
        pub const EDIT: u8 = 2;
        pub const DELETE: u8 = 3;
        pub const GOAL_STATUS: u8 = 4;
        pub const PLAN: u8 = 5;
        pub const SUMMARY: u8 = 6;
        pub const TYPED: u8 = 7;
    }

    /// Decodes one call.
    pub fn call(r: &mut Reader) -> Call {
        match r.byte() % 8 {
            tag::EDIT => {
                let mut w = Wire::new(r);
                let id = w.id();
                let d = draft(&mut w);
                Call::Edit(w.finish((id, d)))
            }
            tag::DELETE => {
                let mut w = Wire::new(r);
                let id = w.id();
                Call::Delete(w.finish(id))
            }
            tag::GOAL_STATUS => {
                let mut w = Wire::new(r);
                let id = w.id();
                let status = w.pick::<GoalStatus>();
                Call::SetGoalStatus(w.finish((id, status)))
            }
            tag::PLAN => Call::Plan(match r.byte() % 4 {
                0 => PlanAction::Hold { reason: r.string() },
                1 => PlanAction::Resume,
                2 => PlanAction::ChangePace {
                    percent: r.num().unwrap_or(0.0),
                    interval_days: u32::from_le_bytes(r.bytes()),
                },
                _ => PlanAction::End { reason: r.opt(Reader::string) },
            }),
            tag::SUMMARY => {
                let mut w = Wire::new(r);
                let from = w.opt(Wire::date);
                let to = w.opt(Wire::date);
                let format = w.pick::<ExportFormat>();
                let table = w.opt(Wire::pick::<EquivalenceTable>);
                let language = w.opt(Wire::pick::<Lang>);
                let exclude = (0..w.r.byte() % 9).map(|_| w.pick::<Hideable>()).collect();
                let hidden_goals = (0..w.r.byte() % 4).map(|_| w.id()).collect();
                let ips = w.r.byte() & 1 == 1;
                let req = SummaryRequest { from, to, format, table, language, exclude, hidden_goals, ips };
                Call::Summary(w.finish(req))
            }
            tag::TYPED => {
                let which = r.byte() % 5;
                let text = r.string();
                Call::Typed(match which {
                    0 => Typed::Tablets(text),
                    1 => Typed::Number(text),
                    2 => {
                        let mut w = Wire::new(r);
                        let today = w.date();
                        Typed::Date(text, w.finish(today))
                    }
                    3 => Typed::ClockTime(text),
                    _ => Typed::Instant(text, r.byte()),
                })
            }
            _ => {
                let mut w = Wire::new(r);
                let d = draft(&mut w);
                Call::Log(w.finish(d))
            }
        }
    }

    /// Entry kinds in an FFI draft: those of [`super::kind`] (0–7), then these two.
    pub const MEDICINE: u8 = 8;
    pub const SKIP: u8 = 9;

    /// An entry draft (the kind is the first byte, mod 10).
    pub fn draft(w: &mut Wire) -> EntryDraft {
        fn num(w: &mut Wire) -> Option<f64> {
            w.r.num()
        }
        match w.r.byte() % 10 {
            super::kind::DOSE => EntryDraft::Dose(DoseDraft {
                taken_at: w.opt(Wire::instant),
                drug: w.r.drug(),
                mg: num(w),
                tablets: num(w),
                strength_mg: num(w),
                non_prescribed: w.r.flag(),
                note: w.opt(Wire::string),
                medicine: w.opt(Wire::id),
            }),
            super::kind::SLEEP => EntryDraft::Sleep(SleepDraft {
                night: w.opt(Wire::date),
                hours: num(w),
                quality: w.r.opt(Reader::int),
                latency_min: w.r.opt(Reader::int),
                awakenings: w.r.opt(Reader::int),
                waso_min: w.r.opt(Reader::int),
                in_bed: w.opt(Wire::time),
                tried_to_sleep: w.opt(Wire::time),
                final_awakening: w.opt(Wire::time),
                out_of_bed: w.opt(Wire::time),
                note: w.opt(Wire::string),
            }),
            super::kind::ANXIETY => {
                EntryDraft::Anxiety { at: w.opt(Wire::instant), score: w.r.int(), note: w.opt(Wire::string) }
            }
            super::kind::GAD7 => {
                let at = w.opt(Wire::instant);
                let n = w.r.byte() % 10;
                EntryDraft::Gad7 { at, items: (0..n).map(|_| w.r.int()).collect() }
            }
            super::kind::GOAL => EntryDraft::Goal(GoalDraft {
                kind: w.pick::<GoalType>(),
                set_at: w.opt(Wire::instant),
                what_matters: w.string(),
                drug: w.r.opt(Reader::drug),
                target_mg: num(w),
                due: w.opt(Wire::date),
                review_on: w.opt(Wire::date),
                proposed_by: w.pick::<Proposer>(),
                agreed_with: w.opt(Wire::string),
            }),
            super::kind::REVIEW => EntryDraft::Review {
                goal: w.id(),
                at: w.opt(Wire::instant),
                gas: w.r.int(),
                note: w.opt(Wire::string),
                decision: w.pick::<ReviewDecision>(),
                next_review: w.opt(Wire::date),
            },
            super::kind::PLAN => EntryDraft::Plan(PlanDraft {
                drug: w.r.drug(),
                start_mg: num(w).unwrap_or(0.0),
                start: w.opt(Wire::date),
                percent: num(w),
                interval_days: w.r.opt(Reader::int),
                strengths_mg: (0..w.r.byte() % 10).map(|_| num(w).unwrap_or(0.0)).collect(),
                split: [Split::Whole, Split::Half, Split::Quarter][usize::from(w.r.byte()) % 3],
                floor_mg: num(w),
                pace: w.opt(Wire::pick::<Pace>),
                switch: w.opt(|w| SwitchDraft {
                    from_drug: w.r.drug(),
                    from_mg: num(w).unwrap_or(0.0),
                    table: w.opt(Wire::pick::<EquivalenceTable>),
                    agreed_with: w.string(),
                }),
                tail: w.opt(|w| match w.r.byte() % 2 {
                    0 => Tail::Liquid { mg_per_ml: num(w).unwrap_or(0.0), min_ml: num(w).unwrap_or(0.0) },
                    _ => Tail::Compounded { step_mg: num(w).unwrap_or(0.0) },
                }),
            }),
            super::kind::QUESTION => {
                EntryDraft::Question { at: w.opt(Wire::instant), text: w.string(), discussed: w.r.flag() }
            }
            MEDICINE => EntryDraft::Medicine(MedicineDraft {
                drug: w.r.drug(),
                mg: num(w),
                tablets: num(w),
                strength_mg: num(w),
                times: (0..w.r.byte() % 10).map(|_| w.time()).collect(),
                as_needed: w.r.flag(),
                non_prescribed: w.r.flag(),
                from: w.opt(Wire::date),
            }),
            _ => EntryDraft::Skip { medicine: w.id(), at: w.opt(Wire::instant), note: w.opt(Wire::string) },
        }
    }

    /// What every refusal at the FFI promises a phone: it is `InvalidInput` (never `Internal`, which
    /// would mean a panic was caught), its `detail` (the refusal in words, as the phone shows it) is
    /// a non-empty printable line and is the error's message, and the field and problem keep
    /// [`check_refusal`]'s promises. Returns the refusal as the core's error.
    pub fn check_steady_error(e: &SteadyError) -> ValidationError {
        let SteadyError::InvalidInput { field, problem, detail } = e else {
            panic!("input refused as something other than invalid input: {e}");
        };
        assert!(!detail.trim().is_empty(), "a refusal says what is wrong");
        assert_eq!(e.to_string(), *detail);
        check_shown(detail);
        let v = ValidationError::new(*field, problem.clone());
        check_refusal(&v);
        v
    }
}

/// The backup file format, as the `backup_records` target and its seeds write it.
pub mod backup {
    use steady_core::internals::backup::{HEADER_1_LEN as HEADER_LEN, MAGIC};
    use steady_core::internals::crypto::Sealer;
    use steady_core::internals::PBKDF2_ITERATIONS;

    const CHECK: &[u8] = b"steady backup check v1";

    fn frame(out: &mut Vec<u8>, sealed: &[u8]) {
        out.extend_from_slice(&(sealed.len() as u32).to_be_bytes());
        out.extend_from_slice(sealed);
    }

    /// A backup file in the reader's first format (still read: PBKDF2, the count in the header,
    /// unpadded records): header, sealed check frame, one sealed frame per record
    /// (associated data: header + "check", header + "record" + index, as in store/backup.rs).
    pub fn seal_file(sealer: &Sealer, claimed: u32, records: &[String]) -> Vec<u8> {
        let mut file = Vec::with_capacity(HEADER_LEN + 64 * (records.len() + 1));
        file.extend_from_slice(MAGIC);
        file.extend_from_slice(&1u16.to_be_bytes());
        file.push(1);
        file.extend_from_slice(&PBKDF2_ITERATIONS.to_be_bytes());
        file.extend_from_slice(&[9u8; 16]);
        file.extend_from_slice(&claimed.to_be_bytes());
        assert_eq!(file.len(), HEADER_LEN);
        let head = file.clone();
        let check_aad = [&head[..], b"check"].concat();
        frame(&mut file, &sealer.seal(&check_aad, CHECK).unwrap());
        for (index, record) in (0u32..).zip(records) {
            let aad = [&head[..], b"record", &index.to_be_bytes()].concat();
            frame(&mut file, &sealer.seal(&aad, record.as_bytes()).unwrap());
        }
        file
    }
}
