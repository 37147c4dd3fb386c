//! Bindings and layers: what a key does, and which keys apply now.

use crossterm::event::KeyEvent;

use super::{Hit, Key};
use crate::i18n::Lang;

/// What a console's keys ask for. Each console has one such enum; its
/// words for the help and the footer live with it.
pub(crate) trait Command: Copy + PartialEq + std::fmt::Debug + 'static {
    /// What the command does, for the help.
    fn what(self, lang: Lang) -> &'static str;
    /// The short word the footer shows beside the key; `None` keeps the
    /// command out of the footer.
    fn hint(self, _lang: Lang) -> Option<&'static str> {
        None
    }
}

/// What a binding gives: one command, or a command made from the digit of
/// the key pressed (message 3, speaker 5).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Does<C: 'static> {
    /// Always this command.
    Cmd(C),
    /// The command for the digit pressed.
    Digit(fn(u8) -> C),
}

/// One line of a key table: the keys that give a command.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Binding<C: 'static> {
    /// The keys, the first being the one the footer shows.
    pub(crate) keys: &'static [Key],
    /// What they give.
    pub(crate) does: Does<C>,
}

/// A binding of some keys to one command.
pub(crate) const fn bind<C>(keys: &'static [Key], command: C) -> Binding<C> {
    Binding {
        keys,
        does: Does::Cmd(command),
    }
}

/// A binding of a run of digit keys to a command made from the digit.
pub(crate) const fn digits<C>(keys: &'static [Key], command: fn(u8) -> C) -> Binding<C> {
    Binding {
        keys,
        does: Does::Digit(command),
    }
}

impl<C: Copy> Binding<C> {
    /// The command the binding gives for `ev`, if one of its keys matches.
    pub(crate) fn command(&self, ev: &KeyEvent) -> Option<C> {
        self.keys
            .iter()
            .find_map(|k| match (k.hit(ev)?, self.does) {
                (Hit::Key, Does::Cmd(c)) => Some(c),
                (Hit::Digit(d), Does::Digit(f)) => Some(f(d)),
                (Hit::Digit(_), Does::Cmd(c)) => Some(c),
                // A plain key bound to a digit command: no digit to give.
                (Hit::Key, Does::Digit(_)) => None,
            })
    }

    /// The command the help stands for (the first digit's, for a run).
    pub(crate) fn sample(&self) -> C {
        match self.does {
            Does::Cmd(c) => c,
            Does::Digit(f) => {
                let d = self
                    .keys
                    .iter()
                    .find_map(|k| match k {
                        Key::Digits(lo, _) | Key::AltDigits(lo, _) => Some(*lo),
                        _ => None,
                    })
                    .unwrap_or(0);
                f(d)
            }
        }
    }
}

/// A headed group of bindings: what works everywhere, in a mode or in a
/// pane. The help shows each layer as a section under its title.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Layer<C: 'static> {
    /// The section's title in Japanese.
    pub(crate) ja: &'static str,
    /// The section's title in English.
    pub(crate) en: &'static str,
    /// Its bindings.
    pub(crate) bindings: &'static [Binding<C>],
}

impl<C> Layer<C> {
    /// The title in `lang`.
    pub(crate) fn title(&self, lang: Lang) -> &'static str {
        lang.pick(self.ja, self.en)
    }
}

/// The command `ev` gives in a stack of layers, most specific first: the
/// first layer with a binding for the key decides.
pub(crate) fn dispatch<C: Copy>(layers: &[&Layer<C>], ev: &KeyEvent) -> Option<C> {
    layers.iter().find_map(|l| lookup(l.bindings, ev))
}

/// The command `ev` gives in one list of bindings, if any.
pub(crate) fn lookup<C: Copy>(bindings: &[Binding<C>], ev: &KeyEvent) -> Option<C> {
    bindings.iter().find_map(|b| b.command(ev))
}
