//! The `statewright` command line: one file per subcommand, each a thin adapter over the core.
//!
//! Exit codes are part of the contract: 0 success, 1 the definition is invalid or the execution
//! did not succeed, 2 usage errors and unreadable files.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod fmt;
mod input;
mod layout;
mod render;
mod run;
mod test;
mod validate;

#[derive(Parser)]
#[command(
    name = "statewright",
    version,
    about = "Design, validate and run AWS Step Functions workflows locally"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
#[allow(clippy::large_enum_variant)]
enum Command {
    /// Check a definition the way AWS does when a state machine is created.
    Validate(validate::Args),
    /// Rewrite a definition in AWS-style two-space JSON (or check that it already is).
    Fmt(fmt::Args),
    /// Run an execution locally (mocked tasks, virtual or real clock).
    Run(run::Args),
    /// Run every test case of a mock configuration, check expectations, report coverage.
    Test(test::Args),
    /// Lay out the diagram of a definition (boxes, containers, routed edges).
    Layout(layout::Args),
    /// Draw the diagram of a definition to SVG or PNG.
    Render(render::Args),
}

/// Runs the command line and returns the process exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let code = match cli.command {
        Command::Validate(args) => validate::run(args),
        Command::Fmt(args) => fmt::run(args),
        Command::Run(args) => run::run(args),
        Command::Test(args) => test::run(args),
        Command::Layout(args) => layout::run(args),
        Command::Render(args) => render::run(args),
    };
    ExitCode::from(code)
}
