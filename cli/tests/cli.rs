//! End-to-end tests of the `steady` binary: a fresh diary in a temporary directory per test, the
//! key file for most of them (no key-derivation cost) and the passphrase in a few.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::*;
use serde_json::Value;

fn kinds(list: &Value) -> Vec<String> {
    list.as_array().expect("an array").iter().map(|e| e["kind"].as_str().unwrap_or("?").to_owned()).collect()
}

#[test]
fn key_file_init_writes_a_private_key_and_refuses_a_second_init() {
    let d = Diary::new();
    let out = ok(&d.keyed(&["init"]));
    assert!(out.contains("Created a new diary") && out.contains("steady.key"), "{out}");
    let key = std::fs::read_to_string(d.key()).unwrap();
    assert_eq!(key.trim().len(), 64);
    assert!(key.trim().bytes().all(|b| b.is_ascii_hexdigit()));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(d.key()).unwrap().permissions().mode() & 0o777, 0o600);
    }
    let again = fails(&d.keyed(&["init"]));
    assert!(again.contains("already exists"), "{again}");
    assert_eq!(std::fs::read_to_string(d.key()).unwrap(), key, "the key file is kept");

    // The key opens the diary; a different key does not.
    d.ok(&["today"]);
    let other = d.dir.path().join("other.key");
    std::fs::write(&other, "ab".repeat(32)).unwrap();
    let err = fails(&run(d.bare().arg("--key-file").arg(&other).arg("today")));
    assert!(err.contains("wrong key"), "{err}");
    std::fs::write(&other, "not a key at all").unwrap();
    let err = fails(&run(d.bare().arg("--key-file").arg(&other).arg("today")));
    assert!(err.contains("hex digits") && !err.contains("not a key at all"), "{err}");
}

