#pragma once

// SPDY/3.1 as kubectl speaks it for `exec`, `attach`, `run -i` and `port-forward`.
//
// Why this is hand-written: Debian ships no maintained SPDY library (SPDY was retired in favour
// of HTTP/2 years ago; nghttp2 and Qt dropped their SPDY code), yet every kubectl up to 1.29 — and
// 1.30+ whenever its WebSocket attempt is refused — streams over SPDY/3.1 as implemented by Go's
// moby/spdystream. The subset needed is small and fully specified (SPDY draft 3.1), so this file
// holds a compact codec (frames, zlib header blocks with the SPDY/3 dictionary) and a session that
// runs it over one QTcpSocket. Only zlib is used from outside.
//
// Peer behaviour worth knowing (read from spdystream and checked against kubectl):
// - it ignores SETTINGS and WINDOW_UPDATE frames and never sends WINDOW_UPDATE itself, i.e. it does
//   no flow control. A sender that waited for its window to reopen would stall after 64 KiB, so
//   FlowControl::Auto (the default) tracks the peer's windows but only enforces them once the peer
//   has shown that it does flow control (sent a WINDOW_UPDATE or SETTINGS_INITIAL_WINDOW_SIZE);
// - it drops DATA on a stream it created until that stream's SYN_REPLY has arrived, so replies go
//   out before any data (reply() is required before write() on a peer-initiated stream);
// - it echoes PINGs and sends its own (odd ids) every few seconds on kubectl 1.26+.

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>

#include <memory>
#include <optional>

class QTcpSocket;
class QTimer;

namespace ordinal::net {

// A SPDY name/value header block: names are lowercase; a value may hold several values
// separated by NUL bytes (as on the wire). Order is kept.
using SpdyHeaders = QList<QPair<QByteArray, QByteArray>>;

// The first value of a header (name compared exactly; SPDY names are lowercase), or null.
QByteArray spdyHeaderValue(const SpdyHeaders &headers, const QByteArray &name);

enum class SpdyFrameType : quint16 {
    Data = 0, // not a control type: DATA frames have no type field
    SynStream = 1,
    SynReply = 2,
    RstStream = 3,
    Settings = 4,
    Ping = 6,
    GoAway = 7,
    Headers = 8,
    WindowUpdate = 9,
};

namespace SpdyFlags {
inline constexpr quint8 Fin = 0x01;            // DATA, SYN_STREAM, SYN_REPLY, HEADERS
inline constexpr quint8 Unidirectional = 0x02; // SYN_STREAM
inline constexpr quint8 ClearSettings = 0x01;  // SETTINGS
} // namespace SpdyFlags

enum class SpdyRstStatus : quint32 {
    ProtocolError = 1,
    InvalidStream = 2,
    RefusedStream = 3,
    UnsupportedVersion = 4,
    Cancel = 5,
    InternalError = 6,
    FlowControlError = 7,
    StreamInUse = 8,
    StreamAlreadyClosed = 9,
    FrameTooLarge = 11,
};

enum class SpdyGoAwayStatus : quint32 { Ok = 0, ProtocolError = 1, InternalError = 2 };

inline constexpr quint32 kSpdySettingInitialWindowSize = 7;
inline constexpr qint64 kSpdyInitialWindow = 64 * 1024;
inline constexpr qint64 kSpdyMaxWindow = 0x7fffffff;

struct SpdySetting
{
    quint8 flags = 0;
    quint32 id = 0;   // 24 bits
    quint32 value = 0;
    bool operator==(const SpdySetting &) const = default;
};

// One frame, unpacked. Which fields matter depends on type; the rest stay zero/empty.
struct SpdyFrame
{
    SpdyFrameType type = SpdyFrameType::Data;
    quint8 flags = 0;
    quint32 streamId = 0;           // DATA, SYN_STREAM, SYN_REPLY, RST_STREAM, HEADERS, WINDOW_UPDATE
    quint32 associatedStreamId = 0; // SYN_STREAM
    quint8 priority = 0;            // SYN_STREAM, 0 (highest) .. 7
    quint8 slot = 0;                // SYN_STREAM
    quint32 status = 0;             // RST_STREAM, GOAWAY
    quint32 lastGoodStreamId = 0;   // GOAWAY
    quint32 pingId = 0;             // PING
    quint32 deltaWindowSize = 0;    // WINDOW_UPDATE
    QList<SpdySetting> settings;    // SETTINGS
    SpdyHeaders headers;            // SYN_STREAM, SYN_REPLY, HEADERS
    QByteArray data;                // DATA

    bool fin() const { return flags & SpdyFlags::Fin; }

