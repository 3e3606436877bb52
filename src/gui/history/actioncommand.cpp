#include "history/actioncommand.h"

#include "session.h"

namespace ordinal::gui {

ActionCommand::ActionCommand(Session *session, const QString &text,
                             const QList<CommandLine> &lines, qsizetype actionIndex, Runner runner)
    : QUndoCommand(text)
    , m_session(session)
    , m_lines(lines)
    , m_index(actionIndex)
    , m_runner(std::move(runner))
{
}

void ActionCommand::undo()
{
    m_session->goLive();
    m_session->simulation().rewindToAction(m_index);
    m_session->actionDone();
    m_done = false;
}

void ActionCommand::redo()
{
    if (m_done)
        return; // pushed after it ran
    m_session->goLive();
    m_index = m_session->simulation().actionCount();
    m_runner(m_lines);
    m_done = true;
}

} // namespace ordinal::gui
