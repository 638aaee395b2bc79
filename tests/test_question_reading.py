"""How a question is read: its content words, the kind of answer it asks for, and
whether it is a follow-up to the previous question.

The words that frame the answer ("what *day*", "how *long* ... *last*", "*stand for*") are
not topic words: the articles need not use them, and a question must not be taken for
unanswerable because they don't. The answer type check looks for the answer instead.
"""

from __future__ import annotations

import pytest

from rag.answer_types import (
    CONTACT_TYPES,
    act_asked,
    age_of_another,
    asks_former,
    asks_half_time_score,
    asks_people_count,
    asks_placing,
    asks_statement,
    asks_what_next,
    count_announced,
    counted_things,
    counts_of,
    counts_people,
    event_after_asked,
    expected_type,
    has_type,
    mentions,
    names_a_person,
    reports_speech,
    scorer_asked,
    speaks,
    tells_act,
    tells_after,
    tells_an_earlier_time,
    tells_correction,
    tells_former,
    tells_future,
    tells_half_time_score,
    tells_placing,
    tells_reason,
    things_asked,
    topic_of_statement,
)
from rag.premises import _another_body_of_its_kind, _names_by_its_kind, _topic_terms, names_unknown, premise_denied, premise_reversed, title_swapped
from rag.roles import relation_asked, roles_in, told_the_other_way
from rag.ranks import ranks_asked, tells_rank_of_what_is_asked, tells_ranks
from rag.succession import predecessor_asked, tells_predecessor
from rag.events import events_asked, spans_a_life, tells_event, told_of_a_description
from rag.details import asked_details, asks_tally, tells_tally, conflicting_details, misattributed_figure, miscounted, mismatched_details, quarters_as_written
from rag.lexical import question_terms, stem, terms, words
from rag.question import asked_subject, asks_across_articles, asks_yes_or_no, compared_topic, known_names, names_in, asks_for_more, asks_to_go_on, context_of, is_follow_up, own_part, two_parts, with_subject_swapped
from rag.siblings import kind_written_after, name_lists, names_ending_in
from rag.spelling import capitalised_words, proper_names
from rag.unnamed import kind_asked_named, tells_unnamed
from rag.officer_titles import as_written, holder_asked, is_title, names_holder, of_the_other_sex, relation_sides, title_counts, written_as


@pytest.mark.parametrize(
    "question, terms",
    [
        ("What does RSI stand for?", ["rsi"]),
        ("what is RSI short for", ["rsi"]),
        ("What day did Anthropic urge the pause?", ["anthrop", "urg", "paus"]),
        ("How long would the pause last?", ["paus"]),
        ("How big is Millbrook's budget?", ["millbrook", "budget"]),  # "big" asks for a size, which the articles need not call big
        ("Which year was the company founded?", ["compani", "found"]),
        ("What was the date of the flood?", ["flood"]),  # "the date of" frames it as "what date" does
        ("What was the year-end cash balance?", ["year", "end", "cash", "balanc"]),  # a compound is the topic: no frame
        ("What did Anthropic announce about the pause?", ["anthrop", "paus"]),  # a reporting verb, as "say" or "mention"
        ("Which risks did the lab reveal?", ["risk", "lab"]),
        # a request frames the answer as a question word does, and so do the nouns naming what is wanted
        ("List the risks Anthropic mentions.", ["risk", "anthrop"]),
        ("Can you summarise the proposal?", ["propos"]),
        ("Give me the timeline", ["timelin"]),
        ("RSI definition", ["rsi"]),
        ("In plain terms, what is RSI?", ["rsi"]),
        ("What does the abbreviation RSI stand for?", ["rsi"]),
        ("What is the name of the model?", ["model"]),
        ("Who is supposed to check compliance?", ["check", "compli"]),
        ("I read the post. List the risks.", ["read", "post", "risk"]),  # a request opening a later sentence
        ("List US sanctions on Russia", ["us", "sanction", "russia"]),  # "US", not "us" as in "give us"
        ("What is RSI, e.g. in practice?", ["rsi", "practic"]),
        ("How many kilometres long is the road?", ["long", "road"]),  # a unit asked in: any unit of its kind answers
        ("How many weeks will the consultation last?", ["week", "consult", "last"]),  # a span is often told in the unit asked
        # outside those frames the same words are the topic
        ("Which list did the lab publish?", ["list", "lab", "publish"]),
        ("Who will name the new chief?", ["name", "new", "chief"]),
        ("Why did the lab give up?", ["lab", "give", "up"]),
        ("How many cars fit in the parking lot?", ["car", "fit", "park", "lot"]),  # a lot, not "a lot"
        ("How many days a week do the buses run?", ["day", "week", "buse", "run"]),  # a rate, no unit asked in
        ("What was the last thing Jack Clark said?", ["last", "jack", "clark"]),
        ("How long is the longest paragraph?", ["longest", "paragraph"]),
        # pronouns and the stub a "n't" leaves carry no topic; "us" may be the US
        ("Where did Jack Clark make his prediction?", ["jack", "clark", "make", "predict"]),
        ("Why doesn't she step down?", ["step", "down"]),
        ("Where is the mine?", ["mine"]),
        ("What did Don Lemon say?", ["don", "lemon"]),
        ("Is the pause worldwide or just in the US?", ["paus", "worldwid", "us"]),
        ("Who else commented on the fine?", ["fine"]),  # that someone spoke, in whatever words the article tells it
        ("Who spoke at the rally?", ["ralli"]),
    ],
)
def test_words_that_frame_the_answer_are_not_content_terms(question, terms):
    assert question_terms(question) == terms


def test_a_noun_in_ation_meets_its_verb_but_a_short_word_stays_itself():
    assert terms("the valuation") == terms("valuing") == terms("valued")
    assert terms("a recommendation") == terms("they recommend")
    assert terms("organisation") == terms("organization") == terms("organize")  # British spelling first
    assert terms("the station") != terms("the st") and terms("nations") == terms("nation")


def test_a_british_spelling_meets_its_american_one():
    """An article from London and a question from Chicago share their words (breame's list)."""
    assert terms("the relief centres") == terms("relief centers")
    assert terms("flood defence") == terms("flood defense") and terms("colour") == terms("color")
    assert terms("they travelled 40 metres") == terms("they traveled 40 meters")
    assert terms("the centre") != terms("the central")  # only spellings of one word
    assert terms("tyres") != terms("tired") and terms("a draught") != terms("a draft")  # two words, though breame pairs them


def test_a_noun_meets_its_verb_though_their_stems_differ_but_not_a_false_friend():
    assert terms("a decision") == terms("they decided") and terms("the testimony") == terms("testified")
    assert terms("deaths") == terms("died") and terms("a lawsuit") != terms("sued")  # only the words of NOUN_OF_VERB
    assert terms("the union") != terms("united") and terms("the trial") != terms("tried")


def test_an_initialism_with_full_stops_is_the_word_written_without_them():
    assert words("The U.S. and the U.K. met at 5 p.m.") == ["the", "us", "and", "the", "uk", "met", "at", "5"]  # "p.m.", "e.g.": no words
    assert question_terms("Is the pause in the US?")[-1] == stem(words("U.S.")[0])  # the question meets the article


@pytest.mark.parametrize(
    "question, names",
    [
        ("What did the EU AI Office say about Anthropic's pause?", ["EU AI Office", "Anthropic"]),
        ("What did NATO's chief say?", ["NATO"]),
        ("Thanks. Who wrote the blog post?", []),  # each sentence's first word is capitalised anyway
        ("Who Wrote The Blog Post?", []),  # in title case, case names nothing
        ("What is RSI in plain English?", ["RSI"]),  # "plain English" asks how, not about England
        ("Did David Sacks praise it?", ["David Sacks"]),
        ("Nvidia said what?", []),  # a question's first word is capitalised anyway
        ("What did I say on Thursday in March?", []),  # nor "I", days and months
        ("what did nato say", []),  # only what is written capitalised
    ],
)
def test_the_names_of_a_question_are_its_runs_of_capitalised_words(question, names):
    assert names_in(question) == names


def test_a_name_the_articles_never_mention_is_told_from_one_they_do(answerer):
    index = answerer.index
    assert names_unknown(index, "What did the EU AI Office say about the pause?")
    assert names_unknown(index, "Did Sam Altman agree with Jack Clark?")
    assert not names_unknown(index, "What did Jack Clark say about OpenAI?")
    assert not names_unknown(index, "What did sam altman say?")  # not written as a name
    assert not names_unknown(index, "What did the AI labs' CFOs promise?")  # an officer's title names no one


@pytest.mark.parametrize(
    "question, kind, answering, not_answering",
    [
        (
            "What does RSI stand for?",
            "expansion",
            "The company described recursive self-improvement, or RSI, as a process.",
            "Company leaders have framed RSI as a nearer-term possibility.",
        ),
        (
            "What is the full form of FEO?",
            "expansion",
            "He led the Federal Energy Office (FEO) for a year.",
            "The FEO was short-lived.",
        ),
        (
            "How long would the pause last?",
            "duration",
            "They want a structured, transparent period — months, not years — to agree on standards.",
            "Anthropic urged a temporary pause on frontier AI development.",
        ),
        ("How long did the embargo last?", "duration", "The embargo lasted five months.", "The embargo ended in March 1974."),
        ("How much is the hospital merger worth?", "money", "The deal is valued at $240 million.", "The merger will close within five years."),  # an amount, not any number
        ("What is the price of a day ticket?", "money", "A day ticket costs 7 euros.", "A day ticket is valid for 24 hours."),
        ("What was Helixon's third-quarter revenue?", "money", "Revenue rose to $14.2 billion.", "Revenue rose 18% in the third quarter."),  # asked by its name
        ("How much was Brightwave's revenue in the third quarter?", "money", "Revenue reached $2.1 billion.", "Net income rose 42% to $318 million."),
        ("How much was the dividend?", "money", "It raised its dividend to 22 cents a share.", "Revenue reached $2.1 billion."),
        ("How much was the growth in revenue last year?", "number", "Revenue grew 12% last year.", "Revenue grew last year."),  # no amount: a change in one
        ("How much will the new stadium cost?", "money", "The team will build a $400 million stadium.", "The team has $40 million new debt."),
        ("What were earnings per share?", "money", "It earned $1.67 a share.", "Earnings per share rose 12%."),
        ("By how much did revenue rise?", "number", "Revenue rose 18%.", "Revenue rose sharply."),  # a change: a percentage or an amount
        ("What share of the vote did the Greens win?", "percent", "The Greens took 9.3% of the vote.", "The Greens won 17 seats."),
        ("What was the turnout?", "percent", "Turnout was 77.6 percent.", "Turnout was higher than in 2019."),
        ("What is the ECB deposit rate now?", "percent", "The deposit rate is 2.75%.", "The deposit rate was cut by 25 basis points."),
        ("What day did Anthropic urge the pause?", "day", "Anthropic on Thursday urged a pause.", "Anthropic urged a pause."),
        ("What was the date of the flood?", "day", "The flood hit Millbrook on April 22, 2025.", "The flood hit the lower town."),
        ("What date is the state final?", "day", "Central will face Pine Valley on Dec. 6.", "Central will face Pine Valley."),  # AP style
        ("When must he report to prison?", "time", "He must report to prison by Jan. 5.", "He must report to prison."),
        ("How many people died in the flood?", "number", "No deaths were reported.", "Deaths were reported along the river."),  # none is a count
        ("How many people died in the fire?", "number", "Police said no deaths or serious injuries had been reported.", "Police said the cause was unknown."),
        ("How many people were hurt?", "number", "Nobody was hurt.", "Nobody knows why the dam failed."),
        ("How many plans are there?", "number", "No plans were drawn up.", "There is no way this plan passes."),
        ("When will they decide?", "time", "They will decide in May.", "They may decide."),  # "may" is no month
        ("When was the colony founded?", "time", "The colony was founded in 1788.", "The colony was founded by convicts."),  # a year before 1900
        ("When did inequality begin to rise?", "time", "Inequality began to rise after the 1970s.", "Inequality began to rise sharply."),  # a decade
        ("When did the population recover?", "time", "It did not recover until the 17th century.", "It did not recover for a long time."),
        ("In what year was the mill built?", "year", "The mill was built in 1642.", "The mill was built of stone."),
        ("When was the contract ratified?", "time", "The contract was ratified in 1982.", "Local 1182 ratified the contract."),  # a union's number
        ("What time was the rollback completed?", "clock", "| 11:20 | Rollback complete |", "The rollback was completed on Monday."),  # a time of day
        ("At what time do the polls close?", "clock", "Polls close at 9.30 p.m.", "Turnout rose 3.25% by the close."),
        ("How long has Raman run the hospital?", "duration", "She has run the 412-bed hospital since 2019.", "She runs the 412-bed hospital."),
        ("How long was Warsaw the capital?", "duration", "Warsaw remained the capital until 1796.", "Warsaw remained the capital of the kingdom."),
        ("How long did the plague last there?", "duration", "It lingered until the second quarter of the 19th century.", "It lingered until the doctors left."),
        ("How long did the empire last?", "duration", "The empire lasted from 1299 to 1923.", "The empire lasted for ages."),
        ("How long did the strike last?", "duration", "The deal ended an 11-day strike.", "The deal ended the strike."),
        ("How long did the walkout go on?", "duration", "The walkout lasted eleven days.", "The walkout ended on Friday."),
        ("How long has the shop been open?", "duration", "It has been open since its founding.", "He is 52 years old."),  # an age is no span
        ("How many weeks will the consultation last?", "duration", "A 45-day consultation begins on Monday.", "The consultation drew 300 replies."),  # any unit of time
        ("How many years did the repairs take?", "duration", "The repairs took 14 months.", "The repairs cost 14 million pounds."),
        ("How long did the drought last?", "duration", "Rain fell after 18 consecutive months of drought.", "Rain fell after 18 dry villages asked for help."),
        ("How many more weeks will the works take?", "duration", "The works will take a further three full weeks.", "The works will take three cranes."),
        ("How many kilometres long is the new road?", "measure", "Councillors backed the 3.2-mile route.", "The road will carry 11,000 vehicles a day."),
        ("How many acres is the school site?", "measure", "The 2.5-hectare site will be sold.", "The site has 48 classrooms."),
        ("How many days a week do the buses run?", "number", "Buses run 6 days a week.", "Buses run on weekdays."),  # a rate, no span
        ("How much was embezzled from the charity?", "money", "She embezzled £340,000 from the charity.", "She embezzled from the charity 41 times."),
        ("How much compensation will passengers get?", "money", "Passengers will get £25 a day in compensation.", "Passengers on 12 lines will get compensation."),
        ("How much was he fined?", "money", "He was fined €2,500.", "He was fined twice."),
        ("What are the names of the two men charged?", "person", "Liam Byrne and Sean Walsh were charged.", "The two men were charged on Saturday."),
        ("How many beds does Lakeshore have?", "number", "Lakeshore is a 230-bed hospital.", "Lakeshore lost $23 million last year."),  # a count of beds
        ("How many beds does the hospital have?", "number", "The hospital has 240 beds.", "The hospital serves 11,000 people."),
        ("What will Raman be paid as chief executive?", "money", "Raman will be paid $1.2 million a year.", "Raman will lead the system from 2026."),
        ("What was Halvorsen Chemical's revenue last year?", "money", "Revenue was $410 million.", "The plant employs about 900 people."),
        ("What was Halvorsen Chemical's revenue last year?", "money", "Its sales rose to $410 million.", "It must pay $38 million for the cleanup."),  # an amount by name
        ("How much money did Anthropic raise?", "money", "It raised $13 billion in new funding.", "A round valued it near $1 trillion."),
        ("How much is the company worth now?", "money", "The deal values the company at $2 billion.", "It had $40 million in cash."),
        ("How much did the walkout cost Nordavia?", "money", "The walkout cut profit by 420 million kroner.", "The walkout ended in July."),  # a cost to someone: any amount
        ("How much did the frost cost farmers?", "money", "It estimated the losses at 14 million euros.", "The frost hit in April."),  # to people: any amount
        ("How much money did farmers lose?", "money", "The losses came to 14 million euros.", "Farmers sold apples for 3 million euros."),  # "lose": a loss
        ("How much does a ticket cost now?", "money", "A single ticket costs $2.40.", "The city was fined $38 million."),  # a price, not a cost to someone
        ("How much will the library expansion cost?", "money", "The council approved a $14 million expansion.", "The bond adds $38 a year to tax bills."),  # priced before it
        ("What is the library expansion's budget?", "money", "The council approved a $14 million expansion.", "The council will spend $9 million on pipes."),
        (
            "Which judge ruled in the pollution case?",
            "person",
            "In a 64-page decision, Judge Miriam Albright found that the plant released wastewater.",
            "A judge ruled on Friday that the plant polluted the lake.",  # the judge asked about, not named
        ),
        (
            "Which university is Azizi Othman from?",
            "name",  # a name, of one word or holding small ones, not a person
            "Azizi Othman of Asia e University warned of backdoors.",
            "Security researchers have expressed concern.",
        ),
        ("What dose of the drug did patients take?", "dose", "Patients took 75 mg of the drug once a day.", "Patients took the drug once a day."),
        ("What is the recommended dosage?", "dose", "The label says two tablets a day.", "About 2.6% stopped taking it."),  # a number, but no dose
        (
            "Where does Azizi Othman work?",
            "name",  # where someone works is an organisation
            "Azizi Othman of Asia e University warned of backdoors.",
            "Azizi Othman warned of backdoors.",
        ),
        ("What is the name of the new hospital system?", "name", "The combined system will be called Northgate Health.", "The new system will have 412 beds."),
        ("Which company built the model?", "name", "The model was built by Anthropic.", "The company built the model in two years."),
        ("Where is Sparkle Auto Wash?", "place", "Elena Ruiz, owner of Sparkle Auto Wash on Grand Avenue, said so.", "The car wash closed on Monday."),
        ("Where is Brightclean based?", "place", "Brightclean is based in Stapleford.", "About 640 staff will transfer from Brightclean."),  # its own name is no answer
        ("Which private equity firm is buying Calderway Guard?", "name", "Harbour Capital is buying Calderway Guard.", "Calderway Guard is being sold to a firm."),
        ("Which country does Penhallow export most to?", "name", "Sales were led by demand in Canada.", "Penhallow sells in 31 countries."),
        ("What shipping company was carrying the containers?", "name", "Orrin Line carried the containers.", "The containers came by sea."),
        ("What was the company registered on Caskey called?", "name", "It was registered as Tarn Holdings.", "It was registered on Caskey."),
        (
            "How much did Northfield pay for Hollis Creek?",  # a price is paid in an acquisition
            "money",
            "Hollis Creek has agreed to be acquired by Northfield for $62 million in cash.",
            "Northfield expects the brewery to add $95 million to its annual revenue.",
        ),
        (
            "What is the new price of the Dunmore single fare?",  # an amount after two words of what it is the price of
            "money",
            "An adult single ticket within the Dunmore town zone will go up from £2.00 to £2.30.",
            "A weekly ticket will go up from £19.00 to £21.50.",
        ),
        (
            "How much is the Halvard takeover of Pennick worth?",  # a deal's worth is its price
            "money",
            "Pennick Dairies has agreed to be bought by Halvard Foods for about £648 million.",
            "Pennick employs 1,900 people and reported revenue of £410 million.",
        ),
        ("What is the price of a monthly ticket?", "money", "A monthly ticket costs £60.", "A weekly ticket will go up from £19.00 to £21.50."),
        (
            "LP 918-14 b nickname",  # a nickname is a name
            "name",
            'The team had nicknamed the planet "Mira" during its analysis.',
            "The planet, designated LP 918-14 b, circles a red dwarf star every 19.4 days.",  # no name but the one asked about
        ),
        ("How much is a resident parking permit?", "money", "The first permit will cost £60 a year.", "The zone covers 14 streets."),  # a thing bought: its price
        ("What is the annual salary of a Kestrel driver?", "money", "Kestrel drivers earn £31,000 a year.", "Kestrel drivers are paid £14.85 an hour."),  # a rate over another period
        ("What is the annual salary of a Kestrel coach driver?", "money", "Kestrel drivers earn £31,000 a year.", "The union wants £15.00 an hour, as Kestrel drivers are paid £14.85."),  # a figure near a rate's size
        ("What is the annual fee?", "money", "The fee will be £2,171, an increase of £103, or about £2 a week.", "It rises by £2 a week."),  # one figure without a period
        ("How much will it cost per hour to park?", "money", "Parking will cost £1.20 an hour.", "A season ticket will cost £560 a year."),
        ("How many passengers a day use the station?", "number", "About 3,300 passengers use it each day.", "The station handles 1.2 million passengers a year."),
        ("What number do I ring to apply for the grant?", "phone", "Call the freephone line on 0800 046 1188.", "Apply online at www.warmhomes.org.uk."),
        ("Who do I email about the closure?", "email", "Questions can go to roadworks@northyarrow.gov.uk.", "Call the council on 01632 960 412."),
        ("What is the scheme's website?", "website", "Details are at www.lowther.gov.uk/permits.", "Call the council on 01632 960 412."),
        ("How can I contact the pool about the closure?", "contact", "Email info@activefernley.co.uk with questions.", "Speak to staff at reception."),
        ("Which libraries will close?", "name", "The Parrow and Lyndhurst End libraries will close in March.", "The council will close two libraries."),  # a kind in the plural
        ("Which rival companies are racing to build bigger models?", "name", "OpenAI and Google are racing ahead.", "Rivals are racing ahead."),
        ("Which political party does Ana Reyes belong to?", "name", "Ana Reyes joined the Green Party in 2019.", "Ana Reyes joined a party in 2019."),
        (
            "Who will lead the merged system?",
            "person",
            "It will be led by Dr. Priya Raman.",  # a name after a title's period
            "The combined system will be called Northgate Health.",  # an organisation's name, not a person's
        ),
        ("Who polluted the lake?", "person", "The plant's owner, Ana Reyes, declined to comment.", "Chemicals were found in Lake Wendell."),
        ("How old is Jamal Ortiz?", "age", "The 24-year-old joined two years ago.", "Ortiz's goals took his total for the season to 23."),  # 23 is no age
        ("At what age did she retire?", "age", "She retired aged 61.", "She retired in the spring."),
        ("How old is the bridge?", "age", "The bridge was built in 1890.", "The bridge carries 4,000 cars a day."),
        ("What was the average age of the participants?", "age", "Ortiz, 24, scored twice.", "The study followed 312 participants."),
        ("How old was Smith?", "age", "Smith died at 87 on Sunday.", "Smith served a two-year ban."),  # a span of time is no age
        ("How old is Jamal Ortiz?", "age", "Ortiz, now 24, joined United.", "The firm was founded in Leeds."),
        (
            "Who objected to the floating solar farm?",
            "person",
            "Local anglers had objected that the pontoons would cut off fishing spots.",  # people named by what they do
            "The pontoons would cut off fishing spots.",
        ),
    ],
)
def test_the_expected_answer_type_is_found_only_where_the_answer_is(question, kind, answering, not_answering):
    assert expected_type(question) == kind
    assert has_type(answering, kind, question)
    assert not has_type(not_answering, kind, question)


