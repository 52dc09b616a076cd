using System.Collections.Frozen;
using System.Globalization;

namespace Comparison.Text.Unicode;

/// <summary>
/// NFKC and case-folding data of one Unicode version (see <see cref="UnicodeVersion"/>), carried by the library so
/// that normalisation is the same on every host, with or without ICU.
/// </summary>
internal static partial class UnicodeTables
{
    private const int HangulBase = 0xAC00;
    private const int HangulL = 0x1100;
    private const int HangulV = 0x1161;
    private const int HangulT = 0x11A7;
    private const int HangulLCount = 19;
    private const int HangulVCount = 21;
    private const int HangulTCount = 28;
    private const int HangulNCount = HangulVCount * HangulTCount;
    private const int HangulSCount = HangulLCount * HangulNCount;

    // Values of every mapping, end to end; a mapping is (offset << 8) | length into it.
    private static readonly string Blob;
    private static readonly FrozenDictionary<int, int> Decompositions;
    private static readonly FrozenDictionary<int, int> CaseFolds;
    private static readonly FrozenDictionary<int, byte> Classes;
    private static readonly FrozenDictionary<long, int> Compositions;

    // BMP code points that need the full path when alone: they decompose or fold.
    private static readonly byte[] BmpChanges = new byte[65536 / 8];

    // Code points that attach to the character before them: a non-zero combining class, or a decomposition starting with one.
    private static readonly FrozenSet<int> NonStarterLeading;

    static UnicodeTables()
    {
        var blob = new System.Text.StringBuilder();
        Decompositions = Parse(DecompositionData, blob).ToFrozenDictionary();
        CaseFolds = Parse(CaseFoldData, blob).ToFrozenDictionary();
        Blob = blob.ToString();

        var classes = new Dictionary<int, byte>();
        foreach (string entry in DataEntries(CombiningClassData))
        {
            int colon = entry.IndexOf(':', StringComparison.Ordinal);
            classes[Hex(entry.AsSpan(0, colon))] = (byte)Hex(entry.AsSpan(colon + 1));
        }

        Classes = classes.ToFrozenDictionary();

        var compositions = new Dictionary<long, int>();
        foreach (string entry in DataEntries(CompositionData))
        {
            int space = entry.IndexOf(' ', StringComparison.Ordinal);
            int colon = entry.IndexOf(':', StringComparison.Ordinal);
            compositions[PairKey(Hex(entry.AsSpan(0, space)), Hex(entry.AsSpan(space + 1, colon - space - 1)))] = Hex(entry.AsSpan(colon + 1));
        }

        Compositions = compositions.ToFrozenDictionary();

        var nonStarters = new HashSet<int>(Classes.Keys);
        foreach (KeyValuePair<int, int> pair in Decompositions)
        {
            if (CombiningClass(char.ConvertToUtf32(Blob, pair.Value >> 8)) != 0)
            {
                nonStarters.Add(pair.Key);
            }
        }

        NonStarterLeading = nonStarters.ToFrozenSet();
        foreach (int cp in Decompositions.Keys.Concat(CaseFolds.Keys))
        {
            if (cp < 65536)
            {
                BmpChanges[cp >> 3] |= (byte)(1 << (cp & 7));
            }
        }

        for (int s = HangulBase; s < HangulBase + HangulSCount; s++)
        {
            BmpChanges[s >> 3] |= (byte)(1 << (s & 7));
        }
    }

    /// <summary>True when a BMP character is unchanged by NFKC and case folding when it stands alone.</summary>
    public static bool IsStableAlone(char c) => (BmpChanges[c >> 3] & (1 << (c & 7))) == 0;

    /// <summary>True when the code point attaches to the one before it in normalisation (a combining character).</summary>
    public static bool IsNonStarterLeading(int codePoint) => codePoint >= 0x300 && NonStarterLeading.Contains(codePoint);

    /// <summary>The canonical combining class (0 for starters).</summary>
    public static int CombiningClass(int codePoint) => codePoint < 0x300 ? 0 : Classes.GetValueOrDefault(codePoint);

