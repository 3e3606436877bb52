// ordinal_dns_bench_server: serves a fixture zone from Ordinal's DnsServer for dnsperf.
//
//   ordinal_dns_bench_server [--port N] [--pods N] [--print-dnsmasq] [--print-queries]
//
// The zone: kube-dns and kubernetes Services, a headless Service `nginx` in `default` with N
// ready StatefulSet pods web-0 … web-(N-1), and a ClusterIP Service `api`. --print-dnsmasq
// prints the dnsmasq --host-record options that serve the same A records; --print-queries
// prints a dnsperf query file. Otherwise it listens on 127.0.0.1 and prints "port N".

#include "cluster/clusterconfig.h"
#include "cluster/store.h"
#include "dns/clusterdns.h"
#include "dnsserver.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace ordinal::core;

namespace {

QString podIp(int i)
{
    // Alternate the two workers as the scheduler would spread them.
    return QStringLiteral("10.244.%1.%2").arg(1 + i % 2).arg(7 + i / 2);
}

Store benchStore(int pods)
{
    Store store;
    for (const char *ns : {"default", "kube-system"}) {
        Namespace n;
        n.metadata.name = QLatin1String(ns);
        store.put(n, 0);
    }
    Service dns;
    dns.metadata.namespaceName = QStringLiteral("kube-system");
    dns.metadata.name = QStringLiteral("kube-dns");
    dns.spec.clusterIP = QStringLiteral("10.0.0.10");
    dns.spec.ports = {ServicePort{QStringLiteral("dns"), QStringLiteral("UDP"), 53, {}, 0},
                      ServicePort{QStringLiteral("dns-tcp"), QStringLiteral("TCP"), 53, {}, 0},
                      ServicePort{QStringLiteral("metrics"), QStringLiteral("TCP"), 9153, {}, 0}};
    store.put(dns, 0);
    Service kubernetes;
    kubernetes.metadata.namespaceName = QStringLiteral("default");
    kubernetes.metadata.name = QStringLiteral("kubernetes");
    kubernetes.spec.clusterIP = QStringLiteral("10.0.0.1");
    kubernetes.spec.ports = {ServicePort{QStringLiteral("https"), QStringLiteral("TCP"), 443, {}, 0}};
    store.put(kubernetes, 0);
    Service api;
    api.metadata.namespaceName = QStringLiteral("default");
    api.metadata.name = QStringLiteral("api");
    api.spec.clusterIP = QStringLiteral("10.0.100.20");
    api.spec.ports = {ServicePort{QStringLiteral("http"), QStringLiteral("TCP"), 80, {}, 0}};
    store.put(api, 0);
    Service nginx;
    nginx.metadata.namespaceName = QStringLiteral("default");
    nginx.metadata.name = QStringLiteral("nginx");
    nginx.spec.clusterIP = QStringLiteral("None");
    nginx.spec.selector = {{QStringLiteral("app"), QStringLiteral("nginx")}};
    nginx.spec.ports = {ServicePort{QStringLiteral("web"), QStringLiteral("TCP"), 80, {}, 0}};
    store.put(nginx, 0);
    Endpoints eps;
    eps.metadata = nginx.metadata;
    eps.ports = {EndpointPort{QStringLiteral("web"), 80, QStringLiteral("TCP")}};
    for (int i = 0; i < pods; ++i) {
        const QString name = QStringLiteral("web-%1").arg(i);
        eps.addresses.append(EndpointAddress{podIp(i), name, {}, name});
    }
    store.put(eps, 0);
    return store;
}

} // namespace

int main(int argc, char **argv)
{
    // The plain Unix event dispatcher costs less per wake-up than the GLib one.
    qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    quint16 port = 0;
    int pods = 100;
    for (int i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--port") && i + 1 < args.size())
            port = quint16(args.at(++i).toUInt());
        else if (args.at(i) == QLatin1String("--pods") && i + 1 < args.size())
            pods = args.at(++i).toInt();
    }
    QTextStream out(stdout);
    const QString zone = QStringLiteral(".nginx.default.svc.cluster.local");
    if (args.contains(QLatin1String("--print-dnsmasq"))) {
        for (int i = 0; i < pods; ++i)
            out << "--host-record=web-" << i << zone << ',' << podIp(i) << '\n';
        return 0;
    }
    if (args.contains(QLatin1String("--print-queries"))) {
        for (int i = 0; i < pods; ++i)
            out << "web-" << i << zone << " A\n";
        return 0;
    }
    ordinal::net::DnsServer server;
    server.setZone(ClusterDns::build(benchStore(pods), ClusterConfig::defaultCluster(), 0));
    QString error;
    if (!server.listen(QHostAddress::LocalHost, port, &error)) {
        QTextStream(stderr) << error << '\n';
        return 1;
    }
    out << "port " << server.port() << Qt::endl;
    return app.exec();
}
