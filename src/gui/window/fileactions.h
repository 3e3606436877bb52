#pragma once

#include <QObject>
#include <QStringList>

class QMenu;
class QMimeData;

namespace ordinal::gui {

class ActionHandler;
class MainWindow;
class ScenarioRecorder;
class Session;

// The File menu: new cluster, open (manifest files and folders applied all-or-nothing, or one
// `.ordinal` scenario), the recent list, reload, save scenario, restoring an autosave and the
// question asked before unsaved steps are lost. Drops on the window open through here too.
class FileActions : public QObject
{
    Q_OBJECT

public:
    FileActions(MainWindow *window, Session *session, ScenarioRecorder *recorder,
                ActionHandler *actions);

    // Applies manifest files and folders all-or-nothing, or opens one `.ordinal` scenario.
    // On failure the banner names file:line:column and the cluster is unchanged.
    bool openPaths(const QStringList &paths);
    bool openScenario(const QString &path);
    bool saveScenario(const QString &path);
    // Something was opened that Reload can open again.
    bool canReload() const { return !m_lastPaths.isEmpty() || !m_lastScenario.isEmpty(); }

    // The menu File ▸ Open Recent fills.
    void setRecentMenu(QMenu *menu);
    void updateRecentMenu();
    // The local files and folders of a drag.
    static QStringList localPaths(const QMimeData *mime);

    // If an autosave from a session that did not close cleanly exists, offers to restore it.
    void offerRestore();
    // With unsaved changes (a `*` in the title): asks to save, discard or cancel. True when the
    // window may close.
    bool confirmDiscardChanges();

Q_SIGNALS:
    // Files were applied (or a scenario opened) successfully.
    void filesOpened(const QStringList &paths);

private:
    // Starts again with a fresh cluster, then opens paths (Reload, Open Recent): a failure
    // then says the cluster was reset, not that it is unchanged.
    bool reopenPaths(const QStringList &paths);
    void newScenario();
    void open();
    void reload();
    void saveScenarioAs();
    void addRecent(const QStringList &paths);

    MainWindow *m_window;
    Session *m_session;
    ScenarioRecorder *m_recorder;
    ActionHandler *m_actions;
    QMenu *m_recentMenu = nullptr;
    QStringList m_lastPaths;
    QString m_lastScenario;
    bool m_reset = false; // the cluster was reset for the paths being opened
};

} // namespace ordinal::gui
