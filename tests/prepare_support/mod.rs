//! What the preparation tests share: a temporary sessions folder holding a
//! copy of the bundled sittings, the binary run in it, registration sheets
//! made by the tests themselves (an .xlsx written with rust_xlsxwriter, a
//! Shift_JIS CSV encoded with encoding_rs), and golden files.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

/// A temporary sessions folder with copies of both bundled sittings (the
/// repository's `sessions/` is never touched). The binary is run through
/// `tests/common/cli.rs`, like every CLI test.
pub fn sessions() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    for id in ["jichitai-09", "jichitai-09-b"] {
        let dir = tmp.path().join("sessions").join(id);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::copy(root.join(id).join("session.json"), dir.join("session.json")).unwrap();
    }
    tmp
}

/// Runs `bunkakai --sessions <tmp>/sessions --lang <lang> args…` in `tmp`.
pub fn bunkakai(tmp: &Path, lang: &str, args: &[&str]) -> Output {
    let mut all = vec!["--lang", lang];
    all.extend_from_slice(args);
    crate::common::cli::cmd(&tmp.join("sessions"), &all)
        .current_dir(tmp)
        .env("BUNKAKAI_LOG_DIR", tmp.join("logs"))
        .output()
        .unwrap()
}

/// `bunkakai new jichitai-10 --from jichitai-09 --date 2026-02-17`: next
/// month's sitting made from last month's plan; it must succeed.
pub fn next_sitting(tmp: &Path, lang: &str) {
    let args = ["--from", "jichitai-09", "--date", "2026-02-17"];
    let out = bunkakai(tmp, lang, &[&["new", "jichitai-10"], &args[..]].concat());
    expect_code(&out, 0);
}

/// `bunkakai roster import jichitai-10 ARGS…`.
pub fn import(tmp: &Path, lang: &str, args: &[&str]) -> Output {
    bunkakai(
        tmp,
        lang,
        &[&["roster", "import", "jichitai-10"], args].concat(),
    )
}

