// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpexchange.h"

#include "capturesession.h"
#include "dissect/tcptracker.h"

#include <algorithm>
#include <map>

namespace wirelab {

std::vector<HttpExchange> httpExchanges(const CaptureSession &session)
{
    HttpAnalysis analysis;
    analysis.update(session);
    return analysis.exchanges();
}

HttpRunFigures httpRunFigures(const CaptureSession &session, const std::vector<HttpExchange> &all,
                              std::int64_t fromNs, std::int64_t toNs, const QString &protocol)
{
    HttpRunFigures f;
    std::map<std::uint32_t, int> perConnection;
    for (const HttpExchange &x : all) {
        if (x.requestSentNs < fromNs || x.requestSentNs > toNs)
            continue;
        if (!protocol.isEmpty() && x.protocol != protocol)
            continue;
        ++f.exchanges;
        if (x.complete)
            ++f.completed;
        ++perConnection[x.conversation];
        if (f.firstRequestNs < 0 || x.requestSentNs < f.firstRequestNs)
            f.firstRequestNs = x.requestSentNs;
        f.lastByteNs = std::max(f.lastByteNs, x.lastByteNs);
    }
    const std::vector<TcpConversation> &convs = session.tcp().conversations();
    for (const auto &[conv, count] : perConnection) {
        ++f.connections;
        f.maxOnOneConnection = std::max(f.maxOnOneConnection, count);
        if (conv < convs.size() && convs[conv].sawSyn && convs[conv].synFrame > 0) {
            ++f.handshakes;
            const std::size_t index = convs[conv].synFrame - 1;
            if (index < session.store().size()) {
                const std::int64_t t = session.store().at(index).timeNs;
                if (t < f.firstRequestNs)
                    f.firstRequestNs = t;
            }
        }
    }
    return f;
}

} // namespace wirelab
