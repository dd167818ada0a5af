//! The two charts: daily diazepam equivalents (the range band of what was taken as prescribed, the
//! taper plan's planned dose as dashed lines, non-prescribed use and unknown strengths as markers,
//! holds hatched) and sleep and anxiety by week. Grey levels, dashes, hatching and marker shapes
//! carry every distinction, so a black-and-white printout reads the same.

use chrono::NaiveDate;

use super::fonts::{Fonts, Weight};
use super::layout::{grey, paragraph, Block, Pen};
use super::tags::Role;
use super::words::{day_month, hidden_line};
use crate::domain::Hideable;
use crate::i18n::{Arg, Texts};
use crate::summary::Summary;

const AXIS_SIZE: f32 = 6.8;
const TITLE_SIZE: f32 = 9.5;
const LEGEND_SIZE: f32 = 7.2;

/// A "nice" axis: the top value and the step between gridlines, about `ticks` of them.
pub fn nice_scale(max: f64, ticks: usize) -> (f64, f64) {
    // Below a microgram nothing is worth a scale of its own (and a subnormal maximum made the step
    // 0 and the top NaN); such a chart gets the empty chart's 0–1 axis.
    let max = if max.is_finite() && max >= 1e-6 { max } else { 1.0 };
    let raw = max / ticks.max(1) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * magnitude).find(|s| *s >= raw * 0.999);
    let step = step.unwrap_or(10.0 * magnitude);
    ((max / step).ceil() * step, step)
}

/// The plotting rectangle and the scale of its y axis.
struct Plot {
    left: f32,
    top: f32,
    width: f32,
    height: f32,
    y_max: f64,
}

impl Plot {
    fn y(&self, v: f64) -> f32 {
        let v = v.clamp(0.0, self.y_max);
        self.top + self.height - (v / self.y_max) as f32 * self.height
    }

    fn bottom(&self) -> f32 {
        self.top + self.height
    }

    fn right(&self) -> f32 {
        self.left + self.width
    }

    /// Gridlines with their labels on the left, and the axes.
    fn grid(&self, b: &mut Block, fonts: &Fonts, texts: &Texts, step: f64) {
        // Whole steps from 0 to the top (nice_scale makes the top a multiple of the step), counted
        // rather than accumulated: with a tiny top the old `v <= top + 1e-9` loop ran ~10^290 times.
        let steps =
            if step > 0.0 && self.y_max.is_finite() { (self.y_max / step).round().min(50.0) } else { 0.0 };
        for i in 0..=steps as u32 {
            let v = f64::from(i) * step;
            let y = self.y(v);
            if v > 0.0 {
                b.line(self.left, y, self.right(), y, Pen::solid(grey::GRID, 0.5));
            }
            let label = texts.number(v, 1);
            b.text_right(fonts, self.left - 3.0, y + 2.3, AXIS_SIZE, Weight::Regular, grey::MUTED, &label);
        }
        b.line(self.left, self.bottom(), self.right(), self.bottom(), Pen::solid(grey::INK, 0.7));
        b.line(self.left, self.top, self.left, self.bottom(), Pen::solid(grey::RULE, 0.5));
    }

    /// Date labels under the x axis at `ticks` (x position, date), skipping any that would overlap.
    fn date_labels(&self, b: &mut Block, fonts: &Fonts, texts: &Texts, ticks: &[(f32, NaiveDate)]) {
        let mut last_right = f32::MIN;
        for (x, date) in ticks {
            let label = day_month(texts, *date);
            let w = fonts.width(&label, Weight::Regular, AXIS_SIZE);
            let left = (x - w / 2.0).max(self.left - 6.0);
            if left < last_right + 4.0 || left + w > self.right() + 12.0 {
                continue;
            }
            b.line(*x, self.bottom(), *x, self.bottom() + 2.5, Pen::solid(grey::INK, 0.5));
            b.text(left, self.bottom() + 10.0, AXIS_SIZE, Weight::Regular, grey::MUTED, &label);
            last_right = left + w;
        }
    }
}

