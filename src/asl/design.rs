//! The designer's canvas gestures as lossless edits: dropping a state (on the canvas, into a
//! branch or a Map's steps, onto a transition), connecting two states by dragging, deleting
//! states and transitions, duplicating and pasting.
//!
//! Each function reads the definition's value and returns one [`Edit`] (a batch when the
//! gesture changes several places), so the caller applies it with [`super::edit::apply`] and
//! every byte the gesture does not need stays as written. Guarantees: new names never clash in
//! their `States` (`Charge card` → `Charge card 2`); transitions are only made between states
//! of the same `States`; a refused gesture says why in plain words and changes nothing.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use super::edit::Edit;
use super::pointer;

/// Why a gesture cannot be made. The messages are for people.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DesignError {
    #[error("there is no step at {0}")]
    NoState(String),
    #[error("{0} is not a list of steps")]
    NotAStates(String),
    #[error("there is no transition at {0}")]
    NoTransition(String),
    #[error("{0}")]
    NotAllowed(String),
}

/// Where a dropped state goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "at", rename_all = "camelCase")]
pub enum Place {
    /// At the end of the `States` object at `states` (`/States`,
    /// `/States/Fan/Branches/0/States`, `/States/Each/ItemProcessor/States`).
    Container { states: String },
    /// In the middle of the transition written at `transition` (`/States/A/Next`,
    /// `/States/C/Choices/0/Next`, `/States/C/Default`, `/States/T/Catch/1/Next`): it now
    /// leads to the new state, which goes on to the old target.
    Transition { transition: String },
}

/// How a dragged connection joins its two states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Link {
    /// `Next` (and no more `End`).
    Next,
    /// A new Choice rule, with a placeholder condition to edit.
    Rule,
    /// The Choice's `Default`.
    Default,
    /// A catcher for every error (`States.ALL`).
    Catch,
}

/// An edit and the pointers of the states it created.
#[derive(Debug, Clone, PartialEq)]
pub struct Created {
    pub edit: Edit,
    pub states: Vec<String>,
}

/// `base` if it is free, else `base 2`, `base 3`... (a base ending in a number counts on from
/// it: `Charge card 2` → `Charge card 3`).
pub fn unique_name(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_owned();
    }
    let (stem, first) = match base.rsplit_once(' ') {
        Some((stem, n)) if !stem.is_empty() && n.parse::<u64>().is_ok_and(|n| n < 1 << 40) => {
            (stem, n.parse::<u64>().unwrap_or(1) + 1)
        }
        _ => (base, 2),
    };
    (first..).map(|i| format!("{stem} {i}")).find(|n| !taken(n)).unwrap_or_default()
}

/// Adds `state` (named after `base`) at `place`.
pub fn add_state(
    doc: &Value,
    place: &Place,
    base: &str,
    mut state: Value,
) -> Result<Created, DesignError> {
    match place {
        Place::Container { states } => {
            let existing = states_of(doc, states)?;
            let name = unique_name(base, |n| existing.contains_key(n));
            let mut edits = vec![Edit::AddState {
                container_pointer: states.clone(),
                name: name.clone(),
                state_json: state,
                after: None,
            }];
            if existing.is_empty() {
                let (machine, _) = split(states);
                edits.push(Edit::SetField {
                    pointer: format!("{machine}/StartAt"),
                    value: Value::String(name.clone()),
                });
            }
            Ok(Created { edit: Edit::Batch { edits }, states: vec![pointer::join(states, &name)] })
        }
        Place::Transition { transition } => {
            let target = doc
                .pointer(transition)
                .and_then(Value::as_str)
                .ok_or_else(|| DesignError::NoTransition(transition.clone()))?
                .to_owned();
            let owner = owner_of(transition);
            let (container, owner_name) = split(&owner);
            let existing = states_of(doc, &container)?;
            let name = unique_name(base, |n| existing.contains_key(n));
            let body =
                state.as_object_mut().ok_or_else(|| not_allowed("A step must be an object."))?;
            match body.get("Type").and_then(Value::as_str).unwrap_or("") {
                kind @ ("Succeed" | "Fail") => {
                    return Err(not_allowed(&format!(
                        "A {kind} step ends the workflow, so it cannot go in the middle of a transition."
                    )));
                }
                "Choice" => {
                    body.insert("Default".into(), Value::String(target));
                }
                _ => {
                    body.remove("End");
                    body.insert("Next".into(), Value::String(target));
                }
            }
            let edits = vec![
                Edit::AddState {
                    container_pointer: container.clone(),
                    name: name.clone(),
                    state_json: state,
                    after: Some(owner_name),
                },
                Edit::SetField { pointer: transition.clone(), value: Value::String(name.clone()) },
            ];
            Ok(Created {
                edit: Edit::Batch { edits },
                states: vec![pointer::join(&container, &name)],
            })
        }
    }
}

