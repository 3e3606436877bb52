#include "exportdialog.h"

#include "ui_exportdialog.h"

#include "console/tablewriter.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QPushButton>

namespace ordinal::gui {

ExportDialog::ExportDialog(core::Millis end, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ExportDialog>())
    , m_end(end)
{
    m_ui->setupUi(this);
    m_ui->toEdit->setText(core::goDuration(end));
    for (const QSize &s : {QSize(1920, 1080), QSize(1280, 720), QSize(3840, 2160)})
        m_ui->sizeBox->addItem(QStringLiteral("%1 × %2").arg(s.width()).arg(s.height()), s);
    m_ui->folderEdit->setText(QDir::homePath());
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->browseButton, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Export Frames To"),
                                                              m_ui->folderEdit->text());
        if (!dir.isEmpty())
            m_ui->folderEdit->setText(dir);
    });
    for (QLineEdit *edit : {m_ui->fromEdit, m_ui->toEdit, m_ui->stepEdit, m_ui->folderEdit})
        connect(edit, &QLineEdit::textChanged, this, &ExportDialog::validate);
    validate();
}

ExportDialog::~ExportDialog() = default;

core::Millis ExportDialog::from() const
{
    return core::parseDuration(m_ui->fromEdit->text().trimmed());
}

core::Millis ExportDialog::to() const
{
    return core::parseDuration(m_ui->toEdit->text().trimmed());
}

core::Millis ExportDialog::step() const
{
    return core::parseDuration(m_ui->stepEdit->text().trimmed());
}

QSize ExportDialog::frameSize() const
{
    return m_ui->sizeBox->currentData().toSize();
}

QString ExportDialog::folder() const
{
    return m_ui->folderEdit->text();
}

bool ExportDialog::presenterStyle() const
{
    return m_ui->presenterCheck->isChecked();
}

void ExportDialog::setFolder(const QString &folder)
{
    m_ui->folderEdit->setText(folder);
}

void ExportDialog::validate()
{
    QString problem;
    const core::Millis a = from();
    const core::Millis b = to();
    const core::Millis s = step();
    if (a < 0)
        problem = tr("“From” is not a duration (e.g. 0s, 1m30s).");
    else if (b < 0)
        problem = tr("“To” is not a duration (e.g. 45s, 2m).");
    else if (b < a)
        problem = tr("“To” is before “From”.");
    else if (b > m_end)
        problem = tr("“To” is after the present (%1).").arg(core::goDuration(m_end));
    else if (s <= 0)
        problem = tr("“Every” must be a positive duration.");
    else if (folder().isEmpty() || !QDir(folder()).exists())
        problem = tr("Choose an existing folder.");
    const qint64 frames = problem.isEmpty() ? (b - a) / s + 1 : 0;
    if (problem.isEmpty() && frames > 5000)
        problem = tr("That is %1 frames; choose a longer interval.").arg(frames);
    m_ui->summaryLabel->setText(problem.isEmpty() ? tr("%n frame(s) will be written.", nullptr, int(frames))
                                                  : problem);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

void ExportDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        validate();
    }
    QDialog::changeEvent(event);
}

} // namespace ordinal::gui
