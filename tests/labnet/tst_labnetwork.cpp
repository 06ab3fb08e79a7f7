// SPDX-License-Identifier: GPL-3.0-or-later
// The lab network's sandbox: namespaces, TUN hosts, sockets and sysctls through the agent, as an ordinary
// user; the fallback when namespaces are refused; nothing left behind after 100 cycles or a crash.
//
// This executable is also its own helper: with WIRELAB_TST_LABNET_ROLE set it runs one scenario as a
// child process (as the user `nobody`, or as a process that gets SIGKILLed) and reports by exit status,
// with the reason on stderr.

#include "labnet/agentprotocol.h"
#include "labnet/labnetwork.h"
#include "labnet/wire.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <thread>

#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <grp.h>
#include <linux/sockios.h>
#include <netinet/in.h>
#include <poll.h>
#include <spawn.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "processresources.h"

using wirelab::test::countEntries;
using wirelab::test::openFdCount;
using wirelab::test::threadCount;

extern char **environ;

using namespace wirelab;

namespace {

constexpr uid_t kNobody = 65534;

// Pids whose parent is us (zombies included).
QList<int> childrenOfUs()
{
    QList<int> children;
    const QString self = QString::number(::getpid());
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &pid : pids) {
        bool numeric = false;
        pid.toInt(&numeric);
        if (!numeric)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.read(1024);
        const int close = text.lastIndexOf(')'); // comm may contain spaces and parentheses
        if (close < 0)
            continue;
        const QList<QByteArray> fields = text.mid(close + 2).split(' ');
        if (fields.size() > 1 && fields.at(1) == self.toLatin1())
            children << pid.toInt();
    }
    return children;
}

bool processGone(pid_t pid)
{
    return ::kill(pid, 0) != 0 && errno == ESRCH;
}

// Running (or sleeping): exists and is not a zombie.
bool processAlive(pid_t pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.read(1024);
    const int close = text.lastIndexOf(')');
    return close > 0 && close + 2 < text.size() && text.at(close + 2) != 'Z' && text.at(close + 2) != 'X';
}

// Network namespaces allocated on the whole machine (active objects of the "net_namespace" slab cache;
// -1 where /proc/slabinfo is not readable, i.e. not root, or the cache is merged into another).
int netNamespacesAllocated()
{
    QFile slabinfo(QStringLiteral("/proc/slabinfo"));
    if (!slabinfo.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = slabinfo.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() > 1 && fields.at(0) == "net_namespace")
            return fields.at(1).toInt();
    }
    return -1;
}

// The network namespace a socket lives in, as the "net:[inode]" text /proc shows (SIOCGSKNS).
QString netnsOfSocket(int fd)
{
    const int ns = ::ioctl(fd, SIOCGSKNS);
    if (ns < 0)
        return {};
    struct stat st
    {
    };
    const int rc = ::fstat(ns, &st);
    ::close(ns);
    return rc == 0 ? QStringLiteral("net:[%1]").arg(st.st_ino) : QString();
}

QString readSysctlHere(const char *path)
{
    QFile file(QString::fromLatin1(path));
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll()).trimmed() : QString();
}

LabNetworkSpec clientServerSpec()
{
    LabNetworkSpec spec;
    spec.hosts = {LabHostSpec{QStringLiteral("client")}, LabHostSpec{QStringLiteral("server")}};
    spec.links = {LabLinkSpec{QStringLiteral("client"), QStringLiteral("server"), {}, {}}};
    return spec;
}

// /proc/net/snmp: the value of "Tcp: <field>" (-1 if absent).
qint64 snmpValue(const QByteArray &snmp, const QByteArray &group, const QByteArray &field)
{
    const QList<QByteArray> lines = snmp.split('\n');
    for (int i = 0; i + 1 < lines.size(); ++i) {
        if (!lines.at(i).startsWith(group + ':') || !lines.at(i + 1).startsWith(group + ':'))
            continue;
        const QList<QByteArray> names = lines.at(i).simplified().split(' ');
        const QList<QByteArray> values = lines.at(i + 1).simplified().split(' ');
        for (int k = 0; k < names.size() && k < values.size(); ++k) {
            if (names.at(k) == field)
                return values.at(k).toLongLong();
        }
    }
    return -1;
}

bool waitFd(int fd, short events, int timeoutMs)
{
    pollfd p{fd, events, 0};
    return ::poll(&p, 1, timeoutMs) == 1 && (p.revents & events);
}

// Runs program in host through the agent and returns what it printed (bounded: 5 s).
QByteArray runInHost(LabNetwork &net, const QString &host, const QString &program,
                     const QStringList &arguments, QString *error)
{
    int out[2];
    if (::pipe2(out, O_CLOEXEC) != 0)
        return {};
    const int pidfd = net.spawnInHost(host, program, arguments, -1, out[1], -1, error);
    ::close(out[1]);
    QByteArray text;
    QElapsedTimer timer;
    timer.start();
    while (pidfd >= 0 && timer.elapsed() < 5000 && waitFd(out[0], POLLIN, 5000)) {
        char buffer[4096];
        const ssize_t n = ::read(out[0], buffer, sizeof buffer);
        if (n <= 0)
            break;
        text.append(buffer, n);
    }
    ::close(out[0]);
    if (pidfd >= 0) {
        if (!waitFd(pidfd, POLLIN, 5000) && error)
            *error = QStringLiteral("%1 did not exit within 5 s").arg(program);
        ::close(pidfd);
    }
    return text;
}

// The agent on its own, driven with raw datagrams: the built one, or another build of it
// (WIRELAB_LABNETD, e.g. one with sanitizers).
struct RawAgent
{
    int fd = -1;
    pid_t pid = -1;

