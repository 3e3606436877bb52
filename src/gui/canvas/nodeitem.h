#pragma once

#include "canvasitem.h"

#include <QCoreApplication>
#include <QPixmapCache>
#include <QStringList>

#include <array>

namespace ordinal::gui {

// What a node card shows, as read from the store by the scene.
struct NodeDisplay
{
    QString name;
    bool controlPlane = false;
    QString podCIDR;
    QString readyStatus; // "True", "False", "Unknown"
    bool cordoned = false;
    QStringList taints;
    int pods = 0;
    int podCapacity = 0;
    qint64 cpuUsedMilli = 0;
    qint64 cpuCapacityMilli = 0;
    bool tray = false; // the "waiting for a node" tray, not a real node
    bool heartbeatsMissing = false; // still Ready in the API, but its kubelet went silent

    bool operator==(const NodeDisplay &) const = default;
};

// A node as a card: name, role, pod CIDR, Ready / NotReady / cordoned (colour, icon and
// text), taints and capacity use. Its pods (and their claims) are child items placed by the
// scene in stable slots.
class NodeItem : public CanvasItem
{
    Q_DECLARE_TR_FUNCTIONS(NodeItem)

public:
    NodeItem(const QString &key, const CanvasStyle *style);

    enum { Type = UserType + 1 };
    int type() const override { return Type; }

    const NodeDisplay &display() const { return m_display; }
    void setDisplay(const NodeDisplay &display);
    void setSize(const QSizeF &size);
    QSizeF size() const { return m_size; }
    // The parent of this node's pod and claim items (at the node's origin, so their positions
    // are node coordinates). Hidden as a whole while the node shows a summary.
    QGraphicsItem *podLayer() const { return m_podLayer; }
    // The node whose pod layer holds item (a pod or claim), if any.
    static NodeItem *of(const QGraphicsItem *item);
    // Zoomed out: the pod cards (children) are hidden and the node paints a cell per pod, so
    // the view walks one item per node instead of one per pod. While the node is small on
    // screen the cells come from a cached image (see invalidateSummary()).
    void setSummary(bool summary);
    bool isSummary() const { return m_summary; }
    // A pod's state, slot or presence changed: the cached summary image is stale.
    void invalidateSummary();

    void styleChanged() override;

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
               QWidget *widget) override;

private:
    // The summary image of a size tier, drawn now if it is not cached.
    QPixmap summaryImage(int tier);
    // The cached summary image of a tier, if there is one.
    bool findSummary(int tier, QPixmap *image);
    void paintCard(QPainter *painter, qreal level);
    void paintCells(QPainter *painter, qreal level);

    NodeDisplay m_display;
    QGraphicsItem *m_podLayer; // child item, owned by this item
    QSizeF m_size{300, 200};
    bool m_summary = false;
    // Cached summary images, one per size tier (see summaryImage()), while valid.
    std::array<QPixmapCache::Key, 7> m_summaryKeys;
    bool m_summarySelected = false; // the selection state they were drawn with
};

} // namespace ordinal::gui
