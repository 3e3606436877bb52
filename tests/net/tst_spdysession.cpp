// SPDY/3.1 codec and session, the remotecommand layer, and the real kubectl against a small
// API server on 127.0.0.1 (exec with stdout, stderr, exit codes and stdin).

#include "remotecommand.h"
#include "spdysession.h"

#include <QAbstractHttpServer>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <zlib.h>

using namespace ordinal::net;

namespace {

// ---- a raw SPDY client for the session tests ------------------------------------------------

struct Pipe
{
    QTcpServer server;
    QTcpSocket client;
    QPointer<QTcpSocket> serverSide;

    bool open()
    {
        if (!server.listen(QHostAddress::LocalHost, 0))
            return false;
        client.connectToHost(QHostAddress::LocalHost, server.serverPort());
        if (!server.waitForNewConnection(5000))
            return false;
        serverSide = server.nextPendingConnection();
        return serverSide && client.waitForConnected(5000);
    }
};

// Reads frames the server sent, with the client's own framer (own header contexts).
struct FrameReader
{
    SpdyFramer framer;
    QByteArray buffer;
    QList<SpdyFrame> frames;
    bool error = false;

    void feed(const QByteArray &bytes)
    {
        buffer.append(bytes);
        while (true) {
            SpdyFrame f;
            const auto r = framer.decode(buffer.constData(), buffer.size(), &f);
            if (r.status == SpdyFramer::Status::NeedMore)
                return;
            if (r.status != SpdyFramer::Status::Frame) {
                error = true;
                return;
            }
            buffer.remove(0, r.consumed);
            frames.append(f);
        }
    }
    QList<SpdyFrame> ofType(SpdyFrameType t) const
    {
        QList<SpdyFrame> out;
        for (const auto &f : frames)
            if (f.type == t)
                out.append(f);
        return out;
    }
    QByteArray dataOn(quint32 stream) const
    {
        QByteArray out;
        for (const auto &f : frames)
            if (f.type == SpdyFrameType::Data && f.streamId == stream)
                out += f.data;
        return out;
    }
    bool finOn(quint32 stream) const
    {
        for (const auto &f : frames)
            if (f.type == SpdyFrameType::Data && f.streamId == stream && f.fin())
                return true;
        return false;
    }
};

SpdyHeaders streamType(const char *type)
{
    return {{QByteArrayLiteral("streamtype"), QByteArray(type)}};
}

// Independent inflate (plain zlib, fresh context) of one or more consecutive header blocks.
QByteArray inflateWithDictionary(const QByteArray &compressed)
{
    z_stream z{};
    inflateInit(&z);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.constData()));
    z.avail_in = uInt(compressed.size());
    QByteArray out(1 << 20, '\0');
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    int rc = inflate(&z, Z_SYNC_FLUSH);
    if (rc == Z_NEED_DICT) {
        const QByteArray &d = spdy3Dictionary();
        inflateSetDictionary(&z, reinterpret_cast<const Bytef *>(d.constData()), uInt(d.size()));
        rc = inflate(&z, Z_SYNC_FLUSH);
    }
    out.truncate(out.size() - z.avail_out);
    inflateEnd(&z);
    return rc == Z_OK || rc == Z_BUF_ERROR ? out : QByteArray();
}

QByteArray rawControl(quint16 type, quint8 flags, const QByteArray &payload, quint16 version = 3)
{
    QByteArray out(8, '\0');
    qToBigEndian<quint16>(quint16(0x8000 | version), out.data());
    qToBigEndian<quint16>(type, out.data() + 2);
    qToBigEndian<quint32>((quint32(flags) << 24) | quint32(payload.size()), out.data() + 4);
    return out + payload;
}

// ---- the fake API server for kubectl --------------------------------------------------------

const QByteArray kToken = "ordinal-test-token";

QByteArray podJson()
{
    return R"({"kind":"Pod","apiVersion":"v1","metadata":{"name":"web-0","namespace":"default",)"
           R"("uid":"0b7f6c1e-0000-4000-8000-000000000001","resourceVersion":"7",)"
           R"("creationTimestamp":"2024-01-01T00:00:00Z"},)"
           R"("spec":{"containers":[{"name":"nginx","image":"nginx:1.25"}]},)"
           R"("status":{"phase":"Running","podIP":"10.244.1.10",)"
           R"("containerStatuses":[{"name":"nginx","ready":true,"restartCount":0,)"
           R"("image":"nginx:1.25","imageID":"","started":true,)"
           R"("state":{"running":{"startedAt":"2024-01-01T00:00:01Z"}}}]}})";
}

void writeJson(QTcpSocket *socket, int status, const QByteArray &body)
{
    const QByteArray phrase = status == 200 ? "OK" : status == 401 ? "Unauthorized" : "Not Found";
    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + phrase
                  + "\r\nContent-Type: application/json\r\nContent-Length: "
                  + QByteArray::number(body.size()) + "\r\n\r\n" + body);
}

// The fake container: what a command writes and how it exits.
void runCommand(RemoteCommandSession *rc)
{
    const QStringList cmd = rc->options().command;
    if (cmd == QStringList{QStringLiteral("sleep")})
        return; // runs until the client goes away
    if (cmd.isEmpty() || cmd == QStringList{QStringLiteral("cat")}) { // attach, or cat: echo stdin
        QObject::connect(rc, &RemoteCommandSession::stdinData, rc, [rc](const QByteArray &d) {
            // On a terminal the fake cat answers in upper case (so that the test can tell its
            // answer from the local echo), and ^D, which arrives as a byte, ends it.
            if (rc->options().tty) {
                const qsizetype eot = d.indexOf('\x04');
                rc->writeStdout((eot < 0 ? d : d.left(eot)).toUpper());
                if (eot >= 0)
                    rc->finish(0);
                return;
            }
            rc->writeStdout(d);
        });
        QObject::connect(rc, &RemoteCommandSession::stdinClosed, rc, [rc] { rc->finish(0); });
        if (!rc->options().stdinEnabled)
            rc->finish(0);
        return;
    }
    if (cmd == QStringList{QStringLiteral("hostname")}) {
        rc->writeStdout("web-0\n");
        rc->finish(0);
    } else if (cmd.size() == 3 && cmd.at(0) == QLatin1String("sh")
               && cmd.at(2).startsWith(QLatin1String("exit "))) {
        const int code = cmd.at(2).mid(5).toInt();
        rc->writeStderr("exiting with " + QByteArray::number(code) + '\n');
        rc->finish(code);
    } else if (cmd.at(0) == QLatin1String("big")) {
        // Enough to overrun a 64 KiB window many times: flow control must not stall.
        QByteArray chunk(1000, 'x');
        chunk[999] = '\n';
        for (int i = 0; i < cmd.value(1).toInt(); ++i)
            rc->writeStdout(chunk);
        rc->finish(0);
    } else if (cmd.at(0) == QLatin1String("both")) {
        rc->writeStdout("to stdout\n");
        rc->writeStderr("to stderr\n");
        rc->finish(0);
    } else if (cmd.at(0) == QLatin1String("missing")) {
        rc->finishWithError(QStringLiteral("executable file not found in $PATH"));
    } else {
        rc->writeStdout(cmd.join(QLatin1Char(' ')).toUtf8() + '\n');
        rc->finish(0);
    }
}

