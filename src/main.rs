//! The `statewright` command: parses the command line and hands over to [`statewright::cli`].

fn main() -> std::process::ExitCode {
    statewright::cli::main()
}
