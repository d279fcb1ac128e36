//! Selectors, method sets and the relations between types: identity, assignability,
//! convertibility and interface satisfaction.
//!
//! `x.f` is resolved like the Go spec says: look at depth 0 (the type itself: its declared
//! methods, and its fields if it is a struct), then at depth 1 (the fields and methods of its
//! embedded fields), and so on; the shallowest match wins, and two matches at the same depth
//! are ambiguous. The search walks through one pointer indirection at each embedded `*T` and
//! remembers that it did, because that changes what the selector means for memory.
//!
//! A method's receiver kind and bare name come from its [`FuncInfo::name`] (`(*T).Get` is a
//! pointer method `Get`), so method sets need no extra bookkeeping.

use super::table::*;

/// The result of [`TypeTable::lookup_field_or_method`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lookup {
    /// A struct field; `path` holds field indices (embedded fields first), `indirect` is true
    /// when a pointer was followed on the way (including the starting `*T`).
    Field {
        path: Vec<usize>,
        ty: TypeId,
        indirect: bool,
    },
    /// A declared method of a defined type; `path` leads to the embedded field that has it.
    Method {
        func: FuncId,
        path: Vec<usize>,
        indirect: bool,
        ptr_recv: bool,
    },
    /// A method of an interface type (possibly an embedded interface field).
    IfaceMethod {
        path: Vec<usize>,
        sig: TypeId,
    },
    /// Two candidates at the same depth.
    Ambiguous,
    NotFound,
}

impl TypeTable {
    /// The bare name of a method or function (`Get` for `(*T).Get`).
    pub fn func_short_name(&self, f: FuncId) -> &str {
        let n = self.funcs.get(f as usize).map_or("", |fi| fi.name.as_str());
        n.rsplit('.').next().unwrap_or(n)
    }

    /// True for a method declared with a pointer receiver.
    pub fn has_ptr_recv(&self, f: FuncId) -> bool {
        self.funcs
            .get(f as usize)
            .is_some_and(|fi| fi.recv.is_some() && fi.name.contains("(*"))
    }

    /// Whether a function carries the prelude's `//gomem:inline` directive (Go inlines it).
    pub fn is_inline_marked(&self, f: FuncId) -> bool {
        self.funcs
            .get(f as usize)
            .is_some_and(|fi| fi.pragmas.iter().any(|p| p == "gomem:inline"))
    }

    /// The declared methods of a defined type (empty for other types).
    pub fn methods_of(&self, t: TypeId) -> &[FuncId] {
        match self.get(t) {
            Type::Named { methods, .. } => methods,
            _ => &[],
        }
    }

    /// Looks up field or method `name` in `t` (which may be a pointer to a defined type).
    pub fn lookup_field_or_method(&self, t: TypeId, name: &str) -> Lookup {
        let (start, mut indirect0) = (t, false);
        let mut start = start;
        if let Type::Pointer(e) = self.get(t) {
            if self.is_named(*e) {
                start = *e;
                indirect0 = true;
            }
        }
        if name == "_" {
            return Lookup::NotFound;
        }
        let mut level: Vec<(TypeId, Vec<usize>, bool)> = vec![(start, vec![], indirect0)];
        let mut seen: Vec<TypeId> = Vec::new();
        while !level.is_empty() {
            let mut found: Vec<Lookup> = Vec::new();
            let mut next = Vec::new();
            for (ty, path, indirect) in level {
                if self.is_named(ty) {
                    if seen.contains(&ty) {
                        continue;
                    }
                    seen.push(ty);
                    for &m in self.methods_of(ty) {
                        if self.func_short_name(m) == name {
                            found.push(Lookup::Method {
                                func: m,
                                path: path.clone(),
                                indirect,
                                ptr_recv: self.has_ptr_recv(m),
                            });
                        }
                    }
                }
                match self.under(ty) {
                    Type::Struct(fields) => {
                        for (i, f) in fields.iter().enumerate() {
                            let mut p = path.clone();
                            p.push(i);
                            if f.name == name {
                                found.push(Lookup::Field {
                                    path: p.clone(),
                                    ty: f.ty,
                                    indirect,
                                });
                            }
                            if f.embedded {
                                match self.get(f.ty) {
                                    Type::Pointer(e) => next.push((*e, p, true)),
                                    _ => next.push((f.ty, p, indirect)),
                                }
                            }
                        }
                    }
                    Type::Interface(ms) => {
                        if let Some(m) = ms.iter().find(|m| m.name == name) {
                            found.push(Lookup::IfaceMethod {
                                path: path.clone(),
                                sig: m.sig,
                            });
                        }
                    }
                    _ => {}
                }
            }
            match found.len() {
                0 => level = next,
                1 => return found.pop().unwrap_or(Lookup::NotFound),
                _ => return Lookup::Ambiguous,
            }
        }
        Lookup::NotFound
    }

    /// Identical parameter and result lists (receivers ignored).
    pub fn identical_sigs(&self, a: TypeId, b: TypeId) -> bool {
        match (self.signature(a), self.signature(b)) {
            (Some(x), Some(y)) => {
                x.variadic == y.variadic
                    && x.params.len() == y.params.len()
                    && x.results.len() == y.results.len()
                    && x.params
                        .iter()
                        .zip(&y.params)
                        .all(|(&p, &q)| self.identical(p, q))
                    && x.results
                        .iter()
                        .zip(&y.results)
                        .all(|(&p, &q)| self.identical(p, q))
            }
            _ => false,
        }
    }

