#pragma once

#include "api/types.h"
#include "dns/clusterdns.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace ordinal::core {

// Where a lookup is made from: a Pod (its namespace, hostname, subdomain and IP shape its
// resolv.conf and /etc/hosts), or — with no pod name — the console's anonymous
// "busybox:1.28 pod in the current namespace", which has no /etc/hosts entry of its own.
struct PodDnsContext
{
    QString namespaceName = QStringLiteral("default");
    QString podName;   // empty: no particular pod
    QString hostname;  // pod.spec.hostname, or the pod name when unset
    QString subdomain; // pod.spec.subdomain
    QString podIP;

    bool hasPod() const { return !podName.isEmpty(); }
    static PodDnsContext forPod(const Pod &pod);
    static PodDnsContext forNamespace(const QString &namespaceName);
};

// The resolver inside a pod with dnsPolicy ClusterFirst (dns.md §2): the files kubelet writes
// (/etc/resolv.conf, /etc/hosts) and the search-list rules of the C libraries and BIND tools.
// Pure functions over a ClusterDns snapshot; names outside the served zones count as an
// upstream NXDOMAIN, as an offline cluster would see them.
class PodResolver
{
    Q_DECLARE_TR_FUNCTIONS(ordinal::core::PodResolver)

public:
    enum class Library {
        UClibc, // busybox:1.28 (as-is first, then the search list; NODATA stops)
        Glibc,  // ndots rule; NXDOMAIN and NODATA advance
        Musl,   // ndots rule; only NXDOMAIN advances
        Bind,   // nslookup, host, dig +search: ndots rule; only NXDOMAIN advances
    };

    static constexpr int kNdots = 5; // kubelet's defaultDNSOptions

    // <ns>.svc.<zone> svc.<zone> <zone>
    static QStringList searchDomains(const QString &namespaceName, const QString &zone);
    // /etc/resolv.conf as the runtime writes it for ClusterFirst: search, nameserver, options.
    static QString resolvConf(const PodDnsContext &context, const QString &zone,
                              const QString &nameserver);
    static QString resolvConf(const PodDnsContext &context, const ClusterDns &dns);
    // /etc/hosts as kubelet's managedHostsFileContent writes it.
    static QString hostsFile(const PodDnsContext &context, const QString &zone);

    // Absolute candidate names ("web-0.nginx.default.svc.cluster.local.") in the order the
    // library tries them for `name`, before any answer stops the walk.
    static QStringList candidates(const QString &name, const QStringList &searchDomains,
                                  Library library, int ndots = kNdots);

    struct Attempt
    {
        QString name; // absolute
        DnsResponse response;
    };
    struct Result
    {
        bool found = false;
        QString answeredName;     // the candidate that answered (absolute), when found
        DnsResponse response;     // the last response seen
        QList<Attempt> attempts;  // every query sent, in order
        // Addresses from /etc/hosts when the name was found there (no DNS query then).
        QList<QByteArray> hostsAddresses;
        QString why;              // when not found: the explanation of the most telling answer
    };
    // Runs the search-list walk of `library` for qtype, consulting the pod's /etc/hosts first
    // for address lookups (files before dns, as nsswitch has it).
    static Result lookup(const ClusterDns &dns, const PodDnsContext &context,
                         const QString &name, quint16 qtype, Library library);

    // The name /etc/hosts gives for an address (first name on its line), or empty.
    static QString hostsNameFor(const PodDnsContext &context, const QString &zone,
                                const QByteArray &address);
    // Addresses /etc/hosts gives for a name (case-insensitive), in file order.
    static QList<QByteArray> hostsAddressesFor(const PodDnsContext &context, const QString &zone,
                                               const QString &name);
};

} // namespace ordinal::core
