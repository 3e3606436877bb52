#include "spdysession.h"

#include <QTcpSocket>
#include <QTimer>
#include <QtEndian>

#include <zlib.h>

#include <algorithm>
#include <array>

namespace ordinal::net {

namespace {

void putU32(QByteArray &out, quint32 v)
{
    char b[4];
    qToBigEndian(v, b);
    out.append(b, 4);
}

void putU16(QByteArray &out, quint16 v)
{
    char b[2];
    qToBigEndian(v, b);
    out.append(b, 2);
}

quint32 getU32(const char *p)
{
    return qFromBigEndian<quint32>(p);
}

QByteArray controlHeader(SpdyFrameType type, quint8 flags, qsizetype length)
{
    QByteArray out;
    putU16(out, quint16(0x8000 | SpdyFramer::kVersion));
    putU16(out, quint16(type));
    putU32(out, (quint32(flags) << 24) | (quint32(length) & 0xffffff));
    return out;
}

} // namespace

// ---- headers -------------------------------------------------------------------------------

QByteArray spdyHeaderValue(const SpdyHeaders &headers, const QByteArray &name)
{
    for (const auto &[n, v] : headers) {
        if (n == name) {
            const qsizetype nul = v.indexOf('\0');
            return nul < 0 ? v : v.left(nul);
        }
    }
    return {};
}

QByteArray encodeSpdyHeaderBlock(const SpdyHeaders &headers)
{
    QByteArray out;
    putU32(out, quint32(headers.size()));
    for (const auto &[name, value] : headers) {
        putU32(out, quint32(name.size()));
        out.append(name);
        putU32(out, quint32(value.size()));
        out.append(value);
    }
    return out;
}

bool decodeSpdyHeaderBlock(const QByteArray &block, SpdyHeaders *headers, QString *error)
{
    auto fail = [error](const char *why) {
        if (error)
            *error = QString::fromLatin1(why);
        return false;
    };
    headers->clear();
    const char *p = block.constData();
    qsizetype left = block.size();
    auto take32 = [&](quint32 *v) {
        if (left < 4)
            return false;
        *v = getU32(p);
        p += 4;
        left -= 4;
        return true;
    };
    quint32 count = 0;
    if (!take32(&count))
        return fail("header block truncated");
    if (count > quint32(SpdyFramer::kMaxHeaderPairs))
        return fail("too many headers");
    for (quint32 i = 0; i < count; ++i) {
        quint32 len = 0;
        if (!take32(&len) || len > quint32(left))
            return fail("header name truncated");
        if (len == 0)
            return fail("empty header name");
        QByteArray name(p, len);
        p += len;
        left -= len;
        if (name != name.toLower())
            return fail("header name not lowercase");
        if (!take32(&len) || len > quint32(left))
            return fail("header value truncated");
        QByteArray value(p, len);
        p += len;
        left -= len;
        for (const auto &h : std::as_const(*headers)) {
            if (h.first == name)
                return fail("duplicate header name");
        }
        headers->append({name, value});
    }
    if (left != 0)
        return fail("trailing bytes after header block");
    return true;
}

// SPDY/3 draft, 2.6.10.1: length-prefixed header names and values, then a run of common value
// text. Built from the words so the table can be read and checked; its Adler-32 is what the
// peer's inflate verifies (tested against kubectl).
const QByteArray &spdy3Dictionary()
{
    static const QByteArray dictionary = [] {
        static const char *const words[] = {
            "options", "head", "post", "put", "delete", "trace", "accept", "accept-charset",
            "accept-encoding", "accept-language", "accept-ranges", "age", "allow",
            "authorization", "cache-control", "connection", "content-base", "content-encoding",
            "content-language", "content-length", "content-location", "content-md5",
            "content-range", "content-type", "date", "etag", "expect", "expires", "from", "host",
            "if-match", "if-modified-since", "if-none-match", "if-range", "if-unmodified-since",
            "last-modified", "location", "max-forwards", "pragma", "proxy-authenticate",
            "proxy-authorization", "range", "referer", "retry-after", "server", "te", "trailer",
            "transfer-encoding", "upgrade", "user-agent", "vary", "via", "warning",
            "www-authenticate", "method", "get", "status", "200 OK", "version", "HTTP/1.1", "url",
            "public", "set-cookie", "keep-alive", "origin"};
        QByteArray d;
        for (const char *w : words) {
            const QByteArray word(w);
            putU32(d, quint32(word.size()));
            d.append(word);
        }
        d.append("100101201202205206300302303304305306307402405406407408409410411412413414415416417"
                 "502504505203 Non-Authoritative Information204 No Content301 Moved Permanently"
                 "400 Bad Request401 Unauthorized403 Forbidden404 Not Found500 Internal Server "
                 "Error501 Not Implemented503 Service UnavailableJan Feb Mar Apr May Jun Jul Aug "
                 "Sept Oct Nov Dec 00:00:00 Mon, Tue, Wed, Thu, Fri, Sat, Sun, GMTchunked,"
                 "text/html,image/png,image/jpg,image/gif,application/xml,application/xhtml+xml,"
                 "text/plain,text/javascript,publicprivatemax-age=gzip,deflate,sdch"
                 "charset=utf-8charset=iso-8859-1,utf-,*,enq=0.");
        return d;
    }();
    return dictionary;
}

// ---- zlib contexts ---------------------------------------------------------------------------

struct SpdyHeaderCompressor::Impl
{
    z_stream z{};
    bool ok = false;
};

SpdyHeaderCompressor::SpdyHeaderCompressor() : d(std::make_unique<Impl>())
{
    // Level 9 and the default window, as Go's framer; the dictionary goes in before any data.
    d->ok = deflateInit(&d->z, Z_BEST_COMPRESSION) == Z_OK;
    if (d->ok) {
        const QByteArray &dict = spdy3Dictionary();
        d->ok = deflateSetDictionary(&d->z, reinterpret_cast<const Bytef *>(dict.constData()),
                                     uInt(dict.size())) == Z_OK;
    }
}

SpdyHeaderCompressor::~SpdyHeaderCompressor()
{
    deflateEnd(&d->z);
}

QByteArray SpdyHeaderCompressor::compress(const QByteArray &block)
{
    QByteArray out;
    if (!d->ok)
        return out;
    d->z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(block.constData()));
    d->z.avail_in = uInt(block.size());
    std::array<char, 4096> chunk;
    do {
        d->z.next_out = reinterpret_cast<Bytef *>(chunk.data());
        d->z.avail_out = uInt(chunk.size());
        const int rc = deflate(&d->z, Z_SYNC_FLUSH);
        if (rc != Z_OK && rc != Z_BUF_ERROR) {
            d->ok = false;
            return {};
        }
        out.append(chunk.data(), qsizetype(chunk.size() - d->z.avail_out));
    } while (d->z.avail_out == 0);
    return out;
}

