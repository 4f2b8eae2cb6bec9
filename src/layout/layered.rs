//! The layered (Sugiyama-style) layout of one scope: the states of one `States` block, each a
//! box of known size, and the transitions between them.
//!
//! Steps: [`rank`](super::rank) (cycle breaking, ranks), [`order`](super::order) (dummies,
//! crossing reduction), [`place`](super::place) (cross positions), [`route`](super::route)
//! (tracks in the gaps, rank spacing, polylines, labels). Everything is computed on abstract
//! axes — *main* (the flow) and *cross* — and mapped to x/y at the end, so both directions share
//! the code. Guarantees: boxes of one rank never overlap (the placement keeps the spacing),
//! ranks never overlap (rows are stacked), every link gets a polyline from its source's border
//! to its target's, the result starts at (0, 0). Pinned items keep their given place.

use super::Direction;
use super::order::{self, Virtual};
use super::place::{self, DUMMY_SIZE};
use super::rank::{self, Role};
use super::route;

/// A box to place.
#[derive(Debug, Clone)]
pub(super) struct Item {
    /// Width and height.
    pub size: [f64; 2],
    /// Top-left given by the user, in this scope's frame.
    pub pin: Option<[f64; 2]>,
}

/// A transition between two items.
#[derive(Debug, Clone)]
pub(super) struct Link {
    pub from: usize,
    pub to: usize,
    pub catch: bool,
    pub label: Option<String>,
}

/// A routed link.
#[derive(Debug, Clone, Default)]
pub(super) struct Route {
    pub points: Vec<[f64; 2]>,
    pub label_at: Option<[f64; 2]>,
}

/// The result: top-left of every item, a route per link, the extent.
#[derive(Debug, Clone)]
pub(super) struct Flat {
    pub size: [f64; 2],
    pub pos: Vec<[f64; 2]>,
    pub routes: Vec<Route>,
}

/// The axes: what is main (flow) and cross for a direction.
#[derive(Debug, Clone, Copy)]
pub(super) struct Axes(pub Direction);

impl Axes {
    /// `[cross, main]` of a real `[x, y]` (or width/height).
    pub fn split(self, p: [f64; 2]) -> [f64; 2] {
        match self.0 {
            Direction::Down => p,
            Direction::Right => [p[1], p[0]],
        }
    }
    /// Real `[x, y]` of `[cross, main]`.
    pub fn join(self, p: [f64; 2]) -> [f64; 2] {
        self.split(p)
    }
}

pub(super) fn layered(
    items: &[Item],
    links: &[Link],
    start: Option<usize>,
    dir: Direction,
) -> Flat {
    let axes = Axes(dir);
    let n = items.len();
    if n == 0 {
        return Flat {
            size: [0.0, 0.0],
            pos: Vec::new(),
            routes: vec![Route::default(); links.len()],
        };
    }
    let (roles, ranks) = rank::rank(n, links, start);
    let v = Virtual::build(n, links, &roles, &ranks);
    let mut last = vec![false; n];
    for (l, link) in links.iter().enumerate() {
        if roles[l] == Role::Bus {
            last[link.to] = true;
        }
    }
    let layers = order::order(&v, start, &last);
    let mut size: Vec<[f64; 2]> = items.iter().map(|it| axes.split(it.size)).collect();
    size.resize(v.len(), [DUMMY_SIZE, 0.0]);
    let cross_sizes: Vec<f64> = size.iter().map(|s| s[0]).collect();
    let mut side = vec![false; n];
    let mut main_in = vec![false; n];
    for link in links {
        if link.catch {
            side[link.to] = true;
        } else {
            main_in[link.to] = true;
        }
    }
    for u in 0..n {
        side[u] = side[u] && !main_in[u];
    }
    let cross = place::place(&v, &layers, &cross_sizes, &side);
    let scene = route::Scene { v: &v, layers: &layers, size: &size, cross: &cross, axes };
    let (centers, mut routes) = route::route(&scene, links, &roles);
    // Top-left corners in real coordinates.
    let mut pos: Vec<[f64; 2]> = (0..n)
        .map(|u| axes.join([centers[u][0] - size[u][0] / 2.0, centers[u][1] - size[u][1] / 2.0]))
        .collect();
    // Move everything so the extent starts at (0, 0).
    let mut lo = [f64::INFINITY; 2];
    for (p, it) in pos.iter().zip(items) {
        for k in 0..2 {
            lo[k] = lo[k].min(p[k]);
        }
        let _ = it;
    }
    for r in &routes {
        for p in r.points.iter().chain(&r.label_at) {
            for k in 0..2 {
                lo[k] = lo[k].min(p[k]);
            }
        }
    }
    let shift = |p: &mut [f64; 2]| {
        for k in 0..2 {
            p[k] -= lo[k];
        }
    };
    pos.iter_mut().for_each(shift);
    for r in &mut routes {
        r.points.iter_mut().for_each(shift);
        r.label_at.iter_mut().for_each(shift);
    }
    apply_pins(items, links, dir, &mut pos, &mut routes);
    let mut hi = [0.0f64; 2];
    for (p, it) in pos.iter().zip(items) {
        for k in 0..2 {
            hi[k] = hi[k].max(p[k] + it.size[k]);
        }
    }
    for (r, link) in routes.iter().zip(links) {
        for p in &r.points {
            for k in 0..2 {
                hi[k] = hi[k].max(p[k]);
            }
        }
        if let (Some(at), Some(label)) = (r.label_at, &link.label) {
            hi[0] = hi[0].max(at[0] + super::metrics::label_width(label));
            hi[1] = hi[1].max(at[1] + super::metrics::LABEL_HEIGHT / 2.0);
        }
    }
    Flat { size: hi, pos, routes }
}

/// Puts pinned items at their place (never left of or above the origin) and re-routes the
/// links that touch them with a simple elbow.
fn apply_pins(
    items: &[Item],
    links: &[Link],
    dir: Direction,
    pos: &mut [[f64; 2]],
    routes: &mut [Route],
) {
    let mut moved = vec![false; items.len()];
    for (u, it) in items.iter().enumerate() {
        if let Some(p) = it.pin.filter(|p| p[0].is_finite() && p[1].is_finite()) {
            pos[u] = [p[0].max(0.0), p[1].max(0.0)];
            moved[u] = true;
        }
    }
    for (l, link) in links.iter().enumerate() {
        if !(moved[link.from] || moved[link.to]) {
            continue;
        }
        let (a, sa) = (pos[link.from], items[link.from].size);
        let (b, sb) = (pos[link.to], items[link.to].size);
        routes[l] = route::elbow(a, sa, b, sb, dir, link.from == link.to);
    }
}
