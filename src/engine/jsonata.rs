//! JSONata states in the engine: the compiled `{% %}` fields of a state whose `QueryLanguage` is
//! JSONata, and how they turn into values or AWS's `States.QueryEvaluationError`.
//!
//! A [`JField`] is a field value as written (`Arguments`, `Output`, `Assign`, `Items`,
//! `Condition`, `Seconds`...): a JSON value whose strings of the form `{% expr %}` are compiled
//! once. Evaluation names the failing place the way AWS does (`Output/a/b[0]`), and an
//! expression that returns nothing fails the field, at any depth. [`JsonataSpec`] gathers a
//! state's JSONata fields; the JSONPath parts of [`super::compile::State`] stay empty for such a
//! state. Variables are shared with JSONPath states: both read the cursor's [`Vars`].

use serde_json::{Map, Value};

use super::entropy::Entropy;
use super::errors::{Failure, names};
use crate::asl::scope::Variables;
use crate::jsonata::{self as jn, Expr, QueryError, States};

/// A field value with its `{% %}` expressions compiled.
#[derive(Debug, Clone)]
pub struct JField(Node);

#[derive(Debug, Clone)]
enum Node {
    Literal(Value),
    Expr(Box<Expr>),
    Object(Vec<(String, Node)>),
    Array(Vec<Node>),
}

/// What an expression sees: `$states` and the variables in scope.
pub struct JEnv<'a> {
    pub states: &'a States<'a>,
    pub variables: &'a dyn Variables,
    /// The run's clock for `$now()`/`$millis()` (epoch ms); `None` = the state's entered time.
    pub now_millis: Option<i64>,
}

impl<'a> JEnv<'a> {
    /// An environment whose clock is the time the state was entered
    /// (`$states.context.State.EnteredTime`).
    pub fn new(states: &'a States<'a>, variables: &'a dyn Variables) -> Self {
        let entered = states.context.pointer("/State/EnteredTime").and_then(Value::as_str);
        let now_millis = entered.and_then(super::time::parse_timestamp);
        JEnv { states, variables, now_millis }
    }

    /// The same environment at the run's current time.
    pub fn at(mut self, now_millis: i64) -> Self {
        self.now_millis = Some(now_millis);
        self
    }
}

/// The field a `States.QueryEvaluationError` cause names (`Output/result`, `Items`,
/// `Timestamp`), for the `location` of AWS's `EvaluationFailed` event. AWS's causes name it in
/// one of two ways: "... specified for the field 'F' ..." or "The F field ...".
pub fn location(cause: &str) -> Option<String> {
    const QUOTED: &str = " specified for the field '";
    if let Some(start) = cause.rfind(QUOTED).map(|i| i + QUOTED.len()) {
        let rest = &cause[start..];
        return rest.find("' ").map(|end| rest[..end].to_string());
    }
    let after_prefix = cause.find("). ").map_or(cause, |i| &cause[i + 3..]);
    let name = after_prefix.strip_prefix("The ")?.split(' ').next()?;
    let is_field = after_prefix[4 + name.len()..].starts_with(" field ");
    (is_field && !name.is_empty()).then(|| name.to_string())
}

/// `States.QueryEvaluationError` with AWS's cause for `field`.
pub fn query_failure(err: &QueryError, expression: &str, field: &str) -> Failure {
    Failure::new(names::QUERY_EVALUATION, err.cause(expression, field))
}

impl JField {
    /// Compiles a field value; a `{% %}` string that does not parse is an error naming it.
    pub fn compile(value: &Value) -> Result<JField, String> {
        Ok(JField(compile_node(value)?))
    }

    /// The field's expression when the whole value is one `{% %}` string.
    pub fn expression(&self) -> Option<&str> {
        match &self.0 {
            Node::Expr(e) => Some(e.source()),
            _ => None,
        }
    }

    /// The value of the field; `field` is its name relative to the state (`Output`, `Items`...).
    pub fn eval(&self, env: &JEnv<'_>, rng: &mut Entropy, field: &str) -> Result<Value, Failure> {
        eval_node(&self.0, env, rng, field)
    }

