#!/usr/bin/env python3
"""The runner of scripts/bench (see that script and docs/BENCHMARKS.md): generates the sites,
builds each cold several times alternating Reckon and Hugo, measures the cmark + cp floor,
builds the 1,000-point labelled scatter (issue 4), prints the summary and appends it, with every
raw run, to docs/BENCHMARKS.md.

Run from the repository root (scripts/bench does so). Exit status: 0 done, 1 a build failed,
Reckon's and Hugo's article page counts differ, or the scatter's labels placed + dropped are not
its 1,000 points or differ between runs; 2 usage.
"""
import argparse
import datetime
import glob
import hashlib
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

ROOT = os.getcwd()
WORK = ".build/bench"
BUILT = ".build/release/reckon"
# A copy of the built binary, taken at the start: a rebuild during the benchmark cannot change it.
RECKON = ".build/bench/bin/reckon"
GENERATOR = "scripts/bench.d/generate.py"
DOC = "docs/BENCHMARKS.md"
POINTS = 1000       # rows of the scatter case's content/data/points.csv
SVG = "{http://www.w3.org/2000/svg}"


def parse_args():
    p = argparse.ArgumentParser(prog="scripts/bench", description="Reckon against Hugo and the cmark floor.")
    p.add_argument("--pages", type=int, action="append", metavar="N",
                   help="site size in articles (repeatable; default 1000 and 10000)")
    p.add_argument("--quick", action="store_true", help="1000 pages only")
    p.add_argument("--runs", type=int, default=3, help="cold builds per generator and site (default 3)")
    p.add_argument("--rebuild-runs", type=int, default=11,
                   help="rebuilds of each kind (nothing changed, one edit) per plain site (default 11)")
    p.add_argument("--warmup", type=int, default=1,
                   help="untimed cold builds per generator and site before the timed ones (default 1)")
    p.add_argument("--jobs", type=int, help="pass --jobs N to reckon build (default: Reckon's own)")
    p.add_argument("--seed", type=int, default=8, help="generator seed (default 8)")
    variant = p.add_mutually_exclusive_group()
    variant.add_argument("--report", action="store_true", help="only the report variant (Reckon only)")
    variant.add_argument("--no-report", action="store_true", help="only the plain sites (Reckon, Hugo, floor)")
    variant.add_argument("--scatter", action="store_true",
                         help=f"only the scatter case: one article charting {POINTS:,} labelled points (Reckon only)")
    p.add_argument("--no-record", action="store_true", help=f"do not append to {DOC}")
    p.add_argument("--delete-outputs", action="store_true",
                   help="delete each output right before the next cold run (the method before 2026-11-29)")
    p.add_argument("--no-build", action="store_true", help=argparse.SUPPRESS)  # handled by scripts/bench
    args = p.parse_args()
    if args.runs < 1 or args.rebuild_runs < 1 or any(n < 1 for n in args.pages or []):
        p.error("--runs, --rebuild-runs and --pages take a number above 0")
    if args.warmup < 0:
        p.error("--warmup takes 0 or more")
    if args.scatter and args.pages:
        p.error("--scatter has one size (a site of one article, 1,000 points): drop --pages")
    args.sizes = args.pages or ([1000] if args.quick else [1000, 10000])
    return args


def sh(cmd):
    return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()


def machine():
    mem = 0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem = int(line.split()[1]) * 1024
    cpu = sh("sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1") or platform.processor()
    return {
        "nproc": sh("nproc"),
        "memory": f"{mem / 2**30:.1f} GiB",
        "cpu": cpu,
        "kernel": platform.release(),
        "disk": " ".join(sh(f"df --output=source,fstype {shlex.quote(WORK)} | tail -1").split()),
        "load": open("/proc/loadavg").read().split()[0],
        "reckon": (sh("git rev-parse --short HEAD") or "?")
        + (" + uncommitted changes" if sh("git status --porcelain -- Sources Package.swift") else "")
        + f", binary sha256 {hashlib.sha256(open(RECKON, 'rb').read()).hexdigest()[:12]} built "
        + datetime.datetime.fromtimestamp(os.path.getmtime(BUILT), datetime.timezone.utc).strftime("%H:%M UTC"),
        "hugo": sh("hugo version").split(" BuildDate")[0],
        "cmark": sh("cmark --version | head -1"),
        "swift": sh("swift --version 2>&1 | head -1"),
    }


