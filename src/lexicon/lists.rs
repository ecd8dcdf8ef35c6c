//! The word lists themselves (generated once, edited by hand since).

use super::{Gender, TitleKind};

/// Words that keep their final period ("Mr.", "Inc.", "Jan."), as written.
#[rustfmt::skip]
pub const ABBREVIATIONS: &[&str] = &[
    "Adm", "Apr", "Aug", "Ave", "Blvd", "Bros", "Capt", "Cmdr", "Co", "Col", "Corp", "Dec", "Dept",
    "Dr", "Feb", "Ft", "Gen", "Gov", "Hon", "Inc", "Jan", "Jr", "Lt", "Ltd", "Maj", "Mr", "Mrs",
    "Ms", "Mt", "No", "Nov", "Oct", "Prof", "Rep", "Rev", "Sen", "Sep", "Sept", "Sgt", "Sr", "St",
    "Supt", "Univ", "approx", "e.g", "etc", "i.e", "vs",
];

/// Abbreviations that precede a name and never end a sentence, as written.
#[rustfmt::skip]
pub const TITLE_ABBREVIATIONS: &[&str] = &[
    "Adm", "Capt", "Cmdr", "Col", "Dr", "Gen", "Gov", "Hon", "Lt", "Maj", "Mr", "Mrs", "Ms", "Mt",
    "No", "Prof", "Rep", "Rev", "Sen", "Sgt", "St", "Supt",
];

/// Capitalised closed-class words that usually start a sentence, as written.
#[rustfmt::skip]
pub const SENTENCE_STARTERS: &[&str] = &[
    "A", "According", "After", "Also", "Although", "An", "And", "As", "At", "Before", "But", "By",
    "Despite", "During", "Each", "Even", "For", "From", "He", "Her", "Here", "His", "How",
    "However", "I", "If", "In", "It", "Its", "Many", "Meanwhile", "More", "Most", "My", "No", "Not",
    "Now", "On", "One", "Our", "Over", "She", "Since", "So", "Some", "Such", "That", "The", "Their",
    "Then", "There", "These", "They", "This", "Those", "Though", "Thus", "To", "Two", "Under",
    "Until", "We", "What", "When", "Where", "Which", "While", "Who", "Why", "With", "Yet", "You",
];

/// English function words (determiners, pronouns, prepositions, conjunctions, auxiliaries).
#[rustfmt::skip]
pub const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "above", "after", "against", "all", "along", "also", "although", "am", "among",
    "an", "and", "any", "are", "aren't", "around", "as", "at", "be", "been", "before", "behind",
    "being", "below", "between", "both", "but", "by", "can", "can't", "could", "couldn't", "did",
    "didn't", "do", "does", "doesn't", "don't", "down", "during", "each", "either", "for", "from",
    "had", "hadn't", "has", "hasn't", "have", "haven't", "he", "he'd", "he'll", "he's", "her",
    "here", "here's", "hers", "him", "his", "how", "i", "i'd", "i'll", "i'm", "i've", "if", "in",
    "into", "is", "isn't", "it", "it's", "its", "just", "let's", "may", "me", "might", "mine",
    "more", "most", "must", "my", "near", "neither", "no", "nor", "not", "of", "off", "on", "once",
    "only", "onto", "or", "our", "ours", "out", "over", "per", "shall", "she", "she'd", "she'll",
    "she's", "should", "shouldn't", "since", "so", "some", "such", "than", "that", "that's", "the",
    "their", "theirs", "them", "then", "there", "there's", "these", "they", "they'd", "they'll",
    "they're", "they've", "this", "those", "though", "through", "till", "to", "too", "toward",
    "towards", "under", "until", "up", "upon", "us", "via", "was", "wasn't", "we", "we'd", "we'll",
    "we're", "we've", "were", "weren't", "what", "what's", "when", "where", "whether", "which",
    "while", "who", "who's", "whom", "whose", "why", "will", "with", "within", "without", "won't",
    "would", "wouldn't", "yet", "you", "you'd", "you'll", "you're", "you've", "your", "yours",
];

