//! The daily loop's command-line contract (README, "Daily loop"): `med add/list/change/stop/search`,
//! `taken`, `skipped`, `reminders`, `settings set/show`, output in the patient's language, and
//! bad input refused with the flag named and nothing written.

mod common;

use common::*;
use serde_json::Value;

/// A diary with one medicine, Stilnoct ½ × 10 mg at 22:30; returns its full id.
fn with_stilnoct() -> (Diary, String) {
    let d = Diary::keyed_init();
    let out = d.ok(&[
        "med",
        "add",
        "--drug",
        "Stilnoct",
        "--tablets",
        "1/2",
        "--strength",
        "10",
        "--times",
        "22:30",
        "--from",
        "2026-01-01",
    ]);
    let id = out.trim().to_owned();
    assert_eq!(id.len(), 36, "the full id: {out}");
    (d, id)
}

fn array(v: &Value) -> &Vec<Value> {
    v.as_array().expect("a JSON array")
}

#[test]
fn med_add_list_change_stop_and_search() {
    let (d, id) = with_stilnoct();
    let list = d.json(&["med", "list", "--json"]);
    let m = &array(&list)[0];
    assert_eq!(m["id"], id.as_str());
    assert_eq!(
        (m["drug"].as_str(), m["tablets"].as_f64(), m["strength_mg"].as_f64()),
        (Some("Stilnoct"), Some(0.5), Some(10.0))
    );
    assert_eq!(
        (m["mg"].clone(), m["times"].clone(), m["as_needed"].clone()),
        (Value::Null, serde_json::json!(["22:30"]), Value::Bool(false))
    );
    assert_eq!(m["use"], "prescribed");
    let text = d.ok(&["med", "list"]);
    assert!(text.contains("Stilnoct (zolpidem) ½ × 10 mg (5 mg), 22:30, prescribed"), "{text}");

    // An as-needed, non-prescribed medicine in mg.
    d.ok(&["med", "add", "--drug", "alprazolam", "--mg", "0.5", "--as-needed", "--non-prescribed"]);
    let list = d.json(&["med", "list", "--json"]);
    let xanax = array(&list).iter().find(|m| m["drug"] == "alprazolam").expect("listed");
    assert_eq!(
        (xanax["as_needed"].as_bool(), xanax["use"].as_str(), xanax["mg"].as_f64()),
        (Some(true), Some("non_prescribed"), Some(0.5))
    );

    // A change keeps the id; a stop moves it to the end as stopped.
    let short = &id[..8];
    d.ok(&[
        "med",
        "change",
        short,
        "--drug",
        "Stilnoct",
        "--tablets",
        "1/4",
        "--strength",
        "10",
        "--times",
        "22:00",
    ]);
    let list = d.json(&["med", "list", "--json"]);
    let changed = array(&list).iter().find(|m| m["id"] == id.as_str()).unwrap();
    assert_eq!((changed["tablets"].as_f64(), changed["times"][0].as_str()), (Some(0.25), Some("22:00")));
    let err = fails(&d.keyed(&["med", "stop", short, "--on", "2025-12-31"]));
    assert!(err.contains("--on") && err.contains("before"), "{err}");
    assert!(d.ok(&["med", "stop", short, "--on", "2026-02-01"]).contains("Stopped medicine"));
    let list = d.json(&["med", "list", "--json"]);
    assert_eq!(
        (array(&list).last().unwrap()["id"].as_str(), array(&list).last().unwrap()["active"].as_bool()),
        (Some(id.as_str()), Some(false))
    );
    let err = fails(&d.keyed(&["med", "stop", short]));
    assert!(err.contains("stopped"), "{err}");

    // Search: the start of a name, brands by country, with strengths.
    let found = d.json(&["med", "search", "stil", "--json"]);
    let names: Vec<&str> = array(&found).iter().filter_map(|m| m["name"].as_str()).collect();
    assert_eq!(names, ["Stilnoct", "Stilnox"]);
    let fr = d.json(&["med", "search", "stil", "--country", "FR", "--json"]);
    assert_eq!(array(&fr).len(), 1);
    assert_eq!((fr[0]["name"].as_str(), fr[0]["molecule"].as_str()), (Some("Stilnox"), Some("zolpidem")));
    assert!(array(&fr[0]["strengths_mg"]).iter().any(|s| s.as_f64() == Some(10.0)));
    assert!(d.ok(&["med", "search", "lorm"]).contains("lormetazepam"));
}

