// SPDX-License-Identifier: GPL-3.0-or-later
// The lab runtime: typed parameters with one-sentence errors, the registry, the controller's lifecycle,
// and the headless runner's reports, checked with a small lab defined here whose checkpoints read the
// events its actions log.
#include "capture/livecapture.h"
#include "capturesession.h"
#include "dissect/dissect.h"
#include "dissect/tcptracker.h"
#include "lab/labcontroller.h"
#include "lab/labevidence.h"
#include "lab/labhost.h"
#include "lab/labregistry.h"
#include "labnet/hostrelay.h"
#include "labnet/labnetwork.h"
#include "labnet/wire.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <poll.h>
#include <unistd.h>

using namespace wirelab;

namespace {

LabParameter intParameter(const char *key, int value, int min, int max)
{
    LabParameter p;
    p.key = QLatin1String(key);
    p.type = LabParameter::Type::Int;
    p.defaultValue = value;
    p.minimum = min;
    p.maximum = max;
    return p;
}

LabParameter parameterOfType(const QString &type)
{
    if (type == QLatin1String("int"))
        return intParameter("udp.rcvbuf", 4096, 256, 4194304);
    LabParameter p;
    if (type == QLatin1String("double")) {
        p.key = QStringLiteral("loss.rate");
        p.type = LabParameter::Type::Double;
        p.defaultValue = 0.0;
        p.minimum = 0;
        p.maximum = 1;
    } else if (type == QLatin1String("bool")) {
        p.key = QStringLiteral("tcp.nodelay");
        p.type = LabParameter::Type::Bool;
        p.defaultValue = false;
    } else {
        p.key = QStringLiteral("http.version");
        p.type = LabParameter::Type::Choice;
        p.choices = {QStringLiteral("1.1"), QStringLiteral("2")};
        p.defaultValue = QStringLiteral("1.1");
    }
    return p;
}

// A lab whose actions log events from a thread of its own, like a real lab host.
class EchoLabInstance final : public LabInstance
{
    Q_OBJECT
public:
    bool start(const LabContext &context, LabEndpoints *endpoints, QString *error) override
    {
        if (context.parameters.value(QStringLiteral("fail.start")).toBool()) {
            *error = QStringLiteral("The echo lab was told to fail.");
            return false;
        }
        m_context = context;
        endpoints->udpPorts = {9}; // nothing listens: the capture filter just has to be valid
        return true;
    }
    void runAction(const QString &actionId) override
    {
        if (m_worker.joinable())
            m_worker.join();
        m_worker = std::thread([this, actionId] {
            LabEvent e;
            e.timeNs = m_context.clock->nowNs();
            e.host = QStringLiteral("client");
            e.kind = actionId;
            e.data.insert(QStringLiteral("count"), m_context.parameters.value(QStringLiteral("echo.count")));
            m_context.events->append(e);
            const bool ok = actionId != QLatin1String("fail");
            Q_EMIT actionFinished(actionId, ok, ok ? QStringLiteral("done") : QStringLiteral("it broke"));
        });
    }
    void stop() override
    {
        if (m_worker.joinable())
            m_worker.join();
    }
    ~EchoLabInstance() override { stop(); }

private:
    LabContext m_context;
    std::thread m_worker;
};

CheckResult eventSeen(const LabEvidence &e, const QString &kind)
{
    for (const LabEvent &event : e.events().all()) {
        if (event.kind == kind)
            return {true, QStringLiteral("%1 seen with count %2").arg(kind, event.data.value(QStringLiteral("count")).toString())};
    }
    return {false, QStringLiteral("no %1 event").arg(kind)};
}

LabDefinition echoLab()
{
    LabDefinition lab;
    lab.id = QStringLiteral("echo");
    lab.title = labText("EchoLab", "Echo");
    lab.parameters.push_back(intParameter("echo.count", 3, 1, 10));
    LabParameter failStart;
    failStart.key = QStringLiteral("fail.start");
    failStart.type = LabParameter::Type::Bool;
    failStart.defaultValue = false;
    lab.parameters.push_back(failStart);

    LabStep ping;
    ping.id = QStringLiteral("ping");
    ping.actions = {{QStringLiteral("ping"), labText("EchoLab", "Ping")}};
    ping.checkpoints = {{QStringLiteral("pinged"), labText("EchoLab", "The ping was logged"),
                         [](const LabEvidence &e) { return eventSeen(e, QStringLiteral("ping")); }}};
    lab.steps.push_back(ping);

    LabStep broken;
    broken.id = QStringLiteral("broken");
    broken.actions = {{QStringLiteral("fail"), labText("EchoLab", "Fail")}};
    broken.checkpoints = {{QStringLiteral("never"), labText("EchoLab", "Something that never happens"),
                           [](const LabEvidence &e) { return eventSeen(e, QStringLiteral("never")); }},
                          {QStringLiteral("failed.logged"), labText("EchoLab", "The failing action was logged"),
                           [](const LabEvidence &e) { return eventSeen(e, QStringLiteral("fail")); }}};
    lab.steps.push_back(broken);
    lab.create = [] { return std::make_unique<EchoLabInstance>(); };
    return lab;
}

// A lab with a UDP echo server on the loopback whose client goes where LabContext::serverRoute says: in host
// mode with a delay set, through the relay.
class UdpEchoLabInstance final : public LabInstance
{
    Q_OBJECT
public:
    bool start(const LabContext &context, LabEndpoints *endpoints, QString *error) override
    {
        m_context = context;
        m_server = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(context.serverAddress.toIPv4Address());
        socklen_t len = sizeof a;
        if (m_server < 0 || ::bind(m_server, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0 ||
            ::getsockname(m_server, reinterpret_cast<sockaddr *>(&a), &len) != 0) {
            *error = QStringLiteral("The echo server could not bind.");
            return false;
        }
        m_port = ntohs(a.sin_port);
        endpoints->udpPorts = {m_port};
        return true;
    }
    void runAction(const QString &actionId) override
    {
        if (m_worker.joinable())
            m_worker.join();
        m_worker = std::thread([this, actionId] {
            const auto [address, port] = m_context.serverRoute(SOCK_DGRAM, m_port);
            const int client = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
            sockaddr_in to{};
            to.sin_family = AF_INET;
            to.sin_addr.s_addr = htonl(address.toIPv4Address());
            to.sin_port = htons(port);
            bool ok = client >= 0 && ::connect(client, reinterpret_cast<sockaddr *>(&to), sizeof to) == 0;
            char buffer[64];
            for (int i = 0; ok && i < 3; ++i) {
                ok = ::send(client, "ping", 4, 0) == 4;
                pollfd p{m_server, POLLIN, 0};
                sockaddr_in peer{};
                socklen_t len = sizeof peer;
                ok = ok && ::poll(&p, 1, 3000) == 1 &&
                     ::recvfrom(m_server, buffer, sizeof buffer, 0, reinterpret_cast<sockaddr *>(&peer), &len) == 4 &&
                     ::sendto(m_server, "pong", 4, 0, reinterpret_cast<sockaddr *>(&peer), len) == 4;
                pollfd c{client, POLLIN, 0};
                ok = ok && ::poll(&c, 1, 3000) == 1 && ::recv(client, buffer, sizeof buffer, 0) == 4;
            }
            if (client >= 0)
                ::close(client);
            Q_EMIT actionFinished(actionId, ok, ok ? QStringLiteral("3 echoes") : QStringLiteral("no echo"));
        });
    }
    void stop() override
    {
        if (m_worker.joinable())
            m_worker.join();
        if (m_server >= 0)
            ::close(m_server);
        m_server = -1;
    }
    ~UdpEchoLabInstance() override { stop(); }
    std::uint16_t m_port = 0;

private:
    LabContext m_context;
    int m_server = -1;
    std::thread m_worker;
};

LabDefinition udpEchoLab()
{
    LabDefinition lab;
    lab.id = QStringLiteral("udp-echo");
    lab.title = labText("EchoLab", "UDP echo");
    LabStep echo;
    echo.id = QStringLiteral("echo");
    echo.actions = {{QStringLiteral("echo"), labText("EchoLab", "Echo")}};
    lab.steps.push_back(echo);
    lab.create = [] { return std::make_unique<UdpEchoLabInstance>(); };
    return lab;
}

} // namespace

class TestLabRuntime final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parseRejectsBadInput_data();
    void parseRejectsBadInput();
    void parseAcceptsGoodInput_data();
    void parseAcceptsGoodInput();
    void validateChecksTypeAndRange();
    void registryFindsAndReplacesById();
    void startWithBadParametersFailsWithTheMessage_data();
    void startWithBadParametersFailsWithTheMessage();
    void startFailureOfTheLabIsReported();
    void actionsBeforeStartFailCleanly();
    void headlessRunReportsEveryCheckpointOnce();
    void sessionResetEmptiesEverything();
    void sessionOpensAFileIntoAFreshStore();
    void sessionAppendsABatchWithOneSignal();
    void labHostRunsTasksInOrderAndStopsWaits();
    void sysctlsApplyToTheLabsOwnHostsOnly_data();
    void sysctlsApplyToTheLabsOwnHostsOnly();
    void theLinkChangesWhileTheLabRuns_data();
    void theLinkChangesWhileTheLabRuns();
    void refusedNamespacesFallBackToHostMode();
    void hostModeCapturesTheClientsSideOfTheRelay();
};

