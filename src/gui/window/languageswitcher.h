#pragma once

#include <QObject>
#include <QString>

class QTranslator;

namespace ordinal::gui {

class ActionHandler;
class MainWindow;

// The Language menu: swaps the application's translators at run time (Ordinal's and Qt's own,
// from :/i18n), sets the default locale, and remembers the choice for the next start. The
// window then retranslates on the LanguageChange event Qt sends.
class LanguageSwitcher : public QObject
{
    Q_OBJECT

public:
    LanguageSwitcher(MainWindow *window, ActionHandler *actions);

    // "en" or "zh_CN": installs the translator from :/i18n; false when it is not available.
    bool setLanguage(const QString &language);
    QString language() const { return m_language; }
    // Checks the menu entry of the current language.
    void updateChecks();

private:
    MainWindow *m_window;
    ActionHandler *m_actions;
    QString m_language = QStringLiteral("en");
};

} // namespace ordinal::gui
