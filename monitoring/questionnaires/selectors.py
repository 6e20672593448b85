"""Selectors (reads) of the monitoring section: questionnaires.

Templates, campaigns and their personal links, who a campaign may be sent to, the options of a ranking
question, and the results and before/after comparison of a campaign — each with a fixed number of
queries whatever the number of respondents.

Small groups: a distribution or a mean of fewer answers than ``settings.QUESTIONNAIRE_MIN_GROUP_SIZE``
(a pair, a class, the results filtered to one pair) would give a pupil's own answers away; it is not
computed for display — the pages and files say «not enough answers» instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeAlias, TypedDict

from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from mentoring.models import Membership, Organization, Programme, Role
from pairing.models import GroupMember, MentoringForm, MentoringGroup
from participants.models import MenteeProfile, MentorProfile, Person
from participants.selectors import valid_consent

from ..models import Answer, Audience, Campaign, Invitation, QuestionItem, QuestionnaireTemplate
from . import stats

if TYPE_CHECKING:
    from datetime import datetime

    from django_stubs_ext import WithAnnotations

OPEN_STATUSES = MentoringGroup.OPEN_STATUSES


class ItemCount(TypedDict):
    item_count: int  # the template's questions


class LinkCounts(TypedDict):
    total: int  # the campaign's links
    answered: int  # of them answered


# Rows of ``templates_for`` and ``campaigns`` with what they annotate (for the type checker).
CountedTemplate: TypeAlias = "WithAnnotations[QuestionnaireTemplate, ItemCount]"
CountedCampaign: TypeAlias = "WithAnnotations[Campaign, LinkCounts]"


def min_group_size() -> int:
    """The fewest answers a shown mean or distribution may rest on (a setting, at least 2)."""
    return max(2, int(settings.QUESTIONNAIRE_MIN_GROUP_SIZE))


# --- Templates ---------------------------------------------------------------------------------------


def templates_for(organization: Organization) -> QuerySet[CountedTemplate]:
    """Shared templates and the organisation's own, with their number of questions."""
    return (
        QuestionnaireTemplate.objects.filter(Q(organization__isnull=True) | Q(organization=organization))
        .select_related("form")
        .annotate(item_count=Count("items"))
        .order_by("organization_id", "position", "title", "pk")
    )


def template_for(organization: Organization, template_id: int) -> QuestionnaireTemplate | None:
    return (
        QuestionnaireTemplate.objects.filter(Q(organization__isnull=True) | Q(organization=organization))
        .filter(pk=template_id)
        .select_related("form")
        .prefetch_related("items")
        .first()
    )


def usable_templates(organization: Organization) -> QuerySet[CountedTemplate]:
    """Active templates that have at least one question: what a campaign may use."""
    return templates_for(organization).filter(is_active=True, item_count__gt=0)


# --- Campaigns ---------------------------------------------------------------------------------------


def campaigns(programme: Programme) -> QuerySet[CountedCampaign]:
    return (
        Campaign.objects.filter(programme=programme)
        .select_related("template", "baseline", "form")
        .annotate(
            total=Count("invitations"),
            answered=Count("invitations", filter=Q(invitations__answered_at__isnull=False)),
        )
        .order_by("-created_at", "-pk")
    )


def campaign_for(programme: Programme, campaign_id: int) -> CountedCampaign | None:
    return campaigns(programme).filter(pk=campaign_id).first()


def baselines_for(programme: Programme) -> QuerySet[Campaign]:
    """«Before» campaigns an «after» campaign may be compared with: this organisation's, any year."""
    return (
        Campaign.objects.filter(
            programme__organization_id=programme.organization_id, stage=Campaign.Stage.BEFORE
        )
        .select_related("template", "programme__academic_year")
        .order_by("-created_at", "-pk")
    )


