//! Entry rows read straight from the pages of a SQLite database file, for recovery.
//!
//! SQLite reaches a row by walking its B-tree from the root; one damaged interior page cuts off
//! every leaf below it, although those leaves are intact. `entries` is a WITHOUT ROWID table, so
//! its B-tree is an *index* B-tree whose keys are whole rows `(id, v, sealed)`, on leaf and interior
//! pages alike. Reading every page of the file and every cell on an index page finds those rows
//! without the walk. A row found this way is still only a candidate: recovery keeps it only if its
//! ciphertext authenticates under the diary's key, bound to its id, so garbage that happens to
//! parse is never taken for an entry.
//!
//! Format reference: "Database File Format", <https://www.sqlite.org/fileformat2.html> —
//! §1.3 (header: page size at offset 16, reserved bytes at 20), §1.6 (B-tree pages: type 0x02
//! interior index, 0x0A leaf index; header 12/8 bytes; cell pointer array; index cell payload limits
//! X = ((U−12)·64/255)−23 and M = ((U−12)·32/255)−23; overflow pages: next page number, then U−4
//! bytes), §2.1 (record format, serial types) and the varint encoding.
//!
//! Everything here reads untrusted bytes: it never panics and never allocates more than the file
//! holds (fuzzed by `fuzz/fuzz_targets/recover_pages.rs`).

/// One `entries` row as found on a page: the row's id, its sealing format version and the sealed
/// bytes. Not yet authenticated.
#[derive(Clone, PartialEq, Eq)]
pub struct PageRow {
    /// The entry id (the row's key).
    pub id: [u8; 16],
    /// The sealing format version stored beside the ciphertext.
    pub v: u32,
    /// The AES-GCM ciphertext and tag.
    pub sealed: Vec<u8>,
}

impl std::fmt::Debug for PageRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PageRow {{ v: {}, sealed: {} bytes }}", self.v, self.sealed.len())
    }
}

/// Page type byte of a leaf page of an index B-tree (fileformat2 §1.6).
const LEAF_INDEX: u8 = 0x0A;
/// Page type byte of an interior page of an index B-tree.
const INTERIOR_INDEX: u8 = 0x02;
/// The 100-byte database header at the start of page 1.
const DB_HEADER_LEN: usize = 100;
/// SQLite's default page size, assumed when the header itself is damaged.
const DEFAULT_PAGE_SIZE: usize = 4096;
/// Serial type of a 16-byte BLOB: 12 + 2·16 (fileformat2 §2.1).
const BLOB16: u64 = 12 + 2 * 16;

/// Every `(id, v, sealed)` record on an index B-tree page of `file`, in page order. Pages and
/// cells that do not parse are skipped, and the scan goes on past them: a damaged page's cells
/// claim random sizes and offsets, and the pages after it hold the rows recovery is looking for.
/// Nothing here can fail.
///
/// Work is bounded by the file: cells per page are capped as SQLite caps them, and the bytes copied
/// out of cells and overflow pages are charged to [`read_budget`]; only when that is spent (a
/// file whose cells overlap or share overflow pages on a large scale) does the scan stop.
pub fn entry_rows(file: &[u8]) -> Vec<PageRow> {
    let geometry = Geometry::of(file);
    let mut budget = read_budget(file.len());
    let mut rows = Vec::new();
    for number in 1..=geometry.pages(file) {
        let Some(page) = geometry.page(file, number) else { continue };
        let header_at = if number == 1 { DB_HEADER_LEN } else { 0 };
        for cell in index_cells(page, header_at) {
            match payload(file, &geometry, page, cell, &mut budget) {
                Ok(Some(bytes)) => rows.extend(record(&bytes)),
                Ok(None) => {}
                Err(Spent) => return rows,
            }
        }
    }
    rows
}

/// Page type byte of a leaf page of a table B-tree (rowid tables such as `meta`).
const LEAF_TABLE: u8 = 0x0D;

