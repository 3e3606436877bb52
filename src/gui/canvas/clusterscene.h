#pragma once

#include "canvasstyle.h"

#include <QElapsedTimer>
#include <QGraphicsScene>
#include <QHash>
#include <QSet>
#include <QTimer>

#include <limits>

namespace ordinal::core {
class Store;
struct Pod;
}

namespace ordinal::gui {

class Session;
class CanvasItem;
class NodeItem;
class PodItem;
class ClaimItem;
class ServiceItem;
class StatefulSetItem;
class WaitingItem;
struct PodDisplay;

// The node canvas as a scene: one card per node, Service and StatefulSet, one PodItem per pod
// identity and one ClaimItem per PVC. It reads the store at the session's view time and lays
// the items out in stable slots: an identity keeps its slot on its node, and a recreated pod
// reappears in it. Animations run on a timer that only ticks while an item moves.
// A scene may also be driven by hand (sync()) for exports of past moments.
class ClusterScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit ClusterScene(Session *session, QObject *parent = nullptr);
    ~ClusterScene() override;

    // Follow the session: resync on every view change, mirror selection and highlight.
    void setFollowSession(bool follow);
    // Shows a store as of virtual time `time`. animate: animate the differences.
    void sync(const core::Store &store, qint64 time, bool animate);
    void clearAll();

    void setPresenter(bool presenter);
    bool isPresenter() const { return m_style.presenter; }
    void setCanvasPalette(const QPalette &palette);
    const CanvasStyle &canvasStyle() const { return m_style; }
    // The view's zoom: below a threshold (0.3, or 0.5 with more than 200 pods) nodes summarise
    // their pods (level of detail).
    void setViewScale(qreal scale);
    bool isDetailed() const { return m_detailed; }
    void setAnimationsEnabled(bool enabled);
    bool animationsEnabled() const { return m_animate; }
    bool isAnimating() const { return m_animTimer.isActive(); }
    void finishAnimations();
    // Moves every running animation on by ms of wall time (the timer does this every frame;
    // benchmarks and exports call it directly).
    void advanceAnimations(int ms);

    PodItem *podItem(const QString &key) const { return m_pods.value(key); }
    NodeItem *nodeItem(const QString &name) const { return m_nodes.value(name); }
    ServiceItem *serviceItem(const QString &key) const { return m_services.value(key); }
    StatefulSetItem *statefulSetItem(const QString &key) const { return m_sets.value(key); }
    ClaimItem *claimItem(const QString &key) const { return m_claims.value(key); }
    // The placeholder of a pod a StatefulSet holds back (by the pod's key), if one is shown.
    WaitingItem *waitingItem(const QString &podKey) const { return m_waiting.value(podKey); }
    QList<PodItem *> podItems() const { return m_pods.values(); }
    // The topmost canvas item at a scene position, if any.
    CanvasItem *canvasItemAt(const QPointF &scenePos) const;
    // Whether anything beyond the nodes is shown (a Service, a StatefulSet or a pod).
    bool hasWorkload() const
    {
        return !m_services.isEmpty() || !m_sets.isEmpty() || !m_pods.isEmpty();
    }
    // The rectangle the content occupies (for fitting), with a margin.
    QRectF contentRect() const;

    static PodDisplay podDisplay(const core::Pod &pod, const core::Store &store, Session *session,
                                 qint64 time);

Q_SIGNALS:
    // Items were added, removed or moved: the content rectangle may have changed.
    void contentChanged();

protected:
    void drawBackground(QPainter *painter, const QRectF &rect) override;

private:
    void syncFromSession();
    // The pods StatefulSets hold back at `time`, each with the controller's last Decision
    // about it; returns whether placeholders were added or removed.
    bool syncWaiting(const core::Store &store, qint64 time);
    qsizetype decisionsUpTo(qint64 time) const;
    // The message of the last Decision of `controller` about `subject` at or before `time`.
    QString lastDecision(const QString &controller, const QString &subject, qint64 time,
                         qint64 notBefore = std::numeric_limits<qint64>::min()) const;
    void applySelection();
    void applyHighlight();
    void relayout();
    void updateDetail();
    void restyle();
    void startAnimating(PodItem *item);
    void animationTick();
    int slotFor(const QString &node, const QString &identity);
    void removePodItem(const QString &key);

    Session *m_session;
    CanvasStyle m_style;
    QPalette m_palette;
    bool m_follow = false;
    bool m_animate = true;
    bool m_detailed = true;
    qreal m_viewScale = 1;
    qint64 m_lastVersion = -1;
    qsizetype m_lastDecisions = -1; // decisions up to the time last synced
    bool m_lastLive = true;

    QHash<QString, NodeItem *> m_nodes;
    QStringList m_nodeOrder;
    NodeItem *m_tray = nullptr;
    QHash<QString, PodItem *> m_pods;
    QHash<QString, ClaimItem *> m_claims;
    QHash<QString, ServiceItem *> m_services;
    QHash<QString, StatefulSetItem *> m_sets;
    QHash<QString, WaitingItem *> m_waiting; // pod key -> placeholder
    QHash<QString, QStringList> m_serviceTargets; // service key -> pod keys it publishes

    // Stable slots: node -> identity -> slot index; identity -> node it lives on.
    QHash<QString, QHash<QString, int>> m_slots;
    QHash<QString, QString> m_home;
    QHash<QString, QString> m_owner;      // pod key -> StatefulSet key
    QHash<QString, QString> m_claimOwner; // claim key -> pod key
    QSet<QString> m_removable;            // ghosts to drop once their fade ends
    QHash<QString, qint64> m_goneAt;      // pod key -> when its pod went (placeholders)

    QTimer m_animTimer;
    QElapsedTimer m_animClock;
    QSet<PodItem *> m_moving;
    QRectF m_content;
};

} // namespace ordinal::gui
