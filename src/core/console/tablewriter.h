#pragma once

#include "api/types.h"

namespace ordinal::core {

// kubectl's table layout: Go's text/tabwriter with minwidth 6, padding 3 and RememberWidths.
// A column is max(6, longest cell + 3) wide, the last column is not padded, and widths never
// shrink between flushes (so the rows of a watch stay aligned with the header, and a wider
// STATUS pushes later rows to the right, as in a terminal running `kubectl get pods -w`).
class TableWriter
{
public:
    // Lays out rows (the first may be the header) and returns them, one "\n"-ended line each.
    QString flush(const QList<QStringList> &rows);
    void reset() { m_widths.clear(); }

private:
    QList<int> m_widths;
};

// apimachinery duration.HumanDuration: "0s", "59s", "2m3s", "7m", "3h20m", "5d", "2y10d"...
QString humanDuration(Millis d);
// Go's time.Duration.String() for whole milliseconds: "500ms", "19s", "1m19s", "1h0m0s".
QString goDuration(Millis d);
// Parses "500ms", "30s", "5m", "1h", "1m30s" (and a bare number of seconds). -1 when invalid.
Millis parseDuration(const QString &text);
// The wall-clock date Ordinal shows for a virtual time: the simulation starts at
// 2026-01-01 00:00:00 UTC. Format as kubectl describe: "Thu, 01 Jan 2026 00:00:19 +0000".
QString describeTime(Millis t);

} // namespace ordinal::core
