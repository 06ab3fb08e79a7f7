// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>
class TcpTracker : public QObject { Q_OBJECT private slots: void placeholder() {} };
QTEST_GUILESS_MAIN(TcpTracker)
#include "tst_tcptracker.moc"
