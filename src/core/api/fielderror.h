#pragma once

// field.Error and field.ErrorList (k8s.io/apimachinery/pkg/util/validation/field): what the API
// server's validation finds wrong with one field, kept as data so that every front end can use
// it — the console prints kubectl's text, the API server sends metav1.StatusCauses, the YAML
// panel marks the line and column.

#include "api/types.h"

#include <QList>
#include <QString>

namespace ordinal::core {

// field.ErrorType.
enum class FieldErrorType {
    NotFound,
    Required,
    Duplicate,
    Invalid,
    NotSupported,
    Forbidden,
    TooLong,
    TooMany,
    Internal,
};

struct FieldError
{
    FieldErrorType type = FieldErrorType::Invalid;
    QString field; // "spec.replicas", "spec.template.spec.containers[0].image"
    QString value; // the bad value as upstream prints it (Go's %q / %#v); types that print
                   // no value (Required, Forbidden, TooLong, TooMany, Internal) leave it empty
    QString detail; // "must be greater than or equal to 0"
    SourcePos pos; // where the field was written, when a manifest says

    // ErrorBody(): "Invalid value: -1: must be greater than or equal to 0".
    QString body() const;
    // "spec.replicas: Invalid value: -1: ..." (Error() without a position).
    QString message() const;
    // message() followed by Ordinal's " (file:line:column)" when the position is known.
    QString text() const;
    // metav1.CauseType: "FieldValueInvalid", "FieldValueRequired", ...
    QString reason() const;
};

// One object's errors: an Invalid status before it is worded.
struct FieldErrors
{
    QString kind; // "StatefulSet"
    QString name;
    QList<FieldError> errors;

    bool isEmpty() const { return errors.isEmpty(); }
    // kubectl's rendering of the Invalid status (cmdutil.checkErr with MultilineError):
    //   The StatefulSet "web" is invalid: spec.replicas: Invalid value: -1: ... (web.yaml:9:13)
    // or, with several errors, one "\n* field: body (position)" line each. Empty when there
    // are no errors.
    QString text() const;
    // The same without the "The Kind \"name\" is invalid: " lead.
    QString causesText() const;
};

} // namespace ordinal::core
