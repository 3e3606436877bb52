#pragma once

// Kubernetes' remotecommand stream protocol over SPDY/3.1: what `kubectl exec`, `kubectl attach`
// and `kubectl run -i` speak to an API server (which, in a real cluster, proxies it to the
// kubelet). Versions v4.channel.k8s.io (exit codes as a Status JSON on the error stream),
// v3.channel.k8s.io (adds the resize stream) and v2.channel.k8s.io are accepted; v1 and the
// unversioned protocol are not.
//
// ApiServer serves the WebSocket form too (websocketcommandsession.h, and the notes in
// docs/kubectl-streaming.md on how Qt 6.4 hands it the upgrade). A server that serves only
// SPDY is wired into a QAbstractHttpServer (Qt 6.4) subclass, in handleRequest(request,
// socket), for POST|GET .../namespaces/NS/pods/NAME/exec|attach (kubectl GETs the pod first:
// serve that as usual, and /api, /apis, /api/v1 discovery for "pods"), as follows:
//
//   if (isWebSocketUpgrade(request)) {          // kubectl >= 1.30 tries this first (a GET)
//       writeUpgradeRefusal(socket);            // 400 + Status: kubectl falls back to SPDY
//       return true;
//   }
//
// and in missingHandler(request, socket), before any 404:
//
//   if (isWebSocketUpgrade(request)) { writeUpgradeRefusal(socket); return; }
//
// because Qt 6.4.2, for a WebSocket upgrade with no slot on newWebSocketConnection, calls
// handleRequest(), then missingHandler() whatever handleRequest() returned, then
// disconnectFromHost() (seen in tst_spdysession). writeUpgradeRefusal() writes once per socket,
// so the second call is a no-op. Without an answer kubectl does not fall back: it reports
// "error: unexpected EOF" and exits 1 (tested). The 6.4 code gates the hand-over on
// `handleRequest(...) && isSignalConnected(newWebSocketConnection)`: if the server ever
// connects that signal, a handleRequest() that returned true after writing the 400 would have
// the socket handed to QWebSocketServer — keep it unconnected (or return false there).
//
// SPDY upgrades (a POST with Upgrade: SPDY/3.1) reach handleRequest() like any request:
//   if (isSpdyUpgrade(request)) {
//       RemoteCommandOptions options;
//       QString error;
//       if (!RemoteCommandOptions::fromQuery(request.query(), isAttach, &options, &error)) {
//           writeStatusResponse(socket, 400, "BadRequest", error);
//           return true;
//       }
//       ... 404 if the pod or container does not exist, as for any request ...
//       auto *rc = RemoteCommandSession::accept(request, socket, options, this);
//       if (!rc) return true;                   // an error response was written
//       connect(rc, &RemoteCommandSession::ready, ...);      // start the command
//       connect(rc, &RemoteCommandSession::stdinData, ...);
//       ... later: rc->writeStdout(...); rc->finish(exitCode);
//       return true;
//   }
//
// accept() writes the 101 response and takes the socket away from QAbstractHttpServer (it
// disconnects every readyRead connection of the socket — QAbstractHttpServer 6.4 reads the
// socket through a lambda connected to readyRead, so that is the only hook it has on it).
//
// Session lifetime: the session deletes itself (deleteLater) once the connection is gone;
// `closed()` is emitted first. After finish() it waits for kubectl to close the connection
// (kubectl resets the streams and closes as soon as it has the status), and closes it itself
// after lingerTimeout() if kubectl does not.

#include "spdysession.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

class QHttpServerRequest;
class QTcpSocket;
class QTimer;
class QUrlQuery;

