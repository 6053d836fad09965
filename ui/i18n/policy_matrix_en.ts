<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AppController</name>
    <message numerus="yes">
        <location filename="../controller.py" line="+462"/>
        <source>Saved %n s ago</source>
        <translation>
            <numerusform>Saved %n s ago</numerusform>
            <numerusform>Saved %n s ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Deleter</name>
    <message numerus="yes">
        <location filename="../deleting.py" line="+84"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DiffTree</name>
    <message numerus="yes">
        <location filename="../snapshots/diff_view.py" line="+178"/>
        <source>%n added</source>
        <translation>
            <numerusform>%n added</numerusform>
            <numerusform>%n added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n removed</source>
        <translation>
            <numerusform>%n removed</numerusform>
            <numerusform>%n removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n changed</source>
        <translation>
            <numerusform>%n changed</numerusform>
            <numerusform>%n changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n moved</source>
        <translation>
            <numerusform>%n moved</numerusform>
            <numerusform>%n moved</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditorView</name>
    <message numerus="yes">
        <location filename="../editor.py" line="+181"/>
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FieldBinder</name>
    <message numerus="yes">
        <location filename="../binding.py" line="+241"/>
        <source>%n open comment(s): right-click to see them</source>
        <translation>
            <numerusform>%n open comment: right-click to see it</numerusform>
            <numerusform>%n open comments: right-click to see them</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message numerus="yes">
        <location filename="../comments/import_preview.py" line="+160"/>
        <source>%n comment(s) will be added.</source>
        <translation>
            <numerusform>%n comment will be added.</numerusform>
            <numerusform>%n comments will be added.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n could not be placed: they go to the general comments unless you move them to an item.</source>
        <translation>
            <numerusform>%n could not be placed: it goes to the general comments unless you move it to an item.</numerusform>
            <numerusform>%n could not be placed: they go to the general comments unless you move them to an item.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n thread(s) will be marked resolved.</source>
        <translation>
            <numerusform>%n thread will be marked resolved.</numerusform>
            <numerusform>%n threads will be marked resolved.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n were already in the proposal.</source>
        <translation>
            <numerusform>%n was already in the proposal.</numerusform>
            <numerusform>%n were already in the proposal.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n cannot be imported.</source>
        <translation>
            <numerusform>%n cannot be imported.</numerusform>
            <numerusform>%n cannot be imported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message numerus="yes">
        <location filename="../pages/review.py" line="+219"/>
        <source>%n error(s) must be fixed before submitting.</source>
        <translation>
            <numerusform>%n error must be fixed before submitting.</numerusform>
            <numerusform>%n errors must be fixed before submitting.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <location line="+4"/>
        <source>%n warning(s).</source>
        <translation>
            <numerusform>%n warning.</numerusform>
            <numerusform>%n warnings.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RowMarks</name>
    <message numerus="yes">
        <location filename="../comments/marks.py" line="+39"/>
        <source>%n open comment(s): right-click to see them</source>
        <translation>
            <numerusform>%n open comment: right-click to see it</numerusform>
            <numerusform>%n open comments: right-click to see them</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TreeEditor</name>
    <message numerus="yes">
        <location filename="../pages/problem_tree_panel.py" line="+350"/>
        <source>Delete cause %1 and its %n sub-cause(s)?</source>
        <translation>
            <numerusform>Delete cause %1 and its %n sub-cause?</numerusform>
            <numerusform>Delete cause %1 and its %n sub-causes?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Delete effect %1 and its %n sub-effect(s)?</source>
        <translation>
            <numerusform>Delete effect %1 and its %n sub-effect?</numerusform>
            <numerusform>Delete effect %1 and its %n sub-effects?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_ImportCounts</name>
    <message numerus="yes">
        <location filename="../comments_import.py" line="+103"/>
        <source>%n comment(s) imported.</source>
        <translation>
            <numerusform>%n comment imported.</numerusform>
            <numerusform>%n comments imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n could not be placed and went to the general comments.</source>
        <translation>
            <numerusform>%n could not be placed and went to the general comments.</numerusform>
            <numerusform>%n could not be placed and went to the general comments.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n thread(s) marked resolved.</source>
        <translation>
            <numerusform>%n thread marked resolved.</numerusform>
            <numerusform>%n threads marked resolved.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n were already in the proposal.</source>
        <translation>
            <numerusform>%n was already in the proposal.</numerusform>
            <numerusform>%n were already in the proposal.</numerusform>
        </translation>
    </message>
</context>
</TS>
