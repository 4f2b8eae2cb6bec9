//! Pinned positions: the optional sidecar `NAME.asl.layout.json` next to `NAME.asl.json`.
//!
//! Format (version 1):
//!
//! ```json
//! {
//!   "version": 1,
//!   "pins": {
//!     "/States/Pay": { "x": 420, "y": 96 },
//!     "/States/Fan/Branches/0/States/Check": { "x": 14, "y": 36 }
//!   }
//! }
//! ```
//!
//! Keys are state pointers (as in the layout's node ids). `x`/`y` are the top-left of the
//! state's box relative to the top-left of the box that contains it: the canvas for top-level
//! states, the branch or item-processor container for nested ones, so a pinned nested state
//! moves with its parent. Unknown members are ignored; pins of states that no longer exist are
//! ignored. The layout leaves pinned states where they are, routes their edges to them, and
//! pushes the other states of their scope out of their way.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::asl::edit::Edit;
use crate::asl::pointer;

/// One pinned position.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Pin {
    pub x: f64,
    pub y: f64,
}

/// The sidecar file's content.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Pins {
    #[serde(default = "version")]
    pub version: u32,
    #[serde(default)]
    pub pins: BTreeMap<String, Pin>,
}

fn version() -> u32 {
    1
}

impl Pins {
    /// Parses a sidecar's text.
    pub fn parse(text: &str) -> Result<Pins, String> {
        serde_json::from_str(text).map_err(|e| format!("not a layout sidecar: {e}"))
    }

    /// The pin of a state, if any.
    pub fn get(&self, pointer: &str) -> Option<Pin> {
        self.pins.get(pointer).copied()
    }

    /// The pins after `edit` was applied to the definition, so hand-placed states keep their
    /// place through it: a renamed state's pin, and the pins of the states nested in it, follow
    /// its new pointer; a removed state's pins (its own and its descendants') are dropped, as are
    /// those of a state moved to another `States` (they were relative to its old container).
    /// Other edits leave the pins as they are. Pure: call it with an edit that was applied.
    pub fn after_edit(&self, edit: &Edit) -> Pins {
        let mut out = self.clone();
        out.follow(edit);
        out
    }

    fn follow(&mut self, edit: &Edit) {
        match edit {
            Edit::RenameState { pointer, new_name } => {
                let Some(i) = pointer.rfind('/') else { return };
                let renamed = pointer::join(&pointer[..i], new_name);
                if renamed == *pointer {
                    return;
                }
                let moved = self.take(pointer);
                self.take(&renamed);
                for (rest, pin) in moved {
                    self.pins.insert(format!("{renamed}{rest}"), pin);
                }
            }
            Edit::RemoveState { pointer }
            | Edit::RemoveField { pointer }
            | Edit::ClearField { pointer } => {
                self.take(pointer);
            }
            Edit::MoveState { from_container, to_container, name, .. } => {
                if from_container != to_container {
                    self.take(&pointer::join(from_container, name));
                }
            }
            Edit::Batch { edits } => edits.iter().for_each(|e| self.follow(e)),
            Edit::AddState { .. } | Edit::SetField { .. } | Edit::PutField { .. } => {}
        }
    }

    /// Removes the pins of `pointer` and of everything under it: `(the rest of the key after
    /// pointer, pin)` pairs.
    fn take(&mut self, pointer: &str) -> Vec<(String, Pin)> {
        let keys: Vec<String> = self
            .pins
            .range(pointer.to_string()..)
            .map(|(k, _)| k)
            .take_while(|k| k.starts_with(pointer))
            .filter(|k| k.len() == pointer.len() || k[pointer.len()..].starts_with('/'))
            .cloned()
            .collect();
        keys.into_iter()
            .filter_map(|k| self.pins.remove(&k).map(|p| (k[pointer.len()..].to_string(), p)))
            .collect()
    }