#[test]
fn taken_and_skipped_in_one_step() {
    let (d, id) = with_stilnoct();
    // One medicine: no id needed. The line says what was logged.
    let out = d.ok(&["taken", "--at", "2026-03-01 22:31"]);
    assert_eq!(out.trim(), "Logged zolpidem ½ × 10 mg (5 mg) at 22:31.");
    let out = d.ok(&["skipped", &id[..6], "--at", "2026-03-02 22:30", "--note", "slept early"]);
    assert_eq!(out.trim(), "Noted: the 22:30 dose was skipped.");
    let list = d.json(&["list", "--json"]);
    let dose = array(&list).iter().find(|e| e["kind"] == "dose").unwrap();
    assert_eq!((dose["medicine"].as_str(), dose["mg"].as_f64()), (Some(id.as_str()), Some(5.0)));
    assert!(array(&list).iter().any(|e| e["kind"] == "skip" && e["note"] == "slept early"));
    // Two medicines: say which one; the error names the argument and nothing is written.
    d.ok(&["med", "add", "--drug", "Sobril", "--mg", "10", "--times", "08:00"]);
    let before = array(&d.json(&["list", "--json"])).len();
    let err = fails(&d.keyed(&["taken"]));
    assert!(err.contains("MED_ID") && err.contains("several medicines"), "{err}");
    let err = fails(&d.keyed(&["taken", "--at", "2026-03-01 25:00"]));
    assert!(err.contains("--at"), "{err}");
    assert_eq!(array(&d.json(&["list", "--json"])).len(), before, "nothing was written");
}

#[test]
fn reminders_come_as_json_with_local_offsets_and_neutral_texts() {
    let (d, id) = with_stilnoct();
    d.ok(&["settings", "set", "check-in", "21:00"]);
    let list = d.json(&["reminders", "--from", "2030-01-01", "--days", "2", "--json"]);
    let list = array(&list);
    assert_eq!(list.len(), 4, "{list:?}");
    for r in list {
        assert!(r["at"].as_str().unwrap().starts_with("2030-01-0"), "{r}");
        assert_eq!(r["title"], "Steady");
        let body = r["body"].as_str().unwrap();
        assert!(
            !body.to_lowercase().contains("stilnoct") && !body.contains("zolpidem") && !body.contains("mg"),
            "{body}"
        );
    }
    let medicine: Vec<&Value> = list.iter().filter(|r| r["medicine_id"] == id.as_str()).collect();
    assert_eq!(medicine.len(), 2);
    assert_eq!(
        (medicine[0]["local_time"].as_str(), medicine[0]["body"].as_str()),
        (Some("22:30"), Some("Your 22:30 reminder."))
    );
    assert!(list.iter().any(|r| r["medicine_id"].is_null() && r["local_time"] == "21:00"));
    // In a DST gap the reminder comes at the next valid minute and the text says so.
    let gap = Diary::keyed_init();
    gap.ok(&["med", "add", "--drug", "zolpidem", "--mg", "5", "--times", "02:30"]);
    let out =
        ok(&gap.keyed_tz("Europe/Brussels", &["reminders", "--from", "2030-03-30", "--days", "1", "--json"]));
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["at"], "2030-03-31T03:00:00+02:00", "{v}");
    assert_eq!(v[0]["local_time"], "02:30");
    assert!(v[0]["body"].as_str().unwrap().contains("03:00"), "{v}");
    let err = fails(&d.keyed(&["reminders", "--days", "40"]));
    assert!(err.contains("--days"), "{err}");
}

#[test]
fn settings_change_the_day_and_the_language_of_today_list_and_med_list() {
    let (d, _) = with_stilnoct();
    let shown = d.json(&["settings", "show", "--json"]);
    assert_eq!(
        (shown["day_start"].as_str(), shown["language"].as_str(), shown["check_in"].clone()),
        (Some("04:00"), Some("en"), Value::Null)
    );
    // A dose at 00:10 belongs to the evening before.
    d.ok(&["log", "dose", "--drug", "zolpidem", "--mg", "5", "--at", "2026-03-02 00:10"]);
    let list = d.json(&["summary", "--from", "2026-03-01", "--to", "2026-03-02", "--format", "json"]);
    let doses: Vec<u64> =
        array(&list["days"]).iter().map(|x| x["prescribed_doses"].as_u64().unwrap()).collect();
    assert_eq!(doses, [1, 0]);
    // In French: today, list and med list.
    d.ok(&["settings", "set", "language", "fr"]);
    let today = d.ok(&["today"]);
    assert!(today.contains("Aujourd") && today.contains("Mes médicaments"), "{today}");
    let list = d.ok(&["list"]);
    assert!(list.contains("prise") && list.contains("5 mg"), "{list}");
    let meds = d.ok(&["med", "list"]);
    assert!(meds.contains("½ × 10 mg (5 mg)") && meds.contains("prescrit"), "{meds}");
    // Bad values name the setting; nothing changes.
    for (args, needle) in [
        (&["settings", "set", "day-start", "13:00"][..], "day-start"),
        (&["settings", "set", "day-start", "25:00"], "day-start"),
        (&["settings", "set", "language", "de"], "en, fr, nl, nb"),
        (&["settings", "set", "colour", "red"], "day-start, language, check-in, table"),
        (&["med", "add", "--drug", "aspirin", "--mg", "1", "--times", "08:00"], "drug"),
        (&["med", "add", "--drug", "zolpidem", "--mg", "1", "--times", "8h"], "--times"),
    ] {
        let err = fails(&d.keyed(args));
        assert!(err.contains(needle), "{args:?}: {err}");
    }
    let shown = d.json(&["settings", "show", "--json"]);
    assert_eq!((shown["day_start"].as_str(), shown["language"].as_str()), (Some("04:00"), Some("fr")));
    d.ok(&["settings", "set", "check-in", "off"]);
    assert_eq!(d.json(&["settings", "show", "--json"])["check_in"], Value::Null);
}