    /// Whether `t` implements interface `iface`; on failure, the reason in Go's words
    /// (`missing method M`, `method M has pointer receiver`, `wrong type for method M`).
    pub fn missing_method(&self, t: TypeId, iface: TypeId) -> Option<String> {
        let Type::Interface(ms) = self.under(iface) else {
            return Some("not an interface".into());
        };
        for m in ms {
            match self.lookup_field_or_method(t, &m.name) {
                Lookup::Method {
                    func,
                    indirect,
                    ptr_recv,
                    ..
                } => {
                    let through_ptr = indirect || matches!(self.under(t), Type::Pointer(_));
                    if ptr_recv && !through_ptr {
                        return Some(format!("method {} has pointer receiver", m.name));
                    }
                    let sig = self.funcs.get(func as usize).map_or(INVALID, |f| f.sig);
                    if !self.identical_sigs(sig, m.sig) {
                        return Some(format!("wrong type for method {}", m.name));
                    }
                }
                Lookup::IfaceMethod { sig, .. } => {
                    if !self.identical_sigs(sig, m.sig) {
                        return Some(format!("wrong type for method {}", m.name));
                    }
                }
                _ => return Some(format!("missing method {}", m.name)),
            }
        }
        None
    }

    pub fn implements(&self, t: TypeId, iface: TypeId) -> bool {
        self.missing_method(t, iface).is_none()
    }

    /// A type with a name in Go's sense: a defined type or a predeclared basic type.
    pub fn has_name(&self, t: TypeId) -> bool {
        self.is_named(t) || matches!(self.get(t), Type::Basic(_)) || matches!(t, BYTE | RUNE)
    }

    /// Nil-able types: pointers, slices, maps, channels, funcs, interfaces, `unsafe.Pointer`.
    pub fn has_nil(&self, t: TypeId) -> bool {
        match self.under(t) {
            Type::Basic(k) => *k == BasicKind::UnsafePointer || *k == BasicKind::UntypedNil,
            Type::Pointer(_)
            | Type::Slice(_)
            | Type::Map { .. }
            | Type::Chan { .. }
            | Type::Func(_) => true,
            Type::Interface(_) => true,
            _ => false,
        }
    }

    /// Assignability of a *typed* value of type `v` (or untyped nil) to type `t`. Untyped
    /// constants are handled by the checker, which knows their values.
    pub fn assignable(&self, v: TypeId, t: TypeId) -> bool {
        if self.identical(v, t) {
            return true;
        }
        if v == UNTYPED_NIL {
            return self.has_nil(t);
        }
        let (vu, tu) = (self.underlying(v), self.underlying(t));
        if self.identical(vu, tu) && (!self.has_name(v) || !self.has_name(t)) {
            return true;
        }
        if self.is_interface(t) && self.implements(v, t) {
            return true;
        }
        if let (
            Type::Chan {
                dir: ChanDir::Both,
                elem: e1,
            },
            Type::Chan { elem: e2, .. },
        ) = (self.get(vu), self.get(tu))
        {
            return self.identical(*e1, *e2) && (!self.has_name(v) || !self.has_name(t));
        }
        false
    }

    /// Convertibility of a typed value of type `v` to type `t` (`T(x)`).
    pub fn convertible(&self, v: TypeId, t: TypeId) -> bool {
        if self.assignable(v, t) {
            return true;
        }
        let (vu, tu) = (self.underlying(v), self.underlying(t));
        if self.identical(vu, tu) {
            return true;
        }
        match (self.get(vu), self.get(tu)) {
            (Type::Pointer(a), Type::Pointer(b))
                if self.identical(self.underlying(*a), self.underlying(*b)) =>
            {
                return true
            }
            (Type::Slice(a), Type::Array { elem, .. }) => return self.identical(*a, *elem),
            (Type::Slice(a), Type::Pointer(p)) => {
                if let Type::Array { elem, .. } = self.under(*p) {
                    return self.identical(*a, *elem);
                }
            }
            _ => {}
        }
        let (Some(kv), kt) = (self.basic(v), self.basic(t)) else {
            // []byte / []rune → string handled below through the slice case.
            return self.is_byte_or_rune_slice(v) && self.basic(t).is_some_and(|k| k.is_string());
        };
        match kt {
            Some(kt) => {
                (kv.is_numeric() && kt.is_numeric() && kv.is_complex() == kt.is_complex())
                    || (kv.is_integer() && kt.is_string())
                    || (kv.is_string() && kt.is_string())
            }
            None => kv.is_string() && self.is_byte_or_rune_slice(t),
        }
    }

    /// `[]byte` or `[]rune` (or a defined type with such an underlying type).
    pub fn is_byte_or_rune_slice(&self, t: TypeId) -> bool {
        match self.under(t) {
            Type::Slice(e) => matches!(self.basic(*e), Some(BasicKind::Uint8 | BasicKind::Int32)),
            _ => false,
        }
    }
}
