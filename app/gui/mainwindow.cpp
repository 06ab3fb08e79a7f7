// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "breakpointpanel.h"
#include "capture/capturefile.h"
#include "capture/capturestate.h"
#include "capturesession.h"
#include "detailsmodel.h"
#include "followstreamdialog.h"
#include "guidepanel.h"
#include "headerbytesview.h"
#include "hexview.h"
#include "httpflows.h"
#include "keyscheduleview.h"
#include "lab/linkparameters.h"
#include "labbrowser.h"
#include "labs.h"
#include "ladderview.h"
#include "languagemanager.h"
#include "networkpanel.h"
#include "packetlistmodel.h"
#include "parameterpanel.h"
#include "telemetrypanel.h"
#include "timelineplot.h"
#include "tlsflows.h"
#include "waterfallview.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace wirelab {

static constexpr int kMaxRecentFiles = 8;

static bool isCaptureFileName(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("pcap") || suffix == QLatin1String("pcapng") ||
           suffix == QLatin1String("cap");
}

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_session(new CaptureSession(this)),
      m_controller(new LabController(m_session, this)), m_language(new LanguageManager(this))
{
    setObjectName(QStringLiteral("wirelabMainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/wirelab.png")));
    m_language->apply(LanguageManager::storedSetting());
    setupAllLabs(m_registry);

    setDockNestingEnabled(true);
    setAcceptDrops(true);
    m_networkSetting = QSettings().value(QStringLiteral("network/mode"), QStringLiteral("auto")).toString();
    createViews();
    createDocks();
    createActions();
    createMenus();
    retranslate();

    connect(m_controller, &LabController::stateChanged, this, &MainWindow::onControllerState);
    connect(m_controller, &LabController::captureStateChanged, this, &MainWindow::updateStatus);
    connect(m_controller, &LabController::checkpointChanged, this,
            [this](int step, int checkpoint, const CheckResult &result) {
                m_guide->setCheckpoint(step, checkpoint, result);
            });
    connect(m_controller, &LabController::actionFinished, this,
            [this](const QString &id, bool ok, const QString &message) {
                m_guide->setActionMessage(id, ok, message);
                if (!message.isEmpty())
                    statusBar()->showMessage(message, 8000);
            });
    connect(m_session, &CaptureSession::packetsAppended, this, &MainWindow::updateStatus);
    connect(m_session, &CaptureSession::cleared, this, [this] {
        m_currentPacket = -1;
        m_followPacketList = true;
        m_hexView->setBytes({});
        updateStatus();
    });
    m_statusTimer.setInterval(500);
    connect(&m_statusTimer, &QTimer::timeout, this, &MainWindow::updateStatus);
    m_statusTimer.start();

    restoreLayout();
    setNetworkSetting(m_networkSetting);
    onLabSelected(m_labBrowser->selectedLabId());
    onControllerState(m_controller->state());
    updateTitle();
}

MainWindow::~MainWindow()
{
    m_controller->stop();
}