#[test]
fn every_kind_is_logged_and_listed_as_json_with_id_and_kind() {
    let d = Diary::keyed_init();
    let dose = d.ok(&["log", "dose", "--drug", "Loramet", "--tablets", "1 1/2", "--strength", "1"]);
    assert!(dose.starts_with("Logged dose ") && dose.trim_end().ends_with('.'), "{dose}");
    d.ok(&["log", "dose", "--drug", "lormetazepam", "--mg", "0.5", "--at", "2025-06-01T22:30:00+02:00"]);
    d.ok(&[
        "log",
        "dose",
        "--drug",
        "unknown",
        "--tablets",
        "1",
        "--non-prescribed",
        "--note",
        "from a friend",
    ]);
    d.ok(&[
        "log",
        "sleep",
        "--night",
        "yesterday",
        "--hours",
        "6.5",
        "--quality",
        "3",
        "--latency-min",
        "20",
    ]);
    d.ok(&[
        "log",
        "sleep",
        "--night",
        "2025-06-01",
        "--hours",
        "7",
        "--quality",
        "4",
        "--awakenings",
        "2",
        "--waso-min",
        "30",
        "--in-bed",
        "22:45",
        "--out-of-bed",
        "07:15",
        "--final-awakening",
        "06:15",
    ]);
    d.ok(&["log", "anxiety", "--score", "4", "--note", "busy day"]);
    let gad = d.ok(&["log", "gad7", "--items", "1,2,0,3,1,1,0"]);
    assert!(gad.contains("Total 8 (mild)"), "{gad}");
    let goal = short_id(&d.ok(&[
        "goal",
        "set",
        "--kind",
        "stop",
        "--why",
        "Sleep through the night without pills",
        "--drug",
        "lormetazepam",
        "--review",
        "today",
        "--proposed-by",
        "together",
        "--agreed-with",
        "Dr. Peeters",
    ]));
    let review =
        d.ok(&["goal", "review", &goal[..4], "--gas", "-1", "--note", "hard week", "--decision", "adjust"]);
    assert!(review.contains(&goal), "{review}");

    let list = d.json(&["list", "--json"]);
    let mut seen = kinds(&list);
    seen.sort();
    seen.dedup();
    assert_eq!(seen, ["anxiety", "dose", "gad7", "goal", "review", "sleep"]);
    for e in list.as_array().unwrap() {
        let id = e["id"].as_str().expect("id");
        assert_eq!(id.len(), 36, "full uuid: {id}");
    }
    let find = |kind: &str| {
        list.as_array().unwrap().iter().filter(|e| e["kind"] == kind).cloned().collect::<Vec<_>>()
    };
    let doses = find("dose");
    let loramet = doses.iter().find(|e| e["mg"] == 1.5).expect("the Loramet dose");
    assert_eq!(loramet["substance_name"], "lormetazepam");
    assert_eq!((loramet["de_low_mg"].as_f64(), loramet["de_high_mg"].as_f64()), (Some(7.5), Some(15.0)));
    let old = doses.iter().find(|e| e["mg"] == 0.5).expect("the RFC 3339 dose");
    assert_eq!(old["taken_at"], "2025-06-01T22:30:00+02:00");
    let street = doses.iter().find(|e| e["use"] == "non_prescribed").expect("the non-prescribed dose");
    assert!(street["mg"].is_null() && street["de_low_mg"].is_null(), "unknown strength is unknown, not zero");
    let nights = find("sleep");
    let detailed = nights.iter().find(|e| e["night"] == "2025-06-01").expect("the detailed night");
    assert_eq!(detailed["time_in_bed_min"], 510);
    assert!(detailed["efficiency_percent"].as_f64().is_some());
    assert_eq!(find("gad7")[0]["total"], 8);
    assert_eq!(find("gad7")[0]["band"], "mild");
    assert_eq!(find("goal")[0]["goal_kind"]["kind"], "stop");
    assert_eq!(find("review")[0]["gas"], -1);

    let ranged = d.json(&["list", "--json", "--from", "2025-06-01", "--to", "2025-06-01"]);
    assert_eq!(kinds(&ranged), ["dose", "sleep"], "a night sorts at its evening date and bedtime");
    let text = d.ok(&["list"]);
    assert!(text.contains("lormetazepam 1½ × 1 mg (1.5 mg)"), "{text}");

    // Today: the doses without --at, last night, the anxiety rating and the goal with its review due.
    let today = d.json(&["today", "--json"]);
    let substances: Vec<&str> =
        today["doses"].as_array().unwrap().iter().filter_map(|x| x["substance"].as_str()).collect();
    assert!(substances.contains(&"lormetazepam"), "{today}");
    assert_eq!(today["totals"]["non_prescribed"]["unknown_doses"], 1);
    assert!(today["last_night"]["total_sleep_h"].as_f64().is_some());
    assert_eq!(today["goals"][0]["review_due"], true);
    let human = d.ok(&["today"]);
    // A dose of unknown strength alone has no DE figure: counted, never "0 mg".
    assert!(
        human.contains("DE prescribed: 7.5–15 mg; non-prescribed: 1 dose of unknown strength"),
        "{human}"
    );
    assert!(!human.contains("non-prescribed: 0 mg"), "{human}");
    assert!(human.contains("REVIEW DUE"), "{human}");

    let goals = d.json(&["goal", "list", "--json"]);
    assert_eq!(goals[0]["reviews"][0]["decision"], "adjust");
    assert!(d.ok(&["goal", "list"]).contains("agreed with Dr. Peeters"));
}

