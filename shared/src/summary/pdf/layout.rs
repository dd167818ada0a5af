//! Page geometry, a display list of drawing operations, blocks of measured content and the flow that
//! places them on at most two A4 pages. Everything is laid out before anything is drawn, so the
//! footer can say "page 1 of 2" and a list that would run past the last page ends with "… and N more"
//! instead of being cut silently.

use super::fonts::{Fonts, Weight};
use super::tags::Role;

/// A4 width in points.
pub const PAGE_W: f32 = 595.28;
/// A4 height in points.
pub const PAGE_H: f32 = 841.89;
/// Left and right margin.
pub const MARGIN_X: f32 = 42.0;
/// Top of the content area.
pub const TOP: f32 = 38.0;
/// Bottom of the content area (the footer sits below it).
pub const BOTTOM: f32 = 800.0;
/// Width of the content area.
pub const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN_X;
/// A summary never takes more pages than this.
pub const MAX_PAGES: usize = 2;

/// Grey levels (0 black … 255 white): the whole document is grey-scale so it prints the same.
pub mod grey {
    /// Body text and data lines.
    pub const INK: u8 = 0;
    /// Secondary text: labels, sources, axis labels.
    pub const MUTED: u8 = 85;
    /// Rules and outlines.
    pub const RULE: u8 = 120;
    /// Hatching of holds.
    pub const HATCH: u8 = 150;
    /// Bars.
    pub const BAR: u8 = 165;
    /// The DE range band.
    pub const BAND: u8 = 205;
    /// Grid lines.
    pub const GRID: u8 = 222;
    /// Table header and notice backgrounds.
    pub const SHADE: u8 = 238;
    /// Paper.
    pub const WHITE: u8 = 255;
}

/// How a line is stroked.
#[derive(Debug, Clone, PartialEq)]
pub struct Pen {
    /// Grey level.
    pub grey: u8,
    /// Width in points.
    pub width: f32,
    /// Dash pattern (on, off, …), solid when `None`.
    pub dash: Option<Vec<f32>>,
}

impl Pen {
    /// A solid line.
    pub fn solid(grey: u8, width: f32) -> Self {
        Self { grey, width, dash: None }
    }

    /// A dashed line.
    pub fn dashed(grey: u8, width: f32, dash: &[f32]) -> Self {
        Self { grey, width, dash: Some(dash.to_vec()) }
    }
}

/// One drawing operation, in page coordinates (points, origin top left, y down).
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// A run of text on one line; `y` is the baseline.
    Text {
        /// Left end of the run.
        x: f32,
        /// Baseline.
        y: f32,
        /// Font size.
        size: f32,
        /// Face.
        weight: Weight,
        /// Grey level.
        grey: u8,
        /// The text (one line, no control characters).
        text: String,
    },
    /// A polyline or polygon, filled and/or stroked.
    Path {
        /// Vertices.
        points: Vec<(f32, f32)>,
        /// Closed (a polygon) or open (a polyline).
        closed: bool,
        /// Fill grey level.
        fill: Option<u8>,
        /// Outline.
        stroke: Option<Pen>,
    },
    /// Starts a structure element (tagged PDF): everything up to the matching [`Op::Close`]
    /// belongs to it, in reading order.
    Open(Role),
    /// Ends the innermost open structure element.
    Close,
}

impl Op {
    fn shifted(mut self, dx: f32, dy: f32) -> Op {
        match &mut self {
            Op::Text { x, y, .. } => {
                *x += dx;
                *y += dy;
            }
            Op::Path { points, .. } => {
                for p in points {
                    p.0 += dx;
                    p.1 += dy;
                }
            }
            Op::Open(_) | Op::Close => {}
        }
        self
    }
}