@pytest.mark.parametrize(
    "question",
    [
        "and what did OpenAI say?",  # continues the previous question
        "what about the EU?",
        "who else?",
        "So what is RSI?",
        "why did they do that?",  # refers back, names nothing of its own
        "is it permanent?",
        "who is its CEO?",  # refers back, names one thing of its own
        "why did he resign?",
        "OpenAI?",  # short: a fragment, or one topic word
        "why?",
        "what did critics say?",
        "What are the risks?",  # "what is X" with no subject of its own
        "Who was the author?",
        "Why did I ask?",
        "tell me more",  # asks for more of the same topic
        "what other companies?",
        "no, I meant the blog post",  # corrects the question before
        "what day did anthropic announce this",  # one topic word, and "this" points back
        "and St. Agnes Medical Center?",  # continues with nothing but a name, however long
        "and the Millbrook Taxpayers Association?",
        "Tell me who else is worried.",  # a follow-up asked inside a request
        "Can you tell me more?",
    ],
)
def test_a_question_that_leans_on_the_previous_one_is_a_follow_up(question):
    assert is_follow_up(question)
    assert context_of(question, ["What did Anthropic propose?"]) == ("What did Anthropic propose?",)


@pytest.mark.parametrize(
    "question",
    [
        "how many employees does anthropic have",  # short, but its own topic
        "What did Dario Amodei predict in his London lecture?",  # a pronoun, and its own topic
        "what day did anthropic announce the pause",  # "announce" frames it as "say" would; two topic words
        "who criticised anthropic",  # short, two topic words
        "Define RSI",
        "so does anthropic want everyone to stop building AI right now",
        "What is Claude?",  # short, but names its subject
        "what is RSI",
        "What did OpenAI say?",
        "What did I.B.M. say?",  # "I." starts a name, not the pronoun
        "what is a moratorium?",  # "a": a new subject, not one asked about before
        "And what did the Millbrook Taxpayers Association say about the library levy?",  # a name, and more of its own
    ],
)
def test_a_question_with_its_own_topic_is_read_alone(question):
    assert not is_follow_up(question)


def test_a_follow_up_of_a_follow_up_reaches_back_to_the_question_they_follow():
    history = ["Who criticised the pause?", "What did Anthropic propose?", "who wrote it?"]
    assert context_of("and when?", history) == ("What did Anthropic propose?", "who wrote it?")
    assert context_of("and when?", history[:2]) == ("What did Anthropic propose?",)
    assert context_of("and when?", [None, "What did Anthropic propose?", "", "who wrote it?"]) == ("What did Anthropic propose?", "who wrote it?")  # type: ignore[list-item]


def test_the_earlier_questions_a_follow_up_is_read_with():
    history = ["Who criticised the pause?", "What did Anthropic propose?", "who wrote it?"]
    assert context_of("and when?", history) == ("What did Anthropic propose?", "who wrote it?")
    assert context_of("What is Claude?", history) == ()
    siblings = ["What did Anthropic propose?", "what about the EU?", "and the US?"]  # each asks the same of another
    assert context_of("OpenAI?", siblings) == ("What did Anthropic propose?",)
    for chained in ("when was it published?", "what is his job?", "and his title?"):  # a pronoun or a word of its own: the chain stays
        assert context_of(chained, ["What did Anthropic propose?", "who wrote it?"]) == ("What did Anthropic propose?", "who wrote it?")
    assert context_of("why?", ["Who accused Anthropic?", *["why?"] * 6]) == ("Who accused Anthropic?", "why?", "why?")
    for follow_ups_only in (["why?"], ["why?"] * 9, ["   ", "why?"], [None, "and who?"]):  # nothing to follow, however many
        assert context_of("and when?", follow_ups_only) == (), follow_ups_only
    assert context_of("why?", ["Who accused Anthropic?", *["why?"] * 9]) == ("why?", "why?", "why?")  # it lies out of reach
    assert context_of("what did he say?", ["Who is the sheriff?"]) == ("Who is the sheriff?",)  # only short, it is read alone: it can be followed


def test_a_follow_up_typed_with_a_capital_keeps_the_follow_ups_before_it():
    history = ["Who was the judge in the fraud case?", "No, I meant the sewage case"]
    assert context_of("What did she say?", history) == context_of("what did she say?", history) == tuple(history)  # "What" names nothing
    assert context_of("Who lost?", ["What was the score in the final?", "I meant the tennis final"]) == ("What was the score in the final?", "I meant the tennis final")
    assert context_of("And Canada?", ["Which tariffs did the EU set?", "why?"]) == ("Which tariffs did the EU set?",)  # a name of its own


def test_a_correction_however_worded_is_read_as_the_question_it_corrects():
    asked = "Who is the chief executive of Harbor Foods?"
    for correction in ("Actually, I meant Greenleaf", "Sorry, I meant Greenleaf", "No, Greenleaf", "no i meant Greenleaf"):
        assert context_of(correction, [asked]) == (asked,), correction
        assert with_subject_swapped(correction, (asked,)) == "Who is the chief executive of Greenleaf?", correction
    assert not is_follow_up("No deaths were reported in the storm?")  # "No" opening a question of its own
    assert not is_follow_up("Sorry, who is Jack Clark?")  # an interjection before a question of its own


def test_a_question_whose_subject_is_a_pronoun_follows_the_one_before():
    for question in ("What rate will it pay?", "How did she react to losing?", "Where did they finish in the league?"):
        assert is_follow_up(question), question
        assert context_of(question, ["Which country was exempted from the tariff?"]) == ("Which country was exempted from the tariff?",)
    assert not is_follow_up("Why did OpenAI change its policy?")  # it names what it asks about
    assert not is_follow_up("why did openai change its policy", frozenset({"openai"}))  # in lower case, a name the articles write
    assert not is_follow_up("Is it true that the bridge will close next week?")  # "it" stands for no one
    assert not is_follow_up("Why is it hard to enforce a pause?")
    assert is_follow_up("Is it safe?")  # of what was asked about before
    for own in ("Why did the council raise its rates?", "How did the mayor defend her decision?"):  # a possessive of its own subject
        assert not is_follow_up(own), own
    for own in ("When is this year's festival?", "What did that report find about pollution?", "Does it matter that the final was delayed?"):
        assert not is_follow_up(own), own  # "this", "that" before a noun; "it" standing for no one
    assert is_follow_up("How does that compare with its earlier fine?")
    assert not is_follow_up('Who said "It is a disgrace"?')  # the pronoun is in the words it quotes


@pytest.mark.parametrize(
    "follow_up, followed, read",
    [
        ("and Anthropic?", "What did OpenAI say?", "What did Anthropic say?"),
        ("what about the EU?", "What did Anthropic propose?", "What did the EU propose?"),
        ("and Marina Favaro?", "What did Jack Clark predict?", "What did Marina Favaro predict?"),
        ("how about OpenAI?", "What is Anthropic's view on a pause?", "What is OpenAI's view on a pause?"),
        ("and when?", "What did OpenAI say?", None),  # no name: read with it
        ("and anthropic?", "What did OpenAI say?", None),  # not written as a name, nor one of the articles' names (none given)
        ("and Meta?", "What did Google and OpenAI say?", None),  # which one it stands for is unclear
        ("and Mythos?", "What did critics say about the timing?", None),  # nothing to swap it for
        ("OpenAI?", "Who accused Anthropic of regulatory capture?", None),  # may answer the "who" instead
        ("and Thursday?", "What did OpenAI say?", None),  # a day is no one to ask about
        ("and the US?", "What did the EU propose?", "What did the US propose?"),
        ("and Anthropic's?", "What is OpenAI's plan?", "What is Anthropic's plan?"),
        ("and U.S.?", "What did Google say?", "What did U.S. say?"),  # an abbreviation keeps its full stops
    ],
)
def test_a_follow_up_that_is_only_a_name_asks_the_question_before_of_it(follow_up, followed, read):
    assert with_subject_swapped(follow_up, (followed,)) == read


def test_a_name_the_articles_write_capitalised_is_a_name_typed_in_lower_case():
    names = frozenset({"anthropic", "openai", "he"})  # "he": capitalised at a sentence's start, a pronoun all the same
    assert with_subject_swapped("and anthropic?", ("what did openai say?",), names) == "what did anthropic say?"
    assert with_subject_swapped("and he?", ("What did OpenAI say?",), names) is None


@pytest.mark.parametrize(
    "question, swapped",
    [
        ("What did Anthropic president Dario Amodei say about jobs?", True),  # the articles call him CEO
        ("When did Dario Amodei become Anthropic's chairman?", True),
        ("what did ceo dario amodei say about jobs", False),
        ("What did the chief executive, Dario Amodei, say?", False),  # another name of the same title
        ("What did Dario Amodei say about jobs?", False),  # no title given
        ("What did Amodei tell the president?", False),  # a title of someone else
        ("What did spokesperson Jack Clark say?", False),  # no sentence gives Clark a title
    ],
)
def test_a_title_the_articles_never_give_someone_is_a_false_premise(answerer, question, swapped):
    assert title_swapped(answerer.index, question) is swapped


