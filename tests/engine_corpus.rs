//! The AWS-recorded execution corpus as a regression gate: when `../shared/conformance` exists
//! next to the crate, runs its runner over every JSONPath area with this crate's binary and
//! asserts minimum pass rates (results and histories). Skipped (with a note) without the corpus
//! or Python. `STATEWRIGHT_SHARED` points elsewhere (e.g. from a git worktree).

use std::path::Path;
use std::process::Command;

const AREAS: &str = "choice,context_object,errors,intrinsics,io_processing,lambda_mock,map,parallel,pass,retry_catch,service_mock,succeed_fail,variables,wait";
const MIN_RESULTS: f64 = 0.97;
const MIN_HISTORIES: f64 = 0.90;

#[test]
fn corpus_pass_rates() {
    let root = std::env::var_os("STATEWRIGHT_SHARED").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"),
        std::path::PathBuf::from,
    );
    let root = root.join("conformance");
    let runner = root.join("run-execution");
    if !runner.exists() {
        eprintln!("skipped: no corpus at {}", root.display());
        return;
    }
    let out = std::env::temp_dir().join(format!("statewright-corpus-{}.json", std::process::id()));
    let status = Command::new("python3")
        .arg(&runner)
        .args(["--engine", env!("CARGO_BIN_EXE_statewright"), "--area", AREAS, "--json"])
        .arg(&out)
        .output();
    let Ok(status) = status else {
        eprintln!("skipped: python3 is not available");
        return;
    };
    let text = std::fs::read_to_string(&out).unwrap_or_else(|e| {
        panic!("the runner wrote no results ({e}): {}", String::from_utf8_lossy(&status.stderr))
    });
    let _ = std::fs::remove_file(&out);
    let report: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    let (mut total, mut pass, mut h_total, mut h_pass) = (0.0, 0.0, 0.0, 0.0);
    for (_, area) in report["per_area"].as_object().into_iter().flatten() {
        let n = |k: &str| area[k].as_f64().unwrap_or(0.0);
        total += n("total");
        pass += n("pass");
        h_total += n("history_total");
        h_pass += n("history_pass");
    }
    assert!(total > 500.0, "too few cases ran: {total}");
    let (results, histories) = (pass / total, h_pass / h_total.max(1.0));
    eprintln!("corpus: results {pass}/{total}, histories {h_pass}/{h_total}");
    assert!(results >= MIN_RESULTS, "result pass rate {results:.3} < {MIN_RESULTS}");
    assert!(histories >= MIN_HISTORIES, "history pass rate {histories:.3} < {MIN_HISTORIES}");
}
