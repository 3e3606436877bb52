#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>

#include <optional>

namespace ordinal::net {

// A certificate and its private key, in PEM.
struct TlsIdentity
{
    QByteArray certificatePem;
    QByteArray privateKeyPem;
};

// A self-signed certificate for a server on this machine, made fresh for each run: an ECDSA
// P-256 key, valid for a year, that is its own CA (clients trust it through the kubeconfig's
// certificate-authority-data) and names localhost, the loopback addresses and the given
// address as subject alternative names, as Go's TLS verification requires.
//
// The Kubernetes API needs TLS even on loopback: kubectl and client-go send a bearer token only
// over https. Qt has no API to make certificates, so this uses OpenSSL (Qt's own TLS backend
// on Debian) directly. Returns nullopt and sets *error when OpenSSL fails.
std::optional<TlsIdentity> makeSelfSignedIdentity(const QHostAddress &address, QString *error);

// A client certificate (ECDSA P-256, extended key usage clientAuth, CN commonName, O
// organization) signed by issuer, the run's own CA above: what a kubeconfig's
// client-certificate-data and client-key-data carry for a cluster that authenticates clients by
// certificate. Returns nullopt and sets *error when OpenSSL fails.
std::optional<TlsIdentity> makeClientIdentity(const TlsIdentity &issuer, const QString &commonName,
                                              const QString &organization, QString *error);

} // namespace ordinal::net
