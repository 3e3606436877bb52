#include "nodeitem.h"

#include "poditem.h"

#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

namespace ordinal::gui {

NodeItem::NodeItem(const QString &key, const CanvasStyle *style)
    : CanvasItem(QStringLiteral("Node"), key, style)
{
    setZValue(0);
}

void NodeItem::setDisplay(const NodeDisplay &display)
{
    if (display == m_display)
        return;
    m_display = display;
    if (!display.tray) {
        QString tip = tr("Node %1 (%2)\npod CIDR %3\nReady: %4\npods %5 of %6")
                          .arg(display.name,
                               display.controlPlane ? tr("control-plane") : tr("worker"),
                               display.podCIDR, display.readyStatus)
                          .arg(display.pods)
                          .arg(display.podCapacity);
        if (display.cordoned)
            tip += QLatin1Char('\n') + tr("cordoned: no new pods are scheduled here");
        for (const QString &t : display.taints)
            tip += QLatin1Char('\n') + tr("taint %1").arg(t);
        setToolTip(tip);
    }
    update();
}

void NodeItem::setSize(const QSizeF &size)
{
    if (size == m_size)
        return;
    prepareGeometryChange();
    m_size = size;
    if (m_summary)
        setCacheMode(ItemCoordinateCache, cacheSize());
}

QSize NodeItem::cacheSize() const
{
    // Small enough that a thousand nodes stay in QPixmapCache.
    const qreal scale = std::min<qreal>(0.25, 160.0 / std::max(m_size.width(), m_size.height()));
    return (m_size * scale).toSize() + QSize(2, 2);
}

void NodeItem::setSummary(bool summary)
{
    if (summary == m_summary)
        return;
    m_summary = summary;
    for (QGraphicsItem *child : childItems())
        child->setVisible(!summary);
    if (summary)
        setCacheMode(ItemCoordinateCache, cacheSize());
    else
        setCacheMode(NoCache);
    update();
}

QRectF NodeItem::boundingRect() const
{
    return QRectF(QPointF(-3, -3), m_size + QSizeF(6, 6));
}

void NodeItem::paint(QPainter *p, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const CanvasStyle &s = style();
    const NodeDisplay &d = m_display;
    const qreal level = lod(option, p);
    const QRectF card(QPointF(0, 0), m_size);
    const bool ready = d.readyStatus == QLatin1String("True");
    const QColor statusColor = d.tray ? s.pending : (ready ? (d.cordoned ? s.notReady : s.ready) : s.failed);

    p->setRenderHint(QPainter::Antialiasing, level >= 0.5);
    QPen border(d.tray ? s.mutedText : (ready ? s.cardBorder : s.failed), s.presenter ? 2.5 : 1.2);
    if (d.tray || d.cordoned)
        border.setStyle(Qt::DashLine);
    if (isSelectedKey()) {
        border.setColor(s.selection);
        border.setWidthF(s.presenter ? 4 : 2.5);
    }
    p->setPen(border);
    p->setBrush(d.tray ? Qt::NoBrush : QBrush(s.nodeCard));
    p->drawRoundedRect(card, s.radius + 4, s.radius + 4);
    if (!ready && !d.tray) {
        // A NotReady node is hatched, so the state reads without colour.
        p->save();
        QPainterPath clip;
        clip.addRoundedRect(card, s.radius + 4, s.radius + 4);
        p->setClipPath(clip);
        p->setBrush(QBrush(CanvasStyle::tint(s.failed, 40), Qt::BDiagPattern));
        p->setPen(Qt::NoPen);
        p->drawRect(card);
        p->restore();
    }
    if (m_summary) {
        // One filled cell per pod, in the pods' own slots.
        p->setPen(Qt::NoPen);
        for (QGraphicsItem *child : childItems()) {
            const auto *pod = qgraphicsitem_cast<PodItem *>(child);
            if (!pod)
                continue;
            const PodState st = pod->display().exists ? pod->display().state : PodState::Absent;
            p->setBrush(st == PodState::Absent ? CanvasStyle::tint(s.ghost, 60) : PodItem::stateColor(s, st));
            p->drawRect(QRectF(pod->pos(), QSizeF(s.podWidth, s.podHeight)));
        }
    }
    if (level < 0.3 || m_summary)
        return;

    const qreal pad = s.nodePadding;
    const QFontMetricsF tfm(s.titleFont);
    const QFontMetricsF sfm(s.smallFont);
    const qreal iconSize = tfm.height() * 0.9;
    qreal x = pad;
    const qreal y0 = pad * 0.8;

    // Status icon: a server glyph, filled in the status colour.
    const QRectF icon(x, y0 + (tfm.height() - iconSize) / 2, iconSize, iconSize);
    p->setPen(Qt::NoPen);
    p->setBrush(statusColor);
    p->drawRoundedRect(icon, 3, 3);
    p->setPen(QPen(Qt::white, std::max<qreal>(1.2, iconSize / 10)));
    for (int i = 1; i <= 2; ++i) {
        const qreal ly = icon.top() + icon.height() * i / 3;
        p->drawLine(QPointF(icon.left() + iconSize * 0.2, ly), QPointF(icon.right() - iconSize * 0.2, ly));
    }
    x += iconSize + 8;

    p->setFont(s.titleFont);
    p->setPen(s.text);
    const QString title = d.tray ? tr("Waiting for a node") : d.name;
    p->drawText(QPointF(x, y0 + tfm.ascent()), title);
    x += tfm.horizontalAdvance(title) + 10;

    // Chips: role, then status words.
    auto chip = [&](const QString &text, const QColor &color, bool filled) {
        const qreal w = sfm.horizontalAdvance(text) + 14;
        const qreal h = sfm.height() + 4;
        const QRectF r(x, y0 + (tfm.height() - h) / 2, w, h);
        if (r.right() > card.right() - pad)
            return;
        p->setPen(filled ? Qt::NoPen : QPen(color, 1));
        p->setBrush(filled ? QBrush(color) : QBrush(Qt::NoBrush));
        p->drawRoundedRect(r, h / 2, h / 2);
        p->setPen(filled ? QColor(Qt::white) : color);
        p->setFont(s.smallFont);
        p->drawText(r, Qt::AlignCenter, text);
        x += w + 6;
    };
    if (!d.tray) {
        chip(d.controlPlane ? tr("control-plane") : tr("worker"), s.mutedText, false);
        if (d.readyStatus == QLatin1String("True"))
            chip(tr("Ready"), s.ready, true);
        else if (d.readyStatus == QLatin1String("Unknown"))
            chip(tr("NotReady (no heartbeat)"), s.failed, true);
        else
            chip(tr("NotReady"), s.failed, true);
        if (d.cordoned)
            chip(tr("SchedulingDisabled"), s.notReady, true);
        if (!d.taints.isEmpty())
            chip(tr("tainted"), s.notReady, false);
    }
    if (level < 0.6 || d.tray)
        return;

    // Second line: CIDR, taints; capacity bar at the right.
    const qreal y1 = y0 + tfm.height() + 6;
    p->setFont(s.smallFont);
    p->setPen(s.mutedText);
    QString line = tr("pod CIDR %1").arg(d.podCIDR);
    if (d.cpuUsedMilli > 0 && d.cpuCapacityMilli > 0)
        line += QStringLiteral("  ·  ") + tr("cpu %1m of %2m").arg(d.cpuUsedMilli).arg(d.cpuCapacityMilli);
    const qreal barW = std::min<qreal>(s.presenter ? 200 : 130, card.width() * 0.35);
    p->drawText(QRectF(pad, y1, card.width() - 3 * pad - barW, sfm.height() * 1.2),
                Qt::AlignLeft | Qt::AlignVCenter,
                sfm.elidedText(line, Qt::ElideRight, card.width() - 3 * pad - barW));

    const QString cap = tr("%1/%2 pods").arg(d.pods).arg(d.podCapacity);
    const QRectF barRect(card.right() - pad - barW, y1 + sfm.height() * 0.15, barW, sfm.height() * 0.9);
    p->setPen(Qt::NoPen);
    p->setBrush(CanvasStyle::tint(s.mutedText, 45));
    p->drawRoundedRect(barRect, 3, 3);
    const double frac = d.podCapacity > 0 ? std::min(1.0, double(d.pods) / d.podCapacity) : 0;
    p->setBrush(CanvasStyle::tint(s.accent, 140));
    p->drawRoundedRect(QRectF(barRect.topLeft(), QSizeF(barRect.width() * frac, barRect.height())), 3, 3);
    p->setPen(s.text);
    p->drawText(barRect, Qt::AlignCenter, cap);
}

} // namespace ordinal::gui
