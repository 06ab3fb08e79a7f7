// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The running side of the TCP vs UDP lab: a server host (a TCP listener, a UDP socket, and a UDP
// "blast" socket with a small receive buffer) and a client host, each a thread owning its POSIX sockets.
// Plain sockets on purpose: the lab is about what the kernel does with send(), recv(), SO_RCVBUF.

#include "lab/labhost.h"
#include "lab/labinstance.h"

#include <QString>

#include <cstdint>

#include <netinet/in.h>

namespace wirelab {

class TcpUdpLabInstance final : public LabInstance
{
    Q_OBJECT
public:
    explicit TcpUdpLabInstance(QObject *parent = nullptr);
    ~TcpUdpLabInstance() override;

    bool start(const LabContext &context, LabEndpoints *endpoints, QString *error) override;
    void runAction(const QString &actionId) override;
    void stop() override;

    // Action ids, as listed in the lab definition.
    static constexpr const char *TcpConnect = "tcp.connect";
    static constexpr const char *UdpConnect = "udp.connect";
    static constexpr const char *TcpSendThree = "tcp.send3";
    static constexpr const char *UdpSendThree = "udp.send3";
    static constexpr const char *CompareSend = "compare.send";
    static constexpr const char *UdpBlast = "udp.blast";
    static constexpr const char *TcpBlast = "tcp.blast";
    static constexpr const char *Close = "close";
    static constexpr const char *LossCompare = "loss.compare";
    static constexpr const char *SynHold = "syn.hold";

private:
    struct Outcome
    {
        bool ok = false;
        QString message;
    };
    // Server side: touched only on m_server's thread.
    struct ServerSockets
    {
        int listenFd = -1, connFd = -1, udpFd = -1, blastFd = -1;
    };
    // Client side: touched only on m_client's thread.
    struct ClientSockets
    {
        int tcpFd = -1, udpFd = -1;
        std::uint16_t tcpLocalPort = 0, udpLocalPort = 0;
    };

    Outcome bindServers(QString *error);
    Outcome perform(const QString &actionId);
    Outcome tcpConnect();
    Outcome udpConnect();
    Outcome tcpSendThree();
    Outcome udpSendThree();
    Outcome compareSend();
    Outcome udpBlast();
    Outcome tcpBlast();
    Outcome close();
    Outcome lossCompare();
    Outcome synHold();
    // connect() that gives up after timeoutMs or when the lab stops; 0 or the errno.
    int connectWithin(int fd, const sockaddr_in &to, int timeoutMs);
    // One more TCP connection on the server's listener (client side: fd, or -1 with the reason).
    int connectExtra(const char *label, bool blocking, QString *why, std::uint16_t *localPortOut);

    void event(const QString &host, const QString &kind, const QString &text, const QVariantMap &data = {});
    int openSocket(const QString &host, int type, QString *error) const;
    // Where the client reaches a server port (the server itself, or the host-mode relay in front of it).
    struct sockaddr_in route(int type, std::uint16_t serverPort) const;
    QByteArray procNet(const QString &host, const char *name) const;
    int intParam(const char *key) const;

    LabContext m_context;
    quint32 m_serverIp = 0, m_clientIp = 0; // host byte order
    std::uint16_t m_tcpPort = 0, m_udpPort = 0, m_blastPort = 0;
    LabHost m_server{QStringLiteral("server")};
    LabHost m_client{QStringLiteral("client")};
    ServerSockets m_serverSockets;
    ClientSockets m_clientSockets;
    bool m_started = false;
};

} // namespace wirelab
