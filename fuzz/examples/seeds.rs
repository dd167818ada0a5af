//! Writes the committed seed corpora (`fuzz/corpus/<target>/`): small, valid inputs for every
//! target, and checks that each structured seed decodes to the entries it was written for (none
//! refused by validation) and each FFI seed to the calls it was written for (every wire value
//! lifts and every draft validates, except in the seed made of refusals), so the fuzzers start
//! from inputs that reach the renderers, the schedules and the backup record decoder. Files
//! written by hand or kept from a finding (e.g. `corpus/summary/regression-*`) are left as they
//! are. Run from `fuzz/`: `cargo run --release --example seeds`.

use std::fs;
use std::path::Path;

use steady_core::domain::{Diary, EntryKind, Keyed};
use steady_core::internals::backup::{seal_with_key, Header};
use steady_core::internals::kdf::Kdf;
use steady_core::internals::pages::entry_rows;
use steady_core::internals::{Store, DB_FILE};
use steady_core::{DataKey, Unlock};
use steady_fuzz::{entries, kind, request, Reader, Writer};

fn write(target: &str, name: &str, bytes: &[u8]) {
    let dir = Path::new("corpus").join(target);
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join(name), bytes).unwrap();
}

/// Summary header: now = base (21:00 +01:00 on 2026-03-10) moved by `days`, the period `from`
/// days from today for `span` days, table, language, hidden parts and goals.
fn header(w: &mut Writer, days: i16, from: i16, span: i16, table: u8, lang: u8, hide: u8, goals: u8) {
    w.i16(days).byte(4).date(from).i16(span).byte(table).byte(lang).byte(hide).byte(goals).none();
}

fn dose(
    w: &mut Writer,
    minutes: i32,
    drug: &str,
    tablets: f64,
    strength: f64,
    non_prescribed: bool,
    note: Option<&str>,
) {
    w.byte(kind::DOSE).some().instant(minutes, 4).drug(drug).none().num(Some(tablets)).num(Some(strength));
    w.flag(non_prescribed);
    match note {
        Some(n) => w.some().string(n),
        None => w.none(),
    };
}

fn dose_mg(w: &mut Writer, minutes: i32, drug: &str, mg: f64, non_prescribed: bool) {
    w.byte(kind::DOSE)
        .some()
        .instant(minutes, 4)
        .drug(drug)
        .num(Some(mg))
        .none()
        .none()
        .flag(non_prescribed)
        .none();
}

fn sleep(w: &mut Writer, night: i16, hours: f64, quality: i64, note: Option<&str>) {
    w.byte(kind::SLEEP).some().date(night).num(Some(hours)).some().int(quality);
    w.some().int(25).some().int(2).some().int(30);
    w.some().time(22, 45).some().time(23, 0).some().time(6, 30).some().time(6, 50);
    match note {
        Some(n) => w.some().string(n),
        None => w.none(),
    };
}

fn anxiety(w: &mut Writer, minutes: i32, score: i64, note: Option<&str>) {
    w.byte(kind::ANXIETY).some().instant(minutes, 4).int(score);
    match note {
        Some(n) => w.some().string(n),
        None => w.none(),
    };
}

fn gad7(w: &mut Writer, minutes: i32, items: [i64; 7]) {
    w.byte(kind::GAD7).some().instant(minutes, 4).byte(7);
    for i in items {
        w.int(i);
    }
}

fn goal(
    w: &mut Writer,
    minutes: i32,
    kind_: u8,
    why: &str,
    drug: Option<&str>,
    target: Option<f64>,
    status: u8,
) {
    w.byte(kind::GOAL).byte(kind_).some().instant(minutes, 4).string(why);
    match drug {
        Some(d) => w.some().drug(d),
        None => w.none(),
    };
    w.num(target).some().date(120).some().date(14).byte(2).some().string("Dr. Peeters").byte(status);
}