class FakeApiServer : public QAbstractHttpServer
{
public:
    QStringList log;
    int webSocketRefusals = 0;
    int spdySessions = 0;
    QList<QByteArray> protocols;
    QList<QByteArray> authorizations;
    QList<QByteArray> userAgents;
    int readySessions = 0;
    int closedSessions = 0;
    bool answerWebSocket = true; // false: leave it to Qt (which closes the connection)

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        const QString path = request.url().path();
        log.append(QStringLiteral("%1 %2%3").arg(
            QString::fromLatin1(QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(
                int(request.method()))),
            path, isWebSocketUpgrade(request) ? QStringLiteral(" [websocket]")
                  : isSpdyUpgrade(request)    ? QStringLiteral(" [spdy]")
                                              : QString()));
        // The kubeconfig carries a bearer token, but kubectl only reads a user's credentials
        // when the transport is TLS (clientcmd), so over http:// none arrives: record it.
        for (const auto &[name, value] : request.headers()) {
            if (name.compare("authorization", Qt::CaseInsensitive) == 0)
                authorizations.append(value);
        }
        // Discovery, as kubectl asks before resolving "pods" (and the gcloud kubectl
        // dispatcher asks /version to pick its kubectl).
        if (path == QLatin1String("/version")) {
            writeJson(socket, 200, R"({"major":"1","minor":"32","gitVersion":"v1.32.4",)"
                                   R"("platform":"linux/amd64"})");
            return true;
        }
        if (path == QLatin1String("/api")) {
            writeJson(socket, 200, R"({"kind":"APIVersions","versions":["v1"],)"
                                   R"("serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0",)"
                                   R"("serverAddress":"127.0.0.1"}]})");
            return true;
        }
        if (path == QLatin1String("/apis")) {
            writeJson(socket, 200, R"({"kind":"APIGroupList","apiVersion":"v1","groups":[]})");
            return true;
        }
        if (path == QLatin1String("/api/v1")) {
            writeJson(socket, 200,
                      R"({"kind":"APIResourceList","groupVersion":"v1","resources":[)"
                      R"({"name":"pods","singularName":"pod","namespaced":true,"kind":"Pod",)"
                      R"("verbs":["get","list"],"shortNames":["po"]},)"
                      R"({"name":"pods/attach","singularName":"","namespaced":true,)"
                      R"("kind":"PodAttachOptions","verbs":["create","get"]},)"
                      R"({"name":"pods/exec","singularName":"","namespaced":true,)"
                      R"("kind":"PodExecOptions","verbs":["create","get"]}]})");
            return true;
        }
        const QString pod = QStringLiteral("/api/v1/namespaces/default/pods/web-0");
        if (path == pod && request.method() == QHttpServerRequest::Method::Get) {
            writeJson(socket, 200, podJson());
            return true;
        }
        const bool exec = path == pod + QLatin1String("/exec");
        const bool attach = path == pod + QLatin1String("/attach");
        if (!exec && !attach)
            return false;
        if (isWebSocketUpgrade(request)) {
            if (!answerWebSocket)
                return false;
            ++webSocketRefusals;
            writeUpgradeRefusal(socket);
            return true;
        }
        RemoteCommandOptions options;
        QString error;
        if (!RemoteCommandOptions::fromQuery(request.query(), attach, &options, &error)) {
            writeStatusResponse(socket, 400, "BadRequest", error);
            return true;
        }
        auto *rc = RemoteCommandSession::accept(request, socket, options, this, &error);
        if (!rc)
            return true;
        ++spdySessions;
        protocols.append(rc->protocol());
        for (const auto &[name, value] : request.headers()) {
            if (name.compare("user-agent", Qt::CaseInsensitive) == 0)
                userAgents.append(value);
        }
        QObject::connect(rc, &RemoteCommandSession::ready, this, [this] { ++readySessions; });
        QObject::connect(rc, &RemoteCommandSession::closed, this, [this] { ++closedSessions; });
        QObject::connect(rc, &RemoteCommandSession::stdinData, this, [this](const QByteArray &d) {
            log.append(QStringLiteral("stdin %1 bytes").arg(d.size()));
        });
        QObject::connect(rc, &RemoteCommandSession::resized, this, [this](quint16 w, quint16 h) {
            log.append(QStringLiteral("resize %1x%2").arg(w).arg(h));
        });
        QObject::connect(rc, &RemoteCommandSession::ready, rc, [rc] { runCommand(rc); });
        QObject::connect(rc->spdy(), &SpdySession::streamOpened, this,
                         [this](quint32 id, const SpdyHeaders &h) {
                             log.append(QStringLiteral("stream %1 %2").arg(id).arg(
                                 QString::fromLatin1(spdyHeaderValue(h, "streamtype"))));
                         });
        QObject::connect(rc->spdy(), &SpdySession::protocolError, this,
                         [this](const QString &e) { log.append(QStringLiteral("error: ") + e); });
        return true;
    }

    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        // Qt 6.4.2, for a WebSocket upgrade with nothing connected to newWebSocketConnection,
        // calls handleRequest(), then missingHandler() whatever handleRequest() returned, then
        // closes the connection. writeUpgradeRefusal() answers only once per socket.
        if (isWebSocketUpgrade(request)) {
            log.append(QStringLiteral("missingHandler websocket %1").arg(request.url().path()));
            if (!answerWebSocket)
                return;
            writeUpgradeRefusal(socket); // a no-op when handleRequest() answered already
            return;
        }
        writeStatusResponse(socket, 404, "NotFound", QStringLiteral("the server could not find "
                                                                    "the requested resource"));
    }
};

struct KubectlRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class tst_SpdySession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Qt 6.4.2 warns on every WebSocket upgrade it has no slot for (each kubectl 1.30+
        // exec): expected here, so silenced.
        QLoggingCategory::setFilterRules(QStringLiteral("qt.httpserver.warning=false"));
    }
    // codec
    void dictionary();
    void frameRoundTrip_data();
    void frameRoundTrip();
    void headerCompressionSharesContext();
    void headerBlockErrors();
    void malformedFrames_data();
    void malformedFrames();
    void truncatedFrameWaits();
    // session
    void streamsAndReplies();
    void alreadyBufferedBytes();
    void flowControlEnforced();
    void flowControlAutoWithoutPeerUpdates();
    void windowUpdatesForReceivedData();
    void pingEcho();
    void malformedFrameClosesSession();
    void hugeFrameRefused();
    void mutatedInputNeverCrashes();
    // remotecommand
    void statusJson();
    void optionsFromQuery();
    void remoteCommandOverRawSpdy();
    void upgradeNegotiation_data();
    void upgradeNegotiation();
    // real kubectl
    void kubectl_data();
    void kubectl();
    void kubectlWebSocketUnanswered();
    void kubectlTerminal_data() { kubectl_data(); }
    void kubectlTerminal();
    void kubectlInterrupted_data() { kubectl_data(); }
    void kubectlInterrupted();

private:
    QString currentKubectl() const;
    bool writeKubeconfig(quint16 port);
    KubectlRun runKubectl(const QString &binary, const QStringList &args,
                          const QByteArray &stdinData = {}, bool closeStdin = true);
    QTemporaryDir m_dir;
    QString m_kubeconfig;
};

// ---- codec ------------------------------------------------------------------------------------

void tst_SpdySession::dictionary()
{
    const QByteArray &d = spdy3Dictionary();
    QCOMPARE(d.size(), 1423);
    QVERIFY(d.startsWith(QByteArray("\0\0\0\x07options", 11)));
    QVERIFY(d.endsWith("enq=0."));
    // The Adler-32 is the dictionary id in every header block's zlib header; Go checks it.
    QCOMPARE(adler32(1, reinterpret_cast<const Bytef *>(d.constData()), uInt(d.size())),
             uLong(0xe3c6a7c2));
}

