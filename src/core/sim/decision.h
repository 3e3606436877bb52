#pragma once

#include "api/types.h"

namespace ordinal::core {

// Why a controller did (or did not do) something, in plain language, at a virtual time.
// Decisions are data: the console shows them in `describe` and `get events`, the GUI in its
// event log and on the canvas. The message is already translated (tr()) when recorded.
struct Decision
{
    Millis time = 0;
    QString controller; // statefulset-controller, default-scheduler, kubelet, node-lifecycle
    QString objectKind; // StatefulSet, Pod, Node
    QString objectKey;  // namespace/name or name
    QString subject;    // the pod or node the decision is about (e.g. "web-1"), may be empty
    QString message;

    bool operator==(const Decision &) const = default;
};

} // namespace ordinal::core
