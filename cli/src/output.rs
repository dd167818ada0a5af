//! Human-readable and JSON rendering of what the core returns: the today view, entry lists and
//! goals. Pure functions from core types to text or `serde_json::Value`, so they are tested
//! without a diary; the caller decides where the text goes.

use std::fmt::Write;

use chrono::NaiveDate;
use serde_json::{json, Map, Value};
use steady_core::domain::goal::gas_label;
use steady_core::domain::{
    round1, Entry, EntryBody, EntryId, EntryKind, EquivalenceTable, Goal, GoalStatus, Keyed, Proposer,
};
use steady_core::{AnxietyDay, EntryRow, TodayView};

/// Name of an entry kind as printed in lists and success messages.
pub fn kind_label(kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Gad7 => "GAD-7",
        other => other.key(),
    }
}

/// Eight levels for a 0–10 score; `·` for a day without a rating.
pub fn sparkline(days: &[AnxietyDay]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    days.iter()
        .map(|d| match d.mean {
            Some(m) => BARS[((m.clamp(0.0, 10.0) / 10.0) * 7.0).round() as usize],
            None => '·',
        })
        .collect()
}

/// The today screen as text: the core's words, in the patient's language, laid out for a terminal.
pub fn today(v: &TodayView) -> String {
    let l = &v.labels;
    let mut out = String::new();
    let _ = writeln!(out, "{}", l.title);
    let _ = writeln!(out, "{}", v.table_note);

    if !v.medicines.is_empty() {
        let _ = writeln!(out, "\n{}", l.medicines);
        for c in &v.medicines {
            let _ = writeln!(out, "  [{}] {}", c.id.short(), c.text);
            let notes: Vec<&str> = [
                Some(c.today_text.as_str()).filter(|t| !t.is_empty()),
                c.planned_text.as_deref(),
                c.next_text.as_deref(),
            ]
            .into_iter()
            .flatten()
            .collect();
            if !notes.is_empty() {
                let _ = writeln!(out, "    {}", notes.join("; "));
            }
        }
    }

    let _ = writeln!(out, "\n{}", l.doses);
    if v.doses.is_empty() {
        let _ = writeln!(out, "  {}", l.no_dose);
    }
    for d in &v.doses {
        let _ = writeln!(out, "  {}  {}", d.time.format("%H:%M"), d.text);
    }
    let _ = writeln!(out, "  {}", v.totals_text);

    let _ = writeln!(out, "\n{}", v.last_night_text);
    let values: Vec<String> =
        v.anxiety_7d.iter().map(|d| d.mean.map_or_else(|| "–".into(), round1)).collect();
    let _ = writeln!(
        out,
        "{} {}  ({})  {}",
        l.anxiety_week,
        sparkline(&v.anxiety_7d),
        values.join(" "),
        v.anxiety_text
    );

    if let Some(p) = &v.plan {
        let _ = writeln!(out, "\n{}", p.text);
    }

    let _ = writeln!(out, "\n{}", l.goals);
    if v.goals.is_empty() {
        let _ = writeln!(out, "  {}", l.no_goal);
    }
    for g in &v.goals {
        let status = match g.status {
            GoalStatus::Active => String::new(),
            _ => format!(" ({})", g.status_text),
        };
        let _ = writeln!(out, "  [{}] {}{status}", g.id.short(), g.goal);
        let _ = writeln!(out, "    \"{}\"", g.what_matters);
        let _ = writeln!(out, "    {}", g.progress_text);
        let _ = writeln!(out, "    {}", g.review_text);
    }
    out
}

/// `steady list` as text: short id, local date and time, kind, and the core's line.
pub fn rows(list: &[EntryRow]) -> String {
    if list.is_empty() {
        return "No entries.\n".into();
    }
    let mut out = String::new();
    for r in list {
        let _ = writeln!(out, "{}", row(r));
    }
    out
}

fn row(r: &EntryRow) -> String {
    let when = match r.kind {
        EntryKind::Sleep => format!("{} night", r.date),
        _ => format!("{} {}", r.date, r.time.format("%H:%M")),
    };
    format!("{}  {when:<16}  {:<8}  {}", r.id.short(), r.kind_text, r.line)
}

fn note_suffix(note: Option<&str>) -> String {
    note.map(|n| format!(" — \"{n}\"")).unwrap_or_default()
}

