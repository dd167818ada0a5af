//! Human-readable and JSON rendering of what the core returns: the today view, entry lists and
//! goals. Pure functions from core types to text or `serde_json::Value`, so they are tested
//! without a diary; the caller decides where the text goes.

use std::fmt::Write;

use chrono::NaiveDate;
use serde_json::{json, Map, Value};
use steady_core::domain::goal::gas_label;
use steady_core::domain::{
    amount_text, mg_text as num, round1, DeTotal, Entry, EntryBody, EntryId, EntryKind, EquivalenceTable,
    Goal, GoalProgress, GoalStatus, Keyed, Proposer, Use,
};
use steady_core::{AnxietyDay, DoseLine, EntryRow, PlanToday, TodayView};

/// A range of mg collapsed when both ends round alike: "10", "10–20".
fn mg_range(low: f64, high: f64) -> String {
    if (high - low).abs() < 0.05 {
        round1(low)
    } else {
        format!("{}–{}", round1(low), round1(high))
    }
}

/// Name of an entry kind as printed in lists and success messages.
pub fn kind_label(kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Gad7 => "GAD-7",
        other => other.key(),
    }
}

fn use_label(use_: Use) -> &'static str {
    match use_ {
        Use::Prescribed => "prescribed",
        Use::NonPrescribed => "non-prescribed",
    }
}