struct SpdyHeaderDecompressor::Impl
{
    z_stream z{};
    bool ok = false;
};

SpdyHeaderDecompressor::SpdyHeaderDecompressor() : d(std::make_unique<Impl>())
{
    d->ok = inflateInit(&d->z) == Z_OK;
}

SpdyHeaderDecompressor::~SpdyHeaderDecompressor()
{
    inflateEnd(&d->z);
}

bool SpdyHeaderDecompressor::failed() const
{
    return !d->ok;
}

std::optional<QByteArray> SpdyHeaderDecompressor::decompress(const QByteArray &compressed,
                                                             qsizetype maxOutput, QString *error)
{
    auto fail = [&](const QString &why) -> std::optional<QByteArray> {
        d->ok = false;
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (!d->ok)
        return fail(QStringLiteral("header decompression context is broken"));
    QByteArray out;
    d->z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.constData()));
    d->z.avail_in = uInt(compressed.size());
    std::array<char, 4096> chunk;
    while (true) {
        d->z.next_out = reinterpret_cast<Bytef *>(chunk.data());
        d->z.avail_out = uInt(chunk.size());
        int rc = inflate(&d->z, Z_SYNC_FLUSH);
        if (rc == Z_NEED_DICT) {
            const QByteArray &dict = spdy3Dictionary();
            if (inflateSetDictionary(&d->z, reinterpret_cast<const Bytef *>(dict.constData()),
                                     uInt(dict.size())) != Z_OK)
                return fail(QStringLiteral("header block asks for an unknown dictionary"));
            rc = inflate(&d->z, Z_SYNC_FLUSH);
        }
        out.append(chunk.data(), qsizetype(chunk.size() - d->z.avail_out));
        if (out.size() > maxOutput)
            return fail(QStringLiteral("header block too large once decompressed"));
        if (rc == Z_STREAM_END)
            return fail(QStringLiteral("header compression stream ended"));
        if (rc == Z_BUF_ERROR) {
            // No progress possible: all input used (fine) or output full (loop again).
            if (d->z.avail_in == 0)
                break;
            if (d->z.avail_out != 0)
                return fail(QStringLiteral("corrupt header block"));
            continue;
        }
        if (rc != Z_OK)
            return fail(QStringLiteral("corrupt header block (zlib %1)").arg(rc));
        if (d->z.avail_in == 0 && d->z.avail_out != 0)
            break;
    }
    return out;
}

