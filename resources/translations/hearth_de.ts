<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>KitchenTicket</name>
    <message>
        <source>REPRINT</source>
        <comment>at the head of a kitchen ticket printed before</comment>
        <translation>NACHDRUCK</translation>
    </message>
    <message>
        <source>#%1</source>
        <comment>order number</comment>
        <translation>#%1</translation>
    </message>
    <message>
        <source>Received %1</source>
        <translation>Eingegangen: %1</translation>
    </message>
    <message>
        <source>ALLERGY</source>
        <translation>ALLERGIE</translation>
    </message>
    <message>
        <source>NOTE</source>
        <translation>NOTIZ</translation>
    </message>
    <message>
        <source>Printed %1</source>
        <translation>Gedruckt: %1</translation>
    </message>
    <message>
        <source>Table %1</source>
        <translation>Tisch %1</translation>
    </message>
    <message>
        <source>At the door by %1</source>
        <translation>An der Tür bis %1</translation>
    </message>
    <message>
        <source>Ready by %1</source>
        <translation>Fertig bis %1</translation>
    </message>
    <message>
        <source>Phone %1</source>
        <translation>Telefon %1</translation>
    </message>
</context>
<context>
    <name>QLabel</name>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to Hearth</source>
        <translation>Bei Hearth anmelden</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>bistro.example.com</source>
        <translation>bistro.example.com</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
</context>
<context>
    <name>StartAtLogin</name>
    <message>
        <source>Could not change %1.</source>
        <translation>%1 konnte nicht geändert werden.</translation>
    </message>
    <message>
        <source>Could not remove %1.</source>
        <translation>%1 konnte nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>WidgetSettingsEditor</name>
    <message>
        <source>Save state</source>
        <translation>Speicherstatus</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Choose between the conflicting changes</source>
        <translation>Zwischen den widersprüchlichen Änderungen wählen</translation>
    </message>
    <message>
        <source>Who else is here</source>
        <translation>Wer noch hier ist</translation>
    </message>
    <message>
        <source>Why the editor is read-only</source>
        <translation>Warum der Editor schreibgeschützt ist</translation>
    </message>
    <message>
        <source>Shown on the website</source>
        <translation>Auf der Website sichtbar</translation>
    </message>
    <message>
        <source>Show this widget on the website</source>
        <translation>Dieses Widget auf der Website anzeigen</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>&amp;Greeting:</source>
        <translation>&amp;Begrüßung:</translation>
    </message>
    <message>
        <source>Greeting</source>
        <translation>Begrüßung</translation>
    </message>
    <message>
        <source>Primary &amp;colour:</source>
        <translation>Haupt&amp;farbe:</translation>
    </message>
    <message>
        <source>Primary colour</source>
        <translation>Hauptfarbe</translation>
    </message>
    <message>
        <source>&amp;Button text:</source>
        <translation>B&amp;utton-Text:</translation>
    </message>
    <message>
        <source>Button text</source>
        <translation>Button-Text</translation>
    </message>
    <message>
        <source>Table booking</source>
        <translation>Tischreservierung</translation>
    </message>
    <message>
        <source>Largest &amp;party:</source>
        <translation>Größte &amp;Gruppe:</translation>
    </message>
    <message>
        <source>Largest party size</source>
        <translation>Größte Gruppengröße</translation>
    </message>
    <message>
        <source> guests</source>
        <translation> Gäste</translation>
    </message>
    <message>
        <source>Book at least:</source>
        <translation>Reservierung mindestens:</translation>
    </message>
    <message>
        <source>Lead time in minutes</source>
        <translation>Vorlaufzeit in Minuten</translation>
    </message>
    <message>
        <source> min ahead</source>
        <translation> Min. im Voraus</translation>
    </message>
    <message>
        <source>&amp;Slots every:</source>
        <translation>&amp;Zeitfenster alle:</translation>
    </message>
    <message>
        <source>Slot length</source>
        <translation>Länge der Zeitfenster</translation>
    </message>
    <message>
        <source>Online ordering</source>
        <translation>Online-Bestellung</translation>
    </message>
    <message>
        <source>&amp;Minimum order:</source>
        <translation>&amp;Mindestbestellwert:</translation>
    </message>
    <message>
        <source>Minimum order value</source>
        <translation>Mindestbestellwert</translation>
    </message>
    <message>
        <source>Guests can pick up</source>
        <translation>Gäste können abholen</translation>
    </message>
    <message>
        <source>Pickup</source>
        <translation>Abholung</translation>
    </message>
    <message>
        <source>We deliver</source>
        <translation>Wir liefern</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Lieferung</translation>
    </message>
    <message>
        <source>Pause online orders</source>
        <translation>Online-Bestellungen pausieren</translation>
    </message>
    <message>
        <source>The widget stays on the website but takes no orders, for a busy night</source>
        <translation>Das Widget bleibt auf der Website, nimmt aber keine Bestellungen an – für einen vollen Abend</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>Öffnungszeiten</translation>
    </message>
    <message>
        <source>Preview — as guests see it</source>
        <translation>Vorschau – so sehen es die Gäste</translation>
    </message>
</context>
<context>
    <name>hearth::AnalyticsCharts</name>
    <message>
        <source>Widget events per minute, last hour</source>
        <translation>Widget-Ereignisse pro Minute, letzte Stunde</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Widget views per hour</source>
        <translation>Widget-Aufrufe pro Stunde</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>%1 last week</source>
        <extracomment>The same weekday a week ago, e.g. &quot;Tuesday last week&quot;</extracomment>
        <translation>%1 letzte Woche</translation>
    </message>
</context>
<context>
    <name>hearth::AnalyticsFeedModel</name>
    <message>
        <source>Viewed the widget</source>
        <translation>Widget angesehen</translation>
    </message>
    <message>
        <source>Opened it</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <source>Started a booking</source>
        <translation>Reservierung begonnen</translation>
    </message>
    <message>
        <source>Booked a table</source>
        <translation>Tisch reserviert</translation>
    </message>
    <message>
        <source>Started an order</source>
        <translation>Bestellung begonnen</translation>
    </message>
    <message>
        <source>Placed an order</source>
        <translation>Bestellung aufgegeben</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Widget</source>
        <translation>Widget</translation>
    </message>
    <message>
        <source>What the guest did</source>
        <translation>Was der Gast tat</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>hearth::AnalyticsFunnelModel</name>
    <message>
        <source>Viewed</source>
        <translation>Angesehen</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <source>Started a booking or order</source>
        <translation>Reservierung oder Bestellung begonnen</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>%1 %</source>
        <extracomment>A conversion rate, e.g. &quot;12.5 %&quot;</extracomment>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>Gäste</translation>
    </message>
    <message>
        <source>From the step before</source>
        <translation>Vom Schritt davor</translation>
    </message>
    <message>
        <source>Of all views</source>
        <translation>Von allen Aufrufen</translation>
    </message>
</context>
<context>
    <name>hearth::AnalyticsPage</name>
    <message>
        <source>Widget views</source>
        <translation>Widget-Aufrufe</translation>
    </message>
    <message>
        <source>Bookings and orders completed</source>
        <translation>Abgeschlossene Reservierungen und Bestellungen</translation>
    </message>
    <message>
        <source>Conversion, views to completed</source>
        <translation>Konversion, Aufruf bis Abschluss</translation>
    </message>
    <message>
        <source>Revenue from online orders</source>
        <translation>Umsatz aus Online-Bestellungen</translation>
    </message>
    <message>
        <source>Nothing yet — each step a guest takes on the website appears here.</source>
        <translation>Noch nichts — jeder Schritt eines Gastes auf der Website erscheint hier.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Funnel&lt;/b&gt; — from a look at the widget to a booking or an order</source>
        <translation>&lt;b&gt;Trichter&lt;/b&gt; — vom Blick auf das Widget bis zur Reservierung oder Bestellung</translation>
    </message>
    <message>
        <source>&lt;b&gt;Live&lt;/b&gt; — the newest steps guests took</source>
        <translation>&lt;b&gt;Live&lt;/b&gt; — die neuesten Schritte der Gäste</translation>
    </message>
    <message>
        <source>Widget</source>
        <translation>Widget</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Widget:</source>
        <translation>Widget:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>to:</source>
        <translation>bis:</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 Tage</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>PNG exportieren…</translation>
    </message>
    <message>
        <source>Not up to date: %1</source>
        <extracomment>The analytics could not be loaded; %1 says why</extracomment>
        <translation>Nicht aktuell: %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>All widgets</source>
        <translation>Alle Widgets</translation>
    </message>
    <message>
        <source>Period starting</source>
        <translation>Zeitraum ab</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Export analytics</source>
        <translation>Auswertung exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>Die Datei konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Save a picture of the analytics</source>
        <translation>Bild der Auswertung speichern</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>The picture could not be saved.</source>
        <translation>Das Bild konnte nicht gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>hearth::AttentionPolicy</name>
    <message>
        <source>#%1</source>
        <comment>order number</comment>
        <translation>#%1</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>Neue Bestellung</translation>
    </message>
    <message>
        <source>Order still waiting</source>
        <translation>Bestellung wartet noch</translation>
    </message>
    <message>
        <source>New order %1</source>
        <translation>Neue Bestellung %1</translation>
    </message>
    <message>
        <source>%1 new orders: %2</source>
        <translation>%1 neue Bestellungen: %2</translation>
    </message>
    <message>
        <source>Order %1 is still waiting to be acknowledged (%2 min)</source>
        <translation>Bestellung %1 wartet noch auf Bestätigung (%2 min)</translation>
    </message>
    <message>
        <source>%1 orders are still waiting to be acknowledged: %2</source>
        <translation>%1 Bestellungen warten noch auf Bestätigung: %2</translation>
    </message>
</context>
<context>
    <name>hearth::AutoSaver</name>
    <message>
        <source>Your account may not change widgets, so this change is not saved.</source>
        <translation>Ihr Konto darf keine Widgets ändern, daher wird diese Änderung nicht gespeichert.</translation>
    </message>
</context>
<context>
    <name>hearth::ColorField</name>
    <message>
        <source>Choose the primary colour</source>
        <translation>Hauptfarbe auswählen</translation>
    </message>
    <message>
        <source>Choose a colour…</source>
        <translation>Farbe auswählen…</translation>
    </message>
    <message>
        <source>Primary colour as hex</source>
        <translation>Hauptfarbe als Hex-Wert</translation>
    </message>
    <message>
        <source>Primary colour</source>
        <translation>Hauptfarbe</translation>
    </message>
