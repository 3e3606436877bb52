#pragma once

// metav1.Status: how the API server reports a failed request, and the one place that words
// the statuses Ordinal returns (reasons, codes and messages as kube-apiserver writes them, so
// that the real kubectl prints exactly what it prints against a real cluster).

#include <QList>
#include <QString>

namespace ordinal::core {

// metav1.StatusCause: one field's problem ("spec.replicas", "Invalid value: -1: must be ...").
struct StatusCause
{
    QString reason; // FieldValueInvalid, FieldValueRequired, ...
    QString message;
    QString field;
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
    QString printed; // kubectl's rendering when it is known exactly (see invalid())

    bool ok() const { return code < 400; }
    // What kubectl prints for this status: "Error from server (NotFound): pods \"x\" not
    // found"; for Invalid, "The StatefulSet \"web\" is invalid: field: ..." from the causes
    // (or the admission text it was made from, with the manifest positions Ordinal adds).
    QString kubectlText() const;

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
    // An Invalid status from the text Admission returns ("The StatefulSet \"web\" is invalid:
    // spec.replicas: Invalid value: -1: ..." with one "* field: body" line per cause); the
    // positions Ordinal appends for manifests are dropped, the API has no file.
    static ApiStatus invalid(const QString &kind, const QString &group, const QString &name,
                             const QString &admissionText);
};

} // namespace ordinal::core
