#include "serviceitem.h"

#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

namespace ordinal::gui {

namespace {

// Card chrome shared by the Service and StatefulSet cards: body, a kind badge, the title.
qreal paintObjectCard(QPainter *p, const CanvasStyle &s, const QRectF &card, const QString &kind,
                      const QString &title, const QColor &kindColor, bool selected)
{
    p->setPen(QPen(selected ? s.selection : s.cardBorder,
                   selected ? (s.presenter ? 4 : 2.5) : (s.presenter ? 2.5 : 1.2)));
    p->setBrush(s.card);
    p->drawRoundedRect(card, s.radius, s.radius);
    const qreal pad = s.nodePadding;
    const QFontMetricsF sfm(s.smallFont);
    const QFontMetricsF tfm(s.titleFont);
    const qreal y = card.top() + pad * 0.7;
    const qreal bw = sfm.horizontalAdvance(kind) + 14;
    const qreal bh = sfm.height() + 4;
    const QRectF badge(card.left() + pad, y + (tfm.height() - bh) / 2, bw, bh);
    p->setPen(Qt::NoPen);
    p->setBrush(s.fillUnderWhite(kindColor));
    p->drawRoundedRect(badge, 4, 4);
    p->setPen(Qt::white);
    p->setFont(s.smallFont);
    p->drawText(badge, Qt::AlignCenter, kind);
    p->setPen(s.text);
    p->setFont(s.titleFont);
    p->drawText(QPointF(badge.right() + 8, y + tfm.ascent()),
                tfm.elidedText(title, Qt::ElideRight, card.right() - pad - badge.right() - 8));
    return y + tfm.height() + 4;
}

} // namespace

ServiceItem::ServiceItem(const QString &key, const CanvasStyle *style)
    : CanvasItem(QStringLiteral("Service"), key, style)
{
    setZValue(1);
}

void ServiceItem::setDisplay(const ServiceDisplay &display)
{
    if (display == m_display)
        return;
    m_display = display;
    update();
}

void ServiceItem::setWidth(qreal width)
{
    if (width == m_width)
        return;
    prepareGeometryChange();
    m_width = width;
}

void ServiceItem::setTargets(const QList<Target> &sceneTargets)
{
    QList<Target> local;
    local.reserve(sceneTargets.size());
    for (const Target &t : sceneTargets)
        local << Target{mapRectFromScene(t.pod), mapRectFromScene(t.node)};
    if (local == m_targets)
        return;
    prepareGeometryChange();
    m_targets = local;
}

QRectF ServiceItem::cardRect() const
{
    return QRectF(0, 0, m_width, style().topBand);
}

QRectF ServiceItem::boundingRect() const
{
    QRectF r = cardRect().adjusted(-3, -3, 3, 3);
    for (const Target &t : m_targets)
        r |= t.pod.united(QRectF(t.node.topLeft(), QSizeF(t.node.width(), 1))).adjusted(-8, -8, 8, 8);
    return r;
}

void ServiceItem::paint(QPainter *p, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const CanvasStyle &s = style();
    const qreal level = lod(option, p);
    const QRectF card = cardRect();
    p->setRenderHint(QPainter::Antialiasing, level >= 0.4);

    // Lines first, under the card: one per published pod.
    const QPointF from(card.center().x(), card.bottom());
    QPen linePen(CanvasStyle::tint(s.serviceLine, 200), s.presenter ? 3.5 : 2);
    p->setPen(linePen);
    p->setBrush(Qt::NoBrush);
    QList<QPointF> ends;
    for (const Target &t : m_targets) {
        // Down the node's margin on the pod's side, then into the pod's edge.
        const bool left = t.pod.center().x() < t.node.center().x();
        const qreal gutter = left ? (t.node.left() + t.pod.left()) / 2 : (t.node.right() + t.pod.right()) / 2;
        const QPointF entry(gutter, t.node.top());
        const QPointF end(left ? t.pod.left() : t.pod.right(), t.pod.top() + std::min<qreal>(t.pod.height() / 2, 28));
        const qreal r = std::min<qreal>(10, std::abs(end.x() - gutter));
        QPainterPath path(from);
        const qreal dy = (entry.y() - from.y()) * 0.5;
        path.cubicTo(from + QPointF(0, dy), entry - QPointF(0, dy), entry);
        path.lineTo(gutter, end.y() - r);
        path.quadTo(QPointF(gutter, end.y()), QPointF(gutter + (left ? r : -r), end.y()));
        path.lineTo(end);
        p->drawPath(path);
        ends << end;
    }
    p->setBrush(s.serviceLine);
    p->setPen(Qt::NoPen);
    for (const QPointF &e : std::as_const(ends))
        p->drawEllipse(e, s.presenter ? 6 : 4, s.presenter ? 6 : 4);

    qreal y = paintObjectCard(p, s, card, QStringLiteral("Service"), m_display.name, s.accent,
                              isSelectedKey());
    if (level < 0.5)
        return;
    const qreal pad = s.nodePadding;
    const QFontMetricsF bfm(s.bodyFont);
    p->setFont(s.bodyFont);
    p->setPen(s.mutedText);
    const QString kind = m_display.headless ? tr("headless (clusterIP: None)")
                                            : tr("clusterIP %1").arg(m_display.clusterIP);
    const qreal w = card.width() - 2 * pad;
    p->drawText(QPointF(card.left() + pad, y + bfm.ascent()),
                bfm.elidedText(QStringLiteral("%1 · %2").arg(kind, m_display.ports), Qt::ElideRight, w));
    y += bfm.height() + 2;
    p->drawText(QPointF(card.left() + pad, y + bfm.ascent()),
                bfm.elidedText(tr("selector %1").arg(m_display.selector), Qt::ElideRight, w));
    y += bfm.height() + 2;
    p->setPen(m_display.ready > 0 ? s.text : s.mutedText);
    const QString eps = tr("publishes %n ready pod(s) in DNS", nullptr, m_display.ready);
    const QString extra = m_display.notReady > 0 ? tr(", %n not ready", nullptr, m_display.notReady)
                                                 : QString();
    p->drawText(QPointF(card.left() + pad, y + bfm.ascent()),
                bfm.elidedText(eps + extra, Qt::ElideRight, w));
}

StatefulSetItem::StatefulSetItem(const QString &key, const CanvasStyle *style)
    : CanvasItem(QStringLiteral("StatefulSet"), key, style)
{
    setZValue(1);
}

void StatefulSetItem::setDisplay(const StatefulSetDisplay &display)
{
    if (display == m_display)
        return;
    m_display = display;
    update();
}

void StatefulSetItem::setWidth(qreal width)
{
    if (width == m_width)
        return;
    prepareGeometryChange();
    m_width = width;
}

QRectF StatefulSetItem::boundingRect() const
{
    return QRectF(-3, -3, m_width + 6, style().topBand + 6);
}

void StatefulSetItem::paint(QPainter *p, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const CanvasStyle &s = style();
    const qreal level = lod(option, p);
    const QRectF card(0, 0, m_width, s.topBand);
    p->setRenderHint(QPainter::Antialiasing, level >= 0.4);
    const QColor kindColor = s.dark ? QColor(0x7a, 0x5c, 0xc4) : QColor(0x5e, 0x3f, 0xa8);
    qreal y = paintObjectCard(p, s, card, QStringLiteral("StatefulSet"), m_display.name, kindColor,
                              isSelectedKey());
    if (level < 0.5)
        return;
    const qreal pad = s.nodePadding;
    const qreal w = card.width() - 2 * pad;
    const QFontMetricsF bfm(s.bodyFont);
    p->setFont(s.bodyFont);
    p->setPen(s.text);
    p->drawText(QPointF(pad, y + bfm.ascent()),
                bfm.elidedText(tr("ready %1/%2 · %3").arg(m_display.ready).arg(m_display.replicas)
                                   .arg(m_display.policy),
                               Qt::ElideRight, w));
    y += bfm.height() + 2;
    p->setPen(s.mutedText);
    p->drawText(QPointF(pad, y + bfm.ascent()), bfm.elidedText(m_display.image, Qt::ElideMiddle, w));
    y += bfm.height() + 2;
    QString strategy = m_display.strategy;
    if (m_display.strategy == QLatin1String("RollingUpdate"))
        strategy = tr("RollingUpdate, partition %1").arg(m_display.partition);
    p->drawText(QPointF(pad, y + bfm.ascent()),
                bfm.elidedText(tr("%1 · updated %2/%3").arg(strategy).arg(m_display.updated).arg(m_display.replicas),
                               Qt::ElideRight, w));
}

} // namespace ordinal::gui