</context>
<context>
    <name>hearth::ConflictChooser</name>
    <message>
        <source>Choose between the changes</source>
        <translation>Zwischen den Änderungen wählen</translation>
    </message>
    <message>
        <source>These settings were changed here and on another PC at the same time. Choose which value each one keeps; then it is saved.</source>
        <translation>Diese Einstellungen wurden gleichzeitig hier und auf einem anderen PC geändert. Wählen Sie, welchen Wert jede behält; danach wird gespeichert.</translation>
    </message>
    <message>
        <source>These settings were changed here and by %1 at the same time. Choose which value each one keeps; then it is saved.</source>
        <translation>Diese Einstellungen wurden gleichzeitig hier und von %1 geändert. Wählen Sie, welchen Wert jede behält; danach wird gespeichert.</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <source>Mine
(this PC)</source>
        <translation>Meine Werte
(dieser PC)</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Andere Werte</translation>
    </message>
    <message>
        <source>Theirs
(%1)</source>
        <comment>who made the other change</comment>
        <translation>Werte von
%1</translation>
    </message>
    <message>
        <source>Keep my %1: %2</source>
        <translation>Meinen Wert behalten – %1: %2</translation>
    </message>
    <message>
        <source>Take their %1: %2</source>
        <translation>Anderen Wert übernehmen – %1: %2</translation>
    </message>
    <message>
        <source>Keep all mine</source>
        <translation>Alle meine behalten</translation>
    </message>
    <message>
        <source>Take all theirs</source>
        <translation>Alle anderen übernehmen</translation>
    </message>
    <message>
        <source>Save these choices</source>
        <translation>Diese Auswahl speichern</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>Später entscheiden</translation>
    </message>
</context>
<context>
    <name>hearth::ConnectionCheck</name>
    <message>
        <source>Hearth API answers (epoch %1)</source>
        <translation>Hearth-API antwortet (Epoche %1)</translation>
    </message>
    <message>
        <source>Something answers there, but not a Hearth server: %1 Check the address and path.</source>
        <translation>Dort antwortet etwas, aber kein Hearth-Server: %1 Prüfen Sie Adresse und Pfad.</translation>
    </message>
    <message>
        <source>signed in as %1 (%2) at %3</source>
        <translation>angemeldet als %1 (%2) bei %3</translation>
    </message>
    <message>
        <source>no credentials given</source>
        <translation>keine Zugangsdaten angegeben</translation>
    </message>
    <message>
        <source>Give --token, or --user with the password in HEARTH_PASSWORD.</source>
        <translation>Geben Sie --token an, oder --user mit dem Passwort in HEARTH_PASSWORD.</translation>
    </message>
    <message>
        <source>the token is accepted</source>
        <translation>das Token wird akzeptiert</translation>
    </message>
    <message>
        <source>no answer within the time limit</source>
        <translation>keine Antwort innerhalb der Frist</translation>
    </message>
    <message>
        <source>The server did not answer on its WebSocket. A proxy or firewall may block WebSocket upgrades.</source>
        <translation>Der Server hat über seinen WebSocket nicht geantwortet. Möglicherweise blockiert ein Proxy oder eine Firewall WebSocket-Upgrades.</translation>
    </message>
    <message>
        <source>WebSocket open at %1, server epoch %2</source>
        <translation>WebSocket offen bei %1, Server-Epoche %2</translation>
    </message>
    <message>
        <source>subscribed to %1 at seq %2</source>
        <translation>%1 abonniert bei seq %2</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
<context>
    <name>hearth::ConnectionStatus</name>
    <message>
        <source>connecting…</source>
        <translation>verbinde…</translation>
    </message>
    <message numerus="yes">
        <source>reconnecting in %n s</source>
        <comment>countdown</comment>
        <translation>
            <numerusform>neue Verbindung in %n s</numerusform>
            <numerusform>neue Verbindung in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>reconnecting…</source>
        <translation>verbinde neu…</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Live · orders incomplete</source>
        <comment>connected, but a reload of the orders keeps failing</comment>
        <translation>Live · Bestellungen unvollständig</translation>
    </message>
    <message>
        <source>Polling</source>
        <translation>Abfrage</translation>
    </message>
    <message>
        <source>Polling · %1</source>
        <comment>polling, then the reconnect countdown</comment>
        <translation>Abfrage · %1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Offline — orders are not updating</source>
        <translation>Offline – Bestellungen werden nicht aktualisiert</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>live updates</source>
        <comment>how the orders reach this computer</comment>
        <translation>Live-Aktualisierung</translation>
    </message>
    <message>
        <source>checking every few seconds</source>
        <comment>how the orders reach this computer</comment>
        <translation>Abfrage alle paar Sekunden</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <comment>how the orders reach this computer</comment>
        <translation>verbinde neu</translation>
    </message>
    <message>
        <source>offline</source>
        <comment>how the orders reach this computer</comment>
        <translation>offline</translation>
    </message>
    <message>
        <source>signed out</source>
        <comment>how the orders reach this computer</comment>
        <translation>abgemeldet</translation>
    </message>
    <message>
        <source>&lt; 1 ms</source>
        <comment>round-trip time under a millisecond</comment>
        <translation>&lt; 1 ms</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <comment>round-trip time</comment>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>none yet</source>
        <comment>no order event received yet</comment>
        <translation>noch keine</translation>
    </message>
    <message>
        <source>Last order change: %1</source>
        <comment>age of the last order event</comment>
        <translation>Letzte Bestelländerung: %1</translation>
    </message>
    <message>
        <source>Last checked: %1</source>
        <comment>age of the last successful poll</comment>
        <translation>Zuletzt abgefragt: %1</translation>
    </message>
    <message>
        <source>Saved orders from %1</source>
        <comment>age of the locally cached orders</comment>
        <translation>Gespeicherte Bestellungen von %1</translation>
    </message>
    <message>
        <source>No orders received yet</source>
        <translation>Noch keine Bestellungen empfangen</translation>
    </message>
    <message>
        <source>Last update: %1</source>
        <comment>age of the last data known to be current</comment>
        <translation>Letzte Aktualisierung: %1</translation>
    </message>
    <message numerus="yes">
        <source>Next try in %n s</source>
        <comment>countdown to the next reconnect</comment>
        <translation>
            <numerusform>Nächster Versuch in %n s</numerusform>
            <numerusform>Nächster Versuch in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n s ago</source>
        <comment>age in seconds</comment>
        <translation>
            <numerusform>vor %n s</numerusform>
            <numerusform>vor %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <comment>age in minutes</comment>
        <translation>
            <numerusform>vor %n Min.</numerusform>
            <numerusform>vor %n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <comment>age in hours</comment>
        <translation>
            <numerusform>vor %n Std.</numerusform>
            <numerusform>vor %n Std.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hearth::ConnectionStatusBar</name>
    <message>
        <source>Reconnect now</source>
        <translation>Jetzt neu verbinden</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <source>Sign in again so the orders update</source>
        <translation>Erneut anmelden, damit die Bestellungen aktualisiert werden</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Details…</translation>
    </message>
    <message>
        <source>Connection details, and a report to copy for support</source>
        <translation>Verbindungsdetails und ein Bericht zum Kopieren für den Support</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <comment>live updates / checking every few seconds / offline</comment>
        <translation>Verbindung: %1</translation>
    </message>
    <message>
        <source>Round trip: %1</source>
        <translation>Antwortzeit: %1</translation>
    </message>
</context>
<context>
    <name>hearth::Dashboard</name>
    <message>
        <source>Widget edits waiting to be saved (outbox)</source>
        <translation>Widget-Änderungen, die auf das Speichern warten (Postausgang)</translation>
    </message>
    <message>
        <source>Order changes waiting to be sent</source>
        <translation>Bestelländerungen, die auf das Senden warten</translation>
    </message>
    <message>
        <source>Analytics frames kept during a load</source>
        <translation>Während eines Ladevorgangs gehaltene Auswertungs-Frames</translation>
    </message>
