// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/labcontroller.h"

#include "capture/livecapture.h"
#include "capturesession.h"
#include "lab/labevidence.h"
#include "lab/linkparameters.h"
#include "labnet/hostrelay.h"
#include "labnet/telemetry.h"
#include "labnet/wire.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QPointer>
#include <QSignalBlocker>
#include <QThread>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <map>
#include <mutex>
#include <sys/socket.h>
#include <unistd.h>

namespace wirelab {

// What the lab's threads reach through the LabContext functions. They may call in at any time until the
// lab has stopped, from any thread; the controller clears the pointers (under the mutex) before it
// destroys what they point to, and every call goes through this one mutex, so the lab network's agent
// sees one request at a time.
struct LabRunHooks
{
    std::mutex mutex;
    LabNetwork *network = nullptr;
    HostRelay *relay = nullptr;
    QPointer<TelemetrySampler> telemetry;
    QHostAddress serverAddress;
    std::map<std::pair<int, std::uint16_t>, HostRelay::Endpoint>
        relayPorts; // (SOCK_STREAM|SOCK_DGRAM, server port) -> where the relay listens for it
};

namespace {

QByteArray readHostProcNet(const QString &name)
{
    if (name.contains(QLatin1Char('/')) || name.contains(QLatin1String("..")))
        return {};
    // procfs files report size 0: read until EOF.
    QFile file(QStringLiteral("/proc/net/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.read(1 << 20);
}

QString hostSysctlPath(const QString &name)
{
    QString path = name;
    path.replace(QLatin1Char('.'), QLatin1Char('/'));
    return QStringLiteral("/proc/sys/") + path;
}

} // namespace

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
    if (m_network && m_network->isRunning())
        return CaptureState::Running; // the wire's tap
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
        if (!r.passed && !r.skipped)
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
    // Every lab has the link.* settings, also one that did not come through the registry.
    std::vector<LabParameter> specs = lab.parameters;
    for (LabParameter &p : linkParameterSpecs()) {
        if (!lab.parameter(p.key))
            specs.push_back(std::move(p));
    }
    auto spec = [&specs](const QString &key) -> const LabParameter * {
        for (const LabParameter &p : specs) {
            if (p.key == key)
                return &p;
        }
        return nullptr;
    };
    QVariantMap values;
    for (auto it = parameters.begin(); it != parameters.end(); ++it) {
        if (!spec(it.key()))
            return fail(QCoreApplication::translate("wirelab::LabController", "The lab \"%1\" has no parameter \"%2\".").arg(lab.id, it.key()));
    }
    for (const LabParameter &p : specs) {
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

    LinkSettings link;
    {
        QString why;
        if (!linkSettingsFromParameters(values, &link, &why)) {
            return fail(why);
        }
    }

    // The network first: the lab's sockets are made in it.
    m_networkProblem.clear();
    NetworkMode mode = m_modeChosen
                           ? m_requestedMode
                           : (sandboxAvailability().available ? NetworkMode::Sandbox : NetworkMode::Host);
    if (mode == NetworkMode::Sandbox && m_modeChosen && !sandboxAvailability().available) {
        const SandboxAvailability a = sandboxAvailability();
        return fail(
            tr("The lab network is not available here: %1 %2").arg(a.reason, a.howToEnable).trimmed());
    }
    m_session->reset(mode == NetworkMode::Sandbox ? LinkType::Raw : LinkType::Ethernet);
    m_session->setTitle(lab.title.text());
    m_hooks = std::make_shared<LabRunHooks>();
    if (mode == NetworkMode::Sandbox) {
        QString why;
        if (!startNetwork(lab, mode, &why)) {
            stopNetwork();
            if (m_modeChosen) {
                return fail(why);
            }
            // Automatic: the lab still runs, on the host, and says why.
            m_networkProblem = why;
            mode = NetworkMode::Host;
            m_session->reset(LinkType::Ethernet);
            m_session->setTitle(lab.title.text());
        }
    }
    m_mode = mode;
    m_modeKnown = true;

    m_instance = lab.create();
    connect(m_instance.get(), &LabInstance::actionFinished, this,
            [this](const QString &actionId, bool ok, const QString &message) {
                poll(); // the action's packets and events are in the session before anyone looks
                Q_EMIT actionFinished(actionId, ok, message);
            },
            Qt::QueuedConnection);

    // Telemetry: kernel truth next to wire truth, on the run clock.
    std::shared_ptr<LabRunHooks> hooks = m_hooks;
    TelemetrySampler::ProcNetReader reader;
    if (mode == NetworkMode::Sandbox) {
        reader = [hooks](const QString &host, const QString &name) {
            std::lock_guard lock(hooks->mutex);
            return hooks->network ? hooks->network->readProcNet(host, name) : QByteArray();
        };
    } else {
        reader = [](const QString &, const QString &name) { return readHostProcNet(name); };
    }
    m_telemetry = std::make_unique<TelemetrySampler>(&m_session->events(), &m_session->clock(), reader);
    if (mode == NetworkMode::Sandbox) {
        m_telemetry->setSocketOpener([hooks](const QString &host, int domain, int type, int protocol) {
            std::lock_guard lock(hooks->mutex);
            return hooks->network ? hooks->network->openSocket(host, domain, type, protocol, nullptr) : -1;
        });
        for (const QString &host : m_network->hostNames())
            m_telemetry->watchCounters(host);
    } else {
        m_telemetry->watchCounters(QStringLiteral("host")); // one machine-wide set of counters
    }
    hooks->telemetry = m_telemetry.get();

    LabContext context;
    context.parameters = values;
    context.events = &m_session->events();
    context.clock = &m_session->clock();
    context.networkMode = mode;
    if (mode == NetworkMode::Sandbox) {
        for (const QString &host : m_network->hostNames())
            context.hostAddresses[host] = m_network->address(host);
        const QStringList names = m_network->hostNames();
        context.clientAddress = m_network->address(
            names.contains(QStringLiteral("client")) ? QStringLiteral("client") : names.value(0));
        context.serverAddress = m_network->address(
            names.contains(QStringLiteral("server")) ? QStringLiteral("server") : names.value(1));
        context.openSocket = [hooks](const QString &host, int domain, int type, int protocol,
                                     QString *error) {
            std::lock_guard lock(hooks->mutex);
            if (!hooks->network) {
                if (error)
                    *error = tr("The lab network has stopped.");
                return -1;
            }
            return hooks->network->openSocket(host, domain, type, protocol, error);
        };
        context.readProcNet = reader;
        context.addBreakpoint = [hooks](const QString &expression, QString *error) {
            std::lock_guard lock(hooks->mutex);
            return hooks->network ? hooks->network->wire().addBreakpoint(expression, error) : -1;
        };
        context.removeBreakpoint = [hooks](int id) {
            std::lock_guard lock(hooks->mutex);
            if (hooks->network)
                hooks->network->wire().removeBreakpoint(id);
        };
        context.heldPacketCount = [hooks] {
            std::lock_guard lock(hooks->mutex);
            return hooks->network ? int(hooks->network->wire().heldPackets().size()) : 0;
        };
        context.releaseAllHeld = [hooks] {
            std::lock_guard lock(hooks->mutex);
            return hooks->network ? hooks->network->wire().releaseAll() : 0;
        };
        context.spawnInHost = [hooks](const QString &host, const QString &program, const QStringList &arguments,
                                      int stdinFd, int stdoutFd, int stderrFd, QString *error) {
            std::lock_guard lock(hooks->mutex);
            if (!hooks->network) {
                if (error)
                    *error = tr("The lab network has stopped.");
                return -1;
            }
            return hooks->network->spawnInHost(host, program, arguments, stdinFd, stdoutFd, stderrFd, error);
        };
    } else {
        for (const QString &host : {QStringLiteral("client"), QStringLiteral("server")})
            context.hostAddresses[host] = QHostAddress(QHostAddress::LocalHost);
        context.openSocket = [](const QString &, int domain, int type, int protocol, QString *error) {
            const int fd = ::socket(domain, type | SOCK_CLOEXEC, protocol);
            if (fd < 0 && error)
                *error = QString::fromLocal8Bit(std::strerror(errno));
            return fd;
        };
        context.readProcNet = reader;
        context.serverRoute = [hooks](int socketType, std::uint16_t port) {
            std::lock_guard lock(hooks->mutex);
            if (hooks->relay &&
                !(hooks->relay->impairment(true).isNone() && hooks->relay->impairment(false).isNone())) {
                const auto found = hooks->relayPorts.find({socketType, port});
                if (found != hooks->relayPorts.end())
                    return std::make_pair(found->second.address, found->second.port);
            }
            return std::make_pair(hooks->serverAddress, port);
        };
    }
    hooks->serverAddress = context.serverAddress;
    context.watchSocket = [hooks](const QString &host, int fd, const QString &label) {
        // Who the socket is, read now on the lab's thread; the sampler (on this controller's thread)
        // keeps only that, never a descriptor.
        TelemetrySampler::SocketIdentity id;
        if (!TelemetrySampler::identifySocket(fd, &id))
            return;
        std::lock_guard lock(hooks->mutex);
        if (TelemetrySampler *sampler = hooks->telemetry.data()) {
            QMetaObject::invokeMethod(
                sampler, [sampler, host, id, label] { sampler->watchIdentified(host, id, label); },
                Qt::QueuedConnection);
        }
    };
    context.setLinkImpairment = [hooks](const QString &from, const QString &to,
                                        const LinkImpairment &impairment, QString *error) {
        std::lock_guard lock(hooks->mutex);
        if (hooks->network)
            return hooks->network->wire().setImpairment(from, to, impairment, error);
        if (hooks->relay) {
            if (from == QLatin1String("client") && to == QLatin1String("server"))
                return hooks->relay->setImpairment(true, impairment, error);
            if (from == QLatin1String("server") && to == QLatin1String("client"))
                return hooks->relay->setImpairment(false, impairment, error);
        }
        if (error)
            *error = tr("There is no link from %1 to %2 in this run.").arg(from, to);
        return false;
    };
    context.linkImpairment = [hooks](const QString &from, const QString &to) {
        std::lock_guard lock(hooks->mutex);
        if (hooks->network)
            return hooks->network->wire().impairment(from, to);
        if (hooks->relay)
            return hooks->relay->impairment(from == QLatin1String("client"));
        return LinkImpairment{};
    };

    appendNetworkEvent();
    QString why;
    if (!m_instance->start(context, &m_endpoints, &why)) {
        m_instance->stop();
        m_instance.reset();
        {
            std::lock_guard lock(m_hooks->mutex);
            m_hooks->telemetry = nullptr;
        }
        m_telemetry.reset();
        stopNetwork();
        return fail(why.isEmpty() ? tr("The lab could not start.") : why);
    }

    if (mode == NetworkMode::Sandbox) {
        // The wire's tap is the capture: every packet between the lab's hosts, no capture rights needed.
        const LabLinkSpec first = lab.links.empty() ? LabLinkSpec{} : lab.links.front();
        const QStringList names = m_network->hostNames();
        const QString a = lab.links.empty() ? names.value(0) : first.a;
        const QString b = lab.links.empty() ? names.value(1) : first.b;
        QString problem;
        if (!link.clientToServer.isNone() &&
            !m_network->wire().setImpairment(a, b, link.clientToServer, &problem))
            m_captureProblem = problem;
        if (!link.serverToClient.isNone() &&
            !m_network->wire().setImpairment(b, a, link.serverToClient, &problem))
            m_captureProblem = problem;
        Q_EMIT captureStateChanged(CaptureState::Running);
    } else {
        // Host mode: a relay in front of every server port, used while a delay or loss is set.
        m_relay = std::make_unique<HostRelay>();
        QString problem;
        bool relayOk = true;
        std::map<std::pair<int, std::uint16_t>, HostRelay::Endpoint> ports;
        for (std::uint16_t port : m_endpoints.tcpPorts) {
            const HostRelay::Endpoint relayed = m_relay->addTcp(context.serverAddress, port, &problem);
            relayOk = relayOk && relayed.isValid();
            ports[{SOCK_STREAM, port}] = relayed;
        }
        for (std::uint16_t port : m_endpoints.udpPorts) {
            const HostRelay::Endpoint relayed = m_relay->addUdp(context.serverAddress, port, &problem);
            relayOk = relayOk && relayed.isValid();
            ports[{SOCK_DGRAM, port}] = relayed;
        }
        relayOk = relayOk && m_relay->setImpairment(true, link.clientToServer, &problem) &&
                  m_relay->setImpairment(false, link.serverToClient, &problem) && m_relay->start(&problem);
        if (!relayOk) {
            m_relay.reset();
            if (!link.isNone()) {
                m_instance->stop();
                m_instance.reset();
                {
                    std::lock_guard lock(m_hooks->mutex);
                    m_hooks->telemetry = nullptr;
                }
                m_telemetry.reset();
                return fail(problem);
            }
        } else {
            std::lock_guard lock(m_hooks->mutex);
            m_hooks->relay = m_relay.get();
            m_hooks->relayPorts = ports;
        }
        startHostCapture();
    }

    m_telemetry->start(200);
    setState(State::Running);
    m_ticker.start();
    return true;
}

bool LabController::startNetwork(const LabDefinition &lab, NetworkMode, QString *error)
{
    LabNetworkSpec spec;
    spec.hosts = lab.hosts;
    if (spec.hosts.empty())
        spec.hosts = {LabHostSpec{QStringLiteral("client")}, LabHostSpec{QStringLiteral("server")}};
    spec.links = lab.links;
    if (spec.links.empty() && spec.hosts.size() >= 2)
        spec.links.push_back(LabLinkSpec{spec.hosts[0].name, spec.hosts[1].name, {}, {}});
    m_network = std::make_unique<LabNetwork>();
    m_network->setClock(&m_session->clock());
    if (!m_network->start(spec, error))
        return false;
    for (const LabDefinition::Sysctl &sysctl : lab.sysctls) {
        QString why;
        if (!m_network->setSysctl(sysctl.host, sysctl.name, sysctl.value, &why)) {
            *error = tr("The lab could not set %1 = %2 on %3: %4")
                         .arg(sysctl.name, sysctl.value, sysctl.host, why);
            return false;
        }
        LabEvent e;
        e.timeNs = m_session->clock().nowNs();
        e.host = sysctl.host;
        e.kind = QStringLiteral("network.sysctl");
        e.text = tr("%1 set to %2 on %3 (this lab host only)").arg(sysctl.name, sysctl.value, sysctl.host);
        e.data = {{QStringLiteral("name"), sysctl.name},
                  {QStringLiteral("value"), sysctl.value},
                  {QStringLiteral("applied"), true}};
        m_session->events().append(std::move(e));
    }
    m_network->wire().setCaptureHost(spec.hosts.front().name);
    if (!m_network->wire().start(error))
        return false;
    {
        std::lock_guard lock(m_hooks->mutex);
        m_hooks->network = m_network.get();
    }
    return true;
}

void LabController::appendNetworkEvent()
{
    LabEvent e;
    e.timeNs = m_session->clock().nowNs();
    e.kind = QStringLiteral("network.mode");
    e.text = networkDescription();
    e.data = {{QStringLiteral("mode"), networkModeName(m_mode)}};
    if (m_mode == NetworkMode::Sandbox && m_network) {
        QVariantMap addresses;
        for (const QString &host : m_network->hostNames())
            addresses.insert(host, m_network->address(host).toString());
        e.data.insert(QStringLiteral("addresses"), addresses);
    } else {
        e.data.insert(QStringLiteral("loses"), sandboxAvailability().loses);
        e.data.insert(QStringLiteral("reason"),
                      m_networkProblem.isEmpty() ? sandboxAvailability().reason : m_networkProblem);
        e.data.insert(QStringLiteral("how_to_enable"), sandboxAvailability().howToEnable);
    }
    m_session->events().append(std::move(e));
    if (m_mode == NetworkMode::Host && m_lab) {
        // Host mode never writes the machine's kernel settings: it reports them, read-only.
        for (const LabDefinition::Sysctl &sysctl : m_lab->sysctls) {
            QFile file(hostSysctlPath(sysctl.name));
            const QString current = file.open(QIODevice::ReadOnly)
                                        ? QString::fromLatin1(file.read(256)).trimmed()
                                        : tr("unreadable");
            LabEvent s;
            s.timeNs = m_session->clock().nowNs();
            s.host = sysctl.host;
            s.kind = QStringLiteral("network.sysctl");
            s.text = tr("%1 stays %2 (the lab wanted %3): in host mode kernel settings are the machine's and "
                        "are only read")
                         .arg(sysctl.name, current, sysctl.value);
            s.data = {{QStringLiteral("name"), sysctl.name},
                      {QStringLiteral("value"), current},
                      {QStringLiteral("wanted"), sysctl.value},
                      {QStringLiteral("applied"), false}};
            m_session->events().append(std::move(s));
        }
    }
}

void LabController::startHostCapture()
{
    // Capture exactly the lab's ports, from the client's side as the lab network's tap does. A client
    // that goes through the relay (a delay or loss is set) talks to 127.0.0.2 on the server's own port
    // (hostrelay.h), so the lab's ports catch that leg, with the relay's delay in it; the relay's own
    // connections to the servers leave from 127.0.0.3 and are left out: they carry the same bytes again,
    // timed as the server sees them. A relay that had to take another port adds it; one that could not
    // bind 127.0.0.3 leaves both legs in the capture. The capture is active when start() returns (pcap is
    // activated synchronously), and the lab has not sent anything yet, so no packet of the run is missed.
    std::vector<std::uint16_t> tcpPorts = m_endpoints.tcpPorts, udpPorts = m_endpoints.udpPorts;
    std::map<std::pair<int, std::uint16_t>, HostRelay::Endpoint> relayed;
    if (m_hooks) {
        std::lock_guard lock(m_hooks->mutex);
        relayed = m_hooks->relayPorts;
    }
    for (const auto &[key, endpoint] : relayed) {
        std::vector<std::uint16_t> &ports = key.first == SOCK_STREAM ? tcpPorts : udpPorts;
        if (endpoint.isValid() && std::find(ports.begin(), ports.end(), endpoint.port) == ports.end())
            ports.push_back(endpoint.port);
    }
    m_filter = LiveCapture::filterForPorts(tcpPorts, udpPorts);
    if (m_relay && m_relay->upstreamSeparate() && !m_filter.isEmpty())
        m_filter = QStringLiteral("(%1) and not host %2").arg(m_filter, HostRelay::upstreamAddress().toString());
    m_capture = std::make_unique<LiveCapture>();
    connect(m_capture.get(), &LiveCapture::stateChanged, this,
            [this](CaptureState state) { Q_EMIT captureStateChanged(state); }, Qt::QueuedConnection);
    if (!m_capture->start(QStringLiteral("lo"), m_filter)) {
        m_captureProblem = m_capture->errorString();
        if (m_captureProblem.isEmpty())
            m_captureProblem = tr("The capture on the loopback interface could not start.");
    } else {
        QElapsedTimer waited;
        waited.start();
        while (m_capture->state() == CaptureState::Starting && waited.elapsed() < 3000)
            QThread::msleep(5);
        if (m_capture->state() != CaptureState::Running) {
            m_captureProblem = m_capture->errorString();
            if (m_captureProblem.isEmpty())
                m_captureProblem = tr("The capture did not start within 3 seconds.");
        } else {
            m_session->store().setDefaultLinkType(m_capture->linkType());
        }
    }
    Q_EMIT captureStateChanged(m_capture->state());
}

void LabController::stopNetwork()
{
    if (m_hooks) {
        std::lock_guard lock(m_hooks->mutex);
        m_hooks->network = nullptr;
        m_hooks->relay = nullptr;
        m_hooks->telemetry = nullptr;
    }
    if (m_network) {
        m_network->stop(); // held and queued packets are discarded, never delivered into a stopped lab
        m_network.reset();
    }
    if (m_relay) {
        m_relay->stop();
        m_relay.reset();
    }
}

void LabController::setNetworkMode(NetworkMode mode)
{
    m_requestedMode = mode;
    m_modeChosen = true;
}

void LabController::setAutomaticNetworkMode()
{
    m_modeChosen = false;
}

NetworkMode LabController::networkMode() const
{
    if (m_modeKnown)
        return m_mode;
    if (m_modeChosen)
        return m_requestedMode;
    return sandboxAvailability().available ? NetworkMode::Sandbox : NetworkMode::Host;
}

SandboxAvailability LabController::sandboxAvailability()
{
    return probeSandbox();
}

QString LabController::networkDescription() const
{
    if (networkMode() == NetworkMode::Sandbox) {
        QStringList hosts;
        if (m_network) {
            for (const QString &host : m_network->hostNames())
                hosts << QStringLiteral("%1 %2").arg(host, m_network->address(host).toString());
        }
        if (hosts.isEmpty())
            return tr("lab network (sandbox)");
        return tr("lab network (sandbox): %1").arg(hosts.join(QStringLiteral(", ")));
    }
    QString loses = sandboxAvailability().loses;
    if (loses.isEmpty())
        loses = tr("no delay, loss or breakpoints on the wire, and capture needs capture rights.");
    // With a delay or loss set, host mode's relay carries the lab's traffic: say what it cannot do.
    if (m_relay && !(m_relay->impairment(true).isNone() && m_relay->impairment(false).isNone()))
        loses += QLatin1Char(' ') + HostRelay::limitations();
    return tr("host mode: %1").arg(loses);
}

LabNetwork *LabController::network() const
{
    return m_network.get();
}

Wire *LabController::wire() const
{
    return m_network && m_network->isRunning() ? &m_network->wire() : nullptr;
}

HostRelay *LabController::relay() const
{
    return m_relay.get();
}

TelemetrySampler *LabController::telemetry() const
{
    return m_telemetry.get();
}

bool LabController::setLinkImpairment(const QString &from, const QString &to,
                                      const LinkImpairment &impairment, QString *error)
{
    if (m_state != State::Running || !m_hooks) {
        if (error)
            *error = tr("The lab is not running; press Start first.");
        return false;
    }
    bool ok = false;
    {
        std::lock_guard lock(m_hooks->mutex);
        if (m_hooks->network) {
            ok = m_hooks->network->wire().setImpairment(from, to, impairment, error);
        } else if (m_hooks->relay && from == QLatin1String("client") && to == QLatin1String("server")) {
            ok = m_hooks->relay->setImpairment(true, impairment, error);
        } else if (m_hooks->relay && from == QLatin1String("server") && to == QLatin1String("client")) {
            ok = m_hooks->relay->setImpairment(false, impairment, error);
        } else if (error) {
            *error = tr("There is no link from %1 to %2 in this run.").arg(from, to);
        }
    }
    if (ok) {
        LabEvent e;
        e.timeNs = m_session->clock().nowNs();
        e.kind = QStringLiteral("network.link");
        e.text = tr("Link %1 to %2: delay %3 ms, jitter %4 ms, rate %5 Mbit/s, loss %6 %, duplication %7 %, "
                    "reordering %8 %")
                     .arg(from, to)
                     .arg(impairment.delayMs)
                     .arg(impairment.jitterMs)
                     .arg(impairment.rateMbit)
                     .arg(impairment.lossPercent)
                     .arg(impairment.duplicatePercent)
                     .arg(impairment.reorderPercent);
        e.data = {{QStringLiteral("from"), from},
                  {QStringLiteral("to"), to},
                  {QStringLiteral("delay_ms"), impairment.delayMs},
                  {QStringLiteral("jitter_ms"), impairment.jitterMs},
                  {QStringLiteral("rate_mbit"), impairment.rateMbit},
                  {QStringLiteral("loss_pct"), impairment.lossPercent},
                  {QStringLiteral("duplicate_pct"), impairment.duplicatePercent},
                  {QStringLiteral("reorder_pct"), impairment.reorderPercent}};
        m_session->events().append(std::move(e));
    }
    return ok;
}

LinkImpairment LabController::linkImpairment(const QString &from, const QString &to) const
{
    if (!m_hooks)
        return {};
    std::lock_guard lock(m_hooks->mutex);
    if (m_hooks->network)
        return m_hooks->network->wire().impairment(from, to);
    if (m_hooks->relay)
        return m_hooks->relay->impairment(from == QLatin1String("client"));
    return {};
}

void LabController::stop()
{
    if (m_state != State::Starting && m_state != State::Running)
        return;
    setState(State::Stopping);
    m_ticker.stop();
    if (m_telemetry)
        m_telemetry->stop();
    if (m_instance)
        m_instance->stop(); // joins the lab's threads and closes its sockets
    if (m_hooks) {
        std::lock_guard lock(m_hooks->mutex);
        m_hooks->telemetry = nullptr;
    }
    if (m_capture)
        m_capture->stop();
    poll(); // whatever the capture, the wire and the lab produced up to the end
    const CaptureState finalCapture = captureState();
    stopNetwork();
    m_telemetry.reset();
    m_hooks.reset();
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
    if (m_network && m_network->isRunning()) {
        std::vector<CapturedPacket> batch = m_network->wire().takePackets();
        if (!batch.empty())
            m_session->appendPackets(batch, LinkType::Raw);
    }
    m_session->pollEvents();
    evaluate();
}

void LabController::evaluate()
{
    if (!m_lab)
        return;
    if (m_state == State::Stopped)
        return; // the results of the run stand; nothing new can arrive
    const bool tapRunning = m_network && m_network->isRunning();
    const bool captureAvailable =
        tapRunning || (m_capture && m_captureProblem.isEmpty() && m_capture->state() != CaptureState::Failed);
    const PacketStore &store = m_session->store();
    const std::size_t events = m_session->events().size();
    if (store.size() == m_checkedPackets && events == m_checkedEvents && captureAvailable == m_checkedCapture)
        return;
    // Telemetry samples arrive five times a second for the whole run: when they are all that changed,
    // re-check at most once a second, so a long run does not re-read every packet on every sample.
    if (store.size() == m_checkedPackets && captureAvailable == m_checkedCapture && events > m_checkedEvents
        && m_checkedEvents != std::size_t(-1) && m_lastEvaluation.isValid() && m_lastEvaluation.elapsed() < 1000) {
        bool onlyTelemetry = true;
        for (const LabEvent &e : m_session->events().since(m_checkedEvents)) {
            if (!e.kind.startsWith(QLatin1String("telemetry."))) {
                onlyTelemetry = false;
                break;
            }
        }
        if (onlyTelemetry)
            return;
    }
    m_lastEvaluation.start();
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
        problem = m_capture ? m_capture->errorString() : tr("There is no capture for this run.");
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
            if (result.passed != old.passed || result.skipped != old.skipped ||
                result.evidence != old.evidence) {
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
            if (!r.result.passed && !r.result.skipped && !actionProblems.isEmpty())
                r.result.evidence = actionProblems.join(QLatin1Char(' ')) + QLatin1Char(' ') + r.result.evidence;
            if (!r.result.passed && !r.result.skipped)
                allPassed = false;
            if (report)
                report(r);
        }
    }
    return allPassed;
}

} // namespace wirelab
