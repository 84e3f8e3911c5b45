"""The importers' one position reader (etl/importers/positions.py): negation before keywords.

Examples first (the issue's, then others states and reports use), then hypothesis: random phrasings
built from negations, keywords and noise are never read as supported when a negation is in them, and
always are when they say "supported"/"accepted" plainly and nothing else.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.importers import positions
from etl.importers.positions import classify
from vocab import ANSWERED_RESPONSES, RESPONSES


@pytest.mark.parametrize(
    ("words", "response"),
    [
        # the examples
        ("Not supported", "noted"),
        ("Not accepted", "noted"),
        ("Noted (not accepted)", "noted"),
        # other ways states and sources say no
        ("does not accept", "noted"),
        ("Doesn’t support", "noted"),
        ("Cannot accept", "noted"),
        ("Unsupported", "noted"),
        ("Non-accepted", "noted"),
        ("Rejected", "noted"),
        ("Declined to accept", "noted"),
        ("- Noted", "noted"),
        ("NOTED", "noted"),
        ("Non acceptée", "noted"),
        # and yes
        ("Supported", "supported"),
        ("Accepted", "supported"),
        ("- Supported", "supported"),
        ("Supported (already implemented)", "supported"),
        ("Acceptée", "supported"),
        # the Working Group report's lead-ins (FORMATS.md)
        (
            "The recommendations formulated during the interactive dialogue and listed below enjoy the support of Cambodia:",
            "supported",
        ),
        ("The following recommendations have been noted by Cambodia:", "noted"),
        ("The following recommendations did not enjoy the support of Cambodia:", "noted"),
        (
            "The following recommendations did not enjoy the support of Cambodia and would thus be noted",
            "noted",
        ),
        (
            "The following recommendations will be examined by Cambodia which will provide responses in due time, "
            "but no later than the twenty-sixth session of the Human Rights Council in June 2014:",
            "pending",
        ),
        ("the following recommendations were made to Cambodia (will be examined):", "pending"),
        ("Under consideration", "pending"),
        ("Pending", "pending"),
        # supported in part: counted as supported (the module docstring says why)
        ("Supported/Noted", "supported"),
        ("Supported / Noted", "supported"),
        ("Accepted and noted", "supported"),
        ("Supported in part", "supported"),
        ("Partially supported", "supported"),
        ("Partially accepted; partially noted", "supported"),
        # not read with confidence
        ("Maybe later", "unclassified"),
        ("", "unclassified"),
        ("Supported, not noted", "unclassified"),
        ("Supported / Not supported", "unclassified"),
        ("Neither supported nor noted", "unclassified"),
        ("Not fully supported", "unclassified"),
        ("Not rejected", "unclassified"),
        ("No longer pending", "unclassified"),
        ("Noted in part", "unclassified"),
        ("Pending / Supported", "unclassified"),
        ("Supported by Cambodia; noted by the delegation", "unclassified"),
        ("Yes", "unclassified"),
    ],
)
def test_positions_are_read_negation_first(words: str, response: str) -> None:
    assert classify(words).response == response


def test_the_source_words_are_kept_tidied_and_partial_answers_are_flagged() -> None:
    read = classify("  Supported \u00a0in  part ")
    assert (read.response, read.label, read.partial) == ("supported", "Supported in part", True)
    assert classify("Note\u0301e").label == "Notée"  # NFC: a decomposed accent composed
    assert classify("Note\u0301e").response == "noted"
    assert not classify("Supported").partial
    assert not classify("Accepted (partially implemented)").partial  # "partially" qualifies the work


def test_every_response_the_reader_gives_is_in_the_shared_vocabulary() -> None:
    given_by_reader = {positions.SUPPORTED, positions.NOTED, positions.PENDING, positions.UNCLASSIFIED}
    assert given_by_reader == set(RESPONSES)
    assert set(ANSWERED_RESPONSES) == {"supported", "noted"}


# --- property: never supported unless it says so without negation ----------------------------------------
NEGATIONS = [
    "not", "Not", "NOT", "no", "never", "does not", "did not", "cannot", "can't", "doesn’t", "didn't", "won't",
    "neither", "nor", "without", "unable to", "rejected", "Rejected", "declined", "refuses", "unsupported",
    "non-accepted", "Unaccepted", "nonsupported",
]  # fmt: skip
SUPPORT = ["supported", "Supported", "SUPPORTED", "support", "accepted", "Accepted", "accept", "acceptée",
           "enjoy the support of", "enjoyed the support"]  # fmt: skip
OTHER_KEYWORDS = ["noted", "Noted", "have been noted", "will be examined", "pending", "under consideration"]
NOISE = [
    "the", "recommendation", "Cambodia", "by the State", "(", ")", "/", ",", ";", " - ", ":", "2014", "fully",
    "already implemented", "in principle", "para. 118", "*", "  ", "\u00a0", "Government", "and", "in part",
    "partially", "Co\u0302te d'Ivoire", "—", "A/HRC/26/16", "which", "listed below",
]  # fmt: skip


def _phrase(pieces: list[str]) -> str:
    return " ".join(pieces)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(NOISE + SUPPORT + OTHER_KEYWORDS), max_size=6),
    st.lists(st.sampled_from(NEGATIONS), min_size=1, max_size=3),
    st.randoms(use_true_random=False),
)
def test_a_phrase_with_a_negation_is_never_supported(pieces, negations, rng) -> None:
    words = pieces + negations
    rng.shuffle(words)
    read = classify(_phrase(words))
    assert read.response != "supported", (_phrase(words), read)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(NOISE), max_size=6),
    st.lists(st.sampled_from(SUPPORT), min_size=1, max_size=2),
    st.randoms(use_true_random=False),
)
def test_a_plain_support_word_among_noise_is_supported(noise, support, rng) -> None:
    words = noise + support
    rng.shuffle(words)
    read = classify(_phrase(words))
    assert read.response == "supported", (_phrase(words), read)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(NOISE), max_size=8) | st.text(max_size=40))
def test_words_without_a_keyword_are_never_counted(words) -> None:
    phrase = _phrase(words) if isinstance(words, list) else words
    read = classify(phrase)
    lowered = phrase.casefold()
    if not any(
        k in lowered
        for k in (
            "support",
            "accept",
            "not",
            "reject",
            "declin",
            "refus",
            "pend",
            "exam",
            "consider",
            "await",
            "defer",
            "will",
            "repl",
            "answer",
            "respon",
        )
    ):
        assert read.response == "unclassified", (phrase, read)
    assert read.response in RESPONSES
