//! The summary's content laid out in the order a clinician with ten minutes reads it (scenario 5):
//! header (period, date, DE table and its source, what the patient left out), key figures (with the
//! current prescribed dose in its own mg), the dose chart, the sleep and anxiety chart, the
//! patient's questions, goals with their reviews; then the taper plan, doses per molecule, weekly
//! means and notes, which may run onto page 2. Every block carries its structure (headings,
//! paragraphs, tables with column headers, figures) for the tagged PDF.

use super::chart::{de_chart, sleep_anxiety_chart};
use super::fonts::{Fonts, Weight};
use super::layout::{grey, paragraph, Block, Flow, Op, Pen, BOTTOM, CONTENT_W, MARGIN_X, PAGE_W};
use super::tags::Role;
use super::words::{days_of, hidden_line, label_value, molecule_name, more, number_range, quoted, trend};
use crate::domain::Hideable;
use crate::domain::{EntryKind, ReviewDecision};
use crate::i18n::{Arg, Texts};
use crate::plan::StepStatus;
use crate::summary::phrases::{
    current_dose, de_per_day, hold_when, molecule_lines, no_value_count, table_name,
};
use crate::summary::{GoalSummary, PlanSection, Summary};

const BODY: f32 = 8.2;
const SMALL: f32 = 7.3;
const LEADING: f32 = 10.4;
const SMALL_LEADING: f32 = 9.2;
/// Most reviews shown per goal, and GAD-7 results in the key figures (the latest ones).
const MAX_REVIEWS: usize = 4;
const MAX_GAD7: usize = 4;
/// Most weeks listed in the weekly means (the latest ones).
const MAX_WEEKS: usize = 12;
/// Lays one section out.
type Section = fn(&Ctx<'_>, &mut Flow);
/// The least a section takes: its heading and one "… and N more" line.
const MIN_SECTION: f32 = 36.0;

/// What every section needs.
pub struct Ctx<'a> {
    /// The summary.
    pub s: &'a Summary,
    /// Its language.
    pub t: &'a Texts,
    /// The faces, for measuring.
    pub f: &'a Fonts,
}

impl Ctx<'_> {
    fn hidden(&self, h: Hideable) -> bool {
        self.s.hidden.contains(&h)
    }

    fn para(&self, text: &str, weight: Weight, size: f32, grey: u8, width: f32) -> Block {
        let leading = if size < BODY { SMALL_LEADING } else { LEADING };
        paragraph(self.f, text, weight, size, grey, width, leading)
    }

    /// A section title with a rule under it.
    fn heading(&self, title: &str) -> Block {
        let mut b = Block::default();
        b.open(Role::H2);
        b.text(0.0, 12.0, 10.5, Weight::Bold, grey::INK, title);
        b.close();
        b.line(0.0, 15.5, CONTENT_W, 15.5, Pen::solid(grey::RULE, 0.6));
        b.h = 21.0;
        b
    }

    fn more_line(&self, n: usize) -> Block {
        let mut b = self.para(&more(self.t, n), Weight::Regular, SMALL, grey::MUTED, CONTENT_W);
        b.h += 3.0;
        b
    }

    /// A full-width line of text (with some space after it).
    fn line(&self, text: &str, weight: Weight, size: f32, grey: u8) -> Block {
        let mut b = self.para(text, weight, size, grey, CONTENT_W);
        b.h += 2.5;
        b
    }
}

/// Lays out the whole summary on at most two pages, with footers.
pub fn layout(c: &Ctx<'_>) -> Vec<Vec<Op>> {
    let mut flow = Flow::new();
    flow.place(header(c));
    flow.place(key_figures(c));
    flow.y += 8.0;
    flow.place(de_chart(c.f, c.t, c.s, CONTENT_W));
    flow.y += 4.0;
    flow.place(sleep_anxiety_chart(c.f, c.t, c.s, CONTENT_W));
    flow.y += 8.0;
    // Sections that may reach the last page, in order; each keeps room for those after it.
    let later: [(Section, bool); 7] = [
        // The patient's questions first: short, and what the consultation is for, so they stay
        // on page 1 in every language (a long goal table would push them over in French).
        (questions, true),
        (goals, true),
        (plan, true),
        (molecules, !c.s.molecules.is_empty()),
        (medicines, !c.s.medicines.is_empty()),
        (weekly_means, !c.s.weeks.is_empty()),
        (notes, has_notes(c)),
    ];
    for (i, (section, _)) in later.iter().enumerate() {
        let after = later[i + 1..].iter().filter(|(_, shown)| *shown).count();
        flow.reserve = after as f32 * MIN_SECTION;
        section(c, &mut flow);
        flow.y += 7.0;
    }
    footers(c, flow.pages)
}

