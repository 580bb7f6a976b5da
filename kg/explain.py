"""Why the extractor read what it read: one article's facts, each with the rules and sentences behind it.

`explanation(extraction)` turns an `Extraction` into plain records (for JSON and notebooks);
`explanation_text(extraction)` lays them out for a terminal. Pure functions; `kg explain` prints them.
"""
from __future__ import annotations

from kg.model import Decision, Extraction


def _decisions_about(extraction: Extraction, subject: str) -> list[Decision]:
    return [d for d in extraction.decisions if d.subject == subject]


# the decisions whose value is a person's key: shown as the person's name
_ABOUT_A_PERSON = ("participant", "delegation", "member")


def _reasons(decisions: list[Decision], names: dict[str, str] | None = None) -> list[dict]:
    """Each decision as a record; a participant's, a delegation leader's or a member's key is given as the
    person's name."""
    names = names or {}
    return [{"what": d.what, "value": names.get(d.value, d.value) if d.what in _ABOUT_A_PERSON else d.value,
             "rule": d.rule, "evidence": d.evidence, "weak": d.weak} for d in decisions]


def explanation(extraction: Extraction) -> dict:
    """The article's facts as records, each with the decisions (rule and evidence) that produced it."""
    names = {p.key: p.name for p in extraction.persons}
    return {
        "id": extraction.article.id,
        "date": extraction.date,
        "error": extraction.error,
        "warnings": list(extraction.warnings),
        "persons": [{"key": p.key, "name": p.name, "aliases": p.aliases, "country": p.country, "rank": p.rank,
                     "position": p.position, "because": _reasons(_decisions_about(extraction, p.key))}
                    for p in extraction.persons],
        "meetings": [{"key": m.key, "date": m.date, "parties": m.parties, "host": m.host, "mode": m.mode,
                      "location": m.location.name if m.location else None,
                      "participants": [names.get(k, k) for k in m.participants],
                      "because": _reasons(_decisions_about(extraction, m.key), names)}
                     for m in extraction.meetings],
        "delegations": [{"key": d.key, "leader": names.get(d.leader, d.leader), "country": d.country,
                         "members": [names.get(k, k) for k in d.members], "evidence": d.evidence[:1],
                         "because": _reasons(_decisions_about(extraction, d.key), names)}
                        for d in extraction.delegations],
        "invitations": [{"inviter": names.get(i.inviter, i.inviter), "invitee": names.get(i.invitee, i.invitee),
                         "to": i.forum and next((f.name for f in extraction.forums if f.key == i.forum), i.forum)
                         or f"visit:{i.country}", "because": _reasons(_decisions_about(extraction, i.key))}
                        for i in extraction.invitations],
        "forums": [{"name": f.name, "edition": f.edition, "date": f.date} for f in extraction.forums],
    }


def _quote(text: str, width: int = 160) -> str:
    text = " ".join(text.split())
    return '"' + (text if len(text) <= width else text[:width - 1] + "…") + '"'


def explanation_text(extraction: Extraction) -> str:
    """The explanation laid out for a terminal: each fact, then `because` lines (rule: sentence)."""
    record = explanation(extraction)
    lines = [f"{record['id']}  published {record['date'] or 'unknown'}"]
    if record["error"]:
        lines.append(f"  error: {record['error']}")
    lines += [f"  warning: {w}" for w in record["warnings"]]

    def because(items):
        for reason in items:
            lines.append(f"      {reason['what']} {reason['value']}: {reason['rule']}"
                         + (" [weak evidence]" if reason["weak"] else "")
                         + (f"  {_quote(reason['evidence'])}" if reason["evidence"] else ""))

    lines.append("persons")
    for p in record["persons"]:
        details = ", ".join(x for x in (p["country"], p["rank"], p["position"]) if x)
        lines.append(f"  {p['key']} {p['name']}" + (f" ({details})" if details else ""))
        because(p["because"])
    lines.append("meetings")
    for m in record["meetings"]:
        host = f", host {m['host']}" if m["host"] else ""
        place = f", at {m['location']}" if m["location"] else ""
        lines.append(f"  {m['key']} {m['date']} {'–'.join(m['parties'])} {m['mode']}{host}{place}: "
                     + (", ".join(m["participants"]) or "no participant named"))
        because(m["because"])
    if record["delegations"]:
        lines.append("delegations")
        for d in record["delegations"]:
            lines.append(f"  led by {d['leader']} ({d['country']})" + (f", with {', '.join(d['members'])}" if d["members"] else ""))
            because(d["because"])
    if record["invitations"]:
        lines.append("invitations")
        for i in record["invitations"]:
            lines.append(f"  {i['inviter']} invited {i['invitee']} to {i['to']}")
            because(i["because"])
    if record["forums"]:
        lines.append("forums")
        for f in record["forums"]:
            lines.append(f"  {f['name']}" + (f" (edition {f['edition']})" if f["edition"] else ""))
    return "\n".join(lines)
