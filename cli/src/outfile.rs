//! Writing health data to a file the user named (`summary --out`, `plan ics --out`, `backup --out`,
//! the demo's PDF) without ever writing somewhere else: a new file is created exclusively
//! (`O_CREAT|O_EXCL`, which never follows a symbolic link, dangling or not) with mode 0600; the
//! last path component is never followed (`O_NOFOLLOW`); a FIFO or device is never opened for
//! writing. Where replacing is allowed, only an existing regular file owned by this user is
//! replaced, and it is made readable only by its owner before anything is written into it.

use std::fs::{File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::Path;

use crate::error::CliError;

/// What to do when the file exists already.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Refuse (a backup never replaces a file).
    Refuse,
    /// Replace it if it is a regular file owned by this user (a summary or calendar written again).
    Replace,
}

/// Writes `bytes` to `path` as described in the module documentation.
pub fn write_private(path: &Path, bytes: &[u8], existing: Existing) -> Result<(), CliError> {
    let fail = |e| CliError::io(format!("could not write {}", path.display()), e);
    let mut file = match create_new(path) {
        Ok(file) => file,
        Err(e) if e.kind() == ErrorKind::AlreadyExists => match existing {
            Existing::Refuse => {
                return Err(CliError::Usage(format!(
                    "{} exists already; choose a new file name",
                    path.display()
                )))
            }
            Existing::Replace => open_existing(path)?,
        },
        Err(e) => return Err(fail(e)),
    };
    file.write_all(bytes).and_then(|()| file.sync_all()).map_err(fail)
}

/// True when something (a file, a directory, a symbolic link even if dangling) is at `path`.
pub fn occupied(path: &Path) -> bool {
    path.symlink_metadata().is_ok()
}

#[cfg(unix)]
fn create_new(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
        .open(path)
}

#[cfg(not(unix))]
fn create_new(path: &Path) -> std::io::Result<File> {
    OpenOptions::new().write(true).create_new(true).open(path)
}

/// Opens an existing file for replacing: not through a symbolic link, not a FIFO or device, not
/// someone else's file; then makes it private and empties it.
#[cfg(unix)]
fn open_existing(path: &Path) -> Result<File, CliError> {
    use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
    let refuse = |why: &str| CliError::Usage(format!("{} {why}; choose another file name", path.display()));
    // O_NONBLOCK: opening a FIFO for writing would otherwise wait for a reader.
    let opened = OpenOptions::new()
        .write(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC)
        .open(path);
    let file = match opened {
        Ok(file) => file,
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
            return Err(refuse("is a symbolic link and is not followed"))
        }
        Err(e) if e.raw_os_error() == Some(libc::ENXIO) => return Err(refuse("is not a regular file")),
        Err(e) => return Err(CliError::io(format!("could not write {}", path.display()), e)),
    };
    let fail = |e| CliError::io(format!("could not write {}", path.display()), e);
    let meta = file.metadata().map_err(fail)?;
    if !meta.file_type().is_file() {
        return Err(refuse("is not a regular file"));
    }
    // SAFETY: geteuid has no preconditions and cannot fail.
    if meta.uid() != unsafe { libc::geteuid() } {
        return Err(refuse("belongs to another user"));
    }
    file.set_permissions(std::fs::Permissions::from_mode(0o600)).map_err(fail)?;
    file.set_len(0).map_err(fail)?;
    Ok(file)
}

#[cfg(not(unix))]
fn open_existing(path: &Path) -> Result<File, CliError> {
    OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(path)
        .map_err(|e| CliError::io(format!("could not write {}", path.display()), e))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn new_files_are_private_and_existing_ones_replaced_only_when_allowed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("summary.txt");
        write_private(&path, b"one", Existing::Refuse).unwrap();
        assert_eq!((std::fs::read(&path).unwrap(), mode(&path)), (b"one".to_vec(), 0o600));
        let err = write_private(&path, b"two", Existing::Refuse).unwrap_err().to_string();
        assert!(err.contains("exists already"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), b"one");

        // A file of ours readable by others is made private before the new text goes in.
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        write_private(&path, b"2", Existing::Replace).unwrap();
        assert_eq!((std::fs::read(&path).unwrap(), mode(&path)), (b"2".to_vec(), 0o600));
    }

    #[test]
    fn symbolic_links_are_never_followed() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("elsewhere");
        let dangling = dir.path().join("dangling");
        std::os::unix::fs::symlink(&target, &dangling).unwrap();
        for existing in [Existing::Refuse, Existing::Replace] {
            assert!(write_private(&dangling, b"x", existing).is_err(), "{existing:?}");
            assert!(!target.exists(), "{existing:?}: nothing created through the link");
        }
        std::fs::write(&target, b"theirs").unwrap();
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o644)).unwrap();
        let err = write_private(&dangling, b"x", Existing::Replace).unwrap_err().to_string();
        assert!(err.contains("symbolic link"), "{err}");
        assert_eq!((std::fs::read(&target).unwrap(), mode(&target)), (b"theirs".to_vec(), 0o644));
        assert!(occupied(&dangling));
    }

    #[test]
    fn fifos_are_refused_without_waiting_for_a_reader() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let err = write_private(&fifo, b"x", Existing::Replace).unwrap_err().to_string();
        assert!(err.contains("not a regular file"), "{err}");
        let err = write_private(dir.path(), b"x", Existing::Replace).unwrap_err().to_string();
        assert!(err.contains("could not write") || err.contains("not a regular file"), "{err}");
    }
}
