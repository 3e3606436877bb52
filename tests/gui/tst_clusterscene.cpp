// The canvas scene on its own: stable slots, placeholders, animations that stop, level of
// detail, presenter metrics.

#include "guitestutil.h"

#include "canvas/claimitem.h"
#include "canvas/clusterscene.h"
#include "canvas/nodeitem.h"
#include "canvas/poditem.h"
#include "canvas/serviceitem.h"
#include "canvas/waitingitem.h"
#include "session.h"

#include "cluster/store.h"

#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>

using namespace ordinal;
using namespace ordinal::gui;

class tst_ClusterScene : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::isolateSettings(); }
    void nodesAreShown();
    void identityKeepsItsSlot();
    void animationTimerStopsWhenStill();
    void pullProgressGrows();
    void progressOnlyResyncMatchesFullRead();
    void renderAtEveryLevelOfDetail_data();
    void renderAtEveryLevelOfDetail();
    void presenterIsLarger();
    void levelOfDetailThreshold_data();
    void levelOfDetailThreshold();
    void summaryFollowsPodState();
    void farCellsHaveNoGapLines();
    void nextOrdinalWaitsWithItsReason();
    void textContrastOverThePalette_data();
    void textContrastOverThePalette();
    void nodeDownShowsMissingHeartbeats();
    void unscheduledPodSaysWhy();
    void canaryShowsItsImage();
    void dnsRingHasALegend();
    void placeholderSaysWhyItWaits();

private:
    void applyWeb(Session &session);
};

