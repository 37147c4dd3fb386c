//! What each subcommand does once the command line is parsed: check a plan,
//! list or pick sittings, open the facilitator console, the note-taker's
//! console, the display or the review. Every command that needs a plan
//! reads it through [`usable_plan`].

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use bunkakai::check::sitting;
use bunkakai::facilitator::run as app;
use bunkakai::i18n::run as run_text;
use bunkakai::i18n::{CheckText, Lang, cli as msg};
use bunkakai::store::sessions::{self, SessionPath};
use bunkakai::tui::text::inert;
use bunkakai::{check, model, picker};

/// The sitting `session` names, or why not said on stderr.
pub(crate) fn find(session: &str, dir: &Path, lang: Lang) -> Result<SessionPath, ExitCode> {
    sitting::find(session, dir, lang, &mut std::io::stderr()).map_err(ExitCode::from)
}

/// Reads a usable plan or prints why not.
pub(crate) fn usable_plan(found: &SessionPath, lang: Lang) -> Result<model::Plan, ExitCode> {
    sitting::usable_plan(found, lang, &mut std::io::stderr()).map_err(ExitCode::from)
}

/// A console draws on the terminal and reads its keys: started without one
/// (input or output a file or a pipe) it says so, after everything else it
/// can tell the user, instead of failing in the system's words.
fn without_terminal(command: &str, lang: Lang) -> Option<ExitCode> {
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        return None;
    }
    let says = bunkakai::i18n::cli_results::needs_terminal(command, lang);
    eprintln!("{says}");
    Some(ExitCode::from(2))
}

pub(crate) fn run_console(found: &SessionPath, opts: app::Options) -> ExitCode {
    let lang = opts.lang;
    let plan = match usable_plan(found, lang) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let id = plan.id.clone();
    let console = match app::open(&found.dir, plan, opts) {
        Ok(c) => c,
        Err(app::OpenError::Locked) => {
            eprintln!("{}", run_text::locked(&id, lang));
            return ExitCode::from(1);
        }
        Err(app::OpenError::RunFile(e)) => {
            eprintln!("{}", run_text::bad_run_file(&e.to_string(), lang));
            return ExitCode::from(2);
        }
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(1);
        }
    };
    if let Some(code) = without_terminal("run", lang) {
        return code;
    }
    match app::run(console) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!(error = %e, "console stopped");
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}

/// The sittings of the sessions folder, or why there are none (no such
/// folder, or nothing in it) said on stderr.
fn sitting_ids(dir: &Path, lang: Lang) -> Result<Vec<String>, ExitCode> {
    let ids = sessions::list(dir);
    if ids.is_empty() {
        if dir.is_dir() {
            eprintln!("{}", msg::no_sittings(dir, lang));
        } else {
            eprintln!("{}", msg::no_folder(dir, lang));
        }
        return Err(ExitCode::from(2));
    }
    Ok(ids)
}

pub(crate) fn pick_and_run(dir: &std::path::Path, lang: Lang, ascii: bool) -> ExitCode {
    let ids = match sitting_ids(dir, lang) {
        Ok(ids) => ids,
        Err(code) => return code,
    };
    let entries = ids
        .iter()
        .map(|id| {
            let found = sessions::locate(&dir.join(id).display().to_string(), dir).ok();
            let read = found
                .as_ref()
                .and_then(|f| sessions::read_bytes(&f.plan).ok().map(|b| (f, b)))
                .map(|(f, b)| (f, model::read_plan(&b, &f.default_id)));
            let problems = read
                .as_ref()
                .map(|(f, r)| check::problem_lines(&f.plan.display().to_string(), r, lang))
                .unwrap_or_default();
            let plan = read.and_then(|(_, r)| r.plan);
            // Probing the lock takes it for an instant when it is free.
            let running = found.as_ref().is_some_and(|f| {
                let run = f.dir.join(model::run::RUN_FILE);
                // Only where a console has run: listing creates no files.
                bunkakai::store::lock::lock_path(&run).exists()
                    && matches!(bunkakai::store::WriterLock::try_acquire(&run), Ok(None))
            });
            picker::Entry {
                problems,
                running,
                id: id.clone(),
                date: plan
                    .as_ref()
                    .and_then(|p| p.date)
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                title: plan.as_ref().map(|p| p.title.clone()).unwrap_or_default(),
                usable: plan.is_some(),
            }
        })
        .collect();
    let chooser = picker::Picker {
        entries,
        selected: 0,
        folder: dir.display().to_string(),
        lang,
        ascii,
        said: None,
    };
    let (id, read_only) = match picker::choose(chooser) {
        Ok(picker::Choice::Open(id)) => (id, false),
        Ok(picker::Choice::OpenReadOnly(id)) => (id, true),
        Ok(_) => return ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(1);
        }
    };
    let opts = app::Options {
        lang,
        ascii,
        read_only,
        poll: None,
    };
    match find(&dir.join(&id).display().to_string(), dir, lang) {
        Ok(found) => run_console(&found, opts),
        Err(code) => code,
    }
}

