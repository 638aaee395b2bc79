"""When two sentences state the same fact (``rag.corroboration.same_fact``): plain text, no index."""

from rag.corroboration import details_differ, same_fact
from rag.details import stated_details

PIPES = "Riverton still has roughly 6,200 lead pipes connecting homes to the water mains."
LINES = "The utility estimates that 6,200 lead service lines remain."


def test_close_sentences_state_the_same_fact():
    assert same_fact("Anthropic urges a global pause.", "Anthropic called for a pause worldwide.", 0.8, 0.72, True)
    assert not same_fact("Anthropic urges a global pause.", "Anthropic called for a pause worldwide.", 0.7, 0.72, True)


def test_a_shared_telling_figure_is_enough_between_two_articles_not_within_one():
    assert same_fact(PIPES, LINES, 0.58, 0.72, other_article=True)
    assert not same_fact(PIPES, LINES, 0.58, 0.72, other_article=False)
    assert not same_fact(PIPES, LINES, 0.45, 0.72, other_article=True)  # under SAME_FIGURE_SIMILARITY


def test_a_year_is_no_telling_figure():
    assert not same_fact("Its budget was set in 2025.", "Bills were last raised in 2025.", 0.6, 0.72, True)


def test_a_denial_or_another_figure_is_another_fact_however_close():
    assert not same_fact("Anthropic is calling for a stop.", "Anthropic is not calling for a stop.", 0.95, 0.72, True)
    assert not same_fact("About 41,000 households must boil water.", "Tens of thousands of households must boil water.", 0.95, 0.72, True)
    assert not same_fact("The fare rises to $2.75.", "The fare rises to $3.", 0.95, 0.72, True)


def test_declining_to_comment_or_quoting_other_words_is_another_statement_however_close():
    said = "Tamsin Holdings, its largest investor, said on Monday that the revised proposal still undervalued the company."
    assert not same_fact(said, "Its largest investor, Tamsin Holdings, declined to comment.", 0.95, 0.72, True)
    assert not same_fact('Council leader Priya Dunmore described the budget as "fair and balanced".', 'Council leader Priya Dunmore called it "a responsible budget".', 0.95, 0.72, True)
    assert same_fact('Dunmore described the budget as "fair and balanced".', "Dunmore called the budget fair and balanced.", 0.95, 0.72, True)  # told in other words
    assert same_fact('Dunmore said it was "fair and balanced".', 'Dunmore described the budget as "fair and balanced".', 0.95, 0.72, True)  # one quotation


def test_a_count_written_out_is_a_figure_too():
    assert not same_fact("The fire destroyed at least six homes.", "In Alferce, 9 houses were destroyed by the fire.", 0.85, 0.72, True)
    assert same_fact("The fire destroyed at least six homes.", "Six houses were destroyed by the fire.", 0.85, 0.72, True)
    assert same_fact("One of the two runways reopened.", "A runway reopened on Monday.", 0.85, 0.72, True)  # "one" is seldom a count


HERALD_TOLL = "At least 12 people were killed when the market roof collapsed shortly after 9 a.m. on Tuesday, officials said."
WIRE_TOLL = "Fourteen people were killed when the market roof collapsed shortly after 9 a.m. on Tuesday, officials said."


def test_two_accounts_of_one_event_that_differ_in_a_detail_are_not_one_fact():
    """Outlets that tell one event with another count (of people, whatever word counts them), share,
    amount, day, month, title or speaker are two accounts, however close: a figure they share ("9 a.m.",
    "2006") does not make them one."""
    assert not same_fact(HERALD_TOLL, WIRE_TOLL, 0.95, 0.72, True)
    for one, other in [
        ("Turnout was 47 percent, the highest since 2006.", "Turnout reached 52 percent, the highest since 2006."),
        ("The mill got a $2.3 million tax credit in 2019.", "The mill got $3.2 million in tax credits in 2019."),
        ("Haldane conceded on Wednesday afternoon outside City Hall.", "Haldane conceded on Thursday morning outside City Hall."),
        ("Kessler, 58, pleaded guilty in October to wire fraud.", "Kessler, 58, pleaded guilty in November to wire fraud."),
        ('"It was a betrayal," said District Attorney Rosa Kemp.', '"It was a betrayal," said Assistant District Attorney Rosa Kemp.'),
        ("Harrowgate's chief executive, Marta Lindqvist, said the decision was painful.", "Harrowgate president Marta Lindqvist said the decision was painful."),
        ('"No one is alive," police spokeswoman Anna Kovic told reporters.', '"No one is alive," Fire Chief Tomas Reiher told reporters.'),
        ("Around 2,500 people were evacuated from the valley.", "Some 3,000 residents were evacuated from the valley."),  # people either way
    ]:
        assert details_differ(one, other), (one, other)
        assert not same_fact(one, other, 0.95, 0.72, True), (one, other)


