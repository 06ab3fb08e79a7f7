// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One headless run of a lab per network mode, shared by the labs' tests (tst_tcpudplab, tst_httplab,
// tst_tlslab). Each test class declares the global data rows "sandbox" and "host" with
// addNetworkModeRows(), and its init() calls runLabOnce() for the row's mode: the lab runs the first time a
// test of that mode needs it, and the later tests of the mode read the same capture and reports.
//
// A missing lab network is a failure, not a skip: these machines can run it, and a skipped sandbox row
// would hide every lab-network figure the tests assert.

#include "capturesession.h"
#include "lab/labcontroller.h"
#include "lab/labregistry.h"

#include <QString>
#include <QTest>

#include <map>
#include <memory>

namespace wirelab::test {

struct HeadlessLabRun
{
    NetworkMode mode = NetworkMode::Host;
    std::unique_ptr<CaptureSession> session;
    std::unique_ptr<LabController> controller;
    std::map<QString, HeadlessReport> reports; // by checkpoint id
    bool allPassed = false;
    QString duplicateReport;                   // a checkpoint that reported twice (should never happen)

    bool done() const { return controller != nullptr; }
};

// The global data: the column "network" with the rows "sandbox" and "host".
inline void addNetworkModeRows()
{
    QTest::addColumn<QString>("network");
    QTest::newRow("sandbox") << QStringLiteral("sandbox");
    QTest::newRow("host") << QStringLiteral("host");
}

// Starts lab `labId` in the network mode named `network`, runs every step headless (waiting up to
// checkpointWaitMs for each step's checkpoints), stops it and keeps the session. Returns why it could not
// (empty on success): an unknown mode or lab, no lab network, a start that failed, or no capture.
inline QString runLabOnce(const LabRegistry &registry, const QString &labId, const QString &network,
                          HeadlessLabRun &run, int checkpointWaitMs = 30000)
{
    if (!parseNetworkMode(network, &run.mode))
        return QStringLiteral("Unknown network mode: %1").arg(network);
    if (run.mode == NetworkMode::Sandbox && !LabController::sandboxAvailability().available)
        return QStringLiteral("The lab network is not available: %1 %2")
            .arg(LabController::sandboxAvailability().reason, LabController::sandboxAvailability().howToEnable);
    const LabDefinition *lab = registry.find(labId);
    if (!lab)
        return QStringLiteral("No lab %1 is registered").arg(labId);
    run.session = std::make_unique<CaptureSession>();
    run.controller = std::make_unique<LabController>(run.session.get());
    run.controller->setNetworkMode(run.mode);
    QString why;
    if (!run.controller->start(*lab, {}, &why))
        return QStringLiteral("The lab did not start: %1").arg(why);
    qInfo("%s: %s", qPrintable(network), qPrintable(run.controller->networkDescription()));
    run.allPassed = runLabHeadless(*run.controller, checkpointWaitMs, [&run](const HeadlessReport &r) {
        if (run.reports.count(r.checkpointId))
            run.duplicateReport = r.checkpointId;
        run.reports[r.checkpointId] = r;
        qInfo("%s %s: %s", r.result.passed ? "PASS" : r.result.skipped ? "SKIP" : "FAIL",
              qPrintable(r.checkpointId), qPrintable(r.result.evidence));
    });
    run.controller->stop();
    qInfo("%zu packets captured (%s)", run.session->store().size(), qPrintable(network));
    if (!run.controller->captureProblem().isEmpty())
        return QStringLiteral("No capture: %1").arg(run.controller->captureProblem());
    return {};
}

} // namespace wirelab::test
