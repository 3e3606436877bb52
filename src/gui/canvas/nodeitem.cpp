#include "nodeitem.h"

#include "claimitem.h"
#include "poditem.h"

#include <QElapsedTimer>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

namespace ordinal::gui {

namespace {

// Groups a node's pods and claims under one item: hiding it hides them all, and a hidden item's
// children are never visited when the scene is drawn or hit-tested.
class PodLayer final : public QGraphicsItem
{
public:
    enum { Type = QGraphicsItem::UserType + 6 };
    explicit PodLayer(QGraphicsItem *parent)
        : QGraphicsItem(parent)
    {
        setFlag(ItemHasNoContents);
    }
    int type() const override { return Type; }
    QRectF boundingRect() const override { return {}; }
    void paint(QPainter *, const QStyleOptionGraphicsItem *, QWidget *) override {}
};

} // namespace

NodeItem::NodeItem(const QString &key, const CanvasStyle *style)
    : CanvasItem(QStringLiteral("Node"), key, style)
    , m_podLayer(new PodLayer(this))
{
    setZValue(0);
    // Pods and claims sit inside the card: the scene skips them when the card is out of view.
    setFlag(ItemContainsChildrenInShape);
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
        if (display.heartbeatsMissing)
            tip += QLatin1Char('\n')
                + tr("heartbeats missing: the node stopped reporting; it is marked NotReady "
                     "when the grace period ends");
        if (display.cordoned)
            tip += QLatin1Char('\n') + tr("cordoned: no new pods are scheduled here");
        for (const QString &t : display.taints)
            tip += QLatin1Char('\n') + tr("taint %1").arg(t);
        setToolTip(tip);
    }
    invalidateSummary();
    update();
}

void NodeItem::setSize(const QSizeF &size)
{
    if (size == m_size)
        return;
    prepareGeometryChange();
    m_size = size;
    invalidateSummary();
}

void NodeItem::setSummary(bool summary)
{
    if (summary == m_summary)
        return;
    m_summary = summary;
    m_podLayer->setVisible(!summary);
    update();
}

NodeItem *NodeItem::of(const QGraphicsItem *item)
{
    const QGraphicsItem *layer = item ? item->parentItem() : nullptr;
    if (!layer || layer->type() != PodLayer::Type)
        return nullptr;
    return qgraphicsitem_cast<NodeItem *>(layer->parentItem());
}

void NodeItem::invalidateSummary()
{
    for (QPixmapCache::Key &key : m_summaryKeys) {
        if (key.isValid()) {
            QPixmapCache::remove(key);
            key = QPixmapCache::Key();
        }
    }
    if (m_summary)
        update();
}

void NodeItem::styleChanged()
{
    invalidateSummary();
    CanvasItem::styleChanged();
}

QRectF NodeItem::boundingRect() const
{
    return QRectF(QPointF(-3, -3), m_size + QSizeF(6, 6));
}

namespace {
// Widths of the cached summary images. A node is drawn from the smallest one at least as wide
// as the node on screen, so the image is scaled down by at most a third and the raster engine
// reads few source pixels; above the largest, the cells are painted directly.
constexpr std::array<int, 7> kSummaryTiers = {32, 48, 64, 96, 128, 192, 256};
} // namespace

namespace {
// Time spent drawing summary images lately. When a zoom crosses from one image size to the
// next, every node in view needs a new image; drawn all at once they cost several frames. So
// a node draws its new image only while the budget lasts, shows an image of a neighbouring
// size meanwhile, and asks for another paint.
class SummaryBudget
{
public:
    static bool available()
    {
        const qint64 now = clock().nsecsElapsed();
        if (now - s_windowStart > kWindowNs) {
            s_windowStart = now;
            s_spentNs = 0;
        }
        return s_spentNs < kBudgetNs;
    }
    static void spend(qint64 ns) { s_spentNs += ns; }
    static QElapsedTimer &clock()
    {
        static QElapsedTimer timer = [] {
            QElapsedTimer t;
            t.start();
            return t;
        }();
        return timer;
    }

private:
    static constexpr qint64 kWindowNs = 16'000'000; // a frame at 60 Hz
    static constexpr qint64 kBudgetNs = 4'000'000;
    static inline qint64 s_windowStart = -kWindowNs - 1;
    static inline qint64 s_spentNs = 0;
};
} // namespace