/// Masculine personal pronouns.
#[rustfmt::skip]
pub const PRONOUNS_MALE: &[&str] = &[
    "he", "him", "himself", "his",
];

/// Feminine personal pronouns.
#[rustfmt::skip]
pub const PRONOUNS_FEMALE: &[&str] = &[
    "her", "hers", "herself", "she",
];

/// Days of the week.
#[rustfmt::skip]
pub const WEEKDAYS: &[&str] = &[
    "friday", "monday", "saturday", "sunday", "thursday", "tuesday", "wednesday",
];

/// Months.
#[rustfmt::skip]
pub const MONTHS: &[&str] = &[
    "april", "august", "december", "february", "january", "july", "june", "march", "may",
    "november", "october", "september",
];

/// Nouns that name a meeting or talks.
#[rustfmt::skip]
pub const MEETING_NOUNS: &[&str] = &[
    "assembly", "conference", "conferences", "consultations", "dialog", "dialogue", "discussions",
    "encounter", "gathering", "get-together", "huddle", "meeting", "meetings", "negotiation",
    "negotiations", "parley", "session", "sessions", "sit-down", "summit", "talks",
];

/// Words that make a conversation a phone call.
#[rustfmt::skip]
pub const PHONE_WORDS: &[&str] = &[
    "call", "calls", "cellphone", "phone", "phone-call", "telephone", "video-call",
    "videoconference",
];

/// Nouns that name a trip to a place ("a visit to P by X").
#[rustfmt::skip]
pub const VISIT_NOUNS: &[&str] = &[
    "go", "journey", "tour", "travel", "trip", "trips", "visit", "visits",
];

/// Verbs of meeting ("X met Y").
#[rustfmt::skip]
pub const MEET_VERBS: &[&str] = &[
    "host", "hosted", "hosting", "hosts", "meet", "meeting", "meets", "met", "received", "receives",
];

/// Kinship terms ("Y's son-in-law X").
#[rustfmt::skip]
pub const KIN_TERMS: &[&str] = &[
    "aunt", "brother", "brother-in-law", "cousin", "daughter", "daughter-in-law", "father",
    "father-in-law", "fiance", "fiancee", "fiancé", "fiancée", "granddaughter", "grandfather",
    "grandmother", "grandson", "half-brother", "half-sister", "husband", "mother", "mother-in-law",
    "nephew", "niece", "sister", "sister-in-law", "son", "son-in-law", "spouse", "stepdaughter",
    "stepfather", "stepmother", "stepson", "twin", "uncle", "widow", "widower", "wife",
];

