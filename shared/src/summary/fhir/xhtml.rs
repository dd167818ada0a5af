//! A tiny builder for FHIR narrative: XHTML in the `http://www.w3.org/1999/xhtml` namespace, using
//! only the elements FHIR allows in a narrative (`p`, `ul`/`li`, `table` and its parts, `b`). Every
//! piece of text goes through [`escape`], so a note with `<`, `&` or a control character can never
//! break the document or inject markup.

/// The XHTML namespace FHIR requires on the narrative's root `div` (txt-1 / txt-3).
pub const XHTML_NS: &str = "http://www.w3.org/1999/xhtml";

pub use crate::summary::xml::escape;
use crate::summary::xml::escape_into;

/// The finished `div` of a narrative that is one paragraph of `text`: what `Xhtml::new().p(text)`
/// finishes as, made with one allocation (every resource of a bundle has one).
pub fn paragraph_div(text: &str) -> String {
    let mut out = String::with_capacity(XHTML_NS.len() + text.len() + 40);
    out.push_str("<div xmlns=\"");
    out.push_str(XHTML_NS);
    out.push_str("\"><p>");
    escape_into(&mut out, text);
    out.push_str("</p></div>");
    out
}

/// Narrative under construction: a sequence of block elements inside the root `div`.
#[derive(Default)]
pub struct Xhtml {
    body: String,
}

impl Xhtml {
    /// An empty narrative.
    pub fn new() -> Self {
        Self::default()
    }

    /// A paragraph of plain text.
    pub fn p(&mut self, text: &str) -> &mut Self {
        self.body.push_str("<p>");
        self.body.push_str(&escape(text));
        self.body.push_str("</p>");
        self
    }

    /// A paragraph that starts with a bold label, e.g. "Prescribed: 14 doses".
    pub fn labelled(&mut self, label: &str, text: &str) -> &mut Self {
        self.body.push_str("<p><b>");
        self.body.push_str(&escape(label));
        self.body.push_str("</b> ");
        self.body.push_str(&escape(text));
        self.body.push_str("</p>");
        self
    }

    /// A bulleted list; nothing when `items` is empty.
    pub fn ul<S: AsRef<str>>(&mut self, items: &[S]) -> &mut Self {
        if items.is_empty() {
            return self;
        }
        self.body.push_str("<ul>");
        for item in items {
            self.body.push_str("<li>");
            self.body.push_str(&escape(item.as_ref()));
            self.body.push_str("</li>");
        }
        self.body.push_str("</ul>");
        self
    }

    /// A table with a header row; nothing when `rows` is empty.
    pub fn table<H: AsRef<str>, S: AsRef<str>>(&mut self, headers: &[H], rows: &[Vec<S>]) -> &mut Self {
        if rows.is_empty() {
            return self;
        }
        self.body.push_str("<table><thead><tr>");
        for h in headers {
            self.body.push_str("<th>");
            self.body.push_str(&escape(h.as_ref()));
            self.body.push_str("</th>");
        }
        self.body.push_str("</tr></thead><tbody>");
        for row in rows {
            self.body.push_str("<tr>");
            for cell in row {
                self.body.push_str("<td>");
                self.body.push_str(&escape(cell.as_ref()));
                self.body.push_str("</td>");
            }
            self.body.push_str("</tr>");
        }
        self.body.push_str("</tbody></table>");
        self
    }

    /// The finished `div`, with the namespace; a narrative is never empty (txt-2), so an empty body
    /// becomes a single paragraph saying so.
    pub fn finish(&self) -> String {
        let body = if self.body.is_empty() { "<p>Nothing to show.</p>" } else { self.body.as_str() };
        format!("<div xmlns=\"{XHTML_NS}\">{body}</div>")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_control_characters_dropped() {
        assert_eq!(escape("a<b & \"c\" 'd'>\u{1}\u{7}\tz"), "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;\tz");
        let mut x = Xhtml::new();
        x.p("<script>alert(1)</script>").table(&["A"], &[vec!["x&y"]]).ul(&["1 < 2"]);
        let div = x.finish();
        assert!(div.starts_with("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>&lt;script&gt;"));
        assert!(div.contains("<td>x&amp;y</td>") && div.contains("<li>1 &lt; 2</li>"));
        assert!(Xhtml::new().finish().contains("<p>"));
        for text in ["", "a <b> & c", "plain"] {
            assert_eq!(paragraph_div(text), Xhtml::new().p(text).finish());
        }
    }
}
