#pragma once

#include "kubeconfig.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace ordinal::gui {

// File ▸ Connect to Cluster…: the kubeconfig files (merged as kubectl merges them), the
// context, a namespace filter and Allow changes (off by default). Connect resolves the context;
// what is wrong (no such file, a context naming a missing cluster, an unreadable certificate)
// is shown in words under the fields and the dialog stays open.
class ConnectDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectDialog(QWidget *parent = nullptr);

    // Kubeconfig files, separated as in $KUBECONFIG.
    void setFiles(const QString &files);
    QStringList contexts() const;
    void setContext(const QString &name);
    void setNamespaceFilter(const QString &ns);
    void setAllowChanges(bool allow);

    // After accept(): the chosen context, its namespace filter (empty: all) and the choice.
    const std::optional<net::ResolvedContext> &resolved() const { return m_resolved; }
    QString namespaceFilter() const;
    bool allowChanges() const;
    QString errorText() const;

public Q_SLOTS:
    void accept() override;

private:
    void reload();
    void showError(const QString &text);

    QLineEdit *m_files;
    QComboBox *m_contexts;
    QLineEdit *m_namespace;
    QCheckBox *m_allow;
    QLabel *m_error;
    std::optional<net::Kubeconfig> m_config;
    std::optional<net::ResolvedContext> m_resolved;
};

} // namespace ordinal::gui
