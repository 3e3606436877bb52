#include "window/clusteractions.h"

#include "history/history.h"
#include "mainwindow.h"
#include "session.h"
#include "window/actionhandler.h"

#include <QAction>
#include <QInputDialog>
#include <QMenu>
#include <QStatusBar>

namespace ordinal::gui {

namespace {

QString namespaceOf(const QString &key)
{
    return key.contains(QLatin1Char('/')) ? key.section(QLatin1Char('/'), 0, 0) : QString();
}

QString nameOf(const QString &key)
{
    return key.section(QLatin1Char('/'), -1);
}

} // namespace

ClusterActions::ClusterActions(MainWindow *window, Session *session, History *history,
                               ActionHandler *actions)
    : QObject(window)
    , m_window(window)
    , m_session(session)
    , m_history(history)
    , m_actions(actions)
{
    const auto on = [this](const char *name, auto slot) {
        connect(m_actions->action(name), &QAction::triggered, this, slot);
    };
    on("deletePodAction", [this] { deletePod(selectedPod(), false); });
    on("forceDeletePodAction", [this] { deletePod(selectedPod(), true); });
    on("unreadyPodAction", [this] { setPodReady(selectedPod(), false); });
    on("readyPodAction", [this] { setPodReady(selectedPod(), true); });
    on("crashPodAction", [this] { crashPod(selectedPod()); });
    on("scaleAction", [this] { scaleDialog(); });
    on("imageAction", [this] { imageDialog(); });
    on("partitionAction", [this] { partitionDialog(); });
    on("nodeDownAction", [this] { setNodeUp(selectedNode(), false); });
    on("nodeUpAction", [this] { setNodeUp(selectedNode(), true); });
    on("cordonAction", [this] { cordonNode(selectedNode(), true); });
    on("uncordonAction", [this] { cordonNode(selectedNode(), false); });
    on("drainAction", [this] { drainNode(selectedNode()); });
}

// --- selection ---------------------------------------------------------------------------

QString ClusterActions::selectedPod() const
{
    if (m_session->selectedKind() == QLatin1String("Pod"))
        return m_session->selectedKey();
    return {};
}

QString ClusterActions::selectedNode() const
{
    if (m_session->selectedKind() == QLatin1String("Node"))
        return m_session->selectedKey();
    if (m_session->selectedKind() == QLatin1String("Pod")) {
        if (const core::Pod *pod = m_session->viewStore().find<core::Pod>(m_session->selectedKey()))
            return pod->spec.nodeName;
    }
    return {};
}

QString ClusterActions::selectedStatefulSet() const
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

ClusterActions::Targets ClusterActions::targets() const
{
    const core::Store &store = m_session->viewStore();
    Targets t;
    const QString podKey = selectedPod();
    t.pod = podKey.isEmpty() ? nullptr : store.find<core::Pod>(podKey);
    const QString nodeName = selectedNode();
    t.node = nodeName.isEmpty() ? nullptr : store.find<core::Node>(nodeName);
    t.hasStatefulSet = !selectedStatefulSet().isEmpty();
    t.heartbeating = t.node && m_session->simulation().state().nodes.value(nodeName).heartbeating;
    return t;
}

// --- actions -----------------------------------------------------------------------------

bool ClusterActions::runLines(const QList<CommandLine> &lines)
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
            m_window->showError(QStringLiteral("$ %1\n%2").arg(cmd.line, out.text.trimmed()));
            return false;
        }
        m_window->statusBar()->showMessage(out.text.trimmed().section(QLatin1Char('\n'), 0, 0), 5000);
    }
    return true;
}

bool ClusterActions::runAction(const QString &text, const QList<CommandLine> &lines)
{
    // Every line that changes the cluster is a step of the history; together, one entry.
    m_history->beginGroup(text);
    const bool ok = runLines(lines);
    m_history->endGroup();
    m_actions->updateActions();
    return ok;
}

bool ClusterActions::deletePod(const QString &podKey, bool force)
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

bool ClusterActions::setPodReady(const QString &podKey, bool ready)
{
    if (podKey.isEmpty())
        return false;
    const QString name = nameOf(podKey);
    return runAction(ready ? tr("Make %1 ready").arg(name) : tr("Make %1 unready").arg(name),
                     {{namespaceOf(podKey),
                       QStringLiteral("sim %1 %2").arg(ready ? QStringLiteral("ready") : QStringLiteral("unready"), name)}});
}

