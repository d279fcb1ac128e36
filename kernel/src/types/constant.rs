//! Exact constant values, the way Go's `go/constant` package keeps them.
//!
//! Go evaluates constant expressions exactly: an untyped float constant is a rational number,
//! not a `float64`, so `0.1 + 0.2 == 0.3` is `true` for untyped constants (each literal is the
//! exact decimal fraction) while the same sum of `float64` variables is not. A constant is
//! rounded only when it becomes typed: a `float64` constant is the nearest `float64`, a
//! `float32` constant the nearest `float32` (the checker's `representable`).
//!
//! [`Real`] is that rational. Like `go/constant` (which switches to a 512-bit `big.Float` when a
//! rational's parts grow past 4096 bits), it bounds how large its parts may grow, so that a
//! pathological constant expression cannot make the checker run out of memory or time: past
//! [`MAX_BITS`] an operation reports an overflow instead.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{Signed, ToPrimitive, Zero};
use serde::{Serialize, Serializer};

/// The most bits the numerator or denominator of a [`Real`] may have (about 10^±19700, far
/// beyond `float64`'s range, so every constant a program can use as a value is exact).
pub const MAX_BITS: u64 = 1 << 16;

/// An exact rational constant (an untyped float constant, or a typed one already rounded to
/// its type's precision).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Real(BigRational);

impl Real {
    /// The exact value of an integer.
    pub fn from_int(i: i128) -> Real {
        Real(BigRational::from_integer(BigInt::from(i)))
    }

    /// The exact value of a finite `float64` (`None` for NaN and infinities).
    pub fn from_f64(f: f64) -> Option<Real> {
        BigRational::from_float(f).map(Real)
    }

    /// Parses a Go floating-point literal without rounding: decimal (`1.5e-3`, `.5`, `1e9`)
    /// or hexadecimal (`0x1.8p3`), with `_` separators. `None` when the literal is malformed
    /// or its exponent is too large to represent exactly.
    pub fn parse(lit: &str) -> Option<Real> {
        let s: String = lit.chars().filter(|&c| c != '_').collect();
        let (hex, body) = match s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
            Some(h) => (true, h),
            None => (false, s.as_str()),
        };
        let (radix, exp_marks): (u32, &[char]) = if hex {
            (16, &['p', 'P'])
        } else {
            (10, &['e', 'E'])
        };
        let (mantissa, exp) = match body.find(exp_marks) {
            Some(i) => (&body[..i], body[i + 1..].parse::<i64>().ok()?),
            None if hex => return None, // a hexadecimal float needs its `p` exponent
            None => (body, 0),
        };
        let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        if int_part.is_empty() && frac_part.is_empty() {
            return None;
        }
        let digits = format!("{int_part}{frac_part}");
        let m = BigInt::parse_bytes(digits.as_bytes(), radix)?;
        // Each fraction digit divides by the radix: 16 = 2^4 for hexadecimal mantissas, whose
        // exponent is binary; decimal literals scale by powers of ten.
        let (base, exp) = if hex {
            (2u32, exp.checked_sub(4 * frac_part.len() as i64)?)
        } else {
            (10u32, exp.checked_sub(frac_part.len() as i64)?)
        };
        // Refuse exponents whose power alone would pass MAX_BITS (10^e has ~3.33e bits).
        if exp.unsigned_abs() > MAX_BITS / 4 + digits.len() as u64 {
            return None;
        }
        let scale = BigInt::from(base).pow(exp.unsigned_abs() as u32);
        let r = if exp >= 0 {
            BigRational::from_integer(m * scale)
        } else {
            BigRational::new(m, scale)
        };
        Real::bounded(r)
    }

    /// `Some(r)` unless its numerator or denominator is larger than [`MAX_BITS`].
    fn bounded(r: BigRational) -> Option<Real> {
        (r.numer().bits() <= MAX_BITS && r.denom().bits() <= MAX_BITS).then_some(Real(r))
    }

    /// The sum, or `None` on overflow (past [`MAX_BITS`]).
    pub fn add(&self, y: &Real) -> Option<Real> {
        Real::bounded(&self.0 + &y.0)
    }

    pub fn sub(&self, y: &Real) -> Option<Real> {
        Real::bounded(&self.0 - &y.0)
    }

    pub fn mul(&self, y: &Real) -> Option<Real> {
        Real::bounded(&self.0 * &y.0)
    }

    /// The quotient; `None` when `y` is zero or on overflow.
    pub fn div(&self, y: &Real) -> Option<Real> {
        if y.is_zero() {
            return None;
        }
        Real::bounded(&self.0 / &y.0)
    }

    pub fn neg(&self) -> Real {
        Real(-&self.0)
    }

    pub fn is_zero(&self) -> bool {
        self.0.is_zero()
    }

    pub fn is_negative(&self) -> bool {
        self.0.is_negative()
    }

    /// Whether the value is a whole number.
    pub fn is_integer(&self) -> bool {
        self.0.is_integer()
    }

    /// The value as an `i128` when it is a whole number that fits.
    pub fn to_i128(&self) -> Option<i128> {
        if self.0.is_integer() {
            self.0.numer().to_i128()
        } else {
            None
        }
    }

    /// The nearest `float64` (ties to even), ±infinity when the value is out of range.
    pub fn to_f64(&self) -> f64 {
        self.0.to_f64().unwrap_or(f64::NAN)
    }

    /// The nearest `float32` (ties to even), ±infinity when the value is out of range.
    ///
    /// Rounding to `float64` first and then to `float32` could round twice; when the `float64`
    /// lies exactly halfway between two `float32`s, the exact value decides the direction.
    pub fn to_f32(&self) -> f32 {
        let d = self.to_f64();
        let f = d as f32;
        if !d.is_finite() || f64::from(f) == d {
            return f;
        }
        // The two float32 neighbours of d, and whether d is their midpoint.
        let (lo, hi) = if f64::from(f) < d {
            (f, f.next_up())
        } else {
            (f.next_down(), f)
        };
        if !(hi.is_finite() && lo.is_finite()) {
            return f;
        }
        let mid = (f64::from(lo) + f64::from(hi)) / 2.0;
        if mid != d {
            return f;
        }
        match Real::from_f64(d).map(|m| self.cmp(&m)) {
            Some(Ordering::Greater) => hi,
            Some(Ordering::Less) => lo,
            _ => f,
        }
    }

    /// The value rounded to the nearest `float64`, kept exact from there on (a typed
    /// `float64` constant); `None` when it overflows `float64`.
    pub fn round_f64(&self) -> Option<Real> {
        Real::from_f64(self.to_f64())
    }

    /// The value rounded to the nearest `float32`; `None` when it overflows `float32`.
    pub fn round_f32(&self) -> Option<Real> {
        Real::from_f64(f64::from(self.to_f32()))
    }
}

