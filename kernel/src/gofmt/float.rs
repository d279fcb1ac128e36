//! Floating-point to text, as Go's `strconv.AppendFloat` does it for the formats `fmt` uses.
//!
//! Go separates *which digits* from *how they are laid out*:
//!
//! 1. The digits. With precision −1 Go wants the **shortest** decimal that reads back as the
//!    same float (of 32 or 64 bits). Otherwise it wants the exact binary value correctly
//!    rounded (ties to even) to a number of significant digits (`%e`, `%g`) or of fractional
//!    digits (`%f`). Rust's own formatter computes exactly the same digits (`{:e}` is shortest
//!    round-trip, `{:.N}` / `{:.Ne}` round the exact value half-to-even), so we ask Rust for
//!    the digits and only parse them into `(digits, decimal point position)`.
//! 2. The layout, which is pure Go convention and written out below: exponents have at
//!    least two digits and always a sign (`1e+06`, `1.5e-07`); `%g` switches to the exponent
//!    form when the exponent is < −4 or ≥ the precision, and the shortest form counts as
//!    precision 6 for that test — so `%v` of 100000.0 is `100000` but of 1e6 is `1e+06`.
//!
//! `%x` (hexadecimal mantissa, binary exponent: `0x1.4p+01`) and `%b` (`4503599627370496p-52`)
//! work on the raw bits and are computed here directly.

/// The decimal digits of a non-negative float: `0.d1d2d3… × 10^dp`, no trailing zeros.
struct Decimal {
    digits: Vec<u8>,
    dp: i32,
}

impl Decimal {
    /// Parses Rust's `{:e}` output (`"1.2345e-5"`).
    fn from_exp(s: &str) -> Decimal {
        let (mant, exp) = s.split_once('e').expect("exponent form");
        let exp: i32 = exp.parse().expect("exponent");
        let digits: Vec<u8> = mant.bytes().filter(|b| b.is_ascii_digit()).collect();
        Decimal::trimmed(digits, exp + 1)
    }

    /// Parses Rust's `{:.N}` output (`"123.4500"`).
    fn from_fixed(s: &str) -> Decimal {
        let (int, frac) = s.split_once('.').unwrap_or((s, ""));
        let mut digits: Vec<u8> = int.bytes().chain(frac.bytes()).collect();
        let mut dp = int.len() as i32;
        let lead = digits.iter().take_while(|&&d| d == b'0').count();
        digits.drain(..lead);
        dp -= lead as i32;
        Decimal::trimmed(digits, dp)
    }

    fn trimmed(mut digits: Vec<u8>, dp: i32) -> Decimal {
        while digits.last() == Some(&b'0') {
            digits.pop();
        }
        let dp = if digits.is_empty() { 0 } else { dp };
        Decimal { digits, dp }
    }
}

/// Sign bit, biased-free exponent and mantissa (with the implicit bit) of a float of `bits`
/// bits, as Go's `ftoa` decomposes it. Returns `(neg, mant, exp, mant_bits)`.
fn decompose(v: f64, bits: u8) -> (bool, u64, i32, u32) {
    let (raw, exp_bits, mant_bits, bias) = if bits == 32 {
        ((v as f32).to_bits() as u64, 8u32, 23u32, -127i32)
    } else {
        (v.to_bits(), 11, 52, -1023)
    };
    let neg = raw >> (exp_bits + mant_bits) != 0;
    let mut exp = ((raw >> mant_bits) & ((1 << exp_bits) - 1)) as i32;
    let mut mant = raw & ((1u64 << mant_bits) - 1);
    if exp == 0 {
        exp += 1; // denormal: no implicit leading 1
    } else {
        mant |= 1 << mant_bits;
    }
    (neg, mant, exp + bias, mant_bits)
}