@pytest.mark.parametrize(
    "question, articles, read",
    [
        ("Who is Nimbo's CEO?", "Its chief executive, Ana Ruiz, spoke.", "Who is Nimbo's chief executive?"),
        ("who is the chief financial officer", "CFO Tom Akers said so. The CFO left.", "who is the CFO"),
        ("Who is the CEO?", "CEO Ana Ruiz, the chief executive officer of Nimbo.", "Who is the CEO?"),  # written: as asked
        ("What does CEO stand for?", "Its chief executive spoke.", "What does CEO stand for?"),  # asks the acronym
        ("Who is the justice?", "The judge ruled.", "Who is the justice?"),  # only officers' acronyms are read
        ("Who is the CTO?", "The mayor spoke.", "Who is the CTO?"),  # no form written at all
        ("What did Governor Ortega say?", "Gov. Daniel Ortega declared an emergency.", "What did Gov. Ortega say?"),
        ("what did the governor declare", "Gov. Daniel Ortega declared an emergency.", "what did the gov. declare"),
        ("What did Prof. Brooks say?", "The chair, Professor Nadia Brooks, objected.", "What did Professor Brooks say?"),
        ("What did the AG say?", "The state attorney general, Dana Ruiz, sued.", "What did the attorney general say?"),
        ("What did Siemens AG say?", "Siemens AG said so. The attorney general sued.", "What did Siemens AG say?"),  # written: as asked
    ],
)
def test_a_title_with_a_short_form_is_read_as_the_articles_write_it(question, articles, read):
    assert as_written(question, title_counts([articles])) == read


def test_a_word_capitalised_only_where_a_sentence_line_or_cell_opens_is_no_name():
    article = (
        "| Hospital | Beds | Founded |\n| --- | --- | --- |\n| Riverside General | 310 | 1921 |\n\n"
        "Azizi Othman of Asia e University said the Mythos model was new. \"It is,\" Reyes said.\n- Against it: the union.\n"
    )
    names = frozenset(proper_names([article]))
    assert {"general", "othman", "mythos", "reyes"} <= names and not {"founded", "beds", "hospital", "azizi", "against"} & names
    assert {"azizi", "founded"} <= capitalised_words([article])  # what a capitalised typo is corrected toward: "Azizzi" is "Azizi"
    # "founded", a column's header only, would have joined the name before it: "When was St. Agnes?"
    assert with_subject_swapped("and St. Agnes?", ("When was Riverside General founded?",), names) == "When was St. Agnes founded?"
    titled = frozenset(proper_names(["It merges with St. Agnes. Dr. Lena Reyes and J. Kennedy will lead it."]))
    assert {"agnes", "lena", "reyes", "kennedy"} <= titled  # after a title or an initial, not after a sentence's end
    assert with_subject_swapped("and st. agnes?", ("When was Riverside General founded?",), titled | names) == "When was st. agnes founded?"


def test_a_title_case_heading_or_a_quotations_first_word_names_nothing():
    article = (
        "What Recursive Self-Improvement Actually Means\n\nKey Facts\n\n"
        '"We need a pause," said Jack Clark of Anthropic.\n\n| Riverside General | 310 |\n\n'
        "By Tom Okafor\n\nThe post was written by\nMarina Favaro.\n\n**Update:** Services were restored.\n"
    )
    # a table's row, a byline and a wrapped paragraph's last line are no headings; a bold label opens what follows it
    assert frozenset(proper_names([article])) == {"jack", "clark", "anthropic", "general", "tom", "okafor", "favaro"}


def test_the_names_a_question_knows_are_the_articles_names_in_any_case():
    names = frozenset({"openai", "anthropic", "ai", "thursday", "we"})
    assert known_names("why did openai call for a pause on frontier AI on Thursday", names) == {"openai"}  # not "AI", nor a day
    assert known_names("What did we say?", names) == set()  # a pronoun


@pytest.mark.parametrize(
    "follow_up, own",
    [("and when?", "when?"), ("what about the EU?", "the EU?"), ("No, I meant the blog post", "the blog post"), ("who else?", "who else?"), ("why?", "why?")],
)
def test_a_follow_ups_own_words_leave_out_what_continues_the_question_before(follow_up, own):
    assert own_part(follow_up) == own


@pytest.mark.parametrize(
    "follow_up", ["why?", "Why not?", "so why?", "why now?", "why did they do that?", "who else?", "anything else?", "tell me more", "what other companies?", "Can you tell me why?"]
)
def test_follow_ups_that_ask_for_more_than_the_answer_before(follow_up):
    assert asks_for_more(follow_up)


@pytest.mark.parametrize("follow_up", ["and when?", "who wrote it?", "what about the EU?", "who said that?", "OpenAI?"])
def test_follow_ups_that_may_get_the_answer_before_again(follow_up):
    assert not asks_for_more(follow_up)


@pytest.mark.parametrize(
    "follow_up, goes_on",
    [("tell me more", True), ("Go on.", True), ("ok, tell me more please", True), ("more about that", True), ("more details", True),
     ("Can you tell me more?", True), ("who else?", False), ("why?", False), ("anything else?", False), ("tell me more about OpenAI", False)],
)
def test_a_follow_up_asking_only_to_go_on_is_told_from_one_that_may_have_no_answer(follow_up, goes_on):
    assert asks_to_go_on(follow_up) is goes_on


@pytest.mark.parametrize(
    "joined, follow_up, kind",
    [
        ("Who wrote the blog post? when was it published?", "when was it published?", "time"),  # its own question word
        ("How much is Anthropic worth? who said so?", "who said so?", "person"),
        ("Who wrote the blog post? the policy document?", "the policy document?", "person"),  # none: the earlier one's
        ("Who won the race, and by how many votes?", "by how many votes?", "number"),  # a question word after a preposition
    ],
)
def test_a_follow_up_asks_for_its_own_kind_of_answer(joined, follow_up, kind):
    assert expected_type(joined, follow_up) == kind


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        ("Who won the race against Tom Hale, and by how many votes?", ("Who won the race against Tom Hale", "by how many votes?")),
        ("Did the festival go ahead and was anyone hurt?", ("Did the festival go ahead", "was anyone hurt?")),
        ("When and where will the board meet?", None),  # one question of two kinds
        ("What did Smith and Jones say?", None),
    ],
)
def test_a_question_asking_two_things_is_read_as_its_two_parts(question, parts):
    assert two_parts(question) == parts


def test_a_rate_or_a_half_year_other_than_asked_conflicts_with_the_question():
    assert conflicting_details("How much is a weekly pass?", "A monthly pass costs $210.", "") == ["rate"]
    assert conflicting_details("How much is a monthly pass?", "A monthly pass costs $210.", "") == []
    assert conflicting_details("What were sales in the third quarter of 2026?", "Sales in the first half of 2026 were $17.2 million.", "") == ["quarter"]
    assert conflicting_details("What were sales in the second quarter of 2026?", "Sales in the first half of 2026 were $17.2 million.", "") == []  # a half holds it
    assert conflicting_details("Did Rovers score in the third quarter?", "Rovers scored after a goalless first half.", "") == []  # a match's half


def test_chinese_and_japanese_words_are_pairs_of_neighbouring_characters():
    from rag.lexical import words

    assert words("国务院宣布 Tokyo 2024年") == ["国务", "务院", "院宣", "宣布", "tokyo", "2024", "年"]
    assert words("Anthropic urged a pause.") == ["anthropic", "urged", "pause"]


@pytest.mark.parametrize(
    "pasted, read",
    [
        ("who wrote the blog post? <img src=x>", "who wrote the blog post?"),
        ("<img src=x onerror=alert('xss')> who wrote the blog post?", "who wrote the blog post?"),  # a quote mark in an unquoted value
        ("[the post](https://example.com/a_(b)) who wrote it?", "the post who wrote it?"),
        ("what is **RSI**?", "what is RSI?"),
        ("who wrote the `blog post`?", "who wrote the blog post?"),
        ("Is AI < human judgement?", "Is AI < human judgement?"),  # a comparison sign is no tag
        ("what does 2*3 mean?", "what does 2*3 mean?"),
        ("<script>alert(1)</script> who wrote the blog post?", "who wrote the blog post?"),  # a script's text goes with it
        ("who wrote it? <style>p { color: red }</style><!-- copied from the page -->", "who wrote it?"),
        ("<SCRIPT>alert(1)</script > who wrote the blog post?", "who wrote the blog post?"),  # an end tag may have spaces before ">"
        ("İstanbul İzmir <!-- note --> who wrote it?", "İstanbul İzmir who wrote it?"),  # "İ" grows when lower-cased: offsets still hold
    ],
)
def test_html_and_markdown_pasted_with_a_question_are_not_read_as_its_words(pasted, read):
    from rag.question import without_markup

    assert without_markup(pasted) == read


@pytest.mark.parametrize(
    "question, kind",
    [
        ("How much time did the crew spend on the repair?", "number"),  # spending time is no money
        ("How much attention did regulators pay?", "number"),
        ("How much did the price of bread rise?", "number"),  # a rise, likely a percentage
        ("What was the year-end cash balance?", None),
        ("What is the day-ahead power price?", "money"),  # a price, not a day
        ("What was the income tax rate?", "percent"),  # a rate, not an income
        ("What is the hourly rate for a plumber?", None),  # a price by the hour, no percentage
        ("What sales team did they hire?", "name"),  # a team, by its name: no amount
        ("What's the date of the vote?", "day"),
        ("What time period does the study cover?", "time"),  # a span of time, not a time of day
        ("What time of year do the floods come?", "time"),
    ],
)
def test_an_answer_type_is_not_read_into_words_that_only_look_like_its_question(question, kind):
    assert expected_type(question) == kind


@pytest.mark.parametrize(
    "question, kind",
    [
        ("What was the percentage of white residents in 2010?", "percent"),
        ("What is the proportion of women on the board?", "percent"),
        ("what's the share of the vote she won", "percent"),
        ("What was the population of the Amazon region in the 1980s?", "number"),
        ("What is the total number of beds at the two hospitals?", "number"),
        ("What is the population density of Millbrook?", None),  # a figure of the population, not a count of it
        ("What was the share price after the vote?", "money"),  # a price, no share of anything
    ],
)
def test_a_figure_asked_for_by_its_name_is_asked_for_as_its_question_word_asks(question, kind):
    """"What was the population of …?" asks as "How many people …?" does."""
    assert expected_type(question) == kind


@pytest.mark.parametrize(
    "question, details",
    [
        ("What was Helixon's revenue in euros?", {"currency": {"euro"}}),
        ("what was euro zone inflation in december", {"month": {"12"}}),  # the euro zone is no currency; a month in lower case is one
        ("What may the council decide in March?", {"month": {"3"}}),  # "may" the verb is no month
        ("How many seats did they win in 2009 on Sunday?", {"year": {"2009"}, "weekday": {"sun"}}),
        ("what was the gross margin in q3", {"quarter": {"3"}}),
        ("What was third-quarter revenue in $?", {"quarter": {"3"}, "currency": {"dollar"}}),
        ("Who did Jan Novak meet?", {}),  # a name, not January
        ("What happened between Dec. 12 and january 5?", {"month": {"12", "1"}}),  # both months, however written; days bounding what is asked
        ("What happened on the 3rd of March?", {"month": {"3"}, "date": {"3-3"}}),  # a day asked "on" it
        ("Why did the strike start on 13th March?", {"month": {"3"}, "date": {"3-13"}}),  # a day of a month pins the month too
        ("What happened on March 3-5?", {"month": {"3"}}),  # a range is no one day
        ("why may 3 schools close", {}),  # "may" the verb, with a count after it
        ("May I ask what they decided?", {}),
        ("Why did the council vote 6-1?", {"tally": {"6-1"}}),
        ("Why did the panel rule 1–2 against it?", {"tally": {"2-1"}}),  # either side first
        ("Who won the final 3-1?", {"tally": {"3-1"}}),
        ("Why did voters aged 18-24 stay home?", {}),
    ],
)
def test_the_details_a_question_pins_its_answer_to_are_read_as_one_kind_each(question, details):
    assert asked_details(question) == details


def test_a_sentence_stating_other_details_than_asked_conflicts_with_the_question():
    near = "Revenue rose to $4.1 billion in 2025, the company said on Dec. 12."
    assert conflicting_details("What was the revenue in 2024?", near, near) == ["year"]
    assert conflicting_details("What was the revenue in euros?", near, near) == ["currency"]
    assert conflicting_details("What was the revenue in november?", near, near) == ["month"]
    assert conflicting_details("What was the revenue in 2025, in dollars, in December?", near, near) == []
    assert conflicting_details("What was the revenue on Tuesday?", near, near) == []  # the sentence names no weekday: nothing to conflict with
    assert conflicting_details("What was the revenue on Dec. 13?", near, near) == ["date"]  # Dec. 12 in the sentence
    assert conflicting_details("What was the revenue on 12 December?", near, near) == []
    assert conflicting_details("What was the revenue on November 12?", near, near) == ["month"]  # another month is the one conflict
    assert conflicting_details("What was the revenue on Dec. 13?", "Revenue rose yesterday, the company said on Dec. 12.", "") == []  # "yesterday" may be Dec. 13
    assert conflicting_details("What happened on March 13?", "Talks were held on 12 and 13 March.", "") == []  # each day of a range
    assert conflicting_details("What happened on July 12?", "The car park was closed from July 10 to July 14.", "") == []
    assert conflicting_details("What happened on March 5?", "Police made arrests on March 3.", "") == ["date"]
    assert conflicting_details("Will the vote be held in May?", "The vote has been postponed from March to June.", "") == ["month"]  # a move, no range
    assert expected_type("How much is the pass rate?") != "money"
    summer = "Children born between 1 April and 31 August 2022 can start a year later."
    assert conflicting_details("My daughter was born in July 2022. Can she start a year later?", summer, summer) == []  # each month of a range
    assert conflicting_details("My daughter was born in October 2022. Can she start a year later?", summer, summer) == ["month"]
    assert conflicting_details("Is the pool open in December?", "The outdoor pool is open from May to September.", "") == ["month"]
    assert conflicting_details("What was announced on March 13?", "The minister said on Tuesday fares rise from March 20.", "") == []  # Tuesday may be March 13
    elsewhere = "Revenue in 2024 was $3.0 billion."
    assert conflicting_details("What was the revenue in 2024?", near, f"{near} {elsewhere}") == []  # another candidate states the year asked
    dated_back = "Revenue rose to $4.1 billion in 2025 from $3.0 billion a year earlier."
    assert conflicting_details("What was the revenue in 2024?", dated_back, dated_back) == []  # "a year earlier" may be 2024
    this_year = "The company expects revenue of $5 billion this year, after $4.1 billion in 2024."
    assert conflicting_details("What revenue does it expect in 2025?", this_year, this_year) == []  # "this year" may be 2025
    assert conflicting_details("May I ask what revenue was in 2025?", near, near) == []  # "May I" is no month
    assert conflicting_details("What was the revenue in pound terms?", near, near) == ["currency"]
    strike = "The 1998 strike lasted six days."
    assert conflicting_details("Why did the 1998 strike last eleven days?", strike, strike) == ["days"]
    assert conflicting_details("Why did the 1998 strike last six days?", strike, strike) == []
    assert conflicting_details("Why did the strike last twenty-four days?", "The strike lasted 24 days.", "") == []  # one number, two spellings
    assert conflicting_details("Why did the strike last eleven days?", "Buses run 7 days a week.", "") == []  # a rate, no span
    assert conflicting_details("Why did it take two years?", "The chief executive, 52 years old, said so.", "") == []  # an age, no span
    drought = "Rain fell after 18 consecutive months of drought."
    assert conflicting_details("Why did the drought last 12 months?", drought, drought) == ["months"]  # a word between count and unit
    assert conflicting_details("Why did the drought last 18 months?", drought, drought) == []
    founded = "The abbey was founded in 1642 and rebuilt after a fire."
    assert conflicting_details("Why was the abbey founded in 1650?", founded, founded) == ["year"]  # a year before 1800 too
    local = "Drivers of the union walked off the job in 2025."
    assert conflicting_details("When did local 1182 strike?", local, local) == []  # a union's number is no year
    assert asked_details("Why did Flight 1549 land in the Hudson in 2009?") == {"year": {"2009"}}
    vote = "The council voted 5-2 on Tuesday night to approve the expansion."
    assert conflicting_details("Why did the council vote 6-1?", vote, vote) == ["tally"]
    assert conflicting_details("Why did the council vote 5-2?", vote, vote) == []
    ending = "The zoning plan passed after the council voted 6-1."  # a tally ending its sentence
    assert conflicting_details("Why did the council vote 6-1?", vote, f"{vote} {ending}") == []
    assert conflicting_details("Why did the council vote 6-1?", "Voters backed the $5-6 million plan.", "") == []  # a range of money


