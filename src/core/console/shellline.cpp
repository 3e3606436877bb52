#include "console/shellline.h"

#include "console/coreutils.h"

#include <QRegularExpression>

#include <functional>
#include <optional>

namespace ordinal::core {

ShellResult ShellResult::of(const QString &out, const QString &err, int exitCode)
{
    return ShellResult { out, err, err + out, exitCode };
}

// --- syntax ----------------------------------------------------------------------------------

namespace {

struct Token
{
    enum class Kind { Word, Op, Redirect, End };
    Kind kind = Kind::End;
    QString text; // a word as written (quotes kept), an operator, or a redirection's operator
    int fd = -1; // the redirection's descriptor (-1: the operator's default)
};

struct SyntaxError
{
    QString message;
};

[[noreturn]] void syntaxError(const QString &message)
{
    throw SyntaxError { message };
}

// Reads a word from line[i]: up to an unquoted blank or operator, keeping quotes, $(…) and
// `…` whole.
QString readWord(const QString &line, qsizetype &i)
{
    QString word;
    const auto matching = [&](QChar open) {
        syntaxError(
            QStringLiteral("bash: unexpected EOF while looking for matching `%1'").arg(open));
    };
    while (i < line.size()) {
        const QChar c = line[i];
        if (c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n')
            || QStringLiteral("|&;()<>").contains(c))
            break;
        if (c == QLatin1Char('\\')) {
            word += c;
            if (i + 1 < line.size())
                word += line[i + 1];
            i += 2;
            continue;
        }
        if (c == QLatin1Char('\'')) {
            const qsizetype close = line.indexOf(QLatin1Char('\''), i + 1);
            if (close < 0)
                matching(QLatin1Char('\''));
            word += line.mid(i, close - i + 1);
            i = close + 1;
            continue;
        }
        if (c == QLatin1Char('"')) {
            qsizetype j = i + 1;
            int depth = 0;
            for (; j < line.size(); ++j) {
                if (line[j] == QLatin1Char('\\')) {
                    ++j;
                } else if (line[j] == QLatin1Char('$') && j + 1 < line.size()
                           && line[j + 1] == QLatin1Char('(')) {
                    ++depth;
                    ++j;
                } else if (line[j] == QLatin1Char(')') && depth > 0) {
                    --depth;
                } else if (line[j] == QLatin1Char('"') && depth == 0) {
                    break;
                }
            }
            if (j >= line.size())
                matching(QLatin1Char('"'));
            word += line.mid(i, j - i + 1);
            i = j + 1;
            continue;
        }
        if (c == QLatin1Char('`')) {
            const qsizetype close = line.indexOf(QLatin1Char('`'), i + 1);
            if (close < 0)
                matching(QLatin1Char('`'));
            word += line.mid(i, close - i + 1);
            i = close + 1;
            continue;
        }
        if (c == QLatin1Char('$') && i + 1 < line.size() && line[i + 1] == QLatin1Char('(')) {
            // $( … ) with nesting and quotes inside.
            qsizetype j = i + 2;
            int depth = 1;
            QChar quote;
            for (; j < line.size() && depth > 0; ++j) {
                const QChar d = line[j];
                if (!quote.isNull()) {
                    if (d == quote)
                        quote = QChar();
                    else if (d == QLatin1Char('\\') && quote == QLatin1Char('"'))
                        ++j;
                    continue;
                }
                if (d == QLatin1Char('\'') || d == QLatin1Char('"'))
                    quote = d;
                else if (d == QLatin1Char('\\'))
                    ++j;
                else if (d == QLatin1Char('('))
                    ++depth;
                else if (d == QLatin1Char(')'))
                    --depth;
            }
            if (depth > 0)
                matching(QLatin1Char(')'));
            word += line.mid(i, j - i);
            i = j;
            continue;
        }
        if (c == QLatin1Char('$') && i + 1 < line.size() && line[i + 1] == QLatin1Char('{')) {
            const qsizetype close = line.indexOf(QLatin1Char('}'), i + 2);
            if (close < 0)
                matching(QLatin1Char('}'));
            word += line.mid(i, close - i + 1);
            i = close + 1;
            continue;
        }
        word += c;
        ++i;
    }
    return word;
}

QList<Token> tokenize(const QString &line)
{
    QList<Token> tokens;
    qsizetype i = 0;
    while (i < line.size()) {
        const QChar c = line[i];
        if (c == QLatin1Char(' ') || c == QLatin1Char('\t')) {
            ++i;
            continue;
        }
        if (c == QLatin1Char('\n')) {
            tokens << Token { Token::Kind::Op, QStringLiteral(";") };
            ++i;
            continue;
        }
        if (c == QLatin1Char('#')) {
            const qsizetype nl = line.indexOf(QLatin1Char('\n'), i);
            i = nl < 0 ? line.size() : nl;
            continue;
        }
        const QString two = line.mid(i, 2);
        if (two == QLatin1String("&&") || two == QLatin1String("||")
            || two == QLatin1String(";;")) {
            tokens << Token { Token::Kind::Op, two };
            i += 2;
            continue;
        }
        if (line.mid(i, 4) == QLatin1String("&>>") || two == QLatin1String("&>")) {
            const bool append = line.mid(i, 3) == QLatin1String("&>>");
            tokens << Token { Token::Kind::Redirect,
                              append ? QStringLiteral("&>>") : QStringLiteral("&>") };
            i += append ? 3 : 2;
            continue;
        }
        if (QStringLiteral("|&;()").contains(c)) {
            tokens << Token { Token::Kind::Op, QString(c) };
            ++i;
            continue;
        }
        if (c == QLatin1Char('<') || c == QLatin1Char('>')) {
            QString op(c);
            if (i + 1 < line.size()
                && (line[i + 1] == QLatin1Char('>') || line[i + 1] == QLatin1Char('&')
                    || line[i + 1] == QLatin1Char('<')))
                op += line[i + 1];
            tokens << Token { Token::Kind::Redirect, op };
            i += op.size();
            continue;
        }
        // "2>" "2>&1": a descriptor number right before a redirection.
        qsizetype j = i;
        while (j < line.size() && line[j].isDigit())
            ++j;
        if (j > i && j < line.size()
            && (line[j] == QLatin1Char('>') || line[j] == QLatin1Char('<'))) {
            const int fd = line.mid(i, j - i).toInt();
            QString op(line[j]);
            if (j + 1 < line.size()
                && (line[j + 1] == QLatin1Char('>') || line[j + 1] == QLatin1Char('&')))
                op += line[j + 1];
            tokens << Token { Token::Kind::Redirect, op, fd };
            i = j + op.size();
            continue;
        }
        tokens << Token { Token::Kind::Word, readWord(line, i) };
    }
    tokens << Token { Token::Kind::End, QString() };
    return tokens;
}

} // namespace

// One node of the parsed line.
struct ShellLine::Node
{
    enum class Kind { List, AndOr, Pipeline, Simple, For, If, While, Group, Subshell };
    Kind kind = Kind::List;
    QStringList words; // Simple: words as written; For: the list
    QList<QPair<QString, QString>> assigns; // Simple: NAME=value (value as written)
    QList<std::tuple<int, QString, QString>> redirects; // (fd, operator, target as written)
    QString name; // For: the variable
    bool hasIn = false; // For: "in" given
    bool negate = false; // Pipeline: "!"
    bool until = false; // While: until
    QStringList ops; // AndOr: "&&"/"||" between children
    QList<std::shared_ptr<Node>> children; // List/AndOr/Pipeline members; If: cond, then,
                                           // [cond, then]…, [else]; While: cond, body
};

namespace {

using NodePtr = std::shared_ptr<ShellLine::Node>;
using Kind = ShellLine::Node::Kind;

bool isReserved(const QString &word)
{
    static const QStringList words { QStringLiteral("for"),   QStringLiteral("in"),
                                     QStringLiteral("do"),    QStringLiteral("done"),
                                     QStringLiteral("if"),    QStringLiteral("then"),
                                     QStringLiteral("elif"),  QStringLiteral("else"),
                                     QStringLiteral("fi"),    QStringLiteral("while"),
                                     QStringLiteral("until"), QStringLiteral("{"),
                                     QStringLiteral("}"),     QStringLiteral("!") };
    return words.contains(word);
}

class Parser
{
public:
    explicit Parser(QList<Token> tokens)
        : m_tokens(std::move(tokens))
    {
    }

