#include "console/tablewriter.h"

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

namespace ordinal::core {

namespace {
constexpr int kMinWidth = 6;
constexpr int kPadding = 3;
} // namespace

QString TableWriter::flush(const QList<QStringList> &rows)
{
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (m_widths.size() <= i)
                m_widths.append(0);
            m_widths[i] = std::max<int>(m_widths[i], std::max<int>(kMinWidth, int(row[i].size()) + kPadding));
        }
    }
    QString out;
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (i + 1 < row.size())
                out += row[i].leftJustified(m_widths[i], QLatin1Char(' '));
            else
                out += row[i];
        }
        out += QLatin1Char('\n');
    }
    return out;
}

QString humanDuration(Millis d)
{
    const qint64 seconds = d / kSecond;
    if (seconds < -1)
        return QStringLiteral("<invalid>");
    if (seconds < 0)
        return QStringLiteral("0s");
    if (seconds < 60 * 2)
        return QStringLiteral("%1s").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 10) {
        const qint64 s = seconds % 60;
        if (s == 0)
            return QStringLiteral("%1m").arg(minutes);
        return QStringLiteral("%1m%2s").arg(minutes).arg(s);
    }
    if (minutes < 60 * 3)
        return QStringLiteral("%1m").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 8) {
        const qint64 m = minutes % 60;
        if (m == 0)
            return QStringLiteral("%1h").arg(hours);
        return QStringLiteral("%1h%2m").arg(hours).arg(m);
    }
    if (hours < 48)
        return QStringLiteral("%1h").arg(hours);
    if (hours < 24 * 8) {
        const qint64 h = hours % 24;
        if (h == 0)
            return QStringLiteral("%1d").arg(hours / 24);
        return QStringLiteral("%1d%2h").arg(hours / 24).arg(h);
    }
    if (hours < 24 * 365 * 2)
        return QStringLiteral("%1d").arg(hours / 24);
    if (hours < 24 * 365 * 8) {
        const qint64 dy = (hours / 24) % 365;
        if (dy == 0)
            return QStringLiteral("%1y").arg(hours / 24 / 365);
        return QStringLiteral("%1y%2d").arg(hours / 24 / 365).arg(dy);
    }
    return QStringLiteral("%1y").arg(hours / 24 / 365);
}

QString goDuration(Millis d)
{
    if (d == 0)
        return QStringLiteral("0s");
    QString sign;
    if (d < 0) {
        sign = QStringLiteral("-");
        d = -d;
    }
    if (d < kSecond)
        return sign + QStringLiteral("%1ms").arg(d);
    QString secondsText = QString::number((d % kMinute) / kSecond);
    if (d % kSecond != 0) {
        QString frac = QStringLiteral("%1").arg(d % kSecond, 3, 10, QLatin1Char('0'));
        while (frac.endsWith(QLatin1Char('0')))
            frac.chop(1);
        secondsText += QLatin1Char('.') + frac;
    }
    if (d < kMinute)
        return sign + secondsText + QLatin1Char('s');
    if (d < kHour)
        return sign + QStringLiteral("%1m%2s").arg(d / kMinute).arg(secondsText);
    return sign
        + QStringLiteral("%1h%2m%3s").arg(d / kHour).arg((d % kHour) / kMinute).arg(secondsText);
}

Millis parseDuration(const QString &text)
{
    static const QRegularExpression part(QStringLiteral("(\\d+(?:\\.\\d+)?)(ms|s|m|h)"));
    const QString t = text.trimmed();
    if (t.isEmpty())
        return -1;
    bool isNumber = false;
    const double plain = t.toDouble(&isNumber);
    if (isNumber)
        return plain < 0 ? -1 : Millis(plain * kSecond);
    Millis total = 0;
    qsizetype pos = 0;
    auto it = part.globalMatch(t);
    while (it.hasNext()) {
        const auto m = it.next();
        if (m.capturedStart() != pos)
            return -1;
        pos = m.capturedEnd();
        const double value = m.captured(1).toDouble();
        const QString unit = m.captured(2);
        const Millis scale = unit == QLatin1String("ms") ? 1
            : unit == QLatin1String("s")                 ? kSecond
            : unit == QLatin1String("m")                 ? kMinute
                                                         : kHour;
        total += Millis(value * scale);
    }
    return pos == t.size() ? total : -1;
}

QString describeTime(Millis t)
{
    const QDateTime epoch(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc());
    return QLocale::c().toString(epoch.addMSecs(t), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"))
        + QStringLiteral(" +0000");
}

} // namespace ordinal::core
