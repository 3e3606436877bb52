// The remotecommand WebSocket channels: message framing, then a WebSocketCommandSession over a
// real WebSocket on 127.0.0.1 (Qt's QWebSocketServer negotiating the subprotocol, a QWebSocket
// client offering it, as kubectl does): the "established" message, output, stdin, resize, the
// v5 close signal (ignored under v4), and the exit status on the error channel before a normal
// close.

#include "websocketcommandsession.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>
#include <QWebSocketServer>

#include <memory>

using namespace ordinal::net;

class tst_WebSocketCommandSession : public QObject
{
    Q_OBJECT

private:
    struct Link
    {
        QWebSocketServer server { QStringLiteral("test"), QWebSocketServer::NonSecureMode };
        QWebSocket client;
        QPointer<WebSocketCommandSession> session;
        QList<QByteArray> received; // by the client
    };

    // A session with these options over a WebSocket whose client offered `protocol`.
    void open(Link &link, const RemoteCommandOptions &options, const QString &protocol)
    {
        link.server.setSupportedSubprotocols(webSocketStreamProtocols());
        QVERIFY(link.server.listen(QHostAddress::LocalHost, 0));
        connect(&link.server, &QWebSocketServer::newConnection, &link.server, [&link, options] {
            auto *session = new WebSocketCommandSession(link.server.nextPendingConnection(),
                                                        options, &link.server);
            session->setStartDelay(0);
            link.session = session;
        });
        connect(&link.client, &QWebSocket::binaryMessageReceived, &link.client,
                [&link](const QByteArray &message) { link.received.append(message); });
        QWebSocketHandshakeOptions handshake;
        handshake.setSubprotocols({ protocol });
        link.client.open(
            QUrl(QStringLiteral("ws://127.0.0.1:%1/exec").arg(link.server.serverPort())),
            handshake);
        QTRY_VERIFY(link.session);
        QTRY_VERIFY(link.session->isReady());
        QCOMPARE(link.client.subprotocol(), protocol);
        QCOMPARE(link.session->protocol(), protocol.toLatin1());
        QCOMPARE(link.session->transport(), QByteArray("websocket"));
    }

private Q_SLOTS:
    void framing_data()
    {
        QTest::addColumn<int>("channel");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("wire");
        QTest::newRow("stdout") << 1 << QByteArray("web-0\n") << QByteArray("\x01web-0\n");
        QTest::newRow("empty-established") << 1 << QByteArray() << QByteArray("\x01");
        QTest::newRow("stdin-binary")
            << 0 << QByteArray("\x00\xff", 2) << QByteArray("\x00\x00\xff", 3);
        QTest::newRow("error-status") << 3 << QByteArray("{\"status\":\"Success\"}")
                                      << QByteArray("\x03{\"status\":\"Success\"}");
        QTest::newRow("close-stdin") << 255 << QByteArray(1, '\0') << QByteArray("\xff\x00", 2);
    }

