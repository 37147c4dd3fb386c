//! A small xorshift generator: the same numbers from the same seed on every
//! run, without a dependency. Shared by the integration tests and, through
//! `model::test_rng`, by the library's own tests.

/// A xorshift64 generator; its seed must not be 0.
pub struct Rng(pub u64);

impl Rng {
    /// The next number.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// The next number below `n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}
