<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name></name>
    <message numerus="yes">
        <location filename="../../relj/ui/import_dialog.py" line="69"/>
        <source>%Ln new people</source>
        <translation>
            <numerusform>%Ln new person</numerusform>
            <numerusform>%Ln new people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/import_dialog.py" line="71"/>
        <source>new details for %n people already here</source>
        <translation>
            <numerusform>new details for %n person already here</numerusform>
            <numerusform>new details for %n people already here</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/import_dialog.py" line="73"/>
        <source>%Ln people already here with nothing new</source>
        <translation>
            <numerusform>%Ln person already here with nothing new</numerusform>
            <numerusform>%Ln people already here with nothing new</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/import_dialog.py" line="75"/>
        <location filename="../../relj/ui/import_table.py" line="65"/>
        <location filename="../../relj/ui/sources_page.py" line="116"/>
        <source>%Ln interactions</source>
        <translation>
            <numerusform>%Ln interaction</numerusform>
            <numerusform>%Ln interactions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/import_dialog.py" line="77"/>
        <source>%Ln planned meetings brought up to date</source>
        <translation>
            <numerusform>%Ln planned meeting brought up to date</numerusform>
            <numerusform>%Ln planned meetings brought up to date</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/import_dialog.py" line="79"/>
        <source>%Ln records left out</source>
        <translation>
            <numerusform>%Ln record left out</numerusform>
            <numerusform>%Ln records left out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/import_dialog.py" line="81"/>
        <source>%Ln unreadable records left out</source>
        <translation>
            <numerusform>%Ln unreadable record left out</numerusform>
            <numerusform>%Ln unreadable records left out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/source_watch.py" line="47"/>
        <source>Read %Ln sources</source>
        <translation>
            <numerusform>Read %Ln source</numerusform>
            <numerusform>Read %Ln sources</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/source_watch.py" line="50"/>
        <source>%n interactions</source>
        <translation>
            <numerusform>%n interaction</numerusform>
            <numerusform>%n interactions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/import_dialog.py" line="444"/>
        <source>Exported %n people to %1.</source>
        <translation>
            <numerusform>Exported %n person to %1.</numerusform>
            <numerusform>Exported %n people to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/models.py" line="57"/>
        <source>in %n days</source>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/models.py" line="63"/>
        <source>%n days ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/models.py" line="65"/>
        <source>%n weeks ago</source>
        <translation>
            <numerusform>%n week ago</numerusform>
            <numerusform>%n weeks ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/models.py" line="67"/>
        <source>%n months ago</source>
        <translation>
            <numerusform>%n month ago</numerusform>
            <numerusform>%n months ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/models.py" line="68"/>
        <source>%n years ago</source>
        <translation>
            <numerusform>%n year ago</numerusform>
            <numerusform>%n years ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/models.py" line="383"/>
        <source>One of your interests: you share it with %n people</source>
        <translation>
            <numerusform>One of your interests: you share it with %n person</numerusform>
            <numerusform>One of your interests: you share it with %n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/models.py" line="384"/>
        <location filename="../../relj/ui/source_watch.py" line="50"/>
        <source>%n people</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/reconnect_delegate.py" line="59"/>
        <source>%n+ messages since</source>
        <translation>
            <numerusform>%n+ message since</numerusform>
            <numerusform>%n+ messages since</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/reconnect_delegate.py" line="60"/>
        <source>%n messages since</source>
        <translation>
            <numerusform>%n message since</numerusform>
            <numerusform>%n messages since</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/source_watch.py" line="54"/>
        <source>%n could not be read</source>
        <translation>
            <numerusform>%n could not be read</numerusform>
            <numerusform>%n could not be read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/sort_people.py" line="194"/>
        <source>Sort %n people…</source>
        <translation>
            <numerusform>Sort %n person…</numerusform>
            <numerusform>Sort %n people…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/rhythms_dialog.py" line="66"/>
        <source>every %n weeks</source>
        <translation>
            <numerusform>every %n week</numerusform>
            <numerusform>every %n weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/rhythms_dialog.py" line="68"/>
        <source>every %n months</source>
        <translation>
            <numerusform>every %n month</numerusform>
            <numerusform>every %n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/rhythms_dialog.py" line="84"/>
        <source>missed at least %n times in a row</source>
        <translation>
            <numerusform>missed at least %n time in a row</numerusform>
            <numerusform>missed at least %n times in a row</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/rhythms_dialog.py" line="85"/>
        <source>missed %n times in a row</source>
        <translation>
            <numerusform>missed %n time in a row</numerusform>
            <numerusform>missed %n times in a row</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/import_table.py" line="41"/>
        <source>%Ln email addresses</source>
        <extracomment>One choice for a row: the decision and how it reads.</extracomment>
        <translation>
            <numerusform>%Ln email address</numerusform>
            <numerusform>%Ln email addresses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/import_table.py" line="43"/>
        <source>%Ln phone numbers</source>
        <translation>
            <numerusform>%Ln phone number</numerusform>
            <numerusform>%Ln phone numbers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/import_table.py" line="45"/>
        <source>%Ln postal addresses</source>
        <translation>
            <numerusform>%Ln postal address</numerusform>
            <numerusform>%Ln postal addresses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/import_table.py" line="47"/>
        <source>%Ln web links</source>
        <translation>
            <numerusform>%Ln web link</numerusform>
            <numerusform>%Ln web links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/import_table.py" line="49"/>
        <source>%Ln interests</source>
        <translation>
            <numerusform>%Ln interest</numerusform>
            <numerusform>%Ln interests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/import_table.py" line="57"/>
        <source>%Ln messages</source>
        <translation>
            <numerusform>%Ln message</numerusform>
            <numerusform>%Ln messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/import_table.py" line="59"/>
        <source>%Ln calls</source>
        <translation>
            <numerusform>%Ln call</numerusform>
            <numerusform>%Ln calls</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/import_table.py" line="61"/>
        <source>%Ln meetings</source>
        <translation>
            <numerusform>%Ln meeting</numerusform>
            <numerusform>%Ln meetings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/sources_page.py" line="116"/>
        <source>%Ln people</source>
        <translation>
            <numerusform>%Ln person</numerusform>
            <numerusform>%Ln people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgendaStrip</name>
    <message numerus="yes">
        <location filename="../../relj/ui/agenda_view.py" line="132"/>
        <source>%n thank-you(s)</source>
        <translation>
            <numerusform>%n thank-you</numerusform>
            <numerusform>%n thank-yous</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/agenda_view.py" line="204"/>
        <location filename="../../relj/ui/agenda_view.py" line="215"/>
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/agenda_view.py" line="214"/>
        <source>and %Ln more this week</source>
        <translation>
            <numerusform>and %Ln more this week</numerusform>
            <numerusform>and %Ln more this week</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BriefSection</name>
    <message numerus="yes">
        <location filename="../../relj/ui/person_brief.py" line="103"/>
        <source>You started %1 of the last %Ln contacts</source>
        <translation>
            <numerusform>You started %1 of the last %Ln contact</numerusform>
            <numerusform>You started %1 of the last %Ln contacts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactChart</name>
    <message numerus="yes">
        <location filename="../../relj/ui/chart.py" line="107"/>
        <source>Expected: every %n days.</source>
        <translation>
            <numerusform>Expected: every day.</numerusform>
            <numerusform>Expected: every %n days.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactHistory</name>
    <message numerus="yes">
        <location filename="../../relj/ui/person_history.py" line="131"/>
        <source>Interactions (%Ln)</source>
        <translation>
            <numerusform>Interactions (%Ln)</numerusform>
            <numerusform>Interactions (%Ln)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DueNotifier</name>
    <message numerus="yes">
        <location filename="../../relj/ui/notifier.py" line="90"/>
        <source>%n people need your attention</source>
        <translation>
            <numerusform>%n person needs your attention</numerusform>
            <numerusform>%n people need your attention</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/notifier.py" line="91"/>
        <source> and %n more</source>
        <translation>
            <numerusform> and %n more</numerusform>
            <numerusform> and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicateGroupsModel</name>
    <message numerus="yes">
        <location filename="../../relj/ui/duplicates_dialog.py" line="74"/>
        <source>%1 · %n people · %2</source>
        <translation>
            <numerusform>%1 · %n person · %2</numerusform>
            <numerusform>%1 · %n people · %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/duplicates_dialog.py" line="76"/>
        <source>Only the first %n are listed</source>
        <translation>
            <numerusform>Only the first %n is listed</numerusform>
            <numerusform>Only the first %n are listed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message numerus="yes">
        <location filename="../../relj/ui/duplicates_dialog.py" line="301"/>
        <source>%n groups of people who may be one person (the same name, or the same phone number). K: keep the person selected (in bold). Space: leave someone out, or put them back. Enter or M: merge the others into the one kept. S: skip. N: not the same person. Ctrl+Z: undo.</source>
        <translation>
            <numerusform>One group of people who may be one person (the same name, or the same phone number). K: keep the person selected (in bold). Space: leave someone out, or put them back. Enter or M: merge the others into the one kept. S: skip. N: not the same person. Ctrl+Z: undo.</numerusform>
            <numerusform>%n groups of people who may be one person (the same name, or the same phone number). K: keep the person selected (in bold). Space: leave someone out, or put them back. Enter or M: merge the others into the one kept. S: skip. N: not the same person. Ctrl+Z: undo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/duplicates_dialog.py" line="345"/>
        <source>Merge %n people into %1</source>
        <translation>
            <numerusform>Merge %n person into %1</numerusform>
            <numerusform>Merge %n people into %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/duplicates_dialog.py" line="360"/>
        <source>%n contact point(s)</source>
        <translation>
            <numerusform>%n contact point</numerusform>
            <numerusform>%n contact points</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/duplicates_dialog.py" line="361"/>
        <source>%n interaction(s)</source>
        <translation>
            <numerusform>%n interaction</numerusform>
            <numerusform>%n interactions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/duplicates_dialog.py" line="362"/>
        <source>%n relationship(s)</source>
        <translation>
            <numerusform>%n relationship</numerusform>
            <numerusform>%n relationships</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/duplicates_dialog.py" line="364"/>
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message numerus="yes">
        <location filename="../../relj/ui/welcome.py" line="316"/>
        <source>S&amp;ort %n people…</source>
        <translation>
            <numerusform>S&amp;ort %n person…</numerusform>
            <numerusform>S&amp;ort %n people…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <location filename="../../relj/ui/import_dialog.py" line="214"/>
        <source> message(s)</source>
        <translation>
            <numerusform> message</numerusform>
            <numerusform> messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/import_dialog.py" line="314"/>
        <source>The table shows the first %n rows.</source>
        <translation>
            <numerusform>The table shows the first row.</numerusform>
            <numerusform>The table shows the first %n rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/import_dialog.py" line="317"/>
        <source>%n are with people who are not in your journal: tick “Add the people…” to add them.</source>
        <translation>
            <numerusform>%n is with people who are not in your journal: tick “Add the people…” to add them.</numerusform>
            <numerusform>%n are with people who are not in your journal: tick “Add the people…” to add them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/import_dialog.py" line="371"/>
        <source>%n of the new people have the name of someone already here: Edit ▸ Find duplicates (Ctrl+Shift+D) puts them side by side.</source>
        <translation>
            <numerusform>%n of the new people has the name of someone already here: Edit ▸ Find duplicates (Ctrl+Shift+D) puts them side by side.</numerusform>
            <numerusform>%n of the new people have the name of someone already here: Edit ▸ Find duplicates (Ctrl+Shift+D) puts them side by side.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InterestsSection</name>
    <message numerus="yes">
        <location filename="../../relj/ui/person_links.py" line="136"/>
        <source>★ you share %n of these</source>
        <translation>
            <numerusform>★ you share %n of these</numerusform>
            <numerusform>★ you share %n of these</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InterestsView</name>
    <message numerus="yes">
        <location filename="../../relj/ui/interests_view.py" line="162"/>
        <source>%n people share your interest in %1</source>
        <translation>
            <numerusform>%n person shares your interest in %1</numerusform>
            <numerusform>%n people share your interest in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/interests_view.py" line="164"/>
        <source>%n people are into %1</source>
        <translation>
            <numerusform>%n person is into %1</numerusform>
            <numerusform>%n people are into %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../relj/ui/main_window.py" line="492"/>
        <source>Merged %n duplicate(s). Ctrl+Z undoes the last merge.</source>
        <translation>
            <numerusform>Merged %n duplicate. Ctrl+Z undoes the last merge.</numerusform>
            <numerusform>Merged %n duplicates. Ctrl+Z undoes the last merge.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/main_window.py" line="584"/>
        <source>%Ln people</source>
        <translation>
            <numerusform>%Ln person</numerusform>
            <numerusform>%Ln people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/main_window.py" line="585"/>
        <source>%Ln interactions</source>
        <translation>
            <numerusform>%Ln interaction</numerusform>
            <numerusform>%Ln interactions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeopleView</name>
    <message numerus="yes">
        <location filename="../../relj/ui/people_view.py" line="350"/>
        <source>%Ln people</source>
        <translation>
            <numerusform>%Ln person</numerusform>
            <numerusform>%Ln people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PersonPage</name>
    <message numerus="yes">
        <location filename="../../relj/ui/person_page.py" line="244"/>
        <source>%Ln interactions</source>
        <translation>
            <numerusform>%Ln interaction</numerusform>
            <numerusform>%Ln interactions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message numerus="yes">
        <location filename="../../relj/ui/plan_dialog.py" line="349"/>
        <source>You started %1 of the last %Ln contacts</source>
        <translation>
            <numerusform>You started %1 of the last %Ln contact</numerusform>
            <numerusform>You started %1 of the last %Ln contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/plan_dialog.py" line="384"/>
        <source>in %n days</source>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReconnectView</name>
    <message numerus="yes">
        <location filename="../../relj/ui/reconnect_view.py" line="326"/>
        <source>Everyone you track is in touch.

