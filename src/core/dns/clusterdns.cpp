#include "dns/clusterdns.h"

#include "cluster/clusterconfig.h"
#include "cluster/store.h"

#include <algorithm>

namespace ordinal::core {

namespace {

constexpr int kMaxChase = 8;

QString lowerKey(const QString &ns, const QString &name)
{
    return dnsLower(ns) + QLatin1Char('/') + dnsLower(name);
}

// CoreDNS endpointHostname: the endpoint's hostname, else its IP with '.' and ':' as '-'
// (a trailing '-' of an IPv6 address gets a '0').
QString endpointLabel(const EndpointAddress &address)
{
    if (!address.hostname.isEmpty())
        return dnsLower(address.hostname);
    QString label = address.ip;
    label.replace(QLatin1Char('.'), QLatin1Char('-'));
    label.replace(QLatin1Char(':'), QLatin1Char('-'));
    if (label.endsWith(QLatin1Char('-')))
        label += QLatin1Char('0');
    if (label.startsWith(QLatin1Char('-')))
        label.prepend(QLatin1Char('0'));
    return dnsLower(label);
}

// The `pods insecure` label: "10-244-1-7" or "fd00--1".
QByteArray dashedAddress(const QString &label)
{
    if (label.count(QLatin1Char('-')) == 3) {
        QString dotted = label;
        dotted.replace(QLatin1Char('-'), QLatin1Char('.'));
        const QByteArray v4 = dnsParseAddress(dotted);
        if (!v4.isEmpty())
            return v4;
    }
    QString colons = label;
    colons.replace(QLatin1Char('-'), QLatin1Char(':'));
    if (!colons.contains(QLatin1Char(':')))
        return {};
    const QByteArray v6 = dnsParseAddress(colons);
    return v6.size() == 16 ? v6 : QByteArray();
}

// "7.1.244.10.in-addr.arpa" / nibble ip6.arpa -> address bytes; empty when not a full address.
QByteArray reverseAddress(const QString &lower)
{
    if (lower.endsWith(QLatin1String(".in-addr.arpa"))) {
        const QStringList parts = lower.chopped(13).split(QLatin1Char('.'));
        if (parts.size() != 4)
            return {};
        return dnsParseAddress(parts.at(3) + QLatin1Char('.') + parts.at(2) + QLatin1Char('.')
                               + parts.at(1) + QLatin1Char('.') + parts.at(0));
    }
    if (lower.endsWith(QLatin1String(".ip6.arpa"))) {
        const QStringList nibbles = lower.chopped(9).split(QLatin1Char('.'));
        if (nibbles.size() != 32)
            return {};
        QByteArray out(16, '\0');
        for (int i = 0; i < 32; ++i) {
            const QString &n = nibbles.at(31 - i);
            bool ok = false;
            const int v = n.toInt(&ok, 16);
            if (n.size() != 1 || !ok)
                return {};
            out[i / 2] = char(uchar(out.at(i / 2)) | (i % 2 == 0 ? v << 4 : v));
        }
        return out;
    }
    return {};
}

bool isReverseZoneName(const QString &lower)
{
    return lower == QLatin1String("in-addr.arpa") || lower.endsWith(QLatin1String(".in-addr.arpa"))
        || lower == QLatin1String("ip6.arpa") || lower.endsWith(QLatin1String(".ip6.arpa"));
}

QString stripDot(const QString &name)
{
    return name.endsWith(QLatin1Char('.')) && name.size() > 1 ? name.chopped(1) : name;
}

} // namespace

QList<QByteArray> DnsResponse::addresses() const
{
    QList<QByteArray> out;
    for (const DnsRecord &rr : answer) {
        if (rr.type == DnsType::A || rr.type == DnsType::AAAA)
            out.append(rr.address);
    }
    return out;
}

std::shared_ptr<const ClusterDns> ClusterDns::build(const Store &store,
                                                    const ClusterConfig &config, Millis now,
                                                    const ClusterDns *previous)
{
    std::shared_ptr<ClusterDns> dns(new ClusterDns);
    dns->m_zone = stripDot(dnsLower(config.clusterDomain));
    dns->m_zoneDot = dns->m_zone + QLatin1Char('.');
    dns->m_dnsServiceIP = config.dnsServiceIP;
    dns->m_builtAt = now;

    for (const Namespace &ns : store.all<Namespace>())
        dns->m_namespaces.insert(dnsLower(ns.metadata.name));

    // Services in key order (the Store's QMap is sorted by "namespace/name").
    for (const Service &service : store.all<Service>()) {
        if (service.metadata.isTerminating())
            continue;
        ServiceEntry e;
        e.name = service.metadata.name;
        e.namespaceName = service.metadata.namespaceName;
        e.fqdn = dnsLower(e.name) + QLatin1Char('.') + dnsLower(e.namespaceName)
            + QStringLiteral(".svc.") + dns->m_zoneDot;
        e.selector = service.spec.selector;
        e.hasSelector = !service.spec.selector.isEmpty();
        e.publishNotReady = service.spec.publishNotReadyAddresses;
        if (service.spec.type == QLatin1String("ExternalName")) {
            e.kind = Kind::ExternalName;
            e.externalName = service.spec.externalName;
        } else if (service.isHeadless()) {
            e.kind = Kind::Headless;
        } else {
            e.kind = Kind::ClusterIP;
            const QByteArray vip = dnsParseAddress(service.spec.clusterIP);
            if (!vip.isEmpty())
                e.clusterIPs.append(vip);
        }
        for (const ServicePort &p : service.spec.ports)
            e.servicePorts.append(Port{p.name, p.protocol.toUpper(), p.port});
        if (const Endpoints *eps = store.find<Endpoints>(service.metadata.namespaceName,
                                                         service.metadata.name)) {
            e.hasEndpoints = true;
            for (const EndpointPort &p : eps->ports)
                e.endpointPorts.append(Port{p.name, p.protocol.toUpper(), p.port});
            QSet<QPair<QString, QByteArray>> seen; // CoreDNS collapses duplicates across slices
            for (const EndpointAddress &a : eps->addresses) {
                const QByteArray address = dnsParseAddress(a.ip);
                if (address.isEmpty())
                    continue;
                Endpoint ep{address, endpointLabel(a), a.hostname, a.podName};
                if (seen.contains({ep.label, address}))
                    continue;
                seen.insert({ep.label, address});
                e.ready.append(ep);
            }
            for (const EndpointAddress &a : eps->notReadyAddresses) {
                e.notReady.append(
                    Endpoint{dnsParseAddress(a.ip), endpointLabel(a), a.hostname, a.podName});
            }
        }
        dns->m_namespaces.insert(dnsLower(e.namespaceName));
        dns->m_serviceIndex.insert(lowerKey(e.namespaceName, e.name),
                                   int(dns->m_services.size()));
        dns->m_services.append(e);
    }

    // Reverse index: a Service VIP maps to the Service alone (first match); otherwise every
    // ready endpoint with the address, one PTR per Service (reverse.go).
    for (const ServiceEntry &e : std::as_const(dns->m_services)) {
        for (const QByteArray &vip : e.clusterIPs) {
            auto &targets = dns->m_reverse[QByteArray(1, 'S') + vip];
            if (targets.isEmpty())
                targets.append(e.fqdn);
        }
    }
    for (const ServiceEntry &e : std::as_const(dns->m_services)) {
        if (e.kind == Kind::ExternalName)
            continue;
        for (const Endpoint &ep : e.ready) {
            auto &targets = dns->m_reverse[QByteArray(1, 'E') + ep.address];
            const QString name = dns->endpointFqdn(e, ep);
            if (!targets.contains(name))
                targets.append(name);
        }
    }

    // Pods and StatefulSets, only to explain negative answers.
    for (const Pod &pod : store.all<Pod>()) {
        PodInfo info;
        info.name = pod.metadata.name;
        info.ip = pod.status.podIP;
        info.hostname = pod.spec.hostname;
        info.subdomain = pod.spec.subdomain;
        info.labels = pod.metadata.labels;
        info.ready = pod.isReady();
        info.terminating = pod.metadata.isTerminating();
        info.terminal = pod.isTerminal();
        dns->m_pods.insert(lowerKey(pod.metadata.namespaceName, pod.metadata.name), info);
    }
    for (const StatefulSet &set : store.all<StatefulSet>()) {
        dns->m_sets.append(SetInfo{set.metadata.name, set.metadata.namespaceName,
                                   set.spec.serviceName, set.spec.podTemplate.metadata.labels});
    }

    const qint64 seconds = std::max<qint64>(0, now / 1000);
    dns->m_serial = quint32(kSerialEpoch + quint64(seconds));
    if (previous && dns->sameContent(*previous))
        dns->m_serial = previous->m_serial;
    return dns;
}

bool ClusterDns::sameContent(const ClusterDns &other) const
{
    return m_zone == other.m_zone && m_dnsServiceIP == other.m_dnsServiceIP
        && m_namespaces == other.m_namespaces && m_services == other.m_services;
}

QString ClusterDns::endpointFqdn(const ServiceEntry &svc, const Endpoint &ep) const
{
    return ep.label + QLatin1Char('.') + svc.fqdn;
}

bool ClusterDns::isServedName(const QString &name) const
{
    const QString lower = stripDot(dnsLower(name));
    return lower == m_zone || lower.endsWith(QLatin1Char('.') + m_zone)
        || isReverseZoneName(lower);
}

DnsRecord ClusterDns::soaFor(const QString &lowerName) const
{
    QString zone = m_zoneDot;
    if (lowerName == QLatin1String("ip6.arpa") || lowerName.endsWith(QLatin1String(".ip6.arpa"))
        || lowerName == QLatin1String("ip6.arpa."))
        zone = QStringLiteral("ip6.arpa.");
    else if (isReverseZoneName(stripDot(lowerName)))
        zone = QStringLiteral("in-addr.arpa.");
    DnsRecord soa;
    soa.name = zone;
    soa.type = DnsType::SOA;
    soa.ttl = std::min<quint32>(kTtl, 300);
    soa.target = QStringLiteral("ns.dns.") + zone;
    soa.mailbox = QStringLiteral("hostmaster.") + zone;
    soa.serial = m_serial;
    soa.refresh = 7200;
    soa.retry = 1800;
    soa.expire = 86400;
    soa.minimum = kTtl;
    return soa;
}

DnsResponse ClusterDns::negative(DnsRcode rcode, const QString &lowerName,
                                 const QString &why) const
{
    DnsResponse r;
    r.rcode = rcode;
    r.authority.append(soaFor(lowerName));
    r.why = why;
    return r;
}

DnsResponse ClusterDns::noData(const QString &owner, quint16 qtype, const QString &lowerName) const
{
    return negative(DnsRcode::NoError, lowerName,
                    tr("%1 exists, but has no %2 record")
                        .arg(stripDot(owner), DnsType::toString(qtype)));
}

const ClusterDns::ServiceEntry *ClusterDns::findService(const QString &ns,
                                                         const QString &name) const
{
    const auto it = m_serviceIndex.constFind(ns + QLatin1Char('/') + name);
    return it == m_serviceIndex.cend() ? nullptr : &m_services.at(it.value());
}

DnsResponse ClusterDns::resolve(const QString &qname, quint16 qtype) const
{
    const QString owner = dnsAbsolute(qname);
    return resolveName(owner, stripDot(dnsLower(owner)), qtype, 0);
}

DnsResponse ClusterDns::resolveName(const QString &owner, const QString &lower, quint16 qtype,
                                    int depth) const
{
    const bool inZone = lower == m_zone || lower.endsWith(QLatin1Char('.') + m_zone);
    const bool reverse = !inZone && isReverseZoneName(lower);
    if (!inZone && !reverse) {
        DnsResponse r;
        r.rcode = DnsRcode::Refused;
        r.authoritative = false;
        r.why = tr("%1 is outside the cluster zone %2; Ordinal's cluster DNS does not forward "
                   "queries to an upstream resolver")
                    .arg(owner, m_zone);
        return r;
    }
    if (qtype == DnsType::AXFR || qtype == DnsType::IXFR) {
        DnsResponse r;
        r.rcode = DnsRcode::Refused;
        r.authoritative = false;
        r.why = tr("zone transfers are refused (CoreDNS serves them only with the transfer "
                   "plugin, which kubeadm does not configure)");
        return r;
    }
    if (reverse)
        return resolveReverse(owner, lower, qtype);
    QStringList labels;
    if (lower != m_zone)
        labels = lower.left(lower.size() - m_zone.size() - 1).split(QLatin1Char('.'));
    return resolveCluster(owner, labels, qtype, depth);
}

DnsResponse ClusterDns::resolveCluster(const QString &owner, const QStringList &labels,
                                       quint16 qtype, int depth) const
{
    const QString lower = stripDot(dnsLower(owner));
    const int n = int(labels.size());

    // The apex: SOA and NS; every other type is NODATA.
    if (n == 0) {
        DnsResponse r;
        if (qtype == DnsType::SOA) {
            r.answer.append(soaFor(lower));
            return r;
        }
        if (qtype == DnsType::NS) {
            const ServiceEntry *kubeDns = nullptr;
            const QByteArray dnsIp = dnsParseAddress(m_dnsServiceIP);
            for (const ServiceEntry &e : m_services) {
                if (!dnsIp.isEmpty() && e.clusterIPs.contains(dnsIp)) {
                    kubeDns = &e;
                    break;
                }
            }
            const QString target = kubeDns ? kubeDns->fqdn : QStringLiteral("ns.dns.") + m_zoneDot;
            r.answer.append(DnsRecord::makeName(m_zoneDot, DnsType::NS, kTtl, target));
            if (!dnsIp.isEmpty())
                r.additional.append(DnsRecord::makeA(target, kTtl, dnsIp));
            return r;
        }
        return noData(owner, qtype, lower);
    }

    // dns-version.<zone> TXT (schema version of the Kubernetes DNS specification).
    if (n == 1 && labels.at(0) == QLatin1String("dns-version") && qtype == DnsType::TXT) {
        DnsResponse r;
        DnsRecord txt;
        txt.name = owner;
        txt.type = DnsType::TXT;
        txt.ttl = kDnsVersionTtl;
        txt.texts.append(QByteArrayLiteral("1.1.0"));
        r.answer.append(txt);
        return r;
    }

    // CoreDNS answers SOA only at the apex and never checks existence otherwise.
    if (qtype == DnsType::SOA) {
        return negative(DnsRcode::NoError, lower,
                        tr("only the zone apex %1 has an SOA record").arg(m_zone));
    }

    const QString &kind = labels.at(n - 1);
    if (kind != QLatin1String("svc") && kind != QLatin1String("pod")) {
        return negative(DnsRcode::NxDomain, lower,
                        tr("%1 is not a cluster name: below %2, Service names end in .svc.%2 and "
                           "Pod names in .pod.%2")
                            .arg(stripDot(owner), m_zone));
    }
    if (n == 1)
        return noData(owner, qtype, lower);
    const QString &ns = labels.at(n - 2);
    if (!m_namespaces.contains(ns))
        return negative(DnsRcode::NxDomain, lower, tr("there is no namespace %1").arg(ns));
    if (n == 2)
        return noData(owner, qtype, lower);

    if (kind == QLatin1String("pod")) {
        // `pods insecure`: any dashed IP in an existing namespace, without checking a Pod.
        const QByteArray address = n == 3 ? dashedAddress(labels.at(0)) : QByteArray();
        if (address.isEmpty()) {
            return negative(DnsRcode::NxDomain, lower,
                            tr("%1 is not a Pod name: Pod records have the form "
                               "<IP with dashes>.<namespace>.pod.%2, e.g. 10-244-1-7.%3.pod.%2")
                                .arg(stripDot(owner), m_zone, ns));
        }
        const quint16 want = address.size() == 4 ? DnsType::A : DnsType::AAAA;
        if (qtype != want)
            return noData(owner, qtype, lower);
        DnsResponse r;
        r.answer.append(DnsRecord::makeA(owner, kTtl, address));
        return r;
    }

    if (n > 5) {
        return negative(DnsRcode::NxDomain, lower,
                        tr("%1 has too many labels: a Service name is at most "
                           "<endpoint>.<service>.<namespace>.svc.%2 or "
                           "_<port>._<protocol>.<service>.<namespace>.svc.%2")
                            .arg(stripDot(owner), m_zone));
    }
    const QString &serviceName = labels.at(n - 3);
    const ServiceEntry *svc = findService(ns, serviceName);
    if (!svc)
        return negative(DnsRcode::NxDomain, lower, whyNoService(ns, serviceName));
    if (n == 3)
        return resolveService(owner, *svc, qtype, depth);
    if (svc->kind == Kind::ExternalName) {
        return negative(DnsRcode::NxDomain, lower,
                        tr("%1 is an ExternalName Service (an alias for %2); there are no "
                           "names below it")
                            .arg(svc->name, svc->externalName));
    }
    if (n == 4)
        return resolveEndpoint(owner, *svc, labels.at(0), qtype);
    return resolveSrv(owner, *svc, labels.at(0), labels.at(1), qtype);
}

DnsResponse ClusterDns::resolveService(const QString &owner, const ServiceEntry &svc,
                                       quint16 qtype, int depth) const
{
    const QString lower = stripDot(dnsLower(owner));
    DnsResponse r;
    if (svc.kind == Kind::ExternalName) {
        const QString target = dnsAbsolute(svc.externalName);
        if (svc.externalName.isEmpty() || !dnsParseAddress(stripDot(target)).isEmpty()) {
            return negative(DnsRcode::NxDomain, lower,
                            tr("ExternalName Service %1 points at %2, which is not a host name, "
                               "so it has no record")
                                .arg(svc.name, svc.externalName));
        }
        if (qtype != DnsType::CNAME && qtype != DnsType::A && qtype != DnsType::AAAA)
            return noData(owner, qtype, lower);
        r.answer.append(DnsRecord::makeName(owner, DnsType::CNAME, kTtl, target));
        if (qtype == DnsType::CNAME)
            return r;
        // Chase the alias inside the zone; outside it there is no upstream to ask.
        if (depth < kMaxChase && isServedName(target)) {
            const DnsResponse chased =
                resolveName(target, stripDot(dnsLower(target)), qtype, depth + 1);
            if (chased.rcode == DnsRcode::NoError)
                r.answer.append(chased.answer);
        } else if (!isServedName(target)) {
            r.why = tr("%1 is outside the cluster; a real cluster would ask the upstream "
                       "resolver for its address")
                        .arg(stripDot(target));
        }
        return r;
    }

    if (svc.kind == Kind::Headless) {
        if (svc.ready.isEmpty())
            return negative(DnsRcode::NxDomain, lower, whyNoReadyEndpoints(svc));
        if (qtype == DnsType::A || qtype == DnsType::AAAA) {
            const int size = qtype == DnsType::A ? 4 : 16;
            QList<QByteArray> seen;
            for (const Endpoint &ep : svc.ready) {
                if (ep.address.size() != size || seen.contains(ep.address))
                    continue;
                seen.append(ep.address);
                r.answer.append(DnsRecord::makeA(owner, kTtl, ep.address));
            }
            if (r.answer.isEmpty())
                return noData(owner, qtype, lower);
            return r;
        }
        if (qtype == DnsType::SRV)
            return resolveSrv(owner, svc, QString(), QString(), qtype);
        return noData(owner, qtype, lower);
    }

    // ClusterIP (also NodePort, LoadBalancer): the VIP, even with no endpoints.
    if (svc.clusterIPs.isEmpty()) {
        return negative(DnsRcode::NxDomain, lower,
                        tr("Service %1 has no cluster IP yet").arg(svc.name));
    }
    if (qtype == DnsType::A || qtype == DnsType::AAAA) {
        const int size = qtype == DnsType::A ? 4 : 16;
        for (const QByteArray &vip : svc.clusterIPs) {
            if (vip.size() == size)
                r.answer.append(DnsRecord::makeA(owner, kTtl, vip));
        }
        if (r.answer.isEmpty())
            return noData(owner, qtype, lower);
        return r;
    }
    if (qtype == DnsType::SRV)
        return resolveSrv(owner, svc, QString(), QString(), qtype);
    return noData(owner, qtype, lower);
}

DnsResponse ClusterDns::resolveEndpoint(const QString &owner, const ServiceEntry &svc,
                                        const QString &label, quint16 qtype) const
{
    const QString lower = stripDot(dnsLower(owner));
    QList<const Endpoint *> matches;
    for (const Endpoint &ep : svc.ready) {
        if (ep.label == label)
            matches.append(&ep);
    }
    if (matches.isEmpty())
        return negative(DnsRcode::NxDomain, lower, whyNoEndpoint(svc, label));
    DnsResponse r;
    if (qtype == DnsType::A || qtype == DnsType::AAAA) {
        const int size = qtype == DnsType::A ? 4 : 16;
        for (const Endpoint *ep : matches) {
            if (ep->address.size() == size)
                r.answer.append(DnsRecord::makeA(owner, kTtl, ep->address));
        }
        if (r.answer.isEmpty())
            return noData(owner, qtype, lower);
        return r;
    }
    return noData(owner, qtype, lower);
}

DnsResponse ClusterDns::resolveSrv(const QString &owner, const ServiceEntry &svc,
                                   const QString &portLabel, const QString &protoLabel,
                                   quint16 qtype) const
{
    const QString lower = stripDot(dnsLower(owner));
    const bool bare = portLabel.isEmpty() && protoLabel.isEmpty();
    const QString portName = portLabel.startsWith(QLatin1Char('_')) ? portLabel.mid(1) : portLabel;
    const QString proto = protoLabel.startsWith(QLatin1Char('_')) ? protoLabel.mid(1) : protoLabel;
    const auto portMatches = [&](const Port &p) {
        if (p.port <= 0)
            return false;
        if (bare)
            return true;
        return dnsLower(p.name) == portName && dnsLower(p.protocol) == proto;
    };

    if (svc.kind == Kind::Headless && svc.ready.isEmpty())
        return negative(DnsRcode::NxDomain, lower, whyNoReadyEndpoints(svc));

    // Items are (address × port) pairs, as CoreDNS's Services() produces them.
    struct Item
    {
        QString target;
        QByteArray address;
        int port;
    };
    QList<Item> items;
    bool anyPortName = false;
    if (svc.kind == Kind::Headless) {
        for (const Port &p : svc.endpointPorts) {
            if (!portMatches(p))
                continue;
            anyPortName = true;
        }
        for (const Endpoint &ep : svc.ready) {
            for (const Port &p : svc.endpointPorts) {
                if (portMatches(p))
                    items.append(Item{endpointFqdn(svc, ep), ep.address, p.port});
            }
        }
    } else {
        for (const Port &p : svc.servicePorts) {
            if (!portMatches(p))
                continue;
            anyPortName = true;
            for (const QByteArray &vip : svc.clusterIPs)
                items.append(Item{svc.fqdn, vip, p.port});
        }
    }
    if (!bare && !anyPortName) {
        return negative(DnsRcode::NxDomain, lower,
                        tr("Service %1 has no port named %2 with protocol %3")
                            .arg(svc.name, portName, proto.toUpper()));
    }

    DnsResponse r;
    if (qtype == DnsType::A || qtype == DnsType::AAAA) {
        // An address query on an SRV-shaped name answers the addresses behind it.
        const int size = qtype == DnsType::A ? 4 : 16;
        QList<QByteArray> seen;
        for (const Item &item : items) {
            if (item.address.size() != size || seen.contains(item.address))
                continue;
            seen.append(item.address);
            r.answer.append(DnsRecord::makeA(owner, kTtl, item.address));
        }
        if (r.answer.isEmpty())
            return noData(owner, qtype, lower);
        return r;
    }
    if (qtype != DnsType::SRV || items.isEmpty())
        return noData(owner, qtype, lower);

    const quint16 weight = quint16(100 / std::max<qsizetype>(1, items.size()));
    QList<QPair<QString, int>> srvSeen;
    QList<QPair<QString, QByteArray>> extraSeen;
    for (const Item &item : items) {
        if (!srvSeen.contains({item.target, item.port})) {
            srvSeen.append({item.target, item.port});
            DnsRecord srv;
            srv.name = owner;
            srv.type = DnsType::SRV;
            srv.ttl = kTtl;
            srv.priority = 0;
            srv.weight = weight;
            srv.port = quint16(item.port);
            srv.target = item.target;
            r.answer.append(srv);
        }
        if (!extraSeen.contains({item.target, item.address})) {
            extraSeen.append({item.target, item.address});
            r.additional.append(DnsRecord::makeA(item.target, kTtl, item.address));
        }
    }
    return r;
}

DnsResponse ClusterDns::resolveReverse(const QString &owner, const QString &lower,
                                       quint16 qtype) const
{
    if ((lower == QLatin1String("in-addr.arpa") || lower == QLatin1String("ip6.arpa"))
        && qtype == DnsType::SOA) {
        DnsResponse r;
        r.answer.append(soaFor(lower));
        return r;
    }
    const QByteArray address = reverseAddress(lower);
    if (address.isEmpty()) {
        return negative(DnsRcode::NxDomain, lower,
                        tr("%1 is not the reverse name of a single address").arg(owner));
    }
    QList<QString> targets = m_reverse.value(QByteArray(1, 'S') + address);
    if (targets.isEmpty())
        targets = m_reverse.value(QByteArray(1, 'E') + address);
    if (targets.isEmpty()) {
        return negative(DnsRcode::NxDomain, lower,
                        tr("no Service and no ready endpoint has the IP %1 (a real cluster "
                           "would pass this question on to the upstream resolver)")
                            .arg(dnsAddressText(address)));
    }
    if (qtype != DnsType::PTR)
        return noData(owner, qtype, lower);
    DnsResponse r;
    for (const QString &target : targets)
        r.answer.append(DnsRecord::makeName(owner, DnsType::PTR, kTtl, target));
    return r;
}

QString ClusterDns::whyNoService(const QString &ns, const QString &name) const
{
    // A StatefulSet whose serviceName is this name explains the usual mistake.
    for (const SetInfo &set : m_sets) {
        if (dnsLower(set.namespaceName) != ns || dnsLower(set.serviceName) != name)
            continue;
        for (const ServiceEntry &e : m_services) {
            if (dnsLower(e.namespaceName) != ns || e.kind != Kind::Headless || !e.hasSelector)
                continue;
            bool selects = true;
            for (auto it = e.selector.cbegin(); it != e.selector.cend(); ++it) {
                if (set.labels.value(it.key()) != it.value())
                    selects = false;
            }
            if (selects) {
                return tr("StatefulSet %1's serviceName is %2 but the Service is called %3")
                    .arg(set.name, set.serviceName, e.name);
            }
        }
        return tr("StatefulSet %1's serviceName is %2 but there is no Service %2 in namespace %3")
            .arg(set.name, set.serviceName, ns);
    }
    return tr("no Service named %1 in namespace %2").arg(name, ns);
}

QString ClusterDns::whyNoReadyEndpoints(const ServiceEntry &svc) const
{
    if (!svc.hasSelector && !svc.hasEndpoints)
        return tr("headless Service %1 has no selector and no endpoints, so its name has no "
                  "records")
            .arg(svc.name);
    if (!svc.notReady.isEmpty()) {
        QStringList names;
        for (const Endpoint &ep : svc.notReady)
            names << (ep.podName.isEmpty() ? dnsAddressText(ep.address) : ep.podName);
        return tr("headless Service %1 has no ready endpoints (not Ready: %2), so its name "
                  "does not exist")
            .arg(svc.name, names.join(QStringLiteral(", ")));
    }
    return tr("headless Service %1 has no ready endpoints, so its name does not exist")
        .arg(svc.name);
}

QString ClusterDns::whyNoEndpoint(const ServiceEntry &svc, const QString &label) const
{
    const QString ns = dnsLower(svc.namespaceName);
    for (const Endpoint &ep : svc.notReady) {
        if (ep.label == label || dnsLower(ep.podName) == label) {
            const QString who = ep.podName.isEmpty() ? label : ep.podName;
            return tr("%1 is not Ready, so its record is not published").arg(who);
        }
    }
    // A ready endpoint that has a hostname is not reachable under its dashed IP.
    const QByteArray dashed = dashedAddress(label);
    for (const Endpoint &ep : svc.ready) {
        if (!dashed.isEmpty() && ep.address == dashed) {
            return tr("the endpoint with IP %1 is named %2 in Service %3, not by its IP")
                .arg(dnsAddressText(dashed), ep.label, svc.name);
        }
    }
    const auto it = m_pods.constFind(ns + QLatin1Char('/') + label);
    if (it != m_pods.cend()) {
        const PodInfo &pod = it.value();
        if (pod.terminating)
            return tr("%1 is terminating, so it was removed from the endpoints of Service %2")
                .arg(pod.name, svc.name);
        if (pod.terminal)
            return tr("%1 has finished (phase Failed or Succeeded), so it is not an endpoint "
                      "of Service %2")
                .arg(pod.name, svc.name);
        if (pod.ip.isEmpty())
            return tr("%1 has no IP address yet, so it has no record").arg(pod.name);
        bool selected = svc.hasSelector;
        for (auto s = svc.selector.cbegin(); s != svc.selector.cend(); ++s) {
            if (pod.labels.value(s.key()) != s.value())
                selected = false;
        }
        if (!selected)
            return tr("Service %1 does not select Pod %2, so %2 has no name under it")
                .arg(svc.name, pod.name);
        if (pod.hostname.isEmpty() || dnsLower(pod.subdomain) != dnsLower(svc.name)) {
            return tr("Pod %1 has hostname \"%2\" and subdomain \"%3\"; a name under Service %4 "
                      "needs hostname set and subdomain %4")
                .arg(pod.name, pod.hostname, pod.subdomain, svc.name);
        }
        if (!pod.ready)
            return tr("%1 is not Ready, so its record is not published").arg(pod.name);
    }
    return tr("Service %1 has no ready endpoint named %2").arg(svc.name, label);
}

QByteArray ClusterDns::answerWire(const QByteArray &query, int transport) const
{
    DnsParseError error = DnsParseError::None;
    quint16 id = 0;
    const std::optional<DnsMessage> parsed = DnsMessage::parse(query, &error, &id);
    if (!parsed) {
        if (error == DnsParseError::ShortHeader)
            return {};
        if (query.size() >= 3 && (uchar(query.at(2)) & 0x80))
            return {}; // a malformed response: never answer a response
        return dnsFormErrReply(id, query);
    }
    if (parsed->qr)
        return {};
    const DnsMessage reply = answer(*parsed, transport);
    int maxSize = 65535;
    if (transport == Udp)
        maxSize = parsed->edns ? std::max<int>(512, parsed->edns->udpSize) : 512;
    return reply.encode(maxSize);
}

DnsMessage ClusterDns::answer(const DnsMessage &query, int transport) const
{
    Q_UNUSED(transport);
    DnsMessage reply;
    reply.id = query.id;
    reply.qr = true;
    reply.opcode = query.opcode;
    reply.rd = query.rd;
    reply.cd = query.cd;
    reply.questions = query.questions;
    if (query.edns) {
        // Reuse the client's OPT: same size, version 0, DO copied, COOKIE echoed.
        DnsEdns edns;
        edns.udpSize = query.edns->udpSize;
        edns.dnssecOk = query.edns->dnssecOk;
        for (const auto &option : query.edns->options) {
            if (option.first == 10 && option.second.size() >= 8)
                edns.options.append({option.first, option.second.left(8)});
        }
        reply.edns = edns;
        if (query.edns->version != 0) {
            reply.rcode = quint16(DnsRcode::BadVers);
            return reply;
        }
    }
    if (query.opcode != 0) {
        reply.rcode = quint16(DnsRcode::NotImp);
        return reply;
    }
    if (query.questions.size() != 1) {
        reply.rcode = quint16(DnsRcode::FormErr);
        return reply;
    }
    const DnsQuestion &q = query.questions.first();
    if (q.klass != kDnsClassIN && q.klass != 255) {
        reply.rcode = quint16(DnsRcode::Refused);
        return reply;
    }
    const DnsResponse r = resolve(q.name, q.type);
    reply.rcode = quint16(r.rcode);
    reply.aa = r.authoritative;
    reply.answers = r.answer;
    reply.authority = r.authority;
    reply.additional = r.additional;
    return reply;
}

} // namespace ordinal::core
