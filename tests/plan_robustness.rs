//! Whatever bytes a plan file holds, reading it never panics and never
//! hangs: random bytes, mutations of real plans, and hostile shapes.

use bunkakai::check::problem_lines;
use bunkakai::i18n::Lang;
use bunkakai::model::read_plan;

/// A small deterministic generator so a failure can be replayed by seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const TOKENS: &[&[u8]] = &[
    b"{",
    b"}",
    b"[",
    b"]",
    b",",
    b":",
    b"\"",
    b"\\",
    b"\\u",
    b"\\ud83d",
    b"null",
    b"true",
    b"-",
    b"0",
    b"1e999",
    b"600",
    b"601",
    b"\"minutes\"",
    b"\"format\"",
    b"\"bunkakai.session/9\"",
    b"\"..\"",
    "白鷹町".as_bytes(),
    b"\xef\xbb\xbf",
    b"\xff",
    b"\x00",
    b"\r\n",
    b"\x1b[2J",
];

fn mutate(rng: &mut Rng, base: &[u8]) -> Vec<u8> {
    let mut out = base.to_vec();
    for _ in 0..1 + rng.below(6) {
        let at = rng.below(out.len() + 1);
        match rng.below(5) {
            0 if !out.is_empty() => {
                let end = (at + rng.below(40)).min(out.len());
                out.drain(at.min(end)..end);
            }
            1 => {
                let tok = TOKENS[rng.below(TOKENS.len())];
                out.splice(at..at, tok.iter().copied());
            }
            2 if at < out.len() => out[at] = rng.next() as u8,
            3 if !out.is_empty() => {
                let from = rng.below(out.len());
                let end = (from + rng.below(200)).min(out.len());
                let chunk = out[from..end].to_vec();
                out.splice(at..at, chunk);
            }
            _ => out.truncate(at),
        }
    }
    out
}

fn read_all_the_way(bytes: &[u8]) {
    let check = read_plan(bytes, "fuzz");
    // Rendering the messages must not panic either (positions, paths, ids).
    for lang in [Lang::Ja, Lang::En] {
        let lines = problem_lines("fuzz.json", &check, lang);
        assert_eq!(check.plan.is_some(), check.errors().next().is_none());
        assert!(check.plan.is_some() || !lines.is_empty());
    }
}

#[test]
fn ten_thousand_random_and_mutated_inputs_never_panic() {
    let root = env!("CARGO_MANIFEST_DIR");
    let seeds: Vec<Vec<u8>> = [
        "tests/fixtures/valid/full_example.json",
        "tests/fixtures/valid/english_workshop.json",
        "tests/fixtures/invalid/many_problems.json",
        "sessions/jichitai-09/session.json",
    ]
    .iter()
    .map(|p| std::fs::read(format!("{root}/{p}")).unwrap())
    .collect();
    let mut rng = Rng(0x5eed_b0b0_cafe_f00d);
    let mut refused = 0;
    for i in 0..10_000 {
        let bytes = if i % 5 == 0 {
            (0..rng.below(300)).map(|_| rng.next() as u8).collect()
        } else {
            // The large bundled plan is mutated less often to keep the run short.
            let base = &seeds[if i % 50 == 1 { 3 } else { rng.below(3) }];
            mutate(&mut rng, base)
        };
        read_all_the_way(&bytes);
        refused += usize::from(read_plan(&bytes, "fuzz").plan.is_none());
    }
    // The generator must actually exercise the error paths.
    assert!(refused > 5_000, "only {refused} inputs were refused");
}

#[test]
fn hostile_shapes_are_refused_cleanly() {
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    let deep_obj = "{\"a\":".repeat(10_000) + "1" + &"}".repeat(10_000);
    for bytes in [
        deep.as_bytes(),
        deep_obj.as_bytes(),
        b"",
        b"\0\0\0",
        b"\xef\xbb\xbf",
        b"\"\\u0000\"",
    ] {
        let check = read_plan(bytes, "x");
        assert!(check.plan.is_none());
        assert_eq!(check.problems.len(), 1, "{:?}", check.problems);
    }
}

#[test]
fn ten_megabytes_of_members_are_read() {
    let member = "\"気仙沼市のとても長い名前の参加者\",";
    let count = 10_000_000 / member.len();
    let mut text = String::from(
        "{\"format\":\"bunkakai.session/1\",\"title\":\"大きな会\",\
         \"agenda\":[{\"id\":\"x\",\"title\":\"議論\",\"minutes\":45,\"breakout\":true}],\
         \"groups\":[{\"id\":\"A\",\"members\":[",
    );
    for _ in 0..count {
        text.push_str(member);
    }
    text.push_str("\"最後\"]}]}");
    assert!(text.len() >= 10_000_000);
    let check = read_plan(text.as_bytes(), "big");
    let plan = check.plan.expect("a big roster is still a valid plan");
    assert_eq!(plan.groups[0].members.len(), count + 1);
}