// ---- frames ----------------------------------------------------------------------------------

SpdyFrame SpdyFrame::dataFrame(quint32 streamId, const QByteArray &data, bool fin)
{
    SpdyFrame f;
    f.type = SpdyFrameType::Data;
    f.streamId = streamId;
    f.data = data;
    f.flags = fin ? SpdyFlags::Fin : 0;
    return f;
}

SpdyFrame SpdyFrame::synStream(quint32 streamId, const SpdyHeaders &headers, bool fin)
{
    SpdyFrame f;
    f.type = SpdyFrameType::SynStream;
    f.streamId = streamId;
    f.headers = headers;
    f.flags = fin ? SpdyFlags::Fin : 0;
    return f;
}

SpdyFrame SpdyFrame::synReply(quint32 streamId, const SpdyHeaders &headers, bool fin)
{
    SpdyFrame f;
    f.type = SpdyFrameType::SynReply;
    f.streamId = streamId;
    f.headers = headers;
    f.flags = fin ? SpdyFlags::Fin : 0;
    return f;
}

SpdyFrame SpdyFrame::rstStream(quint32 streamId, SpdyRstStatus status)
{
    SpdyFrame f;
    f.type = SpdyFrameType::RstStream;
    f.streamId = streamId;
    f.status = quint32(status);
    return f;
}

SpdyFrame SpdyFrame::ping(quint32 id)
{
    SpdyFrame f;
    f.type = SpdyFrameType::Ping;
    f.pingId = id;
    return f;
}

SpdyFrame SpdyFrame::goAway(quint32 lastGoodStreamId, SpdyGoAwayStatus status)
{
    SpdyFrame f;
    f.type = SpdyFrameType::GoAway;
    f.lastGoodStreamId = lastGoodStreamId;
    f.status = quint32(status);
    return f;
}

SpdyFrame SpdyFrame::windowUpdate(quint32 streamId, quint32 delta)
{
    SpdyFrame f;
    f.type = SpdyFrameType::WindowUpdate;
    f.streamId = streamId;
    f.deltaWindowSize = delta;
    return f;
}

SpdyFrame SpdyFrame::settingsFrame(const QList<SpdySetting> &settings)
{
    SpdyFrame f;
    f.type = SpdyFrameType::Settings;
    f.settings = settings;
    return f;
}

