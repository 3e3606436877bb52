#pragma once

// Shared helpers for the panel tests: the seed manifests of the lesson, applied through the
// session's console as a user would.

#include "session.h"

#include <QString>
#include <QTest>

namespace ordinal::gui::test {

inline QString seedDir()
{
    return QStringLiteral(ORDINAL_SOURCE_DIR "/resources/lessons/topology");
}

// Applies the seed Service and StatefulSet and lets the cluster settle (web-0, web-1 Ready).
inline bool applySeed(Session &session)
{
    for (const char *file : {"seed-svc.yaml", "seed-statefulset.yaml"}) {
        const core::ConsoleOutput out = session.runCommand(
            QStringLiteral("kubectl apply -f %1").arg(QLatin1String(file)), seedDir());
        if (!out.ok()) {
            qWarning("apply %s failed: %s", file, qPrintable(out.text));
            return false;
        }
    }
    session.advanceUntilSettled();
    return true;
}

inline QString podIP(const Session &session, const QString &name)
{
    const core::Pod *pod =
        session.simulation().store().find<core::Pod>(QStringLiteral("default"), name);
    return pod ? pod->status.podIP : QString();
}

} // namespace ordinal::gui::test