namespace {
QString machineSomaxconn()
{
    QFile file(QStringLiteral("/proc/sys/net/core/somaxconn"));
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll()).trimmed() : QString();
}
} // namespace

void TestLabRuntime::sysctlsApplyToTheLabsOwnHostsOnly_data()
{
    QTest::addColumn<bool>("sandbox");
    QTest::newRow("lab network") << true;
    QTest::newRow("host mode") << false;
}

void TestLabRuntime::sysctlsApplyToTheLabsOwnHostsOnly()
{
    QFETCH(bool, sandbox);
    if (sandbox && !LabController::sandboxAvailability().available)
        QFAIL(qPrintable(LabController::sandboxAvailability().reason));
    LabDefinition lab = echoLab();
    lab.sysctls = {{QStringLiteral("server"), QStringLiteral("net.core.somaxconn"), QStringLiteral("77")}};
    const QString machineBefore = machineSomaxconn();
    QVERIFY(!machineBefore.isEmpty() && machineBefore != QLatin1String("77"));
    CaptureSession session;
    LabController controller(&session);
    controller.setNetworkMode(sandbox ? NetworkMode::Sandbox : NetworkMode::Host);
    QString why;
    QVERIFY2(controller.start(lab, {}, &why), qPrintable(why));
    std::vector<LabEvent> sysctlEvents;
    for (LabEvent &e : session.events().all()) {
        if (e.kind == QLatin1String("network.sysctl"))
            sysctlEvents.push_back(std::move(e));
    }
    QCOMPARE(sysctlEvents.size(), std::size_t(1));
    QCOMPARE(sysctlEvents.front().host, QStringLiteral("server"));
    if (sandbox) {
        QVERIFY(controller.network());
        QCOMPARE(controller.network()->sysctl(QStringLiteral("server"), QStringLiteral("net.core.somaxconn"),
                                              &why),
                 QStringLiteral("77"));
        QVERIFY(controller.network()->sysctl(QStringLiteral("client"), QStringLiteral("net.core.somaxconn"),
                                             &why) != QLatin1String("77"));
        QVERIFY(sysctlEvents.front().data.value(QStringLiteral("applied")).toBool());
    } else {
        // Host mode never writes the machine's settings; it says so.
        QVERIFY(!sysctlEvents.front().data.value(QStringLiteral("applied")).toBool());
        QVERIFY2(sysctlEvents.front().text.contains(QStringLiteral("only read")),
                 qPrintable(sysctlEvents.front().text));
    }
    QCOMPARE(machineSomaxconn(), machineBefore);
    controller.stop();
    QCOMPARE(machineSomaxconn(), machineBefore);
}

