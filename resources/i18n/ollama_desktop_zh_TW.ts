<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
<context>
    <name>AttachmentChip</name>
    <message>
        <source>Long document: only its start is sent.</source>
        <translation>文件很長：只會傳送開頭的部分。</translation>
    </message>
    <message>
        <source>Picture sent at {width} × {height} pixels</source>
        <translation>傳送的圖片大小：{width} × {height} 像素</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>讀取中…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation>移除「{name}」</translation>
    </message>
    <message>
        <source>{name}: being read…</source>
        <translation>{name}：讀取中…</translation>
    </message>
</context>
<context>
    <name>AttachmentView</name>
    <message>
        <source>only its start was sent</source>
        <translation>只傳送了開頭</translation>
    </message>
    <message>
        <source>{name} · this picture cannot be shown</source>
        <translation>{name} · 無法顯示這張圖片</translation>
    </message>
</context>
<context>
    <name>AttachmentWords</name>
    <message numerus="yes">
        <source>%n pages</source>
        <translation>
            <numerusform>%n 頁</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>~%Ln tokens</source>
        <translation>
            <numerusform>約 %Ln 個 token</numerusform>
        </translation>
    </message>
    <message>
        <source>“{name}” cannot be attached: the app takes pictures (PNG, JPEG, WebP, GIF), PDF, Word documents and text files.</source>
        <translation>無法附加「{name}」：本程式接受圖片（PNG、JPEG、WebP、GIF）、PDF、Word 文件和文字檔。</translation>
    </message>
    <message>
        <source>“{name}” could not be read: check that the app may open it.</source>
        <translation>無法讀取「{name}」：請確認本程式有權限開啟它。</translation>
    </message>
    <message>
        <source>“{name}” could not be read: the file seems damaged.</source>
        <translation>無法讀取「{name}」：檔案似乎已損壞。</translation>
    </message>
    <message>
        <source>“{name}” has no text to read: it looks like a scan. Attach its pages as pictures, or a copy with text (most scanners can make one).</source>
        <translation>「{name}」裡沒有可讀的文字，看起來是掃描檔。請把頁面當作圖片附加，或附加含文字的版本（多數掃描器都能產生）。</translation>
    </message>
    <message>
        <source>“{name}” is a folder, not a file: attach the files in it instead.</source>
        <translation>「{name}」是資料夾，不是檔案：請改為附加其中的檔案。</translation>
    </message>
    <message>
        <source>“{name}” is empty: there is nothing in it to send.</source>
        <translation>「{name}」是空的：沒有內容可傳送。</translation>
    </message>
    <message>
        <source>“{name}” is no longer there: it was moved or deleted before it could be read.</source>
        <translation>「{name}」已經不在了：它在讀取前被移動或刪除。</translation>
    </message>
    <message>
        <source>“{name}” is protected by a password: save a copy without one and attach that.</source>
        <translation>「{name}」有密碼保護：請另存一份沒有密碼的副本再附加。</translation>
    </message>
    <message>
        <source>“{name}” is too large to attach ({size}; at most {limit}).</source>
        <translation>「{name}」太大，無法附加（{size}；上限 {limit}）。</translation>
    </message>
</context>
<context>
    <name>AttachmentsPane</name>
    <message>
        <source>All files (*)</source>
        <translation>所有檔案 (*)</translation>
    </message>
    <message numerus="yes">
        <source>At most {limit} files go with one question: %n more were left out.</source>
        <translation>
            <numerusform>一個問題最多只能附加 {limit} 個檔案：另外 %n 個沒有加入。</numerusform>
        </translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>附加檔案</translation>
    </message>
    <message>
        <source>Now using {model}: press Send.</source>
        <translation>現在使用 {model}：請按「傳送」。</translation>
    </message>
    <message>
        <source>Open Models</source>
        <translation>開啟「模型管理」</translation>
    </message>
    <message>
        <source>Pasted picture</source>
        <translation>貼上的圖片</translation>
    </message>
    <message>
        <source>Pasted picture {number}</source>
        <translation>貼上的圖片 {number}</translation>
    </message>
    <message>
        <source>Pictures ({patterns})</source>
        <translation>圖片 ({patterns})</translation>
    </message>
    <message>
        <source>Pictures and documents ({patterns})</source>
        <translation>圖片和文件 ({patterns})</translation>
    </message>
    <message>
        <source>Still reading {name}…</source>
        <translation>仍在讀取「{name}」…</translation>
    </message>
    <message>
        <source>Switch to {model}</source>
        <translation>改用 {model}</translation>
    </message>
    <message>
        <source>That is a web address, not a file on this computer: download it first, then drop the saved file.</source>
        <translation>這是網址，不是這台電腦上的檔案：請先下載，再拖放下載好的檔案。</translation>
    </message>
    <message>
        <source>{model} cannot see pictures, and none of the models installed here can. Download one that can (its description says “vision”), or remove the pictures.</source>
        <translation>{model} 看不懂圖片，這裡安裝的模型也都看不懂。請下載一個看得懂圖片的模型（說明中有「vision」），或移除圖片。</translation>
    </message>
    <message>
        <source>{model} cannot see pictures. {other} can:</source>
        <translation>{model} 看不懂圖片，{other} 看得懂：</translation>
    </message>
    <message>
        <source>{model} is no longer installed.</source>
        <translation>{model} 已經沒有安裝了。</translation>
    </message>
</context>
<context>
    <name>Availability</name>
    <message>
        <source>Choose a model first.</source>
        <translation>請先選擇模型。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在連線…</translation>
    </message>
    <message>
        <source>No model is installed yet: download one first (Models).</source>
        <translation>尚未安裝任何模型：請先在「模型管理」中下載一個。</translation>
    </message>
    <message>
        <source>No models installed</source>
        <translation>尚未安裝任何模型</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未連線</translation>
    </message>
    <message>
        <source>Ollama at {host} cannot be reached.</source>
        <translation>連不上位於 {host} 的 Ollama。</translation>
    </message>
    <message>
        <source>Ollama is not running on this computer.</source>
        <translation>Ollama 沒有在這台電腦上執行。</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>傳送（Enter）</translation>
    </message>
    <message>
        <source>Still connecting to Ollama at {host}…</source>
        <translation>仍在連線到 {host} 的 Ollama…</translation>
    </message>
    <message>
        <source>The server at {host} does not answer as Ollama does.</source>
        <translation>{host} 上的伺服器有回應，但不是 Ollama 的回應方式。</translation>
    </message>
    <message>
        <source>{reason} Your question stays here: send it once Ollama answers.</source>
        <translation>{reason}你的問題會留在這裡：等 Ollama 有回應後再傳送。</translation>
    </message>
</context>
<context>
    <name>BaselinePicker</name>
    <message>
        <source>cold</source>
        <translation>冷啟動</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>不比較</translation>
    </message>
    <message>
        <source>warm</source>
        <translation>暖啟動</translation>
    </message>
    <message numerus="yes">
        <source>{when} · %n models · {mode}</source>
        <translation>
            <numerusform>{when} · %n 個模型 · {mode}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BenchmarkDialog</name>
    <message>
        <source>A readable report with tables, to keep or to share.</source>
        <translation>附表格、方便閱讀的報告，可留存或分享。</translation>
    </message>
    <message>
        <source>Benchmark: which model is fastest on this computer</source>
        <translation>效能測試：哪個模型在這台電腦上最快</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 檔案 (*.csv)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Compare with:</source>
        <translation>比較對象：</translation>
    </message>
    <message>
        <source>Could not save {path}: {reason}</source>
        <translation>無法儲存 {path}：{reason}</translation>
    </message>
    <message>
        <source>Every run with every figure, for a spreadsheet.</source>
        <translation>每次執行的所有數據，可用試算表開啟。</translation>
    </message>
    <message>
        <source>Find out which of your models answers fastest on this computer. Each chosen model answers each chosen question several times; the speeds are Ollama&apos;s own measurements. Other programs running meanwhile can slow the models down.</source>
        <translation>找出你的模型中哪一個在這台電腦上回答得最快。每個選取的模型會把每個選取的問題回答數次；速度是 Ollama 自己測得的數據。測試期間若有其他程式在執行，模型可能會變慢。</translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation>Markdown 檔案 (*.md)</translation>
    </message>
    <message>
        <source>Run benchmark</source>
        <translation>開始測試</translation>
    </message>
    <message>
        <source>Save as CSV</source>
        <translation>另存為 CSV</translation>
    </message>
    <message>
        <source>Save as CSV…</source>
        <translation>另存為 CSV…</translation>
    </message>
    <message>
        <source>Save as Markdown</source>
        <translation>另存為 Markdown</translation>
    </message>
    <message>
        <source>Save as Markdown…</source>
        <translation>另存為 Markdown…</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>已儲存至 {path}。</translation>
    </message>
    <message>
        <source>Stop now. The runs that have finished are kept.</source>
        <translation>立即停止。已完成的執行結果會保留。</translation>
    </message>
    <message>
        <source>The results could not be kept for later comparison: {reason}</source>
        <translation>無法保存結果供日後比較：{reason}</translation>
    </message>
