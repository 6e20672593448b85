"""What pupils ask for and what mentors offer, in canonical tokens the matching engine can compare.

Pure module (pymorphy3, no Django). Schools write requests and competencies in free Russian:
«Повышение успеваемости по русскому языку», «Русский язык и литература», «Хочу научиться выступать».
The engine compares sets, so each list of phrases becomes a set of tokens:

* ``c:<key>`` — a concept of the shared vocabulary (a subject, an exam, a skill, an interest, a career,
  a social or emotional need) found in the phrase through its name or one of its synonyms, compared by
  lemmas (pymorphy3), so «русскому языку» finds «русский язык»; plus every broader concept of it
  (ОГЭ → экзамены), so a specific request still meets a general competency, and the specific one more;
* ``w:<lemma>`` — a content word left over (no stop word, no word that names no topic, such as
  «помощь» or «повышение»), so free text outside the vocabulary still meets the same words.

Requests are read as schools type them: a misspelt word the dictionary does not know finds the term
it misspells («матиматика», «руский язык», «информатеке»), an abbreviation or a contraction the term it
begins («рус. яз», «информ.», «ИЗО», «физ-ра»), and what comes after «через» or «с помощью» is a means,
not a topic («английский через песни»).

The words each token came from are kept (:class:`Meaning.words`), so the explanation can say which
words met: «русскому языку ↔ русский язык» (the same words), «публичные выступления ≈ ораторское
мастерство» (synonyms or a broader term), «матиматика ≈ математика (опечатка?)» (through a typo).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from typing import Any

__all__ = [
    "Concept",
    "Meaning",
    "Vocabulary",
    "explain_met",
    "family",
    "for_primary_pupil",
    "lemma",
    "word_key",
    "lemmas",
    "parse_availability",
    "parse_grades",
    "plain_words",
    "refused_specialists",
    "understand",
]

WORD = re.compile(r"[0-9A-Za-zА-Яа-яЁё]+(?:-[0-9A-Za-zА-Яа-яЁё]+)*")


def _pieces(text: str, splitter: re.Pattern[str]) -> Iterator[tuple[str, int, str]]:
    """Each piece of ``text`` as ``splitter`` splits it: (the piece, its offset in ``text``, the text
    between it and the piece before — the separator, when the splitter does not keep it)."""
    start = 0
    for piece in splitter.split(text):
        offset = text.find(piece, start)
        yield piece, offset, text[start:offset]
        start = offset + len(piece)


def _words_at(piece: str, offset: int) -> list[tuple[str, int]]:
    """The words of a piece with their start offsets in the whole text."""
    return [(found.group(), found.start() + offset) for found in WORD.finditer(piece)]


CYRILLIC = re.compile(r"[А-Яа-яЁё]")

# function words: never a topic, never part of a pattern
_STOP_TEXT = """
    а без более бы был была были было быть в вам вас весь во вот все всё всего всех вы где да даже для до
    его ее её ей ему если есть еще ещё же за здесь и из или им их к как ко когда кто ли либо между меня мне
    мной мы на над надо наш не него нее неё нет ни них но ну о об обо он она они оно от ото очень перед по
    под при про с сам свой себе себя со так также такой там те тем то того тоже той только том ты у уже
    хотя чего чей чем что чтобы чуть эта эти это этот я который которая которые мой моя мои твой ваш
    наш нам нас ним ними ней либо т д др пр какой какая какое какие много
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())

# lemmas that name no topic: left out of the leftover words (a request «помощь с физикой» is about
# physics, not about help), but they may still be part of a vocabulary pattern («подготовка к ОГЭ»)
_GENERIC_TEXT = """
    помощь помочь помогать хотеть хотеться желать нужный нужно надо научиться учиться уметь умение
    развитие развить развивать развиваться повышение повысить повышать улучшение улучшить улучшать
    подготовка подготовиться готовиться подготовить готовить работа работать вопрос тема сфера область
    навык формирование сформировать получение получить стать больше лучше хороший новый разный
    свой весь любой различный основной дополнительный занятие заниматься направление деятельность
    проблема трудность сложность возможность знание знать опыт качество уровень ученик учащийся ребёнок
    ребенок дети школьник наставляемый общий наставник человек пр др год класс предмет сопровождение
    мечтать интересоваться интерес увлекаться увлечение любить нравиться часто плохо плохой трудно тяжело
    даваться получаться понимать пойти идти делать сделать попасть слабо слабый сильно постоянно всегда
    никогда причина мочь самый свободно сам иметь школьный школа прокачать прокачивать прокачка скилл
    урок целый вести дело
"""
# («вести», «дело»: as words of their own they paired «ведёт себя плохо» with a mentor's «вести кружок», «в
# чём дело» with «своё дело»; their phrases, «вести за собой» and «лечебное дело», are still read)
GENERIC_WORDS = frozenset(_GENERIC_TEXT.split())
_FAMILY_PATTERN_KEY = 4  # the shortest family key a vocabulary pattern is found by


@lru_cache(maxsize=1)
def _analyzer() -> Any:  # pymorphy3 ships no types: its MorphAnalyzer
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The dictionary form of a word, lower-case, «ё» as «е»; non-Cyrillic words only lower-cased."""
    text = word.lower().replace("ё", "е")
    if not CYRILLIC.search(text) or "-" in text and not text.replace("-", "").isalpha():
        return text
    parses = _analyzer().parse(text)
    # a word that is a dictionary form itself stays as it is: «математика» is the subject, not the
    # genitive of «математик» (pymorphy's likeliest parse); else the likeliest parse's normal form,
    # a common noun rather than a first name («цветами» is not the plural of «Цвета»)
    for parse in parses:
        if parse.normal_form.replace("ё", "е") == text:
            return text
    common = [parse for parse in parses if not _NAMES & set(parse.tag.grammemes)] or parses
    return common[0].normal_form.replace("ё", "е")


_NAMES = frozenset({"Name", "Surn", "Patr"})


@lru_cache(maxsize=50_000)
def normal_forms(word: str) -> tuple[str, ...]:
    """Every dictionary form a word may be of (no first names), the likeliest first: «цветами» →
    ('цвет', 'цветок'). The vocabulary takes the one it knows when the likeliest is not a term's word."""
    text = word.lower().replace("ё", "е")
    if not CYRILLIC.search(text):
        return (text,)
    out = [lemma(text)]
    parses = [parse for parse in _analyzer().parse(text) if not _NAMES & set(parse.tag.grammemes)]
    for parse in parses:  # the same part of speech only: «трудно» is not «трудный»
        if parse.tag.POS == parses[0].tag.POS:
            out.append(parse.normal_form.replace("ё", "е"))
    return tuple(dict.fromkeys(out))


# Word families: «лыжи», «лыжный»; «тревога», «тревожный», «тревожность», «тревожиться»; «спор»,
# «спорить» share a family key, the lemma without the derivational endings of its part of speech and
# with the last consonant's alternation undone (ж→г, ч→к, ш→х). Only the endings that keep the meaning
# are removed (an agent «программист» or «-ировать» keep theirs: «программа» is not «программирование»),
# and a key shorter than three letters is no key (the lemma stays): «петь», «бояться».
_REFLEXIVE = ("ся", "сь")
_VERB_ENDINGS = (
    ("ировать", "ир"),
    ("овывать", ""),
    ("евывать", ""),
    ("ивать", ""),
    ("ывать", ""),
    ("овать", ""),
    ("евать", ""),
    ("ать", ""),
    ("ять", ""),
    ("еть", ""),
    ("ить", ""),
    ("уть", ""),
    ("ыть", ""),
    ("ть", ""),
    ("ти", ""),
    ("чь", "к"),
)
_NOUN_ENDINGS = (
    ("ирование", "ир"),
    ("ование", ""),
    ("евание", ""),
    ("ение", ""),
    ("ание", ""),
    ("ация", ""),
    ("ество", ""),
    ("ство", ""),
    ("ость", ""),
    ("ие", ""),
    ("ия", ""),
    ("ье", ""),
    ("ья", ""),
    ("а", ""),
    ("я", ""),
    ("о", ""),
    ("е", ""),
    ("ь", ""),
    ("ы", ""),
    ("и", ""),
    ("й", ""),
)
_ADJECTIVE_ENDINGS = (
    ("еский", ""),
    ("цкий", "ц"),
    ("ский", ""),
    ("ской", ""),
    ("ивный", ""),
    ("альный", ""),
    ("енный", "ен"),
    ("ный", ""),
    ("ной", ""),
    ("ний", ""),
    ("овый", ""),
    ("овой", ""),
    ("евый", ""),
    ("евой", ""),
    ("ый", ""),
    ("ий", ""),
    ("ой", ""),
)
_ADVERB_ENDINGS = (("ски", ""), ("но", ""), ("о", ""))
_VOWELS = frozenset("аеёиоуыэюя")
_ALTERNATION = {"ж": "г", "ч": "к", "ш": "х"}
_LABIAL_L = re.compile(r"([бпвфм])л$")  # «выступление» → «выступл» → «выступ»
_SHORTEST_KEY = 3


_NEGATIONS = ("не", "без", "бес")


def _dictionary_form(word: str) -> bool:
    """Whether the dictionary knows the word as a lemma of its own."""
    return bool(_analyzer().word_is_known(word)) and lemma(word) == word


def _strip(word: str, endings: tuple[tuple[str, str], ...]) -> str:
    """The word without the longest of its endings that leaves a stem of three letters or more."""
    for ending, replacement in endings:
        if word.endswith(ending) and len(word) - len(ending) + len(replacement) >= _SHORTEST_KEY:
            return word[: len(word) - len(ending)] + replacement
    return word


@lru_cache(maxsize=1)
def _part_of_speech_cache() -> dict[str, str]:
    return {}


_FUNCTION_POS = frozenset({"NPRO", "CONJ", "PREP", "PRCL", "INTJ"})


def _part_of_speech(base: str) -> str:
    """The part of speech of a lemma (its own dictionary entry first): "NOUN", "ADJF", "INFN"…, or
    "FUNC" for a function word (no topic, no family)."""
    known = _part_of_speech_cache()
    found = known.get(base)
    if found is None:
        parses = _analyzer().parse(base)
        own = [p for p in parses if p.normal_form.replace("ё", "е") == base] or parses
        tag = own[0].tag if own else None
        # function words: a pronominal adjective («другой», «каждый»), a question or pointing adverb
        # («где», «там»), a pronoun, a conjunction («куда», «когда»), a preposition, a particle
        if tag is None:
            found = ""
        elif tag.POS in _FUNCTION_POS or any(mark in tag for mark in ("Apro", "Ques", "Dmns")):
            found = "FUNC"
        else:
            found = str(tag.POS or "")
        known[base] = found
    return found


# Words whose family by form is not theirs by meaning: grass («трава», «травы Сибири», «сухую траву
# подожгли», «косить траву») is no bullying («травля», «травить»), though the words share a root. So are
# the everyday words of pupils' and parents' texts that a form of another word's family made a topic of:
# «сказал» no fairy tale (literature), «отец пьёт» no nutrition, «его бьют» no beat-making, «ударил» no
# stress of a word, «растёт» no autism (РАС), «лишний вес» no leading («вести»), «трудный подросток» no
# craft lessons («труд»), «лежит» no Lego, «площадка» no area (mathematics), «горный» no grief
# («горе»), «вольная борьба» no will (motivation), «выбор профессии» no elections, «научить» no science,
# «дело» no division (mathematics), «целевое обучение» no aim in life (motivation), «руководитель» no
# driver («рук-о-водитель»). A verb's other forms are listed with it («ударился», «ударяет», «бьётся»).
_OWN_FAMILY = frozenset(
    {
        "трава", "травка", "травинка", "травяной", "травянистый",
        "сказать", "пить", "бить", "биться", "ударить", "удариться", "ударять", "ударяться", "расти", "вес",
        "трудный", "лежать", "площадка", "горный", "вольный", "выбор", "выборы", "вести", "научить", "дело",
        "целевой", "руководитель",
    }
)  # fmt: skip
# Prefixed verbs that are neither their plain verb nor a compound of it, though they keep their own
# family («убежал из дома» is «убегать из дома», «проверять тетради» «проверка тетрадей»): «убегать» is no
# running, «связаться с компанией» no knitting, «проверить» no belief in oneself («про-верить»).
_WHOLE_WORDS = frozenset(
    {"убегать", "убежать", "связаться", "связываться", "проверить", "проверять", "сбегать", "сбежать"}
)


@lru_cache(maxsize=200_000)
def family(base: str) -> str:
    """The family key of a lemma: «лыжа», «лыжный» → «лыг»; «тревога», «тревожный», «тревожность»,
    «тревожиться» → «тревог»; «физика», «физический» → «физик». Non-Cyrillic words, numbers and words
    whose key would be shorter than three letters are their own key, as are those of ``_OWN_FAMILY``."""
    if not CYRILLIC.search(base) or "-" in base or " " in base or len(base) <= _SHORTEST_KEY:
        return base  # « себя» joined to a verb (_reflexive_verb): a word of its own
    if base in _OWN_FAMILY:
        return base
    for prefix in _NEGATIONS:  # «неграмотный», «безграмотность»: the topic of «грамотный»
        rest = base[len(prefix) :]
        if base.startswith(prefix) and len(rest) >= 5 and _dictionary_form(rest):
            return family(rest)
    stem = _stem(base, _part_of_speech(base))
    if stem is None:
        return base
    if stem.endswith("ен") and base.endswith(("енный", "енность")):
        stem = stem[:-2] or stem
    stem = _LABIAL_L.sub(r"\1", stem) if stem != base else stem
    if stem.endswith("ь"):
        stem = stem[:-1]
    if stem and stem[-1] in _ALTERNATION:
        stem = stem[:-1] + _ALTERNATION[stem[-1]]
    return stem if len(stem) >= _SHORTEST_KEY and stem != base else base


_ADJECTIVES = frozenset({"ADJF", "ADJS", "PRTF", "PRTS"})


def _stem(base: str, pos: str) -> str | None:
    """The lemma without the derivational endings of its part of speech (None: a part of speech
    without families, such as a pronominal adjective or a preposition)."""
    if pos in _ADJECTIVES and base.endswith("ический") and len(base) > 9:
        # «физический» → «физика» if the dictionary has that noun, else «исторический» → «истор»
        noun = base[:-7] + "ика"
        return base[:-7] + "ик" if _dictionary_form(noun) else base[:-7]
    if pos == "INFN":
        stem = base[:-2] if base.endswith(_REFLEXIVE) else base
        return _strip(stem, _VERB_ENDINGS)
    if pos in _ADJECTIVES or pos == "NUMR":
        return _strip(base, _ADJECTIVE_ENDINGS)
    if pos in {"ADVB", "COMP"}:
        return _strip(base, _ADVERB_ENDINGS)
    if pos != "NOUN" and pos:
        return None
    if len(base) > 5 and base.endswith("ка") and base[-3] not in _VOWELS:
        return base[:-2]  # «подготовка» → «подготов», as «подготовить»; «задачка» → «задач»
    stem = _strip(base, _NOUN_ENDINGS)
    if base.endswith("ость") and stem.endswith("н") and len(stem) > _SHORTEST_KEY:
        stem = stem[:-1]  # «тревожность» → «тревожн» → «тревож», as «тревожный» → «тревож»
    return stem


