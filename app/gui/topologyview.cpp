// SPDX-License-Identifier: GPL-3.0-or-later
#include "topologyview.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <cmath>
#include <numbers>

namespace wirelab {

TopologyView::TopologyView(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    setFocusPolicy(Qt::ClickFocus);
}

void TopologyView::setHosts(std::vector<Host> hosts)
{
    m_hosts = std::move(hosts);
    update();
}

void TopologyView::setLinks(std::vector<Link> links)
{
    m_links = std::move(links);
    if (m_selected >= int(m_links.size()))
        m_selected = m_links.empty() ? -1 : 0;
    update();
}

void TopologyView::setSelectedLink(int index)
{
    if (index < -1 || index >= int(m_links.size()) || index == m_selected)
        return;
    m_selected = index;
    update();
    Q_EMIT linkSelected(index);
}

int TopologyView::hostIndex(const QString &name) const
{
    for (std::size_t i = 0; i < m_hosts.size(); ++i)
        if (m_hosts[i].name == name)
            return int(i);
    return -1;
}

QRectF TopologyView::hostRect(int index) const
{
    const QFontMetrics fm = fontMetrics();
    const int n = int(m_hosts.size());
    const qreal w = std::max(96, fm.horizontalAdvance(QStringLiteral("198.188.188.188")) + 18);
    const qreal h = fm.height() * 2 + 14;
    const QRectF area = QRectF(rect()).adjusted(8, 8, -8, -8);
    QPointF centre;
    if (n <= 2) {
        // Client at the left, server at the right, the link between them.
        const qreal x = index == 0 ? area.left() + w / 2 : area.right() - w / 2;
        centre = QPointF(x, area.center().y());
    } else {
        // More hosts: around an ellipse, the first (the client) at the left.
        const qreal angle = std::numbers::pi + 2 * std::numbers::pi * index / n;
        const qreal rx = std::max<qreal>(0, area.width() / 2 - w / 2);
        const qreal ry = std::max<qreal>(0, area.height() / 2 - h / 2);
        centre = area.center() + QPointF(rx * std::cos(angle), ry * std::sin(angle));
    }
    return QRectF(centre.x() - w / 2, centre.y() - h / 2, w, h);
}

QPoint TopologyView::linkMidpoint(int index) const
{
    if (index < 0 || index >= int(m_links.size()))
        return {};
    const int a = hostIndex(m_links[std::size_t(index)].a), b = hostIndex(m_links[std::size_t(index)].b);
    if (a < 0 || b < 0)
        return {};
    return ((hostRect(a).center() + hostRect(b).center()) / 2).toPoint();
}

static qreal distanceToSegment(const QPointF &p, const QPointF &a, const QPointF &b)
{
    const QPointF ab = b - a;
    const qreal len2 = QPointF::dotProduct(ab, ab);
    const qreal t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / len2, 0.0, 1.0) : 0.0;
    const QPointF d = p - (a + t * ab);
    return std::hypot(d.x(), d.y());
}

int TopologyView::linkAt(const QPointF &pos) const
{
    int best = -1;
    qreal bestDistance = 14; // generous: the line is thin, the labels beside it belong to it too
    for (std::size_t i = 0; i < m_links.size(); ++i) {
        const int a = hostIndex(m_links[i].a), b = hostIndex(m_links[i].b);
        if (a < 0 || b < 0)
            continue;
        const qreal d = distanceToSegment(pos, hostRect(a).center(), hostRect(b).center());
        if (d < bestDistance + fontMetrics().height()) {
            if (best < 0 || d < bestDistance) {
                best = int(i);
                bestDistance = d;
            }
        }
    }
    return best;
}

void TopologyView::mousePressEvent(QMouseEvent *event)
{
    const int link = linkAt(event->position());
    if (link >= 0)
        setSelectedLink(link);
    QWidget::mousePressEvent(event);
}

void TopologyView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, true);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.base());
    if (m_hosts.empty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("Select a lab to see its hosts."));
        return;
    }
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    const QFontMetrics smallMetrics(small);

    // Links under the hosts.
    for (std::size_t i = 0; i < m_links.size(); ++i) {
        const Link &link = m_links[i];
        const int a = hostIndex(link.a), b = hostIndex(link.b);
        if (a < 0 || b < 0)
            continue;
        const bool selected = int(i) == m_selected;
        const QRectF ra = hostRect(a), rb = hostRect(b);
        const QPointF pa = ra.center(), pb = rb.center();
        const QColor lineColor = selected ? QColor(0x2f, 0x6f, 0xc4) : QColor(0x8a, 0x94, 0xa3);
        p.setPen(QPen(lineColor, selected ? 3.0 : 2.0));
        p.drawLine(pa, pb);

        // One label per direction, on either side of the line, each with its arrow.
        const QPointF mid = (pa + pb) / 2;
        const qreal gap = std::max<qreal>(40, std::hypot(pb.x() - pa.x(), pb.y() - pa.y()) -
                                                  (ra.width() + rb.width()) / 2 - 12);
        p.setFont(small);
        // Two hosts: left to right is a to b, the arrows say enough. More: name the ends.
        const QString ends = m_hosts.size() > 2 ? QStringLiteral("%1 ").arg(link.a) : QString();
        const QString forward =
            QStringLiteral("%1→ %2").arg(ends, link.aToB.isEmpty() ? tr("as is") : link.aToB);
        const QString backward =
            QStringLiteral("%1← %2").arg(ends, link.bToA.isEmpty() ? tr("as is") : link.bToA);
        const int lh = smallMetrics.height();
        const QString f = smallMetrics.elidedText(forward, Qt::ElideRight, int(gap));
        const QString bk = smallMetrics.elidedText(backward, Qt::ElideRight, int(gap));
        const QColor textColor = selected ? QColor(0x1d, 0x4a, 0x8a) : pal.color(QPalette::Text);
        const auto label = [&](const QString &text, qreal y, bool impaired) {
            const int tw = smallMetrics.horizontalAdvance(text);
            const QRectF box(mid.x() - tw / 2.0 - 3, y, tw + 6, lh);
            p.fillRect(box, pal.base());
            p.setPen(impaired ? QColor(0xa0, 0x4a, 0x00) : textColor);
            p.drawText(box, Qt::AlignCenter, text);
        };
        label(f, mid.y() - lh - 4, !link.aToB.isEmpty());
        label(bk, mid.y() + 4, !link.bToA.isEmpty());
        p.setFont(font());
    }

    QFont bold = font();
    bold.setBold(true);
    for (std::size_t i = 0; i < m_hosts.size(); ++i) {
        const QRectF r = hostRect(int(i));
        p.setPen(QPen(QColor(0x7a, 0x8c, 0xa8), 1.2));
        p.setBrush(QColor(0xe4, 0xec, 0xf7));
        p.drawRoundedRect(r, 6, 6);
        p.setPen(pal.color(QPalette::Text));
        p.setFont(bold);
        p.drawText(r.adjusted(4, 4, -4, -r.height() / 2), Qt::AlignHCenter | Qt::AlignBottom,
                   m_hosts[i].name);
        p.setFont(font());
        p.setPen(QColor(0x40, 0x4a, 0x58));
        p.drawText(r.adjusted(4, r.height() / 2, -4, -4), Qt::AlignHCenter | Qt::AlignTop,
                   m_hosts[i].address);
    }
}

} // namespace wirelab
