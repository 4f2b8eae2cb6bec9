//! Layered layout of a workflow diagram, with Parallel branches and Map processors drawn as
//! compound nodes inside their parent state's box.
//!
//! The types here are the contract shared by the CLI (`statewright layout --json`), the SVG/PNG
//! renderer and the desktop canvas: absolute coordinates, top-left origin.

pub mod placeholder;

use serde::{Deserialize, Serialize};

/// Which way the diagram flows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    #[default]
    Down,
    Right,
}

/// A laid-out diagram.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

/// A box: a state, or a container (a Parallel branch, a Map processor).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Node {
    /// JSON pointer of the state (`/States/Pay`), or of the container
    /// (`/States/Fan/Branches/0`, `/States/Each/ItemProcessor`).
    pub id: String,
    pub name: String,
    /// The state's `Type`, or `Branch` / `ItemProcessor` for containers.
    #[serde(rename = "type")]
    pub kind: String,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// The enclosing node's id, or `None` at the top level.
    pub parent: Option<String>,
}

/// A routed transition between two nodes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    pub from: String,
    pub to: String,
    /// `next`, `choice`, `default`, `catch`, `branch`, `processor`...
    pub kind: String,
    /// A short caption (the Choice condition summary, the caught errors), if any.
    pub label: Option<String>,
    /// The polyline, first point on `from`'s border, last on `to`'s.
    pub points: Vec<[f64; 2]>,
}
