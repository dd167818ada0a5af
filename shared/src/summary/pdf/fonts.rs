//! The two embedded faces (Noto Sans Regular and Bold, SIL Open Font License 1.1, subset by
//! `tests/pdf/make-fonts.sh`) and the only text metrics the layout needs: advance widths from the
//! font itself, so what is measured is exactly what is drawn. The PDF embeds a subset of each face
//! with a ToUnicode map ([`super::draw`]), so every word stays selectable and searchable.

use ttf_parser::{Face as TtfFace, GlyphId};

use super::PdfError;

/// The faces as build.rs compressed them (about half the size in the library).
static REGULAR_Z: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/NotoSans-Regular.ttf.z"));
static BOLD_Z: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/NotoSans-Bold.ttf.z"));

/// A face's bytes, inflated on first use (empty if the blob were damaged: loading then fails with
/// [`PdfError::Font`], never a panic).
fn inflated(slot: &'static std::sync::OnceLock<Vec<u8>>, packed: &[u8]) -> &'static [u8] {
    slot.get_or_init(|| miniz_oxide::inflate::decompress_to_vec_zlib(packed).unwrap_or_default())
}

/// Which face a run of text uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Weight {
    /// Noto Sans Regular.
    Regular,
    /// Noto Sans Bold.
    Bold,
}

/// One face: its bytes (embedded, subset, in the PDF) and its character map and advances.
pub struct Face {
    /// PostScript name, for the PDF font dictionaries.
    pub name: &'static str,
    /// The font file.
    pub data: &'static [u8],
    face: TtfFace<'static>,
    units_per_em: f32,
    /// Glyph for characters the face lacks: U+FFFD if present, else `.notdef`.
    fallback: u16,
}

/// Vertical metrics and bounding box in thousandths of an em, as a PDF font descriptor wants them.
pub struct Metrics {
    /// Ascent.
    pub ascent: f32,
    /// Descent (negative).
    pub descent: f32,
    /// Height of capitals.
    pub cap_height: f32,
    /// Bounding box of all glyphs: left, bottom, right, top.
    pub bbox: [f32; 4],
}

impl Face {
    fn load(data: &'static [u8], name: &'static str) -> Result<Self, PdfError> {
        let face = TtfFace::parse(data, 0).map_err(|_| PdfError::Font(name))?;
        let units_per_em = f32::from(face.units_per_em());
        if units_per_em <= 0.0 {
            return Err(PdfError::Font(name));
        }
        let fallback = face.glyph_index('\u{FFFD}').map_or(0, |g| g.0);
        Ok(Self { name, data, face, units_per_em, fallback })
    }

    /// Glyph id of one character (the fallback glyph when the face lacks it).
    pub fn glyph(&self, c: char) -> u16 {
        match self.face.glyph_index(c) {
            Some(g) if g.0 != 0 => g.0,
            _ => self.fallback,
        }
    }

    /// Advance of a glyph in thousandths of an em (PDF text space units).
    pub fn advance(&self, glyph: u16) -> f32 {
        f32::from(self.face.glyph_hor_advance(GlyphId(glyph)).unwrap_or(0)) * 1000.0 / self.units_per_em
    }

    /// Width of `text` at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance(self.glyph(c))).sum::<f32>() * size / 1000.0
    }

    /// Metrics for the font descriptor.
    pub fn metrics(&self) -> Metrics {
        let scale = |v: i16| f32::from(v) * 1000.0 / self.units_per_em;
        let b = self.face.global_bounding_box();
        Metrics {
            ascent: scale(self.face.ascender()),
            descent: scale(self.face.descender()),
            cap_height: scale(self.face.capital_height().unwrap_or(self.face.ascender())),
            bbox: [scale(b.x_min), scale(b.y_min), scale(b.x_max), scale(b.y_max)],
        }
    }
}

static REGULAR: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
static BOLD: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();

/// Both faces.
pub struct Fonts {
    regular: Face,
    bold: Face,
}

impl Fonts {
    /// Reads the embedded faces.
    pub fn load() -> Result<Self, PdfError> {
        Ok(Self {
            regular: Face::load(inflated(&REGULAR, REGULAR_Z), "NotoSans-Regular")?,
            bold: Face::load(inflated(&BOLD, BOLD_Z), "NotoSans-Bold")?,
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
        let sample = "éèêëïîôœøåæÉÈÅØÆçàùûüÿñß «»“”‘’„–—−≈≤≥…•·→↑↓†¼\u{A0}\u{202F}€ ΑΩαω ДЖжя";
        for weight in [Weight::Regular, Weight::Bold] {
            let face = fonts.face(weight);
            for c in sample.chars() {
                assert!(face.face.glyph_index(c).is_some_and(|g| g.0 != 0), "{weight:?} lacks {c:?}");
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
        let regular = fonts.face(Weight::Regular);
        assert_eq!(regular.glyph('漢'), regular.glyph('\u{FFFD}'));
        assert!(fonts.width("漢", Weight::Regular, 10.0) > 1.0);
        let m = regular.metrics();
        assert!(m.ascent > 500.0 && m.descent < 0.0 && m.cap_height > 500.0 && m.bbox[2] > m.bbox[0]);
    }
}
