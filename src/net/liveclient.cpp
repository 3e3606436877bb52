#include "liveclient.h"

#include "credentials.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSslKey>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

namespace ordinal::net {

using core::ObjectKind;
using nlohmann::json;

namespace {

// The kinds a live view watches, in the order they are listed (nodes before pods, so that the
// first picture has somewhere to put them).
struct Kind
{
    ObjectKind kind;
    bool slices; // discovery.k8s.io/v1 EndpointSlices, folded into Endpoints
    const char *group; // "" for core/v1
    const char *resource;
    bool namespaced;
};

constexpr Kind kKinds[] = {
    { ObjectKind::Namespace, false, "", "namespaces", false },
    { ObjectKind::Node, false, "", "nodes", false },
    { ObjectKind::Service, false, "", "services", true },
    { ObjectKind::Endpoints, true, "discovery.k8s.io/v1", "endpointslices", true },
    { ObjectKind::StatefulSet, false, "apps/v1", "statefulsets", true },
    { ObjectKind::ControllerRevision, false, "apps/v1", "controllerrevisions", true },
    { ObjectKind::PersistentVolumeClaim, false, "", "persistentvolumeclaims", true },
    { ObjectKind::Pod, false, "", "pods", true },
    { ObjectKind::Event, false, "", "events", true },
};

QSslKey readKey(const QByteArray &pem)
{
    for (const QSsl::KeyAlgorithm algorithm : { QSsl::Ec, QSsl::Rsa, QSsl::Dsa }) {
        const QSslKey key(pem, algorithm, QSsl::Pem);
        if (!key.isNull())
            return key;
    }
    return {};
}

QString keyOf(const json &object)
{
    const json meta = object.value("metadata", json::object());
    const std::string ns = meta.value("namespace", std::string());
    const std::string name = meta.value("name", std::string());
    return core::objectKey(QString::fromStdString(ns), QString::fromStdString(name));
}

} // namespace

struct LiveClient::Stream
{
    Kind kind;
    QString base; // "/api/v1/namespaces/default/pods"
    QString resourceVersion;
    QString continueToken;
    QList<core::ObservedChange> page; // what the list read so far
    QSet<QString> pageKeys;
    QSet<QString> known; // keys of objects seen and not removed
    QMap<QString, core::apijson::EndpointSlice> slices; // by slice key
    std::unique_ptr<QNetworkAccessManager> network; // its own: watches never end
    QPointer<QNetworkReply> reply;
    QByteArray buffer;
    QTimer retry;
    int backoffMs = 0;
    bool listed = false; // the first list is done (or failed)
    bool everListed = false; // a list succeeded once
    bool relist = true; // the next request is a list
    bool authRetried = false;
    Credentials used; // what the current request carries
    QString reported; // the trouble told last; empty when none

