#pragma once

#include <QString>

namespace ordinal::core {

class Simulation;

// The endpoints controller: for every Service with a selector, the pods it selects that have
// an IP and are not terminating or terminal, split into ready addresses and not-ready ones
// (all ready with publishNotReadyAddresses). An address carries the pod's hostname when the
// pod's subdomain names the Service in the same namespace (ShouldSetHostname) — this is what
// gives web-0.nginx its DNS record. Ports are the Service ports resolved to container ports.
class EndpointsController
{
public:
    static void sync(Simulation &sim, const QString &serviceKey);
};

} // namespace ordinal::core
