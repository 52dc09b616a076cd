namespace Comparison.Tests.Support;

/// <summary>Seeded random text for robustness tests.</summary>
public static class RandomText
{
    /// <summary>
    /// Random UTF-16: mostly words and spaces, with arbitrary code units (lone surrogates, controls, marks) mixed in,
    /// like a binary file read as text.
    /// </summary>
    public static string Utf16(int length, int seed)
    {
        var random = new Random(seed);
        var chars = new char[length];
        for (int i = 0; i < length; i++)
        {
            int roll = random.Next(100);
            chars[i] = roll switch
            {
                < 60 => (char)('a' + random.Next(26)),
                < 75 => ' ',
                < 80 => ".,!?\"'\n-"[random.Next(8)],
                _ => (char)random.Next(65536),
            };
        }

        return new string(chars);
    }
}
