<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>AttachmentChip</name>
    <message>
        <source>Long document: only its start is sent.</source>
        <translation>문서가 길어서 앞부분만 보냅니다.</translation>
    </message>
    <message>
        <source>Picture sent at {width} × {height} pixels</source>
        <translation>보내는 이미지 크기: {width} × {height} 픽셀</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>읽는 중…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation>{name} 제거</translation>
    </message>
    <message>
        <source>{name}: being read…</source>
        <translation>{name}: 읽는 중…</translation>
    </message>
</context>
<context>
    <name>AttachmentView</name>
    <message>
        <source>only its start was sent</source>
        <translation>앞부분만 보냄</translation>
    </message>
    <message>
        <source>{name} · this picture cannot be shown</source>
        <translation>{name} · 이 이미지를 표시할 수 없습니다</translation>
    </message>
</context>
<context>
    <name>AttachmentWords</name>
    <message numerus="yes">
        <source>%n pages</source>
        <translation>
            <numerusform>%n페이지</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>~%Ln tokens</source>
        <translation>
            <numerusform>토큰 약 %Ln개</numerusform>
        </translation>
    </message>
    <message>
        <source>“{name}” cannot be attached: the app takes pictures (PNG, JPEG, WebP, GIF), PDF, Word documents and text files.</source>
        <translation>“{name}”은(는) 첨부할 수 없습니다. 이미지(PNG, JPEG, WebP, GIF), PDF, Word 문서, 텍스트 파일만 첨부할 수 있습니다.</translation>
    </message>
    <message>
        <source>“{name}” could not be read: check that the app may open it.</source>
        <translation>“{name}”을(를) 읽을 수 없습니다. 이 앱이 파일을 열 수 있는 권한이 있는지 확인하세요.</translation>
    </message>
    <message>
        <source>“{name}” could not be read: the file seems damaged.</source>
        <translation>“{name}”을(를) 읽을 수 없습니다. 파일이 손상된 것 같습니다.</translation>
    </message>
    <message>
        <source>“{name}” has no text to read: it looks like a scan. Attach its pages as pictures, or a copy with text (most scanners can make one).</source>
        <translation>“{name}”에는 읽을 수 있는 텍스트가 없습니다. 스캔한 파일 같습니다. 페이지를 이미지로 첨부하거나 텍스트가 있는 사본을 첨부하세요(대부분의 스캐너가 만들 수 있습니다).</translation>
    </message>
    <message>
        <source>“{name}” is a folder, not a file: attach the files in it instead.</source>
        <translation>“{name}”은(는) 파일이 아니라 폴더입니다. 폴더 안의 파일을 첨부하세요.</translation>
    </message>
    <message>
        <source>“{name}” is empty: there is nothing in it to send.</source>
        <translation>“{name}”은(는) 비어 있어 보낼 내용이 없습니다.</translation>
    </message>
    <message>
        <source>“{name}” is no longer there: it was moved or deleted before it could be read.</source>
        <translation>“{name}”이(가) 더 이상 없습니다. 읽기 전에 옮겨졌거나 삭제되었습니다.</translation>
    </message>
    <message>
        <source>“{name}” is protected by a password: save a copy without one and attach that.</source>
        <translation>“{name}”은(는) 암호로 보호되어 있습니다. 암호 없는 사본을 저장해서 첨부하세요.</translation>
    </message>
    <message>
        <source>“{name}” is too large to attach ({size}; at most {limit}).</source>
        <translation>“{name}”은(는) 너무 커서 첨부할 수 없습니다({size}, 최대 {limit}).</translation>
    </message>
</context>
<context>
    <name>AttachmentsPane</name>
    <message>
        <source>All files (*)</source>
        <translation>모든 파일 (*)</translation>
    </message>
    <message numerus="yes">
        <source>At most {limit} files go with one question: %n more were left out.</source>
        <translation>
            <numerusform>질문 하나에 파일은 최대 {limit}개까지 첨부할 수 있습니다. %n개는 빠졌습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>파일 첨부</translation>
    </message>
    <message>
        <source>Now using {model}: press Send.</source>
        <translation>이제 {model}을(를) 사용합니다. 보내기를 누르세요.</translation>
    </message>
    <message>
        <source>Open Models</source>
        <translation>모델 관리 열기</translation>
    </message>
    <message>
        <source>Pasted picture</source>
        <translation>붙여 넣은 이미지</translation>
    </message>
    <message>
        <source>Pasted picture {number}</source>
        <translation>붙여 넣은 이미지 {number}</translation>
    </message>
    <message>
        <source>Pictures ({patterns})</source>
        <translation>이미지 ({patterns})</translation>
    </message>
    <message>
        <source>Pictures and documents ({patterns})</source>
        <translation>이미지 및 문서 ({patterns})</translation>
    </message>
    <message>
        <source>Still reading {name}…</source>
        <translation>아직 {name}을(를) 읽는 중입니다…</translation>
    </message>
    <message>
        <source>Switch to {model}</source>
        <translation>{model}(으)로 바꾸기</translation>
    </message>
    <message>
        <source>That is a web address, not a file on this computer: download it first, then drop the saved file.</source>
        <translation>이것은 웹 주소이지 이 컴퓨터의 파일이 아닙니다. 먼저 다운로드한 뒤, 저장된 파일을 끌어다 놓으세요.</translation>
    </message>
    <message>
        <source>{model} cannot see pictures, and none of the models installed here can. Download one that can (its description says “vision”), or remove the pictures.</source>
        <translation>{model}은(는) 이미지를 볼 수 없고, 여기에 설치된 모델 중에도 볼 수 있는 모델이 없습니다. 이미지를 볼 수 있는 모델(설명에 “vision”이 있는 모델)을 다운로드하거나 이미지를 제거하세요.</translation>
    </message>
    <message>
        <source>{model} cannot see pictures. {other} can:</source>
        <translation>{model}은(는) 이미지를 볼 수 없습니다. {other}은(는) 볼 수 있습니다:</translation>
    </message>
    <message>
        <source>{model} is no longer installed.</source>
        <translation>{model}이(가) 더 이상 설치되어 있지 않습니다.</translation>
    </message>
</context>
<context>
    <name>Availability</name>
    <message>
        <source>Choose a model first.</source>
        <translation>먼저 모델을 선택하세요.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>연결하는 중…</translation>
    </message>
    <message>
        <source>No model is installed yet: download one first (Models).</source>
        <translation>아직 설치된 모델이 없습니다. 먼저 [모델 관리]에서 모델을 다운로드하세요.</translation>
    </message>
    <message>
        <source>No models installed</source>
        <translation>설치된 모델 없음</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>연결되지 않음</translation>
    </message>
    <message>
        <source>Ollama at {host} cannot be reached.</source>
        <translation>{host}의 Ollama에 연결할 수 없습니다.</translation>
    </message>
    <message>
        <source>Ollama is not running on this computer.</source>
        <translation>이 컴퓨터에서 Ollama가 실행되고 있지 않습니다.</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>보내기 (Enter)</translation>
    </message>
    <message>
        <source>Still connecting to Ollama at {host}…</source>
        <translation>{host}의 Ollama에 아직 연결하는 중…</translation>
    </message>
    <message>
        <source>The server at {host} does not answer as Ollama does.</source>
        <translation>{host}의 서버가 Ollama처럼 응답하지 않습니다.</translation>
    </message>
    <message>
        <source>{reason} Your question stays here: send it once Ollama answers.</source>
        <translation>{reason} 질문은 여기에 그대로 남아 있습니다. Ollama가 응답하면 보내세요.</translation>
    </message>
</context>
<context>
    <name>BaselinePicker</name>
    <message>
        <source>cold</source>
        <translation>콜드</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>비교 안 함</translation>
    </message>
    <message>
        <source>warm</source>
        <translation>웜</translation>
    </message>
    <message numerus="yes">
        <source>{when} · %n models · {mode}</source>
        <translation>
            <numerusform>{when} · 모델 %n개 · {mode}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BenchmarkDialog</name>
    <message>
        <source>A readable report with tables, to keep or to share.</source>
        <translation>표가 들어 있는 읽기 쉬운 보고서로, 보관하거나 공유할 수 있습니다.</translation>
    </message>
    <message>
        <source>Benchmark: which model is fastest on this computer</source>
        <translation>벤치마크: 이 컴퓨터에서 가장 빠른 모델 찾기</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Compare with:</source>
        <translation>비교 대상:</translation>
    </message>
    <message>
        <source>Could not save {path}: {reason}</source>
        <translation>{path}을(를) 저장하지 못했습니다: {reason}</translation>
    </message>
    <message>
        <source>Every run with every figure, for a spreadsheet.</source>
        <translation>모든 실행의 모든 수치를 스프레드시트용으로 저장합니다.</translation>
    </message>
    <message>
        <source>Find out which of your models answers fastest on this computer. Each chosen model answers each chosen question several times; the speeds are Ollama&apos;s own measurements. Other programs running meanwhile can slow the models down.</source>
        <translation>내 모델 중 이 컴퓨터에서 가장 빠르게 답하는 모델을 찾습니다. 선택한 모델마다 선택한 질문에 여러 번 답하며, 속도는 Ollama가 직접 잰 값입니다. 그동안 다른 프로그램이 실행 중이면 모델이 느려질 수 있습니다.</translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation>Markdown 파일 (*.md)</translation>
    </message>
    <message>
        <source>Run benchmark</source>
        <translation>벤치마크 실행</translation>
    </message>
    <message>
        <source>Save as CSV</source>
        <translation>CSV로 저장</translation>
    </message>
    <message>
        <source>Save as CSV…</source>
        <translation>CSV로 저장…</translation>
    </message>
    <message>
        <source>Save as Markdown</source>
        <translation>Markdown으로 저장</translation>
    </message>
    <message>
        <source>Save as Markdown…</source>
        <translation>Markdown으로 저장…</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>{path}에 저장했습니다.</translation>
    </message>
    <message>
        <source>Stop now. The runs that have finished are kept.</source>
        <translation>지금 중지합니다. 이미 끝난 실행 결과는 남겨 둡니다.</translation>
    </message>
    <message>
        <source>The results could not be kept for later comparison: {reason}</source>
        <translation>나중에 비교할 수 있도록 결과를 보관하지 못했습니다: {reason}</translation>
    </message>
