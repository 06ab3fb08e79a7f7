// SPDX-License-Identifier: GPL-3.0-or-later
// `wirelab-cli info <capture>`: what the file holds (count, duration, link type, first and last time,
// format) and what it costs in the packet store (bytes of overhead per packet beyond the raw bytes).

#include "clicommands.h"

#include "capture/capturefile.h"
#include "capture/capturereader.h"
#include "store/packetstore.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <cstdio>
#include <ctime>

namespace wirelab::cli {

namespace {

// ISO 8601 in UTC with nanoseconds: 2026-11-27T22:40:01.123456789Z.
QString isoTime(std::int64_t ns)
{
    std::int64_t seconds = ns / 1000000000;
    std::int64_t fraction = ns % 1000000000;
    if (fraction < 0) { // floor division for times before 1970
        fraction += 1000000000;
        --seconds;
    }
    const std::time_t t = std::time_t(seconds);
    std::tm tm{};
    if (!gmtime_r(&t, &tm))
        return QStringLiteral("?");
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%09lldZ", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<long long>(fraction));
    return QString::fromLatin1(buf);
}

QString seconds(std::int64_t ns)
{
    char buf[48];
    const std::uint64_t magnitude = ns < 0 ? std::uint64_t(-(ns + 1)) + 1 : std::uint64_t(ns);
    std::snprintf(buf, sizeof buf, "%s%llu.%09llu", ns < 0 ? "-" : "",
                  static_cast<unsigned long long>(magnitude / 1000000000),
                  static_cast<unsigned long long>(magnitude % 1000000000));
    return QString::fromLatin1(buf);
}

void line(const QString &label, const QString &value)
{
    const QByteArray text = (label + QLatin1String(": ")).leftJustified(18).toUtf8() + value.toUtf8();
    std::printf("%s\n", text.constData());
}

} // namespace

int infoCommand(const QStringList &args)
{
    if (args.size() != 1) {
        printError(QCoreApplication::translate(
            "Cli", "info takes one capture file: run `wirelab-cli info capture.pcapng`."));
        return ExitUsage;
    }
    PacketStore store;
    const CaptureFileInfo info = readCaptureFile(args.first(), store);
    if (!info.opened) {
        printError(info.error);
        return ExitUsage;
    }
    line(QCoreApplication::translate("Cli", "File"), QFileInfo(args.first()).fileName());
    line(QCoreApplication::translate("Cli", "Format"), info.format);
    line(QCoreApplication::translate("Cli", "Link type"),
         QStringLiteral("%1 (%2)")
             .arg(QString::fromLatin1(linkTypeName(info.linkType)))
             .arg(unsigned(info.linkType)));
    line(QCoreApplication::translate("Cli", "Packets"), QString::number(info.packetsRead));
    if (info.packetsRead > 0) {
        line(QCoreApplication::translate("Cli", "Duration"),
             QCoreApplication::translate("Cli", "%1 s")
                 .arg(seconds(saturatingDifference(info.lastTimeNs, info.firstTimeNs))));
        line(QCoreApplication::translate("Cli", "First packet"), isoTime(info.firstTimeNs));
        line(QCoreApplication::translate("Cli", "Last packet"), isoTime(info.lastTimeNs));
    }
    line(QCoreApplication::translate("Cli", "Packet bytes"), QString::number(store.payloadBytes()));
    const double perPacket = store.isEmpty() ? 0.0 : double(store.overheadBytes()) / double(store.size());
    line(QCoreApplication::translate("Cli", "Store overhead"),
         QCoreApplication::translate("Cli", "%1 bytes per packet (%2 bytes in all)")
             .arg(perPacket, 0, 'f', 1)
             .arg(store.overheadBytes()));
    std::fflush(stdout);
    if (!info.error.isEmpty()) {
        printError(info.error);
        return ExitUsage;
    }
    return ExitOk;
}

} // namespace wirelab::cli
