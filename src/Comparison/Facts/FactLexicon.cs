using System.Collections.Frozen;

namespace Comparison.Facts;

/// <summary>Lexicon classes of a word; a word may belong to several.</summary>
[Flags]
internal enum WordClass : uint
{
    None = 0,

    /// <summary>A cardinal number word (<c>two</c>, <c>twenty</c>); value = the number.</summary>
    NumberWord = 1u << 0,

    /// <summary>A multiplier (<c>hundred</c>, <c>million</c>, <c>dozen</c>); value = the factor.</summary>
    Scale = 1u << 1,

    /// <summary>A month name or abbreviation; value = 1..12.</summary>
    Month = 1u << 2,

    /// <summary>A weekday; value = <see cref="DayOfWeek"/>.</summary>
    Weekday = 1u << 3,

    /// <summary>today, yesterday, tomorrow, tonight; value = offset in days from the publication date.</summary>
    RelativeDay = 1u << 4,

    /// <summary>A function word that never belongs to a counted noun.</summary>
    Stop = 1u << 5,

    /// <summary>An auxiliary verb (was, is, have, will...).</summary>
    Auxiliary = 1u << 6,

    /// <summary>Marks a future-tense clause (will, shall, upcoming...).</summary>
    Future = 1u << 7,

    /// <summary>An irregular past-tense verb (said, spoke, met...).</summary>
    Past = 1u << 8,

    /// <summary>A verb of reporting (said, told, added...).</summary>
    Reporting = 1u << 9,

    /// <summary>A word saying someone died (killed, dead, fatally...).</summary>
    Killed = 1u << 10,

    /// <summary>A word saying someone was hurt but not killed (injured, wounded...).</summary>
    Injured = 1u << 11,

    /// <summary>A word saying someone was shot (outcome not given).</summary>
    Shot = 1u << 12,

    /// <summary>A title or role before a name (President, spokesman, Sgt...).</summary>
    Title = 1u << 13,

    /// <summary>A unit of duration; value = its length in days.</summary>
    DurationUnit = 1u << 14,

    /// <summary>A personal pronoun that can stand for a speaker.</summary>
    Pronoun = 1u << 15,

    /// <summary>A common verb (present or past) that ends a noun phrase.</summary>
    Verb = 1u << 16,

    /// <summary>A noun that counts people (people, men, victims...).</summary>
    Person = 1u << 17,

    /// <summary>A word that names an organisation when it ends a capitalised name (Council, Department...).</summary>
    OrganisationHead = 1u << 18,

    /// <summary>An abbreviation that takes a period without ending the sentence (Mr., Dec., U.S.).</summary>
    Abbreviation = 1u << 19,

    /// <summary>A word that may be capitalised at the start of a sentence without being a name.</summary>
    CommonCapital = 1u << 20,

    /// <summary>A word that can open a relative date (this, last, next, earlier...).</summary>
    DateCue = 1u << 21,

    /// <summary><c>himself</c>, <c>herself</c>, <c>life</c>: where a shooter's own death may be told ("turned the gun on himself", "took his own life").</summary>
    SelfCue = 1u << 22,
}

/// <summary>The small English lexicon behind the fact scanners. Lookups are case-insensitive and allocation-free.</summary>
internal static class FactLexicon
{
    private static readonly FrozenDictionary<string, (WordClass Classes, double Value)> Entries = Build();

    /// <summary>
    /// Bit (length * 32 + first letter) is set when some entry has that length and first letter: most words of
    /// a text are not in the lexicon, and this rules them out before any hashing.
    /// </summary>
    private static readonly ulong[] Prefilter = BuildPrefilter();

    /// <summary>Span lookup into <see cref="Entries"/> (no string per token), for the words <see cref="Short"/> does not hold.</summary>
    private static readonly FrozenDictionary<string, (WordClass Classes, double Value)>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Entries.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The ASCII keys of at most eight characters, lower-cased and packed one byte a character into a ulong, in an
    /// open-addressing table with a fixed multiplicative hash: most words of a text are that short, and a probe is
    /// one multiply and one comparison instead of a case-insensitive string hash and compare. 0 marks an empty slot.
    /// </summary>
    private static readonly (ulong[] Keys, (WordClass Classes, double Value)[] Values, int Shift) ShortTable = BuildShort();

