// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the capture-file reader: any bytes, read as a file (pcap, pcapng or neither) into
// a PacketStore, must give a result or one sentence of error, never a crash, an overread or a huge
// allocation. The input goes into a memfd so nothing touches the disk.
//
//   build-fuzz/tests/fuzz/fuzz_capturefile -max_total_time=180 tests/fuzz/corpus/capturefile

#include "capture/capturefile.h"
#include "capture/capturereader.h"
#include "store/packetstore.h"

#include <QString>

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const int fd = memfd_create("fuzz_capturefile", MFD_CLOEXEC);
    if (fd < 0)
        std::abort();
    if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != ssize_t(size))
        std::abort();
    static const QString path = QStringLiteral("/proc/self/fd/%1").arg(fd);

    wirelab::PacketStore store;
    const wirelab::CaptureFileInfo info = wirelab::readCaptureFile(path, store);
    if (info.packetsRead != store.size())
        std::abort();
    if (!info.opened && (info.error.isEmpty() || store.size() != 0))
        std::abort();
    for (std::size_t i = 0; i < store.size(); ++i) {
        const wirelab::PacketView packet = store.at(i);
        if (packet.bytes.size() > 262144)
            std::abort();
    }

    int blocks = 0;
    QString secretsError;
    const QByteArray secrets = wirelab::readPcapngTlsKeyLog(path, &blocks, &secretsError);
    if (std::size_t(secrets.size()) > wirelab::kMaxPcapngSecretsBytes + std::size_t(blocks) || blocks < 0)
        std::abort();

    wirelab::CaptureFileReader reader;
    if (reader.open(path)) {
        if (reader.timeDigits() < 0 || reader.timeDigits() > 9)
            std::abort();
        wirelab::CaptureRecord record;
        while (reader.next(record)) {
        }
    }
    return 0;
}
