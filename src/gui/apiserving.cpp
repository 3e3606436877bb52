#include "apiserving.h"

#include "apiserver.h"
#include "session.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>

namespace ordinal::gui {

ApiServing::ApiServing(Session *session, QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_window(window)
    , m_action(new QAction(this))
{
    m_action->setObjectName(QStringLiteral("serveApiAction"));
    m_action->setCheckable(true);
    connect(m_action, &QAction::toggled, this, &ApiServing::toggle);
    // A new cluster is served where the old one was.
    connect(m_session, &Session::clusterReset, this, [this] {
        if (m_server)
            m_server->setSimulation(m_session->simulation());
    });
    retranslate();
}

ApiServing::~ApiServing() = default;

void ApiServing::retranslate()
{
    m_action->setText(tr("Serve &Kubernetes API"));
    m_action->setStatusTip(tr("Let kubectl and Kubernetes client libraries on this machine "
                              "drive the simulated cluster"));
}

bool ApiServing::start(const QHostAddress &address, quint16 port, QString *error)
{
    auto server = std::make_unique<net::ApiServer>(m_session->simulation());
    if (!server->listen(address, port, error))
        return false;
    QDir dir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation));
    if (!dir.mkpath(QStringLiteral("."))) {
        *error = tr("cannot create the folder %1").arg(dir.path());
        return false;
    }
    const QString path = dir.filePath(QStringLiteral("kubeconfig"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(server->kubeconfig());
    file.close();
    // A change through the API shows at once and restarts the window's clock.
    connect(server.get(), &net::ApiServer::clusterChanged, m_session, &Session::actionDone);
    connect(server.get(), &net::ApiServer::written, this, &ApiServing::written);
    m_server = std::move(server);
    m_kubeconfig = path;
    const QSignalBlocker blocker(m_action);
    m_action->setChecked(true);
    Q_EMIT servingChanged(true);
    return true;
}

void ApiServing::stop()
{
    m_server.reset();
    const QSignalBlocker blocker(m_action);
    m_action->setChecked(false);
    Q_EMIT servingChanged(false);
}

void ApiServing::toggle(bool on)
{
    if (!on) {
        stop();
        return;
    }
    QString error;
    if (!start(QHostAddress::LocalHost, 0, &error)) {
        const QSignalBlocker blocker(m_action);
        m_action->setChecked(false);
        QMessageBox::warning(m_window, tr("Serve Kubernetes API"),
                             tr("The Kubernetes API could not be served: %1").arg(error));
        return;
    }
    showAddress();
}

void ApiServing::showAddress()
{
    const QString command = QStringLiteral("export KUBECONFIG=%1").arg(m_kubeconfig);
    QMessageBox box(QMessageBox::Information, tr("Serve Kubernetes API"),
                    tr("The simulated cluster is served at %1.").arg(m_server->url()),
                    QMessageBox::Close, m_window);
    box.setInformativeText(
        tr("In a terminal on this machine, run:\n\n%1\nkubectl get pods -w\n\nkubectl and client "
           "libraries then drive this cluster; the canvas shows what they do. Only this machine "
           "can connect, and only with the token in that file.")
            .arg(command));
    box.setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPushButton *copy = box.addButton(tr("&Copy Command"), QMessageBox::ActionRole);
    box.exec();
    if (box.clickedButton() == copy)
        QApplication::clipboard()->setText(command);
}

} // namespace ordinal::gui
