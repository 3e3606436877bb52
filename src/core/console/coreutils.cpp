#include "console/coreutils.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace ordinal::core::coreutils {

namespace {

// Lines of input; a last line without "\n" still counts, as the tools read it.
QStringList linesOf(const QString &input)
{
    QStringList lines = input.split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

QString joined(const QStringList &lines)
{
    QString out;
    for (const QString &line : lines)
        out += line + QLatin1Char('\n');
    return out;
}

ShellResult ok(const QString &out, int code = 0)
{
    return ShellResult::of(out, QString(), code);
}

ShellResult error(const QString &err, int code)
{
    return ShellResult::of(QString(),
                           err.endsWith(QLatin1Char('\n')) ? err : err + QLatin1Char('\n'), code);
}

ShellResult noFile(const QString &program, const QString &file, int code = 1)
{
    return error(QStringLiteral("%1: %2: No such file or directory").arg(program, file), code);
}

// GNU's "invalid option" text with the tool's usage lines.
ShellResult invalidOption(const QString &program, QChar option, const QString &usage, int code)
{
    return error(QStringLiteral("%1: invalid option -- '%2'\n%3\nTry '%1 --help' for more "
                                "information.")
                     .arg(program, option, usage),
                 code);
}

// Splits "-vic" style clusters; returns false on an unknown option (set in *bad).
struct Options
{
    QString flags; // single-letter flags seen
    QMap<QChar, QStringList> values; // options with an argument
    QStringList operands;
    QChar bad;
    QChar missing; // option that lacked its argument
};

Options parseOptions(const QStringList &args, const QString &boolFlags, const QString &valueFlags)
{
    Options o;
    bool onlyOperands = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (onlyOperands || a == QLatin1String("-") || !a.startsWith(QLatin1Char('-'))) {
            o.operands << a;
            continue;
        }
        if (a == QLatin1String("--")) {
            onlyOperands = true;
            continue;
        }
        for (qsizetype k = 1; k < a.size(); ++k) {
            const QChar c = a[k];
            if (valueFlags.contains(c)) {
                QString value = a.mid(k + 1);
                if (value.isEmpty()) {
                    if (i + 1 >= args.size()) {
                        o.missing = c;
                        return o;
                    }
                    value = args[++i];
                }
                o.values[c] << value;
                break;
            }
            if (boolFlags.contains(c)) {
                o.flags += c;
                continue;
            }
            // -5 for head/tail: digits as a count.
            if (c.isDigit() && valueFlags.contains(QLatin1Char('n'))) {
                o.values[QLatin1Char('n')] << a.mid(k);
                break;
            }
            o.bad = c;
            return o;
        }
    }
    return o;
}

// A basic regular expression (grep without -E) in PCRE's syntax.
QString fromBasic(const QString &bre)
{
    QString out;
    bool inBracket = false;
    for (qsizetype i = 0; i < bre.size(); ++i) {
        const QChar c = bre[i];
        if (inBracket) {
            out += c;
            if (c == QLatin1Char(']')
                && !(out.endsWith(QLatin1String("[]")) || out.endsWith(QLatin1String("[^]"))))
                inBracket = false;
            continue;
        }
        if (c == QLatin1Char('[')) {
            inBracket = true;
            out += c;
            continue;
        }
        if (c == QLatin1Char('\\') && i + 1 < bre.size()) {
            const QChar n = bre[++i];
            if (QStringLiteral("(){}|+?").contains(n))
                out += n;
            else if (n == QLatin1Char('<') || n == QLatin1Char('>'))
                out += QStringLiteral("\\b");
            else
                out += QLatin1Char('\\') + n;
            continue;
        }
        if (QStringLiteral("(){}|+?").contains(c)) {
            out += QLatin1Char('\\') + c;
            continue;
        }
        if (c == QLatin1Char('*') && (out.isEmpty() || out == QLatin1String("^"))) {
            out += QStringLiteral("\\*");
            continue;
        }
        out += c;
    }
    return out;
}

QString fromExtended(const QString &ere)
{
    QString out = ere;
    out.replace(QLatin1String("\\<"), QLatin1String("\\b"));
    out.replace(QLatin1String("\\>"), QLatin1String("\\b"));
    return out;
}

const QString kGrepUsage = QStringLiteral("Usage: grep [OPTION]... PATTERNS [FILE]...");

ShellResult grep(const QStringList &args, const QString &input, bool extendedDefault)
{
    const QString program = QStringLiteral("grep");
    const Options o = parseOptions(args, QStringLiteral("vicEFwxnoqshHGl"), QStringLiteral("em"));
    if (!o.bad.isNull())
        return invalidOption(program, o.bad, kGrepUsage, 2);
    if (!o.missing.isNull())
        return error(QStringLiteral("grep: option requires an argument -- '%1'\n%2\nTry 'grep "
                                    "--help' for more information.")
                         .arg(o.missing)
                         .arg(kGrepUsage),
                     2);
    QStringList patterns = o.values.value(QLatin1Char('e'));
    QStringList operands = o.operands;
    if (patterns.isEmpty()) {
        if (operands.isEmpty())
            return error(kGrepUsage + QStringLiteral("\nTry 'grep --help' for more information."),
                         2);
        patterns = operands.takeFirst().split(QLatin1Char('\n'));
    }
    if (!operands.isEmpty()) {
        QString err;
        for (const QString &file : operands)
            err += QStringLiteral("grep: %1: No such file or directory\n").arg(file);
        return error(err, 2);
    }
    const bool extended = (extendedDefault || o.flags.contains(QLatin1Char('E')))
        && !o.flags.contains(QLatin1Char('G'));
    const bool fixed = o.flags.contains(QLatin1Char('F'));
    QStringList alternatives;
    for (const QString &p : std::as_const(patterns)) {
        QString re = fixed ? QRegularExpression::escape(p)
            : extended     ? fromExtended(p)
                           : fromBasic(p);
        if (o.flags.contains(QLatin1Char('w')))
            re = QStringLiteral("(?<![\\w])(?:%1)(?![\\w])").arg(re);
        if (o.flags.contains(QLatin1Char('x')))
            re = QStringLiteral("^(?:%1)$").arg(re);
        alternatives << QStringLiteral("(?:%1)").arg(re);
    }
    QRegularExpression regex(alternatives.join(QLatin1Char('|')));
    if (o.flags.contains(QLatin1Char('i')))
        regex.setPatternOptions(QRegularExpression::CaseInsensitiveOption);
    if (!regex.isValid()) {
        const QString p = patterns.join(QLatin1Char('\n'));
        if (p.count(QLatin1Char('(')) > p.count(QLatin1Char(')')))
            return error(QStringLiteral("grep: Unmatched ( or \\("), 2);
        if (p.count(QLatin1Char('[')) > p.count(QLatin1Char(']')))
            return error(QStringLiteral("grep: Unmatched [, [^, [:, [., or [="), 2);
        return error(QStringLiteral("grep: Invalid regular expression"), 2);
    }
    const bool invert = o.flags.contains(QLatin1Char('v'));
    const bool count = o.flags.contains(QLatin1Char('c'));
    const bool quiet = o.flags.contains(QLatin1Char('q'));
    const bool numbers = o.flags.contains(QLatin1Char('n'));
    const bool onlyMatching = o.flags.contains(QLatin1Char('o'));
    QString out;
    int selected = 0;
    const QStringList lines = linesOf(input);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines[i];
        const bool match = regex.match(line).hasMatch();
        if (match == invert)
            continue;
        ++selected;
        if (count || quiet)
            continue;
        const QString prefix = numbers ? QString::number(i + 1) + QLatin1Char(':') : QString();
        if (onlyMatching && !invert) {
            QRegularExpressionMatchIterator it = regex.globalMatch(line);
            while (it.hasNext()) {
                const QString m = it.next().captured(0);
                if (!m.isEmpty())
                    out += prefix + m + QLatin1Char('\n');
            }
        } else if (!onlyMatching) {
            out += prefix + line + QLatin1Char('\n');
        }
    }
    if (quiet)
        return ok(QString(), selected > 0 ? 0 : 1);
    if (count)
        out = QString::number(selected) + QLatin1Char('\n');
    return ok(out, selected > 0 ? 0 : 1);
}

