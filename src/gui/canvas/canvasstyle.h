#pragma once

#include <QColor>
#include <QFont>
#include <QPalette>

namespace ordinal::gui {

// How the canvas looks: colours, fonts and card metrics, derived from the application palette
// (dark and light themes follow the system) and from presenter mode (larger type, stronger
// contrast). Status colours come from the Okabe–Ito palette, which stays distinguishable with
// the common colour-vision deficiencies; every status also has its own icon and text.
struct CanvasStyle
{
    bool presenter = false;
    bool dark = false;

    QColor background;
    QColor grid;
    QColor card;
    QColor cardBorder;
    QColor nodeCard;
    QColor text;
    QColor mutedText;
    QColor accent;
    QColor selection;
    QColor highlight;
    QColor ghost;

    QColor ready;       // Running and Ready
    QColor notReady;    // Running, not Ready
    QColor pending;     // Pending, ContainerCreating
    QColor failed;      // Failed, CrashLoopBackOff, ErrImagePull
    QColor terminating; // Terminating, Completed
    QColor serviceLine;

    QFont titleFont;    // node and object card titles
    QFont nameFont;     // pod name prefix ("web-")
    QFont ordinalFont;  // the ordinal, prominent
    QFont bodyFont;     // IP, status
    QFont smallFont;    // secondary lines
    QFont monoFont;     // addresses

    qreal podWidth = 168;
    qreal podHeight = 104;
    qreal podGap = 12;
    qreal nodePadding = 18;
    qreal nodeHeader = 64;
    qreal nodeGap = 28;
    qreal topBand = 104;  // height of the service/StatefulSet cards
    qreal topGap = 90;    // room for the service lines
    qreal radius = 10;
    int podColumns = 2;

    static CanvasStyle make(const QPalette &palette, bool presenter);
    // Status colour with the alpha used for card fills.
    static QColor tint(const QColor &c, int alpha);

    // WCAG 2 contrast ratio of two opaque colours (1 to 21).
    static qreal contrast(const QColor &a, const QColor &b);
    // fg, darkened (on a light background) or lightened (on a dark one) just enough to reach
    // the WCAG AA ratio for text, 4.5:1, against bg; the hue stays.
    static QColor readable(const QColor &fg, const QColor &bg);
    static constexpr qreal kMinTextContrast = 4.5;
    // A status colour as text on a pod card, and on a node card (chips, lines).
    QColor textOnCard(const QColor &status) const { return readable(status, card); }
    QColor textOnNode(const QColor &status) const { return readable(status, nodeCard); }
    // A status colour as the fill of a chip or badge that carries white text.
    QColor fillUnderWhite(const QColor &status) const { return readable(status, Qt::white); }
};

} // namespace ordinal::gui
