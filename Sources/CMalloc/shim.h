#ifndef MCRED_CMALLOC_SHIM_H
#define MCRED_CMALLOC_SHIM_H

// Only an include; no logic lives in C. glibc's allocator settings (mallopt); other C libraries
// have no <malloc.h> and need none.
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif

#endif
