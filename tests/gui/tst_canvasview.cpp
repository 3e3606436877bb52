// The canvas as the screen shows it: after items move (a layout change), what the window's
// partial updates left in its backing store must equal a full repaint of the same moment.

#include "guitestutil.h"

#include "canvas/canvasview.h"
#include "canvas/clusterscene.h"
#include "canvas/nodeitem.h"
#include "canvas/serviceitem.h"
#include "session.h"

#include <QDir>
#include <QLabel>
#include <QImage>
#include <QScreen>
#include <QTest>
#include <QVBoxLayout>
#include <QWindow>

using namespace ordinal;
using namespace ordinal::gui;

class tst_CanvasView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::isolateSettings(); }
    void movedItemsLeaveNoStalePaint_data();
    void movedItemsLeaveNoStalePaint();
    void presenterTextSizeOnAProjector();
};

namespace {

// What the screen shows of a widget: the top-level window's backing store, where only the
// regions the widget asked to update were painted again.
QImage shownOnScreen(QWidget *widget)
{
    QWidget *top = widget->window();
    const QPoint at = widget->mapTo(top, QPoint(0, 0));
    QScreen *screen = top->windowHandle()->screen();
    return screen->grabWindow(top->winId(), at.x(), at.y(), widget->width(), widget->height())
        .toImage()
        .convertToFormat(QImage::Format_RGB32);
}

// The same widget painted anew as a whole.
QImage repaintedWhole(QWidget *widget)
{
    return widget->grab().toImage().convertToFormat(QImage::Format_RGB32);
}

// Pixels whose colour differs by more than antialiasing noise.
int differingPixels(const QImage &a, const QImage &b)
{
    if (a.size() != b.size())
        return a.width() * a.height();
    int n = 0;
    for (int y = 0; y < a.height(); ++y) {
        const auto *la = reinterpret_cast<const QRgb *>(a.constScanLine(y));
        const auto *lb = reinterpret_cast<const QRgb *>(b.constScanLine(y));
        for (int x = 0; x < a.width(); ++x) {
            const int d = std::abs(qRed(la[x]) - qRed(lb[x])) + std::abs(qGreen(la[x]) - qGreen(lb[x]))
                + std::abs(qBlue(la[x]) - qBlue(lb[x]));
            if (d > 24)
                ++n;
        }
    }
    return n;
}

} // namespace

void tst_CanvasView::movedItemsLeaveNoStalePaint_data()
{
    QTest::addColumn<bool>("presenter");
    QTest::addColumn<bool>("animate");
    QTest::newRow("service-moves-nodes-down") << false << true;
    QTest::newRow("service-moves-nodes-down-no-animation") << false << false;
    QTest::newRow("presenter-service-moves-nodes-down") << true << true;
}

void tst_CanvasView::movedItemsLeaveNoStalePaint()
{
    QFETCH(bool, presenter);
    QFETCH(bool, animate);
    Session session;
    session.pause();
    ClusterScene scene(&session);
    scene.setAnimationsEnabled(animate);
    scene.setPresenter(presenter);
    scene.setFollowSession(true);
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *view = new CanvasView(&scene, &session, &window);
    layout->addWidget(view);
    window.resize(1600, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QWidget *viewport = view->viewport();
    // The first-launch hint overlaps the viewport, and an overlapped widget is never scrolled
    // by copying its pixels: out of the way, the view takes its fast paths as it would later.
    view->emptyHint()->hide();
    QCoreApplication::processEvents(); // the first frame is on screen
    NodeItem *node1 = scene.nodeItem(QStringLiteral("node-1"));
    QVERIFY2(node1, "node-1");
    const QPointF before = node1->scenePos();

    // The lesson's first step: the Service card takes the top band and the nodes move down.
    const core::ConsoleOutput out
        = session.runCommand(QStringLiteral("kubectl create -f seed-svc.yaml"),
                             QStringLiteral(":/lessons/topology"));
    QVERIFY2(out.ok(), qPrintable(out.text));
    QVERIFY2(scene.serviceItem(QStringLiteral("default/nginx")), "the Service card default/nginx");
    QVERIFY2(node1->scenePos().y() > before.y(), "node-1 moved down under the Service card");

    // Updates are painted as the event loop runs; stale paint would never go away.
    QTRY_VERIFY(!scene.isAnimating());
    int diff = -1;
    const bool same = QTest::qWaitFor(
        [&] { return (diff = differingPixels(shownOnScreen(viewport), repaintedWhole(viewport))) == 0; },
        3000);
    if (!same) {
        const QString dir = QDir::temp().filePath(QStringLiteral("tst_canvasview"));
        QDir().mkpath(dir);
        shownOnScreen(viewport).save(dir + QStringLiteral("/shown.png"));
        repaintedWhole(viewport).save(dir + QStringLiteral("/repainted.png"));
    }
    QVERIFY2(diff == 0, qPrintable(QStringLiteral("%1 pixels on screen differ from a full repaint "
                                                  "after node-1 moved (images in %2)")
                                       .arg(diff)
                                       .arg(QDir::temp().filePath(QStringLiteral("tst_canvasview")))));
}

void tst_CanvasView::presenterTextSizeOnAProjector()
{
    // The lesson settled, presenter mode, the canvas alone on a 1080p projector: the ordinal,
    // the IP and the status line are at least 28 px high on the screen.
    Session session;
    session.pause();
    ClusterScene scene(&session);
    scene.setAnimationsEnabled(false);
    scene.setPresenter(true);
    scene.setFollowSession(true);
    for (const char *file : {"seed-svc.yaml", "seed-statefulset.yaml"}) {
        const core::ConsoleOutput out = session.runCommand(
            QStringLiteral("kubectl create -f %1").arg(QLatin1String(file)), QStringLiteral(":/lessons/topology"));
        QVERIFY2(out.ok(), qPrintable(out.text));
    }
    session.advanceUntilSettled();
    CanvasView view(&scene, &session);
    view.setMaximumFitZoom(2.0); // as MainWindow::setPresenterMode
    view.resize(1920, 1080);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.fitToContent();
    const qreal zoom = view.zoom();
    const CanvasStyle &s = scene.canvasStyle();
    const auto onScreen = [zoom](const QFont &font) { return font.pixelSize() * zoom; };
    QVERIFY2(onScreen(s.ordinalFont) >= 28, qPrintable(QString::number(onScreen(s.ordinalFont))));
    QVERIFY2(onScreen(s.monoFont) >= 28, qPrintable(QStringLiteral("IP %1 px at zoom %2")
                                                         .arg(onScreen(s.monoFont)).arg(zoom)));
    QVERIFY2(onScreen(s.bodyFont) >= 28, qPrintable(QStringLiteral("status %1 px at zoom %2")
                                                         .arg(onScreen(s.bodyFont)).arg(zoom)));
    // And the canvas uses the screen: the content spans most of its width or its height.
    const QRect content = view.mapFromScene(scene.contentRect()).boundingRect();
    QVERIFY2(content.width() >= 0.85 * 1920 || content.height() >= 0.85 * 1080,
             qPrintable(QStringLiteral("content %1x%2").arg(content.width()).arg(content.height())));
}

QTEST_MAIN(tst_CanvasView)
#include "tst_canvasview.moc"
