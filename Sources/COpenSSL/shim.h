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
#include <openssl/core_names.h>
#include <openssl/params.h>

// Macros Swift cannot import, as functions. A string macro imports as a Swift String whose
// pointer lives only for one call; OSSL_PARAM keeps the pointer, so it needs the C literal itself.
static inline int mcred_EVP_PKEY_KEYPAIR(void) { return EVP_PKEY_KEYPAIR; }
static inline const char *mcred_OSSL_PKEY_PARAM_PRIV_KEY(void) { return OSSL_PKEY_PARAM_PRIV_KEY; }
static inline const char *mcred_OSSL_PKEY_PARAM_PUB_KEY(void) { return OSSL_PKEY_PARAM_PUB_KEY; }

#endif
