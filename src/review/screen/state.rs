//! The review screen's state and its one update function: pure data in,
//! effects out. The loop in [`super::run`] performs the effects.

use super::actions_tab;
use super::keys::Command;
pub use super::loaded::Loaded;
use super::navigate;
use super::search_box;
pub(crate) use super::search_box::SearchBox;
use crate::i18n::Lang;
use crate::previous_actions::StatusChange;
use crate::review::search::NoteAt;

/// One view of the review, on a stack: Esc goes back to the one below.
#[derive(Debug, Clone, PartialEq)]
pub enum View {
    /// The list of sittings, newest first.
    List {
        /// The selected sitting.
        selected: usize,
    },
    /// One sitting: a group's notes, or the timing table.
    Sitting {
        /// The sitting's index.
        sitting: usize,
        /// The group's index; the number of groups means the timing table.
        tab: usize,
        /// The first line shown.
        scroll: usize,
        /// The note opened from a search, marked.
        focus: Option<NoteAt>,
    },
    /// The list of themes to compare.
    Themes {
        /// The selected theme.
        selected: usize,
    },
    /// One theme across groups and sittings.
    Compare {
        /// The theme's index in the catalog.
        theme: usize,
        /// The selected question (its count means "no question").
        question: usize,
        /// The first line of the answers shown.
        scroll: usize,
    },
    /// The search box and its hits.
    Search,
    /// Every action item of the archive, with its status.
    Actions {
        /// The selected item.
        selected: usize,
        /// Only the open ones are listed.
        open_only: bool,
    },
}

/// Everything the review screen shows.
#[derive(Debug, Clone)]
pub struct State {
    /// The archive; `None` while it is read.
    pub data: Option<Loaded>,
    /// Labels' language.
    pub(crate) lang: Lang,
    /// The views, the current one last; never empty.
    pub views: Vec<View>,
    /// The search box.
    pub search: SearchBox,
    /// The `?` help is shown.
    pub help: bool,
    /// Lines of the help scrolled past.
    pub(crate) help_scroll: usize,
    /// The terminal's size in cells.
    pub size: (u16, u16),
    /// What became of the last thing saved (shown in the footer): `Ok`
    /// when it was saved, else why not.
    pub(crate) saved: Option<Result<(), String>>,
    /// The actions tab's owner filter.
    pub owner: super::owner_filter::OwnerFilter,
    /// The theme comparison's filter.
    pub compare: super::compare_filter_box::FilterBox,
    /// Who sets an action item's status from this screen (`--name`, else
    /// the login name), recorded beside the status.
    pub by: Option<String>,
}

/// What the reviewer did, or what came back from the loop.
#[derive(Debug, Clone)]
pub enum Action {
    /// A key of the current view's table.
    Command(Command),
    /// A character typed into the search box.
    Type(char),
    /// Text pasted into the search box.
    Paste(String),
    /// Backspace in the search box.
    Backspace,
    /// The terminal was resized.
    Resize(u16, u16),
    /// The archive has been read.
    Loaded(Box<Loaded>),
    /// Files of the sessions folder changed: read the archive again.
    Reload,
    /// An action item's status was saved, or why it could not be.
    StatusSet(Result<(), String>),
    /// Typing the owner filter ended: kept, or cleared.
    OwnerDone {
        /// The filter stays.
        keep: bool,
    },
    /// Typing the comparison's filter ended: kept, or back to the last.
    FilterDone {
        /// The filter typed stays.
        keep: bool,
    },
}

/// What the loop must do for the review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Read the archive and send back [`Action::Loaded`].
    Load,
    /// Leave the review and give the terminal back.
    Quit,
    /// Save an action item's status into its notes file (through the
    /// merge) and send back [`Action::StatusSet`].
    SetStatus(StatusChange),
}

impl State {
    /// A review that starts by reading the archive.
    pub fn new(lang: Lang, size: (u16, u16)) -> (State, Vec<Effect>) {
        let state = State {
            data: None,
            lang,
            views: vec![View::List { selected: 0 }],
            search: SearchBox::default(),
            help: false,
            help_scroll: 0,
            size,
            saved: None,
            owner: Default::default(),
            compare: Default::default(),
            by: None,
        };
        (state, vec![Effect::Load])
    }

