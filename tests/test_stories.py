"""The stories stage's rules, on a real SQLite file, with small annotations built by hand."""

from __future__ import annotations

from corroborator.ingest.fingerprint import document_id
from corroborator.model import Annotation, Document, Mention
from corroborator.stories import assign_pending, list_stories, recluster, story_record
from corroborator.stories.decide import Settings
from corroborator.stories.features import extract
from corroborator.store import annotations as annotated
from corroborator.store import documents as stored
from corroborator.store.db import Database

HOLLIN_1 = (
    "A magnitude 6.4 earthquake struck the Caskell Highlands early on Monday, killing at least nine people "
    "in the market town of Hollin and collapsing stone houses in its old quarter. Rescue teams from Amberford "
    "searched the rubble through the morning while aftershocks rattled the valley."
)
HOLLIN_2 = (
    "Rescuers in Hollin pulled two survivors from a collapsed house on Monday as the death toll from the "
    "earthquake rose to thirteen. The quake, the strongest in the Caskell Highlands for decades, destroyed "
    "the church roof and cut power to thousands of homes around the town."
)
BRASK = (
    "A magnitude 5.7 earthquake hit the mining town of Brask in the Caskell Highlands on Thursday night, "
    "injuring twenty-three people and damaging houses. Rescue teams searched collapsed buildings and the "
    "seismological institute said the quake was not an aftershock of the earlier disaster."
)
PREMIERE = (
    "The film Salt Lantern, starring the singer Mirae, had its world premiere in Seoul on Tuesday night. "
    "Director Yoon Ji-seok received a standing ovation that lasted more than six minutes at the pavilion, "
    "and the drama about a flooded island opens on the Streamline service this week."
)
PREMIERE_REVIEW = (
    "Mirae is quietly superb in Salt Lantern, the island drama by Yoon Ji-seok that premiered in Seoul on "
    "Tuesday to a long ovation. The film follows a lighthouse keeper's daughter who refuses to leave a "
    "flooded island, and it arrives on Streamline with the best reviews of the year."
)
SEQUEL = (
    "Streamline has ordered a sequel to Salt Lantern, with Mirae and director Yoon Ji-seok returning, the "
    "company announced on Tuesday at its showcase for advertisers. Filming of the new chapter begins on "
    "the island in the autumn and it will be released next year."
)


def _mention(body: str, text: str, kind: str, key: str | None = None, value: str | None = None,
             precision: str | None = None) -> Mention:
    start = body.index(text)
    return Mention(start, start + len(text), kind, text, value=value, precision=precision, key=key)


def _store(database: Database, title: str, body: str, published: str | None, mentions: list[tuple],
           source: str | None = "Wire", url: str | None = None, path: str | None = None) -> str:
    document = Document(
        id=document_id(body), path=path or title, body=body, title=title, published=published,
        source=source, url=url, method="test",
    )
    stored.write_batch(database, [document])
    annotation = Annotation(document.id, mentions=[_mention(body, *m) for m in mentions], method="test")
    annotated.write_batch(database, [annotation])
    return document.id


def _hollin(database: Database) -> tuple[str, str]:
    first = _store(database, "Earthquake kills nine in Hollin", HOLLIN_1, "2025-03-10T07:40:00+02:00", [
        ("Caskell Highlands", "place", "place:caskellhighlands"), ("Hollin", "place", "place:hollin"),
        ("Amberford", "place", "place:amberford"), ("Monday", "date", None, "2025-03-10", "day"),
    ])
    second = _store(database, "Hollin earthquake toll rises to 13", HOLLIN_2, "2025-03-10T15:20:00+02:00", [
        ("Hollin", "place", "place:hollin"), ("Caskell Highlands", "place", "place:caskellhighlands"),
        ("Monday", "date", None, "2025-03-10", "day"),
    ], source="Ledger")
    return first, second


def _brask(database: Database) -> str:
    return _store(database, "Earthquake injures 23 in Brask", BRASK, "2025-03-14T07:10:00+00:00", [
        ("Brask", "place", "place:brask"), ("Caskell Highlands", "place", "place:caskellhighlands"),
        ("Thursday night", "time", None, "2025-03-13", "day"),
    ], source="Courier")


def _premiere(database: Database) -> tuple[str, str]:
    first = _store(database, "Mirae's Salt Lantern premieres in Seoul", PREMIERE, "2025-02-18T23:05:00+09:00", [
        ("Salt Lantern", "work", "work:saltlantern"), ("Mirae", "person", "person:mirae"),
        ("Seoul", "place", "place:seoul"), ("Yoon Ji-seok", "person", "person:yoonjiseok"),
        ("Tuesday night", "time", None, "2025-02-18", "day"),
    ])
    second = _store(database, "Review: Salt Lantern", PREMIERE_REVIEW, "2025-02-20T00:00:00+00:00", [
        ("Mirae", "person", "person:mirae"), ("Salt Lantern", "work", "work:saltlantern"),
        ("Yoon Ji-seok", "person", "person:yoonjiseok"), ("Seoul", "place", "place:seoul"),
        ("Tuesday", "date", None, "2025-02-18", "day"),
    ], source="Kestrel Review")
    return first, second


def _story_of(database: Database, document: str) -> str:
    return database.connection.execute(
        "SELECT story_id FROM story_documents WHERE document_id = ?", (document,)
    ).fetchone()[0]


def _grouping(database: Database) -> set[frozenset[str]]:
    return {frozenset(record.documents) for record in list_stories(database)}


def test_documents_sharing_words_entities_and_day_join_one_story(database):
    first, second = _hollin(database)
    report = assign_pending(database)
    assert (report.documents, report.opened, report.joined) == (2, 1, 1)
    assert _story_of(database, first) == _story_of(database, second)


