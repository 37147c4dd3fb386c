//! A JSON reader that remembers where every value and key stands in the file.
//!
//! Plans are written by people, so every problem must be reported with its
//! line and column. serde_json forgets positions once a value is built, hence
//! this small parser: it builds a tree of [`Node`]s, each with its [`Pos`], and
//! never recurses deeper than [`MAX_DEPTH`] so hostile input cannot overflow
//! the stack.

mod error;
mod path;

pub(crate) use error::{SyntaxError, SyntaxErrorKind};

use std::collections::HashSet;
use std::fmt;

/// The deepest nesting of arrays and objects accepted in a plan.
pub(crate) const MAX_DEPTH: usize = 64;

/// A place in a text file: 1-based line and column (columns count characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    /// Line number, from 1.
    pub(crate) line: usize,
    /// Column in characters, from 1.
    pub(crate) col: usize,
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// A JSON value with the positions where it starts and ends.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    /// Where the value starts.
    pub(crate) pos: Pos,
    /// Just after its last character.
    pub(crate) end: Pos,
    /// The value itself.
    pub(crate) value: Value,
}

/// A JSON value whose children carry their positions.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number, kept as written so whole numbers are not rounded.
    Number(String),
    /// A string, unescaped.
    String(String),
    /// An array.
    Array(Vec<Node>),
    /// An object's members in file order, each with the key's position.
    Object(Vec<Member>),
}

/// One `"key": value` pair of an object.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Member {
    /// The key, unescaped.
    pub(crate) key: String,
    /// Where the key starts.
    pub(crate) key_pos: Pos,
    /// The value.
    pub(crate) node: Node,
}

/// Parses a whole document into a positioned tree.
pub(crate) fn parse(text: &str) -> Result<Node, SyntaxError> {
    let mut p = Parser {
        chars: text.chars().collect(),
        i: 0,
        line: 1,
        col: 1,
    };
    p.skip_ws();
    if p.peek().is_none() {
        return Err(p.err(SyntaxErrorKind::Empty));
    }
    let node = p.value(0)?;
    p.skip_ws();
    if p.peek().is_some() {
        return Err(p.err(SyntaxErrorKind::TrailingText));
    }
    Ok(node)
}

struct Parser {
    chars: Vec<char>,
    i: usize,
    line: usize,
    col: usize,
}

