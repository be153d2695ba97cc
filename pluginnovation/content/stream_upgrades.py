"""Data migrations of StreamField content, shared by the apps whose pages use BodyBlock."""


def image_to_figure(block):
    """An image block as it was stored before Wagtail's ImageBlock ({"image": id, "alt_text",
    "caption"}), in today's form; the editor's alternative text is kept."""
    value = block.get("value") or {}
    if block.get("type") != "image" or not isinstance(value.get("image"), int):
        return block
    image = {"image": value["image"], "alt_text": value.get("alt_text", ""), "decorative": False}
    return {**block, "value": {"image": image, "caption": value.get("caption", "")}}


def upgrade_image_blocks(model, field="body"):
    """A RunPython function that rewrites `model`'s (app label, model name) image blocks."""

    def run(apps, schema_editor):
        Model = apps.get_model(*model)
        for pk, stream in Model.objects.values_list("pk", field):
            raw = list(getattr(stream, "raw_data", stream) or [])
            upgraded = [image_to_figure(dict(block)) for block in raw]
            if upgraded != raw:
                Model.objects.filter(pk=pk).update(**{field: upgraded})

    return run
