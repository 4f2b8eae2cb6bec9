//! Step 1 of the layered layout: break cycles and give every state a rank (its row, or its
//! column when the diagram flows right).
//!
//! Cycles are broken by a depth-first search from `StartAt` (then the remaining states in
//! document order); edges that close a loop become *back* edges and are routed apart, along a
//! lane on the side, instead of bending the ranking. Ranks are longest paths from the top, with
//! states that nothing leads to pulled down next to what they lead to. Catch edges that would
//! span several ranks become *bus* edges: they travel along one shared channel per handler
//! instead of threading between the boxes.

use super::layered::Link;

/// How a link is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// Downward (or rightward) through the layers, with dummy nodes on long spans.
    Forward,
    /// Closes a loop: routed along a lane on the low-cross side.
    Back,
    /// A state to itself.
    SelfLoop,
    /// A long Catch edge: routed along the handler's channel on the high-cross side.
    Bus,
}

/// Roles of the links and rank of every item.
pub(super) fn rank(n: usize, links: &[Link], start: Option<usize>) -> (Vec<Role>, Vec<usize>) {
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, l) in links.iter().enumerate() {
        out[l.from].push(i);
    }
    let mut roles = vec![Role::Forward; links.len()];
    let mut state = vec![0u8; n];
    let roots = start.into_iter().chain(0..n);
    let mut stack: Vec<(usize, usize)> = Vec::new();
    for root in roots {
        if state[root] != 0 {
            continue;
        }
        state[root] = 1;
        stack.push((root, 0));
        while let Some(top) = stack.last_mut() {
            let (u, i) = *top;
            if i < out[u].len() {
                top.1 += 1;
                let l = out[u][i];
                let v = links[l].to;
                if v == u {
                    roles[l] = Role::SelfLoop;
                } else if state[v] == 1 {
                    roles[l] = Role::Back;
                } else if state[v] == 0 {
                    state[v] = 1;
                    stack.push((v, 0));
                }
            } else {
                state[u] = 2;
                stack.pop();
            }
        }
    }
    // Longest path over forward links, in a deterministic topological order.
    let mut indeg = vec![0usize; n];
    for (l, link) in links.iter().enumerate() {
        if roles[l] == Role::Forward {
            indeg[link.to] += 1;
        }
    }
    let mut topo: Vec<usize> = (0..n).filter(|&v| indeg[v] == 0).collect();
    let mut rank = vec![0usize; n];
    let mut head = 0;
    while head < topo.len() {
        let u = topo[head];
        head += 1;
        for &l in &out[u] {
            if roles[l] != Role::Forward {
                continue;
            }
            let v = links[l].to;
            rank[v] = rank[v].max(rank[u] + 1);
            indeg[v] -= 1;
            if indeg[v] == 0 {
                topo.push(v);
            }
        }
    }
    // States nothing leads to (other than the start) hang just above what they lead to.
    let mut has_pred = vec![false; n];
    for (l, link) in links.iter().enumerate() {
        if roles[l] == Role::Forward {
            has_pred[link.to] = true;
        }
    }
    for &u in topo.iter().rev() {
        if has_pred[u] || Some(u) == start {
            continue;
        }
        let below =
            out[u].iter().filter(|&&l| roles[l] == Role::Forward).map(|&l| rank[links[l].to]).min();
        if let Some(b) = below {
            rank[u] = b.saturating_sub(1).max(rank[u]);
        }
    }
    for (l, link) in links.iter().enumerate() {
        if roles[l] == Role::Forward && link.catch && rank[link.to] > rank[link.from] + 1 {
            roles[l] = Role::Bus;
        }
    }
    (roles, rank)
}
