"""Shared test fixtures."""
import shutil
from pathlib import Path

import pytest

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"
# Four real pages (one GBK) for the batch tests: a small folder keeps the engine tests fast.
BATCH_PAGES = ["cx-163money_1.html", "gne-xinhuanet_1.html", "gne-zsnews_1.html", "np-xinhuanet_1.html"]


@pytest.fixture(scope="session")
def batch_folder(tmp_path_factory) -> Path:
    """A folder holding only the batch pages, copied from fixtures/pages."""
    folder = tmp_path_factory.mktemp("batch")
    for name in BATCH_PAGES:
        shutil.copyfile(PAGES / name, folder / name)
    return folder