def test_a_count_is_of_what_the_question_counts_however_the_sentence_writes_it():
    assert counted_things("How many beds does Lakeshore have?") == {"bed"}
    assert counted_things("How many U.S. states signed it?") == {"us", "state"}
    assert counted_things("How many workers were laid off?") == frozenset()  # people, counted under other names ("400 people")
    assert counted_things("How many jurors found the company liable?") == {"juror"}  # a plural ends it: "found" is no thing counted
    assert counted_things("How many new jobs will it create?") == {"new", "job"}
    assert not counts_of("Tests in 2022 found PFOA in wells.", counted_things("How many jurors found the company liable?"))
    assert counts_of("Labour won 412 of the 650 seats.", counted_things("How many seats did Labour win?"))  # the second number too
    assert counts_of("Twenty countries have signed it.", counted_things("How many countries have signed it?"))
    assert not counts_of("Labour lost $3 million.", counted_things("How many seats did Labour win?"))
    assert counts_of("It would cut 85 of its 390 roles.", counted_things("How many jobs is Emberline cutting?"))  # jobs by another name
    assert counts_of("The fire destroyed 14 houses.", counted_things("How many homes did the fire destroy?"))
    assert not counts_of("The fire destroyed 14 barns.", counted_things("How many homes did the fire destroy?"))
    assert counts_of("The hospice cares for about 120 children.", counted_things("How many kids does the hospice look after?"))
    assert not counts_of("Marchetti, whose two children attend St Cuthbert's, said so.", counted_things("How many pupils does St Cuthbert's have?"))  # her children
    assert counts_of("The road will take 11,000 vehicles a day out of the centre.", counted_things("How many cars will the road take out?"))
    assert counted_things("How many detectives worked on the case?") == frozenset()  # people: "involving 40 officers"
    assert not counts_of("The company cut 40 jobs.", counted_things("How many posts did Rivera delete?"))  # a post is not only a job


@pytest.mark.parametrize(
    "question, asks",
    [
        ("What did Pruitt say after he lost?", True),
        ("what did the lawyer for the residents say about the ruling", True),
        ("What has the minister told people under evacuation orders?", True),
        ("How did the union react to the offer?", True),
        ("What was the union's response to the offer?", True),
        ("When did Pruitt say the handoff would happen?", False),  # a time, said or not
        ("Who said nobody wins a strike?", False),  # a person
        ("What does the deformation of a rock tell geologists?", False),  # no one speaks
        ("What is an immune response?", False),
        ("What did residents do when Forbes announced budget cuts?", False),  # what they did
    ],
)
def test_a_question_of_what_someone_said(question, asks):
    assert asks_statement(question) is asks


def test_a_sentence_reports_speech_by_quoting_or_a_verb_of_saying():
    assert reports_speech("“The voters have spoken,” Pruitt said in a statement.")
    assert reports_speech("Okafor warned that the deal could collapse.")
    assert reports_speech("The company declined to comment.")
    assert not reports_speech("Pruitt, 58, a former insurance agent, was first elected in 2017.")
    assert not reports_speech("Pruitt conceded in a phone call to Delgado.")  # a concession, with nothing said in it


@pytest.mark.parametrize(
    "question",
    ["What did the late error cost Rovers?", "What drove profits at Quarto?", "What did the company earn praise for?", "What was the human cost of the war?"],
)
def test_a_question_naming_money_without_asking_an_amount_expects_none(question):
    assert expected_type(question) is None


@pytest.mark.parametrize(
    "question, kind",
    [
        ("What is Anthropic's headquarters address?", "place"),
        ("What's the address of the plant?", "place"),
        ("what is halvorsen's address", "place"),
        ("How did Anthropic address the concerns?", None),  # a verb
        ("What did the mayor say in her address to the council?", None),  # a speech
    ],
)
def test_a_street_address_is_asked_as_a_place(question, kind):
    assert expected_type(question) == kind


@pytest.mark.parametrize("question", ["Who is Azizi Othman?", "Who's Dario Amodei?", "Who is Azizi Othman and what did he call for?"])
def test_who_is_a_named_person_asks_what_they_are_not_for_another_person(question):
    assert expected_type(question) is None


@pytest.mark.parametrize("question", ["Who is Anthropic's CEO?", "who is the CEO?", "Who was Jack Clark speaking to?"])
def test_who_is_of_a_role_or_with_more_words_asks_for_a_person(question):
    assert expected_type(question) == "person"


@pytest.mark.parametrize(
    "question, kind",
    [
        ("When fewer workers are needed, what happens to wages?", None),  # a scene set, then what happens
        ("When the deal closes, who will lead the board?", "person"),
        ("When the strike ends, when will the buses run again?", "time"),
        ("When is the listing scheduled, and on which exchange?", "time"),  # a when-question of its own
        ("When did the strike end?", "time"),
    ],
)
def test_an_opening_when_clause_sets_the_scene_for_the_question_after_it(question, kind):
    assert expected_type(question) == kind


@pytest.mark.parametrize(
    "question, kind",
    [
        ("What is the painting worth?", "money"),
        ("what does margaret holloway think the painting is worth now", "money"),
        ("What will Raman be paid now?", "money"),
        ("Is it worth the wait?", None),
        ("What was the 3-2 win worth to Castlebridge?", None),  # worth to someone: not money
        ("What makes the painting worth seeing?", None),
    ],
)
def test_what_something_is_worth_asks_for_an_amount(question, kind):
    assert expected_type(question) == kind


@pytest.mark.parametrize(
    "question, kind",
    [
        ("how high did the river wend get during storm hollis", "measure"),
        ("How tall is the new tower?", "measure"),
        ("How far away is the star that the planet orbits?", "measure"),
        ("What was the length of the bridge?", "measure"),
        ("How high did prices climb?", None),  # a price: an amount, not a measure
        ("How deep are the cuts to the budget?", None),
        ("What is the tower's height?", "measure"),
        ("whats the depth of the lake", "measure"),
        # not a measure: progress, a lead, a toll, a crowd, a sentence's length (what a review of the first version found)
        ("How far has the investigation into the brawl progressed?", None),
        ("How far ahead is Labour in the polls?", None),
        ("How high has the death toll risen?", None),
        ("How high was the attendance at Hartfield Park?", None),
        ("What was the length of Derek Holt's sentence?", None),
        ("How far apart were Rovers and City?", None),
        ("How long is the bridge?", "duration"),  # "how long" is most often a span of time
    ],
)
def test_how_high_tall_or_far_asks_for_a_measure(question, kind):
    assert expected_type(question) == kind


@pytest.mark.parametrize(
    "sentence, measured",
    [
        ("The river peaked at 4.62 metres at the Carrow Bridge gauge.", True),
        ("The star is just 38 light-years away.", True),
        ("a 30-storey tower", True),
        ("Temperatures reached 35C on Monday.", True),
        ("Hundreds of residents spent the night in shelters.", False),
        ("The council will spend £14.8m on the wall.", False),  # "m" after a currency sign is millions, not metres
        ("The boat sank 20 nautical miles off Cornwall.", True),
        ("The tower will rise three hundred feet.", True),
    ],
)
def test_a_measure_is_a_number_with_its_unit(sentence, measured):
    assert has_type(sentence, "measure") is measured


def test_how_many_came_is_answered_by_a_crowd_or_an_attendance():
    question = "How many fans attended at Harbor Stadium?"
    assert has_type("A crowd of 41,200 at Harbor Stadium watched the match.", "number", question)
    assert has_type("Attendance was 18,450.", "number", question)
    assert not has_type("Turnout was 61 percent, the clerk said.", "number", question)  # a share, not a count
    assert not has_type("A crowd of 41,200 watched.", "number", "How many goals did Harbor score?")  # goals are no crowd


@pytest.mark.parametrize(
    "sentence",
    ["The board proposed a dividend of 9 crowns per share.", "Alpina earned 610 million Swiss francs.", "It costs 40 zlotys.",
     "The fine was 2 billion rupiah.", "Revenue rose to DKK 14 billion."],
)
def test_an_amount_in_any_currency_named_after_its_figure_is_money(sentence):
    assert has_type(sentence, "money")


@pytest.mark.parametrize(
    "sentence",
    ["The best actress award went to Bùi Thị Hạnh, for her first film.", "The jury chose Søren Kjærgaard on Friday.",
     "The prize for the screenplay was won by Małgorzata Wójcik.", "The festival opened with a speech by Íñigo Garmendia."],
)
def test_a_name_written_with_accents_or_letters_beyond_a_to_z_names_a_person(sentence):
    assert has_type(sentence, "person", "Who won the prize?")
    assert has_type(sentence, "name", "What is the name of the winner?")


def test_ones_own_contact_details_are_no_way_to_reach_someone_asked_for():
    assert expected_type("Will my email address be published with my comment?") is None
    for about_the_line in ("When did the helpline open?", "Which website published the memo?", "Who set up the helpline?", "Who should parents contact?"):
        assert expected_type(about_the_line) not in CONTACT_TYPES, about_the_line  # what the line or site did, not how to reach it
    assert expected_type("Is there a phone number I can ring about the closure?") == "phone"
    assert not has_type("The £2.30 fare rises to 3.50 in 2026.", "phone") and not has_type("See e.g. the report.", "website")
    assert has_type("Call the helpline on +44 20 7946 0958.", "phone") and has_type("Call 1-800-555-0199 for help.", "phone")  # international, toll-free
    assert not has_type("Some 100 200 3000 people came.", "phone")


def test_which_role_asks_for_a_person_but_what_role_did_asks_what_they_did():
    assert expected_type("Which judge ruled in the case?") == "person"
    assert expected_type("What workers demanded from the city?") is None
    assert expected_type("What did the company say?") is None  # a clause, not a kind qualified
    assert expected_type("Which charities will share the money?") is None  # a list, which may go unnamed ("food banks and youth clubs")
    assert expected_type("What hospital admissions have risen?") is None and expected_type("What court order was made?") is None  # kinds qualifying what is asked
    assert expected_type("What age group is most affected?") == "age"
    assert has_type("Traffic on I-95 was halted.", "name", "Which road was closed?")  # "I" alone is no name; "I-95" is one
    assert has_type("The festival is held at Kettlewick Castle.", "place", "Where is the Kettlewick Festival held?")  # a place of the question's word and another
    assert not names_a_person("St Aldric's") and not names_a_person("Royal Linford Infirmary")  # a hospital, by a saint's name or its kind
    assert not any(map(names_a_person, ["Orchard Farm", "Aske Terrace", "Storm Imelda", "Liberal Democrat"]))  # a place, a storm, a party
    assert names_a_person("Jane Fry") and names_a_person("Sarah Lane") and names_a_person("Gerard Way")  # surnames that are place words too
    assert has_type("Ana Reyes is the chief executive of Quarto.", "person", "Who is Quarto's chief executive?")  # a name opening the sentence
    assert not has_type("The Council met the chief executive on Monday.", "person", "Who is Quarto's chief executive?")


@pytest.mark.parametrize(
    "question, yes_or_no",
    [
        ("Will the plant open in July?", True),
        ("Doesn't it open in July?", True),
        ("Thanks. Did revenue rise in 2024?", True),
        ("Is it true that revenue fell in 2024?", True),
        ("Can you tell me what revenue was in 2024?", False),  # a request for what
        ("What was revenue in 2024?", False),
        ("Island of Mull?", False),  # "is" only begins a word
    ],
)
def test_a_question_asked_to_be_confirmed_or_denied_is_told_apart(question, yes_or_no):
    assert asks_yes_or_no(question) == yes_or_no


@pytest.mark.parametrize(
    "question, subject",
    [
        ("Were customer passwords stolen in the Northgate hack?", ["custom", "password"]),
        ("Are Port Calder fares going up this year?", ["port", "calder", "fare"]),
        ("so is Claude improving faster than Anthropic expected", ["claud"]),
        ("Is Anthropic still going to build models?", ["anthrop"]),  # "still" is an adverb
        ("Has anyone at Northgate been fired?", ["northgat"]),
        ("Who stole the passwords?", []),  # not a yes/no question
    ],
)
def test_what_a_yes_or_no_question_asks_about_is_its_subject(question, subject):
    assert asked_subject(question) == subject


def test_two_true_details_asked_as_one_fact_are_a_mismatch():
    then = "It was the first strike since 1998, when drivers stayed off the job for six days."
    now = "The deal ended an 11-day strike."
    assert mismatched_details("Why did the 1998 strike last eleven days?", [now, then])  # 1998's lasted six
    assert not mismatched_details("Why did the 1998 strike last six days?", [now, then])
    assert not mismatched_details("Why did the 1998 strike last eleven days?", [now, then, "The 1998 strike lasted eleven days."])
    assert not mismatched_details("Why did the strike last eleven days?", [now, then])  # one detail asked: the best sentence's check


@pytest.mark.parametrize(
    "question, best, denied",
    [
        ("Why is Anthropic calling for a permanent ban?", "Anthropic is not calling for an immediate stop.", True),
        ("Why isn't Anthropic calling for a ban?", "Anthropic is not calling for an immediate stop.", False),  # asked as denied
        ("What is Anthropic calling for?", "Anthropic is not calling for an immediate stop.", False),  # no premise: a why
        ("Why will Vargas wear the shirt?", "He will wear the No. 9 shirt.", False),  # "No." is a number
        ("Why would one plead guilty?", "The choice is whether or not to plead guilty.", False),  # no denial
        ("Why is Anthropic calling for a pause?", "It does not expect rivals to follow, but it is calling for a pause.", False),  # denies "expect"
    ],
)
def test_a_why_question_is_denied_by_a_negation_of_its_words(question, best, denied):
    assert premise_denied(question, best) is denied


@pytest.mark.parametrize(
    "question, best, reversed_",
    [
        ("Why did David Sacks praise Anthropic's safety push?", "David Sacks accused the company of pursuing a regulatory capture agenda.", True),
        ("By how many votes did the library bond fail?", "Voters also approved a $3.2 million bond to renovate the library, 2,106 to 1,288.", True),
        ("Why did the airline's profit fall?", "The airline reported a 13% rise in net profit.", True),
        ("Why did the teachers union praise the budget cuts?", 'The union said it was "deeply disappointed" by the cuts.', True),
        ("Why did Sacks criticise Anthropic?", "David Sacks accused the company of pursuing a regulatory capture agenda.", False),  # the same stance
        ("Why did shares fall?", "Shares dropped 5% after rising for a week.", False),  # it says so too, whatever else it says
        ("Did David Sacks praise Anthropic?", "David Sacks accused the company of pursuing a regulatory capture agenda.", False),  # asked to be confirmed
        ("Why didn't the bond pass?", "Voters rejected the bond.", False),  # asked as denied
        ("Why did critics praise the film?", "Critics said the film was brilliant.", False),  # "critics" is the question's own word
        ("What is the lowest point of the state?", "The highest point of the state is Mount Elbert.", True),
        ("Which northern city hosts the parliament?", "The parliament sits in the southern city of Lyon.", True),
        ("How did the pill do for those who failed other treatments?", "A third had tried two treatments without success.", False),  # no success stated
        ("Why did the plan fail?", "The plan was not successful.", False),
        ("Who won the mayor's race?", "Incumbent Gary Pruitt lost to Ana Delgado-Reyes.", False),  # one's loss is another's win
        ("Why did members vote down the agreement on Sunday?", "The agreement still needs the approval of members.", True),  # voted down: rejected
        ("Why did members vote down the agreement?", "Members voted down the agreement its leaders had approved.", False),
        ("How high did the river get?", "Residents of the lower town fled as the river rose.", False),  # "how high" asks a height, takes none as given
        ("How did Porthaven win?", "Porthaven lost two early wickets but recovered.", False),  # a loss of wickets, not of the match
        ("How did Porthaven win?", "Porthaven lost by six wickets.", True),
        ("How did Porthaven win the final?", "Porthaven lost against Leeds in the final.", True),  # a defeat, whatever follows "lost"
        ("Why did Leeds win their home game against Hull?", "Leeds lost their home game against Hull 2-1.", True),
        ("Why did the Greens win the seat?", "The Greens lost the seat they had held since 2010.", True),
    ],
)
def test_a_question_taking_an_event_as_given_is_reversed_by_a_sentence_stating_its_opposite(question, best, reversed_):
    assert premise_reversed(question, best) is reversed_


