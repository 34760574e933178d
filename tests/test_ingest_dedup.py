"""Near-duplicates: wire copies and light re-edits are linked, other reports of the same event are not."""

from __future__ import annotations

import pytest

from thucydides.errors import InputError
from thucydides.ingest import read_text_article
from thucydides.ingest.dedup import NUM_PERM, NearDuplicateIndex, shingles, signature, similarity

ORIGINAL = """Militants storm army base in Lower Shabelle

Al-Shabaab fighters stormed an army base near the town of Awdheegle in the Lower Shabelle region
early on Tuesday, setting off a gun battle that lasted several hours, military officials and
residents said. The attackers first detonated a car packed with explosives at the gate of the base
before gunmen on foot forced their way inside, a Somali army officer told reporters by phone.
At least nine soldiers and an unknown number of militants were killed in the fighting, the officer
said, adding that reinforcements had arrived from the regional capital by mid-morning. Residents
said the militants withdrew towards farmland along the river after looting weapons and two
vehicles. The group said in a statement on one of its websites that it had killed more than
twenty soldiers, a figure that could not be independently verified. Awdheegle was retaken from the
militants in 2019 with the help of African Union troops, and the base has been attacked several
times since then. Farmers in nearby villages said many families had fled towards the coast,
fearing further clashes as the army prepared a counter-offensive in the area."""

WIRE_COPY = """Somalia: Al-Shabaab attacks base near Awdheegle

MOGADISHU, March 12 (Wire) - Al-Shabaab fighters stormed an army base near the town of Awdheegle in the Lower Shabelle region
early on Tuesday, setting off a gun battle that lasted several hours, military officials and
residents said. The attackers first detonated a car packed with explosives at the gate of the base
before gunmen on foot forced their way inside, a Somali army officer told reporters by phone.
At least nine soldiers and an unknown number of militants were killed in the fighting, the officer
said, adding that reinforcements had arrived from the regional capital by mid-morning. Residents
said the militants withdrew towards farmland along the river after looting weapons and two
vehicles. The group said in a statement on one of its websites that it had killed more than
twenty soldiers, a figure that could not be independently verified. Awdheegle was retaken from the
militants in 2019 with the help of African Union troops, and the base has been attacked several
times since then. Farmers in nearby villages said many families had fled towards the coast,
fearing further clashes as the army prepared a counter-offensive in the area.

Share this article
You may also like
Drought deepens in the north"""

LIGHTLY_EDITED = """Militants storm army base in Lower Shabelle, nine soldiers killed

Al-Shabaab fighters stormed an army base near the town of Awdheegle in the Lower Shabelle region
early on Tuesday, setting off a gun battle that lasted several hours, military officials and
residents said. The attackers first detonated a car packed with explosives at the gate of the base
before gunmen on foot forced their way inside, a Somali army officer told reporters by phone.
At least nine soldiers and an unknown number of militants were killed in the fighting, the officer
said, adding that reinforcements had arrived from the regional capital by mid-morning. Residents
said the militants withdrew towards farmland along the river after looting weapons and two
vehicles. The group said in a statement on one of its websites that it had killed more than
twenty soldiers, a figure that could not be independently verified. Awdheegle was retaken from the
militants in 2019 with the help of African Union troops, and the base has been attacked several
times since then. Farmers in nearby villages said many families had fled towards the coast,
fearing further clashes. The defence ministry is expected to give a statement later on Tuesday."""

SAME_EVENT_OTHER_REPORT = """Nine soldiers die as Shabaab raids Awdheegle base

Nine Somali soldiers were killed on Tuesday when Islamist insurgents attacked a military camp
outside Awdheegle, about 70 km west of Mogadishu, according to a local commander. He said a
suicide car bomb blew open the entrance and fighters then poured into the camp, where the battle
went on for hours until troops sent from Marka pushed them out. Al-Shabaab claimed on its radio
station that it had killed more than twenty soldiers and seized weapons. Residents of Awdheegle
reported that the insurgents took two army trucks as they retreated along the Shabelle river.
The town has changed hands several times in the past decade; government forces backed by African
Union troops recaptured it in 2019. Aid workers said hundreds of households had left the area,
and that prices of food had risen sharply in the town's market since the weekend."""

OTHER_TOPIC = """Floods displace thousands along the Juba river

Heavy rains in the Ethiopian highlands have pushed the Juba river over its banks, displacing more
than 40,000 people in the Gedo and Middle Juba regions, the United Nations said on Wednesday.
Farmland and roads have been submerged and aid agencies warned of cholera outbreaks in camps."""


