#include "poditem.h"

#include "nodeitem.h"

#include <QCoreApplication>
#include <QGlyphRun>
#include <QHash>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>
#include <QRawFont>
#include <QStaticText>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <array>

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

// Lays out a text once per font and string (QStaticText), for the lines many cards repeat:
// the name prefix, the status line, "restarts: 0". Unique texts (ordinals, IPs) are drawn
// directly: caching them would only fill the cache.
class TextCache
{
public:
    // Draws text with its baseline starting at baseline; returns its advance.
    qreal draw(QPainter *p, const QPointF &baseline, const QFont &font, const QString &text)
    {
        if (!(font == m_font)) {
            m_font = font;
            m_ascent = QFontMetricsF(font).ascent();
            m_texts.clear();
        }
        auto it = m_texts.find(text);
        if (it == m_texts.end()) {
            if (m_texts.size() > 512)
                m_texts.clear();
            Laid laid { QStaticText(text), QFontMetricsF(font).horizontalAdvance(text) };
            laid.text.setTextFormat(Qt::PlainText);
            laid.text.setPerformanceHint(QStaticText::AggressiveCaching);
            it = m_texts.insert(text, laid);
        }
        p->setFont(font);
        p->drawStaticText(QPointF(baseline.x(), baseline.y() - m_ascent), it.value().text);
        return it.value().advance;
    }

private:
    struct Laid
    {
        QStaticText text;
        qreal advance;
    };
    QFont m_font;
    qreal m_ascent = 0;
    QHash<QString, Laid> m_texts;
};

// Numbers (ordinals, IP addresses) as glyph runs from one glyph lookup per font. Every card
// has its own, so a cache of laid-out text would not help, and shaping each one on every frame
// cost most of a card's text time; digits and dots need no shaping.
class NumberText
{
public:
    // The advance of text, or -1 where it holds anything but digits and dots.
    qreal width(const QFont &font, const QString &text)
    {
        prepare(font);
        qreal w = 0;
        for (const QChar ch : text) {
            const int i = indexOf(ch);
            if (i < 0 || !m_valid)
                return -1;
            w += m_advances[i];
        }
        return w;
    }
    // Draws text with its baseline starting at baseline; false (nothing drawn) where width()
    // is -1.
    bool draw(QPainter *p, const QPointF &baseline, const QFont &font, const QString &text)
    {
        prepare(font);
        if (!m_valid || text.isEmpty())
            return false;
        QList<quint32> glyphs;
        QList<QPointF> positions;
        glyphs.reserve(text.size());
        positions.reserve(text.size());
        qreal x = 0;
        for (const QChar ch : text) {
            const int i = indexOf(ch);
            if (i < 0)
                return false;
            glyphs.append(m_glyphs[i]);
            positions.append(QPointF(x, 0));
            x += m_advances[i];
        }
        QGlyphRun run;
        run.setRawFont(m_raw);
        run.setGlyphIndexes(glyphs);
        run.setPositions(positions);
        p->drawGlyphRun(baseline, run);
        return true;
    }

private:
    static int indexOf(QChar ch)
    {
        const char16_t c = ch.unicode();
        if (c >= u'0' && c <= u'9')
            return c - u'0';
        return c == u'.' ? 10 : -1;
    }
    void prepare(const QFont &font)
    {
        if (m_prepared && font == m_font)
            return;
        m_prepared = true;
        m_font = font;
        m_raw = QRawFont::fromFont(font);
        const QString chars = QStringLiteral("0123456789.");
        const QList<quint32> glyphs
            = m_raw.isValid() ? m_raw.glyphIndexesForString(chars) : QList<quint32>();
        m_valid = glyphs.size() == chars.size();
        const QFontMetricsF fm(font);
        for (qsizetype i = 0; m_valid && i < chars.size(); ++i) {
            m_glyphs[i] = glyphs[i];
            m_advances[i] = fm.horizontalAdvance(chars[i]);
            m_valid = glyphs[i] != 0;
        }
    }

