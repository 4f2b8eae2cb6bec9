//! `statewright fmt FILE [--check]`: exit codes, in-place rewrite, and nothing lost.

use std::process::Command;

fn fmt(args: &[&str]) -> (i32, String) {
    let out =
        Command::new(env!("CARGO_BIN_EXE_statewright")).arg("fmt").args(args).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn check_then_format_then_check() {
    let dir = std::env::temp_dir().join(format!("statewright-fmt-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("m.asl.json");
    let path = file.to_str().unwrap();
    let messy = "\u{feff}{\"StartAt\":\"A\",\r\n \"States\":{\"A\":{\"Type\":\"Pass\",\"Result\":1e3,\"End\":true}}}";
    std::fs::write(&file, messy).unwrap();

    let (code, err) = fmt(&[path, "--check"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("not formatted"), "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), messy, "--check changes nothing");

    assert_eq!(fmt(&[path]).0, 0);
    let formatted = std::fs::read_to_string(&file).unwrap();
    assert_eq!(
        formatted,
        "\u{feff}{\r\n  \"StartAt\": \"A\",\r\n  \"States\": {\r\n    \"A\": {\r\n      \"Type\": \"Pass\",\r\n      \"Result\": 1e3,\r\n      \"End\": true\r\n    }\r\n  }\r\n}\r\n"
    );
    assert_eq!(fmt(&[path, "--check"]).0, 0);

    std::fs::write(&file, "{\"a\": ").unwrap();
    let (code, err) = fmt(&[path]);
    assert_eq!(code, 2);
    assert!(err.contains(":1:"), "a JSON error names line and column: {err}");
    std::fs::remove_dir_all(&dir).ok();
}
