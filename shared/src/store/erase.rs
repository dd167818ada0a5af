//! Erasing a diary: every file Steady keeps in the data directory (the database, its WAL and SHM,
//! the copies kept by [`super::recover`]) is overwritten with zeros, synced and deleted. This works
//! without the key, so a patient who lost the passphrase can still erase. On flash storage an
//! overwrite is not a guarantee (wear levelling may keep old blocks), which is why every clinical
//! value was only ever written sealed: once the key material is gone, what remains is unreadable.
//! The phone shells also delete the keystore key.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::error::StoreError;
use super::DB_FILE;

/// Prefix of the folders in which [`super::recover`] keeps a damaged diary.
pub(crate) const DAMAGED_PREFIX: &str = "damaged-";

/// Folder in which [`super::recover`] reads a copy of the damaged files (removed afterwards).
pub(crate) const SCRATCH_DIR: &str = ".recovering";

/// Suffixes SQLite adds to the database name for its side files.
pub(crate) const SIDE_FILES: [&str; 3] = ["-wal", "-shm", "-journal"];

/// `db` and whichever of its side files exist.
fn with_side_files(db: &Path) -> Vec<PathBuf> {
    let name = db.file_name().unwrap_or_default().to_string_lossy().into_owned();
    std::iter::once(String::new())
        .chain(SIDE_FILES.iter().map(|s| s.to_string()))
        .map(|suffix| db.with_file_name(format!("{name}{suffix}")))
        // What is at the path itself (a symbolic link counts, and is never followed).
        .filter(|p| p.symlink_metadata().is_ok())
        .collect()
}

/// The diary's files in `dir`: the database and whichever side files exist.
pub(crate) fn diary_files(dir: &Path) -> Vec<PathBuf> {
    with_side_files(&dir.join(DB_FILE))
}

/// Deletes `db` and its side files if they exist (a draft left by a killed [`super::Store::create`]:
/// it holds key material only, never an entry).
pub(crate) fn remove_with_side_files(db: &Path) -> Result<(), StoreError> {
    for f in with_side_files(db) {
        std::fs::remove_file(f)?;
    }
    Ok(())
}

/// Erases the diary in `dir` (which must not be open): overwrites and deletes the database, its
/// side files and any kept damaged copies. Other files in `dir` are left alone. Returns how many
/// files were erased.
pub fn erase(dir: &Path) -> Result<usize, StoreError> {
    let mut files = diary_files(dir);
    files.extend(with_side_files(&dir.join(super::CREATING_FILE)));
    for kept in kept_copies(dir)? {
        files.extend(diary_files(&kept));
    }
    for file in &files {
        overwrite_and_remove(file)?;
    }
    for kept in kept_copies(dir)? {
        std::fs::remove_dir(&kept)?;
    }
    Ok(files.len())
}

fn kept_copies(dir: &Path) -> Result<Vec<PathBuf>, StoreError> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for item in std::fs::read_dir(dir)? {
        let item = item?;
        let name = item.file_name().to_string_lossy().into_owned();
        if item.file_type()?.is_dir() && (name.starts_with(DAMAGED_PREFIX) || name == SCRATCH_DIR) {
            out.push(item.path());
        }
    }
    Ok(out)
}

/// Overwrites a regular file with zeros and deletes it. A symbolic link (or anything but a regular
/// file) is only removed, never followed: erasing a diary must not zero a file elsewhere that a
/// link in the data directory points to. The file is opened with `O_NOFOLLOW`, so a link swapped in
/// after the check is refused rather than followed.
fn overwrite_and_remove(path: &Path) -> Result<(), StoreError> {
    let meta = std::fs::symlink_metadata(path)?;
    if !meta.file_type().is_file() {
        std::fs::remove_file(path)?;
        return Ok(());
    }
    let len = meta.len();
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW);
    }
    let mut file = options.open(path)?;
    let zeros = vec![0u8; 64 * 1024];
    let mut left = len;
    while left > 0 {
        let n = left.min(zeros.len() as u64) as usize;
        file.write_all(&zeros[..n])?;
        left -= n as u64;
    }
    file.sync_all()?;
    drop(file);
    std::fs::remove_file(path)?;
    Ok(())
}
