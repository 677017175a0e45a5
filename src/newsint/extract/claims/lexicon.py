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
# Stance and communication verbs whose object or infinitive is the attributed content, as
# attribution corpora annotate them ("called the deal a disaster", "cited a poll", "wants to
# stay", "pledged to rebuild"); kept only with a speaker-like subject.
OBJECT_CUES = frozenset(
    """call cite describe criticize criticise attack mention praise condemn urge support want plan pledge
    promise vow decline refuse seek propose demand blast slam accuse defend dismiss reject welcome
    endorse oppose predict dispute stress highlight question lambaste protest denounce laud tout hail
    applaud outline portray depict label brand dub deem blame credit link warn insist reiterate
    dispute challenge question intend explore examine view document recommend downplay express invoke
    press implore confront promote""".split()
)
# What an object cue's content is made of: its object with the object's predicate ("called the
# charges fabricated"), an infinitive ("urged Congress to act"), and the preposition that carries
# the proposal or the description ("called for a ban", "called on X to resign", "cited X as Y").
OBJECT_CONTENT_DEPS = frozenset({"dobj", "oprd", "xcomp", "ccomp"})
OBJECT_CONTENT_PREPOSITIONS = frozenset({"for", "on", "as"})
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
    ambassador family""".split()
)
# Quotation marks as tokens: curly, straight, and the doubled apostrophes of wire and archive
# text (''like this'').
OPEN_QUOTES = ("“", '"', "‘", "''", "``")
CLOSE_QUOTES = ("”", '"', "’", "''")
QUOTE_ENDS = (*CLOSE_QUOTES, ".")  # a quoted sentence ends with its mark, or its stop outside it