def invitations(campaign: Campaign, group_name: str | None = None) -> QuerySet[Invitation]:
    """The campaign's links; a person who withdrew the consent (or was anonymised) is left out."""
    queryset = (
        Invitation.objects.filter(campaign=campaign)
        .select_related("person", "user", "group__form")
        # a staff member's link (no person), or a person with a valid consent; a link detached from a
        # person after a withdrawal of consent (neither) is no one's and is left out
        .filter(
            Q(person__isnull=True, user__isnull=False)
            | (Q(person__anonymised_at__isnull=True) & Q(valid_consent()))
        )
    )
    if group_name is not None:
        queryset = queryset.filter(person__group_name=group_name)
    return queryset


def invitation_for_link(token: str) -> Invitation | None:
    """The invitation of a public link, with what the answer page needs (one query)."""
    return (
        Invitation.objects.filter(token=token)
        .select_related(
            "campaign__template",
            "campaign__form",
            "campaign__programme__organization",
            "campaign__programme__academic_year",
            "person",
        )
        .first()
    )


def answerer_account_id(invitation: Invitation) -> int | None:
    """The account of the person a link is for, when they have one: they answer signed in, as themselves.

    Staff (a mentor, a teacher, a curator answering a curator questionnaire) have accounts; a pupil without
    one and a parent answer by the link alone.
    """
    if invitation.respondent == Audience.PARENT:
        return None
    if invitation.user_id is not None:
        return invitation.user_id
    person = invitation.person
    return person.user_id if person is not None else None


def link_usable(invitation: Invitation, now: datetime | None = None) -> bool:
    """Not expired, and the respondent (a pupil for a parent's link too) still has a valid consent."""
    now = now or timezone.now()
    if invitation.expires_at <= now or invitation.campaign.expires_at <= now:
        return False
    person = invitation.person
    if person is not None:
        if person.anonymised_at is not None:
            return False
        return Person.objects.filter(pk=person.pk).filter(valid_consent("pk")).exists()
    return True


# --- Who a campaign goes to -------------------------------------------------------------------------


@dataclass(frozen=True)
class RecipientFilters:
    group_names: tuple[str, ...] = ()  # classes or study groups
    form: MentoringForm | None = None
    group: MentoringGroup | None = None  # one pair or group


@dataclass(frozen=True)
class Recipient:
    person_id: int | None
    user_id: int | None
    group_id: int | None  # the person's first open pair of the year


def _open_pairs(programme: Programme, role: str) -> dict[int, list[tuple[int, int]]]:
    """Person id → [(pair id, form id)] of their open pairs of the year, oldest first (one query)."""
    rows = (
        GroupMember.objects.filter(group__programme=programme, group__status__in=OPEN_STATUSES, role=role)
        .order_by("group__created_at", "group_id")
        .values_list("person_id", "group_id", "group__form_id")
    )
    found: dict[int, list[tuple[int, int]]] = {}
    for person_id, group_id, form_id in rows:
        found.setdefault(person_id, []).append((group_id, form_id))
    return found


def _profiles(programme: Programme, side: str) -> QuerySet:
    model = MenteeProfile if side == Audience.MENTEE else MentorProfile
    return (
        model.objects.filter(programme=programme, person__anonymised_at__isnull=True)
        .filter(valid_consent())
        .select_related("person")
        .order_by("person__group_name", "person__last_name", "person__first_name", "pk")
    )


def _form_kinds(form: MentoringForm, side: str) -> list[str]:
    return list(form.mentee_kinds if side == Audience.MENTEE else form.mentor_kinds)


