//! `statewright run FILE`: runs an execution locally and prints its timeline and result.
//!
//! `--json` prints exactly one object, `{"status", "output"}` or `{"status", "error", "cause"}`
//! (keys AWS left out stay out), plus `"history"` with `--history`. Exit codes: 0 succeeded,
//! 1 did not, 2 usage or definition error. This is the only place that reads the system clock
//! (to start the execution's clock) and the only place that touches files besides ItemReader.
//! `--save-test-case NAME` records the run into the mock configuration and
//! `FILE-stem.tests.json` ([`crate::scenario::record`]).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::{Map, Value, json};

use super::input::{read_document, read_text};
use crate::engine::{
    Clock, ExecutionIdentity, ExecutionReport, HistoryEvent, MockConfig, Outcome, RealClock,
    RunOptions, compile, execute, execute_virtual,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ClockKind {
    /// Waits and retry delays take no real time; `$$` times and timestamps still advance.
    Virtual,
    /// Waits take real time, divided by `--speed`.
    Real,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
#[allow(clippy::upper_case_acronyms)]
pub enum MachineType {
    STANDARD,
    EXPRESS,
}

#[derive(clap::Args)]
pub struct Args {
    /// The definition to run (`.asl.json`).
    file: PathBuf,
    /// The execution input: a JSON file, or `-` for standard input (default `{}`).
    #[arg(long)]
    input: Option<String>,
    /// A Step Functions Local mock configuration answering Task states.
    #[arg(long, requires = "test_case")]
    mock_config: Option<PathBuf>,
    /// The test case of the mock configuration to use.
    #[arg(long, requires = "mock_config")]
    test_case: Option<String>,
    /// The execution name.
    #[arg(long)]
    name: Option<String>,
    /// The state machine name (default: the file name without extension).
    #[arg(long)]
    state_machine_name: Option<String>,
    /// The state machine type (EXPRESS changes the execution ARN and `$$.Execution`).
    #[arg(long = "type", value_enum, default_value = "STANDARD", ignore_case = true)]
    machine_type: MachineType,
    /// The AWS account id used in ARNs.
    #[arg(long, default_value = "123456789012")]
    account: String,
    /// The AWS region used in ARNs and task events.
    #[arg(long, default_value = "us-east-1")]
    region: String,
    /// The execution role ARN (default: a role in `--account`).
    #[arg(long)]
    role_arn: Option<String>,
    /// Where time comes from.
    #[arg(long, value_enum, default_value = "virtual", ignore_case = true)]
    clock: ClockKind,
    /// With `--clock real`: how much faster than real time waits run.
    #[arg(long, default_value_t = 1.0)]
    speed: f64,
    /// Seed for UUIDs, task tokens, States.MathRandom and retry jitter.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Lift AWS's quotas (256 KiB payloads, 25,000 history events).
    #[arg(long)]
    ignore_quotas: bool,
    /// Include the history events.
    #[arg(long)]
    history: bool,
    /// Folder holding ItemReader files as `<folder>/<Bucket>/<Key>` (default: the definition's).
    #[arg(long)]
    data_dir: Option<PathBuf>,
    /// Print one JSON object instead of readable text.
    #[arg(long)]
    json: bool,
    /// Save this run as a new (or updated) test case of `--mock-config`: its Task results as
    /// mocked responses, its input and result as expectations in FILE-stem.tests.json.
    #[arg(long, requires = "mock_config")]
    save_test_case: Option<String>,
}

fn usage_error(args: &Args, message: String) -> u8 {
    if args.json {
        println!(
            "{}",
            json!({"status": "ERROR", "error": "Statewright.UsageError", "cause": message})
        );
    }
    eprintln!("error: {message}");
    2
}

fn read_json_file(spec: &str) -> Result<Value, String> {
    let text = if spec == "-" {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)
            .map_err(|e| format!("standard input: {e}"))?;
        s
    } else {
        read_text(Path::new(spec)).map_err(|e| format!("{spec}: {e}"))?
    };
    serde_json::from_str(&text).map_err(|e| format!("{spec}: not JSON: {e}"))
}

fn now_millis() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis() as i64)
}

