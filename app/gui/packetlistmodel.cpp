// SPDX-License-Identifier: GPL-3.0-or-later
#include "packetlistmodel.h"

#include "capturesession.h"
#include "dissect/dissect.h"
#include "dissect/httpanalysis.h"
#include "dissect/tcptracker.h"
#include "httpflows.h"
#include "tlsflows.h"

#include <QCoreApplication>
#include <QFont>
#include <QTimer>

namespace wirelab {

PacketListModel::PacketListModel(CaptureSession *session, QObject *parent)
    : QAbstractTableModel(parent), m_session(session), m_cache(kCacheSlots)
{
    m_rows = int(m_session->store().size());
    connect(m_session, &CaptureSession::packetsAppended, this, &PacketListModel::onPacketsAppended);
    connect(m_session, &CaptureSession::cleared, this, &PacketListModel::onCleared);
}

void PacketListModel::setHttpIndex(HttpFlowIndex *index)
{
    m_http = index;
    m_httpGeneration = -1;
    if (!m_httpTicker) {
        m_httpTicker = new QTimer(this);
        m_httpTicker->setInterval(250);
        connect(m_httpTicker, &QTimer::timeout, this, &PacketListModel::pollHttp);
        m_httpTicker->start();
    }
    pollHttp();
}

void PacketListModel::setTlsIndex(TlsFlowIndex *index)
{
    m_tls = index;
    m_tlsGeneration = -1;
    if (!m_httpTicker) {
        m_httpTicker = new QTimer(this);
        m_httpTicker->setInterval(250);
        connect(m_httpTicker, &QTimer::timeout, this, &PacketListModel::pollHttp);
        m_httpTicker->start();
    }
    pollHttp();
}

void PacketListModel::pollHttp()
{
    bool changed = false;
    if (m_http) {
        m_http->update(*m_session); // cheap when nothing new arrived; reparses at most every 250 ms
        changed = m_http->generation() != m_httpGeneration;
        m_httpGeneration = m_http->generation();
    }
    if (m_tls) {
        m_tls->update(*m_session); // the same for TLS (packets and the endpoints' key log events)
        changed = changed || m_tls->generation() != m_tlsGeneration;
        m_tlsGeneration = m_tls->generation();
    }
    if (!changed)
        return;
    for (Row &r : m_cache)
        r.packet = UINT32_MAX;
    if (m_rows > 0)
        Q_EMIT dataChanged(index(0, ProtocolColumn), index(m_rows - 1, InfoColumn));
}

int PacketListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int PacketListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void PacketListModel::onPacketsAppended(std::size_t firstIndex, std::size_t count)
{
    if (count == 0)
        return;
    const int storeRows = int(m_session->store().size());
    if (int(firstIndex) != m_rows) {
        // The session skipped or repeated rows (it should not): resynchronise rather than lie to views.
        beginResetModel();
        m_rows = storeRows;
        for (Row &r : m_cache)
            r.packet = UINT32_MAX;
        endResetModel();
        return;
    }
    if (storeRows <= m_rows)
        return;
    beginInsertRows({}, m_rows, storeRows - 1);
    m_rows = storeRows;
    endInsertRows();
}

void PacketListModel::onCleared()
{
    beginResetModel();
    m_rows = int(m_session->store().size());
    for (Row &r : m_cache)
        r.packet = UINT32_MAX;
    endResetModel();
}

void PacketListModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    for (Row &r : m_cache)
        r.packet = UINT32_MAX;
    if (m_rows > 0)
        Q_EMIT dataChanged(index(0, 0), index(m_rows - 1, ColumnCount - 1));
}

static QString endpointText(const NetAddress &address)
{
    return address.family == NetAddress::Family::None ? QString() : address.toString();
}

bool isHeldComment(const QString &comment)
{
    if (comment.isEmpty())
        return false;
    static const char source[] = "Held at breakpoint %1 (%2)";
    for (QString text : {QString::fromLatin1(source), QCoreApplication::translate("Wire", source)}) {
        text.truncate(text.indexOf(QLatin1String("%1")));
        if (!text.isEmpty() && comment.startsWith(text))
            return true;
    }
    return false;
}

