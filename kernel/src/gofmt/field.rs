//! Formatting one field: the flags of a verb (`+ - # 0 space`, width, precision) and the
//! routines that turn one integer, string, byte slice or float into padded text.
//!
//! Rules worth knowing (they are all visible in the golden tests):
//!
//! * Width and precision count **runes**, not bytes (`%5s` of "世界" adds three spaces).
//! * Padding is spaces on the left; `-` moves it to the right; `0` pads with zeros, but only
//!   on the left and only numbers: for integers the zeros go after the sign (`%05d` of −1 is
//!   `-0001`), and an explicit precision turns zero padding off (`%08.3d` is `     007`).
//! * For integers the precision is a minimum digit count; `%.0d` of 0 prints nothing.
//! * `#` adds `0x` / `0X` / `0` / `0b` prefixes; `%O` always adds `0o`.
//! * Negative numbers in hex/octal/binary are printed as sign + magnitude (`%x` of −255 is
//!   `-ff`), never as two's complement.

use super::float::format_float;
use super::quote::{can_backquote, quote, quote_rune, rune_count, runes};

/// The flags and sizes parsed from one `%…` directive.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Flags {
    pub plus: bool,
    pub minus: bool,
    pub sharp: bool,
    pub space: bool,
    pub zero: bool,
    /// `%+v`: print struct field names. (`+` itself is cleared for `%v`.)
    pub plus_v: bool,
    /// `%#v`: print Go syntax. (`#` itself is cleared for `%v`.)
    pub sharp_v: bool,
    pub wid: i64,
    pub wid_present: bool,
    pub prec: i64,
    pub prec_present: bool,
}

const LOWER: &[u8; 17] = b"0123456789abcdefx";
const UPPER: &[u8; 17] = b"0123456789ABCDEFX";

/// An output buffer and the flags of the directive being formatted.
#[derive(Default)]
pub(crate) struct Field {
    pub buf: Vec<u8>,
    pub f: Flags,
}

impl Field {
    pub fn write(&mut self, s: &[u8]) {
        self.buf.extend_from_slice(s);
    }

    fn write_padding(&mut self, n: i64) {
        if n <= 0 {
            return;
        }
        let b = if self.f.zero && !self.f.minus {
            b'0'
        } else {
            b' '
        };
        self.buf.extend(std::iter::repeat_n(b, n as usize));
    }

    /// Writes `s` padded to the width (counted in runes).
    pub fn pad(&mut self, s: &[u8]) {
        if !self.f.wid_present || self.f.wid == 0 {
            self.write(s);
            return;
        }
        let n = self.f.wid - rune_count(s) as i64;
        if self.f.minus {
            self.write(s);
            self.write_padding(n);
        } else {
            self.write_padding(n);
            self.write(s);
        }
    }

    /// Pads with spaces even if the `0` flag is set (used for non-numeric text).
    fn pad_spaces(&mut self, s: &[u8]) {
        let zero = std::mem::replace(&mut self.f.zero, false);
        self.pad(s);
        self.f.zero = zero;
    }

    pub fn fmt_boolean(&mut self, v: bool) {
        self.pad(if v { b"true" } else { b"false" });
    }

