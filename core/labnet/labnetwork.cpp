// SPDX-License-Identifier: GPL-3.0-or-later
#include "labnet/labnetwork.h"

#include "labnet/agentprotocol.h"
#include "labnet/wire.h"
#include "runclock.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <mutex>
#include <optional>
#include <thread>

#include <arpa/inet.h>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace wirelab {

namespace {

using agentproto::AgentReply;
using agentproto::AgentRequest;
using agentproto::Op;
using agentproto::Stage;

constexpr int kReplyTimeoutMs = 5000;
constexpr int kQuitTimeoutMs = 1000;
constexpr int kExitTimeoutMs = 2000;
constexpr quint32 kLabNetwork = 0xc6120000; // 198.18.0.0
constexpr int kLabPrefixLength = 15;

QString errnoText(int err)
{
    return QString::fromLocal8Bit(std::strerror(err));
}

QString readSmallFile(const char *path)
{
    QFile file(QString::fromLatin1(path));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(file.read(64)).trimmed();
}

QString findAgent(QStringList *tried)
{
    const QString fromEnvironment = qEnvironmentVariable("WIRELAB_LABNETD");
    if (!fromEnvironment.isEmpty()) {
        tried->append(fromEnvironment);
        return fromEnvironment; // used as given, even if wrong: the error then names it
    }
    QStringList candidates;
    const QString self = QFileInfo(QStringLiteral("/proc/self/exe")).canonicalFilePath();
    if (!self.isEmpty())
        candidates << QFileInfo(self).absolutePath() + QStringLiteral("/wirelab-labnetd");
#ifdef WIRELAB_LABNETD_BUILD_PATH
    candidates << QStringLiteral(WIRELAB_LABNETD_BUILD_PATH);
#endif
#ifdef WIRELAB_LABNETD_INSTALL_PATH
    candidates << QStringLiteral(WIRELAB_LABNETD_INSTALL_PATH);
#endif
    for (const QString &candidate : std::as_const(candidates)) {
        tried->append(candidate);
        if (::access(QFile::encodeName(candidate).constData(), X_OK) == 0)
            return candidate;
    }
    return {};
}

// What went wrong, for the student: the reason and how to enable the lab network, each one sentence.
struct Explanation
{
    QString reason, howToEnable;
};

Explanation explainFailure(Stage stage, int err, const QString &what)
{
    Explanation e;
    const QString generic = QCoreApplication::translate(
        "wirelab::LabNetwork",
        "Allow unprivileged user namespaces: on Debian and Ubuntu run "
        "`sudo sysctl -w kernel.unprivileged_userns_clone=1`; on Ubuntu 23.10 and later "
        "also `sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0`.");
    switch (stage) {
    case Stage::UserNamespace:
    case Stage::IdMap:
        if (readSmallFile("/proc/sys/kernel/unprivileged_userns_clone") == QLatin1String("0")) {
            e.reason = QCoreApplication::translate(
                "wirelab::LabNetwork",
                "Unprivileged user namespaces are disabled (kernel.unprivileged_userns_clone = 0).");
            e.howToEnable = QCoreApplication::translate(
                "wirelab::LabNetwork",
                "Run `sudo sysctl -w kernel.unprivileged_userns_clone=1` (Debian, Ubuntu), and "
                "put that setting in /etc/sysctl.d/ to keep it.");
        } else if (readSmallFile("/proc/sys/kernel/apparmor_restrict_unprivileged_userns") ==
                   QLatin1String("1")) {
            e.reason = QCoreApplication::translate(
                "wirelab::LabNetwork",
                "AppArmor restricts unprivileged user namespaces "
                "(kernel.apparmor_restrict_unprivileged_userns = 1, Ubuntu 23.10 and later).");
            e.howToEnable = QCoreApplication::translate(
                "wirelab::LabNetwork",
                "Run `sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0`, or give "
                "Wirelab an AppArmor profile that allows userns.");
        } else if (readSmallFile("/proc/sys/user/max_user_namespaces") == QLatin1String("0") ||
                   err == ENOSPC) {
            e.reason = QCoreApplication::translate(
                "wirelab::LabNetwork",
                "User namespaces are switched off (user.max_user_namespaces = 0) or used up.");
            e.howToEnable = QCoreApplication::translate(
                "wirelab::LabNetwork", "Run `sudo sysctl -w user.max_user_namespaces=15000`.");
        } else if (stage == Stage::IdMap) {
            e.reason = QCoreApplication::translate(
                           "wirelab::LabNetwork",
                           "The system made a user namespace but refused its user mapping (%1: %2).")
                           .arg(what, errnoText(err));
            e.howToEnable = generic;
        } else {
            e.reason = QCoreApplication::translate("wirelab::LabNetwork",
                                                   "The system refused to create a user namespace (%1).")
                           .arg(errnoText(err));
            e.howToEnable = generic;
        }
        break;
    case Stage::Tun:
        if (err == ENOENT || err == ENODEV || err == ENXIO) {
            e.reason = QCoreApplication::translate("wirelab::LabNetwork",
                                                   "The TUN driver is missing (/dev/net/tun: %1).")
                           .arg(errnoText(err));
            e.howToEnable = QCoreApplication::translate("wirelab::LabNetwork", "Run `sudo modprobe tun`.");
        } else {
            e.reason = QCoreApplication::translate(
                           "wirelab::LabNetwork",
                           "/dev/net/tun is not readable and writable for your user (%1: %2).")
                           .arg(what, errnoText(err));
            e.howToEnable = QCoreApplication::translate(
                "wirelab::LabNetwork",
                "Run `sudo chmod 0666 /dev/net/tun` (stock Debian and Ubuntu ship it that way), "
                "or add the udev rule KERNEL==\"tun\", MODE=\"0666\".");
        }
        break;
    case Stage::Setup:
        e.reason = err == 0
                       ? what
                       : QCoreApplication::translate("wirelab::LabNetwork",
                                                     "The lab network helper could not be started (%1: %2).")
                             .arg(what, errnoText(err));
        e.howToEnable = QCoreApplication::translate(
            "wirelab::LabNetwork",
            "Reinstall Wirelab, or set WIRELAB_LABNETD to the path of wirelab-labnetd.");
        break;
    default:
        e.reason = QCoreApplication::translate("wirelab::LabNetwork",
                                               "The lab network could not set up a host (%1: %2).")
                       .arg(what, errnoText(err));
        e.howToEnable = QCoreApplication::translate(
            "wirelab::LabNetwork", "Use host mode (--network host) and report this message as a bug.");
        break;
    }
    return e;
}

QString lossesInHostMode()
{
    return QCoreApplication::translate(
        "wirelab::LabNetwork",
        "In host mode the lab runs on 127.0.0.x: no packet-level delay or loss on TCP, no breakpoints, "
        "and capture needs root or CAP_NET_RAW.");
}

void copyText(char *destination, std::size_t size, const QByteArray &text)
{
    const std::size_t n = std::min<std::size_t>(static_cast<std::size_t>(text.size()), size - 1);
    std::memcpy(destination, text.constData(), n);
    destination[n] = '\0';
}

int remainingMs(std::chrono::steady_clock::time_point deadline)
{
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    return left.count() < 0 ? 0 : static_cast<int>(left.count());
}

// One running agent: its pid and our end of the socket pair. call() and shutdown() may come from any
// thread; they take turns (one request at a time on the socket).
class AgentConnection final
{
public:
    struct Failure
    {
        Stage stage = Stage::None;
        int err = 0;
        QString what;
    };