/// One entry of a legend: its swatch drawn in a 14 × 8 box at the origin, and its label.
struct LegendItem {
    swatch: Block,
    label: String,
}

/// Lays legend items out in rows no wider than `width`; returns the block.
fn legend(fonts: &Fonts, items: Vec<LegendItem>, width: f32) -> Block {
    let mut b = Block::default();
    let (mut x, mut y) = (0.0, 0.0);
    for item in items {
        let w = 18.0 + fonts.width(&item.label, Weight::Regular, LEGEND_SIZE);
        if x > 0.0 && x + w > width {
            x = 0.0;
            y += 11.0;
        }
        b.append(item.swatch, x, y);
        b.text(x + 18.0, y + 7.0, LEGEND_SIZE, Weight::Regular, grey::INK, &item.label);
        x += w + 14.0;
    }
    b.h = y + 10.0;
    b
}

fn triangle(b: &mut Block, x: f32, y: f32, r: f32) {
    b.polygon(
        vec![(x, y - r), (x + r * 0.95, y + r * 0.7), (x - r * 0.95, y + r * 0.7)],
        Some(grey::INK),
        None,
    );
}

fn circle(b: &mut Block, x: f32, y: f32, r: f32) {
    let points = (0..16)
        .map(|i| {
            let a = i as f32 / 16.0 * std::f32::consts::TAU;
            (x + r * a.cos(), y + r * a.sin())
        })
        .collect();
    b.polygon(points, Some(grey::WHITE), Some(Pen::solid(grey::INK, 0.7)));
}

fn square(b: &mut Block, x: f32, y: f32, r: f32) {
    b.rect(x - r, y - r, 2.0 * r, 2.0 * r, Some(grey::WHITE), Some(Pen::solid(grey::INK, 0.8)));
}

fn planned_pen() -> Pen {
    Pen::dashed(grey::INK, 1.2, &[4.0, 2.2])
}

fn band_edge_pen() -> Pen {
    Pen::solid(grey::MUTED, 0.6)
}

/// A step line through per-day values, broken where a day has none.
fn step_lines(values: &[Option<f64>], x0: f32, dw: f32, plot: &Plot) -> Vec<Vec<(f32, f32)>> {
    let ys: Vec<Option<f32>> = values.iter().map(|v| v.map(|v| plot.y(v))).collect();
    step_path(&ys, x0, dw)
}

/// A step line through per-day y positions, broken where a day has none.
fn step_path(ys: &[Option<f32>], x0: f32, dw: f32) -> Vec<Vec<(f32, f32)>> {
    let mut lines = vec![];
    let mut current: Vec<(f32, f32)> = vec![];
    for (i, y) in ys.iter().enumerate() {
        match y {
            Some(y) => {
                let (a, b) = (x0 + i as f32 * dw, x0 + (i + 1) as f32 * dw);
                match current.last() {
                    Some(&(_, last_y)) if (last_y - y).abs() <= 1e-3 => {}
                    _ => current.push((a, *y)),
                }
                current.push((b, *y));
            }
            None => {
                if current.len() >= 2 {
                    lines.push(std::mem::take(&mut current));
                }
                current.clear();
            }
        }
    }
    if current.len() >= 2 {
        lines.push(current);
    }
    lines
}

