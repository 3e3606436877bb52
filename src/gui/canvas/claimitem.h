#pragma once

#include "canvasitem.h"

#include <QCoreApplication>

namespace ordinal::gui {

// What a PersistentVolumeClaim disk shows.
struct ClaimDisplay
{
    QString name;
    QString phase;    // Pending, Bound, Lost
    QString capacity; // "1Gi"
    bool inUse = false; // a present pod mounts it

    bool operator==(const ClaimDisplay &) const = default;
};

// A PersistentVolumeClaim as a small disk under its identity's slot. It belongs to the
// identity, not to the pod: it stays when the pod goes and is there when the pod comes back.
class ClaimItem : public CanvasItem
{
    Q_DECLARE_TR_FUNCTIONS(ClaimItem)

public:
    ClaimItem(const QString &key, const CanvasStyle *style);

    enum { Type = UserType + 3 };
    int type() const override { return Type; }

    const ClaimDisplay &display() const { return m_display; }
    void setDisplay(const ClaimDisplay &display);
    static qreal height(const CanvasStyle &style);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
               QWidget *widget) override;

private:
    ClaimDisplay m_display;
};

} // namespace ordinal::gui
