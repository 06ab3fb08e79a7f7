// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dissect/dissect.h"

#include <QAbstractItemModel>

#include <cstddef>
#include <memory>
#include <vector>

namespace wirelab {

class CaptureSession;
class HttpAnalysis;
class HttpFlowIndex;
class TlsAnalysis;
class TlsFlowIndex;
struct PacketView;

// The details tree of one packet: a read-only tree model over the ProtoTree that dissectTree() builds
// (with the TCP tracker's analysis, so relative sequence numbers and the SEQ/ACK analysis show). Column 0
// is the field's label, column 1 its Wireshark field name, so what students read here works as a display
// filter in Wireshark. Malformed fields are red.
class DetailsModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        FieldColumn,
        NameColumn,
        ColumnCount
    };
    enum Role
    {
        OffsetRole = Qt::UserRole + 1,
        LengthRole,
        AbbrevRole,
        ValueRole,
        MalformedRole,
        NoteRole,        // the field's plain-language note for students (ProtoField::note), may be empty
        SourceRole,      // -1: the range counts in the frame; n >= 0: in bytesSource(n) (decrypted TLS)
    };

    explicit DetailsModel(CaptureSession *session, QObject *parent = nullptr);
    ~DetailsModel() override;

    // Shows packet index (0-based); -1 shows nothing.
    void setPacket(int packetIndex);
    int packet() const { return m_packet; }
    const ProtoTree &tree() const { return m_tree; }

    // The deepest field whose byte range covers byteOffset (what a click in the hex view selects);
    // invalid when none does.
    // source: which bytes the hex view shows (-1 the frame, n a decrypted / reassembled buffer).
    QModelIndex indexForByte(int byteOffset, int source = -1) const;
    // The decrypted record contents and reassembled TLS messages of the packet, which the fields under
    // "Decrypted TLS" / "Reassembled ..." count their ranges in (Wireshark's extra bytes tabs).
    int bytesSourceCount() const { return int(m_sources.size()); }
    QByteArray bytesSource(int source) const;
    QString bytesSourceName(int source) const;
    // The first field with this Wireshark name, depth first; invalid when absent.
    QModelIndex indexForAbbrev(const QByteArray &abbrev) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void retranslate();

    // The HTTP layers come from the one HTTP analysis: the main window's (shared with the waterfall,
    // the ladder and Follow Stream) once set, otherwise one of the model's own. The index must outlive
    // the model or be reset to nullptr first.
    void setHttpIndex(HttpFlowIndex *index);
    // The TLS layer ("Transport Layer Security" with the records completed in the packet, decrypted
    // content under each record) comes from the main window's TLS analysis likewise.
    void setTlsIndex(TlsFlowIndex *index);

private:
    // The tree flattened into nodes; a QModelIndex's internal id is its node number + 1 (0 is the root).
    struct Node
    {
        const ProtoField *field = nullptr;
        int parent = -1; // node number, -1 for top-level layers
        int row = 0;
        std::vector<int> children;
        int source = -1; // see SourceRole
    };

    void rebuild();
    // The HTTP/1.x and HTTP/2 layers of the packet, from the one HTTP analysis (core/dissect/httpanalysis.h).
    void addHttpLayers(const PacketView &view);
    // The TLS layer from the one TLS analysis (core/dissect/tlsanalysis.h).
    void addTlsLayer(const PacketView &view);
    void addNode(const ProtoField &field, int parent, int row);
    QModelIndex indexOfNode(int node, int column = 0) const;

    CaptureSession *m_session;
    HttpFlowIndex *m_httpIndex = nullptr;
    std::unique_ptr<HttpAnalysis> m_ownHttp; // only while no index is set; fed incrementally
    TlsFlowIndex *m_tlsIndex = nullptr;
    std::unique_ptr<TlsAnalysis> m_ownTls;   // likewise
    int m_tlsLayer = -1;                     // index of the TLS layer in m_tree.layers
    std::vector<std::vector<int>> m_sourcePaths; // per source: child path from the TLS layer
    std::vector<QByteArray> m_sources;
    std::vector<QString> m_sourceNames;
    int m_packet = -1;
    ProtoTree m_tree;
    std::vector<Node> m_nodes;
    std::vector<int> m_topLevel;
};

} // namespace wirelab