void tst_SpdySession::frameRoundTrip_data()
{
    QTest::addColumn<int>("index");
    for (int i = 0; i < 10; ++i)
        QTest::addRow("%d", i) << i;
}

void tst_SpdySession::frameRoundTrip()
{
    QFETCH(int, index);
    QList<SpdyFrame> frames;
    frames << SpdyFrame::dataFrame(1, "hello", false) << SpdyFrame::dataFrame(3, {}, true);
    SpdyFrame syn = SpdyFrame::synStream(5, {{"streamtype", "stdout"}, {"multi", QByteArray("a\0b", 3)}});
    syn.priority = 3;
    syn.associatedStreamId = 1;
    syn.slot = 2;
    frames << syn << SpdyFrame::synReply(5, {}, true)
           << SpdyFrame::rstStream(7, SpdyRstStatus::Cancel) << SpdyFrame::ping(9)
           << SpdyFrame::goAway(11, SpdyGoAwayStatus::ProtocolError)
           << SpdyFrame::windowUpdate(0, 12345)
           << SpdyFrame::settingsFrame({{1, kSpdySettingInitialWindowSize, 1 << 20}, {0, 4, 100}});
    SpdyFrame headers;
    headers.type = SpdyFrameType::Headers;
    headers.streamId = 13;
    headers.headers = {{"x", "y"}};
    frames << headers;

    SpdyFramer writer, reader;
    // Encode every frame before this one too, so header contexts are exercised in sequence.
    QByteArray wire;
    for (int i = 0; i <= index; ++i)
        wire += writer.encode(frames.at(i));
    SpdyFrame got;
    qsizetype off = 0;
    for (int i = 0; i <= index; ++i) {
        const auto r = reader.decode(wire.constData() + off, wire.size() - off, &got);
        QCOMPARE(int(r.status), int(SpdyFramer::Status::Frame));
        off += r.consumed;
    }
    QCOMPARE(off, wire.size());
    const SpdyFrame &want = frames.at(index);
    QCOMPARE(int(got.type), int(want.type));
    QCOMPARE(got.flags, want.flags);
    QCOMPARE(got.streamId, want.streamId);
    QCOMPARE(got.associatedStreamId, want.associatedStreamId);
    QCOMPARE(got.priority, want.priority);
    QCOMPARE(got.slot, want.slot);
    QCOMPARE(got.status, want.status);
    QCOMPARE(got.lastGoodStreamId, want.lastGoodStreamId);
    QCOMPARE(got.pingId, want.pingId);
    QCOMPARE(got.deltaWindowSize, want.deltaWindowSize);
    QCOMPARE(got.settings, want.settings);
    QCOMPARE(got.headers, want.headers);
    QCOMPARE(got.data, want.data);
}

void tst_SpdySession::headerCompressionSharesContext()
{
    SpdyFramer framer;
    const SpdyHeaders h{{"streamtype", "stdout"}, {"requestid", "0"}};
    const QByteArray first = framer.encode(SpdyFrame::synStream(1, h));
    const QByteArray second = framer.encode(SpdyFrame::synStream(3, h));
    // Exact wire layout: control bit, version 3, type 1; length covers ids, priority, block.
    QCOMPARE(quint8(first.at(0)), quint8(0x80));
    QCOMPARE(quint8(first.at(1)), quint8(3));
    QCOMPARE(quint8(first.at(3)), quint8(1));
    QCOMPARE(qFromBigEndian<quint32>(first.constData() + 4) & 0xffffff, quint32(first.size() - 8));
    // The zlib stream starts with the dictionary id (FDICT), and the second block, compressed
    // in the same context, is much smaller than the first.
    const QByteArray block1 = first.mid(18);
    const QByteArray block2 = second.mid(18);
    QCOMPARE(quint8(block1.at(0)), quint8(0x78));
    QVERIFY(quint8(block1.at(1)) & 0x20);
    QCOMPARE(qFromBigEndian<quint32>(block1.constData() + 2), quint32(0xe3c6a7c2));
    QVERIFY2(block2.size() < block1.size(), qPrintable(QStringLiteral("%1 vs %2")
                                                           .arg(block2.size()).arg(block1.size())));
    // A plain zlib inflate with the dictionary reads both blocks back.
    QCOMPARE(inflateWithDictionary(block1 + block2),
             encodeSpdyHeaderBlock(h) + encodeSpdyHeaderBlock(h));
}

void tst_SpdySession::headerBlockErrors()
{
    SpdyHeaders h;
    QString error;
    QVERIFY(decodeSpdyHeaderBlock(encodeSpdyHeaderBlock({{"a", "1"}, {"b", ""}}), &h, &error));
    QCOMPARE(h.size(), 2);
    QVERIFY(!decodeSpdyHeaderBlock(encodeSpdyHeaderBlock({{"A", "1"}}), &h, &error));
    QVERIFY(!decodeSpdyHeaderBlock(encodeSpdyHeaderBlock({{"a", "1"}, {"a", "2"}}), &h, &error));
    QVERIFY(!decodeSpdyHeaderBlock(encodeSpdyHeaderBlock({{"", "1"}}), &h, &error));
    QByteArray truncated = encodeSpdyHeaderBlock({{"abc", "value"}});
    truncated.chop(2);
    QVERIFY(!decodeSpdyHeaderBlock(truncated, &h, &error));
    QVERIFY(!decodeSpdyHeaderBlock(encodeSpdyHeaderBlock({{"a", "1"}}) + "x", &h, &error));
    QByteArray lying(4, '\0');
    qToBigEndian<quint32>(0xffffffff, lying.data());
    QVERIFY(!decodeSpdyHeaderBlock(lying, &h, &error));
}

void tst_SpdySession::malformedFrames_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<int>("status");
    const int session = int(SpdyFramer::Status::SessionError);
    QByteArray eight(8, '\0');
    QTest::newRow("version 2") << rawControl(6, 0, QByteArray(4, '\1'), 2) << session;
    QTest::newRow("ping length") << rawControl(6, 0, QByteArray(5, '\1')) << session;
    QTest::newRow("rst length") << rawControl(3, 0, QByteArray(4, '\1')) << session;
    QTest::newRow("rst status 0") << rawControl(3, 0, QByteArray("\0\0\0\1\0\0\0\0", 8)) << session;
    QTest::newRow("goaway length") << rawControl(7, 0, QByteArray(4, '\0')) << session;
    QTest::newRow("window update length") << rawControl(9, 0, QByteArray(9, '\1')) << session;
    QTest::newRow("window update 0 on stream")
        << rawControl(9, 0, QByteArray("\0\0\0\1\0\0\0\0", 8)) << int(SpdyFramer::Status::StreamError);
    QTest::newRow("settings count lies") << rawControl(4, 0, QByteArray("\0\0\0\5", 4)) << session;
    QTest::newRow("syn_stream short") << rawControl(1, 0, QByteArray(6, '\0')) << session;
    QTest::newRow("syn_stream garbage block")
        << rawControl(1, 0, QByteArray("\0\0\0\1\0\0\0\0\0\0garbage-not-zlib", 26)) << session;
    QTest::newRow("data on stream 0") << QByteArray("\0\0\0\0\0\0\0\1x", 9) << session;
    QTest::newRow("unknown control type is skipped")
        << rawControl(5, 0, QByteArray(4, '\0')) << int(SpdyFramer::Status::Ignored);
}

