//! The display's one key layer: it dispatches the keys and makes the
//! `?`/F1 help. Nothing here changes the sitting.

use crossterm::event::KeyEvent;

use crate::i18n::Lang;
use crate::i18n::display::DisplayText as T;
use crate::tui::keys::{Key, Layer, bind, dispatch};

/// What a key asks of the display.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Open or close the key help.
    Help,
    /// Leave the display.
    Quit,
}

impl crate::tui::keys::Command for Command {
    fn what(self, lang: Lang) -> &'static str {
        match self {
            Command::Help => T::KeyHelp.text(lang),
            Command::Quit => T::KeyQuit.text(lang),
        }
    }
}

/// The display's keys.
pub(crate) const KEYS: Layer<Command> = Layer {
    ja: "表示画面",
    en: "Display",
    bindings: &[
        bind(&[Key::Char('?'), Key::F(1)], Command::Help),
        bind(&[Key::Char('q'), Key::Ctrl('c')], Command::Quit),
    ],
};

/// The layers that apply (the display has one).
pub(crate) const LAYERS: &[&Layer<Command>] = &[&KEYS];

/// The command `ev` gives, if any.
pub(crate) fn command(ev: &KeyEvent) -> Option<Command> {
    dispatch(LAYERS, ev)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_reachable_and_in_the_help() {
        for lang in [Lang::Ja, Lang::En] {
            let help = crate::tui::keys::sections(LAYERS, lang);
            for b in KEYS.bindings {
                for k in b.keys {
                    assert_eq!(command(&k.example()), Some(b.sample()), "{k:?}");
                    let listed = help.iter().flat_map(|s| &s.rows).any(|r| {
                        r.keys.contains(&k.label())
                            && r.what == crate::tui::keys::Command::what(b.sample(), lang)
                    });
                    assert!(listed, "{k:?} not in the help");
                }
            }
        }
    }
}
