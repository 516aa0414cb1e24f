"""What the steps produce: the nota dinas, meetings, the draft's chapters, the letter register,
copies and dispatch, and the frozen signed final."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from sakip import text
from sakip.models import Office, Person
from workflow.models.procedure import Report


class NotaDinas(models.Model):
    """Step 1: the Camat's order to prepare the LAKIP."""

    report = models.OneToOneField(Report, on_delete=models.CASCADE, related_name="nota_dinas")
    nomor = text.CharField(_("nomor"), max_length=80)
    tanggal = models.DateField(_("tanggal"))
    kepada = text.CharField(_("kepada"), max_length=255)
    dari = text.CharField(_("dari"), max_length=255)
    tembusan = text.TextField(_("tembusan"), max_length=text.NOTE, blank=True)
    sifat = text.CharField(_("sifat"), max_length=40, default="Biasa")
    lampiran = text.CharField(_("lampiran"), max_length=80, default="-")
    hal = text.CharField(_("hal"), max_length=255)
    isi = text.TextField(_("isi"), max_length=text.LONG)

    class Meta:
        verbose_name = _("nota dinas")
        verbose_name_plural = _("nota dinas")

    def __str__(self) -> str:
        return f"Nota dinas {self.nomor}"


class MeetingKind(models.TextChoices):
    COORDINATION = "koordinasi", _("Rapat penyampaian format (langkah 2)")
    FINALISATION = "finalisasi", _("Rapat finalisasi LAKIP (langkah 8)")
    MEASUREMENT = "pengukuran", _("Rapat pengukuran kinerja triwulan")


class Meeting(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="meetings")
    kind = models.CharField(_("jenis rapat"), max_length=12, choices=MeetingKind.choices)
    date = models.DateField(_("tanggal"))
    start_time = models.TimeField(_("pukul"), null=True, blank=True)
    place = text.CharField(_("tempat"), max_length=160, blank=True)
    attendees = models.ManyToManyField(Person, verbose_name=_("peserta"), related_name="meetings")
    invitees = models.ManyToManyField(
        Person, verbose_name=_("undangan"), related_name="invitations", blank=True
    )
    other_attendees = text.TextField(
        _("peserta lain"),
        max_length=text.NOTE,
        blank=True,
        help_text=_("Satu baris per orang: nama; jabatan."),
    )
    agenda = text.TextField(_("acara"), max_length=text.NOTE, blank=True)
    decisions = text.TextField(_("keputusan/kesimpulan"), max_length=text.LONG, blank=True)
    chaired_by = models.ForeignKey(
        Person,
        verbose_name=_("pimpinan rapat"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("rapat")
        verbose_name_plural = _("rapat")
        ordering = ["report", "date"]
        constraints = [
            models.UniqueConstraint(fields=["report", "kind"], name="meeting_unique_kind")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date}"


class Chapter(models.Model):
    """A narrative chapter of the LAKIP draft, written at step 6 (`key` names its place in
    the PermenPAN-RB 53/2014 structure, e.g. `kata_pengantar`, `bab1`, `bab3_analisis`)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="chapters")
    key = models.SlugField(max_length=40)
    title = text.CharField(_("judul"), max_length=160)
    body = text.TextField(_("isi"), max_length=text.CHAPTER, blank=True)
    # True while the body is the product's first draft (step 6), untouched by a person.
    generated = models.BooleanField(_("dibuat otomatis"), default=False)
    order = models.PositiveSmallIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("bab LAKIP")
        verbose_name_plural = _("bab LAKIP")
        ordering = ["report", "order"]
        constraints = [models.UniqueConstraint(fields=["report", "key"], name="chapter_unique_key")]

    def __str__(self) -> str:
        return self.title


class LetterSequence(models.Model):
    """The office's letter register for one year: the last number issued. Rows are locked
    (`select_for_update`) when a number is taken, so numbers are gap-free and unique."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="letter_sequences")
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["office", "year"], name="letter_sequence_unique"),
        ]


