// SPDX-License-Identifier: GPL-3.0-or-later
// wirelab-makecapture: writes a classic pcap (Ethernet, microsecond timestamps) of realistic traffic for
// the summary benchmark: many interleaved TCP conversations, each with a handshake carrying Linux's SYN
// options (MSS, SACK_PERM, timestamps, window scale), request/response data with ACKs, an occasional
// retransmission, and a FIN close; plus some UDP request/response pairs. Deterministic for a given seed.
//
//   wirelab-makecapture out.pcap [--packets N] [--seed S]

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

class Random final
{
public:
    explicit Random(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next()
    {
        // splitmix64
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    std::uint32_t below(std::uint32_t n) { return std::uint32_t(next() % n); }

private:
    std::uint64_t m_state;
};

void put16(std::uint8_t *p, std::uint16_t v)
{
    p[0] = std::uint8_t(v >> 8);
    p[1] = std::uint8_t(v);
}
void put32(std::uint8_t *p, std::uint32_t v)
{
    p[0] = std::uint8_t(v >> 24);
    p[1] = std::uint8_t(v >> 16);
    p[2] = std::uint8_t(v >> 8);
    p[3] = std::uint8_t(v);
}

std::uint16_t ipChecksum(const std::uint8_t *p, std::size_t n)
{
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i + 1 < n; i += 2)
        sum += std::uint32_t(p[i] << 8 | p[i + 1]);
    while (sum >> 16)
        sum = (sum & 0xFFFF) + (sum >> 16);
    return std::uint16_t(~sum);
}

class Writer final
{
public:
    explicit Writer(std::FILE *file) : m_file(file)
    {
        std::uint32_t header[6] = {0xa1b2c3d4, 0x00040002, 0, 0, 262144, 1}; // µs pcap, Ethernet
        std::fwrite(header, sizeof header, 1, m_file);
    }
    void packet(std::uint64_t timeUs, const std::uint8_t *data, std::uint32_t length)
    {
        const std::uint32_t record[4] = {std::uint32_t(timeUs / 1000000), std::uint32_t(timeUs % 1000000),
                                         length, length};
        std::fwrite(record, sizeof record, 1, m_file);
        std::fwrite(data, 1, length, m_file);
        ++m_count;
    }
    std::uint64_t count() const { return m_count; }

private:
    std::FILE *m_file;
    std::uint64_t m_count = 0;
};

struct Endpoint
{
    std::uint8_t mac[6];
    std::uint32_t ip;
    std::uint16_t port;
};

// Ethernet + IPv4 header; returns the offset of the transport header.
std::size_t ipFrame(std::uint8_t *f, const Endpoint &from, const Endpoint &to, std::uint8_t protocol,
                    std::size_t transportLength, std::uint16_t ipId)
{
    std::memcpy(f, to.mac, 6);
    std::memcpy(f + 6, from.mac, 6);
    put16(f + 12, 0x0800);
    std::uint8_t *ip = f + 14;
    ip[0] = 0x45;
    ip[1] = 0;
    put16(ip + 2, std::uint16_t(20 + transportLength));
    put16(ip + 4, ipId);
    put16(ip + 6, 0x4000); // DF
    ip[8] = 64;
    ip[9] = protocol;
    put16(ip + 10, 0);
    put32(ip + 12, from.ip);
    put32(ip + 16, to.ip);
    put16(ip + 10, ipChecksum(ip, 20));
    return 34;
}

struct Conversation
{
    Endpoint client, server;
    std::uint32_t clientSeq = 0, serverSeq = 0; // next sequence number each side sends
    std::uint32_t clientTs = 0, serverTs = 0;
    int step = 0;
    int exchangesLeft = 0;
    std::uint32_t requestBytes = 0, responseBytes = 0, responseSent = 0;
};

class Generator final
{
public:
    Generator(Writer &writer, std::uint64_t seed) : m_out(writer), m_random(seed) {}

    void run(std::uint64_t packets)
    {
        std::vector<Conversation> live(64);
        for (Conversation &c : live)
            fresh(c);
        while (m_out.count() < packets) {
            if (m_random.below(100) < 4) {
                udpExchange();
                continue;
            }
            Conversation &c = live[m_random.below(std::uint32_t(live.size()))];
            if (!advance(c))
                fresh(c);
        }
    }

private:
    void tick() { m_timeUs += 5 + m_random.below(120); }

