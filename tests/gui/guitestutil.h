#pragma once

// Shared set-up for the main-window and canvas tests: isolated settings, a paused session.

#include <QCoreApplication>
#include <QStandardPaths>
#include <QString>

namespace ordinal::gui::test {

inline QString dataFile(const char *name)
{
    return QStringLiteral(ORDINAL_TEST_DATA "/") + QString::fromLatin1(name);
}

// Keeps the tests' QSettings and autosave away from the user's.
inline void isolateSettings()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("OrdinalTests"));
    QCoreApplication::setApplicationName(QStringLiteral("ordinal-gui-tests"));
}

} // namespace ordinal::gui::test
