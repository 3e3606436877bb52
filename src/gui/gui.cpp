#include "launch.h"

#include "apiserver.h"
#include "apiserving.h"

#include "canvas/clusterscene.h"
#include "canvas/poditem.h"
#include "dns/clusterdns.h"
#include "dnsserver.h"
#include "listenaddress.h"
#include "mainwindow.h"
#include "live/liveconnection.h"
#include "kubeconfig.h"
#include "panels/dnspanel.h"
#include "session.h"

#include "console/tablewriter.h"

#include <QApplication>
#include <QFileInfo>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

#include <memory>

namespace ordinal::gui {

namespace {

// Runs queued events until the window has painted and its animations have ended.
void settleWindow(MainWindow &window)
{
    window.scene()->finishAnimations();
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
}

bool podIsShown(const MainWindow &window, const QString &key, QString *why)
{
    const PodItem *item = window.scene()->podItem(key);
    if (!item) {
        *why = QStringLiteral("no canvas item for %1").arg(key);
        return false;
    }
    if (!item->display().exists || !item->isVisible()) {
        *why = QStringLiteral("%1 is not shown as present").arg(key);
        return false;
    }
    return true;
}

} // namespace

int run(QApplication &app, const LaunchOptions &options)
{
    QTextStream err(stderr);
    Session session(options.cluster);
    const bool batch = !options.screenshotPath.isEmpty() || options.selfTest;
    MainWindow window(&session);
    if (!batch)
        window.restoreLayout();
    if (QSettings().value(QStringLiteral("view/presenter")).toBool() && !options.selfTest)
        window.setPresenterMode(true);
    if (batch)
        session.pause();

    // DNS server answering from the live zone.
    std::unique_ptr<net::DnsServer> dns;
    if (!options.serveDnsAddress.isEmpty()) {
        dns = std::make_unique<net::DnsServer>();
        dns->setZone(session.dnsAtView());
        QString error;
        if (!dns->listen(QHostAddress(options.serveDnsAddress), options.serveDnsPort, &error)) {
            err << "ordinal: cannot serve DNS: " << error << '\n';
            return 2;
        }
        auto *server = dns.get();
        QObject::connect(&session, &Session::viewChanged, server, [server, &session] {
            if (session.isLive())
                server->setZone(session.dnsAtView());
        });
        window.dnsPanel()->setDnsServerAddress(server->address().toString(), server->port());
        err << "ordinal: serving the cluster DNS on "
            << net::hostPort(server->address(), server->port()) << " (UDP and TCP); try: dig @"
            << server->address().toString() << " -p " << server->port()
            << " web-0.nginx.default.svc.cluster.local\n";
        err.flush();
    }

    // A live cluster, as File ▸ Connect to Cluster… does.
    if (!options.kubeconfigFiles.isEmpty()) {
        QString error;
        const std::optional<net::Kubeconfig> config =
            net::Kubeconfig::load(options.kubeconfigFiles, &error);
        const std::optional<net::ResolvedContext> context =
            config ? config->resolve(options.kubeContext, &error) : std::nullopt;
        if (!context) {
            err << "ordinal: " << error << '\n';
            return 2;
        }
        window.liveConnection()->connectTo(*context, options.kubeNamespace, options.allowChanges);
    }

    // The Kubernetes API, as Cluster ▸ Serve Kubernetes API does.
    if (!options.serveApiAddress.isEmpty()) {
        QString error;
        if (!window.apiServing()->start(QHostAddress(options.serveApiAddress),
                                        options.serveApiPort, &error)) {
            err << "ordinal: cannot serve the Kubernetes API: " << error << '\n';
            return 2;
        }
        err << "ordinal: serving the Kubernetes API on " << window.apiServing()->server()->url()
            << "; in another terminal:\n  export KUBECONFIG="
            << window.apiServing()->kubeconfigPath() << "\n  kubectl get pods -w\n";
        err.flush();
    }

    if (!options.manifests.isEmpty()) {
        for (const QString &path : options.manifests) {
            if (!QFileInfo::exists(path)) {
                err << "ordinal: the path \"" << path << "\" does not exist\n";
                return 2;
            }
        }
        if (!window.openPaths(options.manifests) && batch) {
            err << "ordinal: " << window.lastError() << '\n';
            return 1;
        }
    }
    if (options.lesson || options.selfTest)
        window.loadLesson(options.selfTest || !options.screenshotPath.isEmpty());

    if (options.selfTest) {
        window.resize(1280, 800);
        window.show();
        QString why;
        // web-0 first, alone: OrderedReady.
        session.advanceBy(core::kSecond);
        settleWindow(window);
        bool ok = podIsShown(window, QStringLiteral("default/web-0"), &why);
        if (ok && window.scene()->podItem(QStringLiteral("default/web-1"))) {
            why = QStringLiteral("web-1 exists before web-0 is Ready");
            ok = false;
        }
        if (ok) {
            session.advanceUntilSettled();
            settleWindow(window);
            ok = podIsShown(window, QStringLiteral("default/web-0"), &why)
                && podIsShown(window, QStringLiteral("default/web-1"), &why);
        }
        if (ok && window.grab().isNull()) {
            why = QStringLiteral("the window did not render");
            ok = false;
        }
        QTextStream(stdout) << (ok ? "self-test: ok\n" : "self-test: FAILED: ") << (ok ? QString() : why + QLatin1Char('\n'));
        return ok ? 0 : 1;
    }

    if (!options.screenshotPath.isEmpty()) {
        if (options.at)
            session.simulation().advanceTo(std::max(*options.at, session.now()));
        else
            session.advanceUntilSettled();
        session.actionDone();
        if (window.isPresenterMode()) {
            // Offscreen screens are small: shoot presenter mode at a projector's 1080p.
            window.setWindowState(Qt::WindowNoState);
            window.resize(1920, 1080);
        } else {
            window.resize(1600, 1000);
        }
        window.show();
        settleWindow(window);
        const QPixmap shot = window.grab();
        if (!shot.save(options.screenshotPath, "PNG")) {
            err << "ordinal: cannot write " << options.screenshotPath << '\n';
            return 1;
        }
        return 0;
    }

    window.show();
    QTimer::singleShot(0, &window, &MainWindow::offerRestore);
    const int status = app.exec();
    return status;
}

} // namespace ordinal::gui
