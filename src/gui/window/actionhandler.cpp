#include "window/actionhandler.h"

#include "mainwindow.h"
#include "session.h"
#include "window/clusteractions.h"
#include "window/fileactions.h"

#include <QAction>
#include <QActionGroup>
#include <QUndoStack>

namespace ordinal::gui {

ActionHandler::ActionHandler(MainWindow *window, Session *session, QUndoStack *undo)
    : QObject(window)
    , m_window(window)
    , m_session(session)
    , m_undo(undo)
{
    // File
    makeAction("newAction", QStringLiteral("document-new"), QKeySequence::New);
    makeAction("openAction", QStringLiteral("document-open"), QKeySequence::Open);
    makeAction("reloadAction", QStringLiteral("view-refresh"), QKeySequence::Refresh);
    makeAction("saveScenarioAction", QStringLiteral("document-save"), QKeySequence::Save);
    makeAction("exportPngAction", QStringLiteral("document-export"));
    makeAction("exportSvgAction", QString());
    makeAction("exportFramesAction", QString());
    makeAction("quitAction", QString(), QKeySequence::Quit);

    // Edit
    // Own undo/redo actions (not createUndoAction) so their prefix follows the language.
    connect(makeAction("undoAction", QStringLiteral("edit-undo"), QKeySequence::Undo),
            &QAction::triggered, m_undo, &QUndoStack::undo);
    connect(makeAction("redoAction", QStringLiteral("edit-redo"), QKeySequence::Redo),
            &QAction::triggered, m_undo, &QUndoStack::redo);
    makeAction("historyAction", QString(), QKeySequence(Qt::CTRL | Qt::Key_H));
    makeAction("preferencesAction", QString(), QKeySequence::Preferences);

    // View
    makeAction("zoomInAction", QStringLiteral("zoom-in"), QKeySequence::ZoomIn)
        ->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    makeAction("zoomOutAction", QStringLiteral("zoom-out"), QKeySequence::ZoomOut);
    makeAction("fitAction", QStringLiteral("zoom-fit-best"), QKeySequence(Qt::CTRL | Qt::Key_0));
    makeAction("actualSizeAction", QString(), QKeySequence(Qt::CTRL | Qt::Key_1));
    makeAction("presenterAction", QStringLiteral("view-presenter"), QKeySequence(Qt::Key_F11))
        ->setCheckable(true);
    QAction *strip = makeAction("presenterStripAction", QString(), QKeySequence(Qt::Key_F9));
    strip->setCheckable(true);
    strip->setChecked(true);
    makeAction("leavePresenterAction", QString(), QKeySequence(Qt::Key_Escape));

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
    makeAction("deletePodAction", QStringLiteral("edit-delete"), QKeySequence::Delete);
    makeAction("forceDeletePodAction", QStringLiteral("edit-delete-force"),
               QKeySequence(Qt::SHIFT | Qt::Key_Delete));
    makeAction("unreadyPodAction", QStringLiteral("pod-unready"),
               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    makeAction("readyPodAction", QStringLiteral("pod-ready"),
               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    makeAction("crashPodAction", QStringLiteral("pod-crash"),
               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    // StatefulSet
    makeAction("scaleAction", QStringLiteral("statefulset-scale"),
               QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S));
    makeAction("imageAction", QStringLiteral("statefulset-image"),
               QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_I));
    makeAction("partitionAction", QStringLiteral("statefulset-partition"),
               QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_P));
    // Nodes
    makeAction("nodeDownAction", QStringLiteral("node-down"),
               QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_D));
    makeAction("nodeUpAction", QStringLiteral("node-up"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_U));
    makeAction("cordonAction", QStringLiteral("node-cordon"),
               QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C));
    makeAction("uncordonAction", QStringLiteral("node-uncordon"),
               QKeySequence(Qt::CTRL | Qt::ALT | Qt::SHIFT | Qt::Key_C));
    makeAction("drainAction", QStringLiteral("node-drain"),
               QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_R));

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

    // Help
    makeAction("aboutAction", QString());
    makeAction("aboutQtAction", QString());
    makeAction("lessonAction", QString(), QKeySequence::HelpContents);

    connect(m_undo, &QUndoStack::indexChanged, this, &ActionHandler::updateActions);
}

