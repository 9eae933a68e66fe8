<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name></name>
    <message numerus="yes">
        <location filename="../../relj/ui/import_dialog.py" line="273"/>
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
        <source>%n people</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactHistory</name>
    <message numerus="yes">
        <location filename="../../relj/ui/person_history.py" line="108"/>
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
        <location filename="../../relj/ui/interests_view.py" line="161"/>
        <source>%n people share your interest in %1</source>
        <translation>
            <numerusform>%n person shares your interest in %1</numerusform>
            <numerusform>%n people share your interest in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/interests_view.py" line="163"/>
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
        <location filename="../../relj/ui/main_window.py" line="510"/>
        <source>%Ln people</source>
        <translation>
            <numerusform>%Ln person</numerusform>
            <numerusform>%Ln people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/main_window.py" line="511"/>
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
        <location filename="../../relj/ui/people_view.py" line="338"/>
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
        <location filename="../../relj/ui/person_page.py" line="195"/>
        <source>%Ln interactions</source>
        <translation>
            <numerusform>%Ln interaction</numerusform>
            <numerusform>%Ln interactions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReconnectView</name>
    <message numerus="yes">
        <location filename="../../relj/ui/reconnect_view.py" line="535"/>
        <source>The %1 most urgent of %Ln people who need attention.</source>
        <translation>
            <numerusform>The %1 most urgent of %Ln person who needs attention.</numerusform>
            <numerusform>The %1 most urgent of %Ln people who need attention.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/reconnect_view.py" line="538"/>
        <source>%n people need attention.</source>
        <translation>
            <numerusform>One person needs attention.</numerusform>
            <numerusform>%n people need attention.</numerusform>
        </translation>
    </message>
</context>
</TS>