# not «за»: it makes another verb more often than the same one begun («завести собаку» is no «вести»,
# «записаться в секцию» no writing, «заработать» no work)
_VERB_PREFIXES = (
    "пере", "пред", "под", "над", "раз", "рас", "воз", "вос", "при", "про", "от", "об", "до", "на",
    "вы", "по", "из", "ис", "с", "у",
)  # fmt: skip


@lru_cache(maxsize=50_000)
def _unprefixed(base: str) -> str:
    """A prefixed verb's plain verb, when the dictionary has it and it names a topic: «пробежать» →
    «бежать», «провести» → «вести»; else "". Used only when the verb itself finds no term."""
    if _part_of_speech(base) != "INFN" or base in _OWN_FAMILY or base in _WHOLE_WORDS:
        return ""
    for prefix in _VERB_PREFIXES:
        rest = base[len(prefix) :]
        if base.startswith(prefix) and len(rest) >= 5 and _dictionary_form(rest) and not _generic(rest):
            return rest if _part_of_speech(rest) == "INFN" else ""
    return ""


def word_key(base: str) -> str:
    """The token of a word outside the vocabulary: its family key if four letters or more
    («тревожится», «тревожный» → «тревог»), else the lemma (short keys meet by chance: «поле», «полный»)."""
    key = family(base)
    return key if len(key) >= _FAMILY_PATTERN_KEY else base


def _related(word: str, pattern_word: str) -> bool:
    """Whether a word finds a pattern's word of the same family: the same lemma; else a family key of
    four letters or more; else a short key between different parts of speech («лыжный» finds «лыжи»,
    but «поле» does not find «пол»)."""
    if word == pattern_word:
        return True
    key = family(word)
    if len(key) >= _FAMILY_PATTERN_KEY:
        return True
    return _part_of_speech(word) != _part_of_speech(pattern_word)


@lru_cache(maxsize=1)
def _generic_families() -> frozenset[str]:
    return frozenset(key for key in map(family, GENERIC_WORDS) if len(key) >= _FAMILY_PATTERN_KEY)


def _generic(base: str) -> bool:
    """A word that names no topic: one of GENERIC_WORDS or of their families («интересный»)."""
    return base in GENERIC_WORDS or family(base) in _generic_families() or _part_of_speech(base) == "FUNC"


# Latin letters that look like Cyrillic ones, as a keyboard mixes them into a Russian word («руcский»)
_LOOKALIKES = str.maketrans("aAcCeEoOpPxXyKkMHTB", "аАсСеЕоОрРхХуКкМНТВ")
_LATIN = re.compile(r"[A-Za-z]")


def _cyrillic(word: str) -> str:
    """A Russian word with Latin look-alike letters in it, in Cyrillic; any other word as it is."""
    if not _LATIN.search(word) or not CYRILLIC.search(word):
        return word
    fixed = word.translate(_LOOKALIKES)
    return fixed if not _LATIN.search(fixed) else word


def _words(text: str) -> list[tuple[str, str]]:
    """(surface, lemma) of each word of the text that is not a stop word."""
    return [(surface, base) for surface, base, _start, _end in _spans(text)]


def _spans(text: str, keep: frozenset[str] = frozenset()) -> list[tuple[str, str, int, int]]:
    """(surface, lemma, start, end) of each word of the text that is not a stop word. A word of
    ``keep`` whose lemma is a stop word stays, as written, where it cannot be that little word: in
    capitals («ИЗО» is not «из») or last in the text («учитель изо»)."""
    out = []
    found_words = list(WORD.finditer(text or ""))
    for n, found in enumerate(found_words):
        surface = _cyrillic(found.group())
        base = lemma(surface)
        if surface.lower() == "не" and _spoken_poorly(found_words, n):
            base = "плохо"  # «не говорит по-русски» is the vocabulary's «плохо говорит по-русски»
        elif base in STOP_WORDS:
            plain = surface.lower().replace("ё", "е")
            if plain not in keep or not (surface.isupper() or n == len(found_words) - 1):
                continue
            base = plain
        elif _reflexive_verb(surface, found_words, n):
            base += " себя"
        elif _leading_verb(surface, found_words, n):
            base = _leading_lemma(surface) + " за собой"
        out.append((surface, base, found.start(), found.end()))
    return out


# «не говорит / не понимает по-русски»: Russian spoken poorly, read as the vocabulary's
# «плохо …» phrases («не» is a stop word, so a phrase cannot say it, and «говорит по-русски» names nothing)
_SPEAKING = frozenset({"говорить", "понимать"})
_IN_RUSSIAN = frozenset({"по-русски", "по-русский"})


def _spoken_poorly(found_words: list[re.Match[str]], n: int) -> bool:
    """Whether found_words[n] («не») denies speaking or understanding Russian: «не говорит по-русски»,
    «по-русски не понимает»."""
    before, verb, after = (
        found_words[k].group().lower().replace("ё", "е") if 0 <= k < len(found_words) else ""
        for k in (n - 1, n + 1, n + 2)
    )
    if not verb or lemma(verb) not in _SPEAKING:
        return False
    return after in _IN_RUSSIAN or before in _IN_RUSSIAN


def _reflexive_verb(word: str, found_words: list[re.Match[str]], n: int) -> bool:
    """Whether the verb found_words[n] is said of oneself, «себя» next to it: another verb («считает
    себя глупым» counts nothing, «ведёт себя агрессивно» leads nothing), read as the one lemma «считать
    себя»; the vocabulary's phrases are read the same way, so «плохо себя ведёт» finds «плохо ведёт
    себя»."""
    near = {found_words[k].group().lower() for k in (n - 1, n + 1) if 0 <= k < len(found_words)}
    return "себя" in near and _tag(word).POS in _VERB_POS | {"INFN"}


def _leading_verb(word: str, found_words: list[re.Match[str]], n: int) -> bool:
    """Whether the verb found_words[n] is followed by «за собой»: «ведёт за собой класс» leads, where
    «ведёт блог» or «ведёт себя» does not; read as the one lemma «вести за собой», as the vocabulary's
    phrase is."""
    after = [found_words[k].group().lower() for k in (n + 1, n + 2) if k < len(found_words)]
    return after == ["за", "собой"] and bool(_verb_parses(word))


def _verb_parses(word: str) -> list[Any]:
    """The parses of a word as a verb: «повести» is «повесть» to pymorphy first, a verb only after."""
    return [parse for parse in _analyzer().parse(word.lower()) if parse.tag.POS in _VERB_POS | {"INFN"}]


# the perfective of leading is leading: «повести за собой» is «вести за собой»
_LEADING_PERFECTIVE = {"повести": "вести"}


def _leading_lemma(word: str) -> str:
    """The verb's own lemma before «за собой» (not pymorphy's likeliest noun), the perfective read as the
    imperfective the vocabulary's phrase has."""
    base = _verb_parses(word)[0].normal_form.replace("ё", "е")
    return _LEADING_PERFECTIVE.get(base, base)


@lru_cache(maxsize=50_000)
def lemmas(text: str) -> tuple[str, ...]:
    """The lemmas of a text without its stop words: «по русскому языку» → ('русский', 'язык')."""
    return tuple(base for _surface, base in _words(text))


# Negation: what a pupil says they do not want names nothing. «Не» before a verb of liking or wanting
# («не хочу заниматься спортом», «не любит читать») negates the rest of its clause, or, with nothing
# after the verb, what comes before it («спорт не люблю»); «не» before a noun negates that noun and the
# adjectives before it («не математика», «не точные науки»). «Не» before any other word is a need, not
# a refusal: «не понимает дроби», «не получается», «не уверен в себе», «физика не даётся». A need said
# not to be one («математика не нужна»), what is excepted («всё кроме математики») and what is said to
# be fine («с математикой всё хорошо, а вот…») name nothing either (see _excepted and _settled below).
_LIKING_TEXT = """
    хотеть хотеться любить нравиться интересовать интересоваться увлекаться желать мечтать собираться
    планировать тянуть привлекать интересно интересный
"""
_LIKING = frozenset(_LIKING_TEXT.split())
# a need said not to be one negates as a liking does: «не нужна помощь с математикой», «математика не
# нужна», «помощь не требуется», «уже не актуально», «не нуждается в репетиторе», «оценки не беспокоят»
_NEEDING_TEXT = """
    нужный нужно надо необходимый необходимо требоваться нуждаться актуальный актуально важный важно
    беспокоить волновать
"""
_NEEDING = frozenset(_NEEDING_TEXT.split())
_UNLIKING = frozenset(
    {
        "неинтересно", "неинтересный", "неохота", "неактуально", "неактуальный", "ненужный", "ненужно",
        "отказываться", "отказаться",
        # what one is tired of or stopped loving: «надоела математика», «футбол наскучил», «разлюбил рисовать»
        "надоесть", "наскучить", "разлюбить",
        # indifference refuses as «не интересно» does: «к истории равнодушен», «спорт ему безразличен»
        "равнодушный", "равнодушно", "безразличный", "безразлично",
    }
)  # fmt: skip
# «нет необходимости в …», «нужды в этом нет»: the clause is a need denied
_NEED_NOUNS = frozenset({"необходимость", "нужда", "потребность", "надобность"})
_CLAUSE_BREAK = re.compile(
    r"[,;.!?:()\n«»\"]|\s[-–—]\s|\b(?:но|а|зато|однако|хотя|или|либо)\b", re.IGNORECASE
)
_NOT_CONTENT_POS = frozenset({"ADVB", "PRCL", "CONJ", "PREP", "INTJ", "NPRO", "PRED"})
_ADJECTIVE_POS = frozenset({"ADJF", "PRTF", "NUMR"})


def _clause(text: str, last: bool) -> str:
    """The clause of a text that touches a word: the last clause of what precedes the word, or the
    first of what follows it."""
    parts = _CLAUSE_BREAK.split(text)
    return parts[-1] if last else parts[0]


_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*|\S")


def _adjectives_named(phrase: str, tokens: list[tuple[int, int, str]]) -> str:
    """A phrase of adjectives only in the nominative, in their gender and number (the masculine where
    pymorphy reads none), as a subject is named without its noun: «английскому» → «английский»."""
    forms = []
    for _start, _end, word in tokens:
        parse = _analyzer().parse(word.lower())[0]
        gender = parse.tag.gender or "masc"
        forms.append(
            parse.inflect({"nomn", gender, "sing"} if parse.tag.number != "plur" else {"nomn", "plur"})
        )
    return _with_forms(phrase, tokens, forms)


def _with_forms(phrase: str, tokens: list[tuple[int, int, str]], forms: list) -> str:
    """``phrase`` with each of ``tokens`` (start, end, word) replaced by its inflected form (pymorphy's
    parse; None: the word in lower case), a capital kept; the rest of the phrase as written."""
    out, last = [], 0
    for (start, end, word), form in zip(tokens, forms, strict=True):
        named = form.word if form is not None else word.lower()
        out += [phrase[last:start], named[:1].upper() + named[1:] if word[:1].isupper() else named]
        last = end
    out.append(phrase[last:])
    return "".join(out)


@lru_cache(maxsize=50_000)
def nominative(phrase: str) -> str:
    """A phrase as a name: its head noun and the adjectives before it in the nominative, the rest as
    written — «русскому языку» → «русский язык», «подготовке к ОГЭ» → «подготовка к ОГЭ»,
    «публичным выступлениям» → «публичные выступления». Abbreviations, words pymorphy cannot put in
    the nominative, and everything after the head noun stay as they are."""
    tokens = [(found.start(), found.end(), found.group()) for found in _WORD.finditer(phrase)]
    head = None  # the first noun, and the adjectives before it
    for index, (_start, _end, word) in enumerate(tokens):
        if not CYRILLIC.search(word):
            break
        parses = _analyzer().parse(word.lower())
        parse = parses[0]
        if parse.tag.POS == "NOUN" or word.isupper() and len(word) > 1:
            # a noun that is a dictionary form itself stays as written, as in :func:`lemma`: «математика»
            # is the subject, not the genitive of «математик» (pymorphy's likeliest parse)
            if any(p.tag.POS == "NOUN" and p.normal_form == word.lower() for p in parses):
                return phrase
            head = (index, parse)
            break
        if parse.tag.POS not in {"ADJF", "PRTF"}:
            break
    else:
        if head is None and tokens:  # adjectives only: a subject without its noun («по английскому»)
            return _adjectives_named(phrase, tokens)
    if head is None or tokens[head[0]][2].isupper():
        return phrase
    noun = head[1]
    number = "plur" if "plur" in noun.tag else "sing"
    wanted = {"nomn", number}
    forms = []
    for index, (_start, _end, word) in enumerate(tokens[: head[0] + 1]):
        parses = _analyzer().parse(word.lower())
        if index < head[0]:  # an adjective: the parse that agrees with the noun, put in the noun's form
            parse = next(
                (p for p in parses if p.tag.case == noun.tag.case and p.tag.number == noun.tag.number),
                parses[0],
            )
            forms.append(
                parse.inflect(wanted | ({noun.tag.gender} if number == "sing" and noun.tag.gender else set()))
            )
        else:
            forms.append(noun.inflect(wanted))
    return _with_forms(phrase, tokens[: head[0] + 1], forms)


@lru_cache(maxsize=50_000)
def shown_name(text: str) -> tuple[str, frozenset[str]]:
    """A written phrase as an explanation names it (:func:`nominative`) and its lemmas, to tell which
    names another one already says («математика» inside «подготовка к олимпиаде по математике»)."""
    return nominative(text), frozenset(lemmas(text))


@lru_cache(maxsize=50_000)
def family_names(text: str) -> dict[str, str]:
    """The dictionary form of each word of a text by its family token (``w:`` + :func:`word_key`): how an
    explanation names a shared word family («w:математик» → «математика», not the bare key)."""
    out: dict[str, str] = {}
    for _surface, base in _words(text):
        out.setdefault(f"w:{word_key(base)}", base)
    return out


def _tag(word: str) -> Any:  # pymorphy3's OpencorporaTag (untyped)
    return _analyzer().parse(word.lower())[0].tag


def _tags(word: str) -> list[Any]:
    """Every parse's tag of a word, the likeliest first."""
    return [parse.tag for parse in _analyzer().parse(word.lower())]


def _content(word: str) -> bool:
    """A word that may name a topic (for the scope of a negation): not a function word or an adverb."""
    base = lemma(word)
    return base not in STOP_WORDS and _tag(word).POS not in _NOT_CONTENT_POS


