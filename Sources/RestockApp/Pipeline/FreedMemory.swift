#if canImport(Glibc)
/// glibc's `malloc_trim` (malloc.h is not in Swift's Glibc module, so it is declared here by
/// its C symbol name).
@_silgen_name("malloc_trim")
private func malloc_trim(_ pad: Int) -> Int32
#endif

/// Gives the heap's freed pages back to the system.
///
/// glibc keeps freed memory for reuse, so the resident memory a scheduler or `time` sees
/// would stay at its peak after a stage's data is gone. The run calls this where a large
/// structure was just freed (after the ingest, after the read), so that the next stage
/// starts from a lower resident size and the run's peak stays near the largest stage's.
enum FreedMemory {
    static func returnToSystem() {
        #if canImport(Glibc)
        _ = malloc_trim(0)
        #endif
    }
}
