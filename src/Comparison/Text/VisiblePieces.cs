using System.Buffers;

namespace Comparison.Text;

/// <summary>
/// A text read in pieces of about <see cref="PieceLength"/> characters, each without its invisible characters
/// (<see cref="InvisibleText"/>), with the way back to the original offsets: the tokenising stages read a long
/// text through it instead of a stripped copy of the whole text and a map of 4 bytes a character.
/// </summary>
/// <remarks>
/// A piece ends just after a space or a line break (or, when its window has neither, after the first one beyond
/// it, or at the end of the text). No token crosses a white-space character, and no rule of the
/// <see cref="Tokenizer"/> looks past one (a look-ahead from inside a token stops at the first non-word character,
/// and a look-back only checks for a word character before '@' or '#'), so the tokens of the pieces, one after
/// the other, are the tokens of the whole text. A piece without invisible characters is read in place; the others
/// are copied into two pooled buffers of the piece's length. Not thread safe; dispose to return the buffers.
/// </remarks>
internal ref struct VisiblePieces
{
    /// <summary>The length of a piece's window, in UTF-16 code units.</summary>
    public const int PieceLength = 1 << 16;

    private static readonly SearchValues<char> Breaks = SearchValues.Create(" \n");

    private readonly ReadOnlySpan<char> _text;
    private readonly int _pieceLength;
    private char[]? _kept;
    private int[]? _map;
    private int _next;
    private bool _stripped;

    /// <summary>Starts before the first piece of <paramref name="text"/> that begins at <paramref name="start"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="start">Where the first piece begins: 0, or just after a space or line break.</param>
    /// <param name="pieceLength">The window of a piece (tests make it small).</param>
    public VisiblePieces(ReadOnlySpan<char> text, int start = 0, int pieceLength = PieceLength)
    {
        _text = text;
        _next = start;
        _pieceLength = pieceLength;
    }

    /// <summary>The original index where the current piece begins.</summary>
    public int Start { get; private set; }

    /// <summary>The original index just after the current piece.</summary>
    public int End { get; private set; }

    /// <summary>The visible characters of the current piece.</summary>
    public ReadOnlySpan<char> Visible { get; private set; }

    /// <summary>Moves to the next piece; false after the last one (a text of length 0 has none).</summary>
    public bool MoveNext()
    {
        if (_next >= _text.Length)
        {
            return false;
        }

        Start = _next;
        End = Cut(_text, Start, _pieceLength);
        _next = End;
        ReadOnlySpan<char> piece = _text[Start..End];
        int first = InvisibleText.IndexOf(piece);
        _stripped = first >= 0;
        if (!_stripped)
        {
            Visible = piece;
            return true;
        }

        if (_kept is null || _kept.Length < piece.Length)
        {
            Return();
            _kept = ArrayPool<char>.Shared.Rent(piece.Length);
            _map = ArrayPool<int>.Shared.Rent(piece.Length);
        }

        int kept = InvisibleText.StripInto(piece, first, _kept, _map);
        Visible = _kept.AsSpan(0, kept);
        return true;
    }

    /// <summary>The original index of the visible index <paramref name="start"/> of the current piece.</summary>
    public readonly int OriginalStart(int start) =>
        Start + (_stripped ? InvisibleText.MapStart(_map.AsSpan(0, Visible.Length), start, End - Start) : start);

    /// <summary>The original end (exclusive) of the visible range [<paramref name="start"/>, <paramref name="end"/>) of the current piece.</summary>
    public readonly int OriginalEnd(int start, int end) =>
        Start + (_stripped ? InvisibleText.MapEnd(_map.AsSpan(0, Visible.Length), start, end, End - Start) : end);

    /// <summary>A token of the visible piece with its offsets moved onto the original text.</summary>
    public readonly Token ToOriginal(Token token)
    {
        int start = OriginalStart(token.Start);
        return token with { Start = start, Length = OriginalEnd(token.Start, token.End) - start };
    }

    /// <summary>Returns the pooled buffers.</summary>
    public void Dispose() => Return();

    /// <summary>Where the piece that begins at <paramref name="start"/> ends.</summary>
    internal static int Cut(ReadOnlySpan<char> text, int start, int pieceLength)
    {
        if (text.Length - start <= pieceLength)
        {
            return text.Length;
        }

        int last = text.Slice(start, pieceLength).LastIndexOfAny(Breaks);
        if (last >= 0)
        {
            return start + last + 1;
        }

        int next = text[(start + pieceLength)..].IndexOfAny(Breaks);
        return next < 0 ? text.Length : start + pieceLength + next + 1;
    }

    private void Return()
    {
        if (_kept is not null)
        {
            ArrayPool<char>.Shared.Return(_kept);
            ArrayPool<int>.Shared.Return(_map!);
            _kept = null;
            _map = null;
        }
    }
}