/// Replaces control characters (tabs, line breaks, bidi controls…) by spaces so a run is one line.
pub fn clean(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// A piece of content measured and laid out relative to its own top left corner.
#[derive(Debug, Clone, Default)]
pub struct Block {
    /// Height the block takes in the flow.
    pub h: f32,
    /// Its drawing operations.
    pub ops: Vec<Op>,
}

impl Block {
    /// An empty block of height `h` (vertical space).
    pub fn space(h: f32) -> Self {
        Self { h, ops: vec![] }
    }

    /// Adds a run of text with its baseline at `y`.
    pub fn text(&mut self, x: f32, y: f32, size: f32, weight: Weight, grey: u8, text: &str) {
        let text = clean(text);
        if !text.trim().is_empty() {
            self.ops.push(Op::Text { x, y, size, weight, grey, text });
        }
    }

    /// Adds a run of text whose right end is at `right`.
    #[allow(clippy::too_many_arguments)]
    pub fn text_right(
        &mut self,
        fonts: &Fonts,
        right: f32,
        y: f32,
        size: f32,
        weight: Weight,
        grey: u8,
        text: &str,
    ) {
        let w = fonts.width(text, weight, size);
        self.text(right - w, y, size, weight, grey, text);
    }

    /// Adds a run of text centred on `cx`.
    #[allow(clippy::too_many_arguments)]
    pub fn text_centred(
        &mut self,
        fonts: &Fonts,
        cx: f32,
        y: f32,
        size: f32,
        weight: Weight,
        grey: u8,
        text: &str,
    ) {
        let w = fonts.width(text, weight, size);
        self.text(cx - w / 2.0, y, size, weight, grey, text);
    }

    /// Adds a straight line.
    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, pen: Pen) {
        self.ops.push(Op::Path {
            points: vec![(x1, y1), (x2, y2)],
            closed: false,
            fill: None,
            stroke: Some(pen),
        });
    }

    /// Adds an open polyline.
    pub fn polyline(&mut self, points: Vec<(f32, f32)>, pen: Pen) {
        if points.len() >= 2 {
            self.ops.push(Op::Path { points, closed: false, fill: None, stroke: Some(pen) });
        }
    }

    /// Adds a polygon.
    pub fn polygon(&mut self, points: Vec<(f32, f32)>, fill: Option<u8>, stroke: Option<Pen>) {
        if points.len() >= 3 {
            self.ops.push(Op::Path { points, closed: true, fill, stroke });
        }
    }

    /// Adds a rectangle.
    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, fill: Option<u8>, stroke: Option<Pen>) {
        self.polygon(vec![(x, y), (x + w, y), (x + w, y + h), (x, y + h)], fill, stroke);
    }

    /// Fills a rectangle with diagonal hatching (for regions that must read in black and white).
    pub fn hatch(&mut self, x: f32, y: f32, w: f32, h: f32, spacing: f32, pen: &Pen) {
        if w <= 0.0 || h <= 0.0 || spacing <= 0.0 {
            return;
        }
        // Lines x - (y - top) = c, i.e. rising to the right, clipped to the rectangle.
        let mut c = x - h;
        while c < x + w {
            let (mut x1, mut y1) = (c, y + h);
            let (mut x2, mut y2) = (c + h, y);
            if x1 < x {
                y1 -= x - x1;
                x1 = x;
            }
            if x2 > x + w {
                y2 += x2 - (x + w);
                x2 = x + w;
            }
            if x2 > x1 {
                self.line(x1, y1, x2, y2, pen.clone());
            }
            c += spacing;
        }
    }

    /// Places `other` inside this block at (`dx`, `dy`).
    pub fn append(&mut self, other: Block, dx: f32, dy: f32) {
        self.ops.extend(other.ops.into_iter().map(|op| op.shifted(dx, dy)));
    }

    /// Starts a structure element; what follows up to [`Block::close`] belongs to it.
    pub fn open(&mut self, role: Role) {
        self.ops.push(Op::Open(role));
    }

    /// Ends the innermost structure element.
    pub fn close(&mut self) {
        self.ops.push(Op::Close);
    }

    /// The whole block as one structure element.
    pub fn tagged(mut self, role: Role) -> Block {
        self.ops.insert(0, Op::Open(role));
        self.ops.push(Op::Close);
        self
    }

    /// The block as decoration only (a table header repeated after a page break): its structure
    /// is dropped and everything in it is marked as an artifact, so a screen reader reads it once.
    pub fn into_artifact(mut self) -> Block {
        self.ops.retain(|op| !matches!(op, Op::Open(_) | Op::Close));
        self.tagged(Role::Artifact)
    }
}

/// Words of a paragraph split at ordinary spaces only (no-break spaces keep their words together),
/// with a short unit after a number kept on its number: "6,2 h", "1,75 mg", "25 %".
fn glue_units(paragraph: &str) -> Vec<String> {
    let mut words: Vec<String> = vec![];
    for word in paragraph.split([' ', '\t']).filter(|w| !w.is_empty()) {
        let short = word.chars().count() <= 3 && !word.starts_with(|c: char| c.is_ascii_digit());
        match words.last_mut() {
            Some(prev) if short && prev.ends_with(|c: char| c.is_ascii_digit()) => {
                prev.push(' ');
                prev.push_str(word);
            }
            _ => words.push(word.to_owned()),
        }
    }
    words
}