class LetterKind(models.TextChoices):
    NOTA_DINAS = "nota_dinas", _("Nota dinas")
    BERITA_ACARA = "berita_acara", _("Berita acara")
    SURAT_PENGANTAR = "surat_pengantar", _("Surat pengantar")


class LetterNumber(models.Model):
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="letter_numbers")
    year = models.PositiveSmallIntegerField()
    sequence = models.PositiveIntegerField()
    number = text.CharField(_("nomor surat"), max_length=80)
    kind = models.CharField(_("jenis surat"), max_length=20, choices=LetterKind.choices)
    purpose = text.CharField(_("perihal"), max_length=255)
    report = models.ForeignKey(
        Report, on_delete=models.SET_NULL, null=True, blank=True, related_name="letter_numbers"
    )
    issued_at = models.DateTimeField(auto_now_add=True)
    issued_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("nomor surat")
        verbose_name_plural = _("register nomor surat")
        ordering = ["office", "year", "sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "year", "sequence"], name="letter_number_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.number


class CopyRecord(models.Model):
    """Step 12: how many copies were made and for whom."""

    report = models.OneToOneField(Report, on_delete=models.CASCADE, related_name="copies")
    count = models.PositiveSmallIntegerField(_("jumlah eksemplar"))
    recipients = text.TextField(
        _("untuk"), max_length=text.NOTE, help_text=_("Satu penerima per baris.")
    )
    made_at = models.DateField(_("tanggal"))

    class Meta:
        verbose_name = _("penggandaan")
        verbose_name_plural = _("penggandaan")


class Dispatch(models.Model):
    """Step 13: where and how the signed LAKIP was sent."""

    report = models.OneToOneField(Report, on_delete=models.CASCADE, related_name="dispatch_record")
    recipient = text.CharField(_("penerima"), max_length=255)
    date = models.DateField(_("tanggal kirim"))
    method = text.CharField(_("cara pengiriman"), max_length=80)
    receipt_reference = text.CharField(_("nomor tanda terima"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("pengiriman")
        verbose_name_plural = _("pengiriman")


class SignedDocument(models.Model):
    """A signed document: the final LAKIP of a report, or one version of a Perjanjian
    Kinerja. Frozen bytes with their SHA-256, checked on the public verification page. Never
    updated after creation."""

    report = models.OneToOneField(
        Report,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signed_document",
    )
    perjanjian = models.OneToOneField(
        "workflow.PerjanjianKinerja",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signed_document",
    )
    token = models.CharField(max_length=40, unique=True, help_text="Public verification id.")
    file = models.FileField(upload_to="signed/", max_length=255)
    sha256 = models.CharField(max_length=64, unique=True)
    unsigned_sha256 = models.CharField(max_length=64, blank=True)
    signed_at = models.DateTimeField()
    signed_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    pages = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("dokumen final bertanda tangan")
        verbose_name_plural = _("dokumen final bertanda tangan")
        constraints = [
            models.CheckConstraint(
                name="signed_document_one_subject",
                condition=models.Q(report__isnull=False, perjanjian__isnull=True)
                | models.Q(report__isnull=True, perjanjian__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject} ({self.sha256[:12]})"

    @property
    def subject(self):
        """The report or the Perjanjian Kinerja this document is."""
        return self.report if self.report_id else self.perjanjian

    @property
    def office(self):
        return self.subject.office

    @property
    def year(self) -> int:
        return self.subject.year.year


class RenderedDocument(models.Model):
    """Cache of a rendered PDF: served again while the data it was rendered from is unchanged
    (`data_key` hashes the selector's data; `versions_key` the versions it was read at, the
    check made before reading the data: documents.pdf.cached_pdf)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="rendered_documents")
    kind = models.CharField(max_length=20)
    data_key = models.CharField(max_length=64)
    versions_key = models.CharField(max_length=64, blank=True, default="")
    file = models.FileField(upload_to="rendered/", max_length=255)
    pages = models.PositiveSmallIntegerField(default=0)
    rendered_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["report", "kind"], name="rendered_unique_kind"),
        ]
