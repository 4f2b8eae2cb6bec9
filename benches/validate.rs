//! How long validation takes on a large definition (1000 states), in process: the designer
//! re-validates on every keystroke, so this must stay well under a frame (budget: 5 ms).
//!
//! Reads the shared corpus' `large-1000.asl.json` when present (falls back to a generated
//! machine of the same size, so the bench runs anywhere).

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use statewright::asl::Document;
use statewright::validate::{Options, validate};
use std::hint::black_box;

/// `../shared` beside the repository, as in CI.
const SHARED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/conformance/validation/bench/large-1000.asl.json"
);

fn large_definition() -> String {
    if let Ok(text) = std::fs::read_to_string(SHARED) {
        return text;
    }
    let mut states = Vec::new();
    for i in 0..1000 {
        let next = if i == 999 {
            "\"End\": true".to_string()
        } else {
            format!("\"Next\": \"S{}\"", i + 1)
        };
        states.push(format!(
            "\"S{i}\": {{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"Parameters\": {{\"FunctionName\": \"f\", \"Payload.$\": \"$.x\"}}, {next}}}"
        ));
    }
    format!("{{\"StartAt\": \"S0\", \"States\": {{{}}}}}", states.join(","))
}

fn bench(c: &mut Criterion) {
    let text = large_definition();
    let options = Options::default();
    let doc = Document::parse(text.as_str()).expect("valid JSON");
    assert!(validate(&doc, &options).is_empty(), "the bench definition must be valid");
    // The budget (5 ms): validating a freshly parsed document, as after each edit.
    c.bench_function("validate large-1000", |b| {
        b.iter_batched(
            || Document::parse(text.as_str()).expect("valid JSON"),
            |doc| black_box(validate(&doc, &options)),
            BatchSize::LargeInput,
        )
    });
    // For reference: reading the text as well.
    c.bench_function("parse + validate large-1000", |b| {
        b.iter(|| {
            let doc = Document::parse(black_box(text.as_str())).expect("valid JSON");
            black_box(validate(&doc, &options))
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
