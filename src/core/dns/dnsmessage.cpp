#include "dns/dnsmessage.h"

#include <QHash>

#include <cstring>

namespace ordinal::core {

namespace {

constexpr int kMaxNameLength = 255;
constexpr int kMaxLabelLength = 63;

struct TypeName
{
    quint16 type;
    const char *name;
};

constexpr TypeName kTypeNames[] = {
    {DnsType::A, "A"},       {DnsType::NS, "NS"},     {DnsType::CNAME, "CNAME"},
    {DnsType::SOA, "SOA"},   {DnsType::PTR, "PTR"},   {DnsType::MX, "MX"},
    {DnsType::TXT, "TXT"},   {DnsType::AAAA, "AAAA"}, {DnsType::SRV, "SRV"},
    {DnsType::OPT, "OPT"},   {DnsType::IXFR, "IXFR"}, {DnsType::AXFR, "AXFR"},
    {DnsType::ANY, "ANY"},   {13, "HINFO"},
};

quint16 get16(const uchar *p) { return quint16((p[0] << 8) | p[1]); }
quint32 get32(const uchar *p)
{
    return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
}
void put16(QByteArray &out, quint16 v)
{
    out.append(char(v >> 8));
    out.append(char(v & 0xff));
}
void put32(QByteArray &out, quint32 v)
{
    put16(out, quint16(v >> 16));
    put16(out, quint16(v & 0xffff));
}
void set16(QByteArray &out, int at, quint16 v)
{
    out[at] = char(v >> 8);
    out[at + 1] = char(v & 0xff);
}

bool needsEscape(uchar c)
{
    return c == '.' || c == '\\' || c == '"' || c == '(' || c == ')' || c == ';' || c == '@'
        || c == '$';
}

void appendLabelText(QString &out, const uchar *label, int length)
{
    for (int i = 0; i < length; ++i) {
        const uchar c = label[i];
        if (c <= 0x20 || c >= 0x7f)
            out += QStringLiteral("\\%1").arg(int(c), 3, 10, QLatin1Char('0'));
        else if (needsEscape(c))
            { out += QLatin1Char('\\'); out += QLatin1Char(char(c)); }
        else
            out += QLatin1Char(char(c));
    }
}

// Reads a possibly compressed name at *pos. Pointers must point strictly backwards from the
// position where the pointer was found, which rules out loops; the total length is capped.
DnsParseError readName(const uchar *data, int size, int *pos, QString *name)
{
    int p = *pos;
    int end = -1; // where parsing continues after the first pointer
    int wireLength = 1;
    int limit = p; // a pointer must target an offset below this
    QString text;
    for (;;) {
        if (p >= size)
            return DnsParseError::Truncated;
        const uchar len = data[p];
        if ((len & 0xc0) == 0xc0) {
            if (p + 1 >= size)
                return DnsParseError::Truncated;
            const int target = ((len & 0x3f) << 8) | data[p + 1];
            if (target >= limit) // strictly backwards each time: no loops
                return DnsParseError::PointerLoop;
            if (end < 0)
                end = p + 2;
            limit = target;
            p = target;
            continue;
        }
        if ((len & 0xc0) != 0)
            return DnsParseError::BadName; // extended label types (RFC 6891 §5) not supported
        if (len == 0) {
            ++p;
            break;
        }
        if (p + 1 + len > size)
            return DnsParseError::Truncated;
        wireLength += len + 1;
        if (wireLength > kMaxNameLength)
            return DnsParseError::BadName;
        appendLabelText(text, data + p + 1, len);
        text += QLatin1Char('.');
        p += 1 + len;
    }
    *pos = end >= 0 ? end : p;
    *name = text.isEmpty() ? QStringLiteral(".") : text;
    return DnsParseError::None;
}

// Splits a presentation name into wire labels (handles \. and \DDD escapes). Returns false
// when a label or the name is too long.
bool splitName(const QString &name, QList<QByteArray> *labels)
{
    labels->clear();
    QByteArray label;
    const int n = int(name.size());
    int total = 1;
    for (int i = 0; i < n; ++i) {
        const QChar c = name.at(i);
        if (c == QLatin1Char('\\') && i + 1 < n) {
            if (i + 3 < n && name.at(i + 1).isDigit() && name.at(i + 2).isDigit()
                && name.at(i + 3).isDigit()) {
                label.append(char(name.mid(i + 1, 3).toInt()));
                i += 3;
            } else {
                label.append(char(name.at(i + 1).toLatin1()));
                ++i;
            }
        } else if (c == QLatin1Char('.')) {
            if (label.isEmpty())
                continue; // root, or a doubled dot: ignore
            if (label.size() > kMaxLabelLength)
                return false;
            total += int(label.size()) + 1;
            labels->append(label);
            label.clear();
        } else {
            label.append(char(c.unicode() < 0x100 ? c.unicode() : '?'));
        }
    }
    if (!label.isEmpty()) {
        if (label.size() > kMaxLabelLength)
            return false;
        total += int(label.size()) + 1;
        labels->append(label);
    }
    return total <= kMaxNameLength;
}

// Encoder with RFC 1035 §4.1.4 compression. Suffixes are remembered case-sensitively, so a
// compressed name always decodes to the exact case that was written.
class Writer
{
public:
    QByteArray out;

