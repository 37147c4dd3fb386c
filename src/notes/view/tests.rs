//! Screen tests: the note-taker's screen drawn into a `TestBackend` with
//! Japanese notes (ja and en, 100×30 and 80×24), the caret cell under
//! full-width text and horizontal scroll, tiny terminals, inert text.

use chrono::{DateTime, Duration, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Position;

use super::draw;
use crate::i18n::Lang;
use crate::model::notes::{GroupNotes, Presence};
use crate::model::run::RunState;
use crate::notes::{Action, Mode, State, update};
use crate::tui::buffer_text::text_of as lines;

pub(super) fn t0() -> DateTime<Utc> {
    "2026-01-20T05:10:00Z".parse().unwrap()
}

use crate::model::test_sitting::plan;

pub(super) fn fresh(lang: Lang) -> State {
    let plan = plan();
    let group = plan.group("B").unwrap().clone();
    State::new(
        lang,
        &plan,
        &group,
        GroupNotes::new("jichitai-09", "B"),
        "t".into(),
    )
}

/// Presses a key; every save it starts lands on (an imaginary) disk unless
/// the console is `offline`.
pub(super) fn key(s: &mut State, code: KeyCode, m: KeyModifiers, now: DateTime<Utc>) {
    let fx = update(s, Action::Key(KeyEvent::new(code, m)), now);
    if s.id_prefix == "offline" {
        return;
    }
    for f in fx {
        if let crate::notes::Effect::SaveNotes { doc, generation } = f {
            let result = Ok(*doc);
            update(s, Action::Saved { generation, result }, now);
        }
    }
}

pub(super) fn type_text(s: &mut State, text: &str, now: DateTime<Utc>) {
    for c in text.chars() {
        key(s, KeyCode::Char(c), KeyModifiers::NONE, now);
    }
}

/// A group B sitting twelve minutes into the exchange: attendance marked,
/// three speakers timed, five notes (one still saving), a question covered.
pub(super) fn busy(lang: Lang) -> (State, DateTime<Utc>) {
    let mut s = fresh(lang);
    let plan = s.plan.clone();
    let mut run = RunState::new(&plan);
    let start = t0();
    crate::timer::start(&mut run, s.stamp(start));
    crate::timer::next_block(&plan, &mut run, s.stamp(start + Duration::minutes(5)));
    crate::timer::start(&mut run, s.stamp(start + Duration::minutes(5)));
    update(&mut s, Action::RunChanged(Some(Box::new(run))), start);
    let t = |m: i64| start + Duration::minutes(5 + m);
    s.mode = Mode::Roster;
    for (i, p) in [Presence::Present, Presence::Present, Presence::Late]
        .iter()
        .enumerate()
    {
        s.roster_sel = i;
        while s.doc.presence(&s.members[i].clone()) != Some(*p) {
            key(&mut s, KeyCode::Char(' '), KeyModifiers::NONE, t(0));
        }
    }
    s.mode = Mode::Write;
    key(&mut s, KeyCode::F(4), KeyModifiers::NONE, t(0));
    let notes = [
        (
            1,
            "1",
            1,
            "若手職員向けセミナーは商工会議所経由で周知。参加企業は12社。",
        ),
        (
            1,
            "2",
            3,
            "セミナー後アンケートはQRコードで回収、回収率8割。",
        ),
        (4, "3", 1, "気仙沼市の課題：経営者層の参加が少ない。"),
        (
            7,
            "4",
            2,
            "ワークショップは平日夕方に設定すると従業員が参加しやすい。",
        ),
        (10, "3", 4, "来年度、県と合同で企業向け研修を検討したい。"),
    ];
    for (min, speaker_no, kind_steps, text) in notes {
        if min == 4 {
            key(&mut s, KeyCode::F(5), KeyModifiers::NONE, t(min));
            key(&mut s, KeyCode::F(4), KeyModifiers::NONE, t(min));
        }
        if speaker_no != "4" {
            key(&mut s, KeyCode::F(6), KeyModifiers::NONE, t(min));
        }
        let no = speaker_no.chars().next().unwrap();
        key(&mut s, KeyCode::Char(no), KeyModifiers::ALT, t(min));
        while crate::model::notes::NoteKind::ALL
            .iter()
            .position(|k| *k == s.editor.kind)
            != Some(kind_steps - 1)
        {
            key(&mut s, KeyCode::F(3), KeyModifiers::NONE, t(min));
        }
        if min == 10 {
            // The last save has not landed yet.
            s.id_prefix = "offline".into();
        }
        type_text(&mut s, text, t(min));
        key(&mut s, KeyCode::Enter, KeyModifiers::NONE, t(min));
    }
    type_text(&mut s, "気仙沼市の課題", t(12));
    (s, t(12))
}

pub(super) fn render(s: &State, w: u16, h: u16, now: DateTime<Utc>) -> (Buffer, Option<Position>) {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let frame = terminal.draw(|f| draw(f, s, now)).unwrap();
    let buffer = frame.buffer.clone();
    (buffer, terminal.get_cursor_position().ok())
}

#[test]
fn screen_100x30_ja() {
    let (s, now) = busy(Lang::Ja);
    insta::assert_snapshot!(lines(&render(&s, 100, 30, now).0));
}

#[test]
fn screen_80x24_ja() {
    let (s, now) = busy(Lang::Ja);
    insta::assert_snapshot!(lines(&render(&s, 80, 24, now).0));
}

#[test]
fn screen_100x30_en() {
    let (s, now) = busy(Lang::En);
    insta::assert_snapshot!(lines(&render(&s, 100, 30, now).0));
}

#[test]
fn screen_80x24_en() {
    let (s, now) = busy(Lang::En);
    insta::assert_snapshot!(lines(&render(&s, 80, 24, now).0));
}

#[test]
fn fresh_console_without_run_says_timer_not_started() {
    let s = fresh(Lang::Ja);
    let text = lines(&render(&s, 80, 24, t0()).0);
    assert!(text.contains("タイマー未開始"), "{text}");
    assert!(text.contains("まだメモはありません"), "{text}");
}

/// The cell where the caret is drawn: the cell right after the last typed
/// character, found from the buffer itself (not from the code under test).
fn cell_after_text(buf: &Buffer, text: &str) -> Position {
    for (y, row) in lines(buf).lines().enumerate() {
        if let Some(i) = row.find(text) {
            let x = unicode_width::UnicodeWidthStr::width(&row[..i + text.len()]);
            return Position::new(x as u16, y as u16);
        }
    }
    panic!("{text} not on screen");
}

#[test]
fn cursor_sits_at_the_caret_after_typing_kesennuma() {
    let mut s = fresh(Lang::Ja);
    type_text(&mut s, "気仙沼市の課題", t0());
    let (buf, cursor) = render(&s, 80, 24, t0());
    let expected = cell_after_text(&buf, "気仙沼市の課題");
    assert_eq!(cursor, Some(expected));
    // 7 full-width characters take 14 cells from the text's first column.
    assert_eq!(buf[(expected.x - 14, expected.y)].symbol(), "気");
    assert_eq!(buf[(expected.x - 2, expected.y)].symbol(), "題");
    // Moving the caret back two characters moves the cursor four cells.
    key(&mut s, KeyCode::Left, KeyModifiers::NONE, t0());
    key(&mut s, KeyCode::Left, KeyModifiers::NONE, t0());
    let (_, cursor) = render(&s, 80, 24, t0());
    assert_eq!(cursor, Some(Position::new(expected.x - 4, expected.y)));
}

#[test]
fn tiny_terminals_get_a_message_not_a_panic() {
    let (s, now) = busy(Lang::Ja);
    for (w, h) in [(59, 24), (80, 15), (1, 1), (0, 0), (60, 16)] {
        let text = lines(&render(&s, w, h, now).0);
        if w < 60 || h < 16 {
            assert!(
                w < 20 || h < 2 || text.contains("小さすぎ"),
                "{w}x{h}: {text}"
            );
        } else {
            assert!(text.contains("グループ B"), "{w}x{h}: {text}");
            // The time is never what gets cut from the header.
            assert!(
                text.lines().next().unwrap().ends_with("残り 33:00"),
                "{text}"
            );
        }
    }
}

#[test]
fn escape_sequences_in_the_file_are_shown_inert() {
    let (mut s, now) = busy(Lang::Ja);
    s.doc.notes[0].text = "危険\x1b[2J\x1b]52;c;eA==\x07\u{9b}31m文字".into();
    s.doc.notes[0].speaker = Some("函館\x1b[31m市".into());
    let buf = render(&s, 100, 30, now).0;
    for cell in buf.content() {
        assert!(!cell.symbol().chars().any(char::is_control), "{cell:?}");
    }
    // The same treatment as review's: visible, harmless.
    let text = lines(&buf);
    assert!(
        text.contains("危険^[[2J^[]52;c;eA==^G<U+009B>31m文字"),
        "{text}"
    );
    assert!(text.contains("函館^[[31m市"), "{text}");
}

#[test]
fn the_raised_flag_shows_in_the_header_and_when_the_facilitator_saw_it() {
    let mut s = fresh(Lang::Ja);
    key(&mut s, KeyCode::F(10), KeyModifiers::NONE, t0());
    let text = lines(&render(&s, 100, 30, t0()).0);
    assert!(text.contains("合図: 助けが必要"), "{text}");
    assert!(!text.contains("確認済み"), "{text}");
    let at = s.doc.flag.as_ref().unwrap().at;
    let mut run = crate::model::run::RunState::new(&s.plan.clone());
    run.acks.push(crate::model::run::FlagAck {
        group: s.group.id.clone(),
        raised: at,
        at,
    });
    s.run = Some(run);
    let text = lines(&render(&s, 100, 30, t0()).0);
    assert!(
        text.contains("合図: 助けが必要（進行役が確認済み）"),
        "{text}"
    );
}