def recipients(programme: Programme, audience: str, filters: RecipientFilters) -> list[Recipient]:
    """The people of the year a campaign for ``audience`` goes to; only those with a valid consent.

    A parent's link is one per mentee. A person belongs to a form of mentoring when one of their open pairs
    is in it, or, without an open pair, when their kind may take part in it. Curators are the
    organisation's curator accounts (no filters apply).
    """
    if audience == Audience.CURATOR:
        users = (
            Membership.objects.filter(organization_id=programme.organization_id, role=Role.CURATOR)
            .order_by("user__last_name", "user__first_name", "user_id")
            .values_list("user_id", flat=True)
        )
        return [Recipient(person_id=None, user_id=user_id, group_id=None) for user_id in dict.fromkeys(users)]
    side = Audience.MENTOR if audience == Audience.MENTOR else Audience.MENTEE
    profiles = _profiles(programme, side)
    if filters.group_names:
        profiles = profiles.filter(person__group_name__in=filters.group_names)
    pairs = _open_pairs(programme, side)
    kinds = _form_kinds(filters.form, side) if filters.form else []
    chosen = []
    for person_id, kind in profiles.values_list("person_id", "person__kind"):
        own = pairs.get(person_id, [])
        if filters.group is not None and filters.group.pk not in {g for g, _f in own}:
            continue
        if filters.form is not None:
            if own and filters.form.pk not in {f for _g, f in own}:
                continue
            if not own and kinds and kind not in kinds:
                continue
        group_id = filters.group.pk if filters.group is not None else None
        if group_id is None and own:
            in_form = [g for g, f in own if filters.form is None or f == filters.form.pk]
            group_id = (in_form or [own[0][0]])[0]
        chosen.append(Recipient(person_id=person_id, user_id=None, group_id=group_id))
    return chosen


def class_names(programme: Programme) -> list[str]:
    from participants.selectors import groups

    return groups(programme)


def pairs_for_choice(programme: Programme) -> list[MentoringGroup]:
    return list(
        MentoringGroup.objects.filter(programme=programme, status__in=OPEN_STATUSES)
        .select_related("form")
        .prefetch_related(
            Prefetch("members", queryset=GroupMember.objects.select_related("person").order_by("role"))
        )
        .order_by("pk")
    )


def pair_label(group: MentoringGroup) -> str:
    members = list(group.members.all())
    mentors = [m.person.short_name for m in members if m.role == GroupMember.Role.MENTOR]
    mentees = [m.person.short_name for m in members if m.role == GroupMember.Role.MENTEE]
    return f"{', '.join(mentors)} — {', '.join(mentees)}"


# --- The ranking question ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RankingOption:
    person_id: int
    label: str


def ranking_options(campaign: Campaign, respondent: str) -> list[RankingOption]:
    """The other side's people of the campaign's programme (and form) with a valid consent.

    The page is opened by a link, without an account: people are named by surname and initials
    («Иванова М.С.») with what tells them apart (class, subject), never more.
    """
    other = Audience.MENTOR if respondent == Audience.MENTEE else Audience.MENTEE
    profiles = _profiles(campaign.programme, other)
    if campaign.form is not None:
        kinds = _form_kinds(campaign.form, other)
        if kinds:
            profiles = profiles.filter(person__kind__in=kinds)
    options = []
    for profile in profiles.order_by("person__last_name", "person__first_name", "pk"):
        person = profile.person
        detail = person.group_name if other == Audience.MENTEE else (person.subject or person.position)
        if other == Audience.MENTOR and not detail:
            detail = person.group_name or person.workplace
        options.append(
            RankingOption(
                person_id=person.pk, label=f"{person.short_name}, {detail}" if detail else person.short_name
            )
        )
    return options


# --- Results ------------------------------------------------------------------------------------------


@dataclass
class ItemResult:
    item: QuestionItem
    scale: stats.ScaleSummary | None = None
    yes_no: stats.YesNoSummary | None = None
    options: stats.OptionSummary | None = None
    option_labels: dict[Any, str] = field(default_factory=dict)
    texts: list[str] = field(default_factory=list)
    suppressed: bool = False  # answered by fewer people than the minimum group size: no summary shown
    hidden_answers: int = 0  # how many answered, when ``suppressed``

    @property
    def answered(self) -> int:
        if self.suppressed:
            return self.hidden_answers
        summary = self.scale or self.yes_no or self.options
        return summary.count if summary is not None else len(self.texts)

    def label(self, option: Any) -> str:
        return self.option_labels.get(option, str(option))

    @property
    def option_rows(self) -> list[tuple[str, int]]:
        return [(self.label(option), n) for option, n in self.options.counts] if self.options else []

    @property
    def first_rows(self) -> list[tuple[str, int]]:
        return [(self.label(option), n) for option, n in self.options.first_choices] if self.options else []

    @property
    def max_option(self) -> int:
        return max((n for _o, n in self.options.counts), default=0) if self.options else 0