    bool m_prepared = false;
    bool m_valid = false;
    QFont m_font;
    QRawFont m_raw;
    std::array<quint32, 11> m_glyphs {};
    std::array<qreal, 11> m_advances {};
};

NumberText &numberText(int role)
{
    static std::array<NumberText, 3> texts;
    return texts[role];
}

TextCache &textCache(int role)
{
    static std::array<TextCache, 4> caches;
    return caches[role];
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
// Where a card's state icon sits.
QRectF iconRect(const CanvasStyle &s)
{
    const qreal pad = s.presenter ? 20 : 14;
    const qreal iconSize = s.presenter ? 34 : 22;
    return QRectF(s.podWidth - pad - iconSize + 4, pad * 0.6 + 2, iconSize, iconSize);
}

// The parts of a card that follow from its state alone: body, border, status stripe and
// (unless it shows a moving progress) the state icon.
void drawChrome(QPainter *p, const CanvasStyle &s, PodState state, bool ghost, double progress,
                bool icon)
{
    const QRectF card(0, 0, s.podWidth, s.podHeight);
    const QColor c = PodItem::stateColor(s, state);
    if (ghost) {
        p->setPen(QPen(s.ghost, s.presenter ? 2 : 1.4, Qt::DashLine));
        p->setBrush(CanvasStyle::tint(s.card, 90));
    } else {
        const bool dashed = state == PodState::Terminating;
        p->setPen(QPen(c, s.presenter ? 3 : 1.6, dashed ? Qt::DashLine : Qt::SolidLine));
        p->setBrush(PodItem::cardFill(s, state));
    }
    p->drawRoundedRect(card, s.radius, s.radius);
    if (!ghost) {
        // Status stripe along the left edge (a filled shape: clipping per card costs more).
        p->fillPath(stripePath(s), c);
    }
    if (icon)
        PodItem::drawStateIcon(p, iconRect(s), state, s, progress);
}

// A Creating card's ring shows the pull progress: that icon moves, so it is not cached.
bool chromeHasIcon(PodState state, double progress)
{
    return state != PodState::Creating || progress < 0;
}

struct ChromeKey
{
    int state;
    bool ghost;
    bool antialias;
    bool presenter;
    bool icon;
    qreal scale; // device pixels per card unit
    int fx, fy; // where the card starts within its first device pixel, in quarters
    qreal dpr;
    QRgb color, card, ghostColor;
    qreal width, height, radius;
    bool operator==(const ChromeKey &) const = default;
};

// A card's chrome as pixels: all of it with alpha, and the opaque middle without (empty inner
// where the middle is not opaque).
struct ChromeImage
{
    QImage edges;
    QImage center;
    QRect inner;
};

size_t qHash(const ChromeKey &k, size_t seed = 0)
{
    return qHashMulti(seed, k.state, k.ghost, k.antialias, k.presenter, k.icon, k.scale, k.fx, k.fy,
                      k.dpr, k.color, k.card, k.ghostColor, k.width, k.height, k.radius);
}

// Draws a card's chrome from an image per state, device scale and quarter-pixel offset,
// blitted unscaled on whole device pixels. Stroking a rounded outline with antialiasing, the
// stripe and the icon cost more than all of a card's text; a blit of the same pixels costs a few
// microseconds. Returns false (nothing drawn) where the painter's transform is not a plain scale
// or the scale is extreme.
bool drawCachedChrome(QPainter *p, const CanvasStyle &s, PodState state, bool ghost,
                      double progress)
{
    // Pixels only where pixels are the output: an SVG gets the shapes themselves.
    if (!p->paintEngine() || p->paintEngine()->type() != QPaintEngine::Raster)
        return false;
    const QTransform world = p->worldTransform();
    if (world.type() > QTransform::TxScale || world.m11() != world.m22())
        return false;
    const qreal dpr = p->device() ? p->device()->devicePixelRatio() : 1.0;
    const qreal scale = world.m11() * dpr;
    if (scale < 0.25 || scale > 3)
        return false;
    const bool icon = chromeHasIcon(state, progress);
    // The image keeps the card's offset within a device pixel (to a quarter pixel), so its
    // edges fall where a direct drawing would put them.
    const QPointF origin = world.map(QPointF(0, 0)) * dpr;
    QPoint whole(int(std::floor(origin.x())), int(std::floor(origin.y())));
    int fx = int(std::lround((origin.x() - whole.x()) * 4));
    int fy = int(std::lround((origin.y() - whole.y()) * 4));
    if (fx == 4) {
        fx = 0;
        whole.rx() += 1;
    }
    if (fy == 4) {
        fy = 0;
        whole.ry() += 1;
    }
    const ChromeKey key { int(state),
                          ghost,
                          p->testRenderHint(QPainter::Antialiasing),
                          s.presenter,
                          icon,
                          scale,
                          fx,
                          fy,
                          dpr,
                          PodItem::stateColor(s, state).rgba(),
                          s.card.rgba(),
                          s.ghost.rgba(),
                          s.podWidth,
                          s.podHeight,
                          s.radius };
    // A few states × the zoom levels in use; a zoom gesture passes through many scales.
    static QHash<ChromeKey, ChromeImage> cache;
    auto it = cache.constFind(key);
    const int margin = int(std::ceil(2 * scale)) + 1;
    if (it == cache.cend()) {
        if (cache.size() >= 128)
            cache.clear();
        ChromeImage chrome;
        QImage &image = chrome.edges;
        image = QImage(int(std::ceil(s.podWidth * scale)) + 2 * margin + 1,
                       int(std::ceil(s.podHeight * scale)) + 2 * margin + 1,
                       QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter ip(&image);
        ip.setRenderHint(QPainter::Antialiasing, key.antialias);
        ip.translate(margin + fx / 4.0, margin + fy / 4.0);
        ip.scale(scale, scale);
        drawChrome(&ip, s, state, ghost, progress, icon);
        ip.end();
        // Inside the rounded corners and the border the card is opaque (unless it is a
        // ghost's translucent fill): that part is copied, not blended, which is several times
        // cheaper.
        const int inX = margin + int(std::ceil(4 * scale)) + 1;
        const int inY = margin + int(std::ceil((s.radius + 2) * scale)) + 1;
        const QRect inner(inX, inY, image.width() - 2 * inX, image.height() - 2 * inY);
        bool opaque = inner.width() > 0 && inner.height() > 0;
        for (int y = inner.top(); opaque && y <= inner.bottom(); ++y) {
            const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
            for (int x = inner.left(); x <= inner.right(); ++x) {
                if (qAlpha(line[x]) != 255) {
                    opaque = false;
                    break;
                }
            }
        }
        if (opaque) {
            chrome.inner = inner;
            chrome.center = image.copy(inner).convertToFormat(QImage::Format_RGB32);
            chrome.center.setDevicePixelRatio(dpr);
        }
        image.setDevicePixelRatio(dpr);
        it = cache.insert(key, chrome);
    }
    const QPointF at(qreal(whole.x() - margin) / dpr, qreal(whole.y() - margin) / dpr);
    p->setWorldTransform(QTransform());
    const ChromeImage &chrome = it.value();
    if (chrome.inner.isEmpty()) {
        p->drawImage(at, chrome.edges);
    } else {
        // Top and bottom bands, left and right of the middle blended; the middle copied.
        const QRect all = chrome.edges.rect();
        const QRect in = chrome.inner;
        const QRect parts[]
            = { QRect(0, 0, all.width(), in.top()),
                QRect(0, in.bottom() + 1, all.width(), all.height() - in.bottom() - 1),
                QRect(0, in.top(), in.left(), in.height()),
                QRect(in.right() + 1, in.top(), all.width() - in.right() - 1, in.height()) };
        for (const QRect &part : parts)
            p->drawImage(at + QPointF(part.topLeft()) / dpr, chrome.edges, part);
        p->drawImage(at + QPointF(in.topLeft()) / dpr, chrome.center);
    }
    p->setWorldTransform(world);
    return true;
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
    // The ring's legend, where the pointer goes.
    QString tip = toolTip();
    const QString legend = QLatin1Char('\n') + highlightLegend();
    tip.remove(legend);
    setToolTip(highlighted ? tip + legend : tip);
    update();
}

void PodItem::setDisplay(const PodDisplay &display, bool animate)
{
    if (display == m_display)
        return;
    const PodDisplay old = m_display;
    m_display = display;
    // The tooltip leaves out the progress, which moves every frame while an image is pulled.
    const bool tipChanged = old.exists != display.exists || old.name != display.name
        || old.ip != display.ip || old.node != display.node || old.status != display.status
        || old.readiness != display.readiness || old.restarts != display.restarts
        || old.image != display.image || old.revision != display.revision
        || old.schedulingReason != display.schedulingReason
        || old.waitingReason != display.waitingReason || toolTip().isEmpty();
    if (tipChanged) {
        setToolTip(display.exists
                       ? QCoreApplication::translate("ordinal::gui::PodItem", "Pod %1\nIP %2\nnode %3\nstatus %4, ready %5\nrestarts %6")
                             .arg(display.name, display.ip.isEmpty() ? QStringLiteral("-") : display.ip,
                                  display.node.isEmpty() ? QStringLiteral("-") : display.node,
                                  display.status, display.readiness)
                             .arg(display.restarts)
                             + podDetails(display)
                       : QCoreApplication::translate("ordinal::gui::PodItem",
                                                     "%1 is not present; its identity keeps this place")
                             .arg(key().section(QLatin1Char('/'), -1))
                             + (display.waitingReason.isEmpty()
                                    ? QString()
                                    : QLatin1Char('\n') + display.waitingReason));
        if (m_highlighted)
            setToolTip(toolTip() + QLatin1Char('\n') + highlightLegend());
    }
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
            if (display.created >= m_lastIpCreated) {
                // A newer pod of the identity: its old address stays on the card.
                m_oldIp = m_lastIp;
                m_ipFlash = animate ? kIpFlashMs : 0;
            } else {
                // Scrubbed back to an older pod: what it replaced is not known here.
                m_oldIp.clear();
                m_ipFlash = 0;
            }
        }
        m_lastIp = display.ip;
        m_lastIpCreated = display.created;
    }
    if (old.exists != display.exists || old.state != display.state) {
        // The node's zoomed-out summary shows this pod's state as a cell.
        if (NodeItem *node = NodeItem::of(this))
            node->invalidateSummary();
    }
    update();
}

