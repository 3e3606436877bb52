#include "mainwindow.h"

#include "apiserving.h"
#include "live/liveconnection.h"

#include "canvas/canvasview.h"
#include "canvas/clusterscene.h"
#include "canvas/poditem.h"
#include "dialogs/aboutdialog.h"
#include "dialogs/exportdialog.h"
#include "dialogs/preferencesdialog.h"
#include "dropoverlay.h"
#include "messagebanner.h"
#include "session.h"
#include "timeline/transportbar.h"

#include "console/tablewriter.h"

#include "panels/consolepanel.h"
#include "panels/dnspanel.h"
#include "panels/eventspanel.h"
#include "panels/lessonpanel.h"
#include "panels/objectspanel.h"
#include "panels/yamlpanel.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QProgressDialog>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QSvgGenerator>
#include <QToolBar>
#include <QTranslator>
#include <QUndoStack>
#include <QVBoxLayout>

static void initGuiResources()
{
    Q_INIT_RESOURCE(gui);
}

namespace ordinal::gui {

namespace {

constexpr int kMaxRecent = 8;
constexpr int kLayoutVersion = 1;

QIcon themedIcon(const QString &name)
{
    return QIcon::fromTheme(name, QIcon(QStringLiteral(":/icons/actions/%1.svg").arg(name)));
}

QString namespaceOf(const QString &key)
{
    return key.contains(QLatin1Char('/')) ? key.section(QLatin1Char('/'), 0, 0) : QString();
}

QString nameOf(const QString &key)
{
    return key.section(QLatin1Char('/'), -1);
}

bool isManifestFile(const QFileInfo &info)
{
    const QString suffix = info.suffix().toLower();
    return suffix == QLatin1String("yaml") || suffix == QLatin1String("yml")
        || suffix == QLatin1String("json");
}

} // namespace

MainWindow::MainWindow(Session *session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
{
    initGuiResources();
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    m_undo = new QUndoStack(this);
    m_apiServing = new ApiServing(m_session, this);
    m_liveConnection = new LiveConnection(m_session, this); // live view: File menu entries below

    // Central area: banner, canvas, transport.
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
    // Presenter mode's strip: the lesson step's caption, and the DNS answer with the previous one.
    m_presenterStrip = new QFrame(central);
    m_presenterStrip->setObjectName(QStringLiteral("presenterStrip"));
    m_presenterStrip->setFrameShape(QFrame::StyledPanel);
    m_presenterStrip->setAutoFillBackground(true);
    m_captionLabel = new QLabel(m_presenterStrip);
    m_captionLabel->setObjectName(QStringLiteral("presenterCaption"));
    m_dnsStripLabel = new QLabel(m_presenterStrip);
    m_dnsStripLabel->setObjectName(QStringLiteral("presenterDns"));
    m_dnsStripLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_dnsStripLabel->setTextFormat(Qt::PlainText);
    auto *stripLayout = new QHBoxLayout(m_presenterStrip);
    stripLayout->setContentsMargins(24, 8, 24, 8);
    stripLayout->addWidget(m_captionLabel, 1);
    stripLayout->addWidget(m_dnsStripLabel, 1);
    m_presenterStrip->hide();
    layout->addWidget(m_presenterStrip);
    m_dropOverlay = new DropOverlay(m_view);
    setCentralWidget(central);

    createActions();
    m_transport = new TransportBar(session, m_actions.value(QStringLiteral("playAction")),
                                   m_actions.value(QStringLiteral("stepAction")),
                                   m_actions.value(QStringLiteral("liveAction")), central);
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
    connect(m_session, &Session::historyBranched, this, &MainWindow::historyBranched);
    connect(m_session, &Session::historyRewound, this, [this] {
        m_log.truncate(m_session->simulation().actionCount());
    });
    connect(m_session, &Session::clusterReset, this, [this] {
        m_undo->clear();
        m_log.clear();
    });
    connect(m_session, &Session::playingChanged, this, &MainWindow::updateActions);
    connect(m_session, &Session::commandRecorded, this,
            [this](core::Millis at, const QString &line, const QString &baseDir, const QString &ns) {
                Scenario::Step step;
                step.at = at;
                step.actionIndex = m_session->simulation().actionCount();
                step.command = line;
                step.baseDir = baseDir;
                step.ns = ns;
                m_log.append(step);
                m_dirty = true;
                setWindowModified(true);
            });
    connect(m_session, &Session::manifestsApplied, this,
            [this](core::Millis at, const QList<ManifestText> &files) {
                Scenario::Step step;
                step.at = at;
                step.actionIndex = m_session->simulation().actionCount();
                step.files = files;
                m_log.append(step);
                m_dirty = true;
                setWindowModified(true);
            });
    connect(m_undo, &QUndoStack::indexChanged, this, &MainWindow::updateActions);

    m_autosave.setInterval(PreferencesDialog::autosaveSeconds() * 1000);
    connect(&m_autosave, &QTimer::timeout, this, [this] {
        if (m_dirty)
            writeAutosave();
    });
    m_autosave.start();

    m_session->setSpeed(PreferencesDialog::defaultSpeed());
    const QLocale locale;
    if (locale.language() == QLocale::Chinese)
        m_language = QStringLiteral("zh_CN");
    resize(1440, 900);
    retranslateUi();
    updateActions();
    updateStatus();
}

MainWindow::~MainWindow()
{
    // Children die after this body: stop them calling back into a half-destroyed window.
    disconnect(m_undo, nullptr, this, nullptr);
    disconnect(m_session, nullptr, this, nullptr);
    m_scene->setFollowSession(false);
}

QAction *MainWindow::action(const QString &name) const
{
    return m_actions.value(name);
}

QAction *MainWindow::makeAction(const char *objectName, const QString &iconName,
                                const QKeySequence &shortcut)
{
    auto *a = new QAction(this);
    a->setObjectName(QString::fromLatin1(objectName));
    if (!iconName.isEmpty())
        a->setIcon(themedIcon(iconName));
    if (!shortcut.isEmpty())
        a->setShortcut(shortcut);
    // Added to the window too, so shortcuts work while menus are hidden (presenter mode).
    addAction(a);
    m_actions.insert(a->objectName(), a);
    return a;
}

void MainWindow::createActions()
{
    // File
    connect(makeAction("newAction", QStringLiteral("document-new"), QKeySequence::New),
            &QAction::triggered, this, &MainWindow::newScenario);
    connect(makeAction("openAction", QStringLiteral("document-open"), QKeySequence::Open),
            &QAction::triggered, this, &MainWindow::open);
    connect(makeAction("reloadAction", QStringLiteral("view-refresh"), QKeySequence::Refresh),
            &QAction::triggered, this, &MainWindow::reload);
    connect(makeAction("saveScenarioAction", QStringLiteral("document-save"), QKeySequence::Save),
            &QAction::triggered, this, &MainWindow::saveScenarioAs);
    connect(makeAction("exportPngAction", QStringLiteral("document-export")), &QAction::triggered,
            this, &MainWindow::exportPngDialog);
    connect(makeAction("exportSvgAction", QString()), &QAction::triggered, this,
            &MainWindow::exportSvgDialog);
    connect(makeAction("exportFramesAction", QString()), &QAction::triggered, this,
            &MainWindow::exportFramesDialog);
    connect(makeAction("quitAction", QString(), QKeySequence::Quit), &QAction::triggered, this,
            &QWidget::close);

    // Edit
    // Own undo/redo actions (not createUndoAction) so their prefix follows the language.
    QAction *undo = makeAction("undoAction", QStringLiteral("edit-undo"), QKeySequence::Undo);
    connect(undo, &QAction::triggered, m_undo, &QUndoStack::undo);
    QAction *redo = makeAction("redoAction", QStringLiteral("edit-redo"), QKeySequence::Redo);
    connect(redo, &QAction::triggered, m_undo, &QUndoStack::redo);
    connect(makeAction("preferencesAction", QString(), QKeySequence::Preferences),
            &QAction::triggered, this, &MainWindow::showPreferences);

    // View
    connect(makeAction("zoomInAction", QStringLiteral("zoom-in"), QKeySequence::ZoomIn),
            &QAction::triggered, m_view, &CanvasView::zoomIn);
    m_actions.value(QStringLiteral("zoomInAction"))
        ->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    connect(makeAction("zoomOutAction", QStringLiteral("zoom-out"), QKeySequence::ZoomOut),
            &QAction::triggered, m_view, &CanvasView::zoomOut);
    connect(makeAction("fitAction", QStringLiteral("zoom-fit-best"), QKeySequence(Qt::CTRL | Qt::Key_0)),
            &QAction::triggered, m_view, &CanvasView::fitToContent);
    connect(makeAction("actualSizeAction", QString(), QKeySequence(Qt::CTRL | Qt::Key_1)),
            &QAction::triggered, m_view, &CanvasView::resetZoom);
    QAction *presenter = makeAction("presenterAction", QStringLiteral("view-presenter"),
                                    QKeySequence(Qt::Key_F11));
    presenter->setCheckable(true);
    connect(presenter, &QAction::toggled, this, &MainWindow::setPresenterMode);
    QAction *strip = makeAction("presenterStripAction", QString(), QKeySequence(Qt::Key_F9));
    strip->setCheckable(true);
    strip->setChecked(true);
    connect(strip, &QAction::toggled, this, &MainWindow::updatePresenterStrip);
    connect(makeAction("leavePresenterAction", QString(), QKeySequence(Qt::Key_Escape)),
            &QAction::triggered, this, [this] {
                if (m_presenter)
                    setPresenterMode(false);
            });

    // Simulation
    QAction *play = makeAction("playAction", QStringLiteral("media-playback-start"),
                               QKeySequence(Qt::CTRL | Qt::Key_Space));
    play->setCheckable(true);
    play->setChecked(m_session->isPlaying());
    connect(play, &QAction::toggled, m_session, &Session::setPlaying);
    connect(m_session, &Session::playingChanged, play, &QAction::setChecked);
    connect(makeAction("stepAction", QStringLiteral("media-skip-forward"),
                       QKeySequence(Qt::CTRL | Qt::Key_Period)),
            &QAction::triggered, m_session, &Session::stepToNextEvent);
    connect(makeAction("liveAction", QStringLiteral("go-last"), QKeySequence(Qt::CTRL | Qt::Key_End)),
            &QAction::triggered, m_session, &Session::goLive);
    connect(makeAction("fasterAction", QString(), QKeySequence(Qt::CTRL | Qt::Key_BracketRight)),
            &QAction::triggered, this, [this] { m_session->setSpeed(m_session->speed() * 2); });
    connect(makeAction("slowerAction", QString(), QKeySequence(Qt::CTRL | Qt::Key_BracketLeft)),
            &QAction::triggered, this, [this] { m_session->setSpeed(m_session->speed() / 2); });

    // Cluster: pods
    connect(makeAction("deletePodAction", QStringLiteral("edit-delete"), QKeySequence::Delete),
            &QAction::triggered, this, [this] { deletePod(selectedPod(), false); });
    connect(makeAction("forceDeletePodAction", QStringLiteral("edit-delete-force"),
                       QKeySequence(Qt::SHIFT | Qt::Key_Delete)),
            &QAction::triggered, this, [this] { deletePod(selectedPod(), true); });
    connect(makeAction("unreadyPodAction", QStringLiteral("pod-unready"),
                       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U)),
            &QAction::triggered, this, [this] { setPodReady(selectedPod(), false); });
    connect(makeAction("readyPodAction", QStringLiteral("pod-ready"),
                       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R)),
            &QAction::triggered, this, [this] { setPodReady(selectedPod(), true); });
    connect(makeAction("crashPodAction", QStringLiteral("pod-crash"),
                       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K)),
            &QAction::triggered, this, [this] { crashPod(selectedPod()); });
    // StatefulSet
    connect(makeAction("scaleAction", QStringLiteral("statefulset-scale"),
                       QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S)),
            &QAction::triggered, this, &MainWindow::scaleDialog);
    connect(makeAction("imageAction", QStringLiteral("statefulset-image"),
                       QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_I)),
            &QAction::triggered, this, &MainWindow::imageDialog);
    connect(makeAction("partitionAction", QStringLiteral("statefulset-partition"),
                       QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_P)),
            &QAction::triggered, this, &MainWindow::partitionDialog);
    // Nodes
    connect(makeAction("nodeDownAction", QStringLiteral("node-down"),
                       QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_D)),
            &QAction::triggered, this, [this] { setNodeUp(selectedNode(), false); });
    connect(makeAction("nodeUpAction", QStringLiteral("node-up"),
                       QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_U)),
            &QAction::triggered, this, [this] { setNodeUp(selectedNode(), true); });
    connect(makeAction("cordonAction", QStringLiteral("node-cordon"),
                       QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C)),
            &QAction::triggered, this, [this] { cordonNode(selectedNode(), true); });
    connect(makeAction("uncordonAction", QStringLiteral("node-uncordon"),
                       QKeySequence(Qt::CTRL | Qt::ALT | Qt::SHIFT | Qt::Key_C)),
            &QAction::triggered, this, [this] { cordonNode(selectedNode(), false); });
    connect(makeAction("drainAction", QStringLiteral("node-drain"),
                       QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_R)),
            &QAction::triggered, this, [this] { drainNode(selectedNode()); });

    // Language
    m_languageGroup = new QActionGroup(this);
    QAction *en = makeAction("languageEnglishAction", QString());
    QAction *zh = makeAction("languageChineseAction", QString());
    // Language names are written in their own language, never translated.
    en->setText(QStringLiteral("English"));
    zh->setText(QStringLiteral("简体中文"));
    for (QAction *a : {en, zh}) {
        a->setCheckable(true);
        m_languageGroup->addAction(a);
    }
    connect(en, &QAction::triggered, this, [this] { setLanguage(QStringLiteral("en")); });
    connect(zh, &QAction::triggered, this, [this] {
        if (!setLanguage(QStringLiteral("zh_CN")))
            showError(tr("The Chinese translation is not available in this build."));
    });

    // Help
    connect(makeAction("aboutAction", QString()), &QAction::triggered, this, &MainWindow::showAbout);
    connect(makeAction("aboutQtAction", QString()), &QAction::triggered, qApp, &QApplication::aboutQt);
    connect(makeAction("lessonAction", QString(), QKeySequence::HelpContents), &QAction::triggered,
            this, [this] { loadLesson(); });
}