QByteArray SpdyFramer::encode(const SpdyFrame &f)
{
    QByteArray payload;
    switch (f.type) {
    case SpdyFrameType::Data: {
        QByteArray out;
        putU32(out, f.streamId & 0x7fffffff);
        putU32(out, (quint32(f.flags) << 24) | (quint32(f.data.size()) & 0xffffff));
        out.append(f.data);
        return out;
    }
    case SpdyFrameType::SynStream:
        putU32(payload, f.streamId & 0x7fffffff);
        putU32(payload, f.associatedStreamId & 0x7fffffff);
        payload.append(char((f.priority & 0x7) << 5));
        payload.append(char(f.slot));
        payload.append(m_deflater.compress(encodeSpdyHeaderBlock(f.headers)));
        break;
    case SpdyFrameType::SynReply:
    case SpdyFrameType::Headers:
        putU32(payload, f.streamId & 0x7fffffff);
        payload.append(m_deflater.compress(encodeSpdyHeaderBlock(f.headers)));
        break;
    case SpdyFrameType::RstStream:
        putU32(payload, f.streamId & 0x7fffffff);
        putU32(payload, f.status);
        break;
    case SpdyFrameType::Settings:
        putU32(payload, quint32(f.settings.size()));
        for (const SpdySetting &s : f.settings) {
            putU32(payload, (quint32(s.flags) << 24) | (s.id & 0xffffff));
            putU32(payload, s.value);
        }
        break;
    case SpdyFrameType::Ping:
        putU32(payload, f.pingId);
        break;
    case SpdyFrameType::GoAway:
        putU32(payload, f.lastGoodStreamId & 0x7fffffff);
        putU32(payload, f.status);
        break;
    case SpdyFrameType::WindowUpdate:
        putU32(payload, f.streamId & 0x7fffffff);
        putU32(payload, f.deltaWindowSize & 0x7fffffff);
        break;
    }
    QByteArray out = controlHeader(f.type, f.flags, payload.size());
    out.append(payload);
    return out;
}

