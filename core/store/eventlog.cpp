// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventlog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>

namespace wirelab {

void EventLog::append(LabEvent event)
{
    QMutexLocker lock(&m_mutex);
    m_events.push_back(std::move(event));
}

std::size_t EventLog::size() const
{
    QMutexLocker lock(&m_mutex);
    return m_events.size();
}

std::vector<LabEvent> EventLog::since(std::size_t from) const
{
    QMutexLocker lock(&m_mutex);
    if (from >= m_events.size())
        return {};
    return {m_events.begin() + std::ptrdiff_t(from), m_events.end()};
}

void EventLog::clear()
{
    QMutexLocker lock(&m_mutex);
    m_events.clear();
}

QByteArray EventLog::toJsonLine(const LabEvent &event)
{
    QJsonObject o;
    o.insert(QStringLiteral("t_ns"), QString::number(event.timeNs));
    o.insert(QStringLiteral("host"), event.host);
    o.insert(QStringLiteral("kind"), event.kind);
    o.insert(QStringLiteral("text"), event.text);
    o.insert(QStringLiteral("data"), QJsonObject::fromVariantMap(event.data));
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace wirelab