void MainWindow::createMenus()
{
    const auto a = [this](const char *name) { return m_actions.value(QString::fromLatin1(name)); };
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
    m_exportMenu->setIcon(themedIcon(QStringLiteral("document-export")));
    m_exportMenu->addAction(a("exportPngAction"));
    m_exportMenu->addAction(a("exportSvgAction"));
    m_exportMenu->addAction(a("exportFramesAction"));
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(a("quitAction"));
    updateRecentMenu();

    m_editMenu = menuBar()->addMenu(QString());
    m_editMenu->setObjectName(QStringLiteral("editMenu"));
    m_editMenu->addAction(a("undoAction"));
    m_editMenu->addAction(a("redoAction"));
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
    const auto add = [this](const char *name) {
        m_toolBar->addAction(m_actions.value(QString::fromLatin1(name)));
    };
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
    connect(m_dnsPanel, &DnsPanel::answered, this, &MainWindow::updatePresenterStrip);
    connect(lesson, &LessonPanel::stepShown, this, &MainWindow::updatePresenterStrip);
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
    const auto set = [this](const char *name, const QString &text, const QString &tip = {}) {
        if (QAction *a = m_actions.value(QString::fromLatin1(name))) {
            a->setText(text);
            a->setToolTip(tip.isEmpty() ? QString(text).remove(QLatin1Char('&')).remove(QStringLiteral("…"))
                                        : tip);
            a->setStatusTip(a->toolTip());
        }
    };
    set("newAction", tr("&New Cluster"), tr("Start again with an empty cluster"));
    set("openAction", tr("&Open…"), tr("Apply manifests (YAML, JSON, folders) or open a scenario"));
    set("reloadAction", tr("&Reload"), tr("Start again from the files opened last"));
    set("saveScenarioAction", tr("&Save Scenario…"),
        tr("Save the manifests and every action with its time, to replay later"));
    set("exportPngAction", tr("Canvas as &PNG…"));
    set("exportSvgAction", tr("Canvas as &SVG…"));
    set("exportFramesAction", tr("&Frame Sequence…"));
    set("quitAction", tr("&Quit"));
    set("preferencesAction", tr("&Preferences…"));
    set("zoomInAction", tr("Zoom &In"));
    set("zoomOutAction", tr("Zoom &Out"));
    set("fitAction", tr("&Fit to Window"));
    set("actualSizeAction", tr("&Actual Size"));
    set("presenterAction", tr("&Presenter Mode"),
        tr("Full screen, large type, high contrast, slower (F11 or Esc to leave)"));
    set("leavePresenterAction", tr("Leave Presenter Mode"));
    set("presenterStripAction", tr("Presenter &Strip"),
        tr("In presenter mode: the lesson step and the DNS answer in large type under the "
           "canvas (F9)"));
    set("playAction", tr("&Play"), tr("Run virtual time (pause to stop it)"));
    set("stepAction", tr("&Step to Next Event"), tr("Advance to the next scheduled change"));
    set("liveAction", tr("Go &Live"), tr("Back to the present of the simulation"));
    set("fasterAction", tr("&Faster"));
    set("slowerAction", tr("S&lower"));
    set("deletePodAction", tr("&Delete Pod"), tr("kubectl delete pod: graceful, the controller recreates it"));
    set("forceDeletePodAction", tr("&Force Delete Pod"),
        tr("kubectl delete pod --grace-period=0 --force"));
    set("unreadyPodAction", tr("Make Pod &Unready"), tr("Its readiness probe starts failing"));
    set("readyPodAction", tr("Make Pod &Ready"), tr("Its readiness probe passes again"));
    set("crashPodAction", tr("&Crash Pod"), tr("Its container exits with code 1"));
    set("scaleAction", tr("&Scale StatefulSet…"), tr("kubectl scale statefulset --replicas=N"));
    set("imageAction", tr("Change &Image…"), tr("kubectl set image: a rolling update"));
    set("partitionAction", tr("Set &Partition…"),
        tr("Only pods with an ordinal at or above the partition are updated"));
    set("nodeDownAction", tr("Node &Down"), tr("The node stops heart-beating (power loss)"));
    set("nodeUpAction", tr("Node &Up"), tr("The node comes back"));
    set("cordonAction", tr("C&ordon Node"), tr("No new pods are scheduled on the node"));
    set("uncordonAction", tr("U&ncordon Node"));
    set("drainAction", tr("D&rain Node"), tr("Cordon the node and evict its pods"));
    set("aboutAction", tr("&About Ordinal"));
    set("aboutQtAction", tr("About &Qt"));
    set("lessonAction", tr("The &Lesson"), tr("Show the guided lesson and load its manifests"));
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
    m_actions.value(QStringLiteral("languageEnglishAction"))->setChecked(m_language == QLatin1String("en"));
    m_actions.value(QStringLiteral("languageChineseAction"))->setChecked(m_language == QLatin1String("zh_CN"));
    updateRecentMenu();
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
        if (!m_presenter)
            m_scene->setCanvasPalette(QApplication::palette());
        break;
    default:
        break;
    }
    QMainWindow::changeEvent(event);
}

