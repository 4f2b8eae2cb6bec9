//! Layered layout of a workflow diagram, with Parallel branches and Map processors drawn as
//! compound nodes inside their parent state's box.
//!
//! The types here are the contract shared by the CLI (`statewright layout --json`), the SVG/PNG
//! renderer and the desktop canvas: absolute coordinates, top-left origin.
//!
//! Written here rather than with `layout-rs` (the design card's first choice): that crate
//! enumerates every path in `DAG::is_reachable` (300 nodes take 19 s, 1000 never finish) and
//! has no clusters, which a Parallel/Map diagram needs. The pipeline per scope is in
//! [`layered`]; nesting is in [`compound`]. Guarantees (checked by [`check::problems`] in the
//! tests): every state is a node, siblings never overlap, children lie inside their parent,
//! every flow transition is routed from its source's border to its target's, same input gives
//! the same output, pinned states keep their place.

mod compound;
mod layered;
pub mod metrics;
mod order;
mod pins;
mod place;
mod rank;
mod room;
mod route;

pub mod check;

use serde::{Deserialize, Serialize};

pub use pins::{Pin, Pins};

use crate::graph::Workflow;

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
    /// `next`, `choice` (a Choice rule), `default` or `catch`. Entering and leaving a branch or
    /// an item processor is shown by containment, not by edges.
    pub kind: String,
    /// A short caption (the Choice condition summary, the caught errors), if any.
    pub label: Option<String>,
    /// The polyline, first point on `from`'s border, last on `to`'s.
    pub points: Vec<[f64; 2]>,
    /// Where the label's text starts: its left end, vertically centred (absolute), when there
    /// is a label.
    pub label_at: Option<[f64; 2]>,
    /// Where the transition is written (`/States/C/Choices/0/Next`), so the designer can change
    /// or remove exactly it. Not part of the JSON output.
    #[serde(skip)]
    pub source: String,
}

/// What to lay out how.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub direction: Direction,
    /// States placed by hand (from the sidecar file).
    pub pins: Pins,
}

/// Lays out a workflow graph. Never panics; an empty or unreadable definition gives an empty
/// diagram.
pub fn layout(wf: &Workflow, options: &Options) -> Layout {
    let ctx = compound::Ctx { wf, dir: options.direction, pins: &options.pins };
    let m = metrics::MARGIN;
    let mut block = compound::scope_block(&ctx, 0, [m, m], None);
    for n in &mut block.nodes {
        n.x += m;
        n.y += m;
    }
    for e in &mut block.edges {
        for p in e.points.iter_mut().chain(e.label_at.iter_mut()) {
            p[0] += m;
            p[1] += m;
        }
    }
    Layout {
        width: block.size[0] + 2.0 * m,
        height: block.size[1] + 2.0 * m,
        nodes: block.nodes,
        edges: block.edges,
    }
}

/// Builds the graph of a definition value and lays it out.
pub fn layout_definition(definition: &serde_json::Value, options: &Options) -> Layout {
    layout(&Workflow::build(definition), options)
}
