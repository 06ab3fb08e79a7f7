// SPDX-License-Identifier: GPL-3.0-or-later
// The TLS lab's deterministic mode (tls.deterministic) as a class would use it: two "students" run the whole
// lab headless in the lab network, each with a fresh CA folder of their own, and the two captures
// (dissected and decrypted by core/dissect/tls.h with the endpoints' key log) must show connection N with
// the same ClientHello, ServerHello and Certificate bytes, while the connections of one run keep distinct
// client randoms (the key log tells them apart) and every checkpoint still passes. Host mode adds nothing
// here: the endpoints and the CA are the same code in both modes.
#include "capturesession.h"
#include "dissect/tls.h"
#include "lab/labcontroller.h"
#include "lab/labregistry.h"
#include "labs.h"

#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <memory>

using namespace wirelab;

namespace {

constexpr std::uint8_t kClientHello = 1, kServerHello = 2, kCertificate = 11;

struct Student
{
    QTemporaryDir caDir;
    std::unique_ptr<CaptureSession> session;
    std::map<QString, HeadlessReport> reports;
    std::vector<TlsConnectionResult> connections;
};

} // namespace

class TestTlsLabDeterministic final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyCheckpointPassed();
    void connectionNIsTheSameForBothStudents();
    void connectionsOfOneRunDiffer();

private:
    QString runStudent(Student &s);

    LabRegistry m_registry;
    Student m_students[2];
};

QString TestTlsLabDeterministic::runStudent(Student &s)
{
    if (!s.caDir.isValid())
        return QStringLiteral("no temporary folder");
    if (!LabController::sandboxAvailability().available)
        return QStringLiteral("The lab network is not available: %1").arg(LabController::sandboxAvailability().reason);
    qputenv("WIRELAB_TLS_CA_DIR", s.caDir.filePath(QStringLiteral("ca")).toLocal8Bit());
    const LabDefinition *lab = m_registry.find(QStringLiteral("tls"));
    s.session = std::make_unique<CaptureSession>();
    LabController controller(s.session.get());
    controller.setNetworkMode(NetworkMode::Sandbox);
    QString why;
    if (!controller.start(*lab, {{QStringLiteral("tls.deterministic"), true}}, &why))
        return QStringLiteral("The lab did not start: %1").arg(why);
    runLabHeadless(controller, 30000, [&s](const HeadlessReport &r) {
        s.reports[r.checkpointId] = r;
        qInfo("%s %s: %s", r.result.passed ? "PASS" : "FAIL", qPrintable(r.checkpointId), qPrintable(r.result.evidence));
    });
    controller.stop();
    if (!controller.captureProblem().isEmpty())
        return QStringLiteral("No capture: %1").arg(controller.captureProblem());
    s.connections = dissectTlsSession(*s.session, TlsSecrets{}, true);
    // The deterministic CA lives in its own folder, next to (never in place of) the student's CA.
    if (!QFile::exists(s.caDir.filePath(QStringLiteral("ca/deterministic/root-key.pem"))))
        return QStringLiteral("The deterministic CA is not in <ca dir>/deterministic");
    if (QFile::exists(s.caDir.filePath(QStringLiteral("ca/root-key.pem"))))
        return QStringLiteral("Deterministic mode wrote into the normal CA folder");
    return {};
}

void TestTlsLabDeterministic::initTestCase()
{
    setupAllLabs(m_registry);
    QVERIFY(m_registry.find(QStringLiteral("tls")));
    QVERIFY(m_registry.find(QStringLiteral("tls"))->parameter(QStringLiteral("tls.deterministic")));
    QCOMPARE(m_registry.find(QStringLiteral("tls"))->parameter(QStringLiteral("tls.deterministic"))->defaultValue.toBool(), false);
    for (Student &s : m_students) {
        const QString why = runStudent(s);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        qInfo("%zu packets, %zu TLS connections", s.session->store().size(), s.connections.size());
    }
}

void TestTlsLabDeterministic::everyCheckpointPassed()
{
    const LabDefinition *lab = m_registry.find(QStringLiteral("tls"));
    std::size_t checkpoints = 0;
    for (const LabStep &step : lab->steps)
        checkpoints += step.checkpoints.size();
    for (const Student &s : m_students) {
        QString failed;
        for (const auto &[id, r] : s.reports) {
            if (!r.result.passed)
                failed += id + QStringLiteral(": ") + r.result.evidence + QLatin1Char('\n');
        }
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        QCOMPARE(s.reports.size(), checkpoints);
    }
}

