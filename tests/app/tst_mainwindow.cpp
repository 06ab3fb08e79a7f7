// SPDX-License-Identifier: GPL-3.0-or-later
// The shell as a student uses it, offscreen: pick "TCP vs UDP", press Start, connect over TCP, watch
// packets in the list and arrows in the ladder, click a packet and a field, stop; open bad files;
// switch the language.

#include "capture/capturefile.h"
#include "capturesession.h"
#include "detailsmodel.h"
#include "framebuilder.h"
#include "guidepanel.h"
#include "hexview.h"
#include "labbrowser.h"
#include "ladderview.h"
#include "mainwindow.h"
#include "packetlistmodel.h"
#include "parameterpanel.h"
#include "timelineplot.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace wirelab;

class tst_MainWindow final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void theWindowHasItsPanesAndMenus();
    void aStudentRunsTheFirstStepOfTheTcpUdpLab();
    void aGarbageFileGivesAClearError();
    void aTruncatedFileKeepsThePacketsReadBeforeTheDamage();
    void aSavedCaptureDroppedOnTheWindowOpensWithEveryPacket();
    void theListFollowsLivePacketsUntilTheUserScrollsUp();
    void switchingToGermanTranslatesTheMenusAtOnce();
    void theLayoutIsRemembered();

private:
    QTemporaryDir m_dir;
};

void tst_MainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WirelabTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QVERIFY(m_dir.isValid());
}

void tst_MainWindow::init()
{
    QSettings().clear();
}

void tst_MainWindow::theWindowHasItsPanesAndMenus()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.registry().find(QStringLiteral("tcp-udp")));
    QVERIFY(w.labBrowser()->list()->count() >= 1);
    for (const char *menu : {"menuFile", "menuLab", "menuView", "menuGo", "menuSettings", "menuHelp"})
        QVERIFY2(w.findChild<QMenu *>(QLatin1String(menu)), menu);
    QCOMPARE(w.findChild<QMenu *>(QStringLiteral("menuFile"))->title(), QStringLiteral("&File"));
    QCOMPARE(w.findChild<QAction *>(QStringLiteral("startLabAction"))->shortcut(), QKeySequence(Qt::Key_F5));
    QCOMPARE(w.findChild<QAction *>(QStringLiteral("stopLabAction"))->shortcut(),
             QKeySequence(Qt::SHIFT | Qt::Key_F5));
    QCOMPARE(w.packetView()->model()->columnCount(), 7);
    QVERIFY(w.ladderView()->isVisible());
    QVERIFY(w.hexView()->isVisible());
    QVERIFY(w.detailsView()->isVisible());
    // Selecting the lab generates its parameter form.
    w.selectLab(QStringLiteral("tcp-udp"));
    QVERIFY(w.parameterPanel()->editor(QStringLiteral("udp.rcvbuf")));
    QVERIFY(!w.parameterPanel()->editor(QStringLiteral("udp.rcvbuf"))->toolTip().isEmpty());
}

