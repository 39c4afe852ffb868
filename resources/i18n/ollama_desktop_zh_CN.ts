<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AttachmentChip</name>
    <message>
        <source>Long document: only its start is sent.</source>
        <translation>文档很长：只会发送开头的部分。</translation>
    </message>
    <message>
        <source>Picture sent at {width} × {height} pixels</source>
        <translation>发送的图片大小：{width} × {height} 像素</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation>移除“{name}”</translation>
    </message>
    <message>
        <source>{name}: being read…</source>
        <translation>{name}：正在读取…</translation>
    </message>
</context>
<context>
    <name>AttachmentView</name>
    <message>
        <source>only its start was sent</source>
        <translation>只发送了开头</translation>
    </message>
    <message>
        <source>{name} · this picture cannot be shown</source>
        <translation>{name} · 无法显示这张图片</translation>
    </message>
</context>
<context>
    <name>AttachmentWords</name>
    <message numerus="yes">
        <source>%n pages</source>
        <translation>
            <numerusform>%n 页</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>~%Ln tokens</source>
        <translation>
            <numerusform>约 %Ln 个 token</numerusform>
        </translation>
    </message>
    <message>
        <source>“{name}” cannot be attached: the app takes pictures (PNG, JPEG, WebP, GIF), PDF, Word documents and text files.</source>
        <translation>无法附加“{name}”：本程序接受图片（PNG、JPEG、WebP、GIF）、PDF、Word 文档和文本文件。</translation>
    </message>
    <message>
        <source>“{name}” could not be read: check that the app may open it.</source>
        <translation>无法读取“{name}”：请确认本程序有权限打开它。</translation>
    </message>
    <message>
        <source>“{name}” could not be read: the file seems damaged.</source>
        <translation>无法读取“{name}”：文件似乎已损坏。</translation>
    </message>
    <message>
        <source>“{name}” has no text to read: it looks like a scan. Attach its pages as pictures, or a copy with text (most scanners can make one).</source>
        <translation>“{name}”里没有可读的文字，看起来是扫描件。请把页面作为图片附加，或附加带文字的版本（多数扫描仪都能生成）。</translation>
    </message>
    <message>
        <source>“{name}” is a folder, not a file: attach the files in it instead.</source>
        <translation>“{name}”是文件夹，不是文件：请改为附加其中的文件。</translation>
    </message>
    <message>
        <source>“{name}” is empty: there is nothing in it to send.</source>
        <translation>“{name}”是空的：没有内容可发送。</translation>
    </message>
    <message>
        <source>“{name}” is no longer there: it was moved or deleted before it could be read.</source>
        <translation>“{name}”已经不在了：它在读取前被移动或删除。</translation>
    </message>
    <message>
        <source>“{name}” is protected by a password: save a copy without one and attach that.</source>
        <translation>“{name}”有密码保护：请另存一份没有密码的副本再附加。</translation>
    </message>
    <message>
        <source>“{name}” is too large to attach ({size}; at most {limit}).</source>
        <translation>“{name}”太大，无法附加（{size}；上限 {limit}）。</translation>
    </message>
</context>
<context>
    <name>AttachmentsPane</name>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <source>At most {limit} files go with one question: %n more were left out.</source>
        <translation>
            <numerusform>一个问题最多只能附加 {limit} 个文件：另外 %n 个没有加入。</numerusform>
        </translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>附加文件</translation>
    </message>
    <message>
        <source>Now using {model}: press Send.</source>
        <translation>现在使用 {model}：请按“发送”。</translation>
    </message>
    <message>
        <source>Open Models</source>
        <translation>打开“模型管理”</translation>
    </message>
    <message>
        <source>Pasted picture</source>
        <translation>粘贴的图片</translation>
    </message>
    <message>
        <source>Pasted picture {number}</source>
        <translation>粘贴的图片 {number}</translation>
    </message>
    <message>
        <source>Pictures ({patterns})</source>
        <translation>图片 ({patterns})</translation>
    </message>
    <message>
        <source>Pictures and documents ({patterns})</source>
        <translation>图片和文档 ({patterns})</translation>
    </message>
    <message>
        <source>Still reading {name}…</source>
        <translation>仍在读取“{name}”…</translation>
    </message>
    <message>
        <source>Switch to {model}</source>
        <translation>改用 {model}</translation>
    </message>
    <message>
        <source>That is a web address, not a file on this computer: download it first, then drop the saved file.</source>
        <translation>这是网址，不是这台电脑上的文件：请先下载，再拖放下载好的文件。</translation>
    </message>
    <message>
        <source>{model} cannot see pictures, and none of the models installed here can. Download one that can (its description says “vision”), or remove the pictures.</source>
        <translation>{model} 看不懂图片，这里安装的模型也都看不懂。请下载一个能看懂图片的模型（说明中有“vision”），或移除图片。</translation>
    </message>
    <message>
        <source>{model} cannot see pictures. {other} can:</source>
        <translation>{model} 看不懂图片，{other} 能看懂：</translation>
    </message>
    <message>
        <source>{model} is no longer installed.</source>
        <translation>{model} 已经没有安装了。</translation>
    </message>
</context>
<context>
    <name>Availability</name>
    <message>
        <source>Choose a model first.</source>
        <translation>请先选择模型。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>No model is installed yet: download one first (Models).</source>
        <translation>还没有安装任何模型：请先在“模型管理”中下载一个。</translation>
    </message>
    <message>
        <source>No models installed</source>
        <translation>还没有安装模型</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Ollama at {host} cannot be reached.</source>
        <translation>无法连接 {host} 上的 Ollama。</translation>
    </message>
    <message>
        <source>Ollama is not running on this computer.</source>
        <translation>Ollama 没有在这台电脑上运行。</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>发送（Enter）</translation>
    </message>
    <message>
        <source>Still connecting to Ollama at {host}…</source>
        <translation>仍在连接 {host} 上的 Ollama…</translation>
    </message>
    <message>
        <source>The server at {host} does not answer as Ollama does.</source>
        <translation>{host} 上的服务器有响应，但不是 Ollama 的响应方式。</translation>
    </message>
    <message>
        <source>{reason} Your question stays here: send it once Ollama answers.</source>
        <translation>{reason}你的问题会留在这里：等 Ollama 有响应后再发送。</translation>
    </message>
</context>
<context>
    <name>BaselinePicker</name>
    <message>
        <source>cold</source>
        <translation>冷启动</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>不对比</translation>
    </message>
    <message>
        <source>warm</source>
        <translation>热启动</translation>
    </message>
    <message numerus="yes">
        <source>{when} · %n models · {mode}</source>
        <translation>
            <numerusform>{when} · %n 个模型 · {mode}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BenchmarkDialog</name>
    <message>
        <source>A readable report with tables, to keep or to share.</source>
        <translation>带表格、便于阅读的报告，可留存或分享。</translation>
    </message>
    <message>
        <source>Benchmark: which model is fastest on this computer</source>
        <translation>性能测试：哪个模型在这台电脑上最快</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Compare with:</source>
        <translation>对比：</translation>
    </message>
    <message>
        <source>Could not save {path}: {reason}</source>
        <translation>无法保存 {path}：{reason}</translation>
    </message>
    <message>
        <source>Every run with every figure, for a spreadsheet.</source>
        <translation>每次运行的全部数据，可用电子表格打开。</translation>
    </message>
    <message>
        <source>Find out which of your models answers fastest on this computer. Each chosen model answers each chosen question several times; the speeds are Ollama&apos;s own measurements. Other programs running meanwhile can slow the models down.</source>
        <translation>找出你的模型中哪一个在这台电脑上回答得最快。每个选中的模型会把每个选中的问题回答几次；速度由 Ollama 自己测量。测试期间如果有其他程序在运行，模型可能会变慢。</translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation>Markdown 文件 (*.md)</translation>
    </message>
    <message>
        <source>Run benchmark</source>
        <translation>开始测试</translation>
    </message>
    <message>
        <source>Save as CSV</source>
        <translation>另存为 CSV</translation>
    </message>
    <message>
        <source>Save as CSV…</source>
        <translation>另存为 CSV…</translation>
    </message>
    <message>
        <source>Save as Markdown</source>
        <translation>另存为 Markdown</translation>
    </message>
    <message>
        <source>Save as Markdown…</source>
        <translation>另存为 Markdown…</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>已保存到 {path}。</translation>
    </message>
    <message>
        <source>Stop now. The runs that have finished are kept.</source>
        <translation>立即停止。已完成的运行结果会保留。</translation>
    </message>
    <message>
        <source>The results could not be kept for later comparison: {reason}</source>
        <translation>无法保存结果供以后对比：{reason}</translation>
    </message>
</context>
<context>
    <name>BenchmarkProgress</name>
    <message numerus="yes">
        <source>%n of them failed; the table says why.</source>
        <translation>
            <numerusform>其中 %n 次失败，原因见表格。</numerusform>
        </translation>
    </message>
    <message>
        <source>%v of %m runs done</source>
        <translation>已完成 %v / %m 次</translation>
    </message>
    <message numerus="yes">
        <source>Finished: %n runs.</source>
        <translation>
            <numerusform>完成：共运行 %n 次。</numerusform>
        </translation>
    </message>
    <message>
        <source>Freeing the memory used by {model}…</source>
        <translation>正在释放 {model} 占用的内存…</translation>
    </message>
    <message>
        <source>Getting ready: asking Ollama for its version…</source>
        <translation>准备中：正在获取 Ollama 的版本…</translation>
    </message>
    <message>
        <source>Loading again the models that were in memory before…</source>
        <translation>正在重新加载之前在内存中的模型…</translation>
    </message>
    <message>
        <source>Loading {model} into memory…</source>
        <translation>正在将 {model} 加载到内存…</translation>
    </message>
    <message>
        <source>Model {model} of {models} · run {run} of {runs} · question {prompt} of {prompts}</source>
        <translation>模型 {model}/{models} · 第 {run}/{runs} 次 · 问题 {prompt}/{prompts}</translation>
    </message>
    <message numerus="yes">
        <source>Stopped. The %n finished runs are kept.</source>
        <translation>
            <numerusform>已停止。已完成的 %n 次运行结果会保留。</numerusform>
        </translation>
    </message>
    <message>
        <source>The benchmark stopped because of an unexpected problem. The finished runs are kept.</source>
        <translation>出现意外问题，测试已中止。已完成的运行结果会保留。</translation>
    </message>
    <message>
        <source>{model} is answering the question “{question}”…</source>
        <translation>{model} 正在回答“{question}”…</translation>
    </message>
