using System.Text;
using Comparison.Sketches;

namespace Comparison.Indexing;

/// <summary>The built-in key codecs of <see cref="LshIndex{TKey}"/> files: string (UTF-8, length-prefixed), int, long and Guid.</summary>
internal static class KeyCodec
{
    public static Action<BinaryWriter, TKey> Writer<TKey>()
    {
        object writer = typeof(TKey) switch
        {
            var t when t == typeof(string) => (Action<BinaryWriter, string>)((w, k) => w.Write(k)),
            var t when t == typeof(int) => (Action<BinaryWriter, int>)((w, k) => w.Write(k)),
            var t when t == typeof(long) => (Action<BinaryWriter, long>)((w, k) => w.Write(k)),
            var t when t == typeof(Guid) => (Action<BinaryWriter, Guid>)((w, k) => w.Write(k.ToByteArray())),
            _ => throw Unsupported<TKey>(),
        };
        return (Action<BinaryWriter, TKey>)writer;
    }

    public static Func<BinaryReader, TKey> Reader<TKey>()
    {
        object reader = typeof(TKey) switch
        {
            var t when t == typeof(string) => (Func<BinaryReader, string>)ReadString,
            var t when t == typeof(int) => (Func<BinaryReader, int>)(r => r.ReadInt32()),
            var t when t == typeof(long) => (Func<BinaryReader, long>)(r => r.ReadInt64()),
            var t when t == typeof(Guid) => (Func<BinaryReader, Guid>)(r => new Guid(ReadExactly(r, 16))),
            _ => throw Unsupported<TKey>(),
        };
        return (Func<BinaryReader, TKey>)reader;
    }

    /// <summary>
    /// Reads a string key as <see cref="BinaryWriter.Write(string)"/> wrote it, strictly: the length is checked
    /// against the bytes that remain before anything is read, and invalid UTF-8 is refused, not replaced.
    /// </summary>
    private static string ReadString(BinaryReader reader)
    {
        int length;
        try
        {
            length = reader.Read7BitEncodedInt();
        }
        catch (FormatException)
        {
            throw new InvalidDataException("The LSH index file is corrupt: the length of a key is malformed (an overlong 7-bit encoded integer).");
        }

        byte[] bytes = ReadExactly(reader, length);
        try
        {
            return FormatReader.StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidDataException("The LSH index file is corrupt: a key is not valid UTF-8.");
        }
    }

    private static byte[] ReadExactly(BinaryReader reader, int length)
    {
        Stream stream = reader.BaseStream;
        long remaining = stream.Length - stream.Position;
        if (length < 0 || length > remaining)
        {
            throw new InvalidDataException($"The LSH index file is corrupt: a key claims {length} bytes, but only {remaining} remain.");
        }

        return reader.ReadBytes(length);
    }

    private static NotSupportedException Unsupported<TKey>() =>
        new($"Keys of type {typeof(TKey).Name} have no built-in codec: pass a key writer to Save and a key reader to Load.");
}
