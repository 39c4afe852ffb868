"""The benchmark's words in the user's language: table headings, prompt titles, exports.

Core builds the Markdown export and the table rows from an `ExportTexts`; this module fills one
with translated words, so the dialog and the files it saves speak the same language.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from ollama_desktop.core.benchmark.export import ExportTexts
from ollama_desktop.core.benchmark.runs import BenchmarkRecord
from ollama_desktop.ui.locale_format import date_time_text
from ollama_desktop.ui.messages import error_summaries


def started_text(moment: datetime) -> str:
    """A benchmark's date and time in the user's locale and time zone."""
    return date_time_text(moment)


def environment_text(record: BenchmarkRecord, texts: ExportTexts) -> str:
    """Where a benchmark ran, on one line: the server, the system, the graphics card, cold or warm."""
    env = record.environment
    facts = [texts.server.format(version=env.ollama_version or texts.unknown_version, host=env.host)]
    facts += [fact for fact in (env.os, env.cpu) if fact]
    facts.append(texts.graphics.format(gpu=env.gpu) if env.gpu else texts.no_graphics)
    if record.config.cold:
        facts.append(QCoreApplication.translate("BenchmarkTexts", "cold starts"))
    else:
        facts.append(QCoreApplication.translate("BenchmarkTexts", "warm starts"))
    return " · ".join(facts)


def prompt_titles() -> dict[str, str]:
    """The built-in prompts' titles (and the user's own), by prompt key."""
    return {
        "short": QCoreApplication.translate("BenchmarkTexts", "Short question"),
        "long": QCoreApplication.translate("BenchmarkTexts", "Long answer"),
        "code": QCoreApplication.translate("BenchmarkTexts", "Code"),
        "chinese": QCoreApplication.translate("BenchmarkTexts", "Chinese"),
        "korean": QCoreApplication.translate("BenchmarkTexts", "Korean"),
        "custom": QCoreApplication.translate("BenchmarkTexts", "Your own question"),
    }


def benchmark_texts() -> ExportTexts:
    """Every word of the benchmark tables and the Markdown export, translated."""
    return ExportTexts(
        title=QCoreApplication.translate("BenchmarkTexts", "Ollama benchmark, {date}"),
        server=QCoreApplication.translate("BenchmarkTexts", "Ollama {version} at {host}"),
        unknown_version=QCoreApplication.translate("BenchmarkTexts", "version unknown"),
        app=QCoreApplication.translate("BenchmarkTexts", "Ollama Desktop {version}"),
        system=QCoreApplication.translate("BenchmarkTexts", "System: {os}"),
        processor=QCoreApplication.translate("BenchmarkTexts", "Processor: {cpu}"),
        graphics=QCoreApplication.translate("BenchmarkTexts", "Graphics card: {gpu}"),
        no_graphics=QCoreApplication.translate("BenchmarkTexts", "Graphics card: not found"),
        cold_mode=QCoreApplication.translate(
            "BenchmarkTexts",
            "Every run started cold: the model was unloaded first, so loading time is included.",
        ),
        warm_mode=QCoreApplication.translate(
            "BenchmarkTexts", "Every run started warm: the model was loaded before its first run."
        ),
        runs_line=QCoreApplication.translate("BenchmarkTexts", "{runs} runs per model and question."),
        stopped=QCoreApplication.translate(
            "BenchmarkTexts", "Stopped before the end: only the finished runs are included."
        ),
        suggestion_fits=QCoreApplication.translate(
            "BenchmarkTexts",
            "Suggested: **{model}**, the fastest model that fits fully in the graphics card's memory "
            "({rate} tokens/s).",
        ),
        suggestion_no_fit=QCoreApplication.translate(
            "BenchmarkTexts",
            "No model fitted fully in the graphics card's memory. The fastest was **{model}** "
            "({rate} tokens/s).",
        ),
        heading_models=QCoreApplication.translate("BenchmarkTexts", "Per model"),
        heading_prompts=QCoreApplication.translate("BenchmarkTexts", "Per model and question"),
        heading_runs=QCoreApplication.translate("BenchmarkTexts", "Every run"),
        heading_prompt_texts=QCoreApplication.translate("BenchmarkTexts", "Questions"),
        model=QCoreApplication.translate("BenchmarkTexts", "Model"),
        prompt=QCoreApplication.translate("BenchmarkTexts", "Question"),
        runs=QCoreApplication.translate("BenchmarkTexts", "Runs"),
        runs_value=QCoreApplication.translate("BenchmarkTexts", "{ok} of {total}"),
        run=QCoreApplication.translate("BenchmarkTexts", "Run"),
        start=QCoreApplication.translate("BenchmarkTexts", "Start"),
        cold=QCoreApplication.translate("BenchmarkTexts", "cold"),
        warm=QCoreApplication.translate("BenchmarkTexts", "warm"),
        answer_speed=QCoreApplication.translate("BenchmarkTexts", "Speed\n(tokens/s)"),
        median_speed=QCoreApplication.translate("BenchmarkTexts", "Median speed\n(tokens/s)"),
        spread=QCoreApplication.translate("BenchmarkTexts", "Slowest–\nfastest"),
        prompt_speed=QCoreApplication.translate("BenchmarkTexts", "Reading speed\n(tokens/s)"),
        load=QCoreApplication.translate("BenchmarkTexts", "Loading\n(s)"),
        total=QCoreApplication.translate("BenchmarkTexts", "Total\n(s)"),
        first_token=QCoreApplication.translate("BenchmarkTexts", "First word\nafter (s)"),
        tokens=QCoreApplication.translate("BenchmarkTexts", "Answer\ntokens"),
        prompt_tokens=QCoreApplication.translate("BenchmarkTexts", "Question\ntokens"),
        ended=QCoreApplication.translate("BenchmarkTexts", "Ended"),
        where=QCoreApplication.translate("BenchmarkTexts", "Where it ran"),
        problem=QCoreApplication.translate("BenchmarkTexts", "Problem"),
        on_gpu=QCoreApplication.translate("BenchmarkTexts", "GPU {gb} GB"),
        split=QCoreApplication.translate("BenchmarkTexts", "GPU {gpu} GB + RAM {ram} GB"),
        on_cpu=QCoreApplication.translate("BenchmarkTexts", "CPU {gb} GB"),
        unknown=QCoreApplication.translate("BenchmarkTexts", "unknown"),
        done_reasons={
            "stop": QCoreApplication.translate("BenchmarkTexts", "finished"),
            "length": QCoreApplication.translate("BenchmarkTexts", "at the length limit"),
        },
        prompt_titles=prompt_titles(),
        errors=error_summaries(),
    )


def column_tips() -> dict[str, str]:
    """Tooltips for the table headings that need a word of explanation, by heading."""
    texts = benchmark_texts()
    return {
        texts.answer_speed: QCoreApplication.translate(
            "BenchmarkTexts",
            "How fast the answer was written, in tokens (pieces of words) per second, as Ollama "
            "measured it. Higher is better.",
        ),
        texts.median_speed: QCoreApplication.translate(
            "BenchmarkTexts",
            "The middle value of the runs' speeds, so one unusually slow or fast run does not decide. "
            "Higher is better.",
        ),
        texts.spread: QCoreApplication.translate(
            "BenchmarkTexts", "The slowest and the fastest run. A wide range means the speed varied."
        ),
        texts.prompt_speed: QCoreApplication.translate(
            "BenchmarkTexts", "How fast the model read the question, in tokens per second."
        ),
        texts.load: QCoreApplication.translate(
            "BenchmarkTexts", "How long Ollama took to load the model into memory."
        ),
        texts.first_token: QCoreApplication.translate(
            "BenchmarkTexts", "How long it took, from asking, until the first word of the answer arrived."
        ),
        texts.where: QCoreApplication.translate(
            "BenchmarkTexts",
            "Where the model sat while answering: fully in the graphics card's memory (GPU, fastest), "
            "split between the graphics card and the computer's memory, or only in the computer's "
            "memory (CPU, slowest).",
        ),
    }
