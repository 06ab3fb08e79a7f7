// SPDX-License-Identifier: GPL-3.0-or-later
#include "tlslab.h"

#include "tlsca.h"
#include "tlsinstance.h"

#include "capture/capturefile.h"
#include "capturesession.h"
#include "lab/labevidence.h"
#include "lab/labregistry.h"
#include "lab/linkparameters.h"
#include "dissect/tcptracker.h"
#include "dissect/tls.h"
#include "store/eventlog.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>

using namespace wirelab;

namespace {

constexpr const char *kContext = "TlsLab";

class TlsLab
{
    Q_DECLARE_TR_FUNCTIONS(TlsLab)
};

LabText text(const char *source)
{
    return labText(kContext, source);
}

CheckResult noCapture(const LabEvidence &e)
{
    return {false, TlsLab::tr("No packets to check: %1").arg(e.captureProblem())};
}

QString ms(std::int64_t ns)
{
    return QString::number(double(ns) / 1e6, 'f', 1);
}

// The last tls.run event of one action: its window and what the instance reported with it.
using RunWindow = LabEvidence::RunWindow;

RunWindow runWindow(const LabEvidence &e, const QString &run)
{
    return e.runWindow(QStringLiteral("tls.run"), run);
}

std::vector<TlsLabConnection> inWindow(const std::vector<TlsLabConnection> &all, const RunWindow &w)
{
    std::vector<TlsLabConnection> out;
    for (const TlsLabConnection &c : all) {
        if (c.clientHelloFrame && c.clientHelloNs >= w.from && c.clientHelloNs <= w.to)
            out.push_back(c);
    }
    return out;
}

// The connections of the whole capture with the endpoints' key log.
// The controller re-checks unfinished steps whenever something arrives (telemetry does every 200 ms), and
// most checkpoints read the same dissection: the last few results are kept, keyed by what they depend on
// (the session and its run, how many packets it holds, the key log and the RSA key).
std::vector<TlsLabConnection> cachedConnections(const LabEvidence &e, const QByteArray &keyLog, const QByteArray &rsaKeyPem = {})
{
    struct Entry
    {
        const CaptureSession *session = nullptr;
        std::int64_t origin = 0; // the first packet's time: a new run in the same session differs
        std::size_t packets = 0;
        QByteArray keyLog, rsaKeyPem;
        std::vector<TlsLabConnection> result;
    };
    static QMutex mutex;
    static std::deque<Entry> cache;
    const std::size_t packets = e.packets().size();
    const std::int64_t origin = e.session().originNs();
    {
        QMutexLocker lock(&mutex);
        for (const Entry &entry : cache) {
            if (entry.session == &e.session() && entry.origin == origin && entry.packets == packets && entry.keyLog == keyLog
                && entry.rsaKeyPem == rsaKeyPem)
                return entry.result;
        }
    }
    std::vector<TlsLabConnection> result = tlsLabConnections(e.session(), keyLog, rsaKeyPem);
    QMutexLocker lock(&mutex);
    cache.push_front({&e.session(), origin, packets, keyLog, rsaKeyPem, result});
    if (cache.size() > 4)
        cache.pop_back();
    return result;
}

std::vector<TlsLabConnection> decrypted(const LabEvidence &e)
{
    return cachedConnections(e, tlsLabKeyLog(e.events()));
}

// One round trip, for counting round trips in time: in the lab network the connection's own TCP handshake
// (SYN -> SYN-ACK -> ACK, measured at the client); in host mode the relay does not delay the handshake, so
// the link's configured delays both ways (from the parameters). 0 when neither is usable.
std::int64_t roundTripNs(const LabEvidence &e, const TlsLabConnection &c, QString *source)
{
    if (!e.hostMode() && c.tcpRttNs > 0) {
        *source = TlsLab::tr("the TCP handshake's %1 ms").arg(ms(c.tcpRttNs));
        return c.tcpRttNs;
    }
    QString why;
    LinkSettings link;
    if (!linkSettingsFromParameters(e.parameters(), &link, &why))
        return 0;
    const std::int64_t ns = std::int64_t(link.clientToServer.delayMs + link.serverToClient.delayMs) * 1000000;
    *source = TlsLab::tr("the link's %1 ms delay both ways (host mode: the relay does not delay TCP handshakes)")
                  .arg(ms(ns));
    return ns;
}

// Round trips to the first application byte: server flights counted in the capture, and the time from
// the ClientHello to the client's first application-data record in round-trip units.
CheckResult checkRoundTrips(const LabEvidence &e, const QString &run, const QString &version, int expectFlights)
{
    if (!e.captureAvailable())
        return noCapture(e);
    const RunWindow w = runWindow(e, run);
    if (!w.found)
        return {false, TlsLab::tr("The %1 connection has not been made yet.").arg(version)};
    const std::vector<TlsLabConnection> conns = inWindow(decrypted(e), w);
    if (conns.empty())
        return {false, TlsLab::tr("No ClientHello in the capture for this connection yet.")};
    const TlsLabConnection &c = conns.front();
    if (c.version != version)
        return {false, TlsLab::tr("The ServerHello in the capture chose %1, not %2.").arg(c.version.isEmpty() ? QStringLiteral("-") : c.version, version)};
    for (const TlsLabConnection::Alert &a : c.alerts) {
        if (a.fromClient && a.level == 2)
            return {false, TlsLab::tr("The client refused the handshake with a fatal %1 alert in frame #%2; check the "
                                      "certificate parameters (cert.san, cert.validity_days).")
                               .arg(tlsAlertName(a.description)).arg(a.frame)};
    }
    if (!c.firstClientAppFrame)
        return {false, TlsLab::tr("No application data from the client in the capture yet (ClientHello in frame #%1).")
                           .arg(c.clientHelloFrame)};
    if (c.serverFlightsBeforeApp != expectFlights)
        return {false, TlsLab::tr("The client waited for %1 server flights before its first application byte; %2 "
                                  "expected for %3.")
                           .arg(c.serverFlightsBeforeApp).arg(expectFlights).arg(version)};
    const std::int64_t elapsed = c.firstClientAppNs - c.clientHelloNs;
    QString source;
    const std::int64_t rtt = roundTripNs(e, c, &source);
    QString result = TlsLab::tr("ClientHello in frame #%1, the client's first application-data record in frame #%2, "
                                "%3 ms later; the client waited for %4 server flight(s) in between.")
                         .arg(c.clientHelloFrame).arg(c.firstClientAppFrame).arg(ms(elapsed)).arg(c.serverFlightsBeforeApp);
    if (c.certificateSeen && c.certificateCount > 0) {
        const QString frames = c.certificateLastFrame > c.certificateFrame
                                   ? TlsLab::tr("frames #%1 to #%2").arg(c.certificateFrame).arg(c.certificateLastFrame)
                                   : TlsLab::tr("frame #%1").arg(c.certificateFrame);
        result += QLatin1Char(' ')
                  + TlsLab::tr("The server's Certificate message (%1 bytes, %2 certificates: the leaf and %3 "
                               "intermediate(s)) came in %4.")
                        .arg(c.certificateBytes).arg(c.certificateCount).arg(c.certificateCount - 1).arg(frames);
    }
    if (rtt >= 10000000) { // at least 10 ms: time is dominated by the link, not the CPU
        const double units = double(elapsed) / double(rtt);
        result += QLatin1Char(' ')
                  + TlsLab::tr("That is %1 round trips, with one round trip = %2.").arg(QString::number(units, 'f', 2), source);
        if (units < expectFlights - 0.5 || units > expectFlights + 0.7)
            return {false, result + QLatin1Char(' ') + TlsLab::tr("Expected about %1.").arg(expectFlights)};
    } else {
        result += QLatin1Char(' ')
                  + TlsLab::tr("The link has no delay, so only the flights count here; set link.delay_ms=50 to see "
                               "them in time.");
    }
    return {true, result};
}

CheckResult checkCompare(const LabEvidence &e)
{
    if (!e.captureAvailable())
        return noCapture(e);
    const std::vector<TlsLabConnection> all = decrypted(e);
    std::int64_t t12 = -1, t13 = -1;
    for (const auto &[run, target] : {std::pair{QString::fromLatin1(TlsLabInstance::Full12), &t12},
                                      std::pair{QString::fromLatin1(TlsLabInstance::Full13), &t13}}) {
        const RunWindow w = runWindow(e, run);
        const std::vector<TlsLabConnection> conns = inWindow(all, w);
        if (!w.found || conns.empty() || !conns.front().firstClientAppFrame)
            return {false, TlsLab::tr("Make both the TLS 1.2 and the TLS 1.3 connection first.")};
        *target = conns.front().firstClientAppNs - conns.front().clientHelloNs;
    }
    if (t13 >= t12)
        return {false, TlsLab::tr("TLS 1.3 took %1 ms to the first application byte, TLS 1.2 %2 ms.").arg(ms(t13), ms(t12))};
    return {true, TlsLab::tr("To the first application byte: TLS 1.2 %1 ms, TLS 1.3 %2 ms (%3% of it).")
                      .arg(ms(t12), ms(t13)).arg(std::lround(100.0 * double(t13) / double(std::max<std::int64_t>(t12, 1))))};
}

// The connections of a resumption run: the full handshake, then the resumed one.
CheckResult checkResumed(const LabEvidence &e, const QString &run, const QString &version)
{
    if (!e.captureAvailable())
        return noCapture(e);
    const RunWindow w = runWindow(e, run);
    if (!w.found)
        return {false, TlsLab::tr("The two %1 connections have not been made yet.").arg(version)};
    const std::vector<TlsLabConnection> conns = inWindow(decrypted(e), w);
    if (conns.size() < 2)
        return {false, TlsLab::tr("%1 of 2 connections in the capture so far.").arg(conns.size())};
    const TlsLabConnection &full = conns[0], &again = conns[1];
    if (full.version != version || again.version != version)
        return {false, TlsLab::tr("The connections used %1 and %2, not %3.").arg(full.version, again.version, version)};
    if (!full.certificateSeen)
        return {false, TlsLab::tr("The first connection shows no Certificate message.")};
    const bool offered = version == QLatin1String("TLS 1.3") ? again.pskOffered : again.ticketOffered;
    if (!offered)
        return {false, TlsLab::tr("The second ClientHello (frame #%1) offered no %2.")
                           .arg(again.clientHelloFrame)
                           .arg(version == QLatin1String("TLS 1.3") ? QStringLiteral("pre_shared_key") : QStringLiteral("session ticket"))};
    if (!again.resumed)
        return {false, TlsLab::tr("The server did not resume the session in the second connection (ClientHello in frame #%1).")
                           .arg(again.clientHelloFrame)};
    if (again.certificateSeen)
        return {false, TlsLab::tr("The resumed connection still carried a Certificate (frame #%1).").arg(again.certificateFrame)};
    QString result =
        version == QLatin1String("TLS 1.3")
            ? TlsLab::tr("Full handshake with the Certificate in frame #%1; the second ClientHello (frame #%2) carried a "
                         "pre_shared_key extension, the server accepted it and sent no Certificate.")
            : TlsLab::tr("Full handshake with the Certificate in frame #%1; the second ClientHello (frame #%2) carried "
                         "the session ticket, and the server went straight from ServerHello to ChangeCipherSpec and "
                         "Finished, without a Certificate.");
    result = result.arg(full.certificateFrame).arg(again.clientHelloFrame);
    if (again.firstClientAppFrame && full.firstClientAppFrame)
        result += QLatin1Char(' ')
                  + TlsLab::tr("ClientHello to first application byte: %1 ms full (%2 server flights), %3 ms resumed "
                               "(%4).")
                        .arg(ms(full.firstClientAppNs - full.clientHelloNs)).arg(full.serverFlightsBeforeApp)
                        .arg(ms(again.firstClientAppNs - again.clientHelloNs)).arg(again.serverFlightsBeforeApp);
    return {true, result};
}

CheckResult checkEarlyData(const LabEvidence &e)
{
    if (!e.captureAvailable())
        return noCapture(e);
    const RunWindow w = runWindow(e, QString::fromLatin1(TlsLabInstance::EarlySend));
    if (!w.found)
        return {false, TlsLab::tr("No 0-RTT connection has been made yet.")};
    const std::vector<TlsLabConnection> conns = inWindow(decrypted(e), w);
    if (conns.size() < 2)
        return {false, TlsLab::tr("%1 of 2 connections in the capture so far.").arg(conns.size())};
    const TlsLabConnection &again = conns.back();
    const bool allowed = e.parameters().value(QStringLiteral("tls.early_data")).toBool();
    if (!allowed) {
        if (again.earlyDataRecords > 0 && again.earlyDataAccepted)
            return {false, TlsLab::tr("The server accepted early data although tls.early_data is off.")};
        return {true, TlsLab::tr("tls.early_data is off: the resumed ClientHello (frame #%1) %2, and the request went "
                                 "after the handshake (frame #%3).")
                          .arg(again.clientHelloFrame)
                          .arg(again.earlyDataOffered ? TlsLab::tr("offered early data but the server refused it")
                                                      : TlsLab::tr("offered no early data"))
                          .arg(again.firstClientAppFrame)};
    }
    if (!again.earlyDataOffered || again.earlyDataRecords == 0)
        return {false, TlsLab::tr("The resumed ClientHello (frame #%1) sent no early data.").arg(again.clientHelloFrame)};
    if (!again.earlyDataAccepted)
        return {false, TlsLab::tr("The server did not accept the early data of frame #%1.").arg(again.clientHelloFrame)};
    return {true, TlsLab::tr("The resumed ClientHello (frame #%1) carried early_data and pre_shared_key, and %2 "
                             "encrypted record(s) of early data followed before any answer from the server; the server "
                             "accepted them (early_data in its EncryptedExtensions).")
                      .arg(again.clientHelloFrame).arg(again.earlyDataRecords)};
}

// One replay run: the connection whose ClientHello repeats an earlier one byte for byte (the same client
// random), and whether the server took its early data: from the capture when its EncryptedExtensions could
// be read (the server's secrets for the replayed connection, logged during the run), and from the server's
// tls.earlydata event, which carries the plaintext it accepted.
struct ReplayFinding
{
    bool found = false, antiReplay = false, accepted = false, earlyDataAllowed = true;
    std::uint32_t originalFrame = 0, replayFrame = 0;
    QString why;
};

ReplayFinding replayFinding(const LabEvidence &e, const QString &run)
{
    ReplayFinding f;
    const RunWindow w = runWindow(e, run);
    if (!w.found) {
        f.why = TlsLab::tr("The replay has not run yet.");
        return f;
    }
    f.antiReplay = w.data.value(QStringLiteral("anti_replay")).toBool();
    f.earlyDataAllowed = w.data.value(QStringLiteral("early_data_allowed"), true).toBool();
    const std::vector<TlsLabConnection> all = cachedConnections(e, tlsLabKeyLog(e.events(), w.from, w.to));
    const TlsLabConnection *replayed = nullptr;
    for (const TlsLabConnection &c : inWindow(all, w)) {
        if (c.replay)
            replayed = &c;
    }
    if (!replayed) {
        f.why = TlsLab::tr("No replayed ClientHello (a repeated client random) in the capture yet.");
        return f;
    }
    for (const TlsLabConnection &c : all) {
        if (c.clientRandom == replayed->clientRandom) {
            f.originalFrame = c.clientHelloFrame;
            break;
        }
    }
    f.found = true;
    f.replayFrame = replayed->clientHelloFrame;
    QString plaintext;
    bool eventAccepted = false;
    for (const LabEvent &event : e.events().all()) {
        if (event.kind == QLatin1String("tls.earlydata") && event.timeNs >= w.from && event.timeNs <= w.to) {
            eventAccepted = true;
            plaintext = event.data.value(QStringLiteral("text")).toString().section(QLatin1Char('\r'), 0, 0);
        }
    }
    f.accepted = eventAccepted;
    if (replayed->encryptedExtensionsSeen && replayed->earlyDataAccepted != eventAccepted) {
        f.why = TlsLab::tr("The capture and the server disagree: EncryptedExtensions %1 early_data, the server %2 early data.")
                    .arg(replayed->earlyDataAccepted ? TlsLab::tr("has") : TlsLab::tr("has no"))
                    .arg(eventAccepted ? TlsLab::tr("read") : TlsLab::tr("read no"));
        f.found = false;
        return f;
    }
    if (eventAccepted)
        f.why = TlsLab::tr("it read \"%1\" again").arg(plaintext);
    else
        f.why = TlsLab::tr("it read nothing of it");
    if (replayed->encryptedExtensionsSeen)
        f.why += QLatin1String("; ") + (replayed->earlyDataAccepted ? TlsLab::tr("early_data in its EncryptedExtensions")
                                                                    : TlsLab::tr("no early_data in its EncryptedExtensions"));
    else if (replayed->earlyDataRecords > 0)
        f.why += QLatin1String("; ") + TlsLab::tr("%1 early-data record(s) in the replayed flight").arg(replayed->earlyDataRecords);
    return f;
}

CheckResult checkReplay(const LabEvidence &e)
{
    if (!e.captureAvailable())
        return noCapture(e);
    QStringList parts;
    bool sawOff = false, sawOn = false;
    for (const QString &run : {QString::fromLatin1(TlsLabInstance::ReplayMain), QString::fromLatin1(TlsLabInstance::ReplayContrast)}) {
        const ReplayFinding f = replayFinding(e, run);
        if (!f.found)
            return {false, f.why};
        if (!f.earlyDataAllowed) {
            // tls.early_data off: the main server takes no 0-RTT at all, replayed or not.
            if (f.accepted)
                return {false, TlsLab::tr("The server accepted replayed early data although it allows none (frame #%1).")
                                   .arg(f.replayFrame)};
            parts << TlsLab::tr("frame #%1 repeats the ClientHello of frame #%2; the server allows no early data, so it "
                                "read nothing of it")
                         .arg(f.replayFrame).arg(f.originalFrame);
            continue;
        }
        if (f.accepted == f.antiReplay)
            return {false, TlsLab::tr("With anti-replay %1 the server %2 the replayed early data (frame #%3).")
                               .arg(f.antiReplay ? TlsLab::tr("on") : TlsLab::tr("off"))
                               .arg(f.accepted ? TlsLab::tr("accepted") : TlsLab::tr("rejected"))
                               .arg(f.replayFrame)};
        (f.antiReplay ? sawOn : sawOff) = true;
        parts << TlsLab::tr("frame #%1 repeats the ClientHello of frame #%2 byte for byte; with anti-replay %3 the "
                            "server %4 its early data (%5)")
                     .arg(f.replayFrame).arg(f.originalFrame)
                     .arg(f.antiReplay ? TlsLab::tr("on") : TlsLab::tr("off"))
                     .arg(f.accepted ? TlsLab::tr("accepted") : TlsLab::tr("rejected"))
                     .arg(f.why);
    }
    // Both settings side by side; with tls.early_data off only the second server takes early data.
    const bool bothExpected = e.parameters().value(QStringLiteral("tls.early_data")).toBool();
    if (bothExpected ? !(sawOn && sawOff) : !(sawOn || sawOff))
        return {false, TlsLab::tr("The replays did not meet one server with anti-replay on and one with it off.")};
    return {true, parts.join(QStringLiteral("; ")) + QLatin1Char('.')};
}

QByteArray leakedKey(const LabEvidence &e)
{
    QByteArray pem;
    for (const LabEvent &event : e.events().all()) {
        if (event.kind == QLatin1String("tls.leak"))
            pem = event.data.value(QStringLiteral("key_pem")).toByteArray();
    }
    return pem;
}

// With the leaked key and no key log: does the run's connection decrypt?
CheckResult checkLeak(const LabEvidence &e, const QString &run, bool expectDecrypted)
{
    if (!e.captureAvailable())
        return noCapture(e);
    const RunWindow w = runWindow(e, run);
    if (!w.found)
        return {false, TlsLab::tr("Make the %1 connection first.").arg(run == QLatin1String(TlsLabInstance::KxRsa)
                                                                           ? QStringLiteral("RSA") : QStringLiteral("ECDHE"))};
    const QByteArray key = leakedKey(e);
    if (key.isEmpty())
        return {false, TlsLab::tr("Leak the server's private key first.")};
    const std::vector<TlsLabConnection> conns = inWindow(cachedConnections(e, {}, key), w);
    if (conns.empty() || conns.front().encryptedRecords == 0)
        return {false, TlsLab::tr("No application data of this connection in the capture yet.")};
    const TlsLabConnection &c = conns.front();
    const QString figures = TlsLab::tr("%1 (%2), ClientHello in frame #%3: %4 of %5 encrypted records decrypted with "
                                       "the leaked private key and no key log.")
                                .arg(c.version, c.cipher).arg(c.clientHelloFrame).arg(c.decryptedRecords).arg(c.encryptedRecords);
    if (expectDecrypted && c.decryptedRecords != c.encryptedRecords)
        return {false, figures};
    if (!expectDecrypted && c.decryptedRecords != 0)
        return {false, figures};
    return {true, figures + QLatin1Char(' ')
                      + (expectDecrypted ? TlsLab::tr("The key alone opened the recorded session: no forward secrecy.")
                                         : TlsLab::tr("The ephemeral key exchange kept it closed: forward secrecy."))};
}

// Step 6: the alert the client sent in one broken-certificate run, with the client's reason in plain words.
CheckResult checkAlert(const LabEvidence &e, const QString &run, int expectDescription)
{
    if (!e.captureAvailable())
        return noCapture(e);
    const RunWindow w = runWindow(e, run);
    if (!w.found)
        return {false, TlsLab::tr("Connect to this server first.")};
    const std::vector<TlsLabConnection> conns = inWindow(decrypted(e), w);
    for (const TlsLabConnection &c : conns) {
        for (const TlsLabConnection::Alert &a : c.alerts) {
            if (!a.fromClient)
                continue;
            const QString reason = w.data.value(QStringLiteral("verify_error")).toString();
            const QString seen = TlsLab::tr("The client sent a %1 alert %2 (%3) in frame #%4%5; its certificate check said: "
                                            "\"%6\".")
                                     .arg(a.level == 2 ? TlsLab::tr("fatal") : TlsLab::tr("warning"))
                                     .arg(a.description).arg(tlsAlertName(a.description)).arg(a.frame)
                                     .arg(a.decrypted ? TlsLab::tr(" (encrypted, read with the key log)") : QString())
                                     .arg(reason);
            if (a.description != expectDescription)
                return {false, seen + QLatin1Char(' ') + TlsLab::tr("Expected %1.").arg(tlsAlertName(expectDescription))};
            return {true, seen};
        }
        if (c.handshakeComplete && c.firstClientAppFrame)
            return {false, TlsLab::tr("The client accepted this certificate (ClientHello in frame #%1) and sent data.")
                               .arg(c.clientHelloFrame)};
    }
    return {false, TlsLab::tr("No alert from the client in the capture yet (%1 connections in the run).").arg(conns.size())};
}

CheckResult checkDecryptAll(const LabEvidence &e)
{
    if (!e.captureAvailable())
        return noCapture(e);
    if (!runWindow(e, QString::fromLatin1(TlsLabInstance::Exchange)).found)
        return {false, TlsLab::tr("Make the exchange first.")};
    const std::vector<TlsLabConnection> all = decrypted(e);
    // A connection may reuse an earlier client random only as step 4's replay (the attacker's copy: the
    // server's new secrets for it share the original's random); anywhere else two connections with one random
    // would make the key log ambiguous, and this check must not wave them through.
    const RunWindow replayWindows[] = {runWindow(e, QString::fromLatin1(TlsLabInstance::ReplayMain)),
                                       runWindow(e, QString::fromLatin1(TlsLabInstance::ReplayContrast))};
    const auto inReplayRun = [&replayWindows](const TlsLabConnection &c) {
        for (const RunWindow &w : replayWindows) {
            if (w.found && c.clientHelloNs >= w.from && c.clientHelloNs <= w.to)
                return true;
        }
        return false;
    };
    int connections = 0, records = 0, replays = 0, unencrypted = 0;
    QStringList missing;
    for (const TlsLabConnection &c : all) {
        if (!c.clientHelloFrame)
            continue;
        if (c.replay) {
            if (!inReplayRun(c))
                return {false, TlsLab::tr("The ClientHello in frame #%1 repeats the client random of an earlier "
                                          "connection outside step 4's replay: the key log cannot tell the two apart.")
                                   .arg(c.clientHelloFrame)};
            ++replays;
            continue;
        }
        if (c.encryptedRecords == 0) {
            ++unencrypted; // a TLS 1.2 handshake refused before ChangeCipherSpec: nothing encrypted, no keys made
            continue;
        }
        ++connections;
        records += c.encryptedRecords;
        if (!c.keyLogCovers)
            missing << TlsLab::tr("ClientHello #%1").arg(c.clientHelloFrame);
        else if (c.decryptedRecords != c.encryptedRecords)
            missing << TlsLab::tr("%1 of %2 records of the connection of ClientHello #%3")
                           .arg(c.encryptedRecords - c.decryptedRecords).arg(c.encryptedRecords).arg(c.clientHelloFrame);
    }
    const int lines = int(tlsLabKeyLog(e.events()).count('\n'));
    if (connections == 0)
        return {false, TlsLab::tr("No TLS connection in the capture yet.")};
    if (!missing.isEmpty())
        return {false, TlsLab::tr("Not decrypted: %1.").arg(missing.mid(0, 5).join(QStringLiteral(", ")))};
    QString result = TlsLab::tr("The endpoints' key log (%1 lines) covers all %2 TLS connections of the capture; all "
                                "%3 encrypted records decrypted in place.")
                         .arg(lines).arg(connections).arg(records);
    if (replays > 0)
        result += QLatin1Char(' ')
                  + TlsLab::tr("%1 replayed connection(s) of step 4 not counted: they reuse an earlier client random.").arg(replays);
    if (unencrypted > 0)
        result += QLatin1Char(' ')
                  + TlsLab::tr("%1 connection(s) ended before anything was encrypted.").arg(unencrypted);
    return {true, result};
}

// The export: the capture written as pcapng with the endpoints' key log, read back block by block.
CheckResult checkExport(const LabEvidence &e)
{
    if (!e.captureAvailable())
        return noCapture(e);
    if (!runWindow(e, QString::fromLatin1(TlsLabInstance::Exchange)).found)
        return {false, TlsLab::tr("Make the exchange first.")};
    const QByteArray keyLog = tlsLabKeyLog(e.events());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tls-lab.pcapng"));
    QString why;
    if (!dir.isValid() || !writePcapng(path, e.packets(), &why, keyLog))
        return {false, TlsLab::tr("The capture could not be written as pcapng: %1").arg(why)};
    const qint64 bytes = QFileInfo(path).size();
    int blocks = 0;
    const QByteArray secrets = readPcapngTlsKeyLog(path, &blocks, &why);
    if (!why.isEmpty())
        return {false, TlsLab::tr("The written pcapng is damaged: %1.").arg(why)};
    if (blocks == 0)
        return {false, TlsLab::tr("The written pcapng has no Decryption Secrets Block.")};
    int connections = 0, covered = 0;
    for (const TlsLabConnection &c : cachedConnections(e, {})) {
        if (c.replay || c.encryptedRecords == 0)
            continue;
        ++connections;
        covered += secrets.contains(c.clientRandom.toHex()) ? 1 : 0;
    }
    if (covered != connections)
        return {false, TlsLab::tr("The secrets block covers %1 of %2 connections.").arg(covered).arg(connections)};
    return {true, TlsLab::tr("Exported as pcapng (%1 bytes, %2 packets): %3 Decryption Secrets Block(s) of type TLSK with "
                             "%4 key log lines, covering the client randoms of all %5 connections, which Wireshark reads "
                             "to decrypt them.")
                      .arg(bytes).arg(e.packets().size()).arg(blocks).arg(secrets.count('\n')).arg(connections)};
}

LabParameter choice(const char *key, const char *label, const char *help, const QString &value,
                    const QStringList &choices, std::vector<LabText> labels)
{
    LabParameter p;
    p.key = QLatin1String(key);
    p.label = text(label);
    p.help = text(help);
    p.type = LabParameter::Type::Choice;
    p.defaultValue = value;
    p.choices = choices;
    p.choiceLabels = std::move(labels);
    return p;
}

LabParameter intParameter(const char *key, const char *label, const char *help, int value, int min, int max)
{
    LabParameter p;
    p.key = QLatin1String(key);
    p.label = text(label);
    p.help = text(help);
    p.type = LabParameter::Type::Int;
    p.defaultValue = value;
    p.minimum = min;
    p.maximum = max;
    return p;
}

LabParameter boolParameter(const char *key, const char *label, const char *help, bool value)
{
    LabParameter p;
    p.key = QLatin1String(key);
    p.label = text(label);
    p.help = text(help);
    p.type = LabParameter::Type::Bool;
    p.defaultValue = value;
    return p;
}

// How many certificates a Certificate handshake message (4-byte header included) carries: TLS 1.2 is a
// 3-byte list length and 3-byte-length certificates; TLS 1.3 adds a request context before the list and
// extensions after each certificate. Bounded by the message; -1 when a length does not fit.
int certificateCount(const QByteArray &message, bool tls13)
{
    const auto *b = reinterpret_cast<const unsigned char *>(message.constData());
    const qsizetype n = message.size();
    qsizetype pos = 4;
    auto u24 = [&](qsizetype at) { return qsizetype(b[at]) << 16 | qsizetype(b[at + 1]) << 8 | qsizetype(b[at + 2]); };
    if (tls13) {
        if (pos + 1 > n)
            return -1;
        pos += 1 + b[pos];
    }
    if (pos + 3 > n)
        return -1;
    const qsizetype end = pos + 3 + u24(pos);
    if (end > n)
        return -1;
    pos += 3;
    int count = 0;
    while (pos < end) {
        if (pos + 3 > end || pos + 3 + u24(pos) > end)
            return -1;
        pos += 3 + u24(pos);
        if (tls13) {
            if (pos + 2 > end)
                return -1;
            pos += 2 + (qsizetype(b[pos]) << 8 | b[pos + 1]);
        }
        ++count;
    }
    return pos == end ? count : -1;
}

} // namespace