</context>
<context>
    <name>BenchmarkProgress</name>
    <message numerus="yes">
        <source>%n of them failed; the table says why.</source>
        <translation>
            <numerusform>其中 %n 次失敗，原因請見表格。</numerusform>
        </translation>
    </message>
    <message>
        <source>%v of %m runs done</source>
        <translation>已完成 %v / %m 次</translation>
    </message>
    <message numerus="yes">
        <source>Finished: %n runs.</source>
        <translation>
            <numerusform>完成：共執行 %n 次。</numerusform>
        </translation>
    </message>
    <message>
        <source>Freeing the memory used by {model}…</source>
        <translation>正在釋放 {model} 使用的記憶體…</translation>
    </message>
    <message>
        <source>Getting ready: asking Ollama for its version…</source>
        <translation>準備中：正在詢問 Ollama 的版本…</translation>
    </message>
    <message>
        <source>Loading again the models that were in memory before…</source>
        <translation>正在重新載入之前在記憶體中的模型…</translation>
    </message>
    <message>
        <source>Loading {model} into memory…</source>
        <translation>正在將 {model} 載入記憶體…</translation>
    </message>
    <message>
        <source>Model {model} of {models} · run {run} of {runs} · question {prompt} of {prompts}</source>
        <translation>模型 {model}/{models} · 第 {run}/{runs} 次 · 問題 {prompt}/{prompts}</translation>
    </message>
    <message numerus="yes">
        <source>Stopped. The %n finished runs are kept.</source>
        <translation>
            <numerusform>已停止。已完成的 %n 次執行結果會保留。</numerusform>
        </translation>
    </message>
    <message>
        <source>The benchmark stopped because of an unexpected problem. The finished runs are kept.</source>
        <translation>發生意外問題，測試已中止。已完成的執行結果會保留。</translation>
    </message>
    <message>
        <source>{model} is answering the question “{question}”…</source>
        <translation>{model} 正在回答「{question}」…</translation>
    </message>
</context>
<context>
    <name>BenchmarkResults</name>
    <message>
        <source>Change</source>
        <translation>變化</translation>
    </message>
    <message>
        <source>Earlier
(tokens/s)</source>
        <translation>先前
(token/秒)</translation>
    </message>
    <message>
        <source>Earlier ({when})</source>
        <translation>先前（{when}）</translation>
    </message>
    <message>
        <source>Every run</source>
        <translation>每次執行</translation>
    </message>
    <message>
        <source>No model fitted fully in the graphics card&apos;s memory, so all of them ran partly or only on the processor. The fastest was &lt;b&gt;{model}&lt;/b&gt; ({rate} tokens/s).</source>
        <translation>沒有任何模型能完全放進顯示卡記憶體，所以全都部分或完全在處理器上執行。最快的是 &lt;b&gt;{model}&lt;/b&gt;（{rate} token/秒）。</translation>
    </message>
    <message>
        <source>Per model</source>
        <translation>依模型</translation>
    </message>
    <message>
        <source>Showing the benchmark of {when}.</source>
        <translation>顯示 {when} 的測試結果。</translation>
    </message>
    <message>
        <source>Suggested: &lt;b&gt;{model}&lt;/b&gt;, the fastest model that fits fully in the graphics card&apos;s memory ({rate} tokens/s).</source>
        <translation>建議：&lt;b&gt;{model}&lt;/b&gt;，能完全放進顯示卡記憶體的模型中最快的一個（{rate} token/秒）。</translation>
    </message>
    <message>
        <source>This benchmark</source>
        <translation>本次測試</translation>
    </message>
    <message>
        <source>This benchmark ({when})</source>
        <translation>本次測試（{when}）</translation>
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
            <numerusform>總共要執行 %n 次。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cold: unload before every run</source>
        <translation>冷啟動：每次執行前先卸載</translation>
    </message>
    <message>
        <source>Each model is loaded once before its runs; that load is not counted as a run.</source>
        <translation>每個模型會在執行前先載入一次；這次載入不算在執行次數內。</translation>
    </message>
    <message>
        <source>Each run loads its model first, so it takes longer.</source>
        <translation>每次執行都會先載入模型，所以花的時間比較長。</translation>
    </message>
    <message>
        <source>How</source>
        <translation>測試方式</translation>
    </message>
    <message>
        <source>Models to test</source>
        <translation>要測試的模型</translation>
    </message>
    <message>
        <source>No model is chosen in the main window, so none is ticked: tick the models to test.</source>
        <translation>主視窗中沒有選擇模型，所以這裡沒有預先勾選：請勾選要測試的模型。</translation>
    </message>
    <message>
        <source>No models are installed yet, so there is nothing to test.</source>
        <translation>尚未安裝任何模型，所以沒有可以測試的。</translation>
    </message>
    <message>
        <source>Questions to ask</source>
        <translation>要問的問題</translation>
    </message>
    <message>
        <source>Runs per model and question:</source>
        <translation>每個模型、每個問題的執行次數：</translation>
    </message>
    <message>
        <source>The model is loaded before its first run and stays loaded: only answering is measured.</source>
        <translation>模型會在第一次執行前載入，之後一直留在記憶體中：只測量回答的速度。</translation>
    </message>
    <message>
        <source>The model is taken out of memory before every run, so each run also measures how long loading takes. Slower.</source>
        <translation>每次執行前都會把模型移出記憶體，所以每次也會測到載入所花的時間。比較慢。</translation>
    </message>
    <message>
        <source>Tick at least one model to test.</source>
        <translation>請至少勾選一個要測試的模型。</translation>
    </message>
    <message>
        <source>Tick at least one question, or type your own.</source>
        <translation>請至少勾選一個問題，或自己輸入一個。</translation>
    </message>
    <message>
        <source>Type a question to ask every model</source>
        <translation>輸入要問每個模型的問題</translation>
    </message>
    <message>
        <source>Warm: load each model once first</source>
        <translation>暖啟動：先把每個模型載入一次</translation>
    </message>
    <message>
        <source>Your own:</source>
        <translation>自訂問題：</translation>
    </message>
</context>
<context>
    <name>BenchmarkTexts</name>
    <message>
        <source>Answer
tokens</source>
        <translation>回答
token 數</translation>
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
        <translation>程式碼</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>結束原因</translation>
    </message>
    <message>
        <source>Every run</source>
        <translation>每次執行</translation>
    </message>
    <message>
        <source>Every run started cold: the model was unloaded first, so loading time is included.</source>
        <translation>每次執行都是冷啟動：先卸載模型，所以包含載入時間。</translation>
    </message>
    <message>
        <source>Every run started warm: the model was loaded before its first run.</source>
        <translation>每次執行都是暖啟動：模型在第一次執行前就已載入。</translation>
    </message>
    <message>
        <source>First word
after (s)</source>
        <translation>第一個字
出現 (秒)</translation>
    </message>
    <message>
        <source>GPU {gb} GB</source>
        <translation>GPU {gb} GB</translation>
    </message>
    <message>
        <source>GPU {gpu} GB + RAM {ram} GB</source>
        <translation>GPU {gpu} GB + 記憶體 {ram} GB</translation>
    </message>
    <message>
        <source>Graphics card: not found</source>
        <translation>顯示卡：找不到</translation>
    </message>
    <message>
        <source>Graphics card: {gpu}</source>
        <translation>顯示卡：{gpu}</translation>
    </message>
    <message>
        <source>How fast the answer was written, in tokens (pieces of words) per second, as Ollama measured it. Higher is better.</source>
        <translation>回答產生的速度，以每秒 token（字詞片段）數計，由 Ollama 測量。越高越好。</translation>
    </message>
    <message>
        <source>How fast the model read the question, in tokens per second.</source>
        <translation>模型讀取問題的速度，以每秒 token 數計。</translation>
    </message>
    <message>
        <source>How long Ollama took to load the model into memory.</source>
        <translation>Ollama 將模型載入記憶體所花的時間。</translation>
    </message>
    <message>
        <source>How long it took, from asking, until the first word of the answer arrived.</source>
        <translation>從提問到回答的第一個字出現所花的時間。</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>韓文</translation>
    </message>
    <message>
        <source>Loading
(s)</source>
        <translation>載入
(秒)</translation>
    </message>
    <message>
        <source>Long answer</source>
        <translation>長篇回答</translation>
    </message>
    <message>
        <source>Median speed
(tokens/s)</source>
        <translation>速度中位數
(token/秒)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>No model fitted fully in the graphics card&apos;s memory. The fastest was **{model}** ({rate} tokens/s).</source>
        <translation>沒有任何模型能完全放進顯示卡記憶體。最快的是 **{model}**（{rate} token/秒）。</translation>
    </message>
    <message>
        <source>Ollama Desktop {version}</source>
        <translation>Ollama Desktop {version}</translation>
    </message>
    <message>
        <source>Ollama benchmark, {date}</source>
        <translation>Ollama 效能測試，{date}</translation>
    </message>
    <message>
        <source>Ollama {version} at {host}</source>
        <translation>Ollama {version}，位於 {host}</translation>
    </message>
    <message>
        <source>Per model</source>
        <translation>依模型</translation>
    </message>
    <message>
        <source>Per model and question</source>
        <translation>依模型和問題</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Processor: {cpu}</source>
        <translation>處理器：{cpu}</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Question
tokens</source>
        <translation>問題
token 數</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Reading speed
(tokens/s)</source>
        <translation>讀取速度
(token/秒)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>第幾次</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>執行次數</translation>
    </message>
    <message>
        <source>Short question</source>
        <translation>簡短問題</translation>
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
        <translation>啟動方式</translation>
    </message>
    <message>
        <source>Stopped before the end: only the finished runs are included.</source>
        <translation>在結束前停止：只包含已完成的執行。</translation>
    </message>
    <message>
        <source>Suggested: **{model}**, the fastest model that fits fully in the graphics card&apos;s memory ({rate} tokens/s).</source>
        <translation>建議：**{model}**，能完全放進顯示卡記憶體的模型中最快的一個（{rate} token/秒）。</translation>
    </message>
    <message>
        <source>System: {os}</source>
        <translation>系統：{os}</translation>
    </message>
    <message>
        <source>The middle value of the runs&apos; speeds, so one unusually slow or fast run does not decide. Higher is better.</source>
        <translation>各次執行速度的中間值，所以單獨一次特別慢或特別快的執行不會左右結果。越高越好。</translation>
    </message>
    <message>
        <source>The slowest and the fastest run. A wide range means the speed varied.</source>
        <translation>最慢和最快的一次。範圍越大，表示速度越不穩定。</translation>
    </message>
    <message>
        <source>Total