void tst_SpdySession::malformedFrames()
{
    QFETCH(QByteArray, wire);
    QFETCH(int, status);
    SpdyFramer framer;
    SpdyFrame f;
    const auto r = framer.decode(wire.constData(), wire.size(), &f);
    QCOMPARE(int(r.status), status);
}

void tst_SpdySession::truncatedFrameWaits()
{
    SpdyFramer writer;
    const QByteArray wire = writer.encode(SpdyFrame::synStream(1, streamType("error")));
    SpdyFramer reader;
    SpdyFrame f;
    for (qsizetype n = 0; n < wire.size(); ++n)
        QCOMPARE(int(reader.decode(wire.constData(), n, &f).status), int(SpdyFramer::Status::NeedMore));
    // A header announcing 16 MiB is refused from its 8 bytes alone.
    const QByteArray huge("\0\0\0\1\0\xff\xff\xff", 8);
    QCOMPARE(int(reader.decode(huge.constData(), huge.size(), &f).status),
             int(SpdyFramer::Status::SessionError));
    QCOMPARE(int(reader.decode(wire.constData(), wire.size(), &f).status), int(SpdyFramer::Status::Frame));
}

// ---- session ----------------------------------------------------------------------------------

void tst_SpdySession::streamsAndReplies()
{
    Pipe pipe;
    QVERIFY(pipe.open());
    SpdySession session(pipe.serverSide);
    QSignalSpy opened(&session, &SpdySession::streamOpened);
    QSignalSpy data(&session, &SpdySession::dataReceived);
    QSignalSpy finished(&session, &SpdySession::remoteFinished);
    QSignalSpy closedStreams(&session, &SpdySession::streamClosed);
    SpdyFramer client;
    FrameReader reader;
    connect(&pipe.client, &QIODevice::readyRead, &pipe.client,
            [&] { reader.feed(pipe.client.readAll()); });

    pipe.client.write(client.encode(SpdyFrame::synStream(1, streamType("stdin"))));
    QTRY_COMPARE(opened.size(), 1);
    QCOMPARE(opened.at(0).at(0).toUInt(), 1u);
    QCOMPARE(spdyHeaderValue(opened.at(0).at(1).value<SpdyHeaders>(), "streamtype"), "stdin");
    QVERIFY(!session.write(1, "early")); // not before the reply
    QVERIFY(session.reply(1));
    QVERIFY(session.write(1, "out"));
    pipe.client.write(client.encode(SpdyFrame::dataFrame(1, "in", true)));
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(data.size(), 1);
    QCOMPARE(data.at(0).at(1).toByteArray(), "in");
    QVERIFY(session.finish(1));
    QCOMPARE(closedStreams.size(), 1); // both halves closed
    QTRY_VERIFY(reader.finOn(1));
    QCOMPARE(reader.ofType(SpdyFrameType::SynReply).size(), 1);
    QCOMPARE(reader.dataOn(1), "out");
    QVERIFY(!reader.error);

    // Stream ids must increase; a reused one is a session error (GOAWAY).
    QSignalSpy closed(&session, &SpdySession::closed);
    pipe.client.write(client.encode(SpdyFrame::synStream(1, streamType("stdin"))));
    QTRY_COMPARE(closed.size(), 1);
    QTRY_COMPARE(reader.ofType(SpdyFrameType::GoAway).size(), 1);
    QCOMPARE(reader.ofType(SpdyFrameType::GoAway).at(0).status, quint32(SpdyGoAwayStatus::ProtocolError));
}

void tst_SpdySession::alreadyBufferedBytes()
{
    Pipe pipe;
    QVERIFY(pipe.open());
    SpdyFramer client;
    const QByteArray a = client.encode(SpdyFrame::synStream(1, streamType("error")));
    const QByteArray b = client.encode(SpdyFrame::synStream(3, streamType("stdout")));
    // Part of the first frame was read by the HTTP layer; the rest waits in the socket.
    pipe.client.write(a.mid(5) + b);
    QTRY_COMPARE(pipe.serverSide->bytesAvailable(), qint64(a.size() - 5 + b.size()));
    SpdySession session(pipe.serverSide, nullptr, a.left(5));
    QSignalSpy opened(&session, &SpdySession::streamOpened);
    QTRY_COMPARE(opened.size(), 2);
    QCOMPARE(opened.at(1).at(0).toUInt(), 3u);
}

void tst_SpdySession::flowControlEnforced()
{
    Pipe pipe;
    QVERIFY(pipe.open());
    SpdySession session(pipe.serverSide);
    session.setFlowControl(SpdySession::FlowControl::Enforce);
    QSignalSpy opened(&session, &SpdySession::streamOpened);
    SpdyFramer client;
    FrameReader reader;
    connect(&pipe.client, &QIODevice::readyRead, &pipe.client,
            [&] { reader.feed(pipe.client.readAll()); });
    pipe.client.write(client.encode(SpdyFrame::synStream(1, streamType("stdout"))));
    QTRY_COMPARE(opened.size(), 1);
    QVERIFY(session.reply(1));
    const QByteArray payload(100 * 1024, 'p');
    QVERIFY(session.write(1, payload, true));
    QCOMPARE(session.queuedBytes(1), qint64(payload.size() - kSpdyInitialWindow));
    QCOMPARE(session.sendWindow(1), 0);
    QTRY_COMPARE(reader.dataOn(1).size(), kSpdyInitialWindow);
    QVERIFY(!reader.finOn(1));
    // Opening the stream window alone is not enough: the session window (3.1) is spent too.
    pipe.client.write(client.encode(SpdyFrame::windowUpdate(1, 40 * 1024)));
    QTRY_COMPARE(session.sendWindow(1), 40 * 1024);
    QCOMPARE(reader.dataOn(1).size(), kSpdyInitialWindow);
    pipe.client.write(client.encode(SpdyFrame::windowUpdate(0, 1 << 20)));
    QTRY_VERIFY(reader.finOn(1));
    QCOMPARE(reader.dataOn(1), payload);
    for (const auto &f : reader.ofType(SpdyFrameType::Data))
        QVERIFY(f.data.size() <= 16 * 1024);
}

void tst_SpdySession::flowControlAutoWithoutPeerUpdates()
{
    // kubectl (spdystream) never sends WINDOW_UPDATE: Auto must not wait for one.
    Pipe pipe;
    QVERIFY(pipe.open());
    SpdySession session(pipe.serverSide);
    QSignalSpy opened(&session, &SpdySession::streamOpened);
    SpdyFramer client;
    FrameReader reader;
    connect(&pipe.client, &QIODevice::readyRead, &pipe.client,
            [&] { reader.feed(pipe.client.readAll()); });
    pipe.client.write(client.encode(SpdyFrame::synStream(1, streamType("stdout"))));
    QTRY_COMPARE(opened.size(), 1);
    QVERIFY(session.reply(1));
    const QByteArray payload(300 * 1024, 'q');
    QVERIFY(session.write(1, payload, true));
    QTRY_VERIFY(reader.finOn(1));
    QCOMPARE(reader.dataOn(1), payload);
    QVERIFY(!session.peerDoesFlowControl());
    // Once the peer shows flow control (a SETTINGS window), Auto enforces it.
    pipe.client.write(client.encode(SpdyFrame::synStream(3, streamType("stderr"))));
    pipe.client.write(client.encode(SpdyFrame::settingsFrame({{0, kSpdySettingInitialWindowSize, 1000}})));
    QTRY_COMPARE(opened.size(), 2);
    QTRY_VERIFY(session.peerDoesFlowControl());
    QVERIFY(session.reply(3));
    // The session window is long spent (300 KiB sent against 64 KiB): nothing may go out.
    QVERIFY(session.write(3, QByteArray(5000, 'r')));
    QCOMPARE(session.queuedBytes(3), 5000);
}

