#pragma once

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QSlider;
class QToolButton;

namespace ordinal::gui {

class Session;

// The transport under the canvas: play/pause, step to the next event, back to live, the speed
// (0.25×–16×), a scrubber over virtual time from 0 to the present, the viewed and present
// times, and a notice while a past moment is shown (acting then branches history).
class TransportBar : public QWidget
{
    Q_OBJECT

public:
    TransportBar(Session *session, QAction *playAction, QAction *stepAction, QAction *liveAction,
                 QWidget *parent = nullptr);

    QSlider *scrubber() const { return m_slider; }
    QComboBox *speedBox() const { return m_speed; }
    void retranslateUi();

    static const QList<double> &speeds();

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void speedChanged(double speed);

    Session *m_session;
    QToolButton *m_play;
    QToolButton *m_step;
    QToolButton *m_live;
    QComboBox *m_speed;
    QSlider *m_slider;
    QLabel *m_time;
    QLabel *m_state;
    QLabel *m_speedLabel;
};

} // namespace ordinal::gui
