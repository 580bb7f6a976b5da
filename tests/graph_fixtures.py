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
    from kg.store import GraphStore

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
        from kg.serve import start

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
