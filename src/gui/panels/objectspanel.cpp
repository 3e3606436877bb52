#include "objectspanel.h"

#include "objectsmodel.h"
#include "session.h"

#include "console/printers.h"
#include "console/tablewriter.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace ordinal::gui {

ObjectsPanel::ObjectsPanel(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new ObjectsModel(session, this))
    , m_view(new QTreeView(this))
    , m_detailsTitle(new QLabel(this))
    , m_details(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("ObjectsPanel"));
    m_view->setModel(m_model);
    m_view->setObjectName(QStringLiteral("objectsTree"));
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->resizeSection(ObjectsModel::NameColumn, 160);
    m_view->expandAll();
    m_details->setReadOnly(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_details->setObjectName(QStringLiteral("objectDetails"));
    QFont bold = m_detailsTitle->font();
    bold.setBold(true);
    m_detailsTitle->setFont(bold);

    auto *detailsBox = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(detailsBox);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_detailsTitle);
    detailsLayout->addWidget(m_details, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(detailsBox);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ObjectsPanel::currentChanged);
    connect(session, &Session::selectionChanged, this, &ObjectsPanel::sessionSelectionChanged);
    // A new kind's first object: keep categories open as they fill.
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &parent) {
        if (parent.isValid() && !parent.parent().isValid())
            m_view->expand(parent);
    });
    connect(session, &Session::viewChanged, this, &ObjectsPanel::showDetails);

    retranslateUi();
}

void ObjectsPanel::currentChanged()
{
    const QModelIndex current = m_view->currentIndex();
    const QString kind = current.data(ObjectsModel::KindRole).toString();
    const QString key = current.data(ObjectsModel::KeyRole).toString();
    if (kind.isEmpty())
        return;
    m_kind = kind;
    m_key = key;
    showDetails();
    if (!m_syncing)
        m_session->select(kind, key);
}

void ObjectsPanel::sessionSelectionChanged(const QString &kind, const QString &key)
{
    const QModelIndex index = m_model->indexOf(kind, key);
    m_kind = kind;
    m_key = key;
    if (index.isValid() && index != m_view->currentIndex()) {
        m_syncing = true;
        m_view->setCurrentIndex(index);
        m_view->scrollTo(index);
        m_syncing = false;
    }
    showDetails();
}

void ObjectsPanel::showDetails()
{
    if (m_kind.isEmpty()) {
        m_detailsTitle->setText(tr("Select an object to see its details."));
        m_details->clear();
        return;
    }
    const core::Store &store = m_session->viewStore();
    // Describing is not free: redo it only when the shown object or the viewed state changed.
    const QString shown = QStringLiteral("%1|%2|%3|%4")
                              .arg(m_kind, m_key)
                              .arg(store.resourceVersion())
                              .arg(m_session->isLive());
    if (shown == m_shown)
        return;
    m_shown = shown;
    const core::Simulation &sim = m_session->simulation();
    QString text;
    if (m_kind == QLatin1String("Pod")) {
        if (const core::Pod *pod = store.find<core::Pod>(m_key))
            text = core::printers::describePod(sim, *pod);
    } else if (m_kind == QLatin1String("StatefulSet")) {
        if (const core::StatefulSet *set = store.find<core::StatefulSet>(m_key))
            text = core::printers::describeStatefulSet(sim, *set);
    } else if (m_kind == QLatin1String("Service")) {
        if (const core::Service *svc = store.find<core::Service>(m_key))
            text = core::printers::describeService(sim, *svc);
    } else if (m_kind == QLatin1String("Node")) {
        if (const core::Node *node = store.find<core::Node>(m_key))
            text = core::printers::describeNode(sim, *node);
    } else if (m_kind == QLatin1String("PersistentVolumeClaim")) {
        if (const auto *claim = store.find<core::PersistentVolumeClaim>(m_key)) {
            const QList<QStringList> rows{core::printers::claimHeader(),
                                          core::printers::claimRow(*claim, m_session->viewTime())};
            text = core::TableWriter().flush(rows);
        }
    }
    if (text.isEmpty()) {
        m_detailsTitle->setText(tr("%1 %2 does not exist at this moment.")
                                    .arg(m_kind, m_key.section(QLatin1Char('/'), -1)));
    } else {
        m_detailsTitle->setText(tr("%1 %2").arg(m_kind, m_key.section(QLatin1Char('/'), -1)));
    }
    if (m_details->toPlainText() != text) {
        const int scroll = m_details->verticalScrollBar()->value();
        m_details->setPlainText(text);
        m_details->verticalScrollBar()->setValue(scroll);
    }
}

QString ObjectsPanel::detailsText() const
{
    return m_details->toPlainText();
}

void ObjectsPanel::retranslateUi()
{
    m_shown.clear();
    m_view->setToolTip(tr("The cluster's objects at the moment shown; select one for details"));
    m_model->retranslate();
    showDetails();
}

void ObjectsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace ordinal::gui