/// Connects state `from` to state `to` (both state pointers, in the same `States`).
pub fn connect(doc: &Value, from: &str, to: &str, link: Link) -> Result<Edit, DesignError> {
    let body = state_body(doc, from)?;
    state_body(doc, to)?;
    let (from_container, from_name) = split(from);
    let (to_container, target) = split(to);
    if from_container != to_container {
        return Err(not_allowed(
            "Steps can only be connected to steps in the same workflow, branch or set of per-item steps.",
        ));
    }
    let kind = body.get("Type").and_then(Value::as_str).unwrap_or("");
    let goes_to = Value::String(target.clone());
    let field = |name: &str| format!("{from}/{name}");
    let ends = |what: &str| {
        not_allowed(&format!(
            "“{from_name}” is a {kind} step: it ends the workflow, so it cannot {what}."
        ))
    };
    Ok(match link {
        Link::Next => match kind {
            "Succeed" | "Fail" => return Err(ends("go on to another step")),
            "Choice" => {
                return Err(not_allowed(&format!(
                    "“{from_name}” is a Choice step: it goes on through a rule or its default, not “Next”."
                )));
            }
            _ => {
                let mut edits = vec![Edit::SetField { pointer: field("Next"), value: goes_to }];
                if body.contains_key("End") {
                    edits.push(Edit::RemoveField { pointer: field("End") });
                }
                Edit::Batch { edits }
            }
        },
        Link::Rule | Link::Default if kind != "Choice" => {
            return Err(not_allowed(&format!(
                "Only Choice steps have rules and a default; “{from_name}” is a {kind} step."
            )));
        }
        Link::Rule => {
            let jsonata = match body.get("QueryLanguage").and_then(Value::as_str) {
                Some(language) => language == "JSONata",
                None => super::palette::is_jsonata(doc),
            };
            let rule = if jsonata {
                json!({ "Condition": "{% true %}", "Next": target })
            } else {
                json!({ "Variable": "$.value", "IsPresent": true, "Next": target })
            };
            append(body, &field("Choices"), "Choices", rule)
        }
        Link::Default => Edit::SetField { pointer: field("Default"), value: goes_to },
        Link::Catch => {
            if !matches!(kind, "Task" | "Parallel" | "Map") {
                return Err(not_allowed(&format!(
                    "Only Task, Parallel and Map steps can catch errors; “{from_name}” is a {kind} step."
                )));
            }
            let catchers = body.get("Catch").and_then(Value::as_array);
            let every_error = catchers.and_then(|c| {
                c.iter().position(|c| c.get("ErrorEquals") == Some(&json!(["States.ALL"])))
            });
            match every_error {
                Some(i) => {
                    Edit::SetField { pointer: field(&format!("Catch/{i}/Next")), value: goes_to }
                }
                None => append(
                    body,
                    &field("Catch"),
                    "Catch",
                    json!({ "ErrorEquals": ["States.ALL"], "Next": target }),
                ),
            }
        }
    })
}

