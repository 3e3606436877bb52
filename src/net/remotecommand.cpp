#include "remotecommand.h"

#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

namespace ordinal::net {

namespace {

bool headerContainsToken(const QHttpServerRequest &request, const QByteArray &name,
                         const QByteArray &token)
{
    for (const auto &[n, v] : request.headers()) {
        if (n.compare(name, Qt::CaseInsensitive) != 0)
            continue;
        for (const QByteArray &part : v.split(',')) {
            if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
                return true;
        }
    }
    return false;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 400: return QByteArrayLiteral("Bad Request");
    case 401: return QByteArrayLiteral("Unauthorized");
    case 403: return QByteArrayLiteral("Forbidden");
    case 404: return QByteArrayLiteral("Not Found");
    case 500: return QByteArrayLiteral("Internal Server Error");
    default: return QByteArrayLiteral("Error");
    }
}

// The JSON of metav1.Status with Go's field order (encoding/json follows the struct):
// kind, apiVersion, metadata, status, message, reason, details, code.
QByteArray statusJson(bool typed, const QByteArray &status, const QString &message,
                      const QByteArray &reason, const QJsonObject &details, int code)
{
    // QJsonObject sorts keys, so the object is written by hand to keep upstream's order.
    auto str = [](const QString &s) {
        // A one-element array gives a correctly escaped JSON string.
        QByteArray a = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
        return a.mid(1, a.size() - 2);
    };
    QByteArray out = "{";
    if (typed)
        out += R"("kind":"Status","apiVersion":"v1",)";
    out += R"("metadata":{},"status":")" + status + '"';
    if (!message.isEmpty())
        out += ",\"message\":" + str(message);
    if (!reason.isEmpty())
        out += ",\"reason\":\"" + reason + '"';
    if (!details.isEmpty()) {
        // details: {"causes":[{"reason":..,"message":..}]} — written in that order as well.
        out += ",\"details\":{\"causes\":[";
        const QJsonArray causes = details.value(QStringLiteral("causes")).toArray();
        for (qsizetype i = 0; i < causes.size(); ++i) {
            const QJsonObject c = causes.at(i).toObject();
            if (i)
                out += ',';
            out += '{';
            bool first = true;
            for (const char *key : {"reason", "message"}) {
                const QString k = QString::fromLatin1(key);
                if (!c.contains(k))
                    continue;
                if (!first)
                    out += ',';
                first = false;
                out += '"' + QByteArray(key) + "\":" + str(c.value(k).toString());
            }
            out += '}';
        }
        out += "]}";
    }
    if (code)
        out += ",\"code\":" + QByteArray::number(code);
    out += '}';
    return out;
}

} // namespace

bool isSpdyUpgrade(const QHttpServerRequest &request)
{
    return headerContainsToken(request, "connection", "upgrade")
        && headerContainsToken(request, "upgrade", "SPDY/3.1");
}

bool isWebSocketUpgrade(const QHttpServerRequest &request)
{
    return headerContainsToken(request, "connection", "upgrade")
        && headerContainsToken(request, "upgrade", "websocket");
}

QList<QByteArray> offeredStreamProtocols(const QHttpServerRequest &request)
{
    QList<QByteArray> out;
    for (const auto &[n, v] : request.headers()) {
        if (n.compare("x-stream-protocol-version", Qt::CaseInsensitive) != 0)
            continue;
        for (const QByteArray &part : v.split(',')) {
            const QByteArray p = part.trimmed();
            if (!p.isEmpty() && !out.contains(p))
                out.append(p);
        }
    }
    return out;
}

QByteArray negotiateStreamProtocol(const QList<QByteArray> &offered)
{
    for (const QByteArray &p : offered) {
        if (p == kStreamProtocolV4 || p == kStreamProtocolV3 || p == kStreamProtocolV2)
            return p;
    }
    return {};
}

void writeSpdyUpgradeResponse(QTcpSocket *socket, const QByteArray &protocol)
{
    QByteArray out = "HTTP/1.1 101 Switching Protocols\r\n"
                     "Connection: Upgrade\r\n"
                     "Upgrade: SPDY/3.1\r\n";
    if (!protocol.isEmpty())
        out += "X-Stream-Protocol-Version: " + protocol + "\r\n";
    out += "\r\n";
    socket->write(out);
}

void writeStatusResponse(QTcpSocket *socket, int httpStatus, const QByteArray &reason,
                         const QString &message)
{
    const QByteArray body = statusJson(true, "Failure", message, reason, {}, httpStatus) + '\n';
    QByteArray out = "HTTP/1.1 " + QByteArray::number(httpStatus) + ' ' + reasonPhrase(httpStatus)
                   + "\r\nContent-Type: application/json\r\nContent-Length: "
                   + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    socket->write(out);
}

