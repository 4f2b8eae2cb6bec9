//! Expected results of mock test cases: the `NAME.tests.json` sidecar file and the comparison.
//!
//! The sidecar sits beside the definition (`order-processing.asl.json` →
//! `order-processing.tests.json`) rather than inside the mock configuration, so the mock file
//! stays exactly what Step Functions Local and LocalStack read. Shape (every member optional):
//!
//! ```json
//! {
//!   "Input": {"orderId": "o-1"},            // default input of every case (or "InputFile")
//!   "TestCases": {
//!     "HappyPath": {
//!       "Input": {...}, "InputFile": "path relative to this file",
//!       "Status": "SUCCEEDED",              // SUCCEEDED | FAILED | TIMED_OUT | ABORTED
//!       "Output": {...},                    // the exact output (numbers compared by value)
//!       "OutputContains": {...},            // a subset: objects may have more members
//!       "Error": "PaymentFailed", "Cause": "...",
//!       "Path": ["A", "B"],                 // exactly the states entered at the top level
//!       "PathIncludes": ["A", "C"]          // these, in this order, maybe with others between
//!     }
//!   }
//! }
//! ```
//!
//! Without `Status`, a test case expects `FAILED` when it names an `Error` or `Cause`, else
//! `SUCCEEDED`; a test case with no entry at all passes when the execution succeeds.
//! Guarantees: unknown members are errors (a typo must not silently pass), reported with the
//! JSON pointer of the offending member; comparisons never panic and explain every difference in
//! plain words (at most [`MAX_DIFFS`] output differences).

use std::path::PathBuf;

use serde_json::Value;

use crate::asl::pointer;

/// How many output differences a failure lists.
pub const MAX_DIFFS: usize = 8;

/// Where a test case's input comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum InputSpec {
    Inline(Value),
    /// A path as written (relative to the expectations file).
    File(PathBuf),
}

/// What one test case should produce.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Expectation {
    pub input: Option<InputSpec>,
    pub status: Option<String>,
    pub output: Option<Value>,
    pub output_contains: Option<Value>,
    pub error: Option<String>,
    pub cause: Option<String>,
    pub path: Option<Vec<String>>,
    pub path_includes: Option<Vec<String>>,
}

/// A parsed expectations file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Expectations {
    pub input: Option<InputSpec>,
    /// In file order.
    pub cases: Vec<(String, Expectation)>,
}

/// A problem in an expectations file, at a JSON pointer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    pub pointer: String,
    pub message: String,
}

fn err(pointer: &str, message: impl Into<String>) -> FormatError {
    FormatError { pointer: pointer.to_string(), message: message.into() }
}

const STATUSES: [&str; 4] = ["SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED"];

fn text(v: &Value, at: &str) -> Result<String, FormatError> {
    v.as_str().map(str::to_string).ok_or_else(|| err(at, "must be a string"))
}

fn names(v: &Value, at: &str) -> Result<Vec<String>, FormatError> {
    let list = v.as_array().ok_or_else(|| err(at, "must be a list of state names"))?;
    list.iter().enumerate().map(|(i, n)| text(n, &format!("{at}/{i}"))).collect()
}

fn input_spec(
    obj: &serde_json::Map<String, Value>,
    at: &str,
) -> Result<Option<InputSpec>, FormatError> {
    match (obj.get("Input"), obj.get("InputFile")) {
        (Some(_), Some(_)) => Err(err(at, "give either Input or InputFile, not both")),
        (Some(v), None) => Ok(Some(InputSpec::Inline(v.clone()))),
        (None, Some(f)) => {
            Ok(Some(InputSpec::File(PathBuf::from(text(f, &format!("{at}/InputFile"))?))))
        }
        (None, None) => Ok(None),
    }
}

fn parse_case(v: &Value, at: &str) -> Result<Expectation, FormatError> {
    let obj =
        v.as_object().ok_or_else(|| err(at, "a test case's expectations must be an object"))?;
    let mut e = Expectation { input: input_spec(obj, at)?, ..Expectation::default() };
    for (key, value) in obj {
        let here = pointer::join(at, key);
        match key.as_str() {
            "Input" | "InputFile" | "Comment" => {}
            "Status" => {
                let s = text(value, &here)?;
                if !STATUSES.contains(&s.as_str()) {
                    return Err(err(&here, format!("must be one of {}", STATUSES.join(", "))));
                }
                e.status = Some(s);
            }
            "Output" => e.output = Some(value.clone()),
            "OutputContains" => e.output_contains = Some(value.clone()),
            "Error" => e.error = Some(text(value, &here)?),
            "Cause" => e.cause = Some(text(value, &here)?),
            "Path" => e.path = Some(names(value, &here)?),
            "PathIncludes" => e.path_includes = Some(names(value, &here)?),
            other => {
                return Err(err(
                    &here,
                    format!(
                        "unknown member '{other}' (expected Input, InputFile, Status, Output, OutputContains, Error, Cause, Path, PathIncludes or Comment)"
                    ),
                ));
            }
        }
    }
    Ok(e)
}