// head/tail's -n and -c arguments: "5", "-5", "+5" (tail from line 5).
bool parseCount(const QString &text, long long *count, bool *fromStart, bool *allBut)
{
    QString t = text;
    *fromStart = false;
    *allBut = false;
    if (t.startsWith(QLatin1Char('+'))) {
        *fromStart = true;
        t = t.mid(1);
    } else if (t.startsWith(QLatin1Char('-'))) {
        *allBut = true;
        t = t.mid(1);
    }
    bool ok = false;
    *count = t.toLongLong(&ok);
    return ok && *count >= 0;
}

ShellResult headTail(const QStringList &args, const QString &input, bool head)
{
    const QString program = head ? QStringLiteral("head") : QStringLiteral("tail");
    const Options o = parseOptions(args, QStringLiteral("qvf"), QStringLiteral("nc"));
    const QString usage = QStringLiteral("Usage: %1 [OPTION]... [FILE]...").arg(program);
    if (!o.bad.isNull())
        return invalidOption(program, o.bad, usage, 1);
    if (!o.missing.isNull())
        return error(QStringLiteral("%1: option requires an argument -- '%2'\n%3\nTry '%1 --help' "
                                    "for more information.")
                         .arg(program, o.missing, usage),
                     1);
    if (!o.operands.isEmpty()) {
        const QString file = o.operands.first();
        return error(head ? QStringLiteral("head: cannot open '%1' for reading: No such file or "
                                           "directory")
                                .arg(file)
                          : QStringLiteral("tail: cannot open '%1' for reading: No such file or "
                                           "directory")
                                .arg(file),
                     1);
    }
    const bool bytes = o.values.contains(QLatin1Char('c'));
    const QString countText = bytes
        ? o.values.value(QLatin1Char('c')).last()
        : o.values.value(QLatin1Char('n'), { QStringLiteral("10") }).last();
    long long count = 0;
    bool fromStart = false;
    bool allBut = false;
    if (!parseCount(countText, &count, &fromStart, &allBut)) {
        return error(
            QStringLiteral("%1: invalid number of %2: '%3'")
                .arg(program, bytes ? QStringLiteral("bytes") : QStringLiteral("lines"), countText),
            1);
    }
    if (bytes) {
        const QByteArray data = input.toUtf8();
        QByteArray part;
        if (head)
            part = allBut ? data.left(std::max<qsizetype>(0, data.size() - count))
                          : data.left(count);
        else
            part = fromStart ? data.mid(std::max<long long>(0, count - 1)) : data.right(count);
        return ok(QString::fromUtf8(part));
    }
    const QStringList lines = linesOf(input);
    const bool trailingNewline = input.endsWith(QLatin1Char('\n'));
    QStringList chosen;
    if (head) {
        chosen = allBut ? lines.mid(0, std::max<qsizetype>(0, lines.size() - count))
                        : lines.mid(0, qsizetype(std::min<long long>(count, lines.size())));
    } else if (fromStart) {
        chosen = lines.mid(qsizetype(std::max<long long>(0, count - 1)));
    } else {
        chosen = lines.mid(qsizetype(std::max<long long>(0, lines.size() - count)));
    }
    QString out = joined(chosen);
    // A last line without a newline stays without one.
    if (!trailingNewline && !chosen.isEmpty() && !lines.isEmpty() && chosen.last() == lines.last()
        && (head ? chosen.size() == lines.size() : true))
        out.chop(1);
    return ok(out);
}

