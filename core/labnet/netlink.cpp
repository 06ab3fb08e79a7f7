// SPDX-License-Identifier: GPL-3.0-or-later
#include "labnet/netlink.h"

#include <cerrno>
#include <cstring>

#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

namespace wirelab::netlink {

namespace {

// One request buffer: header, family header, then attributes. 256 bytes hold every message we send.
struct Message
{
    alignas(NLMSG_ALIGNTO) unsigned char bytes[256];
    unsigned length = 0;

    nlmsghdr *header() { return reinterpret_cast<nlmsghdr *>(bytes); }

    template <typename Family> Family *start(std::uint16_t type, std::uint16_t flags)
    {
        std::memset(bytes, 0, sizeof bytes);
        length = NLMSG_LENGTH(sizeof(Family));
        nlmsghdr *h = header();
        h->nlmsg_type = type;
        h->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | flags;
        h->nlmsg_len = length;
        return reinterpret_cast<Family *>(NLMSG_DATA(h));
    }

    bool addAttribute(std::uint16_t type, const void *data, unsigned size)
    {
        const unsigned attributeLength = RTA_LENGTH(size);
        const unsigned aligned = NLMSG_ALIGN(length);
        if (aligned + RTA_ALIGN(attributeLength) > sizeof bytes)
            return false;
        auto *attribute = reinterpret_cast<rtattr *>(bytes + aligned);
        attribute->rta_type = type;
        attribute->rta_len = static_cast<unsigned short>(attributeLength);
        std::memcpy(RTA_DATA(attribute), data, size);
        length = aligned + RTA_ALIGN(attributeLength);
        header()->nlmsg_len = length;
        return true;
    }
};

} // namespace

RtNetlink::~RtNetlink()
{
    close();
}

int RtNetlink::open()
{
    close();
    m_fd = ::socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
    if (m_fd < 0)
        return errno;
    timeval timeout{2, 0};
    ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    ::setsockopt(m_fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    sockaddr_nl local{};
    local.nl_family = AF_NETLINK;
    if (::bind(m_fd, reinterpret_cast<sockaddr *>(&local), sizeof local) != 0) {
        const int error = errno;
        close();
        return error;
    }
    return 0;
}

void RtNetlink::close()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

int RtNetlink::request(void *message, unsigned length)
{
    if (m_fd < 0)
        return EBADF;
    auto *header = static_cast<nlmsghdr *>(message);
    header->nlmsg_seq = ++m_seq;
    sockaddr_nl kernel{};
    kernel.nl_family = AF_NETLINK;
    if (::sendto(m_fd, message, length, 0, reinterpret_cast<sockaddr *>(&kernel), sizeof kernel) !=
        static_cast<ssize_t>(length))
        return errno ? errno : EIO;

    // The ack (an NLMSG_ERROR with error 0, or the negative errno). Skip anything else; bounded by the
    // receive timeout and a fixed number of datagrams.
    for (int attempt = 0; attempt < 16; ++attempt) {
        alignas(NLMSG_ALIGNTO) unsigned char buffer[4096];
        const ssize_t received = ::recv(m_fd, buffer, sizeof buffer, 0);
        if (received < 0) {
            if (errno == EINTR)
                continue;
            return errno == EAGAIN ? ETIMEDOUT : errno;
        }
        int remaining = static_cast<int>(received);
        for (auto *reply = reinterpret_cast<nlmsghdr *>(buffer); NLMSG_OK(reply, remaining);
             reply = NLMSG_NEXT(reply, remaining)) {
            if (reply->nlmsg_seq != m_seq)
                continue;
            if (reply->nlmsg_type == NLMSG_ERROR) {
                if (reply->nlmsg_len < NLMSG_LENGTH(sizeof(nlmsgerr)))
                    return EPROTO;
                const auto *error = static_cast<const nlmsgerr *>(NLMSG_DATA(reply));
                return -error->error;
            }
        }
    }
    return EPROTO;
}

int RtNetlink::setLink(int ifindex, bool up, int mtu)
{
    Message m;
    auto *info = m.start<ifinfomsg>(RTM_NEWLINK, 0);
    info->ifi_family = AF_UNSPEC;
    info->ifi_index = ifindex;
    info->ifi_change = IFF_UP;
    info->ifi_flags = up ? IFF_UP : 0;
    if (mtu > 0) {
        const std::uint32_t value = static_cast<std::uint32_t>(mtu);
        if (!m.addAttribute(IFLA_MTU, &value, sizeof value))
            return EMSGSIZE;
    }
    return request(m.bytes, m.length);
}

int RtNetlink::addAddress4(int ifindex, std::uint32_t addressBe, int prefixLength)
{
    if (prefixLength < 0 || prefixLength > 32)
        return EINVAL;
    Message m;
    auto *address = m.start<ifaddrmsg>(RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL);
    address->ifa_family = AF_INET;
    address->ifa_prefixlen = static_cast<unsigned char>(prefixLength);
    address->ifa_scope = RT_SCOPE_UNIVERSE;
    address->ifa_index = static_cast<unsigned>(ifindex);
    if (!m.addAttribute(IFA_LOCAL, &addressBe, sizeof addressBe) ||
        !m.addAttribute(IFA_ADDRESS, &addressBe, sizeof addressBe))
        return EMSGSIZE;
    return request(m.bytes, m.length);
}

int RtNetlink::addRoute4(std::uint32_t dstBe, int prefixLength, int ifindex, std::uint32_t prefSrcBe)
{
    if (prefixLength < 0 || prefixLength > 32)
        return EINVAL;
    Message m;
    auto *route = m.start<rtmsg>(RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL);
    route->rtm_family = AF_INET;
    route->rtm_dst_len = static_cast<unsigned char>(prefixLength);
    route->rtm_table = RT_TABLE_MAIN;
    route->rtm_protocol = RTPROT_STATIC;
    route->rtm_scope = RT_SCOPE_LINK;
    route->rtm_type = RTN_UNICAST;
    const std::uint32_t oif = static_cast<std::uint32_t>(ifindex);
    if (!m.addAttribute(RTA_DST, &dstBe, sizeof dstBe) || !m.addAttribute(RTA_OIF, &oif, sizeof oif))
        return EMSGSIZE;
    if (prefSrcBe != 0 && !m.addAttribute(RTA_PREFSRC, &prefSrcBe, sizeof prefSrcBe))
        return EMSGSIZE;
    return request(m.bytes, m.length);
}

} // namespace wirelab::netlink