namespace ordinal::net {

inline constexpr char kStreamProtocolV4[] = "v4.channel.k8s.io";
inline constexpr char kStreamProtocolV3[] = "v3.channel.k8s.io";
inline constexpr char kStreamProtocolV2[] = "v2.channel.k8s.io";

// Connection: Upgrade and Upgrade: SPDY/3.1 (case-insensitive, as Go's spdy round tripper sends).
bool isSpdyUpgrade(const QHttpServerRequest &request);
// Connection: Upgrade and Upgrade: websocket — what kubectl >= 1.30 sends first for exec/attach.
bool isWebSocketUpgrade(const QHttpServerRequest &request);

// The protocols the client offers (every X-Stream-Protocol-Version header, comma lists split),
// in its order of preference.
QList<QByteArray> offeredStreamProtocols(const QHttpServerRequest &request);
// The first offered protocol that is supported (v4, v3, v2), or empty.
QByteArray negotiateStreamProtocol(const QList<QByteArray> &offered);

// Writes the 101 response for a SPDY upgrade with the chosen protocol.
void writeSpdyUpgradeResponse(QTcpSocket *socket, const QByteArray &protocol);
// Writes an HTTP error response whose body is a Kubernetes Status (kind Status, apiVersion v1),
// as the API server answers failures; reason as in metav1.StatusReason (e.g. "BadRequest").
void writeStatusResponse(QTcpSocket *socket, int httpStatus, const QByteArray &reason,
                         const QString &message);
// The answer to a WebSocket upgrade of exec/attach/portforward that this server does not
// serve: 400 Bad Request with a Status body. kubectl 1.30+ treats any non-101 answer to its
// WebSocket handshake as an upgrade failure (gorilla's ErrBadHandshake, wrapped as
// httpstream.UpgradeFailureError) and falls back to SPDY; closing the connection without an
// answer is NOT a fallback case (kubectl reports the EOF and exits). message: the Status's
// (default: WebSocket streaming is not served at all).
void writeUpgradeRefusal(QTcpSocket *socket, const QString &message = {});

// The query of an exec or attach request.
struct RemoteCommandOptions
{
    QStringList command; // exec: every `command` parameter, in order; attach: empty
    QString container;
    bool stdinEnabled = false;
    bool stdoutEnabled = false;
    bool stderrEnabled = false;
    bool tty = false;

    // Parses the query as the kubelet does: at least one of stdin/stdout/stderr must be set;
    // with tty, stderr is folded into stdout (the client opens no stderr stream then); exec
    // needs a command. On failure returns false with *error (for a 400 response).
    static bool fromQuery(const QUrlQuery &query, bool attach, RemoteCommandOptions *options,
                          QString *error);
};

// One exec/attach session as the API server drives it, whatever carries it: SPDY streams
// (RemoteCommandSession, kubectl up to 1.29) or WebSocket channels (WebSocketCommandSession,
// kubectl 1.30+). The command is run by the caller; this only moves its bytes and its end.
class RemoteCommandStream : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    virtual const RemoteCommandOptions &options() const = 0;
    // The negotiated protocol, e.g. "v4.channel.k8s.io" or "v5.channel.k8s.io".
    virtual QByteArray protocol() const = 0;
    // The transport: "SPDY/3.1" or "websocket".
    virtual QByteArray transport() const = 0;
    virtual bool isReady() const = 0;
    virtual bool isFinished() const = 0;

    // Command output. Before ready() it is buffered; with tty, stderr goes to stdout (there is
    // no stderr stream); without the stream (stdout=false) it is dropped. Returns false if the
    // session is finished or gone.
    virtual bool writeStdout(const QByteArray &data) = 0;
    virtual bool writeStderr(const QByteArray &data) = 0;

    // Ends the command: closes stdout/stderr, writes the exit status on the error stream and
    // closes every stream. v4/v5: Status JSON (Success, or Failure/NonZeroExitCode with the
    // exit code as the ExitCode cause); v2/v3: the message as text, nothing on success.
    // message: what follows "command terminated with non-zero exit code: " (default
    // "exit status N", as Go's os/exec prints it).
    virtual void finish(int exitCode, const QString &message = {}) = 0;
    // Ends the command with an error that is not an exit code (e.g. the command could not be
    // started): v4/v5 write an InternalError Status; kubectl prints the message and exits 1.
    virtual void finishWithError(const QString &message) = 0;

Q_SIGNALS:
    // Every stream the options call for exists: start the command.
    void ready();
    void stdinData(const QByteArray &data);
    // The client closed stdin (e.g. `echo hi | kubectl exec -i` reached EOF).
    void stdinClosed();
    // tty only (v3+): the terminal size changed; also sent once at the start.
    void resized(quint16 width, quint16 height);
    // The streams could not be set up (timeout, protocol error); the session is closing.
    void failed(const QString &message);
    // The connection is gone (client detached, Ctrl-C, or after finish()); deleteLater follows.
    void closed();
};

