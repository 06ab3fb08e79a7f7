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
        <location filename="../core/capture/capturefile.cpp" line="+178"/>
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
        <location line="+95"/>
        <location line="+87"/>
        <source>The capture could not be saved to %1: %2.</source>
        <translation>Die Aufzeichnung konnte nicht unter %1 gespeichert werden: %2.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The key log could not be saved to %1: %2.</source>
        <translation>Das Key Log konnte nicht unter %1 gespeichert werden: %2.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The file&apos;s secrets could not all be read: %1 at byte %2.</source>
        <translation>Die Geheimnisse der Datei konnten nicht alle gelesen werden: %1 bei Byte %2.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a block header cannot be read</source>
        <translation>ein Block-Header lässt sich nicht lesen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a section header has no byte-order magic</source>
        <translation>ein Section Header hat keine Byte-Order-Kennung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a block has an impossible length</source>
        <translation>ein Block hat eine unmögliche Länge</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a secrets block is too short</source>
        <translation>ein Secrets-Block ist zu kurz</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a secrets block claims more bytes than it has</source>
        <translation>ein Secrets-Block gibt mehr Bytes an, als er enthält</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the secrets pass 16 MiB</source>
        <translation>die Geheimnisse überschreiten 16 MiB</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a secrets block cannot be read</source>
        <translation>ein Secrets-Block lässt sich nicht lesen</translation>
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
                              --out writes pcapng; TLS keys the lab logged go into its Decryption
                              Secrets Block, so Wireshark shows the records decrypted.
                              --network: sandbox (the lab network: private namespaces, no capture
                              rights needed) or host (127.0.0.1 and libpcap); default: sandbox when
                              available. Steps that need the lab network print SKIP in host mode.
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
                              --out schreibt pcapng; TLS-Schlüssel, die das Lab protokolliert hat,
                              landen im Decryption Secrets Block der Datei, sodass Wireshark die
                              Records entschlüsselt zeigt.
                              --network: sandbox (das Lab-Netz: eigene Namespaces, keine
                              Mitschnittrechte nötig) oder host (127.0.0.1 und libpcap); Standard:
                              sandbox, wenn verfügbar. Schritte, die das Lab-Netz brauchen, melden
                              im Host-Modus SKIP.
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
        <location line="+40"/>
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
        <location filename="../app/cli/runcommand.cpp" line="+56"/>
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
        <location line="+76"/>
        <source>Network: %1</source>
        <translation>Netz: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The lab network could not start, so the lab runs in host mode: %1</source>
        <translation>Das Lab-Netz ließ sich nicht starten, deshalb läuft das Lab im Host-Modus: %1</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>--network takes sandbox or host; got &quot;%1&quot;.</source>
        <translation>--network erwartet sandbox oder host, erhalten wurde „%1“.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The lab network is not available here: %1 %2</source>
        <translation>Das Lab-Netz ist hier nicht verfügbar: %1 %2</translation>
    </message>
    <message>
        <location line="+9"/>
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
        <location line="+22"/>
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
    <name>Http1Client</name>
    <message>
        <location filename="../labs/http/http1client.cpp" line="+222"/>
        <source>Connection %1 open (local port %2)</source>
        <translation>Verbindung %1 offen (lokaler Port %2)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 %2 on connection %3</source>
        <translation>%1 %2 auf Verbindung %3</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>%1 for %2 on connection %3, %4 bytes</source>
        <translation>%1 für %2 auf Verbindung %3, %4 Bytes</translation>
    </message>
</context>
<context>
    <name>Http2Client</name>
    <message>
        <location filename="../labs/http/http2client.cpp" line="+78"/>
        <source>GET %1 on stream %2 (HTTP/2)</source>
        <translation>GET %1 auf Stream %2 (HTTP/2)</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>%1 for %2 on stream %3: %4 bytes</source>
        <translation>%1 für %2 auf Stream %3: %4 Bytes</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Connecting timed out</source>
        <translation>Zeitüberschreitung beim Verbinden</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timed out with %1 of %2 responses complete</source>
        <translation>Zeitüberschreitung mit %1 von %2 vollständigen Antworten</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The server closed the connection</source>
        <translation>Der Server hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Not every response completed</source>
        <translation>Nicht jede Antwort wurde vollständig</translation>
    </message>
</context>
<context>
    <name>Http2Server</name>
    <message>
        <location filename="../labs/http/http2server.cpp" line="+146"/>
        <source>unknown OpenSSL error</source>
        <translation>unbekannter OpenSSL-Fehler</translation>
    </message>
    <message>
        <location line="+179"/>
        <source>The client offered no &quot;h2&quot; in ALPN; refused with a no_application_protocol alert.</source>
        <translation>Der Client bot in ALPN kein &quot;h2&quot; an; abgelehnt mit einem Alert no_application_protocol.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>the connection closed</source>
        <translation>die Verbindung wurde geschlossen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS handshake failed: %1</source>
        <translation>TLS-Handshake fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The client offered no ALPN; this server speaks only h2 over TLS, so it closed the connection.</source>
        <translation>Der Client bot kein ALPN an; dieser Server spricht über TLS nur h2 und hat die Verbindung daher geschlossen.</translation>
    </message>
    <message>
        <location line="+351"/>
        <source>Could not set up TLS: %1</source>
        <translation>TLS konnte nicht eingerichtet werden: %1</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>TLS must be set before the server starts.</source>
        <translation>TLS muss eingestellt werden, bevor der Server startet.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The server certificate is not a PEM certificate: %1</source>
        <translation>Das Serverzertifikat ist kein PEM-Zertifikat: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The private key is not PEM or does not match the certificate: %1</source>
        <translation>Der private Schlüssel ist kein PEM oder passt nicht zum Zertifikat: %1</translation>
    </message>
