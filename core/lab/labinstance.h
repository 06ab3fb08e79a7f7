// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The running side of a lab: its servers and clients. Each lab host (client, server) is a thread that
// owns the sockets it creates. The controller calls, on the GUI/main thread:
//   start(context)  - bind the servers (LocalHost or the lab network, port 0) and report the ports;
//                     nothing goes on the wire yet, so capture can start first. Synchronous.
//   runAction(id)   - asynchronous; Q_EMIT actionFinished(id, ok, message) when done.
//   stop()          - synchronous; joins every thread and closes every descriptor the lab opened.

#include "store/eventlog.h"
#include "runclock.h"

#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QVariantMap>

#include <cstdint>
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