// The terminal sizes in what a client wrote on its resize stream so far: client-go writes one
// JSON object per size ({"Width":80,"Height":24}); consumed objects are removed from *buffer,
// an incomplete one stays for the next call.
QList<QPair<quint16, quint16>> takeTerminalSizes(QByteArray *buffer);

// The v4/v5 Status JSON for an exit code, and for an error that is not one (as the kubelet and
// kube-apiserver write them on the error stream).
QByteArray exitStatusJson(int exitCode, const QString &message = {});
QByteArray internalErrorStatusJson(const QString &message);

// One exec/attach session: the remotecommand streams over a SpdySession.
class RemoteCommandSession : public RemoteCommandStream
{
    Q_OBJECT

public:
    // Checks the upgrade (SPDY, a supported X-Stream-Protocol-Version), writes the 101 and
    // hands the socket to a new session. On failure writes the error response (400 for bad
    // options, 403 when no protocol matches, as the kubelet) and returns nullptr.
    static RemoteCommandSession *accept(const QHttpServerRequest &request, QTcpSocket *socket,
                                        const RemoteCommandOptions &options,
                                        QObject *parent = nullptr, QString *error = nullptr);

    // For a socket already upgraded (e.g. in tests): protocol is the negotiated one.
    RemoteCommandSession(QTcpSocket *socket, const RemoteCommandOptions &options,
                         const QByteArray &protocol, QObject *parent = nullptr);
    ~RemoteCommandSession() override;

    const RemoteCommandOptions &options() const override { return m_options; }
    QByteArray protocol() const override { return m_protocol; }
    QByteArray transport() const override { return QByteArrayLiteral("SPDY/3.1"); }
    bool isReady() const override { return m_ready; }
    bool isFinished() const override { return m_finished; }
    SpdySession *spdy() const { return m_spdy; }

    bool writeStdout(const QByteArray &data) override;
    bool writeStderr(const QByteArray &data) override;
    void finish(int exitCode, const QString &message = {}) override;
    void finishWithError(const QString &message) override;

    // How long to wait for all expected streams after the upgrade (kubelet: 30 s).
    void setStreamCreationTimeout(int msec);
    // How long to wait for the client to close after finish() before closing ourselves.
    void setLingerTimeout(int msec);

private:
    enum class Kind { Error, Stdin, Stdout, Stderr, Resize };

    void onStreamOpened(quint32 id, const SpdyHeaders &headers);
    void onData(quint32 id, const QByteArray &data);
    void onRemoteFinished(quint32 id);
    void onStreamClosed(quint32 id);
    void onClosed();
    void checkReady();
    bool expects(Kind kind) const;
    void finishWith(const QByteArray &errorPayload);
    void abort(const QString &message);

    SpdySession *m_spdy = nullptr;
    RemoteCommandOptions m_options;
    QByteArray m_protocol;
    QHash<int, quint32> m_streamOf; // Kind -> stream id
    QHash<quint32, Kind> m_kindOf;
    QByteArray m_pendingStdout;
    QByteArray m_pendingStderr;
    QByteArray m_resizeBuffer;
    QTimer *m_creationTimer = nullptr;
    QTimer *m_lingerTimer = nullptr;
    bool m_ready = false;
    bool m_finished = false;
    bool m_stdinClosed = false;
    bool m_gone = false;
    QByteArray m_finalError; // set by finish() before ready()
    bool m_finishPending = false;
};

} // namespace ordinal::net
