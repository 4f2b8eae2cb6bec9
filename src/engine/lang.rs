//! The seam to the expression languages (`crate::asl`): paths, payload templates, Choice rules.
//!
//! The engine only ever calls the small API below, so the JSONPath implementation (and later a
//! per-state JSONata one) can change without touching the scheduler. Every failure comes back as
//! a [`Failure`] with AWS's cause text (without the "An error occurred while executing the state"
//! prefix, which the state adds).

use std::collections::HashMap;
use std::sync::Arc;

use serde_json::Value;

use crate::asl::path::{Path, apply_result_path, cause_invalid_path};
use crate::asl::scope::{RandomSource, Scope, Variables};
use crate::asl::template::Template as AslTemplate;

use super::entropy::Entropy;
use super::errors::{Failure, names};
use super::jsonata::{JEnv, JField};

/// Workflow variables visible to a cursor: its own assignments over its parents' (read-only).
#[derive(Debug, Default, Clone)]
pub struct Vars {
    parent: Option<Arc<Vars>>,
    own: HashMap<String, Value>,
}

impl Vars {
    /// A nested scope (a Map iteration, a Parallel branch) that reads `parent`. Shared until the
    /// child assigns (copy on write), so starting an iteration allocates nothing.
    pub fn child(parent: &Arc<Vars>) -> Arc<Vars> {
        parent.clone()
    }

    /// Sets variables (after a state completes).
    pub fn assign(this: &mut Arc<Vars>, values: serde_json::Map<String, Value>) {
        let vars = Arc::make_mut(this);
        for (k, v) in values {
            vars.own.insert(k, v);
        }
    }

    /// Every visible variable, inner values hiding outer ones (for the debugger).
    pub fn snapshot(&self) -> serde_json::Map<String, Value> {
        let mut out = self.parent.as_ref().map(|p| p.snapshot()).unwrap_or_default();
        for (k, v) in &self.own {
            out.insert(k.clone(), v.clone());
        }
        out
    }
}

impl Variables for Vars {
    fn get(&self, name: &str) -> Option<&Value> {
        self.own.get(name).or_else(|| self.parent.as_ref().and_then(|p| Variables::get(&**p, name)))
    }
}

impl RandomSource for Entropy {
    fn next_u64(&mut self) -> u64 {
        Entropy::next_u64(self)
    }
}

/// What an expression sees.
pub struct Env<'a> {
    pub input: &'a Value,
    pub context: &'a Value,
    pub vars: &'a Vars,
}

impl Env<'_> {
    fn scope(&self) -> Scope<'_> {
        Scope { input: self.input, context: self.context, variables: self.vars }
    }
}

/// A compiled JSONPath.
#[derive(Debug, Clone)]
pub struct CPath(Path);

impl CPath {
    pub fn parse(text: &str) -> Result<CPath, String> {
        Path::parse(text).map(CPath).map_err(|e| format!("'{text}' is not a valid JSONPath: {e}"))
    }

    pub fn parse_reference(text: &str) -> Result<CPath, String> {
        Path::parse_reference(text)
            .map(CPath)
            .map_err(|e| format!("'{text}' is not a valid reference path: {e}"))
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// `$` alone.
    pub fn is_root(&self) -> bool {
        self.0.is_root() && matches!(self.0.root(), crate::asl::path::Root::Input)
    }

    /// InputPath / OutputPath / ItemsPath semantics: "Invalid path '...' : ..." when nothing.
    pub fn select(&self, env: &Env<'_>) -> Result<Value, Failure> {
        self.0.eval(&env.scope()).map_err(|e| Failure::runtime(cause_invalid_path(&self.0, &e)))
    }

    /// The value, or `None` when the path finds nothing (for the `*Path` fields' own messages).
    pub fn find(&self, env: &Env<'_>) -> Option<Value> {
        self.0.eval(&env.scope()).ok()
    }
}

/// A compiled payload template: a JSONPath one (`.$` keys) or, in a JSONata state, a field
/// value with `{% %}` expressions (`Arguments`, `Items`, `ItemSelector`).
#[derive(Debug, Clone)]
pub struct Template(TemplateKind);

#[derive(Debug, Clone)]
enum TemplateKind {
    Path(AslTemplate),
    Jsonata {
        field: JField,
        name: String,
        expected: Option<&'static str>,
    },
    /// A JSONata Map without `Items`: the state input, which must be an array.
    JsonataInputArray,
}

impl Template {
    pub fn compile(v: &Value) -> Result<Template, String> {
        AslTemplate::compile(v).map(|t| Template(TemplateKind::Path(t))).map_err(|e| e.to_string())
    }

