//! The mutations every file kind gets: truncation, byte flips, numbers
//! replaced by huge and negative ones, values replaced by other types,
//! stamps in far years, deep nesting, duplicate and unknown fields, future
//! formats, BOMs, NULs, invalid UTF-8, another group, unknown kinds.

/// xorshift64*: small, seeded, the same on every machine.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

pub(crate) const NUMBERS: &[&str] = &[
    "9223372036854775807",
    "-9223372036854775808",
    "9000000000000",
    "-10000000000000000",
    "10000000000000000",
    "-1",
    "4294967296",
    "1e308",
    "0.5",
    "99999999999999999999999",
];
pub(crate) const STAMPS: &[&str] = &[
    "+262143-12-31T23:59:59Z",
    "0000-01-01T00:00:00+00:00",
    "9999-12-31T23:59:59+14:00",
    "1900-01-01T00:00:00-12:00",
];
pub(crate) const FORMATS: &[&str] = &[
    "bunkakai.run/2",
    "bunkakai.notes/9",
    "bunkakai.session/7",
    "bunkakai.notes/+1",
    "bunkakai.run/0",
    "bunkakai.notes/01",
    "+1",
    "",
];

/// One mutation of `bytes` chosen by `rng`.
pub(crate) fn mutate(rng: &mut Rng, bytes: &mut Vec<u8>) {
    let len = bytes.len().max(1);
    match rng.below(14) {
        0 => bytes.truncate(rng.below(len)),
        1 => {
            for _ in 0..1 + rng.below(4) {
                let i = rng.below(len).min(bytes.len().saturating_sub(1));
                if let Some(b) = bytes.get_mut(i) {
                    *b ^= 1 << rng.below(8);
                }
            }
        }
        2 => replace_token(rng, bytes, is_number_start, NUMBERS),
        3 => replace_token(
            rng,
            bytes,
            |b| b == b'"',
            &["[]", "{}", "null", "true", "7", "\"\""],
        ),
        4 => replace_token(
            rng,
            bytes,
            |b| b == b'"',
            STAMPS
                .iter()
                .map(|s| s.to_string())
                .map(|s| format!("\"{s}\""))
                .collect::<Vec<_>>()
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .as_slice(),
        ),
        5 => {
            let depth = 1 + rng.below(300);
            let nest = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            insert_value(rng, bytes, &nest);
        }
        6 => insert_member(rng, bytes, "\"format\": \"bunkakai.run/1\""),
        7 => insert_member(rng, bytes, "\"x_future\": {\"keep\": [1, 2]}"),
        8 => {
            let f = FORMATS[rng.below(FORMATS.len())];
            set_format(bytes, f);
        }
        9 => {
            let mut out = "\u{feff}".repeat(1 + rng.below(2)).into_bytes();
            out.append(bytes);
            *bytes = out;
        }
        10 => {
            let i = rng.below(len).min(bytes.len());
            bytes.insert(i, 0);
        }
        11 => {
            let i = rng.below(len).min(bytes.len());
            let bad: &[u8] = [&[0xFF][..], &[0xC3], &[0xE3, 0x81], &[0x82, 0xA0]][rng.below(4)];
            bytes.splice(i..i, bad.iter().copied());
        }
        12 => {
            let g = ["B", "../x", "", "A\u{0}", "ZZ"][rng.below(5)];
            let text = String::from_utf8_lossy(bytes)
                .replace("\"group\": \"A\"", &format!("\"group\": {g:?}"));
            *bytes = text.into_bytes();
        }
        _ => {
            let text = String::from_utf8_lossy(bytes)
                .replace("\"issue\"", "\"bogus\"")
                .replacen("\"exchange\"", "\"no-such-block\"", 1);
            *bytes = text.into_bytes();
        }
    }
}

pub(crate) fn is_number_start(b: u8) -> bool {
    b.is_ascii_digit() || b == b'-'
}

/// Replaces a random token starting with a byte `start` accepts (a number,
/// or a string) by one of `with`.
pub(crate) fn replace_token(
    rng: &mut Rng,
    bytes: &mut Vec<u8>,
    start: fn(u8) -> bool,
    with: &[&str],
) {
    let starts: Vec<usize> = (0..bytes.len())
        .filter(|&i| start(bytes[i]) && (i == 0 || !start(bytes[i - 1]) || bytes[i] == b'"'))
        .filter(|&i| i > 0 && matches!(bytes[i - 1], b':' | b' ' | b'[' | b','))
        .collect();
    if starts.is_empty() {
        return;
    }
    let i = starts[rng.below(starts.len())];
    let end = if bytes[i] == b'"' {
        let mut j = i + 1;
        while j < bytes.len() && (bytes[j] != b'"' || bytes[j - 1] == b'\\') {
            j += 1;
        }
        (j + 1).min(bytes.len())
    } else {
        let mut j = i + 1;
        while j < bytes.len() && matches!(bytes[j], b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-')
        {
            j += 1;
        }
        j
    };
    let new = with[rng.below(with.len())].as_bytes().to_vec();
    bytes.splice(i..end, new);
}

pub(crate) fn insert_value(rng: &mut Rng, bytes: &mut Vec<u8>, value: &str) {
    let spots: Vec<usize> = (0..bytes.len()).filter(|&i| bytes[i] == b':').collect();
    if spots.is_empty() {
        return;
    }
    let i = spots[rng.below(spots.len())] + 1;
    bytes.splice(i..i, format!("{value}, \"x\":").into_bytes());
}

pub(crate) fn insert_member(rng: &mut Rng, bytes: &mut Vec<u8>, member: &str) {
    let spots: Vec<usize> = (0..bytes.len()).filter(|&i| bytes[i] == b'{').collect();
    if spots.is_empty() {
        return;
    }
    let i = spots[rng.below(spots.len())] + 1;
    bytes.splice(i..i, format!("{member},").into_bytes());
}

pub(crate) fn set_format(bytes: &mut Vec<u8>, tag: &str) {
    let text = String::from_utf8_lossy(bytes).into_owned();
    if let Some(start) = text.find("\"format\"") {
        let rest = &text[start..];
        if let Some(end) = rest.find(',') {
            *bytes = format!("{}\"format\": {tag:?}{}", &text[..start], &rest[end..]).into_bytes();
        }
    }
}