@lru_cache(maxsize=50_000)
def negated_words(text: str) -> frozenset[int]:
    """The start offsets of the words of a text that a pupil says they do not want, do not need
    («математика не нужна»), except («всё кроме математики») or are fine with («с математикой всё
    хорошо», «по математике проблем нет»)."""
    out: set[int] = set()
    for piece, offset, _between in _pieces(text or "", _CLAUSE_BREAK):
        words = _words_at(piece, offset)
        end = offset + len(piece)  # where the next clause starts
        for k, (word, _at) in enumerate(words):
            low = word.lower().replace("ё", "е")
            out.update(_unliked(words, k, low))
            if low == "нет" and _next_to(words, k, _NEED_NOUNS):
                out.update(at for _word, at in _before_exception(words))
            # «не против психолога», «не возражает», «не отказывается»: a double negation agrees
            if low != "не" or k + 1 >= len(words) or _objection_denied(low, words[k + 1][0]):
                continue
            following = words[k + 1][0]
            going = lemma(following) in _GOING and any(lemma(word) in _SPECIALISTS for word, _at in words)
            if _will_not(words, k):
                out.update(_refused(words, k, k + 1))
                continue
            if lemma(following) in _LIKING or lemma(following) in _NEEDING or going:
                out.update(_refused(words, k, k + 1))
                if lemma(following) in _NEEDING:  # «актуальна» names nothing either
                    out.add(words[k + 1][1])
                continue
            # «не математика», «не точные науки», «не столько математика»: the noun after «не», with its
            # adjectives; after a preposition only where «а» says what instead («не с математикой, а с
            # русским») or where that is all the clause says («по физике, не по математике»): «не в ладах
            # с одноклассниками» is a need
            after, anywhere = k + 1, True
            if following.lower() == "столько":
                after += 1
                out.add(words[k + 1][1])
            elif _tag(following).POS == "PREP" and (k == 0 or _CONTRAST_NEXT.match(text or "", end)):
                after += 1
                anywhere = bool(_CONTRAST_NEXT.match(text or "", end))
            run: list[int] = []
            for n, (word_after, at) in enumerate(words[after:], start=after):
                pos = _tag(word_after).POS
                if pos == "NOUN":
                    if anywhere or n == len(words) - 1:
                        out.update((*run, at))
                    break
                if pos not in _ADJECTIVE_POS:
                    break
                run.append(at)
    out.update(_excepted(text or ""))
    out.update(_settled(text or ""))
    out.update(_absent(text or ""))
    out.update(_exempted(text or ""))
    return frozenset(out)


# An interest lost is no request: «потерял интерес к физике», «пропал интерес к рисованию», «раньше любила
# биологию» (the loss itself is a matter of motivation, which the vocabulary reads from «потерял интерес»).
# Only what the interest was in is refused: not a cause after it («потерял интерес к учёбе из-за буллинга»,
# «после смерти отца»), not an interest said to be kept («интерес к физике не пропал», «не теряет интерес»,
# «раньше любил физику и сейчас любит»).
_LOSING = frozenset({"потерять", "терять", "утратить", "пропасть", "исчезнуть"})
_ONCE = frozenset({"раньше", "прежде"})
# a loss feared has not happened: «боится потерять интерес к физике» is still interested in physics
_FEARING = frozenset({"бояться", "опасаться", "страшно", "страх", "страшить"})
_CAUSES = frozenset({"из-за", "изза", "после", "от", "из", "благодаря", "вследствие", "потому", "поскольку"})
_TO = frozenset({"к", "ко"})
_OBJECT_POS = frozenset({"NOUN", "ADJF", "PRTF", "NUMR", "INFN", "PREP", "CONJ", None})
# tired of a harm is a need, not a refusal: «надоела травля», «надоели ссоры с родителями»
_TIRING = frozenset({"надоесть", "наскучить"})
_MISTREATMENT = frozenset(
    {
        "ссора", "ссориться", "скандал", "насмешка", "издевательство", "издеваться", "оскорбление", "унижение",
        "дразнить", "обзывать", "крик", "кричать", "придирка", "упрек", "побои", "одиночество",
    }
)  # fmt: skip


def _unliked(words: list[tuple[str, int]], k: int, low: str) -> set[int]:
    """What words[k] (lower-cased: ``low``) refuses by itself: a word of not liking («неинтересно»,
    «надоела математика»), unless an objection is denied before it («не отказывается») or it is a harm one
    is tired of («надоела травля»), or an interest lost («потерял интерес к физике», «раньше любила
    биологию»)."""
    if (low in _UNLIKING or lemma(low) in _UNLIKING) and not (k and _objection_denied(words[k - 1][0], low)):
        refused = _refused(words, k, k)
        if lemma(low) in _TIRING and any(
            _harm(word) or lemma(word) in _MISTREATMENT for word, at in words if at in refused
        ):
            return set()
        return refused
    interest = {at for word, at in words if lemma(word.lower()) == "интерес"}
    if k and words[k - 1][0].lower() == "не" and lemma(low) in _LOSING and interest:
        return {words[k][1], *interest}  # «не потерял интерес»: no loss, no lack of motivation
    if _interest_lost(words, k):
        return _lost_object(words, k)
    return set()


def _interest_lost(words: list[tuple[str, int]], k: int) -> bool:
    """Whether words[k] says an interest was lost: «интерес» beside a verb of losing not denied, or
    «раньше» before a verb of liking, with what was liked after it and no liking of it now after that."""
    low = words[k][0].lower()
    if low in _ONCE:
        return (
            k + 1 < len(words)
            and lemma(words[k + 1][0].lower()) in _LIKING
            and not any(lemma(word.lower()) in _LIKING for word, _at in words[k + 2 :])
        )
    if lemma(low) != "интерес":
        return False
    return any(
        lemma(word.lower()) in _LOSING
        and not (n and words[n - 1][0].lower() == "не")
        and not _feared(words, n)
        for n, (word, _at) in enumerate(words)
    )


def _feared(words: list[tuple[str, int]], n: int) -> bool:
    """Whether the verb of losing at words[n] is feared: «боится потерять», «страшно потерять»."""
    return n > 0 and lemma(words[n - 1][0].lower()) in _FEARING


def _lost_object(words: list[tuple[str, int]], k: int) -> set[int]:
    """What a lost interest at words[k] was in: after «раньше любила» the rest of the clause up to a cause;
    after «интерес» its «к …» or infinitive, else a «к …» before it («к физике интерес пропал»)."""
    if words[k][0].lower() in _ONCE:
        cause = next((n for n in range(k + 2, len(words)) if words[n][0].lower() in _CAUSES), len(words))
        return _refused(words[:cause], k, k + 1)
    start = k + 1
    if start >= len(words) or (words[start][0].lower() not in _TO and _tag(words[start][0]).POS != "INFN"):
        start = next((n for n in range(k - 1, -1, -1) if words[n][0].lower() in _TO), -1)
        if start < 0:
            return set()
    out: set[int] = set()
    for word, at in words[start:]:
        if word.lower() in _CAUSES or _tag(word).POS not in _OBJECT_POS or lemma(word.lower()) == "интерес":
            break
        out.add(at)
    return out


# «не против», «не возражает»: after «не», an objection denied is agreement («не против психолога»)
_AGREEING = frozenset({"против", "возражать"})


def _objection_denied(word: str, following: str) -> bool:
    """Whether two words deny an objection or a refusal: «не против», «не возражает», «не отказывается»."""
    base = lemma(following)
    return word.lower() == "не" and (following.lower() in _AGREEING or base in _AGREEING or base in _UNLIKING)


# A problem said to be absent: «тревожности нет», «нет ОВЗ», «ОВЗ: нет», «без ОВЗ», «буллинга в классе нет»,
# «не из группы риска», «на учёте не состоит», «не курит», «агрессии не проявляет» name no need. Only the
# words of a problem, harm or condition («_HARMS») are denied so: the lack of a good thing is a need
# («друзей нет», «нет мотивации»), as is a problem named after a preposition («нет друзей из-за буллинга»)
# and a difficulty with a problem («не справляется с тревогой»).
_HARMS_TEXT = """
    тревога тревожность тревожный страх стресс депрессия депрессивный паника фобия агрессия агрессивный
    агрессивность буллинг травля конфликт конфликтный конфликтность конфликтовать драка драться насилие
    овз зпр зпрр тнр онр рас аутизм сдвг гиперактивность инвалидность инвалид диагноз риск учет пдн кдн вшу
    правонарушение нарушение курить курение вейп вейпить алкоголь пить выпивать наркотик зависимость суицид
    суицидальный самоповреждение прогул прогуливать пропуск жалоба замечание двойка долг задолженность
    кража воровать красть хулиганство хулиганить девиация девиантный истерика отставание неуспеваемость
    неуспевающий приступ энурез заикание дислексия дисграфия дискалькулия проблема трудность сложность вредный
"""
_HARMS = frozenset(_HARMS_TEXT.split())
_HARM_STEMS = ("буллинг", "вейп", "тревож", "агресс", "депресс", "суицид", "конфликт")
_ABSENCE = frozenset({"нет", "нету", "отсутствовать"})
# a verb that says a problem is there, so that with «не» it is not: «не состоит на учёте», «конфликтов не было»
_BEING = frozenset(
    {
        "быть", "иметь", "иметься", "испытывать", "наблюдаться", "состоять", "стоять", "страдать", "подвергаться",
        "являться", "относиться", "входить", "выявить", "выявлять", "выявляться", "проявлять", "отмечаться",
        "обнаружить", "обнаруживать", "заметить", "замечать", "замечаться", "возникать",
    }
)  # fmt: skip
_RUN_POS = frozenset({"NOUN", "ADJF", "PRTF", "NUMR", "PREP", None})
_ANSWER = re.compile(r"[(?]\s*$")  # a lone «нет» in brackets or after a question answers the clause before
_REGISTERS = frozenset({"учет"})  # a problem said with its preposition: «на учёте: нет»


def _harm(word: str) -> bool:
    """Whether a word names a problem, a harm or a condition (see above)."""
    low = word.lower().replace("ё", "е")
    return low.startswith(_HARM_STEMS) or any(form in _HARMS for form in normal_forms(low))


def _run(words: list[tuple[str, int]], k: int, step: int) -> list[tuple[str, int]]:
    """The noun phrase of a clause from words[k] on, forwards (step 1) or backwards (-1): nouns, adjectives,
    prepositions, abbreviations; past «и»/«или» only to another problem («нет тревожности и страхов»)."""
    out: list[tuple[str, int]] = []
    while 0 <= k < len(words):
        word = words[k][0]
        if word.lower() in {"и", "или"}:
            if not (0 <= k + step < len(words) and _harm(words[k + step][0])):
                break
        elif _tag(word).POS not in _RUN_POS:
            break
        out.append(words[k])
        k += step
    return out if step > 0 else out[::-1]


def _harm_headed(run: list[tuple[str, int]], any_place: bool = False) -> bool:
    """Whether a noun phrase names a problem itself, not only after a preposition inside it («нет друзей
    из-за буллинга»); with ``any_place``, after one too («не из группы риска», «не состоит на учёте»)."""
    governed = False
    for word, _at in run:
        pos = _tag(word).POS
        if _harm(word) and (any_place or not governed or lemma(word) in _REGISTERS):
            return True
        if pos == "PREP":
            governed = True
        elif pos in {"NOUN", None}:
            governed = False
    return False


def _pupil(word: str) -> bool:
    """A word that names a person («ребёнок», «ученица»): «ребёнок без ОВЗ» says what the pupil is."""
    tag = _tag(word)
    return tag.POS == "NOUN" and "anim" in tag


@lru_cache(maxsize=50_000)
def _absent(text: str) -> frozenset[int]:
    """The start offsets of the words of the problems a text says are absent (see above)."""
    out: set[int] = set()
    before: list[tuple[str, int]] = []  # the words of the clause just before
    for piece, offset, _between in _pieces(text, _CLAUSE_OF_STATE):
        words = _words_at(piece, offset)
        if len(words) == 1 and lemma(words[0][0]) in _ABSENCE and _ANSWER.search(text[: words[0][1]]):
            words = before + words  # «ОВЗ (нет)», «ОВЗ? Нет»: said of the clause before
        if words:
            before = words
        for k, (word, here) in enumerate(words):
            low = word.lower()
            if low in _ABSENCE or lemma(low) in _ABSENCE:
                after = _run(words, k + 1, 1)
                if after and _harm_headed(after):
                    out.update({here, *(at for _word, at in after)})  # «отсутствует» names nothing either
                elif not after and k and _harm_headed(before := _run(words, k - 1, -1)):
                    out.update({here, *(at for _word, at in before)})
            elif (
                low == "без"
                and all(_pupil(word) for word, _at in words[:k])
                and _harm_headed(after := _run(words, k + 1, 1))
            ):  # «без ОВЗ», «ребёнок без ОВЗ»; not a wish («говорить без страха», «подготовка без стресса»)
                out.update(at for _word, at in after)
            elif low == "не" and k + 1 < len(words):
                following, at_next = words[k + 1]
                if _BEING & set(normal_forms(following)):  # «было»: its own lemma
                    after = _run(words, k + 2, 1)
                    before = _run(words, k - 1, -1) if k else []
                    for run in (after, before):
                        if _harm_headed(run, any_place=True):
                            out.update({at_next, *(at for _word, at in run)})
                            break
                elif _tag(following).POS == "PREP" and _harm_headed(after := _run(words, k + 1, 1), True):
                    out.update(at for _word, at in after)
                elif _harm(following):
                    out.add(at_next)
    return frozenset(out)


# A relative's occupation («папа инженер», «мама врач», «брат военный»): the noun or adjective right after
# a relative, both in the nominative, says what the relative is, not what the pupil asks for.
_RELATIVES = frozenset(
    {
        "папа", "мама", "отец", "мать", "брат", "сестра", "дедушка", "бабушка", "дед", "бабуля", "отчим",
        "мачеха", "дядя", "тетя", "родитель", "родители",
    }
)  # fmt: skip
# the verbs that link a relative to what they are or do: «отец был пожарным», «мама работает в полиции»
_LINK_VERBS = frozenset({"быть", "работать", "служить", "трудиться"})


@lru_cache(maxsize=50_000)
def relatives_words(text: str) -> frozenset[int]:
    """The start offsets of the words that name a relative's occupation: a noun (with the adjectives
    before it and the words in the genitive after it) or an adjective in the nominative right after a
    relative in the nominative, nothing but spaces between («папа инженер», «мама старшая медсестра»,
    «мама учитель математики»); not «мама в больнице», «папа пьёт»."""
    out: set[int] = set()
    found = list(WORD.finditer(text or ""))
    for k, word in enumerate(found[:-1]):
        if lemma(word.group()) not in _RELATIVES or "nomn" not in _tag(word.group()):
            continue
        case = (
            "nomn"  # the occupation, then the words in the genitive that belong to it («учитель математики»)
        )
        start = k
        if lemma(found[k + 1].group()) in _LINK_VERBS and k + 2 < len(found):
            # «отец был пожарным», «мама работает врачом»: the occupation in the instrumental after the verb;
            # «папа служит в армии», «мама работает в полиции»: the place after its preposition
            start, case = k + 1, "ablt"
            if found[k + 2].group().lower() in {"в", "во", "на"} and k + 3 < len(found):
                start, case = k + 2, "loct"
        for following, after in zip(found[start + 1 :], found[start : len(found) - 1], strict=False):
            if (text or "")[after.end() : following.start()].strip():
                break
            tag = _tag(following.group())
            if case != "nomn":  # after a verb, the case the verb asks for, whatever the likeliest parse
                tag = next((t for t in _tags(following.group()) if {case, "loc2"} & set(t.grammemes)), tag)
            if not {case, "loc2"} & set(tag.grammemes) or tag.POS not in {"NOUN", "ADJF", "PRTF"}:
                break
            out.add(following.start())
            if tag.POS == "NOUN":
                case = "gent"
    return frozenset(out)