    /// The view on screen.
    pub fn view(&self) -> &View {
        self.views.last().unwrap_or(&View::List { selected: 0 })
    }

    /// Lines of the body (the screen less title, tabs and footer).
    pub(crate) fn body_height(&self) -> usize {
        usize::from(self.size.1.saturating_sub(4)).max(1)
    }
}

/// Applies one action to the state; returns what the loop must do.
pub fn update(state: &mut State, action: Action) -> Vec<Effect> {
    match action {
        Action::Loaded(data) => {
            // A reload keeps the reviewer where they are unless the sittings,
            // their groups or the themes changed shape under the views.
            // After the outline only the sittings' order matters: nothing
            // of their groups or themes could be opened yet.
            let outline = state.data.as_ref().is_some_and(Loaded::is_outline);
            let shape = |d: &Loaded| {
                let groups: Vec<(String, usize)> = d
                    .archive
                    .sittings
                    .iter()
                    .map(|s| (s.id.clone(), if outline { 0 } else { s.groups.len() }))
                    .collect();
                (groups, if outline { 0 } else { d.themes.len() })
            };
            if state
                .data
                .as_ref()
                .is_some_and(|old| shape(old) != shape(&data))
            {
                let last = data.archive.sittings.len().saturating_sub(1);
                let selected = match state.views.first() {
                    Some(View::List { selected }) => (*selected).min(last),
                    _ => 0,
                };
                state.views = vec![View::List { selected }];
            }
            state.data = Some(*data);
            search_box::refresh(state);
            super::compare_filter_box::reparse(state);
            actions_tab::clamp(state);
            return Vec::new();
        }
        Action::Reload => return vec![Effect::Load],
        Action::StatusSet(result) => {
            let ok = result.is_ok();
            state.saved = Some(result);
            // The list shows what the file now says.
            return if ok { vec![Effect::Load] } else { Vec::new() };
        }
        Action::Resize(w, h) => {
            state.size = (w, h);
            state.help_scroll = state.help_scroll.min(super::help::max_scroll(state));
            return Vec::new();
        }
        Action::Type(c) => edit(state, |t| t.push(c)),
        Action::Paste(p) => edit(state, |t| t.extend(p.chars().filter(|c| !c.is_control()))),
        Action::Backspace => edit(state, |t| {
            t.pop();
        }),
        Action::Command(c) => return command(state, c),
        Action::OwnerDone { keep } => super::owner_filter::done(state, keep),
        Action::FilterDone { keep } => super::compare_filter_box::done(state, keep),
    }
    Vec::new()
}

fn edit(state: &mut State, change: impl FnOnce(&mut String)) {
    if super::owner_filter::typing(state) {
        change(&mut state.owner.text);
        super::owner_filter::reselect(state);
    } else if super::compare_filter_box::typing(state) {
        change(&mut state.compare.text);
        super::compare_filter_box::reparse(state);
    } else if *state.view() == View::Search {
        change(&mut state.search.text);
        search_box::refresh(state);
    }
}

fn command(state: &mut State, c: Command) -> Vec<Effect> {
    if state.help {
        super::help::command(state, c);
        return Vec::new();
    }
    state.saved = None;
    match c {
        Command::Quit => return vec![Effect::Quit],
        Command::Reload => return vec![Effect::Load],
        Command::Help => {
            state.help = true;
            state.help_scroll = 0;
        }
        Command::Search => {
            if *state.view() != View::Search {
                state.views.push(View::Search);
            }
        }
        Command::Themes => state.views.push(View::Themes { selected: 0 }),
        Command::Actions
        | Command::OpenOnly
        | Command::MarkOpen
        | Command::MarkDone
        | Command::MarkDropped
        | Command::OwnerFilter => return actions_tab::command(state, c),
        Command::Back => {
            if state.views.len() > 1 {
                state.views.pop();
            }
        }
        Command::Clear => {
            state.search.text.clear();
            search_box::refresh(state);
        }
        Command::Open => navigate::open(state),
        Command::CompareFilter => super::compare_filter_box::start(state),
        Command::ClearFilter => super::compare_filter_box::clear(state),
        _ => navigate::move_in_view(state, c),
    }
    Vec::new()
}
