// SPDX-License-Identifier: GPL-3.0-or-later
// The TLS views of the main window over the real TLS lab (real OpenSSL endpoints, their key log events,
// the capture of whichever network the system allows): the packet list's Protocol and Info equal what
// `tshark -2` writes for the same frames of the file we saved (with its Decryption Secrets Block); the
// ClientHello's fields carry plain-language notes shown under the details and highlight their bytes;
// decrypted handshake fields switch the hex view to the decrypted bytes; the key schedule shows its
// steps and both Finished checks pass; Save As writes a DSB that tshark decrypts with no options; File >
// Export TLS Session Keys writes the NSS key log that decrypts the same capture saved without the DSB.

#include "capture/capturefile.h"
#include "capture/livecapture.h"
#include "capturesession.h"
#include "detailsmodel.h"
#include "dissect/tlsanalysis.h"
#include "hexview.h"
#include "keyscheduleview.h"
#include "lab/labcontroller.h"
#include "mainwindow.h"
#include "packetlistmodel.h"
#include "tlsflows.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

#include <map>
#include <memory>

using namespace wirelab;

class tst_TlsUi final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void protocolAndInfoAsTshark();
    void labelsForTheLadder();
    void clientHelloFieldsHaveNotes();
    void decryptedFieldsShowDecryptedBytes();
    void keyScheduleAndFinished();
    void saveAsWritesTheSecretsBlock();
    void exportTheKeyLog();
    void incrementalEqualsWholeAndLateKeysDecrypt();
    void cleanupTestCase();

private:
    QStringList tshark(const QStringList &args);
    // First frame (1-based) of a connection's handshake message of that type, 0 when none.
    std::uint32_t frameOf(const TlsConnectionResult &c, std::uint8_t type, TlsDirection dir) const;
    const TlsConnectionResult *connection(std::uint16_t version, bool resumed) const;
    QModelIndex findField(const QByteArray &abbrev, int source = -2) const;

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    QString m_tshark;
};

void tst_TlsUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    qputenv("WIRELAB_TLS_CA_DIR", m_dir.filePath(QStringLiteral("ca")).toLocal8Bit());
    m_tshark = QStandardPaths::findExecutable(QStringLiteral("tshark"));
    m_window = std::make_unique<MainWindow>();
    MainWindow &w = *m_window;
    w.resize(1600, 1000);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.selectLab(QStringLiteral("tls"));
    QVERIFY2(w.startLab(QStringLiteral("tls")), qPrintable(w.controller()->errorString()));
    QVERIFY2(QTest::qWaitFor([&] { return w.controller()->state() == LabController::State::Running; }, 30000),
             qPrintable(w.controller()->errorString()));
    int failed = 0;
    runLabHeadless(*w.controller(), 30000, [&failed](const HeadlessReport &r) {
        if (!r.result.passed && !r.result.skipped)
            ++failed;
    });
    w.controller()->stop();
    QVERIFY2(w.controller()->captureProblem().isEmpty(), qPrintable(w.controller()->captureProblem()));
    QCOMPARE(failed, 0);
    w.tlsIndex()->update(*w.session(), true);
    QTest::qWait(600); // the packet list's poll picks up the analysis' generation
    qInfo("%zu packets, %zu TLS connections, %zu key log lines", w.session()->store().size(),
          w.tlsIndex()->analysis().connections().size(), w.tlsIndex()->keyLog().entries().size());
    QVERIFY(w.tlsIndex()->analysis().connections().size() >= 10);
    QVERIFY(w.tlsIndex()->hasKeys());
}

void tst_TlsUi::cleanupTestCase()
{
    m_window.reset();
}