// --- selection and actions ---------------------------------------------------------------

QString MainWindow::selectedPod() const
{
    if (m_session->selectedKind() == QLatin1String("Pod"))
        return m_session->selectedKey();
    return {};
}

QString MainWindow::selectedNode() const
{
    if (m_session->selectedKind() == QLatin1String("Node"))
        return m_session->selectedKey();
    if (m_session->selectedKind() == QLatin1String("Pod")) {
        if (const core::Pod *pod = m_session->viewStore().find<core::Pod>(m_session->selectedKey()))
            return pod->spec.nodeName;
    }
    return {};
}

QString MainWindow::selectedStatefulSet() const
{
    const core::Store &store = m_session->viewStore();
    if (m_session->selectedKind() == QLatin1String("StatefulSet"))
        return m_session->selectedKey();
    if (m_session->selectedKind() == QLatin1String("Pod")) {
        const QString key = m_session->selectedKey();
        const core::Pod *pod = store.find<core::Pod>(key);
        if (pod && pod->metadata.controllerRef())
            return core::objectKey(pod->metadata.namespaceName, pod->metadata.controllerRef()->name);
        // A placeholder: the identity's set is its name without the ordinal.
        const QString setKey = key.section(QLatin1Char('-'), 0, -2);
        if (store.find<core::StatefulSet>(setKey))
            return setKey;
    }
    if (store.all<core::StatefulSet>().size() == 1)
        return core::objectKey(store.all<core::StatefulSet>().first().metadata);
    return {};
}

