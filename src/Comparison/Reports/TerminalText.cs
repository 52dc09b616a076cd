using System.Globalization;
using System.Text;

namespace Comparison.Reports;

/// <summary>
/// Makes text safe to print on a terminal: control characters, which a terminal obeys rather than shows, are
/// written as visible escapes.
/// </summary>
/// <remarks>
/// An article identifier, title or source comes from the input and may hold ESC (which starts a sequence that can
/// clear the screen, move the cursor or set the window title), BEL, CR (which returns to the start of the line and
/// overwrites it) or BS. Every C0 control (U+0000–U+001F), DEL (U+007F) and every C1 control (U+0080–U+009F, among
/// them the one-character CSI U+009B) becomes <c>\xHH</c>, its code in two upper-case hexadecimal digits; every
/// other character is kept. Thread-safe.
/// </remarks>
public static class TerminalText
{
    /// <summary>Whether a character is a control character that <see cref="Escape(string)"/> rewrites.</summary>
    /// <param name="c">The character.</param>
    /// <returns><see langword="true"/> for U+0000–U+001F, U+007F and U+0080–U+009F.</returns>
    public static bool IsControl(char c) => c < 0x20 || (c >= 0x7F && c <= 0x9F);

    /// <summary>Escapes every control character of <paramref name="text"/> as <c>\xHH</c>, line breaks included.</summary>
    /// <param name="text">The text; <see langword="null"/> gives the empty string.</param>
    /// <returns>The text with no control character; the same instance when it had none.</returns>
    public static string Escape(string? text) => Escape(text, keepLineFeeds: false);

    /// <summary>Escapes every control character of <paramref name="text"/> as <c>\xHH</c>, keeping line feeds when asked.</summary>
    /// <param name="text">The text; <see langword="null"/> gives the empty string.</param>
    /// <param name="keepLineFeeds">Keep U+000A (for multi-line output); CR is escaped all the same.</param>
    /// <returns>The escaped text; the same instance when nothing needed escaping.</returns>
    public static string Escape(string? text, bool keepLineFeeds)
    {
        if (text is null)
        {
            return string.Empty;
        }

        int first = IndexOfControl(text, keepLineFeeds);
        if (first < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        sb.Append(text, 0, first);
        Append(sb, text.AsSpan(first), keepLineFeeds);
        return sb.ToString();
    }

    /// <summary>Appends <paramref name="text"/> to <paramref name="destination"/>, control characters escaped.</summary>
    internal static void Append(StringBuilder destination, ReadOnlySpan<char> text, bool keepLineFeeds)
    {
        foreach (char c in text)
        {
            if (IsControl(c) && !(keepLineFeeds && c == '\n'))
            {
                destination.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                destination.Append(c);
            }
        }
    }

    private static int IndexOfControl(string text, bool keepLineFeeds)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (IsControl(text[i]) && !(keepLineFeeds && text[i] == '\n'))
            {
                return i;
            }
        }

        return -1;
    }
}
