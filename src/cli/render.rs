//! `statewright render FILE -o out.svg|out.png [--direction down|right] [--no-legend]`.
//!
//! Lays the definition out (with its sidecar pins, like `layout`) and draws it; the output
//! format follows the extension of `-o`.

use std::path::PathBuf;

use crate::layout::Direction;
use crate::render;

#[derive(clap::Args)]
pub struct Args {
    /// The definition to draw (`.asl.json` or `.json`).
    file: PathBuf,
    /// Where to write the picture: `.svg` or `.png`.
    #[arg(short = 'o', long = "output")]
    output: PathBuf,
    /// Which way the diagram flows.
    #[arg(long, value_enum, default_value = "down")]
    direction: Direction,
    /// Leave out the legend.
    #[arg(long)]
    no_legend: bool,
    /// PNG pixels per layout unit.
    #[arg(long, default_value_t = 2.0)]
    scale: f64,
}

pub fn run(args: Args) -> u8 {
    let layout = match super::layout::load(&args.file, args.direction) {
        Ok(l) => l,
        Err(message) => {
            eprintln!("error: {message}");
            return 2;
        }
    };
    let options = render::Options { direction: args.direction, legend: !args.no_legend };
    let svg = render::svg(&layout, &options);
    let ext = args.output.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let bytes = match ext.as_str() {
        "svg" => svg.into_bytes(),
        "png" => match render::png::png(&svg, args.scale) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("error: {e}");
                return 2;
            }
        },
        _ => {
            eprintln!("error: {}: the output must end in .svg or .png", args.output.display());
            return 2;
        }
    };
    match std::fs::write(&args.output, bytes) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("error: {}: cannot write it ({e})", args.output.display());
            2
        }
    }
}
