//! The `bunkakai` command: parse the command line, pick what to do, run it.

use std::path::PathBuf;
use std::process::ExitCode;

use bunkakai::i18n::{CheckText, Lang, cli as msg};
use bunkakai::review::{export, export_cmd, search_cmd};
use bunkakai::store::sessions::{self, SessionPath};
use bunkakai::{check, model};
use clap::{Parser, Subcommand};

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
        None => list_sittings(&dir, lang),
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
    }
}

fn check_plan(found: &SessionPath, lang: Lang) -> ExitCode {
    let file = found.plan.display().to_string();
    let bytes = match sessions::read_bytes(&found.plan) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{}", msg::unreadable(&found.plan, &e, lang));
            return ExitCode::from(2);
        }
    };
    let result = model::read_plan(&bytes, &found.default_id);
    let lines = check::problem_lines(&file, &result, lang);
    match &result.plan {
        Some(plan) => {
            print!("{}", check::summary(plan, lang));
            for line in &lines {
                println!("{line}");
            }
            println!("{}", CheckText::Valid.text(lang));
            ExitCode::SUCCESS
        }
        None => {
            for line in &lines {
                eprintln!("{line}");
            }
            eprintln!(
                "{} {}",
                result.errors().count(),
                CheckText::Errors.text(lang)
            );
            ExitCode::from(2)
        }
    }
}

fn list_sittings(dir: &std::path::Path, lang: Lang) -> ExitCode {
    let ids = sessions::list(dir);
    if ids.is_empty() {
        eprintln!("{}", msg::no_sittings(dir, lang));
        return ExitCode::from(2);
    }
    println!("{}", msg::sittings_heading(dir, lang));
    for id in ids {
        let Ok(found) = sessions::locate(&dir.join(&id).display().to_string(), dir) else {
            continue;
        };
        let result =
            sessions::read_bytes(&found.plan).map(|b| model::read_plan(&b, &found.default_id));
        match result {
            Ok(model::PlanCheck {
                plan: Some(plan), ..
            }) => {
                let date = plan.date.map(|d| d.to_string()).unwrap_or_default();
                println!("  {id:<20} {date:<10}  {}", plan.title);
            }
            Ok(check) => println!(
                "  {id:<20} {}",
                msg::has_errors(check.errors().count(), lang)
            ),
            Err(e) => println!("  {id:<20} {}", msg::unreadable(&found.plan, &e, lang)),
        }
    }
    println!("{}", msg::list_hint(lang));
    ExitCode::SUCCESS
}

fn review(dir: PathBuf, lang: Lang) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(1);
        }
    };
    match runtime.block_on(bunkakai::review::screen::run(dir, lang)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}