void tst_SpdySession::windowUpdatesForReceivedData()
{
    Pipe pipe;
    QVERIFY(pipe.open());
    SpdySession session(pipe.serverSide);
    QSignalSpy opened(&session, &SpdySession::streamOpened);
    QSignalSpy data(&session, &SpdySession::dataReceived);
    SpdyFramer client;
    FrameReader reader;
    connect(&pipe.client, &QIODevice::readyRead, &pipe.client,
            [&] { reader.feed(pipe.client.readAll()); });
    pipe.client.write(client.encode(SpdyFrame::synStream(1, streamType("stdin"))));
    QTRY_COMPARE(opened.size(), 1);
    session.reply(1);
    for (int i = 0; i < 5; ++i)
        pipe.client.write(client.encode(SpdyFrame::dataFrame(1, QByteArray(10 * 1024, 'i'))));
    QTRY_COMPARE(data.size(), 5);
    // 50 KiB consumed: one update for the stream and one for the session, each >= 32 KiB.
    QTRY_COMPARE(reader.ofType(SpdyFrameType::WindowUpdate).size(), 2);
    quint32 streamDelta = 0, sessionDelta = 0;
    for (const auto &f : reader.ofType(SpdyFrameType::WindowUpdate))
        (f.streamId == 0 ? sessionDelta : streamDelta) += f.deltaWindowSize;
    QCOMPARE(streamDelta, quint32(40 * 1024));
    QCOMPARE(sessionDelta, quint32(40 * 1024));
}

void tst_SpdySession::pingEcho()
{
    Pipe pipe;
    QVERIFY(pipe.open());
    SpdySession session(pipe.serverSide);
    SpdyFramer client;
    FrameReader reader;
    connect(&pipe.client, &QIODevice::readyRead, &pipe.client,
            [&] { reader.feed(pipe.client.readAll()); });
    pipe.client.write(client.encode(SpdyFrame::ping(7)));
    QTRY_COMPARE(reader.ofType(SpdyFrameType::Ping).size(), 1);
    QCOMPARE(reader.ofType(SpdyFrameType::Ping).at(0).pingId, 7u);
}

void tst_SpdySession::malformedFrameClosesSession()
{
    Pipe pipe;
    QVERIFY(pipe.open());
    SpdySession session(pipe.serverSide);
    QSignalSpy closed(&session, &SpdySession::closed);
    QSignalSpy errors(&session, &SpdySession::protocolError);
    FrameReader reader;
    connect(&pipe.client, &QIODevice::readyRead, &pipe.client,
            [&] { reader.feed(pipe.client.readAll()); });
    pipe.client.write(rawControl(1, 0, QByteArray("\0\0\0\1\0\0\0\0\0\0not zlib at all", 25)));
    QTRY_COMPARE(closed.size(), 1);
    QCOMPARE(errors.size(), 1);
    QTRY_COMPARE(pipe.client.state(), QAbstractSocket::UnconnectedState);
    reader.feed(pipe.client.readAll());
    QCOMPARE(reader.ofType(SpdyFrameType::GoAway).size(), 1);
    QVERIFY(!session.isOpen());
    QVERIFY(!session.write(1, "x"));
}

void tst_SpdySession::hugeFrameRefused()
{
    Pipe pipe;
    QVERIFY(pipe.open());
    SpdySession session(pipe.serverSide);
    QSignalSpy closed(&session, &SpdySession::closed);
    pipe.client.write(QByteArray("\0\0\0\1\0\xff\xff\xff", 8)); // 16 MiB DATA announced
    QTRY_COMPARE(closed.size(), 1);
}

void tst_SpdySession::mutatedInputNeverCrashes()
{
    // Valid traffic with bytes flipped, cut or spliced (a fixed seed: the same inputs on every
    // run), through the decoder and through a session that answers what it can. It must end in
    // a frame, a refusal or a wait for more — never a crash or an unbounded buffer (run under
    // ASan/UBSan as well).
    QRandomGenerator rng(20240611);
    SpdyFramer client;
    QByteArray valid;
    valid += client.encode(SpdyFrame::synStream(1, streamType("error")));
    valid += client.encode(SpdyFrame::synStream(3, streamType("stdin")));
    valid += client.encode(SpdyFrame::dataFrame(3, "some stdin bytes"));
    valid += client.encode(SpdyFrame::settingsFrame({{0, kSpdySettingInitialWindowSize, 4096}}));
    valid += client.encode(SpdyFrame::windowUpdate(3, 100));
    valid += client.encode(SpdyFrame::ping(5));
    valid += client.encode(SpdyFrame::dataFrame(3, {}, true));
    valid += client.encode(SpdyFrame::rstStream(1, SpdyRstStatus::Cancel));
    valid += client.encode(SpdyFrame::goAway(3, SpdyGoAwayStatus::Ok));

    int frames = 0, refusals = 0;
    for (int round = 0; round < 400; ++round) {
        QByteArray wire = valid;
        const int edits = 1 + int(rng.bounded(6));
        for (int e = 0; e < edits; ++e) {
            const qsizetype at = qsizetype(rng.bounded(int(wire.size())));
            switch (rng.bounded(4)) {
            case 0: wire[at] = char(rng.bounded(256)); break;
            case 1: wire.truncate(at); break;
            case 2: wire.insert(at, QByteArray(1 + int(rng.bounded(16)), char(rng.bounded(256)))); break;
            default: wire.remove(at, 1 + int(rng.bounded(8))); break;
            }
            if (wire.isEmpty())
                wire = valid;
        }
        SpdyFramer framer;
        qsizetype off = 0;
        while (off < wire.size()) {
            SpdyFrame f;
            const auto r = framer.decode(wire.constData() + off, wire.size() - off, &f);
            if (r.status == SpdyFramer::Status::NeedMore)
                break;
            if (r.status == SpdyFramer::Status::SessionError) {
                ++refusals;
                break;
            }
            QVERIFY(r.consumed > 0 && r.consumed <= wire.size() - off);
            off += r.consumed;
            ++frames;
        }
        if (round % 20 != 0)
            continue;
        // Every 20th input also goes through a live session.
        Pipe pipe;
        QVERIFY(pipe.open());
        SpdySession session(pipe.serverSide, nullptr, wire);
        connect(&session, &SpdySession::streamOpened, &session, [&session](quint32 id) {
            session.reply(id);
            session.write(id, QByteArray(70000, 'o'), true);
        });
        connect(&session, &SpdySession::dataReceived, &session,
                [&session](quint32 id, const QByteArray &d) { session.write(id, d); });
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        pipe.client.abort();
        QTRY_VERIFY(!session.isOpen());
    }
    qInfo("%d frames decoded, %d inputs refused", frames, refusals);
    QVERIFY(frames > 0 && refusals > 0);
}

// ---- remotecommand ------------------------------------------------------------------------------

