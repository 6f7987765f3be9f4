//! Property tests: merge laws and import/export round trips.