pub fn run(args: Args) -> u8 {
    let doc = match read_document(&args.file) {
        Ok(doc) => doc,
        Err(f) => return usage_error(&args, f.describe(&args.file)),
    };
    let program = match compile(doc.value()) {
        Ok(p) => Arc::new(p),
        Err(e) => {
            return usage_error(
                &args,
                format!("{}: the definition cannot run: {e}", args.file.display()),
            );
        }
    };
    let input = match &args.input {
        Some(spec) => match read_json_file(spec) {
            Ok(v) => v,
            Err(e) => return usage_error(&args, e),
        },
        None => Value::Object(Map::new()),
    };
    let state_machine_name = args.state_machine_name.clone().unwrap_or_else(|| {
        let stem = args.file.file_name().and_then(|s| s.to_str()).unwrap_or("statemachine");
        stem.split('.').next().unwrap_or(stem).to_string()
    });
    let mocks = match (&args.mock_config, &args.test_case) {
        (Some(path), Some(case)) => {
            let cfg = read_json_file(&path.to_string_lossy())
                .and_then(|v| MockConfig::parse(&v))
                .and_then(|c| c.case(&state_machine_name, case));
            match cfg {
                Ok(c) => Some(c),
                Err(e) => return usage_error(&args, format!("{}: {e}", path.display())),
            }
        }
        _ => None,
    };
    let report_machine = state_machine_name.clone();
    let start = now_millis();
    let identity = ExecutionIdentity {
        execution_name: args
            .name
            .clone()
            .unwrap_or_else(|| crate::engine::Entropy::new(args.seed ^ start as u64).uuid()),
        state_machine_name,
        role_arn: args
            .role_arn
            .clone()
            .unwrap_or_else(|| format!("arn:aws:iam::{}:role/StatewrightLocal", args.account)),
        account: args.account.clone(),
        region: args.region.clone(),
        partition: "aws".into(),
        express: args.machine_type == MachineType::EXPRESS,
    };
    let base_dir = args
        .data_dir
        .clone()
        .unwrap_or_else(|| args.file.parent().map(Path::to_path_buf).unwrap_or_default());
    let opts = RunOptions {
        input,
        identity,
        mocks,
        ignore_quotas: args.ignore_quotas,
        record_history: args.history || !args.json || args.save_test_case.is_some(),
        trace: false,
        seed: args.seed,
        base_dir,
    };
    let report = match args.clock {
        ClockKind::Virtual => execute_virtual(program, opts, start),
        ClockKind::Real => {
            let clock: Arc<dyn Clock> = Arc::new(RealClock::new(start, args.speed));
            match tokio::runtime::Builder::new_current_thread().enable_time().build() {
                Ok(rt) => rt.block_on(execute(program, opts, clock)),
                Err(e) => return usage_error(&args, format!("cannot start the runtime: {e}")),
            }
        }
    };
    let code = u8::from(!matches!(report.outcome, Outcome::Succeeded(_)));
    if let (Some(case), Some(mock_path)) = (&args.save_test_case, &args.mock_config) {
        let recording = crate::scenario::record::recording_of(doc.value(), &report);
        let tests = super::test::sibling(&args.file, "tests.json");
        let machine = &report_machine;
        match crate::scenario::record::save(mock_path, Some(&tests), machine, case, &recording) {
            Ok(()) => eprintln!(
                "saved test case '{case}' in {} and its expectations in {}",
                mock_path.display(),
                tests.display()
            ),
            Err(e) => return usage_error(&args, e),
        }
    }
    if args.json {
        print_json(report, args.history);
    } else {
        print_human(&report);
    }
    code
}

fn result_object(outcome: Outcome) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("status".into(), json!(outcome.status()));
    match outcome {
        Outcome::Succeeded(v) => {
            m.insert("output".into(), v);
        }
        Outcome::Failed(f) => {
            if let Some(e) = &f.error {
                m.insert("error".into(), json!(e));
            }
            if let Some(c) = &f.cause {
                m.insert("cause".into(), json!(c));
            }
        }
        Outcome::TimedOut | Outcome::Aborted => {}
    }
    m
}

fn print_json(report: ExecutionReport, history: bool) {
    let mut m = result_object(report.outcome);
    if history {
        let events = report.history.into_iter().map(HistoryEvent::into_json).collect();
        m.insert("history".into(), Value::Array(events));
    }
    let result = Value::Object(m);
    let mut text = serde_json::to_vec(&result).unwrap_or_default();
    text.push(b'\n');
    let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), &text);
    // The process ends right after this: freeing a large result value piece by piece would only
    // cost time (measurably, for fan-outs of thousands of items); the OS reclaims it at exit.
    std::mem::forget(result);
}

/// The readable timeline: one line per state, in the order states were entered, indented by
/// nesting depth, with the time it was entered and how long it took.
fn print_human(report: &ExecutionReport) {
    const SHOWN: usize = 200;
    struct Line {
        depth: usize,
        kind: String,
        name: String,
        start: i64,
        end: Option<i64>,
    }
    let mut lines: Vec<Line> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for e in &report.history {
        let name = e.name.as_deref().unwrap_or("");
        if let Some(kind) = e.kind.strip_suffix("StateEntered") {
            lines.push(Line {
                depth: open.len(),
                kind: kind.into(),
                name: name.into(),
                start: e.timestamp,
                end: None,
            });
            if kind == "Fail" {
                if let Some(l) = lines.last_mut() {
                    l.end = Some(e.timestamp);
                }
            } else {
                open.push(lines.len() - 1);
            }
        } else if e.kind.ends_with("StateExited")
            && let Some(pos) = open.iter().rposition(|&i| lines[i].name == name)
        {
            let i = open.remove(pos);
            lines[i].end = Some(e.timestamp);
        }
    }
    for l in lines.iter().take(SHOWN) {
        let took =
            l.end.map_or_else(|| "unfinished".to_string(), |end| format!("{} ms", end - l.start));
        println!(
            "{:>9}  {:<9} {}{}  ({took})",
            format!("+{}ms", l.start - report.start),
            l.kind,
            "  ".repeat(l.depth.min(20)),
            l.name
        );
    }
    let hidden = lines.len().saturating_sub(SHOWN);
    if hidden > 0 {
        println!("… {hidden} more states");
    }
    println!(
        "{} after {} state transitions, {} ms",
        report.outcome.status(),
        report.transitions,
        report.stop - report.start
    );
    match &report.outcome {
        Outcome::Succeeded(v) => {
            println!("{}", serde_json::to_string_pretty(v).unwrap_or_default());
        }
        Outcome::Failed(f) => {
            println!("error: {}", f.error.as_deref().unwrap_or("(none)"));
            println!("cause: {}", f.cause.as_deref().unwrap_or("(none)"));
        }
        Outcome::TimedOut | Outcome::Aborted => {}
    }
}
