// SPDX-License-Identifier: GPL-3.0-or-later
#include "capturesession.h"

#include "capture/livecapture.h"
#include "dissect/dissect.h"

#include <QFileInfo>

namespace wirelab {

CaptureSession::CaptureSession(QObject *parent)
    : QObject(parent)
{
}

CaptureSession::~CaptureSession() = default;

void CaptureSession::appendPackets(std::span<const CapturedPacket> batch, LinkType linkType)
{
    if (batch.empty())
        return;
    const std::size_t first = m_store.size();
    for (const CapturedPacket &packet : batch) {
        const std::uint32_t original = packet.originalLength ? packet.originalLength
                                                             : std::uint32_t(packet.bytes.size());
        const std::uint32_t number = m_store.append(
            packet.timeNs, std::span<const std::uint8_t>(packet.bytes.data(), packet.bytes.size()), original,
            linkType);
        // The lab network's wire notes what it did to a packet ("Lost on the lab network ..."): the
        // packet list shows it and pcapng keeps it as the packet's comment.
        if (!packet.comment.isEmpty() && number > 0)
            m_store.setComment(number - 1, packet.comment);
    }
    track(first);
    Q_EMIT packetsAppended(first, m_store.size() - first);
}

void CaptureSession::track(std::size_t firstIndex)
{
    for (std::size_t i = firstIndex; i < m_store.size(); ++i) {
        const PacketView view = m_store.at(i);
        PacketSummary summary;
        dissectSummary(view.linkType, view.bytes, summary);
        m_tcp.add(view.number, view.timeNs, summary);
    }
}

void CaptureSession::pollEvents()
{
    const std::size_t size = m_events.size();
    if (size <= m_eventsSeen)
        return;
    const std::size_t first = m_eventsSeen;
    m_eventsSeen = size;
    Q_EMIT eventsAppended(first, size - first);
}

void CaptureSession::reset(LinkType linkType)
{
    m_clock = RunClock();
    m_store.clear();
    m_store.setDefaultLinkType(linkType);
    m_events.clear();
    m_tcp.clear();
    m_eventsSeen = 0;
    m_title.clear();
    Q_EMIT cleared();
}

CaptureFileInfo CaptureSession::openFile(const QString &path)
{
    m_clock = RunClock();
    m_store.clear();
    m_events.clear();
    m_tcp.clear();
    m_eventsSeen = 0;
    m_title = QFileInfo(path).fileName();
    Q_EMIT cleared();
    CaptureFileInfo info = readCaptureFile(path, m_store);
    // A pcapng's Decryption Secrets Blocks (libpcap skips them) become the same "tls.keylog" events the lab's
    // endpoints write, so a saved TLS capture reopens decrypted, and Save As writes the secrets again.
    QString secretsProblem;
    const QByteArray keyLog = readPcapngTlsKeyLog(path, nullptr, &secretsProblem);
    for (const QByteArray &line : keyLog.split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith('#'))
            continue;
        LabEvent event;
        event.timeNs = info.firstTimeNs;
        event.host = QStringLiteral("file");
        event.kind = QStringLiteral("tls.keylog");
        event.text = tr("TLS secret from the file's Decryption Secrets Block");
        event.data.insert(QStringLiteral("line"), QString::fromLatin1(trimmed));
        m_events.append(std::move(event));
    }
    if (info.error.isEmpty() && !secretsProblem.isEmpty())
        info.error = secretsProblem;
    track(0);
    if (!m_store.isEmpty())
        Q_EMIT packetsAppended(0, m_store.size());
    return info;
}

PacketSummary CaptureSession::summary(std::size_t index) const
{
    PacketSummary summary;
    if (index < m_store.size()) {
        const PacketView view = m_store.at(index);
        dissectSummary(view.linkType, view.bytes, summary);
    }
    return summary;
}

std::int64_t CaptureSession::originNs() const
{
    if (!m_store.isEmpty())
        return m_store.at(0).timeNs;
    return m_clock.startNs();
}

} // namespace wirelab
