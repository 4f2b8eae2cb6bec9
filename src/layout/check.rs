//! Invariants of a [`Layout`], checked by code: what the tests (and anyone debugging a diagram)
//! assert on any definition.

use std::collections::HashMap;

use super::{Layout, Node};

const EPS: f64 = 0.5;

fn overlap(a: &Node, b: &Node) -> bool {
    a.x + a.width > b.x + EPS
        && b.x + b.width > a.x + EPS
        && a.y + a.height > b.y + EPS
        && b.y + b.height > a.y + EPS
}

fn inside(c: &Node, p: &Node) -> bool {
    c.x >= p.x - EPS
        && c.y >= p.y - EPS
        && c.x + c.width <= p.x + p.width + EPS
        && c.y + c.height <= p.y + p.height + EPS
}

fn on_border(p: [f64; 2], n: &Node) -> bool {
    let within_x = p[0] >= n.x - EPS && p[0] <= n.x + n.width + EPS;
    let within_y = p[1] >= n.y - EPS && p[1] <= n.y + n.height + EPS;
    let on_x = (p[0] - n.x).abs() <= EPS || (p[0] - n.x - n.width).abs() <= EPS;
    let on_y = (p[1] - n.y).abs() <= EPS || (p[1] - n.y - n.height).abs() <= EPS;
    within_x && within_y && (on_x || on_y)
}

/// Every broken invariant, as a readable sentence (empty when the layout is sound): sizes and
/// coordinates finite and inside the canvas, unique ids, siblings not overlapping, children
/// inside their parent, edges with at least two points starting on their source's border and
/// ending on their target's.
pub fn problems(layout: &Layout) -> Vec<String> {
    let mut out = Vec::new();
    let mut by_id: HashMap<&str, &Node> = HashMap::new();
    let mut children: HashMap<Option<&str>, Vec<&Node>> = HashMap::new();
    for n in &layout.nodes {
        let finite = [n.x, n.y, n.width, n.height].iter().all(|v| v.is_finite());
        if !finite || n.width <= 0.0 || n.height <= 0.0 {
            out.push(format!("{}: bad box {} {} {} {}", n.id, n.x, n.y, n.width, n.height));
        }
        if n.x < -EPS
            || n.y < -EPS
            || n.x + n.width > layout.width + EPS
            || n.y + n.height > layout.height + EPS
        {
            out.push(format!("{}: outside the canvas", n.id));
        }
        if by_id.insert(&n.id, n).is_some() {
            out.push(format!("{}: duplicate id", n.id));
        }
        children.entry(n.parent.as_deref()).or_default().push(n);
    }
    for (parent, kids) in &children {
        if let Some(p) = parent {
            match by_id.get(p) {
                None => out.push(format!("{p}: parent of {} is missing", kids[0].id)),
                Some(pn) => {
                    for k in kids {
                        if !inside(k, pn) {
                            out.push(format!("{}: not inside its parent {p}", k.id));
                        }
                    }
                }
            }
        }
        let mut sorted = kids.clone();
        sorted.sort_by(|a, b| a.x.total_cmp(&b.x));
        for i in 0..sorted.len() {
            for j in i + 1..sorted.len() {
                if sorted[j].x >= sorted[i].x + sorted[i].width {
                    break;
                }
                if overlap(sorted[i], sorted[j]) {
                    out.push(format!("{} overlaps {}", sorted[i].id, sorted[j].id));
                }
            }
        }
    }
    for e in &layout.edges {
        let (Some(a), Some(b)) = (by_id.get(e.from.as_str()), by_id.get(e.to.as_str())) else {
            out.push(format!("edge {} -> {}: unknown end", e.from, e.to));
            continue;
        };
        if e.points.len() < 2 || e.points.iter().flatten().any(|v| !v.is_finite()) {
            out.push(format!("edge {} -> {}: no usable polyline", e.from, e.to));
            continue;
        }
        if !on_border(e.points[0], a) {
            out.push(format!("edge {} -> {}: does not start on its source", e.from, e.to));
        }
        if !on_border(e.points[e.points.len() - 1], b) {
            out.push(format!("edge {} -> {}: does not end on its target", e.from, e.to));
        }
        if e.points.iter().any(|p| {
            p[0] < -EPS || p[1] < -EPS || p[0] > layout.width + EPS || p[1] > layout.height + EPS
        }) {
            out.push(format!("edge {} -> {}: leaves the canvas", e.from, e.to));
        }
    }
    out
}

