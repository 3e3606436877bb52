#include "history/scenariorecorder.h"

#include "session.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace ordinal::gui {

ScenarioRecorder::ScenarioRecorder(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(m_session, &Session::historyRewound, this, [this] {
        m_log.truncate(m_session->simulation().actionCount());
        m_actionsBefore = m_session->simulation().actionCount();
    });
    connect(m_session, &Session::clusterReset, this, [this] {
        m_log.clear();
        m_actionsBefore = m_session->simulation().actionCount();
    });
    connect(m_session, &Session::commandRecorded, this,
            [this](core::Millis at, const QString &line, const QString &baseDir, const QString &ns) {
                Scenario::Step step;
                step.at = at;
                step.command = line;
                step.baseDir = baseDir;
                step.ns = ns;
                record(step);
            });
    connect(m_session, &Session::manifestsApplied, this,
            [this](core::Millis at, const QList<ManifestText> &files) {
                Scenario::Step step;
                step.at = at;
                step.files = files;
                record(step);
            });
    connect(&m_autosave, &QTimer::timeout, this, [this] {
        if (m_unsavedSinceAutosave)
            writeAutosave();
    });
}

void ScenarioRecorder::record(const Scenario::Step &recorded)
{
    Scenario::Step step = recorded;
    step.actionIndex = m_session->simulation().actionCount();
    m_log.append(step);
    const qsizetype before = std::min(m_actionsBefore, step.actionIndex);
    m_actionsBefore = step.actionIndex;
    m_unsavedSinceAutosave = true;
    setModified(true);
    Q_EMIT stepRecorded(step, before);
}

void ScenarioRecorder::recordApiWrite(core::Millis at, const core::ApiWrite &write)
{
    Scenario::Step step;
    step.at = at;
    step.api = write;
    record(step);
}

bool ScenarioRecorder::replayStep(const Scenario::Step &step, QString *error)
{
    const qsizetype before = m_session->simulation().actionCount();
    if (!Scenario::replayStep(m_session, step, error))
        return false;
    // The session records commands and applies itself; an API write goes around it.
    if (step.api && m_session->simulation().actionCount() > before)
        recordApiWrite(step.at, *step.api);
    return true;
}

bool ScenarioRecorder::replay(const Scenario &scenario, QString *error)
{
    for (const Scenario::Step &step : scenario.steps()) {
        if (!replayStep(step, error))
            return false;
    }
    core::Simulation &sim = m_session->simulation();
    if (scenario.end() > sim.now())
        sim.advanceTo(scenario.end());
    m_session->actionDone();
    return true;
}

Scenario ScenarioRecorder::snapshot() const
{
    Scenario log = m_log;
    log.setEnd(m_session->now());
    return log;
}

void ScenarioRecorder::setModified(bool modified)
{
    if (!modified)
        m_unsavedSinceAutosave = false;
    if (modified == m_modified)
        return;
    m_modified = modified;
    Q_EMIT modifiedChanged(modified);
}

QString ScenarioRecorder::autosavePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("autosave.ordinal"));
}

void ScenarioRecorder::writeAutosave()
{
    QDir().mkpath(QFileInfo(autosavePath()).absolutePath());
    QString error;
    if (snapshot().save(autosavePath(), &error))
        m_unsavedSinceAutosave = false;
}

void ScenarioRecorder::setAutosaveInterval(int seconds)
{
    m_autosave.setInterval(seconds * 1000);
    m_autosave.start();
}

void ScenarioRecorder::removeAutosave()
{
    QFile::remove(autosavePath());
    m_autosave.stop();
}

} // namespace ordinal::gui
