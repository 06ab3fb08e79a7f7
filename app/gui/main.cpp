// SPDX-License-Identifier: GPL-3.0-or-later
// The wirelab executable: everything lives in the wirelab_ui library, which the tests link too.

#include "mainwindow.h"

#include "breakpointpanel.h"
#include "capturesession.h"
#include "lab/labcontroller.h"
#include "languagemanager.h"
#include "packetlistmodel.h"
#include "parameterpanel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QTableView>
#include <QTimer>

#include <memory>

namespace {

// Runs the actions given with --run-action one after the other, each when the previous one finished,
// then selects the packet given with --select (for demonstrations and screenshots). An action written
// "breakpoint:<filter>" adds that breakpoint on the wire at that point instead; "nowait:<id>" runs the
// action and goes on at once (for an action that waits on a held packet).
class ActionScript final : public QObject
{
public:
    static constexpr int kLastPacket = -1;
    ActionScript(wirelab::MainWindow *window, QStringList actions, int selectPacket, QByteArray field,
                 QString selectInfo = {})
        : QObject(window), m_window(window), m_actions(std::move(actions)), m_select(selectPacket),
          m_field(std::move(field)), m_selectInfo(std::move(selectInfo))
    {
        connect(window->controller(), &wirelab::LabController::actionFinished, this,
                [this](const QString &id, bool, const QString &) {
                    if (id == m_waitingFor)
                        QTimer::singleShot(700, this, [this] { next(); });
                });
    }
    void next()
    {
        if (m_actions.isEmpty()) {
            m_waitingFor.clear();
            if (m_select > 0 || m_select == kLastPacket || !m_selectInfo.isEmpty())
                QTimer::singleShot(800, this, [this] {
                    int row = m_select == kLastPacket ? m_window->packetModel()->rowCount() - 1 : m_select - 1;
                    // "info:<text>": the first packet whose Info column starts with the text.
                    for (int r = 0; !m_selectInfo.isEmpty() && r < m_window->packetModel()->rowCount(); ++r) {
                        const QModelIndex i = m_window->packetModel()->index(r, wirelab::PacketListModel::InfoColumn);
                        if (i.data().toString().startsWith(m_selectInfo)) {
                            row = r;
                            break;
                        }
                    }
                    m_window->selectPacket(row);
                    if (!m_field.isEmpty())
                        m_window->selectField(m_field);
                });
            return;
        }
        const QString action = m_actions.takeFirst();
        if (action.startsWith(QLatin1String("breakpoint:"))) {
            m_window->breakpointPanel()->addBreakpoint(action.mid(11));
            QTimer::singleShot(300, this, [this] { next(); });
            return;
        }
        if (action.startsWith(QLatin1String("nowait:"))) {
            m_window->runAction(action.mid(7));
            QTimer::singleShot(300, this, [this] { next(); });
            return;
        }
        m_waitingFor = action;
        m_window->runAction(m_waitingFor);
    }

private:
    wirelab::MainWindow *m_window;
    QStringList m_actions;
    QString m_waitingFor;
    int m_select;
    QByteArray m_field;
    QString m_selectInfo;
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Wirelab"));
    QCoreApplication::setApplicationName(QStringLiteral("Wirelab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WIRELAB_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("wirelab"));

    // The command line's own help is translated too: load the stored language for it (the window
    // loads it again, with its own switcher).
    auto early = std::make_unique<wirelab::LanguageManager>();
    early->apply(wirelab::LanguageManager::storedSetting());
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "wirelab::main", "Wirelab: a workbench that teaches network engineering with real traffic."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption labOption(
        QStringLiteral("lab"),
        QCoreApplication::translate("wirelab::main", "Select the lab <id> (see wirelab-cli list)."),
        QStringLiteral("id"));
    const QCommandLineOption startOption(
        QStringLiteral("start"),
        QCoreApplication::translate("wirelab::main", "Start the selected lab at once."));
    const QCommandLineOption setOption(
        QStringLiteral("set"),
        QCoreApplication::translate("wirelab::main", "Set a lab parameter, key=value (repeatable)."),
        QStringLiteral("key=value"));
    const QCommandLineOption actionOption(
        QStringLiteral("run-action"),
        QCoreApplication::translate("wirelab::main",
                                    "After starting, run this step action (repeatable, in order)."),
        QStringLiteral("id"));
    const QCommandLineOption selectOption(
        QStringLiteral("select"),
        QCoreApplication::translate("wirelab::main",
                                    "Select packet number <n> (or \"last\", or \"info:<text>\": the first packet whose Info "
                                    "starts with the text) after the actions ran."),
        QStringLiteral("n"));
    const QCommandLineOption languageOption(
        QStringLiteral("language"),
        QCoreApplication::translate("wirelab::main", "Use this language (en, de) and remember it."),
        QStringLiteral("code"));
    const QCommandLineOption fieldOption(
        QStringLiteral("select-field"),
        QCoreApplication::translate(
            "wirelab::main",
            "With --select: also select this field (Wireshark name, e.g. tcp.options.mss_val)."),
        QStringLiteral("name"));
    const QCommandLineOption networkOption(
        QStringLiteral("network"),
        QCoreApplication::translate(
            "wirelab::main", "Network for the labs: auto, sandbox (the lab network) or host; remembered."),
        QStringLiteral("mode"));
    const QCommandLineOption breakpointOption(
        QStringLiteral("breakpoint"),
        QCoreApplication::translate(
            "wirelab::main", "Hold packets matching this filter on the lab network's wire (repeatable)."),
        QStringLiteral("filter"));
    const QCommandLineOption showOption(
        QStringLiteral("show"),
        QCoreApplication::translate(
            "wirelab::main", "Bring this panel to the front: labs, parameters, network, guide, ladder, "
                             "breakpoints, timeline, telemetry, waterfall, headerbytes, keyschedule, http, tls "
                             "(repeatable)."),
        QStringLiteral("panel"));
    parser.addOptions({labOption, startOption, setOption, actionOption, selectOption, fieldOption,
                       languageOption, networkOption, breakpointOption, showOption});
    parser.addPositionalArgument(
        QStringLiteral("file"),
        QCoreApplication::translate("wirelab::main", "A pcap or pcapng file to open."),
        QStringLiteral("[file]"));
    parser.process(app);
    early.reset();

    wirelab::MainWindow window;
    if (parser.isSet(languageOption))
        window.setLanguage(parser.value(languageOption));
    if (parser.isSet(networkOption)) {
        const QString mode = parser.value(networkOption);
        if (mode != QLatin1String("auto") && mode != QLatin1String("sandbox") &&
            mode != QLatin1String("host")) {
            qCritical("%s",
                      qPrintable(QCoreApplication::translate(
                                     "wirelab::main", "--network takes auto, sandbox or host; got \"%1\".")
                                     .arg(mode)));
            return 2;
        }
        window.setNetworkSetting(mode);
    }
    window.show();

    if (!parser.positionalArguments().isEmpty())
        window.openFile(parser.positionalArguments().constFirst());
    if (parser.isSet(labOption)) {
        const QString id = parser.value(labOption);
        if (!window.registry().find(id)) {
            qCritical("%s", qPrintable(QCoreApplication::translate(
                                           "wirelab::main",
                                           "No lab has the id \"%1\"; `wirelab-cli list` shows the ids.")
                                           .arg(id)));
            return 2;
        }
        window.selectLab(id);
    }
    for (const QString &assignment : parser.values(setOption)) {
        const QString key = assignment.section(QLatin1Char('='), 0, 0);
        const QString value = assignment.section(QLatin1Char('='), 1);
        QString error;
        if (!window.setParameter(key, value, &error)) {
            qCritical("%s", qPrintable(QCoreApplication::translate("wirelab::main", "Cannot set %1: %2")
                                           .arg(assignment, error)));
            return 2;
        }
    }
    for (const QString &filter : parser.values(breakpointOption)) {
        QString error;
        if (!window.breakpointPanel()->addBreakpoint(filter, &error)) {
            qCritical(
                "%s",
                qPrintable(
                    QCoreApplication::translate("wirelab::main", "Cannot hold %1: %2").arg(filter, error)));
            return 2;
        }
    }
    for (const QString &panel : parser.values(showOption)) {
        if (panel == QLatin1String("tls")) {
            // The TLS views for a demonstration: the ladder of the selected connection (records, shading, RTT
            // ruler, TTFB bars) tall and wide on the right, the breakpoints closed, the timeline short.
            auto *ladder = window.findChild<QDockWidget *>(QStringLiteral("ladderDock"));
            auto *timeline = window.findChild<QDockWidget *>(QStringLiteral("timelineDock"));
            auto *guide = window.findChild<QDockWidget *>(QStringLiteral("guideDock"));
            if (auto *breakpoints = window.findChild<QDockWidget *>(QStringLiteral("breakpointsDock")))
                breakpoints->hide();
            window.raiseDock(QStringLiteral("lanes"));
            QTimer::singleShot(0, &window, [&window, ladder, timeline, guide] {
                if (ladder && timeline)
                    window.resizeDocks({ladder, timeline}, {720, 160}, Qt::Vertical);
                if (ladder && guide)
                    window.resizeDocks({guide, ladder}, {330, 790}, Qt::Horizontal);
                // The packet list between them is narrow: Time, addresses and Length tight, Info the rest.
                const QFontMetrics fm = window.packetView()->fontMetrics();
                window.packetView()->setColumnWidth(1, fm.horizontalAdvance(QStringLiteral("0.0000000")));
                for (const int column : {2, 3})
                    window.packetView()->setColumnWidth(column, fm.horizontalAdvance(QStringLiteral("198.18.0.10")));
                window.packetView()->setColumnWidth(5, fm.horizontalAdvance(QStringLiteral("Length")) + 8);
            });
            continue;
        }
        if (!window.raiseDock(panel)) {
            qCritical(
                "%s",
                qPrintable(
                    QCoreApplication::translate("wirelab::main", "There is no panel \"%1\".").arg(panel)));
            return 2;
        }
    }
    if (parser.isSet(startOption)) {
        QTimer::singleShot(300, &window, [&window, &parser, &actionOption, &selectOption, &fieldOption] {
            if (!window.startLab())
                return;
            const QString select = parser.value(selectOption);
            auto *script = new ActionScript(
                &window, parser.values(actionOption),
                select == QLatin1String("last") ? ActionScript::kLastPacket : select.toInt(),
                parser.value(fieldOption).toLatin1(),
                select.startsWith(QLatin1String("info:")) ? select.mid(5) : QString());
            QTimer::singleShot(500, script, [script] { script->next(); });
        });
    }
    return app.exec();
}
