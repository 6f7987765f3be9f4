//! Integration tests of the survey model.

mod malformed;
mod properties;
