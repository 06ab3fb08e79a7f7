// SPDX-License-Identifier: GPL-3.0-or-later
// wirelab-labnetd: the lab network's namespace agent (see docs/labnet.md).
//
// Started by LabNetwork with posix_spawn, its end of an AF_UNIX SOCK_SEQPACKET pair as descriptor 3 and
// the parent's pid as argv[1]. It stays single-threaded for its whole life: unshare(CLONE_NEWUSER) is only
// allowed to a single-threaded process, and setns() switches the whole (one-thread) process, so every
// request runs in exactly the namespace it names. It dies with its parent (PR_SET_PDEATHSIG, and EOF on
// descriptor 3), and the namespaces die with their last descriptor.
//
// Testing hook: WIRELAB_LABNETD_FAIL=userns makes it behave as if user namespaces were refused (EPERM),
// WIRELAB_LABNETD_FAIL=tun as if /dev/net/tun could not be opened (EACCES).

#include "labnet/agentprotocol.h"
#include "labnet/netlink.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <poll.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

using namespace wirelab::agentproto;

namespace {

struct Host
{
    int netnsFd = -1;
};

std::vector<Host> g_hosts;
int g_baseNetnsFd = -1;

const char *failMode()
{
    const char *mode = std::getenv("WIRELAB_LABNETD_FAIL");
    return mode ? mode : "";
}

void copyText(char *destination, std::size_t size, const std::string &text)
{
    const std::size_t n = text.size() < size - 1 ? text.size() : size - 1;
    std::memcpy(destination, text.data(), n);
    destination[n] = '\0';
}

// Sends one reply, with payload and at most one descriptor. Never blocks for long: the peer reads
// replies right after each request, and a failed send means the peer is gone (we then exit on EOF).
bool sendReply(AgentReply reply, const std::string &payload = {}, int fd = -1)
{
    std::string data = payload;
    if (data.size() > kMaxPayload) {
        data.resize(kMaxPayload);
        reply.truncated = 1;
    }
    reply.magic = kMagic;
    reply.payloadLength = static_cast<std::uint32_t>(data.size());
    iovec iov[2];
    iov[0].iov_base = &reply;
    iov[0].iov_len = sizeof reply;
    iov[1].iov_base = data.data();
    iov[1].iov_len = data.size();
    msghdr message{};
    message.msg_iov = iov;
    message.msg_iovlen = data.empty() ? 1 : 2;
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))] = {};
    if (fd >= 0) {
        message.msg_control = control;
        message.msg_controllen = sizeof control;
        cmsghdr *cmsg = CMSG_FIRSTHDR(&message);
        cmsg->cmsg_level = SOL_SOCKET;
        cmsg->cmsg_type = SCM_RIGHTS;
        cmsg->cmsg_len = CMSG_LEN(sizeof(int));
        std::memcpy(CMSG_DATA(cmsg), &fd, sizeof fd);
    }
    for (int attempt = 0; attempt < 100; ++attempt) {
        if (::sendmsg(kAgentFd, &message, MSG_NOSIGNAL) >= 0)
            return true;
        if (errno == EMSGSIZE && iov[1].iov_len > 0) {
            // A send buffer smaller than the reply (a small net.core.wmem_default): send less, say so.
            iov[1].iov_len /= 2;
            reply.payloadLength = static_cast<std::uint32_t>(iov[1].iov_len);
            reply.truncated = 1;
            continue;
        }
        if (errno != EINTR)
            return false;
    }
    return false;
}

AgentReply errorReply(const AgentRequest &request, int err, Stage stage, const std::string &what)
{
    AgentReply reply;
    reply.seq = request.seq;
    reply.op = request.op;
    reply.err = err;
    reply.stage = stage;
    copyText(reply.message, sizeof reply.message, what);
    return reply;
}

AgentReply okReply(const AgentRequest &request)
{
    return errorReply(request, 0, Stage::None, {});
}