void MainWindow::updateActions()
{
    const core::Store &store = m_session->viewStore();
    const QString podKey = selectedPod();
    const core::Pod *pod = podKey.isEmpty() ? nullptr : store.find<core::Pod>(podKey);
    const QString nodeName = selectedNode();
    const core::Node *node = nodeName.isEmpty() ? nullptr : store.find<core::Node>(nodeName);
    const bool hasSet = !selectedStatefulSet().isEmpty();
    const auto enable = [this](const char *name, bool on) {
        if (QAction *a = m_actions.value(QString::fromLatin1(name)))
            a->setEnabled(on);
    };
    const bool running = pod && pod->status.phase == core::PodPhase::Running;
    enable("deletePodAction", pod != nullptr);
    enable("forceDeletePodAction", pod != nullptr);
    enable("unreadyPodAction", running && pod->isReady());
    enable("readyPodAction", running && !pod->isReady());
    enable("crashPodAction", running);
    enable("scaleAction", hasSet);
    enable("imageAction", hasSet);
    enable("partitionAction", hasSet);
    const bool heartbeating = node && m_session->simulation().state().nodes.value(nodeName).heartbeating;
    enable("nodeDownAction", node && heartbeating);
    enable("nodeUpAction", node && !heartbeating);
    enable("cordonAction", node && !node->unschedulable);
    enable("uncordonAction", node && node->unschedulable);
    enable("drainAction", node != nullptr);
    enable("reloadAction", !m_lastPaths.isEmpty() || !m_lastScenario.isEmpty());
    enable("liveAction", !m_session->isLive());
    if (QAction *undo = m_actions.value(QStringLiteral("undoAction"))) {
        undo->setEnabled(m_undo->canUndo());
        undo->setText(m_undo->canUndo() ? tr("&Undo %1").arg(m_undo->undoText()) : tr("&Undo"));
        undo->setToolTip(undo->text().remove(QLatin1Char('&')));
    }
    if (QAction *redo = m_actions.value(QStringLiteral("redoAction"))) {
        redo->setEnabled(m_undo->canRedo());
        redo->setText(m_undo->canRedo() ? tr("&Redo %1").arg(m_undo->redoText()) : tr("&Redo"));
        redo->setToolTip(redo->text().remove(QLatin1Char('&')));
    }
    if (QAction *play = m_actions.value(QStringLiteral("playAction"))) {
        play->setIcon(themedIcon(m_session->isPlaying() ? QStringLiteral("media-playback-pause")
                                                        : QStringLiteral("media-playback-start")));
        play->setText(m_session->isPlaying() ? tr("&Pause") : tr("&Play"));
        play->setToolTip(m_session->isPlaying() ? tr("Pause virtual time") : tr("Run virtual time"));
    }
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

bool MainWindow::runLines(const QList<CommandLine> &lines)
{
    core::Console &console = m_session->console();
    for (const CommandLine &cmd : lines) {
        const QString previous = console.currentNamespace();
        if (!cmd.ns.isEmpty())
            console.setCurrentNamespace(cmd.ns);
        const core::ConsoleOutput out = m_session->runCommand(cmd.line, cmd.baseDir);
        if (!cmd.ns.isEmpty())
            console.setCurrentNamespace(previous);
        if (!out.ok()) {
            showError(QStringLiteral("$ %1\n%2").arg(cmd.line, out.text.trimmed()));
            return false;
        }
        statusBar()->showMessage(out.text.trimmed().section(QLatin1Char('\n'), 0, 0), 5000);
    }
    return true;
}

bool MainWindow::runAction(const QString &text, const QList<CommandLine> &lines)
{
    // Branch first (if looking at the past), so the action's index is that of the new history.
    m_session->prepareAction();
    const qsizetype index = m_session->simulation().actionCount();
    const bool ok = runLines(lines);
    if (m_session->simulation().actionCount() > index) {
        m_undo->push(new ActionCommand(m_session, text, lines, index,
                                       [this](const QList<CommandLine> &l) { return runLines(l); }));
    }
    updateActions();
    return ok;
}

bool MainWindow::deletePod(const QString &podKey, bool force)
{
    if (podKey.isEmpty())
        return false;
    const QString name = nameOf(podKey);
    QString line = QStringLiteral("kubectl delete pod %1 -n %2 --wait=false").arg(name, namespaceOf(podKey));
    if (force)
        line += QStringLiteral(" --grace-period=0 --force");
    return runAction(force ? tr("Force delete %1").arg(name) : tr("Delete %1").arg(name),
                     {{QString(), line}});
}

bool MainWindow::setPodReady(const QString &podKey, bool ready)
{
    if (podKey.isEmpty())
        return false;
    const QString name = nameOf(podKey);
    return runAction(ready ? tr("Make %1 ready").arg(name) : tr("Make %1 unready").arg(name),
                     {{namespaceOf(podKey),
                       QStringLiteral("sim %1 %2").arg(ready ? QStringLiteral("ready") : QStringLiteral("unready"), name)}});
}

bool MainWindow::crashPod(const QString &podKey)
{
    if (podKey.isEmpty())
        return false;
    const QString name = nameOf(podKey);
    return runAction(tr("Crash %1").arg(name),
                     {{namespaceOf(podKey), QStringLiteral("sim crash %1").arg(name)}});
}

bool MainWindow::scaleStatefulSet(const QString &setKey, int replicas)
{
    if (setKey.isEmpty())
        return false;
    return runAction(tr("Scale %1 to %2").arg(nameOf(setKey)).arg(replicas),
                     {{QString(), QStringLiteral("kubectl scale statefulset %1 -n %2 --replicas=%3")
                                      .arg(nameOf(setKey), namespaceOf(setKey))
                                      .arg(replicas)}});
}

bool MainWindow::setStatefulSetImage(const QString &setKey, const QString &container,
                                     const QString &image)
{
    if (setKey.isEmpty() || image.trimmed().isEmpty())
        return false;
    return runAction(tr("Set image of %1 to %2").arg(nameOf(setKey), image),
                     {{QString(), QStringLiteral("kubectl set image statefulset/%1 %2=%3 -n %4")
                                      .arg(nameOf(setKey), container, image.trimmed(), namespaceOf(setKey))}});
}

bool MainWindow::setPartition(const QString &setKey, int partition)
{
    if (setKey.isEmpty())
        return false;
    const QString patch = QStringLiteral(
        "'{\"spec\":{\"updateStrategy\":{\"type\":\"RollingUpdate\",\"rollingUpdate\":{\"partition\":%1}}}}'")
                              .arg(partition);
    return runAction(tr("Set partition of %1 to %2").arg(nameOf(setKey)).arg(partition),
                     {{QString(), QStringLiteral("kubectl patch statefulset %1 -n %2 -p %3")
                                      .arg(nameOf(setKey), namespaceOf(setKey), patch)}});
}

bool MainWindow::setNodeUp(const QString &node, bool up)
{
    if (node.isEmpty())
        return false;
    return runAction(up ? tr("Bring %1 up").arg(node) : tr("Take %1 down").arg(node),
                     {{QString(), QStringLiteral("sim %1 %2").arg(up ? QStringLiteral("node-up")
                                                                     : QStringLiteral("node-down"),
                                                                  node)}});
}

bool MainWindow::cordonNode(const QString &node, bool cordon)
{
    if (node.isEmpty())
        return false;
    return runAction(cordon ? tr("Cordon %1").arg(node) : tr("Uncordon %1").arg(node),
                     {{QString(), QStringLiteral("kubectl %1 %2").arg(cordon ? QStringLiteral("cordon")
                                                                             : QStringLiteral("uncordon"),
                                                                      node)}});
}

bool MainWindow::drainNode(const QString &node)
{
    if (node.isEmpty())
        return false;
    // As kubectl drain: cordon, then evict every pod bound to the node. The evictions are not
    // waited for here, so the canvas shows them terminating and coming back elsewhere.
    QList<CommandLine> lines;
    if (const core::Node *n = m_session->viewStore().find<core::Node>(node); n && !n->unschedulable)
        lines << CommandLine{QString(), QStringLiteral("kubectl cordon %1").arg(node)};
    for (const core::Pod *pod : m_session->viewStore().podsOnNode(node)) {
        if (pod->metadata.isTerminating() || pod->isTerminal())
            continue;
        lines << CommandLine{QString(), QStringLiteral("kubectl delete pod %1 -n %2 --wait=false")
                                            .arg(pod->metadata.name, pod->metadata.namespaceName)};
    }
    if (lines.isEmpty())
        return true;
    return runAction(tr("Drain %1").arg(node), lines);
}

void MainWindow::scaleDialog()
{
    const QString key = selectedStatefulSet();
    const core::StatefulSet *set = m_session->viewStore().find<core::StatefulSet>(key);
    if (!set)
        return;
    bool ok = false;
    const int replicas = QInputDialog::getInt(this, tr("Scale StatefulSet"),
                                              tr("Replicas of %1:").arg(set->metadata.name),
                                              set->spec.replicas, 0, 1000, 1, &ok);
    if (ok && replicas != set->spec.replicas)
        scaleStatefulSet(key, replicas);
}

void MainWindow::imageDialog()
{
    const QString key = selectedStatefulSet();
    const core::StatefulSet *set = m_session->viewStore().find<core::StatefulSet>(key);
    if (!set || set->spec.podTemplate.spec.containers.isEmpty())
        return;
    const core::Container &c = set->spec.podTemplate.spec.containers.first();
    bool ok = false;
    const QString image = QInputDialog::getText(
        this, tr("Change Image"), tr("Image of container %1 in %2:").arg(c.name, set->metadata.name),
        QLineEdit::Normal, c.image, &ok);
    if (ok && !image.trimmed().isEmpty() && image.trimmed() != c.image)
        setStatefulSetImage(key, c.name, image.trimmed());
}

void MainWindow::partitionDialog()
{
    const QString key = selectedStatefulSet();
    const core::StatefulSet *set = m_session->viewStore().find<core::StatefulSet>(key);
    if (!set)
        return;
    const int current = set->spec.updateStrategy.rollingUpdate
        ? set->spec.updateStrategy.rollingUpdate->partition
        : 0;
    bool ok = false;
    const int partition = QInputDialog::getInt(
        this, tr("Set Partition"),
        tr("Update only the pods of %1 with an ordinal ≥").arg(set->metadata.name), current, 0,
        1000, 1, &ok);
    if (ok && partition != current)
        setPartition(key, partition);
}

QMenu *MainWindow::contextMenuFor(const QString &kind, const QString &key)
{
    delete m_contextMenu;
    m_contextMenu = new QMenu(this);
    m_contextMenu->setObjectName(QStringLiteral("canvasContextMenu"));
    if (!kind.isEmpty())
        m_session->select(kind, key);
    updateActions();
    const auto a = [this](const char *name) { return m_actions.value(QString::fromLatin1(name)); };
    QMenu *menu = m_contextMenu;
    if (kind == QLatin1String("Pod")) {
        menu->addSection(nameOf(key));
        for (const char *name : {"deletePodAction", "forceDeletePodAction", "unreadyPodAction",
                                 "readyPodAction", "crashPodAction"})
            menu->addAction(a(name));
        menu->addSeparator();
        menu->addAction(a("scaleAction"));
    } else if (kind == QLatin1String("Node")) {
        menu->addSection(key);
        for (const char *name : {"nodeDownAction", "nodeUpAction", "cordonAction",
                                 "uncordonAction", "drainAction"})
            menu->addAction(a(name));
    } else if (kind == QLatin1String("StatefulSet")) {
        menu->addSection(nameOf(key));
        for (const char *name : {"scaleAction", "imageAction", "partitionAction"})
            menu->addAction(a(name));
    } else {
        menu->addAction(a("fitAction"));
        menu->addAction(a("actualSizeAction"));
        menu->addSeparator();
        menu->addAction(a("openAction"));
        menu->addAction(a("exportPngAction"));
    }
    return menu;
}

void MainWindow::showContextMenu(const QString &kind, const QString &key, const QPoint &globalPos)
{
    contextMenuFor(kind, key)->popup(globalPos);
}

void MainWindow::historyBranched(core::Millis at)
{
    m_undo->clear();
    const QString text = tr("You acted at %1, in the past: the history after that moment was "
                            "discarded and the simulation continues from there.")
                             .arg(core::goDuration(at));
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

void MainWindow::showInfo(const QString &text)
{
    statusBar()->showMessage(text, 6000);
}

// --- files -------------------------------------------------------------------------------

bool MainWindow::openPaths(const QStringList &paths)
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
            m_lastError.clear();
            m_lastPaths = paths;
            m_lastScenario.clear();
            addRecent(paths);
            showInfo(result.lines.join(QStringLiteral(" · ")));
            if (m_banner->kind() == MessageBanner::Kind::Error)
                m_bannerBox->hide();
            m_undo->clear(); // an apply is not undoable through the stack; keep indices sane
            updateActions();
            Q_EMIT filesOpened(paths);
            return true;
        }
    }
    showError(tr("Nothing was applied; the cluster is unchanged.") + QLatin1Char('\n')
              + problems.join(QLatin1Char('\n')));
    return false;
}

