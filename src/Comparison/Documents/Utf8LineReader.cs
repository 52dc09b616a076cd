namespace Comparison.Documents;

/// <summary>
/// Splits a stream of UTF-8 bytes into lines without decoding them, as <see cref="TextReader.ReadLine"/> splits
/// text: at <c>\n</c>, <c>\r</c> or <c>\r\n</c>, the terminator left out, and no empty line after a final
/// terminator. A UTF-8 byte order mark at the start is skipped.
/// </summary>
/// <remarks>
/// A line is handed out as a view of the reader's buffer, valid until the next call. The buffer grows to hold the
/// longest line. A stream that starts with a UTF-16 or UTF-32 byte order mark is not UTF-8:
/// <see cref="IsUtf8"/> is then false and <see cref="Remaining"/> gives the whole stream back for a
/// <see cref="StreamReader"/> to decode.
/// </remarks>
internal sealed class Utf8LineReader
{
    private const int InitialSize = 1 << 16;
    private readonly Stream _stream;
    private byte[] _buffer = new byte[InitialSize];
    private int _start;
    private int _end;
    private bool _eof;

    // Bytes of the stream that were dropped from the front of the buffer.
    private long _dropped;

    public Utf8LineReader(Stream stream)
    {
        _stream = stream;
        Fill();
        while (_end < 4 && !_eof)
        {
            Fill();
        }

        ReadOnlySpan<byte> head = _buffer.AsSpan(0, _end);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            _start = 3;
        }
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            IsUtf8 = false;
        }
    }

    /// <summary>Whether the stream is UTF-8 (it does not start with a UTF-16 or UTF-32 byte order mark).</summary>
    public bool IsUtf8 { get; } = true;

    /// <summary>The stream from the first byte the reader has not handed out (the bytes it buffered, then the rest).</summary>
    public Stream Remaining() => new ReplayStream(_buffer.AsMemory(_start, _end - _start), _stream);

    /// <summary>The byte offset in the stream of the first byte of the line <see cref="TryReadLine"/> gave last.</summary>
    public long LineOffset { get; private set; }

    /// <summary>The next line, without its terminator; false at the end of the stream.</summary>
    public bool TryReadLine(out ReadOnlyMemory<byte> line)
    {
        int searched = 0;
        while (true)
        {
            ReadOnlySpan<byte> available = _buffer.AsSpan(_start + searched, _end - _start - searched);
            int at = available.IndexOfAny((byte)'\n', (byte)'\r');
            if (at >= 0)
            {
                int terminator = _start + searched + at;

                // A \r at the end of what is buffered may be the first half of \r\n.
                if (_buffer[terminator] == '\r' && terminator + 1 == _end && !_eof)
                {
                    searched = terminator - _start;
                    Refill();
                    continue;
                }

                line = _buffer.AsMemory(_start, terminator - _start);
                LineOffset = _dropped + _start;
                int next = terminator + 1;
                if (_buffer[terminator] == '\r' && next < _end && _buffer[next] == '\n')
                {
                    next++;
                }

                _start = next;
                return true;
            }

            searched = _end - _start;
            if (_eof)
            {
                if (_end == _start)
                {
                    line = default;
                    return false;
                }

                line = _buffer.AsMemory(_start, _end - _start);
                LineOffset = _dropped + _start;
                _start = _end;
                return true;
            }

            Refill();
        }
    }

    // Moves the unread bytes to the front (growing the buffer when they fill it) and reads more.
    private void Refill()
    {
        int unread = _end - _start;
        if (unread == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        else if (_start > 0)
        {
            _dropped += _start;
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, unread);
        }

        _start = 0;
        _end = unread;
        Fill();
    }

    private void Fill()
    {
        int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }

    /// <summary>Buffered bytes followed by the rest of a stream.</summary>
    private sealed class ReplayStream(ReadOnlyMemory<byte> buffered, Stream rest) : Stream
    {
        private ReadOnlyMemory<byte> _buffered = buffered;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_buffered.IsEmpty)
            {
                return rest.Read(buffer);
            }

            int n = Math.Min(buffer.Length, _buffered.Length);
            _buffered.Span[..n].CopyTo(buffer);
            _buffered = _buffered[n..];
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
