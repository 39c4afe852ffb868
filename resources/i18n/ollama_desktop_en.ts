<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
