#pragma once

// A small HTTP/1.1 server for the live client's tests: it records every request (method, path
// with query, Authorization) and answers each with what the test's handler returns — a whole
// body, or a chunked watch stream that ends, stays open or drops the connection. Enough HTTP
// for QNetworkAccessManager; nothing more.

#include <QFile>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

// A file of tests/live/fixtures: a response as a real cluster sends it.
inline QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(ORDINAL_SOURCE_DIR "/tests/live/fixtures/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

struct FixtureRequest
{
    QByteArray method;
    QString target; // path and query
    QByteArray authorization;
    QByteArray body;

    QString path() const { return target.section(QLatin1Char('?'), 0, 0); }
    QString query(const QString &key) const
    {
        return QUrlQuery(target.section(QLatin1Char('?'), 1)).queryItemValue(key);
    }
    bool isWatch() const { return query(QStringLiteral("watch")) == QLatin1String("1"); }
};

struct FixtureResponse
{
    enum class End { Close, KeepOpen, Drop };
    int status = 200;
    QByteArray body; // a whole answer (when lines is empty)
    QList<QByteArray> lines; // a watch: each line one chunk
    End end = End::Close; // after the lines
};

class FixtureServer : public QTcpServer
{
public:
    using Handler = std::function<FixtureResponse(const FixtureRequest &)>;

    explicit FixtureServer(Handler handler)
        : m_handler(std::move(handler))
    {
        listen(QHostAddress::LocalHost, 0);
    }

    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(serverPort()); }
    const QList<FixtureRequest> &requests() const { return m_requests; }
    int count(const QByteArray &method, const QString &pathPart) const
    {
        int n = 0;
        for (const FixtureRequest &r : m_requests)
            n += r.method == method && r.target.contains(pathPart) ? 1 : 0;
        return n;
    }
    QList<FixtureRequest> matching(const QString &pathPart) const
    {
        QList<FixtureRequest> list;
        for (const FixtureRequest &r : m_requests) {
            if (r.target.contains(pathPart))
                list << r;
        }
        return list;
    }
    // Closes every open connection (watches included) at once.
    void dropAll()
    {
        for (const QPointer<QTcpSocket> &s : std::as_const(m_open)) {
            if (s)
                s->abort();
        }
    }

protected:
    void incomingConnection(qintptr handle) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(handle);
        m_open << socket;
        connect(socket, &QTcpSocket::readyRead, this, [this, socket]() { read(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }

private:
    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (;;) {
            const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            const QList<QByteArray> headerLines = buffer.left(headerEnd).split('\n');
            FixtureRequest request;
            const QList<QByteArray> first = headerLines.value(0).trimmed().split(' ');
            request.method = first.value(0);
            request.target = QString::fromUtf8(first.value(1));
            qsizetype length = 0;
            for (const QByteArray &line : headerLines.mid(1)) {
                const QByteArray name = line.left(line.indexOf(':')).trimmed().toLower();
                const QByteArray value = line.mid(line.indexOf(':') + 1).trimmed();
                if (name == "content-length")
                    length = value.toLongLong();
                if (name == "authorization")
                    request.authorization = value;
            }
            if (buffer.size() < headerEnd + 4 + length)
                return;
            request.body = buffer.mid(headerEnd + 4, length);
            buffer.remove(0, headerEnd + 4 + length);
            m_requests << request;
            answer(socket, m_handler(request));
        }
    }

    static QByteArray reason(int status)
    {
        switch (status) {
        case 200:
            return "OK";
        case 401:
            return "Unauthorized";
        case 403:
            return "Forbidden";
        case 404:
            return "Not Found";
        case 410:
            return "Gone";
        default:
            return "Error";
        }
    }

    void answer(QTcpSocket *socket, const FixtureResponse &r)
    {
        QByteArray head = "HTTP/1.1 " + QByteArray::number(r.status) + ' ' + reason(r.status)
            + "\r\nContent-Type: application/json\r\n";
        if (r.lines.isEmpty() && r.end == FixtureResponse::End::Close) {
            socket->write(head + "Content-Length: " + QByteArray::number(r.body.size()) + "\r\n\r\n"
                          + r.body);
            return;
        }
        socket->write(head + "Transfer-Encoding: chunked\r\n\r\n");
        for (const QByteArray &line : r.lines) {
            const QByteArray chunk = line + '\n';
            socket->write(QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n");
        }
        if (r.end == FixtureResponse::End::Close)
            socket->write("0\r\n\r\n");
        else if (r.end == FixtureResponse::End::Drop) {
            socket->flush();
            socket->abort();
        }
    }

    Handler m_handler;
    QList<FixtureRequest> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<QPointer<QTcpSocket>> m_open;
};
