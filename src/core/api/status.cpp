#include "api/status.h"

#include <QRegularExpression>
#include <QStringList>

namespace ordinal::core {

namespace {

ApiStatus make(int code, const QString &reason, const QString &message)
{
    ApiStatus status;
    status.code = code;
    status.reason = reason;
    status.message = message;
    return status;
}

// "statefulsets.apps", as the API server qualifies a resource in its messages.
QString qualified(const QString &resource, const QString &group)
{
    return group.isEmpty() ? resource : resource + QLatin1Char('.') + group;
}

ApiStatus withDetails(ApiStatus status, const QString &resource, const QString &group,
                      const QString &name)
{
    status.kind = resource;
    status.group = group;
    status.name = name;
    return status;
}

// field.ErrorType's reason for a cause, from the body's leading words.
QString causeReason(const QString &body)
{
    static const QList<std::pair<QLatin1String, QLatin1String>> reasons = {
        {QLatin1String("Invalid value"), QLatin1String("FieldValueInvalid")},
        {QLatin1String("Required value"), QLatin1String("FieldValueRequired")},
        {QLatin1String("Unsupported value"), QLatin1String("FieldValueNotSupported")},
        {QLatin1String("Forbidden"), QLatin1String("FieldValueForbidden")},
        {QLatin1String("Duplicate value"), QLatin1String("FieldValueDuplicate")},
        {QLatin1String("Not found"), QLatin1String("FieldValueNotFound")},
        {QLatin1String("Too long"), QLatin1String("FieldValueTooLong")},
        {QLatin1String("Too many"), QLatin1String("FieldValueTooMany")},
    };
    for (const auto &[prefix, reason] : reasons) {
        if (body.startsWith(prefix))
            return reason;
    }
    return QStringLiteral("FieldValueInvalid");
}

} // namespace

ApiStatus ApiStatus::notFound(const QString &resource, const QString &group, const QString &name)
{
    return withDetails(make(404, QStringLiteral("NotFound"),
                            QStringLiteral("%1 \"%2\" not found")
                                .arg(qualified(resource, group), name)),
                       resource, group, name);
}

ApiStatus ApiStatus::alreadyExists(const QString &resource, const QString &group,
                                   const QString &name)
{
    return withDetails(make(409, QStringLiteral("AlreadyExists"),
                            QStringLiteral("%1 \"%2\" already exists")
                                .arg(qualified(resource, group), name)),
                       resource, group, name);
}

ApiStatus ApiStatus::conflict(const QString &resource, const QString &group, const QString &name)
{
    return withDetails(make(409, QStringLiteral("Conflict"),
                            QStringLiteral("Operation cannot be fulfilled on %1 \"%2\": the object "
                                           "has been modified; please apply your changes to the "
                                           "latest version and try again")
                                .arg(qualified(resource, group), name)),
                       resource, group, name);
}

ApiStatus ApiStatus::badRequest(const QString &message)
{
    return make(400, QStringLiteral("BadRequest"), message);
}

ApiStatus ApiStatus::forbidden(const QString &message)
{
    return make(403, QStringLiteral("Forbidden"), message);
}

ApiStatus ApiStatus::methodNotAllowed(const QString &message)
{
    return make(405, QStringLiteral("MethodNotAllowed"), message);
}

ApiStatus ApiStatus::unsupportedMediaType(const QString &contentType)
{
    return make(415, QStringLiteral("UnsupportedMediaType"),
                QStringLiteral("the body of the request was in an unknown format - accepted "
                               "media types include: application/json, application/yaml, "
                               "application/json-patch+json, application/merge-patch+json, "
                               "application/strategic-merge-patch+json (got \"%1\")")
                    .arg(contentType));
}

ApiStatus ApiStatus::tooLarge(const QString &message)
{
    return make(413, QStringLiteral("RequestEntityTooLarge"), message);
}

ApiStatus ApiStatus::unauthorized()
{
    return make(401, QStringLiteral("Unauthorized"), QStringLiteral("Unauthorized"));
}

ApiStatus ApiStatus::gone(const QString &message)
{
    return make(410, QStringLiteral("Expired"), message);
}

ApiStatus ApiStatus::tooManyRequests(const QString &message)
{
    return make(429, QStringLiteral("TooManyRequests"), message);
}

ApiStatus ApiStatus::internalError(const QString &message)
{
    return make(500, QStringLiteral("InternalError"), message);
}

ApiStatus ApiStatus::invalid(const QString &kind, const QString &group, const QString &name,
                             const QString &admissionText)
{
    // Admission words its result as kubectl prints it; the API sends the same causes
    // structured, and kubectl composes them back into that line.
    static const QRegularExpression position(QStringLiteral(R"( \([^()]*:\d+:\d+\)$)"));
    const QString head = QStringLiteral("The %1 \"%2\" is invalid: ").arg(kind, name);
    QString body = admissionText.startsWith(head) ? admissionText.mid(head.size()) : admissionText;
    QStringList lines = body.startsWith(QLatin1Char('\n'))
        ? body.mid(1).split(QLatin1Char('\n'))
        : QStringList{body};
    ApiStatus status = make(422, QStringLiteral("Invalid"), QString());
    QStringList messages;
    for (QString line : lines) {
        if (line.startsWith(QLatin1String("* ")))
            line = line.mid(2);
        line.remove(position);
        StatusCause cause;
        const int colon = line.indexOf(QLatin1String(": "));
        if (colon > 0 && !line.left(colon).contains(QLatin1Char(' '))) {
            cause.field = line.left(colon);
            cause.message = line.mid(colon + 2);
        } else {
            cause.message = line;
        }
        cause.reason = causeReason(cause.message);
        status.causes << cause;
        messages << line;
    }
    const QString qualifiedKind = group.isEmpty() ? kind : kind + QLatin1Char('.') + group;
    status.message = messages.size() == 1
        ? QStringLiteral("%1 \"%2\" is invalid: %3").arg(qualifiedKind, name, messages.first())
        : QStringLiteral("%1 \"%2\" is invalid: [%3]")
              .arg(qualifiedKind, name, messages.join(QStringLiteral(", ")));
    status.kind = kind;
    status.group = group;
    status.name = name;
    status.printed = admissionText;
    return status;
}

QString ApiStatus::kubectlText() const
{
    if (!printed.isEmpty())
        return printed;
    if (reason == QLatin1String("Invalid")) {
        // kubectl's checkErr: the kind and name, then the causes (one line, or a list).
        const QString head = kind.isEmpty() || name.isEmpty()
            ? QStringLiteral("The request is invalid: ")
            : QStringLiteral("The %1 \"%2\" is invalid: ").arg(kind, name);
        const auto line = [](const StatusCause &c) {
            return c.field.isEmpty() ? c.message : c.field + QStringLiteral(": ") + c.message;
        };
        if (causes.size() == 1)
            return head + line(causes.first());
        QString out = head;
        for (const StatusCause &cause : causes)
            out += QStringLiteral("\n* ") + line(cause);
        return causes.isEmpty() ? head + message : out;
    }
    return QStringLiteral("Error from server (%1): %2").arg(reason, message);
}

} // namespace ordinal::core