void MainWindow::createViews()
{
    m_packetModel = new PacketListModel(m_session, this);
    m_packetView = new QTableView(this);
    m_packetView->setObjectName(QStringLiteral("packetList"));
    m_packetView->setModel(m_packetModel);
    m_packetView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_packetView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_packetView->setShowGrid(false);
    m_packetView->setWordWrap(false);
    m_packetView->setCornerButtonEnabled(false);
    m_packetView->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_packetView->verticalHeader()->hide();
    // Uniform row heights: the view never measures rows, so a million of them cost nothing.
    m_packetView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_packetView->verticalHeader()->setDefaultSectionSize(m_packetView->fontMetrics().height() + 6);
    m_packetView->horizontalHeader()->setHighlightSections(false);
    m_packetView->horizontalHeader()->setStretchLastSection(true);
    m_packetView->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    // Room for seven-digit packet numbers and 127.127.127.127; Info takes the rest.
    const QFontMetrics fm = m_packetView->fontMetrics();
    const int widths[] = {fm.horizontalAdvance(QStringLiteral("0000000")) + 10,
                          fm.horizontalAdvance(QStringLiteral("000.000000")) + 10,
                          fm.horizontalAdvance(QStringLiteral("127.000.0.1")) + 10,
                          fm.horizontalAdvance(QStringLiteral("127.000.0.1")) + 10,
                          fm.horizontalAdvance(QStringLiteral("Protocol")) + 14,
                          fm.horizontalAdvance(QStringLiteral("Length")) + 14};
    for (int c = 0; c < 6; ++c)
        m_packetView->setColumnWidth(c, widths[c]);
    m_packetView->setStyleSheet(
        QStringLiteral("QTableView#packetList::item:selected { background: #2f6fc4; color: white; }"));

    connect(m_packetView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                onCurrentPacketChanged(current.isValid() ? current.row() : -1);
            });
    // Follow live packets while the list is at the bottom; scrolling up stops following, going back resumes.
    connect(m_packetView->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        m_followPacketList = value >= m_packetView->verticalScrollBar()->maximum() - 1;
    });
    connect(m_packetModel, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_followPacketList)
            QTimer::singleShot(0, m_packetView, [this] {
                if (m_followPacketList)
                    m_packetView->scrollToBottom();
            });
    });

    m_detailsModel = new DetailsModel(m_session, this);
    m_detailsView = new QTreeView(this);
    m_detailsView->setObjectName(QStringLiteral("detailsTree"));
    m_detailsView->setModel(m_detailsModel);
    m_detailsView->setUniformRowHeights(true);
    m_detailsView->setHeaderHidden(false);
    m_detailsView->header()->setStretchLastSection(true);
    m_detailsView->setColumnWidth(DetailsModel::FieldColumn, 440);
    m_detailsView->setAlternatingRowColors(true);
    connect(m_detailsView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onDetailsFieldChanged);

    m_hexView = new HexView(this);
    m_hexView->setObjectName(QStringLiteral("hexView"));
    connect(m_hexView, &HexView::byteClicked, this, &MainWindow::onHexByteClicked);

    m_centre = new QSplitter(Qt::Vertical, this);
    m_centre->setObjectName(QStringLiteral("centreSplitter"));
    m_centre->addWidget(m_packetView);
    // The details tree with a strip under it: the selected field's plain-language note.
    auto *detailsPage = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(detailsPage);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->setSpacing(0);
    detailsLayout->addWidget(m_detailsView, 1);
    m_noteLabel = new QLabel(detailsPage);
    m_noteLabel->setObjectName(QStringLiteral("fieldNote"));
    m_noteLabel->setWordWrap(true);
    m_noteLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_noteLabel->setStyleSheet(QStringLiteral(
        "QLabel#fieldNote { background: #fff8d6; color: #3a3000; border-top: 1px solid #e0d590; padding: 4px 8px; }"));
    m_noteLabel->hide();
    detailsLayout->addWidget(m_noteLabel);
    m_centre->addWidget(detailsPage);
    m_centre->addWidget(m_hexView);
    m_centre->setStretchFactor(0, 5);
    m_centre->setStretchFactor(1, 4);
    m_centre->setStretchFactor(2, 2);
    m_centre->setChildrenCollapsible(false);
    setCentralWidget(m_centre);

    m_labBrowser = new LabBrowser(m_registry, this);
    m_parameters = new ParameterPanel(this);
    m_guide = new GuidePanel(this);
    m_guide->setObjectName(QStringLiteral("guidePanel"));
    connect(m_labBrowser, &LabBrowser::labSelected, this, &MainWindow::onLabSelected);
    connect(m_labBrowser, &LabBrowser::startRequested, this, [this](const QString &id) { startLab(id); });
    connect(m_guide, &GuidePanel::actionRequested, this, &MainWindow::runAction);

    m_ladderView = new LadderView(m_session, this);
    m_ladderView->setObjectName(QStringLiteral("ladderView"));
    connect(m_ladderView, &LadderView::packetClicked, this, &MainWindow::selectPacket);
    m_timeline = new TimelinePlot(m_session, this);
    m_timeline->setObjectName(QStringLiteral("timelinePlot"));
    connect(m_timeline, &TimelinePlot::packetClicked, this, &MainWindow::selectPacket);

    m_networkPanel = new NetworkPanel(m_controller, this);
    m_networkPanel->setObjectName(QStringLiteral("networkPanel"));
    m_breakpoints = new BreakpointPanel(m_controller, m_session, this);
    m_breakpoints->setObjectName(QStringLiteral("breakpointPanel"));
    connect(m_breakpoints, &BreakpointPanel::heldCountChanged, this, [this](int held) {
        // A packet just got held: show where (the dock may sit behind a tab).
        if (held > 0 && m_breakpointDock && !m_breakpointDock->isVisible())
            m_breakpointDock->show();
        if (held > 0 && m_breakpointDock)
            m_breakpointDock->raise();
    });
    m_telemetry = new TelemetryPanel(m_session, m_controller, this);
    m_telemetry->setObjectName(QStringLiteral("telemetryPanel"));

    m_http = std::make_unique<HttpFlowIndex>();
    m_ladderView->setHttpIndex(m_http.get());
    m_detailsModel->setHttpIndex(m_http.get()); // one HTTP analysis for the details, the views and the list
    m_packetModel->setHttpIndex(m_http.get()); // Protocol "HTTP"/"HTTP2" and the HTTP Info, as Wireshark
    m_tls = std::make_unique<TlsFlowIndex>();
    m_detailsModel->setTlsIndex(m_tls.get());
    m_packetModel->setTlsIndex(m_tls.get()); // "TLSv1.3" and "Client Hello", as Wireshark
    m_ladderView->setTlsIndex(m_tls.get());
    m_keySchedule = new KeyScheduleView(this);
    m_keySchedule->setObjectName(QStringLiteral("keyScheduleView"));
    m_waterfall = new WaterfallView(m_session, m_http.get(), this);
    m_waterfall->setObjectName(QStringLiteral("waterfallView"));
    connect(m_waterfall, &WaterfallView::packetClicked, this, &MainWindow::selectPacket);
    m_followDialog = new FollowStreamDialog(m_session, m_http.get(), this);
    m_headerBytes = new HeaderBytesView(m_session, m_http.get(), this);
    m_headerBytes->setObjectName(QStringLiteral("headerBytesView"));
}

void MainWindow::createDocks()
{
    auto makeDock = [this](const char *name, QWidget *content) {
        auto *dock = new QDockWidget(this);
        dock->setObjectName(QLatin1String(name));
        dock->setWidget(content);
        dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                          QDockWidget::DockWidgetFloatable);
        return dock;
    };
    m_labDock = makeDock("labsDock", m_labBrowser);
    // In a scroll area: a lab with many parameters must not force the dock tall.
    auto *parameterScroll = new QScrollArea(this);
    parameterScroll->setWidgetResizable(true);
    parameterScroll->setFrameShape(QFrame::NoFrame);
    parameterScroll->setWidget(m_parameters);
    m_parameterDock = makeDock("parametersDock", parameterScroll);
    m_guideDock = makeDock("guideDock", m_guide);

    auto *ladderPage = new QWidget(this);
    auto *ladderLayout = new QVBoxLayout(ladderPage);
    ladderLayout->setContentsMargins(0, 0, 0, 0);
    ladderLayout->setSpacing(0);
    auto *ladderBar = new QHBoxLayout;
    ladderBar->setContentsMargins(8, 4, 8, 4);
    m_ladderOnlySelected = new QCheckBox(ladderPage);
    m_ladderOnlySelected->setObjectName(QStringLiteral("ladderOnlySelected"));
    m_ladderHint = new QLabel(ladderPage);
    m_ladderHint->setStyleSheet(QStringLiteral("color: #5f6b7a;"));
    ladderBar->addWidget(m_ladderOnlySelected);
    ladderBar->addStretch(1);
    ladderBar->addWidget(m_ladderHint);
    ladderLayout->addLayout(ladderBar);
    ladderLayout->addWidget(m_ladderView, 1);
    connect(m_ladderOnlySelected, &QCheckBox::toggled, m_ladderView,
            &LadderView::setOnlySelectedConversation);
    m_ladderDock = makeDock("ladderDock", ladderPage);
    m_timelineDock = makeDock("timelineDock", m_timeline);
    auto *networkScroll = new QScrollArea(this);
    networkScroll->setWidgetResizable(true);
    networkScroll->setFrameShape(QFrame::NoFrame);
    networkScroll->setWidget(m_networkPanel);
    m_networkDock = makeDock("networkDock", networkScroll);
    m_breakpointDock = makeDock("breakpointsDock", m_breakpoints);
    m_telemetryDock = makeDock("telemetryDock", m_telemetry);
    m_waterfallDock = makeDock("waterfallDock", m_waterfall);
    m_headerBytesDock = makeDock("headerBytesDock", m_headerBytes);
    m_keyScheduleDock = makeDock("keyScheduleDock", m_keySchedule);

    // Left: what to do (labs, their parameters and the lab network as tabs, the guide under them, as tall
    // as it gets); centre: the packets; right: how they flow (ladder over breakpoints, then the timeline
    // and the kernel's telemetry as tabs).
    addDockWidget(Qt::LeftDockWidgetArea, m_labDock);
    addDockWidget(Qt::LeftDockWidgetArea, m_guideDock);
    tabifyDockWidget(m_labDock, m_parameterDock);
    tabifyDockWidget(m_labDock, m_networkDock);
    m_labDock->raise();
    addDockWidget(Qt::RightDockWidgetArea, m_ladderDock);
    addDockWidget(Qt::RightDockWidgetArea, m_breakpointDock);
    addDockWidget(Qt::RightDockWidgetArea, m_timelineDock);
    tabifyDockWidget(m_timelineDock, m_telemetryDock);
    tabifyDockWidget(m_timelineDock, m_waterfallDock);
    tabifyDockWidget(m_timelineDock, m_headerBytesDock);
    tabifyDockWidget(m_timelineDock, m_keyScheduleDock);
    m_timelineDock->raise();
}