ShellResult wc(const QStringList &args, const QString &input)
{
    const Options o = parseOptions(args, QStringLiteral("lwcmL"), QString());
    if (!o.bad.isNull())
        return invalidOption(QStringLiteral("wc"), o.bad,
                             QStringLiteral("Usage: wc [OPTION]... [FILE]..."), 1);
    if (!o.operands.isEmpty())
        return noFile(QStringLiteral("wc"), o.operands.first());
    const long long lines = input.count(QLatin1Char('\n'));
    const long long words
        = input.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts).size();
    const long long bytes = input.toUtf8().size();
    const long long chars = input.size();
    QList<long long> counts;
    QString flags = o.flags;
    if (flags.isEmpty())
        flags = QStringLiteral("lwc");
    // GNU prints the counts in the order lines, words, chars, bytes whatever the option order.
    if (flags.contains(QLatin1Char('l')))
        counts << lines;
    if (flags.contains(QLatin1Char('w')))
        counts << words;
    if (flags.contains(QLatin1Char('m')))
        counts << chars;
    if (flags.contains(QLatin1Char('c')))
        counts << bytes;
    if (counts.size() == 1)
        return ok(QString::number(counts.first()) + QLatin1Char('\n'));
    QStringList cells;
    for (long long c : counts)
        cells << QString::number(c).rightJustified(7);
    return ok(cells.join(QLatin1Char(' ')) + QLatin1Char('\n'));
}

