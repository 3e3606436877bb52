#pragma once

#include <QAbstractItemModel>

namespace ordinal::gui {

class Session;

// The cluster's objects at the viewed moment as a two-level tree: kinds (StatefulSets,
// Services, Pods, PVCs, Nodes) and their objects, with a one-line status each. Rows are
// inserted and removed as objects come and go, so views keep their selection and expansion.
class ObjectsModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Category { StatefulSets, Services, Pods, Claims, Nodes, CategoryCount };
    enum Column { NameColumn, StatusColumn, ColumnCount };
    enum Role {
        KindRole = Qt::UserRole + 1, // "Pod", "StatefulSet", ... (empty for a category row)
        KeyRole,                     // the object's store key
    };

    explicit ObjectsModel(Session *session, QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The index of an object (column 0), or an invalid index.
    QModelIndex indexOf(const QString &kind, const QString &key) const;
    static QString kindOf(Category category);
    // Re-reads the viewed store now.
    void refresh();
    void retranslate();

private:
    struct Item
    {
        QString key;
        QString name;   // name, with the namespace when not "default"
        QString status;
        QString tooltip;
        bool warning = false;
    };
    QList<Item> itemsFor(Category category) const;
    void sync(Category category, const QList<Item> &items);

    Session *m_session;
    QList<Item> m_items[CategoryCount];
    qint64 m_seenVersion = -1;
    bool m_seenLive = true;
};

} // namespace ordinal::gui
