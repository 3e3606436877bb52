#include "claimitem.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace ordinal::gui {

ClaimItem::ClaimItem(const QString &key, const CanvasStyle *style)
    : CanvasItem(QStringLiteral("PersistentVolumeClaim"), key, style)
{
    setZValue(2);
}

void ClaimItem::setDisplay(const ClaimDisplay &display)
{
    if (display == m_display)
        return;
    m_display = display;
    update();
}

qreal ClaimItem::height(const CanvasStyle &style)
{
    return style.presenter ? 34 : 24;
}

QRectF ClaimItem::boundingRect() const
{
    return QRectF(-2, -2, style().podWidth + 4, height(style()) + 4);
}

void ClaimItem::paint(QPainter *p, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const CanvasStyle &s = style();
    const qreal level = lod(option, p);
    const qreal h = height(s);
    const bool bound = m_display.phase == QLatin1String("Bound");
    const QColor color = bound ? s.accent : s.mutedText;
    p->setRenderHint(QPainter::Antialiasing, level >= 0.5);

    // A disk: a short cylinder.
    const qreal dw = h * 0.95;
    const QRectF body(2, h * 0.22, dw, h * 0.62);
    const qreal eh = h * 0.3;
    QPen pen(color, s.presenter ? 2 : 1.3);
    if (!bound)
        pen.setStyle(Qt::DashLine);
    p->setPen(pen);
    p->setBrush(CanvasStyle::tint(color, m_display.inUse ? 110 : 45));
    p->drawRect(QRectF(body.left(), body.top(), body.width(), body.height() - eh / 2));
    p->drawEllipse(QRectF(body.left(), body.bottom() - eh, body.width(), eh));
    p->setBrush(CanvasStyle::tint(color, m_display.inUse ? 170 : 80));
    p->drawEllipse(QRectF(body.left(), body.top() - eh / 2, body.width(), eh));
    if (isSelectedKey()) {
        p->setPen(QPen(s.selection, 2));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(boundingRect().adjusted(1, 1, -1, -1), 4, 4);
    }
    if (level < 0.6)
        return;

    p->setFont(s.smallFont);
    p->setPen(m_display.inUse ? s.text : s.mutedText);
    const QString text = m_display.capacity.isEmpty()
        ? QStringLiteral("%1 · %2").arg(m_display.name, m_display.phase)
        : QStringLiteral("%1 · %2 · %3").arg(m_display.name, m_display.capacity, m_display.phase);
    const QRectF textRect(dw + 8, 0, s.podWidth - dw - 8, h);
    const QFontMetricsF fm(s.smallFont);
    // The phase is also drawn (solid or dashed disk): it is the first thing to drop.
    QString shown = text;
    if (fm.horizontalAdvance(shown) > textRect.width() && !m_display.capacity.isEmpty())
        shown = QStringLiteral("%1 · %2").arg(m_display.name, m_display.capacity);
    p->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                fm.elidedText(shown, Qt::ElideRight, textRect.width()));
}

} // namespace ordinal::gui
