#include "transportbar.h"

#include "session.h"

#include "console/tablewriter.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QToolButton>

#include <cmath>

namespace ordinal::gui {

namespace {

// "1:05.2" style clock for virtual time: minutes:seconds.tenths (hours when needed).
QString clockText(core::Millis t)
{
    const qint64 tenths = t / 100;
    const qint64 s = tenths / 10;
    const int h = int(s / 3600);
    const int m = int((s / 60) % 60);
    const int sec = int(s % 60);
    const QString body = QStringLiteral("%1:%2.%3")
                             .arg(m, h > 0 ? 2 : 1, 10, QLatin1Char('0'))
                             .arg(sec, 2, 10, QLatin1Char('0'))
                             .arg(int(tenths % 10));
    return h > 0 ? QStringLiteral("%1:%2").arg(h).arg(body) : body;
}

} // namespace

const QList<double> &TransportBar::speeds()
{
    static const QList<double> values = {0.25, 0.5, 1, 2, 4, 8, 16};
    return values;
}

TransportBar::TransportBar(Session *session, QAction *playAction, QAction *stepAction,
                           QAction *liveAction, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("transportBar"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->setSpacing(6);

    const auto button = [this](QAction *action) {
        auto *b = new QToolButton(this);
        b->setDefaultAction(action);
        b->setToolButtonStyle(Qt::ToolButtonIconOnly);
        b->setAutoRaise(true);
        b->setIconSize(QSize(20, 20));
        return b;
    };
    m_play = button(playAction);
    m_step = button(stepAction);
    m_live = button(liveAction);
    m_live->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    layout->addWidget(m_play);
    layout->addWidget(m_step);

    m_speedLabel = new QLabel(this);
    m_speed = new QComboBox(this);
    m_speed->setObjectName(QStringLiteral("speedBox"));
    for (const double s : speeds())
        m_speed->addItem(QStringLiteral("%1×").arg(s), s);
    m_speedLabel->setBuddy(m_speed);
    layout->addWidget(m_speedLabel);
    layout->addWidget(m_speed);

    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setObjectName(QStringLiteral("scrubber"));
    m_slider->setRange(0, 0);
    m_slider->setMinimumWidth(200);
    m_slider->setTracking(true);
    layout->addWidget(m_slider, 1);

    m_time = new QLabel(this);
    m_time->setObjectName(QStringLiteral("timeLabel"));
    QFont mono = m_time->font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_time->setFont(mono);
    m_time->setMinimumWidth(QFontMetrics(mono).horizontalAdvance(QStringLiteral("00:00.0 / 00:00.0")) + 8);
    layout->addWidget(m_time);

    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("liveState"));
    m_state->setAlignment(Qt::AlignCenter);
    m_state->setMargin(3);
    layout->addWidget(m_state);
    layout->addWidget(m_live);

    connect(m_speed, &QComboBox::activated, this, [this](int index) {
        m_session->setSpeed(m_speed->itemData(index).toDouble());
    });
    // Only the user moves the view time: dragging, keys, clicks on the groove.
    const auto scrub = [this](int value) {
        m_session->setViewTime(value >= m_slider->maximum() ? m_session->now()
                                                            : core::Millis(value) * 100);
    };
    connect(m_slider, &QSlider::sliderMoved, this, scrub);
    connect(m_slider, &QSlider::actionTriggered, this,
            [this, scrub](int) { scrub(m_slider->sliderPosition()); });
    connect(m_session, &Session::viewChanged, this, &TransportBar::refresh);
    connect(m_session, &Session::timeChanged, this, &TransportBar::refresh);
    connect(m_session, &Session::speedChanged, this, &TransportBar::speedChanged);
    speedChanged(m_session->speed());
    retranslateUi();
    refresh();
}

void TransportBar::speedChanged(double speed)
{
    int best = 0;
    for (int i = 0; i < m_speed->count(); ++i) {
        if (std::abs(m_speed->itemData(i).toDouble() - speed)
            < std::abs(m_speed->itemData(best).toDouble() - speed))
            best = i;
    }
    const QSignalBlocker block(m_speed);
    m_speed->setCurrentIndex(best);
}

void TransportBar::refresh()
{
    // The slider counts tenths of a second, so hours of virtual time still fit an int.
    const QSignalBlocker block(m_slider);
    m_slider->setRange(0, int(m_session->historyEnd() / 100));
    if (!m_slider->isSliderDown())
        m_slider->setValue(int(m_session->viewTime() / 100));
    m_time->setText(QStringLiteral("%1 / %2").arg(clockText(m_session->viewTime()),
                                                  clockText(m_session->now())));
    const bool live = m_session->isLive();
    if (live) {
        m_state->setText(tr("LIVE"));
        m_state->setToolTip(tr("Showing the present of the simulation."));
        m_state->setStyleSheet(QStringLiteral(
            "QLabel { background: #009e73; color: white; border-radius: 4px; font-weight: bold; padding: 0 6px; }"));
    } else {
        m_state->setText(tr("PAST — acting here branches history"));
        m_state->setToolTip(tr("You are looking at an earlier moment. A change made now discards "
                               "everything that happened after it."));
        m_state->setStyleSheet(QStringLiteral(
            "QLabel { background: #e69f00; color: black; border-radius: 4px; font-weight: bold; padding: 0 6px; }"));
    }
    m_live->setVisible(!live);
}

void TransportBar::retranslateUi()
{
    m_speedLabel->setText(tr("&Speed:"));
    m_speed->setToolTip(tr("How fast virtual time runs against the wall clock"));
    m_slider->setToolTip(tr("Virtual time: drag to look at any earlier moment"));
    m_slider->setAccessibleName(tr("Timeline"));
    refresh();
}

void TransportBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace ordinal::gui
