"""Hand-built articles and events for the web app's tests (imported by test_serve_* and
test_browser_*), and the checks that they are well-formed: every evidence span is exactly the
slice of the article text it points at. The places and groups are not those of the gold reports."""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from thucydides.model import (
    Actor,
    Article,
    ArticleResult,
    Attribution,
    Event,
    EventDate,
    Evidence,
    Fatalities,
    Location,
    Plover,
)

TOKEN = "test-token-5b1f0e"


@dataclass(frozen=True)
class Place:
    name: str
    admin1: str
    admin2: str | None
    country_iso: str
    country: str
    latitude: float
    longitude: float
    geonameid: int
    feature: str = "PPL"


KIDAL = Place("Kidal", "Kidal", "Kidal", "ML", "Mali", 18.44, 1.41, 2455290)
GAO = Place("Gao", "Gao", "Gao", "ML", "Mali", 16.27, -0.04, 2457163)
MOPTI = Place("Mopti", "Mopti", "Mopti", "ML", "Mali", 14.49, -4.20, 2453348)
MANDALAY = Place("Mandalay", "Mandalay", "Mandalay", "MM", "Myanmar", 21.97, 96.08, 1311874)


def evidence_for(text: str, phrase: str) -> Evidence:
    start = text.index(phrase)
    return Evidence(start, start + len(phrase), phrase)


def make_event(
    article: Article,
    phrase: str,
    *,
    event_id: str,
    event_type: str = "Battles",
    sub_event_type: str = "Armed clash",
    status: str = "reported",
    actor1: tuple[str, int] | None = ("Military Forces of Mali", 1),
    actor2: tuple[str, int] | None = ("JNIM: Group for Support of Islam and Muslims", 2),
    place: Place | None = KIDAL,
    date: dt.date | None = None,
    deaths: int = 0,
    deaths_text: str | None = None,
    attribution: tuple[Attribution, ...] = (),
    confidence: float = 0.7,
) -> Event:
    location = None
    if place is not None:
        location = Location(
            text=place.name, name=place.name, geonameid=place.geonameid, feature=place.feature,
            country_iso=place.country_iso, country=place.country, admin1=place.admin1, admin2=place.admin2,
            latitude=place.latitude, longitude=place.longitude, geo_precision=1,
        )
    return Event(
        id=event_id,
        event_type=event_type,
        sub_event_type=sub_event_type,
        plover=Plover("FIGHT" if event_type == "Battles" else "ATTACK"),
        status=status,  # type: ignore[arg-type]
        actor1=Actor(actor1[0], actor1[1], actor1[0]) if actor1 else None,
        actor2=Actor(actor2[0], actor2[1], actor2[0]) if actor2 else None,
        location=location,
        date=EventDate(date or article.published, 1),
        fatalities=Fatalities(deaths, deaths if deaths else None, deaths if deaths else None, deaths_text),
        attribution=attribution,
        confidence=confidence,
        evidence=(evidence_for(article.text, phrase),),
    )


def clash_article(
    article_id: str = "art-kidal-1", *, published: dt.date = dt.date(2023, 10, 2), source: str = "Sahel Wire",
    url: str | None = "https://news.example.org/kidal-clash",
) -> ArticleResult:
    """A clash with deaths near Kidal and an air strike on Gao, as a made-up wire report."""
    text = (
        "Fighting near Kidal kills nine\n\n"
        "Soldiers clashed with JNIM fighters near Kidal on Monday, killing nine people, the army "
        "said in a statement. Separately, a drone strike hit a market in Gao, local officials said."
    )
    article = Article(id=article_id, text=text, title="Fighting near Kidal kills nine", url=url,
                      published=published, source=source)
    clash = make_event(
        article, "Soldiers clashed with JNIM fighters near Kidal", event_id=f"{article_id}-e1",
        deaths=9, deaths_text="killing nine people", date=published - dt.timedelta(days=1),
        attribution=(Attribution("the army", "military", "statement", None),),
    )
    strike = make_event(
        article, "a drone strike hit a market in Gao", event_id=f"{article_id}-e2",
        event_type="Explosions/Remote violence", sub_event_type="Air/drone strike", status="claimed",
        actor2=("Civilians (Mali)", 7), place=GAO, confidence=0.4,
        attribution=(Attribution("local officials", None, None, None),),
    )
    return ArticleResult(article=article, events=(clash, strike))


def protest_article(article_id: str = "art-mandalay-1", *, published: dt.date = dt.date(2023, 9, 15)) -> ArticleResult:
    text = (
        "Students march in Mandalay\n\n"
        "Hundreds of students marched peacefully through Mandalay on Thursday to demand the release "
        "of detained teachers."
    )
    article = Article(id=article_id, text=text, title="Students march in Mandalay",
                      url="https://news.example.org/mandalay", published=published, source="Irrawaddy Desk")
    protest = make_event(
        article, "Hundreds of students marched peacefully through Mandalay", event_id=f"{article_id}-e1",
        event_type="Protests", sub_event_type="Peaceful protest", actor1=("Protesters (Myanmar)", 6),
        actor2=None, place=MANDALAY, date=published - dt.timedelta(days=1), confidence=0.9,
    )
    return ArticleResult(article=article, events=(protest,))


