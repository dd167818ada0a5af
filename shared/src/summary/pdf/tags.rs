//! Tagged PDF (PDF/UA-1, ISO 14289-1): the structure tree a screen reader follows. The layout puts
//! [`Op::Open`](super::layout::Op::Open) / [`Op::Close`](super::layout::Op::Close) marks around its
//! content in reading order; while the pages are drawn, [`Tree`] turns every text run into marked
//! content (BDC … EMC with an MCID) owned by its structure element, and everything else (rules,
//! shading, footers, a repeated table header) into artifacts. Charts are one `Figure` each, with an
//! `/Alt` that states their numbers. Afterwards [`Tree::write`] writes the elements, the
//! `/StructTreeRoot` with its `/ParentTree`, so every MCID leads back to its element.

use pdf_writer::types::{StructRole, TableHeaderScope};
use pdf_writer::{Content, Finish, Name, Pdf, Ref, TextStr};

/// A structure element's role (the standard PDF 1.7 structure types used here).
#[derive(Debug, Clone, PartialEq)]
pub enum Role {
    /// The document title.
    H1,
    /// A section title.
    H2,
    /// A paragraph (a label and its value stay in one).
    P,
    /// A table.
    Table,
    /// A table row.
    Tr,
    /// A column header cell (`/Scope /Column`: it labels the cells below it).
    Th,
    /// A data cell.
    Td,
    /// A chart, with the text a screen reader reads instead.
    Figure(String),
    /// Decoration: never read.
    Artifact,
}

impl Role {
    fn kind(&self) -> Option<StructRole> {
        Some(match self {
            Role::H1 => StructRole::H1,
            Role::H2 => StructRole::H2,
            Role::P => StructRole::P,
            Role::Table => StructRole::Table,
            Role::Tr => StructRole::TR,
            Role::Th => StructRole::TH,
            Role::Td => StructRole::TD,
            Role::Figure(_) => StructRole::Figure,
            Role::Artifact => return None,
        })
    }

    /// The tag written before its marked content.
    fn tag(&self) -> &'static [u8] {
        match self {
            Role::H1 => b"H1",
            Role::H2 => b"H2",
            Role::P => b"P",
            Role::Table => b"Table",
            Role::Tr => b"TR",
            Role::Th => b"TH",
            Role::Td => b"TD",
            Role::Figure(_) => b"Figure",
            Role::Artifact => b"Artifact",
        }
    }

    /// Elements whose content is read as one: a paragraph inside them merges into them.
    fn is_leaf(&self) -> bool {
        matches!(self, Role::H1 | Role::H2 | Role::P | Role::Figure(_))
    }
}

enum Kid {
    Elem(usize),
    /// Page index and MCID.
    Mcid(usize, i32),
}

struct Elem {
    role: Role,
    parent: Option<usize>,
    kids: Vec<Kid>,
}

/// One entry of the open-element stack.
#[derive(Clone, Copy)]
enum Frame {
    Elem(usize),
    /// An element merged into its parent (a paragraph inside a cell's paragraph).
    Merged,
    /// Decoration.
    Artifact,
}

/// The marked-content sequence currently open in a page's content stream.
#[derive(Clone, Copy, PartialEq)]
enum Mark {
    Artifact,
    Elem(usize),
}

/// The structure tree being built while the pages are drawn.
#[derive(Default)]
pub struct Tree {
    elems: Vec<Elem>,
    stack: Vec<Frame>,
    /// Per page: the element owning each MCID (index = MCID).
    pages: Vec<Vec<usize>>,
    open: Option<Mark>,
}

impl Tree {
    /// Starts drawing a new page.
    pub fn begin_page(&mut self) {
        self.pages.push(vec![]);
        self.open = None;
    }

    /// Ends the page's open marked-content sequence.
    pub fn end_page(&mut self, content: &mut Content) {
        if self.open.take().is_some() {
            content.end_marked_content();
        }
    }

    fn innermost(&self) -> Option<usize> {
        self.stack.iter().rev().find_map(|f| match f {
            Frame::Elem(i) => Some(*i),
            _ => None,
        })
    }

    fn in_artifact(&self) -> bool {
        self.stack.iter().any(|f| matches!(f, Frame::Artifact))
    }