bool writeFile(const char *path, const std::string &text, int *err)
{
    const int fd = ::open(path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        *err = errno;
        return false;
    }
    const ssize_t written = ::write(fd, text.data(), text.size());
    *err = written == static_cast<ssize_t>(text.size()) ? 0 : (written < 0 ? errno : EIO);
    ::close(fd);
    return *err == 0;
}

// Reads at most kMaxPayload + 1 bytes (so truncation is visible).
bool readFile(const std::string &path, std::string *text, int *err)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        *err = errno;
        return false;
    }
    text->clear();
    char buffer[16384];
    while (text->size() <= kMaxPayload) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            *err = errno;
            ::close(fd);
            return false;
        }
        if (n == 0)
            break;
        text->append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);
    *err = 0;
    return true;
}

// The user namespace: we become root inside it, mapped to our own uid and gid outside.
bool enterUserNamespace(AgentReply *hello)
{
    const uid_t uid = ::getuid();
    const gid_t gid = ::getgid();
    int err = 0;
    if (std::strcmp(failMode(), "userns") == 0) {
        err = EPERM;
    } else if (::unshare(CLONE_NEWUSER | CLONE_NEWNET) != 0) {
        err = errno;
    }
    if (err != 0) {
        hello->err = err;
        hello->stage = Stage::UserNamespace;
        copyText(hello->message, sizeof hello->message, "unshare(CLONE_NEWUSER | CLONE_NEWNET)");
        return false;
    }
    // setgroups must be denied before an unprivileged process may write gid_map (user_namespaces(7)).
    // It is absent on kernels older than 3.19; that is fine.
    if (!writeFile("/proc/self/setgroups", "deny", &err) && err != ENOENT) {
        hello->err = err;
        hello->stage = Stage::IdMap;
        copyText(hello->message, sizeof hello->message, "write /proc/self/setgroups");
        return false;
    }
    if (!writeFile("/proc/self/uid_map", "0 " + std::to_string(uid) + " 1", &err)) {
        hello->err = err;
        hello->stage = Stage::IdMap;
        copyText(hello->message, sizeof hello->message, "write /proc/self/uid_map");
        return false;
    }
    if (!writeFile("/proc/self/gid_map", "0 " + std::to_string(gid) + " 1", &err)) {
        hello->err = err;
        hello->stage = Stage::IdMap;
        copyText(hello->message, sizeof hello->message, "write /proc/self/gid_map");
        return false;
    }
    g_baseNetnsFd = ::open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
    return true;
}

bool enterHost(int host, AgentReply *reply)
{
    if (host < 0 || host >= static_cast<int>(g_hosts.size())) {
        reply->err = ENOENT;
        reply->stage = Stage::Request;
        copyText(reply->message, sizeof reply->message, "no such host");
        return false;
    }
    if (::setns(g_hosts[static_cast<std::size_t>(host)].netnsFd, CLONE_NEWNET) != 0) {
        reply->err = errno;
        reply->stage = Stage::NetNamespace;
        copyText(reply->message, sizeof reply->message, "setns into the host");
        return false;
    }
    return true;
}

bool terminated(const char *text, std::size_t size)
{
    return std::memchr(text, '\0', size) != nullptr;
}

