#pragma once

// A small cluster for the DNS tests: the system Services, a StatefulSet `web` behind the
// headless Service `nginx` (web-0, web-1 Ready; web-2 not Ready; web-3 terminating), a
// ClusterIP Service `api`, ExternalName Services, and a namespace `prod` whose StatefulSet's
// serviceName does not match its Service.

#include "cluster/clusterconfig.h"
#include "cluster/store.h"

namespace ordinal::test {

using namespace ordinal::core;

inline EndpointAddress ep(const QString &ip, const QString &hostname, const QString &pod)
{
    EndpointAddress a;
    a.ip = ip;
    a.hostname = hostname;
    a.podName = pod;
    return a;
}

inline Service service(const QString &ns, const QString &name, const QString &clusterIP,
                       QList<ServicePort> ports, QMap<QString, QString> selector = {})
{
    Service s;
    s.metadata.namespaceName = ns;
    s.metadata.name = name;
    s.spec.clusterIP = clusterIP;
    s.spec.ports = ports;
    s.spec.selector = selector;
    return s;
}

inline ServicePort port(const QString &name, int number, const QString &protocol = QStringLiteral("TCP"))
{
    ServicePort p;
    p.name = name;
    p.port = number;
    p.protocol = protocol;
    return p;
}

inline EndpointPort eport(const QString &name, int number,
                          const QString &protocol = QStringLiteral("TCP"))
{
    EndpointPort p;
    p.name = name;
    p.port = number;
    p.protocol = protocol;
    return p;
}

inline Endpoints endpoints(const QString &ns, const QString &name, QList<EndpointAddress> ready,
                           QList<EndpointAddress> notReady, QList<EndpointPort> ports)
{
    Endpoints e;
    e.metadata.namespaceName = ns;
    e.metadata.name = name;
    e.addresses = ready;
    e.notReadyAddresses = notReady;
    e.ports = ports;
    return e;
}

inline Pod pod(const QString &ns, const QString &name, const QString &ip, bool ready,
               const QString &subdomain = {}, const QMap<QString, QString> &labels = {})
{
    Pod p;
    p.metadata.namespaceName = ns;
    p.metadata.name = name;
    p.metadata.labels = labels;
    if (!subdomain.isEmpty()) {
        p.spec.hostname = name;
        p.spec.subdomain = subdomain;
    }
    p.status.podIP = ip;
    p.status.phase = PodPhase::Running;
    p.status.setCondition(QStringLiteral("Ready"),
                          ready ? QStringLiteral("True") : QStringLiteral("False"), 0);
    return p;
}

inline Store dnsFixtureStore()
{
    Store store;
    const Millis t = 0;
    for (const char *ns : {"default", "kube-system", "prod"}) {
        Namespace n;
        n.metadata.name = QLatin1String(ns);
        store.put(n, t);
    }
    const QMap<QString, QString> nginxLabels{{QStringLiteral("app"), QStringLiteral("nginx")}};

    store.put(service(QStringLiteral("kube-system"), QStringLiteral("kube-dns"),
                      QStringLiteral("10.0.0.10"),
                      {port(QStringLiteral("dns"), 53, QStringLiteral("UDP")),
                       port(QStringLiteral("dns-tcp"), 53), port(QStringLiteral("metrics"), 9153)},
                      {{QStringLiteral("k8s-app"), QStringLiteral("kube-dns")}}),
              t);
    store.put(endpoints(QStringLiteral("kube-system"), QStringLiteral("kube-dns"),
                        {ep(QStringLiteral("10.244.0.2"), {}, QStringLiteral("coredns-a")),
                         ep(QStringLiteral("10.244.0.3"), {}, QStringLiteral("coredns-b"))},
                        {},
                        {eport(QStringLiteral("dns"), 53, QStringLiteral("UDP")),
                         eport(QStringLiteral("dns-tcp"), 53), eport(QStringLiteral("metrics"), 9153)}),
              t);
    store.put(service(QStringLiteral("default"), QStringLiteral("kubernetes"),
                      QStringLiteral("10.0.0.1"), {port(QStringLiteral("https"), 443)}),
              t);

    // StatefulSet web behind headless nginx.
    store.put(service(QStringLiteral("default"), QStringLiteral("nginx"), QStringLiteral("None"),
                      {port(QStringLiteral("web"), 80)}, nginxLabels),
              t);
    store.put(endpoints(QStringLiteral("default"), QStringLiteral("nginx"),
                        {ep(QStringLiteral("10.244.1.7"), QStringLiteral("web-0"), QStringLiteral("web-0")),
                         ep(QStringLiteral("10.244.2.8"), QStringLiteral("web-1"), QStringLiteral("web-1"))},
                        {ep(QStringLiteral("10.244.1.9"), QStringLiteral("web-2"), QStringLiteral("web-2"))},
                        {eport(QStringLiteral("web"), 80)}),
              t);
    store.put(pod(QStringLiteral("default"), QStringLiteral("web-0"), QStringLiteral("10.244.1.7"), true,
                  QStringLiteral("nginx"), nginxLabels),
              t);
    store.put(pod(QStringLiteral("default"), QStringLiteral("web-1"), QStringLiteral("10.244.2.8"), true,
                  QStringLiteral("nginx"), nginxLabels),
              t);
    store.put(pod(QStringLiteral("default"), QStringLiteral("web-2"), QStringLiteral("10.244.1.9"), false,
                  QStringLiteral("nginx"), nginxLabels),
              t);
    Pod terminating = pod(QStringLiteral("default"), QStringLiteral("web-3"),
                          QStringLiteral("10.244.2.10"), true, QStringLiteral("nginx"), nginxLabels);
    terminating.metadata.deletionTimestamp = 0;
    store.put(terminating, t);
    StatefulSet web;
    web.metadata.namespaceName = QStringLiteral("default");
    web.metadata.name = QStringLiteral("web");
    web.spec.serviceName = QStringLiteral("nginx");
    web.spec.podTemplate.metadata.labels = nginxLabels;
    store.put(web, t);

    // ClusterIP api: service ports differ from the container ports.
    store.put(service(QStringLiteral("default"), QStringLiteral("api"), QStringLiteral("10.0.100.20"),
                      {port(QStringLiteral("http"), 80), port(QStringLiteral("grpc"), 9000)},
                      {{QStringLiteral("app"), QStringLiteral("api")}}),
              t);
    store.put(endpoints(QStringLiteral("default"), QStringLiteral("api"),
                        {ep(QStringLiteral("10.244.1.20"), {}, QStringLiteral("api-1")),
                         ep(QStringLiteral("10.244.2.21"), {}, QStringLiteral("api-2"))},
                        {}, {eport(QStringLiteral("http"), 8080), eport(QStringLiteral("grpc"), 9000)}),
              t);
    store.put(service(QStringLiteral("default"), QStringLiteral("empty"), QStringLiteral("10.0.5.5"),
                      {port(QStringLiteral("http"), 80)},
                      {{QStringLiteral("app"), QStringLiteral("nothing")}}),
              t);
    store.put(endpoints(QStringLiteral("default"), QStringLiteral("empty"), {}, {},
                        {eport(QStringLiteral("http"), 80)}),
              t);

    // Headless with three ready pods and two ports: 6 SRV items, weight 16.
    store.put(service(QStringLiteral("default"), QStringLiteral("multi"), QStringLiteral("None"),
                      {port(QStringLiteral("a"), 1000), port(QStringLiteral("b"), 2000)},
                      {{QStringLiteral("app"), QStringLiteral("multi")}}),
              t);
    store.put(endpoints(QStringLiteral("default"), QStringLiteral("multi"),
                        {ep(QStringLiteral("10.244.1.30"), QStringLiteral("m-0"), QStringLiteral("m-0")),
                         ep(QStringLiteral("10.244.2.31"), QStringLiteral("m-1"), QStringLiteral("m-1")),
                         ep(QStringLiteral("10.244.1.32"), QStringLiteral("m-2"), QStringLiteral("m-2"))},
                        {}, {eport(QStringLiteral("a"), 1000), eport(QStringLiteral("b"), 2000)}),
              t);

    // Headless with no ready endpoints.
    store.put(service(QStringLiteral("default"), QStringLiteral("lonely"), QStringLiteral("None"),
                      {port(QStringLiteral("web"), 80)},
                      {{QStringLiteral("app"), QStringLiteral("lonely")}}),
              t);
    store.put(endpoints(QStringLiteral("default"), QStringLiteral("lonely"), {},
                        {ep(QStringLiteral("10.244.2.40"), QStringLiteral("lonely-0"),
                            QStringLiteral("lonely-0"))},
                        {eport(QStringLiteral("web"), 80)}),
              t);

    // ExternalName Services: outside the zone, and an alias of api.
    Service db = service(QStringLiteral("default"), QStringLiteral("db"), {}, {});
    db.spec.type = QStringLiteral("ExternalName");
    db.spec.externalName = QStringLiteral("db.example.com");
    store.put(db, t);
    Service alias = service(QStringLiteral("default"), QStringLiteral("alias"), {}, {});
    alias.spec.type = QStringLiteral("ExternalName");
    alias.spec.externalName = QStringLiteral("api.default.svc.cluster.local");
    store.put(alias, t);

    // prod: StatefulSet db with serviceName mysql, but the headless Service is called mysq.
    const QMap<QString, QString> mysqlLabels{{QStringLiteral("app"), QStringLiteral("mysql")}};
    store.put(service(QStringLiteral("prod"), QStringLiteral("mysq"), QStringLiteral("None"),
                      {port(QStringLiteral("mysql"), 3306)}, mysqlLabels),
              t);
    store.put(endpoints(QStringLiteral("prod"), QStringLiteral("mysq"),
                        {ep(QStringLiteral("10.244.1.50"), {}, QStringLiteral("db-0"))}, {},
                        {eport(QStringLiteral("mysql"), 3306)}),
              t);
    StatefulSet prodDb;
    prodDb.metadata.namespaceName = QStringLiteral("prod");
    prodDb.metadata.name = QStringLiteral("db");
    prodDb.spec.serviceName = QStringLiteral("mysql");
    prodDb.spec.podTemplate.metadata.labels = mysqlLabels;
    store.put(prodDb, t);
    store.put(pod(QStringLiteral("prod"), QStringLiteral("db-0"), QStringLiteral("10.244.1.50"), true,
                  QStringLiteral("mysql"), mysqlLabels),
              t);
    // A pod in no Service, with no subdomain.
    store.put(pod(QStringLiteral("default"), QStringLiteral("solo"), QStringLiteral("10.244.2.60"), true),
              t);
    return store;
}

inline ClusterConfig dnsFixtureConfig()
{
    return ClusterConfig::defaultCluster();
}

} // namespace ordinal::test