    /// An integer in `base` (2, 8, 10, 16); `u` holds the two's-complement bits when signed.
    pub fn fmt_integer(&mut self, u: u64, base: u32, signed: bool, verb: char, upper: bool) {
        let digits = if upper { UPPER } else { LOWER };
        let negative = signed && (u as i64) < 0;
        let mut u = if negative { u.wrapping_neg() } else { u };
        let mut prec = 0i64;
        if self.f.prec_present {
            prec = self.f.prec;
            if prec == 0 && u == 0 {
                let zero = std::mem::replace(&mut self.f.zero, false);
                self.write_padding(self.f.wid);
                self.f.zero = zero;
                return;
            }
        } else if self.f.zero && !self.f.minus && self.f.wid_present {
            // Zero padding is done as a precision, so that the zeros follow the sign.
            prec = self.f.wid;
            if negative || self.f.plus || self.f.space {
                prec -= 1;
            }
        }
        let mut out: Vec<u8> = Vec::new(); // built backwards
        loop {
            out.push(digits[(u % base as u64) as usize]);
            u /= base as u64;
            if u == 0 {
                break;
            }
        }
        while (out.len() as i64) < prec {
            out.push(b'0');
        }
        if self.f.sharp {
            match base {
                2 => out.extend_from_slice(b"b0"),
                8 if out.last() != Some(&b'0') => out.push(b'0'),
                16 => {
                    out.push(digits[16]);
                    out.push(b'0');
                }
                _ => {}
            }
        }
        if verb == 'O' {
            out.extend_from_slice(b"o0");
        }
        if negative {
            out.push(b'-');
        } else if self.f.plus {
            out.push(b'+');
        } else if self.f.space {
            out.push(b' ');
        }
        out.reverse();
        self.pad_spaces(&out);
    }

    /// `0x…` hexadecimal of an address or of `%#v` unsigned integers.
    pub fn fmt_0x64(&mut self, v: u64, leading_0x: bool) {
        let sharp = std::mem::replace(&mut self.f.sharp, leading_0x);
        self.fmt_integer(v, 16, false, 'v', false);
        self.f.sharp = sharp;
    }

    /// `%U`: `U+0041`, with `#` also the character: `U+0041 'A'`.
    pub fn fmt_unicode(&mut self, u: u64) {
        let prec = if self.f.prec_present && self.f.prec > 4 {
            self.f.prec as usize
        } else {
            4
        };
        let mut s = format!("U+{u:0prec$X}");
        if self.f.sharp && u <= 0x10ffff && super::quote::is_print(u as u32) {
            if let Some(c) = char::from_u32(u as u32) {
                s.push_str(&format!(" '{c}'"));
            }
        }
        self.pad_spaces(s.as_bytes());
    }

    /// `%c`: the character; invalid code points print as U+FFFD.
    pub fn fmt_c(&mut self, u: u64) {
        let c = u32::try_from(u)
            .ok()
            .and_then(char::from_u32)
            .unwrap_or('\u{fffd}');
        let mut tmp = [0u8; 4];
        self.pad(c.encode_utf8(&mut tmp).as_bytes());
    }

    /// `%q` of an integer: a Go rune literal.
    pub fn fmt_qc(&mut self, u: u64) {
        let r = u32::try_from(u).unwrap_or(0xfffd);
        let r = if r > 0x10ffff { 0xfffd } else { r };
        let q = quote_rune(r, self.f.plus);
        self.pad(&q);
    }