bool NodeItem::findSummary(int tier, QPixmap *image)
{
    if (m_summarySelected != isSelectedKey()) {
        invalidateSummary();
        m_summarySelected = isSelectedKey();
    }
    return QPixmapCache::find(m_summaryKeys[tier], image);
}

QPixmap NodeItem::summaryImage(int tier)
{
    QPixmap image;
    if (findSummary(tier, &image))
        return image;
    QPixmapCache::Key &key = m_summaryKeys[tier];
    const QRectF bounds = boundingRect();
    const qreal scale = kSummaryTiers[tier] / bounds.width();
    QImage pixels(QSize(kSummaryTiers[tier], std::max(1, int(std::ceil(bounds.height() * scale)))),
                  QImage::Format_ARGB32_Premultiplied);
    pixels.fill(Qt::transparent);
    QPainter ip(&pixels);
    ip.scale(scale, scale);
    ip.translate(-bounds.topLeft());
    paintCard(&ip, scale);
    ip.end();
    // The cells go straight into the pixels: a hundred QPainter fills per node would cost more
    // than everything else when a thousand nodes come into view at once.
    const CanvasStyle &s = style();
    const QRect all = pixels.rect();
    // Written, not blended: an absent pod's faint cell is mixed with the card colour here.
    const qreal a = 60 / 255.0;
    const QRgb ghost = QColor::fromRgbF(s.ghost.redF() * a + s.nodeCard.redF() * (1 - a),
                                        s.ghost.greenF() * a + s.nodeCard.greenF() * (1 - a),
                                        s.ghost.blueF() * a + s.nodeCard.blueF() * (1 - a))
                           .rgba();
    // Where the gap between two pods is under two pixels, a cell reaches to the next slot:
    // gaps that round to one pixel here and none there, scaled once more when drawn, read as an
    // irregular grid of lines (moiré); without them a node reads as even blocks of colour.
    // Wider gaps are rounded to whole pixels, the same for every cell.
    const qreal stepX = (s.podWidth + s.podGap) * scale;
    const qreal stepY = (s.podHeight + 6 + ClaimItem::height(s) + s.podGap) * scale;
    const auto gapOf = [](qreal gap) { return gap < 2 ? 0 : int(std::lround(gap)); };
    const int gapX = gapOf(stepX - s.podWidth * scale);
    const int gapY = gapOf(stepY - s.podHeight * scale);
    for (const QGraphicsItem *child : m_podLayer->childItems()) {
        const auto *pod = qgraphicsitem_cast<const PodItem *>(child);
        if (!pod)
            continue;
        const PodState st = pod->display().exists ? pod->display().state : PodState::Absent;
        const QRgb color = st == PodState::Absent ? ghost : PodItem::stateColor(s, st).rgba();
        const QPointF from = (pod->pos() - bounds.topLeft()) * scale;
        const int x0 = int(std::lround(from.x()));
        const int y0 = int(std::lround(from.y()));
        const int x1 = int(std::lround(from.x() + stepX)) - gapX;
        const int y1 = int(std::lround(from.y() + stepY)) - gapY;
        const QRect cell = QRect(QPoint(x0, y0), QPoint(std::max(x0, x1 - 1), std::max(y0, y1 - 1)))
                               .intersected(all);
        for (int y = cell.top(); y <= cell.bottom(); ++y) {
            auto *line = reinterpret_cast<QRgb *>(pixels.scanLine(y));
            std::fill(line + cell.left(), line + cell.right() + 1, color);
        }
    }
    // The card's own border is a fraction of a pixel wide here and all but vanishes: a crisp
    // two-pixel outline keeps neighbouring nodes apart.
    const NodeDisplay &d = m_display;
    const bool ready = d.readyStatus == QLatin1String("True");
    if (!d.tray && s.nodeGap * scale < 2) {
        QColor border = ready ? s.cardBorder : s.failed;
        if (isSelectedKey())
            border = s.selection;
        const QPointF topLeft = -bounds.topLeft() * scale;
        const QPointF bottomRight = topLeft + QPointF(m_size.width(), m_size.height()) * scale;
        const QRect outer(
            QPoint(int(std::floor(topLeft.x())), int(std::floor(topLeft.y()))),
            QPoint(int(std::ceil(bottomRight.x())) - 1, int(std::ceil(bottomRight.y())) - 1));
        QPainter op(&pixels);
        op.fillRect(QRect(outer.left(), outer.top(), outer.width(), 2), border);
        op.fillRect(QRect(outer.left(), outer.bottom() - 1, outer.width(), 2), border);
        op.fillRect(QRect(outer.left(), outer.top(), 2, outer.height()), border);
        op.fillRect(QRect(outer.right() - 1, outer.top(), 2, outer.height()), border);
    }
    image = QPixmap::fromImage(std::move(pixels));
    key = QPixmapCache::insert(image);
    return image;
}

