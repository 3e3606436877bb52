#include "websocketcommandsession.h"

#include <QTimer>
#include <QWebSocket>

namespace ordinal::net {

QByteArray channelMessage(quint8 channel, const QByteArray &data)
{
    QByteArray message;
    message.reserve(data.size() + 1);
    message.append(char(channel));
    message.append(data);
    return message;
}

std::optional<ChannelMessage> parseChannelMessage(const QByteArray &message)
{
    if (message.isEmpty())
        return std::nullopt;
    return ChannelMessage { quint8(message.at(0)), message.mid(1) };
}

QStringList webSocketStreamProtocols()
{
    return { QLatin1String(kStreamProtocolV5), QLatin1String(kStreamProtocolV4) };
}

WebSocketCommandSession::WebSocketCommandSession(QWebSocket *socket,
                                                 const RemoteCommandOptions &options,
                                                 QObject *parent)
    : RemoteCommandStream(parent)
    , m_socket(socket)
    , m_options(options)
    , m_protocol(socket->subprotocol().toLatin1())
{
    socket->setParent(this);
    connect(socket, &QWebSocket::binaryMessageReceived, this, &WebSocketCommandSession::onMessage);
    connect(socket, &QWebSocket::disconnected, this, &WebSocketCommandSession::onDisconnected);
    m_lingerTimer = new QTimer(this);
    m_lingerTimer->setSingleShot(true);
    m_lingerTimer->setInterval(10'000);
    connect(m_lingerTimer, &QTimer::timeout, this, [this] {
        if (m_socket)
            m_socket->abort();
    });
    // Not at once: the caller connects to ready() after construction, and kubectl up to 1.33
    // creates its streams only after the handshake, in another goroutine, discarding what
    // arrives for a stream not yet made ("Unknown stream id 1, discarding message": the
    // command's output lost, seen about once in ten runs). A real container's command takes
    // longer than this to start as well.
    m_startTimer = new QTimer(this);
    m_startTimer->setSingleShot(true);
    m_startTimer->setInterval(kDefaultStartDelayMs);
    connect(m_startTimer, &QTimer::timeout, this, &WebSocketCommandSession::start);
    m_startTimer->start();
}

void WebSocketCommandSession::setStartDelay(int msec)
{
    m_startTimer->setInterval(msec);
    if (m_startTimer->isActive())
        m_startTimer->start();
}

WebSocketCommandSession::~WebSocketCommandSession() = default;

void WebSocketCommandSession::setLingerTimeout(int msec)
{
    m_lingerTimer->setInterval(msec);
}

void WebSocketCommandSession::start()
{
    if (m_gone || m_ready)
        return;
    sendEstablished();
    Q_EMIT ready();
}

void WebSocketCommandSession::sendEstablished()
{
    m_ready = true;
    // As kube-apiserver: an empty message on the lowest channel the server writes tells the
    // client the connection is established.
    if (m_options.stdoutEnabled)
        send(ChannelId::Stdout, {});
    else if (m_options.stderrEnabled)
        send(ChannelId::Stderr, {});
    else
        send(ChannelId::Error, {});
}

void WebSocketCommandSession::send(quint8 channel, const QByteArray &data)
{
    if (m_socket)
        m_socket->sendBinaryMessage(channelMessage(channel, data));
}

void WebSocketCommandSession::onMessage(const QByteArray &message)
{
    const std::optional<ChannelMessage> m = parseChannelMessage(message);
    if (!m || m_finished)
        return;
    switch (m->channel) {
    case ChannelId::Stdin:
        if (m_options.stdinEnabled && !m_stdinClosed && !m->data.isEmpty())
            Q_EMIT stdinData(m->data);
        return;
    case ChannelId::Resize:
        if (!m_options.tty)
            return;
        m_resizeBuffer.append(m->data);
        for (const auto &[width, height] : takeTerminalSizes(&m_resizeBuffer))
            Q_EMIT resized(width, height);
        return;
    case ChannelId::Close:
        // v5 only: v4 has no close signal, and a v4 client's message on 255 means nothing.
        if (m_protocol == kStreamProtocolV5 && m->data.size() == 1
            && quint8(m->data.at(0)) == ChannelId::Stdin && m_options.stdinEnabled
            && !m_stdinClosed) {
            m_stdinClosed = true;
            Q_EMIT stdinClosed();
        }
        return;
    default:
        return; // nothing is expected from the client on the other channels
    }
}

bool WebSocketCommandSession::writeStdout(const QByteArray &data)
{
    if (m_finished || m_gone)
        return false;
    if (m_options.stdoutEnabled && !data.isEmpty())
        send(ChannelId::Stdout, data);
    return true;
}

bool WebSocketCommandSession::writeStderr(const QByteArray &data)
{
    if (m_finished || m_gone)
        return false;
    if (m_options.tty)
        return writeStdout(data);
    if (m_options.stderrEnabled && !data.isEmpty())
        send(ChannelId::Stderr, data);
    return true;
}

void WebSocketCommandSession::finish(int exitCode, const QString &message)
{
    finishWith(exitStatusJson(exitCode, message));
}

void WebSocketCommandSession::finishWithError(const QString &message)
{
    finishWith(internalErrorStatusJson(message));
}

void WebSocketCommandSession::finishWith(const QByteArray &status)
{
    if (m_finished)
        return;
    m_finished = true;
    m_startTimer->stop();
    if (m_gone || !m_socket)
        return;
    if (!m_ready)
        sendEstablished();
    // Output was sent as it came; the status follows it on the error channel, then the normal
    // close, which client-go reads as the end of every stream.
    send(ChannelId::Error, status);
    m_socket->close(QWebSocketProtocol::CloseCodeNormal);
    m_lingerTimer->start();
}

void WebSocketCommandSession::onDisconnected()
{
    if (m_gone)
        return;
    m_gone = true;
    m_startTimer->stop();
    m_lingerTimer->stop();
    Q_EMIT closed();
    deleteLater();
}

} // namespace ordinal::net