/// Removes transitions (given by where they are written, as in [`Place::Transition`]): a
/// `Next` becomes `"End": true`, a rule or catcher is removed (the whole `Catch` when it was
/// the last), a `Default` is removed.
pub fn disconnect(doc: &Value, transitions: &[String]) -> Result<Edit, DesignError> {
    let mut edits = Vec::new();
    // Array elements to remove, per array, removed from the last so indexes stay right.
    let mut elements: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for t in transitions {
        if doc.pointer(t).and_then(Value::as_str).is_none() {
            return Err(DesignError::NoTransition(t.clone()));
        }
        let owner = owner_of(t);
        state_body(doc, &owner)?;
        let rest = &t[owner.len()..];
        if rest == "/Next" {
            edits.push(Edit::RemoveField { pointer: t.clone() });
            edits
                .push(Edit::SetField { pointer: format!("{owner}/End"), value: Value::Bool(true) });
        } else if rest == "/Default" {
            edits.push(Edit::RemoveField { pointer: t.clone() });
        } else if let Some((array, index)) = rest
            .strip_suffix("/Next")
            .and_then(|r| r.rsplit_once('/'))
            .and_then(|(a, i)| Some((a, i.parse::<usize>().ok()?)))
        {
            elements.entry(format!("{owner}{array}")).or_default().push(index);
        } else {
            return Err(DesignError::NoTransition(t.clone()));
        }
    }
    for (array, mut indexes) in elements {
        indexes.sort_unstable();
        indexes.dedup();
        let len = doc.pointer(&array).and_then(Value::as_array).map_or(0, Vec::len);
        if array.ends_with("/Catch") && indexes.len() == len {
            edits.push(Edit::RemoveField { pointer: array });
            continue;
        }
        for i in indexes.into_iter().rev() {
            edits.push(Edit::RemoveField { pointer: format!("{array}/{i}") });
        }
    }
    Ok(Edit::Batch { edits })
}

/// Deletes `states` and `transitions` together. A transition to a deleted step is passed on to
/// where that step went next (`A → B → C`, delete `B`: `A → C`), when it had a `Next`.
pub fn delete(doc: &Value, states: &[String], transitions: &[String]) -> Result<Edit, DesignError> {
    for s in states {
        state_body(doc, s)?;
    }
    let inside = |p: &str| states.iter().any(|s| p == s || p.starts_with(&format!("{s}/")));
    // Only the outermost of nested deleted states is removed (its children go with it).
    let removed: Vec<&String> =
        states.iter().filter(|s| !states.iter().any(|o| s.starts_with(&format!("{o}/")))).collect();
    let own: Vec<String> = transitions.iter().filter(|t| !inside(t)).cloned().collect();
    let mut edits = vec![disconnect(doc, &own)?];
    let dropped: HashSet<&str> = own.iter().map(String::as_str).collect();
    // Where each deleted step's work passes on to: follow Next through deleted steps.
    let mut by_container: HashMap<String, HashSet<String>> = HashMap::new();
    for s in &removed {
        let (c, n) = split(s);
        by_container.entry(c).or_default().insert(n);
    }
    for (container, gone) in &by_container {
        let siblings = states_of(doc, container)?;
        let heir = |name: &str| {
            let mut at = name.to_owned();
            let mut seen = HashSet::new();
            while gone.contains(&at) && seen.insert(at.clone()) {
                at = siblings.get(&at)?.get("Next")?.as_str()?.to_owned();
            }
            (!gone.contains(&at) && siblings.contains_key(&at)).then_some(at)
        };
        let (machine, _) = split(container);
        let start = format!("{machine}/StartAt");
        let mut references = vec![start];
        for (name, body) in siblings.iter().filter(|(n, _)| !gone.contains(*n)) {
            if let Some(body) = body.as_object() {
                references.extend(transitions_of(&pointer::join(container, name), body));
            }
        }
        for r in references.into_iter().filter(|r| !dropped.contains(r.as_str())) {
            let Some(target) = doc.pointer(&r).and_then(Value::as_str) else { continue };
            if !gone.contains(target) {
                continue;
            }
            if let Some(next) = heir(target) {
                edits.push(Edit::SetField { pointer: r, value: Value::String(next) });
            }
        }
    }
    edits.extend(removed.into_iter().map(|s| Edit::RemoveState { pointer: s.clone() }));
    Ok(Edit::Batch { edits })
}