    ~AgentConnection() { shutdown(); }
    AgentConnection() = default;
    AgentConnection(const AgentConnection &) = delete;
    AgentConnection &operator=(const AgentConnection &) = delete;

    bool spawn(Failure *failure)
    {
        QStringList tried;
        const QString path = findAgent(&tried);
        if (path.isEmpty()) {
            *failure = {Stage::Setup, 0, // a whole sentence
                        QCoreApplication::translate("wirelab::LabNetwork",
                                                    "The lab network helper wirelab-labnetd was not found "
                                                    "(looked in %1).")
                            .arg(tried.join(QStringLiteral(", ")))};
            return false;
        }
        int pair[2];
        if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, pair) != 0) {
            *failure = {Stage::Setup, errno, QStringLiteral("socketpair")};
            return false;
        }
        m_fd = pair[0];
        int childEnd = pair[1];
        if (childEnd == agentproto::kAgentFd) {
            // dup2(3, 3) would leave close-on-exec set: move it out of the way first.
            const int moved = ::fcntl(childEnd, F_DUPFD_CLOEXEC, agentproto::kAgentFd + 1);
            ::close(childEnd);
            childEnd = moved;
            if (childEnd < 0) {
                *failure = {Stage::Setup, errno, QStringLiteral("fcntl(F_DUPFD_CLOEXEC)")};
                shutdown();
                return false;
            }
        }
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, childEnd, agentproto::kAgentFd);
        posix_spawnattr_t attributes;
        posix_spawnattr_init(&attributes);
        sigset_t signalSet;
        sigemptyset(&signalSet);
        posix_spawnattr_setsigmask(&attributes, &signalSet);
        sigaddset(&signalSet, SIGPIPE);
        sigaddset(&signalSet, SIGCHLD);
        sigaddset(&signalSet, SIGTERM);
        sigaddset(&signalSet, SIGINT);
        posix_spawnattr_setsigdefault(&attributes, &signalSet);
        posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
        const QByteArray program = QFile::encodeName(path);
        const QByteArray parent = QByteArray::number(static_cast<qlonglong>(::getpid()));
        // PR_SET_PDEATHSIG is tied to the spawning thread: only when that is the main thread, which lives
        // as long as the process, may the agent use it (EOF on its descriptor 3 covers every case).
        const bool mainThread = ::gettid() == ::getpid();
        char noDeathSignal[] = "--no-pdeathsig";
        char *argv[] = {const_cast<char *>(program.constData()), const_cast<char *>(parent.constData()),
                        mainThread ? nullptr : noDeathSignal, nullptr};
        pid_t pid = -1;
        const int rc = ::posix_spawn(&pid, program.constData(), &actions, &attributes, argv, environ);
        posix_spawn_file_actions_destroy(&actions);
        posix_spawnattr_destroy(&attributes);
        ::close(childEnd);
        if (rc != 0) {
            *failure = {Stage::Setup, rc, path};
            shutdown();
            return false;
        }
        m_pid = pid;

        AgentReply hello;
        QString error;
        if (!receive(0, &hello, nullptr, nullptr, &error)) {
            *failure = {Stage::Setup, 0, error}; // error is a whole sentence
            shutdown();
            return false;
        }
        if (hello.op != Op::Hello || hello.err != 0) {
            *failure = {hello.err != 0 ? hello.stage : Stage::Setup, hello.err != 0 ? hello.err : EPROTO,
                        QString::fromUtf8(hello.message)};
            shutdown();
            return false;
        }
        return true;
    }

    // One request and its reply. On a timeout or a dead agent the connection is marked broken: later
    // calls fail at once instead of waiting again.
    bool call(AgentRequest request, AgentReply *reply, QByteArray *payload, int *fd, QString *error,
              const QByteArray &requestPayload = {}, const std::vector<int> &sendFds = {})
    {
        std::lock_guard lock(m_mutex);
        if (fd)
            *fd = -1;
        if (m_fd < 0 || m_broken) {
            *error =
                QCoreApplication::translate("wirelab::LabNetwork", "The lab network agent is not running.");
            return false;
        }
        request.magic = agentproto::kMagic;
        request.seq = ++m_seq;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kReplyTimeoutMs);
        request.payloadLength = static_cast<std::uint32_t>(requestPayload.size());
        QByteArray datagram(reinterpret_cast<const char *>(&request), sizeof request);
        datagram += requestPayload;
        iovec iov{datagram.data(), static_cast<std::size_t>(datagram.size())};
        msghdr message{};
        message.msg_iov = &iov;
        message.msg_iovlen = 1;
        alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int) * 4)] = {};
        if (!sendFds.empty() && sendFds.size() <= 4) {
            message.msg_control = control;
            message.msg_controllen = CMSG_SPACE(sizeof(int) * sendFds.size());
            cmsghdr *cmsg = CMSG_FIRSTHDR(&message);
            cmsg->cmsg_level = SOL_SOCKET;
            cmsg->cmsg_type = SCM_RIGHTS;
            cmsg->cmsg_len = CMSG_LEN(sizeof(int) * sendFds.size());
            std::memcpy(CMSG_DATA(cmsg), sendFds.data(), sizeof(int) * sendFds.size());
        }
        for (;;) {
            const ssize_t sent = ::sendmsg(m_fd, &message, MSG_NOSIGNAL | MSG_DONTWAIT);
            if (sent == static_cast<ssize_t>(datagram.size()))
                break;
            if (sent < 0 && (errno == EAGAIN || errno == EINTR)) {
                pollfd p{m_fd, POLLOUT, 0};
                if (::poll(&p, 1, remainingMs(deadline)) > 0 || remainingMs(deadline) > 0)
                    continue;
            }
            m_broken = true;
            *error = QCoreApplication::translate(
                         "wirelab::LabNetwork", "The lab network agent does not take requests any more (%1).")
                         .arg(errnoText(sent < 0 ? errno : EIO));
            return false;
        }
        if (!receive(request.seq, reply, payload, fd, error, deadline)) {
            m_broken = true;
            return false;
        }
        return true;
    }

    pid_t pid() const { return m_pid; }

    // Asks the agent to quit, closes our end, reaps it (SIGKILL after a grace period). Bounded.
    void shutdown()
    {
        std::lock_guard lock(m_mutex);
        if (m_fd >= 0 && !m_broken && m_pid > 0) {
            AgentRequest quit;
            quit.op = Op::Quit;
            AgentReply reply;
            QString ignored;
            quit.magic = agentproto::kMagic;
            quit.seq = ++m_seq;
            if (::send(m_fd, &quit, sizeof quit, MSG_NOSIGNAL | MSG_DONTWAIT) == sizeof quit) {
                receive(quit.seq, &reply, nullptr, nullptr, &ignored,
                        std::chrono::steady_clock::now() + std::chrono::milliseconds(kQuitTimeoutMs));
            }
        }
        if (m_fd >= 0)
            ::close(m_fd); // EOF for the agent, whatever state it is in
        m_fd = -1;
        if (m_pid > 0) {
            const auto deadline =
                std::chrono::steady_clock::now() + std::chrono::milliseconds(kExitTimeoutMs);
            bool reaped = false;
            while (!reaped) {
                const pid_t r = ::waitpid(m_pid, nullptr, WNOHANG);
                if (r == m_pid || (r < 0 && errno == ECHILD)) {
                    reaped = true;
                    break;
                }
                if (remainingMs(deadline) == 0)
                    break;
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            }
            if (!reaped) {
                ::kill(m_pid, SIGKILL);
                // SIGKILL cannot be ignored; the wait ends as soon as the kernel has torn it down.
                while (::waitpid(m_pid, nullptr, 0) < 0 && errno == EINTR) {
                }
            }
        }
        m_pid = -1;
    }

