namespace Comparison.Indexing;

/// <summary>Reads <see cref="LshIndex{TKey}"/> files.</summary>
public static class LshIndex
{
    /// <summary>Reads an index written by <see cref="LshIndex{TKey}.Save(Stream)"/> (keys of type string, int, long or Guid).</summary>
    /// <typeparam name="TKey">The key type the index was saved with.</typeparam>
    /// <param name="stream">A readable stream positioned at the index; it is read to its end.</param>
    /// <param name="keyComparer">Equality of keys (see the <see cref="LshIndex{TKey}"/> constructor).</param>
    /// <param name="keyOrder">Order of keys (see the <see cref="LshIndex{TKey}"/> constructor).</param>
    /// <returns>The index, holding exactly the saved entries and settings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="NotSupportedException">The key type has no built-in codec.</exception>
    /// <exception cref="InvalidDataException">The file is truncated, corrupt, of another version or not an index; the message says which. Nothing is half-loaded.</exception>
    public static LshIndex<TKey> Load<TKey>(Stream stream, IEqualityComparer<TKey>? keyComparer = null, IComparer<TKey>? keyOrder = null)
        where TKey : notnull =>
        LshIndex<TKey>.LoadCore(stream, KeyCodec.Reader<TKey>(), keyComparer, keyOrder);

    /// <summary>Reads an index written by <see cref="LshIndex{TKey}.Save(Stream, Action{BinaryWriter, TKey})"/>, reading each key with <paramref name="readKey"/>.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <param name="stream">A readable stream positioned at the index; it is read to its end.</param>
    /// <param name="readKey">Reads one key, the inverse of the writer used to save.</param>
    /// <param name="keyComparer">Equality of keys.</param>
    /// <param name="keyOrder">Order of keys.</param>
    /// <returns>The index.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="InvalidDataException">The file is truncated, corrupt, of another version or not an index. Nothing is half-loaded.</exception>
    public static LshIndex<TKey> Load<TKey>(Stream stream, Func<BinaryReader, TKey> readKey, IEqualityComparer<TKey>? keyComparer = null, IComparer<TKey>? keyOrder = null)
        where TKey : notnull =>
        LshIndex<TKey>.LoadCore(stream, readKey, keyComparer, keyOrder);
}