/// Every small `(name, value)` record of the `meta` table found on a table leaf page of `file`
/// whose name is in `wanted` — the key material, for recovering a diary whose first page (the
/// schema, and with it SQLite's way in) is damaged. Only records stored whole on their page are
/// read (key material is a few hundred bytes). Candidates only: the key-material record carries its
/// own digest and the key check authenticates it.
pub fn meta_rows(file: &[u8], wanted: &[&str]) -> Vec<(String, Vec<u8>)> {
    let geometry = Geometry::of(file);
    let mut rows = Vec::new();
    for number in 1..=geometry.pages(file) {
        let Some(page) = geometry.page(file, number) else { continue };
        let header_at = if number == 1 { DB_HEADER_LEN } else { 0 };
        if page.get(header_at) != Some(&LEAF_TABLE) {
            continue;
        }
        let cells = read_u16(page, header_at + 3).unwrap_or(0).min(page.len() / 6);
        for i in 0..cells {
            let Some(at) = read_u16(page, header_at + 8 + 2 * i) else { continue };
            let Some((size, a)) = page.get(at..).and_then(varint) else { continue };
            let Some((_rowid, b)) = page.get(at + a..).and_then(varint) else { continue };
            // Whole on the page only (fileformat2 §1.6: a table leaf keeps up to U − 35 bytes).
            let Some(size) = usize::try_from(size).ok().filter(|&n| n <= geometry.usable.saturating_sub(35))
            else {
                continue;
            };
            let Some(payload) = page.get(at + a + b..at + a + b + size) else { continue };
            if let Some((name, value)) = name_value(payload).filter(|(n, _)| wanted.contains(&n.as_str())) {
                rows.push((name, value));
            }
        }
    }
    rows
}

/// `payload` as a two-column record: TEXT, then BLOB.
fn name_value(payload: &[u8]) -> Option<(String, Vec<u8>)> {
    let (header_len, mut at) = varint(payload)?;
    let header_len = usize::try_from(header_len).ok()?;
    let (name_type, used) = varint(payload.get(at..header_len)?)?;
    at += used;
    let (value_type, _) = varint(payload.get(at..header_len)?)?;
    if name_type < 13 || name_type % 2 == 0 || value_type < 12 || value_type % 2 != 0 {
        return None;
    }
    let name_len = usize::try_from((name_type - 13) / 2).ok()?;
    let value_len = usize::try_from((value_type - 12) / 2).ok()?;
    let name = std::str::from_utf8(payload.get(header_len..header_len + name_len)?).ok()?.to_owned();
    let value_at = header_len + name_len;
    Some((name, payload.get(value_at..value_at.checked_add(value_len)?)?.to_vec()))
}

/// How many payload bytes [`entry_rows`] may copy from a file of `len` bytes: four times the file,
/// plus 16 MiB. A sound file stores each payload byte once, so reading all of it costs at most its
/// size; the rest is room for damaged cells, which are read and then refused.
pub fn read_budget(len: usize) -> usize {
    len.saturating_mul(4).saturating_add(16 << 20)
}

/// The read budget ran out.
struct Spent;

fn charge(budget: &mut usize, bytes: usize) -> Result<(), Spent> {
    *budget = budget.checked_sub(bytes).ok_or(Spent)?;
    Ok(())
}

/// Page size and usable bytes per page, from the header (or SQLite's defaults if it is damaged).
struct Geometry {
    page_size: usize,
    usable: usize,
}

impl Geometry {
    fn of(file: &[u8]) -> Self {
        let from_header = (|| {
            if !file.starts_with(b"SQLite format 3\0") {
                return None;
            }
            let raw = usize::from(u16::from_be_bytes([*file.get(16)?, *file.get(17)?]));
            let page_size = if raw == 1 { 65_536 } else { raw };
            if !(512..=65_536).contains(&page_size) || !page_size.is_power_of_two() {
                return None;
            }
            let usable = page_size - usize::from(*file.get(20)?);
            (usable >= 480).then_some(Geometry { page_size, usable })
        })();
        from_header.unwrap_or(Geometry { page_size: DEFAULT_PAGE_SIZE, usable: DEFAULT_PAGE_SIZE })
    }