void TestLabRuntime::refusedNamespacesFallBackToHostMode()
{
    // WIRELAB_FORCE_HOST_MODE=1 simulates a machine that refuses unprivileged user namespaces.
    qputenv("WIRELAB_FORCE_HOST_MODE", "1");
    const LabDefinition lab = echoLab();
    CaptureSession session;
    {
        LabController automatic(&session);
        QVERIFY(automatic.networkModeIsAutomatic());
        QCOMPARE(automatic.networkMode(), NetworkMode::Host);
        QString why;
        QVERIFY2(automatic.start(lab, {}, &why), qPrintable(why));
        QCOMPARE(automatic.networkMode(), NetworkMode::Host);
        QVERIFY(!automatic.network());
        QVERIFY2(automatic.networkDescription().startsWith(QStringLiteral("host mode: ")),
                 qPrintable(automatic.networkDescription()));
        bool said = false;
        for (const LabEvent &e : session.events().all())
            said = said || (e.kind == QLatin1String("network.mode") &&
                            e.data.value(QStringLiteral("reason"))
                                .toString()
                                .contains(QStringLiteral("WIRELAB_FORCE_HOST_MODE")));
        QVERIFY(said);
        automatic.stop();
    }
    {
        LabController chosen(&session);
        chosen.setNetworkMode(NetworkMode::Sandbox);
        QString why;
        QVERIFY(!chosen.start(lab, {}, &why));
        QCOMPARE(chosen.state(), LabController::State::Failed);
        QVERIFY2(why.startsWith(QStringLiteral("The lab network is not available here: ")) &&
                     why.contains(QStringLiteral("Unset WIRELAB_FORCE_HOST_MODE")),
                 qPrintable(why));
    }
    qunsetenv("WIRELAB_FORCE_HOST_MODE");
}

