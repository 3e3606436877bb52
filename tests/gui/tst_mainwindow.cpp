// The main window end to end: files dropped on it, the canvas following the simulation,
// actions from the context menu (and their undo), scrubbing, invalid input, language switch,
// presenter mode and export.

#include "guitestutil.h"

#include "canvas/canvasview.h"
#include "canvas/claimitem.h"
#include "canvas/serviceitem.h"
#include "canvas/clusterscene.h"
#include "canvas/poditem.h"
#include "mainwindow.h"
#include "panels/dnspanel.h"
#include "panels/lessonpanel.h"
#include "messagebanner.h"
#include "dropoverlay.h"
#include "session.h"
#include "timeline/transportbar.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFrame>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QMenuBar>
#include <QMimeData>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QUndoStack>
#include <QUrl>

#include <memory>

using namespace ordinal;
using namespace ordinal::gui;

namespace {

const QString kWeb0 = QStringLiteral("default/web-0");
const QString kWeb1 = QStringLiteral("default/web-1");

// Translates a few of the main window's strings, to see the UI follow a language change
// without depending on the compiled .qm of the application.
class FakeTranslator : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText, const char *,
                      int) const override
    {
        const QByteArray ctx(context);
        const QByteArray src(sourceText);
        if (ctx == "ordinal::gui::MainWindow" && src == "&File")
            return QStringLiteral("文件(&F)");
        if (ctx == "ordinal::gui::ActionHandler" && src == "&Delete Pod")
            return QStringLiteral("删除 Pod(&D)");
        if (ctx == "ordinal::gui::TransportBar" && src == "LIVE")
            return QStringLiteral("实时");
        return {};
    }
};

} // namespace

namespace {

// Answers the next modal message box with `button`; *text receives its question.
void answerNextMessageBox(QMessageBox::StandardButton button, QString *text)
{
    QTimer::singleShot(0, qApp, [button, text] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        *text = box->text();
        box->button(button)->click();
    });
}

} // namespace

class tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void dropLoadsManifests();
    void dragShowsHighlight();
    void canvasShowsWeb0BeforeWeb1();
    void deletePodFromContextMenu();
    void undoDeletePod();
    void scrubbingBackShowsOldIp();
    void actingInThePastBranches();
    void invalidDropLeavesStateUnchanged_data();
    void invalidDropLeavesStateUnchanged();
    void languageSwitchRetranslates();
    void presenterMode();
    void exportPngAndSvg();
    void exportFrames();
    void exportsShowTheClusterNotTheUi();
    void scaleThroughAction();
    void nodeActions();
    void quitAsksWithUnsavedChanges();
    void failedReloadSaysClusterWasReset();
    void firstLaunchExplains();
    void presenterStripShowsStepAndDns();

private:
    void drop(const QStringList &files);
    void loadWeb();
    QString podIp(const QString &key) const;

    std::unique_ptr<Session> m_session;
    std::unique_ptr<MainWindow> m_window;
};

void tst_MainWindow::initTestCase()
{
    test::isolateSettings();
}

void tst_MainWindow::init()
{
    m_session = std::make_unique<Session>();
    m_session->pause();
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_MainWindow::cleanup()
{
    m_window.reset();
    m_session.reset();
}

void tst_MainWindow::drop(const QStringList &files)
{
    QList<QUrl> urls;
    for (const QString &f : files)
        urls << QUrl::fromLocalFile(f);
    QMimeData mime;
    mime.setUrls(urls);
    const QPoint pos = m_window->rect().center();
    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent dropEvent(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_window.get(), &dropEvent);
}

void tst_MainWindow::loadWeb()
{
    drop({test::dataFile("web.yaml")});
}

QString tst_MainWindow::podIp(const QString &key) const
{
    const PodItem *item = m_window->scene()->podItem(key);
    return item ? item->display().ip : QString();
}

void tst_MainWindow::dropLoadsManifests()
{
    QSignalSpy opened(m_window.get(), &MainWindow::filesOpened);
    loadWeb();
    QCOMPARE(opened.size(), 1);
    const core::Store &store = m_session->simulation().store();
    QVERIFY2(store.find<core::StatefulSet>(QStringLiteral("default/web")), "statefulset web");
    QVERIFY2(store.find<core::Service>(QStringLiteral("default/nginx")), "service nginx");
    QVERIFY(m_window->lastError().isEmpty());
    QVERIFY(m_window->scene()->statefulSetItem(QStringLiteral("default/web")));
    QVERIFY(m_window->scene()->serviceItem(QStringLiteral("default/nginx")));
    // The apply is in the scenario log, with the file's text.
    QCOMPARE(m_window->scenarioLog().steps().size(), 1);
    QCOMPARE(m_window->scenarioLog().steps().first().files.first().first, QStringLiteral("web.yaml"));
}

void tst_MainWindow::dragShowsHighlight()
{
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(test::dataFile("web.yaml"))});
    QDragEnterEvent enter(m_window->rect().center(), Qt::CopyAction, &mime, Qt::LeftButton,
                          Qt::NoModifier);
    QCoreApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QVERIFY2(m_window->dropOverlay()->isVisible(), "drop highlight while dragging");
    QDragLeaveEvent leave;
    QCoreApplication::sendEvent(m_window.get(), &leave);
    QVERIFY(!m_window->dropOverlay()->isVisible());

    // Text without files is not accepted.
    QMimeData text;
    text.setText(QStringLiteral("hello"));
    QDragEnterEvent textEnter(m_window->rect().center(), Qt::CopyAction, &text, Qt::LeftButton,
                              Qt::NoModifier);
    QCoreApplication::sendEvent(m_window.get(), &textEnter);
    QVERIFY(!textEnter.isAccepted());
    QVERIFY(!m_window->dropOverlay()->isVisible());
}

