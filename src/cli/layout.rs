//! `statewright layout FILE [--direction down|right] [--json]`.
//!
//! `--json` prints the [`Layout`](crate::layout::Layout) contract: `{"width","height","nodes":
//! [{"id","name","type","x","y","width","height","parent"}],"edges":[{"from","to","kind",
//! "label","points","label_at"}]}`, absolute coordinates, top-left origin. Pins are read from
//! the sidecar `NAME.asl.layout.json` when it exists (see [`Pins`]); a broken sidecar is
//! reported and ignored. Without `--json`, a short summary.

use std::path::PathBuf;

use super::input::read_document;
use crate::layout::{self, Direction, Options, Pins};

#[derive(clap::Args)]
pub struct Args {
    /// The definition to lay out (`.asl.json` or `.json`).
    file: PathBuf,
    /// Which way the diagram flows.
    #[arg(long, value_enum, default_value = "down")]
    direction: Direction,
    /// Print the layout as JSON.
    #[arg(long)]
    json: bool,
}

/// Reads the definition and its sidecar, then lays it out (shared with `render`).
pub(super) fn load(file: &std::path::Path, direction: Direction) -> Result<layout::Layout, String> {
    let doc = read_document(file).map_err(|f| f.describe(file))?;
    let sidecar = Pins::sidecar_path(file);
    let pins = match std::fs::read_to_string(&sidecar) {
        Ok(text) => Pins::parse(&text).unwrap_or_else(|e| {
            eprintln!("warning: {}: {e}; pins ignored", sidecar.display());
            Pins::default()
        }),
        Err(_) => Pins::default(),
    };
    Ok(layout::layout_definition(doc.value(), &Options { direction, pins }))
}

pub fn run(args: Args) -> u8 {
    let layout = match load(&args.file, args.direction) {
        Ok(l) => l,
        Err(message) => {
            eprintln!("error: {message}");
            return 2;
        }
    };
    if args.json {
        match serde_json::to_string(&layout) {
            Ok(s) => emit(&s),
            Err(e) => {
                eprintln!("error: {e}");
                return 2;
            }
        }
        return 0;
    }
    emit(&summary(&args, &layout));
    0
}

/// Writes to stdout, quietly stopping if the reader went away (`| head`).
fn emit(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{text}");
}

fn summary(args: &Args, layout: &layout::Layout) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let containers = layout
        .nodes
        .iter()
        .filter(|n| matches!(n.kind.as_str(), "Branch" | "ItemProcessor"))
        .count();
    let _ = write!(
        s,
        "{}: {} states, {} containers, {} edges, {:.0} × {:.0}",
        args.file.display(),
        layout.nodes.len() - containers,
        containers,
        layout.edges.len(),
        layout.width,
        layout.height
    );
    for n in layout.nodes.iter().filter(|n| n.parent.is_none()) {
        let _ = write!(
            s,
            "\n  {:<32} {:<10} at ({:.0}, {:.0}) {:.0}×{:.0}",
            n.name, n.kind, n.x, n.y, n.width, n.height
        );
    }
    s
}