void MainWindow::applyDefaultDockSizes()
{
    resizeDocks({m_labDock, m_guideDock}, {390, 510}, Qt::Vertical);
    resizeDocks({m_ladderDock, m_breakpointDock, m_timelineDock}, {310, 170, 400}, Qt::Vertical);
    resizeDocks({m_guideDock, m_ladderDock}, {400, 600}, Qt::Horizontal);
}

void MainWindow::createActions()
{
    QStyle *s = style();
    m_openAction = new QAction(s->standardIcon(QStyle::SP_DialogOpenButton), QString(), this);
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openFileDialog);
    m_saveAction = new QAction(s->standardIcon(QStyle::SP_DialogSaveButton), QString(), this);
    m_saveAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), QKeySequence(Qt::CTRL | Qt::Key_S)});
    connect(m_saveAction, &QAction::triggered, this, &MainWindow::saveFileDialog);
    m_exportKeysAction = new QAction(this);
    m_exportKeysAction->setObjectName(QStringLiteral("exportTlsKeysAction"));
    connect(m_exportKeysAction, &QAction::triggered, this, &MainWindow::exportTlsKeysDialog);
    m_clearRecentAction = new QAction(this);
    connect(m_clearRecentAction, &QAction::triggered, this, [this] {
        QSettings().remove(QStringLiteral("files/recent"));
        rebuildRecentMenu();
    });
    m_quitAction = new QAction(this);
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_startAction = new QAction(s->standardIcon(QStyle::SP_MediaPlay), QString(), this);
    m_startAction->setObjectName(QStringLiteral("startLabAction"));
    m_startAction->setShortcut(QKeySequence(Qt::Key_F5));
    connect(m_startAction, &QAction::triggered, this, [this] { startLab(); });
    m_stopAction = new QAction(s->standardIcon(QStyle::SP_MediaStop), QString(), this);
    m_stopAction->setObjectName(QStringLiteral("stopLabAction"));
    m_stopAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    connect(m_stopAction, &QAction::triggered, this, &MainWindow::stopLab);

    m_zoomInAction = new QAction(this);
    m_zoomInAction->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    connect(m_zoomInAction, &QAction::triggered, this, [this] { setZoom(m_zoom + 1); });
    m_zoomOutAction = new QAction(this);
    m_zoomOutAction->setShortcut(QKeySequence::ZoomOut);
    connect(m_zoomOutAction, &QAction::triggered, this, [this] { setZoom(m_zoom - 1); });
    m_zoomResetAction = new QAction(this);
    m_zoomResetAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(m_zoomResetAction, &QAction::triggered, this, [this] { setZoom(0); });

    m_nextAction = new QAction(s->standardIcon(QStyle::SP_ArrowDown), QString(), this);
    m_nextAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Down));
    connect(m_nextAction, &QAction::triggered, this, [this] { stepPacket(1); });
    m_previousAction = new QAction(s->standardIcon(QStyle::SP_ArrowUp), QString(), this);
    m_previousAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Up));
    connect(m_previousAction, &QAction::triggered, this, [this] { stepPacket(-1); });
    m_firstAction = new QAction(this);
    m_firstAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Home));
    connect(m_firstAction, &QAction::triggered, this, [this] { selectPacket(0); });
    m_lastAction = new QAction(this);
    m_lastAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_End));
    connect(m_lastAction, &QAction::triggered, this,
            [this] { selectPacket(int(m_session->store().size()) - 1); });
    m_goToAction = new QAction(this);
    m_goToAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    connect(m_goToAction, &QAction::triggered, this, &MainWindow::goToPacketDialog);

    m_languageGroup = new QActionGroup(this);
    m_languageGroup->setExclusive(true);
    m_languageSystemAction = new QAction(m_languageGroup);
    m_languageSystemAction->setData(QString());
    m_languageEnglishAction = new QAction(m_languageGroup);
    m_languageEnglishAction->setData(QStringLiteral("en"));
    m_languageGermanAction = new QAction(m_languageGroup);
    m_languageGermanAction->setObjectName(QStringLiteral("languageGermanAction"));
    m_languageGermanAction->setData(QStringLiteral("de"));
    for (QAction *a : m_languageGroup->actions()) {
        a->setCheckable(true);
        a->setChecked(a->data().toString() == m_language->setting());
        connect(a, &QAction::triggered, this, [this, a] { setLanguage(a->data().toString()); });
    }

    m_networkGroup = new QActionGroup(this);
    m_networkGroup->setExclusive(true);
    m_networkAutoAction = new QAction(m_networkGroup);
    m_networkAutoAction->setData(QStringLiteral("auto"));
    m_networkAutoAction->setObjectName(QStringLiteral("networkAutoAction"));
    m_networkSandboxAction = new QAction(m_networkGroup);
    m_networkSandboxAction->setData(QStringLiteral("sandbox"));
    m_networkSandboxAction->setObjectName(QStringLiteral("networkSandboxAction"));
    m_networkHostAction = new QAction(m_networkGroup);
    m_networkHostAction->setData(QStringLiteral("host"));
    m_networkHostAction->setObjectName(QStringLiteral("networkHostAction"));
    for (QAction *a : m_networkGroup->actions()) {
        a->setCheckable(true);
        connect(a, &QAction::triggered, this, [this, a] { setNetworkSetting(a->data().toString()); });
    }

    m_aboutAction = new QAction(this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, [this] {
        QMessageBox::about(
            this, tr("About Wirelab"),
            tr("<h3>Wirelab %1</h3><p>A workbench that teaches network engineering with real "
               "traffic: every lab starts real servers and clients, captures what they send and "
               "shows it packet by packet.</p><p>Licensed under the GNU GPL, version 3 or later. "
               "Built with Qt %2, libpcap and QCustomPlot.</p>")
                .arg(QCoreApplication::applicationVersion(), QLatin1String(qVersion())));
    });
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->setObjectName(QStringLiteral("menuFile"));
    m_fileMenu->addAction(m_openAction);
    m_recentMenu = m_fileMenu->addMenu(QString());
    m_recentMenu->setObjectName(QStringLiteral("menuRecent"));
    m_fileMenu->addAction(m_saveAction);
    m_fileMenu->addAction(m_exportKeysAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);
    rebuildRecentMenu();

    m_labMenu = menuBar()->addMenu(QString());
    m_labMenu->setObjectName(QStringLiteral("menuLab"));
    m_labMenu->addAction(m_startAction);
    m_labMenu->addAction(m_stopAction);
    m_labMenu->addSeparator();
    m_labMenu->addAction(m_breakpoints->stepAction());

    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->setObjectName(QStringLiteral("menuView"));
    for (QDockWidget *dock : {m_labDock, m_parameterDock, m_networkDock, m_guideDock, m_ladderDock,
                              m_breakpointDock, m_timelineDock, m_telemetryDock, m_waterfallDock, m_headerBytesDock,
                              m_keyScheduleDock})
        m_viewMenu->addAction(dock->toggleViewAction());
    m_viewMenu->addSeparator();
    m_followStreamAction = new QAction(this);
    m_followStreamAction->setObjectName(QStringLiteral("followStreamAction"));
    m_followStreamAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::SHIFT | Qt::Key_T));
    connect(m_followStreamAction, &QAction::triggered, this, [this] {
        m_followDialog->showConversation(m_currentPacket);
        m_followDialog->show();
        m_followDialog->raise();
    });
    m_viewMenu->addAction(m_followStreamAction);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_zoomInAction);
    m_viewMenu->addAction(m_zoomOutAction);
    m_viewMenu->addAction(m_zoomResetAction);

    m_goMenu = menuBar()->addMenu(QString());
    m_goMenu->setObjectName(QStringLiteral("menuGo"));
    m_goMenu->addAction(m_nextAction);
    m_goMenu->addAction(m_previousAction);
    m_goMenu->addAction(m_firstAction);
    m_goMenu->addAction(m_lastAction);
    m_goMenu->addSeparator();
    m_goMenu->addAction(m_goToAction);

    m_settingsMenu = menuBar()->addMenu(QString());
    m_settingsMenu->setObjectName(QStringLiteral("menuSettings"));
    m_languageMenu = m_settingsMenu->addMenu(QString());
    m_languageMenu->setObjectName(QStringLiteral("menuLanguage"));
    m_languageMenu->addActions(m_languageGroup->actions());
    m_networkMenu = m_settingsMenu->addMenu(QString());
    m_networkMenu->setObjectName(QStringLiteral("menuNetwork"));
    m_networkMenu->addActions(m_networkGroup->actions());

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->setObjectName(QStringLiteral("menuHelp"));
    m_helpMenu->addAction(m_aboutAction);

    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setMovable(false);
    m_toolBar->addAction(m_openAction);
    m_toolBar->addAction(m_saveAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_startAction);
    m_toolBar->addAction(m_stopAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_previousAction);
    m_toolBar->addAction(m_nextAction);

    m_stateLabel = new QLabel(this);
    m_stateLabel->setObjectName(QStringLiteral("captureStateLabel"));
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("packetCountLabel"));
    m_dropLabel = new QLabel(this);
    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(QStringLiteral("captureProblemLabel"));
    m_problemLabel->setStyleSheet(QStringLiteral("QLabel { color: #8a1f11; font-weight: 600; }"));
    m_problemLabel->setWordWrap(false);
    m_problemLabel->setMinimumWidth(1); // clipped rather than widening the window; the guide shows it whole
    m_modeLabel = new QLabel(this);
    m_modeLabel->setObjectName(QStringLiteral("networkModeLabel"));
    // Permanent, so a passing message never hides which network the lab runs in; clipped rather than
    // widening the window (the tooltip has it whole).
    m_modeLabel->setMinimumWidth(1);
    m_modeLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    statusBar()->addWidget(m_problemLabel, 1);
    // When a temporary message goes away, bring the capture problem back at once.
    connect(statusBar(), &QStatusBar::messageChanged, this, [this](const QString &message) {
        if (message.isEmpty())
            updateStatus();
    });
    statusBar()->addPermanentWidget(m_modeLabel, 1);
    statusBar()->addPermanentWidget(m_stateLabel);
    statusBar()->addPermanentWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_dropLabel);
}