    /// Opens a structure element.
    pub fn open(&mut self, role: &Role) {
        let merged = self.in_artifact()
            || self.innermost().is_some_and(|i| self.elems[i].role.is_leaf()) && role.kind().is_some();
        if merged {
            self.stack.push(Frame::Merged);
            return;
        }
        if *role == Role::Artifact {
            self.stack.push(Frame::Artifact);
            return;
        }
        let parent = self.innermost();
        let index = self.elems.len();
        self.elems.push(Elem { role: role.clone(), parent, kids: vec![] });
        if let Some(p) = parent {
            self.elems[p].kids.push(Kid::Elem(index));
        }
        self.stack.push(Frame::Elem(index));
    }

    /// Closes the innermost element.
    pub fn close(&mut self) {
        self.stack.pop();
    }

    /// Marks what is drawn next: text belongs to the innermost element (a paragraph of its own
    /// when none is open), a path only to a figure; all else is an artifact. Returns true when a
    /// paragraph was opened for a loose text run: the caller closes it after drawing the run.
    pub fn before(&mut self, content: &mut Content, text: bool) -> bool {
        let owner = if self.in_artifact() { None } else { self.innermost() };
        let owner = match owner {
            Some(i) if text || matches!(self.elems[i].role, Role::Figure(_)) => Some(i),
            None if text && !self.in_artifact() => {
                self.open(&Role::P);
                let loose = self.innermost();
                self.set(content, loose.map_or(Mark::Artifact, Mark::Elem));
                return true;
            }
            _ => None,
        };
        self.set(content, owner.map_or(Mark::Artifact, Mark::Elem));
        false
    }

    fn set(&mut self, content: &mut Content, mark: Mark) {
        if self.open == Some(mark) {
            return;
        }
        if self.open.take().is_some() {
            content.end_marked_content();
        }
        match mark {
            Mark::Artifact => {
                content.begin_marked_content(Name(Role::Artifact.tag()));
            }
            Mark::Elem(i) => {
                let page = self.pages.len().saturating_sub(1);
                let mcids = &mut self.pages[page];
                let mcid = mcids.len() as i32;
                mcids.push(i);
                self.elems[i].kids.push(Kid::Mcid(page, mcid));
                content
                    .begin_marked_content_with_properties(Name(self.elems[i].role.tag()))
                    .properties()
                    .identify(mcid);
            }
        }
        self.open = Some(mark);
    }

    /// Elements that carry content (directly or below), and every table cell (a table keeps its
    /// shape even when a cell is empty).
    fn kept(&self) -> Vec<bool> {
        let mut keep: Vec<bool> = self
            .elems
            .iter()
            .map(|e| {
                matches!(e.role, Role::Th | Role::Td) || e.kids.iter().any(|k| matches!(k, Kid::Mcid(..)))
            })
            .collect();
        // Children come after their parents: one pass from the end carries "kept" upwards.
        for i in (0..self.elems.len()).rev() {
            if keep[i] {
                if let Some(p) = self.elems[i].parent {
                    keep[p] = true;
                }
            }
        }
        keep
    }

