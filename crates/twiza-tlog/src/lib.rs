//! Transparency log primitives (being written).