#[test]
fn summary_json_has_the_documented_day_fields_and_means() {
    let d = Diary::keyed_init();
    d.ok(&["log", "dose", "--drug", "diazepam", "--mg", "10", "--at", "2025-06-01 22:00"]);
    d.ok(&[
        "log",
        "dose",
        "--drug",
        "Xanax",
        "--tablets",
        "1",
        "--non-prescribed",
        "--at",
        "2025-06-01 23:00",
    ]);
    d.ok(&["log", "sleep", "--night", "2025-06-01", "--hours", "6", "--quality", "2"]);
    d.ok(&["log", "anxiety", "--score", "6", "--at", "2025-06-02 20:00"]);
    d.ok(&["log", "anxiety", "--score", "4", "--at", "2025-06-03 20:00"]);
    let args = ["summary", "--from", "2025-06-01", "--to", "2025-06-07", "--format", "json"];
    let s = d.json(&args);
    let days = s["days"].as_array().unwrap();
    assert_eq!(days.len(), 7);
    for day in days {
        for field in
            ["date", "de_low_mg", "de_high_mg", "nonprescribed_de_low_mg", "nonprescribed_de_high_mg"]
        {
            assert!(!day[field].is_null(), "{field} in {day}");
        }
        assert!(day["unknown_doses"].is_u64(), "{day}");
    }
    assert_eq!(days[0]["date"], "2025-06-01");
    assert_eq!(days[0]["de_low_mg"], 10.0);
    assert_eq!(days[0]["unknown_doses"], 1, "the Xanax of unknown strength");
    assert_eq!(s["sleep"]["mean_total_sleep_h"], 6.0);
    assert_eq!(s["anxiety"]["mean"], 5.0);
    assert_eq!(s["table"]["key"], "ashton");

    let va = d.json(&[
        "summary",
        "--from",
        "2025-06-01",
        "--to",
        "2025-06-07",
        "--format",
        "json",
        "--table",
        "va_dod",
    ]);
    assert_eq!(va["table"]["key"], "va_dod");

    let out = d.dir.path().join("summary.txt");
    let msg =
        d.ok(&["summary", "--from", "2025-06-01", "--to", "2025-06-07", "--out", out.to_str().unwrap()]);
    assert!(msg.contains("summary.txt"), "{msg}");
    assert!(std::fs::read_to_string(&out).unwrap().contains("STEADY SUMMARY"));
    let default_period = d.ok(&["summary"]);
    assert!(default_period.contains("(56 days)"), "the last 8 weeks: {default_period}");
    let err = fails(&d.keyed(&["summary", "--from", "2025-06-07", "--to", "2025-06-01"]));
    assert!(err.contains("after"), "{err}");
}

#[test]
fn fhir_follows_lang_and_the_ips_variant_carries_only_the_identity_the_patient_entered() {
    let d = Diary::keyed_init();
    d.ok(&[
        "log",
        "dose",
        "--drug",
        "Xanax",
        "--tablets",
        "1",
        "--non-prescribed",
        "--at",
        "2025-06-01 23:00",
    ]);
    let period = ["summary", "--from", "2025-06-01", "--to", "2025-06-07", "--format", "fhir"];
    let fr = d.json(&[&period[..], &["--lang", "fr"]].concat());
    assert_eq!(fr["language"], "fr");
    assert!(fr["entry"][0]["resource"]["title"].as_str().unwrap().starts_with("Résumé Steady"));
    let xanax = fr["entry"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["resource"]["resourceType"] == "MedicationStatement")
        .unwrap();
    assert_eq!(xanax["resource"]["medicationCodeableConcept"]["text"], "Xanax");
    // IPS without an identity: none invented.
    let ips = d.json(&[&period[..], &["--ips"]].concat());
    assert_eq!(ips["entry"][0]["resource"]["type"]["coding"][0]["code"], "60591-5");
    assert!(ips["entry"][1]["resource"].get("birthDate").is_none());
    // The name comes from standard input, never the command line.
    assert!(fails(&d.keyed(&["patient", "set", "--name", "Sam Peeters"])).contains("standard input"));
    d.ok_stdin(&["patient", "set", "--name", "-", "--birth-date", "1961-04-02"], "Sam Peeters\n");
    assert_eq!(d.json(&["patient", "show", "--json"])["name"], "Sam Peeters");
    let ips = d.json(&[&period[..], &["--ips"]].concat());
    let patient = &ips["entry"][1]["resource"];
    assert_eq!(
        (patient["name"][0]["text"].as_str(), patient["birthDate"].as_str()),
        (Some("Sam Peeters"), Some("1961-04-02"))
    );
    let plain = d.ok(&period);
    assert!(!plain.contains("Sam Peeters") && !plain.contains("1961"), "never in the plain export");
    assert!(!d.ok(&["settings", "show"]).contains("Sam"));
    d.ok(&["patient", "clear"]);
    assert!(d.json(&["patient", "show", "--json"])["name"].is_null());
    assert!(fails(&d.keyed(&[&period[..3], &["--ips"]].concat())).contains("--ips"), "--ips needs fhir");
}

