"""The editors' synonyms (search.models.Synonym) applied to the words of a query.

Each synonym is one step: a query word is expanded with its equivalents, never with the
equivalents' own synonyms, so loops (A ↔ B, B ↔ A) cannot grow a query.
"""

from pluginnovation.search.models import Synonym, key, phrase

# The equivalents one phrase may add to a query.
MAX_EQUIVALENTS = 8


def synonym_map():
    """{folded phrase: [phrases it also finds]}."""
    found = {}

    def add(source, target):
        if source and target and key(source) != key(target):
            targets = found.setdefault(key(source), [])
            if target not in targets and len(targets) < MAX_EQUIVALENTS:
                targets.append(target)

    for synonym in Synonym.objects.all():
        word = phrase(synonym.word)
        for equivalent in map(phrase, synonym.equivalent_list()):
            add(word, equivalent)
            if synonym.two_way:
                add(equivalent, word)
    return found


def group(words, synonyms):
    """The query words in units: [(words, [equivalent phrases])], the longest phrase with
    synonyms taken first."""
    longest = max((len(k) for k in synonyms), default=0)
    units = []
    i = 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 0, -1):
            equivalents = synonyms.get(key(words[i : i + size]))
            if equivalents:
                units.append((tuple(words[i : i + size]), equivalents))
                i += size
                break
        else:
            units.append(((words[i],), []))
            i += 1
    return units