void tst_MainWindow::canvasShowsWeb0BeforeWeb1()
{
    loadWeb();
    m_session->advanceBy(core::kSecond);
    ClusterScene *scene = m_window->scene();
    QVERIFY2(scene->podItem(kWeb0), "web-0 on the canvas after 1s");
    QVERIFY(scene->podItem(kWeb0)->display().exists);
    QVERIFY2(!scene->podItem(kWeb1), "web-1 must wait for web-0 (OrderedReady)");
    // While the image is pulled the card shows progress.
    m_session->advanceBy(5 * core::kSecond);
    QCOMPARE(scene->podItem(kWeb0)->display().state, PodState::Creating);
    QVERIFY(scene->podItem(kWeb0)->display().progress > 0);

    m_session->advanceUntilSettled();
    QVERIFY2(scene->podItem(kWeb1) && scene->podItem(kWeb1)->display().exists, "web-1 after settling");
    QCOMPARE(scene->podItem(kWeb0)->display().state, PodState::Ready);
    QCOMPARE(scene->podItem(kWeb1)->display().state, PodState::Ready);
    // Ordered slots: web-0 and web-1 on their nodes, the Service publishing both.
    QCOMPARE(scene->serviceItem(QStringLiteral("default/nginx"))->targetCount(), 2);
    QVERIFY(scene->claimItem(QStringLiteral("default/www-web-0")));
}

void tst_MainWindow::deletePodFromContextMenu()
{
    loadWeb();
    m_session->advanceUntilSettled();
    const QString oldIp = podIp(kWeb0);
    QVERIFY(!oldIp.isEmpty());
    const QPointF slot = m_window->scene()->podItem(kWeb0)->pos();

    QMenu *menu = m_window->contextMenuFor(QStringLiteral("Pod"), kWeb0);
    QAction *del = nullptr;
    for (QAction *a : menu->actions()) {
        if (a->objectName() == QLatin1String("deletePodAction"))
            del = a;
    }
    QVERIFY2(del, "the pod's context menu has Delete Pod");
    QVERIFY(del->isEnabled());
    del->trigger();

    const core::Pod *pod = m_session->simulation().store().find<core::Pod>(kWeb0);
    QVERIFY2(pod && pod->metadata.isTerminating(), "web-0 terminating after Delete");
    QCOMPARE(m_window->scene()->podItem(kWeb0)->display().state, PodState::Terminating);
    QCOMPARE(m_window->undoStack()->count(), 2); // the apply of web.yaml, then the delete

    m_session->advanceUntilSettled();
    const QString newIp = podIp(kWeb0);
    QVERIFY2(!newIp.isEmpty() && newIp != oldIp, qPrintable(oldIp + QStringLiteral(" -> ") + newIp));
    // The identity came back in its slot, and the change of address is shown.
    QCOMPARE(m_window->scene()->podItem(kWeb0)->pos(), slot);
    QCOMPARE(m_window->scene()->podItem(kWeb0)->previousIp(), oldIp);
    // The action is in the scenario as a command.
    QVERIFY(m_window->scenarioLog().steps().last().command.startsWith(
        QStringLiteral("kubectl delete pod web-0")));
}