void createHost(const AgentRequest &request)
{
    if (static_cast<int>(g_hosts.size()) >= kMaxHosts) {
        sendReply(errorReply(request, ENOSPC, Stage::Request, "too many hosts"));
        return;
    }
    if (request.mtu < 576 || request.mtu > 65535 || request.prefixLength < 8 || request.prefixLength > 32 ||
        request.address == 0) {
        sendReply(errorReply(request, EINVAL, Stage::Request, "bad MTU, address or prefix"));
        return;
    }
    // A fresh namespace: from the base namespace, so hosts never nest into each other's.
    if (g_baseNetnsFd >= 0 && ::setns(g_baseNetnsFd, CLONE_NEWNET) != 0) {
        sendReply(errorReply(request, errno, Stage::NetNamespace, "setns into the base namespace"));
        return;
    }
    if (::unshare(CLONE_NEWNET) != 0) {
        sendReply(errorReply(request, errno, Stage::NetNamespace, "unshare(CLONE_NEWNET)"));
        return;
    }
    const int netnsFd = ::open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
    if (netnsFd < 0) {
        sendReply(errorReply(request, errno, Stage::NetNamespace, "open /proc/self/ns/net"));
        return;
    }
    // From here on, a failure closes netnsFd and the namespace vanishes with it.
    auto fail = [&](int err, Stage stage, const char *what, int tunFd = -1) {
        if (tunFd >= 0)
            ::close(tunFd);
        ::close(netnsFd);
        sendReply(errorReply(request, err, stage, what));
    };

    wirelab::netlink::RtNetlink rtnl;
    if (const int err = rtnl.open(); err != 0)
        return fail(err, Stage::Netlink, "open rtnetlink");
    if (const int err = rtnl.setLink(1, true); err != 0) // lo is always index 1 in a new namespace
        return fail(err, Stage::Netlink, "set lo up");

    // The TUN gets no IPv6: router solicitations and MLD reports would only be noise on the lab's wire.
    // (lo keeps ::1.) Ignored where IPv6 is absent.
    int ignored = 0;
    writeFile("/proc/sys/net/ipv6/conf/default/disable_ipv6", "1", &ignored);

    int tunFd = -1;
    if (std::strcmp(failMode(), "tun") == 0) {
        errno = EACCES;
    } else {
        tunFd = ::open("/dev/net/tun", O_RDWR | O_CLOEXEC);
    }
    if (tunFd < 0)
        return fail(errno, Stage::Tun, "open /dev/net/tun");
    ifreq ifr{};
    std::strncpy(ifr.ifr_name, "wl0", IFNAMSIZ - 1);
    ifr.ifr_flags = IFF_TUN | IFF_NO_PI;
    if (::ioctl(tunFd, TUNSETIFF, &ifr) != 0)
        return fail(errno, Stage::Tun, "TUNSETIFF wl0", tunFd);
    // Persistent: closing the descriptor then leaves the device to the namespace, which removes it with
    // all its devices in one batch on a kernel worker when the namespace dies. Without it, every close()
    // in the wire unregisters a device synchronously (RCU grace periods: about 25 ms each). The
    // namespace owns it either way; nothing outlives the namespace.
    if (::ioctl(tunFd, TUNSETPERSIST, 1) != 0)
        return fail(errno, Stage::Tun, "TUNSETPERSIST wl0", tunFd);
    // The ifindex through a plain socket in this namespace (if_nametoindex does the same).
    int ifindex = 0;
    {
        const int probe = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (probe < 0)
            return fail(errno, Stage::Tun, "socket for SIOCGIFINDEX", tunFd);
        ifreq index{};
        std::strncpy(index.ifr_name, "wl0", IFNAMSIZ - 1);
        const int rc = ::ioctl(probe, SIOCGIFINDEX, &index);
        const int err = errno;
        ::close(probe);
        if (rc != 0)
            return fail(err, Stage::Tun, "SIOCGIFINDEX wl0", tunFd);
        ifindex = index.ifr_ifindex;
    }
    if (const int err = rtnl.setLink(ifindex, true, request.mtu); err != 0)
        return fail(err, Stage::Netlink, "set wl0 up with its MTU", tunFd);
    // The host's own address as /32, and the whole lab network as an on-link route through wl0 with that
    // address as the source: every other host is one hop away, on the wire.
    if (const int err = rtnl.addAddress4(ifindex, request.address, 32); err != 0)
        return fail(err, Stage::Netlink, "add the address to wl0", tunFd);
    const std::uint32_t mask =
        request.prefixLength == 32 ? 0xffffffffu : ~(0xffffffffu >> request.prefixLength);
    const std::uint32_t network = htonl(ntohl(request.address) & mask);
    if (const int err =
            rtnl.addRoute4(network, static_cast<int>(request.prefixLength), ifindex, request.address);
        err != 0)
        return fail(err, Stage::Netlink, "add the lab network's route", tunFd);

    g_hosts.push_back(Host{netnsFd});
    AgentReply reply = okReply(request);
    reply.value = static_cast<std::int32_t>(g_hosts.size() - 1);
    sendReply(reply, {}, tunFd);
    ::close(tunFd); // the peer holds it now
}

