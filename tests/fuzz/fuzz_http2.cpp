// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for core/dissect/http2: the input is a sequence of chunks, each a control byte and up to
// 64 bytes. The control byte's low bit picks the direction, the next six bits the chunk length, so both
// directions arrive interleaved and split at arbitrary points. With the first byte's top bit set the client
// direction starts with the connection preface (so fuzzing reaches the frames). Checks: every field's byte
// range lies inside its frame, the buffered bytes stay below one frame, and decoded header bytes respect
// the cap.
#include "dissect/http2.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace wirelab;

namespace {

constexpr std::size_t kCap = 4096;

void checkRanges(const ProtoField &f, int len)
{
    if (f.offset < 0 || f.length < 0 || f.offset + f.length > len)
        std::abort();
    for (const ProtoField &c : f.children)
        checkRanges(c, len);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    Http2Dissector d(kCap, 64 * 1024);
    std::size_t pos = 1;
    if (data[0] & 0x80)
        d.feed(Http2Direction::ClientToServer,
               std::span(reinterpret_cast<const std::uint8_t *>(kHttp2Preface), kHttp2PrefaceLength), 0);
    std::int64_t t = 0;
    while (pos < size) {
        const std::uint8_t ctl = data[pos++];
        const std::size_t n = std::min<std::size_t>((ctl >> 1) & 0x3f, size - pos);
        const auto dir = (ctl & 1) ? Http2Direction::ServerToClient : Http2Direction::ClientToServer;
        d.feed(dir, std::span(data + pos, n), ++t);
        pos += n;
        if (d.bufferedBytes(dir) > 9 + std::size_t(d.maxFrameSize(dir)))
            std::abort();
    }
    for (const Http2Frame &f : d.frames()) {
        checkRanges(f.tree, int(f.isPreface ? kHttp2PrefaceLength : 9 + f.length));
        if (f.headerBlock && f.headerBlock->decodedBytes > kCap)
            std::abort();
    }
    for (const auto &[id, s] : d.streams())
        if (s.id != id)
            std::abort();
    return 0;
}