    QString name() const { return QString::fromLatin1(kind.resource); }
};

LiveClient::LiveClient(const ResolvedContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_credentials(std::make_unique<CredentialSource>(context))
{
    m_tls = QSslConfiguration::defaultConfiguration();
    if (!context.caPem.isEmpty())
        m_tls.setCaCertificates(QSslCertificate::fromData(context.caPem, QSsl::Pem));
    if (context.insecureSkipTlsVerify)
        m_tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    if (!context.clientCertificatePem.isEmpty()) {
        m_tls.setLocalCertificate(QSslCertificate(context.clientCertificatePem, QSsl::Pem));
        m_tls.setPrivateKey(readKey(context.clientKeyPem));
    }
    m_writes = new QNetworkAccessManager(this);
}

LiveClient::~LiveClient()
{
    stop();
}

void LiveClient::setBackoff(int initialMs, int maxMs)
{
    m_initialBackoffMs = std::max(initialMs, 1);
    m_maxBackoffMs = std::max(maxMs, m_initialBackoffMs);
}

QUrl LiveClient::url(const QString &pathAndQuery) const
{
    QString server = m_context.server;
    while (server.endsWith(QLatin1Char('/')))
        server.chop(1);
    return QUrl(server + pathAndQuery);
}

void LiveClient::start()
{
    stop();
    m_synced = false;
    m_problems.clear();
    for (const Kind &kind : kKinds) {
        auto stream = std::make_unique<Stream>();
        stream->kind = kind;
        const QString prefix = QString::fromLatin1(kind.group).isEmpty()
            ? QStringLiteral("/api/v1")
            : QStringLiteral("/apis/") + QString::fromLatin1(kind.group);
        stream->base = kind.namespaced && !m_namespace.isEmpty()
            ? QStringLiteral("%1/namespaces/%2/%3").arg(prefix, m_namespace, stream->name())
            : QStringLiteral("%1/%2").arg(prefix, stream->name());
        stream->network = std::make_unique<QNetworkAccessManager>();
        stream->retry.setSingleShot(true);
        Stream *raw = stream.get();
        connect(&stream->retry, &QTimer::timeout, this, [this, raw]() {
            if (raw->relist)
                startList(raw);
            else
                startWatch(raw);
        });
        m_streams.push_back(std::move(stream));
    }
    for (const std::unique_ptr<Stream> &stream : m_streams)
        startList(stream.get());
}

void LiveClient::stop()
{
    for (const std::unique_ptr<Stream> &stream : m_streams) {
        stream->retry.stop();
        if (stream->reply) {
            stream->reply->disconnect(this);
            stream->reply->abort();
            stream->reply->deleteLater();
        }
    }
    m_streams.clear();
}

int LiveClient::listedKinds() const
{
    return int(std::count_if(m_streams.cbegin(), m_streams.cend(),
                             [](const std::unique_ptr<Stream> &s) { return s->everListed; }));
}

QNetworkRequest LiveClient::request(const QUrl &target, const Credentials &credentials) const
{
    QNetworkRequest request(target);
    QSslConfiguration tls = m_tls;
    if (!credentials.clientCertificatePem.isEmpty()) {
        tls.setLocalCertificate(QSslCertificate(credentials.clientCertificatePem, QSsl::Pem));
        tls.setPrivateKey(readKey(credentials.clientKeyPem));
    }
    request.setSslConfiguration(tls);
    // HTTP/1.1 as kubectl's watches use it; each stream has its own connection.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "ordinal/" ORDINAL_VERSION " (live view)");
    if (!credentials.token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + credentials.token.toUtf8());
    return request;
}

void LiveClient::startList(Stream *stream)
{
    stream->relist = true;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("500"));
    if (!stream->continueToken.isEmpty())
        query.addQueryItem(QStringLiteral("continue"), stream->continueToken);
    if (stream->kind.kind == ObjectKind::Namespace && !m_namespace.isEmpty())
        query.addQueryItem(QStringLiteral("fieldSelector"),
                           QStringLiteral("metadata.name=") + m_namespace);
    QUrl target = url(stream->base);
    target.setQuery(query);
    send(stream, target, false);
}

void LiveClient::startWatch(Stream *stream)
{
    stream->relist = false;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("watch"), QStringLiteral("1"));
    query.addQueryItem(QStringLiteral("resourceVersion"), stream->resourceVersion);
    query.addQueryItem(QStringLiteral("allowWatchBookmarks"), QStringLiteral("true"));
    // As client-go's reflector: a server-side timeout between 5 and 10 minutes, so that the
    // watches of many clients do not all end at once.
    const int timeout = 300 + int(QRandomGenerator::global()->bounded(300));
    query.addQueryItem(QStringLiteral("timeoutSeconds"), QString::number(timeout));
    if (stream->kind.kind == ObjectKind::Namespace && !m_namespace.isEmpty())
        query.addQueryItem(QStringLiteral("fieldSelector"),
                           QStringLiteral("metadata.name=") + m_namespace);
    QUrl target = url(stream->base);
    target.setQuery(query);
    send(stream, target, true);
}