</context>
<context>
    <name>BenchmarkProgress</name>
    <message numerus="yes">
        <source>%n of them failed; the table says why.</source>
        <translation>
            <numerusform>그중 %n회는 실패했습니다. 이유는 표에 나와 있습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>%v of %m runs done</source>
        <translation>%m회 중 %v회 완료</translation>
    </message>
    <message numerus="yes">
        <source>Finished: %n runs.</source>
        <translation>
            <numerusform>완료: 모두 %n회 실행했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Freeing the memory used by {model}…</source>
        <translation>{model}이(가) 쓰던 메모리를 비우는 중…</translation>
    </message>
    <message>
        <source>Getting ready: asking Ollama for its version…</source>
        <translation>준비 중: Ollama 버전을 확인하는 중…</translation>
    </message>
    <message>
        <source>Loading again the models that were in memory before…</source>
        <translation>이전에 메모리에 있던 모델을 다시 로드하는 중…</translation>
    </message>
    <message>
        <source>Loading {model} into memory…</source>
        <translation>{model}을(를) 메모리에 로드하는 중…</translation>
    </message>
    <message>
        <source>Model {model} of {models} · run {run} of {runs} · question {prompt} of {prompts}</source>
        <translation>모델 {model}/{models} · 실행 {run}/{runs} · 질문 {prompt}/{prompts}</translation>
    </message>
    <message numerus="yes">
        <source>Stopped. The %n finished runs are kept.</source>
        <translation>
            <numerusform>중지했습니다. 완료된 %n회 실행 결과는 남겨 둡니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>The benchmark stopped because of an unexpected problem. The finished runs are kept.</source>
        <translation>예기치 않은 문제로 벤치마크가 멈췄습니다. 완료된 실행 결과는 남겨 둡니다.</translation>
    </message>
    <message>
        <source>{model} is answering the question “{question}”…</source>
        <translation>{model}이(가) “{question}” 질문에 답하는 중…</translation>
    </message>
</context>
<context>
    <name>BenchmarkResults</name>
    <message>
        <source>Change</source>
        <translation>변화</translation>
    </message>
    <message>
        <source>Earlier
(tokens/s)</source>
        <translation>이전
(토큰/초)</translation>
    </message>
    <message>
        <source>Earlier ({when})</source>
        <translation>이전 ({when})</translation>
    </message>
    <message>
        <source>Every run</source>
        <translation>모든 실행</translation>
    </message>
    <message>
        <source>No model fitted fully in the graphics card&apos;s memory, so all of them ran partly or only on the processor. The fastest was &lt;b&gt;{model}&lt;/b&gt; ({rate} tokens/s).</source>
        <translation>그래픽 카드 메모리에 완전히 들어가는 모델이 없어, 모두 일부 또는 전부를 프로세서에서 실행했습니다. 가장 빠른 모델은 &lt;b&gt;{model}&lt;/b&gt;({rate} 토큰/초)입니다.</translation>
    </message>
    <message>
        <source>Per model</source>
        <translation>모델별</translation>
    </message>
    <message>
        <source>Showing the benchmark of {when}.</source>
        <translation>{when}의 벤치마크를 보여 줍니다.</translation>
    </message>
    <message>
        <source>Suggested: &lt;b&gt;{model}&lt;/b&gt;, the fastest model that fits fully in the graphics card&apos;s memory ({rate} tokens/s).</source>
        <translation>추천: &lt;b&gt;{model}&lt;/b&gt; — 그래픽 카드 메모리에 완전히 들어가는 모델 중 가장 빠릅니다({rate} 토큰/초).</translation>
    </message>
    <message>
        <source>This benchmark</source>
        <translation>이번 벤치마크</translation>
    </message>
    <message>
        <source>This benchmark ({when})</source>
        <translation>이번 벤치마크 ({when})</translation>
    </message>
    <message>
        <source>about the same</source>
        <translation>비슷함</translation>
    </message>
    <message>
        <source>{percent} % faster</source>
        <translation>{percent}% 빠름</translation>
    </message>
    <message>
        <source>{percent} % slower</source>
        <translation>{percent}% 느림</translation>
    </message>
</context>
<context>
    <name>BenchmarkSetup</name>
    <message numerus="yes">
        <source>%n runs in all.</source>
        <translation>
            <numerusform>모두 %n회 실행합니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cold: unload before every run</source>
        <translation>콜드: 매번 실행 전에 언로드</translation>
    </message>
    <message>
        <source>Each model is loaded once before its runs; that load is not counted as a run.</source>
        <translation>각 모델을 실행 전에 한 번 로드합니다. 이 로드는 실행 횟수에 들어가지 않습니다.</translation>
    </message>
    <message>
        <source>Each run loads its model first, so it takes longer.</source>
        <translation>실행할 때마다 모델을 먼저 로드하므로 시간이 더 걸립니다.</translation>
    </message>
    <message>
        <source>How</source>
        <translation>방식</translation>
    </message>
    <message>
        <source>Models to test</source>
        <translation>테스트할 모델</translation>
    </message>
    <message>
        <source>No model is chosen in the main window, so none is ticked: tick the models to test.</source>
        <translation>기본 창에서 선택한 모델이 없어 아무것도 체크되어 있지 않습니다. 테스트할 모델을 체크하세요.</translation>
    </message>
    <message>
        <source>No models are installed yet, so there is nothing to test.</source>
        <translation>아직 설치된 모델이 없어 테스트할 것이 없습니다.</translation>
    </message>
    <message>
        <source>Questions to ask</source>
        <translation>물어볼 질문</translation>
    </message>
    <message>
        <source>Runs per model and question:</source>
        <translation>모델·질문별 실행 횟수:</translation>
    </message>
    <message>
        <source>The model is loaded before its first run and stays loaded: only answering is measured.</source>
        <translation>첫 실행 전에 모델을 로드해 두고 그대로 유지합니다. 답변 속도만 측정합니다.</translation>
    </message>
    <message>
        <source>The model is taken out of memory before every run, so each run also measures how long loading takes. Slower.</source>
        <translation>매번 실행 전에 모델을 메모리에서 내리므로 로드에 걸리는 시간도 함께 측정합니다. 더 느립니다.</translation>
    </message>
    <message>
        <source>Tick at least one model to test.</source>
        <translation>테스트할 모델을 하나 이상 체크하세요.</translation>
    </message>
    <message>
        <source>Tick at least one question, or type your own.</source>
        <translation>질문을 하나 이상 체크하거나 직접 입력하세요.</translation>
    </message>
    <message>
        <source>Type a question to ask every model</source>
        <translation>모든 모델에게 물어볼 질문을 입력하세요</translation>
    </message>
    <message>
        <source>Warm: load each model once first</source>
        <translation>웜: 각 모델을 먼저 한 번 로드</translation>
    </message>
    <message>
        <source>Your own:</source>
        <translation>직접 입력:</translation>
    </message>
</context>
<context>
    <name>BenchmarkTexts</name>
    <message>
        <source>Answer
tokens</source>
        <translation>답변
토큰 수</translation>
    </message>
    <message>
        <source>CPU {gb} GB</source>
        <translation>CPU {gb} GB</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>중국어</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>코드</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>종료 이유</translation>
    </message>
    <message>
        <source>Every run</source>
        <translation>모든 실행</translation>
    </message>
    <message>
        <source>Every run started cold: the model was unloaded first, so loading time is included.</source>
        <translation>모든 실행을 콜드 스타트로 했습니다. 먼저 모델을 언로드했으므로 로드 시간이 포함됩니다.</translation>
    </message>
    <message>
        <source>Every run started warm: the model was loaded before its first run.</source>
        <translation>모든 실행을 웜 스타트로 했습니다. 첫 실행 전에 모델을 로드해 두었습니다.</translation>
    </message>
    <message>
        <source>First word
after (s)</source>
        <translation>첫 단어까지
(초)</translation>
    </message>
    <message>
        <source>GPU {gb} GB</source>
        <translation>GPU {gb} GB</translation>
    </message>
    <message>
        <source>GPU {gpu} GB + RAM {ram} GB</source>
        <translation>GPU {gpu} GB + RAM {ram} GB</translation>
    </message>
    <message>
        <source>Graphics card: not found</source>
        <translation>그래픽 카드: 찾지 못함</translation>
    </message>
    <message>
        <source>Graphics card: {gpu}</source>
        <translation>그래픽 카드: {gpu}</translation>
    </message>
    <message>
        <source>How fast the answer was written, in tokens (pieces of words) per second, as Ollama measured it. Higher is better.</source>
        <translation>답변을 쓰는 속도로, Ollama가 잰 초당 토큰(단어 조각) 수입니다. 높을수록 좋습니다.</translation>
    </message>
    <message>
        <source>How fast the model read the question, in tokens per second.</source>
        <translation>모델이 질문을 읽는 속도(초당 토큰 수)입니다.</translation>
    </message>
    <message>
        <source>How long Ollama took to load the model into memory.</source>
        <translation>Ollama가 모델을 메모리에 로드하는 데 걸린 시간입니다.</translation>
    </message>
    <message>
        <source>How long it took, from asking, until the first word of the answer arrived.</source>
        <translation>질문한 뒤 답변의 첫 단어가 나오기까지 걸린 시간입니다.</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>Loading
(s)</source>
        <translation>로드
(초)</translation>
    </message>
    <message>
        <source>Long answer</source>
        <translation>긴 답변</translation>
    </message>
    <message>
        <source>Median speed
(tokens/s)</source>
        <translation>속도 중앙값
(토큰/초)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>No model fitted fully in the graphics card&apos;s memory. The fastest was **{model}** ({rate} tokens/s).</source>
        <translation>그래픽 카드 메모리에 완전히 들어가는 모델이 없었습니다. 가장 빠른 모델은 **{model}**({rate} 토큰/초)입니다.</translation>
    </message>
    <message>
        <source>Ollama Desktop {version}</source>
        <translation>Ollama Desktop {version}</translation>
    </message>
    <message>
        <source>Ollama benchmark, {date}</source>
        <translation>Ollama 벤치마크, {date}</translation>
    </message>
    <message>
        <source>Ollama {version} at {host}</source>
        <translation>Ollama {version} ({host})</translation>
    </message>
    <message>
        <source>Per model</source>
        <translation>모델별</translation>
    </message>
    <message>
        <source>Per model and question</source>
        <translation>모델·질문별</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>문제</translation>
    </message>
    <message>
        <source>Processor: {cpu}</source>
        <translation>프로세서: {cpu}</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>질문</translation>
    </message>
    <message>
        <source>Question
tokens</source>
        <translation>질문
토큰 수</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>질문</translation>
    </message>
    <message>
        <source>Reading speed
(tokens/s)</source>
        <translation>읽기 속도
(토큰/초)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>회차</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>실행 횟수</translation>
    </message>
    <message>
        <source>Short question</source>
        <translation>짧은 질문</translation>
    </message>
    <message>
        <source>Slowest–
fastest</source>
        <translation>최저–
최고</translation>
    </message>
    <message>
        <source>Speed
(tokens/s)</source>
        <translation>속도
(토큰/초)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작 방식</translation>
    </message>
    <message>
        <source>Stopped before the end: only the finished runs are included.</source>
        <translation>끝나기 전에 중지했습니다. 완료된 실행만 포함합니다.</translation>
    </message>
    <message>
        <source>Suggested: **{model}**, the fastest model that fits fully in the graphics card&apos;s memory ({rate} tokens/s).</source>
        <translation>추천: **{model}** — 그래픽 카드 메모리에 완전히 들어가는 모델 중 가장 빠릅니다({rate} 토큰/초).</translation>
    </message>
    <message>
        <source>System: {os}</source>
        <translation>시스템: {os}</translation>
    </message>
    <message>
        <source>The middle value of the runs&apos; speeds, so one unusually slow or fast run does not decide. Higher is better.</source>
        <translation>여러 번 실행한 속도의 가운데 값이므로, 유난히 느리거나 빠른 한 번의 실행이 결과를 좌우하지 않습니다. 높을수록 좋습니다.</translation>
    </message>
    <message>
        <source>The slowest and the fastest run. A wide range means the speed varied.</source>
        <translation>가장 느린 실행과 가장 빠른 실행입니다. 범위가 넓을수록 속도가 들쭉날쭉했다는 뜻입니다.</translation>
    </message>
    <message>
        <source>Total
