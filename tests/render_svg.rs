//! Rendering: every example, fixture and corpus definition draws to an SVG that resvg's parser
//! accepts, from a layout without overlaps; the fixture also rasterizes to a PNG.

mod common;

use std::path::{Path, PathBuf};

use serde_json::Value;
use statewright::layout::{Direction, Options, check, layout_definition};
use statewright::render::{self, png};

fn samples() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = common::definitions(&root.join("tests/fixtures/layout"));
    files.extend(common::definitions(&root.join("examples")));
    files.extend(common::corpus());
    files
}

#[test]
fn every_sample_renders_to_valid_svg_without_overlaps() {
    let options = resvg::usvg::Options::default();
    let mut failures = Vec::new();
    let files = samples();
    assert!(!files.is_empty());
    for f in &files {
        let Ok(text) = std::fs::read_to_string(f) else { continue };
        let Ok(value) = serde_json::from_str::<Value>(&text) else { continue };
        let layout = layout_definition(&value, &Options::default());
        let problems = check::problems(&layout);
        if !problems.is_empty() {
            failures.push(format!("{}: {}", f.display(), problems.join("; ")));
        }
        let svg =
            render::svg(&layout, &render::Options { direction: Direction::Down, legend: true });
        if let Err(e) = resvg::usvg::Tree::from_str(&svg, &options) {
            failures.push(format!("{}: invalid SVG: {e}", f.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures[..failures.len().min(20)].join("\n"));
}

#[test]
fn names_are_escaped_and_cut_to_fit() {
    let def: Value = serde_json::json!({"StartAt": "A <&> \"quoted\" and a very long state name that cannot fit", "States": {
        "A <&> \"quoted\" and a very long state name that cannot fit": {"Type": "Succeed"}}});
    let svg =
        render::svg(&layout_definition(&def, &Options::default()), &render::Options::default());
    assert!(svg.contains("A &lt;&amp;&gt; &quot;quoted&quot;"));
    assert!(svg.contains('…'));
    assert!(!svg.contains("cannot fit"));
}

#[test]
fn fixture_rasterizes_to_png() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("tests/fixtures/layout/order.asl.json")).unwrap();
    let value: Value = serde_json::from_str(&text).unwrap();
    let layout = layout_definition(&value, &Options::default());
    let svg = render::svg(&layout, &render::Options { direction: Direction::Down, legend: true });
    match png::png(&svg, 1.0) {
        Ok(bytes) => assert!(bytes.starts_with(b"\x89PNG") && bytes.len() > 10_000),
        // Without any font installed the renderer refuses rather than drawing no text.
        Err(e) => assert!(e.contains("no fonts"), "{e}"),
    }
}

#[test]
fn loops_are_drawn_apart_and_legend_lists_what_is_used() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("tests/fixtures/layout/order.asl.json")).unwrap();
    let value: Value = serde_json::from_str(&text).unwrap();
    for direction in [Direction::Down, Direction::Right] {
        let layout = layout_definition(&value, &Options { direction, ..Options::default() });
        let back = render::back_edges(&layout, direction);
        let loops: Vec<_> = layout
            .edges
            .iter()
            .zip(&back)
            .filter(|(_, b)| **b)
            .map(|(e, _)| (e.from.as_str(), e.to.as_str()))
            .collect();
        assert_eq!(loops, [("/States/Check payment", "/States/Payment settled?")]);
        let svg = render::svg(&layout, &render::Options { direction, legend: true });
        assert_eq!(
            svg.matches(r#"marker-end="url(#arrow-loop)""#).count(),
            2,
            "one loop, one legend entry"
        );
        assert!(svg.contains(">Loop back<") && svg.contains(">Catch<") && svg.contains(">Wait<"));
    }
}
