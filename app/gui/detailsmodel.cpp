// SPDX-License-Identifier: GPL-3.0-or-later
#include "detailsmodel.h"

#include "capturesession.h"
#include "dissect/httpanalysis.h"
#include "dissect/tcptracker.h"
#include "httpflows.h"
#include "dissect/tlsanalysis.h"
#include "tlsflows.h"

#include <QColor>

#include <algorithm>

namespace wirelab {

DetailsModel::DetailsModel(CaptureSession *session, QObject *parent)
    : QAbstractItemModel(parent), m_session(session)
{
    connect(m_session, &CaptureSession::cleared, this, [this] {
        if (m_ownHttp)
            m_ownHttp->clear();
        if (m_ownTls)
            m_ownTls->clear();
        setPacket(-1);
    });
}

void DetailsModel::setHttpIndex(HttpFlowIndex *index)
{
    m_httpIndex = index;
    if (index)
        m_ownHttp.reset();
}

void DetailsModel::setTlsIndex(TlsFlowIndex *index)
{
    m_tlsIndex = index;
    if (index)
        m_ownTls.reset();
}

DetailsModel::~DetailsModel() = default;

void DetailsModel::addTlsLayer(const PacketView &view)
{
    const TlsAnalysis *analysis = nullptr;
    if (m_tlsIndex) {
        // Throttled like the list; a packet whose records are not derived yet is derived now (a click must
        // not show a stale tree).
        m_tlsIndex->update(*m_session);
        if (m_tlsIndex->reparsePending() && !m_tlsIndex->analysis().frame(view.number))
            m_tlsIndex->update(*m_session, true);
        analysis = &m_tlsIndex->analysis();
    } else {
        if (!m_ownTls)
            m_ownTls = std::make_unique<TlsAnalysis>();
        m_ownTls->update(*m_session);
        analysis = m_ownTls.get();
    }
    TlsAnalysis::Layer layer = analysis->layer(view.number, view.bytes.size());
    if (layer.tree.abbrev.isEmpty())
        return;
    m_tlsLayer = int(m_tree.layers.size());
    m_tree.layers.push_back(std::move(layer.tree));
    m_sources = std::move(layer.decrypted);
    m_sourcePaths = std::move(layer.paths);
    for (std::size_t i = 0; i < m_sources.size(); ++i) {
        const ProtoField *f = &m_tree.layers.back();
        for (int step : m_sourcePaths[i])
            f = step >= 0 && std::size_t(step) < f->children.size() ? &f->children[std::size_t(step)] : f;
        m_sourceNames.push_back(f->label);
    }
}

QByteArray DetailsModel::bytesSource(int source) const
{
    return source >= 0 && std::size_t(source) < m_sources.size() ? m_sources[std::size_t(source)] : QByteArray();
}

QString DetailsModel::bytesSourceName(int source) const
{
    return source >= 0 && std::size_t(source) < m_sourceNames.size() ? m_sourceNames[std::size_t(source)] : QString();
}

void DetailsModel::addHttpLayers(const PacketView &view)
{
    // The one HTTP analysis: fed what is new (the reassembly and the dissectors; the derived tables are
    // not needed for a frame's trees), then asked for this frame's subtrees.
    const HttpAnalysis *analysis = nullptr;
    if (m_httpIndex) {
        m_httpIndex->update(*m_session); // feeds at once; rebuilding its rows stays throttled
        analysis = &m_httpIndex->analysis();
    } else {
        if (!m_ownHttp)
            m_ownHttp = std::make_unique<HttpAnalysis>();
        m_ownHttp->feed(*m_session);
        analysis = m_ownHttp.get();
    }
    HttpAnalysis::FrameLayers layers = analysis->layers(view.number, view.bytes.size());
    for (ProtoField &tree : layers.http1)
        m_tree.layers.push_back(std::move(tree));
    if (layers.http2Frames.empty())
        return;
    ProtoField layer;
    layer.abbrev = QByteArrayLiteral("http2");
    layer.label = tr("HyperText Transfer Protocol 2");
    layer.children = std::move(layers.http2Frames);
    m_tree.layers.push_back(std::move(layer));
}

void DetailsModel::setPacket(int packetIndex)
{
    beginResetModel();
    m_packet = -1;
    m_tree = {};
    m_nodes.clear();
    m_topLevel.clear();
    m_tlsLayer = -1;
    m_sources.clear();
    m_sourcePaths.clear();
    m_sourceNames.clear();
    const PacketStore &store = m_session->store();
    if (packetIndex >= 0 && std::size_t(packetIndex) < store.size()) {
        m_packet = packetIndex;
        const PacketView view = store.at(std::size_t(packetIndex));
        m_tree = dissectTree(view.linkType, view.bytes, view.number, view.timeNs, view.originalLength,
                             m_session->tcp().analysis(view.number));
        addTlsLayer(view);
        addHttpLayers(view);
        // A comment (the lab network's note of what it did to the packet) on top, as Wireshark shows it.
        const QString comment = store.comment(std::size_t(packetIndex));
        if (!comment.isEmpty()) {
            ProtoField comments;
            comments.label = tr("Packet comments");
            ProtoField line;
            line.abbrev = QByteArrayLiteral("frame.comment");
            line.label = comment;
            line.value = comment;
            comments.children.push_back(std::move(line));
            m_tree.layers.insert(m_tree.layers.begin(), std::move(comments));
            if (m_tlsLayer >= 0)
                ++m_tlsLayer;
        }
        rebuild();
    }
    endResetModel();
}

void DetailsModel::rebuild()
{
    // Reserve first: nodes refer to each other by number, and fields by pointer into m_tree, which
    // does not move any more.
    std::size_t total = 0;
    std::vector<const ProtoField *> stack;
    for (const ProtoField &layer : m_tree.layers)
        stack.push_back(&layer);
    while (!stack.empty()) {
        const ProtoField *f = stack.back();
        stack.pop_back();
        ++total;
        for (const ProtoField &c : f->children)
            stack.push_back(&c);
    }
    m_nodes.reserve(total);
    for (std::size_t i = 0; i < m_tree.layers.size(); ++i) {
        m_topLevel.push_back(int(m_nodes.size()));
        addNode(m_tree.layers[i], -1, int(i));
    }
    // The fields under a decrypted / reassembled node count in that node's own bytes.
    if (m_tlsLayer < 0 || std::size_t(m_tlsLayer) >= m_topLevel.size())
        return;
    for (std::size_t s = 0; s < m_sourcePaths.size(); ++s) {
        int node = m_topLevel[std::size_t(m_tlsLayer)];
        for (int step : m_sourcePaths[s]) {
            const Node &n = m_nodes[std::size_t(node)];
            if (step < 0 || std::size_t(step) >= n.children.size()) {
                node = -1;
                break;
            }
            node = n.children[std::size_t(step)];
        }
        if (node < 0)
            continue;
        std::vector<int> stack{node};
        while (!stack.empty()) {
            const int k = stack.back();
            stack.pop_back();
            m_nodes[std::size_t(k)].source = int(s);
            for (int c : m_nodes[std::size_t(k)].children)
                stack.push_back(c);
        }
    }
}

void DetailsModel::addNode(const ProtoField &field, int parent, int row)
{
    const int self = int(m_nodes.size());
    m_nodes.push_back(Node{&field, parent, row, {}});
    for (std::size_t i = 0; i < field.children.size(); ++i) {
        m_nodes[std::size_t(self)].children.push_back(int(m_nodes.size()));
        addNode(field.children[i], self, int(i));
    }
}

QModelIndex DetailsModel::indexOfNode(int node, int column) const
{
    if (node < 0 || std::size_t(node) >= m_nodes.size())
        return {};
    return createIndex(m_nodes[std::size_t(node)].row, column, quintptr(node + 1));
}

QModelIndex DetailsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid()) {
        if (std::size_t(row) >= m_topLevel.size())
            return {};
        return indexOfNode(m_topLevel[std::size_t(row)], column);
    }
    const Node &p = m_nodes[std::size_t(parent.internalId() - 1)];
    if (std::size_t(row) >= p.children.size())
        return {};
    return indexOfNode(p.children[std::size_t(row)], column);
}

