//! Property test: random pins over real workflows (the examples, the conformance corpus when
//! present, generated ones), some of them dropped right on top of another state. Whatever the
//! pins, every box is still there, pinned boxes are exactly where they were pinned, no box
//! overlaps a sibling unless both were pinned (the user's choice), and the layout keeps its
//! other invariants.

mod common;

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::OnceLock;

use proptest::prelude::*;
use serde_json::Value;
use statewright::layout::{Direction, Layout, Node, Options, Pin, Pins, check, layout_definition};

/// Workflows with a few states at least (small enough for many cases).
fn workflows() -> &'static [Value] {
    static ALL: OnceLock<Vec<Value>> = OnceLock::new();
    ALL.get_or_init(|| {
        let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
        let mut files = common::definitions(&examples);
        files.extend(common::corpus());
        let mut out: Vec<Value> = files
            .iter()
            .filter_map(|f| serde_json::from_str(&std::fs::read_to_string(f).ok()?).ok())
            .filter(|v| (4..=300).contains(&statewright::graph::Workflow::build(v).state_count()))
            .collect();
        out.extend((0..8).map(|seed| common::workflow(seed, 20 + 10 * seed as usize)));
        out
    })
}

/// Top-left of `n` relative to its parent box (the canvas at the top level).
fn relative(l: &Layout, n: &Node) -> [f64; 2] {
    match n.parent.as_deref().and_then(|p| l.nodes.iter().find(|m| m.id == p)) {
        Some(p) => [n.x - p.x, n.y - p.y],
        None => [n.x, n.y],
    }
}

fn overlap(a: &Node, b: &Node) -> bool {
    const EPS: f64 = 0.5;
    a.x + a.width > b.x + EPS
        && b.x + b.width > a.x + EPS
        && a.y + a.height > b.y + EPS
        && b.y + b.height > a.y + EPS
}

/// Pins about a quarter of the states (chosen by `seed`): at a random place, or on top of a
/// sibling (where the unpinned layout has it, give or take a few pixels).
fn random_pins(free: &Layout, seed: u64) -> Pins {
    let mut rng = common::Rng::new(seed);
    let states: Vec<&Node> = free
        .nodes
        .iter()
        .filter(|n| !matches!(n.kind.as_str(), "Branch" | "ItemProcessor"))
        .collect();
    let mut pins = Pins::default();
    for n in &states {
        if rng.below(4) != 0 {
            continue;
        }
        let siblings: Vec<&&Node> =
            states.iter().filter(|m| m.parent == n.parent && m.id != n.id).collect();
        let at = if !siblings.is_empty() && rng.below(2) == 0 {
            let s = siblings[rng.below(siblings.len() as u64) as usize];
            let r = relative(free, s);
            let jiggle = |rng: &mut common::Rng| rng.below(41) as f64 - 20.0;
            [(r[0] + jiggle(&mut rng)).max(40.0), (r[1] + jiggle(&mut rng)).max(40.0)]
        } else {
            [40.0 + rng.below(12_000) as f64 / 10.0, 40.0 + rng.below(12_000) as f64 / 10.0]
        };
        pins.pins.insert(n.id.clone(), Pin { x: at[0], y: at[1] });
    }
    pins
}

fn check_pins(def: &Value, direction: Direction, seed: u64) -> Result<(), TestCaseError> {
    let free = layout_definition(def, &Options { direction, ..Options::default() });
    let pins = random_pins(&free, seed);
    let l = layout_definition(def, &Options { direction, pins: pins.clone() });
    let ids = |l: &Layout| l.nodes.iter().map(|n| n.id.clone()).collect::<HashSet<_>>();
    prop_assert_eq!(ids(&l), ids(&free), "every box is still there");
    for (id, pin) in &pins.pins {
        let n = l.nodes.iter().find(|n| &n.id == id).expect("present");
        let r = relative(&l, n);
        prop_assert!(
            (r[0] - pin.x).abs() < 1e-6 && (r[1] - pin.y).abs() < 1e-6,
            "{id} pinned at {:?} but laid out at {r:?}",
            pin
        );
    }
    let mut by_parent: HashMap<Option<&str>, Vec<&Node>> = HashMap::new();
    for n in &l.nodes {
        by_parent.entry(n.parent.as_deref()).or_default().push(n);
    }
    for kids in by_parent.values() {
        for (i, a) in kids.iter().enumerate() {
            for b in &kids[i + 1..] {
                let both = pins.pins.contains_key(&a.id) && pins.pins.contains_key(&b.id);
                prop_assert!(!overlap(a, b) || both, "{} overlaps {}", a.id, b.id);
            }
        }
    }
    let problems: Vec<String> =
        check::problems(&l).into_iter().filter(|p| !p.contains(" overlaps ")).collect();
    prop_assert!(problems.is_empty(), "{problems:?}");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn pinned_states_stay_and_the_others_make_room(
        which in any::<prop::sample::Index>(),
        right in any::<bool>(),
        seed in any::<u64>(),
    ) {
        let all = workflows();
        let def = &all[which.index(all.len())];
        let direction = if right { Direction::Right } else { Direction::Down };
        check_pins(def, direction, seed)?;
    }
}

/// The case the property is about, spelled out: a state dropped on its neighbour pushes it
/// aside instead of covering it.
#[test]
fn a_state_dropped_on_its_neighbour_pushes_it_aside() {
    let def: Value = serde_json::from_str(
        r#"{"StartAt": "C", "States": {
            "C": {"Type": "Choice", "Choices": [{"Variable": "$.a", "BooleanEquals": true, "Next": "A"}], "Default": "B"},
            "A": {"Type": "Succeed"}, "B": {"Type": "Fail"}}}"#,
    )
    .unwrap();
    let free = layout_definition(&def, &Options::default());
    let find = |l: &Layout, id: &str| l.nodes.iter().find(|n| n.id == id).cloned().unwrap();
    let (a, b) = (find(&free, "/States/A"), find(&free, "/States/B"));
    assert!((a.y - b.y).abs() < 0.5 && a.x < b.x, "A and B side by side: {a:?} {b:?}");
    let mut pins = Pins::default();
    pins.pins.insert("/States/A".into(), Pin { x: b.x - 30.0, y: b.y + 10.0 });
    let l = layout_definition(&def, &Options { pins, ..Options::default() });
    let (a, b) = (find(&l, "/States/A"), find(&l, "/States/B"));
    assert!(!overlap(&a, &b), "{a:?} {b:?}");
    assert!(b.x >= a.x + a.width, "B pushed to the right of A: {a:?} {b:?}");
    assert!(check::problems(&l).is_empty(), "{:?}", check::problems(&l));
    let e = l.edges.iter().find(|e| e.to == "/States/B").unwrap();
    let end = e.points.last().unwrap();
    assert!(end[0] >= b.x && end[0] <= b.x + b.width, "the edge into B follows it: {e:?}");
}
