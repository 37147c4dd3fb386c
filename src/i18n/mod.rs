//! Every user-visible string, in Japanese and English.
//!
//! The table is split by what the words are for (`plan` problems, `check`
//! reports, …) but every entry has both languages side by side, so a missing
//! translation is a compile error rather than a blank on screen.
//!
//! The words of `bunkakai new` and `bunkakai roster` are built the same way
//! but live in `prepare::messages`, beside the error types they name, so
//! that `i18n` imports no command.

mod check;
pub mod cli;
pub mod cli_results;
pub(crate) mod display;
pub mod notes;
mod plan;
pub(crate) mod previous_actions;
pub(crate) mod record;
pub mod review;
pub mod run;
pub(crate) mod run_live;
mod shape_words;
pub mod store;

pub use check::CheckText;
pub(crate) use check::problem_line;
pub(crate) use plan::{date_shaped, problem_text};

/// The one "terminal too small" message of every console: what is wrong,
/// then the size now and the size needed (ASCII `x`: `×` is ambiguous-width
/// and takes two cells in many Japanese terminals).
pub(crate) fn too_small(lang: Lang, now: (u16, u16), needed: (u16, u16)) -> [String; 2] {
    let ((w, h), (nw, nh)) = (now, needed);
    match lang {
        Lang::Ja => [
            "端末が小さすぎます".to_string(),
            format!("今 {w}x{h}。{nw}x{nh} 以上に広げてください"),
        ],
        Lang::En => [
            "The terminal is too small".to_string(),
            format!("It is {w}x{h}; make it at least {nw}x{nh}"),
        ],
    }
}

/// The language of labels and messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Lang {
    /// 日本語
    Ja,
    /// English
    En,
}

impl Lang {
    /// Picks the language from the locale variables, as a user expects:
    /// `LC_ALL` wins over `LC_MESSAGES`, which wins over `LANG`; Japanese when
    /// the winner starts with `ja`, English otherwise.
    pub(crate) fn from_locale(get: impl Fn(&str) -> Option<String>) -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| get(k))
            .find(|v| !v.is_empty());
        match locale {
            Some(v) if v.to_ascii_lowercase().starts_with("ja") => Lang::Ja,
            _ => Lang::En,
        }
    }

    /// The language of this process's environment.
    pub fn from_env() -> Lang {
        Lang::from_locale(|k| std::env::var(k).ok())
    }

    /// Chooses between the two forms of one string.
    pub(crate) fn pick<'a>(self, ja: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }
}

/// Declares an enum of labels, each with its Japanese and English text.
#[macro_export]
macro_rules! labels {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($(#[$vmeta:meta])* $key:ident => $ja:expr, $en:expr;)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        $vis enum $name { $($(#[$vmeta])* $key),* }
        impl $name {
            /// The label in `lang`.
            pub fn text(self, lang: $crate::i18n::Lang) -> &'static str {
                match self { $($name::$key => lang.pick($ja, $en)),* }
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang_of(vars: &[(&str, &str)]) -> Lang {
        Lang::from_locale(|k| {
            vars.iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn locale_order_follows_posix() {
        assert_eq!(lang_of(&[("LANG", "ja_JP.UTF-8")]), Lang::Ja);
        assert_eq!(lang_of(&[("LANG", "en_US.UTF-8")]), Lang::En);
        assert_eq!(lang_of(&[]), Lang::En);
        assert_eq!(
            lang_of(&[("LC_ALL", "C"), ("LANG", "ja_JP.UTF-8")]),
            Lang::En
        );
        assert_eq!(
            lang_of(&[("LC_ALL", ""), ("LC_MESSAGES", "ja_JP"), ("LANG", "C")]),
            Lang::Ja
        );
        assert_eq!(lang_of(&[("LANG", "JA_jp")]), Lang::Ja);
    }
}
