#include "history/historydialog.h"

#include "history/history.h"

#include "console/tablewriter.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QListWidget>
#include <QUndoView>
#include <QVBoxLayout>

namespace ordinal::gui {

HistoryDialog::HistoryDialog(History *history, QWidget *parent)
    : QDialog(parent)
    , m_history(history)
    , m_view(new QUndoView(history->stack(), this))
    , m_branchLabel(new QLabel(this))
    , m_branches(new QListWidget(this))
{
    setObjectName(QStringLiteral("historyDialog"));
    m_view->setObjectName(QStringLiteral("historyView"));
    m_branches->setObjectName(QStringLiteral("branchList"));
    m_branches->setWordWrap(true);
    m_branchLabel->setBuddy(m_branches);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 3);
    layout->addWidget(m_branchLabel);
    layout->addWidget(m_branches, 1);
    layout->addWidget(buttons);
    connect(m_history, &History::branched, this, &HistoryDialog::updateBranches);
    resize(460, 520);
    retranslate();
}

void HistoryDialog::retranslate()
{
    setWindowTitle(tr("History"));
    m_view->setEmptyLabel(tr("The cluster as it started"));
    m_branchLabel->setText(tr("Branches left behind:"));
    updateBranches();
}

void HistoryDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void HistoryDialog::updateBranches()
{
    m_branches->clear();
    for (const History::Branch &branch : m_history->branches()) {
        m_branches->addItem(tr("At %1, left: %2")
                                .arg(core::goDuration(branch.at),
                                     branch.discarded.join(QStringLiteral(" → "))));
    }
    if (m_branches->count() == 0)
        m_branches->addItem(tr("None: nothing was discarded."));
}

} // namespace ordinal::gui