void openSocket(const AgentRequest &request)
{
    AgentReply reply = okReply(request);
    if (!enterHost(request.host, &reply)) {
        sendReply(reply);
        return;
    }
    const int fd = ::socket(request.domain, request.type | SOCK_CLOEXEC, request.protocol);
    if (fd < 0) {
        sendReply(errorReply(request, errno, Stage::Request, "socket()"));
        return;
    }
    sendReply(reply, {}, fd);
    ::close(fd);
}

// "net.core.somaxconn" or "net/core/somaxconn" -> "/proc/sys/net/core/somaxconn"; only under net/, no
// empty, "." or ".." components, only [A-Za-z0-9_.-] in components (dotted form: no dots in them).
bool sysctlPath(const char *name, std::string *path)
{
    const std::string text(name);
    if (text.empty() || text.size() > 120)
        return false;
    const bool slashed = text.find('/') != std::string::npos;
    const char separator = slashed ? '/' : '.';
    std::vector<std::string> parts;
    std::string part;
    for (const char c : text) {
        if (c == separator) {
            parts.push_back(part);
            part.clear();
            continue;
        }
        const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                             c == '_' || c == '-' || (slashed && c == '.');
        if (!allowed)
            return false;
        part.push_back(c);
    }
    parts.push_back(part);
    if (parts.size() < 3 || parts.front() != "net")
        return false;
    *path = "/proc/sys";
    for (const std::string &p : parts) {
        if (p.empty() || p == "." || p == "..")
            return false;
        *path += '/';
        *path += p;
    }
    return true;
}

void sysctlRequest(const AgentRequest &request)
{
    std::string path;
    if (!terminated(request.name, sizeof request.name) || !sysctlPath(request.name, &path)) {
        sendReply(errorReply(request, EINVAL, Stage::Request, "not a sysctl name under net."));
        return;
    }
    AgentReply reply = okReply(request);
    if (!enterHost(request.host, &reply)) {
        sendReply(reply);
        return;
    }
    int err = 0;
    if (request.op == Op::SetSysctl) {
        if (!terminated(request.value, sizeof request.value)) {
            sendReply(errorReply(request, EINVAL, Stage::Request, "value too long"));
            return;
        }
        const std::string value(request.value);
        for (const char c : value) {
            if (static_cast<unsigned char>(c) < 0x20 && c != '\t') {
                sendReply(errorReply(request, EINVAL, Stage::Request, "control characters in the value"));
                return;
            }
        }
        if (!writeFile(path.c_str(), value, &err)) {
            sendReply(errorReply(request, err, Stage::Request, "write " + path));
            return;
        }
        sendReply(reply);
        return;
    }
    std::string text;
    if (!readFile(path, &text, &err)) {
        sendReply(errorReply(request, err, Stage::Request, "read " + path));
        return;
    }
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    sendReply(reply, text);
}

