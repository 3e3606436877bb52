// The "[ADDR:]PORT" parser shared by --serve-dns in the window and headless.

#include "listenaddress.h"

#include <QTest>

using ordinal::net::hostPort;
using ordinal::net::ListenAddress;
using ordinal::net::ListenAddressParser;

class tst_ListenAddress : public QObject
{
    Q_OBJECT

private slots:
    void accepted_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("address");
        QTest::addColumn<int>("port");
        QTest::newRow("port-only") << "5354"
                                   << "127.0.0.1" << 5354;
        QTest::newRow("ipv4") << "127.0.0.1:5354"
                              << "127.0.0.1" << 5354;
        QTest::newRow("other-loopback") << "127.0.0.2:53"
                                        << "127.0.0.2" << 53;
        QTest::newRow("localhost") << "localhost:5354"
                                   << "127.0.0.1" << 5354;
        QTest::newRow("localhost-upper") << "LOCALHOST:5354"
                                         << "127.0.0.1" << 5354;
        QTest::newRow("ipv6-bracketed") << "[::1]:5354"
                                        << "::1" << 5354;
        QTest::newRow("explicit-any") << "0.0.0.0:5354"
                                      << "0.0.0.0" << 5354;
        QTest::newRow("any-free-port") << "127.0.0.1:0"
                                       << "127.0.0.1" << 0;
        QTest::newRow("lowest-port") << "1"
                                     << "127.0.0.1" << 1;
        QTest::newRow("highest-port") << "65535"
                                      << "127.0.0.1" << 65535;
    }
    void accepted()
    {
        QFETCH(QString, spec);
        QFETCH(QString, address);
        QFETCH(int, port);
        QString error;
        const std::optional<ListenAddress> parsed = ListenAddressParser::parse(spec, &error);
        QVERIFY2(parsed, qPrintable(spec + QStringLiteral(": ") + error));
        QCOMPARE(parsed->address, QHostAddress(address));
        QCOMPARE(int(parsed->port), port);
    }

    // Never a fallback to every interface, never a silently different port.
    void refused_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty-address") << ":5354"
                                       << "names no address";
        QTest::newRow("bad-ipv4") << "999.1.1.1:5354"
                                  << "is not an IPv4 address";
        QTest::newRow("short-ipv4") << "127.1:5354"
                                    << "is not an IPv4 address";
        QTest::newRow("hostname") << "dns.example:5354"
                                  << "is not an IPv4 address";
        QTest::newRow("unbracketed-ipv6") << "::1:5354"
                                          << "in brackets";
        QTest::newRow("bracket-no-port") << "[::1]"
                                         << "is not [IPv6]:PORT";
        QTest::newRow("bracket-ipv4") << "[127.0.0.1]:53"
                                      << "is not an IPv6 address";
        QTest::newRow("port-too-big") << "70000"
                                      << "from 0 to 65535";
        QTest::newRow("port-word") << "abc"
                                   << "from 0 to 65535";
        QTest::newRow("port-negative") << "-53"
                                       << "from 0 to 65535";
        QTest::newRow("port-sign") << "+53"
                                   << "from 0 to 65535";
        QTest::newRow("port-empty") << "127.0.0.1:"
                                    << "from 0 to 65535";
        QTest::newRow("nothing") << ""
                                 << "from 0 to 65535";
        QTest::newRow("port-long") << "0000005354"
                                   << "from 0 to 65535";
    }
    void refused()
    {
        QFETCH(QString, spec);
        QFETCH(QString, reason);
        QString error;
        const std::optional<ListenAddress> parsed = ListenAddressParser::parse(spec, &error);
        QVERIFY2(!parsed, qPrintable(spec + QStringLiteral(" was accepted")));
        QVERIFY2(error.contains(reason), qPrintable(error));
    }

    void defaultAddress()
    {
        const auto parsed = ListenAddressParser::parse(QStringLiteral("8080"), nullptr,
                                                       QHostAddress::LocalHostIPv6);
        QVERIFY(parsed);
        QCOMPARE(parsed->address, QHostAddress(QHostAddress::LocalHostIPv6));
    }

    // The banner's "on ADDR:PORT" must read back through the parser; a bare "::1:5354" would not.
    void hostPortReadsBack_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("shown");
        QTest::newRow("ipv4") << QStringLiteral("127.0.0.1:5354")
                              << QStringLiteral("127.0.0.1:5354");
        QTest::newRow("localhost")
            << QStringLiteral("localhost:53") << QStringLiteral("127.0.0.1:53");
        QTest::newRow("ipv6") << QStringLiteral("[::1]:5354") << QStringLiteral("[::1]:5354");
    }

    void hostPortReadsBack()
    {
        QFETCH(QString, spec);
        QFETCH(QString, shown);
        const auto parsed = ListenAddressParser::parse(spec);
        QVERIFY2(parsed, qPrintable(spec));
        const QString text = hostPort(parsed->address, parsed->port);
        QCOMPARE(text, shown);
        const auto again = ListenAddressParser::parse(text);
        QVERIFY2(again, qPrintable(text + QStringLiteral(" does not read back")));
        QCOMPARE(again->address, parsed->address);
        QCOMPARE(again->port, parsed->port);
    }
};

QTEST_GUILESS_MAIN(tst_ListenAddress)
#include "tst_listenaddress.moc"
