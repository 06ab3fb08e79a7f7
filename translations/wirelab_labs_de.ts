<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Capture</name>
    <message>
        <location filename="../core/capture/capturestate.cpp" line="+10"/>
        <source>Idle</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Starting</source>
        <translation>Startet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Capturing</source>
        <translation>Zeichnet auf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location filename="../core/capture/capturefile.cpp" line="+177"/>
        <source>%1 was not found; check the path and the file name.</source>
        <translation>%1 wurde nicht gefunden; prüfen Sie Pfad und Dateinamen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is a folder, not a capture file; give the path of a .pcap or .pcapng file.</source>
        <translation>%1 ist ein Ordner, keine Aufzeichnungsdatei; geben Sie den Pfad einer .pcap- oder .pcapng-Datei an.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 could not be opened: %2.</source>
        <translation>%1 konnte nicht geöffnet werden: %2.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 could not be read: %2.</source>
        <translation>%1 konnte nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is empty (0 bytes), so it holds no capture.</source>
        <translation>%1 ist leer (0 Bytes) und enthält daher keine Aufzeichnung.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is not a pcap or pcapng capture file (it starts with %2).</source>
        <translation>%1 ist keine pcap- oder pcapng-Aufzeichnungsdatei (sie beginnt mit %2).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is a pipe or device that cannot be read twice; save the capture to a file first and open that.</source>
        <translation>%1 ist eine Pipe oder ein Gerät, das sich nicht zweimal lesen lässt; speichern Sie die Aufzeichnung zuerst in einer Datei und öffnen Sie diese.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 is damaged at byte 0, in its file header: %2. No packets could be read.</source>
        <translation>%1 ist bei Byte 0 beschädigt, im Dateikopf: %2. Es konnten keine Pakete gelesen werden.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>At byte %1 the file adds an interface of another link type, which libpcap 1.10 cannot read, so no packets could be opened; Wireshark opens the whole file.</source>
        <translation>Bei Byte %1 fügt die Datei eine Schnittstelle mit einem anderen Link-Layer-Typ hinzu, die libpcap 1.10 nicht lesen kann, daher konnten keine Pakete geöffnet werden; Wireshark öffnet die ganze Datei.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>At byte %1 the file adds an interface of another link type, which libpcap 1.10 cannot read: the packet before it was opened; Wireshark opens the whole file.</source>
        <translation>Bei Byte %1 fügt die Datei eine Schnittstelle mit einem anderen Link-Layer-Typ hinzu, die libpcap 1.10 nicht lesen kann: Das Paket davor wurde geöffnet; Wireshark öffnet die ganze Datei.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>At byte %1 the file adds an interface of another link type, which libpcap 1.10 cannot read: the %2 packets before it were opened; Wireshark opens the whole file.</source>
        <translation>Bei Byte %1 fügt die Datei eine Schnittstelle mit einem anderen Link-Layer-Typ hinzu, die libpcap 1.10 nicht lesen kann: Die %2 Pakete davor wurden geöffnet; Wireshark öffnet die ganze Datei.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The file is damaged at byte %1, before the first packet: %2. No packets could be read.</source>
        <translation>Die Datei ist bei Byte %1 beschädigt, vor dem ersten Paket: %2. Es konnten keine Pakete gelesen werden.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The file is damaged at byte %1, after packet 1: %2. The packet before it was opened.</source>
        <translation>Die Datei ist bei Byte %1 beschädigt, nach Paket 1: %2. Das Paket davor wurde geöffnet.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The file is damaged at byte %1, after packet %2: %3. The %2 packets before it were opened.</source>
        <translation>Die Datei ist bei Byte %1 beschädigt, nach Paket %2: %3. Die %2 Pakete davor wurden geöffnet.</translation>
    </message>
    <message>
        <location line="+92"/>
        <location line="+75"/>
        <source>The capture could not be saved to %1: %2.</source>
        <translation>Die Aufzeichnung konnte nicht unter %1 gespeichert werden: %2.</translation>
    </message>
    <message>
        <location filename="../core/capture/livecapture.cpp" line="+39"/>
        <source>Wirelab may not capture on %1: run it as root or give it the capture right with `sudo setcap cap_net_raw,cap_net_admin+eip %2`, or use the lab network (coming soon).</source>
        <translation>Wirelab darf auf %1 nicht aufzeichnen: Starten Sie es als root oder geben Sie ihm das Aufzeichnungsrecht mit `sudo setcap cap_net_raw,cap_net_admin+eip %2`, oder nutzen Sie das Lab-Netz (folgt bald).</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+29"/>
        <location line="+53"/>
        <source>Wirelab cannot capture on %1: %2.</source>
        <translation>Wirelab kann auf %1 nicht aufzeichnen: %2.</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>There is no network device called %1; capture on lo instead.</source>
        <translation>Es gibt kein Netzwerkgerät namens %1; zeichnen Sie stattdessen auf lo auf.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The network device %1 is down; bring it up with `ip link set %1 up`.</source>
        <translation>Das Netzwerkgerät %1 ist abgeschaltet; schalten Sie es mit `ip link set %1 up` ein.</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>The capture filter &quot;%1&quot; is not valid: %2.</source>
        <translation>Der Aufzeichnungsfilter „%1“ ist ungültig: %2.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The capture filter &quot;%1&quot; could not be set: %2.</source>
        <translation>Der Aufzeichnungsfilter „%1“ konnte nicht gesetzt werden: %2.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Wirelab cannot wait for packets on %1.</source>
        <translation>Wirelab kann auf %1 nicht auf Pakete warten.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Wirelab cannot start the capture thread: %1.</source>
        <translation>Wirelab kann den Aufzeichnungs-Thread nicht starten: %1.</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>The capture stopped: %1.</source>
        <translation>Die Aufzeichnung wurde beendet: %1.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The capture stopped: waiting for packets failed (%1).</source>
        <translation>Die Aufzeichnung wurde beendet: Das Warten auf Pakete ist fehlgeschlagen (%1).</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <location filename="../app/cli/infocommand.cpp" line="+61"/>
        <source>info takes one capture file: run `wirelab-cli info capture.pcapng`.</source>
        <translation>info erwartet eine Aufzeichnungsdatei: Führen Sie `wirelab-cli info capture.pcapng` aus.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link type</source>
        <translation>Link-Layer-Typ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Packets</source>
        <translation>Pakete</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First packet</source>
        <translation>Erstes Paket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last packet</source>
        <translation>Letztes Paket</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Packet bytes</source>
        <translation>Paket-Bytes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Store overhead</source>
        <translation>Speicheroverhead</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 bytes per packet (%2 bytes in all)</source>
        <translation>%1 Bytes pro Paket (%2 Bytes insgesamt)</translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="+30"/>
        <source>Usage: wirelab-cli &lt;command&gt; [arguments]