/// Breaks `text` into lines no wider than `width`; words longer than a line are split.
pub fn wrap(fonts: &Fonts, text: &str, weight: Weight, size: f32, width: f32) -> Vec<String> {
    let mut lines = vec![];
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in glue_units(paragraph) {
            let word = word.as_str();
            let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
            if fonts.width(&candidate, weight, size) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // The word alone: split it by characters if it is wider than the line.
            for c in word.chars() {
                line.push(c);
                if fonts.width(&line, weight, size) > width && line.chars().count() > 1 {
                    line.pop();
                    lines.push(std::mem::take(&mut line));
                    line.push(c);
                }
            }
        }
        if !line.is_empty() || paragraph.trim().is_empty() && !lines.is_empty() {
            lines.push(line);
        }
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// A paragraph of wrapped text as a block: lines of `size` with `leading` between baselines.
pub fn paragraph(
    fonts: &Fonts,
    text: &str,
    weight: Weight,
    size: f32,
    grey: u8,
    width: f32,
    leading: f32,
) -> Block {
    let lines = wrap(fonts, text, weight, size, width);
    let mut b = Block::default();
    let ascent = size * 0.78;
    for (i, line) in lines.iter().enumerate() {
        b.text(0.0, ascent + i as f32 * leading, size, weight, grey, line);
    }
    b.h = (lines.len() as f32 - 1.0) * leading + size * 1.05;
    // One paragraph, however many lines it wraps to (inside a cell or heading it merges).
    b.tagged(Role::P)
}

/// The pages being filled, top to bottom.
pub struct Flow {
    /// Finished pages and the current one (last).
    pub pages: Vec<Vec<Op>>,
    /// Where the next block goes on the current page.
    pub y: f32,
    /// Height kept free at the bottom of the last page for the sections still to come (each at
    /// least its heading and "… and N more"), so a full page never swallows a section silently.
    pub reserve: f32,
}

impl Default for Flow {
    fn default() -> Self {
        Self::new()
    }
}

impl Flow {
    /// One empty page.
    pub fn new() -> Self {
        Self { pages: vec![vec![]], y: TOP, reserve: 0.0 }
    }

    /// Space left on the current page.
    pub fn room(&self) -> f32 {
        BOTTOM - self.y - if self.can_break() { 0.0 } else { self.reserve }
    }

    /// Room on an empty page; the last page keeps the reserve.
    fn fresh_room(&self, last: bool) -> f32 {
        BOTTOM - TOP - if last { self.reserve } else { 0.0 }
    }

    /// True while another page may still be started.
    pub fn can_break(&self) -> bool {
        self.pages.len() < MAX_PAGES
    }

    /// Starts the next page; false when the document already has its last page.
    pub fn new_page(&mut self) -> bool {
        if !self.can_break() {
            return false;
        }
        self.pages.push(vec![]);
        self.y = TOP;
        true
    }

    /// Makes sure `h` points fit, starting a page if needed; false when they cannot fit any more.
    pub fn fit(&mut self, h: f32) -> bool {
        if h <= self.room() {
            return true;
        }
        h <= self.fresh_room(self.pages.len() + 1 >= MAX_PAGES) && self.new_page()
    }

    /// Starts a new page first when `h` points do not fit here but would fit on an empty page, so
    /// a section that can stay together does.
    pub fn keep_together(&mut self, h: f32) {
        if h > self.room() && h <= self.fresh_room(self.pages.len() + 1 >= MAX_PAGES) {
            self.new_page();
        }
    }

    /// Places a block at the left margin and the current position.
    pub fn place(&mut self, block: Block) {
        self.place_at(block, MARGIN_X);
    }

    /// Adds a structure mark (no drawing) at the current position.
    pub fn mark(&mut self, op: Op) {
        if let Some(page) = self.pages.last_mut() {
            page.push(op);
        }
    }

    /// Places a block at `x` and the current position.
    pub fn place_at(&mut self, block: Block, x: f32) {
        let y = self.y;
        if let Some(page) = self.pages.last_mut() {
            page.extend(block.ops.into_iter().map(|op| op.shifted(x, y)));
        }
        self.y += block.h;
    }

    /// Places a section: its heading kept with the first item, then the items in order. A table
    /// header (if any) is repeated after a page break. When the last page is full, one line made
    /// by `more(n)` says how many items were left out, so nothing disappears silently.
    pub fn section(
        &mut self,
        heading: Block,
        header: Option<Block>,
        items: Vec<Block>,
        more: &dyn Fn(usize) -> Block,
    ) {
        let more_h = more(items.len().max(1)).h;
        let header_h = header.as_ref().map_or(0.0, |h| h.h);
        let total = items.len();
        let mut first = true;
        for (i, item) in items.into_iter().enumerate() {
            // On the last page, keep room for the "… and N more" line while items remain.
            let need = |last_page: bool, lead: f32| {
                let reserve = if i + 1 < total && last_page { more_h } else { 0.0 };
                lead + if first { heading.h + header_h } else { 0.0 } + item.h + reserve
            };
            if need(!self.can_break(), 0.0) > self.room() {
                let lead = if first { 0.0 } else { header_h };
                let next_is_last = self.pages.len() + 1 >= MAX_PAGES;
                if self.can_break() && need(next_is_last, lead) <= self.fresh_room(next_is_last) {
                    self.new_page();
                    if !first {
                        // Continue a table on the new page under its header (read once).
                        if let Some(h) = &header {
                            self.place(h.clone().into_artifact());
                        }
                    }
                } else {
                    if !first && header.is_some() {
                        self.mark(Op::Close);
                    }
                    if first && heading.h + more_h <= self.room() {
                        self.place(heading.clone());
                    }
                    if more_h <= self.room() {
                        self.place(more(total - i));
                    }
                    return;
                }
            }
            if first {
                self.place(heading.clone());
                if let Some(h) = &header {
                    // A section with a header is a table: header row, then a row per item.
                    self.mark(Op::Open(Role::Table));
                    self.place(h.clone());
                }
                first = false;
            }
            self.place(item);
        }
        if !first && header.is_some() {
            self.mark(Op::Close);
        }
        if first {
            // A section without items still shows its heading.
            if self.fit(heading.h) {
                self.place(heading);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_respects_the_width_and_keeps_every_word() {
        let fonts = Fonts::load().unwrap();
        let text =
            "Est-ce que je peux arrêter plus vite après l'été, ou faut-il attendre la prochaine étape ?";
        let lines = wrap(&fonts, text, Weight::Regular, 9.0, 120.0);
        assert!(lines.len() > 2);
        for line in &lines {
            assert!(fonts.width(line, Weight::Regular, 9.0) <= 120.0, "{line}");
        }
        assert_eq!(lines.join(" "), text);
        let long = wrap(&fonts, &"x".repeat(200), Weight::Regular, 9.0, 50.0);
        assert!(long.len() > 3 && long.iter().all(|l| fonts.width(l, Weight::Regular, 9.0) <= 50.0));
        assert_eq!(wrap(&fonts, "", Weight::Regular, 9.0, 50.0), vec![String::new()]);
        assert_eq!(wrap(&fonts, "a\nb", Weight::Regular, 9.0, 50.0), vec!["a", "b"]);
        // A number keeps its unit, and a no-break space is not a break.
        let lines = wrap(&fonts, "Durée moyenne de sommeil : 6,2 h", Weight::Regular, 9.0, 128.0);
        assert_eq!(lines.last().map(String::as_str), Some("6,2 h"), "{lines:?}");
        let lines = wrap(&fonts, "aaaa bbbb 12\u{A0}%", Weight::Regular, 9.0, 40.0);
        assert!(lines.iter().any(|l| l.contains("12\u{A0}%")), "{lines:?}");
    }

    #[test]
    fn a_full_last_page_ends_a_list_with_a_count_of_what_is_left_out() {
        let fonts = Fonts::load().unwrap();
        let mut flow = Flow::new();
        let item = || paragraph(&fonts, "item", Weight::Regular, 9.0, 0, 100.0, 11.0);
        let items: Vec<Block> = (0..200).map(|_| item()).collect();
        let more = |n: usize| paragraph(&fonts, &format!("more {n}"), Weight::Regular, 9.0, 0, 100.0, 11.0);
        flow.section(item(), None, items, &more);
        assert_eq!(flow.pages.len(), MAX_PAGES);
        assert!(flow.y <= BOTTOM);
        let last = flow.pages.last().unwrap();
        let text = last
            .iter()
            .rev()
            .find_map(|op| match op {
                Op::Text { text, .. } => Some(text),
                _ => None,
            })
            .expect("no text");
        assert!(text.starts_with("more "), "{text}");
        let shown: usize = flow
            .pages
            .iter()
            .flatten()
            .filter(|op| matches!(op, Op::Text { text, .. } if text == "item"))
            .count();
        let left: usize = text["more ".len()..].parse().unwrap();
        assert_eq!(shown - 1 + left, 200, "heading + shown + left out = all");
    }

    #[test]
    fn hatching_stays_inside_its_rectangle() {
        let mut b = Block::default();
        b.hatch(10.0, 20.0, 30.0, 40.0, 4.0, &Pen::solid(0, 0.5));
        assert!(!b.ops.is_empty());
        for op in &b.ops {
            let Op::Path { points, .. } = op else { panic!() };
            for (x, y) in points {
                assert!((10.0 - 1e-3..=40.0 + 1e-3).contains(x), "{x}");
                assert!((20.0 - 1e-3..=60.0 + 1e-3).contains(y), "{y}");
            }
        }
    }
}
