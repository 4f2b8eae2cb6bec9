//! What an expression can read, found from its text, so evaluation converts only that.
//!
//! Why: an expression sees `$states` (whose `input` and `context.Execution.Input` may be large)
//! and every variable in scope; converting all of it for each evaluation made a Map over
//! thousands of items quadratic. JSONata has no dynamic access to variables (`$eval` is
//! disabled), so a variable is readable only if `$name` appears in the text, and a `$states`
//! member only if `$states.member` does. The scan is deliberately over-inclusive: it looks at
//! the whole text (string literals and comments included), and any use of `$states` other than
//! `$states.name` or `$states.name.key` makes the whole object (or member) reachable.

use std::collections::{BTreeMap, BTreeSet};

/// The keys of a `$states` member that can be read: all of them, or only these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Keys {
    All,
    Only(BTreeSet<String>),
}

/// What an expression can read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(super) struct Reach {
    /// Variable names (without `$`) that appear in the text; `states` is not among them.
    pub variables: BTreeSet<String>,
    /// `None`: the whole `$states` object; otherwise the members named, with their keys.
    pub states: Option<BTreeMap<String, Keys>>,
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// A `.name` or `` .`name` `` step at the start of `rest` (blanks allowed around the dot):
/// the name and the text after it.
fn step(rest: &str) -> Option<(String, &str)> {
    let rest = rest.trim_start().strip_prefix('.')?.trim_start();
    if let Some(quoted) = rest.strip_prefix('`') {
        let end = quoted.find('`')?;
        return Some((quoted[..end].to_string(), &quoted[end + 1..]));
    }
    let end = rest.find(|c: char| !is_name_char(c)).unwrap_or(rest.len());
    (end > 0).then(|| (rest[..end].to_string(), &rest[end..]))
}

impl Reach {
    pub(super) fn of(source: &str) -> Reach {
        let mut reach = Reach { variables: BTreeSet::new(), states: Some(BTreeMap::new()) };
        let mut rest = source;
        while let Some(at) = rest.find('$') {
            let after = &rest[at + 1..];
            let end = after.find(|c: char| !is_name_char(c)).unwrap_or(after.len());
            let name = &after[..end];
            rest = &after[end..];
            if name != "states" {
                if !name.is_empty() {
                    reach.variables.insert(name.to_string());
                }
                continue;
            }
            reach.states_use(rest);
        }
        reach
    }

    /// Records one use of `$states`, followed by `rest`.
    fn states_use(&mut self, rest: &str) {
        let Some(members) = &mut self.states else { return };
        let Some((member, after)) = step(rest) else {
            self.states = None;
            return;
        };
        let keys = members.entry(member).or_insert_with(|| Keys::Only(BTreeSet::new()));
        match (step(after), &mut *keys) {
            (Some((key, _)), Keys::Only(set)) => {
                set.insert(key);
            }
            (None, _) => *keys = Keys::All,
            (Some(_), Keys::All) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn only(keys: &[&str]) -> Keys {
        Keys::Only(keys.iter().map(|k| k.to_string()).collect())
    }

    /// `$states` members with their keys; `None` = the whole object.
    type Members = Option<Vec<(&'static str, Keys)>>;

    #[test]
    fn reach_of_expressions() {
        let cases: Vec<(&str, &[&str], Members)> = vec![
            ("1 + 1", &[], Some(vec![])),
            ("$x + $y_2", &["x", "y_2"], Some(vec![])),
            ("$states.input.a", &[], Some(vec![("input", only(&["a"]))])),
            ("$states.input", &[], Some(vec![("input", Keys::All)])),
            ("$states.input.a + $states.input", &[], Some(vec![("input", Keys::All)])),
            ("$states . context . Map.Item", &[], Some(vec![("context", only(&["Map"]))])),
            ("$states.`input`.`a b`", &[], Some(vec![("input", only(&["a b"]))])),
            ("$lookup($states, 'input')", &["lookup"], None),
            ("$states[0]", &[], None),
            ("$statesX + $états", &["statesX", "états"], Some(vec![])),
            ("'$v' & \"$states\"", &["v"], None),
            ("$$ + $", &[], Some(vec![])),
        ];
        for (source, variables, states) in cases {
            let reach = Reach::of(source);
            let expected: BTreeSet<String> = variables.iter().map(|v| v.to_string()).collect();
            assert_eq!(reach.variables, expected, "{source}");
            let states = states.map(|m| m.into_iter().map(|(k, v)| (k.to_string(), v)).collect());
            assert_eq!(reach.states, states, "{source}");
        }
    }
}
