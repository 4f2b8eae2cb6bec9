//! Choice rules of JSONPath-mode ASL: compiled once from the rule's JSON, evaluated against a
//! [`Scope`] with AWS's semantics.
//!
//! The rules AWS applies (checked against its recorded behaviour): a comparison whose variable
//! has the wrong type is simply false (`StringEquals` on a number, `NumericEquals` on `"1"`,
//! `TimestampEquals` on a string that is not a timestamp); `Is*: false` is the exact negation of
//! `Is*: true`; `IsPresent` is the only test that accepts a missing variable, every other rule
//! fails with `States.Runtime`; strings compare as Java does (UTF-16 code units); timestamps
//! compare by instant ([`Timestamp`]); numbers by value (`1` equals `1.0`).

use std::cmp::Ordering;
use std::fmt;

use serde_json::Value;

use crate::asl::path::{Path, PathError, Selection};
use crate::asl::scope::Scope;
use crate::asl::timestamp::Timestamp;

/// The type a comparison works on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    String,
    Numeric,
    Boolean,
    Timestamp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparison {
    Equals,
    LessThan,
    GreaterThan,
    LessThanEquals,
    GreaterThanEquals,
}

/// The type tests (`IsNull`, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypeTest {
    Null,
    Present,
    Numeric,
    String,
    Boolean,
    Timestamp,
}

/// The right-hand side of a comparison: a literal from the definition or a path (`*Path`).
#[derive(Debug, Clone, PartialEq)]
pub enum Operand {
    Value(Value),
    Path(Path),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Test {
    Compare {
        kind: Kind,
        comparison: Comparison,
        operand: Operand,
    },
    /// `StringMatches`, compiled.
    Matches(Pattern),
    Is {
        test: TypeTest,
        expected: bool,
    },
}

/// A compiled rule.
#[derive(Debug, Clone, PartialEq)]
pub enum Rule {
    And(Vec<Rule>),
    Or(Vec<Rule>),
    Not(Box<Rule>),
    Test { variable: Path, test: Test },
}

/// A rule that does not compile: where (pointer below the rule) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    pub pointer: String,
    pub message: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.pointer, self.message)
    }
}

impl std::error::Error for RuleError {}

/// Why a rule could not be evaluated (AWS: `States.Runtime`).
#[derive(Debug, Clone, PartialEq)]
pub struct RuleEvalError {
    /// The path that found nothing (`Variable` or a `*Path` operand).
    pub path: String,
    pub error: PathError,
}

impl RuleEvalError {
    /// AWS's cause text (without the `An error occurred while executing the state` prefix).
    pub fn cause(&self) -> String {
        format!(
            "Invalid path '{}': The choice state's condition path references an invalid value.",
            self.path
        )
    }
}

impl fmt::Display for RuleEvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.cause())
    }
}

impl std::error::Error for RuleEvalError {}

const COMPARISONS: [(&str, Comparison); 5] = [
    ("Equals", Comparison::Equals),
    ("LessThan", Comparison::LessThan),
    ("GreaterThan", Comparison::GreaterThan),
    ("LessThanEquals", Comparison::LessThanEquals),
    ("GreaterThanEquals", Comparison::GreaterThanEquals),
];

const KINDS: [(&str, Kind); 4] = [
    ("String", Kind::String),
    ("Numeric", Kind::Numeric),
    ("Boolean", Kind::Boolean),
    ("Timestamp", Kind::Timestamp),
];

const TYPE_TESTS: [(&str, TypeTest); 6] = [
    ("IsNull", TypeTest::Null),
    ("IsPresent", TypeTest::Present),
    ("IsNumeric", TypeTest::Numeric),
    ("IsString", TypeTest::String),
    ("IsBoolean", TypeTest::Boolean),
    ("IsTimestamp", TypeTest::Timestamp),
];

/// Keys a rule may carry besides its condition.
const IGNORED: [&str; 4] = ["Next", "Comment", "Assign", "Output"];

fn err(pointer: &str, message: impl Into<String>) -> RuleError {
    RuleError { pointer: pointer.to_owned(), message: message.into() }
}

/// Parses an operator name (`NumericLessThanEqualsPath`) into its parts.
fn operator(name: &str) -> Option<(Kind, Option<Comparison>, bool)> {
    if name == "StringMatches" {
        return Some((Kind::String, None, false));
    }
    let (kind_name, kind) = KINDS.iter().find(|(k, _)| name.starts_with(k))?;
    let rest = &name[kind_name.len()..];
    let (rest, is_path) = match rest.strip_suffix("Path") {
        Some(r) => (r, true),
        None => (rest, false),
    };
    let (_, cmp) = COMPARISONS.iter().find(|(c, _)| *c == rest)?;
    if *kind == Kind::Boolean && *cmp != Comparison::Equals {
        return None;
    }
    Some((*kind, Some(*cmp), is_path))
}

impl Rule {
    /// Compiles one rule (a `Choices` element or a nested rule).
    pub fn compile(value: &Value) -> Result<Rule, RuleError> {
        compile(value, "")
    }

