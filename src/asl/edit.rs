//! Lossless edits of a definition: the designer's and the CLI's only way to change a document.
//!
//! An [`Edit`] is data (serde-serialisable, so the canvas can send it); [`apply`] is a pure
//! function from a document and an edit to a new document. Guarantees: only the bytes the edit
//! must change are changed (key order, indentation, number spelling, string escapes, line
//! endings and a byte order mark stay as written); setting a node to the value it already has
//! returns the same bytes; new text follows the file's own indent unit and line ending; the
//! result is always strict JSON, or the edit fails with an [`EditError`] and nothing changes.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::splice::{self, Entries, Missing, Splice, Style};
use super::{Document, pointer};

/// One change to a definition. Pointers are RFC 6901 JSON pointers into the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op")]
pub enum Edit {
    /// Renames the state at `pointer` (e.g. `/States/Charge`) and every reference to it in the
    /// same `States` scope: `StartAt`, `Next`, `Default`, Choice rule `Next`, Catch `Next`.
    RenameState { pointer: String, new_name: String },
    /// Adds a state to the `States` object at `container_pointer`, after the state `after` (at
    /// the end when `None`).
    AddState {
        container_pointer: String,
        name: String,
        state_json: Value,
        #[serde(default)]
        after: Option<String>,
    },
    /// Removes the state at `pointer`. References to it are left for the validator to report.
    RemoveState { pointer: String },
    /// Sets the member or array element at `pointer`, creating it at the end of its parent if it
    /// is missing (`-` as last token appends to an array). Setting an object or a same-length
    /// array changes only the members that differ: unchanged ones keep their text and place,
    /// new members are appended, numbers equal in value keep their spelling.
    SetField { pointer: String, value: Value },
    /// Removes the member or array element at `pointer`.
    RemoveField { pointer: String },
    /// Sets the value at `pointer` like [`Edit::SetField`], first creating the missing objects
    /// on the way (`/States/A/Parameters/FunctionName` when `Parameters` is not there yet).
    /// The inspector's one generic change: a form field writes its value wherever it lives.
    PutField { pointer: String, value: Value },
    /// Removes the member at `pointer` when there is one; when there is none, nothing changes.
    ClearField { pointer: String },
    /// Moves state `name` from one `States` object to another (or within one, to reorder),
    /// keeping its text, re-indented for its new depth.
    MoveState {
        from_container: String,
        to_container: String,
        name: String,
        #[serde(default)]
        after: Option<String>,
    },
    /// Several edits applied in order, all or nothing.
    Batch { edits: Vec<Edit> },
}

/// Why an edit could not be applied. The document is never partially changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
pub enum EditError {
    #[error("there is nothing at {0}")]
    NotFound(String),
    #[error("{0} is not an object or array, so it has no members")]
    NotAContainer(String),
    #[error("{0} is not a States object")]
    NotAStates(String),
    #[error("a state named {name:?} already exists in {container}")]
    NameTaken { name: String, container: String },
    #[error("{0:?} is not a JSON pointer to a member (it must start with / and not be the root)")]
    BadPointer(String),
    #[error("the edit produced text that is not JSON ({0}); nothing was changed")]
    Broken(String),
}

/// Applies `edit` to `doc`, returning the edited document.
pub fn apply(doc: &Document, edit: &Edit) -> Result<Document, EditError> {
    let text = doc.text();
    let bom = super::document::bom_len(text);
    let body = apply_text(&text[bom..], edit)?;
    if body == text[bom..] {
        return Ok(doc.clone());
    }
    Document::parse(format!("{}{body}", &text[..bom])).map_err(|e| EditError::Broken(e.to_string()))
}

impl Edit {
    /// The pointers this edit names (not those of a batch's edits).
    fn pointers(&self) -> Vec<&str> {
        match self {
            Edit::RenameState { pointer, .. }
            | Edit::RemoveState { pointer }
            | Edit::SetField { pointer, .. }
            | Edit::RemoveField { pointer }
            | Edit::PutField { pointer, .. }
            | Edit::ClearField { pointer } => vec![pointer],
            Edit::AddState { container_pointer, .. } => vec![container_pointer],
            Edit::MoveState { from_container, to_container, .. } => {
                vec![from_container, to_container]
            }
            Edit::Batch { .. } => Vec::new(),
        }
    }
}