fn review(w: &mut Writer, goal_index: u8, minutes: i32, gas: i64, decision: u8) {
    w.byte(kind::REVIEW)
        .byte(goal_index)
        .some()
        .instant(minutes, 4)
        .int(gas)
        .some()
        .string("sleeping better");
    w.byte(decision).some().date(28);
}

fn question(w: &mut Writer, minutes: i32, text: &str, discussed: bool) {
    w.byte(kind::QUESTION).some().instant(minutes, 4).string(text).flag(discussed);
}

/// Loramet 1 mg, one tablet at 22:30, on the list from `from_days`; half a tablet from `half_days`.
fn medicine(w: &mut Writer, from_days: i16, half_days: i16) {
    let regimen = |w: &mut Writer, tablets: f64, days: i16| {
        w.drug("Loramet").none().num(Some(tablets)).num(Some(1.0)).byte(1).time(22, 30);
        w.flag(false).flag(false).some().date(days);
    };
    w.byte(kind::MEDICINE);
    regimen(w, 1.0, from_days);
    w.byte(1).byte(0); // one change: a new regimen
    regimen(w, 0.5, half_days);
}

fn skip(w: &mut Writer, medicine_index: u8, minutes: i32) {
    w.byte(kind::SKIP).byte(medicine_index).some().instant(minutes, 4).some().string("forgot");
}

/// Anke's lormetazepam 2 mg taper: 10 % every 14 days on 1 mg tablets in quarters, a hold and a
/// resume, then a gentler pace.
fn plan(w: &mut Writer, start_days: i16) {
    w.byte(kind::PLAN).drug("lormetazepam").num(Some(2.0)).some().date(start_days).num(Some(10.0));
    w.some().int(14).byte(1).num(Some(1.0)).int(4).none().byte(1).none();
    w.byte(3); // three actions
    w.byte(0).date(start_days + 30).string("exams at work");
    w.byte(1).date(start_days + 44);
    w.byte(2).date(start_days + 44).num(Some(5.0)).out.extend_from_slice(&21u16.to_le_bytes());
}

fn switch_plan(w: &mut Writer, start_days: i16) {
    w.byte(kind::PLAN).drug("diazepam").num(Some(10.0)).some().date(start_days).num(Some(10.0));
    w.some().int(14).byte(2).num(Some(2.0)).num(Some(5.0)).int(2).none().byte(2);
    w.some().drug("alprazolam").num(Some(1.0)).some().byte(0).string("Dr. Janssens");
    w.byte(0);
}

fn anke(w: &mut Writer, days: i32) {
    goal(w, -days * 1440 - 600, 1, "Sleep without pills by summer", Some("lormetazepam"), Some(0.5), 1);
    goal(w, -days * 1440 - 500, 0, "Be able to drive again", None, None, 0);
    plan(w, -(days as i16) + 1);
    medicine(w, -(days as i16) + 1, -(days as i16) / 2);
    for d in (1..days).rev() {
        if d % 10 == 0 {
            skip(w, 0, -d * 1440 + 60);
        }
        let evening = -d * 1440 + 90; // 22:30 local
        let quarters = if d > days / 2 { 8.0 } else { 7.0 };
        dose(w, evening, "Loramet", quarters / 4.0, 1.0, false, (d % 9 == 0).then_some("took it late"));
        sleep(
            w,
            -(d as i16),
            5.5 + f64::from(d as u16 % 5) * 0.5,
            1 + i64::from(d as u16 % 5),
            (d % 11 == 0).then_some("woke at 4"),
        );
        anxiety(w, -d * 1440 - 540, i64::from(d as u16 % 8), (d % 13 == 0).then_some("busy day"));
        if d % 7 == 0 {
            gad7(w, -d * 1440 - 530, [1, 2, 1, 0, 2, 1, (d % 4) as i64]);
        }
        if d % 17 == 0 {
            dose(w, -d * 1440 - 300, "Xanax", 0.5, 0.5, true, Some("from a friend"));
        }
        if d % 23 == 0 {
            dose_mg(w, -d * 1440 - 200, "unknown", 2.0, true);
        }
    }
    review(w, 0, -14 * 1440, 1, 1);
    review(w, 1, -7 * 1440, -1, 0);
    question(w, -3 * 1440, "Can I split the last quarter?", false);
    question(w, -40 * 1440, "Is the dizziness from the taper?", true);
}

