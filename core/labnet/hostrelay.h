// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Host mode's stand-in for the wire: a userspace relay on 127.0.0.1 that the lab's client talks to instead
// of the server, for delay and loss where the lab network is not available.
//   TCP: the relay accepts the client's connection, opens its own to the server, and moves the bytes each
//        way after the configured one-way delay (and at the configured rate). It works on bytes, not
//        segments: it cannot drop, duplicate or reorder a segment (the kernel would only retransmit it to
//        the relay), and the handshakes themselves are not delayed.
//   UDP: per datagram: delay, jitter, loss, duplication and reordering, both ways.
// One thread (poll over every socket, an eventfd to stop), every wait bounded; stop() closes everything.

#include "labnet/linkimpairment.h"

#include <QHostAddress>
#include <QString>

#include <cstdint>
#include <memory>

namespace wirelab {

class HostRelay final
{
public:
    HostRelay();
    ~HostRelay(); // stop()
    HostRelay(const HostRelay &) = delete;
    HostRelay &operator=(const HostRelay &) = delete;

    // Before start(): a relay in front of target:port. Returns the relay's port on 127.0.0.1, or 0 with
    // *error.
    std::uint16_t addTcp(const QHostAddress &target, std::uint16_t port, QString *error);
    std::uint16_t addUdp(const QHostAddress &target, std::uint16_t port, QString *error);
    bool start(QString *error);
    void stop();
    bool isRunning() const;

    // Thread-safe; applies to what the relay receives from now on. Refuses invalid settings.
    bool setImpairment(bool clientToServer, const LinkImpairment &impairment, QString *error);
    LinkImpairment impairment(bool clientToServer) const;

    // What the relay cannot do, in one sentence (the status line and the guide show it).
    static QString limitations();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace wirelab