    private static readonly ulong[] Short = ShortTable.Keys;

    private static readonly (WordClass Classes, double Value)[] ShortValues = ShortTable.Values;

    private static readonly int ShortShift = ShortTable.Shift;

    private static (ulong[] Keys, (WordClass Classes, double Value)[] Values, int Shift) BuildShort()
    {
        var keys = new List<(ulong Key, (WordClass, double) Value)>();
        foreach (var (key, value) in Entries)
        {
            if (Pack(key) is { } packed)
            {
                keys.Add((packed, value));
            }
        }

        int bits = 4;
        while ((1 << bits) < keys.Count * 4)
        {
            bits++;
        }

        int shift = 64 - bits;
        var table = new ulong[1 << bits];
        var values = new (WordClass, double)[1 << bits];
        foreach (var (key, value) in keys)
        {
            int slot = (int)((key * 0x9E3779B97F4A7C15UL) >> shift);
            while (table[slot] != 0)
            {
                slot = (slot + 1) & (table.Length - 1);
            }

            table[slot] = key;
            values[slot] = value;
        }

        return (table, values, shift);
    }

    /// <summary>Looks a word up; unknown words give <see cref="WordClass.None"/>.</summary>
    public static (WordClass Classes, double Value) Find(ReadOnlySpan<char> word)
    {
        if (word.Length is 0 or > 24)
        {
            return default;
        }

        int bit = (word.Length * 32) + (word[0] | 0x20) % 32;
        if ((Prefilter[bit >> 6] & (1UL << (bit & 63))) == 0)
        {
            return default;
        }

        if (Pack(word) is not { } key)
        {
            return Lookup.TryGetValue(word, out var entry) ? entry : default;
        }

        for (int slot = (int)((key * 0x9E3779B97F4A7C15UL) >> ShortShift); ; slot = (slot + 1) & (Short.Length - 1))
        {
            ulong k = Short[slot];
            if (k == key)
            {
                return ShortValues[slot];
            }

            if (k == 0)
            {
                return default;
            }
        }
    }

    /// <summary>Every key of the lexicon (for tests).</summary>
    internal static IEnumerable<string> Words => Entries.Keys;

    /// <summary>The plain case-insensitive dictionary lookup that <see cref="Find"/> must agree with (for tests).</summary>
    internal static (WordClass Classes, double Value) FindInDictionary(ReadOnlySpan<char> word) => Lookup.TryGetValue(word, out var entry) ? entry : default;

    /// <summary>An ASCII word of one to eight characters, lower-cased, one byte a character; null for any other.</summary>
    private static ulong? Pack(ReadOnlySpan<char> word)
    {
        if (word.Length is 0 or > 8)
        {
            return null;
        }

        ulong key = 0;
        for (int i = 0; i < word.Length; i++)
        {
            uint c = word[i];
            if (c - 'A' <= 'Z' - 'A')
            {
                c |= 0x20;
            }
            else if (c is 0 or >= 128)
            {
                return null;
            }

            key |= (ulong)c << (8 * i);
        }

        return key;
    }

    private static ulong[] BuildPrefilter()
    {
        var bits = new ulong[(25 * 32 / 64) + 1];
        foreach (string key in Entries.Keys)
        {
            if (key.Length is > 0 and <= 24)
            {
                int bit = (key.Length * 32) + (key[0] | 0x20) % 32;
                bits[bit >> 6] |= 1UL << (bit & 63);
            }
        }

        return bits;
    }

