#pragma once

#include "session.h"

#include "sim/apiwrite.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace ordinal::gui {

// A replayable record of what the user did: the manifest texts applied, the console
// commands that changed the cluster and the writes that arrived through the Kubernetes API,
// each at its virtual time. Because the simulation is
// deterministic, replaying the steps on a fresh cluster gives the same history. Saved as a
// single JSON file (`*.ordinal`) that embeds the manifest texts, so it opens anywhere.
class Scenario
{
    Q_DECLARE_TR_FUNCTIONS(Scenario)

public:
    struct Step
    {
        core::Millis at = 0;
        qsizetype actionIndex = 0;   // simulation actionCount() after the step
        QList<ManifestText> files;   // an apply of these texts, or
        QString command;             // a console command line, or
        std::optional<core::ApiWrite> api; // a write through the Kubernetes API
        QString baseDir;
        QString ns;
    };

    const QList<Step> &steps() const { return m_steps; }
    bool isEmpty() const { return m_steps.isEmpty(); }
    core::Millis end() const { return m_end; }
    void setEnd(core::Millis end) { m_end = end; }
    void clear();
    void append(const Step &step);
    // Drops the steps that history no longer holds (after undo or a branch).
    void truncate(qsizetype actionCount);

    QByteArray toJson() const;
    static bool fromJson(const QByteArray &json, Scenario *scenario, QString *error);
    // Writes atomically (QSaveFile).
    bool save(const QString &path, QString *error) const;
    static bool load(const QString &path, Scenario *scenario, QString *error);
    // Applies one step on the session's cluster at its virtual time (advancing to it first).
    // False with the failure in *error. An API write is applied through core::Operations, as
    // the server applied it; the caller records it (the session does not see it).
    static bool replayStep(Session *session, const Step &step, QString *error);

private:
    QList<Step> m_steps;
    core::Millis m_end = 0;
};

} // namespace ordinal::gui