QModelIndex DetailsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    const Node &n = m_nodes[std::size_t(child.internalId() - 1)];
    return indexOfNode(n.parent, 0);
}

int DetailsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_topLevel.size());
    if (parent.column() != 0)
        return 0;
    return int(m_nodes[std::size_t(parent.internalId() - 1)].children.size());
}

int DetailsModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant DetailsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const ProtoField &f = *m_nodes[std::size_t(index.internalId() - 1)].field;
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == FieldColumn)
            return f.label;
        return QString::fromLatin1(f.abbrev);
    case Qt::ToolTipRole: {
        const int source = m_nodes[std::size_t(index.internalId() - 1)].source;
        QString tip = f.abbrev.isEmpty() ? f.label : tr("%1\nField name: %2").arg(f.label, QString::fromLatin1(f.abbrev));
        if (!f.note.isEmpty())
            tip += QLatin1Char('\n') + f.note;
        if (f.abbrev.isEmpty())
            return tip;
        if (f.length > 0)
            tip += QLatin1Char('\n') +
                   (source >= 0 ? tr("Bytes %1 to %2 of the decrypted content, length %3")
                                : tr("Bytes %1 to %2, length %3")).arg(f.offset).arg(f.offset + f.length - 1).arg(f.length);
        if (f.malformed)
            tip += QLatin1Char('\n') + tr("Malformed: the packet ends or contradicts itself here.");
        return tip;
    }
    case Qt::ForegroundRole:
        if (f.malformed)
            return QColor(0xc0, 0x00, 0x00);
        if (index.column() == NameColumn)
            return QColor(0x60, 0x60, 0x60);
        return {};
    case OffsetRole:
        return f.offset;
    case LengthRole:
        return f.length;
    case AbbrevRole:
        return f.abbrev;
    case ValueRole:
        return f.value;
    case MalformedRole:
        return f.malformed;
    case NoteRole:
        return f.note;
    case SourceRole:
        return m_nodes[std::size_t(index.internalId() - 1)].source;
    default:
        return {};
    }
}

