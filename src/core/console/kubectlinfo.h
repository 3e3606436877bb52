#pragma once

// What `kubectl version` and `kubectl api-resources` print, built from Ordinal's own facts:
// the resource table (apijson::resourceTable()) and the version the API server reports. Pure.

#include "console/outputformat.h"

#include <nlohmann/json.hpp>

#include <QString>
#include <QStringList>

#include <optional>

namespace ordinal::core::kubectlinfo {

// The flags of `kubectl api-resources`.
struct ApiResourcesFlags
{
    QString output; // "", "wide" or "name"
    bool noHeaders = false; // --no-headers
    std::optional<bool> namespaced; // --namespaced=true|false
    std::optional<QString> apiGroup; // --api-group ("" selects the core group)
    QStringList verbs; // --verbs (all must be supported)
    QStringList categories; // --categories
    QString sortBy; // --sort-by: "", "name" or "kind"
};

// The table kubectl prints (core group first, then by group and name), or kubectl's error
// ("error: --output json is not available").
PrintResult apiResources(const ApiResourcesFlags &flags);

// The flags of `kubectl version`.
struct VersionFlags
{
    QString output; // "", "json" or "yaml"
    bool client = false;
};

// kubectl 1.33.1's own version, as `kubectl version -o json` shows it.
nlohmann::json clientVersion();
// The /version document Ordinal's API server serves.
nlohmann::json serverVersion();
// `kubectl version`: "Client Version: v1.33.1\nKustomize Version: v5.6.0\nServer Version: …";
// server is the /version document (null: print the client only, as with --client).
PrintResult version(const VersionFlags &flags, const nlohmann::json &server);

} // namespace ordinal::core::kubectlinfo
