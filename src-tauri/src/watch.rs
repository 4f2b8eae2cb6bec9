//! Watches the open file for changes made outside Statewright (another editor, `git checkout`,
//! a script) and reports them as typed [`FileEvent`]s.
//!
//! Guarantees:
//! - Our own saves never echo: the watcher compares what is on disk with [`OnDisk`], the bytes the
//!   app last read or wrote, and stays quiet when they are the same. The workspace updates
//!   `OnDisk` *before* it writes, so the event our write causes always finds them equal.
//! - The folder is watched, not the file: editors and our own atomic save replace the file by a
//!   rename, which would silently end a watch on the file itself.
//! - Bursts (write, then rename, then attribute change) are settled into one report, read from
//!   the file as it is once the burst is over.
//! - Deleting (or renaming away) the file is reported once, as [`FileEvent::Removed`]; when it
//!   comes back its text is reported as a change.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use notify::{RecursiveMode, Watcher};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ipc::CommandError;

/// The name of the Tauri event that carries a [`FileEvent`] to the window.
pub const FILE_EVENT: &str = "file-changed";

/// What happened to the open file outside the app.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum FileEvent {
    /// The file now holds `text`, which is not what the app last read or saved.
    Changed { path: String, text: String },
    /// The file was deleted, or renamed to something else.
    Removed { path: String },
    /// The file changed but cannot be read now (permission, not text...).
    Unreadable { path: String, error: CommandError },
}

/// The bytes the app believes are on disk for the watched file (what it opened or saved last).
#[derive(Clone, Default)]
pub struct OnDisk(Arc<Mutex<Option<Vec<u8>>>>);

impl OnDisk {
    pub fn set(&self, bytes: Option<Vec<u8>>) {
        if let Ok(mut known) = self.0.lock() {
            *known = bytes;
        }
    }

    pub fn get(&self) -> Option<Vec<u8>> {
        self.0.lock().ok().and_then(|k| k.clone())
    }

    fn is(&self, bytes: &[u8]) -> bool {
        self.0.lock().is_ok_and(|k| k.as_deref() == Some(bytes))
    }
}

/// A running watch; dropping it stops watching (its thread ends with the event channel).
pub struct Watch {
    path: PathBuf,
    _watcher: notify::RecommendedWatcher,
}