#[test]
fn bad_input_fails_cleanly_and_names_the_field() {
    let d = Diary::keyed_init();
    let err = fails(&d.keyed(&["log", "dose", "--drug", "diazepam", "--mg", "-1"]));
    assert!(err.contains("mg must be greater than zero"), "{err}");
    let cases: &[(&[&str], &str)] = &[
        (&["log", "dose", "--drug", "diazepam", "--tablets", "0.3", "--strength", "5"], "tablets"),
        (&["log", "dose", "--drug", "diazepam", "--tablets", "1/0", "--strength", "5"], "--tablets"),
        (&["log", "dose", "--drug", "aspirin", "--mg", "1"], "drug"),
        (&["log", "dose", "--drug", "unknown", "--mg", "1"], "drug"),
        (&["log", "dose", "--drug", "diazepam", "--mg", "NaN"], "--mg"),
        (&["log", "dose", "--drug", "diazepam", "--mg", "5", "--at", "tomorrow-ish"], "--at"),
        (&["log", "dose", "--drug", "diazepam", "--mg", "5", "--at", "2999-01-01 10:00"], "future"),
        (&["log", "sleep", "--night", "2025-02-30", "--hours", "7", "--quality", "3"], "--night"),
        (&["log", "sleep", "--night", "yesterday", "--hours", "7", "--quality", "6"], "quality"),
        (&["log", "anxiety", "--score", "11"], "score"),
        (&["log", "gad7", "--items", "1,2,3"], "7 item scores"),
        (&["log", "gad7", "--items", "0,0,0,4,0,0,0"], "item 4 of --items"),
        (&["log", "gad7", "--items", "a,b,c,d,e,f,g"], "--items"),
        (&["goal", "set", "--kind", "reduce", "--why", "less", "--drug", "diazepam"], "--target-mg"),
        (&["goal", "review", "12", "--gas", "0"], "id"),
        (&["delete", "zzzz"], "id"),
    ];
    for (args, needle) in cases {
        let err = fails(&d.keyed(args));
        assert!(err.contains(needle), "{args:?}: {err}");
    }
    assert_eq!(d.json(&["list", "--json"]), Value::Array(vec![]), "nothing was written");
}

#[test]
fn wrong_passphrase_is_refused_and_the_right_one_still_opens() {
    let d = Diary::new();
    ok(&d.with_pass("correct horse battery staple", &["init"]));
    let err = fails(&d.with_pass("wrong horse", &["log", "anxiety", "--score", "3"]));
    assert!(err.contains("wrong key"), "{err}");
    let out = ok(&d.with_pass("correct horse battery staple", &["log", "anxiety", "--score", "3"]));
    assert!(out.starts_with("Logged anxiety "), "{out}");
}

#[test]
fn commands_need_a_diary_and_say_how_to_make_one() {
    let d = Diary::new();
    for args in [&["today"][..], &["list"], &["log", "anxiety", "--score", "1"]] {
        let err = fails(&d.keyed(args));
        assert!(err.contains("no diary") && err.contains("steady init"), "{err}");
    }
    assert!(!d.key().exists(), "opening never writes a key file");
}

#[test]
fn delete_by_short_id_and_goal_review_by_prefix() {
    let d = Diary::keyed_init();
    let anxiety = short_id(&d.ok(&["log", "anxiety", "--score", "5"]));
    let keep = short_id(&d.ok(&["log", "anxiety", "--score", "2"]));
    let goal =
        short_id(&d.ok(&["goal", "set", "--kind", "keep", "--why", "Drive my grandchildren to school"]));
    d.ok(&["goal", "review", &goal[..5], "--gas", "0"]);
    d.ok(&["goal", "review", &goal.to_uppercase(), "--gas", "1", "--decision", "keep"]);
    let err = fails(&d.keyed(&["goal", "review", &anxiety, "--gas", "0"]));
    assert!(err.contains("not a goal"), "{err}");

    let out = d.ok(&["delete", &anxiety]);
    assert_eq!(out.trim(), format!("Deleted anxiety {anxiety}."));
    let err = fails(&d.keyed(&["delete", &anxiety]));
    assert!(err.contains("no entry"), "{err}");
    let out = d.ok(&["delete", &goal]);
    assert!(out.contains("and its 2 reviews"), "{out}");
    let left = d.json(&["list", "--json"]);
    assert_eq!(kinds(&left), ["anxiety"]);
    assert_eq!(left[0]["short_id"], keep.as_str());
}

