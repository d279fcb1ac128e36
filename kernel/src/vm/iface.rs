//! Interfaces: boxing values, dynamic types, method dispatch and type assertions.
//!
//! An interface value is two words: a *type word* and a *data word*. Go's first word is a
//! pointer to a type descriptor (`eface`) or to an itab (`iface`); here it is the address
//! [`super::TYPE_BASE`] + 64·TypeId of a notional descriptor (the VM looks methods up by type
//! instead of through itabs). A nil interface has type word 0.
//!
//! The data word holds the value itself when the type is *pointer-shaped* (pointers, maps,
//! channels, funcs, single-pointer structs); otherwise it points to a box holding a copy.
//! Boxing is where `any(x)` allocates, and Go avoids the allocation (runtime/iface.go,
//! walk/convert.go) for zero-size values (→ `zerobase`), single-byte values and integers below
//! 256 (→ the static `staticuint64s` table), constants (→ read-only data), empty strings, and
//! boxes that do not escape (→ a frame temporary). This module does the same, so
//! `testing.AllocsPerRun` agrees with Go.

use super::panics::RtErr;
use super::value::{Kind, V};
use super::{Trap, Vm, R, TYPE_BASE};
use crate::types::{Type, TypeId};

/// How to call a method found on a dynamic type.
#[derive(Clone, Debug)]
pub struct MethodTarget {
    pub func: crate::types::FuncId,
    /// Embedded fields to walk from the value to the receiver.
    pub path: Vec<usize>,
    pub ptr_recv: bool,
}

/// Type ids at or above this are the VM's own runtime types (runtime errors).
pub const RUNTIME_TYPE: u32 = 0x4000_0000;

impl Vm {
    pub fn type_word(&self, t: TypeId) -> u64 {
        let c = self.tt.canon.get(t as usize).copied().unwrap_or(t);
        TYPE_BASE + c as u64 * 64
    }

    pub fn iface_dyn_type(&self, tw: u64) -> TypeId {
        ((tw - TYPE_BASE) / 64) as TypeId
    }

    pub fn same_type(&self, a: TypeId, b: TypeId) -> bool {
        let ca = self.tt.canon.get(a as usize).copied().unwrap_or(a);
        let cb = self.tt.canon.get(b as usize).copied().unwrap_or(b);
        ca == cb
    }

    /// Converts value `v` of type `from` to the interface type `to`, boxing at `site`.
    pub fn to_iface(&mut self, v: V, from: TypeId, to: TypeId, site: u32, constant: bool) -> R<V> {
        if self.tt.is_interface(from) {
            if v.word(0) == 0 {
                return Ok(V::words(&[0, 0]));
            }
            let _ = to;
            return Ok(v);
        }
        let tw = self.type_word(from);
        let data = self.box_value(&v, from, site, constant)?;
        Ok(V::words(&[tw, data]))
    }

    /// The data word for a value of (non-interface) type `t`.
    pub fn box_value(&mut self, v: &V, t: TypeId, site: u32, constant: bool) -> R<u64> {
        if self.tt.is_pointer_shaped(t) {
            return Ok(match v {
                V::W(w) => *w,
                V::B(b) => super::value::word(b, 0),
            });
        }
        let (k, size) = self.kind(t);
        if size == 0 {
            return Ok(crate::runtime::ZEROBASE);
        }
        // Small integers and single bytes: runtime.staticuint64s.
        let small = match k {
            Kind::Int { size: 1, .. } | Kind::Bool => Some(v.w() & 0xff),
            Kind::Int { .. } if v.w() < 256 => Some(v.w()),
            _ => None,
        };
        if let Some(n) = small {
            return Ok(self.static_uint64(n));
        }
        if k == Kind::Str && v.word(1) == 0 {
            return Ok(self.zero_val(size));
        }
        if constant {
            let a = self.rodata_alloc(size, 8);
            self.store(a, t, v)?;
            return Ok(a);
        }
        if let Some(a) = self.stack_slot(site, size)? {
            self.store(a, t, v)?;
            return Ok(a);
        }
        let a = self.malloc(t, 1)?;
        self.store(a, t, v)?;
        Ok(a)
    }

    fn static_uint64(&mut self, n: u64) -> u64 {
        let key = format!("staticuint64s:{n}").into_bytes();
        if let Some(&a) = self.strings.get(&key) {
            return a;
        }
        let a = self.rodata_alloc(8, 8);
        let _ = self.heap.mem.write_u64(a, n);
        self.strings.insert(key, a);
        a
    }

    fn zero_val(&mut self, size: u64) -> u64 {
        let key = b"zeroVal".to_vec();
        if let Some(&a) = self.strings.get(&key) {
            return a;
        }
        let a = self.rodata_alloc(size.max(1024), 8);
        self.strings.insert(key, a);
        a
    }

    /// The value inside interface `v`, as type `t` (which must be its dynamic type).
    pub fn unbox(&mut self, v: &V, t: TypeId) -> R<V> {
        if self.tt.is_pointer_shaped(t) {
            return Ok(V::W(v.word(1)));
        }
        let (k, size) = self.kind(t);
        if size == 0 {
            return Ok(super::value::zero(k, 0));
        }
        self.load(v.word(1), t)
    }

    /// Converting between interface types keeps both words (no itabs in this model).
    pub fn iface_convert(&mut self, v: &V, _to: TypeId) -> V {
        v.clone()
    }

    /// Whether dynamic type `d` implements interface `iface`.
    pub fn implements_dyn(&self, d: TypeId, iface: TypeId) -> bool {
        if d >= RUNTIME_TYPE {
            return match self.tt.under(iface) {
                Type::Interface(ms) => ms
                    .iter()
                    .all(|m| m.name == "Error" || m.name == "RuntimeError"),
                _ => false,
            };
        }
        self.tt.implements(d, iface)
    }

