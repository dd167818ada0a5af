//! Splitting a large, independent piece of work over the device's cores. Opening a decade of
//! entries is one AES-GCM open and one JSON decode per row; phones have four to eight cores, and
//! the patient is waiting for the first screen.

/// Below this many items a chunk is not worth a thread.
const MIN_PER_THREAD: usize = 2048;
/// More threads than this gain nothing for the sizes a diary reaches.
const MAX_THREADS: usize = 8;

/// Applies `f` to consecutive chunks of `items` on scoped threads (one chunk per core, at least
/// [`MIN_PER_THREAD`] items each) and concatenates the results in order. A panic in `f` is
/// re-raised on the calling thread, where the FFI guard catches it.
pub fn map_chunks<T: Sync, R: Send>(items: &[T], f: impl Fn(&[T]) -> Vec<R> + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(MAX_THREADS);
    let per = items.len().div_ceil(threads).max(MIN_PER_THREAD);
    if items.len() <= per {
        return f(items);
    }
    std::thread::scope(|scope| {
        let f = &f;
        let handles: Vec<_> = items.chunks(per).map(|chunk| scope.spawn(move || f(chunk))).collect();
        let mut out = Vec::with_capacity(items.len());
        for handle in handles {
            out.extend(handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_their_order_whatever_the_chunking() {
        for n in [0, 1, MIN_PER_THREAD, MIN_PER_THREAD + 1, 5 * MIN_PER_THREAD + 7] {
            let items: Vec<usize> = (0..n).collect();
            let doubled = map_chunks(&items, |c| c.iter().map(|x| x * 2).collect());
            assert_eq!(doubled, items.iter().map(|x| x * 2).collect::<Vec<_>>());
        }
    }

    #[test]
    fn a_panic_in_a_worker_reaches_the_caller() {
        let items: Vec<u32> = (0..10 * MIN_PER_THREAD as u32).collect();
        let caught = std::panic::catch_unwind(|| {
            map_chunks(&items, |c| {
                assert!(!c.contains(&(9 * MIN_PER_THREAD as u32)), "boom");
                c.to_vec()
            })
        });
        assert!(caught.is_err());
    }
}
