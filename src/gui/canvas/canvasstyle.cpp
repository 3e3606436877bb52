#include "canvasstyle.h"

#include <QFontDatabase>

#include <algorithm>
#include <cmath>

namespace ordinal::gui {

namespace {

QFont pixelFont(const QFont &base, int pixels, QFont::Weight weight = QFont::Normal)
{
    QFont f = base;
    f.setPixelSize(pixels);
    f.setWeight(weight);
    return f;
}

} // namespace

CanvasStyle CanvasStyle::make(const QPalette &palette, bool presenter)
{
    CanvasStyle s;
    s.presenter = presenter;
    const QColor window = palette.color(QPalette::Window);
    s.dark = window.lightness() < 128;

    if (presenter) {
        // High contrast: pure background, strong borders, saturated status colours.
        s.background = s.dark ? QColor(0, 0, 0) : QColor(255, 255, 255);
        s.grid = s.dark ? QColor(40, 40, 40) : QColor(225, 225, 225);
        s.card = s.dark ? QColor(18, 18, 18) : QColor(255, 255, 255);
        s.nodeCard = s.dark ? QColor(10, 10, 10) : QColor(246, 246, 246);
        s.cardBorder = s.dark ? QColor(235, 235, 235) : QColor(20, 20, 20);
        s.text = s.dark ? QColor(255, 255, 255) : QColor(0, 0, 0);
        s.mutedText = s.dark ? QColor(215, 215, 215) : QColor(40, 40, 40);
    } else if (s.dark) {
        s.background = QColor(0x1e, 0x20, 0x24);
        s.grid = QColor(0x2a, 0x2d, 0x33);
        s.card = QColor(0x2b, 0x2e, 0x35);
        s.nodeCard = QColor(0x25, 0x28, 0x2e);
        s.cardBorder = QColor(0x45, 0x4a, 0x54);
        s.text = QColor(0xee, 0xef, 0xf1);
        s.mutedText = QColor(0xa6, 0xab, 0xb5);
    } else {
        s.background = QColor(0xf3, 0xf4, 0xf6);
        s.grid = QColor(0xe3, 0xe5, 0xea);
        s.card = QColor(0xff, 0xff, 0xff);
        s.nodeCard = QColor(0xfa, 0xfb, 0xfc);
        s.cardBorder = QColor(0xcf, 0xd3, 0xdb);
        s.text = QColor(0x1f, 0x23, 0x29);
        s.mutedText = QColor(0x5c, 0x63, 0x70);
    }
    s.accent = palette.color(QPalette::Highlight);
    if (s.accent.saturation() < 40)
        s.accent = QColor(0x00, 0x72, 0xb2);
    s.selection = s.accent;
    s.highlight = QColor(0xcc, 0x79, 0xa7); // Okabe–Ito reddish purple: DNS answer
    s.ghost = s.mutedText;

    // Okabe–Ito: bluish green, orange, sky blue, vermillion, grey.
    s.ready = QColor(0x00, 0x9e, 0x73);
    s.notReady = QColor(0xe6, 0x9f, 0x00);
    s.pending = s.dark || presenter ? QColor(0x56, 0xb4, 0xe9) : QColor(0x00, 0x72, 0xb2);
    s.failed = QColor(0xd5, 0x5e, 0x00);
    s.terminating = QColor(0x99, 0x99, 0x99);
    s.serviceLine = s.accent;

    const QFont base = QFontDatabase::systemFont(QFontDatabase::GeneralFont);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    // Scene units are device-independent pixels at zoom 1; 24 px = 18 pt at 96 dpi.
    const int k = presenter ? 2 : 1;
    if (presenter) {
        s.titleFont = pixelFont(base, 28, QFont::Bold);
        s.nameFont = pixelFont(base, 30, QFont::DemiBold);
        s.ordinalFont = pixelFont(base, 44, QFont::Bold);
        // IP and status readable from the back row: 28 px or more on a 1080p projector at
        // the zoom that fits the lesson (one pod column keeps the canvas near 16:9).
        s.bodyFont = pixelFont(base, 25, QFont::DemiBold);
        s.smallFont = pixelFont(base, 20);
        s.monoFont = pixelFont(fixed, 25, QFont::DemiBold);
        s.podWidth = 400;
        s.podHeight = 184;
        s.podColumns = 1;
        s.podGap = 18;
        s.nodePadding = 20;
        s.nodeHeader = 124; // title, a row of chips, the CIDR line
        s.nodeGap = 40;
        s.topBand = 150;
        s.topGap = 110;
        s.radius = 14;
    } else {
        s.titleFont = pixelFont(base, 15, QFont::Bold);
        s.nameFont = pixelFont(base, 15, QFont::DemiBold);
        s.ordinalFont = pixelFont(base, 26, QFont::Bold);
        s.bodyFont = pixelFont(base, 12);
        s.smallFont = pixelFont(base, 11);
        s.monoFont = pixelFont(fixed, 12);
    }
    Q_UNUSED(k)
    return s;
}

qreal CanvasStyle::contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](qreal v) {
            return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF())
            + 0.0722 * channel(c.blueF());
    };
    const qreal la = luminance(a);
    const qreal lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor CanvasStyle::readable(const QColor &fg, const QColor &bg)
{
    QColor c = fg.toRgb();
    c.setAlpha(255);
    // Towards black on light backgrounds, towards white on dark ones, in small steps.
    const bool lightBackground = contrast(bg, Qt::black) >= contrast(bg, Qt::white);
    for (int step = 0; step < 100 && contrast(c, bg) < kMinTextContrast; ++step) {
        const qreal f = 0.95;
        c = lightBackground ? QColor::fromRgbF(c.redF() * f, c.greenF() * f, c.blueF() * f)
                            : QColor::fromRgbF(1 - (1 - c.redF()) * f, 1 - (1 - c.greenF()) * f,
                                               1 - (1 - c.blueF()) * f);
    }
    return c;
}

QColor CanvasStyle::tint(const QColor &c, int alpha)
{
    QColor t = c;
    t.setAlpha(alpha);
    return t;
}

} // namespace ordinal::gui