void tst_MainWindow::undoDeletePod()
{
    loadWeb();
    m_session->advanceUntilSettled();
    const qsizetype actions = m_session->simulation().actionCount();
    const QString ip = podIp(kWeb0);
    QVERIFY(m_window->deletePod(kWeb0, false));
    QCOMPARE(m_session->simulation().actionCount(), actions + 1);
    m_window->action(QStringLiteral("undoAction"))->trigger();
    QCOMPARE(m_session->simulation().actionCount(), actions);
    const core::Pod *pod = m_session->simulation().store().find<core::Pod>(kWeb0);
    QVERIFY2(pod && !pod->metadata.isTerminating(), "web-0 back after undo");
    QCOMPARE(podIp(kWeb0), ip);
    m_window->action(QStringLiteral("redoAction"))->trigger();
    QVERIFY(m_session->simulation().store().find<core::Pod>(kWeb0)->metadata.isTerminating());
}

void tst_MainWindow::scrubbingBackShowsOldIp()
{
    loadWeb();
    m_session->advanceUntilSettled();
    const QString oldIp = podIp(kWeb0);
    const core::Millis before = m_session->now();
    m_window->deletePod(kWeb0, false);
    m_session->advanceUntilSettled();
    const QString newIp = podIp(kWeb0);
    QVERIFY(newIp != oldIp);

    // Drag the scrubber back to before the deletion.
    QSlider *slider = m_window->transportBar()->scrubber();
    slider->setSliderPosition(int(before / 100));
    slider->triggerAction(QAbstractSlider::SliderMove);
    QVERIFY(!m_session->isLive());
    QCOMPARE(podIp(kWeb0), oldIp);
    auto *state = m_window->transportBar()->findChild<QLabel *>(QStringLiteral("liveState"));
    QVERIFY(state && state->text().contains(QStringLiteral("PAST")));

    // And forward again to the present.
    slider->setSliderPosition(slider->maximum());
    slider->triggerAction(QAbstractSlider::SliderMove);
    QVERIFY(m_session->isLive());
    QCOMPARE(podIp(kWeb0), newIp);
}

void tst_MainWindow::actingInThePastBranches()
{
    loadWeb();
    m_session->advanceUntilSettled();
    m_session->advanceBy(30 * core::kSecond);
    const core::Millis end = m_session->now();
    m_session->setViewTime(end - 20 * core::kSecond);
    QSignalSpy branched(m_session.get(), &Session::historyBranched);
    QVERIFY(m_window->crashPod(kWeb1));
    QCOMPARE(branched.size(), 1);
    QVERIFY(m_window->banner()->isVisible());
    QCOMPARE(m_window->banner()->kind(), MessageBanner::Kind::Warning);
    QVERIFY(m_session->now() < end);
}

void tst_MainWindow::invalidDropLeavesStateUnchanged_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("position");
    QTest::newRow("yaml-syntax") << QStringLiteral("bad.yaml") << QStringLiteral("bad.yaml:7:");
    QTest::newRow("wrong-type") << QStringLiteral("bad-replicas.yaml") << QStringLiteral("bad-replicas.yaml:7:");
}

void tst_MainWindow::invalidDropLeavesStateUnchanged()
{
    QFETCH(QString, file);
    QFETCH(QString, position);
    loadWeb();
    m_session->advanceUntilSettled();
    const qint64 version = m_session->simulation().store().resourceVersion();
    const qsizetype actions = m_session->simulation().actionCount();
    const QString ip = podIp(kWeb0);

    // The bad file together with a good one: nothing of either is applied.
    drop({test::dataFile("web.yaml"), QStringLiteral(ORDINAL_TEST_DATA "/") + file});
    QVERIFY2(m_window->lastError().contains(position), qPrintable(m_window->lastError()));
    QVERIFY(m_window->banner()->isVisible());
    QCOMPARE(m_window->banner()->kind(), MessageBanner::Kind::Error);
    QVERIFY(m_window->banner()->text().contains(position));
    QCOMPARE(m_session->simulation().store().resourceVersion(), version);
    QCOMPARE(m_session->simulation().actionCount(), actions);
    QCOMPARE(podIp(kWeb0), ip);
}

