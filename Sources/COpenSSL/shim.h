#ifndef MCRED_COPENSSL_SHIM_H
#define MCRED_COPENSSL_SHIM_H

// Only includes and static inline wrappers of macros; no logic lives in C.
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/rand.h>
#include <openssl/crypto.h>
#include <openssl/opensslv.h>

#endif