</context>
<context>
    <name>BenchmarkResults</name>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Earlier
(tokens/s)</source>
        <translation>之前
(token/秒)</translation>
    </message>
    <message>
        <source>Earlier ({when})</source>
        <translation>之前（{when}）</translation>
    </message>
    <message>
        <source>Every run</source>
        <translation>每次运行</translation>
    </message>
    <message>
        <source>No model fitted fully in the graphics card&apos;s memory, so all of them ran partly or only on the processor. The fastest was &lt;b&gt;{model}&lt;/b&gt; ({rate} tokens/s).</source>
        <translation>没有模型能完全放进显存，所以全部都部分或完全在处理器上运行。最快的是 &lt;b&gt;{model}&lt;/b&gt;（{rate} token/秒）。</translation>
    </message>
    <message>
        <source>Per model</source>
        <translation>按模型</translation>
    </message>
    <message>
        <source>Showing the benchmark of {when}.</source>
        <translation>显示 {when} 的测试结果。</translation>
    </message>
    <message>
        <source>Suggested: &lt;b&gt;{model}&lt;/b&gt;, the fastest model that fits fully in the graphics card&apos;s memory ({rate} tokens/s).</source>
        <translation>推荐：&lt;b&gt;{model}&lt;/b&gt;，能完全放进显存的模型中最快的一个（{rate} token/秒）。</translation>
    </message>
    <message>
        <source>This benchmark</source>
        <translation>本次测试</translation>
    </message>
    <message>
        <source>This benchmark ({when})</source>
        <translation>本次测试（{when}）</translation>
    </message>
    <message>
        <source>about the same</source>
        <translation>差不多</translation>
    </message>
    <message>
        <source>{percent} % faster</source>
        <translation>快 {percent}%</translation>
    </message>
    <message>
        <source>{percent} % slower</source>
        <translation>慢 {percent}%</translation>
    </message>
</context>
<context>
    <name>BenchmarkSetup</name>
    <message numerus="yes">
        <source>%n runs in all.</source>
        <translation>
            <numerusform>共需运行 %n 次。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cold: unload before every run</source>
        <translation>冷启动：每次运行前先卸载</translation>
    </message>
    <message>
        <source>Each model is loaded once before its runs; that load is not counted as a run.</source>
        <translation>每个模型会在运行前先加载一次；这次加载不计入运行次数。</translation>
    </message>
    <message>
        <source>Each run loads its model first, so it takes longer.</source>
        <translation>每次运行都会先加载模型，所以耗时更长。</translation>
    </message>
    <message>
        <source>How</source>
        <translation>测试方式</translation>
    </message>
    <message>
        <source>Models to test</source>
        <translation>要测试的模型</translation>
    </message>
    <message>
        <source>No model is chosen in the main window, so none is ticked: tick the models to test.</source>
        <translation>主窗口中没有选择模型，所以这里没有预先勾选：请勾选要测试的模型。</translation>
    </message>
    <message>
        <source>No models are installed yet, so there is nothing to test.</source>
        <translation>还没有安装任何模型，没有可以测试的。</translation>
    </message>
    <message>
        <source>Questions to ask</source>
        <translation>要问的问题</translation>
    </message>
    <message>
        <source>Runs per model and question:</source>
        <translation>每个模型、每个问题的运行次数：</translation>
    </message>
    <message>
        <source>The model is loaded before its first run and stays loaded: only answering is measured.</source>
        <translation>模型会在第一次运行前加载，之后一直留在内存中：只测量回答速度。</translation>
    </message>
    <message>
        <source>The model is taken out of memory before every run, so each run also measures how long loading takes. Slower.</source>
        <translation>每次运行前都会把模型移出内存，因此每次也会测到加载所花的时间。比较慢。</translation>
    </message>
    <message>
        <source>Tick at least one model to test.</source>
        <translation>请至少勾选一个要测试的模型。</translation>
    </message>
    <message>
        <source>Tick at least one question, or type your own.</source>
        <translation>请至少勾选一个问题，或自己输入一个。</translation>
    </message>
    <message>
        <source>Type a question to ask every model</source>
        <translation>输入要问每个模型的问题</translation>
    </message>
    <message>
        <source>Warm: load each model once first</source>
        <translation>热启动：先把每个模型加载一次</translation>
    </message>
    <message>
        <source>Your own:</source>
        <translation>自定义问题：</translation>
    </message>
</context>
<context>
    <name>BenchmarkTexts</name>
    <message>
        <source>Answer
tokens</source>
        <translation>回答
token 数</translation>
    </message>
    <message>
        <source>CPU {gb} GB</source>
        <translation>CPU {gb} GB</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>结束原因</translation>
    </message>
    <message>
        <source>Every run</source>
        <translation>每次运行</translation>
    </message>
    <message>
        <source>Every run started cold: the model was unloaded first, so loading time is included.</source>
        <translation>每次运行都是冷启动：先卸载模型，所以包含加载时间。</translation>
    </message>
    <message>
        <source>Every run started warm: the model was loaded before its first run.</source>
        <translation>每次运行都是热启动：模型在第一次运行前就已加载。</translation>
    </message>
    <message>
        <source>First word
after (s)</source>
        <translation>第一个字
出现 (秒)</translation>
    </message>
    <message>
        <source>GPU {gb} GB</source>
        <translation>GPU {gb} GB</translation>
    </message>
    <message>
        <source>GPU {gpu} GB + RAM {ram} GB</source>
        <translation>GPU {gpu} GB + 内存 {ram} GB</translation>
    </message>
    <message>
        <source>Graphics card: not found</source>
        <translation>显卡：未找到</translation>
    </message>
    <message>
        <source>Graphics card: {gpu}</source>
        <translation>显卡：{gpu}</translation>
    </message>
    <message>
        <source>How fast the answer was written, in tokens (pieces of words) per second, as Ollama measured it. Higher is better.</source>
        <translation>回答生成的速度，以每秒 token（词语片段）数计，由 Ollama 测量。越高越好。</translation>
    </message>
    <message>
        <source>How fast the model read the question, in tokens per second.</source>
        <translation>模型读取问题的速度，以每秒 token 数计。</translation>
    </message>
    <message>
        <source>How long Ollama took to load the model into memory.</source>
        <translation>Ollama 将模型加载到内存所花的时间。</translation>
    </message>
    <message>
        <source>How long it took, from asking, until the first word of the answer arrived.</source>
        <translation>从提问到回答的第一个字出现所花的时间。</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>韩语</translation>
    </message>
    <message>
        <source>Loading
(s)</source>
        <translation>加载
(秒)</translation>
    </message>
    <message>
        <source>Long answer</source>
        <translation>长篇回答</translation>
    </message>
    <message>
        <source>Median speed
(tokens/s)</source>
        <translation>速度中位数
(token/秒)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>No model fitted fully in the graphics card&apos;s memory. The fastest was **{model}** ({rate} tokens/s).</source>
        <translation>没有模型能完全放进显存。最快的是 **{model}**（{rate} token/秒）。</translation>
    </message>
    <message>
        <source>Ollama Desktop {version}</source>
        <translation>Ollama Desktop {version}</translation>
    </message>
    <message>
        <source>Ollama benchmark, {date}</source>
        <translation>Ollama 性能测试，{date}</translation>
    </message>
    <message>
        <source>Ollama {version} at {host}</source>
        <translation>Ollama {version}，位于 {host}</translation>
    </message>
    <message>
        <source>Per model</source>
        <translation>按模型</translation>
    </message>
    <message>
        <source>Per model and question</source>
        <translation>按模型和问题</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Processor: {cpu}</source>
        <translation>处理器：{cpu}</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Question
tokens</source>
        <translation>问题
token 数</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Reading speed
(tokens/s)</source>
        <translation>读取速度
(token/秒)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>第几次</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行次数</translation>
    </message>
    <message>
        <source>Short question</source>
        <translation>简短问题</translation>
    </message>
    <message>
        <source>Slowest–
fastest</source>
        <translation>最慢–
最快</translation>
    </message>
    <message>
        <source>Speed
(tokens/s)</source>
        <translation>速度
(token/秒)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动方式</translation>
    </message>
    <message>
        <source>Stopped before the end: only the finished runs are included.</source>
        <translation>在结束前停止：只包含已完成的运行。</translation>
    </message>
    <message>
        <source>Suggested: **{model}**, the fastest model that fits fully in the graphics card&apos;s memory ({rate} tokens/s).</source>
        <translation>推荐：**{model}**，能完全放进显存的模型中最快的一个（{rate} token/秒）。</translation>
    </message>
    <message>
        <source>System: {os}</source>
        <translation>系统：{os}</translation>
    </message>
    <message>
        <source>The middle value of the runs&apos; speeds, so one unusually slow or fast run does not decide. Higher is better.</source>
        <translation>各次运行速度的中间值，所以单独一次特别慢或特别快的运行不会左右结果。越高越好。</translation>
    </message>
    <message>
        <source>The slowest and the fastest run. A wide range means the speed varied.</source>
        <translation>最慢和最快的一次。范围越大，说明速度越不稳定。</translation>
    </message>
    <message>
        <source>Total