impl Expectations {
    /// Reads an expectations document.
    pub fn parse(doc: &Value) -> Result<Expectations, FormatError> {
        let obj =
            doc.as_object().ok_or_else(|| err("", "an expectations file must be an object"))?;
        let mut out = Expectations { input: input_spec(obj, "")?, cases: Vec::new() };
        for (key, value) in obj {
            match key.as_str() {
                "Input" | "InputFile" | "Comment" => {}
                "TestCases" => {
                    let cases = value
                        .as_object()
                        .ok_or_else(|| err("/TestCases", "must be an object of test cases"))?;
                    for (name, case) in cases {
                        let at = pointer::join("/TestCases", name);
                        out.cases.push((name.clone(), parse_case(case, &at)?));
                    }
                }
                other => {
                    return Err(err(
                        &pointer::join("", other),
                        format!(
                            "unknown member '{other}' (expected Input, InputFile, TestCases or Comment)"
                        ),
                    ));
                }
            }
        }
        Ok(out)
    }

    /// The expectations of one test case.
    pub fn case(&self, name: &str) -> Option<&Expectation> {
        self.cases.iter().find(|(n, _)| n == name).map(|(_, e)| e)
    }
}

/// What an execution produced, as far as expectations can tell.
#[derive(Debug, Clone, PartialEq)]
pub struct Actual {
    pub status: String,
    pub output: Option<Value>,
    pub error: Option<String>,
    pub cause: Option<String>,
    /// The states entered at the top level, in order.
    pub path: Vec<String>,
}

fn show(v: &Value) -> String {
    let s = serde_json::to_string(v).unwrap_or_default();
    if s.chars().count() > 120 {
        format!("{}…", s.chars().take(120).collect::<String>())
    } else {
        s
    }
}

fn shown(v: Option<&str>) -> String {
    v.map_or("none".to_string(), |s| format!("'{s}'"))
}

/// Compares `actual` with `expected`; an empty list means the test case passes.
pub fn check(expected: Option<&Expectation>, actual: &Actual) -> Vec<String> {
    let default = Expectation::default();
    let e = expected.unwrap_or(&default);
    let mut out = Vec::new();
    let implied = if e.error.is_some() || e.cause.is_some() { "FAILED" } else { "SUCCEEDED" };
    let status = e.status.as_deref().unwrap_or(implied);
    if actual.status != status {
        let mut line = format!("status: expected {status}, got {}", actual.status);
        if actual.error.is_some() || actual.cause.is_some() {
            line.push_str(&format!(
                " (error {}, cause {})",
                shown(actual.error.as_deref()),
                shown(actual.cause.as_deref())
            ));
        }
        out.push(line);
    }
    if let Some(want) = &e.error
        && actual.error.as_deref() != Some(want)
    {
        out.push(format!("error: expected '{want}', got {}", shown(actual.error.as_deref())));
    }
    if let Some(want) = &e.cause
        && actual.cause.as_deref() != Some(want)
    {
        out.push(format!("cause: expected '{want}', got {}", shown(actual.cause.as_deref())));
    }
    for (want, subset) in [(&e.output, false), (&e.output_contains, true)] {
        let Some(want) = want else { continue };
        match &actual.output {
            None => out.push("output: expected an output, but the execution produced none".into()),
            Some(got) => {
                let mut diffs = Vec::new();
                diff(want, got, subset, "", &mut diffs);
                let total = diffs.len();
                out.extend(diffs.into_iter().take(MAX_DIFFS));
                if total > MAX_DIFFS {
                    out.push(format!("output: … and {} more differences", total - MAX_DIFFS));
                }
            }
        }
    }
    if let Some(want) = &e.path
        && *want != actual.path
    {
        let at = want.iter().zip(&actual.path).position(|(a, b)| a != b);
        let at = at.unwrap_or(want.len().min(actual.path.len()));
        let step = |p: &[String]| p.get(at).map_or("the end".to_string(), |n| format!("'{n}'"));
        out.push(format!(
            "path: expected [{}], got [{}]; they differ at step {}: expected {}, got {}",
            want.join(", "),
            actual.path.join(", "),
            at + 1,
            step(want),
            step(&actual.path)
        ));
    }
    if let Some(want) = &e.path_includes {
        let mut rest = actual.path.iter();
        let missing = want.iter().find(|w| !rest.any(|a| a == *w));
        if let Some(missing) = missing {
            out.push(format!(
                "path: expected [{}] in this order, but '{missing}' was not entered after the ones before it; the path was [{}]",
                want.join(", "),
                actual.path.join(", ")
            ));
        }
    }
    out
}

