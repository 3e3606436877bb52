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
};

} // namespace ordinal::gui
