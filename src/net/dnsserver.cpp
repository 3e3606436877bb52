#include "dnsserver.h"

#include <QMetaMethod>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUdpSocket>

#include <algorithm>

#include <sys/resource.h>

#ifdef Q_OS_LINUX
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace ordinal::net {

using core::ClusterDns;

namespace {

constexpr int kMaxCacheEntries = 4096;
constexpr int kMaxTcpBuffer = 2 * 65537; // two maximal framed queries

} // namespace

DnsServer::DnsServer(QObject *parent)
    : QObject(parent)
{
    setMaxTcpConnections(kDefaultMaxTcpConnections);
}

void DnsServer::setMaxTcpConnections(int count)
{
    // Keep half the descriptors for everything else the process opens.
    rlimit limit {};
    int ceiling = count;
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
        ceiling = int(std::min<rlim_t>(rlim_t(count), limit.rlim_cur / 2));
    m_maxTcp = std::max(1, ceiling);
}

DnsServer::~DnsServer() = default;

void DnsServer::setZone(std::shared_ptr<const ClusterDns> zone)
{
    m_zone = std::move(zone);
    m_cache[0].clear();
    m_cache[1].clear();
}

bool DnsServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    close();
    auto *udp = new QUdpSocket(this);
    auto *tcp = new QTcpServer(this);
    // Bind UDP first; with port 0 the TCP server takes the same number. A few attempts cover
    // the rare case where that TCP port is already taken.
    for (int attempt = 0; attempt < 16; ++attempt) {
        if (!udp->bind(address, port)) {
            if (error)
                *error = tr("cannot bind UDP %1 port %2: %3")
                             .arg(address.toString())
                             .arg(port)
                             .arg(udp->errorString());
            delete udp;
            delete tcp;
            return false;
        }
        if (tcp->listen(address, udp->localPort()))
            break;
        if (port != 0 || attempt == 15) {
            if (error)
                *error = tr("cannot listen on TCP %1 port %2: %3")
                             .arg(address.toString())
                             .arg(udp->localPort())
                             .arg(tcp->errorString());
            delete udp;
            delete tcp;
            return false;
        }
        udp->close();
    }
    m_udp = udp;
    m_tcp = tcp;
    m_address = address;
    m_port = udp->localPort();
#ifdef Q_OS_LINUX
    // Serve the bound socket directly: a duplicate descriptor with its own notifier, while the
    // QUdpSocket (whose notifier would compete for the same descriptor) is closed.
    m_udpFd = ::fcntl(int(m_udp->socketDescriptor()), F_DUPFD_CLOEXEC, 0);
    if (m_udpFd >= 0) {
        ::fcntl(m_udpFd, F_SETFL, ::fcntl(m_udpFd, F_GETFL) | O_NONBLOCK);
        m_udp->close();
        m_udpNotifier = new QSocketNotifier(m_udpFd, QSocketNotifier::Read, this);
        connect(m_udpNotifier, &QSocketNotifier::activated, this, &DnsServer::readUdpBatched);
    } else {
        connect(m_udp, &QUdpSocket::readyRead, this, &DnsServer::readUdp);
    }
#else
    connect(m_udp, &QUdpSocket::readyRead, this, &DnsServer::readUdp);
#endif
    // One connection at a time, so that the cap below is exact: QTcpServer would otherwise
    // accept a whole batch (30) before it tells us.
    m_tcp->setMaxPendingConnections(1);
    connect(m_tcp, &QTcpServer::newConnection, this, &DnsServer::acceptTcp);
    connect(m_tcp, &QTcpServer::acceptError, this, &DnsServer::acceptFailed);
    m_acceptPaused = false;
    return true;
}

void DnsServer::close()
{
    delete m_udpNotifier;
    m_udpNotifier = nullptr;
#ifdef Q_OS_LINUX
    if (m_udpFd >= 0)
        ::close(m_udpFd);
#endif
    m_udpFd = -1;
    delete m_udp;
    m_udp = nullptr;
    delete m_tcp; // deletes its pending sockets; accepted ones are children of this
    m_tcp = nullptr;
    for (auto it = m_buffers.cbegin(); it != m_buffers.cend(); ++it)
        it.key()->deleteLater();
    m_buffers.clear();
    m_port = 0;
}

bool DnsServer::isListening() const
{
    return (m_udpFd >= 0 || m_udp) && m_tcp && m_tcp->isListening();
}