    /// Writes the structure tree: a `Document` element holding every top-level element, the
    /// `/StructTreeRoot` and its `/ParentTree` (one array per page, indexed by MCID). `page_ids`
    /// are the pages in order; each page must carry `/StructParents` = its index.
    pub fn write(
        &self,
        pdf: &mut Pdf,
        alloc: &mut impl FnMut() -> Ref,
        root: Ref,
        page_ids: &[Ref],
        lang: &str,
    ) {
        let keep = self.kept();
        let doc = alloc();
        let refs: Vec<Option<Ref>> = keep.iter().map(|k| k.then(&mut *alloc)).collect();
        let arrays: Vec<Ref> = self.pages.iter().map(|_| alloc()).collect();

        let mut root_dict = pdf.indirect(root).start::<pdf_writer::writers::StructTreeRoot>();
        root_dict.child(doc);
        {
            let mut tree = root_dict.parent_tree();
            let mut nums = tree.nums();
            for (i, array) in arrays.iter().enumerate() {
                nums.insert(i as i32, *array);
            }
        }
        root_dict.parent_tree_next_key(self.pages.len() as i32);
        root_dict.finish();

        let mut document = pdf.struct_element(doc);
        document.kind(StructRole::Document).parent(root).lang(TextStr(lang));
        let top: Vec<Ref> = self
            .elems
            .iter()
            .zip(&refs)
            .filter(|(e, _)| e.parent.is_none())
            .filter_map(|(_, r)| *r)
            .collect();
        document.children().items(top);
        document.finish();

        for (i, e) in self.elems.iter().enumerate() {
            let (Some(id), Some(kind)) = (refs[i], e.role.kind()) else { continue };
            let parent = e.parent.and_then(|p| refs[p]).unwrap_or(doc);
            let mut el = pdf.struct_element(id);
            el.kind(kind).parent(parent);
            if let Role::Figure(alt) = &e.role {
                el.alt(TextStr(alt));
            }
            if e.role == Role::Th {
                el.attributes().push().table().scope(TableHeaderScope::Column);
            }
            let kids: Vec<&Kid> =
                e.kids.iter().filter(|k| !matches!(k, Kid::Elem(c) if refs[*c].is_none())).collect();
            // A single kid is written on its own, not as a one-item array (the simpler form, and
            // the one every checker reads).
            match kids.as_slice() {
                [] => {}
                [Kid::Elem(c)] => {
                    el.child(refs[*c].unwrap_or(doc));
                }
                [Kid::Mcid(page, mcid)] => {
                    el.marked_content_child().page(page_ids[*page]).marked_content_id(*mcid);
                }
                many => {
                    let mut array = el.children();
                    for k in many {
                        match **k {
                            Kid::Elem(c) => {
                                array.struct_element(refs[c].unwrap_or(doc));
                            }
                            Kid::Mcid(page, mcid) => {
                                array.marked_content_ref().page(page_ids[page]).marked_content_id(mcid);
                            }
                        }
                    }
                }
            }
            el.finish();
        }

        for (page, array) in self.pages.iter().zip(&arrays) {
            pdf.indirect(*array).array().items(page.iter().map(|&i| refs[i].unwrap_or(doc)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Draws a text run (`true`) or a path (`false`) as the drawing code does.
    fn draw(tree: &mut Tree, content: &mut Content, text: bool) {
        if tree.before(content, text) {
            tree.close();
        }
    }

    #[test]
    fn text_is_owned_by_its_element_decoration_is_an_artifact_and_paragraphs_merge() {
        let mut tree = Tree::default();
        let mut content = Content::new();
        tree.begin_page();
        draw(&mut tree, &mut content, true); // a loose run: a paragraph of its own
        tree.open(&Role::Table);
        tree.open(&Role::Tr);
        tree.open(&Role::Th);
        tree.open(&Role::P);
        draw(&mut tree, &mut content, true);
        tree.close();
        tree.close();
        tree.close();
        draw(&mut tree, &mut content, false); // a rule under the row: decoration
        tree.close();
        tree.open(&Role::P);
        tree.open(&Role::P); // a paragraph inside a paragraph merges into it
        draw(&mut tree, &mut content, true);
        draw(&mut tree, &mut content, true); // same element: same marked-content sequence
        tree.close();
        tree.close();
        tree.open(&Role::Figure("a chart of 3 numbers".into()));
        draw(&mut tree, &mut content, false); // a chart's lines belong to the figure
        tree.close();
        tree.open(&Role::Artifact);
        tree.open(&Role::P);
        draw(&mut tree, &mut content, true); // a footer: never read
        tree.close();
        tree.close();
        tree.end_page(&mut content);

        let roles: Vec<&Role> = tree.elems.iter().map(|e| &e.role).collect();
        assert_eq!(
            roles,
            [
                &Role::P,
                &Role::Table,
                &Role::Tr,
                &Role::Th,
                &Role::P,
                &Role::P,
                &Role::Figure("a chart of 3 numbers".into())
            ]
        );
        // MCIDs 0 (loose P), 1 (P in TH), 2 (merged P, both runs), 3 (figure).
        assert_eq!(tree.pages, vec![vec![0, 4, 5, 6]]);
        let stream = String::from_utf8_lossy(&content.finish()).into_owned();
        assert_eq!(stream.matches("BDC").count(), 4, "{stream}");
        assert_eq!(stream.matches("/Artifact BMC").count(), 2, "{stream}");
        assert_eq!(
            stream.matches("BDC").count() + stream.matches("BMC").count(),
            stream.matches("EMC").count()
        );
        assert!(tree.kept().iter().all(|k| *k));
    }
}