    /// <summary>
    /// Appends the full compatibility decomposition (NFKD) of a code point to <paramref name="destination"/> (UTF-32);
    /// returns the new count.
    /// </summary>
    public static int AppendDecomposed(int codePoint, Span<int> destination, int count)
    {
        int sIndex = codePoint - HangulBase;
        if ((uint)sIndex < HangulSCount)
        {
            destination[count++] = HangulL + (sIndex / HangulNCount);
            destination[count++] = HangulV + (sIndex % HangulNCount / HangulTCount);
            int t = sIndex % HangulTCount;
            if (t != 0)
            {
                destination[count++] = HangulT + t;
            }

            return count;
        }

        if (Decompositions.TryGetValue(codePoint, out int mapping))
        {
            ReadOnlySpan<char> parts = Blob.AsSpan(mapping >> 8, mapping & 0xFF);
            for (int i = 0; i < parts.Length; i++)
            {
                int part = parts[i];
                if (char.IsHighSurrogate(parts[i]))
                {
                    part = char.ConvertToUtf32(parts[i], parts[i + 1]);
                    i++;
                }

                destination[count++] = part;
            }

            return count;
        }

        destination[count++] = codePoint;
        return count;
    }

    /// <summary>The most code points one code point can become by decomposition (U+FDFA), or by case folding (3).</summary>
    public const int MaxExpansion = 18;

    /// <summary>True when full case folding changes the code point.</summary>
    public static bool Folds(int codePoint) => codePoint >= 'A' && CaseFolds.ContainsKey(codePoint);

    /// <summary>The primary composite of two code points, or -1.</summary>
    public static int Compose(int first, int second)
    {
        int lIndex = first - HangulL;
        if ((uint)lIndex < HangulLCount)
        {
            int vIndex = second - HangulV;
            return (uint)vIndex < HangulVCount ? HangulBase + (((lIndex * HangulVCount) + vIndex) * HangulTCount) : -1;
        }

        int sIndex = first - HangulBase;
        if ((uint)sIndex < HangulSCount && sIndex % HangulTCount == 0)
        {
            int tIndex = second - HangulT;
            return tIndex > 0 && tIndex < HangulTCount ? first + tIndex : -1;
        }

        return Compositions.TryGetValue(PairKey(first, second), out int composite) ? composite : -1;
    }

    /// <summary>Appends the NFKD of the full case folding of a code point (UTF-32); returns the new count.</summary>
    public static int AppendFolded(int codePoint, Span<int> destination, int count)
    {
        if (codePoint >= 'A' && CaseFolds.TryGetValue(codePoint, out int mapping))
        {
            ReadOnlySpan<char> parts = Blob.AsSpan(mapping >> 8, mapping & 0xFF);
            for (int i = 0; i < parts.Length; i++)
            {
                if (char.IsHighSurrogate(parts[i]))
                {
                    destination[count++] = char.ConvertToUtf32(parts[i], parts[i + 1]);
                    i++;
                }
                else
                {
                    destination[count++] = parts[i];
                }
            }

            return count;
        }

        destination[count++] = codePoint;
        return count;
    }

    private static long PairKey(int first, int second) => ((long)first << 21) | (uint)second;

    private static Dictionary<int, int> Parse(string data, System.Text.StringBuilder blob)
    {
        var map = new Dictionary<int, int>();
        foreach (string entry in DataEntries(data))
        {
            int colon = entry.IndexOf(':', StringComparison.Ordinal);
            int offset = blob.Length;
            foreach (string part in entry[(colon + 1)..].Split(' '))
            {
                blob.Append(char.ConvertFromUtf32(Hex(part)));
            }

            map[Hex(entry.AsSpan(0, colon))] = (offset << 8) | (blob.Length - offset);
        }

        return map;
    }

    private static string[] DataEntries(string data) => data.Split(';', StringSplitOptions.RemoveEmptyEntries);

    private static int Hex(ReadOnlySpan<char> text) => int.Parse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
