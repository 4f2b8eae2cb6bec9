//! A simple stand-in layout used by the desktop canvas until the layered layout lands: states in
//! breadth-first rows from `StartAt`, Parallel branches and Map processors boxed inside their
//! state. Same output contract ([`Layout`]) as the real one, so swapping is one line.

use serde_json::Value;

use super::{Direction, Edge, Layout, Node};
use crate::asl::Document;
use crate::asl::pointer;

const STATE_W: f64 = 190.0;
const STATE_H: f64 = 56.0;
const GAP_X: f64 = 40.0;
const GAP_Y: f64 = 60.0;
const PAD: f64 = 24.0;
const HEADER: f64 = 46.0;

/// Lays out the whole definition of `doc` (its root `States`).
pub fn layout(doc: &Document, _direction: Direction) -> Layout {
    let mut out = Layout { width: 0.0, height: 0.0, nodes: Vec::new(), edges: Vec::new() };
    let (width, height) = machine(doc.value(), "", None, 0.0, 0.0, &mut out);
    out.width = width;
    out.height = height;
    out
}

/// Places the states of the machine at `base` (a pointer to an object with `States`) with its
/// top-left corner at (x, y); returns the size used.
fn machine(
    value: &Value,
    base: &str,
    parent: Option<&str>,
    x: f64,
    y: f64,
    out: &mut Layout,
) -> (f64, f64) {
    let Some(states) = value.get("States").and_then(Value::as_object) else {
        return (0.0, 0.0);
    };
    let states_ptr = pointer::join(base, "States");
    let rows = rows(value, states);
    // Measure every state first (containers are as big as what they hold).
    let mut sizes: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut scratch = Layout { width: 0.0, height: 0.0, nodes: Vec::new(), edges: Vec::new() };
    for row in &rows {
        sizes.push(
            row.iter()
                .map(|name| {
                    let ptr = pointer::join(&states_ptr, name);
                    state_box(&states[name.as_str()], &ptr, name, None, 0.0, 0.0, &mut scratch)
                })
                .collect(),
        );
    }
    let width = sizes
        .iter()
        .map(|row| {
            row.iter().map(|s| s.0).sum::<f64>() + GAP_X * row.len().saturating_sub(1) as f64
        })
        .fold(0.0, f64::max);
    let mut cursor_y = y;
    for (row, row_sizes) in rows.iter().zip(&sizes) {
        let row_w: f64 =
            row_sizes.iter().map(|s| s.0).sum::<f64>() + GAP_X * row.len().saturating_sub(1) as f64;
        let mut cursor_x = x + (width - row_w) / 2.0;
        let row_h = row_sizes.iter().map(|s| s.1).fold(0.0, f64::max);
        for (name, (w, _)) in row.iter().zip(row_sizes) {
            let ptr = pointer::join(&states_ptr, name);
            state_box(&states[name.as_str()], &ptr, name, parent, cursor_x, cursor_y, out);
            cursor_x += w + GAP_X;
        }
        cursor_y += row_h + GAP_Y;
    }
    for name in rows.iter().flatten() {
        let from = pointer::join(&states_ptr, name);
        for (to, kind, label) in transitions(&states[name.as_str()]) {
            if states.contains_key(&to) {
                let to_ptr = pointer::join(&states_ptr, &to);
                let points = route(out, &from, &to_ptr);
                out.edges.push(Edge { from: from.clone(), to: to_ptr, kind, label, points });
            }
        }
    }
    let height = (cursor_y - y - GAP_Y).max(0.0);
    (width, height)
}

