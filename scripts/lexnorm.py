"""Text normalisation shared by the lexicon build scripts; mirrors `fold` in src/normalize.rs.

Lexicon tables are written as the source spells them; the scripts normalize only to count, compare and
deduplicate, the same way the annotator compares text with entries.
"""
import re

_FOLD = {
    "\u06CC": "\u064A", "\u0649": "\u064A", "\u06D0": "\u064A",
    "\u06A9": "\u0643",
    "\u06C0": "\u0647", "\u06C1": "\u0647",
    "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627", "\u0672": "\u0627",
    "\u0673": "\u0627",
    "\u00A0": " ", "\u202F": " ",
}
_REMOVE = re.compile(
    "[\u064B-\u065F\u0670\u0610-\u061A\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED\u0640"
    "\u200D\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069\uFEFF\u00AD\u2060]"
)
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}

# Proclitic sequences, longest first; the same list as PROCLITICS in src/tokenize.rs.
PROCLITICS = [
    "وبال", "وكال", "فبال", "وللل", "ولل", "فلل", "بال", "كال", "وال", "فال", "لل", "ال", "وب", "ول", "وك", "فب",
    "فل", "فك", "و", "ف", "ب", "ل", "ك",
]
ARABIC = re.compile(r"[\u0600-\u06FF]")
ARABIC_WORD = re.compile(r"^[\u0620-\u064A\u066E-\u06D3\u06D5\u06FA-\u06FF\u200C]+$")


def norm(s):
    """Normalizes like the annotator, and joins words (spaces or ZWNJ) with single spaces."""
    s = _REMOVE.sub("", s)
    s = "".join(_DIGITS.get(c) or _FOLD.get(c) or c for c in s)
    s = "".join(c.lower() if "A" <= c <= "Z" else c for c in s)
    return " ".join(w for w in re.split(r"[\s\u200C]+", s) if w)


def stems(word):
    """The word and every form with a proclitic sequence split off (at least two letters left)."""
    out = [word]
    for p in PROCLITICS:
        if word.startswith(p) and len(word) - len(p) >= 2 and word[len(p):] not in out:
            out.append(word[len(p):])
    return out
