#include "dns/dnstools.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

namespace ordinal::core {

namespace {

// dig's master-file style (dig.c): TTL at column 24, class 32, type 40, rdata 48, tab width 8.
constexpr int kTtlColumn = 24;
constexpr int kClassColumn = 32;
constexpr int kTypeColumn = 40;
constexpr int kRdataColumn = 48;

// BIND masterdump.c indent(): tabs up to the column, at least one blank.
void indentTo(QString &line, int &column, int to)
{
    if (to < column + 1)
        to = column + 1;
    const int tabs = to / 8 - column / 8;
    if (tabs > 0) {
        line += QString(tabs, QLatin1Char('\t'));
        column = (to / 8) * 8;
    }
    line += QString(to - column, QLatin1Char(' '));
    column = to;
}

void append(QString &line, int &column, const QString &text)
{
    line += text;
    column += int(text.size());
}

quint64 fnv1a(const QByteArray &data, quint64 seed = 1469598103934665603ULL)
{
    quint64 h = seed;
    for (const char c : data) {
        h ^= uchar(c);
        h *= 1099511628211ULL;
    }
    return h;
}

QString busyboxUsage()
{
    return QStringLiteral(
        "BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary.\n"
        "\n"
        "Usage: nslookup [HOST] [SERVER]\n"
        "\n"
        "Query the nameserver for the IP address of the given HOST\n"
        "optionally using a specified DNS server\n");
}

QString digUsage()
{
    return QStringLiteral(
        "Usage:  dig [@global-server] [domain] [q-type] [q-class] {q-opt}\n"
        "            {global-d-opt} host [@local-server] {local-d-opt}\n"
        "            [ host [@local-server] {local-d-opt} [...]]\n"
        "\n"
        "Use \"dig -h\" (or \"dig -h | more\") for complete list of options\n");
}

QString stripDot(const QString &name)
{
    return name.endsWith(QLatin1Char('.')) && name.size() > 1 ? name.chopped(1) : name;
}

// getnameinfo(NI_NAMEREQD) inside the pod: /etc/hosts first, then a PTR query.
QString reverseName(const ClusterDns &dns, const PodDnsContext &context,
                    const QByteArray &address)
{
    const QString fromHosts = PodResolver::hostsNameFor(context, dns.zone(), address);
    if (!fromHosts.isEmpty())
        return fromHosts;
    const DnsResponse r = dns.resolve(dnsReverseName(address), DnsType::PTR);
    for (const DnsRecord &rr : r.answer) {
        if (rr.type == DnsType::PTR)
            return stripDot(rr.target);
    }
    return {};
}

// busybox print_host(): getaddrinfo(AF_UNSPEC), then one line per address.
bool printHost(QString &out, const ClusterDns &dns, const PodDnsContext &context,
               const QString &host, const QString &header)
{
    QList<QByteArray> addresses;
    const QByteArray literal = dnsParseAddress(host);
    if (!literal.isEmpty()) {
        addresses.append(literal);
    } else {
        const PodResolver::Result a =
            PodResolver::lookup(dns, context, host, DnsType::A, PodResolver::Library::UClibc);
        if (a.found) {
            addresses = a.hostsAddresses.isEmpty() ? a.response.addresses() : a.hostsAddresses;
            if (a.hostsAddresses.isEmpty()) {
                const DnsResponse v6 = dns.resolve(a.answeredName, DnsType::AAAA);
                addresses += v6.addresses();
            }
        }
        // A record set may hold the CNAME's target addresses only; keep addresses only.
        QList<QByteArray> unique;
        for (const QByteArray &address : std::as_const(addresses)) {
            if (!unique.contains(address))
                unique.append(address);
        }
        addresses = unique;
    }
    if (addresses.isEmpty()) {
        out += QStringLiteral("nslookup: can't resolve '%1'\n").arg(host);
        return false;
    }
    out += QStringLiteral("%1 %2\n").arg(header, -10).arg(host);
    int n = 0;
    for (const QByteArray &address : std::as_const(addresses)) {
        const QString rev = reverseName(dns, context, address);
        out += QStringLiteral("Address %1: %2").arg(++n).arg(dnsAddressText(address));
        if (!rev.isEmpty())
            out += QLatin1Char(' ') + rev;
        out += QLatin1Char('\n');
    }
    return true;
}

} // namespace

ToolOutput DnsTools::nslookup(const ClusterDns &dns, const PodDnsContext &context,
                              const QStringList &args)
{
    ToolOutput result;
    if (args.isEmpty() || args.first().startsWith(QLatin1Char('-')) || args.size() > 2) {
        result.text = busyboxUsage();
        result.exitCode = 1;
        return result;
    }
    const QString server = args.size() == 2 ? args.at(1) : dns.dnsServiceIP();
    printHost(result.text, dns, context, server, QStringLiteral("Server:"));
    result.text += QLatin1Char('\n');
    result.exitCode =
        printHost(result.text, dns, context, args.first(), QStringLiteral("Name:")) ? 0 : 1;
    return result;
}

QString DnsTools::digRecordLine(const DnsRecord &rr)
{
    QString line;
    int column = 0;
    append(line, column, rr.name);
    indentTo(line, column, kTtlColumn);
    append(line, column, QString::number(rr.ttl));
    indentTo(line, column, kClassColumn);
    append(line, column, rr.klass == kDnsClassIN ? QStringLiteral("IN")
                                                 : QStringLiteral("CLASS%1").arg(rr.klass));
    indentTo(line, column, kTypeColumn);
    append(line, column, DnsType::toString(rr.type));
    indentTo(line, column, kRdataColumn);
    append(line, column, rr.rdataText());
    return line;
}

namespace {

// From a pod, the cluster DNS is CoreDNS, whose `forward . /etc/resolv.conf` sends a name
// outside its zones upstream. Ordinal is offline, and a tutorial's short name queried as
// absolute ("web-0.nginx.") has no such top-level domain anyway: the public root answers
// NXDOMAIN with its SOA. ClusterDns itself (and so the loopback DNS server) refuses such names.
// Returns whether the reply was rewritten.
bool forwardUpstream(DnsMessage &reply, quint16 qtype)
{
    if (reply.rcode != quint16(DnsRcode::Refused) || qtype == DnsType::AXFR
        || qtype == DnsType::IXFR || reply.questions.size() != 1
        || reply.questions.first().klass != kDnsClassIN)
        return false;
    reply.rcode = quint16(DnsRcode::NxDomain);
    reply.aa = false;
    reply.ra = true;
    reply.answers.clear();
    reply.additional.clear();
    DnsRecord soa;
    soa.name = QStringLiteral(".");
    soa.type = DnsType::SOA;
    soa.ttl = 86400;
    soa.target = QStringLiteral("a.root-servers.net.");
    soa.mailbox = QStringLiteral("nstld.verisign-grs.com.");
    soa.serial = 2026010100;
    soa.refresh = 1800;
    soa.retry = 900;
    soa.expire = 604800;
    soa.minimum = 86400;
    reply.authority = {soa};
    return true;
}

} // namespace

ToolOutput DnsTools::dig(const ClusterDns &dns, const PodDnsContext &context,
                         const QStringList &args, Millis now)
{
    ToolOutput result;
    QString server;
    int port = 53;
    QString name;
    std::optional<quint16> type;
    bool shortForm = false, search = false, tcp = false;
    bool showCmd = true, showComments = true, showQuestion = true, showAnswer = true,
         showAuthority = true, showAdditional = true, showStats = true;
    QString warnings;

    const auto invalid = [&](const QString &option) {
        result.text = QStringLiteral("Invalid option: %1\n").arg(option) + digUsage();
        result.exitCode = 1;
        return result;
    };

    for (int i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (arg.startsWith(QLatin1Char('@')) && arg.size() > 1) {
            server = arg.mid(1);
        } else if (arg.startsWith(QLatin1Char('+'))) {
            QString option = arg.mid(1).toLower();
            const bool on = !option.startsWith(QLatin1String("no"));
            if (!on)
                option = option.mid(2);
            if (option == QLatin1String("short")) {
                shortForm = on;
            } else if (option == QLatin1String("search")) {
                search = on;
            } else if (option == QLatin1String("tcp") || option == QLatin1String("vc")) {
                tcp = on;
            } else if (option == QLatin1String("all")) {
                showCmd = showComments = showQuestion = showAnswer = showAuthority =
                    showAdditional = showStats = on;
            } else if (option == QLatin1String("answer")) {
                showAnswer = on;
            } else if (option == QLatin1String("question")) {
                showQuestion = on;
            } else if (option == QLatin1String("authority")) {
                showAuthority = on;
            } else if (option == QLatin1String("additional")) {
                showAdditional = on;
            } else if (option == QLatin1String("comments")) {
                showComments = on;
            } else if (option == QLatin1String("stats")) {
                showStats = on;
            } else if (option == QLatin1String("cmd")) {
                showCmd = on;
            } else {
                return invalid(arg);
            }
        } else if (arg.startsWith(QLatin1Char('-')) && arg.size() > 1) {
            const QChar flag = arg.at(1);
            QString value = arg.mid(2);
            const bool takesValue = flag == QLatin1Char('p') || flag == QLatin1Char('x')
                || flag == QLatin1Char('t') || flag == QLatin1Char('c') || flag == QLatin1Char('q');
            if (flag == QLatin1Char('4') || flag == QLatin1Char('6'))
                continue;
            if (!takesValue)
                return invalid(arg);
            if (value.isEmpty()) {
                if (i + 1 >= args.size())
                    return invalid(arg);
                value = args.at(++i);
            }
            if (flag == QLatin1Char('p')) {
                bool ok = false;
                port = value.toInt(&ok);
                if (!ok || port < 0 || port > 65535) {
                    result.text = QStringLiteral("dig: port number '%1' out of range\n").arg(value);
                    result.exitCode = 1;
                    return result;
                }
            } else if (flag == QLatin1Char('x')) {
                const QByteArray address = dnsParseAddress(value);
                if (address.isEmpty()) {
                    result.text = QStringLiteral("dig: '%1' is not a legal IPv4 or IPv6 address\n")
                                      .arg(value);
                    result.exitCode = 10;
                    return result;
                }
                name = dnsReverseName(address);
                type = DnsType::PTR;
            } else if (flag == QLatin1Char('t')) {
                type = DnsType::fromString(value);
                if (!type)
                    warnings += QStringLiteral(";; Warning, ignoring invalid type %1\n").arg(value);
            } else if (flag == QLatin1Char('q')) {
                name = value;
            }
        } else if (!type && DnsType::fromString(arg) && !arg.startsWith(QLatin1String("TYPE"),
                                                                          Qt::CaseInsensitive)) {
            type = DnsType::fromString(arg);
        } else if (arg.compare(QLatin1String("IN"), Qt::CaseInsensitive) == 0) {
            // the only class served
        } else {
            name = arg;
        }
    }
    if (name.isEmpty()) {
        name = QStringLiteral(".");
        if (!type)
            type = DnsType::NS;
    }
    const quint16 qtype = type.value_or(DnsType::A);

    // Deterministic per-question id and client cookie.
    const QByteArray seed = QByteArray::number(now) + '/' + name.toUtf8() + '/'
        + QByteArray::number(qtype);
    const quint64 h = fnv1a(seed);
    QByteArray cookie(8, '\0');
    for (int i = 0; i < 8; ++i)
        cookie[i] = char((fnv1a(seed, h) >> (8 * i)) & 0xff);

    // Which names to ask: the name as absolute, or the search walk of BIND (dighost.c).
    QStringList names;
    if (search && !name.endsWith(QLatin1Char('.'))) {
        names = PodResolver::candidates(
            name, PodResolver::searchDomains(context.namespaceName, dns.zone()),
            PodResolver::Library::Bind);
    } else {
        names = {dnsAbsolute(name)};
    }

    QByteArray replyWire;
    std::optional<DnsMessage> reply;
    bool retriedTcp = false;
    DnsMessage query;
    for (int i = 0; i < names.size(); ++i) {
        query = DnsMessage();
        query.id = quint16((h >> 16) + quint64(i));
        query.rd = true;
        query.ad = true;
        query.questions.append(DnsQuestion{names.at(i), qtype, kDnsClassIN});
        DnsEdns edns;
        edns.udpSize = 1232;
        edns.options.append({10, cookie});
        query.edns = edns;
        replyWire = dns.answerWire(query.encode(), tcp ? ClusterDns::Tcp : ClusterDns::Udp);
        reply = DnsMessage::parse(replyWire);
        if (reply && reply->tc && !tcp) {
            retriedTcp = true;
            replyWire = dns.answerWire(query.encode(), ClusterDns::Tcp);
            reply = DnsMessage::parse(replyWire);
        }
        // Only the cluster DNS forwards; a query to another server (Ordinal's own loopback DNS
        // server, `@127.0.0.1 -p PORT`) gets that server's REFUSED.
        const bool clusterDns = (server.isEmpty() || server == dns.dnsServiceIP()) && port == 53;
        if (reply && clusterDns && forwardUpstream(*reply, qtype))
            replyWire = reply->encode();
        if (!reply || reply->rcode != quint16(DnsRcode::NxDomain))
            break;
    }

    QString &out = result.text;
    out += warnings;
    if (retriedTcp)
        out += QStringLiteral(";; Truncated, retrying in TCP mode.\n");
    const QString serverIp = server.isEmpty() ? dns.dnsServiceIP() : server;
    if (shortForm) {
        if (reply) {
            for (const DnsRecord &rr : reply->answers)
                out += rr.rdataText() + QLatin1Char('\n');
        }
        return result;
    }
    if (!reply) {
        out += QStringLiteral(";; communications error to %1#%2: end of file\n")
                   .arg(serverIp)
                   .arg(port);
        result.exitCode = 9;
        return result;
    }

    if (showCmd) {
        out += QStringLiteral("\n; <<>> DiG %1 <<>> %2\n").arg(digVersion(), args.join(QLatin1Char(' ')));
        if (!server.isEmpty())
            out += QStringLiteral("; (1 server found)\n");
        out += QStringLiteral(";; global options: +cmd\n");
    }
    if (showComments) {
        out += QStringLiteral(";; Got answer:\n");
        const QString qname = dnsLower(reply->questions.isEmpty() ? QString()
                                                                  : reply->questions.first().name);
        if (qname.endsWith(QLatin1String(".local.")) || qname == QLatin1String("local.")) {
            out += QStringLiteral(";; WARNING: .local is reserved for Multicast DNS\n"
                                  ";; You are currently testing what happens when an mDNS query "
                                  "is leaked to DNS\n");
        }
        out += QStringLiteral(";; ->>HEADER<<- opcode: QUERY, status: %1, id: %2\n")
                   .arg(rcodeName(DnsRcode(reply->rcode)))
                   .arg(reply->id);
        QStringList flags;
        if (reply->qr)
            flags << QStringLiteral("qr");
        if (reply->aa)
            flags << QStringLiteral("aa");
        if (reply->tc)
            flags << QStringLiteral("tc");
        if (reply->rd)
            flags << QStringLiteral("rd");
        if (reply->ra)
            flags << QStringLiteral("ra");
        if (reply->ad)
            flags << QStringLiteral("ad");
        if (reply->cd)
            flags << QStringLiteral("cd");
        out += QStringLiteral(";; flags: %1; QUERY: %2, ANSWER: %3, AUTHORITY: %4, ADDITIONAL: %5\n")
                   .arg(flags.join(QLatin1Char(' ')))
                   .arg(reply->questions.size())
                   .arg(reply->answers.size())
                   .arg(reply->authority.size())
                   .arg(reply->additional.size() + (reply->edns ? 1 : 0));
        if (reply->rd && !reply->ra)
            out += QStringLiteral(";; WARNING: recursion requested but not available\n");
        out += QLatin1Char('\n');
        if (reply->edns) {
            out += QStringLiteral(";; OPT PSEUDOSECTION:\n");
            out += QStringLiteral("; EDNS: version: %1, flags:%2; udp: %3\n")
                       .arg(reply->edns->version)
                       .arg(reply->edns->dnssecOk ? QStringLiteral(" do") : QString())
                       .arg(reply->edns->udpSize);
            for (const auto &option : reply->edns->options) {
                if (option.first != 10)
                    continue;
                const bool echoed = option.second == cookie;
                out += QStringLiteral("; COOKIE: %1%2\n")
                           .arg(QString::fromLatin1(option.second.toHex()),
                                echoed ? QStringLiteral(" (echoed)") : QStringLiteral(" (good)"));
            }
        }
    }
    if (showQuestion) {
        if (showComments)
            out += QStringLiteral(";; QUESTION SECTION:\n");
        for (const DnsQuestion &q : reply->questions) {
            // The ';' is written before the name and not counted in the columns (message.c).
            QString line = QStringLiteral(";");
            int column = 0;
            append(line, column, q.name);
            indentTo(line, column, kClassColumn);
            append(line, column, QStringLiteral("IN"));
            indentTo(line, column, kTypeColumn);
            append(line, column, DnsType::toString(q.type));
            out += line + QLatin1Char('\n');
        }
        if (showComments)
            out += QLatin1Char('\n');
    }
    const auto section = [&](bool show, const char *title, const QList<DnsRecord> &records) {
        if (!show || records.isEmpty())
            return;
        if (showComments)
            out += QStringLiteral(";; %1 SECTION:\n").arg(QLatin1String(title));
        for (const DnsRecord &rr : records)
            out += digRecordLine(rr) + QLatin1Char('\n');
        if (showComments)
            out += QLatin1Char('\n');
    };
    section(showAnswer, "ANSWER", reply->answers);
    section(showAuthority, "AUTHORITY", reply->authority);
    section(showAdditional, "ADDITIONAL", reply->additional);

    if (showStats) {
        const QDateTime when = QDateTime::fromSecsSinceEpoch(
            qint64(ClusterDns::kSerialEpoch) + now / 1000, QTimeZone::utc());
        out += QStringLiteral(";; Query time: 0 msec\n");
        out += QStringLiteral(";; SERVER: %1#%2(%1) (%3)\n")
                   .arg(serverIp)
                   .arg(port)
                   .arg(tcp || retriedTcp ? QStringLiteral("TCP") : QStringLiteral("UDP"));
        out += QStringLiteral(";; WHEN: %1\n")
                   .arg(QLocale::c().toString(when, QStringLiteral("ddd MMM dd HH:mm:ss 'UTC' yyyy")));
        out += QStringLiteral(";; MSG SIZE  rcvd: %1\n").arg(replyWire.size());
        out += QLatin1Char('\n');
    }
    return result;
}

} // namespace ordinal::core
