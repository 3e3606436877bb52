#include "objectsmodel.h"

#include "session.h"

#include "console/printers.h"
#include "console/tablewriter.h"

#include <QApplication>
#include <QFont>
#include <QPalette>
#include <QStyle>

namespace ordinal::gui {

namespace {

constexpr quintptr kCategoryId = 0; // internalId of category rows; objects use category + 1

QString displayName(const core::ObjectMeta &meta)
{
    if (meta.namespaceName.isEmpty() || meta.namespaceName == QLatin1String("default"))
        return meta.name;
    return QStringLiteral("%1/%2").arg(meta.namespaceName, meta.name);
}

} // namespace

ObjectsModel::ObjectsModel(Session *session, QObject *parent)
    : QAbstractItemModel(parent)
    , m_session(session)
{
    connect(session, &Session::viewChanged, this, &ObjectsModel::refresh);
    connect(session, &Session::clusterReset, this, [this] {
        m_seenVersion = -1;
        refresh();
    });
    refresh();
}

QString ObjectsModel::kindOf(Category category)
{
    switch (category) {
    case StatefulSets:
        return QStringLiteral("StatefulSet");
    case Services:
        return QStringLiteral("Service");
    case Pods:
        return QStringLiteral("Pod");
    case Claims:
        return QStringLiteral("PersistentVolumeClaim");
    case Nodes:
        return QStringLiteral("Node");
    default:
        return {};
    }
}

QList<ObjectsModel::Item> ObjectsModel::itemsFor(Category category) const
{
    const core::Store &store = m_session->viewStore();
    const core::Millis now = m_session->viewTime();
    QList<Item> items;
    switch (category) {
    case StatefulSets:
        for (const core::StatefulSet &set : store.all<core::StatefulSet>()) {
            Item item{core::objectKey(set.metadata), displayName(set.metadata), {}, {}, false};
            item.status = tr("%1/%2 ready").arg(set.status.readyReplicas).arg(set.spec.replicas);
            item.warning = set.status.readyReplicas < set.spec.replicas;
            item.tooltip = tr("%1, service %2").arg(set.spec.podManagementPolicy,
                                                   set.spec.serviceName);
            items.append(item);
        }
        break;
    case Services:
        for (const core::Service &svc : store.all<core::Service>()) {
            Item item{core::objectKey(svc.metadata), displayName(svc.metadata), {}, {}, false};
            item.status = svc.isHeadless() ? tr("headless") : svc.spec.clusterIP;
            item.tooltip = svc.spec.type;
            items.append(item);
        }
        break;
    case Pods:
        for (const core::Pod &pod : store.all<core::Pod>()) {
            Item item{core::objectKey(pod.metadata), displayName(pod.metadata), {}, {}, false};
            const QString status = core::printers::podStatus(pod);
            item.status = pod.status.podIP.isEmpty()
                ? status
                : QStringLiteral("%1  %2").arg(status, pod.status.podIP);
            item.warning = !pod.isReady();
            item.tooltip = core::printers::podRow(pod, now, true).join(QStringLiteral("  "));
            items.append(item);
        }
        break;
    case Claims:
        for (const core::PersistentVolumeClaim &claim : store.all<core::PersistentVolumeClaim>()) {
            Item item{core::objectKey(claim.metadata), displayName(claim.metadata), {}, {}, false};
            item.status = claim.phase;
            item.warning = claim.phase != QLatin1String("Bound");
            items.append(item);
        }
        break;
    case Nodes:
        for (const core::Node &node : store.all<core::Node>()) {
            Item item{core::objectKey(node.metadata), displayName(node.metadata), {}, {}, false};
            QString ready = node.isReady() ? QStringLiteral("Ready") : QStringLiteral("NotReady");
            if (node.unschedulable)
                ready += QStringLiteral(",SchedulingDisabled");
            item.status = QStringLiteral("%1  %2").arg(ready, node.roles());
            item.warning = !node.isReady();
            item.tooltip = node.podCIDR;
            items.append(item);
        }
        break;
    default:
        break;
    }
    return items;
}

void ObjectsModel::refresh()
{
    const core::Store &store = m_session->viewStore();
    if (store.resourceVersion() == m_seenVersion && m_session->isLive() == m_seenLive)
        return;
    m_seenVersion = store.resourceVersion();
    m_seenLive = m_session->isLive();
    for (int c = 0; c < CategoryCount; ++c)
        sync(Category(c), itemsFor(Category(c)));
}

void ObjectsModel::retranslate()
{
    m_seenVersion = -1;
    refresh();
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    Q_EMIT dataChanged(index(0, 0), index(CategoryCount - 1, ColumnCount - 1));
}

void ObjectsModel::sync(Category category, const QList<Item> &items)
{
    // Both lists are sorted by key (the store's maps are): merge them, removing and inserting
    // rows one run at a time, and report changed rows in place.
    QList<Item> &current = m_items[category];
    const QModelIndex parent = index(category, 0);
    int i = 0;
    qsizetype j = 0;
    while (i < current.size() || j < items.size()) {
        if (j >= items.size() || (i < current.size() && current.at(i).key < items.at(j).key)) {
            int end = i;
            while (end + 1 < current.size()
                   && (j >= items.size() || current.at(end + 1).key < items.at(j).key))
                ++end;
            beginRemoveRows(parent, i, end);
            current.remove(i, end - i + 1);
            endRemoveRows();
        } else if (i >= current.size() || items.at(j).key < current.at(i).key) {
            qsizetype end = j;
            while (end + 1 < items.size()
                   && (i >= current.size() || items.at(end + 1).key < current.at(i).key))
                ++end;
            beginInsertRows(parent, i, i + int(end - j));
            for (qsizetype k = j; k <= end; ++k)
                current.insert(i + (k - j), items.at(k));
            endInsertRows();
            i += int(end - j + 1);
            j = end + 1;
        } else {
            const Item &now = items.at(j);
            Item &was = current[i];
            if (was.status != now.status || was.name != now.name || was.tooltip != now.tooltip
                || was.warning != now.warning) {
                was = now;
                Q_EMIT dataChanged(index(i, 0, parent), index(i, ColumnCount - 1, parent));
            }
            ++i;
            ++j;
        }
    }
    Q_EMIT dataChanged(parent, index(category, ColumnCount - 1));
}

QModelIndex ObjectsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kCategoryId);
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex ObjectsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kCategoryId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kCategoryId);
}

int ObjectsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return CategoryCount;
    if (parent.column() != 0 || parent.internalId() != kCategoryId)
        return 0;
    return int(m_items[parent.row()].size());
}

int ObjectsModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ObjectsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == kCategoryId) {
        const auto category = Category(index.row());
        if (role == Qt::DisplayRole) {
            if (index.column() == StatusColumn)
                return QString::number(m_items[category].size());
            switch (category) {
            case StatefulSets:
                return tr("StatefulSets");
            case Services:
                return tr("Services");
            case Pods:
                return tr("Pods");
            case Claims:
                return tr("PersistentVolumeClaims");
            case Nodes:
                return tr("Nodes");
            default:
                return {};
            }
        }
        if (role == Qt::FontRole) {
            QFont font;
            font.setBold(true);
            return font;
        }
        if (role == KindRole || role == KeyRole)
            return QString();
        return {};
    }
    const auto category = Category(index.internalId() - 1);
    const Item &item = m_items[category].at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == NameColumn ? item.name : item.status;
    case Qt::ToolTipRole:
        return item.tooltip.isEmpty() ? QVariant() : QVariant(item.tooltip);
    case Qt::DecorationRole:
        if (index.column() == NameColumn && item.warning)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        return {};
    case KindRole:
        return kindOf(category);
    case KeyRole:
        return item.key;
    default:
        return {};
    }
}

QVariant ObjectsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    return section == NameColumn ? tr("Object") : tr("Status");
}

QModelIndex ObjectsModel::indexOf(const QString &kind, const QString &key) const
{
    for (int c = 0; c < CategoryCount; ++c) {
        if (kindOf(Category(c)) != kind)
            continue;
        const QList<Item> &items = m_items[c];
        for (int r = 0; r < items.size(); ++r) {
            if (items.at(r).key == key)
                return index(r, 0, index(c, 0));
        }
    }
    return {};
}

} // namespace ordinal::gui