QAction *ActionHandler::action(const char *name) const
{
    return m_actions.value(QString::fromLatin1(name));
}

QIcon ActionHandler::themedIcon(const QString &name)
{
    return QIcon::fromTheme(name, QIcon(QStringLiteral(":/icons/actions/%1.svg").arg(name)));
}

QAction *ActionHandler::makeAction(const char *objectName, const QString &iconName,
                                   const QKeySequence &shortcut)
{
    auto *a = new QAction(m_window);
    a->setObjectName(QString::fromLatin1(objectName));
    if (!iconName.isEmpty())
        a->setIcon(themedIcon(iconName));
    if (!shortcut.isEmpty())
        a->setShortcut(shortcut);
    // Added to the window too, so shortcuts work while menus are hidden (presenter mode).
    m_window->addAction(a);
    m_actions.insert(a->objectName(), a);
    return a;
}

void ActionHandler::retranslate()
{
    const auto set = [this](const char *name, const QString &text, const QString &tip = {}) {
        if (QAction *a = action(name)) {
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
    set("historyAction", tr("&History…"),
        tr("Everything done from the console, lessons, the window and the Kubernetes API, "
           "to undo and redo"));
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
}

void ActionHandler::updateActions()
{
    const auto enable = [this](const char *name, bool on) {
        if (QAction *a = action(name))
            a->setEnabled(on);
    };
    if (m_cluster) {
        const ClusterActions::Targets targets = m_cluster->targets();
        const core::Pod *pod = targets.pod;
        const core::Node *node = targets.node;
        const bool running = pod && pod->status.phase == core::PodPhase::Running;
        enable("deletePodAction", pod != nullptr);
        enable("forceDeletePodAction", pod != nullptr);
        enable("unreadyPodAction", running && pod->isReady());
        enable("readyPodAction", running && !pod->isReady());
        enable("crashPodAction", running);
        enable("scaleAction", targets.hasStatefulSet);
        enable("imageAction", targets.hasStatefulSet);
        enable("partitionAction", targets.hasStatefulSet);
        enable("nodeDownAction", node && targets.heartbeating);
        enable("nodeUpAction", node && !targets.heartbeating);
        enable("cordonAction", node && !node->unschedulable);
        enable("uncordonAction", node && node->unschedulable);
        enable("drainAction", node != nullptr);
    }
    enable("reloadAction", m_files && m_files->canReload());
    enable("liveAction", !m_session->isLive());
    if (QAction *undo = action("undoAction")) {
        undo->setEnabled(m_undo->canUndo());
        undo->setText(m_undo->canUndo() ? tr("&Undo %1").arg(m_undo->undoText()) : tr("&Undo"));
        undo->setToolTip(undo->text().remove(QLatin1Char('&')));
    }
    if (QAction *redo = action("redoAction")) {
        redo->setEnabled(m_undo->canRedo());
        redo->setText(m_undo->canRedo() ? tr("&Redo %1").arg(m_undo->redoText()) : tr("&Redo"));
        redo->setToolTip(redo->text().remove(QLatin1Char('&')));
    }
    if (QAction *play = action("playAction")) {
        play->setIcon(themedIcon(m_session->isPlaying() ? QStringLiteral("media-playback-pause")
                                                        : QStringLiteral("media-playback-start")));
        play->setText(m_session->isPlaying() ? tr("&Pause") : tr("&Play"));
        play->setToolTip(m_session->isPlaying() ? tr("Pause virtual time") : tr("Run virtual time"));
    }
}

} // namespace ordinal::gui