void MainWindow::retranslate()
{
    m_fileMenu->setTitle(tr("&File"));
    m_recentMenu->setTitle(tr("Open &Recent"));
    m_labMenu->setTitle(tr("&Lab"));
    m_viewMenu->setTitle(tr("&View"));
    m_goMenu->setTitle(tr("&Go"));
    m_settingsMenu->setTitle(tr("&Settings"));
    m_languageMenu->setTitle(tr("&Language"));
    m_networkMenu->setTitle(tr("&Network"));
    m_networkAutoAction->setText(tr("&Automatic (lab network where possible)"));
    m_networkSandboxAction->setText(tr("&Lab network"));
    m_networkHostAction->setText(tr("&Host mode (127.0.0.1)"));
    m_helpMenu->setTitle(tr("&Help"));
    m_toolBar->setWindowTitle(tr("Main toolbar"));

    m_openAction->setText(tr("&Open..."));
    m_openAction->setToolTip(tr("Open a pcap or pcapng capture file (Ctrl+O)"));
    m_saveAction->setText(tr("Save &As..."));
    m_saveAction->setToolTip(tr("Save the packets as pcapng, which Wireshark opens (Ctrl+Shift+S)"));
    m_clearRecentAction->setText(tr("&Clear List"));
    m_quitAction->setText(tr("&Quit"));
    m_startAction->setText(tr("&Start"));
    m_startAction->setToolTip(tr("Start the selected lab (F5)"));
    m_stopAction->setText(tr("S&top"));
    m_stopAction->setToolTip(tr("Stop the running lab (Shift+F5)"));
    m_zoomInAction->setText(tr("Zoom &In"));
    m_zoomOutAction->setText(tr("Zoom &Out"));
    m_zoomResetAction->setText(tr("&Normal Size"));
    m_nextAction->setText(tr("&Next Packet"));
    m_previousAction->setText(tr("&Previous Packet"));
    m_firstAction->setText(tr("&First Packet"));
    m_lastAction->setText(tr("&Last Packet"));
    m_goToAction->setText(tr("&Go to Packet..."));
    m_languageSystemAction->setText(tr("&System Language"));
    // Language names are shown in their own language, so anyone can find theirs.
    m_languageEnglishAction->setText(QStringLiteral("&English"));
    m_languageGermanAction->setText(QStringLiteral("&Deutsch"));
    m_aboutAction->setText(tr("&About Wirelab"));

    m_labDock->setWindowTitle(tr("Labs"));
    m_parameterDock->setWindowTitle(tr("Parameters"));
    m_guideDock->setWindowTitle(tr("Guide"));
    m_ladderDock->setWindowTitle(tr("Ladder Diagram"));
    m_timelineDock->setWindowTitle(tr("Timeline"));
    m_networkDock->setWindowTitle(tr("Lab network"));
    m_breakpointDock->setWindowTitle(tr("Breakpoints"));
    m_telemetryDock->setWindowTitle(tr("Telemetry"));
    m_waterfallDock->setWindowTitle(tr("HTTP Waterfall"));
    m_headerBytesDock->setWindowTitle(tr("Header Bytes"));
    m_keyScheduleDock->setWindowTitle(tr("TLS Key Schedule"));
    m_exportKeysAction->setText(tr("Export TLS Session &Keys..."));
    m_exportKeysAction->setToolTip(tr("Save the TLS secrets the lab's endpoints logged as an NSS key log file "
                                      "(what SSLKEYLOGFILE writes; Wireshark reads it)"));
    m_followStreamAction->setText(tr("&Follow TCP Stream"));
    m_followStreamAction->setToolTip(
        tr("The selected packet's TCP conversation as text, CR and LF visible (Ctrl+Alt+Shift+T)"));
    m_ladderOnlySelected->setText(tr("Only the selected conversation"));
    m_ladderHint->setText(tr("Click an arrow to select its packet; an HTTP/2 connection alone shows a lane per stream"));

    m_packetModel->retranslate();
    m_detailsModel->retranslate();
    rebuildRecentMenu();
    updateStatus();
    updateTitle();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && m_fileMenu)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::setLanguage(const QString &setting)
{
    LanguageManager::storeSetting(setting);
    m_language->apply(setting);
    for (QAction *a : m_languageGroup->actions())
        a->setChecked(a->data().toString() == setting);
    // Installing translators already posted LanguageChange; retranslate now too, so the switch is
    // visible before the event loop runs again.
    retranslate();
}