fn footers(c: &Ctx<'_>, mut pages: Vec<Vec<Op>>) -> Vec<Vec<Op>> {
    let total = pages.len();
    let left = format!("{} · {}", c.t.t("summary-title"), c.t.date_range(c.s.from, c.s.to));
    for (i, page) in pages.iter_mut().enumerate() {
        let mut b = Block::default();
        let y = BOTTOM + 14.0;
        b.line(MARGIN_X, y - 9.0, PAGE_W - MARGIN_X, y - 9.0, Pen::solid(grey::RULE, 0.5));
        b.text(MARGIN_X, y, 7.0, Weight::Regular, grey::MUTED, &left);
        let right = c.t.t_args("page-of", &[("n", (i + 1).into()), ("total", total.into())]);
        b.text_right(c.f, PAGE_W - MARGIN_X, y, 7.0, Weight::Regular, grey::MUTED, &right);
        page.extend(b.into_artifact().ops);
    }
    pages
}

/// Title, period, date, the DE table and its source, and what the patient left out.
fn header(c: &Ctx<'_>) -> Block {
    let (s, t, f) = (c.s, c.t, c.f);
    let mut b = Block::default();
    b.open(Role::H1);
    b.text(0.0, 16.0, 17.0, Weight::Bold, grey::INK, &t.t("summary-title"));
    b.close();
    if let Some(d) = s.generated_on {
        let generated = t.t_args("generated-on", &[("date", t.date(d).into())]);
        b.text_right(f, CONTENT_W, 15.0, 8.5, Weight::Regular, grey::MUTED, &generated);
    }
    let days = s.days.len();
    let period_value =
        t.t_args("period-value", &[("range", t.date_range(s.from, s.to).into()), ("days", days.into())]);
    let label = t.t("period");
    let label_w = f.width(&label, Weight::Bold, 10.0);
    b.open(Role::P);
    b.text(0.0, 34.0, 10.0, Weight::Bold, grey::INK, &label);
    b.text(label_w + 6.0, 34.0, 10.0, Weight::Regular, grey::INK, &period_value);
    b.close();
    let basis = t.t_args("de-basis", &[("table", s.table.name.as_str().into())]);
    b.text(0.0, 47.0, 8.6, Weight::Bold, grey::INK, &basis);
    let mut y = 50.5;
    let source = c.para(
        &t.t_args("de-source", &[("source", s.table.source.as_str().into())]),
        Weight::Regular,
        SMALL,
        grey::MUTED,
        CONTENT_W,
    );
    let h = source.h;
    b.append(source, 0.0, y);
    y += h + 1.0;
    let boundary = c.para(
        &super::super::notices::day_boundary(s.day_start, t),
        Weight::Regular,
        SMALL,
        grey::MUTED,
        CONTENT_W,
    );
    let h = boundary.h;
    b.append(boundary, 0.0, y);
    y += h + 1.0;
    let subtitle = c.para(&t.t("summary-subtitle"), Weight::Regular, SMALL, grey::MUTED, CONTENT_W);
    let h = subtitle.h;
    b.append(subtitle, 0.0, y);
    y += h + 4.0;
    b.line(0.0, y, CONTENT_W, y, Pen::solid(grey::INK, 1.2));
    y += 7.0;

    let check = super::super::notices::integrity(&s.integrity, t);
    if !s.hidden.is_empty() || s.hidden_goals > 0 || check.is_some() {
        // Never silent: a framed notice right under the header.
        let mut lines = vec![];
        if let Some(check) = check {
            lines.push((check, Weight::Bold));
        }
        if !s.hidden.is_empty() {
            lines.push((t.t_args("hidden-sections", &[("n", s.hidden.len().into())]), Weight::Bold));
        }
        if !s.hidden.is_empty() || s.hidden_goals > 0 {
            lines.push((hidden_line(t, &s.hidden, s.hidden_goals), Weight::Regular));
        }
        let mut inner = Block::default();
        let mut iy = 0.0;
        for (text, weight) in lines {
            let p = c.para(&text, weight, BODY, grey::INK, CONTENT_W - 16.0);
            let h = p.h;
            inner.append(p, 0.0, iy);
            iy += h + 1.5;
        }
        let box_h = iy + 8.0;
        b.rect(0.0, y, CONTENT_W, box_h, Some(grey::SHADE), Some(Pen::dashed(grey::INK, 0.8, &[3.0, 2.0])));
        b.append(inner, 8.0, y + 5.0);
        y += box_h + 8.0;
    }
    b.h = y;
    b
}

