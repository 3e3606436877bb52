#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ordinal::core {

// RR types and classes Ordinal knows by name.
namespace DnsType {
constexpr quint16 A = 1;
constexpr quint16 NS = 2;
constexpr quint16 CNAME = 5;
constexpr quint16 SOA = 6;
constexpr quint16 PTR = 12;
constexpr quint16 MX = 15;
constexpr quint16 TXT = 16;
constexpr quint16 AAAA = 28;
constexpr quint16 SRV = 33;
constexpr quint16 OPT = 41;
constexpr quint16 IXFR = 251;
constexpr quint16 AXFR = 252;
constexpr quint16 ANY = 255;

// "A", "SRV", ... or "TYPE65" (RFC 3597) for the rest.
QString toString(quint16 type);
// Parses "a", "SRV", "TYPE65"; std::nullopt when unknown.
std::optional<quint16> fromString(const QString &text);
} // namespace DnsType

constexpr quint16 kDnsClassIN = 1;

enum class DnsRcode : quint16 {
    NoError = 0,
    FormErr = 1,
    ServFail = 2,
    NxDomain = 3,
    NotImp = 4,
    Refused = 5,
    BadVers = 16, // extended, carried in the OPT record
};

// "NOERROR", "NXDOMAIN", ... as dig prints the status.
QString rcodeName(DnsRcode rcode);

// One resource record. Names are absolute, in presentation form with the trailing dot
// ("web-0.nginx.default.svc.cluster.local."). The rdata fields used depend on the type;
// types the codec does not know keep their raw bytes in `raw`.
struct DnsRecord
{
    QString name;
    quint16 type = DnsType::A;
    quint16 klass = kDnsClassIN;
    quint32 ttl = 0;

    QByteArray address;  // A: 4 bytes, AAAA: 16 bytes
    QString target;      // CNAME, PTR, NS target; SRV target; SOA mname
    QString mailbox;     // SOA rname
    quint32 serial = 0, refresh = 0, retry = 0, expire = 0, minimum = 0; // SOA
    quint16 priority = 0, weight = 0, port = 0; // SRV (priority also MX preference)
    QList<QByteArray> texts; // TXT character-strings
    QByteArray raw;          // rdata of any other type

    // The rdata as dig prints it ("10.244.1.7", "0 50 80 web-0.nginx....", "\"1.1.0\"").
    QString rdataText() const;
    // Textual address for A/AAAA ("10.244.1.7", "fd00::1"); empty for other types.
    QString addressText() const;

    static DnsRecord makeA(const QString &name, quint32 ttl, const QByteArray &address);
    static DnsRecord makeName(const QString &name, quint16 type, quint32 ttl,
                              const QString &target);
    bool operator==(const DnsRecord &) const = default;
};

struct DnsQuestion
{
    QString name;
    quint16 type = DnsType::A;
    quint16 klass = kDnsClassIN;
};

// The EDNS(0) OPT pseudo-record (RFC 6891). Options are kept as (code, data) pairs.
struct DnsEdns
{
    quint16 udpSize = 512;
    quint8 extendedRcode = 0;
    quint8 version = 0;
    bool dnssecOk = false;
    QList<QPair<quint16, QByteArray>> options;
};

// Why a packet could not be parsed.
enum class DnsParseError {
    None,
    ShortHeader,   // fewer than 12 bytes: not even an id to answer to
    Truncated,     // a section runs past the end
    BadName,       // label too long, name too long, bad label type
    PointerLoop,   // compression pointer that does not point strictly backwards
    BadCount,      // counts that cannot fit, or more than one OPT
    TrailingData,  // bytes after the last record
    BadRdata,      // rdata length wrong for its type
};

// A DNS message (RFC 1035 §4) with a strict parser and a compressing encoder. No sockets:
// the server and the console's dig both go through this codec. Invariant: encode() of a parsed
// message yields an equivalent message (modulo compression), and encode() never exceeds the
// size it is given — it drops the record sections and sets TC instead (RFC 2181 §9).
struct DnsMessage
{
    quint16 id = 0;
    bool qr = false;
    quint8 opcode = 0;
    bool aa = false;
    bool tc = false;
    bool rd = false;
    bool ra = false;
    bool ad = false;
    bool cd = false;
    quint16 rcode = 0; // low 4 bits on the wire; higher bits go to OPT
    QList<DnsQuestion> questions;
    QList<DnsRecord> answers;
    QList<DnsRecord> authority;
    QList<DnsRecord> additional; // without the OPT record
    std::optional<DnsEdns> edns;

    // Strict parse. On error returns std::nullopt and sets *error; *idOut gets the id when the
    // header was readable (so that a FORMERR can still be addressed).
    static std::optional<DnsMessage> parse(const QByteArray &wire, DnsParseError *error = nullptr,
                                           quint16 *idOut = nullptr);
    // Encodes with name compression. When the result would exceed maxSize, the answer,
    // authority and additional sections are dropped (the OPT record stays) and TC is set.
    QByteArray encode(int maxSize = 65535) const;
};

// A FORMERR reply for a packet that could not be parsed (header only, with the query's id).
QByteArray dnsFormErrReply(quint16 id, const QByteArray &query);

// TCP framing (RFC 1035 §4.2.2): a two-byte big-endian length before each message.
QByteArray dnsTcpFrame(const QByteArray &message);
// Takes every complete message off the front of buffer; leaves a partial one in place.
QList<QByteArray> dnsTcpUnframe(QByteArray *buffer);

// Presentation-form helpers.
// Lower-cases ASCII letters only (DNS names compare case-insensitively in ASCII, RFC 4343).
QString dnsLower(const QString &name);
// Appends the trailing dot when missing ("" -> ".").
QString dnsAbsolute(const QString &name);
// Parses a dotted IPv4 or an IPv6 literal into 4 or 16 bytes; empty on failure.
QByteArray dnsParseAddress(const QString &text);
QString dnsAddressText(const QByteArray &address);
// "10.244.1.7" -> "7.1.244.10.in-addr.arpa."; IPv6 in nibble form under ip6.arpa.
QString dnsReverseName(const QByteArray &address);

} // namespace ordinal::core