void MainWindow::setZoom(int steps)
{
    m_zoom = std::clamp(steps, -4, 16);
    QFont f = QApplication::font();
    f.setPointSizeF(std::max(6.0, f.pointSizeF() + m_zoom));
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_centre, m_labDock, m_parameterDock, m_guideDock, m_ladderDock,
                                          m_timelineDock, m_networkDock, m_breakpointDock, m_telemetryDock,
                                          m_waterfallDock, m_headerBytesDock})
        w->setFont(f);
    m_packetView->verticalHeader()->setDefaultSectionSize(QFontMetrics(f).height() + 6);
    QSettings().setValue(QStringLiteral("ui/zoom"), m_zoom);
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    const QByteArray geometry = settings.value(QStringLiteral("window/geometry")).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1600, 1000);
    if (!restoreState(settings.value(QStringLiteral("window/state")).toByteArray()))
        // Dock sizes only stick once the window has its real size: apply them after it is shown.
        QTimer::singleShot(0, this, &MainWindow::applyDefaultDockSizes);
    m_centre->restoreState(settings.value(QStringLiteral("window/centre")).toByteArray());
    setZoom(settings.value(QStringLiteral("ui/zoom"), 0).toInt());
}

void MainWindow::saveLayout()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/centre"), m_centre->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    m_controller->stop();
    QMainWindow::closeEvent(event);
}

void MainWindow::showError(const QString &title, const QString &message)
{
    // Window-modal and asynchronous: it never blocks the event loop (nor a test driving the window).
    auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorMessageBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    Q_EMIT errorShown(title, message);
}

bool MainWindow::openFile(const QString &path)
{
    if (m_controller->state() == LabController::State::Running ||
        m_controller->state() == LabController::State::Starting)
        m_controller->stop();
    const CaptureFileInfo info = m_session->openFile(path);
    if (info.opened)
        addRecentFile(QFileInfo(path).absoluteFilePath());
    updateTitle();
    updateStatus();
    if (!info.opened || !info.error.isEmpty()) {
        QString message = info.error.isEmpty() ? tr("The file could not be read.") : info.error;
        if (info.packetsRead > 0)
            message += QLatin1Char('\n') +
                       tr("Packets read before the problem: %1. They are shown.").arg(info.packetsRead);
        showError(tr("Could not read %1").arg(QFileInfo(path).fileName()), message);
        return false;
    }
    // A file is read from the top, not followed like a live capture.
    m_followPacketList = false;
    if (!m_session->store().isEmpty())
        selectPacket(0);
    statusBar()->showMessage(
        tr("Opened %1 (%2): packets: %3").arg(QFileInfo(path).fileName(), info.format).arg(info.packetsRead),
        6000);
    return true;
}

bool MainWindow::saveFile(const QString &path)
{
    QString error;
    // The endpoints' TLS keys go into a Decryption Secrets Block: Wireshark then opens the file decrypted.
    m_tls->update(*m_session, true);
    const QByteArray keyLog = m_tls->hasKeys() ? m_tls->keyLog().toNss() : QByteArray();
    if (!writePcapng(path, m_session->store(), &error, keyLog)) {
        showError(tr("Could not save %1").arg(QFileInfo(path).fileName()), error);
        return false;
    }
    addRecentFile(QFileInfo(path).absoluteFilePath());
    int withKeys = 0;
    for (const TlsConnectionResult &c : m_tls->analysis().connections())
        if (c.keysFound)
            ++withKeys;
    const QString saved = tr("Saved to %1: packets: %2").arg(QFileInfo(path).fileName()).arg(m_session->store().size());
    statusBar()->showMessage(
        keyLog.isEmpty() ? saved
                         : saved + QStringLiteral("; ")
                               + tr("with the TLS keys of %n connection(s) in a Decryption Secrets Block, so Wireshark "
                                    "shows them decrypted", nullptr, withKeys),
        keyLog.isEmpty() ? 6000 : 10000);
    return true;
}