(s)</source>
        <translation>전체
(초)</translation>
    </message>
    <message>
        <source>Where it ran</source>
        <translation>실행 위치</translation>
    </message>
    <message>
        <source>Where the model sat while answering: fully in the graphics card&apos;s memory (GPU, fastest), split between the graphics card and the computer&apos;s memory, or only in the computer&apos;s memory (CPU, slowest).</source>
        <translation>답변하는 동안 모델이 있던 곳: 그래픽 카드 메모리에 전부(GPU, 가장 빠름), 그래픽 카드와 컴퓨터 메모리에 나뉘어, 또는 컴퓨터 메모리에만(CPU, 가장 느림).</translation>
    </message>
    <message>
        <source>Your own question</source>
        <translation>직접 입력한 질문</translation>
    </message>
    <message>
        <source>at the length limit</source>
        <translation>길이 제한 도달</translation>
    </message>
    <message>
        <source>cold</source>
        <translation>콜드</translation>
    </message>
    <message>
        <source>cold starts</source>
        <translation>콜드 스타트</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>정상 완료</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>version unknown</source>
        <translation>버전 알 수 없음</translation>
    </message>
    <message>
        <source>warm</source>
        <translation>웜</translation>
    </message>
    <message>
        <source>warm starts</source>
        <translation>웜 스타트</translation>
    </message>
    <message>
        <source>{ok} of {total}</source>
        <translation>{total}회 중 {ok}회</translation>
    </message>
    <message>
        <source>{runs} runs per model and question.</source>
        <translation>모델·질문마다 {runs}회 실행했습니다.</translation>
    </message>
</context>
<context>
    <name>ChatOptionsDialog</name>
    <message>
        <source>Chat settings</source>
        <translation>대화 설정</translation>
    </message>
    <message>
        <source>Context size (tokens):</source>
        <translation>컨텍스트 길이(토큰):</translation>
    </message>
    <message>
        <source>For example: Answer briefly, in Traditional Chinese.</source>
        <translation>예: 한국어로 짧게 답해 줘.</translation>
    </message>
    <message>
        <source>For reasoning models such as DeepSeek-R1 or Qwen 3.</source>
        <translation>DeepSeek-R1, Qwen 3 같은 추론 모델에 쓰입니다.</translation>
    </message>
    <message>
        <source>High: think longer</source>
        <translation>높음: 더 오래 생각</translation>
    </message>
    <message>
        <source>Longest answer (tokens):</source>
        <translation>최대 답변 길이(토큰):</translation>
    </message>
    <message>
        <source>Low: think briefly</source>
        <translation>낮음: 짧게 생각</translation>
    </message>
    <message>
        <source>Max: think as long as it takes</source>
        <translation>최대: 필요한 만큼 생각</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>보통</translation>
    </message>
    <message>
        <source>Model default</source>
        <translation>모델 기본값</translation>
    </message>
    <message>
        <source>Off: answer directly (faster)</source>
        <translation>끄기: 바로 답변(더 빠름)</translation>
    </message>
    <message>
        <source>On: think first, show the reasoning</source>
        <translation>켜기: 먼저 생각하고 추론 과정 표시</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>무작위</translation>
    </message>
    <message>
        <source>Seed (same seed, same answer):</source>
        <translation>시드(시드가 같으면 같은 답변):</translation>
    </message>
    <message>
        <source>System prompt:</source>
        <translation>시스템 프롬프트:</translation>
    </message>
    <message>
        <source>Temperature (creativity):</source>
        <translation>온도(창의성):</translation>
    </message>
    <message>
        <source>Thinking (reasoning models):</source>
        <translation>생각하기(추론 모델):</translation>
    </message>
    <message>
        <source>This model cannot think before answering.</source>
        <translation>이 모델은 답하기 전에 생각하는 기능이 없습니다.</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Answer</source>
        <translation>답변</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>복사됨</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Details: {details}</source>
        <translation>자세한 내용: {details}</translation>
    </message>
    <message>
        <source>Show or hide how the model reasoned</source>
        <translation>모델의 추론 과정 보기/숨기기</translation>
    </message>
    <message>
        <source>Show the end of the conversation and follow the answer</source>
        <translation>대화의 끝으로 가서 답변을 따라갑니다</translation>
    </message>
    <message>
        <source>The beginning of this long answer ({size}) is not shown here, to keep the app responsive. Copy the answer or export the chat to read all of it.</source>
        <translation>이 답변은 길어서({size}) 앱이 느려지지 않도록 앞부분을 여기에 표시하지 않습니다. 전체를 읽으려면 답변을 복사하거나 대화를 내보내세요.</translation>
    </message>
    <message>
        <source>The beginning of this long reasoning ({size}) is not shown here, to keep the app responsive.</source>
        <translation>이 추론 과정은 길어서({size}) 앱이 느려지지 않도록 앞부분을 여기에 표시하지 않습니다.</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>생각 과정</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>생각하는 중…</translation>
    </message>
    <message>
        <source>Thought for {seconds:.0f} s</source>
        <translation>{seconds:.0f}초 동안 생각함</translation>
    </message>
    <message>
        <source>You</source>
        <translation>나</translation>
    </message>
    <message>
        <source>Your conversation appears here.</source>
        <translation>대화 내용이 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>↓ Jump to latest</source>
        <translation>↓ 최신 내용으로</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Attach files</source>
        <translation>파일 첨부</translation>
    </message>
    <message>
        <source>Attach pictures or documents (or drop or paste them here)</source>
        <translation>이미지나 문서 첨부 (여기에 끌어다 놓거나 붙여 넣어도 됩니다)</translation>
    </message>
</context>
<context>
    <name>ContextController</name>
    <message>
        <source>Summarize our conversation so far for a new chat that continues it: the subject, the facts and decisions, what is still open. Write only the summary.</source>
        <translation>이 대화를 이어 갈 새 대화를 위해 지금까지의 대화를 요약해 주세요: 주제, 사실과 결정, 아직 남은 일. 요약만 쓰세요.</translation>
    </message>
    <message>
        <source>This chat continues an earlier one. Its summary:</source>
        <translation>이 대화는 이전 대화를 이어 갑니다. 그 요약:</translation>
    </message>
</context>
<context>
    <name>ContextGauge</name>
    <message>
        <source>Estimated until the model answers.</source>
        <translation>모델이 답하기 전까지는 추정치입니다.</translation>
    </message>
    <message>
        <source>Ollama&apos;s usual default; the server may give more</source>
        <translation>Ollama의 일반 기본값이며, 서버가 더 줄 수도 있습니다</translation>
    </message>
    <message>
        <source>The next question would make the model forget the start of the chat.</source>
        <translation>다음 질문을 보내면 모델이 대화의 앞부분을 잊게 됩니다.</translation>
    </message>
    <message>
        <source>This chat fills {used} of the {size} tokens the model keeps in mind ({source}).</source>
        <translation>이 대화는 모델이 기억하는 토큰 {size}개 중 {used}개를 차지합니다 ({source}).</translation>
    </message>
    <message>
        <source>What you typed adds about {typed}.</source>
        <translation>입력한 내용이 약 {typed}개를 더합니다.</translation>
    </message>
    <message>
        <source>as the model is loaded now</source>
        <translation>현재 모델이 불러와진 크기</translation>
    </message>
    <message>
        <source>the cloud model&apos;s own maximum</source>
        <translation>클라우드 모델 자체의 최대치</translation>
    </message>
    <message>
        <source>the size set in this chat&apos;s options</source>
        <translation>이 대화의 설정에 정한 크기</translation>
    </message>
    <message>
        <source>{used} / {size} tokens</source>
        <translation>{used} / {size} 토큰</translation>
    </message>
</context>
<context>
    <name>ContextPane</name>
    <message>
        <source>A new chat starts from the summary.</source>
        <translation>새 대화가 요약에서 시작합니다.</translation>
    </message>
    <message>
        <source>Give this chat a larger memory ({size} tokens)</source>
        <translation>이 대화의 기억을 늘리기 (토큰 {size}개)</translation>
    </message>
    <message>
        <source>No summary could be written: {reason}</source>
        <translation>요약을 쓰지 못했습니다: {reason}</translation>
    </message>
    <message>
        <source>Start a new chat from a summary</source>
        <translation>요약으로 새 대화 시작</translation>
    </message>
    <message>
        <source>The model is writing a summary of this chat…</source>
        <translation>모델이 이 대화의 요약을 쓰는 중…</translation>
    </message>
    <message numerus="yes">
        <source>The model no longer sees your first %n messages: this chat is longer than its {size}-token memory.</source>
        <translation>
            <numerusform>모델이 처음 메시지 %n개를 더 이상 보지 못합니다: 이 대화가 모델의 {size}토큰 기억보다 깁니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>The model now takes {memory} of memory ({before} before).</source>
        <translation>모델이 이제 메모리 {memory}를 차지합니다 (이전 {before}).</translation>
    </message>
    <message>
        <source>The model now takes {memory} of memory.</source>
        <translation>모델이 이제 메모리 {memory}를 차지합니다.</translation>
    </message>
    <message>
        <source>This chat continues the previous one from the model&apos;s summary of it, which is in this chat&apos;s system prompt (Chat options).</source>
        <translation>이 대화는 이전 대화에 대한 모델의 요약으로 이어지며, 요약은 이 대화의 시스템 프롬프트(대화 설정)에 있습니다.</translation>
    </message>
    <message>
        <source>This chat now has a memory of {size} tokens.</source>
        <translation>이 대화는 이제 토큰 {size}개를 기억합니다.</translation>
    </message>
    <message>
        <source>This model has no larger memory to give this chat.</source>
        <translation>이 모델은 이 대화에 더 큰 기억을 줄 수 없습니다.</translation>
    </message>
    <message>
        <source>This question may not fit: the model would forget the start of the chat. Send anyway? Press Send again.</source>
        <translation>이 질문은 들어가지 않을 수 있습니다: 모델이 대화의 앞부분을 잊게 됩니다. 그래도 보낼까요? 보내기를 한 번 더 누르세요.</translation>
    </message>
    <message>
        <source>Wait for the answer to end, then try again.</source>
        <translation>답변이 끝난 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>the model wrote nothing</source>
        <translation>모델이 아무것도 쓰지 않았습니다</translation>
    </message>
    <message>
        <source>▲ The model&apos;s memory begins here</source>
        <translation>▲ 모델의 기억은 여기서 시작합니다</translation>
    </message>