private:
    bool receive(std::uint32_t seq, AgentReply *reply, QByteArray *payload, int *fd, QString *error,
                 std::optional<std::chrono::steady_clock::time_point> until = std::nullopt)
    {
        const auto deadline =
            until.value_or(std::chrono::steady_clock::now() + std::chrono::milliseconds(kReplyTimeoutMs));
        m_buffer.resize(sizeof(AgentReply) + agentproto::kMaxPayload);
        for (int datagrams = 0; datagrams < 64; ++datagrams) {
            pollfd p{m_fd, POLLIN, 0};
            const int ready = ::poll(&p, 1, remainingMs(deadline));
            if (ready < 0 && errno == EINTR)
                continue;
            if (ready <= 0) {
                *error = QCoreApplication::translate(
                             "wirelab::LabNetwork", "The lab network agent did not answer within %1 seconds.")
                             .arg(kReplyTimeoutMs / 1000);
                return false;
            }
            iovec iov{m_buffer.data(), m_buffer.size()};
            alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int) * 4)];
            msghdr message{};
            message.msg_iov = &iov;
            message.msg_iovlen = 1;
            message.msg_control = control;
            message.msg_controllen = sizeof control;
            const ssize_t n = ::recvmsg(m_fd, &message, MSG_CMSG_CLOEXEC | MSG_DONTWAIT);
            if (n < 0 && (errno == EINTR || errno == EAGAIN))
                continue;
            if (n <= 0) {
                *error =
                    QCoreApplication::translate("wirelab::LabNetwork", "The lab network agent has exited.");
                return false;
            }
            int received = -1;
            for (cmsghdr *cmsg = CMSG_FIRSTHDR(&message); cmsg; cmsg = CMSG_NXTHDR(&message, cmsg)) {
                if (cmsg->cmsg_level != SOL_SOCKET || cmsg->cmsg_type != SCM_RIGHTS)
                    continue;
                const std::size_t count = (cmsg->cmsg_len - CMSG_LEN(0)) / sizeof(int);
                for (std::size_t i = 0; i < count; ++i) {
                    int one = -1;
                    std::memcpy(&one, CMSG_DATA(cmsg) + i * sizeof(int), sizeof one);
                    if (received < 0)
                        received = one;
                    else if (one >= 0)
                        ::close(one);
                }
            }
            AgentReply header;
            const bool sizeOk =
                static_cast<std::size_t>(n) >= sizeof header && !(message.msg_flags & MSG_TRUNC);
            if (sizeOk)
                std::memcpy(&header, m_buffer.data(), sizeof header);
            if (!sizeOk || header.magic != agentproto::kMagic ||
                header.payloadLength != static_cast<std::size_t>(n) - sizeof header) {
                if (received >= 0)
                    ::close(received);
                *error = QCoreApplication::translate("wirelab::LabNetwork",
                                                     "The lab network agent sent a malformed reply.");
                return false;
            }
            if (header.seq != seq) { // a late answer to a request that timed out: not ours
                if (received >= 0)
                    ::close(received);
                continue;
            }
            header.message[sizeof header.message - 1] = '\0';
            *reply = header;
            if (payload)
                *payload = QByteArray(reinterpret_cast<const char *>(m_buffer.data()) + sizeof header,
                                      static_cast<qsizetype>(header.payloadLength));
            if (fd)
                *fd = received;
            else if (received >= 0)
                ::close(received);
            return true;
        }
        *error = QCoreApplication::translate("wirelab::LabNetwork",
                                             "The lab network agent sent a malformed reply.");
        return false;
    }

    std::mutex m_mutex; // one request at a time; shutdown waits for the request in flight
    int m_fd = -1;
    std::atomic<pid_t> m_pid = -1;
    std::uint32_t m_seq = 0;
    bool m_broken = false;
    std::vector<unsigned char> m_buffer;
};

} // namespace

