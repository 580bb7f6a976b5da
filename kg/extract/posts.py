"""What a post says beyond itself: the organisation it names, its kind without the state, its acronyms.

Pure functions over position strings ("Deputy Chief of the Turkish General Staff").
"""
from __future__ import annotations

import re

_ORGANIZATION = re.compile(
    r"\b(?:of|at|in) (?:the )?((?:[A-Z][\w'’\-]*\s+(?:of\s+(?:the\s+)?)?){0,6}?(?:Ministry|Armed Forces|Forces|Army|Navy|Air Force|"
    r"Command|General Staff|Joint Staff|Staff|Commission|Department|Office|Organization|Organisation|Union|Alliance|"
    r"Agency|Headquarters|Directorate|Corps|Guard|Military Staff|Mission)(?:\s+of\s+(?:the\s+)?[A-Z][\w'’\- ]+)?)\s*$")

def organization(position: str | None) -> str | None:
    """The organisation a post names ("Deputy Chief of the Turkish General Staff" -> "Turkish General Staff")."""
    if not position:
        return None
    from kg.extract.mentions import country_in

    found = _ORGANIZATION.search(re.sub(r"\s*\([^)]*\)", "", position))
    if not found:
        return None
    organization = re.sub(r"^(?:Staff|Forces|Office|Department) of (?:the )?", "", found.group(1).strip())
    if len(organization.split()) < 2 or (country_in(organization) is None and len(organization.split()) < 3):
        return None
    return organization


def generic_post(position: str) -> str:
    """The kind of post, without its state: "Chief of the Defence Staff (CDS) of the Ghana Armed Forces" ->
    "Chief of the Defence Staff"; "Russian Defense Minister" -> "Defense Minister"."""
    from kg.extract.mentions import find_places

    post = re.sub(r"\s*\([^)]*\)", "", position)
    for place in reversed(find_places(post)):
        if place.kind in ("country", "demonym", "institution", "body"):
            if place.start == 0:
                post = post[place.end:]
            else:
                cuts = list(re.finditer(r"\s(?:of|for|in)\s", post[:place.start]))
                if cuts:
                    post = post[:cuts[-1].start()]
    post = re.sub(r"^(?:'s\s+)", "", post.strip())
    return post.strip(" ,") or position


def same_post(a: str, b: str) -> bool:
    """Two posts of the same kind, whatever state each names ("the defence minister of Kazakhstan" and "Defense
    Minister"): the same words once the state and the case are left out."""
    return post_kind_words(a) == post_kind_words(b)


def same_office(a: str, b: str) -> bool:
    """Two posts of the same kind (`same_post`), or two ministers of defence ("the Defence Minister of the UAE",
    "MoS for Defence Affairs", "Minister for Defence procurement"): a state's political heads of defence, told
    once by a plural ("Defence Ministers of five countries") and once by name."""
    def ministerial(words: set[str]) -> bool:
        return bool(words & {"minister", "mos", "secretary", "mantri"}) and "defence" in words \
            and not words & {"staff", "deputy", "vice", "assistant", "permanent", "under"}
    return same_post(a, b) or ministerial(post_kind_words(a)) and ministerial(post_kind_words(b))


def post_kind_words(position: str) -> set[str]:
    """The words of a post less the states it names ("of the Republic of Türkiye") and bracketed acronyms."""
    from kg.extract.mentions import find_places

    post = re.sub(r"\([^)]*\)", "", position)
    for place in reversed(find_places(post)):
        post = post[:place.start] + post[place.end:]
    words = {w.replace("defense", "defence") for w in re.findall(r"[a-z]+", post.lower())}
    return words - {"the", "of", "and", "for", "republic", "kingdom", "federation", "state"}


def acronyms(position: str) -> set[str]:
    """Acronyms a post may be called by: stated ("(CDS)") or its initials, with or without its state
    ("Chief of the Defence Staff of the Nigerian Armed Forces" -> CDSNAF and CDS)."""
    found = set(re.findall(r"\(([A-Z]{2,6})\)", position))
    for text in {position, generic_post(position)}:
        words = [w for w in re.findall(r"[A-Za-z]+", text) if w[0].isupper()]
        if len(words) >= 2:
            found.add("".join(w[0] for w in words))
            if text.startswith("Chief of "):  # "Chief of Army Staff" is also "COAS": South Asian releases keep the "of"
                found.add("".join(w[0].upper() for w in re.findall(r"[A-Za-z]+", text) if w[0].isupper() or w == "of"))
        # "Chairman Joint Chiefs of Staff Committee" is also "Chairman JCSC": the body's initials after the head
        if len(words) >= 3 and words[0] in ("Chairman", "Chief", "Head", "Commander", "Director", "Secretary"):
            found.add("".join(w[0] for w in words[1:]))
    return found
