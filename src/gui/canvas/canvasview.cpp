#include "canvasview.h"

#include "canvasitem.h"
#include "clusterscene.h"
#include "session.h"

#include <QContextMenuEvent>
#include <QLabel>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace ordinal::gui {

namespace {
constexpr qreal kMinZoom = 0.01;
constexpr qreal kMaxZoom = 6.0;
} // namespace

CanvasView::CanvasView(ClusterScene *scene, Session *session, QWidget *parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene)
    , m_session(session)
    , m_emptyHint(new QLabel(this))
{
    setObjectName(QStringLiteral("canvasView"));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing
                   | QPainter::SmoothPixmapTransform);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setOptimizationFlags(QGraphicsView::DontSavePainterState);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setFrameShape(QFrame::NoFrame);
    // Panning is by dragging; scroll bars over a margin-padded scene only add noise.
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFocusPolicy(Qt::StrongFocus);
    // The scene's background fills every exposed area with an opaque colour: the viewport's own
    // background fill under it is a full-screen fill per frame that nobody sees.
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    // A child of the view, not of the viewport: viewport scrolls never move its pixels.
    m_emptyHint->setObjectName(QStringLiteral("emptyCanvasHint"));
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_emptyHint->setStyleSheet(QStringLiteral(
        "QLabel { background: palette(base); color: palette(text); border: 2px dashed palette(mid);"
        " border-radius: 12px; padding: 14px 22px; }"));
    QFont hintFont = m_emptyHint->font();
    hintFont.setPointSizeF(hintFont.pointSizeF() * 1.3);
    m_emptyHint->setFont(hintFont);
    updateEmptyHint();
    connect(scene, &ClusterScene::contentChanged, this, &CanvasView::contentChanged);
    connect(this, &CanvasView::zoomChanged, scene, &ClusterScene::setViewScale);
}

void CanvasView::setMaximumFitZoom(qreal zoom)
{
    m_maxFitZoom = zoom;
    if (m_autoFit)
        fitToContent();
}

void CanvasView::contentChanged()
{
    // A layout change moves many cards at once (the Service card takes the top band and every
    // node moves down). The region Qt repaints for such a change holds the cards' new places
    // but not always their old ones: over the opaque viewport, whose pixels are never cleared,
    // the cards then stay drawn where they were until something repaints the whole view. So a
    // layout change repaints the viewport whole; animation frames keep their small updates.
    viewport()->update();
    if (m_autoFit)
        fitToContent();
    updateEmptyHint();
}

void CanvasView::updateEmptyHint()
{
    m_emptyHint->setText(tr("Drop a StatefulSet and Service YAML here, or press Start Lesson in the "
                            "Lesson panel to follow the lesson."));
    m_emptyHint->setVisible(!m_scene->hasWorkload());
    placeEmptyHint();
}

void CanvasView::placeEmptyHint()
{
    // Across the top of the view, where the Service and StatefulSet cards will appear.
    const QRect room = viewport()->geometry();
    const int width = std::min(room.width() - 40, m_emptyHint->fontMetrics().averageCharWidth() * 64);
    if (width <= 0)
        return;
    const int height = m_emptyHint->heightForWidth(width);
    m_emptyHint->setGeometry(room.left() + (room.width() - width) / 2, room.top() + 24, width,
                             height > 0 ? height : m_emptyHint->sizeHint().height());
}

void CanvasView::changeEvent(QEvent *event)
{
    QGraphicsView::changeEvent(event);
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange
        || event->type() == QEvent::PaletteChange)
        updateEmptyHint();
}

void CanvasView::setZoom(qreal zoom)
{
    zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    setTransform(QTransform::fromScale(zoom, zoom));
    Q_EMIT zoomChanged(zoom);
}

void CanvasView::zoomBy(qreal factor, const QPointF &anchorViewPos)
{
    const qreal target = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
    if (qFuzzyCompare(target, zoom()))
        return;
    m_autoFit = false;
    const QPointF before = mapToScene(anchorViewPos.toPoint());
    setTransform(QTransform::fromScale(target, target));
    const QPointF after = mapToScene(anchorViewPos.toPoint());
    const QPointF delta = (after - before) * target;
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() - int(std::lround(delta.x())));
    verticalScrollBar()->setValue(verticalScrollBar()->value() - int(std::lround(delta.y())));
    Q_EMIT zoomChanged(target);
}

void CanvasView::zoomIn()
{
    zoomBy(1.25, viewport()->rect().center());
}

void CanvasView::zoomOut()
{
    zoomBy(0.8, viewport()->rect().center());
}

void CanvasView::resetZoom()
{
    m_autoFit = false;
    setZoom(1.0);
    centerOn(m_scene->contentRect().center());
}

void CanvasView::fitToContent()
{
    m_autoFit = true;
    const QRectF content = m_scene->contentRect();
    const QSizeF room = viewport()->size();
    if (room.isEmpty())
        return;
    const qreal z = std::clamp(std::min(room.width() / content.width(), room.height() / content.height()),
                               kMinZoom, m_maxFitZoom);
    setTransform(QTransform::fromScale(z, z));
    centerOn(content.center());
    Q_EMIT zoomChanged(z);
}

void CanvasView::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    if (delta.y() == 0 || (event->modifiers() & Qt::ShiftModifier)) {
        QGraphicsView::wheelEvent(event); // horizontal scroll / shift pans
        return;
    }
    zoomBy(std::pow(1.0015, delta.y()), event->position());
    event->accept();
}

void CanvasView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        if (CanvasItem *item = m_scene->canvasItemAt(mapToScene(event->pos()))) {
            m_session->select(item->objectKind(), item->key());
            event->accept();
            return;
        }
    }
    QGraphicsView::mousePressEvent(event);
}

void CanvasView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (!m_scene->canvasItemAt(mapToScene(event->pos()))) {
        fitToContent();
        event->accept();
        return;
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void CanvasView::contextMenuEvent(QContextMenuEvent *event)
{
    CanvasItem *item = m_scene->canvasItemAt(mapToScene(event->pos()));
    if (item)
        m_session->select(item->objectKind(), item->key());
    Q_EMIT contextMenuRequested(item ? item->objectKind() : QString(), item ? item->key() : QString(),
                                event->globalPos());
    event->accept();
}

void CanvasView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    placeEmptyHint();
    if (m_autoFit)
        fitToContent();
}

void CanvasView::showEvent(QShowEvent *event)
{
    QGraphicsView::showEvent(event);
    if (m_autoFit)
        fitToContent();
}

} // namespace ordinal::gui
