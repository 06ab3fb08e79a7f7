// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A minimal rtnetlink client (plain C++, no Qt) for what the lab network's agent configures inside each
// host's network namespace: link up and MTU, an IPv4 address, an IPv4 route. We build the messages
// ourselves instead of running `ip`: no dependency on iproute2, no shell, and errors come back as errno.
// The socket is bound to the network namespace of the thread that opens it.

#include <cstdint>

namespace wirelab::netlink {

class RtNetlink final
{
public:
    RtNetlink() = default;
    ~RtNetlink();
    RtNetlink(const RtNetlink &) = delete;
    RtNetlink &operator=(const RtNetlink &) = delete;

    // Opens a NETLINK_ROUTE socket in the caller's current network namespace. 0 or an errno.
    int open();
    void close();

    // Each returns 0 or the errno the kernel acknowledged with (or ETIMEDOUT, EPROTO). Bounded: one reply,
    // at most two seconds.
    int setLink(int ifindex, bool up, int mtu = 0); // mtu 0: leave as it is
    int addAddress4(int ifindex, std::uint32_t addressBe, int prefixLength);
    // dst/prefixLength via the device, scope link; prefSrcBe (network order, 0 = none) picks the source.
    int addRoute4(std::uint32_t dstBe, int prefixLength, int ifindex, std::uint32_t prefSrcBe);

private:
    int request(void *message, unsigned length);

    int m_fd = -1;
    std::uint32_t m_seq = 0;
};

} // namespace wirelab::netlink
