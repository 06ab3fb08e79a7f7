// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lab/labcontroller.h"
#include "lab/labregistry.h"

#include <QMainWindow>
#include <QTimer>

#include <memory>

class QAction;
class QActionGroup;
class QCheckBox;
class QDockWidget;
class QLabel;
class QMenu;
class QSplitter;
class QTableView;
class QToolBar;
class QTreeView;

namespace wirelab {

class FollowStreamDialog;
class HeaderBytesView;
class HttpFlowIndex;
class KeyScheduleView;
class TlsFlowIndex;
class WaterfallView;

class BreakpointPanel;
class CaptureSession;
class DetailsModel;
class GuidePanel;
class HexView;
class LabBrowser;
class LadderView;
class LanguageManager;
class NetworkPanel;
class PacketListModel;
class ParameterPanel;
class TelemetryPanel;
class TimelinePlot;

// Wirelab's window. One CaptureSession holds what the current run or file produced; a LabController runs
// labs into it; every view listens to the session. Centre: packet list over the details tree over the
// hex view. Docks: lab browser, parameters, the lab network and the guide on the left; ladder, breakpoints,
// timeline and telemetry on the right. The status bar names the network mode and what it offers.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    CaptureSession *session() const { return m_session; }
    LabController *controller() const { return m_controller; }
    const LabRegistry &registry() const { return m_registry; }
    LanguageManager *languageManager() const { return m_language; }

    QTableView *packetView() const { return m_packetView; }
    PacketListModel *packetModel() const { return m_packetModel; }
    QTreeView *detailsView() const { return m_detailsView; }
    DetailsModel *detailsModel() const { return m_detailsModel; }
    HexView *hexView() const { return m_hexView; }
    LadderView *ladderView() const { return m_ladderView; }
    TimelinePlot *timelinePlot() const { return m_timeline; }
    LabBrowser *labBrowser() const { return m_labBrowser; }
    GuidePanel *guidePanel() const { return m_guide; }
    ParameterPanel *parameterPanel() const { return m_parameters; }
    NetworkPanel *networkPanel() const { return m_networkPanel; }
    BreakpointPanel *breakpointPanel() const { return m_breakpoints; }
    TelemetryPanel *telemetryPanel() const { return m_telemetry; }
    WaterfallView *waterfallView() const { return m_waterfall; }
    HeaderBytesView *headerBytesView() const { return m_headerBytes; }
    HttpFlowIndex *httpIndex() const { return m_http.get(); }
    // The one TLS analysis (packet list, details, key schedule, ladder, export), fed with the session's
    // packets and the endpoints' "tls.keylog" events.
    TlsFlowIndex *tlsIndex() const { return m_tls.get(); }
    KeyScheduleView *keyScheduleView() const { return m_keySchedule; }
    // The strip under the details tree: the selected field's plain-language note (TLS fields carry one).
    QLabel *fieldNoteLabel() const { return m_noteLabel; }
    // File > Export TLS Session Keys...: the NSS key log of the session (what SSLKEYLOGFILE writes).
    QAction *exportTlsKeysAction() const { return m_exportKeysAction; }
    bool exportTlsKeys(const QString &path);
    // View > Follow TCP Stream (Ctrl+Alt+Shift+T): the dialog for the selected packet's conversation.
    QAction *followStreamAction() const { return m_followStreamAction; }
    FollowStreamDialog *followStreamDialog() const { return m_followDialog; }
    QLabel *captureStateLabel() const { return m_stateLabel; }
    QLabel *packetCountLabel() const { return m_countLabel; }
    QLabel *networkModeLabel() const { return m_modeLabel; }

    // Settings > Network: "auto" (the lab network where the system allows it, else host mode), "sandbox"
    // or "host"; stored in QSettings (network/mode) and passed to the controller for the next start.
    void setNetworkSetting(const QString &setting);
    QString networkSetting() const { return m_networkSetting; }
    // The status bar's sentence about the network mode (running: the run's mode; idle: the next start's).
    QString networkModeText() const;
    // Sets a lab parameter by key, as `--set` does: link.* go to the network panel, the rest to the
    // parameter panel. false with *error when the key is unknown or the value out of range.
    bool setParameter(const QString &key, const QString &value, QString *error = nullptr);
    // Raises a dock by name: "labs", "parameters", "network", "guide", "ladder", "breakpoints",
    // "timeline", "telemetry", "waterfall", "headerbytes"; "lanes": the ladder with only the selected
    // conversation (an HTTP/2 connection's stream lanes); "http": lanes over a tall waterfall, breakpoints
    // closed. false for an unknown name.
    bool raiseDock(const QString &name);