fn check(name: &str, bytes: &[u8], want_kinds: &[EntryKind]) -> Vec<steady_core::domain::Entry> {
    let mut r = Reader::new(bytes);
    let req = request(&mut r);
    let decoded = entries(&mut r, req.now);
    assert_eq!(decoded.refused, 0, "{name}: every seed entry validates");
    let diary = Diary::from_entries(decoded.entries.clone());
    for k in want_kinds {
        assert!(diary.iter().any(|e| e.body.kind() == *k), "{name}: has a {k:?}");
    }
    println!("{name}: {} bytes, {} entries", bytes.len(), decoded.entries.len());
    decoded.entries
}

fn summary_seeds() -> Vec<steady_core::domain::Entry> {
    use EntryKind::*;
    let all = [Dose, Sleep, Anxiety, Gad7, Goal, Review, Plan, Question, Medicine, Skip];
    let mut anke_entries = Vec::new();
    // Anke, 8 weeks, in each language and table, nothing hidden / everything hidden / notes hidden.
    for (i, (lang, table, hide, days)) in
        [(0u8, 0u8, 0u8, 21), (1, 2, 0b10, 21), (2, 2, 0b1, 14), (3, 3, 0b111_1111, 21), (0, 1, 0, 56)]
            .into_iter()
            .enumerate()
    {
        let mut w = Writer::default();
        header(&mut w, 0, -(days as i16), days as i16, table, lang, hide, if i == 1 { 0b10 } else { 0 });
        anke(&mut w, days.min(60));
        let name = format!("anke-{i}");
        let e = check(&name, &w.out, if hide == 0 { &all } else { &[] });
        if i == 0 {
            anke_entries = e;
        }
        write("summary", &name, &w.out);
    }
    // One of each kind on one day; a diamond switch plan; an empty diary; a reversed period.
    let mut w = Writer::default();
    header(&mut w, 0, -7, 7, 0, 0, 0, 0);
    dose(&mut w, -60, "Stilnoct", 0.5, 10.0, false, Some("note"));
    dose_mg(&mut w, -50, "diazepam", 5.0, false);
    sleep(&mut w, -1, 7.0, 4, None);
    anxiety(&mut w, -40, 3, None);
    gad7(&mut w, -30, [0, 1, 2, 3, 0, 1, 2]);
    goal(&mut w, -20, 2, "Stay stable", Some("zolpidem"), None, 1);
    review(&mut w, 0, -10, 0, 2);
    switch_plan(&mut w, -1);
    question(&mut w, -5, "Sleep hygiene?", false);
    medicine(&mut w, -3, -1);
    skip(&mut w, 0, -15);
    check("one-of-each", &w.out, &all);
    write("summary", "one-of-each", &w.out);
    let mut w = Writer::default();
    header(&mut w, 0, -56, 56, 0, 0, 0, 0);
    write("summary", "empty", &w.out);
    let mut w = Writer::default();
    header(&mut w, 0, 0, -30, 1, 1, 0, 0);
    anxiety(&mut w, -60, 5, Some("reversed period"));
    check("reversed", &w.out, &[Anxiety]);
    write("summary", "reversed", &w.out);
    // A period of 8007 days (over the 20-year limit: refused, then rendered cut to it), with the
    // diary's table and the default language; then Anke's 3 weeks asked for in the same way.
    let mut w = Writer::default();
    header(&mut w, 0, -8007, 8007, 0x41, 4, 0, 0);
    anxiety(&mut w, -60, 5, Some("twenty years"));
    check("too-long", &w.out, &[Anxiety]);
    write("summary", "too-long", &w.out);
    let mut w = Writer::default();
    header(&mut w, 0, -21, 21, 0x42, 4, 0, 0);
    anke(&mut w, 21);
    check("defaults", &w.out, &all);
    write("summary", "defaults", &w.out);
    anke_entries
}