@dataclass
class PairRow:
    group: MentoringGroup
    label: str
    respondents: int
    means: list[float | None]  # empty when ``suppressed``

    @property
    def suppressed(self) -> bool:
        """Too few answers: the pair's means would be its members' own answers."""
        return self.respondents < min_group_size()


@dataclass
class CampaignResults:
    items: list[ItemResult]  # empty when ``suppressed``
    respondents: int
    scale_items: list[QuestionItem]
    pairs: list[PairRow]
    suppressed: bool = False  # answered, but by fewer people than the minimum group size
    min_group: int = 3


def _answers(campaign: Campaign, form_id: int | None, group_id: int | None):
    queryset = Answer.objects.filter(response__invitation__campaign=campaign)
    if form_id:
        queryset = queryset.filter(response__invitation__group__form_id=form_id)
    if group_id:
        queryset = queryset.filter(response__invitation__group_id=group_id)
    return queryset.values_list(
        "item_id", "number", "text", "choices", "response_id", "response__invitation__group_id"
    )


def results(
    campaign: Campaign, *, form_id: int | None = None, group_id: int | None = None
) -> CampaignResults:
    """Per question distributions, and the means of scale questions per pair. Fixed queries."""
    items = list(campaign.template.items.all())
    by_item: dict[int, list[tuple]] = {item.pk: [] for item in items}
    respondents = set()
    pair_values: dict[int, dict[int, list[float]]] = {}
    pair_respondents: dict[int, set] = {}
    for item_id, number, text, choices, response_id, pair_id in _answers(campaign, form_id, group_id):
        respondents.add(response_id)
        if item_id in by_item:
            by_item[item_id].append((number, text, choices))
        if pair_id is not None:
            pair_respondents.setdefault(pair_id, set()).add(response_id)
            if number is not None:
                pair_values.setdefault(pair_id, {}).setdefault(item_id, []).append(number)
    ranked_ids = {
        value
        for item in items
        if item.kind == QuestionItem.Kind.RANKING
        for _n, _t, choices in by_item[item.pk]
        for value in choices or []
    }
    names = (
        {
            p.pk: p.full_name
            for p in Person.objects.filter(pk__in=ranked_ids).only("last_name", "first_name", "patronymic")
        }
        if ranked_ids
        else {}
    )
    found = []
    for item in items:
        rows = by_item[item.pk]
        result = ItemResult(item=item)
        if item.kind == QuestionItem.Kind.SCALE:
            result.scale = stats.scale_summary((n for n, _t, _c in rows), item.scale_min, item.scale_max)
        elif item.kind == QuestionItem.Kind.YES_NO:
            result.yes_no = stats.yes_no_summary(n for n, _t, _c in rows)
        elif item.kind in (QuestionItem.Kind.SINGLE, QuestionItem.Kind.MULTIPLE):
            result.options = stats.option_summary((c for _n, _t, c in rows), item.choices)
        elif item.kind == QuestionItem.Kind.RANKING:
            result.options = stats.option_summary(c for _n, _t, c in rows)
            result.option_labels = {pk: names.get(pk, "—") for pk in ranked_ids}
        else:
            result.texts = [t for _n, t, _c in rows if t.strip()]
        if 0 < result.answered < min_group_size() and item.kind != QuestionItem.Kind.TEXT:
            # an optional question answered by one or two people: its «mean» would be their own answer
            result.hidden_answers = result.answered
            result.scale = result.yes_no = result.options = None
            result.suppressed = True
        found.append(result)
    scale_items = [item for item in items if item.kind == QuestionItem.Kind.SCALE]
    smallest = min_group_size()
    if 0 < len(respondents) < smallest:
        # one pair's (or a few people's) answers: no distribution, no mean, no text is shown
        return CampaignResults(
            items=[],
            respondents=len(respondents),
            scale_items=scale_items,
            pairs=[],
            suppressed=True,
            min_group=smallest,
        )
    pair_rows = []
    if pair_respondents:
        groups = (
            MentoringGroup.objects.filter(questionnaire_invitations__campaign=campaign)
            .distinct()
            .select_related("form")
            .prefetch_related(
                Prefetch("members", queryset=GroupMember.objects.select_related("person").order_by("role"))
            )
            .order_by("pk")
        )
        for group in groups:
            if group.pk not in pair_respondents:
                continue
            values = pair_values.get(group.pk, {})
            answered = len(pair_respondents[group.pk])
            pair_rows.append(
                PairRow(
                    group=group,
                    label=pair_label(group),
                    respondents=answered,
                    means=[
                        stats.mean(values.get(item.pk, []))
                        if len(values.get(item.pk, [])) >= smallest
                        else None
                        for item in scale_items
                    ]
                    if answered >= smallest
                    else [],
                )
            )
    return CampaignResults(
        items=found,
        respondents=len(respondents),
        scale_items=scale_items,
        pairs=pair_rows,
        min_group=smallest,
    )


