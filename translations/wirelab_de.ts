<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>wirelab::DetailsModel</name>
    <message>
        <location filename="../app/gui/detailsmodel.cpp" line="+124"/>
        <source>%1
Field name: %2</source>
        <translation>%1
Feldname: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bytes %1 to %2, length %3</source>
        <translation>Bytes %1 bis %2, Länge %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Malformed: the packet ends or contradicts itself here.</source>
        <translation>Fehlerhaft: Das Paket endet hier oder widerspricht sich.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Field name</source>
        <translation>Feldname</translation>
    </message>
</context>
<context>
    <name>wirelab::GuidePanel</name>
    <message>
        <location filename="../app/gui/guidepanel.cpp" line="+225"/>
        <source>No packet capture.</source>
        <translation>Keine Paketaufzeichnung.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;h3&gt;Welcome to Wirelab&lt;/h3&gt;&lt;p&gt;Pick a lab in the &lt;b&gt;Labs&lt;/b&gt; list and press &lt;b&gt;Start&lt;/b&gt; (F5). Each lab starts real servers and clients on this machine, captures their packets and guides you through what happens on the wire.&lt;/p&gt;&lt;p&gt;You can also open a capture file (Ctrl+O) or drop one on the window.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Willkommen bei Wirelab&lt;/h3&gt;&lt;p&gt;Wählen Sie ein Lab in der Liste &lt;b&gt;Labs&lt;/b&gt; und drücken Sie &lt;b&gt;Starten&lt;/b&gt; (F5). Jedes Lab startet echte Server und Clients auf diesem Rechner, zeichnet ihre Pakete auf und führt Sie durch das, was auf der Leitung geschieht.&lt;/p&gt;&lt;p&gt;Sie können auch eine Aufzeichnungsdatei öffnen (Strg+O) oder eine auf das Fenster ziehen.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Steps done: %1 of %2</source>
        <translation>Erledigte Schritte: %1 von %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Press &lt;b&gt;Start&lt;/b&gt; (F5) to run the lab; the step buttons work while it runs.</source>
        <translation>Drücken Sie &lt;b&gt;Starten&lt;/b&gt; (F5), um das Lab auszuführen; die Schaltflächen der Schritte funktionieren, solange es läuft.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1…</source>
        <translation>%1 …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start the lab first.</source>
        <translation>Starten Sie zuerst das Lab.</translation>
    </message>
    <message>
        <location line="-199"/>
        <source>Passed</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not yet</source>
        <translation>Noch nicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not checked yet</source>
        <translation>Noch nicht geprüft</translation>
    </message>
</context>
<context>
    <name>wirelab::HexView</name>
    <message>
        <location filename="../app/gui/hexview.cpp" line="+199"/>
        <source>Select a packet to see its bytes.</source>
        <translation>Wählen Sie ein Paket, um seine Bytes zu sehen.</translation>
    </message>
</context>
<context>
    <name>wirelab::LabBrowser</name>
    <message>
        <location filename="../app/gui/labbrowser.cpp" line="+94"/>
        <source>%1 (running)</source>
        <translation>%1 (läuft)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start lab</source>
        <translation>Lab starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start the selected lab (F5)</source>
        <translation>Das gewählte Lab starten (F5)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No labs are registered.</source>
        <translation>Es sind keine Labs registriert.</translation>
    </message>
</context>
<context>
    <name>wirelab::LadderView</name>
    <message>
        <location filename="../app/gui/ladderview.cpp" line="+337"/>
        <source>[Retransmission] %1</source>
        <translation>[Neuübertragung] %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>[Dup ACK] %1</source>
        <translation>[Doppeltes ACK] %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>[Zero window] %1</source>
        <translation>[Nullfenster] %1</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Select a packet to see its conversation.</source>
        <translation>Wählen Sie ein Paket, um seine Verbindung zu sehen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Packets appear here as arrows between the hosts that exchange them.</source>
        <translation>Pakete erscheinen hier als Pfeile zwischen den Hosts, die sie austauschen.</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>port %1</source>
        <translation>Port %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
