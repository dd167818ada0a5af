//! Plain-text rendering of a summary in the clinician's language: the same content as the PDF, for
//! a message or a printout, never wider than 80 columns. Every word comes from the Fluent resources.

use std::fmt::Write;

use super::phrases::{
    current_dose, days_of, de_per_day, hold_when, molecule_lines, no_value_count, table_name,
};
use super::{Summary, WeekSummary};
use crate::domain::Hideable;
use crate::domain::{lookup, GoalStatus, ReviewDecision};
use crate::i18n::{Arg, Texts};

/// Widest line the renderer writes.
pub const WIDTH: usize = 80;

/// Greedy word wrap to `width` columns; continuation lines start with `indent`. Leading spaces of
/// the first line are kept.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let lead = text.len() - text.trim_start().len();
    let mut lines = vec![text[..lead].to_owned()];
    for word in text.split_whitespace() {
        let last = lines.last_mut().expect("never empty");
        let len = last.chars().count();
        let fresh = last.trim().is_empty();
        if !fresh && len + 1 + word.chars().count() > width {
            lines.push(format!("{indent}{word}"));
        } else {
            if !fresh {
                last.push(' ');
            }
            last.push_str(word);
        }
    }
    lines.join("\n")
}

/// Collects wrapped lines.
struct Page {
    out: String,
}

impl Page {
    /// Writes a line as is when it fits (so table columns keep their spacing), else wrapped.
    fn line(&mut self, text: &str) {
        if text.chars().count() <= WIDTH - 2 {
            let _ = writeln!(self.out, "{}", text.trim_end());
        } else {
            let _ = writeln!(self.out, "{}", wrap(text, WIDTH - 2, "      "));
        }
    }

    fn heading(&mut self, text: &str) {
        let _ = writeln!(self.out, "\n{}", text.to_uppercase());
    }
}

fn opt(t: &Texts, v: Option<f64>, f: impl Fn(f64) -> String) -> String {
    v.map_or_else(|| t.t("not-logged"), f)
}

/// Renders the summary as text lines of at most 80 columns.
pub fn render(s: &Summary, t: &Texts) -> String {
    let mut p = Page { out: String::new() };
    let days = s.days.len() as i64;
    p.line(&t.t("summary-title").to_uppercase());
    p.line(&format!(
        "{}: {}",
        t.t("period"),
        t.t_args(
            "period-value",
            &[("range", Arg::Str(t.date_range(s.from, s.to))), ("days", Arg::Int(days))]
        )
    ));
    if let Some(d) = s.generated_on {
        p.line(&t.t_args("generated-on", &[("date", Arg::Str(t.date(d)))]));
    }
    p.line(&t.t_args("de-basis", &[("table", Arg::Str(s.table.name.clone()))]));
    p.line(&super::notices::day_boundary(s.day_start, t));
    if let Some(warning) = super::notices::integrity(&s.integrity, t) {
        p.line(&warning);
    }
    p.line(&t.t("summary-subtitle"));
    if let Some(left_out) = t.left_out(&s.hidden, s.hidden_goals) {
        let n = s.hidden.len() as i64 + i64::from(s.hidden_goals);
        p.line(&format!("{} — {left_out}", t.t_args("hidden-sections", &[("n", Arg::Int(n))])));
    }
    p.line(&"=".repeat(WIDTH - 2));
    doses(&mut p, s, t);
    if !s.medicines.is_empty() {
        p.heading(&t.t("section-medicines"));
        for m in &s.medicines {
            for (i, line) in super::regimen::medicine_lines(m, t).iter().enumerate() {
                p.line(&format!("{}{line}", if i == 0 { "  " } else { "    " }));
            }
        }
    }
    plan(&mut p, s, t);
    sleep_and_anxiety(&mut p, s, t);
    goals(&mut p, s, t);
    if !s.hidden.contains(&Hideable::Questions) {
        p.heading(&t.t("section-questions"));
        if s.questions.is_empty() {
            p.line(&format!("  {}", t.t("questions-none")));
        }
        for q in &s.questions {
            p.line(&format!("  • {} ({})", q.text, t.date(q.date)));
        }
    }
    if !s.notes.is_empty() {
        p.heading(&t.t("section-notes"));
        for n in &s.notes {
            p.line(&format!("  {} ({}): {}", t.date(n.date), t.entry_kind(n.kind), n.text));
        }
    }
    p.line("");
    p.line(&t.t_args("de-source", &[("source", Arg::Str(s.table.source.clone()))]));
    p.line(&t.t("unknown-strength-note"));
    if s.molecules.iter().any(|m| m.no_value_doses > 0) {
        p.line(&t.t_args("no-value-note", &[("table", Arg::Str(table_name(s, t)))]));
    }
    if s.plan.as_ref().is_some_and(|plan| plan.steps.iter().any(|st| st.days_logged > 0)) {
        p.line(&t.t("plan-at-or-under-note"));
    }
    p.out
}

