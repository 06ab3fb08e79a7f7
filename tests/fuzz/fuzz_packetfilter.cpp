// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target for the wire's breakpoint filters: the input's first part is an expression (display filter
// or BPF), the rest a raw IP packet; a few fixed packets are matched too. Nothing may crash, hang or read
// out of bounds, whatever the student types.

#include "labnet/packetfilter.h"

#include <QString>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace {

std::vector<std::uint8_t> fixedPacket(int kind)
{
    // IPv4 TCP SYN, IPv4 UDP, IPv6 TCP: the layouts the wire moves most.
    std::vector<std::uint8_t> p;
    if (kind < 2) {
        p.assign(20, 0);
        p[0] = 0x45;
        p[8] = 64;
        p[9] = kind == 0 ? 6 : 17;
        const std::array<std::uint8_t, 8> addrs{198, 18, 0, 1, 198, 18, 0, 2};
        std::memcpy(&p[12], addrs.data(), 8);
        std::vector<std::uint8_t> t(kind == 0 ? 20 : 12, 0);
        t[0] = 0xC0;
        t[1] = 0x00;
        t[2] = 0x22;
        t[3] = 0x60;
        if (kind == 0) {
            t[12] = 0x50;
            t[13] = 0x02;
        } else {
            t[5] = 12;
        }
        p.insert(p.end(), t.begin(), t.end());
        p[3] = std::uint8_t(p.size());
    } else {
        p.assign(40, 0);
        p[0] = 0x60;
        p[5] = 20;
        p[6] = 6;
        p[7] = 64;
        p[8] = 0x20;
        p[9] = 0x01;
        p[23] = 1;
        p[24] = 0x20;
        p[25] = 0x01;
        p[39] = 2;
        std::vector<std::uint8_t> t(20, 0);
        t[12] = 0x50;
        t[13] = 0x12;
        p.insert(p.end(), t.begin(), t.end());
    }
    return p;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // Split at the first NUL: expression before, packet after (no NUL: all expression).
    const auto *nul = static_cast<const std::uint8_t *>(std::memchr(data, 0, size));
    const std::size_t exprLen = nul ? std::size_t(nul - data) : size;
    const QString expression = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(exprLen));
    wirelab::PacketFilter filter;
    QString error;
    const bool ok = filter.compile(expression, &error);
    if (!ok && error.isEmpty())
        __builtin_trap(); // a refusal always says why
    static const std::array<std::vector<std::uint8_t>, 3> fixed{fixedPacket(0), fixedPacket(1),
                                                                fixedPacket(2)};
    for (const auto &p : fixed)
        (void)filter.matches(p);
    if (nul) {
        const std::size_t rest = size - exprLen - 1;
        (void)filter.matches(std::span<const std::uint8_t>(nul + 1, rest));
    }
    return 0;
}
