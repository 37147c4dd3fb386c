//! The command line of `bunkakai`: its subcommands and their options.

use std::path::PathBuf;

use bunkakai::i18n::Lang;
use bunkakai::review::export;
use clap::{Parser, Subcommand};

/// bunkakai (分科会): run a live breakout workshop from the terminal.
#[derive(Parser, Debug)]
#[command(version, about, long_about = None)]
pub(crate) struct Cli {
    /// Language of labels and messages (default: from LC_ALL / LC_MESSAGES / LANG).
    #[arg(long, global = true, value_enum)]
    pub(crate) lang: Option<Lang>,
    /// Folder holding the sittings (default: $BUNKAKAI_SESSIONS, else ./sessions, else the user data folder).
    #[arg(long, global = true, value_name = "DIR")]
    pub(crate) sessions: Option<PathBuf>,
    /// Draw plain ASCII borders (for terminals that show box-drawing characters two cells wide).
    #[arg(long, global = true)]
    pub(crate) ascii: bool,
    /// Check the sitting's folder for changes every SECONDS instead of relying on change events (for network and synced folders).
    #[arg(long, global = true, value_name = "SECONDS", value_parser = clap::value_parser!(u64).range(1..=60))]
    pub(crate) poll: Option<u64>,
    /// Your name, recorded as who set an action item's status (in `notes` and `review`; default: the login name).
    #[arg(long, global = true, value_name = "NAME")]
    pub(crate) name: Option<String>,
    #[command(subcommand)]
    pub(crate) command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub(crate) enum Command {
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
        #[command(flatten)]
        opts: bunkakai::notes::writer::WriterOptions,
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
    /// List the action items (アクション) of every sitting with their owner and status.
    ///
    /// Exit status: 0 when some were listed, 1 when none, 2 on bad input.
    Actions {
        /// Only the actions still open.
        #[arg(long)]
        open: bool,
        /// Only the actions whose owner's name holds this.
        #[arg(long)]
        owner: Option<String>,
        /// One JSON object per line.
        #[arg(long)]
        json: bool,
    },
    /// Search the notes of every sitting (NFKC, any case, katakana = hiragana; all words must appear).
    ///
    /// Exit status: 0 when something was found, 1 when nothing was, 2 on bad input.
    Search {
        #[command(flatten)]
        args: bunkakai::review::search_cmd::SearchArgs,
        /// Highlight matches: auto (when printing to a terminal), always, never.
        #[arg(long, value_enum, default_value = "auto")]
        color: ColorChoice,
    },
    /// Look back over past sittings: each sitting by group, timing, theme comparison, search as you type.
    Review,
    /// Export one sitting (or with --all several): a Markdown report, a CSV sheet of its notes, one merged JSON, or an Excel workbook.
    Export {
        /// A sitting: its folder, its session.json, or its id in the sessions folder.
        #[arg(required_unless_present = "all", conflicts_with = "all")]
        session: Option<String>,
        /// Every sitting of the sessions folder (with --since/--until, those days only), oldest first, in one document (md, csv or xlsx).
        #[arg(long)]
        all: bool,
        /// With --all: only sittings on or after this day (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", requires = "all")]
        since: Option<String>,
        /// With --all: only sittings on or before this day (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", requires = "all")]
        until: Option<String>,
        /// md: a report to paste into a document; csv: one note per row; json: plan, run and notes merged; xlsx: an Excel workbook (needs -o).
        #[arg(long, value_enum)]
        format: export::ExportFormat,
        /// Write to this file (replaced atomically) instead of stdout; required for xlsx.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Make the next sitting: a copy of a past sitting's programme (--from), or a starter plan to fill in.
    New(bunkakai::prepare::new_cmd::NewArgs),
    /// Prepare the groups: import the registration sheet, form groups by stage, print the group list.
    Roster {
        #[command(subcommand)]
        command: RosterCommand,
    },
}

#[derive(Subcommand, Debug)]
pub(crate) enum RosterCommand {
    /// Read the registrations (.xlsx/.xls/.ods, or .csv in UTF-8 or Shift_JIS) into the sitting.
    ///
    /// Columns are found by their header (自治体名/団体名, 都道府県, 段階/ステージ, 班/グループ, 氏名, 所属/部署, 役職, メール, or English); --map names the others. Exit status 2, nothing written, when a row cannot be used.
    Import(bunkakai::prepare::import_cmd::ImportArgs),
    /// Form the groups: per stage, sizes balanced, prefectures spread; the previous plan is kept as session.json.bak.
    Assign(bunkakai::prepare::assign_cmd::AssignArgs),
    /// Print the group list to send to participants (班分け表).
    Show(bunkakai::prepare::show_cmd::ShowArgs),
}

/// When to highlight matches with terminal colours.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub(crate) enum ColorChoice {
    /// When printing to a terminal.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}
