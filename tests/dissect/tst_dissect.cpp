// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>
class Dissect : public QObject { Q_OBJECT private slots: void placeholder() {} };
QTEST_GUILESS_MAIN(Dissect)
#include "tst_dissect.moc"