    /// `x.(T)`: with `panic_on_fail` the one-value form (panics with Go's message).
    pub fn type_assert(
        &mut self,
        v: &V,
        from: TypeId,
        to: TypeId,
        panic_on_fail: bool,
    ) -> R<(V, bool)> {
        let tw = v.word(0);
        let (k, size) = self.kind(to);
        let zero = super::value::zero(k, size);
        if tw == 0 {
            if panic_on_fail {
                return Err(self.runtime_error(RtErr::AssertNil {
                    iface: self.rtype_string(from),
                    want: self.rtype_string(to),
                }));
            }
            return Ok((zero, false));
        }
        let d = self.iface_dyn_type(tw);
        if self.tt.is_interface(to) {
            if self.implements_dyn(d, to) {
                return Ok((v.clone(), true));
            }
            if panic_on_fail {
                let missing = if d >= RUNTIME_TYPE {
                    "?".to_string()
                } else {
                    self.tt.missing_method(d, to).unwrap_or_default()
                };
                return Err(self.runtime_error(RtErr::AssertMissing {
                    have: self.dyn_type_string(d),
                    want: self.rtype_string(to),
                    method: missing,
                }));
            }
            return Ok((zero, false));
        }
        if d < RUNTIME_TYPE && self.same_type(d, to) {
            return Ok((self.unbox(v, to)?, true));
        }
        if panic_on_fail {
            return Err(self.runtime_error(RtErr::Assert {
                iface: self.rtype_string(from),
                have: self.dyn_type_string(d),
                want: self.rtype_string(to),
            }));
        }
        Ok((zero, false))
    }

    pub fn dyn_type_string(&self, d: TypeId) -> String {
        if d >= RUNTIME_TYPE {
            return self
                .runtime_types
                .get((d - RUNTIME_TYPE) as usize)
                .cloned()
                .unwrap_or_default();
        }
        self.rtype_string(d)
    }

    /// Finds method `name` of dynamic type `t` (a defined type or a pointer to one).
    pub fn find_method(&mut self, t: TypeId, name: &str) -> Option<MethodTarget> {
        if let Some(m) = self.method_cache.get(&(t, name.to_string())) {
            return m.clone();
        }
        let r = match self.tt.lookup_field_or_method(t, name) {
            crate::types::Lookup::Method {
                func,
                path,
                ptr_recv,
                ..
            } => Some(MethodTarget {
                func,
                path,
                ptr_recv,
            }),
            _ => None,
        };
        self.method_cache.insert((t, name.to_string()), r.clone());
        r
    }

    /// The receiver argument for calling `m` on the value in interface `v` of dynamic type `d`.
    pub fn method_receiver(&mut self, v: &V, d: TypeId, m: &MethodTarget) -> R<V> {
        // Start from an address of the value when we can (pointer types: the pointer itself).
        let is_ptr = matches!(self.tt.get(d), Type::Pointer(_));
        let (mut addr, mut ty) = if is_ptr {
            let p = v.word(1);
            (p, self.tt.elem(d).unwrap_or(d))
        } else if self.tt.is_pointer_shaped(d) {
            // A pointer-shaped non-pointer value (map, chan, func, 1-pointer struct): spill.
            let a = self.rodata_alloc(8, 8);
            self.write_word(a, v.word(1))?;
            (a, d)
        } else {
            (v.word(1), d)
        };
        for &i in &m.path {
            let (fty, foff) = match self.tt.under(ty) {
                Type::Struct(fs) => (fs[i].ty, fs[i].offset),
                _ => break,
            };
            if addr == 0 {
                return Err(self.runtime_error(RtErr::NilDeref));
            }
            addr += foff;
            ty = fty;
            if let Type::Pointer(e) = self.tt.get(ty).clone() {
                addr = self.read_word(addr)?;
                ty = e;
            }
        }
        if m.ptr_recv {
            return Ok(V::W(addr));
        }
        if addr == 0 {
            return Err(self.runtime_error(RtErr::NilDeref));
        }
        self.load(addr, ty)
    }

    /// Interface equality: same dynamic type and equal values (panics on uncomparable types).
    pub fn iface_equal(&mut self, a: &V, b: &V) -> R<bool> {
        if a.word(0) != b.word(0) {
            return Ok(false);
        }
        if a.word(0) == 0 {
            return Ok(true);
        }
        let d = self.iface_dyn_type(a.word(0));
        if d >= RUNTIME_TYPE {
            return Ok(a.word(1) == b.word(1));
        }
        match self.tt.under(d) {
            Type::Slice(_) | Type::Map { .. } | Type::Func(_) => {
                return Err(self.runtime_error(RtErr::Uncomparable(self.rtype_string(d))));
            }
            _ => {}
        }
        let x = self.unbox(a, d)?;
        let y = self.unbox(b, d)?;
        self.values_equal(&x, &y, d)
    }

    /// Methods of the VM's runtime error types (`Error`, `RuntimeError`).
    pub fn runtime_error_method(&mut self, d: TypeId, method: &str, v: &V) -> R<Option<V>> {
        if d < RUNTIME_TYPE {
            return Ok(None);
        }
        if method == "Error" {
            // The data word points to the message string.
            let s = self.load_k(v.word(1), Kind::Str, 16)?;
            return Ok(Some(s));
        }
        Err(Trap::Fatal(format!(
            "gomem: no method {method} on runtime error"
        )))
    }
}