    static SpdyFrame dataFrame(quint32 streamId, const QByteArray &data, bool fin = false);
    static SpdyFrame synStream(quint32 streamId, const SpdyHeaders &headers, bool fin = false);
    static SpdyFrame synReply(quint32 streamId, const SpdyHeaders &headers, bool fin = false);
    static SpdyFrame rstStream(quint32 streamId, SpdyRstStatus status);
    static SpdyFrame ping(quint32 id);
    static SpdyFrame goAway(quint32 lastGoodStreamId, SpdyGoAwayStatus status);
    static SpdyFrame windowUpdate(quint32 streamId, quint32 delta);
    static SpdyFrame settingsFrame(const QList<SpdySetting> &settings);
};

// The uncompressed name/value block: count, then length-prefixed names and values (32-bit).
QByteArray encodeSpdyHeaderBlock(const SpdyHeaders &headers);
// Parses an uncompressed block. Fails on truncation, trailing bytes, empty or upper-case or
// duplicate names, and more than kMaxHeaderPairs pairs.
bool decodeSpdyHeaderBlock(const QByteArray &block, SpdyHeaders *headers, QString *error);

// The SPDY/3 zlib dictionary (draft 3, section 2.6.10.1), built once; 1423 bytes.
const QByteArray &spdy3Dictionary();

// zlib deflate with the SPDY/3 dictionary; one per session and direction, as the header
// compression context spans every header block of the connection (Z_SYNC_FLUSH per block).
class SpdyHeaderCompressor
{
public:
    SpdyHeaderCompressor();
    ~SpdyHeaderCompressor();
    SpdyHeaderCompressor(const SpdyHeaderCompressor &) = delete;
    SpdyHeaderCompressor &operator=(const SpdyHeaderCompressor &) = delete;
    QByteArray compress(const QByteArray &block);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

// zlib inflate with the SPDY/3 dictionary (supplied when zlib asks for it). Refuses output past
// maxOutput (a zip bomb in a header block). After a failure the context is unusable.
class SpdyHeaderDecompressor
{
public:
    SpdyHeaderDecompressor();
    ~SpdyHeaderDecompressor();
    SpdyHeaderDecompressor(const SpdyHeaderDecompressor &) = delete;
    SpdyHeaderDecompressor &operator=(const SpdyHeaderDecompressor &) = delete;
    std::optional<QByteArray> decompress(const QByteArray &compressed, qsizetype maxOutput,
                                         QString *error);
    bool failed() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

// Frame codec with its two header-compression contexts.
class SpdyFramer
{
public:
    static constexpr quint16 kVersion = 3;
    static constexpr qsizetype kFrameHeaderSize = 8;
    static constexpr qsizetype kMaxControlFrameLength = 64 * 1024;   // header blocks, SETTINGS
    static constexpr qsizetype kMaxDataFrameLength = 1024 * 1024;    // kubectl sends <= 32 KiB
    static constexpr qsizetype kMaxHeaderBlockSize = 256 * 1024;     // decompressed
    static constexpr int kMaxHeaderPairs = 1024;
    static constexpr int kMaxSettings = 64;

    QByteArray encode(const SpdyFrame &frame);

    enum class Status {
        NeedMore,     // not a whole frame yet; nothing consumed
        Frame,        // *frame holds it; `consumed` bytes used
        Ignored,      // a well-formed frame to skip (unknown control type); `consumed` bytes used
        StreamError,  // the frame is bad for its stream: RST_STREAM `rstStatus` on `streamId`
        SessionError, // the connection cannot go on: GOAWAY PROTOCOL_ERROR and close
    };
    struct Result
    {
        Status status = Status::NeedMore;
        qsizetype consumed = 0;
        quint32 streamId = 0;
        SpdyRstStatus rstStatus = SpdyRstStatus::ProtocolError;
        QString error;
    };
    // Decodes at most one frame from the front of buffer. A header that announces a frame
    // longer than the caps is refused at once (SessionError), without waiting for its bytes.
    Result decode(const char *buffer, qsizetype size, SpdyFrame *frame);

    bool inflaterFailed() const { return m_inflater.failed(); }

private:
    SpdyHeaderCompressor m_deflater;
    SpdyHeaderDecompressor m_inflater;
};

// One SPDY/3.1 connection over a socket whose HTTP upgrade is done. Server side (the peer opens
// odd-numbered streams); the session never opens streams itself. Not thread-safe; lives in the
// socket's thread. The socket stays owned by whoever owned it (QAbstractHttpServer deletes it
// on disconnect); the session watches it through a QPointer.
class SpdySession : public QObject
{
    Q_OBJECT

public:
    enum class FlowControl {
        Auto,    // enforce the peer's windows once it has shown it does flow control (default)
        Enforce, // always enforce (a strict SPDY/3.1 peer)
        Ignore,  // never wait for the peer's window
    };