QString networkModeName(NetworkMode mode)
{
    return mode == NetworkMode::Sandbox ? QStringLiteral("sandbox") : QStringLiteral("host");
}

bool parseNetworkMode(const QString &text, NetworkMode *mode)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("sandbox")) {
        *mode = NetworkMode::Sandbox;
        return true;
    }
    if (t == QLatin1String("host")) {
        *mode = NetworkMode::Host;
        return true;
    }
    return false;
}

SandboxAvailability probeSandbox()
{
    SandboxAvailability result;
    result.loses = lossesInHostMode();
    if (qEnvironmentVariable("WIRELAB_FORCE_HOST_MODE") == QLatin1String("1")) {
        result.reason = QCoreApplication::translate("wirelab::LabNetwork",
                                                    "Host mode was requested (WIRELAB_FORCE_HOST_MODE=1).");
        result.howToEnable = QCoreApplication::translate(
            "wirelab::LabNetwork", "Unset WIRELAB_FORCE_HOST_MODE to use the lab network.");
        return result;
    }
    static std::mutex mutex;
    static std::optional<SandboxAvailability> cached;
    std::lock_guard lock(mutex);
    if (cached)
        return *cached;

    AgentConnection agent;
    AgentConnection::Failure failure;
    if (agent.spawn(&failure)) {
        AgentRequest request;
        request.op = Op::CreateHost;
        request.mtu = 1500;
        request.address = htonl(kLabNetwork + 1);
        request.prefixLength = kLabPrefixLength;
        AgentReply reply;
        int tun = -1;
        QString error;
        if (!agent.call(request, &reply, nullptr, &tun, &error)) {
            failure = {Stage::Setup, 0, error};
        } else if (reply.err != 0 || tun < 0) {
            failure = {reply.stage, reply.err ? reply.err : EPROTO, QString::fromUtf8(reply.message)};
        } else {
            result.available = true;
        }
        if (tun >= 0)
            ::close(tun);
    }
    if (!result.available) {
        const Explanation e = explainFailure(failure.stage, failure.err, failure.what);
        result.reason = e.reason;
        result.howToEnable = e.howToEnable;
    }
    cached = result;
    return result;
}

