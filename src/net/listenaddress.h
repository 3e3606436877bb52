#pragma once

#include <QCoreApplication>
#include <QHostAddress>
#include <QString>

#include <optional>

namespace ordinal::net {

// Where a server listens, from a command-line value "[ADDR:]PORT".
struct ListenAddress
{
    QHostAddress address;
    quint16 port = 0;
};

// Parses "[ADDR:]PORT" for a server option. PORT is a decimal number from 0 to 65535
// (0: any free port; the server says which). ADDR is
// an IPv4 address in dotted-quad form, "localhost" (127.0.0.1), or an IPv6 address in brackets
// ("[::1]"); without ADDR the server listens on defaultAddress. Anything else is refused with
// a message (never a fallback to every interface): ":5354", "999.1.1.1:53", "::1:53",
// "host.example:53", "70000", "abc". error, when given, is set to the reason on failure.
class ListenAddressParser
{
    Q_DECLARE_TR_FUNCTIONS(ListenAddressParser)

public:
    static std::optional<ListenAddress> parse(const QString &spec, QString *error = nullptr,
                                              const QHostAddress &defaultAddress
                                              = QHostAddress(QHostAddress::LocalHost));
};

// "127.0.0.1:5354", or "[::1]:5354" for an IPv6 address: the form "[ADDR:]PORT" takes back, for
// banners that say where a server listens (dig's "@ADDR" takes the bare address instead).
QString hostPort(const QHostAddress &address, quint16 port);

} // namespace ordinal::net