    void fresh(Conversation &c)
    {
        const std::uint32_t n = m_nextClient++;
        c = Conversation{};
        c.client = {{0x02, 0x00, 0x00, 0x00, std::uint8_t(n >> 8), std::uint8_t(n)},
                    0x0A000000u | (1 + n % 250) << 8 | 10,
                    std::uint16_t(32768 + (n / 250) % 28000)};
        c.server = {{0x02, 0x00, 0x00, 0x01, 0x00, std::uint8_t(1 + n % 4)}, 0x0A000100u | (1 + n % 4), 8800};
        c.clientSeq = std::uint32_t(m_random.next());
        c.serverSeq = std::uint32_t(m_random.next());
        c.clientTs = std::uint32_t(m_random.next());
        c.serverTs = std::uint32_t(m_random.next());
        c.exchangesLeft = 1 + int(m_random.below(8));
    }

    void tcp(Conversation &c, bool fromClient, std::uint8_t flags, std::uint32_t payload, bool syn = false)
    {
        const Endpoint &from = fromClient ? c.client : c.server;
        const Endpoint &to = fromClient ? c.server : c.client;
        std::uint32_t &seq = fromClient ? c.clientSeq : c.serverSeq;
        const std::uint32_t ack = fromClient ? c.serverSeq : c.clientSeq;
        std::uint32_t &ts = fromClient ? c.clientTs : c.serverTs;
        const std::uint32_t echo = fromClient ? c.serverTs : c.clientTs;
        const std::size_t optionBytes = syn ? 20 : 12;
        const std::size_t tcpLength = 20 + optionBytes + payload;
        std::uint8_t *f = m_frame;
        const std::size_t t = ipFrame(f, from, to, 6, tcpLength, m_ipId++);
        std::uint8_t *h = f + t;
        put16(h, from.port);
        put16(h + 2, to.port);
        put32(h + 4, seq);
        put32(h + 8, (flags & 0x10) ? ack : 0);
        h[12] = std::uint8_t(((20 + optionBytes) / 4) << 4);
        h[13] = flags;
        put16(h + 14, syn ? 65495 : 512);
        put16(h + 16, 0); // checksum: offloaded on loopback, as Linux leaves it
        put16(h + 18, 0);
        std::uint8_t *o = h + 20;
        ts += 1 + m_random.below(3);
        if (syn) {
            // MSS 65495, SACK_PERM, timestamps, NOP, window scale 7: what Linux puts on a loopback SYN.
            const std::uint8_t options[20] = {2, 4, 0xFF, 0xD7, 4, 2, 8, 10, 0, 0,
                                              0, 0, 0,    0,    0, 0, 1, 3,  3, 7};
            std::memcpy(o, options, 20);
            put32(o + 8, ts);
            put32(o + 12, (flags & 0x10) ? echo : 0);
        } else {
            o[0] = 1;
            o[1] = 1;
            o[2] = 8;
            o[3] = 10;
            put32(o + 4, ts);
            put32(o + 8, echo);
        }
        std::uint8_t *data = o + optionBytes;
        static const char text[] = "wirelab benchmark payload, segment after segment; ";
        for (std::uint32_t i = 0; i < payload; ++i)
            data[i] = std::uint8_t(text[(i + seq) % (sizeof text - 1)]);
        tick();
        m_out.packet(m_timeUs, f, std::uint32_t(t + tcpLength));
        // A rare retransmission of a data segment: the same bytes again a little later.
        if (payload && m_random.below(1000) < 3) {
            tick();
            m_out.packet(m_timeUs, f, std::uint32_t(t + tcpLength));
        }
        seq += payload + ((flags & 0x03) ? 1 : 0); // SYN and FIN take one sequence number
    }