    private static FrozenDictionary<string, (WordClass, double)> Build()
    {
        var d = new Dictionary<string, (WordClass, double)>(StringComparer.OrdinalIgnoreCase);

        void Add(WordClass c, double value, params string[] words)
        {
            foreach (string w in words)
            {
                d[w] = d.TryGetValue(w, out var old) ? (old.Item1 | c, (c & (WordClass.NumberWord | WordClass.Scale | WordClass.Month | WordClass.Weekday | WordClass.RelativeDay | WordClass.DurationUnit)) != 0 ? value : old.Item2) : (c, value);
            }
        }

        string[] units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
        for (int i = 0; i < units.Length; i++)
        {
            Add(WordClass.NumberWord, i, units[i]);
        }

        string[] tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
        for (int i = 0; i < tens.Length; i++)
        {
            Add(WordClass.NumberWord, (i + 2) * 10, tens[i]);
        }

        Add(WordClass.NumberWord, 0, "no", "none");
        Add(WordClass.NumberWord, 6, "half-dozen");
        Add(WordClass.NumberWord, 2, "both", "pair", "couple");
        Add(WordClass.Scale, 12, "dozen", "dozens");
        Add(WordClass.Scale, 100, "hundred", "hundreds");
        Add(WordClass.Scale, 1_000, "thousand", "thousands");
        Add(WordClass.Scale, 1_000_000, "million", "millions", "mln");
        Add(WordClass.Scale, 1_000_000_000, "billion", "billions", "bln", "bn");
        Add(WordClass.Scale, 1_000_000_000_000, "trillion", "trillions");

        string[][] months =
        [
            ["January", "Jan"], ["February", "Feb"], ["March", "Mar"], ["April", "Apr"], ["May"], ["June", "Jun"],
            ["July", "Jul"], ["August", "Aug"], ["September", "Sept", "Sep"], ["October", "Oct"], ["November", "Nov"], ["December", "Dec"],
        ];
        for (int i = 0; i < months.Length; i++)
        {
            Add(WordClass.Month, i + 1, months[i]);
        }

        string[][] weekdays =
        [
            ["Sunday", "Sun"], ["Monday", "Mon"], ["Tuesday", "Tue", "Tues"], ["Wednesday", "Wed"], ["Thursday", "Thu", "Thurs"], ["Friday", "Fri"], ["Saturday", "Sat"],
        ];
        for (int i = 0; i < weekdays.Length; i++)
        {
            Add(WordClass.Weekday, i, weekdays[i][0]);
        }

        Add(WordClass.DateCue, 0, "this", "last", "past", "next", "coming", "earlier", "later", "early", "late");
        Add(WordClass.RelativeDay, 0, "today", "tonight");
        Add(WordClass.RelativeDay, -1, "yesterday");
        Add(WordClass.RelativeDay, 1, "tomorrow");

        Add(WordClass.Stop, 0,
            "a", "an", "the", "of", "in", "on", "at", "to", "for", "with", "and", "or", "but", "by", "from", "as", "that", "which", "who", "whom",
            "whose", "there", "here", "this", "these", "those", "it", "its", "their", "his", "her", "our", "your", "my", "near", "along", "around",
            "after", "before", "during", "over", "under", "into", "onto", "than", "then", "while", "when", "where", "since", "until", "about",
            "across", "against", "among", "between", "inside", "outside", "through", "toward", "towards", "per", "each", "every", "all", "some",
            "if", "so", "because", "though", "although", "also", "not", "only", "just", "more", "most", "less", "least", "other", "such", "what",
            "how", "why", "up", "down", "out", "off", "ago", "later", "earlier", "last", "next", "this", "early", "late", "now", "yet", "still",
            "including", "like", "within", "without", "amid", "via", "upon", "beyond", "behind", "above", "below", "beside", "besides", "nearly",
            "almost", "roughly", "approximately", "least", "up", "nor", "either", "neither", "whether", "i", "you", "he", "she", "we", "they",
            "them", "him", "us", "me", "one's", "themselves", "himself", "herself", "itself", "again", "even", "very", "too", "own", "same",
            "respectively", "total", "aged", "ages");

        Add(WordClass.Auxiliary | WordClass.Verb, 0,
            "was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "will", "would", "shall", "should", "can", "could", "may",
            "might", "must", "do", "does", "did", "am", "'s", "'re", "'ve", "'ll", "'d", "won't", "wasn't", "weren't", "isn't", "aren't", "hasn't",
            "haven't", "hadn't", "didn't", "doesn't", "don't");
        Add(WordClass.Future, 0, "will", "shall", "'ll", "won't", "upcoming", "tomorrow", "next", "planned", "plans", "plan", "expected", "scheduled", "set", "going", "coming", "forthcoming");
        Add(WordClass.Past | WordClass.Verb, 0,
            "said", "told", "spoke", "met", "went", "came", "took", "gave", "made", "held", "left", "found", "began", "became", "saw", "fled",
            "ran", "got", "struck", "wrote", "drove", "brought", "thought", "knew", "felt", "kept", "led", "paid", "sent", "spent", "stood", "won",
            "lost", "fell", "hit", "put", "sat", "shot", "heard", "meant", "did", "was", "were", "had", "ago", "yesterday", "last", "earlier",
            "already", "previously", "recently", "broke", "caught", "chose", "drew", "flew", "forgot", "grew", "hid", "laid", "lay", "rode", "rose",
            "sang", "sold", "spoke", "stole", "swore", "threw", "understood", "woke", "wore", "overtook", "withdrew", "underwent");
        Add(WordClass.Reporting | WordClass.Verb, 0,
            "said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "announced", "announces", "according", "explained",
            "noted", "wrote", "writes", "asserted", "reported", "reports", "confirmed", "confirms", "declared", "tweeted", "posted", "insisted",
            "claimed", "claims", "acknowledged", "argued", "remarked", "replied", "responded", "briefed", "informed", "warned", "urged");
        Add(WordClass.Verb, 0,
            "say", "says", "tell", "go", "goes", "come", "comes", "take", "takes", "make", "makes", "get", "gets", "see", "sees", "know", "knows",
            "think", "want", "wants", "need", "needs", "remain", "remains", "continue", "continues", "die", "dies", "live", "lives", "stand",
            "stands", "face", "faces", "include", "includes", "participated", "gathered", "attended", "arrived", "marched", "rallied");

        Add(WordClass.Killed, 0, "gunned", "killed", "dead", "died", "dies", "die", "fatally", "slain", "murdered", "deceased", "killing", "kills", "kill", "fatal", "deaths", "death", "dying", "perished", "lifeless");
        Add(WordClass.Injured, 0, "injured", "wounded", "hurt", "hospitalized", "hospitalised", "injuring", "wounding", "injuries", "injury", "wounds", "wound", "injures", "wounds", "critical", "stable", "survive", "survived", "grazed");
        Add(WordClass.Shot, 0, "shot", "shooting", "shootings", "gunshot", "gunfire", "struck");
        Add(WordClass.SelfCue, 0, "himself", "herself", "life");

        Add(WordClass.Title, 0,
            "president", "secretary", "spokesman", "spokeswoman", "spokesperson", "minister", "mr", "mrs", "ms", "miss", "dr", "gov", "governor",
            "sen", "senator", "rep", "representative", "chief", "officer", "sgt", "sergeant", "lt", "lieutenant", "capt", "captain", "det",
            "detective", "gen", "general", "col", "colonel", "maj", "major", "cpl", "corporal", "prime", "chancellor", "ambassador", "director",
            "king", "queen", "prince", "princess", "pope", "judge", "justice", "mayor", "sheriff", "deputy", "commissioner", "attorney",
            "prosecutor", "inspector", "superintendent", "chairman", "chairwoman", "chair", "ceo", "leader", "premier", "vice", "state",
            "foreign", "defence", "defense", "press", "national", "security", "council", "house", "white", "official", "spokesmen", "trooper",
            "agent", "professor", "prof", "rev", "reverend", "father", "sister", "brother", "coach", "st", "adviser", "advisor", "envoy",
            "counsel", "lawyer", "pastor", "sec", "pres", "sheriff's", "police", "coroner", "examiner");

        Add(WordClass.DurationUnit, 1.0 / 86400, "second", "seconds", "sec", "secs");
        Add(WordClass.DurationUnit, 1.0 / 1440, "minute", "minutes", "min", "mins");
        Add(WordClass.DurationUnit, 1.0 / 24, "hour", "hours", "hr", "hrs");
        Add(WordClass.DurationUnit, 1, "day", "days");
        Add(WordClass.DurationUnit, 7, "week", "weeks");
        Add(WordClass.DurationUnit, 30.4375, "month", "months");
        Add(WordClass.DurationUnit, 365.25, "year", "years");
        Add(WordClass.DurationUnit, 3652.5, "decade", "decades");

        Add(WordClass.Pronoun, 0, "he", "she", "they", "we", "i", "it");

        Add(WordClass.Person, 0,
            "people", "persons", "person", "man", "men", "woman", "women", "boy", "boys", "girl", "girls", "child", "children", "teen", "teens",
            "teenager", "teenagers", "victim", "victims", "individual", "individuals", "adult", "adults", "student", "students", "officer",
            "officers", "suspect", "suspects", "resident", "residents", "others", "another", "male", "males", "female", "females", "juvenile",
            "juveniles", "baby", "infant", "toddler", "son", "daughter", "father", "mother", "brother", "sister", "husband", "wife", "friend",
            "friends", "customer", "customers", "bystander", "bystanders", "passenger", "passengers", "driver", "drivers", "youth", "youths",
            "gunman", "gunmen", "shooter", "shooters", "civilians", "civilian", "soldiers", "soldier", "troops", "worker", "workers",
            "sons", "daughters", "wives", "husbands", "fathers", "mothers", "brothers", "sisters", "relative", "relatives", "member", "members",
            "kid", "kids", "babies", "infants", "toddlers", "teacher", "teachers", "grandmother", "grandfather", "grandson", "granddaughter",
            "grandchildren", "mom", "dad", "girlfriend", "boyfriend", "partner", "cousin", "cousins", "neighbor", "neighbors", "neighbour",
            "neighbours", "nephew", "niece", "uncle", "aunt", "stepson", "stepdaughter", "stepfather", "stepmother", "fiance", "fiancee",
            "patron", "patrons", "guest", "guests", "employee", "employees", "clerk", "owner", "pedestrian", "pedestrians", "marine", "marines",
            "roommate", "coworker", "co-worker", "parents", "parent", "siblings", "sibling", "newborn", "nephews", "nieces", "niece", "uncles", "aunts",
            "grandsons", "granddaughters", "grandparents", "grandparent", "grandmothers", "grandfathers", "coworkers", "co-workers", "roommates",
            "classmate", "classmates", "girlfriends", "boyfriends", "stepsons", "stepdaughters", "clerks", "owners");

        Add(WordClass.OrganisationHead, 0,
            "council", "department", "ministry", "agency", "organisation", "organization", "office", "house", "committee", "commission",
            "police", "party", "union", "association", "institute", "university", "college", "school", "hospital", "bank", "company", "corp",
            "inc", "ltd", "group", "court", "senate", "congress", "parliament", "army", "navy", "force", "forces", "bureau", "service", "services",
            "administration", "government", "nato", "dialogue", "center", "centre", "news", "times", "post", "journal", "press", "tribune");

        Add(WordClass.Abbreviation, 0,
            "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gov", "sen", "rep", "lt", "sgt", "capt", "col", "gen", "maj", "cpl", "det", "no", "vs",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thurs", "fri",
            "sat", "sun", "inc", "corp", "ltd", "co", "ft", "mt", "ave", "blvd", "rd", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "approx",
            "est", "dept", "prof", "rev", "gov't", "u.s.a", "d.c", "etc");

        Add(WordClass.CommonCapital, 0,
            "the", "a", "an", "in", "on", "at", "it", "he", "she", "they", "we", "i", "this", "that", "these", "those", "there", "but", "and",
            "or", "so", "if", "as", "after", "before", "during", "when", "while", "with", "for", "from", "by", "of", "to", "his", "her", "their",
            "its", "our", "police", "officers", "authorities", "both", "all", "some", "many", "more", "most", "no", "not", "one", "two", "three",
            "four", "five", "six", "seven", "eight", "nine", "ten", "according", "meanwhile", "however", "also", "since", "until", "then",
            "now", "today", "yesterday", "tomorrow", "earlier", "later", "last", "next", "recently", "separately", "further", "moreover",
            "although", "though", "because", "what", "who", "where", "why", "how", "which", "each", "every", "any", "following", "during",
            "about", "around", "over", "under", "nearly", "almost", "at", "up", "another", "other", "such", "here", "taking", "relations",
            "talks", "both", "anyone", "someone", "everyone", "nobody", "none", "people", "investigators", "witnesses", "officials", "image",
            "photo", "credit", "read", "related", "click", "copyright", "you", "your", "my", "me", "us", "them", "him", "she's", "he's",
            "it's", "there's", "that's", "we're", "they're", "i'm", "let", "please", "call", "anybody", "do", "did", "does", "is", "was",
            "are", "were", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might", "must", "in", "despite",
            "detectives", "deputies", "troopers", "update", "updated", "breaking", "watch", "video", "story", "continue");
        return d.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