    NodePtr parseLine()
    {
        skipSeparators();
        if (peek().kind == Token::Kind::End)
            return std::make_shared<ShellLine::Node>();
        NodePtr list = parseList({});
        if (peek().kind != Token::Kind::End)
            unexpected(peek());
        return list;
    }

private:
    const Token &peek() const { return m_tokens[m_pos]; }
    Token next() { return m_tokens[m_pos++]; }
    bool peekWord(const char *word) const
    {
        return peek().kind == Token::Kind::Word && peek().text == QLatin1String(word);
    }
    bool peekOp(const char *op) const
    {
        return peek().kind == Token::Kind::Op && peek().text == QLatin1String(op);
    }
    [[noreturn]] void unexpected(const Token &t)
    {
        if (t.kind == Token::Kind::End)
            syntaxError(QStringLiteral("bash: syntax error: unexpected end of file"));
        syntaxError(QStringLiteral("bash: syntax error near unexpected token `%1'")
                        .arg(t.kind == Token::Kind::Redirect ? QStringLiteral("newline") : t.text));
    }
    void skipSeparators()
    {
        while (peekOp(";"))
            next();
    }
    void expectWord(const char *word)
    {
        if (!peekWord(word))
            unexpected(peek());
        next();
    }

    // A list ends at End, ")" or one of the stop words (done, fi, then, …).
    NodePtr parseList(const QStringList &stops)
    {
        auto list = std::make_shared<ShellLine::Node>();
        list->kind = Kind::List;
        for (;;) {
            if (peek().kind == Token::Kind::End || peekOp(")"))
                break;
            if (peek().kind == Token::Kind::Word && stops.contains(peek().text))
                break;
            list->children << parseAndOr();
            if (peekOp(";") || peekOp("&")) {
                if (peekOp("&"))
                    syntaxError(ShellLine::tr("ordinal: background jobs (&) are not available in the "
                                   "console; run the command on its own"));
                next();
                if (peekOp(";"))
                    unexpected(peek());
                skipSeparators();
                continue;
            }
            break;
        }
        if (list->children.isEmpty())
            unexpected(peek());
        return list;
    }

    NodePtr parseAndOr()
    {
        auto node = std::make_shared<ShellLine::Node>();
        node->kind = Kind::AndOr;
        node->children << parsePipeline();
        while (peekOp("&&") || peekOp("||")) {
            node->ops << next().text;
            node->children << parsePipeline();
        }
        return node;
    }

    NodePtr parsePipeline()
    {
        auto node = std::make_shared<ShellLine::Node>();
        node->kind = Kind::Pipeline;
        if (peekWord("!")) {
            next();
            node->negate = true;
        }
        node->children << parseCommand();
        while (peekOp("|")) {
            next();
            node->children << parseCommand();
        }
        return node;
    }

