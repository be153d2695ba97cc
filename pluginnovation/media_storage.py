"""Uploaded files on disk, an image's name with a random part in front.

Wagtail has no privacy for images: nginx serves originals and renditions as they lie
(deploy/nginx.conf), and a rendition is named after its original. An image kept in a private
collection is shown on no public page (content.visibility), but under its upload's own name
("protokoll.png") anyone could guess its address. With 64 random bits in front of the name
nobody can, for the original or any rendition made from it.
"""

import posixpath
import secrets

from django.core.files.storage import FileSystemStorage

UNGUESSABLE_FOLDERS = {"original_images"}


class MediaStorage(FileSystemStorage):
    def generate_filename(self, filename):
        filename = super().generate_filename(filename)
        folder, name = posixpath.split(filename)
        if folder in UNGUESSABLE_FOLDERS:
            # In front, where a name cut to the field's length keeps it.
            name = f"{secrets.token_hex(8)}-{name}"
        return posixpath.join(folder, name)