void readProcNet(const AgentRequest &request)
{
    static const char *const allowed[] = {"snmp", "snmp6", "netstat", "sockstat", "sockstat6", "tcp",
                                          "tcp6", "udp",   "udp6",    "dev",      "route",     "raw"};
    bool known = false;
    if (terminated(request.name, sizeof request.name)) {
        for (const char *name : allowed)
            known = known || std::strcmp(name, request.name) == 0;
    }
    if (!known) {
        sendReply(errorReply(request, EINVAL, Stage::Request, "not a known /proc/net file"));
        return;
    }
    AgentReply reply = okReply(request);
    if (!enterHost(request.host, &reply)) {
        sendReply(reply);
        return;
    }
    std::string text;
    int err = 0;
    // thread-self: /proc/net follows the reading thread's namespace, which setns just changed.
    if (!readFile(std::string("/proc/thread-self/net/") + request.name, &text, &err)) {
        sendReply(errorReply(request, err, Stage::Request, std::string("read /proc/net/") + request.name));
        return;
    }
    sendReply(reply, text);
}

// Descriptors that came with a request; closed when the request is done (Spawn dup2()s them first).
struct ReceivedFds
{
    std::vector<int> fds;
    ~ReceivedFds()
    {
        for (const int fd : fds)
            ::close(fd);
    }
};

// Receives one request with its payload and descriptors. Returns false on EOF or a broken socket (the
// peer is gone).
bool receiveRequest(AgentRequest *request, std::string *payload, ReceivedFds *fds, bool *wellFormed)
{
    static std::vector<unsigned char> buffer(sizeof(AgentRequest) + kMaxRequestPayload + 64);
    iovec iov{buffer.data(), buffer.size()};
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int) * 16)];
    msghdr message{};
    message.msg_iov = &iov;
    message.msg_iovlen = 1;
    message.msg_control = control;
    message.msg_controllen = sizeof control;
    ssize_t n = -1;
    for (int attempt = 0; attempt < 100; ++attempt) {
        n = ::recvmsg(kAgentFd, &message, MSG_CMSG_CLOEXEC);
        if (n >= 0 || errno != EINTR)
            break;
    }
    if (n < 0)
        return false;
    if (n == 0) {
        // SEQPACKET reads 0 both at EOF and for an empty datagram: only a hang-up is the end.
        pollfd p{kAgentFd, POLLRDHUP, 0};
        if (::poll(&p, 1, 0) == 1 && (p.revents & (POLLHUP | POLLRDHUP)))
            return false;
    }
    for (cmsghdr *cmsg = CMSG_FIRSTHDR(&message); cmsg; cmsg = CMSG_NXTHDR(&message, cmsg)) {
        if (cmsg->cmsg_level == SOL_SOCKET && cmsg->cmsg_type == SCM_RIGHTS) {
            const std::size_t count = (cmsg->cmsg_len - CMSG_LEN(0)) / sizeof(int);
            for (std::size_t i = 0; i < count; ++i) {
                int fd = -1;
                std::memcpy(&fd, CMSG_DATA(cmsg) + i * sizeof(int), sizeof fd);
                if (fd >= 0)
                    fds->fds.push_back(fd);
            }
        }
    }
    const std::size_t size = static_cast<std::size_t>(n);
    std::memcpy(request, buffer.data(), size < sizeof(AgentRequest) ? size : sizeof(AgentRequest));
    *wellFormed = size >= sizeof(AgentRequest) && !(message.msg_flags & (MSG_TRUNC | MSG_CTRUNC)) &&
                  request->magic == kMagic && request->payloadLength <= kMaxRequestPayload &&
                  size == sizeof(AgentRequest) + request->payloadLength;
    if (*wellFormed)
        payload->assign(reinterpret_cast<const char *>(buffer.data()) + sizeof(AgentRequest),
                        request->payloadLength);
    return true;
}

