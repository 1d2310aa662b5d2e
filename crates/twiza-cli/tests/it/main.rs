//! Tests of the `twiza` binary as an operator runs it: real processes, real sockets, SIGKILL.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod commands;
mod crash;
mod served;
