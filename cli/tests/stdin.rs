//! Clinical text through standard input, never the command line: `steady log --json -` end to
//! end for every kind `list --json` prints, the round trip list → log into a fresh diary,
//! all-or-nothing arrays, `--note -` and friends, and what `/proc/PID/cmdline` shows while the
//! process waits for its input.

mod common;

use std::collections::HashMap;

use common::*;
use serde_json::{json, Value};

/// Keys `list --json` prints that `log --json -` does not read: the id, the local date and each
/// kind's derived values.
fn not_read(kind: &str) -> Vec<&'static str> {
    let mut keys = vec!["id", "short_id", "date"];
    keys.extend(match kind {
        "dose" => &["substance_name", "mg", "tablets", "de_low_mg", "de_high_mg", "de_table", "planned"][..],
        "sleep" => {
            &["total_sleep_min", "time_in_bed_min", "efficiency_percent", "quality_score", "quality_label"]
        }
        "gad7" => &["total", "band"],
        "goal" => &["description"],
        "review" => &["gas_label"],
        "plan" => &["molecule_name", "holding"],
        "medicine" => &["molecule_name", "active"],
        _ => &[],
    });
    keys
}

/// An entry of `list --json` as `log --json -` takes it.
fn strip(entry: &Value) -> Value {
    let mut e = entry.clone();
    let map = e.as_object_mut().unwrap();
    let kind = map["kind"].as_str().unwrap().to_owned();
    for key in not_read(&kind) {
        map.remove(key);
    }
    if let Some(Value::Object(switch)) = map.get_mut("switch") {
        switch.remove("diazepam_mg");
    }
    e
}

/// The id of the entry in `list` whose id starts with `short`.
fn full_id(list: &Value, short: &str) -> String {
    let found: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["id"].as_str())
        .filter(|id| id.starts_with(short))
        .collect();
    assert_eq!(found.len(), 1, "{short} in {list}");
    found[0].to_owned()
}

/// Short ids from "Logged dose 3f2a9c1e." lines, in order.
fn logged_ids(out: &str) -> Vec<String> {
    out.lines().map(short_id).collect()
}

fn kinds(list: &Value) -> Vec<String> {
    let mut kinds: Vec<String> =
        list.as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap().to_owned()).collect();
    kinds.sort();
    kinds
}