/// Serialized as the nearest `float64` (the IR dumps show what the program computes with).
impl Serialize for Real {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.to_f64())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(s: &str) -> Real {
        Real::parse(s).unwrap()
    }

    #[test]
    fn literals_are_exact() {
        assert_eq!(r("0.1").add(&r("0.2")), Some(r("0.3")));
        assert_eq!(r("1e3"), Real::from_int(1000));
        assert_eq!(r("1_000.5"), r("1000.5"));
        assert_eq!(r(".5"), r("5e-1"));
        assert_eq!(r("0x1p-2"), r("0.25"));
        assert_eq!(r("0x1.8p1"), Real::from_int(3));
        assert_eq!(r("0X_1FFFP-16").to_f64(), 0.1249847412109375);
        assert!(Real::parse("0x1.8").is_none());
        assert!(Real::parse("1e1000000000").is_none());
        assert!(Real::parse("e5").is_none());
    }

    #[test]
    fn rounding_is_correct() {
        for s in [
            "0.1",
            "0.3",
            "1e-300",
            "2.5e-324",
            "1.7976931348623157e308",
            "123.456",
        ] {
            assert_eq!(r(s).to_f64(), s.parse::<f64>().unwrap(), "{s}");
            assert_eq!(r(s).to_f32(), s.parse::<f32>().unwrap(), "{s}");
        }
        assert_eq!(r("1e309").to_f64(), f64::INFINITY);
        // Typed float64 arithmetic rounds each operand: 0.1 + 0.2 != 0.3 in float64.
        let sum = r("0.1")
            .round_f64()
            .unwrap()
            .add(&r("0.2").round_f64().unwrap());
        assert_ne!(sum.unwrap().round_f64(), r("0.3").round_f64());
    }

    #[test]
    fn float32_double_rounding() {
        // 1 + 2^-24 + 2^-60: rounding to float64 gives the float32 midpoint 1 + 2^-24, which
        // would then round to even (1.0); the exact value is above it.
        let x = Real::from_int(1)
            .add(&r("0x1p-24"))
            .unwrap()
            .add(&r("0x1p-60"))
            .unwrap();
        assert_eq!(x.to_f32(), 1.0f32 + f32::EPSILON);
    }

    #[test]
    fn growth_is_bounded() {
        let mut x = r("1e1000");
        let mut overflowed = false;
        for _ in 0..20 {
            match x.mul(&x) {
                Some(y) => x = y,
                None => {
                    overflowed = true;
                    break;
                }
            }
        }
        assert!(overflowed);
    }
}
