#pragma once

#include "dns/clusterdns.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>

#include <memory>

class QSocketNotifier;
class QTcpServer;
class QTcpSocket;
class QUdpSocket;

namespace ordinal::net {

// A DNS server for the simulated cluster: UDP and TCP on one address and port (loopback by
// default), answering every query from the current ClusterDns snapshot, never forwarding.
// Replies are cached per snapshot, keyed by the query bytes after the id (bounded; dropped on
// setZone), so repeated questions cost a hash lookup. Malformed packets get FORMERR or are
// dropped; nothing a client sends can crash it or make it send more than the client's size.
// On Linux the UDP socket that QUdpSocket bound is served in batches (recvmmsg/sendmmsg) from
// its own notifier — the per-datagram cost of the Qt path is what limits a DNS server's rate.
class DnsServer : public QObject
{
    Q_OBJECT

public:
    explicit DnsServer(QObject *parent = nullptr);
    ~DnsServer() override;

    // Replaces the zone that answers; takes effect for the next query. Null: answer SERVFAIL.
    void setZone(std::shared_ptr<const core::ClusterDns> zone);
    std::shared_ptr<const core::ClusterDns> zone() const { return m_zone; }

    // Binds UDP and TCP on address:port (port 0 picks a free port, the same one for both).
    // On failure returns false and sets *error to a translated message.
    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0,
                QString *error = nullptr);
    void close();
    bool isListening() const;
    quint16 port() const { return m_port; }
    QHostAddress address() const { return m_address; }

    // The reply to one query packet, as the server would send it (empty: dropped).
    QByteArray reply(const QByteArray &query, int transport);

    qint64 queriesAnswered() const { return m_answered; }

    // TCP limits (RFC 7766 §6.2). A connection that sends nothing for the idle timeout is
    // closed (default 10 s, as CoreDNS). At most maxTcpConnections are open at once (default
    // 256, and never more than half the process's descriptor limit): beyond it one more waits
    // accepted but unread and the rest wait in the kernel's backlog, instead of using up
    // descriptors, until a connection closes. When accepting fails (no descriptors left), accepting
    // pauses for a second instead of retrying in a loop.
    void setTcpIdleTimeout(int milliseconds) { m_tcpIdleTimeout = milliseconds; }
    int tcpIdleTimeout() const { return m_tcpIdleTimeout; }
    void setMaxTcpConnections(int count);
    int maxTcpConnections() const { return m_maxTcp; }
    int tcpConnections() const { return int(m_buffers.size()); }
    static constexpr int kDefaultTcpIdleTimeout = 10000;
    static constexpr int kDefaultMaxTcpConnections = 256;

Q_SIGNALS:
    // A query was answered (transport: core::ClusterDns::Udp or Tcp; rcode of the reply).
    void queryAnswered(const QString &qname, quint16 qtype, int rcode, int transport);
    // A packet could not be parsed; it was answered with FORMERR or dropped.
    void malformedQuery(const QHostAddress &peer, int size);

private:
    void readUdp();
    void readUdpBatched();
    // The cached reply (id zeroed) to a query of at least 12 bytes; null when it is dropped.
    const QByteArray *cachedAnswer(char *query, int size, int transport);
    void acceptTcp();
    void tcpClosed(QTcpSocket *socket);
    void acceptFailed();
    void readTcp(QTcpSocket *socket);
    void report(const QByteArray &query, const QByteArray &answer, int transport);

    std::shared_ptr<const core::ClusterDns> m_zone;
    QUdpSocket *m_udp = nullptr;
    QSocketNotifier *m_udpNotifier = nullptr; // Linux batch path
    int m_udpFd = -1;
    std::unique_ptr<char[]> m_batch; // receive buffers of the batch path, allocated on first use
    QTcpServer *m_tcp = nullptr;
    QHostAddress m_address;
    quint16 m_port = 0;
    qint64 m_answered = 0;
    QHash<QByteArray, QByteArray> m_cache[2]; // per transport
    QHash<QTcpSocket *, QByteArray> m_buffers;
    int m_tcpIdleTimeout = kDefaultTcpIdleTimeout;
    int m_maxTcp = kDefaultMaxTcpConnections;
    bool m_acceptPaused = false;
    bool m_reportQueries = false;
};

} // namespace ordinal::net
