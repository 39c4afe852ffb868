<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AttachmentWords</name>
    <message numerus="yes">
        <source>%n pages</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>~%Ln tokens</source>
        <translation>
            <numerusform>~%Ln token</numerusform>
            <numerusform>~%Ln tokens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AttachmentsPane</name>
    <message numerus="yes">
        <source>At most {limit} files go with one question: %n more were left out.</source>
        <translation>
            <numerusform>At most {limit} files go with one question: %n more was left out.</numerusform>
            <numerusform>At most {limit} files go with one question: %n more were left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BaselinePicker</name>
    <message numerus="yes">
        <source>{when} · %n models · {mode}</source>
        <translation>
            <numerusform>{when} · %n model · {mode}</numerusform>
            <numerusform>{when} · %n models · {mode}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BenchmarkProgress</name>
    <message numerus="yes">
        <source>%n of them failed; the table says why.</source>
        <translation>
            <numerusform>%n of them failed; the table says why.</numerusform>
            <numerusform>%n of them failed; the table says why.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finished: %n runs.</source>
        <translation>
            <numerusform>Finished: %n run.</numerusform>
            <numerusform>Finished: %n runs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped. The %n finished runs are kept.</source>
        <translation>
            <numerusform>Stopped. The %n finished run is kept.</numerusform>
            <numerusform>Stopped. The %n finished runs are kept.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BenchmarkSetup</name>
    <message numerus="yes">
        <source>%n runs in all.</source>
        <translation>
            <numerusform>%n run in all.</numerusform>
            <numerusform>%n runs in all.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContextPane</name>
    <message numerus="yes">
        <source>The model no longer sees your first %n messages: this chat is longer than its {size}-token memory.</source>
        <translation>
            <numerusform>The model no longer sees your first %n message: this chat is longer than its {size}-token memory.</numerusform>
            <numerusform>The model no longer sees your first %n messages: this chat is longer than its {size}-token memory.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ModelsDialog</name>
    <message numerus="yes">
        <source>Longest context: %Ln tokens</source>
        <translation>
            <numerusform>Longest context: %Ln token</numerusform>
            <numerusform>Longest context: %Ln tokens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReplySpeeds</name>
    <message numerus="yes">
        <source>%Ln tokens</source>
        <translation>
            <numerusform>%Ln token</numerusform>
            <numerusform>%Ln tokens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResidencyTexts</name>
    <message numerus="yes">
        <source>Context: %Ln tokens</source>
        <translation>
            <numerusform>Context: %Ln token</numerusform>
            <numerusform>Context: %Ln tokens</numerusform>
        </translation>
    </message>
</context>
</TS>
