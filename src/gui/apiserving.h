#pragma once

#include "sim/apiwrite.h"

#include <QHostAddress>
#include <QObject>

#include <memory>

class QAction;
class QWidget;

namespace ordinal::net {
class ApiServer;
}

namespace ordinal::gui {

class Session;

// Cluster ▸ Serve Kubernetes API: the window's simulation served to the real kubectl and client
// libraries (net::ApiServer over TLS on loopback, with a token), its kubeconfig written, and a
// dialog with the address and a ready-to-copy `export KUBECONFIG=…`. While serving, what
// arrives through the API acts on the live simulation and the canvas shows it at once; the
// window's timeline keeps owning time (play at 1× follows the wall clock). A new or reloaded
// cluster is served on the same address, with the same token.
class ApiServing : public QObject
{
    Q_OBJECT

public:
    ApiServing(Session *session, QWidget *window);
    ~ApiServing() override;

    // The checkable menu action.
    QAction *action() const { return m_action; }
    void retranslate();

    // Starts serving (port 0: a free port); false with *error when the address cannot be
    // bound or the kubeconfig not written.
    bool start(const QHostAddress &address, quint16 port, QString *error);
    void stop();
    bool isServing() const { return m_server != nullptr; }
    net::ApiServer *server() const { return m_server.get(); }
    QString kubeconfigPath() const { return m_kubeconfig; }

Q_SIGNALS:
    // Serving started or stopped.
    void servingChanged(bool serving);
    // A client's write changed the cluster at virtual time `at` (net::ApiServer::written).
    void written(core::Millis at, const core::ApiWrite &write);

private:
    void toggle(bool on);
    void showAddress();

    Session *m_session;
    QWidget *m_window;
    QAction *m_action;
    std::unique_ptr<net::ApiServer> m_server;
    QString m_kubeconfig;
};

} // namespace ordinal::gui