/// The chart of daily diazepam equivalents, `width` wide.
pub fn de_chart(fonts: &Fonts, texts: &Texts, s: &Summary, width: f32) -> Block {
    let mut b = Block::default();
    // The chart is one figure; the small print under it stays text of its own.
    b.open(Role::Figure(de_alt(texts, s)));
    b.text(0.0, 9.0, TITLE_SIZE, Weight::Bold, grey::INK, &texts.t("chart-daily-de"));
    let plot_top = 17.0;
    let n = s.days.len().max(1);
    let stacked = |d: &crate::summary::DaySummary| d.de_high_mg + d.nonprescribed_de_high_mg.unwrap_or(0.0);
    let data_max =
        s.days.iter().map(|d| stacked(d).max(d.planned_de_high_mg.unwrap_or(0.0))).fold(0.0f64, f64::max);
    let (y_max, step) = nice_scale(data_max * 1.08, 6);
    let y_label_w = fonts.width(&texts.number(y_max, 1), Weight::Regular, AXIS_SIZE) + 6.0;
    let plot = Plot { left: y_label_w.max(18.0), top: plot_top, width: 0.0, height: 128.0, y_max };
    let plot = Plot { width: width - plot.left - 2.0, ..plot };
    let dw = plot.width / n as f32;
    let x_of = |date: NaiveDate| plot.left + (date - s.from).num_days() as f32 * dw;

    // Holds first, as a hatched background with their name.
    let mut any_hold = false;
    if let Some(plan) = &s.plan {
        for hold in &plan.holds {
            let end = hold.until.unwrap_or(s.to.succ_opt().unwrap_or(s.to));
            let (from, until) = (hold.from.max(s.from), end.min(s.to.succ_opt().unwrap_or(s.to)));
            if until <= from {
                continue;
            }
            any_hold = true;
            let (x1, x2) = (x_of(from), x_of(until));
            b.rect(x1, plot.top, x2 - x1, plot.height, Some(grey::WHITE), None);
            b.hatch(x1, plot.top, x2 - x1, plot.height, 4.5, &Pen::solid(grey::HATCH, 0.45));
            b.line(x1, plot.top, x1, plot.bottom(), Pen::dashed(grey::RULE, 0.5, &[1.5, 1.5]));
            b.line(x2, plot.top, x2, plot.bottom(), Pen::dashed(grey::RULE, 0.5, &[1.5, 1.5]));
            let label = texts.t("plan-hold");
            let lw = fonts.width(&label, Weight::Bold, AXIS_SIZE) + 4.0;
            if lw <= x2 - x1 {
                b.rect(x1 + 1.0, plot.top + 1.0, lw, 9.0, Some(grey::WHITE), None);
                b.text(x1 + 3.0, plot.top + 8.0, AXIS_SIZE, Weight::Bold, grey::INK, &label);
            }
        }
    }
    plot.grid(&mut b, fonts, texts, step);

    // The band: prescribed DE low to high, day by day. A single value (diazepam, or a table that
    // gives one) still shows as a thin band, never as a hairline that could pass for a gridline.
    if !s.days.is_empty() {
        let min_h = 2.4;
        let edges: Vec<(f32, f32)> = s
            .days
            .iter()
            .map(|d| {
                let (top, bottom) = (plot.y(d.de_high_mg), plot.y(d.de_low_mg));
                if d.de_high_mg > 0.0 && bottom - top < min_h {
                    let mid = ((top + bottom) / 2.0).min(plot.bottom() - min_h / 2.0);
                    (mid - min_h / 2.0, mid + min_h / 2.0)
                } else {
                    (top, bottom)
                }
            })
            .collect();
        let upper = step_path(&edges.iter().map(|e| Some(e.0)).collect::<Vec<_>>(), plot.left, dw).concat();
        let lower = step_path(&edges.iter().map(|e| Some(e.1)).collect::<Vec<_>>(), plot.left, dw).concat();
        let mut polygon = upper.clone();
        polygon.extend(lower.iter().rev().copied());
        b.polygon(polygon, Some(grey::BAND), None);
        b.polyline(upper, band_edge_pen());
        b.polyline(lower, band_edge_pen());
    }

    // The plan: dashed lines at its planned dose, low and high end.
    let planned_low: Vec<Option<f64>> = s.days.iter().map(|d| d.planned_de_low_mg).collect();
    let planned_high: Vec<Option<f64>> = s.days.iter().map(|d| d.planned_de_high_mg).collect();
    let any_planned = planned_low.iter().any(Option::is_some);
    for line in step_lines(&planned_low, plot.left, dw, &plot).into_iter().chain(step_lines(
        &planned_high,
        plot.left,
        dw,
        &plot,
    )) {
        b.polyline(line, planned_pen());
    }

    // Markers: non-prescribed use stacked on top (triangle), doses of unknown strength (circle).
    let (mut any_np, mut any_unknown) = (false, false);
    for (i, d) in s.days.iter().enumerate() {
        let x = plot.left + (i as f32 + 0.5) * dw;
        let mut top = plot.y(d.de_high_mg);
        if d.nonprescribed_doses.unwrap_or(0) > 0 {
            any_np = true;
            let y = plot.y(stacked(d));
            if y < top - 0.5 {
                b.line(x, top, x, y, Pen::solid(grey::INK, 0.9));
            }
            let r = (dw * 0.45).clamp(1.8, 3.2);
            triangle(&mut b, x, y - r * 0.7, r);
            top = y - 2.0 * r;
        }
        if d.unknown_doses > d.no_value_doses {
            any_unknown = true;
            let r = (dw * 0.4).clamp(1.6, 2.6);
            circle(&mut b, x, (top - r - 1.0).max(plot.top + r), r);
        }
    }

    // Date labels at week starts (every few weeks on long periods).
    let per_week = 7.0 * dw;
    let every = ((34.0 / per_week).ceil() as usize).max(1);
    let ticks: Vec<(f32, NaiveDate)> = s
        .days
        .iter()
        .enumerate()
        .filter(|(i, _)| i % (7 * every) == 0)
        .map(|(i, d)| (plot.left + i as f32 * dw, d.date))
        .collect();
    plot.date_labels(&mut b, fonts, texts, &ticks);

    // Legend.
    let mut items = vec![];
    let mut band = Block::default();
    band.rect(0.0, 1.0, 14.0, 6.0, Some(grey::BAND), None);
    band.line(0.0, 1.0, 14.0, 1.0, band_edge_pen());
    band.line(0.0, 7.0, 14.0, 7.0, band_edge_pen());
    items.push(LegendItem { swatch: band, label: texts.t("chart-legend-taken") });
    if any_planned {
        let mut planned = Block::default();
        planned.line(0.0, 4.0, 14.0, 4.0, planned_pen());
        items.push(LegendItem { swatch: planned, label: texts.t("chart-legend-planned") });
    }
    if any_np {
        let mut np = Block::default();
        triangle(&mut np, 7.0, 4.5, 3.2);
        items.push(LegendItem { swatch: np, label: texts.t("chart-non-prescribed") });
    }
    if any_unknown {
        let mut unknown = Block::default();
        circle(&mut unknown, 7.0, 4.0, 2.6);
        items.push(LegendItem { swatch: unknown, label: texts.t("chart-legend-unknown") });
    }
    if any_hold {
        let mut hold = Block::default();
        hold.rect(0.0, 0.0, 14.0, 8.0, None, Some(Pen::solid(grey::RULE, 0.5)));
        hold.hatch(0.0, 0.0, 14.0, 8.0, 3.0, &Pen::solid(grey::HATCH, 0.45));
        items.push(LegendItem { swatch: hold, label: texts.t("plan-hold") });
    }
    let legend = legend(fonts, items, width - plot.left);
    let legend_top = plot.bottom() + 16.0;
    let legend_h = legend.h;
    b.append(legend, plot.left, legend_top);
    let mut y = legend_top + legend_h + 2.0;
    b.close();
    // What a range and an unknown strength mean, in small print.
    let mut notes = vec![];
    if s.days.iter().any(|d| (d.de_high_mg - d.de_low_mg).abs() > 1e-9) {
        notes.push(texts.t("de-range-note"));
    }
    if any_unknown {
        notes.push(texts.t("unknown-strength-note"));
    }
    if s.molecules.iter().any(|m| m.no_value_doses > 0) {
        let table = crate::summary::phrases::table_name(s, texts);
        notes.push(texts.t_args("no-value-note", &[("table", Arg::Str(table))]));
    }
    if !notes.is_empty() {
        let p = paragraph(fonts, &notes.join(" "), Weight::Regular, 6.8, grey::MUTED, width - plot.left, 8.4);
        let h = p.h;
        b.append(p, plot.left, y);
        y += h;
    }
    b.h = y + 4.0;
    b
}