void NodeItem::paint(QPainter *p, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal level = lod(option, p);
    if (m_summary) {
        const QRectF bounds = boundingRect();
        const qreal onScreen = level * bounds.width();
        const auto tier = std::lower_bound(kSummaryTiers.cbegin(), kSummaryTiers.cend(), onScreen);
        if (tier != kSummaryTiers.cend()) {
            // Small on screen: blit an image, drawn again only when a pod's state, the node or
            // the selection changed. Unfiltered scaling is the raster engine's fast path.
            const int want = int(tier - kSummaryTiers.cbegin());
            QPixmap image;
            if (!findSummary(want, &image)) {
                // Another size already drawn stands in while the budget is spent.
                bool standIn = false;
                if (!SummaryBudget::available()) {
                    for (int d = 1; d < int(kSummaryTiers.size()) && !standIn; ++d) {
                        standIn = (want + d < int(kSummaryTiers.size())
                                   && findSummary(want + d, &image))
                            || (want - d >= 0 && findSummary(want - d, &image));
                    }
                }
                if (standIn) {
                    update();
                } else {
                    QElapsedTimer t;
                    t.start();
                    image = summaryImage(want);
                    SummaryBudget::spend(t.nsecsElapsed());
                }
            }
            const QPainter::RenderHints hints = p->renderHints();
            // Unfiltered scaling is the raster engine's fast path. The image is at most half
            // as large again as the node on screen, so this drops at most one row or column
            // in three: its lines and gaps are two pixels or more, so none vanishes.
            p->setRenderHint(QPainter::SmoothPixmapTransform, false);
            p->setRenderHint(QPainter::Antialiasing, false);
            p->drawPixmap(bounds, image, QRectF(image.rect()));
            p->setRenderHints(hints, true);
            p->setRenderHints(~hints, false);
            return;
        }
        // Large on screen: the cells directly, sharp and still cheap for the few nodes in view.
        paintCard(p, level);
        paintCells(p, level);
        return;
    }
    paintCard(p, level);
}

void NodeItem::paintCells(QPainter *p, qreal level)
{
    // One filled cell per pod, in the pods' own slots; the ordinal too once it is legible.
    const CanvasStyle &s = style();
    p->setPen(Qt::NoPen);
    const QColor ghost = CanvasStyle::tint(s.ghost, 60);
    const bool labels = level * s.ordinalFont.pixelSize() >= 8;
    if (labels)
        p->setFont(s.ordinalFont);
    const QFontMetricsF ofm(s.ordinalFont);
    const qreal ascent = ofm.ascent();
    const qreal descent = ofm.descent();
    for (QGraphicsItem *child : m_podLayer->childItems()) {
        const auto *pod = qgraphicsitem_cast<PodItem *>(child);
        if (!pod)
            continue;
        const PodState st = pod->display().exists ? pod->display().state : PodState::Absent;
        const QRectF cell(pod->pos(), QSizeF(s.podWidth, s.podHeight));
        p->fillRect(cell, st == PodState::Absent ? ghost : PodItem::stateColor(s, st));
        if (!labels)
            continue;
        const QString &key = pod->key();
        const QString ordinal = key.mid(key.lastIndexOf(QLatin1Char('-')) + 1);
        p->setPen(st == PodState::Absent ? s.ghost : QColor(Qt::white));
        // Centred as Qt::AlignCenter would, from glyphs looked up once (no shaping per cell).
        const qreal w = PodItem::numberWidth(s.ordinalFont, ordinal, 2);
        if (w < 0
            || !PodItem::drawNumber(
                p, QPointF(cell.center().x() - w / 2, cell.center().y() + (ascent - descent) / 2),
                s.ordinalFont, ordinal, 2))
            p->drawText(cell, Qt::AlignCenter, ordinal);
    }
}

