//! Runtime errors and what a crashing program prints.
//!
//! A runtime error (index out of range, nil dereference, division by zero, ...) is a Go panic
//! whose value is a `runtime.Error`; the VM makes it an interface value with one of its own
//! runtime types (`runtime.boundsError`, `runtime.errorString`, ...) so `recover()`, `%v`
//! and `%T` see what Go shows. An unrecovered panic prints `panic: ` and the value the way
//! `runtime.printpanicval` does (errors through `Error()`, Stringers through `String()`,
//! named basic types as `main.Code(42)`), the chain of earlier panics, and exits with
//! status 2.

use super::call::PanicRec;
use super::value::{Kind, V};
use super::{Trap, Vm, R, TYPE_BASE};
use crate::types::{BasicKind, Type};

/// A runtime error.
#[derive(Clone, Debug, PartialEq)]
pub enum RtErr {
    NilDeref,
    Index(i64, u64),
    SliceLen(i64, u64),
    SliceCap(i64, u64),
    SliceLo(i64, u64),
    Slice3(i64, u64),
    Slice3Cap(i64, u64),
    DivZero,
    NegShift,
    NilMapWrite,
    MakeSliceLen,
    MakeSliceCap,
    Assert {
        iface: String,
        have: String,
        want: String,
    },
    AssertNil {
        iface: String,
        want: String,
    },
    AssertMissing {
        have: String,
        want: String,
        method: String,
    },
    Uncomparable(String),
    Hash(String),
    PanicNil,
    SendClosed,
    CloseNil,
    CloseClosed,
}

impl RtErr {
    /// (Go type name, Error() text).
    fn describe(&self) -> (&'static str, String) {
        use RtErr::*;
        match self {
            NilDeref => (
                "runtime.errorString",
                "runtime error: invalid memory address or nil pointer dereference".into(),
            ),
            // A negative index is reported without the length, as Go's boundsError does.
            Index(i, _) if *i < 0 => (
                "runtime.boundsError",
                format!("runtime error: index out of range [{i}]"),
            ),
            Index(i, n) => (
                "runtime.boundsError",
                format!("runtime error: index out of range [{i}] with length {n}"),
            ),
            SliceLen(i, n) => (
                "runtime.boundsError",
                format!("runtime error: slice bounds out of range [:{i}] with length {n}"),
            ),
            SliceCap(i, n) => (
                "runtime.boundsError",
                format!("runtime error: slice bounds out of range [:{i}] with capacity {n}"),
            ),
            SliceLo(i, n) => (
                "runtime.boundsError",
                format!("runtime error: slice bounds out of range [{i}:{n}]"),
            ),
            Slice3(i, n) => (
                "runtime.boundsError",
                format!("runtime error: slice bounds out of range [:{i}:{n}]"),
            ),
            Slice3Cap(i, n) => (
                "runtime.boundsError",
                format!("runtime error: slice bounds out of range [::{i}] with capacity {n}"),
            ),
            DivZero => (
                "runtime.errorString",
                "runtime error: integer divide by zero".into(),
            ),
            NegShift => (
                "runtime.errorString",
                "runtime error: negative shift amount".into(),
            ),
            NilMapWrite => (
                "runtime.plainError",
                "assignment to entry in nil map".into(),
            ),
            MakeSliceLen => (
                "runtime.errorString",
                "runtime error: makeslice: len out of range".into(),
            ),
            MakeSliceCap => (
                "runtime.errorString",
                "runtime error: makeslice: cap out of range".into(),
            ),
            Assert { iface, have, want } => (
                "*runtime.TypeAssertionError",
                format!("interface conversion: {iface} is {have}, not {want}"),
            ),
            AssertNil { iface, want } => (
                "*runtime.TypeAssertionError",
                format!("interface conversion: {iface} is nil, not {want}"),
            ),
            AssertMissing { have, want, method } => (
                "*runtime.TypeAssertionError",
                format!(
                    "interface conversion: {have} is not {want}: missing method {}",
                    method.strip_prefix("missing method ").unwrap_or(method)
                ),
            ),
            Uncomparable(t) => (
                "runtime.errorString",
                format!("runtime error: comparing uncomparable type {t}"),
            ),
            Hash(t) => (
                "runtime.errorString",
                format!("runtime error: hash of unhashable type {t}"),
            ),
            PanicNil => (
                "*runtime.PanicNilError",
                "panic called with nil argument (use GODEBUG=panicnil=1 to override)".into(),
            ),
            SendClosed => ("runtime.plainError", "send on closed channel".into()),
            CloseNil => ("runtime.plainError", "close of nil channel".into()),
            CloseClosed => ("runtime.plainError", "close of closed channel".into()),
        }
    }
}

