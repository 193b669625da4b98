#!/usr/bin/env python3
"""Generates the benchmark sites of scripts/bench (deterministic: seeded).

    generate.py --pages N --out DIR [--seed S] [--report]
    generate.py --scatter --out DIR [--points P] [--seed S]

Plain variant: DIR/reckon (content/ + templates/), DIR/hugo (content/ + config.toml + layouts/)
and DIR/all.md (every page's Markdown body, concatenated, for the cmark floor). The same
Markdown goes to both generators, except the links between articles: Reckon's are written as
source paths (`page-12.md`, resolved and checked by Reckon), Hugo's as relative URLs
(`../page-12/`). A site-absolute link (`/posts/page-7/`) and an in-page link (`#results`)
are identical in both.

Report variant (--report): DIR/reckon only; each page also has a CSV-backed figure, a `check`
block with one claim and a `chart` block over a per-page subset of content/data/runs.csv.

Scatter variant (--scatter): DIR/reckon only; ONE article whose ```chart block draws every row of
content/data/points.csv (P rows, default 1,000: `name,x,y`, log-normal spread in x and y, so that
the points and their labels crowd in the middle) as a labelled log-log point chart
(`label: { field: name }`): the label placer's worst case.
"""
import argparse
import os
import random
import shutil

WORDS = """
the of and to in is that for it as with was on be by this are from at or an which have not
model models training compute data cost costs energy chip chips hour hours price prices cloud
rate rates growth year years scale scaling parameters tokens dataset datasets estimate estimates
cluster clusters memory bandwidth throughput latency batch batches gradient gradients loss
accuracy benchmark benchmarks evaluation result results method methods analysis table figure
source sources report reports paper papers vendor vendors datasheet hardware software kernel
kernels operator operators precision mixed float integer tensor tensors matrix matrices vector
fast slow large small larger smaller higher lower more less most least first second third last
measured reported computed derived assumed observed expected typical median average total
per between across within over under about around nearly roughly exactly only also still
however therefore because although while where when since until before after during each every
team teams lab labs company companies budget budgets utilisation efficiency power watts dollars
trend trends doubling months decade sample samples run runs step steps epoch epochs node nodes
""".split()

TAGS = """compute energy hardware cloud pricing scaling datasets methods benchmarks memory
networking efficiency inference training precision kernels clusters economics forecasts power
cooling supply chips software compilers storage evaluation reproducibility history policy
safety open-source""".split()

CODE_NAMES = "flops tokens params hours price cost rate utilisation batch steps".split()


def sentence(rng, lo=8, hi=18):
    words = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def decorate(rng, text, number, link):
    """Adds inline code, emphasis, strong and links to a paragraph's words."""
    words = text.split(" ")
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(1, len(words) - 1)
        kind = rng.randrange(4)
        w = words[i].rstrip(".")
        if kind == 0:
            words[i] = f"`{rng.choice(CODE_NAMES)}_{rng.randint(1, 99)}`"
        elif kind == 1:
            words[i] = f"*{w}*"
        elif kind == 2:
            words[i] = f"**{w}**"
        else:
            words[i] = f"[{w}](https://example.com/{rng.choice(WORDS)}/{rng.randint(1, 999)})"
    if link:
        i = rng.randrange(1, len(words) - 1)
        words.insert(i, link)
    return " ".join(words)


def paragraph(rng, number, link=None, sentences=(3, 5)):
    text = " ".join(sentence(rng) for _ in range(rng.randint(*sentences)))
    return decorate(rng, text, number, link)


def cross_link(rng, number, total, flavour):
    other = rng.randint(1, total)
    if other == number:
        other = number % total + 1
    label = f"page {other}"
    if flavour == "reckon":
        return f"[{label}](page-{other}.md)"
    return f"[{label}](../page-{other}/)"