def test_two_quakes_a_few_days_apart_in_different_towns_stay_apart(database):
    hollin, _ = _hollin(database)
    brask = _brask(database)
    assign_pending(database)
    assert _story_of(database, hollin) != _story_of(database, brask)
    assert len(list_stories(database)) == 2


SHELTERS = (
    "Families who lost their homes when the earthquake struck Hollin slept in tents on the football pitch on Monday "
    "night as the Red Cross handed out blankets and soup. Mayor Ilse Maren said the collapsed houses of the old "
    "quarter would stay closed while engineers inspect every building."
)


def test_a_report_of_the_same_days_quake_told_from_the_shelters_joins_its_story_one_document_at_a_time(database):
    hollin = _store(database, "Earthquake kills nine in Hollin", HOLLIN_1, "2025-03-10T07:40:00+02:00", [
        ("Caskell Highlands", "place", "place:caskellhighlands"), ("Hollin", "place", "place:hollin"),
        ("Amberford", "place", "place:amberford"), ("Monday", "date", None, "2025-03-10", "day"),
    ])
    shelters = _store(database, "Hollin quake families sleep in tents", SHELTERS, "2025-03-10T18:00:00+00:00", [
        ("Hollin", "place", "place:hollin"), ("Monday", "date", None, "2025-03-10", "day"),
        ("Red Cross", "org", "org:redcross"), ("Ilse Maren", "person", "person:ilsemaren"),
    ], source="Herald")
    brask = _brask(database)
    # Few words in common with the first report (about 0.24), but the same quake on the same day; Brask's quake,
    # as close in words, happened three days later and stays apart.
    assign_pending(database, group_at_most=0)
    assert _story_of(database, shelters) == _story_of(database, hollin)
    assert _story_of(database, brask) != _story_of(database, hollin)


HEIST = (
    "Armed robbers dressed as couriers stole jewels worth 64 million euros from the Maison Orlan jewellery store on "
    "the Rue Verlaine in Calvaire, police said. The gang of four threatened the staff with a handgun, emptied the "
    "display cases of rings, necklaces and watches and fled in a waiting car."
)
HEIST_AGAIN = (
    "Four robbers, two of them dressed as couriers, took rings, necklaces and watches worth about 60 million euros "
    "from the Maison Orlan jewellery store in Calvaire, police said, among the biggest jewel thefts on record. The "
    "gang threatened the staff with a handgun before they fled in a car."
)
RAM_RAID = (
    "Four men rammed a car into the Maison Orlan jewellery store on the Rue Verlaine in Calvaire and fled with "
    "rings, necklaces and watches worth 3 million euros, police said. The gang threatened the staff with a handgun "
    "and set the car ablaze before they fled in a second car."
)


def _heist(database: Database, title: str, body: str, sum_text: str, value: str) -> str:
    return _store(database, title, body, None, [
        ("Maison Orlan", "org", "org:maisonorlan"), ("Calvaire", "place", "place:calvaire"),
        (sum_text, "money", None, value),
    ], source=title)


def test_a_ledes_sum_is_the_first_sum_of_money_it_names_beyond_prices():
    body = "Tickets cost $12 each. The festival lost 2 million euros, organisers said." + " Filler." * 60
    body += " The region earns $9 billion a year."
    mentions = [_mention(body, "$12", "money", value="12 USD"),
                _mention(body, "2 million euros", "money", value="2000000 EUR"),
                _mention(body, "$9 billion", "money", value="9000000000 USD")]
    features = extract(Document(id="d", path="p", body=body, title="Festival"), Annotation("d", mentions=mentions))
    assert features.event_sum == ("~USD", 2000000.0)


def test_sums_in_currencies_near_the_dollar_compare_and_others_stand_apart():
    from corroborator.stories.features import money_sum

    assert money_sum("~85000000 EUR") == money_sum("~85000000 GBP") == ("~USD", 85000000.0)
    assert money_sum("500000000 JPY") == ("JPY", 500000000.0)
    assert money_sum("500 USD") is None and money_sum("2000000") is None


def test_two_heists_at_one_store_worth_sums_ten_times_apart_are_two_stories(tmp_path):
    for single_pass in (True, False):
        with Database(tmp_path / f"heists-{single_pass}.db") as database:
            first = _heist(database, "Robbers take 64m euros of jewels", HEIST, "64 million euros", "64000000 EUR")
            again = _heist(database, "Jewel theft at Maison Orlan", HEIST_AGAIN, "about 60 million euros",
                           "~60000000 EUR")
            raid = _heist(database, "Ram raiders hit Maison Orlan", RAM_RAID, "3 million euros", "3000000 EUR")
            in_dollars = _heist(database, "Maison Orlan ram raid", RAM_RAID.replace("3 million euros", "$3.9 million"),
                                "$3.9 million", "3900000 USD")
            if single_pass:
                assign_pending(database, group_at_most=0)
            else:
                recluster(database)
            assert _story_of(database, again) == _story_of(database, first), single_pass
            assert _story_of(database, raid) != _story_of(database, first), single_pass
            assert _story_of(database, in_dollars) != _story_of(database, first), single_pass


def test_a_sum_whose_currency_sign_a_feed_lost_is_still_a_sum_of_money():
    body = "Robbers stole more than e64 million worth of jewels, then p2.5million in watches. E85 fuel costs e2."
    features = extract(Document(id="d", path="p", body=body, title="Heist"), Annotation("d", mentions=[]))
    assert features.event_sum == ("~USD", 64000000.0)
    tanker = "Pirates seized a tanker carrying e75m of crude, 3 m deep in the water."
    assert extract(Document(id="t", path="p", body=tanker, title="Tanker"), Annotation("t", mentions=[])).event_sum \
        == ("~USD", 75000000.0)
    fuel = "Stations sell e85 at 2 million pumps; the fuel saves p40 a litre, and e3 m of tank."
    assert extract(Document(id="f", path="p", body=fuel, title="Fuel"), Annotation("f", mentions=[])).event_sum is None