/// Values and week starts of one weekly series.
fn weekly(
    s: &Summary,
    value: impl Fn(&crate::summary::WeekSummary) -> Option<f64>,
) -> Vec<(NaiveDate, Option<f64>)> {
    s.weeks.iter().map(|w| (w.week_start, value(w))).collect()
}

/// One panel of the weekly chart: bars (sleep) or a line with square markers (anxiety).
#[allow(clippy::too_many_arguments)]
fn weekly_panel(
    fonts: &Fonts,
    texts: &Texts,
    title: &str,
    series: &[(NaiveDate, Option<f64>)],
    y_max: f64,
    step: f64,
    bars: bool,
    hidden: Option<Hideable>,
    width: f32,
) -> Block {
    let mut b = Block::default();
    b.text(0.0, 8.0, 8.0, Weight::Bold, grey::INK, title);
    let plot = Plot { left: 18.0, top: 15.0, width: width - 20.0, height: 78.0, y_max };
    let centre_y = plot.top + plot.height / 2.0;
    if let Some(h) = hidden {
        b.rect(
            plot.left,
            plot.top,
            plot.width,
            plot.height,
            Some(grey::SHADE),
            Some(Pen::dashed(grey::RULE, 0.6, &[3.0, 2.0])),
        );
        let line = hidden_line(texts, &[h], 0);
        b.text_centred(fonts, plot.left + plot.width / 2.0, centre_y, 7.5, Weight::Regular, grey::INK, &line);
        b.h = plot.bottom() + 14.0;
        return b;
    }
    plot.grid(&mut b, fonts, texts, step);
    let n = series.len().max(1);
    let slot = plot.width / n as f32;
    let show_values = n <= 14;
    let decimals = 1;
    let mut points: Vec<(f32, f32)> = vec![];
    let mut segments: Vec<Vec<(f32, f32)>> = vec![];
    for (i, (_, v)) in series.iter().enumerate() {
        let cx = plot.left + (i as f32 + 0.5) * slot;
        let Some(v) = v else {
            if points.len() >= 2 {
                segments.push(std::mem::take(&mut points));
            }
            points.clear();
            continue;
        };
        let y = plot.y(*v);
        if bars {
            let bw = (slot * 0.62).min(22.0);
            b.rect(
                cx - bw / 2.0,
                y,
                bw,
                plot.bottom() - y,
                Some(grey::BAR),
                Some(Pen::solid(grey::INK, 0.5)),
            );
        } else {
            points.push((cx, y));
        }
        if show_values {
            let label = texts.number(*v, decimals);
            let above = if bars { y - 2.5 } else { y - 4.5 };
            b.text_centred(fonts, cx, above, 6.0, Weight::Regular, grey::MUTED, &label);
        }
    }
    if points.len() >= 2 {
        segments.push(points.clone());
    }
    if !bars {
        for seg in segments {
            b.polyline(seg, Pen::solid(grey::INK, 1.2));
        }
        // Markers while they stay apart; a long period is read from the line alone.
        if slot >= 7.0 {
            for (i, (_, v)) in series.iter().enumerate() {
                if let Some(v) = v {
                    square(&mut b, plot.left + (i as f32 + 0.5) * slot, plot.y(*v), 2.2);
                }
            }
        }
    }
    if series.iter().all(|(_, v)| v.is_none()) {
        b.text_centred(
            fonts,
            plot.left + plot.width / 2.0,
            centre_y,
            7.5,
            Weight::Regular,
            grey::MUTED,
            &texts.t("chart-no-data"),
        );
    }
    let every = ((30.0 / slot).ceil() as usize).max(1);
    let ticks: Vec<(f32, NaiveDate)> = series
        .iter()
        .enumerate()
        .filter(|(i, _)| i % every == 0)
        .map(|(i, (d, _))| (plot.left + (i as f32 + 0.5) * slot, *d))
        .collect();
    plot.date_labels(&mut b, fonts, texts, &ticks);
    b.h = plot.bottom() + 14.0;
    b
}

