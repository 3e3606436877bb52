#include "history/history.h"

#include "history/scenariorecorder.h"
#include "session.h"

#include <QUndoCommand>
#include <QUndoStack>

#include <tuple>

namespace ordinal::gui {

// One entry: the steps of one user action, and where the simulation's actions stood before it.
// The first redo (from QUndoStack::push) does nothing: the steps have already run.
class History::Entry : public QUndoCommand
{
public:
    Entry(History *history, const QString &text, const QList<Scenario::Step> &steps,
          qsizetype actionsBefore)
        : QUndoCommand(text)
        , m_history(history)
        , m_steps(steps)
        , m_before(actionsBefore)
    {
    }

    void undo() override
    {
        Session *session = m_history->m_session;
        session->goLive();
        session->simulation().rewindToAction(m_before);
        session->actionDone();
        m_done = false;
    }

    void redo() override
    {
        if (m_done)
            return;
        m_history->m_session->goLive();
        m_before = m_history->m_session->simulation().actionCount();
        m_history->replay(m_steps);
        m_done = true;
    }

    const QList<Scenario::Step> &steps() const { return m_steps; }
    qsizetype actionsBefore() const { return m_before; }

private:
    History *m_history;
    QList<Scenario::Step> m_steps;
    qsizetype m_before;
    bool m_done = true;
};

History::History(Session *session, ScenarioRecorder *recorder, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_recorder(recorder)
    , m_stack(new QUndoStack(this))
{
    connect(m_recorder, &ScenarioRecorder::stepRecorded, this, &History::stepRecorded);
    connect(m_session, &Session::clusterReset, this, [this] {
        m_stack->clear();
        m_branches.clear();
    });
    // Acting while looking at the past cut the simulation's history there: the entries whose
    // actions were after that moment (and those undone) belong to the old branch now.
    connect(m_session, &Session::historyBranched, this, [this](core::Millis at) {
        const qsizetype actions = m_session->simulation().actionCount();
        int first = m_stack->index();
        for (int i = 0; i < m_stack->index(); ++i) {
            if (static_cast<const Entry *>(m_stack->command(i))->actionsBefore() >= actions) {
                first = i;
                break;
            }
        }
        discardFrom(first, at);
    });
}

History::~History()
{
    disconnect(m_session, nullptr, this, nullptr);
}

void History::beginGroup(const QString &text)
{
    if (m_groupDepth++ > 0)
        return;
    m_groupText = text;
    m_groupSteps.clear();
    m_groupBefore = -1;
}

void History::endGroup()
{
    if (m_groupDepth == 0 || --m_groupDepth > 0)
        return;
    if (!m_groupSteps.isEmpty())
        push(m_groupText, m_groupSteps, m_groupBefore);
    m_groupSteps.clear();
}

void History::stepRecorded(const Scenario::Step &step, qsizetype actionsBefore)
{
    if (m_replaying)
        return;
    if (m_groupDepth > 0) {
        if (m_groupSteps.isEmpty())
            m_groupBefore = actionsBefore;
        m_groupSteps << step;
        return;
    }
    push(textOf(step), {step}, actionsBefore);
}

void History::push(const QString &text, const QList<Scenario::Step> &steps, qsizetype actionsBefore)
{
    // Acting after an undo: the undone entries are replaced by this one.
    if (m_stack->index() < m_stack->count())
        discardFrom(m_stack->index(), steps.first().at);
    m_stack->push(new Entry(this, text, steps, actionsBefore));
}

void History::discardFrom(int index, core::Millis at)
{
    Branch branch;
    branch.at = at;
    for (int i = index; i < m_stack->count(); ++i)
        branch.discarded << m_stack->text(i);
    if (!branch.discarded.isEmpty()) {
        // QUndoStack cannot drop entries below its index: it is rebuilt from the kept ones
        // (already done, so their first redo does nothing).
        QList<std::tuple<QString, QList<Scenario::Step>, qsizetype>> kept;
        for (int i = 0; i < index; ++i) {
            const auto *entry = static_cast<const Entry *>(m_stack->command(i));
            kept.append({entry->text(), entry->steps(), entry->actionsBefore()});
        }
        m_stack->clear();
        for (const auto &[text, steps, before] : std::as_const(kept))
            m_stack->push(new Entry(this, text, steps, before));
        m_branches << branch;
    }
    Q_EMIT branched(at, branch.discarded);
}

bool History::replay(const QList<Scenario::Step> &steps)
{
    m_replaying = true;
    bool ok = true;
    for (const Scenario::Step &step : steps) {
        QString error;
        if (!m_recorder->replayStep(step, &error)) {
            ok = false;
            break;
        }
    }
    m_replaying = false;
    return ok;
}

QString History::textOf(const Scenario::Step &step)
{
    if (step.api)
        return tr("%1 through the Kubernetes API").arg(step.api->summary());
    if (!step.files.isEmpty()) {
        QStringList names;
        for (const ManifestText &file : step.files)
            names << file.first;
        return tr("Apply %1").arg(names.join(QStringLiteral(", ")));
    }
    return step.command;
}

} // namespace ordinal::gui