    NodePtr parseCommand()
    {
        const Token &t = peek();
        if (t.kind == Token::Kind::Word) {
            if (t.text == QLatin1String("for"))
                return parseFor();
            if (t.text == QLatin1String("if"))
                return parseIf();
            if (t.text == QLatin1String("while") || t.text == QLatin1String("until"))
                return parseWhile();
            if (t.text == QLatin1String("{")) {
                next();
                auto node = std::make_shared<ShellLine::Node>();
                node->kind = Kind::Group;
                node->children << parseList({ QStringLiteral("}") });
                expectWord("}");
                return node;
            }
            if (isReserved(t.text) && t.text != QLatin1String("!"))
                unexpected(t);
        }
        if (peekOp("(")) {
            next();
            auto node = std::make_shared<ShellLine::Node>();
            node->kind = Kind::Subshell;
            node->children << parseList({});
            if (!peekOp(")"))
                unexpected(peek());
            next();
            return node;
        }
        return parseSimple();
    }

    NodePtr parseSimple()
    {
        auto node = std::make_shared<ShellLine::Node>();
        node->kind = Kind::Simple;
        static const QRegularExpression assignment(
            QStringLiteral("^([A-Za-z_][A-Za-z0-9_]*)=(.*)$"),
            QRegularExpression::DotMatchesEverythingOption);
        for (;;) {
            const Token &t = peek();
            if (t.kind == Token::Kind::Word) {
                const QRegularExpressionMatch m = assignment.match(t.text);
                if (node->words.isEmpty() && m.hasMatch())
                    node->assigns << qMakePair(m.captured(1), m.captured(2));
                else
                    node->words << t.text;
                next();
                continue;
            }
            if (t.kind == Token::Kind::Redirect) {
                const Token r = next();
                if (r.text == QLatin1String("<<"))
                    syntaxError(ShellLine::tr("ordinal: here-documents (<<) need more than one line; the "
                                   "console runs one line at a time"));
                if (peek().kind != Token::Kind::Word)
                    unexpected(peek());
                node->redirects << std::make_tuple(r.fd, r.text, next().text);
                continue;
            }
            break;
        }
        if (node->words.isEmpty() && node->assigns.isEmpty() && node->redirects.isEmpty())
            unexpected(peek());
        return node;
    }

    NodePtr parseFor()
    {
        next(); // for
        auto node = std::make_shared<ShellLine::Node>();
        node->kind = Kind::For;
        if (peek().kind != Token::Kind::Word || isReserved(peek().text))
            unexpected(peek());
        node->name = next().text;
        if (peekOp(";"))
            next();
        if (peekWord("in")) {
            next();
            node->hasIn = true;
            while (peek().kind == Token::Kind::Word)
                node->words << next().text;
            if (!peekOp(";"))
                unexpected(peek());
            next();
        }
        skipSeparators();
        expectWord("do");
        skipSeparators();
        node->children << parseList({ QStringLiteral("done") });
        expectWord("done");
        return node;
    }

    NodePtr parseIf()
    {
        next(); // if
        auto node = std::make_shared<ShellLine::Node>();
        node->kind = Kind::If;
        for (;;) {
            node->children << parseList({ QStringLiteral("then") });
            expectWord("then");
            node->children << parseList(
                { QStringLiteral("elif"), QStringLiteral("else"), QStringLiteral("fi") });
            if (peekWord("elif")) {
                next();
                continue;
            }
            break;
        }
        if (peekWord("else")) {
            next();
            node->children << parseList({ QStringLiteral("fi") });
        }
        expectWord("fi");
        return node;
    }

    NodePtr parseWhile()
    {
        auto node = std::make_shared<ShellLine::Node>();
        node->kind = Kind::While;
        node->until = next().text == QLatin1String("until");
        node->children << parseList({ QStringLiteral("do") });
        expectWord("do");
        node->children << parseList({ QStringLiteral("done") });
        expectWord("done");
        return node;
    }

    QList<Token> m_tokens;
    qsizetype m_pos = 0;
};

} // namespace

// --- execution -------------------------------------------------------------------------------

struct ShellLine::Exec
{
    ShellLine &shell;
    int lastStatus = 0;
    bool exitRequested = false;

    struct Stopped
    {
    };

    // Appends a command's result to the line's.
    static void add(ShellResult *total, const ShellResult &part)
    {
        total->out += part.out;
        total->err += part.err;
        total->text += part.text;
        total->exitCode = part.exitCode;
    }