    /// Keeps at most `prec` runes.
    fn truncate<'a>(&self, s: &'a [u8]) -> &'a [u8] {
        if !self.f.prec_present {
            return s;
        }
        let n: usize = runes(s)
            .into_iter()
            .take(self.f.prec.max(0) as usize)
            .map(|r| r.width())
            .sum();
        &s[..n]
    }

    /// `%s`.
    pub fn fmt_s(&mut self, s: &[u8]) {
        let s = self.truncate(s);
        self.pad(s);
    }

    /// `%x` / `%X` of a string or byte slice: two hex digits per byte; with space flag the
    /// bytes are separated, with `#` each (or the whole) gets `0x`. Precision limits bytes.
    pub fn fmt_sbx(&mut self, s: &[u8], upper: bool) {
        let digits = if upper { UPPER } else { LOWER };
        let mut length = s.len();
        if self.f.prec_present && (self.f.prec as usize) < length {
            length = self.f.prec as usize;
        }
        let mut width = 2 * length as i64;
        if width > 0 {
            if self.f.space {
                if self.f.sharp {
                    width *= 2;
                }
                width += length as i64 - 1;
            } else if self.f.sharp {
                width += 2;
            }
        } else {
            if self.f.wid_present {
                self.write_padding(self.f.wid);
            }
            return;
        }
        if self.f.wid_present && self.f.wid > width && !self.f.minus {
            self.write_padding(self.f.wid - width);
        }
        if self.f.sharp {
            self.buf.extend_from_slice(&[b'0', digits[16]]);
        }
        for (i, &c) in s[..length].iter().enumerate() {
            if self.f.space && i > 0 {
                self.buf.push(b' ');
                if self.f.sharp {
                    self.buf.extend_from_slice(&[b'0', digits[16]]);
                }
            }
            self.buf
                .extend_from_slice(&[digits[(c >> 4) as usize], digits[(c & 15) as usize]]);
        }
        if self.f.wid_present && self.f.wid > width && self.f.minus {
            self.write_padding(self.f.wid - width);
        }
    }

    /// `%q` of a string: double-quoted with Go escapes; `#` prefers a raw `` `string` ``,
    /// `+` escapes all non-ASCII.
    pub fn fmt_q(&mut self, s: &[u8]) {
        let s = self.truncate(s);
        if self.f.sharp && can_backquote(s) {
            let mut q = vec![b'`'];
            q.extend_from_slice(s);
            q.push(b'`');
            self.pad(&q);
            return;
        }
        let q = quote(s, self.f.plus);
        self.pad(&q);
    }

    /// A float in strconv format `verb` (`e E f g G x X b`) with default precision `prec`.
    pub fn fmt_float(&mut self, v: f64, bits: u8, verb: u8, prec: i64) {
        let prec = if self.f.prec_present {
            self.f.prec
        } else {
            prec
        };
        let text = format_float(v, verb, prec as i32, bits);
        // `num` always starts with a sign, so that it can be moved before zero padding.
        let mut num: Vec<u8> = if text.starts_with('-') || text.starts_with('+') {
            text.into_bytes()
        } else {
            let mut n = vec![b'+'];
            n.extend_from_slice(text.as_bytes());
            n
        };
        if self.f.space && num[0] == b'+' && !self.f.plus {
            num[0] = b' ';
        }
        if num[1] == b'I' || num[1] == b'N' {
            // Infinities keep their sign (+Inf); NaN has none unless asked for.
            let start = usize::from(num[1] == b'N' && !self.f.space && !self.f.plus);
            self.pad_spaces(&num[start..]);
            return;
        }
        if self.f.sharp && verb != b'b' {
            self.sharp_float(&mut num, verb, prec);
        }
        if self.f.plus || num[0] != b'+' {
            if self.f.zero && !self.f.minus && self.f.wid_present && self.f.wid > num.len() as i64 {
                self.buf.push(num[0]);
                self.write_padding(self.f.wid - num.len() as i64);
                self.write(&num[1..]);
                return;
            }
            self.pad(&num);
            return;
        }
        self.pad(&num[1..]);
    }

    /// `%#g` and friends: always a decimal point, and for `%#g` keep trailing zeros up to the
    /// precision (6 by default).
    fn sharp_float(&self, num: &mut Vec<u8>, verb: u8, prec: i64) {
        let mut digits = match verb {
            b'v' | b'g' | b'G' | b'x' => {
                if prec == -1 {
                    6
                } else {
                    prec
                }
            }
            _ => 0,
        };
        let mut tail = Vec::new();
        let mut has_point = false;
        let mut saw_nonzero = false;
        let mut i = 1;
        while i < num.len() {
            let c = num[i];
            match c {
                b'.' => has_point = true,
                b'p' | b'P' => {
                    tail = num.split_off(i);
                    break;
                }
                b'e' | b'E' if verb != b'x' && verb != b'X' => {
                    tail = num.split_off(i);
                    break;
                }
                _ => {
                    if c != b'0' {
                        saw_nonzero = true;
                    }
                    if saw_nonzero {
                        digits -= 1;
                    }
                }
            }
            i += 1;
        }
        if !has_point {
            if num.len() == 2 && num[1] == b'0' {
                digits -= 1;
            }
            num.push(b'.');
        }
        while digits > 0 {
            num.push(b'0');
            digits -= 1;
        }
        num.extend_from_slice(&tail);
    }
}
