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
            var t when t == typeof(string) => (Func<BinaryReader, string>)(r => r.ReadString()),
            var t when t == typeof(int) => (Func<BinaryReader, int>)(r => r.ReadInt32()),
            var t when t == typeof(long) => (Func<BinaryReader, long>)(r => r.ReadInt64()),
            var t when t == typeof(Guid) => (Func<BinaryReader, Guid>)(r => new Guid(r.ReadBytes(16))),
            _ => throw Unsupported<TKey>(),
        };
        return (Func<BinaryReader, TKey>)reader;
    }

    private static NotSupportedException Unsupported<TKey>() =>
        new($"Keys of type {typeof(TKey).Name} have no built-in codec: pass a key writer to Save and a key reader to Load.");
}