void NodeItem::paintCard(QPainter *p, qreal level)
{
    const CanvasStyle &s = style();
    const NodeDisplay &d = m_display;
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
    if (level < 0.3)
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

    // Chips: status words, then the role. In presenter mode those that do not fit beside the
    // title go on a row of their own (the header is taller there); elsewhere they are left out.
    qreal chipRow = y0 + (tfm.height() - (sfm.height() + 4)) / 2;
    bool wrapped = false;
    auto chip = [&](const QString &text, const QColor &color, bool filled) {
        const qreal w = sfm.horizontalAdvance(text) + 14;
        const qreal h = sfm.height() + 4;
        if (x + w > card.right() - pad && s.presenter && !wrapped) {
            wrapped = true;
            x = pad;
            chipRow = y0 + tfm.height() + 4;
        }
        const QRectF r(x, chipRow, w, h);
        if (r.right() > card.right() - pad)
            return;
        // AA contrast for the chip's words: white on a fill dark enough, or the status colour
        // made dark (light) enough on the card.
        const QColor shade = filled ? s.fillUnderWhite(color) : s.textOnNode(color);
        p->setPen(filled ? Qt::NoPen : QPen(shade, s.presenter ? 2 : 1));
        p->setBrush(filled ? QBrush(shade) : QBrush(Qt::NoBrush));
        p->drawRoundedRect(r, h / 2, h / 2);
        p->setPen(filled ? QColor(Qt::white) : shade);
        p->setFont(s.smallFont);
        p->drawText(r, Qt::AlignCenter, text);
        x += w + 6;
    };
    if (!d.tray) {
        // State first, the role last: where the card is narrow (presenter mode) the chips
        // that do not fit are the ones left out.
        if (d.readyStatus == QLatin1String("True") && d.heartbeatsMissing)
            chip(tr("heartbeats missing"), s.failed, false);
        else if (d.readyStatus == QLatin1String("True"))
            chip(tr("Ready"), s.ready, true);
        else if (d.readyStatus == QLatin1String("Unknown"))
            chip(tr("NotReady (no heartbeat)"), s.failed, true);
        else
            chip(tr("NotReady"), s.failed, true);
        if (d.cordoned)
            chip(tr("SchedulingDisabled"), s.notReady, true);
        if (!d.taints.isEmpty())
            chip(tr("tainted"), s.notReady, false);
        chip(d.controlPlane ? tr("control-plane") : tr("worker"), s.mutedText, false);
    }
    if (level < 0.6 || d.tray)
        return;

    // Second line: CIDR, taints; capacity bar at the right.
    const qreal y1 = (wrapped ? chipRow + sfm.height() + 4 : y0 + tfm.height()) + 6;
    p->setFont(s.smallFont);
    p->setPen(s.mutedText);
    QString line = tr("pod CIDR %1").arg(d.podCIDR);
    if (d.cpuUsedMilli > 0 && d.cpuCapacityMilli > 0)
        line += QStringLiteral("  ·  ") + tr("cpu %1m of %2m").arg(d.cpuUsedMilli).arg(d.cpuCapacityMilli);
    const qreal barW = std::min<qreal>(s.presenter ? 140 : 130, card.width() * 0.35);
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