#[test]
fn at_reads_local_time_across_dst_changes() {
    if !Path::new("/usr/share/zoneinfo/Europe/Brussels").exists() {
        eprintln!("skipped: no time zone database");
        return;
    }
    let d = Diary::keyed_init();
    let brussels =
        |args: &[&str]| run(d.bare().env("TZ", "Europe/Brussels").arg("--key-file").arg(d.key()).args(args));
    // Clocks went forward at 02:00 on 30 March 2025: 02:30 never happened.
    let err = fails(&brussels(&["log", "anxiety", "--score", "3", "--at", "2025-03-30 02:30"]));
    assert!(err.contains("does not exist"), "{err}");
    // Clocks went back at 03:00 on 26 October 2025: 02:30 happened twice; the earlier is taken.
    ok(&brussels(&["log", "anxiety", "--score", "3", "--at", "2025-10-26 02:30"]));
    ok(&brussels(&["log", "anxiety", "--score", "4", "--at", "2025-07-01 08:00"]));
    let list: Value = serde_json::from_str(&ok(&brussels(&["list", "--json"]))).unwrap();
    let ats: Vec<&str> = list.as_array().unwrap().iter().filter_map(|e| e["at"].as_str()).collect();
    assert_eq!(ats, ["2025-07-01T08:00:00+02:00", "2025-10-26T02:30:00+02:00"]);
}

#[test]
fn demo_prints_today_and_an_eight_week_summary() {
    let long = |d: chrono::NaiveDate| d.format("%-d %B %Y").to_string();
    let before = long(common::midday_today());
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("summary.pdf");
    let out = run(Command::new(env!("CARGO_BIN_EXE_steady"))
        .env("TZ", common::midday_zone().0)
        .args(["demo", "--days", "60", "--pdf"])
        .arg(&pdf));
    let after = long(common::midday_today());
    let text = ok(&out);
    assert!(
        text.contains("My medicines") && text.contains("Loramet (lormetazepam)"),
        "the daily loop: {text}"
    );
    assert!(text.contains("STEADY SUMMARY"), "{text}");
    assert!(text.contains(&before) || text.contains(&after), "{text}");
    assert!(text.contains("Stop lormetazepam"), "{text}");
    assert!(text.contains("Non-prescribed: 1 dose,"), "the borrowed zolpidem: {text}");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"), "the demo writes summary.pdf");
    assert!(
        run(Command::new(env!("CARGO_BIN_EXE_steady")).args(["demo", "--days", "0"])).status.code()
            == Some(1)
    );
}

#[test]
fn plan_create_hold_resume_show_and_ics_without_drug_names() {
    let d = Diary::keyed_init();
    d.ok(&[
        "plan",
        "create",
        "--drug",
        "Loramet",
        "--start-mg",
        "2",
        "--strengths",
        "1,2",
        "--split",
        "4",
        "--percent",
        "10",
        "--every-days",
        "14",
        "--start",
        "2026-01-05",
    ]);
    // One active plan at a time.
    let again = d.keyed(&["plan", "create", "--drug", "diazepam", "--start-mg", "10", "--strengths", "5"]);
    assert!(fails(&again).contains("plan"));

    let before = d.json(&["plan", "show", "--json"]);
    let steps = before["steps"].as_array().unwrap();
    assert_eq!(steps[0]["date"], "2026-01-05");
    assert_eq!(steps[0]["dose_mg"], 2.0);
    assert_eq!(steps[1]["dose_mg"], 1.75);
    assert_eq!(steps[1]["cut_percent"], 12.5);
    assert!(steps.iter().all(|s| s.get("date").is_some() && s.get("cut_percent").is_some()));
    let doses: Vec<f64> = steps.iter().map(|s| s["dose_mg"].as_f64().unwrap()).collect();
    assert!(doses.windows(2).all(|w| w[1] < w[0]), "steps go down: {doses:?}");
    assert_eq!(*doses.last().unwrap(), 0.0);

    d.ok(&["plan", "hold", "--reason", "sleep got bad"]);
    let held = d.json(&["plan", "show", "--json"]);
    assert_eq!(held["holding"], true);
    assert_eq!(held["holds"][0]["reason"], "sleep got bad");
    assert!(held["end_date"].as_str() > before["end_date"].as_str(), "the end date moves with a hold");
    d.ok(&["plan", "resume"]);
    d.ok(&["plan", "adjust", "--percent", "5", "--every-days", "28"]);

    let ics = d.dir.path().join("plan.ics");
    d.ok(&["plan", "ics", "--out", ics.to_str().unwrap()]);
    let text = std::fs::read_to_string(&ics).unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(text.contains("BEGIN:VEVENT"));
    let lower = text.to_lowercase();
    assert!(!lower.contains("lormetazepam") && !lower.contains("loramet") && !lower.contains(" mg"));

    d.ok(&["plan", "end", "--reason", "maintenance dose agreed"]);
    assert!(fails(&d.keyed(&["plan", "resume"])).contains("plan"));
    let ended = d.json(&["plan", "show", "--json"]);
    assert!(ended["ended_on"].is_string());
}

