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

} // namespace wirelab
