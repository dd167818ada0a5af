//! Turns the laid-out pages into PDF bytes with pdf-writer: grey-scale paths and text drawn with the
//! embedded faces. Each face is subset to the glyphs the document uses (subsetter) and embedded as
//! a CID-keyed TrueType font with its widths and a ToUnicode map, so the text is selectable and
//! searchable in every language. Content and font streams are deflate-compressed. The document is
//! tagged (see [`super::tags`]): language, title shown by viewers, XMP metadata with the PDF/UA-1
//! identification (see [`super::xmp`]).

use std::collections::BTreeMap;

use chrono::Datelike;
use miniz_oxide::deflate::compress_to_vec_zlib;
use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, TabOrder, UnicodeCmap};
use pdf_writer::{Content, Date, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use subsetter::GlyphRemapper;

use super::fonts::{Face, Fonts, Weight};
use super::layout::{Op, Pen, PAGE_H, PAGE_W};
use super::tags::Tree;
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

/// The glyphs one face draws in the document, with the character each one stands for.
struct Used {
    weight: Weight,
    resource: &'static str,
    /// Original glyph id → first character drawn with it.
    glyphs: BTreeMap<u16, char>,
    remapper: GlyphRemapper,
}

impl Used {
    fn new(weight: Weight, resource: &'static str) -> Self {
        Self { weight, resource, glyphs: BTreeMap::new(), remapper: GlyphRemapper::new() }
    }
}

fn gray(level: u8) -> f32 {
    f32::from(level) / 255.0
}

fn compress(data: &[u8]) -> Vec<u8> {
    compress_to_vec_zlib(data, 6)
}

/// A deterministic six-letter subset tag ("ABCDEF+Name") from the glyphs used.
fn subset_tag(glyphs: &BTreeMap<u16, char>) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for g in glyphs.keys() {
        for b in g.to_be_bytes() {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    (0..6).map(|i| char::from(b'A' + ((hash >> (i * 5)) % 26) as u8)).collect()
}

fn path(content: &mut Content, points: &[(f32, f32)], closed: bool, fill: Option<u8>, stroke: Option<&Pen>) {
    let Some(&(x0, y0)) = points.first() else { return };
    if let Some(level) = fill {
        content.set_fill_gray(gray(level));
    }
    if let Some(pen) = stroke {
        content.set_stroke_gray(gray(pen.grey));
        content.set_line_width(pen.width);
        content.set_dash_pattern(pen.dash.iter().flatten().copied(), 0.0);
    }
    content.move_to(x0, PAGE_H - y0);
    for &(x, y) in &points[1..] {
        content.line_to(x, PAGE_H - y);
    }
    if closed {
        content.close_path();
    }
    match (fill.is_some(), stroke.is_some()) {
        (true, true) => content.fill_nonzero_and_stroke(),
        (true, false) => content.fill_nonzero(),
        (false, true) => content.stroke(),
        (false, false) => content.end_path(),
    };
}

/// Writes the pages as a PDF.
pub fn write(pages: &[Vec<Op>], fonts: &Fonts, info: Info) -> Result<Vec<u8>, PdfError> {
    // Which glyphs each face draws, numbered in the subset in a stable order.
    let mut used = [Used::new(Weight::Regular, "F0"), Used::new(Weight::Bold, "F1")];
    for op in pages.iter().flatten() {
        if let Op::Text { weight, text, .. } = op {
            let u = &mut used[usize::from(*weight == Weight::Bold)];
            let face = fonts.face(*weight);
            for c in text.chars() {
                u.glyphs.entry(face.glyph(c)).or_insert(c);
            }
        }
    }
    for u in &mut used {
        let glyphs: Vec<u16> = u.glyphs.keys().copied().collect();
        for g in glyphs {
            u.remapper.remap(g);
        }
    }

    let mut pdf = Pdf::new();
    let mut next = 1;
    let mut alloc = || {
        let r = Ref::new(next);
        next += 1;
        r
    };
    let (catalog_id, tree_id, info_id) = (alloc(), alloc(), alloc());
    let (struct_root_id, metadata_id) = (alloc(), alloc());
    let font_ids: Vec<[Ref; 5]> =
        used.iter().map(|_| [alloc(), alloc(), alloc(), alloc(), alloc()]).collect();
    let page_ids: Vec<(Ref, Ref)> = pages.iter().map(|_| (alloc(), alloc())).collect();

    let mut catalog = pdf.catalog(catalog_id);
    catalog.pages(tree_id).lang(TextStr(&info.language)).metadata(metadata_id);
    catalog.pair(Name(b"StructTreeRoot"), struct_root_id);
    catalog.mark_info().marked(true);
    catalog.viewer_preferences().display_doc_title(true);
    catalog.finish();
    let xmp = super::xmp::packet(&info.title, &info.language, info.date);
    pdf.metadata(metadata_id, xmp.as_bytes());
    let mut doc_info = pdf.document_info(info_id);
    doc_info.title(TextStr(&info.title));
    if let Some(d) = info.date {
        let year = u16::try_from(d.year()).map_err(|_| PdfError::Date)?;
        doc_info.creation_date(Date::new(year).month(d.month() as u8).day(d.day() as u8));
    }
    doc_info.finish();
    pdf.pages(tree_id).kids(page_ids.iter().map(|(page, _)| *page)).count(pages.len() as i32);

    let mut tree = Tree::default();
    for (index, (ops, (page_id, content_id))) in pages.iter().zip(&page_ids).enumerate() {
        let mut page = pdf.page(*page_id);
        page.media_box(Rect::new(0.0, 0.0, PAGE_W, PAGE_H)).parent(tree_id).contents(*content_id);
        page.struct_parents(index as i32).tab_order(TabOrder::StructureOrder);
        let mut resources = page.resources();
        let mut fonts_dict = resources.fonts();
        for (u, ids) in used.iter().zip(&font_ids) {
            if !u.glyphs.is_empty() {
                fonts_dict.pair(Name(u.resource.as_bytes()), ids[0]);
            }
        }
        fonts_dict.finish();
        resources.finish();
        page.finish();

        let mut content = Content::new();
        tree.begin_page();
        for op in ops {
            match op {
                Op::Open(role) => tree.open(role),
                Op::Close => tree.close(),
                Op::Text { x, y, size, weight, grey, text } => {
                    let loose = tree.before(&mut content, true);
                    let u = &used[usize::from(*weight == Weight::Bold)];
                    let face = fonts.face(*weight);
                    let mut bytes = Vec::with_capacity(text.len() * 2);
                    for c in text.chars() {
                        let g = u.remapper.get(face.glyph(c)).unwrap_or(0);
                        bytes.extend_from_slice(&g.to_be_bytes());
                    }
                    content.begin_text();
                    content.set_fill_gray(gray(*grey));
                    content.set_font(Name(u.resource.as_bytes()), *size);
                    content.set_text_matrix([1.0, 0.0, 0.0, 1.0, *x, PAGE_H - *y]);
                    content.show(Str(&bytes));
                    content.end_text();
                    if loose {
                        tree.close();
                    }
                }
                Op::Path { points, closed, fill, stroke } => {
                    tree.before(&mut content, false);
                    path(&mut content, points, *closed, *fill, stroke.as_ref());
                }
            }
        }
        tree.end_page(&mut content);
        let data = compress(&content.finish());
        pdf.stream(*content_id, &data).filter(Filter::FlateDecode);
    }

    let page_refs: Vec<Ref> = page_ids.iter().map(|(page, _)| *page).collect();
    tree.write(&mut pdf, &mut alloc, struct_root_id, &page_refs, &info.language);

    for (u, ids) in used.iter().zip(&font_ids) {
        if !u.glyphs.is_empty() {
            write_font(&mut pdf, fonts.face(u.weight), u, *ids)?;
        }
    }
    Ok(pdf.finish())
}

/// One face as a Type 0 font over a CID TrueType font, subset, with widths and a ToUnicode map.
fn write_font(pdf: &mut Pdf, face: &Face, u: &Used, ids: [Ref; 5]) -> Result<(), PdfError> {
    let [type0_id, cid_id, descriptor_id, file_id, cmap_id] = ids;
    let base = format!("{}+{}", subset_tag(&u.glyphs), face.name);
    let system_info = SystemInfo { registry: Str(b"Adobe"), ordering: Str(b"Identity"), supplement: 0 };

    pdf.type0_font(type0_id)
        .base_font(Name(base.as_bytes()))
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid_id)
        .to_unicode(cmap_id);

    // Widths in subset order (the remapper's order, .notdef first).
    let widths: Vec<f32> = u.remapper.remapped_gids().map(|g| face.advance(g)).collect();
    let mut cid = pdf.cid_font(cid_id);
    cid.subtype(CidFontType::Type2)
        .base_font(Name(base.as_bytes()))
        .system_info(system_info)
        .font_descriptor(descriptor_id)
        .default_width(0.0)
        .cid_to_gid_map_predefined(Name(b"Identity"));
    cid.widths().consecutive(0, widths);
    cid.finish();

    let m = face.metrics();
    pdf.font_descriptor(descriptor_id)
        .name(Name(base.as_bytes()))
        .flags(FontFlags::NON_SYMBOLIC)
        .bbox(Rect::new(m.bbox[0], m.bbox[1], m.bbox[2], m.bbox[3]))
        .italic_angle(0.0)
        .ascent(m.ascent)
        .descent(m.descent)
        .cap_height(m.cap_height)
        .stem_v(if u.weight == Weight::Bold { 140.0 } else { 80.0 })
        .font_file2(file_id);

    let subset = subsetter::subset(face.data, 0, &u.remapper)
        .map_err(|e| PdfError::Subset(face.name, format!("{e:?}")))?;
    let data = compress(&subset);
    pdf.stream(file_id, &data).filter(Filter::FlateDecode).pair(Name(b"Length1"), subset.len() as i32);

    let mut cmap = UnicodeCmap::new(Name(b"Custom"), system_info);
    for (g, c) in &u.glyphs {
        if let Some(new) = u.remapper.get(*g) {
            cmap.pair(new, *c);
        }
    }
    let data = compress(&cmap.finish());
    pdf.stream(cmap_id, &data).filter(Filter::FlateDecode);
    Ok(())
}
