"""How far two coaches agree on the same documents, and the miner against each.

The story bank's targets (principle precision 0.8, recall 0.7) are measured against
one coach's labels. Tagging Leadership Principles is a judgement, so this asks how
near a second careful coach comes to the first on the same documents: if two coaches
agreed at 0.6, no miner could be held to 0.8. bench/data/agreement/ holds a second
coach's labels of dev sets, written blind to the first's (see each file's header).

For each such set it prints the second coach scored against the first (principles:
precision and recall; questions: how many of the first coach's questions the second
put on one of the same documents), then the miner against each coach, with the cues
learned without that set (as bench/cv_cues.py does), so the miner's figures are out of
sample like the second coach's.

    python bench/agreement.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
SECOND = ROOT / "bench" / "data" / "agreement"


def coaches(first: dict, second: dict) -> dict:
    """The second coach's labels scored as if the first's were the answer."""
    tp = fp = fn = 0
    for name, a in first.items():
        want, got = set(a.get("principles") or []), set(second[name].get("principles") or [])
        tp, fp, fn = tp + len(want & got), fp + len(got - want), fn + len(want - got)
    put: dict[str, set[str]] = {}
    for name, b in second.items():
        for q in b.get("questions") or []:
            put.setdefault(q, set()).add(name)
    asked: dict[str, set[str]] = {}
    for name, a in first.items():
        for q in a.get("questions") or []:
            asked.setdefault(q, set()).add(name)
    same = sum(bool(docs & put.get(q, set())) for q, docs in asked.items())
    return {
        "principle_precision": tp / (tp + fp) if tp + fp else 0.0,
        "principle_recall": tp / (tp + fn) if tp + fn else 0.0,
        "questions_same_document": same / len(asked) if asked else 0.0,
    }


def main() -> int:
    import learn_cues
    import yaml
    from cv_cues import install
    from stories_eval import evaluate

    os.environ.setdefault("SDMKIT_DATA_DIR", str(Path(tempfile.mkdtemp(prefix="sdmkit-agree-")) / "data"))
    features = {name: learn_cues.document_features((name,)) for name in learn_cues.SETS}
    for second in sorted(SECOND.glob("*.yaml")):
        held = f"stories_{second.stem}"
        data = learn_cues.DATA / held
        first = yaml.safe_load((data / "labels.yaml").read_text(encoding="utf-8"))
        other = yaml.safe_load(second.read_text(encoding="utf-8"))
        if set(first) != set(other):
            raise SystemExit(f"{second}: not the same documents as {data}/labels.yaml")
        c = coaches(first, other)
        print(f"{held} ({len(first)} documents)")
        print(
            f"  second coach vs first: precision {c['principle_precision']:.2f}, recall "
            f"{c['principle_recall']:.2f}; {c['questions_same_document']:.2f} of the first's "
            "questions put on one of the same documents"
        )
        if held in features:  # out of sample: cues learned from the other dev sets
            install(learn_cues.learn([d for n in learn_cues.SETS if n != held for d in features[n]]))
        for who, labels in (("first", data / "labels.yaml"), ("second", second)):
            r = evaluate(data, labels_file=labels)
            print(
                f"  miner vs {who} coach: precision {r['principle_precision']:.2f}, recall "
                f"{r['principle_recall']:.2f}, hit@1 {r['hit_at_1']:.2f}, hit@3 {r['hit_at_3']:.2f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