// GNU sort -n: a leading number (blanks, sign, digits, decimal point); others sort as 0.
double numericKey(const QString &text)
{
    static const QRegularExpression number(QStringLiteral("^\\s*(-?[0-9]*\\.?[0-9]*)"));
    const QString n = number.match(text).captured(1);
    bool ok = false;
    const double v = n.toDouble(&ok);
    return ok ? v : 0;
}

ShellResult sort(const QStringList &args, const QString &input)
{
    const Options o = parseOptions(args, QStringLiteral("nrufbhV"), QStringLiteral("kto"));
    if (!o.bad.isNull())
        return invalidOption(QStringLiteral("sort"), o.bad,
                             QStringLiteral("Usage: sort [OPTION]... [FILE]..."), 2);
    if (!o.operands.isEmpty())
        return error(QStringLiteral("sort: cannot read: %1: No such file or directory")
                         .arg(o.operands.first()),
                     2);
    const bool numeric = o.flags.contains(QLatin1Char('n')) || o.flags.contains(QLatin1Char('h'));
    const bool reverse = o.flags.contains(QLatin1Char('r'));
    const bool unique = o.flags.contains(QLatin1Char('u'));
    const bool fold = o.flags.contains(QLatin1Char('f'));
    const QString separator = o.values.value(QLatin1Char('t')).value(0);
    int keyStart = 0;
    int keyEnd = 0;
    if (o.values.contains(QLatin1Char('k'))) {
        const QString spec = o.values.value(QLatin1Char('k')).last();
        keyStart = spec.section(QLatin1Char(','), 0, 0).section(QLatin1Char('.'), 0, 0).toInt();
        keyEnd = spec.contains(QLatin1Char(','))
            ? spec.section(QLatin1Char(','), 1, 1).section(QLatin1Char('.'), 0, 0).toInt()
            : 0;
        if (keyStart <= 0)
            return error(QStringLiteral("sort: invalid number at field start: invalid count at "
                                        "start of '%1'")
                             .arg(spec),
                         2);
    }
    const auto keyOf = [&](const QString &line) {
        if (keyStart == 0)
            return line;
        QStringList fields;
        if (separator.isEmpty()) {
            // Without -t a field is its leading blanks plus the non-blanks after them.
            static const QRegularExpression field(QStringLiteral("\\s*\\S+"));
            QRegularExpressionMatchIterator it = field.globalMatch(line);
            while (it.hasNext())
                fields << it.next().captured(0);
        } else {
            fields = line.split(separator);
        }
        const int last = keyEnd > 0 ? keyEnd : int(fields.size());
        QStringList part = fields.mid(keyStart - 1, std::max(0, last - keyStart + 1));
        return separator.isEmpty() ? part.join(QString()) : part.join(separator);
    };
    QStringList lines = linesOf(input);
    const auto compare = [&](const QString &a, const QString &b) {
        const QString ka = keyOf(a);
        const QString kb = keyOf(b);
        int c = 0;
        if (numeric) {
            const double na = numericKey(ka);
            const double nb = numericKey(kb);
            c = na < nb ? -1 : na > nb ? 1 : 0;
        } else if (fold) {
            c = ka.toUpper().toUtf8().compare(kb.toUpper().toUtf8());
        } else {
            c = ka.toUtf8().compare(kb.toUtf8());
        }
        // GNU's last-resort comparison of whole lines (unless -u).
        if (c == 0 && !unique)
            c = a.toUtf8().compare(b.toUtf8());
        return c;
    };
    std::stable_sort(lines.begin(), lines.end(), [&](const QString &a, const QString &b) {
        const int c = compare(a, b);
        return reverse ? c > 0 : c < 0;
    });
    if (unique) {
        QStringList kept;
        for (const QString &line : std::as_const(lines)) {
            if (kept.isEmpty() || compare(kept.last(), line) != 0)
                kept << line;
        }
        lines = kept;
    }
    return ok(joined(lines));
}

