// ordinal: command line, GUI or headless mode. Wiring only.

#include "cluster/clusterconfig.h"
#include "console/console.h"
#include "console/scriptrunner.h"
#include "console/tablewriter.h"
#include "dns/clusterdns.h"
#include "apiserver.h"
#include "dnsserver.h"
#include "io/clusterfile.h"
#include "launch.h"
#include "listenaddress.h"
#include "liveclient.h"
#include "liverecorder.h"
#include "livescript.h"
#include "sim/simulation.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QSocketNotifier>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>

#include <csignal>
#include <memory>

#include <sys/socket.h>
#include <unistd.h>

using namespace ordinal;

namespace {

int usageError(const QString &message)
{
    QTextStream(stderr) << "ordinal: " << message << '\n'
                        << "Run 'ordinal --help' for usage.\n";
    return 2;
}

void installTranslations(QCoreApplication &app, const QString &lang)
{
    const QLocale locale = lang.isEmpty() ? QLocale() : QLocale(lang);
    QLocale::setDefault(locale);
    for (const QString &name : {QStringLiteral("qtbase"), QStringLiteral("ordinal")}) {
        auto *translator = new QTranslator(&app);
        if (translator->load(locale, name, QStringLiteral("_"), QStringLiteral(":/i18n")))
            app.installTranslator(translator);
        else
            delete translator;
    }
}

// SIGINT/SIGTERM end the event loop (used while serving DNS headless).
int signalPipe[2] = {-1, -1};
void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &c, 1);
}

struct DnsServing
{
    std::unique_ptr<net::DnsServer> server;
};

// Starts the DNS server on ADDR:PORT answering from the simulation's current zone.
bool startDns(const QString &spec, core::Simulation &sim, DnsServing *serving, QString *error)
{
    const std::optional<net::ListenAddress> where = net::ListenAddressParser::parse(spec, error);
    if (!where)
        return false;
    serving->server = std::make_unique<net::DnsServer>();
    serving->server->setZone(core::ClusterDns::build(sim.store(), sim.config(), sim.now()));
    return serving->server->listen(where->address, where->port, error);
}

// The address --serve-api asks for: loopback unless --expose-api allows another (with a
// warning). False with *error for an address that cannot be parsed or is not allowed.
bool apiAddress(const QCommandLineParser &parser, QHostAddress *address, quint16 *port,
                QString *error)
{
    const QString spec = parser.value(QStringLiteral("serve-api"));
    const std::optional<net::ListenAddress> where = net::ListenAddressParser::parse(spec, error);
    if (!where) {
        *error = QStringLiteral("invalid --serve-api \"%1\": %2").arg(spec, *error);
        return false;
    }
    *address = where->address;
    *port = where->port;
    const QString addressText = address->toString();
    if (!address->isLoopback()) {
        if (!parser.isSet(QStringLiteral("expose-api"))) {
            *error = QStringLiteral("--serve-api %1 is not a loopback address; add --expose-api "
                                    "to serve the API beyond this machine")
                         .arg(addressText);
            return false;
        }
        QTextStream(stderr) << "ordinal: warning: the Kubernetes API is reachable from other "
                               "machines on "
                            << addressText << "; anyone with the token can change the cluster\n";
    }
    return true;
}