void MainWindow::openFileDialog()
{
    const QString dir = QSettings().value(QStringLiteral("files/lastDir")).toString();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Capture File"), dir, tr("Capture files (*.pcapng *.pcap *.cap);;All files (*)"));
    if (path.isEmpty())
        return;
    QSettings().setValue(QStringLiteral("files/lastDir"), QFileInfo(path).absolutePath());
    openFile(path);
}

void MainWindow::saveFileDialog()
{
    const QString dir = QSettings().value(QStringLiteral("files/lastDir")).toString();
    QString base = m_session->title().isEmpty() ? QStringLiteral("capture") : m_session->title();
    base = QFileInfo(base).completeBaseName().replace(QLatin1Char(' '), QLatin1Char('-')).toLower();
    QString path = QFileDialog::getSaveFileName(this, tr("Save Capture As"),
                                                QDir(dir).filePath(base + QStringLiteral(".pcapng")),
                                                tr("pcapng capture (*.pcapng)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".pcapng");
    QSettings().setValue(QStringLiteral("files/lastDir"), QFileInfo(path).absolutePath());
    saveFile(path);
}

bool MainWindow::exportTlsKeys(const QString &path)
{
    m_tls->update(*m_session, true);
    if (!m_tls->hasKeys()) {
        showError(tr("No TLS keys"), tr("This capture holds no TLS secrets: only the lab's own endpoints log their keys."));
        return false;
    }
    QString error;
    if (!writeTlsKeyLog(path, m_tls->keyLog().toNss(), &error)) {
        showError(tr("Could not save %1").arg(QFileInfo(path).fileName()), error);
        return false;
    }
    statusBar()->showMessage(tr("Exported %n TLS secret(s) to %1 (NSS key log: Wireshark's TLS preference "
                                "\"(Pre)-Master-Secret log filename\" reads it)", nullptr,
                                int(m_tls->keyLog().entries().size()))
                                 .arg(QFileInfo(path).fileName()),
                             10000);
    return true;
}

void MainWindow::exportTlsKeysDialog()
{
    const QString dir = QSettings().value(QStringLiteral("files/lastDir")).toString();
    QString base = m_session->title().isEmpty() ? QStringLiteral("capture") : m_session->title();
    base = QFileInfo(base).completeBaseName().replace(QLatin1Char(' '), QLatin1Char('-')).toLower();
    const QString path = QFileDialog::getSaveFileName(this, tr("Export TLS Session Keys"),
                                                      QDir(dir).filePath(base + QStringLiteral("-keys.txt")),
                                                      tr("NSS key log (*.txt *.keylog);;All files (*)"));
    if (path.isEmpty())
        return;
    QSettings().setValue(QStringLiteral("files/lastDir"), QFileInfo(path).absolutePath());
    exportTlsKeys(path);
}

void MainWindow::updateKeySchedule()
{
    if (!m_keySchedule)
        return;
    const TlsConnectionResult *c = m_currentPacket >= 0 ? m_tls->connectionOfPacket(m_currentPacket) : nullptr;
    if (c == m_keyScheduleShown && m_tls->generation() == m_keyScheduleGeneration)
        return;
    m_keyScheduleShown = c;
    m_keyScheduleGeneration = m_tls->generation();
    QString title;
    if (c && !c->serverName.isEmpty())
        title = tr("tcp.stream %1 to %2").arg(c->conversation).arg(c->serverName);
    else if (c)
        title = tr("tcp.stream %1").arg(c->conversation);
    m_keySchedule->setConnection(c, title);
}

void MainWindow::showHexSource(int source)
{
    if (source == m_hexSource)
        return;
    m_hexSource = source;
    if (source >= 0) {
        m_hexView->setBytes(m_detailsModel->bytesSource(source));
        return;
    }
    if (m_currentPacket < 0 || std::size_t(m_currentPacket) >= m_session->store().size()) {
        m_hexView->setBytes({});
        return;
    }
    const PacketView view = m_session->store().at(std::size_t(m_currentPacket));
    m_hexView->setBytes(QByteArray(reinterpret_cast<const char *>(view.bytes.data()), qsizetype(view.bytes.size())));
}

void MainWindow::addRecentFile(const QString &path)
{
    QSettings settings;
    QStringList files = settings.value(QStringLiteral("files/recent")).toStringList();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    settings.setValue(QStringLiteral("files/recent"), files);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = QSettings().value(QStringLiteral("files/recent")).toStringList();
    for (int i = 0; i < files.size(); ++i) {
        const QString path = files[i];
        QAction *a =
            m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()));
        a->setToolTip(path);
        connect(a, &QAction::triggered, this, [this, path] { openFile(path); });
    }
    if (files.isEmpty()) {
        QAction *none = m_recentMenu->addAction(tr("No recent files"));
        none->setEnabled(false);
    } else {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(m_clearRecentAction);
    }
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    for (const QUrl &url : urls)
        if (url.isLocalFile() && isCaptureFileName(url.toLocalFile())) {
            event->acceptProposedAction();
            return;
        }
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    for (const QUrl &url : urls)
        if (url.isLocalFile() && isCaptureFileName(url.toLocalFile())) {
            event->acceptProposedAction();
            // Open after the drop finished, so an error box does not sit inside the drag.
            const QString path = url.toLocalFile();
            QTimer::singleShot(0, this, [this, path] { openFile(path); });
            return;
        }
}

void MainWindow::selectLab(const QString &labId)
{
    m_labBrowser->selectLab(labId);
    onLabSelected(labId);
}

void MainWindow::onLabSelected(const QString &labId)
{
    const LabDefinition *lab = m_registry.find(labId);
    // While a lab runs, its guide and parameters stay on screen.
    if (m_controller->lab() && (m_controller->state() == LabController::State::Running ||
                                m_controller->state() == LabController::State::Starting))
        return;
    m_parameters->setLab(lab);
    if (m_networkPanel->lab() != lab)
        m_networkPanel->setLab(lab);
    if (m_guide->lab() != lab)
        m_guide->setLab(lab);
    m_startAction->setEnabled(lab != nullptr);
}

