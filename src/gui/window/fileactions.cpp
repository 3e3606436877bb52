#include "window/fileactions.h"

#include "history/scenariorecorder.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "session.h"
#include "window/actionhandler.h"

#include "console/tablewriter.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>

namespace ordinal::gui {

namespace {

constexpr int kMaxRecent = 8;

bool isManifestFile(const QFileInfo &info)
{
    const QString suffix = info.suffix().toLower();
    return suffix == QLatin1String("yaml") || suffix == QLatin1String("yml")
        || suffix == QLatin1String("json");
}

} // namespace

FileActions::FileActions(MainWindow *window, Session *session, ScenarioRecorder *recorder,
                         ActionHandler *actions)
    : QObject(window)
    , m_window(window)
    , m_session(session)
    , m_recorder(recorder)
    , m_actions(actions)
{
    connect(m_actions->action("newAction"), &QAction::triggered, this, &FileActions::newScenario);
    connect(m_actions->action("openAction"), &QAction::triggered, this, &FileActions::open);
    connect(m_actions->action("reloadAction"), &QAction::triggered, this, &FileActions::reload);
    connect(m_actions->action("saveScenarioAction"), &QAction::triggered, this,
            &FileActions::saveScenarioAs);
}

bool FileActions::openPaths(const QStringList &paths)
{
    if (paths.isEmpty())
        return false;
    if (paths.size() == 1 && paths.first().endsWith(QLatin1String(".ordinal"), Qt::CaseInsensitive))
        return openScenario(paths.first());

    // Read every file first: nothing is applied unless all of them decode and admit.
    QList<ManifestText> files;
    QStringList problems;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.exists()) {
            problems << tr("error: the path \"%1\" does not exist").arg(path);
            continue;
        }
        QList<QFileInfo> entries;
        QString prefix;
        if (info.isDir()) {
            prefix = info.fileName() + QLatin1Char('/');
            const QFileInfoList list = QDir(path).entryInfoList(QDir::Files, QDir::Name);
            for (const QFileInfo &e : list) {
                if (isManifestFile(e))
                    entries << e;
            }
            if (entries.isEmpty())
                problems << tr("error: no manifests (.yaml, .yml, .json) in \"%1\"").arg(path);
        } else {
            entries << info;
        }
        for (const QFileInfo &e : std::as_const(entries)) {
            QFile file(e.filePath());
            if (!file.open(QIODevice::ReadOnly)) {
                problems << tr("error: cannot read \"%1\": %2").arg(e.filePath(), file.errorString());
                continue;
            }
            files << ManifestText(prefix + e.fileName(), file.readAll());
        }
    }
    if (problems.isEmpty()) {
        const core::ActionResult result = m_session->applyManifests(files);
        if (!result.ok)
            problems << result.error;
        else {
            m_window->clearError();
            m_lastPaths = paths;
            m_lastScenario.clear();
            addRecent(paths);
            m_window->showInfo(result.lines.join(QStringLiteral(" · ")));
            m_actions->updateActions();
            Q_EMIT filesOpened(paths);
            return true;
        }
    }
    m_window->showError((m_reset ? tr("Nothing was applied; the cluster was started again and "
                                      "is empty.")
                                 : tr("Nothing was applied; the cluster is unchanged."))
                        + QLatin1Char('\n') + problems.join(QLatin1Char('\n')));
    return false;
}

bool FileActions::reopenPaths(const QStringList &paths)
{
    m_session->resetCluster(m_session->config());
    m_reset = true;
    const bool ok = openPaths(paths);
    m_reset = false;
    return ok;
}

bool FileActions::openScenario(const QString &path)
{
    Scenario scenario;
    QString error;
    if (!Scenario::load(path, &scenario, &error)) {
        m_window->showError(tr("The scenario could not be opened; the cluster is unchanged.")
                            + QLatin1Char('\n') + error);
        return false;
    }
    m_session->resetCluster(m_session->config());
    if (!m_recorder->replay(scenario, &error)) {
        m_window->showError(tr("The scenario stopped at a failing step:") + QLatin1Char('\n') + error);
        return false;
    }
    m_window->clearError(false);
    m_lastScenario = path;
    m_lastPaths.clear();
    addRecent({path});
    m_recorder->setModified(false);
    m_window->setWindowFilePath(path);
    m_window->showInfo(tr("Opened %1 at %2").arg(QFileInfo(path).fileName(),
                                                 core::goDuration(m_session->now())));
    m_actions->updateActions();
    Q_EMIT filesOpened({path});
    return true;
}

bool FileActions::saveScenario(const QString &path)
{
    QString error;
    if (!m_recorder->snapshot().save(path, &error)) {
        m_window->showError(tr("The scenario could not be saved to %1: %2").arg(path, error));
        return false;
    }
    m_recorder->setModified(false);
    m_window->setWindowFilePath(path);
    addRecent({path});
    m_window->showInfo(tr("Saved %1").arg(QFileInfo(path).fileName()));
    return true;
}

