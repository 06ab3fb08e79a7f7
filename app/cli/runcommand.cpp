// SPDX-License-Identifier: GPL-3.0-or-later
// `wirelab-cli list`, `run` and `help <lab-id>`: the lab side of the CLI, generated from the lab
// definitions (ids, titles, typed parameters) that the GUI uses too.

#include "clicommands.h"

#include "capture/capturefile.h"
#include "capturesession.h"
#include "dissect/tls.h"
#include "lab/labcontroller.h"
#include "lab/labregistry.h"
#include "labs.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <cstdio>

namespace wirelab::cli {

namespace {

void printLine(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

const LabRegistry &registry()
{
    static LabRegistry labs;
    static const bool ready = [] {
        setupAllLabs(labs);
        return true;
    }();
    Q_UNUSED(ready);
    return labs;
}

QString labIds()
{
    QStringList ids;
    for (const LabDefinition &lab : registry().labs())
        ids << lab.id;
    return ids.join(QStringLiteral(", "));
}

const LabDefinition *findLab(const QString &id)
{
    const LabDefinition *lab = registry().find(id);
    if (!lab)
        printError(QCoreApplication::translate(
                       "Cli", "There is no lab \"%1\"; run `wirelab-cli list` to see the labs (%2).")
                       .arg(id, labIds()));
    return lab;
}

QString typeName(LabParameter::Type type)
{
    switch (type) {
    case LabParameter::Type::Int:
        return QCoreApplication::translate("Cli", "whole number");
    case LabParameter::Type::Double:
        return QCoreApplication::translate("Cli", "number");
    case LabParameter::Type::Bool:
        return QCoreApplication::translate("Cli", "true or false");
    case LabParameter::Type::Choice:
        return QCoreApplication::translate("Cli", "one of");
    }
    return {};
}

bool writeEvents(const QString &path, const EventLog &events, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QCoreApplication::translate("Cli", "The events could not be saved to %1: %2.")
                     .arg(path, file.errorString());
        return false;
    }
    for (const LabEvent &event : events.all()) {
        QByteArray line = EventLog::toJsonLine(event);
        if (!line.endsWith('\n'))
            line.append('\n');
        file.write(line);
    }
    if (!file.commit()) {
        *error = QCoreApplication::translate("Cli", "The events could not be saved to %1: %2.")
                     .arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace

int listCommand()
{
    for (const LabDefinition &lab : registry().labs())
        printLine(lab.id + QLatin1Char('\t') + lab.title.text());
    return ExitOk;
}

int labHelpCommand(const QString &labId)
{
    const LabDefinition *lab = findLab(labId);
    if (!lab)
        return ExitUsage;
    printLine(QStringLiteral("%1\t%2").arg(lab->id, lab->title.text()));
    printLine(lab->summary.text());
    printLine(QString());
    printLine(
        QCoreApplication::translate("Cli", "Parameters (wirelab-cli run %1 --set key=value):").arg(lab->id));
    for (const LabParameter &p : lab->parameters) {
        QString kind = typeName(p.type);
        if (p.type == LabParameter::Type::Choice)
            kind += QLatin1Char(' ') + p.choices.join(QLatin1Char('|'));
        else if (p.type == LabParameter::Type::Int)
            kind += QStringLiteral(" %1..%2").arg(qlonglong(p.minimum)).arg(qlonglong(p.maximum));
        else if (p.type == LabParameter::Type::Double)
            kind += QStringLiteral(" %1..%2").arg(QString::number(p.minimum, 'g', 12),
                                                  QString::number(p.maximum, 'g', 12));
        printLine(QStringLiteral("  %1 (%2, default %3): %4")
                      .arg(p.key, kind, p.defaultValue.toString(), p.label.text()));
        if (!p.help.isEmpty())
            printLine(QStringLiteral("      ") + p.help.text());
    }
    return ExitOk;
}

int runCommand(const QStringList &args)
{
    QString labId, outPath, eventsPath, network = QStringLiteral("auto");
    int stepTimeoutS = 10;
    QStringList sets;

    // Accepts both "--opt value" and "--opt=value".
    for (int i = 0; i < args.size(); ++i) {
        QString arg = args.at(i);
        QString value;
        bool hasInlineValue = false;
        if (arg.startsWith(QLatin1String("--")) && arg.contains(QLatin1Char('='))) {
            const qsizetype eq = arg.indexOf(QLatin1Char('='));
            value = arg.mid(eq + 1);
            arg.truncate(eq);
            hasInlineValue = true;
        }
        auto takeValue = [&]() -> bool {
            if (hasInlineValue)
                return true;
            if (i + 1 >= args.size()) {
                printError(QCoreApplication::translate(
                               "Cli", "%1 needs a value; run `wirelab-cli --help` to see how run is used.")
                               .arg(arg));
                return false;
            }
            value = args.at(++i);
            return true;
        };
        if (arg == QLatin1String("--set")) {
            if (!takeValue())
                return ExitUsage;
            sets << value;
        } else if (arg == QLatin1String("--out")) {
            if (!takeValue())
                return ExitUsage;
            outPath = value;
        } else if (arg == QLatin1String("--events")) {
            if (!takeValue())
                return ExitUsage;
            eventsPath = value;
        } else if (arg == QLatin1String("--network")) {
            if (!takeValue())
                return ExitUsage;
            network = value;
        } else if (arg == QLatin1String("--timeout-s")) {
            if (!takeValue())
                return ExitUsage;
            bool ok = false;
            stepTimeoutS = value.toInt(&ok);
            if (!ok || stepTimeoutS < 1 || stepTimeoutS > 3600) {
                printError(
                    QCoreApplication::translate(
                        "Cli", "--timeout-s takes a whole number of seconds from 1 to 3600; got \"%1\".")
                        .arg(value));
                return ExitUsage;
            }
        } else if (arg.startsWith(QLatin1Char('-'))) {
            printError(QCoreApplication::translate(
                           "Cli", "run has no option %1; run `wirelab-cli --help` to see its options.")
                           .arg(arg));
            return ExitUsage;
        } else if (labId.isEmpty()) {
            labId = arg;
        } else {
            printError(QCoreApplication::translate("Cli", "run takes one lab id, but got \"%1\" and \"%2\"; "
                                                          "run `wirelab-cli list` to see the labs.")
                           .arg(labId, arg));
            return ExitUsage;
        }
    }
    if (labId.isEmpty()) {
        printError(QCoreApplication::translate(
            "Cli",
            "run needs a lab id: run `wirelab-cli list` to see the labs, then `wirelab-cli run <lab-id>`."));
        return ExitUsage;
    }
    NetworkMode mode = NetworkMode::Host;
    const bool automatic = network == QLatin1String("auto");
    if (!automatic && !parseNetworkMode(network, &mode)) {
        printError(
            QCoreApplication::translate("Cli", "--network takes sandbox or host; got \"%1\".").arg(network));
        return ExitUsage;
    }
    if (!automatic && mode == NetworkMode::Sandbox) {
        const SandboxAvailability sandbox = LabController::sandboxAvailability();
        if (!sandbox.available) {
            printError(QCoreApplication::translate("Cli", "The lab network is not available here: %1 %2")
                           .arg(sandbox.reason, sandbox.howToEnable)
                           .trimmed());
            return ExitUsage;
        }
    }
    // Output folders are checked before the run, not after it: a typo should not cost a whole lab run.
    for (const QString &path : {outPath, eventsPath}) {
        if (!path.isEmpty() && !QFileInfo(path).absoluteDir().exists()) {
            printError(QCoreApplication::translate("Cli", "The folder of %1 does not exist; create it or "
                                                          "choose another path.")
                           .arg(path));
            return ExitUsage;
        }
    }
    const LabDefinition *lab = findLab(labId);
    if (!lab)
        return ExitUsage;

    QVariantMap parameters;
    for (const QString &set : sets) {
        const qsizetype eq = set.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            printError(
                QCoreApplication::translate(
                    "Cli",
                    "--set takes key=value, got \"%1\"; run `wirelab-cli help %2` to see the parameters.")
                    .arg(set, lab->id));
            return ExitUsage;
        }
        const QString key = set.left(eq);
        const LabParameter *parameter = lab->parameter(key);
        if (!parameter) {
            printError(
                QCoreApplication::translate(
                    "Cli", "%1 has no parameter \"%2\"; run `wirelab-cli help %1` to see its parameters.")
                    .arg(lab->id, key));
            return ExitUsage;
        }
        QString error;
        const QVariant value = parameter->parse(set.mid(eq + 1), &error);
        if (!value.isValid()) {
            printError(error);
            return ExitUsage;
        }
        parameters.insert(key, value);
    }

    CaptureSession session;
    session.setTitle(lab->title.text());
    LabController controller(&session);
    if (!automatic)
        controller.setNetworkMode(mode);
    QString error;
    if (!controller.start(*lab, parameters, &error)) {
        printError(error.isEmpty()
                       ? QCoreApplication::translate("Cli", "The lab %1 could not start.").arg(lab->id)
                       : error);
        return ExitFailed;
    }
    // One line on stderr that says where the lab runs (stdout stays one line per checkpoint).
    printError(QCoreApplication::translate("Cli", "Network: %1").arg(controller.networkDescription()));
    if (!controller.networkProblem().isEmpty())
        printError(QCoreApplication::translate("Cli",
                                               "The lab network could not start, so the lab runs in host "
                                               "mode: %1")
                       .arg(controller.networkProblem()));
    if (controller.captureState() == CaptureState::Failed && !controller.captureProblem().isEmpty())
        printError(controller.captureProblem());

    const bool allPassed = runLabHeadless(controller, stepTimeoutS * 1000, [](const HeadlessReport &report) {
        const QString evidence = report.result.evidence.isEmpty() ? report.description.trimmed()
                                                                  : report.result.evidence.trimmed();
        printLine(QStringLiteral("%1 %2/%3: %4")
                      .arg(report.result.passed    ? QStringLiteral("PASS")
                           : report.result.skipped ? QStringLiteral("SKIP")
                                                   : QStringLiteral("FAIL"),
                           report.stepId, report.checkpointId, evidence));
    });
    controller.poll(); // the last packets and events into the session
    controller.stop();

    int code = allPassed ? ExitOk : ExitFailed;
    // The lab's TLS endpoints log their secrets as events: the file carries them in a Decryption Secrets
    // Block, so Wireshark opens it decrypted with no configuration.
    TlsKeyLog keyLog;
    keyLog.addEvents(session.events());
    if (!outPath.isEmpty() && !writePcapng(outPath, session.store(), &error, keyLog.toNss())) {
        printError(error);
        code = ExitFailed;
    }
    if (!eventsPath.isEmpty() && !writeEvents(eventsPath, session.events(), &error)) {
        printError(error);
        code = ExitFailed;
    }
    return code;
}

} // namespace wirelab::cli
