// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// L01 "TCP vs UDP" (course notes L138-317): the three-way handshake, a byte stream against datagrams,
// header bytes per message, loss without flow control, and the four-way close, all on real sockets.

namespace wirelab {
class LabRegistry;
}

void setupTcpUdpLab(wirelab::LabRegistry &registry);