struct LabNetwork::Impl
{
    struct Host
    {
        QString name;
        QHostAddress address;
        int index = -1;
    };

    RunClock ownClock;
    const RunClock *clock = nullptr;
    // Guards agent, hosts, wire and running; never held while waiting for the agent (which serialises
    // its own requests), so isRunning() or address() never wait behind a slow request.
    mutable std::mutex mutex;
    std::shared_ptr<AgentConnection> agent;
    std::vector<Host> hosts;
    std::unique_ptr<Wire> wire;
    bool running = false;

    const Host *findHost(const QString &name) const
    {
        for (const Host &h : hosts) {
            if (h.name == name)
                return &h;
        }
        return nullptr;
    }

    // Runs one request for a host; false with a sentence in *error.
    bool hostCall(const QString &host, AgentRequest request, AgentReply *reply, QByteArray *payload, int *fd,
                  QString *error, const QByteArray &requestPayload = {}, const std::vector<int> &sendFds = {})
    {
        std::shared_ptr<AgentConnection> connection;
        {
            std::lock_guard lock(mutex);
            const Host *h = findHost(host);
            if (!running || !agent || !h) {
                *error = running ? QCoreApplication::translate("wirelab::LabNetwork",
                                                               "The lab network has no host \"%1\".")
                                       .arg(host)
                                 : QCoreApplication::translate("wirelab::LabNetwork",
                                                               "The lab network is not running.");
                return false;
            }
            request.host = h->index;
            connection = agent;
        }
        return connection->call(request, reply, payload, fd, error, requestPayload, sendFds);
    }
};

