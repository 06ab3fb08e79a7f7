// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Everything one run (or one opened file) produced: the packet store, the lab's event log, the TCP
// conversation tracker fed in capture order, and the run clock they all share. The app's views and the
// checkpoints read it; the lab controller or the file reader write it, on the session's thread.

#include "capture/capturefile.h"
#include "dissect/tcptracker.h"
#include "runclock.h"
#include "store/eventlog.h"
#include "store/packetstore.h"

#include <QObject>
#include <QString>

#include <span>

namespace wirelab {

struct CapturedPacket;

class CaptureSession final : public QObject
{
    Q_OBJECT
public:
    explicit CaptureSession(QObject *parent = nullptr);
    ~CaptureSession() override;

    PacketStore &store() { return m_store; }
    const PacketStore &store() const { return m_store; }
    EventLog &events() { return m_events; }
    const EventLog &events() const { return m_events; }
    const TcpConversationTracker &tcp() const { return m_tcp; }
    const RunClock &clock() const { return m_clock; }

    // Appends a batch, feeds the tracker, and emits packetsAppended once for the batch.
    void appendPackets(std::span<const CapturedPacket> batch, LinkType linkType);
    // Emits eventsAppended for events appended to events() since the last call (called by the
    // controller's ticker; lab threads append to the log directly).
    void pollEvents();

    // Empties everything for a new run: new clock, empty store/log/tracker. Emits cleared().
    void reset(LinkType linkType = LinkType::Ethernet);
    // Replaces the contents with a capture file. Returns what the reader reported (see CaptureFileInfo);
    // emits cleared() then packetsAppended for all packets.
    CaptureFileInfo openFile(const QString &path);

    // Summary of packet index (0-based), dissected on demand.
    PacketSummary summary(std::size_t index) const;
    // Time of the first packet (or the clock's start when empty): the zero of relative times.
    std::int64_t originNs() const;
    // A name for the window title: the file name, or the lab's title.
    QString title() const { return m_title; }
    void setTitle(const QString &title) { m_title = title; }

Q_SIGNALS:
    void cleared();
    void packetsAppended(std::size_t firstIndex, std::size_t count);
    void eventsAppended(std::size_t firstIndex, std::size_t count);

private:
    void track(std::size_t firstIndex);

    RunClock m_clock;
    PacketStore m_store;
    EventLog m_events;
    TcpConversationTracker m_tcp;
    std::size_t m_eventsSeen = 0;
    QString m_title;
};

} // namespace wirelab