/// stdout and stderr as text.
pub fn text(out: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Asserts the command exited with `code`, showing its output otherwise.
pub fn expect_code(out: &Output, code: i32) {
    let (o, e) = text(out);
    assert_eq!(out.status.code(), Some(code), "stdout:\n{o}\nstderr:\n{e}");
}

/// The seed's first roster as registrations: municipality, prefecture,
/// stage (written in the ways people write it), attendee, affiliation,
/// role, e-mail. 南知多町 has no e-mail; 佐野市 sends two people.
pub const SEED_ROWS: [[&str; 7]; 19] = [
    [
        "白鷹町",
        "山形県",
        "①",
        "山田 太郎",
        "総合政策課",
        "主事",
        "yamada@shirataka.example.jp",
    ],
    [
        "佐野市",
        "栃木県",
        "1",
        "佐藤 花子",
        "市民協働課",
        "主査",
        "sato@sano.example.jp",
    ],
    [
        "佐野市",
        "栃木県",
        "１",
        "高木 翔",
        "市民協働課",
        "",
        "takagi@sano.example.jp",
    ],
    [
        "見附市",
        "新潟県",
        "段階1",
        "鈴木 一郎",
        "企画調整課",
        "係長",
        "suzuki@mitsuke.example.jp",
    ],
    [
        "みよし市",
        "愛知県",
        "①",
        "高橋 美咲",
        "企画政策課",
        "",
        "takahashi@miyoshi.example.jp",
    ],
    ["南知多町", "愛知県", "①", "田中 誠", "企画課", "", ""],
    [
        "雲南市",
        "島根県",
        "①",
        "伊藤 由美",
        "政策推進課",
        "",
        "ito@unnan.example.jp",
    ],
    [
        "長崎県",
        "長崎県",
        "①",
        "渡辺 健",
        "こども政策局",
        "",
        "watanabe@nagasaki.example.jp",
    ],
    [
        "函館市",
        "北海道",
        "③",
        "小林 直子",
        "企画部",
        "",
        "kobayashi@hakodate.example.jp",
    ],
    [
        "気仙沼市",
        "宮城県",
        "③",
        "加藤 大輔",
        "震災復興・企画課",
        "",
        "kato@kesennuma.example.jp",
    ],
    [
        "新潟県",
        "新潟県",
        "③",
        "吉田 愛",
        "男女共同参画課",
        "",
        "yoshida@niigata.example.jp",
    ],
    [
        "妙高市",
        "新潟県",
        "3",
        "山本 拓也",
        "企画政策課",
        "",
        "yamamoto@myoko.example.jp",
    ],
    [
        "浜松市",
        "静岡県",
        "③",
        "中村 優子",
        "企画課",
        "",
        "nakamura@hamamatsu.example.jp",
    ],
    [
        "焼津市",
        "静岡県",
        "ステージ③",
        "松本 光",
        "政策企画課",
        "",
        "matsumoto@yaizu.example.jp",
    ],
    [
        "奈良県",
        "奈良県",
        "③",
        "井上 恵",
        "女性活躍推進課",
        "",
        "inoue@nara.example.jp",
    ],
    [
        "和歌山県",
        "和歌山県",
        "③",
        "木村 亮",
        "共生社会推進課",
        "",
        "kimura@wakayama.example.jp",
    ],
    [
        "門真市",
        "大阪府",
        "③",
        "林 真理",
        "企画課",
        "",
        "hayashi@kadoma.example.jp",
    ],
    [
        "福岡県",
        "福岡県",
        "③",
        "清水 翼",
        "男女共同参画推進課",
        "",
        "shimizu@fukuoka.example.jp",
    ],
    [
        "志布志市",
        "鹿児島県",
        "③",
        "森 さくら",
        "企画政策課",
        "",
        "mori@shibushi.example.jp",
    ],
];

/// The header a registration form exports.
pub const HEADER: [&str; 7] = [
    "自治体名",
    "都道府県",
    "取組段階",
    "氏名",
    "所属部署",
    "役職",
    "メールアドレス",
];

/// The rows as a CSV text (header first, CRLF as Excel writes).
pub fn csv_text(header: &[&str], rows: &[Vec<&str>]) -> String {
    let mut out = header.join(",") + "\r\n";
    for r in rows {
        out += &(r.join(",") + "\r\n");
    }
    out
}

/// The seed rows with no group column.
pub fn seed_rows() -> Vec<Vec<&'static str>> {
    SEED_ROWS.iter().map(|r| r.to_vec()).collect()
}

/// Writes the text as Shift_JIS (CP932), as Excel's plain "CSV" does in Japan.
pub fn write_shift_jis(path: &Path, text: &str) {
    let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(text);
    assert!(!unmappable, "the fixture must be encodable in Shift_JIS");
    assert!(std::str::from_utf8(&bytes).is_err(), "really not UTF-8");
    std::fs::write(path, bytes).unwrap();
}

/// Writes an .xlsx whose sheet `sheet` has a title line, a blank line, then
/// the header and rows (as a secretariat's sheet often does).
pub fn write_xlsx(path: &Path, sheet: &str, header: &[&str], rows: &[Vec<&str>]) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(sheet).unwrap();
    ws.write_string(0, 0, "第10回 自治体勉強会 参加申込一覧")
        .unwrap();
    for (c, h) in header.iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if v.is_empty() {
                continue;
            }
            // A stage typed as a number is a number cell in Excel.
            match v.parse::<f64>() {
                Ok(n) => ws.write_number(r as u32 + 3, c as u16, n).unwrap(),
                Err(_) => ws.write_string(r as u32 + 3, c as u16, *v).unwrap(),
            };
        }
    }
    book.save(path).unwrap();
}

/// Compares `actual` with the golden file `tests/golden/prepare/<name>`;
/// `BUNKAKAI_BLESS=1` writes it instead (then read the diff before committing).
pub fn golden(name: &str, actual: &str) {
    let path: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/prepare")
        .join(name);
    if std::env::var_os("BUNKAKAI_BLESS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing; run with BUNKAKAI_BLESS=1", path.display()));
    assert_eq!(actual, want, "differs from {}", path.display());
}
