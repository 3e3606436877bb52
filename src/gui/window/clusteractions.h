#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class QMenu;

namespace ordinal::core {
struct Node;
struct Pod;
} // namespace ordinal::core

namespace ordinal::gui {

class ActionHandler;
class History;
class MainWindow;
class Session;

// One console line of a user action, with the namespace it runs in.
struct CommandLine
{
    QString ns;      // empty: the console's current namespace
    QString line;
    QString baseDir; // resolves relative manifest paths
};

// The Cluster menu's actions on pods, StatefulSets and nodes, their dialogs and the canvas's
// context menu. Each action is a list of console lines run at the viewed moment (so it is
// recorded in the scenario like a typed command) and is one entry of the History. The
// targets come from the session's selection.
class ClusterActions : public QObject
{
    Q_OBJECT

public:
    ClusterActions(MainWindow *window, Session *session, History *history, ActionHandler *actions);

    // What the selection designates at the viewed moment, for enabling the actions.
    struct Targets
    {
        const core::Pod *pod = nullptr;
        const core::Node *node = nullptr;
        bool heartbeating = false; // the node's, when there is one
        bool hasStatefulSet = false;
    };
    Targets targets() const;
    QString selectedPod() const;
    QString selectedNode() const;
    QString selectedStatefulSet() const;

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

    // Runs console lines at the viewed moment, each in its namespace; the first failure is
    // shown in the banner and stops the rest.
    bool runLines(const QList<CommandLine> &lines);

    // The context menu for an object on the canvas (kind "" for the background). The menu is
    // rebuilt on each call and owned by the window.
    QMenu *contextMenuFor(const QString &kind, const QString &key);

private:
    bool runAction(const QString &text, const QList<CommandLine> &lines);
    void scaleDialog();
    void imageDialog();
    void partitionDialog();

    MainWindow *m_window;
    Session *m_session;
    History *m_history;
    ActionHandler *m_actions;
    QPointer<QMenu> m_contextMenu;
};

} // namespace ordinal::gui