/// Places one state (and, for Parallel and Map, what it contains); returns its size.
fn state_box(
    state: &Value,
    ptr: &str,
    name: &str,
    parent: Option<&str>,
    x: f64,
    y: f64,
    out: &mut Layout,
) -> (f64, f64) {
    let kind = state.get("Type").and_then(Value::as_str).unwrap_or("Unknown").to_owned();
    let index = out.nodes.len();
    out.nodes.push(Node {
        id: ptr.to_owned(),
        name: name.to_owned(),
        kind: kind.clone(),
        x,
        y,
        width: STATE_W,
        height: STATE_H,
        parent: parent.map(str::to_owned),
    });
    let mut inner: Vec<(String, &Value, &str)> = Vec::new();
    if kind == "Parallel"
        && let Some(branches) = state.get("Branches").and_then(Value::as_array)
    {
        for (i, branch) in branches.iter().enumerate() {
            inner.push((
                pointer::join(&pointer::join(ptr, "Branches"), &i.to_string()),
                branch,
                "Branch",
            ));
        }
    }
    if kind == "Map" {
        for key in ["ItemProcessor", "Iterator"] {
            if let Some(processor) = state.get(key) {
                inner.push((pointer::join(ptr, key), processor, "ItemProcessor"));
            }
        }
    }
    if inner.is_empty() {
        return (STATE_W, STATE_H);
    }
    let mut cursor_x = x + PAD;
    let mut tallest: f64 = 0.0;
    for (i, (cptr, value, ckind)) in inner.iter().enumerate() {
        let cindex = out.nodes.len();
        let caption =
            if *ckind == "Branch" { format!("Branch {}", i + 1) } else { "Each item".to_owned() };
        out.nodes.push(Node {
            id: cptr.clone(),
            name: caption,
            kind: (*ckind).to_owned(),
            x: cursor_x,
            y: y + HEADER,
            width: 0.0,
            height: 0.0,
            parent: Some(ptr.to_owned()),
        });
        let (w, h) = machine(value, cptr, Some(cptr), cursor_x + PAD, y + HEADER + HEADER, out);
        let (w, h) = ((w + 2.0 * PAD).max(STATE_W), h + HEADER + PAD);
        out.nodes[cindex].width = w;
        out.nodes[cindex].height = h;
        cursor_x += w + PAD;
        tallest = tallest.max(h);
    }
    let size = ((cursor_x - x).max(STATE_W), HEADER + tallest + PAD);
    out.nodes[index].width = size.0;
    out.nodes[index].height = size.1;
    size
}

/// The state names in breadth-first rows from `StartAt`; states nothing reaches come last.
fn rows(machine: &Value, states: &serde_json::Map<String, Value>) -> Vec<Vec<String>> {
    let mut seen: Vec<String> = Vec::new();
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut frontier: Vec<String> = machine
        .get("StartAt")
        .and_then(Value::as_str)
        .filter(|s| states.contains_key(*s))
        .map(|s| vec![s.to_owned()])
        .unwrap_or_default();
    while !frontier.is_empty() {
        seen.extend(frontier.iter().cloned());
        let mut next = Vec::new();
        for name in &frontier {
            for (to, _, _) in transitions(&states[name.as_str()]) {
                if states.contains_key(&to) && !seen.contains(&to) && !next.contains(&to) {
                    next.push(to);
                }
            }
        }
        rows.push(std::mem::replace(&mut frontier, next));
    }
    let rest: Vec<String> = states.keys().filter(|k| !seen.contains(k)).cloned().collect();
    if !rest.is_empty() {
        rows.push(rest);
    }
    rows
}

