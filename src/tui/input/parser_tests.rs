use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::{Parser, key};

const NONE: KeyModifiers = KeyModifiers::NONE;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const ALT: KeyModifiers = KeyModifiers::ALT;

fn k(code: KeyCode, m: KeyModifiers) -> Event {
    key(code, m)
}

fn c(ch: char) -> Event {
    let m = if ch.is_uppercase() { SHIFT } else { NONE };
    k(KeyCode::Char(ch), m)
}

fn f(n: u8, m: KeyModifiers) -> Event {
    k(KeyCode::F(n), m)
}

/// Everything `bytes` make in one read, then with the wait over.
fn parse(bytes: &[u8]) -> Vec<Event> {
    let mut p = Parser::new();
    let mut out = p.feed(bytes);
    out.extend(p.expire());
    out
}

/// Bytes and the events they make (complete in one read).
fn table() -> Vec<(&'static [u8], Vec<Event>)> {
    use KeyCode::*;
    vec![
        // Text.
        (b"a", vec![c('a')]),
        (b"A", vec![c('A')]),
        (b" ~", vec![c(' '), c('~')]),
        ("議事録".as_bytes(), vec![c('議'), c('事'), c('録')]),
        ("ﾃﾞｰﾀ".as_bytes(), vec![c('ﾃ'), c('ﾞ'), c('ｰ'), c('ﾀ')]),
        ("é👍".as_bytes(), vec![c('é'), c('👍')]),
        // C0 control keys.
        (b"\r", vec![k(Enter, NONE)]),
        (b"\n", vec![k(Char('j'), CTRL)]),
        (b"\t", vec![k(Tab, NONE)]),
        (b"\x7f", vec![k(Backspace, NONE)]),
        (b"\x08", vec![k(Backspace, NONE)]),
        (b"\x01", vec![k(Char('a'), CTRL)]),
        (b"\x03", vec![k(Char('c'), CTRL)]),
        (b"\x0c", vec![k(Char('l'), CTRL)]),
        (b"\x11", vec![k(Char('q'), CTRL)]),
        (b"\x1a", vec![k(Char('z'), CTRL)]),
        (b"\x00", vec![k(Char(' '), CTRL)]),
        (b"\x1c", vec![k(Char('4'), CTRL)]),
        (b"\x1f", vec![k(Char('7'), CTRL)]),
        // Esc alone, and ESC-prefix Alt.
        (b"\x1b", vec![k(Esc, NONE)]),
        (b"\x1b\x1b", vec![k(Esc, NONE), k(Esc, NONE)]),
        (b"\x1b2", vec![k(Char('2'), ALT)]),
        (b"\x1bq", vec![k(Char('q'), ALT)]),
        (b"\x1bK", vec![k(Char('K'), ALT | SHIFT)]),
        (b"\x1b\x7f", vec![k(Backspace, ALT)]),
        (b"\x1b\r", vec![k(Enter, ALT)]),
        ("\x1bあ".as_bytes(), vec![k(Char('あ'), ALT)]),
        (b"\x1b[", vec![k(Char('['), ALT)]),
        (b"\x1bO", vec![k(Char('O'), ALT | SHIFT)]),
        (b"\x1b\x1b[A", vec![k(Up, ALT)]),
        (b"\x1b\x1bx", vec![k(Esc, NONE), k(Char('x'), ALT)]),
        // Cursor keys, plain, SS3 and with modifiers.
        (b"\x1b[A", vec![k(Up, NONE)]),
        (b"\x1b[B", vec![k(Down, NONE)]),
        (b"\x1b[C", vec![k(Right, NONE)]),
        (b"\x1b[D", vec![k(Left, NONE)]),
        (b"\x1b[H", vec![k(Home, NONE)]),
        (b"\x1b[F", vec![k(End, NONE)]),
        (b"\x1bOA", vec![k(Up, NONE)]),
        (b"\x1bOD", vec![k(Left, NONE)]),
        (b"\x1bOH", vec![k(Home, NONE)]),
        (b"\x1bOF", vec![k(End, NONE)]),
        (b"\x1b[1;3A", vec![k(Up, ALT)]),
        (b"\x1b[1;5D", vec![k(Left, CTRL)]),
        (b"\x1b[1;2H", vec![k(Home, SHIFT)]),
        (b"\x1b[1;6F", vec![k(End, SHIFT | CTRL)]),
        (b"\x1b[1;4B", vec![k(Down, SHIFT | ALT)]),
        // The `~` keys, with modifiers.
        (b"\x1b[1~", vec![k(Home, NONE)]),
        (b"\x1b[2~", vec![k(Insert, NONE)]),
        (b"\x1b[3~", vec![k(Delete, NONE)]),
        (b"\x1b[4~", vec![k(End, NONE)]),
        (b"\x1b[5~", vec![k(PageUp, NONE)]),
        (b"\x1b[6~", vec![k(PageDown, NONE)]),
        (b"\x1b[7~", vec![k(Home, NONE)]),
        (b"\x1b[8~", vec![k(End, NONE)]),
        (b"\x1b[3;5~", vec![k(Delete, CTRL)]),
        (b"\x1b[5;2~", vec![k(PageUp, SHIFT)]),
        // F1–F12 in every form.
        (b"\x1bOP", vec![f(1, NONE)]),
        (b"\x1bOQ", vec![f(2, NONE)]),
        (b"\x1bOR", vec![f(3, NONE)]),
        (b"\x1bOS", vec![f(4, NONE)]),
        (b"\x1b[11~", vec![f(1, NONE)]),
        (b"\x1b[12~", vec![f(2, NONE)]),
        (b"\x1b[13~", vec![f(3, NONE)]),
        (b"\x1b[14~", vec![f(4, NONE)]),
        (b"\x1b[15~", vec![f(5, NONE)]),
        (b"\x1b[17~", vec![f(6, NONE)]),
        (b"\x1b[18~", vec![f(7, NONE)]),
        (b"\x1b[19~", vec![f(8, NONE)]),
        (b"\x1b[20~", vec![f(9, NONE)]),
        (b"\x1b[21~", vec![f(10, NONE)]),
        (b"\x1b[23~", vec![f(11, NONE)]),
        (b"\x1b[24~", vec![f(12, NONE)]),
        (b"\x1b[25~", vec![f(13, NONE)]),
        (b"\x1b[[A", vec![f(1, NONE)]),
        (b"\x1b[[E", vec![f(5, NONE)]),
        (b"\x1b[P", vec![f(1, NONE)]),
        (b"\x1b[1;2P", vec![f(1, SHIFT)]),
        (b"\x1b[1;2Q", vec![f(2, SHIFT)]),
        (b"\x1b[1;2R", vec![f(3, SHIFT)]),
        (b"\x1b[1;5R", vec![f(3, CTRL)]),
        (b"\x1b[1;2S", vec![f(4, SHIFT)]),
        (b"\x1b[13;2~", vec![f(3, SHIFT)]),
        (b"\x1b[15;2~", vec![f(5, SHIFT)]),
        (b"\x1b[24;5~", vec![f(12, CTRL)]),
        (b"\x1bO2R", vec![f(3, SHIFT)]),
        (b"\x1bO2P", vec![f(1, SHIFT)]),
        (b"\x1bO5S", vec![f(4, CTRL)]),
        (b"\x1bO1;2R", vec![f(3, SHIFT)]),
        // Back-tab.
        (b"\x1b[Z", vec![k(BackTab, SHIFT)]),
        // The keypad in application mode.
        (b"\x1bOM", vec![k(Enter, NONE)]),
        (b"\x1bOp", vec![c('0')]),
        (b"\x1bOk", vec![c('+')]),
        // Focus.
        (b"\x1b[I", vec![Event::FocusGained]),
        (b"\x1b[O", vec![Event::FocusLost]),
        // Bracketed paste keeps TABs and line breaks.
        (
            "\x1b[200~一行目\t列\r\n二行目\x1b[201~".as_bytes(),
            vec![Event::Paste("一行目\t列\r\n二行目".into())],
        ),
        (b"\x1b[200~\x1b[201~", vec![Event::Paste(String::new())]),
        (
            b"\x1b[200~a\x1b[Ab\x1b[201~x",
            vec![Event::Paste("a\x1b[Ab".into()), c('x')],
        ),
        // CSI-u (kitty, xterm's modifyOtherKeys) and modifyOtherKeys' `27 ~`.
        (b"\x1b[97;5u", vec![k(Char('a'), CTRL)]),
        (b"\x1b[97;2u", vec![c('A')]),
        (b"\x1b[97:65;2u", vec![c('A')]),
        (b"\x1b[13;2u", vec![k(Enter, SHIFT)]),
        (b"\x1b[9;2u", vec![k(BackTab, SHIFT)]),
        (b"\x1b[27u", vec![k(Esc, NONE)]),
        (b"\x1b[127;3u", vec![k(Backspace, ALT)]),
        (b"\x1b[12354u", vec![c('あ')]),
        (b"\x1b[27;5;106~", vec![k(Char('j'), CTRL)]),
        (b"\x1b[27;2;13~", vec![k(Enter, SHIFT)]),
        (
            b"\x1b[97;1:3u",
            vec![Event::Key(KeyEvent::new_with_kind(
                Char('a'),
                NONE,
                KeyEventKind::Release,
            ))],
        ),
        // Unknown or unasked-for sequences vanish whole.
        (b"\x1b[99~", vec![]),
        (b"\x1b[?1;2c", vec![]),
        (b"\x1b[?1u", vec![]),
        (b"\x1b[<0;10;5M", vec![]),
        (b"\x1b[M !!", vec![]),
        (b"\x1b[201~", vec![]),
        (b"\x1b[1;2X", vec![]),
        (b"\x1b[>0;95;0c", vec![]),
        (b"\x1b[57441u", vec![]),
        (b"\x1bO2Z", vec![]),
        (b"\x1bOz", vec![]),
        (b"\x1b[1 q", vec![]),
        // Broken UTF-8 is dropped, not guessed.
        (b"\xff", vec![]),
        (b"\x80a", vec![c('a')]),
        (b"\xe3\x81a", vec![c('a')]),
        // A sequence cut short by a control byte: the rest is parsed.
        (b"\x1b[1;\r", vec![k(Enter, NONE)]),
        (b"\x1bO2\t", vec![k(Tab, NONE)]),
        // Two keys in one read both count.
        (b"[[", vec![c('['), c('[')]),
        (b"\x1b[B[[", vec![k(Down, NONE), c('['), c('[')]),
        (b"  ", vec![c(' '), c(' ')]),
        (b"\x1b[1;2R\x1bO2R", vec![f(3, SHIFT), f(3, SHIFT)]),
    ]
}