Commands:
  list                        one lab per line: &lt;id&gt;&lt;TAB&gt;&lt;title&gt;
  run &lt;lab-id&gt; [--set key=value]... [--out capture.pcapng] [--events events.jsonl]
               [--network sandbox|host] [--timeout-s N]
                              runs every step of the lab headless and prints one line per
                              checkpoint: PASS or FAIL with the evidence; exit 0 only if all pass.
                              --timeout-s is how long each step may take to pass (default 10).
  summary &lt;capture&gt;           one line per packet: number, time, source, destination, protocol,
                              length, info (like tshark&apos;s default output)
  info &lt;capture&gt;              packet count, duration, link type, first and last timestamp
  help [&lt;lab-id&gt;]             this text, or the parameters --set accepts for one lab
  --version                   the version

Exit codes: 0 ok, 1 a checkpoint or the work failed, 2 bad usage or unreadable input.
</source>
        <translation>Aufruf: wirelab-cli &lt;Befehl&gt; [Argumente]

Befehle:
  list                        ein Lab pro Zeile: &lt;id&gt;&lt;TAB&gt;&lt;Titel&gt;
  run &lt;lab-id&gt; [--set key=value]... [--out capture.pcapng] [--events events.jsonl]
               [--network sandbox|host] [--timeout-s N]
                              führt alle Schritte des Labs ohne Oberfläche aus und gibt je
                              Prüfpunkt eine Zeile aus: PASS oder FAIL mit dem Beleg; Exit-Code 0
                              nur, wenn alle bestanden sind.
                              --timeout-s ist die Zeit, die jeder Schritt bis zum Bestehen
                              brauchen darf (Standard 10).
  summary &lt;capture&gt;           eine Zeile pro Paket: Nummer, Zeit, Quelle, Ziel, Protokoll,
                              Länge, Info (wie die Standardausgabe von tshark)
  info &lt;capture&gt;              Paketanzahl, Dauer, Link-Layer-Typ, erster und letzter Zeitstempel
  help [&lt;lab-id&gt;]             dieser Text oder die Parameter, die --set für ein Lab annimmt
  --version                   die Version

Exit-Codes: 0 ok, 1 ein Prüfpunkt oder der Vorgang ist fehlgeschlagen, 2 falscher Aufruf oder
unlesbare Eingabe.
</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>No command given; run `wirelab-cli --help` to see the commands.</source>
        <translation>Kein Befehl angegeben; `wirelab-cli --help` zeigt die Befehle.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>list takes no arguments; run `wirelab-cli list`.</source>
        <translation>list erwartet keine Argumente; führen Sie `wirelab-cli list` aus.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>There is no command &quot;%1&quot;; run `wirelab-cli --help` to see the commands.</source>
        <translation>Es gibt keinen Befehl „%1“; `wirelab-cli --help` zeigt die Befehle.</translation>
    </message>
    <message>
        <location filename="../app/cli/runcommand.cpp" line="+55"/>
        <source>There is no lab &quot;%1&quot;; run `wirelab-cli list` to see the labs (%2).</source>
        <translation>Es gibt kein Lab „%1“; `wirelab-cli list` zeigt die Labs (%2).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>whole number</source>
        <translation>ganze Zahl</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>one of</source>
        <translation>eines von</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+11"/>
        <source>The events could not be saved to %1: %2.</source>
        <translation>Die Ereignisse konnten nicht unter %1 gespeichert werden: %2.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Parameters (wirelab-cli run %1 --set key=value):</source>
        <translation>Parameter (wirelab-cli run %1 --set key=value):</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 needs a value; run `wirelab-cli --help` to see how run is used.</source>
        <translation>%1 braucht einen Wert; `wirelab-cli --help` zeigt, wie run aufgerufen wird.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>--timeout-s takes a whole number of seconds from 1 to 3600; got &quot;%1&quot;.</source>
        <translation>--timeout-s erwartet eine ganze Zahl von Sekunden zwischen 1 und 3600, erhalten wurde „%1“.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>run has no option %1; run `wirelab-cli --help` to see its options.</source>
        <translation>run hat keine Option %1; `wirelab-cli --help` zeigt seine Optionen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>run takes one lab id, but got &quot;%1&quot; and &quot;%2&quot;; run `wirelab-cli list` to see the labs.</source>
        <translation>run erwartet eine Lab-ID, erhielt aber „%1“ und „%2“; `wirelab-cli list` zeigt die Labs.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>run needs a lab id: run `wirelab-cli list` to see the labs, then `wirelab-cli run &lt;lab-id&gt;`.</source>
        <translation>run braucht eine Lab-ID: `wirelab-cli list` zeigt die Labs, danach führen Sie `wirelab-cli run &lt;lab-id&gt;` aus.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The lab network (--network sandbox) is not available yet; use --network host.</source>
        <translation>Das Lab-Netz (--network sandbox) ist noch nicht verfügbar; verwenden Sie --network host.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--network takes sandbox or host; got &quot;%1&quot;.</source>
        <translation>--network erwartet sandbox oder host, erhalten wurde „%1“.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The folder of %1 does not exist; create it or choose another path.</source>
        <translation>Der Ordner von %1 existiert nicht; legen Sie ihn an oder wählen Sie einen anderen Pfad.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>--set takes key=value, got &quot;%1&quot;; run `wirelab-cli help %2` to see the parameters.</source>
        <translation>--set erwartet key=value, erhalten wurde „%1“; `wirelab-cli help %2` zeigt die Parameter.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 has no parameter &quot;%2&quot;; run `wirelab-cli help %1` to see its parameters.</source>
        <translation>%1 hat keinen Parameter „%2“; `wirelab-cli help %1` zeigt seine Parameter.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The lab %1 could not start.</source>
        <translation>Das Lab %1 konnte nicht starten.</translation>
    </message>
    <message>
        <location filename="../app/cli/summarycommand.cpp" line="+95"/>
        <source>summary takes one capture file: run `wirelab-cli summary capture.pcapng`.</source>
        <translation>summary erwartet eine Aufzeichnungsdatei: Führen Sie `wirelab-cli summary capture.pcapng` aus.</translation>
    </message>