    /// Like [`JField::eval`], for a field that must hold one JSON type (`array`, `boolean`...).
    pub fn eval_typed(
        &self,
        env: &JEnv<'_>,
        rng: &mut Entropy,
        field: &str,
        expected: &'static str,
    ) -> Result<Value, Failure> {
        let value = self.eval(env, rng, field)?;
        if jn::type_name(&value) == expected {
            return Ok(value);
        }
        let err = QueryError::UnexpectedType { expected, value };
        match self.expression() {
            Some(source) => Err(query_failure(&err, source, field)),
            None => {
                Err(Failure::new(names::QUERY_EVALUATION, format!("The field '{field}' {err}.")))
            }
        }
    }
}

fn compile_node(value: &Value) -> Result<Node, String> {
    Ok(match value {
        Value::String(text) => match jn::template_body(text) {
            Some(body) => Node::Expr(Box::new(jn::parse(body).map_err(|e| {
                format!("The JSONata expression '{body}' is not valid: {}", e.message)
            })?)),
            None => Node::Literal(value.clone()),
        },
        Value::Object(map) => Node::Object(
            map.iter()
                .map(|(k, v)| compile_node(v).map(|n| (k.clone(), n)))
                .collect::<Result<_, _>>()?,
        ),
        Value::Array(items) => {
            Node::Array(items.iter().map(compile_node).collect::<Result<_, _>>()?)
        }
        other => Node::Literal(other.clone()),
    })
}

fn eval_node(
    node: &Node,
    env: &JEnv<'_>,
    rng: &mut Entropy,
    field: &str,
) -> Result<Value, Failure> {
    match node {
        Node::Literal(v) => Ok(v.clone()),
        Node::Expr(expr) => {
            let scope = jn::Scope {
                states: env.states,
                variables: env.variables,
                entropy: rng.next_u64(),
                now_millis: env.now_millis,
            };
            jn::evaluate(expr, &scope).map_err(|e| query_failure(&e, expr.source(), field))
        }
        Node::Object(members) => {
            let mut out = Map::with_capacity(members.len());
            for (key, member) in members {
                let value = eval_node(member, env, rng, &format!("{field}/{key}"))?;
                out.insert(key.clone(), value);
            }
            Ok(Value::Object(out))
        }
        Node::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, item)| eval_node(item, env, rng, &format!("{field}[{i}]")))
            .collect::<Result<Vec<_>, _>>()
            .map(Value::Array),
    }
}

/// A JSONata `Choice` rule.
#[derive(Debug)]
pub struct JChoice {
    pub condition: JField,
    pub next: usize,
    pub assign: Option<JField>,
    pub output: Option<JField>,
}

/// A JSONata `Catch` clause's own `Output` and `Assign` (same order as the state's `catch`).
#[derive(Debug, Default)]
pub struct JCatch {
    pub output: Option<JField>,
    pub assign: Option<JField>,
}

/// Every JSONata field of a state (the ones its type does not carry stay `None`).
#[derive(Debug, Default)]
pub struct JsonataSpec {
    pub output: Option<JField>,
    pub assign: Option<JField>,
    pub choices: Vec<JChoice>,
    pub catchers: Vec<JCatch>,
    /// Fail `Error` / `Cause`.
    pub error: Option<JField>,
    pub cause: Option<JField>,
    /// Wait `Seconds` / `Timestamp`.
    pub seconds: Option<JField>,
    pub timestamp: Option<JField>,
}

/// A compile error: where, and what is wrong.
pub type SpecError = (String, String);

/// Resolves a `Next` name to a state index.
pub type Target<'a> = &'a dyn Fn(Option<&Value>, &str) -> Result<usize, SpecError>;

fn field(o: &Map<String, Value>, key: &str, at: &str) -> Result<Option<JField>, SpecError> {
    o.get(key).map(|v| JField::compile(v).map_err(|e| (format!("{at}/{key}"), e))).transpose()
}