bool MainWindow::startLab(const QString &labId)
{
    const QString id = labId.isEmpty() ? m_labBrowser->selectedLabId() : labId;
    const LabDefinition *lab = m_registry.find(id);
    if (!lab) {
        showError(tr("No lab selected"), tr("Pick a lab in the Labs list first."));
        return false;
    }
    if (m_controller->state() == LabController::State::Running ||
        m_controller->state() == LabController::State::Starting)
        m_controller->stop();
    if (m_labBrowser->selectedLabId() != id)
        m_labBrowser->selectLab(id);
    m_parameters->setLab(lab);
    if (m_networkPanel->lab() != lab)
        m_networkPanel->setLab(lab);
    m_guide->setLab(lab);
    m_guide->clearResults();
    // The parameter panel holds the lab's own parameters, the network panel the link.* ones.
    QVariantMap values = m_parameters->values();
    const QVariantMap link = m_networkPanel->linkParameters();
    for (auto it = link.cbegin(); it != link.cend(); ++it)
        values.insert(it.key(), it.value());
    QString error; // the controller empties the session for the new run
    if (!m_controller->start(*lab, values, &error)) {
        showError(tr("The lab could not start"), error);
        onControllerState(m_controller->state());
        return false;
    }
    onControllerState(m_controller->state());
    updateTitle();
    return true;
}

void MainWindow::stopLab()
{
    m_controller->stop();
    onControllerState(m_controller->state());
}

void MainWindow::runAction(const QString &actionId)
{
    if (m_controller->state() != LabController::State::Running)
        return;
    m_guide->setActionBusy(actionId, true);
    m_controller->runAction(actionId);
}

void MainWindow::onControllerState(LabController::State state)
{
    const bool running = state == LabController::State::Running || state == LabController::State::Starting;
    m_parameters->setEnabled(!running);
    m_networkPanel->refresh();
    m_guide->setRunning(state == LabController::State::Running);
    m_labBrowser->setRunningLab(running && m_controller->lab() ? m_controller->lab()->id : QString());
    m_startAction->setEnabled(!running && m_registry.find(m_labBrowser->selectedLabId()));
    m_stopAction->setEnabled(running);
    m_openAction->setEnabled(true);
    if (state == LabController::State::Failed && !m_controller->errorString().isEmpty())
        statusBar()->showMessage(m_controller->errorString(), 10000);
    updateStatus();
}

void MainWindow::updateStatus()
{
    if (!m_stateLabel)
        return;
    const bool labActive = m_controller->lab() && m_controller->state() != LabController::State::Idle;
    const std::size_t count = m_session->store().size();
    const QString problem = labActive ? m_controller->captureProblem() : QString();
    if (labActive)
        m_stateLabel->setText(tr("Capture: %1").arg(captureStateText(m_controller->captureState())));
    else
        m_stateLabel->setText(count > 0 ? tr("File: %1").arg(m_session->title()) : tr("No capture"));
    m_countLabel->setText(tr("Packets: %1").arg(QLocale().toString(qulonglong(count))));
    const std::uint64_t drops = labActive ? m_controller->droppedPackets() : 0;
    m_dropLabel->setText(tr("Dropped: %1").arg(QLocale().toString(qulonglong(drops))));
    m_dropLabel->setStyleSheet(drops > 0 ? QStringLiteral("color: #b00020;") : QString());
    m_problemLabel->setText(problem);
    m_problemLabel->setToolTip(problem);
    // A temporary status message hides the label; do not show it through the message.
    if (problem.isEmpty())
        m_problemLabel->hide();
    else if (statusBar()->currentMessage().isEmpty())
        m_problemLabel->show();
    m_guide->setCaptureProblem(problem);
    updateModeLabel();
    if (m_tls) {
        m_tls->update(*m_session);
        m_exportKeysAction->setEnabled(m_tls->hasKeys());
        updateKeySchedule();
    }
}

NetworkMode MainWindow::plannedNetworkMode() const
{
    if (m_networkSetting == QLatin1String("host"))
        return NetworkMode::Host;
    if (m_networkSetting == QLatin1String("sandbox"))
        return NetworkMode::Sandbox;
    return LabController::sandboxAvailability().available ? NetworkMode::Sandbox : NetworkMode::Host;
}

QString MainWindow::networkModeText() const
{
    const bool running = m_controller->state() == LabController::State::Running ||
                         m_controller->state() == LabController::State::Starting;
    const NetworkMode mode = running ? m_controller->networkMode() : plannedNetworkMode();
    const SandboxAvailability availability = LabController::sandboxAvailability();
    if (mode == NetworkMode::Sandbox) {
        int hosts = 2;
        if (const LabNetwork *network = running ? m_controller->network() : nullptr)
            hosts = int(network->hostNames().size());
        else if (const LabDefinition *lab = m_controller->lab() ? m_controller->lab() : m_networkPanel->lab())
            hosts = std::max<int>(2, int(lab->hosts.size()));
        if (!running && !availability.available)
            return tr("Lab network chosen, but not available here: %1 %2")
                .arg(availability.reason, availability.howToEnable);
        return tr("Lab network: %1 hosts, delay/loss/breakpoints").arg(hosts);
    }
    // Host mode: what the student loses and how to get the lab network.
    const QString loses =
        availability.loses.isEmpty()
            ? tr("no delay, loss or breakpoints on the wire, and capture needs capture rights.")
            : availability.loses;
    if (availability.available)
        return tr("Host mode (chosen in Settings > Network): %1").arg(loses);
    return tr("Host mode: %1 %2 %3").arg(availability.reason, loses, availability.howToEnable).simplified();
}

void MainWindow::updateModeLabel()
{
    if (!m_modeLabel)
        return;
    const QString text = networkModeText();
    const bool running = m_controller->state() == LabController::State::Running;
    const QString tip =
        running ? QStringLiteral("%1\n%2").arg(text, m_controller->networkDescription()) : text;
    if (m_modeLabel->text() != text) {
        m_modeLabel->setText(text);
        const bool active = running || m_controller->state() == LabController::State::Starting;
        const bool host = (active ? m_controller->networkMode() : plannedNetworkMode()) == NetworkMode::Host;
        m_modeLabel->setStyleSheet(host ? QStringLiteral("QLabel { color: #8a4b00; }")
                                        : QStringLiteral("QLabel { color: #1d5e2a; }"));
    }
    if (m_modeLabel->toolTip() != tip)
        m_modeLabel->setToolTip(tip);
}

