// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "capturesession.h"
#include "lab/labinstance.h"

#include <QVariantMap>

#include <cstdint>
#include <functional>
#include <vector>

namespace wirelab {

// What a checkpoint may look at: the session's packets (with their summaries and TCP analysis), the
// lab's events, the parameters the lab ran with and the ports it bound. Checkpoints verify themselves
// from this evidence only, never from the lab's internal state.
class LabEvidence final
{
public:
    LabEvidence(const CaptureSession &session, const QVariantMap &parameters, const LabEndpoints &endpoints,
                bool captureAvailable, const QString &captureProblem)
        : m_session(session), m_parameters(parameters), m_endpoints(endpoints)
        , m_captureAvailable(captureAvailable), m_captureProblem(captureProblem) {}

    const CaptureSession &session() const { return m_session; }
    const PacketStore &packets() const { return m_session.store(); }
    const EventLog &events() const { return m_session.events(); }
    const TcpConversationTracker &tcp() const { return m_session.tcp(); }
    const QVariantMap &parameters() const { return m_parameters; }
    const LabEndpoints &endpoints() const { return m_endpoints; }

    // False when the run has no wire capture (no capture rights): packet checkpoints then fail with
    // captureProblem() as their evidence.
    bool captureAvailable() const { return m_captureAvailable; }
    QString captureProblem() const { return m_captureProblem; }

    // The run's network mode, from the controller's "network.mode" event: true in host mode (labs use it
    // to say what host mode cannot show).
    bool hostMode() const;

    // The last event of `kind` whose data "run" is `run`: the marker a lab's client emits around one
    // action ("http.run", "tls.run"), with data from_ns/to_ns (run clock) and whatever else it reported.
    // Checkpoints use its window to pick their connections out of the capture; the figures still come from
    // the capture. found is false when that action has not run yet.
    struct RunWindow
    {
        bool found = false;
        std::int64_t from = 0, to = 0;
        QVariantMap data;
    };
    RunWindow runWindow(const QString &kind, const QString &run) const;

    // Calls fn for every packet in order with its summary; stops early when fn returns false.
    void forEachPacket(const std::function<bool(const PacketView &, const PacketSummary &)> &fn) const;

    // Summaries already computed for the first cache->size() packets (the controller keeps them, so
    // checkpoints re-checked every tick do not dissect the whole run again). Optional.
    void setSummaryCache(const std::vector<PacketSummary> *cache) { m_summaries = cache; }

private:
    const CaptureSession &m_session;
    const QVariantMap &m_parameters;
    const LabEndpoints &m_endpoints;
    bool m_captureAvailable;
    QString m_captureProblem;
    const std::vector<PacketSummary> *m_summaries = nullptr;
};

} // namespace wirelab