#[test]
fn plan_create_with_a_tail_shows_the_whole_tail_and_the_final_dose() {
    let d = Diary::keyed_init();
    let base = ["plan", "create", "--drug", "clonazepam", "--start-mg", "2", "--strengths", "0.5,2"];
    // Both tails at once, a liquid without its volume, and a bad volume are refused by name.
    let both = d.keyed(
        &[&base[..], &["--liquid-mg-per-ml", "0.1", "--min-ml", "0.5", "--compounded-step-mg", "0.05"]]
            .concat(),
    );
    assert!(!both.status.success());
    assert!(!d.keyed(&[&base[..], &["--liquid-mg-per-ml", "0.1"]].concat()).status.success());
    let bad = d.keyed(&[&base[..], &["--liquid-mg-per-ml", "0.1", "--min-ml", "20"]].concat());
    assert!(fails(&bad).contains("--min-ml"), "{}", fails(&bad));
    d.ok(&[&base[..], &["--start", "2026-01-05", "--liquid-mg-per-ml", "0.1", "--min-ml", "0.5"]].concat());

    let view = d.json(&["plan", "show", "--json"]);
    assert_eq!(view["tail"]["kind"], "liquid");
    let steps = view["steps"].as_array().unwrap();
    let n = steps.len();
    assert_eq!(steps[n - 1]["dose_mg"], 0.0);
    assert!(steps[n - 1]["pace_flag"].is_string(), "the stop is flagged");
    assert_eq!(steps[n - 2]["form"], "liquid");
    assert!(
        steps[..n - 1].iter().all(|s| s["cut_percent"].as_f64().unwrap() <= 25.0 + 1e-9),
        "no cliff before the stop"
    );
    assert!(view["final_percent_of_start"].as_f64().unwrap() <= 10.0);
    let text = d.ok(&["plan", "show"]);
    assert!(text.contains("Final dose before stopping:"), "{text}");
    assert!(text.contains("After the tablets: oral liquid"), "{text}");
    assert!(text.contains("ml of liquid"), "{text}");
}

#[test]
fn questions_and_goal_status_reach_the_summary() {
    let d = Diary::keyed_init();
    let q = short_id(&d.ok(&["question", "add", "Is it safe to drive after my evening dose?"]));
    let goal = short_id(&d.ok(&["goal", "set", "--kind", "keep", "--why", "Not fall at night"]));
    d.ok(&["goal", "review", &goal, "--gas", "0", "--next-review", "2099-01-01"]);
    let s = d.json(&["summary", "--format", "json"]);
    assert_eq!(s["questions"][0]["text"], "Is it safe to drive after my evening dose?");
    assert_eq!(s["goals"][0]["review_on"], "2099-01-01");
    d.ok(&["question", "done", &q]);
    d.ok(&["goal", "status", &goal, "on-hold"]);
    let s = d.json(&["summary", "--format", "json"]);
    assert_eq!(s["questions"].as_array().unwrap().len(), 0, "a discussed question leaves the summary");
    assert_eq!(s["goals"][0]["status"], "on_hold");
    assert!(fails(&d.keyed(&["goal", "status", &goal, "maybe"])).contains("status"));
}

/// `steady ARGS` with the diary passphrase and the backup / new passphrases in the environment.
fn with_secrets(d: &Diary, pass: &str, extra: &[(&str, &str)], args: &[&str]) -> Output {
    let mut cmd = d.bare();
    cmd.env("STEADY_PASSPHRASE", pass)
        .env_remove("STEADY_BACKUP_PASSPHRASE")
        .env_remove("STEADY_NEW_PASSPHRASE");
    for (k, v) in extra {
        cmd.env(k, v);
    }
    run(cmd.args(args))
}