/// Verbs (all forms) that attribute speech: "said", "stated", "told", "instructed", …
#[rustfmt::skip]
pub const REPORTING_VERBS: &[&str] = &[
    "acknowledge", "acknowledged", "acknowledges", "add", "added", "adding", "adds", "admit",
    "admits", "admitted", "announce", "announced", "announces", "answer", "answered", "answers",
    "argue", "argued", "argues", "ask", "asked", "asks", "assert", "asserted", "asserts", "assure",
    "assured", "assures", "began", "begin", "begins", "boast", "boasted", "boasts", "caution",
    "cautioned", "cautions", "claim", "claimed", "claims", "clarified", "clarifies", "clarify",
    "comment", "commented", "comments", "complain", "complained", "complains", "concede",
    "conceded", "concedes", "conclude", "concluded", "concludes", "confirm", "confirmed",
    "confirms", "contend", "contended", "contends", "continue", "continued", "continues", "counter",
    "countered", "counters", "declare", "declared", "declares", "describe", "described",
    "describes", "emphasise", "emphasised", "emphasises", "emphasize", "emphasized", "emphasizes",
    "exclaim", "exclaimed", "exclaims", "explain", "explained", "explains", "highlight",
    "highlighted", "highlights", "inform", "informed", "informs", "insist", "insisted", "insists",
    "instruct", "instructed", "instructs", "joke", "joked", "jokes", "lament", "lamented",
    "laments", "maintain", "maintained", "maintains", "mention", "mentioned", "mentions", "note",
    "noted", "notes", "observe", "observed", "observes", "post", "posted", "posts", "predict",
    "predicted", "predicts", "promise", "promised", "promises", "quip", "quipped", "quips", "quote",
    "quoted", "reason", "reasoned", "reasons", "recall", "recalled", "recalls", "recount",
    "recounted", "recounts", "reiterate", "reiterated", "reiterates", "remark", "remarked",
    "remarks", "replied", "replies", "reply", "report", "reported", "reports", "respond",
    "responded", "responds", "retort", "retorted", "retorts", "reveal", "revealed", "reveals",
    "said", "say", "saying", "says", "shout", "shouted", "shouts", "speaking", "speaks", "spoke",
    "state", "stated", "states", "stating", "stress", "stressed", "stresses", "suggest",
    "suggested", "suggests", "tell", "telling", "tells", "testified", "testifies", "testify",
    "told", "tweet", "tweeted", "tweets", "underline", "underlined", "underlines", "urge", "urged",
    "urges", "vow", "vowed", "vows", "warn", "warned", "warns", "wonder", "wondered", "wonders",
    "write", "writes", "writing", "written", "wrote",
];

/// Last words of organisation names ("Party", "University", "Times").
#[rustfmt::skip]
pub const ORG_HEADS: &[&str] = &[
    "academy", "administration", "agency", "airline", "airlines", "airways", "alliance", "army",
    "assembly", "association", "authority", "bancorp", "bank", "board", "brigade", "bureau",
    "cabinet", "caucus", "center", "centre", "church", "club", "co.", "coalition", "college",
    "commission", "committee", "company", "conference", "congress", "corp", "corp.", "corporation",
    "council", "court", "courts", "department", "directorate", "division", "embassy", "enterprises",
    "exchange", "faculty", "federation", "force", "forces", "foundation", "front", "fund",
    "gazette", "government", "group", "guard", "herald", "holdings", "hospital", "inc", "inc.",
    "industries", "institute", "institution", "journal", "laboratories", "laboratory", "labs",
    "league", "limited", "ltd", "ltd.", "magazine", "media", "ministry", "mission", "monitor",
    "motors", "movement", "navy", "network", "news", "newspaper", "observatory", "office",
    "organisation", "organization", "paper", "parliament", "partners", "partnership", "party",
    "police", "polytechnic", "post", "press", "radio", "railway", "railways", "records", "regiment",
    "register", "republicans", "reserve", "review", "school", "secretariat", "securities", "senate",
    "service", "services", "society", "software", "studio", "studios", "systems", "team",
    "technologies", "telegraph", "television", "times", "tribunal", "tribune", "trust", "union",
    "university",
];

/// Last words of place names that are not GPEs ("River", "Hall", "Region").
#[rustfmt::skip]
pub const LOC_HEADS: &[&str] = &[
    "airport", "arena", "avenue", "basin", "bay", "beach", "boulevard", "bridge", "building",
    "campus", "canal", "canyon", "cape", "castle", "cathedral", "cave", "cemetery", "coast",
    "county", "creek", "dam", "desert", "district", "falls", "field", "fjord", "forest", "garden",
    "gardens", "gate", "glacier", "gulf", "hall", "harbor", "harbour", "heights", "highway", "hill",
    "hills", "hotel", "island", "islands", "isle", "lake", "lane", "lighthouse", "mall", "memorial",
    "monument", "mosque", "mountain", "mountains", "ocean", "palace", "park", "pass", "peak",
    "peninsula", "pier", "plain", "plains", "plateau", "plaza", "port", "prison", "province",
    "range", "reef", "region", "river", "road", "sea", "shore", "shrine", "square", "stadium",
    "station", "strait", "street", "synagogue", "temple", "tower", "towers", "township", "trail",
    "valley", "volcano", "woods", "zoo",
];