fn doses(p: &mut Page, s: &Summary, t: &Texts) {
    p.heading(&t.t("section-doses"));
    let (label, value) = current_dose(s, t);
    p.line(&format!("  {label}: {value}"));
    let pr = &s.totals.prescribed;
    let mean = t.t("per-day-over-period");
    let table = table_name(s, t);
    let no_de = || t.t_args("de-none", &[("table", Arg::Str(table.clone()))]);
    let pr_de = if pr.doses > 0 && !pr.has_de() {
        no_de()
    } else {
        format!("{} ({mean})", de_per_day(t, s.totals.prescribed_de_per_day))
    };
    let count = t.t_args("dose-count", &[("n", Arg::Int(i64::from(pr.doses)))]);
    p.line(&format!("  {}: {count}, {pr_de}", t.t("prescribed")));
    if pr.unknown_strength_doses() > 0 {
        let n = Arg::Int(i64::from(pr.unknown_strength_doses()));
        p.line(&format!("    {}", t.t_args("unknown-strength-count", &[("n", n)])));
    }
    if pr.no_value_doses > 0 {
        p.line(&format!("    {}", no_value_count(s, t, pr.no_value_doses)));
    }
    if let Some(np) = &s.totals.non_prescribed {
        let what = if np.doses == 0 {
            t.t("none-logged")
        } else {
            let mut line = t.t_args("dose-count", &[("n", Arg::Int(i64::from(np.doses)))]);
            if let (true, Some(per_day)) = (np.has_de(), s.totals.non_prescribed_de_per_day) {
                let _ = write!(line, ", {} ({mean})", de_per_day(t, per_day));
            }
            if np.unknown_strength_doses() > 0 {
                let n = Arg::Int(i64::from(np.unknown_strength_doses()));
                let _ = write!(line, " ({})", t.t_args("unknown-strength-count", &[("n", n)]));
            }
            if np.no_value_doses > 0 {
                let _ = write!(line, " ({})", no_value_count(s, t, np.no_value_doses));
            }
            line
        };
        p.line(&format!("  {}: {what}", t.t("non-prescribed")));
    }
    p.line(&format!("  {}: {}", t.t("days-without-dose"), days_of(t, s.days_without_dose, s.counted_days())));
    let trend = &s.dose_trend;
    let slope = match (trend.slope_low_mg_per_week, trend.slope_high_mg_per_week) {
        (Some(lo), Some(hi)) if (hi - lo).abs() < 0.05 => t.mg_change(lo),
        (Some(lo), Some(hi)) => format!("{} … {}", t.mg_change(lo), t.mg_change(hi)),
        _ => t.t("unknown"),
    };
    if pr.doses > 0 && !pr.has_de() {
        p.line(&format!("  {}: {}", t.t("trend-per-week"), no_de()));
    } else {
        p.line(&format!(
            "  {}: {} · {}: {} · {}: {}",
            t.t("first-half"),
            t.mg_range_of(trend.first_half),
            t.t("second-half"),
            t.mg_range_of(trend.second_half),
            t.t("trend-per-week"),
            t.t_args("trend-value", &[("amount", Arg::Str(slope))])
        ));
    }
    for m in &s.molecules {
        for (i, line) in molecule_lines(m, s, t).iter().enumerate() {
            p.line(&format!("{}{line}", if i == 0 { "  " } else { "    " }));
        }
    }
    p.line(&format!("  {}", t.t("weekly-means")));
    let de = pr.doses == 0 || pr.has_de();
    for w in &s.weeks {
        p.line(&week_line(w, t, if de { None } else { Some(&table) }));
    }
}

/// One week's means; `no_value` names the table when no prescribed dose had a DE value.
fn week_line(w: &WeekSummary, t: &Texts, no_value: Option<&str>) -> String {
    let de = match no_value {
        Some(table) => t.t_args("de-no-value", &[("table", Arg::Str(table.to_owned()))]),
        None => match w.de() {
            Some(de) => format!("{:>12} {}", t.mg_range(de.low, de.high), t.t("de-abbr")),
            None => t.t("week-day-not-over"),
        },
    };
    let mut line = format!("    {:<14} {de}", t.date(w.week_start));
    if let Some(h) = w.sleep_h {
        let _ = write!(line, " · {}", t.hours(h));
    }
    if let Some(a) = w.anxiety {
        let _ = write!(line, " · {}", t.t_args("out-of-10", &[("value", Arg::Num(a))]));
    }
    line
}

