#include "tlsidentity.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>

#include <memory>

namespace ordinal::net {

namespace {

template<typename T, void (*Free)(T *)> struct Deleter
{
    void operator()(T *p) const { Free(p); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using CertPtr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;

QString openSslError(const char *step)
{
    char text[256] = {};
    ERR_error_string_n(ERR_get_error(), text, sizeof text);
    return QStringLiteral("%1: %2").arg(QLatin1String(step), QString::fromLatin1(text));
}

bool addExtension(X509 *cert, int nid, const QByteArray &value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, cert, cert, nullptr, nullptr, 0);
    X509_EXTENSION *extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value.constData());
    if (!extension)
        return false;
    const bool ok = X509_add_ext(cert, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    return ok;
}

QByteArray pem(const std::function<int(BIO *)> &write)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || write(bio.get()) != 1)
        return {};
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, int(size));
}

// A new X.509 v3 certificate for key: a random positive serial number, valid from an hour ago
// for a year. Null when OpenSSL fails.
CertPtr newCertificate(EVP_PKEY *key)
{
    CertPtr cert(X509_new());
    unsigned char serial[16];
    if (!cert || RAND_bytes(serial, sizeof serial) != 1)
        return nullptr;
    serial[0] &= 0x7f; // a positive serial number
    BIGNUM *number = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(number, X509_get_serialNumber(cert.get()));
    BN_free(number);
    X509_set_version(cert.get(), 2);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 365L * 24 * 3600);
    X509_set_pubkey(cert.get(), key);
    return cert;
}

// The certificate and key in PEM.
std::optional<TlsIdentity> identityOf(X509 *cert, EVP_PKEY *key, QString *error)
{
    TlsIdentity identity;
    identity.certificatePem = pem([&](BIO *bio) { return PEM_write_bio_X509(bio, cert); });
    identity.privateKeyPem = pem([&](BIO *bio) {
        return PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
    });
    if (identity.certificatePem.isEmpty() || identity.privateKeyPem.isEmpty()) {
        *error = openSslError("PEM_write_bio");
        return std::nullopt;
    }
    return identity;
}

} // namespace

std::optional<TlsIdentity> makeSelfSignedIdentity(const QHostAddress &address, QString *error)
{
    KeyPtr key(EVP_EC_gen("P-256"));
    if (!key) {
        *error = openSslError("EVP_EC_gen");
        return std::nullopt;
    }
    CertPtr cert = newCertificate(key.get());
    if (!cert) {
        *error = openSslError("X509_new");
        return std::nullopt;
    }
    X509_NAME *name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>("Ordinal"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>("ordinal-apiserver"), -1, -1,
                               0);
    X509_set_issuer_name(cert.get(), name);

    QByteArray names = "DNS:localhost,IP:127.0.0.1,IP:::1";
    if (!address.isNull() && !address.isLoopback() && address != QHostAddress::Any
        && address != QHostAddress::AnyIPv6)
        names += ",IP:" + address.toString().toLatin1();
    if (!addExtension(cert.get(), NID_basic_constraints, "critical,CA:TRUE")
        || !addExtension(cert.get(), NID_key_usage,
                         "critical,digitalSignature,keyEncipherment,keyCertSign")
        || !addExtension(cert.get(), NID_ext_key_usage, "serverAuth")
        || !addExtension(cert.get(), NID_subject_alt_name, names)
        || !addExtension(cert.get(), NID_subject_key_identifier, "hash")) {
        *error = openSslError("X509 extensions");
        return std::nullopt;
    }
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0) {
        *error = openSslError("X509_sign");
        return std::nullopt;
    }
    return identityOf(cert.get(), key.get(), error);
}

std::optional<TlsIdentity> makeClientIdentity(const TlsIdentity &issuer, const QString &commonName,
                                              const QString &organization, QString *error)
{
    BioPtr caBio(
        BIO_new_mem_buf(issuer.certificatePem.constData(), int(issuer.certificatePem.size())));
    CertPtr ca(PEM_read_bio_X509(caBio.get(), nullptr, nullptr, nullptr));
    BioPtr keyBio(
        BIO_new_mem_buf(issuer.privateKeyPem.constData(), int(issuer.privateKeyPem.size())));
    KeyPtr caKey(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr));
    KeyPtr key(EVP_EC_gen("P-256"));
    CertPtr cert = key ? newCertificate(key.get()) : nullptr;
    if (!ca || !caKey || !key || !cert) {
        *error = openSslError("client certificate");
        return std::nullopt;
    }
    X509_NAME *name = X509_get_subject_name(cert.get());
    // As kube-apiserver reads a client certificate: O is the group, CN the user.
    const QByteArray org = organization.toUtf8();
    const QByteArray cn = commonName.toUtf8();
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>(org.constData()), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>(cn.constData()), -1, -1, 0);
    X509_set_issuer_name(cert.get(), X509_get_subject_name(ca.get()));
    if (!addExtension(cert.get(), NID_basic_constraints, "critical,CA:FALSE")
        || !addExtension(cert.get(), NID_key_usage, "critical,digitalSignature")
        || !addExtension(cert.get(), NID_ext_key_usage, "clientAuth")) {
        *error = openSslError("X509 extensions");
        return std::nullopt;
    }
    if (X509_sign(cert.get(), caKey.get(), EVP_sha256()) == 0) {
        *error = openSslError("X509_sign");
        return std::nullopt;
    }
    return identityOf(cert.get(), key.get(), error);
}

} // namespace ordinal::net