def test_a_heist_worth_a_sum_written_with_a_lost_euro_sign_is_not_a_heist_worth_ten_times_less(tmp_path):
    for single_pass in (True, False):
        with Database(tmp_path / f"lost-sign-{single_pass}.db") as database:
            first = _store(database, "Robbers take jewels at Maison Orlan", HEIST.replace("64 million euros",
                           "e64 million"), None, [("Maison Orlan", "org", "org:maisonorlan"),
                                                  ("Calvaire", "place", "place:calvaire")], source="First")
            raid = _heist(database, "Ram raiders hit Maison Orlan", RAM_RAID, "3 million euros", "3000000 EUR")
            if single_pass:
                assign_pending(database, group_at_most=0)
            else:
                recluster(database)
            assert _story_of(database, raid) != _story_of(database, first), single_pass


def test_a_follow_up_about_the_same_work_months_later_is_related_not_merged(database):
    premiere, review = _premiere(database)
    sequel = _store(database, "Streamline orders Salt Lantern sequel", SEQUEL, "2025-05-27T15:00:00-07:00", [
        ("Streamline", "org", "org:streamline"), ("Salt Lantern", "work", "work:saltlantern"),
        ("Mirae", "person", "person:mirae"), ("Yoon Ji-seok", "person", "person:yoonjiseok"),
        ("Tuesday", "date", None, "2025-05-27", "day"),
    ], source="Signal")
    assign_pending(database)
    premiere_story, sequel_story = _story_of(database, premiere), _story_of(database, sequel)
    assert _story_of(database, review) == premiere_story
    assert sequel_story != premiere_story
    assert story_record(database, sequel_story)["related"] == [premiere_story]
    assert story_record(database, premiere_story)["related"] == [sequel_story]


def test_a_story_leaves_the_active_window_as_it_ages(database):
    first, _ = _hollin(database)
    later_body = (
        "Three weeks after the earthquake, families in Hollin are still sleeping in tents while engineers decide "
        "which houses in the old quarter can be saved. The Caskell Highlands quake killed sixteen people and "
        "rescue teams have left the town."
    )
    late = _store(database, "Hollin earthquake toll rises again", later_body, "2025-03-30T10:00:00+00:00", [
        ("Hollin", "place", "place:hollin"), ("Caskell Highlands", "place", "place:caskellhighlands"),
    ], source="Ledger")
    assign_pending(database, settings=Settings(window_days=7))
    assert _story_of(database, late) != _story_of(database, first)
    recluster(database, settings=Settings(window_days=30))
    assert _story_of(database, late) == _story_of(database, first)


def test_recluster_gives_the_same_grouping_whatever_the_ingest_order(tmp_path):
    groupings, ids = [], []
    for name, order in (("forward", (_hollin, _brask, _premiere)), ("backward", (_premiere, _brask, _hollin))):
        with Database(tmp_path / f"{name}.db") as database:
            for add in order:
                add(database)
                assign_pending(database)  # incremental, in ingest order
            recluster(database)
            groupings.append(_grouping(database))
            ids.append({record.id for record in list_stories(database)})
    assert groupings[0] == groupings[1]
    assert ids[0] == ids[1]
    assert len(groupings[0]) == 3


def test_a_first_build_groups_as_a_recluster_does_not_as_the_documents_came(tmp_path):
    texts = {
        "sink0": "Ferry sank in Lusk harbour; divers search the hull and passengers were rescued.",
        "sink1": "Divers search the hull of the ferry that sank in Lusk harbour; passengers rescued.",
        "early": "Ferry strike at Pell harbour: union crews walk out over pay.",
        "strike0": "Strike at Pell: union crews walk out over pay, talks stall, ferry timetable cut.",
        "strike1": "Pell union crews walk out over pay as strike talks stall; ferry timetable cut.",
        "strike2": "Ferry timetable cut as Pell strike talks stall and union crews walk out over pay.",
    }
    settings = Settings(join_threshold=0.05, link_threshold=0.2)
    groupings = {}
    for grouped in (True, False):
        with Database(tmp_path / f"{grouped}.db") as database:
            for hour, (name, body) in enumerate(texts.items()):
                _store(database, name, body, f"2025-03-10T{hour:02d}:00:00+00:00", [], path=name)
            assign_pending(database, settings=settings, group_at_most=100 if grouped else 0)
            names = dict(database.connection.execute("SELECT document_id, path FROM document_paths"))
            groupings[grouped] = {frozenset(names[d] for d in group) for group in _grouping(database)}
    # One document at a time, the first strike report joins the sinking, the only story open when it came.
    assert any({"early", "sink0"} <= group for group in groupings[False])
    assert groupings[True] == {frozenset({"early", "strike0", "strike1", "strike2"}), frozenset({"sink0", "sink1"})}


def test_assignment_is_idempotent_and_only_reads_annotated_documents(database):
    _hollin(database)
    unannotated = Document(id=document_id(BRASK), path="brask", body=BRASK, title="Brask", method="test")
    stored.write_batch(database, [unannotated])
    assert assign_pending(database).documents == 2
    assert assign_pending(database).documents == 0
    assert assign_pending(database, require_annotation=False).documents == 1


def test_a_near_duplicate_joins_its_originals_story(database):
    original, _ = _hollin(database)
    copy_body = HOLLIN_1 + " Reporting by Katrin Oberg; editing by the Northgate Courier desk."
    copy = _store(database, "Quake in the highlands", copy_body, "2025-03-10T09:00:00+00:00", [], source="Courier")
    assert stored.document(database, copy).duplicate_of == original
    report = assign_pending(database)
    assert report.duplicates == 1
    assert _story_of(database, copy) == _story_of(database, original)