SpdyFramer::Result SpdyFramer::decode(const char *buf, qsizetype size, SpdyFrame *frame)
{
    Result r;
    if (size < kFrameHeaderSize)
        return r;
    const quint32 word0 = getU32(buf);
    const quint32 word1 = getU32(buf + 4);
    const quint8 flags = quint8(word1 >> 24);
    const qsizetype length = qsizetype(word1 & 0xffffff);
    const bool control = word0 & 0x80000000u;

    auto sessionError = [&](const QString &why) {
        r.status = Status::SessionError;
        r.error = why;
        return r;
    };

    if (!control) {
        const quint32 streamId = word0 & 0x7fffffff;
        if (length > kMaxDataFrameLength)
            return sessionError(QStringLiteral("DATA frame of %1 bytes is over the limit").arg(length));
        if (streamId == 0)
            return sessionError(QStringLiteral("DATA frame on stream 0"));
        if (size < kFrameHeaderSize + length)
            return r;
        *frame = SpdyFrame::dataFrame(streamId, QByteArray(buf + kFrameHeaderSize, length),
                                      flags & SpdyFlags::Fin);
        frame->flags = flags;
        r.status = Status::Frame;
        r.consumed = kFrameHeaderSize + length;
        r.streamId = streamId;
        return r;
    }

    const quint16 version = quint16((word0 >> 16) & 0x7fff);
    const quint16 type = quint16(word0 & 0xffff);
    if (version != kVersion)
        return sessionError(QStringLiteral("unsupported SPDY version %1").arg(version));
    if (length > kMaxControlFrameLength)
        return sessionError(QStringLiteral("control frame of %1 bytes is over the limit").arg(length));
    if (size < kFrameHeaderSize + length)
        return r;
    r.consumed = kFrameHeaderSize + length;
    const char *p = buf + kFrameHeaderSize;

    SpdyFrame f;
    f.flags = flags;
    auto fixedLength = [&](qsizetype expected) { return length == expected; };
    auto headerBlock = [&](qsizetype offset) -> bool {
        QString why;
        const auto block = m_inflater.decompress(QByteArray(p + offset, length - offset),
                                                 kMaxHeaderBlockSize, &why);
        if (!block) {
            r.status = Status::SessionError;
            r.error = why;
            return false;
        }
        if (!decodeSpdyHeaderBlock(*block, &f.headers, &why)) {
            // The compression context is intact: only this stream is bad.
            r.status = Status::StreamError;
            r.rstStatus = SpdyRstStatus::ProtocolError;
            r.streamId = f.streamId;
            r.error = why;
            return false;
        }
        return true;
    };

    switch (type) {
    case quint16(SpdyFrameType::SynStream):
        if (length < 10)
            return sessionError(QStringLiteral("SYN_STREAM too short"));
        f.type = SpdyFrameType::SynStream;
        f.streamId = getU32(p) & 0x7fffffff;
        f.associatedStreamId = getU32(p + 4) & 0x7fffffff;
        f.priority = quint8(quint8(p[8]) >> 5);
        f.slot = quint8(p[9]);
        if (!headerBlock(10))
            return r;
        if (f.streamId == 0)
            return sessionError(QStringLiteral("SYN_STREAM on stream 0"));
        break;
    case quint16(SpdyFrameType::SynReply):
    case quint16(SpdyFrameType::Headers):
        if (length < 4)
            return sessionError(QStringLiteral("SYN_REPLY/HEADERS too short"));
        f.type = SpdyFrameType(type);
        f.streamId = getU32(p) & 0x7fffffff;
        if (!headerBlock(4))
            return r;
        if (f.streamId == 0)
            return sessionError(QStringLiteral("SYN_REPLY/HEADERS on stream 0"));
        break;
    case quint16(SpdyFrameType::RstStream):
        if (!fixedLength(8))
            return sessionError(QStringLiteral("RST_STREAM of wrong length"));
        f.type = SpdyFrameType::RstStream;
        f.streamId = getU32(p) & 0x7fffffff;
        f.status = getU32(p + 4);
        if (f.streamId == 0 || f.status == 0)
            return sessionError(QStringLiteral("RST_STREAM with stream 0 or status 0"));
        break;
    case quint16(SpdyFrameType::Settings): {
        if (length < 4)
            return sessionError(QStringLiteral("SETTINGS too short"));
        const quint32 count = getU32(p);
        if (count > quint32(kMaxSettings) || length != 4 + qsizetype(count) * 8)
            return sessionError(QStringLiteral("SETTINGS of wrong length"));
        f.type = SpdyFrameType::Settings;
        for (quint32 i = 0; i < count; ++i) {
            const quint32 idw = getU32(p + 4 + i * 8);
            f.settings.append({quint8(idw >> 24), idw & 0xffffff, getU32(p + 8 + i * 8)});
        }
        break;
    }
    case quint16(SpdyFrameType::Ping):
        if (!fixedLength(4))
            return sessionError(QStringLiteral("PING of wrong length"));
        f.type = SpdyFrameType::Ping;
        f.pingId = getU32(p);
        break;
    case quint16(SpdyFrameType::GoAway):
        if (!fixedLength(8))
            return sessionError(QStringLiteral("GOAWAY of wrong length"));
        f.type = SpdyFrameType::GoAway;
        f.lastGoodStreamId = getU32(p) & 0x7fffffff;
        f.status = getU32(p + 4);
        break;
    case quint16(SpdyFrameType::WindowUpdate):
        if (!fixedLength(8))
            return sessionError(QStringLiteral("WINDOW_UPDATE of wrong length"));
        f.type = SpdyFrameType::WindowUpdate;
        f.streamId = getU32(p) & 0x7fffffff;
        f.deltaWindowSize = getU32(p + 4) & 0x7fffffff;
        if (f.deltaWindowSize == 0) {
            r.status = Status::StreamError;
            r.streamId = f.streamId;
            r.rstStatus = SpdyRstStatus::FlowControlError;
            r.error = QStringLiteral("WINDOW_UPDATE with delta 0");
            if (f.streamId == 0)
                r.status = Status::SessionError;
            return r;
        }
        break;
    default:
        // SPDY/3: unknown control frame types (NOOP, CREDENTIAL, ...) are ignored.
        r.status = Status::Ignored;
        return r;
    }
    *frame = std::move(f);
    r.status = Status::Frame;
    r.streamId = frame->streamId;
    return r;
}

// ---- session ---------------------------------------------------------------------------------

namespace {
constexpr qsizetype kMaxOutgoingDataFrame = 16 * 1024;
constexpr int kMaxConcurrentStreams = 100;
constexpr qsizetype kMaxInputBuffer = SpdyFramer::kMaxDataFrameLength + 64 * 1024;
} // namespace