QString PodItem::podDetails(const PodDisplay &d)
{
    QString text;
    const auto line = [&text](const QString &s) { text += QLatin1Char('\n') + s; };
    if (!d.image.isEmpty())
        line(QCoreApplication::translate("ordinal::gui::PodItem", "image %1").arg(d.image));
    if (!d.revision.isEmpty())
        line(QCoreApplication::translate("ordinal::gui::PodItem", "revision %1").arg(d.revision));
    if (!d.schedulingReason.isEmpty())
        line(QCoreApplication::translate("ordinal::gui::PodItem", "not scheduled: %1")
                 .arg(d.schedulingReason));
    return text;
}

QString PodItem::highlightLegend()
{
    return QCoreApplication::translate("ordinal::gui::PodItem",
                                       "Pink ring: the answer the DNS panel tracks");
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
        const int left = std::max(0, m_ipFlash - ms);
        // Before the bounding rectangle shrinks, so the bubble's area is painted over.
        if (left == 0)
            prepareGeometryChange();
        m_ipFlash = left;
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

bool PodItem::drawNumber(QPainter *painter, const QPointF &baseline, const QFont &font,
                         const QString &text, int role)
{
    return numberText(role).draw(painter, baseline, font, text);
}

qreal PodItem::numberWidth(const QFont &font, const QString &text, int role)
{
    return numberText(role).width(font, text);
}

QColor PodItem::cardFill(const CanvasStyle &s, PodState state)
{
    if (s.presenter)
        return s.card;
    const QColor c = stateColor(s, state);
    const QColor card = s.card;
    return QColor::fromRgbF(card.redF() * 0.9 + c.redF() * 0.1, card.greenF() * 0.9 + c.greenF() * 0.1,
                            card.blueF() * 0.9 + c.blueF() * 0.1);
}

QColor PodItem::statusTextColor(const CanvasStyle &s, PodState state)
{
    if (state == PodState::Ready || state == PodState::Absent)
        return s.text;
    // The status word in its colour, as dark (or light) as AA contrast on the card needs.
    return CanvasStyle::readable(stateColor(s, state), cardFill(s, state));
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
        paintCard(p, m_display, level, false, false); // a new scale every frame: not cached
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
        p->setBrush(s.fillUnderWhite(s.accent));
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

void PodItem::paintCard(QPainter *p, const PodDisplay &d, qreal level, bool ghost, bool cached)
{
    const CanvasStyle &s = style();
    const QRectF card = cardRect();
    const PodState state = ghost ? PodState::Absent : d.state;
    const QColor c = stateColor(s, state);
    const QString name = d.name.isEmpty() ? key().section(QLatin1Char('/'), -1) : d.name;

    // Body, border, stripe and icon.
    if (!cached || !drawCachedChrome(p, s, state, ghost, d.progress))
        drawChrome(p, s, state, ghost, d.progress, true);
    else if (!chromeHasIcon(state, d.progress))
        drawStateIcon(p, iconRect(s), state, s, d.progress);

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
    qreal ordinalWidth = numberText(0).width(s.ordinalFont, ordinal);
    if (ordinalWidth < 0)
        ordinalWidth = ofm.horizontalAdvance(ordinal);
    const QString shownPrefix
        = elided(s.nameFont, prefix, Qt::ElideMiddle, std::max<qreal>(20, nameRoom - ordinalWidth));
    const qreal prefixWidth
        = textCache(0).draw(p, QPointF(left, baseline), s.nameFont, shownPrefix);
    if (!ordinal.isEmpty()) {
        const QPointF at(left + prefixWidth, baseline);
        if (!numberText(0).draw(p, at, s.ordinalFont, ordinal)) {
            p->setFont(s.ordinalFont);
            p->drawText(at, ordinal);
        }
    }
    if (level < 0.6)
        return;

    // IP.
    const QFontMetricsF bfm(s.bodyFont);
    qreal y = baseline + ofm.descent() + bfm.ascent() + (s.presenter ? 8 : 5);
    if (ghost) {
        p->setPen(s.ghost);
        textCache(1).draw(p, QPointF(left, y), s.bodyFont, stateLabel(PodState::Absent));
        if (!d.waitingReason.isEmpty()) {
            // Why it is not back yet, in the controller's words (in full in the tooltip).
            const QFontMetricsF sfm(s.smallFont);
            p->setFont(s.smallFont);
            p->setPen(s.text);
            const QRectF room(left, y + bfm.descent() + 2, card.right() - pad - left,
                              card.bottom() - (y + bfm.descent() + 2) - (s.presenter ? 8 : 5));
            const int lines = std::max(1, int(room.height() / sfm.lineSpacing()));
            QString shown = d.waitingReason;
            // Fit into the lines there are: elide what the wrapped text cannot show.
            while (shown.size() > 8
                   && sfm.boundingRect(room, Qt::TextWordWrap, shown).height()
                       > lines * sfm.lineSpacing() + 0.5)
                shown = shown.left(shown.size() - 8).trimmed() + QStringLiteral("…");
            p->drawText(room, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, shown);
        }
    } else if (d.ip.isEmpty()) {
        p->setPen(s.mutedText);
        textCache(3).draw(p, QPointF(left, y), s.monoFont,
                          QCoreApplication::translate("ordinal::gui::PodItem", "no IP yet"));
    } else {
        p->setPen(s.text);
        if (!numberText(1).draw(p, QPointF(left, y), s.monoFont, d.ip)) {
            p->setFont(s.monoFont);
            p->drawText(QPointF(left, y), d.ip);
        }
    }
    if (ghost)
        return;

    // Status (kubectl's words) and readiness. The card's height is fixed, and a CJK body font
    // has a taller line than the Latin one the stack was drawn for: the status line never
    // reaches into the bottom line (it moves up into the IP line's leading instead).
    const QFontMetricsF sfm(s.smallFont);
    const qreal bottom = card.bottom() - (s.presenter ? 12 : 9);
    const qreal statusLimit = bottom - sfm.descent() - sfm.ascent() - bfm.descent();
    y = std::min(y + bfm.height() + (s.presenter ? 4 : 2), statusLimit);
    p->setFont(s.bodyFont);
    p->setPen(statusTextColor(s, state));
    const QString status = d.status.isEmpty() ? stateLabel(state) : d.status;
    const bool ready = state == PodState::Ready;
    const QString readyText = ready ? QCoreApplication::translate("ordinal::gui::PodItem", "Ready %1").arg(d.readiness)
        : state == PodState::Running ? QCoreApplication::translate("ordinal::gui::PodItem", "not Ready %1").arg(d.readiness)
                                     : d.readiness;
    const QString statusLine = state == PodState::Ready || state == PodState::Running
        ? QStringLiteral("%1 · %2").arg(status, readyText)
        : status;
    textCache(1).draw(p, QPointF(left, y), s.bodyFont,
                      elided(s.bodyFont, statusLine, Qt::ElideRight, card.right() - pad - left));

    // Bottom line: pull/start progress (with a bar along the card's bottom edge), or restarts.
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
    } else if (!d.schedulingReason.isEmpty() && d.restarts == 0) {
        // Unschedulable: the scheduler's reason, one hover away in full.
        p->setPen(s.textOnCard(s.failed));
        p->setFont(s.smallFont);
        p->drawText(QPointF(left, bottom - sfm.descent()),
                    sfm.elidedText(d.schedulingReason, Qt::ElideRight, card.right() - pad - left));
    } else if (d.updating && d.restarts == 0 && !d.image.isEmpty()) {
        // A rollout in progress: which image this pod runs (the canary stands out).
        const QString tag = d.image.section(QLatin1Char('/'), -1);
        p->setPen(s.text);
        p->setFont(s.smallFont);
        p->drawText(QPointF(left, bottom - sfm.descent()),
                    sfm.elidedText(tag, Qt::ElideMiddle, card.right() - pad - left));
    } else if (d.restarts == 0 && !m_oldIp.isEmpty() && m_oldIp != d.ip) {
        // The identity's last change of address, until the next one.
        p->setPen(s.text);
        p->setFont(s.smallFont);
        p->drawText(QPointF(left, bottom - sfm.descent()),
                    sfm.elidedText(QCoreApplication::translate("ordinal::gui::PodItem", "was %1")
                                       .arg(m_oldIp),
                                   Qt::ElideRight, card.right() - pad - left));
    } else {
        p->setPen(d.restarts > 0 ? s.textOnCard(s.failed) : s.mutedText);
        textCache(2).draw(
            p, QPointF(left, bottom - sfm.descent()), s.smallFont,
            QCoreApplication::translate("ordinal::gui::PodItem", "restarts: %1").arg(d.restarts));
    }
}

} // namespace ordinal::gui
