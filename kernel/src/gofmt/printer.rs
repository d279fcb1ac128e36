//! The printer: walks a format string and the argument values, the way Go's `fmt.pp` does.

use std::cmp::Ordering;

use super::field::{Field, Flags};
use super::value::Value;

#[derive(Default)]
pub(crate) struct Printer {
    pub out: Field,
    /// Inside a `%!verb(type=value)` report: methods are not called any more.
    erroring: bool,
    /// `fmt.Errorf`: `%w` prints an error like `%v`.
    pub wrap_errs: bool,
}

/// Top-level arguments are `any`: an interface value there stands for its dynamic value,
/// and a nil interface is Go's untyped `nil` argument (`None`).
fn unwrap_arg(v: &Value) -> Option<&Value> {
    match v {
        Value::Interface { inner, .. } => inner.as_deref().and_then(unwrap_arg),
        v => Some(v),
    }
}

impl Printer {
    fn flags(&mut self) -> &mut Flags {
        &mut self.out.f
    }

    fn write(&mut self, s: &str) {
        self.out.write(s.as_bytes());
    }

    /// `fmt.Sprint`: a space between operands when neither side is a string.
    pub fn do_print(&mut self, args: &[Value]) {
        let mut prev_string = false;
        for (i, a) in args.iter().enumerate() {
            let arg = unwrap_arg(a);
            let is_string = arg.is_some_and(Value::is_string_kind);
            if i > 0 && !is_string && !prev_string {
                self.write(" ");
            }
            self.print_arg(arg, 'v');
            prev_string = is_string;
        }
    }

