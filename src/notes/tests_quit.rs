//! Leaving with work not saved where it belongs: the quit question, rescue
//! copies written and brought back, the last saves of [`super::finish`].

use chrono::Duration;
use crossterm::event::{KeyCode, KeyModifiers};

use super::quit::Ask;
use super::tests::{press, save_in, state_b, t0, type_text};
use super::*;

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

/// Two notes recorded while every save fails.
fn two_notes_failing() -> State {
    let mut s = state_b();
    let now = t0();
    for text in ["読み取り専用中のメモ1", "読み取り専用中のメモ2"] {
        type_text(&mut s, text, now);
        for fx in press(&mut s, KeyCode::Enter, NONE, now) {
            if let Effect::SaveNotes { generation, .. } = fx {
                let result = Err("A.json: 書き込み権限がありません".to_string());
                update(&mut s, Action::Saved { generation, result }, now);
            }
        }
        // The retry comes and fails again.
        let later = now + Duration::seconds(3);
        for fx in update(&mut s, Action::Tick, later) {
            if let Effect::SaveNotes { generation, .. } = fx {
                let result = Err("A.json: 書き込み権限がありません".to_string());
                update(&mut s, Action::Saved { generation, result }, later);
            }
        }
    }
    assert_eq!(s.saving.notes.len(), 2);
    s
}

fn screen(s: &State) -> String {
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
    let frame = t.draw(|f| view::draw(f, s, t0())).unwrap();
    crate::tui::buffer_text::text_of(frame.buffer)
}

#[test]
fn ctrl_c_with_failing_saves_asks_and_only_a_deliberate_q_leaves() {
    let mut s = two_notes_failing();
    let now = t0() + Duration::seconds(5);
    let fx = press(&mut s, KeyCode::Char('c'), CTRL, now);
    assert!(
        fx.iter().all(|f| !matches!(f, Effect::Exit { .. })),
        "{fx:?}"
    );
    assert_eq!(s.ask, Some(Ask::Quit));
    let shown = screen(&s);
    assert!(shown.contains("未保存のメモが2件あります"), "{shown}");
    assert!(shown.contains("退避コピー"), "{shown}");
    assert!(shown.contains("保存をすぐ再試行"), "{shown}");
    assert!(
        shown.contains("保存できない分は退避コピーに書く"),
        "{shown}"
    );
    // A second Ctrl+C (or Ctrl+Q), or any text, does not leave.
    for (code, m) in [
        (KeyCode::Char('c'), CTRL),
        (KeyCode::Char('q'), CTRL),
        (KeyCode::Char('あ'), NONE),
    ] {
        let fx = press(&mut s, code, m, now);
        assert!(
            fx.iter().all(|f| !matches!(f, Effect::Exit { .. })),
            "{fx:?}"
        );
    }
    assert!(
        s.editor.is_blank(),
        "keys answer the question, they do not type"
    );
    let fx = press(&mut s, KeyCode::Char('q'), NONE, now);
    assert_eq!(
        fx,
        [Effect::Exit {
            restore_terminal: true
        }]
    );
}

#[test]
fn ctrl_c_leaves_at_once_when_everything_is_saved_or_merely_saving() {
    let mut s = state_b();
    let now = t0();
    type_text(&mut s, "未送信の下書き", now);
    let fx = press(&mut s, KeyCode::Char('c'), CTRL, now);
    assert!(fx.contains(&Effect::Exit {
        restore_terminal: true
    }));
    let mut s = state_b();
    type_text(&mut s, "保存中のメモ", now);
    press(&mut s, KeyCode::Enter, NONE, now);
    assert!(s.saving.in_flight.is_some());
    let fx = press(&mut s, KeyCode::Char('q'), CTRL, now);
    assert!(
        fx.contains(&Effect::Exit {
            restore_terminal: true
        }),
        "a save under way is finished on the way out"
    );
}

#[test]
fn an_unrecorded_summary_is_asked_about() {
    let mut s = state_b();
    let now = t0();
    press(&mut s, KeyCode::F(9), NONE, now);
    type_text(&mut s, "・まとめの一行", now);
    press(&mut s, KeyCode::Char('c'), CTRL, now);
    assert_eq!(s.ask, Some(Ask::Quit));
    let shown = screen(&s);
    assert!(shown.contains("まとめが記録されていません"), "{shown}");
    // The labels say what happens: no save to retry, no rescue copy on exit.
    assert!(
        !shown.contains("再試行") && !shown.contains("もう一度保存"),
        "{shown}"
    );
    assert!(!shown.contains("退避コピーを残します"), "{shown}");
    assert!(shown.contains("r / Enter  閉じて作業に戻る"), "{shown}");
    assert!(shown.contains("下書きに残り"), "{shown}");
    press(&mut s, KeyCode::Esc, NONE, now);
    assert_eq!(s.ask, None);
    assert_eq!(s.mode, Mode::Summary, "back where the note-taker was");
}

#[test]
fn retry_saves_at_once_and_a_success_while_asked_ends_the_console() {
    let mut s = two_notes_failing();
    let now = t0() + Duration::seconds(3) + Duration::milliseconds(500);
    press(&mut s, KeyCode::Char('c'), CTRL, now);
    assert_eq!(s.ask, Some(Ask::Quit));
    let fx = press(&mut s, KeyCode::Char('r'), NONE, now);
    assert_eq!(s.ask, None);
    let generation = save_in(&fx)
        .map(|(_, generation)| generation)
        .expect("retry starts a save without waiting");
    // Asked again, and the save then succeeds: nothing to lose, so leave.
    press(&mut s, KeyCode::Char('c'), CTRL, now);
    let result = Ok(s.doc.clone());
    let fx = update(&mut s, Action::Saved { generation, result }, now);
    assert!(fx.contains(&Effect::Exit {
        restore_terminal: true
    }));
}

