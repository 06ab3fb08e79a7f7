// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Runs one lab: validates parameters, starts the lab instance (servers bound, nothing on the wire),
// starts the capture with a filter made from the ports the lab bound, then every ~50 ms moves captured
// packets and lab events into the session in one batch and re-checks the checkpoints of the steps not yet
// done. stop() stops the lab, then the capture, and leaves no thread or descriptor behind.

#include "capture/capturestate.h"
#include "dissect/dissect.h"
#include "lab/labdefinition.h"
#include "lab/labinstance.h"
#include "labnet/labnetwork.h"
#include "labnet/linkimpairment.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <QVariantMap>

#include <functional>
#include <memory>
#include <vector>

namespace wirelab {

class CaptureSession;
class HostRelay;
class LiveCapture;
class TelemetrySampler;
class Wire;
struct LabRunHooks;

class LabController final : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Starting, Running, Stopping, Stopped, Failed };
    Q_ENUM(State)

    explicit LabController(CaptureSession *session, QObject *parent = nullptr);
    ~LabController() override; // stops

    // Starts lab with parameters (missing keys take their defaults). Returns false with *error and
    // state Failed when parameters are invalid or the lab cannot start. A missing capture right does not
    // fail the start: the lab runs, captureState() is Failed and captureProblem() says why and how to fix it.
    bool start(const LabDefinition &lab, const QVariantMap &parameters, QString *error);
    void stop();
    void runAction(const QString &actionId);

    // The network the next start() uses. Until set, automatic: the lab network (Sandbox) when
    // sandboxAvailability().available, else Host. A chosen Sandbox that cannot start fails start() with
    // the reason; automatic falls back to Host and networkProblem() says why.
    void setNetworkMode(NetworkMode mode);
    void setAutomaticNetworkMode();
    bool networkModeIsAutomatic() const { return !m_modeChosen; }
    // The mode of the running (or last) run; before the first run, the mode start() would choose.
    NetworkMode networkMode() const;
    static SandboxAvailability sandboxAvailability(); // probeSandbox(), cached per process
    // Why an automatic run fell back to host mode ("" when it did not).
    QString networkProblem() const { return m_networkProblem; }
    // One line for the status bar and the CLI: "Lab network (sandbox): client 198.18.0.1, server
    // 198.18.0.2" or "Host mode: <what it loses>".
    QString networkDescription() const;

    // The running run's parts; nullptr when not running or not in that mode. Owned by the controller.
    LabNetwork *network() const;         // sandbox mode
    Wire *wire() const;                  // sandbox mode
    HostRelay *relay() const;            // host mode
    TelemetrySampler *telemetry() const; // both modes, while running

    // Changes one direction of the link between two lab hosts while the lab runs (the wire in sandbox
    // mode; in host mode the relay, client/server only). false with *error (one sentence) when refused.
    bool setLinkImpairment(const QString &from, const QString &to, const LinkImpairment &impairment,
                           QString *error);
    LinkImpairment linkImpairment(const QString &from, const QString &to) const;

    State state() const { return m_state; }
    QString errorString() const { return m_error; }
    const LabDefinition *lab() const { return m_lab; }
    const QVariantMap &parameters() const { return m_parameters; }
    const LabEndpoints &endpoints() const { return m_endpoints; }

    CaptureState captureState() const;
    QString captureProblem() const { return m_captureProblem; }
    std::uint64_t droppedPackets() const;
    QString captureFilter() const { return m_filter; }

    // Latest result of checkpoint c of step s (not passed, empty evidence, until first checked).
    CheckResult checkpointResult(int step, int checkpoint) const;
    bool stepDone(int step) const;
    // Moves pending packets/events into the session and re-checks now (the ticker does this every 50 ms).
    void poll();

Q_SIGNALS:
    void stateChanged(wirelab::LabController::State state);
    void captureStateChanged(wirelab::CaptureState state);
    void actionFinished(const QString &actionId, bool ok, const QString &message);
    void checkpointChanged(int step, int checkpoint, const wirelab::CheckResult &result);

private:
    void setState(State state);
    void evaluate();
    bool startNetwork(const LabDefinition &lab, NetworkMode mode, QString *error);
    void startHostCapture();
    void stopNetwork();
    void appendNetworkEvent();

    CaptureSession *m_session;
    const LabDefinition *m_lab = nullptr;
    std::unique_ptr<LabInstance> m_instance;
    std::unique_ptr<LiveCapture> m_capture;
    std::unique_ptr<LabNetwork> m_network;
    std::unique_ptr<HostRelay> m_relay;
    std::unique_ptr<TelemetrySampler> m_telemetry;
    std::shared_ptr<LabRunHooks> m_hooks; // what the lab's threads reach through LabContext's functions
    NetworkMode m_requestedMode = NetworkMode::Host;
    bool m_modeChosen = false;
    NetworkMode m_mode = NetworkMode::Host;
    bool m_modeKnown = false;
    QString m_networkProblem;
    QVariantMap m_parameters;
    LabEndpoints m_endpoints;
    State m_state = State::Idle;
    QString m_error;
    QString m_filter;
    QString m_captureProblem;
    QTimer m_ticker;
    std::vector<std::vector<CheckResult>> m_results;
    // Checkpoints are pure functions of the evidence: re-check only when it changed.
    std::vector<PacketSummary> m_summaries;
    std::size_t m_checkedPackets = std::size_t(-1), m_checkedEvents = std::size_t(-1);
    bool m_checkedCapture = false;
    QElapsedTimer m_lastEvaluation;
};

// Runs every step of a lab headless, as `wirelab-cli run` and the lab tests do: each step's actions in
// order (waiting for each to finish), then waits up to stepTimeoutMs for its checkpoints to pass.
// report is called once per checkpoint with its final result. Returns true when every checkpoint passed.
struct HeadlessReport
{
    QString stepId, checkpointId, description;
    CheckResult result;
};
bool runLabHeadless(LabController &controller, int stepTimeoutMs,
                    const std::function<void(const HeadlessReport &)> &report);

} // namespace wirelab