    // Replaces the session with a capture file. Bad files: a message box with the reader's sentence,
    // keeping the packets read before the damage. Returns true when the whole file was read.
    bool openFile(const QString &path);
    bool saveFile(const QString &path);
    // Starts the lab selected in the browser (or the one given) with the parameter panel's values.
    bool startLab(const QString &labId = {});
    void stopLab();
    void runAction(const QString &actionId);
    void selectLab(const QString &labId);
    // Selects packet index (0-based) in the packet list; the details, hex view and ladder follow.
    void selectPacket(int packetIndex);
    int currentPacket() const { return m_currentPacket; }
    // Selects the first field with this Wireshark name in the current packet's details (and its bytes).
    bool selectField(const QByteArray &abbrev);
    // "" (system), "en" or "de"; applied at once and stored.
    void setLanguage(const QString &setting);
    // Text zoom in steps of one point; 0 is the system size.
    void setZoom(int steps);
    int zoom() const { return m_zoom; }

Q_SIGNALS:
    // Every error message box also announces itself here (tests and scripts listen).
    void errorShown(const QString &title, const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createViews();
    void createDocks();
    void createActions();
    void createMenus();
    void retranslate();
    void restoreLayout();
    void applyDefaultDockSizes();
    void saveLayout();

    void showError(const QString &title, const QString &message);
    void openFileDialog();
    void saveFileDialog();
    void exportTlsKeysDialog();
    void updateKeySchedule();
    void showHexSource(int source);
    void addRecentFile(const QString &path);
    void rebuildRecentMenu();
    void goToPacketDialog();
    void stepPacket(int delta);

    void onLabSelected(const QString &labId);
    void onControllerState(LabController::State state);
    void onCurrentPacketChanged(int packetIndex);
    void onDetailsFieldChanged();
    void onHexByteClicked(int offset);
    void updateStatus();
    void updateModeLabel();
    void updateTitle();
    NetworkMode plannedNetworkMode() const;

    CaptureSession *m_session;
    LabController *m_controller;
    LabRegistry m_registry;
    LanguageManager *m_language;

    PacketListModel *m_packetModel = nullptr;
    DetailsModel *m_detailsModel = nullptr;
    QTableView *m_packetView = nullptr;
    QTreeView *m_detailsView = nullptr;
    HexView *m_hexView = nullptr;
    LadderView *m_ladderView = nullptr;
    QCheckBox *m_ladderOnlySelected = nullptr;
    QLabel *m_ladderHint = nullptr;
    TimelinePlot *m_timeline = nullptr;
    LabBrowser *m_labBrowser = nullptr;
    ParameterPanel *m_parameters = nullptr;
    GuidePanel *m_guide = nullptr;
    NetworkPanel *m_networkPanel = nullptr;
    BreakpointPanel *m_breakpoints = nullptr;
    TelemetryPanel *m_telemetry = nullptr;
    std::unique_ptr<HttpFlowIndex> m_http; // shared by the waterfall, the ladder and Follow Stream
    std::unique_ptr<TlsFlowIndex> m_tls;   // shared by the list, the details, the key schedule and the ladder
    KeyScheduleView *m_keySchedule = nullptr;
    QDockWidget *m_keyScheduleDock = nullptr;
    QLabel *m_noteLabel = nullptr;
    QAction *m_exportKeysAction = nullptr;
    int m_hexSource = -1;            // what the hex view shows: -1 the packet, n a decrypted TLS buffer
    const void *m_keyScheduleShown = nullptr;
    int m_keyScheduleGeneration = -1;
    WaterfallView *m_waterfall = nullptr;
    HeaderBytesView *m_headerBytes = nullptr;
    FollowStreamDialog *m_followDialog = nullptr;
    QAction *m_followStreamAction = nullptr;
    QSplitter *m_centre = nullptr;

    QDockWidget *m_labDock = nullptr;
    QDockWidget *m_parameterDock = nullptr;
    QDockWidget *m_guideDock = nullptr;
    QDockWidget *m_ladderDock = nullptr;
    QDockWidget *m_timelineDock = nullptr;
    QDockWidget *m_networkDock = nullptr;
    QDockWidget *m_breakpointDock = nullptr;
    QDockWidget *m_telemetryDock = nullptr;
    QDockWidget *m_waterfallDock = nullptr;
    QDockWidget *m_headerBytesDock = nullptr;
    QToolBar *m_toolBar = nullptr;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_labMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_goMenu = nullptr;
    QMenu *m_settingsMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_networkMenu = nullptr;
    QMenu *m_helpMenu = nullptr;

    QAction *m_openAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_clearRecentAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_startAction = nullptr;
    QAction *m_stopAction = nullptr;
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_zoomResetAction = nullptr;
    QAction *m_nextAction = nullptr;
    QAction *m_previousAction = nullptr;
    QAction *m_firstAction = nullptr;
    QAction *m_lastAction = nullptr;
    QAction *m_goToAction = nullptr;
    QActionGroup *m_languageGroup = nullptr;
    QAction *m_languageSystemAction = nullptr;
    QAction *m_languageEnglishAction = nullptr;
    QAction *m_languageGermanAction = nullptr;
    QActionGroup *m_networkGroup = nullptr;
    QAction *m_networkAutoAction = nullptr;
    QAction *m_networkSandboxAction = nullptr;
    QAction *m_networkHostAction = nullptr;
    QAction *m_aboutAction = nullptr;

    QLabel *m_stateLabel = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_dropLabel = nullptr;
    QLabel *m_problemLabel = nullptr;
    QLabel *m_modeLabel = nullptr;
    QTimer m_statusTimer;
    QString m_networkSetting = QStringLiteral("auto");

    int m_currentPacket = -1;
    int m_zoom = 0;
    bool m_followPacketList = true;
};

} // namespace wirelab
