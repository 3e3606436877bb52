#pragma once

#include "canvasitem.h"

#include <QCoreApplication>

namespace ordinal::gui {

// What a waiting placeholder shows: the pod a StatefulSet has not created yet and the
// controller's reason, as recorded in its last Decision about that pod.
struct WaitingDisplay
{
    QString name;   // the pod that waits, "web-1"
    QString setKey; // its StatefulSet, "default/web"
    QString reason; // the Decision's message, as the core worded it

    bool operator==(const WaitingDisplay &) const = default;
};

// The next ordinal of an OrderedReady StatefulSet that the controller holds back, as a dashed
// card beside the set's card: the pod's name and why it waits (e.g. for web-0 to be Ready).
// It goes when the pod is created. The item only shows the core's reason; it decides nothing.
class WaitingItem : public CanvasItem
{
    Q_DECLARE_TR_FUNCTIONS(WaitingItem)

public:
    WaitingItem(const QString &podKey, const CanvasStyle *style);

    enum { Type = UserType + 7 };
    int type() const override { return Type; }

    const WaitingDisplay &display() const { return m_display; }
    void setDisplay(const WaitingDisplay &display);
    void setWidth(qreal width);
    qreal width() const { return m_width; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
               QWidget *widget) override;

private:
    WaitingDisplay m_display;
    qreal m_width = 320;
};

} // namespace ordinal::gui
