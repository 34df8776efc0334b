#ifndef EVIDENCE_CPREFETCH_H
#define EVIDENCE_CPREFETCH_H

/// Asks the processor to start loading the cache line at `address` for reading, as Swift
/// has no prefetch of its own. A hint only: it never faults, whatever the address.
static inline void evidence_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
