<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>wirelab::BreakpointPanel</name>
    <message>
        <location filename="../app/gui/breakpointpanel.cpp" line="+197"/>
        <source>Type a filter first, for example tcp.flags.syn == 1.</source>
        <translation>Geben Sie zuerst einen Filter ein, zum Beispiel tcp.flags.syn == 1.</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>%1 (set by the lab)</source>
        <translation>%1 (vom Lab gesetzt)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The wire refused this filter.</source>
        <translation>Die Leitung hat diesen Filter abgelehnt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A step of the lab set this breakpoint; it removes it itself.</source>
        <translation>Ein Schritt des Labs hat diesen Haltepunkt gesetzt; er entfernt ihn selbst.</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Hold packets matching, e.g. tcp.flags.syn == 1</source>
        <translation>Pakete anhalten, die passen, z. B. tcp.flags.syn == 1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A display filter (tcp.flags.syn == 1 &amp;&amp; tcp.flags.ack == 0, udp.dstport == 8801, tcp.len &gt; 0) or a capture filter in BPF syntax (tcp[tcpflags] &amp; tcp-syn != 0).</source>
        <translation>Ein Anzeigefilter (tcp.flags.syn == 1 &amp;&amp; tcp.flags.ack == 0, udp.dstport == 8801, tcp.len &gt; 0) oder ein Mitschnittfilter in BPF-Syntax (tcp[tcpflags] &amp; tcp-syn != 0).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hold packets matching</source>
        <translation>Pakete anhalten, die passen auf</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hits</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Id</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Held for</source>
        <translation>Angehalten seit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From → to</source>
        <translation>Von → nach</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Packet</source>
        <translation>Paket</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Held on the wire: %n packet(s)</source>
        <translation>
            <numerusform>Auf der Leitung angehalten: %n Paket</numerusform>
            <numerusform>Auf der Leitung angehalten: %n Pakete</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Held on the wire: none</source>
        <translation>Auf der Leitung angehalten: keine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Release the oldest held packet onto its link (F10); the link&apos;s delay still applies.</source>
        <translation>Das älteste angehaltene Paket auf seine Verbindung freigeben (F10); die Verzögerung der Verbindung gilt weiterhin.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step Held Packet</source>
        <translation>Angehaltenes Paket freigeben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Release all</source>
        <translation>Alle freigeben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop the selected held packet (or the oldest); the capture keeps it, marked.</source>
        <translation>Das ausgewählte angehaltene Paket (oder das älteste) verwerfen; der Mitschnitt behält es, markiert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop all</source>
        <translation>Alle verwerfen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Host mode: there is no wire to hold packets on. Breakpoints work in the lab network (Settings &gt; Network).</source>
        <translation>Host-Modus: Es gibt keine Leitung, auf der Pakete angehalten werden könnten. Haltepunkte funktionieren im Labornetz (Einstellungen &gt; Netzwerk).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Breakpoints added now are set when the lab starts in the lab network.</source>
        <translation>Jetzt hinzugefügte Haltepunkte werden gesetzt, sobald das Lab im Labornetz startet.</translation>
    </message>
</context>
<context>
    <name>wirelab::DetailsModel</name>
    <message>
        <location filename="../app/gui/detailsmodel.cpp" line="+107"/>
        <source>HyperText Transfer Protocol 2</source>
        <translation>HyperText Transfer Protocol 2</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Packet comments</source>
        <translation>Paketkommentare</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>%1
Field name: %2</source>
        <translation>%1
