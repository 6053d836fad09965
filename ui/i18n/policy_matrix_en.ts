<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AppController</name>
    <message numerus="yes">
        <location filename="../controller.py" line="+266"/>
        <source>Saved %n s ago</source>
        <translation>
            <numerusform>Saved %n s ago</numerusform>
            <numerusform>Saved %n s ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditorView</name>
    <message numerus="yes">
        <location filename="../editor.py" line="+108"/>
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message numerus="yes">
        <location filename="../pages/review.py" line="+156"/>
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
    <name>TreeEditor</name>
    <message numerus="yes">
        <location filename="../pages/problem_tree_panel.py" line="+321"/>
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
</TS>