    fn pages(&self, file: &[u8]) -> usize {
        file.len() / self.page_size
    }

    /// The usable bytes of page `number` (1-based), if the file holds it whole.
    fn page<'f>(&self, file: &'f [u8], number: usize) -> Option<&'f [u8]> {
        let start = number.checked_sub(1)?.checked_mul(self.page_size)?;
        file.get(start..start.checked_add(self.usable)?)
    }
}

/// Where the payload of each cell of `page` starts, if it is an index B-tree page (an interior
/// cell starts with its 4-byte left child pointer). A count larger than a page can hold (SQLite's
/// own limit: a 2-byte pointer and at least 4 bytes of cell each) is damage, read up to that limit.
fn index_cells(page: &[u8], header_at: usize) -> impl Iterator<Item = usize> + '_ {
    let (header_len, child_pointer) = match page.get(header_at) {
        Some(&LEAF_INDEX) => (8, 0),
        Some(&INTERIOR_INDEX) => (12, 4),
        _ => (0, 0),
    };
    let cells = if header_len == 0 { 0 } else { read_u16(page, header_at + 3).unwrap_or(0) };
    let cells = cells.min(page.len().saturating_sub(header_at + header_len) / 6);
    let pointers = header_at + header_len;
    (0..cells).filter_map(move |i| read_u16(page, pointers + 2 * i)?.checked_add(child_pointer))
}

/// The whole payload of the index cell at `at`, its local part then its overflow pages, or `None`
/// if the cell does not hold together (a size larger than the file, a chain that leaves it).
fn payload(
    file: &[u8],
    geometry: &Geometry,
    page: &[u8],
    at: usize,
    budget: &mut usize,
) -> Result<Option<Vec<u8>>, Spent> {
    let Some((size, used)) = page.get(at..).and_then(varint) else { return Ok(None) };
    let Some(size) = usize::try_from(size).ok().filter(|&size| size <= file.len()) else { return Ok(None) };
    let start = at + used;
    let local = local_size(size, geometry.usable);
    let Some(local_bytes) = page.get(start..start + local) else { return Ok(None) };
    charge(budget, local)?;
    let mut out = Vec::with_capacity(size.min(1 << 16));
    out.extend_from_slice(local_bytes);
    let mut next = read_u32(page, start + local).filter(|_| local < size);
    // Each overflow page carries U − 4 bytes, so the loop ends within size / (U − 4) steps.
    while out.len() < size {
        let overflow = next.and_then(|n| geometry.page(file, usize::try_from(n).ok()?));
        let take = (size - out.len()).min(geometry.usable - 4);
        let Some(bytes) = overflow.and_then(|page| page.get(4..4 + take)) else { return Ok(None) };
        charge(budget, take)?;
        out.extend_from_slice(bytes);
        next = overflow.and_then(|page| read_u32(page, 0));
    }
    Ok(Some(out))
}

/// How much of a `size`-byte index cell payload is stored on the page itself (fileformat2 §1.6).
fn local_size(size: usize, usable: usize) -> usize {
    let max_local = (usable - 12) * 64 / 255 - 23;
    if size <= max_local {
        return size;
    }
    let min_local = (usable - 12) * 32 / 255 - 23;
    let k = min_local + (size - min_local) % (usable - 4);
    if k <= max_local {
        k
    } else {
        min_local
    }
}