def test_an_event_is_reversed_by_any_of_several_sentences_unless_one_of_them_states_it():
    naming_pruitt = ("Delgado had 1,842 votes to Pruitt's 1,617.", "Pruitt conceded in a phone call.")
    assert premise_reversed("By how many votes did Pruitt win?", *naming_pruitt)
    assert not premise_reversed("By how many votes did Pruitt win?", *naming_pruitt, "Pruitt won in 2017 by 90 votes.")
    assert premise_reversed("By how many votes did Pruitt win?", "The town had no choice.", "Pruitt conceded.")  # "no" denies only in its own sentence
    assert not premise_reversed("By how many votes did Pruitt win?")  # no sentence, nothing reversed


def test_an_opposite_reverses_what_is_said_of_the_one_named_before_it_only():
    conceded = "Pruitt conceded the race to Delgado-Reyes on Wednesday."
    assert premise_reversed("By how many votes did Pruitt win?", conceded, names=frozenset({stem("pruitt")}))
    delgado = frozenset({stem("delgado"), stem("reyes")})
    assert not premise_reversed("By how many votes did Delgado-Reyes win?", conceded, names=delgado)  # Pruitt conceded, not she
    assert premise_reversed("By how many votes did Delgado-Reyes win?", conceded)  # read as one bag of words, as the best sentence is


@pytest.mark.parametrize(
    "question, stating, misattributed",
    [
        ("What's behind the forecast of $1 trillion in annual revenue?", "Investors are valuing it near $1 trillion.", True),
        ("Why is the company valued at $1 trillion?", "Investors are valuing it near $1 trillion.", False),
        ("Why did revenue jump 12%?", "Sales rose 12% in the quarter.", False),  # another name of the same amount
        ("Why did the stock fall 31%?", "The pill cut migraine days by 31%.", True),
        ("Why did the stock fall 31%?", "The pill cut migraine days by half.", False),  # no sentence states it: not this check's
        ("Why did the stock fall 31 percent?", "Its stock fell 31% on Monday.", False),
    ],
)
def test_a_figure_the_articles_state_only_about_something_else_is_misattributed(question, stating, misattributed):
    assert misattributed_figure(question, [stating]) is misattributed



@pytest.mark.parametrize(
    "question, sentences, changed",
    [
        ("Why did the board vote to close three elementary schools?", ["The board voted 4–3 to close two elementary schools."], True),
        ("why is the bank speeding up bond sales to 8 billion crowns a month", ["It will cut bond sales to 4 billion crowns a month from 6 billion."], True),
        ("Why did the board vote to close two schools?", ["The board voted 4–3 to close two elementary schools."], False),  # as stated
        ("Why did the board close three schools?", ["It closes two schools.", "In all, three schools will close."], False),  # one states it
        ("When do the two hospital groups expect to merge?", ["The deal combines three hospitals."], False),  # not the groups counted
        ("Who were the two committee members that voted no?", ["Five of the seven members backed the cut."], False),  # the whole, not a part
        ("Why did the city close three schools in 2024?", ["The 2025 budget closes three schools."], False),  # a year counts nothing
        ("Why did one school close?", ["Two schools closed."], False),  # "one" is as often a pronoun
        ("Why did the firm hire 200 workers?", ["The firm hired two hundred workers last spring."], False),  # one number, two spellings
        ("Why did it approve a $14 million expansion?", ["It approved a $14m expansion, not the $20 million expansion."], False),
        ("Why did 1,200 workers walk out?", ["About 1200 workers walked out, and 300 workers walked out later."], False),
        ("Why did the city close 12 schools?", ["The city closed 12 of its schools, after closing 3 schools last year."], False),
        ("Why did regulators ground Boeing 737 Max jets?", ["Regulators grounded 171 Max jets."], False),  # a name's number
        ("Why did prices rise 3.5 percent?", ["Prices rose 3.5%, after a 2 percent rise in May."], False),  # a share, no count
        ("Why did Brightwell recall 500,000 heaters?", ["It is recalling about 410,000 portable space heaters sold online."], True),  # three words between
        ("Why did the company lay off 200 workers?", ["It cut 300 jobs, workers said."], False),  # what is counted ends with its clause
        ("Why did 14 U.S. states sue the company?", ["Twelve U.S. states sued the company."], True),  # "U.S." ends no clause
        # asked in the passive: what was done to them is no part of what is counted
        ("Why were 4,620 patients enrolled in the trial?", ["The study followed 4,260 patients at 212 hospitals."], True),
        ("Why were three schools closed?", ["The board voted to close two schools."], True),
        # a preposition after a number: nothing counted ("£2.3 million from the trust" is an amount)
        ("How did he take £2.3 million from the trust?", ["He took £2.3 million.", "The trust recovered £640,000 from him."], False),
        # a count stated as a bound is met by a count within it
        ("I have worked at Larkrise for three years. Does my child get priority?", ["Staff who have worked there for at least two years get priority."], False),
        ("I have worked at Larkrise for 18 months. Does my child get priority?", ["Staff who have worked there for at least 24 months get priority."], True),
        ("Can a class have 25 pupils?", ["Classes will have up to 30 pupils."], False),
        ("Can a class have 35 pupils?", ["Classes will have up to 30 pupils."], True),
    ],
)
def test_a_count_the_articles_state_otherwise_is_a_changed_number(question, sentences, changed):
    assert miscounted(question, sentences) is changed


def test_who_a_sentence_reports_saying_something_is_the_name_beside_its_verb_of_saying():
    assert speaks("Voss said the bond would raise tax bills.", "voss")
    assert speaks("The plan is unaffordable, said Linda Voss, a councilmember.", "voss")
    assert not speaks('"Voss is wrong about the bond and about the pipes," Patel said.', "voss")  # a name the quotation mentions
    assert not speaks("Voss voted against the plan.", "voss")


PREAMBLE = "My teacher asked us to look into this for class, and I have read all of the articles twice but I still cannot find it anywhere."


@pytest.mark.parametrize(
    "question, asked",
    [
        (f"{PREAMBLE} Who criticised the timing of Anthropic's safety push?", "Who criticised the timing of Anthropic's safety push?"),
        ("I looked everywhere and got nowhere. who wrote the blog post?", "who wrote the blog post?"),  # opens with a question word
        ("Stephen Eilmann shows law breaking in Nazi Germany. Citizens had been doing what?", None),  # it names something
        ("I read the blog post. When was it published?", None),  # it leans on what comes before
        ("Combustion is caused by an oxidant and a fuel. What role does oxygen play in combustion?", None),  # a word they share
        ("What strains of y. pestis were found in the mass graves?", None),  # "pestis …" opens no sentence
        ("how long has Raman been in charge at St. Brendan's?", None),  # one sentence
        ("What did the U.S. say?", None),
        ("Who wrote the blog post? Who criticised it?", None),  # two questions
        ("Hi. who wrote it", None),  # no question mark to find the question by
    ],
)
def test_a_question_after_sentences_that_ask_nothing_is_read_apart_from_them(question, asked):
    from rag.question import asked_after_preamble

    assert asked_after_preamble(question) == (asked or question)


def test_a_long_preamble_does_not_bury_the_question(answerer):
    question = "Who criticised the timing of Anthropic's safety push?"
    alone = answerer.answer(question)
    after = answerer.answer(f"{PREAMBLE} {question}")
    assert not after.abstained and after.quotes[0].text == alone.quotes[0].text
    assert after.read_as == question and after.read_with == ()  # it names its own topic: the preamble is not read with it


def test_a_question_comparing_the_articles_asks_what_each_says_of_its_topic():
    """"Do the reports agree on …?", "What do the two outlets say about …?": the sources and their
    agreeing are the frame; a topic that is no question is asked as "what is …", so that "the cost"
    still asks for an amount; "the report" (one document) and "the sources of the pollution" ask no such thing."""
    assert compared_topic("Do the reports agree on the turnout in Port Elowen?") == "what is the turnout in Port Elowen?"
    assert compared_topic("What do the two outlets say about the size of the tax credit?") == "what is the size of the tax credit?"
    assert compared_topic("How do the reports differ on the death toll?") == "what is the death toll?"
    assert compared_topic("Do the articles agree on whether AI self-improvement is already happening?") == "AI self-improvement is already happening?"
    assert compared_topic("What do the outlets say about how many people died?") == "how many people died?"  # a question of its own
    assert asks_across_articles("Do the reports agree on the turnout?") and asks_across_articles("How do the papers report the strike?")
    for other in ("What are the sources of the pollution?", "What did the inspection report find?", "Do the reports agree?",
                  "What does the report say about the flood wall?", "Does the report agree with the council on the cost?"):
        assert compared_topic(other) is None, other
    assert not asks_across_articles("What are the sources of the pollution?") and not asks_across_articles("What does the report say about the flood wall?")


@pytest.mark.parametrize(
    "question, direct",
    [
        ("Tell me why Ashcroft was cleared of false accounting.", "Why was Ashcroft cleared of false accounting?"),
        ("Can you tell me who scored the winner?", "Who scored the winner?"),
        ("Could you tell me when the strike will end?", "When will the strike end?"),
        ("Do you know if the plan will pass?", "Will the plan pass?"),
        ("I wonder whether the council will approve it", "Will the council approve it"),
        ("Please tell me where the plant is", "Where is the plant"),
        ("For what reason was Ashcroft cleared?", "Why was Ashcroft cleared?"),
        ("What amount of money did Anthropic raise?", "How much money did Anthropic raise?"),
        ("What price did the gallery pay?", "How much did the gallery pay?"),
        ("What number of disposals did he have?", "How many disposals did he have?"),
        ("what's anthropic worth now", "what is anthropic worth now"),
        ("What's happened to the plant?", "What has happened to the plant?"),
        ("tell me the day anthropic announced this", "what day anthropic announced this"),
        ("Give me the cost of the flood wall.", "What is the cost of the flood wall?"),
        ("Tell me how many people were killed.", "How many people were killed?"),  # "how many people" is the subject
        ("Tell me how much money was raised.", "How much money was raised?"),
        ("What amount did the Pennine Gallery pay?", "How much did the Pennine Gallery pay?"),
        ("Right now, how much is Anthropic worth?", "How much is Anthropic worth right now?"),
        ("In 2023, how many people died?", "How many people died in 2023?"),
        ("Thanks, who wrote it?", "Thanks, who wrote it?"),  # a greeting, not a phrase of the question
        ("Tell me if it rained.", "Tell me if it rained."),  # no auxiliary to open a direct question with
        # (from the review of this rule) a span, a compound or a possessive is no "what day" asked
        ("Tell me the time it took the jury to reach a verdict.", "Tell me the time it took the jury to reach a verdict."),
        ("Give me the year-end profit of Halvorsen.", "Give me the year-end profit of Halvorsen."),
        ("Tell me how many Carrow schools were flooded.", "How many Carrow schools were flooded?"),  # what is counted stays
        ("Tell me how much Anthropic is worth", "How much is Anthropic worth"),  # a name alone is a subject
        ("Tell me why Anthropic can't pause alone.", "Why can't Anthropic pause alone?"),  # "can't" whole
        ("I'd like to know why Solberg is stepping down.", "Why is Solberg stepping down?"),
        ('"Make themselves", what does that mean?', '"Make themselves", what does that mean?'),  # quoted words asked about stay
        ("tell me more", "tell me more"),
        ("Why was Ashcroft cleared?", "Why was Ashcroft cleared?"),
        # keywords that end or open with the thing asked for
        ("tealeford bridge repair cost", "what is the cost of the tealeford bridge repair?"),
        ("new head teacher name", "what is the name of the new head teacher?"),
        ("Single fare new price?", "What is the new price of the single fare?"),
        ("and the victim age", "how old is the victim?"),
        ("Alan Price", "Alan Price"),  # a name, not a price
        ("and the cost?", "and the cost?"),
        ("my name", "my name"),
        ("average price", "average price"),
        ("The bridge was rebuilt at great cost", "The bridge was rebuilt at great cost"),
        ("cost of living crisis", "cost of living crisis"),
        ("cost of the scheme?", "what is the cost of the scheme?"),
        ("is the cost known?", "is the cost known?"),
        ("list the candidates", "list the candidates"),
        ("death toll", "death toll"),
        ("carbon absorbed per year", "carbon absorbed per year"),  # a rate, not a year
        ("merger date?", "when is the merger?"),
    ],
)
def test_a_question_asked_inside_a_request_or_another_way_is_read_as_the_direct_question(question, direct):
    """The readers of what a question asks (its answer type, its premises) look for the question word
    opening it: "Tell me why X was cleared" asks what "Why was X cleared?" asks."""
    from rag.question import as_direct

    assert as_direct(question) == direct


def test_a_lower_case_subject_after_how_much_is_moved_only_when_it_is_a_name_the_articles_write():
    from rag.question import as_direct

    assert as_direct("tell me how much ashcroft was paid", frozenset({"ashcroft"})) == "how much was ashcroft paid"
    assert as_direct("tell me how much money was paid", frozenset({"ashcroft"})) == "how much money was paid"
    assert as_direct("jane fry age", frozenset({"jane", "fry"})) == "how old is jane fry?"  # a name takes no "the"


def test_a_question_typed_in_lower_case_has_its_names_written_as_the_articles_write_them():
    from rag.question import with_names_capitalised

    names = frozenset({"ben", "lucchesi", "nova", "scotia"})
    assert with_names_capitalised("how many disposals did ben lucchesi have", names) == "how many disposals did Ben Lucchesi have"
    assert with_names_capitalised("What did ben say?", names) == "What did ben say?"  # written with capitals: its case tells
    assert names_in(with_names_capitalised("what is the enrolment across all of nova scotia", names)) == ["Nova Scotia"]


@pytest.mark.parametrize(
    "question, kind",
    [
        ("Which player was named best on ground?", "person"),
        ("By whom was Solberg appointed?", "person"),
        ("In which city did the fire start?", "place"),
        ("In what state is the working fluid?", None),  # a state of matter, as often as a place
        ("How much the Harbour Gallery paid for the painting?", "money"),  # as "tell me how much …" leaves it
        ("How much time they spent on it", "number"),
        ("How many years ago was the abbey founded?", "number"),  # a date asked, in years from now
        ("How many pounds did the repairs cost?", "number"),  # pounds of money or of weight: no measure
        ("How much did the thieves steal?", "number"),  # money or goods ("three tonnes of copper cable")
        ("What is the name of the children's charity?", "name"),  # an organisation, not children
        ("How many degrees did the university award?", "number"),  # a university's degrees, no measure
        ("How much rain fell in the storm?", "number"),
        ("Name the victims of the attack.", "person"),
        ("What was the name of the company?", "name"),
    ],
)
def test_a_question_word_said_another_way_asks_for_the_same_type(question, kind):
    assert expected_type(question) == kind


@pytest.mark.parametrize(
    "question, asks",
    [
        ("What happens next for revaxaban?", True),
        ("What will Anthropic do next?", True),
        ("What are the next steps for the bridge?", True),
        ("What is the outlook for the fire?", True),
        ("Are the next models already being trained?", False),  # "next" of a thing, not what comes next
        ("When is the next meeting?", False),
        ("What is next to the library?", False),  # a place beside it
    ],
)
def test_a_question_of_what_comes_next_is_told_apart(question, asks):
    assert asks_what_next(question) is asks


def test_what_is_to_come_is_told_in_so_many_words():
    assert tells_future("The claims will be decided in a separate phase.") and tells_future("A hearing is scheduled for May 20.")
    assert not tells_future("The case was filed in August 2021.")


@pytest.mark.parametrize(
    "question, topic",
    [
        ("What did Linda Voss say about the bond?", "the bond"),
        ("What did Kane tell reporters on coal finance?", "coal finance"),  # a word or two between the verb and "on"
        ("What did Mensah say?", None),  # about nothing in particular
        ("What did the council say in its statement?", None),
        ("What did the residents say about it", "it"),  # a pronoun is its own topic: it has no terms to check
    ],
)
def test_what_someone_is_asked_to_have_said_something_about(question, topic):
    assert topic_of_statement(question) == topic