pub(crate) fn check_plan(found: &SessionPath, lang: Lang) -> ExitCode {
    let file = found.plan.display().to_string();
    let bytes = match sessions::read_bytes(&found.plan) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{}", msg::unreadable(&found.plan, &e, lang));
            return ExitCode::from(2);
        }
    };
    let result = model::read_plan(&bytes, &found.default_id);
    // Text from the plan is shown inert: an escape sequence in a title or a
    // field name never reaches the terminal raw.
    let lines: Vec<String> = check::problem_lines(&file, &result, lang)
        .iter()
        .map(|l| inert(l))
        .collect();
    match &result.plan {
        Some(plan) => {
            check::write_valid(plan, &lines, lang, &mut std::io::stdout().lock());
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

pub(crate) fn list_sittings(dir: &std::path::Path, lang: Lang) -> ExitCode {
    let ids = match sitting_ids(dir, lang) {
        Ok(ids) => ids,
        Err(code) => return code,
    };
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
                let (id, title) = (inert(&id), inert(&plan.title));
                println!("  {id:<20} {date:<10}  {title}");
            }
            Ok(check) => println!(
                "  {:<20} {}",
                inert(&id),
                msg::has_errors(check.errors().count(), lang)
            ),
            Err(e) => println!(
                "  {:<20} {}",
                inert(&id),
                inert(&msg::unreadable(&found.plan, &e, lang))
            ),
        }
    }
    println!("{}", msg::list_hint(lang));
    ExitCode::SUCCESS
}

pub(crate) fn review(
    dir: PathBuf,
    lang: Lang,
    poll: Option<std::time::Duration>,
    name: Option<&str>,
) -> ExitCode {
    if let Some(code) = without_terminal("review", lang) {
        return code;
    }
    match bunkakai::review::screen::run(dir, lang, poll, name.map(str::to_string)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}

pub(crate) fn display(
    found: &SessionPath,
    lang: Lang,
    ascii: bool,
    poll: Option<std::time::Duration>,
) -> ExitCode {
    let plan = match usable_plan(found, lang) {
        Ok(p) => p,
        Err(code) => return code,
    };
    if let Some(code) = without_terminal("display", lang) {
        return code;
    }
    let mut state = bunkakai::display::State::new(plan, lang);
    state.ascii = ascii;
    match bunkakai::display::run::run(state, found.clone(), poll) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}

/// Runs `bunkakai notes <session> --group G`: finds the group, opens its
/// notes file and this console's draft, restores the draft, and runs the
/// note-taker's console.
pub(crate) fn notes(
    found: &SessionPath,
    group: &str,
    lang: Lang,
    poll: Option<std::time::Duration>,
    name: Option<&str>,
) -> ExitCode {
    use bunkakai::i18n::notes::{no_draft_slot, no_group};
    use bunkakai::i18n::store::store_error;
    use bunkakai::notes::opening::Opening;
    use bunkakai::notes::{State, run};
    use bunkakai::store::notes_file;

    let plan = match usable_plan(found, lang) {
        Ok(p) => p,
        Err(code) => return code,
    };
    // `--group b` finds group B when no other group differs only in case.
    let by_case = || {
        let mut same = plan
            .groups
            .iter()
            .filter(|g| g.id.eq_ignore_ascii_case(group));
        match (same.next(), same.next()) {
            (Some(g), None) => Some(g),
            _ => None,
        }
    };
    let Some(g) = plan.group(group).or_else(by_case).cloned() else {
        let ids: Vec<String> = plan.groups.iter().map(|g| g.id.clone()).collect();
        eprintln!("{}", no_group(group, &ids, lang));
        return ExitCode::from(2);
    };
    if let Some(code) = without_terminal("notes", lang) {
        return code;
    }
    let notes = notes_file::notes_path(&found.dir, &g.id);
    let mut follower = bunkakai::store::notes_follow::Follower::default();
    let opened = notes_file::prepare_dir(&notes)
        .and_then(|()| follower.read(&notes, &plan.id, &g.id))
        .and_then(|doc| Ok((doc, notes_file::claim_draft(&notes)?)));
    let (doc, slot) = match opened {
        Ok((doc, Some(slot))) => (doc, slot),
        Ok((_, None)) => {
            eprintln!("{}", no_draft_slot(lang));
            return ExitCode::FAILURE;
        }
        Err(e) => {
            eprintln!("{}", store_error(&e, lang));
            return ExitCode::FAILURE;
        }
    };
    let draft = match notes_file::load_draft(&slot.path) {
        Ok(d) => d,
        Err(e) => {
            // A draft that cannot be read is left where it is for the user.
            eprintln!("{}", store_error(&e, lang));
            None
        }
    };
    let mut state = State::new(lang, &plan, &g, doc, run::id_prefix());
    state.previous.by = name.map(str::to_string);
    // Asked before the leftover drafts' slots are taken (they are locked then).
    let alone = !notes_file::others_running(&notes, &slot.path);
    // Text other consoles of the group left in their drafts is not hidden.
    let (held, leftovers): (Vec<_>, Vec<_>) = notes_file::leftover_drafts(&notes, &slot.path)
        .into_iter()
        .map(|(claim, d)| {
            let path = claim.path.clone();
            (claim, (path, d))
        })
        .unzip();
    // Work an earlier session could not save is offered back first.
    let rescued =
        bunkakai::store::rescue::find(&bunkakai::store::rescue::rescue_dir(), &plan.id, &g.id);
    let opening = Opening {
        draft,
        leftovers,
        rescued,
        alone,
    };
    let files = run::Files {
        dir: found.dir.clone(),
        notes,
        draft: slot.path.clone(),
        held: held.iter().map(|claim| claim.path.clone()).collect(),
    };
    let result = run::run_following(state, opening, files, poll, follower);
    drop(held);
    drop(slot);
    match result {
        // Said on the restored terminal; non-zero when anything is not
        // where it belongs.
        Ok(report) => {
            report.print(lang);
            report.code()
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
