//! The simulated allocator against real Go 1.27.3 (goldens in `tests/alloc/golden`, made by
//! `scripts/golden-alloc.sh`), plus unit tests of its pieces.

use std::collections::HashMap;
use std::path::Path;

use gomem::runtime::sizeclass::{objects_per_span, size_to_class, NUM_SIZE_CLASSES};
use gomem::runtime::{Heap, HeapConfig, TypeInfo, TypeLayout, ZEROBASE};

fn heap() -> Heap {
    Heap::new(HeapConfig::default())
}

fn ptr_type(h: &mut Heap) -> TypeInfo {
    h.register_type(TypeLayout::new("*int", 8, &[0]))
}

fn golden(name: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/alloc/golden")
        .join(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// (total_alloc, mallocs, frees) deltas around `f`, with ReadMemStats on both sides as the
/// Go programs do.
fn deltas(h: &mut Heap, f: impl FnOnce(&mut Heap)) -> (u64, u64, u64) {
    let a = h.read_mem_stats();
    f(h);
    let b = h.read_mem_stats();
    (
        b.total_alloc - a.total_alloc,
        b.mallocs - a.mallocs,
        b.frees - a.frees,
    )
}

// ---- simulations of the Go programs in tests/alloc/go/*/main.go, printing the same lines ----

fn sim_sizes() -> String {
    let mut h = heap();
    let pt = ptr_type(&mut h);
    let mut ns: Vec<u64> = (1..=40).collect();
    ns.extend([
        48,
        64,
        80,
        81,
        100,
        128,
        500,
        512,
        513,
        520,
        1024,
        1025,
        4096,
        32752,
        32760,
        32761,
        32768,
        40000,
        1 << 20,
    ]);
    let mut out =
        String::from("# kind size total_alloc mallocs frees (deltas of one allocation)\n");
    for &n in &ns {
        let (t, m, f) = deltas(&mut h, |h| {
            h.malloc(0, n, TypeInfo::noscan());
        });
        out += &format!("noscan {n} {t} {m} {f}\n");
    }
    let mut last = 0;
    for &n in &ns {
        let k = n.div_ceil(8);
        if k == last {
            continue;
        }
        last = k;
        let (t, m, f) = deltas(&mut h, |h| {
            h.malloc(0, k * 8, pt);
        });
        out += &format!("scan {} {t} {m} {f}\n", k * 8);
    }
    out
}

fn sim_tiny() -> String {
    let mut h = heap();
    let mut out = String::from("# sequence total_alloc mallocs frees (deltas)\n");
    let mut run = |name: String, seq: &[u64]| {
        let (t, m, f) = deltas(&mut h, |h| {
            for &n in seq {
                h.malloc(0, n, TypeInfo::noscan());
            }
        });
        out += &format!("{name} {t} {m} {f}\n");
    };
    for n in 1..=16u64 {
        run(format!("size={n} count=16"), &[n; 16]);
    }
    let mixes: [&[u64]; 6] = [
        &[1, 8, 1, 8],
        &[3, 4, 2, 8, 1],
        &[12, 12, 12],
        &[8, 8, 8, 8, 8],
        &[15, 1, 15, 1],
        &[7, 9, 4, 4, 2, 2, 1],
    ];
    for m in mixes {
        let names: Vec<String> = m.iter().map(|x| x.to_string()).collect();
        run(format!("mix=[{}]", names.join(" ")), m);
    }
    out
}

fn max_per_page(addrs: &[u64]) -> usize {
    let mut counts: HashMap<u64, usize> = HashMap::new();
    addrs
        .iter()
        .map(|a| {
            let c = counts.entry(a >> 13).or_default();
            *c += 1;
            *c
        })
        .max()
        .unwrap_or(0)
}

fn sim_spans() -> String {
    let classes = [
        8u64, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288,
        320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1536, 2048,
        2688, 4096, 8192,
    ];
    let mut h = heap();
    let pt = ptr_type(&mut h);
    let mut out =
        String::from("# elemsize max_objects_per_page_noscan max_objects_per_page_scan\n");
    for size in classes {
        let a: Vec<u64> = (0..3000)
            .map(|_| h.malloc(0, size, TypeInfo::noscan()))
            .collect();
        let s: Vec<u64> = (0..3000).map(|_| h.malloc(0, size, pt)).collect();
        out += &format!("{size} {} {}\n", max_per_page(&a), max_per_page(&s));
    }
    out
}

fn sim_growth() -> String {
    let mut h = heap();
    let pt = h.register_type(TypeLayout::new("[]byte", 24, &[0]));
    let mut lines = vec![];
    let mut run = |h: &mut Heap, name: &str, n: u64, size: u64| {
        let a = h.read_mem_stats();
        let mut prev = a.heap_sys;
        let mut steps = vec![];
        for i in 0..n {
            h.malloc(0, size, TypeInfo::noscan());
            if size >= 1 << 20 || i % 128 == 127 {
                let b = h.read_mem_stats();
                if b.heap_sys != prev {
                    steps.push(b.heap_sys - prev);
                }
                prev = b.heap_sys;
            }
        }
        let b = h.read_mem_stats();
        if b.heap_sys != prev {
            steps.push(b.heap_sys - prev);
        }
        lines.push(format!(
            "{name} total_alloc={} mallocs={}",
            b.total_alloc - a.total_alloc,
            b.mallocs - a.mallocs
        ));
        let all4 = steps.iter().all(|s| s % (4 << 20) == 0);
        lines.push(format!("{name} heapsys_steps_multiple_of_4MiB={all4}"));
        let mut distinct: Vec<u64> = vec![];
        for s in &steps {
            if !distinct.contains(&(s >> 20)) {
                distinct.push(s >> 20);
            }
        }
        let d: Vec<String> = distinct.iter().map(|x| x.to_string()).collect();
        lines.push(format!(
            "{name} heapsys_distinct_steps_MiB=[{}]",
            d.join(" ")
        ));
        let total: u64 = steps.iter().sum();
        lines.push(format!(
            "{name} heapsys_growth_within_4MiB_of_100MiB={}",
            (96 << 20..=100 << 20).contains(&total)
        ));
    };
    // keep = make([][]byte, 102400) before each run
    h.malloc(0, 102400 * 24, pt);
    run(&mut h, "1MiBx100", 100, 1 << 20);
    h.malloc(0, 102400 * 24, pt);
    run(&mut h, "100MiBx1", 1, 100 << 20);
    h.malloc(0, 102400 * 24, pt);
    run(&mut h, "1KiBx102400", 102400, 1024);
    lines.join("\n") + "\n"
}

/// Differences listed in DIFFERENCES.md: lines of the form "- `FILE`: `GOLDEN LINE` — reason".
fn listed_differences() -> Vec<(String, String)> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/alloc/DIFFERENCES.md");
    let text = std::fs::read_to_string(p).expect("DIFFERENCES.md");
    text.lines()
        .filter_map(|l| {
            let rest = l.strip_prefix("- `")?;
            let (file, rest) = rest.split_once("`: `")?;
            let (line, _) = rest.split_once('`')?;
            Some((file.to_string(), line.to_string()))
        })
        .collect()
}

#[test]
fn goldens_match_real_go() {
    let sims: [(&str, String); 4] = [
        ("sizes.txt", sim_sizes()),
        ("tiny.txt", sim_tiny()),
        ("spans.txt", sim_spans()),
        ("growth.txt", sim_growth()),
    ];
    let mut diffs = vec![];
    let mut total = 0;
    for (file, sim) in &sims {
        let gold = golden(file);
        let g: Vec<&str> = gold.lines().collect();
        let s: Vec<&str> = sim.lines().collect();
        assert_eq!(g.len(), s.len(), "{file}: line count (sim output:\n{sim})");
        for (gl, sl) in g.iter().zip(&s) {
            total += 1;
            if gl != sl {
                diffs.push((file.to_string(), gl.to_string(), sl.to_string()));
            }
        }
    }
    let listed = listed_differences();
    let unlisted: Vec<_> = diffs
        .iter()
        .filter(|(f, g, _)| !listed.iter().any(|(lf, lg)| lf == f && lg == g))
        .collect();
    assert!(
        unlisted.is_empty(),
        "differences not in DIFFERENCES.md (file, go, sim): {unlisted:#?}"
    );
    // Ratchet: a listed difference that has been fixed must be removed from the list.
    assert_eq!(
        listed.len(),
        diffs.len(),
        "DIFFERENCES.md lists {} but {} remain: {diffs:#?}",
        listed.len(),
        diffs.len()
    );
    eprintln!(
        "alloc goldens: {}/{} lines agree",
        total - diffs.len(),
        total
    );
}

// ---- unit tests ----

#[test]
fn class_lookup_every_size() {
    let h = heap();
    assert_eq!(NUM_SIZE_CLASSES, 68);
    let mut prev = 0;
    for size in 1..=32768u64 {
        let c = h.size_class_of(size);
        if size <= 32760 {
            assert!(c.class >= 1 && c.size >= size, "{size}");
            assert!(c.class >= prev, "monotone at {size}");
            assert_eq!(c.class, size_to_class(size));
            prev = c.class;
        } else {
            assert_eq!((c.class, c.size, c.npages), (0, 32768, 4), "{size}");
        }
    }
    assert_eq!(h.size_class_of(0).class, 1);
    for (req, slot) in [
        (1, 8),
        (9, 16),
        (17, 24),
        (33, 48),
        (100, 112),
        (1025, 1152),
        (32760, 32768),
        (40000, 40960),
    ] {
        assert_eq!(h.size_class_of(req).size, slot, "{req}");
    }
}

/// The "objs/span GreenTea" columns of go-memory-facts.md §2.2 (noscan, scan) for classes 1..=26.
const GREEN_TEA: [(u64, u64); 26] = [
    (1024, 1008),
    (504, 496),
    (336, 330),
    (252, 248),
    (168, 165),
    (126, 124),
    (100, 99),
    (84, 82),
    (72, 70),
    (63, 62),
    (56, 55),
    (50, 49),
    (45, 45),
    (42, 41),
    (38, 38),
    (36, 35),
    (33, 33),
    (31, 31),
    (28, 27),
    (25, 24),
    (22, 22),
    (21, 20),
    (19, 19),
    (18, 17),
    (16, 16),
    (15, 15),
];

#[test]
fn span_capacity_per_class() {
    for c in 1..NUM_SIZE_CLASSES as u8 {
        let (ns, sc) = (
            objects_per_span(c, true, true),
            objects_per_span(c, false, true),
        );
        if (c as usize) <= GREEN_TEA.len() {
            assert_eq!((ns, sc), GREEN_TEA[c as usize - 1], "class {c}");
        } else {
            let i = gomem::runtime::sizeclass::class_info(c);
            assert_eq!((ns, sc), (i.table_objects, i.table_objects), "class {c}");
        }
        // without Green Tea, noscan spans use the table value
        let i = gomem::runtime::sizeclass::class_info(c);
        assert_eq!(objects_per_span(c, true, false), i.table_objects);
    }
    // and the simulated spans really hold that many
    let mut h = heap();
    let first = h.malloc(0, 48, TypeInfo::noscan());
    for _ in 1..168 {
        assert_eq!(h.malloc(0, 48, TypeInfo::noscan()) >> 13, first >> 13);
    }
    assert_ne!(h.malloc(0, 48, TypeInfo::noscan()) >> 13, first >> 13);
}

#[test]
fn tiny_combining() {
    let mut h = heap();
    let a = h.malloc(0, 1, TypeInfo::noscan());
    let b = h.malloc(0, 8, TypeInfo::noscan()); // aligned to 8
    let c = h.malloc(0, 2, TypeInfo::noscan()); // offset 16 > block: new block
    assert_eq!(b, a + 8);
    assert_eq!(c, a + 16);
    let d = h.malloc(0, 4, TypeInfo::noscan()); // new block has more room: 2 used → aligned to 4
    assert_eq!(d, c + 4);
    let s = h.read_mem_stats();
    assert_eq!(
        (s.mallocs, s.frees, s.total_alloc, s.heap_objects),
        (4, 2, 32, 2)
    );
    // ReadMemStats dropped the tiny block: the next tiny object starts a new one
    let e = h.malloc(0, 1, TypeInfo::noscan());
    assert_eq!(e, c + 16);
    // 16-byte and pointerful objects are never tiny
    let mut h = heap();
    let t = ptr_type(&mut h);
    let x = h.malloc(0, 8, t);
    let y = h.malloc(0, 8, TypeInfo::noscan());
    assert_ne!(x >> 13, y >> 13, "scan and noscan spans differ");
}

#[test]
fn malloc_header_rounding() {
    let mut h = heap();
    let t = ptr_type(&mut h);
    // make([]*int, 64): 512 B, no header
    let a = h.malloc(0, 512, t);
    let (base, size, _) = h.find_object(a).unwrap();
    assert_eq!((base, size), (a, 512));
    // make([]*int, 65): 520 + 8 → 576-byte class, pointer returned past the header
    let b = h.malloc(0, 520, t);
    let (base, size, _) = h.find_object(b).unwrap();
    assert_eq!((b - base, size), (8, 576));
    assert_eq!(
        h.mem.read_u64(base),
        Ok(t.id() as u64),
        "header holds the type"
    );
    let mut words = vec![];
    h.for_each_pointer_word(base, |w| words.push(w));
    assert_eq!(words.len(), 65);
    assert_eq!((words[0], words[64]), (b, b + 64 * 8));
    // 32760 pointerful + header = 32768: still small; 32761 is large
    let c = h.malloc(0, 32760, t);
    assert_eq!(h.find_object(c).unwrap().1, 32768);
    assert_eq!(
        h.span(h.find_object(c).unwrap().2).spanclass.sizeclass(),
        67
    );
    let d = h.malloc(0, 32768, t);
    let (base, size, sp) = h.find_object(d).unwrap();
    assert_eq!(
        (base, size, h.span(sp).spanclass.sizeclass()),
        (d, 32768, 0)
    );
}

#[test]
fn large_objects_and_zero_size() {
    let mut h = heap();
    assert_eq!(h.malloc(0, 0, TypeInfo::noscan()), ZEROBASE);
    assert_eq!(h.mem.read_u8(ZEROBASE), Ok(0));
    let a = h.malloc(0, 40000, TypeInfo::noscan());
    let (base, size, sp) = h.find_object(a + 39999).unwrap();
    assert_eq!((base, size, h.span(sp).npages), (a, 40960, 5));
    let s = h.read_mem_stats();
    assert_eq!(
        (s.total_alloc, s.mallocs, s.heap_inuse, s.heap_sys),
        (40960, 1, 40960, 4 << 20)
    );
    assert_eq!(
        s.heap_idle, s.heap_released,
        "fresh memory counts as released"
    );
    let b = h.malloc(0, 100 << 20, TypeInfo::noscan());
    assert_eq!(b, a + 40960);
    assert_eq!(h.read_mem_stats().heap_sys, (4 << 20) + (100 << 20));
}

#[test]
fn sweep_frees_and_pages_are_reused() {
    let mut h = heap();
    let t = ptr_type(&mut h);
    let objs: Vec<u64> = (0..100).map(|_| h.malloc(0, 64, t)).collect();
    let big = h.malloc(0, 1 << 20, TypeInfo::noscan());
    h.mem.write_u64(objs[1], 0xdead).unwrap();
    // keep objs[0] only
    assert_eq!(h.mark_object(objs[0] + 3), Some(true));
    assert_eq!(h.mark_object(objs[0]), Some(false));
    h.begin_sweep();
    let before = h.read_mem_stats();
    let r = h.finish_sweep();
    assert_eq!(r.freed_objects, 100);
    let s = h.read_mem_stats();
    assert_eq!(s.frees - before.frees, 100);
    assert_eq!(s.heap_alloc, 64);
    assert_eq!(s.heap_objects, 1);
    assert_eq!(s.heap_inuse, 8192, "only the span of objs[0] is in use");
    assert!(h.find_object(big).is_none());
    // freed slots are reused (and read as zero); freed pages too
    let again = h.malloc(0, 64, t);
    assert_eq!(again, objs[1]);
    assert_eq!(h.mem.read_u64(again), Ok(0));
    let big2 = h.malloc(0, 1 << 20, TypeInfo::noscan());
    assert_eq!(big2, big);
    // everything dead: the span goes back, HeapIdle grows, scavenging releases it
    h.begin_sweep();
    h.finish_sweep();
    let s = h.read_mem_stats();
    assert_eq!(s.heap_inuse, 0);
    assert_eq!(s.heap_alloc, 0);
    assert_eq!(s.heap_idle, s.heap_sys);
    let released = h.scavenge(u64::MAX / 2);
    assert_eq!(h.read_mem_stats().heap_released, s.heap_released + released);
    assert_eq!(h.read_mem_stats().heap_released, s.heap_sys);
}

#[test]
fn sweep_span_with_closure_and_lazy_sweep() {
    let mut h = heap();
    let objs: Vec<u64> = (0..10)
        .map(|_| h.malloc(0, 32, TypeInfo::noscan()))
        .collect();
    let sp = h.find_object(objs[0]).unwrap().2;
    assert!(
        h.sweep_span(sp, |_| true).is_none(),
        "not sweepable before begin_sweep"
    );
    h.begin_sweep();
    let r = h.sweep_span(sp, |i| i % 2 == 0).unwrap();
    assert_eq!(
        (r.freed_objects, r.live_objects, r.freed_bytes),
        (5, 5, 160)
    );
    assert!(h.sweep_span(sp, |_| false).is_none(), "already swept");
    assert_eq!(h.malloc(0, 32, TypeInfo::noscan()), objs[1]);
    // lazy: a span left unswept is swept when an mcache needs a span of its class
    h.begin_sweep(); // nothing marked: all 6 objects die, but nobody sweeps yet
    assert_eq!(h.read_mem_stats().heap_objects, 6);
    assert_eq!(h.malloc(0, 32, TypeInfo::noscan()), objs[0]);
    assert_eq!(h.read_mem_stats().heap_objects, 1);
}

#[test]
fn per_p_caches_are_separate() {
    let mut h = Heap::new(HeapConfig {
        gomaxprocs: 4,
        ..HeapConfig::default()
    });
    let a: Vec<u64> = (0..4)
        .map(|p| h.malloc(p, 24, TypeInfo::noscan()))
        .collect();
    for p in 1..4 {
        assert_ne!(a[p] >> 13, a[0] >> 13, "each P caches its own span");
    }
    assert_eq!(h.malloc(2, 24, TypeInfo::noscan()), a[2] + 24);
    let s = h.read_mem_stats();
    assert_eq!((s.mallocs, s.heap_inuse), (5, 4 * 8192));
}

#[test]
fn deterministic() {
    let run = || {
        let mut h = Heap::new(HeapConfig {
            gomaxprocs: 2,
            ..HeapConfig::default()
        });
        let t = ptr_type(&mut h);
        let mut addrs = vec![];
        for i in 0..20000u64 {
            let size = (i * 7919) % 3000;
            let ty = if i % 3 == 0 { t } else { TypeInfo::noscan() };
            addrs.push(h.malloc((i % 2) as usize, size.next_multiple_of(8), ty));
            if i % 5000 == 4999 {
                for &a in addrs.iter().step_by(3) {
                    h.mark_object(a);
                }
                h.begin_sweep();
            }
        }
        (addrs, serde_json::to_string(&h.read_mem_stats()).unwrap())
    };
    assert_eq!(run(), run());
}

/// Speed check (run with `cargo test --release -p gomem --test runtime_alloc -- --ignored`):
/// 5 million small allocations, as the VM benchmark does.
#[test]
#[ignore]
fn malloc_speed() {
    let mut h = heap();
    let t = ptr_type(&mut h);
    let start = std::time::Instant::now();
    let mut x = 0u64;
    for i in 0..5_000_000u64 {
        x ^= h.malloc(
            0,
            8 + (i % 8) * 8,
            if i % 2 == 0 { t } else { TypeInfo::noscan() },
        );
    }
    let ns = start.elapsed().as_nanos() as f64 / 5e6;
    eprintln!("malloc: {ns:.1} ns per small allocation ({x:#x})");
    assert_eq!(h.read_mem_stats().mallocs, 5_000_000);
}
