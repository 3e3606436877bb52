#pragma once

// The three patch types the Kubernetes API server accepts on PATCH, applied to an object's JSON
// (as apijson::toJson writes it). Pure functions in namespace ordinal::core::apijson.
//
//   Json            application/json-patch+json            RFC 6902, with the lenient rules of
//                                                          the evanphx/json-patch v4 library the
//                                                          API server uses (replace of a missing
//                                                          map key adds it, negative indices)
//   Merge           application/merge-patch+json           RFC 7386
//   StrategicMerge  application/strategic-merge-patch+json lists merged by the patch merge keys
//                                                          of the k8s.io/api struct tags, and the
//                                                          directives $patch, $retainKeys,
//                                                          $setElementOrder/<f>,
//                                                          $deleteFromPrimitiveList/<f>
//
// Errors carry the API server's HTTP status and texts. For a JSON patch whose operation fails
// (a failed test, a missing path) the API server answers 422 with the generic message "the
// server rejected our request due to an error in our request" (kubectl prints "The request is
// invalid: ...") and the library's text as the only cause (details.causes[0].message, type
// "UnexpectedServerResponse"); PatchResult keeps both.

#include "cluster/store.h"

#include <QByteArray>

#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace ordinal::core::apijson {

enum class PatchType { Json, Merge, StrategicMerge };

// The Content-Type of a patch type, and back (std::nullopt for another media type; a
// "; charset=utf-8" suffix is ignored).
QString contentType(PatchType type);
std::optional<PatchType> patchTypeFromContentType(const QString &contentType);

struct PatchResult
{
    bool ok = false;
    nlohmann::json document; // the patched object when ok
    QString error;           // Status.message, in kube-apiserver's words
    int code = 0;            // Status.code: 400 BadRequest, 422 Invalid, 500 InternalError
    QString cause;           // details.causes[0].message when the API server sends one
};

// Applies patch to original (an object of the given kind; the kind picks the strategic merge
// keys). Does not validate the result against the type; decode and admit it afterwards.
PatchResult applyPatch(const nlohmann::json &original, const QByteArray &patch, PatchType type,
                       ObjectKind kind);

// The first syntax error of text as Go's encoding/json words it ("invalid character 'x'
// looking for beginning of value", "unexpected end of JSON input"), or "" when text is valid
// JSON.
QString goJsonSyntaxError(const QByteArray &text);

} // namespace ordinal::core::apijson
