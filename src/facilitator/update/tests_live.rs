//! The facilitator's part in following the other consoles, driven by
//! actions with an injected `now`: the card put on the shared display and
//! the note-takers' flags acknowledged.

use std::path::PathBuf;

use super::*;
use crate::facilitator::GroupDigest;
use crate::i18n::Lang;

use super::tests_trust::{at, cmd, saves, state};

#[test]
fn d_puts_the_selected_groups_cards_on_the_display_in_turn_then_takes_them_down() {
    let mut s = state();
    s.selected = 2; // group C, themes 2 and 3
    let fx = cmd(&mut s, Command::ShowCard, 0);
    assert_eq!(s.run.shown_theme.as_deref(), Some("2"));
    assert_eq!(saves(&fx), 1);
    cmd(&mut s, Command::ShowCard, 1);
    assert_eq!(s.run.shown_theme.as_deref(), Some("3"));
    let fx = cmd(&mut s, Command::ShowCard, 2);
    assert_eq!((s.run.shown_theme.clone(), saves(&fx)), (None, 1));
    // Another group's card replaces the one shown.
    cmd(&mut s, Command::ShowCard, 3);
    s.selected = 0;
    cmd(&mut s, Command::ShowCard, 4);
    assert_eq!(s.run.shown_theme.as_deref(), Some("1"));
    s.read_only = true;
    let fx = cmd(&mut s, Command::ShowCard, 5);
    assert_eq!((s.run.shown_theme.as_deref(), saves(&fx)), (Some("1"), 0));
}

#[test]
fn a_raised_flag_is_acknowledged_once_in_run_json() {
    use crate::model::notes::FlagKind;
    let mut s = state();
    s.selected = 2; // group C
    let fx = cmd(&mut s, Command::AckFlag, 0);
    assert_eq!(
        (saves(&fx), s.run.acks.len()),
        (0, 0),
        "no flag, nothing to ack"
    );
    let digest = GroupDigest {
        flag: Some((FlagKind::Help, at(30))),
        ..GroupDigest::default()
    };
    update(
        &mut s,
        Action::NotesLoaded(vec![("C".into(), Ok(digest))]),
        at(31),
    );
    let fx = cmd(&mut s, Command::AckFlag, 40);
    assert_eq!(saves(&fx), 1);
    assert!(s.run.acknowledged("C", at(30)));
    let fx = cmd(&mut s, Command::AckFlag, 41);
    assert_eq!(saves(&fx), 0, "already acknowledged");
}

/// `t` refused in a block that is no report round: the notice goes once the
/// block changes, instead of standing over the report round for 8 s.
#[test]
fn a_refused_key_notice_clears_when_the_block_changes() {
    let mut s = state();
    cmd(&mut s, Command::NextBlock, 0);
    cmd(&mut s, Command::NextTurn, 1);
    assert_eq!(s.notice.as_ref().unwrap().text, "報告の時間ではありません");
    // Still the same block: the refusal stays.
    cmd(&mut s, Command::StartPause, 2);
    assert!(s.notice.is_some());
    cmd(&mut s, Command::NextBlock, 3);
    assert_eq!(s.notice, None);
    cmd(&mut s, Command::NextBlock, 3);
    cmd(&mut s, Command::StartPause, 4);
    assert_eq!(s.notice, None);
    // After the end, `+` is refused until `b` goes back.
    cmd(&mut s, Command::NextBlock, 5);
    cmd(&mut s, Command::Extend1, 5);
    assert_eq!(
        s.notice.as_ref().unwrap().text,
        "全ブロック終了しています（b で戻れます）"
    );
    cmd(&mut s, Command::PreviousBlock, 6);
    assert_eq!(s.notice, None);
}

fn put_up_message(s: &mut State) {
    cmd(s, Command::RoomMessage, 0);
    for c in "休憩中".chars() {
        cmd(s, Command::Type(c), 0);
    }
    cmd(s, Command::Confirm, 0);
    assert_eq!(s.run.room_message.as_deref(), Some("休憩中"));
}

