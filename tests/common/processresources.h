// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the leak tests count: this process's threads and open descriptors, from /proc.

#include <QDir>
#include <QString>

namespace wirelab::test {

// Entries of a /proc directory ("/proc/self/fd", "/proc/self/task"); -1 if it cannot be read.
inline int countEntries(const char *directory)
{
    const QDir dir(QString::fromLatin1(directory));
    if (!dir.exists())
        return -1;
    return int(dir.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System).size());
}

inline int openFdCount() { return countEntries("/proc/self/fd"); }
inline int threadCount() { return countEntries("/proc/self/task"); }

} // namespace wirelab::test