impl Watch {
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// How long the file must be quiet before it is read (one save is several file-system events).
pub const SETTLE: Duration = Duration::from_millis(80);

/// Starts watching `path`; every outside change is passed to `sink`, from the watch's thread.
pub fn watch(
    path: &Path,
    on_disk: OnDisk,
    settle: Duration,
    sink: impl Fn(FileEvent) + Send + 'static,
) -> notify::Result<Watch> {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let (tx, rx) = std::sync::mpsc::channel();
    let mut watcher = notify::recommended_watcher(tx)?;
    watcher.watch(folder, RecursiveMode::NonRecursive)?;
    let watched = path.clone();
    std::thread::Builder::new()
        .name("statewright-watch".into())
        .spawn(move || follow(&watched, &rx, &on_disk, settle, &sink))
        .map_err(notify::Error::io)?;
    Ok(Watch { path, _watcher: watcher })
}

/// The watch thread: waits for an event about the file, lets the burst settle, then compares.
fn follow(
    path: &Path,
    rx: &Receiver<notify::Result<notify::Event>>,
    on_disk: &OnDisk,
    settle: Duration,
    sink: &dyn Fn(FileEvent),
) {
    let mut gone = false;
    while let Ok(first) = rx.recv() {
        if !about(&first, path) {
            continue;
        }
        loop {
            match rx.recv_timeout(settle) {
                Ok(_) => continue,
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        if let Some(event) = compare(path, on_disk, &mut gone) {
            sink(event);
        }
    }
}

fn about(event: &notify::Result<notify::Event>, path: &Path) -> bool {
    match event {
        Ok(e) => e.paths.iter().any(|p| p == path),
        // The watch itself failed (queue overflow...): look at the file to be sure.
        Err(_) => true,
    }
}

/// What to report for the file as it is now, given what the app believes is on disk.
fn compare(path: &Path, on_disk: &OnDisk, gone: &mut bool) -> Option<FileEvent> {
    let shown = path.display().to_string();
    match std::fs::read(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if std::mem::replace(gone, true) {
                None
            } else {
                Some(FileEvent::Removed { path: shown })
            }
        }
        Err(_) => Some(match crate::files::open(path) {
            Err(error) => FileEvent::Unreadable { path: shown, error },
            // It could be read after all: report it as a change.
            Ok(f) => {
                on_disk.set(Some(f.text.clone().into_bytes()));
                FileEvent::Changed { path: shown, text: f.text }
            }
        }),
        Ok(bytes) => {
            let back = std::mem::replace(gone, false);
            if on_disk.is(&bytes) && !back {
                return None;
            }
            match String::from_utf8(bytes) {
                Ok(text) => {
                    on_disk.set(Some(text.clone().into_bytes()));
                    Some(FileEvent::Changed { path: shown, text })
                }
                Err(_) => crate::files::open(path)
                    .err()
                    .map(|error| FileEvent::Unreadable { path: shown, error }),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    const QUIET: Duration = Duration::from_millis(40);
    /// Long enough for inotify and the settle time; short enough to keep the tests quick.
    const WAIT: Duration = Duration::from_secs(3);

    /// A watch on `flow.asl.json` (holding `{}`, which the app believes is on disk) in a fresh
    /// folder, with the events it reports.
    struct Watched {
        dir: tempfile::TempDir,
        file: PathBuf,
        on_disk: OnDisk,
        watch: Watch,
        events: mpsc::Receiver<FileEvent>,
    }

    fn watched() -> Watched {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("flow.asl.json");
        std::fs::write(&file, "{}").expect("write");
        let on_disk = OnDisk::default();
        on_disk.set(Some(b"{}".to_vec()));
        let (tx, events) = mpsc::channel();
        let watch = watch(&file, on_disk.clone(), QUIET, move |e| {
            let _ = tx.send(e);
        })
        .expect("watch starts");
        Watched { dir, file, on_disk, watch, events }
    }

    fn nothing_more(rx: &mpsc::Receiver<FileEvent>) {
        let extra = rx.recv_timeout(Duration::from_millis(400));
        assert!(extra.is_err(), "unexpected event: {extra:?}");
    }

    #[test]
    fn an_outside_change_is_reported_with_its_text() {
        let w = watched();
        assert_eq!(w.watch.path(), w.file);
        std::fs::write(&w.file, "{\"StartAt\":\"A\"}").expect("outside write");
        let event = w.events.recv_timeout(WAIT).expect("an event");
        assert_eq!(
            event,
            FileEvent::Changed {
                path: w.file.display().to_string(),
                text: "{\"StartAt\":\"A\"}".into()
            }
        );
        assert_eq!(w.on_disk.get().as_deref(), Some(&b"{\"StartAt\":\"A\"}"[..]));
        nothing_more(&w.events);
    }

    #[test]
    fn our_own_atomic_save_does_not_echo() {
        let w = watched();
        // What the workspace does: record, then write beside and rename over.
        w.on_disk.set(Some(b"{ \"Comment\": \"mine\" }".to_vec()));
        statewright::asl::save::write_atomically(&w.file, b"{ \"Comment\": \"mine\" }")
            .expect("save");
        nothing_more(&w.events);
        // A later outside change is still seen.
        std::fs::write(&w.file, "{ \"Comment\": \"theirs\" }").expect("outside write");
        assert!(
            matches!(w.events.recv_timeout(WAIT), Ok(FileEvent::Changed { text, .. }) if text.contains("theirs"))
        );
    }

    #[test]
    fn an_editor_replacing_the_file_by_rename_is_one_change() {
        let w = watched();
        let temp = w.dir.path().join("flow.asl.json~");
        std::fs::write(&temp, "{\"v\":2}").expect("write temp");
        std::fs::rename(&temp, &w.file).expect("rename over");
        assert!(
            matches!(w.events.recv_timeout(WAIT), Ok(FileEvent::Changed { text, .. }) if text == "{\"v\":2}")
        );
        nothing_more(&w.events);
    }

    #[test]
    fn other_files_in_the_folder_are_ignored() {
        let w = watched();
        std::fs::write(w.dir.path().join("other.json"), "{\"x\":1}").expect("write other");
        nothing_more(&w.events);
    }

    #[test]
    fn deleting_is_reported_once_and_coming_back_is_a_change() {
        let w = watched();
        std::fs::rename(&w.file, w.dir.path().join("renamed.json")).expect("rename away");
        assert_eq!(
            w.events.recv_timeout(WAIT).expect("an event"),
            FileEvent::Removed { path: w.file.display().to_string() }
        );
        nothing_more(&w.events);
        // The same bytes coming back are still news: the app thought the file was gone.
        std::fs::write(&w.file, "{}").expect("restore");
        assert!(
            matches!(w.events.recv_timeout(WAIT), Ok(FileEvent::Changed { text, .. }) if text == "{}")
        );
    }

    #[test]
    fn a_file_that_stops_being_text_is_reported_with_a_code() {
        let w = watched();
        std::fs::write(&w.file, [0xff, 0xfe, 0x00]).expect("binary");
        match w.events.recv_timeout(WAIT).expect("an event") {
            FileEvent::Unreadable { error, .. } => {
                assert_eq!(error.code, crate::ipc::ErrorCode::NotText)
            }
            other => panic!("expected Unreadable, got {other:?}"),
        }
    }

    #[test]
    fn dropping_the_watch_stops_reports() {
        let w = watched();
        drop(w.watch);
        std::fs::write(&w.file, "{\"late\":true}").expect("write");
        nothing_more(&w.events);
    }
}
