// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMutex>
#include <QString>
#include <QVariantMap>

#include <cstdint>
#include <vector>

namespace wirelab {

// What the lab code itself reports, on the run clock: a connect, a send, a read with its byte count, a
// checkpoint reached, a kernel counter sampled. Checkpoints read it next to the captured packets.
struct LabEvent
{
    std::int64_t timeNs = 0; // run clock, nanoseconds since the Unix epoch
    QString host;            // which lab host reported it: "client", "server"
    QString kind;            // dotted id: "tcp.connect", "tcp.recv", "udp.recv", "counter.udp.rcvbuferrors"
    QString text;            // one line for people, already translated
    QVariantMap data;        // machine-readable values ("bytes": 3, "payload": "ABC")
};

// Append-only, thread-safe event log: lab hosts append from their own threads; readers take snapshots or
// read from an index onwards (the GUI polls with since()).
class EventLog final
{
public:
    void append(LabEvent event);
    std::size_t size() const;
    // Events with index >= from, in order.
    std::vector<LabEvent> since(std::size_t from) const;
    std::vector<LabEvent> all() const { return since(0); }
    void clear();

    // One JSON object per line: {"t_ns":..,"host":..,"kind":..,"text":..,"data":{..}}.
    static QByteArray toJsonLine(const LabEvent &event);

private:
    mutable QMutex m_mutex;
    std::vector<LabEvent> m_events;
};

} // namespace wirelab