    // Expands one word into fields: quotes removed, $x, ${x}, $?, $(…) and `…` replaced, and
    // unquoted expansions split on blanks.
    QStringList expand(const QString &word, ShellResult *total)
    {
        QStringList fields;
        QString current;
        bool started = false;
        const auto endField = [&] {
            if (started)
                fields << current;
            current.clear();
            started = false;
        };
        const auto addSplit = [&](const QString &value) {
            for (const QChar c : value) {
                if (c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n')) {
                    endField();
                } else {
                    current += c;
                    started = true;
                }
            }
        };
        const auto substitute = [&](const QString &inner) {
            ShellResult sub = shell.runNested(inner, &lastStatus);
            total->err += sub.err;
            total->text += sub.err;
            QString out = sub.out;
            while (out.endsWith(QLatin1Char('\n')))
                out.chop(1);
            return out;
        };
        // Reads an expansion at word[i] ('$' seen); returns its value and advances i.
        const auto expansion = [&](qsizetype &i) -> std::optional<QString> {
            if (i + 1 >= word.size())
                return std::nullopt;
            const QChar n = word[i + 1];
            if (n == QLatin1Char('(') && i + 2 < word.size() && word[i + 2] == QLatin1Char('(')) {
                // $(( arithmetic ))
                const qsizetype close = word.indexOf(QLatin1String("))"), i + 3);
                const QString expression = word.mid(i + 3, close - i - 3);
                i = close + 2;
                return arithmetic(expression, total);
            }
            if (n == QLatin1Char('(')) {
                int depth = 1;
                qsizetype j = i + 2;
                QChar quote;
                for (; j < word.size() && depth > 0; ++j) {
                    const QChar d = word[j];
                    if (!quote.isNull()) {
                        if (d == quote)
                            quote = QChar();
                        continue;
                    }
                    if (d == QLatin1Char('\'') || d == QLatin1Char('"'))
                        quote = d;
                    else if (d == QLatin1Char('('))
                        ++depth;
                    else if (d == QLatin1Char(')'))
                        --depth;
                }
                const QString inner = word.mid(i + 2, j - i - 3);
                i = j;
                return substitute(inner);
            }
            if (n == QLatin1Char('{')) {
                const qsizetype close = word.indexOf(QLatin1Char('}'), i + 2);
                const QString inside = word.mid(i + 2, close - i - 2);
                i = close + 1;
                return parameter(inside, total);
            }
            if (n == QLatin1Char('?')) {
                i += 2;
                return QString::number(lastStatus);
            }
            if (n.isLetter() || n == QLatin1Char('_')) {
                qsizetype j = i + 1;
                while (j < word.size()
                       && (word[j].isLetterOrNumber() || word[j] == QLatin1Char('_')))
                    ++j;
                const QString name = word.mid(i + 1, j - i - 1);
                i = j;
                return value(name);
            }
            if (n.isDigit() || n == QLatin1Char('#') || n == QLatin1Char('@')
                || n == QLatin1Char('*')) {
                i += 2;
                return n == QLatin1Char('#') ? QStringLiteral("0") : QString();
            }
            return std::nullopt;
        };
        for (qsizetype i = 0; i < word.size();) {
            const QChar c = word[i];
            if (c == QLatin1Char('\\')) {
                if (i + 1 < word.size())
                    current += word[i + 1];
                started = true;
                i += 2;
            } else if (c == QLatin1Char('\'')) {
                const qsizetype close = word.indexOf(QLatin1Char('\''), i + 1);
                current += word.mid(i + 1, close - i - 1);
                started = true;
                i = close + 1;
            } else if (c == QLatin1Char('"')) {
                started = true;
                ++i;
                while (i < word.size() && word[i] != QLatin1Char('"')) {
                    const QChar d = word[i];
                    if (d == QLatin1Char('\\') && i + 1 < word.size()
                        && QStringLiteral("$`\"\\").contains(word[i + 1])) {
                        current += word[i + 1];
                        i += 2;
                    } else if (d == QLatin1Char('$')) {
                        const std::optional<QString> v = expansion(i);
                        if (v) {
                            current += *v;
                        } else {
                            current += d;
                            ++i;
                        }
                    } else if (d == QLatin1Char('`')) {
                        const qsizetype close = word.indexOf(QLatin1Char('`'), i + 1);
                        current += substitute(word.mid(i + 1, close - i - 1));
                        i = close + 1;
                    } else {
                        current += d;
                        ++i;
                    }
                }
                ++i;
            } else if (c == QLatin1Char('$')) {
                const std::optional<QString> v = expansion(i);
                if (v) {
                    addSplit(*v);
                } else {
                    current += c;
                    started = true;
                    ++i;
                }
            } else if (c == QLatin1Char('`')) {
                const qsizetype close = word.indexOf(QLatin1Char('`'), i + 1);
                addSplit(substitute(word.mid(i + 1, close - i - 1)));
                i = close + 1;
            } else {
                current += c;
                started = true;
                ++i;
            }
        }
        endField();
        return fields;
    }

    QString value(const QString &name) const { return shell.m_variables.value(name); }

    // A glob pattern (*, ?) as a regular expression.
    static QString globPattern(const QString &glob, bool greedy)
    {
        QString re;
        for (const QChar c : glob) {
            if (c == QLatin1Char('*'))
                re += greedy ? QStringLiteral(".*") : QStringLiteral(".*?");
            else if (c == QLatin1Char('?'))
                re += QLatin1Char('.');
            else
                re += QRegularExpression::escape(QString(c));
        }
        return re;
    }

    // ${name}, ${#name}, ${name:-word}, ${name#pat}, ${name##pat}, ${name%pat}, ${name%%pat}.
    QString parameter(const QString &inside, ShellResult *total)
    {
        if (inside.startsWith(QLatin1Char('#')))
            return QString::number(value(inside.mid(1)).size());
        static const QRegularExpression form(
            QStringLiteral("^([A-Za-z_][A-Za-z0-9_]*|[0-9?#])(:-|:=|:\\+|##|#|%%|%)?(.*)$"),
            QRegularExpression::DotMatchesEverythingOption);
        const QRegularExpressionMatch m = form.match(inside);
        if (!m.hasMatch()) {
            const QString message = QStringLiteral("bash: ${%1}: bad substitution\n").arg(inside);
            total->err += message;
            total->text += message;
            return {};
        }
        const QString name = m.captured(1);
        const QString op = m.captured(2);
        const QString word = expand(m.captured(3), total).join(QLatin1Char(' '));
        QString v = name == QLatin1String("?") ? QString::number(lastStatus) : value(name);
        if (op.isEmpty())
            return v;
        if (op == QLatin1String(":-"))
            return v.isEmpty() ? word : v;
        if (op == QLatin1String(":=")) {
            if (v.isEmpty())
                shell.m_variables[name] = v = word;
            return v;
        }
        if (op == QLatin1String(":+"))
            return v.isEmpty() ? QString() : word;
        const bool longest = op.size() == 2;
        if (op.startsWith(QLatin1Char('#'))) {
            const QRegularExpression re(QStringLiteral("^(?:%1)").arg(globPattern(word, longest)));
            const QRegularExpressionMatch mm = re.match(v);
            return mm.hasMatch() ? v.mid(mm.capturedLength(0)) : v;
        }
        // %: the shortest (or, with %%, longest) matching suffix.
        for (qsizetype k = longest ? 0 : v.size(); longest ? k <= v.size() : k >= 0;
             longest ? ++k : --k) {
            const QRegularExpression re(QStringLiteral("^(?:%1)$").arg(globPattern(word, true)));
            if (re.match(v.mid(k)).hasMatch())
                return v.left(k);
        }
        return v;
    }

