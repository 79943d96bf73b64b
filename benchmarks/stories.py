"""Story grouping: corroborator's incremental assignment beside a TF-IDF average-link baseline, and its cost at scale.

Quality — ECB+ topics 1–35 (../shared/benchmarks/ecbplus), where each sub-topic (the "ecb" and the
"ecbplus" documents of a topic, two different events of one kind) is one gold story. B³ precision,
recall and F1 at sub-topic level. Thresholds are chosen on the development topics (1–17) and scores
are reported on the test topics (18–35), for both methods; the best threshold on the test topics
themselves is shown beside it, for reference. All documents of a half are clustered together.

Scale — synthetic documents built from shuffled real ECB+ sentences (synthetic events of a few
documents each, synthetic entity keys, publication times at 10,000 documents a day, so a 7-day
window holds about 70,000 documents): the time to add one article and peak memory with 10k, 100k
and 1M documents already assigned; and the time and peak memory of a recluster's grouping of 10k and
50k such documents, beside scikit-learn's average link over their TF-IDF vectors.

    python benchmarks/stories.py            # everything
    python benchmarks/stories.py --quick    # fewer topics, 2k/10k scale points
    python benchmarks/stories.py --quality  # only the ECB+ table
    python benchmarks/stories.py --quality --per-topic  # and, topic by topic, what the single pass splits or joins
    python benchmarks/stories.py --scale    # only the scale tables (adding one article; a recluster)
"""

from __future__ import annotations

import argparse
import json
import math
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from ecbplus import read_corpus  # noqa: E402
DEV_TOPICS = range(1, 18)
TEST_TOPICS = range(18, 36)
JOIN_THRESHOLDS = [round(0.10 + 0.025 * i, 3) for i in range(17)]  # a single pass's join threshold, 0.10 … 0.50
LINK_THRESHOLDS = [round(0.05 + 0.025 * i, 3) for i in range(11)]  # a recluster's link threshold, 0.05 … 0.30
BASELINE_THRESHOLDS = [round(0.50 + 0.025 * i, 3) for i in range(19)]  # cosine distance 0.50 … 0.95


# ---------------------------------------------------------------- ECB+


@dataclass
class Article:
    name: str
    topic: int
    story: str  # gold: "<topic>ecb" or "<topic>ecbplus"
    title: str
    body: str


def read_ecbplus(topics) -> list[Article]:
    """ECB+ documents of the given topics, the first sentence standing for the headline."""
    articles = []
    for article in read_corpus(topics):
        if article.sentences:
            title = article.text[slice(*article.sentences[0])]
            articles.append(Article(article.name.removesuffix(".xml"), article.topic, article.story, title, article.text))
    return articles


