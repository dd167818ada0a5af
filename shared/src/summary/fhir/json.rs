//! A streaming writer for the export's JSON, byte for byte what `serde_json::to_vec_pretty` made of
//! the same document held as a `serde_json::Value` with its empty elements pruned (the export's form
//! until November 2026; `bundle` still offers that `Value`, parsed from these bytes).
//!
//! Why not a `Value`: building a tree of a year's ~6,000 resources, pretty-printing it and freeing it
//! took 90 % of the 1-year export (steady-bench, docs/performance.md); writing the bytes as the
//! resources are made allocates next to nothing.
//!
//! Two rules of the `Value` form are kept here:
//! - **Empty elements are left out** (FHIR ele-1): a blank string, and an object or array left
//!   without members, are never written. A member is written speculatively and, when it turns out
//!   empty, cut off again ([`Obj::obj`], [`Obj::arr`]).
//! - **Keys come in sorted order**, as a `Value` map without serde_json's `preserve_order` feature
//!   sorts them. The builders write members in that order; debug builds check it.

use serde_json::ser::{CompactFormatter, Formatter};

/// Pretty JSON under construction (two-space indent, like serde_json's `PrettyFormatter`).
pub(crate) struct Json {
    out: Vec<u8>,
    depth: usize,
}

impl Json {
    /// A writer with room for `capacity` bytes.
    pub fn with_capacity(capacity: usize) -> Self {
        Self { out: Vec::with_capacity(capacity), depth: 0 }
    }

    /// Writes the document's root object (never empty: the Bundle always has its type).
    pub fn root(mut self, f: impl FnOnce(&mut Obj)) -> Vec<u8> {
        self.out.push(b'{');
        let written = self.members(f);
        if written == 0 {
            self.out.push(b'}');
        } else {
            self.close(b'}');
        }
        self.out
    }

    /// Runs `f` on a fresh object one level deeper; the number of members it wrote.
    fn members(&mut self, f: impl FnOnce(&mut Obj)) -> usize {
        self.depth += 1;
        let mut o = Obj { json: self, count: 0, last: "" };
        f(&mut o);
        let count = o.count;
        self.depth -= 1;
        count
    }

    /// Runs `f` on a fresh array one level deeper; the number of items it wrote.
    fn items(&mut self, f: impl FnOnce(&mut Arr)) -> usize {
        self.depth += 1;
        let mut a = Arr { json: self, count: 0 };
        f(&mut a);
        let count = a.count;
        self.depth -= 1;
        count
    }

    /// Newline and indentation before a member or item (after a comma unless it is the first).
    fn separator(&mut self, first: bool) {
        if !first {
            self.out.push(b',');
        }
        self.newline_indent(self.depth);
    }

    fn newline_indent(&mut self, depth: usize) {
        /// A newline and enough indentation for any depth the Bundle reaches (deeper never happens;
        /// it would still be written correctly, just more slowly).
        const NEWLINE_INDENT: &[u8; 41] = b"\n                                        ";
        match NEWLINE_INDENT.get(..1 + 2 * depth) {
            Some(bytes) => self.out.extend_from_slice(bytes),
            None => {
                self.out.push(b'\n');
                self.out.resize(self.out.len() + 2 * depth, b' ');
            }
        }
    }

    /// Ends a non-empty object or array on its own line.
    fn close(&mut self, bracket: u8) {
        self.newline_indent(self.depth);
        self.out.push(bracket);
    }

    /// A JSON string, escaped as serde_json escapes it: `\"`, `\\`, the short escapes `\b \f \n \r \t`
    /// and `\u00xx` (lower-case hex) for the other control characters; everything else as is.
    fn string(&mut self, s: &str) {
        self.out.push(b'"');
        let bytes = s.as_bytes();
        let (mut copied, mut i) = (0, 0);
        while i < bytes.len() {
            // Most text has nothing to escape: skip it eight bytes at a time.
            if let Some(word) = bytes.get(i..i + 8) {
                let mut w = [0u8; 8];
                w.copy_from_slice(word);
                if !may_need_escape(u64::from_le_bytes(w)) {
                    i += 8;
                    continue;
                }
            }
            let b = bytes[i];
            let short: &[u8] = match b {
                b'"' => b"\\\"",
                b'\\' => b"\\\\",
                b'\n' => b"\\n",
                b'\r' => b"\\r",
                b'\t' => b"\\t",
                0x08 => b"\\b",
                0x0c => b"\\f",
                _ => b"",
            };
            if !short.is_empty() || b < 0x20 {
                self.out.extend_from_slice(&bytes[copied..i]);
                if short.is_empty() {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    self.out.extend_from_slice(b"\\u00");
                    self.out.push(HEX[usize::from(b >> 4)]);
                    self.out.push(HEX[usize::from(b & 0xf)]);
                } else {
                    self.out.extend_from_slice(short);
                }
                copied = i + 1;
            }
            i += 1;
        }
        self.out.extend_from_slice(&bytes[copied..]);
        self.out.push(b'"');
    }

