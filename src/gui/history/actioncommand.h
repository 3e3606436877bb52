#pragma once

#include <QList>
#include <QString>
#include <QUndoCommand>

#include <functional>

namespace ordinal::gui {

class Session;

// One console line of a user action, with the namespace it runs in.
struct CommandLine
{
    QString ns;      // empty: the console's current namespace
    QString line;
    QString baseDir; // resolves relative manifest paths
};

// A user action on the cluster (delete pod, scale, cordon, ...) as an undoable command. The
// action is a list of console lines, so it is recorded in the scenario like a typed command.
// Undo rewinds the simulation to just before the action (Simulation::rewindToAction); redo
// runs the lines again at that moment. The first redo (from QUndoStack::push) does nothing:
// the action has already run when the command is pushed.
class ActionCommand : public QUndoCommand
{
public:
    using Runner = std::function<bool(const QList<CommandLine> &lines)>;

    ActionCommand(Session *session, const QString &text, const QList<CommandLine> &lines,
                  qsizetype actionIndex, Runner runner);

    void undo() override;
    void redo() override;

    qsizetype actionIndex() const { return m_index; }
    const QList<CommandLine> &lines() const { return m_lines; }

private:
    Session *m_session;
    QList<CommandLine> m_lines;
    qsizetype m_index;
    Runner m_runner;
    bool m_done = true;
};

} // namespace ordinal::gui