TESSALIT = Place("Tessalit", "Kidal", "Tessalit", "ML", "Mali", 20.20, 1.01, 9034001, feature="ADM2")


def takeover_article(article_id: str = "art-tessalit-1", *, published: dt.date = dt.date(2023, 10, 5)) -> ArticleResult:
    """A district overrun by a non-state group, as the group's own claim: a control record."""
    text = (
        "Rebels say they hold Tessalit\n\n"
        "Fighters of the rebel coalition overran the district of Tessalit on Wednesday after the army "
        "withdrew, a spokesman of the coalition said on social media."
    )
    article = Article(id=article_id, text=text, title="Rebels say they hold Tessalit",
                      url="https://news.example.org/tessalit", published=published, source="Desert Post")
    takeover = make_event(
        article, "Fighters of the rebel coalition overran the district of Tessalit", event_id=f"{article_id}-e1",
        sub_event_type="Non-state actor overtakes territory", status="claimed",
        actor1=("CSP-PSD: Permanent Strategic Framework for Peace, Security and Development", 2),
        actor2=("Military Forces of Mali", 1), place=TESSALIT, date=published - dt.timedelta(days=1),
        attribution=(Attribution("a spokesman of the coalition", "spokesman", "social media", None),),
    )
    return ArticleResult(article=article, events=(takeover,))


def hostile_article(article_id: str = "art-hostile-1") -> ArticleResult:
    """Markup, handlers and javascript: URLs in every field the page shows, plus an astral
    character before the evidence so code-point offsets differ from UTF-16 offsets."""
    title = '<img src=x onerror="window.__pwned=1">Raid <script>window.__pwned=1</script>'
    text = (
        f"{title}\n\n"
        "🔥 Gunmen <b onmouseover=\"window.__pwned=1\">raided</b> a village near Mopti "
        "<script>window.__pwned=1;alert(1)</script> and abducted <img src=x onerror=alert(2)> five "
        "people, residents said. See javascript:alert(3) for more."
    )
    article = Article(id=article_id, text=text, title=title, url="javascript:alert(4)",
                      published=dt.date(2023, 10, 1), source='<svg onload="alert(5)">Outlet</svg>')
    phrase = 'Gunmen <b onmouseover="window.__pwned=1">raided</b> a village near Mopti'
    raid = make_event(
        article, phrase, event_id=f"{article_id}-e1", event_type="Violence against civilians",
        sub_event_type="Abduction/forced disappearance", actor1=('<script>alert("actor")</script>Unidentified Armed Group', 3),
        actor2=("Civilians (Mali)", 7), place=MOPTI,
        attribution=(Attribution('<img src=x onerror="alert(6)">residents', "javascript:alert(7)", None, None),),
    )
    return ArticleResult(article=article, events=(raid,))


def populate(path: Path, results: list[ArticleResult]) -> list[str]:
    """A real SQLite store at ``path`` holding ``results``; returns the stored event ids."""
    from thucydides.store import Store

    ids: list[str] = []
    with Store.open(path) as store:
        for result in results:
            ids.extend(store.add_result(result).event_ids)
    return ids


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LiveServer:
    """The app under uvicorn on 127.0.0.1 (a free port) in a thread, for the browser tests."""

    def __init__(self, app) -> None:
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def test_hand_built_evidence_is_the_slice_it_points_at() -> None:
    for result in (clash_article(), protest_article(), hostile_article()):
        for event in result.events:
            for span in event.evidence:
                assert result.article.text[span.start : span.end] == span.text


def test_hostile_article_puts_an_astral_character_before_its_evidence() -> None:
    result = hostile_article()
    span = result.events[0].evidence[0]
    before = result.article.text[: span.start]
    # the offsets count code points; in UTF-16 the evidence starts one unit later
    assert len(before.encode("utf-16-le")) // 2 == span.start + 1


# --- the browser tests' Chromium ---------------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


def launch_chromium(playwright):
    """Debian's Chromium driven by Playwright (never `playwright install`)."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


class PageWatch:
    """Collects what must not happen on a page: script errors, CSP violations, dialogs."""

    # the map's tiles come from the network, which tests do not have: those failures are expected
    EXPECTED = ("ERR_NAME_NOT_RESOLVED", "ERR_INTERNET_DISCONNECTED", "ERR_NETWORK_ACCESS_DENIED",
                "ERR_CONNECTION_REFUSED", "ERR_ADDRESS_UNREACHABLE", "ERR_TUNNEL_CONNECTION_FAILED",
                "ERR_PROXY_CONNECTION_FAILED", "ERR_CONNECTION_TIMED_OUT", "ERR_NAME_RESOLUTION_FAILED")

    def __init__(self, page) -> None:
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        page.on("console", self._console)
        page.on("dialog", self._dialog)

    def _console(self, message) -> None:
        if message.type == "error" and not any(code in message.text for code in self.EXPECTED):
            self.errors.append(f"console: {message.text}")

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()