bool MainWindow::openScenario(const QString &path)
{
    Scenario scenario;
    QString error;
    if (!Scenario::load(path, &scenario, &error)) {
        showError(tr("The scenario could not be opened; the cluster is unchanged.") + QLatin1Char('\n') + error);
        return false;
    }
    m_session->resetCluster(m_session->config());
    if (!scenario.replay(m_session, &error)) {
        showError(tr("The scenario stopped at a failing step:") + QLatin1Char('\n') + error);
        return false;
    }
    m_lastError.clear();
    m_lastScenario = path;
    m_lastPaths.clear();
    addRecent({path});
    m_dirty = false;
    setWindowModified(false);
    setWindowFilePath(path);
    showInfo(tr("Opened %1 at %2").arg(QFileInfo(path).fileName(), core::goDuration(m_session->now())));
    updateActions();
    Q_EMIT filesOpened({path});
    return true;
}

bool MainWindow::saveScenario(const QString &path)
{
    Scenario log = m_log;
    log.setEnd(m_session->now());
    QString error;
    if (!log.save(path, &error)) {
        showError(tr("The scenario could not be saved to %1: %2").arg(path, error));
        return false;
    }
    m_dirty = false;
    setWindowModified(false);
    setWindowFilePath(path);
    addRecent({path});
    showInfo(tr("Saved %1").arg(QFileInfo(path).fileName()));
    return true;
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
    return runLines({{QString(), QStringLiteral("kubectl create -f seed-svc.yaml"), dir},
                     {QString(), QStringLiteral("kubectl create -f seed-statefulset.yaml"), dir}});
}

