// SPDX-License-Identifier: GPL-3.0-or-later
#include "labs.h"

#include "lab/labregistry.h"
#include "tcpudp/tcpudplab.h"

void setupAllLabs(wirelab::LabRegistry &registry)
{
    setupTcpUdpLab(registry); // L01: TCP vs UDP: handshake, stream vs datagrams, headers, loss, close
}
