"""Running the stages in order (seeds → ingest → clean → date → tag → link → pages), with a content-keyed cache."""

from build_archive.pipeline.run import Paths, build_site, load_archive, load_articles

__all__ = ["Paths", "build_site", "load_archive", "load_articles"]