    // Emits the next packet(s) of a conversation; false when it is over.
    bool advance(Conversation &c)
    {
        constexpr std::uint8_t FIN = 0x01, SYN = 0x02, PSH = 0x08, ACK = 0x10;
        switch (c.step) {
        case 0:
            tcp(c, true, SYN, 0, true);
            break;
        case 1:
            tcp(c, false, SYN | ACK, 0, true);
            break;
        case 2:
            tcp(c, true, ACK, 0);
            break;
        case 3: // request
            c.requestBytes = 40 + m_random.below(400);
            c.responseBytes = 200 + m_random.below(6000);
            c.responseSent = 0;
            tcp(c, true, PSH | ACK, c.requestBytes);
            break;
        case 4:
            tcp(c, false, ACK, 0);
            break;
        case 5: { // response, in MSS-sized segments, ACKed every second one
            const std::uint32_t segment = std::min<std::uint32_t>(1448, c.responseBytes - c.responseSent);
            c.responseSent += segment;
            const bool last = c.responseSent >= c.responseBytes;
            tcp(c, false, last ? (PSH | ACK) : ACK, segment);
            if (!last) {
                if ((c.responseSent / 1448) % 2 == 0)
                    tcp(c, true, ACK, 0);
                return true; // stay in this step
            }
            break;
        }
        case 6:
            tcp(c, true, ACK, 0);
            if (--c.exchangesLeft > 0) {
                c.step = 3;
                return true;
            }
            break;
        case 7:
            tcp(c, true, FIN | ACK, 0);
            break;
        case 8:
            tcp(c, false, FIN | ACK, 0);
            break;
        case 9:
            tcp(c, true, ACK, 0);
            return false;
        }
        ++c.step;
        return true;
    }

    void udpExchange()
    {
        const std::uint32_t n = m_nextClient++;
        const Endpoint client{{0x02, 0x00, 0x00, 0x02, 0x00, std::uint8_t(n)},
                              0x0A000200u | (1 + n % 200),
                              std::uint16_t(52000 + n % 1000)};
        const Endpoint server{{0x02, 0x00, 0x00, 0x01, 0x00, 0x09}, 0x0A000109, 8801};
        for (int dir = 0; dir < 2; ++dir) {
            const Endpoint &from = dir ? server : client;
            const Endpoint &to = dir ? client : server;
            const std::uint32_t payload = 20 + m_random.below(200);
            const std::size_t t = ipFrame(m_frame, from, to, 17, 8 + payload, m_ipId++);
            std::uint8_t *u = m_frame + t;
            put16(u, from.port);
            put16(u + 2, to.port);
            put16(u + 4, std::uint16_t(8 + payload));
            put16(u + 6, 0);
            std::memset(u + 8, 'u', payload);
            tick();
            m_out.packet(m_timeUs, m_frame, std::uint32_t(t + 8 + payload));
        }
    }

    Writer &m_out;
    Random m_random;
    std::uint64_t m_timeUs = 1'764'280'800'000'000ULL;
    std::uint32_t m_nextClient = 0;
    std::uint16_t m_ipId = 1;
    std::uint8_t m_frame[2048];
};

} // namespace

int main(int argc, char *argv[])
{
    if (argc < 2 || std::strcmp(argv[1], "--help") == 0) {
        std::fprintf(stderr, "Usage: wirelab-makecapture out.pcap [--packets N] [--seed S]\n");
        return argc < 2 ? 2 : 0;
    }
    std::uint64_t packets = 1'000'000, seed = 1;
    for (int i = 2; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--packets") == 0) {
            packets = std::strtoull(argv[i + 1], nullptr, 10);
        } else if (std::strcmp(argv[i], "--seed") == 0) {
            seed = std::strtoull(argv[i + 1], nullptr, 10);
        } else {
            std::fprintf(stderr, "wirelab-makecapture has no option %s; run it with --help.\n", argv[i]);
            return 2;
        }
    }
    std::FILE *file = std::fopen(argv[1], "wb");
    if (!file) {
        std::fprintf(stderr, "%s could not be created: %s.\n", argv[1], std::strerror(errno));
        return 2;
    }
    std::setvbuf(file, nullptr, _IOFBF, 1 << 20);
    Writer writer(file);
    Generator(writer, seed).run(packets);
    if (std::fclose(file) != 0) {
        std::fprintf(stderr, "%s could not be written completely.\n", argv[1]);
        return 1;
    }
    std::printf("%llu packets written to %s\n", static_cast<unsigned long long>(writer.count()), argv[1]);
    return 0;
}
