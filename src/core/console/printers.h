#pragma once

#include "api/types.h"

#include <QList>
#include <QStringList>

namespace ordinal::core {

class Simulation;
class Store;
struct Decision;

// The server-side table printer and `kubectl describe`, for the kinds Ordinal simulates.
// Columns and cell texts follow pkg/printers/internalversion/printers.go; describe follows
// kubectl's describers. Rows are cell lists; TableWriter lays them out.
namespace printers {

// printPod's STATUS algorithm (statefulset.md §2.2).
QString podStatus(const Pod &pod);
// RESTARTS: "0", or "3 (12s ago)" when a last termination is known.
QString podRestarts(const Pod &pod, Millis now);

QStringList podHeader(bool wide);
QStringList podRow(const Pod &pod, Millis now, bool wide);
QStringList statefulSetHeader(bool wide);
QStringList statefulSetRow(const StatefulSet &set, Millis now, bool wide);
QStringList serviceHeader(bool wide);
QStringList serviceRow(const Service &service, Millis now, bool wide);
QStringList endpointsHeader();
QStringList endpointsRow(const Endpoints &endpoints, Millis now);
QStringList nodeHeader(bool wide);
QStringList nodeRow(const Node &node, Millis now, bool wide);
QStringList claimHeader();
QStringList claimRow(const PersistentVolumeClaim &claim, Millis now);
QStringList eventHeader();
QStringList eventRow(const Event &event, Millis now);

// describe's "Events:" section for the object of that kind and uid (Events: <none> without).
QString eventsBlock(const Simulation &sim, const QString &kind, const QString &uid);
QString describePod(const Simulation &sim, const Pod &pod);
QString describeStatefulSet(const Simulation &sim, const StatefulSet &set);
QString describeService(const Simulation &sim, const Service &service);
QString describeNode(const Simulation &sim, const Node &node);

// A YAML rendering of the object as `kubectl get -o yaml` shows its main fields.
QString podYaml(const Pod &pod);
QString statefulSetYaml(const StatefulSet &set);

} // namespace printers

} // namespace ordinal::core
