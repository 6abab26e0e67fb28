//! The `hashiya` command-line tool: annotate files or standard input, printing JSON lines or a readable view;
//! train and evaluate the tagger; measure the date recognizer. See `src/cli.rs`.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

/// The command-line tool is native only; in WebAssembly the library's `wasm` module is the interface. (Cargo
/// still builds this binary when the wasm integration tests are compiled.)
#[cfg(target_arch = "wasm32")]
fn main() {}
