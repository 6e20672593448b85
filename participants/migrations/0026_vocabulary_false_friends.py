"""False friends and everyday wording (``vocabulary_seed.FRIENDS_TOPICS`` and ``FRIENDS_LESS``): the
phrases that read as one common word once their little words were dropped («свой проект», «своё дело»,
«своя группа», «кем работать», «не по своей воле», «не сам выбрал», «всё успевать») are taken out, what
they said given in words that do not collapse («сила воли», «собственное дело»); reading for pleasure
(«любит читать», books) moves from literature to the reading term; a feldsher's station and nursing
become medicine, losing interest motivation, being unable to cope stress, parents who object or force the
relations with them, giving as good as one gets martial arts, solving problems mathematics, «окружающий
мир» the primary school's, neural networks programming, drinking at home the family's trouble and
drinking bouts elsewhere an addiction, «научить читать» learning to read, skirmishes
conflicts, a pupil in the phone till night the gadgets' trouble, a band of one's own music, wanting to work
with children teaching as a career, hard study performance.

Only the shared seeded terms are touched: what a region or a school added stays as it is. Going back
gives back exactly the words taken and takes back exactly the words added."""

from django.db import migrations


def forward(apps, schema_editor):
    from participants.vocabulary_seed import FRIENDS_LESS, FRIENDS_TOPICS, add_words, drop_words, seeded_terms

    seeded = seeded_terms(apps.get_model("participants", "VocabularyTerm"))
    drop_words(seeded, FRIENDS_LESS)
    add_words(seeded, FRIENDS_TOPICS)


def backward(apps, schema_editor):
    from participants.vocabulary_seed import (
        FRIENDS_LESS,
        FRIENDS_TOPICS,
        SYNONYMS_BEFORE_FRIENDS,
        add_words,
        drop_words,
        seeded_terms,
    )

    seeded = seeded_terms(apps.get_model("participants", "VocabularyTerm"))
    drop_words(seeded, FRIENDS_TOPICS, SYNONYMS_BEFORE_FRIENDS)
    add_words(seeded, FRIENDS_LESS, {slug: SYNONYMS_BEFORE_FRIENDS[slug] for slug in FRIENDS_LESS})


class Migration(migrations.Migration):
    dependencies = [("participants", "0025_vocabulary_strength_office_gifted")]

    operations = [migrations.RunPython(forward, backward)]
