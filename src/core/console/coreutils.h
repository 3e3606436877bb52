#pragma once

// The text filters the tutorials pipe kubectl's output into, as GNU grep and coreutils print
// (options, output and error texts, exit statuses): grep (-v -i -c -E -F -w -x -n -o -q -e),
// egrep, head and tail (-n N, -N, -n +N, -c N), wc (-l -w -c), sort (-n -r -u -k -t; byte
// order, as LC_ALL=C), uniq (-c), cut (-d -f, -c), tr (sets, -d, -s), cat, and awk's common
// one-liners ('{print $1}', -F, NR, NF, /re/ and comparison patterns). They read only their
// input: Ordinal's console has no files, so a file argument is "No such file or directory".

#include "console/shellline.h"

#include <QString>
#include <QStringList>

namespace ordinal::core::coreutils {

// True for the programs run() implements.
bool isFilter(const QString &program);

// Runs argv (argv[0] the program) over input.
ShellResult run(const QStringList &argv, const QString &input);

} // namespace ordinal::core::coreutils
