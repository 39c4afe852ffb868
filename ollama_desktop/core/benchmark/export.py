"""A benchmark as CSV (every run, every counter, for spreadsheets) and as Markdown (to read or share).

The CSV keeps stable English column names and full precision (Python's shortest round-trip float
text, raw nanosecond counters), so a file read back gives exactly the measured figures. The Markdown
is for people: rounded figures and sentences from `ExportTexts`, which the UI fills with translated
words (core has no Qt to translate with); the defaults are English.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import astuple, dataclass, field
from pathlib import Path

from ollama_desktop.core.benchmark.runs import (
    BenchmarkRecord,
    ModelSummary,
    RunResult,
    Spread,
    suggest,
    summarize_by_prompt,
)
from ollama_desktop.core.errors import ErrorKind
from ollama_desktop.core.memory.residency import Placement

CSV_COLUMNS = (
    "model",
    "prompt",
    "run",
    "start",
    "eval_tokens_per_s",
    "prompt_tokens_per_s",
    "load_s",
    "total_s",
    "first_token_s",
    "eval_count",
    "prompt_eval_count",
    "eval_duration_ns",
    "prompt_eval_duration_ns",
    "load_duration_ns",
    "total_duration_ns",
    "done_reason",
    "placement",
    "model_memory_bytes",
    "gpu_memory_bytes",
    "error",
    "error_message",
    "server_message",
    "benchmark_started_at",
    "ollama_version",
    "host",
    "app_version",
    "os",
    "cpu",
    "gpu",
)

_GB = 1e9


def _default_prompt_titles() -> dict[str, str]:
    return {
        "short": "Short question",
        "long": "Long answer",
        "code": "Code",
        "chinese": "Chinese",
        "korean": "Korean",
        "custom": "Your own prompt",
    }


def _default_error_texts() -> dict[ErrorKind, str]:
    """What went wrong in a run, for exports made without a translation (the UI passes its own)."""
    return {
        ErrorKind.MODEL_NOT_FOUND: "The model is not installed on this Ollama server.",
        ErrorKind.OUT_OF_MEMORY: "The model does not fit in this computer's memory.",
        ErrorKind.TIMED_OUT: "Ollama did not answer in time.",
        ErrorKind.UNREACHABLE: "Ollama could not be reached.",
        ErrorKind.CONNECTION_LOST: "The connection to Ollama was lost during the answer.",
        ErrorKind.REDIRECTED: "The server sent the app to another address.",
        ErrorKind.NOT_OLLAMA: "Something answers at the address, but not as Ollama does.",
        ErrorKind.BAD_ANSWER: "Ollama's answer could not be read.",
        ErrorKind.SERVER_ERROR: "Ollama reported a problem.",
        ErrorKind.CLOUD_SIGN_IN: "The cloud model needs the server signed in to ollama.com.",
        ErrorKind.CLOUD_DISABLED: "Cloud models are turned off on this server.",
        ErrorKind.OTHER: "Something went wrong.",
    }


@dataclass(frozen=True)
class ExportTexts:
    """Every word a Markdown export (and the dialog's tables) shows, English by default.

    Placeholders in braces are filled with `str.format`. A newline in a column heading is where the
    dialog's table breaks it; Markdown gets a space there.
    """

    title: str = "Ollama benchmark, {date}"
    server: str = "Ollama {version} at {host}"
    unknown_version: str = "version unknown"
    app: str = "Ollama Desktop {version}"
    system: str = "System: {os}"
    processor: str = "Processor: {cpu}"
    graphics: str = "Graphics card: {gpu}"
    no_graphics: str = "Graphics card: not found"
    cold_mode: str = "Every run started cold: the model was unloaded first, so loading time is included."
    warm_mode: str = "Every run started warm: the model was loaded before its first run."
    runs_line: str = "{runs} runs per model and prompt."
    stopped: str = "Stopped before the end: only the finished runs are included."
    suggestion_fits: str = (
        "Suggested: **{model}**, the fastest model that fits fully in GPU memory ({rate} tokens/s)."
    )
    suggestion_no_fit: str = (
        "No model fitted fully in GPU memory. The fastest was **{model}** ({rate} tokens/s)."
    )
    heading_models: str = "Per model"
    heading_prompts: str = "Per model and prompt"
    heading_runs: str = "Every run"
    heading_prompt_texts: str = "Prompts"
    model: str = "Model"
    prompt: str = "Prompt"
    runs: str = "Runs"
    runs_value: str = "{ok} of {total}"
    run: str = "Run"
    start: str = "Start"
    cold: str = "cold"
    warm: str = "warm"
    answer_speed: str = "Speed\n(tokens/s)"
    median_speed: str = "Median speed\n(tokens/s)"
    spread: str = "Slowest–\nfastest"
    prompt_speed: str = "Reading speed\n(tokens/s)"
    load: str = "Loading\n(s)"
    total: str = "Total\n(s)"
    first_token: str = "First word\nafter (s)"
    tokens: str = "Answer\ntokens"
    prompt_tokens: str = "Prompt\ntokens"
    ended: str = "Ended"
    where: str = "Where it ran"
    problem: str = "Problem"
    on_gpu: str = "GPU {gb} GB"
    split: str = "GPU {gpu} GB + RAM {ram} GB"
    on_cpu: str = "CPU {gb} GB"
    unknown: str = "unknown"
    done_reasons: dict[str, str] = field(
        default_factory=lambda: {"stop": "finished", "length": "at the length limit"}
    )
    prompt_titles: dict[str, str] = field(default_factory=_default_prompt_titles)
    errors: dict[ErrorKind, str] = field(default_factory=_default_error_texts)

    def prompt_title(self, key: str) -> str:
        return self.prompt_titles.get(key, key)

    def error_text(self, result: RunResult) -> str:
        """The plain sentence for a failed run ("" for a good one)."""
        return self.errors.get(result.error, "") if result.error else ""

    def done_reason(self, reason: str) -> str:
        return self.done_reasons.get(reason, reason)

    def placement(self, placement: Placement | None, model_bytes: int, gpu_bytes: int) -> str:
        """Where a model sat, e.g. "GPU 6.4 GB" or "GPU 3.8 GB + RAM 2.6 GB".

        >>> ExportTexts().placement(Placement.SPLIT, 6_400_000_000, 3_840_000_000)
        'GPU 3.8 GB + RAM 2.6 GB'
        >>> ExportTexts().placement(None, 0, 0)
        'unknown'
        """
        if placement is None:
            return self.unknown
        if placement is Placement.GPU:
            return self.on_gpu.format(gb=_gb(model_bytes))
        if placement is Placement.SPLIT:
            ram = model_bytes - gpu_bytes
            return self.split.format(gb=_gb(model_bytes), gpu=_gb(gpu_bytes), ram=_gb(ram))
        return self.on_cpu.format(gb=_gb(model_bytes))


def _gb(size: int) -> str:
    return f"{size / _GB:.1f}"


def _full(value: float | None) -> str:
    """Full precision: `repr` of a float is the shortest text that reads back as the same float."""
    return "" if value is None else repr(value)


def to_csv(record: BenchmarkRecord, texts: ExportTexts | None = None) -> str:
    """Every run as one CSV row (CSV_COLUMNS), the environment repeated on each row.

    Repeating the environment lets files from several benchmarks be pasted into one sheet and still
    be told apart.
    """
    texts = texts or ExportTexts()
    env = record.environment
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for result in record.results:
        stats = result.stats
        writer.writerow(
            [
                result.model,
                result.prompt,
                result.run,
                "cold" if result.cold else "warm",
                _full(result.eval_rate),
                _full(result.prompt_rate),
                _full(result.load_s),
                _full(result.total_s),
                _full(result.first_token_s),
                stats.eval_count,
                stats.prompt_eval_count,
                stats.eval_duration,
                stats.prompt_eval_duration,
                stats.load_duration,
                stats.total_duration,
                stats.done_reason,
                result.placement.value if result.placement else "",
                result.model_bytes,
                result.gpu_bytes,
                result.error.value if result.error else "",
                texts.error_text(result),
                result.error_detail,
                env.started_at.isoformat(),
                env.ollama_version,
                env.host,
                env.app_version,
                env.os,
                env.cpu,
                env.gpu,
            ]
        )
    return buffer.getvalue()


def _cell(text: str) -> str:
    """Text made safe for a Markdown table cell: one line, pipes escaped."""
    one_line = re.sub(r"(?<=[–-])\n", "", text).replace("\n", " ")
    return one_line.replace("\\", "\\\\").replace("|", "\\|")


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(_cell(h) for h in header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return lines


def rate_text(value: float | None) -> str:
    """A speed as the tables show it: one decimal.

    >>> rate_text(48.6946), rate_text(None)
    ('48.7', '–')
    """
    return "–" if value is None else f"{value:.1f}"


def seconds_text(value: float | None) -> str:
    """A duration as the tables show it: two decimals."""
    return "–" if value is None else f"{value:.2f}"


def spread_text(spread: Spread | None) -> str:
    """A range as "low–high".

    >>> spread_text(Spread(12.0, 10.04, 30.0, 3))
    '10.0–30.0'
    """
    return "–" if spread is None else f"{spread.low:.1f}–{spread.high:.1f}"


def median_or_none(spread: Spread | None) -> float | None:
    """The median of a spread, or None."""
    return None if spread is None else spread.median


@dataclass(frozen=True)
class SummaryRow:
    """One line of a summary table: a model's (or a model and prompt's) figures, or the headings.

    Attributes:
        model: the model's name.
        prompt: the prompt's title in the per-prompt table; None in the per-model one.
        runs: how many runs succeeded, of how many.
        median_speed: the median answer speed.
        spread: the slowest and the fastest run's speed.
        prompt_speed: the median speed of reading the question.
        load: the median loading time.
        first_token: the median time to the first word.
        where: where the model sat (the worst placement of its runs).
        problem: why runs failed, one sentence per kind.
    """

    model: str
    prompt: str | None
    runs: str
    median_speed: str
    spread: str
    prompt_speed: str
    load: str
    first_token: str
    where: str
    problem: str

    def cells(self) -> list[str]:
        """The row's texts in table order (no prompt column in the per-model table)."""
        return [cell for cell in astuple(self) if cell is not None]