/// The chart of sleep (mean hours per night, bars) and anxiety (mean 0–10 rating, line) by week.
pub fn sleep_anxiety_chart(fonts: &Fonts, texts: &Texts, s: &Summary, width: f32) -> Block {
    let mut b = Block::default();
    b.text(0.0, 9.0, TITLE_SIZE, Weight::Bold, grey::INK, &texts.t("chart-sleep-anxiety"));
    let gap = 26.0;
    let panel_w = (width - gap) / 2.0;
    let sleep = weekly(s, |w| w.sleep_h);
    let max_sleep = sleep.iter().filter_map(|(_, v)| *v).fold(7.9f64, f64::max);
    let (sleep_max, sleep_step) = ((max_sleep / 2.0).ceil() * 2.0 + 2.0, 2.0);
    let left = weekly_panel(
        fonts,
        texts,
        &texts.t("chart-sleep-hours"),
        &sleep,
        sleep_max,
        sleep_step,
        true,
        s.sleep.is_none().then_some(Hideable::Sleep),
        panel_w,
    );
    let anxiety = weekly(s, |w| w.anxiety);
    let right = weekly_panel(
        fonts,
        texts,
        &texts.t("chart-anxiety"),
        &anxiety,
        10.0,
        2.0,
        false,
        s.anxiety.is_none().then_some(Hideable::Anxiety),
        panel_w,
    );
    let h = left.h.max(right.h);
    b.append(left, 0.0, 16.0);
    b.append(right, panel_w + gap, 16.0);
    b.h = 16.0 + h;
    b.tagged(Role::Figure(sleep_anxiety_alt(texts, s)))
}