void LiveClient::send(Stream *stream, const QUrl &target, bool watch)
{
    m_credentials->get([this, stream, target, watch](const Credentials &credentials,
                                                     const QString &error) {
        // The stream may have been stopped while a credential plugin ran.
        if (std::none_of(m_streams.cbegin(), m_streams.cend(),
                         [stream](const std::unique_ptr<Stream> &s) { return s.get() == stream; }))
            return;
        if (!error.isEmpty()) {
            failed(stream, tr("No credentials for the cluster: %1").arg(error), stream->relist);
            return;
        }
        QNetworkRequest req = request(target, credentials);
        // A list must come back in time; a watch may stay silent until its timeoutSeconds
        // (bookmarks break the silence on servers that send them).
        req.setTransferTimeout(watch ? 660 * 1000 : m_requestTimeoutMs);
        QNetworkReply *reply = stream->network->get(req);
        stream->reply = reply;
        stream->used = credentials;
        stream->buffer.clear();
        connect(reply, &QNetworkReply::sslErrors, this, [reply](const QList<QSslError> &errors) {
            // Kept for the message; the handshake fails by itself (never ignored here).
            QStringList words;
            for (const QSslError &e : errors)
                words << e.errorString();
            reply->setProperty("ordinalSslErrors", words.join(QStringLiteral("; ")));
        });
        if (watch) {
            connect(reply, &QNetworkReply::metaDataChanged, this, [this, stream, reply]() {
                // The watch is back (after a drop or an error): the trouble cleared.
                if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200)
                    clearReport(stream);
            });
            connect(reply, &QNetworkReply::readyRead, this,
                    [this, stream, reply]() { watchData(stream, reply); });
            connect(reply, &QNetworkReply::finished, this,
                    [this, stream, reply]() { watchFinished(stream, reply); });
        } else {
            connect(reply, &QNetworkReply::finished, this,
                    [this, stream, reply]() { listFinished(stream, reply); });
        }
    });
}

QString LiveClient::statusMessage(const QByteArray &body) const
{
    const json status
        = json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    if (status.is_object() && status.value("message", json()).is_string())
        return QString::fromStdString(status["message"].get<std::string>());
    return {};
}

QString LiveClient::transportError(QNetworkReply *reply, Stream *stream) const
{
    const QString where = m_context.server;
    const QString what = stream ? stream->name() : QString();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 401)
        return tr("The cluster did not accept the credentials of user \"%1\" (401 "
                  "Unauthorized): the token or certificate may have expired or be wrong.")
            .arg(m_context.userName);
    if (status == 403) {
        const QString scope = !stream || !stream->kind.namespaced || m_namespace.isEmpty()
            ? tr("in the whole cluster")
            : tr("in namespace %1").arg(m_namespace);
        QString message = tr("Not allowed to watch %1 %2 (403 Forbidden); the rest is still "
                             "shown.")
                              .arg(what, scope);
        const QString detail = statusMessage(reply->peek(4096));
        if (!detail.isEmpty())
            message += QLatin1Char(' ') + tr("The cluster says: %1").arg(detail);
        return message;
    }
    if (status >= 400) {
        QString message = tr("The cluster answered %1 for %2.").arg(status).arg(what);
        const QString detail = statusMessage(reply->peek(4096));
        if (!detail.isEmpty())
            message += QLatin1Char(' ') + tr("It says: %1").arg(detail);
        return message;
    }
    switch (reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
        return tr("Nothing answers at %1: the connection was refused (is the cluster running, "
                  "and is the address in the kubeconfig right?).")
            .arg(where);
    case QNetworkReply::HostNotFoundError:
        return tr("The host of %1 was not found: check the server address in the kubeconfig.")
            .arg(where);
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        return tr("The cluster at %1 did not answer in time.").arg(where);
    case QNetworkReply::RemoteHostClosedError:
        return tr("The cluster at %1 closed the connection while %2 were read.").arg(where, what);
    case QNetworkReply::SslHandshakeFailedError: {
        const QString detail = reply->property("ordinalSslErrors").toString();
        return tr("The secure (TLS) connection to %1 failed: %2. The certificate authority in "
                  "the kubeconfig may not be the cluster's.")
            .arg(where, detail.isEmpty() ? reply->errorString() : detail);
    }
    default:
        return tr("The connection to %1 failed: %2.").arg(where, reply->errorString());
    }
}