/// Decodes an FFI seed as `ffi_input` does: every call's wire values lift, every draft validates,
/// every summary request resolves (unless the seed is about refusals), and the calls are as many as
/// written.
fn check_ffi(name: &str, bytes: &[u8], calls: usize, all_valid: bool) {
    use steady_fuzz::ffi::{call, Call};
    let now = steady_fuzz::base_now();
    let today = now.date_naive();
    let mut r = Reader::new(bytes);
    let mut n = 0;
    let mut refused = 0;
    while !r.is_empty() {
        let shown = |e: &dyn std::fmt::Display| e.to_string();
        let outcome: Result<(), String> = match call(&mut r) {
            Call::Log(d) => d
                .map_err(|e| shown(&e))
                .and_then(|d| d.validate(now, |_| true).map(|_| ()).map_err(|e| shown(&e))),
            Call::Edit(e) => e
                .map_err(|e| shown(&e))
                .and_then(|(_, d)| d.validate(now, |_| true).map(|_| ()).map_err(|e| shown(&e))),
            Call::Delete(id) => id.map(|_| ()).map_err(|e| shown(&e)),
            Call::SetGoalStatus(s) => s.map(|_| ()).map_err(|e| shown(&e)),
            Call::Summary(req) => req
                .map_err(|e| shown(&e))
                .and_then(|req| req.resolve(today).map(|_| ()).map_err(|e| shown(&e))),
            Call::Typed(steady_fuzz::ffi::Typed::Date(_, today)) => today.map(|_| ()).map_err(|e| shown(&e)),
            Call::Plan(_) | Call::Typed(_) => Ok(()),
        };
        if let Err(e) = outcome {
            assert!(!all_valid, "{name}: call {n} refused: {e}");
            refused += 1;
        }
        n += 1;
    }
    assert_eq!(n, calls, "{name}: calls");
    assert!(all_valid || refused > 0, "{name}: refusals");
    println!("{name}: {} bytes, {n} FFI calls, {refused} refused", bytes.len());
}

/// An FFI call: its tag, then (for log and edit) the entry kind.
fn ffi_call(w: &mut Writer, tag: u8) -> &mut Writer {
    w.byte(tag)
}

