#include "api/fielderror.h"

namespace ordinal::core {

namespace {

// field.ErrorType.String().
QString typeText(FieldErrorType type)
{
    switch (type) {
    case FieldErrorType::NotFound:
        return QStringLiteral("Not found");
    case FieldErrorType::Required:
        return QStringLiteral("Required value");
    case FieldErrorType::Duplicate:
        return QStringLiteral("Duplicate value");
    case FieldErrorType::Invalid:
        return QStringLiteral("Invalid value");
    case FieldErrorType::NotSupported:
        return QStringLiteral("Unsupported value");
    case FieldErrorType::Forbidden:
        return QStringLiteral("Forbidden");
    case FieldErrorType::TooLong:
        return QStringLiteral("Too long");
    case FieldErrorType::TooMany:
        return QStringLiteral("Too many");
    case FieldErrorType::Internal:
        return QStringLiteral("Internal error");
    }
    return {};
}

// Upstream omits the value for these types.
bool printsValue(FieldErrorType type)
{
    switch (type) {
    case FieldErrorType::Required:
    case FieldErrorType::Forbidden:
    case FieldErrorType::TooLong:
    case FieldErrorType::TooMany:
    case FieldErrorType::Internal:
        return false;
    default:
        return true;
    }
}

} // namespace

QString FieldError::body() const
{
    QString out = typeText(type);
    if (printsValue(type))
        out += QStringLiteral(": ") + value;
    if (!detail.isEmpty())
        out += QStringLiteral(": ") + detail;
    return out;
}

QString FieldError::message() const
{
    return field.isEmpty() ? body() : field + QStringLiteral(": ") + body();
}

QString FieldError::text() const
{
    if (!pos.isValid())
        return message();
    return message() + QStringLiteral(" (%1)").arg(pos.toString());
}

QString FieldError::reason() const
{
    switch (type) {
    case FieldErrorType::NotFound:
        return QStringLiteral("FieldValueNotFound");
    case FieldErrorType::Required:
        return QStringLiteral("FieldValueRequired");
    case FieldErrorType::Duplicate:
        return QStringLiteral("FieldValueDuplicate");
    case FieldErrorType::Invalid:
        return QStringLiteral("FieldValueInvalid");
    case FieldErrorType::NotSupported:
        return QStringLiteral("FieldValueNotSupported");
    case FieldErrorType::Forbidden:
        return QStringLiteral("FieldValueForbidden");
    case FieldErrorType::TooLong:
        return QStringLiteral("FieldValueTooLong");
    case FieldErrorType::TooMany:
        return QStringLiteral("FieldValueTooMany");
    case FieldErrorType::Internal:
        return QStringLiteral("InternalError");
    }
    return {};
}

QString FieldErrors::causesText() const
{
    if (errors.size() == 1)
        return errors.first().text();
    QString out;
    for (const FieldError &e : errors)
        out += QStringLiteral("\n* ") + e.text();
    return out;
}

QString FieldErrors::text() const
{
    if (errors.isEmpty())
        return {};
    // The API server's words, which kubectl prints as they are (never translated).
    return QStringLiteral("The %1 \"%2\" is invalid: ").arg(kind, name) + causesText();
}

} // namespace ordinal::core
