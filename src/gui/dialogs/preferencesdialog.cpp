#include "preferencesdialog.h"

#include "ui_preferencesdialog.h"

#include "timeline/transportbar.h"

#include <QEvent>
#include <QSettings>

namespace ordinal::gui {

namespace {

void fillSpeeds(QComboBox *box, double current)
{
    box->clear();
    for (const double s : TransportBar::speeds()) {
        box->addItem(QStringLiteral("%1×").arg(s), s);
        if (qFuzzyCompare(s, current))
            box->setCurrentIndex(box->count() - 1);
    }
}

} // namespace

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::PreferencesDialog>())
{
    m_ui->setupUi(this);
    fillSpeeds(m_ui->speedBox, defaultSpeed());
    fillSpeeds(m_ui->presenterSpeedBox, presenterSpeed());
    m_ui->animateCheck->setChecked(animate());
    m_ui->autosaveSpin->setValue(autosaveSeconds());
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

PreferencesDialog::~PreferencesDialog() = default;

double PreferencesDialog::defaultSpeed()
{
    return QSettings().value(QStringLiteral("simulation/speed"), 1.0).toDouble();
}

double PreferencesDialog::presenterSpeed()
{
    return QSettings().value(QStringLiteral("simulation/presenterSpeed"), 0.5).toDouble();
}

bool PreferencesDialog::animate()
{
    return QSettings().value(QStringLiteral("canvas/animate"), true).toBool();
}

int PreferencesDialog::autosaveSeconds()
{
    return QSettings().value(QStringLiteral("files/autosaveSeconds"), 30).toInt();
}

void PreferencesDialog::accept()
{
    QSettings settings;
    settings.setValue(QStringLiteral("simulation/speed"), m_ui->speedBox->currentData());
    settings.setValue(QStringLiteral("simulation/presenterSpeed"),
                      m_ui->presenterSpeedBox->currentData());
    settings.setValue(QStringLiteral("canvas/animate"), m_ui->animateCheck->isChecked());
    settings.setValue(QStringLiteral("files/autosaveSeconds"), m_ui->autosaveSpin->value());
    QDialog::accept();
}

void PreferencesDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        m_ui->retranslateUi(this);
    QDialog::changeEvent(event);
}

} // namespace ordinal::gui