ShellResult uniq(const QStringList &args, const QString &input)
{
    const Options o = parseOptions(args, QStringLiteral("cdui"), QString());
    if (!o.bad.isNull())
        return invalidOption(QStringLiteral("uniq"), o.bad,
                             QStringLiteral("Usage: uniq [OPTION]... [INPUT [OUTPUT]]"), 1);
    if (!o.operands.isEmpty())
        return noFile(QStringLiteral("uniq"), o.operands.first());
    const bool ignoreCase = o.flags.contains(QLatin1Char('i'));
    QList<QPair<QString, int>> groups;
    for (const QString &line : linesOf(input)) {
        if (!groups.isEmpty()
            && QString::compare(groups.last().first, line,
                                ignoreCase ? Qt::CaseInsensitive : Qt::CaseSensitive)
                == 0)
            ++groups.last().second;
        else
            groups.append({ line, 1 });
    }
    QString out;
    for (const auto &[line, n] : std::as_const(groups)) {
        if (o.flags.contains(QLatin1Char('d')) && n < 2)
            continue;
        if (o.flags.contains(QLatin1Char('u')) && n > 1)
            continue;
        if (o.flags.contains(QLatin1Char('c')))
            out += QString::number(n).rightJustified(7) + QLatin1Char(' ') + line
                + QLatin1Char('\n');
        else
            out += line + QLatin1Char('\n');
    }
    return ok(out);
}

// cut's LIST: "1", "1,3", "2-", "-2", "1-3".
bool parseRanges(const QString &list, QList<QPair<int, int>> *ranges)
{
    for (const QString &part : list.split(QLatin1Char(','))) {
        bool ok1 = true;
        bool ok2 = true;
        int from = 1;
        int to = INT_MAX;
        if (part.contains(QLatin1Char('-'))) {
            const QString a = part.section(QLatin1Char('-'), 0, 0);
            const QString b = part.section(QLatin1Char('-'), 1);
            if (!a.isEmpty())
                from = a.toInt(&ok1);
            if (!b.isEmpty())
                to = b.toInt(&ok2);
            if (a.isEmpty() && b.isEmpty())
                return false;
        } else {
            from = to = part.toInt(&ok1);
        }
        if (!ok1 || !ok2 || from < 1 || to < from)
            return false;
        ranges->append({ from, to });
    }
    return !ranges->isEmpty();
}

bool inRanges(const QList<QPair<int, int>> &ranges, int n)
{
    for (const auto &[from, to] : ranges) {
        if (n >= from && n <= to)
            return true;
    }
    return false;
}

