//! The `bunkakai` command: parse the command line, pick what to do, run it.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use bunkakai::facilitator::run as app;
use bunkakai::i18n::Lang;
use bunkakai::review::{export_cmd, search_cmd};
use bunkakai::store::sessions;
use clap::Parser;

mod cli;
mod commands;
use cli::{Cli, ColorChoice, Command, RosterCommand};
use commands::{check_plan, find, list_sittings, pick_and_run, review, run_console};

/// Lets a command that prints to a pipe end quietly when the reader goes
/// away (`bunkakai check … | head`), as other command-line tools do,
/// instead of failing on the write. Only for the commands that print; the
/// consoles keep the terminal's own handling.
fn quiet_on_closed_pipe() {
    // SAFETY: called before any thread starts; SIG_DFL is a valid handler.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// The roster commands, on the sitting they name.
fn roster(command: RosterCommand, dir: &std::path::Path, lang: Lang) -> ExitCode {
    use bunkakai::check::sitting;
    use bunkakai::prepare::{assign_cmd, import_cmd, show_cmd};
    let out = &mut std::io::stdout().lock();
    let err = &mut std::io::stderr();
    let session = match &command {
        RosterCommand::Import(args) => &args.session,
        RosterCommand::Assign(args) => &args.session,
        RosterCommand::Show(args) => &args.session,
    };
    let found = match sitting::find(session, dir, lang, err) {
        Ok(found) => found,
        Err(code) => return ExitCode::from(code),
    };
    let code = match command {
        RosterCommand::Import(args) => import_cmd::run(&args, &found, lang, out, err),
        RosterCommand::Assign(args) => assign_cmd::run(&args, &found, dir, lang, out, err),
        RosterCommand::Show(args) => show_cmd::run(&args, &found, lang, out, err),
    };
    ExitCode::from(code)
}

/// Every thread allocates from one arena: glibc would give each of the few
/// helper threads (key reader, folder watch, saver) its own, each holding
/// memory the console never gives back, for no speed a console can use.
fn one_malloc_arena() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator parameter; called before any
    // thread is started.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
    }
}

fn main() -> ExitCode {
    one_malloc_arena();
    let cli = Cli::parse();
    let prints = match &cli.command {
        None => !(std::io::stdout().is_terminal() && std::io::stdin().is_terminal()),
        Some(c) => matches!(
            c,
            Command::Check { .. }
                | Command::Search { .. }
                | Command::Export { .. }
                | Command::New { .. }
                | Command::Roster { .. }
        ),
    };
    if prints {
        quiet_on_closed_pipe();
    }
    let poll = cli.poll.map(std::time::Duration::from_secs);
    let lang = cli.lang.unwrap_or_else(Lang::from_env);
    // Who sets an action's status, as recorded beside it.
    let name = bunkakai::previous_actions::user_name(cli.name.as_deref());
    // A search is over in milliseconds and says everything on stdout and
    // stderr: starting (and at exit joining) the log writer would cost it
    // more than the search itself.
    let one_shot = matches!(cli.command, Some(Command::Search { .. }));
    let _log = (!one_shot).then(bunkakai::logging::init).flatten();
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
        Some(Command::Notes { session, group }) => match find(&session, &dir, lang) {
            Ok(found) => commands::notes(&found, &group, lang, poll, name.as_deref()),
            Err(code) => code,
        },
        Some(Command::NotesWriter {
            dir,
            group,
            prefix,
            opts,
        }) => bunkakai::notes::writer::notes_writer(&dir, &group, &prefix, opts),
        Some(Command::Search { mut args, color }) => {
            use std::io::IsTerminal;
            args.color = match color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => std::io::stdout().is_terminal(),
            };
            // Hits are many short lines: written in blocks, not line by line.
            let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            let code = search_cmd::run(&args, &dir, lang, &mut out, &mut std::io::stderr());
            let _ = std::io::Write::flush(&mut out);
            ExitCode::from(code)
        }
        Some(Command::Actions { open, owner, json }) => {
            let filter = bunkakai::review::actions::ActionFilter { open, owner };
            let out = &mut std::io::stdout().lock();
            let err = &mut std::io::stderr();
            let code = bunkakai::review::actions_cmd::run(&filter, json, &dir, lang, out, err);
            ExitCode::from(code)
        }
        Some(Command::Review) => review(dir, lang, poll, name.as_deref()),
        Some(Command::Export {
            session,
            all,
            since,
            until,
            format,
            output,
        }) => {
            let out = &mut std::io::stdout().lock();
            let err = &mut std::io::stderr();
            let what = match session.filter(|_| !all) {
                Some(session) => export_cmd::Exported::One(session),
                None => {
                    export_cmd::Exported::All(bunkakai::review::export_all::Days { since, until })
                }
            };
            let output = output.as_deref();
            let code = export_cmd::run(&what, &dir, format, output, lang, out, err);
            ExitCode::from(code)
        }
        Some(Command::New(args)) => {
            let out = &mut std::io::stdout().lock();
            let err = &mut std::io::stderr();
            ExitCode::from(bunkakai::prepare::new_cmd::run(&args, &dir, lang, out, err))
        }
        Some(Command::Roster { command }) => roster(command, &dir, lang),
        Some(Command::Check { session }) => match find(&session, &dir, lang) {
            Ok(found) => check_plan(&found, lang),
            Err(code) => code,
        },
        Some(Command::Display { session }) => match find(&session, &dir, lang) {
            Ok(found) => commands::display(&found, lang, cli.ascii, poll),
            Err(code) => code,
        },
        Some(Command::Run { session, read_only }) => {
            let opts = app::Options {
                lang,
                ascii: cli.ascii,
                read_only,
                poll,
            };
            match find(&session, &dir, lang) {
                Ok(found) => run_console(&found, opts),
                Err(code) => code,
            }
        }
    }
}
