// restock builds and runs on Linux only (README, "The two commands"): it reads a file's
// modification time from `stat`'s `st_mtim`, gives memory back with glibc's `malloc_trim`,
// and reads /proc for `RESTOCK_TRACE`. On any other system, say so before those fail.
#if !os(Linux)
#error("restock builds on Linux only (glibc and /proc); see README, \"The two commands\"")
#endif