#[test]
fn every_sequence_in_the_table_makes_its_events() {
    for (bytes, want) in table() {
        assert_eq!(parse(bytes), want, "{:?}", String::from_utf8_lossy(bytes));
    }
}

#[test]
fn shift_f3_never_types_an_r() {
    for bytes in [&b"\x1b[1;2R"[..], b"\x1bO2R"] {
        let evs = parse(bytes);
        assert_eq!(evs, vec![f(3, SHIFT)]);
        assert!(!evs.contains(&c('R')));
    }
}

#[test]
fn a_complete_sequence_needs_no_wait() {
    for (bytes, want) in table() {
        let mut p = Parser::new();
        let got = p.feed(bytes);
        // Only a lone ESC (or ESC with `[`/`O`/ESC) waits to be decided.
        let lone = matches!(bytes, b"\x1b" | b"\x1b\x1b" | b"\x1b[" | b"\x1bO");
        if !lone && !bytes.ends_with(b"\xe3\x81a") {
            assert_eq!(got, want, "{:?}", String::from_utf8_lossy(bytes));
            assert_eq!(p.wait(), None, "{:?}", String::from_utf8_lossy(bytes));
        }
    }
}

#[test]
fn a_lone_esc_waits_briefly_and_is_esc_when_nothing_follows() {
    let mut p = Parser::new();
    assert_eq!(p.feed(b"\x1b"), vec![]);
    assert_eq!(p.wait(), Some(super::ESC_WAIT));
    assert_eq!(p.expire(), vec![k(KeyCode::Esc, NONE)]);
    assert_eq!(p.wait(), None);
    // The rest of the sequence in time: one key, no Esc.
    assert_eq!(p.feed(b"\x1b"), vec![]);
    assert_eq!(p.feed(b"[1;2"), vec![]);
    assert_eq!(p.feed(b"R"), vec![f(3, SHIFT)]);
    // Esc then a letter typed later is Esc, then the letter.
    assert_eq!(p.feed(b"\x1b"), vec![]);
    assert_eq!(p.expire(), vec![k(KeyCode::Esc, NONE)]);
    assert_eq!(p.feed(b"a"), vec![c('a')]);
}

