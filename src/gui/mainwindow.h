#pragma once

#include "history/scenario.h"

#include <QMainWindow>

class QDockWidget;
class QFrame;
class QLabel;
class QMenu;
class QToolBar;
class QUndoStack;

namespace ordinal::gui {

class ActionHandler;
class ApiServing;
class CanvasExport;
class CanvasView;
class ClusterActions;
class ClusterScene;
class DnsPanel;
class DropOverlay;
class FileActions;
class History;
class HistoryDialog;
class LanguageSwitcher;
class LessonPanel;
class LiveConnection;
class MessageBanner;
class PresenterMode;
class ScenarioRecorder;
class Session;
class TransportBar;

// The application window: the node canvas in the middle with the transport under it, the
// panels as docks around it, menus, toolbar and status bar. It owns no cluster state (all goes
// through the Session) and little behaviour: the actions live in the ActionHandler, what they
// do in ClusterActions, FileActions, CanvasExport, PresenterMode and LanguageSwitcher (under
// window/), the scenario log with its autosave in the ScenarioRecorder and the one undo
// history of every source in History (under history/).
// The functions below that only forward to those are kept for the command line and the tests.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // The version saveState()/restoreState() use; bump it when docks are added or removed.
    static constexpr int kLayoutVersion = 1;

    explicit MainWindow(Session *session, QWidget *parent = nullptr);
    ~MainWindow() override;

    Session *session() const { return m_session; }
    ClusterScene *scene() const { return m_scene; }
    DnsPanel *dnsPanel() const { return m_dnsPanel; }
    ApiServing *apiServing() const { return m_apiServing; }
    LiveConnection *liveConnection() const { return m_liveConnection; } // live view (gui/live)
    CanvasView *canvasView() const { return m_view; }
    TransportBar *transportBar() const { return m_transport; }
    QUndoStack *undoStack() const;
    History *history() const { return m_history; }
    // Edit ▸ History, shown (created on first use).
    HistoryDialog *showHistory();
    MessageBanner *banner() const { return m_banner; }
    DropOverlay *dropOverlay() const { return m_dropOverlay; }
    QToolBar *toolBar() const { return m_toolBar; }
    const QList<QDockWidget *> &docks() const { return m_docks; }
    ActionHandler *actions() const { return m_actions; }
    ClusterActions *clusterActions() const { return m_clusterActions; }
    FileActions *fileActions() const { return m_fileActions; }
    CanvasExport *canvasExport() const { return m_export; }
    ScenarioRecorder *recorder() const { return m_recorder; }
    const Scenario &scenarioLog() const;
    // An action by objectName ("deletePodAction", ...).
    QAction *action(const QString &name) const;

    // Applies manifest files and folders all-or-nothing, or opens one `.ordinal` scenario.
    // On failure the banner names file:line:column and the cluster is unchanged.
    bool openPaths(const QStringList &paths);
    bool openScenario(const QString &path);
    bool saveScenario(const QString &path);
    // The last error shown (empty after a success).
    QString lastError() const { return m_lastError; }
    // The built-in lesson: shows its panel. Its Service and StatefulSet are applied when
    // applyManifests is set, or when there is no lesson panel to step through them.
    bool loadLesson(bool applyManifests = false);

    // The context menu for an object on the canvas (kind "" for the background). The menu is
    // rebuilt on each call and owned by the window.
    QMenu *contextMenuFor(const QString &kind, const QString &key);

    // User actions (all undoable, all recorded in the scenario): see ClusterActions.
    bool deletePod(const QString &podKey, bool force);
    bool setPodReady(const QString &podKey, bool ready);
    bool crashPod(const QString &podKey);
    bool scaleStatefulSet(const QString &setKey, int replicas);
    bool setStatefulSetImage(const QString &setKey, const QString &container, const QString &image);
    bool setPartition(const QString &setKey, int partition);
    bool setNodeUp(const QString &node, bool up);
    bool cordonNode(const QString &node, bool cordon);
    bool drainNode(const QString &node);

    bool isPresenterMode() const;
    // The presenter strip (caption and DNS answer), for tests.
    QFrame *presenterStrip() const;
    // "en" or "zh_CN": installs the translator from :/i18n; false when it is not available.
    bool setLanguage(const QString &language);
    QString language() const;

    bool exportPng(const QString &path, qreal scale = 2.0);
    bool exportSvg(const QString &path);
    // One PNG per `step` of virtual time in [from, to], from the simulation's history.
    bool exportFrames(const QString &folder, core::Millis from, core::Millis to, core::Millis step,
                      const QSize &size, bool presenterStyle, QString *error);

    void restoreLayout();
    void saveLayout();
    // If an autosave from a session that did not close cleanly exists, offers to restore it.
    void offerRestore();
    static QString autosavePath();
    void writeAutosave();

    // The banner (and status bar) show an error; lastError() returns it.
    void showError(const QString &text);
    // After a success: lastError() is empty, and an error banner is hidden when hideBanner.
    void clearError(bool hideBanner = true);
    void showInfo(const QString &text);

public Q_SLOTS:
    void setPresenterMode(bool on);
    void retranslateUi();

Q_SIGNALS:
    // Files were applied (or a scenario opened) successfully.
    void filesOpened(const QStringList &paths);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void connectWindowActions();
    void createMenus();
    void createToolBar();
    void createDocks();
    void createStatusBar();
    void updateActions();
    void updateStatus();
    void historyBranched(core::Millis at, const QStringList &discarded);
    void showPreferences();
    void showAbout();
    void showContextMenu(const QString &kind, const QString &key, const QPoint &globalPos);

    Session *m_session;
    ClusterScene *m_scene;
    CanvasView *m_view;
    TransportBar *m_transport;
    MessageBanner *m_banner;
    QWidget *m_bannerBox = nullptr;
    DropOverlay *m_dropOverlay;
    ScenarioRecorder *m_recorder;
    History *m_history;
    HistoryDialog *m_historyDialog = nullptr;
    ActionHandler *m_actions;
    ClusterActions *m_clusterActions;
    FileActions *m_fileActions;
    CanvasExport *m_export;
    PresenterMode *m_presenter;
    LanguageSwitcher *m_languages;
    QToolBar *m_toolBar = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_exportMenu = nullptr;
    QMenu *m_editMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_panelsMenu = nullptr;
    QMenu *m_simMenu = nullptr;
    QMenu *m_clusterMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QList<QDockWidget *> m_docks;
    DnsPanel *m_dnsPanel = nullptr;
    ApiServing *m_apiServing = nullptr;
    LiveConnection *m_liveConnection = nullptr; // live view of a real cluster (gui/live)
    LessonPanel *m_lessonPanel = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_zoomLabel = nullptr;
    QString m_lastError;
};

} // namespace ordinal::gui
