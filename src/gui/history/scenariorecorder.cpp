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
    connect(m_session, &Session::historyRewound, this,
            [this] { m_log.truncate(m_session->simulation().actionCount()); });
    connect(m_session, &Session::clusterReset, this, [this] { m_log.clear(); });
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
    m_unsavedSinceAutosave = true;
    setModified(true);
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
