#include "poditem.h"

#include "nodeitem.h"

#include <QCoreApplication>
#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

#include <algorithm>

namespace ordinal::gui {

namespace {
constexpr int kAppearMs = 450;
constexpr int kGlowMs = 1200;
constexpr int kVanishMs = 600;
constexpr int kIpFlashMs = 4000;

// The left-edge status stripe of a card: the card's rounded outline cut to the stripe's width.
// One shape per style, shared by every card.
QPainterPath stripePath(const CanvasStyle &s)
{
    struct Cached
    {
        qreal width = -1, height = -1, radius = -1, stripe = -1;
        QPainterPath path;
    };
    static Cached cached;
    const qreal stripe = s.presenter ? 9 : 6;
    if (cached.width != s.podWidth || cached.height != s.podHeight || cached.radius != s.radius
        || cached.stripe != stripe) {
        QPainterPath card;
        card.addRoundedRect(QRectF(0, 0, s.podWidth, s.podHeight), s.radius, s.radius);
        QPainterPath band;
        band.addRect(QRectF(0, 0, stripe, s.podHeight));
        cached = {s.podWidth, s.podHeight, s.radius, stripe, card.intersected(band)};
    }
    return cached.path;
}

// QFontMetricsF::elidedText shapes the whole text on every call; cards repeat the same few
// prefixes and status lines, so remember the results.
QString elided(const QFont &font, const QString &text, Qt::TextElideMode mode, qreal width)
{
    static QHash<QString, QString> cache;
    const QString key = text + QChar(0x1f) + QString::number(mode) + QChar(0x1f)
        + QString::number(qRound(width * 4)) + QChar(0x1f) + QString::number(font.pixelSize())
        + QChar(0x1f) + QString::number(font.weight()) + QChar(0x1f) + font.family();
    if (const auto it = cache.constFind(key); it != cache.cend())
        return it.value();
    if (cache.size() > 4096)
        cache.clear();
    const QString result = QFontMetricsF(font).elidedText(text, mode, width);
    cache.insert(key, result);
    return result;
}

QString stateLabel(PodState state)
{
    switch (state) {
    case PodState::Absent:
        return QCoreApplication::translate("ordinal::gui::PodItem", "not present");
    case PodState::Pending:
        return QCoreApplication::translate("ordinal::gui::PodItem", "Pending");
    case PodState::Creating:
        return QCoreApplication::translate("ordinal::gui::PodItem", "Creating");
    case PodState::Running:
        return QCoreApplication::translate("ordinal::gui::PodItem", "Running, not Ready");
    case PodState::Ready:
        return QCoreApplication::translate("ordinal::gui::PodItem", "Running, Ready");
    case PodState::Terminating:
        return QCoreApplication::translate("ordinal::gui::PodItem", "Terminating");
    case PodState::Failed:
        return QCoreApplication::translate("ordinal::gui::PodItem", "Failing");
    case PodState::Completed:
        return QCoreApplication::translate("ordinal::gui::PodItem", "Completed");
    }
    return {};
}
} // namespace

PodItem::PodItem(const QString &key, const CanvasStyle *style)
    : CanvasItem(QStringLiteral("Pod"), key, style)
{
    setZValue(3);
    setAcceptHoverEvents(false);
}

QRectF PodItem::cardRect() const
{
    return QRectF(0, 0, style().podWidth, style().podHeight);
}

QRectF PodItem::boundingRect() const
{
    QRectF r = cardRect().adjusted(-8, -8, 8, 8);
    if (m_ipFlash > 0)
        r.setTop(r.top() - style().bodyFont.pixelSize() * 2.6);
    return r;
}

void PodItem::styleChanged()
{
    CanvasItem::styleChanged();
}

void PodItem::setHighlighted(bool highlighted)
{
    if (m_highlighted == highlighted)
        return;
    m_highlighted = highlighted;
    update();
}

void PodItem::setDisplay(const PodDisplay &display, bool animate)
{
    if (display == m_display)
        return;
    const PodDisplay old = m_display;
    m_display = display;
    setToolTip(display.exists
                   ? QCoreApplication::translate("ordinal::gui::PodItem", "Pod %1\nIP %2\nnode %3\nstatus %4, ready %5\nrestarts %6")
                         .arg(display.name, display.ip.isEmpty() ? QStringLiteral("-") : display.ip,
                              display.node.isEmpty() ? QStringLiteral("-") : display.node,
                              display.status, display.readiness)
                         .arg(display.restarts)
                   : QCoreApplication::translate("ordinal::gui::PodItem",
                                                 "%1 is not present; its identity keeps this place")
                         .arg(key().section(QLatin1Char('/'), -1)));
    if (animate) {
        if (!old.exists && display.exists)
            m_appear = 0;
        if (old.exists && !display.exists) {
            m_lastPresent = old;
            m_vanish = 1;
        }
        if (display.state == PodState::Ready && old.state != PodState::Ready)
            m_glow = 1;
    }
    if (!display.ip.isEmpty()) {
        if (!m_lastIp.isEmpty() && m_lastIp != display.ip) {
            prepareGeometryChange();
            m_oldIp = m_lastIp;
            m_ipFlash = animate ? kIpFlashMs : 0;
        }
        m_lastIp = display.ip;
    }
    if (old.exists != display.exists || old.state != display.state) {
        // The node's zoomed-out summary shows this pod's state as a cell.
        if (NodeItem *node = NodeItem::of(this))
            node->invalidateSummary();
    }
    update();
}

bool PodItem::isAnimating() const
{
    return m_appear < 1 || m_glow > 0 || m_vanish > 0 || m_ipFlash > 0;
}

bool PodItem::advanceAnimation(int ms)
{
    if (!isAnimating())
        return false;
    m_appear = std::min(1.0, m_appear + double(ms) / kAppearMs);
    m_glow = std::max(0.0, m_glow - double(ms) / kGlowMs);
    m_vanish = std::max(0.0, m_vanish - double(ms) / kVanishMs);
    if (m_ipFlash > 0) {
        m_ipFlash = std::max(0, m_ipFlash - ms);
        if (m_ipFlash == 0)
            prepareGeometryChange();
    }
    update();
    return isAnimating();
}

void PodItem::finishAnimations()
{
    if (m_ipFlash > 0)
        prepareGeometryChange();
    m_appear = 1;
    m_glow = 0;
    m_vanish = 0;
    m_ipFlash = 0;
    update();
}

QColor PodItem::stateColor(const CanvasStyle &s, PodState state)
{
    switch (state) {
    case PodState::Ready:
        return s.ready;
    case PodState::Running:
        return s.notReady;
    case PodState::Pending:
    case PodState::Creating:
        return s.pending;
    case PodState::Failed:
        return s.failed;
    case PodState::Terminating:
    case PodState::Completed:
        return s.terminating;
    case PodState::Absent:
        return s.ghost;
    }
    return s.ghost;
}

// A round badge whose glyph repeats the state, so colour is never the only cue:
// ✓ Ready, half-filled circle Running-not-Ready, hourglass Pending, progress ring Creating,
// ✕ Failed, down arrow Terminating, dashed circle Absent.
void PodItem::drawStateIcon(QPainter *p, const QRectF &r, PodState state, const CanvasStyle &s,
                            double progress)
{
    const QColor c = stateColor(s, state);
    const qreal w = std::max<qreal>(1.5, r.width() / 9);
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    QPen pen(c, w, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    const QRectF in = r.adjusted(w, w, -w, -w);
    const QPointF m = r.center();
    const qreal u = r.width() / 2;
    switch (state) {
    case PodState::Ready: {
        p->setPen(Qt::NoPen);
        p->setBrush(c);
        p->drawEllipse(r);
        p->setPen(QPen(Qt::white, w * 1.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        QPainterPath tick;
        tick.moveTo(m + QPointF(-0.45 * u, 0.02 * u));
        tick.lineTo(m + QPointF(-0.12 * u, 0.35 * u));
        tick.lineTo(m + QPointF(0.48 * u, -0.32 * u));
        p->setBrush(Qt::NoBrush);
        p->drawPath(tick);
        break;
    }
    case PodState::Running: {
        p->setPen(pen);
        p->setBrush(Qt::NoBrush);
        p->drawEllipse(in);
        p->setBrush(c);
        p->setPen(Qt::NoPen);
        p->drawPie(in, 90 * 16, 180 * 16);
        break;
    }
    case PodState::Pending: {
        p->setPen(pen);
        p->setBrush(Qt::NoBrush);
        p->drawEllipse(in);
        // hourglass
        QPainterPath glass;
        const qreal a = 0.38 * u;
        glass.moveTo(m + QPointF(-a, -a));
        glass.lineTo(m + QPointF(a, -a));
        glass.lineTo(m + QPointF(-a, a));
        glass.lineTo(m + QPointF(a, a));
        glass.closeSubpath();
        p->setPen(QPen(c, w * 0.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p->drawPath(glass);
        break;
    }
    case PodState::Creating: {
        QColor faint = c;
        faint.setAlpha(70);
        p->setPen(QPen(faint, w));
        p->setBrush(Qt::NoBrush);
        p->drawEllipse(in);
        p->setPen(pen);
        const double f = progress < 0 ? 0.25 : std::clamp(progress, 0.02, 1.0);
        p->drawArc(in, 90 * 16, -int(360 * 16 * f));
        // a down arrow: pulling
        p->drawLine(m + QPointF(0, -0.35 * u), m + QPointF(0, 0.3 * u));
        p->drawLine(m + QPointF(-0.25 * u, 0.08 * u), m + QPointF(0, 0.32 * u));
        p->drawLine(m + QPointF(0.25 * u, 0.08 * u), m + QPointF(0, 0.32 * u));
        break;
    }
    case PodState::Failed: {
        p->setPen(Qt::NoPen);
        p->setBrush(c);
        p->drawEllipse(r);
        p->setPen(QPen(Qt::white, w * 1.2, Qt::SolidLine, Qt::RoundCap));
        const qreal a = 0.33 * u;
        p->drawLine(m + QPointF(-a, -a), m + QPointF(a, a));
        p->drawLine(m + QPointF(a, -a), m + QPointF(-a, a));
        break;
    }
    case PodState::Terminating:
    case PodState::Completed: {
        p->setPen(pen);
        p->setBrush(Qt::NoBrush);
        p->drawEllipse(in);
        p->drawLine(m + QPointF(-0.4 * u, 0), m + QPointF(0.4 * u, 0));
        break;
    }
    case PodState::Absent: {
        pen.setStyle(Qt::DotLine);
        p->setPen(pen);
        p->setBrush(Qt::NoBrush);
        p->drawEllipse(in);
        break;
    }
    }
    p->restore();
}

void PodItem::paint(QPainter *p, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const CanvasStyle &s = style();
    const qreal level = lod(option, p);
    const QRectF card = cardRect();

    if (level < 0.3) {
        // Far away: a coloured block per pod is all the eye can use.
        const PodState st = m_display.exists ? m_display.state : PodState::Absent;
        if (st == PodState::Absent) {
            p->setPen(QPen(s.ghost, 0, Qt::DashLine));
            p->setBrush(Qt::NoBrush);
        } else {
            p->setPen(Qt::NoPen);
            p->setBrush(stateColor(s, st));
        }
        p->drawRect(card);
        return;
    }

    p->setRenderHint(QPainter::Antialiasing, level >= 0.5);
    const bool ghost = !m_display.exists;
    if (ghost && m_vanish > 0) {
        // Fading out: the last state on top of the placeholder.
        paintCard(p, m_display, level, true);
        p->save();
        p->setOpacity(m_vanish);
        paintCard(p, m_lastPresent, level, false);
        p->restore();
    } else if (!ghost && m_appear < 1) {
        p->save();
        const double e = 1 - (1 - m_appear) * (1 - m_appear); // ease-out
        p->setOpacity(e);
        const QPointF c = card.center();
        p->translate(c);
        p->scale(0.85 + 0.15 * e, 0.85 + 0.15 * e);
        p->translate(-c);
        paintCard(p, m_display, level, false);
        p->restore();
    } else {
        paintCard(p, m_display, level, ghost);
    }

    // Emphasis rings: selection, DNS highlight, the Ready glow.
    if (m_glow > 0 && m_display.exists) {
        QColor g = s.ready;
        g.setAlphaF(0.75 * m_glow);
        p->setPen(QPen(g, 3 + 6 * m_glow));
        p->setBrush(Qt::NoBrush);
        const qreal d = 2 + 4 * (1 - m_glow);
        p->drawRoundedRect(card.adjusted(-d, -d, d, d), s.radius + d, s.radius + d);
    }
    if (m_highlighted) {
        p->setPen(QPen(s.highlight, s.presenter ? 5 : 3.5));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(card.adjusted(-5, -5, 5, 5), s.radius + 4, s.radius + 4);
    }
    if (isSelectedKey()) {
        p->setPen(QPen(s.selection, s.presenter ? 4 : 2.5));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(card.adjusted(-2.5, -2.5, 2.5, 2.5), s.radius + 2, s.radius + 2);
    }

    // The new address, next to the old one, for a few seconds after the identity came back.
    if (m_ipFlash > 0 && level >= 0.5) {
        const QString text = QStringLiteral("%1 → %2").arg(m_oldIp, m_display.ip);
        p->setFont(s.monoFont);
        const QFontMetricsF fm(s.monoFont);
        const qreal tw = fm.horizontalAdvance(text) + 20;
        const qreal th = fm.height() + 10;
        QRectF bubble(card.center().x() - tw / 2, -th - 8, tw, th);
        const double fade = std::min(1.0, m_ipFlash / 600.0);
        p->save();
        p->setOpacity(fade);
        p->setPen(Qt::NoPen);
        p->setBrush(s.accent);
        p->drawRoundedRect(bubble, th / 2, th / 2);
        QPolygonF tail;
        tail << QPointF(card.center().x() - 7, bubble.bottom() - 1)
             << QPointF(card.center().x() + 7, bubble.bottom() - 1)
             << QPointF(card.center().x(), bubble.bottom() + 7);
        p->drawPolygon(tail);
        p->setPen(Qt::white);
        p->drawText(bubble, Qt::AlignCenter, text);
        p->restore();
    }
}

void PodItem::paintCard(QPainter *p, const PodDisplay &d, qreal level, bool ghost)
{
    const CanvasStyle &s = style();
    const QRectF card = cardRect();
    const PodState state = ghost ? PodState::Absent : d.state;
    const QColor c = stateColor(s, state);
    const QString name = d.name.isEmpty() ? key().section(QLatin1Char('/'), -1) : d.name;

    // Card body.
    if (ghost) {
        p->setPen(QPen(s.ghost, s.presenter ? 2 : 1.4, Qt::DashLine));
        p->setBrush(CanvasStyle::tint(s.card, 90));
    } else {
        const bool dashed = state == PodState::Terminating;
        p->setPen(QPen(c, s.presenter ? 3 : 1.6, dashed ? Qt::DashLine : Qt::SolidLine));
        QColor fill = s.card;
        if (!s.presenter)
            fill = QColor::fromRgbF(fill.redF() * 0.9 + c.redF() * 0.1,
                                    fill.greenF() * 0.9 + c.greenF() * 0.1,
                                    fill.blueF() * 0.9 + c.blueF() * 0.1);
        p->setBrush(fill);
    }
    p->drawRoundedRect(card, s.radius, s.radius);
    if (!ghost) {
        // Status stripe along the left edge (a filled shape: clipping per card costs more).
        p->fillPath(stripePath(s), c);
    }

    // Name with the ordinal prominent: "web-" small, "0" large.
    const qreal pad = s.presenter ? 20 : 14;
    const qreal left = card.left() + pad + (s.presenter ? 4 : 2);
    QString prefix = name;
    QString ordinal;
    const int dash = name.lastIndexOf(QLatin1Char('-'));
    if (dash >= 0 && dash + 1 < name.size()) {
        bool isNumber = false;
        name.mid(dash + 1).toInt(&isNumber);
        if (isNumber) {
            prefix = name.left(dash + 1);
            ordinal = name.mid(dash + 1);
        }
    }
    const QFontMetricsF ofm(s.ordinalFont);
    const QFontMetricsF nfm(s.nameFont);
    const qreal baseline = card.top() + pad * 0.6 + ofm.ascent();
    const QColor textColor = ghost ? s.ghost : s.text;
    p->setPen(textColor);
    p->setFont(s.nameFont);
    const qreal iconSize = s.presenter ? 34 : 22;
    const qreal nameRoom = card.width() - (left - card.left()) - pad - iconSize - 6;
    const QString shownPrefix = elided(s.nameFont, prefix, Qt::ElideMiddle,
                                       std::max<qreal>(20, nameRoom - ofm.horizontalAdvance(ordinal)));
    p->drawText(QPointF(left, baseline), shownPrefix);
    if (!ordinal.isEmpty()) {
        p->setFont(s.ordinalFont);
        p->drawText(QPointF(left + nfm.horizontalAdvance(shownPrefix), baseline), ordinal);
    }
    const QRectF iconRect(card.right() - pad - iconSize + 4, card.top() + pad * 0.6 + 2, iconSize,
                          iconSize);
    drawStateIcon(p, iconRect, state, s, d.progress);
    if (level < 0.6)
        return;

    // IP.
    const QFontMetricsF bfm(s.bodyFont);
    qreal y = baseline + ofm.descent() + bfm.ascent() + (s.presenter ? 8 : 5);
    p->setFont(s.monoFont);
    if (ghost) {
        p->setPen(s.ghost);
        p->setFont(s.bodyFont);
        p->drawText(QPointF(left, y), stateLabel(PodState::Absent));
    } else {
        p->setPen(d.ip.isEmpty() ? s.mutedText : s.text);
        p->drawText(QPointF(left, y),
                    d.ip.isEmpty() ? QCoreApplication::translate("ordinal::gui::PodItem", "no IP yet")
                                   : d.ip);
    }
    if (ghost)
        return;

    // Status (kubectl's words) and readiness.
    y += bfm.height() + (s.presenter ? 4 : 2);
    p->setFont(s.bodyFont);
    p->setPen(state == PodState::Ready || state == PodState::Absent ? s.text : c.darker(s.dark ? 70 : 115));
    const QString status = d.status.isEmpty() ? stateLabel(state) : d.status;
    const bool ready = state == PodState::Ready;
    const QString readyText = ready ? QCoreApplication::translate("ordinal::gui::PodItem", "Ready %1").arg(d.readiness)
        : state == PodState::Running ? QCoreApplication::translate("ordinal::gui::PodItem", "not Ready %1").arg(d.readiness)
                                     : d.readiness;
    const QString statusLine = state == PodState::Ready || state == PodState::Running
        ? QStringLiteral("%1 · %2").arg(status, readyText)
        : status;
    p->drawText(QPointF(left, y), elided(s.bodyFont, statusLine, Qt::ElideRight, card.right() - pad - left));

    // Bottom line: pull/start progress (with a bar along the card's bottom edge), or restarts.
    const qreal bottom = card.bottom() - (s.presenter ? 12 : 9);
    const QFontMetricsF sfm(s.smallFont);
    p->setFont(s.smallFont);
    if (d.progress >= 0) {
        const qreal barH = s.presenter ? 6 : 4;
        QPainterPath clip;
        clip.addRoundedRect(card, s.radius, s.radius);
        p->save();
        p->setClipPath(clip);
        p->setPen(Qt::NoPen);
        p->fillRect(QRectF(card.left(), card.bottom() - barH, card.width(), barH), CanvasStyle::tint(c, 60));
        p->fillRect(QRectF(card.left(), card.bottom() - barH, card.width() * std::clamp(d.progress, 0.0, 1.0), barH), c);
        p->restore();
        p->setPen(s.mutedText);
        const QString what = d.pulling
            ? QCoreApplication::translate("ordinal::gui::PodItem", "pulling image %1%")
                  .arg(int(d.progress * 100))
            : QCoreApplication::translate("ordinal::gui::PodItem", "starting container");
        p->drawText(QPointF(left, bottom - sfm.descent()), what);
    } else {
        p->setPen(d.restarts > 0 ? s.failed : s.mutedText);
        p->drawText(QPointF(left, bottom - sfm.descent()),
                    QCoreApplication::translate("ordinal::gui::PodItem", "restarts: %1").arg(d.restarts));
    }
}

} // namespace ordinal::gui
