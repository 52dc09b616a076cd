using System.Collections.Immutable;

namespace Comparison.Text;

/// <summary>Splits a text into sentences.</summary>
/// <remarks>
/// <para>Paragraphs (<see cref="ParagraphSplitter"/>) are split separately, so a sentence never crosses a paragraph.
/// Inside a paragraph a sentence ends at <c>.</c>, <c>!</c>, <c>?</c> or <c>…</c> (with the closing quotes and
/// brackets right after it) when the next token does not start with a lower-case letter, and:</para>
/// <list type="bullet">
/// <item>not inside a quotation (<c>"Stop. Now," he said.</c> is one sentence); a quotation left open is
/// forgotten after 600 characters, so one missing quote mark cannot swallow a paragraph;</item>
/// <item>not after an abbreviation or initial that the <see cref="Tokenizer"/> kept in its word (<c>U.S.</c>,
/// <c>Dec.</c>, <c>J.</c>), unless the next word is a typical sentence opener (<c>The</c>, <c>He</c>, <c>But</c>);
/// never after a title (<c>Mr.</c>, <c>Dr.</c>, <c>Gen.</c>);</item>
/// <item>never inside a number (<c>1.2</c>): the tokenizer keeps decimals whole.</item>
/// </list>
/// <para>Spans are trimmed and never empty. O(n), thread safe.</para>
/// </remarks>
public static class SentenceSplitter
{
    private const int QuoteMemory = 600;

    /// <summary>Splits a text into sentences.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The sentences' ranges in the original text, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static ImmutableArray<TextSpan> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var paragraphs = new List<TextSpan>();
        ParagraphSplitter.Split(text.AsSpan(), paragraphs);
        var result = ImmutableArray.CreateBuilder<TextSpan>();
        var tokens = new List<Token>();
        foreach (TextSpan paragraph in paragraphs)
        {
            tokens.Clear();
            ReadOnlySpan<char> slice = text.AsSpan(paragraph.Start, paragraph.Length);
            Tokenizer.Tokenize(slice, tokens);
            SplitParagraph(slice, paragraph.Start, tokens, result);
        }

        return result.ToImmutable();
    }

    // text is the paragraph; offset converts its indexes to the document's.
    private static void SplitParagraph(ReadOnlySpan<char> text, int offset, List<Token> allTokens, ImmutableArray<TextSpan>.Builder result)
    {
        if (allTokens.Count == 0)
        {
            return;
        }

        int sentenceStart = allTokens[0].Start;
        int quoteOpenedAt = -1;
        for (int i = 0; i < allTokens.Count; i++)
        {
            Token token = allTokens[i];
            ReadOnlySpan<char> chars = text.Slice(token.Start, token.Length);
            if (quoteOpenedAt >= 0 && token.Start - quoteOpenedAt > QuoteMemory)
            {
                quoteOpenedAt = -1;
            }

            if (token.Kind == TokenKind.Punctuation && IsDoubleQuote(chars[0]))
            {
                quoteOpenedAt = UpdateQuote(text, token, quoteOpenedAt);
                continue;
            }

            bool abbreviation = token.Kind == TokenKind.Word && chars[^1] == '.';
            bool terminal = (token.Kind == TokenKind.Punctuation && IsTerminal(chars[0])) || abbreviation;
            if (!terminal)
            {
                continue;
            }

            // Take the terminal punctuation and closing quotes or brackets glued to it.
            int last = i;
            while (last + 1 < allTokens.Count)
            {
                Token next = allTokens[last + 1];
                if (next.Kind != TokenKind.Punctuation || next.Start != allTokens[last].End)
                {
                    break;
                }

                char c = text[next.Start];
                if (IsTerminal(c) || IsClosing(c))
                {
                    last++;
                }
                else if (IsDoubleQuote(c) && quoteOpenedAt >= 0 && c != '\u201C')
                {
                    quoteOpenedAt = -1;
                    last++;
                }
                else
                {
                    break;
                }
            }

            if (last + 1 >= allTokens.Count || quoteOpenedAt >= 0)
            {
                i = last;
                continue;
            }

            Token following = allTokens[last + 1];
            ReadOnlySpan<char> nextChars = text.Slice(following.Start, following.Length);
            bool endsSentence;
            if (abbreviation && last == i)
            {
                ReadOnlySpan<char> letters = chars[..^1];
                endsSentence = !Abbreviations.IsTitle(letters) && following.Kind == TokenKind.Word && Abbreviations.IsSentenceOpener(nextChars);
            }
            else
            {
                endsSentence = StartsSentence(following, nextChars);
            }

            if (endsSentence)
            {
                result.Add(TextSpan.FromBounds(offset + sentenceStart, offset + allTokens[last].End));
                sentenceStart = following.Start;
            }

            i = last;
        }

        result.Add(TextSpan.FromBounds(offset + sentenceStart, offset + allTokens[^1].End));
    }

    private static int UpdateQuote(ReadOnlySpan<char> text, Token token, int quoteOpenedAt)
    {
        char c = text[token.Start];
        bool opens = c switch
        {
            '\u201C' or '\u00AB' or '\u201E' => true,
            '\u201D' or '\u00BB' => false,
            _ => quoteOpenedAt < 0 && (token.Start == 0 || char.IsWhiteSpace(text[token.Start - 1]) || text[token.Start - 1] is '(' or '['),
        };
        return opens ? token.Start : -1;
    }

    private static bool StartsSentence(Token token, ReadOnlySpan<char> chars)
    {
        char c = chars[0];
        return token.Kind switch
        {
            TokenKind.Word => !char.IsLower(c),
            TokenKind.Punctuation => IsDoubleQuote(c) || c is '(' or '[' or '\'' or '\u2018' or '-' or '\u2014' or '\u2013',
            _ => true,
        };
    }

    private static bool IsTerminal(char c) => c is '.' or '!' or '?' or '\u2026';

    private static bool IsClosing(char c) => c is ')' or ']' or '\'' or '\u2019';

    private static bool IsDoubleQuote(char c) => c is '"' or '\u201C' or '\u201D' or '\u00AB' or '\u00BB' or '\u201E';
}
