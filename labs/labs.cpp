// SPDX-License-Identifier: GPL-3.0-or-later
#include "labs.h"

#include "lab/labregistry.h"
#include "http/httplab.h"
#include "tcpudp/tcpudplab.h"
#include "tls/tlslab.h"

void setupAllLabs(wirelab::LabRegistry &registry)
{
    setupTcpUdpLab(registry); // L01: TCP vs UDP: handshake, stream vs datagrams, headers, loss, close
    setupHttpLab(registry);   // L02/L03: HTTP/1.0, 1.1 keep-alive and pipelining, HOL, chunked, Host
    setupTlsLab(registry);    // L04: TLS 1.2 vs 1.3 round trips, resumption, 0-RTT replay, forward secrecy, certificates
}