/// Label/value rows of one key-figure column.
fn kv_rows(c: &Ctx<'_>, rows: &[(String, String)], width: f32) -> Block {
    let mut b = Block::default();
    let mut y = 0.0;
    for (label, value) in rows {
        let lw = c.f.width(label, Weight::Regular, SMALL);
        let vw = c.f.width(value, Weight::Bold, BODY);
        // A label and its value are read together.
        b.open(Role::P);
        if lw + vw + 8.0 <= width {
            b.text(0.0, y + 8.0, SMALL, Weight::Regular, grey::MUTED, label);
            b.text_right(c.f, width, y + 8.0, BODY, Weight::Bold, grey::INK, value);
            y += 11.0;
        } else {
            let l = c.para(label, Weight::Regular, SMALL, grey::MUTED, width);
            let lh = l.h;
            b.append(l, 0.0, y + 1.5);
            y += lh + 1.5;
            for line in super::layout::wrap(c.f, value, Weight::Bold, BODY, width - 10.0) {
                b.text_right(c.f, width, y + 8.0, BODY, Weight::Bold, grey::INK, &line);
                y += LEADING;
            }
            y += 0.6;
        }
        b.close();
        b.line(0.0, y - 1.4, width, y - 1.4, Pen::solid(grey::GRID, 0.4));
    }
    b.h = y;
    b
}

/// A key-figure column: title, rule, rows.
fn column(c: &Ctx<'_>, title: &str, rows: &[(String, String)], note: Option<String>, width: f32) -> Block {
    let mut b = Block::default();
    b.open(Role::H2);
    b.text(0.0, 9.0, 9.2, Weight::Bold, grey::INK, title);
    b.close();
    b.line(0.0, 12.5, width, 12.5, Pen::solid(grey::INK, 0.8));
    let mut y = 15.0;
    let body = kv_rows(c, rows, width);
    let h = body.h;
    b.append(body, 0.0, y);
    y += h;
    if let Some(note) = note {
        let p = c.para(&note, Weight::Regular, SMALL, grey::INK, width);
        let h = p.h;
        b.append(p, 0.0, y + 2.0);
        y += h + 2.0;
    }
    b.h = y;
    b
}

fn opt_or(t: &Texts, v: Option<String>) -> String {
    v.unwrap_or_else(|| t.t("not-logged"))
}

/// Doses, sleep and anxiety in three columns of figures.
fn key_figures(c: &Ctx<'_>) -> Block {
    let (s, t) = (c.s, c.t);
    let gap = 16.0;
    let w = (CONTENT_W - 2.0 * gap) / 3.0;
    let p = &s.totals.prescribed;
    // Never "0 mg DE" for doses the table has no value for: say so, and name them.
    let no_de =
        (p.doses > 0 && !p.has_de()).then(|| t.t_args("de-none", &[("table", table_name(s, t).into())]));
    let (current_label, current_value) = current_dose(s, t);
    let mut doses = vec![
        (current_label, current_value),
        (t.t("prescribed"), no_de.clone().unwrap_or_else(|| de_per_day(t, s.totals.prescribed_de_per_day))),
    ];
    if no_de.is_none() {
        doses.push((t.t("first-half"), t.mg_range_of(s.dose_trend.first_half)));
        doses.push((t.t("second-half"), t.mg_range_of(s.dose_trend.second_half)));
        if let (Some(a), Some(b)) = (s.dose_trend.slope_low_mg_per_week, s.dose_trend.slope_high_mg_per_week)
        {
            doses.push((t.t("trend-per-week"), trend(t, a, b)));
        }
    }
    doses.push((t.t("days-without-dose"), days_of(t, s.days_without_dose, s.counted_days())));
    if p.unknown_strength_doses() > 0 {
        doses.push((
            t.t("prescribed"),
            t.t_args("unknown-strength-count", &[("n", p.unknown_strength_doses().into())]),
        ));
    }
    if p.no_value_doses > 0 {
        doses.push((t.t("prescribed"), no_value_count(s, t, p.no_value_doses)));
    }
    let np_label = t.t("non-prescribed");
    match (&s.totals.non_prescribed, s.totals.non_prescribed_de_per_day) {
        (None, _) | (_, None) => doses.push((np_label, t.t("section-left-out"))),
        (Some(np), _) if np.doses == 0 => doses.push((np_label, t.t("none-logged"))),
        (Some(np), Some(per_day)) => {
            let mut parts = vec![t.t_args("dose-count", &[("n", np.doses.into())])];
            if np.has_de() {
                parts.push(de_per_day(t, per_day));
            }
            if np.unknown_strength_doses() > 0 {
                parts.push(t.t_args("unknown-strength-count", &[("n", np.unknown_strength_doses().into())]));
            }
            if np.no_value_doses > 0 {
                parts.push(no_value_count(s, t, np.no_value_doses));
            }
            doses.push((np_label, parts.join(", ")));
        }
    }
    let doses_note = Some(t.t("de-per-day-note"));

    let left_out = |h| Some(hidden_line(t, &[h], 0));
    let (sleep_rows, sleep_note) = match &s.sleep {
        None => (vec![], left_out(Hideable::Sleep)),
        Some(sl) => (
            vec![
                (t.t("nights"), t.number(f64::from(sl.nights), 0)),
                (t.t("mean-sleep"), opt_or(t, sl.mean_total_sleep_h.map(|h| t.hours(h)))),
                (t.t("sleep-efficiency"), opt_or(t, sl.mean_efficiency_percent.map(|v| t.percent(v)))),
                (
                    t.t("sleep-quality"),
                    opt_or(
                        t,
                        sl.mean_quality.map(|q| t.t_args("sleep-quality-value", &[("value", Arg::Num(q))])),
                    ),
                ),
                (t.t("awakenings"), opt_or(t, sl.mean_awakenings.map(|v| t.number(v, 1)))),
                (t.t("first-half"), opt_or(t, sl.first_half_h.map(|h| t.hours(h)))),
                (t.t("second-half"), opt_or(t, sl.second_half_h.map(|h| t.hours(h)))),
            ],
            None,
        ),
    };

    let out_of_10 = |v: f64| t.t_args("out-of-10", &[("value", Arg::Num(v))]);
    let (anxiety_rows, anxiety_note) = match &s.anxiety {
        None => (vec![], left_out(Hideable::Anxiety)),
        Some(a) => {
            let mut rows = vec![
                (t.t("ratings"), t.number(f64::from(a.ratings), 0)),
                (t.t("anxiety-mean"), opt_or(t, a.mean.map(out_of_10))),
                (t.t("first-half"), opt_or(t, a.first_half.map(out_of_10))),
                (t.t("second-half"), opt_or(t, a.second_half.map(out_of_10))),
            ];
            let skip = s.gad7.len().saturating_sub(MAX_GAD7);
            for g in s.gad7.iter().skip(skip) {
                let label = format!("{} {}", t.t("section-gad7"), t.date(g.date));
                rows.push((label, format!("{}/21 ({})", g.total, t.gad7_band(g.band))));
            }
            let note = (skip > 0).then(|| more(t, skip));
            (rows, note)
        }
    };

    let cols = [
        column(c, &t.t("section-doses"), &doses, doses_note, w),
        column(c, &t.t("section-sleep"), &sleep_rows, sleep_note, w),
        column(c, &t.t("section-anxiety"), &anxiety_rows, anxiety_note, w),
    ];
    let mut b = Block::default();
    let mut h: f32 = 0.0;
    for (i, col) in cols.into_iter().enumerate() {
        h = h.max(col.h);
        b.append(col, i as f32 * (w + gap), 0.0);
    }
    b.h = h;
    b
}