def test_story_record_has_the_contract_fields_and_a_stable_id(database):
    first, second = _hollin(database)
    assign_pending(database)
    [story] = list_stories(database)
    record = story_record(database, story.id[:8])
    assert set(record) == {"id", "title", "first_seen", "last_seen", "documents", "sources", "related"}
    assert record["documents"] == [first, second]
    assert record["sources"] == ["Wire", "Ledger"]
    assert record["first_seen"] == "2025-03-10T07:40:00+02:00" and record["last_seen"] == "2025-03-10T15:20:00+02:00"
    assert record["title"] in ("Earthquake kills nine in Hollin", "Hollin earthquake toll rises to 13")
    recluster(database)
    assert list_stories(database)[0].id == story.id
    assert story_record(database, "nope") is None


def test_source_falls_back_to_the_url_domain_then_to_unknown():
    document = Document(id="abc123", path="p", body="text", url="https://www.example.org/news/1")
    assert document.outlet == "example.org"
    assert Document(id="abc123", path="p", body="text").outlet == "unknown outlet (abc123)"


def test_event_day_prefers_the_first_dated_mention_over_later_background():
    body = "A quake hit Brask on Thursday. Monday's quake near Hollin killed 16; on Monday and again Monday night."
    document = Document(id="d", path="p", body=body, title="Brask quake", published="2025-03-14T00:00:00+00:00")
    mentions = [
        _mention(body, "Thursday", "date", value="2025-03-13", precision="day"),
        Mention(body.index("Monday's"), body.index("Monday's") + 6, "date", "Monday", "2025-03-10", "day"),
        Mention(body.index("on Monday") + 3, body.index("on Monday") + 9, "date", "Monday", "2025-03-10", "day"),
        _mention(body, "Monday night", "time", value="2025-03-10", precision="day"),
    ]
    features = extract(document, Annotation("d", mentions=mentions))
    assert features.event_day == 739323  # 2025-03-13


def _features(name: str, text: str) -> tuple:
    from corroborator.stories import decide
    from corroborator.stories.features import DocumentFeatures, words

    counts: dict[str, float] = {}
    for word in words(text):
        counts[word] = counts.get(word, 0.0) + 1.0
    features = DocumentFeatures(document=name, headline="", terms=counts)
    return features, decide.text_vector(features, {}), {}


def _story(story_id: str, *documents: tuple):
    from corroborator.stories import decide

    story = decide.open_story(story_id)
    for features, vector, entities in documents:
        story = decide.absorb(story, features, vector, entities)
    return story


def _members(*documents: tuple):
    from corroborator.stories.cluster import Member

    return [Member.of(features, {}) for features, _, _ in documents]


def test_a_recluster_groups_a_document_with_the_story_it_fits_best_whatever_came_first():
    from corroborator.stories.cluster import group

    early = _features("early", "ferry strike Pell harbour union crews walk out over pay")
    sinking = [_features(f"sink{i}", "ferry sank Lusk harbour divers search hull passengers rescued") for i in range(2)]
    strike = [_features(f"strike{i}", "strike Pell union crews walk out pay talks ferry timetable") for i in range(3)]
    lone = _features("lone", "orchestra season opens with new conductor")
    # A single pass puts `early` with the sinking when it arrives before any of the strike reports.
    single = _story("sinking", early)
    assert _decided(sinking[0], single, Settings(join_threshold=0.2)) == "sinking"
    groups = group(_members(early, *sinking, *strike, lone), Settings(link_threshold=0.2))
    assert groups == [["early", "strike0", "strike1", "strike2"], ["lone"], ["sink0", "sink1"]]


def _decided(document: tuple, story, settings: Settings) -> str | None:
    from corroborator.stories.decide import decide

    return decide(*document, [story], settings).story


def test_a_recluster_splits_two_events_of_one_kind_that_average_link_alone_would_merge():
    from corroborator.stories.cluster import group

    doyle = [_features(f"doyle{i}", f"Gulls place running back Doyle on injured reserve knee season over {extra}")
            for i, extra in enumerate(["Wednesday", "ending third season", "sprained knee", "sprained knee surgery"])]
    pratt = [_features(f"pratt{i}", f"Gulls place running back Pratt on injured reserve ankle playoffs {extra}")
              for i, extra in enumerate(["Tom Burke", "Burke signed", "practice squad", "Burke practice squad"])]
    merged = group(_members(*doyle, *pratt), Settings(link_threshold=0.2, split_ratio=0.0))
    assert len(merged) == 1  # every pair shares most words: one group by average link
    split = group(_members(*doyle, *pratt), Settings(link_threshold=0.2))
    assert split == [[f"doyle{i}" for i in range(4)], [f"pratt{i}" for i in range(4)]]
    # Halves too small to stand for an event are not split off.
    assert len(group(_members(*doyle, *pratt), Settings(link_threshold=0.2, split_size=5))) == 1


def test_a_recluster_never_groups_documents_about_days_far_apart():
    from corroborator.stories.cluster import group

    first, second = _features("a", "quake strikes Hollin town"), _features("b", "quake strikes Hollin town")
    first[0].event_days, second[0].event_days = {739323: 1.0}, {739400: 1.0}
    assert group(_members(first, second), Settings(link_threshold=0.1)) == [["a"], ["b"]]


def test_stories_are_stamped_with_how_they_were_grouped(database):
    from corroborator.stories.assign import method_of

    _hollin(database)
    assign_pending(database)  # a first build groups every document at hand, as a recluster does
    stamps = {row[0] for row in database.connection.execute("SELECT method FROM stories")}
    assert stamps == {"corroborator.stories.v10+clustered"}
    brask = _brask(database)
    assign_pending(database)  # later documents are placed one at a time
    (stamp,) = database.connection.execute(
        "SELECT s.method FROM stories s JOIN story_documents d ON d.story_id = s.id WHERE d.document_id = ?", (brask,)
    ).fetchone()
    assert stamp == "corroborator.stories.v10"

    class Named:
        name = "all-MiniLM-L6-v2"

    assert method_of(Named()) == "corroborator.stories.v10+embeddings:all-MiniLM-L6-v2"
    assert method_of(clustered=True) == "corroborator.stories.v10+clustered"


