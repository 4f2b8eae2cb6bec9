//! Stability: a one-state edit of a 100-state workflow moves at most 10% of the boxes, and
//! pinned states keep their place.

mod common;

use std::collections::HashMap;

use serde_json::{Value, json};
use statewright::layout::{Direction, Layout, Options, Pin, Pins, check, layout_definition};

/// Top-left of every box by id.
fn boxes(l: &Layout) -> HashMap<String, (f64, f64)> {
    l.nodes.iter().map(|n| (n.id.clone(), (n.x, n.y))).collect()
}

/// How many of the boxes present in both layouts (ids mapped by `rename`) moved relative to the
/// start state (a shift of the whole picture, as when a state is added on its far left, is not
/// a move: the canvas keeps the start state where it was), and how many were compared.
fn moved(a: &Layout, b: &Layout, rename: &dyn Fn(&str) -> String) -> (usize, usize) {
    let (a, b) = (boxes(a), boxes(b));
    let anchor =
        |m: &HashMap<String, (f64, f64)>| m.get("/States/S000").copied().unwrap_or((0.0, 0.0));
    let (sa, sb) = (anchor(&a), anchor(&b));
    let mut total = 0;
    let mut moved = 0;
    for (id, p) in &a {
        if let Some(q) = b.get(&rename(id)) {
            total += 1;
            let (p, q) = ((p.0 - sa.0, p.1 - sa.1), (q.0 - sb.0, q.1 - sb.1));
            if (p.0 - q.0).abs() > 0.5 || (p.1 - q.1).abs() > 0.5 {
                if std::env::var("DEBUG_MOVES").is_ok() {
                    eprintln!("{id}: {:.1},{:.1} -> {:.1},{:.1}", p.0, p.1, q.0, q.1);
                }
                moved += 1;
            }
        }
    }
    (moved, total)
}

fn states(def: &mut Value) -> &mut serde_json::Map<String, Value> {
    def["States"].as_object_mut().unwrap()
}