/// `payload` as an `entries` row: exactly three columns, a 16-byte BLOB id, an integer version
/// that fits in u32, and a BLOB.
fn record(payload: &[u8]) -> Option<PageRow> {
    let (header_len, mut at) = varint(payload)?;
    let header_len = usize::try_from(header_len).ok()?;
    let mut types = Vec::with_capacity(3);
    while at < header_len && types.len() < 4 {
        let (t, used) = varint(payload.get(at..header_len)?)?;
        types.push(t);
        at += used;
    }
    let &[id_type, v_type, sealed_type] = types.as_slice() else { return None };
    if id_type != BLOB16 || sealed_type < 12 || sealed_type % 2 != 0 {
        return None;
    }
    let v_len = match v_type {
        1..=4 => v_type as usize,
        5 => 6,
        6 => 8,
        8 | 9 => 0,
        _ => return None,
    };
    let sealed_len = usize::try_from((sealed_type - 12) / 2).ok()?;
    let id: [u8; 16] = payload.get(header_len..header_len + 16)?.try_into().ok()?;
    let v_at = header_len + 16;
    let v = match v_type {
        8 => 0,
        9 => 1,
        _ => {
            let bytes = payload.get(v_at..v_at + v_len)?;
            // Big-endian two's complement; a negative version is not ours.
            let sign = if bytes.first()? & 0x80 != 0 { -1i64 } else { 0 };
            let value = bytes.iter().fold(sign, |acc, &b| (acc << 8) | i64::from(b));
            u32::try_from(value).ok()?
        }
    };
    let sealed_at = v_at + v_len;
    let sealed = payload.get(sealed_at..sealed_at.checked_add(sealed_len)?)?.to_vec();
    Some(PageRow { id, v, sealed })
}

/// A SQLite varint (1–9 bytes, big-endian 7-bit groups, the ninth byte whole) and its length.
fn varint(bytes: &[u8]) -> Option<(u64, usize)> {
    let mut value = 0u64;
    for (i, &b) in bytes.iter().take(9).enumerate() {
        if i == 8 {
            return Some(((value << 8) | u64::from(b), 9));
        }
        value = (value << 7) | u64::from(b & 0x7F);
        if b & 0x80 == 0 {
            return Some((value, i + 1));
        }
    }
    None
}

fn read_u16(bytes: &[u8], at: usize) -> Option<usize> {
    Some(usize::from(u16::from_be_bytes(bytes.get(at..at.checked_add(2)?)?.try_into().ok()?)))
}

fn read_u32(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(bytes.get(at..at.checked_add(4)?)?.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_follow_the_file_format() {
        assert_eq!(varint(&[0x00]), Some((0, 1)));
        assert_eq!(varint(&[0x7F]), Some((127, 1)));
        assert_eq!(varint(&[0x81, 0x00]), Some((128, 2)));
        assert_eq!(varint(&[0xFF; 9]), Some((u64::MAX, 9)));
        assert_eq!(varint(&[0x80, 0x80]), None);
        assert_eq!(varint(&[]), None);
    }

    #[test]
    fn index_cell_payloads_spill_like_sqlite_says() {
        // 4096-byte pages: X = 4084·64/255 − 23 = 1002, M = 4084·32/255 − 23 = 489.
        assert_eq!(local_size(1002, 4096), 1002);
        // Over X: K = M + (P − M) mod (U − 4) stays local if K ≤ X, else only M does.
        assert_eq!(local_size(1003, 4096), 489);
        assert_eq!(local_size(489 + 4092 + 300, 4096), 789);
        assert_eq!(local_size(489 + 4092 + 600, 4096), 489);
    }

    #[test]
    fn a_record_is_an_entries_row_only_with_the_right_three_columns() {
        let mut payload = vec![4, BLOB16 as u8, 1, 12 + 2 * 3];
        payload.extend_from_slice(&[7; 16]);
        payload.push(2);
        payload.extend_from_slice(b"abc");
        assert_eq!(record(&payload), Some(PageRow { id: [7; 16], v: 2, sealed: b"abc".to_vec() }));
        // A negative version, a short id or a text column is not an entries row.
        let mut negative = payload.clone();
        negative[20] = 0xFF;
        assert_eq!(record(&negative), None);
        let mut text = payload.clone();
        text[3] = 13 + 2 * 3;
        assert_eq!(record(&text), None);
        assert_eq!(record(&payload[..payload.len() - 1]), None);
    }
}
