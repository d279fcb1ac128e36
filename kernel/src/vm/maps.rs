//! Maps: Go's swiss-table allocation pattern, with entries indexed by canonical keys.
//!
//! Go 1.24+ maps (`internal/runtime/maps`) are swiss tables: a 48-byte `Map` header; a
//! *small* map keeps up to 8 entries in one group (8 control bytes + 8 key/value slots); a
//! bigger map has a directory of tables, each with a 32-byte header and an array of groups,
//! grown by doubling when 7/8 full. A map that does not escape gets its header — and, when the
//! size hint is at most 8, its first group — in the frame. This module reproduces those
//! allocations exactly (so `allocs/op` and `MemStats` agree with Go) while the entries
//! themselves are indexed by a canonical form of the key (strings by content, floats by value,
//! interfaces by dynamic type and value) and iterated in insertion order, which is one of the
//! orders Go's randomized iteration may produce.
//!
//! Simplification: entries are kept by the VM next to the simulated groups rather than in the
//! group slots, so a future GC must treat live maps' keys and values as roots.

use rustc_hash::FxHashMap as HashMap;

use super::panics::RtErr;
use super::value::{Kind, V};
use super::{Vm, R};
use crate::runtime::TypeInfo;
use crate::types::{Type, TypeId, TypeTable};

const MAP_HEADER: u64 = 48;
const TABLE_HEADER: u64 = 32;
const GROUP_SLOTS: u64 = 8;

/// One map's entries and its simulated table shape.
#[derive(Clone, Debug, Default)]
pub struct MapObj {
    pub index: HashMap<Vec<u8>, usize>,
    pub entries: Vec<Option<(Vec<u8>, V, V)>>,
    pub len: u64,
    /// Slots in the current table(s); 0 before the first group, 8 for a small map.
    pub capacity: u64,
    pub group_size: u64,
    /// The header and first group are in the frame (non-escaping map with a small hint).
    pub on_stack: bool,
}

#[derive(Default)]
pub struct Maps {
    pub m: HashMap<u64, MapObj>,
}

fn group_size(tt: &TypeTable, t: TypeId) -> u64 {
    match tt.under(t) {
        Type::Map { key, value } => {
            let ks = tt.size_of(*key);
            let vs = tt.size_of(*value);
            let va = tt.align_of(*value).max(1);
            let slot = (ks.div_ceil(va) * va + vs).div_ceil(8) * 8;
            8 + GROUP_SLOTS * slot
        }
        _ => 8,
    }
}

/// Frame bytes for a non-escaping map: header plus one group.
pub fn stack_map_bytes(tt: &TypeTable, t: TypeId) -> u64 {
    MAP_HEADER + group_size(tt, t)
}

impl Vm {
    fn map_kv(&self, t: TypeId) -> (TypeId, TypeId) {
        match self.tt.under(t) {
            Type::Map { key, value } => (*key, *value),
            _ => (t, t),
        }
    }

    /// `make(map[K]V, hint)` at `site`.
    pub fn make_map(&mut self, site: u32, t: TypeId, hint: u64) -> R<u64> {
        let gs = group_size(&self.tt, t);
        let mut obj = MapObj {
            group_size: gs,
            ..MapObj::default()
        };
        let addr = if hint <= GROUP_SLOTS {
            match self.stack_slot(site, MAP_HEADER + gs)? {
                Some(a) => {
                    obj.on_stack = true;
                    obj.capacity = GROUP_SLOTS;
                    a
                }
                None => {
                    let ti = self.map_header_ti();
                    self.malloc_raw(MAP_HEADER, ti)?
                }
            }
        } else {
            let a = match self.stack_slot(site, MAP_HEADER)? {
                Some(a) => a,
                None => {
                    let ti = self.map_header_ti();
                    self.malloc_raw(MAP_HEADER, ti)?
                }
            };
            // Directory and tables sized for the hint.
            let target = (hint * 8).div_ceil(7).next_power_of_two().max(16);
            let tables = target.div_ceil(1024).next_power_of_two();
            let per = target / tables;
            let ti = self.ptr_ti();
            self.malloc_raw(8 * tables, ti)?;
            for _ in 0..tables {
                self.alloc_table(per, gs)?;
            }
            obj.capacity = target;
            a
        };
        self.maps.m.insert(addr, obj);
        Ok(addr)
    }