// Host mode with a delay: the client talks to the relay, and the capture shows that leg (127.0.0.2 on the
// server's port, as the lab network's tap shows the client's side), not the relay's own to the server.
void TestLabRuntime::hostModeCapturesTheClientsSideOfTheRelay()
{
    QString why;
    if (!LiveCapture::canCapture(QStringLiteral("lo"), &why))
        QSKIP(qPrintable(QStringLiteral("no capture rights on lo: ") + why));
    const LabDefinition lab = udpEchoLab();
    CaptureSession session;
    LabController controller(&session);
    controller.setNetworkMode(NetworkMode::Host);
    QVERIFY2(controller.start(lab, {{QStringLiteral("link.delay_ms"), QStringLiteral("10")}}, &why),
             qPrintable(why));
    QVERIFY(controller.relay() != nullptr);
    QSignalSpy finished(&controller, &LabController::actionFinished);
    controller.runAction(QStringLiteral("echo"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 15000);
    QVERIFY2(finished.at(0).at(1).toBool(), qPrintable(finished.at(0).at(2).toString()));
    const QString relay = HostRelay::listenAddress().toString();
    const QString upstream = HostRelay::upstreamAddress().toString();
    int toRelay = 0, fromRelay = 0;
    QStringList seen;
    // Bounded: the capture delivers within its 50 ms ticks; six datagrams are there or the wait ends.
    auto captured = [&] {
        toRelay = fromRelay = 0;
        seen.clear();
        const PacketStore &store = session.store();
        for (std::size_t i = 0; i < store.size(); ++i) {
            const PacketView view = store.at(i);
            PacketSummary s;
            if (!dissectSummary(view.linkType, view.bytes, s) || s.ipProtocol != 17)
                continue;
            const QString src = s.src.toString(), dst = s.dst.toString();
            seen << QStringLiteral("%1:%2 > %3:%4").arg(src).arg(s.srcPort).arg(dst).arg(s.dstPort);
            toRelay += dst == relay && s.dstPort == controller.endpoints().udpPorts.front() ? 1 : 0;
            fromRelay += src == relay && s.srcPort == controller.endpoints().udpPorts.front() ? 1 : 0;
        }
        return seen.size() >= 6;
    };
    QTRY_VERIFY_WITH_TIMEOUT(captured(), 5000);
    QVERIFY2(toRelay == 3 && fromRelay == 3 && seen.size() == 6, qPrintable(seen.join(QStringLiteral(", "))));
    QVERIFY2(!seen.join(QLatin1Char(' ')).contains(upstream), qPrintable(seen.join(QStringLiteral(", "))));
    controller.stop();
}

void TestLabRuntime::theLinkChangesWhileTheLabRuns_data()
{
    sysctlsApplyToTheLabsOwnHostsOnly_data();
}

void TestLabRuntime::theLinkChangesWhileTheLabRuns()
{
    QFETCH(bool, sandbox);
    if (sandbox && !LabController::sandboxAvailability().available)
        QFAIL(qPrintable(LabController::sandboxAvailability().reason));
    const LabDefinition lab = echoLab();
    CaptureSession session;
    LabController controller(&session);
    controller.setNetworkMode(sandbox ? NetworkMode::Sandbox : NetworkMode::Host);
    QString why;
    LinkImpairment slow;
    slow.delayMs = 25;
    QVERIFY(!controller.setLinkImpairment(QStringLiteral("client"), QStringLiteral("server"), slow, &why));
    QVERIFY2(why.contains(QStringLiteral("not running")), qPrintable(why));
    // Started with link.* parameters: 10 ms each way, 2 ms more towards the server.
    QVERIFY2(controller.start(lab,
                              {{QStringLiteral("link.delay_ms"), QStringLiteral("10")},
                               {QStringLiteral("link.c2s.delay_ms"), QStringLiteral("2")}},
                              &why),
             qPrintable(why));
    QCOMPARE(controller.linkImpairment(QStringLiteral("client"), QStringLiteral("server")).delayMs, 12.0);
    QCOMPARE(controller.linkImpairment(QStringLiteral("server"), QStringLiteral("client")).delayMs, 10.0);
    QCOMPARE(sandbox, controller.wire() != nullptr);
    QCOMPARE(!sandbox, controller.relay() != nullptr);
    QVERIFY2(controller.setLinkImpairment(QStringLiteral("client"), QStringLiteral("server"), slow, &why),
             qPrintable(why));
    QCOMPARE(controller.linkImpairment(QStringLiteral("client"), QStringLiteral("server")), slow);
    LinkImpairment impossible;
    impossible.lossPercent = 120;
    QVERIFY(
        !controller.setLinkImpairment(QStringLiteral("server"), QStringLiteral("client"), impossible, &why));
    QVERIFY2(!why.isEmpty() && why.endsWith(QLatin1Char('.')), qPrintable(why));
    QCOMPARE(controller.linkImpairment(QStringLiteral("server"), QStringLiteral("client")).delayMs, 10.0);
    QVERIFY(!controller.setLinkImpairment(QStringLiteral("client"), QStringLiteral("moon"), slow, &why));
    bool logged = false;
    for (const LabEvent &e : session.events().all())
        logged = logged || (e.kind == QLatin1String("network.link") &&
                            e.data.value(QStringLiteral("delay_ms")).toDouble() == 25.0);
    QVERIFY(logged);
    if (!sandbox)
        QVERIFY2(controller.networkDescription().contains(QStringLiteral("relay")),
                 qPrintable(controller.networkDescription()));
    controller.stop();
    QVERIFY(!controller.relay() && !controller.wire());
}

void TestLabRuntime::parseRejectsBadInput_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("a word for a whole number") << "int" << "lots" << "udp.rcvbuf must be a whole number; got \"lots\".";
    QTest::newRow("a fraction for a whole number") << "int" << "12.5" << "udp.rcvbuf must be a whole number; got \"12.5\".";
    QTest::newRow("below the minimum") << "int" << "12" << "udp.rcvbuf must be between 256 and 4194304; got 12.";
    QTest::newRow("above the maximum") << "int" << "5000000" << "udp.rcvbuf must be between 256 and 4194304; got 5000000.";
    QTest::newRow("an empty value") << "int" << "" << "udp.rcvbuf must be a whole number; got \"\".";
    QTest::newRow("a word for a number") << "double" << "half" << "loss.rate must be a number; got \"half\".";
    QTest::newRow("a rate above one") << "double" << "1.5" << "loss.rate must be between 0 and 1; got 1.5.";
    QTest::newRow("not a truth value") << "bool" << "maybe" << "tcp.nodelay must be true or false; got \"maybe\".";
    QTest::newRow("an unknown choice") << "choice" << "3" << "http.version must be one of 1.1, 2; got \"3\".";
}