def test_an_officers_title_is_no_name_even_where_the_articles_write_it_only_capitalised():
    names = frozenset({"gov", "beaumont", "storm"})  # "Gov. Claire Beaumont"
    assert known_names("What did the gov. say about the storm?", names) == {"storm"}
    assert is_title("gov") and is_title("gov.") and is_title("ceos") and not is_title("government")
    assert not is_title("senators", plural=False)  # "the Danby Senators" may be a team


@pytest.mark.parametrize(
    ("question", "sentence", "names_them"),
    [
        ("Who was the fourth official?", "Grealish was spoken to by the fourth official.", False),
        ("Who was the fourth official?", "Grealish was spoken to by the fourth official, Mike Dean.", True),
        ("Who was the referee at Fenwick Park?", "Referee Anthony Taylor waved play on.", True),
        ("Who was the referee at Fenwick Park?", "Anthony Taylor, the match referee, waved play on.", True),
        ("Who was the referee at Fenwick Park?", "Taylor was the referee.", True),
        ("Who was the referee at Fenwick Park?", "Okonkwo scored at Fenwick Park on Saturday.", None),  # no word of the role
        ("Who is Nimbo's CEO?", "Nimbo chief executive Dara Lind said sales rose.", True),  # the title under another of its names
        ("Who is Nimbo's CEO?", "The chief executive declined to comment on Monday.", False),
        ("Who is the study's lead author?", "The study's lead author, Professor Fiona Galbraith, said so.", True),
        ("Who is the current Premier of Victoria?", "The current Premier of Victoria is Daniel Andrews.", True),
        ("Who was the first elected president of Egypt?", "Mohamed Morsi, an Islamist, was the first elected president of Egypt.", True),
        ("Who is the headteacher of Holloway Junior?", "Headteacher of Ridgeway, James Pell, said he was saddened.", False),  # another school's
        ("Who is the chairman of Alvey Athletic?", "He met Rovers chairman Tom Brady.", False),
        ("Who is the chief executive of Wendmoor Water?", "Wendmoor's chief operating officer, David Shaw, told the court.", False),  # another officer
        ("Who is the Rovers manager?", "Former manager Tom Smith left in 2020.", True),  # "Former" tells whose role it is not
        ("Who was the driver?", "Police named the driver as Tom Reid, of Leeds, on Sunday.", True),
        ("Who is the U.S. Secretary of State?", "U.S. Secretary of State Antony Blinken arrived in Cairo.", None),  # a name may follow "of State" unmarked
        ("Who was the fourth official?", "Meanwhile, the fourth official spoke to Rovers manager Paul Grealish.", False),  # "Meanwhile" names no one
        ("Who is the mayor?", "Ann Bell, the mayor's spokesperson, said so.", False),  # the mayor's spokesperson is no mayor
        ("Who is Katie Dorran's brother?", "Her younger brother, Luke Dorran, 29, runs the delivery side.", True),  # a relation, of an owner of two words
        ("Who is Katie Dorran's brother?", "Katie Dorran, 34, will run the bakery.", None),
        ("Who's the boss of Kestrel Homes?", "Kestrel's managing director, Fiona Lacey, will present the scheme.", True),  # an everyday word for the role
        ("Who was Holcroft's lawyer?", "Holcroft's solicitor, Rupert Okonjo, said his client was ashamed.", True),
        ("Who was Holcroft's lawyer?", "James Holcroft, defending his decision, said he was ashamed.", None),
        ("Who's the boss of Kestrel Homes?", "Tom Reid, a manager at Kestrel Homes, said so.", None),  # a manager is no boss
        ("Who is Jamie's mum?", "His mother, Ruth Sowerby, runs the shop.", True),
        ("Who's the boss of Kestrel Homes?", "A spokesman for Kestrel Homes, Owen Brightwell, said so.", None),
    ],
)
def test_a_sentence_tells_who_holds_a_role_only_by_naming_them_beside_it(question, sentence, names_them):
    holder = holder_asked(question)
    assert holder is not None and names_holder(sentence, holder) is names_them


@pytest.mark.parametrize("question", ["Who is Maria Okafor?", "Who was the first to arrive?", "Who is the man behind the scheme?", "Who criticised the plan?"])
def test_only_a_question_of_who_holds_a_role_asks_for_its_holder(question):
    assert holder_asked(question) is None


def test_a_plural_title_counts_as_the_articles_writing_it():
    written = title_counts(["Prosecutors argued that Ferris had gone to his car.", "District Attorney Hannah Weiss told jurors."])
    assert as_written("What did the prosecutor argue showed intent?", written) == "What did the prosecutor argue showed intent?"  # not "district attorney"


def test_a_quarter_written_short_is_read_as_the_articles_write_it():
    assert quarters_as_written("kestrel q3 revenue", ["Kestrel's third-quarter revenue rose."]) == "kestrel third quarter revenue"
    assert quarters_as_written("What were Q1 sales?", ["Q1 sales fell."]) == "What were Q1 sales?"  # they write "Q1" too
    assert quarters_as_written("How many Audi Q3 cars?", ["40 Audi Q3 cars were recalled."]) == "How many Audi Q3 cars?"


def test_a_race_time_is_a_time_and_a_span_and_per_cent_no_money():
    won = "Kiprono won a sprint finish against Dawit Alemu to win in 2:05:41, one second ahead of his rival."
    assert expected_type("What time did Kiprono run?") == "clock" and has_type(won, "clock")
    assert has_type("Her 2:20:15 of 2019 stood until Sunday.", "duration")
    assert not has_type("an 11 per cent rise in third-quarter profit", "money")
    assert has_type("a fee of 14 million Swiss francs", "money")


def test_a_how_many_question_counts_the_last_noun_of_what_it_names():
    asked = counted_things("How many measles cases are there now?")
    assert counts_of("A measles outbreak has grown to 87 confirmed cases, up from 58.", asked)
    assert counted_things("How many jurors found the company liable?") == {"juror"}


def test_a_race_or_a_tournament_is_no_person():
    assert mentions("How many runners started the Riverside Marathon?", "person") == ()
    assert mentions("How did ticket sales at the Lakeside Open compare with last year?", "person") == ()


def test_a_loss_is_told_by_the_winners_win_against_them():
    won = "In the men's race, Kiprono won a sprint finish against Ethiopia's Dawit Alemu to win in 2:05:41."
    assert not premise_reversed("Why did Alemu lose the sprint finish?", won)
    assert premise_reversed("Why did Kiprono lose the sprint finish?", won)
    assert premise_reversed("Why did Lind win in the ward?", "Maria Reyes beat Sven Lind, who lost by 8 points, in the ward.")  # his own loss
    assert premise_reversed("Why did Walsh lose the seat?", "Tom Walsh won the seat after a row over Walsh's taxes.")  # no opponent
    assert not premise_reversed("Why did Sven Lind lose the race?", "Her narrow victory over Sven Lind came down to 212 postal votes.")


@pytest.mark.parametrize(
    ("question", "things"),
    [
        ("Which stretches of the River Wend are bathers told to avoid?", {"stretch"}),
        ("What conditions did the committee attach to the permission?", {"condition"}),
        ("What are the three measures the council approved?", {"measure"}),
        ("Name the schools that will close", {"school"}),
        ("What does the levy cover?", set()),  # "does" is no plural
        ("What happens next?", set()),
        ("Which school will close?", set()),  # one thing, not a list
        ("What comes next for the measures?", set()),
    ],
)
def test_a_question_asking_to_have_things_named_is_read_for_what_they_are(question, things):
    assert things_asked(question) == things


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("Members attached four main conditions to the permission.", 4),
        ("Bathers were told to avoid three stretches of the river after tests found E. coli.", 3),
        ("The council approved a £412 million budget after the group pushed through three measures it backed.", 3),  # not the £412 million
        ("It approved three measures: a tax rise, a levy and a fare freeze.", 0),  # named in the sentence itself
        ("It approved three measures, a tax rise, a levy and a fare freeze.", 0),
        ("Members attached 40 conditions to the permission.", 0),  # too many to be named in the sentences after
        ("Members attached four pages of notes.", 0),  # a count of something else
        ("It approved three measures including a tax rise.", 0),
    ],
)
def test_a_sentence_announces_how_many_of_the_things_asked_the_next_ones_name(sentence, count):
    assert count_announced(sentence, frozenset({"condition", "stretch", "measure"})) == count


def test_a_count_of_a_unit_of_time_announces_nothing_to_be_named():
    assert count_announced("He spent three years at Leeds.", things_asked("What years did Tom Reid spend at Leeds?")) == 0


@pytest.mark.timeout(10)
def test_the_role_and_age_patterns_read_pathological_text_in_linear_time():
    assert holder_asked("Who is the referee of" + " " * 800 + "?x") is None  # took 19 s
    referee = holder_asked("Who was the referee?")
    assert referee is not None and names_holder("Ab " * 3000 + "referee", referee) is False
    assert not has_type("1," * 20_000, "age")  # took 4 s


def test_a_first_name_is_left_out_of_the_topic_only_beside_a_word_the_articles_write_as_a_name():
    capitalised = frozenset({"maria", "okafor", "sandford", "mill"})
    assert "maria" not in _topic_terms("How long did Maria Okafor work at Brampton?", {"okafor", "brampton"}, capitalised)
    assert "maria" in _topic_terms("How long did Maria work at Brampton?", {"brampton"}, capitalised)  # who Maria is, the topic tells
    assert {"sandford", "mill"} <= _topic_terms("How long did Sandford Mill operate?", set(), capitalised)


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        ("Who is the referee?", "Fans booed the referee as Leeds scored."),  # "as" names someone only after a verb naming them
        ("Who is the mayor of Bristol?", "The mayor of Leeds Tom Brady opened the library."),  # another city's mayor
    ],
)
def test_a_role_told_of_another_or_beside_a_name_it_is_not_tied_to_names_no_holder(question, sentence):
    holder = holder_asked(question)
    assert holder is not None and names_holder(sentence, holder) is False


@pytest.mark.parametrize(
    "sentence",
    [
        "Tom Reid, the chairman, said turnout was 62 on Monday.",
        "The death toll was 47.",
        "Manchester United (3) beat Leeds (1).",
        "He died at 3 p.m. on Sunday.",
        "The index turned 100 points.",
        "Smith, 1,200, and more",
    ],
)
def test_a_number_that_is_no_age_does_not_answer_how_old(sentence):
    assert not has_type(sentence, "age")


def test_names_written_as_a_list_are_read_with_their_kinds_and_own_clauses():
    rest = "Tarrow Sports Centre and St Anne's church hall were opened as rest centres."
    [[centre, hall]] = name_lists(rest, frozenset({"tarrow"}))
    assert rest[centre.start : centre.end] == "Tarrow Sports Centre" and hall.kind_stems == {"church", "hall"}
    beds = "The trust runs two hospitals, Ashford General, which has 620 beds, and St Hilda's in Marlow."
    [[general, hilda]] = name_lists(beds, frozenset())
    assert general.own_clause is not None and beds[slice(*general.own_clause)] == ", which has 620 beds," and hilda.own_clause is None
    assert name_lists("Dr Priya Raman, St Hilda's chief executive, said so.", frozenset()) == []  # a comma alone joins no list
    [four] = name_lists("Ashford, Marlow, Tarrow and Fenwick voted.", frozenset({"ashford"}))
    assert len(four) == 4 and not four[-1].kind_stems  # "voted" is no kind of Fenwick


@pytest.mark.parametrize(
    ("question", "told_by", "not_told_by"),
    [
        ("When was the depot built?", {"built", "opened", "construction"}, {"closed", "demolished"}),
        ("When was Frank Ellison born?", {"born", "birth"}, {"died", "married"}),
        ("When did the pit close?", {"closed", "shut", "demolished"}, {"opened", "built"}),
    ],
)
def test_a_question_asking_when_is_told_by_the_words_of_its_event(question, told_by, not_told_by):
    events = events_asked(question)
    assert all(stem(word) in events for word in told_by) and not any(stem(word) in events for word in not_told_by)


@pytest.mark.parametrize("question", ["When was the body found?", "When did the violence start?", "When did the war end?"])
def test_a_question_asking_when_of_an_event_told_in_too_many_words_names_none(question):
    assert events_asked(question) == frozenset()


def test_a_role_held_of_a_body_named_by_its_kind_before_it_is_tied_to_the_name():
    infrastructure = holder_asked("Who is the director of infrastructure at the Corvale Transit Authority?")
    assert infrastructure is not None and names_holder("Tomasz Wilk, the transit authority's director of infrastructure, said so.", infrastructure)
    chief = holder_asked("Who is the chief executive of Wendmoor Water?")
    assert chief is not None and names_holder("Anna Bell, Wendmoor Water's chief executive, said so.", chief)
    assert not names_holder("Anna Bell, the Harlow council's chief executive, said so.", chief)  # another body's


def test_a_count_may_name_what_it_counts_before_its_number():
    assert counts_of("The number of breeding pairs of curlew rose from six in 2018 to 14 in 2023.", counted_things("How many breeding pairs of curlew were there?"))
    assert not counts_of("The number of visitors rose sharply.", frozenset({"visitor"}))


def test_a_question_that_writes_names_capitalised_has_no_name_in_lower_case():
    names = frozenset({"welland", "players", "openai"})
    assert known_names("Which Welland players were booked?", names) == {"welland"}  # "the Thornbury Players" of another article
    assert known_names("which welland players were booked", names) == {"welland", "players"}  # all lower case: its case tells nothing
    assert known_names("why did openai call for a pause", names) == {"openai"}
    assert known_names("why did openai call for a pause on frontier AI", names) == {"openai"}  # typed in lower case: a capital here and there tells nothing
    assert known_names("How many beds does St welland have?", names) == {"welland"}  # after "St", a name's
    assert known_names("How many players at welland (NHS)?", names) == {"welland", "players"}  # an acronym tells no case


def test_an_earlier_time_a_figure_is_set_against_does_not_make_it_an_earlier_one():
    assert not tells_an_earlier_time("Turnout was 34.2 per cent, down from 37.9 per cent at the last election in 2019.", "What was the turnout?")
    assert tells_an_earlier_time("The union last went on strike in 2012, when a 33-day shutdown ended.", "How long did the strike last?")


def test_a_name_is_told_of_by_the_kind_the_question_writes_after_it():
    question = "How many members did the Kestrel pension scheme have?"
    kind = kind_written_after(question, question.index(" pension"))
    assert kind == "pension scheme" and _names_by_its_kind("The pension scheme had 212 members.", [["kestrel"]], [kind])
    assert kind_written_after("Why did OpenAI call for a pause?", len("Why did OpenAI")) is None  # a verb, no kind


def test_what_a_sentence_says_of_a_name_stops_where_it_goes_on_to_another():
    text = "The Green Party has taken control of Fenby Borough Council, after a night in which the Labour council leader lost his own seat."
    assert not premise_reversed("How many seats did the Green Party win?", text, names=frozenset({"green", "parti"}))
    assert premise_reversed("How many seats did the Green Party win?", "The Green Party lost all its seats.", names=frozenset({"green", "parti"}))


def test_a_body_named_by_its_kind_is_the_only_one_of_that_kind_the_article_names():
    one_trust = "The Evergreen Learning Trust took over both schools. The trust said so. Dr Simon Achebe, the trust's chief executive, agreed."
    assert not _another_body_of_its_kind(one_trust, ["evergreen", "learning", "trust"])
    two_councils = "The Greens took Otterbury Borough Council. In the neighbouring Ashcombe District Council, the Tories held on."
    assert _another_body_of_its_kind(two_councils, ["ashcombe", "district", "council"])
    one_council = "On Monday Fenby Borough Council met. The Labour council leader spoke. Fenby council said so."
    assert not _another_body_of_its_kind(one_council, ["fenby", "borough", "council"])