(s)</source>
        <translation>總計
(秒)</translation>
    </message>
    <message>
        <source>Where it ran</source>
        <translation>執行位置</translation>
    </message>
    <message>
        <source>Where the model sat while answering: fully in the graphics card&apos;s memory (GPU, fastest), split between the graphics card and the computer&apos;s memory, or only in the computer&apos;s memory (CPU, slowest).</source>
        <translation>回答時模型所在的位置：完全在顯示卡記憶體中（GPU，最快）、分散在顯示卡和電腦記憶體之間，或只在電腦記憶體中（CPU，最慢）。</translation>
    </message>
    <message>
        <source>Your own question</source>
        <translation>自訂問題</translation>
    </message>
    <message>
        <source>at the length limit</source>
        <translation>達到長度上限</translation>
    </message>
    <message>
        <source>cold</source>
        <translation>冷啟動</translation>
    </message>
    <message>
        <source>cold starts</source>
        <translation>冷啟動</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>正常完成</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>version unknown</source>
        <translation>版本不明</translation>
    </message>
    <message>
        <source>warm</source>
        <translation>暖啟動</translation>
    </message>
    <message>
        <source>warm starts</source>
        <translation>暖啟動</translation>
    </message>
    <message>
        <source>{ok} of {total}</source>
        <translation>{ok} / {total}</translation>
    </message>
    <message>
        <source>{runs} runs per model and question.</source>
        <translation>每個模型、每個問題執行 {runs} 次。</translation>
    </message>
</context>
<context>
    <name>ChatOptionsDialog</name>
    <message>
        <source>Chat settings</source>
        <translation>對話設定</translation>
    </message>
    <message>
        <source>Context size (tokens):</source>
        <translation>上下文長度（token）：</translation>
    </message>
    <message>
        <source>For example: Answer briefly, in Traditional Chinese.</source>
        <translation>例如：請用繁體中文簡短回答。</translation>
    </message>
    <message>
        <source>For reasoning models such as DeepSeek-R1 or Qwen 3.</source>
        <translation>適用於 DeepSeek-R1、Qwen 3 等推理模型。</translation>
    </message>
    <message>
        <source>High: think longer</source>
        <translation>高：想得更久</translation>
    </message>
    <message>
        <source>Longest answer (tokens):</source>
        <translation>回答長度上限（token）：</translation>
    </message>
    <message>
        <source>Low: think briefly</source>
        <translation>低：簡短思考</translation>
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
        <translation>模型預設值</translation>
    </message>
    <message>
        <source>Off: answer directly (faster)</source>
        <translation>關閉：直接回答（較快）</translation>
    </message>
    <message>
        <source>On: think first, show the reasoning</source>
        <translation>開啟：先思考，並顯示推理過程</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>隨機</translation>
    </message>
    <message>
        <source>Seed (same seed, same answer):</source>
        <translation>種子（種子相同，回答就相同）：</translation>
    </message>
    <message>
        <source>System prompt:</source>
        <translation>系統提示詞：</translation>
    </message>
    <message>
        <source>Temperature (creativity):</source>
        <translation>溫度（創意程度）：</translation>
    </message>
    <message>
        <source>Thinking (reasoning models):</source>
        <translation>思考（推理模型）：</translation>
    </message>
    <message>
        <source>This model cannot think before answering.</source>
        <translation>這個模型無法先思考再回答。</translation>
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
        <translation>已複製</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Details: {details}</source>
        <translation>詳細資訊：{details}</translation>
    </message>
    <message>
        <source>Show or hide how the model reasoned</source>
        <translation>顯示或隱藏模型的推理過程</translation>
    </message>
    <message>
        <source>Show the end of the conversation and follow the answer</source>
        <translation>跳到對話最後，並隨著回答捲動</translation>
    </message>
    <message>
        <source>The beginning of this long answer ({size}) is not shown here, to keep the app responsive. Copy the answer or export the chat to read all of it.</source>
        <translation>這個回答很長（{size}），為了讓應用程式保持流暢，這裡不顯示開頭的部分。若要閱讀全文，請複製回答或匯出對話。</translation>
    </message>
    <message>
        <source>The beginning of this long reasoning ({size}) is not shown here, to keep the app responsive.</source>
        <translation>這段推理過程很長（{size}），為了讓應用程式保持流暢，這裡不顯示開頭的部分。</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>思考過程</translation>
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
        <translation>對話內容會顯示在這裡。</translation>
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
        <translation>附加檔案</translation>
    </message>
    <message>
        <source>Attach pictures or documents (or drop or paste them here)</source>
        <translation>附加圖片或文件（也可以拖放或貼上到這裡）</translation>
    </message>
</context>
<context>
    <name>ContextController</name>
    <message>
        <source>Summarize our conversation so far for a new chat that continues it: the subject, the facts and decisions, what is still open. Write only the summary.</source>
        <translation>請為接續這段對話的新對話，摘要目前為止的內容：主題、事實與決定、尚未解決的事。只寫摘要。</translation>
    </message>
    <message>
        <source>This chat continues an earlier one. Its summary:</source>
        <translation>此對話接續先前的對話。其摘要：</translation>
    </message>
</context>
<context>
    <name>ContextGauge</name>
    <message>
        <source>Estimated until the model answers.</source>
        <translation>在模型回答前為估計值。</translation>
    </message>
    <message>
        <source>Ollama&apos;s usual default; the server may give more</source>
        <translation>Ollama 的一般預設值；伺服器可能給得更多</translation>
    </message>
    <message>
        <source>The next question would make the model forget the start of the chat.</source>
        <translation>下一個問題會讓模型忘記對話的開頭。</translation>
    </message>
    <message>
        <source>This chat fills {used} of the {size} tokens the model keeps in mind ({source}).</source>
        <translation>此對話占用模型可記住的 {size} 個 token 中的 {used} 個（{source}）。</translation>
    </message>
    <message>
        <source>What you typed adds about {typed}.</source>
        <translation>你輸入的內容約增加 {typed} 個。</translation>
    </message>
    <message>
        <source>as the model is loaded now</source>
        <translation>依模型目前的載入方式</translation>
    </message>
    <message>
        <source>the cloud model&apos;s own maximum</source>
        <translation>雲端模型自己的上限</translation>
    </message>
    <message>
        <source>the size set in this chat&apos;s options</source>
        <translation>此對話設定中的大小</translation>
    </message>
    <message>
        <source>{used} / {size} tokens</source>
        <translation>{used} / {size} 個 token</translation>
    </message>
</context>
<context>
    <name>ContextPane</name>
    <message>
        <source>A new chat starts from the summary.</source>
        <translation>新對話從摘要開始。</translation>
    </message>
    <message>
        <source>Give this chat a larger memory ({size} tokens)</source>
        <translation>給此對話更大的記憶（{size} 個 token）</translation>
    </message>
    <message>
        <source>No summary could be written: {reason}</source>
        <translation>無法寫出摘要：{reason}</translation>
    </message>
    <message>
        <source>Start a new chat from a summary</source>
        <translation>從摘要開始新對話</translation>
    </message>
    <message>
        <source>The model is writing a summary of this chat…</source>
        <translation>模型正在撰寫此對話的摘要…</translation>
    </message>
    <message numerus="yes">
        <source>The model no longer sees your first %n messages: this chat is longer than its {size}-token memory.</source>
        <translation>
            <numerusform>模型已看不到你的前 %n 則訊息：此對話比它 {size} 個 token 的記憶還長。</numerusform>
        </translation>
    </message>
    <message>
        <source>The model now takes {memory} of memory ({before} before).</source>
        <translation>模型現在占用 {memory} 記憶體（之前為 {before}）。</translation>
    </message>
    <message>
        <source>The model now takes {memory} of memory.</source>
        <translation>模型現在占用 {memory} 記憶體。</translation>
    </message>
    <message>
        <source>This chat continues the previous one from the model&apos;s summary of it, which is in this chat&apos;s system prompt (Chat options).</source>
        <translation>此對話以模型對上一段對話的摘要接續，摘要在此對話的系統提示詞中（對話設定）。</translation>
    </message>
    <message>
        <source>This chat now has a memory of {size} tokens.</source>
        <translation>此對話現在可記住 {size} 個 token。</translation>
    </message>
    <message>
        <source>This model has no larger memory to give this chat.</source>
        <translation>此模型無法再給這個對話更大的記憶。</translation>
    </message>
    <message>
        <source>This question may not fit: the model would forget the start of the chat. Send anyway? Press Send again.</source>
        <translation>這個問題可能放不下：模型會忘記對話的開頭。仍要傳送？再按一次「傳送」。</translation>
    </message>
    <message>
        <source>Wait for the answer to end, then try again.</source>
        <translation>請等回答結束後再試一次。</translation>
    </message>
    <message>
        <source>the model wrote nothing</source>
        <translation>模型沒有寫出任何內容</translation>
    </message>
    <message>
        <source>▲ The model&apos;s memory begins here</source>
        <translation>▲ 模型的記憶從這裡開始</translation>
    </message>
