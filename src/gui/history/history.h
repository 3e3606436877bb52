#pragma once

#include "history/scenario.h"

#include <QObject>
#include <QStringList>

class QUndoStack;

namespace ordinal::gui {

class ScenarioRecorder;
class Session;

// One history of everything the user did, whatever its source: commands typed in the console
// or run by a lesson step, window actions (one entry for all the lines of one action), files
// applied, and writes that arrived through the Kubernetes API. Every step the scenario
// recorder records becomes an entry of one undo stack; undo rewinds the simulation to just
// before the entry, redo applies its steps again at their virtual times.
//
// Nothing is discarded silently. Acting after an undo, or while looking at the past, starts
// a new branch: the entries it replaces are kept in branches() (Edit ▸ History lists them) and
// branched() names them, so the window can say what was dropped.
class History : public QObject
{
    Q_OBJECT

public:
    struct Branch
    {
        core::Millis at = 0;  // where the new branch left the old one
        QStringList discarded; // the entries of the old branch from there on, oldest first
    };

    History(Session *session, ScenarioRecorder *recorder, QObject *parent = nullptr);
    ~History() override;

    QUndoStack *stack() const { return m_stack; }
    const QList<Branch> &branches() const { return m_branches; }

    // Steps recorded until endGroup() form one entry named text (a window action).
    void beginGroup(const QString &text);
    void endGroup();

    // Applies the steps again at their virtual times (for redo); false on the first failure.
    bool replay(const QList<Scenario::Step> &steps);

Q_SIGNALS:
    // A new branch replaced the entries `discarded` (oldest first), at virtual time `at`.
    void branched(core::Millis at, const QStringList &discarded);

private:
    class Entry;
    void stepRecorded(const Scenario::Step &step, qsizetype actionsBefore);
    void push(const QString &text, const QList<Scenario::Step> &steps, qsizetype actionsBefore);
    // Drops the entries from index on (their actions are gone from the simulation) as a branch.
    void discardFrom(int index, core::Millis at);
    static QString textOf(const Scenario::Step &step);

    Session *m_session;
    ScenarioRecorder *m_recorder;
    QUndoStack *m_stack;
    QList<Branch> m_branches;
    bool m_replaying = false;
    int m_groupDepth = 0;
    QString m_groupText;
    QList<Scenario::Step> m_groupSteps;
    qsizetype m_groupBefore = -1;
};

} // namespace ordinal::gui