namespace wirelab {

QByteArray tlsLabKeyLog(const EventLog &events, std::int64_t preferFrom, std::int64_t preferTo)
{
    // (label, client random) -> line; the first wins, unless a later one was reported in the preferred window.
    std::map<QByteArray, std::pair<QByteArray, bool>> lines;
    std::vector<QByteArray> order;
    for (const LabEvent &event : events.all()) {
        if (event.kind != QLatin1String("tls.keylog"))
            continue;
        const QByteArray line = event.data.value(QStringLiteral("line")).toByteArray().trimmed();
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() != 3 || line.startsWith('#'))
            continue;
        const QByteArray key = parts[0] + ' ' + parts[1].toLower();
        const bool preferred = preferFrom >= 0 && event.timeNs >= preferFrom && event.timeNs <= preferTo;
        auto found = lines.find(key);
        if (found == lines.end()) {
            lines.emplace(key, std::pair{line, preferred});
            order.push_back(key);
        } else if (preferred && !found->second.second) {
            found->second = {line, true};
        }
    }
    QByteArray log;
    for (const QByteArray &key : order)
        log += lines.at(key).first + '\n';
    return log;
}

std::vector<TlsLabConnection> tlsLabConnections(const CaptureSession &session, const QByteArray &keyLog,
                                                const QByteArray &rsaKeyPem)
{
    TlsSecrets secrets;
    secrets.keyLog.addText(keyLog);
    secrets.rsaPrivateKeyPem = rsaKeyPem;
    const std::vector<TlsConnectionResult> results = dissectTlsSession(session, secrets, false);
    const auto &conversations = session.tcp().conversations();
    std::vector<TlsLabConnection> out;
    for (const TlsConnectionResult &r : results) {
        const TlsHandshakeMessage *hello = r.handshake(1, TlsDirection::ClientToServer);
        if (!r.isTls || !hello)
            continue;
        TlsLabConnection c;
        c.conversation = r.conversation;
        if (r.conversation < conversations.size()) {
            const TcpConversation &conv = conversations[r.conversation];
            c.clientPort = conv.clientPort;
            c.serverPort = conv.serverPort;
            c.tcpRttNs = conv.initialRttNs;
        }
        if (r.version)
            c.version = QString::fromLatin1(tlsVersionName(r.version));
        c.cipher = r.cipherSuiteName;
        c.clientHelloFrame = hello->firstFrame;
        c.clientHelloNs = hello->timeNs;
        c.clientRandom = r.clientRandom;
        c.pskOffered = r.pskOffered;
        for (const TlsExtension &x : hello->extensions) {
            if (x.type == 35 && !x.data.isEmpty()) // session_ticket with a ticket in it
                c.ticketOffered = true;
        }
        c.resumed = r.resumed;
        c.earlyDataOffered = r.earlyDataOffered;
        c.earlyDataAccepted = r.earlyDataAccepted;
        c.encryptedExtensionsSeen = r.handshake(8, TlsDirection::ServerToClient) != nullptr;
        if (const TlsHandshakeMessage *cert = r.handshake(11, TlsDirection::ServerToClient)) {
            c.certificateSeen = true;
            c.certificateFrame = cert->firstFrame;
            c.certificateLastFrame = cert->lastFrame;
            c.certificateBytes = int(cert->bytes.size());
            c.certificateCount = certificateCount(cert->bytes, r.version == 0x0304);
        }
        c.handshakeComplete = r.handshake(20, TlsDirection::ClientToServer) && r.handshake(20, TlsDirection::ServerToClient);
        c.encryptedRecords = r.recordsEncrypted;
        c.decryptedRecords = r.recordsDecrypted;
        c.keyLogCovers = !secrets.keyLog.forClientRandom(r.clientRandom).empty();
        for (const TlsHandshakeMessage &m : r.handshakes)
            c.messages << QStringLiteral("%1 %2 #%3")
                              .arg(m.direction == TlsDirection::ClientToServer ? QLatin1Char('C') : QLatin1Char('S'))
                              .arg(QString::fromLatin1(tlsHandshakeTypeName(m.type)))
                              .arg(m.firstFrame);
        for (const TlsAlert &a : r.alerts) {
            if (a.level == 0)
                continue; // encrypted and not decrypted: its contents are unknown
            c.alerts.push_back({a.direction == TlsDirection::ClientToServer, a.level, a.description, a.frame, a.encrypted});
        }

        // Records in the order they were completed on the wire. Early data is what the client sent encrypted
        // before the server said anything. Round trips the client waited for: the server flights before the
        // client's Finished, plus, in TLS 1.2, the server's ChangeCipherSpec + Finished flight that must come
        // after it in a full handshake. (Records the server sends after the client's Finished in TLS 1.3, its
        // NewSessionTickets, are not waited for: in host mode the capture, on the relay's side, can show them
        // before the client's request.)
        std::vector<const TlsRecord *> records;
        for (const TlsRecord &rec : r.records)
            records.push_back(&rec);
        std::stable_sort(records.begin(), records.end(),
                         [](const TlsRecord *a, const TlsRecord *b) { return a->lastFrame < b->lastFrame; });
        const bool tls13 = r.version == 0x0304;
        bool serverSpoke = false, clientFinished = false, lastWasServer = false, serverCcsAfterFinished = false;
        int serverFlights = 0;
        for (const TlsRecord *rec : records) {
            const bool fromClient = rec->direction == TlsDirection::ClientToServer;
            if (!fromClient) {
                if (!clientFinished && !lastWasServer)
                    ++serverFlights;
                if (clientFinished && rec->contentType == kTlsChangeCipherSpec)
                    serverCcsAfterFinished = true;
                lastWasServer = true;
                serverSpoke = true;
                continue;
            }
            lastWasServer = false;
            const bool decryptedRecord = rec->status == TlsDecryptStatus::Decrypted;
            // Encrypted before the server said anything, or with the early keys: 0-RTT (EndOfEarlyData,
            // a handshake message under the same keys, is not early data).
            if (rec->contentType == kTlsApplicationData && (!serverSpoke || (tls13 && rec->epoch == 1))) {
                if (!decryptedRecord || rec->innerContentType == kTlsApplicationData)
                    ++c.earlyDataRecords;
                continue;
            }
            if (!clientFinished) {
                // TLS 1.2: the Finished is the encrypted handshake record after the client's ChangeCipherSpec;
                // TLS 1.3: the first encrypted record after the server's flight (read or not).
                if (tls13 ? rec->contentType == kTlsApplicationData
                               && (!decryptedRecord || rec->innerContentType == kTlsHandshake)
                          : rec->contentType == kTlsHandshake && rec->encrypted)
                    clientFinished = true;
                continue;
            }
            const bool application = decryptedRecord ? rec->innerContentType == kTlsApplicationData
                                                      : rec->contentType == kTlsApplicationData;
            if (application) {
                c.firstClientAppFrame = rec->firstFrame;
                c.firstClientAppNs = rec->timeNs;
                c.serverFlightsBeforeApp = serverFlights + (!tls13 && serverCcsAfterFinished ? 1 : 0);
                break;
            }
        }
        if (c.firstClientAppFrame && !c.handshakeComplete)
            c.handshakeComplete = true; // the client only sends application data after its Finished
        for (const TlsLabConnection &earlier : out) {
            if (!c.clientRandom.isEmpty() && earlier.clientRandom == c.clientRandom)
                c.replay = true;
        }
        out.push_back(std::move(c));
    }
    return out;
}

