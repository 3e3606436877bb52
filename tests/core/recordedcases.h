#pragma once

// Recorded cases: a folder with cases.txt ("name<TAB>input" lines, # comments) and
// expected/NAME.out, NAME.err and exitcodes.txt ("name<TAB>status"), written by the folder's
// capture.sh from the real tools. The tests feed each input to Ordinal's engine and compare.

#include <QFile>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>

namespace recorded {

inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// The (name, input) rows of folder/cases.txt.
inline QList<QPair<QString, QString>> cases(const QString &folder)
{
    QList<QPair<QString, QString>> rows;
    for (const QByteArray &line : readAll(folder + QStringLiteral("/cases.txt")).split('\n')) {
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const qsizetype tab = line.indexOf('\t');
        rows.append({ QString::fromUtf8(line.left(tab)), QString::fromUtf8(line.mid(tab + 1)) });
    }
    return rows;
}

inline QMap<QString, int> exitCodes(const QString &folder)
{
    QMap<QString, int> codes;
    for (const QByteArray &line :
         readAll(folder + QStringLiteral("/expected/exitcodes.txt")).split('\n')) {
        const QList<QByteArray> parts = line.split('\t');
        if (parts.size() == 2)
            codes.insert(QString::fromUtf8(parts[0]), parts[1].toInt());
    }
    return codes;
}

// What the tool printed for case name: stdout or stderr ("out" / "err").
inline QString expected(const QString &folder, const QString &name, const char *stream)
{
    return QString::fromUtf8(readAll(folder + QStringLiteral("/expected/") + name + QLatin1Char('.')
                                     + QLatin1String(stream)));
}

} // namespace recorded
