using System.Collections.Frozen;

namespace Comparison.Text;

/// <summary>Abbreviations that keep their period, and the words that usually open a sentence.</summary>
/// <remarks>
/// English news conventions (AP and Reuters style). Titles precede a name and never end a sentence; other
/// abbreviations (months, "Inc.", "U.S.") end one only when the next word is a typical sentence opener.
/// </remarks>
internal static class Abbreviations
{
    private static readonly FrozenSet<string> TitleSet = FrozenSet.Create(
        StringComparer.Ordinal,
        "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Gen", "Sen", "Rep", "Reps", "Sens", "Gov", "Lt", "Col", "Sgt", "Capt",
        "Cmdr", "Adm", "Maj", "Cpl", "Pvt", "Pres", "Rev", "Hon", "Supt", "Det", "Insp", "Amb", "Atty", "Mt", "Ft", "St", "Sr", "Jr");

    private static readonly FrozenSet<string> OtherSet = FrozenSet.Create(
        StringComparer.Ordinal,
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
        "Inc", "Corp", "Co", "Ltd", "Bros", "Dept", "Univ", "Assn", "Ave", "Blvd", "Rd", "Hwy",
        "vs", "etc", "approx", "est", "cf", "al", "Nos", "Fig", "Vol",
        "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky", "La", "Md",
        "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex", "Va", "Vt",
        "Wash", "Wis", "Wyo");

    private static readonly FrozenSet<string> OpenerSet = FrozenSet.Create(
        StringComparer.Ordinal,
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those", "There",
        "But", "And", "Or", "So", "Yet", "In", "On", "At", "For", "As", "If", "When", "While", "After", "Before",
        "Since", "His", "Her", "Its", "Their", "Our", "My", "Some", "Many", "Most", "All", "However", "Meanwhile",
        "Also", "Still", "Then", "Now", "According", "Officials", "Police", "What", "Who", "Why", "How", "Where");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Titles = TitleSet.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Others = OtherSet.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Openers = OpenerSet.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when the letters (without the period) are a known abbreviation.</summary>
    public static bool IsKnown(ReadOnlySpan<char> word) => Titles.Contains(word) || Others.Contains(word);

    /// <summary>True when the letters (without the period) are a title such as "Mr" that always precedes a name.</summary>
    public static bool IsTitle(ReadOnlySpan<char> word) => Titles.Contains(word);

    /// <summary>True when the word typically opens a sentence ("The", "He", "But").</summary>
    public static bool IsSentenceOpener(ReadOnlySpan<char> word) => Openers.Contains(word);
}
