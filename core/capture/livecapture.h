// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Live capture with libpcap, on its own thread. Non-blocking + poll() on the selectable fd +
// pcap_dispatch (pcap_next_ex may never return once traffic stops on libpcap 1.10.3), stopped by a flag
// and an eventfd wake-up. Packets are handed over in batches with takePackets().

#include "capture/capturestate.h"
#include "linktype.h"

#include <QMutex>
#include <QObject>
#include <QString>

#include <atomic>
#include <cstdint>
#include <memory>
#include <thread>
#include <vector>

namespace wirelab {

struct CapturedPacket
{
    std::int64_t timeNs = 0;
    std::uint32_t originalLength = 0;
    std::vector<std::uint8_t> bytes;
    QString comment; // becomes the packet's pcapng comment (the lab network's wire notes drops here)
};

class LiveCapture final : public QObject
{
    Q_OBJECT
public:
    explicit LiveCapture(QObject *parent = nullptr);
    ~LiveCapture() override; // stops and joins

    // Opens the device (default "lo"), compiles and sets filter (BPF syntax), starts the thread.
    // Returns false with state Failed and errorString() set: without capture rights the message is one
    // sentence with the fix.
    bool start(const QString &device, const QString &bpfFilter);
    void stop();

    CaptureState state() const { return m_state.load(); }
    QString errorString() const;
    LinkType linkType() const { return m_linkType; }
    // Packets the kernel dropped (pcap_stats ps_drop + ps_ifdrop), updated while running.
    std::uint64_t droppedPackets() const { return m_dropped.load(); }

    // Thread-safe: moves out everything captured since the last call.
    std::vector<CapturedPacket> takePackets();

    // "tcp port 8800 or udp port 8801 ..." from the ports a lab bound; "" when both lists are empty.
    static QString filterForPorts(const std::vector<std::uint16_t> &tcpPorts,
                                  const std::vector<std::uint16_t> &udpPorts);

    // Whether this process may capture on device, without starting; false with *why (one sentence with
    // the fix: the lab network, CAP_NET_RAW via setcap, or root).
    static bool canCapture(const QString &device, QString *why);

Q_SIGNALS:
    void stateChanged(wirelab::CaptureState state);

private:
    void run();
    void setState(CaptureState state, const QString &error = {});

    struct Pcap;
    std::unique_ptr<Pcap> m_pcap;
    std::thread m_thread;
    int m_wakeFd = -1;
    std::atomic<bool> m_stopRequested{false};
    std::atomic<CaptureState> m_state{CaptureState::Idle};
    std::atomic<std::uint64_t> m_dropped{0};
    LinkType m_linkType = LinkType::Ethernet;
    mutable QMutex m_mutex;
    QString m_error;
    std::vector<CapturedPacket> m_pending;
};

} // namespace wirelab