#[test]
fn backup_restore_rekey_recover_and_erase_from_the_command_line() {
    let canary = "CANARYc1a55e5d0e5n0tleak";
    let old = Diary::new();
    ok(&old.with_pass("first violet tugboat", &["init"]));
    for score in ["2", "5", "7"] {
        ok(&old.with_pass("first violet tugboat", &["log", "anxiety", "--score", score, "--note", canary]));
    }
    let file = old.dir.path().join("move.steadybackup");
    let file_arg = file.to_str().unwrap();
    let backup = [("STEADY_BACKUP_PASSPHRASE", "backup mossy kettle drums")];
    let out = ok(&with_secrets(&old, "first violet tugboat", &backup, &["backup", "--out", file_arg]));
    assert!(out.contains("Backed up 3 entries"), "{out}");
    let sealed = std::fs::read(&file).unwrap();
    assert!(sealed.starts_with(b"STEADYBK"));
    assert!(!sealed.windows(canary.len()).any(|w| w == canary.as_bytes()), "the backup is sealed");
    // Never overwrites an existing file.
    fails(&with_secrets(&old, "first violet tugboat", &backup, &["backup", "--out", file_arg]));

    // A new computer: restore, then restore again (nothing is duplicated).
    let new = Diary::new();
    ok(&new.with_pass("other granite lantern", &["init"]));
    let wrong = [("STEADY_BACKUP_PASSPHRASE", "guess")];
    let err = fails(&with_secrets(&new, "other granite lantern", &wrong, &["restore", file_arg]));
    assert!(err.contains("wrong backup passphrase") && !err.contains(canary), "{err}");
    let out = ok(&with_secrets(&new, "other granite lantern", &backup, &["restore", file_arg]));
    assert!(out.contains("3 new entries, 0 replaced, 0 already here"), "{out}");
    let out = ok(&with_secrets(&new, "other granite lantern", &backup, &["restore", file_arg]));
    assert!(out.contains("0 new entries, 0 replaced, 3 already here"), "{out}");
    let list = ok(&new.with_pass("other granite lantern", &["list", "--json"]));
    assert_eq!(serde_json::from_str::<Value>(&list).unwrap().as_array().unwrap().len(), 3);

    // Rekey: the old passphrase opens nothing afterwards.
    let renew = [("STEADY_NEW_PASSPHRASE", "second quiet otter fixes")];
    let out = ok(&with_secrets(&new, "other granite lantern", &renew, &["rekey"]));
    assert!(out.contains("new passphrase only"), "{out}");
    let err = fails(&new.with_pass("other granite lantern", &["list"]));
    assert!(err.contains("wrong key or passphrase"), "{err}");
    assert!(ok(&new.with_pass("second quiet otter fixes", &["list"])).contains(canary));

    // Recover a healthy diary: everything comes across, the old file is kept.
    let out = ok(&new.with_pass("second quiet otter fixes", &["recover"]));
    assert!(out.contains("Recovered 3 entries") && out.contains("damaged-"), "{out}");
    assert!(ok(&new.with_pass("second quiet otter fixes", &["list"])).contains(canary));

    // Erase needs --yes, no passphrase, and leaves nothing of the diary.
    fails(&new.bare().args(["erase"]).output().unwrap());
    let out = ok(&run(new.bare().args(["erase", "--yes"])));
    assert!(out.contains("Erased the diary"), "{out}");
    let left: Vec<_> = std::fs::read_dir(new.data()).unwrap().collect();
    assert!(left.is_empty(), "{left:?}");
    assert!(fails(&new.with_pass("second quiet otter fixes", &["list"])).contains("no diary"));
}

#[test]
fn rekey_with_key_files_writes_a_new_key_and_the_old_one_stops_working() {
    let d = Diary::keyed_init();
    d.ok(&["log", "anxiety", "--score", "3"]);
    let new_key = d.dir.path().join("new.key");
    let out = d.ok(&["rekey", "--new-key-file", new_key.to_str().unwrap()]);
    assert!(out.contains("new key file"), "{out}");
    let err = fails(&d.keyed(&["list"]));
    assert!(err.contains("wrong key"), "{err}");
    let listed = ok(&run(d.bare().arg("--key-file").arg(&new_key).arg("list")));
    assert!(listed.contains("anxiety"), "{listed}");
    // A passphrase rekey of a key-file diary is refused with a hint, and changes nothing.
    fails(&run(d.bare().arg("--key-file").arg(&new_key).arg("rekey")));
}
