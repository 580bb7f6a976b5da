"""Small readings of one sentence that both the walk over the sentences (`contacts`) and the settling
(`settle`) make: a contact's mode (in person, call, video), what it was about, a spokesperson's post.
Pure functions over text and the trigger lexicon.
"""
from __future__ import annotations

import re

from kg.extract.dates import NOT_A_DAY_AHEAD
from kg.extract.lexicon import lexicon

# an event told as past, not as the contact's setting: "the outcomes of the recent Conference in Prague"
PAST_EVENT = r"\b(?:recent|previous|last|outcomes? of|results? of)\b"
# who tells of a contact is not in it: "Ministry spokesperson X said ...", "..., X told reporters"
SPEAKER_AFTER = re.compile(r"\s*,?\s*(?:said|says|told|stated|added|noted)\b")
SPOKESPERSON = re.compile(r"\b(?:spokes(?:man|woman|person)|press secretary|press officer|public affairs officer)\b[^,;]*$", re.I)
# a foreign envoy's post: who calls on the officials of the state they are posted to, or meets their own visitors
DIPLOMAT = re.compile(r"\b(?:Ambassador|Embassy|Charg[ée] d'Affaires|Attach[ée]|High Commissioner|High Commission|Consul|"
                      r"Counsell?or|Envoy)\b", re.I)
# the verbs that tell what a contact talked over: "discussed ...", "exchanged views on ..."
TALKED_OVER = r"(?:discussed|reviewed|exchanged views on|focused on|talked about|dealt with)"
_TOPIC = re.compile(rf"\b{TALKED_OVER}\s+"
                    r"(?:issues of |matters of |prospects for |ways to |ways of |the state of and prospects for )?"
                    r"(.{8,160}?)(?:[.;]|$)")


def contact_mode(text: str) -> str:
    """How a sentence's contact was held: "video", "call" or "in_person" (the markers of triggers.json)."""
    triggers = lexicon().triggers
    if re.search(triggers["video_markers"], text, re.I):
        return "video"
    if re.search(triggers["call_markers"], text, re.I) and not re.search(rf"courtesy call|call(?:ed|s)? on{NOT_A_DAY_AHEAD}", text):
        return "call"
    return "in_person"


def topic(sentence: str) -> str | None:
    """What a contact was about, as the text says it ("The sides discussed joint exercises ...")."""
    found = _TOPIC.search(sentence)
    return found.group(1).strip(" ,") if found else None


# "During the meeting held at Basman Palace in Amman", "a meeting held at the defence ministry headquarters in
# Mogadishu": where a contact told was held
MEETING_HELD_AT = r"\b(?:meeting|talks|discussions?|consultations)\s+(?:which\s+|that\s+)?(?:was\s+|were\s+)?" \
                  r"(?:held|took\s+place)\s+(?:at|in)\b"