def code_block(rng):
    lines = ["```python", "def estimate(runs, price=2.5):", "    total = 0.0"]
    for _ in range(rng.randint(4, 7)):
        a, b = rng.choice(CODE_NAMES), rng.choice(CODE_NAMES)
        lines.append(f"    if run.{a} < {rng.randint(1, 900)} and run.{b} > 0:  # {rng.choice(WORDS)} & {rng.choice(WORDS)}")
        lines.append(f"        total += run.{a} * {rng.random():.3f} / price")
    lines += ["    return total", "```"]
    return "\n".join(lines)


def table(rng):
    rows = ["| Run | Chips | Hours | Cost (USD) |", "|:----|----:|----:|----:|"]
    for i in range(rng.randint(5, 7)):
        rows.append(f"| `r{rng.randint(1, 999)}` | {rng.randint(8, 4096)} | {rng.randint(10, 9000)} | {rng.randint(1000, 9_000_000):,} |")
    return "\n".join(rows)


def body(rng, number, total, flavour, report_block=""):
    """One article's Markdown (without front matter): about 5 KB."""
    link = lambda: cross_link(rng, number, total, flavour)  # noqa: E731
    target = rng.randint(1, total)
    absolute = f"[the overview of page {target}](/posts/page-{target}/)"
    parts = [
        paragraph(rng, number, sentences=(4, 5)),
        paragraph(rng, number, link=absolute, sentences=(3, 4)),
        "## Background",
        paragraph(rng, number, link=link()),
        paragraph(rng, number, link="[the results below](#results)"),
        "### Assumptions",
        "\n".join(f"- {decorate(rng, sentence(rng, 5, 10), number, None)}" for _ in range(rng.randint(4, 6))),
        paragraph(rng, number, sentences=(2, 3)),
        "\n".join(f"{i}. {sentence(rng, 5, 9)}" for i in range(1, rng.randint(4, 6))),
        "## Method",
        paragraph(rng, number, link=link()),
        code_block(rng),
        paragraph(rng, number, sentences=(2, 4)),
    ]
    if report_block:
        parts.append(report_block)
    parts += [
        "## Results",
        table(rng),
        paragraph(rng, number, link=link()),
        "## Discussion",
        paragraph(rng, number),
        "> " + sentence(rng, 12, 20) + " " + sentence(rng, 8, 14),
        paragraph(rng, number, sentences=(2, 4)),
    ]
    return "\n\n".join(parts) + "\n"


def front_matter(rng, number):
    year = 2015 + number % 10
    date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    # Zipf-like tag use: a few tags are common, most are rare.
    tags = []
    while len(tags) < 3:
        tag = TAGS[min(int(rng.paretovariate(1.1)) - 1, len(TAGS) - 1)] if rng.random() < 0.6 else rng.choice(TAGS)
        if tag not in tags:
            tags.append(tag)
    title = f"Page {number}: " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 6)))
    return f"---\ntitle: \"{title}\"\ndate: {date}\ntags: [{', '.join(tags)}]\n---\n"


# ---------------------------------------------------------------- report variant

RUNS = 200          # rows of content/data/runs.csv
SERIES = 20         # runs are grouped in series of RUNS / SERIES rows; a page charts one


def runs_table(seed):
    rng = random.Random(seed * 7919 + 1)
    rows = ["name,series,params [param],flops [FLOP]"]
    values = {}
    for i in range(1, RUNS + 1):
        params = 10 ** rng.uniform(7, 12)
        flops = 6 * params * 20 * params * 10 ** rng.uniform(-0.3, 0.3)
        values[f"r{i}"] = flops
        rows.append(f"r{i},s{(i - 1) % SERIES + 1},{params:.4g},{flops:.4g}")
    return "\n".join(rows) + "\n", values


def report_block(number, values):
    run = f"r{(number - 1) % RUNS + 1}"
    stated = float(f"{values[run]:.4g}")
    series = f"s{(number - 1) % SERIES + 1}"
    return f"""The run `{run}` used `= runs["{run}"].flops | sci` of training compute.

```check
label: training compute of {run}
stated: {stated:.3e} [FLOP]
computed: runs["{run}"].flops
tolerance: 1%
```

```chart
data: runs
where: series == "{series}"
mark: point
x: {{ field: params, scale: log, title: Parameters }}
y: {{ field: flops, scale: log, title: Training compute (FLOP) }}
title: Compute against parameters, series {series}
```"""


