// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What a lab is, apart from what it does: id, title, typed parameters, steps with actions and
// self-verifying checkpoints, and a factory for the running instance. Metadata lives apart from
// behaviour (Qt Creator's plugin shape): the browser, the guide panel, the parameter panel and
// `wirelab-cli run --set` are all generated from this.

#include "lab/labtext.h"
#include "labnet/labnetwork.h" // LabHostSpec, LabLinkSpec

#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <memory>
#include <vector>

namespace wirelab {

class LabEvidence;
class LabInstance;

struct LabParameter
{
    enum class Type { Int, Double, Bool, Choice };
    QString key;          // dotted, used by --set: "udp.rcvbuf"
    LabText label;        // "UDP receive buffer (bytes)"
    LabText help;         // one sentence shown as tooltip and in `--help`
    Type type = Type::Int;
    QVariant defaultValue;
    double minimum = 0, maximum = 0; // Int and Double
    QStringList choices;             // Choice: the values (untranslated ids)
    std::vector<LabText> choiceLabels; // Choice: what the UI shows for each value

    // Parses and range-checks a --set value; on failure returns an invalid QVariant and sets *error to
    // one sentence ("udp.rcvbuf must be between 256 and 4194304; got 12").
    QVariant parse(const QString &text, QString *error) const;
    // Range-checks a value of the right type (from the UI); same message on failure.
    bool validate(const QVariant &value, QString *error) const;
};

struct LabAction
{
    QString id;           // "tcp.connect"
    LabText label;        // button text: "Connect over TCP"
};

struct CheckResult
{
    bool passed = false;
    QString evidence;     // plain words with figures: "SYN #1, SYN-ACK #2, ACK #3 between 127.0.0.1:41234 and :8800"
    // Cannot run in this run's network mode (a step that needs the lab network, run in host mode): not
    // passed, not failed; evidence says why and how to get the lab network. Counts as done for the step.
    bool skipped = false;
};

struct LabCheckpoint
{
    QString id;           // "tcp.handshake"
    LabText description;  // "The three-way handshake appears in the capture"
    std::function<CheckResult(const LabEvidence &)> check;
};

struct LabStep
{
    QString id;           // "handshake"
    LabText title;        // "1. Open a TCP connection"
    LabText guide;        // the guide text: simple HTML (<p>, <b>, <i>, <code>, <ul>)
    std::vector<LabAction> actions;         // run in order by the headless runner
    std::vector<LabCheckpoint> checkpoints; // all must pass for the step to be done
};

struct LabDefinition
{
    QString id;           // "tcp-udp": what `wirelab-cli run` takes
    LabText title;        // "TCP vs UDP"
    LabText summary;      // one or two sentences for the lab browser
    QString notesReference; // course notes lines this lab draws on, "L138-317"
    std::vector<LabParameter> parameters;
    std::vector<LabStep> steps;
    std::function<std::unique_ptr<LabInstance>()> create;

    // The lab network (sandbox mode). Empty hosts: "client" and "server"; empty links: one link between
    // the first two hosts. The common link.* parameters set the first link (c2s: its a -> b direction).
    std::vector<LabHostSpec> hosts;
    std::vector<LabLinkSpec> links;
    // Kernel settings per host, applied in the host's namespace before the lab starts (sandbox mode; in
    // host mode they are the machine's and only read, never written).
    struct Sysctl
    {
        QString host, name, value; // "server", "net.core.somaxconn", "16"
    };
    std::vector<Sysctl> sysctls;

    const LabParameter *parameter(const QString &key) const;
};

} // namespace wirelab