/// One entry as a flat JSON object: `id`, `kind`, the entry's own fields, and derived values
/// (DE under `table`, sleep totals, GAD-7 total and band). A field of the entry that would clash
/// with `id` or `kind` is kept under `<kind>_id` / `<kind>_kind` (e.g. a goal's `goal_kind`).
pub fn entry_json(e: &Entry, table: EquivalenceTable) -> Result<Value, serde_json::Error> {
    let kind = e.body.kind().key();
    let mut tagged = serde_json::to_value(&e.body)?;
    let data = tagged.get_mut("data").map(Value::take).unwrap_or(Value::Null);
    let mut obj = match data {
        Value::Object(map) => map,
        other => Map::from_iter([("data".to_owned(), other)]),
    };
    for clash in ["id", "kind"] {
        if let Some(v) = obj.remove(clash) {
            obj.insert(format!("{kind}_{clash}"), v);
        }
    }
    obj.insert("id".into(), json!(e.id.to_string()));
    obj.insert("short_id".into(), json!(e.id.short()));
    obj.insert("kind".into(), json!(kind));
    obj.insert("date".into(), json!(e.body.local_date()));
    let derived = match &e.body {
        EntryBody::Dose(d) => {
            let de = d.diazepam_equivalent(table);
            json!({
                "substance_name": d.substance.name(),
                "mg": d.amount.mg(),
                "tablets": d.amount.tablets(),
                "de_low_mg": de.map(|r| r.low),
                "de_high_mg": de.map(|r| r.high),
                "de_table": table.key(),
            })
        }
        EntryBody::Sleep(s) => json!({
            "total_sleep_min": s.total_sleep_min(),
            "time_in_bed_min": s.time_in_bed_min(),
            "efficiency_percent": s.efficiency_percent(),
            "quality_score": s.quality.score(),
            "quality_label": s.quality.label(),
        }),
        EntryBody::Gad7(g) => json!({ "total": g.total(), "band": g.band() }),
        EntryBody::Goal(g) => json!({ "description": g.kind.describe() }),
        EntryBody::Review(r) => json!({ "gas_label": gas_label(r.gas) }),
        EntryBody::Anxiety(_) | EntryBody::Question(_) => json!({}),
        EntryBody::Plan(p) => json!({ "molecule_name": p.molecule.name(), "holding": p.is_holding() }),
        EntryBody::Medicine(m) => {
            json!({ "molecule_name": m.molecule.name(), "active": m.stopped.is_none() })
        }
        EntryBody::Skip(_) | EntryBody::Settings(_) => json!({}),
    };
    if let Value::Object(extra) = derived {
        obj.extend(extra);
    }
    Ok(Value::Object(obj))
}

/// A goal with its reviews, oldest first, as gathered from the full entry list.
pub struct GoalWithReviews<'a> {
    /// The goal's entry.
    pub entry: &'a Entry,
    /// The goal itself.
    pub goal: &'a Goal,
    /// Its review entries.
    pub reviews: Vec<&'a Entry>,
}

/// Goals in `list` (time order) with their reviews.
pub fn collect_goals(list: &[Entry]) -> Vec<GoalWithReviews<'_>> {
    let mut goals: Vec<GoalWithReviews<'_>> = list
        .iter()
        .filter_map(|e| match &e.body {
            EntryBody::Goal(goal) => Some(GoalWithReviews { entry: e, goal, reviews: vec![] }),
            _ => None,
        })
        .collect();
    for e in list {
        if let EntryBody::Review(r) = &e.body {
            if let Some(g) = goals.iter_mut().find(|g| g.entry.id == r.goal) {
                g.reviews.push(e);
            }
        }
    }
    goals
}

fn status_label(status: GoalStatus) -> &'static str {
    match status {
        GoalStatus::Proposed => "proposed",
        GoalStatus::Active => "active",
        GoalStatus::OnHold => "on hold",
        GoalStatus::Achieved => "achieved",
        GoalStatus::Changed => "changed",
        GoalStatus::Abandoned => "abandoned",
    }
}

fn proposer_label(p: Proposer) -> &'static str {
    match p {
        Proposer::Patient => "the patient",
        Proposer::Clinician => "the clinician",
        Proposer::Together => "patient and clinician together",
    }
}

fn review_due(goal: &Goal, today: NaiveDate) -> bool {
    goal.status.is_open() && goal.review_on.is_some_and(|d| d <= today)
}

