#include "api/status.h"

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

ApiStatus ApiStatus::invalid(const QString &group, const FieldErrors &errors)
{
    ApiStatus status = make(422, QStringLiteral("Invalid"), QString());
    QStringList messages;
    for (const FieldError &error : errors.errors) {
        status.causes << StatusCause { error.reason(), error.body(), error.field, error.pos };
        messages << error.message();
    }
    const QString qualifiedKind
        = group.isEmpty() ? errors.kind : errors.kind + QLatin1Char('.') + group;
    status.message = messages.size() == 1
        ? QStringLiteral("%1 \"%2\" is invalid: %3")
              .arg(qualifiedKind, errors.name, messages.first())
        : QStringLiteral("%1 \"%2\" is invalid: [%3]")
              .arg(qualifiedKind, errors.name, messages.join(QStringLiteral(", ")));
    status.kind = errors.kind;
    status.group = group;
    status.name = errors.name;
    status.printed = errors.text();
    return status;
}

ApiStatus ApiStatus::inFile(const QString &operation, const QString &file,
                            const SourcePos &at) const
{
    ApiStatus status = *this;
    status.pos = at;
    if (reason == QLatin1String("Invalid"))
        return status;
    status.printed = QStringLiteral("Error from server (%1): error when %2 \"%3\": %4")
                         .arg(reason, operation, file, message);
    if (at.isValid())
        status.printed += QStringLiteral(" (%1)").arg(at.toString());
    return status;
}

namespace {

// kubectl's checkErr for an Invalid status: the kind and name, then the causes.
QString invalidHead(const ApiStatus &status)
{
    return status.kind.isEmpty() || status.name.isEmpty()
        ? QStringLiteral("The request is invalid: ")
        : QStringLiteral("The %1 \"%2\" is invalid: ").arg(status.kind, status.name);
}

QString causeLine(const StatusCause &cause)
{
    return cause.field.isEmpty() ? cause.message
                                 : cause.field + QStringLiteral(": ") + cause.message;
}

} // namespace

QList<std::pair<SourcePos, QString>> ApiStatus::locatedMessages() const
{
    QList<std::pair<SourcePos, QString>> out;
    if (reason == QLatin1String("Invalid") && !causes.isEmpty()) {
        for (const StatusCause &cause : causes)
            out.append({ cause.pos, invalidHead(*this) + causeLine(cause) });
        return out;
    }
    QString text = kubectlText();
    const QString suffix = QStringLiteral(" (%1)").arg(pos.toString());
    if (pos.isValid() && text.endsWith(suffix))
        text.chop(suffix.size());
    out.append({ pos, text });
    return out;
}

QString ApiStatus::kubectlText() const
{
    if (!printed.isEmpty())
        return printed;
    if (reason == QLatin1String("Invalid")) {
        // One cause on the line, or a list of them.
        const QString head = invalidHead(*this);
        if (causes.size() == 1)
            return head + causeLine(causes.first());
        QString out = head;
        for (const StatusCause &cause : causes)
            out += QStringLiteral("\n* ") + causeLine(cause);
        return causes.isEmpty() ? head + message : out;
    }
    return QStringLiteral("Error from server (%1): %2").arg(reason, message);
}

} // namespace ordinal::core
