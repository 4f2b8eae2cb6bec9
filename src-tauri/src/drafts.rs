//! Autosaved drafts: the unsaved text of the open workflow, kept in the app's data folder so a
//! crash or a power cut loses nothing.
//!
//! Guarantees: one draft per file (or one for the untitled workflow), written atomically; a
//! draft is offered back only when it is newer than the file and says something the file does
//! not; the clock is the caller's (`now_ms`), so the logic is tested with fixed times.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Unsaved text found after a restart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Draft {
    /// The file the text belongs to; `None` for a workflow never saved.
    pub path: Option<String>,
    pub text: String,
    /// When the draft was written, in milliseconds since 1970 (UTC).
    #[ts(type = "number")]
    pub saved_at_ms: u64,
}

/// Where drafts live inside the app's data folder.
pub fn folder(data_dir: &Path) -> PathBuf {
    data_dir.join("drafts")
}

/// Keeps `text` as the draft of `path` (or of the untitled workflow).
pub fn write(folder: &Path, path: Option<&str>, text: &str, now_ms: u64) -> std::io::Result<()> {
    std::fs::create_dir_all(folder)?;
    let draft = Draft { path: path.map(str::to_owned), text: text.to_owned(), saved_at_ms: now_ms };
    let json = serde_json::to_vec(&draft).map_err(std::io::Error::other)?;
    statewright::asl::save::write_atomically(&file_of(folder, path), &json)
}

/// Forgets the draft of `path` (saved, or closed without keeping the changes).
pub fn clear(folder: &Path, path: Option<&str>) {
    let _ = std::fs::remove_file(file_of(folder, path));
}

/// The draft of `path` worth offering back: newer than the file (or the file is gone) and
/// different from it. Unreadable drafts are not offered.
pub fn offer(folder: &Path, path: Option<&str>) -> Option<Draft> {
    let stored = std::fs::read(file_of(folder, path)).ok()?;
    let draft: Draft = serde_json::from_slice(&stored).ok()?;
    if draft.path.as_deref() != path {
        return None; // two paths with the same key: not this file's draft.
    }
    let Some(path) = path else { return Some(draft) };
    let Ok(meta) = std::fs::metadata(path) else { return Some(draft) };
    let modified_ms = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX));
    let on_disk = std::fs::read(path).unwrap_or_default();
    (draft.saved_at_ms > modified_ms && on_disk != draft.text.as_bytes()).then_some(draft)
}

/// Milliseconds since 1970 of `time` (for the command adapters, which read the clock).
pub fn millis(time: std::time::SystemTime) -> u64 {
    time.duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

/// The draft's file: a stable 64-bit FNV-1a digest of the path (names must survive restarts
/// and upgrades, which rules out the standard library's hasher).
fn file_of(folder: &Path, path: Option<&str>) -> PathBuf {
    let key = path.unwrap_or("\0untitled");
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in key.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    folder.join(format!("{hash:016x}.json"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> u64 {
        millis(std::time::SystemTime::now())
    }

    #[test]
    fn a_newer_different_draft_is_offered_back_and_clear_forgets_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = folder(dir.path());
        let file = dir.path().join("flow.asl.json");
        std::fs::write(&file, "{}").expect("write");
        let path = file.display().to_string();
        assert_eq!(offer(&store, Some(&path)), None, "no draft yet");
        write(&store, Some(&path), "{\"mine\":1}", now() + 60_000).expect("draft");
        let draft = offer(&store, Some(&path)).expect("offered");
        assert_eq!(draft.text, "{\"mine\":1}");
        assert_eq!(draft.path.as_deref(), Some(path.as_str()));
        clear(&store, Some(&path));
        assert_eq!(offer(&store, Some(&path)), None);
    }

    #[test]
    fn a_draft_older_than_the_file_or_equal_to_it_is_not_offered() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = folder(dir.path());
        let file = dir.path().join("flow.asl.json");
        std::fs::write(&file, "{}").expect("write");
        let path = file.display().to_string();
        // Saved an hour before the file was last written.
        write(&store, Some(&path), "{\"old\":1}", now() - 3_600_000).expect("draft");
        assert_eq!(offer(&store, Some(&path)), None);
        write(&store, Some(&path), "{}", now() + 60_000).expect("draft");
        assert_eq!(offer(&store, Some(&path)), None, "the file already says the same");
    }

    #[test]
    fn untitled_and_missing_files_keep_their_drafts() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = folder(dir.path());
        write(&store, None, "{\"new\":1}", 5).expect("draft");
        assert_eq!(offer(&store, None).map(|d| d.saved_at_ms), Some(5));
        let gone = dir.path().join("deleted.json").display().to_string();
        write(&store, Some(&gone), "{\"kept\":1}", 7).expect("draft");
        assert_eq!(offer(&store, Some(&gone)).map(|d| d.text), Some("{\"kept\":1}".into()));
        assert_eq!(
            offer(&store, None).map(|d| d.text),
            Some("{\"new\":1}".into()),
            "separate keys"
        );
    }

    #[test]
    fn a_damaged_draft_is_ignored() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = folder(dir.path());
        write(&store, None, "x", 1).expect("draft");
        let only = std::fs::read_dir(&store).expect("folder").next().expect("one").expect("entry");
        std::fs::write(only.path(), "not json").expect("damage");
        assert_eq!(offer(&store, None), None);
    }
}
