"""When two sentences state the same fact (``rag.corroboration.same_fact``): plain text, no index."""

from rag.corroboration import same_fact

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


def test_a_count_written_out_is_a_figure_too():
    assert not same_fact("The fire destroyed at least six homes.", "In Alferce, 9 houses were destroyed by the fire.", 0.85, 0.72, True)
    assert same_fact("The fire destroyed at least six homes.", "Six houses were destroyed by the fire.", 0.85, 0.72, True)
    assert same_fact("One of the two runways reopened.", "A runway reopened on Monday.", 0.85, 0.72, True)  # "one" is seldom a count