    /// `fmt.Sprintln`: always a space between operands, and a final newline.
    pub fn do_println(&mut self, args: &[Value]) {
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                self.write(" ");
            }
            self.print_arg(unwrap_arg(a), 'v');
        }
        self.write("\n");
    }

    /// `fmt.Sprintf`.
    pub fn do_printf(&mut self, format: &[u8], args: &[Value]) {
        let args: Vec<Option<&Value>> = args.iter().map(unwrap_arg).collect();
        let end = format.len();
        let mut arg_num = 0usize;
        let mut reordered = false;
        let mut i = 0usize;
        'directives: while i < end {
            let start = i;
            while i < end && format[i] != b'%' {
                i += 1;
            }
            self.out.write(&format[start..i]);
            if i >= end {
                break;
            }
            i += 1; // the '%'
            self.out.f = Flags::default();
            let mut good_arg_num = true;
            while i < end {
                match format[i] {
                    b'#' => self.flags().sharp = true,
                    b'0' => self.flags().zero = true,
                    b'+' => self.flags().plus = true,
                    b'-' => self.flags().minus = true,
                    b' ' => self.flags().space = true,
                    _ => break,
                }
                i += 1;
            }
            // An explicit argument index: %[2]d.
            let mut after_index;
            (arg_num, i, after_index) = self.arg_number(
                arg_num,
                format,
                i,
                args.len(),
                &mut reordered,
                &mut good_arg_num,
            );
            if i < end && format[i] == b'*' {
                i += 1;
                let (n, ok) = int_from_arg(&args, &mut arg_num);
                self.flags().wid = n;
                self.flags().wid_present = ok;
                if !ok {
                    self.write("%!(BADWIDTH)");
                }
                if n < 0 {
                    let f = self.flags();
                    f.wid = -n;
                    f.minus = true;
                    f.zero = false;
                }
                after_index = false;
            } else {
                let (n, ok, ni) = parse_num(format, i);
                self.flags().wid = n;
                self.flags().wid_present = ok;
                i = ni;
                if after_index && ok {
                    good_arg_num = false; // "%[3]2d"
                }
            }
            if i + 1 < end && format[i] == b'.' {
                i += 1;
                if after_index {
                    good_arg_num = false; // "%[3].2d"
                }
                (arg_num, i, after_index) = self.arg_number(
                    arg_num,
                    format,
                    i,
                    args.len(),
                    &mut reordered,
                    &mut good_arg_num,
                );
                if i < end && format[i] == b'*' {
                    i += 1;
                    let (n, ok) = int_from_arg(&args, &mut arg_num);
                    let f = self.flags();
                    f.prec = n;
                    f.prec_present = ok;
                    if n < 0 {
                        f.prec = 0;
                        f.prec_present = false;
                    }
                    if !f.prec_present {
                        self.write("%!(BADPREC)");
                    }
                    after_index = false;
                } else {
                    let (n, ok, ni) = parse_num(format, i);
                    i = ni;
                    let f = self.flags();
                    f.prec = if ok { n } else { 0 };
                    f.prec_present = true; // "%.d" means precision 0
                }
            }
            if !after_index {
                (arg_num, i, _) = self.arg_number(
                    arg_num,
                    format,
                    i,
                    args.len(),
                    &mut reordered,
                    &mut good_arg_num,
                );
            }
            if i >= end {
                self.write("%!(NOVERB)");
                break;
            }
            let (verb, size) = decode_verb(&format[i..]);
            i += size;
            match verb {
                '%' => self.write("%"), // takes no operand, ignores width and precision
                _ if !good_arg_num => self.bad_directive(verb, "BADINDEX"),
                _ if arg_num >= args.len() => self.bad_directive(verb, "MISSING"),
                _ => {
                    if verb == 'v' || verb == 'w' {
                        // `#` and `+` mean Go syntax and field names for %v, not their
                        // usual number flags.
                        let f = self.flags();
                        f.sharp_v = f.sharp;
                        f.sharp = false;
                        f.plus_v = f.plus;
                        f.plus = false;
                    }
                    self.print_arg(args[arg_num], verb);
                    arg_num += 1;
                    continue 'directives;
                }
            }
        }
        if !reordered && arg_num < args.len() {
            self.out.f = Flags::default();
            self.write("%!(EXTRA ");
            for (k, arg) in args[arg_num..].iter().enumerate() {
                if k > 0 {
                    self.write(", ");
                }
                match arg {
                    None => self.write("<nil>"),
                    Some(v) => {
                        self.write(&v.type_name().0.clone());
                        self.write("=");
                        self.print_arg(Some(v), 'v');
                    }
                }
            }
            self.write(")");
        }
    }

    fn bad_directive(&mut self, verb: char, what: &str) {
        self.write(&format!("%!{verb}({what})"));
    }

    /// Parses `[n]` at `i`; returns the new argument number, position and whether an index
    /// was found.
    fn arg_number(
        &mut self,
        arg_num: usize,
        format: &[u8],
        i: usize,
        num_args: usize,
        reordered: &mut bool,
        good: &mut bool,
    ) -> (usize, usize, bool) {
        if i >= format.len() || format[i] != b'[' {
            return (arg_num, i, false);
        }
        *reordered = true;
        let rest = &format[i..];
        let close = rest.iter().position(|&c| c == b']');
        let (index, wid, ok) = match close {
            _ if rest.len() < 3 => (0, 1, false),
            None => (0, 1, false),
            Some(c) => {
                let (n, ok, ni) = parse_num(rest, 1);
                if !ok || ni != c {
                    (0, c + 1, false)
                } else {
                    (n - 1, c + 1, true)
                }
            }
        };
        if ok && index >= 0 && (index as usize) < num_args {
            return (index as usize, i + wid, true);
        }
        *good = false;
        (arg_num, i + wid, ok)
    }

    /// One operand at the top level (`None` = untyped nil).
    pub fn print_arg(&mut self, arg: Option<&Value>, verb: char) {
        let Some(v) = arg else {
            match verb {
                'T' | 'v' => self.out.pad(b"<nil>"),
                _ => self.bad_verb(None, verb),
            }
            return;
        };
        match verb {
            'T' => {
                let t = v.type_name().0.clone();
                self.out.fmt_s(t.as_bytes());
                return;
            }
            'p' => {
                self.fmt_pointer(v.without_methods(), 'p');
                return;
            }
            _ => {}
        }
        if let Value::Slice {
            ty,
            bytes: true,
            elems,
            nil,
            ..
        } = v
        {
            // The unnamed []byte type has a fast path in Go that spells itself "[]byte".
            if ty.0 == "[]uint8" {
                let b = byte_values(elems);
                self.fmt_bytes(v, &b, *nil, verb, "[]byte");
                return;
            }
        }
        if !self.handle_methods(v, verb) {
            self.print_value(v, verb, 0);
        }
    }

    /// Calls `Error()` / `String()` (already called by the VM) for the verbs that use them.
    fn handle_methods(&mut self, v: &Value, verb: char) -> bool {
        if self.erroring {
            return false;
        }
        let mut verb = verb;
        if verb == 'w' {
            if !(self.wrap_errs && matches!(v, Value::Error { .. })) {
                self.bad_verb(Some(v), 'w');
                return true;
            }
            verb = 'v';
        }
        if self.out.f.sharp_v {
            return false; // %#v would call GoString(), which the VM does not provide
        }
        match (v, verb) {
            (Value::Error { s, .. } | Value::Stringer { s, .. }, 'v' | 's' | 'x' | 'X' | 'q') => {
                self.fmt_string(v, s, verb);
                true
            }
            _ => false,
        }
    }

    /// `%!verb(type=value)`: the verb does not fit the operand.
    fn bad_verb(&mut self, v: Option<&Value>, verb: char) {
        self.erroring = true;
        self.write(&format!("%!{verb}("));
        match v {
            Some(v) => {
                self.write(&v.type_name().0.clone());
                self.write("=");
                self.print_arg(Some(v), 'v');
            }
            None => self.write("<nil>"),
        }
        self.write(")");
        self.erroring = false;
    }

    /// A value reached by recursion (`depth > 0`) or a top-level operand without methods.
    fn print_value(&mut self, v: &Value, verb: char, depth: usize) {
        if depth > 0 && self.handle_methods(v, verb) {
            return;
        }
        let sharp_v = self.out.f.sharp_v;
        match v {
            Value::Stringer { inner, .. } | Value::Error { inner, .. } => {
                self.print_value(inner, verb, depth)
            }
            Value::Bool { v: b, .. } => match verb {
                't' | 'v' => self.out.fmt_boolean(*b),
                _ => self.bad_verb(Some(v), verb),
            },
            Value::Int { v: i, .. } => self.fmt_integer(v, *i as u64, true, verb),
            Value::Uint { v: u, .. } => self.fmt_integer(v, *u, false, verb),
            Value::Float { v: x, bits, .. } => self.fmt_float(v, *x, *bits, verb),
            Value::String { s, .. } => self.fmt_string(v, s, verb),
            Value::Map {
                ty, entries, nil, ..
            } => {
                if sharp_v {
                    self.write(&ty.0.clone());
                    if *nil {
                        self.write("(nil)");
                        return;
                    }
                    self.write("{");
                } else {
                    self.write("map[");
                }
                let mut sorted: Vec<&(Value, Value)> = entries.iter().collect();
                sorted.sort_by(|a, b| compare_keys(&a.0, &b.0));
                for (k, (key, val)) in sorted.into_iter().enumerate() {
                    if k > 0 {
                        self.write(if sharp_v { ", " } else { " " });
                    }
                    self.print_value(key, verb, depth + 1);
                    self.write(":");
                    self.print_value(val, verb, depth + 1);
                }
                self.write(if sharp_v { "}" } else { "]" });
            }
            Value::Struct { ty, fields } => {
                if sharp_v {
                    self.write(&ty.0.clone());
                }
                self.write("{");
                for (k, (name, val)) in fields.iter().enumerate() {
                    if k > 0 {
                        self.write(if sharp_v { ", " } else { " " });
                    }
                    if (self.out.f.plus_v || sharp_v) && !name.is_empty() {
                        self.write(name);
                        self.write(":");
                    }
                    self.print_value(val, verb, depth + 1);
                }
                self.write("}");
            }
            Value::Interface { ty, inner } => match inner {
                None if sharp_v => {
                    self.write(&ty.0.clone());
                    self.write("(nil)");
                }
                None => self.write("<nil>"),
                Some(inner) => self.print_value(inner, verb, depth + 1),
            },
            Value::Array {
                ty, elems, bytes, ..
            }
            | Value::Slice {
                ty, elems, bytes, ..
            } => {
                let nil = matches!(v, Value::Slice { nil: true, .. });
                if *bytes && matches!(verb, 's' | 'q' | 'x' | 'X') {
                    let b = byte_values(elems);
                    self.fmt_bytes(v, &b, nil, verb, &ty.0.clone());
                    return;
                }
                if sharp_v {
                    self.write(&ty.0.clone());
                    if nil {
                        self.write("(nil)");
                        return;
                    }
                    self.write("{");
                } else {
                    self.write("[");
                }
                for (k, e) in elems.iter().enumerate() {
                    if k > 0 {
                        self.write(if sharp_v { ", " } else { " " });
                    }
                    self.print_value(e, verb, depth + 1);
                }
                self.write(if sharp_v { "}" } else { "]" });
            }
            Value::Pointer {
                addr,
                target: Some(t),
                ..
            } if depth == 0 && *addr != 0 => {
                // Only at the top level: &{…}, &[…], &map[…]. Deeper, an address.
                self.write("&");
                self.print_value(t, verb, depth + 1);
            }
            Value::Pointer { .. } | Value::Chan { .. } | Value::Func { .. } => {
                self.fmt_pointer(v, verb)
            }
        }
    }

    fn fmt_integer(&mut self, v: &Value, u: u64, signed: bool, verb: char) {
        match verb {
            'v' if self.out.f.sharp_v && !signed => self.out.fmt_0x64(u, true),
            'v' | 'd' => self.out.fmt_integer(u, 10, signed, verb, false),
            'b' => self.out.fmt_integer(u, 2, signed, verb, false),
            'o' | 'O' => self.out.fmt_integer(u, 8, signed, verb, false),
            'x' => self.out.fmt_integer(u, 16, signed, verb, false),
            'X' => self.out.fmt_integer(u, 16, signed, verb, true),
            'c' => self.out.fmt_c(u),
            'q' => self.out.fmt_qc(u),
            'U' => self.out.fmt_unicode(u),
            _ => self.bad_verb(Some(v), verb),
        }
    }

    fn fmt_float(&mut self, v: &Value, x: f64, bits: u8, verb: char) {
        match verb {
            'v' => self.out.fmt_float(x, bits, b'g', -1),
            'b' | 'g' | 'G' | 'x' | 'X' => self.out.fmt_float(x, bits, verb as u8, -1),
            'f' | 'e' | 'E' => self.out.fmt_float(x, bits, verb as u8, 6),
            'F' => self.out.fmt_float(x, bits, b'f', 6),
            _ => self.bad_verb(Some(v), verb),
        }
    }

    fn fmt_string(&mut self, v: &Value, s: &[u8], verb: char) {
        match verb {
            'v' if self.out.f.sharp_v => self.out.fmt_q(s),
            'v' | 's' => self.out.fmt_s(s),
            'x' => self.out.fmt_sbx(s, false),
            'X' => self.out.fmt_sbx(s, true),
            'q' => self.out.fmt_q(s),
            _ => self.bad_verb(Some(v), verb),
        }
    }

    /// A slice or array of bytes (`v` is the whole value, for other verbs).
    fn fmt_bytes(&mut self, v: &Value, b: &[u8], nil: bool, verb: char, type_string: &str) {
        match verb {
            'v' | 'd' => {
                if self.out.f.sharp_v {
                    self.write(type_string);
                    if nil {
                        self.write("(nil)");
                        return;
                    }
                    self.write("{");
                    for (i, &c) in b.iter().enumerate() {
                        if i > 0 {
                            self.write(", ");
                        }
                        self.out.fmt_0x64(c as u64, true);
                    }
                    self.write("}");
                } else {
                    self.write("[");
                    for (i, &c) in b.iter().enumerate() {
                        if i > 0 {
                            self.write(" ");
                        }
                        self.out.fmt_integer(c as u64, 10, false, verb, false);
                    }
                    self.write("]");
                }
            }
            's' => self.out.fmt_s(b),
            'x' => self.out.fmt_sbx(b, false),
            'X' => self.out.fmt_sbx(b, true),
            'q' => self.out.fmt_q(b),
            _ => {
                // Any other verb: element by element, as a generic slice.
                let plain = match v {
                    Value::Slice {
                        ty,
                        addr,
                        elems,
                        nil,
                        ..
                    } => Value::Slice {
                        ty: ty.clone(),
                        addr: *addr,
                        elems: elems.clone(),
                        nil: *nil,
                        bytes: false,
                    },
                    other => other.clone(),
                };
                self.print_value(&plain, verb, 0);
            }
        }
    }

    /// Pointers, channels, funcs — and slices and maps for `%p`.
    fn fmt_pointer(&mut self, v: &Value, verb: char) {
        let u = match v {
            Value::Pointer { addr, .. }
            | Value::Chan { addr, .. }
            | Value::Func { addr, .. }
            | Value::Map { addr, .. }
            | Value::Slice { addr, .. } => *addr,
            _ => {
                self.bad_verb(Some(v), verb);
                return;
            }
        };
        match verb {
            'v' if self.out.f.sharp_v => {
                self.write(&format!("({})(", v.type_name().0));
                if u == 0 {
                    self.write("nil");
                } else {
                    self.out.fmt_0x64(u, true);
                }
                self.write(")");
            }
            'v' if u == 0 => self.out.pad(b"<nil>"),
            'v' | 'p' => {
                let sharp = self.out.f.sharp;
                self.out.fmt_0x64(u, !sharp);
            }
            'b' | 'o' | 'd' | 'x' | 'X' => self.fmt_integer(v, u, false, verb),
            _ => self.bad_verb(Some(v), verb),
        }
    }
}

