//! Review benchmark: `cargo bench --bench review`.
//!
//! Generates a synthetic archive at run time in a temporary folder (never
//! committed): 2,000 sittings × 5 groups × 10 Japanese notes = 100,000
//! notes, with plans and run.json. Then measures, in this process:
//! loading the archive, review start to first frame (80×24), the median of
//! each search, peak RSS; and, for comparison, `rg -c` (or `grep -c`) over
//! the same notes files. Figures go to stdout for BENCHMARKS.md.

use std::path::Path;
use std::time::{Duration, Instant};

use bunkakai::i18n::Lang;
use bunkakai::review::screen::{Action, Loaded, ReviewView, State, search_box, update};
use bunkakai::review::{Archive, NoteIndex};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SITTINGS: usize = 2_000;
const GROUPS: [&str; 5] = ["A", "B", "C", "D", "E"];
const NOTES: usize = 10;

const SPEAKERS: [&str; 10] = [
    "白鷹町",
    "佐野市",
    "見附市",
    "みよし市",
    "函館市",
    "気仙沼市",
    "浜松市",
    "奈良県",
    "門真市",
    "福岡県",
];
const OPENINGS: [&str; 8] = [
    "庁内の体制構築では",
    "ＫＰＩの設定にあたって",
    "経済団体との連携について",
    "ワークショップの集客は",
    "若者や女性の声の聴取で",
    "セミナー後のアンケートでは",
    "トップのコミットメントにより",
    "部署間の連携が弱く",
];
const MIDDLES: [&str; 8] = [
    "商工会議所と共催にして",
    "数値目標を毎年度検証し",
    "地元FMとメルマガで告知して",
    "心理的安全性を確保するため",
    "大学生にも参加してもらい",
    "職員の意識が変わり",
    "交付金を活用して",
    "企業への横展開を考え",
];
const ENDINGS: [&str; 6] = [
    "効果があった。",
    "課題が残っている。",
    "次年度も続ける予定。",
    "他自治体の事例を知りたい。",
    "参加者が増えた。",
    "政策への反映を検討している。",
];
const KINDS: [&str; 6] = ["issue", "practice", "opinion", "request", "action", "other"];

fn generate(dir: &Path) {
    let plan_template = |i: usize, date: &str| {
        serde_json::json!({
            "format": "bunkakai.session/1",
            "title": format!("第{}回 自治体勉強会", i + 1),
            "date": date, "start": "14:00", "timezone": "Asia/Tokyo",
            "agenda": [
                {"id": "briefing", "title": "事務局からの情報提供", "minutes": 5},
                {"id": "exchange", "title": "自治体間の意見交換", "minutes": 45, "breakout": true}
            ],
            "themes": [
                {"id": "1", "title": "庁内の体制構築、目標設定について",
                 "questions": ["取組の立ち上げや開始に課題を感じている主な要因は何か。", "KPIや数値目標を設定しているか"]},
                {"id": "2", "title": "セミナー等のイベントの開催による企業の意識啓発について",
                 "questions": ["効果的な集客方法", "行動変容を促すには"]}
            ],
            "groups": GROUPS.iter().enumerate().map(|(g, id)| serde_json::json!({
                "id": id, "themes": [if g % 2 == 0 { "1" } else { "2" }],
                "members": SPEAKERS.iter().skip(g).take(4).collect::<Vec<_>>()
            })).collect::<Vec<_>>()
        })
    };
    for i in 0..SITTINGS {
        let day =
            chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Days::new(i as u64);
        let date = day.to_string();
        let s = dir.join(format!("s{i:04}"));
        std::fs::create_dir_all(s.join("notes")).unwrap();
        let plan = plan_template(i, &date);
        std::fs::write(
            s.join("session.json"),
            serde_json::to_vec_pretty(&plan).unwrap(),
        )
        .unwrap();
        let run = serde_json::json!({
            "format": "bunkakai.run/1", "session": format!("s{i:04}"),
            "history": [
                {"block": "briefing", "started": format!("{date}T14:00:00+09:00"), "ended": format!("{date}T14:06:00+09:00"),
                 "planned_minutes": 5, "actual_seconds": 300 + (i % 120) as i64},
                {"block": "exchange", "started": format!("{date}T14:06:00+09:00"), "ended": format!("{date}T14:52:00+09:00"),
                 "planned_minutes": 45, "actual_seconds": 2600 + (i % 300) as i64}
            ]
        });
        std::fs::write(s.join("run.json"), serde_json::to_vec_pretty(&run).unwrap()).unwrap();
        for (g, group) in GROUPS.iter().enumerate() {
            let notes: Vec<_> = (0..NOTES)
                .map(|n| {
                    let k = i * 50 + g * 10 + n;
                    let at = format!("{date}T14:{:02}:00+09:00", 10 + n * 3);
                    serde_json::json!({
                        "id": format!("n{i}-{g}-{n}"), "created": at, "updated": at,
                        "theme": if g % 2 == 0 { "1" } else { "2" }, "question": format!("q{}", 1 + n % 2),
                        "speaker": SPEAKERS[(g + n) % SPEAKERS.len()], "kind": KINDS[k % KINDS.len()],
                        "text": format!("{}{}{}（{}）", OPENINGS[k % 8], MIDDLES[(k / 8) % 8], ENDINGS[(k / 64) % 6], k),
                    })
                })
                .collect();
            let doc = serde_json::json!({
                "format": "bunkakai.notes/1", "session": format!("s{i:04}"), "group": group,
                "notes": notes, "summary": {"text": "まとめ", "updated": format!("{date}T14:50:00+09:00")}
            });
            std::fs::write(
                s.join("notes").join(format!("{group}.json")),
                serde_json::to_vec_pretty(&doc).unwrap(),
            )
            .unwrap();
        }
    }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}

