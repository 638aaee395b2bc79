"""Titles people hold ("CEO", "chief executive", "mayor"), each under all its names.

The premise checks read a title a question gives someone against the titles the articles
give them (``rag.premises.title_swapped``); a question is read with a company officer's
title as the articles write it (``as_written``): "Who is Nimbo's CEO?" of articles that
only ever say "chief executive" asks about their chief executive.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

import regex

from .answer_types import ASKS_EXPANSION
from .lexical import stem, words
from .text import HONORIFICS, MONTHS, WEEKDAYS

# A group each, under all its names.
TITLE_GROUPS = (
    "ceo|chief executive|chief executive officer",
    "cfo|chief financial officer|finance chief|finance director",
    "coo|chief operating officer",
    "cto|chief technology officer",
    "vice president|vice-president",
    "president",
    "chair|chairman|chairwoman|chairperson",
    "founder|co-founder|cofounder",
    "spokesperson|spokesman|spokeswoman",
    "lawyer|attorney|counsel",
    "mayor|mayor-elect",
    "governor|gov.",
    "prime minister|premier",
    "minister",
    "judge|justice",
    "attorney general|ag",
    "district attorney|da|prosecutor",
    "mediator",
    "director|executive director",
    "general manager|manager",
    "coach|head coach",
    "senator|sen.",
    "representative|rep.",
    "councillor|council member|councilman|councilwoman|alderman",
    "clerk",
    "commissioner",
    "professor|prof.",
    "superintendent|supt.",
    "sheriff",
    "lieutenant|lt.",
    "sergeant|sgt.",
    "captain|capt.",
    "detective|det.",
    "principal",
    "treasurer",
    "supervisor",
    "provost",
    "chancellor",
    "ambassador",
    "police chief|chief of police",
    "secretary",
)
TITLE_GROUP = {title: n for n, group in enumerate(TITLE_GROUPS) for title in group.split("|")}
TITLE_PATTERN = "|".join(sorted(map(re.escape, TITLE_GROUP), key=len, reverse=True))  # longest first: "vice president" before "president"
TITLE_WORD = re.compile(rf"\b(?:{TITLE_PATTERN})(?!\w)", re.I)  # not "\b": "Gov." ends in a full stop
# Titles with a short form, an acronym ("CEO", "AG") or an abbreviation ("Gov.", "Prof."): a question
# may write one where the articles spell it out, or the reverse. Other titles are left as asked
# ("justice", "manager" and "chair" have other meanings).
ACRONYMS = frozenset({"ceo", "cfo", "coo", "cto", "ag", "da"})
_READ_AS_WRITTEN = frozenset(TITLE_GROUP[short] for short in TITLE_GROUP if short in ACRONYMS or short.endswith("."))
_SHORT_FORM_TITLE = re.compile(
    rf"\b(?:{'|'.join(sorted((re.escape(t) for t, group in TITLE_GROUP.items() if group in _READ_AS_WRITTEN), key=len, reverse=True))})(?=s?(?!\w))", re.I
)  # a plural counts for its title: "Prosecutors argued …" writes "prosecutor"


def is_title(word: str, plural: bool = True) -> bool:
    """Whether ``word`` (lower-cased) is an honorific ("ms"), an officer's title, abbreviated with or
    without its full stop ("gov.", "gov"), or (with ``plural``) the plural of one of three letters or
    more ("ceo", "ceos"; not "das", which is no "da"; "senators" may name a team)."""
    word = word.rstrip(".")

    def titled(form: str) -> bool:
        return bool(TITLE_WORD.fullmatch(form) or TITLE_WORD.fullmatch(f"{form}."))

    return word in HONORIFICS or titled(word) or (plural and word.endswith("s") and len(word) > 3 and titled(word[:-1]))


def title_counts(texts: Iterable[str]) -> Counter[str]:
    """How often ``texts`` write each title with a short form that ``as_written`` reads (lower case,
    the longest name that matches: "chief executive officer" counts for itself, not for "chief
    executive"); a few titles, not all, since the articles are read for them at the first question."""
    return Counter(found.lower() for text in texts for found in _SHORT_FORM_TITLE.findall(text))


def as_written(question: str, written: Mapping[str, int]) -> str:
    """``question`` with each title with a short form it gives that the articles never write
    (``written``: ``title_counts`` of the articles) in the form they write most: "Who is Nimbo's
    CEO?" -> "Who is Nimbo's chief executive?" where they say "chief executive" and never "CEO";
    "What did Governor Ortega say?" -> "What did Gov. Ortega say?" where they only write "Gov.".
    A form written capitalised stays so. A question asking what an acronym stands for is left as asked."""
    if ASKS_EXPANSION.search(question):
        return question

    def replace(match: re.Match[str]) -> str:
        title = match.group().lower()
        group = TITLE_GROUP[title]
        if group not in _READ_AS_WRITTEN or written.get(title):
            return match.group()
        forms = [(count, len(form), form) for form in TITLE_GROUPS[group].split("|") if (count := written.get(form, 0))]
        if not forms:
            return match.group()
        form = max(forms)[2]
        asked = match.group()
        return form.upper() if form in ACRONYMS else form.capitalize() if asked[0].isupper() and not asked.isupper() else form

    return TITLE_WORD.sub(replace, question)


# Roles a question may ask who holds that are no officer's title: "Who was the referee?", "Who is
# the study's lead author?".
HELD_ROLES = frozenset(
    "referee umpire official goalkeeper striker winner driver pilot author editor architect owner buyer bidder contractor sponsor host "
    "presenter leader boss inspector coroner officer surgeon barrister solicitor curator conductor designer producer headteacher headmaster headmistress "
    "wife husband partner brother sister son daughter father mother grandson granddaughter uncle aunt nephew niece cousin".split()
)
# Everyday words for a role or a relation, each with the words reporters write for it: "Who's the
# boss of Kestrel Homes?" asks for "Kestrel's managing director, Fiona Lacey"; "Who is the lawyer for
# the families?" for "solicitor Aaron Mbeki"; "Who is Jamie's mum?" for his mother. Not "manager"
# for a boss ("a manager at Kestrel Homes"), nor "Defending" for a lawyer ("defending champions"),
# nor "gran" ("Gran Canaria").
EVERYDAY_ROLES = {
    everyday: tuple(written.split("|"))
    for everyday_words, written in (
        ("boss", "chief executive|ceo|managing director|chairman|chairwoman|chair|head teacher|headteacher|headmaster|headmistress"),
        ("gaffer", "manager|head coach|coach"),
        ("lawyer", "solicitor|barrister|counsel|attorney"),
        ("mum mom mam mummy mommy", "mother"),
        ("dad daddy", "father"),
        ("hubby", "husband"),
        ("granny grandma", "grandmother"),
        ("grandad granddad grandpa", "grandfather"),
    )
    for everyday in everyday_words.split()
}
# Everyday words a question may use for what an article writes another way, each group's words
# meeting each other: "How many students attend Glenarrow Primary?" of "Glenarrow Primary has 34
# pupils", "the strike" of "the walkout", British and American words ("lorry", "truck"); and words
# written one way only: "redundancies" of "the loss of 140 jobs". Read only where a word of the
# question is missing from the articles or from a sentence (``written_as``), never to match a word
# they hold.
SAID_ALIKE = ("student pupil", "strike walkout", "bid offer", "film movie", "lorry truck", "holiday vacation", "petrol gasoline",
              "inquiry investigation probe", "jail prison", "pavement sidewalk", "motorway highway freeway", "mobile cellphone",
              "postcode zipcode", "rubbish garbage trash")  # not words of other meanings: "line" (a tram line), "dismissed" (a claim), "fall", "store", "flat"
SAID_ONE_WAY = {
    "redundancy": "job|post|role|position",
    "layoff": "job|post|role|position",
    "jobless": "unemployed|unemployment",
    "own": "bought|acquired|owner|subsidiary",  # "Who owns Ardlow Coaches?" of "Ardlow Coaches was bought by … Veltman"
}
EVERYDAY_WORDS = {
    **{word: tuple(other for other in group.split() if other != word) for group in SAID_ALIKE for word in group.split()},
    **{word: tuple(written.split("|")) for word, written in SAID_ONE_WAY.items()},
}
_WRITTEN_STEMS = {
    stem(everyday): tuple(frozenset(map(stem, form.split())) for form in forms)
    for everyday, forms in (*EVERYDAY_ROLES.items(), *EVERYDAY_WORDS.items())
}


def written_as(term: str, terms: Collection[str]) -> bool:
    """Whether ``terms`` (stems) write a role, relation or thing the everyday word of stem ``term``
    stands for (``EVERYDAY_ROLES``, ``EVERYDAY_WORDS``): "boss" is written as "managing director",
    "lawyer" as "solicitor", "students" as "pupils", "redundancies" as "jobs"."""
    return any(all(word in terms for word in form) for form in _WRITTEN_STEMS.get(term, ()))


# Relations told from the other side, each group's words by the other's: "Who is Callum Danvers'
# father?" is told by "Danvers is the son of Lee Danvers", "Who is Ruth Bell's husband?" by "Tom
# Bell and his wife, Ruth".
_OTHER_SIDES = (
    ("father mother parent", "son daughter child"),
    ("grandfather grandmother grandparent", "grandson granddaughter grandchild"),
    ("husband", "wife"),
    ("uncle aunt", "nephew niece"),
    ("brother sister", "brother sister"),
)
_OTHER_SIDE_STEMS = {
    stem(word): frozenset(map(stem, far.split())) for one, other in _OTHER_SIDES for near, far in ((one, other), (other, one)) for word in near.split()
}
# Each relation's stem -> the stems that write it itself, its everyday words too ("mother", "mum").
_OWN_SIDE_STEMS = {
    term: frozenset({term, *(stem(word) for word, forms in EVERYDAY_ROLES.items() if any(stem(form) == term for form in forms))}) for term in _OTHER_SIDE_STEMS
}


# The relations of each sex, by their stems, and the words that tell of someone of that sex.
_MALE = frozenset(map(stem, "father grandfather husband son grandson brother uncle nephew".split())), frozenset("he his him himself mr".split())
_FEMALE = frozenset(map(stem, "mother grandmother wife daughter granddaughter sister aunt niece".split())), frozenset("she her hers herself mrs ms miss".split())


def of_the_other_sex(term: str, sentence_words: Collection[str]) -> bool:
    """Whether ``sentence_words`` (lower case) tell only of people of the other sex than the
    relation of stem ``term`` ("his granddaughter" for a grandmother asked): "Fiona Corrin is the
    daughter of Hugh Corrin, who opened the first shop … with a van he had bought" does not say
    who her mother is."""
    for (relations, own), (_, other) in ((_MALE, _FEMALE), (_FEMALE, _MALE)):
        if term in relations:
            return bool(other.intersection(sentence_words)) and not own.intersection(sentence_words)
    return False


def relation_sides(term: str) -> tuple[frozenset[str], frozenset[str]]:
    """The stems that write the relation of stem ``term`` itself ("mother", "mum") and those that
    tell it from its other side ("son", "daughter", "child"); both empty for a word of no relation."""
    return _OWN_SIDE_STEMS.get(term, frozenset()), _OTHER_SIDE_STEMS.get(term, frozenset())


# "Who was the fourth official?", "who's Nimbo's CEO", "Who is the chairman of Alvey Athletic?": the
# role (up to four words, its last the role's name), whose it is, and where or when (not read).
_HOLDER_ASKED = re.compile(
    r"^\W*who(?:'s|’s|\s+is|\s+was|\s+will\s+be)\s+(?:(?:the\s+)?(?P<owner>(?:[A-Z][\w.-]*\s+){0,2}[\w.-]+)(?:'s|’s|(?<=s)['’])|the|its|their|his|her)\s+(?P<role>(?:[\w.-]+\s+){0,3}?[\w.-]+?)"
    r"(?:\s+of\s+(?:the\s+)?(?P<of>[^\s?,][^?,]*?))?(?:\s+(?:at|in|for|on|behind|with|from|during|when|who|that)\b[^?]*)?\W*$",
    re.I,
)
# "Which judge sentenced Gary Lydgate?", "Which district judge heard the case?": a role (up to three
# words) named right after "which", then what its holder did (an auxiliary, a verb in "-ed" or a
# past tense of ``_PAST_TENSES``): not "Which official figures were used?", whose role word names a kind.
_PAST_TENSES = "took|gave|sent|ran|made|won|led|told|said|wrote|oversaw|heard|saw|chose|held|kept|left|met|paid|set|sat|bought|sold|brought|caught|found|threw|became"
_WHICH_HOLDER = re.compile(
    rf"^\W*which\s+(?P<role>(?:[\w.-]+\s+){{0,2}}?[\w.-]+)\s+(?:(?:did|does|do|was|were|is|are|has|had|have|will|would|could|can)|\w+ed|{_PAST_TENSES})\b",
    re.I,
)
# "Who refereed the match?", "Who chairs Eastholm's planning committee?", "Who speaks for the
# council?": a role asked by what its holder does, each verb with the role it tells.
_ROLE_OF_VERB = {
    **dict.fromkeys(("refereed", "referees", "refereeing"), "referee"),
    **dict.fromkeys(("umpired", "umpires"), "umpire"),
    **dict.fromkeys(("chairs", "chaired"), "chair"),
    **dict.fromkeys(("coaches", "coached"), "coach"),
    **dict.fromkeys(("manages", "managed"), "manager"),
    **dict.fromkeys(("captains", "captained"), "captain"),
    **dict.fromkeys(("edits", "edited"), "editor"),
    **dict.fromkeys(("speaks for", "spoke for", "speaks on behalf of", "spoke on behalf of"), "spokesperson"),
}
_DOES_ROLE = re.compile(
    rf"^\W*who\s+(?:now\s+|currently\s+)?(?P<verb>{'|'.join(sorted(_ROLE_OF_VERB, key=len, reverse=True))})\s+(?!to\b)(?:the\s+)?(?P<of>[^?]+?)\W*$", re.I
)
# Capitalised words opening a sentence that name no one: "Meanwhile, the fourth official …".
_NO_NAME = "Meanwhile|However|Afterwards|Later|Earlier|Still|Instead|Also|Then|Now|Today|Yesterday|Separately|Elsewhere|Overall|Finally|Eventually|Again"
_NAME = rf"(?:(?:Mr|Mrs|Ms|Dr|Prof|Sir|Dame)\.?\s+)?(?!(?:{WEEKDAYS}|{MONTHS}|{_NO_NAME})\b)\p{{Lu}}[\p{{L}}'’-]++(?:\s+\p{{Lu}}[\p{{L}}'’-]++)*+"
_CAPITALISED = regex.compile(r"\b\p{Lu}[\p{L}'’.-]*")  # "U.S." whole
_CALENDAR = regex.compile(rf"(?:{WEEKDAYS}|{MONTHS})[.,]?")
_NAME_AFTER = regex.compile(rf"\s+{_NAME}")
_TIE_REACH = 200  # characters on either side of a role in which a name may be tied to it


# Words that may come before a role capitalised, which tell whose role it is not: "Former manager …", "Interim chief executive …", "Committee chairwoman …".
_NO_OWNER = frozenset("the a an its his her their our former then acting interim current new deputy assistant first last late club team company committee board panel".split())
# Titles held by people of any body, which tell nothing of what else they hold: "Professor Fiona Galbraith".
_ANY_BODY = frozenset({TITLE_GROUP["professor"]})


@dataclass(frozen=True)
class RoleAsked:
    """A role whose holder a question asks for: ``pattern`` finds it in a sentence, under any of its
    names, with a name tied to it (``names_holder``); ``owner``: the lower-case words of whose role it
    is, as the question writes them capitalised ("Alvey Athletic" of "the chairman of Alvey
    Athletic"; empty when it says no one's); ``about``: those of whom else it names ("Gary Lydgate"
    of "Which judge sentenced Gary Lydgate?"), whose article names the holder; ``other_titles``: for an officer's title, the other
    titles tied to a name ("Wendmoor's chief operating officer, David Shaw" names no chief
    executive), else None."""

    pattern: regex.Pattern[str]
    owner: frozenset[str]
    other_titles: regex.Pattern[str] | None
    mention: regex.Pattern[str]  # the role alone, under any of its names
    about: frozenset[str] = frozenset()  # the lower-case words of whom else the question names: "Which judge sentenced Gary Lydgate?"
    qualifier: frozenset[str] = frozenset()  # the lower-case words before the role's name: "managing" of "managing director"


def _tied_to_a_name(role: str) -> regex.Pattern[str]:
    """A pattern finding ``role`` (a pattern) in a sentence with what may tie a name to it (the
    groups "before", "after" and "after_of") and whose role it is ("owner", "of")."""
    qualified = r"\s+(?:of|for|at|in)\s+(?:the\s+)?(?P<of>(?:\(?[\p{L}.'’-]+\)?\s+){0,5}?\(?[\p{L}.'’-]+\)?)"
    return regex.compile(
        # a name before it, "Mike Dean, the fourth official", "Dean was the fourth official", "Saudi Arabia was the world's largest producer",
        # "Tomasz Wilk, the transit authority's director" (whose, right before the role: "the Harlow council's chief executive"
        # is Harlow's, "Britain's longest-serving water company chief executive" no body's), "Tom Askew, vicar of St Anne's and chair of governors"
        rf"(?:(?P<before>{_NAME}(?:,[^,]{{1,60}},)?(?:\s*,\s+(?:(?:the|a|an|its|their|his|her)\s+)?|\s+(?:is|was|became|has been|had been|will be)\s+(?:the|a|an|its|their|his|her)\s+)"
        r"(?:(?P<owner>(?:[\p{L}-]+\s+){0,2}[\p{L}-]+)[’']s\s+(?=(?i:" + role + r"))|(?:[\p{L}-]+[’']s\s+)?(?:[\p{L}-]+\s+){0,3}|(?:[\p{L}'’-]+\s+){1,5}?and\s+))|(?P<owner>\p{Lu}[\p{L}-]*)(?:[’']s)?\s+)?"
        rf"(?P<role>{role})"
        # or after it: "Referee Anthony Taylor", "the fourth official, Mike Dean", "the Governor of Victoria, currently Linda Dessau"
        # "Police named the driver as Tom Reid"
        rf"(?:(?P<after>(?:,|\s+(?:is|was)|(?P<as>\s+as))?\s+{_NAME})|{qualified}(?P<after_of>(?:,|\s+(?:is|was))\s+(?:currently\s+|now\s+)?{_NAME}))?"
        rf"(?(after)|(?(after_of)|(?:{qualified})?))"
    )


def _role_pattern(forms: Iterable[str]) -> str:
    named = "|".join(sorted(map(regex.escape, forms), key=len, reverse=True))
    return rf"(?i:\b(?:{named})(?:s|es)?)(?!\w)(?![’']s\b)"  # not "the mayor's spokesperson"


def holder_asked(question: str) -> RoleAsked | None:
    """The role a question asks who holds ("Who was the fourth official?", "Who is Nimbo's CEO?",
    "Which judge sentenced Gary Lydgate?"), named by an officer's title or one of ``HELD_ROLES``,
    or by what its holder does ("Who refereed the match?", ``_ROLE_OF_VERB``); None for any other
    question."""
    asked = _HOLDER_ASKED.match(question) or _WHICH_HOLDER.match(question) or _DOES_ROLE.match(question)
    if not asked:
        return None
    role = _ROLE_OF_VERB[asked.group("verb").lower()] if asked.re is _DOES_ROLE else asked.group("role")
    title = TITLE_WORD.search(role.lower())
    if title and title.end() == len(role):
        group = TITLE_GROUP[title.group()]
        forms, before = TITLE_GROUPS[group].split("|"), role[: title.start()]
        others = [form for n, names in enumerate(TITLE_GROUPS) if n != group and n not in _ANY_BODY for form in names.split("|")]
    elif (last := role.split()[-1].lower()) in HELD_ROLES or last in EVERYDAY_ROLES:
        forms, before, others = [last], role.rsplit(None, 1)[0] if " " in role else "", []
    else:
        return None
    forms = [*forms, *(written for form in forms for written in EVERYDAY_ROLES.get(form, ()))]
    owner_text = " ".join(filter(None, [asked.groupdict().get("owner"), before, asked.groupdict().get("of")]))
    owner = frozenset(words(" ".join(_CAPITALISED.findall(owner_text)))) - _NO_OWNER  # as the articles' words are read: "U.S." is "us"
    role_pattern = _role_pattern(forms)
    named_after = (word for word in _CAPITALISED.findall(question, asked.end()) if not _CALENDAR.fullmatch(word))  # not "on Friday", "in March"
    about = frozenset(words(" ".join(named_after))) if asked.re is _WHICH_HOLDER else frozenset()
    qualifier = frozenset(word.lower() for word in before.split() if not word[:1].isupper() or asked.re is _WHICH_HOLDER) - _NO_QUALIFIER
    return RoleAsked(_tied_to_a_name(role_pattern), owner, _tied_to_a_name(_role_pattern(others)) if others else None, regex.compile(role_pattern), about, qualifier)


# A verb naming someone as what they are: "Police named the driver as Tom Reid" (not "Fans booed the referee as Leeds scored").
_NAMING = re.compile(r"\b(?:named|identified|appointed|elected|confirmed|chosen|selected|installed|described)\b", re.I)


def _names_one(match: regex.Match[str]) -> bool:
    if match.group("after") and match.group("as") and not _NAMING.search(match.string, 0, match.start("role")):
        return False
    return bool(match.group("before") or match.group("after") or match.group("after_of"))


# Words before a role that tell nothing of which role it is ("the current chairman"), and those that
# tell another role unless written ("the deputy headteacher" is no headteacher).
_NO_QUALIFIER = frozenset("the a an its his her their our current new then former late acting interim".split())
_OTHER_ROLE_QUALIFIERS = frozenset("deputy assistant vice associate junior".split())
_WORD_BEFORE = regex.compile(r"([\p{L}'’-]+)\s+$")


def _another_role(sentence: str, match: regex.Match[str], asked: RoleAsked) -> bool:
    """Whether the role ``match`` finds in ``sentence`` is another than ``asked`` by what qualifies
    it: "Ardlow Coaches' operations director" for a managing director asked, "Plant manager Rick
    Delgado" for a city manager, "Headteacher Claire Dunmore" for a deputy headteacher; not
    "coach Joe Birch" for a head coach, nor "Kenmore manager" (whose, not which)."""
    start = match.start("role")
    before = _WORD_BEFORE.search(sentence, max(0, start - 40), start)
    written = before.group(1).lower() if before else ""
    if asked.qualifier & _OTHER_ROLE_QUALIFIERS - {written}:
        return True
    whose = written.endswith(("'s", "’s", "s'", "s’"))  # "Wendmoor's chief executive": whose, not which
    qualifies = before is not None and not whose and (before.group(1).islower() or not sentence[: before.start()].strip())  # lower case, or opening the sentence
    return bool(asked.qualifier) and qualifies and written not in asked.qualifier | _NO_QUALIFIER


def names_holder(sentence: str, asked: RoleAsked) -> bool | None:
    """Whether ``sentence`` ties a name to the role ``asked`` (``holder_asked``) of the one whose
    role it is: "Referee Anthony Taylor waved play on" names who refereed, "… was spoken to by the
    fourth official" does not, nor does "Rovers chairman Tom Brady" say who chairs Alvey Athletic,
    nor "Wendmoor's chief operating officer, David Shaw" who is its chief executive; None when it
    tells of neither the role nor someone holding another officer's title, or may name one after
    the role's qualifier unmarked ("Secretary of State Antony Blinken")."""
    mentions = [mention.start() for mention in asked.mention.finditer(sentence)]
    if not mentions:
        others = asked.other_titles
        return False if others is not None and TITLE_WORD.search(sentence) and any(map(_names_one, others.finditer(sentence))) else None
    found = [  # read near each mention only: a run-on "sentence" of thousands of capitalised words is not read whole for each
        match
        for at in mentions
        for match in asked.pattern.finditer(sentence, max(0, at - _TIE_REACH), at + _TIE_REACH)
        if match.start("role") == at
    ]

    def of_another(match: regex.Match[str]) -> bool:
        written = frozenset(words(" ".join(_CAPITALISED.findall(" ".join(filter(None, [match.group("of"), match.group("owner")])))))) - _NO_OWNER
        return bool(asked.owner and written and not written & asked.owner) or _another_role(sentence, match, asked)

    if any(_names_one(match) and not of_another(match) for match in found):
        return True
    return None if any(match.group("of") and not of_another(match) and _NAME_AFTER.match(sentence, match.end()) for match in found) else False
