//! Parallel marking benchmark: a complete binary tree of `GC_BENCH_NODES` (default 4 Mi)
//! 16-byte nodes, marked from its root with 1 and 2 rayon threads.
//! `scripts/bench-gc.sh` runs it beside real Go's `runtime.GC()` on the same tree.

use std::time::{Duration, Instant};

use criterion::{criterion_group, Criterion};
use gomem::runtime::gc::{GreenTea, Marker};
use gomem::runtime::{Heap, HeapConfig, TypeLayout};

fn nodes() -> u64 {
    std::env::var("GC_BENCH_NODES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1 << 22)
}

/// Builds the tree; node i has children 2i+1 and 2i+2. Returns the heap and the root.
fn build(n: u64) -> (Heap, u64) {
    let mut heap = Heap::new(HeapConfig::default());
    let t = heap.register_type(TypeLayout::new("node", 16, &[0, 1]));
    let addrs: Vec<u64> = (0..n).map(|_| heap.malloc(0, 16, t)).collect();
    for i in 0..n {
        for (k, c) in [2 * i + 1, 2 * i + 2].into_iter().enumerate() {
            if c < n {
                heap.mem
                    .write_u64(addrs[i as usize] + 8 * k as u64, addrs[c as usize])
                    .unwrap();
            }
        }
    }
    (heap, addrs[0])
}

/// Clears every mark bit (not timed: Go clears them while sweeping).
fn clear(heap: &Heap) {
    for (_, s) in heap.mheap().spans() {
        if s.nelems > 0 {
            s.clear_marks();
        }
    }
}

fn mark(heap: &Heap, root: u64, gt: GreenTea) -> u64 {
    let mut m = Marker::new(gt);
    m.shade(heap, root);
    m.drain_all(heap);
    m.stats.objects_marked
}

fn time_mark(heap: &Heap, root: u64, threads: usize, gt: GreenTea, reps: u32) -> Duration {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap();
    let mut best = Duration::MAX;
    for _ in 0..reps {
        clear(heap);
        let t = Instant::now();
        let marked = pool.install(|| mark(heap, root, gt));
        best = best.min(t.elapsed());
        assert_eq!(marked, nodes());
    }
    best
}

fn bench(c: &mut Criterion) {
    let n = nodes();
    let t0 = Instant::now();
    let (heap, root) = build(n);
    eprintln!("built {n} nodes in {:.2?}", t0.elapsed());
    let mut g = c.benchmark_group("gc_mark");
    g.sample_size(10);
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        g.bench_function(format!("tree{n}/threads{threads}"), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    clear(&heap);
                    let t = Instant::now();
                    pool.install(|| mark(&heap, root, GreenTea::On));
                    total += t.elapsed();
                }
                total
            })
        });
    }
    g.finish();
    for gt in [GreenTea::On, GreenTea::Off] {
        let t1 = time_mark(&heap, root, 1, gt, 3);
        let t2 = time_mark(&heap, root, 2, gt, 3);
        println!(
            "gomem mark {n} nodes ({gt:?}): 1 thread {:.1} ms, 2 threads {:.1} ms, speed-up {:.2}x",
            t1.as_secs_f64() * 1e3,
            t2.as_secs_f64() * 1e3,
            t1.as_secs_f64() / t2.as_secs_f64()
        );
    }
}

criterion_group!(benches, bench);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