QStringList tst_TlsUi::tshark(const QStringList &args)
{
    QProcess p;
    p.start(m_tshark, args);
    if (!p.waitForFinished(60000))
        return {};
    return QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

std::uint32_t tst_TlsUi::frameOf(const TlsConnectionResult &c, std::uint8_t type, TlsDirection dir) const
{
    const TlsHandshakeMessage *m = c.handshake(type, dir);
    return m ? m->lastFrame : 0;
}

const TlsConnectionResult *tst_TlsUi::connection(std::uint16_t version, bool resumed) const
{
    for (const TlsConnectionResult &c : m_window->tlsIndex()->analysis().connections())
        if (c.version == version && c.resumed == resumed && c.keysFound && c.fullyDecrypted() && !c.alerts.empty())
            return &c;
    return nullptr;
}

QModelIndex tst_TlsUi::findField(const QByteArray &abbrev, int source) const
{
    const DetailsModel *m = m_window->detailsModel();
    std::vector<QModelIndex> stack;
    for (int r = m->rowCount() - 1; r >= 0; --r)
        stack.push_back(m->index(r, 0));
    // Depth first, in row order.
    while (!stack.empty()) {
        const QModelIndex i = stack.back();
        stack.pop_back();
        if (i.data(DetailsModel::AbbrevRole).toByteArray() == abbrev
            && (source == -2 || i.data(DetailsModel::SourceRole).toInt() == source
                || (source == -3 && i.data(DetailsModel::SourceRole).toInt() >= 0)))
            return i;
        for (int r = m->rowCount(i) - 1; r >= 0; --r)
            stack.push_back(m->index(r, 0, i));
    }
    return {};
}

// Every frame tshark (two passes, as Wireshark's window) names TLS gets our Protocol and Info; frames it
// shows as HTTP (decrypted application data it dissected further) are TLS Application Data for us.
void tst_TlsUi::protocolAndInfoAsTshark()
{
    if (m_tshark.isEmpty())
        QSKIP("tshark is not installed");
    const QString path = m_dir.filePath(QStringLiteral("compare.pcapng"));
    QVERIFY(m_window->saveFile(path));
    const QStringList lines = tshark({QStringLiteral("-2"), QStringLiteral("-r"), path, QStringLiteral("-Y"), QStringLiteral("tls"),
                                      QStringLiteral("-T"), QStringLiteral("fields"), QStringLiteral("-e"), QStringLiteral("frame.number"),
                                      QStringLiteral("-e"), QStringLiteral("_ws.col.Protocol"), QStringLiteral("-e"), QStringLiteral("_ws.col.Info")});
    QVERIFY(lines.size() > 100);
    const PacketListModel *list = m_window->packetModel();
    int compared = 0, tls12 = 0, tls13 = 0, http = 0, replayed = 0;
    QStringList mismatches;
    // The early-data replay step sends one ClientHello twice: two connections with one client random,
    // whose keys the key log (one secret per label and client random) cannot tell apart. tshark then takes
    // other keys than we do (ours pass the AEAD tag); those frames are not compared.
    const TlsAnalysis &a = m_window->tlsIndex()->analysis();
    std::map<QByteArray, int> randoms;
    for (const TlsConnectionResult &c : a.connections())
        ++randoms[c.clientRandom];
    for (const QString &line : lines) {
        const QStringList f = line.split(QLatin1Char('\t'));
        if (f.size() < 3)
            continue;
        const int row = f[0].toInt() - 1;
        const TlsConnectionResult *c = a.connectionForFrame(std::uint32_t(row + 1));
        if (c && randoms[c->clientRandom] > 1) {
            ++replayed;
            continue;
        }
        const QString protocol = list->index(row, PacketListModel::ProtocolColumn).data().toString();
        const QString info = list->index(row, PacketListModel::InfoColumn).data().toString();
        if (f[1] == QLatin1String("HTTP")) {
            ++http;
            if (!protocol.startsWith(QLatin1String("TLSv1")) || !info.contains(QLatin1String("Application Data")))
                mismatches << QStringLiteral("#%1 tshark HTTP, ours %2 %3").arg(f[0], protocol, info);
            continue;
        }
        ++compared;
        tls12 += f[1] == QLatin1String("TLSv1.2");
        tls13 += f[1] == QLatin1String("TLSv1.3");
        if (protocol != f[1] || info != f[2].trimmed())
            mismatches << QStringLiteral("#%1 tshark %2 \"%3\", ours %4 \"%5\"").arg(f[0], f[1], f[2], protocol, info);
    }
    qInfo("compared %d TLS frames (%d TLSv1.2, %d TLSv1.3) and %d decrypted HTTP frames; %d frames of replayed "
          "connections left out", compared, tls12, tls13, http, replayed);
    QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));
    QVERIFY(tls12 > 10);
    QVERIFY(tls13 > 10);
    QVERIFY(http > 5);
    // The details' record lines, as `tshark -2 -V` writes them (application data that tshark names by the
    // protocol inside, "Hypertext Transfer Protocol", aside).
    QProcess verbose;
    verbose.start(m_tshark, {QStringLiteral("-2"), QStringLiteral("-r"), path, QStringLiteral("-V"), QStringLiteral("-Y"), QStringLiteral("tls")});
    QVERIFY(verbose.waitForFinished(120000));
    std::map<int, QStringList> theirs;
    int current = 0;
    static const QRegularExpression frameLine(QStringLiteral("^Frame (\\d+):"));
    for (const QString &l : QString::fromUtf8(verbose.readAllStandardOutput()).split(QLatin1Char('\n'))) {
        if (const auto m = frameLine.match(l); m.hasMatch())
            current = m.captured(1).toInt();
        else if (l.startsWith(QLatin1String("    TLS")) && l.contains(QLatin1String(" Record Layer: ")))
            theirs[current] << l.trimmed();
    }
    int recordLines = 0;
    for (const auto &[frame, labels] : theirs) {
        const TlsConnectionResult *c = a.connectionForFrame(std::uint32_t(frame));
        if (!c || randoms[c->clientRandom] > 1)
            continue;
        const TlsAnalysis::Layer layer = a.layer(std::uint32_t(frame), 1 << 16);
        QStringList ours;
        for (const ProtoField &r : layer.tree.children)
            ours << r.label;
        if (ours.size() != labels.size()) {
            mismatches << QStringLiteral("#%1 tshark [%2], ours [%3]").arg(frame).arg(labels.join(QLatin1String("; ")), ours.join(QLatin1String("; ")));
            continue;
        }
        for (int i = 0; i < labels.size(); ++i) {
            if (labels[i].contains(QLatin1String("Application Data Protocol: ")) && !labels[i].endsWith(QLatin1String(": Application Data")))
                continue;
            ++recordLines;
            if (labels[i] != ours[i])
                mismatches << QStringLiteral("#%1 tshark \"%2\", ours \"%3\"").arg(frame).arg(labels[i], ours[i]);
        }
    }
    qInfo("compared %d record lines of the details", recordLines);
    QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));
    QVERIFY(recordLines > 100);
    // An alert in plain words, as tshark writes it: the unknown-CA step's client alert.
    bool unknownCa = false;
    for (int row = 0; row < list->rowCount(); ++row)
        unknownCa = unknownCa || list->index(row, PacketListModel::InfoColumn).data().toString()
                                     == QLatin1String("Alert (Level: Fatal, Description: Unknown CA)");
    QVERIFY(unknownCa);
}

