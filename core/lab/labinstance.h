// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The running side of a lab: its servers and clients. Each lab host (client, server) is a thread that
// owns the sockets it creates. The controller calls, on the GUI/main thread:
//   start(context)  - bind the servers (LocalHost or the lab network, port 0) and report the ports;
//                     nothing goes on the wire yet, so capture can start first. Synchronous.
//   runAction(id)   - asynchronous; Q_EMIT actionFinished(id, ok, message) when done.
//   stop()          - synchronous; joins every thread and closes every descriptor the lab opened.

#include "labnet/labnetwork.h" // NetworkMode
#include "labnet/linkimpairment.h"
#include "runclock.h"
#include "store/eventlog.h"

#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <cstdint>
#include <functional>
#include <map>
#include <vector>

namespace wirelab {

// What the controller gives a lab when it starts.
struct LabContext
{
    QVariantMap parameters;   // every parameter of the definition, validated, by key
    EventLog *events = nullptr;
    const RunClock *clock = nullptr;
    QHostAddress serverAddress = QHostAddress::LocalHost; // where servers listen
    QHostAddress clientAddress = QHostAddress::LocalHost; // where clients bind before connecting

    // Appends a lab event stamped with the run clock (nothing when the context has no event log).
    // Thread-safe: lab hosts call it from their own threads.
    void report(const QString &host, const QString &kind, const QString &text,
                const QVariantMap &data = {}) const
    {
        if (!events)
            return;
        events->append({clock ? clock->nowNs() : 0, host, kind, text, data});
    }

    // The network the lab runs in. Sandbox: every host is a network namespace of the lab network
    // (198.18.0.x); Host: every host is 127.0.0.1 on the real loopback.
    NetworkMode networkMode = NetworkMode::Host;
    std::map<QString, QHostAddress> hostAddresses; // by host name: "client", "server", ...

    // Every socket of the lab is made through this: ::socket() in host mode, a socket created inside the
    // host's namespace in sandbox mode (SOCK_CLOEXEC added). Thread-safe; callable from any lab host.
    // -1 with *error on failure. Unset (a LabContext made by hand): use ::socket().
    std::function<int(const QString &host, int domain, int type, int protocol, QString *error)> openSocket;
    // Registers a socket for kernel telemetry (TCP_INFO sampling); the sampler keeps its own copy of the
    // descriptor, so the lab may close fd right after. Thread-safe; may be unset.
    std::function<void(const QString &host, int fd, const QString &label)> watchSocket;
    // /proc/net/<name> ("snmp", "netstat") as the host sees it (its namespace in sandbox mode, the
    // machine's in host mode). Thread-safe; may be unset (read /proc/net directly).
    std::function<QByteArray(const QString &host, const QString &name)> readProcNet;

    // Where a client should connect to reach a server's port. Host mode with a link delay or loss set
    // goes through the userspace relay (core/labnet/hostrelay.h) on 127.0.0.1; otherwise this returns
    // the server's own address and port. socketType is SOCK_STREAM or SOCK_DGRAM. May be unset.
    std::function<std::pair<QHostAddress, std::uint16_t>(int socketType, std::uint16_t serverPort)>
        serverRoute;

    // The link between two hosts, changeable while traffic flows (the wire in sandbox mode, the relay in
    // host mode). Thread-safe; may be unset. false with *error when refused or not possible in this mode.
    std::function<bool(const QString &from, const QString &to, const LinkImpairment &impairment,
                       QString *error)>
        setLinkImpairment;
    std::function<LinkImpairment(const QString &from, const QString &to)> linkImpairment;
    // Breakpoints on the wire (sandbox mode only; unset in host mode): hold matching packets until released.
    std::function<int(const QString &expression, QString *error)> addBreakpoint; // id, or -1 with *error
    std::function<void(int id)> removeBreakpoint;
    std::function<int()> heldPacketCount;
    std::function<int()> releaseAllHeld; // returns how many were released
    // Runs a program inside a lab host (sandbox mode only; unset in host mode), as LabNetwork::spawnInHost:
    // program is an absolute path; the descriptors become its 0, 1, 2 (-1: /dev/null). Returns a pidfd
    // (poll() it for the exit), or -1 with *error. The process dies with the lab network.
    std::function<int(const QString &host, const QString &program, const QStringList &arguments, int stdinFd,
                      int stdoutFd, int stderrFd, QString *error)>
        spawnInHost;
};

// What a lab reports after start(): the ports it bound, so the capture filter is exactly the lab's traffic.
struct LabEndpoints
{
    std::vector<std::uint16_t> tcpPorts;
    std::vector<std::uint16_t> udpPorts;
};

class LabInstance : public QObject
{
    Q_OBJECT
public:
    explicit LabInstance(QObject *parent = nullptr) : QObject(parent) {}
    ~LabInstance() override = default;

    // Returns false with *error (one sentence: what failed and how to fix it) if the lab cannot start.
    virtual bool start(const LabContext &context, LabEndpoints *endpoints, QString *error) = 0;
    virtual void runAction(const QString &actionId) = 0;
    virtual void stop() = 0;

Q_SIGNALS:
    void actionFinished(const QString &actionId, bool ok, const QString &message);
};

} // namespace wirelab
