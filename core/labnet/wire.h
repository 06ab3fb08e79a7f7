// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The wire of the lab network: one thread that moves raw IP packets between the hosts' TUN descriptors
// (epoll over the TUNs, a timerfd for the next due packet). On the way, per link direction, it delays,
// jitters, rate-limits, drops, duplicates and reorders; it holds packets matching a breakpoint until the
// student steps, releases or drops them; and it records what it moves (the tap: LINKTYPE_RAW packets with
// run-clock timestamps).
//
// Where the tap records, so the capture reads like Wireshark on one interface: packets leaving the capture
// host (default: the first host, the lab's client) are stamped when they leave it; packets to the capture
// host when they are delivered to it; packets between other hosts when they enter the wire. A packet the
// wire drops (loss, a full queue) is still recorded with a comment saying so ("Lost on the lab network
// (loss 10 %)"), so the student sees what the receiver never got: one that left the capture host when it
// left; one bound for the capture host when it would have arrived, in its place among the packets sent
// before and after it on that link (never ahead of earlier segments still on the way, which Wireshark
// would then flag as retransmissions or out-of-order).

#include "capture/livecapture.h" // CapturedPacket
#include "labnet/linkimpairment.h"
#include "labnet/packetfilter.h"

#include <QHostAddress>
#include <QObject>
#include <QString>

#include <cstdint>
#include <memory>
#include <vector>

namespace wirelab {

class RunClock;

struct WireStats
{
    std::uint64_t forwarded = 0;   // delivered to a host (duplicates count)
    std::uint64_t lost = 0;        // dropped by the loss setting
    std::uint64_t queueDrops = 0;  // tail drops of a rate-limited link's full queue
    std::uint64_t duplicated = 0;
    std::uint64_t reordered = 0;
    std::uint64_t held = 0;        // ever held by a breakpoint
    std::uint64_t droppedByStudent = 0;
    std::uint64_t unroutable = 0;  // destination not a lab host
};

struct WireBreakpoint
{
    int id = 0;
    QString expression;
    bool enabled = true;
    std::uint64_t hits = 0;
};

struct HeldPacket
{
    std::uint64_t id = 0;          // increasing; step() without id releases the lowest
    std::int64_t heldSinceNs = 0;  // run clock
    int breakpointId = 0;
    QString from, to;              // host names
    QString summary;               // one line, as the packet list's Info column
    std::vector<std::uint8_t> bytes;
};

class Wire final : public QObject
{
    Q_OBJECT
public:
    explicit Wire(const RunClock *clock, QObject *parent = nullptr);
    ~Wire() override; // stop()

    // Before start(): the hosts and their TUN descriptors (the wire takes ownership of tunFd).
    void addHost(const QString &name, const QHostAddress &address, int tunFd);
    void setCaptureHost(const QString &name);
    // Seeds the random choices (loss, duplication, jitter, reordering); by default seeded from the clock.
    // Tests seed it to be reproducible.
    void setSeed(std::uint64_t seed);
    bool start(QString *error);
    // Stops the thread; held and queued packets are discarded, never delivered (the lab is going away).
    void stop();
    bool isRunning() const;

    // Thread-safe; applies to packets entering the wire from now on. Refuses invalid settings.
    bool setImpairment(const QString &from, const QString &to, const LinkImpairment &impairment, QString *error);
    LinkImpairment impairment(const QString &from, const QString &to) const;

    // Breakpoints (PacketFilter syntax). Returns the id, or -1 with *error.
    int addBreakpoint(const QString &expression, QString *error);
    void removeBreakpoint(int id);
    void setBreakpointEnabled(int id, bool enabled);
    std::vector<WireBreakpoint> breakpoints() const;

    std::vector<HeldPacket> heldPackets() const;
    // Release one held packet (id 0: the oldest) onto its link as if it had just been sent: the link's delay
    // still applies. Returns false if there is no such packet.
    bool step(std::uint64_t id = 0);
    int releaseAll();
    bool drop(std::uint64_t id = 0);
    int dropAll();

    // The tap: everything recorded since the last call (thread-safe), LinkType::Raw.
    std::vector<CapturedPacket> takePackets();
    WireStats stats() const;

Q_SIGNALS:
    // Queued to this object's thread whenever the set of held packets changes.
    void heldPacketsChanged();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace wirelab