void TestLabRuntime::parseRejectsBadInput()
{
    QFETCH(QString, type);
    QFETCH(QString, text);
    QFETCH(QString, error);
    const LabParameter p = parameterOfType(type);
    QString why;
    const QVariant value = p.parse(text, &why);
    QVERIFY2(!value.isValid(), qPrintable(QStringLiteral("accepted as %1").arg(value.toString())));
    QCOMPARE(why, error);
}

void TestLabRuntime::parseAcceptsGoodInput_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QVariant>("expected");
    QTest::newRow("the minimum") << "int" << "256" << QVariant(qlonglong(256));
    QTest::newRow("the maximum with spaces") << "int" << " 4194304 " << QVariant(qlonglong(4194304));
    QTest::newRow("a fraction") << "double" << "0.05" << QVariant(0.05);
    QTest::newRow("yes is true") << "bool" << "yes" << QVariant(true);
    QTest::newRow("0 is false") << "bool" << "0" << QVariant(false);
    QTest::newRow("a listed choice") << "choice" << "2" << QVariant(QStringLiteral("2"));
}

void TestLabRuntime::parseAcceptsGoodInput()
{
    QFETCH(QString, type);
    QFETCH(QString, text);
    QFETCH(QVariant, expected);
    QString why;
    const QVariant value = parameterOfType(type).parse(text, &why);
    QVERIFY2(value.isValid(), qPrintable(why));
    QCOMPARE(value, expected);
}

void TestLabRuntime::validateChecksTypeAndRange()
{
    const LabParameter p = parameterOfType(QStringLiteral("int"));
    QString why;
    QVERIFY(p.validate(QVariant(4096), &why));
    QVERIFY(!p.validate(QVariant(100), &why));
    QCOMPARE(why, QStringLiteral("udp.rcvbuf must be between 256 and 4194304; got 100."));
    QVERIFY(!p.validate(QVariant(QStringLiteral("4096")), &why));
    QCOMPARE(why, QStringLiteral("udp.rcvbuf must be a whole number; got \"4096\"."));
    QVERIFY(parameterOfType(QStringLiteral("bool")).validate(QVariant(true), &why));
    QVERIFY(!parameterOfType(QStringLiteral("bool")).validate(QVariant(1), &why));
    QVERIFY(parameterOfType(QStringLiteral("choice")).validate(QVariant(QStringLiteral("1.1")), &why));
    QVERIFY(!parameterOfType(QStringLiteral("choice")).validate(QVariant(QStringLiteral("3")), &why));
}

