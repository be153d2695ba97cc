"""Upload rules for the admin's document and image forms.

Documents: only the allowed types, at most 20 MB, and the content must be a plain file of the
type the extension names: no program or web page in front of or inside it, no macros, nothing
fetched from the internet when it opens, no active PDF content, no zip bomb (upload_checks/).
Images: a size we can decode safely, a file that decodes, and a description, because it is
the image's default alternative text.
The checks run in the form's validation, before Wagtail saves anything, so a refused file is
never stored, and every refusal is a Swedish message saying what to do (upload_checks/messages).
"""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.template.defaultfilters import filesizeformat

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from pluginnovation.editorial.upload_checks import UploadRefused
from pluginnovation.editorial.upload_checks.images import check_image, max_image_pixels
from pluginnovation.editorial.upload_checks.messages import message_for, spaced
from pluginnovation.editorial.upload_checks.office import check_office
from pluginnovation.editorial.upload_checks.pdf import check_pdf

TYPE_NAMES = {
    "pdf": "PDF",
    "docx": "Word-dokument (docx)",
    "xlsx": "Excel-kalkylblad (xlsx)",
    "pptx": "PowerPoint-presentation (pptx)",
    "odt": "OpenDocument-text (odt)",
}


def max_document_size():
    return settings.WAGTAILDOCS_MAX_UPLOAD_SIZE


def allowed_types_text():
    return ", ".join(TYPE_NAMES.get(ext, ext) for ext in settings.WAGTAILDOCS_EXTENSIONS)


def extension_of(name):
    return os.path.splitext(name)[1].lower().lstrip(".")


def check_document_content(file, extension):
    """Raise UploadRefused unless the file is a plain, safe file of the extension's type."""
    try:
        if extension == "pdf":
            check_pdf(file)
        elif extension in TYPE_NAMES:
            check_office(file, extension)
        else:
            raise UploadRefused("content_mismatch")  # allowed in settings, but no check here
    finally:
        file.seek(0)


def validate_document_file(file):
    extension = extension_of(file.name)
    if extension not in settings.WAGTAILDOCS_EXTENSIONS:
        raise ValidationError(
            f"Filtypen ”.{extension}” går inte att ladda upp. Tillåtna filtyper: "
            f"{allowed_types_text()}.",
            code="invalid_extension",
        )
    if file.size > max_document_size():
        raise ValidationError(too_large_message(file.size), code="file_too_large")
    try:
        check_document_content(file, extension)
    except UploadRefused as refused:
        type_name = TYPE_NAMES.get(extension, extension)
        message = message_for(refused, extension=extension, type=type_name)
        raise ValidationError(message, code=refused.code) from refused


def too_large_message(size=None):
    limit = filesizeformat(max_document_size())
    actual = f" ({filesizeformat(size)})" if size is not None else ""
    return f"Filen är för stor{actual}. Största tillåtna storlek är {limit}."


class AsksForTheFileAgain:
    """A form that comes back with an error has lost its chosen file (browsers empty file
    fields), so when something else was wrong, the file field says to choose it again.
    Not in the multiple uploader: it builds its form from a dict, not from the browser's post,
    keeps a good file while it asks for the rest, and takes any error on the file as a refusal."""

    def full_clean(self):
        super().full_clean()
        if not isinstance(self.data, QueryDict):
            return
        chosen = self.files.get(self.add_prefix("file")) if self.files else None
        if self._errors and chosen and "file" in self.fields and "file" not in self._errors:
            self.add_error(
                "file",
                ValidationError(
                    f"Filen ”{chosen.name}” har inte sparats, eftersom något annat i formuläret "
                    "behöver rättas. Välj filen igen innan du sparar.",
                    code="choose_again",
                ),
            )