void MainWindow::newScenario()
{
    m_session->resetCluster(m_session->config());
    m_lastPaths.clear();
    m_lastScenario.clear();
    m_dirty = false;
    setWindowModified(false);
    setWindowFilePath(QString());
    updateActions();
}

void MainWindow::open()
{
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("files/lastDir"), QDir::homePath()).toString();
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Open Manifests or Scenario"), dir,
        tr("Manifests and scenarios (*.yaml *.yml *.json *.ordinal);;Manifests (*.yaml *.yml *.json);;"
           "Scenarios (*.ordinal);;All files (*)"));
    if (paths.isEmpty())
        return;
    settings.setValue(QStringLiteral("files/lastDir"), QFileInfo(paths.first()).absolutePath());
    openPaths(paths);
}

void MainWindow::reload()
{
    if (!m_lastScenario.isEmpty()) {
        openScenario(m_lastScenario);
        return;
    }
    if (m_lastPaths.isEmpty())
        return;
    const QStringList paths = m_lastPaths;
    m_session->resetCluster(m_session->config());
    openPaths(paths);
}

void MainWindow::saveScenarioAs()
{
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("files/lastDir"), QDir::homePath()).toString();
    QString path = QFileDialog::getSaveFileName(this, tr("Save Scenario"),
                                                QDir(dir).filePath(QStringLiteral("scenario.ordinal")),
                                                tr("Ordinal scenarios (*.ordinal)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".ordinal")))
        path += QStringLiteral(".ordinal");
    saveScenario(path);
}

void MainWindow::addRecent(const QStringList &paths)
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

void MainWindow::updateRecentMenu()
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
        connect(a, &QAction::triggered, this, [this, paths] {
            m_session->resetCluster(m_session->config());
            openPaths(paths);
        });
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

QStringList MainWindow::localPaths(const QMimeData *mime) const
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

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (localPaths(event->mimeData()).isEmpty()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    m_dropOverlay->raise();
    m_dropOverlay->show();
}

void MainWindow::dragMoveEvent(QDragMoveEvent *event)
{
    if (!localPaths(event->mimeData()).isEmpty())
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
    const QStringList paths = localPaths(event->mimeData());
    if (paths.isEmpty()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    openPaths(paths);
}

QString MainWindow::autosavePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("autosave.ordinal"));
}

void MainWindow::writeAutosave()
{
    QDir().mkpath(QFileInfo(autosavePath()).absolutePath());
    Scenario log = m_log;
    log.setEnd(m_session->now());
    QString error;
    if (log.save(autosavePath(), &error))
        m_dirty = false;
}

void MainWindow::offerRestore()
{
    const QString path = autosavePath();
    if (!QFileInfo::exists(path))
        return;
    const auto answer = QMessageBox::question(
        this, tr("Restore Scenario"),
        tr("Ordinal did not close properly last time. Restore the scenario saved automatically "
           "at %1?")
            .arg(QLocale().toString(QFileInfo(path).lastModified(), QLocale::ShortFormat)),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer == QMessageBox::Yes)
        openScenario(path);
    else
        QFile::remove(path);
}

