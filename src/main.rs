//! The `bunkakai` command: parse the command line, pick what to do, run it.

use std::path::PathBuf;
use std::process::ExitCode;

use bunkakai::i18n::{CheckText, Lang, cli as msg};
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
        Some(Command::Notes { session, group }) => {
            bunkakai::app::notes::start::notes_command(&session, &group, &dir, lang)
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
            let opts = bunkakai::app::notes::writer::WriterOptions {
                from,
                count,
                batch,
                naive,
            };
            bunkakai::app::notes::writer::notes_writer(&dir, &group, &prefix, opts)
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