fn byte_values(elems: &[Value]) -> Vec<u8> {
    elems
        .iter()
        .map(|e| match e.without_methods() {
            Value::Uint { v, .. } => *v as u8,
            Value::Int { v, .. } => *v as u8,
            _ => 0,
        })
        .collect()
}

/// Decimal number at `i` (at most 1e6, as Go limits widths); returns `(n, found, next i)`.
fn parse_num(s: &[u8], mut i: usize) -> (i64, bool, usize) {
    let start = i;
    let mut n: i64 = 0;
    while i < s.len() && s[i].is_ascii_digit() {
        if n > 1_000_000 {
            return (0, false, s.len()); // absurdly large: Go gives up on the directive
        }
        n = n * 10 + (s[i] - b'0') as i64;
        i += 1;
    }
    (n, i > start, i)
}

/// A `*` width or precision: the next operand, which must be an integer.
fn int_from_arg(args: &[Option<&Value>], arg_num: &mut usize) -> (i64, bool) {
    let Some(arg) = args.get(*arg_num) else {
        return (0, false);
    };
    *arg_num += 1;
    let (n, ok) = match arg.map(Value::without_methods) {
        Some(Value::Int { v, .. }) => (*v, true),
        Some(Value::Uint { v, .. }) if *v <= i64::MAX as u64 => (*v as i64, true),
        _ => (0, false),
    };
    if !(-1_000_000..=1_000_000).contains(&n) {
        return (0, false);
    }
    (n, ok)
}

