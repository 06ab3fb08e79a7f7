// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/labcontroller.h"

#include "capture/livecapture.h"
#include "capturesession.h"
#include "lab/labevidence.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSignalBlocker>
#include <QThread>

namespace wirelab {

LabController::LabController(CaptureSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    m_ticker.setInterval(50);
    connect(&m_ticker, &QTimer::timeout, this, &LabController::poll);
    connect(m_session, &CaptureSession::cleared, this, [this] {
        m_summaries.clear();
        m_checkedPackets = m_checkedEvents = std::size_t(-1);
    });
}

LabController::~LabController()
{
    // Receivers may be half destroyed by now (a parent window deleting its children): stop silently.
    const QSignalBlocker blocker(this);
    stop();
}

void LabController::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

CaptureState LabController::captureState() const
{
    return m_capture ? m_capture->state() : CaptureState::Idle;
}

std::uint64_t LabController::droppedPackets() const
{
    return m_capture ? m_capture->droppedPackets() : 0;
}

CheckResult LabController::checkpointResult(int step, int checkpoint) const
{
    if (step < 0 || std::size_t(step) >= m_results.size())
        return {};
    const auto &results = m_results[std::size_t(step)];
    if (checkpoint < 0 || std::size_t(checkpoint) >= results.size())
        return {};
    return results[std::size_t(checkpoint)];
}

bool LabController::stepDone(int step) const
{
    if (step < 0 || std::size_t(step) >= m_results.size())
        return false;
    for (const CheckResult &r : m_results[std::size_t(step)]) {
        if (!r.passed)
            return false;
    }
    return true;
}

bool LabController::start(const LabDefinition &lab, const QVariantMap &parameters, QString *error)
{
    auto fail = [&](const QString &message) {
        m_error = message;
        if (error)
            *error = message;
        setState(State::Failed);
        return false;
    };
    if (m_state == State::Starting || m_state == State::Running || m_state == State::Stopping)
        return fail(QCoreApplication::translate("wirelab::LabController", "A lab is already running; stop it first."));

    // Every parameter of the definition, validated; --set values may still be strings.
    QVariantMap values;
    for (auto it = parameters.begin(); it != parameters.end(); ++it) {
        if (!lab.parameter(it.key()))
            return fail(QCoreApplication::translate("wirelab::LabController", "The lab \"%1\" has no parameter \"%2\".").arg(lab.id, it.key()));
    }
    for (const LabParameter &p : lab.parameters) {
        QVariant value = parameters.contains(p.key) ? parameters.value(p.key) : p.defaultValue;
        QString why;
        if (value.metaType().id() == QMetaType::QString && p.type != LabParameter::Type::Choice) {
            value = p.parse(value.toString(), &why);
            if (!value.isValid())
                return fail(why);
        } else if (!p.validate(value, &why)) {
            return fail(why);
        }
        values.insert(p.key, value);
    }
    if (!lab.create)
        return fail(QCoreApplication::translate("wirelab::LabController", "The lab \"%1\" cannot be run.").arg(lab.id));

    m_lab = &lab;
    m_parameters = values;
    m_error.clear();
    m_captureProblem.clear();
    m_filter.clear();
    m_endpoints = {};
    m_results.assign(lab.steps.size(), {});
    for (std::size_t s = 0; s < lab.steps.size(); ++s)
        m_results[s].resize(lab.steps[s].checkpoints.size());
    setState(State::Starting);

    m_session->reset(LinkType::Ethernet);
    m_session->setTitle(lab.title.text());

    m_instance = lab.create();
    connect(m_instance.get(), &LabInstance::actionFinished, this,
            [this](const QString &actionId, bool ok, const QString &message) {
                poll(); // the action's packets and events are in the session before anyone looks
                Q_EMIT actionFinished(actionId, ok, message);
            },
            Qt::QueuedConnection);

    LabContext context;
    context.parameters = values;
    context.events = &m_session->events();
    context.clock = &m_session->clock();
    QString why;
    if (!m_instance->start(context, &m_endpoints, &why)) {
        m_instance->stop();
        m_instance.reset();
        return fail(why.isEmpty() ? QCoreApplication::translate("wirelab::LabController", "The lab could not start.") : why);
    }

    // Capture exactly the lab's ports. The capture is active when start() returns (pcap is activated
    // synchronously), and the lab has not sent anything yet, so no packet of the run is missed.
    m_filter = LiveCapture::filterForPorts(m_endpoints.tcpPorts, m_endpoints.udpPorts);
    m_capture = std::make_unique<LiveCapture>();
    connect(m_capture.get(), &LiveCapture::stateChanged, this,
            [this](CaptureState state) { Q_EMIT captureStateChanged(state); }, Qt::QueuedConnection);
    if (!m_capture->start(QStringLiteral("lo"), m_filter)) {
        m_captureProblem = m_capture->errorString();
        if (m_captureProblem.isEmpty())
            m_captureProblem = QCoreApplication::translate("wirelab::LabController", "The capture on the loopback interface could not start.");
    } else {
        QElapsedTimer waited;
        waited.start();
        while (m_capture->state() == CaptureState::Starting && waited.elapsed() < 3000)
            QThread::msleep(5);
        if (m_capture->state() != CaptureState::Running) {
            m_captureProblem = m_capture->errorString();
            if (m_captureProblem.isEmpty())
                m_captureProblem = QCoreApplication::translate("wirelab::LabController", "The capture did not start within 3 seconds.");
        } else {
            m_session->store().setDefaultLinkType(m_capture->linkType());
        }
    }
    Q_EMIT captureStateChanged(m_capture->state());

    setState(State::Running);
    m_ticker.start();
    return true;
}

void LabController::stop()
{
    if (m_state != State::Starting && m_state != State::Running)
        return;
    setState(State::Stopping);
    m_ticker.stop();
    if (m_instance)
        m_instance->stop(); // joins the lab's threads and closes its sockets
    if (m_capture)
        m_capture->stop();
    poll(); // whatever the capture and the lab produced up to the end
    const CaptureState finalCapture = captureState();
    if (m_instance) {
        m_instance->disconnect(this);
        m_instance.reset();
    }
    if (m_capture) {
        m_capture->disconnect(this);
        m_capture.reset();
    }
    Q_EMIT captureStateChanged(finalCapture == CaptureState::Failed ? CaptureState::Failed : CaptureState::Stopped);
    setState(State::Stopped);
}

void LabController::runAction(const QString &actionId)
{
    if (m_state != State::Running || !m_instance) {
        Q_EMIT actionFinished(actionId, false, QCoreApplication::translate("wirelab::LabController", "The lab is not running; press Start first."));
        return;
    }
    m_instance->runAction(actionId);
}

void LabController::poll()
{
    if (m_capture) {
        std::vector<CapturedPacket> batch = m_capture->takePackets();
        if (!batch.empty())
            m_session->appendPackets(batch, m_capture->linkType());
    }
    m_session->pollEvents();
    evaluate();
}

void LabController::evaluate()
{
    if (!m_lab)
        return;
    const bool captureAvailable = m_capture && m_captureProblem.isEmpty()
        && m_capture->state() != CaptureState::Failed;
    const PacketStore &store = m_session->store();
    const std::size_t events = m_session->events().size();
    if (store.size() == m_checkedPackets && events == m_checkedEvents && captureAvailable == m_checkedCapture)
        return;
    m_checkedPackets = store.size();
    m_checkedEvents = events;
    m_checkedCapture = captureAvailable;
    if (m_summaries.size() > store.size())
        m_summaries.clear();
    m_summaries.reserve(store.size());
    for (std::size_t i = m_summaries.size(); i < store.size(); ++i) {
        const PacketView view = store.at(i);
        PacketSummary summary;
        dissectSummary(view.linkType, view.bytes, summary);
        m_summaries.push_back(summary);
    }
    QString problem = m_captureProblem;
    if (!captureAvailable && problem.isEmpty())
        problem = m_capture ? m_capture->errorString() : QCoreApplication::translate("wirelab::LabController", "There is no capture for this run.");
    LabEvidence evidence(*m_session, m_parameters, m_endpoints, captureAvailable, problem);
    evidence.setSummaryCache(&m_summaries);
    for (std::size_t s = 0; s < m_lab->steps.size() && s < m_results.size(); ++s) {
        if (stepDone(int(s)))
            continue;
        const LabStep &step = m_lab->steps[s];
        for (std::size_t c = 0; c < step.checkpoints.size(); ++c) {
            const LabCheckpoint &checkpoint = step.checkpoints[c];
            if (!checkpoint.check)
                continue;
            const CheckResult result = checkpoint.check(evidence);
            CheckResult &old = m_results[s][c];
            if (result.passed != old.passed || result.evidence != old.evidence) {
                old = result;
                Q_EMIT checkpointChanged(int(s), int(c), result);
            }
        }
    }
}

bool runLabHeadless(LabController &controller, int stepTimeoutMs,
                    const std::function<void(const HeadlessReport &)> &report)
{
    const LabDefinition *lab = controller.lab();
    if (!lab || controller.state() != LabController::State::Running)
        return false;
    bool allPassed = true;
    for (std::size_t s = 0; s < lab->steps.size(); ++s) {
        const LabStep &step = lab->steps[s];
        QStringList actionProblems;
        for (const LabAction &action : step.actions) {
            if (controller.state() != LabController::State::Running)
                break;
            QEventLoop loop;
            QTimer timeout;
            timeout.setSingleShot(true);
            bool finished = false, ok = false;
            QString message;
            QObject::connect(&controller, &LabController::actionFinished, &loop,
                             [&](const QString &id, bool success, const QString &text) {
                                 if (id != action.id)
                                     return;
                                 finished = true;
                                 ok = success;
                                 message = text;
                                 loop.quit();
                             });
            QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
            timeout.start(std::max(stepTimeoutMs, 30000)); // blasts may take a while on a slow machine
            controller.runAction(action.id);
            if (!finished)
                loop.exec();
            if (!finished)
                actionProblems << QCoreApplication::translate("wirelab::LabController",
                                                              "Action \"%1\" did not finish in time.")
                                      .arg(action.label.text());
            else if (!ok)
                actionProblems << QCoreApplication::translate("wirelab::LabController", "Action \"%1\" failed: %2")
                                      .arg(action.label.text(), message);
        }

        // Wait for the step's checkpoints, polling so the last packets are moved into the session.
        QElapsedTimer waited;
        waited.start();
        for (;;) {
            controller.poll();
            if (controller.stepDone(int(s)) || waited.elapsed() >= stepTimeoutMs)
                break;
            QEventLoop loop;
            QTimer::singleShot(50, &loop, &QEventLoop::quit);
            loop.exec();
        }
        for (std::size_t c = 0; c < step.checkpoints.size(); ++c) {
            HeadlessReport r;
            r.stepId = step.id;
            r.checkpointId = step.checkpoints[c].id;
            r.description = step.checkpoints[c].description.text();
            r.result = controller.checkpointResult(int(s), int(c));
            if (!r.result.passed && !actionProblems.isEmpty())
                r.result.evidence = actionProblems.join(QLatin1Char(' ')) + QLatin1Char(' ') + r.result.evidence;
            if (!r.result.passed)
                allPassed = false;
            if (report)
                report(r);
        }
    }
    return allPassed;
}

} // namespace wirelab