    fn map_header_ti(&mut self) -> TypeInfo {
        self.layout_ti("maps.Map", 48, &[2])
    }
    fn ptr_ti(&mut self) -> TypeInfo {
        self.layout_ti("*table", 8, &[0])
    }
    fn layout_ti(&mut self, name: &str, size: u64, ptrs: &[u64]) -> TypeInfo {
        let key = (u32::MAX - size as u32, ptrs.len() as u64);
        if let Some(&t) = self.typeinfos.get(&key) {
            return t;
        }
        let t = self
            .heap
            .register_type(crate::runtime::TypeLayout::new(name, size, ptrs));
        let _ = name;
        self.typeinfos.insert(key, t);
        t
    }

    fn alloc_table(&mut self, slots: u64, gs: u64) -> R<()> {
        let tti = self.layout_ti("maps.table", TABLE_HEADER, &[2]);
        self.malloc_raw(TABLE_HEADER, tti)?;
        let groups = slots / GROUP_SLOTS;
        let gti = self.layout_ti("groups", 8, &[0]);
        self.malloc_raw(groups * gs, gti)?;
        Ok(())
    }

    /// The canonical bytes of a key (equal keys ⇔ equal bytes).
    pub fn canon_key(&mut self, k: &V, t: TypeId, out: &mut Vec<u8>) -> R<()> {
        let (kind, size) = self.kind(t);
        match kind {
            Kind::Str => {
                let b = self.str_bytes(k)?;
                out.extend_from_slice(&(b.len() as u64).to_le_bytes());
                out.extend(b);
            }
            Kind::F32 | Kind::F64 => {
                let f = k.f();
                let f = if f == 0.0 { 0.0 } else { f };
                out.extend_from_slice(&f.to_bits().to_le_bytes());
            }
            Kind::Iface => {
                out.extend_from_slice(&k.word(0).to_le_bytes());
                if k.word(0) != 0 {
                    let d = self.iface_dyn_type(k.word(0));
                    if d < super::iface::RUNTIME_TYPE {
                        if matches!(
                            self.tt.under(d),
                            Type::Slice(_) | Type::Map { .. } | Type::Func(_)
                        ) {
                            return Err(self.runtime_error(RtErr::Hash(self.rtype_string(d))));
                        }
                        let v = self.unbox(k, d)?;
                        self.canon_key(&v, d, out)?;
                    }
                }
            }
            Kind::Agg => match self.tt.under(t).clone() {
                Type::Struct(fs) => {
                    for f in fs {
                        let (fk, fsz) = self.kind(f.ty);
                        let o = f.offset as usize;
                        let fv = super::value::from_mem_bytes(fk, &k.bytes()[o..o + fsz as usize]);
                        self.canon_key(&fv, f.ty, out)?;
                    }
                }
                Type::Array { len, elem } => {
                    let (ek, es) = self.kind(elem);
                    for i in 0..len as usize {
                        let o = i * es as usize;
                        let ev = super::value::from_mem_bytes(ek, &k.bytes()[o..o + es as usize]);
                        self.canon_key(&ev, elem, out)?;
                    }
                }
                _ => out.extend_from_slice(k.bytes()),
            },
            _ => out.extend_from_slice(&k.w().to_le_bytes()[..size.min(8) as usize]),
        }
        Ok(())
    }

    /// `m[k]`: the value (zero if absent) and whether it was present.
    pub fn map_get(&mut self, m: u64, t: TypeId, k: &V) -> R<(V, bool)> {
        let (kt, vt) = self.map_kv(t);
        let mut key = Vec::new();
        self.canon_key(k, kt, &mut key)?;
        if let Some(obj) = self.maps.m.get(&m) {
            if let Some(&i) = obj.index.get(&key) {
                if let Some((_, _, v)) = &obj.entries[i] {
                    return Ok((v.clone(), true));
                }
            }
        }
        let (vk, vs) = self.kind(vt);
        Ok((super::value::zero(vk, vs), false))
    }