/// A table row: cells (blocks) side by side at `xs`, with padding and a rule under the row. A
/// shaded row is the header: its cells are column headers.
fn row(cells: Vec<Block>, xs: &[f32], shade: Option<u8>) -> Block {
    let pad = 3.5;
    let h = cells.iter().map(|c| c.h).fold(0.0f32, f32::max) + 2.0 * pad;
    let mut b = Block::default();
    if let Some(g) = shade {
        b.rect(0.0, 0.0, CONTENT_W, h, Some(g), None);
    }
    b.open(Role::Tr);
    let role = if shade.is_some() { Role::Th } else { Role::Td };
    for (cell, x) in cells.into_iter().zip(xs) {
        b.append(cell.tagged(role.clone()), x + pad, pad);
    }
    b.close();
    b.line(0.0, h, CONTENT_W, h, Pen::solid(if shade.is_some() { grey::RULE } else { grey::GRID }, 0.5));
    b.h = h;
    b
}

/// Column left edges for relative widths.
fn columns(fractions: &[f32]) -> (Vec<f32>, Vec<f32>) {
    let total: f32 = fractions.iter().sum();
    let widths: Vec<f32> = fractions.iter().map(|f| f / total * CONTENT_W).collect();
    let mut xs = vec![];
    let mut x = 0.0;
    for w in &widths {
        xs.push(x);
        x += w;
    }
    (xs, widths.into_iter().map(|w| w - 7.0).collect())
}

fn header_row(c: &Ctx<'_>, labels: &[String], xs: &[f32], widths: &[f32]) -> Block {
    let cells =
        labels.iter().zip(widths).map(|(l, w)| c.para(l, Weight::Bold, SMALL, grey::INK, *w)).collect();
    row(cells, xs, Some(grey::SHADE))
}

/// Lines stacked in one table cell.
fn cell(c: &Ctx<'_>, lines: &[(String, Weight, f32, u8)], width: f32) -> Block {
    let mut b = Block::default();
    let mut y = 0.0;
    for (text, weight, size, g) in lines {
        let p = c.para(text, *weight, *size, *g, width);
        let h = p.h;
        b.append(p, 0.0, y);
        y += h + 1.6;
    }
    b.h = (y - 1.6).max(0.0);
    b
}

