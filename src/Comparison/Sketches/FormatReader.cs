using System.Buffers.Binary;
using System.Text;

namespace Comparison.Sketches;

/// <summary>
/// Reads the fields of a little-endian binary file held in memory, checking each one against the bytes that
/// remain: every failure is an <see cref="InvalidDataException"/> whose message names the file kind and the
/// field, and no length or count is trusted before it is checked, so a corrupt or crafted file can neither
/// allocate more than its own size nor throw anything else.
/// </summary>
/// <remarks>
/// Strings are written as <see cref="BinaryWriter.Write(string)"/> writes them (a 7-bit encoded byte length,
/// then UTF-8) and read strictly: an overlong length prefix, a length past the end and invalid UTF-8 are all
/// refused, never replaced by U+FFFD.
/// </remarks>
internal ref struct FormatReader
{
    /// <summary>UTF-8 that throws <see cref="DecoderFallbackException"/> on invalid bytes instead of replacing them.</summary>
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> _bytes;
    private readonly string _what;
    private int _at;

    /// <summary>Starts reading <paramref name="bytes"/>; <paramref name="what"/> begins every message ("The TF-IDF model").</summary>
    public FormatReader(ReadOnlySpan<byte> bytes, string what)
    {
        _bytes = bytes;
        _what = what;
    }

    /// <summary>
    /// Returns <paramref name="header"/> followed by exactly <paramref name="length"/> more bytes read from a
    /// stream, growing the buffer only as bytes arrive, so a length field that lies costs no more memory than the
    /// stream really holds.
    /// </summary>
    public static byte[] ReadAfter(Stream stream, ReadOnlySpan<byte> header, long length, string what)
    {
        if (length < 0 || length > Array.MaxLength - header.Length)
        {
            throw new InvalidDataException($"{what} is corrupt: it claims {length} bytes after its header.");
        }

        if (stream.CanSeek && length > stream.Length - stream.Position)
        {
            throw new InvalidDataException($"{what} is truncated: it claims {length} bytes after its header, but the stream holds {stream.Length - stream.Position}.");
        }

        long total = header.Length + length;
        var buffer = new byte[(int)Math.Min(total, header.Length + (1 << 16))];
        header.CopyTo(buffer);
        int filled = header.Length;
        while (filled < total)
        {
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min(total, 2L * buffer.Length));
            }

            int read = stream.Read(buffer, filled, buffer.Length - filled);
            if (read == 0)
            {
                throw new InvalidDataException($"{what} is truncated: the stream ended after {filled - header.Length} of the {length} bytes after its header.");
            }

            filled += read;
        }

        return buffer;
    }

    /// <summary>The number of bytes not read yet.</summary>
    public readonly int Remaining => _bytes.Length - _at;

    /// <summary>The offset of the next byte.</summary>
    public readonly int Position => _at;

    public ReadOnlySpan<byte> Take(int length, string field)
    {
        if ((uint)length > (uint)Remaining)
        {
            throw Truncated(field, length);
        }

        ReadOnlySpan<byte> span = _bytes.Slice(_at, length);
        _at += length;
        return span;
    }

    public byte ReadByte(string field) => Take(1, field)[0];

    public int ReadInt32(string field) => BinaryPrimitives.ReadInt32LittleEndian(Take(4, field));

    public long ReadInt64(string field) => BinaryPrimitives.ReadInt64LittleEndian(Take(8, field));

    public double ReadDouble(string field) => BinaryPrimitives.ReadDoubleLittleEndian(Take(8, field));

    /// <summary>A boolean written by <see cref="BinaryWriter.Write(bool)"/>: exactly 0 or 1.</summary>
    public bool ReadBoolean(string field)
    {
        byte value = ReadByte(field);
        return value switch
        {
            0 => false,
            1 => true,
            _ => throw Corrupt($"its {field} flag is {value}; only 0 and 1 are valid"),
        };
    }

    /// <summary>
    /// A count of items that each take at least <paramref name="minBytesPerItem"/> bytes: refused when negative
    /// or when the bytes that remain cannot hold that many, so an array of that length is safe to allocate.
    /// </summary>
    public int ReadCount(string field, int minBytesPerItem)
    {
        int count = ReadInt32(field);
        if (count < 0 || (long)count * minBytesPerItem > Remaining)
        {
            throw Corrupt($"it claims {count} {field}, but only {Remaining} bytes remain to hold them");
        }

        return count;
    }

    /// <summary>A string written by <see cref="BinaryWriter.Write(string)"/>, decoded as strict UTF-8.</summary>
    public string ReadString(string field)
    {
        int length = 0;
        for (int shift = 0; ; shift += 7)
        {
            if (shift == 35)
            {
                throw Corrupt($"the length of a {field} is malformed (a 7-bit encoded integer longer than 5 bytes)");
            }

            byte b = ReadByte(field);
            if (shift == 28 && b > 0x07)
            {
                throw Corrupt($"the length of a {field} is malformed (more than 31 bits)");
            }

            length |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                break;
            }
        }

        if (length > Remaining)
        {
            throw Corrupt($"a {field} claims {length} bytes, but only {Remaining} remain");
        }

        ReadOnlySpan<byte> utf8 = Take(length, field);
        try
        {
            return StrictUtf8.GetString(utf8);
        }
        catch (DecoderFallbackException)
        {
            throw Corrupt($"a {field} is not valid UTF-8");
        }
    }

    /// <summary>Throws unless every byte has been read.</summary>
    public readonly void ExpectEnd()
    {
        if (Remaining != 0)
        {
            throw Corrupt($"it has {Remaining} unexpected bytes after its last field");
        }
    }

    /// <summary>An exception saying the file is corrupt because of <paramref name="reason"/>.</summary>
    public readonly InvalidDataException Corrupt(string reason) => new($"{_what} is corrupt: {reason} (at byte {_at}).");

    private readonly InvalidDataException Truncated(string field, int wanted) =>
        new($"{_what} is truncated: its {field} needs {wanted} bytes at byte {_at}, but only {Remaining} remain.");
}