ShellResult cut(const QStringList &args, const QString &input)
{
    const Options o = parseOptions(args, QStringLiteral("s"), QStringLiteral("dfcb"));
    if (!o.bad.isNull())
        return invalidOption(QStringLiteral("cut"), o.bad,
                             QStringLiteral("Usage: cut OPTION... [FILE]..."), 1);
    if (!o.operands.isEmpty())
        return noFile(QStringLiteral("cut"), o.operands.first());
    const bool fields = o.values.contains(QLatin1Char('f'));
    const bool chars = o.values.contains(QLatin1Char('c')) || o.values.contains(QLatin1Char('b'));
    if (!fields && !chars)
        return error(QStringLiteral("cut: you must specify a list of bytes, characters, or "
                                    "fields\nTry 'cut --help' for more information."),
                     1);
    const QString list = fields               ? o.values.value(QLatin1Char('f')).last()
        : o.values.contains(QLatin1Char('c')) ? o.values.value(QLatin1Char('c')).last()
                                              : o.values.value(QLatin1Char('b')).last();
    QList<QPair<int, int>> ranges;
    if (!parseRanges(list, &ranges))
        return error(QStringLiteral("cut: invalid field value '%1'\nTry 'cut --help' for more "
                                    "information.")
                         .arg(list),
                     1);
    const QString delimiter = o.values.value(QLatin1Char('d'), { QStringLiteral("\t") }).last();
    if (delimiter.size() != 1)
        return error(QStringLiteral("cut: the delimiter must be a single character\nTry 'cut "
                                    "--help' for more information."),
                     1);
    QString out;
    for (const QString &line : linesOf(input)) {
        if (chars) {
            QString picked;
            for (qsizetype i = 0; i < line.size(); ++i) {
                if (inRanges(ranges, int(i + 1)))
                    picked += line[i];
            }
            out += picked + QLatin1Char('\n');
            continue;
        }
        if (!line.contains(delimiter)) {
            if (!o.flags.contains(QLatin1Char('s')))
                out += line + QLatin1Char('\n');
            continue;
        }
        const QStringList parts = line.split(delimiter);
        QStringList picked;
        for (qsizetype i = 0; i < parts.size(); ++i) {
            if (inRanges(ranges, int(i + 1)))
                picked << parts[i];
        }
        out += picked.join(delimiter) + QLatin1Char('\n');
    }
    return ok(out);
}