def test_what_a_when_question_asks_the_date_of_is_its_own_verb():
    assert events_asked("When were the election results declared?") == frozenset()  # a noun
    assert events_asked("When did the council move to ban fireworks?") == frozenset()  # leads on to another verb
    assert stem("moved") in events_asked("When did Kestrel move to its works on Tanner Road?")  # to a place
    assert events_asked("When did the newly elected MP for Fenby give her maiden speech?") == frozenset()  # "elected" qualifies "MP"
    assert tells_event("The depot dates from 1889.", frozenset(terms("The depot dates from 1889.")), events_asked("When was the depot built?"))
    built, founded = events_asked("When was the depot built?"), events_asked("When was Harlow Homes founded?")
    assert stem("completed") in built and tells_event("It was set up in 1921.", frozenset(terms("It was set up in 1921.")), founded)


def test_a_lifes_span_tells_the_birth_of_the_one_it_follows_only():
    born, text = events_asked("When was Ronald Robinson born?"), "The historians John Gallagher (1919–1980) and Ronald Robinson wrote."
    assert spans_a_life(text, born, ["john", "gallagher"]) and not spans_a_life(text, born, ["ronald", "robinson"])


@pytest.mark.parametrize(
    "sentence, described",
    [
        ("The school opened in 1954.", True),  # of whatever the sentences before it were about
        ("The club, founded in 1889, has been promoted three times.", True),
        ("It was built in 1890.", True),
        ("Born in Lowthorpe in 1933, she trained as a teacher.", True),
        ("Born Margaret Ann Hewitt in Lowthorpe in 1933, she trained as a teacher.", False),  # a name right after the event
        ("The airfield's wartime control tower, built in 1941, will become a café.", False),  # a thing of its own words
        ("Mill Lane, which opened in 1924, has a capacity of 11,500.", False),  # a name
        ("Welland opened in 1961.", False),
        ("The family firm was founded in 1921.", True),  # a description of two words
        ("In 1862 the hall was built.", True),  # a date before it
        ("His father was born in 1920.", False),  # someone's kin
    ],
)
def test_an_event_is_told_of_a_description_only_where_it_names_nothing_else(sentence, described):
    events = events_asked("When was it built?") | events_asked("When was she born?")
    assert told_of_a_description(sentence, events) is described


@pytest.mark.parametrize(
    "question, told, untold",
    [
        ("Which candidate received the most votes?", "polled 2,311 votes, the highest tally", "Mr Wilk received 1,105 votes."),
        ("Who finished second?", "Euan Pritchard was runner-up.", "Oduya won; Castellano was third."),
        ("Who is the second-largest shareholder?", "Second is Harrowgate Capital.", "Its largest shareholder is the Harcourt fund."),
        ("Which is the busiest stop?", "Canal Basin will be the busiest stop.", "Canal Basin will be the biggest stop."),
        ("What's the most a family can get?", "up to A$2,040 per family", "A$680 per adult"),
        ("Who is Ashgrove's second largest shareholder?", "Second is Harrowgate Capital.", "Its largest shareholder is the Harcourt fund."),
        ("What is Jacksonville's hottest month?", "July is the warmest month.", "July is the wettest month."),
        ("Which team came second?", "Harbour Vets were second.", "Harbour Vets came in the second week."),  # a fixed phrase tells no rank
        ("Who finished in third place?", "Leah Castell claimed bronze.", "Leah Castell ran 51.2 seconds."),
        ("Who is ranked second in the world?", "the world No 2, Ines Duarte", "the world No 12, Ines Duarte"),
        ("Who finished second?", "Pritchard was runner-up in 21 minutes.", "Oduya won in 21 minutes 4 seconds."),  # "seconds" is no rank
        ("Who was runner-up in the women's race?", "Hanna Berg finished second in 2:31:07.", "The women's race was won by Isla McBride."),  # second asked
        ("What was the first school to close?", "The first to close was Ridgeway.", "Ridgeway closed in July."),  # the thing ranked is asked
        ("How many pupils did Warrumbine have at its peak?", "At its peak it had 210 pupils.", "It had 48 pupils in 2005."),  # a highest point asked
    ],
)
def test_a_rank_asked_is_told_in_a_word_of_its_family(question, told, untold):
    ranks = ranks_asked(question)
    assert tells_ranks([told], ranks) and not tells_ranks([untold], ranks)


@pytest.mark.parametrize(
    "question",
    [
        "Who won the race?",  # a win is no rank asked
        "When was the bridge first opened?",  # when, not which
        "Who won for the first time?",
        "How many votes did she get last year?",
        "Did at least 3 councillors vote against?",
        "What do most people think of the plan?",  # "most" counting people
        "How much more will Dunmoor spend on potholes this year than last?",
        "Which came first, the flood alert or the flood warning?",  # a choice: compared by their times
        "Did the plague spread in Scandinavia or Germany first?",
        "What are the latest figures?",  # as often recent as last
        "When was Haven House first given council funding?",  # an adverb before a verb
        "How long did the fighting last?",  # a verb
        "How many weeks will the consultation last?",  # a verb, after a span asked in its unit
        "How do private schools in Ireland differ from most?",  # "most" schools
        "What did the prosecutor tell the jury on the first day of the trial?",  # a noun numbered
        "What was Nordavia's third-quarter pre-tax profit?",
        "Who scored Rovers' second goal?",
        "When did the Second Lode Crossing open?",  # a name
        "How many died in the First World War?",
    ],
)
def test_a_rank_in_a_fixed_phrase_or_a_choice_is_none_asked(question):
    assert ranks_asked(question) == []


def test_a_rank_is_told_of_what_the_question_ranks_or_of_nothing_named():
    question = "Which Tolbridge school had the lowest Progress 8 score?"
    assert tells_rank_of_what_is_asked("Holloway Park Secondary had the lowest, at -0.41.", question)
    assert tells_rank_of_what_is_asked("Holloway Park had the lowest Progress 8 score.", question)
    assert not tells_rank_of_what_is_asked("The lowest farms lie along the river.", "What is the lowest point in Harbor County?")


@pytest.mark.parametrize(
    "question, relation",
    [
        ("Who replaced Gail Hendry as Rovers manager?", ("replaced", "done to")),
        ("Who reports to Nadia Osei?", ("reports", "done to")),
        ("Whom did Fiona Crake warn about the project?", ("warn", "doer")),
        ("Who will Declan Hurst report to after the takeover?", ("report", "doer")),
        ("Who was Simon Achebe criticised by?", ("criticised", "done to")),
        ("Who was Bill Aiken's adopted mother?", None),  # a possessive: no relation by a verb
        ("Who is Gail Hendry?", None),
        ("Who won the race?", None),  # no one named
    ],
)
def test_a_relation_asked_gives_the_name_its_role(question, relation):
    asked = relation_asked(question)
    assert (asked[1:] if asked else None) == relation


def test_a_relation_is_told_the_other_way_round_only_with_the_name_in_the_other_role():
    said = "Gail Hendry, who replaced Steve Rudd in the summer, praised her side."
    assert told_the_other_way("Who replaced Gail Hendry?", said)
    assert not told_the_other_way("Who replaced Steve Rudd?", said)
    assert not told_the_other_way("Who did Gail Hendry replace?", said)
    assert told_the_other_way("Whom did Simon Achebe criticise?", "Simon Achebe was criticised by Morland Audit.")
    assert not told_the_other_way("Who criticised Simon Achebe?", "Simon Achebe was criticised by Morland Audit.")
    assert not told_the_other_way("Who replaced Gail Hendry?", said, others=["Tom Reid replaced Hendry in May."])
    replaced_by = "Steve Rudd was replaced by Gail Hendry as manager in May."  # "by" names the doer
    assert told_the_other_way("Who replaced Gail Hendry?", replaced_by) and not told_the_other_way("Who did Gail Hendry replace?", replaced_by)
    assert relation_asked("Who did Fiona Crake meet?") is None  # a relation both ways: "Tom Keane met Fiona Crake"


def test_the_checks_of_the_eighth_code_review_read_no_more_than_they_should():
    pruitt = frozenset({"dan", "pruitt"})
    assert premise_reversed("Why did Dan Pruitt win?", "Dan Pruitt led after the first count but lost the race.", names=pruitt)
    assert tells_an_earlier_time("Drivers from the Halifax depot last went on strike in 2012, when a 33-day shutdown ended.", "How long did the strike last?")
    assert not counts_of("The number of breeding pairs of curlew has fallen sharply since 2015.", frozenset({"pair"}))
    assert not counts_of("The number of pairs will be counted again on 12 May.", frozenset({"pair"}))
    chief = holder_asked("Who is the chief executive of Wendmoor Water?")
    assert chief is not None and names_holder("Anna Bell, Britain's longest-serving water company chief executive, said so.", chief)
    assert names_ending_in("It has 120 beds, according to Northvale University Hospitals NHS Trust.", "hospital") == []
    assert names_ending_in("The Carlow hospital has 120 beds.", "hospital") == []  # a town before the kind in lower case
    assert names_ending_in("Millbeck Community Hospital opened in 1978.", "hospital") == ["Millbeck Community "]


@pytest.mark.parametrize(
    "question, kind",
    [
        ("Which private equity firm is buying Calderway Guard?", "firm"),
        ("What is the name of Irene Shaw's café?", "café"),
        ("What was the name of the porcelain factory that closed in 2009?", "factory"),
        ("What was the company registered on Caskey called?", "company"),
        ("What was the Gullhaven hotel going to be called?", "hotel"),
        ("Which company currently provides school meals?", "company"),  # the kind nearest "which"
        ("Who is buying Calderway Guard?", None),  # a person, by name or role
        ("What are the names of the two men charged?", None),
        ("Where does Azizi Othman work?", None),  # a name asked, of no kind told
        ("What was the newly renovated hotel called?", "hotel"),  # "renovated" qualifies it
        ("What was the name of the digital service launched under?", "service"),  # a participle before "under" tells of it
        ("What care home did she go to?", "care home"),
        ("What is the name of the company's founder?", None),  # a person
    ],
)
def test_a_question_asking_a_name_names_the_kind_of_thing_it_asks(question, kind):
    assert kind_asked_named(question) == kind


def test_a_kind_told_after_an_indefinite_word_and_no_name_is_left_unnamed():
    assert tells_unnamed("It agreed to sell Calderway Guard to a private equity firm for an undisclosed sum.", "firm")
    assert tells_unnamed("It already collects waste for two neighbouring councils.", "council")
    assert tells_unnamed("Its last porcelain factory closed in 2009.", "factory")
    assert not tells_unnamed("Greenhollow Environmental, a firm based in Stapleford, won the contract.", "firm")  # named before it
    assert not tells_unnamed("It was sold to a firm, Harbour Capital, on Monday.", "firm")  # named after it
    assert not tells_unnamed("The range has three boxes and a broadband router (Sky Q Hub).", "router")
    assert not tells_unnamed("The buyer, Harbour Capital, is a private equity firm based in Leeds.", "firm")
    assert not tells_unnamed("It was sold to a firm: Harbour Capital.", "firm") and not tells_unnamed("They stayed at a hotel named the Gullhaven Arms.", "hotel")
    assert not tells_unnamed("It was spun off into a separate company known today as Visa Inc.", "company")
    assert not tells_unnamed("The firm declined to comment.", "firm")  # "the firm" may be one named before
    assert not tells_unnamed("Donations up to £40,000, by the supermarket chain Farrow's.", "supermarket")  # "the supermarket", after a figure
    assert not tells_unnamed("Harbour Capital is buying it.", "firm")  # no firm told of


def test_an_age_told_after_anothers_name_is_not_the_age_asked():
    attacked = "The court heard that Holcroft attacked Gareth Pennock, 37, outside the Wheatsheaf Inn."
    assert age_of_another(attacked, [words("Joanne Pennock")])  # another first name
    assert age_of_another(attacked, [words("Holcroft")])  # another surname
    assert not age_of_another(attacked, [words("Pennock")]) and not age_of_another(attacked, [words("Mr Pennock")])
    assert not age_of_another("Sir Malcolm Oduya, 71, chairs the inquiry.", [words("Malcolm Oduya")])  # an honorific aside
    assert not age_of_another("The 24-year-old joined Gareth Pennock, 37, at the inn.", [words("Joanne Pennock")])  # an age told otherwise too
    assert not age_of_another("On Tuesday Councillor Gareth Pennock, 37, told the court.", [words("Gareth Pennock")])  # a title and a word before
    assert not age_of_another("Joanne Pennock, 35, and her husband Gareth, 38, were there.", [words("Gareth Pennock")])  # his first name alone
    assert not age_of_another("J. Pennock, 35, was there.", [words("Joanne Pennock")])  # an initial


@pytest.mark.parametrize(
    "question, successor",
    [
        ("Who ran Maltby before Conrad Ashe?", {"conrad", "ashe"}),
        ("Who did Helen Marsh replace?", {"helen", "marsh"}),
        ("Who ran Tarrow Rovers before January?", None),  # a month, no successor
        ("Who was Ashe's predecessor?", {"ashe"}),
        ("Who was the trust's previous chief executive?", set()),  # whoever came after
        ("Who spoke before the vote?", None),  # before an event, not a successor
        ("Who did Castlebrook Rovers play in their previous match?", None),  # no post held
        ("Who spoke before Councillor Reid?", None),
        ("Who held the Thornbury course record before Kibet?", None),  # a record, no post
        ("Who was chief nurse at St Aldhelm's before Priya Shah?", {"priya", "shah"}),
        ("Who won the race?", None),
    ],
)
def test_a_question_of_who_came_before_names_the_successor(question, successor):
    asked = predecessor_asked(question)
    assert (None if asked is None else set(asked)) == successor


def test_who_came_before_is_told_in_the_order_of_the_verb_of_succeeding():
    ashe, welling = frozenset({"conrad", "ashe"}), frozenset({"tom", "welling"})
    took_over = "Conrad Ashe, who took over in January from the long-serving Peter Lund, said so."
    assert tells_predecessor(took_over, ashe) and not tells_predecessor(took_over, frozenset({"peter", "lund"}))
    assert not tells_predecessor("Gareth Nolan, who has led the council since 2011, said so.", frozenset({"gareth", "nolan"}))  # no one before him
    succeeded = "Dr Tom Welling was succeeded by Conrad Ashe in 2025."
    assert tells_predecessor(succeeded, ashe) and not tells_predecessor(succeeded, welling)
    assert tells_predecessor("His predecessor, Angela Hurst, retired in 2021.", ashe, before="Conrad Ashe joined the school in 2021.")  # "his" is Ashe
    assert tells_predecessor("She replaces Dr Tom Welling.", frozenset())  # anyone before whoever came after
    assert not tells_predecessor("Her predecessor had been chief executive for eleven years.", ashe, before="Dr Shah took over from Conrad Ashe.")  # names no one
    assert tells_predecessor("She was succeeded as chief executive by Conrad Ashe.", ashe, before="Ms Fenella Grice stepped down in 2021.")  # "she" named before
    assert tells_predecessor("Maltby has appointed Conrad Ashe, ending its search for a successor to Peter Lund.", ashe)
    assert tells_predecessor("Peter Lund's successor, Conrad Ashe, starts in May.", ashe) and not tells_predecessor("Peter Lund's successor, Conrad Ashe, starts in May.", frozenset({"peter", "lund"}))
    assert tells_predecessor("Peter Lund, replaced by Conrad Ashe in March, retired.", ashe) and not tells_predecessor("Peter Lund, replaced by Conrad Ashe in March, retired.", frozenset({"peter", "lund"}))
    assert tells_predecessor("Peter Lund is to be replaced by Conrad Ashe.", ashe)
    far = "He said the trust would now turn its attention to replacing the maternity unit."  # "he" is not Ashe, who spoke earlier
    assert not tells_predecessor(far, ashe, before="Conrad Ashe was appointed chief nurse. The chief executive, Michael Obi, spoke.")


def test_a_quarters_figure_is_not_the_whole_years():
    year = "Net profit for the year to December 31 rose to $96.3 million, up from $81.6 million a year earlier."
    assert conflicting_details("What was Halvern's net profit in the fourth quarter?", year, year) == ["quarter"]
    assert conflicting_details("What was the annual profit?", "Fourth-quarter profit rose to $20 million.", "") == ["quarter"]
    both = "Fourth-quarter profit rose to $20 million, taking full-year profit to $96 million."
    assert conflicting_details("What was the fourth-quarter profit?", both, both) == []
    assert conflicting_details("What was the profit in the fourth quarter?", "Profit rose to $20 million.", "") == []  # no period stated