def _text(raw: str) -> str:
    return read_text_article(raw).text


def test_signature_is_deterministic_and_512_bytes():
    first = signature(_text(ORIGINAL))
    assert first == signature(_text(ORIGINAL))
    assert isinstance(first, bytes) and len(first) == NUM_PERM * 4


def test_signature_is_pinned_across_versions():
    """Stored signatures must stay comparable: pin the values for a tiny text."""
    sig = signature("one two three four five six")
    assert sig.hex()[:32] == signature("ONE two, three. four five six").hex()[:32]  # case and punctuation do not count
    assert sorted(shingles("one two three four five six")) == ["one two three four five", "two three four five six"]
    assert sig[:8].hex() == "8fa3b435f300b12f"


def test_similarities_separate_copies_from_other_reports():
    original = signature(_text(ORIGINAL))
    assert similarity(original, signature(_text(WIRE_COPY))) >= 0.85
    assert similarity(original, signature(_text(LIGHTLY_EDITED))) >= 0.8
    assert similarity(original, signature(_text(SAME_EVENT_OTHER_REPORT))) < 0.2
    assert similarity(original, signature(_text(OTHER_TOPIC))) < 0.1


def test_index_links_copies_to_the_first_seen_and_keeps_other_reports_apart():
    index = NearDuplicateIndex()
    assert index.add("original", signature(_text(ORIGINAL))) is None
    assert index.add("other-report", signature(_text(SAME_EVENT_OTHER_REPORT))) is None
    assert index.add("wire", signature(_text(WIRE_COPY))) == "original"
    assert index.add("edited", signature(_text(LIGHTLY_EDITED))) == "original"
    assert index.add("floods", signature(_text(OTHER_TOPIC))) is None
    assert len(index) == 5 and "wire" in index


def test_a_copy_of_a_copy_points_at_the_original():
    index = NearDuplicateIndex(threshold=0.8)
    base = _text(ORIGINAL)
    index.add("a", signature(base))
    drift = base.replace("early on Tuesday", "before dawn on Tuesday")
    assert index.add("b", signature(drift)) == "a"
    assert index.add("c", signature(drift + " Officials gave no further details.")) == "a"


def test_threshold_is_configurable():
    strict = NearDuplicateIndex(threshold=0.97)
    strict.add("original", signature(_text(ORIGINAL)))
    assert strict.add("edited", signature(_text(LIGHTLY_EDITED))) is None
    loose = NearDuplicateIndex(threshold=0.5)
    loose.add("original", signature(_text(ORIGINAL)))
    assert loose.add("edited", signature(_text(LIGHTLY_EDITED))) == "original"


def test_rebuilt_from_stored_signatures_gives_the_same_answers():
    signatures = [(name, signature(_text(raw))) for name, raw in [("o", ORIGINAL), ("r", SAME_EVENT_OTHER_REPORT)]]
    live = NearDuplicateIndex()
    answers = [live.add(name, sig) for name, sig in signatures]
    rebuilt = NearDuplicateIndex.from_signatures(signatures)
    assert answers == [None, None] and len(rebuilt) == 2
    wire = signature(_text(WIRE_COPY))
    assert rebuilt.add("w", wire) == live.add("w", wire) == "o"
    assert rebuilt.query(wire)[0][0] == "o"


def test_adding_an_id_again_returns_the_first_answer():
    index = NearDuplicateIndex()
    index.add("o", signature(_text(ORIGINAL)))
    assert index.add("w", signature(_text(WIRE_COPY))) == "o"
    assert index.add("w", signature(_text(WIRE_COPY))) == "o"
    assert index.add("o", signature(_text(ORIGINAL))) is None
    assert len(index) == 2


def test_texts_without_words_are_never_duplicates():
    index = NearDuplicateIndex()
    assert index.add("a", signature("...")) is None
    assert index.add("b", signature("!!!")) is None


def test_short_texts_are_one_shingle():
    assert shingles("Clash in Gao") == {"clash in gao"}
    index = NearDuplicateIndex()
    index.add("a", signature("Clash in Gao."))
    assert index.add("b", signature("clash in GAO")) == "a"
    assert index.add("c", signature("Clash in Kidal")) is None


def test_bad_signature_or_threshold_is_an_input_error():
    index = NearDuplicateIndex()
    with pytest.raises(InputError, match="not 512"):
        index.add("x", b"\x00" * 10)
    with pytest.raises(InputError, match="threshold"):
        NearDuplicateIndex(threshold=0)
