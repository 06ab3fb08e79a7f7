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
//
// Addresses, chosen so host mode's capture can show the client's side as the lab network's tap does: the
// relay listens on 127.0.0.2 (listenAddress()), on the server's own port number where it is free, so a
// client through the relay talks to 127.0.0.2:<server port> and a capture filtered on the lab's ports sees
// that leg, with the relay's delay and rate in it; the relay's own connections and datagrams to the
// servers leave from 127.0.0.3 (upstreamAddress()), so the capture can leave that second copy of every
// byte out ("not host 127.0.0.3"). Linux routes all of 127.0.0.0/8 to the loopback device. Where
// 127.0.0.2 cannot be bound (a sandbox with only 127.0.0.1), the relay falls back to 127.0.0.1 and an
// ephemeral port, and its connections to the servers leave from 127.0.0.1.

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

    // Where the relay listens for one server: the client connects or sends here.
    struct Endpoint
    {
        QHostAddress address;
        std::uint16_t port = 0; // 0: the relay could not listen (see *error)
        bool isValid() const { return port != 0; }
    };

    // Before start(): a relay in front of target:port. Returns where it listens: listenAddress() and the
    // same port where that is free, else another address or port (see above); or port 0 with *error.
    Endpoint addTcp(const QHostAddress &target, std::uint16_t port, QString *error);
    Endpoint addUdp(const QHostAddress &target, std::uint16_t port, QString *error);
    bool start(QString *error);
    void stop();
    bool isRunning() const;

    // Thread-safe; applies to what the relay receives from now on. Refuses invalid settings.
    bool setImpairment(bool clientToServer, const LinkImpairment &impairment, QString *error);
    LinkImpairment impairment(bool clientToServer) const;

    // What the relay cannot do, in one sentence (the status line and the guide show it).
    static QString limitations();

    // 127.0.0.2: where the relay listens (the server as a client through the relay sees it).
    static QHostAddress listenAddress();
    // 127.0.0.3: the source of the relay's own connections and datagrams to the servers.
    static QHostAddress upstreamAddress();
    // Whether the relay's connections to the servers leave from upstreamAddress() (false after the
    // fallback to 127.0.0.1, where the capture cannot tell them from the client's).
    bool upstreamSeparate() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace wirelab
