#pragma once

#include <QByteArray>
#include <QFont>
#include <QObject>

class QFrame;
class QLabel;
class QWidget;

namespace ordinal::gui {

class ActionHandler;
class CanvasView;
class ClusterScene;
class DnsPanel;
class LessonPanel;
class MainWindow;
class Session;

// View ▸ Presenter Mode, for a projector: full screen without menus, toolbar, status bar or
// docks, large type in a high-contrast palette on the side of the system theme, a slower
// speed, and a strip under the canvas with the lesson step's caption and the DNS answer (with
// the one before it). Leaving restores the layout, speed and window state it found.
class PresenterMode : public QObject
{
    Q_OBJECT

public:
    // The strip is made a child of stripParent; the window places it.
    PresenterMode(MainWindow *window, Session *session, ClusterScene *scene, CanvasView *view,
                  ActionHandler *actions, QWidget *stripParent);

    // What the strip shows.
    void setPanels(LessonPanel *lesson, DnsPanel *dns);
    bool isOn() const { return m_on; }
    void setOn(bool on);
    QFrame *strip() const { return m_strip; }
    void updateStrip();

private:
    void applyPalette(bool on);

    MainWindow *m_window;
    Session *m_session;
    ClusterScene *m_scene;
    CanvasView *m_view;
    ActionHandler *m_actions;
    LessonPanel *m_lessonPanel = nullptr;
    DnsPanel *m_dnsPanel = nullptr;
    // The current step's caption and the DNS answer, large, under the canvas.
    QFrame *m_strip;
    QLabel *m_captionLabel;
    QLabel *m_dnsLabel;

    bool m_on = false;
    QByteArray m_stateBefore;
    bool m_wasMaximized = false;
    double m_speedBefore = 1.0;
    QFont m_fontBefore;
};

} // namespace ordinal::gui
