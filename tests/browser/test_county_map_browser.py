"""The county map (/karta/) in Chromium: a keyboard user sees which county has focus,
whatever its shade (WCAG 2.4.7, and 1.4.11 for the indicator's contrast)."""

# For every county link: its shape's fill before focus, and its fill and outline with focus.
LOOKS = """async links => {
    const looks = [];
    for (const link of links) {
        const shape = link.querySelector(".county-map__county");
        const before = getComputedStyle(shape).fill;
        link.focus();
        const focused = getComputedStyle(shape);
        looks.push([link.getAttribute("aria-label"), before, focused.fill, focused.stroke]);
        link.blur();
    }
    return looks;
}"""


def luminance(color):
    """Relative luminance (WCAG) of a computed "rgb(r, g, b)"."""
    channels = [int(part) / 255 for part in color[color.index("(") + 1 : -1].split(",")[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first, second):
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_every_county_shows_focus_against_its_own_shade(page, site_url):
    assert page.goto(site_url + "/karta/").status == 200
    page.keyboard.press("Tab")  # focus from the keyboard, as :focus-visible asks
    looks = page.locator("a.county-map__link").evaluate_all(LOOKS)
    shades = {before for _, before, _, _ in looks}
    # The demo's counties have several shades, the darkest (as dark as the focus colour) too.
    assert len(shades) >= 3
    assert max(contrast(shade, "rgb(255, 255, 255)") for shade in shades) > 10
    unseen = [
        county
        for county, before, fill, stroke in looks
        if max(contrast(fill, before), contrast(stroke, before)) < 3
    ]
    assert unseen == []


def test_a_link_past_the_map_leads_the_keyboard_to_the_table(page, site_url):
    """Map and table link every county: 42 stops. The link before the map skips its 21."""
    page.goto(site_url + "/karta/")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('county-map__skip')"):
            break
    else:
        raise AssertionError("Tab never reached the link past the map")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.county-map__data') !== null")
