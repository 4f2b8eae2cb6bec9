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
//! ignored. The layout leaves pinned states where they are and routes their edges to them; it
//! does not move other states out of their way.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

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
}