fn numbers_equal(a: &serde_json::Number, b: &serde_json::Number) -> bool {
    match (a.as_i64(), b.as_i64(), a.as_u64(), b.as_u64()) {
        (Some(x), Some(y), _, _) => x == y,
        (_, _, Some(x), Some(y)) => x == y,
        _ => a.as_f64() == b.as_f64(),
    }
}

/// The differences between `want` and `got` under `at` (a JSON pointer), in plain words.
fn diff(want: &Value, got: &Value, subset: bool, at: &str, out: &mut Vec<String>) {
    let place = if at.is_empty() { "output".to_string() } else { format!("output at {at}") };
    match (want, got) {
        (Value::Number(a), Value::Number(b)) if numbers_equal(a, b) => {}
        (Value::Object(w), Value::Object(g)) => {
            for (k, wv) in w {
                let here = pointer::join(at, k);
                match g.get(k) {
                    Some(gv) => diff(wv, gv, subset, &here, out),
                    None => out.push(format!(
                        "output at {here}: expected {}, but it is missing",
                        show(wv)
                    )),
                }
            }
            if !subset {
                for (k, gv) in g.iter().filter(|(k, _)| !w.contains_key(*k)) {
                    out.push(format!(
                        "output at {}: not expected, but got {}",
                        pointer::join(at, k),
                        show(gv)
                    ));
                }
            }
        }
        (Value::Array(w), Value::Array(g)) if w.len() == g.len() => {
            for (i, (wv, gv)) in w.iter().zip(g).enumerate() {
                diff(wv, gv, subset, &format!("{at}/{i}"), out);
            }
        }
        (Value::Array(w), Value::Array(g)) => out.push(format!(
            "{place}: expected a list of {} items {}, got {} items {}",
            w.len(),
            show(want),
            g.len(),
            show(got)
        )),
        _ if want == got => {}
        _ => out.push(format!("{place}: expected {}, got {}", show(want), show(got))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn actual(output: Value, path: &[&str]) -> Actual {
        Actual {
            status: "SUCCEEDED".into(),
            output: Some(output),
            error: None,
            cause: None,
            path: path.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn subset_and_exact_output() {
        let exp = Expectations::parse(&json!({"TestCases": {
            "Exact": {"Output": {"a": 1, "b": [1.0, 2]}},
            "Subset": {"OutputContains": {"b": [1, {}]}}
        }}))
        .unwrap();
        let got = actual(json!({"a": 1, "b": [1, {"x": 2}]}), &[]);
        let exact = check(exp.case("Exact"), &got);
        assert_eq!(exact, ["output at /b/1: expected 2, got {\"x\":2}"]);
        assert!(check(exp.case("Subset"), &got).is_empty());
        assert_eq!(check(exp.case("Subset"), &actual(json!({"b": [1]}), &[])).len(), 1);
    }

    #[test]
    fn paths_status_and_errors() {
        let exp = Expectations::parse(&json!({"TestCases": {
            "P": {"Path": ["A", "B"], "PathIncludes": ["A", "C"]},
            "F": {"Error": "Boom"}
        }}))
        .unwrap();
        let got = actual(json!({}), &["A", "C", "B"]);
        let p = check(exp.case("P"), &got);
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].contains("differ at step 2: expected 'B', got 'C'"), "{p:?}");
        let f = check(exp.case("F"), &got);
        assert_eq!(f[0], "status: expected FAILED, got SUCCEEDED");
        assert_eq!(f[1], "error: expected 'Boom', got none");
        assert!(check(None, &got).is_empty());
        let wrong_order = actual(json!({}), &["C", "A"]);
        assert_eq!(check(exp.case("P"), &wrong_order).len(), 2);
    }

    #[test]
    fn format_errors_name_the_member() {
        let bad = Expectations::parse(&json!({"TestCases": {"X": {"Staus": "FAILED"}}}));
        assert_eq!(bad.unwrap_err().pointer, "/TestCases/X/Staus");
        let bad = Expectations::parse(&json!({"TestCases": {"X": {"Status": "DONE"}}}));
        assert_eq!(bad.unwrap_err().pointer, "/TestCases/X/Status");
        let bad = Expectations::parse(&json!({"TestCases": {"X": {"Path": ["A", 1]}}}));
        assert_eq!(bad.unwrap_err().pointer, "/TestCases/X/Path/1");
        assert!(Expectations::parse(&json!([])).is_err());
    }
}
