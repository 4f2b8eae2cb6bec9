//! The `statewright` command: parses the command line and hands over to [`statewright::cli`].
//!
//! It allocates with mimalloc: a run builds and drops many small JSON values per state, and
//! mimalloc does that in fewer instructions than the system allocator.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    statewright::cli::main()
}