/// Adds copies of `states` (name and body, as copied) to the `States` at `container`, after
/// the state `after` (or at the end), under free names; transitions between the copies follow
/// the new names, others keep their targets.
pub fn paste(
    doc: &Value,
    container: &str,
    states: &[(String, Value)],
    after: Option<&str>,
) -> Result<Created, DesignError> {
    let existing = states_of(doc, container)?;
    let mut names: BTreeMap<&str, String> = BTreeMap::new();
    let mut taken: HashSet<String> = existing.keys().cloned().collect();
    for (name, _) in states {
        let new = unique_name(name, |n| taken.contains(n));
        taken.insert(new.clone());
        names.insert(name, new);
    }
    let mut edits = Vec::new();
    let mut created = Vec::new();
    let mut previous = after.map(str::to_owned);
    for (name, body) in states {
        let mut body = body.clone();
        if !body.get("Type").is_some_and(Value::is_string) {
            return Err(not_allowed(&format!("“{name}” is not a step (it has no \"Type\").")));
        }
        retarget(&mut body, &|t| names.get(t).cloned());
        let new = names[name.as_str()].clone();
        edits.push(Edit::AddState {
            container_pointer: container.to_owned(),
            name: new.clone(),
            state_json: body,
            after: previous.clone(),
        });
        created.push(pointer::join(container, &new));
        previous = Some(new);
    }
    Ok(Created { edit: Edit::Batch { edits }, states: created })
}

/// Copies of `states` (state pointers), each set placed after the last of its originals.
pub fn duplicate(doc: &Value, states: &[String]) -> Result<Created, DesignError> {
    let mut groups: Vec<(String, Vec<(String, Value)>)> = Vec::new();
    for s in states {
        let body = Value::Object(state_body(doc, s)?.clone());
        let (container, name) = split(s);
        match groups.iter_mut().find(|(c, _)| *c == container) {
            Some((_, list)) => list.push((name, body)),
            None => groups.push((container, vec![(name, body)])),
        }
    }
    let mut edits = Vec::new();
    let mut created = Vec::new();
    for (container, mut list) in groups {
        let order: Vec<String> = states_of(doc, &container)?.keys().cloned().collect();
        list.sort_by_key(|(n, _)| order.iter().position(|o| o == n));
        let last = list.last().map(|(n, _)| n.clone());
        let c = paste(doc, &container, &list, last.as_deref())?;
        edits.push(c.edit);
        created.extend(c.states);
    }
    Ok(Created { edit: Edit::Batch { edits }, states: created })
}

/// Rewrites the transitions of one state body through `rename` (None keeps the target).
fn retarget(body: &mut Value, rename: &dyn Fn(&str) -> Option<String>) {
    let fix = |v: Option<&mut Value>| {
        if let Some(v) = v
            && let Some(new) = v.as_str().and_then(rename)
        {
            *v = Value::String(new);
        }
    };
    fix(body.get_mut("Next"));
    fix(body.get_mut("Default"));
    for list in ["Choices", "Catch"] {
        if let Some(items) = body.get_mut(list).and_then(Value::as_array_mut) {
            for item in items {
                fix(item.get_mut("Next"));
            }
        }
    }
}

