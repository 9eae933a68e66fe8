<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name></name>
    <message>
        <location filename="../../relj/ui/app.py" line="198"/>
        <source>Cannot create the folder for the journal: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/app.py" line="198"/>
        <location filename="../../relj/ui/errors.py" line="49"/>
        <source>relj</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/app.py" line="206"/>
        <source>relj is already open on this journal (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/app.py" line="207"/>
        <source>relj is already open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/app.py" line="209"/>
        <location filename="../../relj/ui/app.py" line="225"/>
        <source>relj cannot open the journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/errors.py" line="59"/>
        <source>relj hit a bug and could not finish what you asked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/errors.py" line="60"/>
        <source>The details are in the log file:
%1

Your journal is safe: every change is saved as it is made. Please report the bug with that file (it holds no names or notes, only the program&apos;s state).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/errors.py" line="62"/>
        <source>(the log could not be written)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/errors.py" line="63"/>
        <source>relj: internal error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/models.py" line="59"/>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/models.py" line="61"/>
        <source>yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="44"/>
        <source>in person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="44"/>
        <source>video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="44"/>
        <source>phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="44"/>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="45"/>
        <source>email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="45"/>
        <source>letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="45"/>
        <source>social</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="47"/>
        <source>together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="47"/>
        <source>voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="47"/>
        <source>written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="49"/>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="49"/>
        <source>planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="49"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="51"/>
        <source>family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="51"/>
        <source>close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="51"/>
        <source>friends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="51"/>
        <source>colleagues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="52"/>
        <source>clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="52"/>
        <source>acquaintances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="52"/>
        <source>unsorted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="54"/>
        <source>partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="54"/>
        <source>parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="54"/>
        <source>child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="54"/>
        <source>sibling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="55"/>
        <source>friend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="55"/>
        <source>colleague</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="55"/>
        <source>manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="55"/>
        <source>client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="56"/>
        <source>introduced-by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="56"/>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="61"/>
        <source>vCard address book (.vcf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="62"/>
        <source>Contacts CSV (.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="63"/>
        <source>iCalendar (.ics, .vcs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="64"/>
        <source>Mailbox (.mbox)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="65"/>
        <source>Maildir folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="66"/>
        <source>Email message (.eml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="67"/>
        <source>Android call log (calls.xml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="68"/>
        <source>Android texts (sms.xml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="69"/>
        <source>WhatsApp chat export (.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="70"/>
        <source>Thunderbird calendar (calendar-data/local.sqlite)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="71"/>
        <source>Evolution address book (contacts.db)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/i18n.py" line="94"/>
        <source>No circle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="46"/>
        <source>This journal has no file, so it cannot be backed up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="52"/>
        <location filename="../../relj/ui/models.py" line="130"/>
        <location filename="../../relj/ui/sources_page.py" line="105"/>
        <source>never</source>
        <extracomment>Kinds whose reads may add the people met in them (as `relj import --create-people`).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="146"/>
        <source>Keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="158"/>
        <source>Backups of this journal are encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="166"/>
        <source>Backup failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="169"/>
        <source>Backed up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="170"/>
        <source>Backed up %1 to
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="176"/>
        <source>&amp;Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="177"/>
        <source>Make a backup of the journal now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="204"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="204"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="204"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="204"/>
        <source>Encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="205"/>
        <source>Contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="290"/>
        <source>Replace the journal with the backup made %1 (%2)?

The journal as it is now is backed up first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="293"/>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="297"/>
        <source>This backup is encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="303"/>
        <source>Restore refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="305"/>
        <source>Restored %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="307"/>
        <source>The journal it replaced was backed up to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="308"/>
        <source>Restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="313"/>
        <source>&amp;Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="314"/>
        <source>Restore the journal from a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="414"/>
        <source>Backup &amp;settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="415"/>
        <source>Automatic backups, how many to keep, encryption; the last backup&apos;s time</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/models.py" line="57"/>
        <source>in %n days</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/models.py" line="63"/>
        <source>%n days ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/models.py" line="65"/>
        <source>%n weeks ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/models.py" line="67"/>
        <source>%n months ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/models.py" line="68"/>
        <source>%n years ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../relj/ui/models.py" line="111"/>
        <source>Last together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/models.py" line="111"/>
        <source>Last voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/models.py" line="112"/>
        <source>Channel mix (year)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/models.py" line="248"/>
        <source>Contact in the last 12 months: together, voice and written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/models.py" line="286"/>
        <source>Last 12 months: %1 together, %2 voice, %3 written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/models.py" line="291"/>
        <source>%1 together, %2 voice, %3 written in the last year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/models.py" line="330"/>
        <source>Interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/models.py" line="330"/>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/models.py" line="383"/>
        <source>One of your interests: you share it with %n people</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/models.py" line="384"/>
        <location filename="../../relj/ui/source_watch.py" line="50"/>
        <source>%n people</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../relj/ui/models.py" line="387"/>
        <source>yours: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/models.py" line="546"/>
        <source>with </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/duplicates_dialog.py" line="88"/>
        <location filename="../../relj/ui/import_table.py" line="98"/>
        <location filename="../../relj/ui/models.py" line="111"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/duplicates_dialog.py" line="88"/>
        <source>Emails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/duplicates_dialog.py" line="88"/>
        <source>Phones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/duplicates_dialog.py" line="88"/>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/duplicates_dialog.py" line="89"/>
        <location filename="../../relj/ui/models.py" line="111"/>
        <source>Circle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/duplicates_dialog.py" line="89"/>
        <location filename="../../relj/ui/models.py" line="112"/>
        <source>Last contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/duplicates_dialog.py" line="89"/>
        <source>Interactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/duplicates_dialog.py" line="89"/>
        <location filename="../../relj/ui/sources_page.py" line="124"/>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="406"/>
        <source>Contacts, calendars, mail, phone backups (*.vcf *.vcard *.csv *.ics *.vcs *.mbox *.eml *.xml *.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="407"/>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="409"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="58"/>
        <source>Address books (*.vcf *.vcard *.csv)</source>
        <extracomment>What the welcome&apos;s Import buttons offer, each with its file filter.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="59"/>
        <source>Calendars (*.ics *.vcs *.ical)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="60"/>
        <source>Mail (*.mbox *.mbx *.eml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="61"/>
        <source>Phone backups (*.xml *.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/import_dialog.py" line="71"/>
        <source>new details for %n people already here</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/source_watch.py" line="50"/>
        <source>%n interactions</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/import_dialog.py" line="69"/>
        <source>%Ln new people</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/import_dialog.py" line="73"/>
        <source>%Ln people already here with nothing new</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/import_dialog.py" line="75"/>
        <location filename="../../relj/ui/import_table.py" line="65"/>
        <location filename="../../relj/ui/sources_page.py" line="116"/>
        <source>%Ln interactions</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/import_dialog.py" line="77"/>
        <source>%Ln planned meetings brought up to date</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/import_dialog.py" line="79"/>
        <source>%Ln records left out</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/import_dialog.py" line="81"/>
        <source>%Ln unreadable records left out</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="82"/>
        <location filename="../../relj/ui/sources_page.py" line="115"/>
        <source>nothing new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="84"/>
        <source>Imported from %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="85"/>
        <source>Importing %1 brings %2. Nothing is written until you choose Import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="435"/>
        <source>vCard address book (*.vcf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="435"/>
        <source>iCalendar: plans and birthdays (*.ics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="436"/>
        <source>relj journal JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/import_dialog.py" line="444"/>
        <source>Exported %n people to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="447"/>
        <source>Exported %1 planned interactions and %2 birthdays to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="453"/>
        <source>Exported the whole journal to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="454"/>
        <source>cannot tell the format of %1: name it .vcf, .ics or .json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="459"/>
        <location filename="../../relj/ui/import_dialog.py" line="468"/>
        <location filename="../../relj/ui/import_dialog.py" line="470"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_links.py" line="37"/>
        <source>parent of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_links.py" line="38"/>
        <source>child of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_links.py" line="39"/>
        <source>manager of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_links.py" line="40"/>
        <source>client of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_links.py" line="41"/>
        <source>introduced by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_models.py" line="39"/>
        <source>Person</source>
        <extracomment>How many people &quot;today&apos;s few&quot; holds at most.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_delegate.py" line="47"/>
        <source>gone quiet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_delegate.py" line="47"/>
        <source>messages only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_delegate.py" line="55"/>
        <source>met %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_delegate.py" line="55"/>
        <source>spoke %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_delegate.py" line="57"/>
        <source>never met</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/reconnect_delegate.py" line="59"/>
        <source>%n+ messages since</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/reconnect_delegate.py" line="60"/>
        <source>%n messages since</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_delegate.py" line="63"/>
        <source>planned %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="125"/>
        <source>%1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="449"/>
        <location filename="../../relj/ui/plan_dialog.py" line="469"/>
        <location filename="../../relj/ui/plan_dialog.py" line="472"/>
        <location filename="../../relj/ui/rhythms_dialog.py" line="540"/>
        <source>Add to calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="450"/>
        <location filename="../../relj/ui/rhythms_dialog.py" line="541"/>
        <source>Calendar files (*.ics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="473"/>
        <source>Saved %1. Open it in your calendar now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_dialogs.py" line="33"/>
        <source>One week</source>
        <extracomment>(label, days from today); None is &quot;a day of your own&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_dialogs.py" line="33"/>
        <source>Two weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_dialogs.py" line="33"/>
        <source>A month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_dialogs.py" line="34"/>
        <source>Three months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_dialogs.py" line="34"/>
        <source>Until a day…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_table.py" line="51"/>
        <source>a birthday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_table.py" line="53"/>
        <source>where they work</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/import_table.py" line="41"/>
        <source>%Ln email addresses</source>
        <extracomment>One choice for a row: the decision and how it reads.</extracomment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/import_table.py" line="43"/>
        <source>%Ln phone numbers</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/import_table.py" line="45"/>
        <source>%Ln postal addresses</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/import_table.py" line="47"/>
        <source>%Ln web links</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/import_table.py" line="49"/>
        <source>%Ln interests</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/import_table.py" line="57"/>
        <source>%Ln messages</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/import_table.py" line="59"/>
        <source>%Ln calls</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/import_table.py" line="61"/>
        <source>%Ln meetings</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_table.py" line="63"/>
        <source>a name only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_table.py" line="70"/>
        <source>same email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_table.py" line="70"/>
        <source>same name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_table.py" line="70"/>
        <source>same phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_table.py" line="75"/>
        <source>Add as a new person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_table.py" line="81"/>
        <source>Merge with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_table.py" line="83"/>
        <source>Leave out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_table.py" line="98"/>
        <source>What it brings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_table.py" line="98"/>
        <source>What happens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_table.py" line="147"/>
        <source>Already there: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_table.py" line="149"/>
        <source>Add as a new person (a namesake is here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_table.py" line="176"/>
        <source>Enter, Space or F2 changes what happens to this row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_table.py" line="216"/>
        <source>What happens to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_table.py" line="257"/>
        <source>What the import will do, one row per person</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/source_watch.py" line="47"/>
        <source>Read %Ln sources</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../relj/ui/source_watch.py" line="49"/>
        <source>%1: added %2 and %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/source_watch.py" line="52"/>
        <source>%1: nothing new</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/source_watch.py" line="54"/>
        <source>%n could not be read</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../relj/ui/source_watch.py" line="56"/>
        <source>Stopped. %1 · the source it was reading is left as it was, to be read next time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/source_watch.py" line="68"/>
        <location filename="../../relj/ui/source_watch.py" line="292"/>
        <source>Read sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/source_watch.py" line="291"/>
        <source>reading your sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/source_watch.py" line="296"/>
        <source>Could not read your sources: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/source_watch.py" line="299"/>
        <source>Reading your sources failed; see the log file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/source_watch.py" line="316"/>
        <source>A source could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="62"/>
        <source>Mailbox</source>
        <extracomment>What each kind of source is, in plain words.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="63"/>
        <source>Mail folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="64"/>
        <source>Email message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="65"/>
        <source>Calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="66"/>
        <source>Address book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="67"/>
        <source>Contacts table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="68"/>
        <source>Phone calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="69"/>
        <source>Text messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="70"/>
        <source>WhatsApp chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="71"/>
        <source>Phone folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="72"/>
        <source>Thunderbird calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="73"/>
        <source>Evolution address book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="76"/>
        <source>Thunderbird</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="77"/>
        <source>Evolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="78"/>
        <source>Your Maildir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="79"/>
        <source>Your Mail folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="82"/>
        <source>mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="83"/>
        <source>calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="84"/>
        <source>contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="108"/>
        <source>today at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/sources_page.py" line="116"/>
        <source>%Ln people</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="123"/>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="123"/>
        <location filename="../../relj/ui/sources_page.py" line="204"/>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="123"/>
        <location filename="../../relj/ui/sources_page.py" line="204"/>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="123"/>
        <source>Last read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="124"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="167"/>
        <source>read by itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="167"/>
        <source>switched off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="196"/>
        <source>Switch on a source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="196"/>
        <source>Switch off a source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="204"/>
        <source>Program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="204"/>
        <source>Holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="578"/>
        <source>Sources — relj</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/sort_people.py" line="194"/>
        <source>Sort %n people…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../relj/ui/passed_plans.py" line="62"/>
        <source>Did you meet %1 on %2?</source>
        <extracomment>At most this many passed plans are listed (the oldest first); more scroll.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/passed_plans.py" line="62"/>
        <source>Did you talk to %1 on %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_moments.py" line="40"/>
        <source>Move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_moments.py" line="40"/>
        <source>New job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_moments.py" line="40"/>
        <source>Baby</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_moments.py" line="40"/>
        <source>Wedding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_moments.py" line="41"/>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_moments.py" line="41"/>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_moments.py" line="41"/>
        <source>Exam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_moments.py" line="41"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="62"/>
        <source>first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="62"/>
        <source>second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="62"/>
        <source>third</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="62"/>
        <source>fourth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="62"/>
        <source>last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="63"/>
        <source>every %1 %2 of the month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="66"/>
        <source>every week</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/rhythms_dialog.py" line="66"/>
        <source>every %n weeks</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="68"/>
        <source>every month</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/rhythms_dialog.py" line="68"/>
        <source>every %n months</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="69"/>
        <location filename="../../relj/ui/timeline_moments.py" line="160"/>
        <source>every year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="77"/>
        <source>not yet due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="78"/>
        <source>kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="78"/>
        <source>due now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="80"/>
        <source>missed once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="82"/>
        <source>missed twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/rhythms_dialog.py" line="84"/>
        <source>missed at least %n times in a row</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/rhythms_dialog.py" line="85"/>
        <source>missed %n times in a row</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="102"/>
        <source>Rhythm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="102"/>
        <source>With</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="102"/>
        <source>How often</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="102"/>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="103"/>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="103"/>
        <source>Last kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="103"/>
        <source>Kept?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="174"/>
        <source>no one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="182"/>
        <source>not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/timeline_moments.py" line="148"/>
        <source>A moment in %1&apos;s life: %2</source>
        <extracomment>Moments of days after this one are in the list (None: all of them, the last page is read).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/timeline_moments.py" line="156"/>
        <source>Moment: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/appearance.py" line="13"/>
        <source>As the &amp;system is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/appearance.py" line="14"/>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/appearance.py" line="15"/>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/appearance.py" line="36"/>
        <source>&amp;Appearance</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgendaStrip</name>
    <message>
        <location filename="../../relj/ui/agenda_view.py" line="65"/>
        <source>This week</source>
        <extracomment>Days shown: today and the six after it. Entries given a button at most, as the width allows; the rest are counted (&quot;and 4 more&quot;). Entries listed in the &quot;and N more&quot; menu at most, soonest first. The kinds of change that can change the agenda (rhythms and moments are people&apos;s changes).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/agenda_view.py" line="72"/>
        <source>This week:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/agenda_view.py" line="129"/>
        <source>%1 %2</source>
        <comment>an agenda entry: what, then when</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/agenda_view.py" line="132"/>
        <source>%n thank-you(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../relj/ui/agenda_view.py" line="137"/>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/agenda_view.py" line="139"/>
        <source>tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/agenda_view.py" line="140"/>
        <source>on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/agenda_view.py" line="158"/>
        <source>Open the thank-you notes to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/agenda_view.py" line="159"/>
        <source>Open this person&apos;s page</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/agenda_view.py" line="204"/>
        <location filename="../../relj/ui/agenda_view.py" line="215"/>
        <source>and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/agenda_view.py" line="214"/>
        <source>and %Ln more this week</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../relj/ui/agenda_view.py" line="217"/>
        <source>The rest of this week</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttentionBox</name>
    <message>
        <location filename="../../relj/ui/person_loop.py" line="75"/>
        <location filename="../../relj/ui/person_loop.py" line="78"/>
        <source>Why they need attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_loop.py" line="80"/>
        <source>Plan a meeting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_loop.py" line="81"/>
        <source>Plan a meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_loop.py" line="82"/>
        <source>Circle a date with them (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_loop.py" line="84"/>
        <source>Snooze…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_loop.py" line="85"/>
        <source>Snooze</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupSettingsDialog</name>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="326"/>
        <location filename="../../relj/ui/backup_dialogs.py" line="386"/>
        <location filename="../../relj/ui/backup_dialogs.py" line="401"/>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="334"/>
        <source>Folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="335"/>
        <source>&amp;Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="342"/>
        <source>Warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="346"/>
        <source>Back up &amp;automatically when the app closes (at most once a day)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="350"/>
        <source>Keep &amp;daily backups:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="351"/>
        <source>Keep &amp;weekly backups:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="352"/>
        <source>Keep &amp;monthly backups:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="356"/>
        <source>&amp;Encrypt backups with a passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="361"/>
        <source>&amp;Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="370"/>
        <source>Last backup: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="387"/>
        <source>Automatic backups can only be encrypted with a passphrase remembered in the keyring, and there is none on this system. Set RELJ_BACKUP_PASSPHRASE, or leave encryption off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="390"/>
        <source>Choose the passphrase for backups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="396"/>
        <source>Keyring</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BriefSection</name>
    <message>
        <location filename="../../relj/ui/person_brief.py" line="51"/>
        <source>Before you meet</source>
        <extracomment>Moments this recent are named in the brief (&quot;Lately: ...&quot;).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_brief.py" line="52"/>
        <location filename="../../relj/ui/person_brief.py" line="68"/>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_brief.py" line="98"/>
        <source>Last met or spoke: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_brief.py" line="101"/>
        <source>No meeting or call yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/person_brief.py" line="103"/>
        <source>You started %1 of the last %Ln contacts</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_brief.py" line="112"/>
        <source>Last notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_brief.py" line="114"/>
        <source>You both like: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_brief.py" line="116"/>
        <source>People: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_brief.py" line="119"/>
        <source>Lately: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_brief.py" line="123"/>
        <source>Coming up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_brief.py" line="125"/>
        <source>Nothing coming up in the next weeks</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangeDateDialog</name>
    <message>
        <location filename="../../relj/ui/passed_plans.py" line="161"/>
        <location filename="../../relj/ui/passed_plans.py" line="162"/>
        <source>Change the date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/passed_plans.py" line="167"/>
        <source>Day chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/passed_plans.py" line="169"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/passed_plans.py" line="170"/>
        <source>optional, e.g. 19:30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/passed_plans.py" line="172"/>
        <source>when instead?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/passed_plans.py" line="173"/>
        <source>&amp;Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/passed_plans.py" line="175"/>
        <source>T&amp;ime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/passed_plans.py" line="177"/>
        <location filename="../../relj/ui/passed_plans.py" line="178"/>
        <source>Move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/passed_plans.py" line="181"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/passed_plans.py" line="193"/>
        <source>Choose a day: today or later.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChannelRow</name>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="105"/>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="106"/>
        <source>Press a channel&apos;s letter to choose it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="108"/>
        <source>In person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="109"/>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="110"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="111"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="112"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="113"/>
        <source>Letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="114"/>
        <source>Social</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="129"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="130"/>
        <source>%1: press %2, or Alt+%3 from any field</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <location filename="../../relj/ui/palette.py" line="138"/>
        <source>Command palette</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/palette.py" line="139"/>
        <source>Go to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/palette.py" line="146"/>
        <source>Search people and actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/palette.py" line="147"/>
        <source>Type a name, an email or an action…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/palette.py" line="152"/>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/palette.py" line="162"/>
        <source>No results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/palette.py" line="215"/>
        <source>recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/palette.py" line="230"/>
        <source>Nothing matches “%1”. Add a person with Ctrl+N.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactChart</name>
    <message>
        <location filename="../../relj/ui/chart.py" line="54"/>
        <source>Contact per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/chart.py" line="96"/>
        <source>Last 12 months: %1 together, %2 voice, %3 written. Last 6 months: %4 together, %5 voice, %6 written. The 12 months before: %7 together, %8 voice, %9 written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/chart.py" line="105"/>
        <source>Last together or by voice: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/chart.py" line="107"/>
        <source>Expected: every %n days.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../relj/ui/chart.py" line="132"/>
        <source>together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/chart.py" line="132"/>
        <source>voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/chart.py" line="132"/>
        <source>written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/chart.py" line="195"/>
        <source>No contact logged in these months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/chart.py" line="215"/>
        <source>expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/chart.py" line="224"/>
        <source>last met or spoke</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactHistory</name>
    <message>
        <location filename="../../relj/ui/person_history.py" line="54"/>
        <source>Last together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_history.py" line="54"/>
        <source>Last voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_history.py" line="55"/>
        <source>Last written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_history.py" line="58"/>
        <source>Interactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_history.py" line="61"/>
        <source>Nothing logged yet. Press Ctrl+L to log a meeting, call or message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_history.py" line="68"/>
        <source>Contact per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_history.py" line="100"/>
        <source>Interactions with this person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_history.py" line="124"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/person_history.py" line="131"/>
        <source>Interactions (%Ln)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactsForm</name>
    <message>
        <location filename="../../relj/ui/person_details.py" line="159"/>
        <source>Emails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_details.py" line="159"/>
        <location filename="../../relj/ui/person_details.py" line="160"/>
        <location filename="../../relj/ui/person_details.py" line="161"/>
        <source>separate with commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_details.py" line="160"/>
        <source>Phones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_details.py" line="161"/>
        <source>Links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_details.py" line="170"/>
        <location filename="../../relj/ui/person_details.py" line="175"/>
        <source>Addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_details.py" line="171"/>
        <source>one address per line</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DayField</name>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="222"/>
        <location filename="../../relj/ui/quick_log.py" line="232"/>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="223"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="224"/>
        <source>Type yesterday, y, -2, 3d, 1w, mon or a date; Up and Down move by a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="232"/>
        <source>yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="232"/>
        <source>tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="142"/>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="143"/>
        <source>sat, 12 dec, +10, 2w or 2026-12-12</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="144"/>
        <source>Type a weekday, a date, +10 (days) or 2w (weeks); Up and Down move by a day</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailsForm</name>
    <message>
        <location filename="../../relj/ui/person_details.py" line="102"/>
        <location filename="../../relj/ui/person_details.py" line="104"/>
        <source>Circle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_details.py" line="107"/>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_details.py" line="108"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_details.py" line="109"/>
        <source>How we met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_details.py" line="109"/>
        <source>e.g. university, climbing gym</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_details.py" line="110"/>
        <source>Birthday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_details.py" line="110"/>
        <source>20 December, or 20 December 1990</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_details.py" line="119"/>
        <location filename="../../relj/ui/person_details.py" line="124"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_details.py" line="120"/>
        <source>Anything worth remembering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_details.py" line="141"/>
        <source>No circle</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DueNotifier</name>
    <message>
        <location filename="../../relj/ui/notifier.py" line="85"/>
        <source>%1 needs your attention</source>
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
    <message numerus="yes">
        <location filename="../../relj/ui/duplicates_dialog.py" line="74"/>
        <source>%1 · %n people · %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/duplicates_dialog.py" line="76"/>
        <source>Only the first %n are listed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
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
        <location filename="../../relj/ui/duplicates_dialog.py" line="353"/>
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
        <source>&amp;Not the same person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/duplicates_dialog.py" line="258"/>
        <source>They are different people: stop listing this group (N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/duplicates_dialog.py" line="259"/>
        <source>&amp;Undo merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/duplicates_dialog.py" line="301"/>
        <source>%n groups of people who may be one person (the same name, or the same phone number). K: keep the person selected (in bold). Space: leave someone out, or put them back. Enter or M: merge the others into the one kept. S: skip. N: not the same person. Ctrl+Z: undo.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/duplicates_dialog.py" line="345"/>
        <source>Merge %n people into %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/duplicates_dialog.py" line="360"/>
        <source>%n contact point(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/duplicates_dialog.py" line="361"/>
        <source>%n interaction(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/duplicates_dialog.py" line="362"/>
        <source>%n relationship(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../relj/ui/duplicates_dialog.py" line="363"/>
        <source>Merged %1 into %2 (#%3): moved %4, %5 and %6. Ctrl+Z undoes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/duplicates_dialog.py" line="364"/>
        <source>%n person(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../relj/ui/duplicates_dialog.py" line="307"/>
        <source>No likely duplicates: no two people share a name or a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/duplicates_dialog.py" line="385"/>
        <source>%1 are different people: they will not be listed again. Ctrl+Z undoes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/duplicates_dialog.py" line="407"/>
        <source>Merge undone: both are back as they were.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeltMarks</name>
    <message>
        <location filename="../../relj/ui/person_history.py" line="34"/>
        <source>felt %1 of 5</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeltRow</name>
    <message>
        <location filename="../../relj/ui/passed_plans.py" line="72"/>
        <source>How it went</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/passed_plans.py" line="73"/>
        <source>Press 1 (draining) to 5 (wonderful), or 0 to leave it out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/passed_plans.py" line="85"/>
        <source>Press %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <location filename="../../relj/ui/welcome.py" line="282"/>
        <location filename="../../relj/ui/welcome.py" line="316"/>
        <source>S&amp;ort people…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/welcome.py" line="283"/>
        <source>Give the people an import found a circle, one key each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/welcome.py" line="285"/>
        <source>Your &amp;details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/welcome.py" line="286"/>
        <source>Your name, addresses, interests: the welcome page</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/welcome.py" line="316"/>
        <source>S&amp;ort %n people…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="100"/>
        <location filename="../../relj/ui/import_dialog.py" line="286"/>
        <source>Import %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="117"/>
        <source>Leave out unreadable records and import the rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="120"/>
        <source>as the chat shows it, e.g. Sam Rivera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="121"/>
        <source>WhatsApp writes your messages under this name; relj leaves you out of the people you chatted with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="131"/>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="135"/>
        <source>&amp;Your name in the chat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="153"/>
        <source>Unreadable records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="186"/>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="111"/>
        <source>Add the people I wrote to or met who are not in my journal yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="114"/>
        <source>at least </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="125"/>
        <source>e.g. sam@example.org, sam.rivera@work.example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="126"/>
        <source>Your own addresses: you are never added as a person. They are kept as yours for later imports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="133"/>
        <source>&amp;Only with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="136"/>
        <source>Your email &amp;addresses:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="146"/>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="149"/>
        <source>Select a row and press Enter to change what happens to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="151"/>
        <source>Unreadable records:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="173"/>
        <source>What was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="174"/>
        <source>&amp;Undo import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="175"/>
        <source>Remove everything this import added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="188"/>
        <source>&amp;Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/import_dialog.py" line="214"/>
        <source> message(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="263"/>
        <source>Type your name as the chat shows it under “Your name in the chat”, so that relj leaves you out of the people you chatted with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="273"/>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="273"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="279"/>
        <source>Read %1 records…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="285"/>
        <source>importing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="287"/>
        <source>Imported %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/import_dialog.py" line="314"/>
        <source>The table shows the first %n rows.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/import_dialog.py" line="317"/>
        <source>%n are with people who are not in your journal: tick “Add the people…” to add them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="359"/>
        <source>Import cancelled; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/import_dialog.py" line="371"/>
        <source>%n of the new people have the name of someone already here: Edit ▸ Find duplicates (Ctrl+Shift+D) puts them side by side.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../relj/ui/import_dialog.py" line="397"/>
        <source>Import undone: nothing from %1 is in your journal any more.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InterestsSection</name>
    <message>
        <location filename="../../relj/ui/person_links.py" line="94"/>
        <source>Interests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_links.py" line="97"/>
        <source>Add an interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_links.py" line="98"/>
        <source>Add an interest and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_links.py" line="129"/>
        <source>You share this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_links.py" line="130"/>
        <source>%1, you share this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_links.py" line="132"/>
        <source>Select and press Delete to remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/person_links.py" line="136"/>
        <source>★ you share %n of these</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_links.py" line="138"/>
        <source>No interests in common yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_links.py" line="139"/>
        <source>No interests noted yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InterestsView</name>
    <message>
        <location filename="../../relj/ui/interests_view.py" line="34"/>
        <location filename="../../relj/ui/interests_view.py" line="39"/>
        <location filename="../../relj/ui/interests_view.py" line="56"/>
        <source>Interests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/interests_view.py" line="44"/>
        <source>★ marks your own interests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/interests_view.py" line="48"/>
        <source>Find an interest: climbing, jazz, chess…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/interests_view.py" line="49"/>
        <source>Find an interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/interests_view.py" line="83"/>
        <source>People who share this interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/interests_view.py" line="89"/>
        <source>Enter or double-click opens a person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/interests_view.py" line="110"/>
        <source>No interests yet. Add them on a person&apos;s page, and your own under Edit ▸ Your details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/interests_view.py" line="157"/>
        <source>Choose an interest to see who shares it</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/interests_view.py" line="162"/>
        <source>%n people share your interest in %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/interests_view.py" line="164"/>
        <source>%n people are into %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Journal</name>
    <message>
        <location filename="../../relj/ui/journal.py" line="203"/>
        <source>Add %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/journal.py" line="151"/>
        <source>The journal is busy (%s); try again when that is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/journal.py" line="209"/>
        <source>Edit contact details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/journal.py" line="212"/>
        <source>Edit interests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/journal.py" line="217"/>
        <source>Delete %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/journal.py" line="218"/>
        <source>Moved %s to the trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/journal.py" line="221"/>
        <source>Not the same person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/journal.py" line="226"/>
        <source>Merge into %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/journal.py" line="229"/>
        <source>Add relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/journal.py" line="232"/>
        <source>Remove relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/journal.py" line="235"/>
        <source>Edit your details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/journal.py" line="242"/>
        <source>Plan meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/journal.py" line="242"/>
        <source>Log %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/journal.py" line="246"/>
        <source>Edit interaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/journal.py" line="249"/>
        <source>Delete interaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/journal.py" line="274"/>
        <source>Thank-you note sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/journal.py" line="274"/>
        <source>Dismiss follow-up</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginNotifyAction</name>
    <message>
        <location filename="../../relj/ui/agenda_view.py" line="258"/>
        <source>Show today&apos;s agenda at &amp;login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/agenda_view.py" line="262"/>
        <source>One desktop notification of today&apos;s agenda when you log in (packaging/install-linux.sh --autostart sets it up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/agenda_view.py" line="277"/>
        <source>Notify at login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/agenda_view.py" line="277"/>
        <location filename="../../relj/ui/agenda_view.py" line="279"/>
        <source>No notification at login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/agenda_view.py" line="278"/>
        <source>Today&apos;s agenda will be shown at login</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../relj/ui/main_window.py" line="68"/>
        <location filename="../../relj/ui/main_window.py" line="311"/>
        <source>relj</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="78"/>
        <source>Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="86"/>
        <location filename="../../relj/ui/main_window.py" line="536"/>
        <source>Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="86"/>
        <source>Who you have drifted from (Ctrl+1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="87"/>
        <location filename="../../relj/ui/main_window.py" line="536"/>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="87"/>
        <source>Everyone in your journal (Ctrl+2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="88"/>
        <location filename="../../relj/ui/main_window.py" line="537"/>
        <source>Interests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="88"/>
        <source>Who shares what (Ctrl+3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="89"/>
        <location filename="../../relj/ui/main_window.py" line="537"/>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="89"/>
        <source>Every interaction, newest first (Ctrl+4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="116"/>
        <source>Journal size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="119"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="121"/>
        <source>Undo the last change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="122"/>
        <source>Undo the last change (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="251"/>
        <source>%1 · Undo: Ctrl+Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="282"/>
        <source>That person is no longer in the journal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="311"/>
        <source>%1 — relj</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="314"/>
        <source>Deleted %1. Ctrl+Z brings them back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="334"/>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="335"/>
        <source>Import contacts, calendars, mail or a phone backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="336"/>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="337"/>
        <source>Export the journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="338"/>
        <source>&amp;Sources…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="339"/>
        <source>Mail, calendars and phone folders that relj reads again by itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="340"/>
        <source>&amp;Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="341"/>
        <source>Make a backup of the journal now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="342"/>
        <source>&amp;Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="343"/>
        <source>Restore the journal from a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="344"/>
        <source>Backup &amp;settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="345"/>
        <source>Automatic backups, retention, encryption; the last backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="346"/>
        <source>&amp;Notify when someone becomes due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="347"/>
        <source>A tray notification when someone new is among the most urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="349"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="353"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="355"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="361"/>
        <source>&amp;New person…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="362"/>
        <source>Add someone to the journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="363"/>
        <source>&amp;Quick log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="364"/>
        <source>Log a meeting, call or message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="365"/>
        <source>&amp;Delete person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="366"/>
        <source>Delete the selected person (Ctrl+Z brings them back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="367"/>
        <source>Find d&amp;uplicates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="368"/>
        <source>People who may be one person: merge them (Ctrl+Z undoes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="370"/>
        <source>&amp;Command palette…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="371"/>
        <source>Jump to a person or run an action by typing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="372"/>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="372"/>
        <source>Search this view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="373"/>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="373"/>
        <source>Back to the last view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="375"/>
        <source>&amp;Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="375"/>
        <source>&amp;People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="375"/>
        <source>&amp;Interests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="376"/>
        <source>&amp;Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="379"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="380"/>
        <source>&amp;About relj</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="385"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="393"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="405"/>
        <source>R&amp;hythms…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="406"/>
        <source>Rhythms you keep with people: a first-Sunday dinner, a monthly call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="410"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="411"/>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="415"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/main_window.py" line="492"/>
        <source>Merged %n duplicate(s). Ctrl+Z undoes the last merge.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="535"/>
        <source>Everywhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="542"/>
        <source>In lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="543"/>
        <source>Tab, Shift+Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="543"/>
        <source>Next or previous region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="544"/>
        <source>Up, Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="544"/>
        <source>Move within the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="545"/>
        <source>Menu key, Shift+F10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="545"/>
        <source>More actions for the selected row</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/main_window.py" line="584"/>
        <source>%Ln people</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/main_window.py" line="585"/>
        <source>%Ln interactions</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="446"/>
        <source>Logged %1 with %2. Ctrl+Z undoes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="452"/>
        <source>Select a person to delete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="554"/>
        <location filename="../../relj/ui/main_window.py" line="555"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="564"/>
        <source>About relj</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/main_window.py" line="565"/>
        <source>&lt;h3&gt;relj %1&lt;/h3&gt;&lt;p&gt;A journal of the people in your life, and of how you really keep in touch: together, by voice, or only in writing.&lt;/p&gt;&lt;p&gt;Your journal stays on this computer.&lt;/p&gt;&lt;p&gt;Licensed under the GPL, version 3 or later.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MetDialog</name>
    <message>
        <location filename="../../relj/ui/passed_plans.py" line="123"/>
        <source>It happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/passed_plans.py" line="126"/>
        <source>How it went, in a few words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/passed_plans.py" line="127"/>
        <source>optional; a line starting next: becomes a talking point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/passed_plans.py" line="129"/>
        <source>%1 with %2 on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/passed_plans.py" line="131"/>
        <source>&amp;How it went</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/passed_plans.py" line="132"/>
        <source>N&amp;ote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/passed_plans.py" line="134"/>
        <location filename="../../relj/ui/passed_plans.py" line="135"/>
        <source>Log it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/passed_plans.py" line="138"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MomentDayField</name>
    <message>
        <location filename="../../relj/ui/person_moments.py" line="91"/>
        <source>Moment date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_moments.py" line="92"/>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_moments.py" line="93"/>
        <source>Type today, yesterday, -3, 2w, 12 oct, 12 October 2025 or 2026-10-12; Up and Down move by a day</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MomentsSection</name>
    <message>
        <location filename="../../relj/ui/person_moments.py" line="123"/>
        <source>Moments, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_moments.py" line="124"/>
        <source>Delete removes the selected moment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_moments.py" line="128"/>
        <source>Moment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_moments.py" line="129"/>
        <source>What happened: moved to Berlin, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_moments.py" line="135"/>
        <source>Kind of moment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_moments.py" line="139"/>
        <location filename="../../relj/ui/person_moments.py" line="141"/>
        <source>Every year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_moments.py" line="142"/>
        <source>An anniversary: it comes back every year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_moments.py" line="146"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_moments.py" line="191"/>
        <source>Write what happened first (a move, a new job…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_moments.py" line="196"/>
        <source>Not a date I know: try 12 oct, -3, yesterday or 2026-10-12.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_moments.py" line="216"/>
        <source>every year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_moments.py" line="222"/>
        <source>No moments yet: a move, a new job, a baby…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewPersonDialog</name>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="50"/>
        <location filename="../../relj/ui/person_dialog.py" line="51"/>
        <source>New person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="56"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="57"/>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="60"/>
        <source>Emails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="61"/>
        <source>ana@example.org, ana@work.example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="62"/>
        <source>Email problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="64"/>
        <source>Phones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="65"/>
        <source>Separate several with commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="67"/>
        <source>Circle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="68"/>
        <source>No circle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="72"/>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="75"/>
        <source>Interests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="76"/>
        <source>climbing, jazz, …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="79"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="82"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="85"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="86"/>
        <source>Add person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="87"/>
        <source>Add (Enter, or Ctrl+Enter from the notes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="90"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="95"/>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="96"/>
        <source>&amp;Emails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="98"/>
        <source>&amp;Phones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="99"/>
        <source>&amp;Circle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="100"/>
        <source>&amp;Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="101"/>
        <source>&amp;Interests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="102"/>
        <source>No&amp;tes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="144"/>
        <source>%1 is given twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_dialog.py" line="172"/>
        <source>A person needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassedPlansSection</name>
    <message>
        <location filename="../../relj/ui/passed_plans.py" line="218"/>
        <location filename="../../relj/ui/passed_plans.py" line="225"/>
        <source>Plans whose day has passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/passed_plans.py" line="219"/>
        <source>Did it happen?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/passed_plans.py" line="226"/>
        <source>M: met; C: change the date; X: it didn&apos;t happen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/passed_plans.py" line="235"/>
        <source>Met (M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/passed_plans.py" line="236"/>
        <source>Change date (C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/passed_plans.py" line="237"/>
        <source>Didn&apos;t happen (X)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/passed_plans.py" line="297"/>
        <source>Plans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/passed_plans.py" line="312"/>
        <source>Met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/passed_plans.py" line="313"/>
        <source>Logged the meeting with %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/passed_plans.py" line="326"/>
        <source>Move plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/passed_plans.py" line="327"/>
        <source>Moved the plan with %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/passed_plans.py" line="335"/>
        <source>Didn&apos;t happen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/passed_plans.py" line="336"/>
        <source>Noted: the plan with %1 didn&apos;t happen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="73"/>
        <source>Backup passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="80"/>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="84"/>
        <source>&amp;Again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="86"/>
        <source>&amp;Remember it in the system keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="92"/>
        <source>The passphrase cannot be remembered: %1. You will be asked each time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="106"/>
        <source>Enter a passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="109"/>
        <source>The two passphrases differ.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeopleView</name>
    <message>
        <location filename="../../relj/ui/people_view.py" line="188"/>
        <location filename="../../relj/ui/people_view.py" line="191"/>
        <location filename="../../relj/ui/people_view.py" line="272"/>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/people_view.py" line="198"/>
        <source>Number of people shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/people_view.py" line="203"/>
        <source>Search names, emails, organisations, notes, interests…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/people_view.py" line="204"/>
        <source>Search people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/people_view.py" line="217"/>
        <source>Filter by circle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/people_view.py" line="221"/>
        <source>Filter by interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/people_view.py" line="227"/>
        <location filename="../../relj/ui/people_view.py" line="229"/>
        <source>New person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/people_view.py" line="228"/>
        <source>Add someone (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/people_view.py" line="305"/>
        <source>All circles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/people_view.py" line="306"/>
        <source>All interests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/people_view.py" line="348"/>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/people_view.py" line="350"/>
        <source>%Ln people</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../relj/ui/people_view.py" line="355"/>
        <source>No one matches. Try fewer words, or clear the filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/people_view.py" line="357"/>
        <source>No one yet: add a person with Ctrl+N, or import your contacts (File ▸ Import, or drop a file here).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonPage</name>
    <message>
        <location filename="../../relj/ui/person_page.py" line="128"/>
        <source>‹ Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="129"/>
        <source>Back (Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="130"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="135"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="143"/>
        <source>Log contact…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="144"/>
        <source>Log a meeting, call or message with them (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="145"/>
        <source>Log contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="149"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="152"/>
        <source>Delete person</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/person_page.py" line="244"/>
        <source>%Ln interactions</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="114"/>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="170"/>
        <source>Interests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="170"/>
        <source>Relationships</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="168"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="91"/>
        <source>Reopen talking point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="93"/>
        <source>Delete talking point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="151"/>
        <source>Delete this person (Ctrl+Delete; Ctrl+Z brings them back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="167"/>
        <source>For next time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="167"/>
        <source>Before you meet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="169"/>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="169"/>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="171"/>
        <source>Rhythm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="175"/>
        <source>Moments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="180"/>
        <source>About them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="246"/>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="259"/>
        <source>relj</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="353"/>
        <source>Add talking point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="354"/>
        <source>Noted for next time with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="358"/>
        <source>Cover talking point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="359"/>
        <source>Ticked off a talking point with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="364"/>
        <source>Edit preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="373"/>
        <source>Add moment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="374"/>
        <source>Added a moment for %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="382"/>
        <source>Remove moment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_page.py" line="383"/>
        <source>Removed a moment of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="180"/>
        <source>Plan a meeting with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="181"/>
        <source>Plan a meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="184"/>
        <source>When will you see %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="190"/>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="196"/>
        <source>Day chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="199"/>
        <source>This &amp;weekend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="199"/>
        <source>&amp;Next week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="200"/>
        <source>In two wee&amp;ks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="211"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="212"/>
        <source>optional, e.g. 19:30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="217"/>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="227"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="228"/>
        <source>Coffee, a walk, a call…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="231"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="237"/>
        <source>&amp;Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="238"/>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="240"/>
        <source>&amp;Add to calendar…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="242"/>
        <source>Plan and add to calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="243"/>
        <source>Plan it and save it as a calendar file (.ics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="246"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="268"/>
        <source>&amp;Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="270"/>
        <source>T&amp;ime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="271"/>
        <source>&amp;Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="272"/>
        <source>N&amp;ote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="281"/>
        <location filename="../../relj/ui/plan_dialog.py" line="291"/>
        <source>Brief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="340"/>
        <source>prefers %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="342"/>
        <source>best time: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="345"/>
        <source>Last met or spoke: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="347"/>
        <source>No meeting or call yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/plan_dialog.py" line="349"/>
        <source>You started %1 of the last %Ln contacts</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="352"/>
        <source>To talk about</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="355"/>
        <source>Recently</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="362"/>
        <source>You both like: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="364"/>
        <source>People: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="379"/>
        <source>Not a day I know: try sat, 12 dec, +10 or 2026-12-12</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="381"/>
        <source>%1 is over: choose today or later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="384"/>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="384"/>
        <source>tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/plan_dialog.py" line="384"/>
        <source>in %n days</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="396"/>
        <source>Choose a day: today or later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="400"/>
        <source>A time is HH:MM, such as 19:30 (or leave it empty).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="402"/>
        <source>No one to meet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="421"/>
        <source>Plan meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/plan_dialog.py" line="422"/>
        <source>Planned %1 with %2 on %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PointsList</name>
    <message>
        <location filename="../../relj/ui/quick_log_points.py" line="24"/>
        <source>Talking points covered</source>
        <extracomment>Rows shown before the list scrolls.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log_points.py" line="25"/>
        <source>Space or a point&apos;s number ticks it as covered</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PointsSection</name>
    <message>
        <location filename="../../relj/ui/person_loop.py" line="111"/>
        <source>Talking points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_loop.py" line="112"/>
        <source>Space ticks a point as covered; Delete forgets it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_loop.py" line="117"/>
        <source>Add a talking point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_loop.py" line="118"/>
        <source>Something to bring up next time, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_loop.py" line="145"/>
        <source>Covered on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_loop.py" line="149"/>
        <source>Nothing noted for next time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesForm</name>
    <message>
        <location filename="../../relj/ui/person_loop.py" line="200"/>
        <source>Preferred channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_loop.py" line="201"/>
        <source>No preference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_loop.py" line="206"/>
        <location filename="../../relj/ui/person_loop.py" line="214"/>
        <source>Best time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_loop.py" line="207"/>
        <source>e.g. evenings, weekends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_loop.py" line="213"/>
        <source>Prefers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuickLogDialog</name>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="268"/>
        <source>Log an interaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="269"/>
        <source>Quick log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="275"/>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="276"/>
        <source>Name or email; separate several people with commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="281"/>
        <source>People chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="288"/>
        <source>Channel hint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="291"/>
        <source>How it went: press 1 (draining) to 5 (wonderful) after the channel; optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="303"/>
        <source>Date chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="308"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="309"/>
        <source>What happened? (optional; Shift+Enter for a new line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="337"/>
        <source>&amp;More</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="341"/>
        <location filename="../../relj/ui/quick_log.py" line="344"/>
        <source>More details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="346"/>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="348"/>
        <source>Duration in minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="351"/>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="352"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="354"/>
        <source>Who reached out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="355"/>
        <source>not noted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="355"/>
        <source>I did</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="356"/>
        <source>they did</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="360"/>
        <source>Pl&amp;ace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="361"/>
        <source>D&amp;uration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="362"/>
        <source>Who &amp;reached out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="598"/>
        <source>Plan meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="605"/>
        <source>Log %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="316"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="368"/>
        <location filename="../../relj/ui/quick_log.py" line="369"/>
        <location filename="../../relj/ui/quick_log.py" line="527"/>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="370"/>
        <source>Log it (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="375"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="382"/>
        <source>&amp;Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="384"/>
        <source>&amp;How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="386"/>
        <source>How it we&amp;nt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="387"/>
        <source>Tal&amp;king points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="392"/>
        <source>&amp;Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="393"/>
        <source>N&amp;ote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="441"/>
        <source>add as a new person…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="513"/>
        <source>Choose how: press %1 (or Alt+letter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="515"/>
        <source>As last time with them: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="515"/>
        <source>As they prefer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="521"/>
        <source>Not a date: try y, -2, mon or 2024-03-05</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="525"/>
        <source>%1 — planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="527"/>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="543"/>
        <source>Who was it? Type a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="545"/>
        <source>How was it? Press i, v, p, t, e, l or s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/quick_log.py" line="547"/>
        <source>That date makes no sense: try y, -2, mon or 2024-03-05.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReconnectView</name>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="73"/>
        <location filename="../../relj/ui/reconnect_view.py" line="78"/>
        <location filename="../../relj/ui/reconnect_view.py" line="83"/>
        <location filename="../../relj/ui/reconnect_view.py" line="468"/>
        <source>Reconnect</source>
        <extracomment>The list never gets narrower than this; below LIST_MIN + DETAIL_MIN the detail goes under it.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="86"/>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="90"/>
        <source>Show everyone or today&apos;s few</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="96"/>
        <location filename="../../relj/ui/reconnect_view.py" line="97"/>
        <source>Say thanks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="98"/>
        <source>Enter: thank-you sent · D: dismiss · right-click for more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="99"/>
        <source>Keys of the thank-you list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="103"/>
        <source>Thank-you notes to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="109"/>
        <source>&amp;Thank-you sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="110"/>
        <location filename="../../relj/ui/reconnect_view.py" line="267"/>
        <source>Thank-you sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="111"/>
        <source>Log the thank-you note as sent (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="112"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="113"/>
        <location filename="../../relj/ui/reconnect_view.py" line="273"/>
        <source>Dismiss the thank-you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="114"/>
        <source>No thank-you for this one (D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="130"/>
        <source>People to reconnect with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="136"/>
        <location filename="../../relj/ui/reconnect_view.py" line="328"/>
        <source>Everyone is in touch. Nothing to do.

People you only write to, or who have gone quiet, will appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="140"/>
        <source>Nothing to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="194"/>
        <source>Selected person</source>
        <extracomment>How long the selection rests before the selected person&apos;s brief is read.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="203"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="206"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="210"/>
        <source>Openers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="212"/>
        <source>Contact per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="217"/>
        <source>&amp;Plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="217"/>
        <source>Plan a meeting (P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="218"/>
        <source>&amp;Snooze…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="218"/>
        <source>Hide until a day you choose (S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="219"/>
        <source>&amp;Dismiss for now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="219"/>
        <source>Hide for two weeks (D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="220"/>
        <source>Messages are enough with this person (W)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="221"/>
        <source>Pa&amp;use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="263"/>
        <source>Dismiss for now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="266"/>
        <source>Everyone or today&apos;s few</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="269"/>
        <source>Thank-you sent by text message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="271"/>
        <source>Thank-you sent by letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="276"/>
        <source>Thank-you sent by email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="319"/>
        <source>No one here yet.

Import your contacts, calendar, mail or phone files (Ctrl+I), or add a person (Ctrl+N). File ▸ Sources… finds Thunderbird and Evolution for you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="322"/>
        <source>No contact logged yet.

Log a meeting, call or message with Quick log (Ctrl+L), or import your mail, calendar or phone files (Ctrl+I): relj then shows who has drifted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/reconnect_view.py" line="326"/>
        <source>Everyone you track is in touch.

%n people are not sorted into circles yet and are not tracked: Edit ▸ Sort people… takes one key each.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/reconnect_view.py" line="355"/>
        <location filename="../../relj/ui/reconnect_view.py" line="367"/>
        <source>%Ln people need attention.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/reconnect_view.py" line="357"/>
        <source>Start with these %n today: the ones you have drifted from furthest, closest people first.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="361"/>
        <source>Show everyone (A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="421"/>
        <location filename="../../relj/ui/reconnect_view.py" line="428"/>
        <source>Before you meet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="514"/>
        <source>Dismissed %1 for now: back on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="220"/>
        <source>&amp;Writing is fine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="221"/>
        <source>Off Reconnect until you resume them (Shift+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="222"/>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="222"/>
        <source>Open their page (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="260"/>
        <source>Plan a meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="261"/>
        <source>Snooze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="262"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="264"/>
        <source>Written contact is fine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="265"/>
        <source>Open person</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/reconnect_view.py" line="360"/>
        <source>%Ln more need attention.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/reconnect_view.py" line="363"/>
        <source>The %1 most urgent of %Ln people who need attention.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_view.py" line="365"/>
        <location filename="../../relj/ui/reconnect_view.py" line="368"/>
        <source>Today&apos;s few (A)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RelationshipDialog</name>
    <message>
        <location filename="../../relj/ui/person_links.py" line="153"/>
        <source>Add relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_links.py" line="167"/>
        <source>Other person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_links.py" line="168"/>
        <source>Type a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_links.py" line="174"/>
        <source>Kind of relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_links.py" line="179"/>
        <location filename="../../relj/ui/person_links.py" line="183"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_links.py" line="181"/>
        <source>%1 is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_links.py" line="182"/>
        <source>Of / with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_links.py" line="194"/>
        <source>Choose someone from the list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RelationshipsSection</name>
    <message>
        <location filename="../../relj/ui/person_links.py" line="218"/>
        <source>Relationships</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_links.py" line="221"/>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_links.py" line="222"/>
        <source>Add relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_links.py" line="224"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_links.py" line="225"/>
        <source>Remove relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_links.py" line="249"/>
        <source>Enter or double-click opens %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_links.py" line="252"/>
        <source>No one linked yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="209"/>
        <source>Restore a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="218"/>
        <source>Restoring replaces the journal with the backup. The journal as it is now is backed up first, so this can be undone by restoring that backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="232"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="232"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="235"/>
        <source>Cannot be restored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/backup_dialogs.py" line="235"/>
        <source>not readable</source>
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
    <name>RhythmForm</name>
    <message>
        <location filename="../../relj/ui/person_details.py" line="200"/>
        <location filename="../../relj/ui/person_details.py" line="211"/>
        <source>Meet or talk every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_details.py" line="201"/>
        <location filename="../../relj/ui/person_details.py" line="212"/>
        <source>Any contact every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_details.py" line="202"/>
        <source>Paused: leave them out of Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_details.py" line="203"/>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_details.py" line="205"/>
        <source>Writing is enough with them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_details.py" line="206"/>
        <source>Writing is enough</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_details.py" line="220"/>
        <source>usual for the circle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_details.py" line="221"/>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RhythmsDialog</name>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="210"/>
        <location filename="../../relj/ui/rhythms_dialog.py" line="219"/>
        <location filename="../../relj/ui/rhythms_dialog.py" line="496"/>
        <source>Rhythms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="214"/>
        <source>Rhythms you keep with people: a first-Sunday dinner, a call every two weeks. Two missed in a row and relj says so on Reconnect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="220"/>
        <source>Delete removes the selected rhythm; Enter adds it to a calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="232"/>
        <source>No rhythms yet. Add the first one below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="235"/>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="236"/>
        <source>Remove rhythm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="237"/>
        <source>Remove the selected rhythm (Delete; Ctrl+Z brings it back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="239"/>
        <source>Add to &amp;calendar…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="240"/>
        <location filename="../../relj/ui/rhythms_dialog.py" line="521"/>
        <source>Add to calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="241"/>
        <source>Save the rhythm as one repeating calendar event (.ics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="249"/>
        <source>Last action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="250"/>
        <location filename="../../relj/ui/rhythms_dialog.py" line="251"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="310"/>
        <source>Add a rhythm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="316"/>
        <source>Rhythm name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="317"/>
        <source>First-Sunday dinner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="320"/>
        <source>With whom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="321"/>
        <source>Type names, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="325"/>
        <source>How often</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="326"/>
        <source>first sunday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="331"/>
        <source>Accepted rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="332"/>
        <source>Type how often: week, 2 weeks, month, 3 months, year, or a day of the month such as first Sunday, second Tuesday or last Friday.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="337"/>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="342"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="343"/>
        <source>19:30 (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="347"/>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="348"/>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="350"/>
        <source>&amp;Add rhythm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="351"/>
        <source>Add rhythm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="356"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="362"/>
        <source>&amp;Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="364"/>
        <source>&amp;Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="370"/>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="371"/>
        <source>&amp;With</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="372"/>
        <source>&amp;Every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="374"/>
        <source>C&amp;hannel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="398"/>
        <source>relj cannot read “%1”. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="406"/>
        <source>%1; next: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="416"/>
        <source>Ctrl+Z undoes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="454"/>
        <source>Who is it with? Type a name in With.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="459"/>
        <source>relj cannot read the rule “%1”. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="465"/>
        <source>A time is HH:MM, such as 19:30 (or leave it empty).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="469"/>
        <source>Not a date I know: try today, 12 oct or 2026-10-12.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="473"/>
        <source>Add rhythm %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="474"/>
        <source>Added %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="493"/>
        <source>Remove rhythm %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="494"/>
        <source>Removed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/rhythms_dialog.py" line="524"/>
        <source>Saved %1: open it with your calendar to add the repeating event.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RhythmsLine</name>
    <message>
        <location filename="../../relj/ui/person_moments.py" line="261"/>
        <source>Rhythms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_moments.py" line="269"/>
        <source>Rhythms with %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/person_moments.py" line="272"/>
        <source>No rhythm with %1 yet (a first-Sunday dinner, a monthly call).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message>
        <location filename="../../relj/ui/reconnect_dialogs.py" line="38"/>
        <source>Snooze %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_dialogs.py" line="39"/>
        <location filename="../../relj/ui/reconnect_dialogs.py" line="67"/>
        <source>Snooze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_dialogs.py" line="42"/>
        <source>Snooze for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_dialogs.py" line="46"/>
        <source>%1 — until %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_dialogs.py" line="54"/>
        <source>Until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_dialogs.py" line="63"/>
        <source>&amp;For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/reconnect_dialogs.py" line="65"/>
        <source>&amp;Until</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SortPeopleDialog</name>
    <message>
        <location filename="../../relj/ui/sort_people.py" line="35"/>
        <source>Sort people</source>
        <extracomment>The answers by key: 1–6 the circles, closest first; 7 no circle (tracked with the default rhythm).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sort_people.py" line="47"/>
        <source>Person to sort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sort_people.py" line="51"/>
        <source>How you have been in touch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sort_people.py" line="57"/>
        <source>%1: put them in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sort_people.py" line="63"/>
        <source>Space  Skip for now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sort_people.py" line="64"/>
        <source>Space: skip for now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sort_people.py" line="66"/>
        <source>U  Don&apos;t track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sort_people.py" line="67"/>
        <source>U: keep them without a circle, not in Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sort_people.py" line="69"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sort_people.py" line="78"/>
        <source>A circle sets how often relj expects you to meet or call. Ctrl+Z takes the last answer back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sort_people.py" line="105"/>
        <source>Everyone is sorted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sort_people.py" line="105"/>
        <source>No one to sort.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/sort_people.py" line="106"/>
        <source>You sorted %n people.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../relj/ui/sort_people.py" line="110"/>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/sort_people.py" line="116"/>
        <source>%n meetings</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/sort_people.py" line="116"/>
        <source>%n calls</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/sort_people.py" line="117"/>
        <source>%n messages</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../relj/ui/sort_people.py" line="120"/>
        <source>last on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sort_people.py" line="137"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sort_people.py" line="139"/>
        <source>%1: not tracked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sort_people.py" line="141"/>
        <source>Sort %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SourcesPage</name>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="285"/>
        <source>&lt;h2&gt;Sources&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="286"/>
        <source>relj reads these files and folders again by itself, when the app opens and whenever they change, so your journal stays current. It never changes them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="291"/>
        <source>Your sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="293"/>
        <source>&amp;Read now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="294"/>
        <source>Read the selected source now (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="295"/>
        <source>Read &amp;all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="296"/>
        <location filename="../../relj/ui/sources_page.py" line="437"/>
        <source>&amp;Switch off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="297"/>
        <source>Stop or start reading the selected source by itself (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="298"/>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="299"/>
        <source>Stop reading this source; what it added stays (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="307"/>
        <source>Found on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="311"/>
        <source>Also add the &amp;people in it who are not in the journal yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="312"/>
        <source>Otherwise only contact with people already in the journal is added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="314"/>
        <source>A&amp;dd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="315"/>
        <source>&amp;Look again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="321"/>
        <source>Reading progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="324"/>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="325"/>
        <source>Stop reading: the source being read is left as it was (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="331"/>
        <source>Last read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="333"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="334"/>
        <source>Take back what the last read added (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="342"/>
        <source>Your &amp;sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="351"/>
        <source>&amp;Found on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="400"/>
        <source>Looking for Thunderbird, Evolution and mail folders…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/sources_page.py" line="402"/>
        <source>%n stores of mail, calendars or contacts found; choose one and press Add.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="405"/>
        <source>No other stores of Thunderbird, Evolution or mail folders were found in your home folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="415"/>
        <source>Could not look through your home folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="438"/>
        <source>&amp;Switch on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="442"/>
        <source>relj cannot read this kind of store yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="443"/>
        <source>Add the selected store as a source and read it (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="455"/>
        <source>A read is under way; this one follows it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="469"/>
        <source>Switch on a source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="469"/>
        <source>Switch off a source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="470"/>
        <source>%1 is read by itself again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="471"/>
        <source>%1 is no longer read by itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="478"/>
        <source>Remove a source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="479"/>
        <source>Removed %1; what it added stays in the journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="489"/>
        <source>relj cannot read %1 yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="496"/>
        <source>Add a source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="497"/>
        <source>Added %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="520"/>
        <source>Undone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="531"/>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="535"/>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/sources_page.py" line="546"/>
        <source>Reading %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../relj/ui/timeline_view.py" line="38"/>
        <location filename="../../relj/ui/timeline_view.py" line="42"/>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/timeline_view.py" line="59"/>
        <source>Show %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/timeline_view.py" line="60"/>
        <source>Show or hide %1 (%2 mode)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/timeline_view.py" line="72"/>
        <source>Moments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/timeline_view.py" line="74"/>
        <source>Show moments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/timeline_view.py" line="75"/>
        <source>Show or hide life moments: a move, a new job, a baby…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/timeline_view.py" line="83"/>
        <source>Only with… (type a name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/timeline_view.py" line="84"/>
        <source>Filter by person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/timeline_view.py" line="99"/>
        <source>Interactions and moments, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/timeline_view.py" line="205"/>
        <source>Remove moment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/timeline_view.py" line="206"/>
        <source>Removed a moment of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/timeline_view.py" line="182"/>
        <source>No one in the journal is called that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/timeline_view.py" line="184"/>
        <source>Nothing matches these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/timeline_view.py" line="186"/>
        <source>Nothing logged yet. Press Ctrl+L to log a meeting, call or message.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenCompleter</name>
    <message>
        <location filename="../../relj/ui/completer.py" line="187"/>
        <source>Suggestions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WarningBanner</name>
    <message>
        <location filename="../../relj/ui/window_parts.py" line="95"/>
        <source>Warning</source>
        <extracomment>The window&apos;s size on a first run when the screen has room (a restored layout wins). The smallest window the views are laid out for (the Reconnect detail goes under its list).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/window_parts.py" line="106"/>
        <source>Dismiss the warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/window_parts.py" line="107"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../relj/ui/welcome.py" line="60"/>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/welcome.py" line="69"/>
        <source>Welcome to relj</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/welcome.py" line="74"/>
        <source>relj keeps a journal of the people in your life and of how you keep in touch: together, by voice, or only in writing. Three steps, each a minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/welcome.py" line="81"/>
        <source>1. Who you are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/welcome.py" line="84"/>
        <source>e.g. Sam Rivera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/welcome.py" line="86"/>
        <source>every address you write from, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/welcome.py" line="88"/>
        <source>e.g. climbing, jazz, chess</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/welcome.py" line="91"/>
        <source>GB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/welcome.py" line="92"/>
        <source>Two letters (GB, US, DE…): phone numbers without a country code are read as this country&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/welcome.py" line="96"/>
        <source>Your &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/welcome.py" line="96"/>
        <source>Your &amp;email addresses:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/welcome.py" line="97"/>
        <source>Your &amp;interests:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/welcome.py" line="97"/>
        <source>Your &amp;country:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/welcome.py" line="104"/>
        <source>&amp;Save my details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/welcome.py" line="105"/>
        <source>Save my details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/welcome.py" line="109"/>
        <source>Your details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/welcome.py" line="110"/>
        <source>Imports never add you as a person: your addresses are recognised as you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/welcome.py" line="117"/>
        <source>2. Bring in the people you know</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/welcome.py" line="122"/>
        <source>Import &amp;contacts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/welcome.py" line="123"/>
        <source>A .vcf or .csv file: Google Contacts (Export), Apple Contacts (File ▸ Export ▸ vCard), Outlook (Export to a CSV file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/welcome.py" line="125"/>
        <source>Import c&amp;alendar…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/welcome.py" line="126"/>
        <source>An .ics file: Google Calendar (Settings ▸ Import and export), Apple Calendar (File ▸ Export), Outlook (Save calendar).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/welcome.py" line="128"/>
        <source>Import &amp;mail…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/welcome.py" line="129"/>
        <source>An .mbox file or a mail folder: Thunderbird (ImportExportTools NG), Google Takeout (Mail), Apple Mail (Mailbox ▸ Export mailbox).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/welcome.py" line="131"/>
        <source>Import &amp;phone…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/welcome.py" line="132"/>
        <source>calls.xml and sms.xml from the Android app SMS Backup &amp; Restore, or a WhatsApp chat export (.txt).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/welcome.py" line="145"/>
        <source>&amp;Find mail and calendars on this computer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/welcome.py" line="146"/>
        <source>Find mail and calendars on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/welcome.py" line="147"/>
        <source>Thunderbird, Evolution and mail folders, or a folder your phone fills: relj reads them again by itself whenever they change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/welcome.py" line="156"/>
        <source>3. Sort people into circles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/welcome.py" line="166"/>
        <source>&amp;Go to Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/welcome.py" line="167"/>
        <source>Go to Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/welcome.py" line="190"/>
        <source>Type your country as two letters, such as GB or US.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/welcome.py" line="196"/>
        <source>“%1” is not an email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/welcome.py" line="214"/>
        <source>Saved. Imports will recognise these addresses as you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../relj/ui/welcome.py" line="262"/>
        <source>&amp;Sort %n people…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../relj/ui/welcome.py" line="262"/>
        <source>&amp;Sort people…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/welcome.py" line="266"/>
        <source>People from mail and phone files start without a circle. One at a time, a key each: 1–7 a circle, Space skip, U don&apos;t track.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../relj/ui/welcome.py" line="268"/>
        <source>After an import of mail or phone files, the people it found are sorted here, one key each.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
