#include "messagebanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace ordinal::gui {

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("messageBanner"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->setSpacing(10);
    m_icon = new QLabel(this);
    m_icon->setAlignment(Qt::AlignTop);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("messageText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setTextFormat(Qt::PlainText);
    m_close = new QToolButton(this);
    m_close->setAutoRaise(true);
    m_close->setText(QStringLiteral("✕"));
    m_close->setToolTip(tr("Close"));
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_close, &QToolButton::clicked, this, [this] {
        hide();
        Q_EMIT dismissed();
    });
    hide();
}

QString MessageBanner::text() const
{
    return m_text->text();
}

void MessageBanner::showMessage(Kind kind, const QString &text)
{
    m_kind = kind;
    m_text->setText(text);
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    QString colors;
    switch (kind) {
    case Kind::Information:
        colors = QStringLiteral("background: rgba(0,114,178,38); border: 1px solid rgba(0,114,178,150);");
        break;
    case Kind::Warning:
        icon = QStyle::SP_MessageBoxWarning;
        colors = QStringLiteral("background: rgba(230,159,0,50); border: 1px solid rgba(230,159,0,200);");
        break;
    case Kind::Error:
        icon = QStyle::SP_MessageBoxCritical;
        colors = QStringLiteral("background: rgba(213,94,0,40); border: 1px solid rgba(213,94,0,200);");
        break;
    }
    setStyleSheet(QStringLiteral("#messageBanner { %1 border-radius: 6px; }").arg(colors));
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(22, 22));
    m_close->setToolTip(tr("Close"));
    show();
}

} // namespace ordinal::gui