</context>
<context>
    <name>EditQuestionDialog</name>
    <message>
        <source>Edit a question</source>
        <translation>編輯問題</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>問題：</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>傳送</translation>
    </message>
    <message>
        <source>The answer to this question, and everything after it, is replaced by the new answer.</source>
        <translation>這個問題的回答以及之後的所有內容，都會換成新的回答。</translation>
    </message>
    <message>
        <source>The answer to this question, and everything after it, is replaced by the new answer. The earlier version is kept: the arrows under the chat switch back to it.</source>
        <translation>這個問題的回答以及之後的所有內容，都會換成新的回答。舊版本會保留：用對話下方的箭頭就能切換回去。</translation>
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
        <translation>助理</translation>
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
        <translation>選項</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>推理過程</translation>
    </message>
    <message>
        <source>Stopped before the end.</source>
        <translation>在結束前停止。</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>系統提示詞</translation>
    </message>
    <message>
        <source>The answer failed before it was finished.</source>
        <translation>回答在完成前失敗了。</translation>
    </message>
    <message>
        <source>The answer failed before the end.</source>
        <translation>回答沒有完成就失敗了。</translation>
    </message>
    <message>
        <source>The app was closed before this answer was finished.</source>
        <translation>這個回答完成前，應用程式就關閉了。</translation>
    </message>
    <message>
        <source>The chat history cannot be used right now, so the chat could not be added.</source>
        <translation>目前無法使用對話記錄，所以無法加入這段對話。</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>無法讀取檔案。</translation>
    </message>
    <message>
        <source>The file could not be saved.</source>
        <translation>無法儲存檔案。</translation>
    </message>
    <message>
        <source>The file or its folder does not exist.</source>
        <translation>檔案或所在的資料夾不存在。</translation>
    </message>
    <message>
        <source>This file is not a chat saved by Ollama Desktop (choose a .json file made with Export).</source>
        <translation>這不是 Ollama Desktop 儲存的對話檔（請選擇用「匯出」產生的 .json 檔）。</translation>
    </message>
    <message>
        <source>This file is not a chat saved by Ollama Desktop (it is not text).</source>
        <translation>這不是 Ollama Desktop 儲存的對話檔（它不是文字檔）。</translation>
    </message>
    <message>
        <source>Word document</source>
        <translation>Word 文件</translation>
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
        <translation>你沒有讀取這個檔案的權限。</translation>
    </message>
    <message>
        <source>You are not allowed to save in this folder. Choose another one, such as Documents.</source>
        <translation>你沒有在這個資料夾儲存的權限。請選擇其他資料夾，例如「文件」。</translation>
    </message>
    <message>
        <source>Your chat history was saved by a newer version of Ollama Desktop, so this version leaves it alone. You can keep chatting, but new messages are not kept. Update the app to see and keep your chats.</source>
        <translation>你的對話記錄是由較新版本的 Ollama Desktop 儲存的，所以這個版本不會更動它。你可以繼續對話，但新的訊息不會保存。請更新應用程式，才能查看並保存你的對話。</translation>
    </message>
    <message>
        <source>Your chats cannot be saved right now: the chat history is in use by another program (perhaps Ollama Desktop is open twice). You can keep chatting; press Try again once the other program is closed, and this chat will be saved.</source>
        <translation>目前無法儲存你的對話：對話記錄正被其他程式使用（可能開了兩個 Ollama Desktop）。你可以繼續對話；關閉另一個程式後按「再試一次」，這段對話就會儲存。</translation>
    </message>
    <message>
        <source>Your chats cannot be saved: the app cannot write in its folder {folder}. You can keep chatting, but new messages are not kept after you close the app. Press Try again once the folder can be written.</source>
        <translation>無法儲存你的對話：應用程式無法寫入它的資料夾 {folder}。你可以繼續對話，但關閉應用程式後，新的訊息不會保留。等這個資料夾可以寫入後，請按「再試一次」。</translation>
    </message>
    <message>
        <source>Your chats cannot be saved: the chat history could not be opened. You can keep chatting, but new messages are not kept after you close the app. Press Try again to retry.</source>
        <translation>無法儲存你的對話：打不開對話記錄。你可以繼續對話，但關閉應用程式後，新的訊息不會保留。請按「再試一次」重試。</translation>
    </message>
    <message>
        <source>Your chats cannot be saved: the chat history file can only be read, not changed. Your saved chats still show, and you can keep chatting, but new messages are not kept after you close the app.</source>
        <translation>無法儲存你的對話：對話記錄檔只能讀取、不能修改。已儲存的對話仍會顯示，你也可以繼續對話，但關閉應用程式後，新的訊息不會保留。</translation>
    </message>
    <message>
        <source>Your chats cannot be saved: the chat history file is damaged. You can keep chatting, but new messages are not kept after you close the app.</source>
        <translation>無法儲存你的對話：對話記錄檔已損壞。你可以繼續對話，但關閉應用程式後，新的訊息不會保留。</translation>
    </message>
    <message>
        <source>Your chats cannot be saved: the disk is full. You can keep chatting; free some space, then press Try again, and this chat will be saved.</source>
        <translation>無法儲存你的對話：磁碟已滿。你可以繼續對話；清出一些空間後按「再試一次」，這段對話就會儲存。</translation>
    </message>
    <message>
        <source>Your saved chats are busy in another program; try again in a moment.</source>
        <translation>你儲存的對話正被其他程式使用，請稍後再試。</translation>
    </message>
    <message>
        <source>Your saved chats could not be read because the chat history file was damaged. It was kept as “{name}” in {folder}, and a new, empty history was started.</source>
        <translation>對話記錄檔已損壞，所以無法讀取你儲存的對話。損壞的檔案已另存為 {folder} 中的「{name}」，並已開始一份新的空白記錄。</translation>
    </message>
    <message>
        <source>Your saved chats could not be read just now.</source>
        <translation>目前無法讀取你儲存的對話。</translation>
    </message>
    <message>
        <source>code</source>
        <translation>程式碼</translation>
    </message>
    <message>
        <source>only the start</source>
        <translation>僅開頭部分</translation>
    </message>
    <message>
        <source>picture</source>
        <translation>圖片</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文字</translation>
    </message>
