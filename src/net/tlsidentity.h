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

} // namespace ordinal::net