impl JsonataSpec {
    /// Compiles the JSONata fields of the state object `o` at `at`. `target` resolves a `Next`.
    /// Errors are `(location, message)`.
    pub fn compile(
        o: &Map<String, Value>,
        at: &str,
        target: Target<'_>,
    ) -> Result<JsonataSpec, SpecError> {
        let mut spec = JsonataSpec {
            output: field(o, "Output", at)?,
            assign: field(o, "Assign", at)?,
            error: field(o, "Error", at)?,
            cause: field(o, "Cause", at)?,
            seconds: field(o, "Seconds", at)?,
            timestamp: field(o, "Timestamp", at)?,
            ..JsonataSpec::default()
        };
        if o.get("Type").and_then(Value::as_str) == Some("Choice") {
            for (i, rule) in
                o.get("Choices").and_then(Value::as_array).into_iter().flatten().enumerate()
            {
                let rat = format!("{at}/Choices/{i}");
                let Some(ro) = rule.as_object() else {
                    return Err((rat, "must be a JSON object".into()));
                };
                let Some(condition) = field(ro, "Condition", &rat)? else {
                    return Err((rat, "a JSONata Choice rule needs a Condition".into()));
                };
                spec.choices.push(JChoice {
                    condition,
                    next: target(ro.get("Next"), &format!("{rat}/Next"))?,
                    assign: field(ro, "Assign", &rat)?,
                    output: field(ro, "Output", &rat)?,
                });
            }
        }
        for (i, c) in o.get("Catch").and_then(Value::as_array).into_iter().flatten().enumerate() {
            let cat = format!("{at}/Catch/{i}");
            let co = c.as_object().cloned().unwrap_or_default();
            spec.catchers.push(JCatch {
                output: field(&co, "Output", &cat)?,
                assign: field(&co, "Assign", &cat)?,
            });
        }
        Ok(spec)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn locations_come_from_aws_causes() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "An error occurred while executing the state 'S' (entered at the event id #2). The JSONata expression '$x' specified for the field 'Output/result' returned nothing (undefined).",
                Some("Output/result"),
            ),
            (
                "The JSONata expression 'a specified for the field 'b' c' specified for the field 'Items' returned an unsupported result type.",
                Some("Items"),
            ),
            (
                "An error occurred while executing the state 'W' (entered at the event id #2). The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: x",
                Some("Timestamp"),
            ),
            (
                "An error occurred while executing the state 'M' (entered at the event id #4). Map state input must be an array but was: true",
                None,
            ),
            ("", None),
        ];
        for (cause, expected) in cases {
            assert_eq!(location(cause).as_deref(), *expected, "{cause}");
        }
    }

    #[test]
    fn fields_name_the_failing_place() {
        let (input, context) = (json!({"a": 1}), json!({}));
        let states = States::new(&input, &context);
        let vars = Map::new();
        let env = JEnv::new(&states, &vars);
        let cases: &[(Value, Result<Value, &str>)] = &[
            (json!({"k": "{% $states.input.a %}", "l": "x"}), Ok(json!({"k": 1, "l": "x"}))),
            (json!(["{% 1 %}", {"b": ["{% $states.input.a + 1 %}"]}]), Ok(json!([1, {"b": [2]}]))),
            (json!({"k": {"m": "{% $nope %}"}}), Err("Output/k/m")),
            (json!([0, ["{% $nope %}"]]), Err("Output[1][0]")),
            (json!("{% $nope %}"), Err("Output")),
            (json!(" {% $nope %}"), Ok(json!(" {% $nope %}"))),
        ];
        for (value, expected) in cases {
            let field = JField::compile(value).expect("compiles");
            let got = field.eval(&env, &mut Entropy::new(1), "Output");
            match expected {
                Ok(v) => assert_eq!(got.as_ref(), Ok(v), "{value}"),
                Err(at) => {
                    let cause = got.err().and_then(|f| f.cause).unwrap_or_default();
                    assert_eq!(location(&cause).as_deref(), Some(*at), "{value}");
                }
            }
        }
        assert!(JField::compile(&json!({"k": "{% a[ %}"})).is_err());
    }
}
