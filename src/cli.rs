//! The command-line interface (native only): argument parsing and the subcommands.

use std::io::{Read, Write};
use std::process::ExitCode;

use hashiya::offsets::Unit;
use hashiya::output::DocumentOut;
use hashiya::{Lang, Options, Ymd};

const USAGE: &str = "\
usage: hashiya annotate [--json] [--reference YYYY-MM-DD] [--lang ar|fa] [FILE...]
       hashiya eval-dates FILE   (measure dates on flattened Recognizers-Text cases)
       hashiya train ... | hashiya eval --format conll FILE... (see hashiya train --help)

Annotates each FILE (standard input when none is given) and prints, with --json, one JSON object per input
on its own line: {\"file\", \"lang\", \"unit\": \"scalar\", \"spans\": [...], \"entities\": [...]}, offsets in
Unicode scalar values. Without --json, a readable view: one span per line, offsets first.
A file that cannot be read or is not UTF-8 is reported on standard error; the others are still done and the
exit status is 1.";

struct Args {
    json: bool,
    opts: Options,
    files: Vec<String>,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut a = Args { json: false, opts: Options::default(), files: Vec::new() };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--json" => a.json = true,
            "--reference" => {
                let v = it.next().ok_or("--reference needs a date YYYY-MM-DD")?;
                a.opts.reference = Some(Ymd::parse(v)?);
            }
            "--lang" => {
                let v = it.next().ok_or("--lang needs ar or fa")?;
                a.opts.lang = Some(Lang::parse(v).ok_or_else(|| format!("--lang: unknown language {v:?} (ar or fa)"))?);
            }
            "--" => a.files.extend(it.by_ref().cloned()),
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            s => a.files.push(s.to_string()),
        }
    }
    Ok(a)
}

/// Reads a whole input as UTF-8, naming the byte position of the first invalid sequence.
fn read_input(name: Option<&str>) -> Result<String, String> {
    let mut bytes = Vec::new();
    let shown = name.unwrap_or("<stdin>");
    match name {
        Some(path) => {
            let mut f = std::fs::File::open(path).map_err(|e| format!("{shown}: {e}"))?;
            f.read_to_end(&mut bytes).map_err(|e| format!("{shown}: {e}"))?;
        }
        None => {
            std::io::stdin().read_to_end(&mut bytes).map_err(|e| format!("{shown}: {e}"))?;
        }
    }
    String::from_utf8(bytes).map_err(|e| {
        format!("{shown}: not UTF-8: invalid byte sequence at byte {}", e.utf8_error().valid_up_to())
    })
}

fn annotate(args: &Args) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    let inputs: Vec<Option<&str>> =
        if args.files.is_empty() { vec![None] } else { args.files.iter().map(|f| Some(f.as_str())).collect() };
    for input in inputs {
        let shown = input.unwrap_or("-");
        let text = match read_input(input) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("hashiya: {e}");
                failed = true;
                continue;
            }
        };
        let doc = hashiya::annotate(&text, &args.opts);
        let view = DocumentOut::new(&text, &doc, Unit::Scalar);
        let res = if args.json {
            let mut obj = serde_json::to_value(&view).unwrap_or_default();
            if let Some(m) = obj.as_object_mut() {
                m.insert("file".into(), serde_json::Value::String(shown.to_string()));
            }
            writeln!(out, "{obj}")
        } else {
            writeln!(out, "# {shown}  lang={}  spans={}  entities={}", view.lang.code(), view.spans.len(), view.entities.len())
                .and_then(|_| out.write_all(view.render_lines().as_bytes()))
        };
        if let Err(e) = res {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                return ExitCode::SUCCESS;
            }
            eprintln!("hashiya: writing output: {e}");
            return ExitCode::FAILURE;
        }
    }
    if out.flush().is_err() {
        return ExitCode::FAILURE;
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Exit status of a subcommand that reports its own output.
fn cli_result(r: Result<(), String>) -> ExitCode {
    match r {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("hashiya: {e}");
            ExitCode::from(2)
        }
    }
}

/// Runs the command line and returns the exit status.
pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("annotate") => match parse_args(&args[1..]) {
            Ok(a) => annotate(&a),
            Err(e) => {
                eprintln!("hashiya: {e}\n\n{USAGE}");
                ExitCode::from(2)
            }
        },
        Some("eval-dates") => hashiya::recognize::dates::eval::main(&args[1..]),
        Some("train") => cli_result(hashiya::ner::train::cli_train(&args[1..])),
        Some("eval") => cli_result(hashiya::ner::train::cli_eval(&args[1..])),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