</context>
<context>
    <name>TcpUdpLab</name>
    <message>
        <location filename="../labs/tcpudp/tcpudplab.cpp" line="+100"/>
        <source>No packets to check: %1</source>
        <translation>Keine Pakete zum Prüfen: %1</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>No SYN to port %1 in the capture yet (%2 TCP packets on that port).</source>
        <translation>Noch kein SYN an Port %1 in der Aufzeichnung (%2 TCP-Pakete auf diesem Port).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SYN #%1 seen, but no SYN-ACK answering it yet.</source>
        <translation>SYN #%1 gesehen, aber noch kein SYN-ACK als Antwort.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SYN #%1 and SYN-ACK #%2 seen, but not the client&apos;s ACK yet.</source>
        <translation>SYN #%1 und SYN-ACK #%2 gesehen, aber noch nicht das ACK des Clients.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SYN #%1, SYN-ACK #%2, ACK #%3 between %4 and %5.</source>
        <translation>SYN #%1, SYN-ACK #%2, ACK #%3 zwischen %4 und %5.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No SYN to port %1 in the capture yet.</source>
        <translation>Noch kein SYN an Port %1 in der Aufzeichnung.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SYN #%1 has no MSS option (its TCP header is %2 bytes).</source>
        <translation>SYN #%1 hat keine MSS-Option (sein TCP-Header ist %2 Bytes lang).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> The SYN-ACK #%1 answers with MSS=%2.</source>
        <translation> Das SYN-ACK #%1 antwortet mit MSS=%2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SYN #%1 carries MSS=%2 in a %3-byte TCP header (20 fixed + %4 bytes of options).</source>
        <translation>SYN #%1 trägt MSS=%2 in einem %3 Byte langen TCP-Header (20 feste + %4 Bytes Optionen).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The UDP socket has not called connect() yet.</source>
        <translation>Der UDP-Socket hat connect() noch nicht aufgerufen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 UDP packets involving port %2 appeared before anything was sent.</source>
        <translation>%1 UDP-Pakete mit Port %2 sind aufgetaucht, bevor etwas gesendet wurde.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connect() on UDP port %1 towards port %2 returned at once, and no packet for it appeared on the wire: UDP has no handshake.</source>
        <translation>connect() auf UDP-Port %1 zu Port %2 kehrte sofort zurück, und auf der Leitung erschien kein Paket dafür: UDP hat keinen Handshake.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Waiting for the three send() calls and the server&apos;s read (%1 sends, %2 reads so far).</source>
        <translation>Warte auf die drei send()-Aufrufe und das Lesen des Servers (bisher %1 Sendungen, %2 Lesevorgänge).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>#%1 &quot;%2&quot;</source>
        <translation>#%1 „%2“</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The capture does not show A, B and C on the wire yet (seen: %1).</source>
        <translation>Die Aufzeichnung zeigt A, B und C noch nicht auf der Leitung (gesehen: %1).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server&apos;s first recv() returned &quot;%1&quot;, not &quot;ABC&quot;; try a longer server.read_delay_ms. On the wire: %2.</source>
        <translation>Das erste recv() des Servers lieferte „%1“, nicht „ABC“; versuchen Sie ein längeres server.read_delay_ms. Auf der Leitung: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>3 send() calls (A, B, C) travelled in %1 segment(s): %2; the server&apos;s single recv() returned &quot;ABC&quot;: TCP delivers a byte stream, not messages.</source>
        <translation>3 send()-Aufrufe (A, B, C) reisten in %1 Segment(en): %2; das eine recv() des Servers lieferte „ABC“: TCP liefert einen Bytestrom, keine Nachrichten.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 of 3 datagrams received so far.</source>
        <translation>Bisher %1 von 3 Datagrammen empfangen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Expected 3 reads and 3 one-byte datagrams; got %1 reads (%2) and %3 datagrams on the wire.</source>
        <translation>Erwartet waren 3 Lesevorgänge und 3 Datagramme zu je einem Byte; es gab %1 Lesevorgänge (%2) und %3 Datagramme auf der Leitung.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>3 datagrams on the wire (%1) and 3 separate recvfrom() results (%2): UDP keeps message boundaries.</source>
        <translation>3 Datagramme auf der Leitung (%1) und 3 getrennte recvfrom()-Ergebnisse (%2): UDP bewahrt Nachrichtengrenzen.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Waiting for the 100-byte message over TCP and over UDP (%1 TCP data segments, %2 datagrams so far).</source>
        <translation>Warte auf die 100-Byte-Nachricht über TCP und über UDP (bisher %1 TCP-Datensegmente, %2 Datagramme).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unexpected header sizes: TCP %1 bytes, UDP %2 bytes.</source>
        <translation>Unerwartete Header-Größen: TCP %1 Bytes, UDP %2 Bytes.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>100 bytes over TCP (#%1): %2-byte TCP header (20 fixed + %3 of options), %4 bytes on the wire; over UDP (#%5): 8-byte UDP header, %6 bytes on the wire. This run&apos;s %7 TCP data segments had %8-byte headers; its %9 datagrams had 8-byte headers.</source>
        <translation>100 Bytes über TCP (#%1): %2 Byte TCP-Header (20 feste + %3 Optionen), %4 Bytes auf der Leitung; über UDP (#%5): 8 Byte UDP-Header, %6 Bytes auf der Leitung. Die %7 TCP-Datensegmente dieses Laufs hatten Header von %8 Bytes; seine %9 Datagramme hatten 8-Byte-Header.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Waiting for the blast to finish.</source>
        <translation>Warte, bis die Flut fertig ist.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>received %1 of %2; the kernel&apos;s Udp RcvbufErrors counter rose by %3 (it counts the whole machine in host mode, so other programs&apos; drops add to it); %4 datagrams seen on the wire; SO_RCVBUF asked for %5 bytes.</source>
        <translation>%1 von %2 empfangen; der Kernel-Zähler Udp RcvbufErrors stieg um %3 (im Host-Modus zählt er für die ganze Maschine, Verluste anderer Programme kommen also hinzu); %4 Datagramme auf der Leitung gesehen; SO_RCVBUF verlangte %5 Bytes.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The kernel&apos;s UDP counters in /proc/net/snmp could not be read: %1</source>
        <translation>Die UDP-Zähler des Kernels in /proc/net/snmp konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing was lost: %1</source>
        <translation>Nichts ging verloren: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The drop counter rose by less than the loss: %1</source>
        <translation>Der Verlustzähler stieg um weniger als der Verlust: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fewer datagrams on the wire than sent (is the capture dropping?): %1</source>
        <translation>Weniger Datagramme auf der Leitung als gesendet (verliert die Aufzeichnung Pakete?): %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UDP has no flow control: %1</source>
        <translation>UDP hat keine Flusskontrolle: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Waiting for the TCP blast to finish.</source>
        <translation>Warte, bis die TCP-Flut fertig ist.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 of %2 bytes arrived %3 in %4 reads; the sender waited %5 times (%6 ms) for the receiver; %7 zero-window advertisements from the server; %8 data bytes to the server on the wire, including %9 retransmitted segments.</source>
        <translation>%1 von %2 Bytes kamen %3 in %4 Lesevorgängen an; der Sender wartete %5-mal (%6 ms) auf den Empfänger; %7 Null-Fenster-Meldungen vom Server; %8 Datenbytes zum Server auf der Leitung, darunter %9 wiederholt gesendete Segmente.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>in order</source>
        <translation>in Reihenfolge</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>out of order</source>
        <translation>außer der Reihe</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fewer bytes on the wire than sent (is the capture dropping?): %1</source>
        <translation>Weniger Bytes auf der Leitung als gesendet (verliert die Aufzeichnung Pakete?): %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TCP lost nothing: %1</source>
        <translation>TCP hat nichts verloren: %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>client FIN %1 (ACK %2), server FIN %3 (ACK %4)</source>
        <translation>FIN des Clients %1 (ACK %2), FIN des Servers %3 (ACK %4)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not closed both ways yet: %1.</source>
        <translation>Noch nicht in beide Richtungen geschlossen: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed both ways: %1.</source>
        <translation>In beide Richtungen geschlossen: %1.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>TCP vs UDP</source>
        <translation>TCP und UDP im Vergleich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a real TCP connection and a UDP socket on loopback and compare them on the wire: the handshake, a byte stream against datagrams, header bytes, loss without flow control, and the close.</source>
        <translation>Öffnen Sie eine echte TCP-Verbindung und einen UDP-Socket auf Loopback und vergleichen Sie beide auf der Leitung: den Handshake, Bytestrom gegen Datagramme, Header-Bytes, Verlust ohne Flusskontrolle und das Schließen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>TCP server port</source>
        <translation>Port des TCP-Servers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port the TCP server listens on at 127.0.0.1; 0 picks any free port (the notes use 8800).</source>
        <translation>Port, auf dem der TCP-Server an 127.0.0.1 lauscht; 0 wählt einen beliebigen freien Port (die Notizen verwenden 8800).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>UDP server port</source>
        <translation>Port des UDP-Servers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port the UDP server is bound to at 127.0.0.1; 0 picks any free port (the notes use 8801).</source>
        <translation>Port, an den der UDP-Server an 127.0.0.1 gebunden ist; 0 wählt einen beliebigen freien Port (die Notizen verwenden 8801).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>UDP receive buffer (bytes)</source>
        <translation>UDP-Empfangspuffer (Bytes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SO_RCVBUF of the socket the blast hits; the kernel doubles it and caps it at net.core.rmem_max.</source>
        <translation>SO_RCVBUF des Sockets, auf den die Flut trifft; der Kernel verdoppelt den Wert und begrenzt ihn auf net.core.rmem_max.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Messages per blast</source>
        <translation>Nachrichten pro Flut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many messages the UDP blast and the TCP blast send.</source>
        <translation>Wie viele Nachrichten die UDP-Flut und die TCP-Flut senden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bytes per blast message</source>
        <translation>Bytes pro Nachricht der Flut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payload size of each message in the UDP and TCP blasts.</source>
        <translation>Nutzdatengröße jeder Nachricht in der UDP- und der TCP-Flut.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TCP server receive buffer (bytes)</source>
        <translation>Empfangspuffer des TCP-Servers (Bytes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SO_RCVBUF of the TCP server, which bounds the window it advertises; 0 keeps the kernel&apos;s autotuning.</source>
        <translation>SO_RCVBUF des TCP-Servers, der das angekündigte Fenster begrenzt; 0 behält die automatische Anpassung des Kernels bei.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TCP client send buffer (bytes)</source>
        <translation>Sendepuffer des TCP-Clients (Bytes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SO_SNDBUF the client sets for the TCP blast, so a closed window makes send() wait; 0 keeps the kernel&apos;s autotuning.</source>
        <translation>SO_SNDBUF, den der Client für die TCP-Flut setzt, damit ein geschlossenes Fenster send() warten lässt; 0 behält die automatische Anpassung des Kernels bei.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Server read delay (ms)</source>
        <translation>Leseverzögerung des Servers (ms)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long the servers wait before reading, so that several writes have arrived.</source>
        <translation>Wie lange die Server vor dem Lesen warten, damit mehrere Schreibvorgänge angekommen sind.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Disable Nagle (TCP_NODELAY)</source>
        <translation>Nagle abschalten (TCP_NODELAY)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send each small write at once instead of letting Nagle&apos;s algorithm hold it back.</source>
        <translation>Jeden kleinen Schreibvorgang sofort senden, statt ihn vom Nagle-Algorithmus zurückhalten zu lassen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>1. Connect: TCP handshakes, UDP does not</source>
        <translation>1. Verbinden: TCP macht einen Handshake, UDP nicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;TCP is connection-oriented: before any data moves, the client and the server agree on their initial sequence numbers in a &lt;b&gt;three-way handshake&lt;/b&gt; (notes L205, L209-213):&lt;/p&gt;&lt;ul&gt;&lt;li&gt;the client sends a &lt;b&gt;SYN&lt;/b&gt;,&lt;/li&gt;&lt;li&gt;the server answers with a &lt;b&gt;SYN-ACK&lt;/b&gt;,&lt;/li&gt;&lt;li&gt;the client confirms with an &lt;b&gt;ACK&lt;/b&gt;.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Your program never sees this: the kernel does the whole exchange and &lt;code&gt;accept()&lt;/code&gt; only hands over a finished connection (notes L219-224).&lt;/p&gt;&lt;p&gt;Press &lt;i&gt;Connect over TCP&lt;/i&gt; and find the three packets in the list and as arrows in the ladder. Click the SYN: its options include the &lt;b&gt;MSS&lt;/b&gt;, the largest segment this side is willing to receive.&lt;/p&gt;&lt;p&gt;Then press &lt;i&gt;Connect a UDP socket&lt;/i&gt;. &lt;code&gt;connect()&lt;/code&gt; on a UDP socket only records the peer&apos;s address in the kernel; UDP keeps no connection state, so nothing appears on the wire (notes L246).&lt;/p&gt;</source>
        <translation>&lt;p&gt;TCP ist verbindungsorientiert: Bevor Daten fließen, einigen sich Client und Server in einem &lt;b&gt;Drei-Wege-Handshake&lt;/b&gt; auf ihre Anfangssequenznummern (Notizen L205, L209-213):&lt;/p&gt;&lt;ul&gt;&lt;li&gt;der Client sendet ein &lt;b&gt;SYN&lt;/b&gt;,&lt;/li&gt;&lt;li&gt;der Server antwortet mit einem &lt;b&gt;SYN-ACK&lt;/b&gt;,&lt;/li&gt;&lt;li&gt;der Client bestätigt mit einem &lt;b&gt;ACK&lt;/b&gt;.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Ihr Programm sieht davon nichts: Der Kernel erledigt den ganzen Austausch, und &lt;code&gt;accept()&lt;/code&gt; übergibt nur eine fertige Verbindung (Notizen L219-224).&lt;/p&gt;&lt;p&gt;Drücken Sie &lt;i&gt;Über TCP verbinden&lt;/i&gt; und suchen Sie die drei Pakete in der Liste und als Pfeile im Leiterdiagramm. Klicken Sie auf das SYN: Zu seinen Optionen gehört die &lt;b&gt;MSS&lt;/b&gt;, das größte Segment, das diese Seite empfangen will.&lt;/p&gt;&lt;p&gt;Drücken Sie dann &lt;i&gt;UDP-Socket verbinden&lt;/i&gt;. &lt;code&gt;connect()&lt;/code&gt; auf einem UDP-Socket merkt sich nur die Adresse der Gegenseite im Kernel; UDP führt keinen Verbindungszustand, deshalb erscheint nichts auf der Leitung (Notizen L246).&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Connect over TCP</source>
        <translation>Über TCP verbinden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect a UDP socket</source>
        <translation>UDP-Socket verbinden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SYN, SYN-ACK, ACK appear in the capture</source>
        <translation>SYN, SYN-ACK und ACK erscheinen in der Aufzeichnung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The SYN carries an MSS option</source>
        <translation>Das SYN trägt eine MSS-Option</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A UDP connect() puts nothing on the wire</source>
        <translation>Ein UDP-connect() schickt nichts auf die Leitung</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>2. Three writes: one stream, three datagrams</source>
        <translation>2. Drei Schreibvorgänge: ein Strom, drei Datagramme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;TCP carries a &lt;b&gt;stream of bytes&lt;/b&gt;; UDP carries &lt;b&gt;messages&lt;/b&gt; with fixed boundaries (notes L152, L244).&lt;/p&gt;&lt;p&gt;Press &lt;i&gt;Send A, B, C over TCP&lt;/i&gt;: the client makes three separate &lt;code&gt;send()&lt;/code&gt; calls of one byte each. The server waits a moment (&lt;code&gt;server.read_delay_ms&lt;/code&gt;) and then calls &lt;code&gt;recv()&lt;/code&gt; once. It gets &lt;code&gt;ABC&lt;/code&gt;: the boundaries between the writes are gone. Look at the wire too: how many segments carried the three bytes? With Nagle&apos;s algorithm on, the kernel may hold back small writes until the previous one is acknowledged.&lt;/p&gt;&lt;p&gt;Press &lt;i&gt;Send A, B, C over UDP&lt;/i&gt;: three datagrams on the wire, and three separate &lt;code&gt;recvfrom()&lt;/code&gt; results, however long the server waited. An application that needs messages over TCP must frame them itself (a length prefix, a delimiter).&lt;/p&gt;</source>
        <translation>&lt;p&gt;TCP transportiert einen &lt;b&gt;Bytestrom&lt;/b&gt;, UDP transportiert &lt;b&gt;Nachrichten&lt;/b&gt; mit festen Grenzen (Notizen L152, L244).&lt;/p&gt;&lt;p&gt;Drücken Sie &lt;i&gt;A, B, C über TCP senden&lt;/i&gt;: Der Client macht drei getrennte &lt;code&gt;send()&lt;/code&gt;-Aufrufe mit je einem Byte. Der Server wartet kurz (&lt;code&gt;server.read_delay_ms&lt;/code&gt;) und ruft dann einmal &lt;code&gt;recv()&lt;/code&gt; auf. Er bekommt &lt;code&gt;ABC&lt;/code&gt;: Die Grenzen zwischen den Schreibvorgängen sind verschwunden. Schauen Sie auch auf die Leitung: Wie viele Segmente haben die drei Bytes getragen? Mit eingeschaltetem Nagle-Algorithmus kann der Kernel kleine Schreibvorgänge zurückhalten, bis der vorige bestätigt ist.&lt;/p&gt;&lt;p&gt;Drücken Sie &lt;i&gt;A, B, C über UDP senden&lt;/i&gt;: drei Datagramme auf der Leitung und drei getrennte &lt;code&gt;recvfrom()&lt;/code&gt;-Ergebnisse, egal wie lange der Server gewartet hat. Eine Anwendung, die über TCP Nachrichten braucht, muss sie selbst abgrenzen (ein Längenpräfix, ein Trennzeichen).&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Send A, B, C over TCP</source>
        <translation>A, B, C über TCP senden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send A, B, C over UDP</source>
        <translation>A, B, C über UDP senden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Three TCP writes arrive as one read</source>
        <translation>Drei TCP-Schreibvorgänge kommen als ein Lesevorgang an</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Three UDP datagrams arrive as three reads</source>
        <translation>Drei UDP-Datagramme kommen als drei Lesevorgänge an</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>3. Header bytes per message</source>
        <translation>3. Header-Bytes pro Nachricht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;Every message pays for its headers. A TCP header is 20 bytes plus up to 40 bytes of options, 20 to 60 in all (notes L232); a UDP header is always 8 bytes: two ports, a length and a checksum (notes L248).&lt;/p&gt;&lt;p&gt;Press &lt;i&gt;Send 100 bytes over each&lt;/i&gt; and click both packets. In the details tree compare the TCP header length (on Linux usually 32 bytes: 20 plus 12 bytes of timestamp option) with UDP&apos;s 8. Both ride in the same 20-byte IPv4 header and, on loopback, a 14-byte Ethernet header.&lt;/p&gt;&lt;p&gt;For one-byte messages like those of step 2 the headers are many times larger than the data; that is why chatty protocols batch their writes.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Jede Nachricht bezahlt für ihre Header. Ein TCP-Header hat 20 Bytes plus bis zu 40 Bytes Optionen, insgesamt 20 bis 60 (Notizen L232); ein UDP-Header hat immer 8 Bytes: zwei Ports, eine Länge und eine Prüfsumme (Notizen L248).&lt;/p&gt;&lt;p&gt;Drücken Sie &lt;i&gt;100 Bytes über beide senden&lt;/i&gt; und klicken Sie beide Pakete an. Vergleichen Sie im Detailbaum die TCP-Header-Länge (unter Linux meist 32 Bytes: 20 plus 12 Bytes Zeitstempel-Option) mit den 8 Bytes von UDP. Beide stecken im selben 20-Byte-IPv4-Header und, auf Loopback, in einem 14-Byte-Ethernet-Header.&lt;/p&gt;&lt;p&gt;Bei Ein-Byte-Nachrichten wie in Schritt 2 sind die Header um ein Vielfaches größer als die Daten; deshalb bündeln gesprächige Protokolle ihre Schreibvorgänge.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Send 100 bytes over each</source>
        <translation>100 Bytes über beide senden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TCP&apos;s header (20 bytes and more) and UDP&apos;s 8 bytes measured on the wire</source>
        <translation>Der TCP-Header (20 Bytes und mehr) und die 8 Bytes von UDP, auf der Leitung gemessen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>4. Blast: UDP drops, TCP waits</source>
        <translation>4. Flut: UDP verwirft, TCP wartet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;UDP has no flow control: a sender never learns that the receiver cannot keep up (notes L254), and a datagram that is lost stays lost (notes L252).&lt;/p&gt;&lt;p&gt;Press &lt;i&gt;Blast datagrams over UDP&lt;/i&gt;. The client sends &lt;code&gt;udp.blast_count&lt;/code&gt; datagrams as fast as it can to a server socket whose receive buffer is tiny (&lt;code&gt;udp.rcvbuf&lt;/code&gt;) and which does not read until the blast is over. Then the server drains its socket. Every datagram is on the wire, but only a handful reach the application; the kernel counts the rest in the &lt;b&gt;RcvbufErrors&lt;/b&gt; column of &lt;code&gt;/proc/net/snmp&lt;/code&gt;. In this mode that counter covers the whole machine, so other programs&apos; drops are counted too.&lt;/p&gt;&lt;p&gt;Press &lt;i&gt;Blast the same over TCP&lt;/i&gt;. The same number of messages goes over the TCP connection to a server with a small receive buffer (&lt;code&gt;tcp.rcvbuf&lt;/code&gt;) that also starts reading late. Nothing is lost: as the server&apos;s buffer fills, the window it advertises shrinks, sometimes to zero, and the sender&apos;s &lt;code&gt;send()&lt;/code&gt; has to wait (notes L199).&lt;/p&gt;</source>
        <translation>&lt;p&gt;UDP hat keine Flusskontrolle: Ein Sender erfährt nie, dass der Empfänger nicht mitkommt (Notizen L254), und ein verlorenes Datagramm bleibt verloren (Notizen L252).&lt;/p&gt;&lt;p&gt;Drücken Sie &lt;i&gt;UDP mit Datagrammen fluten&lt;/i&gt;. Der Client sendet so schnell er kann &lt;code&gt;udp.blast_count&lt;/code&gt; Datagramme an einen Server-Socket mit winzigem Empfangspuffer (&lt;code&gt;udp.rcvbuf&lt;/code&gt;), der erst nach der Flut liest. Dann leert der Server seinen Socket. Jedes Datagramm ist auf der Leitung, aber nur eine Handvoll erreicht die Anwendung; den Rest zählt der Kernel in der Spalte &lt;b&gt;RcvbufErrors&lt;/b&gt; von &lt;code&gt;/proc/net/snmp&lt;/code&gt;. In diesem Modus gilt der Zähler für die ganze Maschine, Verluste anderer Programme werden also mitgezählt.&lt;/p&gt;&lt;p&gt;Drücken Sie &lt;i&gt;Dasselbe über TCP senden&lt;/i&gt;. Dieselbe Anzahl Nachrichten geht über die TCP-Verbindung an einen Server mit kleinem Empfangspuffer (&lt;code&gt;tcp.rcvbuf&lt;/code&gt;), der ebenfalls spät zu lesen beginnt. Nichts geht verloren: Während sich der Puffer des Servers füllt, schrumpft das Fenster, das er ankündigt, manchmal bis auf null, und das &lt;code&gt;send()&lt;/code&gt; des Senders muss warten (Notizen L199).&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Blast datagrams over UDP</source>
        <translation>UDP mit Datagrammen fluten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blast the same over TCP</source>
        <translation>Dasselbe über TCP senden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The UDP blast loses datagrams and the kernel counts the drops</source>
        <translation>Die UDP-Flut verliert Datagramme, und der Kernel zählt die Verluste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same amount over TCP arrives complete and in order</source>
        <translation>Dieselbe Menge kommt über TCP vollständig und in Reihenfolge an</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>5. Close: FIN and ACK from each side</source>
        <translation>5. Schließen: FIN und ACK von jeder Seite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;A TCP connection closes in each direction separately: each side sends a &lt;b&gt;FIN&lt;/b&gt; when it has nothing more to send, and the other side acknowledges it: FIN, ACK, FIN, ACK (notes L205).&lt;/p&gt;&lt;p&gt;Press &lt;i&gt;Close the connections&lt;/i&gt;. The client closes first; the server&apos;s &lt;code&gt;recv()&lt;/code&gt; returns 0 (end of stream), and then it closes too. Sometimes the server&apos;s FIN carries the ACK of the client&apos;s FIN, and you see three packets instead of four.&lt;/p&gt;&lt;p&gt;Closing the UDP socket sends nothing: there was never a connection to end.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Eine TCP-Verbindung wird in jeder Richtung einzeln geschlossen: Jede Seite sendet ein &lt;b&gt;FIN&lt;/b&gt;, wenn sie nichts mehr zu senden hat, und die andere Seite bestätigt es: FIN, ACK, FIN, ACK (Notizen L205).&lt;/p&gt;&lt;p&gt;Drücken Sie &lt;i&gt;Verbindungen schließen&lt;/i&gt;. Der Client schließt zuerst; das &lt;code&gt;recv()&lt;/code&gt; des Servers liefert 0 (Ende des Stroms), und dann schließt auch er. Manchmal trägt das FIN des Servers zugleich das ACK für das FIN des Clients, und Sie sehen drei Pakete statt vier.&lt;/p&gt;&lt;p&gt;Das Schließen des UDP-Sockets sendet nichts: Es gab nie eine Verbindung, die zu beenden wäre.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Close the connections</source>
        <translation>Verbindungen schließen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A FIN from each side, each acknowledged</source>
        <translation>Ein FIN von jeder Seite, jedes bestätigt</translation>
    </message>
</context>
<context>
    <name>wirelab::LabController</name>
    <message>
        <location filename="../core/lab/labcontroller.cpp" line="+84"/>
        <source>A lab is already running; stop it first.</source>
        <translation>Es läuft bereits ein Lab; stoppen Sie es zuerst.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The lab &quot;%1&quot; has no parameter &quot;%2&quot;.</source>
        <translation>Das Lab „%1“ hat keinen Parameter „%2“.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The lab &quot;%1&quot; cannot be run.</source>
        <translation>Das Lab „%1“ kann nicht ausgeführt werden.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The lab could not start.</source>
        <translation>Das Lab konnte nicht starten.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The capture on the loopback interface could not start.</source>
        <translation>Die Aufzeichnung auf der Loopback-Schnittstelle konnte nicht starten.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The capture did not start within 3 seconds.</source>
        <translation>Die Aufzeichnung ist nicht innerhalb von 3 Sekunden gestartet.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The lab is not running; press Start first.</source>
        <translation>Das Lab läuft nicht; drücken Sie zuerst auf Start.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>There is no capture for this run.</source>
        <translation>Für diesen Lauf gibt es keine Aufzeichnung.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Action &quot;%1&quot; did not finish in time.</source>
        <translation>Die Aktion „%1“ wurde nicht rechtzeitig fertig.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Action &quot;%1&quot; failed: %2</source>
        <translation>Die Aktion „%1“ ist fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>wirelab::LabParameter</name>
    <message>
        <location filename="../core/lab/labdefinition.cpp" line="+21"/>
        <source>%1 must be between %2 and %3; got %4.</source>
        <translation>%1 muss zwischen %2 und %3 liegen; angegeben war %4.</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+58"/>
        <source>%1 must be a whole number; got &quot;%2&quot;.</source>
        <translation>%1 muss eine ganze Zahl sein; angegeben war „%2“.</translation>
    </message>
    <message>
        <location line="-45"/>
        <location line="+55"/>
        <source>%1 must be a number; got &quot;%2&quot;.</source>
        <translation>%1 muss eine Zahl sein; angegeben war „%2“.</translation>
    </message>
    <message>
        <location line="-38"/>
        <location line="+45"/>
        <source>%1 must be true or false; got &quot;%2&quot;.</source>
        <translation>%1 muss true oder false sein; angegeben war „%2“.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 must be one of %2; got &quot;%3&quot;.</source>
        <translation>%1 muss einer dieser Werte sein: %2; angegeben war „%3“.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 has an unknown type.</source>
        <translation>%1 hat einen unbekannten Typ.</translation>
    </message>
</context>
<context>
    <name>wirelab::TcpUdpLabInstance</name>
    <message>
        <location filename="../labs/tcpudp/tcpudpinstance.cpp" line="+136"/>
        <source>The lab is already running; stop it before starting it again.</source>
        <translation>Das Lab läuft bereits; stoppen Sie es, bevor Sie es neu starten.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This lab needs IPv4 addresses for its hosts; use 127.0.0.1.</source>
        <translation>Dieses Lab braucht IPv4-Adressen für seine Hosts; verwenden Sie 127.0.0.1.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The lab&apos;s server did not start within 5 seconds.</source>
        <translation>Der Server des Labs ist nicht innerhalb von 5 Sekunden gestartet.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>TCP server listening on %1:%2, UDP server on port %3, UDP blast receiver on port %4</source>
        <translation>TCP-Server lauscht auf %1:%2, UDP-Server auf Port %3, UDP-Flutempfänger auf Port %4</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Could not create the TCP server socket: %1.</source>
        <translation>Der Socket des TCP-Servers konnte nicht angelegt werden: %1.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>TCP port %1 on %2 is already in use; set tcp.port to another port or to 0 for any free port.</source>
        <translation>TCP-Port %1 auf %2 ist bereits belegt; setzen Sie tcp.port auf einen anderen Port oder auf 0 für einen beliebigen freien Port.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not bind the TCP server to %1:%2: %3.</source>
        <translation>Der TCP-Server konnte nicht an %1:%2 gebunden werden: %3.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not listen on the TCP server socket: %1.</source>
        <translation>Auf dem Socket des TCP-Servers konnte nicht gelauscht werden: %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not create the UDP server socket: %1.</source>
        <translation>Der Socket des UDP-Servers konnte nicht angelegt werden: %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>UDP port %1 on %2 is already in use; set udp.port to another port or to 0 for any free port.</source>
        <translation>UDP-Port %1 auf %2 ist bereits belegt; setzen Sie udp.port auf einen anderen Port oder auf 0 für einen beliebigen freien Port.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not bind the UDP server to %1:%2: %3.</source>
        <translation>Der UDP-Server konnte nicht an %1:%2 gebunden werden: %3.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not create the UDP blast socket: %1.</source>
        <translation>Der UDP-Flut-Socket konnte nicht angelegt werden: %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not bind the UDP blast socket: %1.</source>
        <translation>Der UDP-Flut-Socket konnte nicht gebunden werden: %1.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The lab is not running; press Start first.</source>
        <translation>Das Lab läuft nicht; drücken Sie zuerst auf Start.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>This lab has no action &quot;%1&quot;.</source>
        <translation>Dieses Lab hat keine Aktion „%1“.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The TCP connection is already open (client port %1); close it first.</source>
        <translation>Die TCP-Verbindung ist bereits offen (Client-Port %1); schließen Sie sie zuerst.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>accept() returned a connection from port %1</source>
        <translation>accept() lieferte eine Verbindung von Port %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not create the TCP client socket: %1.</source>
        <translation>Der Socket des TCP-Clients konnte nicht angelegt werden: %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>connect() to port %1 called</source>
        <translation>connect() zu Port %1 aufgerufen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>connect() to port %1 failed: %2.</source>
        <translation>connect() zu Port %1 ist fehlgeschlagen: %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>connect() returned: connected from port %1 to port %2</source>
        <translation>connect() kehrte zurück: verbunden von Port %1 zu Port %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server did not accept the connection within 3 seconds.</source>
        <translation>Der Server hat die Verbindung nicht innerhalb von 3 Sekunden angenommen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected from port %1 to port %2: look for SYN, SYN-ACK and ACK.</source>
        <translation>Verbunden von Port %1 zu Port %2: Suchen Sie SYN, SYN-ACK und ACK.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+173"/>
        <source>Could not create the UDP client socket: %1.</source>
        <translation>Der Socket des UDP-Clients konnte nicht angelegt werden: %1.</translation>
    </message>
    <message>
        <location line="-166"/>
        <source>connect() on the UDP socket failed: %1.</source>
        <translation>connect() auf dem UDP-Socket ist fehlgeschlagen: %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>connect() on a UDP socket returned at once: port %1 now talks to port %2; nothing was sent</source>
        <translation>connect() auf einem UDP-Socket kehrte sofort zurück: Port %1 spricht jetzt mit Port %2; nichts wurde gesendet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The UDP socket (port %1) is &quot;connected&quot; to port %2, and the capture shows no packet for it.</source>
        <translation>Der UDP-Socket (Port %1) ist mit Port %2 „verbunden“, und die Aufzeichnung zeigt dafür kein Paket.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+211"/>
        <source>There is no TCP connection; press &quot;Connect over TCP&quot; first.</source>
        <translation>Es gibt keine TCP-Verbindung; drücken Sie zuerst „Über TCP verbinden“.</translation>
    </message>
    <message>
        <location line="-197"/>
        <source>one recv() call returned %1 bytes: &quot;%2&quot;</source>
        <translation>ein recv()-Aufruf lieferte %1 Bytes: „%2“</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+100"/>
        <location line="+162"/>
        <source>send() on the TCP connection failed: %1.</source>
        <translation>send() auf der TCP-Verbindung ist fehlgeschlagen: %1.</translation>
    </message>
    <message>
        <location line="-260"/>
        <source>send() of 1 byte: &quot;%1&quot;</source>
        <translation>send() von 1 Byte: „%1“</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server did not receive anything within %1 ms.</source>
        <translation>Der Server hat innerhalb von %1 ms nichts empfangen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Three send() calls, one recv(): the server got &quot;ABC&quot; in a single read.</source>
        <translation>Drei send()-Aufrufe, ein recv(): Der Server bekam „ABC“ in einem einzigen Lesevorgang.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Three send() calls; the server&apos;s one recv() returned &quot;%1&quot; (the rest was not there yet after %2 ms).</source>
        <translation>Drei send()-Aufrufe; das eine recv() des Servers lieferte „%1“ (der Rest war nach %2 ms noch nicht da).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>There is no UDP socket yet; press &quot;Connect a UDP socket&quot; first.</source>
        <translation>Es gibt noch keinen UDP-Socket; drücken Sie zuerst „UDP-Socket verbinden“.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>recvfrom() returned one datagram of %1 bytes: &quot;%2&quot; from port %3</source>
        <translation>recvfrom() lieferte ein Datagramm mit %1 Bytes: „%2“ von Port %3</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>send() of one 1-byte datagram: &quot;%1&quot;</source>
        <translation>send() eines 1-Byte-Datagramms: „%1“</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+48"/>
        <source>send() on the UDP socket failed: %1.</source>
        <translation>send() auf dem UDP-Socket ist fehlgeschlagen: %1.</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>The UDP server received nothing within %1 ms.</source>
        <translation>Der UDP-Server hat innerhalb von %1 ms nichts empfangen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Three datagrams sent, %1 recvfrom() results: %2.</source>
        <translation>Drei Datagramme gesendet, %1 recvfrom()-Ergebnisse: %2.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Connect over TCP and connect a UDP socket first (step 1).</source>
        <translation>Verbinden Sie zuerst über TCP und verbinden Sie einen UDP-Socket (Schritt 1).</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>received %1 bytes over TCP and a %2-byte datagram over UDP</source>
        <translation>%1 Bytes über TCP und ein %2-Byte-Datagramm über UDP empfangen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>send() of %1 bytes over TCP</source>
        <translation>send() von %1 Bytes über TCP</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>send() of a %1-byte datagram over UDP</source>
        <translation>send() eines %1-Byte-Datagramms über UDP</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server did not receive both 100-byte messages.</source>
        <translation>Der Server hat nicht beide 100-Byte-Nachrichten empfangen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same 100 bytes went once over TCP and once over UDP: compare the two packets&apos; headers.</source>
        <translation>Dieselben 100 Bytes gingen einmal über TCP und einmal über UDP: Vergleichen Sie die Header der beiden Pakete.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Udp RcvbufErrors before the blast: %1</source>
        <translation>Udp RcvbufErrors vor der Flut: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server did not answer.</source>
        <translation>Der Server hat nicht geantwortet.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>sent %1 datagrams of %2 bytes from port %3 as fast as sendto() returns</source>
        <translation>%1 Datagramme zu %2 Bytes von Port %3 gesendet, so schnell sendto() zurückkehrt</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>drained the blast socket: %1 of %2 datagrams were there</source>
        <translation>Flut-Socket geleert: %1 von %2 Datagrammen waren da</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The server did not drain the blast socket within 5 seconds.</source>
        <translation>Der Server hat den Flut-Socket nicht innerhalb von 5 Sekunden geleert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Udp RcvbufErrors went from %1 to %2 (+%3)</source>
        <translation>Udp RcvbufErrors ging von %1 auf %2 (+%3)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Received %1 of %2 datagrams; the kernel&apos;s Udp RcvbufErrors counter rose by %3.</source>
        <translation>%1 von %2 Datagrammen empfangen; der Kernel-Zähler Udp RcvbufErrors stieg um %3.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>received %1 of %2 bytes in %3 recv() calls; %4</source>
        <translation>%1 von %2 Bytes in %3 recv()-Aufrufen empfangen; %4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>every byte in order</source>
        <translation>jedes Byte in Reihenfolge</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>bytes out of order</source>
        <translation>Bytes außer der Reihe</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The lab stopped during the blast.</source>
        <translation>Das Lab wurde während der Flut gestoppt.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The TCP sender waited 10 seconds without the window opening.</source>
        <translation>Der TCP-Sender hat 10 Sekunden gewartet, ohne dass sich das Fenster öffnete.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>sent %1 messages of %2 bytes (%3 bytes); send() had to wait %4 times, %5 ms in all</source>
        <translation>%1 Nachrichten zu %2 Bytes gesendet (%3 Bytes); send() musste %4-mal warten, insgesamt %5 ms</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The TCP server did not finish reading within %1 ms.</source>
        <translation>Der TCP-Server ist nicht innerhalb von %1 ms mit dem Lesen fertig geworden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The TCP server did not receive all %1 bytes in order.</source>
        <translation>Der TCP-Server hat nicht alle %1 Bytes in Reihenfolge empfangen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All %1 bytes arrived over TCP, in order; the sender had to wait %2 times for the receiver.</source>
        <translation>Alle %1 Bytes kamen über TCP in Reihenfolge an; der Sender musste %2-mal auf den Empfänger warten.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>There is no TCP connection to close; press &quot;Connect over TCP&quot; first.</source>
        <translation>Es gibt keine TCP-Verbindung zum Schließen; drücken Sie zuerst „Über TCP verbinden“.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>recv() returned 0: the client closed its side</source>
        <translation>recv() lieferte 0: Der Client hat seine Seite geschlossen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>close() on the server&apos;s connection</source>
        <translation>close() auf der Verbindung des Servers</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>close() on the client&apos;s connection (port %1)</source>
        <translation>close() auf der Verbindung des Clients (Port %1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>close() on the UDP socket (port %1): nothing to tell the server</source>
        <translation>close() auf dem UDP-Socket (Port %1): dem Server ist nichts mitzuteilen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server did not see the end of the stream within 3 seconds.</source>
        <translation>Der Server hat das Ende des Stroms nicht innerhalb von 3 Sekunden gesehen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Both sides closed: look for a FIN from each side, each answered by an ACK.</source>
        <translation>Beide Seiten haben geschlossen: Suchen Sie ein FIN von jeder Seite, jedes mit einem ACK beantwortet.</translation>
    </message>
</context>
</TS>
