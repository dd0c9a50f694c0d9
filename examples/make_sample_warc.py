"""Write examples/pages/08_archive.warc.gz, a small sample web archive, deterministically.

The archive holds, in order:
  1. a warcinfo record;
  2. a request record (GET of the first article);
  3. an HTTP response with the first HTML article page (text/html);
  4. an HTTP response with that page's stylesheet (text/css), which readers must skip;
  5-6. two more HTTP responses with HTML article pages (text/html).
Each HTML page has nav, share, related-links, donation and footer noise around its article.

Record IDs are UUID5s derived from fixed names and every WARC-Date is fixed, and gzip members
carry no timestamp, so running this twice gives byte-identical files.

Usage (needs warcio; the project pins it, or use a throwaway venv):
    python examples/make_sample_warc.py [OUTPUT]
"""

from __future__ import annotations

import sys
import uuid
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

DEFAULT_OUTPUT = Path(__file__).resolve().parent / "pages" / "08_archive.warc.gz"
NAMESPACE = uuid.UUID("6f1c2a4e-3b7d-4c59-9e0a-8d2f5b1e7a90")


def record_id(name: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(NAMESPACE, name)}>"


PAGE_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} | {site}</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="{published}">
<meta name="author" content="{author}">
<link rel="stylesheet" href="/assets/site.css">
</head>
<body>
<header>
<div class="brand">{site}</div>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/politics">Politics</a> | <a href="/opinion">Opinion</a> | <a href="/newsletter">Subscribe to our newsletter</a></nav>
</header>
<main>
<article>
<h1>{title}</h1>
<p class="byline">By {author}</p>
{paragraphs}
<div class="share">Share this: <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>
</article>
<aside class="related"><h3>Related articles</h3><ul>{related}</ul></aside>
<div class="appeal"><p>Support independent journalism. <a href="/donate">Donate</a></p></div>
</main>
<footer>
<p><a href="/about">About us</a> · <a href="/contact">Contact</a> · <a href="/privacy">Privacy policy</a> · <a href="/cookies">Cookies</a></p>
<p>© {year} {site}. All rights reserved.</p>
</footer>
</body>
</html>
"""

ARTICLES = [
    {
        "url": "https://www.continentaldesk.example/world/2018/09/18/idlib-buffer-zone-sochi",
        "site": "The Continental Desk",
        "title": "Putin and Erdogan agree Idlib buffer zone, putting off Syrian offensive",
        "author": "Anton Vasquez",
        "published": "2018-09-18T09:30:00Z",
        "date": "Tue, 18 Sep 2018 09:31:02 GMT",
        "paragraphs": [
            "Russia and Turkey have agreed to create a demilitarised zone around the rebel-held province of Idlib, in a deal that appears to have headed off, at least for now, a government assault that the UN had warned could become the worst humanitarian disaster of the war.",
            "After more than four hours of talks in the Black Sea resort of Sochi on Monday, President Vladimir Putin said the zone would be between 15 and 20 kilometres deep and would be in place by the middle of October. Heavy weapons, including tanks, rocket launchers and mortars, are to be pulled out of it.",
            "Units of the Turkish army and the Russian military police will patrol the strip together. Putin said the most radical groups, including the former Nusra Front, would have to leave it, and that Damascus supported the arrangement.",
            "President Recep Tayyip Erdogan said the agreement would prevent a humanitarian crisis and that the opposition would remain in the areas it already controls. Turkey, which hosts more than three million Syrian refugees, had warned that an offensive would send a new wave of people towards its border.",
            "Hours after the talks, a Russian Il-20 reconnaissance aircraft with 15 people on board disappeared from radar over the Mediterranean while Israeli jets were attacking targets in the coastal province of Latakia.",
            "The Russian Defence Ministry said on Tuesday that the plane had been shot down by a Syrian S-200 missile, but held Israel responsible, accusing its pilots of using the larger Russian aircraft as cover and of giving less than a minute's warning of the raid. A ministry spokesman called the Israeli actions hostile and said Moscow reserved the right to respond.",
            "The Israeli military expressed sorrow for the deaths of the crew but rejected the accusation, saying the Syrian army had fired indiscriminately and that its own jets were already back in Israeli airspace when the missile was launched. It said Iran and Hezbollah also bore responsibility.",
        ],
        "related": ["What is in the Sochi memorandum?", "Idlib: three million people in the last rebel stronghold"],
    },
    {
        "url": "https://www.riversidechronicle.example/world/khashoggi-saudi-admits-death-consulate",
        "site": "Riverside Chronicle",
        "title": "Saudi Arabia admits Khashoggi died inside Istanbul consulate",
        "author": "Samir Nassar",
        "published": "2018-10-20T06:15:00Z",
        "date": "Sat, 20 Oct 2018 06:16:18 GMT",
        "paragraphs": [
            "Saudi Arabia has acknowledged for the first time that the journalist Jamal Khashoggi was killed inside its consulate in Istanbul, more than two weeks after he disappeared there, saying he died during a fight with people he had met in the building.",
            "The public prosecutor in Riyadh said 18 Saudi nationals had been detained. King Salman dismissed the deputy head of intelligence, Ahmed al-Asiri, and a senior royal court adviser, Saud al-Qahtani, and ordered a restructuring of the intelligence service.",
            "Until now Saudi officials had insisted that Khashoggi, a columnist for the Washington Post and a critic of Crown Prince Mohammed bin Salman, walked out of the consulate alive shortly after arriving to collect documents for his marriage.",
            "Turkish officials, speaking anonymously, have said for days that he was killed by a team of agents flown in from Riyadh and that they possess audio recordings proving it. Turkey has not released the recordings.",
            "President Donald Trump said he found the Saudi explanation credible and called the arrests a good first step, while saying he would work with Congress on a response. Several Republican and Democratic senators said they did not believe the account.",
            "Germany, France and Britain said the Saudi account was not enough and that they needed more clarity about what happened. Khashoggi's body has not been found.",
        ],
        "related": ["Who was Jamal Khashoggi?", "Davos in the desert: executives pull out of Riyadh conference"],
    },
    {
        "url": "https://blackseaherald.example/news/kerch-strait-ukrainian-ships-seized",
        "site": "Black Sea Herald",
        "title": "Russia seizes three Ukrainian navy ships off Crimea; Kiev moves to impose martial law",
        "author": "Olena Hrytsenko",
        "published": "2018-11-26T07:05:00Z",
        "date": "Mon, 26 Nov 2018 07:06:40 GMT",
        "paragraphs": [
            "Russian border guards opened fire on and seized three Ukrainian naval vessels near the Kerch Strait on Sunday, in the most serious direct clash between the two countries' forces since Moscow annexed Crimea in 2014.",
            "The Ukrainian navy said two small armoured artillery boats and a tug had been rammed, shot at and boarded as they tried to sail from Odessa to the port of Mariupol in the Sea of Azov. Several sailors were wounded, and all 24 crew members were detained.",
            "The FSB security service, which controls the Russian border guard, said the ships had illegally entered Russian territorial waters, ignored orders to stop and carried out dangerous manoeuvres. Russia blocked the strait by placing a tanker under the bridge it has built to Crimea.",
            "President Petro Poroshenko called the attack an act of aggression and asked parliament to approve martial law. His national security council accused Moscow of planning a wider military operation.",
            "The Foreign Ministry in Moscow accused Kiev of a deliberate provocation intended to boost Poroshenko's ratings ahead of next year's presidential election and to win new Western sanctions against Russia. \"This is a provocation planned in advance,\" a ministry spokeswoman said.",
            "The UN Security Council will hold an emergency meeting at Russia's request. NATO and the European Union called on Russia to release the sailors and the ships and to allow free passage through the strait.",
        ],
        "related": ["Azov Sea: why the shallow waters matter", "Ukraine election: who is running"],
    },
]

STYLESHEET = b"""body{font-family:Georgia,serif;margin:0 auto;max-width:44rem}
nav a{margin-right:.5rem}
.share a,.related li{font-size:.9rem}
footer{border-top:1px solid #ccc;color:#555}
"""


def render(article: dict) -> bytes:
    return PAGE_TEMPLATE.format(
        site=article["site"], title=article["title"], author=article["author"],
        published=article["published"], year=article["published"][:4],
        paragraphs="\n".join(f"<p>{p}</p>" for p in article["paragraphs"]),
        related="".join(f'<li><a href="#">{r}</a></li>' for r in article["related"]),
    ).encode("utf-8")


def warc_date(http_date: str) -> str:
    from email.utils import parsedate_to_datetime
    return parsedate_to_datetime(http_date).strftime("%Y-%m-%dT%H:%M:%SZ")


def response(writer: WARCWriter, url: str, body: bytes, content_type: str, http_date: str, name: str):
    headers = StatusAndHeaders("200 OK", [
        ("Date", http_date),
        ("Server", "nginx"),
        ("Content-Type", content_type),
        ("Content-Length", str(len(body))),
        ("Cache-Control", "max-age=300"),
    ], protocol="HTTP/1.1")
    return writer.create_warc_record(
        url, "response", payload=BytesIO(body), length=len(body), http_headers=headers,
        warc_headers_dict={"WARC-Record-ID": record_id(name), "WARC-Date": warc_date(http_date)},
    )


def build(output: Path) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    with open(output, "wb") as stream:
        writer = WARCWriter(stream, gzip=True)

        info = b"software: eventwire examples/make_sample_warc.py\r\nformat: WARC File Format 1.0\r\ndescription: sample pages for eventwire; text written for the project\r\n"
        info_headers = StatusAndHeaders("", [
            ("WARC-Type", "warcinfo"),
            ("WARC-Record-ID", record_id("warcinfo")),
            ("WARC-Filename", output.name),
            ("WARC-Date", "2018-09-18T09:30:00Z"),
        ], protocol="WARC/1.0")
        writer.write_record(writer.create_warc_record(
            "", "warcinfo", payload=BytesIO(info), length=len(info), warc_headers=info_headers,
            warc_content_type="application/warc-fields"))

        first = ARTICLES[0]
        request_headers = StatusAndHeaders("GET /world/2018/09/18/idlib-buffer-zone-sochi HTTP/1.1", [
            ("Host", "www.continentaldesk.example"),
            ("User-Agent", "Mozilla/5.0 (compatible; eventwire-sample/1.0)"),
            ("Accept", "text/html,application/xhtml+xml"),
        ], is_http_request=True)
        writer.write_record(writer.create_warc_record(
            first["url"], "request", payload=BytesIO(b""), length=0, http_headers=request_headers,
            warc_headers_dict={"WARC-Record-ID": record_id("request-0"),
                               "WARC-Date": warc_date(first["date"]),
                               "WARC-Concurrent-To": record_id("response-0")}))

        content_types = ["text/html; charset=utf-8", "text/html;charset=UTF-8", "text/html; charset=utf-8"]
        for i, (article, ctype) in enumerate(zip(ARTICLES, content_types)):
            writer.write_record(response(writer, article["url"], render(article), ctype, article["date"], f"response-{i}"))
            if i == 0:  # the page's stylesheet, fetched right after it: not HTML, so readers skip it
                writer.write_record(response(writer, "https://www.continentaldesk.example/assets/site.css", STYLESHEET,
                                             "text/css", "Tue, 18 Sep 2018 09:31:03 GMT", "response-css"))


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUTPUT)
