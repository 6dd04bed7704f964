"""Speed up big alternations of regular expressions with literal pre-checks.

Python's re engine tries every branch of an alternation at every position, so a pattern
with dozens of phrase families costs far more than the few words it could ever match.
AlternationSearcher splits a pattern into its top-level branches and, for each branch,
finds a literal string that any match must contain. A branch's regex is run only when its
literal occurs in the text (a plain substring test), which keeps results identical."""

import re

try:
    from re import _constants as sre_constants
    from re import _parser as sre_parse  # Python 3.11+
except ImportError:  # pragma: no cover
    import sre_constants
    import sre_parse

_LITERAL, _SUBPATTERN = sre_constants.LITERAL, sre_constants.SUBPATTERN
_MAX_REPEAT, _MIN_REPEAT = sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT
_BRANCH, _IN = sre_constants.BRANCH, sre_constants.IN


def split_top_level(pattern):
    """Split pattern on '|' that are at depth 0, or inside one outer (?:...) group that spans
    the whole pattern (allowing a leading \\b). Returns (prefix, branches, suffix)."""
    prefix, body, suffix = "", pattern, ""
    match = re.match(r"^((?:\\b)?)\(\?:(.*)\)((?:\\b)?)$", pattern, re.S)
    if match and _balanced(match.group(2)):
        prefix, body, suffix = match.group(1), match.group(2), match.group(3)
    branches, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if body[i + 1 : i + 2] == "]":
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            branches.append(body[start:i])
            start = i + 1
        i += 1
    branches.append(body[start:])
    return prefix, branches, suffix


def _balanced(body):
    depth, i, in_class = 0, 0, False
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return False
        i += 1
    return depth == 0


def _gates(items):
    """Return gates for a parsed sequence: tuples of literals, one of which every match contains."""
    gates, current = [], []
    for op, arg in items:
        if op == _LITERAL:
            current.append(chr(arg))
            continue
        if current:
            gates.append(("".join(current),))
            current = []
        if op == _SUBPATTERN:
            gates.extend(_gates(arg[-1]))
        elif op in (_MAX_REPEAT, _MIN_REPEAT) and arg[0] >= 1:
            gates.extend(_gates(arg[2]))
        elif op == _BRANCH:
            options = []
            for seq in arg[1]:
                best = _best(_gates(list(seq)))
                if not best:
                    options = None
                    break
                options.extend(best)
            if options:
                gates.append(tuple(sorted(set(options))))
    if current:
        gates.append(("".join(current),))
    return gates


def _best(gates, min_literal=1):
    usable = [gate for gate in gates if min(len(lit.strip()) for lit in gate) >= min_literal]
    if not usable:
        return None
    return max(usable, key=lambda gate: (min(len(lit.strip()) for lit in gate), -len(gate)))


def required_literals(pattern, flags=0, min_literal=3):
    """Literals of which every match of pattern contains at least one (None if unknown)."""
    if flags & re.IGNORECASE:
        return None
    try:
        parsed = sre_parse.parse(pattern, flags)
    except re.error:
        return None
    return _best(_gates(list(parsed)), min_literal)


def literal_gate(regex, min_literal=3):
    """Literals one of which every match of the compiled `regex` contains, one or more from each
    top-level branch; None when some branch has none (or the regex ignores case). Text holding
    none of them cannot match, so a substring test can skip the regex."""
    _prefix, branches, _suffix = split_top_level(regex.pattern)
    found = set()
    for branch in branches:
        literals = required_literals(branch, regex.flags, min_literal)
        if not literals:
            return None
        found.update(literals)
    return tuple(sorted(found))


class AlternationSearcher:
    """search(text) behaves like bool(re.search(pattern, text)) but runs faster."""

    def __init__(self, pattern, flags=0, min_literal=3):
        prefix, branches, suffix = split_top_level(pattern)
        self._gated, self._always = [], []
        for branch in branches:
            regex = re.compile(prefix + "(?:" + branch + ")" + suffix, flags)
            literals = required_literals(branch, flags, min_literal)
            if literals:
                self._gated.append((literals, regex))
            else:
                self._always.append(regex)
        self.pattern = pattern

    def search(self, text):
        """Return the first match object found (not necessarily the leftmost), or None."""
        for literals, regex in self._gated:
            if any(literal in text for literal in literals):
                match = regex.search(text)
                if match:
                    return match
        for regex in self._always:
            match = regex.search(text)
            if match:
                return match
        return None


