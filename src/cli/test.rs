//! `statewright test FILE --mock-config M`: runs every test case of a Step Functions Local mock
//! configuration and checks each against its expectations, then reports what no test case
//! reached (states, Choice rules and Default, Retry and Catch rules).
//!
//! Expectations come from `--expectations F`, else `FILE-stem.tests.json` beside the definition
//! when it exists (format: [`crate::scenario::expect`]). A test case's input is, first found: its
//! `Input`/`InputFile` in the expectations, `--input`, the expectations file's top-level
//! `Input`/`InputFile`, `FILE-stem.input.json` beside the definition, `{}`.
//! Output: one line per test case (PASS/FAIL, duration, then what differed), a summary and the
//! coverage report; `--json` prints one object with the same content. Exit codes: 0 every test
//! case passed, 1 one failed, 2 usage, definition, mock configuration or expectations errors
//! (with file, line and column).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::{Map, Value, json};

use super::input::{read_document, read_text};
use crate::asl::Document;
use crate::engine::{MockConfig, compile};
use crate::scenario::{Expectations, InputSpec, Suite, SuiteReport, test_case_names};

#[derive(clap::Args)]
pub struct Args {
    /// The definition to test (`.asl.json`).
    file: PathBuf,
    /// The Step Functions Local mock configuration holding the test cases.
    #[arg(long)]
    mock_config: PathBuf,
    /// Run only these test cases (repeatable; default: all of them).
    #[arg(long)]
    test_case: Vec<String>,
    /// The expectations file (default: FILE-stem.tests.json beside FILE, when it exists).
    #[arg(long)]
    expectations: Option<PathBuf>,
    /// The input of test cases whose expectations give none: a JSON file.
    #[arg(long)]
    input: Option<PathBuf>,
    /// The state machine name in the mock configuration (default: the file name without
    /// extension).
    #[arg(long)]
    state_machine_name: Option<String>,
    /// Folder holding ItemReader files as `<folder>/<Bucket>/<Key>` (default: the definition's).
    #[arg(long)]
    data_dir: Option<PathBuf>,
    /// Print one JSON object instead of readable text.
    #[arg(long)]
    json: bool,
}

fn usage_error(json: bool, message: String) -> u8 {
    if json {
        println!("{}", json!({"passed": false, "error": message}));
    }
    eprintln!("error: {message}");
    2
}