fn de_text(de: Option<(f64, f64)>) -> String {
    de.map_or_else(|| "DE unknown".into(), |(low, high)| format!("DE {} mg", mg_range(low, high)))
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "10–20 mg" plus, when some doses have no known equivalent, why — never counted as zero.
fn side_total(total: &DeTotal, lines: &[&DoseLine], table_name: &str) -> String {
    let mut text = format!("{} mg", mg_range(total.low_mg, total.high_mg));
    let unknown = |d: &&&DoseLine| d.de.is_none() && d.mg.is_some();
    let unknown_strength = lines.iter().filter(|d| d.de.is_none() && d.mg.is_none()).count();
    let unknown_substance =
        lines.iter().filter(unknown).filter(|d| d.substance == "unknown substance").count();
    let no_value = lines.iter().filter(unknown).filter(|d| d.substance != "unknown substance").count();
    let mut why = vec![];
    if unknown_strength > 0 {
        why.push(format!("{} of unknown strength", plural(unknown_strength, "dose", "doses")));
    }
    if unknown_substance > 0 {
        why.push(format!("{} of an unknown substance", plural(unknown_substance, "dose", "doses")));
    }
    if no_value > 0 {
        why.push(format!("{} with no value in the {table_name} table", plural(no_value, "dose", "doses")));
    }
    if !why.is_empty() {
        let _ = write!(text, " ({})", why.join(", "));
    }
    text
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

/// The today screen as text.
pub fn today(v: &TodayView) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Today: {} {}", v.date.format("%A"), v.date);
    let _ = writeln!(out, "(DE = diazepam-equivalent mg, per the {})", v.table.name);

    let _ = writeln!(out, "\nDoses");
    if v.doses.is_empty() {
        let _ = writeln!(out, "  none logged today");
    }
    for d in &v.doses {
        let _ = writeln!(
            out,
            "  {}  {:<17}  {:<26}  {:<14}  {}",
            d.time.format("%H:%M"),
            d.substance,
            amount_text(d.mg, d.tablets),
            use_label(d.use_),
            de_text(d.de.map(|r| (r.low, r.high)))
        );
    }
    let side = |use_: Use| v.doses.iter().filter(|d| d.use_ == use_).collect::<Vec<_>>();
    let _ = writeln!(
        out,
        "  DE prescribed: {}; non-prescribed: {}",
        side_total(&v.totals.prescribed, &side(Use::Prescribed), &v.table.name),
        side_total(&v.totals.non_prescribed, &side(Use::NonPrescribed), &v.table.name)
    );

    let _ = writeln!(out);
    match &v.last_night {
        Some(n) => {
            let mut line = format!("Last night ({}):", n.night.format("%a %-d %b"));
            if let Some(h) = n.total_sleep_h {
                let _ = write!(line, " {} h asleep,", round1(h));
            }
            if let Some(e) = n.efficiency_percent {
                let _ = write!(line, " efficiency {} %,", e.round());
            }
            let _ = write!(line, " quality {}/5 ({})", n.quality, n.quality_label);
            let _ = writeln!(out, "{line}");
        }
        None => {
            let _ = writeln!(out, "Last night: no sleep logged");
        }
    }

    let values: Vec<String> =
        v.anxiety_7d.iter().map(|d| d.mean.map_or_else(|| "–".into(), round1)).collect();
    let mean = v.anxiety_7d_mean.map_or_else(|| "–".into(), |m| format!("{}/10", round1(m)));
    let _ = writeln!(
        out,
        "Anxiety, last 7 days: {}  ({})  mean {mean}",
        sparkline(&v.anxiety_7d),
        values.join(" ")
    );

    if let Some(p) = &v.plan {
        let _ = writeln!(out, "\n{}", plan_line(p));
    }

    let _ = writeln!(out, "\nGoals");
    if v.goals.is_empty() {
        let _ = writeln!(out, "  no open goal");
    }
    for g in &v.goals {
        let status = match g.status {
            GoalStatus::Active => String::new(),
            other => format!(" ({})", status_label(other)),
        };
        let _ = writeln!(out, "  [{}] {}{status}", g.id.short(), g.description);
        let _ = writeln!(out, "    \"{}\"", g.what_matters);
        let _ = writeln!(out, "    {}", progress_line(&g.progress));
        match (g.next_review, g.review_due) {
            (Some(d), true) => {
                let _ = writeln!(out, "    next review {d}: REVIEW DUE");
            }
            (Some(d), false) => {
                let _ = writeln!(out, "    next review {d}");
            }
            (None, _) => {
                let _ = writeln!(out, "    no review date set");
            }
        }
    }
    out
}

/// What the diary measured for a goal since its last review: facts only, no verdict.
fn progress_line(p: &GoalProgress) -> String {
    let mut parts = vec![format!("a dose on {} of {} days", p.days_with_dose, p.days)];
    if let Some(mg) = p.mean_daily_mg {
        parts[0].push_str(&format!(" (mean {} mg)", num((mg * 100.0).round() / 100.0)));
    }
    if let Some(under) = p.days_at_or_under_target {
        parts.push(format!("{under} at or under the target"));
    }
    if let Some(n) = p.days_with_nonprescribed.filter(|n| *n > 0) {
        parts.push(format!("non-prescribed use on {}", plural(n as usize, "day", "days")));
    }
    if let Some(h) = p.mean_sleep_h {
        parts.push(format!("sleep {} h", round1(h)));
    }
    if let Some(a) = p.mean_anxiety {
        parts.push(format!("anxiety {}/10", round1(a)));
    }
    format!("since {}: {}", p.from, parts.join(", "))
}

/// Today's step of the taper plan in one line; the plan is the patient's, so no advice is added.
fn plan_line(p: &PlanToday) -> String {
    let mut line = format!("Taper plan ({})", p.molecule);
    match (p.planned_mg, &p.planned_tablets) {
        (Some(mg), Some(t)) => {
            let _ = write!(line, ": today {} mg ({t})", num(mg));
        }
        (Some(mg), None) => {
            let _ = write!(line, ": today {} mg", num(mg));
        }
        _ => {}
    }
    if p.holding {
        line.push_str(", holding");
    }
    if let (Some(date), Some(mg)) = (p.next_step_date, p.next_step_mg) {
        let _ = write!(line, "; next step {date}: {} mg", num(mg));
    }
    if let Some(end) = p.end_date {
        let _ = write!(line, "; expected end {end}");
    }
    line
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
    format!("{}  {when:<16}  {:<7}  {}", r.id.short(), kind_label(r.kind), r.line)
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
    use chrono::{DateTime, NaiveTime};
    use steady_core::domain::{count_text, Amount, Dose, MgRange, Molecule, Substance};

    fn at() -> DateTime<chrono::FixedOffset> {
        DateTime::parse_from_rfc3339("2026-03-01T22:30:00+01:00").unwrap()
    }

    #[test]
    fn numbers_and_tablets_read_naturally() {
        assert_eq!(num(2.0), "2");
        assert_eq!(num(1.75), "1.75");
        assert_eq!(num(0.125), "0.125");
        assert_eq!(num(-0.0), "0");
        assert_eq!(count_text(1.0), "1");
        assert_eq!(count_text(0.5), "½");
        assert_eq!(count_text(1.75), "1¾");
        assert_eq!(count_text(0.3), "0.3");
        assert_eq!(amount_text(Some(1.5), Some(0.75)), "¾ × 2 mg (1.5 mg)");
        assert_eq!(amount_text(None, Some(1.0)), "1 tablet, strength unknown");
        assert_eq!(amount_text(Some(2.0), None), "2 mg");
    }

    #[test]
    fn totals_are_ranges_and_unknown_doses_are_counted_apart() {
        let line = |use_, substance: &str, mg, de| DoseLine {
            id: EntryId::new(),
            time: NaiveTime::from_hms_opt(22, 30, 0).unwrap(),
            substance: substance.to_owned(),
            mg,
            tablets: Some(1.0),
            use_,
            de,
        };
        let prescribed = line(Use::Prescribed, "lormetazepam", Some(2.0), Some(MgRange::new(10.0, 20.0)));
        let street = line(Use::NonPrescribed, "alprazolam", None, None);
        let unknown = line(Use::NonPrescribed, "unknown substance", Some(1.0), None);
        let total =
            |low, high, unknown_doses| DeTotal { low_mg: low, high_mg: high, doses: 1, unknown_doses };
        assert_eq!(side_total(&total(10.0, 20.0, 0), &[&prescribed], "Ashton Manual"), "10–20 mg");
        assert_eq!(
            side_total(&total(0.0, 0.0, 1), &[&street], "Ashton Manual"),
            "0 mg (1 dose of unknown strength)"
        );
        assert_eq!(
            side_total(&total(0.0, 0.0, 2), &[&street, &unknown], "Ashton Manual"),
            "0 mg (1 dose of unknown strength, 1 dose of an unknown substance)"
        );
        let no_value = line(Use::Prescribed, "lormetazepam", Some(2.0), None);
        assert!(
            side_total(&total(0.0, 0.0, 1), &[&no_value], "VA/DoD").contains("no value in the VA/DoD table")
        );
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
            substance: Substance::Molecule(Molecule::Lormetazepam),
            amount: Amount::Tablets { quarters: 3, strength_mg: Some(2.0) },
            use_: Use::Prescribed,
            note: None,
        };
        let e = Entry { id: EntryId::new(), body: EntryBody::Dose(dose) };
        let v = entry_json(&e, EquivalenceTable::Ashton).unwrap();
        assert_eq!(v["id"], json!(e.id.to_string()));
        assert_eq!(v["kind"], "dose");
        assert_eq!(v["mg"], 1.5);
        assert_eq!((v["de_low_mg"].as_f64(), v["de_high_mg"].as_f64()), (Some(7.5), Some(15.0)));
        assert_eq!(v["use"], "prescribed");
        assert!(v["taken_at"].is_string());
        let line = row(&EntryRow::of(&e, EquivalenceTable::Ashton));
        assert!(line.starts_with(&e.id.short()) && line.contains("¾ × 2 mg (1.5 mg)"), "{line}");
    }
}