def _trie_regex(words):
    """A regex matching any of words, built as a trie so each position costs little."""
    trie = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node):
        terminal = "" in node
        children = [(ch, child) for ch, child in sorted(node.items()) if ch != ""]
        if not children:
            return ""
        parts = [re.escape(ch) + build(child) for ch, child in children]
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        return "(?:" + body + ")?" if terminal else body

    return re.compile("(?=(" + build(trie) + "))")


class PatternSet:
    """A list of (key, pattern): matching(text) returns the keys whose pattern matches, in order.

    Every branch of every pattern is gated by literals (see AlternationSearcher). One
    trie-shaped scan finds the literals present, and only the branches they unlock run."""

    def __init__(self, entries, flags=0, min_literal=3):
        self._keys = []
        self._branches = []  # (entry index, compiled branch)
        self._ungated = []  # branch ids that always run
        literal_branches = {}
        for index, (key, pattern) in enumerate(entries):
            self._keys.append(key)
            prefix, branches, suffix = split_top_level(pattern)
            for branch in branches:
                branch_id = len(self._branches)
                self._branches.append(
                    (index, re.compile(prefix + "(?:" + branch + ")" + suffix, flags))
                )
                literals = required_literals(branch, flags, min_literal)
                if literals:
                    for literal in literals:
                        literal_branches.setdefault(literal, set()).add(branch_id)
                else:
                    self._ungated.append(branch_id)
        literals = list(literal_branches)
        self._scan = _trie_regex(literals) if literals else None
        # A literal found in the text also proves every literal it contains.
        self._unlocks = {}
        for found in literals:
            ids = set()
            for literal in literals:
                if literal in found:
                    ids |= literal_branches[literal]
            self._unlocks[found] = ids

    def candidates(self, text):
        """Return the entry indices that might match text (a superset of those that do)."""
        ids = set(self._ungated)
        if self._scan is not None:
            for found in set(self._scan.findall(text)):
                if found:
                    ids |= self._unlocks[found]
        return sorted({self._branches[branch_id][0] for branch_id in ids})

    def matching(self, text):
        """Return the keys (in entry order, without repeats) whose pattern matches text."""
        candidates = set(self._ungated)
        if self._scan is not None:
            for found in set(self._scan.findall(text)):
                if found:
                    candidates |= self._unlocks[found]
        hit = set()
        for branch_id in sorted(candidates):
            index, regex = self._branches[branch_id]
            if index not in hit and regex.search(text):
                hit.add(index)
        return [self._keys[index] for index in sorted(hit)]


def _lowerable(items):
    """True when, on ASCII text, this case-insensitive parse matches exactly what its
    case-sensitive form matches on the lower-cased text: no upper-case literal, every class with
    an upper-case letter also holds its lower case, no negated class of letters, no
    backreference and no part that turns case-insensitivity off."""
    for op, arg in items:
        if op in (_LITERAL, sre_constants.NOT_LITERAL):
            if 65 <= arg <= 90:
                return False
        elif op == _IN:
            if not _lowerable_class(arg):
                return False
        elif op == _SUBPATTERN:
            if arg[1] or arg[2]:  # scoped flags: (?i:...), (?-i:...)
                return False
            if not _lowerable(arg[-1]):
                return False
        elif op in (_MAX_REPEAT, _MIN_REPEAT):
            if not _lowerable(arg[2]):
                return False
        elif op == _BRANCH:
            if not all(_lowerable(seq) for seq in arg[1]):
                return False
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            if not _lowerable(arg[1]):
                return False
        elif op in (sre_constants.GROUPREF, sre_constants.GROUPREF_EXISTS):
            return False
        elif op not in (sre_constants.AT, sre_constants.ANY, sre_constants.CATEGORY):
            return False
    return True


