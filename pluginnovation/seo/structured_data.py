"""schema.org descriptions of pages as JSON-LD, so search engines know what each page is.

Research articles are ScholarlyArticle, case studies Article, methods HowTo (with their steps)
and the home page WebSite. Other pages get none.
"""

import html
import json

from django.conf import settings
from django.urls import reverse
from django.utils.html import strip_tags

from casestudies.models import CaseStudyPage
from methods.models import MethodPage
from pluginnovation.content.languages import page_language
from pluginnovation.home.models import HomePage
from research.models import ResearchArticlePage, author_names

PUBLISHER = {
    "@type": "Organization",
    "name": "Göteborgsregionen (GR)",
    "url": "https://goteborgsregionen.se/",
}


def absolute_url(request, path):
    return request.build_absolute_uri(path) if request is not None else path


def page_url(page, request):
    """The page's address on the host the visitor used (behind the proxy: https)."""
    return absolute_url(request, page.get_url(request))


def plain_text(rich_text):
    """Rich text's source without tags, so links are not expanded (and not queried)."""
    source = getattr(rich_text, "source", rich_text) or ""
    return " ".join(html.unescape(strip_tags(source)).split())


def content_fields(page, request, schema_type, terms):
    """What every piece of content shares: name, summary, address, factors, dates."""
    return {
        "@context": "https://schema.org",
        "@type": schema_type,
        "headline": page.title,
        "name": page.title,
        "description": page.summary,
        "url": page_url(page, request),
        "inLanguage": page_language(page),
        "keywords": [factor.name for factor in terms["factors"]],
        "datePublished": page.published_date.isoformat(),
        "publisher": PUBLISHER,
    }


def research_article(page, request, terms):
    data = content_fields(page, request, "ScholarlyArticle", terms)
    data.update(
        {
            # The publication's own year and publisher, not the knowledge bank's.
            "datePublished": str(page.year),
            "publisher": {"@type": "Organization", "name": page.publisher},
            "author": [{"@type": "Person", "name": name} for name in author_names(page.authors)],
            "sameAs": [url for url in (page.doi_url, page.link) if url],
        }
    )
    if page.doi:
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": page.doi}
    return data


def case_study(page, request, terms):
    data = content_fields(page, request, "Article", terms)
    data.update(
        {
            "author": PUBLISHER,
            "about": {"@type": "Organization", "name": page.organisation},
        }
    )
    if terms["municipalities"]:
        data["contentLocation"] = {"@type": "Place", "name": terms["municipalities"][0].name}
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    return data


def method(page, request, terms):
    data = content_fields(page, request, "HowTo", terms)
    data.update(
        {
            "audience": {"@type": "Audience", "audienceType": page.audience},
            "step": [
                {
                    "@type": "HowToStep",
                    "position": position,
                    "name": step.value["title"],
                    "text": plain_text(step.value["text"]),
                }
                for position, step in enumerate(page.steps, start=1)
            ],
        }
    )
    return data


def website(page, request, terms=None):
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": settings.WAGTAIL_SITE_NAME,
        "description": page.intro,
        "url": page_url(page, request),
        "inLanguage": page_language(page),
        "publisher": PUBLISHER,
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": absolute_url(request, reverse("search")) + "?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        },
    }


BUILDERS = [
    (ResearchArticlePage, research_article),
    (CaseStudyPage, case_study),
    (MethodPage, method),
    (HomePage, website),
]


def structured_data(page, request=None, terms=None):
    """The page's schema.org description as a dict, or None for page types without one.

    terms: the page's categories ({field: [terms]}), as the side column read them.
    """
    for model, build in BUILDERS:
        if isinstance(page, model):
            return build(page, request, terms)
    return None


def to_script_json(data):
    """JSON that is safe inside <script>: no "<", ">" or "&" can end the element early."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