void tst_TlsUi::labelsForTheLadder()
{
    const TlsAnalysis &a = m_window->tlsIndex()->analysis();
    for (const std::uint16_t version : {std::uint16_t(0x0303), std::uint16_t(0x0304)}) {
        const TlsConnectionResult *c = connection(version, false);
        QVERIFY(c);
        const std::uint32_t ch = frameOf(*c, 1, TlsDirection::ClientToServer);
        const std::uint32_t sh = frameOf(*c, 2, TlsDirection::ServerToClient);
        QVERIFY(ch && sh);
        QCOMPARE(a.packetLabel(ch), QStringLiteral("ClientHello"));
        QVERIFY2(a.packetLabel(sh).startsWith(QLatin1String("ServerHello")), qPrintable(a.packetLabel(sh)));
        QCOMPARE(a.frame(ch)->encrypted, false);
        // The client's first application data: decrypted, with its size.
        const TlsRecord *app = c->firstApplicationData(TlsDirection::ClientToServer);
        QVERIFY(app);
        const TlsFrameInfo *f = a.frame(app->lastFrame);
        QVERIFY(f);
        QVERIFY(f->encrypted && f->decrypted);
        QVERIFY2(QRegularExpression(QStringLiteral("App Data \\d+(\\.\\d)? (B|KB) \\[decrypted\\]")).match(f->label).hasMatch(),
                 qPrintable(f->label));
        QCOMPARE(a.connectionForFrame(ch), c);
    }
    // TLS 1.3: ServerHello, ChangeCipherSpec, EncryptedExtensions, Certificate... in one frame, shortened.
    const TlsConnectionResult *c13 = connection(0x0304, false);
    const QString label = a.packetLabel(frameOf(*c13, 2, TlsDirection::ServerToClient));
    QVERIFY2(label.contains(QStringLiteral("…")), qPrintable(label));
}