void writeUpgradeRefusal(QTcpSocket *socket, const QString &message)
{
    // Qt 6.4.2 calls handleRequest() and then, whatever it returned, missingHandler() for a
    // WebSocket upgrade: answer once, whichever of the two calls this first.
    static const char kRefused[] = "_ordinal_upgrade_refused";
    if (socket->property(kRefused).toBool())
        return;
    socket->setProperty(kRefused, true);
    writeStatusResponse(socket, 400, "BadRequest",
                        !message.isEmpty()
                            ? message
                            : QStringLiteral("WebSocket streaming is not supported by this "
                                             "server; use SPDY/3.1 (kubectl falls back to it)"));
}

bool RemoteCommandOptions::fromQuery(const QUrlQuery &rawQuery, bool attach,
                                     RemoteCommandOptions *options, QString *error)
{
    // Go's url.Values.Encode writes a space as '+' (and a '+' as %2B); QUrlQuery keeps '+'.
    QString encoded = rawQuery.query(QUrl::FullyEncoded);
    encoded.replace(QLatin1Char('+'), QLatin1String("%20"));
    const QUrlQuery query(encoded);
    auto flag = [&](const char *name) {
        const QString v = query.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded);
        return v == QLatin1String("true") || v == QLatin1String("1");
    };
    RemoteCommandOptions o;
    o.command = query.allQueryItemValues(QStringLiteral("command"), QUrl::FullyDecoded);
    o.container = query.queryItemValue(QStringLiteral("container"), QUrl::FullyDecoded);
    o.stdinEnabled = flag("stdin");
    o.stdoutEnabled = flag("stdout");
    o.stderrEnabled = flag("stderr");
    o.tty = flag("tty");
    if (o.tty && o.stderrEnabled)
        o.stderrEnabled = false; // as the kubelet: a terminal has no separate stderr
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (!o.stdinEnabled && !o.stdoutEnabled && !o.stderrEnabled && !flag("stderr"))
        return fail(QStringLiteral("you must specify at least 1 of stdin, stdout, stderr"));
    if (!attach && o.command.isEmpty())
        return fail(QStringLiteral("you must specify at least one command for the container"));
    *options = o;
    return true;
}

// ---- session ---------------------------------------------------------------------------------

RemoteCommandSession *RemoteCommandSession::accept(const QHttpServerRequest &request,
                                                   QTcpSocket *socket,
                                                   const RemoteCommandOptions &options,
                                                   QObject *parent, QString *error)
{
    auto fail = [&](int status, const QByteArray &reason, const QString &message) {
        if (error)
            *error = message;
        writeStatusResponse(socket, status, reason, message);
        return nullptr;
    };
    if (!isSpdyUpgrade(request))
        return fail(400, "BadRequest", QStringLiteral("Upgrade request required"));
    const QList<QByteArray> offered = offeredStreamProtocols(request);
    const QByteArray protocol = negotiateStreamProtocol(offered);
    if (protocol.isEmpty()) {
        return fail(403, "Forbidden",
                    QStringLiteral("unable to upgrade: unable to negotiate protocol: client "
                                   "supports [%1], server accepts [%2 %3 %4]")
                        .arg(QString::fromLatin1(offered.join(' ')),
                             QLatin1String(kStreamProtocolV4), QLatin1String(kStreamProtocolV3),
                             QLatin1String(kStreamProtocolV2)));
    }
    writeSpdyUpgradeResponse(socket, protocol);
    // From now on the bytes are SPDY: QAbstractHttpServer must not parse them as HTTP. It
    // reads the socket only from its readyRead connection (qabstracthttpserver.cpp, 6.4).
    QObject::disconnect(socket, &QIODevice::readyRead, nullptr, nullptr);
    return new RemoteCommandSession(socket, options, protocol, parent);
}

