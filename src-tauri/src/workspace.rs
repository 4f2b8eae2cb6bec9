//! What the shell remembers between commands: the file named on the command line, the
//! recent-files list, the watch on the open file and the drafts folder. Plain Rust, so it is
//! tested without a window.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::drafts::{self, Draft};
use crate::files;
use crate::ipc::{CommandError, OpenedFile};
use crate::recent;
use crate::watch::{self, FileEvent, OnDisk, Watch};

/// Where reports about the open file go (the window, in the app).
pub type FileEventSink = std::sync::Arc<dyn Fn(FileEvent) + Send + Sync>;

pub struct Workspace {
    startup: Option<PathBuf>,
    recent_store: Option<PathBuf>,
    recent: Mutex<Vec<String>>,
    on_disk: OnDisk,
    watch: Mutex<Option<Watch>>,
    sink: Option<FileEventSink>,
    drafts: Option<PathBuf>,
}

impl Workspace {
    /// `startup` is the file to open first; the recent list is kept in `config_dir` if known.
    pub fn new(startup: Option<PathBuf>, config_dir: Option<&Path>) -> Workspace {
        let recent_store = config_dir.map(recent::store);
        let list = recent_store.as_deref().map(recent::load).unwrap_or_default();
        Workspace {
            startup,
            recent_store,
            recent: Mutex::new(list),
            on_disk: OnDisk::default(),
            watch: Mutex::new(None),
            sink: None,
            drafts: None,
        }
    }

    /// Watches each file opened or saved, reporting outside changes to `sink`.
    #[must_use]
    pub fn watching(mut self, sink: FileEventSink) -> Workspace {
        self.sink = Some(sink);
        self
    }

    /// Keeps drafts of unsaved text in `data_dir`.
    #[must_use]
    pub fn with_drafts(mut self, data_dir: &Path) -> Workspace {
        self.drafts = Some(drafts::folder(data_dir));
        self
    }

    pub fn startup_file(&self) -> Option<String> {
        self.startup.as_ref().map(|p| p.display().to_string())
    }

    pub fn open(&self, path: &str) -> Result<OpenedFile, CommandError> {
        let f = files::open(Path::new(path))?;
        self.remember(&f.path);
        self.on_disk.set(Some(f.text.clone().into_bytes()));
        self.follow(&f.path);
        Ok(f)
    }

    /// Saves `text`; the watch is told first, so this save is not reported as an outside change.
    pub fn save(&self, path: &str, text: &str) -> Result<OpenedFile, CommandError> {
        let path = std::path::absolute(path).unwrap_or_else(|_| PathBuf::from(path));
        let same_file = self.watched().as_deref() == Some(path.as_path());
        let before = self.on_disk.get();
        if same_file {
            self.on_disk.set(Some(text.as_bytes().to_vec()));
        }
        let f = files::save(&path, text).inspect_err(|_| {
            if same_file {
                self.on_disk.set(before);
            }
        })?;
        self.remember(&f.path);
        if !same_file {
            self.on_disk.set(Some(text.as_bytes().to_vec()));
            self.follow(&f.path);
        }
        self.clear_draft(Some(&f.path));
        Ok(f)
    }

    /// Stops watching (the window shows an untitled workflow now).
    pub fn unwatch(&self) {
        if let Ok(mut w) = self.watch.lock() {
            *w = None;
        }
        self.on_disk.set(None);
    }

    /// Keeps `text` as the draft of `path` (or of the untitled workflow), stamped `now_ms`.
    pub fn save_draft(
        &self,
        path: Option<&str>,
        text: &str,
        now_ms: u64,
    ) -> Result<(), CommandError> {
        let Some(folder) = &self.drafts else { return Ok(()) };
        drafts::write(folder, path, text, now_ms).map_err(|e| CommandError {
            code: crate::ipc::ErrorCode::WriteFailed,
            message: format!("The automatic copy of your unsaved changes could not be kept ({e})."),
            path: None,
        })
    }

    pub fn clear_draft(&self, path: Option<&str>) {
        if let Some(folder) = &self.drafts {
            drafts::clear(folder, path);
        }
    }

    /// Unsaved text of `path` left by a previous run, if it is worth offering back.
    pub fn draft(&self, path: Option<&str>) -> Option<Draft> {
        drafts::offer(self.drafts.as_deref()?, path)
    }

    fn watched(&self) -> Option<PathBuf> {
        self.watch.lock().ok().and_then(|w| w.as_ref().map(|w| w.path().to_path_buf()))
    }

