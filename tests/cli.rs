//! The command-line tool end to end: JSON lines with scalar offsets whose text matches the input, the
#![cfg(not(target_arch = "wasm32"))]
//! readable view, and clear errors for unreadable or non-UTF-8 files while the other files are still done.

use std::io::Write;
use std::process::{Command, Stdio};

fn hashiya() -> Command {
    Command::new(env!("CARGO_BIN_EXE_hashiya"))
}

fn tmp(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("hashiya-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn json_lines_with_scalar_offsets() {
    let text = "😀 زار الرئيس فنزويلا وكولومبيا";
    let p = tmp("a.txt", text.as_bytes());
    let out = hashiya().args(["annotate", "--json"]).arg(&p).output().unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1);
    let v: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(v["file"], p.to_str().unwrap());
    assert_eq!(v["lang"], "ar");
    assert_eq!(v["unit"], "scalar");
    let chars: Vec<char> = text.chars().collect();
    let spans = v["spans"].as_array().unwrap();
    assert!(spans.iter().any(|s| s["label"] == "LOC" && s["text"] == "فنزويلا"));
    for s in spans {
        let (a, b) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
        assert_eq!(chars[a..b].iter().collect::<String>(), s["text"].as_str().unwrap());
    }
}

#[test]
fn bad_files_are_reported_and_others_done() {
    let good = tmp("good.txt", "في كولومبيا".as_bytes());
    let mut bad_bytes = "قال".as_bytes().to_vec();
    bad_bytes.extend([0xff, 0xfe, 0x00]);
    let bad = tmp("bad.txt", &bad_bytes);
    let missing = std::env::temp_dir().join("hashiya-no-such-file.txt");
    let out = hashiya().args(["annotate", "--json"]).arg(&bad).arg(&missing).arg(&good).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains(bad.to_str().unwrap()) && stderr.contains("not UTF-8") && stderr.contains("byte 6"), "{stderr}");
    assert!(stderr.contains("hashiya-no-such-file.txt"), "{stderr}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1);
    assert!(stdout.contains("كولومبيا"));
}

#[test]
fn standard_input_and_readable_view() {
    let mut child = hashiya().arg("annotate").stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all("وصل إلى فنزويلا".as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.starts_with("# -  lang=ar"), "{s}");
    assert!(s.lines().any(|l| l.starts_with("8..15\tLOC\tفنزويلا")), "{s}");
}

#[test]
fn empty_input_and_usage_errors() {
    let p = tmp("empty.txt", b"");
    let out = hashiya().args(["annotate", "--json"]).arg(&p).output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["spans"].as_array().unwrap().len(), 0);

    let out = hashiya().args(["annotate", "--reference", "2019-02-30"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such day"));
    let out = hashiya().args(["annotate", "--bogus"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}