/// The verb: one UTF-8 character of the format (an invalid byte is U+FFFD).
fn decode_verb(s: &[u8]) -> (char, usize) {
    match super::quote::runes(&s[..s.len().min(4)]).first() {
        Some(r @ super::quote::Rune::Char(c)) => (*c, r.width()),
        _ => ('\u{fffd}', 1),
    }
}

/// Rank of predeclared types when interface-typed map keys of different dynamic types are
/// sorted. Go compares the addresses of the type descriptors, which depend on the linker;
/// this order is the one Go 1.27.3 produced for the corpus. Other types follow, by name.
const TYPE_RANK: &[&str] = &["string", "int8", "int", "uint", "float64", "bool"];

fn type_order(a: &Value, b: &Value) -> Ordering {
    let (ta, tb) = (&a.type_name().0, &b.type_name().0);
    let rank = |t: &str| {
        TYPE_RANK
            .iter()
            .position(|r| *r == t)
            .unwrap_or(TYPE_RANK.len())
    };
    rank(ta).cmp(&rank(tb)).then_with(|| ta.cmp(tb))
}

/// Map key order of Go's `internal/fmtsort`: numbers, strings and bools by value (false
/// first, NaN first), pointers and channels by address, structs and arrays field by field,
/// interfaces nil first, then by dynamic type, then by value.
pub(crate) fn compare_keys(a: &Value, b: &Value) -> Ordering {
    let (a, b) = (a.without_methods(), b.without_methods());
    match (a, b) {
        (Value::Interface { inner: ia, .. }, Value::Interface { inner: ib, .. }) => {
            match (ia, ib) {
                (None, None) => Ordering::Equal,
                (None, _) => Ordering::Less,
                (_, None) => Ordering::Greater,
                (Some(x), Some(y)) => {
                    let (x, y) = (x.without_methods(), y.without_methods());
                    type_order(x, y).then_with(|| compare_keys(x, y))
                }
            }
        }
        (Value::Interface { inner: None, .. }, _) => Ordering::Less,
        (_, Value::Interface { inner: None, .. }) => Ordering::Greater,
        (Value::Interface { inner: Some(x), .. }, y) => compare_keys(x, y),
        (x, Value::Interface { inner: Some(y), .. }) => compare_keys(x, y),
        _ if a.type_name() != b.type_name() => type_order(a, b),
        (Value::Int { v: x, .. }, Value::Int { v: y, .. }) => x.cmp(y),
        (Value::Uint { v: x, .. }, Value::Uint { v: y, .. }) => x.cmp(y),
        (Value::String { s: x, .. }, Value::String { s: y, .. }) => x.cmp(y),
        (Value::Bool { v: x, .. }, Value::Bool { v: y, .. }) => x.cmp(y),
        (Value::Float { v: x, .. }, Value::Float { v: y, .. }) => match (x.is_nan(), y.is_nan()) {
            (true, true) => Ordering::Equal,
            (true, false) => Ordering::Less,
            (false, true) => Ordering::Greater,
            _ => x.partial_cmp(y).unwrap_or(Ordering::Equal),
        },
        (Value::Pointer { addr: x, .. }, Value::Pointer { addr: y, .. })
        | (Value::Chan { addr: x, .. }, Value::Chan { addr: y, .. }) => x.cmp(y),
        (Value::Struct { fields: x, .. }, Value::Struct { fields: y, .. }) => x
            .iter()
            .zip(y)
            .map(|((_, p), (_, q))| compare_keys(p, q))
            .find(|o| o.is_ne())
            .unwrap_or(Ordering::Equal),
        (Value::Array { elems: x, .. }, Value::Array { elems: y, .. }) => x
            .iter()
            .zip(y)
            .map(|(p, q)| compare_keys(p, q))
            .find(|o| o.is_ne())
            .unwrap_or(Ordering::Equal),
        _ => Ordering::Equal,
    }
}
