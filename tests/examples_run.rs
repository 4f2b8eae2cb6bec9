//! Every bundled example runs locally with its mock configuration and ends as its test case says:
//! the happy paths succeed and the failure paths fail with the workflow's own error.

use std::process::Command;

/// (example, test case, expected final error or `None` for success).
const CASES: &[(&str, &str, Option<&str>)] = &[
    ("order-processing", "HappyPath", None),
    ("order-processing", "PaymentRetried", None),
    ("order-processing", "PaymentDeclined", Some("PaymentFailed")),
    ("order-processing", "InvalidOrder", Some("InvalidOrder")),
    ("media-processing", "HappyPath", None),
    ("media-processing", "TranscodeFailed", Some("MediaProcessingFailed")),
    ("etl-pipeline", "HappyPath", None),
    ("etl-pipeline", "BadRecordSetAside", None),
    ("etl-pipeline", "LoadFails", Some("EtlBatchFailed")),
    ("human-approval", "HappyPath", None),
    ("human-approval", "Rejected", Some("ClaimRejected")),
    ("human-approval", "NoDecision", Some("ApprovalTimedOut")),
    ("document-pipeline", "HappyPath", None),
    ("document-pipeline", "Contract", None),
    ("document-pipeline", "LargeScan", None),
    ("document-pipeline", "Unsupported", Some("UnsupportedDocument")),
];

const JSONATA_CASES: &[(&str, &str, Option<&str>)] = &[
    ("jsonata-order-fulfilment", "HappyPath", None),
    ("jsonata-order-fulfilment", "PaymentDeclined", Some("PaymentDeclined")),
];

fn run(cases: &[(&str, &str, Option<&str>)]) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    for &(name, case, error) in cases {
        let file = |suffix: &str| dir.join(format!("{name}.{suffix}"));
        let out = Command::new(env!("CARGO_BIN_EXE_statewright"))
            .arg("run")
            .arg(file("asl.json"))
            .arg("--input")
            .arg(file("input.json"))
            .arg("--mock-config")
            .arg(file("mocks.json"))
            .args(["--test-case", case])
            .output()
            .unwrap();
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        match error {
            None => assert_eq!(out.status.code(), Some(0), "{name} {case}:\n{said}"),
            Some(error) => {
                assert_eq!(out.status.code(), Some(1), "{name} {case}:\n{said}");
                assert!(said.contains(&format!("error: {error}")), "{name} {case}:\n{said}");
            }
        }
    }
}

#[test]
fn jsonpath_examples_end_as_their_test_cases_say() {
    run(CASES);
}

#[test]
fn jsonata_example_ends_as_its_test_cases_say() {
    run(JSONATA_CASES);
}
