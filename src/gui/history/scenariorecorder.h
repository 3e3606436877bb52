#pragma once

#include "history/scenario.h"

#include <QObject>
#include <QTimer>

namespace ordinal::gui {

class Session;

// Keeps the scenario log in step with the session's history: every command, apply and
// Kubernetes API write that changed the cluster is appended at its virtual time, steps that history no longer holds
// (undo, a branch) are dropped, and a new cluster starts an empty log. While there are unsaved
// steps the log is written to the autosave file every few seconds (a crash loses little); a
// clean exit removes that file, so finding it at start-up means the last session crashed.
class ScenarioRecorder : public QObject
{
    Q_OBJECT

public:
    explicit ScenarioRecorder(Session *session, QObject *parent = nullptr);

    const Scenario &log() const { return m_log; }
    // The log, ending at the session's present.
    Scenario snapshot() const;
    // Steps were recorded since the last save (or open).
    bool isModified() const { return m_modified; }
    void setModified(bool modified);

    // A write through the Kubernetes API changed the cluster at `at` (ApiServer::written).
    void recordApiWrite(core::Millis at, const core::ApiWrite &write);
    // Applies one step again at its virtual time and records it (as the session records
    // commands and applies); false with the failure in *error.
    bool replayStep(const Scenario::Step &step, QString *error);
    // Replays every step of a scenario on the session's (fresh) cluster, then advances to its
    // end. False with the first failure in *error.
    bool replay(const Scenario &scenario, QString *error);

    static QString autosavePath();
    // Writes the log to autosavePath() now.
    void writeAutosave();
    // Seconds between autosaves (from the preferences).
    void setAutosaveInterval(int seconds);
    // A clean exit: no autosave is left behind and none is written any more.
    void removeAutosave();

Q_SIGNALS:
    // The log gained steps that are not saved, or was saved (or opened).
    void modifiedChanged(bool modified);
    // A step was appended; actionsBefore is the simulation's action count before it ran.
    void stepRecorded(const Scenario::Step &step, qsizetype actionsBefore);

private:
    void record(const Scenario::Step &step);

    Session *m_session;
    Scenario m_log;
    QTimer m_autosave;
    bool m_modified = false;
    // Steps recorded since the last autosave.
    bool m_unsavedSinceAutosave = false;
    // The simulation's action count after the last recorded step (or rewind).
    qsizetype m_actionsBefore = 0;
};

} // namespace ordinal::gui
