//! `sync.Pool`: per-P caches of reusable objects, emptied by the garbage collector.
//!
//! A pool (`sync/pool.go`) keeps, for each P, one **private** object and a **shared** list
//! (`poolChain`: a chain of ring buffers, 8 slots first and twice as many in each new one).
//! `Put` fills the private slot, or pushes on the head of the shared list. `Get` takes the
//! private object, else pops the shared head, else steals from the tail of another P's list,
//! else looks in the **victim cache**, and only then calls `New`.
//!
//! The collector empties pools in two steps (`poolCleanup`, at the start of every cycle): the
//! victim caches of the pools used before the previous cycle are dropped, then each pool's
//! current caches become its victim cache. An object put in a pool therefore survives one
//! collection (a `Get` after it still finds it) and is garbage after the second.
//!
//! The VM keeps the pools' contents beside simulated memory (like map entries), so they are
//! roots of the collector ([`Vm::pool_roots`]). The runtime's own objects are real heap
//! objects, allocated where Go allocates them: the per-P array (`[GOMAXPROCS]poolLocal`, 128
//! bytes each) when a pool is first used after a cleanup, the `allPools` slice it is
//! registered in, and each ring buffer of a shared list (`poolChainElt` and its `vals`).

use std::collections::VecDeque;

use rustc_hash::FxHashMap as HashMap;

use super::value::V;
use super::{Vm, R};

/// Bytes of one `poolLocal` (padded to a cache line pair against false sharing).
const POOL_LOCAL_BYTES: u64 = 128;
/// Slots of a shared list's first ring buffer.
const FIRST_DEQUEUE: usize = 8;

/// An interface value (`any`): type word and data word.
type Eface = [u64; 2];

/// All pools the program has used.
#[derive(Debug, Default)]
pub struct Pools {
    pools: Vec<Pool>,
    by_addr: HashMap<u64, usize>,
    /// `allPools`: pools used since the last cleanup, and its backing array (address, cap).
    all: Vec<usize>,
    all_array: (u64, u64),
    /// `oldPools`: pools whose victim caches the next cleanup drops (and `allPools`' array
    /// that became theirs).
    old: Vec<usize>,
    old_array: u64,
}

#[derive(Debug)]
struct Pool {
    /// The `*sync.Pool` (kept alive by `allPools` and `oldPools`, as in Go).
    addr: u64,
    local: Option<Locals>,
    victim: Option<Locals>,
}

/// A `[]poolLocal`: one cache per P, and the heap array that holds it.
#[derive(Debug)]
struct Locals {
    array: u64,
    per_p: Vec<PoolLocal>,
}

#[derive(Debug, Default)]
struct PoolLocal {
    private: Option<Eface>,
    /// The shared list's ring buffers, tail first.
    shared: VecDeque<Dequeue>,
}

/// One `poolChainElt`: a ring buffer of `cap` slots.
#[derive(Debug)]
struct Dequeue {
    elt: u64,
    vals: u64,
    cap: usize,
    items: VecDeque<Eface>,
}

impl PoolLocal {
    /// `poolChain.popHead`: newest first, moving back through the ring buffers.
    fn pop_head(&mut self) -> Option<Eface> {
        self.shared
            .iter_mut()
            .rev()
            .find_map(|d| d.items.pop_back())
    }

    /// `poolChain.popTail`: oldest first; an emptied tail buffer is dropped.
    fn pop_tail(&mut self) -> Option<Eface> {
        loop {
            let d = self.shared.front_mut()?;
            if let Some(x) = d.items.pop_front() {
                return Some(x);
            }
            if self.shared.len() == 1 {
                return None;
            }
            self.shared.pop_front();
        }
    }
}

impl Locals {
    fn words(&self, out: &mut Vec<u64>) {
        out.push(self.array);
        for l in &self.per_p {
            out.extend(l.private.iter().flatten());
            for d in &l.shared {
                out.extend([d.elt, d.vals]);
                out.extend(d.items.iter().flatten());
            }
        }
    }
}

impl Vm {
    /// `sync.(*Pool).Get` on pool `p`; `new_off` is the offset of its `New` field.
    pub fn pool_get(&mut self, p: u64, new_off: u64) -> R<V> {
        let i = self.pool_pin(p)?;
        let pid = self.cur_p();
        let pool = &mut self.pools.pools[i];
        let locals = pool.local.as_mut().expect("pinned");
        let size = locals.per_p.len();
        let mut x = locals.per_p[pid].private.take();
        if x.is_none() {
            x = locals.per_p[pid].pop_head();
        }
        if x.is_none() {
            // getSlow: steal from the other Ps, then try the victim cache.
            x = (0..size).find_map(|k| locals.per_p[(pid + k + 1) % size].pop_tail());
        }
        if x.is_none() {
            if let Some(v) = pool.victim.as_mut() {
                let n = v.per_p.len();
                x = v.per_p.get_mut(pid).and_then(|l| l.private.take());
                if x.is_none() {
                    x = (0..n).find_map(|k| v.per_p[(pid + k) % n].pop_tail());
                }
                if x.is_none() {
                    pool.victim = None; // victimSize = 0: the victim cache is empty
                }
            }
        }
        match x {
            Some(e) => Ok(V::words(&e)),
            None => {
                let new = self.read_word(p + new_off)?;
                if new == 0 {
                    return Ok(V::words(&[0, 0]));
                }
                let mut r = self.call_value(new, vec![])?;
                Ok(r.pop().unwrap_or_else(|| V::words(&[0, 0])))
            }
        }
    }

