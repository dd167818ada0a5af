//! The SQLCipher baseline of steady-bench, run as a child process (it cannot share a build with
//! steady-core: both link a `sqlite3`). It stores the same rows as the benchmark's plaintext
//! baseline — synthetic diary entries as JSON — in a SQLCipher database keyed with a raw 256-bit
//! key (`PRAGMA key = "x'…'"`, so no PBKDF2 is counted), with the same table and pragmas as the
//! Steady store, and times what the parent asks:
//!
//! ```text
//! steady-bench-sqlcipher load ROWS DB KEYFILE      create DB from the rows file (one transaction)
//! steady-bench-sqlcipher open DB KEYFILE N         N cold opens; prints `open_ns NS ROWS BYTES` each
//! steady-bench-sqlcipher log  ROWS DB KEYFILE      one durable transaction per row; prints `log_ns NS`
//! ```
//!
//! The rows file is a sequence of `[16-byte id][u32 LE version][u32 LE length][body]`.

use std::fs;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use rusqlite::{params, Connection, OpenFlags, TransactionBehavior};

type Error = Box<dyn std::error::Error>;
type Row = ([u8; 16], u32, Vec<u8>);

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["load", rows, db, key] => load(Path::new(rows), Path::new(db), Path::new(key)),
        ["open", db, key, n] => {
            n.parse::<usize>().map_err(Error::from).and_then(|n| open_n(Path::new(db), Path::new(key), n))
        }
        ["log", rows, db, key] => log(Path::new(rows), Path::new(db), Path::new(key)),
        _ => Err(
            "usage: steady-bench-sqlcipher load ROWS DB KEYFILE | open DB KEYFILE N | log ROWS DB KEYFILE"
                .into(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("steady-bench-sqlcipher: {e}");
            ExitCode::FAILURE
        }
    }
}

fn read_rows(path: &Path) -> Result<Vec<Row>, Error> {
    let bytes = fs::read(path)?;
    let mut rows = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let head = bytes.get(at..at + 24).ok_or("truncated rows file")?;
        let id: [u8; 16] = head[..16].try_into()?;
        let v = u32::from_le_bytes(head[16..20].try_into()?);
        let len = u32::from_le_bytes(head[20..24].try_into()?) as usize;
        let body = bytes.get(at + 24..at + 24 + len).ok_or("truncated rows file")?.to_vec();
        rows.push((id, v, body));
        at += 24 + len;
    }
    Ok(rows)
}

/// Opens and keys the database the way the Steady store configures its own: raw key, then the
/// same pragmas (WAL, synchronous=FULL, secure_delete, temp_store=MEMORY, foreign_keys) and, like
/// `steady_core::store::schema::OPEN_FLAGS`, without SQLite's per-call mutex.
fn connect(db: &Path, key_file: &Path, flags: OpenFlags) -> Result<Connection, Error> {
    let hex = fs::read_to_string(key_file)?;
    let hex = hex.trim();
    if hex.len() != 64 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err("key file must hold 64 hex digits".into());
    }
    let conn = Connection::open_with_flags(db, flags | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    conn.execute_batch(&format!("PRAGMA key = \"x'{hex}'\";"))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "secure_delete", "ON")?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(conn)
}

fn load(rows: &Path, db: &Path, key: &Path) -> Result<(), Error> {
    let rows = read_rows(rows)?;
    let mut conn = connect(db, key, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE)?;
    conn.execute_batch(include_str!("../../baseline-schema.sql"))?;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    {
        let mut ins = tx.prepare("INSERT INTO entries (id, v, body) VALUES (?1, ?2, ?3)")?;
        for (id, v, body) in &rows {
            ins.execute(params![id.as_slice(), v, body])?;
        }
    }
    tx.commit()?;
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    Ok(())
}

/// One cold open: read the key file, open, key, pragmas, version check, the migration transaction,
/// every row copied out (decoding and the view are timed by the parent on the same rows).
fn open_once(db: &Path, key: &Path) -> Result<(usize, usize), Error> {
    let mut conn = connect(db, key, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version != 1 {
        return Err(format!("unexpected version {version} (wrong key?)").into());
    }
    conn.transaction_with_behavior(TransactionBehavior::Immediate)?.commit()?;
    let mut stmt = conn.prepare("SELECT id, v, body FROM entries")?;
    let mut q = stmt.query([])?;
    let mut out: Vec<Row> = Vec::new();
    while let Some(row) = q.next()? {
        let id: [u8; 16] = row.get_ref(0)?.as_blob()?.try_into()?;
        out.push((id, row.get(1)?, row.get_ref(2)?.as_blob()?.to_vec()));
    }
    let bytes = out.iter().map(|r| r.2.len()).sum();
    Ok((std::hint::black_box(out).len(), bytes))
}

fn open_n(db: &Path, key: &Path, n: usize) -> Result<(), Error> {
    open_once(db, key)?; // warm-up, untimed
    for _ in 0..n {
        let t = Instant::now();
        let (rows, bytes) = open_once(db, key)?;
        println!("open_ns {} {rows} {bytes}", t.elapsed().as_nanos());
    }
    Ok(())
}

/// One IMMEDIATE transaction per row with the Steady store's upsert; each commit is durable
/// (WAL, synchronous=FULL).
fn log(rows: &Path, db: &Path, key: &Path) -> Result<(), Error> {
    let rows = read_rows(rows)?;
    let mut conn = connect(db, key, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    for (id, v, body) in &rows {
        let t = Instant::now();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.prepare_cached(
            "INSERT INTO entries (id, v, body) VALUES (?1, ?2, ?3)
             ON CONFLICT (id) DO UPDATE SET v = excluded.v, body = excluded.body",
        )?
        .execute(params![id.as_slice(), v, body])?;
        tx.commit()?;
        println!("log_ns {}", t.elapsed().as_nanos());
    }
    Ok(())
}
