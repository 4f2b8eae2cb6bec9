//! Amazon States Language documents: reading, locating and (losslessly) writing `.asl.json` text.
//!
//! A [`Document`] owns the user's exact text. Its JSON value is what the validator, the graph and
//! the engine read; its syntax tree is what diagnostics and edits use to point at and change only
//! the bytes they must.
//!
//! The expression languages of JSONPath-mode ASL live here too, because both the validator (to
//! check syntax) and the engine (to evaluate) need them: [`path`] (JSONPath, ResultPath),
//! [`intrinsic`] (`States.*` functions), [`template`] (Parameters / ResultSelector / ItemSelector /
//! Assign), [`choice`] (Choice rules) and [`timestamp`]. They are pure: what they read comes
//! through a [`scope::Scope`], randomness through a [`scope::RandomSource`].

pub mod choice;
pub mod design;
pub mod document;
pub mod edit;
pub mod format;
pub mod intrinsic;
pub mod model;
pub mod palette;
pub mod path;
pub mod pointer;
pub mod save;
pub mod scope;
pub mod splice;
pub mod template;
pub mod timestamp;

pub use document::{Document, ParseFailure, Position, Span};
pub use edit::{Edit, EditError, apply};
