#pragma once

#include "api/types.h"
#include "cluster/store.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace ordinal::core {

// One object decoded from a manifest, before admission (no defaults applied yet).
struct ManifestObject
{
    ObjectKind kind = ObjectKind::Pod;
    AnyObject object;
    SourcePos pos; // the start of the object's document (or List item)
};

// A document that could not be decoded. The message is the whole line kubectl would print
// (including its "error: " / "Error from server (...): " prefix), followed by Ordinal's
// position suffix " (file:line:column)".
struct ManifestError
{
    SourcePos pos;
    QString message;
};

struct LoadResult
{
    QList<ManifestObject> objects;
    QList<ManifestError> errors;
    QStringList warnings; // skipped objects (unknown kind), in kubectl's words plus a position

    bool ok() const { return errors.isEmpty(); }
};

// Reads Kubernetes manifests the way `kubectl apply -f` does: YAML or JSON, several documents
// separated by `---`, `kind: List` (and `<Kind>List`) with `items`, and a folder's .yaml, .yml
// and .json files sorted by name (not recursive). Kinds: Service, StatefulSet, Pod, Node,
// Namespace, PersistentVolumeClaim; any other kind (or a known kind in the wrong apiVersion)
// fails with kubectl's "no matches for kind" text.
//
// Decoding follows the API server's JSON rules: YAML 1.1 scalars as sigs.k8s.io/yaml resolves
// them (so an unquoted `on` is a bool and `1.0` a number), type mismatches reported as
// `json: cannot unmarshal ...`, quantities checked against the Kubernetes quantity grammar.
// Every decoded field's position goes into metadata.fieldSources ("spec.replicas",
// "spec.template.spec.containers[0].image", ...), the object's start into metadata.source.
//
// Message forms (all positions 1-based, relative to the file, not to the document):
//   error: error parsing web.yaml: error converting YAML to JSON: yaml: line 7: <go-yaml text>
//   (web.yaml:7:12) Error from server (BadRequest): error when creating "web.yaml": StatefulSet in
//   version "v1"
//       cannot be handled as a StatefulSet: json: cannot unmarshal string into Go struct field
//       StatefulSetSpec.spec.replicas of type int32 (web.yaml:9:13)
//   error: error validating "web.yaml": error validating data: kind not set; if you choose to
//       ignore these errors, turn validation off with --validate=false (web.yaml:1:1)
//   error: the path "x.yaml" does not exist
// kubectl numbers lines per document; Ordinal numbers them per file so line and column agree.
//
// loadText returns no objects at all when any document fails: a failed apply changes nothing.
class ManifestLoader
{
    Q_DECLARE_TR_FUNCTIONS(ManifestLoader)

public:
    // The most one manifest file may hold: the API server's request limit (3 MiB). Larger
    // files, devices, FIFOs and sockets are refused before they are parsed.
    static constexpr qint64 kMaxFileBytes = 3 * 1024 * 1024;
    // The most one object may take: etcd's default --max-request-bytes (1.5 MiB), which the API
    // server meets when it stores the object. Ordinal measures the object's text in the file
    // (its YAML or JSON), where the API server's storage measures its protobuf encoding.
    static constexpr qsizetype kMaxObjectBytes = 1536 * 1024;
    // The most objects one apply may decode (see also Simulation::objectBudget).
    static constexpr qsizetype kMaxObjectsPerFile = 10000;

    // A file, or a folder (its .yaml/.yml/.json files, sorted by name, not recursive). The path
    // is used as written in messages ("manifests/web.yaml").
    static LoadResult loadPath(const QString &path);
    // fileName names the text in messages and positions.
    static LoadResult loadText(const QByteArray &text, const QString &fileName);
    // Reads a manifest file within the limits above: a regular file of at most kMaxFileBytes,
    // opened without blocking. On failure, error holds the whole message line ("error: ...").
    static bool readFile(const QString &path, QByteArray *bytes, QString *error);

private:
    static QString tooLarge(const QString &fileName, qint64 size);
};

} // namespace ordinal::core