def campaign_forms(campaign: Campaign) -> list[MentoringForm]:
    """The forms of mentoring of the pairs the campaign's links belong to (for the filter)."""
    return list(
        MentoringForm.objects.filter(groups__questionnaire_invitations__campaign=campaign)
        .distinct()
        .order_by("position", "name")
    )


def campaign_pairs(campaign: Campaign) -> list[MentoringGroup]:
    return list(
        MentoringGroup.objects.filter(questionnaire_invitations__campaign=campaign)
        .distinct()
        .prefetch_related(
            Prefetch("members", queryset=GroupMember.objects.select_related("person").order_by("role"))
        )
        .order_by("pk")
    )


# --- Before/after ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Participant:
    key: tuple
    name: str
    group_name: str
    pair_id: int | None


@dataclass
class CampaignComparison:
    baseline: Campaign
    items: list[QuestionItem]  # the scale questions both campaigns share, by key
    comparison: stats.Comparison[tuple]
    participants: dict[tuple, Participant]
    by_class: list[stats.GroupComparison[str]]
    by_pair: list[stats.GroupComparison[int]]
    pair_labels: dict[int, str]

    def name(self, key: tuple) -> str:
        found = self.participants.get(key)
        return found.name if found else "—"

    def participant(self, key: tuple) -> Participant | None:
        return self.participants.get(key)

    @property
    def overall_rows(self) -> list[tuple[QuestionItem, stats.ItemChange]]:
        return list(zip(self.items, self.comparison.overall, strict=True))

    @property
    def participant_rows(self) -> list[dict[str, Any]]:
        rows = []
        for row in self.comparison.participants:
            found = self.participants.get(row.participant)
            rows.append(
                {
                    "name": found.name if found else "—",
                    "group_name": found.group_name if found else "",
                    "pair": self.pair_labels.get(found.pair_id, "") if found and found.pair_id else "",
                    "row": row,
                }
            )
        return rows

    @property
    def class_rows(self) -> list[dict[str, Any]]:
        smallest = min_group_size()
        return [
            {"label": str(group.group), "row": group, "suppressed": group.size < smallest}
            for group in self.by_class
        ]

    @property
    def pair_rows(self) -> list[dict[str, Any]]:
        smallest = min_group_size()
        return [
            {
                "label": f"№ {group.group}: {self.pair_labels.get(group.group, '')}",
                "row": group,
                "suppressed": group.size < smallest,
            }
            for group in self.by_pair
        ]

    @property
    def only_before_names(self) -> list[str]:
        return [self.name(key) for key in self.comparison.only_before]

    @property
    def only_after_names(self) -> list[str]:
        return [self.name(key) for key in self.comparison.only_after]