// Starts the Kubernetes API server, writes its kubeconfig and says how to use it.
bool startApi(const QCommandLineParser &parser, core::Simulation &sim,
              std::unique_ptr<net::ApiServer> *server, QString *error)
{
    QHostAddress address;
    quint16 port = 0;
    if (!apiAddress(parser, &address, &port, error))
        return false;
    *server = std::make_unique<net::ApiServer>(sim);
    (*server)->setPlainHttp(parser.isSet(QStringLiteral("api-http")));
    (*server)->setClientCertificateAuth(parser.isSet(QStringLiteral("api-client-certificate")));
    if (!(*server)->listen(address, port, error))
        return false;
    QString kubeconfig = parser.value(QStringLiteral("write-kubeconfig"));
    if (kubeconfig.isEmpty())
        kubeconfig = QDir::temp().filePath(
            QStringLiteral("ordinal-%1.kubeconfig").arg((*server)->port()));
    QFile file(kubeconfig);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = QStringLiteral("cannot write the kubeconfig \"%1\": %2")
                     .arg(kubeconfig, file.errorString());
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write((*server)->kubeconfig());
    file.close();
    QTextStream(stderr) << "ordinal: serving the Kubernetes API on " << (*server)->url()
                        << " from virtual time " << core::goDuration(sim.now())
                        << " (virtual time now follows the wall clock); in another terminal:\n"
                        << "  export KUBECONFIG=" << QFileInfo(kubeconfig).absoluteFilePath()
                        << "\n  kubectl get pods -w\n";
    return true;
}

int runHeadless(QCoreApplication &app, const QCommandLineParser &parser,
                const core::ClusterConfig &cluster)
{
    QTextStream out(stdout);
    core::Simulation sim(cluster);
    core::Console console(sim);
    core::ScriptRunner runner(console);

    QString script;
    QString scriptDir;
    if (parser.isSet(QStringLiteral("script"))) {
        const QString path = parser.value(QStringLiteral("script"));
        QFile file;
        if (path == QLatin1String("-")) {
            if (!file.open(stdin, QIODevice::ReadOnly))
                return usageError(QStringLiteral("cannot read the script from standard input"));
        } else {
            file.setFileName(path);
            if (!file.open(QIODevice::ReadOnly))
                return usageError(QStringLiteral("cannot read script \"%1\": %2")
                                      .arg(path, file.errorString()));
            scriptDir = QFileInfo(path).absolutePath();
        }
        script = QString::fromUtf8(file.readAll());
    } else if (parser.isSet(QStringLiteral("lesson"))) {
        QFile file(QStringLiteral(":/lessons/topology/lesson.txt"));
        if (!file.open(QIODevice::ReadOnly))
            return usageError(QStringLiteral("the built-in lesson is missing"));
        script = QString::fromUtf8(file.readAll());
        scriptDir = QStringLiteral(":/lessons/topology");
    }
    for (const QString &manifest : parser.positionalArguments()) {
        if (!QFileInfo::exists(manifest))
            return usageError(QStringLiteral("the path \"%1\" does not exist").arg(manifest));
    }

    int status = runner.applyManifests(parser.positionalArguments(), out);
    if (runner.runScript(script, scriptDir, out) != 0)
        status = 1;
    out.flush();

    const bool serveDns = parser.isSet(QStringLiteral("serve-dns"));
    const bool serveApi = parser.isSet(QStringLiteral("serve-api"));
    if (!serveDns && !serveApi)
        return status;

    sim.advanceTo(sim.now()); // let the last command's effects land before serving
    DnsServing serving;
    QString error;
    if (serveDns) {
        if (!startDns(parser.value(QStringLiteral("serve-dns")), sim, &serving, &error)) {
            QTextStream(stderr) << "ordinal: cannot serve DNS: " << error << '\n';
            return 2;
        }
        QTextStream(stderr) << "ordinal: serving the cluster DNS at virtual time "
                            << core::goDuration(sim.now()) << " on "
                            << net::hostPort(serving.server->address(), serving.server->port())
                            << " (UDP and TCP); try: dig @" << serving.server->address().toString()
                            << " -p " << serving.server->port()
                            << " web-0.nginx.default.svc.cluster.local\n";
    }
    std::unique_ptr<net::ApiServer> api;
    QTimer zoneRefresh;
    if (serveApi) {
        if (!startApi(parser, sim, &api, &error)) {
            QTextStream(stderr) << "ordinal: cannot serve the Kubernetes API: " << error << '\n';
            return 2;
        }
        api->followWallClock(parser.isSet(QStringLiteral("speed"))
                                 ? parser.value(QStringLiteral("speed")).toDouble()
                                 : 1.0);
        // The DNS answers follow the cluster as time moves on.
        qint64 servedVersion = sim.store().resourceVersion();
        QObject::connect(&zoneRefresh, &QTimer::timeout, &app, [&sim, &serving, servedVersion]() mutable {
            if (!serving.server || sim.store().resourceVersion() == servedVersion)
                return;
            servedVersion = sim.store().resourceVersion();
            serving.server->setZone(core::ClusterDns::build(sim.store(), sim.config(), sim.now()));
        });
        zoneRefresh.start(100);
    }
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) == 0) {
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
        auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);
    }
    app.exec();
    return status;
}