/// Replaces every transition to `from` with one to `to`, everywhere.
fn retarget(v: &mut Value, from: &str, to: &str) {
    match v {
        Value::Object(m) => {
            for (k, x) in m.iter_mut() {
                if matches!(k.as_str(), "Next" | "Default" | "StartAt") && x.as_str() == Some(from)
                {
                    *x = to.into();
                } else {
                    retarget(x, from, to);
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|x| retarget(x, from, to)),
        _ => {}
    }
}

fn assert_stable(name: &str, before: &Value, after: &Value, rename: &dyn Fn(&str) -> String) {
    for direction in [Direction::Down, Direction::Right] {
        assert_stable_in(&format!("{name} ({direction:?})"), before, after, rename, direction);
    }
}

fn assert_stable_in(
    name: &str,
    before: &Value,
    after: &Value,
    rename: &dyn Fn(&str) -> String,
    direction: Direction,
) {
    let options = Options { direction, ..Options::default() };
    let a = layout_definition(before, &options);
    let b = layout_definition(after, &options);
    assert!(check::problems(&b).is_empty());
    let (m, total) = moved(&a, &b, rename);
    if std::env::var("DEBUG_MOVES").is_ok() {
        let left = |l: &Layout| {
            l.nodes
                .iter()
                .filter(|n| n.parent.is_none())
                .min_by(|x, y| x.x.total_cmp(&y.x))
                .map(|n| (n.id.clone(), n.x))
        };
        let lanes = |l: &Layout| {
            l.edges.iter().flat_map(|e| e.points.iter()).map(|p| p[0]).fold(f64::INFINITY, f64::min)
        };
        eprintln!(
            "{name}: {m}/{total}; leftmost {:?} {:?}; min point x {} {}",
            left(&a),
            left(&b),
            lanes(&a),
            lanes(&b)
        );
    }
    assert!(total >= 90, "{name}: only {total} boxes compared");
    assert!(m * 10 <= total, "{name}: {m} of {total} boxes moved");
}

#[test]
fn one_state_edits_move_few_boxes() {
    for seed in [1, 2, 5, 8, 13] {
        let def = common::workflow(seed, 100);
        let names: Vec<String> = def["States"].as_object().unwrap().keys().cloned().collect();
        // Rename a state in the middle (key order kept, references updated).
        let victim = names[names.len() / 2].clone();
        let mut renamed = def.clone();
        let body = states(&mut renamed).clone();
        let mut m = serde_json::Map::new();
        for (k, v) in body {
            m.insert(if k == victim { "Renamed".into() } else { k }, v);
        }
        renamed["States"] = Value::Object(m);
        retarget(&mut renamed, &victim, "Renamed");
        let vp = format!("/States/{victim}");
        assert_stable(&format!("seed {seed}: rename"), &def, &renamed, &|id: &str| {
            if id == vp {
                "/States/Renamed".into()
            } else {
                id.replacen(&format!("{vp}/"), "/States/Renamed/", 1)
            }
        });
        // Add a state: a new error handler caught by one Task.
        let mut added = def.clone();
        let task = names
            .iter()
            .find(|n| {
                added["States"][n.as_str()]["Type"] == "Task"
                    && added["States"][n.as_str()].get("Catch").is_none()
            })
            .cloned();
        if let Some(task) = task {
            added["States"][task.as_str()]["Catch"] =
                json!([{"ErrorEquals": ["Timeout"], "Next": "Retry later"}]);
            states(&mut added)
                .insert("Retry later".into(), json!({"Type": "Fail", "Error": "Later"}));
            assert_stable(&format!("seed {seed}: add"), &def, &added, &|id: &str| id.to_string());
        }
        // Remove a state: the final failure (the handler then ends the flow).
        let mut removed = def.clone();
        states(&mut removed).remove("Failed");
        removed["States"]["Handler"].as_object_mut().unwrap().remove("Next");
        removed["States"]["Handler"]["End"] = true.into();
        assert_stable(&format!("seed {seed}: remove"), &def, &removed, &|id: &str| id.to_string());
    }
}

#[test]
fn pinned_states_keep_their_place() {
    let def = common::workflow(4, 60);
    let free = layout_definition(&def, &Options::default());
    let target = free.nodes.iter().find(|n| n.parent.is_none() && n.kind == "Task").unwrap();
    let mut pins = Pins::default();
    pins.pins.insert(target.id.clone(), Pin { x: 900.0, y: 40.0 });
    let pinned = layout_definition(&def, &Options { pins, ..Options::default() });
    let n = pinned.nodes.iter().find(|n| n.id == target.id).unwrap();
    assert_eq!((n.x, n.y), (900.0, 40.0));
    for e in pinned.edges.iter().filter(|e| e.from == target.id || e.to == target.id) {
        let p = if e.from == target.id { e.points[0] } else { *e.points.last().unwrap() };
        assert!(
            p[0] >= 900.0 - 0.5 && p[0] <= 900.0 + n.width + 0.5,
            "edge {} -> {} not on the pinned box",
            e.from,
            e.to
        );
    }
}

#[test]
fn nested_pins_are_relative_to_their_container() {
    let def = json!({"StartAt": "Fan", "States": {"Fan": {"Type": "Parallel", "End": true, "Branches": [
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "End": true}}}]}}});
    let mut pins = Pins::default();
    pins.pins.insert("/States/Fan/Branches/0/States/B".into(), Pin { x: 300.0, y: 40.0 });
    let l = layout_definition(&def, &Options { pins, ..Options::default() });
    assert!(check::problems(&l).is_empty(), "{:?}", check::problems(&l));
    let find = |id: &str| l.nodes.iter().find(|n| n.id == id).unwrap();
    let (b, branch) = (find("/States/Fan/Branches/0/States/B"), find("/States/Fan/Branches/0"));
    assert_eq!((b.x - branch.x, b.y - branch.y), (300.0, 40.0));
    let e = l.edges.iter().find(|e| e.to == b.id).unwrap();
    let end = e.points.last().unwrap();
    assert!(end[0] >= b.x && end[0] <= b.x + b.width && (end[1] - b.y).abs() < 0.5);
}