# Who is speaking. A wish someone else has for the pupil («родители хотят в юристы», «учитель советует
# в кадеты», «записали в спортивный класс родители») is not the pupil's request when the pupil's own wish
# is told beside it («а сам хочет рисовать», «я хочу в медицинский»): the pupil's own wish counts. Without
# the pupil's own words, what a parent or a teacher asks for stays the request (they fill the forms).
_OTHERS = _RELATIVES | frozenset(
    {
        "учитель", "учительница", "педагог", "классный", "классная", "руководитель", "классрук", "тренер",
        "завуч", "директор", "все", "взрослые", "семья",
    }
)  # fmt: skip
_OTHERS_WILL = frozenset(
    {
        "хотеть", "сказать", "советовать", "посоветовать", "ждать", "записать", "записывать",
        "отдать", "отдавать", "настаивать", "считать", "заставлять", "заставить", "требовать", "предлагать",
        "предложить", "мечтать", "видеть", "решить", "планировать", "отправить", "отправлять",
        "говорить", "твердить", "уговаривать", "велеть",
    }
)  # fmt: skip
# the verbs of the pupil's own wish, said by the pupil («хочу», «мечтаю») or of the pupil with «сам»
_OWN_WILL = frozenset({"хотеть", "мечтать", "желать", "любить", "нравиться", "интересоваться", "мочь"})
_SELF = frozenset({"сам", "я", "мне", "меня"})
_OTHERS_BREAK = re.compile(r"[.,;:!?()\n]|\s[-—–]\s")
_REPORTED = frozenset({"что", "чтобы", "будто"})  # «учитель сказал, что ей бы в кадеты»: the same clause


def _own_wish(clause: list[re.Match[str]]) -> bool:
    """Whether a clause tells the pupil's own wish: a verb of wishing in the first person, or with «сам»
    or «я» beside it."""
    selfish = any(word.group().lower() in _SELF or lemma(word.group()) == "сам" for word in clause)
    for word in clause:
        if lemma(word.group()) in _OWN_WILL and (selfish or "1per" in _tag(word.group())):
            return True
    return False


# A person who acts in the text is someone the text tells about, not the occupation the pupil asks for:
# «дважды разнимал водитель», «фельдшер сказал: здорова», «учитель жалуется» — an animate noun in the
# nominative with a finite verb beside it in its clause (a pronoun, particle or adverb may stand between).
# Only a career read from such a noun is left out (:meth:`Vocabulary._find`): «логопед сказал, что нужны
# занятия» still asks for speech therapy.
_BESIDE = frozenset({"NPRO", "PRCL", "ADVB"})
_NOT_ACTING = _LIKING | _LINK_VERBS | {"являться"}  # and «стать» (_BECOME, below)


@lru_cache(maxsize=50_000)
def actors_words(text: str) -> frozenset[int]:
    """The start offsets of the animate nouns in the nominative that act in their clause."""
    out: set[int] = set()
    for piece, offset, _between in _pieces(text or "", _CLAUSE_BREAK):
        words = _words_at(piece, offset)
        for k, (word, at) in enumerate(words):
            tag = _tag(word)
            if tag.POS != "NOUN" or not {"anim", "nomn"} <= set(tag.grammemes):
                continue
            if _acts(words[k - 1 :: -1] if k else []) or _acts(words[k + 1 :]):
                out.add(at)
    return frozenset(out)


def _acts(near: list[tuple[str, int]]) -> bool:
    """Whether the first word of ``near`` that is not a pronoun, particle or adverb (at most two of them
    skipped) is a finite verb of doing."""
    for word, _at in near[:3]:
        tag = _tag(word)
        if tag.POS in _BESIDE:
            continue
        base = lemma(word.lower())
        return tag.POS == "VERB" and base not in _NOT_ACTING and base not in _BECOME
    return False


@lru_cache(maxsize=50_000)
def others_wishes(text: str) -> frozenset[int]:
    """The start offsets of the words of a clause telling what someone else wants for the pupil, when
    the text also tells the pupil's own wish (see above)."""
    found = list(WORD.finditer(text or ""))
    clauses: list[list[re.Match[str]]] = []
    for k, word in enumerate(found):
        low = word.group().lower()
        gap = text[found[k - 1].end() : word.start()] if k else ""
        if not clauses or (
            (low in {"а", "но", "зато"} or _OTHERS_BREAK.search(gap)) and low not in _REPORTED
        ):
            clauses.append([])
        if low not in {"а", "но", "зато"}:
            clauses[-1].append(word)
    if not any(_own_wish(clause) for clause in clauses):
        return frozenset()
    out: set[int] = set()
    for clause in clauses:
        if _own_wish(clause) or any(word.group().lower() in _SELF for word in clause):
            continue
        said = {lemma(word.group()) for word in clause}
        if said & _OTHERS and said & _OTHERS_WILL:
            out.update(word.start() for word in clause)
    return frozenset(out)


# «не будет» beside an infinitive refuses what it is said of: «физику сдавать не будет», «не будет
# заниматься плаванием»; not «если не будет помощи» (no infinitive)
_WILL = frozenset({"буду", "будешь", "будет", "будем", "будете", "будут"})


def _will_not(words: list[tuple[str, int]], k: int) -> bool:
    """Whether words[k] («не») and the next word say «не будет» with an infinitive just before or after."""
    if k + 1 >= len(words) or words[k + 1][0].lower() not in _WILL:
        return False
    near = [words[k - 1][0]] if k else []
    near += [words[k + 2][0]] if k + 2 < len(words) else []
    return any(_tag(word).POS == "INFN" for word in near)


# An exemption («освобождён от физкультуры», «освобождение по здоровью»): what the pupil is exempted
# from is no need, nor is the health it is given for; an exemption naming only its grounds explains the
# clause just before it when that one ends with «нет» («Физ-ра нет (освобождение по здоровью)»).
_EXEMPTION = frozenset({"освобождение", "освободить", "освобождать", "освобожденный", "освобождён"})
_GROUNDS = frozenset({"здоровье", "болезнь", "справка", "медотвод", "врач", "состояние"})


def _exempted(text: str) -> set[int]:
    """The start offsets of the words an exemption names (see above)."""
    out: set[int] = set()
    before: list[tuple[str, int]] = []  # the words of the clause just before
    for piece, offset, _between in _pieces(text, _CLAUSE_BREAK):
        words = _words_at(piece, offset)
        if any(lemma(word) in _EXEMPTION for word, _at in words):
            out.update(at for _word, at in words)
            own = [
                word
                for word, _at in words
                if _content(word) and lemma(word) not in _EXEMPTION and lemma(word) not in _GROUNDS
            ]
            if not own and before and before[-1][0].lower() == "нет":
                out.update(at for _word, at in before)
        if words:
            before = words
    return out


_CONTRAST_NEXT = re.compile(r"\s*[,—–-]?\s*а\b", re.IGNORECASE)


def _next_to(words: list[tuple[str, int]], k: int, bases: frozenset[str]) -> bool:
    """Whether the word before or after words[k] has one of the lemmas."""
    return any(0 <= j < len(words) and lemma(words[j][0]) in bases for j in (k - 1, k + 1))


# Exception: «всё кроме математики», «любые предметы, кроме математики», «за исключением физики»: what
# comes after «кроме», «помимо», «исключая», «за исключением» is excepted where the sentence says «all»
# («всё», «любой», «остальные»), or says nothing else; not where it adds («кроме математики интересуется
# физикой», «помимо рисования поёт»), says «only» («ничем не интересуется, кроме игр»), or excepts from
# what is fine («с математикой всё хорошо, кроме геометрии»: geometry is the need).
_EXCEPTIONS = frozenset({"кроме", "помимо", "исключая"})
# «что угодно, кроме …», «чем угодно, кроме …»: anything but
_UNIVERSAL = frozenset({"все", "весь", "всякий", "любой", "каждый", "остальной", "прочий", "угодно"})
_NEGATIVE = frozenset({"не", "ни", "ничто", "ничего", "никто", "никакой", "нигде", "никуда", "никогда"})
_SENTENCE_BREAK = re.compile(r"[;.!?()\n]|\b(?:но|а|зато|однако|хотя)\b", re.IGNORECASE)
_NOUN_PHRASE_POS = frozenset({"NOUN", "ADJF", "PRTF", "NUMR", "PREP"})


def _exception_at(words: Sequence[tuple[str, int]], k: int) -> int:
    """How many words the exception at words[k] takes («кроме»: 1, «за исключением»: 2), 0 for none."""
    low = words[k][0].lower()
    if low in _EXCEPTIONS:
        return 1
    if low == "за" and k + 1 < len(words) and words[k + 1][0].lower() == "исключением":
        return 2
    return 0