void LiveClient::listFinished(Stream *stream, QNetworkReply *reply)
{
    reply->deleteLater();
    if (stream->reply != reply)
        return;
    stream->reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 401 && !stream->authRetried) {
        // Credentials may have expired: a plugin is run again once before giving up.
        stream->authRetried = true;
        m_credentials->invalidate(stream->used);
        startList(stream);
        return;
    }
    if (status == 404 && stream->kind.slices) {
        // A server without discovery.k8s.io/v1 (before 1.21): Endpoints, as kube-proxy did.
        stream->kind.slices = false;
        stream->base.replace(QStringLiteral("/apis/discovery.k8s.io/v1"),
                             QStringLiteral("/api/v1"));
        stream->base.replace(QStringLiteral("endpointslices"), QStringLiteral("endpoints"));
        startList(stream);
        return;
    }
    if (status == 410) {
        // The continue token expired: list from the start.
        stream->continueToken.clear();
        stream->page.clear();
        stream->pageKeys.clear();
        retryLater(stream, true);
        return;
    }
    if (reply->error() != QNetworkReply::NoError || status != 200) {
        stream->continueToken.clear();
        stream->page.clear();
        stream->pageKeys.clear();
        failed(stream, transportError(reply, stream), true);
        return;
    }
    stream->authRetried = false;
    const QByteArray body = reply->readAll();
    const json list = json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    if (!list.is_object() || !list.value("items", json()).is_array()) {
        failed(stream, tr("The cluster's list of %1 is not a list in JSON.").arg(stream->name()),
               true);
        return;
    }
    QString error;
    for (const json &item : list["items"]) {
        if (!decode(stream, item, false, &stream->page, &error)) {
            report(stream, tr("An object the cluster sent was skipped: %1").arg(error));
            continue;
        }
        stream->pageKeys.insert(keyOf(item));
    }
    const json meta = list.value("metadata", json::object());
    const std::string next = meta.value("continue", std::string());
    if (!next.empty()) {
        stream->continueToken = QString::fromStdString(next);
        startList(stream);
        return;
    }
    stream->continueToken.clear();
    stream->resourceVersion = QString::fromStdString(meta.value("resourceVersion", std::string()));
    // A relist replaces what was known: objects gone meanwhile are removals.
    QList<core::ObservedChange> changes = std::exchange(stream->page, {});
    if (!stream->kind.slices) {
        for (const QString &key : std::as_const(stream->known)) {
            if (stream->pageKeys.contains(key))
                continue;
            core::AnyObject gone = core::forKind(stream->kind.kind, [&](auto type) {
                using T = typename decltype(type)::type;
                T object;
                object.metadata.namespaceName = key.contains(QLatin1Char('/'))
                    ? key.section(QLatin1Char('/'), 0, 0)
                    : QString();
                object.metadata.name = key.section(QLatin1Char('/'), -1);
                return core::AnyObject(std::move(object));
            });
            changes.append(core::ObservedChange { std::move(gone), true });
        }
        stream->known = stream->pageKeys;
    } else {
        // The slices gone are dropped; their Services' Endpoints are rebuilt.
        QSet<QString> services;
        for (auto it = stream->slices.begin(); it != stream->slices.end();) {
            if (!stream->pageKeys.contains(it.key())) {
                services.insert(core::objectKey(it->namespaceName, it->serviceName));
                it = stream->slices.erase(it);
            } else {
                ++it;
            }
        }
        for (const QString &service : std::as_const(services)) {
            QList<core::apijson::EndpointSlice> rest;
            for (const auto &slice : std::as_const(stream->slices)) {
                if (core::objectKey(slice.namespaceName, slice.serviceName) == service)
                    rest << slice;
            }
            const QString ns = service.section(QLatin1Char('/'), 0, 0);
            const QString name = service.section(QLatin1Char('/'), 1);
            changes.append(core::ObservedChange {
                core::apijson::endpointsFromSlices(ns, name, rest), rest.isEmpty() });
        }
    }
    stream->pageKeys.clear();
    stream->backoffMs = 0;
    clearReport(stream);
    stream->everListed = true;
    if (!changes.isEmpty())
        Q_EMIT changesSeen(changes);
    markListed(stream);
    startWatch(stream);
}

