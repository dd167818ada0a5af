//! Shared decoding for the structure-aware fuzz targets: a tiny byte format that turns fuzz input
//! into entry drafts, plan actions and summary requests, and the matching [`Writer`] that the seed
//! generator (`examples/seeds.rs`) uses to write valid, realistic inputs into `corpus/`.
//!
//! Every value is read from the front of the input; an exhausted input reads as zeros, so any byte
//! string decodes to something. Drafts go through the core's own validation (`EntryDraft::validate`,
//! `TaperPlan::hold`, …), so the diaries built here hold only entries the app itself could store.

use std::collections::BTreeSet;

use chrono::{Duration, FixedOffset, NaiveDate, NaiveTime, TimeZone};
use steady_core::app::diary::Diary;
use steady_core::domain::{
    DoseDraft, Entry, EntryBody, EntryDraft, EntryId, EquivalenceTable, GoalDraft, GoalStatus, LocalInstant,
    Proposer, ReviewDecision, SleepDraft,
};
use steady_core::plan::{PlanDraft, SwitchDraft};
use steady_core::summary::export::{ExportFormat, ExportRequest};
use steady_core::summary::i18n::Lang;
use steady_core::summary::{Hideable, SummaryOptions};

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

/// Entry kinds in the byte format (the first byte of each entry, mod 8).
pub mod kind {
    pub const DOSE: u8 = 0;
    pub const SLEEP: u8 = 1;
    pub const ANXIETY: u8 = 2;
    pub const GAD7: u8 = 3;
    pub const GOAL: u8 = 4;
    pub const REVIEW: u8 = 5;
    pub const PLAN: u8 = 6;
    pub const QUESTION: u8 = 7;
}

/// Most entries decoded from one input (bounds the time per input).
pub const MAX_ENTRIES: usize = 400;

/// What a decoded input produced: the entries that passed validation, and how many drafts were
/// refused (a seed is "valid" when none were).
pub struct Decoded {
    pub entries: Vec<Entry>,
    pub refused: usize,
}

const GOAL_KINDS: [&str; 4] = ["stop", "reduce", "stable", "keep"];
const DECISIONS: [ReviewDecision; 3] = [ReviewDecision::Keep, ReviewDecision::Adjust, ReviewDecision::Change];
const PROPOSERS: [Proposer; 3] = [Proposer::Patient, Proposer::Clinician, Proposer::Together];