    /// Evaluates the rule.
    pub fn eval(&self, scope: &Scope<'_>) -> Result<bool, RuleEvalError> {
        match self {
            Rule::And(rules) => {
                for r in rules {
                    if !r.eval(scope)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            Rule::Or(rules) => {
                for r in rules {
                    if r.eval(scope)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Rule::Not(r) => Ok(!r.eval(scope)?),
            Rule::Test { variable, test } => eval_test(variable, test, scope),
        }
    }
}

fn compile(value: &Value, pointer: &str) -> Result<Rule, RuleError> {
    let Value::Object(map) = value else {
        return Err(err(pointer, "a choice rule must be an object"));
    };
    let keys: Vec<&String> = map.keys().filter(|k| !IGNORED.contains(&k.as_str())).collect();
    if let Some(v) = map.get("And").or_else(|| map.get("Or")) {
        let is_and = map.contains_key("And");
        let name = if is_and { "And" } else { "Or" };
        if keys.len() != 1 {
            return Err(err(pointer, format!("'{name}' cannot be combined with other conditions")));
        }
        let Value::Array(items) = v else {
            return Err(err(&format!("{pointer}/{name}"), "must be a non-empty array of rules"));
        };
        if items.is_empty() {
            return Err(err(&format!("{pointer}/{name}"), "must be a non-empty array of rules"));
        }
        let rules = items
            .iter()
            .enumerate()
            .map(|(i, r)| compile(r, &format!("{pointer}/{name}/{i}")))
            .collect::<Result<Vec<_>, _>>()?;
        return Ok(if is_and { Rule::And(rules) } else { Rule::Or(rules) });
    }
    if let Some(v) = map.get("Not") {
        if keys.len() != 1 {
            return Err(err(pointer, "'Not' cannot be combined with other conditions"));
        }
        return Ok(Rule::Not(Box::new(compile(v, &format!("{pointer}/Not"))?)));
    }
    let Some(variable) = map.get("Variable") else {
        return Err(err(pointer, "a choice rule needs 'Variable' (or 'And', 'Or', 'Not')"));
    };
    let var_pointer = format!("{pointer}/Variable");
    let Value::String(variable) = variable else {
        return Err(err(&var_pointer, "'Variable' must be a string holding a JSONPath"));
    };
    let variable = Path::parse_reference(variable)
        .map_err(|e| err(&var_pointer, format!("invalid JSONPath: {}", e.message)))?;
    let ops: Vec<&String> = keys.into_iter().filter(|k| k.as_str() != "Variable").collect();
    let [op] = ops.as_slice() else {
        return Err(err(
            pointer,
            if ops.is_empty() {
                "a choice rule needs a comparison operator".to_owned()
            } else {
                format!("a choice rule takes one comparison operator, found {}", ops.len())
            },
        ));
    };
    let op_pointer = format!("{pointer}/{}", crate::asl::pointer::escape(op));
    let operand = &map[op.as_str()];
    if let Some((_, test)) = TYPE_TESTS.iter().find(|(n, _)| n == op) {
        let Value::Bool(expected) = operand else {
            return Err(err(&op_pointer, format!("'{op}' must be true or false")));
        };
        return Ok(Rule::Test { variable, test: Test::Is { test: *test, expected: *expected } });
    }
    let Some((kind, comparison, is_path)) = operator(op) else {
        return Err(err(&op_pointer, format!("unknown comparison operator '{op}'")));
    };
    let Some(comparison) = comparison else {
        let Value::String(pattern) = operand else {
            return Err(err(&op_pointer, "'StringMatches' must be a string"));
        };
        return Ok(Rule::Test { variable, test: Test::Matches(Pattern::new(pattern)) });
    };
    let operand = if is_path {
        let Value::String(p) = operand else {
            return Err(err(&op_pointer, format!("'{op}' must be a string holding a JSONPath")));
        };
        Operand::Path(
            Path::parse_reference(p)
                .map_err(|e| err(&op_pointer, format!("invalid JSONPath: {}", e.message)))?,
        )
    } else {
        let ok = match kind {
            Kind::String => operand.is_string(),
            Kind::Numeric => operand.is_number(),
            Kind::Boolean => operand.is_boolean(),
            Kind::Timestamp => operand.as_str().and_then(Timestamp::parse).is_some(),
        };
        if !ok {
            let what = match kind {
                Kind::String => "a string",
                Kind::Numeric => "a number",
                Kind::Boolean => "true or false",
                Kind::Timestamp => "an RFC 3339 timestamp string",
            };
            return Err(err(&op_pointer, format!("'{op}' must be {what}")));
        }
        Operand::Value(operand.clone())
    };
    Ok(Rule::Test { variable, test: Test::Compare { kind, comparison, operand } })
}

fn lookup<'v>(path: &Path, scope: &Scope<'v>) -> Result<Option<Selection<'v>>, PathError> {
    match path.select(scope) {
        Ok(sel) => Ok(Some(sel)),
        Err(PathError::NotFound { .. } | PathError::VariableNotFound { .. }) => Ok(None),
        Err(e) => Err(e),
    }
}

fn missing(path: &Path) -> RuleEvalError {
    RuleEvalError {
        path: path.as_str().to_owned(),
        error: PathError::NotFound { detail: format!("No results for path: {}", path.canonical()) },
    }
}

fn eval_test(variable: &Path, test: &Test, scope: &Scope<'_>) -> Result<bool, RuleEvalError> {
    let found = lookup(variable, scope)
        .map_err(|error| RuleEvalError { path: variable.as_str().to_owned(), error })?;
    if let Test::Is { test: TypeTest::Present, expected } = test {
        return Ok(found.is_some() == *expected);
    }
    let Some(found) = found else {
        return Err(missing(variable));
    };
    let value = found.as_value();
    let value: &Value = &value;
    Ok(match test {
        Test::Is { test, expected } => {
            let is = match test {
                TypeTest::Null => value.is_null(),
                TypeTest::Present => true,
                TypeTest::Numeric => value.is_number(),
                TypeTest::String => value.is_string(),
                TypeTest::Boolean => value.is_boolean(),
                TypeTest::Timestamp => value.as_str().and_then(Timestamp::parse).is_some(),
            };
            is == *expected
        }
        Test::Matches(p) => value.as_str().is_some_and(|s| p.matches(s)),
        Test::Compare { kind, comparison, operand } => {
            let right_sel;
            let right: &Value = match operand {
                Operand::Value(v) => v,
                Operand::Path(p) => {
                    right_sel = lookup(p, scope)
                        .map_err(|error| RuleEvalError { path: p.as_str().to_owned(), error })?
                        .ok_or_else(|| missing(p))?;
                    match &right_sel {
                        Selection::One(v) => v,
                        Selection::Computed(v) => v,
                        Selection::Many(_) => return Err(missing(p)),
                    }
                }
            };
            compare(*kind, value, right).is_some_and(|o| holds(*comparison, o))
        }
    })
}

fn holds(cmp: Comparison, o: Ordering) -> bool {
    match cmp {
        Comparison::Equals => o == Ordering::Equal,
        Comparison::LessThan => o == Ordering::Less,
        Comparison::GreaterThan => o == Ordering::Greater,
        Comparison::LessThanEquals => o != Ordering::Greater,
        Comparison::GreaterThanEquals => o != Ordering::Less,
    }
}

/// How `left` compares to `right` as `kind`, or `None` when either is not of that kind.
fn compare(kind: Kind, left: &Value, right: &Value) -> Option<Ordering> {
    match kind {
        Kind::String => Some(java_compare(left.as_str()?, right.as_str()?)),
        Kind::Numeric => compare_numbers(left.as_number()?, right.as_number()?),
        Kind::Boolean => {
            let (a, b) = (left.as_bool()?, right.as_bool()?);
            Some(if a == b { Ordering::Equal } else { a.cmp(&b) })
        }
        Kind::Timestamp => {
            Some(Timestamp::parse(left.as_str()?)?.cmp(&Timestamp::parse(right.as_str()?)?))
        }
    }
}

fn compare_numbers(a: &serde_json::Number, b: &serde_json::Number) -> Option<Ordering> {
    if let (Some(x), Some(y)) = (a.as_i64(), b.as_i64()) {
        return Some(x.cmp(&y));
    }
    if let (Some(x), Some(y)) = (a.as_u64(), b.as_u64()) {
        return Some(x.cmp(&y));
    }
    a.as_f64()?.partial_cmp(&b.as_f64()?)
}

/// Java's `String.compareTo`: by UTF-16 code units.
pub fn java_compare(a: &str, b: &str) -> Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// A `StringMatches` pattern: `*` matches any run of characters, `\*` a literal star and `\\` a
/// literal backslash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    /// Literal pieces between stars; a string matches when it is the pieces in order, with
    /// anything where the stars were.
    pieces: Vec<String>,
}

impl Pattern {
    pub fn new(text: &str) -> Pattern {
        let mut pieces = vec![String::new()];
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => match chars.next() {
                    Some(e @ ('*' | '\\')) => push(&mut pieces, e),
                    Some(e) => {
                        push(&mut pieces, '\\');
                        push(&mut pieces, e);
                    }
                    None => push(&mut pieces, '\\'),
                },
                '*' => pieces.push(String::new()),
                c => push(&mut pieces, c),
            }
        }
        Pattern { pieces }
    }

    pub fn matches(&self, text: &str) -> bool {
        let Some((first, rest)) = self.pieces.split_first() else {
            return text.is_empty();
        };
        let Some(mut remaining) = text.strip_prefix(first.as_str()) else {
            return false;
        };
        let Some((last, middle)) = rest.split_last() else {
            return remaining.is_empty();
        };
        for piece in middle {
            match remaining.find(piece.as_str()) {
                Some(i) => remaining = &remaining[i + piece.len()..],
                None => return false,
            }
        }
        remaining.ends_with(last.as_str())
    }
}

fn push(pieces: &mut [String], c: char) {
    if let Some(last) = pieces.last_mut() {
        last.push(c);
    }
}
