//! The library's top-level modules import each other in one direction only,
//! as `src/lib.rs` describes: no cycles, a console never imports another
//! console, and the shared layers (`model`, `timer`, `store`, `tui`, `i18n`)
//! import no console or command. Test code is left out (a test may reach
//! anywhere): files named `tests.rs` or under a `tests/` folder, and
//! `#[cfg(test)]` items.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const CONSOLES: [&str; 5] = ["facilitator", "notes", "display", "review", "picker"];
const COMMANDS: [&str; 2] = ["check", "prepare"];
const SHARED: [&str; 5] = ["model", "timer", "store", "tui", "i18n"];

/// The top-level modules `lib.rs` declares.
fn lib_modules(src: &Path) -> Vec<String> {
    let lib = fs::read_to_string(src.join("lib.rs")).unwrap();
    lib.lines()
        .filter_map(|l| {
            let l = l.trim();
            let rest = l
                .strip_prefix("pub mod ")
                .or_else(|| l.strip_prefix("pub(crate) mod "))
                .or_else(|| l.strip_prefix("mod "))?;
            Some(rest.trim_end_matches(';').to_string())
        })
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "tests") {
                rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs")
            && !path
                .file_stem()
                .is_some_and(|s| s.to_string_lossy().contains("tests"))
        {
            out.push(path);
        }
    }
}

/// The code of a file with comments, string and char literals blanked out
/// and `#[cfg(test)]` items removed, so that only real paths remain.
fn code_only(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        if b[i..].starts_with(b"//") {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if b[i..].starts_with(b"/*") {
            let end = text[i + 2..].find("*/").map_or(b.len(), |e| i + 2 + e + 2);
            i = end;
        } else if b[i] == b'r' && (b[i + 1..].starts_with(b"\"") || b[i + 1..].starts_with(b"#")) {
            let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
            if b.get(i + 1 + hashes) != Some(&b'"') {
                out.push('r');
                i += 1;
                continue;
            }
            let close = format!("\"{}", "#".repeat(hashes));
            let body = i + 2 + hashes;
            i = text[body..]
                .find(&close)
                .map_or(b.len(), |e| body + e + close.len());
            out.push_str("\"\"");
        } else if b[i] == b'"' {
            i += 1;
            while i < b.len() && b[i] != b'"' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if b[i] == b'\'' && b.get(i + 2) == Some(&b'\'') {
            i += 3;
            out.push_str("' '");
        } else if b[i] == b'\'' && b.get(i + 1) == Some(&b'\\') {
            let end = text[i + 2..].find('\'').map_or(b.len(), |e| i + 2 + e + 1);
            i = end;
            out.push_str("' '");
        } else {
            let ch = text[i..].chars().next().unwrap();
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    without_test_items(&out)
}

/// Removes each `#[cfg(test)]` item: up to its `;` or its matching `}`.
fn without_test_items(code: &str) -> String {
    let mut out = String::new();
    let mut rest = code;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let item = &rest[at..];
        let (mut depth, mut end) = (0usize, item.len());
        for (k, c) in item.char_indices() {
            match c {
                ';' if depth == 0 => {
                    end = k + 1;
                    break;
                }
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = k + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        rest = &item[end..];
    }
    out.push_str(rest);
    out
}

/// `(from, to) -> [file:line]` for every `crate::to` path in `from`'s code.
type Edges = BTreeMap<(String, String), Vec<String>>;

fn imports(src: &Path, modules: &[String]) -> Edges {
    let mut edges = Edges::new();
    for module in modules {
        let mut files = Vec::new();
        // A module is `module.rs`, `module/`, or both (`timer.rs` beside
        // `timer/`).
        let dir = src.join(module);
        if dir.is_dir() {
            rust_files(&dir, &mut files);
        }
        let file = src.join(format!("{module}.rs"));
        if file.is_file() {
            files.push(file);
        }
        for file in files {
            let code = code_only(&fs::read_to_string(&file).unwrap());
            for (line_no, line) in code.lines().enumerate() {
                for (at, _) in line.match_indices("crate::") {
                    let before = line[..at].chars().next_back();
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue; // `$crate::` in a macro or a longer name
                    }
                    let target: String = line[at + 7..]
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if modules.contains(&target) && &target != module {
                        let rel = file.strip_prefix(src.parent().unwrap()).unwrap();
                        edges
                            .entry((module.clone(), target))
                            .or_default()
                            .push(format!("{}:{}", rel.display(), line_no + 1));
                    }
                }
            }
        }
    }
    edges
}

/// A cycle in the graph, as a list of modules, if there is one.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        v: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(k) = path.iter().position(|p| p == v) {
            let mut cycle = path[k..].to_vec();
            cycle.push(v.to_string());
            return Some(cycle);
        }
        if done.contains(v) {
            return None;
        }
        path.push(v.to_string());
        for w in graph.get(v).into_iter().flatten() {
            if let Some(c) = visit(w, graph, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(v.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|v| visit(v, graph, &mut Vec::new(), &mut done))
}

fn layers() -> (Vec<String>, Edges) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let modules = lib_modules(&src);
    let edges = imports(&src, &modules);
    (modules, edges)
}

#[test]
fn the_modules_import_each_other_without_a_cycle() {
    let (modules, edges) = layers();
    assert!(modules.len() >= 10, "lib.rs read wrongly: {modules:?}");
    assert!(
        edges.contains_key(&("notes".into(), "model".into())),
        "the reader found no imports at all: {edges:?}"
    );
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, to) in edges.keys() {
        graph.entry(from.clone()).or_default().insert(to.clone());
    }
    if let Some(cycle) = find_cycle(&graph) {
        let sites: Vec<String> = cycle
            .windows(2)
            .map(|w| {
                format!(
                    "{} -> {}: {:?}",
                    w[0],
                    w[1],
                    edges[&(w[0].clone(), w[1].clone())]
                )
            })
            .collect();
        panic!("import cycle {}\n{}", cycle.join(" -> "), sites.join("\n"));
    }
}

#[test]
fn no_console_and_no_shared_layer_imports_a_console() {
    let (_, edges) = layers();
    let bad: Vec<String> = edges
        .iter()
        .filter(|((from, to), _)| {
            let to_console = CONSOLES.contains(&to.as_str());
            let to_command = COMMANDS.contains(&to.as_str());
            (CONSOLES.contains(&from.as_str()) && to_console)
                || (SHARED.contains(&from.as_str()) && (to_console || to_command))
        })
        .map(|((from, to), sites)| format!("{from} -> {to}: {sites:?}"))
        .collect();
    assert!(
        bad.is_empty(),
        "imports against the layers:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_reader_sees_paths_but_not_comments_strings_or_tests() {
    let code = code_only(
        "use crate::model::Plan;\n// crate::review in a comment\nlet s = \"crate::notes\";\n\
         let c = '{';\n#[cfg(test)]\nmod tests {\n    use crate::display::x;\n    fn f() { }\n}\n\
         fn g() { crate::timer::now() }\n",
    );
    assert!(code.contains("crate::model"));
    assert!(code.contains("crate::timer"));
    assert!(!code.contains("crate::review"));
    assert!(!code.contains("crate::notes"));
    assert!(!code.contains("crate::display"));
}
