//! Plan fixtures side by side: every valid plan reads, every invalid one
//! produces exactly the messages in its `.expected` file (English), so a
//! change in wording or position is a visible, reviewed change.

use std::fs;
use std::path::{Path, PathBuf};

use bunkakai::check::problem_lines;
use bunkakai::i18n::Lang;
use bunkakai::model::read_plan;

fn fixtures(kind: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(kind);
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

fn lines_for(path: &Path) -> Vec<String> {
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let check = read_plan(&fs::read(path).unwrap(), "fixture");
    problem_lines(&name, &check, Lang::En)
}

fn expected(path: &Path) -> Vec<String> {
    let text = fs::read_to_string(path.with_extension("expected"))
        .unwrap_or_else(|_| panic!("{} has no .expected file", path.display()));
    text.lines().map(str::to_string).collect()
}

#[test]
fn every_invalid_fixture_gives_its_expected_messages() {
    let files = fixtures("invalid");
    assert!(files.len() >= 15, "fixtures went missing: {}", files.len());
    for path in files {
        let check = read_plan(&fs::read(&path).unwrap(), "fixture");
        assert!(check.plan.is_none(), "{} should be refused", path.display());
        assert_eq!(lines_for(&path), expected(&path), "{}", path.display());
    }
}

#[test]
fn every_valid_fixture_reads_with_only_its_expected_warnings() {
    for path in fixtures("valid") {
        let check = read_plan(&fs::read(&path).unwrap(), "fixture");
        assert!(
            check.plan.is_some(),
            "{}: {:?}",
            path.display(),
            lines_for(&path)
        );
        let want = if path.with_extension("expected").exists() {
            expected(&path)
        } else {
            vec![]
        };
        assert_eq!(lines_for(&path), want, "{}", path.display());
    }
}

#[test]
fn bundled_sittings_are_valid_and_complete() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    let read = |id: &str| {
        let check = read_plan(&fs::read(root.join(id).join("session.json")).unwrap(), id);
        assert_eq!(check.problems, vec![], "{id}");
        check.plan.unwrap()
    };
    let first = read("jichitai-09");
    let sizes: Vec<(String, usize)> = first
        .groups
        .iter()
        .map(|g| (g.id.clone(), g.members.len()))
        .collect();
    assert_eq!(sizes, [("A".into(), 7), ("B".into(), 6), ("C".into(), 5)]);
    assert_eq!(first.group("A").unwrap().themes, ["1"]);
    assert_eq!(first.group("B").unwrap().themes, ["2", "3"]);
    assert_eq!(first.agenda[0].minutes, 5);
    assert_eq!(first.agenda[1].minutes, 45);
    assert!(first.agenda[1].breakout);
    assert_eq!(first.themes.len(), 3);
    assert!(
        first
            .references
            .iter()
            .any(|r| r.body.contains("業務改善助成金"))
    );

    let second = read("jichitai-09-b");
    let ids: Vec<&str> = second.groups.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(ids, ["A", "B", "C", "D"]);
    assert!(second.groups.iter().all(|g| g.themes == ["1", "2", "3"]));
    // Both sittings share the themes so notes stay comparable across them.
    assert_eq!(first.themes, second.themes);

    // Every ◆ and ※ line of the seed is on a card.
    let seed =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds/000_560b47f5d5a0c663.txt");
    if let Ok(seed) = fs::read_to_string(seed) {
        let cards: String = first
            .themes
            .iter()
            .flat_map(|t| t.all_questions())
            .map(|q| format!("{}\n{}\n", q.text, q.points.join("\n")))
            .collect();
        for line in seed.lines().filter_map(|l| l.trim().strip_prefix("- ◆")) {
            assert!(cards.contains(line.trim()), "missing ◆ {line}");
        }
    }
}

#[test]
fn the_documented_example_is_a_valid_plan() {
    let doc =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/formats.md")).unwrap();
    let start = doc
        .find("### Complete example\n\n```json\n")
        .expect("example heading")
        + 29;
    let len = doc[start..].find("```").unwrap();
    let check = read_plan(&doc.as_bytes()[start..start + len], "example");
    assert_eq!(check.problems, vec![]);
    assert_eq!(check.plan.unwrap().agenda.len(), 3);
}

#[test]
fn stages_follows_and_member_details_are_read() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/stages_and_follows.json");
    let plan = read_plan(&fs::read(path).unwrap(), "jichitai-10")
        .plan
        .unwrap();
    assert_eq!(plan.follows.as_deref(), Some("jichitai-09"));
    assert_eq!(plan.themes[0].stages, ["①"]);
    assert_eq!(plan.themes[1].stages, ["③", "段階４"]);
    let m = &plan.groups[0].members[0];
    assert_eq!(m.prefecture.as_deref(), Some("山形県"));
    assert_eq!(m.stage.as_deref(), Some("段階１"));
    assert_eq!(m.email.as_deref(), Some("shirataka@example.jp"));
    assert_eq!(m.reading.as_deref(), Some("しらたかまち"));
    assert_eq!(m.role.as_deref(), Some("主事"));
    // A member at 「3」 matches the theme written 「③」: no warning for 函館市.
    let check = read_plan(
        &fs::read(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/valid/stages_and_follows.json"),
        )
        .unwrap(),
        "jichitai-10",
    );
    assert_eq!(check.warnings().count(), 1);
}

#[test]
fn bundled_themes_say_which_stage_they_are_for() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/jichitai-09/session.json");
    let plan = read_plan(&fs::read(root).unwrap(), "jichitai-09")
        .plan
        .unwrap();
    let stages: Vec<&[String]> = plan.themes.iter().map(|t| t.stages.as_slice()).collect();
    assert_eq!(
        stages,
        [
            &["①".to_string()][..],
            &["③".to_string()],
            &["③".to_string()]
        ]
    );
    assert_eq!(plan.follows, None);
}