/// `steady goal list` as text.
pub fn goals_text(goals: &[GoalWithReviews<'_>], today: NaiveDate) -> String {
    if goals.is_empty() {
        return "No goals set. Set one with `steady goal set`.\n".into();
    }
    let mut out = String::new();
    for (i, g) in goals.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let goal = g.goal;
        let _ = writeln!(
            out,
            "[{}] {} ({})",
            g.entry.id.short(),
            goal.kind.describe(),
            status_label(goal.status)
        );
        let _ = writeln!(out, "  What matters: \"{}\"", goal.what_matters);
        let mut set = format!("  Set {} by {}", goal.set_at.date_naive(), proposer_label(goal.proposed_by));
        if let Some(who) = &goal.agreed_with {
            let _ = write!(set, ", agreed with {who}");
        }
        let _ = writeln!(out, "{set}");
        if let Some(due) = goal.due {
            let _ = writeln!(out, "  Aim to reach it by {due}");
        }
        match goal.review_on {
            Some(d) if review_due(goal, today) => {
                let _ = writeln!(out, "  Next review: {d} (review due)");
            }
            Some(d) => {
                let _ = writeln!(out, "  Next review: {d}");
            }
            None => {
                let _ = writeln!(out, "  No review date set");
            }
        }
        for r in &g.reviews {
            if let EntryBody::Review(rv) = &r.body {
                let _ = writeln!(
                    out,
                    "  Review {} [{}]: GAS {:+} ({}), decision {}{}",
                    rv.at.date_naive(),
                    r.id.short(),
                    rv.gas,
                    gas_label(rv.gas),
                    rv.decision.key(),
                    note_suffix(rv.note.as_deref())
                );
            }
        }
    }
    out
}

/// `steady goal list --json`: each goal as in `list --json`, plus `review_due` and its `reviews`.
pub fn goals_json(
    goals: &[GoalWithReviews<'_>],
    today: NaiveDate,
    table: EquivalenceTable,
) -> Result<Value, serde_json::Error> {
    let mut all = vec![];
    for g in goals {
        let mut v = entry_json(g.entry, table)?;
        let reviews = g.reviews.iter().map(|r| entry_json(r, table)).collect::<Result<Vec<_>, _>>()?;
        if let Value::Object(map) = &mut v {
            map.insert("review_due".into(), json!(review_due(g.goal, today)));
            map.insert("reviews".into(), Value::Array(reviews));
        }
        all.push(v);
    }
    Ok(Value::Array(all))
}

/// Confirms a save by kind and short id, e.g. "Logged dose 3f2a9c1e."
pub fn saved(verb: &str, kind: EntryKind, id: EntryId) -> String {
    format!("{verb} {} {}.", kind_label(kind), id.short())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;
    use steady_core::domain::{Amount, Dose, Molecule, Substance};

    fn at() -> DateTime<chrono::FixedOffset> {
        DateTime::parse_from_rfc3339("2026-03-01T22:30:00+01:00").unwrap()
    }

    #[test]
    fn sparkline_has_one_bar_per_day_and_a_dot_for_gaps() {
        let day = |d, mean| AnxietyDay { date: NaiveDate::from_ymd_opt(2026, 3, d).unwrap(), mean };
        assert_eq!(
            sparkline(&[day(1, Some(0.0)), day(2, None), day(3, Some(10.0)), day(4, Some(5.0))]),
            "▁·█▅"
        );
    }

    #[test]
    fn entry_json_is_flat_with_id_kind_and_derived_values() {
        let dose = Dose {
            taken_at: at(),
            substance: Substance::Known(Molecule::Lormetazepam),
            amount: Amount::Tablets { quarters: 3, strength_mg: Some(2.0) },
            use_: steady_core::domain::Use::Prescribed,
            note: None,
            medicine: None,
            planned: false,
            typed_name: None,
        };
        let e = Entry { id: EntryId::new(), body: EntryBody::Dose(dose) };
        let v = entry_json(&e, EquivalenceTable::Ashton).unwrap();
        assert_eq!(v["id"], json!(e.id.to_string()));
        assert_eq!(v["kind"], "dose");
        assert_eq!(v["mg"], 1.5);
        assert_eq!((v["de_low_mg"].as_f64(), v["de_high_mg"].as_f64()), (Some(7.5), Some(15.0)));
        assert_eq!(v["use"], "prescribed");
        assert!(v["taken_at"].is_string());
        let listed = EntryRow {
            id: e.id,
            kind: EntryKind::Dose,
            kind_text: "prise".into(),
            date: at().date_naive(),
            time: at().time(),
            line: "lormétazépam ¾ × 2 mg (1,5 mg)".into(),
            non_prescribed: false,
            note: None,
        };
        let line = row(&listed);
        assert!(line.starts_with(&e.id.short()) && line.contains("2026-03-01 22:30  prise"), "{line}");
    }
}
