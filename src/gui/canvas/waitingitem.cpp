#include "waitingitem.h"

#include "poditem.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QTextLayout>

namespace ordinal::gui {

WaitingItem::WaitingItem(const QString &podKey, const CanvasStyle *style)
    : CanvasItem(QStringLiteral("Pod"), podKey, style)
{
    setZValue(1);
}

void WaitingItem::setDisplay(const WaitingDisplay &display)
{
    if (display == m_display)
        return;
    m_display = display;
    setToolTip(tr("%1 is not created yet.\n%2").arg(display.name, display.reason));
    update();
}

void WaitingItem::setWidth(qreal width)
{
    if (width == m_width)
        return;
    prepareGeometryChange();
    m_width = width;
}

QRectF WaitingItem::boundingRect() const
{
    return QRectF(-3, -3, m_width + 6, style().topBand + 6);
}

void WaitingItem::paint(QPainter *p, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const CanvasStyle &s = style();
    const qreal level = lod(option, p);
    const QRectF card(0, 0, m_width, s.topBand);
    p->setRenderHint(QPainter::Antialiasing, level >= 0.4);
    QPen border(isSelectedKey() ? s.selection : s.mutedText, s.presenter ? 3 : 1.6, Qt::DashLine);
    p->setPen(border);
    p->setBrush(CanvasStyle::tint(s.pending, 18));
    p->drawRoundedRect(card.adjusted(1, 1, -1, -1), s.radius, s.radius);
    if (level < 0.3)
        return;

    // Title: an hourglass, the pod's name with its ordinal large, and "waiting".
    const qreal pad = s.nodePadding;
    const QFontMetricsF tfm(s.titleFont);
    const QFontMetricsF ofm(s.ordinalFont);
    const qreal iconSize = tfm.height() * 1.1;
    const qreal y0 = pad * 0.6;
    PodItem::drawStateIcon(p, QRectF(pad, y0 + (ofm.height() - iconSize) / 2, iconSize, iconSize),
                           PodState::Pending, s, -1);
    qreal x = pad + iconSize + 8;
    const QString &name = m_display.name;
    const int dash = name.lastIndexOf(QLatin1Char('-'));
    const QString prefix = dash >= 0 ? name.left(dash + 1) : name;
    const QString ordinal = dash >= 0 ? name.mid(dash + 1) : QString();
    const qreal baseline = y0 + ofm.ascent();
    p->setPen(s.text);
    p->setFont(s.nameFont);
    p->drawText(QPointF(x, baseline), prefix);
    x += QFontMetricsF(s.nameFont).horizontalAdvance(prefix);
    p->setFont(s.ordinalFont);
    p->drawText(QPointF(x, baseline), ordinal);
    x += ofm.horizontalAdvance(ordinal) + 10;
    const QString chip = tr("waiting");
    const QFontMetricsF sfm(s.smallFont);
    const QRectF chipRect(x, baseline - ofm.ascent() / 2 - sfm.height() / 2 - 2,
                          sfm.horizontalAdvance(chip) + 14, sfm.height() + 4);
    if (chipRect.right() < card.right() - pad) {
        p->setPen(QPen(s.mutedText, 1));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(chipRect, chipRect.height() / 2, chipRect.height() / 2);
        p->setFont(s.smallFont);
        p->drawText(chipRect, Qt::AlignCenter, chip);
    }
    if (level < 0.5)
        return;

    // The controller's reason, wrapped over the rest of the card, the last line elided.
    const QRectF text(pad, baseline + ofm.descent() + 4, card.width() - 2 * pad,
                      card.bottom() - pad * 0.5 - (baseline + ofm.descent() + 4));
    const QFontMetricsF bfm(s.bodyFont);
    p->setFont(s.bodyFont);
    p->setPen(s.text);
    QTextLayout layout(m_display.reason, s.bodyFont);
    layout.beginLayout();
    qreal y = 0;
    const int maxLines = std::max(1, int(text.height() / bfm.lineSpacing()));
    for (int n = 0; n < maxLines; ++n) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(text.width());
        const bool last = n + 1 == maxLines;
        QString shown = m_display.reason.mid(line.textStart(), line.textLength());
        if (last && line.textStart() + line.textLength() < m_display.reason.size())
            shown = bfm.elidedText(m_display.reason.mid(line.textStart()), Qt::ElideRight, text.width());
        p->drawText(QPointF(text.left(), text.top() + y + bfm.ascent()), shown.trimmed());
        y += bfm.lineSpacing();
    }
    layout.endLayout();
}

} // namespace ordinal::gui