bool MainWindow::confirmDiscardChanges()
{
    if (!isWindowModified())
        return true;
    QMessageBox box(QMessageBox::Question, tr("Unsaved Changes"),
                    tr("The scenario has changes that are not saved. Save them before quitting?"),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("unsavedChangesBox"));
    box.setInformativeText(tr("A saved scenario keeps the manifests and every action with its "
                              "time, to replay them later."));
    box.setDefaultButton(QMessageBox::Save);
    box.setEscapeButton(QMessageBox::Cancel);
    switch (box.exec()) {
    case QMessageBox::Save:
        saveScenarioAs();
        // A cancelled file dialog keeps the window open.
        return !isWindowModified();
    case QMessageBox::Discard:
        return true;
    default:
        return false;
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Asked first: the rest below (layout saved, presenter mode left) is for a window that closes.
    if (!confirmDiscardChanges()) {
        event->ignore();
        return;
    }
    // Presenter mode comes back next time (a projector session that was interrupted).
    QSettings().setValue(QStringLiteral("view/presenter"), m_presenter);
    saveLayout();
    // A clean exit leaves no autosave behind; its presence next time means a crash.
    QFile::remove(autosavePath());
    m_autosave.stop();
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
    if (m_presenter)
        setPresenterMode(false);
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState(kLayoutVersion));
}

// --- presenter mode ------------------------------------------------------------------------

void MainWindow::applyPresenterPalette(bool on)
{
    if (!on) {
        setPalette(QPalette());
        setFont(m_fontBeforePresenter);
        m_scene->setCanvasPalette(QApplication::palette());
        return;
    }
    // High contrast, on the side of the system theme (dark stays dark).
    const bool dark = QApplication::palette().color(QPalette::Window).lightness() < 128;
    QPalette p;
    const QColor bg = dark ? Qt::black : Qt::white;
    const QColor fg = dark ? Qt::white : Qt::black;
    for (const auto role : {QPalette::Window, QPalette::Base, QPalette::Button, QPalette::AlternateBase})
        p.setColor(role, bg);
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText,
                            QPalette::BrightText})
        p.setColor(role, fg);
    p.setColor(QPalette::Highlight, dark ? QColor(0xff, 0xd7, 0x00) : QColor(0x00, 0x3c, 0x8f));
    p.setColor(QPalette::HighlightedText, dark ? Qt::black : Qt::white);
    setPalette(p);
    m_fontBeforePresenter = font();
    QFont big = font();
    big.setPointSizeF(std::max<qreal>(14, big.pointSizeF() * 1.5));
    setFont(big);
    m_scene->setCanvasPalette(p);
}

void MainWindow::setPresenterMode(bool on)
{
    if (on == m_presenter)
        return;
    m_presenter = on;
    if (QAction *a = m_actions.value(QStringLiteral("presenterAction")); a->isChecked() != on) {
        const QSignalBlocker block(a);
        a->setChecked(on);
    }
    if (on) {
        m_stateBeforePresenter = saveState(kLayoutVersion);
        m_wasMaximized = isMaximized();
        m_speedBeforePresenter = m_session->speed();
        menuBar()->hide();
        statusBar()->hide();
        m_toolBar->hide();
        for (QDockWidget *dock : std::as_const(m_docks))
            dock->hide();
        applyPresenterPalette(true);
        m_scene->setPresenter(true);
        m_view->setMaximumFitZoom(2.0);
        m_session->setSpeed(PreferencesDialog::presenterSpeed());
        showFullScreen();
    } else {
        applyPresenterPalette(false);
        m_scene->setPresenter(false);
        m_view->setMaximumFitZoom(1.25);
        menuBar()->show();
        statusBar()->show();
        m_toolBar->show();
        restoreState(m_stateBeforePresenter, kLayoutVersion);
        m_session->setSpeed(m_speedBeforePresenter);
        if (m_wasMaximized)
            showMaximized();
        else
            showNormal();
    }
    updatePresenterStrip();
    m_view->fitToContent();
}

void MainWindow::updatePresenterStrip()
{
    if (!m_presenterStrip)
        return;
    const QAction *toggle = m_actions.value(QStringLiteral("presenterStripAction"));
    const bool shown = m_presenter && toggle && toggle->isChecked();
    if (shown) {
        QFont big = font();
        big.setPixelSize(30);
        big.setBold(true);
        m_captionLabel->setFont(big);
        m_dnsStripLabel->setFont(big);
        m_captionLabel->setText(m_lessonPanel ? m_lessonPanel->currentStepCaption() : QString());
        const QString name = m_dnsPanel->queryName();
        const QStringList now = m_dnsPanel->answerAddresses();
        QString dns;
        if (!name.isEmpty()) {
            dns = tr("%1 → %2").arg(name, now.isEmpty() ? tr("no answer") : now.join(QStringLiteral(", ")));
            const QString before = m_dnsPanel->previousAnswer();
            if (!before.isEmpty())
                dns += QStringLiteral("   ") + tr("(before: %1)").arg(before);
        }
        m_dnsStripLabel->setText(dns);
    }
    if (shown != m_presenterStrip->isVisible())
        m_presenterStrip->setVisible(shown);
}

// --- language ----------------------------------------------------------------------------

bool MainWindow::setLanguage(const QString &language)
{
    QList<QTranslator *> loaded;
    if (language != QLatin1String("en")) {
        for (const QString &name : {QStringLiteral("ordinal"), QStringLiteral("qtbase")}) {
            auto *t = new QTranslator(qApp);
            if (t->load(QStringLiteral(":/i18n/%1_%2.qm").arg(name, language)))
                loaded << t;
            else
                delete t;
        }
        if (loaded.isEmpty() || loaded.first()->language().isEmpty()) {
            qDeleteAll(loaded);
            return false;
        }
    }
    // Remove what is installed (ours, and those main() installed at start-up).
    const QList<QTranslator *> installed = qApp->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly);
    for (QTranslator *t : installed) {
        if (loaded.contains(t))
            continue;
        QCoreApplication::removeTranslator(t);
        t->deleteLater();
    }
    m_language = language;
    QLocale::setDefault(QLocale(language == QLatin1String("en") ? QStringLiteral("en_US") : language));
    for (QTranslator *t : std::as_const(loaded))
        QCoreApplication::installTranslator(t);
    if (loaded.isEmpty()) {
        // Removing translators already sent LanguageChange; make sure of it when none was installed.
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(this, &change);
    }
    QSettings().setValue(QStringLiteral("ui/language"), language);
    return true;
}