def _lowerable_class(items):
    letters, negated = set(), False
    for op, arg in items:
        if op == sre_constants.NEGATE:
            negated = True
        elif op == _LITERAL:
            letters.add(arg)
        elif op == sre_constants.RANGE:
            letters.update(range(max(arg[0], 65), min(arg[1], 122) + 1))
        elif op != sre_constants.CATEGORY:
            return False
    letters = {code for code in letters if 65 <= code <= 90 or 97 <= code <= 122}
    if negated:
        return not letters
    return all(code + 32 in letters for code in letters if code <= 90)


_LAST_LOWERED = ("", "")


def _lowered(text):
    """text.lower(), computed once for the several regexes run over the same comment."""
    global _LAST_LOWERED
    last = _LAST_LOWERED  # one tuple, replaced whole: safe across threads
    if last[0] is text:
        return last[1]
    low = text.lower()
    _LAST_LOWERED = (text, low)
    return low


class _OriginalMatch:
    """A match found in the lower-cased text whose groups read the original text."""

    __slots__ = ("_match", "_text")

    def __init__(self, match, text):
        self._match, self._text = match, text

    def group(self, *indices):
        if len(indices) > 1:
            return tuple(self.group(index) for index in indices)
        start, end = self._match.span(*indices)
        return None if start < 0 else self._text[start:end]

    def groups(self):
        return tuple(self.group(index) for index in range(1, self._match.re.groups + 1))

    def start(self, *index):
        return self._match.start(*index)

    def end(self, *index):
        return self._match.end(*index)

    def span(self, *index):
        return self._match.span(*index)

    @property
    def lastindex(self):
        return self._match.lastindex


class CaselessRegex:
    """A case-insensitive compiled regex, run faster on ASCII text: as its case-sensitive form
    over the lower-cased text (Python's re skips its literal and charset shortcuts when ignoring
    case), first skipping text without any of its required literals (literal_gate). Matches
    give the original text's groups; other text, or a pattern where that would not be exact
    (_lowerable), uses the regex itself. Offers search, match, fullmatch and finditer."""

    def __init__(self, regex):
        self.regex = regex
        self.pattern, self.flags, self.groups = regex.pattern, regex.flags, regex.groups
        self._lower, self._gate = None, None
        if regex.flags & re.IGNORECASE:
            sensitive = re.compile(regex.pattern, regex.flags & ~re.IGNORECASE)
            if _lowerable(sre_parse.parse(regex.pattern, regex.flags)):
                self._lower = sensitive
            # On ASCII text a match holds a literal in some case: the lower-cased text holds it
            # in lower case.
            gate = literal_gate(sensitive)
            self._gate = tuple(sorted({literal.lower() for literal in gate})) if gate else None

    def _low(self, text):
        """The lower-cased text, or None when the regex itself must run; False when it cannot
        match."""
        if not text.isascii() or (self._lower is None and self._gate is None):
            return None
        low = _lowered(text)
        if self._gate is not None and not any(literal in low for literal in self._gate):
            return False
        return low if self._lower is not None else None

    def _call(self, method, text, args):
        low = self._low(text)
        if low is None:
            return getattr(self.regex, method)(text, *args)
        if low is False:
            return None
        match = getattr(self._lower, method)(low, *args)
        return None if match is None else _OriginalMatch(match, text)

    def search(self, text, *args):
        return self._call("search", text, args)

    def match(self, text, *args):
        return self._call("match", text, args)

    def fullmatch(self, text, *args):
        return self._call("fullmatch", text, args)

    def finditer(self, text, *args):
        low = self._low(text)
        if low is None:
            return self.regex.finditer(text, *args)
        if low is False:
            return iter(())
        return (_OriginalMatch(match, text) for match in self._lower.finditer(low, *args))


def caseless(pattern, flags=re.IGNORECASE):
    """re.compile(pattern, flags) as a CaselessRegex."""
    return CaselessRegex(re.compile(pattern, flags))