</context>
<context>
    <name>wirelab::MainWindow</name>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="+331"/>
        <source>About Wirelab</source>
        <translation>Über Wirelab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Wirelab %1&lt;/h3&gt;&lt;p&gt;A workbench that teaches network engineering with real traffic: every lab starts real servers and clients, captures what they send and shows it packet by packet.&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL, version 3 or later. Built with Qt %2, libpcap and QCustomPlot.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Wirelab %1&lt;/h3&gt;&lt;p&gt;Eine Werkbank, die Netzwerktechnik mit echtem Verkehr lehrt: Jedes Lab startet echte Server und Clients, zeichnet auf, was sie senden, und zeigt es Paket für Paket.&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU GPL, Version 3 oder später. Gebaut mit Qt %2, libpcap und QCustomPlot.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lab</source>
        <translation>&amp;Lab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open...</source>
        <translation>&amp;Öffnen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a pcap or pcapng capture file (Ctrl+O)</source>
        <translation>Eine pcap- oder pcapng-Aufzeichnungsdatei öffnen (Strg+O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save &amp;As...</source>
        <translation>Speichern &amp;unter …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the packets as pcapng, which Wireshark opens (Ctrl+Shift+S)</source>
        <translation>Die Pakete als pcapng speichern, das Wireshark öffnet (Strg+Umschalt+S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start the selected lab (F5)</source>
        <translation>Das gewählte Lab starten (F5)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the running lab (Shift+F5)</source>
        <translation>Das laufende Lab stoppen (Umschalt+F5)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Normal Size</source>
        <translation>&amp;Normale Größe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next Packet</source>
        <translation>&amp;Nächstes Paket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Previous Packet</source>
        <translation>&amp;Vorheriges Paket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;First Packet</source>
        <translation>&amp;Erstes Paket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Last Packet</source>
        <translation>&amp;Letztes Paket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Go to Packet...</source>
        <translation>&amp;Gehe zu Paket …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;System Language</source>
        <translation>&amp;Systemsprache</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;About Wirelab</source>
        <translation>&amp;Über Wirelab</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Labs</source>
        <translation>Labs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guide</source>
        <translation>Anleitung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ladder Diagram</source>
        <translation>Leiterdiagramm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeline</source>
        <translation>Zeitverlauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the selected conversation</source>
        <translation>Nur die gewählte Verbindung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click an arrow to select its packet</source>
        <translation>Klicken Sie auf einen Pfeil, um sein Paket zu wählen</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>The file could not be read.</source>
        <translation>Die Datei konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Packets read before the problem: %1. They are shown.</source>
        <translation>Vor dem Problem gelesene Pakete: %1. Sie werden angezeigt.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Opened %1 (%2): packets: %3</source>
        <translation>%1 (%2) geöffnet: Pakete: %3</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Saved to %1: packets: %2</source>
        <translation>In %1 gespeichert: Pakete: %2</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Could not read %1</source>
        <translation>%1 konnte nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Could not save %1</source>
        <translation>%1 konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Open Capture File</source>
        <translation>Aufzeichnungsdatei öffnen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Capture files (*.pcapng *.pcap *.cap);;All files (*)</source>
        <translation>Aufzeichnungsdateien (*.pcapng *.pcap *.cap);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save Capture As</source>
        <translation>Aufzeichnung speichern unter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>pcapng capture (*.pcapng)</source>
        <translation>pcapng-Aufzeichnung (*.pcapng)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No recent files</source>
        <translation>Keine zuletzt geöffneten Dateien</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>No lab selected</source>
        <translation>Kein Lab gewählt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pick a lab in the Labs list first.</source>
        <translation>Wählen Sie zuerst ein Lab in der Liste „Labs“.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The lab could not start</source>
        <translation>Das Lab konnte nicht starten</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Capture: %1</source>
        <translation>Aufzeichnung: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>File: %1</source>
        <translation>Datei: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No capture</source>
        <translation>Keine Aufzeichnung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Packets: %1</source>
        <translation>Pakete: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dropped: %1</source>
        <translation>Verworfen: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Wirelab</source>
        <translation>Wirelab</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 — Wirelab</source>
        <translation>%1 — Wirelab</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Go to Packet</source>
        <translation>Gehe zu Paket</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Packet number:</source>
        <translation>Paketnummer:</translation>
    </message>
</context>
<context>
    <name>wirelab::PacketListModel</name>
    <message>
        <location filename="../app/gui/packetlistmodel.cpp" line="+178"/>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Info</source>
        <translation>Info</translation>
    </message>
</context>
<context>
    <name>wirelab::ParameterPanel</name>
    <message>
        <location filename="../app/gui/parameterpanel.cpp" line="+101"/>
        <source>Reset to defaults</source>
        <translation>Standardwerte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select a lab to see its parameters.</source>
        <translation>Wählen Sie ein Lab, um seine Parameter zu sehen.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This lab has no parameters.</source>
        <translation>Dieses Lab hat keine Parameter.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Range: %1 to %2; default %3.</source>
        <translation>Bereich: %1 bis %2; Standard %3.</translation>
    </message>
</context>
<context>
    <name>wirelab::TimelinePlot</name>
    <message>
        <location filename="../app/gui/timelineplot.cpp" line="+71"/>
        <source>Time since the first packet (s)</source>
        <translation>Zeit seit dem ersten Paket (s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Packets/s</source>
        <translation>Pakete/s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes/s</source>
        <translation>Bytes/s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Packets per second</source>
        <translation>Pakete pro Sekunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes per second</source>
        <translation>Bytes pro Sekunde</translation>
    </message>
</context>
<context>
    <name>wirelab::main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="+73"/>
        <source>Wirelab: a workbench that teaches network engineering with real traffic.</source>
        <translation>Wirelab: eine Werkbank, die Netzwerktechnik mit echtem Verkehr lehrt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Select the lab &lt;id&gt; (see wirelab-cli list).</source>
        <translation>Das Lab &lt;id&gt; wählen (siehe wirelab-cli list).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start the selected lab at once.</source>
        <translation>Das gewählte Lab sofort starten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set a lab parameter, key=value (repeatable).</source>
        <translation>Einen Lab-Parameter setzen, Schlüssel=Wert (mehrfach möglich).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>After starting, run this step action (repeatable, in order).</source>
        <translation>Nach dem Start diese Schritt-Aktion ausführen (mehrfach möglich, in dieser Reihenfolge).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Select packet number &lt;n&gt; after the actions ran.</source>
        <translation>Nach den Aktionen das Paket Nummer &lt;n&gt; wählen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use this language (en, de) and remember it.</source>
        <translation>Diese Sprache verwenden (en, de) und sie merken.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With --select: also select this field (Wireshark name, e.g. tcp.options.mss_val).</source>
        <translation>Mit --select: auch dieses Feld wählen (Wireshark-Name, z. B. tcp.options.mss_val).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A pcap or pcapng file to open.</source>
        <translation>Eine pcap- oder pcapng-Datei zum Öffnen.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No lab has the id &quot;%1&quot;; `wirelab-cli list` shows the ids.</source>
        <translation>Kein Lab hat die ID „%1“; `wirelab-cli list` zeigt die IDs.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot set %1: the lab has no such parameter or the value is out of range.</source>
        <translation>%1 kann nicht gesetzt werden: Das Lab hat keinen solchen Parameter, oder der Wert liegt außerhalb des Bereichs.</translation>
    </message>
</context>
</TS>
