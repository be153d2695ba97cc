"""How pages show their fields in the API, where Wagtail's defaults would not do.

- Taxonomy terms (factors, projects, regions, …) are {"slug", "name"} objects, the slug being
  the value the filters take; a case study's municipality and a project page's project carry
  their facts too. Wagtail would give {"id", "meta"} of a model that has no endpoint.
- Keywords are {"slug", "name"} like the other categories, read from the prefetched rows
  (Wagtail's tags field sorts in the database: a query per page).
- A document or image in a collection with a view restriction is shown as null.
- StreamField JSON leaves out the blocks that offer a document nobody may download (private,
  or deleted), as the site leaves them off the page.
- Rich text, in StreamFields and rich text fields, keeps only the links a visitor may follow
  (`public_rich_text`, over a whole response).
"""

from django.urls import NoReverseMatch

from taggit.managers import _TaggableManager
from wagtail import blocks
from wagtail.api.v2.serializers import PageHtmlUrlField, PageSerializer, RelatedField
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.documents.models import AbstractDocument
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.images.models import AbstractImage

from rest_framework.fields import Field
from rest_framework.relations import RelatedField as DRFRelatedField

from pluginnovation.content.rich_text_links import public_rewriter
from pluginnovation.taxonomy.models import EnglishName, Municipality, Project, Term


def term_data(term):
    data = {"slug": term.slug, "name": term.name}
    if isinstance(term, EnglishName):
        data["name_en"] = term.name_en or None
    return data


def municipality_data(municipality):
    return {
        **term_data(municipality),
        "code": municipality.code,
        "kommungrupp": municipality.kommungrupp,
        "region": term_data(municipality.region),
    }


def project_data(project):
    return {
        **term_data(project),
        "start_year": project.start_year,
        "end_year": project.end_year,
        "owner": project.owner,
        "funding": project.funding,
        "description": project.description,
        "regions": [term_data(region) for region in project.regions.all()],
    }


# What a single term (a foreign key) shows besides its slug and name.
TERM_DETAILS = {Municipality: municipality_data, Project: project_data}


class TermField(DRFRelatedField):
    """A taxonomy term as {"slug", "name"}; `many=True` gives the list of a category."""

    def __init__(self, **kwargs):
        kwargs.pop("serializer_class", None)
        kwargs.pop("queryset", None)
        super().__init__(**{**kwargs, "read_only": True})

    def to_representation(self, term):
        return term_data(term)


class TermDetailsField(TermField):
    """The one term a page is about or from (a project page's project, a case study's
    municipality), with its facts."""

    def to_representation(self, term):
        return TERM_DETAILS.get(type(term), term_data)(term)


class KeywordsField(Field):
    def to_representation(self, manager):
        return [term_data(tag) for tag in sorted(manager.all(), key=lambda tag: tag.name)]


class PublicMediaField(RelatedField):
    """A document or image, or null when it sits in a private collection."""

    def get_attribute(self, instance):
        media = super().get_attribute(instance)
        if media is not None and media.collection_id in self.context["view"].private_collections:
            return None
        return media


def offered_files(block, value):
    """The documents and images (None for a deleted one) a block's value offers: a block with
    a private one is left out, its caption and alt text with it."""
    if isinstance(block, DocumentChooserBlock | ImageBlock):
        yield value  # an ImageBlock's value is an image, not a struct
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from offered_files(child, value.get(name))
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from offered_files(block.child_block, item)
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from offered_files(child.block, child.value)


class PublicStreamField(Field):
    """Wagtail's StreamField JSON ({"type", "value", "id"} per block), without the blocks
    whose document or image is private or gone."""

    def to_representation(self, stream):
        private = None
        shown = []
        for child in stream:
            files = list(offered_files(child.block, child.value))
            if files:
                if private is None:
                    private = self.context["view"].private_collections
                if any(file is None or file.collection_id in private for file in files):
                    continue
            shown.append(
                {
                    "type": child.block.name,
                    "value": child.block.get_api_representation(child.value, self.context),
                    "id": child.id,
                }
            )
        return shown


def strings_in(data):
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from strings_in(value)
    elif isinstance(data, list):
        for value in data:
            yield from strings_in(value)


def rewritten(data, rewrite):
    if isinstance(data, str):
        return rewrite(data)
    if isinstance(data, dict):
        return {key: rewritten(value, rewrite) for key, value in data.items()}
    if isinstance(data, list):
        return [rewritten(value, rewrite) for value in data]
    return data


def public_rich_text(data):
    """A response's data with every stored rich text in it (a string, however deep: a rich
    text field, a block of a StreamField) keeping only the links a visitor may follow; two
    queries for the whole response, whatever the number of pages and blocks."""
    return rewritten(data, public_rewriter(strings_in(data)))


class HtmlUrlField(PageHtmlUrlField):
    """The page's address on the site, with the site's root paths read once per request
    (Wagtail's field reads them from the cache for every page)."""

    def to_representation(self, page):
        try:
            return page.get_full_url(request=self.context["request"])
        except NoReverseMatch:
            return None


class PublicPageSerializer(PageSerializer):
    html_url = HtmlUrlField(read_only=True)
    serializer_field_mapping = {
        **PageSerializer.serializer_field_mapping,
        StreamField: PublicStreamField,
    }

    def build_relational_field(self, field_name, relation_info):
        field_class, kwargs = super().build_relational_field(field_name, relation_info)
        related = relation_info.related_model
        if issubclass(related, Term):
            return (TermField if relation_info.to_many else TermDetailsField), kwargs
        if issubclass(related, AbstractDocument | AbstractImage) and not relation_info.to_many:
            return PublicMediaField, kwargs
        return field_class, kwargs

    def to_representation(self, instance):
        data = super().to_representation(instance)
        # A news item's text for its image goes with the image when that is private.
        if "image_alt" in data and data.get("image") is None and instance.image_id is not None:
            data["image_alt"] = None
        return data

    def build_property_field(self, field_name, model_class):
        if isinstance(getattr(model_class, field_name), _TaggableManager):
            return KeywordsField, {}
        return super().build_property_field(field_name, model_class)
