"""A small multi-article graph built from hand-made `kg.model` records (no extractor needed).

Four articles, shaped like ours: the same persons and meetings appear in several article graphs,
so a query that forgets to de-duplicate counts them twice.

    a1 2024-03-05  Hasanov (AZ) meets Güler (TR) in Baku; Güler leads a TR delegation
    a2 2024-03-06  the same meeting, reported again; Hasanov invites Dong (CN) to the Xiangshan Forum
    a3 2023-09-12  Hasanov calls Dong (AZ-CN, a call)
    a4 2024-10-01  Güler meets Rutte (NATO) in Brussels; Dong at the 11th Xiangshan Forum
"""
from __future__ import annotations

from kg.model import Article, Delegation, Extraction, Forum, Invitation, Meeting, Person, Place
from kg.pipeline import store_extraction


def _hasanov(key="p1", rank="Colonel General"):
    return Person(key=key, name="Zakir Hasanov", rank=rank, position="Minister of Defence",
                  country="AZ", organization="Ministry of Defence of Azerbaijan")


def _guler(key="p2"):
    return Person(key=key, name="Yaşar Güler", rank="General", position="Minister of National Defence",
                  country="TR")


def _dong(key="p3"):
    return Person(key=key, name="Dong Jun", rank="Admiral", position="Minister of National Defense",
                  country="CN")


def _rutte(key="p4"):
    return Person(key=key, name="Mark Rutte", position="Secretary General", country="NATO")


def extractions() -> list[Extraction]:
    baku = Place("Baku", "AZ")
    meeting_az_tr = Meeting(key="m1", date="2024-03-05", parties=["AZ", "TR"], host="AZ",
                            participants=["p1", "p2"], delegations=["d1"], location=baku,
                            topics=["military cooperation"],
                            evidence=["Zakir Hasanov met Yaşar Güler in Baku."])
    a1 = Extraction(
        article=Article(id="a1", text="...", url="https://example.org/a1", title="AZ-TR talks",
                        date="2024-03-05", source="mod.gov.az"),
        date="2024-03-05",
        persons=[_hasanov(), _guler()],
        meetings=[meeting_az_tr],
        delegations=[Delegation(key="d1", leader="p2", country="TR", members=[], date="2024-03-05")],
    )
    a2 = Extraction(
        article=Article(id="a2", text="...", title="Talks, again \"quoted\"", date="2024-03-06"),
        date="2024-03-06",
        persons=[_hasanov(), _guler(), _dong()],
        meetings=[Meeting(key="m1", date="2024-03-05", parties=["TR", "AZ"], host="AZ",
                          participants=["p1", "p2"], location=baku)],
        forums=[Forum(key="f1", name="Beijing Xiangshan Forum", edition=11, date="2024-09-12")],
        invitations=[Invitation(key="i1", inviter="p3", invitee="p1", forum="f1", date="2024-03-06")],
    )
    a3 = Extraction(
        article=Article(id="a3", text="...", date="2023-09-12"),
        date="2023-09-12",
        persons=[_hasanov(rank="General"), _dong()],
        meetings=[Meeting(key="m1", date="2023-09-12", parties=["AZ", "CN"], participants=["p1", "p3"],
                          mode="call")],
    )
    a4 = Extraction(
        article=Article(id="a4", text="...", date="2024-10-01"),
        date="2024-10-01",
        persons=[_guler(), _rutte(), _dong()],
        meetings=[Meeting(key="m1", date="2024-10-01", parties=["TR", "NATO"], host="NATO",
                          participants=["p2", "p4"], location=Place("Brussels", "BE"))],
        forums=[Forum(key="f1", name="Beijing Xiangshan Forum", edition=11, date="2024-09-12")],
    )
    return [a1, a2, a3, a4]


def fill(store) -> int:
    """Store the four articles; returns the number of quads written."""
    return sum(store_extraction(store, extraction) for extraction in extractions())


def filled_store_dir(tmp_path_factory, name: str):
    """An on-disk store holding the four articles, in a fresh temporary folder."""
    from kg.graph.store import GraphStore

    path = tmp_path_factory.mktemp(name) / "store"
    with GraphStore(path) as store:
        fill(store)
    return path


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class OxigraphServer:
    """A real `oxigraph serve` on 127.0.0.1 over a store directory, stopped by `stop()`."""

    def __init__(self, location, writable: bool = True):
        from kg.query.serve import start

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = start(str(location), bind=f"127.0.0.1:{self.port}", writable=writable, timeout=30)

    def stop(self) -> None:
        import subprocess

        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


