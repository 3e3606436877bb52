#include "listenaddress.h"

#include <QRegularExpression>

namespace ordinal::net {

namespace {

std::optional<ListenAddress> refuse(QString *error, const QString &reason)
{
    if (error)
        *error = reason;
    return std::nullopt;
}

} // namespace

std::optional<ListenAddress> ListenAddressParser::parse(const QString &spec, QString *error,
                                                        const QHostAddress &defaultAddress)
{
    QString host;
    QString portText = spec;
    bool hasHost = false;
    if (spec.startsWith(QLatin1Char('['))) {
        const qsizetype close = spec.indexOf(QLatin1Char(']'));
        if (close < 0 || spec.mid(close + 1, 1) != QLatin1String(":"))
            return refuse(error, tr("\"%1\" is not [IPv6]:PORT").arg(spec));
        host = spec.mid(1, close - 1);
        portText = spec.mid(close + 2);
        hasHost = true;
    } else if (spec.count(QLatin1Char(':')) > 1) {
        return refuse(error,
                      tr("\"%1\": write an IPv6 address in brackets, as [::1]:PORT").arg(spec));
    } else if (spec.contains(QLatin1Char(':'))) {
        host = spec.section(QLatin1Char(':'), 0, 0);
        portText = spec.section(QLatin1Char(':'), 1);
        hasHost = true;
    }

    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,5}$"));
    const uint port = portText.toUInt();
    if (!digits.match(portText).hasMatch() || port > 65535)
        return refuse(error, tr("the port \"%1\" is not a number from 0 to 65535").arg(portText));

    ListenAddress result;
    result.port = quint16(port);
    if (!hasHost) {
        result.address = defaultAddress;
        return result;
    }
    if (host.isEmpty())
        return refuse(error,
                      tr("\"%1\" names no address; give one (127.0.0.1:PORT) or only "
                         "the port")
                          .arg(spec));
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0) {
        result.address = QHostAddress(QHostAddress::LocalHost);
        return result;
    }
    if (spec.startsWith(QLatin1Char('['))) {
        QHostAddress address;
        if (!address.setAddress(host) || address.protocol() != QAbstractSocket::IPv6Protocol)
            return refuse(error, tr("\"%1\" is not an IPv6 address").arg(host));
        result.address = address;
        return result;
    }
    // Dotted quad only: QHostAddress would also take forms such as "127.1" or "0x7f.1".
    static const QRegularExpression quad(
        QStringLiteral("^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
                       "(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$"));
    if (!quad.match(host).hasMatch())
        return refuse(error,
                      tr("\"%1\" is not an IPv4 address, \"localhost\" or a bracketed IPv6 "
                         "address")
                          .arg(host));
    result.address = QHostAddress(host);
    return result;
}

QString hostPort(const QHostAddress &address, quint16 port)
{
    const QString host = address.toString();
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        return QStringLiteral("[%1]:%2").arg(host).arg(port);
    return QStringLiteral("%1:%2").arg(host).arg(port);
}

} // namespace ordinal::net
