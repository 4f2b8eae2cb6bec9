//! Questions the validator asks of the graph: what is reachable, what loops.
//!
//! Reachability follows the ASL rule that each `States` block is checked on its own: a state is
//! reachable when a chain of flow transitions (Next, Choice, Default, Catch) leads to it from its
//! own scope's `StartAt`. Cycles are strongly connected components of flow transitions (entry and
//! exit edges of branches are left out: they are not loops a run can take).

use std::collections::VecDeque;

use petgraph::graph::NodeIndex;
use petgraph::visit::{EdgeFiltered, EdgeRef};

use super::Workflow;

impl Workflow {
    /// States reachable from `from` (included) through flow transitions, in breadth-first order.
    pub fn reachable_from(&self, from: NodeIndex) -> Vec<NodeIndex> {
        let mut seen = vec![false; self.graph.node_count()];
        let mut out = Vec::new();
        let mut queue = VecDeque::new();
        if from.index() < seen.len() {
            seen[from.index()] = true;
            queue.push_back(from);
        }
        while let Some(n) = queue.pop_front() {
            out.push(n);
            for e in self.graph.edges(n) {
                let t = e.target();
                if e.weight().kind.is_flow() && !seen[t.index()] {
                    seen[t.index()] = true;
                    queue.push_back(t);
                }
            }
        }
        out
    }

    /// States of each scope that cannot be reached from that scope's `StartAt`, in document
    /// order. A scope without a valid `StartAt` makes all its states unreachable.
    pub fn unreachable(&self) -> Vec<NodeIndex> {
        let mut reached = vec![false; self.graph.node_count()];
        for scope in &self.scopes {
            if let Some(start) = scope.start {
                for n in self.reachable_from(start) {
                    reached[n.index()] = true;
                }
            }
        }
        self.graph.node_indices().filter(|n| !reached[n.index()]).collect()
    }

    /// Loops of flow transitions: each is a set of states (in document order) that can all reach
    /// each other, or a single state with a transition to itself. Listed in document order of
    /// their first state.
    pub fn cycles(&self) -> Vec<Vec<NodeIndex>> {
        let flow = EdgeFiltered::from_fn(&self.graph, |e| e.weight().kind.is_flow());
        let mut out: Vec<Vec<NodeIndex>> = petgraph::algo::tarjan_scc(&flow)
            .into_iter()
            .filter(|c| {
                c.len() > 1
                    || self.graph.edges_connecting(c[0], c[0]).any(|e| e.weight().kind.is_flow())
            })
            .map(|mut c| {
                c.sort();
                c
            })
            .collect();
        out.sort();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::{TransitionKind, Workflow};
    use serde_json::json;

    fn names(wf: &Workflow, v: &[petgraph::graph::NodeIndex]) -> Vec<String> {
        v.iter().map(|&n| wf.graph[n].name.clone()).collect()
    }

    #[test]
    fn nested_pointers_edges_reachability_and_cycles() {
        let def = json!({
            "StartAt": "A",
            "States": {
                "A": {"Type": "Choice", "Choices": [
                    {"Variable": "$.n", "NumericGreaterThan": 1, "Next": "Fan"}], "Default": "A"},
                "Fan": {"Type": "Parallel", "Next": "Each", "Branches": [
                    {"StartAt": "X", "States": {"X": {"Type": "Pass", "End": true}}}],
                    "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Oops"}]},
                "Each": {"Type": "Map", "End": true, "Iterator": {"StartAt": "Y", "States": {
                    "Y": {"Type": "Wait", "Seconds": 1, "Next": "Z"},
                    "Z": {"Type": "Pass", "Next": "Y"},
                    "Lost": {"Type": "Pass", "End": true}}}},
                "Oops": {"Type": "Fail"},
                "Alone": {"Type": "Succeed"},
                "Broken": 7
            }
        });
        let wf = Workflow::build(&def);
        assert_eq!(wf.state_count(), 9);
        assert!(wf.state("/States/Fan/Branches/0/States/X").is_some());
        assert!(wf.state("/States/Each/Iterator/States/Y").is_some());
        assert!(wf.state("/States/Broken").is_none());
        let scopes: Vec<&str> = wf.scopes.iter().map(|s| s.pointer.as_str()).collect();
        assert_eq!(scopes, ["", "/States/Fan/Branches/0", "/States/Each/Iterator"]);
        let a = wf.state("/States/A").unwrap();
        let kinds: Vec<(TransitionKind, Option<String>)> =
            wf.graph.edges(a).map(|e| (e.weight().kind, e.weight().label.clone())).collect();
        assert!(kinds.contains(&(TransitionKind::Choice, Some("$.n > 1".into()))));
        assert!(kinds.contains(&(TransitionKind::Default, None)));
        let fan = wf.state("/States/Fan").unwrap();
        assert!(wf.graph.edges(fan).any(|e| e.weight().kind == TransitionKind::Catch
            && e.weight().label.as_deref() == Some("States.ALL")));
        assert!(wf.graph.edges(fan).any(|e| e.weight().kind == TransitionKind::BranchEntry));
        assert_eq!(names(&wf, &wf.unreachable()), ["Alone", "Lost"]);
        let cycles: Vec<Vec<String>> = wf.cycles().iter().map(|c| names(&wf, c)).collect();
        assert_eq!(cycles, [vec!["A"], vec!["Y", "Z"]]);
    }

    #[test]
    fn garbage_never_panics() {
        for v in [
            json!(null),
            json!([1]),
            json!({"States": 3}),
            json!({"States": {"A": {"Type": 3, "Next": ["x"], "Choices": 4, "Catch": [5, {"Next": 6}], "Branches": [1, {"States": []}], "Iterator": "no"}}}),
        ] {
            let wf = Workflow::build(&v);
            let _ = (wf.unreachable(), wf.cycles());
        }
    }
}
