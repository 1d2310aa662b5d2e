//! Tests of the `twiza` binary as an operator runs it: real processes, real sockets, SIGKILL.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod commands;
mod crash;
mod demo;
mod served;

/// The binary under test.
const BIN: &str = env!("CARGO_BIN_EXE_twiza");

/// A TCP port free on this machine now.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .expect("port")
        .local_addr()
        .expect("addr")
        .port()
}
