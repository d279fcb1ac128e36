//! Allocation: choosing between the heap and the frame, and Go's slice growth.
//!
//! Every allocation expression has a node id. If escape analysis put the node in `heap_sites`,
//! the VM calls the simulated `mallocgc` ([`crate::runtime::Heap::malloc`]) with the object's
//! type layout, so the allocator picks the right size class, the tiny allocator, or a
//! pointerful span, and `MemStats` counts it exactly as Go would. Otherwise the object lives
//! in the frame slot [`super::frame`] reserved for that site (zeroed before each use).
//! Zero-size objects all share `runtime.zerobase`.
//!
//! `append` beyond capacity follows `runtime.growslice` ([`grow_cap`]): double while the slice
//! is under 256 elements, then grow by 1.25× plus 192, and round the byte size up to the size
//! class the allocator will use (`roundupsize`, with the 8-byte malloc header of pointerful
//! objects over 512 bytes) — unless the append may use its stack buffer
//! ([`super::slicebuf`]).

use super::{Vm, R};
use crate::ir::NodeId;
use crate::runtime::sizeclass::{class_info, size_to_class, MAX_SMALL_ALLOC, PAGE_SIZE};
use crate::runtime::{TypeInfo, TypeLayout, ZEROBASE};
use crate::types::{Type, TypeId, TypeTable};

/// Indices of the 8-byte words of a `t` that hold pointers.
pub fn pointer_words(tt: &TypeTable, t: TypeId) -> Vec<u64> {
    let mut out = Vec::new();
    collect(tt, t, 0, &mut out);
    out
}

fn collect(tt: &TypeTable, t: TypeId, base: u64, out: &mut Vec<u64>) {
    match tt.under(t) {
        Type::Basic(crate::types::BasicKind::String) => out.push(base / 8),
        Type::Basic(crate::types::BasicKind::UnsafePointer) => out.push(base / 8),
        Type::Basic(_) => {}
        Type::Pointer(_) | Type::Map { .. } | Type::Chan { .. } | Type::Func(_) => {
            out.push(base / 8)
        }
        Type::Slice(_) => out.push(base / 8),
        Type::Interface(_) => {
            out.push(base / 8);
            out.push(base / 8 + 1)
        }
        Type::Struct(fields) => {
            for f in fields {
                collect(tt, f.ty, base + f.offset, out)
            }
        }
        Type::Array { len, elem } => {
            if !tt.has_pointers(*elem) {
                return;
            }
            let es = tt.size_of(*elem);
            for i in 0..*len {
                collect(tt, *elem, base + i * es, out)
            }
        }
        _ => {}
    }
}

impl Vm {
    /// The allocator's type handle for a runtime-internal type (an `hchan`, an
    /// `errors.errorString` made by a native) of `size` bytes with pointers at the word
    /// indices `ptr_words`; registered once per name.
    pub fn runtime_type_info(&mut self, name: &str, size: u64, ptr_words: &[u64]) -> TypeInfo {
        if let Some(&ti) = self.runtime_typeinfos.get(name) {
            return ti;
        }
        let ti = self
            .heap
            .register_type(TypeLayout::new(name, size, ptr_words));
        self.runtime_typeinfos.insert(name.to_string(), ti);
        ti
    }

    /// The allocator's type handle for `n` consecutive values of `t`.
    pub fn type_info(&mut self, t: TypeId, n: u64) -> TypeInfo {
        if !self.tt.has_pointers(t) {
            return TypeInfo::noscan();
        }
        if let Some(&ti) = self.typeinfos.get(&(t, n)) {
            return ti;
        }
        let es = self.size_of(t);
        let words = pointer_words(&self.tt, t);
        let mut all = Vec::with_capacity(words.len() * n as usize);
        for i in 0..n {
            for w in &words {
                all.push(i * es / 8 + w);
            }
        }
        let name = self.tt.type_string(t);
        let ti = self
            .heap
            .register_type(TypeLayout::new(&name, (es * n).max(8), &all));
        self.typeinfos.insert((t, n), ti);
        ti
    }

    /// The P of the running goroutine.
    pub fn cur_p(&self) -> usize {
        self.sched.cur_p()
    }

    /// Allocates `n` values of type `t` on the heap.
    pub fn malloc(&mut self, t: TypeId, n: u64) -> R<u64> {
        let size = self.size_of(t) * n;
        if size == 0 {
            return Ok(ZEROBASE);
        }
        let ti = self.type_info(t, n);
        self.malloc_raw(size, ti)
    }