// tr's SET: ranges a-z and the classes [:upper:], [:lower:], [:digit:], [:space:].
QString expandSet(const QString &set)
{
    QString s = set;
    s.replace(QLatin1String("[:upper:]"), QLatin1String("A-Z"));
    s.replace(QLatin1String("[:lower:]"), QLatin1String("a-z"));
    s.replace(QLatin1String("[:digit:]"), QLatin1String("0-9"));
    s.replace(QLatin1String("[:space:]"), QLatin1String(" \t\n\r\v\f"));
    s.replace(QLatin1String("\\n"), QLatin1String("\n"));
    s.replace(QLatin1String("\\t"), QLatin1String("\t"));
    QString out;
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (i + 2 < s.size() && s[i + 1] == QLatin1Char('-') && s[i] <= s[i + 2]) {
            for (char16_t c = s[i].unicode(); c <= s[i + 2].unicode(); ++c)
                out += QChar(c);
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

ShellResult tr(const QStringList &args, const QString &input)
{
    const Options o = parseOptions(args, QStringLiteral("dsc"), QString());
    if (!o.bad.isNull())
        return invalidOption(QStringLiteral("tr"), o.bad,
                             QStringLiteral("Usage: tr [OPTION]... STRING1 [STRING2]"), 1);
    const bool del = o.flags.contains(QLatin1Char('d'));
    const bool squeeze = o.flags.contains(QLatin1Char('s'));
    if (o.operands.isEmpty())
        return error(QStringLiteral("tr: missing operand\nTry 'tr --help' for more information."),
                     1);
    if (!del && !squeeze && o.operands.size() < 2)
        return error(QStringLiteral("tr: missing operand after '%1'\nTwo strings must be given "
                                    "when translating.\nTry 'tr --help' for more information.")
                         .arg(o.operands.first()),
                     1);
    const QString from = expandSet(o.operands.value(0));
    const QString to = expandSet(o.operands.value(1));
    QString out;
    for (const QChar c : input) {
        const qsizetype at = from.indexOf(c);
        if (at >= 0 && del)
            continue;
        QChar mapped = c;
        if (at >= 0 && !to.isEmpty() && !del)
            mapped = to[std::min(at, to.size() - 1)];
        const QString &squeezeSet = to.isEmpty() || del ? from : to;
        if (squeeze && !out.isEmpty() && out.back() == mapped && squeezeSet.contains(mapped))
            continue;
        out += mapped;
    }
    return ok(out);
}

// Ordinal's own words (translated); the tools' own texts stay as upstream prints them.
QString ordinalText(const char *text)
{
    return QCoreApplication::translate("ShellLine", text);
}

// A small awk: [PATTERN] { print EXPR, … } with $N, $NF, NR, NF, "strings"; PATTERN is /re/,
// NR/NF/$N compared with a number or string, or absent.
ShellResult awk(const QStringList &args, const QString &input)
{
    QString separator;
    QString program;
    QStringList operands;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a.startsWith(QLatin1String("-F"))) {
            separator = a.size() > 2 ? a.mid(2) : args.value(++i);
        } else if (program.isNull()) {
            program = a;
        } else {
            operands << a;
        }
    }
    if (program.isNull())
        return error(
            QStringLiteral("usage: awk [-F fs][-v var=value][prog | -f progfile][file ...]"), 2);
    if (!operands.isEmpty())
        return error(QStringLiteral("awk: fatal: cannot open file `%1' for reading: No such file "
                                    "or directory")
                         .arg(operands.first()),
                     2);
    static const QRegularExpression shape(QStringLiteral(
        "^\\s*(?:(/(?:[^/\\\\]|\\\\.)*/|(?:NR|NF|\\$\\d+)\\s*(?:==|!=|>=|<=|>|<)\\s*"
        "(?:\"[^\"]*\"|-?\\d+))\\s*)?(?:\\{\\s*print\\s*([^}]*?)\\s*;?\\s*\\})?\\s*$"));
    const QRegularExpressionMatch m = shape.match(program);
    if (!m.hasMatch() || program.trimmed().isEmpty()) {
        return error(
            ordinalText("awk: Ordinal's awk runs one-liners of the form [PATTERN] { print $1, $2 "
                        "} (with $NF, NR, NF, -F); it cannot run: %1")
                .arg(program),
            2);
    }
    const QString pattern = m.captured(1).trimmed();
    const QString printList = m.captured(2);
    const bool hasAction = program.contains(QLatin1Char('{'));
    const auto fieldsOf = [&](const QString &line) {
        if (separator.isEmpty() || separator == QLatin1String(" "))
            return line.split(QRegularExpression(QStringLiteral("[ \\t]+")), Qt::SkipEmptyParts);
        if (separator.size() == 1)
            return line.split(separator);
        return line.split(QRegularExpression(separator));
    };
    QString out;
    int nr = 0;
    for (const QString &line : linesOf(input)) {
        ++nr;
        const QStringList fields = fieldsOf(line);
        const auto value = [&](const QString &term) -> QString {
            if (term == QLatin1String("NR"))
                return QString::number(nr);
            if (term == QLatin1String("NF"))
                return QString::number(fields.size());
            if (term == QLatin1String("$0"))
                return line;
            if (term == QLatin1String("$NF"))
                return fields.isEmpty() ? QString() : fields.last();
            if (term.startsWith(QLatin1Char('$'))) {
                const int n = term.mid(1).toInt();
                return n >= 1 && n <= fields.size() ? fields[n - 1] : QString();
            }
            if (term.startsWith(QLatin1Char('"')) && term.endsWith(QLatin1Char('"')))
                return term.mid(1, term.size() - 2)
                    .replace(QLatin1String("\\t"), QLatin1String("\t"));
            return term;
        };
        if (!pattern.isEmpty()) {
            bool pass = false;
            if (pattern.startsWith(QLatin1Char('/'))) {
                pass = QRegularExpression(fromExtended(pattern.mid(1, pattern.size() - 2)))
                           .match(line)
                           .hasMatch();
            } else {
                static const QRegularExpression cmp(
                    QStringLiteral("^(NR|NF|\\$\\d+)\\s*(==|!=|>=|<=|>|<)\\s*(.+)$"));
                const QRegularExpressionMatch c = cmp.match(pattern);
                const QString left = value(c.captured(1));
                const QString rightTerm = c.captured(3);
                const bool stringCompare = rightTerm.startsWith(QLatin1Char('"'));
                const QString right = value(rightTerm);
                int order = 0;
                bool okLeft = false;
                const double l = left.toDouble(&okLeft);
                if (stringCompare || !okLeft)
                    order = left.compare(right);
                else
                    order = l < right.toDouble() ? -1 : l > right.toDouble() ? 1 : 0;
                const QString op = c.captured(2);
                pass = op == QLatin1String("==") ? order == 0
                    : op == QLatin1String("!=")  ? order != 0
                    : op == QLatin1String(">=")  ? order >= 0
                    : op == QLatin1String("<=")  ? order <= 0
                    : op == QLatin1String(">")   ? order > 0
                                                 : order < 0;
            }
            if (!pass)
                continue;
        }
        if (!hasAction || printList.isEmpty()) {
            out += line + QLatin1Char('\n');
            continue;
        }
        // "print a, b" joins with OFS (a space); "print a b" concatenates.
        QStringList printed;
        static const QRegularExpression item(QStringLiteral("\"[^\"]*\"|[^\\s,\"]+|,"));
        QString current;
        QRegularExpressionMatchIterator it = item.globalMatch(printList);
        while (it.hasNext()) {
            const QString token = it.next().captured(0);
            if (token == QLatin1String(",")) {
                printed << current;
                current.clear();
            } else {
                current += value(token);
            }
        }
        printed << current;
        out += printed.join(QLatin1Char(' ')) + QLatin1Char('\n');
    }
    return ok(out);
}

} // namespace

