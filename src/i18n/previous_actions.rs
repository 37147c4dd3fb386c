//! Words of 「前回のアクション」 on the note-taker's console and the
//! facilitator's card.

use super::Lang;
use crate::model::actions::ActionState;

crate::labels! {
    /// Labels of the previous sitting's actions.
    pub(crate) enum PrevText {
        /// Title of the list and of the card's section.
        Title => "前回のアクション", "Previous actions";
        /// The card's section of actions whose owner is on no roster today.
        Unclaimed => "担当が名簿にない前回のアクション", "Previous actions owned by no one here";
        /// Card border: how many of those are still open.
        UnclaimedCount => "名簿外", "unlisted ";
        /// Badge: how many are still open.
        OpenCount => "未完了", "open";
        /// No previous sitting was found.
        NoPrevious => "前回の回が見つかりません（session.json の follows、または日付で探します）。", "No previous sitting found (named by follows in session.json, else by date).";
        /// Still looking.
        Looking => "前回の回を読んでいます…", "Reading the previous sitting…";
        /// Nothing for this group.
        NoneForGroup => "このグループのメンバーが担当するアクションはありません。", "No action owned by this group's members.";
        /// A status was taken back.
        Undone => "状況の変更を取り消しました", "Status change taken back";
    }
}

/// The list's own word for a key of its layer (the key line inside it).
pub(crate) fn key_word(c: crate::i18n::notes::CommandText, lang: Lang) -> Option<&'static str> {
    use crate::i18n::notes::CommandText as C;
    let (ja, en) = match c {
        C::MarkDone => ("完了", "done"),
        C::MarkDropped => ("取りやめ", "dropped"),
        C::MarkOpen => ("未完了に戻す", "open"),
        C::UndoMark => ("取り消し", "undo"),
        C::Back => ("閉じる", "close"),
        _ => return None,
    };
    Some(lang.pick(ja, en))
}

/// The word for a status, as the list shows it.
pub(crate) fn state_word(state: ActionState, lang: Lang) -> &'static str {
    match state {
        ActionState::Open => lang.pick("未完了", "open"),
        ActionState::Done => lang.pick("完了", "done"),
        ActionState::Dropped => lang.pick("取りやめ", "dropped"),
    }
}

/// The status line after a status was given (`owner` and `text` already
/// made inert by the caller).
pub(crate) fn marked(state: ActionState, owner: &str, text: &str, lang: Lang) -> String {
    let word = state_word(state, lang);
    match lang {
        Lang::Ja => format!("「{word}」にしました: {owner} {text}"),
        Lang::En => format!("Marked {word}: {owner} {text}"),
    }
}

/// The status line when a status could not be saved.
pub(crate) fn not_saved(why: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("前回のアクションの状況を保存できませんでした: {why}"),
        Lang::En => format!("Could not save the action's status: {why}"),
    }
}
