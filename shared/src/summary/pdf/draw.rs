//! Turns the laid-out pages into PDF bytes with krilla: grey-scale paths and text runs drawn with
//! the embedded faces (subset and embedded by krilla, with a ToUnicode map so text is selectable).

use chrono::Datelike;
use krilla::color::luma;
use krilla::geom::{PathBuilder, Point, Size};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, LineCap, LineJoin, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::Document;

use super::fonts::Fonts;
use super::layout::{Op, Pen, PAGE_H, PAGE_W};
use super::PdfError;

/// Document information: title, language and (for reproducible output) the summary's own date.
pub struct Info {
    /// Title shown by PDF viewers.
    pub title: String,
    /// BCP 47 language tag of the text.
    pub language: String,
    /// The day the summary was generated; no creation date is written without one.
    pub date: Option<chrono::NaiveDate>,
}

fn fill(grey: u8) -> Fill {
    Fill { paint: luma::Color::new(grey).into(), opacity: NormalizedF32::ONE, rule: FillRule::NonZero }
}

fn stroke(pen: &Pen) -> Stroke {
    Stroke {
        paint: luma::Color::new(pen.grey).into(),
        width: pen.width,
        miter_limit: 4.0,
        line_cap: LineCap::Butt,
        line_join: LineJoin::Miter,
        opacity: NormalizedF32::ONE,
        dash: pen.dash.as_ref().map(|array| StrokeDash { array: array.clone(), offset: 0.0 }),
    }
}

fn draw_op(surface: &mut Surface<'_>, fonts: &Fonts, op: &Op) {
    match op {
        Op::Text { x, y, size, weight, grey, text } => {
            let face = fonts.face(*weight);
            let glyphs = face.glyphs(text);
            surface.set_stroke(None);
            surface.set_fill(Some(fill(*grey)));
            surface.draw_glyphs(Point::from_xy(*x, *y), &glyphs, face.pdf_font(), text, *size, false);
        }
        Op::Path { points, closed, fill: fill_grey, stroke: pen } => {
            let mut pb = PathBuilder::new();
            for (i, (x, y)) in points.iter().enumerate() {
                if i == 0 {
                    pb.move_to(*x, *y);
                } else {
                    pb.line_to(*x, *y);
                }
            }
            if *closed {
                pb.close();
            }
            // A degenerate path (e.g. every point equal) draws nothing.
            let Some(path) = pb.finish() else { return };
            surface.set_fill(fill_grey.map(fill));
            surface.set_stroke(pen.as_ref().map(stroke));
            surface.draw_path(&path);
        }
    }
}

/// Writes the pages as a PDF.
pub fn write(pages: &[Vec<Op>], fonts: &Fonts, info: Info) -> Result<Vec<u8>, PdfError> {
    let mut document = Document::new();
    let mut metadata = Metadata::new().title(info.title).language(info.language);
    if let Some(d) = info.date {
        let year = u16::try_from(d.year()).map_err(|_| PdfError::Date)?;
        metadata = metadata.creation_date(DateTime::new(year).month(d.month() as u8).day(d.day() as u8));
    }
    document.set_metadata(metadata);
    let size = Size::from_wh(PAGE_W, PAGE_H).ok_or(PdfError::Geometry)?;
    for ops in pages {
        let mut page = document.start_page_with(PageSettings::new(size));
        let mut surface = page.surface();
        for op in ops {
            draw_op(&mut surface, fonts, op);
        }
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|e| PdfError::Write(format!("{e:?}")))
}