    // $(( … )): integers, + - * / % and parentheses, variables by name.
    QString arithmetic(const QString &expression, ShellResult *total)
    {
        QString text = expand(QStringLiteral("\"%1\"").arg(expression), total).join(QString());
        qsizetype pos = 0;
        QString error;
        std::function<long long()> sum;
        const auto skip = [&] {
            while (pos < text.size() && text[pos].isSpace())
                ++pos;
        };
        std::function<long long()> primary;
        primary = [&]() -> long long {
            skip();
            if (pos < text.size() && text[pos] == QLatin1Char('(')) {
                ++pos;
                const long long v = sum();
                skip();
                if (pos < text.size() && text[pos] == QLatin1Char(')'))
                    ++pos;
                else if (error.isEmpty())
                    error = QStringLiteral("missing `)'");
                return v;
            }
            if (pos < text.size()
                && (text[pos] == QLatin1Char('-') || text[pos] == QLatin1Char('+'))) {
                const bool negative = text[pos++] == QLatin1Char('-');
                const long long v = primary();
                return negative ? -v : v;
            }
            qsizetype start = pos;
            while (pos < text.size()
                   && (text[pos].isLetterOrNumber() || text[pos] == QLatin1Char('_')))
                ++pos;
            const QString token = text.mid(start, pos - start);
            if (token.isEmpty()) {
                if (error.isEmpty())
                    error = QStringLiteral("syntax error: operand expected (error token is \"%1\")")
                                .arg(text.mid(start));
                return 0;
            }
            bool ok = false;
            const long long number = token.toLongLong(&ok);
            if (ok)
                return number;
            return value(token).trimmed().toLongLong();
        };
        const auto product = [&]() -> long long {
            long long v = primary();
            for (;;) {
                skip();
                if (pos >= text.size() || !QStringLiteral("*/%").contains(text[pos]))
                    return v;
                const QChar op = text[pos++];
                const long long r = primary();
                if ((op == QLatin1Char('/') || op == QLatin1Char('%')) && r == 0) {
                    if (error.isEmpty())
                        error
                            = QStringLiteral("division by 0 (error token is \"%1\")")
                                  .arg(text.mid(pos).trimmed().isEmpty() ? QStringLiteral("0")
                                                                         : text.mid(pos).trimmed());
                    return 0;
                }
                v = op == QLatin1Char('*') ? v * r : op == QLatin1Char('/') ? v / r : v % r;
            }
        };
        sum = [&]() -> long long {
            long long v = product();
            for (;;) {
                skip();
                if (pos >= text.size()
                    || (text[pos] != QLatin1Char('+') && text[pos] != QLatin1Char('-')))
                    return v;
                const bool plus = text[pos++] == QLatin1Char('+');
                const long long r = product();
                v = plus ? v + r : v - r;
            }
        };
        const long long result = sum();
        skip();
        if (error.isEmpty() && pos < text.size())
            error = QStringLiteral("syntax error in expression (error token is \"%1\")")
                        .arg(text.mid(pos));
        if (!error.isEmpty()) {
            const QString message = QStringLiteral("bash: %1: %2\n").arg(text.trimmed(), error);
            total->err += message;
            total->text += message;
            // As bash: an expansion error abandons the rest of the line.
            lastStatus = 1;
            exitRequested = true;
            return {};
        }
        return QString::number(result);
    }