Feldname: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bytes %1 to %2 of the decrypted content, length %3</source>
        <translation>Bytes %1 bis %2 des entschlüsselten Inhalts, Länge %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes %1 to %2, length %3</source>
        <translation>Bytes %1 bis %2, Länge %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Malformed: the packet ends or contradicts itself here.</source>
        <translation>Fehlerhaft: Das Paket endet hier oder widerspricht sich.</translation>
    </message>
    <message>
        <location line="+33"/>
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
    <name>wirelab::FollowStreamDialog</name>
    <message>
        <location filename="../app/gui/followstreamdialog.cpp" line="+45"/>
        <source>Follow TCP Stream</source>
        <translation>TCP-Strom folgen</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The selected packet belongs to no TCP conversation with HTTP bytes, or none is selected.</source>
        <translation>Das ausgewählte Paket gehört zu keiner TCP-Verbindung mit HTTP-Bytes, oder es ist keines ausgewählt.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Client bytes in red (%1 bytes), server bytes in blue (%2 bytes). ␍ is a carriage return (CR, \r), ␊ a line feed (LF, \n): HTTP/1.x ends every header line with both, and the header block with an empty line.</source>
        <translation>Bytes des Clients rot (%1 Bytes), des Servers blau (%2 Bytes). ␍ ist ein Wagenrücklauf (CR, \r), ␊ ein Zeilenvorschub (LF, \n): HTTP/1.x beendet jede Kopfzeile mit beiden und den Kopfblock mit einer Leerzeile.</translation>
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
    <name>wirelab::HeaderBytesView</name>
    <message>
        <location filename="../app/gui/headerbytesview.cpp" line="+68"/>
        <source>HTTP/1.x header block</source>
        <translation>HTTP/1.x-Kopfblock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP/2 on the wire (HPACK)</source>
        <translation>HTTP/2 auf der Leitung (HPACK)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP/2 decoded</source>
        <translation>HTTP/2 dekodiert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Header bytes per request appear here once requests are in the capture.</source>
        <translation>Die Header-Bytes jeder Anfrage erscheinen hier, sobald Anfragen im Mitschnitt sind.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Requests in the order they were sent (bytes of request headers)</source>
        <translation>Anfragen in der Reihenfolge des Sendens (Bytes der Anfrage-Header)</translation>
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
    <name>wirelab::KeyScheduleView</name>
    <message>
        <location filename="../app/gui/keyscheduleview.cpp" line="+24"/>
        <source>client</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Output (hex)</source>
        <translation>Ausgabe (hex)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Select a TLS packet to see how its connection&apos;s keys were derived.</source>
        <translation>Wählen Sie ein TLS-Paket, um zu sehen, wie die Schlüssel seiner Verbindung abgeleitet wurden.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cipher suite unknown</source>
        <translation>Cipher Suite unbekannt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, hash %1</source>
        <translation>, Hash %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No key schedule: the key log holds no secrets for this connection (client random %1…).</source>
        <translation>Kein Key Schedule: Das Key Log enthält keine Secrets für diese Verbindung (Client Random %1…).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Key derivation (%1 steps)</source>
        <translation>Schlüsselableitung (%1 Schritte)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>= %1</source>
        <translation>= %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>input %1 (%n byte(s))</source>
        <translation>
            <numerusform>Eingabe %1 (%n Byte)</numerusform>
            <numerusform>Eingabe %1 (%n Bytes)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Finished checks</source>
        <translation>Finished-Prüfungen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>? (captured Finished not decrypted)</source>
        <translation>? (mitgeschnittenes Finished nicht entschlüsselt)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>✓ matches</source>
        <translation>✓ stimmt überein</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>✗ differs</source>
        <translation>✗ weicht ab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 Finished %2</source>
        <translation>%1 Finished %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>verify_data recomputed over the transcript hash and compared with the captured one</source>
        <translation>verify_data über den Transkript-Hash neu berechnet und mit dem mitgeschnittenen Wert verglichen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>transcript hash</source>
        <translation>Transkript-Hash</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>finished key</source>
        <translation>Finished Key</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>computed verify_data</source>
        <translation>berechnetes verify_data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>captured verify_data</source>
        <translation>mitgeschnittenes verify_data</translation>
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
        <location filename="../app/gui/ladderview.cpp" line="+98"/>
        <source>Show the RTT ruler</source>
        <translation>RTT-Lineal anzeigen</translation>
    </message>
    <message>
        <location line="+535"/>
        <source>[Lost] %1</source>
        <translation>[Verloren] %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>[Held] %1</source>
        <translation>[Angehalten] %1</translation>
    </message>
    <message>
        <location line="+24"/>
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
        <location line="+33"/>
        <source>Encrypted; decrypted with the endpoints&apos; keys.</source>
        <translation>Verschlüsselt; mit den Schlüsseln der Endpunkte entschlüsselt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encrypted; no key to decrypt it.</source>
        <translation>Verschlüsselt; kein Schlüssel zum Entschlüsseln vorhanden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 RTT after the ruler&apos;s start</source>
        <translation>%1 RTT nach dem Beginn des Lineals</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Arrived while an earlier segment was missing: TCP holds these bytes, and every stream&apos;s frames behind them, until the retransmission fills the gap.</source>
        <translation>Angekommen, während ein früheres Segment fehlte: TCP hält diese Bytes zurück, und mit ihnen die Frames aller Streams dahinter, bis die Neuübertragung die Lücke füllt.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Select a packet to see its conversation.</source>
        <translation>Wählen Sie ein Paket, um seine Verbindung zu sehen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Packets appear here as arrows between the hosts that exchange them.</source>
        <translation>Pakete erscheinen hier als Pfeile zwischen den Hosts, die sie austauschen.</translation>
    </message>
    <message>
        <location line="+141"/>
        <location line="+679"/>
        <source>port %1</source>
        <translation>Port %1</translation>
    </message>
    <message>
        <location line="-676"/>
        <location line="+701"/>
        <source>Time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
    <message>
        <location line="-459"/>
        <source>First app data after ClientHello:</source>
        <translation>Erste Anwendungsdaten nach dem ClientHello:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+98"/>
        <source>%1 RTT</source>
        <translation>%1 RTT</translation>
    </message>
    <message>
        <location line="-97"/>
        <source>%1 RTT (reply %2)</source>
        <translation>%1 RTT (Antwort %2)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 0-RTT</source>
        <translation>%1 0-RTT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 resumed</source>
        <translation>%1 fortgesetzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 full</source>
        <translation>%1 vollständig</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>0 RTT (ClientHello)</source>
        <translation>0 RTT (ClientHello)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>0 RTT (SYN)</source>
        <translation>0 RTT (SYN)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1–%2 RTT</source>
        <translation>%1–%2 RTT</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>encrypted TLS records (no key)</source>
        <translation>verschlüsselte TLS-Records (kein Schlüssel)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>decrypted with the endpoints&apos; keys</source>
        <translation>mit den Schlüsseln der Endpunkte entschlüsselt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>handshake</source>
        <translation>Handshake</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CCS</source>
        <translation>CCS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>app data</source>
        <translation>Anwendungsdaten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>alert</source>
        <translation>Alert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(a box per record in the segment)</source>
        <translation>(ein Kästchen pro Record im Segment)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>no TLS connection with a captured TCP handshake yet</source>
        <translation>noch keine TLS-Verbindung mit mitgeschnittenem TCP-Handshake</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>RTT ruler: select a packet of a TCP connection whose handshake was captured (right-click to hide the ruler)</source>
        <translation>RTT-Lineal: Wählen Sie ein Paket einer TCP-Verbindung, deren Handshake mitgeschnitten wurde (Rechtsklick blendet das Lineal aus)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>RTT ruler from the ClientHello, 1 RTT = %1 ms (SYN → ACK)</source>
        <translation>RTT-Lineal ab dem ClientHello, 1 RTT = %1 ms (SYN → ACK)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RTT ruler from the SYN, 1 RTT = %1 ms (SYN → ACK)</source>
        <translation>RTT-Lineal ab dem SYN, 1 RTT = %1 ms (SYN → ACK)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>client %1 RTT</source>
        <translation>Client %1 RTT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>server %1 RTT</source>
        <translation>Server %1 RTT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> · first app data: %1</source>
        <translation> · erste Anwendungsdaten: %1</translation>
    </message>
    <message>
        <location line="+151"/>
        <source>[Waits behind a lost segment] %1</source>
        <translation>[Wartet hinter einem verlorenen Segment] %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>One lane per HTTP/2 stream (0: the connection), one mark per frame: H HEADERS · D DATA · W WINDOW_UPDATE · S SETTINGS · R RST_STREAM · G GOAWAY · P PING · M preface</source>
        <translation>Eine Spur pro HTTP/2-Stream (0: die Verbindung), eine Marke pro Frame: H HEADERS · D DATA · W WINDOW_UPDATE · S SETTINGS · R RST_STREAM · G GOAWAY · P PING · M Preface</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hollow marks, dotted arrow: arrived behind a lost segment; TCP holds them until the retransmission, whatever their stream</source>
        <translation>Hohle Marken, gepunkteter Pfeil: hinter einem verlorenen Segment angekommen; TCP hält sie bis zur Neuübertragung zurück, egal zu welchem Stream sie gehören</translation>
    </message>