void tst_SpdySession::statusJson()
{
    // As the kubelet writes them (json.Marshal of metav1.Status): field order included.
    QCOMPARE(exitStatusJson(0), R"({"metadata":{},"status":"Success"})");
    QCOMPARE(exitStatusJson(3),
             R"({"metadata":{},"status":"Failure","message":"command terminated with non-zero )"
             R"(exit code: exit status 3","reason":"NonZeroExitCode","details":{"causes":)"
             R"([{"reason":"ExitCode","message":"3"}]}})");
    const QByteArray internal = internalErrorStatusJson(QStringLiteral("no \"sh\""));
    QCOMPARE(internal, R"({"metadata":{},"status":"Failure","message":"Internal error occurred: )"
                       R"(no \"sh\"","reason":"InternalError","details":{"causes":[{"message":)"
                       R"("no \"sh\""}]},"code":500})");
    QVERIFY(!QJsonDocument::fromJson(internal).isNull());
}

void tst_SpdySession::optionsFromQuery()
{
    RemoteCommandOptions o;
    QString error;
    QVERIFY(RemoteCommandOptions::fromQuery(
        QUrlQuery(QStringLiteral("command=sh&command=-c&command=echo%20a%26b&container=nginx&"
                                 "stdin=true&stdout=true&stderr=true&tty=true")),
        false, &o, &error));
    QCOMPARE(o.command, (QStringList{QStringLiteral("sh"), QStringLiteral("-c"),
                                     QStringLiteral("echo a&b")}));
    QCOMPARE(o.container, QStringLiteral("nginx"));
    QVERIFY(o.stdinEnabled && o.stdoutEnabled && o.tty);
    QVERIFY(!o.stderrEnabled); // folded into the terminal
    QVERIFY(!RemoteCommandOptions::fromQuery(QUrlQuery(QStringLiteral("command=ls")), false, &o, &error));
    QVERIFY(!RemoteCommandOptions::fromQuery(QUrlQuery(QStringLiteral("stdout=true")), false, &o, &error));
    QVERIFY(RemoteCommandOptions::fromQuery(QUrlQuery(QStringLiteral("stdout=true")), true, &o, &error));
}

void tst_SpdySession::remoteCommandOverRawSpdy()
{
    Pipe pipe;
    QVERIFY(pipe.open());
    RemoteCommandOptions options;
    options.command = {QStringLiteral("cat")};
    options.stdinEnabled = options.stdoutEnabled = options.tty = true;
    auto *rc = new RemoteCommandSession(pipe.serverSide, options, kStreamProtocolV4);
    QPointer<RemoteCommandSession> guard(rc);
    QSignalSpy ready(rc, &RemoteCommandSession::ready);
    QSignalSpy resized(rc, &RemoteCommandSession::resized);
    QSignalSpy stdinClosed(rc, &RemoteCommandSession::stdinClosed);
    connect(rc, &RemoteCommandSession::stdinData, rc, [rc](const QByteArray &d) { rc->writeStdout(d); });
    SpdyFramer client;
    FrameReader reader;
    connect(&pipe.client, &QIODevice::readyRead, &pipe.client,
            [&] { reader.feed(pipe.client.readAll()); });
    rc->writeStdout("before ready\n"); // buffered until the streams exist
    pipe.client.write(client.encode(SpdyFrame::synStream(1, streamType("error"))));
    pipe.client.write(client.encode(SpdyFrame::synStream(3, streamType("stdin"))));
    pipe.client.write(client.encode(SpdyFrame::synStream(5, streamType("stdout"))));
    QTRY_COMPARE(reader.ofType(SpdyFrameType::SynReply).size(), 3);
    QCOMPARE(ready.size(), 0); // tty on v4: the resize stream is expected as well
    pipe.client.write(client.encode(SpdyFrame::synStream(7, streamType("resize"))));
    QTRY_COMPARE(ready.size(), 1);
    pipe.client.write(client.encode(SpdyFrame::dataFrame(7, "{\"Width\":80,\"Height\":24}\n{\"Width\":")));
    pipe.client.write(client.encode(SpdyFrame::dataFrame(7, "100,\"Height\":30}\n")));
    QTRY_COMPARE(resized.size(), 2);
    QCOMPARE(resized.at(1).at(0).toUInt(), 100u);
    QCOMPARE(resized.at(1).at(1).toUInt(), 30u);
    pipe.client.write(client.encode(SpdyFrame::dataFrame(3, "typed\n", true)));
    QTRY_COMPARE(stdinClosed.size(), 1);
    rc->finish(2, QStringLiteral("custom"));
    QTRY_VERIFY(reader.finOn(1));
    QCOMPARE(reader.dataOn(5), "before ready\ntyped\n");
    QVERIFY(reader.finOn(5));
    QVERIFY(reader.finOn(3)); // stdin closed by the server too: client-go waits for it
    const QJsonObject status = QJsonDocument::fromJson(reader.dataOn(1)).object();
    QCOMPARE(status.value(QStringLiteral("reason")).toString(), QStringLiteral("NonZeroExitCode"));
    QCOMPARE(status.value(QStringLiteral("message")).toString(),
             QStringLiteral("command terminated with non-zero exit code: custom"));
    // The client hangs up: the session goes away by itself.
    QSignalSpy closed(rc, &RemoteCommandSession::closed);
    pipe.client.disconnectFromHost();
    QTRY_COMPARE(closed.size(), 1);
    QTRY_VERIFY(guard.isNull());
}

void tst_SpdySession::upgradeNegotiation_data()
{
    QTest::addColumn<QByteArray>("offered");   // X-Stream-Protocol-Version lines
    QTest::addColumn<QByteArray>("command");   // query
    QTest::addColumn<QByteArray>("protocol");  // chosen, or empty for a refusal
    QTest::addColumn<QByteArray>("errorData"); // on the error stream
    QTest::newRow("v4 first")
        << QByteArray("v4.channel.k8s.io\r\nX-Stream-Protocol-Version: v3.channel.k8s.io")
        << QByteArray("command=hostname") << QByteArray(kStreamProtocolV4)
        << QByteArray(R"({"metadata":{},"status":"Success"})");
    QTest::newRow("v3 in a comma list")
        << QByteArray("v3.channel.k8s.io, v2.channel.k8s.io") << QByteArray("command=hostname")
        << QByteArray(kStreamProtocolV3) << QByteArray();
    QTest::newRow("v2 exit code as text")
        << QByteArray("v2.channel.k8s.io") << QByteArray("command=sh&command=-c&command=exit+4")
        << QByteArray(kStreamProtocolV2)
        << QByteArray("command terminated with non-zero exit code: exit status 4");
    QTest::newRow("v1 only is refused")
        << QByteArray("channel.k8s.io") << QByteArray("command=hostname") << QByteArray()
        << QByteArray();
}