RemoteCommandSession::RemoteCommandSession(QTcpSocket *socket, const RemoteCommandOptions &options,
                                           const QByteArray &protocol, QObject *parent)
    : RemoteCommandStream(parent), m_spdy(new SpdySession(socket, this)), m_options(options),
      m_protocol(protocol)
{
    connect(m_spdy, &SpdySession::streamOpened, this,
            [this](quint32 id, const SpdyHeaders &h, bool) { onStreamOpened(id, h); });
    connect(m_spdy, &SpdySession::dataReceived, this, &RemoteCommandSession::onData);
    connect(m_spdy, &SpdySession::remoteFinished, this, &RemoteCommandSession::onRemoteFinished);
    connect(m_spdy, &SpdySession::streamClosed, this, &RemoteCommandSession::onStreamClosed);
    connect(m_spdy, &SpdySession::closed, this, &RemoteCommandSession::onClosed);

    m_creationTimer = new QTimer(this);
    m_creationTimer->setSingleShot(true);
    m_creationTimer->setInterval(30'000);
    connect(m_creationTimer, &QTimer::timeout, this, [this] {
        abort(QStringLiteral("timed out waiting for client to create streams"));
    });
    m_creationTimer->start();

    m_lingerTimer = new QTimer(this);
    m_lingerTimer->setSingleShot(true);
    m_lingerTimer->setInterval(10'000);
    connect(m_lingerTimer, &QTimer::timeout, this, [this] { m_spdy->goAway(); });
}

RemoteCommandSession::~RemoteCommandSession() = default;

void RemoteCommandSession::setStreamCreationTimeout(int msec)
{
    m_creationTimer->setInterval(msec);
    if (m_creationTimer->isActive())
        m_creationTimer->start();
}

void RemoteCommandSession::setLingerTimeout(int msec)
{
    m_lingerTimer->setInterval(msec);
}

bool RemoteCommandSession::expects(Kind kind) const
{
    switch (kind) {
    case Kind::Error:
        return true;
    case Kind::Stdin:
        return m_options.stdinEnabled;
    case Kind::Stdout:
        return m_options.stdoutEnabled;
    case Kind::Stderr:
        return m_options.stderrEnabled && !m_options.tty;
    case Kind::Resize:
        // v2 has no resize stream; v3 and v4 open one with a terminal.
        return m_options.tty && m_protocol != kStreamProtocolV2;
    }
    return false;
}

void RemoteCommandSession::onStreamOpened(quint32 id, const SpdyHeaders &headers)
{
    const QByteArray type = spdyHeaderValue(headers, "streamtype");
    Kind kind;
    if (type == "error")
        kind = Kind::Error;
    else if (type == "stdin")
        kind = Kind::Stdin;
    else if (type == "stdout")
        kind = Kind::Stdout;
    else if (type == "stderr")
        kind = Kind::Stderr;
    else if (type == "resize")
        kind = Kind::Resize;
    else {
        m_spdy->reset(id, SpdyRstStatus::ProtocolError);
        return;
    }
    if (m_streamOf.contains(int(kind)) || m_ready) {
        m_spdy->reset(id, SpdyRstStatus::ProtocolError);
        return;
    }
    m_streamOf.insert(int(kind), id);
    m_kindOf.insert(id, kind);
    m_spdy->reply(id);
    checkReady();
}

void RemoteCommandSession::checkReady()
{
    if (m_ready)
        return;
    for (Kind k : {Kind::Error, Kind::Stdin, Kind::Stdout, Kind::Stderr, Kind::Resize}) {
        if (expects(k) && !m_streamOf.contains(int(k)))
            return;
    }
    m_ready = true;
    m_creationTimer->stop();
    if (!m_pendingStdout.isEmpty())
        writeStdout(std::exchange(m_pendingStdout, {}));
    if (!m_pendingStderr.isEmpty())
        writeStderr(std::exchange(m_pendingStderr, {}));
    Q_EMIT ready();
    if (m_finishPending) {
        m_finishPending = false;
        finishWith(m_finalError);
    }
}

void RemoteCommandSession::onData(quint32 id, const QByteArray &data)
{
    switch (m_kindOf.value(id, Kind::Error)) {
    case Kind::Stdin:
        if (!m_finished)
            Q_EMIT stdinData(data);
        return;
    case Kind::Resize:
        m_resizeBuffer.append(data);
        for (const auto &[width, height] : takeTerminalSizes(&m_resizeBuffer)) {
            if (!m_finished)
                Q_EMIT resized(width, height);
        }
        return;
    default:
        return; // nothing is expected from the client on the other streams
    }
}

QList<QPair<quint16, quint16>> takeTerminalSizes(QByteArray *buffer)
{
    QList<QPair<quint16, quint16>> sizes;
    if (buffer->size() > 64 * 1024) { // not a size a client sends: drop it
        buffer->clear();
        return sizes;
    }
    while (true) {
        const qsizetype start = buffer->indexOf('{');
        if (start < 0) {
            buffer->clear();
            return sizes;
        }
        const qsizetype end = buffer->indexOf('}', start);
        if (end < 0)
            return sizes;
        const QByteArray object = buffer->mid(start, end - start + 1);
        buffer->remove(0, end + 1);
        const QJsonObject o = QJsonDocument::fromJson(object).object();
        const int w = o.value(QStringLiteral("Width")).toInt(-1);
        const int h = o.value(QStringLiteral("Height")).toInt(-1);
        if (w >= 0 && h >= 0 && w <= 0xffff && h <= 0xffff)
            sizes.append({quint16(w), quint16(h)});
    }
}

void RemoteCommandSession::onRemoteFinished(quint32 id)
{
    if (m_kindOf.value(id, Kind::Error) == Kind::Stdin && !m_stdinClosed) {
        m_stdinClosed = true;
        if (!m_finished)
            Q_EMIT stdinClosed();
    }
}

void RemoteCommandSession::onStreamClosed(quint32 id)
{
    // A stdin stream reset by the client ends stdin as well.
    if (m_kindOf.value(id, Kind::Error) == Kind::Stdin && !m_stdinClosed) {
        m_stdinClosed = true;
        if (!m_finished)
            Q_EMIT stdinClosed();
    }
}

bool RemoteCommandSession::writeStdout(const QByteArray &data)
{
    if (m_finished || m_gone)
        return false;
    if (!m_options.stdoutEnabled)
        return true;
    if (!m_ready) {
        m_pendingStdout.append(data);
        return true;
    }
    return m_spdy->write(m_streamOf.value(int(Kind::Stdout)), data);
}

bool RemoteCommandSession::writeStderr(const QByteArray &data)
{
    if (m_finished || m_gone)
        return false;
    if (m_options.tty)
        return writeStdout(data);
    if (!expects(Kind::Stderr))
        return true;
    if (!m_ready) {
        m_pendingStderr.append(data);
        return true;
    }
    return m_spdy->write(m_streamOf.value(int(Kind::Stderr)), data);
}

QByteArray exitStatusJson(int exitCode, const QString &message)
{
    if (exitCode == 0)
        return statusJson(false, "Success", {}, {}, {}, 0);
    const QString detail = message.isEmpty() ? QStringLiteral("exit status %1").arg(exitCode)
                                             : message;
    const QJsonObject details{
        {QStringLiteral("causes"),
         QJsonArray{QJsonObject{{QStringLiteral("reason"), QStringLiteral("ExitCode")},
                                {QStringLiteral("message"), QString::number(exitCode)}}}}};
    return statusJson(false, "Failure",
                      QStringLiteral("command terminated with non-zero exit code: ") + detail,
                      "NonZeroExitCode", details, 0);
}

QByteArray internalErrorStatusJson(const QString &message)
{
    // apierrors.NewInternalError: reason InternalError, code 500, the error as the cause.
    const QString full = QStringLiteral("Internal error occurred: ") + message;
    const QJsonObject details{
        {QStringLiteral("causes"),
         QJsonArray{QJsonObject{{QStringLiteral("message"), message}}}}};
    return statusJson(false, "Failure", full, "InternalError", details, 500);
}

void RemoteCommandSession::finish(int exitCode, const QString &message)
{
    if (m_finished || m_finishPending)
        return;
    QByteArray payload;
    if (m_protocol == kStreamProtocolV4) {
        payload = exitStatusJson(exitCode, message);
    } else if (exitCode != 0) {
        // v1-v3: the error stream carries the status message as text; success sends nothing.
        const QString detail = message.isEmpty() ? QStringLiteral("exit status %1").arg(exitCode)
                                                 : message;
        payload = (QStringLiteral("command terminated with non-zero exit code: ") + detail).toUtf8();
    }
    if (!m_ready) {
        m_finishPending = true;
        m_finalError = payload;
        return;
    }
    finishWith(payload);
}

void RemoteCommandSession::finishWithError(const QString &message)
{
    if (m_finished || m_finishPending)
        return;
    const QByteArray payload = m_protocol == kStreamProtocolV4
        ? internalErrorStatusJson(message)
        : (QStringLiteral("Internal error occurred: ") + message).toUtf8();
    if (!m_ready) {
        m_finishPending = true;
        m_finalError = payload;
        return;
    }
    finishWith(payload);
}

void RemoteCommandSession::finishWith(const QByteArray &errorPayload)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_gone)
        return;
    // Output first, so that the client has all of it when it reads the status.
    for (Kind k : {Kind::Stdout, Kind::Stderr}) {
        if (m_streamOf.contains(int(k)))
            m_spdy->finish(m_streamOf.value(int(k)));
    }
    if (m_streamOf.contains(int(Kind::Error)))
        m_spdy->write(m_streamOf.value(int(Kind::Error)), errorPayload, true);
    // client-go also waits for the server to close stdin before it returns.
    for (Kind k : {Kind::Stdin, Kind::Resize}) {
        if (m_streamOf.contains(int(k)))
            m_spdy->finish(m_streamOf.value(int(k)));
    }
    m_lingerTimer->start();
}

void RemoteCommandSession::abort(const QString &message)
{
    if (m_gone)
        return;
    Q_EMIT failed(message);
    m_finished = true;
    m_spdy->goAway(SpdyGoAwayStatus::Ok);
}

void RemoteCommandSession::onClosed()
{
    if (m_gone)
        return;
    m_gone = true;
    m_creationTimer->stop();
    m_lingerTimer->stop();
    Q_EMIT closed();
    deleteLater();
}

} // namespace ordinal::net
