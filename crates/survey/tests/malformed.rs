//! Malformed-input fixtures, one per error kind.
