// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace wirelab {

// A user-visible string of a lab, kept untranslated and translated when shown, so switching the
// language at run time re-translates everything. Write them with QT_TRANSLATE_NOOP so lupdate finds them:
//   LabText{QT_TRANSLATE_NOOP("TcpUdpLab", "Connect over TCP")}
// The context is the lab's context string ("TcpUdpLab"); LabText carries it.
struct LabText
{
    const char *context = "";
    const char *source = "";
    QString text() const { return QCoreApplication::translate(context, source); }
    bool isEmpty() const { return !source || !*source; }
};

// Convenience for one lab's strings: `constexpr LabTextContext T{"TcpUdpLab"}; T(QT_TRANSLATE_NOOP(...))`
// does not let lupdate see the context, so labs write QT_TRANSLATE_NOOP("TcpUdpLab", "...") in full.
inline LabText labText(const char *context, const char *source) { return LabText{context, source}; }

} // namespace wirelab
