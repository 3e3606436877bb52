#pragma once

// Kubernetes' remotecommand protocol over WebSocket, as kubectl 1.30+ speaks it for `exec`,
// `attach` and `run -i` (client-go's WebSocket executor, kube-apiserver's stream translator).
//
// The WebSocket itself (handshake, framing, masking, ping/pong, close handshake) is Qt
// WebSockets' QWebSocket; this file holds only what Kubernetes puts on top of it:
// - every message is binary; its first byte names the channel (0 stdin, 1 stdout, 2 stderr,
//   3 error, 4 resize), the rest is that channel's data;
// - v5.channel.k8s.io adds channel 255, the close signal: [255, N] says the sender has closed
//   channel N (kubectl sends [255, 0] when its stdin reaches end of file); v4.channel.k8s.io
//   has no half-close, so there stdin ends only with the connection;
// - the server first sends an empty message on the lowest channel it writes (stdout, else
//   stderr, else error): "connection established";
// - at the end the error channel carries the exit status as a metav1.Status (the same JSON as
//   over SPDY v4), then the server closes the WebSocket normally (close code 1000), which
//   client-go reads as the end of every stream.
// kubectl offers only v5.channel.k8s.io; v4.channel.k8s.io is accepted for other clients.

#include "remotecommand.h"

#include <QByteArray>
#include <QPointer>
#include <QStringList>

#include <memory>
#include <optional>

class QTimer;
class QWebSocket;

namespace ordinal::net {

inline constexpr char kStreamProtocolV5[] = "v5.channel.k8s.io";

// The channel numbers of the remotecommand WebSocket protocol.
namespace ChannelId {
inline constexpr quint8 Stdin = 0;
inline constexpr quint8 Stdout = 1;
inline constexpr quint8 Stderr = 2;
inline constexpr quint8 Error = 3;
inline constexpr quint8 Resize = 4;
inline constexpr quint8 Close = 255; // v5: [255, N] closes channel N
} // namespace ChannelId

// One message of a channel: the channel byte, then the data.
QByteArray channelMessage(quint8 channel, const QByteArray &data);

struct ChannelMessage
{
    quint8 channel = 0;
    QByteArray data;
};
// A received binary message split into its channel and data; nullopt for an empty message
// (there is no channel byte to read).
std::optional<ChannelMessage> parseChannelMessage(const QByteArray &message);

// The subprotocols the server negotiates, best first.
QStringList webSocketStreamProtocols();

// One exec/attach session over an upgraded WebSocket. Every channel exists from the start, so
// ready() follows construction after the start delay. The session owns
// the socket; it deletes itself (deleteLater) once the connection is gone, after closed().
class WebSocketCommandSession : public RemoteCommandStream
{
    Q_OBJECT

public:
    // socket: upgraded, its subprotocol negotiated (v5 or v4); reparented to the session.
    WebSocketCommandSession(QWebSocket *socket, const RemoteCommandOptions &options,
                            QObject *parent = nullptr);
    ~WebSocketCommandSession() override;

    const RemoteCommandOptions &options() const override { return m_options; }
    QByteArray protocol() const override { return m_protocol; }
    QByteArray transport() const override { return QByteArrayLiteral("websocket"); }
    bool isReady() const override { return m_ready; }
    bool isFinished() const override { return m_finished; }

    bool writeStdout(const QByteArray &data) override;
    bool writeStderr(const QByteArray &data) override;
    void finish(int exitCode, const QString &message = {}) override;
    void finishWithError(const QString &message) override;

    // How long after the handshake the session starts (sends its first message, emits
    // ready()); kDefaultStartDelayMs by default (see the constructor).
    static constexpr int kDefaultStartDelayMs = 100;
    void setStartDelay(int msec);
    // How long to wait, after finish(), for the client to answer the close frame before the
    // connection is dropped.
    void setLingerTimeout(int msec);

private:
    void start();
    void sendEstablished();
    void onMessage(const QByteArray &message);
    void onDisconnected();
    void send(quint8 channel, const QByteArray &data);
    void finishWith(const QByteArray &status);

    QPointer<QWebSocket> m_socket;
    RemoteCommandOptions m_options;
    QByteArray m_protocol;
    QByteArray m_resizeBuffer;
    QTimer *m_startTimer = nullptr;
    QTimer *m_lingerTimer = nullptr;
    bool m_ready = false;
    bool m_finished = false;
    bool m_stdinClosed = false;
    bool m_gone = false;
};

} // namespace ordinal::net