/// Reads a JSON file with a `file:line:column:` message on failure.
fn read_json(path: &Path) -> Result<Document, String> {
    let text = read_text(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Document::parse(text).map_err(|e| {
        format!("{}:{}:{}: {}", path.display(), e.position.line, e.position.column, e.message)
    })
}

/// `file:line:column` of a JSON pointer in a document (just the file when it cannot be found).
fn place(path: &Path, doc: &Document, pointer: &str) -> String {
    let span = doc.key_span(pointer).or_else(|| doc.span(pointer));
    match span {
        Some(s) => format!("{}:{}:{}", path.display(), s.start.line, s.start.column),
        None => path.display().to_string(),
    }
}

/// Where a mock configuration error points: its messages start with a dotted place
/// (`MockedResponses.R.0`, `TestCases.Case.State`); this finds the deepest member that matches
/// those keys in sequence (state machine names may be left out, keys may contain dots).
fn mock_error_pointer(doc: &Value, message: &str) -> Option<String> {
    let head = message.split([' ', ':']).next()?;
    let keys: Vec<&str> = head.split('.').collect();
    fn walk(v: &Value, at: String, keys: &[&str], best: &mut (usize, String)) {
        let Some(obj) = v.as_object() else { return };
        for (k, child) in obj {
            let here = crate::asl::pointer::join(&at, k);
            // How many leading keys this member (and its descendants) matches.
            for n in 1..=keys.len() {
                if keys[..n].join(".") == *k {
                    let mut depth = n;
                    let mut node = child;
                    let mut ptr = here.clone();
                    let mut rest = &keys[n..];
                    while let Some((next, tail)) = rest.split_first() {
                        match node.get(*next) {
                            Some(c) => {
                                ptr = crate::asl::pointer::join(&ptr, next);
                                node = c;
                                depth += 1;
                                rest = tail;
                            }
                            None => break,
                        }
                    }
                    if depth > best.0 {
                        *best = (depth, ptr);
                    }
                }
            }
            walk(child, here, keys, best);
        }
    }
    let mut best = (0, String::new());
    walk(doc, String::new(), &keys, &mut best);
    (best.0 > 0).then_some(best.1)
}

fn stem(file: &Path) -> String {
    let name = file.file_name().and_then(|s| s.to_str()).unwrap_or("statemachine");
    name.split('.').next().unwrap_or(name).to_string()
}

pub(super) fn sibling(file: &Path, suffix: &str) -> PathBuf {
    file.with_file_name(format!("{}.{suffix}", stem(file)))
}

fn load_input(spec: &InputSpec, base: &Path) -> Result<Value, String> {
    match spec {
        InputSpec::Inline(v) => Ok(v.clone()),
        InputSpec::File(f) => {
            let path = if f.is_absolute() { f.clone() } else { base.join(f) };
            read_json(&path).map(|d| d.value().clone())
        }
    }
}

struct Loaded {
    definition: Document,
    mocks: MockConfig,
    cases: Vec<(String, Value)>,
    expectations: Expectations,
    machine: String,
}

fn load(args: &Args) -> Result<Loaded, String> {
    let definition = read_document(&args.file).map_err(|f| f.describe(&args.file))?;
    let machine = args.state_machine_name.clone().unwrap_or_else(|| stem(&args.file));
    let mock_doc = read_json(&args.mock_config)?;
    let mocks = MockConfig::parse(mock_doc.value()).map_err(|e| {
        let at = mock_error_pointer(mock_doc.value(), &e);
        format!("{}: {e}", place(&args.mock_config, &mock_doc, &at.unwrap_or_default()))
    })?;
    let names = test_case_names(mock_doc.value(), &machine)
        .map_err(|e| format!("{}: {e}", args.mock_config.display()))?;
    let tests_path = match &args.expectations {
        Some(p) => Some(p.clone()),
        None => Some(sibling(&args.file, "tests.json")).filter(|p| p.is_file()),
    };
    let (expectations, tests_dir) = match &tests_path {
        None => (Expectations::default(), PathBuf::new()),
        Some(path) => {
            let doc = read_json(path)?;
            let exp = Expectations::parse(doc.value())
                .map_err(|e| format!("{}: {}", place(path, &doc, &e.pointer), e.message))?;
            for (name, _) in &exp.cases {
                if !names.contains(name) {
                    let at = place(path, &doc, &crate::asl::pointer::join("/TestCases", name));
                    return Err(format!(
                        "{at}: expectations for test case '{name}', which {} does not define for state machine '{machine}'",
                        args.mock_config.display()
                    ));
                }
            }
            (exp, path.parent().map(Path::to_path_buf).unwrap_or_default())
        }
    };
    for wanted in &args.test_case {
        if !names.contains(wanted) {
            return Err(format!(
                "{}: no test case named '{wanted}' (it has: {})",
                args.mock_config.display(),
                names.join(", ")
            ));
        }
    }
    let fallback = match (&args.input, &expectations.input) {
        (Some(p), _) => Some(read_json(p)?.value().clone()),
        (None, Some(spec)) => Some(load_input(spec, &tests_dir)?),
        (None, None) => {
            let p = sibling(&args.file, "input.json");
            if p.is_file() { Some(read_json(&p)?.value().clone()) } else { None }
        }
    };
    let mut cases = Vec::new();
    for name in names.iter().filter(|n| args.test_case.is_empty() || args.test_case.contains(n)) {
        let input = match expectations.case(name).and_then(|e| e.input.as_ref()) {
            Some(spec) => load_input(spec, &tests_dir)?,
            None => fallback.clone().unwrap_or_else(|| Value::Object(Map::new())),
        };
        cases.push((name.clone(), input));
    }
    Ok(Loaded { definition, mocks, cases, expectations, machine })
}

pub fn run(args: Args) -> u8 {
    let loaded = match load(&args) {
        Ok(l) => l,
        Err(e) => return usage_error(args.json, e),
    };
    let program = match compile(loaded.definition.value()) {
        Ok(p) => Arc::new(p),
        Err(e) => {
            let message = format!("{}: the definition cannot run: {e}", args.file.display());
            return usage_error(args.json, message);
        }
    };
    let base_dir = args
        .data_dir
        .clone()
        .unwrap_or_else(|| args.file.parent().map(Path::to_path_buf).unwrap_or_default());
    let suite = Suite {
        definition: loaded.definition.value(),
        program,
        mocks: &loaded.mocks,
        state_machine_name: loaded.machine.clone(),
        expectations: &loaded.expectations,
        base_dir,
    };
    let report = match suite.run(&loaded.cases) {
        Ok(r) => r,
        Err(e) => return usage_error(args.json, format!("{}: {e}", args.mock_config.display())),
    };
    let definition = loaded.definition.value();
    if args.json {
        println!("{}", to_json(&report, definition));
    } else {
        print_human(&report, definition);
    }
    u8::from(!report.all_passed())
}

/// The `--json` object.
pub fn to_json(report: &SuiteReport, definition: &Value) -> Value {
    let cases: Vec<Value> = report
        .cases
        .iter()
        .map(|c| {
            let mut m = Map::new();
            m.insert("name".into(), json!(c.name));
            m.insert("passed".into(), json!(c.passed()));
            m.insert("durationMs".into(), json!((c.millis * 1000.0).round() / 1000.0));
            m.insert("status".into(), json!(c.actual.status));
            if let Some(o) = &c.actual.output {
                m.insert("output".into(), o.clone());
            }
            if let Some(e) = &c.actual.error {
                m.insert("error".into(), json!(e));
            }
            if let Some(cause) = &c.actual.cause {
                m.insert("cause".into(), json!(cause));
            }
            m.insert("path".into(), json!(c.actual.path));
            m.insert("hasExpectations".into(), json!(c.has_expectations));
            m.insert("problems".into(), json!(c.problems));
            Value::Object(m)
        })
        .collect();
    let passed = report.cases.iter().filter(|c| c.passed()).count();
    let items = &report.coverage.items;
    let missed: Vec<Value> = report
        .coverage
        .missed()
        .map(|i| {
            json!({
                "kind": i.kind,
                "pointer": i.pointer,
                "state": i.state,
                "description": i.describe(definition),
            })
        })
        .collect();
    json!({
        "passed": report.all_passed(),
        "summary": {"passed": passed, "failed": report.cases.len() - passed, "total": report.cases.len()},
        "testCases": cases,
        "coverage": {
            "reached": items.len() - missed.len(),
            "total": items.len(),
            "notReached": missed,
        },
    })
}

fn print_human(report: &SuiteReport, definition: &Value) {
    let width = report.cases.iter().map(|c| c.name.chars().count()).max().unwrap_or(0);
    for c in &report.cases {
        let verdict = if c.passed() { "PASS" } else { "FAIL" };
        let note = if c.has_expectations { "" } else { "  (no expectations: must succeed)" };
        println!("{verdict}  {:<width$}  {:>8.1} ms{note}", c.name, c.millis);
        for p in &c.problems {
            println!("      {p}");
        }
    }
    let passed = report.cases.iter().filter(|c| c.passed()).count();
    let failed = report.cases.len() - passed;
    println!("{passed} passed, {failed} failed ({} test cases)", report.cases.len());
    let items = &report.coverage.items;
    let missed: Vec<_> = report.coverage.missed().collect();
    println!();
    println!(
        "Coverage: {} of {} states and rules reached by the test cases together",
        items.len() - missed.len(),
        items.len()
    );
    if missed.is_empty() {
        println!("  everything was reached");
    }
    for i in missed {
        println!("  not reached: {}  at {}", i.describe(definition), i.pointer);
    }
}