#[test]
fn every_kind_is_logged_from_standard_input() {
    let d = Diary::keyed_init();
    // What the others refer to first: a goal and a medicine, each a single object.
    let goal = short_id(&d.ok_stdin(
        &["log", "--json", "-"],
        r#"{"kind": "goal", "set_at": "2025-05-01 09:00", "goal_kind": {"kind": "reduce", "molecule": "zolpidem", "target_mg": 5},
            "what_matters": "Sleep without pills", "proposed_by": "together", "agreed_with": "Dr. Peeters",
            "due": "2099-01-01", "status": "on_hold"}"#,
    ));
    let medicine = short_id(&d.ok_stdin(
        &["log", "--json", "-"],
        r#"{"kind": "medicine", "name": "Stilnoct", "use": "prescribed",
            "regimen": [{"from": "2025-01-01", "amount": {"tablets": {"quarters": 2, "strength_mg": 10}}, "times": ["22:30"]},
                        {"from": "2025-03-01", "amount": {"tablets": {"quarters": 1, "strength_mg": 10}}, "times": ["22:00:00"]}]}"#,
    ));
    let input = json!([
        {"kind": "dose", "taken_at": "2025-06-01 22:30", "substance": "Xanax", "amount": {"mg": 0.5},
         "use": "non_prescribed", "note": "from a friend"},
        {"kind": "dose", "taken_at": "2025-06-02T22:40:00+02:00", "substance": {"molecule": "zolpidem"},
         "amount": {"tablets": {"quarters": 1, "strength_mg": 10.0}}, "medicine": medicine},
        {"kind": "sleep", "night": "2025-06-01", "reported_sleep_min": 390, "quality": "fair", "latency_min": 20,
         "awakenings": 2, "waso_min": 30, "in_bed": "23:00:00", "out_of_bed": "07:00", "final_awakening": "06:20", "note": "noisy"},
        {"kind": "anxiety", "at": "2025-06-01 21:00", "score": 7, "note": "work"},
        {"kind": "gad7", "at": "2025-06-01 20:00", "items": [1, 2, 0, 3, 1, 1, 0]},
        {"kind": "review", "goal": goal, "at": "2025-06-03 10:00", "gas": 1, "decision": "adjust",
         "note": "going well", "next_review": "2099-03-01"},
        {"kind": "question", "asked_at": "2025-06-03 10:05", "text": "Can I hold in May?", "discussed": false},
        {"kind": "skip", "medicine": medicine, "at": "2025-06-04 22:30", "note": "slept early"},
        {"kind": "plan", "molecule": "lormetazepam", "start_mg": 2, "start": "2025-07-01", "strengths_mg": [1, 2],
         "split": "quarter", "percent": 10, "interval_days": 14, "pace": "gentle"},
    ]);
    let out = d.ok_stdin(&["log", "--json", "-"], &input.to_string());
    assert_eq!(out.lines().count(), 9, "{out}");
    assert!(out.lines().all(|l| l.starts_with("Logged ")), "{out}");

    let list = d.json(&["list", "--json"]);
    assert_eq!(
        kinds(&list),
        [
            "anxiety", "dose", "dose", "gad7", "goal", "medicine", "plan", "question", "review", "skip",
            "sleep"
        ]
    );
    let by_kind = |kind: &str| -> Vec<&Value> {
        list.as_array().unwrap().iter().filter(|e| e["kind"] == kind).collect()
    };
    let xanax = by_kind("dose").into_iter().find(|e| e["use"] == "non_prescribed").unwrap();
    assert_eq!(xanax["substance"], json!({"molecule": "alprazolam"}));
    assert_eq!((xanax["mg"].as_f64(), xanax["note"].as_str()), (Some(0.5), Some("from a friend")));
    let zolpidem = by_kind("dose").into_iter().find(|e| e["use"] == "prescribed").unwrap();
    assert_eq!(zolpidem["taken_at"], "2025-06-02T22:40:00+02:00");
    assert_eq!(zolpidem["medicine"], json!(full_id(&list, &medicine)));
    let sleep = by_kind("sleep")[0];
    assert_eq!((sleep["reported_sleep_min"].as_i64(), sleep["quality"].as_str()), (Some(390), Some("fair")));
    assert_eq!((sleep["in_bed"].as_str(), sleep["time_in_bed_min"].as_i64()), (Some("23:00:00"), Some(480)));
    assert_eq!(by_kind("anxiety")[0]["score"], 7);
    assert_eq!(by_kind("gad7")[0]["total"], 8);
    let g = by_kind("goal")[0];
    assert_eq!((g["status"].as_str(), g["review_on"].as_str()), (Some("on_hold"), Some("2099-03-01")));
    assert_eq!(g["goal_kind"], json!({"kind": "reduce", "molecule": "zolpidem", "target_mg": 5.0}));
    assert_eq!(by_kind("review")[0]["goal"], json!(full_id(&list, &goal)));
    assert_eq!(by_kind("question")[0]["text"], "Can I hold in May?");
    let m = by_kind("medicine")[0];
    assert_eq!(m["regimen"].as_array().unwrap().len(), 2, "{m}");
    assert_eq!(m["regimen"][1]["times"], json!(["22:00:00"]));
    assert_eq!(by_kind("skip")[0]["note"], "slept early");
    let plan = by_kind("plan")[0];
    assert_eq!((plan["molecule"].as_str(), plan["pace"].as_str()), (Some("lormetazepam"), Some("gentle")));
    assert!(d.ok(&["plan", "show"]).contains("lormetazepam"));
}

