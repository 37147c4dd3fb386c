//! The plan of a sitting (`session.json`): what people write before the day.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Tz;

/// The format tag this program writes and the newest version it reads.
pub(crate) const SESSION_KIND: &str = "bunkakai.session";
/// The newest `bunkakai.session` version this program understands.
pub(crate) const SESSION_VERSION: u32 = 1;

/// One sitting's plan: agenda, themes, groups and reference cards.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// The session id (the folder name unless the file gives one).
    pub id: String,
    /// The sitting's title, e.g. 「第9回 自治体勉強会」.
    pub title: String,
    /// The day of the sitting, when planned.
    pub date: Option<NaiveDate>,
    /// The planned start, local time in `timezone`.
    pub(crate) start: Option<NaiveTime>,
    /// The time zone every clock of this sitting is shown in.
    pub(crate) timezone: Tz,
    /// Minutes before a block's end at which the facilitator is alerted.
    pub(crate) alerts_min: Vec<u32>,
    /// Messages to paste into breakout rooms; empty means the built-in ones.
    pub(crate) broadcasts: Vec<String>,
    /// The blocks, in the order they run.
    pub agenda: Vec<AgendaBlock>,
    /// Discussion themes (prompt cards).
    pub themes: Vec<Theme>,
    /// Breakout groups and their rosters.
    pub groups: Vec<Group>,
    /// Reference cards a facilitator may open on screen.
    pub references: Vec<Reference>,
    /// The id of the sitting this one continues (filled by `bunkakai new --from`).
    pub follows: Option<String>,
}

/// One block of the agenda, such as the 5-minute briefing.
#[derive(Debug, Clone, PartialEq)]
pub struct AgendaBlock {
    /// Unique among blocks.
    pub(crate) id: String,
    /// What the block is called on screen.
    pub(crate) title: String,
    /// Planned length in whole minutes.
    pub minutes: u32,
    /// Where in the handout, e.g. 「資料P8～」.
    pub(crate) materials: Option<String>,
    /// What the block covers.
    pub(crate) points: Vec<String>,
    /// True when the groups meet separately during this block.
    pub breakout: bool,
    /// Phases inside the block (自己紹介 / 意見交換 / まとめ).
    pub(crate) segments: Vec<Segment>,
    /// Set when the block is a report-back round.
    pub(crate) report: Option<ReportRound>,
}

/// A phase inside a block with its own countdown.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Segment {
    /// e.g. 「自己紹介」.
    pub(crate) title: String,
    /// Planned length in whole minutes.
    pub(crate) minutes: u32,
}

/// A report-back round: each group reports in turn.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ReportRound {
    /// Minutes each group gets.
    pub(crate) minutes_per_group: u32,
    /// Group ids in reporting order (all groups in plan order when not given).
    pub(crate) order: Vec<String>,
}

/// A discussion theme: the prompt card for the groups that take it.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// Unique among themes.
    pub(crate) id: String,
    /// e.g. 「庁内の体制構築、目標設定について」.
    pub(crate) title: String,
    /// Who the theme is for.
    pub(crate) audience: Option<String>,
    /// Key questions (◆).
    pub(crate) questions: Vec<Question>,
    /// Questions gathered in the pre-session survey (※).
    pub(crate) survey: Vec<Question>,
    /// Stages of the 取組サイクル (①…④) this theme is for; `roster assign`
    /// gives it to the groups formed at those stages.
    pub stages: Vec<String>,
}

/// One question on a prompt card; notes refer to it by `id`.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    /// `q1`, `q2`… for key questions, `s1`… for survey ones, unless given.
    pub(crate) id: String,
    /// The question.
    pub text: String,
    /// Sub-items shown under the question.
    pub points: Vec<String>,
}

/// A breakout group and its roster.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Unique among groups; also the notes file name.
    pub id: String,
    /// A short tag such as a stage 「①」.
    pub(crate) label: Option<String>,
    /// A longer name, when the group has one.
    pub(crate) name: Option<String>,
    /// Ids of the themes this group discusses.
    pub themes: Vec<String>,
    /// The roster.
    pub members: Vec<Member>,
}

/// A participant (a person or, in the bundled sitting, a municipality).
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The name shown in the roster, e.g. 「気仙沼市」.
    pub(crate) name: String,
    /// Their role or department.
    pub role: Option<String>,
    /// The organisation they belong to.
    pub(crate) affiliation: Option<String>,
    /// The prefecture (都道府県) the member is in; `roster assign` spreads them.
    pub prefecture: Option<String>,
    /// The stage of the 取組サイクル the member is at, e.g. 「①」.
    pub stage: Option<String>,
    /// Where to reach them; `roster show --format zoom` needs it.
    pub email: Option<String>,
    /// How the name is read (ふりがな), for sorting and for the roster.
    pub reading: Option<String>,
}

impl Member {
    /// A member known only by name.
    pub(crate) fn named(name: impl Into<String>) -> Member {
        Member {
            name: name.into(),
            role: None,
            affiliation: None,
            prefecture: None,
            stage: None,
            email: None,
            reading: None,
        }
    }
}

/// A reference card (the grants table, the 取組サイクル, …).
#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    /// Optional id, unique among references.
    pub(crate) id: Option<String>,
    /// The card's title.
    pub(crate) title: String,
    /// The card's text; line breaks are kept.
    pub body: String,
}

impl Plan {
    /// Total planned minutes of the agenda.
    pub(crate) fn total_minutes(&self) -> u32 {
        self.agenda.iter().map(|b| b.minutes).sum()
    }

    /// The planned start as an instant, when both date and start are given.
    pub(crate) fn planned_start(&self) -> Option<chrono::DateTime<Tz>> {
        let naive = NaiveDateTime::new(self.date?, self.start?);
        self.timezone.from_local_datetime(&naive).earliest()
    }

    /// Looks a theme up by id.
    pub(crate) fn theme(&self, id: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }

    /// Looks a group up by id.
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }
}

impl Theme {
    /// Key questions then survey questions, in card order.
    pub fn all_questions(&self) -> impl Iterator<Item = &Question> {
        self.questions.iter().chain(self.survey.iter())
    }
}