bool ClusterActions::crashPod(const QString &podKey)
{
    if (podKey.isEmpty())
        return false;
    const QString name = nameOf(podKey);
    return runAction(tr("Crash %1").arg(name),
                     {{namespaceOf(podKey), QStringLiteral("sim crash %1").arg(name)}});
}

bool ClusterActions::scaleStatefulSet(const QString &setKey, int replicas)
{
    if (setKey.isEmpty())
        return false;
    return runAction(tr("Scale %1 to %2").arg(nameOf(setKey)).arg(replicas),
                     {{QString(), QStringLiteral("kubectl scale statefulset %1 -n %2 --replicas=%3")
                                      .arg(nameOf(setKey), namespaceOf(setKey))
                                      .arg(replicas)}});
}

bool ClusterActions::setStatefulSetImage(const QString &setKey, const QString &container,
                                         const QString &image)
{
    if (setKey.isEmpty() || image.trimmed().isEmpty())
        return false;
    return runAction(tr("Set image of %1 to %2").arg(nameOf(setKey), image),
                     {{QString(), QStringLiteral("kubectl set image statefulset/%1 %2=%3 -n %4")
                                      .arg(nameOf(setKey), container, image.trimmed(), namespaceOf(setKey))}});
}

bool ClusterActions::setPartition(const QString &setKey, int partition)
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

bool ClusterActions::setNodeUp(const QString &node, bool up)
{
    if (node.isEmpty())
        return false;
    return runAction(up ? tr("Bring %1 up").arg(node) : tr("Take %1 down").arg(node),
                     {{QString(), QStringLiteral("sim %1 %2").arg(up ? QStringLiteral("node-up")
                                                                     : QStringLiteral("node-down"),
                                                                  node)}});
}

bool ClusterActions::cordonNode(const QString &node, bool cordon)
{
    if (node.isEmpty())
        return false;
    return runAction(cordon ? tr("Cordon %1").arg(node) : tr("Uncordon %1").arg(node),
                     {{QString(), QStringLiteral("kubectl %1 %2").arg(cordon ? QStringLiteral("cordon")
                                                                             : QStringLiteral("uncordon"),
                                                                      node)}});
}

bool ClusterActions::drainNode(const QString &node)
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

// --- dialogs -----------------------------------------------------------------------------

void ClusterActions::scaleDialog()
{
    const QString key = selectedStatefulSet();
    const core::StatefulSet *set = m_session->viewStore().find<core::StatefulSet>(key);
    if (!set)
        return;
    bool ok = false;
    const int replicas = QInputDialog::getInt(m_window, tr("Scale StatefulSet"),
                                              tr("Replicas of %1:").arg(set->metadata.name),
                                              set->spec.replicas, 0, 1000, 1, &ok);
    if (ok && replicas != set->spec.replicas)
        scaleStatefulSet(key, replicas);
}

void ClusterActions::imageDialog()
{
    const QString key = selectedStatefulSet();
    const core::StatefulSet *set = m_session->viewStore().find<core::StatefulSet>(key);
    if (!set || set->spec.podTemplate.spec.containers.isEmpty())
        return;
    const core::Container &c = set->spec.podTemplate.spec.containers.first();
    bool ok = false;
    const QString image = QInputDialog::getText(
        m_window, tr("Change Image"), tr("Image of container %1 in %2:").arg(c.name, set->metadata.name),
        QLineEdit::Normal, c.image, &ok);
    if (ok && !image.trimmed().isEmpty() && image.trimmed() != c.image)
        setStatefulSetImage(key, c.name, image.trimmed());
}

void ClusterActions::partitionDialog()
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
        m_window, tr("Set Partition"),
        tr("Update only the pods of %1 with an ordinal ≥").arg(set->metadata.name), current, 0,
        1000, 1, &ok);
    if (ok && partition != current)
        setPartition(key, partition);
}

QMenu *ClusterActions::contextMenuFor(const QString &kind, const QString &key)
{
    delete m_contextMenu;
    m_contextMenu = new QMenu(m_window);
    m_contextMenu->setObjectName(QStringLiteral("canvasContextMenu"));
    if (!kind.isEmpty())
        m_session->select(kind, key);
    m_actions->updateActions();
    const auto a = [this](const char *name) { return m_actions->action(name); };
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

} // namespace ordinal::gui
