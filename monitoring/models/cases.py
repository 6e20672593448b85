"""Monitoring, cases (best practices) for the final compendium, with their photos."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from mentoring.models import Programme
from pairing.models import MentoringForm, MentoringGroup
from participants.models import Person

# --------------------------------------------------------------------------------------------------
# Cases (best practices) for the final compendium


class Case(models.Model):
    """A story of a pair told by the curator: a best practice for the final compendium."""

    programme = models.ForeignKey(Programme, verbose_name=_("programme"), related_name="cases", on_delete=models.CASCADE)
    group = models.ForeignKey(
        MentoringGroup,
        verbose_name=_("pair or group"),
        related_name="cases",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    form = models.ForeignKey(
        MentoringForm, verbose_name=_("form of mentoring"), on_delete=models.SET_NULL, null=True, blank=True
    )
    title = models.CharField(_("title"), max_length=300)
    story = models.TextField(_("story"))
    position = models.PositiveIntegerField(_("position"), default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.SET_NULL, null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title


def case_photo_path(photo: CasePhoto, filename: str) -> str:
    return f"cases/{photo.case_id}/{uuid.uuid4().hex}-{filename}"


class CasePhoto(models.Model):
    """A photo of a case; it is printed only while everyone on it has a publication consent.

    Until then it is shown to no one but the curator and whoever uploaded it (``monitoring.cases.selectors``).
    """

    case = models.ForeignKey(Case, verbose_name=_("case"), related_name="photos", on_delete=models.CASCADE)
    image = models.ImageField(_("photo"), upload_to=case_photo_path, max_length=500)
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    people = models.ManyToManyField(
        Person, verbose_name=_("who is on the photo"), related_name="case_photos", blank=True
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("case photo")
        verbose_name_plural = _("case photos")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.caption or self.image.name or ""
