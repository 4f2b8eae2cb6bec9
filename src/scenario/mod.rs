//! Scenarios: run every test case of a Step Functions Local mock configuration, check each
//! against its expectations, and measure what the test cases together left untested.
//!
//! This is the core behind `statewright test` (and, later, the desktop app's test panel). It is
//! pure apart from the wall-clock duration it reports per case: the caller reads the files and
//! resolves inputs; executions run on a virtual clock from a fixed start time, named after their
//! test case, with seed 0, so the same files always give the same results.
//!
//! * [`expect`]: the `NAME.tests.json` expectations format and the comparison (plain-word diffs).
//! * [`trail`]: where each history event happened (state visits rebuilt from the history).
//! * [`coverage`]: states, Choice rules/Default, Retry and Catch rules no test case reached.
//! * [`record`]: turn a finished execution into a mock test case plus its expectations.
//!
//! Guarantees: never panics on any definition, mock configuration or expectations; a test case
//! the mock configuration does not define is an error, not a silent pass.

pub mod coverage;
pub mod expect;
pub mod record;
pub mod trail;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use serde_json::Value;

pub use coverage::{Coverage, Item, ItemKind};
pub use expect::{Actual, Expectation, Expectations, InputSpec};
pub use trail::Trail;

use crate::engine::{
    ExecutionIdentity, ExecutionReport, MockConfig, Outcome, Program, RunOptions, execute_virtual,
};

/// The start time of every test execution: 2026-01-01T00:00:00Z.
pub const START_MILLIS: i64 = 1_767_225_600_000;

/// The result of one test case.
#[derive(Debug, Clone)]
pub struct CaseResult {
    pub name: String,
    /// Wall-clock time of the execution, in milliseconds.
    pub millis: f64,
    pub actual: Actual,
    /// Every way the execution differed from its expectations (empty: passed).
    pub problems: Vec<String>,
    /// Whether the test case has an entry in the expectations.
    pub has_expectations: bool,
}

impl CaseResult {
    pub fn passed(&self) -> bool {
        self.problems.is_empty()
    }
}

/// The results of a whole suite.
#[derive(Debug, Clone)]
pub struct SuiteReport {
    pub cases: Vec<CaseResult>,
    pub coverage: Coverage,
}

impl SuiteReport {
    pub fn all_passed(&self) -> bool {
        self.cases.iter().all(CaseResult::passed)
    }
}

/// Everything a suite needs besides the test cases.
pub struct Suite<'a> {
    /// The definition's JSON value (for coverage and paths).
    pub definition: &'a Value,
    pub program: Arc<Program>,
    pub mocks: &'a MockConfig,
    pub state_machine_name: String,
    pub expectations: &'a Expectations,
    /// Where ItemReader files live.
    pub base_dir: PathBuf,
}

/// The test case names the mock configuration document defines for `machine`, in file order
/// (the only state machine when it has one, whatever its name, as the engine does).
pub fn test_case_names(mock_doc: &Value, machine: &str) -> Result<Vec<String>, String> {
    let machines = mock_doc
        .get("StateMachines")
        .and_then(Value::as_object)
        .ok_or("StateMachines must be an object")?;
    let body = machines
        .get(machine)
        .or_else(|| (machines.len() == 1).then(|| machines.values().next()).flatten())
        .ok_or_else(|| format!("the mock configuration has no state machine named '{machine}'"))?;
    let cases = body
        .get("TestCases")
        .and_then(Value::as_object)
        .ok_or_else(|| format!("StateMachines.{machine}.TestCases must be an object"))?;
    Ok(cases.keys().cloned().collect())
}

/// What expectations compare, from a finished execution.
pub fn actual_of(report: &ExecutionReport, trail: &Trail) -> Actual {
    let (output, error, cause) = match &report.outcome {
        Outcome::Succeeded(v) => (Some(v.clone()), None, None),
        Outcome::Failed(f) => (None, f.error.clone(), f.cause.clone()),
        Outcome::TimedOut | Outcome::Aborted => (None, None, None),
    };
    Actual {
        status: report.outcome.status().to_string(),
        output,
        error,
        cause,
        path: trail.top_level_path(),
    }
}

impl Suite<'_> {
    /// Runs one test case with `input`; the report keeps its history.
    pub fn execute(&self, case: &str, input: Value) -> Result<ExecutionReport, String> {
        let mocks = self.mocks.case(&self.state_machine_name, case)?;
        let identity = ExecutionIdentity::local(case, self.state_machine_name.clone());
        let opts = RunOptions {
            input,
            identity,
            mocks: Some(mocks),
            ignore_quotas: false,
            record_history: true,
            trace: false,
            seed: 0,
            base_dir: self.base_dir.clone(),
        };
        Ok(execute_virtual(self.program.clone(), opts, START_MILLIS))
    }

    /// Runs each `(test case, input)` in order and checks it.
    pub fn run(&self, cases: &[(String, Value)]) -> Result<SuiteReport, String> {
        let mut coverage = Coverage::of(self.definition);
        let mut results = Vec::new();
        for (name, input) in cases {
            let began = Instant::now();
            let report = self.execute(name, input.clone())?;
            let millis = began.elapsed().as_secs_f64() * 1000.0;
            let trail = Trail::build(self.definition, &report.history);
            coverage.record(self.definition, &report.history, &trail);
            let actual = actual_of(&report, &trail);
            let expected = self.expectations.case(name);
            let problems = expect::check(expected, &actual);
            results.push(CaseResult {
                name: name.clone(),
                millis,
                actual,
                problems,
                has_expectations: expected.is_some(),
            });
        }
        Ok(SuiteReport { cases: results, coverage })
    }
}
