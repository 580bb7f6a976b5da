"""notebooks/explore.ipynb runs from top to bottom (nbclient), on a store the test builds and on
its default (the seed article), and shows the offline network inline."""
from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from kg.pipeline import store_extraction
from kg.store import GraphStore
from sample_facts import seed_like_extraction

NOTEBOOK = Path(__file__).parent.parent / "notebooks" / "explore.ipynb"


KERNEL = "kg-tests-python"


@pytest.fixture(autouse=True)
def this_python_as_kernel(tmp_path_factory, monkeypatch):
    """A kernel running this very interpreter (the venv with kg in it), whatever `python` is on
    PATH and whichever "python3" kernel spec the machine has."""
    folder = tmp_path_factory.getbasetemp() / "jupyter"
    spec = folder / "kernels" / KERNEL / "kernel.json"
    spec.parent.mkdir(parents=True, exist_ok=True)
    spec.write_text(json.dumps({"argv": [sys.executable, "-m", "ipykernel_launcher", "-f",
                                         "{connection_file}"],
                                "display_name": "kg tests", "language": "python"}))
    monkeypatch.setenv("JUPYTER_PATH", str(folder))


def run_notebook() -> nbformat.NotebookNode:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(notebook, timeout=180, kernel_name=KERNEL,
                   resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    return notebook


def outputs(notebook) -> str:
    """Every text and HTML output, joined."""
    parts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            parts.append(output.get("text", ""))
            data = output.get("data", {})
            parts.append(data.get("text/plain", "") + data.get("text/html", ""))
    return "\n".join(parts)


def test_the_notebook_runs_on_a_given_store(tmp_path, monkeypatch):
    path = tmp_path / "store"
    with GraphStore(path) as store:
        store_extraction(store, seed_like_extraction("T1", name_a="Kemal Dalkıran"))
    monkeypatch.setenv("KG_NOTEBOOK_STORE", str(path))
    text = outputs(run_notebook())
    assert f"store: {path}" in text
    assert "persons network: 2 nodes, 1 edges" in text
    assert "events network: 6 nodes, 6 edges" in text
    assert "Kemal Dalkıran" in text and "Colonel General" in text
    frame = re.search(r'srcdoc="([^"]*)"', text)
    assert frame, "the network is shown inline"
    page = html.unescape(frame.group(1))
    assert "Beijing Xiangshan Forum" in page and "<script src" not in page


def test_the_notebook_builds_a_store_from_the_seed_article_by_default(monkeypatch):
    monkeypatch.delenv("KG_NOTEBOOK_STORE", raising=False)
    monkeypatch.delenv("KG_STORE", raising=False)
    text = outputs(run_notebook())
    assert re.search(r"ingested 1\b", text, re.I)
    assert re.search(r"persons network: \d+ nodes", text)
    assert 'srcdoc="' in text