void tst_MainWindow::languageSwitchRetranslates()
{
    QMenu *file = m_window->menuBar()->findChild<QMenu *>(QStringLiteral("fileMenu"));
    QVERIFY(file);
    QCOMPARE(file->title(), QStringLiteral("&File"));
    auto *state = m_window->transportBar()->findChild<QLabel *>(QStringLiteral("liveState"));
    QCOMPARE(state->text(), QStringLiteral("LIVE"));

    FakeTranslator translator;
    QCoreApplication::installTranslator(&translator);
    // LanguageChange is posted: the window retranslates on the next event loop turn.
    QTRY_COMPARE(file->title(), QStringLiteral("文件(&F)"));
    QCOMPARE(m_window->action(QStringLiteral("deletePodAction"))->text(), QStringLiteral("删除 Pod(&D)"));
    QCOMPARE(state->text(), QStringLiteral("实时"));

    QCoreApplication::removeTranslator(&translator);
    QTRY_COMPARE(file->title(), QStringLiteral("&File"));

    // English from the menu: no translator needed, the texts stay English.
    m_window->action(QStringLiteral("languageEnglishAction"))->trigger();
    QCOMPARE(m_window->language(), QStringLiteral("en"));
    QVERIFY(m_window->action(QStringLiteral("languageEnglishAction"))->isChecked());
    QCOMPARE(file->title(), QStringLiteral("&File"));
}

void tst_MainWindow::presenterMode()
{
    loadWeb();
    m_session->advanceUntilSettled();
    m_session->setSpeed(2);
    m_window->action(QStringLiteral("presenterAction"))->trigger();
    QVERIFY(m_window->isPresenterMode());
    QVERIFY(!m_window->menuBar()->isVisible());
    // Pod names at least 18 pt at 96 dpi (24 px) at natural size.
    QVERIFY(m_window->scene()->canvasStyle().nameFont.pixelSize() >= 24);
    QVERIFY(m_window->scene()->canvasStyle().ordinalFont.pixelSize() >= 24);
    QVERIFY(m_session->speed() < 1);
    m_window->setPresenterMode(false);
    QVERIFY(!m_window->isPresenterMode());
    QVERIFY(m_window->menuBar()->isVisible());
    QCOMPARE(m_session->speed(), 2.0);
}

void tst_MainWindow::exportPngAndSvg()
{
    loadWeb();
    m_session->advanceUntilSettled();
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("canvas.png"));
    const QString svg = dir.filePath(QStringLiteral("canvas.svg"));
    QVERIFY(m_window->exportPng(png, 1.0));
    QVERIFY(m_window->exportSvg(svg));
    QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 400);
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("<svg"));
    QVERIFY2(text.contains("web-"), "the SVG carries the pod names as text");
    // Shapes, not pixels: a pod card's chrome is no embedded image (no blocks at its corners).
    QVERIFY2(!text.contains("<image"), "no raster images in the SVG");
}

void tst_MainWindow::exportsShowTheClusterNotTheUi()
{
    loadWeb();
    m_session->advanceUntilSettled();
    QTemporaryDir dir;
    const QString plain = dir.filePath(QStringLiteral("plain.png"));
    const QString marked = dir.filePath(QStringLiteral("marked.png"));
    QVERIFY(m_window->exportPng(plain, 1.0));
    // Selected, and tracked by the DNS panel: rings on the canvas, none in the export.
    m_session->select(QStringLiteral("Pod"), kWeb0);
    m_session->setHighlightedPods({kWeb0});
    QVERIFY(m_window->scene()->podItem(kWeb0)->isSelectedKey());
    QVERIFY(m_window->scene()->podItem(kWeb0)->isHighlighted());
    QVERIFY(m_window->exportPng(marked, 1.0));
    QCOMPARE(QImage(marked), QImage(plain));

    // Frames: the picture is centred in the frame, not squeezed into its top half.
    QString error;
    QVERIFY2(m_window->exportFrames(dir.path(), 0, 0, 1, QSize(640, 640), false, &error),
             qPrintable(error));
    const QImage frame(dir.filePath(QStringLiteral("frame-00000.png")));
    QVERIFY(!frame.isNull());
    const QRgb background = frame.pixel(frame.width() - 1, frame.height() - 1);
    int lowest = -1;
    for (int y = 0; y < frame.height(); ++y) {
        for (int x = 0; x < frame.width(); x += 2) {
            if (frame.pixel(x, y) != background) {
                lowest = y;
                break;
            }
        }
    }
    QVERIFY2(lowest > frame.height() * 0.6, qPrintable(QString::number(lowest)));
}

