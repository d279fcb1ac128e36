//! The simulated address space: sparse 64-bit memory made of 8 KiB pages.
//!
//! A real Go process sees a 64-bit virtual address space in which the OS maps regions on
//! demand. The runtime reserves its heap in 64 MiB *arenas*, starting (on linux/amd64)
//! at the hint address `0xc000000000` — the reason Go heap pointers so often look like
//! `0xc000012345`. (Go 1.26+ randomizes the low bits of the heap base; the simulator does
//! not, so that every run prints the same addresses.)
//!
//! [`Memory`] models this with *regions* (ranges the program may touch: the heap, stacks,
//! static data) made of pages that are only materialised when first written. Reading a page
//! that was never written yields zeros, exactly like fresh anonymous memory from the OS.
//! Touching an address outside every region — address 0 in particular — is a [`Fault`],
//! which the VM turns into Go's `invalid memory address or nil pointer dereference` panic.
//!
//! Multi-byte values are little-endian (amd64). Accesses may be unaligned and may cross
//! page boundaries.

use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Page size of the simulated memory (same as the allocator's page).
pub const MEM_PAGE: u64 = 8192;
type Page = Box<[u8; MEM_PAGE as usize]>;

/// An access to an address that no region maps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fault {
    /// The faulting address.
    pub addr: u64,
    /// Whether the access was a write.
    pub write: bool,
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unexpected fault address {:#x} ({}): signal SIGSEGV: segmentation violation",
            self.addr,
            if self.write { "write" } else { "read" }
        )
    }
}

impl std::error::Error for Fault {}

#[derive(Debug)]
struct Region {
    start: u64,
    end: u64,
    name: &'static str,
    pages: Vec<Option<Page>>,
}

/// A sparse, deterministic 64-bit address space.
///
/// ```
/// use gomem::runtime::memory::Memory;
/// let mut m = Memory::new();
/// m.map(0xc000000000, 8192, "heap");
/// m.write_u64(0xc000000008, 42).unwrap();
/// assert_eq!(m.read_u64(0xc000000008), Ok(42));
/// assert_eq!(m.read_u8(0xc000000100), Ok(0)); // never written: zero
/// assert!(m.read_u64(0).is_err()); // nil dereference
/// ```
#[derive(Debug, Default)]
pub struct Memory {
    regions: Vec<Region>,
    /// Index of the region of the last successful lookup (a hint; any value is safe).
    last_hit: AtomicUsize,
}

impl Memory {
    /// An empty address space (every access faults).
    pub fn new() -> Self {
        Self::default()
    }

    /// Maps `[start, start+len)` (page-aligned). If the range starts where an existing
    /// region ends, that region grows (the heap grows contiguously like Go's arenas).
    pub fn map(&mut self, start: u64, len: u64, name: &'static str) {
        assert!(
            start.is_multiple_of(MEM_PAGE) && len.is_multiple_of(MEM_PAGE),
            "unaligned map"
        );
        let npages = (len / MEM_PAGE) as usize;
        if let Some(r) = self.regions.iter_mut().find(|r| r.end == start) {
            r.end += len;
            r.pages.resize_with(r.pages.len() + npages, || None);
            return;
        }
        let mut pages = Vec::new();
        pages.resize_with(npages, || None);
        self.regions.push(Region {
            start,
            end: start + len,
            name,
            pages,
        });
        self.regions.sort_by_key(|r| r.start);
    }

    /// Whether `addr` lies in a mapped region.
    pub fn is_mapped(&self, addr: u64) -> bool {
        self.regions.iter().any(|r| r.start <= addr && addr < r.end)
    }