def _before_exception(words: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The words of a clause before its first exception: what follows «кроме» is not denied with the
    rest («ничего не нужно, кроме помощи с математикой»)."""
    for k in range(len(words)):
        if _exception_at(words, k):
            return words[:k]
    return words


def _excepted(text: str) -> set[int]:
    """The start offsets of the words a sentence excepts (see above)."""
    out: set[int] = set()
    for piece, offset, _between in _pieces(text, _SENTENCE_BREAK):
        if not piece:
            continue
        found = list(WORD.finditer(piece))
        words = [(match.group(), match.start() + offset) for match in found]
        for k in range(len(words)):
            size = _exception_at(words, k)
            if not size:
                continue
            phrase = [offset + at for at in _excepted_phrase(piece, found, k + size)]
            taken = set(range(k, k + size + len(phrase)))
            rest = [lemma(word) for n, (word, _at) in enumerate(words) if n not in taken]
            if any(base in _NEGATIVE for base in rest) or _fine(piece):
                continue
            universal = any(base in _UNIVERSAL for base in rest)
            alone = not any(_content(word) for n, (word, _at) in enumerate(words) if n not in taken)
            if universal or alone or size == 2 or words[k][0].lower() == "исключая":
                out.update(phrase)
                out.update(at for _word, at in words[k : k + size])  # «исключением» names nothing
    return out


def _excepted_phrase(piece: str, found: list[re.Match[str]], first: int) -> list[int]:
    """The start offsets in the piece of the noun phrase from found[first]: nouns, adjectives,
    prepositions and «и»/«или» between them; past a comma only a genitive («кроме математики, физики
    и химии»)."""
    out: list[int] = []
    last_end = found[first - 1].end()
    for match in found[first:]:
        gap = piece[last_end : match.start()]
        word = match.group()
        if gap.strip() not in {"", ","}:
            break
        if "," in gap and not any(
            parse.tag.POS in {"NOUN", "ADJF", "PRTF"} and parse.tag.case == "gent"
            for parse in _analyzer().parse(word.lower())
        ):
            break
        if word.lower() not in {"и", "или"} and _tag(word).POS not in _NOUN_PHRASE_POS:
            break
        out.append(match.start())
        last_end = match.end()
    return out


# A subject said to be fine: «с математикой всё хорошо», «по математике проблем нет», «математика — без
# проблем», «в порядке», «нормально», «даётся легко», «с математикой справляется сам», «трудностей не
# испытывает». The clause names no need: none of its words count. A clause is fine only when nothing in
# it says otherwise: no «не» («не очень хорошо», «не всегда справляется»), no word of a difficulty
# («плохо», «с трудом», «хромает»), no verb but a linking one («хорошо рисует» is a talent, «хочет
# хорошо сдать ОГЭ» a need), no want or need («нужно», «хочет»).
_GOOD = frozenset(
    {
        "хорошо", "отлично", "нормально", "неплохо", "прекрасно", "замечательно", "идеально", "легко",
        "гладко", "супер", "норм", "нормас", "ок", "окей", "ok",
    }
)  # fmt: skip
_PROBLEMS = frozenset({"проблема", "трудность", "сложность", "затруднение", "вопрос", "претензия"})
_NO_PROBLEM = frozenset({"нет", "без", "никакой", "ни"})
_LINKING = frozenset(
    {
        "быть", "обстоять", "идти", "даваться", "получаться", "складываться", "справляться", "справиться",
        "учиться", "успевать", "испытывать", "вызывать", "возникать", "иметь", "наблюдаться", "стоять",
    }
)  # fmt: skip
_COPING = frozenset({"справляться", "справиться", "успевать"})
# what a pupil does well with a subject, said as a fact («английский знает хорошо», «сдаёт хорошо»,
# not «понимает хорошо, но не говорит»): not as a wish or a duty («должен хорошо знать» — the infinitive)
_KNOWING = frozenset({"знать", "сдавать"})
_EXISTING = frozenset({"быть", "испытывать", "вызывать", "возникать", "иметь", "наблюдаться"})
_DIFFICULT = frozenset(
    {
        "плохо", "плохой", "трудно", "тяжело", "сложно", "слабо", "слабый", "хуже", "хромать",
        "отставать", "беда", "ужасно", "никак", "еле", "труд", "двойка", "неуд",
    }
)  # fmt: skip
_CLAUSE_OF_STATE = re.compile(r"[,;.!?()\n«»\"]|\b(?:но|а|зато|однако|хотя|или|либо)\b", re.IGNORECASE)
_VERB_POS = frozenset({"VERB", "INFN", "GRND", "PRTS"})


def _settled(text: str) -> set[int]:
    """The start offsets of the words of the clauses that say a subject is fine (see above); a dash or
    a colon joins a subject to what is said of it («математика — без проблем»), and subjects listed
    before it with commas share it («математика, физика — без проблем»)."""
    if _ambition_alone(text):
        return set()
    out: set[int] = set()
    listed: list[int] = []  # the words of the bare noun phrases just before, separated by commas
    better_wanted = _better_mark_wanted(text)
    pieces = list(_pieces(text, _CLAUSE_OF_STATE))
    alone = sum(1 for piece, _offset, _between in pieces if WORD.search(piece)) == 1
    denied, gap = False, ""  # the last clause with words says «не»; the text since it
    for piece, offset, between in pieces:
        if between.strip() != ",":
            listed = []
        words = _words_at(piece, offset)
        gap += between
        if not words:
            gap += piece
            listed = []
            continue
        contrast, gap = denied and "а" in WORD.findall(gap.lower()), ""
        lowered = [word.lower().replace("ё", "е") for word, _at in words]
        denied = "не" in lowered
        # «математика — репетитор» says of the subject that it has one (a dash or a colon, as below)
        if (
            (alone or contrast)
            and not _SUBJECT_JOIN.search(piece)
            and _tutor_asked(lowered, [lemma(word) for word in lowered])
        ):
            listed = []
            continue
        kept = _before_exception(words)
        if _fine(" ".join(word for word, _at in kept)) or _good_mark(piece) and not better_wanted:
            out.update(at for _word, at in kept)
            if _SUBJECT_JOIN.search(piece):
                out.update(listed)
            listed = []
        elif words and all(_listed(word) for word, _at in words):
            listed += [at for _word, at in words]
        else:
            listed = []
    return out


_SUBJECT_JOIN = re.compile(r"\s[-–—]\s|:")
# A mark said of a subject is a verdict: «Математика - 5», «физика: 4», «алгебра — пятёрки» say it is
# fine (no need), while «по матеше 2», «русский — тройка» stay a need (a weak mark is a difficulty).
# Only a mark that ends a clause naming nothing but the subject («математика 5», «физика: 4»), so
# «5 класс» or «сдала ОГЭ на 5» are no verdict.
_MARK = re.compile(r"(?:\s[-–—]\s*|:\s*|\s)([0-9]|[А-Яа-яЁё]+)\s*[+!.]*\s*$")
_GOOD_MARKS = frozenset({"4", "5", "пятерка", "пятерочка", "четверка", "отл", "хор"})


def _better_mark_wanted(text: str) -> bool:
    """Whether a clause wants a mark («хочет 5», «нужна пятёрка для медкласса»): the good mark said
    elsewhere is then no verdict («английский — 4, хочет 5»)."""
    for piece in _CLAUSE_OF_STATE.split(text):
        words = WORD.findall(piece)
        bases = [lemma(word) for word in words]
        wish = [base for base in bases if base in _LIKING or base in _NEEDING]
        rest = [base for base in bases if base not in GENERIC_WORDS and base not in STOP_WORDS]
        if wish and "класс" not in rest and any(base in _GOOD_MARKS for base in rest):
            return True
    return False


def _good_mark(piece: str) -> bool:
    """Whether a clause is a subject (a bare noun phrase) with a good mark after a dash or a colon."""
    found = _MARK.search(piece)
    if found is None or lemma(found.group(1)) not in _GOOD_MARKS:
        return False
    head = WORD.findall(piece[: found.start()])
    return bool(head) and all(_listed(word) or lemma(word) in STOP_WORDS for word in head)


# a strength the pupil wants to take further: «хорошо учится по математике, хочет на олимпиаду» asks
# for a mathematics olympiad, the subject said to be fine is its subject
_AMBITIONS = frozenset(
    {"олимпиада", "олимпиадный", "олимп", "всош", "конкурс", "турнир", "углублённо", "углубленно"}
)


def _ambition_alone(text: str) -> bool:
    """Whether a clause of the text asks for an olympiad or a contest and names nothing else (no
    subject of its own): the subject said to be fine elsewhere is what it is about."""
    for piece in _CLAUSE_OF_STATE.split(text):
        bases = [lemma(word) for word in WORD.findall(piece)]
        if any(base in _AMBITIONS for base in bases) and all(
            base in _AMBITIONS
            or base in GENERIC_WORDS
            or base in _LIKING
            or base in _NEEDING
            or not _content(word)
            for base, word in zip(bases, WORD.findall(piece), strict=True)
        ):
            return True
    return False


def _listed(word: str) -> bool:
    """A word of a bare noun phrase in a list: a noun, an adjective, «и»."""
    return word.lower() == "и" or _tag(word).POS in {"NOUN", "ADJF", "PRTF", "NUMR"}


# A subject a tutor already covers is no need: «по математике уже есть репетитор», «с физикой занимается
# с репетитором», «по русскому ходит к репетитору» (but «нужен репетитор по математике» is one)
_TUTORS = frozenset({"репетитор", "репетиторша", "репетиторство"})
# the verbs of having one («уже есть репетитор», «ходит к репетитору», «наняли репетитора»)
_TUTORED = frozenset({"есть", "ходить", "заниматься", "нанять", "нанимать", "взять"})
# more words that say the pupil has one («был репетитор», «ездит к репетитору», «у него репетитор»)
_HAVING_TUTOR = _TUTORED | frozenset(
    {"быть", "ездить", "возить", "посещать", "найти", "платить", "оплачивать", "помогать"}
)


def _tutor_asked(words: list[str], bases: list[str]) -> bool:
    """Whether a clause names a tutor with nothing that says the pupil has one — read as the tutor
    asked for where the clause is the whole request («Репетитор по химии») or the «а …» of a contrast
    («нужен не психолог, а репетитор по химии»), not as a subject a tutor covers."""
    at = [k for k, base in enumerate(bases) if base in _TUTORS]
    return bool(at) and not (
        _HAVING_TUTOR & set(bases)
        or "уже" in words
        or "у" in words[: at[0]]
        or _RELATIVES & set(bases[: at[0]])  # «мама — репетитор по английскому»
        or any(k and words[k - 1] in ("с", "со", "к", "ко") for k in at)
    )


@lru_cache(maxsize=50_000)
def _fine(clause: str) -> bool:
    """Whether a clause says something is fine and nothing else (see above)."""
    words = [word.lower().replace("ё", "е") for word in WORD.findall(clause)]
    bases = [lemma(word) for word in words]
    tutored = bool(_TUTORS & set(bases))
    good = tutored
    for k, (word, base) in enumerate(zip(words, bases, strict=True)):
        if base in _DIFFICULT or base in _LIKING or base in _NEEDING or base in _NEED_NOUNS:
            return False
        pos = _tag(word).POS
        if (
            pos in _VERB_POS
            and base not in _LINKING
            and not (tutored and base in _TUTORED)
            and not (pos == "VERB" and base in _KNOWING)
        ):
            return False
        if word == "не":
            # «не» only as «не проблема», «проблем не было», «трудностей не испытывает»
            following = bases[k + 1] if k + 1 < len(words) else ""
            if following in _PROBLEMS:
                good = True
            elif not (following in _EXISTING and _problem_denied(words, bases)):
                return False
        if word in _GOOD or base in _COPING or word == "порядке" and k and words[k - 1] == "в":
            good = True
    return good or _problem_denied(words, bases)


def _problem_denied(words: list[str], bases: list[str]) -> bool:
    """«проблем нет», «без проблем», «никаких трудностей», «трудностей не испытывает»: a difficulty, in
    the genitive, with a word that denies it three words away at most."""
    for k, base in enumerate(bases):
        if base not in _PROBLEMS:
            continue
        if not any(parse.tag.case == "gent" for parse in _analyzer().parse(words[k])):
            continue
        for j in range(max(0, k - 3), min(len(words), k + 4)):
            following = bases[j + 1] if j + 1 < len(words) else ""
            if bases[j] in _NO_PROBLEM or words[j] == "не" and following in _EXISTING:
                return True
    return False


# A means: «через» (not of time: «через год»), «с помощью», «посредством», «на примере» make the rest
# of their clause how something is taught or learnt, not what: «английский через фильмы и песни»
_MEANS = frozenset({"через", "посредством"})
_MEANS_AFTER = {"с": "помощь", "на": "пример"}
_TIME_WORDS = frozenset({"год", "месяц", "неделя", "день", "час", "минута", "время", "четверть", "полгода"})


@lru_cache(maxsize=50_000)
def means_words(text: str) -> frozenset[int]:
    """The start offsets of the words of a text that name a means rather than a topic."""
    out: set[int] = set()
    for piece, offset, _between in _pieces(text or "", _CLAUSE_BREAK):
        words = [(word.lower(), at) for word, at in _words_at(piece, offset)]
        for k, (word, _at) in enumerate(words):
            after = k + 1
            if word not in _MEANS:
                pair = _MEANS_AFTER.get(word)
                if pair is None or after >= len(words) or lemma(words[after][0]) != pair:
                    continue
                after += 1
            rest = words[after:]
            if rest and lemma(rest[0][0]) not in _TIME_WORDS:
                out.update(at for _word, at in rest)
                break
    return frozenset(out)


def _refused(words: list[tuple[str, int]], first: int, verb: int) -> set[int]:
    """The words a verb of liking negated at words[first:verb + 1] refuses: those after it in its
    clause, else those before it."""
    rest = _before_exception(words[verb + 1 :])  # «не хочет ничего, кроме рисования»
    after = [at for word, at in rest if _content(word)]
    if after:
        return {at for _word, at in rest}
    return {at for _word, at in words[:first]}


# «стать» (and its forms) names a career only where it asks which one (see Vocabulary._career); there
# it reads as «профессия», which the shared vocabulary knows
_BECOME = frozenset({"стать", "становиться"})
_WORKING = frozenset({"работать", "трудиться"})  # «кем работать»: which career, asked


def _which_asked(text: str, start: int) -> bool:
    """Whether «кем» (or «кто») stands before the word at ``start`` in its clause."""
    return any(lemma(word) == "кто" for word in WORD.findall(_clause(text[:start], last=True)))


_CAREER_WORD = "профессия"
# what «стать …» names when it is no career guidance: a skill or a need («стать лидером»), or an
# interest that is the profession itself («стать блогером», «стать программистом»: the interest is asked)
_NOT_CAREERS = frozenset({"skill", "social", "emotional", "interest"})


@dataclass(frozen=True)
class Concept:
    """A term of the vocabulary: its name, other ways to say it, and the broader terms it belongs to."""

    key: str
    name: str
    synonyms: tuple[str, ...] = ()
    broader: tuple[str, ...] = ()  # keys of broader concepts
    kind: str = ""  # "subject", "exam", "skill", "interest", "career", "social", "emotional"


@dataclass(frozen=True)
class Meaning:
    tokens: frozenset[str]
    words: tuple[tuple[str, str], ...]  # (token, the words it came from), first occurrence of each token
    broad: frozenset[str] = frozenset()  # the tokens that are only broader terms of what was written

    def without(self, tokens: AbstractSet[str]) -> Meaning:
        """The same meaning with ``tokens`` taken out (their words and their being broader terms too)."""
        if not tokens:
            return self
        return Meaning(
            self.tokens - tokens,
            tuple(item for item in self.words if item[0] not in tokens),
            self.broad - tokens,
        )


# Typos and abbreviations. A word the vocabulary does not find may be a word of it misspelt
# («матиматика», «руский», «информатеке») or cut short («рус. яз», «информ.», «физ-ра»). A misspelt
# word is one of five letters or more that the dictionary does not know, one letter away from a word
# of the vocabulary (a letter missed, doubled or swapped with its neighbour, or a vowel for another;
# two edits of any letters in words of eight letters or more); a dictionary word («истерика»,
# «физика») is never read as another.
TYPO_SHORTEST = 5
TYPO_MARK = "\x1f"  # ends the words of a request read through a typo (the explanation says so)
_MOST_READINGS = 256  # readings of a span tried at most
_PROPER = frozenset({"Name", "Surn", "Patr", "Orgn", "Geox", "Abbr", "Trad"})
_NOT_ABBREVIATIONS = frozenset({"NPRO", "PREP", "CONJ", "PRCL", "INTJ"})


@dataclass(frozen=True)
class Alternatives:
    """The vocabulary's words a word may stand for; whether it is a typo of them (else an
    abbreviation); whether it may stand for them alone (else only in a pattern of several words)."""

    words: tuple[str, ...]
    typo: bool
    alone: bool


def plain_words(text: str) -> str:
    """The words of a request as shown, without the mark of a typo."""
    return text.replace(TYPO_MARK, "")


_LONG_WORD = 8  # a word this long may have two typos, of any letters; a shorter one, one


def _typo_limit(word: str) -> int:
    return 1 if len(word) < _LONG_WORD else 2


_LONGEST_ABBREVIATION = 7  # letters of an abbreviation written without a dot


def _abbreviation(word: str, dotted: bool) -> str:
    """How a short word may be an abbreviation: "alone" (followed by a dot, «матем.», or of three
    letters or more that the dictionary knows only as a name or an abbreviation, if at all: «рус»,
    «анг», «информ»), "context" (any other word of five letters or fewer: only inside a pattern of
    several words, «яз» in «анг яз»), "" (none: a longer word, or a pronoun such as «нем»). A word cut
    short and followed by a dot is one whatever its length: «слабослыш.», «обществозн.»."""
    if len(word) < 2 or len(word) > _LONGEST_ABBREVIATION and not dotted:
        return ""
    parses = _analyzer().parse(word)
    if not dotted and any(parse.tag.POS in _NOT_ABBREVIATIONS for parse in parses):
        return ""
    if len(word) >= 3 and (
        dotted
        or not _analyzer().word_is_known(word)
        or any("Abbr" in parse.tag for parse in parses)
        or all(_PROPER & set(parse.tag.grammemes) for parse in parses)
    ):
        return "alone"
    return "context" if len(word) <= 5 else ""


def _deletions(word: str, depth: int) -> set[str]:
    """The word and every word it becomes with up to ``depth`` letters deleted."""
    out, frontier = {word}, {word}
    for _ in range(depth):
        frontier = {item[:i] + item[i + 1 :] for item in frontier for i in range(len(item))}
        out |= frontier
    return out


@lru_cache(maxsize=8)
def _typo_index(targets: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The vocabulary's words of five letters or more by each of their deletions within their typo
    limit: two words within the limit share a deletion (symmetric-deletion search)."""
    index: dict[str, list[str]] = {}
    for word in targets:
        if len(word) >= TYPO_SHORTEST:
            for variant in _deletions(word, _typo_limit(word)):
                index.setdefault(variant, []).append(word)
    return {variant: tuple(words) for variant, words in index.items()}


def distance(a: str, b: str, vowels_only: bool = False) -> int:
    """Edits from one word to another: insertions, deletions, substitutions, swaps of neighbours
    (optimal string alignment). With ``vowels_only``, a letter replaced by another counts as one edit
    only between vowels (the usual misspelling of an unstressed vowel: «матиматика», «биалогия»), else
    as two: «схемка» is not a typo of «съёмка»."""
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            x, y = a[i - 1], b[j - 1]
            change = 0 if x == y else 2 if vowels_only and not (x in _VOWELS and y in _VOWELS) else 1
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + change)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
        before, row = row, current
    return row[-1]


def _corrections(word: str, targets: tuple[str, ...]) -> tuple[tuple[str, ...], int]:
    """The vocabulary's words nearest to a misspelt word or to a dictionary form the analyser
    guesses for it («информатеке» → «информатека» → «информатика»), within the typo limit, and their
    distance: 0 for a form of a vocabulary word the dictionary does not know («стримит» → «стримить»),
    which is no typo."""
    index = _typo_index(targets)
    forms = dict.fromkeys(
        [word, *(parse.normal_form.replace("ё", "е") for parse in _analyzer().parse(word)[:4])]
    )
    best: dict[str, int] = {}
    for form in forms:
        if len(form) < TYPO_SHORTEST - 1:
            continue
        for variant in _deletions(form, 2):
            for target in index.get(variant, ()):
                if target not in best or best[target] > 0:
                    found = distance(form, target, vowels_only=len(target) < _LONG_WORD)
                    if found <= _typo_limit(target) and found < best.get(target, 99):
                        best[target] = found
    if not best:
        return (), 0
    nearest = min(best.values())
    return tuple(sorted(target for target, found in best.items() if found == nearest)), nearest


# Look-alike words. A subject's adjective before a noun of another thing is no subject («английский
# бульдог»); it is one before a noun of school work, listed here (a noun the vocabulary knows is judged by
# its concept, a noun that names no topic keeps the subject).
_SUBJECT_HEADS_TEXT = """
    язык речь слово фраза выражение идиома глагол время падеж буква алфавит звук текст грамматика
    произношение правило перевод литература классика писатель поэт чтение письмо диалог словарь
    формула элемент реакция вещество уравнение опыт эксперимент задача задачка задачник задание пример
    упражнение явление величина закон событие дата факт личность деятель источник термин понятие
    теория практика тест игра олимпиада экзамен кружок клуб секция лаборатория профиль уклон вертикаль
    урок учитель репетитор преподаватель курс факультет гимназия лицей спецшкола учебник программа
    наука дисциплина грамотность культура способность склонность мышление воспитание образование
    просвещение
"""
_SUBJECT_HEADS = frozenset(_SUBJECT_HEADS_TEXT.split())
_FIELD_KINDS = frozenset({"subject", "interest"})
_ANY_SUBJECT_KINDS = frozenset({"exam", "skill"})  # an exam or a skill of any subject: «химическая олимпиада»


