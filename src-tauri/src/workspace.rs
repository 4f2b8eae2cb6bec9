//! What the shell remembers between commands: the file named on the command line and the
//! recent-files list. Plain Rust, so it is tested without a window.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::files;
use crate::ipc::{CommandError, OpenedFile};
use crate::recent;

pub struct Workspace {
    startup: Option<PathBuf>,
    recent_store: Option<PathBuf>,
    recent: Mutex<Vec<String>>,
}

impl Workspace {
    /// `startup` is the file to open first; the recent list is kept in `config_dir` if known.
    pub fn new(startup: Option<PathBuf>, config_dir: Option<&Path>) -> Workspace {
        let recent_store = config_dir.map(recent::store);
        let list = recent_store.as_deref().map(recent::load).unwrap_or_default();
        Workspace { startup, recent_store, recent: Mutex::new(list) }
    }

    pub fn startup_file(&self) -> Option<String> {
        self.startup.as_ref().map(|p| p.display().to_string())
    }

    pub fn open(&self, path: &str) -> Result<OpenedFile, CommandError> {
        files::open(Path::new(path)).inspect(|f| self.remember(&f.path))
    }

    pub fn save(&self, path: &str, text: &str) -> Result<OpenedFile, CommandError> {
        files::save(Path::new(path), text).inspect(|f| self.remember(&f.path))
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
}
