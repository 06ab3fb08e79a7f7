// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/capturefile.h"
#include "capture/capturereader.h"
#include "store/packetstore.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <pcap/pcap.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

#ifndef WIRELAB_VERSION
#define WIRELAB_VERSION "0.1.0"
#endif

namespace wirelab {

namespace {

// libpcap's reasons end without a period, sometimes with one; the sentence we build adds its own.
QString reasonText(const char *reason)
{
    QString text = QString::fromLocal8Bit(reason).trimmed();
    while (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    return text;
}

constexpr std::uint32_t kPcapMagicMicro = 0xa1b2c3d4;
constexpr std::uint32_t kPcapMagicNano = 0xa1b23c4d;
constexpr std::uint32_t kPcapMagicKuznetzov = 0xa1b2cd34; // patched Linux tcpdump, libpcap reads it
constexpr std::uint32_t kPcapngMagic = 0x0a0d0d0a;        // Section Header Block type, a palindrome

std::uint32_t byteSwap(std::uint32_t v)
{
    return __builtin_bswap32(v);
}

// "pcap", "pcapng" or empty for the first four bytes of a file (in file order).
QString formatForMagic(const unsigned char magic[4])
{
    std::uint32_t v;
    std::memcpy(&v, magic, 4);
    for (std::uint32_t m : {kPcapMagicMicro, kPcapMagicNano, kPcapMagicKuznetzov}) {
        if (v == m || v == byteSwap(m))
            return QStringLiteral("pcap");
    }
    if (v == kPcapngMagic)
        return QStringLiteral("pcapng");
    return {};
}

std::uint32_t readU32(const unsigned char *p, bool swap)
{
    std::uint32_t v;
    std::memcpy(&v, p, 4);
    return swap ? byteSwap(v) : v;
}

std::uint16_t readU16(const unsigned char *p, bool swap)
{
    std::uint16_t v;
    std::memcpy(&v, p, 2);
    return swap ? __builtin_bswap16(v) : v;
}

// The if_tsresol of a pcapng file's first Interface Description Block, as decimal digits (6 when absent
// or not found in the first bytes). Only decides how many digits times are shown with; every length is
// checked against what was read.
int pcapngTimeDigits(const unsigned char *data, std::size_t size)
{
    constexpr int kDefault = 6;
    if (size < 12)
        return kDefault;
    const std::uint32_t bom = readU32(data + 8, false);
    bool swap;
    if (bom == 0x1A2B3C4D)
        swap = false;
    else if (bom == 0x4D3C2B1A)
        swap = true;
    else
        return kDefault;
    std::size_t pos = 0;
    while (pos + 12 <= size) {
        const std::uint32_t type = readU32(data + pos, swap);
        const std::uint32_t length = readU32(data + pos + 4, swap);
        if (length < 12 || length % 4 != 0 || length > size - pos)
            return kDefault;
        if (type == 1) { // Interface Description Block: linktype, reserved, snaplen, options
            std::size_t opt = pos + 16;
            const std::size_t end = pos + length - 4;
            while (opt + 4 <= end) {
                const std::uint16_t code = readU16(data + opt, swap);
                const std::uint16_t optLength = readU16(data + opt + 2, swap);
                if (code == 0)
                    break;
                const std::size_t padded = (std::size_t(optLength) + 3) & ~std::size_t(3);
                if (padded > end - opt - 4)
                    break;
                if (code == 9 && optLength == 1) {
                    const std::uint8_t v = data[opt + 4];
                    // Top bit clear: 10^-v seconds; set: 2^-v seconds (about 0.3 digits per bit).
                    const int digits = (v & 0x80) ? int(((v & 0x7F) * 30103 + 99999) / 100000) : int(v);
                    return std::clamp(digits, 0, 9);
                }
                opt += 4 + padded;
            }
            return kDefault;
        }
        pos += length;
    }
    return kDefault;
}

} // namespace

LinkType linkTypeFromDlt(int dlt)
{
    switch (dlt) {
    case DLT_NULL:
        return LinkType::Null;
    case DLT_EN10MB:
        return LinkType::Ethernet;
    case DLT_RAW:
        return LinkType::Raw;
#ifdef DLT_LOOP
    case DLT_LOOP:
        return LinkType::Loop;
#endif
    case DLT_LINUX_SLL:
        return LinkType::LinuxSll;
    case DLT_IPV4:
        return LinkType::Ipv4;
    case DLT_IPV6:
        return LinkType::Ipv6;
    case DLT_LINUX_SLL2:
        return LinkType::LinuxSll2;
    default:
        break;
    }
    // Everything else keeps libpcap's DLT_ number, which equals the file's LINKTYPE_ number for all types
    // from 104 up; only a few old ones below 100 differ (libpcap does not export its mapping back).
    return LinkType(std::uint16_t(dlt));
}

struct CaptureFileReader::Pcap
{
    pcap_t *handle = nullptr;
    ~Pcap()
    {
        if (handle)
            pcap_close(handle); // also closes the FILE it read from
    }
};

CaptureFileReader::CaptureFileReader() = default;
CaptureFileReader::~CaptureFileReader() = default;

bool CaptureFileReader::open(const QString &path)
{
    m_pcap.reset();
    m_info = CaptureFileInfo{};
    m_goodOffset = 0;
    m_done = true;
    m_timeDigits = 6;

    const QFileInfo fileInfo(path);
    const QString name = fileInfo.fileName().isEmpty() ? path : fileInfo.fileName();
    if (!fileInfo.exists()) {
        m_info.error =
            QCoreApplication::translate("Capture", "%1 was not found; check the path and the file name.")
                .arg(path);
        return false;
    }
    if (fileInfo.isDir()) {
        m_info.error =
            QCoreApplication::translate(
                "Capture", "%1 is a folder, not a capture file; give the path of a .pcap or .pcapng file.")
                .arg(name);
        return false;
    }

    FILE *file = std::fopen(QFile::encodeName(path).constData(), "rb");
    if (!file) {
        m_info.error = QCoreApplication::translate("Capture", "%1 could not be opened: %2.")
                           .arg(name, reasonText(std::strerror(errno)));
        return false;
    }
    unsigned char magic[4] = {};
    const std::size_t got = std::fread(magic, 1, sizeof magic, file);
    if (got == 0) {
        const bool readError = std::ferror(file);
        std::fclose(file);
        m_info.error =
            readError
                ? QCoreApplication::translate("Capture", "%1 could not be read: %2.")
                      .arg(name, reasonText(std::strerror(errno)))
                : QCoreApplication::translate("Capture", "%1 is empty (0 bytes), so it holds no capture.")
                      .arg(name);
        return false;
    }
    m_info.format = got == sizeof magic ? formatForMagic(magic) : QString();
    if (m_info.format.isEmpty()) {
        QStringList hex;
        for (std::size_t i = 0; i < got; ++i)
            hex << QStringLiteral("%1").arg(magic[i], 2, 16, QLatin1Char('0')).toUpper();
        std::fclose(file);
        m_info.error = QCoreApplication::translate(
                           "Capture", "%1 is not a pcap or pcapng capture file (it starts with %2).")
                           .arg(name, hex.join(QLatin1Char(' ')));
        return false;
    }
    if (std::fseek(file, 0, SEEK_SET) != 0) {
        std::fclose(file);
        m_info.error = QCoreApplication::translate(
                           "Capture", "%1 is a pipe or device that cannot be read twice; save the capture to "
                                      "a file first and open that.")
                           .arg(name);
        return false;
    }
    if (m_info.format == QLatin1String("pcapng")) {
        std::vector<unsigned char> head(64 * 1024);
        const std::size_t n = std::fread(head.data(), 1, head.size(), file);
        m_timeDigits = pcapngTimeDigits(head.data(), n);
    } else {
        std::uint32_t v;
        std::memcpy(&v, magic, 4);
        m_timeDigits = (v == kPcapMagicNano || v == byteSwap(kPcapMagicNano)) ? 9 : 6;
    }
    std::rewind(file);
    // Big reads: libpcap fread()s every record header and body separately.
    std::setvbuf(file, nullptr, _IOFBF, 1 << 20);

    char errbuf[PCAP_ERRBUF_SIZE] = {};
    pcap_t *handle = pcap_fopen_offline_with_tstamp_precision(file, PCAP_TSTAMP_PRECISION_NANO, errbuf);
    if (!handle) {
        std::fclose(file); // pcap_fopen_offline does not close it on failure
        m_info.error =
            QCoreApplication::translate(
                "Capture", "%1 is damaged at byte 0, in its file header: %2. No packets could be read.")
                .arg(name, reasonText(errbuf));
        m_info.errorOffset = 0;
        return false;
    }
    m_pcap = std::make_unique<Pcap>();
    m_pcap->handle = handle;
    m_info.opened = true;
    m_info.linkType = linkTypeFromDlt(pcap_datalink(handle));
    const long offset = std::ftell(pcap_file(handle));
    m_goodOffset = offset < 0 ? 0 : offset;
    m_done = false;
    return true;
}

bool CaptureFileReader::next(CaptureRecord &record)
{
    if (m_done || !m_pcap)
        return false;
    pcap_pkthdr *header = nullptr;
    const u_char *data = nullptr;
    const int rc = pcap_next_ex(m_pcap->handle, &header, &data);
    if (rc == 1) {
        record.timeNs = timeToNs(std::int64_t(header->ts.tv_sec), std::int64_t(header->ts.tv_usec));
        record.originalLength = header->len;
        record.bytes = {data, header->caplen};
        if (m_info.packetsRead == 0)
            m_info.firstTimeNs = record.timeNs;
        m_info.lastTimeNs = record.timeNs;
        ++m_info.packetsRead;
        // glibc answers ftell from the stream's buffer, without a system call.
        const long offset = std::ftell(pcap_file(m_pcap->handle));
        if (offset >= 0)
            m_goodOffset = offset;
        return true;
    }
    m_done = true;
    if (rc == PCAP_ERROR_BREAK) // the end of the file
        return false;
    fail(pcap_geterr(m_pcap->handle));
    return false;
}

void CaptureFileReader::fail(const char *reason)
{
    const QString why = reasonText(reason);
    const std::uint32_t n = m_info.packetsRead;
    m_info.errorOffset = m_goodOffset;
    if (std::strstr(reason, "different from the type of the first interface")) {
        // Not damage: pcapng allows interfaces of several link types, but libpcap 1.10 reads only files
        // whose interfaces all share the first one's (Wireshark reads them all).
        if (n == 0)
            m_info.error =
                QCoreApplication::translate(
                    "Capture",
                    "At byte %1 the file adds an interface of another link type, which libpcap 1.10 "
                    "cannot read, so no packets could be opened; Wireshark opens the whole file.")
                    .arg(m_goodOffset);
        else if (n == 1)
            m_info.error =
                QCoreApplication::translate(
                    "Capture",
                    "At byte %1 the file adds an interface of another link type, which libpcap 1.10 "
                    "cannot read: the packet before it was opened; Wireshark opens the whole file.")
                    .arg(m_goodOffset);
        else
            m_info.error =
                QCoreApplication::translate(
                    "Capture",
                    "At byte %1 the file adds an interface of another link type, which libpcap 1.10 "
                    "cannot read: the %2 packets before it were opened; Wireshark opens the whole file.")
                    .arg(m_goodOffset)
                    .arg(n);
        return;
    }
    if (n == 0) {
        m_info.error =
            QCoreApplication::translate(
                "Capture",
                "The file is damaged at byte %1, before the first packet: %2. No packets could be read.")
                .arg(m_goodOffset)
                .arg(why);
    } else if (n == 1) {
        m_info.error =
            QCoreApplication::translate(
                "Capture",
                "The file is damaged at byte %1, after packet 1: %2. The packet before it was opened.")
                .arg(m_goodOffset)
                .arg(why);
    } else {
        m_info.error =
            QCoreApplication::translate(
                "Capture",
                "The file is damaged at byte %1, after packet %2: %3. The %2 packets before it were opened.")
                .arg(m_goodOffset)
                .arg(n)
                .arg(why);
    }
}

CaptureFileInfo readCaptureFile(const QString &path, PacketStore &store)
{
    CaptureFileReader reader;
    if (!reader.open(path))
        return reader.info();
    const LinkType link = reader.info().linkType;
    if (store.isEmpty())
        store.setDefaultLinkType(link);
    CaptureRecord record;
    while (reader.next(record))
        store.append(record.timeNs, record.bytes, record.originalLength, link);
    return reader.info();
}

// ---- pcapng writer ----
// libpcap 1.10 can read pcapng but writes only classic pcap (pcap_dump), which has no per-packet comments
// and one link type per file; so this block writer is ours (format: draft-ietf-opsawg-pcapng).

namespace {

class PcapngBuffer final
{
public:
    void u16(std::uint16_t v) { append(&v, 2); }
    void u32(std::uint32_t v) { append(&v, 4); }
    void u64(std::uint64_t v) { append(&v, 8); }
    void bytes(const void *data, std::size_t n)
    {
        append(data, n);
        static const char zeros[4] = {};
        append(zeros, (4 - n % 4) % 4); // every field is padded to 32 bits
    }
    void option(std::uint16_t code, const void *data, std::size_t n)
    {
        u16(code);
        u16(std::uint16_t(n));
        bytes(data, n);
    }
    void endOfOptions() { u32(0); }
    // Starts a block; finish() writes its total length at both ends.
    std::size_t begin(std::uint32_t type)
    {
        const std::size_t start = m_data.size();
        u32(type);
        u32(0);
        return start;
    }
    void finish(std::size_t start)
    {
        const auto total = std::uint32_t(m_data.size() - start + 4);
        std::memcpy(m_data.data() + start + 4, &total, 4);
        u32(total);
    }
    std::size_t size() const { return m_data.size(); }
    const char *data() const { return m_data.data(); }
    void clear() { m_data.clear(); }

private:
    void append(const void *data, std::size_t n)
    {
        const auto *p = static_cast<const char *>(data);
        m_data.insert(m_data.end(), p, p + n);
    }
    std::vector<char> m_data;
};

constexpr std::uint32_t kSectionHeaderBlock = 0x0A0D0D0A;
constexpr std::uint32_t kInterfaceDescriptionBlock = 0x00000001;
constexpr std::uint32_t kEnhancedPacketBlock = 0x00000006;
constexpr std::uint32_t kDecryptionSecretsBlock = 0x0000000A;
constexpr std::uint32_t kSecretsTypeTlsKeyLog = 0x544c534b; // "TLSK"
constexpr std::size_t kMaxSecretsBytes = std::size_t(16) << 20;
constexpr std::uint16_t kOptComment = 1;
constexpr std::uint16_t kShbUserAppl = 4;
constexpr std::uint16_t kIfTsresol = 9;
constexpr std::uint32_t kSnaplen = 262144;
// The pcapng option length field is 16 bits.
constexpr std::size_t kMaxOptionBytes = 0xFFFC;

} // namespace

bool writePcapng(const QString &path, const PacketStore &store, QString *error, const QByteArray &tlsKeyLog)
{
    QSaveFile file(path);
    auto failWith = [&](const QString &why) {
        if (error)
            *error = QCoreApplication::translate("Capture", "The capture could not be saved to %1: %2.")
                         .arg(path, reasonText(why.toLocal8Bit()));
        file.cancelWriting();
        return false;
    };
    if (!file.open(QIODevice::WriteOnly))
        return failWith(file.errorString());

    PcapngBuffer out;
    // Section Header Block: byte-order magic, version 1.0, section length unknown (-1).
    std::size_t block = out.begin(kSectionHeaderBlock);
    out.u32(0x1A2B3C4D);
    out.u16(1);
    out.u16(0);
    out.u64(~std::uint64_t(0));
    const QByteArray application = QByteArrayLiteral("Wirelab " WIRELAB_VERSION);
    out.option(kShbUserAppl, application.constData(), std::size_t(application.size()));
    out.endOfOptions();
    out.finish(block);

    // One interface per link type: the store's default first, the others written just before their first
    // packet. pcapng allows that, and libpcap 1.10, which refuses a second link type, then still reads
    // every packet before it.
    std::vector<LinkType> interfaces;
    auto writeInterface = [&](LinkType link) {
        interfaces.push_back(link);
        block = out.begin(kInterfaceDescriptionBlock);
        out.u16(std::uint16_t(link));
        out.u16(0);
        out.u32(kSnaplen);
        const std::uint8_t nanoseconds = 9;
        out.option(kIfTsresol, &nanoseconds, 1);
        out.endOfOptions();
        out.finish(block);
    };
    writeInterface(store.defaultLinkType());

    // Decryption Secrets Block (pcapng draft 4.7, type 0x0A): the NSS key log, so Wireshark and tshark
    // decrypt the TLS sessions without being told about a key log file. Before the packets that need it.
    if (!tlsKeyLog.isEmpty()) {
        if (std::size_t(tlsKeyLog.size()) > kMaxSecretsBytes)
            return failWith(QStringLiteral("the TLS key log is larger than %1 bytes").arg(kMaxSecretsBytes));
        block = out.begin(kDecryptionSecretsBlock);
        out.u32(kSecretsTypeTlsKeyLog);
        out.u32(std::uint32_t(tlsKeyLog.size()));
        out.bytes(tlsKeyLog.constData(), std::size_t(tlsKeyLog.size()));
        out.finish(block);
    }

    for (std::size_t i = 0; i < store.size(); ++i) {
        const PacketView packet = store.at(i);
        std::uint32_t interfaceId = 0;
        while (interfaceId < interfaces.size() && interfaces[interfaceId] != packet.linkType)
            ++interfaceId;
        if (interfaceId == interfaces.size())
            writeInterface(packet.linkType);
        block = out.begin(kEnhancedPacketBlock);
        out.u32(interfaceId);
        const auto ts = std::uint64_t(packet.timeNs);
        out.u32(std::uint32_t(ts >> 32));
        out.u32(std::uint32_t(ts));
        out.u32(std::uint32_t(packet.bytes.size()));
        out.u32(packet.originalLength);
        out.bytes(packet.bytes.data(), packet.bytes.size());
        const QString comment = store.comment(i);
        if (!comment.isEmpty()) {
            QByteArray utf8 = comment.toUtf8();
            if (std::size_t(utf8.size()) > kMaxOptionBytes) {
                qsizetype cut = qsizetype(kMaxOptionBytes);
                while (cut > 0 && (std::uint8_t(utf8[cut]) & 0xC0) == 0x80)
                    --cut; // do not split a UTF-8 sequence
                utf8.truncate(cut);
            }
            out.option(kOptComment, utf8.constData(), std::size_t(utf8.size()));
            out.endOfOptions();
        }
        out.finish(block);
        if (out.size() >= (1u << 20)) {
            if (file.write(out.data(), qint64(out.size())) != qint64(out.size()))
                return failWith(file.errorString());
            out.clear();
        }
    }
    if (out.size() && file.write(out.data(), qint64(out.size())) != qint64(out.size()))
        return failWith(file.errorString());
    if (!file.commit()) {
        if (error)
            *error = QCoreApplication::translate("Capture", "The capture could not be saved to %1: %2.")
                         .arg(path, file.errorString());
        return false;
    }
    return true;
}

bool writeTlsKeyLog(const QString &path, const QByteArray &nssKeyLog, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(nssKeyLog) != nssKeyLog.size() || !file.commit()) {
        if (error)
            *error = QCoreApplication::translate("Capture", "The key log could not be saved to %1: %2.")
                         .arg(path, file.errorString());
        return false;
    }
    return true;
}

QByteArray readPcapngTlsKeyLog(const QString &path, int *blocks, QString *error)
{
    int found = 0;
    QByteArray out;
    const auto finish = [&](const QString &why) {
        if (blocks)
            *blocks = found;
        if (error)
            *error = why;
        return out;
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return finish({});
    const qint64 size = file.size();
    bool little = true;
    const auto u32 = [&little](const char *p) {
        const auto *b = reinterpret_cast<const unsigned char *>(p);
        return little ? std::uint32_t(b[0]) | std::uint32_t(b[1]) << 8 | std::uint32_t(b[2]) << 16 | std::uint32_t(b[3]) << 24
                      : std::uint32_t(b[3]) | std::uint32_t(b[2]) << 8 | std::uint32_t(b[1]) << 16 | std::uint32_t(b[0]) << 24;
    };
    const auto damaged = [&](qint64 at, const char *what) {
        return finish(QCoreApplication::translate("Capture", "The file's secrets could not all be read: %1 at byte %2.")
                          .arg(QCoreApplication::translate("Capture", what))
                          .arg(at));
    };
    qint64 pos = 0;
    char head[16];
    while (pos + 12 <= size) {
        if (!file.seek(pos) || file.read(head, 16) < 12)
            return damaged(pos, QT_TRANSLATE_NOOP("Capture", "a block header cannot be read"));
        const std::uint32_t type = u32(head); // 0x0A0D0D0A reads the same in either byte order
        if (pos == 0 && type != 0x0A0D0D0Au)
            return finish({}); // not pcapng (pcap files have no secrets blocks)
        if (type == 0x0A0D0D0Au) {
            little = true;
            if (u32(head + 8) != 0x1A2B3C4Du) {
                little = false;
                if (u32(head + 8) != 0x1A2B3C4Du)
                    return damaged(pos, QT_TRANSLATE_NOOP("Capture", "a section header has no byte-order magic"));
            }
        }
        const std::uint32_t length = u32(head + 4);
        if (length < 12 || length % 4 != 0 || pos + qint64(length) > size)
            return damaged(pos, QT_TRANSLATE_NOOP("Capture", "a block has an impossible length"));
        if (type == 0x00000006u || type == 0x00000003u || type == 0x00000002u)
            break; // the first packet: the secrets come before it
        if (type == 0x0000000Au) {
            if (length < 20)
                return damaged(pos, QT_TRANSLATE_NOOP("Capture", "a secrets block is too short"));
            const std::uint32_t secretsType = u32(head + 8), secretsLength = u32(head + 12);
            if (qint64(secretsLength) > qint64(length) - 20)
                return damaged(pos, QT_TRANSLATE_NOOP("Capture", "a secrets block claims more bytes than it has"));
            if (secretsType == 0x544c534bu) {
                if (std::size_t(out.size()) + secretsLength > kMaxPcapngSecretsBytes)
                    return damaged(pos, QT_TRANSLATE_NOOP("Capture", "the secrets pass 16 MiB"));
                const QByteArray secrets = file.read(secretsLength);
                if (secrets.size() != qsizetype(secretsLength))
                    return damaged(pos, QT_TRANSLATE_NOOP("Capture", "a secrets block cannot be read"));
                out += secrets;
                if (!out.isEmpty() && !out.endsWith('\n'))
                    out += '\n';
                ++found;
            }
        }
        pos += length;
    }
    return finish({});
}

} // namespace wirelab
