#include "launch.h"

#include <QApplication>
#include <QTextStream>

namespace ordinal::gui {

int run(QApplication &app, const LaunchOptions &options)
{
    Q_UNUSED(app)
    Q_UNUSED(options)
    QTextStream(stderr) << "ordinal: the desktop window is not available in this build\n";
    return 2;
}

} // namespace ordinal::gui
