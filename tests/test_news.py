"""News from another source than the corpus's releases (TimeBank and AQUAINT, US news of the
1990s, with their publication dates): a consistent text the rules were not built on gives
next to no findings; each one was a false alarm of its own kind when this test was written."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import checker

# 256 articles; left (not wrong, or not told from a real slip by any rule): "nine brothers and
# sisters" after "two brothers", "the eight cases" after "four cases", and "fell 3.7% to
# #128 million from #133 million" (3.76%: the rounded millions admit it, the check does not)
MOST_FINDINGS = 3


def test_news_articles_give_next_to_no_findings(shared: Path, tmp_path: Path) -> None:
    scorer = shared / "timebank" / "score_te3.py"
    found: list[str] = []
    articles = 0
    for corpus in ("TimeBank", "AQUAINT"):
        raw = tmp_path / corpus
        export = [sys.executable, str(scorer), "export", str(shared / "timebank" / corpus)]
        subprocess.run([*export, str(raw)], capture_output=True, check=True)
        for text_file in sorted(raw.glob("*.txt")):
            published = text_file.with_suffix(".dct").read_text(encoding="utf-8").strip()[:10]
            report = checker.check_text(
                text_file.read_text(encoding="utf-8"),
                date.fromisoformat(published),
                date_order="MDY",  # US news: numeric dates are month first
                path=text_file.name,
            )
            articles += 1
            found += [
                f"{text_file.name}: {f.message}" for d in report.documents for f in d.findings
            ]
    assert articles > 250
    assert len(found) <= MOST_FINDINGS, "\n".join(found)