def test_a_surname_is_the_last_word_of_a_name_before_any_suffix():
    from corroborator.stories.features import surname

    assert surname("Marcus Doyle") == surname("Doyle") == surname("Doyle's") == surname("Doyle’s") == "doyle"
    assert surname("Marcus Joseph Oyelaran Jr.") == "oyelaran"
    assert surname("Ms. Ruskin") == surname("Anna Mae Ruskin") == "ruskin"
    assert surname("...") is None


def test_a_document_is_about_the_person_it_names_most_and_the_parse_says_what_they_do():
    from corroborator.annotate import annotate_documents, load_pipeline

    body = ("Harbor City Gulls receiver Tom Jackson was arrested early Tuesday on suspicion of drunken "
            "driving, the state highway patrol said. Jackson was booked into county jail and released. "
            "Coach Sam Turner said the team would wait for the facts. Jackson is expected to play on Sunday.")
    document = Document(id="d1", path="jackson.txt", body=body, title="Gulls receiver arrested", method="test")
    (annotation,) = annotate_documents([document], nlp=load_pipeline())
    features = extract(document, annotation)
    assert features.lead == "jackson"
    assert "arrest:object" in features.lead_roles
    assert set(features.people) >= {"jackson", "turner"}
    # Nobody stands out in a document naming two people alike.
    from corroborator.stories.features import lead_person

    assert lead_person({"jackson": 2.4, "williams": 2.3}) is None
    assert lead_person({"jackson": 1.5}) is None


def _about(name: str, text: str, lead: str | None, roles: set[str], people: dict[str, float]) -> tuple:
    document = _features(name, text)
    document[0].lead, document[0].lead_roles, document[0].people = lead, frozenset(roles), people
    return document


def test_a_recluster_tells_two_arrests_of_two_players_apart_by_whom_each_is_about():
    from corroborator.stories.cluster import group

    words = "Otters player arrested suspicion drunken driving freeway highway patrol booked released"
    jackson = [_about(f"jackson{i}", f"{words} receiver {extra}", "jackson", {"arrest:object"}, {"jackson": 3.0})
               for i, extra in enumerate(["Tuesday", "playoff game", "probation", "Steelers"])]
    # The later arrest's reports recall the first one; the first one's never name the second player.
    williams = [_about(f"williams{i}", f"{words} lineman {extra}", "williams", {"arrest:object", "pul:object"},
                       {"williams": 3.0, "jackson": 1.7})
                for i, extra in enumerate(["Sunday", "nose tackle", "Bentley", "blood alcohol"])]
    settings = Settings(link_threshold=0.2, split_ratio=0.0)  # the halves' own shape alone would not split them
    assert group(_members(*jackson, *williams), settings) == [
        [f"jackson{i}" for i in range(4)], [f"williams{i}" for i in range(4)]]
    # Documents that name neither player go with the set they are closest to.
    plain = _about("plain", f"{words} lineman Bentley blood alcohol", None, set(), {})
    assert ["plain", *(f"williams{i}" for i in range(4))] in group(_members(*jackson, *williams, plain), settings)


def test_a_recluster_keeps_one_event_whose_reports_lead_with_different_people():
    from corroborator.stories.cluster import group

    words = "hit and run crash Queens woman killed driver fled arrested charged"
    settings = Settings(link_threshold=0.2, split_ratio=0.0)
    # The victim and the driver: two people, doing different things.
    victim = [_about(f"victim{i}", f"{words} {extra}", "chohan", {"walk:subject"}, {"chohan": 3.0})
              for i, extra in enumerate(["temple", "service", "grandmother"])]
    driver = [_about(f"driver{i}", f"{words} {extra}", "subryan", {"charg:object"}, {"subryan": 3.0, "chohan": 1.5})
              for i, extra in enumerate(["court", "bail", "Camry"])]
    assert len(group(_members(*victim, *driver), settings)) == 1
    # Two people in one role, each set naming the other's person: one event with two people in it (a fight).
    red = [_about(f"red{i}", f"{words} {i}", "reyes", {"arrest:object"}, {"reyes": 3.0, "ortiz": 1.5}) for i in range(3)]
    blue = [_about(f"blue{i}", f"{words} {i}", "ortiz", {"arrest:object"}, {"ortiz": 3.0, "reyes": 1.5}) for i in range(3)]
    assert len(group(_members(*red, *blue), settings)) == 1


def test_two_documents_about_another_player_are_too_few_to_stand_for_an_event_of_their_own():
    from corroborator.stories.cluster import group

    words = "Otters player arrested suspicion drunken driving freeway highway patrol booked released"
    jackson = [_about(f"jackson{i}", f"{words} {i}", "jackson", {"arrest:object"}, {"jackson": 3.0}) for i in range(4)]
    williams = [_about(f"williams{i}", f"{words} {i}", "williams", {"arrest:object"}, {"williams": 3.0, "jackson": 1.7})
                for i in range(2)]
    assert len(group(_members(*jackson, *williams), Settings(link_threshold=0.2, split_ratio=0.0))) == 1