    void name(const QString &presentation, bool compress = true)
    {
        QList<QByteArray> labels;
        if (!splitName(presentation, &labels))
            labels.clear(); // unreachable for names the zone produces; encode the root
        for (int i = 0; i < labels.size(); ++i) {
            QByteArray suffix;
            for (int j = i; j < labels.size(); ++j) {
                suffix += labels.at(j);
                suffix += '.';
            }
            if (compress) {
                const auto it = m_offsets.constFind(suffix);
                if (it != m_offsets.cend()) {
                    put16(out, quint16(0xc000 | it.value()));
                    return;
                }
            }
            if (out.size() < 0x3fff)
                m_offsets.insert(suffix, int(out.size()));
            out.append(char(labels.at(i).size()));
            out.append(labels.at(i));
        }
        out.append('\0');
    }

    void record(const DnsRecord &rr)
    {
        name(rr.name);
        put16(out, rr.type);
        put16(out, rr.klass);
        put32(out, rr.ttl);
        const int lengthAt = int(out.size());
        put16(out, 0);
        const int start = int(out.size());
        switch (rr.type) {
        case DnsType::A:
        case DnsType::AAAA:
            out.append(rr.address);
            break;
        case DnsType::NS:
        case DnsType::CNAME:
        case DnsType::PTR:
            name(rr.target);
            break;
        case DnsType::SOA:
            name(rr.target);
            name(rr.mailbox);
            put32(out, rr.serial);
            put32(out, rr.refresh);
            put32(out, rr.retry);
            put32(out, rr.expire);
            put32(out, rr.minimum);
            break;
        case DnsType::MX:
            put16(out, rr.priority);
            name(rr.target);
            break;
        case DnsType::SRV:
            // RFC 2782: the SRV target is not compressed (CoreDNS/miekg does the same).
            put16(out, rr.priority);
            put16(out, rr.weight);
            put16(out, rr.port);
            name(rr.target, false);
            break;
        case DnsType::TXT:
            for (const QByteArray &text : rr.texts) {
                out.append(char(qMin<qsizetype>(text.size(), 255)));
                out.append(text.left(255));
            }
            break;
        default:
            out.append(rr.raw);
            break;
        }
        set16(out, lengthAt, quint16(out.size() - start));
    }

private:
    QHash<QByteArray, int> m_offsets;
};

void writeOpt(Writer &w, const DnsEdns &edns, quint16 rcode)
{
    w.out.append('\0'); // root owner
    put16(w.out, DnsType::OPT);
    put16(w.out, edns.udpSize);
    w.out.append(char(rcode >> 4));
    w.out.append(char(edns.version));
    put16(w.out, edns.dnssecOk ? 0x8000 : 0);
    QByteArray data;
    for (const auto &option : edns.options) {
        put16(data, option.first);
        put16(data, quint16(option.second.size()));
        data.append(option.second);
    }
    put16(w.out, quint16(data.size()));
    w.out.append(data);
}

} // namespace

QString DnsType::toString(quint16 type)
{
    for (const TypeName &t : kTypeNames) {
        if (t.type == type)
            return QLatin1String(t.name);
    }
    return QStringLiteral("TYPE%1").arg(type);
}

std::optional<quint16> DnsType::fromString(const QString &text)
{
    const QString upper = text.toUpper();
    for (const TypeName &t : kTypeNames) {
        if (upper == QLatin1String(t.name))
            return t.type;
    }
    if (upper.startsWith(QLatin1String("TYPE"))) {
        bool ok = false;
        const uint value = upper.mid(4).toUInt(&ok);
        if (ok && value <= 0xffff)
            return quint16(value);
    }
    return std::nullopt;
}

QString rcodeName(DnsRcode rcode)
{
    switch (rcode) {
    case DnsRcode::NoError:
        return QStringLiteral("NOERROR");
    case DnsRcode::FormErr:
        return QStringLiteral("FORMERR");
    case DnsRcode::ServFail:
        return QStringLiteral("SERVFAIL");
    case DnsRcode::NxDomain:
        return QStringLiteral("NXDOMAIN");
    case DnsRcode::NotImp:
        return QStringLiteral("NOTIMP");
    case DnsRcode::Refused:
        return QStringLiteral("REFUSED");
    case DnsRcode::BadVers:
        return QStringLiteral("BADVERS");
    }
    return QStringLiteral("RESERVED%1").arg(int(rcode));
}

QString DnsRecord::addressText() const
{
    if (type != DnsType::A && type != DnsType::AAAA)
        return {};
    return dnsAddressText(address);
}

QString DnsRecord::rdataText() const
{
    switch (type) {
    case DnsType::A:
    case DnsType::AAAA:
        return addressText();
    case DnsType::NS:
    case DnsType::CNAME:
    case DnsType::PTR:
        return target;
    case DnsType::SOA:
        return QStringLiteral("%1 %2 %3 %4 %5 %6 %7")
            .arg(target, mailbox)
            .arg(serial)
            .arg(refresh)
            .arg(retry)
            .arg(expire)
            .arg(minimum);
    case DnsType::MX:
        return QStringLiteral("%1 %2").arg(priority).arg(target);
    case DnsType::SRV:
        return QStringLiteral("%1 %2 %3 %4").arg(priority).arg(weight).arg(port).arg(target);
    case DnsType::TXT: {
        QStringList parts;
        for (const QByteArray &text : texts) {
            QString s = QStringLiteral("\"");
            for (const char c : text) {
                const uchar u = uchar(c);
                if (u < 0x20 || u >= 0x7f)
                    s += QStringLiteral("\\%1").arg(int(u), 3, 10, QLatin1Char('0'));
                else if (c == '"' || c == '\\')
                    { s += QLatin1Char('\\'); s += QLatin1Char(c); }
                else
                    s += QLatin1Char(c);
            }
            parts << s + QLatin1Char('"');
        }
        return parts.join(QLatin1Char(' '));
    }
    default:
        break;
    }
    // RFC 3597 generic form.
    QString s = QStringLiteral("\\# %1").arg(raw.size());
    if (!raw.isEmpty())
        s += QLatin1Char(' ') + QString::fromLatin1(raw.toHex().toUpper());
    return s;
}

DnsRecord DnsRecord::makeA(const QString &name, quint32 ttl, const QByteArray &address)
{
    DnsRecord rr;
    rr.name = name;
    rr.type = address.size() == 16 ? DnsType::AAAA : DnsType::A;
    rr.ttl = ttl;
    rr.address = address;
    return rr;
}

DnsRecord DnsRecord::makeName(const QString &name, quint16 type, quint32 ttl,
                              const QString &target)
{
    DnsRecord rr;
    rr.name = name;
    rr.type = type;
    rr.ttl = ttl;
    rr.target = target;
    return rr;
}

std::optional<DnsMessage> DnsMessage::parse(const QByteArray &wire, DnsParseError *error,
                                            quint16 *idOut)
{
    DnsParseError dummy;
    DnsParseError &err = error ? *error : dummy;
    err = DnsParseError::None;
    const auto *data = reinterpret_cast<const uchar *>(wire.constData());
    const int size = int(wire.size());
    if (size < 12) {
        err = DnsParseError::ShortHeader;
        return std::nullopt;
    }
    DnsMessage m;
    m.id = get16(data);
    if (idOut)
        *idOut = m.id;
    const quint16 flags = get16(data + 2);
    m.qr = flags & 0x8000;
    m.opcode = quint8((flags >> 11) & 0xf);
    m.aa = flags & 0x0400;
    m.tc = flags & 0x0200;
    m.rd = flags & 0x0100;
    m.ra = flags & 0x0080;
    m.ad = flags & 0x0020;
    m.cd = flags & 0x0010;
    m.rcode = flags & 0xf;
    const int counts[4] = {get16(data + 4), get16(data + 6), get16(data + 8), get16(data + 10)};
    // Every question needs at least 5 bytes and every record 11: reject impossible counts before
    // allocating anything.
    if (12 + counts[0] * 5 + (counts[1] + counts[2] + counts[3]) * 11 > size) {
        err = DnsParseError::BadCount;
        return std::nullopt;
    }
    int pos = 12;
    for (int i = 0; i < counts[0]; ++i) {
        DnsQuestion q;
        if ((err = readName(data, size, &pos, &q.name)) != DnsParseError::None)
            return std::nullopt;
        if (pos + 4 > size) {
            err = DnsParseError::Truncated;
            return std::nullopt;
        }
        q.type = get16(data + pos);
        q.klass = get16(data + pos + 2);
        pos += 4;
        m.questions.append(q);
    }
    for (int section = 1; section <= 3; ++section) {
        for (int i = 0; i < counts[section]; ++i) {
            DnsRecord rr;
            if ((err = readName(data, size, &pos, &rr.name)) != DnsParseError::None)
                return std::nullopt;
            if (pos + 10 > size) {
                err = DnsParseError::Truncated;
                return std::nullopt;
            }
            rr.type = get16(data + pos);
            rr.klass = get16(data + pos + 2);
            rr.ttl = get32(data + pos + 4);
            const int rdlength = get16(data + pos + 8);
            pos += 10;
            if (pos + rdlength > size) {
                err = DnsParseError::Truncated;
                return std::nullopt;
            }
            const int rdEnd = pos + rdlength;
            if (rr.type == DnsType::OPT) {
                if (section != 3 || m.edns || rr.name != QLatin1String(".")) {
                    err = DnsParseError::BadCount;
                    return std::nullopt;
                }
                DnsEdns edns;
                edns.udpSize = rr.klass;
                edns.extendedRcode = quint8(rr.ttl >> 24);
                edns.version = quint8((rr.ttl >> 16) & 0xff);
                edns.dnssecOk = rr.ttl & 0x8000;
                int p = pos;
                while (p < rdEnd) {
                    if (p + 4 > rdEnd) {
                        err = DnsParseError::BadRdata;
                        return std::nullopt;
                    }
                    const quint16 code = get16(data + p);
                    const int len = get16(data + p + 2);
                    if (p + 4 + len > rdEnd) {
                        err = DnsParseError::BadRdata;
                        return std::nullopt;
                    }
                    edns.options.append(
                        {code, QByteArray(reinterpret_cast<const char *>(data + p + 4), len)});
                    p += 4 + len;
                }
                m.edns = edns;
                m.rcode |= quint16(edns.extendedRcode) << 4;
                pos = rdEnd;
                continue;
            }
            DnsParseError e = DnsParseError::None;
            int p = pos;
            switch (rr.type) {
            case DnsType::A:
            case DnsType::AAAA:
                if (rdlength != (rr.type == DnsType::A ? 4 : 16)) {
                    err = DnsParseError::BadRdata;
                    return std::nullopt;
                }
                rr.address = QByteArray(reinterpret_cast<const char *>(data + pos), rdlength);
                p = rdEnd;
                break;
            case DnsType::NS:
            case DnsType::CNAME:
            case DnsType::PTR:
                e = readName(data, rdEnd, &p, &rr.target);
                break;
            case DnsType::SOA:
                e = readName(data, rdEnd, &p, &rr.target);
                if (e == DnsParseError::None)
                    e = readName(data, rdEnd, &p, &rr.mailbox);
                if (e == DnsParseError::None) {
                    if (p + 20 > rdEnd) {
                        e = DnsParseError::BadRdata;
                    } else {
                        rr.serial = get32(data + p);
                        rr.refresh = get32(data + p + 4);
                        rr.retry = get32(data + p + 8);
                        rr.expire = get32(data + p + 12);
                        rr.minimum = get32(data + p + 16);
                        p += 20;
                    }
                }
                break;
            case DnsType::MX:
                if (rdlength < 3) {
                    e = DnsParseError::BadRdata;
                } else {
                    rr.priority = get16(data + p);
                    p += 2;
                    e = readName(data, rdEnd, &p, &rr.target);
                }
                break;
            case DnsType::SRV:
                if (rdlength < 7) {
                    e = DnsParseError::BadRdata;
                } else {
                    rr.priority = get16(data + p);
                    rr.weight = get16(data + p + 2);
                    rr.port = get16(data + p + 4);
                    p += 6;
                    e = readName(data, rdEnd, &p, &rr.target);
                }
                break;
            case DnsType::TXT:
                while (p < rdEnd) {
                    const int len = data[p];
                    if (p + 1 + len > rdEnd) {
                        e = DnsParseError::BadRdata;
                        break;
                    }
                    rr.texts.append(
                        QByteArray(reinterpret_cast<const char *>(data + p + 1), len));
                    p += 1 + len;
                }
                break;
            default:
                rr.raw = QByteArray(reinterpret_cast<const char *>(data + pos), rdlength);
                p = rdEnd;
                break;
            }
            if (e == DnsParseError::Truncated)
                e = DnsParseError::BadRdata;
            if (e == DnsParseError::None && p != rdEnd)
                e = DnsParseError::BadRdata;
            if (e != DnsParseError::None) {
                err = e;
                return std::nullopt;
            }
            pos = rdEnd;
            (section == 1 ? m.answers : section == 2 ? m.authority : m.additional).append(rr);
        }
    }
    if (pos != size) {
        err = DnsParseError::TrailingData;
        return std::nullopt;
    }
    return m;
}

QByteArray DnsMessage::encode(int maxSize) const
{
    const auto header = [this](Writer &w, bool truncated, int an, int ns, int ar) {
        put16(w.out, id);
        quint16 flags = 0;
        if (qr)
            flags |= 0x8000;
        flags |= quint16((opcode & 0xf) << 11);
        if (aa)
            flags |= 0x0400;
        if (tc || truncated)
            flags |= 0x0200;
        if (rd)
            flags |= 0x0100;
        if (ra)
            flags |= 0x0080;
        if (ad)
            flags |= 0x0020;
        if (cd)
            flags |= 0x0010;
        flags |= rcode & 0xf;
        put16(w.out, flags);
        put16(w.out, quint16(questions.size()));
        put16(w.out, quint16(an));
        put16(w.out, quint16(ns));
        put16(w.out, quint16(ar + (edns ? 1 : 0)));
        for (const DnsQuestion &q : questions) {
            w.name(q.name);
            put16(w.out, q.type);
            put16(w.out, q.klass);
        }
    };
    Writer w;
    w.out.reserve(512);
    header(w, false, int(answers.size()), int(authority.size()), int(additional.size()));
    for (const DnsRecord &rr : answers)
        w.record(rr);
    for (const DnsRecord &rr : authority)
        w.record(rr);
    for (const DnsRecord &rr : additional)
        w.record(rr);
    if (edns)
        writeOpt(w, *edns, rcode);
    if (w.out.size() <= maxSize)
        return w.out;
    // Too big for the transport: question (and OPT) only, TC set; the client retries on TCP.
    Writer t;
    header(t, true, 0, 0, 0);
    if (edns)
        writeOpt(t, *edns, rcode);
    return t.out;
}

QByteArray dnsFormErrReply(quint16 id, const QByteArray &query)
{
    QByteArray out;
    put16(out, id);
    quint16 flags = 0x8000 | 1; // QR, FORMERR
    if (query.size() >= 3) {
        flags |= quint16((uchar(query.at(2)) & 0x78) << 8); // opcode
        flags |= quint16((uchar(query.at(2)) & 0x01) << 8); // RD
    }
    put16(out, flags);
    out.append(QByteArray(8, '\0'));
    return out;
}

QByteArray dnsTcpFrame(const QByteArray &message)
{
    QByteArray out;
    out.reserve(message.size() + 2);
    put16(out, quint16(message.size()));
    out.append(message);
    return out;
}

QList<QByteArray> dnsTcpUnframe(QByteArray *buffer)
{
    QList<QByteArray> messages;
    int pos = 0;
    const auto *data = reinterpret_cast<const uchar *>(buffer->constData());
    while (buffer->size() - pos >= 2) {
        const int len = get16(data + pos);
        if (buffer->size() - pos - 2 < len)
            break;
        messages.append(buffer->mid(pos + 2, len));
        pos += 2 + len;
    }
    buffer->remove(0, pos);
    return messages;
}

QString dnsLower(const QString &name)
{
    QString out = name;
    for (QChar &c : out) {
        if (c.unicode() >= 'A' && c.unicode() <= 'Z')
            c = QChar(c.unicode() + 32);
    }
    return out;
}

QString dnsAbsolute(const QString &name)
{
    if (name.endsWith(QLatin1Char('.')))
        return name;
    return name + QLatin1Char('.');
}

QByteArray dnsParseAddress(const QString &text)
{
    if (text.isEmpty() || text.size() > 45)
        return {};
    QByteArray out;
    if (!text.contains(QLatin1Char(':'))) {
        // Exactly four dotted decimal octets (no "10.1", no leading "+").
        const QStringList parts = text.split(QLatin1Char('.'));
        if (parts.size() != 4)
            return {};
        for (const QString &part : parts) {
            if (part.isEmpty() || part.size() > 3)
                return {};
            for (const QChar c : part) {
                if (!c.isDigit() || c.unicode() > '9')
                    return {};
            }
            const int value = part.toInt();
            if (value > 255)
                return {};
            out.append(char(value));
        }
        return out;
    }
    // IPv6: up to 8 groups of 1-4 hex digits, at most one "::".
    const int gap = int(text.indexOf(QLatin1String("::")));
    if (gap >= 0 && text.indexOf(QLatin1String("::"), gap + 1) >= 0)
        return {};
    const auto parseGroups = [](const QString &part, QList<quint16> *groups) {
        if (part.isEmpty())
            return true;
        for (const QString &g : part.split(QLatin1Char(':'))) {
            if (g.isEmpty() || g.size() > 4)
                return false;
            bool ok = false;
            const uint v = g.toUInt(&ok, 16);
            if (!ok)
                return false;
            groups->append(quint16(v));
        }
        return true;
    };
    QList<quint16> head, tail;
    if (gap >= 0) {
        if (!parseGroups(text.left(gap), &head) || !parseGroups(text.mid(gap + 2), &tail))
            return {};
        if (head.size() + tail.size() > 7)
            return {};
    } else {
        if (!parseGroups(text, &head) || head.size() != 8)
            return {};
    }
    QList<quint16> groups = head;
    for (qsizetype i = head.size() + tail.size(); i < 8; ++i)
        groups.append(0);
    groups.append(tail);
    for (const quint16 g : groups)
        put16(out, g);
    return out;
}

QString dnsAddressText(const QByteArray &address)
{
    const auto *p = reinterpret_cast<const uchar *>(address.constData());
    if (address.size() == 4)
        return QStringLiteral("%1.%2.%3.%4").arg(p[0]).arg(p[1]).arg(p[2]).arg(p[3]);
    if (address.size() != 16)
        return {};
    // RFC 5952: lower case, no leading zeros, the longest run (>= 2) of zero groups as "::".
    quint16 g[8];
    for (int i = 0; i < 8; ++i)
        g[i] = get16(p + 2 * i);
    int bestStart = -1, bestLen = 0;
    for (int i = 0; i < 8;) {
        if (g[i] != 0) {
            ++i;
            continue;
        }
        int j = i;
        while (j < 8 && g[j] == 0)
            ++j;
        if (j - i > bestLen && j - i >= 2) {
            bestStart = i;
            bestLen = j - i;
        }
        i = j;
    }
    QString out;
    for (int i = 0; i < 8; ++i) {
        if (i == bestStart) {
            out += QStringLiteral("::");
            i += bestLen - 1;
            continue;
        }
        if (!out.isEmpty() && !out.endsWith(QLatin1Char(':')))
            out += QLatin1Char(':');
        out += QString::number(g[i], 16);
    }
    return out;
}

QString dnsReverseName(const QByteArray &address)
{
    const auto *p = reinterpret_cast<const uchar *>(address.constData());
    if (address.size() == 4)
        return QStringLiteral("%1.%2.%3.%4.in-addr.arpa.").arg(p[3]).arg(p[2]).arg(p[1]).arg(p[0]);
    QString out;
    static const char hex[] = "0123456789abcdef";
    for (int i = int(address.size()) - 1; i >= 0; --i) {
        out += QLatin1Char(hex[p[i] & 0xf]);
        out += QLatin1Char('.');
        out += QLatin1Char(hex[p[i] >> 4]);
        out += QLatin1Char('.');
    }
    return out + QStringLiteral("ip6.arpa.");
}

} // namespace ordinal::core