    /// `m[k] = v`, growing the simulated table like Go.
    pub fn map_set(&mut self, m: u64, t: TypeId, k: &V, v: &V) -> R<()> {
        if m == 0 {
            return Err(self.runtime_error(RtErr::NilMapWrite));
        }
        let (kt, _) = self.map_kv(t);
        let mut key = Vec::new();
        self.canon_key(k, kt, &mut key)?;
        let gs = group_size(&self.tt, t);
        let Some(obj) = self.maps.m.get_mut(&m) else {
            return Ok(());
        };
        if let Some(&i) = obj.index.get(&key) {
            if let Some(e) = &mut obj.entries[i] {
                e.2 = v.clone();
                return Ok(());
            }
        }
        let (len, cap) = (obj.len, obj.capacity);
        // Grow before inserting, as Go does.
        if cap == 0 {
            let gti = self.layout_ti("group", 8, &[0]);
            self.malloc_raw(gs, gti)?;
            if let Some(o) = self.maps.m.get_mut(&m) {
                o.capacity = GROUP_SLOTS;
            }
        } else if cap == GROUP_SLOTS && len >= GROUP_SLOTS {
            // Small map full: a directory with one table of 16 slots.
            let ti = self.ptr_ti();
            self.malloc_raw(8, ti)?;
            self.alloc_table(2 * GROUP_SLOTS, gs)?;
            if let Some(o) = self.maps.m.get_mut(&m) {
                o.capacity = 2 * GROUP_SLOTS;
            }
        } else if cap > GROUP_SLOTS && len >= cap * 7 / 8 {
            if cap >= 1024 {
                // Split: one more table of the same size (and a bigger directory).
                self.alloc_table(1024, gs)?;
                self.alloc_table(1024, gs)?;
                let dir = (cap * 2) / 1024;
                let ti = self.ptr_ti();
                self.malloc_raw(8 * dir, ti)?;
            } else {
                self.alloc_table(cap * 2, gs)?;
            }
            if let Some(o) = self.maps.m.get_mut(&m) {
                o.capacity = cap * 2;
            }
        }
        let obj = self.maps.m.get_mut(&m).expect("map exists");
        obj.entries.push(Some((key.clone(), k.clone(), v.clone())));
        obj.index.insert(key, obj.entries.len() - 1);
        obj.len += 1;
        let _ = self.heap.mem.write_u64(m, obj.len);
        Ok(())
    }

    pub fn map_delete(&mut self, m: u64, t: TypeId, k: &V) -> R<()> {
        if m == 0 {
            return Ok(());
        }
        let (kt, _) = self.map_kv(t);
        let mut key = Vec::new();
        self.canon_key(k, kt, &mut key)?;
        if let Some(obj) = self.maps.m.get_mut(&m) {
            if let Some(i) = obj.index.remove(&key) {
                obj.entries[i] = None;
                obj.len -= 1;
            }
        }
        Ok(())
    }

    pub fn map_clear(&mut self, m: u64) {
        if let Some(obj) = self.maps.m.get_mut(&m) {
            obj.index.clear();
            obj.entries.clear();
            obj.len = 0;
        }
    }

    pub fn map_len(&self, m: u64) -> u64 {
        self.maps.m.get(&m).map_or(0, |o| o.len)
    }

    /// Canonical keys in iteration order (a snapshot; deleted entries are skipped later).
    pub fn map_keys(&self, m: u64) -> Vec<Vec<u8>> {
        self.maps.m.get(&m).map_or(vec![], |o| {
            o.entries.iter().flatten().map(|e| e.0.clone()).collect()
        })
    }

    pub fn map_lookup_canon(&self, m: u64, k: &[u8]) -> Option<(V, V)> {
        let o = self.maps.m.get(&m)?;
        let i = *o.index.get(k)?;
        o.entries[i].as_ref().map(|e| (e.1.clone(), e.2.clone()))
    }

    /// Entries (key, value) in iteration order.
    pub fn map_entries(&self, m: u64) -> Vec<(V, V)> {
        self.maps.m.get(&m).map_or(vec![], |o| {
            o.entries
                .iter()
                .flatten()
                .map(|e| (e.1.clone(), e.2.clone()))
                .collect()
        })
    }
}