/// Where a state can go next: (target, edge kind, caption).
fn transitions(state: &Value) -> Vec<(String, String, Option<String>)> {
    let mut out = Vec::new();
    let target = |v: &Value| v.get("Next").and_then(Value::as_str).map(str::to_owned);
    if let Some(next) = target(state) {
        out.push((next, "next".to_owned(), None));
    }
    if let Some(choices) = state.get("Choices").and_then(Value::as_array) {
        for (i, choice) in choices.iter().enumerate() {
            if let Some(next) = target(choice) {
                out.push((next, "choice".to_owned(), Some(format!("Rule {}", i + 1))));
            }
        }
    }
    if let Some(default) = state.get("Default").and_then(Value::as_str) {
        out.push((default.to_owned(), "default".to_owned(), Some("Otherwise".to_owned())));
    }
    if let Some(catches) = state.get("Catch").and_then(Value::as_array) {
        for catch in catches {
            if let Some(next) = target(catch) {
                let errors: Vec<&str> = catch
                    .get("ErrorEquals")
                    .and_then(Value::as_array)
                    .map(|e| e.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                let label = if errors == ["States.ALL"] {
                    "On any error".to_owned()
                } else {
                    format!("On error: {}", errors.join(", "))
                };
                out.push((next, "catch".to_owned(), Some(label)));
            }
        }
    }
    out
}

/// A straight line from the bottom middle of `from` to the top middle of `to`.
fn route(layout: &Layout, from: &str, to: &str) -> Vec<[f64; 2]> {
    let find = |id: &str| layout.nodes.iter().find(|n| n.id == id);
    match (find(from), find(to)) {
        (Some(a), Some(b)) => {
            vec![[a.x + a.width / 2.0, a.y + a.height], [b.x + b.width / 2.0, b.y]]
        }
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn laid_out(text: &str) -> Layout {
        layout(&Document::parse(text).expect("test JSON parses"), Direction::Down)
    }

    #[test]
    fn rows_follow_transitions_from_start() {
        let l = laid_out(
            r#"{"StartAt":"A","States":{"C":{"Type":"Succeed"},"A":{"Type":"Pass","Next":"B"},
               "B":{"Type":"Choice","Choices":[{"Variable":"$.x","IsPresent":true,"Next":"C"}],"Default":"D"},
               "D":{"Type":"Fail"},"Lost":{"Type":"Pass","End":true}}}"#,
        );
        let y = |name: &str| l.nodes.iter().find(|n| n.name == name).map(|n| n.y).expect(name);
        assert!(y("A") < y("B"));
        assert!(y("B") < y("C"));
        assert_eq!(y("C"), y("D"));
        assert!(y("Lost") > y("C"), "unreachable states come last");
        let kinds: Vec<_> =
            l.edges.iter().map(|e| (e.from.as_str(), e.to.as_str(), e.kind.as_str())).collect();
        assert!(kinds.contains(&("/States/B", "/States/D", "default")));
        assert!(kinds.contains(&("/States/B", "/States/C", "choice")));
        assert_eq!(l.nodes.iter().find(|n| n.name == "B").map(|n| n.kind.as_str()), Some("Choice"));
    }

    #[test]
    fn parallel_branches_are_boxed_inside_their_state() {
        let l = laid_out(
            r#"{"StartAt":"Fan","States":{"Fan":{"Type":"Parallel","End":true,"Branches":[
                {"StartAt":"X","States":{"X":{"Type":"Pass","End":true}}},
                {"StartAt":"Y","States":{"Y":{"Type":"Pass","Next":"Z"},"Z":{"Type":"Succeed"}}}]}}}"#,
        );
        let node = |id: &str| l.nodes.iter().find(|n| n.id == id).expect(id);
        let fan = node("/States/Fan");
        let branch = node("/States/Fan/Branches/1");
        let z = node("/States/Fan/Branches/1/States/Z");
        assert_eq!(branch.parent.as_deref(), Some("/States/Fan"));
        assert_eq!(z.parent.as_deref(), Some("/States/Fan/Branches/1"));
        for (outer, inner) in [(fan, branch), (branch, z)] {
            assert!(inner.x >= outer.x && inner.x + inner.width <= outer.x + outer.width);
            assert!(inner.y >= outer.y && inner.y + inner.height <= outer.y + outer.height);
        }
        // Parents come before their children, as canvases need.
        let pos = |id: &str| l.nodes.iter().position(|n| n.id == id).expect(id);
        assert!(pos("/States/Fan") < pos("/States/Fan/Branches/1"));
        assert!(pos("/States/Fan/Branches/1") < pos("/States/Fan/Branches/1/States/Z"));
        assert!(l.width >= fan.width && l.height >= fan.height);
    }

    #[test]
    fn broken_definitions_still_lay_out_what_they_can() {
        let l = laid_out(r#"{"StartAt":"Nope","States":{"A":{"Next":"Missing"}}}"#);
        assert_eq!(l.nodes.len(), 1);
        assert_eq!(l.nodes[0].kind, "Unknown");
        assert!(l.edges.is_empty());
        assert!(laid_out("[1,2]").nodes.is_empty());
    }
}