def summary_row(summary: ModelSummary, texts: ExportTexts, by_prompt: bool = False) -> SummaryRow:
    """One model's (or model and prompt's) figures as the summary tables show them."""
    return SummaryRow(
        model=summary.model,
        prompt=texts.prompt_title(summary.prompt) if by_prompt else None,
        runs=texts.runs_value.format(ok=summary.runs, total=summary.runs + summary.failed),
        median_speed=rate_text(median_or_none(summary.eval_rate)),
        spread=spread_text(summary.eval_rate),
        prompt_speed=rate_text(median_or_none(summary.prompt_rate)),
        load=seconds_text(median_or_none(summary.load_s)),
        first_token=seconds_text(median_or_none(summary.first_token_s)),
        where=texts.placement(summary.placement, summary.model_bytes, summary.gpu_bytes),
        problem="; ".join(texts.errors.get(kind, kind.value) for kind in summary.errors),
    )


def summary_header(texts: ExportTexts, by_prompt: bool = False) -> SummaryRow:
    """The headings of a summary table."""
    return SummaryRow(
        model=texts.model,
        prompt=texts.prompt if by_prompt else None,
        runs=texts.runs,
        median_speed=texts.median_speed,
        spread=texts.spread,
        prompt_speed=texts.prompt_speed,
        load=texts.load,
        first_token=texts.first_token,
        where=texts.where,
        problem=texts.problem,
    )