bool isFilter(const QString &program)
{
    static const QStringList filters { QStringLiteral("grep"),  QStringLiteral("egrep"),
                                       QStringLiteral("fgrep"), QStringLiteral("head"),
                                       QStringLiteral("tail"),  QStringLiteral("wc"),
                                       QStringLiteral("sort"),  QStringLiteral("uniq"),
                                       QStringLiteral("cut"),   QStringLiteral("tr"),
                                       QStringLiteral("awk"),   QStringLiteral("cat") };
    return filters.contains(program);
}

ShellResult run(const QStringList &argv, const QString &input)
{
    const QString program = argv.value(0);
    const QStringList args = argv.mid(1);
    if (program == QLatin1String("grep"))
        return grep(args, input, false);
    if (program == QLatin1String("egrep"))
        return grep(args, input, true);
    if (program == QLatin1String("fgrep"))
        return grep(QStringList { QStringLiteral("-F") } + args, input, false);
    if (program == QLatin1String("head"))
        return headTail(args, input, true);
    if (program == QLatin1String("tail"))
        return headTail(args, input, false);
    if (program == QLatin1String("wc"))
        return wc(args, input);
    if (program == QLatin1String("sort"))
        return sort(args, input);
    if (program == QLatin1String("uniq"))
        return uniq(args, input);
    if (program == QLatin1String("cut"))
        return cut(args, input);
    if (program == QLatin1String("tr"))
        return tr(args, input);
    if (program == QLatin1String("awk"))
        return awk(args, input);
    if (program == QLatin1String("cat")) {
        for (const QString &file : args) {
            if (file != QLatin1String("-"))
                return noFile(QStringLiteral("cat"), file);
        }
        return ok(input);
    }
    return error(QStringLiteral("bash: %1: command not found").arg(program), 127);
}

} // namespace ordinal::core::coreutils