QVariant DetailsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section == FieldColumn)
        return tr("Field");
    if (section == NameColumn)
        return tr("Field name");
    return {};
}

void DetailsModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

QModelIndex DetailsModel::indexForByte(int byteOffset, int source) const
{
    int best = -1, bestDepth = -1, bestLength = 0;
    // Depth first over every node: the deepest covering field wins; among equally deep ones the
    // narrowest, then the later one (a TCP header field over the IP layer that also spans it).
    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        const ProtoField &f = *m_nodes[i].field;
        if (m_nodes[i].source != source)
            continue;
        if (f.length <= 0 || byteOffset < f.offset || byteOffset >= f.offset + f.length)
            continue;
        int depth = 0;
        for (int p = m_nodes[i].parent; p >= 0; p = m_nodes[std::size_t(p)].parent)
            ++depth;
        if (depth > bestDepth || (depth == bestDepth && f.length <= bestLength)) {
            best = int(i);
            bestDepth = depth;
            bestLength = f.length;
        }
    }
    return indexOfNode(best);
}

QModelIndex DetailsModel::indexForAbbrev(const QByteArray &abbrev) const
{
    for (std::size_t i = 0; i < m_nodes.size(); ++i)
        if (m_nodes[i].field->abbrev == abbrev)
            return indexOfNode(int(i));
    return {};
}

} // namespace wirelab
