// libFuzzer entry point: every input goes through the strict parser, and through the zone's
// answerWire over both transports. Invariants checked: no crash or sanitizer report; a reply is
// never larger than the transport allows; a parsed message re-encodes and parses again.

#include "cluster/clusterconfig.h"
#include "cluster/store.h"
#include "dns/clusterdns.h"
#include "dns/dnsmessage.h"

#include <cstdlib>

using namespace ordinal::core;

namespace {

std::shared_ptr<const ClusterDns> zone()
{
    static const std::shared_ptr<const ClusterDns> dns = [] {
        Store store;
        Namespace ns;
        ns.metadata.name = QStringLiteral("default");
        store.put(ns, 0);
        Service svc;
        svc.metadata.namespaceName = QStringLiteral("default");
        svc.metadata.name = QStringLiteral("nginx");
        svc.spec.clusterIP = QStringLiteral("None");
        svc.spec.ports = {ServicePort{QStringLiteral("web"), QStringLiteral("TCP"), 80, {}, 0}};
        store.put(svc, 0);
        Endpoints eps;
        eps.metadata = svc.metadata;
        eps.ports = {EndpointPort{QStringLiteral("web"), 80, QStringLiteral("TCP")}};
        for (int i = 0; i < 60; ++i)
            eps.addresses.append(EndpointAddress{QStringLiteral("10.244.1.%1").arg(i + 2),
                                                 QStringLiteral("web-%1").arg(i), {}, {}});
        store.put(eps, 0);
        return ClusterDns::build(store, ClusterConfig::defaultCluster(), 0);
    }();
    return dns;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray wire(reinterpret_cast<const char *>(data), qsizetype(size));
    if (const auto parsed = DnsMessage::parse(wire)) {
        if (!DnsMessage::parse(parsed->encode()))
            std::abort();
    }
    const QByteArray udp = zone()->answerWire(wire, ClusterDns::Udp);
    if (udp.size() > 65535)
        std::abort();
    if (!udp.isEmpty() && !DnsMessage::parse(udp))
        std::abort();
    const QByteArray tcp = zone()->answerWire(wire, ClusterDns::Tcp);
    if (tcp.size() > 65535)
        std::abort();
    return 0;
}
