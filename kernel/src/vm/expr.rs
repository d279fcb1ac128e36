//! Expressions: computing values, and the addresses of the ones that are variables.
//!
//! [`Vm::eval`] computes an expression's value; [`Vm::addr`] computes the address of an
//! addressable expression (a variable, `*p`, `p.f`, `a[i]`, `s[i]`), which is how assignments
//! write and how `&x` works. A variable's address comes from its slot: the frame pointer plus
//! the slot's offset, through the slot's heap pointer for a moved-to-heap variable, or through
//! the closure record for a captured variable ([`Vm::var_addr`]).
//!
//! Arithmetic follows Go: integers wrap at their type's width ([`super::value::wrap`]),
//! division by zero panics, `MinInt / -1` wraps, shifts by ≥ width give 0 (or −1), floats are
//! IEEE. Bounds checks produce Go's exact panic messages.

use super::frame::GLOBAL_HOME;
use super::panics::RtErr;
use super::value::{word, wrap, Kind, V};
use super::{Trap, Vm, GLOBALS_BASE, R};
use crate::ir::{Callee, Expr, ExprKind, VarId};
use crate::syntax::ast::{BinaryOp, UnaryOp};
use crate::types::{Builtin, ConstValue, Type, TypeId};

impl Vm {
    /// The address of variable `v` as seen from the running function.
    #[inline]
    pub fn var_addr(&mut self, v: VarId) -> R<u64> {
        let s = self.slots[v as usize];
        if s.home == GLOBAL_HOME {
            return Ok(GLOBALS_BASE + s.off as u64);
        }
        if s.home == self.cur_func {
            let a = self.fp + s.off as u64;
            if s.heap {
                return self.read_word(a);
            }
            return Ok(a);
        }
        // A captured variable: through the closure record.
        let layout = self.layouts[self.cur_func as usize].clone();
        if let Some(&(off, byref)) = layout.as_ref().and_then(|l| l.captures.get(&v)) {
            let a = self.ctx + off as u64;
            return if byref { self.read_word(a) } else { Ok(a) };
        }
        // Not captured (e.g. a variable of an inlined body that kept its home): use the frame.
        let a = self.fp + s.off as u64;
        if s.heap {
            return self.read_word(a);
        }
        Ok(a)
    }