/// What the dose chart shows, in words (its `/Alt`): the period, the mean prescribed DE of the
/// first and last week, the planned dose at both ends, the days with non-prescribed use.
pub fn de_alt(t: &Texts, s: &Summary) -> String {
    let range = |w: Option<&crate::summary::WeekSummary>| match w.map(|w| (w, w.de())) {
        None => t.t("not-logged"),
        Some((_, None)) => t.t("week-day-not-over"),
        Some((_, Some(de))) => t.mg_range(de.low, de.high),
    };
    let mut alt = t.t_args(
        "chart-de-alt",
        &[
            ("title", Arg::Str(t.t("chart-daily-de"))),
            ("days", Arg::Int(s.days.len() as i64)),
            ("range", Arg::Str(t.date_range(s.from, s.to))),
            ("first", Arg::Str(range(s.weeks.first()))),
            ("last", Arg::Str(range(s.weeks.last()))),
        ],
    );
    let planned: Vec<String> =
        s.days.iter().filter_map(|d| Some(t.mg_range(d.planned_de_low_mg?, d.planned_de_high_mg?))).collect();
    if let (Some(first), Some(last)) = (planned.first(), planned.last()) {
        let text = t.t_args(
            "chart-de-alt-planned",
            &[("first", Arg::Str(first.clone())), ("last", Arg::Str(last.clone()))],
        );
        alt = format!("{alt} {text}");
    }
    let np_days = s.days.iter().filter(|d| d.nonprescribed_doses.unwrap_or(0) > 0).count();
    if np_days > 0 {
        let text = t.t_args("chart-de-alt-non-prescribed", &[("n", Arg::Int(np_days as i64))]);
        alt = format!("{alt} {text}");
    }
    alt
}

