#pragma once

// A Kubernetes API client for the window tests: one request to the window's ApiServer over
// TLS with its token, as kubectl would send it.

#include "apiserver.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTest>

#include <memory>

namespace ordinal::gui::test {

// The HTTP status of the answer (0 when none came).
inline int apiRequest(net::ApiServer *server, const QByteArray &verb, const QString &path,
                      const QByteArray &body = {},
                      const QByteArray &contentType = "application/merge-patch+json")
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromData(server->certificatePem(), QSsl::Pem));
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(server->url() + path));
    request.setSslConfiguration(tls);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("Authorization", "Bearer " + server->token());
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    std::unique_ptr<QNetworkReply> reply(nam.sendCustomRequest(request, verb, body));
    if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 20000))
        return 0;
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

} // namespace ordinal::gui::test