QByteArray DnsServer::reply(const QByteArray &query, int transport)
{
    if (query.size() < 12)
        return {};
    if (!m_zone) {
        // No zone yet: SERVFAIL, as CoreDNS before its API cache has synced.
        if (uchar(query.at(2)) & 0x80)
            return {};
        QByteArray out = query.left(12);
        out[2] = char((uchar(query.at(2)) & 0x79) | 0x80);
        out[3] = char(2);
        for (int i = 4; i < 12; ++i)
            out[i] = 0;
        return out;
    }
    QByteArray copy = query;
    const QByteArray *cached = cachedAnswer(copy.data(), int(copy.size()), transport);
    if (!cached)
        return {};
    QByteArray answer = *cached;
    if (answer.size() >= 2) {
        answer[0] = query.at(0);
        answer[1] = query.at(1);
    }
    return answer;
}

void DnsServer::report(const QByteArray &query, const QByteArray &answer, int transport)
{
    ++m_answered;
    if (!m_reportQueries)
        return;
    const std::optional<core::DnsMessage> q = core::DnsMessage::parse(query);
    if (!q) {
        Q_EMIT malformedQuery(QHostAddress(), int(query.size()));
        return;
    }
    const int rcode = answer.size() >= 4 ? (uchar(answer.at(3)) & 0xf) : -1;
    if (q->questions.isEmpty())
        Q_EMIT queryAnswered(QString(), 0, rcode, transport);
    else
        Q_EMIT queryAnswered(q->questions.first().name, q->questions.first().type, rcode, transport);
}

void DnsServer::readUdp()
{
    m_reportQueries = isSignalConnected(QMetaMethod::fromSignal(&DnsServer::queryAnswered))
        || isSignalConnected(QMetaMethod::fromSignal(&DnsServer::malformedQuery));
    QByteArray buffer(65536, Qt::Uninitialized);
    QHostAddress peer;
    quint16 peerPort = 0;
    while (m_udp && m_udp->hasPendingDatagrams()) {
        const qint64 size = m_udp->readDatagram(buffer.data(), buffer.size(), &peer, &peerPort);
        if (size < 0)
            break;
        const QByteArray query(buffer.constData(), size);
        const QByteArray answer = reply(query, ClusterDns::Udp);
        if (!answer.isEmpty())
            m_udp->writeDatagram(answer, peer, peerPort);
        report(query, answer, ClusterDns::Udp);
    }
}

void DnsServer::readUdpBatched()
{
#ifdef Q_OS_LINUX
    m_reportQueries = isSignalConnected(QMetaMethod::fromSignal(&DnsServer::queryAnswered))
        || isSignalConnected(QMetaMethod::fromSignal(&DnsServer::malformedQuery));
    constexpr int kBatch = 64;
    constexpr int kQuerySize = 4096; // larger UDP queries are cut (MSG_TRUNC) and dropped
    struct Batch
    {
        char in[kBatch][kQuerySize];
        sockaddr_storage peers[kBatch];
    };
    static_assert(sizeof(Batch) < 512 * 1024);
    if (!m_batch)
        m_batch.reset(new char[sizeof(Batch)]);
    auto *batch = reinterpret_cast<Batch *>(m_batch.get());
    QByteArray replies[kBatch]; // shared with the cache: no copies
    for (int round = 0; round < 64; ++round) { // bounded, so TCP clients get their turn
        mmsghdr in[kBatch] = {};
        iovec inVec[kBatch];
        for (int i = 0; i < kBatch; ++i) {
            inVec[i] = {batch->in[i], kQuerySize};
            in[i].msg_hdr.msg_iov = &inVec[i];
            in[i].msg_hdr.msg_iovlen = 1;
            in[i].msg_hdr.msg_name = &batch->peers[i];
            in[i].msg_hdr.msg_namelen = sizeof(sockaddr_storage);
        }
        const int received = ::recvmmsg(m_udpFd, in, kBatch, MSG_DONTWAIT, nullptr);
        if (received <= 0)
            return;
        mmsghdr out[kBatch] = {};
        iovec outVec[kBatch][2];
        int toSend = 0;
        for (int i = 0; i < received; ++i) {
            replies[i].clear();
            if (in[i].msg_hdr.msg_flags & MSG_TRUNC)
                continue;
            char *query = batch->in[i];
            const int size = int(in[i].msg_len);
            if (size < 12 || !m_zone) {
                replies[i] = reply(QByteArray(query, size), ClusterDns::Udp);
            } else if (const QByteArray *answer = cachedAnswer(query, size, ClusterDns::Udp)) {
                replies[i] = *answer;
                // The reply goes out as the query's id followed by the cached bytes after it.
                outVec[toSend][0] = {query, 2};
                outVec[toSend][1] = {const_cast<char *>(replies[i].constData()) + 2,
                                     size_t(replies[i].size() - 2)};
                out[toSend].msg_hdr.msg_iov = outVec[toSend];
                out[toSend].msg_hdr.msg_iovlen = 2;
                out[toSend].msg_hdr.msg_name = &batch->peers[i];
                out[toSend].msg_hdr.msg_namelen = in[i].msg_hdr.msg_namelen;
                ++toSend;
                continue;
            }
            if (replies[i].isEmpty())
                continue;
            outVec[toSend][0] = {replies[i].data(), size_t(replies[i].size())};
            out[toSend].msg_hdr.msg_iov = outVec[toSend];
            out[toSend].msg_hdr.msg_iovlen = 1;
            out[toSend].msg_hdr.msg_name = &batch->peers[i];
            out[toSend].msg_hdr.msg_namelen = in[i].msg_hdr.msg_namelen;
            ++toSend;
        }
        for (int sent = 0; sent < toSend;) {
            const int n = ::sendmmsg(m_udpFd, out + sent, unsigned(toSend - sent), MSG_DONTWAIT);
            if (n <= 0)
                break; // socket buffer full: drop the rest, as a loaded server does
            sent += n;
        }
        if (m_reportQueries) {
            for (int i = 0; i < received; ++i) {
                report(QByteArray(batch->in[i], int(in[i].msg_len)), replies[i], ClusterDns::Udp);
            }
        } else {
            m_answered += received;
        }
        if (received < kBatch)
            return;
    }
#endif
}