VIRTUOSO_INI = "/etc/virtuoso-opensource-7/virtuoso.ini"


class VirtuosoServer:
    """Debian's Virtuoso 7 (`virtuoso-opensource`, installed by scripts/setup.sh --test), run
    unprivileged from a copy of its virtuoso.ini with the database, both ports (on 127.0.0.1) and
    DirsAllowed in ``folder``; SPARQL updates allowed to the anonymous SPARQL user. `stop()` ends it.
    """

    def __init__(self, folder):
        import re
        import shutil
        import subprocess
        import time
        import urllib.request
        from pathlib import Path

        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        binary = shutil.which("virtuoso-t")
        assert binary, "virtuoso-t is missing: run bash scripts/setup.sh --test (Debian's virtuoso-opensource)"
        self.isql = shutil.which("isql-vt")
        self.sql_port, self.http_port = free_port(), free_port()
        ini = Path(VIRTUOSO_INI).read_text(encoding="utf-8")
        ini = ini.replace("/var/lib/virtuoso-opensource-7/db/", f"{folder}/")
        ini = re.sub(r"(?m)^ServerPort(\s*)=\s*1111\b", rf"ServerPort\g<1>= 127.0.0.1:{self.sql_port}", ini)
        ini = re.sub(r"(?m)^ServerPort(\s*)=\s*8890\b", rf"ServerPort\g<1>= 127.0.0.1:{self.http_port}", ini)
        ini = re.sub(r"(?m)^DirsAllowed\s*=.*$", f"DirsAllowed = {folder}, /usr/share/virtuoso-opensource-7/vad", ini)
        ini = re.sub(r"(?m)^ResultSetMaxRows\s*=.*$", "ResultSetMaxRows = 100000000", ini)  # exports read all rows
        ini = re.sub(r"(?m)^MaxQueryExecutionTime\s*=.*$", "MaxQueryExecutionTime = 600", ini)
        # no refusal by estimated cost: the estimate follows the engine's sampled statistics, so a whole-graph
        # query could be refused on one run and answered on the next (the 600 s limit above still holds)
        ini = re.sub(r"(?m)^MaxQueryCostEstimationTime\s*=.*$", "", ini)
        (folder / "virtuoso.ini").write_text(ini, encoding="utf-8")
        self.log = open(folder / "stdout.log", "wb")
        self.process = subprocess.Popen([binary, "+configfile", str(folder / "virtuoso.ini"), "+foreground"],
                                        cwd=folder, stdin=subprocess.DEVNULL, stdout=self.log,
                                        stderr=subprocess.STDOUT)
        self.base = f"http://127.0.0.1:{self.http_port}"
        self.url = self.base + "#virtuoso"
        deadline = time.monotonic() + 90
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"virtuoso-t exited with code {self.process.returncode}: "
                                   + (folder / "virtuoso.log").read_text(errors="replace")[-2000:])
            try:
                with urllib.request.urlopen(self.base + "/sparql?query=ASK%7B%7D", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("Virtuoso did not answer within 90 s")
            time.sleep(0.2)
        # the anonymous SPARQL user may update, and write every graph (what the README tells admins)
        self.sql('grant SPARQL_UPDATE to "SPARQL"; DB.DBA.RDF_DEFAULT_USER_PERMS_SET (\'nobody\', 7);')

    def sql(self, statements: str) -> str:
        import subprocess

        result = subprocess.run([self.isql, f"127.0.0.1:{self.sql_port}", "dba", "dba", f"exec={statements}"],
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    def stop(self) -> None:
        import subprocess

        if self.process.poll() is None:
            try:
                subprocess.run([self.isql, f"127.0.0.1:{self.sql_port}", "dba", "dba", "exec=shutdown();"],
                               capture_output=True, timeout=30)
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.log.close()


def children_of(pid: int) -> list[int]:
    """The running child processes of ``pid`` (from /proc)."""
    import os

    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry))
    return found


def alive(pid: int) -> bool:
    """Running (a zombie waiting for a reaper is dead)."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