void MainWindow::setNetworkSetting(const QString &setting)
{
    m_networkSetting = setting == QLatin1String("sandbox") || setting == QLatin1String("host")
                           ? setting
                           : QStringLiteral("auto");
    QSettings().setValue(QStringLiteral("network/mode"), m_networkSetting);
    if (m_networkSetting == QLatin1String("sandbox"))
        m_controller->setNetworkMode(NetworkMode::Sandbox);
    else if (m_networkSetting == QLatin1String("host"))
        m_controller->setNetworkMode(NetworkMode::Host);
    else
        m_controller->setAutomaticNetworkMode();
    for (QAction *a : m_networkGroup->actions())
        a->setChecked(a->data().toString() == m_networkSetting);
    m_networkPanel->setPlannedMode(plannedNetworkMode());
    updateModeLabel();
}

bool MainWindow::setParameter(const QString &key, const QString &value, QString *error)
{
    if (isLinkParameter(key))
        return m_networkPanel->setLinkParameter(key, value, error);
    if (!m_parameters->setValue(key, value)) {
        if (error)
            *error = tr("The lab has no parameter %1, or %2 does not fit it.").arg(key, value);
        return false;
    }
    return true;
}

bool MainWindow::raiseDock(const QString &name)
{
    const std::pair<const char *, QDockWidget *> docks[] = {
        {"labs", m_labDock},          {"parameters", m_parameterDock}, {"network", m_networkDock},
        {"guide", m_guideDock},       {"ladder", m_ladderDock},        {"breakpoints", m_breakpointDock},
        {"timeline", m_timelineDock}, {"telemetry", m_telemetryDock}, {"waterfall", m_waterfallDock},
        {"headerbytes", m_headerBytesDock}, {"keyschedule", m_keyScheduleDock}};
    if (name == QLatin1String("http")) {
        // The HTTP views for a demonstration: the ladder (its stream lanes) over a tall waterfall, the
        // breakpoints closed (the View menu brings them back). Sized after the default sizes are applied.
        m_breakpointDock->hide();
        raiseDock(QStringLiteral("lanes"));
        raiseDock(QStringLiteral("waterfall"));
        QTimer::singleShot(0, this, [this] {
            resizeDocks({m_ladderDock, m_timelineDock}, {400, 500}, Qt::Vertical);
            resizeDocks({m_guideDock, m_ladderDock}, {310, 650}, Qt::Horizontal);
        });
        return true;
    }
    if (name == QLatin1String("lanes")) {
        // The ladder with only the selected conversation: an HTTP/2 connection shows its stream lanes.
        m_ladderOnlySelected->setChecked(true);
        return raiseDock(QStringLiteral("ladder"));
    }
    for (const auto &[id, dock] : docks)
        if (name == QLatin1String(id)) {
            dock->show();
            dock->raise();
            return true;
        }
    return false;
}

void MainWindow::updateTitle()
{
    const QString title = m_session->title();
    setWindowTitle(title.isEmpty() ? tr("Wirelab") : tr("%1 — Wirelab").arg(title));
}

void MainWindow::selectPacket(int packetIndex)
{
    if (packetIndex < 0 || packetIndex >= m_packetModel->rowCount())
        return;
    const QModelIndex index = m_packetModel->index(packetIndex, 0);
    m_packetView->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                               QItemSelectionModel::Rows);
    m_packetView->scrollTo(index);
}

void MainWindow::stepPacket(int delta)
{
    const int count = m_packetModel->rowCount();
    if (count == 0)
        return;
    const int next =
        m_currentPacket < 0 ? (delta > 0 ? 0 : count - 1) : std::clamp(m_currentPacket + delta, 0, count - 1);
    selectPacket(next);
}

void MainWindow::goToPacketDialog()
{
    const int count = m_packetModel->rowCount();
    if (count == 0)
        return;
    bool ok = false;
    const int number = QInputDialog::getInt(this, tr("Go to Packet"), tr("Packet number:"),
                                            m_currentPacket < 0 ? 1 : m_currentPacket + 1, 1, count, 1, &ok);
    if (ok)
        selectPacket(number - 1);
}

void MainWindow::onCurrentPacketChanged(int packetIndex)
{
    m_currentPacket = packetIndex;
    m_detailsModel->setPacket(packetIndex);
    m_hexSource = -1;
    m_noteLabel->hide();
    updateKeySchedule();
    if (packetIndex < 0) {
        m_hexView->setBytes({});
        return;
    }
    const PacketView view = m_session->store().at(std::size_t(packetIndex));
    m_hexView->setBytes(
        QByteArray(reinterpret_cast<const char *>(view.bytes.data()), qsizetype(view.bytes.size())));
    // Open the topmost protocol (TCP, UDP, ...): that is what the labs talk about.
    const int layers = m_detailsModel->rowCount();
    if (layers > 0)
        m_detailsView->expand(m_detailsModel->index(layers - 1, 0));
    m_ladderView->setCurrentPacket(packetIndex);
    m_waterfall->setCurrentPacket(packetIndex);
}

void MainWindow::onDetailsFieldChanged()
{
    const QModelIndex current = m_detailsView->currentIndex();
    if (!current.isValid()) {
        showHexSource(-1);
        m_hexView->setHighlight(0, 0);
        m_noteLabel->hide();
        return;
    }
    // Fields of decrypted TLS content count in the decrypted bytes: the hex view shows those (Wireshark's
    // "Decrypted TLS" bytes tab) and says so in the note strip.
    const int source = current.data(DetailsModel::SourceRole).toInt();
    showHexSource(source);
    QString note = current.data(DetailsModel::NoteRole).toString();
    if (source >= 0)
        note = (note.isEmpty() ? QString() : note + QStringLiteral("\n"))
               + tr("Hex view: %1, not the packet's bytes (select a field outside it to go back).")
                     .arg(m_detailsModel->bytesSourceName(source));
    m_noteLabel->setText(note);
    m_noteLabel->setVisible(!note.isEmpty());
    m_hexView->setHighlight(current.data(DetailsModel::OffsetRole).toInt(),
                            current.data(DetailsModel::LengthRole).toInt());
}

bool MainWindow::selectField(const QByteArray &abbrev)
{
    const QModelIndex index = m_detailsModel->indexForAbbrev(abbrev);
    if (!index.isValid())
        return false;
    for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
        m_detailsView->expand(p);
    m_detailsView->setCurrentIndex(index);
    m_detailsView->scrollTo(index);
    return true;
}

void MainWindow::onHexByteClicked(int offset)
{
    const QModelIndex index = m_detailsModel->indexForByte(offset, m_hexSource);
    if (!index.isValid())
        return;
    for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
        m_detailsView->expand(p);
    m_detailsView->setCurrentIndex(index);
    m_detailsView->scrollTo(index);
}

} // namespace wirelab