fn goal_row(c: &Ctx<'_>, g: &GoalSummary, xs: &[f32], widths: &[f32]) -> Block {
    let t = c.t;
    let words = cell(c, &[(quoted(t, &g.what_matters), Weight::Regular, BODY, grey::INK)], widths[0]);

    let mut kind = vec![
        (t.goal_kind(&g.kind), Weight::Bold, BODY, grey::INK),
        (label_value(t, &t.t("goal-status"), &t.goal_status(g.status)), Weight::Regular, SMALL, grey::INK),
    ];
    if let Some(due) = g.due {
        kind.push((label_value(t, &t.t("goal-due"), &t.date(due)), Weight::Regular, SMALL, grey::MUTED));
    }
    if let (Some(next), true) = (g.review_on, g.status.is_open()) {
        kind.push((
            t.t_args("review-next", &[("date", t.date(next).into())]),
            Weight::Regular,
            SMALL,
            grey::MUTED,
        ));
    }
    let kind = cell(c, &kind, widths[1]);

    let mut reviews = vec![];
    let skip = g.reviews.len().saturating_sub(MAX_REVIEWS);
    if skip > 0 {
        reviews.push((more(t, skip), Weight::Regular, SMALL, grey::MUTED));
    }
    for r in g.reviews.iter().skip(skip) {
        reviews.push((
            t.t_args("review-on", &[("date", t.date(r.date).into())]),
            Weight::Bold,
            SMALL,
            grey::INK,
        ));
        reviews.push((t.gas(r.gas), Weight::Regular, SMALL, grey::INK));
        let decision = ReviewDecision::parse(r.decision).map(|d| t.review_decision(d)).unwrap_or_default();
        if !decision.is_empty() {
            reviews.push((
                label_value(t, &t.t("review-decision"), &decision),
                Weight::Regular,
                SMALL,
                grey::INK,
            ));
        }
        if let Some(note) = &r.note {
            reviews.push((quoted(t, note), Weight::Regular, SMALL, grey::MUTED));
        }
    }
    if g.reviews.is_empty() {
        reviews.push((t.t("none-logged"), Weight::Regular, SMALL, grey::MUTED));
    }
    let reviews = cell(c, &reviews, widths[2]);

    let p = &g.progress;
    let mut measured = vec![(
        label_value(t, &t.t("progress-days-with-dose"), &days_of(t, p.days_with_dose, p.days)),
        Weight::Regular,
        SMALL,
        grey::INK,
    )];
    if let Some(mg) = p.mean_daily_mg {
        measured.push((
            label_value(t, &t.t("progress-mean-daily-dose"), &t.mg(mg)),
            Weight::Regular,
            SMALL,
            grey::INK,
        ));
    } else if let Some(de) = p.mean_daily_de {
        let v = t.t_args("de-per-day", &[("amount", t.mg_range_of(de).into())]);
        measured.push((
            label_value(t, &t.t("progress-mean-daily-dose"), &v),
            Weight::Regular,
            SMALL,
            grey::INK,
        ));
    }
    if let Some(n) = p.days_at_or_under_target {
        let v = days_of(t, n, p.days_with_dose);
        measured.push((
            label_value(t, &t.t("progress-days-at-or-under-target"), &v),
            Weight::Regular,
            SMALL,
            grey::INK,
        ));
    }
    // What the patient hid stays hidden here too.
    if let (false, Some(n)) = (c.hidden(Hideable::NonPrescribed), p.days_with_nonprescribed) {
        let v = t.t_args("days-count", &[("n", n.into())]);
        measured.push((
            label_value(t, &t.t("progress-days-non-prescribed"), &v),
            Weight::Regular,
            SMALL,
            grey::INK,
        ));
    }
    if let (false, Some(h)) = (c.hidden(Hideable::Sleep), p.mean_sleep_h) {
        measured.push((label_value(t, &t.t("mean-sleep"), &t.hours(h)), Weight::Regular, SMALL, grey::INK));
    }
    if let (false, Some(a)) = (c.hidden(Hideable::Anxiety), p.mean_anxiety) {
        let v = t.t_args("out-of-10", &[("value", Arg::Num(a))]);
        measured.push((label_value(t, &t.t("anxiety-mean"), &v), Weight::Regular, SMALL, grey::INK));
    }
    let measured = cell(c, &measured, widths[3]);
    row(vec![words, kind, reviews, measured], xs, None)
}

fn goals(c: &Ctx<'_>, flow: &mut Flow) {
    let t = c.t;
    let heading = c.heading(&t.t("section-goals"));
    let more_line = |n| c.more_line(n);
    if c.hidden(Hideable::Goals) {
        let items = vec![c.line(&hidden_line(t, &[Hideable::Goals], 0), Weight::Regular, BODY, grey::INK)];
        flow.section(heading, None, items, &more_line);
        return;
    }
    let (xs, widths) = columns(&[0.27, 0.22, 0.27, 0.24]);
    let labels = [t.t("goal-what-matters"), t.t("goal"), t.t("gas"), t.t("progress-measured")];
    let header = header_row(c, &labels, &xs, &widths);
    let mut items: Vec<Block> = c.s.goals.iter().map(|g| goal_row(c, g, &xs, &widths)).collect();
    if items.is_empty() {
        let mut items = vec![c.line(&t.t("goal-none"), Weight::Regular, BODY, grey::MUTED)];
        if c.s.hidden_goals > 0 {
            items.push(c.line(&hidden_line(t, &[], c.s.hidden_goals), Weight::Regular, SMALL, grey::INK));
        }
        flow.section(heading, None, items, &more_line);
        return;
    }
    if c.s.hidden_goals > 0 {
        let mut b = c.line(&hidden_line(t, &[], c.s.hidden_goals), Weight::Regular, SMALL, grey::INK);
        b.ops.iter_mut().for_each(|op| {
            if let Op::Text { y, .. } = op {
                *y += 3.0;
            }
        });
        b.h += 3.0;
        items.push(b.tagged(Role::Td).tagged(Role::Tr));
    }
    flow.section(heading, Some(header), items, &more_line);
}

