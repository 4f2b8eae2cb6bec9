//! Table-driven engine runs (`tests/data/engine_runs.txt`): definition, input, mocks, expected
//! result and the states entered, one line per case.

mod engine_table;
mod table;

#[test]
fn engine_runs_table() {
    engine_table::check_runs(include_str!("data/engine_runs.txt"), 30);
}
