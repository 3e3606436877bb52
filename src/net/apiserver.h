#pragma once

#include "console/console.h"
#include "sim/apiwrite.h"
#include "sim/operations.h"
#include "sim/simulation.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QPointer>
#include <QTimer>
#include <QtHttpServer/QAbstractHttpServer>

#include <memory>

class QHttpServerRequest;
class QSslSocket;
class QTcpSocket;
class QUrlQuery;
class QWebSocketServer;

namespace ordinal::net {

class RemoteCommandStream;
struct ResourceView;

// The Kubernetes API, served from the simulation over HTTP/1.1 on loopback, so that the real
// kubectl, client libraries and tools drive the simulated cluster (kube-apiserver 1.30-era
// semantics: discovery and OpenAPI, get/list/watch, create/update/patch/delete and
// deletecollection, the status/scale/eviction/log subresources, Tables for kubectl get,
// metav1.Status errors). Every request needs the bearer token (compared in constant time).
//
// Reads come from the store; writes go through core::Operations, so they are admitted like a
// manifest and recorded on the simulation's timeline. Watches stream chunked JSON lines from
// the simulation's own watch events, from any resourceVersion the history still holds.
//
// QAbstractHttpServer (Qt HTTP Server 6.4, its bundled HTTP parser) reads requests; responses
// are written on the request's socket, so that a watch can stream for as long as it runs.
using core::apijson::ResourceInfo;

class ApiServer : public QAbstractHttpServer, private core::SimulationListener
{
    Q_OBJECT

public:
    explicit ApiServer(core::Simulation &sim, QObject *parent = nullptr);
    ~ApiServer() override;

    // Serves another simulation from now on (the window replaced its cluster): watches end, as
    // when a real API server restarts; clients list again. The token and certificate stay.
    void setSimulation(core::Simulation &sim);

    // A random token for this run (hex); every request must carry "Authorization: Bearer".
    QByteArray token() const { return m_token; }
    void setToken(const QByteArray &token) { m_token = token; }

    // Transport and authentication for tests and the live view (docs/live.md); call before
    // listen(). Plain HTTP is served on loopback only, and the token is still required. With
    // client certificates on, listen() issues one signed by this run's CA, and a request over a
    // connection that presented exactly it needs no token (the kubeconfig then carries it).
    void setPlainHttp(bool plain) { m_plainHttp = plain; }
    void setClientCertificateAuth(bool enabled) { m_clientCertificateAuth = enabled; }
    QByteArray clientCertificatePem() const { return m_client.first; }
    QByteArray clientKeyPem() const { return m_client.second; }

    // Binds address:port (0: a free port). On failure returns false and sets *error.
    bool listen(const QHostAddress &address, quint16 port, QString *error);
    QHostAddress address() const { return m_address; }
    quint16 port() const { return m_port; }
    QString url() const;

    // Virtual time follows the wall clock at speed (1.0 = real time) from now on, advanced by
    // a timer; without it the caller owns time (the window's timeline).
    void followWallClock(double speed = 1.0);
    // Unix time (ms) that virtual time 0 stands for in the objects' timestamps.
    qint64 epochMs() const { return m_epochMs; }

    // A kubeconfig (context "ordinal") that reaches this server with its token.
    QByteArray kubeconfig() const;

    int watchCount() const { return int(m_watches.size()); }
    // This run's self-signed certificate (PEM), the kubeconfig's certificate-authority-data.
    QByteArray certificatePem() const { return m_certificatePem; }

    // --- Limits (docs/api.md, "Limits") ---
    // Largest request body accepted (bytes, kube-apiserver's default); larger ones get 413.
    // How often a watch that allows bookmarks gets one (wall time).
    static constexpr qint64 kBookmarkIntervalMs = 60 * 1000;
    static constexpr qint64 kMaxBodyBytes = 3 * 1024 * 1024;
    // Room for the request line and headers on top of the body (Go's default MaxHeaderBytes).
    // A connection that has sent more than kMaxBodyBytes + kMaxHeaderBytes of a request not yet
    // answered gets 413 and is closed while the body is still arriving.
    static constexpr qint64 kMaxHeaderBytes = 1024 * 1024;
    // A connection with no request in flight and no watch, followed log or exec/attach stream is
    // closed after this long without receiving anything (kube-apiserver's HTTP server: 90 s).
    static constexpr int kDefaultIdleTimeoutMs = 90 * 1000;
    // Connections open at once (TLS handshakes included); beyond it new ones are closed as they
    // are accepted. listen() lowers it to fit the process's descriptor limit.
    static constexpr int kDefaultMaxConnections = 4096;
    // A connection's TLS handshake must complete within this long (QSslServer closes it).
    static constexpr int kHandshakeTimeoutMs = 30 * 1000;
    void setIdleTimeout(int ms);
    int idleTimeout() const { return m_idleTimeoutMs; }
    // Takes effect for connections accepted from then on; call before listen() to size the
    // accept queue as well.
    void setMaxConnections(int count) { m_maxConnections = count; }
    int maxConnections() const { return m_maxConnections; }
    int connectionCount() const { return int(m_connections.size()); }
    // Connections closed as they were accepted because maxConnections() were open.
    int refusedConnections() const { return m_refused; }

