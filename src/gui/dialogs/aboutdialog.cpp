#include "aboutdialog.h"

#include "ui_aboutdialog.h"

#include <QApplication>
#include <QEvent>

namespace ordinal::gui {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AboutDialog>())
{
    m_ui->setupUi(this);
    m_ui->iconLabel->setPixmap(QApplication::windowIcon().pixmap(64, 64));
    QFont title = m_ui->titleLabel->font();
    title.setPointSizeF(title.pointSizeF() * 1.8);
    title.setBold(true);
    m_ui->titleLabel->setFont(title);
    m_ui->descriptionLabel->setMinimumWidth(420);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    retranslate();
}

AboutDialog::~AboutDialog() = default;

void AboutDialog::retranslate()
{
    m_ui->versionLabel->setText(tr("Version %1 · Qt %2").arg(QStringLiteral(ORDINAL_VERSION),
                                                             QString::fromLatin1(qVersion())));
}

void AboutDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}

} // namespace ordinal::gui
