//! The reader thread over a pipe standing in for the terminal.

use std::fs::File;
use std::io::Write;
use std::os::fd::AsRawFd;
use std::time::Duration;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use futures_util::StreamExt;

use super::{Input, Tty, pipe};

fn input() -> (Input, File) {
    let (r, w) = pipe().unwrap();
    let r = File::from(r);
    let tty = Tty {
        fd: r.as_raw_fd(),
        _owned: Some(r),
    };
    (Input::on(tty).unwrap(), w)
}

fn key(code: KeyCode, m: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, m))
}

async fn next(i: &mut Input) -> Event {
    tokio::time::timeout(Duration::from_secs(5), i.next())
        .await
        .expect("an event within 5 s")
        .expect("the stream goes on")
        .expect("no error")
}

#[tokio::test(flavor = "current_thread")]
async fn a_sequence_split_across_writes_is_one_key_and_a_burst_is_every_key() {
    let (mut i, mut w) = input();
    w.write_all(b"\x1b[1;").unwrap();
    std::thread::sleep(Duration::from_millis(5));
    w.write_all("2R議\x1b[B[[".as_bytes()).unwrap();
    assert_eq!(next(&mut i).await, key(KeyCode::F(3), KeyModifiers::SHIFT));
    assert_eq!(
        next(&mut i).await,
        key(KeyCode::Char('議'), KeyModifiers::NONE)
    );
    assert_eq!(next(&mut i).await, key(KeyCode::Down, KeyModifiers::NONE));
    assert_eq!(
        next(&mut i).await,
        key(KeyCode::Char('['), KeyModifiers::NONE)
    );
    assert_eq!(
        next(&mut i).await,
        key(KeyCode::Char('['), KeyModifiers::NONE)
    );
}

#[tokio::test(flavor = "current_thread")]
async fn a_lone_esc_arrives_without_another_key_after_it() {
    let (mut i, mut w) = input();
    w.write_all(b"\x1b").unwrap();
    assert_eq!(next(&mut i).await, key(KeyCode::Esc, KeyModifiers::NONE));
}

#[tokio::test(flavor = "current_thread")]
async fn the_end_of_input_ends_the_stream_with_an_error() {
    let (mut i, w) = input();
    drop(w);
    let end = tokio::time::timeout(Duration::from_secs(5), i.next())
        .await
        .unwrap();
    assert!(matches!(end, Some(Err(_))), "{end:?}");
}

#[test]
fn dropping_the_input_stops_a_reader_blocked_on_the_terminal() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let (done_tx, done) = std::sync::mpsc::channel();
    // The writer stays open: the reader is blocked with nothing to read.
    let (i, _w) = rt.block_on(async { input() });
    std::thread::spawn(move || {
        drop(i);
        let _ = done_tx.send(());
    });
    assert!(
        done.recv_timeout(Duration::from_secs(5)).is_ok(),
        "the reader thread did not stop"
    );
}
