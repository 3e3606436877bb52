#pragma once

#include "api/types.h"

#include <QWidget>

class QComboBox;
class QCompleter;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStringListModel;
class QTabWidget;
class QTableView;
class QTimer;
class QGroupBox;

namespace ordinal::gui {

class DnsHistoryModel;
class DnsRecordsModel;
class Session;

// The DNS dock: asks the simulated cluster DNS a question at the viewed moment, from a chosen
// namespace or pod, and shows the answer as records, as nslookup and dig print it, why a name
// does not exist, and how the answer changed over time. The pods behind the answer are
// highlighted on the canvas. It only reads the zone (Session::dnsAtView) and history.
class DnsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit DnsPanel(Session *session, QWidget *parent = nullptr);

    // The question: a name as a pod would type it ("web-0.nginx") and a type (DnsType value).
    void setQuery(const QString &name, quint16 type = 1);
    QString queryName() const;
    quint16 queryType() const;
    // A console line: an `nslookup NAME` or `dig NAME [TYPE]` becomes the panel's question
    // (so its history shows how the answer changed). False for any other command.
    bool followCommand(const QString &line);
    // Where the question is asked from: a pod's name, or empty for the namespace's busybox pod.
    void setAskedFrom(const QString &namespaceName, const QString &podName = {});

    // The live DNS server serving the simulated zone (empty host: not serving).
    void setDnsServerAddress(const QString &host, quint16 port);

    // Re-evaluates the question and its history now (otherwise done shortly after changes).
    void evaluate();

    // The current answer: a one-line summary, the tool texts, the explanation.
    QString summaryText() const;
    QString nslookupText() const;
    QString digText() const;
    QString whyText() const;
    QStringList answerAddresses() const { return m_addresses; }
    // The ready-to-copy dig command for the live server.
    QString digCommand() const;
    QStringList completionNames() const;
    DnsRecordsModel *recordsModel() const { return m_records; }
    DnsHistoryModel *historyModel() const { return m_history; }

    // The answer before the current one at the viewed moment (the last different, positive
    // answer in "Answers over time"), empty when there was none.
    QString previousAnswer() const;

    void retranslateUi();

Q_SIGNALS:
    // The question was answered again (the answer may be the same).
    void answered();

protected:
    void changeEvent(QEvent *event) override;

private:
    void viewChanged();
    void scheduleEvaluate();
    void evaluateAnswer();
    void evaluateHistory();
    void refreshSources();
    void updateServerBox();
    struct Context;
    Context currentContext() const;

    Session *m_session;
    DnsRecordsModel *m_records;
    DnsHistoryModel *m_history;
    QStringListModel *m_names;
    QCompleter *m_completer;
    QLineEdit *m_name;
    QComboBox *m_type;
    QComboBox *m_from;
    QLabel *m_nameLabel;
    QLabel *m_typeLabel;
    QLabel *m_fromLabel;
    QLabel *m_summary;
    QLabel *m_why;
    QTabWidget *m_tabs;
    QTableView *m_recordsView;
    QPlainTextEdit *m_nslookup;
    QPlainTextEdit *m_dig;
    QGroupBox *m_historyBox;
    QTableView *m_historyView;
    QGroupBox *m_serverBox;
    QLabel *m_serverLabel;
    QLineEdit *m_digCommand;
    QPushButton *m_copy;
    QTimer *m_timer;

    QString m_serverHost;
    quint16 m_serverPort = 0;
    QStringList m_addresses;
    QString m_answeredName;
    QString m_whyText;
    QString m_summaryText;
    qint64 m_seenVersion = -1;
    bool m_seenLive = true;
    qsizetype m_seenEvents = -1;
    QString m_historyKey;
};

} // namespace ordinal::gui
