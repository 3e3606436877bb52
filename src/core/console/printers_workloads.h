#pragma once

// Printers for what Ordinal added to the simulation after the first kinds: init containers in
// a pod's STATUS and RESTARTS, and the table rows of the policy kinds (PodDisruptionBudget).
// Columns and cell texts follow pkg/printers/internalversion/printers.go.

#include "api/types.h"

#include <QStringList>

#include <optional>

namespace ordinal::core {

class Simulation;
struct PodDisruptionBudget;

namespace printers {

// The init-container part of printPod's STATUS: "Init:1/2", "Init:Error",
// "Init:CrashLoopBackOff", "Init:ExitCode:N"; nothing once the pod is initialized (the app
// containers then decide the STATUS).
std::optional<QString> initContainersStatus(const Pod &pod);
// Restarts of init containers that printPod adds to RESTARTS while the pod initializes.
int initContainerRestarts(const Pod &pod);
// When the last of those restarts' runs ended, for RESTARTS "1 (5s ago)"; nothing once the pod is
// initialized.
std::optional<Millis> initContainerLastTermination(const Pod &pod);

// kubectl get poddisruptionbudgets: NAME MIN AVAILABLE MAX UNAVAILABLE ALLOWED DISRUPTIONS AGE.
QStringList podDisruptionBudgetHeader();
QStringList podDisruptionBudgetRow(const PodDisruptionBudget &pdb, Millis now);
// kubectl describe poddisruptionbudget (describePodDisruptionBudget), with its events.
QString describePodDisruptionBudget(const Simulation &sim, const PodDisruptionBudget &pdb);

} // namespace printers

} // namespace ordinal::core
