"""A randomised municipality for the reconciliation suite, written straight into the tables (ORM
``create``/``bulk_create``, no services) so that odd but possible data gets in: candidates in pairs,
leavers with and without dates, entries after the reference day, people without a birth date or with a
birthday on the reference day, anonymised records, college and university students who mentor, people
in several pairs, forms and roles, switched-off forms still in use, empty answers and plans without
tasks, cancelled roadmap events, targets on both sides of the value.

Every date is drawn around the real today, so the current academic year is always «in progress» and the
previous one «over»: both branches of the reporting period are exercised whatever day the suite runs.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.utils import timezone

from mentoring.academic_years import academic_year_bounds, academic_year_start_for
from mentoring.models import AcademicYear, Organization, Programme
from monitoring import models as m
from pairing.models import GroupMember, MentoringForm, MentoringGroup
from participants.models import Consent, MenteeProfile, MentorProfile, PartnerOrganization, Person
from roadmap.models import RoadmapEvent, RoadmapSection

KINDS_SCHOOL = ["pupil"] * 10 + ["teacher"] * 4 + ["other_staff", "parent", "graduate", "partner_employee"]
KINDS_COLLEGE = ["college_student"] * 10 + ["teacher"] * 4 + ["other_staff", "graduate", "partner_employee"]
STATUSES = ["candidate"] * 2 + ["active"] * 6 + ["completed"] * 2 + ["left"] * 3
GROUP_STATUSES = ["proposed", "active", "active", "active", "completed", "completed", "terminated"]
CATEGORY_FIELDS = [
    "has_ovz",
    "has_disability",
    "deviant_behaviour",
    "gifted",
    "difficult_situation",
    "low_income",
    "rural",
    "orphan",
]


@dataclass
class World:
    today: date
    year: int  # the current academic year's first calendar year
    authority: Organization
    organizations: list[Organization] = field(default_factory=list)
    programmes: list[Programme] = field(default_factory=list)  # the current year's, one per organisation
    # an organisation of the municipality with people but no programme this year (it adds nothing and is
    # listed as such)
    without_programme: list[Organization] = field(default_factory=list)
    previous: list[Programme] = field(default_factory=list)  # last year's, for some organisations


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


class Builder:
    def __init__(self, seed: int, today: date | None = None) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.today = today or timezone.localdate()

    # ----------------------------------------------------------------------------------------------
    def build(self) -> World:
        rng = self.rng
        year = academic_year_start_for(self.today)
        authority = Organization.objects.create(
            name=f"Управление образования {self.seed}",
            short_name=f"УО {self.seed}",
            kind=Organization.Kind.MUNICIPAL_AUTHORITY,
            slug=f"uo-rec-{self.seed}",
        )
        world = World(today=self.today, year=year, authority=authority)
        # the KPI band inherited from the authority (a region's 10–19): drawn apart, so that the rest of
        # the world is the same for a seed as before
        band_rng = random.Random(self.seed * 31 + 7)
        if band_rng.random() < 0.5:
            m.MonitoringSettings.objects.create(organization=authority, kpi_age_min=10, kpi_age_max=19)
        kinds = [Organization.Kind.SCHOOL] * rng.randint(2, 3) + [Organization.Kind.COLLEGE]
        if rng.random() < 0.5:
            kinds.append(Organization.Kind.SUPPLEMENTARY)
        for number, kind in enumerate(kinds, start=1):
            organization = Organization.objects.create(
                name=f"Организация {number} ({self.seed})",
                short_name=f"{number:02d} {kind} {self.seed}",
                kind=kind,
                parent=authority,
                slug=f"rec-{self.seed}-{number}",
            )
            world.organizations.append(organization)
            if rng.random() < 0.5:
                low, high = rng.choice([10, 11]), rng.choice([17, 18, 19])
                inherits = band_rng.random() < 0.4  # settings of its own, the band left to the authority
                m.MonitoringSettings.objects.create(
                    organization=organization,
                    kpi_age_min=None if inherits else low,
                    kpi_age_max=None if inherits else high,
                    satisfied_from=rng.choice([6, 7, 8]),
                )
        # the authority's own programme (its scope), with no people
        for start_year in (year, year - 1):
            AcademicYear.objects.get_or_create(start_year=start_year)
        authority_programme = Programme.objects.create(
            organization=authority, academic_year=AcademicYear.objects.get(start_year=year)
        )
        # the authority's targets for about half of the shared indicators: a school without a target of
        # its own is measured against them (drawn apart, so the rest of the world stays the same)
        target_rng = random.Random(self.seed * 53 + 11)
        m.IndicatorTarget.objects.bulk_create(
            m.IndicatorTarget(
                indicator=indicator,
                programme=authority_programme,
                value=Decimal(
                    target_rng.choice([10, 35, 60, 80]) if indicator.unit == "percent" else target_rng.randint(1, 30)
                ),
            )
            for indicator in m.Indicator.objects.filter(organization=None, is_active=True).order_by("pk")
            if target_rng.random() < 0.5
        )
        self.forms = list(MentoringForm.objects.filter(organization=None))
        # a switched-off shared form is still used by old pairs
        switched_off = rng.choice(self.forms)
        MentoringForm.objects.filter(pk=switched_off.pk).update(is_active=False)
        self._own_indicators(world)
        for organization in world.organizations:
            programme = self._programme(organization, year)
            world.programmes.append(programme)
            people = self._people(organization, year)
            self._year(programme, people, year)
            if rng.random() < 0.6:
                previous = self._programme(organization, year - 1)
                world.previous.append(previous)
                self._year(previous, people, year - 1)
        idle = Organization.objects.create(
            name=f"Организация без программы ({self.seed})",
            short_name=f"99 без программы {self.seed}",
            kind=Organization.Kind.SCHOOL,
            parent=authority,
            slug=f"rec-{self.seed}-idle",
        )
        idle_people = self._people(idle, year)  # people, but no programme: no profiles, no pairs
        if rng.random() < 0.5:  # and sometimes a programme last year
            previous = self._programme(idle, year - 1)
            world.previous.append(previous)
            self._year(previous, idle_people, year - 1)
        world.without_programme.append(idle)
        world.programmes = list(
            Programme.objects.filter(pk__in=[p.pk for p in world.programmes])
            .select_related("organization", "academic_year")
            .order_by("organization__short_name", "pk")
        )
        return world

    # ----------------------------------------------------------------------------------------------
    def _programme(self, organization: Organization, start_year: int) -> Programme:
        rng = self.rng
        pupils = rng.choice([0, rng.randint(20, 60), rng.randint(200, 900)])
        teachers = rng.choice([0, rng.randint(5, 80)])
        return Programme.objects.create(
            organization=organization,
            academic_year=AcademicYear.objects.get(start_year=start_year),
            pupils_total=pupils,
            pupils_with_disabilities=rng.randint(0, pupils // 10),
            teachers_total=teachers,
            young_teachers_total=rng.randint(0, teachers),
        )

    def _own_indicators(self, world: World) -> None:
        """One organisation has indicators of its own, one of them «the less the better»."""
        owner = world.organizations[0]
        m.Indicator.objects.create(
            organization=owner,
            key="own-ovz-band",
            name="Свой: наставляемые с ОВЗ в возрастной группе",
            numerator="mentees_ovz",
            denominator="mentees",
            use_age_band=True,
        )
        m.Indicator.objects.create(
            organization=owner,
            key="own-unpaired",
            name="Свой: наставники (чем меньше, тем лучше)",
            numerator="mentors",
            unit=m.Indicator.Unit.COUNT,
            direction=m.Indicator.Direction.LOWER,
        )

    def _birth(self, kind: str, reference: date) -> date | None:
        rng = self.rng
        if rng.random() < 0.1:
            return None
        if kind in ("pupil",):
            years = rng.randint(6, 19)
        elif kind in ("college_student", "university_student"):
            years = rng.randint(15, 23)
        else:
            years = rng.randint(20, 66)
        if rng.random() < 0.15:  # a birthday on the reference day or the day after: the band's edges
            return _years_before(reference, years) + timedelta(days=rng.choice([0, 1, -1]))
        return _years_before(reference, years) - timedelta(days=rng.randint(0, 364))

    def _people(self, organization: Organization, year: int) -> list[Person]:
        rng = self.rng
        reference = min(self.today, academic_year_bounds(year)[1])
        kinds = KINDS_COLLEGE if organization.kind == Organization.Kind.COLLEGE else KINDS_SCHOOL
        partners = [
            PartnerOrganization.objects.create(organization=organization, name=f"Партнёр {n}")
            for n in range(rng.randint(0, 3))
        ]
        people = []
        for number in range(rng.randint(25, 45)):
            kind = rng.choice([*kinds, "university_student"] if rng.random() < 0.05 else kinds)
            person = Person(
                organization=organization,
                last_name=f"Фамилия{number}",
                first_name="Имя",
                kind=kind,
                birth_date=self._birth(kind, reference),
                partner=rng.choice(partners) if partners and kind == "partner_employee" else None,
            )
            if rng.random() < 0.05:
                person.anonymised_at = timezone.now()
                person.birth_date = None
            people.append(person)
        people = Person.objects.bulk_create(people)
        consents = []
        for person in people:
            roll = rng.random()
            if roll < 0.8:
                given = date(year, 9, rng.randint(1, 20))
                withdrawn = given + timedelta(days=rng.randint(0, 90)) if rng.random() < 0.07 else None
                consents.append(
                    Consent(
                        person=person,
                        scope=Consent.Scope.PERSONAL_DATA,
                        given_on=given,
                        withdrawn_on=withdrawn,
                    )
                )
            if rng.random() < 0.2:  # a publication consent only counts for nothing here
                consents.append(
                    Consent(person=person, scope=Consent.Scope.PUBLICATION, given_on=date(year, 9, 1))
                )
        Consent.objects.bulk_create(consents)
        self.partners = partners
        return people

    def _dates(self, status: str, year: int) -> tuple[date | None, date | None]:
        rng = self.rng
        start, end = academic_year_bounds(year)
        reference = min(max(self.today, start), end)
        entry = None
        if rng.random() < 0.8:
            entry = start + timedelta(days=rng.randint(-150, (reference - start).days + 60))
        leave = None
        if status == "left" and rng.random() < 0.9 or status == "completed" and rng.random() < 0.5:
            low = entry or start - timedelta(days=150)
            leave = low + timedelta(days=rng.randint(0, max(0, (reference - low).days + 40)))
        if status == "active" and rng.random() < 0.05:
            leave = (entry or start) + timedelta(days=rng.randint(0, 200))  # odd, but the rule still applies
        return entry, leave

    def _year(self, programme: Programme, people: list[Person], year: int) -> None:
        rng = self.rng
        mentees, mentors = [], []
        mentee_rows, mentor_rows = [], []
        for person in people:
            learner = person.kind in ("pupil", "college_student")
            if rng.random() < (0.75 if learner else 0.15):
                status = rng.choice(STATUSES)
                entry, leave = self._dates(status, year)
                mentee_rows.append(
                    MenteeProfile(
                        person=person,
                        programme=programme,
                        status=status,
                        entry_date=entry,
                        exit_date=leave,
                        **{name: rng.random() < 0.15 for name in CATEGORY_FIELDS},
                    )
                )
                mentees.append(person)
            if rng.random() < (0.2 if learner else 0.7):
                status = rng.choice(STATUSES)
                entry, leave = self._dates(status, year)
                mentor_rows.append(
                    MentorProfile(
                        person=person,
                        programme=programme,
                        status=status,
                        entry_date=entry,
                        exit_date=leave,
                        partner=rng.choice(self.partners) if self.partners and rng.random() < 0.3 else None,
                    )
                )
                mentors.append(person)
        MenteeProfile.objects.bulk_create(mentee_rows)
        MentorProfile.objects.bulk_create(mentor_rows)
        # pairs: anyone with a profile (any status) can be in one, some people in several
        groups = []
        if mentees and mentors:
            for _number in range(rng.randint(3, 18)):
                status = rng.choice(GROUP_STATUSES)
                start, closed = self._pair_dates(status, year)
                group = MentoringGroup.objects.create(
                    programme=programme,
                    form=rng.choice(self.forms),
                    status=status,
                    start_date=start,
                    closed_on=closed,
                )
                chosen_mentors = rng.sample(mentors, k=min(len(mentors), rng.choice([1, 1, 1, 2])))
                chosen_mentees = rng.sample(
                    [p for p in mentees if p not in chosen_mentors] or mentees,
                    k=min(len(mentees), rng.choice([1, 1, 2, 3])),
                )
                chosen_mentees = [p for p in chosen_mentees if p not in chosen_mentors]
                GroupMember.objects.bulk_create(
                    [GroupMember(group=group, person=p, role=GroupMember.Role.MENTOR) for p in chosen_mentors]
                    + [
                        GroupMember(group=group, person=p, role=GroupMember.Role.MENTEE)
                        for p in chosen_mentees
                    ]
                )
                groups.append(group)
            # always: one pupil in two active pairs, the second a group with another mentee (the РНЦ age
            # columns count a pair once, so they add up to «Всего»)
            if len(mentees) >= 2:
                start, closed = self._pair_dates("active", year)
                for chosen in ([mentees[0]], [mentees[0], mentees[-1]]):
                    group = MentoringGroup.objects.create(
                        programme=programme,
                        form=self.forms[0],
                        status="active",
                        start_date=start,
                        closed_on=closed,
                    )
                    GroupMember.objects.bulk_create(
                        [GroupMember(group=group, person=mentors[0], role=GroupMember.Role.MENTOR)]
                        + [
                            GroupMember(group=group, person=p, role=GroupMember.Role.MENTEE)
                            for p in chosen
                            if p != mentors[0]
                        ]
                    )
                    groups.append(group)
        self._plans_and_meetings(groups, year)
        self._questionnaires(programme, groups, mentees, mentors, year)
        self._activities_roadmap_targets(programme, year)

    def _pair_dates(self, status: str, year: int) -> tuple[date | None, date | None]:
        """Most pairs run from October; some have no start date, some start after today (not running
        yet), a closed one may have closed before the year began (a pair that ran in the summer)."""
        rng = self.rng
        start_of_year, end_of_year = academic_year_bounds(year)
        reference = min(max(self.today, start_of_year), end_of_year)
        draw = rng.random()
        if draw < 0.15:
            start = None
        elif draw < 0.3 and reference + timedelta(days=10) <= end_of_year:
            start = reference + timedelta(days=rng.randint(1, 10))  # starts after today
        else:
            start = date(year, 10, 1)
        closed = None
        if status in ("completed", "terminated"):
            choice = rng.random()
            if choice < 0.2:
                closed = start_of_year - timedelta(days=rng.randint(1, 30))  # before the year began
                start = None if start is None else min(start, closed)
            elif choice < 0.7:
                closed = reference
        return start, closed

    def _plans_and_meetings(self, groups: list[MentoringGroup], year: int) -> None:
        rng = self.rng
        for group in groups:
            if rng.random() < 0.6:
                plan = m.IndividualPlan.objects.create(group=group)
                m.PlanTask.objects.bulk_create(
                    m.PlanTask(
                        plan=plan,
                        activity=f"Задача {n}",
                        done_on=date(year, 11, 1) if rng.random() < 0.75 else None,
                        position=n,
                    )
                    for n in range(rng.choice([0, 1, 3, 9, 10, 19]))
                )
            m.Meeting.objects.bulk_create(
                m.Meeting(group=group, date=date(year, 10, 1) + timedelta(days=7 * n), topic="Встреча")
                for n in range(rng.randint(0, 4))
            )

    def _questionnaires(self, programme, groups, mentees, mentors, year: int) -> None:
        rng = self.rng
        expires = timezone.make_aware(datetime(year + 1, 8, 31))
        for audience in (m.Audience.MENTEE, m.Audience.MENTOR):
            template = m.QuestionnaireTemplate.objects.create(
                organization=programme.organization,
                key=f"sat-{programme.pk}-{audience}",
                title=f"Удовлетворённость ({audience})",
                purpose=m.QuestionnaireTemplate.Purpose.SATISFACTION,
                audience=audience,
            )
            overall = m.QuestionItem.objects.create(
                template=template, key="overall", text="Оценка", kind="scale"
            )
            keep_on = m.QuestionItem.objects.create(
                template=template, key="continue", text="Продолжите?", kind="yes_no", position=1
            )
            for campaign_number in range(rng.randint(0, 2)):
                campaign = m.Campaign.objects.create(
                    programme=programme,
                    template=template,
                    title=f"Опрос {audience} {campaign_number}",
                    expires_at=expires,
                )
                people = mentees if audience == m.Audience.MENTEE else mentors
                for person in rng.sample(people, k=min(len(people), rng.randint(0, 8))):
                    respondent = audience if rng.random() < 0.85 else m.Audience.PARENT
                    invitation = m.Invitation.objects.create(
                        campaign=campaign,
                        person=person,
                        group=rng.choice(groups) if groups and rng.random() < 0.5 else None,
                        respondent=respondent,
                        expires_at=expires,
                    )
                    if rng.random() < 0.25:
                        continue  # never answered
                    response = m.QuestionnaireResponse.objects.create(invitation=invitation)
                    if rng.random() < 0.9:
                        m.Answer.objects.create(
                            response=response,
                            item=overall,
                            number=rng.randint(1, 10) if rng.random() < 0.9 else None,
                        )
                    if rng.random() < 0.7:
                        m.Answer.objects.create(response=response, item=keep_on, number=rng.choice([0, 1]))
        self._growth(programme, mentees, expires)
        # a template of another purpose with an «overall» item: not a satisfaction answer
        other = m.QuestionnaireTemplate.objects.create(
            organization=programme.organization,
            key=f"other-{programme.pk}",
            title="Входная диагностика",
            purpose=m.QuestionnaireTemplate.Purpose.OTHER,
            audience=m.Audience.MENTEE,
        )
        item = m.QuestionItem.objects.create(template=other, key="overall", text="Оценка", kind="scale")
        campaign = m.Campaign.objects.create(
            programme=programme, template=other, title="Другое", expires_at=expires
        )
        for person in mentees[:3]:
            invitation = m.Invitation.objects.create(
                campaign=campaign, person=person, respondent=m.Audience.MENTEE, expires_at=expires
            )
            response = m.QuestionnaireResponse.objects.create(invitation=invitation)
            m.Answer.objects.create(response=response, item=item, number=10)

    def _growth(self, programme: Programme, mentees: list[Person], expires) -> None:
        """A diagnostics before and after: the same scale items (one only before), some people answer
        once, some leave an item empty; the after-campaign has one scale item the baseline lacks."""
        rng = self.rng
        if not mentees or rng.random() < 0.3:
            return
        campaigns = {}
        for stage, keys in (("before", ["k1", "k2", "k3", "old"]), ("after", ["k1", "k2", "k3", "new"])):
            template = m.QuestionnaireTemplate.objects.create(
                organization=programme.organization,
                key=f"diag-{programme.pk}-{stage}",
                title=f"Диагностика {stage}",
                purpose=m.QuestionnaireTemplate.Purpose.DIAGNOSTICS,
                audience=m.Audience.MENTEE,
            )
            items = [
                m.QuestionItem.objects.create(template=template, key=key, text=key, kind="scale", position=n)
                for n, key in enumerate(keys)
            ]
            campaigns[stage] = (
                m.Campaign.objects.create(
                    programme=programme,
                    template=template,
                    title=f"Диагностика {stage}",
                    stage=stage,
                    baseline=campaigns["before"][0] if stage == "after" else None,
                    expires_at=expires,
                ),
                items,
            )
        answered = rng.sample(mentees, k=min(len(mentees), rng.randint(1, 10)))
        for campaign, items in campaigns.values():
            for person in answered:
                if rng.random() < 0.2:
                    continue  # answered only once
                invitation = m.Invitation.objects.create(
                    campaign=campaign,
                    person=person,
                    respondent=m.Audience.MENTEE,
                    expires_at=expires,
                    answered_at=timezone.now(),
                )
                response = m.QuestionnaireResponse.objects.create(invitation=invitation)
                m.Answer.objects.bulk_create(
                    m.Answer(response=response, item=item, number=rng.randint(1, 10))
                    for item in items
                    if rng.random() < 0.85
                )

    def _activities_roadmap_targets(self, programme: Programme, year: int) -> None:
        rng = self.rng
        kinds = [value for value, _label in m.InformationActivity.Kind.choices]
        m.InformationActivity.objects.bulk_create(
            m.InformationActivity(
                programme=programme,
                kind=rng.choice(kinds),
                date=date(year, 10, 1),
                title=f"Событие {n}",
                attendance=rng.choice([None, 0, rng.randint(1, 300)]),
            )
            for n in range(rng.randint(0, 12))
        )
        section = RoadmapSection.objects.create(programme=programme, title="Раздел")
        events = []
        for n in range(rng.randint(0, 15)):
            status = rng.choice(["planned", "in_progress", "done", "done", "cancelled"])
            deadline = date(year, 9, 1) + timedelta(days=rng.randint(0, 360)) if rng.random() < 0.8 else None
            completed = None
            if status == "done":
                completed = (deadline or date(year, 12, 1)) + timedelta(days=rng.randint(-30, 30))
            events.append(
                RoadmapEvent(
                    programme=programme,
                    section=section,
                    position=n,
                    title=f"Мероприятие {n}",
                    status=status,
                    deadline=deadline,
                    completed_on=completed,
                )
            )
        RoadmapEvent.objects.bulk_create(events)
        targets = []
        for indicator in m.Indicator.objects.filter(is_active=True):
            if indicator.organization_id not in (None, programme.organization_id) or rng.random() < 0.3:
                continue
            value = (
                rng.choice([0, 5, 20, 50, 63, 70, 90, 100])
                if indicator.unit == "percent"
                else rng.randint(0, 20)
            )
            targets.append(m.IndicatorTarget(indicator=indicator, programme=programme, value=Decimal(value)))
        m.IndicatorTarget.objects.bulk_create(targets)