LabNetwork::LabNetwork() : d(std::make_unique<Impl>()) {}

LabNetwork::~LabNetwork()
{
    stop();
}

void LabNetwork::setClock(const RunClock *clock)
{
    d->clock = clock;
}

bool LabNetwork::start(const LabNetworkSpec &spec, QString *error)
{
    stop();
    QString ignored;
    QString &err = error ? *error : ignored;
    if (spec.hosts.empty()) {
        err = QCoreApplication::translate("wirelab::LabNetwork", "A lab network needs at least one host.");
        return false;
    }
    if (spec.hosts.size() > static_cast<std::size_t>(agentproto::kMaxHosts)) {
        err = QCoreApplication::translate("wirelab::LabNetwork", "A lab network has at most %1 hosts.")
                  .arg(agentproto::kMaxHosts);
        return false;
    }
    if (spec.mtu < 576 || spec.mtu > 65535) {
        err = QCoreApplication::translate("wirelab::LabNetwork",
                                          "The MTU must be between 576 and 65535; got %1.")
                  .arg(spec.mtu);
        return false;
    }
    QSet<QString> names;
    for (const LabHostSpec &host : spec.hosts) {
        if (host.name.isEmpty() || names.contains(host.name)) {
            err = QCoreApplication::translate("wirelab::LabNetwork",
                                              "Every lab host needs its own non-empty name; \"%1\" is not.")
                      .arg(host.name);
            return false;
        }
        names.insert(host.name);
    }
    for (const LabLinkSpec &link : spec.links) {
        if (!names.contains(link.a) || !names.contains(link.b) || link.a == link.b) {
            err = QCoreApplication::translate("wirelab::LabNetwork",
                                              "The link %1 - %2 does not join two lab hosts.")
                      .arg(link.a, link.b);
            return false;
        }
        QString impairmentError;
        if (!link.aToB.validate(&impairmentError) || !link.bToA.validate(&impairmentError)) {
            err = QCoreApplication::translate("wirelab::LabNetwork", "The link %1 - %2: %3")
                      .arg(link.a, link.b, impairmentError);
            return false;
        }
    }

    auto agent = std::make_shared<AgentConnection>();
    AgentConnection::Failure failure;
    if (!agent->spawn(&failure)) {
        const Explanation e = explainFailure(failure.stage, failure.err, failure.what);
        err = e.reason + QLatin1Char(' ') + e.howToEnable;
        return false;
    }
    std::vector<Impl::Host> hosts;
    std::vector<int> tunFds;
    auto closeTuns = [&tunFds] {
        for (const int fd : tunFds)
            ::close(fd);
        tunFds.clear();
    };
    for (std::size_t i = 0; i < spec.hosts.size(); ++i) {
        const quint32 address = kLabNetwork + static_cast<quint32>(i) + 1;
        AgentRequest request;
        request.op = Op::CreateHost;
        request.mtu = spec.mtu;
        request.address = htonl(address);
        request.prefixLength = kLabPrefixLength;
        copyText(request.name, sizeof request.name, spec.hosts[i].name.toUtf8());
        AgentReply reply;
        int tun = -1;
        QString callError;
        if (!agent->call(request, &reply, nullptr, &tun, &callError)) {
            closeTuns();
            err = callError;
            return false;
        }
        if (reply.err != 0 || tun < 0) {
            if (tun >= 0)
                ::close(tun);
            closeTuns();
            const Explanation e =
                explainFailure(reply.stage, reply.err ? reply.err : EPROTO, QString::fromUtf8(reply.message));
            err = e.reason + QLatin1Char(' ') + e.howToEnable;
            return false;
        }
        tunFds.push_back(tun);
        hosts.push_back(Impl::Host{spec.hosts[i].name, QHostAddress(address), reply.value});
    }

    auto wire = std::make_unique<Wire>(d->clock ? d->clock : &d->ownClock);
    for (std::size_t i = 0; i < hosts.size(); ++i)
        wire->addHost(hosts[i].name, hosts[i].address, tunFds[i]); // the wire owns them from here
    tunFds.clear();
    wire->setCaptureHost(hosts.front().name);
    for (const LabLinkSpec &link : spec.links) {
        QString linkError;
        if (!wire->setImpairment(link.a, link.b, link.aToB, &linkError) ||
            !wire->setImpairment(link.b, link.a, link.bToA, &linkError)) {
            err = QCoreApplication::translate("wirelab::LabNetwork", "The link %1 - %2: %3")
                      .arg(link.a, link.b, linkError);
            wire.reset();
            return false; // agent shuts down with its unique_ptr
        }
    }
    std::lock_guard lock(d->mutex);
    d->agent = std::move(agent);
    d->hosts = std::move(hosts);
    d->wire = std::move(wire);
    d->running = true;
    return true;
}

