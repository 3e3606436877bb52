#include "window/languageswitcher.h"

#include "mainwindow.h"
#include "window/actionhandler.h"

#include <QAction>
#include <QCoreApplication>
#include <QEvent>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace ordinal::gui {

LanguageSwitcher::LanguageSwitcher(MainWindow *window, ActionHandler *actions)
    : QObject(window)
    , m_window(window)
    , m_actions(actions)
{
    const QLocale locale;
    if (locale.language() == QLocale::Chinese)
        m_language = QStringLiteral("zh_CN");
    connect(m_actions->action("languageEnglishAction"), &QAction::triggered, this,
            [this] { setLanguage(QStringLiteral("en")); });
    connect(m_actions->action("languageChineseAction"), &QAction::triggered, this, [this] {
        if (!setLanguage(QStringLiteral("zh_CN")))
            m_window->showError(tr("The Chinese translation is not available in this build."));
    });
}

void LanguageSwitcher::updateChecks()
{
    m_actions->action("languageEnglishAction")->setChecked(m_language == QLatin1String("en"));
    m_actions->action("languageChineseAction")->setChecked(m_language == QLatin1String("zh_CN"));
}

bool LanguageSwitcher::setLanguage(const QString &language)
{
    QList<QTranslator *> loaded;
    if (language != QLatin1String("en")) {
        for (const QString &name : {QStringLiteral("ordinal"), QStringLiteral("qtbase")}) {
            auto *t = new QTranslator(qApp);
            if (t->load(QStringLiteral(":/i18n/%1_%2.qm").arg(name, language)))
                loaded << t;
            else
                delete t;
        }
        if (loaded.isEmpty() || loaded.first()->language().isEmpty()) {
            qDeleteAll(loaded);
            return false;
        }
    }
    // Remove what is installed (ours, and those main() installed at start-up).
    const QList<QTranslator *> installed = qApp->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly);
    for (QTranslator *t : installed) {
        if (loaded.contains(t))
            continue;
        QCoreApplication::removeTranslator(t);
        t->deleteLater();
    }
    m_language = language;
    QLocale::setDefault(QLocale(language == QLatin1String("en") ? QStringLiteral("en_US") : language));
    for (QTranslator *t : std::as_const(loaded))
        QCoreApplication::installTranslator(t);
    if (loaded.isEmpty()) {
        // Removing translators already sent LanguageChange; make sure of it when none was installed.
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(m_window, &change);
    }
    QSettings().setValue(QStringLiteral("ui/language"), language);
    return true;
}

} // namespace ordinal::gui
