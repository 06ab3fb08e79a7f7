<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>wirelab::DetailsModel</name>
    <message>
        <location filename="../app/gui/detailsmodel.cpp" line="124"/>
        <source>%1
Field name: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/detailsmodel.cpp" line="126"/>
        <source>Bytes %1 to %2 (%n byte(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/detailsmodel.cpp" line="129"/>
        <source>Malformed: the packet ends or contradicts itself here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/detailsmodel.cpp" line="152"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/detailsmodel.cpp" line="154"/>
        <source>Field name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wirelab::GuidePanel</name>
    <message>
        <location filename="../app/gui/guidepanel.cpp" line="188"/>
        <source>No packet capture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/guidepanel.cpp" line="195"/>
        <source>&lt;h3&gt;Welcome to Wirelab&lt;/h3&gt;&lt;p&gt;Pick a lab in the &lt;b&gt;Labs&lt;/b&gt; list and press &lt;b&gt;Start&lt;/b&gt; (F5). Each lab starts real servers and clients on this machine, captures their packets and guides you through what happens on the wire.&lt;/p&gt;&lt;p&gt;You can also open a capture file (Ctrl+O) or drop one on the window.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/guidepanel.cpp" line="218"/>
        <source>%1 of %n step(s) done</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/guidepanel.cpp" line="221"/>
        <source>Press &lt;b&gt;Start&lt;/b&gt; (F5) to run the lab; the step buttons work while it runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/guidepanel.cpp" line="259"/>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/guidepanel.cpp" line="280"/>
        <source>%1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/guidepanel.cpp" line="282"/>
        <source>Start the lab first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/guidepanel.cpp" line="310"/>
        <source>Passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/guidepanel.cpp" line="310"/>
        <source>Not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/guidepanel.cpp" line="310"/>
        <source>Not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wirelab::HexView</name>
    <message>
        <location filename="../app/gui/hexview.cpp" line="197"/>
        <source>Select a packet to see its bytes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wirelab::LabBrowser</name>
    <message>
        <location filename="../app/gui/labbrowser.cpp" line="89"/>
        <source>%1 (running)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/labbrowser.cpp" line="93"/>
        <source>Start lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/labbrowser.cpp" line="94"/>
        <source>Start the selected lab (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/labbrowser.cpp" line="103"/>
        <source>No labs are registered.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wirelab::LadderView</name>
    <message>
        <location filename="../app/gui/ladderview.cpp" line="321"/>
        <source>[Retransmission] %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/ladderview.cpp" line="323"/>
        <source>[Dup ACK] %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/ladderview.cpp" line="325"/>
        <source>[Zero window] %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/ladderview.cpp" line="369"/>
        <source>Select a packet to see its conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/ladderview.cpp" line="370"/>
        <source>Packets appear here as arrows between the hosts that exchange them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/ladderview.cpp" line="471"/>
        <source>port %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/ladderview.cpp" line="474"/>
        <source>Time (s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wirelab::MainWindow</name>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="300"/>
        <source>About Wirelab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="301"/>
        <source>&lt;h3&gt;Wirelab %1&lt;/h3&gt;&lt;p&gt;A workbench that teaches network engineering with real traffic: every lab starts real servers and clients, captures what they send and shows it packet by packet.&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL, version 3 or later. Built with Qt %2, libpcap and QCustomPlot.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="384"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="385"/>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="386"/>
        <source>&amp;Lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="387"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="388"/>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="389"/>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="390"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="391"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="392"/>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="394"/>
        <source>&amp;Open...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="395"/>
        <source>Open a pcap or pcapng capture file (Ctrl+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="396"/>
        <source>Save &amp;As...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="397"/>
        <source>Save the packets as pcapng, which Wireshark opens (Ctrl+Shift+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="398"/>
        <source>&amp;Clear List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="399"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="400"/>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="401"/>
        <source>Start the selected lab (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="402"/>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="403"/>
        <source>Stop the running lab (Shift+F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="404"/>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="405"/>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="406"/>
        <source>&amp;Normal Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="407"/>
        <source>&amp;Next Packet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="408"/>
        <source>&amp;Previous Packet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="409"/>
        <source>&amp;First Packet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="410"/>
        <source>&amp;Last Packet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="411"/>
        <source>&amp;Go to Packet...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="412"/>
        <source>&amp;System Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="416"/>
        <source>&amp;About Wirelab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="418"/>
        <source>Labs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="419"/>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="420"/>
        <source>Guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="421"/>
        <source>Ladder Diagram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="422"/>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="423"/>
        <source>Only the selected conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="424"/>
        <source>Click an arrow to select its packet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="510"/>
        <source>The file could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/mainwindow.cpp" line="512"/>
        <source>The %n packet(s) read before the problem are shown.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="514"/>
        <source>Could not read %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/mainwindow.cpp" line="519"/>
        <source>Opened %1: %n packet(s), %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="528"/>
        <source>Could not save %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/mainwindow.cpp" line="532"/>
        <source>Saved %n packet(s) to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="540"/>
        <source>Open Capture File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="541"/>
        <source>Capture files (*.pcapng *.pcap *.cap);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="553"/>
        <source>Save Capture As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="555"/>
        <source>pcapng capture (*.pcapng)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="587"/>
        <source>No recent files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="642"/>
        <source>No lab selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="642"/>
        <source>Pick a lab in the Labs list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="656"/>
        <source>The lab could not start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="702"/>
        <source>Capture: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="704"/>
        <source>File: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="704"/>
        <source>No capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="705"/>
        <source>Packets: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="707"/>
        <source>Dropped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="718"/>
        <source>Wirelab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="718"/>
        <source>%1 — Wirelab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="746"/>
        <source>Go to Packet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="746"/>
        <source>Packet number:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wirelab::PacketListModel</name>
    <message>
        <location filename="../app/gui/packetlistmodel.cpp" line="176"/>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/packetlistmodel.cpp" line="177"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/packetlistmodel.cpp" line="178"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/packetlistmodel.cpp" line="179"/>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/packetlistmodel.cpp" line="180"/>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/packetlistmodel.cpp" line="181"/>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/packetlistmodel.cpp" line="182"/>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wirelab::ParameterPanel</name>
    <message>
        <location filename="../app/gui/parameterpanel.cpp" line="100"/>
        <source>Reset to defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/parameterpanel.cpp" line="102"/>
        <source>Select a lab to see its parameters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/parameterpanel.cpp" line="103"/>
        <source>This lab has no parameters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/parameterpanel.cpp" line="115"/>
        <source>Range: %1 to %2; default %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wirelab::TimelinePlot</name>
    <message>
        <location filename="../app/gui/timelineplot.cpp" line="71"/>
        <source>Time since the first packet (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/timelineplot.cpp" line="72"/>
        <source>Packets/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/timelineplot.cpp" line="73"/>
        <source>Bytes/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/timelineplot.cpp" line="74"/>
        <source>Packets per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/timelineplot.cpp" line="75"/>
        <source>Bytes per second</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