QString tlsAlertName(int description)
{
    switch (description) {
    case 0: return QStringLiteral("close_notify");
    case 10: return QStringLiteral("unexpected_message");
    case 20: return QStringLiteral("bad_record_mac");
    case 40: return QStringLiteral("handshake_failure");
    case 42: return QStringLiteral("bad_certificate");
    case 43: return QStringLiteral("unsupported_certificate");
    case 44: return QStringLiteral("certificate_revoked");
    case 45: return QStringLiteral("certificate_expired");
    case 46: return QStringLiteral("certificate_unknown");
    case 47: return QStringLiteral("illegal_parameter");
    case 48: return QStringLiteral("unknown_ca");
    case 50: return QStringLiteral("decode_error");
    case 51: return QStringLiteral("decrypt_error");
    case 70: return QStringLiteral("protocol_version");
    case 80: return QStringLiteral("internal_error");
    case 86: return QStringLiteral("inappropriate_fallback");
    case 90: return QStringLiteral("user_canceled");
    case 109: return QStringLiteral("missing_extension");
    case 110: return QStringLiteral("unsupported_extension");
    case 112: return QStringLiteral("unrecognized_name");
    case 116: return QStringLiteral("certificate_required");
    case 120: return QStringLiteral("no_application_protocol");
    default: return QStringLiteral("alert %1").arg(description);
    }
}

} // namespace wirelab