    /// The sidecar path of a definition: `flow.asl.json` → `flow.asl.layout.json`,
    /// `flow.json` → `flow.layout.json`.
    pub fn sidecar_path(definition: &Path) -> PathBuf {
        let name =
            definition.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let stem = name.strip_suffix(".json").unwrap_or(&name);
        definition.with_file_name(format!("{stem}.layout.json"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sidecar_round_trip_and_path() {
        let p =
            Pins::parse(r#"{"version":1,"pins":{"/States/A":{"x":1.5,"y":2}},"extra":0}"#).unwrap();
        assert_eq!(p.get("/States/A"), Some(Pin { x: 1.5, y: 2.0 }));
        assert!(Pins::parse(r#"{"pins": 3}"#).is_err());
        assert!(Pins::parse("not json").is_err());
        assert_eq!(
            Pins::sidecar_path(Path::new("/d/flow.asl.json")),
            Path::new("/d/flow.asl.layout.json")
        );
    }

    fn pins(keys: &[&str]) -> Pins {
        let mut p = Pins::default();
        for (i, k) in keys.iter().enumerate() {
            p.pins.insert(k.to_string(), Pin { x: i as f64, y: 10.0 * i as f64 });
        }
        p
    }

    fn keys(p: &Pins) -> Vec<(&str, f64)> {
        p.pins.iter().map(|(k, v)| (k.as_str(), v.x)).collect()
    }

    #[test]
    fn a_rename_carries_the_pins_of_the_state_and_of_everything_inside_it() {
        let before = pins(&[
            "/States/Par",
            "/States/Par/Branches/0/States/X",
            "/States/Par/Branches/1/States/Y",
            "/States/Parade",
            "/States/New",
        ]);
        let rename = |pointer: &str, new_name: &str| Edit::RenameState {
            pointer: pointer.into(),
            new_name: new_name.into(),
        };
        let after = before.after_edit(&rename("/States/Par", "Fan"));
        assert_eq!(
            keys(&after),
            [
                ("/States/Fan", 0.0),
                ("/States/Fan/Branches/0/States/X", 1.0),
                ("/States/Fan/Branches/1/States/Y", 2.0),
                ("/States/New", 4.0),
                ("/States/Parade", 3.0),
            ]
        );
        // A stale pin under the new name gives way to the renamed state's.
        let after = before.after_edit(&rename("/States/Parade", "New"));
        assert_eq!(after.get("/States/New"), Some(Pin { x: 3.0, y: 30.0 }));
        assert_eq!(after.pins.len(), 4);
        // Nested states, and names that need escaping in a pointer.
        let after = before.after_edit(&rename("/States/Par/Branches/0/States/X", "a/b~c"));
        assert_eq!(
            after.get("/States/Par/Branches/0/States/a~1b~0c"),
            Some(Pin { x: 1.0, y: 10.0 })
        );
        assert_eq!(after.get("/States/Par/Branches/0/States/X"), None);
        // Same name, unknown state, bad pointer: nothing changes.
        assert_eq!(before.after_edit(&rename("/States/Par", "Par")), before);
        assert_eq!(before.after_edit(&rename("/States/Nope", "Other")), before);
        assert_eq!(before.after_edit(&rename("nothing", "Other")), before);
    }

    #[test]
    fn removing_or_moving_away_a_state_drops_its_pins_and_its_descendants() {
        let before = pins(&[
            "/States/Par",
            "/States/Par/Branches/0/States/X",
            "/States/Parade",
            "/States/B",
        ]);
        let batch = Edit::Batch {
            edits: vec![
                Edit::SetField { pointer: "/States/B/Next".into(), value: "Parade".into() },
                Edit::RemoveState { pointer: "/States/Par".into() },
            ],
        };
        assert_eq!(keys(&before.after_edit(&batch)), [("/States/B", 3.0), ("/States/Parade", 2.0)]);
        let branch = Edit::RemoveField { pointer: "/States/Par/Branches/0".into() };
        assert_eq!(before.after_edit(&branch).pins.len(), 3);
        let away = |to: &str| Edit::MoveState {
            from_container: "/States".into(),
            to_container: to.into(),
            name: "B".into(),
            after: None,
        };
        assert_eq!(
            before.after_edit(&away("/States/Par/Branches/0/States")).get("/States/B"),
            None
        );
        assert_eq!(before.after_edit(&away("/States")), before);
    }
}
