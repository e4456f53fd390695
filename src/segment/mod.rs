//! Segment text: the placeholder notation, the normalized hash that
//! identifies a source text across whitespace changes, and the control
//! characters a translation may not bring in.

pub mod control;
pub mod hash;
pub mod markup;
pub mod placeholder;