void setupTlsLab(LabRegistry &registry)
{
    LabDefinition lab;
    lab.id = QStringLiteral("tls");
    lab.title = text(QT_TRANSLATE_NOOP("TlsLab", "The TLS handshake"));
    lab.summary = text(QT_TRANSLATE_NOOP(
        "TlsLab",
        "Handshake with TLS 1.2 and TLS 1.3 over a link with 50 ms delay and count the round trips, resume "
        "sessions, send and replay 0-RTT early data, leak the server's key to see forward secrecy, break the "
        "certificate on purpose, and read every record decrypted with the endpoints' own keys."));
    lab.notesReference = QStringLiteral("L456-533, L614-817");

    lab.parameters.push_back(choice("tls.version", QT_TRANSLATE_NOOP("TlsLab", "TLS version"),
        QT_TRANSLATE_NOOP("TlsLab", "The version of the broken-certificate connections and the final exchange (steps 1 to 5 choose theirs)."),
        QStringLiteral("1.3"), {QStringLiteral("1.3"), QStringLiteral("1.2")},
        {text(QT_TRANSLATE_NOOP("TlsLab", "TLS 1.3")), text(QT_TRANSLATE_NOOP("TlsLab", "TLS 1.2"))}));
    lab.parameters.push_back(choice("tls.cipher", QT_TRANSLATE_NOOP("TlsLab", "Cipher and key exchange"),
        QT_TRANSLATE_NOOP("TlsLab", "Bulk cipher of every connection; for TLS 1.2 also the key exchange (RSA key transport needs an RSA key)."),
        QStringLiteral("ecdhe-aes128-gcm"),
        {QStringLiteral("ecdhe-aes128-gcm"), QStringLiteral("ecdhe-aes256-gcm"), QStringLiteral("ecdhe-chacha20"),
         QStringLiteral("rsa-aes256-gcm")},
        {text(QT_TRANSLATE_NOOP("TlsLab", "ECDHE with AES-128-GCM")), text(QT_TRANSLATE_NOOP("TlsLab", "ECDHE with AES-256-GCM")),
         text(QT_TRANSLATE_NOOP("TlsLab", "ECDHE with ChaCha20-Poly1305")),
         text(QT_TRANSLATE_NOOP("TlsLab", "RSA key transport with AES-256-GCM (TLS 1.2 only)"))}));
    lab.parameters.push_back(choice("tls.group", QT_TRANSLATE_NOOP("TlsLab", "Key exchange group"),
        QT_TRANSLATE_NOOP("TlsLab", "The (EC)DHE group offered first: the TLS 1.3 key_share, and the TLS 1.2 ECDHE curve when it is one."), QStringLiteral("x25519"),
        {QStringLiteral("x25519"), QStringLiteral("P-256"), QStringLiteral("P-384"), QStringLiteral("ffdhe2048")},
        {text(QT_TRANSLATE_NOOP("TlsLab", "X25519")), text(QT_TRANSLATE_NOOP("TlsLab", "P-256")),
         text(QT_TRANSLATE_NOOP("TlsLab", "P-384")), text(QT_TRANSLATE_NOOP("TlsLab", "FFDHE 2048 (finite field)"))}));
    lab.parameters.push_back(choice("cert.key_type", QT_TRANSLATE_NOOP("TlsLab", "Server key type"),
        QT_TRANSLATE_NOOP("TlsLab", "The key of the main server's certificate."), QStringLiteral("rsa2048"),
        {QStringLiteral("rsa2048"), QStringLiteral("rsa4096"), QStringLiteral("p256"), QStringLiteral("ed25519")},
        {text(QT_TRANSLATE_NOOP("TlsLab", "RSA 2048")), text(QT_TRANSLATE_NOOP("TlsLab", "RSA 4096")),
         text(QT_TRANSLATE_NOOP("TlsLab", "ECDSA P-256")), text(QT_TRANSLATE_NOOP("TlsLab", "Ed25519"))}));
    lab.parameters.push_back(intParameter("cert.chain_length", QT_TRANSLATE_NOOP("TlsLab", "Intermediate CAs"),
        QT_TRANSLATE_NOOP("TlsLab", "Intermediate certificates between the root and the server's certificate."), 1, 0,
        TlsCa::kMaxIntermediates));
    lab.parameters.push_back(intParameter("cert.validity_days", QT_TRANSLATE_NOOP("TlsLab", "Certificate validity (days)"),
        QT_TRANSLATE_NOOP("TlsLab", "How long the server's certificate is valid from now (Let's Encrypt: 90 days)."), 90, 1, 3650));
    lab.parameters.push_back(choice("cert.san", QT_TRANSLATE_NOOP("TlsLab", "Name in the certificate"),
        QT_TRANSLATE_NOOP("TlsLab", "The subjectAltName of the main server's certificate; the client always asks for server.wirelab.test."),
        QStringLiteral("server.wirelab.test"),
        {QStringLiteral("server.wirelab.test"), QStringLiteral("*.wirelab.test"), QStringLiteral("other.example")},
        {text(QT_TRANSLATE_NOOP("TlsLab", "server.wirelab.test (matches)")),
         text(QT_TRANSLATE_NOOP("TlsLab", "*.wirelab.test (wildcard, matches)")),
         text(QT_TRANSLATE_NOOP("TlsLab", "other.example (does not match)"))}));
    lab.parameters.push_back(boolParameter("tls.early_data", QT_TRANSLATE_NOOP("TlsLab", "Allow 0-RTT early data"),
        QT_TRANSLATE_NOOP("TlsLab", "Whether the main server accepts early data on a resumed TLS 1.3 connection."), true));
    lab.parameters.push_back(boolParameter("tls.anti_replay", QT_TRANSLATE_NOOP("TlsLab", "Server anti-replay"),
        QT_TRANSLATE_NOOP("TlsLab", "Whether the main server lets a ticket carry early data only once; the second server of step 4 does the opposite."), false));
    lab.parameters.push_back(boolParameter("tls.deterministic", QT_TRANSLATE_NOOP("TlsLab", "Deterministic mode (class)"),
        QT_TRANSLATE_NOOP("TlsLab", "Fixed randoms, key shares and keys so a whole class sees the same bytes: the Nth connection "
                                    "of a run is the same on every machine, and a CA whose keys and certificates are the same "
                                    "everywhere (its own folder, certificates valid from 2026-01-01 for 20 years, so the "
                                    "validity setting does not apply). Never secure. Still different: what carries a clock "
                                    "(resumption ticket contents and age), TCP ports and sequence numbers, timestamps."),
        false));
    for (LabParameter p : linkParameterSpecs()) {
        if (p.key == QLatin1String("link.delay_ms")) {
            p.defaultValue = 50; // one way, each direction: a 100 ms round trip (notes L655, L728)
            lab.parameters.push_back(p);
        }
    }

    LabStep full12;
    full12.id = QStringLiteral("tls12");
    full12.title = text(QT_TRANSLATE_NOOP("TlsLab", "1. A full TLS 1.2 handshake"));
    full12.guide = text(QT_TRANSLATE_NOOP(
        "TlsLab",
        "<p>The client connects with TLS 1.2 only and sends one request as soon as it may. The notes walk through "
        "the handshake (notes L648-655): the <b>ClientHello</b> proposes cipher suites and a random; the server "
        "answers with <b>ServerHello</b>, its <b>Certificate</b>, <b>ServerKeyExchange</b> (its ECDHE share, "
        "signed) and <b>ServerHelloDone</b>; only then can the client send <b>ClientKeyExchange</b>, "
        "<b>ChangeCipherSpec</b> and <b>Finished</b>, and it must wait for the server's ChangeCipherSpec and "
        "Finished before its first application byte.</p>"
        "<p>That is two round trips (notes L496, L655). Each direction of the link is delayed 50 ms, so one "
        "round trip is about 100 ms: count the server flights in the ladder and read the time from the "
        "ClientHello to the first <code>Application Data</code> record from the client, about 200 ms. In host "
        "mode the relay on 127.0.0.1 delays bytes but not TCP's own handshake, and the capture sees the client's "
        "connection to the relay at 127.0.0.2 (times as the client sees them); the flights and the time "
        "between them are still there, but the checkpoint then takes its round-trip unit from the link setting, "
        "not from a TCP handshake in the capture.</p>"
        "<p>For a class: with <i>Deterministic mode</i> on, every student's connections carry the same randoms, "
        "key shares, certificates and signatures, so the ClientHello, ServerHello and Certificate of this step "
        "can be compared byte by byte between neighbours. What still differs: the TCP ports and sequence numbers "
        "the kernel picks, the capture's timestamps, and what carries a clock (the tickets and ticket age of "
        "the resumption steps, so a resuming ClientHello).</p>"));
    full12.actions = {{QLatin1String(TlsLabInstance::Full12), text(QT_TRANSLATE_NOOP("TlsLab", "Connect with TLS 1.2"))}};
    full12.checkpoints = {{QStringLiteral("rtt.tls12"),
                           text(QT_TRANSLATE_NOOP("TlsLab", "TLS 1.2: two round trips to the first application byte")),
                           [](const LabEvidence &e) {
                               return checkRoundTrips(e, QString::fromLatin1(TlsLabInstance::Full12), QStringLiteral("TLS 1.2"), 2);
                           }}};
    lab.steps.push_back(full12);

    LabStep full13;
    full13.id = QStringLiteral("tls13");
    full13.title = text(QT_TRANSLATE_NOOP("TlsLab", "2. A full TLS 1.3 handshake"));
    full13.guide = text(QT_TRANSLATE_NOOP(
        "TlsLab",
        "<p>TLS 1.3 puts the client's key share in the ClientHello itself (notes L657-665): the client guesses "
        "the group (the <code>key_share</code> extension) so the server can answer with its own share, its "
        "certificate and its Finished in one flight. Everything after the ServerHello is already encrypted with "
        "handshake keys: in the capture it shows as <code>Application Data</code> records until the key log "
        "opens them (step 7).</p>"
        "<p>The client sends its Finished and its first request together after one round trip, about 100 ms "
        "here against about 200 ms for TLS 1.2: the 50% of notes L728. Compare the two connections in the "
        "ladder: two server flights before the client's request in TLS 1.2, one in TLS 1.3.</p>"));
    full13.actions = {{QLatin1String(TlsLabInstance::Full13), text(QT_TRANSLATE_NOOP("TlsLab", "Connect with TLS 1.3"))}};
    full13.checkpoints = {
        {QStringLiteral("rtt.tls13"),
         text(QT_TRANSLATE_NOOP("TlsLab", "TLS 1.3: one round trip to the first application byte")),
         [](const LabEvidence &e) {
             return checkRoundTrips(e, QString::fromLatin1(TlsLabInstance::Full13), QStringLiteral("TLS 1.3"), 1);
         }},
        {QStringLiteral("rtt.compare"), text(QT_TRANSLATE_NOOP("TlsLab", "TLS 1.3 reached the first byte sooner")),
         checkCompare}};
    lab.steps.push_back(full13);

    LabStep resume;
    resume.id = QStringLiteral("resume");
    resume.title = text(QT_TRANSLATE_NOOP("TlsLab", "3. Resuming a session"));
    resume.guide = text(QT_TRANSLATE_NOOP(
        "TlsLab",
        "<p>A client that comes back can skip most of the handshake (notes L730). Each action connects twice. "
        "With <b>TLS 1.2</b> the server gave the client an encrypted <b>session ticket</b> after the first "
        "handshake; the second ClientHello carries it in its <code>session_ticket</code> extension, and the "
        "server answers ServerHello, ChangeCipherSpec, Finished: no Certificate, no key exchange, one round "
        "trip.</p>"
        "<p>With <b>TLS 1.3</b> the server sends <b>NewSessionTicket</b> messages after the handshake; the "
        "second ClientHello offers one as a <code>pre_shared_key</code> (the PSK, with a fresh key share for "
        "forward secrecy), and the server's ServerHello accepts it: again no Certificate.</p>"))
    ;
    resume.actions = {{QLatin1String(TlsLabInstance::Resume12), text(QT_TRANSLATE_NOOP("TlsLab", "Connect twice with TLS 1.2 (ticket)"))},
                      {QLatin1String(TlsLabInstance::Resume13), text(QT_TRANSLATE_NOOP("TlsLab", "Connect twice with TLS 1.3 (PSK)"))}};
    resume.checkpoints = {
        {QStringLiteral("resume.tls12"), text(QT_TRANSLATE_NOOP("TlsLab", "TLS 1.2: the ticket resumed the session, no Certificate")),
         [](const LabEvidence &e) { return checkResumed(e, QString::fromLatin1(TlsLabInstance::Resume12), QStringLiteral("TLS 1.2")); }},
        {QStringLiteral("resume.tls13"), text(QT_TRANSLATE_NOOP("TlsLab", "TLS 1.3: the PSK resumed the session, no Certificate")),
         [](const LabEvidence &e) { return checkResumed(e, QString::fromLatin1(TlsLabInstance::Resume13), QStringLiteral("TLS 1.3")); }}};
    lab.steps.push_back(resume);

    LabStep early;
    early.id = QStringLiteral("early");
    early.title = text(QT_TRANSLATE_NOOP("TlsLab", "4. 0-RTT early data, and its replay"));
    early.guide = text(QT_TRANSLATE_NOOP(
        "TlsLab",
        "<p>With a ticket from an earlier connection, a TLS 1.3 client may send its request right behind the "
        "ClientHello, encrypted with a key derived from the PSK, before the server has said anything: "
        "<b>0-RTT</b> (notes L665, L729).</p>"
        "<p>Those early bytes depend on nothing the server chose in this connection, so an attacker who recorded "
        "the client's first flight can send it again. The lab does that: it replays the recorded ClientHello and "
        "early data, byte for byte, on a new TCP connection, once to the main server and once to a second server "
        "with the opposite anti-replay setting. A server without anti-replay decrypts and accepts the early "
        "request a second time: a second money transfer if the request was one. OpenSSL's anti-replay lets each "
        "ticket carry early data only once, so the replay's early data is rejected (the handshake falls back "
        "to 1-RTT, which the replayer cannot finish). This is why early data must only carry requests that are "
        "safe to repeat.</p>"
        "<p>OpenSSL also rejects early data whose ticket is about 10 s older than the client claims, whatever "
        "the anti-replay setting; a replay more than 8 s after the recording therefore records a fresh first "
        "flight before it replays. With <code>tls.early_data</code> off the main server takes no early data at "
        "all, so only the second server shows the difference.</p>"));
    early.actions = {{QLatin1String(TlsLabInstance::EarlySend), text(QT_TRANSLATE_NOOP("TlsLab", "Resume with 0-RTT early data"))},
                     {QLatin1String(TlsLabInstance::ReplayMain), text(QT_TRANSLATE_NOOP("TlsLab", "Replay the first flight"))},
                     {QLatin1String(TlsLabInstance::ReplayContrast), text(QT_TRANSLATE_NOOP("TlsLab", "Replay against the other anti-replay setting"))}};
    early.checkpoints = {
        {QStringLiteral("early.accepted"), text(QT_TRANSLATE_NOOP("TlsLab", "Early data went before the server's first flight and was accepted")),
         checkEarlyData},
        {QStringLiteral("early.replay"), text(QT_TRANSLATE_NOOP("TlsLab", "The replay: accepted without anti-replay, rejected with it")),
         checkReplay}};
    lab.steps.push_back(early);

    LabStep fs;
    fs.id = QStringLiteral("forward-secrecy");
    fs.title = text(QT_TRANSLATE_NOOP("TlsLab", "5. RSA key transport against ECDHE: the leaked key"));
    fs.guide = text(QT_TRANSLATE_NOOP(
        "TlsLab",
        "<p>Two TLS 1.2 connections to a server with an RSA key. The first uses <b>RSA key transport</b> "
        "(<code>AES256-GCM-SHA384</code>): the client makes the pre-master secret, encrypts it with the server's "
        "public key and sends it in ClientKeyExchange (notes L671-675). The second uses <b>ECDHE</b>: both sides "
        "make a fresh key pair for this connection only and combine the public halves (notes L677-689).</p>"
        "<p>Then the server's private key \"leaks\", as Heartbleed made possible (notes L509-517, L706-710). The "
        "checkpoints open the recorded capture with that key alone, no key log: the RSA session decrypts, "
        "because the key unwraps its pre-master secret; the ECDHE session does not, because its secret was never "
        "on the wire and its ephemeral keys are gone. That is forward secrecy, shown on your own traffic.</p>"));
    fs.actions = {{QLatin1String(TlsLabInstance::KxRsa), text(QT_TRANSLATE_NOOP("TlsLab", "Connect with RSA key transport"))},
                  {QLatin1String(TlsLabInstance::KxEcdhe), text(QT_TRANSLATE_NOOP("TlsLab", "Connect with ECDHE"))},
                  {QLatin1String(TlsLabInstance::LeakKey), text(QT_TRANSLATE_NOOP("TlsLab", "Leak the server's private key"))}};
    fs.checkpoints = {
        {QStringLiteral("fs.rsa"), text(QT_TRANSLATE_NOOP("TlsLab", "The RSA session decrypted with the private key only")),
         [](const LabEvidence &e) { return checkLeak(e, QString::fromLatin1(TlsLabInstance::KxRsa), true); }},
        {QStringLiteral("fs.ecdhe"), text(QT_TRANSLATE_NOOP("TlsLab", "The ECDHE session did not")),
         [](const LabEvidence &e) { return checkLeak(e, QString::fromLatin1(TlsLabInstance::KxEcdhe), false); }}};
    lab.steps.push_back(fs);

    LabStep certs;
    certs.id = QStringLiteral("certificates");
    certs.title = text(QT_TRANSLATE_NOOP("TlsLab", "6. Broken certificates"));
    certs.guide = text(QT_TRANSLATE_NOOP(
        "TlsLab",
        "<p>The client checks the server's certificate the way the notes describe (notes L698-704): is it signed, "
        "through a chain, by a CA it trusts; is it valid today; does its name match the name asked for? The lab's "
        "own CA made five servers that each fail one check. The client refuses each with a fatal alert:</p>"
        "<ul><li><b>Expired</b>: the certificate's validity ended yesterday (short lifetimes are the point of "
        "notes L712 and L765, so renewals must happen): <code>certificate_expired</code>.</li>"
        "<li><b>Wrong name</b>: valid, but for <code>other.example</code>: <code>bad_certificate</code>.</li>"
        "<li><b>Unknown CA</b>: signed by a CA the client has never heard of: <code>unknown_ca</code>.</li>"
        "<li><b>Missing intermediate</b>: the server sends its certificate without the intermediate that signed "
        "it, so the client cannot build the chain to its root: also <code>unknown_ca</code>.</li>"
        "<li><b>Chain too long</b>: three intermediates, but this client follows at most two CAs between the "
        "server's certificate and its root (its verify depth): <code>unknown_ca</code> again, and the client's "
        "reason tells the three apart.</li></ul>"
        "<p>With TLS 1.3 the server's certificate arrives encrypted, yet the client's alert is a plain record in "
        "the capture: OpenSSL's client switches its own sending keys only when it writes its Finished, and it "
        "refuses the certificate before that. The checkpoint shows the client's own reason next to the "
        "alert.</p>"));
    certs.actions = {{QLatin1String(TlsLabInstance::CertExpired), text(QT_TRANSLATE_NOOP("TlsLab", "Connect to the expired certificate"))},
                     {QLatin1String(TlsLabInstance::CertWrongName), text(QT_TRANSLATE_NOOP("TlsLab", "Connect to the wrong name"))},
                     {QLatin1String(TlsLabInstance::CertUnknownCa), text(QT_TRANSLATE_NOOP("TlsLab", "Connect to the unknown CA"))},
                     {QLatin1String(TlsLabInstance::CertNoIntermediate), text(QT_TRANSLATE_NOOP("TlsLab", "Connect without the intermediate"))},
                     {QLatin1String(TlsLabInstance::CertTooLong), text(QT_TRANSLATE_NOOP("TlsLab", "Connect through a chain too long"))}};
    certs.checkpoints = {
        {QStringLiteral("cert.expired"), text(QT_TRANSLATE_NOOP("TlsLab", "Expired: certificate_expired alert")),
         [](const LabEvidence &e) { return checkAlert(e, QString::fromLatin1(TlsLabInstance::CertExpired), 45); }},
        {QStringLiteral("cert.wrongname"), text(QT_TRANSLATE_NOOP("TlsLab", "Wrong name: bad_certificate alert")),
         [](const LabEvidence &e) { return checkAlert(e, QString::fromLatin1(TlsLabInstance::CertWrongName), 42); }},
        {QStringLiteral("cert.unknownca"), text(QT_TRANSLATE_NOOP("TlsLab", "Unknown CA: unknown_ca alert")),
         [](const LabEvidence &e) { return checkAlert(e, QString::fromLatin1(TlsLabInstance::CertUnknownCa), 48); }},
        {QStringLiteral("cert.nointermediate"), text(QT_TRANSLATE_NOOP("TlsLab", "Missing intermediate: unknown_ca alert")),
         [](const LabEvidence &e) { return checkAlert(e, QString::fromLatin1(TlsLabInstance::CertNoIntermediate), 48); }},
        {QStringLiteral("cert.toolong"), text(QT_TRANSLATE_NOOP("TlsLab", "Chain too long: unknown_ca alert")),
         [](const LabEvidence &e) { return checkAlert(e, QString::fromLatin1(TlsLabInstance::CertTooLong), 48); }}};
    lab.steps.push_back(certs);

    LabStep decrypt;
    decrypt.id = QStringLiteral("decrypt");
    decrypt.title = text(QT_TRANSLATE_NOOP("TlsLab", "7. Every record decrypted"));
    decrypt.guide = text(QT_TRANSLATE_NOOP(
        "TlsLab",
        "<p>After the handshake both sides use fast symmetric keys (notes L628-642). The lab's endpoints write "
        "their secrets in the NSS key log format as they make them, so Wirelab decrypts every record in place: "
        "you configure nothing. Make one more exchange with the lab's parameters, then open any record of any "
        "connection: the handshake messages the server encrypted, and the request and response.</p>"
        "<p>The last checkpoint writes the capture as pcapng with the key log in a Decryption Secrets Block and "
        "reads the block back: Wireshark opens such a file decrypted, with no key log file to configure. The "
        "same lines, saved on their own, are what <code>SSLKEYLOGFILE</code> would have written.</p>"));
    decrypt.actions = {{QLatin1String(TlsLabInstance::Exchange), text(QT_TRANSLATE_NOOP("TlsLab", "Make an exchange with the lab's parameters"))}};
    decrypt.checkpoints = {{QStringLiteral("decrypt.all"),
                            text(QT_TRANSLATE_NOOP("TlsLab", "The key log covers every connection; every record decrypted")),
                            checkDecryptAll},
                           {QStringLiteral("decrypt.export"),
                            text(QT_TRANSLATE_NOOP("TlsLab", "The pcapng export carries the key log in a Decryption Secrets Block")),
                            checkExport}};
    lab.steps.push_back(decrypt);

    lab.create = [] { return std::make_unique<TlsLabInstance>(); };
    registry.add(std::move(lab));
}
