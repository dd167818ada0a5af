//! The two embedded faces (Noto Sans Regular and Bold, SIL Open Font License 1.1, subset by
//! `tests/pdf/make-fonts.sh`) and the only text metrics the layout needs: advance widths from the
//! font itself, so what is measured is exactly what is drawn. krilla embeds a subset of each face in
//! the PDF with a ToUnicode map, so every word stays selectable and searchable.

use std::ops::Range;

use krilla::text::{Font, GlyphId, KrillaGlyph};
use skrifa::charmap::Charmap;
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, MetadataProvider};

use super::PdfError;

static REGULAR: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf");
static BOLD: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf");

/// Which face a run of text uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    /// Noto Sans Regular.
    Regular,
    /// Noto Sans Bold.
    Bold,
}

/// One face: the font krilla embeds, and its character map and advances for measuring.
pub struct Face {
    pdf: Font,
    charmap: Charmap<'static>,
    metrics: GlyphMetrics<'static>,
    units_per_em: f32,
    /// Glyph and advance for characters the face lacks: U+FFFD if present, else `.notdef`.
    fallback: (u32, f32),
}

impl Face {
    fn load(data: &'static [u8], name: &'static str) -> Result<Self, PdfError> {
        let font = FontRef::new(data).map_err(|_| PdfError::Font(name))?;
        let pdf = Font::new(data.into(), 0).ok_or(PdfError::Font(name))?;
        let units_per_em = f32::from(font.metrics(Size::unscaled(), LocationRef::default()).units_per_em);
        if units_per_em <= 0.0 {
            return Err(PdfError::Font(name));
        }
        let charmap = font.charmap();
        let metrics = font.glyph_metrics(Size::unscaled(), LocationRef::default());
        let mut face = Self { pdf, charmap, metrics, units_per_em, fallback: (0, 0.5) };
        let notdef = face.metrics.advance_width(skrifa::GlyphId::new(0)).unwrap_or(500.0) / units_per_em;
        face.fallback =
            face.charmap.map('\u{FFFD}').map(|g| (g.to_u32(), face.advance(g))).unwrap_or((0, notdef));
        Ok(face)
    }

    fn advance(&self, glyph: skrifa::GlyphId) -> f32 {
        self.metrics.advance_width(glyph).unwrap_or(0.0) / self.units_per_em
    }

    /// Glyph id and advance (in em) for one character.
    fn glyph(&self, c: char) -> (u32, f32) {
        match self.charmap.map(c) {
            Some(g) if g.to_u32() != 0 => (g.to_u32(), self.advance(g)),
            _ => self.fallback,
        }
    }

    /// Width of `text` at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.glyph(c).1).sum::<f32>() * size
    }

    /// One glyph per character, each mapped back to its bytes in `text` so the PDF's text layer
    /// reads exactly `text` (also for a character drawn with the fallback glyph).
    pub fn glyphs(&self, text: &str) -> Vec<KrillaGlyph> {
        text.char_indices()
            .map(|(i, c)| {
                let (id, advance) = self.glyph(c);
                let range: Range<usize> = i..i + c.len_utf8();
                KrillaGlyph::new(GlyphId::new(id), advance, 0.0, 0.0, 0.0, range, None)
            })
            .collect()
    }

    /// The font krilla embeds.
    pub fn pdf_font(&self) -> Font {
        self.pdf.clone()
    }
}

/// Both faces.
pub struct Fonts {
    regular: Face,
    bold: Face,
}

impl Fonts {
    /// Reads the embedded faces.
    pub fn load() -> Result<Self, PdfError> {
        Ok(Self {
            regular: Face::load(REGULAR, "NotoSans-Regular")?,
            bold: Face::load(BOLD, "NotoSans-Bold")?,
        })
    }

    /// The face for `weight`.
    pub fn face(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// Width of `text` in `weight` at `size` points.
    pub fn width(&self, text: &str, weight: Weight, size: f32) -> f32 {
        self.face(weight).width(text, size)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_a_summary_uses_has_a_glyph_in_both_faces() {
        let fonts = Fonts::load().unwrap();
        let sample = "éèêëïîôœøåæÉÈÅØÆçàùûüÿñß «»“”‘’„–—−≈≤≥…•·→↑↓\u{A0}\u{202F}€ ΑΩαω ДЖжя";
        for weight in [Weight::Regular, Weight::Bold] {
            let face = fonts.face(weight);
            for c in sample.chars() {
                assert!(face.charmap.map(c).is_some_and(|g| g.to_u32() != 0), "{weight:?} lacks {c:?}");
            }
        }
    }

    #[test]
    fn widths_follow_the_font_and_missing_characters_still_measure() {
        let fonts = Fonts::load().unwrap();
        let w = fonts.width("Steady", Weight::Regular, 10.0);
        assert!(w > 20.0 && w < 50.0, "{w}");
        assert!(fonts.width("Steady", Weight::Bold, 10.0) > w, "bold is wider");
        assert!((fonts.width("Steady", Weight::Regular, 20.0) - 2.0 * w).abs() < 1e-3);
        // A character outside the subset (Han) is drawn with the fallback glyph, never zero-width.
        assert!(fonts.width("漢", Weight::Regular, 10.0) > 1.0);
        let glyphs = fonts.face(Weight::Regular).glyphs("aé漢");
        assert_eq!(glyphs.len(), 3);
        assert_eq!((glyphs[1].text_range.clone(), glyphs[2].text_range.clone()), (1..3, 3..6));
    }
}
