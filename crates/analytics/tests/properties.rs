//! Property tests: suppression laws over random data sets and groupings.