# ---------------------------------------------------------------- scatter variant

POINTS = 1000       # rows of content/data/points.csv in the scatter variant


def points_table(seed, count):
    """`name,x,y`: log-normal x, y correlated with x (slope 0.8 in log space) plus log-normal
    noise; names are a short word and the row number (3 to 13 characters, all distinct)."""
    rng = random.Random(seed * 104_729 + 3)
    words = [w for w in WORDS if len(w) <= 8]
    rows = ["name,x,y"]
    for i in range(1, count + 1):
        lx = rng.gauss(0, 1)
        ly = 0.8 * lx + rng.gauss(0, 0.6)
        rows.append(f"{rng.choice(words)}-{i},{10 ** (2 + 0.6 * lx):.4g},{10 ** (1 + 0.7 * ly):.4g}")
    return "\n".join(rows) + "\n"


def scatter_article(count):
    return f"""---
title: "A labelled scatter of {count:,} points"
date: 2024-06-01
tags: [benchmarks]
---
Every row of the points table, with its name as the label: Reckon places the labels that fit
without overlapping another label or a point and drops the rest, counting them.

```chart
data: points
mark: point
x: {{ field: x, scale: log, title: X }}
y: {{ field: y, scale: log, title: Y }}
label: {{ field: name }}
title: {count:,} labelled points
caption: "Generated by scripts/bench.d/generate.py (log-normal spread)."
```
"""


# ---------------------------------------------------------------- templates

RECKON_BASE = """<html xmlns="http://www.w3.org/1999/xhtml" xmlns:r="urn:reckon:template" r:lang="page.lang">
<head><meta charset="utf-8"/><title r:text="page.title">t</title><link rel="stylesheet" r:href="url('assets/site.css')"/></head>
<body><div r:include="partials/nav.html" r:omit=""/><main r:slot="main">fallback</main></body>
</html>
"""
RECKON_NAV = """<nav xmlns="http://www.w3.org/1999/xhtml" xmlns:r="urn:reckon:template"><a r:href="url('')" r:text="site.title">home</a> <a r:href="url('tags/')">tags</a></nav>
"""
RECKON_ARTICLE = """<html xmlns="http://www.w3.org/1999/xhtml" xmlns:r="urn:reckon:template" r:layout="base.html">
<article r:fill="main"><h1 r:text="page.title">T</h1><time r:datetime="page.date" r:text="page.date_text">d</time>
<ul class="tags"><li r:each="t in page.tags"><a r:href="t.url" r:text="t.name">tag</a></li></ul>
<div r:content="page.content"/>FIGURES</article>
</html>
"""
RECKON_FIGURES = """<ol r:if="page.figures"><li r:each="f in page.figures" r:id="f.id"><span r:text="f.text">v</span> = <code r:text="f.formula">f</code></li></ol>"""
RECKON_PAGER = """<nav r:if="pager.count > 1"><a rel="prev" r:if="pager.previous" r:href="pager.previous">newer</a> <a rel="next" r:if="pager.next" r:href="pager.next">older</a></nav>"""
RECKON_INDEX = """<html xmlns="http://www.w3.org/1999/xhtml" xmlns:r="urn:reckon:template" r:layout="base.html">
<div r:fill="main"><ul><li r:each="p in pages"><a r:href="p.url" r:text="p.title">x</a> <span r:text="p.summary">s</span></li></ul>PAGER</div>
</html>
""".replace("PAGER", RECKON_PAGER)
RECKON_TERM = """<html xmlns="http://www.w3.org/1999/xhtml" xmlns:r="urn:reckon:template" r:layout="base.html">
<div r:fill="main"><ul><li r:each="p in pages"><a r:href="p.url" r:text="p.title">x</a></li></ul>PAGER</div>
</html>
""".replace("PAGER", RECKON_PAGER)
RECKON_TERMS = """<html xmlns="http://www.w3.org/1999/xhtml" xmlns:r="urn:reckon:template" r:layout="base.html">
<ul r:fill="main"><li r:each="t in terms"><a r:href="t.url" r:text="t.name">x</a> <span r:text="t.count">1</span></li></ul>
</html>
"""
CSS = "body { margin: 0 }\n"

