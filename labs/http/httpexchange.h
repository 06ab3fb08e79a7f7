// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The HTTP lab's view of a capture: its request/response pairs (HttpExchange, from the one HTTP analysis
// in core/dissect/httpanalysis.h, which the waterfall, the ladder and the details tree read too) and the
// figures of one page load that the checkpoints compare side by side. Built from the captured packets
// only, never from the lab's internal state.

#include "dissect/httpanalysis.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace wirelab {

class CaptureSession;

// Every exchange in the capture, in order of the request's first byte (HttpAnalysis over the session).
std::vector<HttpExchange> httpExchanges(const CaptureSession &session);

// Figures for a set of exchanges (one protocol run: the exchanges whose requests were sent in a time
// window), as the lab compares them side by side.
struct HttpRunFigures
{
    int exchanges = 0, completed = 0;
    int connections = 0;               // distinct TCP conversations carrying them
    int handshakes = 0;                // of those, how many began with a SYN seen in the capture
    int maxOnOneConnection = 0;        // the most responses one connection carried
    std::int64_t firstRequestNs = -1;  // the first SYN of those connections, or the first request
    std::int64_t lastByteNs = -1;
    std::int64_t totalNs() const { return firstRequestNs < 0 || lastByteNs < 0 ? -1 : lastByteNs - firstRequestNs; }
};
HttpRunFigures httpRunFigures(const CaptureSession &session, const std::vector<HttpExchange> &all,
                              std::int64_t fromNs, std::int64_t toNs, const QString &protocol = {});

} // namespace wirelab