    // test / [ … ]: strings, integers, !, -a and -o; there are no files.
    ShellResult test(const QString &program, QStringList args)
    {
        const QString name
            = program == QLatin1String("[") ? QStringLiteral("[") : QStringLiteral("test");
        if (program == QLatin1String("[")) {
            if (args.isEmpty() || args.last() != QLatin1String("]"))
                return ShellResult::of({}, QStringLiteral("bash: [: missing `]'\n"), 2);
            args.removeLast();
        }
        QString error;
        qsizetype pos = 0;
        std::function<bool()> orExpr;
        const auto integer = [&](const QString &text, long long *v) {
            bool ok = false;
            *v = text.trimmed().toLongLong(&ok);
            if (!ok && error.isEmpty())
                error
                    = QStringLiteral("bash: %1: %2: integer expression expected\n").arg(name, text);
            return ok;
        };
        const auto primaryExpr = [&]() -> bool {
            if (pos >= args.size())
                return false;
            if (args[pos] == QLatin1String("!")) {
                ++pos;
                return !orExpr();
            }
            static const QStringList binary { QStringLiteral("="),   QStringLiteral("=="),
                                              QStringLiteral("!="),  QStringLiteral("-eq"),
                                              QStringLiteral("-ne"), QStringLiteral("-lt"),
                                              QStringLiteral("-le"), QStringLiteral("-gt"),
                                              QStringLiteral("-ge") };
            if (pos + 2 < args.size() + 1 && pos + 1 < args.size()
                && binary.contains(args[pos + 1])) {
                const QString a = args[pos];
                const QString op = args[pos + 1];
                const QString b = args[pos + 2];
                pos += 3;
                if (op == QLatin1String("=") || op == QLatin1String("=="))
                    return a == b;
                if (op == QLatin1String("!="))
                    return a != b;
                long long x = 0;
                long long y = 0;
                if (!integer(a, &x) || !integer(b, &y))
                    return false;
                return op == QLatin1String("-eq") ? x == y
                    : op == QLatin1String("-ne")  ? x != y
                    : op == QLatin1String("-lt")  ? x < y
                    : op == QLatin1String("-le")  ? x <= y
                    : op == QLatin1String("-gt")  ? x > y
                                                  : x >= y;
            }
            static const QStringList unary { QStringLiteral("-z"), QStringLiteral("-n"),
                                             QStringLiteral("-e"), QStringLiteral("-f"),
                                             QStringLiteral("-d"), QStringLiteral("-s"),
                                             QStringLiteral("-r") };
            if (pos + 1 < args.size() && unary.contains(args[pos])) {
                const QString op = args[pos];
                const QString a = args[pos + 1];
                pos += 2;
                if (op == QLatin1String("-z"))
                    return a.isEmpty();
                if (op == QLatin1String("-n"))
                    return !a.isEmpty();
                return false; // no files in the console
            }
            return !args[pos++].isEmpty();
        };
        const auto andExpr = [&]() -> bool {
            bool v = primaryExpr();
            while (pos < args.size() && args[pos] == QLatin1String("-a")) {
                ++pos;
                v = primaryExpr() && v;
            }
            return v;
        };
        orExpr = [&]() -> bool {
            bool v = andExpr();
            while (pos < args.size() && args[pos] == QLatin1String("-o")) {
                ++pos;
                v = andExpr() || v;
            }
            return v;
        };
        const bool result = args.isEmpty() ? false : orExpr();
        if (!error.isEmpty())
            return ShellResult::of({}, error, 2);
        if (pos < args.size())
            return ShellResult::of({}, QStringLiteral("bash: %1: too many arguments\n").arg(name),
                                   2);
        return ShellResult::of({}, {}, result ? 0 : 1);
    }

    ShellResult list(const Node &node)
    {
        ShellResult total;
        for (const NodePtr &child : node.children) {
            add(&total, andOr(*child));
            if (exitRequested)
                break;
        }
        total.exitCode = lastStatus;
        return total;
    }

    ShellResult andOr(const Node &node)
    {
        ShellResult total;
        add(&total, pipeline(*node.children[0]));
        for (qsizetype k = 0; k < node.ops.size() && !exitRequested; ++k) {
            const bool run = node.ops[k] == QLatin1String("&&") ? lastStatus == 0 : lastStatus != 0;
            if (run)
                add(&total, pipeline(*node.children[k + 1]));
        }
        total.exitCode = lastStatus;
        return total;
    }

    ShellResult pipeline(const Node &node)
    {
        ShellResult total;
        QString input;
        ShellResult last;
        for (qsizetype k = 0; k < node.children.size(); ++k) {
            last = command(*node.children[k], input);
            // Each stage's errors reach the terminal; its output feeds the next stage.
            total.err += last.err;
            const QString shownErr = last.err;
            if (k + 1 < node.children.size()) {
                total.text += shownErr;
                input = last.out;
            } else {
                total.out += last.out;
                total.text += last.text;
            }
            if (exitRequested)
                break;
        }
        int status = exitRequested && last.exitCode == 0 ? lastStatus : last.exitCode;
        if (node.negate)
            status = status == 0 ? 1 : 0;
        lastStatus = status;
        total.exitCode = status;
        return total;
    }

    ShellResult command(const Node &node, const QString &input)
    {
        switch (node.kind) {
        case Kind::Simple:
            return simple(node, input);
        case Kind::For: {
            ShellResult total;
            QStringList items;
            for (const QString &w : node.words)
                items << expand(w, &total);
            lastStatus = 0;
            for (const QString &item : std::as_const(items)) {
                shell.m_variables[node.name] = item;
                add(&total, list(*node.children[0]));
                if (exitRequested)
                    break;
            }
            total.exitCode = lastStatus;
            return total;
        }
        case Kind::If: {
            ShellResult total;
            const qsizetype pairs = node.children.size() / 2;
            for (qsizetype k = 0; k < pairs; ++k) {
                add(&total, list(*node.children[2 * k]));
                if (lastStatus == 0) {
                    add(&total, list(*node.children[2 * k + 1]));
                    total.exitCode = lastStatus;
                    return total;
                }
            }
            if (node.children.size() % 2 == 1)
                add(&total, list(*node.children.last()));
            else
                lastStatus = 0;
            total.exitCode = lastStatus;
            return total;
        }
        case Kind::While: {
            ShellResult total;
            int bodyStatus = 0;
            for (int n = 0;; ++n) {
                if (n >= kMaxLoopIterations) {
                    const QString message
                        = tr("ordinal: loop stopped after %1 rounds: the console runs one line to "
                             "its end before it shows anything\n")
                              .arg(kMaxLoopIterations);
                    total.err += message;
                    total.text += message;
                    bodyStatus = 1;
                    break;
                }
                add(&total, list(*node.children[0]));
                if ((lastStatus == 0) == node.until || exitRequested)
                    break;
                add(&total, list(*node.children[1]));
                bodyStatus = lastStatus;
                if (exitRequested)
                    break;
            }
            lastStatus = bodyStatus;
            total.exitCode = bodyStatus;
            return total;
        }
        case Kind::Group:
        case Kind::Subshell:
        case Kind::List:
            return list(node.kind == Kind::List ? node : *node.children[0]);
        case Kind::AndOr:
            return andOr(node);
        case Kind::Pipeline:
            return pipeline(node);
        }
        return {};
    }

