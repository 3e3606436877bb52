#include "connectdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ordinal::gui {

ConnectDialog::ConnectDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("connectDialog"));
    setWindowTitle(tr("Connect to Cluster"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Ordinal watches a real cluster and draws it as it draws the "
                                "simulation. It only reads, unless you allow changes."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    m_files = new QLineEdit(this);
    m_files->setObjectName(QStringLiteral("kubeconfigFiles"));
    auto *browse = new QPushButton(tr("Browse…"), this);
    auto *filesRow = new QHBoxLayout;
    filesRow->addWidget(m_files, 1);
    filesRow->addWidget(browse);
    form->addRow(tr("Kubeconfig:"), filesRow);
    m_contexts = new QComboBox(this);
    m_contexts->setObjectName(QStringLiteral("contexts"));
    form->addRow(tr("Context:"), m_contexts);
    m_namespace = new QLineEdit(this);
    m_namespace->setObjectName(QStringLiteral("namespaceFilter"));
    m_namespace->setPlaceholderText(tr("all namespaces"));
    form->addRow(tr("Namespace:"), m_namespace);
    layout->addLayout(form);
    m_allow = new QCheckBox(tr("Allow changes (each one asks first, naming the cluster)"), this);
    m_allow->setObjectName(QStringLiteral("allowChanges"));
    layout->addWidget(m_allow);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("connectError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(tr("Connect"), QDialogButtonBox::AcceptRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ConnectDialog::reject);
    connect(m_files, &QLineEdit::editingFinished, this, &ConnectDialog::reload);
    connect(browse, &QPushButton::clicked, this, [this]() {
        const QString file = QFileDialog::getOpenFileName(this, tr("Kubeconfig"), QDir::homePath());
        if (!file.isEmpty())
            setFiles(file);
    });
    connect(m_contexts, &QComboBox::currentTextChanged, this, [this](const QString &name) {
        if (m_config && m_config->contexts().contains(name))
            m_namespace->setText(m_config->contexts()[name].namespaceName);
    });
    setFiles(net::Kubeconfig::defaultFiles().join(QDir::listSeparator()));
    resize(520, sizeHint().height());
}

void ConnectDialog::setFiles(const QString &files)
{
    m_files->setText(files);
    reload();
}

QStringList ConnectDialog::contexts() const
{
    QStringList names;
    for (int i = 0; i < m_contexts->count(); ++i)
        names << m_contexts->itemText(i);
    return names;
}

void ConnectDialog::setContext(const QString &name)
{
    m_contexts->setCurrentText(name);
}

void ConnectDialog::setNamespaceFilter(const QString &ns)
{
    m_namespace->setText(ns);
}

void ConnectDialog::setAllowChanges(bool allow)
{
    m_allow->setChecked(allow);
}

QString ConnectDialog::namespaceFilter() const
{
    return m_namespace->text().trimmed();
}

bool ConnectDialog::allowChanges() const
{
    return m_allow->isChecked();
}

QString ConnectDialog::errorText() const
{
    return m_error->isVisible() || !m_error->text().isEmpty() ? m_error->text() : QString();
}

void ConnectDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void ConnectDialog::reload()
{
    m_contexts->clear();
    QString error;
    m_config = net::Kubeconfig::load(
        m_files->text().split(QDir::listSeparator(), Qt::SkipEmptyParts), &error);
    if (!m_config) {
        showError(error);
        return;
    }
    showError({});
    m_contexts->addItems(m_config->contextNames());
    if (!m_config->currentContext().isEmpty())
        m_contexts->setCurrentText(m_config->currentContext());
}

void ConnectDialog::accept()
{
    if (!m_config) {
        reload();
        if (!m_config)
            return;
    }
    QString error;
    m_resolved = m_config->resolve(m_contexts->currentText(), &error);
    if (!m_resolved) {
        showError(error);
        return;
    }
    QDialog::accept();
}

} // namespace ordinal::gui