void LabNetwork::stop()
{
    std::unique_ptr<Wire> wire;
    std::shared_ptr<AgentConnection> agent;
    {
        std::lock_guard lock(d->mutex);
        wire = std::move(d->wire);
        agent = std::move(d->agent);
        d->hosts.clear();
        d->running = false;
    }
    if (wire)
        wire->stop();
    wire.reset(); // closes the TUN descriptors: the devices go away
    if (agent)
        agent->shutdown(); // quit, EOF, reap: the namespaces go away with the agent's descriptors
}

bool LabNetwork::isRunning() const
{
    std::lock_guard lock(d->mutex);
    return d->running;
}

QStringList LabNetwork::hostNames() const
{
    std::lock_guard lock(d->mutex);
    QStringList names;
    for (const Impl::Host &h : d->hosts)
        names << h.name;
    return names;
}

QHostAddress LabNetwork::address(const QString &host) const
{
    std::lock_guard lock(d->mutex);
    const Impl::Host *h = d->findHost(host);
    return h ? h->address : QHostAddress();
}

QString LabNetwork::hostOf(const QHostAddress &address) const
{
    std::lock_guard lock(d->mutex);
    for (const Impl::Host &h : d->hosts) {
        if (h.address.isEqual(address, QHostAddress::TolerantConversion))
            return h.name;
    }
    return {};
}

int LabNetwork::openSocket(const QString &host, int domain, int type, int protocol, QString *error)
{
    QString ignored;
    QString &err = error ? *error : ignored;
    AgentRequest request;
    request.op = Op::OpenSocket;
    request.domain = domain;
    request.type = type;
    request.protocol = protocol;
    AgentReply reply;
    int fd = -1;
    if (!d->hostCall(host, request, &reply, nullptr, &fd, &err))
        return -1;
    if (reply.err != 0 || fd < 0) {
        if (fd >= 0)
            ::close(fd);
        err = QCoreApplication::translate("wirelab::LabNetwork", "Could not open a socket in %1: %2.")
                  .arg(host, errnoText(reply.err ? reply.err : EPROTO));
        return -1;
    }
    return fd;
}

bool LabNetwork::setSysctl(const QString &host, const QString &name, const QString &value, QString *error)
{
    QString ignored;
    QString &err = error ? *error : ignored;
    const QByteArray nameBytes = name.toUtf8();
    const QByteArray valueBytes = value.toUtf8();
    if (nameBytes.size() >= static_cast<qsizetype>(sizeof AgentRequest::name) ||
        valueBytes.size() >= static_cast<qsizetype>(sizeof AgentRequest::value)) {
        err = QCoreApplication::translate("wirelab::LabNetwork", "The setting %1 or its value is too long.")
                  .arg(name);
        return false;
    }
    AgentRequest request;
    request.op = Op::SetSysctl;
    copyText(request.name, sizeof request.name, nameBytes);
    copyText(request.value, sizeof request.value, valueBytes);
    AgentReply reply;
    if (!d->hostCall(host, request, &reply, nullptr, nullptr, &err))
        return false;
    if (reply.err != 0) {
        err =
            reply.err == EINVAL && reply.stage == Stage::Request && std::strstr(reply.message, "sysctl name")
                ? QCoreApplication::translate(
                      "wirelab::LabNetwork",
                      "%1 is not a network setting (only names under net. can be set for a lab host).")
                      .arg(name)
                : QCoreApplication::translate("wirelab::LabNetwork", "Setting %1 to \"%2\" on %3 failed: %4.")
                      .arg(name, value, host, errnoText(reply.err));
        return false;
    }
    return true;
}

QString LabNetwork::sysctl(const QString &host, const QString &name, QString *error)
{
    QString ignored;
    QString &err = error ? *error : ignored;
    const QByteArray nameBytes = name.toUtf8();
    if (nameBytes.size() >= static_cast<qsizetype>(sizeof AgentRequest::name)) {
        err =
            QCoreApplication::translate("wirelab::LabNetwork", "The setting name %1 is too long.").arg(name);
        return {};
    }
    AgentRequest request;
    request.op = Op::GetSysctl;
    copyText(request.name, sizeof request.name, nameBytes);
    AgentReply reply;
    QByteArray payload;
    if (!d->hostCall(host, request, &reply, &payload, nullptr, &err))
        return {};
    if (reply.err != 0) {
        err = reply.err == EINVAL && std::strstr(reply.message, "sysctl name")
                  ? QCoreApplication::translate(
                        "wirelab::LabNetwork",
                        "%1 is not a network setting (only names under net. can be read for a lab host).")
                        .arg(name)
                  : QCoreApplication::translate("wirelab::LabNetwork", "Reading %1 on %2 failed: %3.")
                        .arg(name, host, errnoText(reply.err));
        return {};
    }
    return QString::fromUtf8(payload);
}

