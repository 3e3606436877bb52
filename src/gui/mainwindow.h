#pragma once

#include "actioncommand.h"
#include "scenario.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <memory>

class QActionGroup;
class QDockWidget;
class QFrame;
class QLabel;
class QMimeData;
class QMenu;
class QToolBar;
class QTranslator;
class QUndoStack;

namespace ordinal::gui {

class ApiServing;
class CanvasView;
class DnsPanel;
class LessonPanel;
class LiveConnection;
class ClusterScene;
class DropOverlay;
class MessageBanner;
class Session;
class TransportBar;

// The application window: the node canvas in the middle with the transport under it, the
// panels as docks around it, menus, toolbar and shortcuts for every user action (undoable),
// files (open, recent, reload, drop, scenario save/open, autosave), export, presenter mode and
// the run-time language switch. It owns no cluster state: everything goes through the Session.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(Session *session, QWidget *parent = nullptr);
    ~MainWindow() override;

    Session *session() const { return m_session; }
    ClusterScene *scene() const { return m_scene; }
    DnsPanel *dnsPanel() const { return m_dnsPanel; }
    ApiServing *apiServing() const { return m_apiServing; }
    LiveConnection *liveConnection() const { return m_liveConnection; } // live view (gui/live)
    CanvasView *canvasView() const { return m_view; }
    TransportBar *transportBar() const { return m_transport; }
    QUndoStack *undoStack() const { return m_undo; }
    MessageBanner *banner() const { return m_banner; }
    DropOverlay *dropOverlay() const { return m_dropOverlay; }
    const Scenario &scenarioLog() const { return m_log; }
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

    // User actions (all undoable, all recorded in the scenario).
    bool deletePod(const QString &podKey, bool force);
    bool setPodReady(const QString &podKey, bool ready);
    bool crashPod(const QString &podKey);
    bool scaleStatefulSet(const QString &setKey, int replicas);
    bool setStatefulSetImage(const QString &setKey, const QString &container, const QString &image);
    bool setPartition(const QString &setKey, int partition);
    bool setNodeUp(const QString &node, bool up);
    bool cordonNode(const QString &node, bool cordon);
    bool drainNode(const QString &node);

    bool isPresenterMode() const { return m_presenter; }
    // The presenter strip (caption and DNS answer), for tests.
    QFrame *presenterStrip() const { return m_presenterStrip; }
    // "en" or "zh_CN": installs the translator from :/i18n; false when it is not available.
    bool setLanguage(const QString &language);
    QString language() const { return m_language; }

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
    // With unsaved changes (a `*` in the title): asks to save, discard or cancel. True when the
    // window may close.
    bool confirmDiscardChanges();
    void createActions();
    void createMenus();
    void createToolBar();
    void createDocks();
    void createStatusBar();
    QAction *makeAction(const char *objectName, const QString &iconName,
                        const QKeySequence &shortcut = {});
    void updateActions();
    void updateStatus();
    void updatePresenterStrip();
    void updateRecentMenu();
    void addRecent(const QStringList &paths);
    void showError(const QString &text);
    void showInfo(const QString &text);
    void historyBranched(core::Millis at);
    void newScenario();
    void open();
    void reload();
    void saveScenarioAs();
    void exportPngDialog();
    void exportSvgDialog();
    void exportFramesDialog();
    void showPreferences();
    void showAbout();
    void showContextMenu(const QString &kind, const QString &key, const QPoint &globalPos);
    bool runAction(const QString &text, const QList<CommandLine> &lines);
    bool runLines(const QList<CommandLine> &lines);
    QStringList localPaths(const QMimeData *mime) const;
    std::unique_ptr<ClusterScene> snapshotScene() const;
    static void renderContent(ClusterScene *scene, QPainter *painter, const QRectF &target);
    void applyPresenterPalette(bool on);

    // Targets of the actions, from the session's selection.
    QString selectedPod() const;
    QString selectedNode() const;
    QString selectedStatefulSet() const;
    void scaleDialog();
    void imageDialog();
    void partitionDialog();

    Session *m_session;
    ClusterScene *m_scene;
    CanvasView *m_view;
    TransportBar *m_transport;
    MessageBanner *m_banner;
    QWidget *m_bannerBox = nullptr;
    DropOverlay *m_dropOverlay;
    QUndoStack *m_undo;
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
    QPointer<QMenu> m_contextMenu;
    QActionGroup *m_languageGroup = nullptr;
    QHash<QString, QAction *> m_actions;
    QList<QDockWidget *> m_docks;
    DnsPanel *m_dnsPanel = nullptr;
    ApiServing *m_apiServing = nullptr;
    LiveConnection *m_liveConnection = nullptr; // live view of a real cluster (gui/live)
    LessonPanel *m_lessonPanel = nullptr;
    // Presenter mode: the current step's caption and the DNS answer, large, under the canvas.
    QFrame *m_presenterStrip = nullptr;
    QLabel *m_captionLabel = nullptr;
    QLabel *m_dnsStripLabel = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_zoomLabel = nullptr;

    Scenario m_log;
    QStringList m_lastPaths;
    QString m_lastScenario;
    QString m_lastError;
    QTimer m_autosave;
    bool m_dirty = false;

    bool m_presenter = false;
    QByteArray m_stateBeforePresenter;
    bool m_wasMaximized = false;
    double m_speedBeforePresenter = 1.0;
    QFont m_fontBeforePresenter;
    QString m_language = QStringLiteral("en");
    QList<QTranslator *> m_translators;
};

} // namespace ordinal::gui