#[test]
fn w_writes_a_rescue_copy_of_the_pending_notes() {
    let mut s = two_notes_failing();
    let now = t0() + Duration::seconds(5);
    press(&mut s, KeyCode::Char('c'), CTRL, now);
    let fx = press(&mut s, KeyCode::Char('w'), NONE, now);
    let copy = match &fx[..] {
        [Effect::WriteRescue(copy), ..] => copy.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(
        copy.pending_texts(),
        ["読み取り専用中のメモ1", "読み取り専用中のメモ2"]
    );
    let path = std::path::PathBuf::from("/state/rescue/x.json");
    update(&mut s, Action::RescueWritten(Ok(path.clone())), now);
    assert_eq!(s.ask, Some(Ask::Quit), "still asked: quit or retry");
    assert!(screen(&s).contains("/state/rescue/x.json"));
    // Once the notes reach the file, the copy is no longer needed.
    let generation = s.saving.generation;
    let result = Ok(s.doc.clone());
    let fx = update(&mut s, Action::Saved { generation, result }, now);
    assert!(fx.contains(&Effect::RemoveRescue(path)), "{fx:?}");
}

#[test]
fn rescued_work_is_offered_back_merged_saved_and_its_copy_removed() {
    let failing = two_notes_failing();
    let copy = failing.rescue(t0());
    let mut s = state_b();
    let path = std::path::PathBuf::from("/state/rescue/B.json");
    s.offer_rescued(vec![(path.clone(), copy)]);
    assert_eq!(s.ask, Some(Ask::BringBack));
    assert!(screen(&s).contains("保存できなかったメモ2件"));
    let now = t0() + Duration::seconds(10);
    let fx = press(&mut s, KeyCode::Char('y'), NONE, now);
    assert_eq!(s.ask, None);
    assert_eq!(s.doc.live_notes().count(), 2);
    assert_eq!(s.saving.notes.len(), 2, "brought back as not yet saved");
    let generation = save_in(&fx)
        .map(|(_, generation)| generation)
        .expect("saved at once");
    let result = Ok(s.doc.clone());
    let fx = update(&mut s, Action::Saved { generation, result }, now);
    assert!(fx.contains(&Effect::RemoveRescue(path)));

    // "Not now" keeps the copy and changes nothing.
    let mut s = state_b();
    s.offer_rescued(vec![("/state/rescue/B2.json".into(), failing.rescue(t0()))]);
    let fx = press(&mut s, KeyCode::Char('n'), NONE, now);
    assert!(fx.iter().all(|f| !matches!(f, Effect::RemoveRescue(_))));
    assert_eq!(s.doc.notes.len(), 0);
    assert_eq!(s.ask, None);
}

#[test]
fn a_draft_error_shows_until_a_draft_save_succeeds() {
    let mut s = state_b();
    let now = t0();
    update(
        &mut s,
        Action::DraftSaved(Err("B.json.draft: 書き込みできません".into())),
        now,
    );
    assert!(screen(&s).contains("B.json.draft: 書き込みできません"));
    update(&mut s, Action::DraftSaved(Ok(())), now);
    assert!(!screen(&s).contains("書き込みできません"), "no stale error");
}

#[test]
fn leaving_with_the_disk_failing_writes_a_rescue_copy_and_fails_the_exit() {
    let mut s = two_notes_failing();
    type_text(&mut s, "書きかけ", t0());
    let tmp = tempfile::tempdir().unwrap();
    // A notes folder that is a file: nothing can be written in it, even by root.
    std::fs::write(tmp.path().join("notes"), b"").unwrap();
    let files = run::Files {
        dir: tmp.path().to_path_buf(),
        notes: tmp.path().join("notes/B.json"),
        draft: tmp.path().join("notes/B.json.draft"),
        held: Vec::new(),
    };
    let rescue_dir = tmp.path().join("rescue");
    let report = finish::finish_in(&s, &files, t0(), &rescue_dir);
    assert!(!report.clean());
    assert_eq!(report.code(), std::process::ExitCode::FAILURE);
    assert_eq!(report.pending, 2);
    let Some(Ok(path)) = &report.rescue else {
        panic!("{report:?}")
    };
    assert!(path.starts_with(&rescue_dir));
    let found = crate::store::rescue::find(&rescue_dir, "jichitai-09", "B");
    assert_eq!(found.len(), 1);
    let copy = &found[0].1;
    assert_eq!(copy.pending_texts().len(), 2);
    assert_eq!(copy.draft.as_ref().unwrap().note.text, "書きかけ");
    let said = report.lines(Lang::Ja).join("\n");
    assert!(
        said.contains("メモ2件") && said.contains(&path.display().to_string()),
        "{said}"
    );

    // Nothing to rescue: a clean exit.
    let s = state_b();
    let files = run::Files {
        notes: tmp.path().join("ok/B.json"),
        draft: tmp.path().join("ok/B.json.draft"),
        ..files
    };
    std::fs::create_dir_all(tmp.path().join("ok")).unwrap();
    let report = finish::finish_in(&s, &files, t0(), &rescue_dir);
    assert!(report.clean() && report.rescue.is_none(), "{report:?}");
}
