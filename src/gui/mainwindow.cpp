#include "mainwindow.h"

#include "apiserving.h"
#include "live/liveconnection.h"

#include "canvas/canvasview.h"
#include "canvas/clusterscene.h"
#include "dialogs/aboutdialog.h"
#include "dialogs/preferencesdialog.h"
#include "dropoverlay.h"
#include "history/history.h"
#include "history/historydialog.h"
#include "history/scenariorecorder.h"
#include "messagebanner.h"
#include "session.h"
#include "timeline/transportbar.h"
#include "window/actionhandler.h"
#include "window/canvasexport.h"
#include "window/clusteractions.h"
#include "window/fileactions.h"
#include "window/languageswitcher.h"
#include "window/presentermode.h"

#include "console/tablewriter.h"

#include "panels/consolepanel.h"
#include "panels/dnspanel.h"
#include "panels/eventspanel.h"
#include "panels/lessonpanel.h"
#include "panels/objectspanel.h"
#include "panels/yamlpanel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

static void initGuiResources()
{
    Q_INIT_RESOURCE(gui);
}

namespace ordinal::gui {

MainWindow::MainWindow(Session *session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
{
    initGuiResources();
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    m_apiServing = new ApiServing(m_session, this);
    m_recorder = new ScenarioRecorder(m_session, this);
    m_history = new History(m_session, m_recorder, this);
    m_actions = new ActionHandler(this, m_session, m_history->stack());
    connect(m_apiServing, &ApiServing::written, m_recorder, &ScenarioRecorder::recordApiWrite);
    m_liveConnection = new LiveConnection(m_session, this); // live view: File menu entries below

    // Central area: banner, canvas, presenter strip, transport.
    auto *central = new QWidget(this);
    central->setObjectName(QStringLiteral("centralArea"));
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_banner = new MessageBanner(central);
    auto *bannerBox = new QWidget(central);
    auto *bannerLayout = new QVBoxLayout(bannerBox);
    bannerLayout->setContentsMargins(8, 6, 8, 2);
    bannerLayout->addWidget(m_banner);
    bannerBox->setVisible(false);
    m_bannerBox = bannerBox;
    connect(m_banner, &MessageBanner::dismissed, bannerBox, &QWidget::hide);
    m_scene = new ClusterScene(session, this);
    m_scene->setAnimationsEnabled(PreferencesDialog::animate());
    m_scene->setFollowSession(true);
    m_view = new CanvasView(m_scene, session, central);
    m_view->setAcceptDrops(false);
    m_view->viewport()->setAcceptDrops(false);
    layout->addWidget(bannerBox);
    layout->addWidget(m_view, 1);
    m_presenter = new PresenterMode(this, m_session, m_scene, m_view, m_actions, central);
    layout->addWidget(m_presenter->strip());
    m_dropOverlay = new DropOverlay(m_view);
    setCentralWidget(central);

    m_clusterActions = new ClusterActions(this, m_session, m_history, m_actions);
    m_fileActions = new FileActions(this, m_session, m_recorder, m_actions);
    m_export = new CanvasExport(this, m_session, m_scene, m_actions);
    m_languages = new LanguageSwitcher(this, m_actions);
    m_actions->setClusterActions(m_clusterActions);
    m_actions->setFileActions(m_fileActions);
    connect(m_fileActions, &FileActions::filesOpened, this, &MainWindow::filesOpened);
    connectWindowActions();

    m_transport = new TransportBar(session, m_actions->action("playAction"),
                                   m_actions->action("stepAction"),
                                   m_actions->action("liveAction"), central);
    auto *line = new QFrame(central);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    layout->addWidget(line);
    layout->addWidget(m_transport);
    createMenus();
    createToolBar();
    createDocks();
    createStatusBar();

    connect(m_view, &CanvasView::contextMenuRequested, this, &MainWindow::showContextMenu);
    connect(m_view, &CanvasView::zoomChanged, this, &MainWindow::updateStatus);
    connect(m_session, &Session::viewChanged, this, &MainWindow::updateActions);
    connect(m_session, &Session::viewChanged, this, &MainWindow::updateStatus);
    connect(m_session, &Session::selectionChanged, this, &MainWindow::updateActions);
    connect(m_history, &History::branched, this, &MainWindow::historyBranched);
    connect(m_session, &Session::playingChanged, this, &MainWindow::updateActions);
    connect(m_recorder, &ScenarioRecorder::modifiedChanged, this, &QWidget::setWindowModified);
    m_recorder->setAutosaveInterval(PreferencesDialog::autosaveSeconds());

    m_session->setSpeed(PreferencesDialog::defaultSpeed());
    resize(1440, 900);
    retranslateUi();
    updateActions();
    updateStatus();
}

MainWindow::~MainWindow()
{
    // Children die after this body: stop them calling back into a half-destroyed window.
    disconnect(m_history->stack(), nullptr, m_actions, nullptr);
    disconnect(m_history, nullptr, this, nullptr);
    disconnect(m_session, nullptr, this, nullptr);
    disconnect(m_session, nullptr, m_recorder, nullptr);
    m_scene->setFollowSession(false);
}

void MainWindow::connectWindowActions()
{
    // The actions that are the window's own: zoom, preferences, quit, help.
    connect(m_actions->action("quitAction"), &QAction::triggered, this, &QWidget::close);
    connect(m_actions->action("preferencesAction"), &QAction::triggered, this,
            &MainWindow::showPreferences);
    connect(m_actions->action("historyAction"), &QAction::triggered, this,
            &MainWindow::showHistory);
    connect(m_actions->action("zoomInAction"), &QAction::triggered, m_view, &CanvasView::zoomIn);
    connect(m_actions->action("zoomOutAction"), &QAction::triggered, m_view, &CanvasView::zoomOut);
    connect(m_actions->action("fitAction"), &QAction::triggered, m_view, &CanvasView::fitToContent);
    connect(m_actions->action("actualSizeAction"), &QAction::triggered, m_view,
            &CanvasView::resetZoom);
    connect(m_actions->action("aboutAction"), &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_actions->action("aboutQtAction"), &QAction::triggered, qApp, &QApplication::aboutQt);
    connect(m_actions->action("lessonAction"), &QAction::triggered, this, [this] { loadLesson(); });
}

QAction *MainWindow::action(const QString &name) const
{
    return m_actions->action(name);
}

const Scenario &MainWindow::scenarioLog() const
{
    return m_recorder->log();
}

void MainWindow::createMenus()
{
    const auto a = [this](const char *name) { return m_actions->action(name); };
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->setObjectName(QStringLiteral("fileMenu"));
    m_fileMenu->addAction(a("newAction"));
    m_fileMenu->addAction(a("openAction"));
    m_recentMenu = m_fileMenu->addMenu(QString());
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    m_fileMenu->addAction(a("reloadAction"));
    m_fileMenu->addAction(m_liveConnection->connectAction()); // live view
    m_fileMenu->addAction(m_liveConnection->backAction());
    m_fileMenu->addAction(m_liveConnection->importAction());
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(a("saveScenarioAction"));
    m_exportMenu = m_fileMenu->addMenu(QString());
    m_exportMenu->setObjectName(QStringLiteral("exportMenu"));
    m_exportMenu->setIcon(ActionHandler::themedIcon(QStringLiteral("document-export")));
    m_exportMenu->addAction(a("exportPngAction"));
    m_exportMenu->addAction(a("exportSvgAction"));
    m_exportMenu->addAction(a("exportFramesAction"));
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(a("quitAction"));
    m_fileActions->setRecentMenu(m_recentMenu);

    m_editMenu = menuBar()->addMenu(QString());
    m_editMenu->setObjectName(QStringLiteral("editMenu"));
    m_editMenu->addAction(a("undoAction"));
    m_editMenu->addAction(a("redoAction"));
    m_editMenu->addAction(a("historyAction"));
    m_editMenu->addSeparator();
    m_editMenu->addAction(a("preferencesAction"));

    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
    m_viewMenu->addAction(a("zoomInAction"));
    m_viewMenu->addAction(a("zoomOutAction"));
    m_viewMenu->addAction(a("fitAction"));
    m_viewMenu->addAction(a("actualSizeAction"));
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(a("presenterAction"));
    m_viewMenu->addAction(a("presenterStripAction"));
    m_viewMenu->addSeparator();
    m_panelsMenu = m_viewMenu->addMenu(QString());
    m_panelsMenu->setObjectName(QStringLiteral("panelsMenu"));

    m_simMenu = menuBar()->addMenu(QString());
    m_simMenu->setObjectName(QStringLiteral("simulationMenu"));
    m_simMenu->addAction(a("playAction"));
    m_simMenu->addAction(a("stepAction"));
    m_simMenu->addAction(a("liveAction"));
    m_simMenu->addSeparator();
    m_simMenu->addAction(a("fasterAction"));
    m_simMenu->addAction(a("slowerAction"));

    m_clusterMenu = menuBar()->addMenu(QString());
    m_clusterMenu->setObjectName(QStringLiteral("clusterMenu"));
    for (const char *name : {"deletePodAction", "forceDeletePodAction", "unreadyPodAction",
                             "readyPodAction", "crashPodAction"})
        m_clusterMenu->addAction(a(name));
    m_clusterMenu->addSeparator();
    for (const char *name : {"scaleAction", "imageAction", "partitionAction"})
        m_clusterMenu->addAction(a(name));
    m_clusterMenu->addSeparator();
    for (const char *name : {"nodeDownAction", "nodeUpAction", "cordonAction", "uncordonAction",
                             "drainAction"})
        m_clusterMenu->addAction(a(name));
    m_clusterMenu->addSeparator();
    m_clusterMenu->addAction(m_apiServing->action());

    m_languageMenu = menuBar()->addMenu(QString());
    m_languageMenu->setObjectName(QStringLiteral("languageMenu"));
    m_languageMenu->addAction(a("languageEnglishAction"));
    m_languageMenu->addAction(a("languageChineseAction"));

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->setObjectName(QStringLiteral("helpMenu"));
    m_helpMenu->addAction(a("lessonAction"));
    m_helpMenu->addSeparator();
    m_helpMenu->addAction(a("aboutAction"));
    m_helpMenu->addAction(a("aboutQtAction"));
}

void MainWindow::createToolBar()
{
    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setIconSize(QSize(20, 20));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonIconOnly);
    const auto add = [this](const char *name) { m_toolBar->addAction(m_actions->action(name)); };
    add("openAction");
    add("saveScenarioAction");
    add("reloadAction");
    m_toolBar->addSeparator();
    add("undoAction");
    add("redoAction");
    m_toolBar->addSeparator();
    add("deletePodAction");
    add("crashPodAction");
    add("unreadyPodAction");
    add("readyPodAction");
    m_toolBar->addSeparator();
    add("scaleAction");
    add("imageAction");
    add("partitionAction");
    m_toolBar->addSeparator();
    add("nodeDownAction");
    add("nodeUpAction");
    add("cordonAction");
    add("drainAction");
    m_toolBar->addSeparator();
    add("zoomOutAction");
    add("zoomInAction");
    add("fitAction");
    add("presenterAction");
}

void MainWindow::createDocks()
{
    const auto addDock = [this](const char *objectName, QWidget *panel, Qt::DockWidgetArea area) {
        auto *dock = new QDockWidget(this);
        dock->setObjectName(QString::fromLatin1(objectName));
        dock->setWidget(panel);
        dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
                          | QDockWidget::DockWidgetFloatable);
        addDockWidget(area, dock);
        m_docks << dock;
        m_panelsMenu->addAction(dock->toggleViewAction());
        return dock;
    };
    QList<QDockWidget *> right;
    QList<QDockWidget *> bottom;
    auto *lesson = new LessonPanel(m_session, this);
    auto *console = new ConsolePanel(m_session, this);
    auto *yaml = new YamlPanel(m_session, this);
    m_dnsPanel = new DnsPanel(m_session, this);
    m_lessonPanel = lesson;
    m_presenter->setPanels(lesson, m_dnsPanel);
    right << addDock("lessonDock", lesson, Qt::RightDockWidgetArea)
          << addDock("dnsDock", m_dnsPanel, Qt::RightDockWidgetArea)
          << addDock("objectsDock", new ObjectsPanel(m_session, this), Qt::RightDockWidgetArea);
    bottom << addDock("eventsDock", new EventsPanel(m_session, this), Qt::BottomDockWidgetArea)
           << addDock("consoleDock", console, Qt::BottomDockWidgetArea)
           << addDock("yamlDock", yaml, Qt::BottomDockWidgetArea);
    // A lesson step's command shows up in the console; the manifest it applies in the editor.
    connect(lesson, &LessonPanel::commandRun, console, &ConsolePanel::showCommand);
    // A lookup typed in the console or run by a step is the DNS panel's question too.
    connect(lesson, &LessonPanel::commandRun, m_dnsPanel,
            [this](const QString &command) { m_dnsPanel->followCommand(command); });
    connect(console, &ConsolePanel::commandFinished, m_dnsPanel,
            [this](const QString &line) { m_dnsPanel->followCommand(line); });
    connect(lesson, &LessonPanel::documentRequested, yaml, &YamlPanel::setDocument);
    for (int i = 1; i < right.size(); ++i)
        tabifyDockWidget(right.first(), right[i]);
    for (int i = 1; i < bottom.size(); ++i)
        tabifyDockWidget(bottom.first(), bottom[i]);
    if (!right.isEmpty()) {
        right.first()->raise();
        resizeDocks({right.first()}, {420}, Qt::Horizontal);
    }
    if (!bottom.isEmpty()) {
        bottom.first()->raise();
        resizeDocks({bottom.first()}, {230}, Qt::Vertical);
    }
    if (m_docks.isEmpty())
        m_panelsMenu->menuAction()->setVisible(false);
}

