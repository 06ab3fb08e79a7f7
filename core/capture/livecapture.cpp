// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/livecapture.h"
#include "capture/capturereader.h"

#include <QCoreApplication>
#include <QFile>
#include <QMutexLocker>
#include <QStringList>

#include <pcap/pcap.h>

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>

namespace wirelab {

namespace {

constexpr int kSnaplen = 262144;
constexpr int kBufferBytes = 8 * 1024 * 1024;
constexpr int kBlockTimeoutMs = 20;

QString executablePath()
{
    if (QCoreApplication::instance())
        return QCoreApplication::applicationFilePath();
    const QString link = QFile::symLinkTarget(QStringLiteral("/proc/self/exe"));
    return link.isEmpty() ? QStringLiteral("wirelab") : link;
}

QString permissionProblem(const QString &device)
{
    return QCoreApplication::translate(
               "Capture",
               "Wirelab may not capture on %1: run it as root or give it the capture right with "
               "`sudo setcap cap_net_raw,cap_net_admin+eip %2`, or use the lab network (coming soon).")
        .arg(device, executablePath());
}

QString pcapReason(const char *text)
{
    QString reason = QString::fromLocal8Bit(text).trimmed();
    while (reason.endsWith(QLatin1Char('.')))
        reason.chop(1);
    return reason;
}

bool looksLikePermission(const char *text)
{
    return std::strstr(text, "Operation not permitted") || std::strstr(text, "Permission denied") ||
           std::strstr(text, "permission");
}

// Creates and activates a handle on device; nullptr with *why (one sentence) on failure.
pcap_t *openDevice(const QString &device, QString *why)
{
    char errbuf[PCAP_ERRBUF_SIZE] = {};
    const QByteArray name = device.toLocal8Bit();
    pcap_t *p = pcap_create(name.constData(), errbuf);
    if (!p) {
        *why = looksLikePermission(errbuf)
                   ? permissionProblem(device)
                   : QCoreApplication::translate("Capture", "Wirelab cannot capture on %1: %2.")
                         .arg(device, pcapReason(errbuf));
        return nullptr;
    }
    // Not immediate mode: on Linux that means TPACKET_V2, whose ring has fixed frames sized for lo's 64 KB
    // MTU (128 KB each), so an 8 MB buffer holds only 64 packets and a burst of 1000 small datagrams
    // loses most of them in the capture (measured: 90-484 of 1000 seen). TPACKET_V3 packs packets
    // tightly into blocks and hands a block over when it fills or after the timeout, so packets arrive
    // at most kBlockTimeoutMs late (well under the 50 ms batches the GUI shows) and none are lost.
    pcap_set_immediate_mode(p, 0);
    pcap_set_timeout(p, kBlockTimeoutMs);
    pcap_set_snaplen(p, kSnaplen);
    pcap_set_buffer_size(p, kBufferBytes);
    pcap_set_tstamp_precision(p, PCAP_TSTAMP_PRECISION_NANO);
    const int rc = pcap_activate(p);
    if (rc < 0) {
        const char *text = pcap_geterr(p);
        if (rc == PCAP_ERROR_PERM_DENIED || rc == PCAP_ERROR_PROMISC_PERM_DENIED ||
            (rc == PCAP_ERROR && looksLikePermission(text)))
            *why = permissionProblem(device);
        else if (rc == PCAP_ERROR_NO_SUCH_DEVICE)
            *why = QCoreApplication::translate("Capture",
                                               "There is no network device called %1; capture on lo instead.")
                       .arg(device);
        else if (rc == PCAP_ERROR_IFACE_NOT_UP)
            *why = QCoreApplication::translate(
                       "Capture", "The network device %1 is down; bring it up with `ip link set %1 up`.")
                       .arg(device);
        else
            *why = QCoreApplication::translate("Capture", "Wirelab cannot capture on %1: %2.")
                       .arg(device, pcapReason(text));
        pcap_close(p);
        return nullptr;
    }
    return p;
}

} // namespace

struct LiveCapture::Pcap
{
    pcap_t *handle = nullptr;
    ~Pcap()
    {
        if (handle)
            pcap_close(handle);
    }
};

LiveCapture::LiveCapture(QObject *parent) : QObject(parent) {}

LiveCapture::~LiveCapture()
{
    stop();
}

bool LiveCapture::start(const QString &device, const QString &bpfFilter)
{
    if (m_thread.joinable() || m_pcap)
        stop();
    {
        QMutexLocker lock(&m_mutex);
        m_pending.clear();
    }
    m_dropped = 0;
    setState(CaptureState::Starting);

    const QString dev = device.isEmpty() ? QStringLiteral("lo") : device;
    QString why;
    pcap_t *p = openDevice(dev, &why);
    if (!p) {
        setState(CaptureState::Failed, why);
        return false;
    }
    m_pcap = std::make_unique<Pcap>();
    m_pcap->handle = p;
    m_linkType = linkTypeFromDlt(pcap_datalink(p));

    char errbuf[PCAP_ERRBUF_SIZE] = {};
    if (pcap_setnonblock(p, 1, errbuf) != 0) {
        m_pcap.reset();
        setState(CaptureState::Failed,
                 QCoreApplication::translate("Capture", "Wirelab cannot capture on %1: %2.")
                     .arg(dev, pcapReason(errbuf)));
        return false;
    }
    if (!bpfFilter.isEmpty()) {
        bpf_program program{};
        const QByteArray filter = bpfFilter.toLatin1();
        if (pcap_compile(p, &program, filter.constData(), 1, PCAP_NETMASK_UNKNOWN) != 0) {
            const QString reason = pcapReason(pcap_geterr(p));
            m_pcap.reset();
            setState(CaptureState::Failed,
                     QCoreApplication::translate("Capture", "The capture filter \"%1\" is not valid: %2.")
                         .arg(bpfFilter, reason));
            return false;
        }
        const int rc = pcap_setfilter(p, &program);
        pcap_freecode(&program);
        if (rc != 0) {
            const QString reason = pcapReason(pcap_geterr(p));
            m_pcap.reset();
            setState(CaptureState::Failed,
                     QCoreApplication::translate("Capture", "The capture filter \"%1\" could not be set: %2.")
                         .arg(bpfFilter, reason));
            return false;
        }
    }
    if (pcap_get_selectable_fd(p) < 0) {
        m_pcap.reset();
        setState(CaptureState::Failed,
                 QCoreApplication::translate("Capture", "Wirelab cannot wait for packets on %1.").arg(dev));
        return false;
    }
    m_wakeFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (m_wakeFd < 0) {
        const QString reason = pcapReason(std::strerror(errno));
        m_pcap.reset();
        setState(CaptureState::Failed,
                 QCoreApplication::translate("Capture", "Wirelab cannot start the capture thread: %1.")
                     .arg(reason));
        return false;
    }
    m_stopRequested = false;
    m_thread = std::thread([this] { run(); });
    return true;
}

void LiveCapture::stop()
{
    const bool wasActive = m_thread.joinable() || m_pcap;
    if (m_thread.joinable()) {
        m_stopRequested = true;
        const std::uint64_t one = 1;
        // The eventfd wakes the thread out of poll(); the flag covers the case it was not polling.
        [[maybe_unused]] const ssize_t written = ::write(m_wakeFd, &one, sizeof one);
        m_thread.join();
    }
    if (m_pcap && m_pcap->handle) {
        pcap_stat stats{};
        if (pcap_stats(m_pcap->handle, &stats) == 0)
            m_dropped = std::uint64_t(stats.ps_drop) + stats.ps_ifdrop;
    }
    m_pcap.reset();
    if (m_wakeFd >= 0) {
        ::close(m_wakeFd);
        m_wakeFd = -1;
    }
    if (wasActive && m_state.load() != CaptureState::Failed)
        setState(CaptureState::Stopped);
}

QString LiveCapture::errorString() const
{
    QMutexLocker lock(&m_mutex);
    return m_error;
}

std::vector<CapturedPacket> LiveCapture::takePackets()
{
    std::vector<CapturedPacket> out;
    QMutexLocker lock(&m_mutex);
    out.swap(m_pending);
    return out;
}

QString LiveCapture::filterForPorts(const std::vector<std::uint16_t> &tcpPorts,
                                    const std::vector<std::uint16_t> &udpPorts)
{
    QStringList parts;
    for (std::uint16_t port : tcpPorts)
        parts << QStringLiteral("tcp port %1").arg(port);
    for (std::uint16_t port : udpPorts)
        parts << QStringLiteral("udp port %1").arg(port);
    return parts.join(QStringLiteral(" or "));
}

bool LiveCapture::canCapture(const QString &device, QString *why)
{
    QString reason;
    pcap_t *p = openDevice(device.isEmpty() ? QStringLiteral("lo") : device, &reason);
    if (!p) {
        if (why)
            *why = reason;
        return false;
    }
    pcap_close(p);
    return true;
}

void LiveCapture::setState(CaptureState state, const QString &error)
{
    if (!error.isEmpty()) {
        QMutexLocker lock(&m_mutex);
        m_error = error;
    } else if (state == CaptureState::Starting) {
        QMutexLocker lock(&m_mutex);
        m_error.clear();
    }
    m_state = state;
    // Emitted on the object's thread whichever thread changed the state; queued, so the order holds.
    QMetaObject::invokeMethod(
        this, [this, state] { Q_EMIT stateChanged(state); }, Qt::QueuedConnection);
}

void LiveCapture::run()
{
    pcap_t *p = m_pcap->handle;
    pollfd fds[2] = {{pcap_get_selectable_fd(p), POLLIN, 0}, {m_wakeFd, POLLIN, 0}};
    if (!m_stopRequested)
        setState(CaptureState::Running);

    // Nanoseconds were asked for; a device that cannot give them falls back to microseconds.
    struct Batch
    {
        std::vector<CapturedPacket> packets;
        std::int64_t fractionToNs = 1;
    } batchContext;
    if (pcap_get_tstamp_precision(p) != PCAP_TSTAMP_PRECISION_NANO)
        batchContext.fractionToNs = 1000;
    std::vector<CapturedPacket> &batch = batchContext.packets;
    auto onPacket = [](u_char *user, const pcap_pkthdr *header, const u_char *bytes) {
        auto *context = reinterpret_cast<Batch *>(user);
        CapturedPacket packet;
        packet.timeNs = timeToNs(std::int64_t(header->ts.tv_sec), std::int64_t(header->ts.tv_usec),
                                 context->fractionToNs);
        packet.originalLength = header->len;
        packet.bytes.assign(bytes, bytes + header->caplen);
        context->packets.push_back(std::move(packet));
    };
    std::uint64_t delivered = 0;
    // Moves what pcap has ready into m_pending; false (state Failed) when reading failed.
    auto dispatch = [&]() {
        const int n = pcap_dispatch(p, -1, onPacket, reinterpret_cast<u_char *>(&batchContext));
        if (n == PCAP_ERROR) {
            setState(CaptureState::Failed, QCoreApplication::translate("Capture", "The capture stopped: %1.")
                                               .arg(pcapReason(pcap_geterr(p))));
            return false;
        }
        if (!batch.empty()) {
            delivered += batch.size();
            QMutexLocker lock(&m_mutex);
            if (m_pending.empty())
                m_pending.swap(batch);
            else
                std::move(batch.begin(), batch.end(), std::back_inserter(m_pending));
            batch.clear();
        }
        return true;
    };
    // Packets the kernel accepted (passed the filter) but has not handed over yet: they sit in the ring's
    // current block until it fills or its timeout retires it.
    auto undelivered = [&]() -> std::int64_t {
        pcap_stat stats{};
        if (pcap_stats(p, &stats) != 0)
            return 0;
        m_dropped = std::uint64_t(stats.ps_drop) + stats.ps_ifdrop;
        // ps_recv counts drops too (the kernel adds them); 32-bit counters, compared modulo 2^32.
        return std::int32_t(std::uint32_t(stats.ps_recv) - std::uint32_t(stats.ps_drop) -
                            std::uint32_t(delivered));
    };

    bool failed = false;
    auto lastStats = std::chrono::steady_clock::now();
    while (!m_stopRequested) {
        const int ready = ::poll(fds, 2, 250);
        if (ready < 0) {
            if (errno == EINTR)
                continue;
            setState(CaptureState::Failed,
                     QCoreApplication::translate("Capture",
                                                 "The capture stopped: waiting for packets failed (%1).")
                         .arg(pcapReason(std::strerror(errno))));
            failed = true;
            break;
        }
        if (fds[1].revents || m_stopRequested)
            break;
        if (ready > 0 && !dispatch()) {
            failed = true;
            break;
        }
        const auto now = std::chrono::steady_clock::now();
        if (now - lastStats > std::chrono::milliseconds(500)) {
            lastStats = now;
            undelivered(); // updates m_dropped
        }
    }
    if (failed)
        return;
    // Stopping: hand over the packets still in the ring's current block (the lab's last FIN may be there),
    // waiting at most a few block timeouts for the kernel to retire it. Nothing pending: no wait at all.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(3 * kBlockTimeoutMs);
    while (undelivered() > 0 && std::chrono::steady_clock::now() < deadline) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        pollfd pcapFd{pcap_get_selectable_fd(p), POLLIN, 0};
        if (::poll(&pcapFd, 1, int(std::max<std::int64_t>(1, left.count()))) > 0 && !dispatch())
            return;
    }
}
} // namespace wirelab