fn questions(c: &Ctx<'_>, flow: &mut Flow) {
    let t = c.t;
    let heading = c.heading(&t.t("section-questions"));
    let more_line = |n| c.more_line(n);
    let items = if c.hidden(Hideable::Questions) {
        vec![c.line(&hidden_line(t, &[Hideable::Questions], 0), Weight::Regular, BODY, grey::INK)]
    } else if c.s.questions.is_empty() {
        vec![c.line(&t.t("questions-none"), Weight::Regular, BODY, grey::MUTED)]
    } else {
        let date_w = 62.0;
        c.s.questions
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let mut b = Block::default();
                b.text(0.0, 9.0, 9.0, Weight::Bold, grey::INK, &format!("{}.", i + 1));
                let p =
                    paragraph(c.f, &q.text, Weight::Regular, 9.0, grey::INK, CONTENT_W - 16.0 - date_w, 11.5);
                let h = p.h;
                b.append(p, 16.0, 2.0);
                b.text_right(c.f, CONTENT_W, 9.0, SMALL, Weight::Regular, grey::MUTED, &t.date(q.date));
                b.h = h + 6.0;
                b.tagged(Role::P)
            })
            .collect()
    };
    flow.section(heading, None, items, &more_line);
}

fn plan_lines(c: &Ctx<'_>, p: &PlanSection) -> Vec<Block> {
    let t = c.t;
    let mut items = vec![];
    let pace = t.pace(p.pace);
    let schedule = t.t_args(
        "plan-schedule",
        &[("percent", t.percent(p.percent).into()), ("days", p.interval_days.into())],
    );
    let start = format!("{} ({})", t.mg(p.start_mg), t.date(p.start));
    let summary = [
        molecule_name(t, p.molecule),
        label_value(t, &t.t("plan-start-dose"), &start),
        schedule,
        label_value(t, &t.t("plan-pace"), &pace),
    ]
    .join(" · ");
    items.push(c.line(&summary, Weight::Bold, BODY, grey::INK));
    if let Some(sw) = &p.switch {
        let from = crate::domain::Molecule::ALL.into_iter().find(|m| m.name() == sw.from);
        let text = match from {
            Some(m) => t.plan_switch(m, sw.from_mg, sw.diazepam_mg, &sw.table.name, &sw.agreed_with),
            None => label_value(t, &t.t("plan-switch-title"), &t.mg_range_of(sw.diazepam_mg)),
        };
        items.push(c.line(
            &label_value(t, &t.t("plan-switch-title"), &text),
            Weight::Regular,
            BODY,
            grey::INK,
        ));
        if let Some(m) = from {
            let check =
                t.plan_switch_check(sw.check, p.start_mg, m, sw.from_mg, sw.diazepam_mg, &sw.table.name);
            items.push(c.para(&check, Weight::Regular, BODY, grey::INK, CONTENT_W));
        }
    }
    if let Some(tail) = p.tail {
        items.push(c.line(&t.plan_tail(tail), Weight::Regular, BODY, grey::INK));
    }
    let end = match (p.ended_on, p.end_date) {
        (Some(on), _) => t.t_args("plan-ended-on", &[("date", t.date(on).into())]),
        (None, Some(end)) => {
            let moves =
                if p.holds.is_empty() { String::new() } else { format!(" ({})", t.t("plan-end-date-moves")) };
            let length = t.plan_length(p.start, end);
            label_value(t, &t.t("plan-end-date"), &format!("{}{moves} · {length}", t.date(end)))
        }
        (None, None) => label_value(t, &t.t("plan-end-date"), &t.t("plan-end-open")),
    };
    items.push(c.line(&end, Weight::Regular, BODY, grey::INK));
    if let Some(fin) = &p.final_dose {
        items.push(c.line(&t.plan_final_dose(fin), Weight::Bold, BODY, grey::INK));
    }
    items
}