#[test]
fn an_unfinished_sequence_is_dropped_when_the_wait_ends() {
    for bytes in [&b"\x1b[1;2"[..], b"\x1bO2", b"\x1b[200", b"\xe3\x81"] {
        let mut p = Parser::new();
        assert_eq!(p.feed(bytes), vec![]);
        assert!(p.wait().is_some());
        assert_eq!(p.expire(), vec![], "{bytes:?}");
        assert_eq!(p.feed(b"x"), vec![c('x')]);
    }
}

#[test]
fn a_paste_spans_reads_and_keeps_its_tabs_as_text() {
    let mut p = Parser::new();
    assert_eq!(p.feed(b"\x1b[20"), vec![]);
    assert_eq!(p.feed("0~名前\t所属\r".as_bytes()), vec![]);
    assert_eq!(p.wait(), Some(super::PASTE_WAIT));
    assert_eq!(p.feed("雲南\x1b[2".as_bytes()), vec![]);
    assert_eq!(
        p.feed(b"01~\t"),
        vec![
            Event::Paste("名前\t所属\r雲南".into()),
            k(KeyCode::Tab, NONE)
        ]
    );
    assert_eq!(p.wait(), None);
}

#[test]
fn a_paste_whose_end_never_comes_is_pasted_after_the_wait() {
    let mut p = Parser::new();
    assert_eq!(p.feed("\x1b[200~途中\t".as_bytes()), vec![]);
    assert_eq!(p.expire(), vec![Event::Paste("途中\t".into())]);
    assert_eq!(p.feed(b"a"), vec![c('a')]);
}

