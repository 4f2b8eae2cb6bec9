//! Hand-placed states ("pins") kept beside the definition in `NAME.asl.layout.json` (the core's
//! format, `statewright::layout::Pins`): read when a file is opened, written after it is saved.
//! No pins means no sidecar: an existing one is removed rather than left stale.

use std::collections::BTreeMap;
use std::path::Path;

use statewright::asl::edit::Edit;
use statewright::layout::{self, Pins};

use crate::ipc::{CommandError, ErrorCode, Pin};

/// The pins saved beside `definition`; none when there is no sidecar.
pub fn load(definition: &Path) -> Result<BTreeMap<String, Pin>, CommandError> {
    let path = Pins::sidecar_path(definition);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(BTreeMap::new()),
        Err(e) => {
            return Err(fail(ErrorCode::ReadFailed, &path, &format!("could not be read ({e})")));
        }
    };
    let pins =
        Pins::parse(&text).map_err(|e| fail(ErrorCode::ReadFailed, &path, &format!("is {e}")))?;
    Ok(pins.pins.into_iter().map(|(k, p)| (k, Pin { x: p.x, y: p.y })).collect())
}

/// Writes `pins` beside `definition` (atomically), or removes the sidecar when there are none.
pub fn save(definition: &Path, pins: &BTreeMap<String, Pin>) -> Result<(), CommandError> {
    let path = Pins::sidecar_path(definition);
    if pins.is_empty() {
        return match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                Err(fail(ErrorCode::WriteFailed, &path, &format!("could not be removed ({e})")))
            }
            _ => Ok(()),
        };
    }
    let mut text = serde_json::to_string_pretty(&to_core(pins)).unwrap_or_default();
    text.push('\n');
    statewright::asl::save::write_atomically(&path, text.as_bytes())
        .map_err(|e| fail(ErrorCode::WriteFailed, &path, &format!("could not be saved ({e})")))
}

/// The core's form of the UI's pins.
pub fn to_core(pins: &BTreeMap<String, Pin>) -> Pins {
    Pins {
        version: 1,
        pins: pins
            .iter()
            .filter(|(_, p)| p.x.is_finite() && p.y.is_finite())
            .map(|(k, p)| (k.clone(), layout::Pin { x: p.x, y: p.y }))
            .collect(),
    }
}

/// The pins after `edit`, when it moved or dropped some (see `Pins::after_edit`); `None` when
/// they are as they were.
pub fn carry(pins: &BTreeMap<String, Pin>, edit: &Edit) -> Option<BTreeMap<String, Pin>> {
    let core = to_core(pins);
    let after = core.after_edit(edit);
    (after != core)
        .then(|| after.pins.into_iter().map(|(k, p)| (k, Pin { x: p.x, y: p.y })).collect())
}

fn fail(code: ErrorCode, path: &Path, what: &str) -> CommandError {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    CommandError {
        code,
        message: format!("The layout file “{name}” {what}."),
        path: Some(path.display().to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pins_round_trip_through_the_sidecar_and_none_removes_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let flow = dir.path().join("flow.asl.json");
        let sidecar = dir.path().join("flow.asl.layout.json");
        assert_eq!(load(&flow).expect("no sidecar yet"), BTreeMap::new());
        let pins = BTreeMap::from([("/States/A".to_owned(), Pin { x: 12.5, y: 40.0 })]);
        save(&flow, &pins).expect("saves");
        assert_eq!(load(&flow).expect("loads"), pins);
        let written: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&sidecar).expect("written"))
                .expect("JSON");
        assert_eq!(
            written,
            serde_json::json!({"version": 1, "pins": {"/States/A": {"x": 12.5, "y": 40.0}}})
        );
        save(&flow, &BTreeMap::new()).expect("removes");
        assert!(!sidecar.exists());
        save(&flow, &BTreeMap::new()).expect("nothing to remove");
        std::fs::write(&sidecar, "not json").expect("write");
        assert_eq!(load(&flow).expect_err("broken").code, ErrorCode::ReadFailed);
    }
}