</context>
<context>
    <name>wirelab::MainWindow</name>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="+425"/>
        <source>About Wirelab</source>
        <translation>Über Wirelab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Wirelab %1&lt;/h3&gt;&lt;p&gt;A workbench that teaches network engineering with real traffic: every lab starts real servers and clients, captures what they send and shows it packet by packet.&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL, version 3 or later. Built with Qt %2, libpcap and QCustomPlot.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Wirelab %1&lt;/h3&gt;&lt;p&gt;Eine Werkbank, die Netzwerktechnik mit echtem Verkehr lehrt: Jedes Lab startet echte Server und Clients, zeichnet auf, was sie senden, und zeigt es Paket für Paket.&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU GPL, Version 3 oder später. Gebaut mit Qt %2, libpcap und QCustomPlot.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+114"/>
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
        <source>&amp;Network</source>
        <translation>&amp;Netzwerk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Automatic (lab network where possible)</source>
        <translation>&amp;Automatisch (Labornetz, wo möglich)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lab network</source>
        <translation>&amp;Labornetz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Host mode (127.0.0.1)</source>
        <translation>&amp;Host-Modus (127.0.0.1)</translation>
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
        <source>Lab network</source>
        <translation>Labornetz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Breakpoints</source>
        <translation>Haltepunkte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Telemetry</source>
        <translation>Telemetrie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP Waterfall</source>
        <translation>HTTP-Wasserfall</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Header Bytes</source>
        <translation>Header-Bytes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS Key Schedule</source>
        <translation>TLS-Key-Schedule (Schlüsselableitung)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export TLS Session &amp;Keys...</source>
        <translation>TLS-Session-&amp;Schlüssel exportieren …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the TLS secrets the lab&apos;s endpoints logged as an NSS key log file (what SSLKEYLOGFILE writes; Wireshark reads it)</source>
        <translation>Die TLS-Secrets, die die Endpunkte des Labs protokolliert haben, als NSS-Key-Log-Datei speichern (das, was SSLKEYLOGFILE schreibt; Wireshark liest sie)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Follow TCP Stream</source>
        <translation>TCP-Strom &amp;folgen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The selected packet&apos;s TCP conversation as text, CR and LF visible (Ctrl+Alt+Shift+T)</source>
        <translation>Die TCP-Verbindung des ausgewählten Pakets als Text, CR und LF sichtbar (Strg+Alt+Umschalt+T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the selected conversation</source>
        <translation>Nur die gewählte Verbindung</translation>
    </message>
    <message>
        <location line="+592"/>
        <source>Hex view: %1, not the packet&apos;s bytes (select a field outside it to go back).</source>
        <translation>Hex-Ansicht: %1, nicht die Bytes des Pakets (wählen Sie ein Feld außerhalb davon, um zurückzukehren).</translation>
    </message>
    <message>
        <location line="-501"/>
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
        <location line="+20"/>
        <source>Saved to %1: packets: %2</source>
        <translation>In %1 gespeichert: Pakete: %2</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Could not read %1</source>
        <translation>%1 konnte nicht gelesen werden</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>Click an arrow to select its packet; an HTTP/2 connection alone shows a lane per stream</source>
        <translation>Klicken Sie auf einen Pfeil, um sein Paket auszuwählen; eine einzelne HTTP/2-Verbindung zeigt eine Spur pro Stream</translation>
    </message>
    <message>
        <location line="+114"/>
        <location line="+54"/>
        <source>Could not save %1</source>
        <translation>%1 konnte nicht gespeichert werden</translation>
    </message>
    <message numerus="yes">
        <location line="-42"/>
        <source>with the TLS keys of %n connection(s) in a Decryption Secrets Block, so Wireshark shows them decrypted</source>
        <translation>
            <numerusform>mit den TLS-Schlüsseln von %n Verbindung in einem Decryption Secrets Block, sodass Wireshark sie entschlüsselt anzeigt</numerusform>
            <numerusform>mit den TLS-Schlüsseln von %n Verbindungen in einem Decryption Secrets Block, sodass Wireshark sie entschlüsselt anzeigt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
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
        <location line="+13"/>
        <source>No TLS keys</source>
        <translation>Keine TLS-Schlüssel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This capture holds no TLS secrets: only the lab&apos;s own endpoints log their keys.</source>
        <translation>Diese Aufzeichnung enthält keine TLS-Secrets: Nur die eigenen Endpunkte des Labs protokollieren ihre Schlüssel.</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Exported %n TLS secret(s) to %1 (NSS key log: Wireshark&apos;s TLS preference &quot;(Pre)-Master-Secret log filename&quot; reads it)</source>
        <translation>
            <numerusform>%n TLS-Secret nach %1 exportiert (NSS-Key-Log: Wireshark liest es über die TLS-Einstellung „(Pre)-Master-Secret log filename“)</numerusform>
            <numerusform>%n TLS-Secrets nach %1 exportiert (NSS-Key-Log: Wireshark liest es über die TLS-Einstellung „(Pre)-Master-Secret log filename“)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export TLS Session Keys</source>
        <translation>TLS-Session-Schlüssel exportieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NSS key log (*.txt *.keylog);;All files (*)</source>
        <translation>NSS-Key-Log (*.txt *.keylog);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>tcp.stream %1 to %2</source>
        <translation>tcp.stream %1 zu %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tcp.stream %1</source>
        <translation>tcp.stream %1</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>No recent files</source>
        <translation>Keine zuletzt geöffneten Dateien</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>No lab selected</source>
        <translation>Kein Lab gewählt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pick a lab in the Labs list first.</source>
        <translation>Wählen Sie zuerst ein Lab in der Liste „Labs“.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The lab could not start</source>
        <translation>Das Lab konnte nicht starten</translation>
    </message>
    <message>
        <location line="+46"/>
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
        <location line="+40"/>
        <source>Lab network chosen, but not available here: %1 %2</source>
        <translation>Labornetz gewählt, aber hier nicht verfügbar: %1 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lab network: %1 hosts, delay/loss/breakpoints</source>
        <translation>Labornetz: %1 Hosts, Verzögerung/Verlust/Haltepunkte</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no delay, loss or breakpoints on the wire, and capture needs capture rights.</source>
        <translation>keine Verzögerung, kein Verlust und keine Haltepunkte auf der Leitung, und der Mitschnitt braucht Mitschnittrechte.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Host mode (chosen in Settings &gt; Network): %1</source>
        <translation>Host-Modus (gewählt unter Einstellungen &gt; Netzwerk): %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host mode: %1 %2 %3</source>
        <translation>Host-Modus: %1 %2 %3</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The lab has no parameter %1, or %2 does not fit it.</source>
        <translation>Das Lab hat keinen Parameter %1, oder %2 passt nicht dazu.</translation>
    </message>
    <message>
        <location line="+42"/>
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
    <name>wirelab::NetworkPanel</name>
    <message>
        <location filename="../app/gui/networkpanel.cpp" line="+238"/>
        <source>%1 ± %2 ms</source>
        <translation>%1 ± %2 ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 Mbit/s</source>
        <translation>%1 Mbit/s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 % loss</source>
        <translation>%1 % Verlust</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 % dup.</source>
        <translation>%1 % dopp.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 % reord.</source>
        <translation>%1 % vertauscht</translation>
    </message>
    <message>
        <location line="+232"/>
        <source>This lab has no link parameter &quot;%1&quot;.</source>
        <translation>Dieses Lab hat keinen Verbindungsparameter „%1“.</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>Preset:</source>
        <translation>Vorlage:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same both ways</source>
        <translation>In beide Richtungen gleich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit one direction and the other follows.</source>
        <translation>Eine Richtung bearbeiten, die andere folgt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Link %1 ↔ %2</source>
        <translation>Verbindung %1 ↔ %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No link selected</source>
        <translation>Keine Verbindung ausgewählt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One-way delay</source>
        <translation>Verzögerung (einfach)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Jitter (±)</source>
        <translation>Jitter (±)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bandwidth</source>
        <translation>Bandbreite</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplication</source>
        <translation>Verdopplung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reordering</source>
        <translation>Vertauschung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Added to every packet in this direction; the round trip grows by the sum of both directions.</source>
        <translation>Kommt zu jedem Paket in dieser Richtung hinzu; die Umlaufzeit wächst um die Summe beider Richtungen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each packet&apos;s delay varies by up to this much around the one-way delay.</source>
        <translation>Die Verzögerung jedes Pakets schwankt um bis zu diesen Wert um die einfache Verzögerung.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The link&apos;s rate in this direction; 0 means no limit. Above it packets queue, then drop.</source>
        <translation>Die Rate der Verbindung in dieser Richtung; 0 heißt ohne Grenze. Darüber stauen sich Pakete und werden dann verworfen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of packets the link drops at random. Dropped packets stay in the capture, marked.</source>
        <translation>Anteil der Pakete, die die Verbindung zufällig verwirft. Verworfene Pakete bleiben markiert im Mitschnitt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of packets the link delivers twice.</source>
        <translation>Anteil der Pakete, die die Verbindung doppelt zustellt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of packets sent at once, ahead of delayed ones; needs a delay to show.</source>
        <translation>Anteil der Pakete, die sofort gesendet werden, vor verzögerten; zeigt sich nur mit einer Verzögerung.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> Mbit/s</source>
        <translation> Mbit/s</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose a preset…</source>
        <translation>Vorlage wählen …</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Select a lab to see its network.</source>
        <translation>Wählen Sie ein Lab, um sein Netz zu sehen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Changes apply at once, to packets entering the wire from now on.</source>
        <translation>Änderungen gelten sofort, für Pakete, die ab jetzt auf die Leitung kommen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host mode: a relay on 127.0.0.1 delays and drops at the socket level; changes apply to data sent from now on.</source>
        <translation>Host-Modus: Ein Relais auf 127.0.0.1 verzögert und verwirft auf Socket-Ebene; Änderungen gelten für ab jetzt gesendete Daten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>These settings are the lab&apos;s link parameters (link.*): they apply when the lab starts, and while it runs, changes apply at once.</source>
        <translation>Diese Einstellungen sind die Verbindungsparameter des Labs (link.*): Sie gelten beim Start des Labs, und während es läuft, gelten Änderungen sofort.</translation>
    </message>
</context>
<context>
    <name>wirelab::PacketListModel</name>
    <message>
        <location filename="../app/gui/packetlistmodel.cpp" line="+287"/>
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
        <location filename="../app/gui/parameterpanel.cpp" line="+105"/>
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
    <name>wirelab::TelemetryPanel</name>
    <message numerus="yes">
        <location filename="../app/gui/telemetrypanel.cpp" line="+245"/>
        <source>(%n retransmitted)</source>
        <translation>
            <numerusform>(%n wiederholt)</numerusform>
            <numerusform>(%n wiederholt)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Below: cwnd solid, segments in flight dashed.</source>
        <translation>Unten: cwnd durchgezogen, unterwegs befindliche Segmente gestrichelt.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 of %2 waiting (peak %3)</source>
        <translation>%1 von %2 wartend (Spitze %3)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The accept queue: connections the kernel completed that the server has not accept()ed yet, against the listen() backlog (sock_diag).</source>
        <translation>Die Accept-Warteschlange: Verbindungen, die der Kernel aufgebaut hat und die der Server noch nicht mit accept() angenommen hat, gegen den listen()-Backlog (sock_diag).</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>%1 forwarded, %2 lost, %3 queue drops, %4 duplicated, %5 reordered, %6 held, %7 dropped by you</source>
        <translation>%1 weitergeleitet, %2 verloren, %3 an voller Warteschlange verworfen, %4 verdoppelt, %5 vertauscht, %6 angehalten, %7 von Ihnen verworfen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Host mode: libpcap on the loopback, no wire of Wirelab&apos;s own.</source>
        <translation>Host-Modus: libpcap auf dem Loopback, keine eigene Leitung von Wirelab.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not running.</source>
        <translation>Läuft nicht.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Kernel (TCP_INFO), per connection</source>
        <translation>Kernel (TCP_INFO), je Verbindung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What the kernel&apos;s TCP stack reports about each socket, sampled every 100 ms: its own view, not what the capture saw.</source>
        <translation>Was der TCP-Stack des Kernels über jeden Socket meldet, alle 100 ms abgefragt: seine eigene Sicht, nicht das, was der Mitschnitt sah.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rtt (ms)</source>
        <translation>RTT (ms)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>segments</source>
        <translation>Segmente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time since the first packet (s)</source>
        <translation>Zeit seit dem ersten Paket (s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kernel: accept queue / backlog</source>
        <translation>Kernel: Accept-Warteschlange / Backlog</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kernel counters (/proc/net), change since the start</source>
        <translation>Kernel-Zähler (/proc/net), Änderung seit dem Start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wire (capture)</source>
        <translation>Leitung (Mitschnitt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kernel telemetry appears here once the lab opens a TCP connection.</source>
        <translation>Die Kernel-Telemetrie erscheint hier, sobald das Lab eine TCP-Verbindung öffnet.</translation>
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
    <name>wirelab::TopologyView</name>
    <message>
        <location filename="../app/gui/topologyview.cpp" line="+127"/>
        <source>Select a lab to see its hosts.</source>
        <translation>Wählen Sie ein Lab, um seine Hosts zu sehen.</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+2"/>
        <source>as is</source>
        <translation>unverändert</translation>
    </message>
</context>
<context>
    <name>wirelab::WaterfallView</name>
    <message>
        <location filename="../app/gui/waterfallview.cpp" line="+166"/>
        <location line="+103"/>
        <source>Time since the first request (s)</source>
        <translation>Zeit seit der ersten Anfrage (s)</translation>
    </message>
    <message>
        <location line="-99"/>
        <source>Waiting (request sent → first byte)</source>
        <translation>Warten (Anfrage gesendet → erstes Byte)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receiving (first → last byte)</source>
        <translation>Empfangen (erstes → letztes Byte)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New connection (SYN)</source>
        <translation>Neue Verbindung (SYN)</translation>
    </message>
    <message>
        <location line="-128"/>
        <source>GET /about</source>
        <translation>GET /about</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP/1.0</source>
        <translation>HTTP/1.0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP/1.1 keep-alive</source>
        <translation>HTTP/1.1 Keep-Alive</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP/1.1 pipelined</source>
        <translation>HTTP/1.1 mit Pipelining</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slow resource, pipelined</source>
        <translation>Langsame Ressource, Pipelining</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chunked</source>
        <translation>Chunked-Übertragung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host site-a.lab</source>
        <translation>Host site-a.lab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host site-b.lab</source>
        <translation>Host site-b.lab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP/2</source>
        <translation>HTTP/2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slow resource, HTTP/2</source>
        <translation>Langsame Ressource, HTTP/2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP/2, 2% loss</source>
        <translation>HTTP/2, 2 % Verlust</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>curl</source>
        <translation>curl</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Click a run to show only its requests.</source>
        <translation>Klicken Sie auf einen Durchlauf, um nur seine Anfragen zu zeigen.</translation>
    </message>
    <message>
        <location line="+74"/>
        <location line="+103"/>
        <source>Time since the run&apos;s first packet (s)</source>
        <translation>Zeit seit dem ersten Paket des Durchlaufs (s)</translation>
    </message>
    <message>
        <location line="-101"/>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Total time</source>
        <translation>Gesamtzeit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Handshakes</source>
        <translation>Handshakes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Run / protocol</source>
        <translation>Durchlauf / Protokoll</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No HTTP requests in this capture yet. Run the HTTP lab, or open a capture with HTTP/1.x or HTTP/2 (cleartext) traffic.</source>
        <translation>Noch keine HTTP-Anfragen in diesem Mitschnitt. Starten Sie das HTTP-Lab oder öffnen Sie einen Mitschnitt mit HTTP/1.x- oder HTTP/2-Verkehr (unverschlüsselt).</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All requests</source>
        <translation>Alle Anfragen</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>c%1 s%2 %3 %4</source>
        <translation>V%1 S%2 %3 %4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>c%1 %2 %3</source>
        <translation>V%1 %2 %3</translation>
    </message>
    <message>
        <location line="+156"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>wirelab::main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="+102"/>
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
        <location line="+11"/>
        <source>Use this language (en, de) and remember it.</source>
        <translation>Diese Sprache verwenden (en, de) und sie merken.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With --select: also select this field (Wireshark name, e.g. tcp.options.mss_val).</source>
        <translation>Mit --select: auch dieses Feld wählen (Wireshark-Name, z. B. tcp.options.mss_val).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Network for the labs: auto, sandbox (the lab network) or host; remembered.</source>
        <translation>Netz für die Labs: auto, sandbox (das Labornetz) oder host; wird gespeichert.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hold packets matching this filter on the lab network&apos;s wire (repeatable).</source>
        <translation>Pakete, die auf diesen Filter passen, auf der Leitung des Labornetzes anhalten (wiederholbar).</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Select packet number &lt;n&gt; (or &quot;last&quot;, or &quot;info:&lt;text&gt;&quot;: the first packet whose Info starts with the text) after the actions ran.</source>
        <translation>Nach den Aktionen Paket Nummer &lt;n&gt; auswählen (oder „last“ oder „info:&lt;text&gt;“: das erste Paket, dessen Info mit dem Text beginnt).</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Bring this panel to the front: labs, parameters, network, guide, ladder, breakpoints, timeline, telemetry, waterfall, headerbytes, keyschedule, http, tls (repeatable).</source>
        <translation>Dieses Fenster nach vorn holen: labs, parameters, network, guide, ladder, breakpoints, timeline, telemetry, waterfall, headerbytes, keyschedule, http, tls (mehrfach möglich).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A pcap or pcapng file to open.</source>
        <translation>Eine pcap- oder pcapng-Datei zum Öffnen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>--network takes auto, sandbox or host; got &quot;%1&quot;.</source>
        <translation>--network nimmt auto, sandbox oder host; erhalten: „%1“.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No lab has the id &quot;%1&quot;; `wirelab-cli list` shows the ids.</source>
        <translation>Kein Lab hat die ID „%1“; `wirelab-cli list` zeigt die IDs.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot set %1: %2</source>
        <translation>%1 kann nicht gesetzt werden: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot hold %1: %2</source>
        <translation>%1 kann nicht angehalten werden: %2</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>There is no panel &quot;%1&quot;.</source>
        <translation>Es gibt kein Fenster „%1“.</translation>
    </message>
</context>
</TS>