fn apply_text(text: &str, edit: &Edit) -> Result<String, EditError> {
    if let Some(bad) = edit.pointers().into_iter().find(|p| !p.is_empty() && !p.starts_with('/')) {
        return Err(EditError::BadPointer(bad.to_string()));
    }
    match edit {
        Edit::SetField { pointer, value } => set(text, pointer, value),
        Edit::RemoveField { pointer } => remove(text, pointer),
        Edit::PutField { pointer, value } => put(text, pointer, value),
        Edit::ClearField { pointer } => {
            split_last(pointer)?;
            match remove(text, pointer) {
                Err(EditError::NotFound(_)) => Ok(text.to_string()),
                done => done,
            }
        }
        Edit::RemoveState { pointer } => {
            let (container, _) = split_last(pointer)?;
            states_entries(text, &container)?;
            remove(text, pointer)
        }
        Edit::AddState { container_pointer, name, state_json, after } => {
            let index = insertion_index(text, container_pointer, name, after.as_deref())?;
            insert_member(text, container_pointer, index, name, &New::Value(state_json))
        }
        Edit::RenameState { pointer, new_name } => rename(text, pointer, new_name),
        Edit::MoveState { from_container, to_container, name, after } => {
            let from = pointer::join(from_container, name);
            let root = splice::parse(text).map_err(|m| missing(m, &from))?;
            let node = splice::find(&root, &from).map_err(|m| missing(m, &from))?;
            states_entries(text, from_container)?;
            let (start, end) = splice::range(node);
            let value_text = text[start..end].to_string();
            let indent = splice::line_indent(text, start).to_string();
            let value: Value =
                serde_json::from_str(&value_text).map_err(|e| EditError::Broken(e.to_string()))?;
            let removed = remove(text, &from)?;
            let index = insertion_index(&removed, to_container, name, after.as_deref())?;
            let new = New::Text { text: &value_text, indent: &indent, value: &value };
            insert_member(&removed, to_container, index, name, &new)
        }
        Edit::Batch { edits } => {
            edits.iter().try_fold(text.to_string(), |text, edit| apply_text(&text, edit))
        }
    }
}

