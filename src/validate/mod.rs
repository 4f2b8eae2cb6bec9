//! The validator: every rule AWS enforces when a state machine is created, plus warnings for
//! likely mistakes, reported all at once as located [`Diagnostic`]s.
//!
//! Guarantees: never panics, whatever the JSON (wrong types anywhere are reported, not trusted);
//! reports every problem it finds rather than stopping at the first; every pointer names the node
//! AWS names (the state object for "field not supported", the `Next`/`Default`/`StartAt` field for
//! a missing target, ...); runs in time linear in the size of the definition.
//!
//! The rules are split by family: `machine` (StartAt/States, transitions, reachability, terminal
//! states, nested branches), `fields` (which field is allowed on which state type and query
//! language), `states` (per-type value rules), `choice`, `errors` (Retry/Catch), `map`,
//! `resource` (Task resources, EXPRESS restrictions), `paths`, `payload` (payload
//! templates and intrinsic functions), `jsonata` (`{% %}` expressions), `duplicates`
//! (repeated keys, from the text) and `lint` (warnings).
//!
//! Where AWS reports a problem at a node, so do we (a field not supported: the state object; a
//! bad `.$` value: that key; a missing target: the `Next`/`Default`/`StartAt` field); where AWS
//! gives no location (no terminal state) we point at the `States` object the user must change.

mod choice;
mod duplicates;
mod errors;
mod fields;
mod jsonata;
mod lint;
mod machine;
mod map;
mod paths;
mod payload;
mod resource;
mod states;

use serde_json::Value;

use crate::asl::Document;
use crate::diagnostic::{Code, Diagnostic};

/// The state machine type, which changes what is allowed (EXPRESS has no `.sync`, callbacks or
/// activities).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
#[clap(rename_all = "UPPER")]
pub enum MachineType {
    #[default]
    Standard,
    Express,
}

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub machine_type: MachineType,
}

/// Every problem in `doc`, errors and warnings, in document order.
pub fn validate(doc: &Document, options: &Options) -> Vec<Diagnostic> {
    let mut cx = Ctx { options, out: Vec::new() };
    machine::check_definition(doc.value(), &mut cx);
    // serde_json keeps the last of two equal keys, so only the text can show repeats.
    for pointer in duplicates::repeated_keys(doc.text()) {
        let name = crate::asl::pointer::tokens(&pointer).last().unwrap_or_default().into_owned();
        cx.error(
            Code::DuplicateKey,
            pointer,
            format!("The field '{name}' appears more than once in the same object."),
        )
        .hint = Some(
            "Keep only one of them: AWS rejects a definition with repeated field names (only the last one would count)."
                .into(),
        );
    }
    let mut out = cx.out;
    if !out.is_empty() {
        // Document order: by where the node starts (unlocated problems first), stable otherwise.
        out.sort_by_cached_key(|d| {
            d.pointer.as_deref().and_then(|p| doc.key_span(p)).map_or(0, |s| s.start.offset)
        });
    }
    out
}

/// The query language a state's expressions are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ql {
    JsonPath,
    Jsonata,
}

impl Ql {
    /// AWS treats exactly `"JSONPath"` as JSONPath; any other value (even an invalid one, which
    /// is reported separately) makes the fields follow the JSONata rules.
    fn of(value: &Value) -> Ql {
        if value.as_str() == Some("JSONPath") { Ql::JsonPath } else { Ql::Jsonata }
    }

    fn name(self) -> &'static str {
        match self {
            Ql::JsonPath => "JSONPath",
            Ql::Jsonata => "JSONata",
        }
    }
}

/// Collects diagnostics while the rules walk the definition.
pub(crate) struct Ctx<'o> {
    options: &'o Options,
    out: Vec<Diagnostic>,
}

impl Ctx<'_> {
    fn error(
        &mut self,
        code: Code,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.out.push(Diagnostic::error(code, Some(pointer.into()), message));
        let last = self.out.len() - 1;
        &mut self.out[last]
    }

    fn warning(
        &mut self,
        code: Code,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.out.push(Diagnostic::warning(code, Some(pointer.into()), message));
        let last = self.out.len() - 1;
        &mut self.out[last]
    }
}

/// `base/token`, with the token escaped.
fn at(base: &str, token: &str) -> String {
    crate::asl::pointer::join(base, token)
}

/// A JSON type name a non-developer can read.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// `Assign` is an object of variable names in both query languages; reports it when it is not.
fn assign_is_object(value: &Value, ptr: &str, cx: &mut Ctx<'_>) -> bool {
    if !value.is_object() {
        cx.error(
            crate::diagnostic::Code::InvalidFieldValue,
            ptr,
            format!(
                "'Assign' must be an object of variable names and values, not {}.",
                kind(value)
            ),
        );
    }
    value.is_object()
}

#[cfg(test)]
mod tests;
