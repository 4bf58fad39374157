import CMalloc

/// How the C allocator treats large blocks, set once at start-up.
enum Allocator {
    /// Blocks of 1 MiB or more (read windows, large credentials) are mapped on their own and given
    /// back to the system when freed.
    ///
    /// glibc otherwise raises this threshold each time such a block is freed, after which large
    /// blocks come from each thread's heap and their memory is kept after use: a batch of
    /// multi-megabyte credentials grew about 20 MB larger than its working set that way. Setting
    /// the threshold turns that adjustment off. Other C libraries need nothing here.
    static func returnLargeBlocksToTheSystem() {
        #if canImport(Glibc)
        _ = mallopt(M_MMAP_THRESHOLD, 1 << 20)
        #endif
    }
}