    /// A member's key (all keys are plain ASCII names, nothing to escape).
    fn key(&mut self, key: &str) {
        self.out.push(b'"');
        self.out.extend_from_slice(key.as_bytes());
        self.out.extend_from_slice(b"\": ");
    }

    /// An object value; cut back to `mark` (nothing written) when it has no members.
    fn object_at(&mut self, mark: usize, f: impl FnOnce(&mut Obj)) -> bool {
        self.out.push(b'{');
        if self.members(f) == 0 {
            self.out.truncate(mark);
            return false;
        }
        self.close(b'}');
        true
    }

    /// An array value; cut back to `mark` (nothing written) when it has no items.
    fn array_at(&mut self, mark: usize, f: impl FnOnce(&mut Arr)) -> bool {
        self.out.push(b'[');
        if self.items(f) == 0 {
            self.out.truncate(mark);
            return false;
        }
        self.close(b']');
        true
    }
}

/// Array items written ahead of time, to be placed at the end of an array after at least one other
/// item (see [`Arr::tail`]): the Bundle's resources, made before the Composition that precedes them.
pub(crate) struct Tail {
    json: Json,
    count: usize,
}

impl Tail {
    /// Items for an array whose items sit at nesting `depth`.
    pub fn new(depth: usize) -> Self {
        Self { json: Json { out: Vec::with_capacity(1 << 16), depth }, count: 0 }
    }

    /// An object item, left out when `f` writes no member.
    pub fn obj(&mut self, f: impl FnOnce(&mut Obj)) {
        // Never the array's first item: always a comma before it.
        let mut a = Arr { json: &mut self.json, count: 1 };
        a.obj(f);
        self.count += a.count - 1;
    }

    /// Bytes written so far.
    pub fn len(&self) -> usize {
        self.json.out.len()
    }
}

/// Whether any of the eight bytes of `w` is a control character, `"` or `\\` (exact: the
/// zero-byte and less-than tests of "Bit Twiddling Hacks", which see no byte of 0x80 or more).
fn may_need_escape(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x & HIGH;
    let has = |c: u8| below(w ^ (ONES * u64::from(c)), 1);
    (below(w, 0x20) | has(b'"') | has(b'\\')) != 0
}

/// Whether a string is left out: blank (empty or only white space).
fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// A JSON decimal rounded to 4 places (no float noise such as 0.30000000000000004); `None` (left
/// out) when not finite. Zero is written as `0.0`, never `-0.0`.
pub(crate) fn round4(v: f64) -> Option<f64> {
    let r = (v * 10_000.0).round() / 10_000.0;
    r.is_finite().then_some(if r == 0.0 { 0.0 } else { r })
}

/// The members of an object being written.
pub(crate) struct Obj<'a> {
    json: &'a mut Json,
    count: usize,
    /// The previous key, to check the sorted order in debug builds.
    last: &'static str,
}