void TestTlsLabDeterministic::connectionNIsTheSameForBothStudents()
{
    const auto &a = m_students[0].connections, &b = m_students[1].connections;
    QVERIFY(a.size() >= 10);
    QCOMPARE(a.size(), b.size());
    int compared = 0, certificates = 0, resumingDiffer = 0, tls13 = 0;
    for (std::size_t n = 0; n < a.size(); ++n) {
        const TlsConnectionResult &x = a[n], &y = b[n];
        const TlsHandshakeMessage *chX = x.handshake(kClientHello, TlsDirection::ClientToServer);
        const TlsHandshakeMessage *chY = y.handshake(kClientHello, TlsDirection::ClientToServer);
        QVERIFY2(chX && chY, qPrintable(QStringLiteral("connection %1 has no ClientHello").arg(n)));
        QCOMPARE(x.version, y.version);
        // A resuming ClientHello carries the ticket (with the server's clock in it) and, in TLS 1.3, the
        // ticket age and a binder over both: these differ by design and are counted, not compared.
        if (x.pskOffered || x.resumed) {
            resumingDiffer += chX->bytes != chY->bytes;
            continue;
        }
        QVERIFY2(chX->bytes == chY->bytes, qPrintable(QStringLiteral("ClientHello of connection %1 differs").arg(n)));
        const TlsHandshakeMessage *shX = x.handshake(kServerHello, TlsDirection::ServerToClient);
        const TlsHandshakeMessage *shY = y.handshake(kServerHello, TlsDirection::ServerToClient);
        QCOMPARE(bool(shX), bool(shY));
        if (shX)
            QVERIFY2(shX->bytes == shY->bytes, qPrintable(QStringLiteral("ServerHello of connection %1 differs").arg(n)));
        const TlsHandshakeMessage *certX = x.handshake(kCertificate, TlsDirection::ServerToClient);
        const TlsHandshakeMessage *certY = y.handshake(kCertificate, TlsDirection::ServerToClient);
        QCOMPARE(bool(certX), bool(certY));
        if (certX) {
            QVERIFY2(certX->bytes == certY->bytes, qPrintable(QStringLiteral("Certificate of connection %1 differs").arg(n)));
            ++certificates;
            tls13 += certX->encrypted; // TLS 1.3: read from the decrypted handshake records
        }
        ++compared;
    }
    qInfo("%d connections compared (%d with a Certificate, %d of them TLS 1.3 decrypted); %d resuming "
          "ClientHellos differ (clock)", compared, certificates, tls13, resumingDiffer);
    // For the record (not asserted): which handshake messages of all connections still differ, by type.
    std::map<int, std::pair<int, int>> byType; // type -> (differ, total)
    for (std::size_t n = 0; n < a.size(); ++n) {
        for (std::size_t i = 0; i < std::min(a[n].handshakes.size(), b[n].handshakes.size()); ++i) {
            auto &t = byType[a[n].handshakes[i].type];
            t.first += a[n].handshakes[i].bytes != b[n].handshakes[i].bytes;
            ++t.second;
        }
    }
    for (const auto &[type, t] : byType)
        qInfo("handshake type %d: %d of %d differ between the students", type, t.first, t.second);
    QVERIFY(compared >= 8);
    QVERIFY(certificates >= 6);
    QVERIFY(tls13 >= 1);
}

void TestTlsLabDeterministic::connectionsOfOneRunDiffer()
{
    for (const Student &s : m_students) {
        QSet<QByteArray> randoms;
        int fresh = 0, decrypted = 0;
        for (const TlsConnectionResult &c : s.connections) {
            QCOMPARE(c.clientRandom.size(), 32);
            if (!c.serverRandom.isEmpty() && c.keysFound)
                ++decrypted;
            // The replay of step 4 resends a recorded ClientHello unchanged: its random repeats on purpose.
            if (!randoms.contains(c.clientRandom))
                ++fresh;
            randoms.insert(c.clientRandom);
        }
        // Every connection the client made has a random of its own: at most the replays repeat one.
        QVERIFY2(fresh >= int(s.connections.size()) - 2,
                 qPrintable(QStringLiteral("%1 distinct client randoms in %2 connections").arg(fresh).arg(s.connections.size())));
        QVERIFY(decrypted >= 8); // the key log, keyed by client random, still finds the keys
    }
}

QTEST_GUILESS_MAIN(TestTlsLabDeterministic)
#include "tst_tlslabdeterministic.moc"