%n people are not sorted into circles yet and are not tracked: Edit ▸ Sort people… takes one key each.</source>
        <translation>
            <numerusform>Everyone you track is in touch.

%n person is not sorted into a circle yet and is not tracked: Edit ▸ Sort people… takes one key each.</numerusform>
            <numerusform>Everyone you track is in touch.

%n people are not sorted into circles yet and are not tracked: Edit ▸ Sort people… takes one key each.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/reconnect_view.py" line="355"/>
        <location filename="../../relj/ui/reconnect_view.py" line="367"/>
        <source>%Ln people need attention.</source>
        <translation>
            <numerusform>One person needs attention.</numerusform>
            <numerusform>%Ln people need attention.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/reconnect_view.py" line="357"/>
        <source>Start with these %n today: the ones you have drifted from furthest, closest people first.</source>
        <translation>
            <numerusform>Start with this %n today: the one you have drifted from furthest.</numerusform>
            <numerusform>Start with these %n today: the ones you have drifted from furthest, closest people first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/reconnect_view.py" line="360"/>
        <source>%Ln more need attention.</source>
        <translation>
            <numerusform>%Ln more needs attention.</numerusform>
            <numerusform>%Ln more need attention.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/reconnect_view.py" line="363"/>
        <source>The %1 most urgent of %Ln people who need attention.</source>
        <translation>
            <numerusform>The %1 most urgent of %Ln person who needs attention.</numerusform>
            <numerusform>The %1 most urgent of %Ln people who need attention.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SortPeopleDialog</name>
    <message numerus="yes">
        <location filename="../../relj/ui/sort_people.py" line="106"/>
        <source>You sorted %n people.</source>
        <translation>
            <numerusform>You sorted %n person.</numerusform>
            <numerusform>You sorted %n people.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/sort_people.py" line="116"/>
        <source>%n meetings</source>
        <translation>
            <numerusform>%n meeting</numerusform>
            <numerusform>%n meetings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/sort_people.py" line="116"/>
        <source>%n calls</source>
        <translation>
            <numerusform>%n call</numerusform>
            <numerusform>%n calls</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/sort_people.py" line="117"/>
        <source>%n messages</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SourcesPage</name>
    <message numerus="yes">
        <location filename="../../relj/ui/sources_page.py" line="402"/>
        <source>%n stores of mail, calendars or contacts found; choose one and press Add.</source>
        <translation>
            <numerusform>%n store of mail, calendars or contacts found; choose it and press Add.</numerusform>
            <numerusform>%n stores of mail, calendars or contacts found; choose one and press Add.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message numerus="yes">
        <location filename="../../relj/ui/welcome.py" line="262"/>
        <source>&amp;Sort %n people…</source>
        <translation>
            <numerusform>&amp;Sort %n person…</numerusform>
            <numerusform>&amp;Sort %n people…</numerusform>
        </translation>
    </message>
</context>
</TS>
