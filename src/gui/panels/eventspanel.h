#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace ordinal::gui {

class EventsModel;
class Session;

// The Events dock: the pod watch rows and the controllers' plain-language decisions in one
// time-ordered table, with a filter. Clicking a row selects its pod and moves the timeline to
// the row's moment.
class EventsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit EventsPanel(Session *session, QWidget *parent = nullptr);

    EventsModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    // Shows only rows containing text (case-insensitive, any column).
    void setFilterText(const QString &text);
    void retranslateUi();

protected:
    void changeEvent(QEvent *event) override;

private:
    void activateRow(const QModelIndex &proxyIndex);
    void scrollIfFollowing();

    Session *m_session;
    EventsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QCheckBox *m_showDecisions;
    QTableView *m_view;
    QLabel *m_count;
    bool m_follow = true;
};

} // namespace ordinal::gui