    void framing()
    {
        QFETCH(int, channel);
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, wire);
        QCOMPARE(channelMessage(quint8(channel), data), wire);
        const std::optional<ChannelMessage> parsed = parseChannelMessage(wire);
        QVERIFY(parsed);
        QCOMPARE(int(parsed->channel), channel);
        QCOMPARE(parsed->data, data);
    }

    void emptyMessageHasNoChannel() { QVERIFY(!parseChannelMessage(QByteArray())); }

    void session()
    {
        Link link;
        RemoteCommandOptions options;
        options.command = { QStringLiteral("sh") };
        options.stdinEnabled = true;
        options.stdoutEnabled = true;
        options.stderrEnabled = true;
        open(link, options, QLatin1String(kStreamProtocolV5));
        if (QTest::currentTestFailed())
            return;
        // Connection established: an empty message on stdout, the lowest channel written.
        QTRY_COMPARE(link.received.size(), 1);
        QCOMPARE(link.received.at(0), QByteArray("\x01"));

        QSignalSpy input(link.session, &RemoteCommandStream::stdinData);
        QSignalSpy stdinClosed(link.session, &RemoteCommandStream::stdinClosed);
        QSignalSpy resized(link.session, &RemoteCommandStream::resized);
        link.client.sendBinaryMessage(channelMessage(ChannelId::Stdin, "hostname\n"));
        QTRY_COMPARE(input.size(), 1);
        QCOMPARE(input.at(0).at(0).toByteArray(), QByteArray("hostname\n"));
        // No terminal: a resize is ignored.
        link.client.sendBinaryMessage(
            channelMessage(ChannelId::Resize, "{\"Width\":80,\"Height\":24}"));

        QVERIFY(link.session->writeStdout("web-0\n"));
        QVERIFY(link.session->writeStderr("oops\n"));
        QTRY_COMPARE(link.received.size(), 3);
        QCOMPARE(link.received.at(1), QByteArray("\x01web-0\n"));
        QCOMPARE(link.received.at(2), QByteArray("\x02oops\n"));

        // v5's close signal for stdin.
        link.client.sendBinaryMessage(channelMessage(ChannelId::Close, QByteArray(1, '\0')));
        QTRY_COMPARE(stdinClosed.size(), 1);
        QCOMPARE(resized.size(), 0);

        // The status on the error channel, then a normal close.
        QSignalSpy disconnected(&link.client, &QWebSocket::disconnected);
        QSignalSpy closed(link.session, &RemoteCommandStream::closed);
        link.session->finish(3);
        QVERIFY(link.session->isFinished());
        QVERIFY(!link.session->writeStdout("late"));
        QTRY_COMPARE(disconnected.size(), 1);
        QCOMPARE(link.received.size(), 4);
        QCOMPARE(link.received.at(3), channelMessage(ChannelId::Error, exitStatusJson(3)));
        const QJsonObject status = QJsonDocument::fromJson(link.received.at(3).mid(1)).object();
        QCOMPARE(status.value(QLatin1String("reason")).toString(),
                 QStringLiteral("NonZeroExitCode"));
        QCOMPARE(link.client.closeCode(), QWebSocketProtocol::CloseCodeNormal);
        QTRY_COMPARE(closed.size(), 1);
        QTRY_VERIFY(!link.session); // deleted once the connection is gone
    }

    void terminal()
    {
        Link link;
        RemoteCommandOptions options;
        options.stdinEnabled = true;
        options.stdoutEnabled = true;
        options.tty = true;
        open(link, options, QLatin1String(kStreamProtocolV5));
        if (QTest::currentTestFailed())
            return;
        QSignalSpy resized(link.session, &RemoteCommandStream::resized);
        // client-go writes one JSON object per size; one may arrive in two messages.
        link.client.sendBinaryMessage(channelMessage(ChannelId::Resize, "{\"Width\":80,"));
        link.client.sendBinaryMessage(channelMessage(ChannelId::Resize, "\"Height\":24}\n"));
        QTRY_COMPARE(resized.size(), 1);
        QCOMPARE(resized.at(0).at(0).value<quint16>(), quint16(80));
        QCOMPARE(resized.at(0).at(1).value<quint16>(), quint16(24));
        // With a terminal, stderr goes to stdout.
        QTRY_COMPARE(link.received.size(), 1);
        QVERIFY(link.session->writeStderr("oops\r\n"));
        QTRY_COMPARE(link.received.size(), 2);
        QCOMPARE(link.received.at(1), QByteArray("\x01oops\r\n"));
        link.session->finish(0);
        QTRY_COMPARE(link.received.size(), 3);
        QCOMPARE(link.received.at(2), QByteArray("\x03{\"metadata\":{},\"status\":\"Success\"}"));
    }

    void v4HasNoCloseSignal()
    {
        Link link;
        RemoteCommandOptions options;
        options.stdinEnabled = true;
        options.stdoutEnabled = true;
        open(link, options, QLatin1String(kStreamProtocolV4));
        if (QTest::currentTestFailed())
            return;
        QSignalSpy input(link.session, &RemoteCommandStream::stdinData);
        QSignalSpy stdinClosed(link.session, &RemoteCommandStream::stdinClosed);
        link.client.sendBinaryMessage(channelMessage(ChannelId::Close, QByteArray(1, '\0')));
        link.client.sendBinaryMessage(channelMessage(ChannelId::Stdin, "after"));
        QTRY_COMPARE(input.size(), 1); // the later message arrived, so the close was read
        QCOMPARE(stdinClosed.size(), 0);
    }

    void clientLeaves()
    {
        Link link;
        RemoteCommandOptions options;
        options.stdoutEnabled = true;
        options.command = { QStringLiteral("hostname") };
        open(link, options, QLatin1String(kStreamProtocolV5));
        if (QTest::currentTestFailed())
            return;
        QSignalSpy closed(link.session, &RemoteCommandStream::closed);
        link.client.close();
        QTRY_COMPARE(closed.size(), 1);
        QTRY_VERIFY(!link.session);
    }
};

QTEST_GUILESS_MAIN(tst_WebSocketCommandSession)
#include "tst_websocketcommandsession.moc"