const QByteArray *DnsServer::cachedAnswer(char *query, int size, int transport)
{
    // Look the question up with the id zeroed, in place and without copying the packet.
    const char id0 = query[0], id1 = query[1];
    query[0] = query[1] = 0;
    QHash<QByteArray, QByteArray> &cache = m_cache[transport == ClusterDns::Tcp ? 1 : 0];
    auto it = cache.constFind(QByteArray::fromRawData(query, size));
    if (it == cache.cend()) {
        const QByteArray key(query, size); // deep copy for the cache
        QByteArray answer = m_zone->answerWire(key, transport);
        if (cache.size() >= kMaxCacheEntries)
            cache.clear();
        it = cache.insert(key, answer);
    }
    query[0] = id0;
    query[1] = id1;
    return it.value().isEmpty() ? nullptr : &it.value();
}

void DnsServer::acceptTcp()
{
    // At the cap a connection stays pending in QTcpServer (which then stops reading the
    // listening socket), and the next ones wait in the kernel's backlog.
    while (m_tcp && m_tcp->hasPendingConnections() && m_buffers.size() < m_maxTcp) {
        QTcpSocket *socket = m_tcp->nextPendingConnection();
        socket->setParent(this);
        m_buffers.insert(socket, QByteArray());
        auto *idle = new QTimer(socket);
        idle->setSingleShot(true);
        idle->setInterval(m_tcpIdleTimeout);
        idle->start();
        connect(idle, &QTimer::timeout, socket, [socket] { socket->abort(); });
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, idle] {
            idle->start();
            readTcp(socket);
        });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] { tcpClosed(socket); });
    }
}

void DnsServer::tcpClosed(QTcpSocket *socket)
{
    if (m_buffers.remove(socket) == 0)
        return;
    socket->deleteLater();
    acceptTcp(); // one that waited at the cap
}

void DnsServer::acceptFailed()
{
    // QTcpServer has paused accepting (typically no descriptor left, EMFILE). Try again in a
    // second rather than at once: retrying in a loop would spin on the same error.
    if (!m_tcp || m_acceptPaused)
        return;
    m_acceptPaused = true;
    QTimer::singleShot(1000, this, [this] {
        m_acceptPaused = false;
        if (m_tcp)
            m_tcp->resumeAccepting();
    });
}

void DnsServer::readTcp(QTcpSocket *socket)
{
    m_reportQueries = isSignalConnected(QMetaMethod::fromSignal(&DnsServer::queryAnswered))
        || isSignalConnected(QMetaMethod::fromSignal(&DnsServer::malformedQuery));
    auto it = m_buffers.find(socket);
    if (it == m_buffers.end())
        return;
    it.value().append(socket->readAll());
    const QList<QByteArray> queries = core::dnsTcpUnframe(&it.value());
    if (it.value().size() > kMaxTcpBuffer) {
        socket->abort();
        return;
    }
    for (const QByteArray &query : queries) {
        const QByteArray answer = reply(query, ClusterDns::Tcp);
        if (answer.isEmpty()) {
            // Nothing sensible to say on a stream: close it, as servers do on garbage.
            Q_EMIT malformedQuery(socket->peerAddress(), int(query.size()));
            socket->disconnectFromHost();
            return;
        }
        socket->write(core::dnsTcpFrame(answer));
        report(query, answer, ClusterDns::Tcp);
    }
}

} // namespace ordinal::net
