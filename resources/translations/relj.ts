<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name></name>
    <message>
        <location filename="../../relj/ui/app.py" line="116"/>
        <source>Cannot create the folder for the journal: %1</source>
        <extracomment>Fallback start time when /proc is not there (not Linux): as early as this module is imported.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/app.py" line="116"/>
        <location filename="../../relj/ui/errors.py" line="53"/>
        <source>relj</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/app.py" line="122"/>
        <source>relj is already open on this journal (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/app.py" line="123"/>
        <source>relj is already open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/app.py" line="141"/>
        <source>relj cannot open the journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/errors.py" line="63"/>
        <source>relj hit a bug and could not finish what you asked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/errors.py" line="64"/>
        <source>The details are in the log file:
%1

Your journal is safe: every change is saved as it is made. Please report the bug with that file (it holds no names or notes, only the program&apos;s state).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/errors.py" line="66"/>
        <source>(the log could not be written)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/errors.py" line="67"/>
        <source>relj: internal error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/models.py" line="54"/>
        <source>in %1 days</source>
        <extracomment>The person id of a row (people, interest members, interactions&apos; first participant). The channel mix covers the last year: what the relationship is now, not what it was.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/models.py" line="56"/>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/models.py" line="58"/>
        <source>yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/models.py" line="60"/>
        <source>%1 days ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/models.py" line="62"/>
        <source>%1 weeks ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/models.py" line="64"/>
        <source>%1 months ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/models.py" line="65"/>
        <source>%1 years ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/models.py" line="74"/>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/models.py" line="131"/>
        <source>never</source>
        <extracomment>Roles a view asks of every cell that the people table never sets: answered first, for nothing. Per column: a &quot;never&quot; date, drawn in the placeholder colour. Every id for the current sort, circle and interest, before the search query.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/models.py" line="249"/>
        <source>Contact in the last 12 months: together, voice and written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/models.py" line="287"/>
        <source>Last 12 months: %1 together, %2 voice, %3 written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/models.py" line="292"/>
        <source>%1 together, %2 voice, %3 written in the last year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/models.py" line="384"/>
        <source>One of your interests: you share it with %1 people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/models.py" line="385"/>
        <source>%1 people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/models.py" line="388"/>
        <source>yours: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/models.py" line="545"/>
        <source>with </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupSettingsDialog</name>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="323"/>
        <location filename="../../relj/ui/backup_dialogs.py" line="383"/>
        <location filename="../../relj/ui/backup_dialogs.py" line="398"/>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="331"/>
        <source>Folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="332"/>
        <source>&amp;Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="339"/>
        <source>Warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="343"/>
        <source>Back up &amp;automatically when the app closes (at most once a day)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="347"/>
        <source>Keep &amp;daily backups:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="348"/>
        <source>Keep &amp;weekly backups:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="349"/>
        <source>Keep &amp;monthly backups:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="353"/>
        <source>&amp;Encrypt backups with a passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="358"/>
        <source>&amp;Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="367"/>
        <source>Last backup: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="384"/>
        <source>Automatic backups can only be encrypted with a passphrase remembered in the keyring, and there is none on this system. Set RELJ_BACKUP_PASSPHRASE, or leave encryption off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="387"/>
        <source>Choose the passphrase for backups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="393"/>
        <source>Keyring</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChannelRow</name>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="97"/>
        <source>Channel</source>
        <extracomment>One key per channel, shown on its button: in the channel row the bare letter, anywhere Alt+letter. A candidate that stands for &quot;add this name as a new person&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="98"/>
        <source>Press a channel&apos;s letter to choose it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="100"/>
        <source>In person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="101"/>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="102"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="103"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="104"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="105"/>
        <source>Letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="106"/>
        <source>Social</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="121"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="122"/>
        <source>%1: press %2, or Alt+%3 from any field</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <location filename="../../relj/ui/palette.py" line="123"/>
        <source>Command palette</source>
        <extracomment>People shown at most: the store is asked per keystroke, with this LIMIT.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/palette.py" line="124"/>
        <source>Go to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/palette.py" line="131"/>
        <source>Search people and actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/palette.py" line="132"/>
        <source>Type a name, an email or an action…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/palette.py" line="137"/>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/palette.py" line="147"/>
        <source>No results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/palette.py" line="200"/>
        <source>recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/palette.py" line="213"/>
        <source>Nothing matches “%1”. Add a person with Ctrl+N.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactChart</name>
    <message>
        <location filename="../../relj/ui/chart.py" line="42"/>
        <source>Contact per month</source>
        <extracomment>Bottom to top: the richest contact sits on the baseline where the eye looks first.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/chart.py" line="73"/>
        <source>Last 12 months: %1 together, %2 voice, %3 written. Last 6 months: %4 together, %5 voice, %6 written. The 12 months before: %7 together, %8 voice, %9 written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/chart.py" line="105"/>
        <source>together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/chart.py" line="105"/>
        <source>voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/chart.py" line="105"/>
        <source>written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/chart.py" line="162"/>
        <source>No contact logged in these months</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DayField</name>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="215"/>
        <location filename="../../relj/ui/quick_log.py" line="225"/>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="216"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="217"/>
        <source>Type yesterday, y, -2, 3d, 1w, mon or a date; Up and Down move by a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="225"/>
        <source>yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="225"/>
        <source>tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DueNotifier</name>
    <message>
        <location filename="../../relj/ui/notifier.py" line="85"/>
        <source>%1 needs your attention</source>
        <extracomment>How many of the most urgent entries are watched. Watching the top of the list (not all ~2,000 people a 10,000-person journal flags) keeps each check cheap and the news relevant.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/notifier.py" line="90"/>
        <source>%n people need your attention</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/notifier.py" line="91"/>
        <source> and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicateGroupsModel</name>
    <message>
        <location filename="../../relj/ui/duplicates_dialog.py" line="72"/>
        <source>same name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/duplicates_dialog.py" line="72"/>
        <source>same phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/duplicates_dialog.py" line="73"/>
        <source>same name and phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/duplicates_dialog.py" line="74"/>
        <source>%1 · %2 people · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/duplicates_dialog.py" line="77"/>
        <source>Only the first %1 are listed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DuplicateMembersModel</name>
    <message>
        <location filename="../../relj/ui/duplicates_dialog.py" line="192"/>
        <source>keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/duplicates_dialog.py" line="192"/>
        <source>merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/duplicates_dialog.py" line="192"/>
        <source>leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/duplicates_dialog.py" line="204"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <location filename="../../relj/ui/duplicates_dialog.py" line="228"/>
        <location filename="../../relj/ui/duplicates_dialog.py" line="348"/>
        <source>Find duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/duplicates_dialog.py" line="236"/>
        <source>Groups of likely duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/duplicates_dialog.py" line="241"/>
        <source>People in this group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/duplicates_dialog.py" line="252"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/duplicates_dialog.py" line="255"/>
        <source>&amp;Merge into the one kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/duplicates_dialog.py" line="256"/>
        <source>&amp;Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/duplicates_dialog.py" line="257"/>
        <source>&amp;Undo merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/duplicates_dialog.py" line="298"/>
        <source>%1 groups of people who may be one person (the same name, or the same phone number). K: keep the person selected (in bold). Space: leave someone out, or put them back. Enter or M: merge the others into the one kept. S: skip. Ctrl+Z: undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/duplicates_dialog.py" line="303"/>
        <source>No likely duplicates: no two people share a name or a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/duplicates_dialog.py" line="340"/>
        <source>Merge %1 people into %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/duplicates_dialog.py" line="356"/>
        <source>Merged %1 into %2 (#%3): %4 contact points, %5 interactions and %6 relationships moved. Ctrl+Z undoes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/duplicates_dialog.py" line="389"/>
        <source>Merge undone: both are back as they were.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="54"/>
        <source>Import %1</source>
        <extracomment>Formats where unknown people may be created (address books always add people).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="63"/>
        <source>Create people for unknown addresses and numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="66"/>
        <source> messages at least</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="67"/>
        <source>Leave out unreadable records and import the rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="69"/>
        <source>as the chat shows it, e.g. Sam Rivera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="70"/>
        <source>WhatsApp writes your messages under this name; relj leaves you out of the people you chatted with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="75"/>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="77"/>
        <source>Only with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="79"/>
        <source>&amp;Your name in the chat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="84"/>
        <source>What the import will do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="86"/>
        <source>Unreadable records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="93"/>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="94"/>
        <source>&amp;Preview again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="104"/>
        <source>Preview (nothing is written until you import):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="106"/>
        <source>Unreadable records:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="157"/>
        <source>Type your name as the chat shows it under “Your name in the chat”, so that relj leaves you out of the people you chatted with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="161"/>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="161"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="166"/>
        <source>Read %1 records…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="206"/>
        <source>Import cancelled; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InterestsView</name>
    <message>
        <location filename="../../relj/ui/interests_view.py" line="33"/>
        <location filename="../../relj/ui/interests_view.py" line="38"/>
        <location filename="../../relj/ui/interests_view.py" line="55"/>
        <source>Interests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/interests_view.py" line="43"/>
        <source>★ marks your own interests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/interests_view.py" line="47"/>
        <source>Find an interest: climbing, jazz, chess…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/interests_view.py" line="48"/>
        <source>Find an interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/interests_view.py" line="81"/>
        <source>People who share this interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/interests_view.py" line="87"/>
        <source>Enter or double-click opens a person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/interests_view.py" line="108"/>
        <source>No interests yet. Add them on a person&apos;s page, and your own with `relj me --interest`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/interests_view.py" line="155"/>
        <source>Choose an interest to see who shares it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/interests_view.py" line="160"/>
        <source>%1 people share your interest in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/interests_view.py" line="161"/>
        <source>1 person shares your interest in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/interests_view.py" line="163"/>
        <source>%1 people are into %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/interests_view.py" line="163"/>
        <source>1 person is into %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Journal</name>
    <message>
        <location filename="../../relj/ui/journal.py" line="118"/>
        <source>Add %s</source>
        <extracomment>Kinds of change that screens listen for.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/journal.py" line="126"/>
        <source>Edit %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/journal.py" line="136"/>
        <source>Edit contact details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/journal.py" line="145"/>
        <source>Edit interests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/journal.py" line="162"/>
        <source>Delete %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/journal.py" line="186"/>
        <source>Merge into %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/journal.py" line="195"/>
        <source>Add relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/journal.py" line="208"/>
        <source>Remove relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/journal.py" line="229"/>
        <source>Plan meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/journal.py" line="229"/>
        <source>Log %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/journal.py" line="237"/>
        <source>Edit interaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/journal.py" line="249"/>
        <source>Delete interaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/journal.py" line="277"/>
        <source>Thank-you note sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/journal.py" line="277"/>
        <source>Dismiss follow-up</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../relj/ui/main_window.py" line="105"/>
        <source>relj</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="115"/>
        <source>Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="123"/>
        <source>Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="123"/>
        <source>Who you have drifted from (Ctrl+1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="124"/>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="124"/>
        <source>Everyone in your journal (Ctrl+2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="125"/>
        <source>Interests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="125"/>
        <source>Who shares what (Ctrl+3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="126"/>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="126"/>
        <source>Every interaction, newest first (Ctrl+4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="153"/>
        <source>Journal size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="267"/>
        <source>That person is no longer in the journal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="299"/>
        <source>Deleted %1. Ctrl+Z brings them back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="319"/>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="320"/>
        <source>Import contacts, calendars, mail or a phone backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="321"/>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="322"/>
        <source>Export the journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="323"/>
        <source>&amp;Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="324"/>
        <source>Make a backup of the journal now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="325"/>
        <source>&amp;Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="326"/>
        <source>Restore the journal from a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="327"/>
        <source>Backup &amp;settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="328"/>
        <source>Automatic backups, retention, encryption; the last backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="329"/>
        <source>&amp;Notify when someone becomes due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="330"/>
        <source>A tray notification when someone new is among the most urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="332"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="336"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="338"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="344"/>
        <source>&amp;New person…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="345"/>
        <source>Add someone to the journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="346"/>
        <source>&amp;Quick log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="347"/>
        <source>Log a meeting, call or message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="348"/>
        <source>&amp;Delete person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="349"/>
        <source>Delete the selected person (Ctrl+Z brings them back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="350"/>
        <source>Find d&amp;uplicates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="351"/>
        <source>People who may be one person: merge them (Ctrl+Z undoes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="353"/>
        <source>&amp;Command palette…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="354"/>
        <source>Jump to a person or run an action by typing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="355"/>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="355"/>
        <source>Search this view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="356"/>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="356"/>
        <source>Back to the last view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="358"/>
        <source>&amp;Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="358"/>
        <source>&amp;People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="358"/>
        <source>&amp;Interests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="359"/>
        <source>&amp;Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="362"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="363"/>
        <source>&amp;About relj</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="368"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="376"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="382"/>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="386"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="408"/>
        <source>New person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="408"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="421"/>
        <source>Quick log is not available yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="428"/>
        <source>Logged %1 with %2. Ctrl+Z undoes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="434"/>
        <source>Select a person to delete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="445"/>
        <source>The command palette is not available yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="468"/>
        <location filename="../../relj/ui/main_window.py" line="472"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="468"/>
        <location filename="../../relj/ui/main_window.py" line="472"/>
        <source>Import is not available yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="482"/>
        <source>Merged %1 duplicates. Ctrl+Z undoes the last merge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="491"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="492"/>
        <source>Export is not available here yet; use `relj export` for now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="500"/>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="500"/>
        <source>Backups are not available yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="531"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="538"/>
        <source>About relj</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="539"/>
        <source>&lt;h3&gt;relj %1&lt;/h3&gt;&lt;p&gt;A journal of the people in your life, and of how you really keep in touch: together, by voice, or only in writing.&lt;/p&gt;&lt;p&gt;Your journal stays on this computer.&lt;/p&gt;&lt;p&gt;Licensed under the GPL, version 3 or later.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="558"/>
        <source>%1 people · %2 interactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="612"/>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="626"/>
        <source>Dismiss the warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="627"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewPersonDialog</name>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="48"/>
        <location filename="../../relj/ui/person_dialog.py" line="49"/>
        <source>New person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="54"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="55"/>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="58"/>
        <source>Emails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="59"/>
        <source>ana@example.org, ana@work.example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="60"/>
        <source>Email problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="62"/>
        <source>Phones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="63"/>
        <source>Separate several with commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="65"/>
        <source>Circle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="66"/>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="70"/>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="73"/>
        <source>Interests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="74"/>
        <source>climbing, jazz, …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="77"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="80"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="83"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="84"/>
        <source>Add person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="85"/>
        <source>Add (Enter, or Ctrl+Enter from the notes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="88"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="93"/>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="94"/>
        <source>&amp;Emails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="96"/>
        <source>&amp;Phones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="97"/>
        <source>&amp;Circle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="98"/>
        <source>&amp;Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="99"/>
        <source>&amp;Interests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="100"/>
        <source>No&amp;tes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="144"/>
        <source>%1 is given twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="171"/>
        <source>A person needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="82"/>
        <source>Backup passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="89"/>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="93"/>
        <source>&amp;Again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="95"/>
        <source>&amp;Remember it in the system keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="101"/>
        <source>The passphrase cannot be remembered: %1. You will be asked each time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="115"/>
        <source>Enter a passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="118"/>
        <source>The two passphrases differ.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeopleView</name>
    <message>
        <location filename="../../relj/ui/people_view.py" line="180"/>
        <location filename="../../relj/ui/people_view.py" line="183"/>
        <location filename="../../relj/ui/people_view.py" line="237"/>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/people_view.py" line="190"/>
        <source>Number of people shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/people_view.py" line="195"/>
        <source>Search names, emails, organisations, notes, interests…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/people_view.py" line="196"/>
        <source>Search people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/people_view.py" line="209"/>
        <source>Filter by circle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/people_view.py" line="213"/>
        <source>Filter by interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/people_view.py" line="219"/>
        <location filename="../../relj/ui/people_view.py" line="221"/>
        <source>New person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/people_view.py" line="220"/>
        <source>Add someone (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/people_view.py" line="293"/>
        <source>All circles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/people_view.py" line="294"/>
        <source>All interests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/people_view.py" line="301"/>
        <source>No circle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/people_view.py" line="335"/>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/people_view.py" line="337"/>
        <source>%1 people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/people_view.py" line="338"/>
        <source>1 person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/people_view.py" line="343"/>
        <source>No one matches. Try fewer words, or clear the filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/people_view.py" line="345"/>
        <source>No one yet: add a person with Ctrl+N, or import your contacts (File ▸ Import, or drop a file here).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonPage</name>
    <message>
        <location filename="../../relj/ui/person_page.py" line="207"/>
        <source>‹ Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="208"/>
        <source>Back (Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="209"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="214"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="222"/>
        <source>Log contact…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="223"/>
        <source>Log a meeting, call or message with them (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="224"/>
        <source>Log contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="226"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="227"/>
        <source>Delete this person (Ctrl+Z brings them back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="228"/>
        <source>Delete person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="232"/>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="241"/>
        <location filename="../../relj/ui/person_page.py" line="247"/>
        <source>Circle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="249"/>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="250"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="251"/>
        <source>How we met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="251"/>
        <source>e.g. university, climbing gym</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="252"/>
        <source>Birthday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="252"/>
        <source>YYYY-MM-DD, or --MM-DD without the year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="261"/>
        <location filename="../../relj/ui/person_page.py" line="266"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="262"/>
        <source>Anything worth remembering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="273"/>
        <source>Emails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="273"/>
        <location filename="../../relj/ui/person_page.py" line="274"/>
        <location filename="../../relj/ui/person_page.py" line="275"/>
        <source>separate with commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="274"/>
        <source>Phones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="275"/>
        <source>Links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="284"/>
        <location filename="../../relj/ui/person_page.py" line="289"/>
        <source>Addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="285"/>
        <source>one address per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="291"/>
        <location filename="../../relj/ui/person_page.py" line="301"/>
        <source>Meet or talk every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="292"/>
        <location filename="../../relj/ui/person_page.py" line="302"/>
        <source>Any contact every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="293"/>
        <source>Paused: leave them out of Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="294"/>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="296"/>
        <source>Writing is enough with them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="297"/>
        <source>Writing is enough</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="307"/>
        <location filename="../../relj/ui/person_page.py" line="342"/>
        <source>Interests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="310"/>
        <source>Add an interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="311"/>
        <source>Add an interest and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="320"/>
        <location filename="../../relj/ui/person_page.py" line="346"/>
        <source>Relationships</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="323"/>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="324"/>
        <source>Add relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="326"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="327"/>
        <source>Remove relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="338"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="340"/>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="349"/>
        <source>Rhythm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="364"/>
        <source>Last together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="364"/>
        <source>Last voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="365"/>
        <source>Last written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="387"/>
        <source>Interactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="391"/>
        <source>Interactions with this person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="403"/>
        <source>Nothing logged yet. Press Ctrl+L to log a meeting, call or message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="411"/>
        <source>Contact per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="439"/>
        <source>usual for the circle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="440"/>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="513"/>
        <source>No circle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="529"/>
        <source>You share this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="530"/>
        <source>%1, you share this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="532"/>
        <source>Select and press Delete to remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="536"/>
        <source>★ you share %1 of these</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="538"/>
        <source>No interests in common yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="539"/>
        <source>No interests noted yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="560"/>
        <source>Enter or double-click opens %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="563"/>
        <source>No one linked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="573"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="586"/>
        <source>%1 interactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="586"/>
        <source>1 interaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="588"/>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="590"/>
        <source>Interactions (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="607"/>
        <source>relj</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <location filename="../../relj/ui/reconnect_dialogs.py" line="39"/>
        <source>Plan a meeting with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_dialogs.py" line="40"/>
        <source>Plan a meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_dialogs.py" line="48"/>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_dialogs.py" line="50"/>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_dialogs.py" line="55"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_dialogs.py" line="56"/>
        <source>Coffee, a walk, a call…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_dialogs.py" line="58"/>
        <source>&amp;Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_dialogs.py" line="59"/>
        <source>&amp;Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_dialogs.py" line="60"/>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuickLogDialog</name>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="260"/>
        <source>Log an interaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="261"/>
        <source>Quick log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="267"/>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="268"/>
        <source>Name or email; separate several people with commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="273"/>
        <source>People chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="280"/>
        <source>Channel hint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="289"/>
        <source>Date chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="294"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="295"/>
        <source>What happened? (optional; Shift+Enter for a new line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="301"/>
        <source>&amp;More</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="305"/>
        <location filename="../../relj/ui/quick_log.py" line="308"/>
        <source>More details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="310"/>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="312"/>
        <source>Duration in minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="315"/>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="316"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="318"/>
        <source>Who reached out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="319"/>
        <source>not noted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="319"/>
        <source>I did</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="320"/>
        <source>they did</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="324"/>
        <source>Pl&amp;ace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="325"/>
        <source>D&amp;uration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="326"/>
        <source>Who &amp;reached out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="330"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="336"/>
        <location filename="../../relj/ui/quick_log.py" line="337"/>
        <location filename="../../relj/ui/quick_log.py" line="494"/>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="338"/>
        <source>Log it (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="343"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="348"/>
        <source>&amp;Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="350"/>
        <source>&amp;How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="355"/>
        <source>&amp;Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="356"/>
        <source>N&amp;ote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="411"/>
        <source>add as a new person…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="480"/>
        <source>Choose how: press %1 (or Alt+letter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="482"/>
        <source>As last time with them: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="488"/>
        <source>Not a date: try y, -2, mon or 2024-03-05</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="492"/>
        <source>%1 — planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="494"/>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="502"/>
        <source>Who was it? Type a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="504"/>
        <source>How was it? Press i, v, p, t, e, l or s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="506"/>
        <source>That date makes no sense: try y, -2, mon or 2024-03-05.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReconnectDelegate</name>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="333"/>
        <source>rich: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="335"/>
        <source>never met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="337"/>
        <source>%1 written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="339"/>
        <source>planned %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReconnectModel</name>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="167"/>
        <source>Person</source>
        <extracomment>The dialogs live in relj.ui.reconnect_dialogs (their widgets cost ~2 ms to load at start-up); they are still importable from here. The home view shows the most urgent people; the rest are counted, not drawn. Entries built on reload: more than a tall window shows, so the first paint is complete. Entries built each time the list asks for more.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReconnectPlaceholder</name>
    <message>
        <location filename="../../relj/ui/main_window.py" line="45"/>
        <location filename="../../relj/ui/main_window.py" line="57"/>
        <source>Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="51"/>
        <source>Reconnect is coming: it will show who you only write to.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReconnectView</name>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="395"/>
        <location filename="../../relj/ui/reconnect_view.py" line="399"/>
        <location filename="../../relj/ui/reconnect_view.py" line="404"/>
        <location filename="../../relj/ui/reconnect_view.py" line="614"/>
        <source>Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="406"/>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="408"/>
        <location filename="../../relj/ui/reconnect_view.py" line="409"/>
        <source>Say thanks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="412"/>
        <source>Thank-you notes to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="421"/>
        <source>People to reconnect with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="425"/>
        <source>Everyone is in touch. Nothing to do.

People you only write to, or who have gone quiet, will appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="429"/>
        <source>Nothing to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="468"/>
        <source>Selected person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="475"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="478"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="482"/>
        <source>Openers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="486"/>
        <source>&amp;Plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="486"/>
        <source>&amp;Snooze…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="487"/>
        <source>Pa&amp;use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="487"/>
        <source>&amp;Not now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="488"/>
        <source>&amp;Writing is fine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="488"/>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="519"/>
        <source>Plan a meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="520"/>
        <source>Snooze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="521"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="522"/>
        <source>Not now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="523"/>
        <source>Written contact is fine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="524"/>
        <source>Open person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="525"/>
        <source>Thank-you note sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="527"/>
        <source>Dismiss follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="543"/>
        <source>The %1 most urgent of %2 people who need attention.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="546"/>
        <source>%1 people need attention.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="547"/>
        <source>One person needs attention.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RelationshipDialog</name>
    <message>
        <location filename="../../relj/ui/person_page.py" line="125"/>
        <source>Add relationship</source>
        <extracomment>Directional kinds read &quot;A is KIND of B&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="139"/>
        <source>Other person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="140"/>
        <source>Type a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="146"/>
        <source>Kind of relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="152"/>
        <location filename="../../relj/ui/person_page.py" line="156"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="154"/>
        <source>%1 is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="155"/>
        <source>Of / with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="167"/>
        <source>Choose someone from the list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="219"/>
        <source>Restore a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="225"/>
        <source>Restoring replaces the journal with the backup. The journal as it is now is backed up first, so this can be undone by restoring that backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="239"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="239"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="247"/>
        <source>No backups in %1 yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="249"/>
        <source>&amp;Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="251"/>
        <source>Other &amp;file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="258"/>
        <source>Restore from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="259"/>
        <source>relj backups (*.reljbak);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message>
        <location filename="../../relj/ui/reconnect_dialogs.py" line="87"/>
        <source>Snooze %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_dialogs.py" line="88"/>
        <source>Snooze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_dialogs.py" line="92"/>
        <source>Until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_dialogs.py" line="98"/>
        <source>&amp;Until</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../relj/ui/timeline_view.py" line="35"/>
        <location filename="../../relj/ui/timeline_view.py" line="39"/>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/timeline_view.py" line="56"/>
        <source>Show %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/timeline_view.py" line="57"/>
        <source>Show or hide %1 (%2 mode)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/timeline_view.py" line="66"/>
        <source>Only with… (type a name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/timeline_view.py" line="67"/>
        <source>Filter by person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/timeline_view.py" line="82"/>
        <source>Interactions, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/timeline_view.py" line="165"/>
        <source>No one in the journal is called that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/timeline_view.py" line="167"/>
        <source>Nothing matches these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/timeline_view.py" line="169"/>
        <source>Nothing logged yet. Press Ctrl+L to log a meeting, call or message.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenCompleter</name>
    <message>
        <location filename="../../relj/ui/completer.py" line="170"/>
        <source>Suggestions</source>
        <extracomment>How many suggestions a completer shows. Every source query carries a LIMIT: the store is asked per keystroke, so typing stays instant with 10,000 people. The item role of the dimmed hint drawn at the right of a row (an email, a shortcut). A source gets the token being typed and the person ids already chosen in the field. Inserted text -&gt; person id, so that a completed name resolves to the person picked even when two people share it.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="238"/>
        <source>Edit ▸ Find duplicates… (Ctrl+Shift+D) shows them side by side and merges them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="240"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="220"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>relj</name>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="273"/>
        <source>only written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="274"/>
        <source>gone quiet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
