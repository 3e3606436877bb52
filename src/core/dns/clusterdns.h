#pragma once

#include "api/types.h"
#include "dns/dnsmessage.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <memory>

namespace ordinal::core {

class Store;
struct ClusterConfig;

// A structured answer from the cluster zone: what CoreDNS would put in the reply, plus a
// plain-language, translated explanation of a negative answer ("web-2 is not Ready, so its
// record is not published").
struct DnsResponse
{
    DnsRcode rcode = DnsRcode::NoError;
    bool authoritative = true;
    QList<DnsRecord> answer;
    QList<DnsRecord> authority;
    QList<DnsRecord> additional;
    QString why; // set for NXDOMAIN, NODATA and REFUSED

    bool isNxDomain() const { return rcode == DnsRcode::NxDomain; }
    // NOERROR with an empty answer section.
    bool isNoData() const { return rcode == DnsRcode::NoError && answer.isEmpty(); }
    // A/AAAA answers (after any CNAME), in answer order.
    QList<QByteArray> addresses() const;
};

// The cluster DNS zone at one moment: an immutable, indexed snapshot of the Services and
// Endpoints of a Store, answering as CoreDNS's kubernetes plugin does in a kubeadm cluster
// (dns.md §1: zone <clusterDomain> plus in-addr.arpa and ip6.arpa, `pods insecure`, TTL 30, no
// forwarding). Lookups go through hash indexes; everything that reaches an answer is ordered
// (Services by namespace/name, endpoints in the order of their Endpoints object), so the same
// store always yields byte-identical replies. Thread-safe: all methods are const.
class ClusterDns
{
    Q_DECLARE_TR_FUNCTIONS(ordinal::core::ClusterDns)

public:
    enum Transport { Udp = 0, Tcp = 1 };

    static constexpr quint32 kTtl = 30;              // kubeadm's `ttl 30`
    static constexpr quint32 kDnsVersionTtl = 28800; // hard-coded in CoreDNS
    // SOA serials count seconds from this fixed epoch (2026-01-01T00:00:00Z) plus virtual time.
    static constexpr quint32 kSerialEpoch = 1767225600;

    // Snapshots the zone. `now` is the virtual time of the snapshot; the SOA serial is derived
    // from it, except that when `previous` is given and the zone content is unchanged its serial
    // is kept — so the serial is the time of the last Service/Endpoints change, as in CoreDNS.
    static std::shared_ptr<const ClusterDns> build(const Store &store, const ClusterConfig &config,
                                                   Millis now,
                                                   const ClusterDns *previous = nullptr);

    // Answers one question. qname is in presentation form, with or without the trailing dot;
    // its case is preserved in the answer owner names.
    DnsResponse resolve(const QString &qname, quint16 qtype) const;

    // Answers a query packet: the reply bytes, or an empty array when the packet must be
    // dropped (shorter than a header, or itself a response). Malformed queries get FORMERR.
    // UDP replies that exceed the client's size (512 without EDNS) are truncated with TC set.
    QByteArray answerWire(const QByteArray &query, int transport) const;
    // The same for an already parsed query.
    DnsMessage answer(const DnsMessage &query, int transport) const;

    QString zone() const { return m_zone; }             // "cluster.local"
    QString dnsServiceIP() const { return m_dnsServiceIP; }
    quint32 serial() const { return m_serial; }
    Millis builtAt() const { return m_builtAt; }
    // True for names the server answers authoritatively (the cluster zone, the reverse zones).
    bool isServedName(const QString &name) const;
    // The SOA record of the zone that holds name (cluster zone or a reverse zone).
    DnsRecord soaFor(const QString &lowerName) const;

private:
    struct Port
    {
        QString name;     // as written
        QString protocol; // TCP, UDP, SCTP
        int port = 0;
        bool operator==(const Port &) const = default;
    };
    struct Endpoint
    {
        QByteArray address;
        QString label;    // lower-case: hostname, or the dashed IP
        QString hostname; // as in the Endpoints object
        QString podName;
        bool operator==(const Endpoint &) const = default;
    };
    enum class Kind { ClusterIP, Headless, ExternalName };
    struct ServiceEntry
    {
        QString name;
        QString namespaceName;
        Kind kind = Kind::ClusterIP;
        QList<QByteArray> clusterIPs;
        QString externalName;
        QList<Port> servicePorts;
        QList<Port> endpointPorts;
        QList<Endpoint> ready;
        QList<Endpoint> notReady;
        bool hasSelector = false;
        bool hasEndpoints = false;
        bool publishNotReady = false;
        QMap<QString, QString> selector;
        QString fqdn; // "nginx.default.svc.cluster.local."
        bool operator==(const ServiceEntry &) const = default;
    };
    struct PodInfo
    {
        QString name;
        QString ip;
        QString hostname;
        QString subdomain;
        QMap<QString, QString> labels;
        bool ready = false;
        bool terminating = false;
        bool terminal = false;
    };
    struct SetInfo
    {
        QString name;
        QString namespaceName;
        QString serviceName;
        QMap<QString, QString> labels;
    };
    struct PtrTarget
    {
        QString name;
    };

    ClusterDns() = default;

    DnsResponse resolveName(const QString &owner, const QString &lower, quint16 qtype,
                            int depth) const;
    DnsResponse resolveCluster(const QString &owner, const QStringList &labels, quint16 qtype,
                               int depth) const;
    DnsResponse resolveService(const QString &owner, const ServiceEntry &svc, quint16 qtype,
                               int depth) const;
    DnsResponse resolveEndpoint(const QString &owner, const ServiceEntry &svc,
                                const QString &label, quint16 qtype) const;
    DnsResponse resolveSrv(const QString &owner, const ServiceEntry &svc, const QString &port,
                           const QString &proto, quint16 qtype) const;
    DnsResponse resolveReverse(const QString &owner, const QString &lower, quint16 qtype) const;
    DnsResponse negative(DnsRcode rcode, const QString &lowerName, const QString &why) const;
    DnsResponse noData(const QString &owner, quint16 qtype, const QString &lowerName) const;

    const ServiceEntry *findService(const QString &ns, const QString &name) const;
    QString whyNoService(const QString &ns, const QString &name) const;
    QString whyNoEndpoint(const ServiceEntry &svc, const QString &label) const;
    QString whyNoReadyEndpoints(const ServiceEntry &svc) const;
    QString endpointFqdn(const ServiceEntry &svc, const Endpoint &ep) const;
    bool sameContent(const ClusterDns &other) const;

    QString m_zone;      // lower case, no trailing dot
    QString m_zoneDot;   // "cluster.local."
    QString m_dnsServiceIP;
    quint32 m_serial = kSerialEpoch;
    Millis m_builtAt = 0;
    QList<ServiceEntry> m_services;      // ordered by namespace/name
    QHash<QString, int> m_serviceIndex;  // "ns/name" lower case -> index into m_services
    QSet<QString> m_namespaces;          // lower case
    QHash<QByteArray, QList<QString>> m_reverse; // address -> PTR targets, in service order
    QHash<QString, PodInfo> m_pods;      // "ns/name" -> pod, for explanations only
    QList<SetInfo> m_sets;               // for explanations only
};

} // namespace ordinal::core