void TestLabRuntime::registryFindsAndReplacesById()
{
    LabRegistry registry;
    QVERIFY(registry.labs().empty());
    QCOMPARE(registry.find(QStringLiteral("echo")), nullptr);
    registry.add(echoLab());
    LabDefinition other = echoLab();
    other.id = QStringLiteral("other");
    registry.add(std::move(other));
    QCOMPARE(registry.labs().size(), std::size_t(2));
    QVERIFY(registry.find(QStringLiteral("echo")));
    QCOMPARE(registry.find(QStringLiteral("echo"))->parameter(QStringLiteral("echo.count"))->defaultValue.toInt(), 3);
    QCOMPARE(registry.find(QStringLiteral("echo"))->parameter(QStringLiteral("nope")), nullptr);
    LabDefinition again = echoLab();
    again.notesReference = QStringLiteral("L1-2");
    registry.add(std::move(again));
    QCOMPARE(registry.labs().size(), std::size_t(2));
    QCOMPARE(registry.labs().front().id, QStringLiteral("echo"));
    QCOMPARE(registry.find(QStringLiteral("echo"))->notesReference, QStringLiteral("L1-2"));
}

void TestLabRuntime::startWithBadParametersFailsWithTheMessage_data()
{
    QTest::addColumn<QVariantMap>("parameters");
    QTest::addColumn<QString>("error");
    QTest::newRow("out of range from the UI") << QVariantMap{{QStringLiteral("echo.count"), 11}}
                                              << "echo.count must be between 1 and 10; got 11.";
    QTest::newRow("not a number from --set") << QVariantMap{{QStringLiteral("echo.count"), QStringLiteral("three")}}
                                             << "echo.count must be a whole number; got \"three\".";
    QTest::newRow("an unknown key") << QVariantMap{{QStringLiteral("echo.colour"), 1}}
                                    << "The lab \"echo\" has no parameter \"echo.colour\".";
}

void TestLabRuntime::startWithBadParametersFailsWithTheMessage()
{
    QFETCH(QVariantMap, parameters);
    QFETCH(QString, error);
    const LabDefinition lab = echoLab();
    CaptureSession session;
    LabController controller(&session);
    QSignalSpy states(&controller, &LabController::stateChanged);
    QString why;
    QVERIFY(!controller.start(lab, parameters, &why));
    QCOMPARE(why, error);
    QCOMPARE(controller.errorString(), error);
    QCOMPARE(controller.state(), LabController::State::Failed);
    QCOMPARE(states.count(), 1);
    // A failed start leaves the controller usable.
    QVERIFY2(controller.start(lab, {}, &why), qPrintable(why));
    QCOMPARE(controller.parameters().value(QStringLiteral("echo.count")).toInt(), 3);
    controller.stop();
    QCOMPARE(controller.state(), LabController::State::Stopped);
}

void TestLabRuntime::startFailureOfTheLabIsReported()
{
    const LabDefinition lab = echoLab();
    CaptureSession session;
    LabController controller(&session);
    QString why;
    QVERIFY(!controller.start(lab, {{QStringLiteral("fail.start"), QStringLiteral("true")}}, &why));
    QCOMPARE(why, QStringLiteral("The echo lab was told to fail."));
    QCOMPARE(controller.state(), LabController::State::Failed);
}

void TestLabRuntime::actionsBeforeStartFailCleanly()
{
    CaptureSession session;
    LabController controller(&session);
    QSignalSpy finished(&controller, &LabController::actionFinished);
    controller.runAction(QStringLiteral("ping"));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(1).toBool(), false);
    bool called = false;
    QVERIFY(!runLabHeadless(controller, 100, [&](const HeadlessReport &) { called = true; }));
    QVERIFY(!called);
}

