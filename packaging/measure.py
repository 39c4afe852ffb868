"""Measure the Linux builds: size on disk and compressed, start to window shown, RSS after start.

    bash packaging/build.sh && bash packaging/build.sh --onefile
    python3 packaging/measure.py [--runs 5]

Start time is measured from outside, with nothing added to the app: from spawning the executable
to the line `--smoke-test` prints (flushed) once the main window has painted its first frame,
offscreen (the checks of resources and plugins come after it). A cold
start first drops the page cache (`echo 3 > /proc/sys/vm/drop_caches`, root only); where that is
not allowed the cold figure is left out. RSS is read from /proc three seconds after a normal start
(offscreen, no Ollama running), summed over the process and its children (the one-file bootloader
and the app it unpacks). The app's settings and logs go to a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
import spec_support  # noqa: E402 -- beside this file

MIB = 1024 * 1024


def tree_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def zip_size(folder: Path) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "build.zip"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for path in sorted(folder.rglob("*")):
                name = str(path.relative_to(folder.parent))
                if path.is_symlink():  # stored as a link, as tar does, not as a second copy
                    link = zipfile.ZipInfo(name)
                    link.external_attr = 0o120777 << 16
                    archive.writestr(link, os.readlink(path))
                elif path.is_file():
                    archive.write(path, name)
        return target.stat().st_size


def drop_caches() -> bool:
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError:
        return False
    return True


def environment(home: Path) -> dict[str, str]:
    return dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        OLLAMA_HOST="127.0.0.1:9",  # nothing listens there: the app starts, says so, and waits
    )


def time_to_window(exe: Path, env: dict[str, str]) -> float:
    """Seconds from spawning `exe --smoke-test` to its line that the window was shown."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [str(exe), "--smoke-test"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    shown = process.stdout.readline()
    elapsed = time.perf_counter() - start
    rest, errors = process.communicate(timeout=60)
    if process.returncode != 0 or "window is shown" not in shown or "closed cleanly" not in rest:
        raise RuntimeError(f"{exe} --smoke-test failed ({process.returncode}): {shown}{rest}{errors}")
    return elapsed


def descendants(pid: int) -> list[int]:
    found = [pid]
    for task in Path(f"/proc/{pid}/task").iterdir():
        children = (task / "children").read_text().split()
        for child in children:
            found += descendants(int(child))
    return found


def rss_after_start(exe: Path, env: dict[str, str], wait: float = 3.0) -> int:
    process = subprocess.Popen([str(exe)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(wait)
        if process.poll() is not None:
            raise RuntimeError(f"{exe} exited early with {process.returncode}")
        total = 0
        for pid in descendants(process.pid):
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        return total
    finally:
        process.send_signal(signal.SIGINT)  # the app closes its window on Ctrl+C
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def measure(name: str, exe: Path, runs: int) -> list[str]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        env = environment(Path(tmp))
        cold = time_to_window(exe, env) if drop_caches() else None
        warm = [time_to_window(exe, env) for _ in range(runs)]
        rss = rss_after_start(exe, env)
    cold_text = f"{cold:.2f} s" if cold is not None else "n/a (cannot drop the page cache)"
    rows.append(f"| {name}: start to window shown, cold | {cold_text} |")
    rows.append(
        f"| {name}: start to window shown, warm (median of {runs}) | {statistics.median(warm):.2f} s "
        f"(min {min(warm):.2f}, max {max(warm):.2f}) |"
    )
    rows.append(f"| {name}: RSS 3 s after start | {rss / MIB:.0f} MiB |")
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5, help="warm starts to time (default 5)")
    options = parser.parse_args()
    version = spec_support.project_version()
    machine = os.uname().machine
    release = f"{spec_support.LINUX_NAME}-{version}-linux-{machine}"
    onedir = ROOT / "dist" / "onedir" / spec_support.LINUX_NAME
    onefile = ROOT / "dist" / "onefile" / release / spec_support.LINUX_NAME
    tarball = ROOT / "dist" / f"{release}.tar.gz"
    rows = ["| what | measured |", "|---|---|"]
    if onedir.is_dir():
        rows.append(f"| one-dir on disk | {tree_size(onedir) / MIB:.0f} MiB |")
        if tarball.is_file():
            rows.append(f"| one-dir as .tar.gz | {tarball.stat().st_size / MIB:.0f} MiB |")
        rows.append(f"| one-dir as .zip (deflate, level 9) | {zip_size(onedir) / MIB:.0f} MiB |")
    if onefile.is_file():
        rows.append(f"| one-file executable | {onefile.stat().st_size / MIB:.0f} MiB |")
    if onedir.is_dir():
        rows += measure("one-dir", onedir / spec_support.LINUX_NAME, options.runs)
    if onefile.is_file():
        rows += measure("one-file", onefile, options.runs)
    if len(rows) == 2:
        print("no build in dist/: run packaging/build.sh first", file=sys.stderr)
        return 1
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