@lru_cache(maxsize=1)
def _subject_head_families() -> frozenset[str]:
    return frozenset(key for key in map(family, _SUBJECT_HEADS) if len(key) >= _FAMILY_PATTERN_KEY)


def _modifier_kind(word: str) -> str:
    """Whether a word is an "adjective" (it may be one: «русская», «английского»), a "noun"
    («история») or neither ("")."""
    parses = _analyzer().parse(word.lower())
    if any(parse.tag.POS in {"ADJF", "PRTF"} for parse in parses):
        return "adjective"
    return "noun" if parses and parses[0].tag.POS == "NOUN" else ""


def _agrees(adjective: str, word: str, pos: str) -> bool:
    """Whether an adjective may modify a word of a part of speech ("NOUN", or "ADJF" for another
    adjective of the same noun): the same case and number, and gender in the singular."""
    mine = [p.tag for p in _analyzer().parse(adjective.lower()) if p.tag.POS in {"ADJF", "PRTF"}]
    kinds = {"ADJF", "PRTF"} if pos == "ADJF" else {pos}
    theirs = [p.tag for p in _analyzer().parse(word.lower()) if p.tag.POS in kinds]
    for a, b in product(mine, theirs):
        if a.case != b.case or a.number != b.number:
            continue
        if a.number == "plur" or a.gender is None or b.gender is None or a.gender == b.gender:
            return True
        if "Ms-f" in b:  # a noun of common gender
            return True
    return False


def _in_genitive(word: str, pos: str) -> bool:
    """Whether a word may be a noun ("NOUN") or an adjective ("ADJF") in the genitive."""
    kinds = {"ADJF", "PRTF"} if pos == "ADJF" else {pos}
    return any(p.tag.POS in kinds and p.tag.case == "gent" for p in _analyzer().parse(word.lower()))


class Vocabulary:
    """Concepts found in phrases by lemmas: the longest pattern first, each word used once."""

    def __init__(self, concepts: Iterable[Concept] = ()) -> None:
        self.concepts: dict[str, Concept] = {}
        self.patterns: dict[tuple[str, ...], list[str]] = {}
        # the same patterns by word families («тревожность» also finds «тревожится»)
        kept: set[str] = set()
        for concept in concepts:
            self.concepts[concept.key] = concept
            for text in (concept.name, *concept.synonyms):
                pattern = lemmas(text)
                plain = text.strip().lower().replace("ё", "е")
                if not pattern and WORD.fullmatch(plain):  # «ИЗО»: a stop word's spelling
                    pattern = (plain,)
                    kept.add(plain)
                if pattern:
                    keys = self.patterns.setdefault(pattern, [])
                    if concept.key not in keys:
                        keys.append(concept.key)
        self.family_words: dict[tuple[str, ...], list[tuple[tuple[str, ...], list[str]]]] = {}
        for pattern, keys in self.patterns.items():
            keyed = tuple(family(word) for word in pattern)
            self.family_words.setdefault(keyed, []).append((pattern, keys))
        self.pattern_words = frozenset(word for pattern in self.patterns for word in pattern)
        self.single_words = frozenset(
            pattern[0] for pattern in self.patterns if len(pattern) == 1 and len(pattern[0]) >= 4
        )
        self.longest = max((len(p) for p in self.patterns), default=0)
        self.kept = frozenset(kept)
        # the words a typo or an abbreviation may stand for: Cyrillic words of the patterns, sorted
        # (an abbreviation's words are a range of them), that name a topic
        self._targets = tuple(
            sorted(
                word
                for word in self.pattern_words
                if word.isalpha() and CYRILLIC.search(word) and word not in GENERIC_WORDS
            )
        )
        self._up: dict[str, tuple[str, ...]] = {}
        self._phrases: dict[str, tuple[tuple[str, str, bool], ...]] = {}
        self._alternatives_of: dict[tuple[str, str, bool], Alternatives | None] = {}

    def __len__(self) -> int:
        return len(self.concepts)

    def ancestors(self, key: str) -> tuple[str, ...]:
        """Every broader concept of ``key``, nearest first (cycles in the data are ignored)."""
        found = self._up.get(key)
        if found is None:
            seen: dict[str, None] = {}
            queue = list(self.concepts[key].broader) if key in self.concepts else []
            while queue:
                item = queue.pop(0)
                if item in seen or item == key or item not in self.concepts:
                    continue
                seen[item] = None
                queue.extend(self.concepts[item].broader)
            found = self._up[key] = tuple(seen)
        return found

    def find(self, text: str) -> list[tuple[tuple[str, ...], str]]:
        """(concept keys, the words that named them) for each concept found; then ((), word) for each
        content word left over, as its lemma token. Words a pupil says they do not want («не хочу
        заниматься спортом», «спорт не люблю», «не математика») name nothing."""
        return [(keys, surface) for keys, surface, _means, _weak in self._find(text)]

    def _find(self, text: str) -> list[tuple[tuple[str, ...], str, bool, bool]]:
        """As :meth:`find`, with whether the words name a means rather than the topic («английский
        через фильмы и песни»: films and songs), and whether they are only a weak link («история
        моды»: see :meth:`_qualified`)."""
        words = self._read(text, self._split(_spans(text, self.kept)))
        negated = negated_words(text) | relatives_words(text) | others_wishes(text)
        actors = actors_words(text)
        means = means_words(text)
        others = [self.alternatives(text, *word) for word in words]
        out: list[tuple[tuple[str, ...], str, bool]] = []
        places: list[tuple[int, int]] = []  # the first word and the number of words of each item
        i = 0
        while i < len(words):
            for length in range(min(self.longest, len(words) - i), 0, -1):
                bases = tuple(word[1] for word in words[i : i + length])
                keys = self.patterns.get(bases) or self._by_family(bases)
                typo = False
                if not keys and any(others[i : i + length]):
                    keys, typo = self._by_alternatives(bases, others[i : i + length])
                if keys:
                    told = [word[2] for word in words[i : i + length]]
                    if not all(at in negated for at in told) and not self._actor(keys, told, actors):
                        # the words as written, with the little words between them («подготовка к ОГЭ»)
                        span = " ".join(text[words[i][2] : words[i + length - 1][3]].split())
                        shown = " ".join(_display(word) for word in span.split())
                        out.append((tuple(keys), shown + TYPO_MARK if typo else shown, words[i][2] in means))
                        places.append((i, length))
                    i += length
                    break
            else:
                surface, base, start = words[i][:3]
                compound = self._compound(base)
                if start in negated:
                    pass
                elif compound:
                    out.append((compound, _display(surface), start in means))
                    places.append((i, 1))
                elif not _generic(base) and len(base) > 1 and not base.isdigit():
                    out.append(((), _display(surface), start in means))
                    places.append((i, 1))
                i += 1
        return self._qualified(text, words, out, places)

    def _actor(self, keys: Sequence[str], told: Sequence[int], actors: frozenset[int]) -> bool:
        """Whether words name only careers and are a person acting in the text (:func:`actors_words`)."""
        return all(at in actors for at in told) and all(
            key in self.concepts and self.concepts[key].kind == "career" for key in keys
        )

    def _qualified(
        self,
        text: str,
        words: list[tuple[str, str, int, int]],
        items: list[tuple[tuple[str, ...], str, bool]],
        places: list[tuple[int, int]],
    ) -> list[tuple[tuple[str, ...], str, bool, bool]]:
        """The items without the look-alike words of a phrase that means something else. An adjective
        that stands for a subject («английский» for «английский язык», «химический») names it alone
        («английский», «по русскому») or before a noun of the subject («химический кружок»,
        «исторические события», «русская литература»), not before a noun of another thing: «русская
        народная музыка» is music, «английский бульдог» a dog, «химическая завивка» a hairdo (the
        adjective names nothing). A subject named as the history,
        the chemistry… of a thing of another field («история моды») is only a weak link: read as a
        broader term (counted in part, no broader term of its own), with the words of the whole phrase."""
        at = {first + k: n for n, (first, length) in enumerate(places) for k in range(length)}
        out = [(keys, shown, means, False) for keys, shown, means in items]
        dropped: set[int] = set()
        for n, ((keys, _shown, _means), (first, length)) in enumerate(zip(items, places, strict=True)):
            if length != 1 or not keys or not self._subjects(keys):
                continue
            surface = words[first][0]
            kind = _modifier_kind(surface)
            head = self._head(text, words, first, kind) if kind else None
            if head is None:
                continue
            other = at.get(head)
            head_keys = items[other][0] if other is not None else ()
            if kind == "adjective":
                # an adjective the vocabulary lists for the subject itself, read as «… язык», «…
                # предмет» («русский», «химический»); one found through its family's noun names the
                # same thing before any noun («лыжные гонки»)
                elliptical = (words[first][1],) in self.patterns
                if elliptical and not self._subject_head(words[head][1], keys, head_keys):
                    dropped.add(n)
            elif self._fields(head_keys) and not self._near(keys, head_keys):
                # the subject's word and what follows it, as a broader term of what the pupil said
                span = " ".join(text[words[first][2] : words[head][3]].split())
                out[n] = (keys, " ".join(_display(word) for word in span.split()), True, True)
        dropped.update(self._skills_of_subject(text, words, items, places))
        return [item for n, item in enumerate(out) if n not in dropped]

    def _skills_of_subject(
        self,
        text: str,
        words: list[tuple[str, str, int, int]],
        items: list[tuple[tuple[str, ...], str, bool]],
        places: list[tuple[int, int]],
    ) -> set[int]:
        """The items of a subject's phrase followed by «по» and another subject: «решает задачи по химии»
        is chemistry, not mathematics as «решает задачи» alone is."""
        out: set[int] = set()
        for n in range(len(items) - 1):
            keys, (first, length) = items[n][0], places[n]
            following, (after, _length) = items[n + 1][0], places[n + 1]
            if length < 2 or after != first + length or not keys or not following:
                continue
            between = text[words[first + length - 1][3] : words[after][2]].strip().lower()
            if (
                between == "по"
                and self._subjects(keys)
                and self._subjects(following)
                and not {*keys} & {*following}
            ):
                out.add(n)
        return out

    def _fields(self, keys: Sequence[str]) -> bool:
        """Whether concepts name a field of their own (a subject or an interest: «моды», «театра»), not
        a need («экономика семьи» is economics)."""
        return any(key in self.concepts and self.concepts[key].kind in _FIELD_KINDS for key in keys)

    def _subjects(self, keys: Sequence[str]) -> bool:
        """Whether every concept of an item is a school subject."""
        return all(key in self.concepts and self.concepts[key].kind == "subject" for key in keys)

    def _family_of(self, keys: Iterable[str]) -> set[str]:
        """The concepts and every broader concept of them."""
        return {up for key in keys for up in (key, *self.ancestors(key))}

    def _near(self, keys: Sequence[str], others: Sequence[str]) -> bool:
        """Whether concepts are of one field (one is the other's broader term, or they share one),
        or the others are an exam or a skill of any subject («английская олимпиада»)."""
        if self._family_of(keys) & self._family_of(others):
            return True
        return any(self.concepts[key].kind in _ANY_SUBJECT_KINDS for key in others if key in self.concepts)

    def _subject_head(self, base: str, keys: Sequence[str], head_keys: Sequence[str]) -> bool:
        """Whether a noun a subject's adjective stands before is of the subject: a word of school work
        («кружок», «задачи», «события», «уравнения»), a concept of the same field («русская
        литература»), or a word that names no topic of its own («класс», «предмет»)."""
        if base in _SUBJECT_HEADS or family(base) in _subject_head_families():
            return True
        return self._near(keys, head_keys) if head_keys else _generic(base)

    @staticmethod
    def _head(text: str, words: list[tuple[str, str, int, int]], first: int, kind: str) -> int | None:
        """The noun a word stands before, in the same phrase: for an adjective, the noun it agrees
        with, across other adjectives that agree («русская народная музыка»); for a noun, a noun in the
        genitive right after it («история моды»). None when anything else comes between."""
        word = words[first][0]
        k = first + 1
        while k < len(words) and not text[words[k - 1][3] : words[k][2]].strip():
            following = words[k][0]
            if kind == "adjective":
                if _agrees(word, following, "NOUN"):
                    return k
                if not _agrees(word, following, "ADJF"):
                    return None
            else:
                if _in_genitive(following, "NOUN"):
                    return k
                if not _in_genitive(following, "ADJF"):
                    return None
            k += 1
        return None

    def _read(self, text: str, words: list[tuple[str, str, int, int]]) -> list[tuple[str, str, int, int]]:
        """The words as the vocabulary reads them: a word of several dictionary forms takes the one a
        term is made of («цветами»: «цветок», not «цвет»); «стать» is a career only where it asks which
        one («кем стать», «стать инженером»), not in «стать увереннее» or «стать частью команды»."""
        out = []
        for surface, base, start, end in words:
            plain = surface.lower().replace("ё", "е")
            if (
                base not in self.pattern_words
                and base != plain
                and len(surface) > 4
                and " " not in base  # a verb said of oneself stays one (_reflexive_verb)
                and not _generic(base)
            ):
                base = next((form for form in normal_forms(surface) if form in self.pattern_words), base)
            if base in _BECOME:
                if not self._career(text, start, end):
                    continue
                base = _CAREER_WORD
            elif base in _WORKING and _which_asked(text, start):
                base = _CAREER_WORD  # «не знает, кем работать» asks for a career, «мама работает» does not
            out.append((surface, base, start, end))
        return out

    def _career(self, text: str, start: int, end: int) -> bool:
        """Whether «стать» at text[start:end] asks for a career: «кем» before it in its clause, nothing
        after it, or a person after it («инженером», «поваром») the vocabulary does not know as a skill,
        a social or emotional need or an interest («лидером», «волонтёром» are not careers, and
        «блогером», «программистом» ask for the interest itself)."""
        if _which_asked(text, start):
            return True
        after = [
            word for word in WORD.findall(_clause(text[end:], last=False)) if lemma(word) not in STOP_WORDS
        ]
        if not after:
            return True
        parse = _analyzer().parse(after[0].lower())[0]
        if not {"NOUN", "anim", "ablt"} <= set(parse.tag.grammemes):
            return False
        kinds = {concept.kind for concept in self.concepts_of(" ".join(after))}
        return not kinds or not kinds <= _NOT_CAREERS

    def _compound(self, base: str) -> tuple[str, ...]:
        """The concepts of a compound word's last part joined by a linking vowel, when the vocabulary
        knows that part as a word of its own: «астрофизика» → «физика», «биохимия» → «химия»,
        «электротехника» → «техника». Parts of four letters or more after a stem of two or more."""
        if len(base) < 7 or not CYRILLIC.search(base) or base in _OWN_FAMILY or base in _WHOLE_WORDS:
            return ()
        for i in range(2, len(base) - _FAMILY_PATTERN_KEY):
            if base[i] in "ое" and base[i + 1 :] in self.single_words:
                tail = base[i + 1 :]
                # a compound is the part of speech of its last part: «хромать» is no «хро-о-мать»
                if tail not in GENERIC_WORDS and _part_of_speech(tail) == _part_of_speech(base):
                    return tuple(self.patterns[(tail,)])
        return ()

    def _by_family(self, bases: tuple[str, ...]) -> list[str] | None:
        """The concepts of a pattern of the same word families, unless a word names no topic
        («научиться» is not «наука», «трудно» is not «труд»)."""
        if any(base in GENERIC_WORDS for base in bases):
            return None
        out: list[str] = []
        for pattern, keys in self.family_words.get(tuple(family(base) for base in bases), ()):
            if all(_related(base, word) for base, word in zip(bases, pattern, strict=True)):
                out.extend(key for key in keys if key not in out)
        if not out and len(bases) == 1 and (plain := _unprefixed(bases[0])):
            # the plain verb's own term, or its family's, through a verb or the key itself only
            # («пробежать» → «бежать» → «бегать», «бег»): two steps link words of no common meaning,
            # by a short key («навещать» → «вещать» → «вещество») or a long one («отправить» →
            # «править» → «право»)
            key = family(plain)
            if self.patterns.get((plain,)):
                return self.patterns.get((plain,))
            near = [
                concept
                for pattern, keys in self.family_words.get((key,), ())
                if pattern[0] == key or _part_of_speech(pattern[0]) == "INFN"
                for concept in keys
            ]
            return list(dict.fromkeys(near)) or None
        return out or None

    def _split(self, words: list[tuple[str, str, int, int]]) -> list[tuple[str, str, int, int]]:
        """Hyphenated words the vocabulary does not know as a whole, as their parts: «телеграм-канал»
        → «телеграм», «канал»; «сочинению-рассуждению» → «сочинение», «рассуждение»; «по-английски»
        → «английски». Known ones («3D-моделирование», «физико-математический») stay whole."""
        if not any("-" in word[0] for word in words):
            return words
        out = []
        for surface, base, start, end in words:
            if "-" not in surface or base in self.pattern_words:
                out.append((surface, base, start, end))
                continue
            if self._contraction(surface.lower().replace("ё", "е")):  # «физ-ра», «лит-ра»: one word
                out.append((surface, surface.lower().replace("ё", "е"), start, end))
                continue
            for part in surface.split("-"):
                part_base = lemma(part)
                if part and part_base not in STOP_WORDS:
                    # the whole word is what the explanation shows: «по-английски ≈ английскому»
                    out.append((part, part_base, start, end))
        return out

    def alternatives(self, text: str, surface: str, base: str, _start: int, end: int) -> Alternatives | None:
        """The vocabulary's words a word that finds nothing may stand for: the words an abbreviation
        begins («рус.», «информ.», «анг яз») or a contraction begins and ends («физ-ра», «лит-ра»), else
        the words a misspelt word is a typo or two away from («матиматика», «руский»); None when the
        word finds something itself or stands for nothing."""
        plain = surface.lower().replace("ё", "е")
        dotted = text[end : end + 1] == "."
        key = (plain, base, dotted)
        if key in self._alternatives_of:
            return self._alternatives_of[key]
        found: Alternatives | None = None
        if "-" in plain:
            words = self._contraction(plain)
            found = Alternatives(words, typo=False, alone=True) if words else None
        elif (
            CYRILLIC.search(plain)
            and plain.isalpha()
            and base not in self.pattern_words
            and (dotted or not _generic(base))
            and not self._by_family((base,))
        ):
            kind = _abbreviation(plain, dotted)
            words = self._expansions(plain) if kind else ()
            if words:
                found = Alternatives(words, typo=False, alone=kind == "alone")
            elif len(plain) >= TYPO_SHORTEST and not _analyzer().word_is_known(plain):
                words, edits = _corrections(plain, self._targets)
                found = Alternatives(words, typo=edits > 0, alone=True) if words else None
        self._alternatives_of[key] = found
        return found

    def _expansions(self, prefix: str) -> tuple[str, ...]:
        """The vocabulary's words an abbreviation begins, two letters longer or more."""
        at = bisect_left(self._targets, prefix)
        out = []
        while at < len(self._targets) and self._targets[at].startswith(prefix):
            if len(self._targets[at]) >= len(prefix) + 2:
                out.append(self._targets[at])
            at += 1
        return tuple(out)

    def _contraction(self, word: str) -> tuple[str, ...]:
        """The vocabulary's words a contraction stands for: «физ-ра» → «физкультура», «лит-ра» →
        «литература», «мат-ка» → «математика» (its beginning, a hyphen, its last three letters or fewer)."""
        head, _sep, tail = word.partition("-")
        if len(head) < 2 or not 1 <= len(tail) <= 3 or "-" in tail or not (head + tail).isalpha():
            return ()
        return tuple(
            found
            for found in self._expansions(head)
            if found.endswith(tail) and len(found) > len(head) + len(tail)
        )

    def _by_alternatives(
        self, bases: tuple[str, ...], others: Sequence[Alternatives | None]
    ) -> tuple[list[str] | None, bool]:
        """(the concepts of the one pattern the words find when those that find nothing stand for what
        they may, whether a typo was read so), or (None, False) when they find none or patterns of
        different concepts («физ.»: physics or physical education). A word alone stands for another
        only when it cannot be a word of its own (a short word is read in a pattern of several only:
        «яз» in «рус. яз»)."""
        if len(bases) == 1 and (others[0] is None or not others[0].alone):
            return None, False
        options: list[tuple[tuple[str, bool], ...]] = []
        count = 1
        for base, other in zip(bases, others, strict=True):
            words = other.words if other is not None else ()
            typo = other is not None and other.typo
            options.append(((base, False), *((word, typo) for word in words)))
            count *= len(options[-1])
        if count > _MOST_READINGS:
            return None, False
        found: dict[frozenset[str], tuple[list[str], bool]] = {}
        for reading in product(*options):
            words = tuple(word for word, _typo in reading)
            if words == bases:
                continue
            keys = self.patterns.get(words) or self._by_family(words)
            if keys:
                typo = any(typo for _word, typo in reading)
                earlier = found.get(frozenset(keys))
                found[frozenset(keys)] = (keys, typo if earlier is None else earlier[1] and typo)
        if len(found) != 1:
            return None, False
        return next(iter(found.values()))

    def phrase(self, text: str) -> tuple[tuple[str, str, bool], ...]:
        """(token, words, named directly) of one phrase, remembered: thousands of pupils write the same
        phrases. A broader concept of a concept found is not named directly, nor is a means
        («английский через песни»: songs are how, not what)."""
        key = text.strip()
        found = self._phrases.get(key)
        if found is None:
            items: list[tuple[str, str, bool]] = []
            for keys, surface, means, weak in self._find(key):
                if not keys:
                    items.append((f"w:{word_key(lemma(surface))}", surface, not means))
                    continue
                for concept in keys:
                    items.append((f"c:{concept}", surface, not means))
                for concept in () if weak else keys:  # a weak link reaches no broader term
                    items.extend(
                        (f"c:{up}", f"{surface} ({_name(self.concepts[up].name)})", False)
                        for up in self.ancestors(concept)
                    )
            found = self._phrases[key] = tuple(items)
        return found

    def direct(self, text: str) -> tuple[tuple[str, str, bool], ...]:
        """(token, words, True) of one phrase without the broader concepts."""
        return tuple(item for item in self.phrase(text) if item[2])

    def keywords(self, text: str) -> frozenset[str]:
        """The words of one phrase as the engine's words criterion compares them (``Mentee.keywords``):
        the terms it names directly and the family tokens of the words they were read from («ГТО»,
        «пожарный»), as those of the words the vocabulary does not know. Broader terms, a means
        («через песни»), what a pupil says they do not want, stop and generic words are left out, and
        the words of an exam: the exam is its term, which the engine's records scope to its subject
        («ОГЭ по истории» shares nothing with «ОГЭ по русскому»)."""
        out: set[str] = set()
        for token, surface, _direct in self.direct(text):
            out.add(token)
            concept = self.concepts.get(token[2:]) if token.startswith("c:") else None
            if concept is not None and concept.kind == "exam":
                continue
            for base in lemmas(plain_words(surface)):
                if len(base) > 1 and not base.isdigit() and not _generic(base):
                    out.add(f"w:{word_key(base)}")
        return frozenset(out)

    def concepts_of(self, text: str) -> list[Concept]:
        """The concepts a phrase names directly (for showing a school what the system understood)."""
        out: dict[str, Concept] = {}
        for keys, _surface in self.find(text):
            for key in keys:
                out.setdefault(key, self.concepts[key])
        return list(out.values())