// The kubeconfig files a live view reads: --kubeconfig (that file only, as kubectl), else
// $KUBECONFIG merged, else ~/.kube/config.
QStringList kubeconfigFiles(const QCommandLineParser &parser)
{
    if (parser.isSet(QStringLiteral("kubeconfig")))
        return {parser.value(QStringLiteral("kubeconfig"))};
    return net::Kubeconfig::defaultFiles();
}

// `ordinal --headless --kubeconfig FILE --script FILE|-`: the console's reading commands
// against a live cluster (docs/live.md); changing ones only with --allow-changes.
int runHeadlessLive(const QCommandLineParser &parser)
{
    QString error;
    const std::optional<net::Kubeconfig> config =
        net::Kubeconfig::load(kubeconfigFiles(parser), &error);
    if (!config)
        return usageError(error);
    const std::optional<net::ResolvedContext> context =
        config->resolve(parser.value(QStringLiteral("context")), &error);
    if (!context)
        return usageError(error);
    QString script;
    if (parser.isSet(QStringLiteral("script"))) {
        const QString path = parser.value(QStringLiteral("script"));
        QFile file;
        const bool opened = path == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly)
                                                       : (file.setFileName(path),
                                                          file.open(QIODevice::ReadOnly));
        if (!opened)
            return usageError(QStringLiteral("cannot read script \"%1\": %2")
                                  .arg(path, file.errorString()));
        script = QString::fromUtf8(file.readAll());
    }
    core::ClusterConfig observed = core::ClusterConfig::defaultCluster();
    observed.observeOnly = true;
    core::Simulation sim(observed);
    core::Console console(sim);
    const QString ns = parser.value(QStringLiteral("namespace"));
    console.setCurrentNamespace(ns.isEmpty() ? context->namespaceName : ns);
    net::LiveClient client(*context);
    client.setNamespaceFilter(ns);
    client.setAllowChanges(parser.isSet(QStringLiteral("allow-changes")));
    net::LiveRecorder recorder(sim, client);
    QObject::connect(&client, &net::LiveClient::problem, [](const QString &message) {
        QTextStream(stderr) << "ordinal: " << message << '\n';
    });
    QEventLoop loop;
    QObject::connect(&client, &net::LiveClient::synced, &loop, &QEventLoop::quit);
    client.start();
    if (!client.isSynced())
        loop.exec();
    if (client.listedKinds() == 0) {
        QTextStream(stderr) << "ordinal: cannot read cluster \"" << context->clusterName
                            << "\" at " << context->server << '\n';
        return 1;
    }
    QTextStream out(stdout);
    net::LiveScript runner(console, client);
    const int status = runner.runScript(script, out);
    out.flush();
    client.stop();
    return status;
}

} // namespace

