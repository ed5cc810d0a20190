"""Many inputs -> one record per item, on all cores or on a Dask cluster. No extraction logic here.

    >>> from zjnews_extract.batch import extract_many, iter_items
    >>> for outcome in extract_many(iter_items(["crawl/"]), workers=2):
    ...     print(outcome.doc_id, outcome.error or len(outcome.document.facts))

Parts: items.py (what an item is), inputs.py and warc.py (arguments -> items), work.py (one item
-> one outcome, in a worker), pool.py (the local process pool), dask_engine.py (a Dask cluster),
writers.py (outputs: JSON Lines, JSON, CSV, and how to add one), run.py (extract_many, run_batch),
cli.py (the `batch` command).
"""
from .inputs import count_items, iter_items
from .items import Item, as_item
from .run import DEFAULT_TIMEOUT, Summary, extract_many, run_batch
from .work import DEFAULT_MAX_BYTES, Outcome, error_record
from .writers import WRITERS, OutputError, Writer

__all__ = ["DEFAULT_MAX_BYTES", "DEFAULT_TIMEOUT", "WRITERS", "Item", "Outcome", "OutputError", "Summary", "Writer",
           "as_item", "count_items", "error_record", "extract_many", "iter_items", "run_batch"]