void tst_TlsUi::clientHelloFieldsHaveNotes()
{
    MainWindow &w = *m_window;
    struct Want
    {
        std::uint16_t version;
        bool resumed;
        std::vector<QByteArray> fields;
    };
    const Want wants[] = {
        {0x0304, false,
         {"tls.handshake.random", "tls.handshake.cipher_suites_length", "tls.handshake.ciphersuite",
          "tls.handshake.extensions_server_name", "tls.handshake.extensions.supported_version",
          "tls.handshake.extensions_key_share_group", "tls.handshake.extensions_key_share_key_exchange",
          "tls.handshake.sig_hash_alg", "tls.handshake.session_id", "tls.handshake.extensions_supported_group",
          "tls.handshake.extension.type", "tls.handshake.extension.len", "tls.handshake.extensions_server_name_len"}},
        {0x0304, true, {"tls.handshake.extensions.psk.identity.identity", "tls.handshake.extensions.psk.identity.obfuscated_ticket_age",
                        "tls.handshake.extensions.psk.binders"}},
    };
    for (const Want &want : wants) {
        const TlsConnectionResult *c = connection(want.version, want.resumed);
        QVERIFY(c);
        const std::uint32_t frame = frameOf(*c, 1, TlsDirection::ClientToServer);
        w.selectPacket(int(frame) - 1);
        const QByteArray bytes = w.hexView()->bytes();
        std::vector<QByteArray> fields = want.fields;
        if (!c->alpnOffered.isEmpty()) // the lab's client offers ALPN only when configured to
            fields.push_back("tls.handshake.extensions_alpn_str");
        // Every node of the ClientHello explains itself.
        const QModelIndex hello = findField("tls.handshake", -1);
        QVERIFY(hello.isValid());
        int nodes = 0;
        std::vector<QModelIndex> stack{hello};
        while (!stack.empty()) {
            const QModelIndex i = stack.back();
            stack.pop_back();
            ++nodes;
            QVERIFY2(!i.data(DetailsModel::NoteRole).toString().isEmpty(), qPrintable(i.data().toString()));
            for (int r = 0; r < w.detailsModel()->rowCount(i); ++r)
                stack.push_back(w.detailsModel()->index(r, 0, i));
        }
        QVERIFY(nodes > 40);
        for (const QByteArray &abbrev : fields) {
            const QModelIndex i = findField(abbrev, -1);
            QVERIFY2(i.isValid(), abbrev.constData());
            const QString note = i.data(DetailsModel::NoteRole).toString();
            QVERIFY2(note.size() > 20, abbrev.constData());
            QVERIFY(i.data(Qt::ToolTipRole).toString().contains(note));
            w.detailsView()->setCurrentIndex(i);
            QVERIFY(w.fieldNoteLabel()->isVisible());
            QCOMPARE(w.fieldNoteLabel()->text(), note);
            // The field's bytes are highlighted in the packet's own bytes.
            const int offset = i.data(DetailsModel::OffsetRole).toInt(), length = i.data(DetailsModel::LengthRole).toInt();
            QVERIFY2(length > 0, abbrev.constData());
            QCOMPARE(w.hexView()->bytes(), bytes);
            QCOMPARE(w.hexView()->highlightOffset(), offset);
            QCOMPARE(w.hexView()->highlightLength(), length);
            if (abbrev == "tls.handshake.random")
                QCOMPARE(bytes.mid(offset, length), c->clientRandom);
        }
    }
}