/// Where the transitions of the state at `state` are written.
fn transitions_of(state: &str, body: &Map<String, Value>) -> Vec<String> {
    let mut out = Vec::new();
    for field in ["Next", "Default"] {
        if body.get(field).is_some_and(Value::is_string) {
            out.push(format!("{state}/{field}"));
        }
    }
    for list in ["Choices", "Catch"] {
        for (i, item) in body.get(list).and_then(Value::as_array).into_iter().flatten().enumerate()
        {
            if item.get("Next").is_some_and(Value::is_string) {
                out.push(format!("{state}/{list}/{i}/Next"));
            }
        }
    }
    out
}

/// An edit adding `item` at the end of the array `field` (created when missing).
fn append(body: &Map<String, Value>, at: &str, field: &str, item: Value) -> Edit {
    if body.get(field).is_some_and(Value::is_array) {
        Edit::SetField { pointer: format!("{at}/-"), value: item }
    } else {
        Edit::SetField { pointer: at.to_owned(), value: Value::Array(vec![item]) }
    }
}

/// The pointer of the state a transition pointer belongs to.
fn owner_of(transition: &str) -> String {
    if let Some(rest) = transition.strip_suffix("/Default") {
        return rest.to_owned();
    }
    let Some(rest) = transition.strip_suffix("/Next") else { return transition.to_owned() };
    for list in ["/Choices/", "/Catch/"] {
        if let Some((owner, index)) = rest.rsplit_once(list)
            && index.parse::<usize>().is_ok()
        {
            return owner.to_owned();
        }
    }
    rest.to_owned()
}

/// A pointer's parent and (unescaped) last token.
fn split(at: &str) -> (String, String) {
    match at.rfind('/') {
        Some(i) => (at[..i].to_owned(), pointer::unescape(&at[i + 1..]).into_owned()),
        None => (String::new(), at.to_owned()),
    }
}

fn states_of<'a>(doc: &'a Value, container: &str) -> Result<&'a Map<String, Value>, DesignError> {
    let is_states = pointer::tokens(container).last().is_some_and(|t| t == "States");
    doc.pointer(container)
        .and_then(Value::as_object)
        .filter(|_| is_states)
        .ok_or_else(|| DesignError::NotAStates(container.to_owned()))
}

fn state_body<'a>(doc: &'a Value, state: &str) -> Result<&'a Map<String, Value>, DesignError> {
    let (container, name) = split(state);
    states_of(doc, &container)
        .ok()
        .and_then(|s| s.get(&name))
        .and_then(Value::as_object)
        .ok_or_else(|| DesignError::NoState(state.to_owned()))
}

