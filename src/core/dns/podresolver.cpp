#include "dns/podresolver.h"

namespace ordinal::core {

namespace {

struct HostsLine
{
    QString address;
    QStringList names;
};

QString podHostname(const PodDnsContext &context)
{
    // kubelet GeneratePodHostNameAndDomain: spec.hostname, else the pod name (max 63 chars).
    const QString name = context.hostname.isEmpty() ? context.podName : context.hostname;
    return name.left(63);
}

QList<HostsLine> hostsLines(const PodDnsContext &context, const QString &zone)
{
    QList<HostsLine> lines = {
        {QStringLiteral("127.0.0.1"), {QStringLiteral("localhost")}},
        {QStringLiteral("::1"),
         {QStringLiteral("localhost"), QStringLiteral("ip6-localhost"),
          QStringLiteral("ip6-loopback")}},
        {QStringLiteral("fe00::0"), {QStringLiteral("ip6-localnet")}},
        {QStringLiteral("fe00::0"), {QStringLiteral("ip6-mcastprefix")}},
        {QStringLiteral("fe00::1"), {QStringLiteral("ip6-allnodes")}},
        {QStringLiteral("fe00::2"), {QStringLiteral("ip6-allrouters")}},
    };
    if (context.hasPod() && !context.podIP.isEmpty()) {
        const QString host = podHostname(context);
        if (!context.subdomain.isEmpty()) {
            const QString domain = context.subdomain + QLatin1Char('.') + context.namespaceName
                + QStringLiteral(".svc.") + zone;
            lines.append({context.podIP, {host + QLatin1Char('.') + domain, host}});
        } else {
            lines.append({context.podIP, {host}});
        }
    }
    return lines;
}

bool isNotFound(const DnsResponse &r)
{
    // An out-of-zone name would go upstream; offline, upstream says NXDOMAIN.
    return r.rcode == DnsRcode::NxDomain || r.rcode == DnsRcode::Refused;
}

} // namespace

PodDnsContext PodDnsContext::forPod(const Pod &pod)
{
    PodDnsContext c;
    c.namespaceName = pod.metadata.namespaceName;
    c.podName = pod.metadata.name;
    c.hostname = pod.spec.hostname.isEmpty() ? pod.metadata.name : pod.spec.hostname;
    c.subdomain = pod.spec.subdomain;
    c.podIP = pod.status.podIP;
    return c;
}

PodDnsContext PodDnsContext::forNamespace(const QString &namespaceName)
{
    PodDnsContext c;
    c.namespaceName = namespaceName;
    return c;
}

QStringList PodResolver::searchDomains(const QString &namespaceName, const QString &zone)
{
    return {namespaceName + QStringLiteral(".svc.") + zone, QStringLiteral("svc.") + zone, zone};
}

QString PodResolver::resolvConf(const PodDnsContext &context, const QString &zone,
                                const QString &nameserver)
{
    // containerd/CRI-O write search, nameserver, options in this order.
    return QStringLiteral("search %1\nnameserver %2\noptions ndots:%3\n")
        .arg(searchDomains(context.namespaceName, zone).join(QLatin1Char(' ')), nameserver)
        .arg(kNdots);
}

QString PodResolver::resolvConf(const PodDnsContext &context, const ClusterDns &dns)
{
    return resolvConf(context, dns.zone(), dns.dnsServiceIP());
}

QString PodResolver::hostsFile(const PodDnsContext &context, const QString &zone)
{
    QString out = QStringLiteral("# Kubernetes-managed hosts file.\n");
    for (const HostsLine &line : hostsLines(context, zone)) {
        if (line.address == QLatin1String("::1")) {
            // kubelet writes this line with spaces between the names.
            out += line.address + QLatin1Char('\t') + line.names.join(QLatin1Char(' '))
                + QLatin1Char('\n');
        } else {
            out += line.address + QLatin1Char('\t') + line.names.join(QLatin1Char('\t'))
                + QLatin1Char('\n');
        }
    }
    return out;
}

QString PodResolver::hostsNameFor(const PodDnsContext &context, const QString &zone,
                                  const QByteArray &address)
{
    for (const HostsLine &line : hostsLines(context, zone)) {
        if (dnsParseAddress(line.address) == address)
            return line.names.first();
    }
    return {};
}

QList<QByteArray> PodResolver::hostsAddressesFor(const PodDnsContext &context,
                                                 const QString &zone, const QString &name)
{
    QList<QByteArray> out;
    QString wanted = dnsLower(name);
    if (wanted.endsWith(QLatin1Char('.')))
        wanted.chop(1);
    for (const HostsLine &line : hostsLines(context, zone)) {
        for (const QString &n : line.names) {
            if (dnsLower(n) == wanted) {
                const QByteArray address = dnsParseAddress(line.address);
                if (!address.isEmpty() && !out.contains(address))
                    out.append(address);
                break;
            }
        }
    }
    return out;
}

QStringList PodResolver::candidates(const QString &name, const QStringList &searchDomains,
                                    Library library, int ndots)
{
    const bool absolute = name.endsWith(QLatin1Char('.'));
    const QString asIs = dnsAbsolute(name);
    if (absolute)
        return {asIs};
    QStringList searched;
    for (const QString &domain : searchDomains)
        searched << dnsAbsolute(name + QLatin1Char('.') + domain);
    const int dots = int(name.count(QLatin1Char('.')));
    switch (library) {
    case Library::UClibc:
        return QStringList{asIs} + searched;
    case Library::Musl:
        if (dots >= ndots)
            return {asIs};
        return searched + QStringList{asIs};
    case Library::Glibc:
    case Library::Bind:
        break;
    }
    if (dots >= ndots)
        return QStringList{asIs} + searched;
    return searched + QStringList{asIs};
}

PodResolver::Result PodResolver::lookup(const ClusterDns &dns, const PodDnsContext &context,
                                        const QString &name, quint16 qtype, Library library)
{
    Result result;
    const bool addressLookup = qtype == DnsType::A || qtype == DnsType::AAAA;
    if (addressLookup && library != Library::Bind) {
        const QList<QByteArray> fromHosts = hostsAddressesFor(context, dns.zone(), name);
        for (const QByteArray &address : fromHosts) {
            if ((qtype == DnsType::A) == (address.size() == 4))
                result.hostsAddresses.append(address);
        }
        if (!result.hostsAddresses.isEmpty()) {
            result.found = true;
            result.answeredName = dnsAbsolute(name);
            return result;
        }
    }
    const QStringList names =
        candidates(name, searchDomains(context.namespaceName, dns.zone()), library);
    for (const QString &candidate : names) {
        const DnsResponse response = dns.resolve(candidate, qtype);
        result.attempts.append({candidate, response});
        result.response = response;
        if (response.rcode == DnsRcode::NoError && !response.answer.isEmpty()) {
            result.found = true;
            result.answeredName = candidate;
            return result;
        }
        if (result.why.isEmpty() || response.rcode != DnsRcode::Refused)
            result.why = response.why.isEmpty() ? result.why : response.why;
        // Which answers let the walk go on to the next candidate (dns.md §2.2).
        bool next = isNotFound(response);
        if (library == Library::Glibc)
            next = next || response.rcode == DnsRcode::NoError
                || response.rcode == DnsRcode::ServFail;
        if (library == Library::UClibc)
            next = next || response.rcode == DnsRcode::ServFail;
        if (!next)
            break;
    }
    // The most telling explanation is that of the first candidate that is a plain cluster name
    // (the zone appears once), not of junk expansions like "x.cluster.local.svc.cluster.local".
    const QString zoneLabel = QLatin1Char('.') + dns.zone() + QLatin1Char('.');
    for (const Attempt &attempt : std::as_const(result.attempts)) {
        const QString lower = QLatin1Char('.') + dnsLower(attempt.name);
        if (attempt.response.rcode != DnsRcode::Refused && !attempt.response.why.isEmpty()
            && lower.count(zoneLabel) == 1) {
            result.why = attempt.response.why;
            break;
        }
    }
    return result;
}

} // namespace ordinal::core
