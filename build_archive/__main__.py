"""Command line: ``python -m build_archive`` runs the pipeline and reports, writing nothing.

It is the quick check an editor runs after dropping seeds in: every input is read and
validated, every page generated in memory. ``python -m build_archive review`` lists what
an editor should look at. ``mkdocs build`` runs the same pipeline through the plugin and
writes the site.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TextIO

from build_archive.common.errors import InputError
from build_archive.link.mentions import by_entity, provisional_entities
from build_archive.pipeline.run import Paths, build_site, load_articles


class ProgressDisplay:
    """One updating line on a terminal; a line per tenth of the work in a log."""

    def __init__(self, stream: TextIO = sys.stderr) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self.start = time.monotonic()
        self.last_step = -1

    def __call__(self, stage: str, done: int, total: int, name: str) -> None:
        elapsed = time.monotonic() - self.start
        text = f"[{stage}] {done}/{total} {name} ({elapsed:.1f} s)"
        if self.tty:
            self.stream.write("\r\033[K" + text)
            self.stream.flush()
            return
        step = done * 10 // max(total, 1)
        if step != self.last_step or done == total:
            self.last_step = step
            self.stream.write(text + "\n")

    def finish(self) -> None:
        if self.tty:
            self.stream.write("\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_archive", description=__doc__)
    parser.add_argument("command", nargs="?", default="build", choices=["build", "review"])
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder (default: here)")
    args = parser.parse_args(argv)
    paths = Paths.at(args.root)
    display = ProgressDisplay()
    try:
        if args.command == "review":
            articles = load_articles(paths)
            print("# articles\tid\ttitle\tdate\twhy (evidence for and against)")
            for article in articles:
                if article.review_reasons:
                    published = article.published
                    date = f"{published.date or '?'} ({published.precision}, {published.basis})"
                    print(f"{article.source_file}\t{article.id}\t{article.title.value}\t{date}\t"
                          f"{'; '.join(article.review_reasons)}")
            print("# names not in data/entities.yml\ttype\tmentions\tfirst seen")
            for item in provisional_entities(by_entity(articles)):
                first = item.mentions[0]
                print(f"{item.name}\t{item.type}\t{len(item.mentions)}\t"
                      f"{first.article.source_file} #{first.paragraph.anchor}")
            return 0
        outputs = build_site(paths, display)
    except InputError as exc:
        display.finish()
        print(f"error: {exc.relative_to(paths.root)}", file=sys.stderr)
        print("Nothing was written; site/ is as it was.", file=sys.stderr)
        return 2
    display.finish()
    pages = sum(1 for path in outputs if path.endswith(".md"))
    print(f"{len(outputs)} files generated ({pages} pages) in {time.monotonic() - display.start:.2f} s; "
          "nothing written (`mkdocs build` writes the site)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