// A process inside the host: for code that makes its own threads and sockets (QNetworkAccessManager,
// gRPC), which cannot be pointed at a namespace from Wirelab's process. It is our child; SIGCHLD is
// ignored so the kernel reaps it, and PR_SET_PDEATHSIG ends it with us.
void spawnInHost(const AgentRequest &request, const std::string &payload, const ReceivedFds &fds)
{
    if (fds.fds.size() != 3) {
        sendReply(errorReply(request, EINVAL, Stage::Request, "spawn needs exactly three descriptors"));
        return;
    }
    std::vector<std::string> arguments;
    std::size_t start = 0;
    while (start < payload.size() && arguments.size() < 256) {
        const std::size_t end = payload.find('\0', start);
        if (end == std::string::npos)
            break;
        arguments.push_back(payload.substr(start, end - start));
        start = end + 1;
    }
    if (arguments.empty() || start != payload.size() || arguments.front().empty() ||
        arguments.front()[0] != '/') {
        sendReply(errorReply(request, EINVAL, Stage::Request,
                             "spawn needs an absolute program path and NUL-terminated arguments"));
        return;
    }
    AgentReply reply = okReply(request);
    if (request.host < 0 || request.host >= static_cast<int>(g_hosts.size())) {
        enterHost(request.host, &reply);
        sendReply(reply);
        return;
    }
    std::vector<char *> argv;
    for (std::string &argument : arguments)
        argv.push_back(argument.data());
    argv.push_back(nullptr);
    // status: the child writes the errno if execv fails (EOF means it succeeded). go: the child waits
    // for EOF on it before execv, so the pidfd is taken while the process surely exists (SIGCHLD is
    // ignored: a fast program would otherwise be reaped before pidfd_open).
    int status[2];
    int go[2];
    if (::pipe2(status, O_CLOEXEC) != 0) {
        sendReply(errorReply(request, errno, Stage::Request, "pipe2"));
        return;
    }
    if (::pipe2(go, O_CLOEXEC) != 0) {
        const int err = errno;
        ::close(status[0]);
        ::close(status[1]);
        sendReply(errorReply(request, err, Stage::Request, "pipe2"));
        return;
    }
    const pid_t agent = ::getpid();
    const int netnsFd = g_hosts[static_cast<std::size_t>(request.host)].netnsFd;
    const pid_t pid = ::fork(); // we are single-threaded: fork is safe here
    if (pid == 0) {
        // The child: only async-signal-safe calls until execv.
        int err = 0;
        if (::prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || ::getppid() != agent)
            err = ESRCH;
        if (err == 0 && ::setns(netnsFd, CLONE_NEWNET) != 0)
            err = errno;
        for (int target = 0; err == 0 && target < 3; ++target) {
            if (::dup2(fds.fds[static_cast<std::size_t>(target)], target) < 0)
                err = errno;
        }
        if (err == 0) {
            ::signal(SIGCHLD, SIG_DFL); // ignored signals stay ignored across execve
            ::signal(SIGPIPE, SIG_DFL);
            sigset_t none;
            sigemptyset(&none);
            ::sigprocmask(SIG_SETMASK, &none, nullptr);
            // Everything but 0, 1, 2, the status pipe and go (both close-on-exec) goes.
            for (int fd = 3; fd < 1024; ++fd) {
                if (fd != status[1] && fd != go[0])
                    ::close(fd);
            }
            char byte = 0;
            while (::read(go[0], &byte, 1) < 0 && errno == EINTR) {
            }
            ::execv(argv[0], argv.data());
            err = errno;
        }
        [[maybe_unused]] const ssize_t written = ::write(status[1], &err, sizeof err);
        ::_exit(127);
    }
    const int forkErr = errno;
    ::close(status[1]);
    ::close(go[0]);
    if (pid < 0) {
        ::close(status[0]);
        ::close(go[1]);
        sendReply(errorReply(request, forkErr, Stage::Request, "fork"));
        return;
    }
    const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
    const int pidfdErr = errno;
    if (pidfd < 0)
        ::kill(pid, SIGKILL);
    ::close(go[1]); // go
    if (pidfd < 0) {
        ::close(status[0]);
        sendReply(errorReply(request, pidfdErr, Stage::Request, "pidfd_open"));
        return;
    }
    // EOF on the status pipe: execv succeeded. Four bytes: the errno it failed with. Bounded: 5 s.
    int childErr = 0;
    pollfd p{status[0], POLLIN, 0};
    if (::poll(&p, 1, 5000) != 1) {
        childErr = ETIMEDOUT;
        ::kill(pid, SIGKILL);
    } else if (::read(status[0], &childErr, sizeof childErr) != static_cast<ssize_t>(sizeof childErr)) {
        childErr = 0;
    }
    ::close(status[0]);
    if (childErr != 0) {
        ::close(pidfd);
        sendReply(errorReply(request, childErr, Stage::Request, "execv " + arguments.front()));
        return;
    }
    reply.value = static_cast<std::int32_t>(pid);
    sendReply(reply, {}, pidfd);
    ::close(pidfd);
}

} // namespace

