"""Ghost's ids are 24 hexadecimal characters (MongoDB ObjectIds), and some clients check that.

Masthead's rows have integer keys in several tables that Ghost treats as one kind of thing (a
tag is a section or a keyword tag), so an id is the kind in the first two digits and the key in
the other 22: "01" + "00000000000000000000" + "2a" is the article with key 42.
"""

KINDS = {"post": 1, "page": 2, "author": 3, "section": 4, "tag": 5, "tier": 6}
_BY_NUMBER = {number: kind for kind, number in KINDS.items()}


def encode(kind, pk):
    return f"{KINDS[kind]:02x}{int(pk):022x}"


def decode(value):
    """(kind, pk) for a Ghost id, or (None, None) if it is not one of ours."""
    if not isinstance(value, str) or len(value) != 24:
        return None, None
    try:
        number, pk = int(value[:2], 16), int(value[2:], 16)
    except ValueError:
        return None, None
    return _BY_NUMBER.get(number), pk