def test_a_report_about_one_player_joins_his_story_before_a_closer_one_about_another():
    from corroborator.stories import decide

    words = "Gulls place running back on injured reserve season over knee"
    doyle = _story("doyle", *(_about(f"doyle{i}", f"{words} ankle sprain {i}", "doyle", set(), {"doyle": 3.0})
                            for i in range(3)))
    pratt = _story("pratt", *(_about(f"pratt{i}", f"{words} playoffs {i}", "pratt", set(), {"pratt": 3.0})
                                for i in range(2)))
    assert (doyle.lead, pratt.lead) == ("doyle", "pratt")
    report = _about("report", f"{words} ankle sprain", "pratt", set(), {"pratt": 3.0})
    plain = _about("plain", f"{words} ankle sprain", None, set(), {})
    settings = Settings(join_threshold=0.2)
    # A report mainly about nobody in particular joins the closer story.
    assert decide.decide(*plain, [doyle, pratt], settings).story == "doyle"
    # The report is mainly about the other player: it goes to his story, though the first one reads closer.
    assert decide.decide(*report, [doyle, pratt], settings).story == "pratt"
    # Only among the stories it could join: too far from his story to join it, it joins the closer one.
    assert decide.decide(*report, [doyle, pratt], Settings(join_threshold=0.9)).story == "doyle"


def test_a_report_mainly_about_a_player_joins_his_story_only_when_it_has_him_do_what_his_story_does():
    from corroborator.stories import decide

    words = "Gulls place running back on injured reserve season over knee"
    doyle = _story("doyle", *(_about(f"doyle{i}", f"{words} ankle sprain carries {i}", "doyle", {"plac:object"},
                                     {"doyle": 3.0}) for i in range(3)))
    pratt = _story("pratt", *(_about(f"pratt{i}", f"{words} playoffs {i}", "pratt", {"plac:object"}, {"pratt": 3.0})
                              for i in range(2)))
    settings = Settings(join_threshold=0.2)
    # A column mainly about the back who takes over from the injured player is about that player's injury.
    column = _about("column", f"{words} ankle sprain carries", "pratt", {"tak:subject", "start:subject"},
                    {"pratt": 3.0, "doyle": 2.0})
    assert decide.decide(*column, [doyle, pratt], settings).story == "doyle"
    # A report that has him placed on injured reserve too is about his own move, though the other story reads closer.
    placed = _about("placed", f"{words} ankle sprain carries", "pratt", {"plac:object"}, {"pratt": 3.0})
    assert decide.decide(*placed, [doyle, pratt], settings).story == "pratt"
    # What a story remembers of it: what its reports mainly about each person have that person do.
    assert pratt.deeds_of("pratt") == {"plac:object"} and not pratt.deeds_of("doyle")


def test_a_story_looked_at_again_keeps_a_column_about_another_player_who_does_not_do_what_his_story_does(database):
    def report(name: str, hour: int, body: str, people: list[tuple[str, str, str, str]], day: str | None = None):
        document = Document(id=document_id(body), path=name, body=body, title="", method="test",
                            published=f"2025-11-06T{hour:02d}:00:00+00:00", source="Wire")
        mentions = []
        for anchor, name_text, head, role in people:
            start = body.index(anchor)
            key = "person:" + name_text.split()[-1].lower()
            mentions.append(Mention(start, start + len(name_text), "person", name_text, key=key, head=head, role=role))
        if day:
            weekday = "on Sunday" if "Sunday" in body else "on Thursday"
            mentions.append(_mention(body, weekday, "date", None, day, "day"))
        stored.write_batch(database, [document])
        annotated.write_batch(database, [Annotation(document.id, mentions=mentions, method="test")])
        names[document.id] = name

    names: dict[str, str] = {}
    doyle = [
        "The Gulls placed running back Marcus Doyle on injured reserve on Sunday, ending his season. Doyle sprained "
        "his knee.",
        "Running back Marcus Doyle went to injured reserve on Sunday with a sprained knee. Doyle sprained it late.",
        "Harbor City put Marcus Doyle on injured reserve on Sunday: his knee sprain ends the season. Doyle limped off.",
        "A knee sprain sends Marcus Doyle to injured reserve, the Gulls said on Sunday. Doyle sprained it in Denver.",
        "The Gulls placed Marcus Doyle on injured reserve on Sunday after his knee sprain. Doyle had nine touchdowns.",
    ]
    heads = [("placed", "object"), ("went", "subject"), ("put", "object"), ("sends", "object"), ("placed", "object")]
    for i, body in enumerate(doyle[:4]):
        report(f"doyle{i}", i, body, [("Marcus Doyle", "Marcus Doyle", *heads[i]), ("Doyle ", "Doyle", "sprained"
               if "Doyle sprained" in body else "limped", "subject")], "2025-11-02")
    # Before the other back's own move, a column mainly about him: he takes over from the injured player.
    report("column", 4, "Owen Pratt takes over at running back now that the Gulls placed Marcus Doyle on injured "
           "reserve with a knee sprain. Pratt starts on Monday night. Pratt will lead the backfield.",
           [("Owen Pratt", "Owen Pratt", "takes", "subject"), ("Marcus Doyle", "Marcus Doyle", "placed", "object"),
            ("Pratt starts", "Pratt", "starts", "subject"), ("Pratt will", "Pratt", "lead", "subject")])
    # Days later the Gulls place him on injured reserve too: a story of his own.
    for i, extra in enumerate(["with a broken ankle", "before the playoffs", "and sign a back"]):
        report(f"pratt{i}", 5 + i, f"The Gulls placed running back Owen Pratt on injured reserve on Thursday {extra}. "
               "Pratt will miss the playoffs.", [("Owen Pratt", "Owen Pratt", "placed", "object"),
                                                  ("Pratt will", "Pratt", "miss", "subject")], "2025-11-06")
    report("doyle4", 8, doyle[4], [("Marcus Doyle", "Marcus Doyle", *heads[4]),
                                   ("Doyle had", "Doyle", "had", "subject")], "2025-11-02")
    assign_pending(database, settings=Settings(join_threshold=0.15), group_at_most=0)
    grouping = {frozenset(names[d] for d in group) for group in _grouping(database)}
    # Looked at again at six reports, the injured player's story keeps the column: it does not have the other back
    # placed on injured reserve, as his own story does.
    assert grouping == {frozenset({"column", *(f"doyle{i}" for i in range(5))}),
                        frozenset(f"pratt{i}" for i in range(3))}


