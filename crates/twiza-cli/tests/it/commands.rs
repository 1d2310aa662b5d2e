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
            "admin",
            "set-authority",
            "--email",
            "a@x.ma",
            "--competence",
            "national",
        ],
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

#[test]
fn an_account_becomes_an_authority_with_its_competence() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (ok, stderr) = twiza(dir.path(), &["migrate"]);
    assert!(ok, "{stderr}");
    let (ok, stderr) = twiza(
        dir.path(),
        &[
            "admin",
            "create-user",
            "--email",
            "gouverneur@alhaouz.gov.ma",
            "--password",
            "a long enough password",
        ],
    );
    assert!(ok, "{stderr}");
    let run = |args: &[&str]| {
        let output = Command::new(BIN)
            .args(args)
            .arg("--data-dir")
            .arg(dir.path())
            .env("RUST_LOG", "error")
            .env_remove("RUST_BACKTRACE")
            .env_remove("RUST_LIB_BACKTRACE")
            .output()
            .expect("twiza");
        (
            output.status.success(),
            String::from_utf8_lossy(&output.stdout).trim().to_owned(),
            String::from_utf8_lossy(&output.stderr).trim().to_owned(),
        )
    };
    let set = |competence: &str, code: Option<&str>, email: &str| {
        let mut args = vec![
            "admin",
            "set-authority",
            "--email",
            email,
            "--competence",
            competence,
        ];
        if let Some(code) = code {
            args.extend(["--code", code]);
        }
        run(&args)
    };
    let (ok, stdout, stderr) = set("province", Some("07.041"), "gouverneur@alhaouz.gov.ma");
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains("authority (governor): province 07.041"),
        "{stdout}"
    );
    let (ok, stdout, _) = set("region", Some("07"), "Gouverneur@AlHaouz.gov.ma");
    assert!(ok, "e-mails are compared normalized");
    assert!(stdout.contains("(wali): region 07"), "{stdout}");
    for (competence, code, email, says) in [
        (
            "province",
            Some("99.999"),
            "gouverneur@alhaouz.gov.ma",
            "invalid_province",
        ),
        ("province", None, "gouverneur@alhaouz.gov.ma", "required"),
        (
            "galaxy",
            None,
            "gouverneur@alhaouz.gov.ma",
            "invalid_competence",
        ),
        (
            "national",
            None,
            "nobody@x.ma",
            "no account has this e-mail",
        ),
    ] {
        let (ok, _, stderr) = set(competence, code, email);
        assert!(!ok, "{competence} {code:?} {email}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains(says), "{stderr}");
        assert!(!stderr.contains("nobody@x.ma"), "no personal data echoed");
    }
    // Each role given is recorded as the command line's, as a platform admin's would be.
    let url = format!("sqlite://{}", dir.path().join("twiza.db").display());
    let changes = tokio::runtime::Runtime::new()
        .expect("runtime")
        .block_on(async {
            let store = twiza_store::Store::connect(&url, &twiza_store::StoreOptions::default())
                .await
                .expect("store");
            let user = store
                .user_by_email("gouverneur@alhaouz.gov.ma")
                .await
                .expect("q")
                .expect("account");
            store.account_changes(user.id, 10).await.expect("changes")
        });
    let recorded: Vec<_> = changes
        .iter()
        .rev()
        .map(|c| {
            (
                c.action,
                c.competence.as_ref().and_then(|c| c.code()),
                c.changed_by,
            )
        })
        .collect();
    use twiza_domain::account::AccountAction::RoleGiven;
    assert_eq!(
        recorded,
        [
            (RoleGiven, Some("07.041"), None),
            (RoleGiven, Some("07"), None)
        ]
    );
}