/// Prepositions that introduce a place.
#[rustfmt::skip]
pub const PLACE_PREPOSITIONS: &[&str] = &[
    "across", "around", "at", "from", "in", "inside", "into", "near", "outside", "throughout", "to",
    "toward", "towards", "via",
];

/// Nouns for a group of people acting together ("delegation", "negotiators").
#[rustfmt::skip]
pub const GROUP_NOUNS: &[&str] = &[
    "delegates", "delegation", "delegations", "diplomats", "envoys", "negotiators", "officers",
    "officials", "representatives", "side", "team", "teams",
];

/// Titles of national leaders (first word).
#[rustfmt::skip]
pub const LEADER_TITLES: &[&str] = &[
    "chancellor", "head", "king", "leader", "leaders", "premier", "president", "prime", "queen",
];

/// Words that put an event in the future ("will", "scheduled", "next").
#[rustfmt::skip]
pub const FUTURE_CUES: &[&str] = &[
    "anticipated", "could", "due", "expected", "later", "may", "might", "next", "plan", "planned",
    "planning", "plans", "scheduled", "set", "shall", "tomorrow", "upcoming", "will", "would",
];

/// Last words of event names ("World Cup", "Lantern Festival"): not people, places or organisations.
#[rustfmt::skip]
pub const EVENT_HEADS: &[&str] = &[
    "award", "awards", "championship", "championships", "crisis", "cup", "cups", "day", "election",
    "elections", "expo", "fair", "festival", "games", "marathon", "massacre", "olympics", "open",
    "paralympics", "prize", "referendum", "revolution", "series", "summit", "tournament", "war",
    "wars", "week",
];

/// First words of named storms and operations ("Cyclone Phailin").
#[rustfmt::skip]
pub const EVENT_PREFIXES: &[&str] = &[
    "cyclone", "hurricane", "operation", "storm", "tropical", "typhoon",
];

