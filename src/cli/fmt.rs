//! `statewright fmt FILE [--check]`: AWS-style two-space JSON.

use std::path::PathBuf;

use super::input::read_document;

#[derive(clap::Args)]
pub struct Args {
    /// The definition to format in place.
    file: PathBuf,
    /// Only report whether the file is already formatted (exit 1 if not); change nothing.
    #[arg(long)]
    check: bool,
}

pub fn run(args: Args) -> u8 {
    let doc = match read_document(&args.file) {
        Ok(doc) => doc,
        Err(failure) => {
            eprintln!("error: {}", failure.describe(&args.file));
            return 2;
        }
    };
    let formatted = crate::asl::format::format(&doc);
    if formatted == doc.text() {
        return 0;
    }
    if args.check {
        eprintln!(
            "{}: not formatted (run `statewright fmt {}`)",
            args.file.display(),
            args.file.display()
        );
        return 1;
    }
    match crate::asl::save::write_atomically(&args.file, formatted.as_bytes()) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("error: {}: cannot write it ({e})", args.file.display());
            2
        }
    }
}