void tst_MainWindow::exportFrames()
{
    loadWeb();
    m_session->advanceUntilSettled();
    QTemporaryDir dir;
    QString error;
    QVERIFY2(m_window->exportFrames(dir.path(), 0, 10 * core::kSecond, 5 * core::kSecond,
                                    QSize(640, 360), false, &error),
             qPrintable(error));
    const QStringList frames = QDir(dir.path()).entryList({QStringLiteral("frame-*.png")});
    QCOMPARE(frames.size(), 3);
    QCOMPARE(QImage(dir.filePath(frames.first())).size(), QSize(640, 360));
}

void tst_MainWindow::scaleThroughAction()
{
    loadWeb();
    m_session->advanceUntilSettled();
    QVERIFY(m_window->scaleStatefulSet(QStringLiteral("default/web"), 3));
    m_session->advanceUntilSettled();
    QVERIFY(m_window->scene()->podItem(QStringLiteral("default/web-2")));
    QVERIFY(m_window->scaleStatefulSet(QStringLiteral("default/web"), 1));
    m_session->advanceUntilSettled();
    // Scaled down: web-2's claim stays, so its slot stays as a placeholder with the disk.
    const PodItem *web2 = m_window->scene()->podItem(QStringLiteral("default/web-2"));
    QVERIFY2(web2 && !web2->display().exists, "web-2 kept as a placeholder");
    QVERIFY(m_window->scene()->claimItem(QStringLiteral("default/www-web-2"))->isVisible());
    QCOMPARE(m_window->undoStack()->count(), 3); // the apply of web.yaml, then the two scales
}

void tst_MainWindow::nodeActions()
{
    loadWeb();
    m_session->advanceUntilSettled();
    const QString node = m_session->simulation().store().find<core::Pod>(kWeb0)->spec.nodeName;
    m_session->select(QStringLiteral("Node"), node);
    QMenu *menu = m_window->contextMenuFor(QStringLiteral("Node"), node);
    QAction *cordon = nullptr;
    for (QAction *a : menu->actions()) {
        if (a->objectName() == QLatin1String("cordonAction"))
            cordon = a;
    }
    QVERIFY(cordon && cordon->isEnabled());
    cordon->trigger();
    QVERIFY(m_session->simulation().store().find<core::Node>(node)->unschedulable);
    QVERIFY(m_window->drainNode(node));
    m_session->advanceUntilSettled();
    const core::Pod *pod = m_session->simulation().store().find<core::Pod>(kWeb0);
    QVERIFY2(pod && pod->spec.nodeName != node, "web-0 moved off the drained node");
    QVERIFY(m_window->setNodeUp(node, false));
    // The node went down: it stopped heart-beating, and the actions say so for it.
    QVERIFY2(!m_session->simulation().state().nodes.value(node).heartbeating,
             qPrintable(node + QStringLiteral(" still heart-beating")));
    m_session->select(QStringLiteral("Node"), node);
    QVERIFY(m_window->action(QStringLiteral("nodeUpAction"))->isEnabled());
    QVERIFY(!m_window->action(QStringLiteral("nodeDownAction"))->isEnabled());
}

void tst_MainWindow::failedReloadSaysClusterWasReset()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("web.yaml"));
    QVERIFY(QFile::copy(test::dataFile("web.yaml"), path));
    QVERIFY(m_window->openPaths({path}));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("kind: [unclosed\n");
    file.close();
    m_window->action(QStringLiteral("reloadAction"))->trigger();
    // Reload started again from an empty cluster before the file failed: it says so.
    QVERIFY(m_session->simulation().store().all<core::StatefulSet>().isEmpty());
    QVERIFY2(m_window->lastError().contains(QStringLiteral("started again")),
             qPrintable(m_window->lastError()));
    QVERIFY(!m_window->lastError().contains(QStringLiteral("unchanged")));
}

void tst_MainWindow::quitAsksWithUnsavedChanges()
{
    loadWeb();
    QVERIFY2(m_window->isWindowModified(), "applying manifests is an unsaved change");
    QVERIFY(m_window->windowTitle().contains(QLatin1Char('*'))
            || m_window->windowTitle().contains(QLatin1String("[*]")));
    QAction *quit = m_window->action(QStringLiteral("quitAction"));
    QCOMPARE(quit->shortcut(), QKeySequence(QKeySequence::Quit));

    QString asked;
    answerNextMessageBox(QMessageBox::Cancel, &asked);
    quit->trigger();
    QVERIFY2(!asked.isEmpty(), "Quit with unsaved changes asks first");
    QVERIFY2(m_window->isVisible(), "Cancel keeps the window open");

    asked.clear();
    answerNextMessageBox(QMessageBox::Discard, &asked);
    quit->trigger();
    QVERIFY(!asked.isEmpty());
    QVERIFY2(!m_window->isVisible(), "Discard closes the window");
}