    ShellResult simple(const Node &node, const QString &input)
    {
        ShellResult total;
        QStringList argv;
        for (const QString &w : node.words)
            argv << expand(w, &total);
        if (exitRequested) {
            total.exitCode = lastStatus;
            return total;
        }
        // NAME=value alone sets a shell variable.
        for (const auto &[name, raw] : node.assigns) {
            if (argv.isEmpty())
                shell.m_variables[name] = rawValue(raw, &total);
        }
        // Redirections: only what needs no file system.
        bool stderrToStdout = false;
        bool dropStdout = false;
        bool dropStderr = false;
        for (const auto &[fd, op, target] : node.redirects) {
            const QString file = expand(target, &total).value(0);
            if ((op == QLatin1String(">&") && file == QLatin1String("1") && fd == 2)) {
                stderrToStdout = true;
            } else if (op == QLatin1String(">&") && file == QLatin1String("2")) {
                // 1>&2: the output goes to the terminal's error stream; the screen is the same.
            } else if (file == QLatin1String("/dev/null")
                       && (op.startsWith(QLatin1Char('>')) || op.startsWith(QLatin1Char('&')))) {
                if (op.startsWith(QLatin1Char('&')))
                    dropStdout = dropStderr = true;
                else if (fd == 2)
                    dropStderr = true;
                else
                    dropStdout = true;
            } else if (op == QLatin1String("<") && file == QLatin1String("/dev/null")) {
                // Empty input: what a command gets without a pipe anyway.
            } else {
                total.exitCode = 1;
                lastStatus = 1;
                const QString message = tr("ordinal: %1: the console has no files; it shows "
                                           "output instead of saving it\n")
                                            .arg(file);
                total.err += message;
                total.text += message;
                return total;
            }
        }
        if (argv.isEmpty()) {
            total.exitCode = 0;
            return total;
        }
        ShellResult result = dispatch(argv, input);
        if (stderrToStdout) {
            result.out = result.text;
            result.err.clear();
        }
        if (dropStdout) {
            result.text.remove(result.out);
            result.out.clear();
        }
        if (dropStderr) {
            result.text.remove(result.err);
            result.err.clear();
        }
        total.out += result.out;
        total.err += result.err;
        total.text += result.text;
        total.exitCode = result.exitCode;
        lastStatus = result.exitCode;
        return total;
    }

    QString rawValue(const QString &raw, ShellResult *total)
    {
        // The value of NAME=value is not split.
        QStringList parts = expand(raw, total);
        return parts.join(QLatin1Char(' '));
    }

    ShellResult dispatch(const QStringList &argv, const QString &input)
    {
        const QString program = argv.first();
        if (program == QLatin1String("echo"))
            return echo(argv.mid(1));
        if (program == QLatin1String("printf"))
            return printf(argv.mid(1));
        if (program == QLatin1String("true") || program == QLatin1String(":"))
            return ShellResult::of({}, {}, 0);
        // export and unset change the shell's variables (there is no environment to pass on).
        if (program == QLatin1String("export") || program == QLatin1String("unset")) {
            for (const QString &arg : argv.mid(1)) {
                const QString name = arg.section(QLatin1Char('='), 0, 0);
                if (program == QLatin1String("unset"))
                    shell.m_variables.remove(name);
                else if (arg.contains(QLatin1Char('=')))
                    shell.m_variables[name] = arg.section(QLatin1Char('='), 1);
            }
            return ShellResult::of({}, {}, 0);
        }
        if (program == QLatin1String("[") || program == QLatin1String("test"))
            return test(program, argv.mid(1));
        if (program == QLatin1String("false"))
            return ShellResult::of({}, {}, 1);
        if (program == QLatin1String("exit")) {
            exitRequested = true;
            return ShellResult::of({}, {}, argv.value(1, QString::number(lastStatus)).toInt());
        }
        // In a pod, cat of a file reads the pod's files, which only the runner knows.
        const bool podFile
            = shell.m_runnerReadsFiles && program == QLatin1String("cat") && argv.size() > 1;
        if (coreutils::isFilter(program) && !podFile)
            return coreutils::run(argv, input);
        return shell.m_runner(argv, input);
    }

    static ShellResult echo(QStringList args)
    {
        bool newline = true;
        bool escapes = false;
        while (!args.isEmpty()) {
            static const QRegularExpression option(QStringLiteral("^-[neE]+$"));
            if (!option.match(args.first()).hasMatch())
                break;
            const QString o = args.takeFirst();
            newline = newline && !o.contains(QLatin1Char('n'));
            if (o.contains(QLatin1Char('e')))
                escapes = true;
            if (o.contains(QLatin1Char('E')))
                escapes = false;
        }
        QString text = args.join(QLatin1Char(' '));
        if (escapes)
            text = unescape(text);
        if (newline)
            text += QLatin1Char('\n');
        return ShellResult::of(text, {}, 0);
    }

    static QString unescape(const QString &text)
    {
        QString out;
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (text[i] != QLatin1Char('\\') || i + 1 >= text.size()) {
                out += text[i];
                continue;
            }
            const QChar n = text[++i];
            switch (n.unicode()) {
            case 'n':
                out += QLatin1Char('\n');
                break;
            case 't':
                out += QLatin1Char('\t');
                break;
            case 'r':
                out += QLatin1Char('\r');
                break;
            case '\\':
                out += QLatin1Char('\\');
                break;
            case 'a':
                out += QLatin1Char('\a');
                break;
            default:
                out += QLatin1Char('\\');
                out += n;
            }
        }
        return out;
    }