def rmtree(path):
    if os.path.lexists(path):
        shutil.rmtree(path)


TRASH = os.path.join(WORK, "trash")
DELETE_OUTPUTS = False  # --delete-outputs


def discard(path):
    """Clears the way for a cold build's output: moves the old tree into .build/bench/trash (deleted
    when the bench ends), so that no timed run follows thousands of deletions. On a journal-less
    ext4 (this machine's root) a new inode is never one freed in the last 60-360 s, and finding
    one scans past each of them (fs/ext4/ialloc.c, find_inode_bit and recently_deleted): writing
    10,000 pages right after deleting the last build's took 5-9 s of system time instead of 1.4 s,
    for every generator and for the floor's `cp -r`. --delete-outputs deletes instead."""
    if not os.path.lexists(path):
        return
    if DELETE_OUTPUTS:
        shutil.rmtree(path)
        return
    os.makedirs(TRASH, exist_ok=True)
    os.rename(path, os.path.join(TRASH, f"{len(os.listdir(TRASH))}-{os.path.basename(path)}"))


def timed(cmd, label, stdout_path=None):
    """Runs cmd under GNU time; returns (wall seconds, GNU %e, peak RSS KiB, exit status, output).
    Every timed command starts after `sync`, with the files earlier runs wrote on the disk: a
    run is not charged for the writeback of the one before (it made the first run of a site,
    and a rebuild right after a cold build, up to twice as slow for every generator)."""
    os.sync()
    tfile = os.path.join(WORK, "time.txt")
    out = open(stdout_path, "wb") if stdout_path else subprocess.PIPE
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", tfile] + cmd, stdout=out, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    if stdout_path:
        out.close()
    gnu_e, rss = 0.0, 0
    try:
        fields = open(tfile).read().split()
        # GNU time writes "Command exited with non-zero status N" first when the command fails.
        gnu_e, rss = float(fields[-2]), int(fields[-1])
    except (OSError, ValueError, IndexError):
        pass
    text = ((proc.stdout or b"") if not stdout_path else b"").decode(errors="replace") + proc.stderr.decode(errors="replace")
    return wall, gnu_e, rss, proc.returncode, text


def generate(n, variant, seed):
    """Generates (or reuses, when its stamp matches) the site of n pages; returns its folder."""
    folder = os.path.join(WORK, f"{variant}-{n}")
    digest = hashlib.sha256(open(GENERATOR, "rb").read()).hexdigest()[:16]
    stamp = f"{n} {variant} {seed} {digest}\n"
    stamp_path = os.path.join(folder, "stamp")
    if os.path.exists(stamp_path) and open(stamp_path).read() == stamp:
        print(f"bench: reusing {folder} (same generator, seed and size)", flush=True)
        return folder
    cmd = [sys.executable, GENERATOR, "--pages", str(n), "--out", folder, "--seed", str(seed)]
    if variant == "report":
        cmd.append("--report")
    elif variant == "scatter":
        cmd = [sys.executable, GENERATOR, "--scatter", "--points", str(n), "--out", folder, "--seed", str(seed)]
    subprocess.run(cmd, check=True)
    with open(stamp_path, "w") as f:
        f.write(stamp)
    return folder


def count_pages(out):
    articles = len(glob.glob(os.path.join(out, "posts", "*", "index.html")))
    html = sum(1 for _, _, files in os.walk(out) for name in files if name.endswith(".html"))
    files = sum(len(files) for _, _, files in os.walk(out))
    return articles, html, files