void tst_MainWindow::aStudentRunsTheFirstStepOfTheTcpUdpLab()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));

    // Select "TCP vs UDP" in the lab browser and press Start.
    QListWidget *list = w.labBrowser()->list();
    QListWidgetItem *item = nullptr;
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->data(Qt::UserRole + 1).toString() == QLatin1String("tcp-udp"))
            item = list->item(i);
    QVERIFY(item);
    list->setCurrentItem(item);
    QTest::mouseClick(w.labBrowser()->startButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(w.controller()->state(), LabController::State::Running, 10000);
    QVERIFY(!w.parameterPanel()->isEnabled()); // parameters are fixed while the lab runs

    if (!w.controller()->captureProblem().isEmpty()) {
        // Without capture rights the window must say so, with the fix, in the status bar and the guide.
        QTRY_COMPARE(w.findChild<QLabel *>(QStringLiteral("captureProblemLabel"))->text(),
                     w.controller()->captureProblem());
        QCOMPARE(w.guidePanel()->captureProblem(), w.controller()->captureProblem());
        w.stopLab();
        QSKIP(qPrintable(QStringLiteral("No capture on this machine, so no packets to check: ") +
                         w.controller()->captureProblem()));
    }

    // Its first action: "Connect over TCP".
    const LabDefinition *lab = w.registry().find(QStringLiteral("tcp-udp"));
    const QString firstAction = lab->steps.at(0).actions.at(0).id;
    QPushButton *button = w.guidePanel()->actionButton(firstAction);
    QVERIFY(button);
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);

    // SYN, SYN-ACK, ACK in the packet list and as arrows in the ladder.
    QTRY_VERIFY_WITH_TIMEOUT(w.packetModel()->rowCount() >= 3, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(w.ladderView()->arrowCount() >= 3, 5000);
    QVERIFY2(w.ladderView()->arrowLabel(0).startsWith(QLatin1String("SYN seq=0")),
             qPrintable(w.ladderView()->arrowLabel(0)));
    QVERIFY2(w.ladderView()->arrowLabel(1).startsWith(QLatin1String("SYN,ACK")),
             qPrintable(w.ladderView()->arrowLabel(1)));
    QCOMPARE(w.ladderView()->endpointTitles().size(), 2);
    QVERIFY(w.packetModel()
                ->index(0, PacketListModel::InfoColumn)
                .data()
                .toString()
                .contains(QLatin1String("[SYN]")));
    QTRY_VERIFY(
        w.findChild<QLabel *>(QStringLiteral("packetCountLabel"))->text().contains(QLatin1Char('3')) ||
        w.packetModel()->rowCount() > 3);
    // The timeline counted them (it is visible, so its ticker folds them in).
    QTRY_VERIFY_WITH_TIMEOUT(w.timelinePlot()->packetsCounted() >= 3, 3000);
    // The handshake checkpoint ticks itself.
    QTRY_VERIFY_WITH_TIMEOUT(w.guidePanel()->checkpoint(0, 0).passed, 5000);

    // Clicking the second arrow selects the SYN-ACK in the packet list.
    const QRect row = w.ladderView()->arrowRowRect(1);
    QVERIFY(!row.isEmpty());
    QTest::mouseClick(w.ladderView()->viewport(), Qt::LeftButton, {}, row.center());
    QCOMPARE(w.packetView()->currentIndex().row(), w.ladderView()->packetOfArrow(1));
    QCOMPARE(w.currentPacket(), w.ladderView()->packetOfArrow(1));

    // Selecting the SYN in the list fills the details and follows in the ladder.
    w.selectPacket(0);
    QCOMPARE(w.ladderView()->currentPacket(), 0);
    QVERIFY(w.detailsModel()->rowCount() >= 4);
    QVERIFY(w.detailsModel()->indexForAbbrev("tcp.options.mss_val").isValid());
    QCOMPARE(w.hexView()->bytes().size(), qsizetype(w.session()->store().at(0).bytes.size()));

    // A field selected in the tree lights up its bytes in the hex view.
    const QModelIndex srcPort = w.detailsModel()->indexForAbbrev("tcp.srcport");
    QVERIFY(srcPort.isValid());
    w.detailsView()->setCurrentIndex(srcPort);
    QCOMPARE(w.hexView()->highlightOffset(), srcPort.data(DetailsModel::OffsetRole).toInt());
    QCOMPARE(w.hexView()->highlightLength(), 2);

    // A click on a byte in the hex view selects the deepest field covering it.
    const int dstPortOffset =
        w.detailsModel()->indexForAbbrev("tcp.dstport").data(DetailsModel::OffsetRole).toInt();
    w.hexView()->setHighlight(dstPortOffset, 1); // scrolls it into view
    QTest::mouseClick(w.hexView()->viewport(), Qt::LeftButton, {},
                      w.hexView()->hexRect(dstPortOffset + 1).center());
    QCOMPARE(w.detailsView()->currentIndex().data(DetailsModel::AbbrevRole).toByteArray(),
             QByteArray("tcp.dstport"));
    QCOMPARE(w.hexView()->highlightOffset(), dstPortOffset);
    QCOMPARE(w.hexView()->highlightLength(), 2);

    // Only the selected conversation: still the three handshake arrows at least.
    w.ladderView()->setOnlySelectedConversation(true);
    QVERIFY(w.ladderView()->arrowCount() >= 3);
    w.ladderView()->setOnlySelectedConversation(false);

    // Stop.
    w.findChild<QAction *>(QStringLiteral("stopLabAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(w.controller()->state() == LabController::State::Stopped ||
                                 w.controller()->state() == LabController::State::Idle,
                             10000);
    QVERIFY(w.parameterPanel()->isEnabled());
    // The guide rebuilt its buttons (the one clicked above is gone): the new ones are disabled.
    QVERIFY(w.guidePanel()->actionButton(firstAction));
    QVERIFY(!w.guidePanel()->actionButton(firstAction)->isEnabled());
    QVERIFY(w.packetModel()->rowCount() >= 3); // the capture stays for study after the lab stopped
}

void tst_MainWindow::aGarbageFileGivesAClearError()
{
    const QString path = m_dir.filePath(QStringLiteral("garbage.pcap"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray("this is not a capture file, only words in a file with the wrong magic number"));
    f.close();

    MainWindow w;
    w.show();
    QSignalSpy errors(&w, &MainWindow::errorShown);
    QVERIFY(!w.openFile(path));
    QCOMPARE(errors.count(), 1);
    const QString message = errors.at(0).at(1).toString();
    QVERIFY(!message.isEmpty());
    QVERIFY2(errors.at(0).at(0).toString().contains(QLatin1String("garbage.pcap")),
             qPrintable(errors.at(0).at(0).toString()));
    // The box is on screen, not blocking, with the reader's sentence.
    QMessageBox *box = w.findChild<QMessageBox *>(QStringLiteral("errorMessageBox"));
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QCOMPARE(box->text(), message);
    box->close();
    QCOMPARE(w.packetModel()->rowCount(), 0);
}

// A pcap file with two Ethernet frames, the second cut short.
static QByteArray truncatedPcap()
{
    QByteArray file;
    auto le32 = [&file](quint32 v) {
        for (int i = 0; i < 4; ++i)
            file.append(char(v >> (8 * i)));
    };
    auto le16 = [&file](quint16 v) {
        file.append(char(v));
        file.append(char(v >> 8));
    };
    le32(0xa1b2c3d4);
    le16(2);
    le16(4);
    le32(0);
    le32(0);
    le32(65535);
    le32(1); // Ethernet
    QByteArray frame(60, '\0');
    frame[12] = char(0x08); // IPv4 with a zero header: malformed, but a packet
    for (int i = 0; i < 2; ++i) {
        le32(1700000000 + i);
        le32(0);
        le32(quint32(frame.size()));
        le32(quint32(frame.size()));
        file.append(frame);
    }
    file.chop(30);
    return file;
}

void tst_MainWindow::aTruncatedFileKeepsThePacketsReadBeforeTheDamage()
{
    const QString path = m_dir.filePath(QStringLiteral("truncated.pcap"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(truncatedPcap());
    f.close();

    MainWindow w;
    w.show();
    QSignalSpy errors(&w, &MainWindow::errorShown);
    QVERIFY(!w.openFile(path));
    QCOMPARE(errors.count(), 1);
    QCOMPARE(w.packetModel()->rowCount(), 1);
    QVERIFY(!errors.at(0).at(1).toString().isEmpty());
    if (QMessageBox *box = w.findChild<QMessageBox *>(QStringLiteral("errorMessageBox")))
        box->close();
}

void tst_MainWindow::aSavedCaptureDroppedOnTheWindowOpensWithEveryPacket()
{
    const QString path = m_dir.filePath(QStringLiteral("handshake.pcapng"));
    {
        MainWindow w;
        w.session()->appendPackets(testing::handshakeAndData(1'700'000'000'000'000'000), LinkType::Ethernet);
        QCOMPARE(w.packetModel()->rowCount(), 8);
        QVERIFY(w.saveFile(path));
    }
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(400, 300), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&w, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(400, 300), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&w, &drop);
    QTRY_COMPARE(w.packetModel()->rowCount(), 8);
    QCOMPARE(w.packetModel()
                 ->index(3, PacketListModel::InfoColumn)
                 .data()
                 .toString()
                 .contains(QLatin1String("Len=3")),
             true);
    QCOMPARE(w.currentPacket(), 0); // a file opens at its first packet
    QVERIFY(w.windowTitle().contains(QLatin1String("handshake.pcapng")));
    // And it is in File > Open Recent.
    QMenu *recent = w.findChild<QMenu *>(QStringLiteral("menuRecent"));
    QVERIFY(recent);
    QVERIFY(recent->actions().first()->text().contains(QLatin1String("handshake.pcapng")));

    // A text file dropped on the window is not taken.
    QMimeData other;
    other.setUrls({QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("notes.txt")))});
    QDragEnterEvent refuse(QPoint(400, 300), Qt::CopyAction, &other, Qt::LeftButton, Qt::NoModifier);
    refuse.setAccepted(false);
    QCoreApplication::sendEvent(&w, &refuse);
    QVERIFY(!refuse.isAccepted());
}

void tst_MainWindow::theListFollowsLivePacketsUntilTheUserScrollsUp()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QScrollBar *bar = w.packetView()->verticalScrollBar();
    std::int64_t t = 1'700'000'000'000'000'000;
    auto batch = [&t](int n) {
        std::vector<CapturedPacket> packets;
        for (int i = 0; i < n; ++i, t += 100'000)
            packets.push_back(testing::packet(t, testing::udpFrame(1, 4000, 2, 8801, "live")));
        return packets;
    };
    for (int i = 0; i < 5; ++i)
        w.session()->appendPackets(batch(100), LinkType::Ethernet);
    QTRY_VERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum()); // following: the newest packet is in view

    // The student scrolls up to look at something: new packets must not yank the list away.
    bar->setValue(bar->maximum() / 2);
    const int kept = bar->value();
    w.session()->appendPackets(batch(100), LinkType::Ethernet);
    QTest::qWait(50);
    QCOMPARE(bar->value(), kept);
    QVERIFY(bar->value() < bar->maximum());

    // Back at the bottom, it follows again.
    bar->setValue(bar->maximum());
    w.session()->appendPackets(batch(100), LinkType::Ethernet);
    QTRY_COMPARE(bar->value(), bar->maximum());
    QCOMPARE(w.packetModel()->rowCount(), 700);
}