fn ffi_seeds() {
    use steady_fuzz::ffi::tag;
    const GOAL_ID: &str = "3f2a9c1e-0000-4000-8000-000000000000";
    let mut w = Writer::default();
    // Log one entry of each kind with RFC 3339 instants, ISO dates and HH:MM times as strings.
    ffi_call(&mut w, tag::LOG).byte(kind::DOSE).some().string("2026-03-09T22:30:00+01:00").drug("Loramet");
    w.none().num(Some(0.75)).num(Some(2.0)).flag(false).some().string("late").none();
    ffi_call(&mut w, tag::LOG).byte(kind::SLEEP).some().string("2026-03-09").num(Some(6.5));
    w.some().int(4).some().int(20).some().int(1).some().int(15);
    w.some().string("22:45").none().some().string("06:30").some().string("06:45").none();
    ffi_call(&mut w, tag::LOG).byte(kind::ANXIETY).some().string("2026-03-10T12:00:00+01:00").int(4).none();
    ffi_call(&mut w, tag::LOG).byte(kind::GAD7).none().byte(7);
    for i in [1, 2, 1, 0, 3, 1, 2] {
        w.int(i);
    }
    ffi_call(&mut w, tag::LOG).byte(kind::GOAL).byte(1).some().string("2026-03-01T10:00:00+01:00");
    w.string("Sleep without pills").some().drug("lormetazepam").num(Some(0.5));
    w.some().string("2026-09-01").some().string("2026-04-01").byte(2).some().string("Dr. Peeters");
    ffi_call(&mut w, tag::LOG).byte(kind::REVIEW).string(GOAL_ID).none().int(1).some().string("ok").byte(1);
    w.some().string("2026-04-10");
    // Lormetazepam 2 mg, 10 % every 14 days, 1 mg tablets in quarters, gentle pace.
    ffi_call(&mut w, tag::LOG)
        .byte(kind::PLAN)
        .drug("lormetazepam")
        .num(Some(2.0))
        .some()
        .string("2026-03-01");
    w.num(Some(10.0)).some().int(14).byte(1).num(Some(1.0)).byte(2).none().some().byte(1).none();
    ffi_call(&mut w, tag::LOG).byte(kind::QUESTION).some().string("2026-03-10T09:00:00+01:00");
    w.string("Can I split it?").flag(false);
    // Loramet on the list, one tablet at 22:30 and at 07:00; a skipped dose of it.
    ffi_call(&mut w, tag::LOG).byte(steady_fuzz::ffi::MEDICINE).drug("Loramet").none().num(Some(1.0));
    w.num(Some(1.0))
        .byte(2)
        .string("22:30")
        .string("07:00")
        .flag(false)
        .flag(false)
        .some()
        .string("2026-03-01");
    ffi_call(&mut w, tag::LOG).byte(steady_fuzz::ffi::SKIP).string(GOAL_ID).none().some().string("forgot");
    // Then: hold, resume, re-pace the plan; a summary; a goal's status; text typed into fields.
    ffi_call(&mut w, tag::PLAN).byte(0).string("exams");
    ffi_call(&mut w, tag::PLAN).byte(1);
    ffi_call(&mut w, tag::PLAN).byte(2).num(Some(5.0)).out.extend_from_slice(&21u32.to_le_bytes());
    ffi_call(&mut w, tag::SUMMARY).some().string("2026-01-01").some().string("2026-03-10").byte(3);
    w.some().byte(0).some().byte(2).byte(2).byte(1).byte(4).byte(1).string(GOAL_ID);
    ffi_call(&mut w, tag::GOAL_STATUS).string(GOAL_ID).byte(3);
    ffi_call(&mut w, tag::TYPED).byte(0).string("1 1/2");
    ffi_call(&mut w, tag::TYPED).byte(1).string("2,5");
    ffi_call(&mut w, tag::TYPED).byte(2).string("yesterday").string("2026-03-10");
    ffi_call(&mut w, tag::TYPED).byte(3).string("23:15");
    ffi_call(&mut w, tag::TYPED).byte(4).string("2026-03-09 22:30").byte(1);
    ffi_call(&mut w, tag::PLAN).byte(3).some().string("done");
    check_ffi("every-kind", &w.out, 21, true);
    write("ffi_input", "every-kind", &w.out);

    // Edit and delete by id; a diazepam switch plan from alprazolam; a default summary.
    let mut w = Writer::default();
    ffi_call(&mut w, tag::EDIT).string(GOAL_ID).byte(kind::ANXIETY).some().string("2026-03-10T12:00:00Z");
    w.int(7).some().string("x");
    ffi_call(&mut w, tag::DELETE).string(GOAL_ID);
    ffi_call(&mut w, tag::LOG).byte(kind::PLAN).drug("diazepam").num(Some(10.0)).some().string("2026-03-09");
    w.num(Some(10.0)).some().int(14).byte(2).num(Some(2.0)).num(Some(5.0)).byte(1).none().none();
    w.some().drug("alprazolam").num(Some(1.0)).some().byte(0).string("Dr. Janssens");
    ffi_call(&mut w, tag::SUMMARY).none().none().byte(0).none().none().byte(0).byte(0);
    check_ffi("edit-delete-switch", &w.out, 4, true);
    write("ffi_input", "edit-delete-switch", &w.out);

    // What the wire refuses: a local time where RFC 3339 is due, a clock time with a dot, a short
    // id, a relative word as the FFI's "today", a backwards summary period.
    let mut w = Writer::default();
    ffi_call(&mut w, tag::LOG).byte(kind::DOSE).some().string("2026-03-09 22:30").drug("Stilnoct");
    w.num(Some(10.0)).none().none().flag(false).none().none();
    ffi_call(&mut w, tag::LOG).byte(kind::SLEEP).some().string("2026-03-09").num(Some(7.0)).some().int(3);
    w.none().none().none().some().string("7.30").none().none().none().none();
    ffi_call(&mut w, tag::DELETE).string("3f2a9c1e");
    ffi_call(&mut w, tag::TYPED).byte(2).string("2026-03-01").string("today");
    ffi_call(&mut w, tag::SUMMARY).some().string("2026-03-10").some().string("2026-01-01").byte(0);
    w.none().none().byte(0).byte(0);
    check_ffi("wire-refusals", &w.out, 5, false);
    write("ffi_input", "wire-refusals", &w.out);
}

