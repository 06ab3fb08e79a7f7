// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The lab network: real kernel TCP/IP stacks in private network namespaces, joined by a userspace wire,
// as an ordinary user (no root, no setcap).
//
// How (see docs/labnet.md): Wirelab itself never changes namespaces, so it keeps working with the real
// display, files and loopback. It starts a small agent process, `wirelab-labnetd`, which calls
// unshare(CLONE_NEWUSER | CLONE_NEWNET) while single-threaded, maps the user to root inside, and makes
// one network namespace per lab host with a TUN device, an address from 198.18.0.0/15 and routes (over
// rtnetlink). The agent hands back, over a Unix socket with SCM_RIGHTS, the TUN descriptors (the wire in
// this process moves packets between them) and, on request, sockets created inside a host: a socket stays
// in the namespace it was created in, so the lab's threads use them like any other socket. Per-host sysctls
// and /proc/net counters go through the agent too. The agent dies with us (PR_SET_PDEATHSIG, and EOF on
// its socket), and the namespaces die with their last descriptor: a crash leaves nothing on the machine.

#include "labnet/linkimpairment.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <vector>

namespace wirelab {

class RunClock;
class Wire;

enum class NetworkMode { Sandbox, Host };
QString networkModeName(NetworkMode mode);          // "sandbox", "host" (CLI spelling)
bool parseNetworkMode(const QString &text, NetworkMode *mode);

// Whether the lab network can run here, and if not, why and how to enable it, in plain sentences.
struct SandboxAvailability
{
    bool available = false;
    QString reason;      // "Unprivileged user namespaces are disabled (kernel.unprivileged_userns_clone = 0)."
    QString howToEnable; // "Run `sudo sysctl -w kernel.unprivileged_userns_clone=1` ..." (per distribution)
    QString loses;       // what the student loses in host mode, one sentence
};
// Probes by starting the agent once and asking it to make a namespace and a TUN device (cached per
// process; the result does not change while Wirelab runs). WIRELAB_FORCE_HOST_MODE=1 in the environment
// simulates a refusal (for tests and for teachers who want host mode).
SandboxAvailability probeSandbox();

struct LabHostSpec
{
    QString name;              // "client", "server", "lb", "backend1"
};

// A point-to-point link of the wire between two hosts (by name).
struct LabLinkSpec
{
    QString a, b;
    LinkImpairment aToB, bToA;
};

struct LabNetworkSpec
{
    std::vector<LabHostSpec> hosts; // addresses are assigned in order: 198.18.0.1, 198.18.0.2, ...
    std::vector<LabLinkSpec> links; // every pair that should reach each other; the wire routes by address
    int mtu = 1500;
};

class LabNetwork final
{
public:
    LabNetwork();
    ~LabNetwork(); // stop()

    // The run clock the wire stamps packets with; call before start(). Without it the lab network uses a
    // clock of its own (made when the LabNetwork was). The clock must outlive the running network.
    void setClock(const RunClock *clock);

    // Starts the agent, creates the hosts, their TUN devices, addresses and routes, and the wire (not yet
    // running: call wire().start() once the tap has a consumer). false with *error (one sentence with the fix).
    bool start(const LabNetworkSpec &spec, QString *error);
    void stop(); // stops the wire, closes every descriptor, ends the agent; nothing is left behind
    bool isRunning() const;

    QStringList hostNames() const;
    QHostAddress address(const QString &host) const;
    QString hostOf(const QHostAddress &address) const;

    // A socket created inside host's namespace (socket(2) arguments; SOCK_CLOEXEC is added). The caller
    // owns the descriptor. -1 with *error on failure.
    int openSocket(const QString &host, int domain, int type, int protocol, QString *error);

    // Per-host sysctls, dotted or slashed names under net.: "net.core.somaxconn", "net.ipv4.tcp_syncookies".
    bool setSysctl(const QString &host, const QString &name, const QString &value, QString *error);
    QString sysctl(const QString &host, const QString &name, QString *error = nullptr);
    // The host's /proc/net/<name> ("snmp", "netstat", "sockstat"), read inside its namespace.
    QByteArray readProcNet(const QString &host, const QString &name, QString *error = nullptr);

    // Runs a program inside host's namespace, as a child of the agent: for code that makes its own
    // threads and sockets (QNetworkAccessManager, gRPC) and so cannot use openSocket(). program is an
    // absolute path; stdinFd/stdoutFd/stderrFd become its 0, 1, 2 (-1: /dev/null); the caller keeps its
    // own descriptors. Returns a pidfd (close-on-exec; poll() it for the exit, pidfd_send_signal() to end
    // it), or -1 with *error. The process is killed when the lab network stops or Wirelab dies.
    int spawnInHost(const QString &host, const QString &program, const QStringList &arguments, int stdinFd,
                    int stdoutFd, int stderrFd, QString *error);

    // The wire of the running network. stop() destroys it (its TUN descriptors go with it): take the
    // reference again after each start(). Before start() and after stop() this is an empty wire.
    Wire &wire();
    const Wire &wire() const;

    // Descriptors, threads and processes this object holds (for the leak tests and the status line).
    int agentPid() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace wirelab
