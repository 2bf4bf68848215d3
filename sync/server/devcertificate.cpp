#include "devcertificate.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace Toonbank::Sync::Server {

using Core::Error;

namespace {

struct KeyFree
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct CertFree
{
    void operator()(X509 *cert) const { X509_free(cert); }
};
struct BioFree
{
    void operator()(BIO *bio) const { BIO_free(bio); }
};
using Key = std::unique_ptr<EVP_PKEY, KeyFree>;
using Cert = std::unique_ptr<X509, CertFree>;

Error sslError(const QString &what)
{
    return Error::make(QStringLiteral("tls.create"),
        QStringLiteral("cannot create the certificate: %1").arg(what));
}

bool addExtension(X509 *cert, X509 *issuer, int nid, const QByteArray &value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION *extension = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.constData());
    if (!extension)
        return false;
    const bool added = X509_add_ext(cert, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    return added;
}

Cert makeCertificate(
    EVP_PKEY *key, const QByteArray &commonName, X509 *issuer, long serial, int validDays)
{
    Cert cert(X509_new());
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), serial);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), long(validDays) * 24 * 3600);
    X509_set_pubkey(cert.get(), key);
    X509_NAME *name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
        reinterpret_cast<const unsigned char *>("Toonbank development"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
        reinterpret_cast<const unsigned char *>(commonName.constData()), -1, -1, 0);
    X509_set_issuer_name(cert.get(), issuer ? X509_get_subject_name(issuer) : name);
    return cert;
}

Core::Status writeKey(const QString &path, EVP_PKEY *key)
{
    std::unique_ptr<BIO, BioFree> bio(BIO_new(BIO_s_mem()));
    if (PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return sslError(QStringLiteral("key PEM"));
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    QFile file(path);
    // The private key is readable by its owner only.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(data, size) != size)
        return sslError(path);
    return Core::success();
}

Core::Status writeCert(const QString &path, X509 *cert)
{
    std::unique_ptr<BIO, BioFree> bio(BIO_new(BIO_s_mem()));
    if (PEM_write_bio_X509(bio.get(), cert) != 1)
        return sslError(QStringLiteral("certificate PEM"));
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data, size) != size)
        return sslError(path);
    return Core::success();
}

} // namespace

Core::Status createDevCertificates(
    const QString &directory, const QStringList &hosts, int validDays)
{
    if (!QDir().mkpath(directory))
        return sslError(directory);
    Key caKey(EVP_EC_gen("P-256"));
    Key serverKey(EVP_EC_gen("P-256"));
    if (!caKey || !serverKey)
        return sslError(QStringLiteral("key generation"));

    const long serialBase = long(QDateTime::currentSecsSinceEpoch());
    Cert ca = makeCertificate(
        caKey.get(), "Toonbank development CA", nullptr, serialBase, validDays + 365);
    if (!addExtension(ca.get(), ca.get(), NID_basic_constraints, "critical,CA:TRUE,pathlen:0")
        || !addExtension(ca.get(), ca.get(), NID_key_usage, "critical,keyCertSign,cRLSign")
        || !addExtension(ca.get(), ca.get(), NID_subject_key_identifier, "hash")
        || X509_sign(ca.get(), caKey.get(), EVP_sha256()) <= 0)
        return sslError(QStringLiteral("CA"));

    QStringList altNames;
    for (const QString &host : hosts) {
        const bool isIp = !QHostAddress(host).isNull();
        altNames.append((isIp ? QStringLiteral("IP:") : QStringLiteral("DNS:")) + host);
    }
    const QByteArray commonName
        = hosts.isEmpty() ? QByteArray("localhost") : hosts.first().toUtf8();
    Cert server = makeCertificate(serverKey.get(), commonName, ca.get(), serialBase + 1, validDays);
    if (!addExtension(server.get(), ca.get(), NID_basic_constraints, "critical,CA:FALSE")
        || !addExtension(
            server.get(), ca.get(), NID_key_usage, "critical,digitalSignature,keyAgreement")
        || !addExtension(server.get(), ca.get(), NID_ext_key_usage, "serverAuth")
        || !addExtension(server.get(), ca.get(), NID_authority_key_identifier, "keyid:always")
        || (!altNames.isEmpty()
            && !addExtension(server.get(), ca.get(), NID_subject_alt_name,
                altNames.join(QLatin1Char(',')).toLatin1()))
        || X509_sign(server.get(), caKey.get(), EVP_sha256()) <= 0)
        return sslError(QStringLiteral("server certificate"));

    const QDir dir(directory);
    if (Core::Status s = writeKey(dir.filePath(QStringLiteral("ca.key")), caKey.get()); !s)
        return s;
    if (Core::Status s = writeCert(dir.filePath(QStringLiteral("ca.crt")), ca.get()); !s)
        return s;
    if (Core::Status s = writeKey(dir.filePath(QStringLiteral("server.key")), serverKey.get()); !s)
        return s;
    if (Core::Status s = writeCert(dir.filePath(QStringLiteral("server.crt")), server.get()); !s)
        return s;
    return Core::success();
}

} // namespace Toonbank::Sync::Server