void LiveClient::watchData(Stream *stream, QNetworkReply *reply)
{
    if (stream->reply != reply)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200)
        return; // an error answer: read whole in watchFinished
    stream->buffer += reply->readAll();
    QList<core::ObservedChange> changes;
    bool relist = false;
    qsizetype start = 0;
    for (qsizetype end = stream->buffer.indexOf('\n'); end >= 0;
         end = stream->buffer.indexOf('\n', start)) {
        const QByteArray line = stream->buffer.mid(start, end - start).trimmed();
        start = end + 1;
        if (line.isEmpty())
            continue;
        const json event
            = json::parse(line.constData(), line.constData() + line.size(), nullptr, false);
        if (!event.is_object() || !event.value("type", json()).is_string()) {
            report(
                stream,
                tr("The watch of %1 sent a line that is not a watch event.").arg(stream->name()));
            continue;
        }
        const std::string type = event["type"].get<std::string>();
        const json object = event.value("object", json::object());
        if (type == "ERROR") {
            // A Status: 410 Gone means the resourceVersion is too old — list again, as the
            // reflector does; anything else ends this watch and it resumes after the back-off.
            const int code = object.value("code", 0);
            if (code == 410) {
                relist = true;
            } else {
                report(stream,
                       tr("The watch of %1 ended with an error: %2")
                           .arg(stream->name(),
                                QString::fromStdString(object.value("message", std::string()))));
            }
            break;
        }
        const std::string rv
            = object.value("metadata", json::object()).value("resourceVersion", std::string());
        if (!rv.empty())
            stream->resourceVersion = QString::fromStdString(rv);
        if (type == "BOOKMARK")
            continue;
        const bool removed = type == "DELETED";
        QString error;
        if (!decode(stream, object, removed, &changes, &error)) {
            report(stream, tr("An object the cluster sent was skipped: %1").arg(error));
            continue;
        }
        const QString key = keyOf(object);
        if (removed)
            stream->known.remove(key);
        else
            stream->known.insert(key);
    }
    stream->buffer.remove(0, start);
    if (!changes.isEmpty())
        Q_EMIT changesSeen(changes);
    if (relist) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
        stream->reply = nullptr;
        stream->resourceVersion.clear();
        startList(stream);
    }
}

void LiveClient::watchFinished(Stream *stream, QNetworkReply *reply)
{
    reply->deleteLater();
    if (stream->reply != reply)
        return;
    watchData(stream, reply); // lines that came with the end
    if (stream->reply != reply)
        return; // watchData started a relist
    stream->reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 410) {
        stream->resourceVersion.clear();
        startList(stream);
        return;
    }
    if (status == 401 && !stream->authRetried) {
        stream->authRetried = true;
        m_credentials->invalidate(stream->used);
        startWatch(stream);
        return;
    }
    if (reply->error() == QNetworkReply::NoError && status == 200) {
        // The server's timeoutSeconds passed: resume from the last resourceVersion at once.
        stream->authRetried = false;
        startWatch(stream);
        return;
    }
    failed(stream, transportError(reply, stream), false);
}

void LiveClient::failed(Stream *stream, const QString &message, bool relist)
{
    report(stream, message);
    markListed(stream);
    retryLater(stream, relist);
}

void LiveClient::retryLater(Stream *stream, bool relist)
{
    stream->relist = relist || stream->resourceVersion.isEmpty();
    // client-go's reflector back-off: 800 ms doubling to 30 s, with jitter.
    stream->backoffMs = stream->backoffMs == 0 ? m_initialBackoffMs
                                               : std::min(stream->backoffMs * 2, m_maxBackoffMs);
    const int jitter = int(QRandomGenerator::global()->bounded(stream->backoffMs / 4 + 1));
    stream->retry.start(stream->backoffMs + jitter);
}

void LiveClient::markListed(Stream *stream)
{
    if (stream->listed)
        return;
    stream->listed = true;
    if (!m_synced
        && std::all_of(m_streams.cbegin(), m_streams.cend(),
                       [](const std::unique_ptr<Stream> &s) { return s->listed; })) {
        m_synced = true;
        Q_EMIT synced();
    }
}

void LiveClient::clearReport(Stream *stream)
{
    if (stream->reported.isEmpty())
        return;
    const QString cleared = std::exchange(stream->reported, {});
    if (std::none_of(m_streams.cbegin(), m_streams.cend(),
                     [&](const std::unique_ptr<Stream> &s) { return s->reported == cleared; }))
        m_problems.removeAll(cleared);
    Q_EMIT recovered(stream->name());
}

void LiveClient::report(Stream *stream, const QString &message)
{
    if (stream->reported == message)
        return;
    stream->reported = message;
    // The same trouble on several kinds (the cluster is unreachable) is told once.
    if (m_problems.contains(message))
        return;
    m_problems << message;
    Q_EMIT problem(message);
}

