//! XML text escaping, one piece for every XML the summaries write (the FHIR narrative's XHTML and
//! the PDF's XMP metadata), so a note or a title can never break either document.

/// Escapes text for XML element content or attribute values (XHTML narrative, XMP metadata), and
/// drops characters XML 1.0 does not allow at all (C0 controls other than tab, line feed and
/// carriage return; U+FFFE, U+FFFF).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// [`escape`], appending to `out`.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
}