void TestLabRuntime::headlessRunReportsEveryCheckpointOnce()
{
    const LabDefinition lab = echoLab();
    CaptureSession session;
    LabController controller(&session);
    controller.setNetworkMode(NetworkMode::Host); // this test reads the libpcap filter
    QSignalSpy changes(&controller, &LabController::checkpointChanged);
    QString why;
    QVERIFY2(controller.start(lab, {{QStringLiteral("echo.count"), 7}}, &why), qPrintable(why));
    QCOMPARE(controller.state(), LabController::State::Running);
    // The lab's port, without the host relay's own leg to the server (it leaves from 127.0.0.3): the
    // capture shows the client's side, as the lab network's tap does.
    QCOMPARE(controller.captureFilter(), QStringLiteral("(udp port 9) and not host 127.0.0.3"));

    std::vector<HeadlessReport> reports;
    const bool allPassed = runLabHeadless(controller, 500, [&](const HeadlessReport &r) { reports.push_back(r); });
    QVERIFY(!allPassed);
    QCOMPARE(reports.size(), std::size_t(3));
    QCOMPARE(reports[0].stepId, QStringLiteral("ping"));
    QCOMPARE(reports[0].checkpointId, QStringLiteral("pinged"));
    QVERIFY2(reports[0].result.passed, qPrintable(reports[0].result.evidence));
    QCOMPARE(reports[0].result.evidence, QStringLiteral("ping seen with count 7"));
    QCOMPARE(reports[0].description, QStringLiteral("The ping was logged"));
    QCOMPARE(reports[1].checkpointId, QStringLiteral("never"));
    QVERIFY(!reports[1].result.passed);
    QVERIFY2(reports[1].result.evidence.contains(QStringLiteral("it broke")), qPrintable(reports[1].result.evidence));
    QVERIFY2(reports[1].result.evidence.contains(QStringLiteral("no never event")), qPrintable(reports[1].result.evidence));
    QVERIFY2(reports[2].result.passed, qPrintable(reports[2].result.evidence));
    QVERIFY(controller.stepDone(0));
    QVERIFY(!controller.stepDone(1));
    QVERIFY(controller.checkpointResult(0, 0).passed);
    QVERIFY(!controller.checkpointResult(5, 0).passed);
    QVERIFY(changes.count() >= 2);
    // The lab's own two events, next to what the runtime adds: the network mode and kernel telemetry.
    std::size_t labEvents = 0, modeEvents = 0;
    for (const LabEvent &e : session.events().all()) {
        if (e.kind == QLatin1String("network.mode"))
            ++modeEvents;
        else if (!e.kind.startsWith(QLatin1String("telemetry.")))
            ++labEvents;
    }
    QCOMPARE(labEvents, std::size_t(2));
    QCOMPARE(modeEvents, std::size_t(1));
    controller.stop();
    QCOMPARE(controller.state(), LabController::State::Stopped);
    controller.stop(); // twice is harmless
}

void TestLabRuntime::sessionResetEmptiesEverything()
{
    CaptureSession session;
    QSignalSpy cleared(&session, &CaptureSession::cleared);
    QSignalSpy events(&session, &CaptureSession::eventsAppended);
    session.events().append(LabEvent{1, QStringLiteral("client"), QStringLiteral("x"), {}, {}});
    session.events().append(LabEvent{2, QStringLiteral("client"), QStringLiteral("y"), {}, {}});
    session.pollEvents();
    session.pollEvents();
    QCOMPARE(events.count(), 1);
    QCOMPARE(events.at(0).at(0).value<std::size_t>(), std::size_t(0));
    QCOMPARE(events.at(0).at(1).value<std::size_t>(), std::size_t(2));
    session.setTitle(QStringLiteral("run"));
    session.reset();
    QCOMPARE(cleared.count(), 1);
    QCOMPARE(session.events().size(), std::size_t(0));
    QVERIFY(session.store().isEmpty());
    QCOMPARE(session.originNs(), session.clock().startNs());
}