@dataclass(frozen=True)
class RunRow:
    """One line of the "every run" table: one run's figures ("–" where there are none), or the headings."""

    model: str
    prompt: str
    run: str
    start: str
    answer_speed: str
    prompt_speed: str
    load: str
    total: str
    first_token: str
    tokens: str
    prompt_tokens: str
    ended: str
    where: str
    problem: str

    def cells(self) -> list[str]:
        """The row's texts in table order."""
        return list(astuple(self))


def run_row(result: RunResult, texts: ExportTexts) -> RunRow:
    """One run as the "every run" table shows it (Markdown and the dialog alike)."""
    ok = result.ok
    return RunRow(
        model=result.model,
        prompt=texts.prompt_title(result.prompt),
        run=str(result.run),
        start=texts.cold if result.cold else texts.warm,
        answer_speed=rate_text(result.eval_rate),
        prompt_speed=rate_text(result.prompt_rate),
        load=seconds_text(result.load_s),
        total=seconds_text(result.total_s),
        first_token=seconds_text(result.first_token_s),
        tokens=str(result.stats.eval_count) if ok else "–",
        prompt_tokens=str(result.stats.prompt_eval_count) if ok else "–",
        ended=texts.done_reason(result.stats.done_reason) if ok else "–",
        where=texts.placement(result.placement, result.model_bytes, result.gpu_bytes) if ok else "–",
        problem=texts.error_text(result),
    )


