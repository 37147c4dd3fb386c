use super::*;
use crate::tui::keys::assert_reachable_and_listed;

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

#[test]
fn digits_pick_the_broadcast_message() {
    assert_eq!(command(&Mode::Dashboard, &key('1')), Some(Broadcast(0)));
    assert_eq!(command(&Mode::Dashboard, &key('2')), Some(Broadcast(1)));
    // Every message the plan may define has a key; `update` says when
    // there is no such message.
    assert_eq!(command(&Mode::Dashboard, &key('9')), Some(Broadcast(8)));
    assert_eq!(command(&Mode::Dashboard, &key('0')), None);
}

#[test]
fn each_mode_has_its_own_keys() {
    assert_eq!(command(&Mode::Dashboard, &key(' ')), Some(StartPause));
    assert_eq!(command(&Mode::Dashboard, &key('q')), Some(Quit));
    assert_eq!(command(&Mode::Help, &key('q')), Some(Close));
    let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
    let refs = Mode::References { selected: 0 };
    assert_eq!(command(&refs, &enter), Some(Confirm));
    assert_eq!(command(&Mode::Dashboard, &enter), None);
    let f1 = KeyEvent::new(KeyCode::F(1), KeyModifiers::NONE);
    assert_eq!(command(&Mode::Dashboard, &f1), Some(Help));
    let typing = Mode::RoomMessage {
        text: String::new(),
    };
    assert_eq!(command(&typing, &key('q')), Some(Type('q')));
    assert_eq!(command(&typing, &key('会')), Some(Type('会')));
}

#[test]
fn every_binding_is_reachable_and_in_the_help() {
    assert_reachable_and_listed(DASHBOARD);
    for layer in [
        &REFERENCE_LIST,
        &REFERENCE_CARD,
        &MOVE,
        &POPUP,
        &CONFIRM,
        &BROKEN_RUN,
        &MESSAGE,
    ] {
        assert_reachable_and_listed(&[layer]);
    }
}

#[test]
fn no_key_is_bound_twice_on_the_dashboard() {
    let keys: Vec<Key> = DASHBOARD
        .iter()
        .flat_map(|l| l.bindings.iter().flat_map(|b| b.keys.iter().copied()))
        .collect();
    for (i, k) in keys.iter().enumerate() {
        assert!(!keys[i + 1..].iter().any(|o| o.covers(*k)), "{k:?} twice");
    }
}

#[test]
fn popup_hints_are_written_from_the_popups_own_layer() {
    let mv = Mode::Move { member: 0, to: 1 };
    assert_eq!(
        popup_hint(&mv, Lang::Ja),
        "Up/Down 選ぶ  Left/Right 移動先  Enter 決定  Esc 取消"
    );
    let refs = Mode::References { selected: 0 };
    assert_eq!(popup_hint(&refs, Lang::En), "Enter open  Esc close");
    let card = Mode::Reference {
        index: 0,
        scroll: 0,
    };
    let hint = popup_hint(&card, Lang::Ja);
    assert!(hint.starts_with("Up/Down/PgUp/PgDn 移動"), "{hint}");
    // Every key the hint names works in that popup.
    for (mode, hint) in [(&mv, popup_hint(&mv, Lang::En)), (&card, hint)] {
        for part in hint.split("  ") {
            let keys = part.split(' ').next().unwrap();
            let names: Vec<&str> = match keys {
                "/" => vec!["/"],
                _ => keys.split('/').collect(),
            };
            for name in names {
                let key = layers(mode)
                    .iter()
                    .flat_map(|l| l.bindings.iter().flat_map(|b| b.keys.iter()))
                    .find(|k| k.label() == name);
                let key = key.unwrap_or_else(|| panic!("{name} in {hint}"));
                assert!(command(mode, &key.example()).is_some(), "{name}");
            }
        }
    }
}