void tst_SpdySession::upgradeNegotiation()
{
    QFETCH(QByteArray, offered);
    QFETCH(QByteArray, command);
    QFETCH(QByteArray, protocol);
    QFETCH(QByteArray, errorData);
    FakeApiServer server;
    const quint16 port = server.listen(QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(client.waitForConnected(5000));
    SpdyFramer framer;
    // The request and the first frames in one write (Go's client waits for the 101 first;
    // an eager one must work too). Encoded in order: they share one compression context.
    const QByteArray syn1 = framer.encode(SpdyFrame::synStream(1, streamType("error")));
    const QByteArray syn3 = framer.encode(SpdyFrame::synStream(3, streamType("stdout")));
    client.write("POST /api/v1/namespaces/default/pods/web-0/exec?" + command
                 + "&stdout=true HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\n"
                   "Upgrade: SPDY/3.1\r\nX-Stream-Protocol-Version: " + offered
                 + "\r\nContent-Length: 0\r\n\r\n" + syn1 + syn3);
    QByteArray response;
    QTRY_VERIFY((response += client.readAll()).contains("\r\n\r\n"));
    const qsizetype headEnd = response.indexOf("\r\n\r\n") + 4;
    const QByteArray head = response.left(headEnd);
    if (protocol.isEmpty()) {
        QVERIFY2(head.startsWith("HTTP/1.1 403 "), head.constData());
        QTRY_VERIFY((response += client.readAll()).contains("unable to negotiate protocol"));
        QCOMPARE(server.spdySessions, 0);
        return;
    }
    QVERIFY2(head.startsWith("HTTP/1.1 101 Switching Protocols\r\n"), head.constData());
    QVERIFY(head.contains("\r\nUpgrade: SPDY/3.1\r\n"));
    QVERIFY(head.contains("\r\nConnection: Upgrade\r\n"));
    QVERIFY2(head.contains("\r\nX-Stream-Protocol-Version: " + protocol + "\r\n"), head.constData());
    FrameReader reader;
    reader.feed(response.mid(headEnd));
    QTRY_VERIFY2((reader.feed(client.readAll()), reader.finOn(1)),
                 qPrintable(QStringLiteral("%1 frames, error %2, %3 buffered; log: %4")
                                .arg(reader.frames.size()).arg(reader.error)
                                .arg(reader.buffer.size())
                                .arg(server.log.join(QStringLiteral("; ")))));
    QVERIFY(!reader.error);
    QCOMPARE(reader.ofType(SpdyFrameType::SynReply).size(), 2);
    QCOMPARE(reader.dataOn(1), errorData);
    QVERIFY(reader.finOn(3));
    QCOMPARE(reader.dataOn(3), command == "command=hostname" ? QByteArray("web-0\n") : QByteArray());
}

// ---- real kubectl -------------------------------------------------------------------------------

KubectlRun tst_SpdySession::runKubectl(const QString &binary, const QStringList &args,
                                       const QByteArray &stdinData, bool closeStdin)
{
    KubectlRun run;
    QProcess p;
    p.setProgram(binary);
    QStringList all{QStringLiteral("--kubeconfig"), m_kubeconfig, QStringLiteral("--cache-dir"),
                    m_dir.filePath(QStringLiteral("cache")), QStringLiteral("--request-timeout"),
                    QStringLiteral("20s")};
    all += args;
    p.setArguments(all);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_dir.path());
    env.remove(QStringLiteral("KUBECONFIG"));
    p.setProcessEnvironment(env);
    p.start();
    if (!p.waitForStarted(10000))
        return run;
    if (!stdinData.isEmpty())
        p.write(stdinData);
    if (closeStdin)
        p.closeWriteChannel();
    // The server lives in this thread: keep its event loop turning while kubectl runs.
    QSignalSpy done(&p, &QProcess::finished);
    if (!done.wait(60000)) {
        p.kill();
        p.waitForFinished(5000);
    }
    run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    run.out = p.readAllStandardOutput();
    run.err = p.readAllStandardError();
    return run;
}

QString tst_SpdySession::currentKubectl() const
{
    QString current = qEnvironmentVariable("ORDINAL_KUBECTL");
    if (current.isEmpty())
        current = QStandardPaths::findExecutable(QStringLiteral("kubectl"));
    return current;
}

