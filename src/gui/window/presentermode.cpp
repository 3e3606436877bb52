#include "window/presentermode.h"

#include "canvas/canvasview.h"
#include "canvas/clusterscene.h"
#include "dialogs/preferencesdialog.h"
#include "mainwindow.h"
#include "panels/dnspanel.h"
#include "panels/lessonpanel.h"
#include "session.h"
#include "window/actionhandler.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>
#include <QToolBar>

namespace ordinal::gui {

PresenterMode::PresenterMode(MainWindow *window, Session *session, ClusterScene *scene,
                             CanvasView *view, ActionHandler *actions, QWidget *stripParent)
    : QObject(window)
    , m_window(window)
    , m_session(session)
    , m_scene(scene)
    , m_view(view)
    , m_actions(actions)
{
    // The strip: the lesson step's caption, and the DNS answer with the previous one.
    m_strip = new QFrame(stripParent);
    m_strip->setObjectName(QStringLiteral("presenterStrip"));
    m_strip->setFrameShape(QFrame::StyledPanel);
    m_strip->setAutoFillBackground(true);
    m_captionLabel = new QLabel(m_strip);
    m_captionLabel->setObjectName(QStringLiteral("presenterCaption"));
    m_dnsLabel = new QLabel(m_strip);
    m_dnsLabel->setObjectName(QStringLiteral("presenterDns"));
    m_dnsLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_dnsLabel->setTextFormat(Qt::PlainText);
    auto *stripLayout = new QHBoxLayout(m_strip);
    stripLayout->setContentsMargins(24, 8, 24, 8);
    stripLayout->addWidget(m_captionLabel, 1);
    stripLayout->addWidget(m_dnsLabel, 1);
    m_strip->hide();

    connect(m_actions->action("presenterAction"), &QAction::toggled, this, &PresenterMode::setOn);
    connect(m_actions->action("presenterStripAction"), &QAction::toggled, this,
            &PresenterMode::updateStrip);
    connect(m_actions->action("leavePresenterAction"), &QAction::triggered, this, [this] {
        if (m_on)
            setOn(false);
    });
}

void PresenterMode::setPanels(LessonPanel *lesson, DnsPanel *dns)
{
    m_lessonPanel = lesson;
    m_dnsPanel = dns;
    connect(m_dnsPanel, &DnsPanel::answered, this, &PresenterMode::updateStrip);
    connect(m_lessonPanel, &LessonPanel::stepShown, this, &PresenterMode::updateStrip);
}

void PresenterMode::applyPalette(bool on)
{
    if (!on) {
        m_window->setPalette(QPalette());
        m_window->setFont(m_fontBefore);
        m_scene->setCanvasPalette(QApplication::palette());
        return;
    }
    // High contrast, on the side of the system theme (dark stays dark).
    const bool dark = QApplication::palette().color(QPalette::Window).lightness() < 128;
    QPalette p;
    const QColor bg = dark ? Qt::black : Qt::white;
    const QColor fg = dark ? Qt::white : Qt::black;
    for (const auto role : {QPalette::Window, QPalette::Base, QPalette::Button, QPalette::AlternateBase})
        p.setColor(role, bg);
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText,
                            QPalette::BrightText})
        p.setColor(role, fg);
    p.setColor(QPalette::Highlight, dark ? QColor(0xff, 0xd7, 0x00) : QColor(0x00, 0x3c, 0x8f));
    p.setColor(QPalette::HighlightedText, dark ? Qt::black : Qt::white);
    m_window->setPalette(p);
    m_fontBefore = m_window->font();
    QFont big = m_window->font();
    big.setPointSizeF(std::max<qreal>(14, big.pointSizeF() * 1.5));
    m_window->setFont(big);
    m_scene->setCanvasPalette(p);
}

void PresenterMode::setOn(bool on)
{
    if (on == m_on)
        return;
    m_on = on;
    if (QAction *a = m_actions->action("presenterAction"); a->isChecked() != on) {
        const QSignalBlocker block(a);
        a->setChecked(on);
    }
    if (on) {
        m_stateBefore = m_window->saveState(MainWindow::kLayoutVersion);
        m_wasMaximized = m_window->isMaximized();
        m_speedBefore = m_session->speed();
        m_window->menuBar()->hide();
        m_window->statusBar()->hide();
        m_window->toolBar()->hide();
        for (QDockWidget *dock : m_window->docks())
            dock->hide();
        applyPalette(true);
        m_scene->setPresenter(true);
        m_view->setMaximumFitZoom(2.0);
        m_session->setSpeed(PreferencesDialog::presenterSpeed());
        m_window->showFullScreen();
    } else {
        applyPalette(false);
        m_scene->setPresenter(false);
        m_view->setMaximumFitZoom(1.25);
        m_window->menuBar()->show();
        m_window->statusBar()->show();
        m_window->toolBar()->show();
        m_window->restoreState(m_stateBefore, MainWindow::kLayoutVersion);
        m_session->setSpeed(m_speedBefore);
        if (m_wasMaximized)
            m_window->showMaximized();
        else
            m_window->showNormal();
    }
    updateStrip();
    m_view->fitToContent();
}

void PresenterMode::updateStrip()
{
    const QAction *toggle = m_actions->action("presenterStripAction");
    const bool shown = m_on && toggle && toggle->isChecked();
    if (shown) {
        QFont big = m_window->font();
        big.setPixelSize(30);
        big.setBold(true);
        m_captionLabel->setFont(big);
        m_dnsLabel->setFont(big);
        m_captionLabel->setText(m_lessonPanel ? m_lessonPanel->currentStepCaption() : QString());
        const QString name = m_dnsPanel ? m_dnsPanel->queryName() : QString();
        QString dns;
        if (!name.isEmpty()) {
            const QStringList now = m_dnsPanel->answerAddresses();
            dns = tr("%1 → %2").arg(name, now.isEmpty() ? tr("no answer") : now.join(QStringLiteral(", ")));
            const QString before = m_dnsPanel->previousAnswer();
            if (!before.isEmpty())
                dns += QStringLiteral("   ") + tr("(before: %1)").arg(before);
        }
        m_dnsLabel->setText(dns);
    }
    if (shown != m_strip->isVisible())
        m_strip->setVisible(shown);
}

} // namespace ordinal::gui