fn not_allowed(why: &str) -> DesignError {
    DesignError::NotAllowed(why.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::asl::{Document, apply};

    const FLOW: &str = "{\n  \"StartAt\": \"A\",\n  \"States\": {\n    \"A\": {\n      \"Type\": \"Task\",\n      \"Resource\": \"arn:aws:states:::lambda:invoke\",\n      \"Next\": \"B\"\n    },\n    \"B\": {\n      \"Type\": \"Choice\",\n      \"Choices\": [\n        {\"Variable\": \"$.x\", \"IsPresent\": true, \"Next\": \"C\"}\n      ],\n      \"Default\": \"D\"\n    },\n    \"C\": {\n      \"Type\": \"Pass\",\n      \"Next\": \"D\"\n    },\n    \"D\": {\n      \"Type\": \"Succeed\"\n    }\n  }\n}\n";

    /// Applies an edit to FLOW (or `text`) and returns the new value.
    fn run(text: &str, edit: Result<Edit, DesignError>) -> Value {
        let doc = Document::parse(text).expect("parses");
        let out = apply(&doc, &edit.expect("gesture allowed")).expect("applies");
        serde_json::from_str(out.text()).expect("JSON")
    }

    fn value(text: &str) -> Value {
        serde_json::from_str(text).expect("JSON")
    }

    fn created(r: Result<Created, DesignError>) -> Result<Edit, DesignError> {
        r.map(|c| c.edit)
    }

    #[test]
    fn unique_names_count_on() {
        let taken = ["Charge card", "Charge card 2", "New Wait"];
        let free = |n: &str| unique_name(n, |x| taken.contains(&x));
        assert_eq!(free("Charge card"), "Charge card 3");
        assert_eq!(free("Charge card 2"), "Charge card 3");
        assert_eq!(free("Other"), "Other");
        assert_eq!(free("New Wait"), "New Wait 2");
        assert_eq!(unique_name("7", |x| x == "7"), "7 2");
    }

    #[test]
    fn dropping_on_a_transition_wires_the_new_state_in() {
        let v = value(FLOW);
        let wait = json!({"Type": "Wait", "Seconds": 5, "End": true});
        let on = |t: &str| Place::Transition { transition: t.into() };
        let out = run(FLOW, created(add_state(&v, &on("/States/A/Next"), "Pause", wait.clone())));
        assert_eq!(
            (out["States"]["A"]["Next"].clone(), out["States"]["Pause"].clone()),
            (json!("Pause"), json!({"Type": "Wait", "Seconds": 5, "Next": "B"}))
        );
        let out =
            run(FLOW, created(add_state(&v, &on("/States/B/Choices/0/Next"), "A", wait.clone())));
        assert_eq!(
            (
                out["States"]["B"]["Choices"][0]["Next"].clone(),
                out["States"]["A 2"]["Next"].clone()
            ),
            (json!("A 2"), json!("C"))
        );
        let out = run(FLOW, created(add_state(&v, &on("/States/B/Default"), "P", wait.clone())));
        assert_eq!(
            (out["States"]["B"]["Default"].clone(), out["States"]["P"]["Next"].clone()),
            (json!("P"), json!("D"))
        );
        let choice = json!({"Type": "Choice", "Choices": [], "Default": ""});
        let out = run(FLOW, created(add_state(&v, &on("/States/C/Next"), "Q", choice)));
        assert_eq!(out["States"]["Q"]["Default"], "D");
        let refused = add_state(&v, &on("/States/A/Next"), "S", json!({"Type": "Succeed"}));
        assert!(matches!(refused, Err(DesignError::NotAllowed(_))));
        assert_eq!(
            add_state(&v, &on("/States/D/Next"), "S", wait).err(),
            Some(DesignError::NoTransition("/States/D/Next".into()))
        );
    }

    #[test]
    fn inserting_on_a_transition_keeps_other_bytes_and_goes_after_its_source() {
        let doc = Document::parse(FLOW).expect("parses");
        let c = add_state(
            doc.value(),
            &Place::Transition { transition: "/States/A/Next".into() },
            "W",
            json!({"Type": "Pass", "End": true}),
        )
        .expect("ok");
        let out = apply(&doc, &c.edit).expect("applies");
        let want = FLOW.replace("\"Next\": \"B\"\n    },\n", "\"Next\": \"W\"\n    },\n    \"W\": {\n      \"Type\": \"Pass\",\n      \"Next\": \"B\"\n    },\n");
        assert_eq!(out.text(), want);
        assert_eq!(c.states, ["/States/W"]);
    }

    #[test]
    fn dropping_into_a_container_adds_there_and_starts_an_empty_one() {
        let text = r#"{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"X","States":{"X":{"Type":"Pass","End":true}}}],"End":true}}}"#;
        let v = value(text);
        let into = |s: &str| Place::Container { states: s.into() };
        let out = run(
            text,
            created(add_state(
                &v,
                &into("/States/P/Branches/0/States"),
                "X",
                json!({"Type": "Pass", "End": true}),
            )),
        );
        assert_eq!(out["States"]["P"]["Branches"][0]["States"]["X 2"]["Type"], "Pass");
        let out = run(
            r#"{"States":{}}"#,
            created(add_state(
                &value(r#"{"States":{}}"#),
                &into("/States"),
                "N",
                json!({"Type": "Pass", "End": true}),
            )),
        );
        assert_eq!(out["StartAt"], "N");
        assert_eq!(
            add_state(&v, &into("/States/P"), "N", json!({})).err(),
            Some(DesignError::NotAStates("/States/P".into()))
        );
    }

    #[test]
    fn connecting_sets_next_rules_default_and_catch() {
        let v = value(FLOW);
        let out = run(FLOW, connect(&v, "/States/C", "/States/A", Link::Next));
        assert_eq!(out["States"]["C"], json!({"Type": "Pass", "Next": "A"}));
        let ended =
            FLOW.replace("\"Next\": \"D\"\n    },\n    \"D\"", "\"End\": true\n    },\n    \"D\"");
        let out = run(&ended, connect(&value(&ended), "/States/C", "/States/D", Link::Next));
        assert_eq!(out["States"]["C"], json!({"Type": "Pass", "Next": "D"}));
        let out = run(FLOW, connect(&v, "/States/B", "/States/A", Link::Rule));
        assert_eq!(
            out["States"]["B"]["Choices"][1],
            json!({"Variable": "$.value", "IsPresent": true, "Next": "A"})
        );
        let out = run(FLOW, connect(&v, "/States/B", "/States/C", Link::Default));
        assert_eq!(out["States"]["B"]["Default"], "C");
        let out = run(FLOW, connect(&v, "/States/A", "/States/D", Link::Catch));
        assert_eq!(
            out["States"]["A"]["Catch"],
            json!([{"ErrorEquals": ["States.ALL"], "Next": "D"}])
        );
        let twice = serde_json::to_string(&out).expect("json");
        let again = run(&twice, connect(&out, "/States/A", "/States/C", Link::Catch));
        assert_eq!(
            again["States"]["A"]["Catch"],
            json!([{"ErrorEquals": ["States.ALL"], "Next": "C"}])
        );
    }

    #[test]
    fn jsonata_choice_rules_get_a_condition() {
        let text = FLOW.replacen("{\n", "{\n  \"QueryLanguage\": \"JSONata\",\n", 1);
        let out = run(&text, connect(&value(&text), "/States/B", "/States/A", Link::Rule));
        assert_eq!(
            out["States"]["B"]["Choices"][1],
            json!({"Condition": "{% true %}", "Next": "A"})
        );
    }

    #[test]
    fn impossible_connections_are_refused_in_words() {
        let v = value(FLOW);
        for (from, to, link) in [
            ("/States/D", "/States/A", Link::Next),
            ("/States/B", "/States/A", Link::Next),
            ("/States/A", "/States/B", Link::Rule),
            ("/States/C", "/States/D", Link::Catch),
        ] {
            assert!(
                matches!(connect(&v, from, to, link), Err(DesignError::NotAllowed(_))),
                "{from} {link:?}"
            );
        }
        assert_eq!(
            connect(&v, "/States/A", "/States/Z", Link::Next).err(),
            Some(DesignError::NoState("/States/Z".into()))
        );
        let nested = value(
            r#"{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"X","States":{"X":{"Type":"Pass","End":true}}}],"End":true}}}"#,
        );
        assert!(matches!(
            connect(&nested, "/States/P/Branches/0/States/X", "/States/P", Link::Next),
            Err(DesignError::NotAllowed(_))
        ));
    }

    #[test]
    fn disconnecting_removes_each_kind_of_transition() {
        let v = value(FLOW);
        let out = run(FLOW, disconnect(&v, &["/States/A/Next".into()]));
        assert_eq!(out["States"]["A"].get("Next"), None);
        assert_eq!(out["States"]["A"]["End"], true);
        let out = run(
            FLOW,
            disconnect(&v, &["/States/B/Choices/0/Next".into(), "/States/B/Default".into()]),
        );
        assert_eq!(out["States"]["B"], json!({"Type": "Choice", "Choices": []}));
        let caught = r#"{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"x","Catch":[{"ErrorEquals":["A"],"Next":"F"},{"ErrorEquals":["B"],"Next":"F"},{"ErrorEquals":["C"],"Next":"F"}],"End":true},"F":{"Type":"Fail"}}}"#;
        let out = run(
            caught,
            disconnect(
                &value(caught),
                &["/States/T/Catch/0/Next".into(), "/States/T/Catch/2/Next".into()],
            ),
        );
        assert_eq!(out["States"]["T"]["Catch"], json!([{"ErrorEquals": ["B"], "Next": "F"}]));
        let all: Vec<String> = (0..3).map(|i| format!("/States/T/Catch/{i}/Next")).collect();
        assert_eq!(run(caught, disconnect(&value(caught), &all))["States"]["T"].get("Catch"), None);
        assert_eq!(
            disconnect(&v, &["/States/A/Default".into()]).err(),
            Some(DesignError::NoTransition("/States/A/Default".into()))
        );
    }

    #[test]
    fn deleting_a_step_passes_its_transitions_on() {
        let v = value(FLOW);
        let out = run(FLOW, delete(&v, &["/States/C".into()], &[]));
        assert_eq!(
            (out["States"].get("C"), out["States"]["B"]["Choices"][0]["Next"].clone()),
            (None, json!("D"))
        );
        let out = run(FLOW, delete(&v, &["/States/A".into(), "/States/B".into()], &[]));
        assert_eq!(
            out["StartAt"], "A",
            "B (a Choice) has no Next to pass on to: StartAt is left for the validator"
        );
        let out = run(FLOW, delete(&v, &["/States/D".into()], &["/States/A/Next".into()]));
        assert_eq!(
            (out["States"]["A"]["End"].clone(), out["States"]["C"]["Next"].clone()),
            (json!(true), json!("D"))
        );
        let chain = r#"{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"C"},"C":{"Type":"Pass","Next":"D"},"D":{"Type":"Succeed"}}}"#;
        let out = run(
            chain,
            delete(
                &value(chain),
                &["/States/B".into(), "/States/C".into(), "/States/A".into()],
                &["/States/A/Next".into()],
            ),
        );
        assert_eq!(out, json!({"StartAt": "D", "States": {"D": {"Type": "Succeed"}}}));
        assert_eq!(
            delete(&v, &["/States/Z".into()], &[]).err(),
            Some(DesignError::NoState("/States/Z".into()))
        );
    }

    #[test]
    fn deleting_a_container_and_its_child_removes_the_container_once() {
        let text = r#"{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"X","States":{"X":{"Type":"Pass","End":true}}}],"End":true}}}"#;
        let out = run(
            text,
            delete(
                &value(text),
                &["/States/P/Branches/0/States/X".into(), "/States/P".into()],
                &[],
            ),
        );
        assert_eq!(out, json!({"StartAt": "P", "States": {}}));
    }

    #[test]
    fn pasting_and_duplicating_give_free_names_and_follow_copied_transitions() {
        let v = value(FLOW);
        let copied = vec![
            ("C".to_owned(), v["States"]["C"].clone()),
            ("D".to_owned(), v["States"]["D"].clone()),
        ];
        let c = paste(&v, "/States", &copied, None).expect("pastes");
        assert_eq!(c.states, ["/States/C 2", "/States/D 2"]);
        let out = run(FLOW, Ok(c.edit));
        assert_eq!(out["States"]["C 2"], json!({"Type": "Pass", "Next": "D 2"}));
        let c = duplicate(&v, &["/States/A".into()]).expect("duplicates");
        let out = run(FLOW, Ok(c.edit));
        assert_eq!(out["States"]["A 2"]["Next"], "B");
        let keys: Vec<&String> = out["States"].as_object().expect("States").keys().collect();
        assert_eq!(keys, ["A", "A 2", "B", "C", "D"]);
        assert!(matches!(
            paste(&v, "/States", &[("x".into(), json!({}))], None),
            Err(DesignError::NotAllowed(_))
        ));
        assert_eq!(
            duplicate(&v, &["/States/Q".into()]).err(),
            Some(DesignError::NoState("/States/Q".into()))
        );
    }
}
