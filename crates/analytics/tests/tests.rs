//! Integration tests of the analytics engine.

mod properties;
mod reference;
mod split;
mod versions;