    // exec/attach sessions started so far over a transport: "websocket" (kubectl 1.30+) or
    // "SPDY/3.1" (kubectl up to 1.29, and 1.30+ when its WebSocket upgrade is refused).
    int streamSessions(const QByteArray &transport) const { return m_streamSessions.value(transport); }

Q_SIGNALS:
    // A request changed the cluster (verb and object, e.g. "create statefulsets/web").
    void clusterChanged(const QString &summary);
    // A write changed the cluster at virtual time `at`; applying `write` there again changes
    // it the same way (scenarios keep it, and the window's history redoes it).
    void written(core::Millis at, const core::ApiWrite &write);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Route;
    struct Watch;

    void route(const QHttpServerRequest &request, QTcpSocket *socket);
    void serveResource(const QHttpServerRequest &request, QTcpSocket *socket, const Route &r);
    void list(const QHttpServerRequest &request, QTcpSocket *socket, const Route &r);
    void startWatch(const QHttpServerRequest &request, QTcpSocket *socket, const Route &r);
    void logs(const QHttpServerRequest &request, QTcpSocket *socket, const Route &r);
    // exec and attach: SPDY streams or WebSocket channels, the command run by the console's
    // shell in the pod.
    struct CommandTarget;
    void remoteCommand(const QHttpServerRequest &request, QTcpSocket *socket, const Route &r);
    void runCommand(RemoteCommandStream *session, const CommandTarget &target);
    // Qt HTTP Server finished a WebSocket handshake that remoteCommand() accepted.
    void webSocketConnected();
    void deleteCollection(const QHttpServerRequest &request, QTcpSocket *socket, const Route &r);
    // Views of a stored kind served read-only (get, list, watch): discovery.k8s.io/v1
    // EndpointSlices of the Endpoints, events.k8s.io/v1 Events of the core/v1 Events.
    void serveView(const QHttpServerRequest &request, QTcpSocket *socket, const Route &r,
                   const ResourceView &view);
    void writeViewEvent(Watch *watch, const ResourceView &view, core::WatchEventType type,
                        const core::AnyObject &object);
    void tick();
    void emitWritten(core::Millis at, const core::ApiWrite &write);
    // Records a change a client made (a Decision the event list shows) and tells the window.
    void announce(const ResourceInfo &resource, const QString &ns, const QString &name,
                  const QString &verb);
    void closeWatch(Watch *watch);
    // Keeps a started watch (its timeoutSeconds, its connection) until it ends.
    void keepWatch(std::unique_ptr<Watch> watch, const QUrlQuery &query);
    // Connection bookkeeping for the limits: every TLS connection from its handshake on.
    class Listener;
    class PlainListener;
    struct Connection;
    bool admitConnection();
    void connectionStarted(QTcpSocket *socket);
    void bytesArrived(QTcpSocket *socket);
    void requestAnswered(QTcpSocket *socket);
    // The connection now carries a stream (watch, followed log, exec/attach): never idle.
    void markLongRunning(QTcpSocket *socket);
    void closeIdleConnections();

    // core::SimulationListener
    void watchEvent(const core::WatchEvent &event) override;
    bool wantsDecisions() const override { return false; }

    core::Simulation *m_sim;
    std::optional<core::Operations> m_operations;
    std::unique_ptr<core::Console> m_console; // runs exec'd commands, made on first use
    QByteArray m_token;
    QByteArray m_certificatePem; // this run's self-signed certificate, for the kubeconfig
    bool m_plainHttp = false;
    bool m_clientCertificateAuth = false;
    std::pair<QByteArray, QByteArray> m_client; // issued client certificate and key (PEM)
    QByteArray m_clientDigest; // SHA-256 of the issued client certificate
    QHostAddress m_address;
    quint16 m_port = 0;
    qint64 m_epochMs = 0;
    // wall clock following
    QTimer m_clock;
    QElapsedTimer m_wall;
    core::Millis m_virtualStart = 0;
    double m_speed = 0.0;
    std::vector<std::unique_ptr<Watch>> m_watches;
    // WebSocket upgrades accepted by remoteCommand() whose handshake Qt has yet to finish, by
    // the client's address and port.
    QHash<QString, std::shared_ptr<CommandTarget>> m_pendingUpgrades;
    bool m_upgradeAccepted = false; // the request being handled is such an upgrade
    // Qt HTTP Server's own QWebSocketServer, once found (see eventFilter()).
    QPointer<QWebSocketServer> m_webSocketServer;
    QHash<QByteArray, int> m_streamSessions;
    // limits
    QHash<QTcpSocket *, std::shared_ptr<Connection>> m_connections;
    QTimer m_idleSweep; // runs only while connections are open
    int m_idleTimeoutMs = kDefaultIdleTimeoutMs;
    int m_maxConnections = kDefaultMaxConnections;
    int m_refused = 0;
};

} // namespace ordinal::net