void tst_MainWindow::firstLaunchExplains()
{
    // The title names the application once, after what it shows.
    const QString title = m_window->windowTitle().remove(QStringLiteral("[*]"));
    QVERIFY2(title.startsWith(QLatin1String("StatefulSet topology")), qPrintable(title));
    QVERIFY2(title.endsWith(QLatin1String("Ordinal")), qPrintable(title));
    QCOMPARE(title.count(QLatin1String("Ordinal")), 1);

    // An empty canvas says what to do; it stops saying so once there is something to show.
    QLabel *hint = m_window->canvasView()->emptyHint();
    QVERIFY(hint->isVisible());
    QVERIFY2(hint->text().contains(QLatin1String("Drop")), qPrintable(hint->text()));
    QVERIFY2(hint->text().contains(QLatin1String("Start")), qPrintable(hint->text()));
    QVERIFY(m_window->canvasView()->viewport()->geometry().contains(hint->geometry()));
    loadWeb();
    QVERIFY(!hint->isVisible());
    m_window->action(QStringLiteral("newAction"))->trigger();
    QVERIFY2(hint->isVisible(), "a new, empty cluster shows the hint again");

    // The lesson's buttons say what they do.
    for (const char *name : {"Start", "Run"}) {
        QPushButton *button = nullptr;
        const QList<QPushButton *> buttons = m_window->findChildren<QPushButton *>();
        for (QPushButton *b : buttons) {
            if (b->text().remove(QLatin1Char('&')).startsWith(QLatin1String(name)))
                button = b;
        }
        QVERIFY2(button, name);
        QVERIFY2(button->toolTip().size() > 20, qPrintable(button->toolTip()));
    }
}

void tst_MainWindow::presenterStripShowsStepAndDns()
{
    loadWeb();
    m_session->advanceUntilSettled();
    DnsPanel *dns = m_window->dnsPanel();
    dns->setQuery(QStringLiteral("web-0.nginx"));
    dns->evaluate();
    const QString oldIp = podIp(kWeb0);
    QFrame *strip = m_window->presenterStrip();
    QVERIFY(!strip->isVisible());
    m_window->setPresenterMode(true);
    QVERIFY2(strip->isVisible(), "presenter mode shows the strip");
    auto *caption = strip->findChild<QLabel *>(QStringLiteral("presenterCaption"));
    auto *answer = strip->findChild<QLabel *>(QStringLiteral("presenterDns"));
    QVERIFY(caption && answer);
    // No lesson is being followed: no step to name.
    QVERIFY2(caption->text().isEmpty(), qPrintable(caption->text()));
    QVERIFY2(answer->text().contains(QLatin1String("web-0.nginx")) && answer->text().contains(oldIp),
             qPrintable(answer->text()));
    QVERIFY(answer->font().pixelSize() >= 28);

    // The punch line: after web-0 is recreated, the new address and the previous one.
    QVERIFY(m_window->deletePod(kWeb0, false));
    m_session->advanceUntilSettled();
    dns->evaluate();
    const QString newIp = podIp(kWeb0);
    QVERIFY(newIp != oldIp);
    QVERIFY2(answer->text().contains(newIp) && answer->text().contains(oldIp),
             qPrintable(answer->text()));
    QVERIFY(answer->text().indexOf(newIp) < answer->text().indexOf(oldIp));

    // F9 hides it, and it is never shown outside presenter mode.
    m_window->action(QStringLiteral("presenterStripAction"))->trigger();
    QVERIFY(!strip->isVisible());
    m_window->action(QStringLiteral("presenterStripAction"))->trigger();
    QVERIFY(strip->isVisible());
    // A started lesson names its step.
    auto *lesson = m_window->findChild<LessonPanel *>();
    QVERIFY(lesson);
    lesson->startLesson(0);
    QVERIFY2(caption->text().startsWith(QLatin1String("Step 1 of")), qPrintable(caption->text()));
    m_window->setPresenterMode(false);
    QVERIFY(!strip->isVisible());
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