#[test]
fn w_then_enter_takes_the_message_up_down() {
    let mut s = state();
    put_up_message(&mut s);
    cmd(&mut s, Command::RoomMessage, 10);
    let fx = cmd(&mut s, Command::Confirm, 11);
    assert_eq!(s.run.room_message, None, "w Enter takes it down");
    assert_eq!(saves(&fx), 1);
    let said = s
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(said.contains("消しました"), "{said}");
}

#[test]
fn d_over_a_message_puts_the_card_up_and_the_message_down() {
    let mut s = state();
    put_up_message(&mut s);
    let fx = cmd(&mut s, Command::ShowCard, 10);
    assert_eq!(saves(&fx), 1);
    assert!(s.run.shown_theme.is_some());
    // The display shows a message before any card: the two must agree.
    assert_eq!(s.run.room_message, None, "the card is what the room sees");
    let said = s
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(said.starts_with("会場メッセージを下ろして"), "{said}");
}

#[test]
fn the_help_says_what_n_and_b_do() {
    let n = crate::facilitator::keys::help_text(Command::NextBlock, Lang::Ja);
    let b = crate::facilitator::keys::help_text(Command::PreviousBlock, Lang::Ja);
    // `n` does not end a block for good: `b` brings it back as it stood.
    assert!(!n.contains("終了"), "{n}");
    assert!(n.contains("b で戻れる"), "{n}");
    assert!(b.contains("止めた所から"), "{b}");
    let en = crate::facilitator::keys::help_text(Command::NextBlock, Lang::En);
    assert!(!en.contains("finish") && en.contains("b goes back"), "{en}");
}

#[test]
fn scrolls_are_clamped_with_the_views_own_limits_after_a_resize() {
    let mut s = state();
    s.size = (60, 16);
    cmd(&mut s, Command::Help, 0);
    for _ in 0..60 {
        cmd(&mut s, Command::Down, 0);
    }
    let narrow = crate::facilitator::view::help_max_scroll(&s);
    assert!(narrow > 0 && s.help_scroll == narrow, "{narrow}");
    // A taller terminal shows more: the scroll comes back with it, so the
    // first Up moves the help at once.
    update(&mut s, Action::Resize(100, 40), at(1));
    assert_eq!(s.help_scroll, crate::facilitator::view::help_max_scroll(&s));
    cmd(&mut s, Command::Close, 1);
    s.size = (80, 24);
    for _ in 0..40 {
        cmd(&mut s, Command::ScrollDown, 2);
    }
    let max = crate::facilitator::view::card_max_scroll(&s);
    assert!(max > 0 && s.card_scroll == max, "{max}");
    let page = crate::facilitator::view::card_page(&s);
    cmd(&mut s, Command::ScrollUp, 3);
    assert_eq!(s.card_scroll, max.saturating_sub(page));
}

#[test]
fn a_mark_in_the_previous_sittings_notes_reads_the_previous_sitting_again() {
    let mut s = state();
    s.previous_dir = Some(PathBuf::from("/s/jichitai-09"));
    let fx = update(
        &mut s,
        Action::FilesChanged(vec![
            // A note-taker's mark: a line in the previous sitting's journal.
            PathBuf::from("/s/jichitai-09/notes/A.journal"),
            PathBuf::from("/s/jichitai-09/notes/A.json"),
            PathBuf::from("/s/jichitai-09/run.json"),
        ]),
        at(0),
    );
    // Read again once, and not taken for this sitting's group A.
    assert_eq!(fx, vec![Effect::LoadPrevious]);
    let fx = update(
        &mut s,
        Action::FilesChanged(vec![PathBuf::from("/s/jichitai-09/run.json")]),
        at(1),
    );
    assert!(fx.is_empty(), "{fx:?}");
    let fx = update(
        &mut s,
        Action::FilesChanged(vec![PathBuf::from("/s/jichitai-10/notes/A.journal")]),
        at(2),
    );
    assert_eq!(fx, vec![Effect::LoadNotes(vec!["A".into()])]);
}
