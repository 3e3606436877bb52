#pragma once

#include "canvasstyle.h"

#include <QGraphicsItem>
#include <QString>

namespace ordinal::gui {

// Base of every canvas item: the kind and key of the object it shows (what selection and
// context menus act on) and the shared style. Items only display; the scene feeds them state.
class CanvasItem : public QGraphicsItem
{
public:
    CanvasItem(const QString &kind, const QString &key, const CanvasStyle *style);

    QString objectKind() const { return m_kind; }
    QString key() const { return m_key; }
    void setSelectedKey(bool selected);
    bool isSelectedKey() const { return m_selected; }
    // The style changed (theme, presenter): geometry may change.
    virtual void styleChanged();

protected:
    const CanvasStyle &style() const { return *m_style; }
    // Level of detail of the painter's transform (1 = natural size).
    static qreal lod(const QStyleOptionGraphicsItem *option, const QPainter *painter);

private:
    QString m_kind;
    QString m_key;
    const CanvasStyle *m_style;
    bool m_selected = false;
};

} // namespace ordinal::gui
