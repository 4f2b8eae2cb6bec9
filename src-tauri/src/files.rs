//! Reading and saving definition files, with failures turned into error codes and plain words.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use crate::ipc::{CommandError, ErrorCode, OpenedFile};

/// Definitions are small; AWS caps them at 1 MiB. Anything this big is not one.
const MAX_BYTES: u64 = 16 * 1024 * 1024;

/// Reads the file at `path` exactly as it is.
pub fn open(path: &Path) -> Result<OpenedFile, CommandError> {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let meta = std::fs::metadata(&path).map_err(|e| read_error(&path, &e))?;
    if meta.is_dir() {
        return Err(error(ErrorCode::ReadFailed, &path, "is a folder, not a file"));
    }
    if meta.len() > MAX_BYTES {
        return Err(error(
            ErrorCode::TooLarge,
            &path,
            "is too big to be a workflow definition (over 16 MB)",
        ));
    }
    let bytes = std::fs::read(&path).map_err(|e| read_error(&path, &e))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        error(
            ErrorCode::NotText,
            &path,
            "is not a text file (it is not UTF-8), so it cannot be a definition",
        )
    })?;
    Ok(OpenedFile { name: file_name(&path), path: path.display().to_string(), text })
}

/// Replaces the file at `path` with `text`, atomically (see `statewright::asl::save`).
pub fn save(path: &Path, text: &str) -> Result<OpenedFile, CommandError> {
    statewright::asl::save::write_atomically(path, text.as_bytes()).map_err(|e| {
        let why = match e.kind() {
            ErrorKind::PermissionDenied => "could not be saved: permission denied",
            ErrorKind::NotFound => "could not be saved: its folder does not exist",
            _ => "could not be saved",
        };
        let code = if e.kind() == ErrorKind::PermissionDenied {
            ErrorCode::PermissionDenied
        } else {
            ErrorCode::WriteFailed
        };
        error(code, path, &format!("{why} ({e})"))
    })?;
    Ok(OpenedFile {
        name: file_name(path),
        path: path.display().to_string(),
        text: text.to_owned(),
    })
}

/// The file to open at start-up: the first command-line argument that is not a flag.
pub fn path_from_args(args: impl IntoIterator<Item = String>) -> Option<PathBuf> {
    args.into_iter().skip(1).find(|a| !a.starts_with('-')).map(PathBuf::from)
}

fn read_error(path: &Path, e: &std::io::Error) -> CommandError {
    match e.kind() {
        ErrorKind::NotFound => {
            error(ErrorCode::NotFound, path, "does not exist (was it moved or deleted?)")
        }
        ErrorKind::PermissionDenied => {
            error(ErrorCode::PermissionDenied, path, "cannot be read: permission denied")
        }
        _ => error(ErrorCode::ReadFailed, path, &format!("could not be read ({e})")),
    }
}

fn error(code: ErrorCode, path: &Path, what: &str) -> CommandError {
    CommandError {
        code,
        message: format!("“{}” {what}.", file_name(path)),
        path: Some(path.display().to_string()),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_then_save_keeps_bytes_exactly() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("flow.asl.json");
        let text = "{\n    \"StartAt\" : \"A\",\t\"States\":{\"A\":{\"Type\":\"Succeed\"}}}\r\n";
        std::fs::write(&path, text).expect("write");
        let opened = open(&path).expect("opens");
        assert_eq!(opened.text, text);
        assert_eq!(opened.name, "flow.asl.json");
        let changed = text.replace("\"A\"", "\"B\"");
        save(&path, &changed).expect("saves");
        assert_eq!(std::fs::read(&path).expect("read back"), changed.as_bytes());
    }

    #[test]
    fn failures_have_codes() {
        let dir = tempfile::tempdir().expect("temp dir");
        let missing = open(&dir.path().join("nope.json")).expect_err("missing");
        assert_eq!(missing.code, ErrorCode::NotFound);
        assert!(missing.message.contains("nope.json"));
        let binary = dir.path().join("bin.json");
        std::fs::write(&binary, [0xff, 0xfe, 0x00]).expect("write");
        assert_eq!(open(&binary).expect_err("binary").code, ErrorCode::NotText);
        assert_eq!(open(dir.path()).expect_err("dir").code, ErrorCode::ReadFailed);
        let nowhere = dir.path().join("no/such/folder/x.json");
        assert_eq!(save(&nowhere, "{}").expect_err("no folder").code, ErrorCode::WriteFailed);
    }

    #[test]
    fn start_up_file_is_the_first_plain_argument() {
        let args = |a: &[&str]| a.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            path_from_args(args(&["app", "--flag", "x.json"])),
            Some(PathBuf::from("x.json"))
        );
        assert_eq!(path_from_args(args(&["app"])), None);
    }
}
