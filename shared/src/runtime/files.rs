//! Files a shell hands to the core: read only when they are regular files, and never beyond a cap,
//! so a device (`/dev/zero`), a pipe or a huge file cannot exhaust memory or hang a restore.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use crate::store::backup::BackupError;

use super::CoreError;

/// The whole of the regular file at `path`, refused when it is larger than `max` bytes (checked
/// before and while reading, so a file growing meanwhile is refused too).
pub(super) fn read_bounded(path: &Path, max: usize) -> Result<Vec<u8>, CoreError> {
    let io = |e: std::io::Error| CoreError::Store(e.into());
    // Looked at before opening: opening a FIFO for reading would block until a writer comes.
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(CoreError::Backup(BackupError::NotABackup));
    }
    if meta.len() > max as u64 {
        return Err(CoreError::Backup(BackupError::TooLarge { limit: max }));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    File::open(path).map_err(io)?.take(max as u64 + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() > max {
        return Err(CoreError::Backup(BackupError::TooLarge { limit: max }));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_up_to_the_cap_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b");
        std::fs::write(&path, [7u8; 10]).unwrap();
        assert_eq!(read_bounded(&path, 10).unwrap(), vec![7u8; 10]);
        assert_eq!(
            read_bounded(&path, 9).unwrap_err(),
            CoreError::Backup(BackupError::TooLarge { limit: 9 })
        );
        assert_eq!(read_bounded(dir.path(), 100).unwrap_err(), CoreError::Backup(BackupError::NotABackup));
        #[cfg(unix)]
        assert_eq!(
            read_bounded(Path::new("/dev/zero"), 100).unwrap_err(),
            CoreError::Backup(BackupError::NotABackup)
        );
        assert!(matches!(read_bounded(&dir.path().join("missing"), 100), Err(CoreError::Store(_))));
    }
}
