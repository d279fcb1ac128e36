//! Go's quoting (`strconv.Quote`, `QuoteToASCII`, `QuoteRune`, `CanBackquote`) and the UTF-8
//! decoding rules they rely on.
//!
//! Go strings are byte sequences, not necessarily valid UTF-8. Go decodes them rune by rune;
//! a byte that does not start a valid encoding counts as one rune U+FFFD of width 1. When
//! quoting, such a byte is written as `\xHH`; a valid rune is written as itself when
//! `strconv.IsPrint` accepts it (letters, marks, numbers, punctuation, symbols and the ASCII
//! space), and otherwise as `\a \b \f \n \r \t \v`, `\xHH` (below U+0020 and DEL), `\uHHHH`
//! or `\UHHHHHHHH`. `QuoteToASCII` (`%+q`) escapes every non-ASCII rune the same way.

use super::isprint_table::PRINTABLE;

/// One decoded rune of a Go string: a valid character or an undecodable byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rune {
    Char(char),
    Bad(u8),
}

impl Rune {
    /// Width in bytes of the rune in the string it came from.
    pub(crate) fn width(self) -> usize {
        match self {
            Rune::Char(c) => c.len_utf8(),
            Rune::Bad(_) => 1,
        }
    }
}

/// Decodes bytes as Go's `for range` over a string does.
pub(crate) fn runes(b: &[u8]) -> Vec<Rune> {
    let mut out = Vec::new();
    for chunk in b.utf8_chunks() {
        out.extend(chunk.valid().chars().map(Rune::Char));
        out.extend(chunk.invalid().iter().map(|&x| Rune::Bad(x)));
    }
    out
}

/// `utf8.RuneCount`: the width fmt uses for padding.
pub(crate) fn rune_count(b: &[u8]) -> usize {
    runes(b).len()
}

/// `strconv.IsPrint`.
pub(crate) fn is_print(r: u32) -> bool {
    PRINTABLE
        .binary_search_by(|&(lo, hi)| {
            if hi < r {
                std::cmp::Ordering::Less
            } else if lo > r {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

fn escape_rune(out: &mut Vec<u8>, c: char, quote: char, ascii_only: bool) {
    let r = c as u32;
    if c == quote || c == '\\' {
        out.push(b'\\');
        out.push(c as u8);
        return;
    }
    let printable = if ascii_only {
        r < 0x80 && is_print(r)
    } else {
        is_print(r)
    };
    if printable {
        let mut tmp = [0u8; 4];
        out.extend_from_slice(c.encode_utf8(&mut tmp).as_bytes());
        return;
    }
    let esc = match c {
        '\x07' => "\\a",
        '\x08' => "\\b",
        '\x0c' => "\\f",
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        '\x0b' => "\\v",
        _ if r < 0x20 || r == 0x7f => {
            out.extend_from_slice(format!("\\x{r:02x}").as_bytes());
            return;
        }
        _ if r < 0x10000 => {
            out.extend_from_slice(format!("\\u{r:04x}").as_bytes());
            return;
        }
        _ => {
            out.extend_from_slice(format!("\\U{r:08x}").as_bytes());
            return;
        }
    };
    out.extend_from_slice(esc.as_bytes());
}

/// `strconv.Quote` (or `QuoteToASCII` when `ascii_only`).
pub(crate) fn quote(s: &[u8], ascii_only: bool) -> Vec<u8> {
    let mut out = vec![b'"'];
    for r in runes(s) {
        match r {
            Rune::Char(c) => escape_rune(&mut out, c, '"', ascii_only),
            Rune::Bad(b) => out.extend_from_slice(format!("\\x{b:02x}").as_bytes()),
        }
    }
    out.push(b'"');
    out
}

/// `strconv.QuoteRune` (or `QuoteRuneToASCII`); invalid code points become U+FFFD.
pub(crate) fn quote_rune(r: u32, ascii_only: bool) -> Vec<u8> {
    let c = char::from_u32(r).unwrap_or('\u{fffd}');
    let mut out = vec![b'\''];
    escape_rune(&mut out, c, '\'', ascii_only);
    out.push(b'\'');
    out
}

/// `strconv.CanBackquote`: a raw string literal can hold it (no control characters other
/// than tab, no backquote, no BOM, valid UTF-8).
pub(crate) fn can_backquote(s: &[u8]) -> bool {
    runes(s).into_iter().all(|r| match r {
        Rune::Bad(_) => false,
        Rune::Char(c) if c.len_utf8() > 1 => c != '\u{feff}',
        Rune::Char(c) => !((c < ' ' && c != '\t') || c == '`' || c == '\x7f'),
    })
}

/// Go's quoting of a whole string, as the golden files of the differential test store their
/// cases (`CASE<TAB>%q`). Public so that tests can compare formatted outputs line by line.
pub fn go_quote(s: &[u8]) -> String {
    String::from_utf8(quote(s, false)).expect("quoted text is UTF-8")
}