fn backup_seeds(entries: &[steady_core::domain::Entry]) {
    // A real backup sealed with the fuzz key (opens in backup_open), and a bare header.
    let key = DataKey::from_bytes([7; 32]);
    let file_header = Header::new(Kdf::DEFAULT, [9; 16]);
    let few: Vec<_> = entries.iter().take(12).cloned().collect();
    let file = seal_with_key(&few, &file_header, &key).unwrap();
    write("backup_open", "sealed-12", &file);
    let empty = seal_with_key(&[], &file_header, &key).unwrap();
    write("backup_open", "sealed-empty", &empty);
    write("backup_open", "header-only", &empty[..file_header.len]);

    // backup_records: summary header, no damage, then records as the JSON the writer produces.
    let mut kinds_done = std::collections::HashSet::new();
    let mut picked: Vec<&steady_core::domain::Entry> =
        entries.iter().filter(|e| kinds_done.insert(e.body.kind())).collect();
    picked.truncate(15);
    for (name, damage, set) in [
        ("every-kind", 0u8, picked.clone()),
        ("one-dose", 0, picked[..1].to_vec()),
        ("bit-flip", 5, picked[..2].to_vec()),
        ("count-plus-one", 1, picked[..2].to_vec()),
    ] {
        let mut w = Writer::default();
        header(&mut w, 0, -56, 56, 0, 0, 0, 0);
        w.byte(damage).byte(set.len() as u8);
        for e in &set {
            w.string(&serde_json::to_string(e).unwrap());
        }
        if damage == 5 {
            w.i16(40).byte(0x10);
        }
        if damage == 0 {
            // Decoded as the target does: the records open, all of them.
            let sealer = steady_core::internals::crypto::Sealer::new(&key);
            let records: Vec<String> = set.iter().map(|e| serde_json::to_string(e).unwrap()).collect();
            let file = steady_fuzz::backup::seal_file(&sealer, records.len() as u32, &records);
            let opened = steady_core::internals::backup::open_with_key(&file, &key);
            assert_eq!(opened.map(|v| v.len()), Ok(set.len()), "{name}: the records open");
        }
        write("backup_records", name, &w.out);
    }
    // The kinds present, so a dictionary-free fuzzer still sees every record shape.
    let kinds: Vec<_> = picked.iter().map(|e| e.body.kind().key()).collect();
    println!("backup_records seed kinds: {kinds:?}");
    assert_eq!(kinds.len(), 10, "a record of every kind a shell can log");
}