fn main() {
    let tmp = tempfile::tempdir().unwrap();
    // BENCH_ARCHIVE=DIR measures an archive made beforehand (the 100,000-
    // note benchmark archive of `scripts/gen_archive.py`) instead.
    let given = std::env::var_os("BENCH_ARCHIVE").map(std::path::PathBuf::from);
    let dir = given.as_deref().unwrap_or(tmp.path());
    if given.is_none() {
        let t = Instant::now();
        generate(dir);
        println!(
            "generated {SITTINGS} sittings x {} groups x {NOTES} notes in {:?}",
            GROUPS.len(),
            t.elapsed()
        );
    }
    let bytes: u64 = walk_size(dir);
    println!("archive size on disk: {:.1} MB", bytes as f64 / 1e6);

    // The first frame as the review draws it: the list from the outline
    // (plans, run files, note counts from the search cache when it has
    // them), before the notes files are read.
    let start = Instant::now();
    let outline = Loaded::outline(dir);
    let (mut first, _) = State::new(Lang::Ja, (80, 24));
    update(&mut first, Action::Loaded(Box::new(outline)));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|f| f.render_widget(&ReviewView(&first), f.area()))
        .unwrap();
    println!(
        "first frame from the outline (what the review shows first): {:?}",
        start.elapsed()
    );

    // Review start to the whole archive on screen: read, parse, index, draw.
    let start = Instant::now();
    let archive = Archive::load(dir);
    let loaded_at = start.elapsed();
    let loaded = Loaded::new(archive);
    let indexed_at = start.elapsed();
    let (mut state, _) = State::new(Lang::Ja, (80, 24));
    update(&mut state, Action::Loaded(Box::new(loaded)));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|f| f.render_widget(&ReviewView(&state), f.area()))
        .unwrap();
    let first_frame = start.elapsed();
    let rss_after_first_frame = peak_rss_mb();
    let data = state.data.clone().unwrap();
    let data = &data;
    println!("notes indexed: {}", data.index.len());
    println!(
        "load (read + parse): {loaded_at:?}; + index and themes: {indexed_at:?}; first frame: {first_frame:?}"
    );

    let queries = [
        "KPI",
        "ｋｐｉ",
        "経済団体 連携",
        "わーくしょっぷ",
        "効果があった k:工夫",
        "存在しない語",
        "g:C s:気仙沼 集客",
    ];
    for q in queries {
        let query = search_box::parse(q, Lang::Ja).unwrap();
        let mut times = Vec::new();
        let mut hits = 0;
        for _ in 0..21 {
            let t = Instant::now();
            hits = NoteIndex::search(&data.index, &data.archive, &query).len();
            times.push(t.elapsed());
        }
        println!("search {q:<24} hits {hits:>6}  median {:?}", median(times));
    }
    // Whole-screen search as you type: the update that runs per key.
    let mut times = Vec::new();
    update(
        &mut state,
        Action::Command(bunkakai::review::screen::keys::Command::Search),
    );
    // Each word typed a character at a time, then erased: every keystroke
    // is one update (the search) and one frame.
    for word in ["連携", "ドローン配送", "量子暗号", "KPI"] {
        let mut keys = Vec::new();
        for c in word.chars() {
            let t = Instant::now();
            update(&mut state, Action::Type(c));
            let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
            terminal
                .draw(|f| f.render_widget(&ReviewView(&state), f.area()))
                .unwrap();
            keys.push(t.elapsed());
        }
        let hits = state.search.hits.len();
        for _ in word.chars() {
            let t = Instant::now();
            update(&mut state, Action::Backspace);
            let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
            terminal
                .draw(|f| f.render_widget(&ReviewView(&state), f.area()))
                .unwrap();
            keys.push(t.elapsed());
        }
        let worst = keys.iter().max().copied().unwrap_or_default();
        println!(
            "typing and erasing {word} ({hits} hits): per key median {:?}, slowest {worst:?}",
            median(keys)
        );
    }
    for _ in 0..11 {
        let t = Instant::now();
        update(&mut state, Action::Type('連'));
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        terminal
            .draw(|f| f.render_widget(&ReviewView(&state), f.area()))
            .unwrap();
        times.push(t.elapsed());
        update(&mut state, Action::Backspace);
    }
    println!(
        "one key typed in the search box, search + frame: median {:?}",
        median(times)
    );
    println!(
        "peak RSS (VmHWM) after the first frame: {rss_after_first_frame:.0} MB (includes the generator)"
    );
    if let Some(keep) = std::env::var_os("BENCH_KEEP").filter(|_| given.is_none()) {
        let _ = std::fs::remove_dir_all(&keep);
        std::fs::rename(dir, &keep).unwrap();
        println!("archive kept in {}", Path::new(&keep).display());
        return;
    }

    let tool = if Path::new("/usr/bin/rg").exists() || which("rg") {
        "rg"
    } else {
        "grep"
    };
    for q in ["経済団体", "KPI"] {
        let mut times = Vec::new();
        let mut out = String::new();
        for _ in 0..5 {
            let t = Instant::now();
            let o = match tool {
                "rg" => std::process::Command::new("rg")
                    .args(["-c", q])
                    .arg(dir)
                    .output()
                    .unwrap(),
                _ => std::process::Command::new("grep")
                    .args(["-rc", q])
                    .arg(dir)
                    .output()
                    .unwrap(),
            };
            times.push(t.elapsed());
            out = String::from_utf8_lossy(&o.stdout)
                .lines()
                .map(|l| {
                    l.rsplit(':')
                        .next()
                        .unwrap_or("0")
                        .parse::<u64>()
                        .unwrap_or(0)
                })
                .sum::<u64>()
                .to_string();
        }
        println!(
            "{tool} -c {q}: {out} matching lines, median {:?} (reads the files every time)",
            median(times)
        );
    }
}

fn which(cmd: &str) -> bool {
    std::process::Command::new("sh")
        .args(["-c", &format!("command -v {cmd}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

fn walk_size(dir: &Path) -> u64 {
    let mut total = 0;
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        total += if p.is_dir() {
            walk_size(&p)
        } else {
            e.metadata().map_or(0, |m| m.len())
        };
    }
    total
}
