//! Amazon States Language documents: reading, locating and (losslessly) writing `.asl.json` text.
//!
//! A [`Document`] owns the user's exact text. Its JSON value is what the validator, the graph and
//! the engine read; its syntax tree is what diagnostics and edits use to point at and change only
//! the bytes they must.

pub mod document;
pub mod edit;
pub mod format;
pub mod model;
pub mod pointer;
pub mod save;
pub mod splice;

pub use document::{Document, ParseFailure, Position, Span};
pub use edit::{Edit, EditError, apply};
