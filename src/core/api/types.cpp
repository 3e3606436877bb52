#include "api/types.h"

#include <QRegularExpression>

namespace ordinal::core {

QString SourcePos::toString() const
{
    if (line <= 0)
        return file;
    return QStringLiteral("%1:%2:%3").arg(file).arg(line).arg(column);
}

const OwnerReference *ObjectMeta::controllerRef() const
{
    for (const OwnerReference &ref : ownerReferences) {
        if (ref.controller)
            return &ref;
    }
    return nullptr;
}

bool LabelSelector::matchesLabels(const QMap<QString, QString> &required,
                                  const QMap<QString, QString> &labels)
{
    for (auto it = required.cbegin(); it != required.cend(); ++it) {
        const auto found = labels.constFind(it.key());
        if (found == labels.cend() || found.value() != it.value())
            return false;
    }
    return true;
}

bool LabelSelector::matches(const QMap<QString, QString> &labels) const
{
    if (!matchesLabels(matchLabels, labels))
        return false;
    for (const LabelSelectorRequirement &req : matchExpressions) {
        const bool has = labels.contains(req.key);
        const QString value = labels.value(req.key);
        if (req.op == QLatin1String("In")) {
            if (!has || !req.values.contains(value))
                return false;
        } else if (req.op == QLatin1String("NotIn")) {
            if (has && req.values.contains(value))
                return false;
        } else if (req.op == QLatin1String("Exists")) {
            if (!has)
                return false;
        } else if (req.op == QLatin1String("DoesNotExist")) {
            if (has)
                return false;
        } else {
            return false;
        }
    }
    return true;
}

QString LabelSelector::toString() const
{
    QStringList parts;
    for (auto it = matchLabels.cbegin(); it != matchLabels.cend(); ++it)
        parts << it.key() + QLatin1Char('=') + it.value();
    for (const LabelSelectorRequirement &req : matchExpressions) {
        if (req.op == QLatin1String("In"))
            parts << QStringLiteral("%1 in (%2)").arg(req.key, req.values.join(QLatin1Char(',')));
        else if (req.op == QLatin1String("NotIn"))
            parts << QStringLiteral("%1 notin (%2)").arg(req.key,
                                                         req.values.join(QLatin1Char(',')));
        else if (req.op == QLatin1String("Exists"))
            parts << req.key;
        else
            parts << QLatin1Char('!') + req.key;
    }
    return parts.join(QLatin1Char(','));
}

std::optional<LabelSelector> LabelSelector::parse(const QString &text, QString *error)
{
    LabelSelector selector;
    // Split on commas that are not inside parentheses.
    QStringList terms;
    int depth = 0;
    QString current;
    for (const QChar c : text) {
        if (c == QLatin1Char('('))
            ++depth;
        else if (c == QLatin1Char(')'))
            --depth;
        if (c == QLatin1Char(',') && depth == 0) {
            terms << current;
            current.clear();
        } else {
            current += c;
        }
    }
    terms << current;

    static const QRegularExpression setRe(
        QStringLiteral(R"(^\s*([A-Za-z0-9./_-]+)\s+(in|notin)\s*\(([^)]*)\)\s*$)"));
    static const QRegularExpression eqRe(
        QStringLiteral(R"(^\s*([A-Za-z0-9./_-]+)\s*(==|=|!=)\s*([A-Za-z0-9._-]*)\s*$)"));
    static const QRegularExpression keyRe(QStringLiteral(R"(^\s*(!?)\s*([A-Za-z0-9./_-]+)\s*$)"));
    for (const QString &term : std::as_const(terms)) {
        if (term.trimmed().isEmpty()) {
            if (terms.size() == 1)
                return selector;
            if (error)
                *error = QStringLiteral("found ',', expected: identifier");
            return std::nullopt;
        }
        if (auto m = setRe.match(term); m.hasMatch()) {
            LabelSelectorRequirement req;
            req.key = m.captured(1);
            req.op = m.captured(2) == QLatin1String("in") ? QStringLiteral("In")
                                                            : QStringLiteral("NotIn");
            for (const QString &v : m.captured(3).split(QLatin1Char(',')))
                req.values << v.trimmed();
            selector.matchExpressions << req;
        } else if (auto m = eqRe.match(term); m.hasMatch()) {
            if (m.captured(2) == QLatin1String("!=")) {
                selector.matchExpressions << LabelSelectorRequirement{
                    m.captured(1), QStringLiteral("NotIn"), {m.captured(3)}};
            } else {
                selector.matchLabels.insert(m.captured(1), m.captured(3));
            }
        } else if (auto m = keyRe.match(term); m.hasMatch()) {
            selector.matchExpressions << LabelSelectorRequirement{
                m.captured(2),
                m.captured(1).isEmpty() ? QStringLiteral("Exists") : QStringLiteral("DoesNotExist"),
                {}};
        } else {
            if (error)
                *error = QStringLiteral("unable to parse requirement: %1").arg(term.trimmed());
            return std::nullopt;
        }
    }
    return selector;
}

QString Taint::toString() const
{
    QString s = key;
    if (!value.isEmpty())
        s += QLatin1Char('=') + value;
    return s + QLatin1Char(':') + effect;
}

QString toString(PodPhase phase)
{
    switch (phase) {
    case PodPhase::Pending:
        return QStringLiteral("Pending");
    case PodPhase::Running:
        return QStringLiteral("Running");
    case PodPhase::Succeeded:
        return QStringLiteral("Succeeded");
    case PodPhase::Failed:
        return QStringLiteral("Failed");
    case PodPhase::Unknown:
        break;
    }
    return QStringLiteral("Unknown");
}

const PodCondition *PodStatus::condition(const QString &type) const
{
    for (const PodCondition &c : conditions) {
        if (c.type == type)
            return &c;
    }
    return nullptr;
}

void PodStatus::setCondition(const QString &type, const QString &status, Millis now,
                             const QString &reason, const QString &message)
{
    for (PodCondition &c : conditions) {
        if (c.type == type) {
            if (c.status != status)
                c.lastTransitionTime = now;
            c.status = status;
            c.reason = reason;
            c.message = message;
            return;
        }
    }
    conditions.append(PodCondition{type, status, now, reason, message});
}

bool Pod::isReady() const
{
    const PodCondition *c = status.condition(QStringLiteral("Ready"));
    return c && c->status == QLatin1String("True");
}

bool Pod::isRunningAndReady() const
{
    return status.phase == PodPhase::Running && isReady();
}

bool Pod::isAvailable(int minReadySeconds, Millis now) const
{
    if (!isRunningAndReady())
        return false;
    if (minReadySeconds <= 0)
        return true;
    const PodCondition *c = status.condition(QStringLiteral("Ready"));
    return c->lastTransitionTime + minReadySeconds * kSecond <= now;
}

int Pod::readyContainers() const
{
    int n = 0;
    for (const ContainerStatus &cs : status.containerStatuses)
        n += cs.ready ? 1 : 0;
    return n;
}

int Pod::restarts() const
{
    int n = 0;
    for (const ContainerStatus &cs : status.containerStatuses)
        n += cs.restartCount;
    return n;
}

QString Node::readyStatus() const
{
    for (const NodeCondition &c : conditions) {
        if (c.type == QLatin1String("Ready"))
            return c.status;
    }
    return QStringLiteral("Unknown");
}

QString Node::roles() const
{
    QStringList roles;
    const QString prefix = QStringLiteral("node-role.kubernetes.io/");
    for (auto it = metadata.labels.cbegin(); it != metadata.labels.cend(); ++it) {
        if (it.key().startsWith(prefix) && it.key().size() > prefix.size())
            roles << it.key().mid(prefix.size());
    }
    return roles.isEmpty() ? QStringLiteral("<none>") : roles.join(QLatin1Char(','));
}

QString objectKey(const QString &namespaceName, const QString &name)
{
    if (namespaceName.isEmpty())
        return name;
    QString key;
    key.reserve(namespaceName.size() + 1 + name.size());
    key.append(namespaceName).append(QLatin1Char('/')).append(name);
    return key;
}

} // namespace ordinal::core
