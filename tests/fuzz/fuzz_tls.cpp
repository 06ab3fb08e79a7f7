// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for core/dissect/tls: the input is a key log and a sequence of chunks. Bytes 0-1 (big
// endian) give the length of an NSS key log text that follows (parsed by TlsKeyLog, so its parser is fuzzed
// too, and decryption runs with real secrets when the seed carries them); then each chunk is a control byte
// and up to 127 bytes: the low bit picks the direction, the other seven the length, so both directions arrive
// interleaved and split at arbitrary points. The seeds (tests/fuzz/corpus/tls/) are real OpenSSL handshakes
// with their key logs, written by tst_tlsdissect (WIRELAB_WRITE_TLS_CORPUS=<dir>), so mutations reach the
// decrypted handshake messages. Checks: every field's byte range lies inside its record or message, decrypted
// counts add up, and a decrypted record's plaintext is shorter than its ciphertext.
#include "dissect/tls.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace wirelab;

namespace {

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
    if (size < 2)
        return 0;
    const std::size_t keyLen = std::min<std::size_t>((std::size_t(data[0]) << 8) | data[1], size - 2);
    TlsSecrets secrets;
    secrets.keyLog.addText(QByteArray(reinterpret_cast<const char *>(data + 2), qsizetype(keyLen)));
    TlsDissector d(&secrets);
    std::size_t pos = 2 + keyLen;
    std::uint32_t frame = 0;
    while (pos < size) {
        const std::uint8_t ctl = data[pos++];
        const std::size_t n = std::min<std::size_t>(ctl >> 1, size - pos);
        ++frame;
        d.feed((ctl & 1) ? TlsDirection::ServerToClient : TlsDirection::ClientToServer, std::span(data + pos, n), frame,
               std::int64_t(frame) * 1000);
        pos += n;
    }
    d.finish();
    const TlsConnectionResult &r = d.result();
    int decrypted = 0, encrypted = 0;
    for (const TlsRecord &rec : r.records) {
        checkRanges(rec.tree, 5 + rec.length);
        encrypted += rec.encrypted ? 1 : 0;
        if (rec.status == TlsDecryptStatus::Decrypted) {
            ++decrypted;
            if (rec.plaintext.size() >= rec.fragment.size())
                std::abort();
        }
        for (int h : rec.handshakes)
            if (h < 0 || h >= int(r.handshakes.size()))
                std::abort();
    }
    for (const TlsHandshakeMessage &h : r.handshakes)
        if (!h.malformed || !h.bytes.isEmpty())
            checkRanges(h.tree, int(h.bytes.size()) < 4 ? 4 : int(h.bytes.size()));
    if (decrypted != r.recordsDecrypted || encrypted != r.recordsEncrypted)
        std::abort();
    return 0;
}