def test_a_detail_only_one_account_gives_is_no_difference():
    """What one sentence adds ("which began March 3", "over four years") is not told otherwise by
    the other; nor are two names of one place ("the United States", "the U.S.")."""
    for one, other in [
        ("The strike ended after 11 days on Thursday.", "The 11-day strike, which began March 3, ended Thursday."),
        ("The contract costs $96 million over four years.", "The $96 million deal ends the 11-day strike."),
        ("Vargas will join his team-mates in the United States.", "Vargas will fly out to join the squad on its tour of the U.S., in Chicago and Seattle."),
        ("Marta Lindqvist, the chief executive, said the plant would close.", "The chief executive said the plant would close, Lindqvist told staff."),
    ]:
        assert not details_differ(one, other), (one, other)
    assert same_fact("The strike ended after 11 days on Thursday.", "The 11-day strike ended on Thursday.", 0.9, 0.72, True)


def test_one_figure_written_two_ways_is_one_figure_and_names_that_are_no_speakers_are_no_difference():
    """What a review of the first version found: "£14.8m" is "£14.8 million" (and "£5m" is not
    "£5bn"); a team or a place is no one who said it; "Bell said" names Ruth Bell; "AG" in a company's
    name is no attorney general; "Ex-CEO" is "Former CEO"."""
    for one, other in [
        ("The council will spend £14.8m on the flood wall.", "The council will spend £14.8 million on the flood wall."),
        ("The storm left 40,000 homes without power.", "The storm left 40k homes without power."),
        ("Okonkwo's late header gave Castlebridge United a 3-2 win.", "Okonkwo's late header gave Castlebridge a 3-2 win over Dunmore Rovers."),
        ("Council leader Ruth Bell said the work would take about 18 months.", "Bell said the work would take 18 months, according to council engineer Tom Price."),
        ("Volkswagen AG said sales fell.", "Volkswagen's chief executive said sales fell."),
        ("Ex-CEO Sam Hart was charged on Monday.", "Former CEO Sam Hart was charged on Monday."),
        ("The committee's vice-chair, Ruth Bell, resigned.", "The committee's vice chair, Ruth Bell, resigned."),
    ]:
        assert not details_differ(one, other), (one, other)
    for one, other in [
        ("The council approved £5m for flood defences.", "The council approved £5bn for flood defences."),
        ("The storm brought winds of 90mph to the coast.", "The storm brought winds of 70mph to the coast."),
        ("Kessler was arrested on March 14, 2024.", "Kessler was arrested on March 15, 2024."),
    ]:
        assert details_differ(one, other), (one, other)


def test_a_paper_named_after_a_day_states_no_day():
    """"the Sunday Times" and "the Mail on Sunday" are papers: an account naming one tells no other day
    than an account saying "on Monday"; "on Sunday" does."""
    for paper in ("told the Sunday Times", "wrote in the Mail on Sunday", "told the Sunday Telegraph"):
        assert not details_differ(f"Kessler {paper} that he would appeal.", "Kessler said on Monday that he would appeal."), paper
    assert details_differ("Kessler said on Sunday that he would appeal.", "Kessler said on Monday that he would appeal.")
    assert stated_details("what did anna kessler tell the sunday times?") == {}  # typed in lower case, still the paper
    assert stated_details("On Thursday Independent councillors voted.") == {"weekday": {"thurs"}}  # a day, then a party


def test_a_state_and_its_end_are_two_facts_however_close():
    assert not same_fact("A boil-water notice has been issued for Matai Flats.", "The boil-water notice for Matai Flats has been lifted.", 0.95, 0.72, True)
    assert not same_fact("Police have closed Mill Lane.", "Mill Lane has been reopened.", 0.95, 0.72, True)
    assert same_fact("Police have closed Mill Lane.", "Mill Lane was closed by police.", 0.95, 0.72, True)  # one state, told twice
    assert same_fact("Trains resumed on the Kelby line, Network Rail said.", "Network Rail issued a statement saying trains were running again on the Kelby line.", 0.95, 0.72, True)  # a statement is no state
