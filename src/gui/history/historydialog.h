#pragma once

#include <QDialog>

class QLabel;
class QListWidget;
class QUndoView;

namespace ordinal::gui {

class History;

// Edit ▸ History: every entry of the history, whatever its source (console, lesson, window,
// Kubernetes API), as a list to step through (selecting an entry undoes or redoes up to it),
// and under it the branches that acting after an undo or in the past left behind, with
// what each of them held. Not modal: it follows the history while open.
class HistoryDialog : public QDialog
{
    Q_OBJECT

public:
    HistoryDialog(History *history, QWidget *parent = nullptr);

    QUndoView *view() const { return m_view; }
    QListWidget *branchList() const { return m_branches; }
    void retranslate();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateBranches();

    History *m_history;
    QUndoView *m_view;
    QLabel *m_branchLabel;
    QListWidget *m_branches;
};

} // namespace ordinal::gui