void tst_TlsUi::decryptedFieldsShowDecryptedBytes()
{
    MainWindow &w = *m_window;
    const TlsConnectionResult *c = connection(0x0304, false);
    QVERIFY(c);
    // The server's Finished: encrypted on the wire, its verify_data read from the decrypted bytes.
    const TlsHandshakeMessage *fin = c->handshake(20, TlsDirection::ServerToClient);
    QVERIFY(fin && fin->encrypted);
    QByteArray captured;
    for (const TlsFinishedCheck &f : c->keySchedule.finished)
        if (f.direction == TlsDirection::ServerToClient)
            captured = f.captured;
    QVERIFY(!captured.isEmpty());
    w.selectPacket(int(fin->lastFrame) - 1);
    const QByteArray packet = w.hexView()->bytes();
    QVERIFY(!packet.contains(captured)); // not in the clear
    const QModelIndex verify = findField("tls.handshake.verify_data", -3);
    QVERIFY(verify.isValid());
    QVERIFY(!verify.data(DetailsModel::NoteRole).toString().isEmpty());
    w.detailsView()->setCurrentIndex(verify);
    const int source = verify.data(DetailsModel::SourceRole).toInt();
    const QByteArray shown = w.hexView()->bytes();
    QCOMPARE(shown, w.detailsModel()->bytesSource(source));
    QVERIFY(shown.contains(fin->bytes));
    const int offset = verify.data(DetailsModel::OffsetRole).toInt(), length = verify.data(DetailsModel::LengthRole).toInt();
    QCOMPARE(w.hexView()->highlightOffset(), offset);
    QCOMPARE(w.hexView()->highlightLength(), length);
    QCOMPARE(shown.mid(offset, length), captured);
    QVERIFY(w.fieldNoteLabel()->text().contains(QLatin1String("Decrypted TLS")));
    // A click on a decrypted byte selects the field there; a field outside brings the packet back.
    QVERIFY(w.detailsModel()->indexForByte(offset, source) == verify);
    w.detailsView()->setCurrentIndex(findField("tcp.srcport"));
    QCOMPARE(w.hexView()->bytes(), packet);
}

void tst_TlsUi::keyScheduleAndFinished()
{
    MainWindow &w = *m_window;
    for (const std::uint16_t version : {std::uint16_t(0x0304), std::uint16_t(0x0303)}) {
        const TlsConnectionResult *c = connection(version, false);
        QVERIFY(c);
        w.selectPacket(int(frameOf(*c, 1, TlsDirection::ClientToServer)) - 1);
        const KeyScheduleView *k = w.keyScheduleView();
        QCOMPARE(k->stepCount(), int(c->keySchedule.steps.size()));
        QVERIFY(k->stepCount() >= (version == 0x0304 ? 6 : 2));
        QCOMPARE(k->finishedCount(), 2);
        QCOMPARE(k->finishedMatches(), 2);
        QVERIFY(k->summaryText().contains(c->cipherSuiteName));
        if (version == 0x0304)
            QVERIFY2(k->limitsText().contains(QLatin1String("(EC)DHE")), qPrintable(k->limitsText()));
        // The first step's output as hex in the row.
        const QTreeWidgetItem *first = k->tree()->topLevelItem(0)->child(0);
        QCOMPARE(first->text(1), QString::fromLatin1(c->keySchedule.steps.front().output.toHex(' ')));
        QCOMPARE(first->child(0)->text(0), QStringLiteral("= ") + c->keySchedule.steps.front().formula);
    }
    // A packet of no TLS connection: the hint.
    w.selectPacket(0);
    QCOMPARE(w.keyScheduleView()->stepCount(), 0);
}

void tst_TlsUi::saveAsWritesTheSecretsBlock()
{
    if (m_tshark.isEmpty())
        QSKIP("tshark is not installed");
    MainWindow &w = *m_window;
    const QString path = m_dir.filePath(QStringLiteral("saved.pcapng"));
    QVERIFY(w.saveFile(path));
    QVERIFY2(w.statusBar()->currentMessage().contains(QLatin1String("Decryption Secrets Block")),
             qPrintable(w.statusBar()->currentMessage()));
    // No options: the keys come from the file.
    const QStringList types = tshark({QStringLiteral("-r"), path, QStringLiteral("-Y"), QStringLiteral("tls.handshake"),
                                      QStringLiteral("-T"), QStringLiteral("fields"), QStringLiteral("-e"), QStringLiteral("tls.handshake.type")});
    std::map<int, int> count;
    for (const QString &line : types)
        for (const QString &t : line.split(QLatin1Char(',')))
            ++count[t.toInt()];
    // ClientHello, ServerHello, NewSessionTicket, Certificate, Finished; EncryptedExtensions (8) and
    // CertificateVerify (15) only exist decrypted.
    for (const int t : {1, 2, 4, 8, 11, 15, 20})
        QVERIFY2(count[t] > 0, qPrintable(QStringLiteral("handshake type %1 not seen").arg(t)));
    const QStringList http = tshark({QStringLiteral("-r"), path, QStringLiteral("-Y"), QStringLiteral("http.request"),
                                     QStringLiteral("-T"), QStringLiteral("fields"), QStringLiteral("-e"), QStringLiteral("http.request.uri")});
    QVERIFY2(http.size() >= 8, qPrintable(http.join(QLatin1Char(' '))));
    QVERIFY(http.contains(QStringLiteral("/hello")));
}

