#pragma once

#include "canvasitem.h"

#include <QStringList>

namespace ordinal::gui {

// What a pod card shows, as read from the store by the scene.
enum class PodState { Absent, Pending, Creating, Running, Ready, Terminating, Failed, Completed };

struct PodDisplay
{
    bool exists = false;
    PodState state = PodState::Absent;
    QString name;
    QString ip;
    QString status;      // kubectl's STATUS column
    QString readiness;   // "1/1"
    QString node;
    int restarts = 0;
    double progress = -1; // 0..1 while the image is pulled or the container starts, else < 0
    bool pulling = false; // progress is an image pull (else the container is starting)
    qint64 created = 0;   // the pod's creationTimestamp (which of an identity's pods this is)
    QString image;        // the first container's image
    QString revision;     // controller-revision-hash: which template the pod was made from
    bool updating = false; // its StatefulSet is rolling out a new revision: show the image
    QString schedulingReason; // not scheduled yet: the scheduler's last word about it
    QString waitingReason;    // a placeholder: why its StatefulSet has not created it again

    bool operator==(const PodDisplay &) const = default;
};

// One StatefulSet identity (or bare pod) on the canvas: a card with the ordinal large, the IP,
// the phase and readiness as colour, icon and text, and the restarts. The item outlives the
// pod: when the pod goes it stays as a dashed placeholder in its slot, so a recreated pod
// reappears where its identity lives. Transitions animate on the wall clock (appear, Ready
// glow, fade-out, "old IP → new IP"); advance() reports whether anything still moves.
class PodItem : public CanvasItem
{
public:
    PodItem(const QString &key, const CanvasStyle *style);

    enum { Type = UserType + 2 };
    int type() const override { return Type; }

    const PodDisplay &display() const { return m_display; }
    void setDisplay(const PodDisplay &display, bool animate);
    void setHighlighted(bool highlighted);
    bool isHighlighted() const { return m_highlighted; }
    // Tooltip lines beyond the basics: image, revision, why it is not scheduled.
    static QString podDetails(const PodDisplay &display);
    // The tooltip line that explains the DNS highlight ring.
    static QString highlightLegend();
    // The identity's address before its last change (empty when none seen): kept on the card
    // until the next change, so the old → new answer stays readable.
    QString previousIp() const { return m_oldIp; }

    bool isAnimating() const;
    // Moves the animations on by ms of wall time; returns isAnimating().
    bool advanceAnimation(int ms);
    void finishAnimations();

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
               QWidget *widget) override;
    void styleChanged() override;

    static QColor stateColor(const CanvasStyle &style, PodState state);
    // The card's body colour in a state, and the colour of the status text on it (WCAG AA).
    static QColor cardFill(const CanvasStyle &style, PodState state);
    static QColor statusTextColor(const CanvasStyle &style, PodState state);
    // Draws a number (digits and dots: an ordinal, an IP) from glyphs looked up once per font,
    // without shaping; false (nothing drawn) for any other text. role: 0 ordinal font, 1 mono
    // font, 2 other (one cache per role).
    static bool drawNumber(QPainter *painter, const QPointF &baseline, const QFont &font,
                           const QString &text, int role);
    // Its advance, or -1 for any other text.
    static qreal numberWidth(const QFont &font, const QString &text, int role);
    static void drawStateIcon(QPainter *painter, const QRectF &rect, PodState state,
                              const CanvasStyle &style, double progress = -1);

private:
    QRectF cardRect() const;
    // cached: the body, border and icon may come from a shared image (see drawCachedChrome).
    void paintCard(QPainter *painter, const PodDisplay &d, qreal lod, bool ghost,
                   bool cached = true);

    PodDisplay m_display;
    PodDisplay m_lastPresent; // what the pod looked like before it went (for the fade-out)
    QString m_lastIp;
    QString m_oldIp;
    qint64 m_lastIpCreated = 0; // creationTimestamp of the pod m_lastIp belonged to
    double m_appear = 1;   // 0 → 1 when the pod appears
    double m_glow = 0;     // 1 → 0 after the pod turns Ready
    double m_vanish = 0;   // 1 → 0 after the pod is removed
    int m_ipFlash = 0;     // ms left to show "old → new"
    bool m_highlighted = false;
};

} // namespace ordinal::gui
