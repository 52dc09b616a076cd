using System.Buffers;
using System.Collections.Frozen;
using Comparison.Text;

namespace Comparison.Vectors;

/// <summary>Receives the terms of one document, one at a time, as spans valid only during the call.</summary>
internal interface ITermSink
{
    void Add(ReadOnlySpan<char> term);
}

/// <summary>
/// Turns a text, or a list of tokens, into the terms scikit-learn's analyzers produce with the same options.
/// One instance per thread: it keeps scratch buffers.
/// </summary>
internal sealed class TermAnalyzer
{
    private readonly TfIdfOptions _options;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>>? _stopWords;
    private readonly List<(int Start, int Length)> _kept = [];
    private char[] _chars = new char[1024];
    private readonly int _pieceLength;
    private int _used;
    private int _emitted;     // the kept terms whose n-grams (ending at them) the sink has had, with one n-gram length

    /// <summary>Creates an analyzer; <paramref name="pieceLength"/> is the window of <see cref="VisiblePieces"/> (tests make it small).</summary>
    public TermAnalyzer(TfIdfOptions options, int pieceLength = VisiblePieces.PieceLength)
    {
        _options = options;
        _pieceLength = pieceLength;
        FrozenSet<string>? stop = options.FrozenStopWords();
        _stopWords = stop?.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The terms of a text: tokens (word analyzer) or character n-grams.</summary>
    public void AnalyzeText(string text, ITermSink sink)
    {
        if (_options.Analyzer != TfIdfAnalyzer.Word)
        {
            // Invisible characters go first, as in the Tokenizer, so a zero-width joiner inside a word changes no term.
            AnalyzeChars(InvisibleText.Strip(text) ?? text, sink);
            return;
        }

        // Words are read piece by piece without their invisible characters (VisiblePieces: no token crosses a
        // piece's end), so a long text is never copied whole; with one n-gram length (the default), the n-grams are
        // handed to the sink after each piece and only the last n − 1 terms carried over.
        TermCounter? counter = _options.NgramRange == NgramRange.Unigrams && _stopWords is null && sink is TermCounter { HasTable: true } c ? c : null;
        _used = 0;
        _kept.Clear();
        _emitted = 0;
        var pieces = new VisiblePieces(text, 0, _pieceLength);
        try
        {
            while (pieces.MoveNext())
            {
                ReadOnlySpan<char> span = pieces.Visible;
                if (counter is not null)
                {
                    CountWords(span, counter);
                    continue;
                }

                int position = 0;
                while (position < span.Length)
                {
                    if (TryReadAsciiRun(span, ref position, out ReadOnlySpan<char> run))
                    {
                        KeepAsciiRun(run);
                    }
                    else
                    {
                        KeepTokensToSpace(span, ref position);
                    }
                }

                EmitCompleted(sink);
            }
        }
        finally
        {
            pieces.Dispose();
        }

        if (counter is null)
        {
            EmitWordNgrams(sink);
        }
    }

    // The fit's common case (single words, no stop words, counted into a term table): the same scan as the general
    // path, but each term goes to the counter as soon as it is read, and a run of up to eight ASCII letters and
    // digits is counted straight from the text (the table keys it by its packed characters), with no copy. Terms
    // come in the same order as through EmitWordNgrams.
    private void CountWords(ReadOnlySpan<char> span, TermCounter counter)
    {
        bool lower = _options.Lowercase;
        int position = 0;
        while (position < span.Length)
        {
            bool ascii = TryReadAsciiRun(span, ref position, out ReadOnlySpan<char> run);
            if (ascii && run.Length <= 8)
            {
                counter.AddAsciiRun(run, lower);
                continue;
            }

            _used = 0;
            _kept.Clear();
            if (ascii)
            {
                KeepAsciiRun(run);
            }
            else
            {
                KeepTokensToSpace(span, ref position);
            }

            foreach ((int start, int length) in _kept)
            {
                counter.Add(_chars.AsSpan(start, length));
            }
        }
    }

    // A run of ASCII letters and digits between spaces (or the ends of the text) is exactly one Word or Number token
    // of the Tokenizer (no joining rule applies to a space), and its term is the run lower-cased. Skips the spaces
    // before it and reads it; otherwise leaves position after the spaces and returns false.
    private static bool TryReadAsciiRun(ReadOnlySpan<char> span, ref int position, out ReadOnlySpan<char> run)
    {
        while (position < span.Length && span[position] == ' ')
        {
            position++;
        }

        int start = position;
        int end = position;
        while (end < span.Length && char.IsAsciiLetterOrDigit(span[end]))
        {
            end++;
        }

        if (end > start && (end == span.Length || span[end] == ' '))
        {
            run = span[start..end];
            position = end;
            return true;
        }

        run = default;
        return false;
    }

    // Anything that is not a plain ASCII run goes through the Tokenizer up to the next token that ends at a space;
    // tokens never contain a space, so the tokens are the full scan's.
    private void KeepTokensToSpace(ReadOnlySpan<char> span, ref int position)
    {
        while (Tokenizer.TryReadNext(span, ref position, out Token token))
        {
            if (token.Kind is TokenKind.Word or TokenKind.Number or TokenKind.Handle)
            {
                KeepToken(span.Slice(token.Start, token.Length));
            }

            if (position == span.Length || span[position] == ' ')
            {
                break;
            }
        }
    }

    /// <summary>The terms of a document given as tokens, used exactly as given.</summary>
    public void AnalyzeTokens(IReadOnlyList<string> tokens, ITermSink sink)
    {
        if (_options.Analyzer == TfIdfAnalyzer.Word)
        {
            _used = 0;
            _kept.Clear();
            _emitted = 0;
            for (int i = 0; i < tokens.Count; i++)
            {
                Keep(tokens[i] ?? throw new ArgumentException($"token {i} is null.", nameof(tokens)));
                if ((i & 0xFFFF) == 0xFFFF)
                {
                    EmitCompleted(sink);
                }
            }

            EmitWordNgrams(sink);
        }
        else
        {
            AnalyzeChars(string.Join(' ', tokens), sink);
        }
    }

    private void KeepToken(ReadOnlySpan<char> raw)
    {
        if (!_options.Lowercase)
        {
            Keep(raw);
        }
        else if (raw.Length <= 128 && TryNormalizeAscii(raw))
        {
            // Kept in place by TryNormalizeAscii: no string per token on the common path.
        }
        else
        {
            Keep(TextNormalizer.NormalizeTerm(raw));
        }
    }

    // A token of ASCII letters and digits only: NormalizeTerm would only lower-case it (no possessive, nothing to unify).
    private void KeepAsciiRun(ReadOnlySpan<char> raw)
    {
        EnsureCapacity(raw.Length);
        Span<char> destination = _chars.AsSpan(_used, raw.Length);
        if (_options.Lowercase)
        {
            for (int i = 0; i < raw.Length; i++)
            {
                // ASCII letters have bit 0x20 clear in upper case only; digits already have it set.
                destination[i] = (char)(raw[i] | 0x20);
            }
        }
        else
        {
            raw.CopyTo(destination);
        }

        Commit(raw.Length);
    }

    private bool TryNormalizeAscii(ReadOnlySpan<char> raw)
    {
        EnsureCapacity(raw.Length);
        Span<char> destination = _chars.AsSpan(_used, raw.Length);
        if (!TextNormalizer.TryNormalizeAsciiTerm(raw, destination, out int written))
        {
            return false;
        }

        Commit(written);
        return true;
    }

    private void Keep(ReadOnlySpan<char> term)
    {
        EnsureCapacity(term.Length);
        term.CopyTo(_chars.AsSpan(_used));
        Commit(term.Length);
    }

    private void Commit(int length)
    {
        ReadOnlySpan<char> term = _chars.AsSpan(_used, length);
        if (length == 0 || (_stopWords is { } stop && stop.Contains(term)))
        {
            return;
        }

        _kept.Add((_used, length));
        _used += length;
    }

    private void EnsureCapacity(int extra)
    {
        if (_used + extra > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _used + extra));
        }
    }

    // scikit-learn's _word_ngrams: for n in [min, max], every run of n consecutive kept tokens joined by " ", all of
    // one length before the next (the order new terms get their ids in TfIdfModel.Add).
    private void EmitWordNgrams(ITermSink sink)
    {
        var (min, max) = (_options.NgramRange.Min, _options.NgramRange.Max);
        if (min == max)
        {
            EmitCompleted(sink);
            return;
        }

        char[] buffer = ArrayPool<char>.Shared.Rent(256);
        try
        {
            for (int n = min; n <= max && n <= _kept.Count; n++)
            {
                for (int i = 0; i + n <= _kept.Count; i++)
                {
                    EmitNgram(sink, i, n, ref buffer);
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    // With one n-gram length, every n-gram that ends in the terms kept so far and has not been emitted yet, in order
    // of position (the order of EmitWordNgrams' loop); then only the last n − 1 terms are kept, at the front of the
    // buffer. With several lengths nothing happens: their order needs the whole text.
    private void EmitCompleted(ITermSink sink)
    {
        var (n, max) = (_options.NgramRange.Min, _options.NgramRange.Max);
        if (n != max)
        {
            return;
        }

        char[] buffer = ArrayPool<char>.Shared.Rent(256);
        try
        {
            for (int end = Math.Max(_emitted, n - 1); end < _kept.Count; end++)
            {
                EmitNgram(sink, end - n + 1, n, ref buffer);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }

        int carried = Math.Min(n - 1, _kept.Count);
        int from = _kept.Count - carried;
        int used = 0;
        for (int k = 0; k < carried; k++)
        {
            (int start, int length) = _kept[from + k];
            _chars.AsSpan(start, length).CopyTo(_chars.AsSpan(used));
            _kept[k] = (used, length);
            used += length;
        }

        _kept.RemoveRange(carried, _kept.Count - carried);
        _used = used;
        _emitted = carried;
    }

    // The n-gram of the kept terms i .. i + n − 1, joined by single spaces.
    private void EmitNgram(ITermSink sink, int i, int n, ref char[] buffer)
    {
        if (n == 1)
        {
            sink.Add(_chars.AsSpan(_kept[i].Start, _kept[i].Length));
            return;
        }

        int length = n - 1;
        for (int k = i; k < i + n; k++)
        {
            length += _kept[k].Length;
        }

        if (length > buffer.Length)
        {
            ArrayPool<char>.Shared.Return(buffer);
            buffer = ArrayPool<char>.Shared.Rent(length);
        }

        int at = 0;
        for (int k = i; k < i + n; k++)
        {
            if (k > i)
            {
                buffer[at++] = ' ';
            }

            _chars.AsSpan(_kept[k].Start, _kept[k].Length).CopyTo(buffer.AsSpan(at));
            at += _kept[k].Length;
        }

        sink.Add(buffer.AsSpan(0, length));
    }

    // scikit-learn's preprocessing (lower-case) and white-space normalisation (runs of two or more white-space
    // characters become one space), then _char_ngrams or _char_wb_ngrams.
    private void AnalyzeChars(string text, ITermSink sink)
    {
        _used = 0;
        EnsureCapacity(text.Length);
        int length = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c) && i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]))
            {
                while (i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]))
                {
                    i++;
                }

                c = ' ';
            }

            _chars[length++] = _options.Lowercase ? char.ToLowerInvariant(c) : c;
        }

        ReadOnlySpan<char> doc = _chars.AsSpan(0, length);
        var (min, max) = (_options.NgramRange.Min, _options.NgramRange.Max);
        if (_options.Analyzer == TfIdfAnalyzer.Character)
        {
            for (int n = min; n <= max && n <= doc.Length; n++)
            {
                for (int i = 0; i + n <= doc.Length; i++)
                {
                    sink.Add(doc.Slice(i, n));
                }
            }

            return;
        }

        char[] word = ArrayPool<char>.Shared.Rent(64);
        try
        {
            int pos = 0;
            while (pos < doc.Length)
            {
                while (pos < doc.Length && char.IsWhiteSpace(doc[pos]))
                {
                    pos++;
                }

                int start = pos;
                while (pos < doc.Length && !char.IsWhiteSpace(doc[pos]))
                {
                    pos++;
                }

                if (pos == start)
                {
                    break;
                }

                int padded = pos - start + 2;
                if (padded > word.Length)
                {
                    ArrayPool<char>.Shared.Return(word);
                    word = ArrayPool<char>.Shared.Rent(padded);
                }

                word[0] = ' ';
                doc[start..pos].CopyTo(word.AsSpan(1));
                word[padded - 1] = ' ';
                ReadOnlySpan<char> w = word.AsSpan(0, padded);
                for (int n = min; n <= max; n++)
                {
                    int offset = 0;
                    sink.Add(w.Slice(0, Math.Min(n, padded)));
                    while (offset + n < padded)
                    {
                        offset++;
                        sink.Add(w.Slice(offset, Math.Min(n, padded - offset)));
                    }

                    if (offset == 0)
                    {
                        // A padded word shorter than n is counted once, as scikit-learn does.
                        break;
                    }
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(word);
        }
    }
}
