#include "dropoverlay.h"

#include <QEvent>
#include <QPainter>

namespace ordinal::gui {

DropOverlay::DropOverlay(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("dropOverlay"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    hide();
    if (parent) {
        parent->installEventFilter(this);
        setGeometry(parent->rect());
    }
}

void DropOverlay::setText(const QString &text)
{
    m_text = text;
    update();
}

bool DropOverlay::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        setGeometry(parentWidget()->rect());
    return QWidget::eventFilter(watched, event);
}

void DropOverlay::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    QColor accent = palette().color(QPalette::Highlight);
    QColor fill = accent;
    fill.setAlpha(40);
    const QRectF r = QRectF(rect()).adjusted(12, 12, -12, -12);
    p.setBrush(fill);
    p.setPen(QPen(accent, 3, Qt::DashLine));
    p.drawRoundedRect(r, 16, 16);
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 1.6);
    f.setBold(true);
    p.setFont(f);
    const QRectF textRect = QRectF(0, 0, std::min<qreal>(r.width() - 40, 640), 120);
    QRectF box = textRect;
    box.moveCenter(r.center());
    p.setPen(Qt::NoPen);
    p.setBrush(palette().color(QPalette::Base));
    p.drawRoundedRect(box.adjusted(-16, -10, 16, 10), 12, 12);
    p.setPen(palette().color(QPalette::Text));
    p.drawText(box, Qt::AlignCenter | Qt::TextWordWrap, m_text);
}

} // namespace ordinal::gui