</context>
<context>
    <name>HistoryPane</name>
    <message>
        <source>&amp;Edit a question…</source>
        <translation>編輯問題(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import chat…</source>
        <translation>匯入對話(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Regenerate answer</source>
        <translation>重新產生回答(&amp;R)</translation>
    </message>
    <message>
        <source>Added “{title}” to your chats.</source>
        <translation>已將「{title}」加入你的對話。</translation>
    </message>
    <message>
        <source>Ask the last question again for a new answer (Ctrl+Shift+R)</source>
        <translation>重新提出最後一個問題，取得新的回答（Ctrl+Shift+R）</translation>
    </message>
    <message>
        <source>Change one of your questions and ask it again (Ctrl+E)</source>
        <translation>修改其中一個問題並重新提問（Ctrl+E）</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>對話</translation>
    </message>
    <message>
        <source>Chat &amp;list</source>
        <translation>對話列表(&amp;L)</translation>
    </message>
    <message>
        <source>Chat file (*.json)</source>
        <translation>對話檔 (*.json)</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>對話</translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation>請先選擇模型。</translation>
    </message>
    <message>
        <source>Could not import {path}: {reason}</source>
        <translation>無法匯入 {path}：{reason}</translation>
    </message>
    <message>
        <source>Could not save {path}: {reason}</source>
        <translation>無法儲存 {path}：{reason}</translation>
    </message>
    <message>
        <source>Export chat</source>
        <translation>匯出對話</translation>
    </message>
    <message>
        <source>Export chat as &amp;JSON…</source>
        <translation>將對話匯出為 JSON(&amp;J)…</translation>
    </message>
    <message>
        <source>Export chat as &amp;Markdown…</source>
        <translation>將對話匯出為 Markdown(&amp;M)…</translation>
    </message>
    <message>
        <source>Import chat</source>
        <translation>匯入對話</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Saved the chat as {path}</source>
        <translation>已將對話儲存為 {path}</translation>
    </message>
    <message>
        <source>Show or hide the list of your saved chats (Ctrl+B)</source>
        <translation>顯示或隱藏已儲存的對話列表（Ctrl+B）</translation>
    </message>
    <message>
        <source>There is nothing to export yet.</source>
        <translation>目前還沒有可以匯出的內容。</translation>
    </message>
    <message>
        <source>Your chats are being saved again.</source>
        <translation>對話已恢復儲存。</translation>
    </message>
    <message>
        <source>Your saved chats cannot be shown right now.</source>
        <translation>目前無法顯示已儲存的對話。</translation>
    </message>
</context>
<context>
    <name>HistorySidebar</name>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>Deleted “{title}”.</source>
        <translation>已刪除「{title}」。</translation>
    </message>
    <message>
        <source>Export as JSON (can be imported again)…</source>
        <translation>匯出為 JSON（之後可再匯入）…</translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation>匯出為 Markdown…</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>新對話</translation>
    </message>
    <message>
        <source>No chat contains “{words}”.</source>
        <translation>沒有任何對話包含「{words}」。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開啟</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重新命名</translation>
    </message>
    <message>
        <source>Saved chats</source>
        <translation>已儲存的對話</translation>
    </message>
    <message>
        <source>Search all chats</source>
        <translation>搜尋所有對話</translation>
    </message>
    <message>
        <source>Start a new chat (Ctrl+N)</source>
        <translation>開始新對話（Ctrl+N）</translation>
    </message>
    <message>
        <source>The chat</source>
        <translation>這段對話</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>復原</translation>
    </message>
    <message>
        <source>Untitled chat</source>
        <translation>未命名對話</translation>
    </message>
    <message>
        <source>Your chats are kept here. Ask a question to start one.</source>
        <translation>你的對話會保存在這裡。提出問題就能開始一段新對話。</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <source>This picture cannot be shown: its data is damaged.</source>
        <translation>無法顯示這張圖片：圖片資料已損壞。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Keep Ollama Desktop running?</source>
        <translation>要讓 Ollama Desktop 繼續執行嗎？</translation>
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
        <translation>傳送</translation>
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
        <translation>回答失敗。</translation>
    </message>
    <message>
        <source>This chat used {model}, which is not installed here. Choose a model to go on.</source>
        <translation>這段對話用的是 {model}，但這裡沒有安裝。請選擇一個模型繼續。</translation>
    </message>
    <message>
        <source>When you close the window, Ollama Desktop can keep running as an icon in the tray, so you can free memory from there (for example before starting a game).

Keep it running in the tray? You can change this later in the Memory menu.</source>
        <translation>關閉視窗後，Ollama Desktop 可以用圖示的形式在系統匣中繼續執行，方便你從那裡釋放記憶體（例如在開始玩遊戲之前）。

要在系統匣中繼續執行嗎？之後可以在「記憶體」選單中更改。</translation>
    </message>
</context>
<context>
    <name>MarkdownWriter</name>
    <message>
        <source>Copy</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>[image: {alt}]</source>
        <translation>[圖片：{alt}]</translation>
    </message>
    <message>
        <source>code</source>
        <translation>程式碼</translation>
    </message>
</context>
<context>
    <name>MemoryPane</name>
    <message>
        <source>A cloud model runs on ollama.com: nothing to load here.</source>
        <translation>雲端模型在 ollama.com 上執行：這裡沒有要載入的東西。</translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation>請先選擇模型。</translation>
    </message>
    <message>
        <source>Freeing memory…</source>
        <translation>正在釋放記憶體…</translation>
    </message>
    <message>
        <source>Ollama Desktop</source>
        <translation>Ollama Desktop</translation>
    </message>
    <message>
        <source>Sign in on ollama.com</source>
        <translation>在 ollama.com 登入</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Cannot reach Ollama at {host}. Make sure Ollama is running; the app keeps trying.</source>
        <translation>連不上位於 {host} 的 Ollama。請確認 Ollama 正在執行；本程式會持續重試。</translation>
    </message>
    <message>
        <source>Cannot reach Ollama. Make sure Ollama is running.</source>
        <translation>連不上 Ollama。請確認 Ollama 正在執行。</translation>
    </message>
    <message>
        <source>Cloud models are turned off on this server.</source>
        <translation>此伺服器已關閉雲端模型。</translation>
    </message>
    <message>
        <source>Details: {details}</source>
        <translation>詳細資訊：{details}</translation>
    </message>
    <message>
        <source>Ollama could not be reached. Is it running?</source>
        <translation>連不上 Ollama。它有在執行嗎？</translation>
    </message>
    <message>
        <source>Ollama could not reach the model library: is this computer connected to the internet?</source>
        <translation>Ollama 連不上模型庫：這台電腦有連上網際網路嗎？</translation>
    </message>
    <message>
        <source>Ollama did not answer in time.</source>
        <translation>Ollama 沒有及時回應。</translation>
    </message>
    <message>
        <source>Ollama did not answer in time. The model may still be loading, or be too big for this computer&apos;s memory. Try again, or choose a smaller model.</source>
        <translation>Ollama 沒有及時回應。模型可能還在載入，或是太大、這台電腦的記憶體放不下。請再試一次，或選擇較小的模型。</translation>
    </message>
    <message>
        <source>Ollama reported a problem and could not answer. Try again; if it keeps happening, restart Ollama.</source>
        <translation>Ollama 回報了問題，無法回答。請再試一次；如果一直發生，請重新啟動 Ollama。</translation>
    </message>
    <message>
        <source>Ollama reported a problem with this run.</source>
        <translation>Ollama 回報這次執行有問題。</translation>
    </message>
    <message>
        <source>Ollama&apos;s answer could not be read.</source>
        <translation>無法讀取 Ollama 的回應。</translation>
    </message>
    <message>
        <source>Something answers at the server address, but not as Ollama does.</source>
        <translation>伺服器位址上有回應，但不是 Ollama 的回應方式。</translation>
    </message>
    <message>
        <source>Something answers at {host}, but not as Ollama does. Check the server address (Ollama menu → Ollama server…).</source>
        <translation>{host} 有回應，但不是 Ollama 的回應方式。請檢查伺服器位址（Ollama 選單 → Ollama 伺服器…）。</translation>
    </message>
    <message>
        <source>Something unexpected went wrong. Try again.</source>
        <translation>發生了意外的問題。請再試一次。</translation>
    </message>
    <message>
        <source>Something went wrong in this run.</source>
        <translation>這次執行出了問題。</translation>
    </message>
    <message>
        <source>The answer could not be read: the server at {host} does not speak Ollama&apos;s language. Check the server address (Ollama menu → Ollama server…).</source>
        <translation>無法讀取回應：{host} 上的伺服器似乎不是 Ollama。請檢查伺服器位址（Ollama 選單 → Ollama 伺服器…）。</translation>
    </message>
    <message>
        <source>The cloud model needs the server signed in to ollama.com.</source>
        <translation>雲端模型需要伺服器登入 ollama.com。</translation>
    </message>
    <message>
        <source>The connection to Ollama was lost during the answer.</source>
        <translation>回答途中與 Ollama 的連線中斷了。</translation>
    </message>
    <message>
        <source>The connection to Ollama was lost in the middle of the answer. What arrived is kept.</source>
        <translation>回答到一半時，與 Ollama 的連線中斷了。已收到的內容會保留。</translation>
    </message>
    <message>
        <source>The download of “{model}” failed. Try again.</source>
        <translation>「{model}」下載失敗。請再試一次。</translation>
    </message>
    <message>
        <source>The model does not fit in this computer&apos;s memory.</source>
        <translation>這台電腦的記憶體放不下這個模型。</translation>
    </message>
    <message>
        <source>The model does not fit in this computer&apos;s memory. Close other models or programs, or choose a smaller model.</source>
        <translation>這台電腦的記憶體放不下這個模型。請關閉其他模型或程式，或選擇較小的模型。</translation>
    </message>
    <message>
        <source>The model “{model}” cannot see pictures. Choose a model that can (one with “vision” in its description), or remove the pictures, then send again.</source>
        <translation>模型「{model}」看不懂圖片。請選擇看得懂圖片的模型（說明中有「vision」的），或移除圖片，然後再傳送一次。</translation>
    </message>
    <message>
        <source>The model “{model}” is not installed on this Ollama server. Choose another model, or download it first.</source>
        <translation>這個 Ollama 伺服器沒有安裝模型「{model}」。請選擇其他模型，或先下載它。</translation>
    </message>
    <message>
        <source>The server at {host} accepts connections but does not answer. If it is Ollama, it may be stuck: quit it and start it again, then check again.</source>
        <translation>{host} 上的伺服器接受了連線，卻沒有回應。如果它是 Ollama，可能已經卡住了：請結束它再重新啟動，然後再檢查一次。</translation>
    </message>
    <message>
        <source>The server at {host} sent the app to another address, {location}; the app only talks to {host}. If Ollama is at that other address, enter it as the server address (Ollama menu → Ollama server…).</source>
        <translation>{host} 上的伺服器要本程式改連到另一個位址 {location}，但本程式只會連線到 {host}。如果 Ollama 在那個位址上，請把它設為伺服器位址（Ollama 選單 → Ollama 伺服器…）。</translation>
    </message>
    <message>
        <source>The server at {host} tried to send the app to another address; the app only talks to {host}. Check the server address (Ollama menu → Ollama server…).</source>
        <translation>{host} 上的伺服器想讓本程式改連到另一個位址，但本程式只會連線到 {host}。請檢查伺服器位址（Ollama 選單 → Ollama 伺服器…）。</translation>
    </message>
    <message>
        <source>The server sent the app to another address.</source>
        <translation>伺服器要本程式改連到另一個位址。</translation>
    </message>
    <message>
        <source>There is no model called “{model}” in the Ollama library. Check the spelling.</source>
        <translation>Ollama 模型庫中沒有名為「{model}」的模型。請檢查拼字。</translation>
    </message>
    <message>
        <source>This model is not installed on the Ollama server.</source>
        <translation>這個模型沒有安裝在 Ollama 伺服器上。</translation>
    </message>
    <message>
        <source>no computer with that name could be found</source>
        <translation>找不到這個名稱的電腦</translation>
    </message>
    <message>
        <source>nothing accepts connections at that address and port</source>
        <translation>這個位址和連接埠上沒有程式接受連線</translation>
    </message>
    <message>
        <source>nothing arrived from the server for too long</source>
        <translation>伺服器太久沒有傳來任何內容</translation>
    </message>
    <message>
        <source>one line of the answer was larger than {size}, far more than Ollama sends</source>
        <translation>回應中有一行超過 {size}，遠大於 Ollama 會傳送的內容</translation>
    </message>
    <message>
        <source>the answer began with far more header lines than any server sends</source>
        <translation>回應開頭的標頭行數遠多於任何伺服器會傳送的數量</translation>
    </message>
    <message>
        <source>the answer came so slowly that the app stopped waiting for it</source>
        <translation>回應傳得太慢，本程式已不再等待</translation>
    </message>
    <message>
        <source>the answer is not in the format Ollama uses</source>
        <translation>回應不是 Ollama 使用的格式</translation>
    </message>
    <message>
        <source>the answer stopped before its end</source>
        <translation>回應還沒結束就中斷了</translation>
    </message>
    <message>
        <source>the answer was larger than {size}, far more than Ollama sends</source>
        <translation>回應超過 {size}，遠大於 Ollama 會傳送的內容</translation>
    </message>
    <message>
        <source>the computer at that address did not respond</source>
        <translation>這個位址上的電腦沒有回應</translation>
    </message>
    <message>
        <source>the connection broke in the middle of the answer</source>
        <translation>回應傳到一半時連線中斷了</translation>
    </message>
    <message>
        <source>the server accepted the connection but never answered</source>
        <translation>伺服器接受了連線，卻一直沒有回應</translation>
    </message>
    <message>
        <source>the server address is not a valid web address</source>
        <translation>伺服器位址不是有效的網址</translation>
    </message>
    <message>
        <source>the server answered the app&apos;s first question with an error</source>
        <translation>伺服器對本程式的第一個請求回覆了錯誤</translation>
    </message>
    <message>
        <source>the server closed the connection without answering</source>
        <translation>伺服器沒有回應就關閉了連線</translation>
    </message>
    <message>
        <source>the server sent a web page instead of Ollama&apos;s data</source>
        <translation>伺服器傳來的是網頁，而不是 Ollama 的資料</translation>
    </message>
    <message>
        <source>the server sent text that is not valid UTF-8</source>
        <translation>伺服器傳來的文字不是有效的 UTF-8</translation>
    </message>
    <message>
        <source>the server&apos;s answer was compressed wrongly</source>
        <translation>伺服器回應的壓縮方式有誤</translation>
    </message>
    <message>
        <source>what came back is not a web server&apos;s answer at all</source>
        <translation>收到的內容根本不是網頁伺服器的回應</translation>
    </message>
    <message>
        <source>“{model}” runs on ollama.com, and this Ollama server is not signed in. Run “ollama signin” on the server&apos;s computer, or open the sign-in link, then try again.</source>
        <translation>「{model}」在 ollama.com 上執行，而此 Ollama 伺服器尚未登入。請在伺服器的電腦上執行「ollama signin」，或開啟登入連結，然後再試一次。</translation>
    </message>
    <message>
        <source>“{model}” runs on ollama.com, but cloud models are turned off on the server at {host} (OLLAMA_NO_CLOUD). Choose a model installed on this computer.</source>
        <translation>「{model}」在 ollama.com 上執行，但 {host} 的伺服器已關閉雲端模型（OLLAMA_NO_CLOUD）。請選擇安裝在這台電腦上的模型。</translation>
    </message>
</context>
<context>
    <name>ModelComboBox</name>
    <message>
        <source>No models yet</source>
        <translation>還沒有模型</translation>
    </message>
    <message>
        <source>{label} · ☁ cloud</source>
        <translation>{label} · ☁ 雲端</translation>
    </message>
    <message>
        <source>{label} — in memory</source>
        <translation>{label} — 已在記憶體中</translation>
    </message>
</context>
<context>
    <name>ModelsDialog</name>
    <message>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>進階</translation>
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
        <translation>關閉</translation>
    </message>
    <message>
        <source>Delete model?</source>
        <translation>要刪除模型嗎？</translation>
    </message>
    <message>
        <source>Delete {name} from this Ollama server? If it came from ollama.com, downloading it again takes time; a model you made yourself is gone for good.</source>
        <translation>要從這個 Ollama 伺服器刪除 {name} 嗎？如果它來自 ollama.com，重新下載需要花一些時間；如果是你自己建立的模型，刪除後就再也找不回來了。</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>刪除…</translation>
    </message>
    <message>
        <source>Deleting {name}…</source>
        <translation>正在刪除 {name}…</translation>
    </message>
    <message>
        <source>Family: {family}</source>
        <translation>系列：{family}</translation>
    </message>
    <message>
        <source>In memory</source>
        <translation>在記憶體中</translation>
    </message>
    <message>
        <source>Licence:</source>
        <translation>授權條款：</translation>
    </message>
    <message>
        <source>Licence: {summary}</source>
        <translation>授權條款：{summary}</translation>
    </message>
    <message>
        <source>Loading details of {name}…</source>
        <translation>正在載入 {name} 的詳細資訊…</translation>
    </message>
    <message numerus="yes">
        <source>Longest context: %Ln tokens</source>
        <translation>
            <numerusform>最長上下文：%Ln 個 token</numerusform>
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
        <translation>參數量</translation>
    </message>
    <message>
        <source>Parameters and stop words:</source>
        <translation>參數與停止詞：</translation>
    </message>
    <message>
        <source>Parameters: {size}, quantization {quant}</source>
        <translation>參數量：{size}，量化：{quant}</translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation>量化</translation>
    </message>
    <message>
        <source>Runs on ollama.com, uses no memory on this computer.</source>
        <translation>在 ollama.com 上執行，不占用這台電腦的記憶體。</translation>
    </message>
    <message>
        <source>Select a model to see its details.</source>
        <translation>選取模型即可查看詳細資訊。</translation>
    </message>
    <message>
        <source>Size on disk</source>
        <translation>磁碟空間</translation>
    </message>
    <message>
        <source>Size on disk: {size}</source>
        <translation>磁碟空間：{size}</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>範本：</translation>
    </message>
    <message>
        <source>The model&apos;s parameters, stop words, prompt template and licence, as Ollama has them.</source>
        <translation>Ollama 所記錄的模型參數、停止詞、提示詞範本和授權條款。</translation>
    </message>
    <message>
        <source>chat</source>
        <translation>對話</translation>
    </message>
    <message>
        <source>embeddings</source>
        <translation>嵌入向量</translation>
    </message>
    <message>
        <source>images</source>
        <translation>圖片</translation>
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
        <translation>已刪除 {name}。</translation>
    </message>
    <message>
        <source>{name} · ☁ cloud</source>
        <translation>{name} · ☁ 雲端</translation>
    </message>
    <message>
        <source>{name}: runs on ollama.com, uses no memory on this computer.</source>
        <translation>{name}：在 ollama.com 上執行，不占用這台電腦的記憶體。</translation>
    </message>
</context>
<context>
    <name>ModelsPane</name>
    <message>
        <source>Download it</source>
        <translation>下載</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>暫時不要</translation>
    </message>
    <message>
        <source>“{model}” is not installed on this server. Download it now?</source>
        <translation>這個伺服器沒有安裝「{model}」。要現在下載嗎？</translation>
    </message>
</context>
<context>
    <name>PromptEdit</name>
    <message>
        <source>Ask anything… (Enter to send, Shift+Enter for a new line)</source>
        <translation>想問什麼都可以…（Enter 傳送，Shift+Enter 換行）</translation>
    </message>
</context>
<context>
    <name>PullBox</name>
    <message>
        <source>Cancel download</source>
        <translation>取消下載</translation>
    </message>
    <message>
        <source>Checking the download of {name}…</source>
        <translation>正在檢查 {name} 的下載…</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下載</translation>
    </message>
    <message>
        <source>Download a model</source>
        <translation>下載模型</translation>
    </message>
    <message>
        <source>Finishing the download of {name}…</source>
        <translation>正在完成 {name} 的下載…</translation>
    </message>
    <message>
        <source>Getting ready to download {name}…</source>
        <translation>正在準備下載 {name}…</translation>
    </message>
    <message>
        <source>Model name, for example gemma3:1b</source>
        <translation>模型名稱，例如 gemma3:1b</translation>
    </message>
    <message>
        <source>Starting the download of {name}…</source>
        <translation>正在開始下載 {name}…</translation>
    </message>
    <message>
        <source>The download of {name} was cancelled.</source>
        <translation>已取消下載 {name}。</translation>
    </message>
    <message>
        <source>Type the name of a model, or pick one of the suggestions.</source>
        <translation>輸入模型名稱，或從建議中挑一個。</translation>
    </message>
    <message>
        <source>{name} is downloaded and ready to chat.</source>
        <translation>{name} 已下載完成，可以開始對話了。</translation>
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
            <numerusform>%Ln 個 token</numerusform>
        </translation>
    </message>
    <message>
        <source>first token {seconds} s</source>
        <translation>首個 token {seconds} 秒</translation>
    </message>
    <message>
        <source>load {seconds} s</source>
        <translation>載入 {seconds} 秒</translation>
    </message>
    <message>
        <source>prompt {rate} tokens/s</source>
        <translation>提示詞 {rate} token/秒</translation>
    </message>
    <message>
        <source>stopped at the token limit</source>
        <translation>已達 token 上限而停止</translation>
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
        <translation>回答中… 執行位置：{where}</translation>
    </message>
    <message>
        <source>Answering… {speed}</source>
        <translation>回答中… {speed}</translation>
    </message>
    <message>
        <source>Answering… {speed} · runs on: {where}</source>
        <translation>回答中… {speed} · 執行位置：{where}</translation>
    </message>
    <message>
        <source>Nothing has arrived for {seconds} s. Stop (Esc) ends it.</source>
        <translation>已經 {seconds} 秒沒有收到任何內容。按「停止」（Esc）即可結束。</translation>
    </message>
    <message>
        <source>Nothing has arrived for {seconds} s. {cause} Stop (Esc) ends the answer and keeps what came.</source>
        <translation>已經 {seconds} 秒沒有收到任何內容。{cause}按「停止」（Esc）即可結束回答，已收到的內容會保留。</translation>
    </message>
    <message>
        <source>Stopped before the answer began. Your question is back in the box below.</source>
        <translation>回答開始前就停止了。你的問題已放回下方的輸入框。</translation>
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
        <translation>執行位置：{where}</translation>
    </message>
    <message>
        <source>{model} has sent nothing for {seconds} s. A large model can take minutes to load. Stop (Esc) ends the wait.</source>
        <translation>{model} 已經 {seconds} 秒沒有傳來任何內容。大型模型可能要花幾分鐘才能載入。按「停止」（Esc）就能不再等待。</translation>
    </message>
    <message>
        <source>{model} has sent nothing for {seconds} s. Stop (Esc) ends it.</source>
        <translation>{model} 已經 {seconds} 秒沒有傳來任何內容。按「停止」（Esc）即可結束。</translation>
    </message>
</context>
<context>
    <name>Residency</name>
    <message>
        <source>A cloud model, but cloud models are turned off on this server (OLLAMA_NO_CLOUD): choose a model installed on this computer.</source>
        <translation>這是雲端模型，但此伺服器已關閉雲端模型（OLLAMA_NO_CLOUD）：請選擇安裝在這台電腦上的模型。</translation>
    </message>
    <message>
        <source>CPU only, RAM {size}</source>
        <translation>僅 CPU，記憶體 {size}</translation>
    </message>
    <message>
        <source>CPU {size}</source>
        <translation>CPU {size}</translation>
    </message>
    <message>
        <source>GPU {gpu} + RAM {ram} ({share} % CPU)</source>
        <translation>GPU {gpu} + 記憶體 {ram}（CPU 佔 {share}%）</translation>
    </message>
    <message>
        <source>GPU {size}</source>
        <translation>GPU {size}</translation>
    </message>
    <message>
        <source>In memory: {size} ({where})</source>
        <translation>佔用記憶體：{size}（{where}）</translation>
    </message>
    <message>
        <source>Loading the model into memory…</source>
        <translation>正在將模型載入記憶體…</translation>
    </message>
    <message>
        <source>Not in memory: the first answer waits while it loads.</source>
        <translation>不在記憶體中：第一個回答要等模型載入。</translation>
    </message>
    <message>
        <source>Ollama itself stopped answering. It may have crashed or run out of memory: restart Ollama and try again.</source>
        <translation>Ollama 本身停止回應了，可能已當掉或記憶體不足：請重新啟動 Ollama 再試一次。</translation>
    </message>
    <message>
        <source>Runs fully on the GPU.</source>
        <translation>完全在 GPU 上執行。</translation>
    </message>
    <message>
        <source>Runs on ollama.com, uses no memory on this computer.</source>
        <translation>在 ollama.com 上執行，不占用這台電腦的記憶體。</translation>
    </message>
    <message>
        <source>Runs on ollama.com: sign the server in first — run “ollama signin” on the server&apos;s computer.</source>
        <translation>在 ollama.com 上執行：請先讓伺服器登入，在伺服器的電腦上執行「ollama signin」。</translation>
    </message>
    <message>
        <source>Runs on the CPU only — expect slower answers.</source>
        <translation>只在 CPU 上執行——回答會比較慢。</translation>
    </message>
    <message>
        <source>There is not enough memory for {model}. Choose a smaller model or a shorter context.</source>
        <translation>記憶體不足以執行 {model}。請選擇較小的模型或較短的上下文。</translation>
    </message>
    <message>
        <source>Unload the other models ({others}) to free memory.</source>
        <translation>卸載其他模型（{others}）即可釋放記憶體。</translation>
    </message>
    <message>
        <source>kept loaded</source>
        <translation>常駐記憶體</translation>
    </message>
    <message>
        <source>unloads in {n} h</source>
        <translation>{n} 小時後卸載</translation>
    </message>
    <message>
        <source>unloads in {n} min</source>
        <translation>{n} 分鐘後卸載</translation>
    </message>
    <message>
        <source>unloads in {n} s</source>
        <translation>{n} 秒後卸載</translation>
    </message>
    <message>
        <source>{model} is fully on the GPU: Ollama may be busy with another request, or the question is very long. Try again in a moment.</source>
        <translation>{model} 已完全在 GPU 上：Ollama 可能正在處理其他請求，或是問題非常長。請稍後再試。</translation>
    </message>
    <message>
        <source>{model} is not in memory any more: it probably ran out of memory or crashed while loading. Choose a smaller model, or reduce the context size.</source>
        <translation>{model} 已不在記憶體中：可能是載入時記憶體不足或當掉了。請選擇較小的模型，或縮短上下文長度。</translation>
    </message>
    <message>
        <source>{model} runs on the CPU only, which is slow. A smaller model or a shorter context would answer faster.</source>
        <translation>{model} 只在 CPU 上執行，所以很慢。較小的模型或較短的上下文會回答得更快。</translation>
    </message>
    <message>
        <source>{share} % of {model} runs on the CPU, which slows answers down. A smaller model or a shorter context would fit in GPU memory.</source>
        <translation>{model} 有 {share}% 在 CPU 上執行，所以回答變慢了。較小的模型或較短的上下文就能放進 GPU 記憶體。</translation>
    </message>
    <message>
        <source>{share} % runs on the CPU — expect slower answers; a smaller model or a shorter context would fit.</source>
        <translation>有 {share}% 在 CPU 上執行——回答會比較慢；換成較小的模型或較短的上下文就放得下。</translation>
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
        <translation>按一下即可管理和釋放記憶體。</translation>
    </message>
    <message>
        <source>Loading {model}…</source>
        <translation>正在載入 {model}…</translation>
    </message>
    <message>
        <source>Memory: unknown</source>
        <translation>記憶體：不明</translation>
    </message>
    <message>
        <source>No model in memory</source>
        <translation>記憶體中沒有模型</translation>
    </message>
    <message>
        <source>Ollama holds no model in memory right now.</source>
        <translation>Ollama 目前沒有任何模型在記憶體中。</translation>
    </message>
    <message>
        <source>Ollama is not reachable, so its memory use is unknown.</source>
        <translation>連不上 Ollama，所以不知道它的記憶體用量。</translation>
    </message>
</context>
<context>
    <name>ResidencyTexts</name>
    <message numerus="yes">
        <source>Context: %Ln tokens</source>
        <translation>
            <numerusform>上下文：%Ln 個 token</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerChoice</name>
    <message>
        <source>Ser&amp;ver:</source>
        <translation>伺服器(&amp;V)：</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <source>Check connection</source>
        <translation>檢查連線</translation>
    </message>
    <message>
        <source>Checking {host}…</source>
        <translation>正在檢查 {host}…</translation>
    </message>
    <message>
        <source>Connected: Ollama {version} at {host}.</source>
        <translation>已連線：{host} 上的 Ollama {version}。</translation>
    </message>
    <message>
        <source>For example: GPU box in the office</source>
        <translation>例如：辦公室的 GPU 電腦</translation>
    </message>
    <message>
        <source>Leave empty to use Ollama on this computer ({default}). For another computer, enter its address, for example 192.168.1.20 or http://gpu-box:11434.</source>
        <translation>留空即使用這台電腦上的 Ollama（{default}）。若要連到其他電腦，請輸入它的位址，例如 192.168.1.20 或 http://gpu-box:11434。</translation>
    </message>
    <message>
        <source>Name (optional):</source>
        <translation>名稱（選填）：</translation>
    </message>
    <message>
        <source>Note: the connection to this computer is not encrypted (http).</source>
        <translation>注意：與這台電腦的連線沒有加密（http）。</translation>
    </message>
    <message>
        <source>Ollama server</source>
        <translation>Ollama 伺服器</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>伺服器位址：</translation>
    </message>
    <message>
        <source>This is not a server address. Example: 192.168.1.20:11434</source>
        <translation>這不是伺服器位址。範例：192.168.1.20:11434</translation>
    </message>
</context>
<context>
    <name>ServerPicker</name>
    <message>
        <source>Not encrypted: others on the network could read the chat.</source>
        <translation>未加密：同一網路上的其他人可能看得到對話內容。</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>這台電腦</translation>
    </message>
    <message>
        <source>{name} — checking…</source>
        <translation>{name} — 檢查中…</translation>
    </message>
    <message>
        <source>○ {name} — does not answer as Ollama</source>
        <translation>○ {name} — 回應的不是 Ollama</translation>
    </message>
    <message>
        <source>○ {name} — not reachable</source>
        <translation>○ {name} — 無法連線</translation>
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
        <translation>完成一次執行後，速度就會顯示在這裡。</translation>
    </message>
    <message>
        <source>median tokens per second; the line spans the slowest to the fastest run</source>
        <translation>每秒 token 數的中位數；線段從最慢延伸到最快的一次</translation>
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
        <translation>隱藏這則訊息</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>再試一次</translation>
    </message>
</context>
<context>
    <name>Suggestions</name>
    <message>
        <source> · fits this computer&apos;s memory</source>
        <translation> · 這台電腦的記憶體放得下</translation>
    </message>
    <message>
        <source> · too big for this computer&apos;s memory</source>
        <translation> · 太大，這台電腦的記憶體放不下</translation>
    </message>
    <message>
        <source>Download {name} ({size})</source>
        <translation>下載 {name}（{size}）</translation>
    </message>
    <message>
        <source>a good all-rounder that can use tools</source>
        <translation>能使用工具的全能型模型</translation>
    </message>
    <message>
        <source>also understands pictures</source>
        <translation>也看得懂圖片</translation>
    </message>
    <message>
        <source>for writing and explaining code</source>
        <translation>適合撰寫和解說程式碼</translation>
    </message>
    <message>
        <source>small and fast, for quick chats</source>
        <translation>小巧快速，適合簡短對話</translation>
    </message>
    <message>
        <source>thinks before it answers, for reasoning</source>
        <translation>回答前會先思考，適合推理</translation>
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
        <translation>釋放所有記憶體</translation>
    </message>
    <message>
        <source>No model in memory</source>
        <translation>記憶體中沒有模型</translation>
    </message>
    <message>
        <source>Ollama Desktop</source>
        <translation>Ollama Desktop</translation>
    </message>
    <message>
        <source>Ollama is not reachable</source>
        <translation>連不上 Ollama</translation>
    </message>
    <message>
        <source>Open Ollama Desktop</source>
        <translation>開啟 Ollama Desktop</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>結束</translation>
    </message>
</context>
<context>
    <name>Unload</name>
    <message>
        <source>Freed {size} of memory ({gpu} of it GPU memory).</source>
        <translation>已釋放 {size} 的記憶體（其中 {gpu} 是 GPU 記憶體）。</translation>
    </message>
    <message>
        <source>Freed {size} of memory.</source>
        <translation>已釋放 {size} 的記憶體。</translation>
    </message>
    <message>
        <source>Nothing to free: no model was in memory.</source>
        <translation>沒有需要釋放的：記憶體中沒有模型。</translation>
    </message>
    <message>
        <source>Ollama did not release {names}. It may still be answering; try again in a moment.</source>
        <translation>Ollama 沒有釋放 {names}，可能還在回答中；請稍後再試。</translation>
    </message>
</context>
<context>
    <name>UnloadDialog</name>
    <message>
        <source>Free memory</source>
        <translation>釋放記憶體</translation>
    </message>
    <message>
        <source>In memory now: {total}, of which {gpu} in GPU memory.</source>
        <translation>目前佔用記憶體：{total}，其中 {gpu} 在 GPU 記憶體中。</translation>
    </message>
    <message>
        <source>Models Ollama holds in memory now. Unloading frees their memory at once.</source>
        <translation>Ollama 目前放在記憶體中的模型。卸載後會立即釋放它們占用的記憶體。</translation>
    </message>
    <message>
        <source>No model is in memory.</source>
        <translation>記憶體中沒有模型。</translation>
    </message>
    <message>
        <source>Unload all</source>
        <translation>全部卸載</translation>
    </message>
    <message>
        <source>Unload selected</source>
        <translation>卸載選取的模型</translation>
    </message>
    <message>
        <source>Unloading… waiting for Ollama to release the memory.</source>
        <translation>卸載中… 正在等待 Ollama 釋放記憶體。</translation>
    </message>
</context>
<context>
    <name>VersionBar</name>
    <message>
        <source>Answer {number}: version {position} of {count}</source>
        <translation>第 {number} 個回答：第 {position}/{count} 版</translation>
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
        <translation>第 {number} 個問題：第 {position}/{count} 版</translation>
    </message>
    <message>
        <source>Show the earlier version</source>
        <translation>顯示上一版</translation>
    </message>
    <message>
        <source>Show the later version</source>
        <translation>顯示下一版</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <source>Checking again every few seconds: this screen goes away by itself.</source>
        <translation>每隔幾秒會重新檢查一次：這個畫面會自動消失。</translation>
    </message>
    <message>
        <source>Download a model to start</source>
        <translation>下載一個模型就能開始</translation>
    </message>
    <message>
        <source>More models…</source>
        <translation>更多模型…</translation>
    </message>
    <message>
        <source>Nothing answers at &lt;b&gt;{host}&lt;/b&gt;. Check that the other computer is on and runs Ollama with &lt;code&gt;OLLAMA_HOST=0.0.0.0&lt;/code&gt;, that the address is right, and that a firewall lets port 11434 through.</source>
        <translation>&lt;b&gt;{host}&lt;/b&gt; 沒有回應。請確認另一台電腦已開機，並以 &lt;code&gt;OLLAMA_HOST=0.0.0.0&lt;/code&gt; 執行 Ollama；位址正確；而且防火牆允許連接埠 11434 通過。</translation>
    </message>
    <message>
        <source>Ollama is not running</source>
        <translation>Ollama 沒有在執行</translation>
    </message>
    <message>
        <source>Ollama is running, but has no model yet. A model is what answers your questions. These small ones download quickly and run on most computers:</source>
        <translation>Ollama 正在執行，但還沒有任何模型。模型就是負責回答問題的部分。下面這幾個小模型下載很快，大多數電腦都能執行：</translation>
    </message>
    <message>
        <source>Server address…</source>
        <translation>伺服器位址…</translation>
    </message>
    <message>
        <source>Something else answers at this address</source>
        <translation>這個位址上回應的不是 Ollama</translation>
    </message>
    <message>
        <source>The Ollama server does not answer</source>
        <translation>Ollama 伺服器沒有回應</translation>
    </message>
    <message>
        <source>Then open &lt;b&gt;Ollama&lt;/b&gt; from the Applications folder.</source>
        <translation>然後從「應用程式」資料夾開啟 &lt;b&gt;Ollama&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>Then start &lt;b&gt;Ollama&lt;/b&gt; from the Start menu; its icon appears next to the clock.</source>
        <translation>然後從「開始」功能表啟動 &lt;b&gt;Ollama&lt;/b&gt;；它的圖示會出現在時鐘旁邊。</translation>
    </message>
    <message>
        <source>Then start it: it usually runs by itself after installing; if not, open a terminal and run &lt;code&gt;ollama serve&lt;/code&gt;.</source>
        <translation>然後啟動它：安裝後通常會自動執行；如果沒有，請開啟終端機並執行 &lt;code&gt;ollama serve&lt;/code&gt;。</translation>
    </message>
    <message>
        <source>This app needs Ollama, a free program that runs the AI models on your computer. If you do not have it yet, download it from &lt;a href=&quot;{url}&quot;&gt;{url}&lt;/a&gt; and install it.</source>
        <translation>這個應用程式需要 Ollama——一個在你的電腦上執行 AI 模型的免費程式。如果還沒有，請從 &lt;a href=&quot;{url}&quot;&gt;{url}&lt;/a&gt; 下載並安裝。</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;About Ollama Desktop</source>
        <translation>關於 Ollama Desktop(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Benchmark models…</source>
        <translation>模型效能測試(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>對話(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Free all memory now</source>
        <translation>立即釋放全部記憶體(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keep models in memory</source>
        <translation>模型保留在記憶體中(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>語言 Language(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Load model now</source>
        <translation>立即載入模型(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Memory</source>
        <translation>記憶體(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Memory in use…</source>
        <translation>使用中的記憶體(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Models…</source>
        <translation>模型管理(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;New chat</source>
        <translation>新對話(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Ollama</source>
        <translation>Ollama(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Refresh models</source>
        <translation>重新整理模型清單(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Stop answer</source>
        <translation>停止回答(&amp;S)</translation>
    </message>
    <message>
        <source>About Ollama Desktop</source>
        <translation>關於 Ollama Desktop</translation>
    </message>
    <message>
        <source>Chat &amp;settings…</source>
        <translation>對話設定(&amp;S)…</translation>
    </message>
    <message>
        <source>Find out which of your models answers fastest on this computer</source>
        <translation>找出你的模型中哪一個在這台電腦上回答最快</translation>
    </message>
    <message>
        <source>Free memory right after each answer</source>
        <translation>每次回答完立即釋放記憶體</translation>
    </message>
    <message>
        <source>Installed models: details, delete, download new ones</source>
        <translation>已安裝的模型：查看詳細資訊、刪除、下載新模型</translation>
    </message>
    <message>
        <source>Keep for 1 hour</source>
        <translation>保留 1 小時</translation>
    </message>
    <message>
        <source>Keep for 5 minutes (Ollama&apos;s default)</source>
        <translation>保留 5 分鐘（Ollama 預設）</translation>
    </message>
    <message>
        <source>Keep loaded until I unload it</source>
        <translation>一直保留，直到我手動卸載</translation>
    </message>
    <message>
        <source>Keep running in the tray when the window is closed</source>
        <translation>關閉視窗後在系統匣中繼續執行</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>韓文</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍後</translation>
    </message>
    <message>
        <source>Load the selected model into memory so the first answer starts at once</source>
        <translation>將選取的模型載入記憶體，讓第一個回答馬上開始</translation>
    </message>
    <message>
        <source>No font for {language} is installed, so its text shows as empty boxes. Install the package {debian} (Debian, Ubuntu) or {fedora} (Fedora), then start Ollama Desktop again.</source>
        <translation>沒有安裝{language}字型，所以文字會顯示成空白方框。請安裝套件 {debian}（Debian、Ubuntu）或 {fedora}（Fedora），然後重新啟動 Ollama Desktop。</translation>
    </message>
    <message>
        <source>Ollama &amp;server…</source>
        <translation>Ollama 伺服器(&amp;S)…</translation>
    </message>
    <message>
        <source>Ollama Desktop will use the new language the next time it starts.</source>
        <translation>Ollama Desktop 下次啟動時會改用新的語言。</translation>
    </message>
    <message>
        <source>Ollama Desktop {version}
A desktop chat app for the Ollama server.</source>
        <translation>Ollama Desktop {version}
與 Ollama 伺服器對話的桌面應用程式。</translation>
    </message>
    <message>
        <source>Remove this server</source>
        <translation>移除這個伺服器</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>立即重新啟動</translation>
    </message>
    <message>
        <source>Simplified Chinese</source>
        <translation>簡體中文</translation>
    </message>
    <message>
        <source>System language ({language})</source>
        <translation>系統語言（{language}）</translation>
    </message>
    <message>
        <source>Traditional Chinese</source>
        <translation>繁體中文</translation>
    </message>
    <message>
        <source>Unload every model now, freeing its GPU and system memory</source>
        <translation>立即卸載所有模型，釋放 GPU 記憶體與系統記憶體</translation>
    </message>
</context>
<context>
    <name>WindowStatusBar</name>
    <message>
        <source>Connecting to {host}…</source>
        <translation>正在連線到 {host}…</translation>
    </message>
    <message>
        <source>○ Ollama is not reachable at {host}. Retrying every few seconds…</source>
        <translation>○ 連不上 {host} 的 Ollama。每隔幾秒會重試一次…</translation>
    </message>
    <message>
        <source>○ {problem} Retrying every few seconds…</source>
        <translation>○ {problem} 每隔幾秒會重試一次…</translation>
    </message>
    <message>
        <source>● Connected: Ollama {version} at {host}</source>
        <translation>● 已連線：Ollama {version}（{host}）</translation>
    </message>
</context>
</TS>
