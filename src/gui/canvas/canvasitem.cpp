#include "canvasitem.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace ordinal::gui {

CanvasItem::CanvasItem(const QString &kind, const QString &key, const CanvasStyle *style)
    : m_kind(kind)
    , m_key(key)
    , m_style(style)
{
}

void CanvasItem::setSelectedKey(bool selected)
{
    if (m_selected == selected)
        return;
    m_selected = selected;
    update();
}

void CanvasItem::styleChanged()
{
    prepareGeometryChange();
    update();
}

qreal CanvasItem::lod(const QStyleOptionGraphicsItem *option, const QPainter *painter)
{
    return option->levelOfDetailFromTransform(painter->worldTransform());
}

} // namespace ordinal::gui