void tst_TlsUi::exportTheKeyLog()
{
    MainWindow &w = *m_window;
    QVERIFY(w.exportTlsKeysAction()->isEnabled());
    QCOMPARE(w.exportTlsKeysAction()->text(), QStringLiteral("Export TLS Session &Keys..."));
    const QString keys = m_dir.filePath(QStringLiteral("keys.txt"));
    QVERIFY(w.exportTlsKeys(keys));
    QFile f(keys);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    TlsKeyLog parsed;
    int bad = 0;
    QCOMPARE(parsed.addText(text, &bad), int(w.tlsIndex()->keyLog().entries().size()));
    QCOMPARE(bad, 0);
    QVERIFY(text.contains("CLIENT_HANDSHAKE_TRAFFIC_SECRET ") && text.contains("CLIENT_RANDOM "));
    if (m_tshark.isEmpty())
        QSKIP("tshark is not installed");
    // The same capture without the block: opaque to tshark, until the exported key log is given.
    const QString bare = m_dir.filePath(QStringLiteral("bare.pcapng"));
    QString error;
    QVERIFY2(writePcapng(bare, w.session()->store(), &error), qPrintable(error));
    const QStringList args = {QStringLiteral("-r"), bare, QStringLiteral("-Y"), QStringLiteral("http.request"),
                              QStringLiteral("-T"), QStringLiteral("fields"), QStringLiteral("-e"), QStringLiteral("http.request.uri")};
    QCOMPARE(tshark(args).size(), 0);
    const QStringList decrypted = tshark(QStringList{QStringLiteral("-o"), QStringLiteral("tls.keylog_file:") + keys} + args);
    QVERIFY2(decrypted.size() >= 8, qPrintable(decrypted.join(QLatin1Char(' '))));
}

// The analysis fed the capture in small batches, the keys only at the end (as a key logged after its records
// were captured): first the records are encrypted and not decrypted, then every frame says what the whole
// analysis of the main window says.
void tst_TlsUi::incrementalEqualsWholeAndLateKeysDecrypt()
{
    const CaptureSession &source = *m_window->session();
    const TlsAnalysis &whole = m_window->tlsIndex()->analysis();
    CaptureSession session;
    session.reset(source.store().defaultLinkType());
    TlsAnalysis a;
    const std::size_t n = source.store().size();
    for (std::size_t from = 0; from < n; from += 7) {
        std::vector<CapturedPacket> batch;
        for (std::size_t i = from; i < std::min(n, from + 7); ++i) {
            const PacketView v = source.store().at(i);
            batch.push_back({v.timeNs, v.originalLength, std::vector<std::uint8_t>(v.bytes.begin(), v.bytes.end()),
                             source.store().comment(i)});
        }
        session.appendPackets(batch, source.store().defaultLinkType());
        a.update(session);
    }
    QCOMPARE(a.connections().size(), whole.connections().size());
    int encrypted = 0;
    for (std::uint32_t f = 1; f <= n; ++f) {
        const TlsFrameInfo *info = a.frame(f);
        QCOMPARE(bool(info), bool(whole.frame(f)));
        if (info && info->encrypted) {
            ++encrypted;
            QVERIFY2(!info->decrypted, qPrintable(QString::number(f)));
        }
    }
    QVERIFY(encrypted > 30);
    QVERIFY(!a.hasKeys());
    for (const LabEvent &e : source.events().all())
        session.events().append(e);
    QVERIFY(a.update(session));
    QVERIFY(a.hasKeys());
    for (std::uint32_t f = 1; f <= n; ++f) {
        QCOMPARE(a.packetProtocol(f), whole.packetProtocol(f));
        QCOMPARE(a.packetInfo(f), whole.packetInfo(f));
        QCOMPARE(a.packetLabel(f), whole.packetLabel(f));
        if (const TlsFrameInfo *info = a.frame(f))
            QCOMPARE(info->decrypted, whole.frame(f)->decrypted);
    }
    QCOMPARE(a.keyLog().toNss(), whole.keyLog().toNss());
}

QTEST_MAIN(tst_TlsUi)
#include "tst_tlsui.moc"
