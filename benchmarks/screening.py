"""Screening budgets, measured: batch throughput on one core, single-comment latency, memory, size.

    python benchmarks/screening.py [--data ../shared/data] [--n 4000] [--out eval]

Pins itself to one CPU (``sched_setaffinity``) with one BLAS/OpenMP thread, loads every model,
then measures on real comments from ``../shared/data`` (en, ar, tr, fa; plus the team's Kurdish
sets in ``eval/kurdish`` when present):

- batch throughput of ``screen_many`` (the whole engine) and of the classifier alone, comments/s;
- single-comment ``screen`` latency, p50 and p99 (ms);
- peak resident memory of the process (MB) and the size of ``majlis/screening/models`` (MB);
- alt-profanity-check on the same English texts in the same run, in its own venv on the same core
  (skipped, with a message, when ``/tmp/bench-apc/venv`` is missing).
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import csv  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import resource  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SOURCES = {"en": "olid", "ar": "arabic-offensive-taxonomy", "tr": "offenseval2020-tr",
           "fa": "pars-off-fa"}
_APC_BENCH = r"""
import json, sys, time
from profanity_check import predict_prob
texts = [json.loads(l)["text"] for l in sys.stdin]
predict_prob(texts[:10])
t = time.perf_counter(); predict_prob(texts); batch = time.perf_counter() - t
lat = []
for x in texts[:1000]:
    t = time.perf_counter(); predict_prob([x]); lat.append(time.perf_counter() - t)
lat.sort()
import resource
print(json.dumps({"batch_per_s": len(texts) / batch, "p50_ms": lat[len(lat) // 2] * 1e3,
                  "p99_ms": lat[int(len(lat) * 0.99)] * 1e3,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def sample_texts(data_dir: Path, per_language: int, seed: int = 0) -> list[tuple[str, str]]:
    """``(text, lang)`` pairs: ``per_language`` random comments per language, fixed seed."""
    csv.field_size_limit(sys.maxsize)
    out = []
    files = {lang: data_dir / s / f"{s}.csv" for lang, s in SOURCES.items()}
    for lang in ("ckb", "kmr"):
        if (REPO / "eval" / "kurdish" / f"{lang}.csv").exists():
            files[lang] = REPO / "eval" / "kurdish" / f"{lang}.csv"
    for lang, path in files.items():
        with open(path, newline="", encoding="utf-8") as fh:
            texts = [r["text"] for r in csv.DictReader(fh) if r["text"].strip()]
        picked = random.Random(f"{seed}:{lang}").choices(texts, k=per_language)
        out += [(t, lang) for t in picked]
    random.Random(seed).shuffle(out)
    return out


def throughput(fn, texts, batch=256) -> float:
    started = time.perf_counter()
    for i in range(0, len(texts), batch):
        fn(texts[i : i + batch])
    return len(texts) / (time.perf_counter() - started)


def latencies(fn, texts) -> dict:
    lat = []
    for text in texts:
        started = time.perf_counter()
        fn(text)
        lat.append(time.perf_counter() - started)
    lat = np.array(lat) * 1e3
    return {"p50_ms": float(np.percentile(lat, 50)), "p99_ms": float(np.percentile(lat, 99))}


def profanity_check(texts: list[str]) -> dict | None:
    from majlis.screening.training.baselines import APC_PYTHON

    if not APC_PYTHON.exists():
        print(f"alt-profanity-check: venv missing at {APC_PYTHON}; column skipped "
              "(python3 -m venv /tmp/bench-apc/venv && /tmp/bench-apc/venv/bin/pip install "
              "alt-profanity-check==1.9.1)", file=sys.stderr)
        return None
    cpu = sorted(os.sched_getaffinity(0))[:1]
    done = subprocess.run(
        [str(APC_PYTHON), "-c", _APC_BENCH], capture_output=True, text=True, check=True,
        input="".join(json.dumps({"text": t}) + "\n" for t in texts),
        preexec_fn=lambda: os.sched_setaffinity(0, cpu),
    )
    return json.loads(done.stdout)


def model_size_mb() -> float:
    folder = REPO / "majlis" / "screening" / "models"
    return sum(p.stat().st_size for p in folder.iterdir() if p.is_file()) / 2**20


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(REPO.parent / "shared" / "data"), type=Path)
    parser.add_argument("--n", type=int, default=1000, help="Comments per language.")
    parser.add_argument("--out", default=str(REPO / "eval"), type=Path)
    args = parser.parse_args(argv)
    os.sched_setaffinity(0, sorted(os.sched_getaffinity(0))[:1])

    from majlis.screening import screen, screen_many
    from majlis.screening.classifier import Classifier
    from majlis.screening.normalize import fold

    pairs = sample_texts(args.data, args.n)
    texts = [t for t, _ in pairs]
    clf = Classifier.load()
    screen_many(texts[:50])  # load every model and lexicon before timing
    result = {
        "comments": len(texts), "languages": sorted({lang for _, lang in pairs}),
        "engine_batch_per_s": throughput(screen_many, texts),
        "classifier_batch_per_s": throughput(
            lambda b: clf.predict([fold(t) for t in b], ["other"] * len(b)), texts),
        "engine_single": latencies(screen, texts[:2000]),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "model_files_mb": model_size_mb(),
        "model_version": clf.version,
    }
    english = [t for t, lang in pairs if lang == "en"]
    apc = profanity_check(english)
    if apc is not None:
        result["apc_english"] = apc
        result["majlis_english_batch_per_s"] = throughput(screen_many, english)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "benchmark.json").write_text(json.dumps(result, indent=2))
    (args.out / "benchmark.md").write_text(markdown(result))
    print(markdown(result))


def markdown(r: dict) -> str:
    lines = [
        f"Measured on {r['comments']} comments ({', '.join(r['languages'])}), one CPU core.", "",
        "| measure | Majlis | budget |", "|---|---:|---:|",
        f"| batch throughput, whole engine (comments/s) | {r['engine_batch_per_s']:.0f} | >= 2000 |",
        f"| batch throughput, classifier alone (comments/s) | {r['classifier_batch_per_s']:.0f} | |",
        f"| single comment p50 (ms) | {r['engine_single']['p50_ms']:.2f} | |",
        f"| single comment p99 (ms) | {r['engine_single']['p99_ms']:.2f} | <= 5 |",
        f"| peak resident memory (MB) | {r['peak_rss_mb']:.0f} | <= 300 |",
        f"| model files (MB) | {r['model_files_mb']:.1f} | <= 25 |",
    ]
    if "apc_english" in r:
        a = r["apc_english"]
        lines += ["", "Same English texts, same run, same core:", "",
                  "| | Majlis (whole engine) | alt-profanity-check |", "|---|---:|---:|",
                  f"| batch (comments/s) | {r['majlis_english_batch_per_s']:.0f} | "
                  f"{a['batch_per_s']:.0f} |",
                  f"| single p50 / p99 (ms) | - | {a['p50_ms']:.2f} / {a['p99_ms']:.2f} |",
                  f"| peak RSS (MB) | {r['peak_rss_mb']:.0f} | {a['peak_rss_mb']:.0f} |"]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
