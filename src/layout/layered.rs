//! The layered (Sugiyama-style) layout of one scope: the states of one `States` block, each a
//! box of known size, and the transitions between them.
//!
//! Steps: [`rank`](super::rank) (cycle breaking, ranks), [`order`](super::order) (dummies,
//! crossing reduction), [`place`](super::place) (cross positions), [`route`](super::route)
//! (tracks in the gaps, rank spacing, polylines, labels). Everything is computed on abstract
//! axes — *main* (the flow) and *cross* — and mapped to x/y at the end, so both directions share
//! the code. Guarantees: boxes of one rank never overlap (the placement keeps the spacing),
//! ranks never overlap (rows are stacked), every link gets a polyline from its source's border
//! to its target's, the result starts at (0, 0). Pinned items keep their given place, and the
//! others make room for them (see [`room`](super::room)): no unpinned box overlaps a pinned one.

use super::Direction;
use super::order::{self, Virtual};
use super::place::{self, DUMMY_SIZE};
use super::rank::{self, Role};
use super::room;
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
    let frame = Frame { v: &v, layers: &layers, size: &size, axes, links, roles: &roles };
    let (mut pos, mut routes, lo) = frame.arrange(&cross);
    let pins: Vec<Option<[f64; 2]>> = items
        .iter()
        .map(|it| {
            let pin = it.pin.filter(|p| p[0].is_finite() && p[1].is_finite());
            pin.map(|p| [p[0].max(0.0), p[1].max(0.0)])
        })
        .collect();
    if pins.iter().any(Option::is_some) {
        (pos, routes) = frame.around_pins(items, &pins, &cross_sizes, cross, (pos, routes, lo));
    }
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

/// Rounds of routing again after pinned items pushed others aside.
const ROOM_ROUNDS: usize = 4;

/// What the final routing of a scope needs besides the cross centres.
struct Frame<'a> {
    v: &'a Virtual,
    layers: &'a [Vec<usize>],
    size: &'a [[f64; 2]],
    axes: Axes,
    links: &'a [Link],
    roles: &'a [Role],
}

impl Frame<'_> {
    /// Routes with cross centres `cross` and moves the result so that its extent starts at
    /// (0, 0): the top-left of every item, the routes, and the shift taken off (real axes).
    fn arrange(&self, cross: &[f64]) -> (Vec<[f64; 2]>, Vec<Route>, [f64; 2]) {
        let (axes, size) = (self.axes, self.size);
        let scene = route::Scene { v: self.v, layers: self.layers, size, cross, axes };
        let (centers, mut routes) = route::route(&scene, self.links, self.roles);
        // Top-left corners in real coordinates.
        let mut pos: Vec<[f64; 2]> = (0..self.v.real)
            .map(|u| {
                axes.join([centers[u][0] - size[u][0] / 2.0, centers[u][1] - size[u][1] / 2.0])
            })
            .collect();
        // Move everything so the extent starts at (0, 0).
        let mut lo = [f64::INFINITY; 2];
        for p in &pos {
            for k in 0..2 {
                lo[k] = lo[k].min(p[k]);
            }
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
        (pos, routes, lo)
    }
}

impl Frame<'_> {
    /// Puts pinned items (`pins`, real top-left) where the user put them and makes the others
    /// room (see [`room`]): they are pushed aside and routed again until nothing moves (a few
    /// rounds at most), then [`room::settle`] has the last word.
    fn around_pins(
        &self,
        items: &[Item],
        pins: &[Option<[f64; 2]>],
        cross_sizes: &[f64],
        mut cross: Vec<f64>,
        arranged: (Vec<[f64; 2]>, Vec<Route>, [f64; 2]),
    ) -> (Vec<[f64; 2]>, Vec<Route>) {
        let (axes, size, n) = (self.axes, self.size, items.len());
        let (mut pos, mut routes, mut lo) = arranged;
        let pinned: Vec<bool> = pins.iter().map(Option::is_some).collect();
        let obstacles = room::obstacles(axes, pins, &size[..n]);
        for round in 0..=ROOM_ROUNDS {
            for (p, pin) in pos.iter_mut().zip(pins) {
                if let Some(pin) = pin {
                    *p = *pin;
                }
            }
            reroute(items, self.links, axes.0, &pos, &pinned, &mut routes);
            if round == ROOM_ROUNDS {
                break;
            }
            let main: Vec<[f64; 2]> = (0..n)
                .map(|u| {
                    let m = axes.split(pos[u])[1];
                    [m, m + size[u][1]]
                })
                .collect();
            let shift = axes.split(lo)[0];
            let layers = self.layers;
            if !room::make_room(
                self.v,
                layers,
                cross_sizes,
                &pinned,
                &main,
                &obstacles,
                shift,
                &mut cross,
            ) {
                break;
            }
            (pos, routes, lo) = self.arrange(&cross);
        }
        let moved = room::settle(self.layers, size, &pinned, &obstacles, axes, &mut pos);
        reroute(items, self.links, axes.0, &pos, &moved, &mut routes);
        (pos, routes)
    }
}

/// Routes the links touching a `placed` item (one put or moved after routing) with a simple
/// elbow.
fn reroute(
    items: &[Item],
    links: &[Link],
    dir: Direction,
    pos: &[[f64; 2]],
    placed: &[bool],
    routes: &mut [Route],
) {
    for (l, link) in links.iter().enumerate() {
        if !(placed[link.from] || placed[link.to]) {
            continue;
        }
        let (a, sa) = (pos[link.from], items[link.from].size);
        let (b, sb) = (pos[link.to], items[link.to].size);
        routes[l] = route::elbow(a, sa, b, sb, dir, link.from == link.to);
    }
}
