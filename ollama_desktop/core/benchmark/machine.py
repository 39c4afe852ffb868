"""This computer as a benchmark result describes it: operating system, processor, graphics card.

Only what can be read without extra drivers or tools: files under /proc and /sys on Linux, the
registry on Windows, `sysctl` on macOS. Every reader fails quietly to "" (a missing GPU name must
never stop a benchmark). Reading takes a few milliseconds, or up to `_COMMAND_TIMEOUT` seconds on
macOS, so call it from a worker thread; the answer is cached for the process.
"""

from __future__ import annotations

import functools
import logging
import os
import platform
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

_COMMAND_TIMEOUT = 2.0
# The display adapters' class in the Windows registry (GUID_DEVCLASS_DISPLAY).
_WINDOWS_DISPLAY_CLASS = r"SYSTEM\CurrentControlSet\Control\Class\{4d36e968-e325-11ce-bfc1-08002be10318}"


@dataclass(frozen=True)
class MachineInfo:
    """Operating system, processor and graphics card names ("" where unknown)."""

    os: str = ""
    cpu: str = ""
    gpu: str = ""


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def linux_os(root: Path = Path("/")) -> str:
    """The distribution's name, the kernel and the architecture.

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> (root / "etc").mkdir()
    >>> _ = (root / "etc" / "os-release").write_text('NAME="Debian"\\nPRETTY_NAME="Debian GNU/Linux 12"\\n')
    >>> linux_os(root).startswith("Debian GNU/Linux 12 (Linux ")
    True
    """
    pretty = ""
    for line in _read(root / "etc" / "os-release").splitlines():
        key, _, value = line.partition("=")
        if key.strip() == "PRETTY_NAME":
            pretty = value.strip().strip('"')
    kernel = f"Linux {platform.release()}, {platform.machine()}"
    return f"{pretty} ({kernel})" if pretty else kernel


def linux_cpu(root: Path = Path("/")) -> str:
    """The processor's model name from /proc/cpuinfo (x86's "model name", ARM's "Model").

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> (root / "proc").mkdir()
    >>> _ = (root / "proc" / "cpuinfo").write_text("processor\\t: 0\\nmodel name\\t: AMD Ryzen 7 5800X\\n")
    >>> linux_cpu(root)
    'AMD Ryzen 7 5800X'
    """
    fields: dict[str, str] = {}
    for line in _read(root / "proc" / "cpuinfo").splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip() not in fields:
            fields[key.strip()] = value.strip()
    return fields.get("model name") or fields.get("Model") or fields.get("Hardware") or ""


def linux_gpus(root: Path = Path("/")) -> list[str]:
    """GPU names the kernel drivers publish: NVIDIA's /proc entries, AMD's `product_name`.

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> info = root / "proc" / "driver" / "nvidia" / "gpus" / "0000:01:00.0"
    >>> info.mkdir(parents=True)
    >>> _ = (info / "information").write_text("Model: \\t\\t NVIDIA GeForce RTX 4090\\nIRQ: 1\\n")
    >>> linux_gpus(root)
    ['NVIDIA GeForce RTX 4090']
    >>> linux_gpus(Path(tempfile.mkdtemp()))
    []
    """
    names: list[str] = []
    for info in sorted((root / "proc" / "driver" / "nvidia" / "gpus").glob("*/information")):
        for line in _read(info).splitlines():
            key, _, value = line.partition(":")
            if key.strip() == "Model" and value.strip():
                names.append(value.strip())
    for product in sorted((root / "sys" / "class" / "drm").glob("card*/device/product_name")):
        name = _read(product).strip()
        if name and name not in names:
            names.append(name)
    return names


def _command(*args: str) -> str:
    try:
        done = subprocess.run(args, capture_output=True, text=True, timeout=_COMMAND_TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def _mac() -> MachineInfo:
    version = platform.mac_ver()[0]
    arch = platform.machine()
    cpu = _command("/usr/sbin/sysctl", "-n", "machdep.cpu.brand_string")
    # Apple silicon's GPU is part of the chip, so the chip's name is the GPU's name too.
    gpu = f"{cpu} (built-in)" if cpu.startswith("Apple") else ""
    return MachineInfo(f"macOS {version} ({arch})" if version else f"macOS ({arch})", cpu, gpu)


if sys.platform == "win32":  # mypy checks this part only when it checks for Windows
    import winreg

    def _registry(key_path: str, name: str) -> str:
        try:
            with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, key_path) as key:
                found = winreg.QueryValueEx(key, name)[0]
        except OSError:
            return ""
        return str(found).strip()

    def _windows() -> MachineInfo:
        cpu = _registry(r"HARDWARE\DESCRIPTION\System\CentralProcessor\0", "ProcessorNameString")
        gpus = [_registry(rf"{_WINDOWS_DISPLAY_CLASS}\{index:04d}", "DriverDesc") for index in range(8)]
        names = list(dict.fromkeys(name for name in gpus if name))
        system = f"Windows {platform.release()} ({platform.version()}, {platform.machine()})"
        return MachineInfo(system, cpu, ", ".join(names))


def _with_threads(cpu: str) -> str:
    threads = os.cpu_count()
    name = re.sub(r"\s+", " ", cpu or platform.processor() or platform.machine()).strip()
    return f"{name}, {threads} threads" if threads else name


@functools.cache
def read_machine() -> MachineInfo:
    """This computer's description, read once per process."""
    try:
        if sys.platform == "darwin":
            info = _mac()
        elif sys.platform == "win32":
            info = _windows()
        else:
            info = MachineInfo(linux_os(), linux_cpu(), ", ".join(linux_gpus()))
    except Exception:  # a description is optional; never let it stop a benchmark
        log.exception("could not describe this machine")
        info = MachineInfo(platform.platform())
    return MachineInfo(info.os or platform.platform(), _with_threads(info.cpu), info.gpu)