/// What the sleep and anxiety chart shows, in words (its `/Alt`).
pub fn sleep_anxiety_alt(t: &Texts, s: &Summary) -> String {
    let from_to = |hidden: bool, values: Vec<f64>, show: &dyn Fn(f64) -> String| {
        if hidden {
            return t.t("section-left-out");
        }
        match (values.first(), values.last()) {
            (Some(&a), Some(&b)) => {
                t.t_args("chart-alt-from-to", &[("first", Arg::Str(show(a))), ("last", Arg::Str(show(b)))])
            }
            _ => t.t("not-logged"),
        }
    };
    let sleep: Vec<f64> = s.weeks.iter().filter_map(|w| w.sleep_h).collect();
    let anxiety: Vec<f64> = s.weeks.iter().filter_map(|w| w.anxiety).collect();
    let ten = |v: f64| t.t_args("out-of-10", &[("value", Arg::Num(v))]);
    t.t_args(
        "chart-sleep-anxiety-alt",
        &[
            ("title", Arg::Str(t.t("chart-sleep-anxiety"))),
            ("weeks", Arg::Int(s.weeks.len() as i64)),
            ("sleep", Arg::Str(from_to(s.sleep.is_none(), sleep, &|h| t.hours(h)))),
            ("anxiety", Arg::Str(from_to(s.anxiety.is_none(), anxiety, &ten))),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_scales_cover_the_data_with_round_steps() {
        assert_eq!(nice_scale(22.4, 5), (25.0, 5.0));
        assert_eq!(nice_scale(8.4, 4), (10.0, 2.5));
        assert_eq!(nice_scale(0.0, 5), (1.0, 0.2));
        assert_eq!(nice_scale(f64::NAN, 5), (1.0, 0.2));
        let (top, step) = nice_scale(137.0, 5);
        assert!(top >= 137.0 && top / step <= 6.0, "{top} {step}");
    }

    /// Found by the `summary` fuzz target: a dose of 1e-300 mg (valid: positive, under the cap; the
    /// phones send any f64) made the DE chart's gridline loop run until memory ran out, and a
    /// subnormal maximum gave a step of 0 and a NaN top (a panic in `Plot::y`).
    #[test]
    fn vanishingly_small_values_get_a_finite_axis_and_the_pdf_renders() {
        for tiny in [1e-300, 5e-324, 1e-9, f64::MIN_POSITIVE] {
            let (top, step) = nice_scale(tiny, 6);
            assert!(top.is_finite() && step > 0.0 && top / step <= 10.0, "{tiny}: {top} {step}");
        }
        use crate::domain::Diary;
        use crate::domain::{DoseDraft, Entry, EntryBody, EntryId, EquivalenceTable};
        use crate::i18n::{Lang, Texts};
        let now = chrono::DateTime::parse_from_rfc3339("2026-03-10T21:00:00+01:00").unwrap();
        // Validation refuses such doses now, but a restored backup is not re-validated.
        for mg in [1e-300, 5e-324] {
            let draft = DoseDraft {
                taken_at: Some(now),
                drug: "diazepam".into(),
                mg: Some(1.0),
                ..Default::default()
            };
            let mut dose = draft.validate(now).unwrap();
            dose.amount = crate::domain::Amount::Mg(mg);
            let entry = Entry { id: EntryId::new(), body: EntryBody::Dose(dose) };
            let diary = Diary::from_entries([entry]);
            let to = now.date_naive();
            let summary =
                crate::summary::build(&diary, to - chrono::Days::new(7), to, EquivalenceTable::Ashton);
            let pdf = crate::summary::pdf::render(&summary, &Texts::new(Lang::En)).unwrap();
            assert!(pdf.starts_with(b"%PDF-"), "{mg}");
        }
    }
}
