#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Refreshes the Qt Linguist sources from the code:
#   app/gui          -> translations/wirelab_de.ts       (the shell)
#   core, labs and   -> translations/wirelab_labs_de.ts  (lab texts, runtime messages,
#   app/cli                                                 wirelab-cli output)
# Existing translations are kept; new strings come in as "unfinished" for a translator to fill in
# (open the .ts in Qt Linguist: `linguist translations/wirelab_de.ts`). The build compiles them with
# lrelease and embeds them, so nothing else needs doing.
set -eu
cd "$(dirname "$0")/.."
# Qt 6's lupdate: /usr/bin/lupdate on Debian is qtchooser's Qt 5 wrapper, which fails without Qt 5 tools.
LUPDATE=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
[ -x "$LUPDATE" ] || LUPDATE=$(command -v lupdate6 || command -v lupdate)
"$LUPDATE" -locations relative -no-obsolete -target-language de_DE app/gui -ts translations/wirelab_de.ts
"$LUPDATE" -locations relative -no-obsolete -target-language de_DE core labs app/cli -ts translations/wirelab_labs_de.ts
for ts in translations/wirelab_de.ts translations/wirelab_labs_de.ts; do
    left=$(grep -c 'type="unfinished"' "$ts" || true)
    echo "$ts: $left unfinished"
done
