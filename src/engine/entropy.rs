//! Seedable randomness: UUIDs, `States.MathRandom` and retry jitter.
//!
//! One [`Entropy`] per execution, seeded by the caller, so two runs with the same seed produce the
//! same task tokens, execution ids and jittered delays. SplitMix64: tiny, fast, good enough for
//! non-cryptographic identifiers.

/// A deterministic random source.
#[derive(Debug, Clone)]
pub struct Entropy {
    state: u64,
}

impl Entropy {
    /// A source from a seed.
    pub fn new(seed: u64) -> Self {
        Entropy { state: seed ^ 0x9E37_79B9_7F4A_7C15 }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A float in `[0, 1)`.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A random version-4 UUID, lowercase hyphenated.
    pub fn uuid(&mut self) -> String {
        let (a, b) = (self.next_u64(), self.next_u64());
        let a = (a & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000;
        let b = (b & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000;
        format!(
            "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
            a >> 32,
            (a >> 16) & 0xFFFF,
            a & 0xFFFF,
            b >> 48,
            b & 0xFFFF_FFFF_FFFF
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_sequence_and_uuid_shape() {
        let (mut a, mut b) = (Entropy::new(7), Entropy::new(7));
        assert_eq!(a.uuid(), b.uuid());
        let u = a.uuid();
        assert_eq!(u.len(), 36);
        assert_eq!(&u[14..15], "4");
        assert!(matches!(&u[19..20], "8" | "9" | "a" | "b"));
        assert_ne!(Entropy::new(1).next_u64(), Entropy::new(2).next_u64());
        let f = a.next_f64();
        assert!((0.0..1.0).contains(&f));
    }
}