def _name(name: str) -> str:
    """A concept's name inside a sentence: «Гуманитарные науки» → «гуманитарные науки», «ОГЭ» stays."""
    return name if name[:2].isupper() else name[:1].lower() + name[1:]


def _display(surface: str) -> str:
    """A word as shown in an explanation: lower case, but abbreviations (ОГЭ, ОВЗ) as written."""
    return surface if len(surface) > 1 and surface.isupper() else surface.lower()


def understand(phrases: Iterable[str], vocabulary: Vocabulary, broader: bool = True) -> Meaning:
    """The tokens of a list of phrases and the words each came from; without ``broader``, only the
    concepts named and the words left over (a teacher's subject is the subject, not its field)."""
    words: dict[tuple[str, str], None] = {}  # every (token, words), first occurrences first
    count: dict[str, int] = {}
    named: set[str] = set()
    for text in phrases:
        if not isinstance(text, str) or not text.strip():
            continue
        items = vocabulary.phrase(text) if broader else vocabulary.direct(text)
        for token, surface, direct in items:
            if (token, surface) not in words and count.get(token, 0) < _WORDS_PER_TOKEN:
                words[(token, surface)] = None
                count[token] = count.get(token, 0) + 1
            if direct:
                named.add(token)
    return Meaning(frozenset(count), tuple(words), frozenset(count.keys() - named))


_WORDS_PER_TOKEN = 4  # the ways of saying one token kept for the explanation

# A specialist refused: «к психологу идти не хочет», «психолог не нужен», «без логопеда» — the pupil must
# not be sent to that specialist (a hard rule of the engine: Mentee.refused), whatever else they ask for.
# Only the posts of the support staff: refusing a subject is no refusal of every teacher who teaches it.
_SPECIALISTS = frozenset(
    {
        "психолог", "психология", "психологический", "психотерапевт", "логопед", "логопедия",
        "логопедический", "дефектолог", "дефектология", "соцпедагог",
    }
)  # fmt: skip
_SOCIAL_PEDAGOGUE = ("социальный", "педагог")
# «к психологу не пойдёт»: will not go to a specialist refuses them («не ходит в школу» is a need, and
# «не ходит к логопеду» a fact)
_GOING = frozenset({"пойти", "идти", "обратиться"})


def refused_specialists(phrases: Iterable[str], vocabulary: Vocabulary) -> frozenset[str]:
    """The concept tokens of the specialists a pupil refuses in their own words (see above)."""
    out: set[str] = set()
    for text in phrases:
        if not isinstance(text, str) or not text.strip():
            continue
        negated = negated_words(text)
        found = [(word.group(), word.start()) for word in WORD.finditer(text)]
        for k, (word, at) in enumerate(found):
            if at not in negated:
                continue
            base = lemma(word)
            named = ""
            if base in _SPECIALISTS:
                named = word
            elif base == _SOCIAL_PEDAGOGUE[1] and k and lemma(found[k - 1][0]) == _SOCIAL_PEDAGOGUE[0]:
                named = " ".join(_SOCIAL_PEDAGOGUE)
            if named:
                tokens = understand([named], vocabulary, broader=False).tokens
                out.update(token for token in tokens if token.startswith("c:"))
    return frozenset(out)


# A pupil of the primary grades asking for a subject their class teacher teaches («таблица умножения»,
# «пишет с ошибками» in the 2nd grade) asks the primary class teacher first, as a school psychologist
# sends them: the post is found through these words in the school's own vocabulary (a region may have
# renamed the terms), and so are the subjects (not a foreign language, sport or music: specialists
# teach those in primary school too). Learning to read and write («читает по слогам») is the class
# teacher's first subject there.
PRIMARY_GRADES = (1, 4)
_PRIMARY_POST = "начальные классы"
_PRIMARY_SUBJECTS = (
    "русский язык",
    "математика",
    "литературное чтение",
    "обучение грамоте",
    "успеваемость",
    "домашние задания",
)


@lru_cache(maxsize=8)
def _primary_tokens(vocabulary: Vocabulary) -> tuple[frozenset[str], frozenset[str]]:
    """(the tokens of the primary class teacher's post, the tokens of the subjects they teach)."""
    post = understand([_PRIMARY_POST], vocabulary, broader=False).tokens
    subjects = understand(_PRIMARY_SUBJECTS, vocabulary, broader=False).tokens
    return (
        frozenset(token for token in post if token.startswith("c:")),
        frozenset(token for token in subjects if token.startswith("c:")) - post,
    )


def _contest(meaning: Meaning, vocabulary: Vocabulary) -> bool:
    """Whether a meaning names an exam, an olympiad or a contest: an ambition, not a need of the lessons
    («выразительное чтение на конкурс» goes to the one who prepares for the contest)."""
    return any(
        (concept := vocabulary.concepts.get(token[2:])) is not None and concept.kind == "exam"
        for token in meaning.tokens
        if token.startswith("c:")
    )


def for_primary_pupil(meaning: Meaning, vocabulary: Vocabulary) -> Meaning:
    """A primary pupil's meaning with the primary class teacher's post added, as named, when it names a
    subject that teacher teaches, and the subject counted as a broader term (a subject teacher meets
    it in part); the post says it in the words of that subject («пишет с ошибками ≈ начальные
    классы»)."""
    post, subjects = _primary_tokens(vocabulary)
    named = [
        (token, text) for token, text in meaning.words if token in subjects and token not in meaning.broad
    ]
    if not post or not named or _contest(meaning, vocabulary):
        return meaning
    added = tuple((token, named[0][1]) for token in sorted(post) if token not in meaning.tokens)
    # the subject itself is then a subject teacher's only in part: the class teacher teaches it here
    return Meaning(meaning.tokens | post, meaning.words + added, (meaning.broad | subjects) & meaning.tokens)


def _closeness(a: str, b: str) -> int:
    """How plainly two phrases met, 0 the plainest: the same lemmas, the same word families, two ways
    of saying one term, only through a broader term."""
    (base_a, area_a), (base_b, area_b) = _split(a), _split(b)
    if area_a or area_b:
        return 4 if area_a and area_b else 3
    la, lb = lemmas(base_a), lemmas(base_b)
    if la == lb:
        return 0
    return 1 if {family(x) for x in la} & {family(x) for x in lb} else 2


def _split(words: str) -> tuple[str, str]:
    """«грамотность (филология)» → ("грамотность", "филология"): the words and the broader term they
    were reached through ("" when named directly)."""
    if words.endswith(")") and " (" in words:
        base, _sep, area = words[:-1].rpartition(" (")
        return base, area
    return words, ""


def _typo_distance(a: str, b: str, misspelt: set[str]) -> int:
    """How far a misspelt phrase is from the other side's (0 when neither is misspelt): the word a
    typo was read as is the nearest."""
    base_a, base_b = _split(a)[0], _split(b)[0]
    return distance(base_a, base_b) if {base_a, base_b} & misspelt else 0