bool LiveClient::decode(Stream *stream, const json &object, bool removed,
                        QList<core::ObservedChange> *changes, QString *error)
{
    if (!stream->kind.slices) {
        std::optional<core::AnyObject> decoded
            = core::apijson::fromJson(stream->kind.kind, object, m_epochMs, error);
        if (!decoded)
            return false;
        changes->append(core::ObservedChange { std::move(*decoded), removed });
        return true;
    }
    std::optional<core::apijson::EndpointSlice> slice
        = core::apijson::endpointSliceFromJson(object, m_epochMs, error);
    if (!slice)
        return false;
    if (slice->serviceName.isEmpty())
        return true; // a slice no Service owns: nothing the DNS zone reads
    const QString key = core::objectKey(slice->namespaceName, slice->name);
    const QString ns = slice->namespaceName;
    const QString service = slice->serviceName;
    if (removed)
        stream->slices.remove(key);
    else
        stream->slices.insert(key, *slice);
    QList<core::apijson::EndpointSlice> all;
    for (const auto &s : std::as_const(stream->slices)) {
        if (s.namespaceName == ns && s.serviceName == service)
            all << s;
    }
    core::Endpoints endpoints = core::apijson::endpointsFromSlices(ns, service, all);
    // Within one list, a later slice of the same Service replaces the Endpoints made before.
    changes->removeIf([&](const core::ObservedChange &c) {
        const auto *e = std::get_if<core::Endpoints>(&c.object);
        return e && e->metadata.namespaceName == ns && e->metadata.name == service;
    });
    changes->append(core::ObservedChange { std::move(endpoints), all.isEmpty() });
    return true;
}

bool LiveClient::sendChange(const QByteArray &method, const QString &path,
                            const QByteArray &contentType, const QByteArray &body,
                            const Reply &done)
{
    if (!m_allowChanges) {
        // Secure by default: a live view never changes the cluster unless the user said so.
        done(0, {},
             tr("Changes to cluster \"%1\" are not allowed: connect with Allow changes "
                "(--allow-changes) to send them.")
                 .arg(m_context.clusterName));
        return false;
    }
    m_credentials->get([this, method, path, contentType, body, done](const Credentials &credentials,
                                                                     const QString &error) {
        if (!error.isEmpty()) {
            done(0, {}, tr("No credentials for the cluster: %1").arg(error));
            return;
        }
        QNetworkRequest req = request(url(path), credentials);
        req.setTransferTimeout(m_requestTimeoutMs);
        if (!contentType.isEmpty())
            req.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        QNetworkReply *reply = m_writes->sendCustomRequest(req, method, body);
        connect(reply, &QNetworkReply::finished, this, [this, reply, done]() {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray answer = reply->readAll();
            if (status >= 200 && status < 300) {
                done(status, answer, {});
                return;
            }
            QString message = statusMessage(answer);
            if (message.isEmpty())
                message = transportError(reply, nullptr);
            done(status, answer, message);
        });
    });
    return true;
}

bool LiveClient::deletePod(const QString &ns, const QString &name, const Reply &done)
{
    return sendChange("DELETE", QStringLiteral("/api/v1/namespaces/%1/pods/%2").arg(ns, name), {},
                      {}, done);
}

bool LiveClient::scaleStatefulSet(const QString &ns, const QString &name, int replicas,
                                  const Reply &done)
{
    // As kubectl scale: a merge patch of the scale subresource.
    const json patch = { { "spec", { { "replicas", replicas } } } };
    return sendChange(
        "PATCH", QStringLiteral("/apis/apps/v1/namespaces/%1/statefulsets/%2/scale").arg(ns, name),
        "application/merge-patch+json", QByteArray::fromStdString(patch.dump()), done);
}

bool LiveClient::cordonNode(const QString &name, bool cordon, const Reply &done)
{
    // As kubectl cordon: a strategic merge patch of spec.unschedulable.
    const json patch = { { "spec", { { "unschedulable", cordon } } } };
    return sendChange("PATCH", QStringLiteral("/api/v1/nodes/%1").arg(name),
                      "application/strategic-merge-patch+json",
                      QByteArray::fromStdString(patch.dump()), done);
}

bool LiveClient::setPartition(const QString &ns, const QString &name, int partition,
                              const Reply &done)
{
    const json patch
        = { { "spec",
              { { "updateStrategy", { { "rollingUpdate", { { "partition", partition } } } } } } } };
    return sendChange(
        "PATCH", QStringLiteral("/apis/apps/v1/namespaces/%1/statefulsets/%2").arg(ns, name),
        "application/merge-patch+json", QByteArray::fromStdString(patch.dump()), done);
}

} // namespace ordinal::net