    /// Watches `path` instead of the previous file (if this workspace reports changes at all).
    fn follow(&self, path: &str) {
        let Some(sink) = self.sink.clone() else { return };
        let Ok(mut current) = self.watch.lock() else { return };
        *current = None;
        // Without a watch (a folder the system will not watch) the app still works, unwatched.
        *current =
            watch::watch(Path::new(path), self.on_disk.clone(), watch::SETTLE, move |e| sink(e))
                .ok();
    }

    pub fn recent_files(&self) -> Vec<String> {
        self.recent.lock().map(|l| l.clone()).unwrap_or_default()
    }

    fn remember(&self, path: &str) {
        if let Ok(mut list) = self.recent.lock() {
            *list = recent::remember(std::mem::take(&mut *list), path);
            if let Some(store) = &self.recent_store {
                recent::persist(store, &list);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opening_and_saving_fill_the_recent_list_across_restarts() {
        let dir = tempfile::tempdir().expect("temp dir");
        let a = dir.path().join("a.asl.json");
        let b = dir.path().join("b.asl.json");
        std::fs::write(&a, "{}").expect("write");
        let ws = Workspace::new(Some(a.clone()), Some(dir.path()));
        assert_eq!(ws.startup_file(), Some(a.display().to_string()));
        ws.open(&a.display().to_string()).expect("opens");
        ws.save(&b.display().to_string(), "{ }").expect("saves");
        assert!(ws.open("/definitely/not/here.json").is_err());
        let again = Workspace::new(None, Some(dir.path()));
        assert_eq!(again.recent_files(), vec![b.display().to_string(), a.display().to_string()]);
    }

    fn watched_workspace(dir: &Path) -> (Workspace, std::sync::mpsc::Receiver<FileEvent>) {
        let (tx, rx) = std::sync::mpsc::channel();
        let tx = Mutex::new(tx);
        let ws =
            Workspace::new(None, None).with_drafts(dir).watching(std::sync::Arc::new(move |e| {
                if let Ok(tx) = tx.lock() {
                    let _ = tx.send(e);
                }
            }));
        (ws, rx)
    }

    #[test]
    fn saves_through_the_workspace_never_echo_but_outside_writes_do() {
        let dir = tempfile::tempdir().expect("temp dir");
        let a = dir.path().join("a.asl.json");
        std::fs::write(&a, "{}").expect("write");
        let (ws, rx) = watched_workspace(dir.path());
        let path = a.display().to_string();
        ws.open(&path).expect("opens");
        ws.save(&path, "{\"Comment\":\"mine\"}").expect("saves");
        let quiet = std::time::Duration::from_millis(400);
        assert!(rx.recv_timeout(quiet).is_err(), "our own save is not an outside change");
        std::fs::write(&a, "{\"Comment\":\"theirs\"}").expect("outside write");
        let event = rx.recv_timeout(std::time::Duration::from_secs(3)).expect("reported");
        assert_eq!(
            event,
            FileEvent::Changed { path: path.clone(), text: "{\"Comment\":\"theirs\"}".into() }
        );
        // Keep mine: saving over their version is ours again, and silent.
        ws.save(&path, "{\"Comment\":\"mine\"}").expect("saves");
        assert!(rx.recv_timeout(quiet).is_err());
    }

    #[test]
    fn save_as_moves_the_watch_to_the_new_file_and_clears_its_draft() {
        let dir = tempfile::tempdir().expect("temp dir");
        let a = dir.path().join("a.asl.json");
        let b = dir.path().join("b.asl.json");
        std::fs::write(&a, "{}").expect("write");
        let (ws, rx) = watched_workspace(dir.path());
        ws.open(&a.display().to_string()).expect("opens");
        let b_path = b.display().to_string();
        ws.save_draft(Some(&b_path), "{\"x\":1}", u64::MAX / 2).expect("draft");
        assert!(ws.draft(Some(&b_path)).is_some());
        ws.save(&b_path, "{\"x\":1}").expect("save as");
        assert!(ws.draft(Some(&b_path)).is_none(), "saving clears the draft");
        std::fs::write(&a, "{\"old\":1}").expect("write the old file");
        std::fs::write(&b, "{\"new\":1}").expect("write the new file");
        let event = rx.recv_timeout(std::time::Duration::from_secs(3)).expect("reported");
        assert_eq!(event, FileEvent::Changed { path: b_path, text: "{\"new\":1}".into() });
    }
}
