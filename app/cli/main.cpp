// SPDX-License-Identifier: GPL-3.0-or-later
// wirelab-cli: runs labs headless and reads capture files. The contract (commands, output, exit codes)
// is in DESIGN.md's "CLI contract"; tests and teachers' scripts depend on it.

#include "clicommands.h"

#include "lab/labregistry.h"
#include "labs.h"

#include <QCoreApplication>

#include <cstdio>

#ifndef WIRELAB_VERSION
#define WIRELAB_VERSION "0.1.0"
#endif

namespace wirelab::cli {

void printError(const QString &sentence)
{
    const QByteArray text = sentence.toLocal8Bit();
    std::fprintf(stderr, "%s\n", text.constData());
}

namespace {

void printUsage()
{
    const QString usage = QCoreApplication::translate(
        "Cli",
        "Usage: wirelab-cli <command> [arguments]\n"
        "\n"
        "Commands:\n"
        "  list                        one lab per line: <id><TAB><title>\n"
        "  run <lab-id> [--set key=value]... [--out capture.pcapng] [--events events.jsonl]\n"
        "               [--network sandbox|host] [--timeout-s N]\n"
        "                              runs every step of the lab headless and prints one line per\n"
        "                              checkpoint: PASS or FAIL with the evidence; exit 0 only if all pass.\n"
        "                              --timeout-s is how long each step may take to pass (default 10).\n"
        "                              --out writes pcapng; TLS keys the lab logged go into its Decryption\n"
        "                              Secrets Block, so Wireshark shows the records decrypted.\n"
        "                              --network: sandbox (the lab network: private namespaces, no capture\n"
        "                              rights needed) or host (127.0.0.1 and libpcap); default: sandbox when\n"
        "                              available. Steps that need the lab network print SKIP in host mode.\n"
        "  summary <capture>           one line per packet: number, time, source, destination, protocol,\n"
        "                              length, info (like tshark's default output)\n"
        "  info <capture>              packet count, duration, link type, first and last timestamp\n"
        "  help [<lab-id>]             this text, or the parameters --set accepts for one lab\n"
        "  --version                   the version\n"
        "\n"
        "Exit codes: 0 ok, 1 a checkpoint or the work failed, 2 bad usage or unreadable input.\n");
    const QByteArray text = usage.toLocal8Bit();
    std::fputs(text.constData(), stdout);
}

} // namespace
} // namespace wirelab::cli

int main(int argc, char *argv[])
{
    using namespace wirelab::cli;
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("wirelab-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WIRELAB_VERSION));

    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    if (args.isEmpty()) {
        printError(QCoreApplication::translate(
            "Cli", "No command given; run `wirelab-cli --help` to see the commands."));
        return ExitUsage;
    }
    const QString command = args.takeFirst();
    if (command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help")) {
        if (!args.isEmpty())
            return labHelpCommand(args.first());
        printUsage();
        return ExitOk;
    }
    if (command == QLatin1String("--version") || command == QLatin1String("version")) {
        std::printf("wirelab-cli %s\n", WIRELAB_VERSION);
        return ExitOk;
    }
    if (command == QLatin1String("list")) {
        if (!args.isEmpty()) {
            printError(
                QCoreApplication::translate("Cli", "list takes no arguments; run `wirelab-cli list`."));
            return ExitUsage;
        }
        return listCommand();
    }
    if (command == QLatin1String("run"))
        return runCommand(args);
    if (command == QLatin1String("summary"))
        return summaryCommand(args);
    if (command == QLatin1String("info"))
        return infoCommand(args);
    printError(QCoreApplication::translate(
                   "Cli", "There is no command \"%1\"; run `wirelab-cli --help` to see the commands.")
                   .arg(command));
    return ExitUsage;
}