SpdySession::SpdySession(QTcpSocket *socket, QObject *parent, const QByteArray &alreadyRead)
    : QObject(parent), m_socket(socket), m_in(alreadyRead)
{
    if (!socket) {
        m_closed = true;
        return;
    }
    connect(socket, &QIODevice::readyRead, this, &SpdySession::readSocket);
    connect(socket, &QAbstractSocket::disconnected, this, &SpdySession::socketGone);
    connect(socket, &QObject::destroyed, this, &SpdySession::socketGone);
    QMetaObject::invokeMethod(this, &SpdySession::readSocket, Qt::QueuedConnection);
}

SpdySession::~SpdySession()
{
    if (!m_socket)
        return;
    disconnect(m_socket, nullptr, this, nullptr);
    // Nobody reads the socket any more: end the connection rather than leave it hanging.
    if (!m_closed && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->disconnectFromHost();
}

bool SpdySession::isOpen() const
{
    return !m_closed && m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

bool SpdySession::enforcing() const
{
    switch (m_flowControl) {
    case FlowControl::Enforce:
        return true;
    case FlowControl::Ignore:
        return false;
    case FlowControl::Auto:
        break;
    }
    return m_peerFlowControl;
}

void SpdySession::setFlowControl(FlowControl mode)
{
    m_flowControl = mode;
    flushAll();
}

qint64 SpdySession::sendWindow(quint32 streamId) const
{
    const auto it = m_streams.constFind(streamId);
    return it == m_streams.cend() ? 0 : it->sendWindow;
}

qint64 SpdySession::queuedBytes(quint32 streamId) const
{
    const auto it = m_streams.constFind(streamId);
    return it == m_streams.cend() ? 0 : it->pending.size();
}

void SpdySession::sendFrame(const SpdyFrame &frame)
{
    if (m_closed || !m_socket)
        return;
    m_socket->write(m_framer.encode(frame));
}

void SpdySession::readSocket()
{
    if (m_closed)
        return;
    if (m_socket && m_socket->bytesAvailable() > 0)
        m_in.append(m_socket->readAll());
    qsizetype offset = 0;
    while (!m_closed && !m_goingAway) {
        SpdyFrame frame;
        const auto r = m_framer.decode(m_in.constData() + offset, m_in.size() - offset, &frame);
        if (r.status == SpdyFramer::Status::NeedMore)
            break;
        if (r.status == SpdyFramer::Status::SessionError) {
            sessionError(r.error);
            return;
        }
        offset += r.consumed;
        if (r.status == SpdyFramer::Status::StreamError) {
            streamError(r.streamId, r.rstStatus, r.error);
            continue;
        }
        if (r.status == SpdyFramer::Status::Frame)
            handleFrame(frame);
    }
    if (m_closed)
        return;
    m_in.remove(0, offset);
    if (m_in.size() > kMaxInputBuffer)
        sessionError(QStringLiteral("input buffer overflow"));
}

void SpdySession::handleFrame(SpdyFrame &f)
{
    switch (f.type) {
    case SpdyFrameType::SynStream: {
        // Peer (client) streams are odd and strictly increasing (SPDY/3 2.3.2).
        if ((f.streamId & 1) == 0 || f.streamId <= m_lastPeerStreamId) {
            if (m_streams.contains(f.streamId)) {
                streamError(f.streamId, SpdyRstStatus::StreamInUse,
                            QStringLiteral("SYN_STREAM for open stream %1").arg(f.streamId));
                return;
            }
            sessionError(QStringLiteral("SYN_STREAM with bad stream id %1").arg(f.streamId));
            return;
        }
        m_lastPeerStreamId = f.streamId;
        if (m_streams.size() >= kMaxConcurrentStreams) {
            sendFrame(SpdyFrame::rstStream(f.streamId, SpdyRstStatus::RefusedStream));
            return;
        }
        Stream s;
        s.sendWindow = m_initialSendWindow;
        s.remoteFin = f.fin();
        // A unidirectional stream carries nothing from us: our half is closed from the start.
        s.localFin = f.flags & SpdyFlags::Unidirectional;
        m_streams.insert(f.streamId, s);
        Q_EMIT streamOpened(f.streamId, f.headers, f.fin());
        if (f.fin() && m_streams.contains(f.streamId))
            Q_EMIT remoteFinished(f.streamId);
        maybeForget(f.streamId);
        return;
    }
    case SpdyFrameType::Data: {
        auto it = m_streams.find(f.streamId);
        if (it == m_streams.end()) {
            if (f.streamId > m_lastPeerStreamId && (f.streamId & 1))
                sendFrame(SpdyFrame::rstStream(f.streamId, SpdyRstStatus::InvalidStream));
            // Otherwise a stream we already forgot (reset or closed): drop silently.
            m_sessionRecvConsumed += f.data.size();
            return;
        }
        if (it->remoteFin) {
            streamError(f.streamId, SpdyRstStatus::StreamAlreadyClosed,
                        QStringLiteral("DATA after FIN on stream %1").arg(f.streamId));
            return;
        }
        const bool fin = f.fin();
        it->remoteFin = fin;
        const qint64 n = f.data.size();
        // Receive side: the data is handed over at once, so it counts as consumed now.
        // The peer's overruns are tolerated (spdystream ignores our window).
        it->recvConsumed += n;
        m_sessionRecvConsumed += n;
        const bool streamUpdate = !fin && it->recvConsumed >= kSpdyInitialWindow / 2;
        if (streamUpdate) {
            sendFrame(SpdyFrame::windowUpdate(f.streamId, quint32(it->recvConsumed)));
            it->recvConsumed = 0;
        }
        if (m_sessionRecvConsumed >= kSpdyInitialWindow / 2) {
            sendFrame(SpdyFrame::windowUpdate(0, quint32(m_sessionRecvConsumed)));
            m_sessionRecvConsumed = 0;
        }
        const quint32 id = f.streamId;
        if (n > 0)
            Q_EMIT dataReceived(id, f.data);
        if (fin && m_streams.contains(id)) {
            Q_EMIT remoteFinished(id);
            maybeForget(id);
        }
        return;
    }
    case SpdyFrameType::SynReply:
        // We open no streams, so a reply can only be a protocol error.
        streamError(f.streamId, SpdyRstStatus::InvalidStream,
                    QStringLiteral("SYN_REPLY for stream %1 that we did not open").arg(f.streamId));
        return;
    case SpdyFrameType::Headers: {
        auto it = m_streams.find(f.streamId);
        if (it == m_streams.end())
            return;
        if (f.fin()) {
            it->remoteFin = true;
            Q_EMIT remoteFinished(f.streamId);
            maybeForget(f.streamId);
        }
        return;
    }
    case SpdyFrameType::RstStream:
        if (m_streams.remove(f.streamId)) {
            Q_EMIT streamReset(f.streamId, f.status);
            Q_EMIT streamClosed(f.streamId);
        }
        return;
    case SpdyFrameType::Settings:
        for (const SpdySetting &s : std::as_const(f.settings)) {
            if (s.id != kSpdySettingInitialWindowSize)
                continue;
            if (s.value > quint32(kSpdyMaxWindow)) {
                sessionError(QStringLiteral("SETTINGS initial window too large"));
                return;
            }
            // Changes every open stream's window by the difference (SPDY/3 2.6.8).
            const qint64 delta = qint64(s.value) - m_initialSendWindow;
            m_initialSendWindow = s.value;
            for (Stream &st : m_streams)
                st.sendWindow += delta;
            m_peerFlowControl = true;
        }
        flushAll();
        return;
    case SpdyFrameType::Ping:
        // Echo the peer's pings (odd ids from a client); ours would be even, and we send none.
        if (f.pingId & 1)
            sendFrame(SpdyFrame::ping(f.pingId));
        return;
    case SpdyFrameType::GoAway:
        Q_EMIT goAwayReceived(f.lastGoodStreamId, f.status);
        return;
    case SpdyFrameType::WindowUpdate: {
        m_peerFlowControl = true;
        if (f.streamId == 0) {
            m_sessionSendWindow += f.deltaWindowSize;
            if (m_sessionSendWindow > kSpdyMaxWindow) {
                sessionError(QStringLiteral("session window overflow"));
                return;
            }
            flushAll();
            return;
        }
        auto it = m_streams.find(f.streamId);
        if (it == m_streams.end())
            return;
        it->sendWindow += f.deltaWindowSize;
        if (it->sendWindow > kSpdyMaxWindow) {
            streamError(f.streamId, SpdyRstStatus::FlowControlError,
                        QStringLiteral("stream window overflow"));
            return;
        }
        flushStream(f.streamId);
        return;
    }
    }
}

bool SpdySession::reply(quint32 streamId, const SpdyHeaders &headers, bool fin)
{
    auto it = m_streams.find(streamId);
    if (it == m_streams.end() || it->replied || m_closed)
        return false;
    it->replied = true;
    if (fin)
        it->localFin = true;
    sendFrame(SpdyFrame::synReply(streamId, headers, fin));
    maybeForget(streamId);
    return true;
}

bool SpdySession::write(quint32 streamId, const QByteArray &data, bool fin)
{
    auto it = m_streams.find(streamId);
    if (it == m_streams.end() || !it->replied || it->localFin || it->finQueued || m_closed)
        return false;
    it->pending.append(data);
    if (fin)
        it->finQueued = true;
    flushStream(streamId);
    return true;
}

void SpdySession::flushStream(quint32 streamId)
{
    auto it = m_streams.find(streamId);
    if (it == m_streams.end() || !it->replied || it->localFin || m_closed)
        return;
    const bool enforce = enforcing();
    while (!it->pending.isEmpty()) {
        qint64 n = std::min<qint64>(it->pending.size(), kMaxOutgoingDataFrame);
        if (enforce)
            n = std::min({n, it->sendWindow, m_sessionSendWindow});
        if (n <= 0)
            return; // wait for WINDOW_UPDATE
        const bool last = n == it->pending.size();
        const bool fin = last && it->finQueued;
        sendFrame(SpdyFrame::dataFrame(streamId, it->pending.left(n), fin));
        it->pending.remove(0, n);
        it->sendWindow -= n;
        m_sessionSendWindow -= n;
        if (fin) {
            it->localFin = true;
            maybeForget(streamId);
            return;
        }
    }
    if (it->finQueued) {
        sendFrame(SpdyFrame::dataFrame(streamId, {}, true));
        it->localFin = true;
        maybeForget(streamId);
    }
}

void SpdySession::flushAll()
{
    const auto ids = m_streams.keys();
    for (quint32 id : ids)
        flushStream(id);
}

void SpdySession::maybeForget(quint32 streamId)
{
    const auto it = m_streams.constFind(streamId);
    if (it == m_streams.cend() || !it->localFin || !it->remoteFin)
        return;
    m_streams.erase(it);
    Q_EMIT streamClosed(streamId);
}

void SpdySession::reset(quint32 streamId, SpdyRstStatus status)
{
    if (!m_streams.remove(streamId))
        return;
    sendFrame(SpdyFrame::rstStream(streamId, status));
    Q_EMIT streamClosed(streamId);
}

void SpdySession::streamError(quint32 streamId, SpdyRstStatus status, const QString &message)
{
    sendFrame(SpdyFrame::rstStream(streamId, status));
    Q_EMIT protocolError(message);
    if (m_streams.remove(streamId))
        Q_EMIT streamClosed(streamId);
}

void SpdySession::sessionError(const QString &message)
{
    if (m_closed)
        return;
    Q_EMIT protocolError(message);
    goAway(SpdyGoAwayStatus::ProtocolError);
}

void SpdySession::goAway(SpdyGoAwayStatus status)
{
    if (m_closed || m_goingAway)
        return;
    m_goingAway = true;
    sendFrame(SpdyFrame::goAway(m_lastPeerStreamId, status));
    if (m_socket)
        m_socket->disconnectFromHost(); // after the queued bytes are written
    if (!m_socket || m_socket->state() == QAbstractSocket::UnconnectedState)
        socketGone();
}

void SpdySession::socketGone()
{
    if (m_closed)
        return;
    m_closed = true;
    m_in.clear();
    const auto ids = m_streams.keys();
    m_streams.clear();
    for (quint32 id : ids)
        Q_EMIT streamClosed(id);
    Q_EMIT closed();
}

} // namespace ordinal::net
