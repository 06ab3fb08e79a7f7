// SPDX-License-Identifier: GPL-3.0-or-later
#include "tlsflows.h"

#include "capturesession.h"

#include <QDateTime>

namespace wirelab {

TlsFlowIndex::TlsFlowIndex() = default;
TlsFlowIndex::~TlsFlowIndex() = default;

void TlsFlowIndex::clear()
{
    m_analysis.clear();
    m_changed = false;
    ++m_generation;
}

bool TlsFlowIndex::update(const CaptureSession &session, bool force)
{
    if (session.store().size() < m_analysis.packetsFed())
        clear(); // a new capture
    if (m_analysis.feed(session))
        m_changed = true;
    if (!m_changed)
        return false;
    const std::int64_t nowMs = QDateTime::currentMSecsSinceEpoch();
    if (!force && nowMs - m_lastParseMs < 250)
        return false;
    m_lastParseMs = nowMs;
    m_changed = false;
    if (m_analysis.derive())
        ++m_generation;
    return true;
}

QString TlsFlowIndex::packetProtocol(int packetIndex) const
{
    return packetIndex < 0 ? QString() : m_analysis.packetProtocol(std::uint32_t(packetIndex) + 1);
}

QString TlsFlowIndex::packetInfo(int packetIndex) const
{
    return packetIndex < 0 ? QString() : m_analysis.packetInfo(std::uint32_t(packetIndex) + 1);
}

QString TlsFlowIndex::packetLabel(int packetIndex) const
{
    return packetIndex < 0 ? QString() : m_analysis.packetLabel(std::uint32_t(packetIndex) + 1);
}

const TlsFrameInfo *TlsFlowIndex::packetTls(int packetIndex) const
{
    return packetIndex < 0 ? nullptr : m_analysis.frame(std::uint32_t(packetIndex) + 1);
}

const TlsConnectionResult *TlsFlowIndex::connectionOfPacket(int packetIndex) const
{
    return packetIndex < 0 ? nullptr : m_analysis.connectionForFrame(std::uint32_t(packetIndex) + 1);
}

} // namespace wirelab