void tst_MainWindow::switchingToGermanTranslatesTheMenusAtOnce()
{
    MainWindow w;
    w.show();
    QMenu *file = w.findChild<QMenu *>(QStringLiteral("menuFile"));
    QCOMPARE(file->title(), QStringLiteral("&File"));
    QAction *german = w.findChild<QAction *>(QStringLiteral("languageGermanAction"));
    QVERIFY(german);
    german->trigger();
    QTRY_COMPARE(file->title(), QStringLiteral("&Datei"));
    QCOMPARE(w.findChild<QMenu *>(QStringLiteral("menuSettings"))->title(), QStringLiteral("&Einstellungen"));
    QCOMPARE(w.packetModel()->headerData(PacketListModel::SourceColumn, Qt::Horizontal).toString(),
             QStringLiteral("Quelle"));
    QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("de"));
    // The labs' own texts switch too.
    QVERIFY(w.registry().find(QStringLiteral("tcp-udp")));
    w.setLanguage(QStringLiteral("en"));
    QTRY_COMPARE(file->title(), QStringLiteral("&File"));
}

void tst_MainWindow::theLayoutIsRemembered()
{
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.setZoom(2);
        w.close();
    }
    QSettings settings;
    QVERIFY(!settings.value(QStringLiteral("window/geometry")).toByteArray().isEmpty());
    QVERIFY(!settings.value(QStringLiteral("window/state")).toByteArray().isEmpty());
    MainWindow again;
    QCOMPARE(again.zoom(), 2);
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
