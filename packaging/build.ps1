<#
.SYNOPSIS
Build Ollama Desktop for Windows from a clean venv, then run the build's --smoke-test offscreen.

.DESCRIPTION
The Windows twin of packaging/build.sh (see packaging/README.md).
One-dir (default): "dist\onedir\Ollama Desktop\Ollama Desktop.exe" and
dist\ollama-desktop-<version>-windows-x64.zip. One-file (-OneFile): "dist\onefile\Ollama Desktop.exe".

.EXAMPLE
powershell -ExecutionPolicy Bypass -File packaging\build.ps1
.EXAMPLE
powershell -ExecutionPolicy Bypass -File packaging\build.ps1 -OneFile -Python "C:\Python311\python.exe"
#>
param(
    # One self-unpacking .exe instead of a folder.
    [switch]$OneFile,
    # Reuse build\packaging-venv if it is there (faster when iterating on the spec).
    [switch]$KeepVenv,
    # The Python 3.11+ to build with (the build bundles this interpreter).
    [string]$Python = "python"
)
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")

function Invoke-Native {
    # Run a program; stop the build if it fails (native exit codes do not raise in PowerShell).
    param([string]$Program, [string[]]$Arguments)
    & $Program @Arguments
    if ($LASTEXITCODE -ne 0) { throw "failed with exit code ${LASTEXITCODE}: $Program $($Arguments -join ' ')" }
}

$mode = if ($OneFile) { "onefile" } else { "onedir" }
$venv = "build\packaging-venv"
$venvPython = Join-Path $venv "Scripts\python.exe"
# setuptools builds the app's wheel in build\lib: a stale copy there could bring back a deleted module.
Get-Item -Path "build\lib", "build\bdist.*", "*.egg-info" -ErrorAction SilentlyContinue |
    ForEach-Object { Remove-Item -Recurse -Force $_.FullName }
if (-not $KeepVenv -or -not (Test-Path (Join-Path $venv "Scripts\pyinstaller.exe"))) {
    Write-Host "== packaging: a clean venv with PyInstaller and the app ($venv)"
    if (Test-Path $venv) { Remove-Item -Recurse -Force $venv }
    Invoke-Native $Python @("-m", "venv", $venv)
    Invoke-Native $venvPython @("-m", "pip", "install", "--quiet", "--disable-pip-version-check",
        "-r", "packaging\requirements.txt", ".")
} else {
    Write-Host "== packaging: the app reinstalled into the kept $venv"
    Invoke-Native $venvPython @("-m", "pip", "install", "--quiet", "--disable-pip-version-check",
        "--no-deps", "--force-reinstall", ".")
}

$version = (& $venvPython -c "import sys; sys.path.insert(0, 'packaging'); import spec_support; print(spec_support.project_version())").Trim()
if ($LASTEXITCODE -ne 0) { throw "cannot read the version from pyproject.toml" }
$arch = if ($env:PROCESSOR_ARCHITECTURE -eq "ARM64") { "arm64" } else { "x64" }
$dist = "dist\$mode"

Write-Host "== packaging: PyInstaller, $mode build of Ollama Desktop $version"
foreach ($old in @($dist, "build\pyinstaller-$mode")) { if (Test-Path $old) { Remove-Item -Recurse -Force $old } }
$pyinstallerArgs = @("--noconfirm", "--clean", "--log-level", "WARN", "--distpath", $dist,
    "--workpath", "build\pyinstaller-$mode", "packaging\ollama_desktop.spec")
# '--' quoted: a bare -- is eaten by PowerShell's own parameter parsing.
if ($OneFile) { $pyinstallerArgs += @('--', '--onefile') }
Invoke-Native (Join-Path $venv "Scripts\pyinstaller.exe") $pyinstallerArgs

$exe = if ($OneFile) { Join-Path $dist "Ollama Desktop.exe" } else { Join-Path $dist "Ollama Desktop\Ollama Desktop.exe" }
if (-not (Test-Path $exe)) { throw "PyInstaller did not write $exe" }

# The .exe is a windowed (console=False) program: start it, wait with a time limit (a crash
# dialog would otherwise wait forever), and show what it printed.
Write-Host "== packaging: the build's --smoke-test"
$env:QT_QPA_PLATFORM = "offscreen"
$out = Join-Path $env:TEMP "ollama-desktop-smoke.out"
$err = Join-Path $env:TEMP "ollama-desktop-smoke.err"
$process = Start-Process -FilePath $exe -ArgumentList "--smoke-test" -PassThru -NoNewWindow `
    -RedirectStandardOutput $out -RedirectStandardError $err
$null = $process.Handle  # keeps ExitCode readable after the process ends
if (-not $process.WaitForExit(120000)) {
    $process.Kill()
    throw "the smoke test did not finish within 120 s"
}
Get-Content $out, $err -ErrorAction SilentlyContinue | Write-Host
if ($process.ExitCode -ne 0) { throw "the smoke test failed with exit code $($process.ExitCode)" }

if ($OneFile) {
    $size = (Get-Item $exe).Length / 1MB
    Write-Host ("== packaging: built {0} ({1:N0} MiB)" -f $exe, $size)
} else {
    $folder = Join-Path $dist "Ollama Desktop"
    $archive = "dist\ollama-desktop-$version-windows-$arch.zip"
    if (Test-Path $archive) { Remove-Item -Force $archive }
    Compress-Archive -Path $folder -DestinationPath $archive -CompressionLevel Optimal
    $size = (Get-ChildItem -Recurse -File $folder | Measure-Object -Sum Length).Sum / 1MB
    Write-Host ("== packaging: built {0} ({1:N0} MiB on disk), {2} ({3:N0} MiB)" -f `
        $exe, $size, $archive, ((Get-Item $archive).Length / 1MB))
}