    pub fn malloc_raw(&mut self, size: u64, ti: TypeInfo) -> R<u64> {
        if size == 0 {
            return Ok(ZEROBASE);
        }
        if self.in_static_init {
            // Package initialisation places its objects in static data; they may come to
            // hold heap pointers, so the collector scans them as roots.
            let a = self.rodata_alloc(size, 8);
            self.coll.statics.push((a, size.div_ceil(8) * 8));
            return Ok(a);
        }
        let total = self.heap.mheap().heap_sys();
        if total + size > self.opts.max_memory {
            return Err(super::Trap::Fatal("runtime: out of memory".into()));
        }
        let p = self.cur_p();
        let a = self.heap.malloc(p, size, ti);
        let large = size > crate::runtime::sizeclass::MAX_SMALL_SIZE;
        let bytes = if large {
            size
        } else {
            self.heap.size_class_of(size).size
        };
        self.coll.alloc_ns += self.coll.gc.config.costs.alloc(bytes, large);
        if self.coll.gc.pacer.memory_limit != crate::runtime::gc::NO_MEMORY_LIMIT {
            // The memory limit counts what the runtime maps besides the heap.
            let other = self.heap.metadata_sys() + self.stacks.stack_inuse();
            self.coll.gc.set_other_mapped(other);
        }
        // Until its statement ends, the new object may be held only by the interpreter.
        self.coll.young.push(a);
        if self.coll.gc.on_alloc(&mut self.heap, p, a, size) {
            self.coll.pending = true;
            self.coll.busy = true;
        }
        if self.rec.is_some() {
            self.observe_alloc(a, size, !ti.has_pointers());
        }
        Ok(a)
    }

    /// Memory for the allocation at `site`: the heap if it escapes, else its frame slot
    /// (zeroed). `n` values of `t`.
    pub fn alloc_at(&mut self, site: NodeId, t: TypeId, n: u64) -> R<u64> {
        let size = self.size_of(t) * n;
        if let Some(a) = self.stack_slot(site, size)? {
            return Ok(a);
        }
        self.malloc(t, n)
    }

    /// The frame slot of a non-escaping site, zeroed, if it is big enough for `size` bytes.
    pub fn stack_slot(&mut self, site: NodeId, size: u64) -> R<Option<u64>> {
        if self.heap_sites.contains(&site) || self.in_static_init {
            return Ok(None);
        }
        if self.running_package_init() {
            // A value a package-level initialiser builds without escaping (what is left after
            // inlining, `var E = errors.New("x")`) is laid out statically by Go's staticinit
            // pass: data that outlives `init`, not its frame, and not the heap.
            return Ok(Some(self.rodata_alloc(size.max(1), 8)));
        }
        if size == 0 {
            return Ok(Some(ZEROBASE));
        }
        let Some(&off) = self.site_slots.get(&site) else {
            return Ok(None);
        };
        let cap = self.site_capacity(site);
        if size > cap {
            return Ok(None);
        }
        let a = self.fp + off as u64;
        let _ = self.heap.mem.zero(a, size);
        Ok(Some(a))
    }

    /// Whether the current function is a synthetic package initialiser (`gomem:packageinit`).
    fn running_package_init(&self) -> bool {
        self.prog
            .funcs
            .get(self.cur_func as usize)
            .and_then(|f| f.as_ref())
            .is_some_and(|f| f.pragmas.iter().any(|p| p == "gomem:packageinit"))
    }

    fn site_capacity(&self, site: NodeId) -> u64 {
        // Sites are laid out in increasing offsets; the capacity is recorded as the distance
        // to the next site or the end of locals. Stored at layout time.
        self.site_caps.get(&site).copied().unwrap_or(0)
    }

    /// `runtime.growslice`'s new capacity for a slice of `old_cap` growing to `new_len`.
    pub fn grow_cap(&mut self, elem: TypeId, old_cap: u64, new_len: u64) -> u64 {
        let es = self.size_of(elem);
        grow_cap(es, !self.tt.has_pointers(elem), old_cap, new_len)
    }
}

/// `runtime.growslice`'s new capacity for `es`-byte elements (`noscan`: without pointers):
/// double while the slice is under 256 elements, then grow by 1.25× plus 192, and round the
/// bytes up to what the allocator hands out.
pub fn grow_cap(es: u64, noscan: bool, old_cap: u64, new_len: u64) -> u64 {
    let mut newcap = old_cap;
    let doublecap = newcap + newcap;
    if new_len > doublecap {
        newcap = new_len;
    } else {
        const THRESHOLD: u64 = 256;
        if old_cap < THRESHOLD {
            newcap = doublecap;
        } else {
            while newcap < new_len {
                newcap += (newcap + 3 * THRESHOLD) >> 2;
            }
        }
    }
    if es == 0 {
        return newcap;
    }
    roundupsize(newcap * es, noscan) / es
}

/// `runtime.roundupsize`: the bytes the allocator really hands out for a request.
pub fn roundupsize(size: u64, noscan: bool) -> u64 {
    let mut req = size;
    if !noscan && size > 512 {
        req += 8;
    }
    if req <= MAX_SMALL_ALLOC {
        let c = size_to_class(req.max(1));
        class_info(c).size - (req - size)
    } else {
        req.div_ceil(PAGE_SIZE) * PAGE_SIZE
    }
}