    // bash's printf for %s, %d and %%, reusing the format for leftover arguments.
    static ShellResult printf(const QStringList &args)
    {
        if (args.isEmpty())
            return ShellResult::of({},
                                   QStringLiteral("printf: usage: printf [-v var] format "
                                                  "[arguments]\n"),
                                   2);
        const QString format = unescape(args.first());
        const QStringList values = args.mid(1);
        QString out;
        qsizetype used = 0;
        do {
            for (qsizetype i = 0; i < format.size(); ++i) {
                if (format[i] != QLatin1Char('%') || i + 1 >= format.size()) {
                    out += format[i];
                    continue;
                }
                const QChar verb = format[++i];
                if (verb == QLatin1Char('%')) {
                    out += verb;
                    continue;
                }
                const QString v = values.value(used++);
                if (verb == QLatin1Char('d'))
                    out += QString::number(v.toLongLong());
                else
                    out += v;
            }
        } while (used < values.size());
        return ShellResult::of(out, {}, 0);
    }

    static QString tr(const char *text) { return ShellLine::tr(text); }
};

ShellLine::ShellLine(Runner runner)
    : m_runner(std::move(runner))
{
}

ShellLine::~ShellLine() = default;

ShellResult ShellLine::run(const QString &line)
{
    int status = m_variables.value(QStringLiteral("?"), QStringLiteral("0")).toInt();
    ShellResult result = runNested(line, &status);
    m_variables[QStringLiteral("?")] = QString::number(result.exitCode);
    return result;
}

ShellResult ShellLine::runNested(const QString &line, int *status)
{
    NodePtr tree;
    try {
        tree = Parser(tokenize(line)).parseLine();
    } catch (const SyntaxError &e) {
        *status = 2;
        return ShellResult::of({}, e.message + QLatin1Char('\n'), 2);
    }
    Exec exec { *this, *status };
    ShellResult result;
    if (tree->kind == Kind::List && !tree->children.isEmpty())
        result = exec.list(*tree);
    result.exitCode = exec.lastStatus;
    *status = exec.lastStatus;
    return result;
}

bool ShellLine::needsShell(const QString &line)
{
    static const QRegularExpression special(QStringLiteral("[|;&()<>`$]"));
    if (special.match(line).hasMatch())
        return true;
    const QString first = line.trimmed().section(QLatin1Char(' '), 0, 0);
    static const QStringList own { QStringLiteral("for"),   QStringLiteral("if"),
                                   QStringLiteral("while"), QStringLiteral("until"),
                                   QStringLiteral("echo"),  QStringLiteral("printf"),
                                   QStringLiteral("true"),  QStringLiteral("false"),
                                   QStringLiteral("exit"),  QStringLiteral("{") };
    return own.contains(first) || coreutils::isFilter(first) || first.contains(QLatin1Char('='));
}

bool needsRealApplication(const QString &program)
{
    static const QStringList programs { QStringLiteral("curl"),
                                        QStringLiteral("wget"),
                                        QStringLiteral("mysql"),
                                        QStringLiteral("mysqladmin"),
                                        QStringLiteral("mysqldump"),
                                        QStringLiteral("mysqld"),
                                        QStringLiteral("xtrabackup"),
                                        QStringLiteral("psql"),
                                        QStringLiteral("pg_isready"),
                                        QStringLiteral("redis-cli"),
                                        QStringLiteral("mongo"),
                                        QStringLiteral("mongosh"),
                                        QStringLiteral("cqlsh"),
                                        QStringLiteral("nodetool"),
                                        QStringLiteral("zkCli.sh"),
                                        QStringLiteral("zkServer.sh"),
                                        QStringLiteral("zkOk.sh"),
                                        QStringLiteral("zookeeper-ready"),
                                        QStringLiteral("kafka-topics.sh"),
                                        QStringLiteral("kafka-console-producer.sh"),
                                        QStringLiteral("kafka-console-consumer.sh"),
                                        QStringLiteral("etcdctl"),
                                        QStringLiteral("nginx"),
                                        QStringLiteral("java"),
                                        QStringLiteral("python"),
                                        QStringLiteral("python3"),
                                        QStringLiteral("node"),
                                        QStringLiteral("ps"),
                                        QStringLiteral("top"),
                                        QStringLiteral("ping"),
                                        QStringLiteral("telnet"),
                                        QStringLiteral("nc"),
                                        QStringLiteral("ncat"),
                                        QStringLiteral("netstat"),
                                        QStringLiteral("ss"),
                                        QStringLiteral("apt-get"),
                                        QStringLiteral("apt"),
                                        QStringLiteral("apk"),
                                        QStringLiteral("yum") };
    const QString base = program.section(QLatin1Char('/'), -1);
    return programs.contains(base);
}

QString realApplicationMessage(const QString &program, const QString &podName)
{
    const QString base = program.section(QLatin1Char('/'), -1);
    return ShellLine::tr("ordinal: %1 needs the application that runs in %2, and Ordinal "
                         "simulates the cluster, not the applications: pods, their order, names, "
                         "addresses and DNS are real here, the programs inside the containers "
                         "are not. Try hostname, cat /etc/hosts, cat /etc/resolv.conf or "
                         "nslookup in the pod instead.\n")
        .arg(base, podName.isEmpty() ? ShellLine::tr("the container") : podName);
}

} // namespace ordinal::core