fn plan(c: &Ctx<'_>, flow: &mut Flow) {
    let t = c.t;
    let heading = c.heading(&t.t("section-taper-plan"));
    let more_line = |n| c.more_line(n);
    let Some(p) = &c.s.plan else {
        let text =
            if c.hidden(Hideable::Plan) { hidden_line(t, &[Hideable::Plan], 0) } else { t.t("plan-none") };
        flow.section(heading, None, vec![c.line(&text, Weight::Regular, BODY, grey::MUTED)], &more_line);
        return;
    };
    let lines = plan_lines(c, p);

    // Steps: planned versus logged.
    // The pace column only when a step shown is flagged.
    let flagged = p.steps.iter().any(|s| s.pace_flag.is_some());
    let (xs, widths) = if flagged {
        columns(&[0.05, 0.12, 0.085, 0.09, 0.1, 0.14, 0.15, 0.265])
    } else {
        columns(&[0.06, 0.15, 0.1, 0.1, 0.13, 0.23, 0.23])
    };
    let mut labels = vec![
        t.t("plan-step"),
        t.t("plan-date"),
        t.t("plan-dose"),
        t.t("plan-cut"),
        t.t("goal-status"),
        t.t("plan-logged"),
        t.t("plan-at-or-under"),
    ];
    if flagged {
        labels.push(t.t("plan-pace"));
    }
    let header = header_row(c, &labels, &xs, &widths);
    let limit = p.pace.limit_percent();
    let small = |text: &str, w: f32, weight: Weight| c.para(text, weight, SMALL, grey::INK, w);
    let omitted = |step: &crate::summary::content::PlanStepSummary| {
        p.steps_omitted.filter(|(after, _)| *after == step.index).map(|(_, n)| {
            row(
                vec![c.para(&t.plan_steps_omitted(n), Weight::Regular, SMALL, grey::MUTED, CONTENT_W)],
                &[0.0],
                None,
            )
        })
    };
    let rows: Vec<Block> = p
        .steps
        .iter()
        .flat_map(|step| {
            let current = step.status == StepStatus::Current;
            let weight = if current { Weight::Bold } else { Weight::Regular };
            let date = if step.extended { format!("{} †", t.date(step.date)) } else { t.date(step.date) };
            let cut = if step.index == 0 { "–".to_owned() } else { t.percent(step.cut_percent) };
            let (logged, under) = if step.days_in_period == 0 {
                ("–".to_owned(), "–".to_owned())
            } else {
                (
                    days_of(t, step.days_logged, step.days_in_period),
                    days_of(t, step.days_at_or_under, step.days_logged),
                )
            };
            let flag = if step.pace_flag.is_some() {
                t.t_args("plan-pace-flag", &[("limit", t.percent(limit).into())])
            } else {
                String::new()
            };
            let mut cells = vec![
                small(&step.index.to_string(), widths[0], weight),
                small(&date, widths[1], weight),
                small(
                    &match step.liquid_ml {
                        Some(ml) => format!("{} ({} ml)", t.mg(step.dose_mg), t.number(ml, 2)),
                        None => t.mg(step.dose_mg),
                    },
                    widths[2],
                    weight,
                ),
                small(&cut, widths[3], weight),
                small(&t.step_status(step.status), widths[4], weight),
                small(&logged, widths[5], weight),
                small(&under, widths[6], weight),
            ];
            if flagged {
                cells.push(small(&flag, widths[7], Weight::Bold));
            }
            std::iter::once(row(cells, &xs, None)).chain(omitted(step))
        })
        .collect();

    // Holds with the patient's reasons, and what the marks mean.
    let mut notes = vec![];
    for h in &p.holds {
        let when = hold_when(h, t);
        let text = match &h.reason {
            Some(r) if !r.trim().is_empty() => {
                format!("{} — {}", when, label_value(t, &t.t("plan-reason"), &quoted(t, r)))
            }
            _ => when,
        };
        notes.push(c.line(&text, Weight::Regular, BODY, grey::INK));
    }
    let mut small_print = vec![];
    if !p.holds.is_empty() {
        small_print.push(t.t("plan-hold-note"));
    }
    if p.steps.iter().any(|s| s.extended) {
        small_print.push(format!("† {}", t.t("plan-extended-interval")));
    }
    if p.steps.iter().any(|s| s.pace_flag.is_some()) {
        small_print.push(t.t("plan-pace-informative"));
    }
    if p.steps.iter().any(|s| s.days_logged > 0) {
        small_print.push(t.t("plan-at-or-under-note"));
    }
    for line in small_print {
        notes.push(c.line(&line, Weight::Regular, SMALL, grey::MUTED));
    }

    let height = |blocks: &[Block]| blocks.iter().map(|b| b.h).sum::<f32>();
    flow.keep_together(heading.h + height(&lines) + header.h + height(&rows) + height(&notes) + 7.0);
    flow.section(heading, None, lines, &more_line);
    flow.y += 3.0;
    flow.section(Block::space(0.0), Some(header), rows, &more_line);
    flow.y += 4.0;
    flow.section(Block::space(0.0), None, notes, &more_line);
}

