#pragma once

// metav1.Status: how the API server reports a failed request, and the one place that words
// the statuses Ordinal returns (reasons, codes and messages as kube-apiserver writes them, so
// that the real kubectl prints exactly what it prints against a real cluster).

#include "api/fielderror.h"

#include <QList>
#include <QString>

#include <utility>

namespace ordinal::core {

// metav1.StatusCause: one field's problem ("spec.replicas", "Invalid value: -1: must be ...").
struct StatusCause
{
    QString reason; // FieldValueInvalid, FieldValueRequired, ...
    QString message;
    QString field;
    // Where the field was written, when the request came from a manifest (Ordinal's own; the
    // API never sends it).
    SourcePos pos;
};

struct ApiStatus
{
    int code = 200;
    QString reason;  // NotFound, AlreadyExists, Conflict, Invalid, BadRequest, ...
    QString message;
    // details
    QString name;
    QString group;
    QString kind; // the resource's plural for most reasons, the Kind for Invalid
    QList<StatusCause> causes;
    QString printed; // kubectl's rendering when it is known exactly (see invalid(), inFile())
    // Where the problem was written, when the request came from a manifest and no cause
    // says better (a namespace that does not exist); never sent.
    SourcePos pos;

    bool ok() const { return code < 400; }
    // What kubectl prints for this status: "Error from server (NotFound): pods \"x\" not
    // found"; for Invalid, "The StatefulSet \"web\" is invalid: field: ..." from the causes
    // (with the manifest positions Ordinal adds, when it came from a manifest).
    QString kubectlText() const;
    // What an editor marks: one message per cause of an Invalid status ("The StatefulSet
    // \"web\" is invalid: spec.replicas: Invalid value: -1: ...") at the cause's position, or
    // the whole kubectlText() at pos; without Ordinal's position suffix.
    QList<std::pair<SourcePos, QString>> locatedMessages() const;
    // The status of a request kubectl made for an object of a file: kubectl words it
    // "Error from server (NotFound): error when creating \"web.yaml\": <message>", and
    // Ordinal adds the position. operation: "creating", "retrieving current configuration of".
    // Invalid statuses keep their own wording, as kubectl prints them.
    ApiStatus inFile(const QString &operation, const QString &file, const SourcePos &at) const;

    // "pods \"web-9\" not found"; resource is the plural, group empty for the core group.
    static ApiStatus notFound(const QString &resource, const QString &group, const QString &name);
    static ApiStatus alreadyExists(const QString &resource, const QString &group,
                                   const QString &name);
    // A stale resourceVersion on update.
    static ApiStatus conflict(const QString &resource, const QString &group, const QString &name);
    static ApiStatus badRequest(const QString &message);
    static ApiStatus forbidden(const QString &message);
    static ApiStatus methodNotAllowed(const QString &message);
    static ApiStatus unsupportedMediaType(const QString &contentType);
    static ApiStatus tooLarge(const QString &message);
    static ApiStatus unauthorized();
    static ApiStatus gone(const QString &message);
    static ApiStatus tooManyRequests(const QString &message);
    static ApiStatus internalError(const QString &message);
    // The Invalid status of an object's field errors: a cause per error; the message holds no
    // manifest positions (the API has no file), kubectlText() does.
    static ApiStatus invalid(const QString &group, const FieldErrors &errors);
};

} // namespace ordinal::core
