//! Compound nodes: a Parallel's branches and a Map's item processor are containers drawn inside
//! their state's box, recursively.
//!
//! Inside-out: each container's states are laid out first (a layered layout of that scope);
//! the container's size is its content plus padding and a caption; a Parallel/Map box holds its
//! containers side by side across the flow, under a title band; that box is then one item of the
//! enclosing scope's layout. Children are finally moved by their parent's offset, so every
//! coordinate is absolute. Guarantee: a child's box lies inside its container's, which lies
//! inside its state's, because sizes are computed from the children.

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use super::layered::{Item, Link, layered};
use super::metrics::{CAPTION, CONTAINER_GAP, EMPTY_CONTAINER, HEADER, LEAF_SIZE, PAD};
use super::{Direction, Edge, Node, Pins};
use crate::graph::{ScopeKind, TransitionKind, Workflow};

pub(super) struct Ctx<'a> {
    pub wf: &'a Workflow,
    pub dir: Direction,
    pub pins: &'a Pins,
}

/// Nodes and edges relative to the block's top-left, and its size.
pub(super) struct Block {
    pub size: [f64; 2],
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

impl Block {
    fn shift(&mut self, d: [f64; 2]) {
        for n in &mut self.nodes {
            n.x += d[0];
            n.y += d[1];
        }
        for e in &mut self.edges {
            for p in e.points.iter_mut().chain(e.label_at.iter_mut()) {
                p[0] += d[0];
                p[1] += d[1];
            }
        }
    }
}

/// Lays out the states of a scope. `frame` is where its content starts inside the parent box
/// (pins are relative to the parent box's top-left); `parent` is the id of that box.
pub(super) fn scope_block(ctx: &Ctx, scope: usize, frame: [f64; 2], parent: Option<&str>) -> Block {
    let wf = ctx.wf;
    let Some(sc) = wf.scopes.get(scope) else {
        return Block { size: [0.0, 0.0], nodes: Vec::new(), edges: Vec::new() };
    };
    let states = &sc.states;
    let mut local = vec![usize::MAX; wf.graph.node_count()];
    for (i, s) in states.iter().enumerate() {
        local[s.index()] = i;
    }
    let blocks: Vec<Block> = states.iter().map(|&s| state_block(ctx, s)).collect();
    let items: Vec<Item> = states
        .iter()
        .zip(&blocks)
        .map(|(&s, b)| Item {
            size: b.size,
            pin: ctx.pins.get(&wf.graph[s].pointer).map(|p| [p.x - frame[0], p.y - frame[1]]),
        })
        .collect();
    let mut links = Vec::new();
    let mut kinds = Vec::new();
    for &s in states {
        let mut out: Vec<_> = wf.graph.edges(s).filter(|e| e.weight().kind.is_flow()).collect();
        out.sort_by_key(|e| e.id());
        for e in out {
            let to = local[e.target().index()];
            if to == usize::MAX {
                continue;
            }
            let t = e.weight();
            links.push(Link {
                from: local[s.index()],
                to,
                catch: t.kind == TransitionKind::Catch,
                label: t.label.clone(),
            });
            kinds.push((t.kind, t.source.clone()));
        }
    }
    let start = sc.start.map(|s| local[s.index()]);
    let flat = layered(&items, &links, start, ctx.dir);
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    for ((&s, mut b), p) in states.iter().zip(blocks).zip(&flat.pos) {
        b.shift(*p);
        for mut n in b.nodes {
            if n.id == wf.graph[s].pointer {
                n.parent = parent.map(str::to_string);
            }
            nodes.push(n);
        }
        edges.extend(b.edges);
    }
    for ((link, (kind, source)), r) in links.iter().zip(kinds).zip(flat.routes) {
        edges.push(Edge {
            from: wf.graph[states[link.from]].pointer.clone(),
            to: wf.graph[states[link.to]].pointer.clone(),
            kind: kind.as_str().to_string(),
            label: link.label.clone(),
            points: r.points,
            label_at: r.label_at,
            source,
        });
    }
    Block { size: flat.size, nodes, edges }
}

/// The box of one state with everything nested in it, at (0, 0).
fn state_block(ctx: &Ctx, s: NodeIndex) -> Block {
    let st = &ctx.wf.graph[s];
    let mut node = Node {
        id: st.pointer.clone(),
        name: st.name.clone(),
        kind: st.kind.clone(),
        x: 0.0,
        y: 0.0,
        width: LEAF_SIZE[0],
        height: LEAF_SIZE[1],
        parent: None,
    };
    if st.containers.is_empty() {
        // Flowing right, edges leave through the right side, one port (and one label line
        // above it) per edge: a state with many exits grows taller to keep them apart.
        if ctx.dir == Direction::Right {
            let exits = ctx.wf.graph.edges(s).filter(|e| e.weight().kind.is_flow()).count();
            node.height = node.height.max((exits as f64 + 1.0) * super::metrics::LABEL_HEIGHT);
        }
        let size = [node.width, node.height];
        return Block { size, nodes: vec![node], edges: Vec::new() };
    }
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    let mut cursor = match ctx.dir {
        Direction::Down => PAD,
        Direction::Right => HEADER,
    };
    let mut far: f64 = 0.0;
    for (i, &scope) in st.containers.iter().enumerate() {
        let sc = &ctx.wf.scopes[scope];
        let inner = scope_block(ctx, scope, [PAD, CAPTION + PAD], Some(&sc.pointer));
        let w = (inner.size[0] + 2.0 * PAD).max(EMPTY_CONTAINER[0]);
        let h = (inner.size[1] + CAPTION + 2.0 * PAD).max(EMPTY_CONTAINER[1]);
        let at = match ctx.dir {
            Direction::Down => [cursor, HEADER],
            Direction::Right => [PAD, cursor],
        };
        let name = match sc.kind {
            ScopeKind::Branch => format!("Branch {}", i + 1),
            _ if sc.pointer.ends_with("/Iterator") => "Iterator".to_string(),
            _ => "Item processor".to_string(),
        };
        let kind = match sc.kind {
            ScopeKind::Branch => "Branch",
            _ => "ItemProcessor",
        };
        nodes.push(Node {
            id: sc.pointer.clone(),
            name,
            kind: kind.to_string(),
            x: at[0],
            y: at[1],
            width: w,
            height: h,
            parent: Some(st.pointer.clone()),
        });
        let mut inner = inner;
        inner.shift([at[0] + PAD, at[1] + CAPTION + PAD]);
        nodes.extend(inner.nodes);
        edges.extend(inner.edges);
        match ctx.dir {
            Direction::Down => {
                cursor += w + CONTAINER_GAP;
                far = far.max(h);
            }
            Direction::Right => {
                cursor += h + CONTAINER_GAP;
                far = far.max(w);
            }
        }
    }
    let size = match ctx.dir {
        Direction::Down => [cursor - CONTAINER_GAP + PAD, HEADER + far + PAD],
        Direction::Right => [PAD + far + PAD, cursor - CONTAINER_GAP + PAD],
    };
    let size = [size[0].max(LEAF_SIZE[0]), size[1].max(LEAF_SIZE[1])];
    node.width = size[0];
    node.height = size[1];
    nodes.insert(0, node);
    Block { size, nodes, edges }
}
