"""Words per second of the whole language pipeline on one CPU core.

Runs Dyad's pipeline (as ``load_pipeline`` builds it, every component on)
over the raw text of UD English EWT test, or over the acceptance seeds
repeated when the treebank is not there, pinned to a single core.

    python bench/language_speed.py                       # ../shared/datasets
    python bench/language_speed.py --seeds --repeat 20   # the four seeds, 20 times
    python bench/language_speed.py --model en_core_web_sm

Prints words, seconds, words per second and the peak resident memory.
Not a test: the numbers depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

# One core, and no library spawning its own thread pool behind our back.
for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SENTENCES_PER_TEXT = 10  # EWT sentences come from short web documents; group them alike


def ewt_texts(datasets: Path) -> list[str]:
    """The raw text of UD English EWT test, ten sentences per text."""
    conllu = datasets / "ud-english-ewt" / "en_ewt-ud-test.conllu"
    sentences = [
        line.split("=", 1)[1].strip()
        for line in conllu.read_text(encoding="utf-8").splitlines()
        if line.startswith("# text =")
    ]
    return [" ".join(sentences[i : i + SENTENCES_PER_TEXT]) for i in range(0, len(sentences), SENTENCES_PER_TEXT)]


def seed_texts(seeds: Path, repeat: int) -> list[str]:
    """The seeds, cleaned as ``dyad read`` cleans them, ``repeat`` times over."""
    from dyad.clean import clean

    texts = [clean(path.read_text(encoding="utf-8")).text for path in sorted(seeds.glob("*.txt"))]
    return texts * repeat


def measure(nlp, texts: list[str], batch_size: int) -> tuple[int, float]:
    """Words (tokens that are not whitespace) and seconds over all texts."""
    list(nlp.pipe(texts[:2]))  # warm up: lazy initialisation is not throughput
    started = time.perf_counter()
    words = sum(sum(not token.is_space for token in doc) for doc in nlp.pipe(texts, batch_size=batch_size))
    return words, time.perf_counter() - started


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--datasets", type=Path, default=SHARED / "datasets", help="folder with ud-english-ewt/")
    parser.add_argument("--seeds", action="store_true", help="use the acceptance seeds instead of EWT test")
    parser.add_argument("--repeat", type=int, default=10, help="times to repeat the seeds (with --seeds)")
    parser.add_argument("--model", default=None, help="spaCy pipeline name or path (default: the shipped one)")
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args(argv)

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    from dyad.language import load_pipeline

    use_seeds = args.seeds or not (args.datasets / "ud-english-ewt").is_dir()
    if use_seeds:
        corpus = f"acceptance seeds x{args.repeat}"
        texts = seed_texts(SHARED / "acceptance" / "seeds", args.repeat)
    else:
        corpus = "UD English EWT test"
        texts = ewt_texts(args.datasets)
    if not texts:
        print("no text to measure: pass --datasets or --seeds", file=sys.stderr)
        return 2
    nlp = load_pipeline(args.model)
    words, seconds = measure(nlp, texts, args.batch_size)
    print(f"pipeline     {args.model or 'shipped'}: {', '.join(nlp.pipe_names)}")
    print(f"corpus       {corpus} ({len(texts)} texts)")
    print(f"cores        {len(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else 'all'}")
    print(f"words        {words}")
    print(f"seconds      {seconds:.2f}")
    print(f"words/s      {words / seconds:,.0f}")
    print(f"peak RSS     {peak_rss_mb():,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