class DocumentForm(AsksForTheFileAgain, BaseDocumentForm):
    """Wagtail's document form with the upload rules above, in Swedish."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None:
            field.help_text = (
                f"Tillåtna filtyper: {allowed_types_text()}. "
                f"Största storlek: {filesizeformat(max_document_size())}."
            )
            # Wagtail fills in the two sizes itself.
            field.error_messages["file_too_large"] = (
                "Filen är för stor (%(file_size)s). Största tillåtna storlek är %(max_filesize)s."
            )
            field.error_messages["file_too_large_unknown_size"] = too_large_message()

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            validate_document_file(file)
        return file

    def _post_clean(self):
        super()._post_clean()
        # Once our check has refused the file, Wagtail's model check sees no file at all and
        # adds a second, misleading message ("Filändelsen “” är inte giltig"): keep ours.
        errors = self._errors.get("file")
        if errors and len(errors) > 1:
            del errors[1:]


class CheckedImageField(WagtailImageField):
    """Wagtail's image field with our image checks and every message in Swedish."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        formats = self.supported_formats_text
        self.help_text = (
            f"Tillåtna format: {formats}. Största storlek: {self.max_upload_size_text} och "
            f"{spaced(max_image_pixels())} bildpunkter."
        )
        # Wagtail fills in the two sizes of "file_too_large" itself.
        self.error_messages["file_too_large"] = (
            "Filen är för stor (%(file_size)s). Största tillåtna storlek är %(max_filesize)s."
        )
        self.error_messages["file_too_large_unknown_size"] = (
            f"Filen är för stor. Största tillåtna storlek är {self.max_upload_size_text}."
        )
        self.error_messages["invalid_image_extension"] = message_for(
            UploadRefused("image_bad_extension"), formats=formats
        )

    def refusal(self, refused, file):
        message = message_for(refused, name=file.name, formats=self.supported_formats_text)
        return ValidationError(message, code=refused.code)

    def to_python(self, data):
        try:
            return super().to_python(data)
        except ValidationError as error:
            if error.code != "invalid_image":
                raise
            # Willow could not tell what the file is: not an image at all.
            raise self.refusal(UploadRefused("not_an_image"), data) from error

    def check_image_file_format(self, f):
        try:
            super().check_image_file_format(f)
        except ValidationError as error:
            if error.code != "invalid_image_known_format":
                raise
            actual = f.image.format_name
            if actual not in self.allowed_image_extensions:
                # A format the site does not take (an SVG, or text Willow reads as one):
                # renaming the file would only be refused next.
                raise self.refusal(UploadRefused("not_an_image"), f) from error
            refused = UploadRefused(
                "image_wrong_extension",
                actual=actual.upper(),
                actual_extension="jpg" if actual == "jpeg" else actual,
                extension=extension_of(f.name),
                wanted=extension_of(f.name).upper(),
            )
            raise self.refusal(refused, f) from error

    def check_image_pixel_size(self, f):
        # Replaces Wagtail's check, whose Pillow call lets DecompressionBombError escape.
        try:
            check_image(f.image.f, f.image.format_name)
        except UploadRefused as refused:
            raise self.refusal(refused, f) from refused


class ImageForm(AsksForTheFileAgain, BaseImageForm):
    """Wagtail's image form with our image checks, and the description required: it is the
    default alt text."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        file_field = self.fields.get("file")  # absent from the multiple uploader's edit form
        if file_field is not None:
            self.fields["file"] = CheckedImageField(
                label=file_field.label, required=file_field.required, widget=file_field.widget
            )
        field = self.fields.get("description")
        if field is not None:
            field.required = True
            field.label = "Beskrivning (alternativtext)"
            field.help_text = (
                "Beskriv vad bilden visar för den som inte kan se den, t.ex. ”Elev och mentor "
                "samtalar i skolans bibliotek”. Används som alternativtext där bilden visas."
            )
            field.error_messages["required"] = (
                "Skriv en beskrivning av bilden. Den behövs som alternativtext för den som "
                "använder skärmläsare."
            )