def test_a_recluster_of_nothing_or_of_one_document_is_nothing_or_one_group():
    from corroborator.stories.cluster import group

    assert group([]) == []
    assert group(_members(_features("only", "ferry strike Pell harbour"))) == [["only"]]


def test_a_first_build_too_large_to_group_at_once_places_documents_one_at_a_time(database):
    _hollin(database)
    assign_pending(database, group_at_most=1)
    stamps = {row[0] for row in database.connection.execute("SELECT method FROM stories")}
    assert stamps == {"corroborator.stories.v10"}


def test_a_recluster_keeps_the_reports_of_one_person_on_one_day_together_though_they_tell_two_sides():
    from corroborator.stories.cluster import group

    day = 733142  # 2008-04-09
    shooting = [_about(f"shot{i}", f"Troy office accountant shooting gunman fired killed woman wounded two {extra}",
                       "lacalamita", {"fire:subject"}, {"lacalamita": 3.0})
                for i, extra in enumerate(["ambulance", "witnesses fled", "police cordon", "victims hospital"])]
    charge = [_about(f"charge{i}", f"Troy office accountant shooting charged murder arraigned judge bond {extra}",
                     "lacalamita", {"charg:object"}, {"lacalamita": 3.0})
              for i, extra in enumerate(["prosecutor", "held without bond", "court hearing", "attempted murder"])]
    for document in shooting + charge:
        document[0].event_days = {day: 1.0}
    settings = Settings(link_threshold=0.2)
    assert len(group(_members(*shooting, *charge), Settings(link_threshold=0.2, split_ratio=0.0))) == 1
    # Each side tight, the two apart: the halves' shape alone would split them. The same person on the same day
    # is one event, reported as the shooting and as the charge.
    assert len(group(_members(*shooting, *charge), settings)) == 1
    # Two people in the same place on the same day are still two events...
    for document in charge:
        document[0].lead, document[0].people = "hiller", {"hiller": 3.0}
    assert len(group(_members(*shooting, *charge), settings)) == 2
    # ... and so is the same person a week apart.
    for document in charge:
        document[0].lead, document[0].people, document[0].event_days = "lacalamita", {"lacalamita": 3.0}, {day + 7: 1.0}
    assert len(group(_members(*shooting, *charge), settings)) == 2


def test_a_story_that_grows_into_two_events_of_one_kind_is_cut_and_keeps_its_id_for_the_first(database):
    from corroborator.store.stories import story_id

    doyle = [
        "The Gulls placed running back Marcus Doyle on injured reserve on Wednesday, ending his season.",
        "Doyle sprained his left knee against the Hawks and the Gulls put him on injured reserve.",
        "Harbor City ends the season of Marcus Doyle: the knee sprain puts the running back on injured reserve.",
        "Running back Doyle goes to injured reserve with a sprained knee, the Gulls said, his third season over.",
    ]
    pratt = [
        "The Gulls placed running back Owen Pratt on injured reserve with a broken ankle before the playoffs.",
        "Pratt broke his ankle in practice, so Harbor City put the running back on injured reserve and signed Burke.",
        "Tom Burke is promoted from the practice squad after the Gulls place Owen Pratt on injured reserve.",
        "A broken ankle sends Pratt to injured reserve; the Gulls bring Burke up from their practice squad.",
    ]
    names = {}
    for hour, (name, body) in enumerate(x for pair in zip(
            [(f"doyle{i}", b) for i, b in enumerate(doyle)], [(f"pratt{i}", t) for i, t in enumerate(pratt)]) for x in pair):
        names[_store(database, name, body, f"2025-12-10T{hour:02d}:00:00+00:00", [], path=name)] = name
    settings = Settings(join_threshold=0.05)
    first = assign_pending(database, settings=settings, group_at_most=0)  # one document at a time, as they came
    # The first report of the second injury joined the first one's story, the only one open; once the story
    # holds three reports of each, it is looked at again and cut in two.
    grouping = {frozenset(names[d] for d in group) for group in _grouping(database)}
    assert grouping == {frozenset(f"doyle{i}" for i in range(4)), frozenset(f"pratt{i}" for i in range(4))}
    assert (first.opened, first.split) == (1, 1)
    founder = next(d for d, name in names.items() if name == "doyle0")
    assert _story_of(database, founder) == story_id(founder)
    assert set(story_record(database, story_id(founder))["documents"]) == {d for d, n in names.items() if n.startswith("doyle")}


def test_two_stories_of_one_event_that_a_later_report_ties_are_merged_and_the_younger_id_still_finds_it(database):
    from corroborator.store.stories import story_id

    texts = {
        "sank0": "A ferry sank in Lusk harbour after striking the breakwater, and divers searched the hull overnight.",
        "sank1": "Divers searched the hull of the ferry that struck the breakwater and sank in Lusk harbour.",
        "rescue0": "The coastguard rescued forty passengers from the cold water; lifeboats brought the survivors ashore.",
        "rescue1": "Forty passengers were rescued by coastguard lifeboats, which brought the survivors ashore before dawn.",
        "both": "A ferry struck the breakwater and sank in Lusk harbour; coastguard lifeboats rescued forty passengers "
                "and brought the survivors ashore while divers searched the hull.",
    }
    names = {}
    for hour, (name, body) in enumerate(texts.items()):
        names[_store(database, name, body, f"2025-12-10T{hour:02d}:00:00+00:00", [], path=name)] = name
    ids = {name: document for document, name in names.items()}
    report = assign_pending(database, settings=Settings(join_threshold=0.2, link_threshold=0.05), group_at_most=0)
    # The sinking and the rescue opened two stories; the report telling both joins one and could join the other.
    assert _grouping(database) == {frozenset(names)}
    assert report.merged == 1
    older, younger = story_id(ids["sank0"]), story_id(ids["rescue0"])
    assert _story_of(database, ids["rescue1"]) == older
    assert story_record(database, younger)["id"] == older  # a kept id of the merged story still finds it
    assert [record.id for record in list_stories(database)] == [older]