/// `strconv.FormatFloat(v, fmt, prec, bits)` for fmt in `e E f g G x X b`; prec −1 = shortest.
pub(crate) fn format_float(v: f64, fmt: u8, prec: i32, bits: u8) -> String {
    if v.is_nan() {
        return "NaN".into();
    }
    if v.is_infinite() {
        return if v < 0.0 { "-Inf" } else { "+Inf" }.into();
    }
    let (neg, mant, exp, mant_bits) = decompose(v, bits);
    match fmt {
        b'b' => {
            let e = exp - mant_bits as i32;
            let sign = if neg { "-" } else { "" };
            let esign = if e >= 0 { "+" } else { "" };
            return format!("{sign}{mant}p{esign}{e}");
        }
        b'x' | b'X' => return hex_float(prec, fmt, neg, mant, exp, mant_bits),
        _ => {}
    }
    let a = v.abs();
    let mut prec = prec;
    let shortest = prec < 0;
    let d = if v == 0.0 {
        Decimal {
            digits: Vec::new(),
            dp: 0,
        }
    } else if shortest {
        let d = if bits == 32 {
            Decimal::from_exp(&format!("{:e}", a as f32))
        } else {
            Decimal::from_exp(&format!("{a:e}"))
        };
        let nd = d.digits.len() as i32;
        prec = match fmt {
            b'e' | b'E' => (nd - 1).max(0),
            b'f' => (nd - d.dp).max(0),
            _ => nd,
        };
        d
    } else {
        match fmt {
            b'f' => Decimal::from_fixed(&format!("{:.*}", prec as usize, a)),
            b'e' | b'E' => Decimal::from_exp(&format!("{:.*e}", prec as usize, a)),
            _ => {
                if prec == 0 {
                    prec = 1;
                }
                Decimal::from_exp(&format!("{:.*e}", (prec - 1) as usize, a))
            }
        }
    };
    if v == 0.0 && shortest && matches!(fmt, b'g' | b'G') {
        prec = 0;
    }
    layout(neg, &d, prec, fmt, shortest)
}

/// Go's `%e` / `%f` / `%g` layout of decimal digits.
fn layout(neg: bool, d: &Decimal, mut prec: i32, mut fmt: u8, shortest: bool) -> String {
    let nd = d.digits.len() as i32;
    let dp = d.dp;
    if fmt == b'g' || fmt == b'G' {
        let mut eprec = prec;
        if eprec > nd && nd >= dp {
            eprec = nd;
        }
        if shortest {
            eprec = 6; // %v and %g: exponent form from 1e+06 on (and below 1e-04)
        }
        let exp = dp - 1;
        if exp < -4 || exp >= eprec {
            if prec > nd {
                prec = nd;
            }
            prec -= 1;
            fmt = fmt + b'e' - b'g';
        } else {
            if prec > dp {
                prec = nd;
            }
            prec = (prec - dp).max(0);
            fmt = b'f';
        }
    }
    let digit = |i: i32| -> char {
        if i >= 0 && i < nd {
            d.digits[i as usize] as char
        } else {
            '0'
        }
    };
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if fmt == b'e' || fmt == b'E' {
        out.push(digit(0));
        if prec > 0 {
            out.push('.');
            for i in 1..=prec {
                out.push(digit(i));
            }
        }
        out.push(fmt as char);
        let exp = if nd == 0 { 0 } else { dp - 1 };
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    } else {
        if dp > 0 {
            for i in 0..dp {
                out.push(digit(i));
            }
        } else {
            out.push('0');
        }
        if prec > 0 {
            out.push('.');
            for i in 0..prec {
                out.push(digit(dp + i));
            }
        }
    }
    out
}

/// `%x`: `[-]0x1.hhhhp±dd`, the mantissa normalised to a leading 1 (0 only for zero),
/// shortest hex digits when prec < 0, else rounded (half to even) to prec hex digits.
fn hex_float(prec: i32, fmt: u8, neg: bool, mant: u64, exp: i32, mant_bits: u32) -> String {
    let mut exp = if mant == 0 { 0 } else { exp };
    // Put the leading 1 at bit 60, so that each 4 bits below it is one hex digit.
    let mut mant = mant << (60 - mant_bits);
    while mant != 0 && mant & (1 << 60) == 0 {
        mant <<= 1;
        exp -= 1;
    }
    if (0..15).contains(&prec) {
        let shift = (prec * 4) as u32;
        let extra = (mant << shift) & ((1 << 60) - 1);
        mant >>= 60 - shift;
        if extra | (mant & 1) > 1 << 59 {
            mant += 1;
        }
        mant <<= 60 - shift;
        if mant & (1 << 61) != 0 {
            mant >>= 1;
            exp += 1;
        }
    }
    let hex: &[u8; 16] = if fmt == b'X' {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    out.push('0');
    out.push(fmt as char);
    out.push((b'0' + ((mant >> 60) & 1) as u8) as char);
    mant <<= 4;
    if prec < 0 && mant != 0 {
        out.push('.');
        while mant != 0 {
            out.push(hex[((mant >> 60) & 15) as usize] as char);
            mant <<= 4;
        }
    } else if prec > 0 {
        out.push('.');
        for _ in 0..prec {
            out.push(hex[((mant >> 60) & 15) as usize] as char);
            mant <<= 4;
        }
    }
    out.push(if fmt == b'X' { 'P' } else { 'p' });
    out.push(if exp < 0 { '-' } else { '+' });
    out.push_str(&format!("{:02}", exp.abs()));
    out
}