int main(int argc, char **argv)
{
    Q_INIT_RESOURCE(lessons);
    // Decide GUI or not before any QApplication exists.
    bool headless = false;
    bool wantsVersionOrHelp = false;
    bool screenshot = false;
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        headless = headless || arg == "--headless";
        wantsVersionOrHelp = wantsVersionOrHelp || arg == "--version" || arg == "-v"
            || arg == "--help" || arg == "-h";
        screenshot = screenshot || arg == "--screenshot" || arg == "--self-test";
    }
    if (screenshot && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    std::unique_ptr<QCoreApplication> app;
    if (headless || wantsVersionOrHelp)
        app = std::make_unique<QCoreApplication>(argc, argv);
    else
        app = std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ordinal"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ORDINAL_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("Ordinal"));
    if (auto *gui = qobject_cast<QApplication *>(app.get())) {
        QGuiApplication::setApplicationDisplayName(QStringLiteral("Ordinal"));
        QGuiApplication::setDesktopFileName(QStringLiteral(ORDINAL_APP_ID));
        gui->setWindowIcon(QIcon::fromTheme(QStringLiteral(ORDINAL_APP_ID),
                                            QIcon(QStringLiteral(":/icons/app/ordinal.svg"))));
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Ordinal shows how a Kubernetes StatefulSet keeps the topology state of an "
                       "application, on a deterministic simulated cluster."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("manifests"),
                                 QStringLiteral("YAML/JSON manifests or folders to apply at t=0."),
                                 QStringLiteral("[MANIFEST|FOLDER...]"));
    parser.addOptions({
        {QStringLiteral("headless"), QStringLiteral("No window: run the script and print the transcript.")},
        {QStringLiteral("script"), QStringLiteral("Console commands, one per line (- for standard input)."), QStringLiteral("FILE")},
        {QStringLiteral("lesson"), QStringLiteral("Use the built-in lesson (as the script when headless).")},
        {QStringLiteral("nodes"), QStringLiteral("Worker nodes in the default cluster (default 2)."), QStringLiteral("N")},
        {QStringLiteral("cluster"), QStringLiteral("Cluster description (nodes, CIDRs, DNS, timing)."), QStringLiteral("FILE")},
        {QStringLiteral("serve-dns"), QStringLiteral("Serve the cluster DNS over UDP and TCP (default address 127.0.0.1)."), QStringLiteral("[ADDR:]PORT")},
        {QStringLiteral("serve-api"), QStringLiteral("Serve the Kubernetes API for kubectl and client libraries (default address 127.0.0.1); virtual time then follows the wall clock."), QStringLiteral("[ADDR:]PORT")},
        {QStringLiteral("write-kubeconfig"), QStringLiteral("With --serve-api: where to write the kubeconfig (context \"ordinal\")."), QStringLiteral("FILE")},
        {QStringLiteral("speed"), QStringLiteral("With --serve-api: how fast virtual time follows the wall clock (default 1)."), QStringLiteral("FACTOR")},
        {QStringLiteral("expose-api"), QStringLiteral("With --serve-api: allow an address other than loopback.")},
        {QStringLiteral("kubeconfig"), QStringLiteral("Show a real cluster live, read from this kubeconfig (default: $KUBECONFIG or ~/.kube/config)."), QStringLiteral("FILE")},
        {QStringLiteral("context"), QStringLiteral("With --kubeconfig: the context to use (default: current-context)."), QStringLiteral("NAME")},
        {QStringLiteral("namespace"), QStringLiteral("With --kubeconfig: show only this namespace (nodes still)."), QStringLiteral("NS")},
        {QStringLiteral("allow-changes"), QStringLiteral("With --kubeconfig: send changing commands to the cluster (read-only without it).")},
        {QStringLiteral("api-http"), QStringLiteral("With --serve-api: plain HTTP on loopback instead of TLS (the token is still required).")},
        {QStringLiteral("api-client-certificate"), QStringLiteral("With --serve-api: the kubeconfig carries a client certificate signed by this run's CA instead of the token.")},
        {QStringLiteral("lang"), QStringLiteral("UI language (en, zh_CN); default: the system locale."), QStringLiteral("LOCALE")},
        {QStringLiteral("screenshot"), QStringLiteral("Save the main window as PNG and exit."), QStringLiteral("FILE.png")},
        {QStringLiteral("at"), QStringLiteral("With --screenshot: the virtual time to show (default: settled)."), QStringLiteral("DURATION")},
        {QStringLiteral("self-test"), QStringLiteral("Start, load the lesson, check the window, exit.")},
    });
    // Usage errors exit with status 2 (console contract), not QCommandLineParser's 1.
    if (!parser.parse(QCoreApplication::arguments()))
        return usageError(parser.errorText());
    if (parser.isSet(helpOption))
        parser.showHelp(0);
    if (parser.isSet(versionOption))
        parser.showVersion();

    installTranslations(*app, parser.value(QStringLiteral("lang")));

    core::ClusterConfig cluster = core::ClusterConfig::defaultCluster();
    if (parser.isSet(QStringLiteral("cluster"))) {
        QString error;
        if (!core::ClusterFile::load(parser.value(QStringLiteral("cluster")), &cluster, &error))
            return usageError(error);
    }
    if (parser.isSet(QStringLiteral("nodes"))) {
        bool ok = false;
        const int nodes = parser.value(QStringLiteral("nodes")).toInt(&ok);
        if (!ok || nodes < 1 || nodes > 250)
            return usageError(QStringLiteral("--nodes takes a number from 1 to 250"));
        if (parser.isSet(QStringLiteral("cluster")))
            return usageError(QStringLiteral("--nodes and --cluster cannot be combined"));
        const core::TimingModel timing = cluster.timing;
        cluster = core::ClusterConfig::defaultCluster(nodes);
        cluster.timing = timing;
    }
    if (parser.isSet(QStringLiteral("speed"))) {
        bool ok = false;
        const double speed = parser.value(QStringLiteral("speed")).toDouble(&ok);
        if (!ok || speed <= 0 || speed > 1000)
            return usageError(QStringLiteral("--speed takes a factor above 0 and up to 1000"));
    }
    if (parser.isSet(QStringLiteral("at")) && core::parseDuration(parser.value(QStringLiteral("at"))) < 0)
        return usageError(QStringLiteral("invalid --at duration \"%1\"").arg(parser.value(QStringLiteral("at"))));

    if (headless && parser.isSet(QStringLiteral("serve-dns"))) {
        const QString spec = parser.value(QStringLiteral("serve-dns"));
        QString error;
        if (!net::ListenAddressParser::parse(spec, &error))
            return usageError(QStringLiteral("invalid --serve-dns \"%1\": %2").arg(spec, error));
    }
    if (headless && parser.isSet(QStringLiteral("kubeconfig")))
        return runHeadlessLive(parser);
    if (headless)
        return runHeadless(*app, parser, cluster);

    gui::LaunchOptions options;
    options.cluster = cluster;
    options.manifests = parser.positionalArguments();
    options.lesson = parser.isSet(QStringLiteral("lesson"));
    options.screenshotPath = parser.value(QStringLiteral("screenshot"));
    options.selfTest = parser.isSet(QStringLiteral("self-test"));
    if (parser.isSet(QStringLiteral("at")))
        options.at = core::parseDuration(parser.value(QStringLiteral("at")));
    if (parser.isSet(QStringLiteral("serve-dns"))) {
        const QString spec = parser.value(QStringLiteral("serve-dns"));
        QString error;
        const std::optional<net::ListenAddress> where
            = net::ListenAddressParser::parse(spec, &error);
        if (!where)
            return usageError(QStringLiteral("invalid --serve-dns \"%1\": %2").arg(spec, error));
        options.serveDnsAddress = where->address.toString();
        options.serveDnsPort = where->port;
    }
    if (parser.isSet(QStringLiteral("kubeconfig"))) {
        options.kubeconfigFiles = kubeconfigFiles(parser);
        options.kubeContext = parser.value(QStringLiteral("context"));
        options.kubeNamespace = parser.value(QStringLiteral("namespace"));
        options.allowChanges = parser.isSet(QStringLiteral("allow-changes"));
    }
    if (parser.isSet(QStringLiteral("serve-api"))) {
        QHostAddress address;
        QString error;
        if (!apiAddress(parser, &address, &options.serveApiPort, &error))
            return usageError(error);
        options.serveApiAddress = address.toString();
    }
    return gui::run(*static_cast<QApplication *>(app.get()), options);
}
