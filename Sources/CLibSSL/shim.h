#ifndef CLIBSSL_SHIM_H
#define CLIBSSL_SHIM_H

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

// SSL_set_tlsext_host_name and SSL_CTX_set_min_proto_version are macros over SSL_ctrl and
// SSL_CTX_ctrl; Swift cannot import them.
static inline long shim_SSL_set_tlsext_host_name(SSL *ssl, const char *name) {
    return SSL_set_tlsext_host_name(ssl, name);
}

static inline long shim_SSL_CTX_set_min_proto_version(SSL_CTX *ctx, int version) {
    return SSL_CTX_set_min_proto_version(ctx, version);
}

#endif
