// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QColor>
#include <QString>

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

class QTimer;

namespace wirelab {

class CaptureSession;
class HttpFlowIndex;
class TlsFlowIndex;

// Whether a packet comment says the packet waited at a breakpoint on the wire before going on.
bool isHeldComment(const QString &comment);

// The packet list: a virtual table over the session's packet store. Rows are inserted once per batch
// (one beginInsertRows per packetsAppended), and the column text of a row is built only when a view asks
// for it, from the fast summary dissector and the TCP tracker's analysis; a small direct-mapped cache keeps
// the rows a view is currently showing, so a million packets cost nothing until they scroll into view.
// A packet's comment (what the lab network's wire did to it: lost, dropped, held, duplicated) leads its
// Info text in brackets; dropped packets are struck through. With an HTTP index set, a packet that completes an
// HTTP/1.x message or an HTTP/2 frame says "HTTP" / "HTTP2" in Protocol and the HTTP Info (as tshark after
// reassembly: "GET /about HTTP/1.1", "HEADERS[1]: 200 OK, DATA[1]") and gets Wireshark's HTTP colouring.
class PacketListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NumberColumn,
        TimeColumn,
        SourceColumn,
        DestinationColumn,
        ProtocolColumn,
        LengthColumn,
        InfoColumn,
        ColumnCount
    };
    enum Role
    {
        PacketIndexRole = Qt::UserRole + 1,
        ColoringRuleRole
    };

    explicit PacketListModel(CaptureSession *session, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    CaptureSession *session() const { return m_session; }
    // The HTTP analysis to name HTTP frames from (shared with the HTTP views; not owned). The model polls
    // it every 250 ms and refreshes the Protocol and Info columns when it changed.
    void setHttpIndex(HttpFlowIndex *index);
    // The TLS analysis likewise ("TLSv1.3", "Client Hello", ...; TLS wins over plain TCP, HTTP over TLS).
    void setTlsIndex(TlsFlowIndex *index);
    // Column headers are translated: call after a language change.
    void retranslate();

    // Which of Wireshark's default colouring rules a packet matches, by name ("TCP SYN/FIN", "Bad TCP", ...).
    QString coloringRule(int row) const;

private:
    struct Row
    {
        std::uint32_t packet = UINT32_MAX; // which row this cache slot holds
        std::array<QString, ColumnCount> text;
        QColor background, foreground;
        QString rule;
        QString comment;
        bool dropped = false;
    };

    void onPacketsAppended(std::size_t firstIndex, std::size_t count);
    void onCleared();
    const Row &row(int index) const;

    static constexpr std::size_t kCacheSlots = 1024;

    void pollHttp();

    CaptureSession *m_session;
    HttpFlowIndex *m_http = nullptr;
    QTimer *m_httpTicker = nullptr;
    int m_httpGeneration = -1;
    TlsFlowIndex *m_tls = nullptr;
    int m_tlsGeneration = -1;
    int m_rows = 0;
    mutable std::vector<Row> m_cache;
};

} // namespace wirelab
