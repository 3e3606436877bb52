#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTimer;

namespace ordinal::gui {

class Session;
class YamlEditor;

// The YAML dock: the manifests being worked on, editable, validated as you type (decoded by
// the ManifestLoader and admitted, on copies, as the API server would), with every error shown
// at its line and column; Ctrl+Enter applies the document to the cluster, all or nothing.
class YamlPanel : public QWidget
{
    Q_OBJECT

public:
    struct Problem
    {
        int line = 0;
        int column = 0;
        QString message;
    };

    explicit YamlPanel(Session *session, QWidget *parent = nullptr);

    // Shows a document (an opened or dropped file); fileName names it in messages.
    void setDocument(const QString &text, const QString &fileName);
    QString text() const;
    QString fileName() const { return m_fileName; }
    YamlEditor *editor() const { return m_editor; }

    // Validates now (otherwise done shortly after typing stops); true when valid.
    bool validate();
    QList<Problem> problems() const { return m_problems; }
    // Applies the document (Ctrl+Enter); true when the cluster accepted every object.
    bool apply();
    QString lastApplyStatus() const;

    void retranslateUi();

Q_SIGNALS:
    // The document was validated; valid when there are no problems.
    void validated(bool valid);
    // An apply finished; message is what kubectl would print (or its error).
    void applied(bool ok, const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showProblems();
    void updateHeader();

    Session *m_session;
    YamlEditor *m_editor;
    QLabel *m_header;
    QListWidget *m_problemList;
    QLabel *m_status;
    QPushButton *m_apply;
    QPushButton *m_validate;
    QTimer *m_timer;
    QString m_fileName;
    QList<Problem> m_problems;
    int m_objectCount = 0;
    bool m_validatedOnce = false;
    enum class ApplyState { None, Ok, Failed } m_applyState = ApplyState::None;
    QString m_applyMessage;
};

} // namespace ordinal::gui
