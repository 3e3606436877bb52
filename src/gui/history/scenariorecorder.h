#pragma once

#include "history/scenario.h"

#include <QObject>
#include <QTimer>

namespace ordinal::gui {

class Session;

// Keeps the scenario log in step with the session's history: every command and apply that
// changed the cluster is appended at its virtual time, steps that history no longer holds
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

private:
    void record(const Scenario::Step &step);

    Session *m_session;
    Scenario m_log;
    QTimer m_autosave;
    bool m_modified = false;
    // Steps recorded since the last autosave.
    bool m_unsavedSinceAutosave = false;
};

} // namespace ordinal::gui
