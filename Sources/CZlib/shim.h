#ifndef MCRED_CZLIB_SHIM_H
#define MCRED_CZLIB_SHIM_H

// Only includes and static inline wrappers of macros; no logic lives in C.
#include <zlib.h>

// deflateInit2 and inflateInit2 are macros that pass ZLIB_VERSION and sizeof(z_stream).
static inline int mcred_deflateInit2(z_streamp stream, int level, int windowBits, int memLevel) {
    return deflateInit2(stream, level, Z_DEFLATED, windowBits, memLevel, Z_DEFAULT_STRATEGY);
}
static inline int mcred_inflateInit2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}

#endif