</context>
<context>
    <name>EditQuestionDialog</name>
    <message>
        <source>Edit a question</source>
        <translation>질문 수정</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>질문:</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <source>The answer to this question, and everything after it, is replaced by the new answer.</source>
        <translation>이 질문의 답변과 그 뒤의 모든 내용이 새 답변으로 바뀝니다.</translation>
    </message>
    <message>
        <source>The answer to this question, and everything after it, is replaced by the new answer. The earlier version is kept: the arrows under the chat switch back to it.</source>
        <translation>이 질문의 답변과 그 뒤의 모든 내용이 새 답변으로 바뀝니다. 이전 버전은 남아 있어서 대화 아래의 화살표로 다시 볼 수 있습니다.</translation>
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
        <translation>어시스턴트</translation>
    </message>
    <message>
        <source>Attached</source>
        <translation>첨부 파일</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>옵션</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>추론 과정</translation>
    </message>
    <message>
        <source>Stopped before the end.</source>
        <translation>끝나기 전에 중지했습니다.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>중지했습니다.</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>시스템 프롬프트</translation>
    </message>
    <message>
        <source>The answer failed before it was finished.</source>
        <translation>답변이 끝나기 전에 실패했습니다.</translation>
    </message>
    <message>
        <source>The answer failed before the end.</source>
        <translation>답변이 끝까지 가지 못하고 실패했습니다.</translation>
    </message>
    <message>
        <source>The app was closed before this answer was finished.</source>
        <translation>이 답변이 끝나기 전에 앱이 닫혔습니다.</translation>
    </message>
    <message>
        <source>The chat history cannot be used right now, so the chat could not be added.</source>
        <translation>지금은 대화 기록을 쓸 수 없어서 대화를 추가하지 못했습니다.</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>파일을 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>The file could not be saved.</source>
        <translation>파일을 저장할 수 없습니다.</translation>
    </message>
    <message>
        <source>The file or its folder does not exist.</source>
        <translation>파일이나 폴더가 없습니다.</translation>
    </message>
    <message>
        <source>This file is not a chat saved by Ollama Desktop (choose a .json file made with Export).</source>
        <translation>Ollama Desktop에서 저장한 대화 파일이 아닙니다(내보내기로 만든 .json 파일을 선택하세요).</translation>
    </message>
    <message>
        <source>This file is not a chat saved by Ollama Desktop (it is not text).</source>
        <translation>Ollama Desktop에서 저장한 대화 파일이 아닙니다(텍스트 파일이 아닙니다).</translation>
    </message>
    <message>
        <source>Word document</source>
        <translation>Word 문서</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>어제</translation>
    </message>
    <message>
        <source>You</source>
        <translation>나</translation>
    </message>
    <message>
        <source>You are not allowed to read this file.</source>
        <translation>이 파일을 읽을 권한이 없습니다.</translation>
    </message>
    <message>
        <source>You are not allowed to save in this folder. Choose another one, such as Documents.</source>
        <translation>이 폴더에 저장할 권한이 없습니다. 문서 폴더 같은 다른 폴더를 선택하세요.</translation>
    </message>
    <message>
        <source>Your chat history was saved by a newer version of Ollama Desktop, so this version leaves it alone. You can keep chatting, but new messages are not kept. Update the app to see and keep your chats.</source>
        <translation>대화 기록이 더 새로운 버전의 Ollama Desktop으로 저장되어 있어서 이 버전은 기록을 건드리지 않습니다. 대화는 계속할 수 있지만 새 메시지는 저장되지 않습니다. 대화를 보고 저장하려면 앱을 업데이트하세요.</translation>
    </message>
    <message>
        <source>Your chats cannot be saved right now: the chat history is in use by another program (perhaps Ollama Desktop is open twice). You can keep chatting; press Try again once the other program is closed, and this chat will be saved.</source>
        <translation>지금은 대화를 저장할 수 없습니다. 다른 프로그램이 대화 기록을 쓰고 있습니다(Ollama Desktop이 두 개 열려 있을 수 있습니다). 대화는 계속할 수 있으며, 다른 프로그램을 닫은 뒤 [다시 시도]를 누르면 이 대화가 저장됩니다.</translation>
    </message>
    <message>
        <source>Your chats cannot be saved: the app cannot write in its folder {folder}. You can keep chatting, but new messages are not kept after you close the app. Press Try again once the folder can be written.</source>
        <translation>대화를 저장할 수 없습니다. 앱이 자기 폴더 {folder}에 쓸 수 없습니다. 대화는 계속할 수 있지만 앱을 닫으면 새 메시지는 남지 않습니다. 폴더에 쓸 수 있게 되면 [다시 시도]를 누르세요.</translation>
    </message>
    <message>
        <source>Your chats cannot be saved: the chat history could not be opened. You can keep chatting, but new messages are not kept after you close the app. Press Try again to retry.</source>
        <translation>대화를 저장할 수 없습니다. 대화 기록을 열지 못했습니다. 대화는 계속할 수 있지만 앱을 닫으면 새 메시지는 남지 않습니다. [다시 시도]를 눌러 다시 해 보세요.</translation>
    </message>
    <message>
        <source>Your chats cannot be saved: the chat history file can only be read, not changed. Your saved chats still show, and you can keep chatting, but new messages are not kept after you close the app.</source>
        <translation>대화를 저장할 수 없습니다. 대화 기록 파일을 읽을 수만 있고 바꿀 수는 없습니다. 저장된 대화는 그대로 보이고 대화도 계속할 수 있지만, 앱을 닫으면 새 메시지는 남지 않습니다.</translation>
    </message>
    <message>
        <source>Your chats cannot be saved: the chat history file is damaged. You can keep chatting, but new messages are not kept after you close the app.</source>
        <translation>대화를 저장할 수 없습니다. 대화 기록 파일이 손상되었습니다. 대화는 계속할 수 있지만 앱을 닫으면 새 메시지는 남지 않습니다.</translation>
    </message>
    <message>
        <source>Your chats cannot be saved: the disk is full. You can keep chatting; free some space, then press Try again, and this chat will be saved.</source>
        <translation>대화를 저장할 수 없습니다. 디스크가 가득 찼습니다. 대화는 계속할 수 있으며, 공간을 비운 뒤 [다시 시도]를 누르면 이 대화가 저장됩니다.</translation>
    </message>
    <message>
        <source>Your saved chats are busy in another program; try again in a moment.</source>
        <translation>다른 프로그램이 저장된 대화를 쓰고 있습니다. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Your saved chats could not be read because the chat history file was damaged. It was kept as “{name}” in {folder}, and a new, empty history was started.</source>
        <translation>대화 기록 파일이 손상되어 저장된 대화를 읽을 수 없었습니다. 손상된 파일은 {folder}에 “{name}”(으)로 보관했고, 비어 있는 새 기록을 시작했습니다.</translation>
    </message>
    <message>
        <source>Your saved chats could not be read just now.</source>
        <translation>지금은 저장된 대화를 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>code</source>
        <translation>코드</translation>
    </message>
    <message>
        <source>only the start</source>
        <translation>앞부분만</translation>
    </message>
    <message>
        <source>picture</source>
        <translation>이미지</translation>
    </message>
    <message>
        <source>text</source>
        <translation>텍스트</translation>
    </message>
