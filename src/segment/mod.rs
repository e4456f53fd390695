//! Segment text: the placeholder notation and the normalized hash that
//! identifies a source text across whitespace changes.

pub mod hash;
pub mod placeholder;
