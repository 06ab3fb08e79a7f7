// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for core/dissect: the first byte picks the link type, the rest is the frame.
// Runs the fast path (dissectSummary + summaryInfo), the TCP tracker and the details tree, and checks that
// every field's byte range lies inside the frame.
#include "dissect/dissect.h"
#include "dissect/tcptracker.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace wirelab;

namespace {

constexpr LinkType kLinks[] = {LinkType::Ethernet, LinkType::Null, LinkType::Raw,  LinkType::Loop,
                               LinkType::LinuxSll, LinkType::Ipv4, LinkType::Ipv6, LinkType::LinuxSll2};

void checkRanges(const std::vector<ProtoField> &fields, int capLen)
{
    for (const ProtoField &f : fields) {
        if (f.offset < 0 || f.length < 0 || f.offset + f.length > capLen)
            std::abort();
        checkRanges(f.children, capLen);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static TcpConversationTracker tracker;
    static std::uint32_t frame = 0;
    if (size < 1)
        return 0;
    const LinkType link = kLinks[data[0] % 8];
    const std::span<const std::uint8_t> bytes(data + 1, size - 1);

    PacketSummary s;
    dissectSummary(link, bytes, s);
    if (s.headerBytes > int(bytes.size()) || (s.payloadOffset > int(bytes.size())))
        std::abort();
    if (++frame % 50000 == 0)
        tracker.clear();
    tracker.add(frame, std::int64_t(frame) * 1000, s);
    const TcpPacketAnalysis *a = tracker.analysis(frame);
    const std::string info = summaryInfo(s, a);
    (void)summaryInfo(s, nullptr);
    const ProtoTree tree =
        dissectTree(link, bytes, frame, std::int64_t(frame) * 1000, std::uint32_t(bytes.size()), a);
    checkRanges(tree.layers, int(bytes.size()));
    (void)info;
    return 0;
}