void MainWindow::createStatusBar()
{
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("countLabel"));
    m_zoomLabel = new QLabel(this);
    m_zoomLabel->setObjectName(QStringLiteral("zoomLabel"));
    m_zoomLabel->setMinimumWidth(QFontMetrics(font()).horizontalAdvance(QStringLiteral("8888 %")));
    m_zoomLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    statusBar()->addPermanentWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_zoomLabel);
}

void MainWindow::retranslateUi()
{
    m_apiServing->retranslate();
    m_liveConnection->retranslate();
    // The platform adds the application's display name unless the title already ends with it.
    setWindowTitle(tr("StatefulSet topology[*] — Ordinal"));
    m_actions->retranslate();
    m_fileMenu->setTitle(tr("&File"));
    m_recentMenu->setTitle(tr("Open &Recent"));
    m_exportMenu->setTitle(tr("&Export"));
    m_editMenu->setTitle(tr("&Edit"));
    m_viewMenu->setTitle(tr("&View"));
    m_panelsMenu->setTitle(tr("&Panels"));
    m_simMenu->setTitle(tr("&Simulation"));
    m_clusterMenu->setTitle(tr("&Cluster"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_toolBar->setWindowTitle(tr("Main Toolbar"));
    m_dropOverlay->setText(tr("Drop manifests or a folder to apply them"));
    for (QDockWidget *dock : std::as_const(m_docks)) {
        const QString name = dock->objectName();
        if (name == QLatin1String("eventsDock"))
            dock->setWindowTitle(tr("Events"));
        else if (name == QLatin1String("dnsDock"))
            dock->setWindowTitle(tr("DNS"));
        else if (name == QLatin1String("consoleDock"))
            dock->setWindowTitle(tr("Console"));
        else if (name == QLatin1String("yamlDock"))
            dock->setWindowTitle(tr("YAML"));
        else if (name == QLatin1String("objectsDock"))
            dock->setWindowTitle(tr("Objects"));
        else if (name == QLatin1String("lessonDock"))
            dock->setWindowTitle(tr("Lesson"));
    }
    m_languages->updateChecks();
    m_fileActions->updateRecentMenu();
    updateActions();
    updateStatus();
}

void MainWindow::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::LanguageChange:
        retranslateUi();
        break;
    case QEvent::PaletteChange:
    case QEvent::ApplicationPaletteChange:
        // Dark and light follow the system; presenter mode keeps its own palette.
        if (!m_presenter->isOn())
            m_scene->setCanvasPalette(QApplication::palette());
        break;
    default:
        break;
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::updateActions()
{
    m_actions->updateActions();
}

void MainWindow::updateStatus()
{
    const core::Store &store = m_session->viewStore();
    int pods = 0;
    int ready = 0;
    for (const core::Pod &pod : store.all<core::Pod>()) {
        ++pods;
        ready += pod.isReady() ? 1 : 0;
    }
    m_countLabel->setText(tr("%n node(s)", nullptr, int(store.all<core::Node>().size())) + QStringLiteral(" · ")
                          + tr("%n pod(s), %1 ready", nullptr, pods).arg(ready));
    m_zoomLabel->setText(QStringLiteral("%1 %").arg(qRound(m_view->zoom() * 100)));
}

void MainWindow::showContextMenu(const QString &kind, const QString &key, const QPoint &globalPos)
{
    contextMenuFor(kind, key)->popup(globalPos);
}

QUndoStack *MainWindow::undoStack() const
{
    return m_history->stack();
}

HistoryDialog *MainWindow::showHistory()
{
    if (!m_historyDialog)
        m_historyDialog = new HistoryDialog(m_history, this);
    m_historyDialog->show();
    m_historyDialog->raise();
    m_historyDialog->activateWindow();
    return m_historyDialog;
}

void MainWindow::historyBranched(core::Millis at, const QStringList &discarded)
{
    // What was left behind is named, and stays listed in Edit ▸ History.
    const QString text = discarded.isEmpty()
        ? tr("You acted at %1, in the past: the history after that moment was "
             "discarded and the simulation continues from there.")
              .arg(core::goDuration(at))
        : tr("You acted at %1, after undoing or in the past: a new branch of history starts "
             "there. Left behind: %2. Edit ▸ History lists them.")
              .arg(core::goDuration(at), discarded.join(QStringLiteral(" → ")));
    m_banner->showMessage(MessageBanner::Kind::Warning, text);
    m_bannerBox->show();
    statusBar()->showMessage(tr("History branched at %1").arg(core::goDuration(at)), 8000);
}

void MainWindow::showError(const QString &text)
{
    m_lastError = text;
    m_banner->showMessage(MessageBanner::Kind::Error, text);
    m_bannerBox->show();
    statusBar()->showMessage(text.section(QLatin1Char('\n'), 0, 0), 8000);
}

void MainWindow::clearError(bool hideBanner)
{
    m_lastError.clear();
    if (hideBanner && m_banner->kind() == MessageBanner::Kind::Error)
        m_bannerBox->hide();
}

void MainWindow::showInfo(const QString &text)
{
    statusBar()->showMessage(text, 6000);
}

bool MainWindow::loadLesson(bool applyManifests)
{
    bool hasPanel = false;
    for (QDockWidget *dock : std::as_const(m_docks)) {
        if (dock->objectName() == QLatin1String("lessonDock")) {
            dock->show();
            dock->raise();
            hasPanel = true;
        }
    }
    if ((hasPanel && !applyManifests)
        || !m_session->simulation().store().all<core::StatefulSet>().isEmpty())
        return true;
    const QString dir = QStringLiteral(":/lessons/topology");
    return m_clusterActions->runLines(
        {{QString(), QStringLiteral("kubectl create -f seed-svc.yaml"), dir},
         {QString(), QStringLiteral("kubectl create -f seed-statefulset.yaml"), dir}});
}

// --- drops -------------------------------------------------------------------------------

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (FileActions::localPaths(event->mimeData()).isEmpty()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    m_dropOverlay->raise();
    m_dropOverlay->show();
}

void MainWindow::dragMoveEvent(QDragMoveEvent *event)
{
    if (!FileActions::localPaths(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dragLeaveEvent(QDragLeaveEvent *event)
{
    m_dropOverlay->hide();
    QMainWindow::dragLeaveEvent(event);
}

void MainWindow::dropEvent(QDropEvent *event)
{
    m_dropOverlay->hide();
    const QStringList paths = FileActions::localPaths(event->mimeData());
    if (paths.isEmpty()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    m_fileActions->openPaths(paths);
}

// --- closing and layout ------------------------------------------------------------------

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Asked first: the rest below (layout saved, presenter mode left) is for a window that closes.
    if (!m_fileActions->confirmDiscardChanges()) {
        event->ignore();
        return;
    }
    // Presenter mode comes back next time (a projector session that was interrupted).
    QSettings().setValue(QStringLiteral("view/presenter"), m_presenter->isOn());
    saveLayout();
    // A clean exit leaves no autosave behind; its presence next time means a crash.
    m_recorder->removeAutosave();
    QMainWindow::closeEvent(event);
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray(), kLayoutVersion);
}

void MainWindow::saveLayout()
{
    if (m_presenter->isOn())
        m_presenter->setOn(false);
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState(kLayoutVersion));
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_scene->setAnimationsEnabled(PreferencesDialog::animate());
    m_recorder->setAutosaveInterval(PreferencesDialog::autosaveSeconds());
    if (!m_presenter->isOn())
        m_session->setSpeed(PreferencesDialog::defaultSpeed());
}

void MainWindow::showAbout()
{
    AboutDialog dialog(this);
    dialog.exec();
}

// --- forwarded to the window's parts (command line, tests) -------------------------------

bool MainWindow::openPaths(const QStringList &paths)
{
    return m_fileActions->openPaths(paths);
}

bool MainWindow::openScenario(const QString &path)
{
    return m_fileActions->openScenario(path);
}

bool MainWindow::saveScenario(const QString &path)
{
    return m_fileActions->saveScenario(path);
}

void MainWindow::offerRestore()
{
    m_fileActions->offerRestore();
}

QString MainWindow::autosavePath()
{
    return ScenarioRecorder::autosavePath();
}

void MainWindow::writeAutosave()
{
    m_recorder->writeAutosave();
}

QMenu *MainWindow::contextMenuFor(const QString &kind, const QString &key)
{
    return m_clusterActions->contextMenuFor(kind, key);
}

bool MainWindow::deletePod(const QString &podKey, bool force)
{
    return m_clusterActions->deletePod(podKey, force);
}

bool MainWindow::setPodReady(const QString &podKey, bool ready)
{
    return m_clusterActions->setPodReady(podKey, ready);
}

bool MainWindow::crashPod(const QString &podKey)
{
    return m_clusterActions->crashPod(podKey);
}

bool MainWindow::scaleStatefulSet(const QString &setKey, int replicas)
{
    return m_clusterActions->scaleStatefulSet(setKey, replicas);
}

bool MainWindow::setStatefulSetImage(const QString &setKey, const QString &container,
                                     const QString &image)
{
    return m_clusterActions->setStatefulSetImage(setKey, container, image);
}

bool MainWindow::setPartition(const QString &setKey, int partition)
{
    return m_clusterActions->setPartition(setKey, partition);
}

bool MainWindow::setNodeUp(const QString &node, bool up)
{
    return m_clusterActions->setNodeUp(node, up);
}

bool MainWindow::cordonNode(const QString &node, bool cordon)
{
    return m_clusterActions->cordonNode(node, cordon);
}

bool MainWindow::drainNode(const QString &node)
{
    return m_clusterActions->drainNode(node);
}

bool MainWindow::isPresenterMode() const
{
    return m_presenter->isOn();
}

QFrame *MainWindow::presenterStrip() const
{
    return m_presenter->strip();
}

void MainWindow::setPresenterMode(bool on)
{
    m_presenter->setOn(on);
}

bool MainWindow::setLanguage(const QString &language)
{
    return m_languages->setLanguage(language);
}

QString MainWindow::language() const
{
    return m_languages->language();
}

bool MainWindow::exportPng(const QString &path, qreal scale)
{
    return m_export->exportPng(path, scale);
}

bool MainWindow::exportSvg(const QString &path)
{
    return m_export->exportSvg(path);
}

bool MainWindow::exportFrames(const QString &folder, core::Millis from, core::Millis to,
                              core::Millis step, const QSize &size, bool presenterStyle,
                              QString *error)
{
    return m_export->exportFrames(folder, from, to, step, size, presenterStyle, error);
}

} // namespace ordinal::gui