/// Words that name a person's title, role or occupation, with the kind of title
/// and the gender it implies, if any.
#[rustfmt::skip]
pub const TITLES: &[(&str, TitleKind, Option<Gender>)] = &[
    ("activist", TitleKind::Occupation, None),
    ("actor", TitleKind::Occupation, Some(Gender::Male)),
    ("actress", TitleKind::Occupation, Some(Gender::Female)),
    ("admiral", TitleKind::Role, None),
    ("adviser", TitleKind::Role, None),
    ("advisor", TitleKind::Role, None),
    ("aide", TitleKind::Role, None),
    ("alderman", TitleKind::Role, None),
    ("ambassador", TitleKind::Role, None),
    ("analyst", TitleKind::Occupation, None),
    ("anchor", TitleKind::Occupation, None),
    ("archbishop", TitleKind::Role, None),
    ("architect", TitleKind::Occupation, None),
    ("artist", TitleKind::Occupation, None),
    ("astronaut", TitleKind::Occupation, None),
    ("athlete", TitleKind::Occupation, None),
    ("attorney", TitleKind::Role, None),
    ("aunt", TitleKind::Occupation, Some(Gender::Female)),
    ("author", TitleKind::Occupation, None),
    ("banker", TitleKind::Occupation, None),
    ("bartender", TitleKind::Occupation, None),
    ("bassist", TitleKind::Occupation, None),
    ("biologist", TitleKind::Occupation, None),
    ("bishop", TitleKind::Role, None),
    ("blogger", TitleKind::Occupation, None),
    ("boss", TitleKind::Occupation, None),
    ("boxer", TitleKind::Occupation, None),
    ("brother", TitleKind::Occupation, Some(Gender::Male)),
    ("businessman", TitleKind::Occupation, Some(Gender::Male)),
    ("businesswoman", TitleKind::Occupation, Some(Gender::Female)),
    ("campaigner", TitleKind::Occupation, None),
    ("candidate", TitleKind::Occupation, None),
    ("captain", TitleKind::Role, None),
    ("cardinal", TitleKind::Role, Some(Gender::Male)),
    ("cartoonist", TitleKind::Occupation, None),
    ("ceo", TitleKind::Role, None),
    ("chair", TitleKind::Role, None),
    ("chairman", TitleKind::Role, Some(Gender::Male)),
    ("chairperson", TitleKind::Role, None),
    ("chairwoman", TitleKind::Role, Some(Gender::Female)),
    ("challenger", TitleKind::Occupation, None),
    ("chancellor", TitleKind::Role, None),
    ("chef", TitleKind::Occupation, None),
    ("chemist", TitleKind::Occupation, None),
    ("chief", TitleKind::Role, None),
    ("citizen", TitleKind::Occupation, None),
    ("co-founder", TitleKind::Role, None),
    ("co-owner", TitleKind::Role, None),
    ("coach", TitleKind::Role, None),
    ("colonel", TitleKind::Role, None),
    ("columnist", TitleKind::Occupation, None),
    ("comedian", TitleKind::Occupation, None),
    ("commander", TitleKind::Role, None),
    ("commentator", TitleKind::Occupation, None),
    ("commissioner", TitleKind::Role, None),
    ("congressman", TitleKind::Role, Some(Gender::Male)),
    ("congresswoman", TitleKind::Role, Some(Gender::Female)),
    ("correspondent", TitleKind::Occupation, None),
    ("councillor", TitleKind::Role, None),
    ("councilman", TitleKind::Role, Some(Gender::Male)),
    ("councilor", TitleKind::Role, None),
    ("councilwoman", TitleKind::Role, Some(Gender::Female)),
    ("counsel", TitleKind::Role, None),
    ("cousin", TitleKind::Occupation, None),
    ("critic", TitleKind::Occupation, None),
    ("cyclist", TitleKind::Occupation, None),
    ("dame", TitleKind::Honorific, Some(Gender::Female)),
    ("daughter", TitleKind::Occupation, Some(Gender::Female)),
    ("dean", TitleKind::Role, None),
    ("defendant", TitleKind::Occupation, None),
    ("defender", TitleKind::Occupation, None),
    ("delegate", TitleKind::Role, None),
    ("deputy", TitleKind::Role, None),
    ("designer", TitleKind::Occupation, None),
    ("developer", TitleKind::Occupation, None),
    ("diplomat", TitleKind::Role, None),
    ("director", TitleKind::Role, None),
    ("doctor", TitleKind::Occupation, None),
    ("dr", TitleKind::Honorific, None),
    ("driver", TitleKind::Occupation, None),
    ("drummer", TitleKind::Occupation, None),
    ("economist", TitleKind::Occupation, None),
    ("editor", TitleKind::Occupation, None),
    ("emir", TitleKind::Role, Some(Gender::Male)),
    ("emperor", TitleKind::Role, Some(Gender::Male)),
    ("employee", TitleKind::Occupation, None),
    ("empress", TitleKind::Role, Some(Gender::Female)),
    ("engineer", TitleKind::Occupation, None),
    ("entrepreneur", TitleKind::Occupation, None),
    ("envoy", TitleKind::Role, None),
    ("executive", TitleKind::Role, None),
    ("expert", TitleKind::Occupation, None),
    ("fan", TitleKind::Occupation, None),
    ("farmer", TitleKind::Occupation, None),
    ("father", TitleKind::Occupation, Some(Gender::Male)),
    ("filmmaker", TitleKind::Occupation, None),
    ("founder", TitleKind::Role, None),
    ("frau", TitleKind::Honorific, Some(Gender::Female)),
    ("general", TitleKind::Role, None),
    ("goalkeeper", TitleKind::Occupation, None),
    ("golfer", TitleKind::Occupation, None),
    ("governor", TitleKind::Role, None),
    ("governor-general", TitleKind::Role, None),
    ("grandfather", TitleKind::Occupation, Some(Gender::Male)),
    ("grandmother", TitleKind::Occupation, Some(Gender::Female)),
    ("guitarist", TitleKind::Occupation, None),
    ("head", TitleKind::Role, None),
    ("herr", TitleKind::Honorific, Some(Gender::Male)),
    ("historian", TitleKind::Occupation, None),
    ("host", TitleKind::Occupation, None),
    ("husband", TitleKind::Occupation, Some(Gender::Male)),
    ("imam", TitleKind::Role, Some(Gender::Male)),
    ("investor", TitleKind::Occupation, None),
    ("jockey", TitleKind::Occupation, None),
    ("journalist", TitleKind::Occupation, None),
    ("judge", TitleKind::Role, None),
    ("justice", TitleKind::Role, None),
    ("king", TitleKind::Role, Some(Gender::Male)),
    ("lady", TitleKind::Honorific, Some(Gender::Female)),
    ("lawmaker", TitleKind::Role, None),
    ("lawyer", TitleKind::Occupation, None),
    ("leader", TitleKind::Role, None),
    ("legislator", TitleKind::Role, None),
    ("lieutenant", TitleKind::Role, None),
    ("lord", TitleKind::Honorific, Some(Gender::Male)),
    ("madam", TitleKind::Honorific, Some(Gender::Female)),
    ("madame", TitleKind::Honorific, Some(Gender::Female)),
    ("major", TitleKind::Role, None),
    ("manager", TitleKind::Role, None),
    ("marshal", TitleKind::Role, None),
    ("mathematician", TitleKind::Occupation, None),
    ("mayor", TitleKind::Role, None),
    ("member", TitleKind::Occupation, None),
    ("midfielder", TitleKind::Occupation, None),
    ("minister", TitleKind::Role, None),
    ("miss", TitleKind::Honorific, Some(Gender::Female)),
    ("mister", TitleKind::Honorific, Some(Gender::Male)),
    ("monsieur", TitleKind::Honorific, Some(Gender::Male)),
    ("mother", TitleKind::Occupation, Some(Gender::Female)),
    ("mp", TitleKind::Role, None),
    ("mr", TitleKind::Honorific, Some(Gender::Male)),
    ("mrs", TitleKind::Honorific, Some(Gender::Female)),
    ("ms", TitleKind::Honorific, Some(Gender::Female)),
    ("musician", TitleKind::Occupation, None),
    ("negotiator", TitleKind::Role, None),
    ("nephew", TitleKind::Occupation, Some(Gender::Male)),
    ("niece", TitleKind::Occupation, Some(Gender::Female)),
    ("novelist", TitleKind::Occupation, None),
    ("officer", TitleKind::Occupation, None),
    ("official", TitleKind::Occupation, None),
    ("organiser", TitleKind::Occupation, None),
    ("organizer", TitleKind::Occupation, None),
    ("owner", TitleKind::Role, None),
    ("pastor", TitleKind::Role, None),
    ("photographer", TitleKind::Occupation, None),
    ("physician", TitleKind::Occupation, None),
    ("physicist", TitleKind::Occupation, None),
    ("pilot", TitleKind::Occupation, None),
    ("pitcher", TitleKind::Occupation, None),
    ("plaintiff", TitleKind::Occupation, None),
    ("player", TitleKind::Occupation, None),
    ("poet", TitleKind::Occupation, None),
    ("pollster", TitleKind::Occupation, None),
    ("pope", TitleKind::Role, Some(Gender::Male)),
    ("premier", TitleKind::Role, None),
    ("presenter", TitleKind::Occupation, None),
    ("president", TitleKind::Role, None),
    ("president-elect", TitleKind::Role, None),
    ("prince", TitleKind::Role, Some(Gender::Male)),
    ("princess", TitleKind::Role, Some(Gender::Female)),
    ("principal", TitleKind::Role, None),
    ("producer", TitleKind::Occupation, None),
    ("prof", TitleKind::Honorific, None),
    ("professor", TitleKind::Honorific, None),
    ("programmer", TitleKind::Occupation, None),
    ("prosecutor", TitleKind::Role, None),
    ("provost", TitleKind::Role, None),
    ("publisher", TitleKind::Occupation, None),
    ("quarterback", TitleKind::Occupation, None),
    ("queen", TitleKind::Role, Some(Gender::Female)),
    ("rabbi", TitleKind::Role, None),
    ("racer", TitleKind::Occupation, None),
    ("rapper", TitleKind::Occupation, None),
    ("rector", TitleKind::Role, None),
    ("reporter", TitleKind::Occupation, None),
    ("representative", TitleKind::Role, None),
    ("researcher", TitleKind::Occupation, None),
    ("resident", TitleKind::Occupation, None),
    ("reverend", TitleKind::Role, None),
    ("rival", TitleKind::Occupation, None),
    ("runner", TitleKind::Occupation, None),
    ("scholar", TitleKind::Occupation, None),
    ("scientist", TitleKind::Occupation, None),
    ("secretary", TitleKind::Role, None),
    ("secretary-general", TitleKind::Role, None),
    ("senator", TitleKind::Role, None),
    ("senor", TitleKind::Honorific, Some(Gender::Male)),
    ("senora", TitleKind::Honorific, Some(Gender::Female)),
    ("sergeant", TitleKind::Role, None),
    ("señor", TitleKind::Honorific, Some(Gender::Male)),
    ("señora", TitleKind::Honorific, Some(Gender::Female)),
    ("sheikh", TitleKind::Role, Some(Gender::Male)),
    ("sheriff", TitleKind::Role, None),
    ("singer", TitleKind::Occupation, None),
    ("sir", TitleKind::Honorific, Some(Gender::Male)),
    ("sister", TitleKind::Occupation, Some(Gender::Female)),
    ("skier", TitleKind::Occupation, None),
    ("soldier", TitleKind::Occupation, None),
    ("son", TitleKind::Occupation, Some(Gender::Male)),
    ("specialist", TitleKind::Occupation, None),
    ("spokesman", TitleKind::Role, Some(Gender::Male)),
    ("spokesperson", TitleKind::Role, None),
    ("spokeswoman", TitleKind::Role, Some(Gender::Female)),
    ("staffer", TitleKind::Occupation, None),
    ("strategist", TitleKind::Occupation, None),
    ("striker", TitleKind::Occupation, None),
    ("student", TitleKind::Occupation, None),
    ("sultan", TitleKind::Role, Some(Gender::Male)),
    ("survivor", TitleKind::Occupation, None),
    ("suspect", TitleKind::Occupation, None),
    ("swimmer", TitleKind::Occupation, None),
    ("teacher", TitleKind::Occupation, None),
    ("trainer", TitleKind::Occupation, None),
    ("treasurer", TitleKind::Role, None),
    ("uncle", TitleKind::Occupation, Some(Gender::Male)),
    ("undersecretary", TitleKind::Role, None),
    ("veteran", TitleKind::Occupation, None),
    ("vice-president", TitleKind::Role, None),
    ("victim", TitleKind::Occupation, None),
    ("vocalist", TitleKind::Occupation, None),
    ("volunteer", TitleKind::Occupation, None),
    ("webcomic", TitleKind::Occupation, None),
    ("widow", TitleKind::Occupation, Some(Gender::Female)),
    ("wife", TitleKind::Occupation, Some(Gender::Female)),
    ("witness", TitleKind::Occupation, None),
    ("worker", TitleKind::Occupation, None),
    ("wrestler", TitleKind::Occupation, None),
    ("writer", TitleKind::Occupation, None),
];
