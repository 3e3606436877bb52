#pragma once

#include "sim/simulation.h"

#include <QObject>
#include <QRectF>
#include <QSize>

#include <memory>

class QPainter;

namespace ordinal::gui {

class ActionHandler;
class ClusterScene;
class MainWindow;
class Session;

// File ▸ Export: the canvas at the viewed moment as PNG or SVG, and a frame sequence of a
// stretch of history. Each export draws a scene of its own, so the window's canvas (its
// selection, highlights and running animations) is neither shown nor disturbed.
class CanvasExport : public QObject
{
    Q_OBJECT

public:
    CanvasExport(MainWindow *window, Session *session, ClusterScene *scene, ActionHandler *actions);

    bool exportPng(const QString &path, qreal scale = 2.0);
    bool exportSvg(const QString &path);
    // One PNG per `step` of virtual time in [from, to], from the simulation's history.
    bool exportFrames(const QString &folder, core::Millis from, core::Millis to, core::Millis step,
                      const QSize &size, bool presenterStyle, QString *error);

private:
    void exportPngDialog();
    void exportSvgDialog();
    void exportFramesDialog();
    std::unique_ptr<ClusterScene> snapshotScene() const;
    static void renderContent(ClusterScene *scene, QPainter *painter, const QRectF &target);

    MainWindow *m_window;
    Session *m_session;
    ClusterScene *m_scene;
};

} // namespace ordinal::gui