// --- export ------------------------------------------------------------------------------

std::unique_ptr<ClusterScene> MainWindow::snapshotScene() const
{
    // The cluster at the viewed moment in a scene of its own, as frames are: an export shows
    // the cluster, not the window's state (selection, the DNS panel's ring, half-run animations).
    auto scene = std::make_unique<ClusterScene>(m_session);
    scene->setAnimationsEnabled(false);
    scene->setCanvasPalette(m_scene->canvasStyle().presenter ? palette() : QApplication::palette());
    scene->setPresenter(m_scene->isPresenter());
    scene->sync(m_session->viewStore(), m_session->viewTime(), false);
    return scene;
}

void MainWindow::renderContent(ClusterScene *scene, QPainter *painter, const QRectF &target)
{
    const QRectF source = scene->contentRect();
    painter->fillRect(target, scene->canvasStyle().background);
    // Centred: QGraphicsScene::render keeps the aspect ratio but puts the picture top left.
    const qreal scale = std::min(target.width() / source.width(), target.height() / source.height());
    QRectF placed(QPointF(0, 0), source.size() * scale);
    placed.moveCenter(target.center());
    scene->render(painter, placed, source, Qt::KeepAspectRatio);
}

bool MainWindow::exportPng(const QString &path, qreal scale)
{
    const std::unique_ptr<ClusterScene> scene = snapshotScene();
    const QRectF source = scene->contentRect();
    QSizeF size = source.size() * scale;
    if (size.width() > 8000 || size.height() > 8000)
        size.scale(8000, 8000, Qt::KeepAspectRatio);
    QImage image(size.toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(scene->canvasStyle().background);
    {
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        renderContent(scene.get(), &painter, QRectF(QPointF(0, 0), size));
    }
    if (!image.save(path, "PNG")) {
        showError(tr("The image could not be written to %1.").arg(path));
        return false;
    }
    showInfo(tr("Exported %1").arg(QFileInfo(path).fileName()));
    return true;
}

bool MainWindow::exportSvg(const QString &path)
{
    const std::unique_ptr<ClusterScene> scene = snapshotScene();
    const QRectF source = scene->contentRect();
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(source.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), source.size()));
    generator.setTitle(tr("Ordinal canvas at %1").arg(core::goDuration(m_session->viewTime())));
    generator.setDescription(tr("Nodes, pods and services of the simulated cluster"));
    {
        QPainter painter;
        if (!painter.begin(&generator)) {
            showError(tr("The SVG could not be written to %1.").arg(path));
            return false;
        }
        renderContent(scene.get(), &painter, QRectF(QPointF(0, 0), source.size()));
    }
    if (!QFileInfo::exists(path)) {
        showError(tr("The SVG could not be written to %1.").arg(path));
        return false;
    }
    showInfo(tr("Exported %1").arg(QFileInfo(path).fileName()));
    return true;
}

bool MainWindow::exportFrames(const QString &folder, core::Millis from, core::Millis to,
                              core::Millis step, const QSize &size, bool presenterStyle,
                              QString *error)
{
    if (step <= 0 || to < from || !QDir(folder).exists()) {
        *error = tr("Invalid range or folder.");
        return false;
    }
    // A scene of its own, fed by hand from the history: the live canvas is not disturbed.
    ClusterScene frames(m_session);
    frames.setAnimationsEnabled(false);
    frames.setCanvasPalette(m_scene->canvasStyle().presenter ? palette() : QApplication::palette());
    frames.setPresenter(presenterStyle);
    const qint64 count = (to - from) / step + 1;
    QProgressDialog progress(tr("Exporting frames…"), tr("Cancel"), 0, int(count), this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(500);
    QFont stamp = font();
    stamp.setPixelSize(std::max(14, size.height() / 40));
    for (qint64 i = 0; i < count; ++i) {
        const core::Millis t = from + i * step;
        frames.sync(m_session->simulation().storeAt(t), t, false);
        QImage image(size, QImage::Format_RGB32);
        image.fill(frames.canvasStyle().background);
        {
            QPainter painter(&image);
            painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
            const QRectF target = QRectF(QPointF(0, 0), QSizeF(size)).adjusted(0, stamp.pixelSize() * 2, 0, 0);
            renderContent(&frames, &painter, target);
            painter.setFont(stamp);
            painter.setPen(frames.canvasStyle().mutedText);
            painter.drawText(QRectF(16, 8, size.width() - 32, stamp.pixelSize() * 1.6),
                             Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("t = %1").arg(core::goDuration(t)));
        }
        const QString file = QDir(folder).filePath(QStringLiteral("frame-%1.png").arg(i, 5, 10, QLatin1Char('0')));
        if (!image.save(file, "PNG")) {
            *error = tr("Could not write %1.").arg(file);
            return false;
        }
        progress.setValue(int(i + 1));
        if (progress.wasCanceled()) {
            *error = tr("Cancelled after %n frame(s).", nullptr, int(i + 1));
            return false;
        }
    }
    return true;
}

void MainWindow::exportPngDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Canvas as PNG"),
                                                      QDir::home().filePath(QStringLiteral("ordinal.png")),
                                                      tr("PNG images (*.png)"));
    if (!path.isEmpty())
        exportPng(path);
}

void MainWindow::exportSvgDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Canvas as SVG"),
                                                      QDir::home().filePath(QStringLiteral("ordinal.svg")),
                                                      tr("SVG drawings (*.svg)"));
    if (!path.isEmpty())
        exportSvg(path);
}

void MainWindow::exportFramesDialog()
{
    ExportDialog dialog(m_session->now(), this);
    dialog.setFolder(QSettings().value(QStringLiteral("files/framesDir"), QDir::homePath()).toString());
    if (dialog.exec() != QDialog::Accepted)
        return;
    QSettings().setValue(QStringLiteral("files/framesDir"), dialog.folder());
    QString error;
    if (exportFrames(dialog.folder(), dialog.from(), dialog.to(), dialog.step(), dialog.frameSize(),
                     dialog.presenterStyle(), &error))
        showInfo(tr("Frames written to %1").arg(dialog.folder()));
    else
        showError(error);
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_scene->setAnimationsEnabled(PreferencesDialog::animate());
    m_autosave.setInterval(PreferencesDialog::autosaveSeconds() * 1000);
    if (!m_presenter)
        m_session->setSpeed(PreferencesDialog::defaultSpeed());
}

void MainWindow::showAbout()
{
    AboutDialog dialog(this);
    dialog.exec();
}

} // namespace ordinal::gui
