//! The summary as a PDF a clinician reads in ten minutes: A4, one page for what matters most
//! (period, DE table and source, key figures with the current prescribed dose in its own mg, a chart
//! of daily diazepam equivalents with the taper plan's planned dose, sleep and anxiety by week, the
//! patient's questions, goals with their reviews), and a second page only when the taper plan, doses per molecule, weekly means and
//! notes need it. Never more than two pages: a list that would run further ends with "… and N more".
//!
//! Made with [pdf-writer](https://docs.rs/pdf-writer) (the PDF library of the typst project, which
//! krilla is built on: typed objects and streams, no hand-written PDF syntax) and
//! [subsetter](https://docs.rs/subsetter). krilla itself was tried first and rendered the same
//! pages, but with its font stack (skrifa, write-fonts, subsetter's variable-font support) it added
//! about 2.2 MB to the stripped release library, past the 4 MB budget; printpdf 0.7 links a 650 KB
//! ICC profile and lopdf. Here the whole renderer, fonts included, costs about 0.55 MB.
//!
//! The embedded Noto Sans Regular and Bold (SIL OFL 1.1, `shared/assets/fonts/`) are subset into
//! the file with a ToUnicode map, so every accent of French, Dutch and Norwegian prints and the text
//! stays selectable. Every word comes from [`Texts`]. Grey levels, dash styles, hatching and marker
//! shapes carry every distinction, so a black-and-white printout reads the same. The same summary
//! and language always give the same bytes: the only date written is the summary's `generated_on`.
//!
//! The file is a tagged PDF meant to meet the machine-checkable part of PDF/UA-1 (ISO 14289-1): a
//! structure tree in reading order (title, section headings, paragraphs, tables with column headers,
//! one figure per chart with alternative text that states its numbers), every text run marked and
//! owned by its element, decoration marked as artifacts, the language, a title viewers show, and
//! XMP metadata with the PDF/UA identification ([`tags`], [`xmp`]).

mod chart;
mod draw;
mod fonts;
mod layout;
mod sections;
mod tags;
mod words;
mod xmp;

use crate::domain::Keyed;
use thiserror::Error;

use super::Summary;
use crate::i18n::Texts;

/// Why a PDF could not be made.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum PdfError {
    /// An embedded font could not be read (a build problem, not a data problem).
    #[error("the embedded font {0} could not be read")]
    Font(&'static str),
    /// An embedded font could not be subset.
    #[error("the embedded font {0} could not be subset: {1}")]
    Subset(&'static str, String),
    /// The summary's date cannot be written as a PDF date.
    #[error("the summary's date is out of range for a PDF")]
    Date,
}

/// Renders `summary` as PDF bytes in the language of `texts`.
pub fn render(summary: &Summary, texts: &Texts) -> Result<Vec<u8>, PdfError> {
    let fonts = fonts::Fonts::load()?;
    let ctx = sections::Ctx { s: summary, t: texts, f: &fonts };
    let pages = sections::layout(&ctx);
    let info = draw::Info {
        title: sections::title(&ctx),
        language: texts.lang().key().to_owned(),
        date: summary.generated_on,
    };
    draw::write(&pages, &fonts, info)
}

/// The text runs of each page, in reading order, exactly as laid out: how tests read what a
/// summary's PDF says (its content streams are compressed and its glyphs subset).
pub fn text_runs(summary: &Summary, texts: &Texts) -> Result<Vec<Vec<String>>, PdfError> {
    let fonts = fonts::Fonts::load()?;
    let ctx = sections::Ctx { s: summary, t: texts, f: &fonts };
    let pages = sections::layout(&ctx);
    Ok(pages
        .iter()
        .map(|ops| {
            ops.iter()
                .filter_map(|op| match op {
                    layout::Op::Text { text, .. } => Some(text.clone()),
                    _ => None,
                })
                .collect()
        })
        .collect())
}

/// The alternative text of each chart (`/Alt` of its `Figure`), in the order they appear.
pub fn figure_alts(summary: &Summary, texts: &Texts) -> [String; 2] {
    [chart::de_alt(texts, summary), chart::sleep_anxiety_alt(texts, summary)]
}