class Bench:
    def __init__(self, args):
        self.args = args
        self.raw = []          # dicts: variant n run tool command wall gnu_e rss status articles html files
        self.summary = []      # lines of the summary (Markdown)
        self.failures = []     # messages
        self.notes = []

    def record(self, **row):
        self.raw.append(row)

    def cold_command(self, tool, site, out):
        """The command of a cold build of `site` by `tool` into `out`, after clearing the tool's
        cache and moving the last output aside."""
        if tool == "reckon":
            cmd = [RECKON, "build", os.path.join(site, "reckon"), "--output", out]
            if self.args.jobs:
                cmd += ["--jobs", str(self.args.jobs)]
            rmtree(os.path.join(site, "reckon", ".reckon-cache"))
        else:
            cmd = ["hugo", "--source", os.path.join(site, "hugo"), "--destination", os.path.abspath(out), "--quiet"]
            rmtree(os.path.join(site, "hugo", "resources"))
        discard(out)
        return cmd

    def warm_up(self, tools, site, outs):
        """`--warmup` untimed cold builds per tool, not recorded: the first build of a site ran
        slow for every generator alike (files not yet in the page cache, the disk still busy)."""
        for run in range(1, self.args.warmup + 1):
            for tool in tools:
                wall, _, _, status, _ = timed(self.cold_command(tool, site, outs[tool]), tool)
                print(f"  warm-up {run} {tool:6} {wall:8.3f} s  (not counted)" + ("" if status == 0 else f"  exit {status}"),
                      flush=True)

    def build(self, tool, site, out, variant, n, run):
        cmd = self.cold_command(tool, site, out)
        wall, gnu_e, rss, status, text = timed(cmd, tool)
        articles, html, files = count_pages(out) if status == 0 else (0, 0, 0)
        row = dict(variant=variant, n=n, run=run, tool=tool, command=shlex.join(cmd), wall=wall, gnu_e=gnu_e,
                   rss=rss, status=status, articles=articles, html=html, files=files, output=text)
        if variant == "scatter":
            row["dropped"], row["placed"] = scatter_labels(text, out) if status == 0 else (None, None)
        self.record(**row)
        tail = f"{articles} articles, {html} HTML pages, {files} files" if status == 0 else f"FAILED (exit {status})"
        if variant == "scatter" and status == 0:
            tail += f"; labels {row['placed']} placed, {row['dropped']} dropped"
        print(f"  run {run} {tool:6} {wall:8.3f} s  {rss / 1024:8.1f} MiB  {tail}", flush=True)
        if status != 0:
            lines = text.strip().splitlines()
            shown = "\n".join(lines[:60]) + (f"\n… ({len(lines) - 60} more lines)" if len(lines) > 60 else "")
            print(shown, flush=True)
            self.failures.append(f"{tool} failed on {variant}-{n} (run {run}, exit {status}): `{shlex.join(cmd)}`\n\n```\n{shown}\n```")
        return row

    def floor(self, site, reckon_out, n, run):
        md = os.path.join(site, "all.md")
        html = os.path.join(site, "floor.html")
        copy = os.path.join(site, "floor-copy")
        discard(copy)
        if os.path.exists(html):
            os.remove(html)
        cmark_cmd = ["cmark", md]
        c_wall, c_e, c_rss, c_status, c_text = timed(cmark_cmd, "cmark", stdout_path=html)
        cp_cmd = ["cp", "-r", reckon_out, copy]
        p_wall, p_e, p_rss, p_status, p_text = timed(cp_cmd, "cp")
        for tool, cmd, wall, e, rss, status, text in (("cmark", cmark_cmd, c_wall, c_e, c_rss, c_status, c_text),
                                                      ("cp", cp_cmd, p_wall, p_e, p_rss, p_status, p_text)):
            command = shlex.join(cmd) + (f" > {html}" if tool == "cmark" else "")
            self.record(variant="plain", n=n, run=run, tool=tool, command=command, wall=wall, gnu_e=e, rss=rss,
                        status=status, articles=n if tool == "cmark" else 0, html=0, files=0, output=text)
            if status != 0:
                self.failures.append(f"floor step `{command}` failed (exit {status}): {text.strip()[:500]}")
        print(f"  run {run} floor  {c_wall + p_wall:8.3f} s  (cmark {c_wall:.3f} s, cp -r {p_wall:.3f} s)", flush=True)

    def rows(self, variant, n, tool):
        return [r for r in self.raw if r["variant"] == variant and r["n"] == n and r["tool"] == tool]

    def median(self, variant, n, tool, key):
        ok = [r[key] for r in self.rows(variant, n, tool) if r["status"] == 0]
        return statistics.median(ok) if ok else None

    def plain(self, n):
        site = generate(n, "plain", self.args.seed)
        outs = {"reckon": os.path.join(site, "out-reckon"), "hugo": os.path.join(site, "out-hugo")}
        print(f"bench: plain site, {n} pages: {self.args.runs} cold runs each, alternating Reckon and Hugo", flush=True)
        self.warm_up(("reckon", "hugo"), site, outs)
        dead = set()
        for run in range(1, self.args.runs + 1):
            for tool in ("reckon", "hugo"):
                if tool in dead:
                    continue
                if self.build(tool, site, outs[tool], "plain", n, run)["status"] != 0:
                    dead.add(tool)
            if "reckon" not in dead:
                self.floor(site, outs["reckon"], n, run)
        self.summarize_plain(n, dead)
        if "reckon" not in dead:
            self.rebuilds(site, outs["reckon"], n)

    def rebuilds(self, site, out, n):
        """Issue 8's incremental targets on the plain site, after its last cold build: a rebuild
        with nothing changed (≤ 5% of the cold build, nothing written) and one with one article
        edited (≤ 10%). Each of the `--rebuild-runs` edits appends a paragraph to a different
        article, whose file is put back afterwards (so the generated site stays as its stamp says).
        A rebuild takes milliseconds, so more of them are timed than cold builds: the median of
        three swung by a quarter with the machine's noise."""
        cmd = [RECKON, "build", os.path.join(site, "reckon"), "--output", out]
        if self.args.jobs:
            cmd += ["--jobs", str(self.args.jobs)]
        time.sleep(1.2)  # inputs older than a second are not read again (InputStamps)
        print(f"bench: plain site, {n} pages: Reckon rebuilds after the last cold build", flush=True)
        for run in range(1, self.args.rebuild_runs + 1):
            wall, e, rss, status, text = timed(cmd, "reckon")
            self.record(variant="unchanged", n=n, run=run, tool="reckon", command=shlex.join(cmd), wall=wall, gnu_e=e,
                        rss=rss, status=status, articles=0, html=0, files=0, output=text)
            written = re.search(r"files\s+(\d+) written", text)
            note = "up to date" if "up to date" in text else (f"{written.group(1)} files written" if written else "?")
            print(f"  run {run} nothing changed {wall:8.3f} s  {note}", flush=True)
            if status != 0 or "up to date" not in text:
                self.failures.append(f"plain-{n}: a rebuild with nothing changed did not report the site up to date "
                                     f"(exit {status}): {text.strip()[:300]}")
        for run in range(1, self.args.rebuild_runs + 1):
            article = os.path.join(site, "reckon", "content", "posts", f"page-{run * 37 % n + 1}.md")
            original = open(article, "rb").read()
            try:
                with open(article, "ab") as f:
                    f.write(f"\nOne more paragraph, added by the benchmark (edit {run}).\n".encode())
                wall, e, rss, status, text = timed(cmd, "reckon")
            finally:
                with open(article, "wb") as f:
                    f.write(original)
            self.record(variant="one edit", n=n, run=run, tool="reckon", command=f"(append a paragraph to "
                        f"{os.path.relpath(article, ROOT)}) {shlex.join(cmd)}", wall=wall, gnu_e=e, rss=rss,
                        status=status, articles=0, html=0, files=0, output=text)
            rendered = re.search(r"; (\d+) rendered", text)
            print(f"  run {run} one article edited {wall:8.3f} s  "
                  f"{rendered.group(1) + ' pages rendered' if rendered else text.strip()[:200]}", flush=True)
            if status != 0:
                self.failures.append(f"plain-{n}: the rebuild after editing one article failed (exit {status}): {text.strip()[:300]}")
        cold = self.median("plain", n, "reckon", "wall")
        for variant, target in (("unchanged", 0.05), ("one edit", 0.10)):
            wall = self.median(variant, n, "reckon", "wall")
            if wall is None or cold is None:
                continue
            share = wall / cold
            what = "nothing changed" if variant == "unchanged" else "one article edited"
            self.summary.append(f"| plain {n}, {what} | Reckon | {wall:.3f} | | "
                                f"{self.median(variant, n, 'reckon', 'rss') / 1024:,.1f} | | "
                                f"{100 * share:.1f}% of the cold build (target ≤ {100 * target:.0f}%: "
                                f"{'met' if share <= target else 'not met'}) |")

    def cold_reckon(self, variant, n, what):
        """Generates the `variant` site of `n` pages, builds it cold `--runs` times with Reckon
        (stopping at the first failure) and returns (median wall s, median RSS KiB, good rows)."""
        site = generate(n, variant, self.args.seed)
        out = os.path.join(site, "out-reckon")
        print(f"bench: {what}: {self.args.runs} cold Reckon runs", flush=True)
        self.warm_up(("reckon",), site, {"reckon": out})
        for run in range(1, self.args.runs + 1):
            if self.build("reckon", site, out, variant, n, run)["status"] != 0:
                break
        ok = [r for r in self.rows(variant, n, "reckon") if r["status"] == 0]
        return self.median(variant, n, "reckon", "wall"), self.median(variant, n, "reckon", "rss"), ok

    def report(self, n):
        wall, rss, last = self.cold_reckon("report", n, f"report site, {n} pages (figure, check and chart on each)")
        if wall is None:
            self.summary.append(f"| report {n} | Reckon | FAILED | | | | |")
            return
        target = "meets" if n / wall >= 1000 else "misses"
        self.summary.append(f"| report {n} | Reckon | {wall:.3f} | {n / wall:,.0f} | {rss / 1024:,.1f} | "
                            f"{last[-1]['articles']} / {last[-1]['html']} | {target} the 1,000 pages/s target |")
        self.phase_note("report", n)

    def scatter(self):
        n = POINTS
        wall, rss, ok = self.cold_reckon("scatter", n, f"scatter site, 1 article charting {n:,} labelled points")
        if wall is None:
            self.summary.append(f"| scatter {n} points | Reckon | FAILED | | | | |")
            return
        last = ok[-1]
        if last["dropped"] is None or last["placed"] is None:
            labels = f"labels: dropped {last['dropped']}, placed {last['placed']} (not found in the output)"
            self.failures.append(f"scatter: could not read the labels dropped (build summary) or placed (chart SVG): {labels}")
        else:
            labels = f"{last['placed']:,} labels placed, {last['dropped']:,} dropped (of {n:,} points)"
            if last["placed"] + last["dropped"] != n:
                self.failures.append(f"scatter: {last['placed']} labels placed (in the SVG) + {last['dropped']} dropped "
                                     f"(build summary) ≠ {n} points")
        if len({(r["placed"], r["dropped"]) for r in ok}) > 1:
            self.failures.append("scatter: the labels placed or dropped differ between runs: "
                                 + ", ".join(f"run {r['run']}: {r['placed']} / {r['dropped']}" for r in ok))
        self.summary.append(f"| scatter {n} points | Reckon | {wall:.3f} | | {rss / 1024:,.1f} | "
                            f"{last['articles']} / {last['html']} | {labels} |")
        self.phase_note("scatter", n)

    def phase_note(self, variant, n):
        ok = [r for r in self.rows(variant, n, "reckon") if r["status"] == 0]
        if not ok:
            return
        med = sorted(ok, key=lambda r: r["wall"])[(len(ok) - 1) // 2]
        phases = [l.strip() for l in med["output"].splitlines() if l.strip().startswith("time")]
        if phases:
            self.notes.append(f"Reckon's own timing, {variant} {n} (median run): `{phases[0]}`")

    def summarize_plain(self, n, dead):
        m = {t: (self.median("plain", n, t, "wall"), self.median("plain", n, t, "rss")) for t in ("reckon", "hugo")}
        pages = {}
        for tool in ("reckon", "hugo"):
            ok = [r for r in self.rows("plain", n, tool) if r["status"] == 0]
            pages[tool] = (ok[-1]["articles"], ok[-1]["html"]) if ok else None
            wall, rss = m[tool]
            name = "Reckon" if tool == "reckon" else "Hugo"
            if wall is None:
                self.summary.append(f"| plain {n} | {name} | FAILED | | | | |")
                continue
            if tool == "reckon" and m["hugo"][0] is not None:
                note = f"{m['hugo'][0] / wall:.2f}× Hugo's speed; memory {rss / m['hugo'][1]:.3f} of Hugo's"
            else:
                note = ""
            self.summary.append(f"| plain {n} | {name} | {wall:.3f} | {n / wall:,.0f} | {rss / 1024:,.1f} | "
                                f"{pages[tool][0]} / {pages[tool][1]} | {note} |")
        c = self.median("plain", n, "cmark", "wall")
        p = self.median("plain", n, "cp", "wall")
        if c is not None and p is not None:
            floor = c + p
            ratio = f"Reckon = {m['reckon'][0] / floor:.2f}× the floor" if m["reckon"][0] else ""
            self.summary.append(f"| plain {n} | floor (cmark + cp -r) | {floor:.3f} | {n / floor:,.0f} | | "
                                f"cmark {c:.3f} s + cp {p:.3f} s | {ratio} |")
        self.phase_note("plain", n)
        if pages["reckon"] and pages["hugo"] and pages["reckon"][0] != pages["hugo"][0]:
            self.failures.append(f"article page counts differ on plain-{n}: Reckon {pages['reckon'][0]}, Hugo {pages['hugo'][0]}")
        if pages["reckon"] and pages["reckon"][0] != n:
            self.notes.append(f"plain {n}: Reckon wrote {pages['reckon'][0]} article pages, not {n}")
        # The targets on the plain sites (informative: they do not change the exit status).
        if m["reckon"][0] and m["hugo"][0] and c is not None and p is not None:
            speed = m["hugo"][0] / m["reckon"][0]
            mem = m["reckon"][1] / m["hugo"][1]
            floor_ratio = m["reckon"][0] / (c + p)
            self.notes.append(
                f"plain {n}: speed {speed:.2f}× Hugo (target ≥ 5: {'met' if speed >= 5 else 'not met'}), "
                f"wall {floor_ratio:.2f}× the floor (target ≤ 1.5: {'met' if floor_ratio <= 1.5 else 'not met'}), "
                f"memory {mem:.3f} of Hugo's (target ≤ 0.1: {'met' if mem <= 0.1 else 'not met'})")

    def text(self, info, command, started):
        head = ["| site | generator | median wall (s) | pages/s | median peak RSS (MiB) | article / HTML pages | ratio |",
                "|---|---|---:|---:|---:|---|---|"]
        lines = [f"Machine: {info['nproc']} cores ({info['cpu']}), {info['memory']} RAM, Linux {info['kernel']}, "
                 f"disk `{info['disk']}`, load average {info['load']} at the start and "
                 f"{open('/proc/loadavg').read().split()[0]} at the end (other work on the machine adds noise). Reckon {info['reckon']} ({info['swift']}); {info['hugo']}; {info['cmark']}.",
                 "", f"Command: `{command}` (started {started}; {self.args.runs} cold runs per generator and site after {self.args.warmup} untimed; "
                 + ("each output deleted right before the next cold run)." if self.args.delete_outputs
                    else "each output moved aside before the next cold run, deleted at the end)."),
                 "", *head, *self.summary, ""]
        lines += [f"- {n}" for n in self.notes]
        if self.failures:
            lines += ["", "**Failures:**", ""] + [f"- {f}" for f in self.failures]
        return "\n".join(lines) + "\n"

    def raw_table(self):
        lines = ["| site | run | tool | wall (s) | GNU %e (s) | peak RSS (KiB) | exit | article / HTML pages, files | command |",
                 "|---|---:|---|---:|---:|---:|---:|---|---|"]
        for r in self.raw:
            pages = f"{r['articles']} / {r['html']}, {r['files']}" if r["tool"] in ("reckon", "hugo") else (
                f"{r['articles']} pages of Markdown" if r["tool"] == "cmark" else "")
            if r["variant"] == "scatter" and r["status"] == 0:
                pages += f"; labels {r['placed']} placed, {r['dropped']} dropped"
            lines.append(f"| {r['variant']} {r['n']} | {r['run']} | {r['tool']} | {r['wall']:.3f} | {r['gnu_e']:.2f} | "
                         f"{r['rss']} | {r['status']} | {pages} | `{r['command']}` |")
        return "\n".join(lines) + "\n"


def scatter_labels(output, out):
    """The scatter case's labels: (dropped, from the build summary's `figures … charts (N point
    labels dropped …)`; placed, the <text> elements in the standalone chart SVG's
    `<g class="label">`). Either is None when not found."""
    m = re.search(r"charts \((\d+) point labels? dropped", output)
    dropped = int(m.group(1)) if m else None
    svgs = glob.glob(os.path.join(out, "posts", "scatter", "*.svg"))
    placed = None
    if len(svgs) == 1:
        try:
            root = ET.parse(svgs[0]).getroot()
            placed = sum(1 for g in root.iter(SVG + "g") if g.get("class") == "label" for _ in g.iter(SVG + "text"))
        except ET.ParseError:
            pass
    return dropped, placed


DOC_HEAD = """# Benchmarks

Appended by `scripts/bench` (the yardstick of issue 8); the method is described in the script's
header. Each run is a cold build: the output folder (and Reckon's
`.reckon-cache/`, Hugo's `resources/`) is removed first; the sources stay in the page cache.
Wall time is measured around the process (GNU time's own `%e` is kept in the raw runs), peak
RSS is GNU `/usr/bin/time -f '%e %M'`. pages/s = articles ÷ median wall time. Speed ratio =
Hugo's time ÷ Reckon's; memory ratio = Reckon's RSS ÷ Hugo's. The floor = one `cmark` process
over every page's Markdown concatenated, writing to a file on the same disk, plus `cp -r` of
Reckon's output tree on that disk. The scatter case is one article charting 1,000 labelled points
(`content/data/points.csv`); labels placed are counted in its SVG, dropped in Reckon's summary.

"""


def main():
    args = parse_args()
    started = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    command = "scripts/bench " + " ".join(shlex.quote(a) for a in sys.argv[1:])
    os.makedirs(WORK, exist_ok=True)
    global DELETE_OUTPUTS
    DELETE_OUTPUTS = args.delete_outputs
    rmtree(TRASH)  # a stopped run's leftovers
    for tool in ("/usr/bin/time", BUILT) + (() if args.report or args.scatter else ("hugo", "cmark")):
        if not (os.path.exists(tool) or shutil.which(tool)):
            print(f"bench: {tool} is missing (scripts/bench installs it; run without --no-build to build Reckon)", file=sys.stderr)
            return 2
    os.makedirs(os.path.dirname(RECKON), exist_ok=True)
    shutil.copy2(BUILT, RECKON)
    info = machine()
    bench = Bench(args)
    if not args.scatter:
        for n in args.sizes:
            if not args.report:
                bench.plain(n)
            if not args.no_report:
                bench.report(n)
    if not args.report and not args.no_report:
        bench.scatter()
    rmtree(TRASH)
    summary = bench.text(info, command.strip(), started)
    print("\n" + summary)
    if not args.no_record:
        new = not os.path.exists(DOC)
        with open(DOC, "a", encoding="utf-8") as f:
            if new:
                f.write(DOC_HEAD)
            f.write(f"\n## {started}: `{command.strip()}`\n\n{summary}\n<details><summary>Raw runs</summary>\n\n"
                    f"{bench.raw_table()}\n</details>\n")
        print(f"bench: appended to {DOC}")
    return 1 if bench.failures else 0


if __name__ == "__main__":
    sys.exit(main())