impl Parser {
    fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            col: self.col,
        }
    }

    fn err(&self, kind: SyntaxErrorKind) -> SyntaxError {
        SyntaxError {
            pos: self.pos(),
            kind,
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.i).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.i += 1;
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(' ' | '\t' | '\n' | '\r')) {
            self.bump();
        }
    }

    fn unexpected(&self) -> SyntaxError {
        match self.peek() {
            Some(c) => self.err(SyntaxErrorKind::Unexpected(c)),
            None => self.err(SyntaxErrorKind::UnexpectedEnd),
        }
    }

    fn expect(&mut self, want: char) -> Result<(), SyntaxError> {
        if self.peek() == Some(want) {
            self.bump();
            Ok(())
        } else {
            Err(self.unexpected())
        }
    }

    fn value(&mut self, depth: usize) -> Result<Node, SyntaxError> {
        let pos = self.pos();
        let value = match self.peek() {
            Some('{') => self.object(depth + 1)?,
            Some('[') => self.array(depth + 1)?,
            Some('"') => Value::String(self.string()?),
            Some('t') => self.literal("true", Value::Bool(true))?,
            Some('f') => self.literal("false", Value::Bool(false))?,
            Some('n') => self.literal("null", Value::Null)?,
            Some('-' | '0'..='9') => Value::Number(self.number()?),
            _ => return Err(self.unexpected()),
        };
        let end = self.pos();
        Ok(Node { pos, end, value })
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, SyntaxError> {
        for want in word.chars() {
            self.expect(want)?;
        }
        Ok(value)
    }

    fn number(&mut self) -> Result<String, SyntaxError> {
        let start = self.i;
        if self.peek() == Some('-') {
            self.bump();
        }
        match self.peek() {
            Some('0') => {
                self.bump();
            }
            Some('1'..='9') => self.digits(),
            _ => return Err(self.err(SyntaxErrorKind::BadNumber)),
        }
        if self.peek() == Some('.') {
            self.bump();
            if !matches!(self.peek(), Some('0'..='9')) {
                return Err(self.err(SyntaxErrorKind::BadNumber));
            }
            self.digits();
        }
        if matches!(self.peek(), Some('e' | 'E')) {
            self.bump();
            if matches!(self.peek(), Some('+' | '-')) {
                self.bump();
            }
            if !matches!(self.peek(), Some('0'..='9')) {
                return Err(self.err(SyntaxErrorKind::BadNumber));
            }
            self.digits();
        }
        if matches!(self.peek(), Some(c) if c.is_alphanumeric()) {
            return Err(self.err(SyntaxErrorKind::BadNumber));
        }
        Ok(self.chars[start..self.i].iter().collect())
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some('0'..='9')) {
            self.bump();
        }
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        self.expect('"')?;
        let mut out = String::new();
        loop {
            match self.peek() {
                None => return Err(self.err(SyntaxErrorKind::UnexpectedEnd)),
                Some('"') => {
                    self.bump();
                    return Ok(out);
                }
                Some('\\') => {
                    self.bump();
                    out.push(self.escape()?);
                }
                Some(c) if (c as u32) < 0x20 => {
                    return Err(self.err(SyntaxErrorKind::ControlInString(c)));
                }
                Some(c) => {
                    self.bump();
                    out.push(c);
                }
            }
        }
    }

    fn escape(&mut self) -> Result<char, SyntaxError> {
        let c = match self.peek() {
            Some('"') => '"',
            Some('\\') => '\\',
            Some('/') => '/',
            Some('b') => '\u{8}',
            Some('f') => '\u{c}',
            Some('n') => '\n',
            Some('r') => '\r',
            Some('t') => '\t',
            Some('u') => {
                self.bump();
                return self.unicode_escape();
            }
            None => return Err(self.err(SyntaxErrorKind::UnexpectedEnd)),
            Some(_) => return Err(self.err(SyntaxErrorKind::BadEscape)),
        };
        self.bump();
        Ok(c)
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut v = 0;
        for _ in 0..4 {
            let d = self
                .peek()
                .and_then(|c| c.to_digit(16))
                .ok_or_else(|| self.err(SyntaxErrorKind::BadEscape))?;
            self.bump();
            v = v * 16 + d;
        }
        Ok(v)
    }

    fn unicode_escape(&mut self) -> Result<char, SyntaxError> {
        let first = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&first) {
            // A high surrogate must be followed by `\uDC00`..`\uDFFF`.
            if self.peek() != Some('\\') {
                return Err(self.err(SyntaxErrorKind::BadEscape));
            }
            self.bump();
            self.expect('u')
                .map_err(|_| self.err(SyntaxErrorKind::BadEscape))?;
            let low = self.hex4()?;
            if !(0xDC00..0xE000).contains(&low) {
                return Err(self.err(SyntaxErrorKind::BadEscape));
            }
            0x10000 + ((first - 0xD800) << 10) + (low - 0xDC00)
        } else {
            first
        };
        char::from_u32(code).ok_or_else(|| self.err(SyntaxErrorKind::BadEscape))
    }

    fn array(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        if depth > MAX_DEPTH {
            return Err(self.err(SyntaxErrorKind::TooDeep));
        }
        self.expect('[')?;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(']') {
            self.bump();
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_ws();
            if self.peek() == Some(']') && !items.is_empty() {
                return Err(self.err(SyntaxErrorKind::TrailingComma));
            }
            items.push(self.value(depth)?);
            self.skip_ws();
            match self.peek() {
                Some(',') => {
                    self.bump();
                }
                Some(']') => {
                    self.bump();
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.unexpected()),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        if depth > MAX_DEPTH {
            return Err(self.err(SyntaxErrorKind::TooDeep));
        }
        self.expect('{')?;
        let mut members: Vec<Member> = Vec::new();
        // A set keeps duplicate detection linear for objects with many keys.
        let mut keys: HashSet<String> = HashSet::new();
        self.skip_ws();
        if self.peek() == Some('}') {
            self.bump();
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_ws();
            if self.peek() == Some('}') && !members.is_empty() {
                return Err(self.err(SyntaxErrorKind::TrailingComma));
            }
            let key_pos = self.pos();
            if self.peek() != Some('"') {
                return Err(self.unexpected());
            }
            let key = self.string()?;
            if !keys.insert(key.clone()) {
                return Err(SyntaxError {
                    pos: key_pos,
                    kind: SyntaxErrorKind::DuplicateKey(key),
                });
            }
            self.skip_ws();
            self.expect(':')?;
            self.skip_ws();
            let node = self.value(depth)?;
            members.push(Member { key, key_pos, node });
            self.skip_ws();
            match self.peek() {
                Some(',') => {
                    self.bump();
                }
                Some('}') => {
                    self.bump();
                    return Ok(Value::Object(members));
                }
                _ => return Err(self.unexpected()),
            }
        }
    }
}

#[cfg(test)]
mod tests;