    bool start()
    {
        using namespace agentproto;
        const QByteArray path = qEnvironmentVariableIsEmpty("WIRELAB_LABNETD")
                                    ? QByteArrayLiteral(WIRELAB_LABNETD_BUILD_PATH_FOR_TESTS)
                                    : qgetenv("WIRELAB_LABNETD");
        int pair[2];
        if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, pair) != 0)
            return false;
        fd = pair[0];
        int childEnd = pair[1];
        if (childEnd == kAgentFd) {
            childEnd = ::fcntl(pair[1], F_DUPFD_CLOEXEC, kAgentFd + 1);
            ::close(pair[1]);
        }
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, childEnd, kAgentFd);
        const QByteArray parent = QByteArray::number(::getpid());
        char *argv[] = {const_cast<char *>(path.constData()), const_cast<char *>(parent.constData()),
                        nullptr};
        const int rc = ::posix_spawn(&pid, path.constData(), &actions, nullptr, argv, environ);
        posix_spawn_file_actions_destroy(&actions);
        ::close(childEnd);
        if (rc != 0)
            pid = -1;
        return rc == 0;
    }

    ~RawAgent()
    {
        if (fd >= 0)
            ::close(fd); // EOF: the agent exits
        if (pid <= 0)
            return;
        for (int i = 0; i < 200 && ::waitpid(pid, nullptr, WNOHANG) == 0; ++i)
            ::usleep(10000);
        if (!processGone(pid)) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, nullptr, 0);
        }
    }

    // One reply (5 s at most); a passed descriptor goes to *passed, or is closed.
    bool receive(agentproto::AgentReply *reply, int *passed)
    {
        if (passed)
            *passed = -1;
        if (!waitFd(fd, POLLIN, 5000))
            return false;
        alignas(agentproto::AgentReply) char buffer[sizeof(agentproto::AgentReply) + 4096];
        iovec iov{buffer, sizeof buffer};
        alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))];
        msghdr message{};
        message.msg_iov = &iov;
        message.msg_iovlen = 1;
        message.msg_control = control;
        message.msg_controllen = sizeof control;
        const ssize_t n = ::recvmsg(fd, &message, MSG_CMSG_CLOEXEC);
        if (n < static_cast<ssize_t>(sizeof(agentproto::AgentReply)))
            return false;
        std::memcpy(reply, buffer, sizeof *reply);
        cmsghdr *cmsg = CMSG_FIRSTHDR(&message);
        if (cmsg && cmsg->cmsg_type == SCM_RIGHTS) {
            int received = -1;
            std::memcpy(&received, CMSG_DATA(cmsg), sizeof received);
            if (passed)
                *passed = received;
            else
                ::close(received);
        }
        return true;
    }
};

