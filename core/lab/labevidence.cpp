// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/labevidence.h"

#include "dissect/dissect.h"

namespace wirelab {

void LabEvidence::forEachPacket(const std::function<bool(const PacketView &, const PacketSummary &)> &fn) const
{
    const PacketStore &store = m_session.store();
    const std::size_t count = store.size();
    for (std::size_t i = 0; i < count; ++i) {
        const PacketView view = store.at(i);
        if (m_summaries && i < m_summaries->size()) {
            if (!fn(view, (*m_summaries)[i]))
                return;
            continue;
        }
        PacketSummary summary;
        dissectSummary(view.linkType, view.bytes, summary);
        if (!fn(view, summary))
            return;
    }
}

bool LabEvidence::hostMode() const
{
    for (const LabEvent &event : m_session.events().all()) {
        if (event.kind == QLatin1String("network.mode"))
            return event.data.value(QStringLiteral("mode")).toString() == QLatin1String("host");
    }
    return false;
}

LabEvidence::RunWindow LabEvidence::runWindow(const QString &kind, const QString &run) const
{
    RunWindow w;
    for (const LabEvent &event : m_session.events().all()) {
        if (event.kind != kind || event.data.value(QStringLiteral("run")).toString() != run)
            continue;
        w.found = true;
        w.from = event.data.value(QStringLiteral("from_ns")).toLongLong();
        w.to = event.data.value(QStringLiteral("to_ns")).toLongLong();
        w.data = event.data;
    }
    return w;
}

} // namespace wirelab
