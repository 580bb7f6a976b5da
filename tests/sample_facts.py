"""A hand-made extraction shaped like the seed article's, for tests that must not depend on the extractor."""
from __future__ import annotations

from kg.model import Article, Delegation, Extraction, Forum, Invitation, Meeting, Person, Place


def seed_like_extraction(article_id: str = "T1", name_a: str = "Zakir Hasanov") -> Extraction:
    article = Article(id=article_id, text="(hand-made)", title="Minister receives delegation",
                      url="https://example.org/news/1", source="Example Wire", date="2024-06-14")
    hasanov = Person(key="p1", name=name_a, aliases=["Hasanov"], rank="Colonel General",
                     position="Defence Minister", country="AZ",
                     organization="Ministry of Defence of Azerbaijan")
    yao = Person(key="p2", name="Yao Qin", rank="Major General",
                 position="Deputy Chief of Office for International Military Cooperation",
                 country="CN", organization="People's Liberation Army")
    delegation = Delegation(key="d1", leader="p2", country="CN", date="2024-06-14",
                            evidence=["received a visiting delegation led by Major General Yao Qin"])
    meeting = Meeting(key="m1", date="2024-06-14", parties=["AZ", "CN"], host="AZ",
                      participants=["p1", "p2"], delegations=["d1"], location=Place("Baku", "AZ"),
                      topics=["military cooperation"], evidence=["Hasanov received Yao Qin."])
    forum = Forum(key="f1", name="Beijing Xiangshan Forum", edition=11, date="2024-09",
                  location=Place("Beijing", "CN"))
    invitation = Invitation(key="i1", inviter="p2", invitee="p1", forum="f1",
                            evidence=["The guest invited the minister to the forum."])
    return Extraction(article=article, date="2024-06-14", persons=[hasanov, yao],
                      meetings=[meeting], delegations=[delegation], forums=[forum],
                      invitations=[invitation])