bool tst_SpdySession::writeKubeconfig(quint16 port)
{
    m_kubeconfig = m_dir.filePath(QStringLiteral("kubeconfig"));
    QFile kc(m_kubeconfig);
    if (!kc.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    kc.write("apiVersion: v1\nkind: Config\nclusters:\n- name: sim\n  cluster:\n    server: "
             "http://127.0.0.1:" + QByteArray::number(port) + "\nusers:\n- name: u\n  user:\n"
             "    token: " + kToken + "\ncontexts:\n- name: sim\n  context:\n    cluster: sim\n"
             "    user: u\n    namespace: default\ncurrent-context: sim\n");
    return true;
}

void tst_SpdySession::kubectl_data()
{
    QTest::addColumn<QString>("binary");
    const QString current = currentKubectl();
    QString old = qEnvironmentVariable("ORDINAL_KUBECTL_1_20");
    if (old.isEmpty())
        old = QStringLiteral(ORDINAL_KUBECTL_1_20);
    QTest::newRow("current kubectl (PATH or ORDINAL_KUBECTL)") << current;
    QTest::newRow("kubectl 1.20 (SPDY only)") << old;
}

void tst_SpdySession::kubectl()
{
    QFETCH(QString, binary);
    if (binary.isEmpty() || !QFileInfo(binary).isExecutable())
        QSKIP(qPrintable(QStringLiteral(
            "kubectl not found (%1). The current one comes from PATH or ORDINAL_KUBECTL; for "
            "1.20: cd build && apt-get download kubernetes-client && dpkg -x "
            "kubernetes-client_*.deb kubectl-1.20 (or set ORDINAL_KUBECTL_1_20)")
                              .arg(binary.isEmpty() ? QStringLiteral("none") : binary)));
    QVERIFY(m_dir.isValid());
    FakeApiServer server;
    const quint16 port = server.listen(QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);
    QVERIFY(writeKubeconfig(port));

    auto show = [&](const KubectlRun &r) {
        return QStringLiteral("exit %1\nstdout: %2\nstderr: %3\nrequests: %4")
            .arg(r.exitCode)
            .arg(QString::fromUtf8(r.out), QString::fromUtf8(r.err),
                 server.log.join(QStringLiteral("; ")));
    };

    KubectlRun r = runKubectl(binary, {QStringLiteral("exec"), QStringLiteral("web-0"),
                                       QStringLiteral("--"), QStringLiteral("hostname")});
    QVERIFY2(r.exitCode == 0, qPrintable(show(r)));
    QCOMPARE(r.out, "web-0\n");
    QVERIFY2(server.spdySessions == 1, qPrintable(show(r)));
    QCOMPARE(server.protocols.value(0), kStreamProtocolV4);
    qInfo("%s: %s", qPrintable(binary), qPrintable(server.log.join(QStringLiteral("; "))));

    r = runKubectl(binary, {QStringLiteral("exec"), QStringLiteral("web-0"), QStringLiteral("--"),
                            QStringLiteral("echo"), QStringLiteral("a b"), QStringLiteral("c+d&e=%20")});
    QVERIFY2(r.exitCode == 0, qPrintable(show(r)));
    QCOMPARE(r.out, "echo a b c+d&e=%20\n");

    r = runKubectl(binary, {QStringLiteral("exec"), QStringLiteral("web-0"), QStringLiteral("--"),
                            QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("exit 3")});
    QVERIFY2(r.exitCode == 3, qPrintable(show(r)));
    QVERIFY2(r.err.contains("exiting with 3\n"), qPrintable(show(r)));
    QVERIFY2(r.err.contains("command terminated with exit code 3"), qPrintable(show(r)));
    QCOMPARE(r.out, "");

    r = runKubectl(binary, {QStringLiteral("exec"), QStringLiteral("web-0"), QStringLiteral("--"),
                            QStringLiteral("both")});
    QVERIFY2(r.exitCode == 0, qPrintable(show(r)));
    QCOMPARE(r.out, "to stdout\n");
    QCOMPARE(r.err, "to stderr\n");

    r = runKubectl(binary, {QStringLiteral("exec"), QStringLiteral("-i"), QStringLiteral("web-0"),
                            QStringLiteral("--"), QStringLiteral("cat")},
                   "hi\n");
    QVERIFY2(r.exitCode == 0, qPrintable(show(r)));
    QCOMPARE(r.out, "hi\n");

    // Far more than one 64 KiB window, in both directions.
    QByteArray upload;
    for (int i = 0; i < 20000; ++i)
        upload += "line " + QByteArray::number(i) + '\n';
    r = runKubectl(binary, {QStringLiteral("exec"), QStringLiteral("-i"), QStringLiteral("web-0"),
                            QStringLiteral("--"), QStringLiteral("cat")},
                   upload);
    QVERIFY2(r.exitCode == 0, qPrintable(show(r)));
    QCOMPARE(r.out.size(), upload.size());
    QVERIFY(r.out == upload);

    r = runKubectl(binary, {QStringLiteral("exec"), QStringLiteral("web-0"), QStringLiteral("--"),
                            QStringLiteral("big"), QStringLiteral("1000")});
    QVERIFY2(r.exitCode == 0, qPrintable(show(r).left(2000)));
    QCOMPARE(r.out.size(), 1000 * 1000);

    r = runKubectl(binary, {QStringLiteral("exec"), QStringLiteral("web-0"), QStringLiteral("--"),
                            QStringLiteral("missing")});
    QVERIFY2(r.exitCode == 1, qPrintable(show(r)));
    QVERIFY2(r.err.contains("executable file not found in $PATH"), qPrintable(show(r)));

    // attach (also what `kubectl run -i` does once the pod runs): stdin echoed back.
    r = runKubectl(binary, {QStringLiteral("attach"), QStringLiteral("-i"), QStringLiteral("web-0")},
                   "attached\n");
    QVERIFY2(r.exitCode == 0, qPrintable(show(r)));
    QVERIFY2(r.out.contains("attached\n"), qPrintable(show(r)));

    // No credentials over http:// (see handleRequest), and every WebSocket attempt (1.30+)
    // was refused and followed by a SPDY session.
    QVERIFY(server.authorizations.isEmpty());
    if (server.webSocketRefusals > 0)
        QCOMPARE(server.webSocketRefusals, server.spdySessions);
    qInfo("%d SPDY sessions, %d WebSocket attempts refused; %s", server.spdySessions,
          server.webSocketRefusals, server.userAgents.value(0).constData());
}

void tst_SpdySession::kubectlTerminal()
{
    // exec -it under a pseudo-terminal (util-linux script): tty=true, the resize stream with
    // the terminal's size, stdin echoed back, ^D ends the fake cat.
    QFETCH(QString, binary);
    const QString script = QStandardPaths::findExecutable(QStringLiteral("script"));
    if (binary.isEmpty() || !QFileInfo(binary).isExecutable() || script.isEmpty())
        QSKIP("needs this kubectl and script (util-linux)");
    {
        QProcess probe;
        probe.start(script, {QStringLiteral("-qec"), QStringLiteral("true"), QStringLiteral("/dev/null")});
        if (!probe.waitForFinished(10000) || probe.exitCode() != 0)
            QSKIP("script cannot open a pseudo-terminal here");
    }
    FakeApiServer server;
    const quint16 port = server.listen(QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);
    QVERIFY(writeKubeconfig(port));
    const QString inner = QStringLiteral("stty cols 123 rows 45; exec '%1' --kubeconfig '%2' "
                                         "--cache-dir '%3' exec -it web-0 -- cat")
                              .arg(binary, m_kubeconfig, m_dir.filePath(QStringLiteral("cache")));
    QProcess p;
    p.start(script, {QStringLiteral("-qec"), inner, QStringLiteral("/dev/null")});
    QVERIFY(p.waitForStarted(10000));
    QTRY_COMPARE_WITH_TIMEOUT(server.readySessions, 1, 30000);
    QTRY_VERIFY(server.log.contains(QStringLiteral("resize 123x45")));
    p.write("typed\n");
    QByteArray seen;
    QTRY_VERIFY2_WITH_TIMEOUT((seen += p.readAllStandardOutput()).contains("TYPED"),
                              qPrintable(QString::fromUtf8(seen) + QLatin1Char('|')
                                         + QString::fromUtf8(p.readAllStandardError())
                                         + QLatin1Char('|') + server.log.join(QLatin1Char(';'))),
                              10000);
    p.write("\x04");
    QSignalSpy done(&p, &QProcess::finished);
    QVERIFY(p.state() == QProcess::NotRunning || done.wait(30000));
    QCOMPARE(p.exitCode(), 0);
    QCOMPARE(server.spdySessions, 1);
}

void tst_SpdySession::kubectlInterrupted()
{
    // The client goes away while the command runs: the session reports closed() (the server
    // stops the command then) and deletes itself.
    QFETCH(QString, binary);
    if (binary.isEmpty() || !QFileInfo(binary).isExecutable())
        QSKIP("this kubectl is not installed");
    FakeApiServer server;
    const quint16 port = server.listen(QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);
    QVERIFY(writeKubeconfig(port));
    QProcess p;
    p.start(binary, {QStringLiteral("--kubeconfig"), m_kubeconfig, QStringLiteral("--cache-dir"),
                     m_dir.filePath(QStringLiteral("cache")), QStringLiteral("exec"),
                     QStringLiteral("web-0"), QStringLiteral("--"), QStringLiteral("sleep")});
    QVERIFY(p.waitForStarted(10000));
    QTRY_COMPARE_WITH_TIMEOUT(server.readySessions, 1, 30000);
    QCOMPARE(server.closedSessions, 0);
    p.terminate();
    QTRY_COMPARE_WITH_TIMEOUT(server.closedSessions, 1, 10000);
    QSignalSpy done(&p, &QProcess::finished);
    QVERIFY(p.state() == QProcess::NotRunning || done.wait(10000));
}

void tst_SpdySession::kubectlWebSocketUnanswered()
{
    // What happens when the server leaves a WebSocket upgrade to Qt 6.4.2, which closes the
    // connection without an answer: kubectl does not fall back (the error is an EOF, not a
    // failed handshake). This is why writeUpgradeRefusal() exists.
    const QString binary = currentKubectl();
    if (binary.isEmpty())
        QSKIP("no kubectl on PATH (or ORDINAL_KUBECTL)");
    FakeApiServer server;
    server.answerWebSocket = false;
    const quint16 port = server.listen(QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);
    QVERIFY(writeKubeconfig(port));
    const KubectlRun r = runKubectl(binary, {QStringLiteral("exec"), QStringLiteral("web-0"),
                                             QStringLiteral("--"), QStringLiteral("hostname")});
    if (!server.log.join(QLatin1Char(' ')).contains(QLatin1String("[websocket]")))
        QSKIP("this kubectl does not try WebSocket first (< 1.30)");
    QVERIFY2(r.exitCode != 0, r.out.constData());
    QCOMPARE(server.spdySessions, 0);
    qInfo("kubectl without a WebSocket answer: exit %d: %s", r.exitCode, r.err.trimmed().constData());
}

QTEST_GUILESS_MAIN(tst_SpdySession)
#include "tst_spdysession.moc"
