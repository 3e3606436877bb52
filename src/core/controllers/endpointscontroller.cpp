#include "controllers/endpointscontroller.h"

#include "sim/simulation.h"

namespace ordinal::core {

namespace {

bool sameAddresses(const QList<EndpointAddress> &a, const QList<EndpointAddress> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].ip != b[i].ip || a[i].hostname != b[i].hostname || a[i].podName != b[i].podName
            || a[i].nodeName != b[i].nodeName)
            return false;
    }
    return true;
}

bool samePorts(const QList<EndpointPort> &a, const QList<EndpointPort> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].name != b[i].name || a[i].port != b[i].port || a[i].protocol != b[i].protocol)
            return false;
    }
    return true;
}

// The container port a Service port targets on this pod (by number or by port name).
int targetPortOn(const ServicePort &port, const Pod &pod)
{
    if (port.targetPort.isEmpty())
        return port.port;
    bool isNumber = false;
    const int number = port.targetPort.toInt(&isNumber);
    if (isNumber)
        return number;
    for (const Container &c : pod.spec.containers) {
        for (const ContainerPort &cp : c.ports) {
            if (cp.name == port.targetPort)
                return cp.containerPort;
        }
    }
    return 0;
}

} // namespace

void EndpointsController::sync(Simulation &sim, const QString &serviceKey)
{
    const Store &store = sim.store();
    const Service *service = store.find<Service>(serviceKey);
    if (!service) {
        sim.erase<Endpoints>(serviceKey);
        return;
    }
    if (service->spec.selector.isEmpty())
        return; // endpoints of selector-less services are managed by hand
    LabelSelector selector;
    selector.matchLabels = service->spec.selector;

    Endpoints endpoints;
    if (const Endpoints *existing = store.find<Endpoints>(serviceKey)) {
        endpoints = *existing;
    } else {
        // Stamped once, when the object is created: time 0 is a valid creation time (a
        // Service applied at the start), not "unset".
        endpoints.metadata.uid = sim.newUid();
        endpoints.metadata.creationTimestamp = sim.now();
    }
    endpoints.metadata.name = service->metadata.name;
    endpoints.metadata.namespaceName = service->metadata.namespaceName;

    QList<EndpointAddress> ready;
    QList<EndpointAddress> notReady;
    QList<EndpointPort> ports;
    for (const Pod *pod : store.podsMatching(service->metadata.namespaceName, selector)) {
        // ShouldPodBeInEndpoints: an IP, not terminal, not being deleted.
        if (pod->status.podIP.isEmpty() || pod->isTerminal() || pod->metadata.isTerminating())
            continue;
        EndpointAddress address;
        address.ip = pod->status.podIP;
        address.nodeName = pod->spec.nodeName;
        address.podName = pod->metadata.name;
        if (!pod->spec.hostname.isEmpty() && pod->spec.subdomain == service->metadata.name)
            address.hostname = pod->spec.hostname;
        if (service->spec.publishNotReadyAddresses || pod->isReady())
            ready << address;
        else
            notReady << address;
        if (ports.isEmpty()) {
            for (const ServicePort &sp : service->spec.ports)
                ports << EndpointPort{sp.name, targetPortOn(sp, *pod), sp.protocol};
        }
    }
    if (ports.isEmpty()) {
        for (const ServicePort &sp : service->spec.ports) {
            bool isNumber = false;
            const int target = sp.targetPort.toInt(&isNumber);
            ports << EndpointPort{sp.name, isNumber ? target : sp.port, sp.protocol};
        }
    }
    const bool existed = store.find<Endpoints>(serviceKey) != nullptr;
    if (existed && sameAddresses(ready, endpoints.addresses)
        && sameAddresses(notReady, endpoints.notReadyAddresses) && samePorts(ports, endpoints.ports))
        return;
    endpoints.addresses = ready;
    endpoints.notReadyAddresses = notReady;
    endpoints.ports = ports;
    sim.write(endpoints);
}

} // namespace ordinal::core
