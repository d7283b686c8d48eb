// How jemalloc allocates for civic, read when the process starts (the
// MALLOC_CONF environment variable still overrides it).
//
// Bulk work (locating, campaigns) fills tens to hundreds of megabytes of
// fresh heap. Faulting it in 4 KB pages is costly, most of all under
// virtualisation: about 18 us a page on the 2-core benchmark machine, a
// quarter of a bulk locate's CPU time. So:
// - thp, metadata_thp: the heap asks for transparent huge pages;
// - dirty_decay_ms, muzzy_decay_ms: freed pages are kept for reuse, not
//   handed back to the kernel only to be faulted in again (a run is short,
//   and its memory goes when it ends);
// - narenas: one arena, so that threads reuse each other's pages instead
//   of faulting in an arena each; thread caches keep it uncontended.
extern "C" {
extern const char* malloc_conf;
const char* malloc_conf = "thp:always,metadata_thp:always,dirty_decay_ms:-1,muzzy_decay_ms:-1,narenas:1";
}
