// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The TLS traffic of a capture as the shell's views need it (the packet list's Protocol/Info, the details
// tree with decrypted records, the key-schedule dock, the ladder's labels, the export's Decryption Secrets
// Block): a throttled adapter over the one TLS analysis in core (TlsAnalysis, core/dissect/tlsanalysis.h),
// like HttpFlowIndex for HTTP. It parses nothing: it feeds the analysis the packets and key log events
// appended since the last call and re-derives at most every 250 ms; rows are keyed by 0-based packet index.

#include "dissect/tlsanalysis.h"

#include <QString>

#include <cstdint>

namespace wirelab {

class CaptureSession;

class TlsFlowIndex final
{
public:
    TlsFlowIndex();
    ~TlsFlowIndex();
    TlsFlowIndex(const TlsFlowIndex &) = delete;
    TlsFlowIndex &operator=(const TlsFlowIndex &) = delete;

    // Folds in packets and "tls.keylog" events appended since the last call; re-derives at most every
    // 250 ms unless force is set (a skipped one happens on a later call). Returns whether it re-derived.
    bool update(const CaptureSession &session, bool force = false);
    void clear();
    // Changes whenever the analysis re-derived (views compare it).
    int generation() const { return m_generation; }
    bool reparsePending() const { return m_changed; }

    // Per packet (0-based index); empty / nullptr when the packet completes no TLS record.
    QString packetProtocol(int packetIndex) const;
    QString packetInfo(int packetIndex) const;
    QString packetLabel(int packetIndex) const;
    const TlsFrameInfo *packetTls(int packetIndex) const;
    // The connection a packet belongs to (also for packets carrying only part of a record); nullptr if none.
    const TlsConnectionResult *connectionOfPacket(int packetIndex) const;

    // The secrets of the session (the endpoints' key log events).
    bool hasKeys() const { return m_analysis.hasKeys(); }
    const TlsKeyLog &keyLog() const { return m_analysis.keyLog(); }

    const TlsAnalysis &analysis() const { return m_analysis; }
    TlsAnalysis &analysis() { return m_analysis; }

private:
    TlsAnalysis m_analysis;
    bool m_changed = false;
    std::int64_t m_lastParseMs = 0;
    int m_generation = 0;
};

} // namespace wirelab