/// What to write for a new member: a value to render, or existing text to re-indent.
enum New<'a> {
    Value(&'a Value),
    Text { text: &'a str, indent: &'a str, value: &'a Value },
}

fn missing(m: Missing, at: &str) -> EditError {
    match m {
        Missing::Unparsable => EditError::Broken("the document could not be read".into()),
        Missing::Node(p) => EditError::NotFound(if p.is_empty() { at.to_string() } else { p }),
        Missing::NotAContainer(p) => EditError::NotAContainer(p),
    }
}

/// Splits a pointer into its parent and last token.
fn split_last(at: &str) -> Result<(String, String), EditError> {
    match at.rfind('/') {
        Some(i) => Ok((at[..i].to_string(), pointer::unescape(&at[i + 1..]).into_owned())),
        None => Err(EditError::BadPointer(at.to_string())),
    }
}

/// The members of the States object at `container` (which must be named `States`).
fn states_entries(text: &str, container: &str) -> Result<Vec<String>, EditError> {
    let root = splice::parse(text).map_err(|m| missing(m, container))?;
    let node = splice::find(&root, container).map_err(|m| missing(m, container))?;
    let is_states = pointer::tokens(container).last().is_some_and(|t| t == "States");
    match node {
        jsonc_parser::ast::Value::Object(o) if is_states => {
            Ok(o.properties.iter().map(|p| splice::name(&p.name).to_string()).collect())
        }
        _ => Err(EditError::NotAStates(container.to_string())),
    }
}

/// Where a new state goes: after `after`, or at the end; fails if `name` is taken.
fn insertion_index(
    text: &str,
    container: &str,
    name: &str,
    after: Option<&str>,
) -> Result<usize, EditError> {
    let names = states_entries(text, container)?;
    if names.iter().any(|n| n == name) {
        return Err(EditError::NameTaken { name: name.into(), container: container.into() });
    }
    match after {
        None => Ok(names.len()),
        Some(a) => names
            .iter()
            .position(|n| n == a)
            .map(|i| i + 1)
            .ok_or_else(|| EditError::NotFound(pointer::join(container, a))),
    }
}

fn insert_member(
    text: &str,
    container: &str,
    index: usize,
    name: &str,
    new: &New<'_>,
) -> Result<String, EditError> {
    let root = splice::parse(text).map_err(|m| missing(m, container))?;
    let node = splice::find(&root, container).map_err(|m| missing(m, container))?;
    let entries =
        Entries::of(text, node).ok_or_else(|| EditError::NotAContainer(container.into()))?;
    let style = Style::detect(text);
    let layout = entries.layout(text, &style);
    let is_object = matches!(node, jsonc_parser::ast::Value::Object(_));
    let value_text = match new {
        New::Text { text, indent, .. } if layout.pretty => {
            splice::reindent(text, indent, &layout.indent)
        }
        New::Text { value, .. } | New::Value(value) => splice::render(value, &layout),
    };
    let entry = if is_object {
        let key = serde_json::to_string(name).unwrap_or_default();
        format!("{key}{}{value_text}", layout.colon)
    } else {
        value_text
    };
    let index = index.min(entries.items.len());
    Ok(splice::apply(text, vec![entries.insert(text, &style, index, &entry)]))
}

fn remove(text: &str, at: &str) -> Result<String, EditError> {
    let (mut text, object) = remove_one(text, at)?;
    // A key written twice is removed everywhere: afterwards the member is gone, as asked.
    if object {
        while let Ok((again, _)) = remove_one(&text, at) {
            text = again;
        }
    }
    Ok(text)
}

/// Removes the entry at `at`; says whether it was an object member.
fn remove_one(text: &str, at: &str) -> Result<(String, bool), EditError> {
    let (parent, last) = split_last(at)?;
    let root = splice::parse(text).map_err(|m| missing(m, at))?;
    let node = splice::find(&root, &parent).map_err(|m| missing(m, at))?;
    let index = child_index(node, &last).ok_or_else(|| EditError::NotFound(at.to_string()))?;
    let entries = Entries::of(text, node).ok_or(EditError::NotAContainer(parent))?;
    let cut = entries.remove(index).ok_or_else(|| EditError::NotFound(at.to_string()))?;
    let is_object = matches!(node, jsonc_parser::ast::Value::Object(_));
    Ok((splice::apply(text, vec![cut]), is_object))
}

/// The position among its container's entries of the child named `token`.
fn child_index(node: &jsonc_parser::ast::Value<'_>, token: &str) -> Option<usize> {
    match node {
        jsonc_parser::ast::Value::Object(o) => {
            o.properties.iter().rposition(|p| splice::name(&p.name) == token)
        }
        jsonc_parser::ast::Value::Array(a) => {
            token.parse::<usize>().ok().filter(|&i| i < a.elements.len())
        }
        _ => None,
    }
}

fn set(text: &str, at: &str, value: &Value) -> Result<String, EditError> {
    let root = splice::parse(text).map_err(|m| missing(m, at))?;
    let existing = match splice::find(&root, at) {
        Ok(node) => node,
        Err(Missing::Node(found)) if found == at => {
            // A new member or element at the end of an existing parent.
            let (parent, last) = split_last(at)?;
            let node = splice::find(&root, &parent).map_err(|m| missing(m, at))?;
            let append = match node {
                jsonc_parser::ast::Value::Array(a) => {
                    last == "-" || last.parse::<usize>().ok() == Some(a.elements.len())
                }
                jsonc_parser::ast::Value::Object(_) => true,
                _ => false,
            };
            if !append {
                return Err(EditError::NotFound(at.to_string()));
            }
            return insert_member(text, &parent, usize::MAX, &last, &New::Value(value));
        }
        Err(m) => return Err(missing(m, at)),
    };
    let current: Option<Value> = {
        let (s, e) = splice::range(existing);
        serde_json::from_str(&text[s..e]).ok()
    };
    match (current, value) {
        (Some(current), _) if same(&current, value) => Ok(text.to_string()),
        // Same kind of container: change only the members that differ, keeping the rest.
        (Some(Value::Object(old)), Value::Object(new)) => {
            let mut text = text.to_string();
            for key in old.keys().filter(|k| !new.contains_key(*k)) {
                text = remove(&text, &pointer::join(at, key))?;
            }
            for (key, v) in new {
                if !old.get(key).is_some_and(|o| same(o, v)) {
                    text = set(&text, &pointer::join(at, key), v)?;
                }
            }
            Ok(text)
        }
        (Some(Value::Array(old)), Value::Array(new)) if old.len() == new.len() => {
            let mut text = text.to_string();
            for (i, (o, v)) in old.iter().zip(new).enumerate() {
                if !same(o, v) {
                    text = set(&text, &format!("{at}/{i}"), v)?;
                }
            }
            Ok(text)
        }
        _ => {
            let (start, end) = splice::range(existing);
            let style = Style::detect(text);
            let pretty = !style.minified && !inline_parent(text, &root, at);
            let layout = splice::Layout {
                style: &style,
                pretty,
                indent: splice::line_indent(text, start).to_string(),
                colon: if style.minified { ":".into() } else { ": ".into() },
                comma: if style.minified { ",".into() } else { ", ".into() },
            };
            let new = splice::render(value, &layout);
            Ok(splice::apply(text, vec![Splice { start, end, text: new }]))
        }
    }
}

/// Sets `value` at `at`, creating the missing parent objects: the deepest existing ancestor
/// receives one new member holding the rest of the path as nested objects.
fn put(text: &str, at: &str, value: &Value) -> Result<String, EditError> {
    split_last(at)?;
    let root = splice::parse(text).map_err(|m| missing(m, at))?;
    let tokens: Vec<String> = pointer::tokens(at).map(|t| t.into_owned()).collect();
    let prefix = |n: usize| tokens[..n].iter().fold(String::new(), |p, t| pointer::join(&p, t));
    // The longest prefix of the pointer that names an existing node.
    let existing =
        (0..=tokens.len()).rev().find(|&n| splice::find(&root, &prefix(n)).is_ok()).unwrap_or(0);
    if existing + 1 >= tokens.len() {
        return set(text, at, value);
    }
    let parent = prefix(existing);
    if !matches!(splice::find(&root, &parent), Ok(jsonc_parser::ast::Value::Object(_))) {
        return Err(EditError::NotAContainer(parent));
    }
    let nested = tokens[existing + 1..].iter().rev().fold(value.clone(), |inner, token| {
        Value::Object(std::iter::once((token.clone(), inner)).collect())
    });
    set(text, &prefix(existing + 1), &nested)
}

/// Equal JSON, with numbers compared by value: the designer runs in JavaScript, where `2.0` and
/// `1e3` come back as `2` and `1000`; that is no reason to respell what the user wrote.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            match (x.as_i64(), y.as_i64(), x.as_u64(), y.as_u64()) {
                (Some(x), Some(y), _, _) => x == y,
                (_, _, Some(x), Some(y)) => x == y,
                _ => x.as_f64() == y.as_f64(),
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

/// Whether the node at `at` sits in a container written on one line.
fn inline_parent(text: &str, root: &jsonc_parser::ast::Value<'_>, at: &str) -> bool {
    let Ok((parent, _)) = split_last(at) else { return false };
    splice::find(root, &parent).is_ok_and(|p| {
        let (s, e) = splice::range(p);
        !text[s..e].contains('\n')
    })
}

fn rename(text: &str, at: &str, new_name: &str) -> Result<String, EditError> {
    let (container, old) = split_last(at)?;
    let names = states_entries(text, &container)?;
    if old == new_name {
        return if names.contains(&old) {
            Ok(text.to_string())
        } else {
            Err(EditError::NotFound(at.into()))
        };
    }
    if names.iter().any(|n| n == new_name) {
        return Err(EditError::NameTaken { name: new_name.into(), container });
    }
    let root = splice::parse(text).map_err(|m| missing(m, at))?;
    let jsonc_parser::ast::Value::Object(states) =
        splice::find(&root, &container).map_err(|m| missing(m, at))?
    else {
        return Err(EditError::NotAStates(container));
    };
    let renamed = serde_json::to_string(new_name).unwrap_or_default();
    let mut splices = Vec::new();
    let mut reference = |node: Option<&jsonc_parser::ast::Value<'_>>| {
        if let Some(jsonc_parser::ast::Value::StringLit(s)) = node
            && s.value == old
        {
            splices.push(Splice { start: s.range.start, end: s.range.end, text: renamed.clone() });
        }
    };
    let (machine, _) = split_last(&container)?;
    reference(splice::find(&root, &pointer::join(&machine, "StartAt")).ok());
    for prop in &states.properties {
        let state = &prop.value;
        for field in ["/Next", "/Default"] {
            reference(splice::find(state, field).ok());
        }
        for list in ["Choices", "Catch"] {
            if let Ok(jsonc_parser::ast::Value::Array(a)) = splice::find(state, &format!("/{list}"))
            {
                for rule in &a.elements {
                    reference(splice::find(rule, "/Next").ok());
                }
            }
        }
    }
    let key = states
        .properties
        .iter()
        .rev()
        .find(|p| splice::name(&p.name) == old)
        .ok_or_else(|| EditError::NotFound(at.into()))?;
    let (start, end) = splice::key_range(&key.name);
    splices.push(Splice { start, end, text: renamed });
    Ok(splice::apply(text, splices))
}
