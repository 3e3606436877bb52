#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTreeView;

namespace ordinal::gui {

class ObjectsModel;
class Session;

// The Objects dock: StatefulSets, Services, Pods, PVCs and Nodes at the viewed moment in a
// tree, and below it the selected object described as `kubectl describe` would. The tree's
// selection and the session's shared selection follow each other.
class ObjectsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ObjectsPanel(Session *session, QWidget *parent = nullptr);

    ObjectsModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    QString detailsText() const;
    void retranslateUi();

protected:
    void changeEvent(QEvent *event) override;

private:
    void currentChanged();
    void sessionSelectionChanged(const QString &kind, const QString &key);
    void showDetails();

    Session *m_session;
    ObjectsModel *m_model;
    QTreeView *m_view;
    QLabel *m_detailsTitle;
    QPlainTextEdit *m_details;
    QString m_kind;
    QString m_key;
    QString m_shown; // what the details show: kind, key, store version
    bool m_syncing = false;
};

} // namespace ordinal::gui