def explain_met(
    tokens: Iterable[str],
    left: Sequence[tuple[str, str]],
    right: Sequence[tuple[str, str]],
    typo: str = "",
) -> list[str]:
    """What met, for each matched token: «русскому языку ↔ русский язык» (the same lemmas),
    «публичные выступления ≈ ораторское мастерство» (synonyms of one term), «грамотность ≈ литература
    (филология)» (only through a broader term, named). Words that met directly are not repeated
    through their broader terms. Tokens without words are named as they are. Words read through a
    typo are followed by ``typo`` in brackets: «матиматика ≈ математика (опечатка?)»."""
    left_words: dict[str, list[str]] = {}
    right_words: dict[str, list[str]] = {}
    misspelt: set[str] = set()
    for side, found in ((left, left_words), (right, right_words)):
        for token, text in side:
            shown = plain_words(text)
            if shown != text:
                misspelt.add(_split(shown)[0])
            found.setdefault(token, []).append(shown)
    direct: dict[tuple[str, str], str] = {}
    met_directly: set[str] = set()
    broad: dict[tuple[str, str], tuple[int, str]] = {}
    bare: list[str] = []
    for token in sorted(tokens):
        if token not in left_words or token not in right_words:
            bare.append(token.split(":", 1)[1] if token[:2] in {"c:", "w:"} else token)
            continue
        # the plainest of the ways the two said it: «лыжами ↔ лыжным» rather than «лыжами ≈ тренер»;
        # a typo by the word it was read as: «матиматика ≈ математика» rather than «≈ алгебра»
        rank, _near, a, b = min(
            (_closeness(x, y), _typo_distance(x, y, misspelt), x, y)
            for x in left_words[token]
            for y in right_words[token]
        )
        (base_a, area_a), (base_b, area_b) = _split(a), _split(b)
        note = f" ({typo})" if typo and {base_a, base_b} & misspelt else ""
        if not area_a and not area_b:
            sign = "↔" if lemmas(base_a) == lemmas(base_b) and not note else "≈"
            direct.setdefault((base_a, base_b), f"{base_a} {sign} {base_b}{note}")
            # every way the mentee said a term met directly («законы Ньютона», «физика»): not repeated
            # through a broader term
            met_directly.update(w for w in left_words[token] if not _split(w)[1])
        else:
            # the nearest broader term of those through which the same words met
            area = area_a or area_b
            plain = lemmas(area) in (lemmas(base_a), lemmas(base_b))  # «≈ русский язык (русский язык)»
            text = f"{base_a} ≈ {base_b}{note}" if plain else f"{base_a} ≈ {base_b} ({area}){note}"
            if (base_a, base_b) not in broad or rank < broad[(base_a, base_b)][0]:
                broad[(base_a, base_b)] = (rank, text)
    named = {a for a, _b in direct} | met_directly
    best: dict[str, int] = {}  # the plainest way each of the mentee's words met through a broader term
    for (a, _b), (rank, _text) in broad.items():
        best[a] = min(rank, best.get(a, rank))
    lines = list(direct.values()) + [
        text
        for (a, b), (rank, text) in broad.items()
        if a not in named and (a, b) not in direct and rank == best[a]
    ]
    return sorted(dict.fromkeys(lines)) + sorted(bare)


# --------------------------------------------------------------------------------------------------
# Preferred grades and availability, as mentors and pupils write them

_RANGE = re.compile(r"(\d{1,2})\s*(?:[-–—]|до|по)\s*(\d{1,2})|(\d{1,2})")
_AGE_WORDS = ("лет", "год", "возраст")
_GRADE_WORDS = ("класс", "кл", "параллел")


# The stages of a school in words: «младшие школьники», «начальная школа» (1–4), «среднее звено»,
# «средние классы» (5–9), «старшеклассники», «старшая школа» (10–11). A stage's adjective counts before
# one of the words of a school's part, or a word of its own («старшеклассники»)
GRADES = (1, 11)  # the first and the last grade of a school
_AGES = (3, 99)  # the ages a preference may name
_FROM_GRADE = re.compile(
    r"(?:\b(?:с|со|от|начиная\s+с)\s+\d{1,2}\b(?![-–—])|\b\d{1,2}\s*\+|\b\d{1,2}\b[^\d]{0,12}?\bи\s+старше\b"
    r"|\bне\s+младше\s+\d{1,2}\b)"
)
_UP_TO_GRADE = re.compile(
    r"(?:\bдо\s+\d{1,2}\b|\bне\s+старше\s+\d{1,2}\b|\b\d{1,2}\b[^\d]{0,12}?\bи\s+младше\b)"
)
# the school's abbreviations of a stage: «нач. школа», «нач. кл.», «ст. классы», «ср. звено»
_STAGE_ABBREVIATION = {"нач": "начальные", "ст": "старшие", "ср": "средние", "мл": "младшие"}
_STAGE_ABBREVIATIONS = re.compile(r"\b(нач|ст|ср|мл)\.")
_STAGES = {"младший": (1, 4), "начальный": (1, 4), "средний": (5, 9), "старший": (10, 11)}
_STAGE_NOUNS = frozenset({"школа", "школьник", "класс", "кл", "звено", "ступень", "параллель", "возраст"})
_COMPARATIVES = frozenset({"старше", "младше"})
_STAGE_WORDS = {
    "младшеклассник": (1, 4),
    "первоклассник": (1, 1),
    "пятиклассник": (5, 5),
    "среднеклассник": (5, 9),
    "старшеклассник": (10, 11),
    "выпускник": (9, 11),
}


def _stages(text: str) -> list[int]:
    """The first and last grades of each stage of a school the text names in words."""
    # «среднее» is an adjective here, not the noun «среднее»
    words = [
        # «старше», «младше» compare («не старше 7 класса»): no stage
        word
        if word in _COMPARATIVES
        else next((form for form in normal_forms(word) if form in _STAGES), lemma(word))
        for word in WORD.findall(text)
    ]
    out: list[int] = []
    for i, word in enumerate(words):
        if word in _STAGE_WORDS:
            out += _STAGE_WORDS[word]
        elif word in _STAGES:
            # the stage's noun right after it, or after a list of stages («младшие и средние классы»,
            # «младший школьный возраст»)
            rest = [w for w in words[i + 1 :] if w not in _STAGES and w not in STOP_WORDS and w != "школьный"]
            # or nothing after it but the grades in digits: «старшие», «средние и старшие», «младшие
            # (1-4)» — a stage alone in a field of preferred grades says the stage
            if not rest or rest[0] in _STAGE_NOUNS or rest[0].isdigit():
                out += _STAGES[word]
    return out


_BRACKETS = re.compile(r"\([^)]*\)")


def parse_grades(text: str) -> tuple[str, int, int] | None:
    """«5–7 классы» → ("grade", 5, 7); «12–14 лет» → ("age", 12, 14); «8, 9 и 11 кл.» → ("grade", 8, 11);
    the stages of a school in words: «младшие школьники» → ("grade", 1, 4), «среднее звено» → ("grade",
    5, 9), «старшеклассники» → ("grade", 10, 11); «Не важно», «Студенты» or nothing → None. Ages said
    only in brackets are a note on the grades beside them: «5–11 (с 11 лет)» → ("grade", 5, 11), not the
    ages 5 to 11."""
    low = (text or "").lower()
    excepted = _EXCEPT_GRADES.search(low)
    if excepted is not None:  # «все классы, кроме 11», «кроме начальной школы»: what is left of the rest
        return _without(parse_grades(low[: excepted.start()]), parse_grades(low[excepted.end() :]))
    outside = _BRACKETS.sub(" ", low)
    if outside != low and not any(word in outside for word in _AGE_WORDS):
        noted = " ".join(_BRACKETS.findall(low))
        found = _parse_range(outside) if any(word in noted for word in _AGE_WORDS) else None
        if found is not None:
            return found
    return _parse_range(low)


_EXCEPT_GRADES = re.compile(r"\b(?:кроме|за\s+исключением|исключая)\b")


def _without(
    kept: tuple[str, int, int] | None, left_out: tuple[str, int, int] | None
) -> tuple[str, int, int] | None:
    """The range ``kept`` (every grade when None) without ``left_out`` where that leaves one range
    (it takes an end off): else ``kept`` as it is — wider than meant, never the grades refused."""
    if kept is None:
        kept = ("grade", *GRADES)
    if left_out is None or left_out[0] != kept[0]:
        return kept if kept[1:] != GRADES or left_out is None else None
    kind, low, high = kept
    if left_out[1] <= low <= left_out[2] < high:
        return kind, left_out[2] + 1, high
    if low < left_out[1] <= high <= left_out[2]:
        return kind, low, left_out[1] - 1
    return kept if kept[1:] != GRADES else None


def _parse_range(text: str) -> tuple[str, int, int] | None:
    """:func:`parse_grades` of a text without the brackets' exception."""
    low = _STAGE_ABBREVIATIONS.sub(lambda found: _STAGE_ABBREVIATION[found.group(1)], (text or "").lower())
    numbers: list[int] = []
    ranged = False
    for found in _RANGE.finditer(low):
        if found.group(3):
            numbers.append(int(found.group(3)))
        else:
            numbers += [int(found.group(1)), int(found.group(2))]
            ranged = True
    if not any(word in low for word in _AGE_WORDS):
        # a grade that opens or closes the range alone: «с 7 класса», «от 8 кл.», «8+», «5 и старше» up to
        # the last grade; «до 6 класса», «не старше 4 класса» from the first
        if not ranged and _FROM_GRADE.search(low):
            numbers.append(GRADES[1])
        elif not ranged and _UP_TO_GRADE.search(low):
            numbers.append(GRADES[0])
    stages = _stages(low)
    if stages and ranged:
        # a range in digits is what the mentor means by the stage named beside it: «младшее звено 5-7»
        stages = []
    if stages and not (numbers and any(word in low for word in _AGE_WORDS)):
        grades = stages + [number for number in numbers if 1 <= number <= 11]
        return ("grade", min(grades), max(grades))
    if not numbers:
        return None
    if any(word in low for word in _AGE_WORDS):
        # an age that opens or closes the range alone: «от 10 лет» up to any age, «до 14 лет» from any
        if not ranged and len(numbers) == 1 and _FROM_GRADE.search(low):
            numbers.append(_AGES[1])
        elif not ranged and len(numbers) == 1 and _UP_TO_GRADE.search(low):
            numbers.append(_AGES[0])
        fits = _AGES[0] <= min(numbers) <= max(numbers) <= _AGES[1]
        return ("age", min(numbers), max(numbers)) if fits else None
    if any(word in low for word in _GRADE_WORDS) or max(numbers) <= 11:
        return ("grade", min(numbers), max(numbers)) if 1 <= min(numbers) <= max(numbers) <= 11 else None
    return None


_DAY_WORDS = {
    "mon": ("понедельник", "пн"),
    "tue": ("вторник", "вт"),
    "wed": ("среда", "ср"),
    "thu": ("четверг", "чт"),
    "fri": ("пятница", "пт"),
    "sat": ("суббота", "сб"),
    "sun": ("воскресенье", "воскресение", "вс"),  # «воскресенья», «по воскресеньям»: pymorphy's «воскресение»
}
_DAY_ORDER = tuple(_DAY_WORDS)


# what says a day or a format does not suit: the whole clause («в выходные не могу», «онлайн не подходит»),
# or what follows «кроме»/«без»/«исключая» («все дни кроме воскресенья»)
_NOT_SUITING = frozenset({"не", "нельзя", "неудобно", "никак"})
_EXCEPT_WORDS = frozenset({"кроме", "без", "исключая", "исключение"})
_AVAILABILITY_CLAUSE = re.compile(r"[,;.!?()\n]|\b(?:но|а|зато|однако)\b", re.IGNORECASE)
_FORMAT_SET = frozenset({"online", "in_person"})


def parse_availability(text: str) -> frozenset[str]:
    """Days («mon»…«sun») and formats («in_person», «online») in free text: «вт, чт после уроков»,
    «по будням онлайн», «пн–ср», «пн - ср», «с понедельника по среду», «в любой день очно». What does not
    suit is left out: «не могу онлайн» is in person, «кроме пятницы» every other day, «в выходные не
    могу» the weekdays. Nothing recognised: an empty set."""
    text = re.sub(r"\s*[-–—]\s*", "-", text or "")
    suits: set[str] = set()
    not_suits: set[str] = set()
    for clause in _AVAILABILITY_CLAUSE.split(text):
        words = [lemma(word) for word in WORD.findall(clause)]
        cut = next((i for i, word in enumerate(words) if word in _EXCEPT_WORDS), len(words))
        negated = any(word in _NOT_SUITING for word in words)
        before, after = _available(words[:cut]), _available(words[cut + 1 :])
        (not_suits if negated else suits).update(before)
        not_suits.update(after)
    if not_suits & set(_DAY_ORDER) and not suits & set(_DAY_ORDER):  # «кроме пятницы»: every other day
        suits.update(_DAY_ORDER)
    if not_suits & _FORMAT_SET and not suits & _FORMAT_SET:  # «не могу онлайн»: the other format
        suits.update(_FORMAT_SET)
    return frozenset(suits - not_suits)


def _day_of(word: str) -> str | None:
    """The day a lemma names («пн», «понедельник» → «mon»), or None."""
    return next((day for day, names in _DAY_WORDS.items() if word in names), None)


def _days_between(first: str | None, last: str | None) -> tuple[str, ...]:
    """The days from ``first`` to ``last`` in the week's order (none when either is None or they are
    in the wrong order)."""
    if first is None or last is None:
        return ()
    a, b = _DAY_ORDER.index(first), _DAY_ORDER.index(last)
    return _DAY_ORDER[a : b + 1] if a <= b else ()


def _available(words: list[str]) -> set[str]:
    """The days and formats some lemmas name (:func:`parse_availability`)."""
    out: set[str] = set()
    joined = " ".join(words)
    for i, word in enumerate(words):
        out.update(_days_between(_day_of(word), _day_of(word)))
        if "-" in word:  # «пн-ср», and «пн - онлайн»: each day named
            found = [_day_of(part) for part in word.split("-")]
            out.update(day for day in found if day)
            if len(found) == 2:
                out.update(_days_between(*found))
        if word == "с" and i + 3 < len(words) and words[i + 2] == "по":  # «с понедельника по среду»
            out.update(_days_between(_day_of(words[i + 1]), _day_of(words[i + 3])))
        if word in {"будни", "будний", "будень"}:
            out.update(_DAY_ORDER[:5])
        if word in {"выходные", "выходной"}:
            out.update(_DAY_ORDER[5:])
        every = word in {"любой", "каждый", "все", "весь"} and words[i + 1 : i + 2] == ["день"]
        if word in {"ежедневно", "ежедневный"} or every:  # «в любой день», «все дни»
            out.update(_DAY_ORDER)
    if any(
        key in joined for key in ("онлайн", "дистанцион", "удалён", "удален", "zoom", "сферум", "видеосвяз")
    ):
        out.add("online")
    if any(key in joined for key in ("очно", "очный", "в школа", "лично", "офлайн")):
        out.add("in_person")
    if "и очно и онлайн" in joined or "смешанный" in joined:
        out.update({"online", "in_person"})
    return out