</context>
<context>
    <name>HistoryPane</name>
    <message>
        <source>&amp;Edit a question…</source>
        <translation>질문 수정(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import chat…</source>
        <translation>대화 가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Regenerate answer</source>
        <translation>답변 다시 생성(&amp;R)</translation>
    </message>
    <message>
        <source>Added “{title}” to your chats.</source>
        <translation>“{title}”을(를) 대화 목록에 추가했습니다.</translation>
    </message>
    <message>
        <source>Ask the last question again for a new answer (Ctrl+Shift+R)</source>
        <translation>마지막 질문을 다시 해서 새 답변 받기(Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>Change one of your questions and ask it again (Ctrl+E)</source>
        <translation>질문 하나를 고쳐서 다시 묻기(Ctrl+E)</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>대화</translation>
    </message>
    <message>
        <source>Chat &amp;list</source>
        <translation>대화 목록(&amp;L)</translation>
    </message>
    <message>
        <source>Chat file (*.json)</source>
        <translation>대화 파일 (*.json)</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>대화</translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation>먼저 모델을 선택하세요.</translation>
    </message>
    <message>
        <source>Could not import {path}: {reason}</source>
        <translation>{path}을(를) 가져오지 못했습니다: {reason}</translation>
    </message>
    <message>
        <source>Could not save {path}: {reason}</source>
        <translation>{path}을(를) 저장하지 못했습니다: {reason}</translation>
    </message>
    <message>
        <source>Export chat</source>
        <translation>대화 내보내기</translation>
    </message>
    <message>
        <source>Export chat as &amp;JSON…</source>
        <translation>대화를 JSON으로 내보내기(&amp;J)…</translation>
    </message>
    <message>
        <source>Export chat as &amp;Markdown…</source>
        <translation>대화를 Markdown으로 내보내기(&amp;M)…</translation>
    </message>
    <message>
        <source>Import chat</source>
        <translation>대화 가져오기</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Saved the chat as {path}</source>
        <translation>대화를 {path}(으)로 저장했습니다</translation>
    </message>
    <message>
        <source>Show or hide the list of your saved chats (Ctrl+B)</source>
        <translation>저장된 대화 목록 보기/숨기기(Ctrl+B)</translation>
    </message>
    <message>
        <source>There is nothing to export yet.</source>
        <translation>아직 내보낼 내용이 없습니다.</translation>
    </message>
    <message>
        <source>Your chats are being saved again.</source>
        <translation>대화를 다시 저장하고 있습니다.</translation>
    </message>
    <message>
        <source>Your saved chats cannot be shown right now.</source>
        <translation>지금은 저장된 대화를 표시할 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>HistorySidebar</name>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Deleted “{title}”.</source>
        <translation>“{title}”을(를) 삭제했습니다.</translation>
    </message>
    <message>
        <source>Export as JSON (can be imported again)…</source>
        <translation>JSON으로 내보내기(다시 가져올 수 있음)…</translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation>Markdown으로 내보내기…</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>새 대화</translation>
    </message>
    <message>
        <source>No chat contains “{words}”.</source>
        <translation>“{words}”이(가) 들어 있는 대화가 없습니다.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>이름 바꾸기</translation>
    </message>
    <message>
        <source>Saved chats</source>
        <translation>저장된 대화</translation>
    </message>
    <message>
        <source>Search all chats</source>
        <translation>모든 대화 검색</translation>
    </message>
    <message>
        <source>Start a new chat (Ctrl+N)</source>
        <translation>새 대화 시작(Ctrl+N)</translation>
    </message>
    <message>
        <source>The chat</source>
        <translation>이 대화</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Untitled chat</source>
        <translation>제목 없는 대화</translation>
    </message>
    <message>
        <source>Your chats are kept here. Ask a question to start one.</source>
        <translation>대화는 여기에 보관됩니다. 질문을 하면 새 대화가 시작됩니다.</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <source>This picture cannot be shown: its data is damaged.</source>
        <translation>이 이미지를 표시할 수 없습니다. 이미지 데이터가 손상되었습니다.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Keep Ollama Desktop running?</source>
        <translation>Ollama Desktop을 계속 실행할까요?</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Ollama Desktop</source>
        <translation>Ollama Desktop</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Stop the answer (Esc)</source>
        <translation>답변 중지(Esc)</translation>
    </message>
    <message>
        <source>The answer failed.</source>
        <translation>답변에 실패했습니다.</translation>
    </message>
    <message>
        <source>This chat used {model}, which is not installed here. Choose a model to go on.</source>
        <translation>이 대화는 {model}을(를) 썼지만 여기에는 설치되어 있지 않습니다. 계속하려면 모델을 선택하세요.</translation>
    </message>
    <message>
        <source>When you close the window, Ollama Desktop can keep running as an icon in the tray, so you can free memory from there (for example before starting a game).

Keep it running in the tray? You can change this later in the Memory menu.</source>
        <translation>창을 닫아도 Ollama Desktop이 트레이 아이콘으로 계속 실행되어, 거기서 메모리를 비울 수 있습니다(예: 게임을 시작하기 전에).

트레이에서 계속 실행할까요? 나중에 [메모리] 메뉴에서 바꿀 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>MarkdownWriter</name>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>[image: {alt}]</source>
        <translation>[이미지: {alt}]</translation>
    </message>
    <message>
        <source>code</source>
        <translation>코드</translation>
    </message>
</context>
<context>
    <name>MemoryPane</name>
    <message>
        <source>A cloud model runs on ollama.com: nothing to load here.</source>
        <translation>클라우드 모델은 ollama.com에서 실행됩니다: 여기서 불러올 것이 없습니다.</translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation>먼저 모델을 선택하세요.</translation>
    </message>
    <message>
        <source>Freeing memory…</source>
        <translation>메모리를 비우는 중…</translation>
    </message>
    <message>
        <source>Ollama Desktop</source>
        <translation>Ollama Desktop</translation>
    </message>
    <message>
        <source>Sign in on ollama.com</source>
        <translation>ollama.com에 로그인</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Cannot reach Ollama at {host}. Make sure Ollama is running; the app keeps trying.</source>
        <translation>{host}의 Ollama에 연결할 수 없습니다. Ollama가 실행 중인지 확인하세요. 앱이 계속 다시 시도합니다.</translation>
    </message>
    <message>
        <source>Cannot reach Ollama. Make sure Ollama is running.</source>
        <translation>Ollama에 연결할 수 없습니다. Ollama가 실행 중인지 확인하세요.</translation>
    </message>
    <message>
        <source>Cloud models are turned off on this server.</source>
        <translation>이 서버에서는 클라우드 모델이 꺼져 있습니다.</translation>
    </message>
    <message>
        <source>Details: {details}</source>
        <translation>자세한 내용: {details}</translation>
    </message>
    <message>
        <source>Ollama could not be reached. Is it running?</source>
        <translation>Ollama에 연결할 수 없습니다. 실행 중인가요?</translation>
    </message>
    <message>
        <source>Ollama could not reach the model library: is this computer connected to the internet?</source>
        <translation>Ollama가 모델 라이브러리에 연결하지 못했습니다. 이 컴퓨터가 인터넷에 연결되어 있나요?</translation>
    </message>
    <message>
        <source>Ollama did not answer in time.</source>
        <translation>Ollama가 제때 응답하지 않았습니다.</translation>
    </message>
    <message>
        <source>Ollama did not answer in time. The model may still be loading, or be too big for this computer&apos;s memory. Try again, or choose a smaller model.</source>
        <translation>Ollama가 제때 응답하지 않았습니다. 모델을 아직 로드하는 중이거나, 이 컴퓨터의 메모리에 비해 너무 클 수 있습니다. 다시 시도하거나 더 작은 모델을 선택하세요.</translation>
    </message>
    <message>
        <source>Ollama reported a problem and could not answer. Try again; if it keeps happening, restart Ollama.</source>
        <translation>Ollama가 문제를 알려 와서 답하지 못했습니다. 다시 시도해 보고, 계속 그러면 Ollama를 다시 시작하세요.</translation>
    </message>
    <message>
        <source>Ollama reported a problem with this run.</source>
        <translation>Ollama가 이번 실행에서 문제를 보고했습니다.</translation>
    </message>
    <message>
        <source>Ollama&apos;s answer could not be read.</source>
        <translation>Ollama의 응답을 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>Something answers at the server address, but not as Ollama does.</source>
        <translation>서버 주소에서 무언가 응답하지만 Ollama의 응답이 아닙니다.</translation>
    </message>
    <message>
        <source>Something answers at {host}, but not as Ollama does. Check the server address (Ollama menu → Ollama server…).</source>
        <translation>{host}에서 무언가 응답하지만 Ollama의 응답이 아닙니다. 서버 주소를 확인하세요([Ollama] 메뉴 → Ollama 서버…).</translation>
    </message>
    <message>
        <source>Something unexpected went wrong. Try again.</source>
        <translation>예상하지 못한 문제가 생겼습니다. 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Something went wrong in this run.</source>
        <translation>이번 실행에서 문제가 생겼습니다.</translation>
    </message>
    <message>
        <source>The answer could not be read: the server at {host} does not speak Ollama&apos;s language. Check the server address (Ollama menu → Ollama server…).</source>
        <translation>응답을 읽을 수 없습니다. {host}의 서버가 Ollama가 아닌 것 같습니다. 서버 주소를 확인하세요([Ollama] 메뉴 → Ollama 서버…).</translation>
    </message>
    <message>
        <source>The cloud model needs the server signed in to ollama.com.</source>
        <translation>클라우드 모델을 쓰려면 서버가 ollama.com에 로그인해야 합니다.</translation>
    </message>
    <message>
        <source>The connection to Ollama was lost during the answer.</source>
        <translation>답변 도중 Ollama와의 연결이 끊겼습니다.</translation>
    </message>
    <message>
        <source>The connection to Ollama was lost in the middle of the answer. What arrived is kept.</source>
        <translation>답변 도중 Ollama와의 연결이 끊겼습니다. 이미 받은 내용은 남겨 둡니다.</translation>
    </message>
    <message>
        <source>The download of “{model}” failed. Try again.</source>
        <translation>“{model}” 다운로드에 실패했습니다. 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The model does not fit in this computer&apos;s memory.</source>
        <translation>이 컴퓨터의 메모리에 모델이 들어가지 않습니다.</translation>
    </message>
    <message>
        <source>The model does not fit in this computer&apos;s memory. Close other models or programs, or choose a smaller model.</source>
        <translation>이 컴퓨터의 메모리에 모델이 들어가지 않습니다. 다른 모델이나 프로그램을 닫거나 더 작은 모델을 선택하세요.</translation>
    </message>
    <message>
        <source>The model “{model}” cannot see pictures. Choose a model that can (one with “vision” in its description), or remove the pictures, then send again.</source>
        <translation>“{model}” 모델은 이미지를 볼 수 없습니다. 이미지를 볼 수 있는 모델(설명에 “vision”이 있는 모델)을 선택하거나 이미지를 제거한 뒤 다시 보내세요.</translation>
    </message>
    <message>
        <source>The model “{model}” is not installed on this Ollama server. Choose another model, or download it first.</source>
        <translation>이 Ollama 서버에는 “{model}” 모델이 설치되어 있지 않습니다. 다른 모델을 선택하거나 먼저 다운로드하세요.</translation>
    </message>
    <message>
        <source>The server at {host} accepts connections but does not answer. If it is Ollama, it may be stuck: quit it and start it again, then check again.</source>
        <translation>{host}의 서버가 연결은 받지만 응답하지 않습니다. Ollama라면 멈춰 있을 수 있습니다. 종료했다가 다시 시작한 뒤 다시 확인하세요.</translation>
    </message>
    <message>
        <source>The server at {host} sent the app to another address, {location}; the app only talks to {host}. If Ollama is at that other address, enter it as the server address (Ollama menu → Ollama server…).</source>
        <translation>{host}의 서버가 다른 주소 {location}(으)로 옮겨 가라고 했지만, 이 앱은 {host}에만 연결합니다. Ollama가 그 주소에 있다면 그 주소를 서버 주소로 입력하세요([Ollama] 메뉴 → Ollama 서버…).</translation>
    </message>
    <message>
        <source>The server at {host} tried to send the app to another address; the app only talks to {host}. Check the server address (Ollama menu → Ollama server…).</source>
        <translation>{host}의 서버가 다른 주소로 옮겨 가라고 했지만, 이 앱은 {host}에만 연결합니다. 서버 주소를 확인하세요([Ollama] 메뉴 → Ollama 서버…).</translation>
    </message>
    <message>
        <source>The server sent the app to another address.</source>
        <translation>서버가 다른 주소로 옮겨 가라고 했습니다.</translation>
    </message>
    <message>
        <source>There is no model called “{model}” in the Ollama library. Check the spelling.</source>
        <translation>Ollama 라이브러리에 “{model}”(이)라는 모델이 없습니다. 철자를 확인하세요.</translation>
    </message>
    <message>
        <source>This model is not installed on the Ollama server.</source>
        <translation>이 모델은 Ollama 서버에 설치되어 있지 않습니다.</translation>
    </message>
    <message>
        <source>no computer with that name could be found</source>
        <translation>그 이름의 컴퓨터를 찾을 수 없음</translation>
    </message>
    <message>
        <source>nothing accepts connections at that address and port</source>
        <translation>그 주소와 포트에서 연결을 받는 곳이 없음</translation>
    </message>
    <message>
        <source>nothing arrived from the server for too long</source>
        <translation>서버에서 너무 오랫동안 아무것도 오지 않음</translation>
    </message>
    <message>
        <source>one line of the answer was larger than {size}, far more than Ollama sends</source>
        <translation>응답의 한 줄이 {size}보다 커서 Ollama가 보내는 크기를 훨씬 넘음</translation>
    </message>
    <message>
        <source>the answer began with far more header lines than any server sends</source>
        <translation>응답 앞부분의 헤더 줄이 어떤 서버가 보내는 것보다도 훨씬 많음</translation>
    </message>
    <message>
        <source>the answer came so slowly that the app stopped waiting for it</source>
        <translation>응답이 너무 느리게 와서 앱이 기다리기를 멈춤</translation>
    </message>
    <message>
        <source>the answer is not in the format Ollama uses</source>
        <translation>응답이 Ollama가 쓰는 형식이 아님</translation>
    </message>
    <message>
        <source>the answer stopped before its end</source>
        <translation>응답이 끝나기 전에 멈춤</translation>
    </message>
    <message>
        <source>the answer was larger than {size}, far more than Ollama sends</source>
        <translation>응답이 {size}보다 커서 Ollama가 보내는 크기를 훨씬 넘음</translation>
    </message>
    <message>
        <source>the computer at that address did not respond</source>
        <translation>그 주소의 컴퓨터가 응답하지 않음</translation>
    </message>
    <message>
        <source>the connection broke in the middle of the answer</source>
        <translation>응답 도중 연결이 끊김</translation>
    </message>
    <message>
        <source>the server accepted the connection but never answered</source>
        <translation>서버가 연결은 받았지만 끝내 응답하지 않음</translation>
    </message>
    <message>
        <source>the server address is not a valid web address</source>
        <translation>서버 주소가 올바른 웹 주소가 아님</translation>
    </message>
    <message>
        <source>the server answered the app&apos;s first question with an error</source>
        <translation>서버가 앱의 첫 요청에 오류로 답함</translation>
    </message>
    <message>
        <source>the server closed the connection without answering</source>
        <translation>서버가 응답하지 않고 연결을 닫음</translation>
    </message>
    <message>
        <source>the server sent a web page instead of Ollama&apos;s data</source>
        <translation>서버가 Ollama 데이터 대신 웹 페이지를 보냄</translation>
    </message>
    <message>
        <source>the server sent text that is not valid UTF-8</source>
        <translation>서버가 올바른 UTF-8이 아닌 텍스트를 보냄</translation>
    </message>
    <message>
        <source>the server&apos;s answer was compressed wrongly</source>
        <translation>서버 응답의 압축이 잘못됨</translation>
    </message>
    <message>
        <source>what came back is not a web server&apos;s answer at all</source>
        <translation>돌아온 것이 웹 서버의 응답이 전혀 아님</translation>
    </message>
    <message>
        <source>“{model}” runs on ollama.com, and this Ollama server is not signed in. Run “ollama signin” on the server&apos;s computer, or open the sign-in link, then try again.</source>
        <translation>“{model}”은(는) ollama.com에서 실행되는데 이 Ollama 서버는 로그인되어 있지 않습니다. 서버 컴퓨터에서 “ollama signin”을 실행하거나 로그인 링크를 연 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>“{model}” runs on ollama.com, but cloud models are turned off on the server at {host} (OLLAMA_NO_CLOUD). Choose a model installed on this computer.</source>
        <translation>“{model}”은(는) ollama.com에서 실행되지만 {host} 서버에서 클라우드 모델이 꺼져 있습니다(OLLAMA_NO_CLOUD). 이 컴퓨터에 설치된 모델을 고르세요.</translation>
    </message>
</context>
<context>
    <name>ModelComboBox</name>
    <message>
        <source>No models yet</source>
        <translation>아직 모델 없음</translation>
    </message>
    <message>
        <source>{label} · ☁ cloud</source>
        <translation>{label} · ☁ 클라우드</translation>
    </message>
    <message>
        <source>{label} — in memory</source>
        <translation>{label} — 메모리에 있음</translation>
    </message>
</context>
<context>
    <name>ModelsDialog</name>
    <message>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>고급</translation>
    </message>
    <message>
        <source>Can do</source>
        <translation>할 수 있는 일</translation>
    </message>
    <message>
        <source>Can do: {caps}</source>
        <translation>할 수 있는 일: {caps}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Delete model?</source>
        <translation>모델을 삭제할까요?</translation>
    </message>
    <message>
        <source>Delete {name} from this Ollama server? If it came from ollama.com, downloading it again takes time; a model you made yourself is gone for good.</source>
        <translation>이 Ollama 서버에서 {name}을(를) 삭제할까요? ollama.com에서 받은 모델이면 다시 다운로드하는 데 시간이 걸리고, 직접 만든 모델이면 영영 되찾을 수 없습니다.</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>삭제…</translation>
    </message>
    <message>
        <source>Deleting {name}…</source>
        <translation>{name} 삭제 중…</translation>
    </message>
    <message>
        <source>Family: {family}</source>
        <translation>계열: {family}</translation>
    </message>
    <message>
        <source>In memory</source>
        <translation>메모리에 있음</translation>
    </message>
    <message>
        <source>Licence:</source>
        <translation>라이선스:</translation>
    </message>
    <message>
        <source>Licence: {summary}</source>
        <translation>라이선스: {summary}</translation>
    </message>
    <message>
        <source>Loading details of {name}…</source>
        <translation>{name}의 자세한 정보를 불러오는 중…</translation>
    </message>
    <message numerus="yes">
        <source>Longest context: %Ln tokens</source>
        <translation>
            <numerusform>최대 컨텍스트: %Ln 토큰</numerusform>
        </translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>모델 관리</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>수정한 날짜</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>파라미터 수</translation>
    </message>
    <message>
        <source>Parameters and stop words:</source>
        <translation>파라미터와 중지 단어:</translation>
    </message>
    <message>
        <source>Parameters: {size}, quantization {quant}</source>
        <translation>파라미터: {size}, 양자화: {quant}</translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation>양자화</translation>
    </message>
    <message>
        <source>Runs on ollama.com, uses no memory on this computer.</source>
        <translation>ollama.com에서 실행되며 이 컴퓨터의 메모리를 쓰지 않습니다.</translation>
    </message>
    <message>
        <source>Select a model to see its details.</source>
        <translation>모델을 선택하면 자세한 정보가 나옵니다.</translation>
    </message>
    <message>
        <source>Size on disk</source>
        <translation>디스크 크기</translation>
    </message>
    <message>
        <source>Size on disk: {size}</source>
        <translation>디스크 크기: {size}</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>템플릿:</translation>
    </message>
    <message>
        <source>The model&apos;s parameters, stop words, prompt template and licence, as Ollama has them.</source>
        <translation>Ollama에 저장된 그대로의 모델 파라미터, 중지 단어, 프롬프트 템플릿, 라이선스입니다.</translation>
    </message>
    <message>
        <source>chat</source>
        <translation>대화</translation>
    </message>
    <message>
        <source>embeddings</source>
        <translation>임베딩</translation>
    </message>
    <message>
        <source>images</source>
        <translation>이미지</translation>
    </message>
    <message>
        <source>on ollama.com</source>
        <translation>ollama.com에서</translation>
    </message>
    <message>
        <source>thinking</source>
        <translation>생각하기</translation>
    </message>
    <message>
        <source>tools</source>
        <translation>도구</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <source>{name} was deleted.</source>
        <translation>{name}을(를) 삭제했습니다.</translation>
    </message>
    <message>
        <source>{name} · ☁ cloud</source>
        <translation>{name} · ☁ 클라우드</translation>
    </message>
    <message>
        <source>{name}: runs on ollama.com, uses no memory on this computer.</source>
        <translation>{name}: ollama.com에서 실행되며 이 컴퓨터의 메모리를 쓰지 않습니다.</translation>
    </message>
</context>
<context>
    <name>ModelsPane</name>
    <message>
        <source>Download it</source>
        <translation>다운로드</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>나중에</translation>
    </message>
    <message>
        <source>“{model}” is not installed on this server. Download it now?</source>
        <translation>이 서버에는 “{model}”이(가) 설치되어 있지 않습니다. 지금 다운로드할까요?</translation>
    </message>
</context>
<context>
    <name>PromptEdit</name>
    <message>
        <source>Ask anything… (Enter to send, Shift+Enter for a new line)</source>
        <translation>무엇이든 물어보세요… (Enter: 보내기, Shift+Enter: 줄 바꿈)</translation>
    </message>
</context>
<context>
    <name>PullBox</name>
    <message>
        <source>Cancel download</source>
        <translation>다운로드 취소</translation>
    </message>
    <message>
        <source>Checking the download of {name}…</source>
        <translation>{name} 다운로드를 확인하는 중…</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>다운로드</translation>
    </message>
    <message>
        <source>Download a model</source>
        <translation>모델 다운로드</translation>
    </message>
    <message>
        <source>Finishing the download of {name}…</source>
        <translation>{name} 다운로드를 마무리하는 중…</translation>
    </message>
    <message>
        <source>Getting ready to download {name}…</source>
        <translation>{name} 다운로드를 준비하는 중…</translation>
    </message>
    <message>
        <source>Model name, for example gemma3:1b</source>
        <translation>모델 이름(예: gemma3:1b)</translation>
    </message>
    <message>
        <source>Starting the download of {name}…</source>
        <translation>{name} 다운로드를 시작하는 중…</translation>
    </message>
    <message>
        <source>The download of {name} was cancelled.</source>
        <translation>{name} 다운로드를 취소했습니다.</translation>
    </message>
    <message>
        <source>Type the name of a model, or pick one of the suggestions.</source>
        <translation>모델 이름을 입력하거나 추천 모델 중에서 고르세요.</translation>
    </message>
    <message>
        <source>{name} is downloaded and ready to chat.</source>
        <translation>{name} 다운로드가 끝났습니다. 이제 대화할 수 있습니다.</translation>
    </message>
    <message>
        <source>{name}: {done} of {total}</source>
        <translation>{name}: {total} 중 {done}</translation>
    </message>
    <message>
        <source>{name}: {done} of {total} at {speed}/s</source>
        <translation>{name}: {total} 중 {done}, 초당 {speed}</translation>
    </message>
    <message>
        <source>{name}: {step}</source>
        <translation>{name}: {step}</translation>
    </message>
</context>
<context>
    <name>ReplySpeeds</name>
    <message numerus="yes">
        <source>%Ln tokens</source>
        <translation>
            <numerusform>토큰 %Ln개</numerusform>
        </translation>
    </message>
    <message>
        <source>first token {seconds} s</source>
        <translation>첫 토큰 {seconds}초</translation>
    </message>
    <message>
        <source>load {seconds} s</source>
        <translation>로드 {seconds}초</translation>
    </message>
    <message>
        <source>prompt {rate} tokens/s</source>
        <translation>프롬프트 {rate} 토큰/초</translation>
    </message>
    <message>
        <source>stopped at the token limit</source>
        <translation>토큰 한도에 도달해 멈춤</translation>
    </message>
    <message>
        <source>{rate} tokens/s</source>
        <translation>{rate} 토큰/초</translation>
    </message>
    <message>
        <source>≈ {rate} tokens/s</source>
        <translation>≈ {rate} 토큰/초</translation>
    </message>
</context>
<context>
    <name>ReplyStatus</name>
    <message>
        <source>Answering…</source>
        <translation>답변하는 중…</translation>
    </message>
    <message>
        <source>Answering… runs on: {where}</source>
        <translation>답변하는 중… 실행 위치: {where}</translation>
    </message>
    <message>
        <source>Answering… {speed}</source>
        <translation>답변하는 중… {speed}</translation>
    </message>
    <message>
        <source>Answering… {speed} · runs on: {where}</source>
        <translation>답변하는 중… {speed} · 실행 위치: {where}</translation>
    </message>
    <message>
        <source>Nothing has arrived for {seconds} s. Stop (Esc) ends it.</source>
        <translation>{seconds}초 동안 아무것도 오지 않았습니다. [중지](Esc)를 누르면 끝납니다.</translation>
    </message>
    <message>
        <source>Nothing has arrived for {seconds} s. {cause} Stop (Esc) ends the answer and keeps what came.</source>
        <translation>{seconds}초 동안 아무것도 오지 않았습니다. {cause} [중지](Esc)를 누르면 답변을 끝내고, 이미 받은 내용은 남겨 둡니다.</translation>
    </message>
    <message>
        <source>Stopped before the answer began. Your question is back in the box below.</source>
        <translation>답변이 시작되기 전에 중지했습니다. 질문은 아래 입력란에 다시 넣어 두었습니다.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>중지했습니다.</translation>
    </message>
    <message>
        <source>Waiting for {model}…</source>
        <translation>{model}을(를) 기다리는 중…</translation>
    </message>
    <message>
        <source>ran on: {where}</source>
        <translation>실행 위치: {where}</translation>
    </message>
    <message>
        <source>{model} has sent nothing for {seconds} s. A large model can take minutes to load. Stop (Esc) ends the wait.</source>
        <translation>{model}에서 {seconds}초 동안 아무것도 오지 않았습니다. 큰 모델은 로드하는 데 몇 분이 걸릴 수 있습니다. [중지](Esc)를 누르면 기다리지 않고 끝냅니다.</translation>
    </message>
    <message>
        <source>{model} has sent nothing for {seconds} s. Stop (Esc) ends it.</source>
        <translation>{model}에서 {seconds}초 동안 아무것도 오지 않았습니다. [중지](Esc)를 누르면 끝납니다.</translation>
    </message>
</context>
<context>
    <name>Residency</name>
    <message>
        <source>A cloud model, but cloud models are turned off on this server (OLLAMA_NO_CLOUD): choose a model installed on this computer.</source>
        <translation>클라우드 모델이지만 이 서버에서 클라우드 모델이 꺼져 있습니다(OLLAMA_NO_CLOUD): 이 컴퓨터에 설치된 모델을 고르세요.</translation>
    </message>
    <message>
        <source>CPU only, RAM {size}</source>
        <translation>CPU만, RAM {size}</translation>
    </message>
    <message>
        <source>CPU {size}</source>
        <translation>CPU {size}</translation>
    </message>
    <message>
        <source>GPU {gpu} + RAM {ram} ({share} % CPU)</source>
        <translation>GPU {gpu} + RAM {ram} (CPU {share}%)</translation>
    </message>
    <message>
        <source>GPU {size}</source>
        <translation>GPU {size}</translation>
    </message>
    <message>
        <source>In memory: {size} ({where})</source>
        <translation>메모리 사용: {size} ({where})</translation>
    </message>
    <message>
        <source>Loading the model into memory…</source>
        <translation>모델을 메모리에 로드하는 중…</translation>
    </message>
    <message>
        <source>Not in memory: the first answer waits while it loads.</source>
        <translation>메모리에 없음: 첫 답변은 모델을 로드하는 동안 기다려야 합니다.</translation>
    </message>
    <message>
        <source>Ollama itself stopped answering. It may have crashed or run out of memory: restart Ollama and try again.</source>
        <translation>Ollama 자체가 응답을 멈췄습니다. 비정상 종료했거나 메모리가 부족했을 수 있습니다. Ollama를 다시 시작한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Runs fully on the GPU.</source>
        <translation>전부 GPU에서 실행됩니다.</translation>
    </message>
    <message>
        <source>Runs on ollama.com, uses no memory on this computer.</source>
        <translation>ollama.com에서 실행되며 이 컴퓨터의 메모리를 쓰지 않습니다.</translation>
    </message>
    <message>
        <source>Runs on ollama.com: sign the server in first — run “ollama signin” on the server&apos;s computer.</source>
        <translation>ollama.com에서 실행됩니다: 먼저 서버를 로그인시키세요. 서버 컴퓨터에서 “ollama signin”을 실행하세요.</translation>
    </message>
    <message>
        <source>Runs on the CPU only — expect slower answers.</source>
        <translation>CPU에서만 실행됩니다 — 답변이 느릴 수 있습니다.</translation>
    </message>
    <message>
        <source>There is not enough memory for {model}. Choose a smaller model or a shorter context.</source>
        <translation>{model}을(를) 실행할 메모리가 부족합니다. 더 작은 모델을 쓰거나 컨텍스트를 줄이세요.</translation>
    </message>
    <message>
        <source>Unload the other models ({others}) to free memory.</source>
        <translation>다른 모델({others})을 언로드하면 메모리를 비울 수 있습니다.</translation>
    </message>
    <message>
        <source>kept loaded</source>
        <translation>계속 로드됨</translation>
    </message>
    <message>
        <source>unloads in {n} h</source>
        <translation>{n}시간 후 언로드</translation>
    </message>
    <message>
        <source>unloads in {n} min</source>
        <translation>{n}분 후 언로드</translation>
    </message>
    <message>
        <source>unloads in {n} s</source>
        <translation>{n}초 후 언로드</translation>
    </message>
    <message>
        <source>{model} is fully on the GPU: Ollama may be busy with another request, or the question is very long. Try again in a moment.</source>
        <translation>{model}은(는) 전부 GPU에 있습니다. Ollama가 다른 요청을 처리하는 중이거나 질문이 아주 길 수 있습니다. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <source>{model} is not in memory any more: it probably ran out of memory or crashed while loading. Choose a smaller model, or reduce the context size.</source>
        <translation>{model}이(가) 더 이상 메모리에 없습니다. 로드하다가 메모리가 부족했거나 비정상 종료했을 가능성이 큽니다. 더 작은 모델을 쓰거나 컨텍스트 길이를 줄이세요.</translation>
    </message>
    <message>
        <source>{model} runs on the CPU only, which is slow. A smaller model or a shorter context would answer faster.</source>
        <translation>{model}은(는) CPU에서만 실행되어 느립니다. 더 작은 모델이나 더 짧은 컨텍스트를 쓰면 더 빨리 답합니다.</translation>
    </message>
    <message>
        <source>{share} % of {model} runs on the CPU, which slows answers down. A smaller model or a shorter context would fit in GPU memory.</source>
        <translation>{model}의 {share}%가 CPU에서 실행되어 답변이 느려집니다. 더 작은 모델이나 더 짧은 컨텍스트라면 GPU 메모리에 들어갑니다.</translation>
    </message>
    <message>
        <source>{share} % runs on the CPU — expect slower answers; a smaller model or a shorter context would fit.</source>
        <translation>{share}%가 CPU에서 실행됩니다 — 답변이 느릴 수 있습니다. 더 작은 모델이나 더 짧은 컨텍스트라면 들어갑니다.</translation>
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
        <translation>클릭해서 메모리를 비울 수 있습니다.</translation>
    </message>
    <message>
        <source>Loading {model}…</source>
        <translation>{model} 로드 중…</translation>
    </message>
    <message>
        <source>Memory: unknown</source>
        <translation>메모리: 알 수 없음</translation>
    </message>
    <message>
        <source>No model in memory</source>
        <translation>메모리에 모델 없음</translation>
    </message>
    <message>
        <source>Ollama holds no model in memory right now.</source>
        <translation>지금 Ollama가 메모리에 올려 둔 모델이 없습니다.</translation>
    </message>
    <message>
        <source>Ollama is not reachable, so its memory use is unknown.</source>
        <translation>Ollama에 연결할 수 없어 메모리 사용량을 알 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>ResidencyTexts</name>
    <message numerus="yes">
        <source>Context: %Ln tokens</source>
        <translation>
            <numerusform>컨텍스트: %Ln 토큰</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerChoice</name>
    <message>
        <source>Ser&amp;ver:</source>
        <translation>서버(&amp;V):</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <source>Check connection</source>
        <translation>연결 확인</translation>
    </message>
    <message>
        <source>Checking {host}…</source>
        <translation>{host} 확인 중…</translation>
    </message>
    <message>
        <source>Connected: Ollama {version} at {host}.</source>
        <translation>연결됨: {host}의 Ollama {version}.</translation>
    </message>
    <message>
        <source>For example: GPU box in the office</source>
        <translation>예: 사무실 GPU 컴퓨터</translation>
    </message>
    <message>
        <source>Leave empty to use Ollama on this computer ({default}). For another computer, enter its address, for example 192.168.1.20 or http://gpu-box:11434.</source>
        <translation>비워 두면 이 컴퓨터의 Ollama({default})를 씁니다. 다른 컴퓨터라면 주소를 입력하세요. 예: 192.168.1.20 또는 http://gpu-box:11434</translation>
    </message>
    <message>
        <source>Name (optional):</source>
        <translation>이름(선택):</translation>
    </message>
    <message>
        <source>Note: the connection to this computer is not encrypted (http).</source>
        <translation>참고: 이 컴퓨터와의 연결은 암호화되지 않습니다(http).</translation>
    </message>
    <message>
        <source>Ollama server</source>
        <translation>Ollama 서버</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>서버 주소:</translation>
    </message>
    <message>
        <source>This is not a server address. Example: 192.168.1.20:11434</source>
        <translation>서버 주소가 아닙니다. 예: 192.168.1.20:11434</translation>
    </message>
</context>
<context>
    <name>ServerPicker</name>
    <message>
        <source>Not encrypted: others on the network could read the chat.</source>
        <translation>암호화되지 않음: 같은 네트워크의 다른 사람이 대화를 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>이 컴퓨터</translation>
    </message>
    <message>
        <source>{name} — checking…</source>
        <translation>{name} — 확인 중…</translation>
    </message>
    <message>
        <source>○ {name} — does not answer as Ollama</source>
        <translation>○ {name} — Ollama처럼 응답하지 않음</translation>
    </message>
    <message>
        <source>○ {name} — not reachable</source>
        <translation>○ {name} — 연결할 수 없음</translation>
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
        <translation>모델별 답변 속도</translation>
    </message>
    <message>
        <source>The speeds will show here once a run has finished.</source>
        <translation>실행이 하나 끝나면 여기에 속도가 나타납니다.</translation>
    </message>
    <message>
        <source>median tokens per second; the line spans the slowest to the fastest run</source>
        <translation>초당 토큰 수의 중앙값이며, 선은 가장 느린 실행부터 가장 빠른 실행까지입니다</translation>
    </message>
    <message>
        <source>tokens/s (higher is faster)</source>
        <translation>토큰/초(높을수록 빠름)</translation>
    </message>
</context>
<context>
    <name>StorageBanner</name>
    <message>
        <source>Hide this message</source>
        <translation>이 메시지 숨기기</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>다시 시도</translation>
    </message>
</context>
<context>
    <name>Suggestions</name>
    <message>
        <source> · fits this computer&apos;s memory</source>
        <translation> · 이 컴퓨터의 메모리에 들어감</translation>
    </message>
    <message>
        <source> · too big for this computer&apos;s memory</source>
        <translation> · 이 컴퓨터의 메모리에 비해 너무 큼</translation>
    </message>
    <message>
        <source>Download {name} ({size})</source>
        <translation>{name} 다운로드 ({size})</translation>
    </message>
    <message>
        <source>a good all-rounder that can use tools</source>
        <translation>도구를 쓸 수 있는 만능형</translation>
    </message>
    <message>
        <source>also understands pictures</source>
        <translation>이미지도 이해함</translation>
    </message>
    <message>
        <source>for writing and explaining code</source>
        <translation>코드 작성·설명용</translation>
    </message>
    <message>
        <source>small and fast, for quick chats</source>
        <translation>작고 빠름, 가벼운 대화용</translation>
    </message>
    <message>
        <source>thinks before it answers, for reasoning</source>
        <translation>답하기 전에 생각함, 추론용</translation>
    </message>
    <message>
        <source>{name} ({size}): {purpose}</source>
        <translation>{name} ({size}): {purpose}</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Free all memory</source>
        <translation>메모리 모두 비우기</translation>
    </message>
    <message>
        <source>No model in memory</source>
        <translation>메모리에 모델 없음</translation>
    </message>
    <message>
        <source>Ollama Desktop</source>
        <translation>Ollama Desktop</translation>
    </message>
    <message>
        <source>Ollama is not reachable</source>
        <translation>Ollama에 연결할 수 없음</translation>
    </message>
    <message>
        <source>Open Ollama Desktop</source>
        <translation>Ollama Desktop 열기</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>종료</translation>
    </message>
</context>
<context>
    <name>Unload</name>
    <message>
        <source>Freed {size} of memory ({gpu} of it GPU memory).</source>
        <translation>메모리 {size}를 비웠습니다(그중 GPU 메모리 {gpu}).</translation>
    </message>
    <message>
        <source>Freed {size} of memory.</source>
        <translation>메모리 {size}를 비웠습니다.</translation>
    </message>
    <message>
        <source>Nothing to free: no model was in memory.</source>
        <translation>비울 것이 없습니다. 메모리에 모델이 없었습니다.</translation>
    </message>
    <message>
        <source>Ollama did not release {names}. It may still be answering; try again in a moment.</source>
        <translation>Ollama가 {names}을(를) 내려놓지 않았습니다. 아직 답하는 중일 수 있으니 잠시 후 다시 시도하세요.</translation>
    </message>
</context>
<context>
    <name>UnloadDialog</name>
    <message>
        <source>Free memory</source>
        <translation>메모리 비우기</translation>
    </message>
    <message>
        <source>In memory now: {total}, of which {gpu} in GPU memory.</source>
        <translation>지금 메모리 사용량: {total}, 그중 GPU 메모리 {gpu}.</translation>
    </message>
    <message>
        <source>Models Ollama holds in memory now. Unloading frees their memory at once.</source>
        <translation>지금 Ollama가 메모리에 올려 둔 모델입니다. 언로드하면 그 메모리가 바로 비워집니다.</translation>
    </message>
    <message>
        <source>No model is in memory.</source>
        <translation>메모리에 모델이 없습니다.</translation>
    </message>
    <message>
        <source>Unload all</source>
        <translation>모두 언로드</translation>
    </message>
    <message>
        <source>Unload selected</source>
        <translation>선택한 모델 언로드</translation>
    </message>
    <message>
        <source>Unloading… waiting for Ollama to release the memory.</source>
        <translation>언로드하는 중… Ollama가 메모리를 비우기를 기다리고 있습니다.</translation>
    </message>
</context>
<context>
    <name>VersionBar</name>
    <message>
        <source>Answer {number}: version {position} of {count}</source>
        <translation>답변 {number}: 버전 {position}/{count}</translation>
    </message>
    <message>
        <source>Earlier version</source>
        <translation>이전 버전</translation>
    </message>
    <message>
        <source>Later version</source>
        <translation>다음 버전</translation>
    </message>
    <message>
        <source>Question {number}: version {position} of {count}</source>
        <translation>질문 {number}: 버전 {position}/{count}</translation>
    </message>
    <message>
        <source>Show the earlier version</source>
        <translation>이전 버전 보기</translation>
    </message>
    <message>
        <source>Show the later version</source>
        <translation>다음 버전 보기</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <source>Checking again every few seconds: this screen goes away by itself.</source>
        <translation>몇 초마다 다시 확인합니다. 이 화면은 저절로 사라집니다.</translation>
    </message>
    <message>
        <source>Download a model to start</source>
        <translation>모델을 다운로드해 시작하세요</translation>
    </message>
    <message>
        <source>More models…</source>
        <translation>더 많은 모델…</translation>
    </message>
    <message>
        <source>Nothing answers at &lt;b&gt;{host}&lt;/b&gt;. Check that the other computer is on and runs Ollama with &lt;code&gt;OLLAMA_HOST=0.0.0.0&lt;/code&gt;, that the address is right, and that a firewall lets port 11434 through.</source>
        <translation>&lt;b&gt;{host}&lt;/b&gt;에서 응답이 없습니다. 다른 컴퓨터가 켜져 있고 &lt;code&gt;OLLAMA_HOST=0.0.0.0&lt;/code&gt;으로 Ollama를 실행 중인지, 주소가 맞는지, 방화벽이 포트 11434를 허용하는지 확인하세요.</translation>
    </message>
    <message>
        <source>Ollama is not running</source>
        <translation>Ollama가 실행되고 있지 않습니다</translation>
    </message>
    <message>
        <source>Ollama is running, but has no model yet. A model is what answers your questions. These small ones download quickly and run on most computers:</source>
        <translation>Ollama는 실행 중이지만 아직 모델이 없습니다. 질문에 답하는 것이 바로 모델입니다. 아래의 작은 모델은 금방 다운로드되고 대부분의 컴퓨터에서 돌아갑니다:</translation>
    </message>
    <message>
        <source>Server address…</source>
        <translation>서버 주소…</translation>
    </message>
    <message>
        <source>Something else answers at this address</source>
        <translation>이 주소에서 Ollama가 아닌 다른 것이 응답합니다</translation>
    </message>
    <message>
        <source>The Ollama server does not answer</source>
        <translation>Ollama 서버가 응답하지 않습니다</translation>
    </message>
    <message>
        <source>Then open &lt;b&gt;Ollama&lt;/b&gt; from the Applications folder.</source>
        <translation>그런 다음 응용 프로그램 폴더에서 &lt;b&gt;Ollama&lt;/b&gt;를 여세요.</translation>
    </message>
    <message>
        <source>Then start &lt;b&gt;Ollama&lt;/b&gt; from the Start menu; its icon appears next to the clock.</source>
        <translation>그런 다음 시작 메뉴에서 &lt;b&gt;Ollama&lt;/b&gt;를 실행하세요. 시계 옆에 아이콘이 나타납니다.</translation>
    </message>
    <message>
        <source>Then start it: it usually runs by itself after installing; if not, open a terminal and run &lt;code&gt;ollama serve&lt;/code&gt;.</source>
        <translation>그런 다음 실행하세요. 보통 설치하면 저절로 실행되지만, 그렇지 않으면 터미널을 열고 &lt;code&gt;ollama serve&lt;/code&gt;를 실행하세요.</translation>
    </message>
    <message>
        <source>This app needs Ollama, a free program that runs the AI models on your computer. If you do not have it yet, download it from &lt;a href=&quot;{url}&quot;&gt;{url}&lt;/a&gt; and install it.</source>
        <translation>이 앱을 쓰려면 내 컴퓨터에서 AI 모델을 실행하는 무료 프로그램 Ollama가 필요합니다. 아직 없다면 &lt;a href=&quot;{url}&quot;&gt;{url}&lt;/a&gt;에서 다운로드해 설치하세요.</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;About Ollama Desktop</source>
        <translation>Ollama Desktop 정보(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Benchmark models…</source>
        <translation>모델 벤치마크(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>대화(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Free all memory now</source>
        <translation>지금 메모리 모두 비우기(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keep models in memory</source>
        <translation>모델을 메모리에 유지(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어 Language(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Load model now</source>
        <translation>지금 모델 로드(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Memory</source>
        <translation>메모리(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Memory in use…</source>
        <translation>사용 중인 메모리(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Models…</source>
        <translation>모델 관리(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;New chat</source>
        <translation>새 대화(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Ollama</source>
        <translation>Ollama(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Refresh models</source>
        <translation>모델 목록 새로 고침(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Stop answer</source>
        <translation>답변 중지(&amp;S)</translation>
    </message>
    <message>
        <source>About Ollama Desktop</source>
        <translation>Ollama Desktop 정보</translation>
    </message>
    <message>
        <source>Chat &amp;settings…</source>
        <translation>대화 설정(&amp;S)…</translation>
    </message>
    <message>
        <source>Find out which of your models answers fastest on this computer</source>
        <translation>이 컴퓨터에서 가장 빠르게 답하는 모델 찾기</translation>
    </message>
    <message>
        <source>Free memory right after each answer</source>
        <translation>답변이 끝나면 바로 메모리 비우기</translation>
    </message>
    <message>
        <source>Installed models: details, delete, download new ones</source>
        <translation>설치된 모델: 자세히 보기, 삭제, 새 모델 다운로드</translation>
    </message>
    <message>
        <source>Keep for 1 hour</source>
        <translation>1시간 유지</translation>
    </message>
    <message>
        <source>Keep for 5 minutes (Ollama&apos;s default)</source>
        <translation>5분 유지(Ollama 기본값)</translation>
    </message>
    <message>
        <source>Keep loaded until I unload it</source>
        <translation>직접 언로드할 때까지 유지</translation>
    </message>
    <message>
        <source>Keep running in the tray when the window is closed</source>
        <translation>창을 닫아도 트레이에서 계속 실행</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>나중에</translation>
    </message>
    <message>
        <source>Load the selected model into memory so the first answer starts at once</source>
        <translation>선택한 모델을 메모리에 로드해 두어 첫 답변이 바로 시작되게 합니다</translation>
    </message>
    <message>
        <source>No font for {language} is installed, so its text shows as empty boxes. Install the package {debian} (Debian, Ubuntu) or {fedora} (Fedora), then start Ollama Desktop again.</source>
        <translation>{language} 글꼴이 설치되어 있지 않아 글자가 빈 네모로 표시됩니다. {debian} 패키지(Debian, Ubuntu) 또는 {fedora} 패키지(Fedora)를 설치한 뒤 Ollama Desktop을 다시 시작하세요.</translation>
    </message>
    <message>
        <source>Ollama &amp;server…</source>
        <translation>Ollama 서버(&amp;S)…</translation>
    </message>
    <message>
        <source>Ollama Desktop will use the new language the next time it starts.</source>
        <translation>Ollama Desktop을 다음에 시작할 때 새 언어로 바뀝니다.</translation>
    </message>
    <message>
        <source>Ollama Desktop {version}
A desktop chat app for the Ollama server.</source>
        <translation>Ollama Desktop {version}
Ollama 서버와 대화하는 데스크톱 앱입니다.</translation>
    </message>
    <message>
        <source>Remove this server</source>
        <translation>이 서버 제거</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>지금 다시 시작</translation>
    </message>
    <message>
        <source>Simplified Chinese</source>
        <translation>중국어 간체</translation>
    </message>
    <message>
        <source>System language ({language})</source>
        <translation>시스템 언어({language})</translation>
    </message>
    <message>
        <source>Traditional Chinese</source>
        <translation>중국어 번체</translation>
    </message>
    <message>
        <source>Unload every model now, freeing its GPU and system memory</source>
        <translation>지금 모든 모델을 언로드해 GPU 메모리와 시스템 메모리를 비웁니다</translation>
    </message>
</context>
<context>
    <name>WindowStatusBar</name>
    <message>
        <source>Connecting to {host}…</source>
        <translation>{host}에 연결하는 중…</translation>
    </message>
    <message>
        <source>○ Ollama is not reachable at {host}. Retrying every few seconds…</source>
        <translation>○ {host}의 Ollama에 연결할 수 없습니다. 몇 초마다 다시 시도합니다…</translation>
    </message>
    <message>
        <source>○ {problem} Retrying every few seconds…</source>
        <translation>○ {problem} 몇 초마다 다시 시도합니다…</translation>
    </message>
    <message>
        <source>● Connected: Ollama {version} at {host}</source>
        <translation>● 연결됨: Ollama {version} ({host})</translation>
    </message>
</context>
</TS>