void TestLabRuntime::sessionOpensAFileIntoAFreshStore()
{
    CaptureSession session;
    session.store().append(1, std::vector<std::uint8_t>(10, 0)); // left over from an earlier run
    QSignalSpy cleared(&session, &CaptureSession::cleared);
    QSignalSpy appended(&session, &CaptureSession::packetsAppended);
    const CaptureFileInfo info = session.openFile(QStringLiteral(WIRELAB_TEST_DATA "/tcp-udp-loopback.pcap"));
    QVERIFY2(info.opened && info.error.isEmpty(), qPrintable(info.error));
    QCOMPARE(session.title(), QStringLiteral("tcp-udp-loopback.pcap"));
    QCOMPARE(cleared.count(), 1);
    QCOMPARE(appended.count(), 1);
    QCOMPARE(session.store().size(), std::size_t(info.packetsRead));
    QCOMPARE(appended.at(0).at(1).value<std::size_t>(), session.store().size());
    QCOMPARE(session.originNs(), session.store().at(0).timeNs);
    // The tracker was fed in order: the file opens with a handshake.
    QVERIFY(!session.tcp().conversations().empty());
    const TcpConversation &c = session.tcp().conversations().front();
    QCOMPARE(c.synFrame, 1u);
    QCOMPARE(c.synAckFrame, 2u);
    QVERIFY(c.handshakeComplete);
    const PacketSummary syn = session.summary(0);
    QCOMPARE(syn.tcpFlags, std::uint16_t(TcpSyn));
    QCOMPARE(syn.tcpMss, 65495);
    QCOMPARE(session.summary(999).protocol, Protocol::Unknown);

    const CaptureFileInfo missing = session.openFile(QStringLiteral(WIRELAB_TEST_DATA "/no-such-file.pcap"));
    QVERIFY(!missing.opened);
    QVERIFY(!missing.error.isEmpty());
    QVERIFY(session.store().isEmpty());
    QVERIFY(session.tcp().conversations().empty());
}

void TestLabRuntime::sessionAppendsABatchWithOneSignal()
{
    CaptureSession file;
    QVERIFY(file.openFile(QStringLiteral(WIRELAB_TEST_DATA "/tcp-udp-loopback.pcap")).opened);
    std::vector<CapturedPacket> batch;
    for (std::size_t i = 0; i < file.store().size(); ++i) {
        const PacketView v = file.store().at(i);
        batch.push_back(CapturedPacket{v.timeNs, v.originalLength, {v.bytes.begin(), v.bytes.end()}});
    }
    QVERIFY(batch.size() > 4);

    CaptureSession session;
    session.reset(LinkType::Ethernet);
    QSignalSpy appended(&session, &CaptureSession::packetsAppended);
    session.appendPackets(std::span<const CapturedPacket>(batch.data(), 3), LinkType::Ethernet);
    session.appendPackets(std::span<const CapturedPacket>(batch.data() + 3, batch.size() - 3), LinkType::Ethernet);
    session.appendPackets({}, LinkType::Ethernet); // nothing: no signal
    QCOMPARE(appended.count(), 2);
    QCOMPARE(appended.at(0).at(0).value<std::size_t>(), std::size_t(0));
    QCOMPARE(appended.at(0).at(1).value<std::size_t>(), std::size_t(3));
    QCOMPARE(appended.at(1).at(0).value<std::size_t>(), std::size_t(3));
    QCOMPARE(appended.at(1).at(1).value<std::size_t>(), batch.size() - 3);
    QCOMPARE(session.store().size(), batch.size());
    QVERIFY(session.tcp().analysis(1));
    QCOMPARE(session.tcp().conversations().size(), file.tcp().conversations().size());
    QCOMPARE(session.tcp().conversations().front().handshakeComplete, true);
}

void TestLabRuntime::labHostRunsTasksInOrderAndStopsWaits()
{
    std::thread::id cleanupThread;
    std::vector<int> order;
    int pipeFds[2] = {-1, -1};
    QCOMPARE(::pipe(pipeFds), 0);
    std::future<int> waited;
    std::future<int> dropped;
    std::thread::id hostThread;
    {
        LabHost host(QStringLiteral("server"));
        QCOMPARE(host.name(), QStringLiteral("server"));
        host.start([&] { cleanupThread = std::this_thread::get_id(); });
        for (int i = 0; i < 5; ++i)
            host.post([&order, i] { order.push_back(i); });
        auto id = host.call([] { return std::this_thread::get_id(); });
        hostThread = id.get();
        QVERIFY(hostThread != std::this_thread::get_id());
        QCOMPARE(order, (std::vector<int>{0, 1, 2, 3, 4}));
        // A task waiting on a descriptor that never becomes readable, and one queued behind it.
        waited = host.call([&host, fd = pipeFds[0]] { return host.waitFor(fd, POLLIN, 600000); });
        dropped = host.call([] { return 1; });
        QTest::qWait(50);
        host.stop(); // must not wait ten minutes
        QVERIFY(host.stopping());
        QVERIFY(!host.post([] {}));
    }
    QCOMPARE(waited.get(), 0);
    QVERIFY_THROWS_EXCEPTION(std::future_error, dropped.get());
    QCOMPARE(cleanupThread, hostThread);
    ::close(pipeFds[0]);
    ::close(pipeFds[1]);
}

QTEST_GUILESS_MAIN(TestLabRuntime)
#include "tst_labruntime.moc"