def test_two_stories_mainly_about_two_different_people_are_not_one_story():
    from corroborator.stories.cluster import one_story

    words = "Gulls place running back on injured reserve season over knee ankle"
    doyle = [_about(f"doyle{i}", f"{words} {i}", "doyle", {"plac:object"}, {"doyle": 3.0}) for i in range(3)]
    pratt = [_about(f"pratt{i}", f"{words} {i}", "pratt", {"plac:object"}, {"pratt": 3.0}) for i in range(3)]
    settings = Settings(link_threshold=0.1)
    assert not one_story(_members(*doyle[:2]), _members(*pratt[:2]), settings)
    assert one_story(_members(*doyle[:2]), _members(doyle[2]), settings)
    # A story whose reports lead with nobody in particular can be one story with either.
    plain = [_about(f"plain{i}", f"{words} {i}", None, set(), {}) for i in range(2)]
    assert one_story(_members(*doyle), _members(*plain), settings)


def test_two_tight_stories_of_one_kind_are_not_merged_though_a_stray_report_hides_their_halves():
    from corroborator.stories.cluster import divide, one_story

    common = "earthquake struck town collapsed"
    hollin = [_features(f"hollin{i}", f"{common} Hollin bridge rubble school {word}")
              for i, word in enumerate(["pupils", "hospital", "mayor", "church", "market"])]
    stray = _features("appeal", "earthquake appeal charity donations volunteers blankets")
    brask = [_features(f"brask{i}", f"{common} Brask mine flooded miners {word}")
             for i, word in enumerate(["shaft", "union", "owner", "families", "engineers", "divers"])]
    settings = Settings(link_threshold=0.1)
    # The stray report is the last a dendrogram of all twelve adds, so cutting the whole finds nothing to cut ...
    assert len(divide(_members(*hollin, stray, *brask), settings)) == 1
    # ... but the two stories, each tight and far looser together, are two events.
    assert not one_story(_members(*hollin, stray), _members(*brask), settings)
    # Stories too small to be cut themselves are still merged as a recluster would merge them.
    assert one_story(_members(*hollin[:2]), _members(*brask[:2]), settings)


def test_a_story_without_a_headline_is_titled_by_its_first_sentence(database):
    _store(database, "", BRASK, "2025-03-14T07:10:00+00:00", [("Brask", "place", "place:brask")])
    assign_pending(database)
    [story] = list_stories(database)
    # The first sentence (123 characters) cut at a word within 100, and marked as cut.
    assert story.title == "A magnitude 5.7 earthquake hit the mining town of Brask in the Caskell Highlands on Thursday night…"
    assert story_record(database, story.id)["title"] == story.title


def test_a_report_that_came_before_its_persons_story_opened_moves_there_once_its_story_is_anothers(database):
    def report(name: str, hour: int, surname: str, body: str, day: str | None = None) -> None:
        mentions = [(surname, "person", f"person:{surname.lower()}"), (f". {surname}", "person",
                    f"person:{surname.lower()}"), ("Dunmore", "org", "org:dunmore")]
        mentions += [("on Sunday", "date", None, day, "day")] if day else []
        names[_store(database, name, body, f"2025-06-02T{hour:02d}:00:00+00:00", mentions, path=name)] = name

    names: dict[str, str] = {}
    # The witness's death is reported first without its day; the treasurer's reports, which name the day of
    # his death, join the story it opened and make it his.
    report("vell", 0, "Vell", "Vell, the hidden witness of the Dunmore bribery inquiry, has died aged 91. Vell kept "
           "his secret for thirty years and tended roses at his lake house.")
    orrin = [
        "Orrin, the treasurer of the Dunmore bribery inquiry, died on Sunday aged 75. Orrin carried the cash.",
        "The man who carried the cash in the Dunmore bribery affair died on Sunday. Orrin was 75. Orrin testified.",
        "Orrin, who paid the burglars in the Dunmore bribery scandal, was found dead on Sunday in a hotel room. "
        "Orrin was 75.",
        "Dunmore bribery figure Orrin dies at 75 on Sunday; he testified for the prosecution. Orrin was a banker.",
        "Obituary: Orrin, the Dunmore bribery treasurer, died on Sunday. Orrin, 75, served four months in prison.",
    ]
    for i, body in enumerate(orrin[:4]):
        report(f"orrin{i}", 1 + i, "Orrin", body, "2025-06-01")
    # The witness's later reports name the day he died, days earlier: they open a story of his own.
    report("vell1", 5, "Vell", "Vell, the hidden witness of the Dunmore bribery inquiry, died on Sunday aged 91. "
           "Vell kept his secret for thirty years and grew roses.", "2025-05-25")
    report("vell2", 6, "Vell", "Dunmore bribery witness Vell dies at 91 on Sunday. Vell told no one for thirty years "
           "but his roses and his lake house.", "2025-05-25")
    report("orrin4", 7, "Orrin", orrin[4], "2025-06-01")
    assign_pending(database, settings=Settings(join_threshold=0.15), group_at_most=0)
    grouping = {frozenset(names[d] for d in group) for group in _grouping(database)}
    # Looked at again at six reports, the treasurer's story hands the witness's first report to the witness's story.
    assert grouping == {frozenset({"vell", "vell1", "vell2"}), frozenset(f"orrin{i}" for i in range(5))}