    /// Name of the region containing `addr`, if any.
    pub fn region_name(&self, addr: u64) -> Option<&'static str> {
        self.regions
            .iter()
            .find(|r| r.start <= addr && addr < r.end)
            .map(|r| r.name)
    }

    /// Number of pages that have been written to (materialised).
    pub fn touched_pages(&self) -> usize {
        self.regions
            .iter()
            .map(|r| r.pages.iter().filter(|p| p.is_some()).count())
            .sum()
    }

    /// Forgets the contents of the whole pages in `[start, start+len)`: they read as zero
    /// again (the allocator does this when pages return to the heap, instead of zeroing
    /// them later like Go's `needzero`).
    pub fn discard(&mut self, start: u64, len: u64) {
        let mut a = start;
        while a < start + len {
            if let Some((ri, pi)) = self.locate(a) {
                self.regions[ri].pages[pi] = None;
            }
            a += MEM_PAGE;
        }
    }

    /// Region and page index of `addr`. Regions are few and sorted by address; the VM's
    /// accesses alternate between a frame on a stack and a heap object, so the search tries
    /// the region of the previous hit first.
    #[inline]
    fn locate(&self, addr: u64) -> Option<(usize, usize)> {
        let last = self.last_hit.load(Ordering::Relaxed);
        if let Some(r) = self.regions.get(last) {
            if r.start <= addr && addr < r.end {
                return Some((last, ((addr - r.start) / MEM_PAGE) as usize));
            }
        }
        let i = self.regions.partition_point(|r| r.end <= addr);
        let r = self.regions.get(i)?;
        if r.start <= addr {
            self.last_hit.store(i, Ordering::Relaxed);
            return Some((i, ((addr - r.start) / MEM_PAGE) as usize));
        }
        None
    }

    /// The page holding `[addr, addr+N)` when the access stays inside one page (the common
    /// case, and the only one for aligned words): the fast path of the fixed-size accessors.
    #[inline(always)]
    fn page_of<const N: usize>(&self, addr: u64) -> Option<(Option<&Page>, usize)> {
        let off = (addr % MEM_PAGE) as usize;
        if off + N > MEM_PAGE as usize {
            return None;
        }
        let (ri, pi) = self.locate(addr)?;
        Some((self.regions[ri].pages[pi].as_ref(), off))
    }

    #[inline(always)]
    fn page_of_mut<const N: usize>(&mut self, addr: u64) -> Option<(&mut Page, usize)> {
        let off = (addr % MEM_PAGE) as usize;
        if off + N > MEM_PAGE as usize {
            return None;
        }
        let (ri, pi) = self.locate(addr)?;
        let page =
            self.regions[ri].pages[pi].get_or_insert_with(|| Box::new([0; MEM_PAGE as usize]));
        Some((page, off))
    }

    #[inline(always)]
    fn read_n<const N: usize>(&self, addr: u64) -> Result<[u8; N], Fault> {
        let mut b = [0u8; N];
        match self.page_of::<N>(addr) {
            Some((Some(p), off)) => b.copy_from_slice(&p[off..off + N]),
            Some((None, _)) => {}
            None => self.read_bytes(addr, &mut b)?,
        }
        Ok(b)
    }

    #[inline(always)]
    fn write_n<const N: usize>(&mut self, addr: u64, b: [u8; N]) -> Result<(), Fault> {
        match self.page_of_mut::<N>(addr) {
            Some((p, off)) => {
                p[off..off + N].copy_from_slice(&b);
                Ok(())
            }
            None => self.write_bytes(addr, &b),
        }
    }

    /// Splits `[addr, addr+len)` into per-page pieces `(address, offset in page, length,
    /// bytes before this piece)`.
    fn pieces(addr: u64, len: usize) -> impl Iterator<Item = (u64, usize, usize, usize)> {
        let mut done = 0usize;
        std::iter::from_fn(move || {
            if done >= len {
                return None;
            }
            let a = addr.wrapping_add(done as u64);
            let off = (a % MEM_PAGE) as usize;
            let n = (MEM_PAGE as usize - off).min(len - done);
            let piece = (a, off, n, done);
            done += n;
            Some(piece)
        })
    }

    /// Reads `buf.len()` bytes at `addr`.
    pub fn read_bytes(&self, addr: u64, buf: &mut [u8]) -> Result<(), Fault> {
        for (a, off, n, done) in Self::pieces(addr, buf.len()) {
            let (ri, pi) = self.locate(a).ok_or(Fault {
                addr: a,
                write: false,
            })?;
            match &self.regions[ri].pages[pi] {
                Some(p) => buf[done..done + n].copy_from_slice(&p[off..off + n]),
                None => buf[done..done + n].fill(0),
            }
        }
        Ok(())
    }

    /// Writes `data` at `addr`.
    pub fn write_bytes(&mut self, addr: u64, data: &[u8]) -> Result<(), Fault> {
        for (a, off, n, done) in Self::pieces(addr, data.len()) {
            let (ri, pi) = self.locate(a).ok_or(Fault {
                addr: a,
                write: true,
            })?;
            let page =
                self.regions[ri].pages[pi].get_or_insert_with(|| Box::new([0; MEM_PAGE as usize]));
            page[off..off + n].copy_from_slice(&data[done..done + n]);
        }
        Ok(())
    }

    /// Sets `len` bytes at `addr` to zero (without materialising untouched pages).
    pub fn zero(&mut self, addr: u64, len: u64) -> Result<(), Fault> {
        for (a, off, n, _) in Self::pieces(addr, len as usize) {
            let (ri, pi) = self.locate(a).ok_or(Fault {
                addr: a,
                write: true,
            })?;
            if let Some(p) = &mut self.regions[ri].pages[pi] {
                p[off..off + n].fill(0);
            }
        }
        Ok(())
    }

    /// Reads one byte.
    pub fn read_u8(&self, addr: u64) -> Result<u8, Fault> {
        Ok(self.read_n::<1>(addr)?[0])
    }
    /// Reads a little-endian u16.
    pub fn read_u16(&self, addr: u64) -> Result<u16, Fault> {
        Ok(u16::from_le_bytes(self.read_n(addr)?))
    }
    /// Reads a little-endian u32.
    pub fn read_u32(&self, addr: u64) -> Result<u32, Fault> {
        Ok(u32::from_le_bytes(self.read_n(addr)?))
    }
    /// Reads a little-endian u64 (a pointer, an int, …).
    pub fn read_u64(&self, addr: u64) -> Result<u64, Fault> {
        Ok(u64::from_le_bytes(self.read_n(addr)?))
    }
    /// Writes one byte.
    pub fn write_u8(&mut self, addr: u64, v: u8) -> Result<(), Fault> {
        self.write_n(addr, [v])
    }
    /// Writes a little-endian u16.
    pub fn write_u16(&mut self, addr: u64, v: u16) -> Result<(), Fault> {
        self.write_n(addr, v.to_le_bytes())
    }
    /// Writes a little-endian u32.
    pub fn write_u32(&mut self, addr: u64, v: u32) -> Result<(), Fault> {
        self.write_n(addr, v.to_le_bytes())
    }
    /// Writes a little-endian u64.
    pub fn write_u64(&mut self, addr: u64, v: u64) -> Result<(), Fault> {
        self.write_n(addr, v.to_le_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cross_page_and_faults() {
        let mut m = Memory::new();
        m.map(0x10000, 2 * MEM_PAGE, "t");
        m.write_u64(0x10000 + MEM_PAGE - 3, 0x0102030405060708)
            .unwrap();
        assert_eq!(m.read_u64(0x10000 + MEM_PAGE - 3), Ok(0x0102030405060708));
        assert_eq!(m.touched_pages(), 2);
        assert_eq!(
            m.read_u8(0x10000 + 2 * MEM_PAGE),
            Err(Fault {
                addr: 0x10000 + 2 * MEM_PAGE,
                write: false
            })
        );
        assert!(m.write_u32(0x10000 + 2 * MEM_PAGE - 2, 1).is_err());
        m.map(0x10000 + 2 * MEM_PAGE, MEM_PAGE, "t");
        assert!(m.write_u32(0x10000 + 2 * MEM_PAGE - 2, 1).is_ok());
        m.discard(0x10000, MEM_PAGE);
        assert_eq!(m.read_u8(0x10000 + MEM_PAGE - 3), Ok(0));
        assert_eq!(m.read_u8(0x10000 + MEM_PAGE), Ok(0x05));
    }
}
