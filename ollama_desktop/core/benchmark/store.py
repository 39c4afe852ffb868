"""Past benchmarks, kept as JSON lines in one file, so today's run can be compared with last week's.

One line per benchmark, appended when it ends: a crash mid-write can only damage the last line, and
a damaged or unknown line is skipped (and logged) rather than losing the whole history. Durations
are stored as Ollama sent them (integer nanoseconds), so figures read back are exactly the ones
measured. Blocking file I/O: call it from a worker thread.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ollama_desktop.core.benchmark.runs import (
    BenchmarkConfig,
    BenchmarkPrompt,
    BenchmarkRecord,
    Environment,
    RunResult,
)
from ollama_desktop.core.errors import ErrorKind
from ollama_desktop.core.memory.residency import Placement
from ollama_desktop.core.responses import ReplyStats

log = logging.getLogger(__name__)

FORMAT = 1

_STAT_FIELDS = (
    "done_reason",
    "total_duration",
    "load_duration",
    "prompt_eval_count",
    "prompt_eval_duration",
    "eval_count",
    "eval_duration",
    "prompt_cached",  # absent from files written before it: 0, their prompt speeds as they were
)


def result_to_json(result: RunResult) -> dict[str, Any]:
    """One run as a JSON object (the counters flat, under Ollama's own names)."""
    data: dict[str, Any] = {"model": result.model, "prompt": result.prompt, "run": result.run}
    data["cold"] = result.cold
    data |= {name: getattr(result.stats, name) for name in _STAT_FIELDS}
    data["first_token_s"] = result.first_token_s
    data["placement"] = result.placement.value if result.placement else None
    data["model_bytes"] = result.model_bytes
    data["gpu_bytes"] = result.gpu_bytes
    data["error"] = result.error.value if result.error else None
    data["error_detail"] = result.error_detail
    return data


def _int(data: dict[str, Any], key: str) -> int:
    value = data.get(key, 0)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"{key} is not an integer")
    return value


def _error_kind(value: object) -> ErrorKind:
    """A saved kind; one a later version added reads as OTHER, keeping the run and its words.

    >>> _error_kind("out_of_memory"), _error_kind("a_kind_from_the_future")
    (<ErrorKind.OUT_OF_MEMORY: 'out_of_memory'>, <ErrorKind.OTHER: 'other'>)
    """
    try:
        return ErrorKind(value)
    except ValueError:
        return ErrorKind.OTHER


def result_from_json(data: dict[str, Any]) -> RunResult:
    """The inverse of `result_to_json`; ValueError when the object is not one."""
    first = data.get("first_token_s")
    placement = data.get("placement")
    error = data.get("error")
    counters = {name: _int(data, name) for name in _STAT_FIELDS[1:]}
    stats = ReplyStats(str(data.get("done_reason") or ""), **counters)
    return RunResult(
        model=str(data["model"]),
        prompt=str(data["prompt"]),
        run=_int(data, "run"),
        cold=bool(data.get("cold")),
        stats=stats,
        first_token_s=float(first) if isinstance(first, int | float) else None,
        placement=Placement(placement) if placement else None,
        model_bytes=_int(data, "model_bytes"),
        gpu_bytes=_int(data, "gpu_bytes"),
        error=_error_kind(error) if error else None,
        error_detail=str(data.get("error_detail") or ""),
    )


def record_to_json(record: BenchmarkRecord) -> dict[str, Any]:
    """One benchmark as a JSON object."""
    env, config = record.environment, record.config
    return {
        "format": FORMAT,
        "started_at": env.started_at.astimezone(UTC).isoformat(),
        "complete": record.complete,
        "environment": {
            "ollama_version": env.ollama_version,
            "host": env.host,
            "app_version": env.app_version,
            "os": env.os,
            "cpu": env.cpu,
            "gpu": env.gpu,
        },
        "config": {
            "models": list(config.models),
            "prompts": [{"key": p.key, "text": p.text, "num_predict": p.num_predict} for p in config.prompts],
            "runs": config.runs,
            "cold": config.cold,
        },
        "results": [result_to_json(result) for result in record.results],
    }


def record_from_json(data: Any) -> BenchmarkRecord:
    """The inverse of `record_to_json`; ValueError, KeyError, TypeError or AttributeError otherwise."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("not a benchmark record of a known format")
    env = data["environment"]
    config = data["config"]
    started = datetime.fromisoformat(str(data["started_at"]))
    environment = Environment(
        ollama_version=str(env.get("ollama_version", "")),
        host=str(env.get("host", "")),
        app_version=str(env.get("app_version", "")),
        started_at=started if started.tzinfo else started.replace(tzinfo=UTC),
        os=str(env.get("os", "")),
        cpu=str(env.get("cpu", "")),
        gpu=str(env.get("gpu", "")),
    )
    prompts = tuple(
        BenchmarkPrompt(str(p["key"]), str(p["text"]), int(p["num_predict"])) for p in config["prompts"]
    )
    benchmark = BenchmarkConfig(
        tuple(str(m) for m in config["models"]), prompts, int(config["runs"]), bool(config["cold"])
    )
    results = tuple(result_from_json(item) for item in data["results"])
    return BenchmarkRecord(environment, benchmark, results, bool(data.get("complete", True)))


class BenchmarkStore:
    """The history file.

    Args:
        path: the JSON-lines file (the app uses AppLocalDataLocation/benchmarks.jsonl); it and its
            folder are created on the first save.
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> tuple[BenchmarkRecord, ...]:
        """Every readable benchmark, oldest first; () when there is no file yet."""
        try:
            text = self.path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return ()
        except OSError as exc:  # a file where the folder should be, no permission: nothing saved to show
            log.warning("cannot read %s: %s", self.path, exc)
            return ()
        records: list[BenchmarkRecord] = []
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                records.append(record_from_json(json.loads(line)))
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                log.warning("%s line %d skipped: %s", self.path, number, exc)
        return tuple(records)

    def append(self, record: BenchmarkRecord) -> None:
        """Add one benchmark at the end of the file."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        line = json.dumps(record_to_json(record), ensure_ascii=False, separators=(",", ":"))
        with self.path.open("a", encoding="utf-8", newline="\n") as file:
            file.write(line + "\n")