/// Edges whose segments pass through the inside of a box other than their own ends and those
/// ends' ancestors: `(edge index, node id)` pairs. Routing is meant to keep this empty.
pub fn edges_through_boxes(layout: &Layout) -> Vec<(usize, String)> {
    let by_id: HashMap<&str, &Node> = layout.nodes.iter().map(|n| (n.id.as_str(), n)).collect();
    let mut out = Vec::new();
    for (i, e) in layout.edges.iter().enumerate() {
        let Some(from) = by_id.get(e.from.as_str()) else { continue };
        let parent = from.parent.as_deref();
        for n in layout.nodes.iter().filter(|n| n.parent.as_deref() == parent) {
            if n.id == e.from || n.id == e.to {
                continue;
            }
            let hit = e.points.windows(2).any(|w| {
                let (x0, x1) = (w[0][0].min(w[1][0]), w[0][0].max(w[1][0]));
                let (y0, y1) = (w[0][1].min(w[1][1]), w[0][1].max(w[1][1]));
                x1 > n.x + EPS
                    && x0 < n.x + n.width - EPS
                    && y1 > n.y + EPS
                    && y0 < n.y + n.height - EPS
            });
            if hit {
                out.push((i, n.id.clone()));
            }
        }
    }
    out
}

/// Label boxes (as drawn: [`label_width`](super::metrics::label_width) ×
/// [`LABEL_HEIGHT`](super::metrics::LABEL_HEIGHT)) that overlap another label or a box that is
/// not an ancestor of the edge's source: `(edge index, what it overlaps)`.
pub fn label_overlaps(layout: &Layout) -> Vec<(usize, String)> {
    use super::metrics::{LABEL_HEIGHT, label_width};
    let rects: Vec<(usize, [f64; 4])> = layout
        .edges
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let (text, at) = (e.label.as_ref()?, e.label_at?);
            let h = LABEL_HEIGHT - 1.0;
            Some((i, [at[0], at[1] - h / 2.0, at[0] + label_width(text), at[1] + h / 2.0]))
        })
        .collect();
    let hit = |a: &[f64; 4], b: &[f64; 4]| {
        a[2] > b[0] + EPS && b[2] > a[0] + EPS && a[3] > b[1] + EPS && b[3] > a[1] + EPS
    };
    let by_id: HashMap<&str, &Node> = layout.nodes.iter().map(|n| (n.id.as_str(), n)).collect();
    let mut out = Vec::new();
    for (k, (i, r)) in rects.iter().enumerate() {
        for (j, s) in &rects[k + 1..] {
            if hit(r, s) {
                out.push((*i, format!("label of edge {j}")));
            }
        }
        let mut ancestors = Vec::new();
        let mut cur = by_id.get(layout.edges[*i].from.as_str()).and_then(|n| n.parent.as_deref());
        while let Some(p) = cur {
            ancestors.push(p);
            cur = by_id.get(p).and_then(|n| n.parent.as_deref());
        }
        for n in &layout.nodes {
            if ancestors.contains(&n.id.as_str()) {
                continue;
            }
            if hit(r, &[n.x, n.y, n.x + n.width, n.y + n.height]) {
                out.push((*i, n.id.clone()));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Edge;

    fn node(id: &str, x: f64, y: f64, parent: Option<&str>) -> Node {
        Node {
            id: id.into(),
            name: id.into(),
            kind: "Pass".into(),
            x,
            y,
            width: 100.0,
            height: 40.0,
            parent: parent.map(str::to_string),
        }
    }

    #[test]
    fn catches_overlap_escape_and_loose_edges() {
        let mut layout = Layout {
            width: 500.0,
            height: 500.0,
            nodes: vec![node("a", 0.0, 0.0, None), node("b", 300.0, 0.0, None)],
            edges: vec![Edge {
                from: "a".into(),
                to: "b".into(),
                kind: "next".into(),
                label: None,
                points: vec![[100.0, 20.0], [300.0, 20.0]],
                label_at: None,
                source: String::new(),
            }],
        };
        assert!(problems(&layout).is_empty());
        layout.nodes.push(node("c", 50.0, 10.0, None));
        layout.nodes.push(node("d", 350.0, 100.0, Some("b")));
        layout.edges[0].points[1] = [250.0, 20.0];
        let p = problems(&layout).join("\n");
        assert!(p.contains("a overlaps c"), "{p}");
        assert!(p.contains("d: not inside its parent b"), "{p}");
        assert!(p.contains("does not end on its target"), "{p}");
        layout.edges[0].points = vec![[100.0, 20.0], [300.0, 20.0]];
        assert_eq!(edges_through_boxes(&layout), vec![(0, "c".to_string())]);
    }
}