def run_header(texts: ExportTexts) -> RunRow:
    """The headings of the "every run" table."""
    return RunRow(
        model=texts.model,
        prompt=texts.prompt,
        run=texts.run,
        start=texts.start,
        answer_speed=texts.answer_speed,
        prompt_speed=texts.prompt_speed,
        load=texts.load,
        total=texts.total,
        first_token=texts.first_token,
        tokens=texts.tokens,
        prompt_tokens=texts.prompt_tokens,
        ended=texts.ended,
        where=texts.where,
        problem=texts.problem,
    )


def to_markdown(record: BenchmarkRecord, texts: ExportTexts | None = None) -> str:
    """The benchmark as a Markdown document: where it ran, the suggestion, and three tables."""
    texts = texts or ExportTexts()
    env = record.environment
    lines = [f"# {texts.title.format(date=env.started_at.strftime('%Y-%m-%d %H:%M UTC'))}", ""]
    facts = [
        texts.server.format(version=env.ollama_version or texts.unknown_version, host=env.host),
        texts.app.format(version=env.app_version),
    ]
    if env.os:
        facts.append(texts.system.format(os=env.os))
    if env.cpu:
        facts.append(texts.processor.format(cpu=env.cpu))
    facts.append(texts.graphics.format(gpu=env.gpu) if env.gpu else texts.no_graphics)
    lines += [f"- {fact}" for fact in facts]
    lines += [
        "",
        texts.cold_mode if record.config.cold else texts.warm_mode,
        texts.runs_line.format(runs=record.config.runs),
    ]
    if not record.complete:
        lines.append(texts.stopped)
    summaries = record.summaries()
    suggestion = suggest(summaries)
    if suggestion is not None and suggestion.summary.eval_rate is not None:
        template = texts.suggestion_fits if suggestion.fits_gpu else texts.suggestion_no_fit
        rate = rate_text(suggestion.summary.eval_rate.median)
        lines += ["", template.format(model=suggestion.summary.model, rate=rate)]
    lines += ["", f"## {texts.heading_models}", ""]
    lines += _table(summary_header(texts).cells(), [summary_row(s, texts).cells() for s in summaries])
    if len(record.config.prompts) > 1:
        lines += ["", f"## {texts.heading_prompts}", ""]
        by_prompt = summarize_by_prompt(record.results)
        header = summary_header(texts, True).cells()
        lines += _table(header, [summary_row(s, texts, True).cells() for s in by_prompt])
    lines += ["", f"## {texts.heading_runs}", ""]
    lines += _table(run_header(texts).cells(), [run_row(result, texts).cells() for result in record.results])
    lines += ["", f"## {texts.heading_prompt_texts}", ""]
    lines += [f"- **{texts.prompt_title(p.key)}**: {_cell(p.text)}" for p in record.config.prompts]
    return "\n".join(lines) + "\n"


def save_text(path: Path, text: str, *, excel_bom: bool = False) -> None:
    """Write an export. `excel_bom` starts the file with a UTF-8 byte order mark, without which
    Excel reads a CSV as the local code page and garbles non-English text.
    """
    path.write_text(text, encoding="utf-8-sig" if excel_bom else "utf-8", newline="")