def test_a_ratio_is_asked_only_where_it_is_what_is_asked():
    assert expected_type("What staffing ratio do the Wyndale nurses want?") == "ratio"
    assert expected_type("What is the pupil-teacher ratio at Kilbride?") == "ratio"
    assert expected_type("What did Holloway say about the ratio?") != "ratio"  # what she said
    assert expected_type("What would the night staffing ratio cost?") == "money"  # what it costs
    assert has_type("The pupil-teacher ratio at Kilbride is now 17.4, the council said.", "ratio")
    assert has_type("Nurses want one nurse to every three patients.", "ratio") and not has_type("Mandated ratios would be inflexible.", "ratio")


def test_an_everyday_word_is_read_as_another_only_where_it_has_no_other_meaning():
    assert written_as(stem("students"), {stem("pupils")}) and written_as(stem("redundancies"), {stem("jobs")})
    assert not written_as(stem("sacked"), {stem("dismissed")})  # "dismissed the claim"
    assert not written_as(stem("queue"), {stem("line")})  # "the tram line"


@pytest.mark.parametrize(
    ("question", "sentence", "names_them"),
    [
        ("Which judge sentenced Gary Lydgate?", "District Judge Anthony Vance told him: \"Asbestos is not ordinary rubbish.\"", True),
        ("Which judge sentenced Gary Lydgate?", "The judge said he had stepped back from a custodial sentence.", False),
        ("Who refereed the match against Kenmore Athletic?", "Referee Paul Whitcombe booked Coyle and Bell.", True),
        ("Who chairs Eastholm District Council's planning committee?", "Committee chairwoman Cllr Janet Orme said so.", True),  # "Committee" is whose role no one's
        ("Who speaks for Eastholm District Council?", "A spokeswoman for the council, Lucy Barraclough, said so.", True),
        ("Who speaks for Eastholm District Council?", "Greyfield's land director, Martin Crowe, said so.", False),  # another officer
        ("Who manages Ashby Town?", "Kenmore manager Ian Grealish said so.", False),  # another club's
        ("Who chairs the governors at Larkfield Primary School?", "The Rev Tom Askew, vicar of St Anne's and chair of governors, said so.", True),
    ],
)
def test_a_role_asked_after_which_or_by_what_its_holder_does_is_read_as_one(question, sentence, names_them):
    holder = holder_asked(question)
    assert holder is not None and names_holder(sentence, holder) is names_them


@pytest.mark.parametrize(
    ("question", "sentence", "names_them"),
    [
        ("Who is Ardlow Coaches' managing director?", "Ardlow Coaches' operations director, Declan Fahy, said so.", False),  # another director
        ("Who is Carverton's city manager?", "Plant manager Rick Delgado said so.", False),
        ("Who is the deputy headteacher of Larkfield Primary School?", "Headteacher Claire Dunmore said so.", False),  # no deputy
        ("Who is the deputy headteacher of Larkfield Primary School?", "Deputy headteacher Ann Lee said so.", True),
        ("Who is Wendmoor's managing director?", "Wendmoor's managing director, Ann Shaw, said so.", True),  # whose, then which
        ("Which district judge heard the case?", "District Judge Anthony Vance told him.", True),
        ("Who is the club's head coach?", "Tarn Harriers coach Joe Birch said so.", True),  # no other qualifier written
    ],
)
def test_a_role_qualified_otherwise_than_asked_is_another_role(question, sentence, names_them):
    holder = holder_asked(question)
    assert holder is not None and names_holder(sentence, holder) is names_them


def test_which_asks_a_holder_only_by_a_role_followed_by_what_it_did():
    assert holder_asked("Which official figures were used?") is None  # "official figures" name a kind
    assert holder_asked("Which judge fined Gordon Vickery?").about == frozenset({"gordon", "vickery"})  # whose article names the judge


def test_a_relation_is_told_from_its_other_side_by_the_other_sex_only_where_it_may_be_theirs():
    assert relation_sides(stem("father")) == (frozenset({"father", "dad", "daddi"}), frozenset({"son", "daughter", "child"}))
    assert relation_sides(stem("boss")) == (frozenset(), frozenset())  # no relation
    assert of_the_other_sex(stem("mother"), words("Fiona Corrin is the daughter of Hugh Corrin, who opened a shop with a van he had bought."))
    assert not of_the_other_sex(stem("father"), words("Vickery lets flats through an agency run by his daughter, Emma Stroud."))
    assert not of_the_other_sex(stem("mother"), words("Danvers is the son of manager Lee Danvers."))  # no one's sex told


def test_who_did_what_to_a_name_is_read_past_a_participle_a_relative_and_a_role_before_a_name():
    assert roles_in("Ridgeway Construction, founded in 1988 by brothers Frank and Derek Ridgeway, was sold.", frozenset({"ridgeway", "construction"}), "founded") == {"done to"}
    assert roles_in("It was sold in 2018 to Transvia Group, which now owns it.", frozenset({"transvia", "group"}), "owns") == {"doer"}
    assert roles_in('Rathkeel coach Brendan Foley said: "Dara was everywhere."', frozenset({"rathkeel"}), "coaches") == set()  # a role's name
    assert roles_in("Coorabin Water, which is wholly owned by Coorabin Shire Council, asked for more.", frozenset({"coorabin", "water"}), "owns") == set()  # another name
    assert told_the_other_way("Who owns Transvia Group?", "It was sold by the Ashbury family in 2018 to Transvia Group, which now owns it.")


def test_who_owns_or_bought_something_asks_a_name_of_a_person_or_a_company():
    assert expected_type("Who owns Ardlow Coaches?") == "name" and expected_type("Who bought the shop?") == "name"
    assert expected_type("Who is the owner?") == "person"


def test_an_amount_is_asked_by_its_name_after_a_name_of_any_shape():
    assert expected_type("What is Ardlow Coaches' annual turnover?") == "money"
    assert expected_type("What was Stanek Tool & Die's profit last year?") == "money"
    assert expected_type("What is Hollin's Bakery's monthly rent?") == "money"


def test_a_count_of_people_is_one_of_people_under_any_of_their_names():
    assert counts_people("Fourteen people now work there.") and counts_people("The firm employs 140 staff.") and counts_people("Glenarrow Primary has 34 pupils.")
    assert counts_people("A crowd of 41,200 watched.")
    assert not counts_people("Hollin's Bakery turns out around 900 loaves a week.") and not counts_people("It was celebrating four decades on Quay Street.")


def test_a_count_of_people_may_count_them_as_a_whole():
    assert counts_people("Once the layoffs are complete, the workforce will stand at 310, down from 395 a year ago.")
    assert counts_people("The village has a population of 4,200.") and counts_people("Staff numbers fell to 44.")
    assert not counts_people("A membership fee of £30 applies.") and not counts_people("The workforce has shrunk since 2019.") and not counts_people("Enrolment rose 12% this year.")


def test_a_time_in_a_match_answers_when_and_is_asked_of_who_did_it():
    assert has_type("Adeyemi lobbed Kershaw from 25 yards in the 74th minute to make it 2-2.", "time")
    assert has_type("Vance scored his second of the night at 12:44 of the third period.", "time") and has_type("It was 10-10 at half-time.", "time")
    assert scorer_asked("When did Tobi Adeyemi score his second goal?") == "adeyemi" and scorer_asked("When did Moran score his try?") == "moran"
    assert scorer_asked("When will Emberline be profitable?") is None  # no score asked: its sentences may leave the firm to "we"
    assert scorer_asked("When was Margaret Ellison born?") is None


def test_a_reason_is_told_by_what_followed_and_by_what_held_something_up():
    assert tells_reason("Ms Corrin said the counter was no longer viable following a steep fall in the number of customers.")
    assert tells_reason("The start was delayed by 20 minutes after a car broke down at Mill Bridge.")
    assert tells_reason("Ardlow Coaches put those delays down to roadworks on the Ballinore Road.")
    assert not tells_reason("The post office counter, however, will close at the end of April.")
    assert not tells_reason("He has since left the company after nine years.")  # "after" of no stop or closure


def test_what_the_code_review_of_roles_matches_and_reasons_found_is_read_as_it_is():
    assert roles_in("Sarah Pennock defeated Tom Aldous by 312 votes.", frozenset({"sarah", "pennock"}), "defeat") == {"doer"}  # a margin, not a passive
    assert roles_in("Leeds beat Hull 3-1 on Saturday.", frozenset({"leeds"}), "beat") == {"doer"}  # a verb, not a role's name
    assert holder_asked("Who managed to escape through a window?") is None  # no manager asked
    assert holder_asked("Which judge jailed Gary Lydgate on Friday?").about == frozenset({"gary", "lydgate"})  # not "friday"
    assert not has_type("The council debated the plan for 90 minutes.", "time") and not has_type("Minutes of the meeting were published.", "time")
    assert not tells_reason("Following the fete, a concert was held on the green.") and not tells_reason("The shop closed at 5pm after a busy day.")
    assert not tells_reason("The street was evacuated shortly after midnight.")
    assert asks_people_count("How many people does Hollin's Bakery employ?") and asks_people_count("How many staff work at the plant?")
    assert not asks_people_count("How many people were injured in the crash?") and not asks_people_count("How many people signed the petition?")


def test_a_placing_asked_by_where_is_no_place():
    assert asks_placing("Where did Kyle Brennan finish in the Dunmore Bay Marathon last year?") and expected_type("Where did Kyle Brennan finish in the marathon?") is None
    assert asks_placing("Where does this week's River Lyne peak rank on the gauge record?") and asks_placing("In what place did she finish?")
    assert not asks_placing("Where did the march finish?") and expected_type("Where did the march finish?") == "place"
    assert not asks_placing("Where does Amira Haddad come from?") and expected_type("Where did Storm Darragh come ashore?") == "place"
    assert expected_type("In which place did the fire start?") == "place" and not asks_placing("Where did Tom Reilly end up after the crash?")
    assert tells_placing('"Last year I was 19th."') and tells_placing("He finished fourth in 2:16:40.") and tells_placing("the second-highest level on record")
    assert not tells_placing("It reopened for the first time in May.") and not tells_placing("Kellford struggled in the second half.")
    assert not tells_placing("The fire broke out last night.") and not tells_placing("The council met last Tuesday.")


def test_a_place_may_be_told_from_another():
    assert has_type("The smallest site is a field on Birchmount Road, at the back of the Westgate subdivision.", "place", "Where is the Birchmount Road site?")
    assert has_type("Drivers must use the Depot Street Bridge, about a mile and a half downstream.", "place", "Where is the Depot Street Bridge?")
    assert not has_type("The Depot Street Bridge was inspected in November.", "place", "Where is the Depot Street Bridge?")
    assert not has_type("The council said it would err on the side of caution.", "place", "Where will the school be built?")
    assert not has_type("Parents said the head stood firmly on the side of the parents.", "place", "Where will the school be built?")


def test_a_correction_of_an_earlier_telling_is_told_as_one():
    assert tells_correction("The crash happened at about 6.25am, not 6.40am as first stated.")
    assert tells_correction("Five people were hurt, two more than first reported.") and tells_correction("The river's peak has been revised up to 4.25 metres.")
    assert not tells_correction("The crash happened at about 6.40am.") and not tells_correction("It was not open, as planned.")
    assert not tells_correction("The fault was corrected within an hour.") and not tells_correction("The timetable was revised in 2019.")


def test_a_score_at_half_time_is_asked_and_told_at_the_break():
    assert asks_half_time_score("What was the half-time score in Kellford v Marsden Vale?") and asks_half_time_score("What was the score at the break?")
    assert not asks_half_time_score("What was the final score?")
    assert tells_half_time_score("A Whitlock penalty two minutes before the break gave Kellford a 15-7 lead at half-time.") and tells_half_time_score("It was 10-10 at half-time.")
    assert not tells_half_time_score("Stourby beat Ashcombe 31-10 in the other semi-final.") and not tells_half_time_score("Smith came on at half-time.")


def test_a_share_of_an_amount_asks_money_and_a_name_holds_no_opposite():
    assert expected_type("What was Ashford Falls' share of the Millbrook Street Bridge cost in 2024?") == "money"
    best = "The cost of rebuilding the Millbrook Street Bridge has jumped to $6.5 million."
    assert not premise_reversed("By how much will Ashford Falls' share of the Millbrook Street Bridge cost rise?", best)  # "Falls" is a name's
    assert premise_reversed("Why did the cost of the bridge fall?", best)
    assert premise_reversed("When will the Upper Market Hall reopen?", "The Lower Market Hall will reopen on 1 June.")  # a name's first word sets it apart


def test_a_rank_is_not_told_by_how_something_was_first_reported_and_is_told_by_before():
    assert not tells_ranks(["Five people were hurt, two more than first reported."], ranks_asked("What did the lorry hit first?"))
    assert tells_ranks(["The lorry struck the back of a hatchback before hitting a minibus."], ranks_asked("What did the lorry hit first?"))
    assert tells_ranks(["The lorry ploughed through a fence and then hit a parked van."], ranks_asked("What did the lorry hit first?"))


def test_a_value_before_a_change_is_asked_and_told_as_the_old_one():
    assert asks_former("What was the Dunmore Bay Marathon course record before this year's race?") and asks_former("What was the old closing time of the library?")
    assert not asks_former("What is the course record?")
    assert tells_former("The old record of 2:13:05 had stood since 2019.") and tells_former("A ten-visit pass will go up from $58 to $64.") and tells_former("It will close at 6pm instead of 8pm.")
    assert not tells_former("Peter Lagat broke the course record on Sunday.")


def test_what_came_after_an_event_is_read_and_one_unnamed_is_told_by_age():
    assert event_after_asked("What happened after the vote to grant permission for the wind farm?") == "vote" and event_after_asked("What happened at the vote?") is None
    assert tells_after("After the vote, about 40 residents left the public gallery.", "vote") and not tells_after("The vote was carried by 21 votes to 9.", "vote")
    assert has_type("The lorry driver, a 52-year-old man from Darnton, was arrested at the scene.", "person", "Who was arrested after the crash?")  # one told by age


def test_a_tally_is_asked_and_told_with_its_vote_anywhere_in_the_sentence():
    assert asks_tally("What was the council vote on cutting Wattle Creek library hours?") and asks_tally("How did councillors vote on the plan?") and asks_tally("What was the final score?")
    assert not asks_tally("What was the vote date?") and not asks_tally("What was the result of the inquiry?")
    assert not asks_tally("What was the turnout in the vote?") and not asks_tally("What was the date of the vote?")
    assert tells_tally("The vote at Wednesday's council meeting was 6-3.") and tells_tally("The main vote was then carried by 21 votes to 9.")
    assert not tells_tally("The council meets on 5-6 May.")


def test_what_someone_did_in_words_is_asked_and_told_by_any_form_of_its_verb():
    assert act_asked("What did Karen Osei promise?") == ("Karen Osei", "promise")
    assert act_asked("What did the inspectorate recommend for the maternity unit?") == ("the inspectorate", "recommend")
    assert act_asked("What did Andrea Boudreau call for?") == ("Andrea Boudreau", "call for")
    assert act_asked("What did Karen Osei say?") is None and act_asked("Who promised a relief ferry?") is None
    assert act_asked("Does the Traders' Association support the repairs?") == ("the Traders' Association", "support")
    assert tells_act('"We back the repairs," he said.', "support") and tells_act("The forum opposed it.", "support") and not tells_act("at the back of the hall", "back")
    assert tells_act("She promised that all drains would be cleared by Christmas.", "promise") and tells_act("The report made 17 recommendations.", "recommend")
    assert tells_act("Its chairman called on the council to act.", "call for") and tells_act("Mr Reddaway denied it.", "deny")
    assert not tells_act("What their union called an insulting pay offer.", "call for") and not tells_act("She said the roads were dangerous.", "warn")


def test_a_date_written_day_first_is_a_day():
    asked = "From what date will the weight limit on Harnley Bridge apply?"
    assert has_type("The council will introduce the weight limit from 16 March.", "day", asked) and has_type("It opens on the 3rd of May.", "day", asked)
    assert not has_type("It opens in May.", "day", asked) and not has_type("The 16 members met.", "day", asked)