/// The usual medicines, each with its regimen over the period (changes with their dates).
fn medicines(c: &Ctx<'_>, flow: &mut Flow) {
    let t = c.t;
    if c.s.medicines.is_empty() {
        return;
    }
    let heading = c.heading(&t.t("section-medicines"));
    let items =
        c.s.medicines
            .iter()
            .map(|m| indented_lines(c, &super::super::regimen::medicine_lines(m, t), Weight::Bold))
            .collect();
    flow.section(heading, None, items, &|n| c.more_line(n));
}

/// One item of a list section: its first line in `first` weight, the others indented below it.
fn indented_lines(c: &Ctx<'_>, lines: &[String], first: Weight) -> Block {
    let mut block = Block::default();
    let mut y = 0.0;
    for (i, line) in lines.iter().enumerate() {
        let (weight, indent) = if i == 0 { (first, 0.0) } else { (Weight::Regular, 10.0) };
        let p = c.para(line, weight, BODY, grey::INK, CONTENT_W - indent);
        let h = p.h;
        block.append(p, indent, y);
        y += h + 1.0;
    }
    block.h = y + 1.5;
    block
}

fn molecules(c: &Ctx<'_>, flow: &mut Flow) {
    let t = c.t;
    if c.s.molecules.is_empty() {
        return;
    }
    let heading = c.heading(&t.t("section-doses"));
    let items =
        c.s.molecules
            .iter()
            // Prescribed and non-prescribed on lines of their own, as in every format.
            .map(|m| indented_lines(c, &molecule_lines(m, c.s, t), Weight::Regular))
            .collect();
    flow.section(heading, None, items, &|n| c.more_line(n));
}

fn weekly_means(c: &Ctx<'_>, flow: &mut Flow) {
    let t = c.t;
    if c.s.weeks.is_empty() {
        return;
    }
    let heading = c.heading(&t.t("weekly-means"));
    let (xs, widths) = columns(&[0.25, 0.25, 0.25, 0.25]);
    let labels = [t.t("chart-week"), t.t("de-per-day-label"), t.t("chart-sleep-hours"), t.t("chart-anxiety")];
    let header = header_row(c, &labels, &xs, &widths);
    let value = |hidden: bool, v: Option<f64>| {
        if hidden {
            t.t("section-left-out")
        } else {
            v.map_or_else(|| "–".to_owned(), |v| t.number(v, 1))
        }
    };
    // The most recent weeks (the chart above shows them all).
    let skip = c.s.weeks.len().saturating_sub(MAX_WEEKS);
    // "… and N more" above the table (a table holds rows only).
    let mut heading = heading;
    if skip > 0 {
        let more = c.more_line(skip);
        let h = more.h;
        let top = heading.h;
        heading.append(more, 0.0, top);
        heading.h += h;
    }
    let mut rows: Vec<Block> = vec![];
    for w in c.s.weeks.iter().skip(skip) {
        let texts = [
            t.date(w.week_start),
            w.de().map_or_else(|| t.t("week-day-not-over"), |de| number_range(t, de.low, de.high)),
            value(c.s.sleep.is_none(), w.sleep_h),
            value(c.s.anxiety.is_none(), w.anxiety),
        ];
        let cells = texts
            .iter()
            .zip(&widths)
            .map(|(s, w)| c.para(s, Weight::Regular, SMALL, grey::INK, *w))
            .collect();
        rows.push(row(cells, &xs, None));
    }
    flow.section(heading, Some(header), rows, &|n| c.more_line(n));
}

/// Notes to list: review notes are shown with their goal (and must not reappear for a goal the
/// patient hid).
fn has_notes(c: &Ctx<'_>) -> bool {
    !c.hidden(Hideable::Notes) && c.s.notes.iter().any(|n| n.kind != EntryKind::Review)
}

fn notes(c: &Ctx<'_>, flow: &mut Flow) {
    let t = c.t;
    if !has_notes(c) {
        return;
    }
    // Newest first: if the last page runs out, the oldest notes are the ones counted, not shown.
    let shown: Vec<_> = c.s.notes.iter().rev().filter(|n| n.kind != EntryKind::Review).collect();
    let heading = c.heading(&t.t("section-notes"));
    let date_w = 108.0;
    let items = shown
        .into_iter()
        .map(|n| {
            let mut b = Block::default();
            let when = format!("{} · {}", t.date(n.date), t.entry_kind(n.kind));
            b.text(0.0, 8.0, SMALL, Weight::Regular, grey::MUTED, &when);
            let p = c.para(&quoted(t, &n.text), Weight::Regular, BODY, grey::INK, CONTENT_W - date_w);
            let h = p.h;
            b.append(p, date_w, 1.5);
            b.h = h + 4.0;
            b.tagged(Role::P)
        })
        .collect();
    flow.section(heading, None, items, &|n| c.more_line(n));
}

/// The title written into the document information.
pub fn title(c: &Ctx<'_>) -> String {
    format!("{} — {}", c.t.t("summary-title"), c.t.date_range(c.s.from, c.s.to))
}