    pub fn is_addressable(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Name(_) | ExprKind::Global(_) | ExprKind::Deref { .. } => true,
            ExprKind::DotPtr { .. } => true,
            ExprKind::Dot { x, .. } => self.is_addressable(x),
            ExprKind::Index { x, .. } => match self.tt.under(x.ty) {
                Type::Slice(_) => true,
                Type::Array { .. } => self.is_addressable(x),
                _ => false,
            },
            _ => false,
        }
    }

    /// The address of an addressable expression.
    pub fn addr(&mut self, e: &Expr) -> R<u64> {
        match &e.kind {
            ExprKind::Name(v) | ExprKind::Global(v) => self.var_addr(*v),
            ExprKind::Deref { x, .. } => {
                let p = self.eval(x)?.w();
                if p == 0 {
                    return Err(self.runtime_error(RtErr::NilDeref));
                }
                Ok(p)
            }
            ExprKind::Dot { x, field } => {
                let base = self.addr(x)?;
                Ok(base + self.field_offset(x.ty, field))
            }
            ExprKind::DotPtr { x, field } => {
                let p = self.eval(x)?.w();
                if p == 0 {
                    return Err(self.runtime_error(RtErr::NilDeref));
                }
                let pt = self.tt.elem(x.ty).unwrap_or(x.ty);
                Ok(p + self.field_offset(pt, field))
            }
            ExprKind::Index { x, index } => match self.tt.under(x.ty).clone() {
                Type::Slice(elem) => {
                    let s = self.eval(x)?;
                    let i = self.eval(index)?.w();
                    let len = s.word(1);
                    if i >= len {
                        return Err(self.runtime_error(RtErr::Index(i as i64, len)));
                    }
                    Ok(s.word(0) + i * self.size_of(elem))
                }
                Type::Array { len, elem } => {
                    let base = self.addr(x)?;
                    let i = self.eval(index)?.w();
                    if i >= len {
                        return Err(self.runtime_error(RtErr::Index(i as i64, len)));
                    }
                    Ok(base + i * self.size_of(elem))
                }
                Type::Pointer(a) => {
                    // Indexing through a pointer to an array.
                    let p = self.eval(x)?.w();
                    let (len, elem) = match self.tt.under(a) {
                        Type::Array { len, elem } => (*len, *elem),
                        _ => (0, a),
                    };
                    if p == 0 {
                        return Err(self.runtime_error(RtErr::NilDeref));
                    }
                    let i = self.eval(index)?.w();
                    if i >= len {
                        return Err(self.runtime_error(RtErr::Index(i as i64, len)));
                    }
                    Ok(p + i * self.size_of(elem))
                }
                _ => Err(Trap::Fatal(
                    "gomem: internal: index of non-addressable".into(),
                )),
            },
            ExprKind::Init { init, x } => {
                self.exec_block_plain(init)?;
                self.addr(x)
            }
            _ => {
                // A non-addressable value used where an address is needed (e.g. a method with
                // a pointer receiver on a temporary): spill it to a frame temporary.
                let v = self.eval(e)?;
                let size = self.size_of(e.ty);
                let a = self.malloc(e.ty, 1)?;
                let _ = size;
                self.store(a, e.ty, &v)?;
                Ok(a)
            }
        }
    }

    pub fn field_offset(&self, struct_ty: TypeId, field: &str) -> u64 {
        match self.tt.under(struct_ty) {
            Type::Struct(fs) => fs
                .iter()
                .find(|f| f.name == field)
                .map(|f| f.offset)
                .unwrap_or(0),
            _ => 0,
        }
    }

    /// The value of an expression with exactly one value.
    pub fn eval(&mut self, e: &Expr) -> R<V> {
        match &e.kind {
            ExprKind::Name(v) | ExprKind::Global(v) => {
                let a = self.var_addr(*v)?;
                self.load(a, e.ty)
            }
            ExprKind::Literal { value, .. } => Ok(self.const_value(value, e.ty)),
            ExprKind::Nil => {
                let (k, size) = self.kind(e.ty);
                Ok(super::value::zero(k, size))
            }
            ExprKind::FuncName(f) | ExprKind::MethodExpr(f) => Ok(V::W(self.static_func(*f))),
            ExprKind::Unary { op, x } => self.unary(*op, x, e.ty),
            ExprKind::Binary { op, x, y } => self.binary(*op, x, y),
            ExprKind::Addr { x, .. } => match &x.kind {
                ExprKind::StructLit(_) | ExprKind::ArrayLit { .. } => {
                    let v = self.eval(x)?;
                    let a = self.alloc_at(e.id, x.ty, 1)?;
                    self.store(a, x.ty, &v)?;
                    Ok(V::W(a))
                }
                _ => Ok(V::W(self.addr(x)?)),
            },
            ExprKind::Deref { .. } | ExprKind::DotPtr { .. } => {
                let a = self.addr(e)?;
                self.load(a, e.ty)
            }
            ExprKind::Dot { x, field } => {
                if self.is_addressable(x) {
                    let a = self.addr(e)?;
                    return self.load(a, e.ty);
                }
                let v = self.eval(x)?;
                let off = self.field_offset(x.ty, field) as usize;
                let (k, size) = self.kind(e.ty);
                Ok(super::value::from_mem_bytes(
                    k,
                    &v.bytes()[off..off + size as usize],
                ))
            }
            ExprKind::Index { x, index } => self.index(e, x, index),
            ExprKind::IndexMap { x, key } => {
                let m = self.eval(x)?.w();
                let k = self.eval(key)?;
                let (v, _) = self.map_get(m, x.ty, &k)?;
                Ok(v)
            }
            ExprKind::Slice { x, lo, hi, max } => self.slice_expr(x, lo, hi, max, e.ty),
            ExprKind::Conv { x, .. } => {
                let v = self.eval(x)?;
                self.convert(v, x.ty, e.ty)
            }
            ExprKind::ConvIface { x, .. } => {
                let v = self.eval(x)?;
                let constant =
                    matches!(x.kind, ExprKind::Literal { .. }) || self.const_ifaces.contains(&e.id);
                self.to_iface(v, x.ty, e.ty, e.id, constant)
            }
            ExprKind::Bytes2Str(x) => {
                let s = self.eval(x)?;
                if self.bytes_tmp.contains(&e.id) {
                    // slicebytetostringtmp: the string is the slice's bytes.
                    return Ok(V::words(&[s.word(0), s.word(1)]));
                }
                let b = self.read_bytes(s.word(0), s.word(1))?;
                self.new_string(e.id, &b)
            }
            ExprKind::Runes2Str(x) => {
                let s = self.eval(x)?;
                let raw = self.read_bytes(s.word(0), s.word(1) * 4)?;
                let mut out = String::new();
                for c in raw.chunks(4) {
                    let r = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
                    out.push(char::from_u32(r).unwrap_or('\u{fffd}'));
                }
                self.new_string(e.id, out.as_bytes())
            }
            ExprKind::RuneStr(x) => {
                let r = self.eval(x)?.w() as i64;
                let c = u32::try_from(r)
                    .ok()
                    .and_then(char::from_u32)
                    .unwrap_or('\u{fffd}');
                let mut buf = [0u8; 4];
                let s = c.encode_utf8(&mut buf);
                self.new_string(e.id, s.as_bytes())
            }
            ExprKind::Str2Bytes(x) => {
                let s = self.eval(x)?;
                let b = self.str_bytes(&s)?;
                let n = b.len() as u64;
                let a = self.alloc_bytes(e.id, n, n)?;
                self.write_bytes(a, &b)?;
                Ok(V::words(&[
                    a,
                    n,
                    if a == 0 {
                        0
                    } else {
                        self.slice_cap_after(e.id, n)
                    },
                ]))
            }
            ExprKind::Str2Runes(x) => {
                let s = self.eval(x)?;
                let b = self.str_bytes(&s)?;
                let rs: Vec<u32> = String::from_utf8_lossy(&b)
                    .chars()
                    .map(|c| c as u32)
                    .collect();
                let n = rs.len() as u64;
                let i32t = self.tt.elem(e.ty).unwrap_or(e.ty);
                let a = if n == 0 {
                    crate::runtime::ZEROBASE
                } else {
                    self.alloc_at(e.id, i32t, n)?
                };
                let mut raw = Vec::new();
                for r in rs {
                    raw.extend_from_slice(&r.to_le_bytes());
                }
                self.write_bytes(a, &raw)?;
                Ok(V::words(&[a, n, n]))
            }
            ExprKind::DotType { x, .. } => {
                let v = self.eval(x)?;
                let (r, ok) = self.type_assert(&v, x.ty, e.ty, true)?;
                let _ = ok;
                Ok(r)
            }
            ExprKind::Recv(ch) => {
                let c = self.eval(ch)?.w();
                let elem = self.tt.elem(ch.ty).unwrap_or(e.ty);
                let (v, _) = self.chan_recv(c, elem)?;
                Ok(v)
            }
            ExprKind::Call { .. } => {
                let mut rs = self.call_expr(e)?;
                if rs.is_empty() {
                    return Ok(V::W(0));
                }
                Ok(rs.swap_remove(0))
            }
            ExprKind::Init { init, x } => {
                self.exec_block_plain(init)?;
                self.eval(x)
            }
            ExprKind::InlCall {
                func,
                body,
                results,
            } => {
                self.exec_inl_body(*func, self.src_pos(e), body)?;
                match results.first() {
                    Some(&r) => {
                        let a = self.var_addr(r)?;
                        let t = self.prog.vars[r as usize].ty;
                        self.load(a, t)
                    }
                    None => Ok(V::W(0)),
                }
            }
            ExprKind::Builtin { which, args } => self.builtin(*which, args, e.ty),
            ExprKind::Append { args, ddd } => self.append(e, args, *ddd),
            ExprKind::Copy { dst, src } => {
                let d = self.eval(dst)?;
                let s = self.eval(src)?;
                let elem = self.tt.elem(dst.ty).unwrap_or(dst.ty);
                let es = self.size_of(elem);
                let slen = s.word(1);
                let n = d.word(1).min(slen);
                self.memmove(d.word(0), s.word(0), n * es)?;
                Ok(V::W(n))
            }
            ExprKind::New => {
                let elem = self.tt.elem(e.ty).unwrap_or(e.ty);
                Ok(V::W(self.alloc_at(e.id, elem, 1)?))
            }
            ExprKind::MakeSlice { len, cap } => {
                let l = self.eval(len)?.w() as i64;
                let c = match cap {
                    Some(c) => self.eval(c)?.w() as i64,
                    None => l,
                };
                let elem = self.tt.elem(e.ty).unwrap_or(e.ty);
                if l < 0 {
                    return Err(self.runtime_error(RtErr::MakeSliceLen));
                }
                if c < l {
                    return Err(self.runtime_error(RtErr::MakeSliceCap));
                }
                let a = self.alloc_at(e.id, elem, c as u64)?;
                Ok(V::words(&[a, l as u64, c as u64]))
            }
            ExprKind::MakeMap { hint } => {
                let h = match hint {
                    Some(h) => self.eval(h)?.w() as i64,
                    None => 0,
                };
                Ok(V::W(self.make_map(e.id, e.ty, h.max(0) as u64)?))
            }
            ExprKind::MakeChan { size } => {
                let n = match size {
                    Some(s) => self.eval(s)?.w() as i64,
                    None => 0,
                };
                Ok(V::W(self.make_chan(e.ty, n)?))
            }
            ExprKind::PtrLit(x) => {
                let a = self.alloc_at(e.id, x.ty, 1)?;
                self.init_composite(a, x)?;
                Ok(V::W(a))
            }
            ExprKind::StructLit(_) | ExprKind::ArrayLit { .. } => {
                // Built in a scratch heap-less buffer: evaluate fields into bytes.
                self.composite_value(e)
            }
            ExprKind::SliceLit {
                elems, index, len, ..
            } => {
                let elem = self.tt.elem(e.ty).unwrap_or(e.ty);
                let a = self.alloc_at(e.id, elem, *len)?;
                let es = self.size_of(elem);
                for (i, x) in elems.iter().enumerate() {
                    self.store_expr(a + lit_index(index, i) * es, elem, x)?;
                }
                Ok(V::words(&[a, *len, *len]))
            }
            ExprKind::MapLit(kvs) => {
                let m = self.make_map(e.id, e.ty, kvs.len() as u64)?;
                for (k, v) in kvs {
                    let kv = self.eval(k)?;
                    let vv = self.eval(v)?;
                    self.map_set(m, e.ty, &kv, &vv)?;
                }
                Ok(V::W(m))
            }
            ExprKind::Closure(f) => self.make_closure(e.id, *f),
            ExprKind::MethodValue { x, method, name } => self.method_value(e.id, x, *method, name),
            ExprKind::AddStr(xs) => {
                let mut parts = Vec::with_capacity(xs.len());
                for x in xs {
                    parts.push(self.eval(x)?);
                }
                self.concat_strings(e.id, parts)
            }
            ExprKind::Blank => Ok(V::W(0)),
        }
    }

    /// Evaluates `x` (of type `t`) straight into memory at `a`.
    pub fn store_expr(&mut self, a: u64, t: TypeId, x: &Expr) -> R<()> {
        match &x.kind {
            ExprKind::StructLit(_) | ExprKind::ArrayLit { .. } => {
                self.zero_mem(a, self.size_of(t));
                self.init_composite(a, x)
            }
            // `f(g())` with a multi-valued `g` spills into typed temporaries, and the front
            // end converts none of them to a variadic `...any` element: box them here.
            ExprKind::Name(_)
                if self.tt.is_interface(t) && x.ty != 0 && !self.tt.is_interface(x.ty) =>
            {
                let v = self.eval(x)?;
                let v = self.to_iface(v, x.ty, t, x.id, false)?;
                self.store(a, t, &v)
            }
            _ => {
                let v = self.eval(x)?;
                self.store(a, t, &v)
            }
        }
    }

    /// Writes a composite literal's elements into zeroed memory at `a`.
    pub fn init_composite(&mut self, a: u64, x: &Expr) -> R<()> {
        match &x.kind {
            ExprKind::StructLit(fs) => {
                for (name, fe) in fs {
                    let off = self.field_offset(x.ty, name);
                    self.store_expr(a + off, fe.ty, fe)?;
                }
                Ok(())
            }
            ExprKind::ArrayLit { elems, index } => {
                let elem = self.tt.elem(x.ty).unwrap_or(x.ty);
                let sz = self.size_of(elem);
                for (i, el) in elems.iter().enumerate() {
                    self.store_expr(a + lit_index(index, i) * sz, elem, el)?;
                }
                Ok(())
            }
            _ => {
                let v = self.eval(x)?;
                self.store(a, x.ty, &v)
            }
        }
    }

    fn composite_value(&mut self, e: &Expr) -> R<V> {
        let size = self.size_of(e.ty) as usize;
        let mut b = vec![0u8; size];
        let mut put = |vm: &mut Vm, off: usize, t: TypeId, x: &Expr| -> R<()> {
            let v = vm.eval(x)?;
            let (k, sz) = vm.kind(t);
            let mut out = Vec::new();
            super::value::to_mem_bytes(k, &v, sz as usize, &mut out);
            b[off..off + sz as usize].copy_from_slice(&out);
            Ok(())
        };
        match &e.kind {
            ExprKind::StructLit(fs) => {
                for (name, fe) in fs {
                    let off = self.field_offset(e.ty, name) as usize;
                    let ft = match self.tt.under(e.ty) {
                        Type::Struct(fl) => fl.iter().find(|f| &f.name == name).map(|f| f.ty),
                        _ => None,
                    }
                    .unwrap_or(fe.ty);
                    put(self, off, ft, fe)?;
                }
            }
            ExprKind::ArrayLit { elems, index } => {
                let elem = self.tt.elem(e.ty).unwrap_or(e.ty);
                let sz = self.size_of(elem) as usize;
                for (i, el) in elems.iter().enumerate() {
                    put(self, lit_index(index, i) as usize * sz, elem, el)?;
                }
            }
            _ => {}
        }
        Ok(V::B(b))
    }

    pub fn is_string(&self, t: TypeId) -> bool {
        matches!(
            self.tt.under(t),
            Type::Basic(crate::types::BasicKind::String | crate::types::BasicKind::UntypedString)
        )
    }

    /// A constant as a value of type `t`.
    pub fn const_value(&mut self, c: &ConstValue, t: TypeId) -> V {
        let (k, _) = self.kind(t);
        match c {
            ConstValue::Bool(b) => V::W(*b as u64),
            ConstValue::Int(i) => match k {
                Kind::F32 | Kind::F64 => V::from_f(*i as f64),
                Kind::Int { size, signed } => V::W(wrap(*i as u64, size, signed)),
                Kind::Str => {
                    let c = char::from_u32(*i as u32).unwrap_or('\u{fffd}');
                    let mut buf = [0u8; 4];
                    let s = c.encode_utf8(&mut buf).as_bytes().to_vec();
                    self.const_str(&s)
                }
                _ => V::W(*i as u64),
            },
            ConstValue::Float(f) => match k {
                Kind::Int { size, signed } => {
                    V::W(wrap(f.to_i128().unwrap_or(0) as i64 as u64, size, signed))
                }
                Kind::F32 => V::from_f(f64::from(f.to_f32())),
                _ => V::from_f(f.to_f64()),
            },
            ConstValue::String(s) => self.const_str(s),
        }
    }

    fn unary(&mut self, op: UnaryOp, x: &Expr, t: TypeId) -> R<V> {
        let v = self.eval(x)?;
        let (k, _) = self.kind(t);
        Ok(match (op, k) {
            (UnaryOp::Neg, Kind::F32 | Kind::F64) => V::from_f(-v.f()),
            (UnaryOp::Neg, Kind::Int { size, signed }) => {
                V::W(wrap((v.w() as i64).wrapping_neg() as u64, size, signed))
            }
            (UnaryOp::Not, _) => V::W((v.w() == 0) as u64),
            (UnaryOp::BitNot, Kind::Int { size, signed }) => V::W(wrap(!v.w(), size, signed)),
            (UnaryOp::Recv, _) => {
                let elem = self.tt.elem(x.ty).unwrap_or(t);
                return Ok(self.chan_recv(v.w(), elem)?.0);
            }
            _ => v,
        })
    }

    fn binary(&mut self, op: BinaryOp, x: &Expr, y: &Expr) -> R<V> {
        match op {
            BinaryOp::LogAnd => {
                if self.eval(x)?.w() == 0 {
                    return Ok(V::W(0));
                }
                return Ok(V::W((self.eval(y)?.w() != 0) as u64));
            }
            BinaryOp::LogOr => {
                if self.eval(x)?.w() != 0 {
                    return Ok(V::W(1));
                }
                return Ok(V::W((self.eval(y)?.w() != 0) as u64));
            }
            _ => {}
        }
        let a = self.eval(x)?;
        let b = self.eval(y)?;
        self.binop(op, a, b, x.ty, y.ty)
    }

    /// `a op b` where `a` has type `t` (`ty` is the right operand's type, for shifts and
    /// comparisons with nil).
    pub fn binop(&mut self, op: BinaryOp, a: V, b: V, t: TypeId, ty: TypeId) -> R<V> {
        use BinaryOp::*;
        let (k, _) = self.kind(t);
        if matches!(op, Eq | Ne | Lt | Le | Gt | Ge) {
            let c = self.compare(op, &a, &b, t, ty)?;
            return Ok(V::W(c as u64));
        }
        match k {
            Kind::Int { size, signed } => {
                let (x, y) = (a.w(), b.w());
                let bits = size as u32 * 8;
                let r = match op {
                    Add => x.wrapping_add(y),
                    Sub => x.wrapping_sub(y),
                    Mul => x.wrapping_mul(y),
                    Div | Rem => {
                        if y == 0 {
                            return Err(self.runtime_error(RtErr::DivZero));
                        }
                        if signed {
                            let (x, y) = (x as i64, y as i64);
                            if op == Div {
                                x.wrapping_div(y) as u64
                            } else {
                                x.wrapping_rem(y) as u64
                            }
                        } else if op == Div {
                            x / y
                        } else {
                            x % y
                        }
                    }
                    And => x & y,
                    Or => x | y,
                    Xor => x ^ y,
                    AndNot => x & !y,
                    Shl => {
                        if (y as i64) < 0 && self.is_signed(ty) {
                            return Err(self.runtime_error(RtErr::NegShift));
                        }
                        if y >= bits as u64 {
                            0
                        } else {
                            x << y
                        }
                    }
                    Shr => {
                        if (y as i64) < 0 && self.is_signed(ty) {
                            return Err(self.runtime_error(RtErr::NegShift));
                        }
                        if signed {
                            let s = y.min(63);
                            ((x as i64) >> s) as u64
                        } else if y >= 64 {
                            0
                        } else {
                            x >> y
                        }
                    }
                    _ => 0,
                };
                Ok(V::W(wrap(r, size, signed)))
            }
            Kind::F32 | Kind::F64 => {
                let (x, y) = (a.f(), b.f());
                let r = match op {
                    Add => x + y,
                    Sub => x - y,
                    Mul => x * y,
                    Div => x / y,
                    _ => 0.0,
                };
                let r = if k == Kind::F32 { r as f32 as f64 } else { r };
                Ok(V::from_f(r))
            }
            // `s += x` (walk makes it a concatenation without a stack buffer).
            Kind::Str => self.concat_strings(0, vec![a, b]),
            _ => Ok(V::W(0)),
        }
    }

    fn is_signed(&mut self, t: TypeId) -> bool {
        matches!(self.kind(t).0, Kind::Int { signed: true, .. })
    }

    /// Go's comparison operators on values of type `t`.
    pub fn compare(&mut self, op: BinaryOp, a: &V, b: &V, t: TypeId, ty: TypeId) -> R<bool> {
        use std::cmp::Ordering;
        use BinaryOp::*;
        let (k, _) = self.kind(t);
        let ord: Option<Ordering> = match k {
            Kind::Int { signed: true, .. } => Some((a.w() as i64).cmp(&(b.w() as i64))),
            Kind::Int { .. } | Kind::Bool | Kind::Ptr => Some(a.w().cmp(&b.w())),
            Kind::F32 | Kind::F64 => a.f().partial_cmp(&b.f()),
            Kind::Str => {
                let x = self.str_bytes(a)?;
                let y = self.str_bytes(b)?;
                Some(x.cmp(&y))
            }
            Kind::Slice => Some(a.word(0).cmp(&b.word(0))),
            Kind::Iface => {
                let (bk, _) = self.kind(ty);
                if bk != Kind::Iface {
                    // comparing with nil typed as something else
                    Some(if a.word(0) == b.w() {
                        Ordering::Equal
                    } else {
                        Ordering::Less
                    })
                } else {
                    let eq = self.iface_equal(a, b)?;
                    Some(if eq { Ordering::Equal } else { Ordering::Less })
                }
            }
            Kind::Agg => {
                let eq = self.values_equal(a, b, t)?;
                Some(if eq { Ordering::Equal } else { Ordering::Less })
            }
        };
        Ok(match (op, ord) {
            (_, None) => op == Ne,
            (Eq, Some(o)) => o == Ordering::Equal,
            (Ne, Some(o)) => o != Ordering::Equal,
            (Lt, Some(o)) => o == Ordering::Less,
            (Le, Some(o)) => o != Ordering::Greater,
            (Gt, Some(o)) => o == Ordering::Greater,
            (Ge, Some(o)) => o != Ordering::Less,
            _ => false,
        })
    }

    /// `==` on two values of type `t`, recursively (strings by content, floats by value,
    /// interfaces by dynamic type and value).
    pub fn values_equal(&mut self, a: &V, b: &V, t: TypeId) -> R<bool> {
        let (k, _) = self.kind(t);
        match k {
            Kind::Agg => match self.tt.under(t).clone() {
                Type::Struct(fs) => {
                    for f in fs {
                        if f.name == "_" {
                            continue;
                        }
                        let (fk, fsz) = self.kind(f.ty);
                        let o = f.offset as usize;
                        let x = super::value::from_mem_bytes(fk, &a.bytes()[o..o + fsz as usize]);
                        let y = super::value::from_mem_bytes(fk, &b.bytes()[o..o + fsz as usize]);
                        if !self.values_equal(&x, &y, f.ty)? {
                            return Ok(false);
                        }
                    }
                    Ok(true)
                }
                Type::Array { len, elem } => {
                    let (ek, es) = self.kind(elem);
                    for i in 0..len as usize {
                        let o = i * es as usize;
                        let x = super::value::from_mem_bytes(ek, &a.bytes()[o..o + es as usize]);
                        let y = super::value::from_mem_bytes(ek, &b.bytes()[o..o + es as usize]);
                        if !self.values_equal(&x, &y, elem)? {
                            return Ok(false);
                        }
                    }
                    Ok(true)
                }
                _ => Ok(a == b),
            },
            _ => self.compare(BinaryOp::Eq, a, b, t, t),
        }
    }

    fn index(&mut self, e: &Expr, x: &Expr, index: &Expr) -> R<V> {
        if self.is_string(x.ty) {
            let s = self.eval(x)?;
            let i = self.eval(index)?.w();
            if i >= s.word(1) {
                return Err(self.runtime_error(RtErr::Index(i as i64, s.word(1))));
            }
            let a = s.word(0) + i;
            let b = self.heap.mem.read_u8(a).unwrap_or(0);
            return Ok(V::W(b as u64));
        }
        if let Type::Array { len, elem } = self.tt.under(x.ty).clone() {
            if !self.is_addressable(x) {
                let v = self.eval(x)?;
                let i = self.eval(index)?.w();
                if i >= len {
                    return Err(self.runtime_error(RtErr::Index(i as i64, len)));
                }
                let (k, es) = self.kind(elem);
                let o = (i * es) as usize;
                return Ok(super::value::from_mem_bytes(
                    k,
                    &v.bytes()[o..o + es as usize],
                ));
            }
        }
        let a = self.addr(e)?;
        self.load(a, e.ty)
    }

    fn slice_expr(
        &mut self,
        x: &Expr,
        lo: &Option<Box<Expr>>,
        hi: &Option<Box<Expr>>,
        max: &Option<Box<Expr>>,
        t: TypeId,
    ) -> R<V> {
        let (base, len, cap, string) = if self.is_string(x.ty) {
            let s = self.eval(x)?;
            (s.word(0), s.word(1), s.word(1), true)
        } else {
            match self.tt.under(x.ty).clone() {
                Type::Pointer(a) => {
                    let p = self.eval(x)?.w();
                    let n = match self.tt.under(a) {
                        Type::Array { len, .. } => *len,
                        _ => 0,
                    };
                    if p == 0 && n > 0 {
                        return Err(self.runtime_error(RtErr::NilDeref));
                    }
                    (p, n, n, false)
                }
                Type::Array { len, .. } => {
                    let p = self.addr(x)?;
                    (p, len, len, false)
                }
                _ => {
                    let s = self.eval(x)?;
                    (s.word(0), s.word(1), s.word(2), false)
                }
            }
        };
        let l = match lo {
            Some(e) => self.eval(e)?.w(),
            None => 0,
        };
        let h = match hi {
            Some(e) => self.eval(e)?.w(),
            None => len,
        };
        let m = match max {
            Some(e) => self.eval(e)?.w(),
            None => cap,
        };
        let limit = if string { len } else { cap };
        if max.is_some() && m > cap {
            return Err(self.runtime_error(RtErr::Slice3Cap(m as i64, cap)));
        }
        if h > if max.is_some() { m } else { limit } {
            if max.is_some() {
                return Err(self.runtime_error(RtErr::Slice3(h as i64, m)));
            }
            return Err(self.runtime_error(if string {
                RtErr::SliceLen(h as i64, len)
            } else {
                RtErr::SliceCap(h as i64, cap)
            }));
        }
        if l > h {
            return Err(self.runtime_error(RtErr::SliceLo(l as i64, h)));
        }
        let elem = if string {
            1
        } else {
            let et = self.tt.elem(t).unwrap_or(t);
            self.size_of(et)
        };
        let nl = h - l;
        let p = base + l * elem;
        if string {
            return Ok(V::words(&[if nl == 0 { 0 } else { p }, nl]));
        }
        Ok(V::words(&[p, nl, m - l]))
    }

    /// Conversions between non-interface types.
    pub fn convert(&mut self, v: V, from: TypeId, to: TypeId) -> R<V> {
        let (fk, _) = self.kind(from);
        let (tk, _) = self.kind(to);
        Ok(match (fk, tk) {
            (Kind::Int { signed, .. }, Kind::Int { size, signed: s2 }) => {
                let _ = signed;
                V::W(wrap(v.w(), size, s2))
            }
            (Kind::Int { signed, .. }, Kind::F32 | Kind::F64) => {
                let f = if signed {
                    v.w() as i64 as f64
                } else {
                    v.w() as f64
                };
                V::from_f(if tk == Kind::F32 { f as f32 as f64 } else { f })
            }
            (Kind::F32 | Kind::F64, Kind::Int { size, signed }) => {
                let f = v.f();
                let i = if signed { f as i64 as u64 } else { f as u64 };
                V::W(wrap(i, size, signed))
            }
            (Kind::F64 | Kind::F32, Kind::F32) => V::from_f(v.f() as f32 as f64),
            (Kind::Int { .. }, Kind::Str) => {
                let c = u32::try_from(v.w() as i64)
                    .ok()
                    .and_then(char::from_u32)
                    .unwrap_or('\u{fffd}');
                let mut buf = [0u8; 4];
                let s = c.encode_utf8(&mut buf).as_bytes().to_vec();
                self.const_str(&s)
            }
            _ => v,
        })
    }

    /// A new string with contents `b`, at the site `site` (frame buffer if it fits and the
    /// site does not escape).
    pub fn new_string(&mut self, site: u32, b: &[u8]) -> R<V> {
        if b.is_empty() {
            return Ok(V::words(&[0, 0]));
        }
        let n = b.len() as u64;
        let a = self.alloc_bytes(site, n, n)?;
        self.write_bytes(a, b)?;
        Ok(V::words(&[a, n]))
    }

    /// `runtime.concatstrings`: the concatenation at `site` (0: a site without a stack
    /// buffer, like walk's rewrite of `s += x`). A single non-empty operand is the result
    /// itself — always when the result has a stack buffer (it cannot outlive the frame), and
    /// otherwise when the operand's bytes are not on the goroutine's stack.
    pub fn concat_strings(&mut self, site: u32, parts: Vec<V>) -> R<V> {
        let nonempty: Vec<&V> = parts.iter().filter(|p| p.word(1) != 0).collect();
        match nonempty.as_slice() {
            [] => return Ok(V::words(&[0, 0])),
            [one] => {
                let has_buf = site != 0
                    && !self.heap_sites.contains(&site)
                    && self.site_slots.contains_key(&site);
                let st = self.gstack.stack;
                if has_buf || !(st.lo..st.hi).contains(&one.word(0)) {
                    return Ok((*one).clone());
                }
            }
            _ => {}
        }
        let mut b = Vec::new();
        for p in &parts {
            b.extend(self.str_bytes(p)?);
        }
        self.new_string(site, &b)
    }

    /// `n` bytes for a byte slice or string at `site`: the site's 32-byte frame buffer or
    /// the heap (pointer-free).
    pub fn alloc_bytes(&mut self, site: u32, n: u64, _cap: u64) -> R<u64> {
        if n == 0 {
            return Ok(crate::runtime::ZEROBASE);
        }
        if site != 0 {
            if let Some(a) = self.stack_slot(site, n)? {
                return Ok(a);
            }
        }
        self.malloc_raw(n, crate::runtime::TypeInfo::noscan())
    }

    fn slice_cap_after(&self, site: u32, n: u64) -> u64 {
        if !self.heap_sites.contains(&site) && n <= 32 && self.site_slots.contains_key(&site) {
            return 32.max(n);
        }
        super::alloc::roundupsize(n, true)
    }

    fn builtin(&mut self, which: Builtin, args: &[Expr], t: TypeId) -> R<V> {
        match which {
            Builtin::Len | Builtin::Cap => {
                let x = &args[0];
                match self.tt.under(x.ty).clone() {
                    Type::Array { len, .. } => Ok(V::W(len)),
                    Type::Pointer(a) => Ok(V::W(match self.tt.under(a) {
                        Type::Array { len, .. } => *len,
                        _ => 0,
                    })),
                    Type::Map { .. } => {
                        let m = self.eval(x)?.w();
                        Ok(V::W(self.map_len(m)))
                    }
                    Type::Chan { .. } => {
                        let c = self.eval(x)?.w();
                        Ok(V::W(self.chan_len_cap(c, which == Builtin::Cap)))
                    }
                    _ => {
                        let v = self.eval(x)?;
                        Ok(V::W(if which == Builtin::Len {
                            v.word(1)
                        } else {
                            v.word(2)
                        }))
                    }
                }
            }
            Builtin::Min | Builtin::Max => {
                let mut best = self.eval(&args[0])?;
                for a in &args[1..] {
                    let v = self.eval(a)?;
                    let less = self.compare(BinaryOp::Lt, &v, &best, t, t)?;
                    if less == (which == Builtin::Min) {
                        best = v;
                    }
                }
                Ok(best)
            }
            Builtin::Recover => self.recover(),
            _ => Err(Trap::Fatal(format!("gomem: unsupported builtin {which:?}"))),
        }
    }

    fn append(&mut self, e: &Expr, args: &[Expr], ddd: bool) -> R<V> {
        let s = self.eval(&args[0])?;
        let elem = self.tt.elem(e.ty).unwrap_or(e.ty);
        let (ek, es) = self.kind(elem);
        // Collect the new elements as bytes.
        let mut add: Vec<u8> = Vec::new();
        let count;
        if ddd {
            let src = self.eval(&args[1])?;
            count = src.word(1);
            add = self.read_bytes(src.word(0), count * es)?;
        } else {
            count = (args.len() - 1) as u64;
            for a in &args[1..] {
                let v = self.eval(a)?;
                super::value::to_mem_bytes(ek, &v, es as usize, &mut add);
            }
        }
        let (mut p, len, mut cap) = (s.word(0), s.word(1), s.word(2));
        let newlen = len + count;
        if newlen > cap {
            // A `...` append was rewritten by walk into a plain growslice; the others may
            // use their stack buffer (see `super::slicebuf`).
            let site = if ddd { 0 } else { e.id };
            (p, cap) = self.grow_append(site, elem, (p, len, cap), newlen)?;
        }
        self.write_bytes(p + len * es, &add)?;
        Ok(V::words(&[p, newlen, cap]))
    }

    /// A static function value (`main.f·f` in Go: a read-only closure record holding only the
    /// code pointer).
    pub fn static_func(&mut self, f: u32) -> u64 {
        let code = super::CODE_BASE + f as u64 * 16;
        if let Some(&a) = self.static_funcs.get(&code) {
            return a;
        }
        let a = self.rodata_alloc(8, 8);
        let _ = self.heap.mem.write_u64(a, code);
        self.static_funcs.insert(code, a);
        a
    }

    fn make_closure(&mut self, site: u32, f: u32) -> R<V> {
        let Some(layout) = self.layouts[f as usize].clone() else {
            return Ok(V::W(self.static_func(f)));
        };
        let func_cv = self.prog.func(f).closure_vars.clone();
        if func_cv.is_empty() {
            return Ok(V::W(self.static_func(f)));
        }
        let size = layout.closure_size;
        let a = match self.stack_slot(site, size)? {
            Some(a) => a,
            None => {
                let mut words = vec![0u64];
                for &v in &func_cv {
                    let (off, byref) = layout.captures[&v];
                    if byref {
                        words.push(off as u64 / 8);
                    } else {
                        let t = self.prog.vars[v as usize].ty;
                        for w in super::alloc::pointer_words(&self.tt, t) {
                            words.push(off as u64 / 8 + w);
                        }
                    }
                }
                let ti = self
                    .heap
                    .register_type(crate::runtime::TypeLayout::new("closure", size, &words));
                self.malloc_raw(size, ti)?
            }
        };
        self.write_word(a, super::CODE_BASE + f as u64 * 16)?;
        for &v in &func_cv {
            let (off, byref) = layout.captures[&v];
            let va = self.var_addr(v)?;
            if byref {
                self.write_word(a + off as u64, va)?;
            } else {
                let t = self.prog.vars[v as usize].ty;
                let val = self.load(va, t)?;
                self.store(a + off as u64, t, &val)?;
            }
        }
        Ok(V::W(a))
    }

    fn method_value(&mut self, site: u32, x: &Expr, method: Option<u32>, name: &str) -> R<V> {
        let recv = self.eval(x)?;
        let rsize = self.size_of(x.ty);
        let size = 8 + rsize.div_ceil(8) * 8;
        let a = match self.stack_slot(site, size)? {
            Some(a) => a,
            None => {
                let mut words = vec![];
                for w in super::alloc::pointer_words(&self.tt, x.ty) {
                    words.push(1 + w);
                }
                let ti = self.heap.register_type(crate::runtime::TypeLayout::new(
                    "methodvalue",
                    size,
                    &words,
                ));
                self.malloc_raw(size, ti)?
            }
        };
        let code = match method {
            Some(m) => super::METHOD_VALUE_BASE + m as u64 * 16,
            None => {
                // A method of an interface value: resolve now.
                if recv.word(0) == 0 {
                    return Err(self.runtime_error(RtErr::NilDeref));
                }
                let dyn_t = self.iface_dyn_type(recv.word(0));
                let target = self.find_method(dyn_t, name);
                match target {
                    Some(t) => {
                        self.write_word(a, super::METHOD_VALUE_BASE + t.func as u64 * 16)?;
                        let rv = self.method_receiver(&recv, dyn_t, &t)?;
                        let rt = self.recv_type(t.func);
                        self.store(a + 8, rt, &rv)?;
                        return Ok(V::W(a));
                    }
                    None => return Err(Trap::Fatal(format!("gomem: no method {name}"))),
                }
            }
        };
        self.write_word(a, code)?;
        self.store(a + 8, x.ty, &recv)?;
        Ok(V::W(a))
    }

    /// The receiver's type of method `f`.
    pub fn recv_type(&self, f: u32) -> TypeId {
        let fi = &self.tt.funcs[f as usize];
        fi.recv.map(|o| self.tt.objects[o as usize].ty).unwrap_or(0)
    }

    /// Values of a multi-valued expression (a call, or a comma-ok form).
    pub fn eval_multi(&mut self, e: &Expr) -> R<Vec<V>> {
        match &e.kind {
            ExprKind::Call { .. } => self.call_expr(e),
            ExprKind::InlCall {
                func,
                body,
                results,
            } => {
                self.exec_inl_body(*func, self.src_pos(e), body)?;
                let mut out = Vec::new();
                for &r in results {
                    let a = self.var_addr(r)?;
                    let t = self.prog.vars[r as usize].ty;
                    out.push(self.load(a, t)?);
                }
                Ok(out)
            }
            ExprKind::Init { init, x } => {
                self.exec_block_plain(init)?;
                self.eval_multi(x)
            }
            _ => Ok(vec![self.eval(e)?]),
        }
    }

    #[allow(dead_code)]
    fn unused(&self, _c: &Callee) {}
}

/// Reads word `i` of raw bytes.
/// The array index of element `i` of an array or slice literal (see `ExprKind::ArrayLit`).
fn lit_index(index: &[u64], i: usize) -> u64 {
    index.get(i).copied().unwrap_or(i as u64)
}

pub fn w_at(b: &[u8], i: usize) -> u64 {
    word(b, i * 8)
}