QByteArray LabNetwork::readProcNet(const QString &host, const QString &name, QString *error)
{
    QString ignored;
    QString &err = error ? *error : ignored;
    const QByteArray nameBytes = name.toUtf8();
    if (nameBytes.size() >= static_cast<qsizetype>(sizeof AgentRequest::name)) {
        err = QCoreApplication::translate("wirelab::LabNetwork",
                                          "%1 is not a /proc/net file the lab network reads.")
                  .arg(name);
        return {};
    }
    AgentRequest request;
    request.op = Op::ReadProcNet;
    copyText(request.name, sizeof request.name, nameBytes);
    AgentReply reply;
    QByteArray payload;
    if (!d->hostCall(host, request, &reply, &payload, nullptr, &err))
        return {};
    if (reply.err != 0) {
        err =
            reply.err == EINVAL
                ? QCoreApplication::translate("wirelab::LabNetwork",
                                              "%1 is not a /proc/net file the lab network reads.")
                      .arg(name)
                : QCoreApplication::translate("wirelab::LabNetwork", "Reading /proc/net/%1 on %2 failed: %3.")
                      .arg(name, host, errnoText(reply.err));
        return {};
    }
    return payload;
}

int LabNetwork::spawnInHost(const QString &host, const QString &program, const QStringList &arguments,
                            int stdinFd, int stdoutFd, int stderrFd, QString *error)
{
    QString ignored;
    QString &err = error ? *error : ignored;
    if (!program.startsWith(QLatin1Char('/'))) {
        err = QCoreApplication::translate("wirelab::LabNetwork",
                                          "The program to run in %1 needs an absolute path; got \"%2\".")
                  .arg(host, program);
        return -1;
    }
    QByteArray payload = QFile::encodeName(program) + '\0';
    for (const QString &argument : arguments) {
        const QByteArray bytes = argument.toUtf8();
        if (bytes.contains('\0')) {
            err = QCoreApplication::translate("wirelab::LabNetwork",
                                              "An argument for %1 contains a NUL character.")
                      .arg(program);
            return -1;
        }
        payload += bytes + '\0';
    }
    if (payload.size() > static_cast<qsizetype>(agentproto::kMaxRequestPayload) || arguments.size() > 250) {
        err = QCoreApplication::translate("wirelab::LabNetwork", "The command line for %1 is too long.")
                  .arg(program);
        return -1;
    }
    // Missing standard descriptors become /dev/null, opened here and closed once the agent has its copy.
    std::vector<int> standard{stdinFd, stdoutFd, stderrFd};
    std::vector<int> opened;
    for (int &fd : standard) {
        if (fd < 0) {
            fd = ::open("/dev/null", O_RDWR | O_CLOEXEC);
            if (fd < 0) {
                err = QCoreApplication::translate("wirelab::LabNetwork", "Could not open /dev/null: %1.")
                          .arg(errnoText(errno));
                for (const int o : opened)
                    ::close(o);
                return -1;
            }
            opened.push_back(fd);
        }
    }
    AgentRequest request;
    request.op = Op::Spawn;
    AgentReply reply;
    int pidfd = -1;
    const bool called = d->hostCall(host, request, &reply, nullptr, &pidfd, &err, payload, standard);
    for (const int o : opened)
        ::close(o);
    if (!called)
        return -1;
    if (reply.err != 0 || pidfd < 0) {
        if (pidfd >= 0)
            ::close(pidfd);
        err = QCoreApplication::translate("wirelab::LabNetwork", "Could not run %1 in %2: %3.")
                  .arg(program, host, errnoText(reply.err ? reply.err : EPROTO));
        return -1;
    }
    return pidfd;
}

Wire &LabNetwork::wire()
{
    std::lock_guard lock(d->mutex);
    if (!d->wire)
        d->wire = std::make_unique<Wire>(d->clock ? d->clock : &d->ownClock);
    return *d->wire;
}

const Wire &LabNetwork::wire() const
{
    return const_cast<LabNetwork *>(this)->wire();
}

int LabNetwork::agentPid() const
{
    std::lock_guard lock(d->mutex);
    return d->agent ? static_cast<int>(d->agent->pid()) : 0;
}

} // namespace wirelab