void FileActions::newScenario()
{
    m_session->resetCluster(m_session->config());
    m_lastPaths.clear();
    m_lastScenario.clear();
    m_recorder->setModified(false);
    m_window->setWindowFilePath(QString());
    m_actions->updateActions();
}

void FileActions::open()
{
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("files/lastDir"), QDir::homePath()).toString();
    const QStringList paths = QFileDialog::getOpenFileNames(
        m_window, tr("Open Manifests or Scenario"), dir,
        tr("Manifests and scenarios (*.yaml *.yml *.json *.ordinal);;Manifests (*.yaml *.yml *.json);;"
           "Scenarios (*.ordinal);;All files (*)"));
    if (paths.isEmpty())
        return;
    settings.setValue(QStringLiteral("files/lastDir"), QFileInfo(paths.first()).absolutePath());
    openPaths(paths);
}

void FileActions::reload()
{
    if (!m_lastScenario.isEmpty()) {
        openScenario(m_lastScenario);
        return;
    }
    if (m_lastPaths.isEmpty())
        return;
    const QStringList paths = m_lastPaths;
    reopenPaths(paths);
}

void FileActions::saveScenarioAs()
{
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("files/lastDir"), QDir::homePath()).toString();
    QString path = QFileDialog::getSaveFileName(m_window, tr("Save Scenario"),
                                                QDir(dir).filePath(QStringLiteral("scenario.ordinal")),
                                                tr("Ordinal scenarios (*.ordinal)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".ordinal")))
        path += QStringLiteral(".ordinal");
    saveScenario(path);
}

void FileActions::addRecent(const QStringList &paths)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("files/recent")).toStringList();
    // A multi-file open is one entry: its paths joined by a newline.
    QStringList absolute;
    for (const QString &p : paths)
        absolute << QFileInfo(p).absoluteFilePath();
    const QString entry = absolute.join(QLatin1Char('\n'));
    recent.removeAll(entry);
    recent.prepend(entry);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(QStringLiteral("files/recent"), recent);
    updateRecentMenu();
}

void FileActions::setRecentMenu(QMenu *menu)
{
    m_recentMenu = menu;
    updateRecentMenu();
}

void FileActions::updateRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("files/recent")).toStringList();
    int n = 0;
    for (const QString &entry : recent) {
        const QStringList paths = entry.split(QLatin1Char('\n'));
        QString label = QFileInfo(paths.first()).fileName();
        if (paths.size() > 1)
            label = tr("%1 and %n more", nullptr, int(paths.size() - 1)).arg(label);
        QAction *a = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(++n).arg(label));
        a->setToolTip(paths.join(QStringLiteral(", ")));
        connect(a, &QAction::triggered, this, [this, paths] { reopenPaths(paths); });
    }
    if (recent.isEmpty()) {
        m_recentMenu->addAction(tr("No recent files"))->setEnabled(false);
    } else {
        m_recentMenu->addSeparator();
        connect(m_recentMenu->addAction(tr("&Clear List")), &QAction::triggered, this, [this] {
            QSettings().remove(QStringLiteral("files/recent"));
            updateRecentMenu();
        });
    }
}

QStringList FileActions::localPaths(const QMimeData *mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    return paths;
}

void FileActions::offerRestore()
{
    const QString path = ScenarioRecorder::autosavePath();
    if (!QFileInfo::exists(path))
        return;
    const auto answer = QMessageBox::question(
        m_window, tr("Restore Scenario"),
        tr("Ordinal did not close properly last time. Restore the scenario saved automatically "
           "at %1?")
            .arg(QLocale().toString(QFileInfo(path).lastModified(), QLocale::ShortFormat)),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer == QMessageBox::Yes)
        openScenario(path);
    else
        QFile::remove(path);
}

bool FileActions::confirmDiscardChanges()
{
    if (!m_window->isWindowModified())
        return true;
    QMessageBox box(QMessageBox::Question, tr("Unsaved Changes"),
                    tr("The scenario has changes that are not saved. Save them before quitting?"),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, m_window);
    box.setObjectName(QStringLiteral("unsavedChangesBox"));
    box.setInformativeText(tr("A saved scenario keeps the manifests and every action with its "
                              "time, to replay them later."));
    box.setDefaultButton(QMessageBox::Save);
    box.setEscapeButton(QMessageBox::Cancel);
    switch (box.exec()) {
    case QMessageBox::Save:
        saveScenarioAs();
        // A cancelled file dialog keeps the window open.
        return !m_window->isWindowModified();
    case QMessageBox::Discard:
        return true;
    default:
        return false;
    }
}

} // namespace ordinal::gui