#[test]
fn list_json_goes_back_into_a_fresh_diary_unchanged() {
    let a = Diary::keyed_init();
    for args in [
        &[
            "log",
            "dose",
            "--drug",
            "Loramet",
            "--tablets",
            "1 1/2",
            "--strength",
            "1",
            "--at",
            "2025-06-01 22:30",
        ][..],
        &[
            "log",
            "dose",
            "--drug",
            "unknown",
            "--tablets",
            "1",
            "--non-prescribed",
            "--at",
            "2025-06-02T23:10:00+02:00",
        ],
        &[
            "log",
            "dose",
            "--drug",
            "diazepam",
            "--mg",
            "2.5",
            "--at",
            "2025-06-03 08:00",
            "--note",
            "before work",
        ],
        &["log", "sleep", "--night", "2025-06-01", "--hours", "6.5", "--quality", "3", "--latency-min", "20"],
        &[
            "log",
            "sleep",
            "--night",
            "2025-06-02",
            "--hours",
            "5",
            "--quality",
            "2",
            "--awakenings",
            "3",
            "--waso-min",
            "40",
            "--in-bed",
            "22:45",
            "--out-of-bed",
            "06:15",
            "--final-awakening",
            "04:25",
        ],
        &["log", "anxiety", "--score", "7", "--at", "2025-06-01 21:00", "--note", "work"],
        &["log", "gad7", "--items", "1,2,0,3,1,1,0", "--at", "2025-06-01 20:00"],
        &["goal", "set", "--kind", "keep", "--why", "Drive my grandchildren to school"],
        &["question", "add", "Is it safe to drive after my evening dose?"],
        &[
            "plan",
            "create",
            "--drug",
            "Loramet",
            "--start-mg",
            "2",
            "--strengths",
            "1,2",
            "--start",
            "2025-07-01",
            "--pace",
            "gentle",
            "--percent",
            "10",
            "--every-days",
            "21",
            "--floor-mg",
            "0.5",
        ],
    ] {
        a.ok(args);
    }
    let goal = short_id(&a.ok(&[
        "goal",
        "set",
        "--kind",
        "reduce",
        "--why",
        "Sleep without pills",
        "--drug",
        "zolpidem",
        "--target-mg",
        "5",
        "--by",
        "2099-01-01",
        "--review",
        "2099-02-01",
        "--proposed-by",
        "together",
        "--agreed-with",
        "Dr. Peeters",
    ]));
    a.ok(&[
        "goal",
        "review",
        &goal,
        "--gas",
        "1",
        "--note",
        "going well",
        "--decision",
        "adjust",
        "--next-review",
        "2099-03-01",
    ]);
    a.ok(&["goal", "status", &goal, "on-hold"]);
    let done = short_id(&a.ok(&["question", "add", "Can I hold in May?"]));
    a.ok(&["question", "done", &done]);
    let stilnoct = a.ok(&[
        "med",
        "add",
        "--drug",
        "Stilnoct",
        "--tablets",
        "0.5",
        "--strength",
        "10",
        "--times",
        "22:30",
        "--from",
        "2025-01-01",
    ]);
    let stilnoct = stilnoct.trim();
    a.ok(&[
        "med",
        "change",
        stilnoct,
        "--drug",
        "Stilnoct",
        "--tablets",
        "0.25",
        "--strength",
        "10",
        "--times",
        "22:00,23:00",
        "--from",
        "2025-03-01",
    ]);
    a.ok(&["med", "stop", stilnoct, "--on", "2025-06-01"]);
    let oxazepam =
        a.ok(&["med", "add", "--drug", "oxazepam", "--mg", "10", "--times", "08:00", "--from", "2025-01-01"]);
    let oxazepam = oxazepam.trim();
    a.ok(&["taken", oxazepam, "--at", "2025-06-05 08:10"]);
    a.ok(&["skipped", oxazepam, "--at", "2025-06-06 08:00", "--note", "felt fine"]);

    let original = a.json(&["list", "--json"]);
    let listed = original.as_array().unwrap();
    assert_eq!(
        kinds(&original),
        [
            "anxiety", "dose", "dose", "dose", "dose", "gad7", "goal", "goal", "medicine", "medicine",
            "plan", "question", "question", "review", "skip", "sleep", "sleep"
        ]
    );
    assert!(listed.iter().all(|e| e["planned"] != true), "no dose came from a plan");

    // Into a fresh diary: first what others refer to (their ids are new), then the rest.
    let b = Diary::keyed_init();
    let refers = |e: &Value| {
        e["kind"] == "review" || e["kind"] == "skip" || (e["kind"] == "dose" && !e["medicine"].is_null())
    };
    let (later, first): (Vec<&Value>, Vec<&Value>) = listed.iter().partition(|e| refers(e));
    let input = Value::Array(first.iter().map(|e| strip(e)).collect());
    let out = b.ok_stdin(&["log", "--json", "-"], &input.to_string());
    let copied = b.json(&["list", "--json"]);
    let mut new_id: HashMap<String, String> = HashMap::new();
    for (e, short) in first.iter().zip(logged_ids(&out)) {
        new_id.insert(e["id"].as_str().unwrap().to_owned(), full_id(&copied, &short));
    }
    let moved = |e: &Value| {
        let mut e = e.clone();
        for key in ["goal", "medicine"] {
            if let Some(old) = e[key].as_str().map(str::to_owned) {
                e[key] = json!(new_id[&old]);
            }
        }
        e
    };
    let input = Value::Array(later.iter().map(|e| strip(&moved(e))).collect());
    b.ok_stdin(&["log", "--json", "-"], &input.to_string());

    // The same entries, every field (derived ones recomputed) equal, only the ids new.
    let comparable = |list: &Value, remap: bool| -> Vec<String> {
        let mut all: Vec<String> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                let mut e = if remap { moved(e) } else { e.clone() };
                let map = e.as_object_mut().unwrap();
                map.remove("id");
                map.remove("short_id");
                e.to_string()
            })
            .collect();
        all.sort();
        all
    };
    assert_eq!(comparable(&b.json(&["list", "--json"]), false), comparable(&original, true));
}