void tst_ClusterScene::applyWeb(Session &session)
{
    QFile file(test::dataFile("web.yaml"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const core::ActionResult r = session.applyManifests({{QStringLiteral("web.yaml"), file.readAll()}});
    QVERIFY2(r.ok, qPrintable(r.error));
}

void tst_ClusterScene::nodesAreShown()
{
    Session session;
    session.pause();
    ClusterScene scene(&session);
    scene.setFollowSession(true);
    for (const QString &name : {QStringLiteral("control-plane"), QStringLiteral("node-1"),
                                QStringLiteral("node-2")}) {
        NodeItem *node = scene.nodeItem(name);
        QVERIFY2(node, qPrintable(name));
        QCOMPARE(node->display().readyStatus, QStringLiteral("True"));
    }
    QVERIFY(scene.nodeItem(QStringLiteral("control-plane"))->display().controlPlane);
    QVERIFY(scene.nodeItem(QStringLiteral("node-1"))->display().podCIDR.startsWith(QStringLiteral("10.244.")));
}

void tst_ClusterScene::identityKeepsItsSlot()
{
    Session session;
    session.pause();
    ClusterScene scene(&session);
    scene.setFollowSession(true);
    applyWeb(session);
    session.advanceUntilSettled();
    PodItem *web0 = scene.podItem(QStringLiteral("default/web-0"));
    QVERIFY(web0);
    const QPointF slot = web0->pos();
    const QString oldIp = web0->display().ip;

    session.runCommand(QStringLiteral("kubectl delete pod web-0 --wait=false"));
    session.advanceBy(3 * core::kSecond);
    // Gone from the store: the same item stays, as a placeholder with its disk.
    const core::Pod *pod = session.simulation().store().find<core::Pod>(QStringLiteral("default/web-0"));
    if (!pod) {
        QCOMPARE(scene.podItem(QStringLiteral("default/web-0")), web0);
        QVERIFY(!web0->display().exists);
    }
    ClaimItem *claim = scene.claimItem(QStringLiteral("default/www-web-0"));
    QVERIFY2(claim && claim->isVisible(), "the claim stays with the identity");
    session.advanceUntilSettled();
    QCOMPARE(scene.podItem(QStringLiteral("default/web-0")), web0);
    QCOMPARE(web0->pos(), slot);
    QVERIFY(web0->display().exists);
    QVERIFY(web0->display().ip != oldIp);
}

void tst_ClusterScene::animationTimerStopsWhenStill()
{
    Session session;
    session.pause();
    ClusterScene scene(&session);
    scene.setFollowSession(true);
    applyWeb(session);
    session.advanceBy(core::kSecond);
    QVERIFY2(scene.isAnimating(), "web-0 grows in");
    QTRY_VERIFY_WITH_TIMEOUT(!scene.isAnimating(), 3000);
    // Nothing moves: the timer is off, and stays off without changes.
    session.advanceBy(0);
    QVERIFY(!scene.isAnimating());
}

void tst_ClusterScene::pullProgressGrows()
{
    Session session;
    session.pause();
    ClusterScene scene(&session);
    scene.setFollowSession(true);
    applyWeb(session);
    session.advanceBy(2 * core::kSecond);
    const PodItem *web0 = scene.podItem(QStringLiteral("default/web-0"));
    QCOMPARE(web0->display().state, PodState::Creating);
    const double early = web0->display().progress;
    session.advanceBy(8 * core::kSecond);
    QVERIFY(web0->display().progress > early);
    QVERIFY(web0->display().pulling);
}

void tst_ClusterScene::progressOnlyResyncMatchesFullRead()
{
    // With the store unchanged, a sync only moves creating pods' progress: what they show must
    // equal a full read of the pod at that time, and the tooltip (no progress in it) stays.
    Session session;
    session.pause();
    applyWeb(session);
    session.advanceBy(2 * core::kSecond);
    const core::Store store = session.viewStore();
    const qint64 now = session.viewTime();
    ClusterScene scene(&session);
    scene.sync(store, now, false);
    const PodItem *web0 = scene.podItem(QStringLiteral("default/web-0"));
    QVERIFY(web0);
    QCOMPARE(web0->display().state, PodState::Creating);
    const QString tip = web0->toolTip();
    QVERIFY(!tip.isEmpty());
    const double early = web0->display().progress;
    const qint64 later = now + 5 * core::kSecond;
    scene.sync(store, later, false);
    QVERIFY(web0->display().progress > early);
    const core::Pod *pod = store.find<core::Pod>(QStringLiteral("default/web-0"));
    QVERIFY(pod);
    QCOMPARE(web0->display(), ClusterScene::podDisplay(*pod, store, &session, later));
    QCOMPARE(web0->toolTip(), tip);
}

void tst_ClusterScene::renderAtEveryLevelOfDetail_data()
{
    QTest::addColumn<qreal>("zoom");
    QTest::newRow("far") << 0.1;
    QTest::newRow("medium") << 0.45;
    QTest::newRow("natural") << 1.0;
    QTest::newRow("close") << 2.5;
}

void tst_ClusterScene::renderAtEveryLevelOfDetail()
{
    QFETCH(qreal, zoom);
    Session session;
    session.pause();
    ClusterScene scene(&session);
    scene.setFollowSession(true);
    applyWeb(session);
    session.advanceUntilSettled();
    scene.finishAnimations();
    const QRectF content = scene.contentRect();
    QImage image((content.size() * zoom).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    scene.render(&painter, QRectF(QPointF(0, 0), content.size() * zoom), content);
    painter.end();
    // The pod card's area is painted in every level of detail.
    const PodItem *web0 = scene.podItem(QStringLiteral("default/web-0"));
    const QPointF c = (web0->sceneBoundingRect().center() - content.topLeft()) * zoom;
    QVERIFY(qAlpha(image.pixel(c.toPoint())) > 0);
}

void tst_ClusterScene::presenterIsLarger()
{
    Session session;
    ClusterScene scene(&session);
    const qreal normal = scene.canvasStyle().podWidth;
    scene.setPresenter(true);
    QVERIFY(scene.canvasStyle().podWidth > normal);
    QVERIFY(scene.canvasStyle().nameFont.pixelSize() >= 24);
}

namespace {

// One Ready node with `pods` pods on it; `failed` of them (the first) crash-looping.
core::Store podsOnOneNode(int pods, int failed = 0)
{
    core::Store store;
    core::Node node;
    node.metadata.name = QStringLiteral("node-1");
    core::NodeCondition ready;
    ready.type = QStringLiteral("Ready");
    ready.status = QStringLiteral("True");
    node.conditions << ready;
    store.put(node, 0);
    for (int i = 0; i < pods; ++i) {
        core::Pod pod;
        pod.metadata.name = QStringLiteral("web-%1").arg(i);
        pod.metadata.namespaceName = QStringLiteral("default");
        pod.spec.nodeName = node.metadata.name;
        core::Container c;
        c.name = QStringLiteral("nginx");
        c.image = QStringLiteral("nginx:1.9.1");
        pod.spec.containers << c;
        pod.status.phase = i < failed ? core::PodPhase::Failed : core::PodPhase::Running;
        store.put(pod, 0);
    }
    if (failed > 0)
        store.put(node, 0); // a different resource version: the scene looks again
    return store;
}

} // namespace

void tst_ClusterScene::levelOfDetailThreshold_data()
{
    QTest::addColumn<int>("pods");
    QTest::addColumn<qreal>("zoom");
    QTest::addColumn<bool>("detailed");
    QTest::newRow("few-pods-medium") << 10 << 0.4 << true;
    QTest::newRow("few-pods-far") << 10 << 0.2 << false;
    QTest::newRow("many-pods-medium") << 300 << 0.4 << false;
    QTest::newRow("many-pods-natural") << 300 << 0.6 << true;
}

void tst_ClusterScene::levelOfDetailThreshold()
{
    QFETCH(int, pods);
    QFETCH(qreal, zoom);
    QFETCH(bool, detailed);
    ClusterScene scene(nullptr);
    scene.setAnimationsEnabled(false);
    scene.sync(podsOnOneNode(pods), 0, false);
    scene.setViewScale(zoom);
    QCOMPARE(scene.isDetailed(), detailed);
    NodeItem *node = scene.nodeItem(QStringLiteral("node-1"));
    QVERIFY2(node, "node-1");
    QCOMPARE(node->isSummary(), !detailed);
    const PodItem *web0 = scene.podItem(QStringLiteral("default/web-0"));
    QVERIFY2(web0, "default/web-0");
    QCOMPARE(NodeItem::of(web0), node);
    QVERIFY2(web0->isVisible() == detailed, "pod cards are shown exactly when detailed");
    // Hit tests find the card only while it is shown; otherwise the node.
    const CanvasItem *hit = scene.canvasItemAt(web0->sceneBoundingRect().center());
    QVERIFY2(hit, "something under web-0");
    QCOMPARE(hit->objectKind(), detailed ? QStringLiteral("Pod") : QStringLiteral("Node"));
}

void tst_ClusterScene::summaryFollowsPodState()
{
    // Zoomed out, a node draws its pods from a cached image: a state change must show.
    ClusterScene scene(nullptr);
    scene.setAnimationsEnabled(false);
    scene.sync(podsOnOneNode(300), 0, false);
    scene.setViewScale(0.05);
    QVERIFY(!scene.isDetailed());
    const PodItem *web0 = scene.podItem(QStringLiteral("default/web-0"));
    const QRectF content = scene.contentRect();
    const qreal zoom = 0.05;
    const auto colourAtWeb0 = [&] {
        QImage image((content.size() * zoom).toSize() + QSize(1, 1), QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        scene.render(&painter, QRectF(QPointF(0, 0), content.size() * zoom), content);
        painter.end();
        const QPointF c = (web0->sceneBoundingRect().center() - content.topLeft()) * zoom;
        return QColor(image.pixel(c.toPoint()));
    };
    const QColor ready = colourAtWeb0();
    QCOMPARE(ready, scene.canvasStyle().notReady); // Running without a Ready condition
    scene.sync(podsOnOneNode(300, 1), 0, false);
    QCOMPARE(web0->display().state, PodState::Failed);
    QCOMPARE(colourAtWeb0(), scene.canvasStyle().failed);
}

void tst_ClusterScene::farCellsHaveNoGapLines()
{
    // Far out, the gap between two pods is under a pixel: the summary image must not round it
    // to a 1-pixel line here and none there (irregular white lines over the whole cluster).
    ClusterScene scene(nullptr);
    scene.setAnimationsEnabled(false);
    scene.sync(podsOnOneNode(300), 0, false);
    const qreal zoom = 0.05;
    scene.setViewScale(zoom);
    QVERIFY(!scene.isDetailed());
    const QRectF content = scene.contentRect();
    QImage image((content.size() * zoom).toSize() + QSize(1, 1),
                 QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    scene.render(&painter, QRectF(QPointF(0, 0), content.size() * zoom), content);
    painter.end();
    const PodItem *web0 = scene.podItem(QStringLiteral("default/web-0"));
    const PodItem *web1 = scene.podItem(QStringLiteral("default/web-1"));
    QVERIFY(web0 && web1);
    QCOMPARE(web0->scenePos().y(), web1->scenePos().y()); // side by side
    const QPoint from = ((web0->sceneBoundingRect().center() - content.topLeft()) * zoom).toPoint();
    const QPoint to = ((web1->sceneBoundingRect().center() - content.topLeft()) * zoom).toPoint();
    const QColor expected = scene.canvasStyle().notReady;
    for (int x = from.x(); x <= to.x(); ++x) {
        const QColor c(image.pixel(x, from.y()));
        QVERIFY2(c == expected,
                 qPrintable(QStringLiteral("pixel %1,%2 between web-0 and web-1 is %3")
                                .arg(x)
                                .arg(from.y())
                                .arg(c.name())));
    }
}

void tst_ClusterScene::nextOrdinalWaitsWithItsReason()
{
    Session session;
    session.pause();
    ClusterScene scene(&session);
    scene.setAnimationsEnabled(false);
    scene.setFollowSession(true);
    applyWeb(session);
    // web-0 exists but is not Ready yet: OrderedReady holds web-1 back.
    session.advanceBy(core::kSecond);
    const QString web1 = QStringLiteral("default/web-1");
    QVERIFY2(scene.podItem(QStringLiteral("default/web-0")), "web-0 on the canvas");
    QVERIFY2(!scene.podItem(web1), "web-1 not created yet");
    const WaitingItem *waiting = scene.waitingItem(web1);
    QVERIFY2(waiting, "web-1 shown as waiting");
    QVERIFY(waiting->isVisible());
    // The reason is the controller's own last decision about web-1, not the canvas's.
    QString decided;
    const QList<core::Decision> &decisions = session.simulation().decisions();
    for (auto it = decisions.crbegin(); it != decisions.crend() && decided.isEmpty(); ++it) {
        if (it->subject == QLatin1String("web-1") && it->time <= session.viewTime())
            decided = it->message;
    }
    QVERIFY2(!decided.isEmpty(), "the controller decided about web-1");
    QCOMPARE(waiting->display().reason, decided);
    QVERIFY2(decided.contains(QLatin1String("web-0")), qPrintable(decided));
    QVERIFY(waiting->toolTip().contains(decided));
    // Beside the StatefulSet's card, in the top band.
    const StatefulSetItem *set = scene.statefulSetItem(QStringLiteral("default/web"));
    QVERIFY2(set, "default/web");
    QCOMPARE(waiting->pos().y(), set->pos().y());
    QVERIFY(waiting->pos().x() >= set->pos().x() + set->width());
    QVERIFY(scene.contentRect().contains(waiting->sceneBoundingRect()));

    // Once web-0 is Ready, web-1 is created and the placeholder goes.
    session.advanceUntilSettled();
    QVERIFY2(scene.podItem(web1), "web-1 created");
    QVERIFY2(!scene.waitingItem(web1), "no placeholder once web-1 exists");
}

void tst_ClusterScene::textContrastOverThePalette_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<bool>("presenter");
    QTest::newRow("light") << false << false;
    QTest::newRow("dark") << true << false;
    QTest::newRow("presenter-light") << false << true;
    QTest::newRow("presenter-dark") << true << true;
}

void tst_ClusterScene::textContrastOverThePalette()
{
    // WCAG AA for text, 4.5:1, for every word the canvas writes in a status colour.
    QFETCH(bool, dark);
    QFETCH(bool, presenter);
    QPalette palette;
    palette.setColor(QPalette::Window, dark ? QColor(0x20, 0x22, 0x26) : QColor(0xef, 0xf0, 0xf1));
    palette.setColor(QPalette::Highlight, dark ? QColor(0x3d, 0xae, 0xe9) : QColor(0x30, 0x8c, 0xc6));
    const CanvasStyle s = CanvasStyle::make(palette, presenter);
    QCOMPARE(s.dark, dark);
    const auto check = [](const QColor &fg, const QColor &bg, const char *what) {
        const qreal ratio = CanvasStyle::contrast(fg, bg);
        QVERIFY2(ratio >= CanvasStyle::kMinTextContrast,
                 qPrintable(QStringLiteral("%1: %2 on %3 is %4:1")
                                .arg(QLatin1String(what), fg.name(), bg.name())
                                .arg(ratio, 0, 'f', 2)));
    };
    const QList<QPair<PodState, const char *>> states = {
        {PodState::Pending, "Pending"},         {PodState::Creating, "ContainerCreating"},
        {PodState::Running, "Running"},         {PodState::Ready, "Ready"},
        {PodState::Terminating, "Terminating"}, {PodState::Failed, "Failed"},
        {PodState::Completed, "Completed"},     {PodState::Absent, "absent"}};
    for (const auto &[state, name] : states)
        check(PodItem::statusTextColor(s, state), PodItem::cardFill(s, state), name);
    // Node chips: outlined ("tainted", the role) and filled under white words (Ready, ...).
    for (const QColor &c : {s.ready, s.notReady, s.pending, s.failed, s.terminating, s.mutedText}) {
        check(s.textOnNode(c), s.nodeCard, "chip text on a node card");
        check(Qt::white, s.fillUnderWhite(c), "white on a chip");
    }
    check(s.text, s.card, "text");
    check(s.mutedText, s.card, "muted text");
    check(s.mutedText, s.nodeCard, "muted text on a node card");
    // The palette alone would fail: the adjustment is what passes.
    QVERIFY(CanvasStyle::contrast(s.notReady, s.nodeCard) < CanvasStyle::kMinTextContrast
            || dark);
}

namespace {
void run(Session &session, const QString &command, const QString &dir = {})
{
    const core::ConsoleOutput out = session.runCommand(command, dir);
    QVERIFY2(out.ok(), qPrintable(command + QLatin1Char('\n') + out.text));
}
} // namespace

void tst_ClusterScene::nodeDownShowsMissingHeartbeats()
{
    Session session;
    session.pause();
    ClusterScene scene(&session);
    scene.setFollowSession(true);
    applyWeb(session);
    session.advanceUntilSettled();
    const NodeItem *node = scene.nodeItem(QStringLiteral("node-1"));
    QVERIFY2(node, "node-1");
    QVERIFY(!node->display().heartbeatsMissing);
    run(session, QStringLiteral("sim node-down node-1"));
    // Still Ready in the API, but the card says the heartbeats stopped.
    QCOMPARE(node->display().readyStatus, QStringLiteral("True"));
    QVERIFY2(node->display().heartbeatsMissing, "node-1 marked right after sim node-down");
    QVERIFY2(node->toolTip().contains(QLatin1String("heartbeats missing")), qPrintable(node->toolTip()));
    run(session, QStringLiteral("sleep 1m"));
    QVERIFY(node->display().readyStatus != QLatin1String("True"));
    QVERIFY2(!node->display().heartbeatsMissing, "NotReady says it by itself");
    run(session, QStringLiteral("sim node-up node-1"));
    QVERIFY(!node->display().heartbeatsMissing);
}

void tst_ClusterScene::unscheduledPodSaysWhy()
{
    // The ZooKeeper example: zk-2 finds no node (anti-affinity, the control-plane taint).
    Session session;
    session.pause();
    ClusterScene scene(&session);
    scene.setFollowSession(true);
    run(session, QStringLiteral("kubectl apply -f zk.yaml"),
        QStringLiteral(":/content/examples/zookeeper"));
    session.advanceUntilSettled();
    const PodItem *zk2 = scene.podItem(QStringLiteral("default/zk-2"));
    QVERIFY2(zk2, "zk-2 on the canvas");
    QVERIFY(zk2->display().node.isEmpty());
    QString said;
    const QList<core::Decision> &decisions = session.simulation().decisions();
    for (auto it = decisions.crbegin(); it != decisions.crend() && said.isEmpty(); ++it) {
        if (it->subject == QLatin1String("zk-2") && it->controller == QLatin1String("default-scheduler"))
            said = it->message;
    }
    QVERIFY2(!said.isEmpty(), "the scheduler said why");
    QCOMPARE(zk2->display().schedulingReason, said);
    QVERIFY2(zk2->toolTip().contains(said), qPrintable(zk2->toolTip()));
    // Scheduled on a new node: the reason goes.
    run(session, QStringLiteral("kubectl apply -f node-3.yaml"),
        QStringLiteral(":/content/examples/zookeeper"));
    session.advanceUntilSettled();
    QCOMPARE(zk2->display().node, QStringLiteral("node-3"));
    QVERIFY(zk2->display().schedulingReason.isEmpty());
}

void tst_ClusterScene::canaryShowsItsImage()
{
    // The partition example: only web-2 gets the new image while the partition holds.
    Session session;
    session.pause();
    ClusterScene scene(&session);
    scene.setFollowSession(true);
    const QString dir = QStringLiteral(":/content/examples/partition");
    run(session, QStringLiteral("kubectl apply -f web.yaml"), dir);
    session.advanceUntilSettled();
    QVERIFY(!scene.podItem(QStringLiteral("default/web-0"))->display().updating);
    run(session, QStringLiteral("kubectl patch statefulset web -p "
                                "'{\"spec\":{\"updateStrategy\":{\"type\":\"RollingUpdate\","
                                "\"rollingUpdate\":{\"partition\":2}}}}'"), dir);
    run(session, QStringLiteral("kubectl set image statefulset/web nginx=registry.k8s.io/nginx-slim:0.8"), dir);
    session.advanceUntilSettled();
    const PodItem *web0 = scene.podItem(QStringLiteral("default/web-0"));
    const PodItem *web2 = scene.podItem(QStringLiteral("default/web-2"));
    QVERIFY(web0 && web2);
    QVERIFY2(web2->display().image.endsWith(QLatin1String(":0.8")), qPrintable(web2->display().image));
    QVERIFY2(!web0->display().image.endsWith(QLatin1String(":0.8")), qPrintable(web0->display().image));
    QVERIFY(web0->display().revision != web2->display().revision);
    QVERIFY2(web2->display().updating, "the set is between two revisions");
    QVERIFY2(web2->toolTip().contains(web2->display().image), qPrintable(web2->toolTip()));
}

void tst_ClusterScene::dnsRingHasALegend()
{
    Session session;
    session.pause();
    ClusterScene scene(&session);
    scene.setFollowSession(true);
    applyWeb(session);
    session.advanceUntilSettled();
    PodItem *web0 = scene.podItem(QStringLiteral("default/web-0"));
    QVERIFY(!web0->toolTip().contains(PodItem::highlightLegend()));
    session.setHighlightedPods({QStringLiteral("default/web-0")});
    QVERIFY(web0->isHighlighted());
    QVERIFY2(web0->toolTip().contains(PodItem::highlightLegend()), qPrintable(web0->toolTip()));
    session.setHighlightedPods({});
    QVERIFY(!web0->toolTip().contains(PodItem::highlightLegend()));
}

void tst_ClusterScene::placeholderSaysWhyItWaits()
{
    // The lesson's step 10: both pods deleted; web-0 comes back first, web-1's place waits.
    Session session;
    session.pause();
    ClusterScene scene(&session);
    scene.setAnimationsEnabled(false);
    scene.setFollowSession(true);
    applyWeb(session);
    session.advanceUntilSettled();
    const PodItem *web1 = scene.podItem(QStringLiteral("default/web-1"));
    QVERIFY(web1 && web1->display().waitingReason.isEmpty());
    run(session, QStringLiteral("kubectl delete pod -l app=nginx"));
    // Until web-1 is gone and web-0 is back but not Ready.
    const auto web0Back = [&] {
        const core::Pod *w0 = session.simulation().store().find<core::Pod>(QStringLiteral("default/web-0"));
        return !web1->display().exists && w0 && !w0->metadata.isTerminating() && !w0->isReady();
    };
    for (int i = 0; i < 600 && !web0Back(); ++i)
        session.advanceBy(100);
    QVERIFY2(web0Back(), "web-0 recreated, not Ready yet, web-1 absent");
    QString decided;
    const QList<core::Decision> &decisions = session.simulation().decisions();
    for (auto it = decisions.crbegin(); it != decisions.crend() && decided.isEmpty(); ++it) {
        if (it->subject == QLatin1String("web-1") && it->controller == QLatin1String("statefulset-controller"))
            decided = it->message;
    }
    QVERIFY2(decided.contains(QLatin1String("web-0")), qPrintable(decided));
    QCOMPARE(web1->display().waitingReason, decided);
    QVERIFY2(web1->toolTip().contains(decided), qPrintable(web1->toolTip()));
    // Back and Ready: nothing to explain.
    session.advanceUntilSettled();
    QVERIFY(web1->display().exists);
    QVERIFY(web1->display().waitingReason.isEmpty());
}

QTEST_MAIN(tst_ClusterScene)
#include "tst_clusterscene.moc"
