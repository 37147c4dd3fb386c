//! A full rehearsal of jichitai-09 with the mistakes a facilitator makes,
//! driven by actions with an injected `now`.

use super::tests_trust::{at, cmd, notified, state};
use super::*;

/// The whole of jichitai-09 rehearsed with the mistakes a facilitator
/// makes: a stray `b` in the exchange, `n` back, `<` cutting the briefing
/// to zero and `+` giving a minute back, `R` answered no then undone. The
/// alerts ring in order, each once per crossing, and the history says what
/// really happened.
#[test]
fn a_full_rehearsal_with_mistakes_rings_every_signal_and_keeps_the_history() {
    let mut s = state();
    let mut rang: Vec<(i64, String)> = Vec::new();
    let tick_to = |s: &mut State, from: i64, to: i64, rang: &mut Vec<(i64, String)>| {
        for t in from..=to {
            if let Some(b) = notified(&update(s, Action::Tick, at(t))) {
                rang.push((t, b));
            }
        }
    };
    // Briefing: started, cut to zero at 2:00, a minute given back.
    cmd(&mut s, Command::StartPause, 0);
    tick_to(&mut s, 0, 119, &mut rang);
    if let Some(b) = notified(&cmd(&mut s, Command::Cut5, 120)) {
        rang.push((120, b));
    }
    cmd(&mut s, Command::Extend1, 125);
    tick_to(&mut s, 125, 200, &mut rang);
    // Exchange: started at 200; at 20 minutes a stray b, then n.
    cmd(&mut s, Command::NextBlock, 200);
    cmd(&mut s, Command::StartPause, 200);
    tick_to(&mut s, 200, 1400, &mut rang);
    cmd(&mut s, Command::PreviousBlock, 1400);
    cmd(&mut s, Command::NextBlock, 1405);
    // R pressed, answered no; then > for five more minutes.
    cmd(&mut s, Command::Restart, 1410);
    cmd(&mut s, Command::Close, 1411);
    cmd(&mut s, Command::Extend5, 1412);
    tick_to(&mut s, 1412, 3600, &mut rang);
    // Report: A runs over, B, then C.
    cmd(&mut s, Command::NextBlock, 3600);
    cmd(&mut s, Command::StartPause, 3600);
    tick_to(&mut s, 3600, 3800, &mut rang);
    cmd(&mut s, Command::NextTurn, 3800);
    tick_to(&mut s, 3800, 3900, &mut rang);
    cmd(&mut s, Command::NextTurn, 3900);
    tick_to(&mut s, 3900, 4200, &mut rang);
    cmd(&mut s, Command::NextBlock, 4200);
    let said: Vec<(i64, &str)> = rang.iter().map(|(t, b)| (*t, b.as_str())).collect();
    // The exchange ran from 200, 5 seconds away counted as a pause, +5 min:
    // 50 minutes end at 200 + 3000 + 5.
    assert_eq!(
        said,
        [
            // The minute given back is under the 1-minute alert, already
            // given with the cut; the time-up is armed again.
            (120, "時間です：事務局からの情報提供"),
            (180, "時間です：事務局からの情報提供"),
            (200 + 2705, "残り5分：自治体間の意見交換"),
            (200 + 2945, "残り1分：自治体間の意見交換"),
            (200 + 3005, "時間です：自治体間の意見交換"),
            (3600 + 180, "報告時間終了：班A"),
            (3600 + 240, "残り5分：各グループからの報告"),
            (3900 + 180, "報告時間終了：班C"),
            (3600 + 540, "時間です：各グループからの報告"),
        ]
    );
    let h: Vec<(&str, i64, bool)> = s
        .run
        .history
        .iter()
        .map(|h| (h.run.block.as_str(), h.actual_seconds, h.skipped))
        .collect();
    assert_eq!(
        h,
        [
            ("briefing", 205, false),
            ("exchange", 3400 - 5, false),
            ("report", 600, false),
        ]
    );
    let ex = &s.run.history[1].run;
    assert_eq!(ex.adjustments.len(), 1);
    assert!(ex.pauses.iter().any(|p| p.left));
    let turns: Vec<(&str, Option<i64>)> = s.run.history[2]
        .run
        .turns
        .iter()
        .map(|t| (t.group.as_str(), t.actual_seconds))
        .collect();
    assert_eq!(
        turns,
        [("A", Some(200)), ("B", Some(100)), ("C", Some(300))]
    );
    assert!(s.run.ended.is_some());
}
