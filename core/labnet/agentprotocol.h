// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The messages between LabNetwork (in Wirelab) and its namespace agent, wirelab-labnetd, over one
// AF_UNIX SOCK_SEQPACKET socket pair (the agent's end is its descriptor 3). Plain C++ without Qt: the
// agent includes this too.
//
// Every message is one datagram. A request is one AgentRequest followed by payloadLength bytes (only Spawn
// has any: the program and its arguments, each NUL-terminated; at most kMaxRequestPayload). A reply is one
// AgentReply, optionally followed by payload bytes in the same datagram (sysctl values, /proc/net files), and
// optionally carries one descriptor (SCM_RIGHTS: a TUN device or a socket). Right after start, before any
// request, the agent sends one unsolicited reply with op = Hello: err 0 when it holds its user and
// network namespace, otherwise the errno and stage of what failed (and then it exits).
// Requests are answered strictly in order; seq is echoed so a late reply is never taken for a new one.

#include <cstddef>
#include <cstdint>

namespace wirelab::agentproto {

constexpr std::uint32_t kMagic = 0x574c4e31; // "WLN1"
constexpr int kAgentFd = 3;                  // the agent's end of the socket pair
constexpr std::size_t kMaxPayload = 128 * 1024;
constexpr std::size_t kMaxRequestPayload = 16 * 1024;
constexpr int kMaxHosts = 250; // 198.18.0.1 ... 198.18.0.250

enum class Op : std::uint32_t
{
    Hello = 1,       // agent -> LabNetwork, once
    CreateHost = 2,  // name, mtu, address (network order) -> host index in value, TUN fd
    OpenSocket = 3,  // host, domain, type, protocol -> socket fd
    SetSysctl = 4,   // host, name ("net.core.somaxconn" or "net/core/somaxconn"), value
    GetSysctl = 5,   // host, name -> payload: the value, as the kernel prints it
    ReadProcNet = 6, // host, name ("snmp", "netstat", ...) -> payload: the file
    Quit = 7,
    // host + payload (program, arguments) + exactly three descriptors (SCM_RIGHTS: its stdin, stdout,
    // stderr) -> a pidfd of the new process, which runs inside the host's network namespace
    Spawn = 8,
};

// Which step failed, so LabNetwork can explain it (user namespaces refused, /dev/net/tun not writable, ...).
enum class Stage : std::uint32_t
{
    None = 0,
    Setup = 1,         // descriptor 3 or prctl
    UserNamespace = 2, // unshare(CLONE_NEWUSER | CLONE_NEWNET)
    IdMap = 3,         // /proc/self/setgroups, uid_map, gid_map
    NetNamespace = 4,  // unshare(CLONE_NEWNET) for a host, or setns() into it
    Tun = 5,           // open /dev/net/tun, TUNSETIFF
    Netlink = 6,       // rtnetlink: link up, MTU, address, route
    Request = 7,       // a bad or refused request (validation, sysctl, socket())
};

struct AgentRequest
{
    std::uint32_t magic = kMagic;
    std::uint32_t seq = 0;
    Op op = Op::Quit;
    std::int32_t host = -1; // index returned by CreateHost
    std::int32_t domain = 0, type = 0, protocol = 0;
    std::int32_t mtu = 1500;
    std::uint32_t address = 0;       // IPv4, network byte order
    std::uint32_t prefixLength = 0;  // the lab network's prefix, for the route (15 for 198.18.0.0/15)
    char name[128] = {};             // NUL-terminated
    char value[256] = {};            // NUL-terminated
    std::uint32_t payloadLength = 0; // bytes following this struct in the same datagram
};

struct AgentReply
{
    std::uint32_t magic = kMagic;
    std::uint32_t seq = 0;
    Op op = Op::Hello;
    std::int32_t err = 0; // errno, 0 = success
    Stage stage = Stage::None;
    std::int32_t value = 0;          // CreateHost: the host index
    std::uint32_t payloadLength = 0; // bytes following this struct in the same datagram
    std::uint32_t truncated = 0;     // 1 if the payload was cut at kMaxPayload
    char message[256] = {};          // what was attempted, NUL-terminated ("open /dev/net/tun")
};

} // namespace wirelab::agentproto