def b_cubed(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B³ precision, recall and F1 of a clustering against gold labels."""
    clusters, classes = defaultdict(set), defaultdict(set)
    for item, label in predicted.items():
        clusters[label].add(item)
    for item, label in gold.items():
        classes[label].add(item)
    precision = recall = 0.0
    for item in gold:
        together = clusters[predicted[item]] & classes[gold[item]]
        precision += len(together) / len(clusters[predicted[item]])
        recall += len(together) / len(classes[gold[item]])
    precision, recall = precision / len(gold), recall / len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


# ---------------------------------------------------------------- baseline


def baseline(articles: list[Article], thresholds: list[float]) -> dict[float, dict[str, str]]:
    """TF-IDF (scikit-learn) + agglomerative average-link clustering, one clustering per distance threshold."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform([a.body for a in articles])
    dense = matrix.toarray()
    result = {}
    for threshold in thresholds:
        model = AgglomerativeClustering(
            n_clusters=None, metric="cosine", linkage="average", distance_threshold=threshold
        )
        labels = model.fit_predict(dense)
        result[threshold] = {a.name: str(label) for a, label in zip(articles, labels)}
    return result


# ---------------------------------------------------------------- ours


def _database(articles: list[Article], path: Path, annotate: bool):
    """A real store holding the articles (and their annotations, when `annotate`), reused when it exists."""
    from corroborator.ingest.fingerprint import document_id
    from corroborator.model import Document
    from corroborator.store import annotations as annotated
    from corroborator.store import documents as stored
    from corroborator.store.db import Database

    if annotate and path.exists() and _stale(path):
        path.unlink()  # annotated by an earlier method of the annotate stage: annotate again
    if not path.exists():
        # Built under another name and renamed when whole, so an interrupted run leaves no half-annotated store.
        partial = path.with_name(path.name + ".partial")
        for leftover in path.parent.glob(partial.name + "*"):
            leftover.unlink()
        database = Database(partial)
        documents = [
            Document(id=document_id(a.body), path=a.name, body=a.body, title=a.title, method="ecbplus") for a in articles
        ]
        stored.write_batch(database, documents)
        if annotate:
            from corroborator.annotate import annotate_documents

            started = time.perf_counter()
            for start in range(0, len(documents), 100):
                annotated.write_batch(database, annotate_documents(documents[start:start + 100]))
            print(f"  annotated {len(documents)} ECB+ documents in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        database.close()
        partial.rename(path)
    return Database(path)


def _stale(path: Path) -> bool:
    """Whether a cached store holds annotations of another annotate method than the installed one."""
    import sqlite3

    from corroborator.annotate import METHOD

    with sqlite3.connect(path) as connection:
        methods = {row[0] for row in connection.execute("SELECT DISTINCT method FROM annotations")}
    return methods != {METHOD}


def ours(
    database, thresholds: list[float], require_annotation: bool, single_pass: bool = False, embed=None
) -> dict[float, dict[str, str]]:
    """corroborator's grouping of the whole store, one grouping per threshold: a recluster's average
    link at each link threshold, or, with `single_pass`, the one incremental pass that `build` makes at
    each join threshold; with `embed`, by meaning too."""
    from corroborator.stories.assign import recluster
    from corroborator.stories.decide import Settings

    result = {}
    for threshold in thresholds:
        settings = Settings(join_threshold=threshold) if single_pass else Settings(link_threshold=threshold)
        recluster(database, settings=settings, require_annotation=require_annotation, single_pass=single_pass,
                  embed=embed)
        rows = database.connection.execute(
            "SELECT p.path, s.story_id FROM story_documents s JOIN document_paths p ON p.document_id = s.document_id"
        ).fetchall()
        result[threshold] = {path: story for path, story in rows}
    return result


def related_links(database, gold: dict[str, str], threshold: float, require_annotation: bool) -> dict[str, int]:
    """What a recluster at `threshold` links as related: the gold stories it splits, how many of them its related
    links join whole again (a follow-up kept apart but linked), and its links between two gold stories (similar
    events kept apart and linked, as the design asks)."""
    from corroborator.stories.assign import recluster
    from corroborator.stories.decide import Settings

    recluster(database, settings=Settings(link_threshold=threshold), require_annotation=require_annotation)
    connection = database.connection
    story_of = dict(connection.execute(
        "SELECT p.path, s.story_id FROM story_documents s JOIN document_paths p ON p.document_id = s.document_id"))
    links = connection.execute("SELECT story_id, related_id FROM story_relations").fetchall()
    parent: dict[str, str] = {}

    def root(story: str) -> str:
        while parent.get(story, story) != story:
            story = parent[story]
        return story

    for first, second in links:
        parent[root(first)] = root(second)
    pieces: dict[str, set[str]] = defaultdict(set)
    for path, story in story_of.items():
        pieces[gold[path]].add(story)
    split = [g for g, stories in pieces.items() if len(stories) > 1]
    majority = {story: Counter(gold[p] for p, s in story_of.items() if s == story).most_common(1)[0][0]
                for story in set(story_of.values())}
    return {
        "gold stories": len(pieces),
        "split": len(split),
        "split, joined whole by related links": sum(len({root(s) for s in pieces[g]}) == 1 for g in split),
        "related links": len(links),
        "links within one gold story": sum(majority[a] == majority[b] for a, b in links),
        "links between two gold stories": sum(majority[a] != majority[b] for a, b in links),
    }


def _annotate_available() -> bool:
    try:
        from corroborator.annotate import load_pipeline

        load_pipeline()
        return True
    except Exception:  # the annotate stage or its spaCy pipeline is missing
        return False


def topic_errors(predicted: dict[str, str], gold: dict[str, str]) -> list[str]:
    """One table row per topic: its B³ scores and the stories a grouping made of its documents, each written as
    the gold sub-topics it holds ("e5+p10": five ecb and ten ecbplus documents in one story), largest first."""
    topics: dict[str, list[str]] = defaultdict(list)
    for name, story in gold.items():
        topics[story.removesuffix("ecbplus").removesuffix("ecb")].append(name)
    lines = []
    for topic in sorted(topics, key=int):
        names = topics[topic]
        precision, recall, f1 = b_cubed({n: predicted[n] for n in names}, {n: gold[n] for n in names})
        held: dict[str, Counter] = defaultdict(Counter)
        for name in names:
            held[predicted[name]]["p" if gold[name].endswith("ecbplus") else "e"] += 1
        stories = sorted(held.values(), key=lambda counts: (-sum(counts.values()), sorted(counts.items())))
        shown = " ".join("+".join(f"{sub}{count}" for sub, count in sorted(counts.items())) for counts in stories)
        lines.append(f"| {topic} | {precision:.3f} | {recall:.3f} | {f1:.3f} | {shown} |")
    return lines


def quality(quick: bool, cache: Path, per_topic: bool = False) -> None:
    dev_topics, test_topics = (range(1, 5), range(18, 22)) if quick else (DEV_TOPICS, TEST_TOPICS)
    annotate = _annotate_available()
    from corroborator import embeddings
    from corroborator.stories.decide import Settings

    embed = embeddings.load("auto")  # the embeddings extra, when installed
    features = "annotate stage (spaCy entities, resolved times)" if annotate else "TEXT ONLY (annotate stage unavailable)"
    rows = []
    scores: dict[str, dict[str, dict[float, tuple]]] = defaultdict(dict)
    for half, topics in (("dev", dev_topics), ("test", test_topics)):
        articles = read_ecbplus(topics)
        gold = {a.name: a.story for a in articles}
        tag = f"{topics.start}-{topics.stop - 1}"
        scores["baseline"][half] = {t: b_cubed(g, gold) for t, g in baseline(articles, BASELINE_THRESHOLDS).items()}
        database = _database(articles, cache / f"ecbplus-{tag}-{'annotated' if annotate else 'plain'}.db", annotate)
        single = ours(database, JOIN_THRESHOLDS, annotate, single_pass=True)
        scores["corroborator, one document at a time (build, later documents)"][half] = {
            t: b_cubed(g, gold) for t, g in single.items()
        }
        if half == "test":
            single_test, gold_test = single, gold
        scores["corroborator (recluster; a first build)"][half] = {
            t: b_cubed(g, gold) for t, g in ours(database, LINK_THRESHOLDS, annotate).items()
        }
        if embed is not None:
            scores["corroborator (recluster), embeddings"][half] = {
                t: b_cubed(g, gold) for t, g in ours(database, LINK_THRESHOLDS, annotate, embed=embed).items()
            }
        if annotate:
            plain = _database(articles, cache / f"ecbplus-{tag}-plain.db", False)
            scores["corroborator (recluster), text only"][half] = {
                t: b_cubed(g, gold) for t, g in ours(plain, LINK_THRESHOLDS, False).items()
            }
            plain.close()
        if half == "test":
            chosen_link = max(scores["corroborator (recluster; a first build)"]["dev"].items(),
                              key=lambda item: (item[1][2], -item[0]))[0]
            linked = related_links(database, gold, chosen_link, annotate)
        database.close()
        print(f"  {half}: topics {tag}, {len(articles)} documents, {len(set(gold.values()))} gold stories", file=sys.stderr)
    defaults = Settings()
    for method, halves in scores.items():
        chosen = max(halves["dev"], key=lambda t: (halves["dev"][t][2], -t))
        precision, recall, f1 = halves["test"][chosen]
        best = max(halves["test"], key=lambda t: halves["test"][t][2])
        default = None if method == "baseline" else (
            defaults.join_threshold if "one document at a time" in method else defaults.link_threshold
        )
        at_default = halves["test"].get(default, (None, None, None))[2]
        rows.append((method, chosen, precision, recall, f1, best, halves["test"][best][2], default, at_default))
    print(f"\nECB+ story grouping, B³ at sub-topic level — thresholds chosen on topics {dev_topics.start}–{dev_topics.stop - 1}, "
          f"scored on topics {test_topics.start}–{test_topics.stop - 1}; features: {features}\n")
    print("| method | threshold (dev) | B³ precision | B³ recall | B³ F1 | best threshold on test | its F1 "
          "| product default | its F1 |")
    print("|---|---|---|---|---|---|---|---|---|")
    for method, chosen, precision, recall, f1, best, best_f1, default, at_default in rows:
        shown = "— | —"
        if default is not None:
            shown = f"{default} | {'—' if at_default is None else f'{at_default:.3f}'}"
        print(f"| {method} | {chosen} | {precision:.3f} | {recall:.3f} | {f1:.3f} | {best} | {best_f1:.3f} | {shown} |")
    if per_topic:
        single_pass = next(row for row in rows if "one document at a time" in row[0])
        print(f"\nOne document at a time at its dev threshold, {single_pass[1]}, topic by topic (B³ within the topic; "
              "each story the pass made, by the gold sub-topics it holds, e = ecb, p = ecbplus, + = held together):\n")
        print("| topic | B³ precision | B³ recall | B³ F1 | stories |")
        print("|---|---|---|---|---|")
        for line in topic_errors(single_test[single_pass[1]], gold_test):
            print(line)
    print(f"\nRelated links of the recluster (a first build) at its dev threshold, {chosen_link}, on topics "
          f"{test_topics.start}–{test_topics.stop - 1} — a follow-up is kept apart and linked, as are similar events:\n")
    print("| " + " | ".join(linked) + " |")
    print("|" + "---|" * len(linked))
    print("| " + " | ".join(str(v) for v in linked.values()) + " |")
    print("\n(baseline: scikit-learn TfidfVectorizer + AgglomerativeClustering, average link, cosine distance threshold; "
          "corroborator: build places documents that come to a store holding stories one at a time, in (published, "
          "id) order, at the join threshold of stories.decide.Settings, each story looked at again as it grows and cut "
          "where a recluster would cut it, and two stories a document could join both merged where a recluster would "
          "see one; recluster, and the first build of an empty "
          "store, cluster every document against every other by average link at the link threshold, split groups of "
          "two tight halves, and split groups whose two sets of reports are about two people doing the same thing "
          "(stories.cluster))")


# ---------------------------------------------------------------- scale

PER_DAY = 10_000  # synthetic documents per day of publication time
MEASURED = 1_000  # articles added (and timed) after the store is built


def _sentence_pool(limit_topics=range(1, 36)) -> list[str]:
    pool = []
    for article in read_ecbplus(limit_topics):
        pool.extend(line for line in article.body.split("\n\n")[1:] if len(line.split()) >= 6)
    return pool


class _Synthetic:
    """Synthetic events: each is a bag of real sentences, a few entity keys and a day; its documents
    draw from that bag, so documents of one event look alike and documents of others do not."""

    def __init__(self, pool: list[str], seed: int = 7):
        from corroborator.stories.features import words

        self.pool, self.rng = pool, random.Random(seed)
        # Words of each sentence, counted once: documents are sums of these, not re-tokenised.
        self.words = [Counter(words(sentence)) for sentence in pool]

    def documents(self, count: int, start: int = 0):
        from corroborator.stories.features import HEADLINE_WEIGHT, DocumentFeatures

        rng = self.rng
        made = 0
        while made < count:
            size = min(count - made, 1 + int(rng.expovariate(1 / 2.5)))
            sentences = rng.sample(range(len(self.pool)), 16)
            keys = {f"entity{int(rng.paretovariate(1.1) * 10) % 200_000}": rng.choice(["person", "place", "org"])
                    for _ in range(5)}
            for _ in range(size):
                number = start + made
                seconds = 1_700_000_000 + number * 86400 / PER_DAY
                chosen = rng.sample(sentences, 8)
                counts = Counter()
                for sentence in chosen:
                    counts.update(self.words[sentence])
                for word, times in self.words[chosen[0]].items():  # the first sentence is the headline
                    counts[word] += (HEADLINE_WEIGHT - 1) * times
                yield DocumentFeatures(
                    document=f"doc{number:08d}",
                    headline=self.pool[chosen[0]][:90],
                    terms={term: round(1.0 + math.log(c), 4) for term, c in counts.items()},
                    entities={key: 1.0 for key in keys},
                    kinds=dict(keys),
                    published=seconds,
                    published_iso=time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(seconds)),
                    source=f"outlet{rng.randrange(500)}",
                )
                made += 1


def _open_store(path: Path):
    from corroborator.store.db import Database

    database = Database(path)
    # Synthetic documents have features but no rows in `documents`.
    database.connection.execute("PRAGMA foreign_keys = OFF")
    database.connection.execute("PRAGMA cache_size = -65536")
    return database


def _stored_features(database):
    """The features a build keeps at hand (`assign.Recent`), falling back on a table of the synthetic documents'
    features where the product would read a stored document: a story looked at again reads its documents."""
    from corroborator.stories.assign import Recent
    from corroborator.stories.features import DocumentFeatures

    class Stored(Recent):
        def keep(self, connection, features: DocumentFeatures) -> None:
            fields = {"document": features.document, "headline": features.headline, "terms": features.terms,
                      "entities": features.entities, "kinds": features.kinds, "published": features.published,
                      "published_iso": features.published_iso, "source": features.source}
            connection.execute("INSERT OR REPLACE INTO synthetic_features (id, features) VALUES (?, ?)",
                               (features.document, json.dumps(fields)))

        def get(self, document_id: str) -> DocumentFeatures | None:
            found = super().get(document_id)
            if found is None:
                row = database.connection.execute(
                    "SELECT features FROM synthetic_features WHERE id = ?", (document_id,)).fetchone()
                found = row and DocumentFeatures(**json.loads(row[0]))
            return found

    database.connection.execute(
        "CREATE TABLE IF NOT EXISTS synthetic_features (id TEXT PRIMARY KEY, features TEXT NOT NULL)")
    return Stored()


def scale_point(size: int, path: Path, bulk: bool) -> dict:
    """Build a store holding `size` synthetic documents, then time MEASURED more adds against it, each placed as a
    build places it (`assign.place`: assigned, then the stories it touched looked at again)."""
    from corroborator.stories.assign import place

    pool = _sentence_pool()
    synthetic = _Synthetic(pool)
    database = _open_store(path)
    stored = _stored_features(database)
    started = time.perf_counter()
    if bulk:
        _bulk_build(database, synthetic, size, stored)
    else:
        stream = synthetic.documents(size)
        while True:
            batch = [f for _, f in zip(range(1000), stream)]
            if not batch:
                break
            with database.transaction() as connection:
                for features in batch:
                    stored.keep(connection, features)
                    place(database, connection, features, recent=stored)
    build_seconds = time.perf_counter() - started
    timings, cpu = [], []  # wall time, and this process's CPU time (the same whatever else the machine runs)
    looked_again = 0
    stream = synthetic.documents(MEASURED, start=size)
    for _ in range(MEASURED // 100):
        with database.transaction() as connection:
            for features in [f for _, f in zip(range(100), stream)]:
                stored.keep(connection, features)
                before, before_cpu = time.perf_counter(), time.process_time()
                outcome = place(database, connection, features, recent=stored)
                timings.append(time.perf_counter() - before)
                cpu.append(time.process_time() - before_cpu)
                looked_again += bool(outcome.split or outcome.merged)
    stories = database.connection.execute("SELECT count(*) FROM stories").fetchone()[0]
    postings = database.connection.execute("SELECT count(*) FROM story_index").fetchone()[0]
    database.close()
    timings.sort()
    return {
        "documents": size, "stories": stories, "postings": postings, "bulk": bulk, "cut_or_merged": looked_again,
        "build_seconds": round(build_seconds, 1),
        "median_ms": round(statistics.median(timings) * 1000, 2),
        "p95_ms": round(timings[int(len(timings) * 0.95)] * 1000, 2),
        "cpu_median_ms": round(statistics.median(cpu) * 1000, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "database_mb": round(sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 2**20, 1),
    }


def _bulk_build(database, synthetic: _Synthetic, size: int, stored) -> None:
    """Fill the store directly: run the same pure core (absorb, index_terms) per document, but keep the
    open stories in memory per synthetic event and write rows with bulk inserts, IDF from the running counts.
    The features of the documents of the active window and a day more are kept where a story looked at again
    reads them (older stories have left the window)."""
    from corroborator.stories import decide as core
    from corroborator.store import stories as store

    counts: Counter[str] = Counter()
    total = 0
    stream = synthetic.documents(size)
    current: dict[str, core.StorySummary] = {}
    pending_members = []

    kept = []

    def flush() -> None:
        with database.transaction() as c:
            for features in kept:
                stored.keep(c, features)
            kept.clear()
            for summary in current.values():
                store.save(c, summary, core.index_terms(summary), core.METHOD)
            c.executemany(
                "INSERT INTO story_documents (document_id, story_id, position, score, source, method) VALUES (?, ?, ?, 1, ?, ?)",
                pending_members,
            )
        current.clear()
        pending_members.clear()

    last_event, story_id = None, None
    for features in stream:
        terms = list(features.terms) + [core.KEY_PREFIX + k for k in features.entities]
        counts.update(terms)
        total += 1
        rarity = {t: math.log((total + 1) / (counts[t] + 1)) + 1.0 for t in terms}
        vector, entities = core.text_vector(features, rarity), core.entity_vector(features, rarity)
        event = frozenset(features.entities)  # documents of one synthetic event come together and share its keys
        if event != last_event:
            if len(current) >= 5000:
                flush()
            last_event, story_id = event, store.story_id(features.document)
        summary = current.get(story_id) or core.open_story(story_id)
        pending_members.append((features.document, story_id, summary.size, features.source, core.METHOD))
        if total > size - (core.Settings().window_days + 1) * PER_DAY:
            kept.append(features)
        current[story_id] = core.absorb(summary, features, vector, entities)
    flush()
    with database.transaction() as c:
        c.executemany("INSERT INTO story_term_counts (term, documents) VALUES (?, ?)", counts.items())
        c.execute("INSERT INTO story_counters (name, value) VALUES ('documents', ?)", (total,))


def recluster_point(size: int, library: bool) -> dict:
    """Time and peak memory of a recluster's grouping (stories.cluster.group) of `size` synthetic documents,
    or, with `library`, of scikit-learn's average-link clustering of the same documents' TF-IDF vectors."""
    from corroborator.stories import cluster, decide

    synthetic = _Synthetic(_sentence_pool())
    documents = list(synthetic.documents(size))
    started = time.perf_counter()
    if library:
        from scipy import sparse
        from sklearn.cluster import AgglomerativeClustering
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.feature_extraction.text import TfidfTransformer

        terms = DictVectorizer().fit_transform([d.terms for d in documents])
        matrix = TfidfTransformer(sublinear_tf=True).fit_transform(sparse.csr_matrix(terms)).toarray()
        labels = AgglomerativeClustering(
            n_clusters=None, metric="cosine", linkage="average", distance_threshold=1 - decide.Settings().link_threshold
        ).fit_predict(matrix)
        groups = len(set(labels))
    else:
        counts: Counter[str] = Counter()
        for document in documents:
            counts.update(list(document.terms) + [decide.KEY_PREFIX + key for key in document.entities])
        rarity = {term: decide.rarity(size, count) for term, count in counts.items()}
        groups = len(cluster.group([cluster.Member.of(d, rarity) for d in documents]))
    return {
        "documents": size, "library": library, "groups": groups, "seconds": round(time.perf_counter() - started, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def recluster_scale(quick: bool) -> None:
    sizes = [2_000] if quick else [10_000, 50_000]
    results = []
    for size in sizes:
        for library in (False, True):
            if library and size > 20_000:
                results.append({"documents": size, "library": True})  # n² distances: 20 GB at 50,000
                continue
            command = [sys.executable, __file__, "--recluster-point", str(size)] + (["--library"] if library else [])
            output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
            results.append(json.loads(output.strip().splitlines()[-1]))
            print(f"  recluster point {size:,}: {results[-1]}", file=sys.stderr)
    print("\nCost of a recluster's grouping (the same synthetic documents, all within one week), beside "
          "scikit-learn's average link over their TF-IDF vectors\n")
    print("| documents | method | groups | time | peak RSS |")
    print("|---|---|---|---|---|")
    for r in results:
        method = "scikit-learn AgglomerativeClustering (dense)" if r["library"] else "stories.cluster.group"
        if "seconds" not in r:
            print(f"| {r['documents']:,} | {method} | — | not run: needs every pairwise distance in memory | — |")
            continue
        print(f"| {r['documents']:,} | {method} | {r['groups']:,} | {r['seconds']:.1f} s | {r['peak_rss_mb']:.0f} MB |")


def scale(quick: bool, bulk_from: int) -> None:
    sizes = [2_000, 10_000] if quick else [10_000, 100_000, 1_000_000]
    points = [(size, size >= bulk_from) for size in sizes]
    if any(bulk for _, bulk in points) and not points[0][1]:
        # Bulk inserts make one story per synthetic event, where placing them merges events that share words and
        # keys: the smallest store is built both ways, so each way is compared with itself across sizes.
        points.insert(1, (sizes[0], True))
    results = []
    for size, bulk in points:
        with tempfile.TemporaryDirectory(prefix="stories-scale-") as folder:
            command = [sys.executable, __file__, "--scale-point", str(size), "--store", str(Path(folder) / "s.db")]
            if bulk:
                command.append("--bulk")
            output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
            results.append(json.loads(output.strip().splitlines()[-1]))
            print(f"  scale point {size:,}: {results[-1]}", file=sys.stderr)
    print(f"\nCost of adding one article (synthetic documents from shuffled ECB+ sentences, {PER_DAY:,} a day, "
          f"7-day active window; {MEASURED:,} adds timed after the build, each as a build places it: assigned, then "
          f"the story it joined looked at again at its checked sizes and a second story it could join tried for a merge)\n")
    print("| documents in store | stories | index postings | built by | add: median | add: p95 | add: median CPU time "
          "| adds that cut or merged a story | peak RSS | database |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        built = f"bulk insert ({r['build_seconds']:.0f} s)" if r["bulk"] else f"place() ({r['build_seconds']:.0f} s)"
        print(f"| {r['documents']:,} | {r['stories']:,} | {r['postings']:,} | {built} | {r['median_ms']:.2f} ms | "
              f"{r['p95_ms']:.2f} ms | {r['cpu_median_ms']:.2f} ms | {r['cut_or_merged']} | {r['peak_rss_mb']:.0f} MB | {r['database_mb']:.0f} MB |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer topics and smaller scale points")
    parser.add_argument("--quality", action="store_true", help="only the ECB+ quality table")
    parser.add_argument("--scale", action="store_true", help="only the scale tables")
    parser.add_argument("--per-topic", action="store_true",
                        help="also, topic by topic, the gold sub-topics the one-document-at-a-time grouping "
                             "splits or joins")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "corroborator-bench-stories",
                        help="where the annotated ECB+ stores are kept between runs")
    parser.add_argument("--bulk-from", type=int, default=1_000_000,
                        help="build stores of at least this many documents with bulk inserts rather than place()")
    parser.add_argument("--scale-point", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--store", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--bulk", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--recluster-point", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--library", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.recluster_point:
        print(json.dumps(recluster_point(arguments.recluster_point, arguments.library)))
        return
    if arguments.scale_point:
        print(json.dumps(scale_point(arguments.scale_point, arguments.store, arguments.bulk)))
        return
    both = not (arguments.quality or arguments.scale)
    if arguments.quality or both:
        arguments.cache.mkdir(parents=True, exist_ok=True)
        quality(arguments.quick, arguments.cache, arguments.per_topic)
    if arguments.scale or both:
        scale(arguments.quick, arguments.bulk_from)
        recluster_scale(arguments.quick)


if __name__ == "__main__":
    main()