fn plan(p: &mut Page, s: &Summary, t: &Texts) {
    let Some(plan) = &s.plan else { return };
    let pace = plan.pace;
    p.heading(&t.t("section-taper-plan"));
    p.line(&format!(
        "  {} · {}: {} ({}) · {}: {}",
        t.molecule_named(plan.molecule),
        t.t("plan-start-dose"),
        t.mg(plan.start_mg),
        t.date(plan.start),
        t.t("plan-pace"),
        t.pace(pace)
    ));
    p.line(&format!(
        "  {}",
        t.t_args(
            "plan-schedule",
            &[
                ("percent", Arg::Str(t.percent(plan.percent))),
                ("days", Arg::Int(i64::from(plan.interval_days)))
            ],
        )
    ));
    if let Some(sw) = &plan.switch {
        let text = match lookup(sw.from) {
            Some(m) => t.plan_switch(m, sw.from_mg, sw.diazepam_mg, &sw.table.name, &sw.agreed_with),
            None => sw.agreed_with.clone(),
        };
        p.line(&format!("  {}: {text}", t.t("plan-switch-title")));
        p.line(&format!("    {}", t.t_args("de-source", &[("source", Arg::Str(sw.table.source.clone()))])));
        if let Some(m) = lookup(sw.from) {
            let check =
                t.plan_switch_check(sw.check, plan.start_mg, m, sw.from_mg, sw.diazepam_mg, &sw.table.name);
            p.line(&format!("    {check}"));
        }
    }
    if let Some(tail) = plan.tail {
        p.line(&format!("  {}", t.plan_tail(tail)));
    }
    p.line(&format!(
        "  {:<5} {:<12} {:>9} {:>8}  {}",
        t.t("plan-step"),
        t.t("plan-date"),
        t.t("plan-planned"),
        t.t("plan-cut"),
        t.t("plan-at-or-under")
    ));
    for step in &plan.steps {
        let cut = if step.index == 0 { "–".to_owned() } else { t.percent(step.cut_percent) };
        let followed = if step.days_in_period == 0 {
            t.step_status(step.status)
        } else {
            t.t_args(
                "days-n-of-total",
                &[
                    ("n", Arg::Int(i64::from(step.days_at_or_under))),
                    ("total", Arg::Int(i64::from(step.days_logged))),
                ],
            )
        };
        let extended = if step.extended { "*" } else { " " };
        let form = t.plan_step_form(step.form, step.liquid_ml).map(|f| format!(" ({f})")).unwrap_or_default();
        p.line(&format!(
            "  {:<5} {:<12} {:>9} {:>8}{extended} {followed}{form}",
            step.index,
            t.date(step.date),
            t.mg(step.dose_mg),
            cut
        ));
        if let (Some(rate), Some(limit)) = (step.pace_per_14_days_percent, step.pace_limit_percent) {
            let to_zero = (step.dose_mg == 0.0).then_some(step.interval_days);
            p.line(&format!("        ⚑ {}", t.pace_reason(rate, step.cut_percent, limit, pace, to_zero)));
        }
        if let Some((_, n)) = plan.steps_omitted.filter(|(after, _)| *after == step.index) {
            p.line(&format!("  {}", t.plan_steps_omitted(n)));
        }
    }
    if plan.steps.iter().any(|s| s.extended) {
        p.line(&format!("  * {}", t.t("plan-extended-interval")));
    }
    for h in &plan.holds {
        let when = hold_when(h, t);
        let reason =
            h.reason.as_deref().filter(|r| !r.is_empty()).map(|r| format!(" — {r}")).unwrap_or_default();
        p.line(&format!("  {when}{reason}"));
    }
    if !plan.holds.is_empty() {
        p.line(&format!("  {}", t.t("plan-hold-note")));
    }
    match (plan.ended_on, plan.end_date) {
        (Some(end), _) => {
            p.line(&format!("  {}", t.t_args("plan-ended-on", &[("date", Arg::Str(t.date(end)))])))
        }
        (None, Some(end)) => p.line(&format!(
            "  {}: {} ({}) · {}",
            t.t("plan-end-date"),
            t.date(end),
            t.t("plan-end-date-moves"),
            t.plan_length(plan.start, end)
        )),
        (None, None) => p.line(&format!("  {}: {}", t.t("plan-end-date"), t.t("plan-end-open"))),
    }
    if let Some(fin) = &plan.final_dose {
        p.line(&format!("  {}", t.plan_final_dose(fin)));
    }
    if plan.flagged_steps > 0 {
        p.line(&format!("  {}", t.t("plan-pace-informative")));
    }
}