(s)</source>
        <translation>总计
(秒)</translation>
    </message>
    <message>
        <source>Where it ran</source>
        <translation>运行位置</translation>
    </message>
    <message>
        <source>Where the model sat while answering: fully in the graphics card&apos;s memory (GPU, fastest), split between the graphics card and the computer&apos;s memory, or only in the computer&apos;s memory (CPU, slowest).</source>
        <translation>回答时模型所在的位置：完全在显存中（GPU，最快）、分布在显卡和电脑内存之间，或只在电脑内存中（CPU，最慢）。</translation>
    </message>
    <message>
        <source>Your own question</source>
        <translation>自定义问题</translation>
    </message>
    <message>
        <source>at the length limit</source>
        <translation>达到长度上限</translation>
    </message>
    <message>
        <source>cold</source>
        <translation>冷启动</translation>
    </message>
    <message>
        <source>cold starts</source>
        <translation>冷启动</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>正常完成</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>version unknown</source>
        <translation>版本未知</translation>
    </message>
    <message>
        <source>warm</source>
        <translation>热启动</translation>
    </message>
    <message>
        <source>warm starts</source>
        <translation>热启动</translation>
    </message>
    <message>
        <source>{ok} of {total}</source>
        <translation>{ok} / {total}</translation>
    </message>
    <message>
        <source>{runs} runs per model and question.</source>
        <translation>每个模型、每个问题运行 {runs} 次。</translation>
    </message>
</context>
<context>
    <name>ChatOptionsDialog</name>
    <message>
        <source>Chat settings</source>
        <translation>对话设置</translation>
    </message>
    <message>
        <source>Context size (tokens):</source>
        <translation>上下文长度（token）：</translation>
    </message>
    <message>
        <source>For example: Answer briefly, in Traditional Chinese.</source>
        <translation>例如：请用简体中文简短回答。</translation>
    </message>
    <message>
        <source>For reasoning models such as DeepSeek-R1 or Qwen 3.</source>
        <translation>适用于 DeepSeek-R1、Qwen 3 等推理模型。</translation>
    </message>
    <message>
        <source>High: think longer</source>
        <translation>高：想得更久</translation>
    </message>
    <message>
        <source>Longest answer (tokens):</source>
        <translation>回答长度上限（token）：</translation>
    </message>
    <message>
        <source>Low: think briefly</source>
        <translation>低：简短思考</translation>
    </message>
    <message>
        <source>Max: think as long as it takes</source>
        <translation>最高：需要多久就想多久</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>Model default</source>
        <translation>模型默认值</translation>
    </message>
    <message>
        <source>Off: answer directly (faster)</source>
        <translation>关闭：直接回答（更快）</translation>
    </message>
    <message>
        <source>On: think first, show the reasoning</source>
        <translation>开启：先思考，并显示推理过程</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>Seed (same seed, same answer):</source>
        <translation>种子（种子相同，回答就相同）：</translation>
    </message>
    <message>
        <source>System prompt:</source>
        <translation>系统提示词：</translation>
    </message>
    <message>
        <source>Temperature (creativity):</source>
        <translation>温度（创造性）：</translation>
    </message>
    <message>
        <source>Thinking (reasoning models):</source>
        <translation>思考（推理模型）：</translation>
    </message>
    <message>
        <source>This model cannot think before answering.</source>
        <translation>这个模型不能先思考再回答。</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Details: {details}</source>
        <translation>详细信息：{details}</translation>
    </message>
    <message>
        <source>Show or hide how the model reasoned</source>
        <translation>显示或隐藏模型的推理过程</translation>
    </message>
    <message>
        <source>Show the end of the conversation and follow the answer</source>
        <translation>跳到对话末尾，并跟随回答滚动</translation>
    </message>
    <message>
        <source>The beginning of this long answer ({size}) is not shown here, to keep the app responsive. Copy the answer or export the chat to read all of it.</source>
        <translation>这个回答很长（{size}），为了让应用保持流畅，这里不显示开头的部分。如需阅读全文，请复制回答或导出对话。</translation>
    </message>
    <message>
        <source>The beginning of this long reasoning ({size}) is not shown here, to keep the app responsive.</source>
        <translation>这段推理过程很长（{size}），为了让应用保持流畅，这里不显示开头的部分。</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>思考过程</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>思考中…</translation>
    </message>
    <message>
        <source>Thought for {seconds:.0f} s</source>
        <translation>思考了 {seconds:.0f} 秒</translation>
    </message>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <source>Your conversation appears here.</source>
        <translation>对话内容会显示在这里。</translation>
    </message>
    <message>
        <source>↓ Jump to latest</source>
        <translation>↓ 跳到最新</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Attach files</source>
        <translation>附加文件</translation>
    </message>
    <message>
        <source>Attach pictures or documents (or drop or paste them here)</source>
        <translation>附加图片或文档（也可以拖放或粘贴到这里）</translation>
    </message>
</context>
<context>
    <name>ContextController</name>
    <message>
        <source>Summarize our conversation so far for a new chat that continues it: the subject, the facts and decisions, what is still open. Write only the summary.</source>
        <translation>请为接续这段对话的新对话，总结目前为止的内容：主题、事实与决定、尚未解决的事。只写总结。</translation>
    </message>
    <message>
        <source>This chat continues an earlier one. Its summary:</source>
        <translation>此对话接续之前的对话。其总结：</translation>
    </message>
</context>
<context>
    <name>ContextGauge</name>
    <message>
        <source>Estimated until the model answers.</source>
        <translation>在模型回答前为估计值。</translation>
    </message>
    <message>
        <source>Ollama&apos;s usual default; the server may give more</source>
        <translation>Ollama 的一般默认值；服务器可能给得更多</translation>
    </message>
    <message>
        <source>The next question would make the model forget the start of the chat.</source>
        <translation>下一个问题会让模型忘记对话的开头。</translation>
    </message>
    <message>
        <source>This chat fills {used} of the {size} tokens the model keeps in mind ({source}).</source>
        <translation>此对话占用模型可记住的 {size} 个 token 中的 {used} 个（{source}）。</translation>
    </message>
    <message>
        <source>What you typed adds about {typed}.</source>
        <translation>你输入的内容约增加 {typed} 个。</translation>
    </message>
    <message>
        <source>as the model is loaded now</source>
        <translation>依模型当前的加载方式</translation>
    </message>
    <message>
        <source>the cloud model&apos;s own maximum</source>
        <translation>云端模型自己的上限</translation>
    </message>
    <message>
        <source>the size set in this chat&apos;s options</source>
        <translation>此对话设置中的大小</translation>
    </message>
    <message>
        <source>{used} / {size} tokens</source>
        <translation>{used} / {size} 个 token</translation>
    </message>
</context>
<context>
    <name>ContextPane</name>
    <message>
        <source>A new chat starts from the summary.</source>
        <translation>新对话从总结开始。</translation>
    </message>
    <message>
        <source>Give this chat a larger memory ({size} tokens)</source>
        <translation>给此对话更大的记忆（{size} 个 token）</translation>
    </message>
    <message>
        <source>No summary could be written: {reason}</source>
        <translation>无法写出总结：{reason}</translation>
    </message>
    <message>
        <source>Start a new chat from a summary</source>
        <translation>从总结开始新对话</translation>
    </message>
    <message>
        <source>The model is writing a summary of this chat…</source>
        <translation>模型正在撰写此对话的总结…</translation>
    </message>
    <message numerus="yes">
        <source>The model no longer sees your first %n messages: this chat is longer than its {size}-token memory.</source>
        <translation>
            <numerusform>模型已看不到你的前 %n 条消息：此对话比它 {size} 个 token 的记忆还长。</numerusform>
        </translation>
    </message>
    <message>
        <source>The model now takes {memory} of memory ({before} before).</source>
        <translation>模型现在占用 {memory} 内存（之前为 {before}）。</translation>
    </message>
    <message>
        <source>The model now takes {memory} of memory.</source>
        <translation>模型现在占用 {memory} 内存。</translation>
    </message>
    <message>
        <source>This chat continues the previous one from the model&apos;s summary of it, which is in this chat&apos;s system prompt (Chat options).</source>
        <translation>此对话以模型对上一段对话的总结接续，总结在此对话的系统提示词中（对话设置）。</translation>
    </message>
    <message>
        <source>This chat now has a memory of {size} tokens.</source>
        <translation>此对话现在可记住 {size} 个 token。</translation>
    </message>
    <message>
        <source>This model has no larger memory to give this chat.</source>
        <translation>此模型无法再给这个对话更大的记忆。</translation>
    </message>
    <message>
        <source>This question may not fit: the model would forget the start of the chat. Send anyway? Press Send again.</source>
        <translation>这个问题可能放不下：模型会忘记对话的开头。仍要发送？再按一次“发送”。</translation>
    </message>
    <message>
        <source>Wait for the answer to end, then try again.</source>
        <translation>请等回答结束后再试一次。</translation>
    </message>
    <message>
        <source>the model wrote nothing</source>
        <translation>模型没有写出任何内容</translation>
    </message>
    <message>
        <source>▲ The model&apos;s memory begins here</source>
        <translation>▲ 模型的记忆从这里开始</translation>
    </message>
