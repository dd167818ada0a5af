//! Plain-text rendering of a summary: fits 80 columns, for a message or a printout.

use std::fmt::Write;

use super::{mean, DaySummary, Summary};

/// Formats a range of mg, collapsing equal ends: "10", "10–20".
pub fn mg_range(low: f64, high: f64) -> String {
    if (high - low).abs() < 0.05 {
        round1(low)
    } else {
        format!("{}–{}", round1(low), round1(high))
    }
}

/// One decimal, without a trailing ".0".
pub fn round1(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

fn opt(v: Option<f64>, unit: &str) -> String {
    v.map_or_else(|| "–".to_owned(), |v| format!("{}{unit}", round1(v)))
}

/// Renders the summary as text lines of at most 80 columns.
pub fn render(s: &Summary) -> String {
    let mut out = String::new();
    let n_days = s.days.len();
    let _ = writeln!(out, "STEADY SUMMARY  {} to {} ({n_days} days)", s.from, s.to);
    let _ = writeln!(out, "Diazepam equivalents (DE) per {}.", s.table.name);
    let _ = writeln!(out, "{}", "=".repeat(78));

    let _ = writeln!(out, "\nDOSES");
    let p = &s.totals.prescribed;
    let np = &s.totals.non_prescribed;
    if n_days > 0 {
        let d = n_days as f64;
        let _ = writeln!(
            out,
            "  Prescribed: {} doses, mean {} mg DE/day",
            p.doses,
            mg_range(p.low_mg / d, p.high_mg / d)
        );
    }
    if let Some(np) = np.filter(|n| n.doses > 0) {
        let _ = writeln!(
            out,
            "  Non-prescribed: {} doses, {} mg DE in total ({} of unknown strength)",
            np.doses,
            mg_range(np.low_mg, np.high_mg),
            np.unknown_doses
        );
    } else if np.is_some() {
        let _ = writeln!(out, "  Non-prescribed: none logged");
    }
    let _ = writeln!(out, "  Days without any dose: {}", s.days_without_dose);
    for m in &s.molecules {
        let _ = writeln!(
            out,
            "  {:<22} {:>3} doses, {} mg{}",
            m.name,
            m.doses,
            round1(m.total_mg),
            if m.unknown_strength_doses > 0 {
                format!(" (+{} unknown strength)", m.unknown_strength_doses)
            } else {
                String::new()
            }
        );
    }

    let _ = writeln!(out, "\n  Week from    Prescribed DE/day   Non-prescr. DE   Unknown");
    for week in s.days.chunks(7) {
        let _ = writeln!(out, "{}", week_line(week));
    }

    if let Some(sleep) = &s.sleep {
        let _ = writeln!(out, "\nSLEEP ({} nights)", sleep.nights);
        let _ = writeln!(
            out,
            "  Mean sleep {}, efficiency {}, quality {}/5, awakenings {}",
            opt(sleep.mean_total_sleep_h, " h"),
            opt(sleep.mean_efficiency_percent, " %"),
            opt(sleep.mean_quality, ""),
            opt(sleep.mean_awakenings, "")
        );
    }
    if let Some(anxiety) = &s.anxiety {
        let _ = writeln!(out, "\nANXIETY ({} ratings)", anxiety.ratings);
        let _ = writeln!(out, "  Mean {}/10", opt(anxiety.mean, ""));
    }
    for g in &s.gad7 {
        let _ = writeln!(out, "  GAD-7 {}: {} ({})", g.date, g.total, g.band.label());
    }

    let _ = writeln!(out, "\nGOALS");
    if s.goals.is_empty() {
        let _ = writeln!(out, "  none set");
    }
    for g in &s.goals {
        let _ = writeln!(out, "{}", wrap(&format!("  \"{}\"", g.what_matters), 78, "   "));
        let _ = writeln!(out, "{}", wrap(&format!("   Goal: {} ({:?})", g.description, g.status), 78, "   "));
        for r in &g.reviews {
            let line = format!(
                "   Review {}: GAS {:+} ({}), decision: {}{}",
                r.date,
                r.gas,
                r.gas_label,
                r.decision,
                r.note.as_deref().map(|n| format!(" — {n}")).unwrap_or_default()
            );
            let _ = writeln!(out, "{}", wrap(&line, 78, "     "));
        }
        if let Some(next) = g.review_on {
            let _ = writeln!(out, "   Next review: {next}");
        }
    }
    let _ = writeln!(out, "\nSource of DE values: {}", s.table.name);
    let _ = writeln!(out, "{}", wrap(&format!("  {}", s.table.source), 78, "  "));
    out
}

fn week_line(week: &[DaySummary]) -> String {
    let lows: Vec<f64> = week.iter().map(|d| d.de_low_mg).collect();
    let highs: Vec<f64> = week.iter().map(|d| d.de_high_mg).collect();
    let np_low: f64 = week.iter().filter_map(|d| d.nonprescribed_de_low_mg).sum();
    let np_high: f64 = week.iter().filter_map(|d| d.nonprescribed_de_high_mg).sum();
    let unknown: u32 = week.iter().map(|d| d.unknown_doses).sum();
    format!(
        "  {}   {:>15}   {:>14}   {:>7}",
        week[0].date,
        mg_range(mean(&lows).unwrap_or(0.0), mean(&highs).unwrap_or(0.0)),
        mg_range(np_low, np_high),
        unknown
    )
}

/// Greedy word wrap to `width` columns, continuing lines with `indent`.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut lines = vec![String::new()];
    for word in text.split(' ') {
        let last = lines.last_mut().expect("never empty");
        let len = last.chars().count();
        if len > 0 && len + 1 + word.chars().count() > width && last.trim() != "" {
            lines.push(format!("{indent}{word}"));
        } else {
            if len > 0 {
                last.push(' ');
            }
            last.push_str(word);
        }
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_and_rounding_read_naturally() {
        assert_eq!(mg_range(10.0, 10.0), "10");
        assert_eq!(mg_range(10.0, 20.0), "10–20");
        assert_eq!(round1(2.25), "2.3");
    }

    #[test]
    fn wrap_keeps_lines_within_width() {
        let long = "word ".repeat(50);
        for line in wrap(&long, 30, "  ").lines() {
            assert!(line.chars().count() <= 30, "{line}");
        }
    }
}
