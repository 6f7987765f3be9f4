//! Integration tests of the analytics engine.

mod audit;
mod properties;
mod reference;
mod split;
mod versions;
