"""Chinese-aware text for the search index.

Neither SQLite's FTS5 tokenizer (unicode61) nor PostgreSQL's default parser segments Chinese: a run
of Han characters becomes one token, so "深圳" never matches "深圳的硬件创业". We index every run of
Han characters as overlapping bigrams plus single characters (the approach of Lucene's CJK
analyzer) and turn queries into bigrams the same way. No dictionary to ship or load, identical on
both databases; the cost is a somewhat larger index for Chinese articles.
"""

import re

HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# What a query may contain: letters, digits and Han characters; everything else is a separator.
# Stripping operators and quotes keeps FTS syntax out of the backend's query parser.
QUERY_NOISE = re.compile(r"[^\w\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+", re.UNICODE)
MAX_QUERY_TERMS = 12


def han_tokens(run, *, unigrams=True):
    if len(run) == 1:
        return [run]
    bigrams = [run[i : i + 2] for i in range(len(run) - 1)]
    return (list(run) + bigrams) if unigrams else bigrams


def index_text(text):
    """The text plus, for each Han run, its characters and bigrams as separate tokens."""
    extra = []
    for run in HAN_RUN.findall(text):
        extra.extend(han_tokens(run))
    return text if not extra else text + "\n" + " ".join(extra)


def query_terms(query):
    """Normalise a reader's query into backend-safe terms; Han runs become their bigrams."""
    terms = []
    for word in QUERY_NOISE.sub(" ", query).split():
        for piece in re.split(f"({HAN_RUN.pattern})", word):
            if not piece or piece == "_":
                continue
            if HAN_RUN.fullmatch(piece):
                terms.extend(han_tokens(piece, unigrams=False))
            else:
                terms.append(piece.strip("_"))
    seen, unique = set(), []
    for term in terms:
        if term and term.lower() not in seen:
            seen.add(term.lower())
            unique.append(term)
    return unique[:MAX_QUERY_TERMS]
