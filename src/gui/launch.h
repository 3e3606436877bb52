#pragma once

#include "cluster/clusterconfig.h"

#include <QString>
#include <QStringList>

#include <optional>

class QApplication;

namespace ordinal::gui {

// What the command line asks the desktop application to do (console.md, "Command line").
struct LaunchOptions
{
    core::ClusterConfig cluster = core::ClusterConfig::defaultCluster();
    QStringList manifests;             // files or folders, applied at t=0
    bool lesson = false;               // open the built-in lesson
    QString screenshotPath;            // --screenshot FILE.png
    std::optional<core::Millis> at;    // --at DURATION (default: until settled)
    QString serveDnsAddress;           // --serve-dns: empty when not serving
    quint16 serveDnsPort = 0;
    QString serveApiAddress;           // --serve-api: empty when not serving
    quint16 serveApiPort = 0;
    bool selfTest = false;             // --self-test: smoke run, exit status says whether it passed
    QStringList kubeconfigFiles;       // --kubeconfig: empty when not showing a live cluster
    QString kubeContext;               // --context (empty: current-context)
    QString kubeNamespace;             // --namespace (empty: all)
    bool allowChanges = false;         // --allow-changes
};

// Runs the main window until it closes; returns the process exit status.
int run(QApplication &app, const LaunchOptions &options);

} // namespace ordinal::gui
