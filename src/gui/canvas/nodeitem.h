#pragma once

#include "canvasitem.h"

#include <QCoreApplication>
#include <QStringList>

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
    // Zoomed far out: the pod cards (children) are hidden and the node paints a cell per pod
    // from a cached image, so the view walks one item per node instead of one per pod.
    void setSummary(bool summary);
    bool isSummary() const { return m_summary; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
               QWidget *widget) override;

private:
    QSize cacheSize() const;

    NodeDisplay m_display;
    QSizeF m_size{300, 200};
    bool m_summary = false;
};

} // namespace ordinal::gui