    /// A JSONata field named `name`, which must evaluate to the JSON type `expected` if given.
    pub fn jsonata(
        v: &Value,
        name: &str,
        expected: Option<&'static str>,
    ) -> Result<Template, String> {
        let field = JField::compile(v)?;
        Ok(Template(TemplateKind::Jsonata { field, name: name.to_string(), expected }))
    }

    /// The items of a JSONata Map without `Items`.
    pub fn jsonata_input_array() -> Template {
        Template(TemplateKind::JsonataInputArray)
    }

    /// Builds the payload; a failure carries AWS's cause for the field.
    pub fn eval(&self, env: &Env<'_>, rng: &mut Entropy) -> Result<Value, Failure> {
        let t = match &self.0 {
            TemplateKind::Path(t) => t,
            TemplateKind::Jsonata { field, name, expected } => {
                let states = crate::jsonata::States::new(env.input, env.context);
                let jenv = JEnv::new(&states, env.vars);
                return match expected {
                    Some(ty) => field.eval_typed(&jenv, rng, name, ty),
                    None => field.eval(&jenv, rng, name),
                };
            }
            TemplateKind::JsonataInputArray => {
                return match env.input {
                    Value::Array(_) => Ok(env.input.clone()),
                    other => Err(Failure::new(
                        names::QUERY_EVALUATION,
                        format!(
                            "Map state input must be an array but was: {}",
                            serde_json::to_string(other).unwrap_or_default()
                        ),
                    )),
                };
            }
        };
        t.eval(&env.scope(), rng).map_err(|e| {
            let error = match &e.error {
                crate::asl::template::ExprError::Intrinsic(
                    crate::asl::intrinsic::IntrinsicError::Invalid { .. },
                ) => names::INTRINSIC,
                _ => names::RUNTIME,
            };
            let cause = e.cause(env.input);
            if error == names::RUNTIME {
                Failure::runtime(cause)
            } else {
                Failure::new(error, cause)
            }
        })
    }
}

/// Places `result` into `input` at a ResultPath (`None` = `$`).
pub fn result_path(path: Option<&CPath>, input: Value, result: Value) -> Result<Value, Failure> {
    let Some(path) = path else { return Ok(result) };
    apply_result_path(input, &path.0, result).map_err(|_| {
        Failure::new(
            names::RESULT_PATH,
            format!("Unable to apply ResultPath '{}' to the state input", path.as_str()),
        )
    })
}

/// A compiled Choice rule.
#[derive(Debug, Clone)]
pub struct Rule(crate::asl::choice::Rule);

impl Rule {
    pub fn compile(v: &Value) -> Result<Rule, String> {
        crate::asl::choice::Rule::compile(v).map(Rule).map_err(|e| e.to_string())
    }

    /// Whether the rule matches; a missing variable (outside `IsPresent`) is `States.Runtime`.
    pub fn eval(&self, env: &Env<'_>) -> Result<bool, Failure> {
        self.0.eval(&env.scope()).map_err(|e| Failure::runtime(e.cause()))
    }
}

/// A path or an intrinsic call (`ErrorPath`, `CausePath`).
#[derive(Debug, Clone)]
pub struct Expr(crate::asl::template::Expression);

impl Expr {
    pub fn parse(text: &str) -> Result<Expr, String> {
        crate::asl::template::Expression::parse(text)
            .map(Expr)
            .map_err(|e| format!("'{text}' is not a valid path or intrinsic function: {e}"))
    }

    /// Evaluates for the field `field` (AWS names it in the cause).
    pub fn eval(&self, env: &Env<'_>, rng: &mut Entropy, field: &str) -> Result<Value, Failure> {
        self.0.eval(&env.scope(), rng).map_err(|e| Failure::runtime(e.cause(field, env.input)))
    }
}