impl Obj<'_> {
    /// Starts a member: checks the key order, writes separator and key; returns where it began.
    fn begin(&mut self, key: &'static str) -> usize {
        debug_assert!(self.last < key, "FHIR JSON keys out of order: {:?} before {key:?}", self.last);
        self.last = key;
        let mark = self.json.out.len();
        self.json.separator(self.count == 0);
        self.json.key(key);
        mark
    }

    /// A string member, left out when blank.
    pub fn str(&mut self, key: &'static str, value: &str) -> &mut Self {
        if blank(value) {
            debug_assert!(self.last < key, "FHIR JSON keys out of order: {:?} before {key:?}", self.last);
            self.last = key;
            return self;
        }
        self.begin(key);
        self.json.string(value);
        self.count += 1;
        self
    }

    /// An optional string member.
    pub fn opt_str(&mut self, key: &'static str, value: Option<&str>) -> &mut Self {
        self.str(key, value.unwrap_or_default())
    }

    /// An integer member.
    pub fn int(&mut self, key: &'static str, value: impl Into<i64>) -> &mut Self {
        self.begin(key);
        let _ = CompactFormatter.write_i64(&mut self.json.out, value.into());
        self.count += 1;
        self
    }

    /// A decimal member rounded to 4 places (see [`round4`]); left out when not finite.
    pub fn num(&mut self, key: &'static str, value: f64) -> &mut Self {
        match round4(value) {
            Some(v) => {
                self.begin(key);
                let _ = CompactFormatter.write_f64(&mut self.json.out, v);
                self.count += 1;
            }
            None => {
                debug_assert!(self.last < key, "FHIR JSON keys out of order: {:?} before {key:?}", self.last);
                self.last = key;
            }
        }
        self
    }

    /// An object member, left out when `f` writes no member.
    pub fn obj(&mut self, key: &'static str, f: impl FnOnce(&mut Obj)) -> &mut Self {
        let mark = self.begin(key);
        if self.json.object_at(mark, f) {
            self.count += 1;
        }
        self
    }

    /// An array member, left out when `f` writes no item.
    pub fn arr(&mut self, key: &'static str, f: impl FnOnce(&mut Arr)) -> &mut Self {
        let mark = self.begin(key);
        if self.json.array_at(mark, f) {
            self.count += 1;
        }
        self
    }
}

/// The items of an array being written.
pub(crate) struct Arr<'a> {
    json: &'a mut Json,
    count: usize,
}

impl Arr<'_> {
    fn begin(&mut self) -> usize {
        let mark = self.json.out.len();
        self.json.separator(self.count == 0);
        mark
    }

    /// An object item, left out when `f` writes no member.
    pub fn obj(&mut self, f: impl FnOnce(&mut Obj)) -> &mut Self {
        let mark = self.begin();
        if self.json.object_at(mark, f) {
            self.count += 1;
        }
        self
    }

    /// A string item (`meta.profile`), left out when blank.
    pub fn str(&mut self, value: &str) -> &mut Self {
        if !blank(value) {
            self.begin();
            self.json.string(value);
            self.count += 1;
        }
        self
    }

    /// Appends items written ahead of time (this array must already have an item).
    pub fn tail(&mut self, tail: Tail) -> &mut Self {
        debug_assert!(self.count > 0 && tail.json.depth == self.json.depth, "misplaced tail");
        self.json.out.extend_from_slice(&tail.json.out);
        self.count += tail.count;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The writer against serde_json's own pretty printer on the same, pruned, document.
    #[test]
    fn writes_what_serde_json_pretty_prints_and_leaves_out_empty_members() {
        let bytes = Json::with_capacity(0).root(|o| {
            o.arr("a", |a| {
                a.obj(|o| {
                    o.str("x", " ");
                });
                a.obj(|o| {
                    o.int("i", -3).num("n", 0.1 + 0.2).str("s", "s \"q\" \u{1} é").num("z", -0.0);
                });
            })
            .obj("b", |o| {
                o.arr("e", |_| {}).num("nan", f64::NAN);
            })
            .obj("c", |o| {
                o.obj("d", |o| {
                    o.num("v", 7.0);
                });
            })
            .arr("empty", |_| {})
            .str("t", "text");
        });
        let expected = json!({
            "a": [{ "i": -3, "n": 0.3, "s": "s \"q\" \u{1} é", "z": 0.0 }],
            "c": { "d": { "v": 7.0 } },
            "t": "text",
        });
        assert_eq!(String::from_utf8(bytes).unwrap(), serde_json::to_string_pretty(&expected).unwrap());
        assert_eq!(Json::with_capacity(0).root(|_| {}), b"{}");
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut all: String = (0u8..0x80).map(char::from).collect();
        all.push_str("é – \u{201c}q\u{201d} \u{FFFF}");
        for s in [all.as_str(), "plain text longer than eight bytes", "\"", "a\\b\nc\u{1f}", "12345678\t"] {
            let mut json = Json::with_capacity(0);
            json.string(s);
            assert_eq!(String::from_utf8(json.out).unwrap(), serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }
}
