#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace ordinal::gui {

class Session;

// The Console dock: the shared command interpreter as a terminal. Each command is echoed as
// `$ command` followed by its output; a `-w` watch keeps streaming rows as the simulation
// advances until the next command or Ctrl+C. Up/Down walk the command history and Tab
// completes kubectl verbs, resource types and object names.
class ConsolePanel : public QWidget
{
    Q_OBJECT

public:
    explicit ConsolePanel(Session *session, QWidget *parent = nullptr);

    // Runs a command as if typed (echoed, added to the history).
    void runCommand(const QString &line);
    // Appends a command that ran elsewhere (e.g. a lesson step) and what it printed.
    void showCommand(const QString &line, const QString &output);
    // Stops a running watch (Ctrl+C), printing "^C".
    void interrupt();
    void clear();
    // Folder that relative manifest paths are resolved against.
    void setBaseDirectory(const QString &dir) { m_baseDir = dir; }
    QString baseDirectory() const { return m_baseDir; }

    QString transcript() const;
    QStringList history() const { return m_history; }
    QLineEdit *input() const { return m_input; }
    // Candidates for completing the last word of a partial command line.
    QStringList completions(const QString &line) const;

    void retranslateUi();

Q_SIGNALS:
    // A command finished; exitCode 0 means success.
    void commandFinished(const QString &line, int exitCode);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void submit();
    void pollWatch();
    void append(const QString &text);
    void completeInput();
    void updateStatus();
    void applyColors();

    Session *m_session;
    QPlainTextEdit *m_output;
    QLabel *m_prompt;
    QLineEdit *m_input;
    QLabel *m_status;
    QStringList m_history;
    int m_historyPos = 0;
    QString m_draft;
    QString m_baseDir;
};

} // namespace ordinal::gui
