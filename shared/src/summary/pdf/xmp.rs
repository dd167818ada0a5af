//! The XMP metadata packet (ISO 16684-1) every tagged summary carries: the title and language a
//! screen reader announces (the same as the document information's `/Title` and the catalog's
//! `/Lang`), the creation date when the summary has one, and the PDF/UA-1 identification
//! (`pdfuaid:part = 1`, ISO 14289-1 §5) that claims conformance. No PDF/A identification: without
//! an output intent and a full PDF/A check the file does not claim it.

use chrono::NaiveDate;

use crate::summary::xml::escape;

/// The packet, uncompressed (so any reader finds it), deterministic for the same inputs.
pub fn packet(title: &str, lang: &str, date: Option<NaiveDate>) -> String {
    let (title, lang) = (escape(title), escape(lang));
    let created = date
        .map(|d| format!("\n   <xmp:CreateDate>{}</xmp:CreateDate>", d.format("%Y-%m-%d")))
        .unwrap_or_default();
    format!(
        r#"<?xpacket begin="{bom}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>{created}
   <pdf:Producer>Steady</pdf:Producer>
   <pdfuaid:part>1</pdfuaid:part>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>"#,
        bom = '\u{FEFF}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_packet_names_title_language_and_pdf_ua_and_escapes_the_title() {
        let p = packet("Summary — <Anke & \"Jo\">", "fr", NaiveDate::from_ymd_opt(2026, 3, 9));
        assert!(p.contains("<pdfuaid:part>1</pdfuaid:part>"));
        assert!(p.contains("Summary — &lt;Anke &amp; &quot;Jo&quot;&gt;"));
        assert!(p.contains("<rdf:li>fr</rdf:li>"));
        assert!(p.contains("<xmp:CreateDate>2026-03-09</xmp:CreateDate>"));
        assert!(!p.contains("pdfaid"), "no PDF/A claim");
        assert!(!packet("t", "en", None).contains("CreateDate"));
    }
}