HUGO_CONFIG = """baseURL = "https://example.org/"
languageCode = "en"
defaultContentLanguage = "en"
title = "Reckon benchmark"
timeZone = "UTC"
paginate = 10
rssLimit = 20
enableRobotsTXT = true
# Reckon writes no section list (posts/) and no 404 page without a 404 template.
disableKinds = ["section", "404"]

[taxonomies]
  tag = "tags"

# Reckon writes Atom and RSS for the home page only, none per term.
[outputs]
  home = ["HTML", "RSS", "Atom"]
  page = ["HTML"]
  taxonomy = ["HTML"]
  term = ["HTML"]

[mediaTypes."application/atom+xml"]
  suffixes = ["xml"]

# Reckon's RSS feed is rss.xml (Hugo's default name is index.xml).
[outputFormats.RSS]
  baseName = "rss"

[outputFormats.Atom]
  mediaType = "application/atom+xml"
  baseName = "atom"
  isPlainText = false
  rel = "alternate"

# CommonMark + GFM tables, like Reckon: no syntax highlighting, no other extensions.
[markup.highlight]
  codeFences = false
[markup.goldmark.extensions]
  definitionList = false
  footnote = false
  linkify = false
  strikethrough = false
  table = true
  taskList = false
  typographer = false
"""
HUGO_BASEOF = """<!DOCTYPE html>
<html lang="{{ site.Language.Lang }}">
<head><meta charset="utf-8"><title>{{ .Title }}</title><link rel="stylesheet" href="{{ "assets/site.css" | relURL }}"></head>
<body><nav><a href="{{ "" | relURL }}">{{ site.Title }}</a> <a href="{{ "tags/" | relURL }}">tags</a></nav><main>{{ block "main" . }}fallback{{ end }}</main></body>
</html>
"""
HUGO_SINGLE = """{{ define "main" }}<article><h1>{{ .Title }}</h1><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>
<ul class="tags">{{ range .GetTerms "tags" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
<div>{{ .Content }}</div></article>{{ end }}
"""
HUGO_PAGER = """{{ if gt .Paginator.TotalPages 1 }}<nav>{{ if .Paginator.HasPrev }}<a rel="prev" href="{{ .Paginator.Prev.URL }}">newer</a>{{ end }} {{ if .Paginator.HasNext }}<a rel="next" href="{{ .Paginator.Next.URL }}">older</a>{{ end }}</nav>{{ end }}"""
HUGO_LIST = """{{ define "main" }}<div><ul>{{ range (.Paginate site.RegularPages).Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <span>{{ .Summary | plainify }}</span></li>{{ end }}</ul>PAGER</div>{{ end }}
""".replace("PAGER", HUGO_PAGER)
HUGO_TAXONOMY = """{{ define "main" }}<div><ul>{{ range (.Paginate .Pages).Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>PAGER</div>{{ end }}
""".replace("PAGER", HUGO_PAGER)
HUGO_TERMS = """{{ define "main" }}<ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> <span>{{ .Count }}</span></li>{{ end }}</ul>{{ end }}
"""
HUGO_RSS = """{{- printf "<?xml version=\\"1.0\\" encoding=\\"utf-8\\"?>" | safeHTML }}
<rss version="2.0"><channel><title>{{ site.Title }}</title><link>{{ .Permalink }}</link><description>{{ site.Title }}</description>
{{ range first 20 site.RegularPages }}<item><title>{{ .Title }}</title><link>{{ .Permalink }}</link><guid>{{ .Permalink }}</guid><pubDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" | safeHTML }}</pubDate><description>{{ .Content | html }}</description></item>
{{ end }}</channel></rss>
"""
HUGO_ATOM = """{{- printf "<?xml version=\\"1.0\\" encoding=\\"utf-8\\"?>" | safeHTML }}
<feed xmlns="http://www.w3.org/2005/Atom"><title>{{ site.Title }}</title><id>{{ .Permalink }}</id><link href="{{ .Permalink }}"/><updated>{{ now.Format "2006-01-02T15:04:05Z07:00" | safeHTML }}</updated>
{{ range first 20 site.RegularPages }}<entry><title>{{ .Title }}</title><id>{{ .Permalink }}</id><link href="{{ .Permalink }}"/><updated>{{ .Date.Format "2006-01-02T15:04:05Z07:00" | safeHTML }}</updated><content type="html">{{ .Content | html }}</content></entry>
{{ end }}</feed>
"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=8)
    variant = parser.add_mutually_exclusive_group()
    variant.add_argument("--report", action="store_true")
    variant.add_argument("--scatter", action="store_true")
    parser.add_argument("--points", type=int, default=POINTS)
    args = parser.parse_args()
    if not args.scatter and args.pages is None:
        parser.error("--pages is required (except with --scatter)")
    n, out = args.pages, args.out
    if os.path.exists(out):
        shutil.rmtree(out)
    reckon, hugo = os.path.join(out, "reckon"), os.path.join(out, "hugo")

    site_yaml = ("title: \"Reckon benchmark\"\ndescription: \"Generated pages for scripts/bench.\"\n"
                 "base_url: \"https://example.org/\"\nlanguage: en\ntimezone: \"UTC\"\npaginate: 10\n"
                 "taxonomies: [tags]\n")
    write(f"{reckon}/content/site.yaml", site_yaml)
    write(f"{reckon}/templates/base.html", RECKON_BASE)
    write(f"{reckon}/templates/partials/nav.html", RECKON_NAV)
    write(f"{reckon}/templates/article.html",
          RECKON_ARTICLE.replace("FIGURES", RECKON_FIGURES if args.report else ""))
    write(f"{reckon}/templates/index.html", RECKON_INDEX)
    write(f"{reckon}/templates/term.html", RECKON_TERM)
    write(f"{reckon}/templates/terms.html", RECKON_TERMS)
    write(f"{reckon}/templates/assets/site.css", CSS)

    if args.scatter:
        write(f"{reckon}/content/data/points.csv", points_table(args.seed, args.points))
        write(f"{reckon}/content/posts/scatter.md", scatter_article(args.points))
        print(f"generated 1 article charting {args.points} labelled points (scatter) in {out}")
        return

    values = {}
    if args.report:
        csv, values = runs_table(args.seed)
        write(f"{reckon}/content/data/runs.csv", csv)
    else:
        write(f"{hugo}/config.toml", HUGO_CONFIG)
        for name, text in [("baseof", HUGO_BASEOF), ("single", HUGO_SINGLE), ("list", HUGO_LIST),
                           ("taxonomy", HUGO_TAXONOMY), ("terms", HUGO_TERMS)]:
            write(f"{hugo}/layouts/_default/{name}.html", text)
        write(f"{hugo}/layouts/index.rss.xml", HUGO_RSS)
        write(f"{hugo}/layouts/index.atom.xml", HUGO_ATOM)
        write(f"{hugo}/static/assets/site.css", CSS)

    total_bytes = 0
    floor = None if args.report else open(os.path.join(out, "all.md"), "w", encoding="utf-8")
    for number in range(1, n + 1):
        seed = args.seed * 1_000_003 + number
        head = front_matter(random.Random(seed), number)
        extra = report_block(number, values) if args.report else ""
        # The same random stream for both flavours: only the cross links' spelling differs.
        text = body(random.Random(seed + 17), number, n, "reckon", extra)
        write(f"{reckon}/content/posts/page-{number}.md", head + text)
        total_bytes += len((head + text).encode())
        if not args.report:
            write(f"{hugo}/content/posts/page-{number}.md",
                  head + body(random.Random(seed + 17), number, n, "hugo"))
            floor.write(text + "\n")
    if floor:
        floor.close()
    print(f"generated {n} pages ({'report' if args.report else 'plain'}), "
          f"{total_bytes / n / 1024:.1f} KiB each on average, in {out}")


if __name__ == "__main__":
    main()