impl Vm {
    /// Starts a panic with a runtime error; returns the trap to propagate.
    pub fn runtime_error(&mut self, e: RtErr) -> Trap {
        let (tname, msg) = e.describe();
        let idx = match self.runtime_types.iter().position(|t| t == tname) {
            Some(i) => i,
            None => {
                self.runtime_types.push(tname.to_string());
                self.runtime_types.len() - 1
            }
        };
        let tw = TYPE_BASE + (super::iface::RUNTIME_TYPE as u64 + idx as u64) * 64;
        let s = self.const_str(msg.as_bytes());
        let a = self.rodata_alloc(16, 8);
        let _ = self.heap.mem.write_u64(a, s.word(0));
        let _ = self.heap.mem.write_u64(a + 8, s.word(1));
        self.panics.push(PanicRec {
            val: V::words(&[tw, a]),
            recovered: false,
            rt: Some(e),
            repanicked: false,
        });
        Trap::Panic
    }

    /// What `panic: ...` prints for value `v` (an interface).
    pub fn panic_value_text(&mut self, v: &V) -> R<String> {
        let tw = v.word(0);
        if tw == 0 {
            return Ok("nil".into());
        }
        let d = self.iface_dyn_type(tw);
        if d >= super::iface::RUNTIME_TYPE {
            let s = self.load_k(v.word(1), Kind::Str, 16)?;
            return self.str_string(&s);
        }
        for m in ["Error", "String"] {
            if let Some(t) = self.find_method(d, m) {
                let sig_ok = self.prog.funcs.get(t.func as usize).is_some();
                if sig_ok {
                    let recv = self.method_receiver(v, d, &t)?;
                    let r = self.call_func(t.func, 0, vec![recv])?;
                    if let Some(s) = r.first() {
                        return self.str_string(s);
                    }
                }
            }
        }
        let val = self.unbox(v, d)?;
        let named = self.tt.is_named(d);
        let tname = self.rtype_string(d);
        let text = match self.tt.under(d).clone() {
            Type::Basic(b) => {
                let t = match b {
                    // Go 1.27 prints a float panic value as `%v` does (`main.Ratio(0.5)`),
                    // not in `print`'s exponent form.
                    BasicKind::Float32 | BasicKind::Float64 => {
                        let bits = if b == BasicKind::Float32 { 32 } else { 64 };
                        let fv = crate::gofmt::Value::Float {
                            v: val.f(),
                            bits,
                            ty: crate::gofmt::TypeName(tname.clone()),
                        };
                        String::from_utf8_lossy(&crate::gofmt::sprint_bytes(&[fv])).into_owned()
                    }
                    _ => self.print_basic(&val, b)?,
                };
                if named {
                    if b == BasicKind::String {
                        format!("{tname}(\"{t}\")")
                    } else {
                        format!("{tname}({t})")
                    }
                } else {
                    t
                }
            }
            _ => format!("({tname}) {:#x}", v.word(1)),
        };
        Ok(text)
    }

    /// `print`/`println` formatting of a basic value.
    pub fn print_basic(&mut self, v: &V, b: BasicKind) -> R<String> {
        use BasicKind::*;
        Ok(match b {
            Bool | UntypedBool => (v.w() != 0).to_string(),
            Int | Int8 | Int16 | Int32 | Int64 | UntypedInt | UntypedRune => {
                (v.w() as i64).to_string()
            }
            Uint | Uint8 | Uint16 | Uint32 | Uint64 | Uintptr => v.w().to_string(),
            Float32 | Float64 | UntypedFloat => print_float(v.f()),
            String | UntypedString => self.str_string(v)?,
            _ => format!("{:#x}", v.w()),
        })
    }

    /// The stderr text of an unrecovered panic on the goroutine.
    pub fn panic_report(&mut self) -> String {
        let panics = std::mem::take(&mut self.panics);
        let mut out = String::new();
        for (i, p) in panics.iter().enumerate() {
            let text = self.panic_value_text(&p.val).unwrap_or_default();
            let text = match (&p.rt, self.tt_is_error_value(&p.val)) {
                (Some(_), _) => text,
                (None, true) => text,
                _ => text,
            };
            if i > 0 {
                out.push('\t');
            }
            out.push_str("panic: ");
            out.push_str(&text);
            if p.recovered {
                out.push_str(" [recovered]");
            }
            if p.repanicked {
                out.push_str(" [recovered, repanicked]");
            }
            out.push('\n');
        }
        if panics.last().is_some_and(|p| p.rt == Some(RtErr::NilDeref)) {
            out.push_str("[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=PC]\n");
        }
        out.push_str("\ngoroutine 1 [running]:\nmain.main()\n\t/tmp/x.go\nexit status 2\n");
        out
    }

    fn tt_is_error_value(&self, _v: &V) -> bool {
        false
    }
}

/// Go's `print` of a float: `+1.500000e+000`.
pub fn print_float(f: f64) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        };
    }
    let s = format!("{:.6e}", f.abs());
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    let sign = if f.is_sign_negative() { '-' } else { '+' };
    let esign = if e < 0 { '-' } else { '+' };
    format!("{sign}{m}e{esign}{:03}", e.abs())
}
