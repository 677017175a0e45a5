"""The words and marks claims are found by: reporting verbs, the cues that say the author's
stance, nouns for speakers and records, quotation marks."""

from __future__ import annotations

# Reporting verbs (lemmas). Derived from the communication and cognition verbs that attribution
# corpora (PolNeAR, PARC) annotate as cues; "think"/"believe" included, as those corpora do.
CUE_VERBS = frozenset(
    """say tell state claim argue announce add note insist warn stress emphasise emphasize explain report
    write suggest believe think acknowledge admit deny confirm reply respond answer allege assert
    declare predict estimate brief speak accuse charge contend maintain indicate reveal testify tweet
    post conclude complain urge vow promise recall concede caution observe remark comment describe
    disclose inform announce assure boast blame criticize criticise demand propose recommend question
    wonder ask learn hear show find expect fear hope worry know understand agree disagree point signal
    threaten pledge reiterate repeat counter retort quip joke lament acknowledge notify brief mention
    yell shout chant scream whisper exclaim""".split()
)
# Verbs that report only when a quotation follows them ("She continued: “…”"); elsewhere they
# report nothing ("continued to fight").
QUOTE_CUE_VERBS = frozenset({"continue", "go", "begin", "start", "finish", "end", "put"})
# Cues that need a clausal complement to be reporting ("show that …", not "show a film").
CLAUSE_ONLY_CUES = frozenset(
    {
        "show",
        "find",
        "know",
        "understand",
        "learn",
        "hear",
        "expect",
        "hope",
        "fear",
        "worry",
        "agree",
        "think",
        "believe",
        "point",
        "signal",
        "ask",
        "wonder",
        "question",
    }
)
# Cues whose object is what was said about ("spoke about X", "commented on X").
TOPIC_PREPOSITIONS = frozenset({"about", "on", "of"})
# Prepositions that belong to the cue, not to what was said ("spoke about", "called for").
CUE_PREPOSITIONS = TOPIC_PREPOSITIONS | {"for"}
# The author's stance, from the cue: "claimed" keeps a distance, "acknowledged" endorses.
DISTANCING_CUES = frozenset({"claim", "allege", "insist", "purport", "contend", "boast"})
ENDORSING_CUES = frozenset(
    {"acknowledge", "admit", "confirm", "reveal", "show", "point", "concede", "disclose", "learn"}
)
HEDGE_WORDS = frozenset({"apparently", "reportedly", "allegedly", "purportedly", "seemingly", "supposedly"})
# Stance and communication verbs whose object or complement is the attributed content ("called
# the deal a disaster", "cited a poll", "urged Congress to act"); kept only with a speaker-like
# subject. Verbs of intention and action ("plan", "want", "seek", "attack", "support") are not
# here: "Russia is preparing to attack Idlib" and "Syrians have sought refuge" say what someone did
# or meant to do, not what anyone said.
OBJECT_CUES = frozenset(
    """call cite describe criticize criticise mention praise condemn urge propose demand blast slam
    accuse dismiss reject welcome endorse predict dispute stress highlight question lambaste denounce
    laud tout hail applaud portray depict label brand dub deem blame credit warn insist reiterate
    challenge view recommend downplay implore""".split()
)
# Object cues that with a noun phrase alone take a stance towards a thing ("condemned the
# airstrike", "criticised a report") rather than state anything; with a predicate, a proposal or a
# "that" clause they still report ("called the plan a disaster", "disputes the idea that …").
STANCE_CUES = frozenset(
    """condemn praise welcome criticize criticise blast slam lambaste denounce laud tout hail applaud
    blame credit endorse reject dismiss challenge downplay highlight stress mention cite view
    oppose""".split()
)
# Promises and threats are speech acts whose infinitive is what was said ("vowed to retake the
# town", "threatened to strangle the force"); other verbs with their own infinitive state an
# intention or an action of the subject ("planned to spray", "is preparing to attack").
COMMISSIVE_CUES = frozenset({"promise", "vow", "pledge", "threaten", "swear", "offer", "refuse"})
# What an object cue's content is made of: its object with the object's predicate ("called the
# charges fabricated"), an infinitive ("urged Congress to act"), and the preposition that carries
# the proposal or the description ("called for a ban", "called on X to resign", "cited X as Y").
OBJECT_CONTENT_DEPS = frozenset({"dobj", "oprd", "xcomp", "ccomp"})
OBJECT_CONTENT_PREPOSITIONS = frozenset({"for", "on", "as", "of"})
# Records and measurements that "show" or "find" something as a person would say it ("polls show
# Clinton ahead", "the video shows him with his hands in the air").
EVIDENCE_NOUNS = frozenset(
    """poll polls polling survey surveys study studies video videos footage data analysis document documents
    report reports transcript research average averages record records slide figures statistics photo
    photos image images audit review investigation count tally""".split()
)
EVIDENCE_CUES = frozenset({"show", "find", "reveal", "indicate", "suggest"})
# Verbs whose direct object is the topic of what was said ("spoke about 4,000 refugees").
TOPIC_VERBS = frozenset({"speak", "talk", "write", "comment", "testify", "tweet", "post"})
# Nouns for people who can be reported as knowing, finding or believing something.
SPEAKER_NOUNS = frozenset(
    """official officials expert analyst analysts source spokesman spokeswoman spokesperson minister
    president leader diplomat diplomats observer observers researcher researchers scientist investigator
    investigators intelligence agency ministry government authority authorities report study survey poll
    people resident residents witness witnesses activist activists commander officer officers general
    critic critics lawyer lawyers prosecutor prosecutors judge court police military army woman man
    member members voter voters campaign party committee commission council group union company
    administration department office spokesperson aide aides adviser advisers senator lawmaker
    lawmakers governor mayor candidate nominee chairman chairwoman director chief secretary
    ambassador family nation country state regime ministry embassy organisation organization charity
    watchdog observatory monitor coalition alliance militia force forces fighter fighters rebel rebels
    soldier soldiers volunteer volunteers militant militants refugee refugees citizen citizens worker
    workers doctor doctors medic medics journalist journalists reporter reporters editor writer author
    historian professor academic economist commentator newspaper paper statement channel outlet
    network unit insider person mother father parent parents son daughter brother sister wife husband
    friend friends relative relatives child children student victim victims survivor survivors local
    locals villager villagers protester protesters demonstrator demonstrators supporter supporters
    opponent opponents delegate envoy negotiator mediator inspector inspectors pollster group
    groups spokeswoman representative representatives staff agency organiser organisers head
    premier chancellor king queen prince cleric imam priest bishop pope""".split()
)
# Quotation marks as tokens: curly, straight, and the doubled apostrophes of wire and archive
# text (''like this'').
OPEN_QUOTES = ("“", '"', "‘", "''", "``")
CLOSE_QUOTES = ("”", '"', "’", "''")
QUOTE_ENDS = (*CLOSE_QUOTES, ".")  # a quoted sentence ends with its mark, or its stop outside it