    // Takes over the socket: reads start on the next event-loop turn (so signals can be
    // connected first), beginning with `alreadyRead` (bytes the HTTP layer had consumed past
    // the request, if any) and then whatever the socket has buffered.
    explicit SpdySession(QTcpSocket *socket, QObject *parent = nullptr,
                         const QByteArray &alreadyRead = {});
    // Closes the connection if it is still open. Do not delete the session from a slot
    // connected to one of its signals (use deleteLater).
    ~SpdySession() override;

    // Answers a peer-initiated stream (SYN_REPLY). Required before write() on it.
    bool reply(quint32 streamId, const SpdyHeaders &headers = {}, bool fin = false);
    // Queues data on a stream (split into frames, sent as the peer's window allows); fin
    // half-closes our side after the data.
    bool write(quint32 streamId, const QByteArray &data, bool fin = false);
    // Half-closes our side of the stream (after anything queued).
    bool finish(quint32 streamId) { return write(streamId, {}, true); }
    // Aborts a stream (RST_STREAM); queued data is dropped.
    void reset(quint32 streamId, SpdyRstStatus status = SpdyRstStatus::Cancel);
    // Sends GOAWAY and closes the socket once what is queued on it has been written.
    void goAway(SpdyGoAwayStatus status = SpdyGoAwayStatus::Ok);

    void setFlowControl(FlowControl mode);
    FlowControl flowControl() const { return m_flowControl; }
    bool peerDoesFlowControl() const { return m_peerFlowControl; }

    bool isOpen() const;
    bool hasStream(quint32 streamId) const { return m_streams.contains(streamId); }
    // The peer's current window for the stream (what we may still send); 0 for unknown streams.
    qint64 sendWindow(quint32 streamId) const;
    qint64 sessionSendWindow() const { return m_sessionSendWindow; }
    // Bytes written with write() but not yet framed (waiting for the window).
    qint64 queuedBytes(quint32 streamId) const;
    int streamCount() const { return int(m_streams.size()); }

Q_SIGNALS:
    // The peer opened a stream (SYN_STREAM). Answer it with reply() or reset().
    void streamOpened(quint32 streamId, const ordinal::net::SpdyHeaders &headers, bool remoteFin);
    void dataReceived(quint32 streamId, const QByteArray &data);
    // The peer half-closed the stream (FIN): no more data will come on it.
    void remoteFinished(quint32 streamId);
    void streamReset(quint32 streamId, quint32 status);
    // Both halves are done, or the stream was reset: the id is forgotten.
    void streamClosed(quint32 streamId);
    void goAwayReceived(quint32 lastGoodStreamId, quint32 status);
    // A malformed frame ended the session (GOAWAY sent) or a stream (RST_STREAM sent).
    void protocolError(const QString &message);
    // The socket is gone (peer closed, error, or after goAway()); emitted once.
    void closed();

private:
    struct Stream
    {
        bool replied = false;    // our SYN_REPLY went out
        bool localFin = false;   // our FIN went out
        bool remoteFin = false;  // the peer's FIN arrived
        bool finQueued = false;  // write(..., fin) asked for FIN after `pending`
        qint64 sendWindow = kSpdyInitialWindow;
        qint64 recvConsumed = 0; // consumed since our last WINDOW_UPDATE
        QByteArray pending;
    };

    void readSocket();
    void handleFrame(SpdyFrame &frame);
    void sendFrame(const SpdyFrame &frame);
    void flushStream(quint32 streamId);
    void flushAll();
    void maybeForget(quint32 streamId);
    void streamError(quint32 streamId, SpdyRstStatus status, const QString &message);
    void sessionError(const QString &message);
    void socketGone();
    bool enforcing() const;

    QPointer<QTcpSocket> m_socket;
    SpdyFramer m_framer;
    QByteArray m_in;
    QHash<quint32, Stream> m_streams;
    quint32 m_lastPeerStreamId = 0;
    qint64 m_initialSendWindow = kSpdyInitialWindow;
    qint64 m_sessionSendWindow = kSpdyInitialWindow;
    qint64 m_sessionRecvConsumed = 0;
    FlowControl m_flowControl = FlowControl::Auto;
    bool m_peerFlowControl = false;
    bool m_goingAway = false;
    bool m_closed = false;
};

} // namespace ordinal::net