</context>
<context>
    <name>HttpLab</name>
    <message>
        <location filename="../labs/http/httplab.cpp" line="+35"/>
        <source>No packets to check: %1</source>
        <translation>Keine Pakete zum Prüfen: %1</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Request line &quot;%1 %2 %3&quot; in frame #%4, status line &quot;%3 %5&quot; in frame #%6 (%7 bytes of body).</source>
        <translation>Anfragezeile „%1 %2 %3“ in Frame #%4, Statuszeile „%3 %5“ in Frame #%6 (%7 Bytes Body).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No complete GET /about with its response in the capture yet.</source>
        <translation>Noch kein vollständiges GET /about mit Antwort im Mitschnitt.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This page load has not run yet.</source>
        <translation>Dieser Seitenabruf ist noch nicht gelaufen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only %1 of %2 responses complete in the capture (%3 requests seen).</source>
        <translation>Nur %1 von %2 Antworten vollständig im Mitschnitt (%3 Anfragen gesehen).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 connections carried the %2 responses; expected %3.</source>
        <translation>%1 Verbindungen trugen die %2 Antworten; erwartet: %3.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The most one connection carried was %1 of %2 responses.</source>
        <translation>Eine Verbindung trug höchstens %1 von %2 Antworten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 responses over %2 connections (%3 handshakes seen, at most %4 responses on one connection) in %5 ms from the first SYN to the last byte.</source>
        <translation>%1 Antworten über %2 Verbindungen (%3 Handshakes gesehen, höchstens %4 Antworten auf einer Verbindung) in %5 ms vom ersten SYN bis zum letzten Byte.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Load the page in every mode first (%1 is missing).</source>
        <translation>Laden Sie die Seite zuerst in jeder Variante (%1 fehlt).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2 ms, %3 handshakes</source>
        <translation>%1: %2 ms, %3 Handshakes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In host mode the relay delays bytes, but handshakes are not delayed: a new connection costs no extra round trip here, so compare the handshake counts, or run in the lab network to see their cost.</source>
        <translation>Im Host-Modus verzögert das Relay die Bytes, aber die Handshakes werden nicht verzögert: Eine neue Verbindung kostet hier keine zusätzliche Umlaufzeit. Vergleichen Sie deshalb die Zahl der Handshakes, oder führen Sie das Lab im Lab-Netz aus, um ihre Kosten zu sehen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The pipelined requests behind /slow have not been sent yet.</source>
        <translation>Die Anfragen im Pipelining hinter /slow wurden noch nicht gesendet.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Response 2 (frame #%1) did not wait for response 1.</source>
        <translation>Antwort 2 (Frame #%1) hat nicht auf Antwort 1 gewartet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request 2 (%1) was sent %2 ms after request 1 (%3), before response 1 arrived; its response began in frame #%4, %5 ms after it was asked for, right after response 1 ended in frame #%6.</source>
        <translation>Anfrage 2 (%1) wurde %2 ms nach Anfrage 1 (%3) gesendet, bevor Antwort 1 ankam; ihre Antwort begann in Frame #%4, %5 ms nach der Anfrage, direkt nachdem Antwort 1 in Frame #%6 endete.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No request pipelined behind /slow in the capture (%1 exchanges in the run).</source>
        <translation>Keine Anfrage im Pipelining hinter /slow im Mitschnitt (%1 Austausche in diesem Durchlauf).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>/slow and /about have not been asked for over HTTP/2 yet.</source>
        <translation>/slow und /about wurden noch nicht über HTTP/2 angefragt.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not both HTTP/2 responses are complete in the capture yet.</source>
        <translation>Noch sind nicht beide HTTP/2-Antworten vollständig im Mitschnitt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The two streams went over different connections.</source>
        <translation>Die beiden Streams liefen über verschiedene Verbindungen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stream %1 (/about) ended only after stream %2 (/slow) began to answer.</source>
        <translation>Stream %1 (/about) endete erst, nachdem Stream %2 (/slow) zu antworten begann.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On one connection, stream %1 (/about) was answered completely in frame #%2, %3 ms before stream %4 (/slow) sent its first byte in frame #%5: no waiting.</source>
        <translation>Auf einer Verbindung wurde Stream %1 (/about) in Frame #%2 vollständig beantwortet, %3 ms bevor Stream %4 (/slow) sein erstes Byte in Frame #%5 sandte: kein Warten.</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+24"/>
        <location line="+20"/>
        <source>Load the page over HTTP/2 first.</source>
        <translation>Laden Sie die Seite zuerst über HTTP/2.</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>A request went out on the even stream %1.</source>
        <translation>Eine Anfrage ging auf dem geraden Stream %1 hinaus.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No HTTP/2 response in the capture yet.</source>
        <translation>Noch keine HTTP/2-Antwort im Mitschnitt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 requests on odd stream ids %2 to %3; every response came back on its request&apos;s stream id, none on an even one.</source>
        <translation>%1 Anfragen auf ungeraden Stream-IDs %2 bis %3; jede Antwort kam auf der Stream-ID ihrer Anfrage zurück, keine auf einer geraden.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No HTTP/2 connection in the capture yet.</source>
        <translation>Noch keine HTTP/2-Verbindung im Mitschnitt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not every frame type yet: DATA %1, HEADERS %2, SETTINGS %3, WINDOW_UPDATE %4.</source>
        <translation>Noch nicht jeder Frame-Typ: DATA %1, HEADERS %2, SETTINGS %3, WINDOW_UPDATE %4.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On the connection: %1 SETTINGS, %2 HEADERS, %3 DATA, %4 WINDOW_UPDATE, %5 PING, %6 RST_STREAM and %7 GOAWAY frames.</source>
        <translation>Auf der Verbindung: %1 SETTINGS-, %2 HEADERS-, %3 DATA-, %4 WINDOW_UPDATE-, %5 PING-, %6 RST_STREAM- und %7 GOAWAY-Frames.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Fewer than two HTTP/2 requests in the capture.</source>
        <translation>Weniger als zwei HTTP/2-Anfragen im Mitschnitt.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Request 1&apos;s header block is %1 bytes, and a later one is still %2 bytes.</source>
        <translation>Der Header-Block von Anfrage 1 hat %1 Bytes, und ein späterer hat noch %2 Bytes.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request 1 (stream %1): %2 bytes of HPACK for %3 bytes of headers; requests 2 to %4: %5 bytes on average, at most %6, for the same headers.</source>
        <translation>Anfrage 1 (Stream %1): %2 Bytes HPACK für %3 Bytes Header; Anfragen 2 bis %4: im Mittel %5 Bytes, höchstens %6, für dieselben Header.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Skipped: in host mode the relay on 127.0.0.1 cannot drop single TCP segments; run the lab in the lab network to see this.</source>
        <translation>Übersprungen: Im Host-Modus kann das Relay auf 127.0.0.1 keine einzelnen TCP-Segmente verwerfen; führen Sie das Lab im Lab-Netz aus, um das zu sehen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The page has not been loaded over the lossy link yet.</source>
        <translation>Die Seite wurde noch nicht über die verlustbehaftete Leitung geladen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No HTTP/2 requests in the capture for this run.</source>
        <translation>Keine HTTP/2-Anfragen dieses Durchlaufs im Mitschnitt.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No segment of the server&apos;s was lost and retransmitted in this run; load the page again.</source>
        <translation>In diesem Durchlauf ging kein Segment des Servers verloren und wurde wiederholt; laden Sie die Seite noch einmal.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Retransmission in frame #%1, but only %2 streams ended with it.</source>
        <translation>Wiederholung in Frame #%1, aber nur %2 Streams endeten damit.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server retransmitted a lost segment in frame #%1; %2 streams whose bytes had already arrived behind the gap became readable only with it, at the same moment.</source>
        <translation>Der Server wiederholte in Frame #%1 ein verlorenes Segment; %2 Streams, deren Bytes schon hinter der Lücke angekommen waren, wurden erst damit lesbar, alle im selben Moment.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+33"/>
        <source>Skipped: curl is not installed here (apt install curl).</source>
        <translation>Übersprungen: curl ist hier nicht installiert (apt install curl).</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>curl has not run yet.</source>
        <translation>curl ist noch nicht gelaufen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not both of curl&apos;s exchanges are in the capture (HTTP/1.1: %1, h2: %2).</source>
        <translation>Nicht beide Austausche von curl sind im Mitschnitt (HTTP/1.1: %1, h2: %2).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>seen</source>
        <translation>gesehen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>curl --http1.1: GET /about in frame #%1, 200 in frame #%2; curl --http2-prior-knowledge: stream %3, 200 in frame #%4 (its request header block: %5 bytes of HPACK).</source>
        <translation>curl --http1.1: GET /about in Frame #%1, 200 in Frame #%2; curl --http2-prior-knowledge: Stream %3, 200 in Frame #%4 (sein Anfrage-Header-Block: %5 Bytes HPACK).</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>curl has not asked over TLS yet.</source>
        <translation>curl hat noch nicht über TLS angefragt.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No TLS ClientHello in the capture during curl&apos;s run.</source>
        <translation>Kein TLS-ClientHello im Mitschnitt während des curl-Laufs.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The client offered ALPN &quot;%1&quot; in frame #%2, but the server&apos;s choice is &quot;%3&quot; (records decrypted: %4 of %5).</source>
        <translation>Der Client bot in Frame #%2 ALPN &quot;%1&quot; an, aber der Server wählte &quot;%3&quot; (entschlüsselte Records: %4 von %5).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>ALPN chose h2, but the client&apos;s decrypted data does not begin with the HTTP/2 preface (%1 bytes decrypted: &quot;%2&quot;).</source>
        <translation>ALPN wählte h2, aber die entschlüsselten Daten des Clients beginnen nicht mit dem HTTP/2-Preface (%1 Bytes entschlüsselt: &quot;%2&quot;).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ClientHello (frame #%1) offered ALPN %2; the server chose &quot;h2&quot; in its %3 (frame #%4). %5 of %6 encrypted records decrypted with the server&apos;s key log; the client&apos;s first application data is the HTTP/2 preface &quot;PRI * HTTP/2.0&quot;.</source>
        <translation>Das ClientHello (Frame #%1) bot ALPN %2 an; der Server wählte &quot;h2&quot; in seinem %3 (Frame #%4). %5 von %6 verschlüsselten Records mit dem Key Log des Servers entschlüsselt; die ersten Anwendungsdaten des Clients sind das HTTP/2-Preface &quot;PRI * HTTP/2.0&quot;.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The /chunked response was not chunked (%1 chunks).</source>
        <translation>Die Antwort auf /chunked war nicht in Chunks aufgeteilt (%1 Chunks).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All %1 chunks arrived at once.</source>
        <translation>Alle %1 Chunks kamen auf einmal an.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 %2 answered with Transfer-Encoding: chunked and no Content-Length: %3 chunks arrived over %4 ms (frames #%5 to #%6).</source>
        <translation>%1 %2 antwortete mit Transfer-Encoding: chunked und ohne Content-Length: %3 Chunks kamen über %4 ms verteilt an (Frames #%5 bis #%6).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No complete /chunked response in the capture yet.</source>
        <translation>Noch keine vollständige Antwort auf /chunked im Mitschnitt.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Not both sites answered yet.</source>
        <translation>Noch haben nicht beide Sites geantwortet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The two sites were reached on different ports.</source>
        <translation>Die beiden Sites wurden über verschiedene Ports erreicht.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GET / with Host: %1 (frame #%2) and Host: %3 (frame #%4) both went to port %5 and got different pages (%6 and %7 bytes).</source>
        <translation>GET / mit Host: %1 (Frame #%2) und Host: %3 (Frame #%4) gingen beide an Port %5 und bekamen verschiedene Seiten (%6 und %7 Bytes).</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>HTTP/1.0, HTTP/1.1 and HTTP/2</source>
        <translation>HTTP/1.0, HTTP/1.1 und HTTP/2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send a request by hand, then load a page of 100 images over HTTP/1.0, HTTP/1.1 with six connections, HTTP/1.1 pipelining and HTTP/2 on a 3G link, and watch head-of-line blocking, HPACK, chunked streaming, the Host header and curl.</source>
        <translation>Senden Sie eine Anfrage von Hand, laden Sie dann eine Seite mit 100 Bildern über HTTP/1.0, HTTP/1.1 mit sechs Verbindungen, HTTP/1.1-Pipelining und HTTP/2 auf einer 3G-Leitung, und beobachten Sie Head-of-Line-Blocking, HPACK, Chunked-Streaming, den Host-Header und curl.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>HTTP server port</source>
        <translation>Port des HTTP-Servers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port the lab&apos;s HTTP server listens on; 0 picks any free port.</source>
        <translation>Port, auf dem der HTTP-Server des Labs lauscht; 0 wählt einen beliebigen freien Port.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Images on the page</source>
        <translation>Bilder auf der Seite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many images the page loads (the notes&apos; test used 100).</source>
        <translation>Wie viele Bilder die Seite lädt (der Test in den Notizen nutzte 100).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image size (bytes)</source>
        <translation>Bildgröße (Bytes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes per image; 0 sends the same small PNG over every protocol, so round trips rather than bandwidth decide the times.</source>
        <translation>Bytes pro Bild; 0 sendet über jedes Protokoll dasselbe kleine PNG, damit Umlaufzeiten und nicht die Bandbreite die Zeiten bestimmen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection cap</source>
        <translation>Verbindungsobergrenze</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connections the client opens at most at once (browsers use 6).</source>
        <translation>Wie viele Verbindungen der Client höchstens gleichzeitig öffnet (Browser nutzen 6).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pipelining depth</source>
        <translation>Pipelining-Tiefe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests the pipelining client keeps in flight on its one connection.</source>
        <translation>Wie viele Anfragen der Pipelining-Client auf seiner einen Verbindung gleichzeitig unterwegs hält.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delay of /slow (ms)</source>
        <translation>Verzögerung von /slow (ms)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long the server thinks before answering /slow.</source>
        <translation>Wie lange der Server überlegt, bevor er /slow beantwortet.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>1. GET /about by hand</source>
        <translation>1. GET /about von Hand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;HTTP/1.1 is text over a TCP connection (notes L335-346). The client writes a request line (&lt;code&gt;GET /about HTTP/1.1&lt;/code&gt;), header lines such as &lt;code&gt;Host:&lt;/code&gt;, and an empty line; every line ends with CR LF. The server answers with a status line, headers and the body (notes L350-365).&lt;/p&gt;&lt;p&gt;Send the request and open its frame in the packet list: the bytes are readable as text, and the &lt;code&gt;\r\n&lt;/code&gt; at the end of each line and the empty line ending the head are visible.&lt;/p&gt;</source>
        <translation>&lt;p&gt;HTTP/1.1 ist Text über eine TCP-Verbindung (Notizen L335-346). Der Client schreibt eine Anfragezeile (&lt;code&gt;GET /about HTTP/1.1&lt;/code&gt;), Header-Zeilen wie &lt;code&gt;Host:&lt;/code&gt; und eine Leerzeile; jede Zeile endet mit CR LF. Der Server antwortet mit einer Statuszeile, Headern und dem Body (Notizen L350-365).&lt;/p&gt;&lt;p&gt;Senden Sie die Anfrage und öffnen Sie ihren Frame in der Paketliste: Die Bytes sind als Text lesbar, und das &lt;code&gt;\r\n&lt;/code&gt; am Ende jeder Zeile und die Leerzeile am Ende des Kopfes sind sichtbar.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Send GET /about</source>
        <translation>GET /about senden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request line and status line parsed from the capture</source>
        <translation>Anfragezeile und Statuszeile aus dem Mitschnitt gelesen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>2. 100 images over HTTP/1.x</source>
        <translation>2. 100 Bilder über HTTP/1.x</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;The notes&apos; test loads a page of 100 images on a 3G link (notes L424-427). Load it three times:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;HTTP/1.0&lt;/b&gt;: a new connection, and so a new handshake, for every image.&lt;/li&gt;&lt;li&gt;&lt;b&gt;HTTP/1.1 keep-alive&lt;/b&gt;: connections are reused (notes L376), but each carries one request at a time, so the browser opens six of them (notes L386) and the images arrive in batches.&lt;/li&gt;&lt;li&gt;&lt;b&gt;HTTP/1.1 pipelining&lt;/b&gt;: one connection, many requests sent without waiting (notes L380); the responses must still come back in order.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Compare the handshake counts and the total times. Every round trip costs about 100 ms here. In host mode the relay on 127.0.0.1 delays the bytes but not the handshakes, so there only the handshake counts show what HTTP/1.0 costs.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Test in den Notizen lädt eine Seite mit 100 Bildern über eine 3G-Leitung (Notizen L424-427). Laden Sie sie dreimal:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;HTTP/1.0&lt;/b&gt;: für jedes Bild eine neue Verbindung und damit ein neuer Handshake.&lt;/li&gt;&lt;li&gt;&lt;b&gt;HTTP/1.1 Keep-Alive&lt;/b&gt;: Verbindungen werden wiederverwendet (Notizen L376), aber jede trägt nur eine Anfrage zur Zeit, also öffnet der Browser sechs davon (Notizen L386), und die Bilder kommen in Schüben an.&lt;/li&gt;&lt;li&gt;&lt;b&gt;HTTP/1.1-Pipelining&lt;/b&gt;: eine Verbindung, viele Anfragen ohne zu warten gesendet (Notizen L380); die Antworten müssen trotzdem in der Reihenfolge zurückkommen.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Vergleichen Sie die Zahl der Handshakes und die Gesamtzeiten. Jede Umlaufzeit kostet hier etwa 100 ms. Im Host-Modus verzögert das Relay auf 127.0.0.1 die Bytes, aber nicht die Handshakes; dort zeigt nur die Zahl der Handshakes, was HTTP/1.0 kostet.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Load over HTTP/1.0</source>
        <translation>Über HTTP/1.0 laden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load over HTTP/1.1 keep-alive</source>
        <translation>Über HTTP/1.1 mit Keep-Alive laden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load with HTTP/1.1 pipelining</source>
        <translation>Mit HTTP/1.1-Pipelining laden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTTP/1.0: one connection per image</source>
        <translation>HTTP/1.0: eine Verbindung pro Bild</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>HTTP/1.1: exactly as many connections as the cap (6) were opened</source>
        <translation>HTTP/1.1: genau so viele Verbindungen wie die Obergrenze (6) wurden geöffnet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pipelining: one connection carried all responses</source>
        <translation>Pipelining: eine Verbindung trug alle Antworten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>3. The same page over HTTP/2</source>
        <translation>3. Dieselbe Seite über HTTP/2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;HTTP/2 sends every request and response as binary frames on one connection, many streams at once (notes L408, L414): one handshake, and all images in flight together (notes L426-427). This client speaks h2c with prior knowledge: the connection starts with the preface, then SETTINGS, HEADERS, DATA and WINDOW_UPDATE frames.&lt;/p&gt;&lt;p&gt;The notes say requests use odd stream ids and responses even ones (notes L410). Look at the capture: a response comes back on the &lt;i&gt;same&lt;/i&gt; odd id as its request; even ids are only for streams the server starts itself (push). HPACK (notes L416) sends a header in full once and then refers to it by an index in a table both sides keep, so the header block of request 2 and later is a fraction of request 1&apos;s.&lt;/p&gt;</source>
        <translation>&lt;p&gt;HTTP/2 sendet jede Anfrage und Antwort als binäre Frames auf einer Verbindung, viele Streams gleichzeitig (Notizen L408, L414): ein Handshake, und alle Bilder sind zugleich unterwegs (Notizen L426-427). Dieser Client spricht h2c mit Prior Knowledge: Die Verbindung beginnt mit dem Preface, dann folgen SETTINGS-, HEADERS-, DATA- und WINDOW_UPDATE-Frames.&lt;/p&gt;&lt;p&gt;Die Notizen sagen, Anfragen nutzten ungerade und Antworten gerade Stream-IDs (Notizen L410). Sehen Sie in den Mitschnitt: Eine Antwort kommt auf &lt;i&gt;derselben&lt;/i&gt; ungeraden ID zurück wie ihre Anfrage; gerade IDs gibt es nur für Streams, die der Server selbst beginnt (Push). HPACK (Notizen L416) sendet einen Header einmal vollständig und verweist danach über einen Index in eine Tabelle, die beide Seiten führen; so ist der Header-Block ab Anfrage 2 nur ein Bruchteil dessen von Anfrage 1.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Load over HTTP/2</source>
        <translation>Über HTTP/2 laden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTTP/2: one connection carried all responses</source>
        <translation>HTTP/2: eine Verbindung trug alle Antworten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SETTINGS, HEADERS, DATA and WINDOW_UPDATE frames seen</source>
        <translation>SETTINGS-, HEADERS-, DATA- und WINDOW_UPDATE-Frames gesehen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requests on odd stream ids, responses on the same id</source>
        <translation>Anfragen auf ungeraden Stream-IDs, Antworten auf derselben ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Header bytes collapse after the first request (HPACK)</source>
        <translation>Die Header-Bytes schrumpfen nach der ersten Anfrage (HPACK)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total times and handshakes side by side</source>
        <translation>Gesamtzeiten und Handshakes nebeneinander</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>4. Head-of-line blocking behind /slow</source>
        <translation>4. Head-of-Line-Blocking hinter /slow</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;The client pipelines two requests on one connection: &lt;code&gt;/slow&lt;/code&gt;, which the server answers after a delay, then &lt;code&gt;/about&lt;/code&gt;, which is ready at once. HTTP/1.1 has no way to say which response belongs to which request except their order, so the second response has to wait behind the first: head-of-line blocking (notes L380). Over HTTP/2 the two requests are two streams, and /about is answered while /slow is still being prepared (notes L408).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Client sendet zwei Anfragen im Pipelining auf einer Verbindung: &lt;code&gt;/slow&lt;/code&gt;, das der Server erst nach einer Verzögerung beantwortet, dann &lt;code&gt;/about&lt;/code&gt;, das sofort bereit ist. HTTP/1.1 kann nur über die Reihenfolge sagen, welche Antwort zu welcher Anfrage gehört, also muss die zweite Antwort hinter der ersten warten: Head-of-Line-Blocking (Notizen L380). Über HTTP/2 sind die beiden Anfragen zwei Streams, und /about wird beantwortet, während /slow noch vorbereitet wird (Notizen L408).&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pipeline /slow and /about</source>
        <translation>/slow und /about im Pipelining senden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask for /slow and /about over HTTP/2</source>
        <translation>/slow und /about über HTTP/2 anfragen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pipelined response 2 waited for response 1</source>
        <translation>Antwort 2 im Pipelining wartete auf Antwort 1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTTP/2: the quick stream did not wait for the slow one</source>
        <translation>HTTP/2: der schnelle Stream wartete nicht auf den langsamen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>5. HTTP/2 behind a lost TCP segment</source>
        <translation>5. HTTP/2 hinter einem verlorenen TCP-Segment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;HTTP/2 removed head-of-line blocking between responses, but all its streams share one TCP byte stream (notes L440). With 2% loss on the link from the server, a lost segment holds back every byte behind it, whatever stream it belongs to: several streams finish together the moment the retransmission fills the gap. In host mode the relay cannot drop single TCP segments, so this step is skipped there.&lt;/p&gt;</source>
        <translation>&lt;p&gt;HTTP/2 hat das Head-of-Line-Blocking zwischen Antworten beseitigt, aber alle seine Streams teilen sich einen TCP-Bytestrom (Notizen L440). Mit 2 % Verlust auf der Leitung vom Server hält ein verlorenes Segment jedes Byte dahinter zurück, egal zu welchem Stream es gehört: Mehrere Streams enden gemeinsam in dem Moment, in dem die Wiederholung die Lücke füllt. Im Host-Modus kann das Relay keine einzelnen TCP-Segmente verwerfen, daher wird dieser Schritt dort übersprungen.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Load over HTTP/2 with 2% loss</source>
        <translation>Über HTTP/2 mit 2 % Verlust laden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Streams stalled together behind a lost segment</source>
        <translation>Streams blieben gemeinsam hinter einem verlorenen Segment stehen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>6. Chunked streaming and the Host header</source>
        <translation>6. Chunked-Streaming und der Host-Header</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;The notes say HTTP/1.1 must know the whole response and its &lt;code&gt;Content-Length&lt;/code&gt; before sending (notes L390). That is not so: with &lt;code&gt;Transfer-Encoding: chunked&lt;/code&gt; the server sends the body in pieces as it produces them, each with its size in hex, and a zero-size chunk ends it. Watch the chunks of &lt;code&gt;/chunked&lt;/code&gt; arrive over time.&lt;/p&gt;&lt;p&gt;The &lt;code&gt;Host&lt;/code&gt; header lets one server on one address and port serve several sites (notes L378): the same request for &lt;code&gt;/&lt;/code&gt; gets a different page for &lt;code&gt;site-a.lab&lt;/code&gt; and &lt;code&gt;site-b.lab&lt;/code&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Notizen sagen, HTTP/1.1 müsse die ganze Antwort und ihre &lt;code&gt;Content-Length&lt;/code&gt; vor dem Senden kennen (Notizen L390). Das stimmt nicht: Mit &lt;code&gt;Transfer-Encoding: chunked&lt;/code&gt; sendet der Server den Body in Stücken, sobald er sie erzeugt, jedes mit seiner Größe in Hex, und ein Chunk der Größe null beendet ihn. Sehen Sie zu, wie die Chunks von &lt;code&gt;/chunked&lt;/code&gt; nach und nach ankommen.&lt;/p&gt;&lt;p&gt;Mit dem &lt;code&gt;Host&lt;/code&gt;-Header kann ein Server auf einer Adresse und einem Port mehrere Sites bedienen (Notizen L378): Dieselbe Anfrage nach &lt;code&gt;/&lt;/code&gt; bekommt für &lt;code&gt;site-a.lab&lt;/code&gt; und &lt;code&gt;site-b.lab&lt;/code&gt; eine andere Seite.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Fetch /chunked</source>
        <translation>/chunked abrufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask both sites for /</source>
        <translation>Beide Sites nach / fragen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A chunked response streamed over time</source>
        <translation>Eine Antwort in Chunks kam nach und nach an</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Host header chose the site</source>
        <translation>Der Host-Header wählte die Site</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>7. A real client: curl</source>
        <translation>7. Ein echter Client: curl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;The lab&apos;s servers speak the protocols to any client. &lt;code&gt;curl --http1.1&lt;/code&gt; asks the HTTP/1.x server for &lt;code&gt;/about&lt;/code&gt; (the notes&apos; example request uses curl, notes L350-355), and &lt;code&gt;curl --http2-prior-knowledge&lt;/code&gt; asks the HTTP/2 server, starting with the preface at once. In the lab network curl runs inside the client host; in host mode it runs on 127.0.0.1. Compare curl&apos;s request headers with the lab client&apos;s in the packet list. Each curl asks for one URL: curl 7.88 (Debian 12) cannot carry several URLs over one prior-knowledge h2c connection (it reuses it, then fails with &quot;Error in the HTTP2 framing layer&quot;; curl issue #10634, fixed in 8.0). Without curl installed the step is skipped.&lt;/p&gt;&lt;p&gt;Browsers speak HTTP/2 only over TLS (h2). Which protocol the connection carries is agreed inside the TLS handshake with ALPN: the client lists the protocols it speaks in its ClientHello (curl: &lt;code&gt;h2&lt;/code&gt;, &lt;code&gt;http/1.1&lt;/code&gt;), the server picks one in its reply. So h2 costs no round trip beyond the handshake itself (notes L657: one round trip in TLS 1.3), unlike the h2c upgrade, which spends a whole HTTP/1.1 request and a 101 answer first. &lt;code&gt;curl --http2&lt;/code&gt; asks the lab&apos;s TLS server for &lt;code&gt;/about&lt;/code&gt;; its certificate names &lt;code&gt;server.lab&lt;/code&gt; and comes from a CA made for this run. The server logs its TLS secrets, so the capture decrypts: in TLS 1.3 the server&apos;s choice is in the encrypted EncryptedExtensions, and the first bytes the client sends inside TLS are the same preface as with prior knowledge (notes L408). The notes do not cover ALPN.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Server des Labs sprechen ihre Protokolle mit jedem Client. &lt;code&gt;curl --http1.1&lt;/code&gt; fragt den HTTP/1.x-Server nach &lt;code&gt;/about&lt;/code&gt; (die Beispielanfrage in den Notizen stammt von curl, Notizen L350-355), und &lt;code&gt;curl --http2-prior-knowledge&lt;/code&gt; fragt den HTTP/2-Server und beginnt sofort mit dem Preface. Im Lab-Netz läuft curl im Client-Host, im Host-Modus auf 127.0.0.1. Vergleichen Sie in der Paketliste die Anfrage-Header von curl mit denen des Lab-Clients. Jeder curl-Aufruf fragt nach einer URL: curl 7.88 (Debian 12) kann nicht mehrere URLs über eine h2c-Verbindung mit Prior Knowledge tragen (es verwendet sie wieder und scheitert dann mit &quot;Error in the HTTP2 framing layer&quot;; curl-Issue #10634, behoben in 8.0). Ohne installiertes curl wird der Schritt übersprungen.&lt;/p&gt;&lt;p&gt;Browser sprechen HTTP/2 nur über TLS (h2). Welches Protokoll die Verbindung trägt, wird im TLS-Handshake mit ALPN vereinbart: Der Client zählt in seinem ClientHello die Protokolle auf, die er spricht (curl: &lt;code&gt;h2&lt;/code&gt;, &lt;code&gt;http/1.1&lt;/code&gt;), der Server wählt in seiner Antwort eines aus. So kostet h2 keinen Round Trip über den Handshake hinaus (Notizen L657: ein Round Trip bei TLS 1.3), anders als das h2c-Upgrade, das zuerst eine ganze HTTP/1.1-Anfrage und eine 101-Antwort verbraucht. &lt;code&gt;curl --http2&lt;/code&gt; fragt den TLS-Server des Labs nach &lt;code&gt;/about&lt;/code&gt;; sein Zertifikat nennt &lt;code&gt;server.lab&lt;/code&gt; und stammt von einer CA, die für diesen Lauf erzeugt wurde. Der Server protokolliert seine TLS-Geheimnisse, daher lässt sich der Mitschnitt entschlüsseln: Bei TLS 1.3 steht die Wahl des Servers in den verschlüsselten EncryptedExtensions, und die ersten Bytes, die der Client innerhalb von TLS sendet, sind dasselbe Preface wie bei Prior Knowledge (Notizen L408). Die Notizen behandeln ALPN nicht.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>ALPN chose h2, and the decrypted stream begins with the HTTP/2 preface</source>
        <translation>ALPN wählte h2, und der entschlüsselte Stream beginnt mit dem HTTP/2-Preface</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Run curl twice</source>
        <translation>curl zweimal ausführen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>curl over TLS (h2 by ALPN)</source>
        <translation>curl über TLS (h2 per ALPN)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Both curl exchanges are in the capture</source>
        <translation>Beide Austausche von curl sind im Mitschnitt</translation>
    </message>
</context>
<context>
    <name>LinkImpairment</name>
    <message>
        <location filename="../core/labnet/linkimpairment.cpp" line="+23"/>
        <source>%1 must be between %2 and %3 %4; got %5.</source>
        <translation>%1 muss zwischen %2 und %3 %4 liegen; angegeben: %5.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Delay</source>
        <translation>Verzögerung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Jitter</source>
        <translation>Jitter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bandwidth</source>
        <translation>Bandbreite</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duplication</source>
        <translation>Verdopplung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reordering</source>
        <translation>Umordnung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The queue must hold between 1 and %1 packets; got %2.</source>
        <translation>Die Warteschlange muss zwischen 1 und %1 Pakete fassen; angegeben: %2.</translation>
    </message>
</context>
<context>
    <name>LinkParameters</name>
    <message>
        <location filename="../core/lab/linkparameters.cpp" line="+33"/>
        <source>Link preset</source>
        <translation>Leitungsvorlage</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A typical link to start from; link settings that are not 0 replace the preset&apos;s values.</source>
        <translation>Eine typische Leitung als Ausgangspunkt; Leitungseinstellungen, die nicht 0 sind, ersetzen die Werte der Vorlage.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>One-way delay (ms)</source>
        <translation>Verzögerung in eine Richtung (ms)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Added to every packet in each direction; the round trip grows by twice this.</source>
        <translation>Kommt in jeder Richtung zu jedem Paket hinzu; die Umlaufzeit wächst um das Doppelte.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Jitter (ms)</source>
        <translation>Jitter (ms)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each packet&apos;s delay varies by up to this much around the one-way delay.</source>
        <translation>Die Verzögerung jedes Pakets schwankt um bis zu diesen Wert um die Verzögerung in eine Richtung.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bandwidth (Mbit/s)</source>
        <translation>Bandbreite (Mbit/s)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bandwidth of each direction; 0 means no limit.</source>
        <translation>Bandbreite jeder Richtung; 0 heißt unbegrenzt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loss (%)</source>
        <translation>Verlust (%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of packets the link drops at random, in each direction.</source>
        <translation>Anteil der Pakete, die die Leitung zufällig verwirft, in jeder Richtung.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Duplication (%)</source>
        <translation>Verdopplung (%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of packets the link delivers twice.</source>
        <translation>Anteil der Pakete, die die Leitung doppelt zustellt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reordering (%)</source>
        <translation>Umordnung (%)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of packets sent at once, ahead of delayed ones; needs a delay to show.</source>
        <translation>Anteil der Pakete, die sofort vor verzögerten Paketen gesendet werden; sichtbar nur mit einer Verzögerung.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Extra delay client to server (ms)</source>
        <translation>Zusätzliche Verzögerung Client zu Server (ms)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Added to the one-way delay from the client to the server only.</source>
        <translation>Kommt nur vom Client zum Server zur Verzögerung in eine Richtung hinzu.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Extra delay server to client (ms)</source>
        <translation>Zusätzliche Verzögerung Server zu Client (ms)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Added to the one-way delay from the server to the client only.</source>
        <translation>Kommt nur vom Server zum Client zur Verzögerung in eine Richtung hinzu.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Extra loss client to server (%)</source>
        <translation>Zusätzlicher Verlust Client zu Server (%)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loss from the client to the server only, on top of the loss of both directions.</source>
        <translation>Verlust nur vom Client zum Server, zusätzlich zum Verlust beider Richtungen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Extra loss server to client (%)</source>
        <translation>Zusätzlicher Verlust Server zu Client (%)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loss from the server to the client only, on top of the loss of both directions.</source>
        <translation>Verlust nur vom Server zum Client, zusätzlich zum Verlust beider Richtungen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Bandwidth client to server (Mbit/s)</source>
        <translation>Bandbreite Client zu Server (Mbit/s)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A bandwidth cap from the client to the server only; 0 means no cap of its own.</source>
        <translation>Eine Bandbreitengrenze nur vom Client zum Server; 0 heißt keine eigene Grenze.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Bandwidth server to client (Mbit/s)</source>
        <translation>Bandbreite Server zu Client (Mbit/s)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A bandwidth cap from the server to the client only; 0 means no cap of its own.</source>
        <translation>Eine Bandbreitengrenze nur vom Server zum Client; 0 heißt keine eigene Grenze.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>There is no link preset &quot;%1&quot;.</source>
        <translation>Es gibt keine Leitungsvorlage „%1“.</translation>
    </message>
</context>
<context>
    <name>LinkPreset</name>
    <message>
        <location filename="../core/labnet/linkimpairment.cpp" line="+28"/>
        <source>Loopback (no impairment)</source>
        <translation>Loopback (ohne Beeinträchtigung)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LAN (0.5 ms, 1 Gbit/s)</source>
        <translation>LAN (0,5 ms, 1 Gbit/s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wi-Fi (5 ms ± 2 ms, 50 Mbit/s, 0.5 % loss)</source>
        <translation>WLAN (5 ms ± 2 ms, 50 Mbit/s, 0,5 % Verlust)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>3G (50 ms ± 5 ms each way, 1.6 Mbit/s)</source>
        <translation>3G (50 ms ± 5 ms je Richtung, 1,6 Mbit/s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satellite (300 ms each way, 10 Mbit/s)</source>
        <translation>Satellit (300 ms je Richtung, 10 Mbit/s)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lossy mobile (40 ms ± 15 ms, 5 Mbit/s, 3 % loss)</source>
        <translation>Verlustreicher Mobilfunk (40 ms ± 15 ms, 5 Mbit/s, 3 % Verlust)</translation>
    </message>
</context>
<context>
    <name>PacketFilter</name>
    <message>
        <location filename="../core/labnet/packetfilter.cpp" line="+318"/>
        <source>expected “and”, “or” or the end of the filter</source>
        <translation>„and“, „or“ oder das Ende des Filters erwartet</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>at the end: %1</source>
        <translation>am Ende: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at position %1 (“%2”): %3</source>
        <translation>an Position %1 („%2“): %3</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the filter nests too deeply</source>
        <translation>der Filter ist zu tief verschachtelt</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>expected “)”</source>
        <translation>„)“ erwartet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>expected a field name such as tcp.flags.syn or a “(”</source>
        <translation>einen Feldnamen wie tcp.flags.syn oder eine „(“ erwartet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>unknown field</source>
        <translation>unbekanntes Feld</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>a protocol name cannot be compared; test a field such as tcp.port</source>
        <translation>ein Protokollname lässt sich nicht vergleichen; prüfen Sie ein Feld wie tcp.port</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>expected a value after “%1”</source>
        <translation>nach „%1“ einen Wert erwartet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>addresses can only be compared with == or !=</source>
        <translation>Adressen lassen sich nur mit == oder != vergleichen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>expected an IP address such as 198.18.0.2 or 198.18.0.0/15</source>
        <translation>eine IP-Adresse wie 198.18.0.2 oder 198.18.0.0/15 erwartet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>expected an IPv6 address</source>
        <translation>eine IPv6-Adresse erwartet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected an IPv4 address</source>
        <translation>eine IPv4-Adresse erwartet</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>expected a number</source>
        <translation>eine Zahl erwartet</translation>
    </message>
    <message>
        <location line="+336"/>
        <source>The filter is empty; write one such as tcp.flags.syn == 1.</source>
        <translation>Der Filter ist leer; schreiben Sie einen wie tcp.flags.syn == 1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The filter is longer than %1 characters; write a shorter one.</source>
        <translation>Der Filter ist länger als %1 Zeichen; schreiben Sie einen kürzeren.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>libpcap could not start its filter compiler</source>
        <translation>libpcap konnte seinen Filter-Compiler nicht starten</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>“%1” is not a filter: as a display filter, %2; as a capture filter, libpcap says “%3”.</source>
        <translation>„%1“ ist kein Filter: als Anzeigefilter %2; als Mitschnittfilter meldet libpcap „%3“.</translation>
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
        <location line="+25"/>
        <source>The kernel&apos;s UDP counters in /proc/net/snmp could not be read: %1</source>
        <translation>Die UDP-Zähler des Kernels in /proc/net/snmp konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing was lost: %1</source>
        <translation>Nichts ging verloren: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 more never left the client: its network interface&apos;s queue was full, and sendto() did not say so either.</source>
        <translation>Weitere %1 haben den Client nie verlassen: Die Warteschlange seiner Netzwerkschnittstelle war voll, und auch sendto() hat das nicht gemeldet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The drop counter rose by less than the loss: %1</source>
        <translation>Der Verlustzähler stieg um weniger als der Verlust: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fewer datagrams on the wire than sent (is the capture dropping?): %1</source>
        <translation>Weniger Datagramme auf der Leitung als gesendet (verliert die Aufzeichnung Pakete?): %1</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+159"/>
        <source>in order</source>
        <translation>in Reihenfolge</translation>
    </message>
    <message>
        <location line="-159"/>
        <location line="+159"/>
        <source>out of order</source>
        <translation>außer der Reihe</translation>
    </message>
    <message>
        <location line="-153"/>
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
        <location line="+17"/>
        <source>Skipped: this step needs the lab network, and this run is in host mode.</source>
        <translation>Übersprungen: Dieser Schritt braucht das Lab-Netz, und dieser Lauf ist im Host-Modus.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Waiting for the datagrams through the lossy link.</source>
        <translation>Warte auf die Datagramme über die verlustbehaftete Leitung.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 datagrams sent from port %2, %3 on the wire, %4 marked lost by the link (%5), %6 received by the server; none was sent again.</source>
        <translation>%1 Datagramme von Port %2 gesendet, %3 auf der Leitung, %4 von der Leitung als verloren markiert (%5), %6 vom Server empfangen; keines wurde erneut gesendet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+53"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>The capture does not show every datagram: %1</source>
        <translation>Der Mitschnitt zeigt nicht jedes Datagramm: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing was lost this time: %1</source>
        <translation>Diesmal ging nichts verloren: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Received and lost do not add up: %1</source>
        <translation>Empfangene und verlorene Datagramme gehen nicht auf: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lost stays lost over UDP: %1</source>
        <translation>Über UDP bleibt Verlorenes verloren: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Waiting for the TCP transfer through the lossy link.</source>
        <translation>Warte auf die TCP-Übertragung über die verlustbehaftete Leitung.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>the client sent %1 bytes from port %2 in %3 segments; the link lost %4 of them; %5 retransmissions (%6); the server received %7 bytes %8.</source>
        <translation>der Client hat %1 Bytes von Port %2 in %3 Segmenten gesendet; die Leitung hat %4 davon verloren; %5 Neuübertragungen (%6); der Server hat %7 Bytes %8 empfangen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>TCP did not deliver everything: %1</source>
        <translation>TCP hat nicht alles zugestellt: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No retransmission in the capture: %1</source>
        <translation>Keine Neuübertragung im Mitschnitt: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TCP repaired the loss: %1</source>
        <translation>TCP hat den Verlust behoben: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Waiting for the held SYN to be released.</source>
        <translation>Warte darauf, dass das angehaltene SYN freigegeben wird.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 SYN(s) from port %2 in the capture; the kernel&apos;s retransmission has not shown yet.</source>
        <translation>%1 SYN(s) von Port %2 im Mitschnitt; die Neuübertragung des Kernels ist noch nicht zu sehen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SYN #%1 and SYN #%2 from port %3, sequence numbers %4 and %5, %6 s apart</source>
        <translation>SYN #%1 und SYN #%2 von Port %3, Sequenznummern %4 und %5, %6 s auseinander</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The two SYNs differ: %1.</source>
        <translation>Die beiden SYNs unterscheiden sich: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The SYNs are not about one second apart: %1.</source>
        <translation>Die SYNs liegen nicht etwa eine Sekunde auseinander: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, but the handshake has not completed yet.</source>
        <translation>%1, aber der Handshake ist noch nicht abgeschlossen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: the client&apos;s kernel sent the same SYN again after its 1 s timeout while the wire held both; after the release SYN-ACK #%2 and ACK #%3 completed the handshake.</source>
        <translation>%1: Der Kernel des Clients hat dasselbe SYN nach seinem Timeout von 1 s erneut gesendet, während die Leitung beide anhielt; nach der Freigabe haben SYN-ACK #%2 und ACK #%3 den Handshake abgeschlossen.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>TCP vs UDP</source>
        <translation>TCP und UDP im Vergleich</translation>
    </message>
    <message>
        <location line="+10"/>
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
        <source>&lt;p&gt;UDP has no flow control: a sender never learns that the receiver cannot keep up (notes L254), and a datagram that is lost stays lost (notes L252).&lt;/p&gt;&lt;p&gt;Press &lt;i&gt;Blast datagrams over UDP&lt;/i&gt;. The client sends &lt;code&gt;udp.blast_count&lt;/code&gt; datagrams as fast as it can to a server socket whose receive buffer is tiny (&lt;code&gt;udp.rcvbuf&lt;/code&gt;) and which does not read until the blast is over. Then the server drains its socket. Every datagram is on the wire, but only a handful reach the application; the kernel counts the rest in the &lt;b&gt;RcvbufErrors&lt;/b&gt; column of &lt;code&gt;/proc/net/snmp&lt;/code&gt;. In host mode that counter covers the whole machine, so other programs&apos; drops are counted too; in the lab network it is the server&apos;s own. There the client may even lose datagrams before they leave it: its network interface&apos;s queue overflows, and &lt;code&gt;sendto()&lt;/code&gt; does not say so.&lt;/p&gt;&lt;p&gt;Press &lt;i&gt;Blast the same over TCP&lt;/i&gt;. The same number of messages goes over the TCP connection to a server with a small receive buffer (&lt;code&gt;tcp.rcvbuf&lt;/code&gt;) that also starts reading late. Nothing is lost: as the server&apos;s buffer fills, the window it advertises shrinks, sometimes to zero, and the sender&apos;s &lt;code&gt;send()&lt;/code&gt; has to wait (notes L199).&lt;/p&gt;</source>
        <translation>&lt;p&gt;UDP hat keine Flusskontrolle: Ein Sender erfährt nie, dass der Empfänger nicht mitkommt (Notizen L254), und ein verlorenes Datagramm bleibt verloren (Notizen L252).&lt;/p&gt;&lt;p&gt;Drücken Sie &lt;i&gt;UDP mit Datagrammen fluten&lt;/i&gt;. Der Client sendet so schnell er kann &lt;code&gt;udp.blast_count&lt;/code&gt; Datagramme an einen Server-Socket mit winzigem Empfangspuffer (&lt;code&gt;udp.rcvbuf&lt;/code&gt;), der erst nach der Flut liest. Dann leert der Server seinen Socket. Jedes Datagramm ist auf der Leitung, aber nur eine Handvoll erreicht die Anwendung; den Rest zählt der Kernel in der Spalte &lt;b&gt;RcvbufErrors&lt;/b&gt; von &lt;code&gt;/proc/net/snmp&lt;/code&gt;. Im Host-Modus gilt der Zähler für die ganze Maschine, Verluste anderer Programme werden also mitgezählt; im Lab-Netz ist es der eigene Zähler des Servers. Dort kann der Client sogar Datagramme verlieren, bevor sie ihn verlassen: Die Warteschlange seiner Netzwerkschnittstelle läuft über, und &lt;code&gt;sendto()&lt;/code&gt; meldet das nicht.&lt;/p&gt;&lt;p&gt;Drücken Sie &lt;i&gt;Dasselbe über TCP senden&lt;/i&gt;. Dieselbe Anzahl Nachrichten geht über die TCP-Verbindung an einen Server mit kleinem Empfangspuffer (&lt;code&gt;tcp.rcvbuf&lt;/code&gt;), der ebenfalls spät zu lesen beginnt. Nichts geht verloren: Während sich der Puffer des Servers füllt, schrumpft das Fenster, das er ankündigt, manchmal bis auf null, und das &lt;code&gt;send()&lt;/code&gt; des Senders muss warten (Notizen L199).&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>6. A lossy link: UDP loses, TCP repairs</source>
        <translation>6. Eine verlustbehaftete Leitung: UDP verliert, TCP repariert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;Until now nothing was lost on the way: only a full receive buffer dropped datagrams. Now the link itself drops one packet in ten, in both directions, as a bad radio link would.&lt;/p&gt;&lt;p&gt;Press &lt;i&gt;Send through a lossy link&lt;/i&gt;. The action sets 10 % loss on the link, sends 200 numbered datagrams over UDP and 256 KiB over a new TCP connection, and then puts the link back as it was.&lt;/p&gt;&lt;p&gt;In the packet list a lost packet is still shown, with the comment &lt;i&gt;Lost on the lab network&lt;/i&gt;: it left the client, but the server never got it. For UDP that is the end of it: no one notices and no one sends it again (notes L252). TCP notices the missing acknowledgement and sends the segment again; the ladder marks these retransmissions, and the server still receives every byte in order (notes L199).&lt;/p&gt;&lt;p&gt;This step needs the lab network; in host mode it is skipped, because nothing there can drop a single TCP segment.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Bisher ging unterwegs nichts verloren: Nur ein voller Empfangspuffer hat Datagramme verworfen. Jetzt verwirft die Leitung selbst jedes zehnte Paket, in beide Richtungen, wie es eine schlechte Funkstrecke täte.&lt;/p&gt;&lt;p&gt;Drücken Sie &lt;i&gt;Über eine verlustbehaftete Leitung senden&lt;/i&gt;. Die Aktion stellt 10 % Verlust auf der Leitung ein, sendet 200 nummerierte Datagramme über UDP und 256 KiB über eine neue TCP-Verbindung und stellt die Leitung danach wieder her.&lt;/p&gt;&lt;p&gt;In der Paketliste bleibt ein verlorenes Paket sichtbar, mit dem Kommentar &lt;i&gt;Lost on the lab network&lt;/i&gt; (im Lab-Netz verloren): Es hat den Client verlassen, aber der Server hat es nie bekommen. Für UDP ist die Sache damit erledigt: Niemand bemerkt es, und niemand sendet es erneut (Notizen L252). TCP bemerkt die fehlende Bestätigung und sendet das Segment noch einmal; das Leiterdiagramm markiert diese Neuübertragungen, und der Server empfängt trotzdem jedes Byte in der richtigen Reihenfolge (Notizen L199).&lt;/p&gt;&lt;p&gt;Dieser Schritt braucht das Lab-Netz; im Host-Modus wird er übersprungen, weil dort nichts ein einzelnes TCP-Segment verwerfen kann.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Send through a lossy link</source>
        <translation>Über eine verlustbehaftete Leitung senden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Datagrams lost on the link stay lost</source>
        <translation>Auf der Leitung verlorene Datagramme bleiben verloren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TCP retransmits what the link lost and delivers every byte</source>
        <translation>TCP überträgt erneut, was die Leitung verloren hat, und stellt jedes Byte zu</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>7. Hold a SYN: the kernel sends it again</source>
        <translation>7. Ein SYN anhalten: Der Kernel sendet es erneut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;A breakpoint on the wire holds packets that match a filter until you let them go. The program does not know, and neither does its kernel: the kernel keeps its own timers.&lt;/p&gt;&lt;p&gt;Press &lt;i&gt;Hold a SYN for 1.5 s&lt;/i&gt;. The action sets the breakpoint &lt;code&gt;tcp.flags.syn == 1 &amp;amp;&amp;amp; tcp.flags.ack == 0&lt;/code&gt;, opens a new connection, waits 1.5 seconds and releases what is held. The client&apos;s SYN waits on the wire. After one second without a SYN-ACK the client&apos;s kernel sends the same SYN again (same sequence number): its first retransmission timeout. Both are released, the server answers, and the handshake completes (notes L209-213).&lt;/p&gt;&lt;p&gt;Try it by hand in the network panel: set the breakpoint, connect, and press Step, Release all or Drop. Drop the SYNs and watch the gaps double: 1 s, 2 s, 4 s.&lt;/p&gt;&lt;p&gt;This step needs the lab network; in host mode it is skipped, because there is no wire to hold a packet on.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Ein Haltepunkt auf der Leitung hält Pakete, die zu einem Filter passen, fest, bis Sie sie freigeben. Das Programm weiß davon nichts, und sein Kernel auch nicht: Der Kernel hat seine eigenen Timer.&lt;/p&gt;&lt;p&gt;Drücken Sie &lt;i&gt;Ein SYN 1,5 s anhalten&lt;/i&gt;. Die Aktion setzt den Haltepunkt &lt;code&gt;tcp.flags.syn == 1 &amp;amp;&amp;amp; tcp.flags.ack == 0&lt;/code&gt;, öffnet eine neue Verbindung, wartet 1,5 Sekunden und gibt frei, was angehalten wurde. Das SYN des Clients wartet auf der Leitung. Nach einer Sekunde ohne SYN-ACK sendet der Kernel des Clients dasselbe SYN erneut (dieselbe Sequenznummer): sein erster Neuübertragungs-Timeout. Beide werden freigegeben, der Server antwortet, und der Handshake wird abgeschlossen (Notizen L209-213).&lt;/p&gt;&lt;p&gt;Probieren Sie es im Netzwerk-Panel von Hand: Haltepunkt setzen, verbinden, dann Schritt, Alle freigeben oder Verwerfen drücken. Verwerfen Sie die SYNs und sehen Sie, wie sich die Abstände verdoppeln: 1 s, 2 s, 4 s.&lt;/p&gt;&lt;p&gt;Dieser Schritt braucht das Lab-Netz; im Host-Modus wird er übersprungen, weil es dort keine Leitung gibt, auf der ein Paket warten könnte.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Hold a SYN for 1.5 s</source>
        <translation>Ein SYN 1,5 s anhalten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A held SYN is sent again by the client&apos;s kernel about 1 s later, then the handshake completes</source>
        <translation>Ein angehaltenes SYN sendet der Kernel des Clients etwa 1 s später erneut, danach wird der Handshake abgeschlossen</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>Blast datagrams over UDP</source>
        <translation>UDP mit Datagrammen fluten</translation>
    </message>
    <message>
        <location line="-445"/>
        <source>the server host&apos;s own counter</source>
        <translation>der eigene Zähler des Server-Hosts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it counts the whole machine in host mode, so other programs&apos; drops add to it</source>
        <translation>im Host-Modus gilt er für die ganze Maschine, Verluste anderer Programme werden also mitgezählt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>received %1 of %2; the kernel&apos;s Udp RcvbufErrors counter rose by %3 (%4); %5 datagrams seen on the wire; SO_RCVBUF asked for %6 bytes.</source>
        <translation>%1 von %2 empfangen; der Kernel-Zähler Udp RcvbufErrors stieg um %3 (%4); %5 Datagramme auf der Leitung gesehen; SO_RCVBUF verlangte %6 Bytes.</translation>
    </message>
    <message>
        <location line="+302"/>
        <source>Open a real TCP connection and a UDP socket between a client and a server and compare them on the wire: the handshake, a byte stream against datagrams, header bytes, loss without flow control, the close, a lossy link, and a SYN held on the wire.</source>
        <translation>Öffnen Sie eine echte TCP-Verbindung und einen UDP-Socket zwischen einem Client und einem Server und vergleichen Sie beide auf der Leitung: den Handshake, Bytestrom gegen Datagramme, Header-Bytes, Verlust ohne Flusskontrolle, das Schließen, eine verlustbehaftete Leitung und ein auf der Leitung angehaltenes SYN.</translation>
    </message>
    <message>
        <location line="+142"/>
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
    <name>TlsCa</name>
    <message>
        <location filename="../labs/tls/tlsca.cpp" line="+60"/>
        <location line="+10"/>
        <location line="+10"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+220"/>
        <source>Cannot make the certificate &quot;%1&quot;: %2</source>
        <translation>Das Zertifikat „%1“ kann nicht erstellt werden: %2</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>RSA 2048-bit</source>
        <translation>RSA 2048 Bit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RSA 4096-bit</source>
        <translation>RSA 4096 Bit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ECDSA P-256</source>
        <translation>ECDSA P-256</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ed25519</source>
        <translation>Ed25519</translation>
    </message>
    <message>
        <location line="+153"/>
        <source>Cannot generate a %1 key: %2</source>
        <translation>Ein Schlüssel vom Typ %1 kann nicht erzeugt werden: %2</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Cannot create the certificate authority&apos;s folder %1.</source>
        <translation>Der Ordner %1 der Zertifizierungsstelle (CA) kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot make %1 private (chmod 0700): %2</source>
        <translation>%1 kann nicht privat gemacht werden (chmod 0700): %2</translation>
    </message>
    <message>
        <location line="+69"/>
        <location line="+18"/>
        <source>The certificate authority is not open.</source>
        <translation>Die Zertifizierungsstelle (CA) ist nicht geöffnet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A chain has 0 to %1 intermediate certificates, not %2.</source>
        <translation>Eine Kette hat 0 bis %1 Zwischenzertifikate, nicht %2.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The certificate must end after it begins.</source>
        <translation>Das Zertifikat muss enden, nachdem es beginnt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; is not a DNS name.</source>
        <translation>„%1“ ist kein DNS-Name.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; is not an IP address.</source>
        <translation>„%1“ ist keine IP-Adresse.</translation>
    </message>
</context>
<context>
    <name>TlsClient</name>
    <message numerus="yes">
        <location filename="../labs/tls/tlsendpoint.cpp" line="+1180"/>
        <source>The server sent %n certificate(s); the last one says it was issued by &quot;%1&quot;, which this client neither trusts nor received.</source>
        <translation>
            <numerusform>Der Server hat %n Zertifikat gesendet; es gibt als Aussteller „%1“ an, dem dieser Client weder vertraut noch den er erhalten hat.</numerusform>
            <numerusform>Der Server hat %n Zertifikate gesendet; das letzte gibt als Aussteller „%1“ an, dem dieser Client weder vertraut noch den er erhalten hat.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TlsEndpoint</name>
    <message>
        <location line="-1063"/>
        <source>record %1, %2 bytes sent</source>
        <translation>Record %1, %2 Bytes gesendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>record %1, %2 bytes received</source>
        <translation>Record %1, %2 Bytes empfangen</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+43"/>
        <source>%1 received (%2 bytes)</source>
        <translation>%1 empfangen (%2 Bytes)</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>alert sent: %1</source>
        <translation>Alert gesendet: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>alert received: %1</source>
        <translation>Alert empfangen: %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 sent (%2 bytes)</source>
        <translation>%1 gesendet (%2 Bytes)</translation>
    </message>
    <message>
        <location filename="../labs/tls/tlsca.cpp" line="-445"/>
        <location filename="../labs/tls/tlsendpoint.cpp" line="+341"/>
        <location line="+736"/>
        <source>OpenSSL cannot set up the deterministic mode: %1</source>
        <translation>OpenSSL kann den deterministischen Modus nicht einrichten: %1</translation>
    </message>
    <message>
        <location filename="../labs/tls/tlsendpoint.cpp" line="-1048"/>
        <source>The lowest TLS version is above the highest.</source>
        <translation>Die niedrigste TLS-Version liegt über der höchsten.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>OpenSSL knows no TLS 1.2 cipher in &quot;%1&quot;.</source>
        <translation>OpenSSL kennt in „%1“ keine TLS-1.2-Cipher.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>OpenSSL knows no TLS 1.3 cipher suite in &quot;%1&quot;.</source>
        <translation>OpenSSL kennt in „%1“ keine TLS-1.3-Cipher-Suite.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>OpenSSL knows no key exchange group in &quot;%1&quot;.</source>
        <translation>OpenSSL kennt in „%1“ keine Gruppe für den Schlüsselaustausch.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&quot;%1&quot; is not an ALPN protocol name.</source>
        <translation>„%1“ ist kein ALPN-Protokollname.</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Cannot open the client socket: %1</source>
        <translation>Der Client-Socket kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+24"/>
        <source>Cannot connect to %1:%2: %3</source>
        <translation>Keine Verbindung zu %1:%2 möglich: %3</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>The connection to %1:%2 timed out.</source>
        <translation>Die Verbindung zu %1:%2 hat das Zeitlimit überschritten.</translation>
    </message>
    <message>
        <location line="+144"/>
        <source>The TLS server has no certificate: issue one with the lab&apos;s certificate authority first.</source>
        <translation>Der TLS-Server hat kein Zertifikat: Stellen Sie zuerst eines mit der Zertifizierungsstelle (CA) des Labs aus.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>OpenSSL cannot make a server context: %1</source>
        <translation>OpenSSL kann keinen Server-Kontext erstellen: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server certificate and key do not fit together: %1</source>
        <translation>Server-Zertifikat und Schlüssel passen nicht zusammen: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot add an intermediate certificate: %1</source>
        <translation>Ein Zwischenzertifikat kann nicht hinzugefügt werden: %1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The TLS server needs an IPv4 address.</source>
        <translation>Der TLS-Server braucht eine IPv4-Adresse.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot open the server socket: %1</source>
        <translation>Der Server-Socket kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot listen on %1:%2: %3</source>
        <translation>Auf %1:%2 kann nicht gelauscht werden: %3</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>The connection was idle too long and was closed.</source>
        <translation>Die Verbindung war zu lange inaktiv und wurde geschlossen.</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>server handshake failed: %1</source>
        <translation>Server-Handshake fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>server handshake done: %1, %2</source>
        <translation>Server-Handshake abgeschlossen: %1, %2</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Writing to the client failed: %1</source>
        <translation>Schreiben an den Client fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>0-RTT data accepted: %1 bytes</source>
        <translation>0-RTT-Daten angenommen: %1 Bytes</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+21"/>
        <source>The handshake failed: %1</source>
        <translation>Der Handshake ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>the client closed the connection</source>
        <translation>der Client hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>Sending timed out.</source>
        <translation>Zeitlimit beim Senden überschritten.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sending failed: %1</source>
        <translation>Senden fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Receiving failed: %1</source>
        <translation>Empfangen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server did not answer in time.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>OpenSSL cannot make a client context: %1</source>
        <translation>OpenSSL kann keinen Client-Kontext erstellen: %1</translation>
    </message>
    <message>
        <location line="+149"/>
        <source>The server refused the handshake with the alert &quot;%1&quot;.</source>
        <translation>Der Server hat den Handshake mit dem Alert „%1“ abgelehnt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server closed the connection during the handshake.</source>
        <translation>Der Server hat die Verbindung während des Handshakes geschlossen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>client handshake failed: %1</source>
        <translation>Client-Handshake fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>client handshake done: %1, %2</source>
        <translation>Client-Handshake abgeschlossen: %1, %2</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Sending the request failed: %1</source>
        <translation>Senden der Anfrage fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Reading the answer failed: %1</source>
        <translation>Lesen der Antwort fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>There is no recorded first flight to replay.</source>
        <translation>Es gibt keinen aufgezeichneten ersten Flight zum erneuten Einspielen.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Sending the replayed bytes failed: %1</source>
        <translation>Senden der erneut eingespielten Bytes fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>TlsLab</name>
    <message>
        <location filename="../labs/tls/tlslab.cpp" line="+45"/>
        <source>No packets to check: %1</source>
        <translation>Keine Pakete zum Prüfen: %1</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>the TCP handshake&apos;s %1 ms</source>
        <translation>die %1 ms des TCP-Handshakes</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the link&apos;s %1 ms delay both ways (host mode: the relay does not delay TCP handshakes)</source>
        <translation>die %1 ms Verzögerung der Leitung in beide Richtungen (Host-Modus: Das Relay verzögert keine TCP-Handshakes)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The %1 connection has not been made yet.</source>
        <translation>Die %1-Verbindung wurde noch nicht aufgebaut.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No ClientHello in the capture for this connection yet.</source>
        <translation>Noch kein ClientHello für diese Verbindung im Mitschnitt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The ServerHello in the capture chose %1, not %2.</source>
        <translation>Das ServerHello im Mitschnitt hat %1 gewählt, nicht %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The client refused the handshake with a fatal %1 alert in frame #%2; check the certificate parameters (cert.san, cert.validity_days).</source>
        <translation>Der Client hat den Handshake mit einem fatalen Alert %1 in Frame #%2 abgelehnt; prüfen Sie die Zertifikatsparameter (cert.san, cert.validity_days).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No application data from the client in the capture yet (ClientHello in frame #%1).</source>
        <translation>Noch keine Anwendungsdaten des Clients im Mitschnitt (ClientHello in Frame #%1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The client waited for %1 server flights before its first application byte; %2 expected for %3.</source>
        <translation>Der Client hat vor seinem ersten Anwendungsbyte auf %1 Server-Flights gewartet; erwartet sind %2 für %3.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ClientHello in frame #%1, the client&apos;s first application-data record in frame #%2, %3 ms later; the client waited for %4 server flight(s) in between.</source>
        <translation>ClientHello in Frame #%1, der erste Application-Data-Record des Clients in Frame #%2, %3 ms später; dazwischen hat der Client auf %4 Server-Flight(s) gewartet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>frames #%1 to #%2</source>
        <translation>Frames #%1 bis #%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>frame #%1</source>
        <translation>Frame #%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server&apos;s Certificate message (%1 bytes, %2 certificates: the leaf and %3 intermediate(s)) came in %4.</source>
        <translation>Die Certificate-Nachricht des Servers (%1 Bytes, %2 Zertifikate: das Endzertifikat und %3 Zwischenzertifikat(e)) kam in %4.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>That is %1 round trips, with one round trip = %2.</source>
        <translation>Das sind %1 Round Trips, wobei ein Round Trip = %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expected about %1.</source>
        <translation>Erwartet: etwa %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The link has no delay, so only the flights count here; set link.delay_ms=50 to see them in time.</source>
        <translation>Die Leitung hat keine Verzögerung, deshalb zählen hier nur die Flights; setzen Sie link.delay_ms=50, um sie auch in der Zeit zu sehen.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Make both the TLS 1.2 and the TLS 1.3 connection first.</source>
        <translation>Bauen Sie zuerst sowohl die TLS 1.2- als auch die TLS 1.3-Verbindung auf.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>TLS 1.3 took %1 ms to the first application byte, TLS 1.2 %2 ms.</source>
        <translation>TLS 1.3 brauchte %1 ms bis zum ersten Anwendungsbyte, TLS 1.2 %2 ms.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To the first application byte: TLS 1.2 %1 ms, TLS 1.3 %2 ms (%3% of it).</source>
        <translation>Bis zum ersten Anwendungsbyte: TLS 1.2 %1 ms, TLS 1.3 %2 ms (%3 % davon).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The two %1 connections have not been made yet.</source>
        <translation>Die beiden %1-Verbindungen wurden noch nicht aufgebaut.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+42"/>
        <source>%1 of 2 connections in the capture so far.</source>
        <translation>Bisher %1 von 2 Verbindungen im Mitschnitt.</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>The connections used %1 and %2, not %3.</source>
        <translation>Die Verbindungen nutzten %1 und %2, nicht %3.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The first connection shows no Certificate message.</source>
        <translation>Die erste Verbindung zeigt keine Certificate-Nachricht.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The second ClientHello (frame #%1) offered no %2.</source>
        <translation>Das zweite ClientHello (Frame #%1) hat kein %2 angeboten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server did not resume the session in the second connection (ClientHello in frame #%1).</source>
        <translation>Der Server hat die Session in der zweiten Verbindung nicht fortgesetzt (ClientHello in Frame #%1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The resumed connection still carried a Certificate (frame #%1).</source>
        <translation>Die fortgesetzte Verbindung enthielt trotzdem ein Certificate (Frame #%1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Full handshake with the Certificate in frame #%1; the second ClientHello (frame #%2) carried a pre_shared_key extension, the server accepted it and sent no Certificate.</source>
        <translation>Vollständiger Handshake mit dem Certificate in Frame #%1; das zweite ClientHello (Frame #%2) trug eine pre_shared_key-Extension, der Server hat sie angenommen und kein Certificate gesendet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Full handshake with the Certificate in frame #%1; the second ClientHello (frame #%2) carried the session ticket, and the server went straight from ServerHello to ChangeCipherSpec and Finished, without a Certificate.</source>
        <translation>Vollständiger Handshake mit dem Certificate in Frame #%1; das zweite ClientHello (Frame #%2) trug das Session Ticket, und der Server ging direkt von ServerHello zu ChangeCipherSpec und Finished über, ohne Certificate.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ClientHello to first application byte: %1 ms full (%2 server flights), %3 ms resumed (%4).</source>
        <translation>Vom ClientHello bis zum ersten Anwendungsbyte: %1 ms vollständig (%2 Server-Flights), %3 ms fortgesetzt (%4).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No 0-RTT connection has been made yet.</source>
        <translation>Es wurde noch keine 0-RTT-Verbindung aufgebaut.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server accepted early data although tls.early_data is off.</source>
        <translation>Der Server hat Early Data angenommen, obwohl tls.early_data aus ist.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tls.early_data is off: the resumed ClientHello (frame #%1) %2, and the request went after the handshake (frame #%3).</source>
        <translation>tls.early_data ist aus: Das fortgesetzte ClientHello (Frame #%1) %2, und die Anfrage ging erst nach dem Handshake hinaus (Frame #%3).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>offered early data but the server refused it</source>
        <translation>bot Early Data an, aber der Server hat sie abgelehnt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>offered no early data</source>
        <translation>bot keine Early Data an</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The resumed ClientHello (frame #%1) sent no early data.</source>
        <translation>Das fortgesetzte ClientHello (Frame #%1) hat keine Early Data gesendet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server did not accept the early data of frame #%1.</source>
        <translation>Der Server hat die Early Data aus Frame #%1 nicht angenommen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The resumed ClientHello (frame #%1) carried early_data and pre_shared_key, and %2 encrypted record(s) of early data followed before any answer from the server; the server accepted them (early_data in its EncryptedExtensions).</source>
        <translation>Das fortgesetzte ClientHello (Frame #%1) trug early_data und pre_shared_key, und noch vor der ersten Antwort des Servers folgten %2 verschlüsselte Early-Data-Record(s); der Server hat sie angenommen (early_data in seinen EncryptedExtensions).</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The replay has not run yet.</source>
        <translation>Das Replay ist noch nicht gelaufen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No replayed ClientHello (a repeated client random) in the capture yet.</source>
        <translation>Noch kein wiedereingespieltes ClientHello (ein wiederholter Client Random) im Mitschnitt.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The capture and the server disagree: EncryptedExtensions %1 early_data, the server %2 early data.</source>
        <translation>Mitschnitt und Server widersprechen sich: EncryptedExtensions %1 early_data, der Server %2 Early Data.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>has</source>
        <translation>enthält</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>has no</source>
        <translation>enthält kein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>read</source>
        <translation>las</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>read no</source>
        <translation>las keine</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>it read &quot;%1&quot; again</source>
        <translation>er hat „%1“ noch einmal gelesen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it read nothing of it</source>
        <translation>er hat nichts davon gelesen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>early_data in its EncryptedExtensions</source>
        <translation>early_data in seinen EncryptedExtensions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no early_data in its EncryptedExtensions</source>
        <translation>kein early_data in seinen EncryptedExtensions</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 early-data record(s) in the replayed flight</source>
        <translation>%1 Early-Data-Record(s) im wiedereingespielten Flight</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The server accepted replayed early data although it allows none (frame #%1).</source>
        <translation>Der Server hat wiedereingespielte Early Data angenommen, obwohl er keine erlaubt (Frame #%1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>frame #%1 repeats the ClientHello of frame #%2; the server allows no early data, so it read nothing of it</source>
        <translation>Frame #%1 wiederholt das ClientHello aus Frame #%2; der Server erlaubt keine Early Data, also hat er nichts davon gelesen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>With anti-replay %1 the server %2 the replayed early data (frame #%3).</source>
        <translation>Mit Anti-Replay %1 hat der Server die wiedereingespielten Early Data %2 (Frame #%3).</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+7"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+7"/>
        <source>accepted</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+7"/>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>frame #%1 repeats the ClientHello of frame #%2 byte for byte; with anti-replay %3 the server %4 its early data (%5)</source>
        <translation>Frame #%1 wiederholt das ClientHello aus Frame #%2 Byte für Byte; mit Anti-Replay %3 hat der Server dessen Early Data %4 (%5)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The replays did not meet one server with anti-replay on and one with it off.</source>
        <translation>Die Replays haben nicht je einen Server mit eingeschaltetem und einen mit ausgeschaltetem Anti-Replay erreicht.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Make the %1 connection first.</source>
        <translation>Bauen Sie zuerst die %1-Verbindung auf.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Leak the server&apos;s private key first.</source>
        <translation>Geben Sie zuerst den privaten Schlüssel des Servers preis.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No application data of this connection in the capture yet.</source>
        <translation>Noch keine Anwendungsdaten dieser Verbindung im Mitschnitt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2), ClientHello in frame #%3: %4 of %5 encrypted records decrypted with the leaked private key and no key log.</source>
        <translation>%1 (%2), ClientHello in Frame #%3: %4 von %5 verschlüsselten Records mit dem preisgegebenen privaten Schlüssel und ohne Key Log entschlüsselt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The key alone opened the recorded session: no forward secrecy.</source>
        <translation>Der Schlüssel allein hat die aufgezeichnete Session geöffnet: keine Forward Secrecy.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The ephemeral key exchange kept it closed: forward secrecy.</source>
        <translation>Der kurzlebige Schlüsselaustausch hat sie verschlossen gehalten: Forward Secrecy.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Connect to this server first.</source>
        <translation>Verbinden Sie sich zuerst mit diesem Server.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The client sent a %1 alert %2 (%3) in frame #%4%5; its certificate check said: &quot;%6&quot;.</source>
        <translation>Der Client hat in Frame #%4%5 einen Alert %2 (%3) der Stufe %1 gesendet; seine Zertifikatsprüfung meldete: „%6“.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fatal</source>
        <translation>fatal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (encrypted, read with the key log)</source>
        <translation> (verschlüsselt, mit dem Key Log gelesen)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Expected %1.</source>
        <translation>Erwartet: %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The client accepted this certificate (ClientHello in frame #%1) and sent data.</source>
        <translation>Der Client hat dieses Zertifikat akzeptiert (ClientHello in Frame #%1) und Daten gesendet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No alert from the client in the capture yet (%1 connections in the run).</source>
        <translation>Noch kein Alert des Clients im Mitschnitt (%1 Verbindungen in diesem Durchlauf).</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+62"/>
        <source>Make the exchange first.</source>
        <translation>Führen Sie zuerst den Austausch durch.</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>The ClientHello in frame #%1 repeats the client random of an earlier connection outside step 4&apos;s replay: the key log cannot tell the two apart.</source>
        <translation>Das ClientHello in Frame #%1 wiederholt den Client-Random einer früheren Verbindung außerhalb des Replays aus Schritt 4: Das Key Log kann die beiden nicht auseinanderhalten.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>ClientHello #%1</source>
        <translation>ClientHello #%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2 records of the connection of ClientHello #%3</source>
        <translation>%1 von %2 Records der Verbindung von ClientHello #%3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No TLS connection in the capture yet.</source>
        <translation>Noch keine TLS-Verbindung im Mitschnitt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not decrypted: %1.</source>
        <translation>Nicht entschlüsselt: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The endpoints&apos; key log (%1 lines) covers all %2 TLS connections of the capture; all %3 encrypted records decrypted in place.</source>
        <translation>Das Key Log der Endpunkte (%1 Zeilen) deckt alle %2 TLS-Verbindungen des Mitschnitts ab; alle %3 verschlüsselten Records wurden an Ort und Stelle entschlüsselt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 replayed connection(s) of step 4 not counted: they reuse an earlier client random.</source>
        <translation>%1 wiedereingespielte Verbindung(en) aus Schritt 4 nicht gezählt: Sie verwenden einen früheren Client Random erneut.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 connection(s) ended before anything was encrypted.</source>
        <translation>%1 Verbindung(en) endeten, bevor etwas verschlüsselt wurde.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The capture could not be written as pcapng: %1</source>
        <translation>Der Mitschnitt konnte nicht als pcapng geschrieben werden: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The written pcapng is damaged: %1.</source>
        <translation>Das geschriebene pcapng ist beschädigt: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The written pcapng has no Decryption Secrets Block.</source>
        <translation>Das geschriebene pcapng hat keinen Decryption Secrets Block.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The secrets block covers %1 of %2 connections.</source>
        <translation>Der Secrets-Block deckt %1 von %2 Verbindungen ab.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported as pcapng (%1 bytes, %2 packets): %3 Decryption Secrets Block(s) of type TLSK with %4 key log lines, covering the client randoms of all %5 connections, which Wireshark reads to decrypt them.</source>
        <translation>Als pcapng exportiert (%1 Bytes, %2 Pakete): %3 Decryption Secrets Block(s) vom Typ TLSK mit %4 Key-Log-Zeilen, die die Client Randoms aller %5 Verbindungen abdecken; damit entschlüsselt Wireshark sie.</translation>
    </message>
    <message>
        <location line="+267"/>
        <source>The TLS handshake</source>
        <translation>Der TLS-Handshake</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handshake with TLS 1.2 and TLS 1.3 over a link with 50 ms delay and count the round trips, resume sessions, send and replay 0-RTT early data, leak the server&apos;s key to see forward secrecy, break the certificate on purpose, and read every record decrypted with the endpoints&apos; own keys.</source>
        <translation>Führen Sie Handshakes mit TLS 1.2 und TLS 1.3 über eine Leitung mit 50 ms Verzögerung durch und zählen Sie die Round Trips, setzen Sie Sessions fort, senden Sie 0-RTT Early Data und spielen Sie sie wieder ein, geben Sie den Schlüssel des Servers preis, um Forward Secrecy zu sehen, machen Sie das Zertifikat absichtlich kaputt und lesen Sie jeden Record entschlüsselt, mit den eigenen Schlüsseln der Endpunkte.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>TLS version</source>
        <translation>TLS-Version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The version of the broken-certificate connections and the final exchange (steps 1 to 5 choose theirs).</source>
        <translation>Die Version der Verbindungen mit kaputtem Zertifikat und des abschließenden Austauschs (die Schritte 1 bis 5 wählen ihre eigene).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS 1.3</source>
        <translation>TLS 1.3</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TLS 1.2</source>
        <translation>TLS 1.2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cipher and key exchange</source>
        <translation>Cipher und Schlüsselaustausch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bulk cipher of every connection; for TLS 1.2 also the key exchange (RSA key transport needs an RSA key).</source>
        <translation>Verschlüsselung der Nutzdaten jeder Verbindung; bei TLS 1.2 auch der Schlüsselaustausch (RSA-Schlüsseltransport braucht einen RSA-Schlüssel).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ECDHE with AES-128-GCM</source>
        <translation>ECDHE mit AES-128-GCM</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ECDHE with AES-256-GCM</source>
        <translation>ECDHE mit AES-256-GCM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ECDHE with ChaCha20-Poly1305</source>
        <translation>ECDHE mit ChaCha20-Poly1305</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RSA key transport with AES-256-GCM (TLS 1.2 only)</source>
        <translation>RSA-Schlüsseltransport mit AES-256-GCM (nur TLS 1.2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key exchange group</source>
        <translation>Gruppe für den Schlüsselaustausch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The (EC)DHE group offered first: the TLS 1.3 key_share, and the TLS 1.2 ECDHE curve when it is one.</source>
        <translation>Die zuerst angebotene (EC)DHE-Gruppe: der key_share von TLS 1.3 und die ECDHE-Kurve von TLS 1.2, wenn sie eine ist.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>X25519</source>
        <translation>X25519</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>P-256</source>
        <translation>P-256</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P-384</source>
        <translation>P-384</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FFDHE 2048 (finite field)</source>
        <translation>FFDHE 2048 (endlicher Körper)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server key type</source>
        <translation>Schlüsseltyp des Servers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The key of the main server&apos;s certificate.</source>
        <translation>Der Schlüssel im Zertifikat des Hauptservers.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RSA 2048</source>
        <translation>RSA 2048</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>RSA 4096</source>
        <translation>RSA 4096</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ECDSA P-256</source>
        <translation>ECDSA P-256</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ed25519</source>
        <translation>Ed25519</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intermediate CAs</source>
        <translation>Zwischen-CAs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intermediate certificates between the root and the server&apos;s certificate.</source>
        <translation>Zwischenzertifikate zwischen dem Stammzertifikat und dem Zertifikat des Servers.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Certificate validity (days)</source>
        <translation>Gültigkeit des Zertifikats (Tage)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long the server&apos;s certificate is valid from now (Let&apos;s Encrypt: 90 days).</source>
        <translation>Wie lange das Zertifikat des Servers ab jetzt gültig ist (Let&apos;s Encrypt: 90 Tage).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name in the certificate</source>
        <translation>Name im Zertifikat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The subjectAltName of the main server&apos;s certificate; the client always asks for server.wirelab.test.</source>
        <translation>Der subjectAltName im Zertifikat des Hauptservers; der Client fragt immer nach server.wirelab.test.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>server.wirelab.test (matches)</source>
        <translation>server.wirelab.test (passt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>*.wirelab.test (wildcard, matches)</source>
        <translation>*.wirelab.test (Wildcard, passt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other.example (does not match)</source>
        <translation>other.example (passt nicht)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allow 0-RTT early data</source>
        <translation>0-RTT Early Data erlauben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whether the main server accepts early data on a resumed TLS 1.3 connection.</source>
        <translation>Ob der Hauptserver auf einer fortgesetzten TLS 1.3-Verbindung Early Data annimmt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server anti-replay</source>
        <translation>Anti-Replay des Servers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whether the main server lets a ticket carry early data only once; the second server of step 4 does the opposite.</source>
        <translation>Ob der Hauptserver mit einem Ticket nur einmal Early Data zulässt; der zweite Server aus Schritt 4 macht das Gegenteil.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deterministic mode (class)</source>
        <translation>Deterministischer Modus (für die Klasse)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixed randoms, key shares and keys so a whole class sees the same bytes: the Nth connection of a run is the same on every machine, and a CA whose keys and certificates are the same everywhere (its own folder, certificates valid from 2026-01-01 for 20 years, so the validity setting does not apply). Never secure. Still different: what carries a clock (resumption ticket contents and age), TCP ports and sequence numbers, timestamps.</source>
        <translation>Feste Zufallswerte, Key Shares und Schlüssel, damit eine ganze Klasse dieselben Bytes sieht: Die N-te Verbindung eines Durchlaufs ist auf jedem Rechner gleich, dazu eine CA, deren Schlüssel und Zertifikate überall gleich sind (in einem eigenen Ordner, Zertifikate gültig ab 2026-01-01 für 20 Jahre, daher gilt die Einstellung zur Gültigkeit nicht). Niemals sicher. Weiterhin verschieden: alles, was von einer Uhr abhängt (Inhalt und Alter der Tickets zur Wiederaufnahme), TCP-Ports und Sequenznummern, Zeitstempel.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>1. A full TLS 1.2 handshake</source>
        <translation>1. Ein vollständiger TLS 1.2-Handshake</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;The client connects with TLS 1.2 only and sends one request as soon as it may. The notes walk through the handshake (notes L648-655): the &lt;b&gt;ClientHello&lt;/b&gt; proposes cipher suites and a random; the server answers with &lt;b&gt;ServerHello&lt;/b&gt;, its &lt;b&gt;Certificate&lt;/b&gt;, &lt;b&gt;ServerKeyExchange&lt;/b&gt; (its ECDHE share, signed) and &lt;b&gt;ServerHelloDone&lt;/b&gt;; only then can the client send &lt;b&gt;ClientKeyExchange&lt;/b&gt;, &lt;b&gt;ChangeCipherSpec&lt;/b&gt; and &lt;b&gt;Finished&lt;/b&gt;, and it must wait for the server&apos;s ChangeCipherSpec and Finished before its first application byte.&lt;/p&gt;&lt;p&gt;That is two round trips (notes L496, L655). Each direction of the link is delayed 50 ms, so one round trip is about 100 ms: count the server flights in the ladder and read the time from the ClientHello to the first &lt;code&gt;Application Data&lt;/code&gt; record from the client, about 200 ms. In host mode the relay on 127.0.0.1 delays bytes but not TCP&apos;s own handshake, and the capture sees the client&apos;s connection to the relay at 127.0.0.2 (times as the client sees them); the flights and the time between them are still there, but the checkpoint then takes its round-trip unit from the link setting, not from a TCP handshake in the capture.&lt;/p&gt;&lt;p&gt;For a class: with &lt;i&gt;Deterministic mode&lt;/i&gt; on, every student&apos;s connections carry the same randoms, key shares, certificates and signatures, so the ClientHello, ServerHello and Certificate of this step can be compared byte by byte between neighbours. What still differs: the TCP ports and sequence numbers the kernel picks, the capture&apos;s timestamps, and what carries a clock (the tickets and ticket age of the resumption steps, so a resuming ClientHello).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Client verbindet sich nur mit TLS 1.2 und sendet eine Anfrage, sobald er darf. Die Notizen gehen den Handshake Schritt für Schritt durch (Notizen L648-655): Das &lt;b&gt;ClientHello&lt;/b&gt; schlägt Cipher Suites und einen Zufallswert vor; der Server antwortet mit &lt;b&gt;ServerHello&lt;/b&gt;, seinem &lt;b&gt;Certificate&lt;/b&gt;, &lt;b&gt;ServerKeyExchange&lt;/b&gt; (sein ECDHE-Anteil, signiert) und &lt;b&gt;ServerHelloDone&lt;/b&gt;; erst dann kann der Client &lt;b&gt;ClientKeyExchange&lt;/b&gt;, &lt;b&gt;ChangeCipherSpec&lt;/b&gt; und &lt;b&gt;Finished&lt;/b&gt; senden, und vor seinem ersten Anwendungsbyte muss er auf ChangeCipherSpec und Finished des Servers warten.&lt;/p&gt;&lt;p&gt;Das sind zwei Round Trips (Notizen L496, L655). Jede Richtung der Leitung ist um 50 ms verzögert, ein Round Trip dauert also etwa 100 ms: Zählen Sie die Server-Flights im Leiterdiagramm und lesen Sie die Zeit vom ClientHello bis zum ersten &lt;code&gt;Application Data&lt;/code&gt;-Record des Clients ab, etwa 200 ms. Im Host-Modus verzögert das Relay auf 127.0.0.1 die Bytes, aber nicht den eigenen Handshake von TCP, und der Mitschnitt sieht die Verbindung des Clients zum Relay auf 127.0.0.2 (Zeiten so, wie der Client sie sieht); die Flights und die Zeit zwischen ihnen sind trotzdem da, aber der Prüfpunkt nimmt seine Einheit für einen Round Trip dann aus der Einstellung der Leitung, nicht aus einem TCP-Handshake im Mitschnitt.&lt;/p&gt;&lt;p&gt;Für eine Klasse: Mit eingeschaltetem &lt;i&gt;Deterministischer Modus&lt;/i&gt; tragen die Verbindungen aller Lernenden dieselben Zufallswerte, Key Shares, Zertifikate und Signaturen, sodass sich ClientHello, ServerHello und Certificate dieses Schritts Byte für Byte mit den Nachbarn vergleichen lassen. Was weiterhin abweicht: die TCP-Ports und Sequenznummern, die der Kernel wählt, die Zeitstempel des Mitschnitts und alles, was von einer Uhr abhängt (die Tickets und das Ticket-Alter der Schritte zur Wiederaufnahme, also ein fortsetzendes ClientHello).&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Connect with TLS 1.2</source>
        <translation>Mit TLS 1.2 verbinden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS 1.2: two round trips to the first application byte</source>
        <translation>TLS 1.2: zwei Round Trips bis zum ersten Anwendungsbyte</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>2. A full TLS 1.3 handshake</source>
        <translation>2. Ein vollständiger TLS 1.3-Handshake</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;TLS 1.3 puts the client&apos;s key share in the ClientHello itself (notes L657-665): the client guesses the group (the &lt;code&gt;key_share&lt;/code&gt; extension) so the server can answer with its own share, its certificate and its Finished in one flight. Everything after the ServerHello is already encrypted with handshake keys: in the capture it shows as &lt;code&gt;Application Data&lt;/code&gt; records until the key log opens them (step 7).&lt;/p&gt;&lt;p&gt;The client sends its Finished and its first request together after one round trip, about 100 ms here against about 200 ms for TLS 1.2: the 50% of notes L728. Compare the two connections in the ladder: two server flights before the client&apos;s request in TLS 1.2, one in TLS 1.3.&lt;/p&gt;</source>
        <translation>&lt;p&gt;TLS 1.3 legt den Key Share des Clients direkt in das ClientHello (Notizen L657-665): Der Client rät die Gruppe (die Extension &lt;code&gt;key_share&lt;/code&gt;), damit der Server in einem einzigen Flight mit seinem eigenen Anteil, seinem Zertifikat und seinem Finished antworten kann. Alles nach dem ServerHello ist bereits mit Handshake-Schlüsseln verschlüsselt: Im Mitschnitt erscheint es als &lt;code&gt;Application Data&lt;/code&gt;-Records, bis das Key Log sie öffnet (Schritt 7).&lt;/p&gt;&lt;p&gt;Der Client sendet sein Finished und seine erste Anfrage zusammen nach einem Round Trip, hier etwa 100 ms gegenüber etwa 200 ms bei TLS 1.2: die 50 % aus Notizen L728. Vergleichen Sie die beiden Verbindungen im Leiterdiagramm: Bei TLS 1.2 kommen zwei Server-Flights vor der Anfrage des Clients, bei TLS 1.3 einer.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Connect with TLS 1.3</source>
        <translation>Mit TLS 1.3 verbinden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TLS 1.3: one round trip to the first application byte</source>
        <translation>TLS 1.3: ein Round Trip bis zum ersten Anwendungsbyte</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>TLS 1.3 reached the first byte sooner</source>
        <translation>TLS 1.3 hat das erste Byte früher erreicht</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>3. Resuming a session</source>
        <translation>3. Eine Session fortsetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;A client that comes back can skip most of the handshake (notes L730). Each action connects twice. With &lt;b&gt;TLS 1.2&lt;/b&gt; the server gave the client an encrypted &lt;b&gt;session ticket&lt;/b&gt; after the first handshake; the second ClientHello carries it in its &lt;code&gt;session_ticket&lt;/code&gt; extension, and the server answers ServerHello, ChangeCipherSpec, Finished: no Certificate, no key exchange, one round trip.&lt;/p&gt;&lt;p&gt;With &lt;b&gt;TLS 1.3&lt;/b&gt; the server sends &lt;b&gt;NewSessionTicket&lt;/b&gt; messages after the handshake; the second ClientHello offers one as a &lt;code&gt;pre_shared_key&lt;/code&gt; (the PSK, with a fresh key share for forward secrecy), and the server&apos;s ServerHello accepts it: again no Certificate.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Ein Client, der wiederkommt, kann den größten Teil des Handshakes überspringen (Notizen L730). Jede Aktion verbindet sich zweimal. Bei &lt;b&gt;TLS 1.2&lt;/b&gt; hat der Server dem Client nach dem ersten Handshake ein verschlüsseltes &lt;b&gt;Session Ticket&lt;/b&gt; gegeben; das zweite ClientHello trägt es in seiner Extension &lt;code&gt;session_ticket&lt;/code&gt;, und der Server antwortet mit ServerHello, ChangeCipherSpec und Finished: kein Certificate, kein Schlüsselaustausch, ein Round Trip.&lt;/p&gt;&lt;p&gt;Bei &lt;b&gt;TLS 1.3&lt;/b&gt; sendet der Server nach dem Handshake &lt;b&gt;NewSessionTicket&lt;/b&gt;-Nachrichten; das zweite ClientHello bietet eines davon als &lt;code&gt;pre_shared_key&lt;/code&gt; an (den PSK, mit einem frischen Key Share für Forward Secrecy), und das ServerHello des Servers nimmt es an: wieder kein Certificate.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Connect twice with TLS 1.2 (ticket)</source>
        <translation>Zweimal mit TLS 1.2 verbinden (Ticket)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect twice with TLS 1.3 (PSK)</source>
        <translation>Zweimal mit TLS 1.3 verbinden (PSK)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS 1.2: the ticket resumed the session, no Certificate</source>
        <translation>TLS 1.2: Das Ticket hat die Session fortgesetzt, kein Certificate</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS 1.3: the PSK resumed the session, no Certificate</source>
        <translation>TLS 1.3: Der PSK hat die Session fortgesetzt, kein Certificate</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>4. 0-RTT early data, and its replay</source>
        <translation>4. 0-RTT Early Data und ihr Replay</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;With a ticket from an earlier connection, a TLS 1.3 client may send its request right behind the ClientHello, encrypted with a key derived from the PSK, before the server has said anything: &lt;b&gt;0-RTT&lt;/b&gt; (notes L665, L729).&lt;/p&gt;&lt;p&gt;Those early bytes depend on nothing the server chose in this connection, so an attacker who recorded the client&apos;s first flight can send it again. The lab does that: it replays the recorded ClientHello and early data, byte for byte, on a new TCP connection, once to the main server and once to a second server with the opposite anti-replay setting. A server without anti-replay decrypts and accepts the early request a second time: a second money transfer if the request was one. OpenSSL&apos;s anti-replay lets each ticket carry early data only once, so the replay&apos;s early data is rejected (the handshake falls back to 1-RTT, which the replayer cannot finish). This is why early data must only carry requests that are safe to repeat.&lt;/p&gt;&lt;p&gt;OpenSSL also rejects early data whose ticket is about 10 s older than the client claims, whatever the anti-replay setting; a replay more than 8 s after the recording therefore records a fresh first flight before it replays. With &lt;code&gt;tls.early_data&lt;/code&gt; off the main server takes no early data at all, so only the second server shows the difference.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Mit einem Ticket aus einer früheren Verbindung darf ein TLS 1.3-Client seine Anfrage direkt hinter dem ClientHello senden, verschlüsselt mit einem aus dem PSK abgeleiteten Schlüssel, bevor der Server überhaupt etwas gesagt hat: &lt;b&gt;0-RTT&lt;/b&gt; (Notizen L665, L729).&lt;/p&gt;&lt;p&gt;Diese frühen Bytes hängen von nichts ab, was der Server in dieser Verbindung gewählt hat; ein Angreifer, der den ersten Flight des Clients aufgezeichnet hat, kann ihn also noch einmal senden. Das Lab tut genau das: Es spielt das aufgezeichnete ClientHello und die Early Data Byte für Byte auf einer neuen TCP-Verbindung wieder ein, einmal beim Hauptserver und einmal bei einem zweiten Server mit der entgegengesetzten Anti-Replay-Einstellung. Ein Server ohne Anti-Replay entschlüsselt die frühe Anfrage ein zweites Mal und nimmt sie an: eine zweite Überweisung, falls die Anfrage eine war. Das Anti-Replay von OpenSSL lässt mit jedem Ticket nur einmal Early Data zu, daher werden die Early Data des Replays abgelehnt (der Handshake fällt auf 1-RTT zurück, den der Angreifer nicht abschließen kann). Deshalb dürfen Early Data nur Anfragen tragen, die man gefahrlos wiederholen kann.&lt;/p&gt;&lt;p&gt;OpenSSL lehnt außerdem Early Data ab, deren Ticket etwa 10 s älter ist, als der Client angibt, unabhängig von der Anti-Replay-Einstellung; ein Replay mehr als 8 s nach der Aufzeichnung zeichnet deshalb zuerst einen frischen ersten Flight auf, bevor es ihn wiedereinspielt. Ist &lt;code&gt;tls.early_data&lt;/code&gt; aus, nimmt der Hauptserver überhaupt keine Early Data an; dann zeigt nur der zweite Server den Unterschied.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Resume with 0-RTT early data</source>
        <translation>Mit 0-RTT Early Data fortsetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replay the first flight</source>
        <translation>Den ersten Flight wiedereinspielen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replay against the other anti-replay setting</source>
        <translation>Gegen die andere Anti-Replay-Einstellung wiedereinspielen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Early data went before the server&apos;s first flight and was accepted</source>
        <translation>Early Data gingen vor dem ersten Flight des Servers hinaus und wurden angenommen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The replay: accepted without anti-replay, rejected with it</source>
        <translation>Das Replay: ohne Anti-Replay angenommen, mit Anti-Replay abgelehnt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>5. RSA key transport against ECDHE: the leaked key</source>
        <translation>5. RSA-Schlüsseltransport gegen ECDHE: der preisgegebene Schlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;Two TLS 1.2 connections to a server with an RSA key. The first uses &lt;b&gt;RSA key transport&lt;/b&gt; (&lt;code&gt;AES256-GCM-SHA384&lt;/code&gt;): the client makes the pre-master secret, encrypts it with the server&apos;s public key and sends it in ClientKeyExchange (notes L671-675). The second uses &lt;b&gt;ECDHE&lt;/b&gt;: both sides make a fresh key pair for this connection only and combine the public halves (notes L677-689).&lt;/p&gt;&lt;p&gt;Then the server&apos;s private key &quot;leaks&quot;, as Heartbleed made possible (notes L509-517, L706-710). The checkpoints open the recorded capture with that key alone, no key log: the RSA session decrypts, because the key unwraps its pre-master secret; the ECDHE session does not, because its secret was never on the wire and its ephemeral keys are gone. That is forward secrecy, shown on your own traffic.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Zwei TLS 1.2-Verbindungen zu einem Server mit RSA-Schlüssel. Die erste nutzt &lt;b&gt;RSA-Schlüsseltransport&lt;/b&gt; (&lt;code&gt;AES256-GCM-SHA384&lt;/code&gt;): Der Client erzeugt das Pre-Master-Secret, verschlüsselt es mit dem öffentlichen Schlüssel des Servers und sendet es in ClientKeyExchange (Notizen L671-675). Die zweite nutzt &lt;b&gt;ECDHE&lt;/b&gt;: Beide Seiten erzeugen ein frisches Schlüsselpaar nur für diese Verbindung und kombinieren die öffentlichen Hälften (Notizen L677-689).&lt;/p&gt;&lt;p&gt;Dann gelangt der private Schlüssel des Servers „nach außen“, wie es Heartbleed möglich machte (Notizen L509-517, L706-710). Die Prüfpunkte öffnen den aufgezeichneten Mitschnitt allein mit diesem Schlüssel, ohne Key Log: Die RSA-Session lässt sich entschlüsseln, weil der Schlüssel ihr Pre-Master-Secret auspackt; die ECDHE-Session nicht, weil ihr Geheimnis nie auf der Leitung war und ihre kurzlebigen Schlüssel verschwunden sind. Das ist Forward Secrecy, gezeigt an Ihrem eigenen Verkehr.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Connect with RSA key transport</source>
        <translation>Mit RSA-Schlüsseltransport verbinden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect with ECDHE</source>
        <translation>Mit ECDHE verbinden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leak the server&apos;s private key</source>
        <translation>Privaten Schlüssel des Servers preisgeben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The RSA session decrypted with the private key only</source>
        <translation>Die RSA-Session wurde allein mit dem privaten Schlüssel entschlüsselt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The ECDHE session did not</source>
        <translation>Die ECDHE-Session nicht</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>6. Broken certificates</source>
        <translation>6. Kaputte Zertifikate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;The client checks the server&apos;s certificate the way the notes describe (notes L698-704): is it signed, through a chain, by a CA it trusts; is it valid today; does its name match the name asked for? The lab&apos;s own CA made five servers that each fail one check. The client refuses each with a fatal alert:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Expired&lt;/b&gt;: the certificate&apos;s validity ended yesterday (short lifetimes are the point of notes L712 and L765, so renewals must happen): &lt;code&gt;certificate_expired&lt;/code&gt;.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Wrong name&lt;/b&gt;: valid, but for &lt;code&gt;other.example&lt;/code&gt;: &lt;code&gt;bad_certificate&lt;/code&gt;.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Unknown CA&lt;/b&gt;: signed by a CA the client has never heard of: &lt;code&gt;unknown_ca&lt;/code&gt;.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Missing intermediate&lt;/b&gt;: the server sends its certificate without the intermediate that signed it, so the client cannot build the chain to its root: also &lt;code&gt;unknown_ca&lt;/code&gt;.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Chain too long&lt;/b&gt;: three intermediates, but this client follows at most two CAs between the server&apos;s certificate and its root (its verify depth): &lt;code&gt;unknown_ca&lt;/code&gt; again, and the client&apos;s reason tells the three apart.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;With TLS 1.3 the server&apos;s certificate arrives encrypted, yet the client&apos;s alert is a plain record in the capture: OpenSSL&apos;s client switches its own sending keys only when it writes its Finished, and it refuses the certificate before that. The checkpoint shows the client&apos;s own reason next to the alert.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Client prüft das Zertifikat des Servers so, wie es die Notizen beschreiben (Notizen L698-704): Ist es über eine Kette von einer CA signiert, der er vertraut? Ist es heute gültig? Passt sein Name zu dem angefragten Namen? Mit der eigenen CA des Labs wurden fünf Server eingerichtet, die jeweils an einer Prüfung scheitern. Der Client lehnt jeden davon mit einem fatalen Alert ab:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Abgelaufen&lt;/b&gt;: Die Gültigkeit des Zertifikats endete gestern (um kurze Laufzeiten, die Erneuerungen erzwingen, geht es in Notizen L712 und L765): &lt;code&gt;certificate_expired&lt;/code&gt;.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Falscher Name&lt;/b&gt;: gültig, aber für &lt;code&gt;other.example&lt;/code&gt;: &lt;code&gt;bad_certificate&lt;/code&gt;.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Unbekannte CA&lt;/b&gt;: signiert von einer CA, die der Client nicht kennt: &lt;code&gt;unknown_ca&lt;/code&gt;.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Fehlendes Zwischenzertifikat&lt;/b&gt;: Der Server sendet sein Zertifikat ohne das Zwischenzertifikat, das es signiert hat, daher kann der Client die Kette bis zu seinem Stammzertifikat nicht aufbauen: ebenfalls &lt;code&gt;unknown_ca&lt;/code&gt;.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Kette zu lang&lt;/b&gt;: drei Zwischen-CAs, aber dieser Client folgt zwischen dem Zertifikat des Servers und seinem Stammzertifikat höchstens zwei CAs (seine Prüftiefe, Verify Depth): wieder &lt;code&gt;unknown_ca&lt;/code&gt;, und die Begründung des Clients unterscheidet die drei Fälle.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Bei TLS 1.3 kommt das Zertifikat des Servers verschlüsselt an, trotzdem ist der Alert des Clients im Mitschnitt ein Klartext-Record: Der OpenSSL-Client wechselt seine eigenen Sendeschlüssel erst, wenn er sein Finished schreibt, und er lehnt das Zertifikat schon vorher ab. Der Prüfpunkt zeigt die eigene Begründung des Clients neben dem Alert.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Connect to the expired certificate</source>
        <translation>Mit dem abgelaufenen Zertifikat verbinden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect to the wrong name</source>
        <translation>Mit dem falschen Namen verbinden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect to the unknown CA</source>
        <translation>Mit der unbekannten CA verbinden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect without the intermediate</source>
        <translation>Ohne das Zwischenzertifikat verbinden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect through a chain too long</source>
        <translation>Über eine zu lange Kette verbinden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expired: certificate_expired alert</source>
        <translation>Abgelaufen: Alert certificate_expired</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrong name: bad_certificate alert</source>
        <translation>Falscher Name: Alert bad_certificate</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown CA: unknown_ca alert</source>
        <translation>Unbekannte CA: Alert unknown_ca</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Missing intermediate: unknown_ca alert</source>
        <translation>Fehlendes Zwischenzertifikat: Alert unknown_ca</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chain too long: unknown_ca alert</source>
        <translation>Kette zu lang: Alert unknown_ca</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>7. Every record decrypted</source>
        <translation>7. Jeder Record entschlüsselt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;After the handshake both sides use fast symmetric keys (notes L628-642). The lab&apos;s endpoints write their secrets in the NSS key log format as they make them, so Wirelab decrypts every record in place: you configure nothing. Make one more exchange with the lab&apos;s parameters, then open any record of any connection: the handshake messages the server encrypted, and the request and response.&lt;/p&gt;&lt;p&gt;The last checkpoint writes the capture as pcapng with the key log in a Decryption Secrets Block and reads the block back: Wireshark opens such a file decrypted, with no key log file to configure. The same lines, saved on their own, are what &lt;code&gt;SSLKEYLOGFILE&lt;/code&gt; would have written.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Nach dem Handshake verwenden beide Seiten schnelle symmetrische Schlüssel (Notizen L628-642). Die Endpunkte des Labs schreiben ihre Geheimnisse beim Erzeugen im NSS-Key-Log-Format mit, deshalb entschlüsselt Wirelab jeden Record an Ort und Stelle: Sie müssen nichts konfigurieren. Führen Sie noch einen Austausch mit den Parametern des Labs durch und öffnen Sie dann einen beliebigen Record einer beliebigen Verbindung: die Handshake-Nachrichten, die der Server verschlüsselt hat, sowie Anfrage und Antwort.&lt;/p&gt;&lt;p&gt;Der letzte Prüfpunkt schreibt den Mitschnitt als pcapng mit dem Key Log in einem Decryption Secrets Block und liest den Block wieder ein: Wireshark öffnet eine solche Datei entschlüsselt, ohne dass eine Key-Log-Datei konfiguriert werden muss. Dieselben Zeilen, für sich gespeichert, sind genau das, was &lt;code&gt;SSLKEYLOGFILE&lt;/code&gt; geschrieben hätte.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Make an exchange with the lab&apos;s parameters</source>
        <translation>Einen Austausch mit den Parametern des Labs durchführen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The key log covers every connection; every record decrypted</source>
        <translation>Das Key Log deckt jede Verbindung ab; jeder Record entschlüsselt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The pcapng export carries the key log in a Decryption Secrets Block</source>
        <translation>Der pcapng-Export enthält das Key Log in einem Decryption Secrets Block</translation>
    </message>
</context>
<context>
    <name>Wire</name>
    <message>
        <location filename="../core/labnet/wire.cpp" line="+316"/>
        <source>Lost on the lab network (loss %1 %)</source>
        <translation>Im Lab-Netz verloren (Verlust %1 %)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Dropped by the lab network: the link&apos;s queue was full (%1 packets)</source>
        <translation>Vom Lab-Netz verworfen: Die Warteschlange der Leitung war voll (%1 Pakete)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Dropped by the lab network: the wire&apos;s buffer for this link is full</source>
        <translation>Vom Lab-Netz verworfen: Der Puffer der Leitung für diese Verbindung ist voll</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Dropped by the lab network: the receiving host did not take the packet</source>
        <translation>Vom Lab-Netz verworfen: Der empfangende Host hat das Paket nicht angenommen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Duplicated by the lab network</source>
        <translation>Vom Lab-Netz verdoppelt</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Held at breakpoint %1 (%2)</source>
        <translation>Am Haltepunkt %1 angehalten (%2)</translation>
    </message>
    <message>
        <location line="+188"/>
        <source>The wire needs at least two hosts.</source>
        <translation>Die Leitung braucht mindestens zwei Hosts.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Host %1 has no network device; start the lab network again.</source>
        <translation>Host %1 hat kein Netzwerkgerät; starten Sie das Lab-Netz erneut.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The wire was stopped; start the lab network again.</source>
        <translation>Die Leitung wurde angehalten; starten Sie das Lab-Netz erneut.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The wire could not set up its event loop (%1).</source>
        <translation>Die Leitung konnte ihre Ereignisschleife nicht einrichten (%1).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The wire could not watch a host&apos;s network device (%1).</source>
        <translation>Die Leitung konnte das Netzwerkgerät eines Hosts nicht überwachen (%1).</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>There is no link from %1 to %2.</source>
        <translation>Es gibt keine Leitung von %1 zu %2.</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>Dropped by the student at a breakpoint</source>
        <translation>Von den Studierenden an einem Haltepunkt verworfen</translation>
    </message>
</context>
<context>
    <name>wirelab</name>
    <message>
        <location filename="../core/dissect/tlsanalysis.cpp" line="+83"/>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>An extension: optional data in a hello. Unknown extensions are ignored, which is how TLS grows.</source>
        <translation>Eine Extension: optionale Daten in einem Hello. Unbekannte Extensions werden ignoriert; so kann TLS wachsen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not a real cipher suite: a signal (here: secure renegotiation is supported, RFC 5746).</source>
        <translation>Keine echte Cipher Suite, sondern ein Signal (hier: Secure Renegotiation wird unterstützt, RFC 5746).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A TLS 1.3 suite: %1 encrypts and authenticates every record, %2 is the hash of the key schedule (HKDF) and the transcript. The key exchange is negotiated separately (key_share).</source>
        <translation>Eine TLS-1.3-Suite: %1 verschlüsselt und authentifiziert jeden Record, %2 ist der Hash des Key Schedule (HKDF) und des Transkripts. Der Schlüsselaustausch wird getrennt ausgehandelt (key_share).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 makes the keys with an ephemeral (EC)Diffie-Hellman exchange (forward secrecy), signed with the certificate&apos;s key</source>
        <translation>%1 erzeugt die Schlüssel mit einem kurzlebigen (EC)Diffie-Hellman-Austausch (Forward Secrecy), signiert mit dem Schlüssel des Zertifikats</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 key transport: the client encrypts the secret to the server&apos;s certificate key (no forward secrecy)</source>
        <translation>%1-Schlüsseltransport: Der Client verschlüsselt das Secret mit dem Zertifikatsschlüssel des Servers (keine Forward Secrecy)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A TLS 1.2 suite: %1; %2 encrypts the records; %3 is the hash of the PRF and the MAC.</source>
        <translation>Eine TLS-1.2-Suite: %1; %2 verschlüsselt die Records; %3 ist der Hash der PRF und des MAC.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An encryption algorithm set the client accepts; the server picks one.</source>
        <translation>Ein Satz von Verschlüsselungsverfahren, den der Client akzeptiert; der Server wählt einen aus.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>A length prefix: how many bytes follow, so the receiver knows where the field ends.</source>
        <translation>Ein Längenpräfix: wie viele Bytes folgen, damit der Empfänger weiß, wo das Feld endet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A length prefix: how many bytes the %1 that follow take, so the receiver knows where they end.</source>
        <translation>Ein Längenpräfix: wie viele Bytes die folgenden %1 belegen, damit der Empfänger weiß, wo sie enden.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Which extension this is (%1), by its number in the IANA registry.</source>
        <translation>Welche Extension dies ist (%1), angegeben durch ihre Nummer im IANA-Register.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How many bytes of extension data follow.</source>
        <translation>Wie viele Bytes Extension-Daten folgen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>One public key for one group. The private key behind it never leaves the sender.</source>
        <translation>Ein öffentlicher Schlüssel für eine Gruppe. Der private Schlüssel dahinter verlässt den Absender nie.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One ticket the client offers for resumption: the ticket as the server issued it (opaque to the client) and its age, disguised by adding a random value from the ticket.</source>
        <translation>Ein Ticket, das der Client zur Wiederaufnahme anbietet: das Ticket so, wie der Server es ausgestellt hat (für den Client undurchsichtig), und sein Alter, verschleiert durch Addieren eines Zufallswerts aus dem Ticket.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One HMAC per offered ticket over this ClientHello, keyed from the ticket&apos;s secret: proof that the client really holds the secret, not only a copied ticket.</source>
        <translation>Ein HMAC pro angebotenem Ticket über dieses ClientHello, mit einem Schlüssel aus dem Secret des Tickets: beweist, dass der Client das Secret wirklich besitzt und nicht nur ein kopiertes Ticket.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The tickets the client offers, most preferred first.</source>
        <translation>Die Tickets, die der Client anbietet, das bevorzugte zuerst.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One certificate of the chain: who it names, who signed it, and how long it is valid.</source>
        <translation>Ein Zertifikat der Kette: wen es benennt, wer es signiert hat und wie lange es gültig ist.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The group (elliptic curve or finite field) of this key exchange: x25519 and secp256r1 are the common ones.</source>
        <translation>Die Gruppe (elliptische Kurve oder endlicher Körper) dieses Schlüsselaustauschs: x25519 und secp256r1 sind die üblichen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The ephemeral public key (for x25519: 32 bytes). Combined with the peer&apos;s private key it gives the shared secret, which never appears on the wire or in the key log.</source>
        <translation>Der kurzlebige öffentliche Schlüssel (bei x25519: 32 Bytes). Zusammen mit dem privaten Schlüssel der Gegenseite ergibt er das gemeinsame Geheimnis, das weder auf der Leitung noch im Key Log erscheint.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The kind of name: host_name (0) is the only one in use.</source>
        <translation>Die Art des Namens: host_name (0) ist die einzige, die verwendet wird.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>0 uncompressed, 1 and 2 compressed point encodings (deprecated).</source>
        <translation>0 unkomprimiert, 1 und 2 komprimierte Punktkodierungen (veraltet).</translation>
    </message>
</context>
<context>
    <name>wirelab::CaptureSession</name>
    <message>
        <location filename="../core/capturesession.cpp" line="+92"/>
        <source>TLS secret from the file&apos;s Decryption Secrets Block</source>
        <translation>TLS-Geheimnis aus dem Decryption Secrets Block der Datei</translation>
    </message>
</context>
<context>
    <name>wirelab::HostRelay</name>
    <message>
        <location filename="../core/labnet/hostrelay.cpp" line="+209"/>
        <source>In host mode a relay on 127.0.0.1 delays TCP bytes but cannot drop, duplicate or reorder TCP segments, does not delay handshakes, and has no breakpoints; UDP datagrams get delay and loss.</source>
        <translation>Im Host-Modus verzögert ein Relay auf 127.0.0.1 TCP-Bytes, kann aber keine TCP-Segmente verwerfen, verdoppeln oder umordnen, verzögert keine Handshakes und hat keine Haltepunkte; UDP-Datagramme bekommen Verzögerung und Verlust.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The relay could not listen on the loopback interface: %1.</source>
        <translation>Das Relay konnte auf der Loopback-Schnittstelle nicht lauschen: %1.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The relay could not open its UDP sockets on the loopback interface: %1.</source>
        <translation>Das Relay konnte seine UDP-Sockets auf der Loopback-Schnittstelle nicht öffnen: %1.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The relay could not start: %1.</source>
        <translation>Das Relay konnte nicht starten: %1.</translation>
    </message>
</context>
<context>
    <name>wirelab::HttpLabInstance</name>
    <message>
        <location filename="../labs/http/httpinstance.cpp" line="+70"/>
        <source>The lab is already running; stop it before starting it again.</source>
        <translation>Das Lab läuft bereits; halten Sie es an, bevor Sie es erneut starten.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This lab needs an IPv4 address for its server.</source>
        <translation>Dieses Lab braucht eine IPv4-Adresse für seinen Server.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Could not start the HTTP/1.x server: %1; set http.port to 0 for any free port.</source>
        <translation>Der HTTP/1.x-Server konnte nicht gestartet werden: %1; setzen Sie http.port auf 0, um einen beliebigen freien Port zu nutzen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not start the HTTP/1.x server.</source>
        <translation>Der HTTP/1.x-Server konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not start the HTTP/2 server: %1</source>
        <translation>Der HTTP/2-Server konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not start the HTTP/2 server over TLS: %1</source>
        <translation>Der HTTP/2-Server über TLS konnte nicht starten: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>HTTP/1.x server listening on %1:%2</source>
        <translation>HTTP/1.x-Server lauscht auf %1:%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>HTTP/2 server (h2c) listening on %1:%2</source>
        <translation>HTTP/2-Server (h2c) lauscht auf %1:%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>HTTP/2 server over TLS (ALPN h2, certificate for server.lab) listening on %1:%2</source>
        <translation>HTTP/2-Server über TLS (ALPN h2, Zertifikat für server.lab) lauscht auf %1:%2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>no temporary folder for the certificate authority (%1)</source>
        <translation>kein temporärer Ordner für die Zertifizierungsstelle (%1)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>its loop could not be started</source>
        <translation>seine Schleife konnte nicht gestartet werden</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>curl did not speak HTTP/2 over TLS: %1</source>
        <translation>curl sprach kein HTTP/2 über TLS: %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1: %2 of %3 responses over %4 connections</source>
        <translation>%1: %2 von %3 Antworten über %4 Verbindungen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: only %2 of %3 responses arrived (%4).</source>
        <translation>%1: nur %2 von %3 Antworten kamen an (%4).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2 responses over %3 connections.</source>
        <translation>%1: %2 Antworten über %3 Verbindungen.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The chunked response arrived.</source>
        <translation>Die Antwort in Chunks ist angekommen.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The chunked response did not arrive.</source>
        <translation>Die Antwort in Chunks ist nicht angekommen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Skipped: in host mode the relay cannot drop TCP segments.</source>
        <translation>Übersprungen: Im Host-Modus kann das Relay keine TCP-Segmente verwerfen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not add loss to the link: %1</source>
        <translation>Verlust konnte der Leitung nicht hinzugefügt werden: %1</translation>
    </message>
    <message>
        <location line="-114"/>
        <location line="+128"/>
        <source>curl is not installed (apt install curl); the step is skipped.</source>
        <translation>curl ist nicht installiert (apt install curl); der Schritt wird übersprungen.</translation>
    </message>
    <message>
        <location line="-127"/>
        <location line="+128"/>
        <source>Skipped: curl is not installed.</source>
        <translation>Übersprungen: curl ist nicht installiert.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Unknown action %1.</source>
        <translation>Unbekannte Aktion %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+41"/>
        <source>curl did not finish within 25 s.</source>
        <translation>curl ist nicht innerhalb von 25 s fertig geworden.</translation>
    </message>
    <message>
        <location line="-37"/>
        <location line="+39"/>
        <source>curl failed: %1</source>
        <translation>curl ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Could not make a pipe for curl: %1</source>
        <translation>Es konnte keine Pipe für curl angelegt werden: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not run curl in the client host: %1</source>
        <translation>curl konnte im Client-Host nicht ausgeführt werden: %1</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>%1: %2 of %3 responses over one HTTP/2 connection</source>
        <translation>%1: %2 von %3 Antworten über eine HTTP/2-Verbindung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2 of %3 responses (%4).</source>
        <translation>%1: %2 von %3 Antworten (%4).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2 responses over one HTTP/2 connection.</source>
        <translation>%1: %2 Antworten über eine HTTP/2-Verbindung.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The lab is not running.</source>
        <translation>Das Lab läuft nicht.</translation>
    </message>
</context>
<context>
    <name>wirelab::LabController</name>
    <message>
        <location filename="../core/lab/labcontroller.cpp" line="+138"/>
        <source>A lab is already running; stop it first.</source>
        <translation>Es läuft bereits ein Lab; stoppen Sie es zuerst.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The lab &quot;%1&quot; has no parameter &quot;%2&quot;.</source>
        <translation>Das Lab „%1“ hat keinen Parameter „%2“.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The lab &quot;%1&quot; cannot be run.</source>
        <translation>Das Lab „%1“ kann nicht ausgeführt werden.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The lab network is not available here: %1 %2</source>
        <translation>Das Lab-Netz ist hier nicht verfügbar: %1 %2</translation>
    </message>
    <message>
        <location line="+72"/>
        <location line="+28"/>
        <source>The lab network has stopped.</source>
        <translation>Das Lab-Netz ist beendet.</translation>
    </message>
    <message>
        <location line="+52"/>
        <location line="+314"/>
        <source>There is no link from %1 to %2 in this run.</source>
        <translation>In diesem Lauf gibt es keine Leitung von %1 zu %2.</translation>
    </message>
    <message>
        <location line="-291"/>
        <source>The lab could not start.</source>
        <translation>Das Lab konnte nicht starten.</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>The lab could not set %1 = %2 on %3: %4</source>
        <translation>Das Lab konnte %1 = %2 auf %3 nicht setzen: %4</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 set to %2 on %3 (this lab host only)</source>
        <translation>%1 auf %3 auf %2 gesetzt (nur für diesen Lab-Host)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>unreadable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 stays %2 (the lab wanted %3): in host mode kernel settings are the machine&apos;s and are only read</source>
        <translation>%1 bleibt %2 (das Lab wollte %3): Im Host-Modus gehören Kernel-Einstellungen der Maschine und werden nur gelesen</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The capture on the loopback interface could not start.</source>
        <translation>Die Aufzeichnung auf der Loopback-Schnittstelle konnte nicht starten.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The capture did not start within 3 seconds.</source>
        <translation>Die Aufzeichnung ist nicht innerhalb von 3 Sekunden gestartet.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>lab network (sandbox)</source>
        <translation>Lab-Netz (Sandbox)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lab network (sandbox): %1</source>
        <translation>Lab-Netz (Sandbox): %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no delay, loss or breakpoints on the wire, and capture needs capture rights.</source>
        <translation>keine Verzögerung, kein Verlust und keine Haltepunkte auf der Leitung, und der Mitschnitt braucht Mitschnittrechte.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>host mode: %1</source>
        <translation>Host-Modus: %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+90"/>
        <source>The lab is not running; press Start first.</source>
        <translation>Das Lab läuft nicht; drücken Sie zuerst auf Start.</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>Link %1 to %2: delay %3 ms, jitter %4 ms, rate %5 Mbit/s, loss %6 %, duplication %7 %, reordering %8 %</source>
        <translation>Leitung %1 zu %2: Verzögerung %3 ms, Jitter %4 ms, Rate %5 Mbit/s, Verlust %6 %, Verdopplung %7 %, Umordnung %8 %</translation>
    </message>
    <message>
        <location line="+134"/>
        <source>There is no capture for this run.</source>
        <translation>Für diesen Lauf gibt es keine Aufzeichnung.</translation>
    </message>
    <message>
        <location line="+55"/>
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
    <name>wirelab::LabNetwork</name>
    <message>
        <location filename="../core/labnet/labnetwork.cpp" line="+95"/>
        <source>Allow unprivileged user namespaces: on Debian and Ubuntu run `sudo sysctl -w kernel.unprivileged_userns_clone=1`; on Ubuntu 23.10 and later also `sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0`.</source>
        <translation>Erlauben Sie unprivilegierte User-Namespaces: Unter Debian und Ubuntu führen Sie `sudo sysctl -w kernel.unprivileged_userns_clone=1` aus; ab Ubuntu 23.10 zusätzlich `sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0`.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Unprivileged user namespaces are disabled (kernel.unprivileged_userns_clone = 0).</source>
        <translation>Unprivilegierte User-Namespaces sind abgeschaltet (kernel.unprivileged_userns_clone = 0).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run `sudo sysctl -w kernel.unprivileged_userns_clone=1` (Debian, Ubuntu), and put that setting in /etc/sysctl.d/ to keep it.</source>
        <translation>Führen Sie `sudo sysctl -w kernel.unprivileged_userns_clone=1` aus (Debian, Ubuntu) und legen Sie die Einstellung in /etc/sysctl.d/ ab, damit sie bleibt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>AppArmor restricts unprivileged user namespaces (kernel.apparmor_restrict_unprivileged_userns = 1, Ubuntu 23.10 and later).</source>
        <translation>AppArmor schränkt unprivilegierte User-Namespaces ein (kernel.apparmor_restrict_unprivileged_userns = 1, Ubuntu 23.10 und später).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run `sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0`, or give Wirelab an AppArmor profile that allows userns.</source>
        <translation>Führen Sie `sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0` aus oder geben Sie Wirelab ein AppArmor-Profil, das userns erlaubt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>User namespaces are switched off (user.max_user_namespaces = 0) or used up.</source>
        <translation>User-Namespaces sind abgeschaltet (user.max_user_namespaces = 0) oder aufgebraucht.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run `sudo sysctl -w user.max_user_namespaces=15000`.</source>
        <translation>Führen Sie `sudo sysctl -w user.max_user_namespaces=15000` aus.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The system made a user namespace but refused its user mapping (%1: %2).</source>
        <translation>Das System hat einen User-Namespace angelegt, aber seine Benutzerzuordnung abgelehnt (%1: %2).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The system refused to create a user namespace (%1).</source>
        <translation>Das System hat es abgelehnt, einen User-Namespace anzulegen (%1).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The TUN driver is missing (/dev/net/tun: %1).</source>
        <translation>Der TUN-Treiber fehlt (/dev/net/tun: %1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run `sudo modprobe tun`.</source>
        <translation>Führen Sie `sudo modprobe tun` aus.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>/dev/net/tun is not readable and writable for your user (%1: %2).</source>
        <translation>/dev/net/tun ist für Ihren Benutzer nicht les- und schreibbar (%1: %2).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run `sudo chmod 0666 /dev/net/tun` (stock Debian and Ubuntu ship it that way), or add the udev rule KERNEL==&quot;tun&quot;, MODE=&quot;0666&quot;.</source>
        <translation>Führen Sie `sudo chmod 0666 /dev/net/tun` aus (so liefern Debian und Ubuntu es aus) oder fügen Sie die udev-Regel KERNEL==&quot;tun&quot;, MODE=&quot;0666&quot; hinzu.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The lab network helper could not be started (%1: %2).</source>
        <translation>Das Hilfsprogramm des Lab-Netzes konnte nicht gestartet werden (%1: %2).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reinstall Wirelab, or set WIRELAB_LABNETD to the path of wirelab-labnetd.</source>
        <translation>Installieren Sie Wirelab neu oder setzen Sie WIRELAB_LABNETD auf den Pfad von wirelab-labnetd.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The lab network could not set up a host (%1: %2).</source>
        <translation>Das Lab-Netz konnte einen Host nicht einrichten (%1: %2).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use host mode (--network host) and report this message as a bug.</source>
        <translation>Verwenden Sie den Host-Modus (--network host) und melden Sie diese Meldung als Fehler.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>In host mode the lab runs on 127.0.0.x: no packet-level delay or loss on TCP, no breakpoints, and capture needs root or CAP_NET_RAW.</source>
        <translation>Im Host-Modus läuft das Lab auf 127.0.0.x: keine Verzögerung oder kein Verlust einzelner TCP-Pakete, keine Haltepunkte, und der Mitschnitt braucht root oder CAP_NET_RAW.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>The lab network helper wirelab-labnetd was not found (looked in %1).</source>
        <translation>Das Hilfsprogramm wirelab-labnetd des Lab-Netzes wurde nicht gefunden (gesucht in %1).</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>The lab network agent is not running.</source>
        <translation>Der Agent des Lab-Netzes läuft nicht.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The lab network agent does not take requests any more (%1).</source>
        <translation>Der Agent des Lab-Netzes nimmt keine Anfragen mehr an (%1).</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>The lab network agent did not answer within %1 seconds.</source>
        <translation>Der Agent des Lab-Netzes hat nicht innerhalb von %1 Sekunden geantwortet.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The lab network agent has exited.</source>
        <translation>Der Agent des Lab-Netzes hat sich beendet.</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+20"/>
        <source>The lab network agent sent a malformed reply.</source>
        <translation>Der Agent des Lab-Netzes hat eine fehlerhafte Antwort gesendet.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Host mode was requested (WIRELAB_FORCE_HOST_MODE=1).</source>
        <translation>Der Host-Modus wurde verlangt (WIRELAB_FORCE_HOST_MODE=1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unset WIRELAB_FORCE_HOST_MODE to use the lab network.</source>
        <translation>Entfernen Sie WIRELAB_FORCE_HOST_MODE, um das Lab-Netz zu verwenden.</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>The lab network has no host &quot;%1&quot;.</source>
        <translation>Das Lab-Netz hat keinen Host „%1“.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The lab network is not running.</source>
        <translation>Das Lab-Netz läuft nicht.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>A lab network needs at least one host.</source>
        <translation>Ein Lab-Netz braucht mindestens einen Host.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A lab network has at most %1 hosts.</source>
        <translation>Ein Lab-Netz hat höchstens %1 Hosts.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The MTU must be between 576 and 65535; got %1.</source>
        <translation>Die MTU muss zwischen 576 und 65535 liegen; angegeben: %1.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Every lab host needs its own non-empty name; &quot;%1&quot; is not.</source>
        <translation>Jeder Lab-Host braucht einen eigenen, nicht leeren Namen; „%1“ ist das nicht.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The link %1 - %2 does not join two lab hosts.</source>
        <translation>Die Leitung %1 - %2 verbindet keine zwei Lab-Hosts.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+58"/>
        <source>The link %1 - %2: %3</source>
        <translation>Die Leitung %1 - %2: %3</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Could not open a socket in %1: %2.</source>
        <translation>Konnte in %1 keinen Socket öffnen: %2.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The setting %1 or its value is too long.</source>
        <translation>Die Einstellung %1 oder ihr Wert ist zu lang.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 is not a network setting (only names under net. can be set for a lab host).</source>
        <translation>%1 ist keine Netzwerkeinstellung (für einen Lab-Host lassen sich nur Namen unter net. setzen).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Setting %1 to &quot;%2&quot; on %3 failed: %4.</source>
        <translation>%1 auf „%2“ zu setzen ist auf %3 fehlgeschlagen: %4.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The setting name %1 is too long.</source>
        <translation>Der Einstellungsname %1 ist zu lang.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 is not a network setting (only names under net. can be read for a lab host).</source>
        <translation>%1 ist keine Netzwerkeinstellung (für einen Lab-Host lassen sich nur Namen unter net. lesen).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reading %1 on %2 failed: %3.</source>
        <translation>%1 auf %2 zu lesen ist fehlgeschlagen: %3.</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+15"/>
        <source>%1 is not a /proc/net file the lab network reads.</source>
        <translation>%1 ist keine /proc/net-Datei, die das Lab-Netz liest.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading /proc/net/%1 on %2 failed: %3.</source>
        <translation>/proc/net/%1 auf %2 zu lesen ist fehlgeschlagen: %3.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The program to run in %1 needs an absolute path; got &quot;%2&quot;.</source>
        <translation>Das Programm, das in %1 laufen soll, braucht einen absoluten Pfad; angegeben: „%2“.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>An argument for %1 contains a NUL character.</source>
        <translation>Ein Argument für %1 enthält ein NUL-Zeichen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The command line for %1 is too long.</source>
        <translation>Die Befehlszeile für %1 ist zu lang.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not open /dev/null: %1.</source>
        <translation>Konnte /dev/null nicht öffnen: %1.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Could not run %1 in %2: %3.</source>
        <translation>Konnte %1 in %2 nicht ausführen: %3.</translation>
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
        <location filename="../labs/tcpudp/tcpudpinstance.cpp" line="+181"/>
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
        <location line="+26"/>
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
        <location line="+4"/>
        <source>TCP listener (port %1)</source>
        <translation>TCP-Listener (Port %1)</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <location line="+25"/>
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
        <source>server&apos;s TCP connection</source>
        <translation>TCP-Verbindung des Servers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>accept() returned a connection from port %1</source>
        <translation>accept() lieferte eine Verbindung von Port %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+623"/>
        <source>Could not create the TCP client socket: %1.</source>
        <translation>Der Socket des TCP-Clients konnte nicht angelegt werden: %1.</translation>
    </message>
    <message>
        <location line="-614"/>
        <source>connect() to port %1 called</source>
        <translation>connect() zu Port %1 aufgerufen</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+626"/>
        <source>connect() to port %1 failed: %2.</source>
        <translation>connect() zu Port %1 ist fehlgeschlagen: %2.</translation>
    </message>
    <message>
        <location line="-620"/>
        <location line="+626"/>
        <source>client&apos;s TCP connection (port %1)</source>
        <translation>TCP-Verbindung des Clients (Port %1)</translation>
    </message>
    <message>
        <location line="-624"/>
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
        <location line="+11"/>
        <location line="+174"/>
        <location line="+271"/>
        <source>Could not create the UDP client socket: %1.</source>
        <translation>Der Socket des UDP-Clients konnte nicht angelegt werden: %1.</translation>
    </message>
    <message>
        <location line="-438"/>
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
        <location line="+233"/>
        <source>There is no TCP connection; press &quot;Connect over TCP&quot; first.</source>
        <translation>Es gibt keine TCP-Verbindung; drücken Sie zuerst „Über TCP verbinden“.</translation>
    </message>
    <message>
        <location line="-219"/>
        <source>one recv() call returned %1 bytes: &quot;%2&quot;</source>
        <translation>ein recv()-Aufruf lieferte %1 Bytes: „%2“</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+100"/>
        <location line="+184"/>
        <source>send() on the TCP connection failed: %1.</source>
        <translation>send() auf der TCP-Verbindung ist fehlgeschlagen: %1.</translation>
    </message>
    <message>
        <location line="-282"/>
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
        <location line="+26"/>
        <source>the client&apos;s network interface dropped %1 datagrams on the way out (its queue was full)</source>
        <translation>die Netzwerkschnittstelle des Clients hat beim Senden %1 Datagramme verworfen (ihre Warteschlange war voll)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>sent %1 datagrams of %2 bytes from port %3 as fast as sendto() returns</source>
        <translation>%1 Datagramme zu %2 Bytes von Port %3 gesendet, so schnell sendto() zurückkehrt</translation>
    </message>
    <message>
        <location line="+34"/>
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
        <location line="+217"/>
        <source>every byte in order</source>
        <translation>jedes Byte in Reihenfolge</translation>
    </message>
    <message>
        <location line="-217"/>
        <location line="+217"/>
        <source>bytes out of order</source>
        <translation>Bytes außer der Reihe</translation>
    </message>
    <message>
        <location line="-201"/>
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
    <message>
        <location line="+9"/>
        <source>This step needs the lab network: in host mode nothing can drop a TCP segment on its way.</source>
        <translation>Dieser Schritt braucht das Lab-Netz: Im Host-Modus kann nichts ein TCP-Segment unterwegs verwerfen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The link refused 10 % loss: %1</source>
        <translation>Die Leitung hat 10 % Verlust abgelehnt: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>10 % loss set on the link, both directions</source>
        <translation>10 % Verlust auf der Leitung eingestellt, beide Richtungen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the link&apos;s loss is back to what it was</source>
        <translation>der Verlust der Leitung ist wieder wie vorher</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>received %1 of %2 datagrams; UDP never asks for the others</source>
        <translation>%1 von %2 Datagrammen empfangen; UDP fragt nie nach den anderen</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>sent %1 datagrams of 100 bytes from port %2 through the lossy link</source>
        <translation>%1 Datagramme zu 100 Bytes von Port %2 über die verlustbehaftete Leitung gesendet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The UDP server did not finish within 6 seconds.</source>
        <translation>Der UDP-Server ist nicht innerhalb von 6 Sekunden fertig geworden.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>server&apos;s TCP connection through the lossy link</source>
        <translation>TCP-Verbindung des Servers über die verlustbehaftete Leitung</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>received %1 of %2 bytes over TCP; %3</source>
        <translation>%1 von %2 Bytes über TCP empfangen; %3</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>sent %1 bytes over TCP from port %2 through the lossy link</source>
        <translation>%1 Bytes über TCP von Port %2 über die verlustbehaftete Leitung gesendet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not all %1 bytes arrived over TCP in time.</source>
        <translation>Nicht alle %1 Bytes sind rechtzeitig über TCP angekommen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 datagrams arrived over UDP; all %3 bytes arrived over TCP.</source>
        <translation>%1 von %2 Datagrammen sind über UDP angekommen; alle %3 Bytes sind über TCP angekommen.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>connect() to port %1 called from port %2</source>
        <translation>connect() zu Port %1 von Port %2 aufgerufen</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>This step needs the lab network: in host mode there is no wire to hold a packet on.</source>
        <translation>Dieser Schritt braucht das Lab-Netz: Im Host-Modus gibt es keine Leitung, auf der ein Paket warten könnte.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The wire refused the breakpoint &quot;%1&quot;: %2</source>
        <translation>Die Leitung hat den Haltepunkt „%1“ abgelehnt: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>breakpoint on the wire: hold packets matching %1</source>
        <translation>Haltepunkt auf der Leitung: Pakete anhalten, die zu %1 passen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>accept() returned the held connection</source>
        <translation>accept() hat die angehaltene Verbindung zurückgegeben</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>after 1.5 s: %1 packets held on the wire, %2 released</source>
        <translation>nach 1,5 s: %1 Pakete auf der Leitung angehalten, %2 freigegeben</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The held connection did not complete after the release: %1.</source>
        <translation>Die angehaltene Verbindung wurde nach der Freigabe nicht aufgebaut: %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>connect() from port %1 completed after the release</source>
        <translation>connect() von Port %1 wurde nach der Freigabe abgeschlossen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 SYNs were held for 1.5 s and released; the connection from port %2 completed.</source>
        <translation>%1 SYNs wurden 1,5 s angehalten und freigegeben; die Verbindung von Port %2 wurde aufgebaut.</translation>
    </message>
</context>
<context>
    <name>wirelab::TelemetrySampler</name>
    <message>
        <location filename="../core/labnet/telemetry.cpp" line="+323"/>
        <source>%1: accept queue %2 of %3</source>
        <translation>%1: Accept-Warteschlange %2 von %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: rtt %2 us, cwnd %3, %4 unacknowledged, %5 retransmitted in all</source>
        <translation>%1: RTT %2 µs, cwnd %3, %4 unbestätigt, insgesamt %5 neu übertragen</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>%1 is %2</source>
        <translation>%1 ist %2</translation>
    </message>
</context>
<context>
    <name>wirelab::TlsAnalysis</name>
    <message>
        <location filename="../core/dissect/tlsanalysis.cpp" line="-122"/>
        <source>SNI: the host name the client wants to reach, in clear text, so one server address can host many names (and anyone on the path can read it).</source>
        <translation>SNI: der Hostname, den der Client erreichen will, im Klartext, damit eine Serveradresse viele Namen bedienen kann (und jeder auf dem Weg kann ihn lesen).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The TLS versions this side speaks. TLS 1.3 is negotiated here, not in the legacy version fields, which stay at TLS 1.2 so that old middleboxes let the handshake through.</source>
        <translation>Die TLS-Versionen, die diese Seite spricht. TLS 1.3 wird hier ausgehandelt, nicht in den alten Versionsfeldern (legacy); die bleiben auf TLS 1.2, damit alte Middleboxes den Handshake durchlassen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The (EC)DHE public keys: the client guesses a group and sends its public key right away, which is how TLS 1.3 saves a round trip. Both sides combine their private key with the peer&apos;s public key into the shared secret.</source>
        <translation>Die öffentlichen (EC)DHE-Schlüssel: Der Client rät eine Gruppe und sendet seinen öffentlichen Schlüssel sofort mit; so spart TLS 1.3 einen Round Trip. Beide Seiten kombinieren ihren privaten Schlüssel mit dem öffentlichen Schlüssel der Gegenseite zum gemeinsamen Geheimnis.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ALPN: the application protocols the client can speak over this connection (h2, http/1.1); the server picks one, so no extra round trip is needed after the handshake.</source>
        <translation>ALPN: die Anwendungsprotokolle, die der Client über diese Verbindung sprechen kann (h2, http/1.1); der Server wählt eines, daher ist nach dem Handshake kein zusätzlicher Round Trip nötig.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The signature schemes the client can verify: the server must sign its CertificateVerify (1.3) or ServerKeyExchange (1.2) with one of them.</source>
        <translation>Die Signaturverfahren, die der Client prüfen kann: Der Server muss sein CertificateVerify (1.3) oder ServerKeyExchange (1.2) mit einem davon signieren.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The signature schemes accepted in certificates (when they differ from those for the handshake).</source>
        <translation>Die in Zertifikaten akzeptierten Signaturverfahren (wenn sie von denen für den Handshake abweichen).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resumption: the ticket(s) of an earlier session, with a binder that proves the client knows the secret behind them. The server answers with the index of the one it accepts.</source>
        <translation>Wiederaufnahme: das oder die Tickets einer früheren Sitzung, mit einem Binder, der beweist, dass der Client das Secret dahinter kennt. Der Server antwortet mit dem Index des Tickets, das er annimmt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How a resumed session may make its keys: psk_dhe_ke also does a fresh (EC)DHE exchange (forward secrecy), psk_ke uses the ticket&apos;s secret alone.</source>
        <translation>Wie eine fortgesetzte Sitzung ihre Schlüssel erzeugen darf: psk_dhe_ke führt zusätzlich einen frischen (EC)DHE-Austausch durch (Forward Secrecy), psk_ke nutzt allein das Secret des Tickets.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>0-RTT: the client sends application data before the handshake finishes, encrypted with a key from the ticket. Fast, but an attacker can replay it.</source>
        <translation>0-RTT: Der Client sendet Anwendungsdaten, bevor der Handshake abgeschlossen ist, verschlüsselt mit einem Schlüssel aus dem Ticket. Schnell, aber ein Angreifer kann sie erneut einspielen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The (EC)DHE groups the client supports, most preferred first; the key exchange uses one of them.</source>
        <translation>Die (EC)DHE-Gruppen, die der Client unterstützt, die bevorzugte zuerst; der Schlüsselaustausch verwendet eine davon.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS 1.2: how elliptic curve points may be encoded; today always uncompressed.</source>
        <translation>TLS 1.2: wie Punkte auf elliptischen Kurven kodiert werden dürfen; heute immer unkomprimiert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS 1.2 session tickets: empty to say the client supports them, or a ticket from an earlier session to resume it.</source>
        <translation>TLS-1.2-Session-Tickets: leer, um anzuzeigen, dass der Client sie unterstützt, oder ein Ticket aus einer früheren Sitzung, um diese fortzusetzen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For CBC cipher suites: compute the MAC over the ciphertext (safer). Irrelevant for AEAD suites such as GCM.</source>
        <translation>Für CBC-Cipher-Suites: den MAC über den Chiffretext berechnen (sicherer). Für AEAD-Suites wie GCM ohne Bedeutung.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS 1.2: bind the master secret to the whole handshake transcript, so two connections can never end up with the same keys.</source>
        <translation>TLS 1.2: bindet das Master Secret an das Transkript des gesamten Handshakes, damit zwei Verbindungen nie dieselben Schlüssel erhalten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secure renegotiation (RFC 5746): ties a renegotiation to the connection it happens on.</source>
        <translation>Secure Renegotiation (RFC 5746): bindet eine Neuaushandlung an die Verbindung, auf der sie stattfindet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OCSP stapling: the client asks the server to include a fresh revocation status of its certificate.</source>
        <translation>OCSP Stapling: Der Client bittet den Server, einen aktuellen Sperrstatus seines Zertifikats mitzusenden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate Transparency: proof that the certificate was published in a public log.</source>
        <translation>Certificate Transparency: Nachweis, dass das Zertifikat in einem öffentlichen Log veröffentlicht wurde.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The largest record this side wants to receive.</source>
        <translation>Der größte Record, den diese Seite empfangen will.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zero bytes that only make the ClientHello longer (some old servers choke on hellos of certain sizes).</source>
        <translation>Null-Bytes, die das ClientHello nur verlängern (manche alte Server scheitern an Hellos bestimmter Größen).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The client would present a certificate later if the server asks after the handshake.</source>
        <translation>Der Client würde später ein Zertifikat vorlegen, wenn der Server nach dem Handshake danach fragt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A value from a HelloRetryRequest that the client must echo.</source>
        <translation>Ein Wert aus einem HelloRetryRequest, den der Client zurücksenden muss.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The certificate chain may be sent compressed.</source>
        <translation>Die Zertifikatskette darf komprimiert gesendet werden.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The client&apos;s opening message: its random, the versions, cipher suites and groups it supports, and in TLS 1.3 already its key share. Sent in clear text.</source>
        <translation>Die Eröffnungsnachricht des Clients: sein Zufallswert, die Versionen, Cipher Suites und Gruppen, die er unterstützt, und bei TLS 1.3 schon sein Key Share. Im Klartext gesendet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server&apos;s choices: version, cipher suite, and in TLS 1.3 its key share. From here on both sides can compute the handshake keys.</source>
        <translation>Die Wahl des Servers: Version, Cipher Suite und bei TLS 1.3 sein Key Share. Ab hier können beide Seiten die Handshake-Schlüssel berechnen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server cannot use the client&apos;s key share: it names a group and the client must send a new ClientHello (one extra round trip).</source>
        <translation>Der Server kann den Key Share des Clients nicht verwenden: Er nennt eine Gruppe, und der Client muss ein neues ClientHello senden (ein zusätzlicher Round Trip).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A ticket the client can present later to resume without a full handshake (and, if allowed, to send 0-RTT data).</source>
        <translation>Ein Ticket, das der Client später vorlegen kann, um die Sitzung ohne vollständigen Handshake fortzusetzen (und, falls erlaubt, 0-RTT-Daten zu senden).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The client&apos;s 0-RTT data ends here; the next records use the handshake keys.</source>
        <translation>Die 0-RTT-Daten des Clients enden hier; die nächsten Records verwenden die Handshake-Schlüssel.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS 1.3: the server&apos;s extensions that need no clear text (ALPN, early_data), already encrypted with the handshake key.</source>
        <translation>TLS 1.3: die Extensions des Servers, die keinen Klartext brauchen (ALPN, early_data), bereits mit dem Handshake-Schlüssel verschlüsselt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The certificate chain: the server&apos;s own certificate first, then the intermediates that lead to a root the client trusts.</source>
        <translation>Die Zertifikatskette: zuerst das eigene Zertifikat des Servers, dann die Zwischenzertifikate, die zu einem Stammzertifikat führen, dem der Client vertraut.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS 1.2 (EC)DHE: the server&apos;s ephemeral public key, signed with its certificate key so the client knows who sent it.</source>
        <translation>TLS 1.2 (EC)DHE: der kurzlebige öffentliche Schlüssel des Servers, signiert mit dem Schlüssel seines Zertifikats, damit der Client weiß, wer ihn gesendet hat.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server asks the client for a certificate (mutual TLS).</source>
        <translation>Der Server verlangt vom Client ein Zertifikat (Mutual TLS).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS 1.2: the server&apos;s first flight ends; now the client answers.</source>
        <translation>TLS 1.2: Der erste Flight des Servers endet; jetzt antwortet der Client.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A signature over the handshake so far with the certificate&apos;s private key: proof that the sender owns the certificate.</source>
        <translation>Eine Signatur über den bisherigen Handshake mit dem privaten Schlüssel des Zertifikats: beweist, dass der Absender das Zertifikat besitzt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS 1.2: the client&apos;s half of the key exchange (its ECDHE public key, or the premaster secret encrypted to the server&apos;s RSA key).</source>
        <translation>TLS 1.2: die Hälfte des Clients beim Schlüsselaustausch (sein öffentlicher ECDHE-Schlüssel oder das Premaster Secret, verschlüsselt mit dem RSA-Schlüssel des Servers).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An HMAC over the whole handshake with a key from this connection&apos;s secrets: if anyone changed a byte of the handshake, this check fails.</source>
        <translation>Ein HMAC über den gesamten Handshake mit einem Schlüssel aus den Secrets dieser Verbindung: Hat jemand ein Byte des Handshakes verändert, schlägt diese Prüfung fehl.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS 1.3: the sender switches to the next generation of traffic keys.</source>
        <translation>TLS 1.3: Der Sender wechselt zur nächsten Generation der Traffic Keys.</translation>
    </message>
    <message>
        <location line="+282"/>
        <source>Encrypted Handshake</source>
        <translation>Verschlüsselter Handshake</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Encrypted Alert</source>
        <translation>Verschlüsselter Alert</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Alert: %1</source>
        <translation>Alert: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Unknown record</source>
        <translation>Unbekannter Record</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>App Data %1 [encrypted]</source>
        <translation>Anwendungsdaten %1 [verschlüsselt]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>App Data %1 [decrypted]</source>
        <translation>Anwendungsdaten %1 [entschlüsselt]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>App Data %1</source>
        <translation>Anwendungsdaten %1</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>Transport Layer Security</source>
        <translation>Transport Layer Security</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS encrypts and authenticates what the application sends, in records inside the TCP byte stream.</source>
        <translation>TLS verschlüsselt und authentifiziert, was die Anwendung sendet, in Records innerhalb des TCP-Bytestroms.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Decrypted TLS (%1 bytes)</source>
        <translation>Entschlüsseltes TLS (%1 Bytes)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The record&apos;s content after decryption with the key the endpoints logged: the bytes below count from the first decrypted byte (the hex view shows them).</source>
        <translation>Der Inhalt des Records nach der Entschlüsselung mit dem Schlüssel, den die Endpunkte protokolliert haben: Die Bytes darunter zählen ab dem ersten entschlüsselten Byte (die Hex-Ansicht zeigt sie).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Application Data: %1</source>
        <translation>Anwendungsdaten: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What the application wrote, as the other side&apos;s application reads it after decryption.</source>
        <translation>Was die Anwendung geschrieben hat, so wie die Anwendung der Gegenseite es nach der Entschlüsselung liest.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reassembled %1 (%2 bytes, %3 records)</source>
        <translation>%1 zusammengesetzt (%2 Bytes, %3 Records)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This handshake message was longer than one record: TLS split it across records, and the pieces are joined here (the hex view shows the joined bytes).</source>
        <translation>Diese Handshake-Nachricht war länger als ein Record: TLS hat sie auf mehrere Records verteilt, und die Teile werden hier zusammengefügt (die Hex-Ansicht zeigt die zusammengefügten Bytes).</translation>
    </message>
</context>
<context>
    <name>wirelab::TlsDissector</name>
    <message>
        <location filename="../core/dissect/tls.cpp" line="+254"/>
        <source>bytes of this direction were not captured; the TLS records after the gap cannot be cut</source>
        <translation>Bytes dieser Richtung fehlen im Mitschnitt; die TLS-Records nach der Lücke lassen sich nicht abgrenzen</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>not a TLS record header (content type %1, version %2)</source>
        <translation>kein TLS-Record-Header (Inhaltstyp %1, Version %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>record length %1 is larger than TLS allows (%2)</source>
        <translation>Record-Länge %1 ist größer, als TLS erlaubt (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS Record Layer (malformed)</source>
        <translation>TLS Record Layer (fehlerhaft)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+85"/>
        <location line="+5"/>
        <source>Content Type: %1 (%2)</source>
        <translation>Inhaltstyp: %1 (%2)</translation>
    </message>
    <message>
        <location line="-89"/>
        <location line="+98"/>
        <location line="+372"/>
        <location line="+279"/>
        <source>Length: %1</source>
        <translation>Länge: %1</translation>
    </message>
    <message>
        <location line="-736"/>
        <source>more than %1 TLS records in this connection; the rest are not dissected</source>
        <translation>mehr als %1 TLS-Records in dieser Verbindung; der Rest wird nicht analysiert</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>%1 Record Layer: %2 Protocol</source>
        <translation>%1 Record Layer: Protokoll %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A TLS record: a 5-byte header (type, version, length) and up to 16 KiB of content. TLS cuts everything it sends into records; TCP may cut records again into segments.</source>
        <translation>Ein TLS-Record: ein 5-Byte-Header (Typ, Version, Länge) und bis zu 16 KiB Inhalt. TLS zerlegt alles, was es sendet, in Records; TCP kann Records wiederum in Segmente zerlegen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Opaque Type: Application Data (23)</source>
        <translation>Verdeckter Typ (Opaque Type): Application Data (23)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS 1.3 hides the real content type inside the encryption: every protected record claims to be Application Data.</source>
        <translation>TLS 1.3 versteckt den echten Inhaltstyp in der Verschlüsselung: Jeder geschützte Record gibt sich als Application Data aus.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The real content type, recovered from the last non-zero byte of the decrypted record.</source>
        <translation>Der echte Inhaltstyp, gewonnen aus dem letzten Byte ungleich null des entschlüsselten Records.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What the record carries: 22 handshake, 23 application data, 21 alert, 20 change cipher spec.</source>
        <translation>Was der Record transportiert: 22 Handshake, 23 Anwendungsdaten, 21 Alert, 20 Change Cipher Spec.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+661"/>
        <source>Version: %1 (%2)</source>
        <translation>Version: %1 (%2)</translation>
    </message>
    <message>
        <location line="-659"/>
        <source>The record layer version. Frozen at TLS 1.2 (0x0303) or 1.0 for compatibility; the real version is negotiated in the hellos.</source>
        <translation>Die Version des Record Layers. Aus Kompatibilitätsgründen fest auf TLS 1.2 (0x0303) oder 1.0; die echte Version wird in den Hellos ausgehandelt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bytes of content after this 5-byte header.</source>
        <translation>Bytes Inhalt nach diesem 5-Byte-Header.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Encrypted Application Data: %1</source>
        <translation>Verschlüsselte Anwendungsdaten: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ciphertext and the 16-byte authentication tag. Without the traffic key it is indistinguishable from random bytes.</source>
        <translation>Chiffretext und das 16 Byte lange Authentifizierungs-Tag. Ohne den Traffic Key sind sie von Zufallsbytes nicht zu unterscheiden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>[Decryption: %1]</source>
        <translation>[Entschlüsselung: %1]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opened with the %1 traffic key, record sequence number %2 (mixed into the nonce).</source>
        <translation>Entschlüsselt mit dem Traffic Key der %1, Record-Sequenznummer %2 (fließt in die Nonce ein).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>early</source>
        <translation>Early-Data-Phase</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>handshake</source>
        <translation>Handshake-Phase</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>application</source>
        <translation>Anwendungsphase</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decrypted Application Data (%1 bytes)</source>
        <translation>Entschlüsselte Anwendungsdaten (%1 Bytes)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Padding Length: %1</source>
        <translation>Padding-Länge: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Change Cipher Spec Message</source>
        <translation>Change-Cipher-Spec-Nachricht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS 1.3 sends this only for middlebox compatibility; it changes nothing.</source>
        <translation>TLS 1.3 sendet dies nur zur Kompatibilität mit Middleboxes; es ändert nichts.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From the next record on, this side encrypts with the keys just agreed.</source>
        <translation>Ab dem nächsten Record verschlüsselt diese Seite mit den gerade vereinbarten Schlüsseln.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Alert Message</source>
        <translation>Alert-Nachricht</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Level: %1 (%2)</source>
        <translation>Stufe: %1 (%2)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fatal</source>
        <translation>Fatal</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+649"/>
        <location line="+13"/>
        <location line="+13"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location line="-673"/>
        <source>1 = warning, 2 = fatal: a fatal alert ends the connection at once.</source>
        <translation>1 = Warnung, 2 = fatal: Ein fataler Alert beendet die Verbindung sofort.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Description: %1 (%2)</source>
        <translation>Beschreibung: %1 (%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>alert of %1 bytes (an alert is 2 bytes)</source>
        <translation>Alert mit %1 Bytes (ein Alert hat 2 Bytes)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Application Data</source>
        <translation>Anwendungsdaten</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>encrypted record of %1 bytes is too short for nonce and tag</source>
        <translation>verschlüsselter Record mit %1 Bytes ist zu kurz für Nonce und Tag</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>encrypted record of %1 bytes is too short for a tag and content type</source>
        <translation>verschlüsselter Record mit %1 Bytes ist zu kurz für Tag und Inhaltstyp</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>the decrypted record holds only padding (no content type)</source>
        <translation>der entschlüsselte Record enthält nur Padding (keinen Inhaltstyp)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>more than %1 handshake messages in this connection; the rest are not dissected</source>
        <translation>mehr als %1 Handshake-Nachrichten in dieser Verbindung; der Rest wird nicht analysiert</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>handshake message length %1 is larger than the %2 bytes accepted</source>
        <translation>Länge der Handshake-Nachricht %1 ist größer als die akzeptierten %2 Bytes</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+404"/>
        <source>Handshake Protocol: %1</source>
        <translation>Handshake-Protokoll: %1</translation>
    </message>
    <message>
        <location line="-294"/>
        <location line="+509"/>
        <source>Extensions Length: %1</source>
        <translation>Länge der Extensions: %1</translation>
    </message>
    <message>
        <location line="-508"/>
        <source>Bytes of extensions that follow. Extensions carry almost everything modern TLS negotiates.</source>
        <translation>Bytes an Extensions, die folgen. Extensions transportieren fast alles, was modernes TLS aushandelt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>extensions length %1 runs past the message (%2 bytes left)</source>
        <translation>Länge der Extensions %1 reicht über die Nachricht hinaus (noch %2 Bytes übrig)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 stray bytes after the last extension</source>
        <translation>%1 überzählige Bytes nach der letzten Extension</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Extension: %1 (len=%2)</source>
        <translation>Extension: %1 (Länge=%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type: %1 (%2)</source>
        <translation>Typ: %1 (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>extension length %1 runs past the extensions (%2 bytes left)</source>
        <translation>Länge der Extension %1 reicht über die Extensions hinaus (noch %2 Bytes übrig)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>list length %1 runs past the extension</source>
        <translation>Listenlänge %1 reicht über die Extension hinaus</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>entry runs past its list</source>
        <translation>Eintrag reicht über seine Liste hinaus</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Server Name list length</source>
        <translation>Länge der Server-Name-Liste</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Server Name Type: host_name (%1)</source>
        <translation>Server-Name-Typ: host_name (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server Name length: %1</source>
        <translation>Länge des Servernamens: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server Name: %1</source>
        <translation>Servername: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SNI: the host name the client wants, sent in clear text so one server can pick the right certificate. Anyone on the path can read it.</source>
        <translation>SNI: der Hostname, den der Client erreichen will, im Klartext gesendet, damit ein Server das passende Zertifikat wählen kann. Jeder auf dem Weg kann ihn lesen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Supported Groups List Length</source>
        <translation>Länge der Liste unterstützter Gruppen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Supported Group: %1 (%2)</source>
        <translation>Unterstützte Gruppe: %1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An elliptic curve or finite-field group the client can do key exchange with, most preferred first.</source>
        <translation>Eine elliptische Kurve oder eine Gruppe über einem endlichen Körper, mit der der Client den Schlüsselaustausch durchführen kann; die bevorzugte zuerst.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Signature Hash Algorithms Length</source>
        <translation>Länge der Signatur-Hash-Algorithmen</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+461"/>
        <location line="+68"/>
        <source>Signature Algorithm: %1 (%2)</source>
        <translation>Signaturalgorithmus: %1 (%2)</translation>
    </message>
    <message>
        <location line="-528"/>
        <source>A signature scheme this side can verify: the peer must sign its handshake with one of these.</source>
        <translation>Ein Signaturverfahren, das diese Seite prüfen kann: Die Gegenseite muss ihren Handshake mit einem davon signieren.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ALPN Extension Length</source>
        <translation>Länge der ALPN-Extension</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ALPN string length: %1</source>
        <translation>Länge des ALPN-Strings: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ALPN Next Protocol: %1</source>
        <translation>ALPN-Protokoll: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Application-Layer Protocol Negotiation: which protocol runs inside TLS (h2, http/1.1), agreed without an extra round trip.</source>
        <translation>Application-Layer Protocol Negotiation: welches Protokoll innerhalb von TLS läuft (h2, http/1.1), vereinbart ohne zusätzlichen Round Trip.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Supported Versions length: %1</source>
        <translation>Länge der unterstützten Versionen: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>supported versions length %1 does not fit</source>
        <translation>Länge der unterstützten Versionen %1 passt nicht</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+7"/>
        <source>Supported Version: %1 (%2)</source>
        <translation>Unterstützte Version: %1 (%2)</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>A TLS version the client speaks. TLS 1.3 is negotiated here, not in the version fields, which stay at 1.2 so old middleboxes do not choke.</source>
        <translation>Eine TLS-Version, die der Client spricht. TLS 1.3 wird hier ausgehandelt, nicht in den Versionsfeldern; die bleiben auf 1.2, damit alte Middleboxes nicht daran scheitern.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The version the server chose.</source>
        <translation>Die Version, die der Server gewählt hat.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Client Key Share Length</source>
        <translation>Länge der Client-Key-Shares</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+13"/>
        <source>Key Share Entry: Group: %1, Key Exchange length: %2</source>
        <translation>Key-Share-Eintrag: Gruppe: %1, Schlüsselaustausch-Länge: %2</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+13"/>
        <source>Group: %1 (%2)</source>
        <translation>Gruppe: %1 (%2)</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+13"/>
        <source>Key Exchange Length: %1</source>
        <translation>Schlüsselaustausch-Länge: %1</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+13"/>
        <source>Key Exchange: %1</source>
        <translation>Schlüsselaustausch: %1</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>The client&apos;s ephemeral public key. The client guesses the group so the handshake needs one round trip; the private half never leaves the client.</source>
        <translation>Der kurzlebige öffentliche Schlüssel des Clients. Der Client rät die Gruppe, damit der Handshake mit einem Round Trip auskommt; die private Hälfte verlässt den Client nie.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The server&apos;s ephemeral public key. With the client&apos;s it gives both sides the same shared secret, which nobody on the path can compute.</source>
        <translation>Der kurzlebige öffentliche Schlüssel des Servers. Zusammen mit dem des Clients ergibt er auf beiden Seiten dasselbe gemeinsame Geheimnis, das niemand auf dem Weg berechnen kann.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Selected Group: %1 (%2)</source>
        <translation>Gewählte Gruppe: %1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HelloRetryRequest: none of the client&apos;s key shares suits the server; it asks for a new ClientHello with this group, costing a round trip.</source>
        <translation>HelloRetryRequest: Keiner der Key Shares des Clients passt zum Server; er verlangt ein neues ClientHello mit dieser Gruppe, das kostet einen Round Trip.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>PSK Key Exchange Modes Length: %1</source>
        <translation>Länge der PSK-Schlüsselaustauschmodi: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>PSK Key Exchange Mode: PSK with (EC)DHE key establishment (psk_dhe_ke) (1)</source>
        <translation>PSK-Schlüsselaustauschmodus: PSK mit (EC)DHE-Schlüsselvereinbarung (psk_dhe_ke) (1)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PSK Key Exchange Mode: PSK-only key establishment (psk_ke) (%1)</source>
        <translation>PSK-Schlüsselaustauschmodus: Schlüsselvereinbarung nur mit PSK (psk_ke) (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How a resumed session may make keys: psk_dhe_ke also runs a fresh key exchange, so resumption keeps forward secrecy.</source>
        <translation>Wie eine fortgesetzte Sitzung Schlüssel erzeugen darf: psk_dhe_ke führt zusätzlich einen frischen Schlüsselaustausch durch, so behält die Wiederaufnahme Forward Secrecy.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>modes run past the extension</source>
        <translation>Modi reichen über die Extension hinaus</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Identities Length</source>
        <translation>Länge der Identitäten</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>PSK Identity (length: %1)</source>
        <translation>PSK-Identität (Länge: %1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identity Length: %1</source>
        <translation>Länge der Identität: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identity: %1</source>
        <translation>Identität: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The session ticket the server gave earlier: an encrypted blob only the server can open, naming the pre-shared key.</source>
        <translation>Das Session Ticket, das der Server früher ausgegeben hat: ein verschlüsselter Datenblock, den nur der Server öffnen kann und der den Pre-Shared Key benennt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Obfuscated Ticket Age: %1</source>
        <translation>Verschleiertes Ticket-Alter: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long the client has held the ticket, plus a secret offset: lets the server reject stale 0-RTT replays.</source>
        <translation>Wie lange der Client das Ticket schon hat, plus ein geheimer Versatz: So kann der Server veraltete, erneut eingespielte 0-RTT-Daten (Replays) ablehnen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>PSK Binders length: %1</source>
        <translation>Länge der PSK-Binder: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>binders length %1 runs past the extension</source>
        <translation>Binder-Länge %1 reicht über die Extension hinaus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PSK Binders</source>
        <translation>PSK-Binder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An HMAC over this ClientHello with a key from the PSK: proves the client really holds the key behind the ticket.</source>
        <translation>Ein HMAC über dieses ClientHello mit einem Schlüssel aus dem PSK: beweist, dass der Client den Schlüssel hinter dem Ticket wirklich besitzt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Selected Identity: %1</source>
        <translation>Gewählte Identität: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server accepted the client&apos;s pre-shared key: this is a resumed session, no certificate is sent.</source>
        <translation>Der Server hat den Pre-Shared Key des Clients angenommen: Dies ist eine fortgesetzte Sitzung, es wird kein Zertifikat gesendet.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Maximum Early Data Size: %1</source>
        <translation>Maximale Größe für Early Data: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many bytes of 0-RTT data the client may send when it resumes with this ticket.</source>
        <translation>Wie viele Bytes Early Data (0-RTT) der Client senden darf, wenn er die Sitzung mit diesem Ticket fortsetzt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The client sends application data before the handshake completes (0-RTT). Such data can be replayed by an attacker.</source>
        <translation>Der Client sendet Anwendungsdaten, bevor der Handshake abgeschlossen ist (0-RTT). Ein Angreifer kann solche Daten erneut einspielen (Replay).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server accepts the client&apos;s 0-RTT data.</source>
        <translation>Der Server nimmt die 0-RTT-Daten des Clients an.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Extended master secret: the master secret is bound to the whole handshake transcript (RFC 7627).</source>
        <translation>Extended Master Secret: Das Master Secret ist an das Transkript des gesamten Handshakes gebunden (RFC 7627).</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+200"/>
        <source>Session Ticket: %1</source>
        <translation>Session Ticket: %1</translation>
    </message>
    <message>
        <location line="-199"/>
        <source>A TLS 1.2 session ticket from an earlier connection: resumption without server-side state.</source>
        <translation>Ein TLS-1.2-Session-Ticket aus einer früheren Verbindung: Wiederaufnahme ohne Zustand auf dem Server.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The client supports TLS 1.2 session tickets.</source>
        <translation>Der Client unterstützt TLS-1.2-Session-Tickets.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cookie length: %1</source>
        <translation>Cookie-Länge: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cookie</source>
        <translation>Cookie</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>EC point formats Length: %1</source>
        <translation>Länge der EC-Punktformate: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>EC point format: %1</source>
        <translation>EC-Punktformat: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Data (%1 bytes)</source>
        <translation>Daten (%1 Bytes)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>extension content runs past its length</source>
        <translation>Inhalt der Extension reicht über ihre Länge hinaus</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Handshake Type: %1 (%2)</source>
        <translation>Handshake-Typ: %1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which handshake message this is.</source>
        <translation>Welche Handshake-Nachricht dies ist.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes of this message after its 4-byte header; a message may span several records and TCP segments.</source>
        <translation>Bytes dieser Nachricht nach ihrem 4-Byte-Header; eine Nachricht kann sich über mehrere Records und TCP-Segmente erstrecken.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>legacy_version: the highest version before TLS 1.3; TLS 1.3 clients still say TLS 1.2 here and list the real versions in supported_versions.</source>
        <translation>legacy_version: die höchste Version vor TLS 1.3; TLS-1.3-Clients geben hier weiterhin TLS 1.2 an und listen die echten Versionen in supported_versions auf.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>legacy_version: TLS 1.2 even for TLS 1.3; the real choice is in supported_versions.</source>
        <translation>legacy_version: TLS 1.2, auch bei TLS 1.3; die echte Wahl steht in supported_versions.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Handshake Protocol: Hello Retry Request</source>
        <translation>Handshake-Protokoll: Hello Retry Request</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Random: %1</source>
        <translation>Zufallswert: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This fixed value (SHA-256 of &quot;HelloRetryRequest&quot;) marks the ServerHello as a HelloRetryRequest.</source>
        <translation>Dieser feste Wert (SHA-256 von „HelloRetryRequest“) kennzeichnet das ServerHello als HelloRetryRequest.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>32 random bytes from the client; with the server&apos;s they make every key of this connection unique.</source>
        <translation>32 Zufallsbytes vom Client; zusammen mit denen des Servers machen sie jeden Schlüssel dieser Verbindung einzigartig.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>32 random bytes from the server. In TLS 1.3 its last 8 bytes also guard against downgrade attacks.</source>
        <translation>32 Zufallsbytes vom Server. In TLS 1.3 schützen die letzten 8 Bytes zusätzlich vor Downgrade-Angriffen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>session id length %1 does not fit</source>
        <translation>Länge der Session-ID %1 passt nicht</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Session ID Length: %1</source>
        <translation>Länge der Session-ID: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Session ID: %1</source>
        <translation>Session-ID: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS 1.2: names a session to resume. TLS 1.3 sends random bytes here only so middleboxes see a familiar handshake.</source>
        <translation>TLS 1.2: benennt eine Sitzung, die fortgesetzt werden soll. TLS 1.3 sendet hier nur Zufallsbytes, damit Middleboxes einen vertrauten Handshake sehen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cipher suites length %1 does not fit</source>
        <translation>Länge der Cipher Suites %1 passt nicht</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cipher Suites Length: %1</source>
        <translation>Länge der Cipher Suites: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cipher Suites (%1 suites)</source>
        <translation>Cipher Suites (%1 Einträge)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The encryption algorithms the client accepts, most preferred first. The server picks one.</source>
        <translation>Die Verschlüsselungsverfahren, die der Client akzeptiert, das bevorzugte zuerst. Der Server wählt eines aus.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+26"/>
        <source>Cipher Suite: %1 (%2)</source>
        <translation>Cipher Suite: %1 (%2)</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>compression methods length %1 does not fit</source>
        <translation>Länge der Kompressionsmethoden %1 passt nicht</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Compression Methods Length: %1</source>
        <translation>Länge der Kompressionsmethoden: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Compression Method: %1 (%2)</source>
        <translation>Kompressionsmethode: %1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Always null today: compression inside TLS leaked secrets (CRIME attack).</source>
        <translation>Heute immer null: Kompression innerhalb von TLS hat Geheimnisse preisgegeben (CRIME-Angriff).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>ServerHello ends early</source>
        <translation>ServerHello endet zu früh</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The cipher suite the server chose from the client&apos;s list: it fixes the record encryption and the hash of the key schedule.</source>
        <translation>Die Cipher Suite, die der Server aus der Liste des Clients gewählt hat: Sie legt die Record-Verschlüsselung und den Hash der Schlüsselableitung (Key Schedule) fest.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compression Method: null (%1)</source>
        <translation>Kompressionsmethode: null (%1)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Session Ticket Lifetime Hint: %1 seconds</source>
        <translation>Lebensdauer-Hinweis des Session Tickets: %1 Sekunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long the client may keep the ticket to resume.</source>
        <translation>Wie lange der Client das Ticket zur Wiederaufnahme aufbewahren darf.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Session Ticket Age Add: %1</source>
        <translation>Ticket-Alterszuschlag (ticket_age_add): %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A secret offset the client adds to the ticket age, so observers cannot link resumptions by time.</source>
        <translation>Ein geheimer Versatz, den der Client zum Ticket-Alter addiert, damit Beobachter Wiederaufnahmen nicht über die Zeit verknüpfen können.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ticket nonce runs past the message</source>
        <translation>Ticket-Nonce reicht über die Nachricht hinaus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Session Ticket Nonce Length: %1</source>
        <translation>Länge der Session-Ticket-Nonce: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session Ticket Nonce: %1</source>
        <translation>Session-Ticket-Nonce: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ticket length %1 runs past the message</source>
        <translation>Ticket-Länge %1 reicht über die Nachricht hinaus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Session Ticket Length: %1</source>
        <translation>Länge des Session Tickets: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The session state encrypted with a key only the server knows; the client sends it back to resume.</source>
        <translation>Der Sitzungszustand, verschlüsselt mit einem Schlüssel, den nur der Server kennt; der Client schickt ihn zur Wiederaufnahme zurück.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The first encrypted message in TLS 1.3: extensions that need not be visible to the network (ALPN, early data accepted).</source>
        <translation>Die erste verschlüsselte Nachricht in TLS 1.3: Extensions, die das Netz nicht sehen muss (ALPN, Annahme von Early Data).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Certificate Request Context Length: %1</source>
        <translation>Länge des Certificate Request Context: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>certificates length %1 does not fit</source>
        <translation>Länge der Zertifikate %1 passt nicht</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Certificates Length: %1</source>
        <translation>Länge der Zertifikate: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificates (%1 bytes)</source>
        <translation>Zertifikate (%1 Bytes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The certificate chain: the server&apos;s own certificate first, then the intermediates towards a CA the client trusts.</source>
        <translation>Die Zertifikatskette: zuerst das eigene Zertifikat des Servers, dann die Zwischenzertifikate bis zu einer Zertifizierungsstelle (CA), der der Client vertraut.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>certificate length %1 runs past the list</source>
        <translation>Zertifikatslänge %1 reicht über die Liste hinaus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Certificate Length: %1</source>
        <translation>Zertifikatslänge: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Certificate (%1 bytes, not parsable X.509)</source>
        <translation>Zertifikat (%1 Bytes, nicht als X.509 lesbar)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Certificate: %1</source>
        <translation>Zertifikat: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An X.509 certificate (DER): a public key, the names it is valid for, a validity period, signed by the issuer.</source>
        <translation>Ein X.509-Zertifikat (DER): ein öffentlicher Schlüssel, die Namen, für die es gilt, ein Gültigkeitszeitraum, signiert vom Aussteller.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subject: %1</source>
        <translation>Inhaber (Subject): %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issuer: %1</source>
        <translation>Aussteller (Issuer): %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issuer equals subject: a self-signed certificate.</source>
        <translation>Aussteller gleich Inhaber: ein selbstsigniertes Zertifikat.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validity: %1</source>
        <translation>Gültigkeit: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>certificate extensions run past the list</source>
        <translation>Zertifikats-Extensions reichen über die Liste hinaus</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Curve Type: %1</source>
        <translation>Kurventyp: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ServerKeyExchange ends early</source>
        <translation>ServerKeyExchange endet zu früh</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>EC Diffie-Hellman Server Params</source>
        <translation>EC-Diffie-Hellman-Serverparameter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server&apos;s ephemeral key for this connection only, signed with its certificate key. Thrown away after the handshake: that is forward secrecy.</source>
        <translation>Der kurzlebige Schlüssel des Servers, nur für diese Verbindung, signiert mit dem Schlüssel seines Zertifikats. Nach dem Handshake wird er verworfen: Das ist Forward Secrecy.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Curve Type: named_curve (0x03)</source>
        <translation>Kurventyp: named_curve (0x03)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Named Curve: %1 (%2)</source>
        <translation>Benannte Kurve: %1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+60"/>
        <source>Pubkey Length: %1</source>
        <translation>Länge des öffentlichen Schlüssels: %1</translation>
    </message>
    <message>
        <location line="-59"/>
        <location line="+60"/>
        <source>Pubkey: %1</source>
        <translation>Öffentlicher Schlüssel: %1</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Signature Length: %1</source>
        <translation>Signaturlänge: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+68"/>
        <source>Signature: %1</source>
        <translation>Signatur: %1</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>Signed over both randoms and the key: proves the key comes from the certificate&apos;s owner.</source>
        <translation>Signiert über beide Zufallswerte und den Schlüssel: beweist, dass der Schlüssel vom Inhaber des Zertifikats stammt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+60"/>
        <source>signature runs past the message</source>
        <translation>Signatur reicht über die Nachricht hinaus</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>encrypted premaster length %1 runs past the message</source>
        <translation>Länge des verschlüsselten Premaster Secret %1 reicht über die Nachricht hinaus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>RSA Encrypted PreMaster Secret</source>
        <translation>RSA-verschlüsseltes PreMaster Secret</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The client made 48 random bytes (the premaster secret) and encrypted them with the server certificate&apos;s public key. Whoever has the server&apos;s private key, today or in ten years, can decrypt them and with them the whole session: no forward secrecy.</source>
        <translation>Der Client hat 48 Zufallsbytes erzeugt (das Premaster Secret) und sie mit dem öffentlichen Schlüssel aus dem Server-Zertifikat verschlüsselt. Wer den privaten Schlüssel des Servers besitzt, heute oder in zehn Jahren, kann sie entschlüsseln und damit die ganze Sitzung: keine Forward Secrecy.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Encrypted PreMaster length: %1</source>
        <translation>Länge des verschlüsselten PreMaster Secret: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encrypted PreMaster: %1</source>
        <translation>Verschlüsseltes PreMaster Secret: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The premaster secret, encrypted to the server&apos;s RSA public key. The server&apos;s private key opens it, and with it every key of this session.</source>
        <translation>Das Premaster Secret, verschlüsselt mit dem öffentlichen RSA-Schlüssel des Servers. Der private Schlüssel des Servers öffnet es und damit jeden Schlüssel dieser Sitzung.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>client point length %1 runs past the message</source>
        <translation>Länge des Client-Punkts %1 reicht über die Nachricht hinaus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>EC Diffie-Hellman Client Params</source>
        <translation>EC-Diffie-Hellman-Clientparameter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The client&apos;s ephemeral public key. Both sides now compute the same shared secret; it never crosses the wire, so even the server&apos;s private key cannot recover it later.</source>
        <translation>Der kurzlebige öffentliche Schlüssel des Clients. Beide Seiten berechnen nun dasselbe gemeinsame Geheimnis; es wird nie übertragen, daher kann es selbst der private Schlüssel des Servers später nicht wiederherstellen.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Signature length: %1</source>
        <translation>Signaturlänge: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A signature with the certificate&apos;s private key over the hash of the handshake so far: proves the peer owns the certificate.</source>
        <translation>Eine Signatur mit dem privaten Schlüssel des Zertifikats über den Hash des bisherigen Handshakes: beweist, dass die Gegenseite das Zertifikat besitzt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Verify Data</source>
        <translation>Prüfdaten (Verify Data)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A MAC over every handshake message so far, keyed from the secrets: proves both sides saw the same handshake and hold the same keys.</source>
        <translation>Ein MAC über alle bisherigen Handshake-Nachrichten, mit einem aus den Secrets abgeleiteten Schlüssel: beweist, dass beide Seiten denselben Handshake gesehen haben und dieselben Schlüssel besitzen.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The client&apos;s 0-RTT data ends here; its next records use the handshake keys.</source>
        <translation>Die 0-RTT-Daten des Clients enden hier; seine nächsten Records verwenden die Handshake-Schlüssel.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>KeyUpdate without its request byte</source>
        <translation>KeyUpdate ohne Request-Byte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Key Update Request: %1 (%2)</source>
        <translation>Key-Update-Anforderung: %1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sender switches to the next traffic secret: HKDF-Expand-Label(secret, &quot;traffic upd&quot;, &quot;&quot;, Hash.length).</source>
        <translation>Der Sender wechselt zum nächsten Traffic Secret: HKDF-Expand-Label(secret, &quot;traffic upd&quot;, &quot;&quot;, Hash.length).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The server asks the client for a certificate (mutual TLS).</source>
        <translation>Der Server verlangt vom Client ein Zertifikat (Mutual TLS).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TLS 1.2: the server has sent all of its hello messages; the client&apos;s turn.</source>
        <translation>TLS 1.2: Der Server hat alle seine Hello-Nachrichten gesendet; jetzt ist der Client dran.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 ends before its fields do</source>
        <translation>%1 endet, bevor seine Felder vollständig sind</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>malformed %1</source>
        <translation>%1 fehlerhaft</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>The (EC)DHE shared secret stays inside OpenSSL and is not in the key log, so the early, handshake and master secrets (HKDF-Extract steps) cannot be recomputed from a capture. Shown: every step from the logged traffic secrets onwards.</source>
        <translation>Das gemeinsame (EC)DHE-Geheimnis bleibt in OpenSSL und steht nicht im Key Log, daher lassen sich Early Secret, Handshake Secret und Master Secret (HKDF-Extract-Schritte) nicht aus einem Mitschnitt nachrechnen. Gezeigt wird jeder Schritt ab den protokollierten Traffic Secrets.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The AEAD key that encrypts this direction&apos;s records.</source>
        <translation>Der AEAD-Schlüssel, der die Records dieser Richtung verschlüsselt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The IV; each record&apos;s nonce is this IV XOR the record sequence number.</source>
        <translation>Der IV; die Nonce jedes Records ist dieser IV XOR der Record-Sequenznummer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The key of the HMAC in this side&apos;s Finished message.</source>
        <translation>Der Schlüssel des HMAC in der Finished-Nachricht dieser Seite.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>RSA key transport: the premaster secret was decrypted from the ClientKeyExchange with the server&apos;s private key.</source>
        <translation>RSA-Schlüsseltransport: Das Premaster Secret wurde mit dem privaten Schlüssel des Servers aus dem ClientKeyExchange entschlüsselt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The premaster secret ((EC)DHE shared secret) is not in the key log; the key log gives the master secret, and every step from it is shown.</source>
        <translation>Das Premaster Secret (gemeinsames (EC)DHE-Geheimnis) steht nicht im Key Log; das Key Log liefert das Master Secret, und jeder Schritt ab diesem wird gezeigt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>master secret</source>
        <translation>Master Secret</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The 48-byte master secret every key of the session comes from.</source>
        <translation>Das 48 Byte lange Master Secret, aus dem jeder Schlüssel der Sitzung stammt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>key block</source>
        <translation>Schlüsselblock (Key Block)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cut into client_write_key, server_write_key, client_write_IV, server_write_IV (AEAD suites need no MAC keys).</source>
        <translation>Zerlegt in client_write_key, server_write_key, client_write_IV, server_write_IV (AEAD-Suites brauchen keine MAC-Schlüssel).</translation>
    </message>
</context>
<context>
    <name>wirelab::TlsLabInstance</name>
    <message>
        <location filename="../labs/tls/tlsinstance.cpp" line="+99"/>
        <source>Run %1 finished</source>
        <translation>Durchlauf %1 beendet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The lab is already running; stop it before starting it again.</source>
        <translation>Das Lab läuft bereits; stoppen Sie es, bevor Sie es neu starten.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The lab&apos;s certificate authority could not be opened in %1: %2</source>
        <translation>Die Zertifizierungsstelle (CA) des Labs konnte in %1 nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>TLS server &quot;%1&quot; listening on %2:%3</source>
        <translation>TLS-Server „%1“ lauscht auf %2:%3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Unknown key type %1.</source>
        <translation>Unbekannter Schlüsseltyp %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>RSA key transport needs an RSA server key; set cert.key_type to rsa2048 or rsa4096, or choose an ECDHE cipher.</source>
        <translation>RSA-Schlüsseltransport braucht einen RSA-Schlüssel auf dem Server; setzen Sie cert.key_type auf rsa2048 oder rsa4096, oder wählen Sie einen ECDHE-Cipher.</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>The lab&apos;s CA could not issue the &quot;%1&quot; certificate: %2</source>
        <translation>Die CA des Labs konnte das Zertifikat „%1“ nicht ausstellen: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The &quot;%1&quot; TLS server could not start: %2</source>
        <translation>Der TLS-Server „%1“ konnte nicht starten: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The &quot;%1&quot; TLS server could not start its thread.</source>
        <translation>Der TLS-Server „%1“ konnte seinen Thread nicht starten.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>No server &quot;%1&quot;.</source>
        <translation>Kein Server „%1“.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The lab is not running.</source>
        <translation>Das Lab läuft nicht.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 with %2 (%3)%4</source>
        <translation>%1 mit %2 (%3)%4</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>, resumed</source>
        <translation>, fortgesetzt</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+13"/>
        <source>The server gave no session ticket.</source>
        <translation>Der Server hat kein Session Ticket ausgegeben.</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>First: %1; second: %2</source>
        <translation>Erste Verbindung: %1; zweite: %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Resumed: %1; early data %2; first flight %3 bytes recorded</source>
        <translation>Fortgesetzt: %1; Early Data %2; erster Flight mit %3 Bytes aufgezeichnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No first flight recorded yet: send early data first.</source>
        <translation>Noch kein erster Flight aufgezeichnet: Senden Sie zuerst Early Data.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The recorded flight was older than %1 s, so a fresh one was recorded first. </source>
        <translation>Der aufgezeichnete Flight war älter als %1 s, deshalb wurde zuerst ein frischer aufgezeichnet. </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Replayed %1 bytes to the server with anti-replay %2; it answered %3 bytes.</source>
        <translation>%1 Bytes an den Server mit Anti-Replay %2 wiedereingespielt; er hat mit %3 Bytes geantwortet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The client accepted the certificate.</source>
        <translation>Der Client hat das Zertifikat akzeptiert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused: %1 (alert sent: %2)</source>
        <translation>Abgelehnt: %1 (gesendeter Alert: %2)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The RSA server&apos;s private key leaked (%1 bytes of PEM)</source>
        <translation>Der private Schlüssel des RSA-Servers wurde preisgegeben (%1 Bytes PEM)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server&apos;s private key is now in the event log.</source>
        <translation>Der private Schlüssel des Servers steht jetzt im Ereignisprotokoll.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Unknown action %1.</source>
        <translation>Unbekannte Aktion %1.</translation>
    </message>
</context>
</TS>