</context>
<context>
    <name>hearth::DiagnosticsModel</name>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>verbinde</translation>
    </message>
    <message>
        <source>live updates</source>
        <translation>Live-Aktualisierung</translation>
    </message>
    <message>
        <source>waiting to reconnect</source>
        <translation>wartet auf neue Verbindung</translation>
    </message>
    <message>
        <source>signed out</source>
        <translation>abgemeldet</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Checking for orders every few seconds</source>
        <translation>Abfrage der Bestellungen alle paar Sekunden</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message numerus="yes">
        <source>yes (%n checks made; the last one failed)</source>
        <translation>
            <numerusform>ja (%n Abfrage; sie ist fehlgeschlagen)</numerusform>
            <numerusform>ja (%n Abfragen; die letzte ist fehlgeschlagen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>yes (%n checks made)</source>
        <translation>
            <numerusform>ja (%n Abfrage)</numerusform>
            <numerusform>ja (%n Abfragen)</numerusform>
        </translation>
    </message>
    <message>
        <source>WebSockets open (must be 1 while live)</source>
        <translation>Offene WebSockets (live muss es 1 sein)</translation>
    </message>
    <message>
        <source>WebSockets opened in all</source>
        <translation>Insgesamt geöffnete WebSockets</translation>
    </message>
    <message>
        <source>Reconnects</source>
        <translation>Neuverbindungen</translation>
    </message>
    <message>
        <source>Connections that went silent</source>
        <translation>Verstummte Verbindungen</translation>
    </message>
    <message>
        <source>Reconnects to catch up (updates came faster than shown)</source>
        <translation>Neuverbindungen zum Aufholen (Aktualisierungen kamen schneller als angezeigt)</translation>
    </message>
    <message>
        <source>Subscriptions (subscribers)</source>
        <translation>Abonnements (Abonnenten)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Events received</source>
        <translation>Empfangene Ereignisse</translation>
    </message>
    <message>
        <source>Events per second (last 1 s / 10 s)</source>
        <translation>Ereignisse pro Sekunde (letzte 1 s / 10 s)</translation>
    </message>
    <message>
        <source>Bytes received</source>
        <translation>Empfangene Bytes</translation>
    </message>
    <message>
        <source>Malformed frames dropped</source>
        <translation>Verworfene fehlerhafte Frames</translation>
    </message>
    <message>
        <source>Invalid payloads dropped</source>
        <translation>Verworfene ungültige Nutzdaten</translation>
    </message>
    <message>
        <source>Duplicate events dropped</source>
        <translation>Verworfene doppelte Ereignisse</translation>
    </message>
    <message>
        <source>Gaps detected</source>
        <translation>Erkannte Lücken</translation>
    </message>
    <message>
        <source>Snapshots requested</source>
        <translation>Angeforderte Snapshots</translation>
    </message>
    <message>
        <source>Subscriptions re-sent / timed out / refused</source>
        <translation>Abonnements erneut gesendet / abgelaufen / abgelehnt</translation>
    </message>
    <message>
        <source>Sleeps detected / network returns</source>
        <translation>Ruhezustände erkannt / Netzwerk wieder da</translation>
    </message>
    <message>
        <source>Outgoing frames queued / refused</source>
        <translation>Ausgehende Frames eingereiht / abgelehnt</translation>
    </message>
    <message>
        <source>Round trip</source>
        <translation>Antwortzeit</translation>
    </message>
    <message>
        <source>not measured yet</source>
        <translation>noch nicht gemessen</translation>
    </message>
    <message>
        <source>Last update received</source>
        <translation>Letzte empfangene Aktualisierung</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Recent errors</source>
        <translation>Letzte Fehler</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>hearth::DiagnosticsPanel</name>
    <message>
        <source>Connection diagnostics</source>
        <translation>Verbindungsdiagnose</translation>
    </message>
    <message>
        <source>Copy for support</source>
        <translation>Für den Support kopieren</translation>
    </message>
</context>
<context>
    <name>hearth::InventoryClient</name>
    <message>
        <source>This item is no longer in the inventory.</source>
        <translation>Diesen Artikel gibt es im Lager nicht mehr.</translation>
    </message>
</context>
<context>
    <name>hearth::InventoryModel</name>
    <message>
        <source>%1 %2</source>
        <extracomment>%1 is a number, %2 its unit as the restaurant wrote it (&quot;kg&quot;, &quot;cans&quot;)</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 is low: %2 available, alert at %3 or fewer</source>
        <extracomment>%1 the item, %2 the available units with unit, %3 the threshold</extracomment>
        <translation>%1 wird knapp: %2 verfügbar, Warnung bei %3 oder weniger</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Beschädigt</translation>
    </message>
    <message>
        <source>Low at</source>
        <translation>Knapp ab</translation>
    </message>
</context>
<context>
    <name>hearth::InventoryPage</name>
    <message>
        <source>Stock cannot be below zero. Count what is on the shelf.</source>
        <translation>Der Bestand kann nicht unter null liegen. Zählen Sie, was im Regal steht.</translation>
    </message>
    <message>
        <source>Damaged cannot be below zero.</source>
        <translation>Beschädigt kann nicht unter null liegen.</translation>
    </message>
    <message>
        <source>Damaged cannot be more than the stock (%1): damaged units are part of the stock. Lower damaged, or count the stock again.</source>
        <extracomment>%1 is the stock with its unit (&quot;12 kg&quot;)</extracomment>
        <translation>Beschädigt kann nicht mehr sein als der Bestand (%1): Beschädigte Einheiten gehören zum Bestand. Verringern Sie „Beschädigt“ oder zählen Sie den Bestand neu.</translation>
    </message>
    <message>
        <source>The low-stock alert cannot be below zero.</source>
        <translation>Die Warnschwelle kann nicht unter null liegen.</translation>
    </message>
    <message>
        <source>That number is too large to be a real count.</source>
        <translation>Diese Zahl ist zu groß für eine echte Zählung.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Stock&lt;/b&gt;</source>
        <translation>&lt;b&gt;Bestand&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&amp;Low only</source>
        <translation>Nur &amp;knappe</translation>
    </message>
    <message>
        <source>Show only the items at or below their low-stock alert</source>
        <translation>Nur Artikel zeigen, die ihre Warnschwelle erreicht haben</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Zählung</translation>
    </message>
    <message>
        <source>Everything on the shelf, damaged units included</source>
        <translation>Alles im Regal, beschädigte Einheiten eingeschlossen</translation>
    </message>
    <message>
        <source>Units on the shelf that cannot be sold</source>
        <translation>Einheiten im Regal, die nicht verkauft werden können</translation>
    </message>
    <message>
        <source>&amp;Stock:</source>
        <translation>Bestand (&amp;insgesamt):</translation>
    </message>
    <message>
        <source>&amp;Damaged:</source>
        <translation>Bes&amp;chädigt:</translation>
    </message>
    <message>
        <source>Alert at or &amp;below:</source>
        <translation>&amp;Warnen bei höchstens:</translation>
    </message>
    <message>
        <source>Save count</source>
        <translation>Zählung speichern</translation>
    </message>
    <message>
        <source>&lt;b&gt;Menu availability&lt;/b&gt;</source>
        <translation>&lt;b&gt;Verfügbarkeit der Speisekarte&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Menu availability</source>
        <translation>Verfügbarkeit der Speisekarte</translation>
    </message>
    <message>
        <source>Served on</source>
        <translation>Serviert am</translation>
    </message>
    <message>
        <source>No day chosen: served every day.</source>
        <translation>Kein Tag gewählt: jeden Tag serviert.</translation>
    </message>
    <message>
        <source>With no day chosen, a dish is served every day.</source>
        <translation>Ist kein Tag gewählt, wird ein Gericht jeden Tag serviert.</translation>
    </message>
    <message>
        <source>Choose an item to count it.</source>
        <translation>Wählen Sie einen Artikel, um ihn zu zählen.</translation>
    </message>
    <message>
        <source>Available after saving: %1</source>
        <extracomment>%1 the units that can be sold after this count (&quot;7 kg&quot;)</extracomment>
        <translation>Verfügbar nach dem Speichern: %1</translation>
    </message>
    <message>
        <source>(low)</source>
        <translation>(knapp)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>Saved: %1.</source>
        <extracomment>%1 the item&apos;s name</extracomment>
        <translation>Gespeichert: %1.</translation>
    </message>
    <message>
        <source>Someone changed %1 on another PC while you were counting. The numbers above are the current ones: check them and save again.</source>
        <extracomment>%1 the item&apos;s name</extracomment>
        <translation>Jemand hat %1 an einem anderen PC geändert, während Sie gezählt haben. Oben stehen die aktuellen Zahlen: Prüfen Sie sie und speichern Sie erneut.</translation>
    </message>
    <message>
        <source>Only a manager can change the low-stock alert. Your count was not saved; save it again without changing the alert.</source>
        <translation>Nur eine Leitung kann die Warnschwelle ändern. Ihre Zählung wurde nicht gespeichert; speichern Sie sie erneut, ohne die Schwelle zu ändern.</translation>
    </message>
    <message>
        <source>Choose a dish to set its days.</source>
        <translation>Wählen Sie ein Gericht, um seine Tage festzulegen.</translation>
    </message>
    <message>
        <source>Only a manager can change the menu.</source>
        <translation>Nur eine Leitung kann die Speisekarte ändern.</translation>
    </message>
    <message>
        <source>Nothing is low</source>
        <extracomment>shown above the stock table; %1 a count of items</extracomment>
        <translation>Nichts ist knapp</translation>
    </message>
    <message>
        <source>1 item low</source>
        <translation>1 Artikel knapp</translation>
    </message>
    <message>
        <source>%1 items low</source>
        <translation>%1 Artikel knapp</translation>
    </message>
    <message>
        <source>The line is low when available units fall to this number</source>
        <translation>Der Artikel ist knapp, wenn die verfügbaren Einheiten auf diese Zahl fallen</translation>
    </message>
    <message>
        <source>Only a manager can change the low-stock alert</source>
        <translation>Nur eine Leitung kann die Warnschwelle ändern</translation>
    </message>
    <message>
        <source>Someone changed this dish on another PC; it is shown as it is now. Try again.</source>
        <translation>Jemand hat dieses Gericht an einem anderen PC geändert; es wird so gezeigt, wie es jetzt ist. Versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>hearth::ItemTotalsModel</name>
    <message>
        <source>%1 ×%2</source>
        <comment>item name and how many the open orders hold</comment>
        <translation>%1 ×%2</translation>
    </message>
</context>
<context>
    <name>hearth::KeychainTokenVault</name>
    <message>
        <source>This PC has no keychain Hearth can use, so it will ask for the password at every start.</source>
        <translation>Dieser PC hat keinen Schlüsselbund, den Hearth nutzen kann; daher fragt Hearth bei jedem Start nach dem Passwort.</translation>
    </message>
    <message>
        <source>The keychain did not let Hearth keep the sign-in, so it will ask for the password at the next start.</source>
        <translation>Der Schlüsselbund hat Hearth die Anmeldung nicht speichern lassen; daher fragt Hearth beim nächsten Start nach dem Passwort.</translation>
    </message>
    <message>
        <source>The keychain could not keep the sign-in, so Hearth will ask for the password at the next start.</source>
        <translation>Der Schlüsselbund konnte die Anmeldung nicht speichern; daher fragt Hearth beim nächsten Start nach dem Passwort.</translation>
    </message>
</context>
<context>
    <name>hearth::KitchenPanel</name>
    <message>
        <source>Kitchen load</source>
        <translation>Küchenauslastung</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Online orders are paused automatically until the kitchen catches up.</source>
        <translation>Online-Bestellungen sind automatisch pausiert, bis die Küche aufgeholt hat.</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Follow the kitchen</source>
        <translation>Der Küche folgen</translation>
    </message>
    <message>
        <source>Keep online orders open</source>
        <translation>Online-Bestellungen offen lassen</translation>
    </message>
    <message>
        <source>Keep online orders paused</source>
        <translation>Online-Bestellungen pausiert lassen</translation>
    </message>
    <message>
        <source>Longer lead time from a load of</source>
        <translation>Längere Vorlaufzeit ab einer Auslastung von</translation>
    </message>
    <message>
        <source>Pause online orders from a load of</source>
        <translation>Online-Bestellungen pausieren ab einer Auslastung von</translation>
    </message>
    <message>
        <source>Lead time quoted normally</source>
        <translation>Normal genannte Vorlaufzeit</translation>
    </message>
    <message>
        <source>Online orders</source>
        <translation>Online-Bestellungen</translation>
    </message>
    <message>
        <source>Reading the kitchen&apos;s load…</source>
        <translation>Küchenauslastung wird gelesen…</translation>
    </message>
    <message>
        <source>Kitchen load %1: above the pause threshold (%2).</source>
        <translation>Küchenauslastung %1: über der Pausenschwelle (%2).</translation>
    </message>
    <message>
        <source>Kitchen load %1: busy — online orders are quoted %2 minutes.</source>
        <translation>Küchenauslastung %1: viel los — Online-Bestellungen werden mit %2 Minuten angegeben.</translation>
    </message>
    <message>
        <source>Kitchen load %1. No thresholds set: the load does not change this widget.</source>
        <translation>Küchenauslastung %1. Keine Schwellen gesetzt: Die Auslastung ändert dieses Widget nicht.</translation>
    </message>
    <message>
        <source>Kitchen load %1: normal — online orders are quoted %2 minutes.</source>
        <translation>Küchenauslastung %1: normal — Online-Bestellungen werden mit %2 Minuten angegeben.</translation>
    </message>
    <message>
        <source>A manager keeps online orders open.</source>
        <translation>Ein Manager lässt Online-Bestellungen offen.</translation>
    </message>
    <message>
        <source>A manager keeps online orders paused.</source>
        <translation>Ein Manager lässt Online-Bestellungen pausiert.</translation>
    </message>
</context>
<context>
    <name>hearth::LowStockNotifier</name>
    <message>
        <source>%1 is running low</source>
        <extracomment>a desktop notice&apos;s title; %1 the item (&quot;Eggs&quot;)</extracomment>
        <translation>%1 wird knapp</translation>
    </message>
    <message>
        <source>None left to use. Click to open the inventory.</source>
        <translation>Nichts mehr verwendbar. Klicken, um das Lager zu öffnen.</translation>
    </message>
    <message>
        <source>%1 left (alert at %2). Click to open the inventory.</source>
        <extracomment>%1 the units left with their unit (&quot;5 kg&quot;), %2 the alert threshold</extracomment>
        <translation>Noch %1 (Warnung bei %2). Klicken, um das Lager zu öffnen.</translation>
    </message>
</context>
<context>
    <name>hearth::MainMenu</name>
    <message>
        <source>Menu bar</source>
        <translation>Menüleiste</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Print kitchen ticket…</source>
        <translation>Küchenbon &amp;drucken…</translation>
    </message>
    <message>
        <source>Print the selected order for the kitchen (to a PDF file where there is no printer)</source>
        <translation>Die ausgewählte Bestellung für die Küche drucken (als PDF-Datei, wenn kein Drucker da ist)</translation>
    </message>
    <message>
        <source>&amp;Export view as CSV…</source>
        <translation>Ansicht als CSV &amp;exportieren…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Kitchen mode (large, high contrast)</source>
        <translation>&amp;Küchenmodus (groß, hoher Kontrast)</translation>
    </message>
    <message>
        <source>&amp;Bigger text</source>
        <translation>&amp;Größere Schrift</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>K&amp;leinere Schrift</translation>
    </message>
    <message>
        <source>&amp;Normal text size</source>
        <translation>&amp;Normale Schriftgröße</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>&amp;Spalten</translation>
    </message>
    <message>
        <source>C&amp;hime for new orders</source>
        <translation>&amp;Ton bei neuen Bestellungen</translation>
    </message>
    <message>
        <source>&amp;Desktop notice for new orders</source>
        <translation>&amp;Desktop-Hinweis bei neuen Bestellungen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Copy diagnostics</source>
        <translation>Diagnose &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy a report on the connection for whoever supports this PC</source>
        <translation>Einen Bericht über die Verbindung für den Betreuer dieses PCs kopieren</translation>
    </message>
    <message>
        <source>&amp;About Hearth</source>
        <translation>&amp;Über Hearth</translation>
    </message>
    <message>
        <source>About Hearth</source>
        <translation>Über Hearth</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Hearth %1&lt;/h3&gt;&lt;p&gt;Live orders and website widgets for the restaurant&apos;s back office.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Hearth %1&lt;/h3&gt;&lt;p&gt;Aktuelle Bestellungen und Website-Widgets für das Büro des Restaurants.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>hearth::MainWindow</name>
    <message>
        <source>Acknowledge</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Start preparing</source>
        <translation>Zubereitung starten</translation>
    </message>
    <message>
        <source>Mark ready</source>
        <translation>Als fertig markieren</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Abschließen</translation>
    </message>
    <message>
        <source>Move on</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Widgets</source>
        <translation>Widgets</translation>
    </message>
    <message>
        <source>Live orders (Ctrl+1)</source>
        <translation>Aktuelle Bestellungen (Strg+1)</translation>
    </message>
    <message>
        <source>The website&apos;s booking and ordering widgets (Ctrl+2)</source>
        <translation>Die Reservierungs- und Bestell-Widgets der Website (Strg+2)</translation>
    </message>
    <message>
        <source>Widgets are not available for this backend.</source>
        <translation>Widgets sind für dieses Backend nicht verfügbar.</translation>
    </message>
    <message>
        <source>Search orders</source>
        <translation>Bestellungen durchsuchen</translation>
    </message>
    <message>
        <source>1 unsaved change</source>
        <translation>1 ungespeicherte Änderung</translation>
    </message>
    <message>
        <source>%1 unsaved changes</source>
        <translation>%1 ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Widget edits waiting to reach the server; they are kept on this PC until then</source>
        <translation>Widget-Änderungen, die noch zum Server müssen; bis dahin bleiben sie auf diesem PC</translation>
    </message>
    <message>
        <source>Tell the kitchen and the customer the order has been seen (Ctrl+K)</source>
        <translation>Küche und Kunden mitteilen, dass die Bestellung gesehen wurde (Strg+K)</translation>
    </message>
    <message>
        <source>Cancel order…</source>
        <translation>Bestellung stornieren…</translation>
    </message>
    <message>
        <source>Search number, customer or item</source>
        <translation>Nummer, Kunde oder Artikel suchen</translation>
    </message>
    <message>
        <source>Open orders only</source>
        <translation>Nur offene Bestellungen</translation>
    </message>
    <message>
        <source>Hearth</source>
        <translation>Hearth</translation>
    </message>
    <message>
        <source>Hearth — %1</source>
        <translation>Hearth – %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n new)</source>
        <comment>window title</comment>
        <translation>
            <numerusform>%1 (%n neu)</numerusform>
            <numerusform>%1 (%n neu)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>Bestellung stornieren</translation>
    </message>
    <message>
        <source>Cancel order #%1 for %2? The customer will be told.</source>
        <translation>Bestellung #%1 für %2 stornieren? Der Kunde wird benachrichtigt.</translation>
    </message>
    <message>
        <source>Order #%1</source>
        <translation>Bestellung #%1</translation>
    </message>
    <message>
        <source>An order</source>
        <translation>Eine Bestellung</translation>
    </message>
    <message>
        <source>Search orders by number, customer or item</source>
        <translation>Bestellungen nach Nummer, Kunde oder Artikel durchsuchen</translation>
    </message>
    <message>
        <source>Show open orders only</source>
        <translation>Nur offene Bestellungen anzeigen</translation>
    </message>
    <message>
        <source>The selected order in full</source>
        <translation>Die ausgewählte Bestellung vollständig</translation>
    </message>
    <message>
        <source>Dismiss the problems shown</source>
        <translation>Die angezeigten Probleme ausblenden</translation>
    </message>
    <message>
        <source>Order actions</source>
        <translation>Bestellaktionen</translation>
    </message>
    <message>
        <source>Orders and the selected order</source>
        <translation>Bestellungen und die ausgewählte Bestellung</translation>
    </message>
    <message>
        <source>Select an order to print its kitchen ticket.</source>
        <translation>Wählen Sie eine Bestellung, um ihren Küchenbon zu drucken.</translation>
    </message>
    <message>
        <source>orders-%1.csv</source>
        <comment>file name</comment>
        <translation>bestellungen-%1.csv</translation>
    </message>
    <message>
        <source>Export the orders shown as CSV</source>
        <translation>Die angezeigten Bestellungen als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Orders not exported</source>
        <translation>Bestellungen nicht exportiert</translation>
    </message>
    <message>
        <source>1 order exported to %1</source>
        <translation>1 Bestellung nach %1 exportiert</translation>
    </message>
    <message>
        <source>%1 orders exported to %2</source>
        <translation>%1 Bestellungen nach %2 exportiert</translation>
    </message>
    <message>
        <source>Diagnostics copied — paste them into a message to whoever supports this PC.</source>
        <translation>Diagnose kopiert – fügen Sie sie in eine Nachricht an den Betreuer dieses PCs ein.</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Zurücknehmen</translation>
    </message>
    <message>
        <source>Undo the last status change made here, within two minutes (Ctrl+Z)</source>
        <translation>Die letzte hier vorgenommene Statusänderung zurücknehmen, bis zu zwei Minuten danach (Strg+Z)</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Wieder öffnen</translation>
    </message>
    <message>
        <source>Bring a completed order back to Ready (Ctrl+R)</source>
        <translation>Eine abgeschlossene Bestellung zurück auf „Fertig“ setzen (Strg+R)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>order, what was not done and why</comment>
        <extracomment>%1 is the order (&quot;Order #12&quot;), %2 what was not done and why</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>Lager</translation>
    </message>
    <message>
        <source>Stock, low-stock alerts and menu availability (Ctrl+3)</source>
        <translation>Bestand, Warnungen bei knappem Bestand und Verfügbarkeit der Speisekarte (Strg+3)</translation>
    </message>
    <message>
        <source>Inventory is not available for this backend.</source>
        <translation>Für dieses Backend gibt es kein Lager.</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>Auswertung</translation>
    </message>
    <message>
        <source>What guests do with the website&apos;s widgets (Ctrl+4, managers)</source>
        <translation>Was Gäste mit den Widgets der Website tun (Strg+4, Manager)</translation>
    </message>
    <message>
        <source>Analytics are not available for this backend.</source>
        <translation>Auswertungen sind für dieses Backend nicht verfügbar.</translation>
    </message>
</context>
<context>
    <name>hearth::MenuAvailabilityModel</name>
    <message>
        <source>Every day</source>
        <translation>Jeden Tag</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <extracomment>a range of weekdays, e.g. &quot;Mon–Fri&quot;</extracomment>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>Off the menu</source>
        <translation>Nicht auf der Karte</translation>
    </message>
    <message>
        <source>Sold out</source>
        <translation>Ausverkauft</translation>
    </message>
    <message>
        <source>Not served today</source>
        <translation>Heute nicht serviert</translation>
    </message>
    <message>
        <source>Orderable</source>
        <translation>Bestellbar</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>Angeboten</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Zurückgezogen</translation>
    </message>
    <message>
        <source>Dish</source>
        <translation>Gericht</translation>
    </message>
    <message>
        <source>On the menu</source>
        <translation>Auf der Karte</translation>
    </message>
    <message>
        <source>Served on</source>
        <translation>Serviert am</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
</context>
<context>
    <name>hearth::MessageBar</name>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Hide these messages; the orders&apos; marks go with them</source>
        <translation>Diese Meldungen ausblenden; die Markierungen an den Bestellungen verschwinden mit ihnen</translation>
    </message>
    <message>
        <source>(%1 earlier messages not shown)</source>
        <translation>(%1 frühere Meldungen nicht angezeigt)</translation>
    </message>
</context>
<context>
    <name>hearth::NetworkProbe</name>
    <message>
        <source>Nothing answers on port %1 there. Is the server running, and on that port?</source>
        <translation>Auf Port %1 antwortet dort nichts. Läuft der Server, und zwar auf diesem Port?</translation>
    </message>
    <message>
        <source>The server&apos;s name could not be found.</source>
        <translation>Der Name des Servers wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>This PC has no route to the server. Check its network connection.</source>
        <translation>Dieser PC hat keine Route zum Server. Prüfen Sie seine Netzwerkverbindung.</translation>
    </message>
    <message>
        <source>No answer on port %1. A firewall may be blocking it.</source>
        <translation>Keine Antwort auf Port %1. Möglicherweise blockiert ihn eine Firewall.</translation>
    </message>
    <message>
        <source>The connection failed. Check the network between this PC and the server.</source>
        <translation>Die Verbindung ist fehlgeschlagen. Prüfen Sie das Netzwerk zwischen diesem PC und dem Server.</translation>
    </message>
    <message>
        <source>The name &quot;%1&quot; could not be found. Check its spelling, and that this PC can reach the Internet or the restaurant&apos;s network.</source>
        <translation>Der Name „%1“ wurde nicht gefunden. Prüfen Sie die Schreibweise und ob dieser PC das Internet oder das Netzwerk des Restaurants erreicht.</translation>
    </message>
    <message>
        <source>connected to %1:%2</source>
        <translation>verbunden mit %1:%2</translation>
    </message>
    <message>
        <source>no answer within the time limit</source>
        <translation>keine Antwort innerhalb der Frist</translation>
    </message>
    <message>
        <source>this build has no TLS support</source>
        <translation>dieser Build unterstützt kein TLS</translation>
    </message>
    <message>
        <source>Install the OpenSSL libraries Qt was built with.</source>
        <translation>Installieren Sie die OpenSSL-Bibliotheken, mit denen Qt gebaut wurde.</translation>
    </message>
    <message>
        <source>%1, certificate for %2</source>
        <translation>%1, Zertifikat für %2</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted. Hearth does not connect to servers it cannot verify: ask whoever runs the server to install a valid certificate.</source>
        <translation>Dem Zertifikat des Servers wird nicht vertraut. Hearth verbindet sich nicht mit Servern, die es nicht überprüfen kann: Bitten Sie den Betreiber des Servers, ein gültiges Zertifikat zu installieren.</translation>
    </message>
    <message>
        <source>The secure handshake failed. Is this an https port? For a server without TLS, use an http:// address.</source>
        <translation>Der sichere Verbindungsaufbau ist fehlgeschlagen. Ist das ein HTTPS-Port? Für einen Server ohne TLS verwenden Sie eine http://-Adresse.</translation>
    </message>
</context>
<context>
    <name>hearth::OpeningHoursEdit</name>
    <message>
        <source>Opening hours on %1</source>
        <comment>weekday</comment>
        <translation>Öffnungszeiten am %1</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Times like 12:00–14:30, 18:00–22:30; empty when closed</source>
        <translation>Zeiten wie 12:00–14:30, 18:00–22:30; leer, wenn geschlossen</translation>
    </message>
</context>
<context>
    <name>hearth::OpeningHoursText</name>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <source>write the hours like 12:00–14:30, 18:00–22:30 (empty when closed)</source>
        <translation>Zeiten so schreiben: 12:00–14:30, 18:00–22:30 (leer, wenn geschlossen)</translation>
    </message>
    <message>
        <source>a time of day runs from 00:00 to 24:00</source>
        <translation>eine Uhrzeit liegt zwischen 00:00 und 24:00</translation>
    </message>
</context>
<context>
    <name>hearth::OrderActionQueue</name>
    <message>
        <source>Order changes made while offline cannot be kept on this computer (%1). They are still sent when the server is back, but are lost if Hearth closes before that.</source>
        <extracomment>%1 is a file path</extracomment>
        <translation>Offline vorgenommene Bestelländerungen können auf diesem Computer nicht aufbewahrt werden (%1). Sie werden trotzdem gesendet, sobald der Server wieder erreichbar ist, gehen aber verloren, wenn Hearth vorher beendet wird.</translation>
    </message>
    <message>
        <source>Hearth could not write order changes made offline to this computer&apos;s disk. They are still sent when the server is back, but would be lost if Hearth closed now.</source>
        <translation>Hearth konnte offline vorgenommene Bestelländerungen nicht auf die Festplatte dieses Computers schreiben. Sie werden trotzdem gesendet, sobald der Server wieder erreichbar ist, gingen aber verloren, wenn Hearth jetzt beendet würde.</translation>
    </message>
</context>
<context>
    <name>hearth::OrderActions</name>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>In Zubereitung</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Zurücknehmen</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Wieder öffnen</translation>
    </message>
    <message>
        <source>Start preparing</source>
        <translation>Zubereitung starten</translation>
    </message>
    <message>
        <source>Mark ready</source>
        <translation>Als fertig markieren</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Abschließen</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>Bestellung stornieren</translation>
    </message>
    <message>
        <source>Move on</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>The order was changed on another screen meanwhile; it is now %1.</source>
        <translation>Die Bestellung wurde inzwischen an einem anderen Bildschirm geändert; sie ist jetzt %1.</translation>
    </message>
    <message>
        <source>The order was changed on another screen meanwhile.</source>
        <translation>Die Bestellung wurde inzwischen an einem anderen Bildschirm geändert.</translation>
    </message>
    <message>
        <source>“%1” was not done. %2</source>
        <extracomment>%1 is what staff asked for (&quot;Start preparing&quot;), %2 why it was not done</extracomment>
        <translation>„%1“ wurde nicht ausgeführt. %2</translation>
    </message>
    <message numerus="yes">
        <source>%n later change(s) to it were not sent either.</source>
        <translation>
            <numerusform>%n spätere Änderung daran wurde ebenfalls nicht gesendet.</numerusform>
            <numerusform>%n spätere Änderungen daran wurden ebenfalls nicht gesendet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hearth::OrderAgesProxy</name>
    <message>
        <source>&lt; 1 min</source>
        <translation>&lt; 1 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <comment>hours and minutes</comment>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>age, time received</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Waiting for %1 (by the server&apos;s clock)</source>
        <translation>Wartet seit %1 (nach der Uhr des Servers)</translation>
    </message>
</context>
<context>
    <name>hearth::OrderDetailPane</name>
    <message>
        <source>Order details</source>
        <translation>Bestelldetails</translation>
    </message>
    <message>
        <source>Select an order to see its items, note and times.</source>
        <translation>Wählen Sie eine Bestellung, um Artikel, Notiz und Zeiten zu sehen.</translation>
    </message>
    <message>
        <source>Order #%1 · %2</source>
        <translation>Bestellung #%1 · %2</translation>
    </message>
    <message>
        <source>Received at %1</source>
        <translation>Eingegangen um %1</translation>
    </message>
    <message>
        <source>Fees and tax</source>
        <translation>Gebühren und Steuern</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Copy the phone number</source>
        <translation>Telefonnummer kopieren</translation>
    </message>
    <message>
        <source>late by %1 min</source>
        <translation>%1 Min. zu spät</translation>
    </message>
    <message>
        <source>%1 · copied</source>
        <comment>phone number, copied to the clipboard</comment>
        <translation>%1 · kopiert</translation>
    </message>
    <message>
        <source>No order selected</source>
        <translation>Keine Bestellung ausgewählt</translation>
    </message>
    <message>
        <source>☎ %1</source>
        <comment>phone number, click to copy</comment>
        <translation>☎ %1</translation>
    </message>
    <message>
        <source>Phone %1, copy</source>
        <comment>screen reader</comment>
        <translation>Telefon %1, kopieren</translation>
    </message>
    <message>
        <source>Delivery to %1</source>
        <translation>Lieferung an %1</translation>
    </message>
    <message>
        <source>Dine-in · table %1</source>
        <translation>Vor Ort · Tisch %1</translation>
    </message>
    <message>
        <source>Promised for %1</source>
        <translation>Zugesagt für %1</translation>
    </message>
    <message>
        <source>— %1</source>
        <translation>— %1</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Zwischensumme</translation>
    </message>
    <message>
        <source>Delivery fee</source>
        <translation>Liefergebühr</translation>
    </message>
    <message>
        <source>Service fee</source>
        <translation>Servicegebühr</translation>
    </message>
    <message>
        <source>Tip</source>
        <translation>Trinkgeld</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Steuer</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <source>Other charges</source>
        <translation>Weitere Beträge</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>time, status</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 %2 · %3</source>
        <comment>time, status, who</comment>
        <translation>%1 %2 · %3</translation>
    </message>
    <message>
        <source>%1× %2</source>
        <comment>quantity, item</comment>
        <translation>%1× %2</translation>
    </message>
</context>
<context>
    <name>hearth::OrderFacetModel</name>
    <message>
        <source>All types</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>All open</source>
        <translation>Alle offenen</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>filter choice and how many orders it shows</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1: 1 order</source>
        <translation>%1: 1 Bestellung</translation>
    </message>
    <message>
        <source>%1: %2 orders</source>
        <translation>%1: %2 Bestellungen</translation>
    </message>
</context>
<context>
    <name>hearth::OrderNotesProxy</name>
    <message>
        <source>⚠ %1</source>
        <comment>an allergy note</comment>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>✎ %1</source>
        <comment>a note</comment>
        <translation>✎ %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>note, items</comment>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>hearth::OrderProblemsProxy</name>
    <message>
        <source>%1 — failed</source>
        <comment>status of an order whose last action failed</comment>
        <translation>%1 – fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 — queued</source>
        <comment>status of an order whose actions wait to be sent</comment>
        <translation>%1 – wartet</translation>
    </message>
    <message>
        <source>Waiting to be sent when the server is reachable: %1</source>
        <extracomment>%1 lists the actions (&quot;Acknowledge, Start preparing&quot;)</extracomment>
        <translation>Wird gesendet, sobald der Server erreichbar ist: %1</translation>
    </message>
</context>
<context>
    <name>hearth::OrdersCache</name>
    <message>
        <source>The disk is full, so Hearth cannot update its offline copy of the orders in %1. The dashboard keeps working; free some space to keep the copy up to date.</source>
        <extracomment>%1 is the folder that holds the offline copy.</extracomment>
        <translation>Die Festplatte ist voll, daher kann Hearth seine Offline-Kopie der Bestellungen in %1 nicht aktualisieren. Das Dashboard funktioniert weiter; geben Sie Speicherplatz frei, damit die Kopie aktuell bleibt.</translation>
    </message>
    <message>
        <source>Hearth may not write its offline copy of the orders in %1. The dashboard keeps working; check that the folder exists and can be written to.</source>
        <extracomment>%1 is the folder that holds the offline copy.</extracomment>
        <translation>Hearth darf seine Offline-Kopie der Bestellungen in %1 nicht schreiben. Das Dashboard funktioniert weiter; prüfen Sie, ob der Ordner existiert und beschreibbar ist.</translation>
    </message>
    <message>
        <source>Hearth could not update its offline copy of the orders in %1 (%2). The dashboard keeps working.</source>
        <extracomment>%1 is the folder that holds the offline copy, %2 the technical reason (English).</extracomment>
        <translation>Hearth konnte seine Offline-Kopie der Bestellungen in %1 nicht aktualisieren (%2). Das Dashboard funktioniert weiter.</translation>
    </message>
</context>
<context>
    <name>hearth::OrdersFilterBar</name>
    <message>
        <source>Show orders by status</source>
        <translation>Bestellungen nach Status anzeigen</translation>
    </message>
    <message>
        <source>Show orders by type</source>
        <translation>Bestellungen nach Art anzeigen</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation>A&amp;rt</translation>
    </message>
    <message>
        <source>All-day counts of the open orders</source>
        <translation>Tagesmengen der offenen Bestellungen</translation>
    </message>
    <message>
        <source>All day: %1</source>
        <comment>the items of the open orders, counted</comment>
        <translation>Tagesmenge: %1</translation>
    </message>
</context>
<context>
    <name>hearth::OrdersFilterProxy</name>
    <message>
        <source>No orders match “%1”</source>
        <translation>Keine Bestellungen passen zu „%1“</translation>
    </message>
    <message>
        <source>No orders of this status or type — choose “All” to see the others</source>
        <translation>Keine Bestellungen mit diesem Status oder dieser Art – wählen Sie „Alle“, um die anderen zu sehen</translation>
    </message>
    <message>
        <source>No open orders — new ones appear here by themselves</source>
        <translation>Keine offenen Bestellungen – neue erscheinen hier von selbst</translation>
    </message>
    <message>
        <source>No orders yet — new ones appear here by themselves</source>
        <translation>Noch keine Bestellungen – neue erscheinen hier von selbst</translation>
    </message>
</context>
<context>
    <name>hearth::OrdersModel</name>
    <message>
        <source>%1× %2</source>
        <comment>quantity and item name</comment>
        <translation>%1× %2</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>In Zubereitung</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Pickup</source>
        <translation>Abholung</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Lieferung</translation>
    </message>
    <message>
        <source>Dine-in</source>
        <translation>Vor Ort</translation>
    </message>
    <message>
        <source>%1
Note: %2</source>
        <translation>%1
Notiz: %2</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Eingang</translation>
    </message>
</context>
<context>
    <name>hearth::OrdersSync</name>
    <message>
        <source>The server sent outdated orders; loading them again.</source>
        <translation>Der Server hat veraltete Bestellungen gesendet; sie werden neu geladen.</translation>
    </message>
</context>
<context>
    <name>hearth::PresenceClient</name>
    <message>
        <source>%1 is editing %2</source>
        <translation>%1 bearbeitet %2</translation>
    </message>
    <message>
        <source>%1 is editing %2 on %3</source>
        <translation>%1 bearbeitet %2 auf %3</translation>
    </message>
    <message>
        <source>%1 is looking at this widget</source>
        <translation>%1 sieht sich dieses Widget an</translation>
    </message>
    <message>
        <source>%1 is looking at this widget on %2</source>
        <translation>%1 sieht sich dieses Widget auf %2 an</translation>
    </message>
</context>
<context>
    <name>hearth::ProfileLoader</name>
    <message numerus="yes">
        <source>The backend profile %1 is not valid: %2 (and %n more problem(s)).</source>
        <extracomment>%1 is a file name, %2 the first problem (a setting and what is wrong with it), %n the number of further problems</extracomment>
        <translation>
            <numerusform>Das Backend-Profil %1 ist ungültig: %2 (und %n weiteres Problem).</numerusform>
            <numerusform>Das Backend-Profil %1 ist ungültig: %2 (und %n weitere Probleme).</numerusform>
        </translation>
    </message>
    <message>
        <source>The backend profile %1 is not valid: %2.</source>
        <extracomment>%1 is a file name, %2 the problem (a setting and what is wrong with it)</extracomment>
        <translation>Das Backend-Profil %1 ist ungültig: %2.</translation>
    </message>
    <message>
        <source>Hearth could not open the backend profile %1. Check that the file exists and can be read.</source>
        <extracomment>%1 is a file name</extracomment>
        <translation>Hearth konnte das Backend-Profil %1 nicht öffnen. Prüfen Sie, ob die Datei existiert und lesbar ist.</translation>
    </message>
</context>
<context>
    <name>hearth::RealtimeService</name>
    <message>
        <source>This version of Hearth cannot connect to %1 yet: it speaks Phoenix channels, which Hearth does not support so far.</source>
        <extracomment>%1 is the name of a backend profile, e.g. &quot;Supabase project&quot;</extracomment>
        <translation>Diese Hearth-Version kann sich noch nicht mit %1 verbinden: Es verwendet Phoenix Channels, die Hearth bisher nicht unterstützt.</translation>
    </message>
    <message>
        <source>this backend</source>
        <translation>diesem Backend</translation>
    </message>
    <message>
        <source>The server at %2 refused the live connection (HTTP %1). Hearth will keep trying.</source>
        <extracomment>%1 is an HTTP status number, %2 the server address</extracomment>
        <translation>Der Server unter %2 hat die Live-Verbindung abgelehnt (HTTP %1). Hearth versucht es weiter.</translation>
    </message>
    <message>
        <source>Can&apos;t reach the server at %1. Check the address and that the server is running.</source>
        <extracomment>%1 is the server address, e.g. ws://192.168.1.20:8080</extracomment>
        <translation>Der Server unter %1 ist nicht erreichbar. Prüfen Sie die Adresse und ob der Server läuft.</translation>
    </message>
    <message>
        <source>Can&apos;t find the server %1. Check the server address and this computer&apos;s network connection.</source>
        <translation>Der Server %1 wurde nicht gefunden. Prüfen Sie die Serveradresse und die Netzwerkverbindung dieses Computers.</translation>
    </message>
    <message>
        <source>The network connection to the server at %1 is not working. Check the Wi-Fi or cable; Hearth keeps trying.</source>
        <translation>Die Netzwerkverbindung zum Server unter %1 funktioniert nicht. Prüfen Sie WLAN oder Kabel; Hearth versucht es weiter.</translation>
    </message>
    <message>
        <source>Hearth couldn&apos;t verify the secure connection to %1, so it did not connect. Ask whoever looks after the server to check its certificate.</source>
        <translation>Hearth konnte die sichere Verbindung zu %1 nicht überprüfen und hat sich deshalb nicht verbunden. Bitten Sie den Betreuer des Servers, dessen Zertifikat zu prüfen.</translation>
    </message>
    <message>
        <source>The connection to the server was lost. Hearth is reconnecting.</source>
        <translation>Die Verbindung zum Server ist abgebrochen. Hearth verbindet sich neu.</translation>
    </message>
    <message>
        <source>Can&apos;t connect to the server at %1. Hearth keeps trying.</source>
        <translation>Keine Verbindung zum Server unter %1. Hearth versucht es weiter.</translation>
    </message>
    <message>
        <source>The server closed the connection. Hearth is reconnecting.</source>
        <translation>Der Server hat die Verbindung geschlossen. Hearth verbindet sich neu.</translation>
    </message>
    <message>
        <source>The server stopped answering. Hearth is reconnecting.</source>
        <translation>Der Server antwortet nicht mehr. Hearth verbindet sich neu.</translation>
    </message>
    <message>
        <source>The server at %1 is taking too long to answer. Check the network connection; Hearth keeps trying.</source>
        <translation>Der Server unter %1 braucht zu lange für eine Antwort. Prüfen Sie die Netzwerkverbindung; Hearth versucht es weiter.</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Hearth stopped trying to reach the server after %1 attempts. Check the network and the server, then choose &quot;Reconnect now&quot;.</source>
        <extracomment>%1 is a number of attempts</extracomment>
        <translation>Hearth hat nach %1 Versuchen aufgehört, den Server zu erreichen. Prüfen Sie Netzwerk und Server und wählen Sie dann „Jetzt neu verbinden“.</translation>
    </message>
    <message>
        <source>The server is restarting. Hearth will reconnect in a moment.</source>
        <translation>Der Server startet neu. Hearth verbindet sich gleich wieder.</translation>
    </message>
    <message>
        <source>The server ended the live connection and asked Hearth not to reconnect. Choose &quot;Reconnect now&quot; to try again.</source>
        <translation>Der Server hat die Live-Verbindung beendet und Hearth gebeten, sich nicht neu zu verbinden. Wählen Sie „Jetzt neu verbinden“, um es erneut zu versuchen.</translation>
    </message>
    <message>
        <source>The server did not allow live &quot;%1&quot; updates for this account. Ask a manager if you need them.</source>
        <extracomment>%1 is a channel name such as &quot;orders&quot; or &quot;inventory&quot;</extracomment>
        <translation>Der Server erlaubt diesem Konto keine Live-Aktualisierung von „%1“. Fragen Sie einen Manager, falls Sie sie brauchen.</translation>
    </message>
    <message>
        <source>The server does not offer live &quot;%1&quot; updates, so this part of the dashboard won&apos;t update by itself. Ask whoever looks after the server.</source>
        <extracomment>%1 is a channel name such as &quot;orders&quot; or &quot;inventory&quot;</extracomment>
        <translation>Der Server bietet keine Live-Aktualisierung von „%1“ an, daher aktualisiert sich dieser Teil des Dashboards nicht von selbst. Fragen Sie den Betreuer des Servers.</translation>
    </message>
    <message>
        <source>The server did not start live &quot;%1&quot; updates. Hearth is reconnecting.</source>
        <extracomment>%1 is a channel name such as &quot;orders&quot;</extracomment>
        <translation>Der Server hat die Live-Aktualisierung von „%1“ nicht gestartet. Hearth verbindet sich neu.</translation>
    </message>
    <message>
        <source>This computer was asleep. Hearth is reconnecting to catch up.</source>
        <translation>Dieser Computer war im Ruhezustand. Hearth verbindet sich neu, um aufzuholen.</translation>
    </message>
    <message>
        <source>Hearth was offline too long to keep every message for the server; the newest ones were not kept (%1 waiting).</source>
        <extracomment>%1 is a number of messages</extracomment>
        <translation>Hearth war zu lange offline, um alle Nachrichten für den Server aufzuheben; die neuesten wurden nicht behalten (%1 wartend).</translation>
    </message>
    <message>
        <source>Hearth fell behind the server&apos;s updates and is reconnecting to catch up.</source>
        <translation>Hearth ist mit den Aktualisierungen des Servers in Rückstand geraten und verbindet sich neu, um aufzuholen.</translation>
    </message>
    <message>
        <source>The server at %1 speaks another version of its live protocol than this Hearth. Ask whoever looks after the server; Hearth will not retry by itself.</source>
        <translation>Der Server unter %1 verwendet eine andere Version des Live-Protokolls als dieses Hearth. Fragen Sie den Betreuer des Servers; Hearth versucht es nicht von selbst erneut.</translation>
    </message>
    <message>
        <source>Signed out: a manager ended this session. Please sign in again.</source>
        <translation>Abgemeldet: Eine Führungskraft hat diese Sitzung beendet. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Signed out: this session was signed out. Please sign in again.</source>
        <translation>Abgemeldet: Diese Sitzung wurde abgemeldet. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Signed out: the session has expired. Please sign in again.</source>
        <translation>Abgemeldet: Die Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Signed out: the account was disabled or its password changed. Please sign in again, or ask a manager.</source>
        <translation>Abgemeldet: Das Konto wurde deaktiviert oder sein Passwort geändert. Bitte melden Sie sich erneut an oder fragen Sie eine Führungskraft.</translation>
    </message>
</context>
<context>
    <name>hearth::RestClient</name>
    <message>
        <source>Can&apos;t reach the server at %1. Check the address and that the server is running.</source>
        <translation>Der Server unter %1 ist nicht erreichbar. Prüfen Sie die Adresse und ob der Server läuft.</translation>
    </message>
    <message>
        <source>Can&apos;t find the server %1. Check the server address and this computer&apos;s network connection.</source>
        <translation>Der Server %1 wurde nicht gefunden. Prüfen Sie die Serveradresse und die Netzwerkverbindung dieses Computers.</translation>
    </message>
    <message>
        <source>The server at %1 took too long to answer. Check the network connection and try again.</source>
        <translation>Der Server unter %1 hat zu lange für eine Antwort gebraucht. Prüfen Sie die Netzwerkverbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Hearth couldn&apos;t verify the secure connection to %1, so nothing was sent. Ask whoever looks after the server to check its certificate.</source>
        <translation>Hearth konnte die sichere Verbindung zu %1 nicht überprüfen, daher wurde nichts gesendet. Bitten Sie den Betreuer des Servers, dessen Zertifikat zu prüfen.</translation>
    </message>
    <message>
        <source>The connection to the server at %1 was interrupted. Check the network connection and try again.</source>
        <translation>Die Verbindung zum Server unter %1 wurde unterbrochen. Prüfen Sie die Netzwerkverbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The username or password is not correct.</source>
        <translation>Benutzername oder Passwort ist falsch.</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Your account is not allowed to do this. Ask a manager.</source>
        <translation>Ihr Konto darf das nicht. Fragen Sie einen Manager.</translation>
    </message>
    <message>
        <source>The server couldn&apos;t find this. Someone may have removed it.</source>
        <translation>Der Server konnte das nicht finden. Möglicherweise hat es jemand entfernt.</translation>
    </message>
    <message>
        <source>Someone else changed this at the same time. Reload it and try again.</source>
        <translation>Jemand anderes hat das gleichzeitig geändert. Laden Sie es neu und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The server is busy. Wait a moment and try again.</source>
        <translation>Der Server ist ausgelastet. Warten Sie einen Moment und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The server did not accept this: %1</source>
        <extracomment>%1 is the server&apos;s explanation, e.g. &quot;an order that is completed cannot be acknowledged&quot;</extracomment>
        <translation>Der Server hat das nicht angenommen: %1</translation>
    </message>
    <message>
        <source>The server did not accept this request.</source>
        <translation>Der Server hat diese Anfrage nicht angenommen.</translation>
    </message>
    <message>
        <source>The server ran into a problem (error %1). Try again in a moment; if it keeps happening, contact support.</source>
        <extracomment>%1 is an HTTP status number such as 500 or 503</extracomment>
        <translation>Auf dem Server ist ein Problem aufgetreten (Fehler %1). Versuchen Sie es gleich noch einmal; wenn es wieder passiert, wenden Sie sich an den Support.</translation>
    </message>
    <message>
        <source>The server refused the request (error %1).</source>
        <translation>Der Server hat die Anfrage abgelehnt (Fehler %1).</translation>
    </message>
    <message>
        <source>The server sent an answer Hearth doesn&apos;t understand. The server may be running a different version.</source>
        <translation>Der Server hat eine Antwort gesendet, die Hearth nicht versteht. Möglicherweise läuft auf dem Server eine andere Version.</translation>
    </message>
    <message>
        <source>No server address is set. Enter it on the sign-in screen.</source>
        <translation>Es ist keine Serveradresse festgelegt. Geben Sie sie im Anmeldefenster ein.</translation>
    </message>
    <message>
        <source>This backend does not let Hearth change orders. Use the backend&apos;s own screens for this order.</source>
        <translation>Dieses Backend lässt Hearth keine Bestellungen ändern. Verwenden Sie für diese Bestellung die Oberfläche des Backends.</translation>
    </message>
    <message>
        <source>Hearth could not send this request. Please try again.</source>
        <translation>Hearth konnte diese Anfrage nicht senden. Bitte versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>hearth::SessionKeeper</name>
    <message>
        <source>You have signed out.</source>
        <translation>Sie haben sich abgemeldet.</translation>
    </message>
</context>
<context>
    <name>hearth::SettingText</name>
    <message>
        <source>(not set)</source>
        <translation>(nicht festgelegt)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>1 guest</source>
        <translation>1 Gast</translation>
    </message>
    <message>
        <source>%1 guests</source>
        <translation>%1 Gäste</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>“%1”</source>
        <comment>a quoted text setting</comment>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>(changed)</source>
        <translation>(geändert)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Shown on the website</source>
        <translation>Auf der Website sichtbar</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Greeting</source>
        <translation>Begrüßung</translation>
    </message>
    <message>
        <source>Primary colour</source>
        <translation>Hauptfarbe</translation>
    </message>
    <message>
        <source>Button text</source>
        <translation>Button-Text</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>Öffnungszeiten</translation>
    </message>
    <message>
        <source>Largest party</source>
        <translation>Größte Gruppe</translation>
    </message>
    <message>
        <source>Booking lead time</source>
        <translation>Vorlaufzeit für Reservierungen</translation>
    </message>
    <message>
        <source>Slot length</source>
        <translation>Länge der Zeitfenster</translation>
    </message>
    <message>
        <source>Minimum order</source>
        <translation>Mindestbestellwert</translation>
    </message>
    <message>
        <source>Pickup</source>
        <translation>Abholung</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Lieferung</translation>
    </message>
    <message>
        <source>Online orders paused</source>
        <translation>Online-Bestellungen pausiert</translation>
    </message>
</context>
<context>
    <name>hearth::SignIn</name>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.</translation>
    </message>
</context>
<context>
    <name>hearth::SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Backend profile…</source>
        <translation>Backend-Profil…</translation>
    </message>
    <message>
        <source>Connect to a Rails (Action Cable) or Supabase backend described by a profile file</source>
        <translation>Mit einem Rails- (Action Cable) oder Supabase-Backend verbinden, das eine Profildatei beschreibt</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>Backend:</source>
        <translation>Backend:</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>Access &amp;token:</source>
        <translation>Zugangs&amp;token:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Choose a backend profile</source>
        <translation>Backend-Profil auswählen</translation>
    </message>
    <message>
        <source>Backend profiles (*.json)</source>
        <translation>Backend-Profile (*.json)</translation>
    </message>
    <message>
        <source>Enter the access token you were given for this backend.</source>
        <translation>Geben Sie das Zugangstoken ein, das Sie für dieses Backend erhalten haben.</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>Geben Sie Ihren Benutzernamen ein.</translation>
    </message>
    <message>
        <source>Choose &quot;Sign in&quot; again to send it anyway.</source>
        <translation>Wählen Sie erneut „Anmelden“, um es trotzdem zu senden.</translation>
    </message>
</context>
<context>
    <name>hearth::TicketPrinter</name>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Der Ordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>Order #%1</source>
        <translation>Bestellung #%1</translation>
    </message>
    <message>
        <source>The ticket could not be written to %1.</source>
        <translation>Der Bon konnte nicht nach %1 geschrieben werden.</translation>
    </message>
    <message>
        <source>Save the kitchen ticket as PDF (no printer found)</source>
        <translation>Küchenbon als PDF speichern (kein Drucker gefunden)</translation>
    </message>
    <message>
        <source>ticket-%1.pdf</source>
        <comment>file name</comment>
        <translation>bon-%1.pdf</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Ticket not saved</source>
        <translation>Bon nicht gespeichert</translation>
    </message>
    <message>
        <source>Reprint the ticket of order #%1</source>
        <translation>Bon der Bestellung #%1 nachdrucken</translation>
    </message>
    <message>
        <source>Print the ticket of order #%1</source>
        <translation>Bon der Bestellung #%1 drucken</translation>
    </message>
</context>
<context>
    <name>hearth::UnavailableItemsProxy</name>
    <message>
        <source>Not available now: %1</source>
        <extracomment>%1 dish names, comma-separated</extracomment>
        <translation>Zurzeit nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>⊘ %1</source>
        <extracomment>the Items cell of an order holding a dish that cannot be ordered now; %1 the items</extracomment>
        <translation>⊘ %1</translation>
    </message>
</context>
<context>
    <name>hearth::ViewCsvWriter</name>
    <message>
        <source>The orders could not be saved to %1: %2</source>
        <translation>Die Bestellungen konnten nicht in %1 gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>hearth::WidgetConfigModel</name>
    <message>
        <source>Table booking</source>
        <translation>Tischreservierung</translation>
    </message>
    <message>
        <source>Online ordering</source>
        <translation>Online-Bestellung</translation>
    </message>
    <message>
        <source>Saved at %1</source>
        <extracomment>%1 is a time of day, e.g. 14:02</extracomment>
        <translation>Gespeichert um %1</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Offline — will save when back</source>
        <translation>Offline – wird gespeichert, sobald wieder verbunden</translation>
    </message>
    <message>
        <source>Conflict — choose</source>
        <translation>Konflikt – bitte wählen</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <extracomment>%1 is the reason, e.g. the server&apos;s explanation</extracomment>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <extracomment>%1 is the kind of widget, %2 its save state</extracomment>
        <translation>%1 – %2</translation>
    </message>
</context>
<context>
    <name>hearth::WidgetListColumns</name>
    <message>
        <source>Saved at %1</source>
        <extracomment>%1 is a time of day, e.g. 14:02</extracomment>
        <translation>Gespeichert um %1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>who, when</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <comment>who on which PC</comment>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>%1 on %2, %3</source>
        <comment>who on which PC, when</comment>
        <translation>%1 auf %2, %3</translation>
    </message>
    <message>
        <source>Shown</source>
        <translation>Sichtbar</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Schreibgeschützt</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Widget</source>
        <translation>Widget</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>On the website</source>
        <translation>Auf der Website</translation>
    </message>
    <message>
        <source>Save state</source>
        <translation>Speicherstatus</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Letzte Änderung</translation>
    </message>
</context>
<context>
    <name>hearth::WidgetOutbox</name>
    <message>
        <source>Unsaved widget changes cannot be kept on this computer (%1). They are saved to the server as usual, but are lost if Hearth closes before that.</source>
        <extracomment>%1 is a file path</extracomment>
        <translation>Ungespeicherte Widget-Änderungen können auf diesem Computer nicht aufbewahrt werden (%1). Sie werden wie gewohnt auf dem Server gespeichert, gehen aber verloren, wenn Hearth vorher beendet wird.</translation>
    </message>
    <message>
        <source>Hearth could not write unsaved widget changes to this computer&apos;s disk. They are still sent to the server, but would be lost if Hearth closed now.</source>
        <translation>Hearth konnte ungespeicherte Widget-Änderungen nicht auf die Festplatte dieses Computers schreiben. Sie werden trotzdem an den Server gesendet, gingen aber verloren, wenn Hearth jetzt beendet würde.</translation>
    </message>
</context>
<context>
    <name>hearth::WidgetPreview</name>
    <message>
        <source>Book at least a day ahead</source>
        <translation>Buchung bis 1 Tag vorher</translation>
    </message>
    <message>
        <source>Book at least %1 days ahead</source>
        <translation>Buchung bis %1 Tage vorher</translation>
    </message>
    <message>
        <source>Book at least an hour ahead</source>
        <translation>Buchung bis 1 Std. vorher</translation>
    </message>
    <message>
        <source>Book at least %1 hours ahead</source>
        <translation>Buchung bis %1 Std. vorher</translation>
    </message>
    <message>
        <source>Book at least %1 minutes ahead</source>
        <translation>Buchung bis %1 Min. vorher</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>(kein Titel)</translation>
    </message>
    <message>
        <source>(no button text)</source>
        <translation>(kein Button-Text)</translation>
    </message>
    <message>
        <source>Guests: 2 (up to %1)</source>
        <translation>Gäste: 2 (bis zu %1)</translation>
    </message>
    <message>
        <source>Pickup</source>
        <translation>Abholung</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Lieferung</translation>
    </message>
    <message>
        <source>Neither pickup nor delivery</source>
        <translation>Weder Abholung noch Lieferung</translation>
    </message>
    <message>
        <source>Minimum order %1</source>
        <translation>Mindestbestellwert %1</translation>
    </message>
    <message>
        <source>Online orders are paused right now.</source>
        <translation>Online-Bestellungen sind gerade pausiert.</translation>
    </message>
    <message>
        <source>Preview of the widget as guests see it</source>
        <translation>Vorschau des Widgets, wie Gäste es sehen</translation>
    </message>
    <message>
        <source>Switched off: guests do not see this widget.</source>
        <translation>Ausgeschaltet: Gäste sehen dieses Widget nicht.</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>Öffnungszeiten</translation>
    </message>
</context>
<context>
    <name>hearth::WidgetSettingsEditor</name>
    <message>
        <source>15 minutes</source>
        <translation>15 Minuten</translation>
    </message>
    <message>
        <source>30 minutes</source>
        <translation>30 Minuten</translation>
    </message>
    <message>
        <source>60 minutes</source>
        <translation>60 Minuten</translation>
    </message>
    <message>
        <source>table booking</source>
        <translation>Tischreservierung</translation>
    </message>
    <message>
        <source>online ordering</source>
        <translation>Online-Bestellung</translation>
    </message>
    <message>
        <source>%1 — %2 widget</source>
        <comment>name — kind</comment>
        <translation>%1 – Widget für %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>an opening time, then what is wrong with it</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>a setting&apos;s name, then what is wrong with it</comment>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>hearth::WidgetsCache</name>
    <message>
        <source>Hearth could not keep a copy of the widgets on this computer. Everything still works while the server is reachable.</source>
        <translation>Hearth konnte keine Kopie der Widgets auf diesem Computer aufbewahren. Solange der Server erreichbar ist, funktioniert alles weiter.</translation>
    </message>
</context>
<context>
    <name>hearth::WidgetsClient</name>
    <message>
        <source>This restaurant&apos;s backend (%1) shows widget settings read-only; change them in its own admin.</source>
        <extracomment>%1 is the kind of server, e.g. &quot;Rails&quot;</extracomment>
        <translation>Das Backend dieses Restaurants (%1) zeigt die Widget-Einstellungen nur zum Lesen an; ändern Sie sie in dessen eigener Verwaltung.</translation>
    </message>
    <message>
        <source>Only managers can change widgets.</source>
        <translation>Nur Manager können Widgets ändern.</translation>
    </message>
    <message>
        <source>The server does not let this account change widgets.</source>
        <translation>Der Server lässt dieses Konto keine Widgets ändern.</translation>
    </message>
    <message>
        <source>Website widgets are not available for this restaurant&apos;s backend (%1). Whoever set up Hearth for it can add them to its backend profile.</source>
        <extracomment>%1 is the kind of server, e.g. &quot;Rails&quot;</extracomment>
        <translation>Website-Widgets sind für das Backend dieses Restaurants (%1) nicht verfügbar. Wer Hearth dafür eingerichtet hat, kann sie im Backend-Profil ergänzen.</translation>
    </message>
    <message>
        <source>another server</source>
        <translation>anderer Server</translation>
    </message>
</context>
<context>
    <name>hearth::WidgetsPage</name>
    <message>
        <source>Website widgets</source>
        <translation>Website-Widgets</translation>
    </message>
    <message>
        <source>No website widgets yet. They appear here as soon as the server sends them.</source>
        <translation>Noch keine Website-Widgets. Sie erscheinen hier, sobald der Server sie sendet.</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>Alle Änderungen gespeichert</translation>
    </message>
    <message>
        <source>the table booking widget</source>
        <translation>das Widget für Tischreservierungen</translation>
    </message>
    <message>
        <source>the online ordering widget</source>
        <translation>das Widget für Online-Bestellungen</translation>
    </message>
    <message>
        <source>another PC</source>
        <translation>einem anderen PC</translation>
    </message>
    <message>
        <source>%1 is editing %2 on %3 — typing in “%4”</source>
        <comment>who, which widget, which PC, which setting</comment>
        <translation>%1 bearbeitet %2 auf %3 – tippt in „%4“</translation>
    </message>
    <message>
        <source>%1 is editing %2 on %3</source>
        <comment>who, which widget, which PC</comment>
        <translation>%1 bearbeitet %2 auf %3</translation>
    </message>
    <message>
        <source>%1 has %2 open on %3</source>
        <comment>who, which widget, which PC</comment>
        <translation>%1 hat %2 auf %3 geöffnet</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <comment>who on which PC</comment>
        <translation>%1 auf %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Hearth — live orders for the back office.</source>
        <translation>Hearth – aktuelle Bestellungen fürs Büro.</translation>
    </message>
    <message>
        <source>Start a built-in demo server with a simulated service and sign in to it.</source>
        <translation>Einen eingebauten Demo-Server mit simuliertem Betrieb starten und sich dort anmelden.</translation>
    </message>
    <message>
        <source>The server to sign in to.</source>
        <translation>Der Server, bei dem Sie sich anmelden.</translation>
    </message>
    <message>
        <source>A backend profile (JSON) describing a Rails, Supabase or Hearth backend.</source>
        <translation>Ein Backend-Profil (JSON), das ein Rails-, Supabase- oder Hearth-Backend beschreibt.</translation>
    </message>
    <message>
        <source>User name to prefill in the sign-in dialog.</source>
        <translation>Benutzername, der im Anmeldefenster vorausgefüllt wird.</translation>
    </message>
    <message>
        <source>With --demo: new orders per minute (default 12).</source>
        <translation>Mit --demo: neue Bestellungen pro Minute (Standard 12).</translation>
    </message>
    <message>
        <source>Quit after this many seconds (for demos and tests).</source>
        <translation>Nach so vielen Sekunden beenden (für Demos und Tests).</translation>
    </message>
    <message>
        <source>With --quit-after: save a picture of the window to FILE first.</source>
        <translation>Mit --quit-after: vorher ein Bild des Fensters in FILE speichern.</translation>
    </message>
    <message>
        <source>The window&apos;s size, e.g. 800x600 (for screenshots).</source>
        <translation>Die Größe des Fensters, z. B. 800x600 (für Screenshots).</translation>
    </message>
    <message>
        <source>Open Hearth whenever you sign in to this computer (on), or stop doing so (off).</source>
        <translation>Hearth bei jeder Anmeldung an diesem Computer öffnen (on) oder nicht mehr öffnen (off).</translation>
    </message>
    <message>
        <source>The language of the labels, e.g. de or en (default: the system&apos;s).</source>
        <translation>Die Sprache der Beschriftungen, z. B. de oder en (Standard: die des Systems).</translation>
    </message>
    <message>
        <source>--start-at-login is on or off.</source>
        <translation>--start-at-login ist on oder off.</translation>
    </message>
    <message>
        <source>Hearth will open when you sign in (%1).</source>
        <translation>Hearth wird bei der Anmeldung geöffnet (%1).</translation>
    </message>
    <message>
        <source>Hearth will no longer open when you sign in.</source>
        <translation>Hearth wird bei der Anmeldung nicht mehr geöffnet.</translation>
    </message>
    <message>
        <source>--simulate needs a number of orders per minute.</source>
        <translation>--simulate braucht eine Anzahl von Bestellungen pro Minute.</translation>
    </message>
    <message>
        <source>--quit-after needs a whole number of seconds.</source>
        <translation>--quit-after braucht eine ganze Zahl von Sekunden.</translation>
    </message>
    <message>
        <source>--size is a width and a height, like 800x600.</source>
        <translation>--size ist eine Breite und eine Höhe, etwa 800x600.</translation>
    </message>
    <message>
        <source>the demo server could not start: %1</source>
        <translation>der Demo-Server konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>could not sign in to the demo server: %1</source>
        <translation>Anmeldung beim Demo-Server fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>could not write the screenshot to %1</source>
        <translation>der Screenshot konnte nicht in %1 gespeichert werden</translation>
    </message>
    <message>
        <source>The page to open on: orders (default), widgets, inventory or analytics.</source>
        <translation>Die Seite beim Start: orders (Standard), widgets, inventory oder analytics.</translation>
    </message>
    <message>
        <source>--page is orders, widgets, inventory or analytics.</source>
        <translation>--page ist orders, widgets, inventory oder analytics.</translation>
    </message>
</context>
</TS>