#[test]
fn an_array_with_one_bad_element_writes_nothing_and_names_it() {
    let d = Diary::keyed_init();
    d.ok(&["log", "anxiety", "--score", "2"]);
    let before = d.json(&["list", "--json"]);
    let good = r#"{"kind": "anxiety", "score": 3, "note": "fine"}, {"kind": "dose", "substance": "diazepam", "amount": {"mg": 5}}"#;
    let cases = [
        (
            r#"{"kind": "dose", "substance": "diazepam", "amount": {"mg": -1}}"#,
            r#"element 2 (dose), field "amount""#,
        ),
        (
            r#"{"kind": "sleep", "night": "2025-06-01", "quality": "good"}"#,
            r#"element 2 (sleep), field "reported_sleep_min""#,
        ),
        (r#"{"kind": "anxiety", "score": 11}"#, r#"element 2 (anxiety), field "score""#),
        (
            r#"{"kind": "anxiety", "score": 3, "at": "2025-06-01 25:00"}"#,
            r#"element 2 (anxiety), field "at": could not read"#,
        ),
        (
            r#"{"kind": "dose", "substance": "aspirin", "amount": {"mg": 5}}"#,
            r#"element 2 (dose), field "substance""#,
        ),
        (
            r#"{"kind": "dose", "substance": "diazepam", "amount": {"mg": 5}, "non_prescribed": true}"#,
            r#"element 2 (dose), field "non_prescribed": is not a field"#,
        ),
        (
            r#"{"kind": "anxiety", "score": 3, "short_id": "abcd1234"}"#,
            r#"element 2 (anxiety), field "short_id": is an id"#,
        ),
        (
            r#"{"kind": "review", "goal": "abcd1234", "gas": 1}"#,
            r#"element 2 (review), field "goal": no goal"#,
        ),
        (r#"{"kind": "skip", "medicine": "abcd"}"#, r#"element 2 (skip), field "medicine""#),
        (r#"{"kind": "gad7", "items": [1, 2, 3]}"#, r#"element 2 (GAD-7), field "items""#),
        (r#"{"kind": "question", "text": " "}"#, r#"element 2 (question), field "text""#),
        (
            r#"{"kind": "plan", "molecule": "diazepam", "start_mg": 10, "strengths_mg": [5]},
           {"kind": "plan", "molecule": "diazepam", "start_mg": 10, "strengths_mg": [5]}"#,
            r#"element 3 (plan)"#,
        ),
        (
            r#"{"kind": "medicine", "name": "Stilnoct", "regimen": [{"from": "2025-03-01", "amount": {"mg": 5}, "times": ["22:00"]},
             {"from": "2025-01-01", "amount": {"mg": 5}, "times": ["22:00"]}]}"#,
            r#"element 2 (medicine), field "regimen""#,
        ),
        (r#"{"kind": "settings"}"#, r#"element 2 (settings), field "kind""#),
        (r#"42"#, "element 2 is not a JSON object"),
    ];
    for (bad, needle) in cases {
        let input = format!("[{good}, {bad}]");
        let err = fails(&d.keyed_stdin(&["log", "--json", "-"], &input));
        assert!(err.contains(needle) && err.trim_end().ends_with("nothing was logged"), "{bad}\n{err}");
        assert_eq!(d.json(&["list", "--json"]), before, "{bad}: nothing was written");
    }
    assert!(fails(&d.keyed_stdin(&["log", "--json", "-"], "[{]")).contains("not valid JSON"));
    assert!(fails(&d.keyed_stdin(&["log", "--json", "-"], "")).contains("not valid JSON"));
    assert!(fails(&d.keyed_stdin(&["log", "--json", "-"], "[]")).contains("nothing to log"));
    let err = fails(&d.keyed_stdin(&["log", "--json", "entries.json"], good));
    assert!(err.contains("--json -"), "{err}");
    // A refused element costs no key derivation: nothing is unlocked before the input is read.
    let err = fails(&run(d.bare().args(["log", "--json", "-"])));
    assert!(err.contains("not valid JSON"), "{err}");
    assert_eq!(d.json(&["list", "--json"]), before);
}

#[test]
fn note_dash_and_other_free_text_come_from_standard_input() {
    let d = Diary::keyed_init();
    d.ok_stdin(
        &["log", "dose", "--drug", "diazepam", "--mg", "2", "--note", "-"],
        "took it late, after the call\n",
    );
    d.ok_stdin(&["log", "anxiety", "--score", "6", "--note", "-"], "panic at work\r\n");
    d.ok_stdin(&["question", "add", "-"], "Can I stop before the summer?\n");
    let goal =
        short_id(&d.ok_stdin(&["goal", "set", "--kind", "keep", "--why", "-"], "Walk to the market alone"));
    d.ok_stdin(&["goal", "review", &goal, "--gas", "0", "--note", "-"], "same as before\n");
    let med = d.ok(&["med", "add", "--drug", "oxazepam", "--mg", "10", "--times", "08:00"]);
    d.ok_stdin(&["skipped", med.trim(), "--note", "-"], "felt steady\n");
    d.ok(&["plan", "create", "--drug", "diazepam", "--start-mg", "10", "--strengths", "2,5"]);
    d.ok_stdin(&["plan", "hold", "--reason", "-"], "moving house\n");
    d.ok_stdin(&["plan", "end", "--reason", "-"], "maintenance dose agreed\n");

    let list = d.json(&["list", "--json"]);
    let texts: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| [&e["note"], &e["text"], &e["what_matters"]])
        .filter_map(Value::as_str)
        .collect();
    for expected in [
        "took it late, after the call",
        "panic at work",
        "Can I stop before the summer?",
        "Walk to the market alone",
        "same as before",
        "felt steady",
    ] {
        assert!(texts.contains(&expected), "{expected:?} in {texts:?}");
    }
    let plan = list.as_array().unwrap().iter().find(|e| e["kind"] == "plan").unwrap();
    assert_eq!(plan["holds"][0]["reason"], "moving house");
    assert_eq!(plan["ended"]["reason"], "maintenance dose agreed", "{plan}");
}

/// The process's state letter from `/proc/PID/stat` (`S` = sleeping, e.g. waiting on a read).
#[cfg(target_os = "linux")]
fn state(pid: u32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat.rsplit_once(')')?.1.trim_start().chars().next()
}

#[cfg(target_os = "linux")]
#[test]
fn nothing_clinical_is_on_the_command_line_while_steady_waits_for_its_input() {
    use std::io::Write;
    use std::process::Stdio;
    use std::time::{Duration, Instant};

    let d = Diary::keyed_init();
    let note = "CANARY7e1f: borrowed from my sister";
    let input = json!([
        {"kind": "dose", "substance": "alprazolam", "amount": {"mg": 0.75}, "use": "non_prescribed", "note": note},
        {"kind": "anxiety", "score": 9, "note": note},
    ])
    .to_string();
    let mut child = d
        .bare()
        .arg("--key-file")
        .arg(d.key())
        .args(["log", "--json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    // Wait until it sleeps on its (still open, still empty) standard input.
    let start = Instant::now();
    while state(pid) != Some('S') && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(20));
    }
    let argv = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap();
    assert!(child.try_wait().unwrap().is_none(), "it is still waiting for its input");
    assert_eq!(state(pid), Some('S'));
    let argv = String::from_utf8_lossy(&argv).replace('\0', " ");
    assert!(argv.contains("log --json -"), "{argv}");
    for secret in ["alprazolam", "Xanax", "0.75", "non_prescribed", "non-prescribed", "CANARY7e1f", "sister"]
    {
        assert!(!argv.contains(secret), "{secret:?} is on the command line: {argv}");
    }

    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(input.as_bytes()).unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert_eq!(ok(&out).lines().count(), 2);
    let list = d.json(&["list", "--json"]);
    assert_eq!(list[0]["note"], note, "{list}");
    assert!(list.to_string().contains("alprazolam"));
}
