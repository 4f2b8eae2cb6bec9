//! The recent-files list: most recent first, no duplicates, at most ten, kept as JSON in the
//! app's config folder.

use std::path::{Path, PathBuf};

const LIMIT: usize = 10;

/// `list` with `path` moved (or added) to the front.
pub fn remember(mut list: Vec<String>, path: &str) -> Vec<String> {
    list.retain(|p| p != path);
    list.insert(0, path.to_owned());
    list.truncate(LIMIT);
    list
}

/// Where the list lives inside `config_dir`.
pub fn store(config_dir: &Path) -> PathBuf {
    config_dir.join("recent-files.json")
}

/// The stored list (empty if there is none or it is unreadable: it is only a convenience).
pub fn load(file: &Path) -> Vec<String> {
    std::fs::read_to_string(file)
        .ok()
        .and_then(|t| serde_json::from_str::<Vec<String>>(&t).ok())
        .unwrap_or_default()
}

/// Stores `list`; failures are ignored for the same reason.
pub fn persist(file: &Path, list: &[String]) {
    if let Some(dir) = file.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    if let Ok(json) = serde_json::to_vec_pretty(list) {
        let _ = statewright::asl::save::write_atomically(file, &json);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn most_recent_first_without_duplicates_capped() {
        let mut list = Vec::new();
        for i in 0..12 {
            list = remember(list, &format!("/f{i}"));
        }
        list = remember(list, "/f5");
        assert_eq!(list.len(), LIMIT);
        assert_eq!(list[0], "/f5");
        assert_eq!(list[1], "/f11");
        assert_eq!(list.iter().filter(|p| *p == "/f5").count(), 1);
    }

    #[test]
    fn round_trips_through_the_config_folder() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = store(&dir.path().join("nested"));
        assert!(load(&file).is_empty());
        persist(&file, &["/a".to_owned(), "/b".to_owned()]);
        assert_eq!(load(&file), vec!["/a", "/b"]);
        std::fs::write(&file, "not json").expect("write");
        assert!(load(&file).is_empty());
    }
}
