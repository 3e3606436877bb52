#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace ordinal::gui {

// A dismissible message above the canvas (as KMessageWidget): information, a warning (history
// branched) or an error (a file that could not be applied, with file:line:column). Selectable
// text, so a position can be copied.
class MessageBanner : public QFrame
{
    Q_OBJECT

public:
    enum class Kind { Information, Warning, Error };

    explicit MessageBanner(QWidget *parent = nullptr);

    void showMessage(Kind kind, const QString &text);
    Kind kind() const { return m_kind; }
    QString text() const;

Q_SIGNALS:
    // The user closed the banner.
    void dismissed();

private:
    QLabel *m_icon;
    QLabel *m_text;
    QToolButton *m_close;
    Kind m_kind = Kind::Information;
};

} // namespace ordinal::gui