</context>
<context>
    <name>EditQuestionDialog</name>
    <message>
        <source>Edit a question</source>
        <translation>编辑问题</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>问题：</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>The answer to this question, and everything after it, is replaced by the new answer.</source>
        <translation>这个问题的回答以及之后的所有内容，都会换成新的回答。</translation>
    </message>
    <message>
        <source>The answer to this question, and everything after it, is replaced by the new answer. The earlier version is kept: the arrows under the chat switch back to it.</source>
        <translation>这个问题的回答以及之后的所有内容，都会换成新的回答。旧版本会保留：用对话下方的箭头就能切换回去。</translation>
    </message>
    <message>
        <source>{number}. {text}</source>
        <translation>{number}. {text}</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <source>Attached</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>推理过程</translation>
    </message>
    <message>
        <source>Stopped before the end.</source>
        <translation>在结束前停止。</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <source>The answer failed before it was finished.</source>
        <translation>回答在完成前失败了。</translation>
    </message>
    <message>
        <source>The answer failed before the end.</source>
        <translation>回答没有完成就失败了。</translation>
    </message>
    <message>
        <source>The app was closed before this answer was finished.</source>
        <translation>这个回答完成前，应用就关闭了。</translation>
    </message>
    <message>
        <source>The chat history cannot be used right now, so the chat could not be added.</source>
        <translation>暂时无法使用聊天记录，所以无法添加这段对话。</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>无法读取文件。</translation>
    </message>
    <message>
        <source>The file could not be saved.</source>
        <translation>无法保存文件。</translation>
    </message>
    <message>
        <source>The file or its folder does not exist.</source>
        <translation>文件或所在的文件夹不存在。</translation>
    </message>
    <message>
        <source>This file is not a chat saved by Ollama Desktop (choose a .json file made with Export).</source>
        <translation>这不是 Ollama Desktop 保存的对话文件（请选择用“导出”生成的 .json 文件）。</translation>
    </message>
    <message>
        <source>This file is not a chat saved by Ollama Desktop (it is not text).</source>
        <translation>这不是 Ollama Desktop 保存的对话文件（它不是文本文件）。</translation>
    </message>
    <message>
        <source>Word document</source>
        <translation>Word 文档</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <source>You are not allowed to read this file.</source>
        <translation>你没有读取这个文件的权限。</translation>
    </message>
    <message>
        <source>You are not allowed to save in this folder. Choose another one, such as Documents.</source>
        <translation>你没有在这个文件夹保存的权限。请选择其他文件夹，例如“文档”。</translation>
    </message>
    <message>
        <source>Your chat history was saved by a newer version of Ollama Desktop, so this version leaves it alone. You can keep chatting, but new messages are not kept. Update the app to see and keep your chats.</source>
        <translation>你的聊天记录是由较新版本的 Ollama Desktop 保存的，所以这个版本不会改动它。你可以继续对话，但新消息不会保存。请更新应用，才能查看并保存你的对话。</translation>
    </message>
    <message>
        <source>Your chats cannot be saved right now: the chat history is in use by another program (perhaps Ollama Desktop is open twice). You can keep chatting; press Try again once the other program is closed, and this chat will be saved.</source>
        <translation>暂时无法保存你的对话：聊天记录正被其他程序使用（可能打开了两个 Ollama Desktop）。你可以继续对话；关闭另一个程序后点击“重试”，这段对话就会保存。</translation>
    </message>
    <message>
        <source>Your chats cannot be saved: the app cannot write in its folder {folder}. You can keep chatting, but new messages are not kept after you close the app. Press Try again once the folder can be written.</source>
        <translation>无法保存你的对话：应用无法写入它的文件夹 {folder}。你可以继续对话，但关闭应用后，新消息不会保留。等这个文件夹可以写入后，请点击“重试”。</translation>
    </message>
    <message>
        <source>Your chats cannot be saved: the chat history could not be opened. You can keep chatting, but new messages are not kept after you close the app. Press Try again to retry.</source>
        <translation>无法保存你的对话：打不开聊天记录。你可以继续对话，但关闭应用后，新消息不会保留。请点击“重试”再试一次。</translation>
    </message>
    <message>
        <source>Your chats cannot be saved: the chat history file can only be read, not changed. Your saved chats still show, and you can keep chatting, but new messages are not kept after you close the app.</source>
        <translation>无法保存你的对话：聊天记录文件只能读取、不能修改。已保存的对话仍会显示，你也可以继续对话，但关闭应用后，新消息不会保留。</translation>
    </message>
    <message>
        <source>Your chats cannot be saved: the chat history file is damaged. You can keep chatting, but new messages are not kept after you close the app.</source>
        <translation>无法保存你的对话：聊天记录文件已损坏。你可以继续对话，但关闭应用后，新消息不会保留。</translation>
    </message>
    <message>
        <source>Your chats cannot be saved: the disk is full. You can keep chatting; free some space, then press Try again, and this chat will be saved.</source>
        <translation>无法保存你的对话：磁盘已满。你可以继续对话；腾出一些空间后点击“重试”，这段对话就会保存。</translation>
    </message>
    <message>
        <source>Your saved chats are busy in another program; try again in a moment.</source>
        <translation>你保存的对话正被其他程序占用，请稍后再试。</translation>
    </message>
    <message>
        <source>Your saved chats could not be read because the chat history file was damaged. It was kept as “{name}” in {folder}, and a new, empty history was started.</source>
        <translation>聊天记录文件已损坏，无法读取你保存的对话。损坏的文件已另存为 {folder} 中的“{name}”，并已开始一份新的空白记录。</translation>
    </message>
    <message>
        <source>Your saved chats could not be read just now.</source>
        <translation>暂时无法读取你保存的对话。</translation>
    </message>
    <message>
        <source>code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>only the start</source>
        <translation>仅开头部分</translation>
    </message>
    <message>
        <source>picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
