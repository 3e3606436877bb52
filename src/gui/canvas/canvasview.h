#pragma once

#include <QGraphicsView>

class QLabel;

namespace ordinal::gui {

class ClusterScene;
class Session;

// The view on the node canvas: wheel and keyboard zoom anchored under the mouse, panning by
// dragging the background, fit-to-content (kept while the user has not zoomed by hand), a click
// selects an object in the session, a right click asks for the object's context menu.
class CanvasView : public QGraphicsView
{
    Q_OBJECT

public:
    CanvasView(ClusterScene *scene, Session *session, QWidget *parent = nullptr);

    ClusterScene *clusterScene() const { return m_scene; }
    qreal zoom() const { return transform().m11(); }
    bool autoFit() const { return m_autoFit; }
    // Largest zoom fitting the content never exceeds this (1 = natural size).
    void setMaximumFitZoom(qreal zoom);
    // The hint shown while the canvas has no workload (what to do first).
    QLabel *emptyHint() const { return m_emptyHint; }

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void resetZoom();
    void fitToContent();
    void setZoom(qreal zoom);

Q_SIGNALS:
    // Right click on an object (kind and key; empty kind for the background).
    void contextMenuRequested(const QString &kind, const QString &key, const QPoint &globalPos);
    // The zoom factor changed.
    void zoomChanged(qreal zoom);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void zoomBy(qreal factor, const QPointF &anchorViewPos);
    void contentChanged();
    void updateEmptyHint();
    void placeEmptyHint();

    ClusterScene *m_scene;
    Session *m_session;
    bool m_autoFit = true;
    qreal m_maxFitZoom = 1.25;
    QLabel *m_emptyHint;
};

} // namespace ordinal::gui