#define CHILD_CHECK(condition, ...)                                                                          \
    do {                                                                                                     \
        if (!(condition)) {                                                                                  \
            std::fprintf(stderr, "FAILED %s: ", #condition);                                                 \
            std::fprintf(stderr, __VA_ARGS__);                                                               \
            std::fprintf(stderr, "\n");                                                                      \
            return 1;                                                                                        \
        }                                                                                                    \
    } while (false)

// Run as `nobody`: two hosts, a TCP connection across the wire, a host-only sysctl, /proc/net/snmp.
int runUnprivileged()
{
    CHILD_CHECK(::geteuid() != 0, "the unprivileged scenario runs as root (uid %d)", int(::geteuid()));
    const QString realSomaxconnBefore = readSysctlHere("/proc/sys/net/core/somaxconn");

    const SandboxAvailability availability = probeSandbox();
    CHILD_CHECK(availability.available, "probeSandbox: %s %s", qPrintable(availability.reason),
                qPrintable(availability.howToEnable));

    LabNetwork net;
    QString error;
    CHILD_CHECK(net.start(clientServerSpec(), &error), "start: %s", qPrintable(error));
    CHILD_CHECK(net.agentPid() > 0, "no agent pid");
    CHILD_CHECK(net.address(QStringLiteral("client")) == QHostAddress(QStringLiteral("198.18.0.1")),
                "client address %s", qPrintable(net.address(QStringLiteral("client")).toString()));
    CHILD_CHECK(net.address(QStringLiteral("server")) == QHostAddress(QStringLiteral("198.18.0.2")),
                "server address %s", qPrintable(net.address(QStringLiteral("server")).toString()));
    CHILD_CHECK(net.hostOf(QHostAddress(QStringLiteral("198.18.0.2"))) == QLatin1String("server"), "hostOf");
    CHILD_CHECK(net.wire().start(&error), "wire start: %s", qPrintable(error));

    const int listener = net.openSocket(QStringLiteral("server"), AF_INET, SOCK_STREAM, 0, &error);
    CHILD_CHECK(listener >= 0, "listener: %s", qPrintable(error));
    CHILD_CHECK((::fcntl(listener, F_GETFD) & FD_CLOEXEC) != 0, "the socket is not close-on-exec");
    sockaddr_in server{};
    server.sin_family = AF_INET;
    server.sin_addr.s_addr = htonl(net.address(QStringLiteral("server")).toIPv4Address());
    CHILD_CHECK(::bind(listener, reinterpret_cast<sockaddr *>(&server), sizeof server) == 0, "bind: %s",
                std::strerror(errno));
    CHILD_CHECK(::listen(listener, 8) == 0, "listen: %s", std::strerror(errno));
    socklen_t length = sizeof server;
    ::getsockname(listener, reinterpret_cast<sockaddr *>(&server), &length);

    const int client =
        net.openSocket(QStringLiteral("client"), AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0, &error);
    CHILD_CHECK(client >= 0, "client socket: %s", qPrintable(error));
    // A socket made for the client cannot bind the server's address: it really is in another stack.
    sockaddr_in foreign = server;
    foreign.sin_port = 0;
    const int probe = net.openSocket(QStringLiteral("client"), AF_INET, SOCK_DGRAM, 0, &error);
    CHILD_CHECK(probe >= 0, "probe socket: %s", qPrintable(error));
    CHILD_CHECK(::bind(probe, reinterpret_cast<sockaddr *>(&foreign), sizeof foreign) != 0 &&
                    errno == EADDRNOTAVAIL,
                "the client's namespace accepted the server's address");
    ::close(probe);

    const int rc = ::connect(client, reinterpret_cast<sockaddr *>(&server), sizeof server);
    CHILD_CHECK(rc == 0 || errno == EINPROGRESS, "connect: %s", std::strerror(errno));
    CHILD_CHECK(waitFd(client, POLLOUT, 5000), "connect across the wire did not complete within 5 s");
    int soError = -1;
    length = sizeof soError;
    ::getsockopt(client, SOL_SOCKET, SO_ERROR, &soError, &length);
    CHILD_CHECK(soError == 0, "connect: %s", std::strerror(soError));
    sockaddr_in local{};
    length = sizeof local;
    ::getsockname(client, reinterpret_cast<sockaddr *>(&local), &length);
    CHILD_CHECK(ntohl(local.sin_addr.s_addr) == net.address(QStringLiteral("client")).toIPv4Address(),
                "the client's source address is %s", inet_ntoa(local.sin_addr));
    CHILD_CHECK(waitFd(listener, POLLIN, 5000), "nothing to accept within 5 s");
    const int accepted = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
    CHILD_CHECK(accepted >= 0, "accept: %s", std::strerror(errno));
    CHILD_CHECK(::send(client, "hello", 5, MSG_NOSIGNAL) == 5, "send: %s", std::strerror(errno));
    char buffer[16] = {};
    CHILD_CHECK(waitFd(accepted, POLLIN, 5000), "no data within 5 s");
    CHILD_CHECK(::recv(accepted, buffer, sizeof buffer, 0) == 5 && std::memcmp(buffer, "hello", 5) == 0,
                "received \"%s\"", buffer);
    CHILD_CHECK(net.wire().stats().forwarded >= 3, "the wire forwarded %llu packets",
                static_cast<unsigned long long>(net.wire().stats().forwarded));

    // Per-host sysctls: the server's somaxconn changes, the client's and the machine's do not.
    CHILD_CHECK(net.setSysctl(QStringLiteral("server"), QStringLiteral("net.core.somaxconn"),
                              QStringLiteral("16"), &error),
                "setSysctl: %s", qPrintable(error));
    const QString serverValue =
        net.sysctl(QStringLiteral("server"), QStringLiteral("net.core.somaxconn"), &error);
    CHILD_CHECK(serverValue == QLatin1String("16"), "server somaxconn reads \"%s\" (%s)",
                qPrintable(serverValue), qPrintable(error));
    const QString clientValue =
        net.sysctl(QStringLiteral("client"), QStringLiteral("net/core/somaxconn"), &error);
    CHILD_CHECK(!clientValue.isEmpty() && clientValue != QLatin1String("16"),
                "client somaxconn reads \"%s\" (%s)", qPrintable(clientValue), qPrintable(error));
    const QString realSomaxconnAfter = readSysctlHere("/proc/sys/net/core/somaxconn");
    CHILD_CHECK(realSomaxconnAfter == realSomaxconnBefore, "the machine's somaxconn changed from %s to %s",
                qPrintable(realSomaxconnBefore), qPrintable(realSomaxconnAfter));
    // The settings labs teach with, each set and read back in one host.
    const QList<QPair<QString, QString>> lessons{
        {QStringLiteral("net.ipv4.ip_local_port_range"), QStringLiteral("40000\t40100")},
        {QStringLiteral("net.ipv4.tcp_abort_on_overflow"), QStringLiteral("1")},
        {QStringLiteral("net.ipv4.tcp_syncookies"), QStringLiteral("0")},
        {QStringLiteral("net.ipv4.tcp_max_syn_backlog"), QStringLiteral("64")}};
    for (const auto &[name, value] : lessons) {
        CHILD_CHECK(net.setSysctl(QStringLiteral("client"), name, value, &error), "setSysctl %s: %s",
                    qPrintable(name), qPrintable(error));
        const QString back = net.sysctl(QStringLiteral("client"), name, &error);
        CHILD_CHECK(back == value, "%s reads back \"%s\" (%s)", qPrintable(name), qPrintable(back),
                    qPrintable(error));
    }
    CHILD_CHECK(!net.setSysctl(QStringLiteral("server"), QStringLiteral("kernel.hostname"),
                               QStringLiteral("x"), &error),
                "a sysctl outside net. was accepted");
    CHILD_CHECK(!net.setSysctl(QStringLiteral("server"), QStringLiteral("net/../kernel/hostname"),
                               QStringLiteral("x"), &error),
                "a path traversal was accepted");

    // The hosts' own counters: one active open on the client, one passive open on the server.
    const QByteArray clientSnmp = net.readProcNet(QStringLiteral("client"), QStringLiteral("snmp"), &error);
    const QByteArray serverSnmp = net.readProcNet(QStringLiteral("server"), QStringLiteral("snmp"), &error);
    CHILD_CHECK(clientSnmp.contains("Tcp:"), "client snmp: %s", qPrintable(error));
    CHILD_CHECK(snmpValue(clientSnmp, "Tcp", "ActiveOpens") == 1, "client Tcp ActiveOpens = %lld",
                snmpValue(clientSnmp, "Tcp", "ActiveOpens"));
    CHILD_CHECK(snmpValue(serverSnmp, "Tcp", "PassiveOpens") == 1, "server Tcp PassiveOpens = %lld",
                snmpValue(serverSnmp, "Tcp", "PassiveOpens"));
    CHILD_CHECK(
        net.readProcNet(QStringLiteral("client"), QStringLiteral("../self/environ"), &error).isEmpty() &&
            !error.isEmpty(),
        "a /proc/net path traversal was accepted");

    // A whole process in the server's namespace (for libraries with their own threads).
    const QByteArray spawnedNs = runInHost(net, QStringLiteral("server"), QStringLiteral("/usr/bin/readlink"),
                                           {QStringLiteral("/proc/self/ns/net")}, &error)
                                     .trimmed();
    CHILD_CHECK(!spawnedNs.isEmpty() && QString::fromLatin1(spawnedNs) == netnsOfSocket(listener),
                "the spawned process is in %s, the server's sockets in %s (%s)", spawnedNs.constData(),
                qPrintable(netnsOfSocket(listener)), qPrintable(error));

    ::close(accepted);
    ::close(client);
    ::close(listener);
    const int agent = net.agentPid();
    net.stop();
    CHILD_CHECK(processGone(agent), "the agent %d still exists after stop()", agent);
    std::fprintf(stderr, "unprivileged lab network OK as uid %d\n", int(::geteuid()));
    return 0;
}

// Holds a running lab network until killed (at most 30 s): prints the agent's pid first. With onWorker,
// the network is started on a thread that ends right after.
int runHolder(bool onWorker)
{
    LabNetwork net;
    QString error;
    bool started = false;
    if (onWorker) {
        std::thread worker([&] { started = net.start(clientServerSpec(), &error); });
        worker.join();
    } else {
        started = net.start(clientServerSpec(), &error);
    }
    if (!started) {
        std::fprintf(stderr, "start: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("agent %d\n", net.agentPid());
    std::fflush(stdout);
    for (int i = 0; i < 300; ++i)
        ::usleep(100 * 1000);
    return 2;
}

} // namespace

class TestLabNetwork final : public QObject
{
    Q_OBJECT

private:
    QString m_self;
    SandboxAvailability m_sandbox;

private Q_SLOTS:
    void initTestCase()
    {
        m_self = QCoreApplication::applicationFilePath();
        // These machines ship /dev/net/tun as 0600 (stock Debian and Ubuntu: 0666). Running as root, we
        // set 0666 so the `nobody` child can open it, as on a stock system; nothing else is changed.
        struct stat st
        {
        };
        if (::geteuid() == 0 && ::stat("/dev/net/tun", &st) == 0 && (st.st_mode & 0666) != 0666) {
            qInfo(
                "Running as root: chmod 0666 /dev/net/tun (was %04o), as stock distributions ship it, so an "
                "unprivileged child can open it.",
                unsigned(st.st_mode & 07777));
            QVERIFY(::chmod("/dev/net/tun", 0666) == 0);
        }
        // As root the sandbox must work here (and the tests fail if it does not). An ordinary user on a
        // machine that refuses it gets the reason instead of a failure in every test.
        m_sandbox = probeSandbox();
        if (::geteuid() == 0)
            QVERIFY2(m_sandbox.available,
                     qPrintable(m_sandbox.reason + QLatin1Char(' ') + m_sandbox.howToEnable));
    }

    void init()
    {
        static const QSet<QByteArray> withoutSandbox{"initTestCase", "networkModeNames",
                                                     "forcedHostModeExplains", "badSpecsAreRefused"};
        if (!m_sandbox.available && !withoutSandbox.contains(QTest::currentTestFunction()))
            QSKIP(qPrintable(QStringLiteral("The lab network is not available to this user: %1 %2")
                                 .arg(m_sandbox.reason, m_sandbox.howToEnable)));
    }

    void networkModeNames()
    {
        NetworkMode mode = NetworkMode::Host;
        QVERIFY(parseNetworkMode(QStringLiteral("sandbox"), &mode));
        QCOMPARE(mode, NetworkMode::Sandbox);
        QVERIFY(parseNetworkMode(QStringLiteral("host"), &mode));
        QCOMPARE(mode, NetworkMode::Host);
        QVERIFY(!parseNetworkMode(QStringLiteral("bridge"), &mode));
        QCOMPARE(networkModeName(NetworkMode::Sandbox), QStringLiteral("sandbox"));
        QCOMPARE(networkModeName(NetworkMode::Host), QStringLiteral("host"));
    }

    // (a) An ordinary user runs the whole lab network.
    void worksAsAnUnprivilegedUser()
    {
        QProcess child;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("WIRELAB_TST_LABNET_ROLE"), QStringLiteral("unprivileged"));
        environment.remove(QStringLiteral("WIRELAB_FORCE_HOST_MODE"));
        child.setProcessEnvironment(environment);
        child.setWorkingDirectory(QStringLiteral("/"));
        if (::geteuid() == 0) {
            qInfo("Running as root: the scenario runs in a child that drops to nobody (uid/gid %u).",
                  kNobody);
            child.setChildProcessModifier([] {
                if (::setgroups(0, nullptr) != 0 || ::setgid(kNobody) != 0 || ::setuid(kNobody) != 0) {
                    static const char message[] = "could not drop to nobody\n";
                    [[maybe_unused]] const ssize_t n = ::write(2, message, sizeof message - 1);
                    ::_exit(97);
                }
            });
        }
        child.start(m_self, {});
        QVERIFY2(child.waitForStarted(10000), qPrintable(child.errorString()));
        const bool finished = child.waitForFinished(60000);
        if (!finished) {
            child.kill();
            child.waitForFinished(5000);
        }
        const QByteArray output = child.readAllStandardError();
        QVERIFY2(finished, output.constData());
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, output.constData());
        qInfo("%s", output.trimmed().constData());
    }

    // (b) Host mode, asked for.
    void forcedHostModeExplains()
    {
        qputenv("WIRELAB_FORCE_HOST_MODE", "1");
        const SandboxAvailability availability = probeSandbox();
        qunsetenv("WIRELAB_FORCE_HOST_MODE");
        QVERIFY(!availability.available);
        QVERIFY(availability.reason.contains(QLatin1String("WIRELAB_FORCE_HOST_MODE")));
        QVERIFY(!availability.howToEnable.isEmpty());
        QCOMPARE(
            availability.loses,
            QStringLiteral("In host mode the lab runs on 127.0.0.x: no packet-level delay or loss on TCP, no "
                           "breakpoints, and capture needs root or CAP_NET_RAW."));
        QCOMPARE(probeSandbox().available, m_sandbox.available); // the probe result is cached
    }

    // (b) The agent cannot do its work: each failure is one clear sentence with the fix, and nothing hangs.
    void refusalsAreExplained_data()
    {
        QTest::addColumn<QByteArray>("variable");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("user namespaces refused")
            << QByteArray("WIRELAB_LABNETD_FAIL") << QByteArray("userns")
            << QStringList{QStringLiteral("refused to create a user namespace"),
                           QStringLiteral("sudo sysctl -w kernel.unprivileged_userns_clone=1"),
                           QStringLiteral("kernel.apparmor_restrict_unprivileged_userns=0")};
        QTest::newRow("/dev/net/tun not writable")
            << QByteArray("WIRELAB_LABNETD_FAIL") << QByteArray("tun")
            << QStringList{QStringLiteral("/dev/net/tun is not readable and writable"),
                           QStringLiteral("sudo chmod 0666 /dev/net/tun")};
        QTest::newRow("agent missing")
            << QByteArray("WIRELAB_LABNETD") << QByteArray("/nonexistent/wirelab-labnetd")
            << QStringList{QStringLiteral("could not be started"),
                           QStringLiteral("/nonexistent/wirelab-labnetd"), QStringLiteral("WIRELAB_LABNETD")};
        // /bin/sleep takes our pid as seconds: it never says hello. The timeout ends the wait.
        QTest::newRow("agent never answers")
            << QByteArray("WIRELAB_LABNETD") << QByteArray("/bin/sleep")
            << QStringList{QStringLiteral("did not answer within 5 seconds")};
    }
    void refusalsAreExplained()
    {
        QFETCH(QByteArray, variable);
        QFETCH(QByteArray, value);
        QFETCH(QStringList, expected);
        qputenv(variable.constData(), value);
        LabNetwork net;
        QString error;
        QElapsedTimer timer;
        timer.start();
        const bool started = net.start(clientServerSpec(), &error);
        const qint64 elapsedMs = timer.elapsed();
        qunsetenv(variable.constData());
        QVERIFY2(!started, "the lab network started anyway");
        QVERIFY2(!net.isRunning(), "isRunning after a failed start");
        for (const QString &part : expected)
            QVERIFY2(error.contains(part),
                     qPrintable(QStringLiteral("\"%1\" lacks \"%2\"").arg(error, part)));
        QVERIFY2(elapsedMs < 10000, qPrintable(QStringLiteral("took %1 ms").arg(elapsedMs)));
        QVERIFY2(childrenOfUs().isEmpty(), "a child process was left behind");
        qInfo("%s", qPrintable(error));
        QString socketError;
        QVERIFY(net.openSocket(QStringLiteral("client"), AF_INET, SOCK_STREAM, 0, &socketError) < 0);
        QVERIFY(!socketError.isEmpty());
    }

    void badSpecsAreRefused()
    {
        LabNetwork net;
        QString error;
        QVERIFY(!net.start(LabNetworkSpec{}, &error));
        QVERIFY(error.contains(QLatin1String("at least one host")));
        LabNetworkSpec twins;
        twins.hosts = {LabHostSpec{QStringLiteral("a")}, LabHostSpec{QStringLiteral("a")}};
        QVERIFY(!net.start(twins, &error));
        QVERIFY(error.contains(QLatin1String("own non-empty name")));
        LabNetworkSpec dangling = clientServerSpec();
        dangling.links.push_back(LabLinkSpec{QStringLiteral("client"), QStringLiteral("nowhere"), {}, {}});
        QVERIFY(!net.start(dangling, &error));
        QVERIFY(error.contains(QLatin1String("does not join two lab hosts")));
        LabNetworkSpec lossy = clientServerSpec();
        lossy.links.front().aToB.lossPercent = 120;
        QVERIFY(!net.start(lossy, &error));
        QVERIFY2(error.contains(QLatin1String("120")), qPrintable(error));
        QVERIFY(childrenOfUs().isEmpty());
    }

    // The agent answers hostile or garbled requests with an error and keeps serving.
    void agentRefusesGarbledRequests()
    {
        using namespace agentproto;
        RawAgent raw;
        QVERIFY(raw.start());
        const int fd = raw.fd;
        auto receive = [&raw](AgentReply *reply, int *passed) { return raw.receive(reply, passed); };
        AgentReply reply;
        QVERIFY(receive(&reply, nullptr));
        QCOMPARE(reply.op, Op::Hello);
        QCOMPARE(reply.err, 0);

        auto ask = [&](const AgentRequest &request, int *passed = nullptr) {
            const bool sent = ::send(fd, &request, sizeof request, MSG_NOSIGNAL) == sizeof request;
            return sent && receive(&reply, passed);
        };
        // An empty datagram (reads like EOF, but is not), short garbage, a long datagram, a wrong magic, an
        // unknown operation.
        QVERIFY(::send(fd, "", 0, 0) == 0 && receive(&reply, nullptr));
        QCOMPARE(reply.err, EINVAL);
        QVERIFY(::send(fd, "garbage", 7, 0) == 7 && receive(&reply, nullptr));
        QCOMPARE(reply.err, EINVAL);
        QByteArray big(4000, 'x');
        QVERIFY(::send(fd, big.constData(), static_cast<size_t>(big.size()), 0) == big.size() &&
                receive(&reply, nullptr));
        QCOMPARE(reply.err, EINVAL);
        AgentRequest request;
        request.magic = 0x12345678;
        request.op = Op::CreateHost;
        QVERIFY(ask(request));
        QCOMPARE(reply.err, EINVAL);
        request = AgentRequest{};
        request.op = static_cast<Op>(999);
        QVERIFY(ask(request));
        QCOMPARE(reply.err, EOPNOTSUPP);
        // A request with a descriptor attached: refused as usual, the descriptor is closed by the agent.
        {
            AgentRequest quitless;
            quitless.op = static_cast<Op>(998);
            iovec iov{&quitless, sizeof quitless};
            alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))] = {};
            msghdr message{};
            message.msg_iov = &iov;
            message.msg_iovlen = 1;
            message.msg_control = control;
            message.msg_controllen = sizeof control;
            cmsghdr *cmsg = CMSG_FIRSTHDR(&message);
            cmsg->cmsg_level = SOL_SOCKET;
            cmsg->cmsg_type = SCM_RIGHTS;
            cmsg->cmsg_len = CMSG_LEN(sizeof(int));
            const int devNull = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
            std::memcpy(CMSG_DATA(cmsg), &devNull, sizeof devNull);
            QVERIFY(::sendmsg(fd, &message, MSG_NOSIGNAL) == sizeof quitless);
            ::close(devNull);
            QVERIFY(receive(&reply, nullptr));
            QCOMPARE(reply.err, EOPNOTSUPP);
        }
        // Requests for a host that does not exist, and unterminated or hostile names.
        request = AgentRequest{};
        request.op = Op::OpenSocket;
        request.host = 1000;
        request.domain = AF_INET;
        request.type = SOCK_STREAM;
        QVERIFY(ask(request));
        QCOMPARE(reply.err, ENOENT);
        request = AgentRequest{};
        request.op = Op::CreateHost;
        request.mtu = 1500;
        request.address = htonl(0xc6120001);
        request.prefixLength = 15;
        int tun = -1;
        QVERIFY(ask(request, &tun));
        QCOMPARE(reply.err, 0);
        QVERIFY(tun >= 0);
        ::close(tun);
        const char *const badNames[] = {"kernel.hostname",     "net/../kernel/hostname",
                                        "net..core.somaxconn", "net/core/./somaxconn",
                                        "/net/core/somaxconn", "net",
                                        "net.core.*",          ""};
        for (const char *name : badNames) {
            request = AgentRequest{};
            request.op = Op::GetSysctl;
            request.host = 0;
            std::strncpy(request.name, name, sizeof request.name - 1);
            QVERIFY(ask(request));
            QVERIFY2(reply.err == EINVAL, name);
        }
        request = AgentRequest{};
        request.op = Op::GetSysctl;
        request.host = 0;
        std::memset(request.name, 'n', sizeof request.name); // no terminating NUL
        QVERIFY(ask(request));
        QCOMPARE(reply.err, EINVAL);
        request = AgentRequest{};
        request.op = Op::SetSysctl;
        request.host = 0;
        std::strcpy(request.name, "net.core.somaxconn");
        std::strcpy(request.value, "16\n0");
        QVERIFY(ask(request));
        QCOMPARE(reply.err, EINVAL);
        request = AgentRequest{};
        request.op = Op::ReadProcNet;
        request.host = 0;
        std::strcpy(request.name, "../self/environ");
        QVERIFY(ask(request));
        QCOMPARE(reply.err, EINVAL);
        request = AgentRequest{};
        request.op = Op::CreateHost;
        request.mtu = 10;
        QVERIFY(ask(request));
        QCOMPARE(reply.err, EINVAL);
        // A payload announced but not sent; a spawn without its three descriptors.
        request = AgentRequest{};
        request.op = Op::Spawn;
        request.host = 0;
        request.payloadLength = 100;
        QVERIFY(::send(fd, &request, sizeof request, MSG_NOSIGNAL) == sizeof request &&
                receive(&reply, nullptr));
        QCOMPARE(reply.err, EINVAL);
        {
            QByteArray spawn(reinterpret_cast<const char *>(&request), sizeof request);
            const QByteArray program("/bin/true\0", 10);
            reinterpret_cast<AgentRequest *>(spawn.data())->payloadLength =
                static_cast<std::uint32_t>(program.size());
            spawn += program;
            QVERIFY(::send(fd, spawn.constData(), static_cast<size_t>(spawn.size()), MSG_NOSIGNAL) ==
                        spawn.size() &&
                    receive(&reply, nullptr));
            QCOMPARE(reply.err, EINVAL);
        }
        // Still serving.
        request = AgentRequest{};
        request.op = Op::OpenSocket;
        request.host = 0;
        request.domain = AF_INET;
        request.type = SOCK_DGRAM;
        int socketFd = -1;
        QVERIFY(ask(request, &socketFd));
        QCOMPARE(reply.err, 0);
        QVERIFY(socketFd >= 0);
        ::close(socketFd);
        request = AgentRequest{};
        request.op = Op::Quit;
        QVERIFY(ask(request));
        QCOMPARE(reply.err, 0);
    }

    // 3000 random requests (fixed seed): each is answered, and the agent still serves afterwards.
    void agentSurvivesRandomRequests()
    {
        using namespace agentproto;
        RawAgent raw;
        QVERIFY(raw.start());
        AgentReply reply;
        QVERIFY(raw.receive(&reply, nullptr));
        QCOMPARE(reply.err, 0);
        QRandomGenerator random(20261127);
        const Op ops[] = {Op::CreateHost, Op::OpenSocket,     Op::SetSysctl,
                          Op::GetSysctl,  Op::ReadProcNet,    Op::Spawn,
                          Op::Hello,      static_cast<Op>(0), static_cast<Op>(0xffffffff)};
        const char *const names[] = {"net.core.somaxconn",     "net/../x", "snmp", "dev", "",
                                     "net.ipv4.tcp_syncookies"};
        const std::int32_t hosts[] = {-1, 0, 1, 2, 1000, INT32_MIN, INT32_MAX};
        for (int i = 0; i < 3000; ++i) {
            QByteArray datagram;
            if (random.bounded(5) == 0) {
                datagram.resize(random.bounded(700));
                for (char &c : datagram)
                    c = static_cast<char>(random.bounded(256));
            } else {
                AgentRequest request;
                request.seq = static_cast<std::uint32_t>(i);
                request.op = ops[random.bounded(int(std::size(ops)))];
                request.host = hosts[random.bounded(int(std::size(hosts)))];
                request.domain = random.bounded(-5, 50);
                request.type = random.bounded(-5, 10);
                request.protocol = random.bounded(-5, 300);
                request.mtu = random.bounded(-10, 70000);
                request.address = random.generate();
                request.prefixLength = random.bounded(40);
                const int nameIndex = random.bounded(int(std::size(names)) + 1);
                if (nameIndex < int(std::size(names)))
                    std::strncpy(request.name, names[nameIndex], sizeof request.name - 1);
                else
                    for (char &c : request.name)
                        c = static_cast<char>(random.bounded(256));
                std::strcpy(request.value, "1");
                request.payloadLength = random.bounded(4) == 0 ? random.bounded(200) : 0;
                datagram = QByteArray(reinterpret_cast<const char *>(&request), sizeof request);
                datagram += QByteArray(random.bounded(3) == 0 ? random.bounded(64) : 0, 'p');
            }
            QVERIFY2(::send(raw.fd, datagram.constData(), static_cast<size_t>(datagram.size()),
                            MSG_NOSIGNAL) == datagram.size(),
                     qPrintable(QStringLiteral("request %1: %2")
                                    .arg(i)
                                    .arg(QString::fromLocal8Bit(std::strerror(errno)))));
            QVERIFY2(raw.receive(&reply, nullptr),
                     qPrintable(QStringLiteral("no answer to request %1").arg(i)));
        }
        AgentRequest request;
        request.op = Op::OpenSocket;
        request.host = 0;
        request.domain = AF_INET;
        request.type = SOCK_DGRAM;
        int socketFd = -1;
        QVERIFY(::send(raw.fd, &request, sizeof request, MSG_NOSIGNAL) == sizeof request);
        QVERIFY(raw.receive(&reply, &socketFd));
        if (socketFd >= 0)
            ::close(socketFd);
        QVERIFY(processAlive(raw.pid));
    }

    // Code with its own threads runs as a process inside a host; it ends when the lab network stops.
    void spawnsProcessesInsideHosts()
    {
        LabNetwork net;
        QString error;
        QVERIFY2(net.start(clientServerSpec(), &error), qPrintable(error));
        const QByteArray dev = runInHost(net, QStringLiteral("client"), QStringLiteral("/bin/cat"),
                                         {QStringLiteral("/proc/self/net/dev")}, &error);
        QVERIFY2(dev.contains("wl0:") && dev.contains("lo:"), qPrintable(error + QString::fromLatin1(dev)));
        const int socketFd = net.openSocket(QStringLiteral("client"), AF_INET, SOCK_DGRAM, 0, &error);
        QVERIFY(socketFd >= 0);
        const QString clientNs = netnsOfSocket(socketFd);
        ::close(socketFd);
        const QByteArray spawnedNs =
            runInHost(net, QStringLiteral("client"), QStringLiteral("/usr/bin/readlink"),
                      {QStringLiteral("/proc/self/ns/net")}, &error)
                .trimmed();
        QCOMPARE(QString::fromLatin1(spawnedNs), clientNs);

        QVERIFY(net.spawnInHost(QStringLiteral("client"), QStringLiteral("cat"), {}, -1, -1, -1, &error) < 0);
        QVERIFY2(error.contains(QLatin1String("absolute path")), qPrintable(error));
        QVERIFY(net.spawnInHost(QStringLiteral("client"), QStringLiteral("/nonexistent/program"), {}, -1, -1,
                                -1, &error) < 0);
        QVERIFY2(error.contains(QLatin1String("No such file")), qPrintable(error));
        QVERIFY(net.spawnInHost(QStringLiteral("nowhere"), QStringLiteral("/bin/true"), {}, -1, -1, -1,
                                &error) < 0);

        const int sleeper = net.spawnInHost(QStringLiteral("server"), QStringLiteral("/bin/sleep"),
                                            {QStringLiteral("30")}, -1, -1, -1, &error);
        QVERIFY2(sleeper >= 0, qPrintable(error));
        QVERIFY(!waitFd(sleeper, POLLIN, 100)); // still running
        net.stop();
        QVERIFY2(waitFd(sleeper, POLLIN, 2000), "the spawned process outlived the lab network by 2 s");
        ::close(sleeper);
    }

    // (c) 100 start/stop cycles leave no thread, descriptor, process or namespace behind.
    void hundredCyclesLeaveNothing()
    {
        {
            // Warm-up: Qt and libc make their lazy one-time allocations here, not inside the measurement.
            LabNetwork net;
            QString error;
            QVERIFY2(net.start(clientServerSpec(), &error), qPrintable(error));
            QVERIFY2(net.wire().start(&error), qPrintable(error));
        }
        const int threadsBefore = countEntries("/proc/self/task");
        const int fdsBefore = countEntries("/proc/self/fd");
        const int namespacesBefore = netNamespacesAllocated();
        const QString ownNamespace =
            QFile::symLinkTarget(QStringLiteral("/proc/self/ns/net")).section(QLatin1Char('/'), -1);
        QList<int> agents;
        QList<qint64> startUs, stopUs, socketUs;
        QElapsedTimer timer;
        for (int cycle = 0; cycle < 100; ++cycle) {
            LabNetwork net;
            QString error;
            timer.start();
            QVERIFY2(net.start(clientServerSpec(), &error),
                     qPrintable(QStringLiteral("cycle %1: %2").arg(cycle).arg(error)));
            startUs << timer.nsecsElapsed() / 1000;
            QVERIFY2(net.wire().start(&error), qPrintable(error));
            agents << net.agentPid();
            QSet<QString> hostNamespaces;
            for (const QString &host : net.hostNames()) {
                timer.start();
                const int fd = net.openSocket(host, AF_INET, SOCK_DGRAM, 0, &error);
                socketUs << timer.nsecsElapsed() / 1000;
                QVERIFY2(fd >= 0, qPrintable(error));
                hostNamespaces.insert(netnsOfSocket(fd));
                ::close(fd);
            }
            // Two hosts, two namespaces of their own, neither of them ours.
            QCOMPARE(hostNamespaces.size(), 2);
            QVERIFY(!hostNamespaces.contains(QString()) && !hostNamespaces.contains(ownNamespace));
            timer.start();
            net.stop();
            stopUs << timer.nsecsElapsed() / 1000;
        }
        QCOMPARE(countEntries("/proc/self/task"), threadsBefore);
        QCOMPARE(countEntries("/proc/self/fd"), fdsBefore);
        const QList<int> children = childrenOfUs();
        QVERIFY2(children.isEmpty(), qPrintable(QStringLiteral("%1 children left").arg(children.size())));
        // The agents held the namespaces (their descriptors and the processes themselves); our descriptors
        // (TUNs, sockets) are back to what they were. With both gone, the kernel frees the namespaces.
        for (const int agent : std::as_const(agents))
            QVERIFY2(processGone(agent), qPrintable(QStringLiteral("agent %1 still exists").arg(agent)));
        qInfo("100 cycles: %d threads and %d descriptors before and after, %lld agents all gone",
              threadsBefore, fdsBefore, qlonglong(agents.size()));
        // The kernel frees namespaces on a worker, shortly after their last reference goes. We made 300
        // (a base and two hosts per cycle); other processes on the machine may make or free some
        // meanwhile, hence the margin of 100 (a leak would show 300).
        if (namespacesBefore >= 0) {
            int namespacesAfter = netNamespacesAllocated();
            QElapsedTimer waited;
            waited.start();
            while (namespacesAfter > namespacesBefore + 10 && waited.elapsed() < 10000) {
                QTest::qSleep(50);
                namespacesAfter = netNamespacesAllocated();
            }
            QVERIFY2(namespacesAfter <= namespacesBefore + 100,
                     qPrintable(QStringLiteral("network namespaces on the machine: %1 before, %2 after 10 s")
                                    .arg(namespacesBefore)
                                    .arg(namespacesAfter)));
            qInfo("network namespaces allocated on the machine: %d before, %d %lld ms after the last stop()",
                  namespacesBefore, namespacesAfter, qlonglong(waited.elapsed()));
        }
        // Figures for docs/labnet.md (information only, never asserted).
        auto median = [](QList<qint64> values) {
            std::sort(values.begin(), values.end());
            return values.isEmpty() ? 0 : values.at(values.size() / 2);
        };
        qInfo("median start() with 2 hosts %lld us, stop() %lld us, openSocket() %lld us", median(startUs),
              median(stopUs), median(socketUs));
    }

    // A lab network started on a thread that then ends keeps working (its agent must not take the
    // thread's end for its parent's death).
    void outlivesTheThreadThatStartedIt()
    {
        LabNetwork net;
        QString error;
        bool started = false;
        std::thread worker([&] { started = net.start(clientServerSpec(), &error); });
        worker.join();
        QVERIFY2(started, qPrintable(error));
        const pid_t agent = net.agentPid();
        QTest::qWait(200); // PR_SET_PDEATHSIG would have killed it by now
        QVERIFY2(processAlive(agent), "the agent died with the thread that started it");
        const int fd = net.openSocket(QStringLiteral("server"), AF_INET, SOCK_STREAM, 0, &error);
        QVERIFY2(fd >= 0, qPrintable(error));
        ::close(fd);
        net.stop();
        QVERIFY(processGone(agent));
    }

    // (d) The process holding a lab network is killed: its agent goes within 2 s, whichever thread
    // started it.
    void crashLeavesNothing_data()
    {
        QTest::addColumn<QString>("role");
        QTest::newRow("started on the main thread") << QStringLiteral("holder");
        QTest::newRow("started on a thread that ended") << QStringLiteral("holder-worker");
    }
    void crashLeavesNothing()
    {
        QFETCH(QString, role);
        // Orphans are re-parented to us instead of init, so we can see the agent exit and reap it.
        QVERIFY(::prctl(PR_SET_CHILD_SUBREAPER, 1) == 0);
        auto unsetSubreaper = qScopeGuard([] { ::prctl(PR_SET_CHILD_SUBREAPER, 0); });
        QProcess holder;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("WIRELAB_TST_LABNET_ROLE"), role);
        holder.setProcessEnvironment(environment);
        holder.start(m_self, {});
        QVERIFY(holder.waitForStarted(10000));
        QByteArray line;
        for (int i = 0; i < 100 && !line.contains('\n'); ++i) {
            holder.waitForReadyRead(100);
            line += holder.readAllStandardOutput();
        }
        QVERIFY2(line.startsWith("agent "), (line + holder.readAllStandardError()).constData());
        const pid_t agent = line.mid(6).trimmed().toInt();
        QVERIFY(agent > 0);
        QVERIFY(processAlive(agent));
        ::kill(static_cast<pid_t>(holder.processId()), SIGKILL);
        QVERIFY(holder.waitForFinished(5000));
        QElapsedTimer timer;
        timer.start();
        bool gone = false;
        while (!gone && timer.elapsed() < 2000) {
            const pid_t r = ::waitpid(agent, nullptr, WNOHANG);
            gone = r == agent || (r < 0 && processGone(agent));
            if (!gone)
                QTest::qSleep(5);
        }
        if (!gone) {
            ::kill(agent, SIGKILL);
            ::waitpid(agent, nullptr, 0);
        }
        QVERIFY2(gone, "the agent outlived its killed parent by more than 2 s");
        qInfo("agent %d exited %lld ms after its parent was killed", int(agent), qlonglong(timer.elapsed()));
    }
};

int main(int argc, char **argv)
{
    const QByteArray role = qgetenv("WIRELAB_TST_LABNET_ROLE");
    QCoreApplication app(argc, argv);
    if (role == "unprivileged")
        return runUnprivileged();
    if (role == "holder")
        return runHolder(false);
    if (role == "holder-worker")
        return runHolder(true);
    TestLabNetwork test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_labnetwork.moc"
