#pragma once

#include "api/types.h"
#include "dns/clusterdns.h"
#include "dns/podresolver.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace ordinal::core {

// What a command prints: standard output and error interleaved in terminal order, every line
// ending in "\n", and its exit status.
struct ToolOutput
{
    QString text;
    int exitCode = 0;
};

// The console faces of the cluster DNS: busybox 1.28 `nslookup` and BIND 9.18 `dig`, printed
// byte for byte as those tools print them (dns.md §3.1, §3.4), from a pod's point of view.
// Deterministic: dig's id, cookie, query time and date derive from the virtual time and the
// question, never from a clock or a random source.
class DnsTools
{
    Q_DECLARE_TR_FUNCTIONS(ordinal::core::DnsTools)

public:
    // args: what follows the command word ("web-0.nginx", optionally a SERVER).
    static ToolOutput nslookup(const ClusterDns &dns, const PodDnsContext &context,
                               const QStringList &args);
    // args: what follows "dig". Supports @SERVER, -p PORT, -x IP, -t TYPE, -c IN, TYPE words,
    // +[no]short, +[no]search, +[no]tcp, +[no]all/answer/question/authority/additional/
    // comments/stats/cmd. The reply bytes come from ClusterDns::answerWire, so MSG SIZE is
    // what the real server sends.
    static ToolOutput dig(const ClusterDns &dns, const PodDnsContext &context,
                          const QStringList &args, Millis now);

    // The banner version dig prints.
    static QString digVersion() { return QStringLiteral("9.18.49-1~deb12u3-Debian"); }
    // One resource record in dig's column layout (name, TTL, class, type, rdata).
    static QString digRecordLine(const DnsRecord &record);
};

// Convenience wrappers with the console's names.
inline ToolOutput nslookup(const ClusterDns &dns, const PodDnsContext &context,
                           const QStringList &args)
{
    return DnsTools::nslookup(dns, context, args);
}
inline ToolOutput dig(const ClusterDns &dns, const PodDnsContext &context,
                      const QStringList &args, Millis now)
{
    return DnsTools::dig(dns, context, args, now);
}

} // namespace ordinal::core
