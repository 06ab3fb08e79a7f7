// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>

#include <vector>

namespace wirelab {

// A small drawing of the lab's hosts and the links between them: each host a box with its name and
// address, each link a line with what the wire does on it, one short line per direction. A click on a
// link (or near it) selects it.
class TopologyView final : public QWidget
{
    Q_OBJECT
public:
    struct Host
    {
        QString name;    // "client"
        QString address; // "198.18.0.1", or "127.0.0.1" in host mode
    };
    struct Link
    {
        QString a, b;
        QString aToB, bToA; // "50 ms, 1 % loss", empty when the direction is unimpaired
    };

    explicit TopologyView(QWidget *parent = nullptr);

    void setHosts(std::vector<Host> hosts);
    void setLinks(std::vector<Link> links);
    const std::vector<Host> &hosts() const { return m_hosts; }
    const std::vector<Link> &links() const { return m_links; }

    int selectedLink() const { return m_selected; }
    void setSelectedLink(int index);
    // Where link index's line starts and ends (host box centres), for tests that click it.
    QPoint linkMidpoint(int index) const;

    QSize sizeHint() const override { return {340, 150}; }
    QSize minimumSizeHint() const override { return {220, 120}; }

Q_SIGNALS:
    void linkSelected(int index);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    QRectF hostRect(int index) const;
    int hostIndex(const QString &name) const;
    int linkAt(const QPointF &pos) const;

    std::vector<Host> m_hosts;
    std::vector<Link> m_links;
    int m_selected = -1;
};

} // namespace wirelab
