//! Commands pointed at a data directory without a Twiza database: one clear line, no SQL text,
//! a non-zero exit, nothing created; and the way back to the demo's database.

use std::process::Command;

use crate::BIN;

/// Runs `twiza ARGS --data-dir DIR`; returns whether it succeeded and its error output.
fn twiza(dir: &std::path::Path, args: &[&str]) -> (bool, String) {
    let output = Command::new(BIN)
        .args(args)
        .arg("--data-dir")
        .arg(dir)
        .env("RUST_LOG", "error")
        // As an operator's shell runs it: no backtrace asked for.
        .env_remove("RUST_BACKTRACE")
        .env_remove("RUST_LIB_BACKTRACE")
        .output()
        .expect("twiza");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stderr).trim().to_owned(),
    )
}

#[test]
fn commands_on_an_empty_data_directory_say_so_in_one_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    for args in [
        &["log", "audit"][..],
        &["registry", "reseal"],
        &[
            "registry",
            "export",
            "--organization",
            "1",
            "--as",
            "a@x.ma",
            "--output",
            "/dev/null",
        ],
    ] {
        let (ok, stderr) = twiza(dir.path(), args);
        assert!(!ok, "{args:?} must fail");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(
            stderr.contains("no Twiza database in"),
            "{args:?}: {stderr}"
        );
        assert!(stderr.contains("twiza migrate"), "{args:?}: {stderr}");
        for sql in ["no such table", "SQL", "sqlite_master", "_sqlx"] {
            assert!(!stderr.contains(sql), "{args:?}: {stderr}");
        }
    }
    assert!(
        std::fs::read_dir(dir.path()).expect("dir").next().is_none(),
        "nothing was created"
    );
}

#[test]
fn the_demos_database_is_pointed_to_when_it_is_there() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("twiza-demo.db"), b"").expect("a demo database");
    for args in [&["log", "audit"][..], &["serve", "--listen", "127.0.0.1:0"]] {
        let (ok, stderr) = twiza(dir.path(), args);
        assert!(!ok, "{args:?} must fail");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(
            stderr.contains("--database-url sqlite://") && stderr.contains("twiza-demo.db"),
            "{args:?}: {stderr}"
        );
    }
}
