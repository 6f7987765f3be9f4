//! Integration tests of the survey model.

mod languages;
mod malformed;
mod properties;