fn text_seeds() {
    for (i, s) in [
        "2026-03-01",
        "2026-02-30",
        "23:15",
        "2026-03-01T22:30:00+01:00",
        "2026-03-29T02:30:00Z",
        "0.5",
        "3/4",
        "1 1/2",
        "1,25",
        "1,2,0,3,1,0,2",
        "1, 2,3",
        // Added with the one grammar: fractional seconds and an odd offset, choice keys in other
        // spellings, a GAD-7 item out of range, a local time (not a wire instant), a bad minute.
        "2026-03-01T22:30:00.5+05:45",
        "va-dod",
        "On Hold",
        "nb-NO",
        "txt",
        "1,2,0,3,1,0,4",
        "2026-03-01 22:30",
        "12:5",
        "0.001",
        "1e3",
    ]
    .iter()
    .enumerate()
    {
        write("parse_core", &format!("seed-{i:02}"), s.as_bytes());
    }
    for (i, s) in [
        "2026-03-01",
        "2026-3-1",
        "yesterday",
        "Today",
        "07:15",
        "2026-03-29 02:30",
        "2026-10-25 02:30",
        "2026-03-29 02:00",
        "2026-10-04 02:15",
        "2026-03-01T22:30",
        "2026-03-01T21:30:00Z",
        "2,5",
        "-1",
        "1½",
        "1 ¾",
        "1 1/2",
        "3/4",
        "1,2,0,3,1,1,0",
        "1 2 0;3 1 1 0",
        "3F2A-9c1e",
        "3f2a9c1e-0000-4000-8000-000000000000",
    ]
    .iter()
    .enumerate()
    {
        let mut b = vec![0u8, 0];
        b.extend_from_slice(s.as_bytes());
        write("parse_cli", &format!("seed-{i:02}"), &b);
    }
    // Clock changes in the target's zones, with "today" (2026-03-10 + 4 × shift) on the day itself
    // for bare times: Apia's skipped day, Lord Howe's half-hour overlap and gap, Adelaide's gap,
    // Troll's two-hour gap, São Paulo's skipped midnight, the EU's overlap; an RFC 3339 time in a gap.
    for (i, (shift, s)) in [
        (0i16, "2011-12-30 10:00"),
        (0, "2026-04-05 01:45"),
        (0, "2026-03-29 01:30"),
        (0, "2018-11-04 00:30"),
        (52, "02:15"),
        (150, "02:30"),
        (150, "today"),
        (0, "2026-03-29T02:30:00+02:00"),
        (-3, "yesterday"),
    ]
    .iter()
    .enumerate()
    {
        let mut b = shift.to_le_bytes().to_vec();
        b.extend_from_slice(s.as_bytes());
        write("parse_cli", &format!("seed-{:02}", 21 + i), &b);
    }
    for (i, s) in [
        "Stilnoct",
        "Loramet",
        "XANAX",
        "lorazépam",
        "zolpidem tartrate",
        "Temesta",
        "zopiklon",
        "unknown",
        "clorazepic acid",
        "Valium",
        "Imovane",
        "Rivotril",
    ]
    .iter()
    .enumerate()
    {
        write("drug_names", &format!("seed-{i:02}"), s.as_bytes());
    }
}

/// Real diary files for the direct page reader: the summary seeds' entries stored by the app
/// (it opens with keystore key 7), and the same file with its header page smashed (the
/// reader then assumes 4096-byte pages). Checks the reader finds every row of the sound file.
fn page_seeds(entries: &[steady_core::domain::Entry]) {
    let dir = std::env::temp_dir().join(format!("steady-page-seeds-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    {
        let mut store = Store::create(&dir, &Unlock::Key(DataKey::from_bytes([7; 32]))).unwrap();
        store.write(entries, &[]).unwrap();
        store.checkpoint().unwrap();
    }
    let file = fs::read(dir.join(DB_FILE)).unwrap();
    fs::remove_dir_all(&dir).unwrap();
    assert_eq!(entry_rows(&file).len(), entries.len(), "page reader on a sound diary");
    write("recover_pages", "diary", &file);
    let mut headless = file.clone();
    headless[..4096].fill(0);
    write("recover_pages", "diary-header-smashed", &headless);
}

fn main() {
    text_seeds();
    let entries = summary_seeds();
    ffi_seeds();
    backup_seeds(&entries);
    page_seeds(&entries);
}
