"""Upload rules for the admin's document and image forms.

Documents: only the allowed types, at most 20 MB, and the content must be what the extension
says, so a renamed program or macro file is refused. The check runs in the form's validation,
before Wagtail saves anything, so a refused file is never stored.
Images: the description is required, because it is the image's default alternative text.
"""

import os
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

PDF_SIGNATURE = b"%PDF-"
PDF_HEADER_WINDOW = 1024  # the PDF standard lets the header start a little way in
OOXML_MAIN_PART = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
ODF_MIMETYPES = {"odt": b"application/vnd.oasis.opendocument.text"}
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


def is_pdf(file):
    return PDF_SIGNATURE in file.read(PDF_HEADER_WINDOW)


def zip_member_names(file):
    try:
        with zipfile.ZipFile(file) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return set()


def is_ooxml(file, extension):
    """A real Office file; a macro-enabled one renamed to .docx etc. does not count."""
    names = zip_member_names(file)
    has_macros = any(name.lower().endswith("vbaproject.bin") for name in names)
    return "[Content_Types].xml" in names and OOXML_MAIN_PART[extension] in names and not has_macros


def is_odf(file, extension):
    try:
        with zipfile.ZipFile(file) as archive:
            info = archive.getinfo("mimetype")
            # The mimetype member is a few dozen bytes; anything bigger is not a real ODF file.
            return info.file_size < 200 and archive.read(info).strip() == ODF_MIMETYPES[extension]
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return False


def content_matches(file, extension):
    file.seek(0)
    try:
        if extension == "pdf":
            return is_pdf(file)
        if extension in OOXML_MAIN_PART:
            return is_ooxml(file, extension)
        if extension in ODF_MIMETYPES:
            return is_odf(file, extension)
        return False
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
    if not content_matches(file, extension):
        raise ValidationError(
            f"Filens innehåll stämmer inte med filändelsen ”.{extension}”: det är inte en "
            f"giltig {TYPE_NAMES[extension]} eller så innehåller den makron. Spara filen på nytt "
            "i rätt format och försök igen.",
            code="content_mismatch",
        )


def too_large_message(size=None):
    limit = filesizeformat(max_document_size())
    actual = f" ({filesizeformat(size)})" if size is not None else ""
    return f"Filen är för stor{actual}. Största tillåtna storlek är {limit}."


class DocumentForm(BaseDocumentForm):
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


class ImageForm(BaseImageForm):
    """Wagtail's image form with the description required: it is the default alt text."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
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