/// Decodes entries until the input ends, validating each draft as the app does.
pub fn entries(r: &mut Reader, now: LocalInstant) -> Decoded {
    let mut out: Vec<Entry> = Vec::new();
    let mut goals: Vec<EntryId> = Vec::new();
    let mut refused = 0;
    while !r.is_empty() && out.len() < MAX_ENTRIES {
        let tag = r.byte() % 8;
        let body = match tag {
            kind::GOAL => goal(r, now),
            kind::PLAN => plan(r, now),
            _ => {
                let draft = draft(r, tag, now, &goals);
                let known = |id: EntryId| goals.contains(&id);
                draft.validate(now, known).ok()
            }
        };
        match body {
            Some(body) => {
                let id = EntryId::new();
                if matches!(body, EntryBody::Goal(_)) {
                    goals.push(id);
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
            let pick = r.byte();
            let goal = match goals.len() {
                0 => EntryId::new(),
                n if pick == 0xFF => {
                    let _ = n;
                    EntryId::new()
                }
                n => goals[usize::from(pick) % n],
            };
            EntryDraft::Review {
                goal,
                at: r.opt(|r| r.instant(now)),
                gas: r.int(),
                note: opt_text(r),
                decision: DECISIONS[usize::from(r.byte()) % 3],
                next_review: r.opt(|r| r.date(now)),
            }
        }
        _ => EntryDraft::Question { at: r.opt(|r| r.instant(now)), text: r.string(), discussed: r.flag() },
    }
}

fn goal(r: &mut Reader, now: LocalInstant) -> Option<EntryBody> {
    let kind = match r.byte() {
        n if n < 4 => GOAL_KINDS[usize::from(n)].to_owned(),
        _ => r.string(),
    };
    let draft = GoalDraft {
        set_at: r.opt(|r| r.instant(now)),
        kind,
        what_matters: r.string(),
        drug: r.opt(Reader::drug),
        target_mg: r.num(),
        due: r.opt(|r| r.date(now)),
        review_on: r.opt(|r| r.date(now)),
        proposed_by: PROPOSERS[usize::from(r.byte()) % 3],
        agreed_with: opt_text(r),
    };
    let status = GoalStatus::ALL[usize::from(r.byte()) % GoalStatus::ALL.len()];
    let mut goal = EntryDraft::Goal(draft).validate(now, |_| false).ok()?;
    if let EntryBody::Goal(g) = &mut goal {
        g.status = status;
    }
    Some(goal)
}

fn plan(r: &mut Reader, now: LocalInstant) -> Option<EntryBody> {
    let draft = PlanDraft {
        drug: r.drug(),
        start_mg: r.num().unwrap_or(0.0),
        start: r.opt(|r| r.date(now)),
        percent: r.num(),
        interval_days: r.opt(Reader::int),
        strengths_mg: {
            let n = r.byte() % 5;
            (0..n).map(|_| r.num().unwrap_or(0.0)).collect()
        },
        split: r.int(),
        floor_mg: r.num(),
        pace: match r.byte() {
            0 => None,
            1 => Some("standard".into()),
            2 => Some("gentle".into()),
            _ => Some(r.string()),
        },
        switch: r.opt(|r| SwitchDraft {
            from_drug: r.drug(),
            from_mg: r.num().unwrap_or(0.0),
            table: r.opt(|r| match r.byte() % 5 {
                4 => r.string(),
                i => EquivalenceTable::ALL[usize::from(i)].key().to_owned(),
            }),
            agreed_with: r.string(),
        }),
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

/// A summary request decoded from the input's header.
pub struct Request {
    pub now: LocalInstant,
    pub req: ExportRequest,
    pub table: EquivalenceTable,
    /// Bit i hides the i-th goal of the diary.
    pub hidden_goal_mask: u8,
}

/// Header: now (days and offset), period, table, language, hidden parts, hidden goals, "today".
pub fn request(r: &mut Reader) -> Request {
    let base = base_now();
    let days = r.i16();
    let quarters = r.byte() as i8;
    let offset = FixedOffset::east_opt(i32::from(quarters) * 900).unwrap_or(*base.offset());
    let now = base.checked_add_signed(Duration::days(i64::from(days))).unwrap_or(base).with_timezone(&offset);
    let from = r.date(now);
    // Periods up to ~2 years either way; one longer span in eight is kept as is (up to ~90 years:
    // legal, but slow to render), so most inputs stay in the range a patient actually uses.
    let span = match r.i16() {
        s if s & 7 == 7 => s,
        s => s % 800,
    };
    let to = from.checked_add_signed(Duration::days(i64::from(span))).unwrap_or(from);
    let table = EquivalenceTable::ALL[usize::from(r.byte()) % 4];
    let lang = Lang::ALL[usize::from(r.byte()) % 4];
    let hide_mask = r.byte();
    let hide: BTreeSet<Hideable> = Hideable::ALL
        .into_iter()
        .enumerate()
        .filter(|(i, _)| hide_mask & (1 << i) != 0)
        .map(|(_, h)| h)
        .collect();
    let hidden_goal_mask = r.byte();
    let today = r.opt(|r| r.date(now));
    let options = SummaryOptions { hide, hidden_goals: BTreeSet::new(), today };
    Request {
        now,
        req: ExportRequest { from, to, table: Some(table), options, format: ExportFormat::Text, lang },
        table,
        hidden_goal_mask,
    }
}

/// Applies the hidden-goal mask to the diary's goals (in time order).
pub fn hide_goals(req: &mut Request, diary: &Diary) {
    for (i, (id, _)) in diary.goals().enumerate().take(8) {
        if req.hidden_goal_mask & (1 << i) != 0 {
            req.req.options.hidden_goals.insert(id);
        }
    }
}

/// Renders `diary` in every format for `req`, checking what each format promises: text is
/// non-empty, JSON and FHIR parse as JSON (FHIR a `Bundle`), the PDF starts with `%PDF-` and ends
/// with `%%EOF`, and file names carry the period only.
pub fn render_all(diary: &Diary, req: &Request) {
    use steady_core::summary::export::export;
    for format in
        [ExportFormat::Text, ExportFormat::Json, ExportFormat::Csv, ExportFormat::Pdf, ExportFormat::Fhir]
    {
        let mut r = req.req.clone();
        r.format = format;
        let file = match export(diary, &r, req.table, req.now) {
            Ok(file) => file,
            Err(e) => panic!("{format:?} export failed: {e}"),
        };
        assert_eq!(file.file_name, format!("steady-summary-{}-{}.{}", r.from, r.to, ext(format)));
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

fn ext(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Text => "txt",
        ExportFormat::Json => "json",
        ExportFormat::Csv => "csv",
        ExportFormat::Pdf => "pdf",
        ExportFormat::Fhir => "fhir.json",
    }
}

/// FFI decoding for the `ffi_input` target: what a phone sends, every string field fuzzed.
pub mod ffi {
    use super::Reader;
    use steady_core::ffi::{
        DeTable, Decision, DoseInput, EntryInput, GoalInput, GoalKindInput, GoalStatusInput, PacePreference,
        PageRequest, PlanActionInput, PlanInput, ProposedBy, SleepInput, SwitchInput, UserEvent,
    };

    fn opt_s(r: &mut Reader) -> Option<String> {
        r.opt(Reader::string)
    }

    fn num(r: &mut Reader) -> f64 {
        r.num().unwrap_or(0.0)
    }

    fn table(r: &mut Reader) -> DeTable {
        [DeTable::Ashton, DeTable::VaDod, DeTable::Dutch, DeTable::Norwegian][usize::from(r.byte()) % 4]
    }

    fn entry(r: &mut Reader) -> EntryInput {
        match r.byte() % 8 {
            0 => EntryInput::Dose {
                dose: DoseInput {
                    taken_at: opt_s(r),
                    drug: r.drug(),
                    mg: r.num(),
                    tablets: r.num(),
                    strength_mg: r.num(),
                    non_prescribed: r.flag(),
                    note: opt_s(r),
                },
            },
            1 => EntryInput::Sleep {
                sleep: SleepInput {
                    night: r.string(),
                    hours: r.num(),
                    quality: r.int(),
                    latency_min: r.opt(Reader::int),
                    awakenings: r.opt(Reader::int),
                    waso_min: r.opt(Reader::int),
                    in_bed: opt_s(r),
                    tried_to_sleep: opt_s(r),
                    final_awakening: opt_s(r),
                    out_of_bed: opt_s(r),
                    note: opt_s(r),
                },
            },
            2 => EntryInput::Anxiety { at: opt_s(r), score: r.int(), note: opt_s(r) },
            3 => {
                let at = opt_s(r);
                let n = r.byte() % 10;
                EntryInput::Gad7 { at, items: (0..n).map(|_| r.int()).collect() }
            }
            4 => EntryInput::Goal {
                goal: GoalInput {
                    kind: [
                        GoalKindInput::Stop,
                        GoalKindInput::Reduce,
                        GoalKindInput::Stable,
                        GoalKindInput::Keep,
                    ][usize::from(r.byte()) % 4],
                    what_matters: r.string(),
                    drug: r.opt(Reader::drug),
                    target_mg: r.num(),
                    due: opt_s(r),
                    review_on: opt_s(r),
                    proposed_by: [ProposedBy::Patient, ProposedBy::Clinician, ProposedBy::Together]
                        [usize::from(r.byte()) % 3],
                    agreed_with: opt_s(r),
                },
            },
            5 => EntryInput::Review {
                goal_id: r.string(),
                at: opt_s(r),
                gas: r.int(),
                note: opt_s(r),
                decision: [Decision::Keep, Decision::Adjust, Decision::Change][usize::from(r.byte()) % 3],
                next_review: opt_s(r),
            },
            6 => EntryInput::Plan {
                plan: PlanInput {
                    drug: r.drug(),
                    start_mg: num(r),
                    start: opt_s(r),
                    percent: r.num(),
                    interval_days: r.opt(Reader::int),
                    strengths_mg: (0..r.byte() % 5).map(|_| num(r)).collect(),
                    split: r.int(),
                    floor_mg: r.num(),
                    pace: r.opt(|r| if r.flag() { PacePreference::Gentle } else { PacePreference::Standard }),
                    switch: r.opt(|r| SwitchInput {
                        from_drug: r.drug(),
                        from_mg: num(r),
                        table: r.opt(table),
                        agreed_with: r.string(),
                    }),
                },
            },
            _ => EntryInput::Question { at: opt_s(r), text: r.string(), discussed: r.flag() },
        }
    }

    pub fn ffi_event(r: &mut Reader) -> UserEvent {
        match r.byte() % 9 {
            0 => UserEvent::Refresh,
            8 => UserEvent::UseTable { table: table(r) },
            1 | 2 => UserEvent::Log { entry: entry(r) },
            3 => UserEvent::Edit { id: r.string(), entry: entry(r) },
            4 => UserEvent::Delete { id: r.string() },
            5 => UserEvent::Show {
                page: match r.byte() % 4 {
                    0 => PageRequest::Today,
                    1 => PageRequest::History { from: opt_s(r), to: opt_s(r) },
                    2 => PageRequest::Summary { from: r.string(), to: r.string() },
                    _ => PageRequest::Plan,
                },
            },
            6 => UserEvent::SetGoalStatus {
                id: r.string(),
                status: [
                    GoalStatusInput::Proposed,
                    GoalStatusInput::Active,
                    GoalStatusInput::OnHold,
                    GoalStatusInput::Achieved,
                    GoalStatusInput::Changed,
                    GoalStatusInput::Abandoned,
                ][usize::from(r.byte()) % 6],
            },
            _ => UserEvent::Plan {
                action: match r.byte() % 4 {
                    0 => PlanActionInput::Hold { reason: r.string() },
                    1 => PlanActionInput::Resume,
                    2 => PlanActionInput::ChangePace {
                        percent: num(r),
                        interval_days: u32::from(u16::from_le_bytes(r.bytes())),
                    },
                    _ => PlanActionInput::End { reason: opt_s(r) },
                },
            },
        }
    }
}

/// The backup file format, as the `backup_records` target and its seeds write it.
pub mod backup {
    use steady_core::store::backup::{HEADER_LEN, MAGIC};
    use steady_core::store::crypto::Sealer;
    use steady_core::store::PBKDF2_ITERATIONS;

    const CHECK: &[u8] = b"steady backup check v1";

    fn frame(out: &mut Vec<u8>, sealed: &[u8]) {
        out.extend_from_slice(&(sealed.len() as u32).to_be_bytes());
        out.extend_from_slice(sealed);
    }

    /// A backup file in the reader's format: header, sealed check frame, one sealed frame per record
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
