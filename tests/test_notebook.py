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

from kg.graph.store import GraphStore
from kg.pipeline import store_extraction
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


def test_the_notebook_builds_a_store_from_the_bundled_data_by_default(monkeypatch):
    """The seed article and the demo corpus: a timeline plot, a countries matrix, the brokers,
    and one persons row per person (regression: a row per spelling, 283 rows for 280)."""
    monkeypatch.delenv("KG_NOTEBOOK_STORE", raising=False)
    monkeypatch.delenv("KG_STORE", raising=False)
    notebook = run_notebook()
    text = outputs(notebook)
    assert re.search(r"ingested 301\b", text, re.I)
    rows, persons = map(int, re.search(r"persons: (\d+) rows for (\d+) persons", text).groups())
    assert rows == persons > 250
    assert re.search(r"persons network: \d+ nodes", text)
    months, contacts = map(int, re.search(r"timeline: (\d+) months, (\d+) contacts", text).groups())
    assert months > 60 and contacts > 300
    assert re.search(r"countries matrix: (\d+) x \1", text)
    assert re.search(r"top brokers: \w+", text)
    images = [output for cell in notebook.cells for output in cell.get("outputs", [])
              if "image/png" in output.get("data", {})]
    assert len(images) == 1  # the timeline plot
    assert 'srcdoc="' in text
