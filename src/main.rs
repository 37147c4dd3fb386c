//! The `bunkakai` command: parse the command line, pick what to do, run it.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use bunkakai::facilitator::app;
use bunkakai::i18n::{Lang, cli as msg};
use bunkakai::review::{export, export_cmd, search_cmd};
use bunkakai::store::sessions;
use clap::{Parser, Subcommand};

mod commands;
use commands::{check_plan, list_sittings, pick_and_run, review, run_console};

/// bunkakai (分科会): run a live breakout workshop from the terminal.
#[derive(Parser, Debug)]
#[command(version, about, long_about = None)]
struct Cli {
    /// Language of labels and messages (default: from LC_ALL / LC_MESSAGES / LANG).
    #[arg(long, global = true, value_enum)]
    lang: Option<Lang>,
    /// Folder holding the sittings (default: $BUNKAKAI_SESSIONS, else ./sessions, else the user data folder).
    #[arg(long, global = true, value_name = "DIR")]
    sessions: Option<PathBuf>,
    /// Draw plain ASCII borders (for terminals that show box-drawing characters two cells wide).
    #[arg(long, global = true)]
    ascii: bool,
    /// Check the sitting's folder for changes every SECONDS instead of relying on change events (for network and synced folders).
    #[arg(long, global = true, value_name = "SECONDS", value_parser = clap::value_parser!(u64).range(1..=60))]
    poll: Option<u64>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check a sitting's plan (session.json): print a summary, or every problem with its place.
    Check {
        /// A sitting: its folder, its session.json, or its id in the sessions folder.
        session: String,
    },
    /// Take one group's notes: roster, prompt card, the facilitator's timer; every note saved as you go.
    ///
    /// Keys: Enter records the note; Alt+Enter or Ctrl+J starts a new line; F1 lists every key.
    Notes {
        /// A sitting: its folder, its session.json, or its id in the sessions folder.
        session: String,
        /// The group whose notes you take (as in the plan, e.g. B).
        #[arg(long, short)]
        group: String,
    },
    /// Test support: commit scripted notes one by one and print each id once saved.
    #[command(hide = true)]
    NotesWriter {
        /// The sitting's folder.
        dir: PathBuf,
        #[arg(long)]
        group: String,
        #[arg(long)]
        prefix: String,
        #[arg(long, default_value_t = 0)]
        from: u64,
        #[arg(long)]
        count: u64,
        /// Notes per save.
        #[arg(long, default_value_t = 1)]
        batch: u64,
        /// Write carelessly (no lock, no temp file, no fsync).
        #[arg(long)]
        naive: bool,
    },
    /// Run a sitting: the facilitator console (agenda timer, groups, prompt cards, report-back).
    Run {
        /// A sitting: its folder, its session.json, or its id in the sessions folder.
        session: String,
        /// Follow a sitting another console is running, without changing anything.
        #[arg(long)]
        read_only: bool,
    },
    /// Show the room the timer: big digits, the block, the next one, and the card the facilitator put up. Read-only; q quits.
    Display {
        /// A sitting: its folder, its session.json, or its id in the sessions folder.
        session: String,
    },
    /// Search the notes of every sitting (NFKC, any case, katakana = hiragana; all words must appear).
    ///
    /// Exit status: 0 when something was found, 1 when nothing was, 2 on bad input.
    Search {
        /// Words to look for; a note matches when it holds every one.
        query: String,
        /// Only this group (its id, e.g. A).
        #[arg(long, value_name = "G")]
        group: Option<String>,
        /// Only this theme (its id, or part of its title).
        #[arg(long, value_name = "T")]
        theme: Option<String>,
        /// Only this kind: issue, practice, opinion, request, action, other (or 課題, 工夫, 意見, 要望, アクション, その他).
        #[arg(long, value_name = "K")]
        kind: Option<String>,
        /// Only notes of this speaker (part of the name).
        #[arg(long, value_name = "S")]
        speaker: Option<String>,
        /// Only sittings on or after this day (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
        /// Only sittings on or before this day (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        until: Option<String>,
        /// One JSON object per line, for scripts.
        #[arg(long)]
        json: bool,
        /// Highlight matches: auto (when printing to a terminal), always, never.
        #[arg(long, value_enum, default_value = "auto")]
        color: ColorChoice,
    },
    /// Look back over past sittings: each sitting by group, timing, theme comparison, search as you type.
    Review,
    /// Export one sitting: a Markdown report, a CSV sheet of its notes (for Excel), or one merged JSON.
    Export {
        /// A sitting: its folder, its session.json, or its id in the sessions folder.
        session: String,
        /// md: a report to paste into a document; csv: one note per row; json: plan, run and notes merged.
        #[arg(long, value_enum)]
        format: export::ExportFormat,
        /// Write to this file (replaced atomically) instead of stdout.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

/// When to highlight matches with terminal colours.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum ColorChoice {
    /// When printing to a terminal.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let poll = cli.poll.map(std::time::Duration::from_secs);
    let lang = cli.lang.unwrap_or_else(Lang::from_env);
    let _log = bunkakai::logging::init();
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let env = std::env::var("BUNKAKAI_SESSIONS").ok();
    let (dir, _) = sessions::sessions_dir(
        cli.sessions.as_deref(),
        env.as_deref(),
        &cwd,
        dirs::data_dir().as_deref(),
    );
    match cli.command {
        None if std::io::stdout().is_terminal() && std::io::stdin().is_terminal() => {
            pick_and_run(&dir, lang, cli.ascii)
        }
        None => list_sittings(&dir, lang),
        Some(Command::Notes { session, group }) => {
            bunkakai::notes::start::notes_command(&session, &group, &dir, lang, poll)
        }
        Some(Command::NotesWriter {
            dir,
            group,
            prefix,
            from,
            count,
            batch,
            naive,
        }) => {
            let opts = bunkakai::notes::writer::WriterOptions {
                from,
                count,
                batch,
                naive,
            };
            bunkakai::notes::writer::notes_writer(&dir, &group, &prefix, opts)
        }
        Some(Command::Search {
            query,
            group,
            theme,
            kind,
            speaker,
            since,
            until,
            json,
            color,
        }) => {
            use std::io::IsTerminal;
            let color = match color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => std::io::stdout().is_terminal(),
            };
            let args = search_cmd::SearchArgs {
                query,
                group,
                theme,
                kind,
                speaker,
                since,
                until,
                json,
                color,
            };
            let out = &mut std::io::stdout().lock();
            let code = search_cmd::run(&args, &dir, lang, out, &mut std::io::stderr());
            ExitCode::from(code)
        }
        Some(Command::Review) => review(dir, lang),
        Some(Command::Export {
            session,
            format,
            output,
        }) => {
            let out = &mut std::io::stdout().lock();
            let err = &mut std::io::stderr();
            let code = export_cmd::run(&session, &dir, format, output.as_deref(), lang, out, err);
            ExitCode::from(code)
        }
        Some(Command::Check { session }) => match sessions::locate(&session, &dir) {
            Ok(found) => check_plan(&found, lang),
            Err(e) => {
                eprintln!("{}", msg::locate_error(&e, lang));
                ExitCode::from(2)
            }
        },
        Some(Command::Display { session }) => match sessions::locate(&session, &dir) {
            Ok(found) => commands::display(&found, lang, cli.ascii, poll),
            Err(e) => {
                eprintln!("{}", msg::locate_error(&e, lang));
                ExitCode::from(2)
            }
        },
        Some(Command::Run { session, read_only }) => {
            let opts = app::Options {
                lang,
                ascii: cli.ascii,
                read_only,
                poll,
            };
            match sessions::locate(&session, &dir) {
                Ok(found) => run_console(&found, opts),
                Err(e) => {
                    eprintln!("{}", msg::locate_error(&e, lang));
                    ExitCode::from(2)
                }
            }
        }
    }
}
