#include "eventspanel.h"

#include "eventsmodel.h"
#include "session.h"

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace ordinal::gui {

namespace {

// Text filter over all columns, plus an optional "pod rows only" switch.
class EventsFilterModel : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setShowDecisions(bool show)
    {
        if (show == m_showDecisions)
            return;
        m_showDecisions = show;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QModelIndex first = sourceModel()->index(row, 0, parent);
        if (!m_showDecisions && first.data(EventsModel::IsDecisionRole).toBool())
            return false;
        return QSortFilterProxyModel::filterAcceptsRow(row, parent);
    }

private:
    bool m_showDecisions = true;
};

} // namespace

EventsPanel::EventsPanel(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new EventsModel(session, this))
    , m_proxy(new EventsFilterModel(this))
    , m_filter(new QLineEdit(this))
    , m_showDecisions(new QCheckBox(this))
    , m_view(new QTableView(this))
    , m_count(new QLabel(this))
{
    setObjectName(QStringLiteral("EventsPanel"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_filter->setClearButtonEnabled(true);
    m_filter->setObjectName(QStringLiteral("eventsFilter"));
    m_showDecisions->setChecked(true);

    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->resizeSection(EventsModel::TimeColumn, 70);
    m_view->horizontalHeader()->resizeSection(EventsModel::NameColumn, 110);
    m_view->horizontalHeader()->resizeSection(EventsModel::ReadyColumn, 55);
    m_view->horizontalHeader()->resizeSection(EventsModel::StatusColumn, 130);
    m_view->horizontalHeader()->resizeSection(EventsModel::RestartsColumn, 80);
    m_view->horizontalHeader()->resizeSection(EventsModel::AgeColumn, 50);

    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_showDecisions);
    top->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);

    connect(m_filter, &QLineEdit::textChanged, this, &EventsPanel::setFilterText);
    connect(m_showDecisions, &QCheckBox::toggled, this, [this](bool show) {
        static_cast<EventsFilterModel *>(m_proxy)->setShowDecisions(show);
    });
    connect(m_view, &QTableView::clicked, this, &EventsPanel::activateRow);
    connect(m_view, &QTableView::activated, this, &EventsPanel::activateRow);
    // Follow new rows while the view is scrolled to the bottom, as a terminal does.
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        m_follow = value >= m_view->verticalScrollBar()->maximum();
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &EventsPanel::scrollIfFollowing);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &EventsPanel::scrollIfFollowing);

    retranslateUi();
}

void EventsPanel::setFilterText(const QString &text)
{
    if (m_filter->text() != text)
        m_filter->setText(text);
    m_proxy->setFilterFixedString(text);
    retranslateUi();
}

void EventsPanel::activateRow(const QModelIndex &proxyIndex)
{
    if (!proxyIndex.isValid())
        return;
    const QModelIndex index = m_proxy->mapToSource(proxyIndex);
    const QString podKey = index.data(EventsModel::PodKeyRole).toString();
    const QString kind = index.data(EventsModel::ObjectKindRole).toString();
    const QString key = index.data(EventsModel::ObjectKeyRole).toString();
    if (!podKey.isEmpty())
        m_session->select(QStringLiteral("Pod"), podKey);
    else if (!key.isEmpty())
        m_session->select(kind, key);
    m_session->setViewTime(index.data(EventsModel::TimeRole).value<qint64>());
}

void EventsPanel::scrollIfFollowing()
{
    if (m_follow)
        m_view->scrollToBottom();
    m_count->setText(tr("%n row(s)", nullptr, m_proxy->rowCount()));
}

void EventsPanel::retranslateUi()
{
    m_filter->setPlaceholderText(tr("Filter events (name, status, reason)…"));
    m_showDecisions->setText(tr("Decisions"));
    m_showDecisions->setToolTip(
        tr("Show the controllers' decisions, in plain language, between the pod rows"));
    m_view->setToolTip(tr("Click a row to select its Pod and jump to that moment"));
    m_count->setText(tr("%n row(s)", nullptr, m_proxy->rowCount()));
}

void EventsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_model->retranslate();
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

} // namespace ordinal::gui
