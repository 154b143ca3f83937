//! calque audits machine-translated French news: it finds the artifacts a
//! French editor would never let through (garbled or English-spelled names,
//! one person spelled two ways, …), scores each article and writes reports.
//!
//! ```
//! use calque::{Checker, Config, Document, Kb, Meta};
//!
//! let checker = Checker::new(Kb::embedded(), Config::default());
//! let doc = Document::new("a.txt", "Le ministre Dmytro Kuleba a parlé.".to_string(), Meta::default());
//! let findings = checker.check(&doc);
//! assert_eq!(findings[0].finding.suggestion, "Dmytro Kouleba");
//! assert_eq!(&doc.text[findings[0].finding.start..findings[0].finding.end], "Dmytro Kuleba");
//! ```
//!
//! The pipeline: [`input`] finds and reads documents; [`Document`] tokenises
//! once; [`Checker`] runs every check of [`checks`] against the compiled
//! [`Kb`] and resolves overlaps; [`score`] turns findings into a verdict;
//! [`report`] formats; [`run`] drives batches in parallel, in input order.

pub mod checker;
pub mod checks;
pub mod config;
pub mod date;
pub mod dateline;
pub mod distance;
pub mod document;
pub mod finding;
pub mod fnv;
pub mod fold;
pub mod input;
pub mod kb;
pub mod known;
pub mod lexicon;
mod markup;
pub mod phrases;
pub mod report;
pub mod rules;
pub mod run;
pub mod score;
pub mod span;
pub mod wordset;

pub use checker::{Checker, Config};
pub use document::{Document, Meta, TextFormat};
pub use kb::{Kb, KbSource};