    /// `sync.(*Pool).Put` of `x` on pool `p`.
    pub fn pool_put(&mut self, p: u64, x: &V) -> R<()> {
        if x.word(0) == 0 {
            return Ok(());
        }
        let e = [x.word(0), x.word(1)];
        let i = self.pool_pin(p)?;
        let pid = self.cur_p();
        let l = &mut self.pools.pools[i].local.as_mut().expect("pinned").per_p[pid];
        if l.private.is_none() {
            l.private = Some(e);
            return Ok(());
        }
        // poolChain.pushHead: a new ring buffer, twice the last one, when the head is full.
        let full = l.shared.back().is_none_or(|d| d.items.len() == d.cap);
        if full {
            let cap = l.shared.back().map_or(FIRST_DEQUEUE, |d| d.cap * 2);
            let elt_ti = self.runtime_type_info("sync.poolChainElt", 48, &[1, 4, 5]);
            let elt = self.malloc_raw(48, elt_ti)?;
            let words: Vec<u64> = (0..2 * cap as u64).collect();
            let vals_ti =
                self.runtime_type_info(&format!("[{cap}]sync.eface"), 16 * cap as u64, &words);
            let vals = self.malloc_raw(16 * cap as u64, vals_ti)?;
            let l = &mut self.pools.pools[i].local.as_mut().expect("pinned").per_p[pid];
            l.shared.push_back(Dequeue {
                elt,
                vals,
                cap,
                items: VecDeque::new(),
            });
        }
        let l = &mut self.pools.pools[i].local.as_mut().expect("pinned").per_p[pid];
        if let Some(d) = l.shared.back_mut() {
            d.items.push_back(e);
        }
        Ok(())
    }

    /// `Pool.pin`: the pool's index, with its per-P array allocated and the pool registered
    /// in `allPools` if this is its first use since the last cleanup (`pinSlow`).
    fn pool_pin(&mut self, p: u64) -> R<usize> {
        let i = match self.pools.by_addr.get(&p) {
            Some(&i) => i,
            None => {
                self.pools.pools.push(Pool {
                    addr: p,
                    local: None,
                    victim: None,
                });
                let i = self.pools.pools.len() - 1;
                self.pools.by_addr.insert(p, i);
                i
            }
        };
        if self.pools.pools[i].local.is_some() {
            return Ok(i);
        }
        // allPools = append(allPools, p)
        let (arr, cap) = self.pools.all_array;
        let len = self.pools.all.len() as u64;
        if len == cap {
            let ncap = super::alloc::grow_cap(8, false, cap, len + 1);
            let ti = self.runtime_type_info(
                &format!("[{ncap}]*sync.Pool"),
                8 * ncap,
                &(0..ncap).collect::<Vec<_>>(),
            );
            // The old array is garbage once the slice moves (its pointers were copied).
            let _ = arr;
            let na = self.malloc_raw(8 * ncap, ti)?;
            self.pools.all_array = (na, ncap);
        }
        self.pools.all.push(i);
        // local := make([]poolLocal, GOMAXPROCS)
        let procs = self.opts.gomaxprocs as u64;
        let words: Vec<u64> = (0..procs)
            .flat_map(|k| (0..4).map(move |w| k * POOL_LOCAL_BYTES / 8 + w))
            .collect();
        let ti = self.runtime_type_info(
            &format!("[{procs}]sync.poolLocal"),
            POOL_LOCAL_BYTES * procs,
            &words,
        );
        let array = self.malloc_raw(POOL_LOCAL_BYTES * procs, ti)?;
        self.pools.pools[i].local = Some(Locals {
            array,
            per_p: (0..procs).map(|_| PoolLocal::default()).collect(),
        });
        Ok(i)
    }

    /// `poolCleanup`, called when a collection starts (the world is stopped): drop the old
    /// victim caches, turn the current caches into victim caches.
    pub fn pool_cleanup(&mut self) {
        let pools = &mut self.pools;
        for &i in &pools.old {
            pools.pools[i].victim = None;
        }
        for &i in &pools.all {
            let p = &mut pools.pools[i];
            p.victim = p.local.take();
        }
        pools.old = std::mem::take(&mut pools.all);
        pools.old_array = pools.all_array.0;
        pools.all_array = (0, 0);
    }

    /// What the pools keep alive: the pools in `allPools` and `oldPools` and those slices'
    /// arrays, their per-P arrays and ring buffers, and every object they cache.
    pub fn pool_roots(&self) -> Vec<u64> {
        let pools = &self.pools;
        let mut out = vec![pools.all_array.0, pools.old_array];
        for &i in pools.all.iter().chain(&pools.old) {
            let p = &pools.pools[i];
            out.push(p.addr);
            for l in p.local.iter().chain(&p.victim) {
                l.words(&mut out);
            }
        }
        out.retain(|&w| w != 0);
        out
    }
}
