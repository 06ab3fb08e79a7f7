// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The commands of wirelab-cli. Each returns the process exit code: 0 ok, 1 a checkpoint or the work
// failed, 2 bad usage or unreadable input. Errors go to stderr as one plain sentence that says what to do.

#include <QString>
#include <QStringList>

namespace wirelab::cli {

enum ExitCode
{
    ExitOk = 0,
    ExitFailed = 1,
    ExitUsage = 2
};

// Writes one sentence (and a newline) to stderr.
void printError(const QString &sentence);

int listCommand();
int runCommand(const QStringList &args);
int summaryCommand(const QStringList &args);
int infoCommand(const QStringList &args);
// The parameters of one lab, for `wirelab-cli help <lab-id>`.
int labHelpCommand(const QString &labId);

} // namespace wirelab::cli