</context>
<context>
    <name>HistoryPane</name>
    <message>
        <source>&amp;Edit a question…</source>
        <translation>编辑问题(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import chat…</source>
        <translation>导入对话(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Regenerate answer</source>
        <translation>重新生成回答(&amp;R)</translation>
    </message>
    <message>
        <source>Added “{title}” to your chats.</source>
        <translation>已将“{title}”添加到你的对话。</translation>
    </message>
    <message>
        <source>Ask the last question again for a new answer (Ctrl+Shift+R)</source>
        <translation>重新提出最后一个问题，获得新的回答（Ctrl+Shift+R）</translation>
    </message>
    <message>
        <source>Change one of your questions and ask it again (Ctrl+E)</source>
        <translation>修改其中一个问题并重新提问（Ctrl+E）</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>Chat &amp;list</source>
        <translation>对话列表(&amp;L)</translation>
    </message>
    <message>
        <source>Chat file (*.json)</source>
        <translation>对话文件 (*.json)</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation>请先选择模型。</translation>
    </message>
    <message>
        <source>Could not import {path}: {reason}</source>
        <translation>无法导入 {path}：{reason}</translation>
    </message>
    <message>
        <source>Could not save {path}: {reason}</source>
        <translation>无法保存 {path}：{reason}</translation>
    </message>
    <message>
        <source>Export chat</source>
        <translation>导出对话</translation>
    </message>
    <message>
        <source>Export chat as &amp;JSON…</source>
        <translation>将对话导出为 JSON(&amp;J)…</translation>
    </message>
    <message>
        <source>Export chat as &amp;Markdown…</source>
        <translation>将对话导出为 Markdown(&amp;M)…</translation>
    </message>
    <message>
        <source>Import chat</source>
        <translation>导入对话</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Saved the chat as {path}</source>
        <translation>已将对话保存为 {path}</translation>
    </message>
    <message>
        <source>Show or hide the list of your saved chats (Ctrl+B)</source>
        <translation>显示或隐藏已保存的对话列表（Ctrl+B）</translation>
    </message>
    <message>
        <source>There is nothing to export yet.</source>
        <translation>还没有可以导出的内容。</translation>
    </message>
    <message>
        <source>Your chats are being saved again.</source>
        <translation>对话已恢复保存。</translation>
    </message>
    <message>
        <source>Your saved chats cannot be shown right now.</source>
        <translation>暂时无法显示已保存的对话。</translation>
    </message>
</context>
<context>
    <name>HistorySidebar</name>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Deleted “{title}”.</source>
        <translation>已删除“{title}”。</translation>
    </message>
    <message>
        <source>Export as JSON (can be imported again)…</source>
        <translation>导出为 JSON（以后可重新导入）…</translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation>导出为 Markdown…</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>新对话</translation>
    </message>
    <message>
        <source>No chat contains “{words}”.</source>
        <translation>没有对话包含“{words}”。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Saved chats</source>
        <translation>已保存的对话</translation>
    </message>
    <message>
        <source>Search all chats</source>
        <translation>搜索所有对话</translation>
    </message>
    <message>
        <source>Start a new chat (Ctrl+N)</source>
        <translation>开始新对话（Ctrl+N）</translation>
    </message>
    <message>
        <source>The chat</source>
        <translation>这段对话</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Untitled chat</source>
        <translation>未命名对话</translation>
    </message>
    <message>
        <source>Your chats are kept here. Ask a question to start one.</source>
        <translation>你的对话会保存在这里。提个问题就能开始新对话。</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <source>This picture cannot be shown: its data is damaged.</source>
        <translation>无法显示这张图片：图片数据已损坏。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Keep Ollama Desktop running?</source>
        <translation>让 Ollama Desktop 继续运行吗？</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Ollama Desktop</source>
        <translation>Ollama Desktop</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the answer (Esc)</source>
        <translation>停止回答（Esc）</translation>
    </message>
    <message>
        <source>The answer failed.</source>
        <translation>回答失败。</translation>
    </message>
    <message>
        <source>This chat used {model}, which is not installed here. Choose a model to go on.</source>
        <translation>这段对话用的是 {model}，但这里没有安装。请选择一个模型继续。</translation>
    </message>
    <message>
        <source>When you close the window, Ollama Desktop can keep running as an icon in the tray, so you can free memory from there (for example before starting a game).

Keep it running in the tray? You can change this later in the Memory menu.</source>
        <translation>关闭窗口后，Ollama Desktop 可以以图标形式在系统托盘中继续运行，方便你从那里释放内存（比如在开始玩游戏之前）。

要在系统托盘中继续运行吗？以后可以在“内存”菜单中更改。</translation>
    </message>
</context>
<context>
    <name>MarkdownWriter</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>[image: {alt}]</source>
        <translation>[图片：{alt}]</translation>
    </message>
    <message>
        <source>code</source>
        <translation>代码</translation>
    </message>
</context>
<context>
    <name>MemoryPane</name>
    <message>
        <source>A cloud model runs on ollama.com: nothing to load here.</source>
        <translation>云端模型在 ollama.com 上运行：这里没有要加载的东西。</translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation>请先选择模型。</translation>
    </message>
    <message>
        <source>Freeing memory…</source>
        <translation>正在释放内存…</translation>
    </message>
    <message>
        <source>Ollama Desktop</source>
        <translation>Ollama Desktop</translation>
    </message>
    <message>
        <source>Sign in on ollama.com</source>
        <translation>在 ollama.com 登录</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Cannot reach Ollama at {host}. Make sure Ollama is running; the app keeps trying.</source>
        <translation>无法连接 {host} 上的 Ollama。请确认 Ollama 正在运行；本应用会不断重试。</translation>
    </message>
    <message>
        <source>Cannot reach Ollama. Make sure Ollama is running.</source>
        <translation>无法连接 Ollama。请确认 Ollama 正在运行。</translation>
    </message>
    <message>
        <source>Cloud models are turned off on this server.</source>
        <translation>此服务器已关闭云端模型。</translation>
    </message>
    <message>
        <source>Details: {details}</source>
        <translation>详细信息：{details}</translation>
    </message>
    <message>
        <source>Ollama could not be reached. Is it running?</source>
        <translation>无法连接 Ollama。它在运行吗？</translation>
    </message>
    <message>
        <source>Ollama could not reach the model library: is this computer connected to the internet?</source>
        <translation>Ollama 无法访问模型库：这台电脑连上互联网了吗？</translation>
    </message>
    <message>
        <source>Ollama did not answer in time.</source>
        <translation>Ollama 没有及时响应。</translation>
    </message>
    <message>
        <source>Ollama did not answer in time. The model may still be loading, or be too big for this computer&apos;s memory. Try again, or choose a smaller model.</source>
        <translation>Ollama 没有及时响应。模型可能还在加载，或者太大、这台电脑的内存放不下。请再试一次，或选择更小的模型。</translation>
    </message>
    <message>
        <source>Ollama reported a problem and could not answer. Try again; if it keeps happening, restart Ollama.</source>
        <translation>Ollama 报告了问题，无法回答。请再试一次；如果反复出现，请重启 Ollama。</translation>
    </message>
    <message>
        <source>Ollama reported a problem with this run.</source>
        <translation>Ollama 报告这次运行出了问题。</translation>
    </message>
    <message>
        <source>Ollama&apos;s answer could not be read.</source>
        <translation>无法读取 Ollama 的响应。</translation>
    </message>
    <message>
        <source>Something answers at the server address, but not as Ollama does.</source>
        <translation>服务器地址上有响应，但不是 Ollama 的响应方式。</translation>
    </message>
    <message>
        <source>Something answers at {host}, but not as Ollama does. Check the server address (Ollama menu → Ollama server…).</source>
        <translation>{host} 有响应，但不是 Ollama 的响应方式。请检查服务器地址（Ollama 菜单 → Ollama 服务器…）。</translation>
    </message>
    <message>
        <source>Something unexpected went wrong. Try again.</source>
        <translation>出现了意外问题。请再试一次。</translation>
    </message>
    <message>
        <source>Something went wrong in this run.</source>
        <translation>这次运行出了问题。</translation>
    </message>
    <message>
        <source>The answer could not be read: the server at {host} does not speak Ollama&apos;s language. Check the server address (Ollama menu → Ollama server…).</source>
        <translation>无法读取响应：{host} 上的服务器似乎不是 Ollama。请检查服务器地址（Ollama 菜单 → Ollama 服务器…）。</translation>
    </message>
    <message>
        <source>The cloud model needs the server signed in to ollama.com.</source>
        <translation>云端模型需要服务器登录 ollama.com。</translation>
    </message>
    <message>
        <source>The connection to Ollama was lost during the answer.</source>
        <translation>回答过程中与 Ollama 的连接断开了。</translation>
    </message>
    <message>
        <source>The connection to Ollama was lost in the middle of the answer. What arrived is kept.</source>
        <translation>回答到一半时，与 Ollama 的连接断开了。已收到的内容会保留。</translation>
    </message>
    <message>
        <source>The download of “{model}” failed. Try again.</source>
        <translation>“{model}”下载失败。请再试一次。</translation>
    </message>
    <message>
        <source>The model does not fit in this computer&apos;s memory.</source>
        <translation>这台电脑的内存放不下这个模型。</translation>
    </message>
    <message>
        <source>The model does not fit in this computer&apos;s memory. Close other models or programs, or choose a smaller model.</source>
        <translation>这台电脑的内存放不下这个模型。请关闭其他模型或程序，或选择更小的模型。</translation>
    </message>
    <message>
        <source>The model “{model}” cannot see pictures. Choose a model that can (one with “vision” in its description), or remove the pictures, then send again.</source>
        <translation>模型“{model}”看不懂图片。请选择能看懂图片的模型（说明中有“vision”的），或移除图片，然后再发送一次。</translation>
    </message>
    <message>
        <source>The model “{model}” is not installed on this Ollama server. Choose another model, or download it first.</source>
        <translation>这台 Ollama 服务器没有安装模型“{model}”。请选择其他模型，或先下载它。</translation>
    </message>
    <message>
        <source>The server at {host} accepts connections but does not answer. If it is Ollama, it may be stuck: quit it and start it again, then check again.</source>
        <translation>{host} 上的服务器接受了连接，却没有响应。如果它是 Ollama，可能已经卡住了：请退出并重新启动它，然后再检查一次。</translation>
    </message>
    <message>
        <source>The server at {host} sent the app to another address, {location}; the app only talks to {host}. If Ollama is at that other address, enter it as the server address (Ollama menu → Ollama server…).</source>
        <translation>{host} 上的服务器要本应用改为连接另一个地址 {location}，但本应用只会连接 {host}。如果 Ollama 在那个地址上，请把它设为服务器地址（Ollama 菜单 → Ollama 服务器…）。</translation>
    </message>
    <message>
        <source>The server at {host} tried to send the app to another address; the app only talks to {host}. Check the server address (Ollama menu → Ollama server…).</source>
        <translation>{host} 上的服务器想让本应用改为连接另一个地址，但本应用只会连接 {host}。请检查服务器地址（Ollama 菜单 → Ollama 服务器…）。</translation>
    </message>
    <message>
        <source>The server sent the app to another address.</source>
        <translation>服务器要本应用改为连接另一个地址。</translation>
    </message>
    <message>
        <source>There is no model called “{model}” in the Ollama library. Check the spelling.</source>
        <translation>Ollama 模型库中没有名为“{model}”的模型。请检查拼写。</translation>
    </message>
    <message>
        <source>This model is not installed on the Ollama server.</source>
        <translation>这个模型没有安装在 Ollama 服务器上。</translation>
    </message>
    <message>
        <source>no computer with that name could be found</source>
        <translation>找不到这个名称的电脑</translation>
    </message>
    <message>
        <source>nothing accepts connections at that address and port</source>
        <translation>这个地址和端口上没有程序接受连接</translation>
    </message>
    <message>
        <source>nothing arrived from the server for too long</source>
        <translation>服务器太久没有传来任何内容</translation>
    </message>
    <message>
        <source>one line of the answer was larger than {size}, far more than Ollama sends</source>
        <translation>响应中有一行超过 {size}，远大于 Ollama 会发送的内容</translation>
    </message>
    <message>
        <source>the answer began with far more header lines than any server sends</source>
        <translation>响应开头的标头行数远多于任何服务器会发送的数量</translation>
    </message>
    <message>
        <source>the answer came so slowly that the app stopped waiting for it</source>
        <translation>响应传得太慢，本应用已不再等待</translation>
    </message>
    <message>
        <source>the answer is not in the format Ollama uses</source>
        <translation>响应不是 Ollama 使用的格式</translation>
    </message>
    <message>
        <source>the answer stopped before its end</source>
        <translation>响应还没结束就中断了</translation>
    </message>
    <message>
        <source>the answer was larger than {size}, far more than Ollama sends</source>
        <translation>响应超过 {size}，远大于 Ollama 会发送的内容</translation>
    </message>
    <message>
        <source>the computer at that address did not respond</source>
        <translation>这个地址上的电脑没有响应</translation>
    </message>
    <message>
        <source>the connection broke in the middle of the answer</source>
        <translation>响应传到一半时连接断开了</translation>
    </message>
    <message>
        <source>the server accepted the connection but never answered</source>
        <translation>服务器接受了连接，却一直没有响应</translation>
    </message>
    <message>
        <source>the server address is not a valid web address</source>
        <translation>服务器地址不是有效的网址</translation>
    </message>
    <message>
        <source>the server answered the app&apos;s first question with an error</source>
        <translation>服务器对本应用的第一个请求返回了错误</translation>
    </message>
    <message>
        <source>the server closed the connection without answering</source>
        <translation>服务器没有响应就关闭了连接</translation>
    </message>
    <message>
        <source>the server sent a web page instead of Ollama&apos;s data</source>
        <translation>服务器发来的是网页，而不是 Ollama 的数据</translation>
    </message>
    <message>
        <source>the server sent text that is not valid UTF-8</source>
        <translation>服务器发来的文本不是有效的 UTF-8</translation>
    </message>
    <message>
        <source>the server&apos;s answer was compressed wrongly</source>
        <translation>服务器响应的压缩方式有误</translation>
    </message>
    <message>
        <source>what came back is not a web server&apos;s answer at all</source>
        <translation>收到的内容根本不是网页服务器的响应</translation>
    </message>
    <message>
        <source>“{model}” runs on ollama.com, and this Ollama server is not signed in. Run “ollama signin” on the server&apos;s computer, or open the sign-in link, then try again.</source>
        <translation>“{model}”在 ollama.com 上运行，而此 Ollama 服务器尚未登录。请在服务器的电脑上运行“ollama signin”，或打开登录链接，然后再试一次。</translation>
    </message>
    <message>
        <source>“{model}” runs on ollama.com, but cloud models are turned off on the server at {host} (OLLAMA_NO_CLOUD). Choose a model installed on this computer.</source>
        <translation>“{model}”在 ollama.com 上运行，但 {host} 的服务器已关闭云端模型（OLLAMA_NO_CLOUD）。请选择安装在这台电脑上的模型。</translation>
    </message>
</context>
<context>
    <name>ModelComboBox</name>
    <message>
        <source>No models yet</source>
        <translation>还没有模型</translation>
    </message>
    <message>
        <source>{label} · ☁ cloud</source>
        <translation>{label} · ☁ 云端</translation>
    </message>
    <message>
        <source>{label} — in memory</source>
        <translation>{label} — 已在内存中</translation>
    </message>
</context>
<context>
    <name>ModelsDialog</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>高级</translation>
    </message>
    <message>
        <source>Can do</source>
        <translation>功能</translation>
    </message>
    <message>
        <source>Can do: {caps}</source>
        <translation>功能：{caps}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Delete model?</source>
        <translation>删除模型？</translation>
    </message>
    <message>
        <source>Delete {name} from this Ollama server? If it came from ollama.com, downloading it again takes time; a model you made yourself is gone for good.</source>
        <translation>要从这台 Ollama 服务器删除 {name} 吗？如果它来自 ollama.com，重新下载需要花一些时间；如果是你自己创建的模型，删除后就再也找不回来了。</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Deleting {name}…</source>
        <translation>正在删除 {name}…</translation>
    </message>
    <message>
        <source>Family: {family}</source>
        <translation>系列：{family}</translation>
    </message>
    <message>
        <source>In memory</source>
        <translation>在内存中</translation>
    </message>
    <message>
        <source>Licence:</source>
        <translation>许可证：</translation>
    </message>
    <message>
        <source>Licence: {summary}</source>
        <translation>许可证：{summary}</translation>
    </message>
    <message>
        <source>Loading details of {name}…</source>
        <translation>正在加载 {name} 的详细信息…</translation>
    </message>
    <message numerus="yes">
        <source>Longest context: %Ln tokens</source>
        <translation>
            <numerusform>最长上下文：%Ln 个 token</numerusform>
        </translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型管理</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>修改日期</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>Parameters and stop words:</source>
        <translation>参数与停止词：</translation>
    </message>
    <message>
        <source>Parameters: {size}, quantization {quant}</source>
        <translation>参数量：{size}，量化：{quant}</translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation>量化</translation>
    </message>
    <message>
        <source>Runs on ollama.com, uses no memory on this computer.</source>
        <translation>在 ollama.com 上运行，不占用这台电脑的内存。</translation>
    </message>
    <message>
        <source>Select a model to see its details.</source>
        <translation>选择一个模型即可查看详细信息。</translation>
    </message>
    <message>
        <source>Size on disk</source>
        <translation>磁盘占用</translation>
    </message>
    <message>
        <source>Size on disk: {size}</source>
        <translation>磁盘占用：{size}</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>模板：</translation>
    </message>
    <message>
        <source>The model&apos;s parameters, stop words, prompt template and licence, as Ollama has them.</source>
        <translation>Ollama 所记录的模型参数、停止词、提示词模板和许可证。</translation>
    </message>
    <message>
        <source>chat</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>embeddings</source>
        <translation>嵌入向量</translation>
    </message>
    <message>
        <source>images</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>on ollama.com</source>
        <translation>在 ollama.com</translation>
    </message>
    <message>
        <source>thinking</source>
        <translation>思考</translation>
    </message>
    <message>
        <source>tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>{name} was deleted.</source>
        <translation>已删除 {name}。</translation>
    </message>
    <message>
        <source>{name} · ☁ cloud</source>
        <translation>{name} · ☁ 云端</translation>
    </message>
    <message>
        <source>{name}: runs on ollama.com, uses no memory on this computer.</source>
        <translation>{name}：在 ollama.com 上运行，不占用这台电脑的内存。</translation>
    </message>
</context>
<context>
    <name>ModelsPane</name>
    <message>
        <source>Download it</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>暂不</translation>
    </message>
    <message>
        <source>“{model}” is not installed on this server. Download it now?</source>
        <translation>这台服务器没有安装“{model}”。现在下载吗？</translation>
    </message>
</context>
<context>
    <name>PromptEdit</name>
    <message>
        <source>Ask anything… (Enter to send, Shift+Enter for a new line)</source>
        <translation>想问什么都可以…（Enter 发送，Shift+Enter 换行）</translation>
    </message>
</context>
<context>
    <name>PullBox</name>
    <message>
        <source>Cancel download</source>
        <translation>取消下载</translation>
    </message>
    <message>
        <source>Checking the download of {name}…</source>
        <translation>正在校验 {name} 的下载…</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Download a model</source>
        <translation>下载模型</translation>
    </message>
    <message>
        <source>Finishing the download of {name}…</source>
        <translation>正在完成 {name} 的下载…</translation>
    </message>
    <message>
        <source>Getting ready to download {name}…</source>
        <translation>正在准备下载 {name}…</translation>
    </message>
    <message>
        <source>Model name, for example gemma3:1b</source>
        <translation>模型名称，例如 gemma3:1b</translation>
    </message>
    <message>
        <source>Starting the download of {name}…</source>
        <translation>正在开始下载 {name}…</translation>
    </message>
    <message>
        <source>The download of {name} was cancelled.</source>
        <translation>已取消下载 {name}。</translation>
    </message>
    <message>
        <source>Type the name of a model, or pick one of the suggestions.</source>
        <translation>输入模型名称，或从推荐中选一个。</translation>
    </message>
    <message>
        <source>{name} is downloaded and ready to chat.</source>
        <translation>{name} 已下载完成，可以开始对话了。</translation>
    </message>
    <message>
        <source>{name}: {done} of {total}</source>
        <translation>{name}：{done} / {total}</translation>
    </message>
    <message>
        <source>{name}: {done} of {total} at {speed}/s</source>
        <translation>{name}：{done} / {total}，每秒 {speed}</translation>
    </message>
    <message>
        <source>{name}: {step}</source>
        <translation>{name}：{step}</translation>
    </message>
</context>
<context>
    <name>ReplySpeeds</name>
    <message numerus="yes">
        <source>%Ln tokens</source>
        <translation>
            <numerusform>%Ln 个 token</numerusform>
        </translation>
    </message>
    <message>
        <source>first token {seconds} s</source>
        <translation>首个 token {seconds} 秒</translation>
    </message>
    <message>
        <source>load {seconds} s</source>
        <translation>加载 {seconds} 秒</translation>
    </message>
    <message>
        <source>prompt {rate} tokens/s</source>
        <translation>提示词 {rate} token/秒</translation>
    </message>
    <message>
        <source>stopped at the token limit</source>
        <translation>达到 token 上限而停止</translation>
    </message>
    <message>
        <source>{rate} tokens/s</source>
        <translation>{rate} token/秒</translation>
    </message>
    <message>
        <source>≈ {rate} tokens/s</source>
        <translation>≈ {rate} token/秒</translation>
    </message>
</context>
<context>
    <name>ReplyStatus</name>
    <message>
        <source>Answering…</source>
        <translation>回答中…</translation>
    </message>
    <message>
        <source>Answering… runs on: {where}</source>
        <translation>回答中… 运行位置：{where}</translation>
    </message>
    <message>
        <source>Answering… {speed}</source>
        <translation>回答中… {speed}</translation>
    </message>
    <message>
        <source>Answering… {speed} · runs on: {where}</source>
        <translation>回答中… {speed} · 运行位置：{where}</translation>
    </message>
    <message>
        <source>Nothing has arrived for {seconds} s. Stop (Esc) ends it.</source>
        <translation>已经 {seconds} 秒没有收到任何内容。点击“停止”（Esc）即可结束。</translation>
    </message>
    <message>
        <source>Nothing has arrived for {seconds} s. {cause} Stop (Esc) ends the answer and keeps what came.</source>
        <translation>已经 {seconds} 秒没有收到任何内容。{cause}点击“停止”（Esc）即可结束回答，已收到的内容会保留。</translation>
    </message>
    <message>
        <source>Stopped before the answer began. Your question is back in the box below.</source>
        <translation>回答开始前就停止了。你的问题已放回下方的输入框。</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>Waiting for {model}…</source>
        <translation>正在等待 {model}…</translation>
    </message>
    <message>
        <source>ran on: {where}</source>
        <translation>运行位置：{where}</translation>
    </message>
    <message>
        <source>{model} has sent nothing for {seconds} s. A large model can take minutes to load. Stop (Esc) ends the wait.</source>
        <translation>{model} 已经 {seconds} 秒没有传来任何内容。大型模型可能要花几分钟才能加载。点击“停止”（Esc）就能不再等待。</translation>
    </message>
    <message>
        <source>{model} has sent nothing for {seconds} s. Stop (Esc) ends it.</source>
        <translation>{model} 已经 {seconds} 秒没有传来任何内容。点击“停止”（Esc）即可结束。</translation>
    </message>
</context>
<context>
    <name>Residency</name>
    <message>
        <source>A cloud model, but cloud models are turned off on this server (OLLAMA_NO_CLOUD): choose a model installed on this computer.</source>
        <translation>这是云端模型，但此服务器已关闭云端模型（OLLAMA_NO_CLOUD）：请选择安装在这台电脑上的模型。</translation>
    </message>
    <message>
        <source>CPU only, RAM {size}</source>
        <translation>仅 CPU，内存 {size}</translation>
    </message>
    <message>
        <source>CPU {size}</source>
        <translation>CPU {size}</translation>
    </message>
    <message>
        <source>GPU {gpu} + RAM {ram} ({share} % CPU)</source>
        <translation>GPU {gpu} + 内存 {ram}（CPU 占 {share}%）</translation>
    </message>
    <message>
        <source>GPU {size}</source>
        <translation>GPU {size}</translation>
    </message>
    <message>
        <source>In memory: {size} ({where})</source>
        <translation>占用内存：{size}（{where}）</translation>
    </message>
    <message>
        <source>Loading the model into memory…</source>
        <translation>正在将模型加载到内存…</translation>
    </message>
    <message>
        <source>Not in memory: the first answer waits while it loads.</source>
        <translation>不在内存中：第一个回答要等模型加载。</translation>
    </message>
    <message>
        <source>Ollama itself stopped answering. It may have crashed or run out of memory: restart Ollama and try again.</source>
        <translation>Ollama 本身停止响应了，可能已崩溃或内存不足：请重启 Ollama 再试一次。</translation>
    </message>
    <message>
        <source>Runs fully on the GPU.</source>
        <translation>完全在 GPU 上运行。</translation>
    </message>
    <message>
        <source>Runs on ollama.com, uses no memory on this computer.</source>
        <translation>在 ollama.com 上运行，不占用这台电脑的内存。</translation>
    </message>
    <message>
        <source>Runs on ollama.com: sign the server in first — run “ollama signin” on the server&apos;s computer.</source>
        <translation>在 ollama.com 上运行：请先让服务器登录，在服务器的电脑上运行“ollama signin”。</translation>
    </message>
    <message>
        <source>Runs on the CPU only — expect slower answers.</source>
        <translation>只在 CPU 上运行——回答会比较慢。</translation>
    </message>
    <message>
        <source>There is not enough memory for {model}. Choose a smaller model or a shorter context.</source>
        <translation>内存不足以运行 {model}。请选择更小的模型或更短的上下文。</translation>
    </message>
    <message>
        <source>Unload the other models ({others}) to free memory.</source>
        <translation>卸载其他模型（{others}）即可释放内存。</translation>
    </message>
    <message>
        <source>kept loaded</source>
        <translation>常驻内存</translation>
    </message>
    <message>
        <source>unloads in {n} h</source>
        <translation>{n} 小时后卸载</translation>
    </message>
    <message>
        <source>unloads in {n} min</source>
        <translation>{n} 分钟后卸载</translation>
    </message>
    <message>
        <source>unloads in {n} s</source>
        <translation>{n} 秒后卸载</translation>
    </message>
    <message>
        <source>{model} is fully on the GPU: Ollama may be busy with another request, or the question is very long. Try again in a moment.</source>
        <translation>{model} 已完全在 GPU 上：Ollama 可能正忙于处理其他请求，或者问题非常长。请稍后再试。</translation>
    </message>
    <message>
        <source>{model} is not in memory any more: it probably ran out of memory or crashed while loading. Choose a smaller model, or reduce the context size.</source>
        <translation>{model} 已不在内存中：可能是加载时内存不足或崩溃了。请选择更小的模型，或减小上下文长度。</translation>
    </message>
    <message>
        <source>{model} runs on the CPU only, which is slow. A smaller model or a shorter context would answer faster.</source>
        <translation>{model} 只在 CPU 上运行，所以很慢。更小的模型或更短的上下文会回答得更快。</translation>
    </message>
    <message>
        <source>{share} % of {model} runs on the CPU, which slows answers down. A smaller model or a shorter context would fit in GPU memory.</source>
        <translation>{model} 有 {share}% 在 CPU 上运行，所以回答变慢了。更小的模型或更短的上下文就能放进显存。</translation>
    </message>
    <message>
        <source>{share} % runs on the CPU — expect slower answers; a smaller model or a shorter context would fit.</source>
        <translation>有 {share}% 在 CPU 上运行——回答会比较慢；换成更小的模型或更短的上下文就放得下。</translation>
    </message>
    <message>
        <source>{size} · {share} % CPU</source>
        <translation>{size} · CPU {share}%</translation>
    </message>
</context>
<context>
    <name>ResidencyIndicator</name>
    <message>
        <source>Click to free memory.</source>
        <translation>点击即可管理和释放内存。</translation>
    </message>
    <message>
        <source>Loading {model}…</source>
        <translation>正在加载 {model}…</translation>
    </message>
    <message>
        <source>Memory: unknown</source>
        <translation>内存：未知</translation>
    </message>
    <message>
        <source>No model in memory</source>
        <translation>内存中没有模型</translation>
    </message>
    <message>
        <source>Ollama holds no model in memory right now.</source>
        <translation>Ollama 目前没有任何模型在内存中。</translation>
    </message>
    <message>
        <source>Ollama is not reachable, so its memory use is unknown.</source>
        <translation>无法连接 Ollama，所以不知道它的内存占用。</translation>
    </message>
</context>
<context>
    <name>ResidencyTexts</name>
    <message numerus="yes">
        <source>Context: %Ln tokens</source>
        <translation>
            <numerusform>上下文：%Ln 个 token</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerChoice</name>
    <message>
        <source>Ser&amp;ver:</source>
        <translation>服务器(&amp;V)：</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <source>Check connection</source>
        <translation>检查连接</translation>
    </message>
    <message>
        <source>Checking {host}…</source>
        <translation>正在检查 {host}…</translation>
    </message>
    <message>
        <source>Connected: Ollama {version} at {host}.</source>
        <translation>已连接：{host} 上的 Ollama {version}。</translation>
    </message>
    <message>
        <source>For example: GPU box in the office</source>
        <translation>例如：办公室的 GPU 电脑</translation>
    </message>
    <message>
        <source>Leave empty to use Ollama on this computer ({default}). For another computer, enter its address, for example 192.168.1.20 or http://gpu-box:11434.</source>
        <translation>留空则使用这台电脑上的 Ollama（{default}）。要连接其他电脑，请输入它的地址，例如 192.168.1.20 或 http://gpu-box:11434。</translation>
    </message>
    <message>
        <source>Name (optional):</source>
        <translation>名称（可选）：</translation>
    </message>
    <message>
        <source>Note: the connection to this computer is not encrypted (http).</source>
        <translation>注意：与这台电脑的连接未加密（http）。</translation>
    </message>
    <message>
        <source>Ollama server</source>
        <translation>Ollama 服务器</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>服务器地址：</translation>
    </message>
    <message>
        <source>This is not a server address. Example: 192.168.1.20:11434</source>
        <translation>这不是服务器地址。示例：192.168.1.20:11434</translation>
    </message>
</context>
<context>
    <name>ServerPicker</name>
    <message>
        <source>Not encrypted: others on the network could read the chat.</source>
        <translation>未加密：同一网络中的其他人可能看到对话内容。</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>这台电脑</translation>
    </message>
    <message>
        <source>{name} — checking…</source>
        <translation>{name} — 检查中…</translation>
    </message>
    <message>
        <source>○ {name} — does not answer as Ollama</source>
        <translation>○ {name} — 响应的不是 Ollama</translation>
    </message>
    <message>
        <source>○ {name} — not reachable</source>
        <translation>○ {name} — 无法连接</translation>
    </message>
    <message>
        <source>● {name} — Ollama {version}</source>
        <translation>● {name} — Ollama {version}</translation>
    </message>
</context>
<context>
    <name>SpeedChart</name>
    <message>
        <source>How fast each model answers</source>
        <translation>各模型的回答速度</translation>
    </message>
    <message>
        <source>The speeds will show here once a run has finished.</source>
        <translation>完成一次运行后，速度就会显示在这里。</translation>
    </message>
    <message>
        <source>median tokens per second; the line spans the slowest to the fastest run</source>
        <translation>每秒 token 数的中位数；线段从最慢延伸到最快的一次</translation>
    </message>
    <message>
        <source>tokens/s (higher is faster)</source>
        <translation>token/秒（越高越快）</translation>
    </message>
</context>
<context>
    <name>StorageBanner</name>
    <message>
        <source>Hide this message</source>
        <translation>隐藏此消息</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
</context>
<context>
    <name>Suggestions</name>
    <message>
        <source> · fits this computer&apos;s memory</source>
        <translation> · 这台电脑的内存放得下</translation>
    </message>
    <message>
        <source> · too big for this computer&apos;s memory</source>
        <translation> · 太大，这台电脑的内存放不下</translation>
    </message>
    <message>
        <source>Download {name} ({size})</source>
        <translation>下载 {name}（{size}）</translation>
    </message>
    <message>
        <source>a good all-rounder that can use tools</source>
        <translation>能使用工具的全能型模型</translation>
    </message>
    <message>
        <source>also understands pictures</source>
        <translation>也能看懂图片</translation>
    </message>
    <message>
        <source>for writing and explaining code</source>
        <translation>适合编写和解释代码</translation>
    </message>
    <message>
        <source>small and fast, for quick chats</source>
        <translation>小巧快速，适合简短对话</translation>
    </message>
    <message>
        <source>thinks before it answers, for reasoning</source>
        <translation>回答前会先思考，适合推理</translation>
    </message>
    <message>
        <source>{name} ({size}): {purpose}</source>
        <translation>{name}（{size}）：{purpose}</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Free all memory</source>
        <translation>释放所有内存</translation>
    </message>
    <message>
        <source>No model in memory</source>
        <translation>内存中没有模型</translation>
    </message>
    <message>
        <source>Ollama Desktop</source>
        <translation>Ollama Desktop</translation>
    </message>
    <message>
        <source>Ollama is not reachable</source>
        <translation>无法连接 Ollama</translation>
    </message>
    <message>
        <source>Open Ollama Desktop</source>
        <translation>打开 Ollama Desktop</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>Unload</name>
    <message>
        <source>Freed {size} of memory ({gpu} of it GPU memory).</source>
        <translation>已释放 {size} 内存（其中 {gpu} 为显存）。</translation>
    </message>
    <message>
        <source>Freed {size} of memory.</source>
        <translation>已释放 {size} 内存。</translation>
    </message>
    <message>
        <source>Nothing to free: no model was in memory.</source>
        <translation>无需释放：内存中没有模型。</translation>
    </message>
    <message>
        <source>Ollama did not release {names}. It may still be answering; try again in a moment.</source>
        <translation>Ollama 没有释放 {names}，可能还在回答；请稍后再试。</translation>
    </message>
</context>
<context>
    <name>UnloadDialog</name>
    <message>
        <source>Free memory</source>
        <translation>释放内存</translation>
    </message>
    <message>
        <source>In memory now: {total}, of which {gpu} in GPU memory.</source>
        <translation>当前占用内存：{total}，其中 {gpu} 在显存中。</translation>
    </message>
    <message>
        <source>Models Ollama holds in memory now. Unloading frees their memory at once.</source>
        <translation>Ollama 当前保留在内存中的模型。卸载后会立即释放它们占用的内存。</translation>
    </message>
    <message>
        <source>No model is in memory.</source>
        <translation>内存中没有模型。</translation>
    </message>
    <message>
        <source>Unload all</source>
        <translation>全部卸载</translation>
    </message>
    <message>
        <source>Unload selected</source>
        <translation>卸载所选模型</translation>
    </message>
    <message>
        <source>Unloading… waiting for Ollama to release the memory.</source>
        <translation>卸载中… 正在等待 Ollama 释放内存。</translation>
    </message>
</context>
<context>
    <name>VersionBar</name>
    <message>
        <source>Answer {number}: version {position} of {count}</source>
        <translation>第 {number} 个回答：第 {position}/{count} 版</translation>
    </message>
    <message>
        <source>Earlier version</source>
        <translation>上一版</translation>
    </message>
    <message>
        <source>Later version</source>
        <translation>下一版</translation>
    </message>
    <message>
        <source>Question {number}: version {position} of {count}</source>
        <translation>第 {number} 个问题：第 {position}/{count} 版</translation>
    </message>
    <message>
        <source>Show the earlier version</source>
        <translation>显示上一版</translation>
    </message>
    <message>
        <source>Show the later version</source>
        <translation>显示下一版</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <source>Checking again every few seconds: this screen goes away by itself.</source>
        <translation>每隔几秒会重新检查一次：这个界面会自动消失。</translation>
    </message>
    <message>
        <source>Download a model to start</source>
        <translation>下载一个模型就能开始</translation>
    </message>
    <message>
        <source>More models…</source>
        <translation>更多模型…</translation>
    </message>
    <message>
        <source>Nothing answers at &lt;b&gt;{host}&lt;/b&gt;. Check that the other computer is on and runs Ollama with &lt;code&gt;OLLAMA_HOST=0.0.0.0&lt;/code&gt;, that the address is right, and that a firewall lets port 11434 through.</source>
        <translation>&lt;b&gt;{host}&lt;/b&gt; 没有响应。请确认另一台电脑已开机，并以 &lt;code&gt;OLLAMA_HOST=0.0.0.0&lt;/code&gt; 运行 Ollama；地址正确；并且防火墙允许端口 11434 通过。</translation>
    </message>
    <message>
        <source>Ollama is not running</source>
        <translation>Ollama 没有运行</translation>
    </message>
    <message>
        <source>Ollama is running, but has no model yet. A model is what answers your questions. These small ones download quickly and run on most computers:</source>
        <translation>Ollama 正在运行，但还没有任何模型。模型就是负责回答问题的部分。下面这几个小模型下载很快，大多数电脑都能运行：</translation>
    </message>
    <message>
        <source>Server address…</source>
        <translation>服务器地址…</translation>
    </message>
    <message>
        <source>Something else answers at this address</source>
        <translation>这个地址上响应的不是 Ollama</translation>
    </message>
    <message>
        <source>The Ollama server does not answer</source>
        <translation>Ollama 服务器没有响应</translation>
    </message>
    <message>
        <source>Then open &lt;b&gt;Ollama&lt;/b&gt; from the Applications folder.</source>
        <translation>然后从“应用程序”文件夹打开 &lt;b&gt;Ollama&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>Then start &lt;b&gt;Ollama&lt;/b&gt; from the Start menu; its icon appears next to the clock.</source>
        <translation>然后从“开始”菜单启动 &lt;b&gt;Ollama&lt;/b&gt;；它的图标会出现在时钟旁边。</translation>
    </message>
    <message>
        <source>Then start it: it usually runs by itself after installing; if not, open a terminal and run &lt;code&gt;ollama serve&lt;/code&gt;.</source>
        <translation>然后启动它：安装后通常会自动运行；如果没有，请打开终端并运行 &lt;code&gt;ollama serve&lt;/code&gt;。</translation>
    </message>
    <message>
        <source>This app needs Ollama, a free program that runs the AI models on your computer. If you do not have it yet, download it from &lt;a href=&quot;{url}&quot;&gt;{url}&lt;/a&gt; and install it.</source>
        <translation>这个应用需要 Ollama——一个在你的电脑上运行 AI 模型的免费程序。如果还没有，请从 &lt;a href=&quot;{url}&quot;&gt;{url}&lt;/a&gt; 下载并安装。</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;About Ollama Desktop</source>
        <translation>关于 Ollama Desktop(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Benchmark models…</source>
        <translation>模型性能测试(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>对话(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Free all memory now</source>
        <translation>立即释放全部内存(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keep models in memory</source>
        <translation>模型保留在内存中(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言 Language(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Load model now</source>
        <translation>立即加载模型(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Memory</source>
        <translation>内存(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Memory in use…</source>
        <translation>正在使用的内存(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Models…</source>
        <translation>模型管理(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;New chat</source>
        <translation>新对话(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Ollama</source>
        <translation>Ollama(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Refresh models</source>
        <translation>刷新模型列表(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Stop answer</source>
        <translation>停止回答(&amp;S)</translation>
    </message>
    <message>
        <source>About Ollama Desktop</source>
        <translation>关于 Ollama Desktop</translation>
    </message>
    <message>
        <source>Chat &amp;settings…</source>
        <translation>对话设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Find out which of your models answers fastest on this computer</source>
        <translation>找出你的模型中哪一个在这台电脑上回答最快</translation>
    </message>
    <message>
        <source>Free memory right after each answer</source>
        <translation>每次回答完立即释放内存</translation>
    </message>
    <message>
        <source>Installed models: details, delete, download new ones</source>
        <translation>已安装的模型：查看详情、删除、下载新模型</translation>
    </message>
    <message>
        <source>Keep for 1 hour</source>
        <translation>保留 1 小时</translation>
    </message>
    <message>
        <source>Keep for 5 minutes (Ollama&apos;s default)</source>
        <translation>保留 5 分钟（Ollama 默认）</translation>
    </message>
    <message>
        <source>Keep loaded until I unload it</source>
        <translation>一直保留，直到我手动卸载</translation>
    </message>
    <message>
        <source>Keep running in the tray when the window is closed</source>
        <translation>关闭窗口后在系统托盘中继续运行</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>韩语</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <source>Load the selected model into memory so the first answer starts at once</source>
        <translation>将选中的模型加载到内存，让第一个回答马上开始</translation>
    </message>
    <message>
        <source>No font for {language} is installed, so its text shows as empty boxes. Install the package {debian} (Debian, Ubuntu) or {fedora} (Fedora), then start Ollama Desktop again.</source>
        <translation>没有安装{language}字体，所以文字会显示成空白方框。请安装软件包 {debian}（Debian、Ubuntu）或 {fedora}（Fedora），然后重新启动 Ollama Desktop。</translation>
    </message>
    <message>
        <source>Ollama &amp;server…</source>
        <translation>Ollama 服务器(&amp;S)…</translation>
    </message>
    <message>
        <source>Ollama Desktop will use the new language the next time it starts.</source>
        <translation>Ollama Desktop 下次启动时会改用新的语言。</translation>
    </message>
    <message>
        <source>Ollama Desktop {version}
A desktop chat app for the Ollama server.</source>
        <translation>Ollama Desktop {version}
与 Ollama 服务器对话的桌面应用。</translation>
    </message>
    <message>
        <source>Remove this server</source>
        <translation>移除此服务器</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>立即重启</translation>
    </message>
    <message>
        <source>Simplified Chinese</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>System language ({language})</source>
        <translation>系统语言（{language}）</translation>
    </message>
    <message>
        <source>Traditional Chinese</source>
        <translation>繁体中文</translation>
    </message>
    <message>
        <source>Unload every model now, freeing its GPU and system memory</source>
        <translation>立即卸载所有模型，释放显存和系统内存</translation>
    </message>
</context>
<context>
    <name>WindowStatusBar</name>
    <message>
        <source>Connecting to {host}…</source>
        <translation>正在连接 {host}…</translation>
    </message>
    <message>
        <source>○ Ollama is not reachable at {host}. Retrying every few seconds…</source>
        <translation>○ 无法连接 {host} 上的 Ollama。每隔几秒重试一次…</translation>
    </message>
    <message>
        <source>○ {problem} Retrying every few seconds…</source>
        <translation>○ {problem} 每隔几秒重试一次…</translation>
    </message>
    <message>
        <source>● Connected: Ollama {version} at {host}</source>
        <translation>● 已连接：Ollama {version}（{host}）</translation>
    </message>
</context>
</TS>
