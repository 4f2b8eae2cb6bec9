//! Step 2 of the layered layout: dummy nodes on long edges, then the order of the nodes inside
//! each rank.
//!
//! The first order is a depth-first walk from `StartAt` following transitions in document order
//! (so the first Choice rule goes left, the flow reads like the JSON). A few barycenter sweeps,
//! down then up, reduce crossings; the best order seen is kept. Handlers reached by bus edges
//! are moved to the end of their rank so their channel never crosses a box. Ties always break on
//! the previous position, so the result is deterministic.

use super::layered::Link;
use super::rank::Role;

/// The graph actually laid out: real items `0..real`, then dummy nodes.
pub(super) struct Virtual {
    pub real: usize,
    pub rank: Vec<usize>,
    pub succ: Vec<Vec<usize>>,
    pub pred: Vec<Vec<usize>>,
    /// For each forward link, the nodes it passes through, source and target included.
    pub chains: Vec<Option<Vec<usize>>>,
    pub ranks: usize,
}

impl Virtual {
    pub fn build(n: usize, links: &[Link], roles: &[Role], rank: &[usize]) -> Virtual {
        let mut v = Virtual {
            real: n,
            rank: rank.to_vec(),
            succ: vec![Vec::new(); n],
            pred: vec![Vec::new(); n],
            chains: vec![None; links.len()],
            ranks: rank.iter().max().map_or(0, |m| m + 1),
        };
        // Parallel links of one kind (several Choice rules to the same state) share one chain:
        // they are drawn as one bundle.
        let mut bundles: std::collections::HashMap<(usize, usize, bool, bool), usize> =
            std::collections::HashMap::new();
        for (l, link) in links.iter().enumerate() {
            if roles[l] != Role::Forward {
                continue;
            }
            let key = (link.from, link.to, link.catch, link.label.is_some());
            if let Some(&first) = bundles.get(&key) {
                v.chains[l] = v.chains[first].clone();
                continue;
            }
            bundles.insert(key, l);
            let mut chain = vec![link.from];
            for r in rank[link.from] + 1..rank[link.to] {
                let d = v.rank.len();
                v.rank.push(r);
                v.succ.push(Vec::new());
                v.pred.push(Vec::new());
                chain.push(d);
            }
            chain.push(link.to);
            for w in chain.windows(2) {
                if !v.succ[w[0]].contains(&w[1]) {
                    v.succ[w[0]].push(w[1]);
                    v.pred[w[1]].push(w[0]);
                }
            }
            v.chains[l] = Some(chain);
        }
        v
    }

    pub fn len(&self) -> usize {
        self.rank.len()
    }

    pub fn is_dummy(&self, node: usize) -> bool {
        node >= self.real
    }
}

/// The nodes of each rank, first to last along the cross axis.
pub(super) fn order(v: &Virtual, start: Option<usize>, last: &[bool]) -> Vec<Vec<usize>> {
    let n = v.len();
    // Depth-first preorder from the start, then everything else in index order.
    let mut key = vec![usize::MAX; n];
    let mut next = 0;
    let mut stack = Vec::new();
    for root in start.into_iter().chain(0..n) {
        if key[root] != usize::MAX {
            continue;
        }
        stack.push(root);
        while let Some(u) = stack.pop() {
            if key[u] != usize::MAX {
                continue;
            }
            key[u] = next;
            next += 1;
            for &s in v.succ[u].iter().rev() {
                if key[s] == usize::MAX {
                    stack.push(s);
                }
            }
        }
    }
    let mut layers: Vec<Vec<usize>> = vec![Vec::new(); v.ranks];
    for u in 0..n {
        layers[v.rank[u]].push(u);
    }
    for layer in &mut layers {
        layer.sort_by_key(|&u| key[u]);
    }
    let mut pos = vec![0usize; n];
    let set_pos = |layers: &Vec<Vec<usize>>, pos: &mut Vec<usize>| {
        for layer in layers {
            for (i, &u) in layer.iter().enumerate() {
                pos[u] = i;
            }
        }
    };
    set_pos(&layers, &mut pos);
    let mut best = layers.clone();
    let mut best_cross = crossings(v, &layers, &pos);
    for sweep in 0..8 {
        if best_cross == 0 {
            break;
        }
        let down = sweep % 2 == 0;
        let rs: Vec<usize> = if down {
            (1..v.ranks).collect()
        } else {
            (0..v.ranks.saturating_sub(1)).rev().collect()
        };
        for r in rs {
            let mut keyed: Vec<(f64, usize, usize)> = layers[r]
                .iter()
                .map(|&u| {
                    let nb = if down { &v.pred[u] } else { &v.succ[u] };
                    let bary = if nb.is_empty() {
                        pos[u] as f64
                    } else {
                        nb.iter().map(|&w| pos[w] as f64).sum::<f64>() / nb.len() as f64
                    };
                    (bary, pos[u], u)
                })
                .collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            layers[r] = keyed.into_iter().map(|k| k.2).collect();
            for (i, &u) in layers[r].iter().enumerate() {
                pos[u] = i;
            }
        }
        let c = crossings(v, &layers, &pos);
        if c < best_cross {
            best_cross = c;
            best = layers.clone();
        }
    }
    for layer in &mut best {
        // Stable: keeps the relative order inside both groups.
        layer.sort_by_key(|&u| u < v.real && last[u]);
    }
    best
}

/// Number of edge crossings between consecutive ranks (inversion count per pair of ranks).
fn crossings(v: &Virtual, layers: &[Vec<usize>], pos: &[usize]) -> usize {
    let mut total = 0;
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for layer in layers.iter().take(layers.len().saturating_sub(1)) {
        pairs.clear();
        for &u in layer {
            for &s in &v.succ[u] {
                pairs.push((pos[u], pos[s]));
            }
        }
        pairs.sort_unstable();
        let width = pairs.iter().map(|p| p.1 + 1).max().unwrap_or(0);
        let mut tree = vec![0usize; width + 1];
        for (seen, &(_, b)) in pairs.iter().enumerate() {
            // Earlier pairs whose target is strictly to the right of b cross this one.
            let mut i = b + 1;
            let mut not_greater = 0;
            while i > 0 {
                not_greater += tree[i];
                i -= i & i.wrapping_neg();
            }
            total += seen - not_greater;
            let mut i = b + 1;
            while i <= width {
                tree[i] += 1;
                i += i & i.wrapping_neg();
            }
        }
    }
    total
}
