"""Story-bank evaluation on a labelled set of documents.

Mines every document of the set into a fresh workspace and prints:
- principle precision and recall: the principles proposed on a document's stories
  against the ones a coach tagged on it (micro-averaged over documents);
- question hit@1 and hit@3: for each labelled question, whether the best (or one of
  the three best) matches is a story mined from a document labelled for it, ranked
  as the app and the CLI rank (with the stories' source documents);
- unsupported sentences: mined sentences that no field of their source document
  supports and that are not a 'Your part: ...?' prompt (sdmkit.stories.grounding).

The labels live beside the documents in labels.yaml. The set in bench/data/stories_eval
was written and labelled before the miner was tuned on it.

    python bench/stories_eval.py [--data bench/data/stories_eval] [--verbose]
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


def evaluate(data: Path, verbose: bool = False, labels_file: Path | None = None) -> dict:
    """The figures for the set in `data`, against its labels.yaml or `labels_file` (a
    second coach's labels of the same documents: bench/agreement.py)."""
    import yaml

    from sdmkit.interchange import read_file
    from sdmkit.interview import PRINCIPLES
    from sdmkit.store import open_store
    from sdmkit.stories.grounding import field_texts, unsupported
    from sdmkit.stories.match import match
    from sdmkit.stories.mine import mine_all

    labels = yaml.safe_load((labels_file or data / "labels.yaml").read_text(encoding="utf-8"))
    for name, lab in labels.items():  # a label that is no principle would skew every figure
        unknown = set(lab.get("principles") or []) - set(PRINCIPLES)
        if unknown:
            raise SystemExit(
                f"{name}: not Leadership Principles: {sorted(unknown)} (quote names with commas)"
            )
    tmp = Path(tempfile.mkdtemp(prefix="sdmkit-eval-"))
    os.environ.setdefault("SDMKIT_DATA_DIR", str(tmp / "data"))
    store = open_store(f"sqlite:///{tmp / 'eval.db'}")
    ids: dict[str, int] = {}
    for name in labels:
        d = read_file(data / name)
        ids[name] = store.create(d.kind, d.content, meta=d.meta).id
    mine_all(store)
    stories = [s for s in store.iter_documents(kind="story") if s.content.get("origin")]
    by_doc: dict[int, list] = {}
    for s in stories:
        by_doc.setdefault(int(s.content["origin"].split(":")[0]), []).append(s)

    tp = fp = fn = 0
    bad_sentences: list[tuple[str, str]] = []
    words = []
    for name, lab in labels.items():
        doc = store.get(ids[name])
        mined = by_doc.get(doc.id, [])
        proposed = {p["principle"] for s in mined for p in s.content.get("principles") or []}
        wanted = set(lab.get("principles") or [])
        tp += len(proposed & wanted)
        fp += len(proposed - wanted)
        fn += len(wanted - proposed)
        if verbose and proposed != wanted:
            print(f"{name}: missed {sorted(wanted - proposed)}; extra {sorted(proposed - wanted)}")
        fields = field_texts(doc.content, doc.title)
        for s in mined:
            bad_sentences += [(name, x) for x in unsupported(s.content, fields)]
            words.append(
                sum(len((s.content.get(k) or "").split()) for k in ("situation", "task", "action", "result"))
            )

    questions: dict[str, set[int]] = {}
    for name, lab in labels.items():
        for q in lab.get("questions") or []:
            questions.setdefault(q, set()).add(ids[name])
    hit1 = hit3 = 0
    for q, docs in questions.items():
        ranked = [
            int(store.get(m.story_id).content["origin"].split(":")[0])
            for m in match(q, stories, store.get)[:3]
        ]
        hit1 += bool(ranked[:1] and ranked[0] in docs)
        hit3 += bool(set(ranked) & docs)
        if verbose and not set(ranked) & docs:
            print(f"miss: {q!r} -> {[store.get(i).title[:40] for i in ranked]}")
    if verbose:
        for name, s in bad_sentences:
            print(f"unsupported [{name}]: {s}")
    store.engine.dispose()
    return {
        "documents": len(labels),
        "stories": len(stories),
        "principle_precision": tp / (tp + fp) if tp + fp else 0.0,
        "principle_recall": tp / (tp + fn) if tp + fn else 0.0,
        "questions": len(questions),
        "hit_at_1": hit1 / len(questions) if questions else 0.0,
        "hit_at_3": hit3 / len(questions) if questions else 0.0,
        "unsupported_sentences": len(bad_sentences),
        "median_story_words": statistics.median(words) if words else 0,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "bench" / "data" / "stories_eval")
    parser.add_argument("--verbose", action="store_true", help="list every miss and unsupported sentence")
    args = parser.parse_args()
    r = evaluate(args.data, args.verbose)
    print(f"{r['documents']} documents, {r['stories']} stories mined")
    print(f"principles: precision {r['principle_precision']:.2f}, recall {r['principle_recall']:.2f}")
    print(f"questions ({r['questions']}): hit@1 {r['hit_at_1']:.2f}, hit@3 {r['hit_at_3']:.2f}")
    print(f"unsupported sentences: {r['unsupported_sentences']}")
    print(f"median story length: {r['median_story_words']} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