int main(int argc, char **argv)
{
    // Die with the parent: EOF on descriptor 3 always, and PR_SET_PDEATHSIG as well. PDEATHSIG fires when
    // the parent *thread* that spawned us ends, so LabNetwork passes --no-pdeathsig when it was not its
    // main thread that spawned us (a worker thread may end while the lab network runs on).
    const bool pdeathsig = !(argc >= 3 && std::strcmp(argv[2], "--no-pdeathsig") == 0);
    if (pdeathsig)
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (argc >= 2) {
        const long expected = std::strtol(argv[1], nullptr, 10);
        if (expected > 0 && ::getppid() != static_cast<pid_t>(expected))
            return 3; // the parent died before prctl took effect (or before we got here)
    }
    ::signal(SIGPIPE, SIG_IGN);
    ::signal(SIGCHLD, SIG_IGN); // processes spawned into hosts are reaped by the kernel
    if (::fcntl(kAgentFd, F_GETFD) < 0) {
        std::fprintf(stderr,
                     "wirelab-labnetd: descriptor 3 is not open; this program is started by Wirelab.\n");
        return 2;
    }
    // Nothing but 0, 1, 2 and 3 from the parent: no stray descriptor keeps anything alive. 0, 1 and 2
    // are open (on /dev/null if the parent had them closed), so no pipe or socket of ours lands there.
    ::syscall(SYS_close_range, 4u, ~0u, 0u);
    for (int fd = 0; fd < 3; ++fd) {
        if (::fcntl(fd, F_GETFD) < 0 && ::open("/dev/null", O_RDWR) != fd)
            return 2;
    }

    // Room for the largest reply in one datagram (the kernel caps this at net.core.wmem_max; sendReply
    // shrinks a payload that still does not fit).
    const int sendBuffer = static_cast<int>(sizeof(AgentReply) + kMaxPayload + 4096);
    ::setsockopt(kAgentFd, SOL_SOCKET, SO_SNDBUF, &sendBuffer, sizeof sendBuffer);

    AgentReply hello;
    hello.op = Op::Hello;
    if (!enterUserNamespace(&hello)) {
        sendReply(hello);
        return 1;
    }
    sendReply(hello);

    for (;;) { // ends on EOF or Quit; each request is bounded
        AgentRequest request;
        std::string payload;
        ReceivedFds fds;
        bool wellFormed = false;
        if (!receiveRequest(&request, &payload, &fds, &wellFormed))
            break;
        if (!wellFormed) {
            AgentRequest garbled;
            garbled.seq = request.seq;
            garbled.op = request.op;
            sendReply(errorReply(garbled, EINVAL, Stage::Request, "malformed request"));
            continue;
        }
        switch (request.op) {
        case Op::CreateHost:
            createHost(request);
            break;
        case Op::OpenSocket:
            openSocket(request);
            break;
        case Op::SetSysctl:
        case Op::GetSysctl:
            sysctlRequest(request);
            break;
        case Op::ReadProcNet:
            readProcNet(request);
            break;
        case Op::Spawn:
            spawnInHost(request, payload, fds);
            break;
        case Op::Quit:
            sendReply(okReply(request));
            return 0;
        default:
            sendReply(errorReply(request, EOPNOTSUPP, Stage::Request, "unknown request"));
            break;
        }
    }
    return 0;
}