def _participant_key(person_id: int | None, user_id: int | None, respondent: str) -> tuple:
    return ("person", person_id, respondent) if person_id is not None else ("user", user_id, respondent)


def _scores(campaign_id: int, keys: Sequence[str]) -> dict[tuple, dict[str, float]]:
    rows = Answer.objects.filter(
        response__invitation__campaign_id=campaign_id, item__kind=QuestionItem.Kind.SCALE, item__key__in=keys
    ).values_list(
        "response__invitation__person_id",
        "response__invitation__user_id",
        "response__invitation__respondent",
        "item__key",
        "number",
    )
    found: dict[tuple, dict[str, float]] = {}
    for person_id, user_id, respondent, key, number in rows.order_by(
        "response__invitation__person__last_name", "response__invitation__person__first_name", "response_id"
    ):
        if number is not None:
            found.setdefault(_participant_key(person_id, user_id, respondent), {})[key] = number
    return found


def comparison(campaign: Campaign) -> CampaignComparison | None:
    """Before/after of an «after» campaign against its baseline, per participant, class and pair."""
    baseline = campaign.baseline
    if baseline is None:
        return None
    after_items = [i for i in campaign.template.items.all() if i.kind == QuestionItem.Kind.SCALE]
    before_keys = set(
        QuestionItem.objects.filter(
            template_id=baseline.template_id, kind=QuestionItem.Kind.SCALE
        ).values_list("key", flat=True)
    )
    items = [item for item in after_items if item.key in before_keys]
    keys = [item.key for item in items]
    after = _scores(campaign.pk, keys)
    before = _scores(baseline.pk, keys)
    result = stats.compare(keys, before, after)
    participants: dict[tuple, Participant] = {}
    answered = (
        Invitation.objects.filter(campaign_id__in=[campaign.pk, baseline.pk], answered_at__isnull=False)
        .select_related("person", "user")
        .order_by("pk")
    )
    for invitation in sorted(answered, key=lambda found: found.campaign_id != campaign.pk):
        key = _participant_key(invitation.person_id, invitation.user_id, invitation.respondent)
        if key in participants:
            continue  # the «after» campaign's pair wins
        if invitation.person is not None:
            name = invitation.person.full_name
            if invitation.respondent == Audience.PARENT:
                name = f"{name} ({Audience.PARENT.label})"
            group_name = invitation.person.group_name
        else:
            name = invitation.user.get_full_name() or invitation.user.username if invitation.user else "—"
            group_name = ""
        participants[key] = Participant(
            key=key, name=name, group_name=group_name, pair_id=invitation.group_id
        )
    pair_ids = {p.pair_id for p in participants.values() if p.pair_id}
    pair_labels = {}
    if pair_ids:
        for group in MentoringGroup.objects.filter(pk__in=pair_ids).prefetch_related(
            Prefetch("members", queryset=GroupMember.objects.select_related("person").order_by("role"))
        ):
            pair_labels[group.pk] = pair_label(group)
    by_class = result.by_group({k: p.group_name for k, p in participants.items() if p.group_name})
    by_pair = result.by_group({k: p.pair_id for k, p in participants.items() if p.pair_id})
    return CampaignComparison(
        baseline=baseline,
        items=items,
        comparison=result,
        participants=participants,
        by_class=sorted(by_class, key=lambda g: _class_key(str(g.group))),
        by_pair=sorted(by_pair, key=lambda g: g.group),
        pair_labels=pair_labels,
    )


def _class_key(name: str) -> tuple:
    digits = "".join(ch for ch in name if ch.isdigit())
    return (int(digits) if digits else 999, name)