fn sleep_and_anxiety(p: &mut Page, s: &Summary, t: &Texts) {
    if let Some(sleep) = &s.sleep {
        p.heading(&format!(
            "{} ({})",
            t.t("section-sleep"),
            t.t_args("sleep-nights", &[("n", Arg::Int(i64::from(sleep.nights)))])
        ));
        p.line(&format!(
            "  {}: {} · {}: {} · {}: {} · {}: {}",
            t.t("mean-sleep"),
            opt(t, sleep.mean_total_sleep_h, |h| t.hours(h)),
            t.t("sleep-efficiency"),
            opt(t, sleep.mean_efficiency_percent, |e| t.percent(e)),
            t.t("sleep-quality"),
            opt(t, sleep.mean_quality, |q| t.t_args("sleep-quality-value", &[("value", Arg::Num(q))])),
            t.t("awakenings"),
            opt(t, sleep.mean_awakenings, |a| t.number(a, 1)),
        ));
        p.line(&format!(
            "  {}: {} · {}: {}",
            t.t("first-half"),
            opt(t, sleep.first_half_h, |h| t.hours(h)),
            t.t("second-half"),
            opt(t, sleep.second_half_h, |h| t.hours(h))
        ));
    }
    if let Some(anxiety) = &s.anxiety {
        p.heading(&format!(
            "{} ({})",
            t.t("section-anxiety"),
            t.t_args("anxiety-ratings", &[("n", Arg::Int(i64::from(anxiety.ratings)))])
        ));
        let ten = |v: f64| t.t_args("out-of-10", &[("value", Arg::Num(v))]);
        p.line(&format!(
            "  {}: {} · {}: {} · {}: {}",
            t.t("anxiety-mean"),
            opt(t, anxiety.mean, ten),
            t.t("first-half"),
            opt(t, anxiety.first_half, ten),
            t.t("second-half"),
            opt(t, anxiety.second_half, ten)
        ));
        for g in &s.gad7 {
            p.line(&format!(
                "  {} {}: {} ({})",
                t.t("section-gad7"),
                t.date(g.date),
                g.total,
                t.gad7_band(g.band)
            ));
        }
    }
}

fn goals(p: &mut Page, s: &Summary, t: &Texts) {
    if s.hidden.contains(&Hideable::Goals) {
        return;
    }
    p.heading(&t.t("section-goals"));
    if s.goals.is_empty() {
        p.line(&format!("  {}", t.t("goal-none")));
    }
    for g in &s.goals {
        p.line(&format!("  “{}”", g.what_matters));
        p.line(&format!(
            "    {}: {} · {}: {}",
            t.t("goal-kind"),
            t.goal_kind(&g.kind),
            t.t("goal-status"),
            t.goal_status(g.status)
        ));
        for r in &g.reviews {
            let decision =
                ReviewDecision::parse(r.decision).map(|d| t.review_decision(d)).unwrap_or_default();
            let note = r.note.as_deref().map(|n| format!(" — {n}")).unwrap_or_default();
            p.line(&format!(
                "    {} {}: {} · {}: {decision}{note}",
                t.t("review"),
                t.date(r.date),
                t.gas(r.gas),
                t.t("review-decision")
            ));
        }
        let pr = &g.progress;
        let mut measured = format!(
            "    {}: {} {}",
            t.t("progress-measured"),
            t.t("progress-days-with-dose"),
            t.t_args(
                "days-n-of-total",
                &[("n", Arg::Int(i64::from(pr.days_with_dose))), ("total", Arg::Int(i64::from(pr.days)))]
            )
        );
        if let Some(n) = pr.days_at_or_under_target {
            let _ = write!(measured, " · {} {n}", t.t("progress-days-at-or-under-target"));
        }
        if let Some(mg) = pr.mean_daily_mg {
            let _ = write!(measured, " · {} {}", t.t("progress-mean-daily-dose"), t.mg(mg));
        }
        if let Some(n) = pr.days_with_nonprescribed {
            let _ = write!(measured, " · {} {n}", t.t("progress-days-non-prescribed"));
        }
        p.line(&measured);
        if let (Some(next), true) =
            (g.review_on, matches!(g.status, GoalStatus::Active | GoalStatus::OnHold | GoalStatus::Proposed))
        {
            p.line(&format!("    {}", t.t_args("review-next", &[("date", Arg::Str(t.date(next)))])));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::round1;

    #[test]
    fn one_decimal_without_trailing_zero() {
        assert_eq!(round1(10.0), "10");
        assert_eq!(round1(2.25), "2.3");
    }

    #[test]
    fn wrap_keeps_lines_within_width_and_keeps_the_indent() {
        let long = format!("    {}", "word ".repeat(50));
        let wrapped = wrap(&long, 30, "  ");
        assert!(wrapped.starts_with("    word"));
        for line in wrapped.lines() {
            assert!(line.chars().count() <= 30, "{line}");
        }
    }
}