/// A stream mixing Japanese, every kind of sequence and a paste.
fn mixed() -> (Vec<u8>, Vec<Event>) {
    let mut bytes = Vec::new();
    let mut want = Vec::new();
    for (b, evs) in table() {
        // Sequences that end in a wait (lone ESC) or drop a partial byte
        // cannot be followed by more without changing meaning.
        if matches!(b, b"\x1b" | b"\x1b\x1b" | b"\x1b[" | b"\x1bO") || b.starts_with(b"\xe3") {
            continue;
        }
        bytes.extend_from_slice(b);
        want.extend(evs);
        bytes.extend_from_slice("議".as_bytes());
        want.push(c('議'));
    }
    (bytes, want)
}

#[test]
fn splitting_a_mixed_stream_at_any_byte_changes_nothing() {
    let (bytes, want) = mixed();
    assert_eq!(parse(&bytes), want);
    for cut in 0..=bytes.len() {
        let mut p = Parser::new();
        let mut got = p.feed(&bytes[..cut]);
        got.extend(p.feed(&bytes[cut..]));
        assert_eq!(p.wait(), None, "cut at {cut}");
        assert_eq!(got, want, "cut at {cut}");
    }
}

#[test]
fn feeding_a_mixed_stream_one_byte_at_a_time_changes_nothing() {
    let (bytes, want) = mixed();
    let mut p = Parser::new();
    let got: Vec<Event> = bytes.iter().flat_map(|b| p.feed(&[*b])).collect();
    assert_eq!(got, want);
}

#[test]
fn no_unknown_sequence_leaks_a_printable_byte() {
    // Every final byte after every prefix: either a key, or nothing, but
    // never the final byte typed as text.
    for prefix in [
        &b"\x1b["[..],
        b"\x1b[1;2",
        b"\x1b[99;",
        b"\x1bO",
        b"\x1bO2",
        b"\x1b[?",
    ] {
        for fin in 0x40u8..=0x7e {
            let mut bytes = prefix.to_vec();
            bytes.push(fin);
            if bytes == b"\x1b[M" || bytes == b"\x1b[[" {
                continue;
            }
            let evs = parse(&bytes);
            assert!(evs.len() <= 1, "{bytes:?}: {evs:?}");
            assert_ne!(evs, vec![c(fin as char)], "{bytes:?}");
        }
    }
}
