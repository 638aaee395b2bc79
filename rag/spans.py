"""Where the quote of a sentence starts and ends.

A quote is the sentence, widened to what it cannot be read without: the sentence before it
when it leans on that one ("That threshold — …"), its table's header or its list's lead-in
(and the list's later items, while they fit), the sentence after it when it announces that one
("… told a residents' meeting something different:"), and the line naming who said a block
quote. A run-on "sentence" (a text without full stops) is cut to one answer's budget.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import regex

from .answer_types import SAYING_VERBS, count_announced
from .lexical import STOPWORDS
from .text import CALENDAR_WORDS, LEANING_REACH, LEANS_ON_PREVIOUS, asks_on_its_line, count_tokens, labels_its_line, line_start, on_list_line, opening_length, opens_a_quotation, opens_an_item, word_count

if TYPE_CHECKING:
    from .index import CorpusIndex

# A sentence over this many answers' token budgets is no prose sentence (a text without full
# stops): it is quoted up to one budget. Cutting at one budget cut real long sentences of
# SQuAD's Wikipedia paragraphs before their answer (answer in the quotes 0.862 -> 0.859).
RUN_ON_BUDGETS = 3
ATTRIBUTION_REACH = 3  # sentences (with words) from a quoted sentence to the line naming who said it, for the quote to go on to it


def quote_span(
    index: CorpusIndex,
    sid: int,
    token_budget: int,
    said: frozenset[int] = frozenset(),
    room: int | None = None,
    *,
    speech: bool = False,
    things: frozenset[str] = frozenset(),
    goes_on: bool = False,
) -> tuple[int, int]:
    """(start, end) in its article of the quote of sentence ``sid``, in an answer of
    ``token_budget`` tokens: the sentence with what it is read with (see the module's docstring),
    never over a sentence of ``said``; ``room`` is what is left of the budget for a later quote
    (None for the first); ``speech``: the question asks what someone said, so that a sentence
    telling they spoke goes on to their words; ``things``: what the question asks to have named
    (``things_asked``), so that a sentence counting them ("four main conditions") goes on to the
    sentences naming them; ``goes_on``: the question asks what comes after what the sentence tells
    (``asks_next_step``), so that it goes on to the next sentence of its paragraph, within the
    budget. A run-on sentence over ``RUN_ON_BUDGETS`` budgets is cut to one."""
    return _within_budget(index, token_budget, sid, *_with_context(index, sid, token_budget, said, room, speech, things, goes_on))


def quoted_from(index: CorpusIndex, sid: int) -> int:
    """Where a quote of sentence ``sid`` starts, at the sentence it leans on or back through the
    quotation it carries on to who said it (``_leaning_start``): what a reader is shown with it."""
    return _leaning_start(index, sid, frozenset())


def _with_context(
    index: CorpusIndex,
    sid: int,
    token_budget: int,
    said: frozenset[int],
    room: int | None,
    speech: bool = False,
    things: frozenset[str] = frozenset(),
    goes_on: bool = False,
) -> tuple[int, int]:
    """(start, end) of a sentence, widened to the previous one when it leans on it, to its
    table's header or its list's lead-in when it is a row or item of one (``CorpusIndex.leads``:
    "The council gave three reasons for the delay:" over "- Cost overruns …"; an FAQ's answer
    back over the short replies opening it, "No. The old scheme required …", never to its
    question; a live blog's entry to its time stamp, "Updated 1:40 p.m."; these two only within
    one answer's budget, and with none of the answer's or entry's later sentences), to the next
    one when it announces it ("… told a residents' meeting something different:"), on to as
    many sentences of its paragraph as it counts of ``things`` ("Members attached four main
    conditions to the permission.", ``count_announced``) while the quote stays within ``room``
    tokens (the answer's budget for the first quote), with ``goes_on`` to the next sentence of its
    paragraph within those tokens ("What happens after …?"), and on
    to the line naming who said it ("> — Gloria Mbeki, board chair" at the foot of a block
    quote); never over a sentence of ``said``. A lead-in ending in a colon, or an item of
    its list, goes on to the list's later items while the quote stays within ``room``
    tokens, so that a list of reasons is quoted whole, not cut after the one that matched
    best. ``room`` is what is left of the answer's budget for a later quote, which is
    widened to its header or lead-in only when that fits; None for the first quote, which
    always is, and whose list goes on within the whole budget."""
    sentences = index.sentences
    sentence = sentences[sid]
    text = index.documents[sentence.doc_id].text
    start, end = _leaning_start(index, sid, said), sentence.end
    chained = _chain_start(index, sid, said)  # "The Harbour Link opened in 1998. It is … It replaced a car ferry …", within the budget
    if chained is not None and count_tokens(text[chained:end]) <= token_budget:
        start = chained
    lead = index.leads.get(sid)
    if lead is not None and not said.intersection(range(lead, sid)):
        asks = asks_on_its_line(text, sentences[lead])
        first = _after_short_replies(index, lead, sid) if asks else lead  # an FAQ's question is never quoted: "No. The old scheme …"
        lead_start = _leaning_start(index, first, said)  # "Its main items are:" with the sentence that says whose
        labelled = asks or labels_its_line(text, sentences[lead])  # an FAQ's answer, a live blog's entry: within one answer's budget
        limit = room if room is not None else token_budget if labelled else None
        if limit is None or count_tokens(text[lead_start:end]) <= limit:
            start = lead_start
        else:
            lead = None  # a later quote too far below it for what is left of the budget: the row or item alone
        if labelled:
            lead = None  # an answer's or entry's later sentences are no items of a list, quoted on
    if (sentence.text.endswith(":") or announces_what_follows(sentence.text)) and sid + 1 < len(sentences) and sid + 1 not in said:
        following = sentences[sid + 1]
        if following.doc_id == sentence.doc_id and following.kind == "sentence":
            end = following.end
    if goes_on and sid + 1 < len(sentences) and sid + 1 not in said and index.same_paragraph(sid, sid + 1):  # "What happens after the core samples are taken?"
        following = sentences[sid + 1]
        if following.kind == "sentence" and count_tokens(text[start : following.end]) <= (token_budget if room is None else room):
            end = max(end, following.end)
    if things and (count := count_announced(sentence.text, things)):
        end = _named_after(index, sid, count, start, end, said, token_budget if room is None else room)
    if _tells_a_question(sentence.text) and sid + 1 < len(sentences) and sid + 1 not in said and index.same_paragraph(sid, sid + 1):
        if sentences[sid + 1].kind in ("sentence", "fragment"):  # "They cannot."
            end = max(end, sentences[sid + 1].end)
    end = max(end, sentences[_quotation_carried_to(index, sid, said, token_budget if room is None else room, start, speech)].end)
    attribution = index.attributions.get(sid)  # "> — Gloria Mbeki, board chair" at the foot of its block quote, when near
    if attribution is not None and _sentences_with_words(index, sid, attribution) <= ATTRIBUTION_REACH and not said.intersection(range(sid + 1, attribution + 1)):
        end = max(end, sentences[attribution].end)
    list_lead = lead if lead is not None or not sentence.text.endswith(":") else sid  # a list's own lead-in, or the list it opens
    if list_lead is not None and not sentence.text.startswith("|"):  # a table's other rows are other entries
        end = _rest_of_list(index, token_budget, list_lead, sid, start, end, said, room)
    return _with_opening_emphasis(text, start, end), end


_OPENING_EMPHASIS = re.compile(r"(\*\*|__|\*|_)$")  # right before the quote: "* " opens a list's item, no emphasis


def _with_opening_emphasis(text: str, start: int, end: int) -> int:
    """``start`` moved back over the emphasis mark that opens its line ("**Q: So you are leaving
    nursing?**" quoted from "Q:") when ``text[start:end]`` closes it, so no mark is left unpaired."""
    line = line_start(text, start)
    opening = _OPENING_EMPHASIS.search(text, line, start)
    if opening is None or text[line : opening.start()].strip() or opening[1] not in text[start:end]:
        return start
    return opening.start()


# A short sentence that only announces what the next one tells: "The authors acknowledged several
# limitations.", "The council gave three reasons." (a count or "several" of what is told, at its
# end; not "Police arrested two teenagers.", a fact of its own).
_ANNOUNCES = re.compile(
    r"\b(?:several|various|some|many|a (?:number|series|handful|list|range) of|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[\w-]+\s+)?"
    r"(?:reasons|limitations|caveats|concerns|changes|measures|steps|recommendations|conditions|options|questions|problems|issues|"
    r"factors|findings|risks|proposals|demands|priorities|commitments|lessons|criticisms|objections|benefits|drawbacks|ways|areas)\.$",
    re.IGNORECASE,
)
ANNOUNCING_WORDS = 10  # an announcing sentence is at most this long
# A question told as asked, whose answer the next sentence gives: "Several readers … have asked
# whether they can claim the grant retrospectively. They cannot."
_REPORTS_A_QUESTION = re.compile(
    r"\b(?:ha(?:ve|s|d)\s+(?:also\s+)?(?:asked|wondered|questioned)|questions\s+(?:ha(?:ve|s|d)\s+)?(?:also\s+)?(?:focused|centred|centered)\s+on"
    r"|the\s+question\s+(?:is|was|of))\s+(?:why|whether|if|how|when|what|who)\b[^?]*\.$",
    re.IGNORECASE,
)


def announces_what_follows(text: str) -> bool:
    """Whether ``text`` is a short sentence that only announces what follows it ("The authors
    acknowledged several limitations.")."""
    return len(text.split()) <= ANNOUNCING_WORDS and bool(_ANNOUNCES.search(text))


def _tells_a_question(text: str) -> bool:
    """Whether ``text`` tells of a question asked, which the next sentence of its paragraph
    answers ("Several readers have asked whether they can claim the grant retrospectively.",
    "Questions have focused on why the evacuation order came at 2:40 a.m.")."""
    return bool(_REPORTS_A_QUESTION.search(text))


# A quotation closed before who said it: '…," Kowalczyk said.', '…," she said.', '…," said Ruiz.',
# '…," chief executive Ingrid Solberg told reporters', '…," said association spokesperson Hank Derksen'.
_SAID_QUOTATION = re.compile(r"[”\"],?\s+(?:[\w.’'-]+\s+){0,5}(?:said|says|added|told|wrote)\b")
_OPENS_QUOTATION = re.compile(r"^[“\"]")
_SAYS = re.compile(rf"\b(?:{SAYING_VERBS})\b", re.IGNORECASE)  # "Mensah said she had struggled …": she spoke


def _quotation_carried_to(index: CorpusIndex, sid: int, said: frozenset[int], room: int, start: int, speech: bool) -> int:
    """The last sentence a quote of sentence ``sid`` goes on to, ``sid`` itself when none: when it
    quotes someone by name ('"Nobody is against libraries," Kowalczyk said.'), the next sentence
    of its paragraph when that carries the quotation on ('"But we had a $9 million option …"');
    with ``speech`` (the question asks what someone said), also when it tells that someone spoke
    ("Councillor Ruth Mensah … said she had struggled with the decision."), and then every
    sentence of its paragraph that carries their words on ('"I love those libraries.', 'I grew up
    in the Eastgate branch," she said.', '"But the alternative …"'). Always while the quote stays
    within ``room`` tokens from ``start`` and takes in no sentence of ``said``."""
    sentences = index.sentences
    quotes = bool(_SAID_QUOTATION.search(sentences[sid].text))
    if not (quotes or (speech and (_SAYS.search(sentences[sid].text) or _quoted_by_pronoun_next(index, sid)))):
        return sid
    text = index.documents[sentences[sid].doc_id].text
    last = sid
    while last + 1 < len(sentences) and last + 1 not in said and index.same_paragraph(last, last + 1) and (speech or last == sid):
        following = sentences[last + 1]
        goes_on = _OPENS_QUOTATION.match(following.text) or (speech and _leaves_a_quotation_open(text[sentences[sid].start : sentences[last].end]))
        another = speech and _said_by_another(following.text, sentences[sid].text)
        if following.kind != "sentence" or not goes_on or another or count_tokens(text[start : following.end]) > room:
            break
        last += 1
    return last


def _quoted_by_pronoun_next(index: CorpusIndex, sid: int) -> bool:
    """Whether the next sentence of ``sid``'s paragraph quotes someone it names by a pronoun
    ('“We have had two consultations already,” she said.' after "Mensah dismissed the idea of
    an inquiry."): ``sid`` tells who spoke, and how they took something."""
    following = sid + 1
    if following >= len(index.sentences) or not index.same_paragraph(sid, following):
        return False
    text = index.sentences[following].text
    return bool(_OPENS_QUOTATION.match(text) and _SAID_BY_PRONOUN.search(text))


# Who a quotation is told as said by, after it closes: '…," Price said.', '…," said Tom Price, a campaigner.'
_ATTRIBUTED = re.compile(r"[”\"],?\s+([^“”\"]*)$")
_CAPITALISED_WORD = regex.compile(r"(?<![\w'’-])\p{Lu}[\w'’-]+")  # "Tuesday", "The" are none (above)


def _said_by_another(sentence: str, speaker: str) -> bool:
    """Whether ``sentence`` quotes someone by a name that ``speaker``, the sentence telling who
    spoke, does not write ('"Libraries are a lifeline," said campaigner Tom Price.' after
    "Councillor Ruth Mensah said …"; not '…," he said on Tuesday.')."""
    told = _ATTRIBUTED.search(sentence)
    names = [word for word in _CAPITALISED_WORD.findall(told.group(1)) if word.lower() not in STOPWORDS | CALENDAR_WORDS] if told else []
    return bool(names) and not any(re.search(rf"\b{re.escape(name)}\b", speaker) for name in names)


def _sentences_with_words(index: CorpusIndex, first: int, last: int) -> int:
    """Sentences after ``first`` up to ``last`` that have words: a block quote's bare ">" line is none."""
    return sum(1 for i in range(first + 1, last + 1) if word_count(index.sentences[i].text))


# Who said a quotation, named only by a pronoun ('"…," she said.'): named before, in the sentence
# the quotation leans on.
_SAID_BY_PRONOUN = re.compile(r"[”\"],?\s+(?:he|she|they)\s+(?:said|says|added|told|wrote)\b")


def _goes_on_quoting(sentence: str, previous: str) -> bool:
    """Whether ``sentence`` carries on a quotation that ``previous`` attributes or leaves open,
    so that whose words they are is told only there: '"Halvorsen has been a responsible neighbor
    …"' after '"We respectfully disagree …," Marr said.'; 'It tells you nothing …' after '"Habitable
    zone is an orbital definition.'; or names its speaker by a pronoun ('"…," she said.')."""
    if _SAID_BY_PRONOUN.search(sentence):
        return True
    if _OPENS_QUOTATION.match(sentence):
        return not _SAID_QUOTATION.search(sentence) and bool(_SAID_QUOTATION.search(previous))
    return _leaves_a_quotation_open(previous)


def _leaves_a_quotation_open(text: str) -> bool:
    """Whether ``text`` opens a quotation it does not close ('"I love those libraries.'), its marks
    counted straight or curly alike (pasted text mixes them: “a disaster")."""
    return sum(text.count(mark) for mark in '"“”') % 2 == 1


def _leaning_start(index: CorpusIndex, sid: int, said: frozenset[int], reach: int = ATTRIBUTION_REACH) -> int:
    """Where a quote of sentence ``sid`` starts: at the sentence before it in its paragraph when it
    leans on that one ("That threshold — …") and that one is not among the sentences ``said``;
    for a sentence carrying on a quotation (``_goes_on_quoting``), back through the quotation to
    the sentence that names who said it ('Chief executive Alan Pryce acknowledged … "We are not
    reckless," he told reporters. "Every pound of this deal …"'), across paragraphs too when the
    one before leaves the quotation open (``_quotation_runs_on``), at most ``reach`` sentences
    back (a long speech quoted sentence after sentence is not quoted whole)."""
    sentence = index.sentences[sid]
    if sid == 0 or sid - 1 in said or reach == 0:
        return sentence.start
    previous = index.sentences[sid - 1]
    if previous.kind != "sentence" or previous.doc_id != sentence.doc_id:
        return sentence.start
    if not index.same_paragraph(sid - 1, sid):
        return _leaning_start(index, sid - 1, said, reach - 1) if _quotation_runs_on(index, sid) else sentence.start
    if _goes_on_quoting(sentence.text, previous.text):
        return _leaning_start(index, sid - 1, said, reach - 1)
    return previous.start if LEANS_ON_PREVIOUS.match(sentence.text) else sentence.start


def _chain_start(index: CorpusIndex, sid: int, said: frozenset[int]) -> int | None:
    """Where a quote of sentence ``sid`` starts when it leans on a sentence that leans in turn
    ("It replaced a car ferry." after "It is 1.2 kilometres long …"): at the sentence the chain
    leans on, which names what they tell of ("The Harbour Link opened in 1998."), at most
    ``LEANING_REACH`` sentences back, within its paragraph, over no sentence of ``said`` and none
    opening a quotation (its "This" is the speaker's own); None when there is no such chain or
    it reaches further back."""
    sentences = index.sentences
    first = sid
    while LEANS_ON_PREVIOUS.match(sentences[first].text) and not opens_a_quotation(sentences[first].text):
        previous = first - 1
        if sid - previous > LEANING_REACH or previous < 0 or previous in said or sentences[previous].kind != "sentence" or not index.same_paragraph(previous, sid):
            return None
        first = previous
    return sentences[first].start if sid - first > 1 else None


def _after_short_replies(index: CorpusIndex, question: int, sid: int) -> int:
    """Where a quote of sentence ``sid`` of an FAQ's answer starts: at ``sid``, or back over the
    short replies opening the answer to ``question`` right before it ("No.", "It depends.")."""
    first = sid
    while first - 1 > question and index.sentences[first - 1].kind == "fragment":
        first -= 1
    return first


def _quotation_runs_on(index: CorpusIndex, sid: int) -> bool:
    """Whether sentence ``sid`` opens a paragraph with a quotation mark, carrying on the quotation
    that the paragraph before leaves open (news closes no quotation at a paragraph's end when the
    speaker goes on: '"Our members are at breaking point," Moran said. "They are treating
    patients in corridors.' then '"A bed without a nurse is just furniture."')."""
    if not _OPENS_QUOTATION.match(index.sentences[sid].text):
        return False
    first = sid - 1
    while first > 0 and index.same_paragraph(first - 1, sid - 1):
        first -= 1
    text = index.documents[index.sentences[sid].doc_id].text
    return _leaves_a_quotation_open(text[index.sentences[first].start : index.sentences[sid - 1].end])


def _named_after(index: CorpusIndex, sid: int, count: int, start: int, end: int, said: frozenset[int], limit: int) -> int:
    """``end`` moved on over up to ``count`` sentences after sentence ``sid`` in its paragraph,
    which name what it counts, while ``start:end`` stays within ``limit`` tokens and takes in no
    sentence of ``said``."""
    sentences = index.sentences
    text = index.documents[sentences[sid].doc_id].text
    for following in range(sid + 1, min(sid + count + 1, len(sentences))):
        if following in said or not index.same_paragraph(sid, following) or sentences[following].kind != "sentence":
            break
        if count_tokens(text[start : sentences[following].end]) > limit:
            break
        end = max(end, sentences[following].end)
    return end


def _rest_of_list(index: CorpusIndex, token_budget: int, lead: int, sid: int, start: int, end: int, said: frozenset[int], room: int | None) -> int:
    """``end`` moved on to the end of sentence ``sid``'s own item of the list that ``lead``
    announces, then over the whole items after it (an item's every sentence, or none of it)
    while ``start:end`` stays within ``room`` tokens and takes in no sentence of ``said``.
    ``room`` None (the first quote): the own item whatever its length, then the answer's budget."""
    sentences, leads = index.sentences, index.leads
    text = index.documents[sentences[sid].doc_id].text
    items: list[list[int]] = [[]]  # the sentences after sid under the same lead, by item (the rest of sid's own first)
    following = sid + 1
    while following < len(sentences) and leads.get(following) == lead:
        if opens_an_item(text[sentences[following - 1].end : sentences[following].start]):
            items.append([])
        items[-1].append(following)
        following += 1
    after = sentences[following] if following < len(sentences) and sentences[following].doc_id == sentences[sid].doc_id else None
    if after is not None and on_list_line(text, after) and not opens_an_item(text[sentences[following - 1].end : after.start]):
        items.pop()  # an item whose later sentences lie beyond its lead's reach: left out
    limit = token_budget if room is None else room
    for n, item in enumerate(items):
        if not item:
            continue
        if any(i in said for i in item) or ((n > 0 or room is not None) and count_tokens(text[start : sentences[item[-1]].end]) > limit):
            break
        end = max(end, sentences[item[-1]].end)
    return end


def _within_budget(index: CorpusIndex, token_budget: int, sid: int, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` (sentence ``sid`` and the one it leans on), unless the sentence alone is
    over ``RUN_ON_BUDGETS`` whole answers long, as a text without full stops can make a
    "sentence" of thousands of words: then its opening, cut after the last word within one
    answer's ``token_budget``. A long sentence of real prose is quoted whole."""
    sentence = index.sentences[sid]
    if opening_length(sentence.text, RUN_ON_BUDGETS * token_budget) == len(sentence.text):
        return start, end
    return sentence.start, sentence.start + opening_length(sentence.text, token_budget)
