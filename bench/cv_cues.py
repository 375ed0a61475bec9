"""Cross-validation of the story bank's learned cues: how well they do on a set they
were not learned from, without touching the test set.

For each dev set of bench/learn_cues.py (SETS), the cues (and the answer cues of
bench/learn_question_cues.py) are learned from the other dev sets only, put in place
of sdmkit/stories/cues.json (and question_cues.json) for this process, and the held
out set is evaluated as bench/stories_eval.py evaluates it. The figures printed are
each fold's and their mean: an honest estimate of the figures on unseen documents, for
choosing how the cues are learned and weighed (the options below) without tuning on
the test set, which is never read.

    python bench/cv_cues.py                                  # today's settings
    python bench/cv_cues.py --min-documents 3 --cap 2.5      # another learner
    python bench/cv_cues.py --propose 6 --learned-top 4      # another proposal rule
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIGURES = ("principle_precision", "principle_recall", "hit_at_1", "hit_at_3")


def install(cues: dict[str, dict[str, float]]) -> None:
    """Put `cues` in place of the shipped ones, for this process."""
    from sdmkit.stories import cues as module

    module.use(cues)


def install_answers(cues: dict[str, dict[str, float]] | None) -> None:
    """Put `cues` in place of the shipped answer cues (question_cues.json), for this
    process; None: rank without any."""
    from sdmkit.stories import match

    match.ANSWER_CUES.clear()
    match.ANSWER_CUES.update({match.question_key(q): c for q, c in (cues or {}).items()})


def folds(args) -> list[tuple[str, dict]]:
    import learn_cues
    import learn_question_cues
    from stories_eval import evaluate

    from sdmkit.stories import draft, match

    learn_cues.MIN_DOCUMENTS, learn_cues.CAP = args.min_documents, args.cap
    draft.HAND, draft.LEARNED_TOP, draft.PROPOSE = args.hand, args.learned_top, args.propose
    match.ANSWER_WEIGHT = args.answer_weight
    features = {name: learn_cues.document_features((name,)) for name in learn_cues.SETS}
    rows = learn_question_cues.document_rows()
    out = []
    for held in learn_cues.SETS:
        docs = [d for name in learn_cues.SETS if name != held for d in features[name]]
        install(learn_cues.learn(docs))
        install_answers(learn_question_cues.learn([r for r in rows if r[0] != held]))
        out.append((held, evaluate(learn_cues.DATA / held)))
    return out


def main() -> int:
    sys.path.insert(0, str(ROOT / "bench"))
    import learn_cues

    from sdmkit.stories import draft, match

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-documents", type=int, default=learn_cues.MIN_DOCUMENTS)
    parser.add_argument("--cap", type=float, default=learn_cues.CAP)
    parser.add_argument("--hand", type=float, default=draft.HAND)
    parser.add_argument("--learned-top", type=int, default=draft.LEARNED_TOP)
    parser.add_argument("--propose", type=float, default=draft.PROPOSE)
    parser.add_argument(
        "--answer-weight", type=float, default=match.ANSWER_WEIGHT, help="0: rank without the answer cues"
    )
    args = parser.parse_args()
    os.environ.setdefault("SDMKIT_DATA_DIR", str(Path(tempfile.mkdtemp(prefix="sdmkit-cv-")) / "data"))
    results = folds(args)
    for held, r in results:
        print(f"{held:18} " + "  ".join(f"{f} {r[f]:.2f}" for f in FIGURES))
    print(
        f"{'mean':18} " + "  ".join(f"{f} {statistics.mean(r[f] for _, r in results):.2f}" for f in FIGURES)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