const PacketListModel::Row &PacketListModel::row(int index) const
{
    Row &r = m_cache[std::size_t(index) % kCacheSlots];
    if (r.packet == std::uint32_t(index))
        return r;
    r.packet = std::uint32_t(index);

    const PacketStore &store = m_session->store();
    const PacketView view = store.at(std::size_t(index));
    const PacketSummary s = m_session->summary(std::size_t(index));
    const TcpPacketAnalysis *analysis =
        s.protocol == Protocol::Tcp ? m_session->tcp().analysis(view.number) : nullptr;

    const double seconds = double(view.timeNs - m_session->originNs()) / 1e9;
    r.text[NumberColumn] = QString::number(view.number);
    r.text[TimeColumn] = QString::number(seconds, 'f', 6);
    r.text[SourceColumn] = endpointText(s.src);
    r.text[DestinationColumn] = endpointText(s.dst);
    r.text[ProtocolColumn] = QString::fromLatin1(protocolName(s.protocol));
    r.text[LengthColumn] = QString::number(view.originalLength);
    r.text[InfoColumn] = QString::fromStdString(summaryInfo(s, analysis));
    if (m_tls && m_tls->generation() == m_tlsGeneration) {
        const QString protocol = m_tls->packetProtocol(index);
        if (!protocol.isEmpty()) {
            r.text[ProtocolColumn] = protocol; // coloured as TCP, as Wireshark does (no TLS rule)
            const QString info = m_tls->packetInfo(index);
            if (!info.isEmpty())
                r.text[InfoColumn] = info;
        }
    }
    bool http = false;
    if (m_http && m_http->generation() == m_httpGeneration) {
        const QString protocol = m_http->packetProtocol(index);
        if (!protocol.isEmpty()) {
            http = true;
            r.text[ProtocolColumn] = protocol;
            const QString info = m_http->packetInfo(index);
            if (!info.isEmpty())
                r.text[InfoColumn] = info;
        }
    }
    r.comment = store.comment(std::size_t(index));
    r.dropped = isNotDeliveredComment(r.comment);
    if (!r.comment.isEmpty())
        r.text[InfoColumn] = QStringLiteral("[%1] %2").arg(r.comment, r.text[InfoColumn]);

    // Wireshark's default colouring rules, lightened so that text stays easy to read on a projector.
    constexpr std::uint16_t badTcp = TcpRetransmission | TcpFastRetransmission | TcpSpuriousRetransmission |
                                     TcpDupAck | TcpZeroWindow | TcpPreviousSegmentNotCaptured |
                                     TcpOutOfOrder;
    r.foreground = QColor();
    if (r.dropped) {
        // Not a Wireshark rule: the packet left its sender and never arrived.
        r.rule = QStringLiteral("Dropped on the wire");
        r.background = QColor(0xf6, 0xd5, 0xd5);
        r.foreground = QColor(0x7a, 0x00, 0x00);
    } else if (s.malformed) {
        r.rule = QStringLiteral("Malformed");
        r.background = QColor(0xff, 0xe9, 0xa8);
        r.foreground = QColor(0x8b, 0x00, 0x00);
    } else if (s.protocol == Protocol::Tcp && analysis && (analysis->flags & badTcp)) {
        r.rule = QStringLiteral("Bad TCP");
        r.background = QColor(0x30, 0x30, 0x30);
        r.foreground = QColor(0xff, 0x8f, 0x8f);
    } else if (s.protocol == Protocol::Tcp && (s.tcpFlags & TcpRst)) {
        r.rule = QStringLiteral("TCP RST");
        r.background = QColor(0xf4, 0xb6, 0xb6);
        r.foreground = QColor(0x5a, 0x00, 0x00);
    } else if (http) {
        r.rule = QStringLiteral("HTTP");
        r.background = QColor(0xe4, 0xff, 0xc7);

    } else if (s.protocol == Protocol::Tcp && (s.tcpFlags & (TcpSyn | TcpFin))) {
        r.rule = QStringLiteral("TCP SYN/FIN");
        r.background = QColor(0xd6, 0xd6, 0xd6);
    } else if (s.protocol == Protocol::Tcp) {
        r.rule = QStringLiteral("TCP");
        r.background = QColor(0xec, 0xeb, 0xff);
    } else if (s.protocol == Protocol::Udp) {
        r.rule = QStringLiteral("UDP");
        r.background = QColor(0xdf, 0xf0, 0xff);
    } else if (s.protocol == Protocol::Arp) {
        r.rule = QStringLiteral("ARP");
        r.background = QColor(0xfa, 0xf0, 0xd7);
    } else if (s.protocol == Protocol::Icmp || s.protocol == Protocol::Icmpv6) {
        r.rule = QStringLiteral("ICMP");
        r.background = QColor(0xfc, 0xe0, 0xff);
    } else {
        r.rule.clear();
        r.background = QColor();
    }
    return r;
}

QString PacketListModel::coloringRule(int row) const
{
    if (row < 0 || row >= m_rows)
        return {};
    return this->row(row).rule;
}

QVariant PacketListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows || index.column() >= ColumnCount)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return row(index.row()).text[std::size_t(index.column())];
    case Qt::BackgroundRole: {
        const QColor c = row(index.row()).background;
        return c.isValid() ? QVariant(c) : QVariant();
    }
    case Qt::ForegroundRole: {
        const QColor c = row(index.row()).foreground;
        return c.isValid() ? QVariant(c) : QVariant();
    }
    case Qt::TextAlignmentRole:
        if (index.column() == NumberColumn || index.column() == TimeColumn || index.column() == LengthColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (index.column() == InfoColumn)
            return row(index.row()).text[InfoColumn];
        if (!row(index.row()).comment.isEmpty())
            return row(index.row()).comment;
        return {};
    case Qt::FontRole:
        if (row(index.row()).dropped) {
            QFont f;
            f.setStrikeOut(true);
            return f;
        }
        return {};
    case PacketIndexRole:
        return index.row();
    case ColoringRuleRole:
        return row(index.row()).rule;
    default:
        return {};
    }
}

QVariant PacketListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NumberColumn:
        return tr("No.");
    case TimeColumn:
        return tr("Time");
    case SourceColumn:
        return tr("Source");
    case DestinationColumn:
        return tr("Destination");
    case ProtocolColumn:
        return tr("Protocol");
    case LengthColumn:
        return tr("Length");
    case InfoColumn:
        return tr("Info");
    default:
        return {};
    }
}

} // namespace wirelab
