using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text;
using Comparison.Sketches;

namespace Comparison.Indexing;

/// <summary>
/// A locality-sensitive hashing index over MinHash signatures (banding): insert, remove and query keyed
/// signatures; a query returns the indexed keys that share at least one band with it, each with its estimated
/// Jaccard similarity, optionally only those at or above a threshold.
/// </summary>
/// <typeparam name="TKey">The key type (a document id, for example).</typeparam>
/// <remarks>
/// <para>
/// Bands × rows come from <see cref="LshOptions"/> (see <see cref="LshParameters"/>); <see cref="ExpectedRecall"/>
/// reports how many pairs above the threshold are expected to become candidates. A shared band only makes a
/// candidate: every answer is scored on the full signature, so a query never reports a key because of one
/// band alone.
/// </para>
/// <para>
/// Thread safety: any number of threads may insert, remove and query at once. Queries run in parallel under a
/// read lock; inserts and removes take the write lock, so no entry is ever lost or half-visible. An insert
/// costs O(K) (band keys, computed outside the lock) plus O(b) table updates; a query O(K + c·K) for c
/// candidates. Memory: K·4 bytes of signature plus about 16–25 bytes per band per entry.
/// </para>
/// <para>
/// <see cref="Save(Stream)"/> writes a versioned, checksummed little-endian file; <see cref="LshIndex.Load{TKey}(Stream, IEqualityComparer{TKey}?, IComparer{TKey}?)"/>
/// reads the whole file and verifies it before building anything, so a truncated, corrupt or wrong-version
/// file is refused with an <see cref="InvalidDataException"/> and never half-loaded.
/// </para>
/// </remarks>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "ReaderWriterLockSlim holds wait handles only under contention, and they are finalizable; making every index IDisposable would burden all callers for no benefit.")]
public sealed class LshIndex<TKey>
    where TKey : notnull
{
    /// <summary>The version of the file format written by <see cref="Save(Stream)"/>.</summary>
    public const int FormatVersion = 1;

    // 128 entries a segment: at K = 128 its signature array is 64 KB, under the large-object threshold (85,000
    // bytes), so a growing index does not trigger gen-2 collections through the large-object heap.
    private const int SegmentShift = 7;
    private const int SegmentSize = 1 << SegmentShift;
    private const byte Live = 1;

    // Candidates gathered on the stack before the pool is asked for more (a query usually finds a few dozen).
    private const int CandidateBuffer = 512;
    private const byte LiveEmptySet = 2;
    private static ReadOnlySpan<byte> Magic => "CLSH"u8;

    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly int _k;
    private readonly int _bands;
    private readonly int _rows;
    private readonly BandTable[] _tables;
    private readonly ulong[] _bandSeeds;
    private readonly Dictionary<TKey, int> _ids;
    private readonly IComparer<TKey> _order;
    private readonly List<Segment> _segments = [];
    private readonly Stack<int> _free = new();
    private int _highWater;
    private bool _configured;
    private MinHashScheme _scheme;
    private ulong _seed;
    private Comparison<LshMatch<TKey>>? _matchOrder;

    /// <summary>Creates an empty index.</summary>
    /// <param name="options">The settings; <see langword="null"/> means <see cref="LshOptions.Default"/>.</param>
    /// <param name="keyComparer">Equality of keys; default <see cref="EqualityComparer{T}.Default"/> (pass <see cref="StringComparer.Ordinal"/> for strings to be explicit).</param>
    /// <param name="keyOrder">
    /// Orders answers of equal similarity, so results never depend on insertion order or thread scheduling;
    /// default <see cref="Comparer{T}.Default"/> (the key type must then be comparable).
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="ArgumentException">Bands and rows are inconsistent.</exception>
    public LshIndex(LshOptions? options = null, IEqualityComparer<TKey>? keyComparer = null, IComparer<TKey>? keyOrder = null)
    {
        options ??= LshOptions.Default;
        options.Validate();
        Options = options;
        Parameters = LshParameters.For(options);
        _k = options.Permutations;
        _bands = Parameters.Bands;
        _rows = Parameters.Rows;
        _tables = new BandTable[_bands];
        _bandSeeds = new ulong[_bands];
        for (int i = 0; i < _bands; i++)
        {
            _tables[i] = new BandTable();
            _bandSeeds[i] = Mixing.Mix64((ulong)i + 0x243F6A8885A308D3UL);
        }

        _ids = new Dictionary<TKey, int>(keyComparer ?? EqualityComparer<TKey>.Default);
        _order = keyOrder ?? Comparer<TKey>.Default;
    }

    /// <summary>The settings.</summary>
    public LshOptions Options { get; }

    /// <summary>The bands and rows in use.</summary>
    public LshParameters Parameters { get; }

    /// <summary>
    /// The expected share of pairs at or above <see cref="LshOptions.Threshold"/> that become candidates (mean
    /// of the S-curve over [t, 1]; see <see cref="LshParameters.ExpectedRecall"/>).
    /// </summary>
    public double ExpectedRecall => Parameters.ExpectedRecall(Options.Threshold);

    /// <summary>The number of indexed keys.</summary>
    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _ids.Count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>
    /// The bytes the index keeps: its own arrays (signatures, chains, band tables) and its key dictionary, not
    /// the key objects themselves.
    /// </summary>
    internal long RetainedBytes
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                long bytes = (long)_segments.Count * SegmentSize * ((_k * sizeof(uint)) + (_bands * sizeof(int)) + 1 + IntPtr.Size);
                foreach (BandTable table in _tables)
                {
                    bytes += table.Bytes;
                }

                // A dictionary entry holds the hash code, the next index, the key and the value, plus a bucket.
                int keySize = typeof(TKey).IsValueType ? Unsafe.SizeOf<TKey>() : IntPtr.Size;
                return bytes + ((long)_ids.EnsureCapacity(0) * (4 + 4 + Math.Max(keySize, 4) + 4 + 4));
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>Adds a signature under a new key.</summary>
    /// <param name="key">The key, not yet in the index.</param>
    /// <param name="signature">A signature with <see cref="LshOptions.Permutations"/> values, of the same scheme and seed as every other.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The key is already indexed, or the signature's K, scheme or seed differs from the index's.</exception>
    public void Insert(TKey key, MinHashSignature signature)
    {
        ArgumentNullException.ThrowIfNull(key);
        CheckSignature(signature);
        Span<uint> bandKeys = _bands <= 256 ? stackalloc uint[_bands] : new uint[_bands];
        ComputeBandKeys(signature.Span, bandKeys);
        _lock.EnterWriteLock();
        try
        {
            CheckConfiguration(signature);
            if (_ids.ContainsKey(key))
            {
                throw new ArgumentException($"The key '{key}' is already in the index; remove it first to replace its signature.", nameof(key));
            }

            _configured = true;
            _scheme = signature.Scheme;
            _seed = signature.Seed;
            Add(key, signature.Span, signature.IsEmpty, bandKeys);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Removes a key and its signature.</summary>
    /// <param name="key">The key.</param>
    /// <returns><see langword="true"/> when the key was indexed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public bool Remove(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _lock.EnterWriteLock();
        try
        {
            if (!_ids.Remove(key, out int id))
            {
                return false;
            }

            Segment segment = SegmentOf(id, out int offset);
            Span<uint> bandKeys = _bands <= 256 ? stackalloc uint[_bands] : new uint[_bands];
            ComputeBandKeys(segment.Values.AsSpan(offset * _k, _k), bandKeys);
            for (int band = 0; band < _bands && segment.State[offset] != LiveEmptySet; band++)
            {
                Unlink(id, band, bandKeys[band]);
            }

            segment.State[offset] = 0;
            segment.Keys[offset] = default!;
            _free.Push(id);
            return true;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Whether a key is indexed.</summary>
    /// <param name="key">The key.</param>
    /// <returns><see langword="true"/> when indexed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public bool Contains(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _lock.EnterReadLock();
        try
        {
            return _ids.ContainsKey(key);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>The indexed keys whose estimated Jaccard similarity to the query is at least <see cref="LshOptions.Threshold"/>.</summary>
    /// <param name="signature">The query signature.</param>
    /// <returns>The matches, most similar first, ties in key order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="signature"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The signature's K, scheme or seed differs from the index's.</exception>
    public ImmutableArray<LshMatch<TKey>> Query(MinHashSignature signature) => Query(signature, Options.Threshold);

    /// <summary>The candidates of a query (keys sharing a band with it) whose estimated Jaccard similarity is at least <paramref name="minimumJaccard"/>.</summary>
    /// <param name="signature">The query signature.</param>
    /// <param name="minimumJaccard">The least estimate kept, in [0, 1]; 0 keeps every candidate.</param>
    /// <returns>The matches, most similar first, ties in key order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="signature"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimumJaccard"/> is outside [0, 1].</exception>
    /// <exception cref="ArgumentException">The signature's K, scheme or seed differs from the index's.</exception>
    public ImmutableArray<LshMatch<TKey>> Query(MinHashSignature signature, double minimumJaccard)
    {
        CheckSignature(signature);
        if (!(minimumJaccard is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(minimumJaccard), minimumJaccard, "The minimum Jaccard similarity must be in [0, 1].");
        }

        Span<uint> bandKeys = _bands <= 256 ? stackalloc uint[_bands] : new uint[_bands];
        ComputeBandKeys(signature.Span, bandKeys);
        Span<int> candidates = stackalloc int[CandidateBuffer];
        int[]? rented = null;
        LshMatch<TKey>[] matches;
        _lock.EnterReadLock();
        try
        {
            if (!_configured)
            {
                return [];
            }

            CheckConfiguration(signature);
            if (signature.IsEmpty)
            {
                // An empty set resembles nothing. Empty sets are not linked into the bands either (see Add): they all
                // share every band key, so n of them would make n²/2 candidates.
                return [];
            }

            for (int band = 0; band < _bands; band++)
            {
                _tables[band].Prefetch(bandKeys[band]);
            }

            int count = 0;
            for (int band = 0; band < _bands; band++)
            {
                for (int id = _tables[band].Find(bandKeys[band]); id >= 0; id = NextOf(id, band))
                {
                    if (count == candidates.Length)
                    {
                        int[] larger = ArrayPool<int>.Shared.Rent(2 * count);
                        candidates.CopyTo(larger);
                        if (rented is not null)
                        {
                            ArrayPool<int>.Shared.Return(rented);
                        }

                        rented = larger;
                        candidates = larger;
                    }

                    candidates[count++] = id;
                }
            }

            // Distinct candidates, scored on the full signature; the kept ones are packed (agreements, id) in place.
            Span<int> found = candidates[..count];
            found.Sort();
            Span<long> kept = count <= CandidateBuffer / 2 ? stackalloc long[count] : new long[count];
            int keptCount = 0;
            int previous = -1;
            foreach (int id in found)
            {
                if (id == previous)
                {
                    continue;
                }

                previous = id;
                Segment segment = SegmentOf(id, out int offset);
                int agree = MinHashSignature.CountMatches(segment.Values.AsSpan(offset * _k, _k), signature.Span);
                if (new JaccardEstimate(agree, _k, 32).Value >= minimumJaccard)
                {
                    kept[keptCount++] = ((long)agree << 32) | (uint)id;
                }
            }

            if (keptCount == 0)
            {
                return [];
            }

            matches = new LshMatch<TKey>[keptCount];
            for (int i = 0; i < keptCount; i++)
            {
                int id = (int)kept[i];
                Segment segment = SegmentOf(id, out int offset);
                matches[i] = new LshMatch<TKey>(segment.Keys[offset], new JaccardEstimate((int)(kept[i] >> 32), _k, 32));
            }
        }
        finally
        {
            _lock.ExitReadLock();
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }
        }

        if (matches.Length > 1)
        {
            Array.Sort(matches, _matchOrder ??= (a, b) => a.Estimate.Matches != b.Estimate.Matches ? b.Estimate.Matches.CompareTo(a.Estimate.Matches) : _order.Compare(a.Key, b.Key));
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(matches);
    }

    /// <summary>Writes the index to a stream; keys of type string, int, long or Guid are written by the built-in codec.</summary>
    /// <param name="stream">A writable stream.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="NotSupportedException">The key type has no built-in codec; use <see cref="Save(Stream, Action{BinaryWriter, TKey})"/>.</exception>
    public void Save(Stream stream) => Save(stream, KeyCodec.Writer<TKey>());

    /// <summary>Writes the index to a stream, writing each key with <paramref name="writeKey"/>.</summary>
    /// <param name="stream">A writable stream.</param>
    /// <param name="writeKey">Writes one key; <see cref="LshIndex.Load{TKey}(Stream, Func{BinaryReader, TKey}, IEqualityComparer{TKey}?, IComparer{TKey}?)"/> must read it back with the matching reader.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public void Save(Stream stream, Action<BinaryWriter, TKey> writeKey)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(writeKey);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            _lock.EnterReadLock();
            try
            {
                writer.Write(Magic);
                writer.Write((ushort)FormatVersion);
                writer.Write((ushort)0);
                writer.Write(_k);
                writer.Write(_bands);
                writer.Write(_rows);
                writer.Write(Options.Threshold);
                writer.Write(Options.FalsePositiveWeight);
                writer.Write(Options.FalseNegativeWeight);
                writer.Write(_configured);
                writer.Write((byte)_scheme);
                writer.Write(_seed);
                writer.Write(_ids.Count);
                for (int id = 0; id < _highWater; id++)
                {
                    Segment segment = SegmentOf(id, out int offset);
                    byte state = segment.State[offset];
                    if (state == 0)
                    {
                        continue;
                    }

                    writeKey(writer, segment.Keys[offset]);
                    writer.Write(state);
                    foreach (uint value in segment.Values.AsSpan(offset * _k, _k))
                    {
                        writer.Write(value);
                    }
                }
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }

        Span<byte> checksum = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(checksum, Mixing.Checksum(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
        buffer.Write(checksum);
        buffer.Position = 0;
        buffer.CopyTo(stream);
    }

    /// <summary>Reads an index file; see <see cref="LshIndex.Load{TKey}(Stream, Func{BinaryReader, TKey}, IEqualityComparer{TKey}?, IComparer{TKey}?)"/>.</summary>
    internal static LshIndex<TKey> LoadCore(Stream stream, Func<BinaryReader, TKey> readKey, IEqualityComparer<TKey>? keyComparer = null, IComparer<TKey>? keyOrder = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(readKey);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        byte[] bytes = copy.ToArray();
        const int HeaderLength = 4 + 2 + 2 + 12 + 24 + 1 + 1 + 8 + 4;
        if (bytes.Length < 6)
        {
            throw new InvalidDataException($"The LSH index file is truncated: {bytes.Length} bytes, shorter than its header.");
        }

        if (!bytes.AsSpan(0, 4).SequenceEqual(Magic))
        {
            throw new InvalidDataException("The data is not an LSH index (its first four bytes are not 'CLSH').");
        }

        int version = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(4));
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"The LSH index file has format version {version}; this library reads version {FormatVersion}.");
        }

        if (bytes.Length < HeaderLength + 8)
        {
            throw new InvalidDataException($"The LSH index file is truncated: {bytes.Length} bytes, fewer than its header.");
        }

        if (BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(6)) != 0)
        {
            throw new InvalidDataException($"The LSH index file is corrupt: its reserved field is {BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(6))}, not 0.");
        }

        ulong stored = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(bytes.Length - 8));
        if (stored != Mixing.Checksum(bytes.AsSpan(0, bytes.Length - 8)))
        {
            throw new InvalidDataException("The LSH index file is truncated or corrupt: its checksum does not match its contents.");
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, 0, bytes.Length - 8, writable: false), FormatReader.StrictUtf8);
            reader.BaseStream.Position = 8;
            int k = reader.ReadInt32(), bands = reader.ReadInt32(), rows = reader.ReadInt32();
            var options = new LshOptions
            {
                Permutations = k,
                Bands = bands,
                Rows = rows,
                Threshold = reader.ReadDouble(),
                FalsePositiveWeight = reader.ReadDouble(),
                FalseNegativeWeight = reader.ReadDouble(),
            };
            var index = new LshIndex<TKey>(options, keyComparer, keyOrder);
            byte configuredByte = reader.ReadByte();
            var scheme = (MinHashScheme)reader.ReadByte();
            ulong seed = reader.ReadUInt64();
            int count = reader.ReadInt32();
            if (count < 0 || (long)count * ((4L * k) + 2) > bytes.Length)
            {
                throw new InvalidDataException($"The LSH index file claims {count} entries, more than it can hold.");
            }

            // Configured by its first insert: then the scheme is a defined one; before it, scheme and seed are zero and there is no entry.
            bool configured = configuredByte switch
            {
                0 => false,
                1 => true,
                _ => throw new InvalidDataException($"The LSH index file is corrupt: its configured flag is {configuredByte}; only 0 and 1 are valid."),
            };
            if (configured ? scheme is not (MinHashScheme.Classic or MinHashScheme.OnePermutation) : scheme != 0 || seed != 0 || count != 0)
            {
                throw new InvalidDataException(configured
                    ? $"The LSH index file is corrupt: it names an unknown MinHash scheme ({(byte)scheme})."
                    : $"The LSH index file is corrupt: it is marked as never configured but holds scheme {(byte)scheme}, seed {seed} and {count} entries.");
            }

            index._configured = configured;
            index._scheme = scheme;
            index._seed = seed;
            var values = new uint[k];
            Span<uint> bandKeys = new uint[bands];
            for (int i = 0; i < count; i++)
            {
                TKey key = readKey(reader) ?? throw new InvalidDataException($"Entry {i} of the LSH index file has a null key.");
                byte state = reader.ReadByte();
                if (state is not (Live or LiveEmptySet))
                {
                    throw new InvalidDataException($"Entry {i} of the LSH index file has an invalid state ({state}).");
                }

                for (int j = 0; j < k; j++)
                {
                    values[j] = reader.ReadUInt32();
                }

                if (index._ids.ContainsKey(key))
                {
                    throw new InvalidDataException($"The LSH index file holds the key '{key}' twice.");
                }

                index.ComputeBandKeys(values, bandKeys);
                index.Add(key, values, state == LiveEmptySet, bandKeys);
            }

            if (reader.BaseStream.Position != reader.BaseStream.Length)
            {
                throw new InvalidDataException("The LSH index file has unexpected bytes after its last entry.");
            }

            return index;
        }
        catch (Exception ex) when (ex is EndOfStreamException or ArgumentException or IOException or FormatException or OverflowException)
        {
            // What BinaryReader and a key reader throw for bytes they cannot read (FormatException: an overlong
            // 7-bit length; DecoderFallbackException, an ArgumentException: invalid UTF-8).
            throw new InvalidDataException($"The LSH index file is malformed: {ex.Message}", ex);
        }
    }

    /// <summary>The band keys of a signature: one 32-bit hash of each band's r values, never 0.</summary>
    /// <remarks>Eight bands at a time with AVX-512 (each lane gathers its band's rows), the rest one at a time; both give <see cref="ComputeBandKeysScalar"/>.</remarks>
    internal unsafe void ComputeBandKeys(ReadOnlySpan<uint> values, Span<uint> bandKeys)
    {
        int band = 0;
        if (Avx512DQ.IsSupported && Avx512F.VL.IsSupported && _bands >= 8 && values.Length >= _bands * _rows)
        {
            fixed (uint* v = values)
            {
                for (; band + 8 <= _bands; band += 8)
                {
                    Vector512<ulong> h = Vector512.LoadUnsafe(ref _bandSeeds[band]);
                    Vector256<int> index = (Vector256<int>.Indices + Vector256.Create(band)) * Vector256.Create(_rows);
                    for (int row = 0; row < _rows; row++)
                    {
                        Vector512<ulong> value = Avx512F.ConvertToVector512UInt64(Avx2.GatherVector256(v, index + Vector256.Create(row), 4));
                        h = Avx512F.RotateLeft((h ^ value) * Vector512.Create(Mixing.Golden), 29);
                    }

                    h ^= h >> 33;
                    h *= Vector512.Create(0xFF51AFD7ED558CCDUL);
                    h ^= h >> 33;
                    h *= Vector512.Create(0xC4CEB9FE1A85EC53UL);
                    h ^= h >> 33;
                    Vector256<uint> keys = Avx512F.ConvertToVector256UInt32(h >> 32);
                    (keys - Vector256.Equals(keys, Vector256<uint>.Zero)).StoreUnsafe(ref bandKeys[band]);
                }
            }
        }

        ComputeBandKeysScalar(values, bandKeys, band);
    }

    /// <summary>
    /// The band keys of bands <paramref name="from"/> onwards, one at a time: <c>h = Mix64(band + π₀)</c>, then
    /// <c>h = rotl((h ⊕ value)·φ, 29)</c> for each of the band's values, and the key is the high half of
    /// <c>Mix64(h)</c>, 0 replaced by 1.
    /// </summary>
    internal void ComputeBandKeysScalar(ReadOnlySpan<uint> values, Span<uint> bandKeys, int from = 0)
    {
        for (int band = from; band < _bands; band++)
        {
            ulong h = _bandSeeds[band];
            foreach (uint value in values.Slice(band * _rows, _rows))
            {
                h = ulong.RotateLeft((h ^ value) * Mixing.Golden, 29);
            }

            uint key = (uint)(Mixing.Mix64(h) >> 32);
            bandKeys[band] = key == 0 ? 1 : key;
        }
    }

    private void Add(TKey key, ReadOnlySpan<uint> values, bool emptySet, ReadOnlySpan<uint> bandKeys)
    {
        int id = _free.Count > 0 ? _free.Pop() : _highWater++;
        if ((id >> SegmentShift) == _segments.Count)
        {
            _segments.Add(new Segment(_k, _bands));
        }

        for (int band = 0; band < _bands; band++)
        {
            _tables[band].Prefetch(bandKeys[band]);
        }

        Segment segment = SegmentOf(id, out int offset);
        values.CopyTo(segment.Values.AsSpan(offset * _k, _k));
        segment.Keys[offset] = key;
        segment.State[offset] = emptySet ? LiveEmptySet : Live;
        for (int band = 0; band < _bands; band++)
        {
            segment.Next[(offset * _bands) + band] = emptySet ? -1 : _tables[band].Push(bandKeys[band], id);
        }

        _ids.Add(key, id);
    }

    private void Unlink(int id, int band, uint bandKey)
    {
        BandTable table = _tables[band];
        int head = table.Find(bandKey);
        Segment segment = SegmentOf(id, out int offset);
        int next = segment.Next[(offset * _bands) + band];
        if (head == id)
        {
            if (next < 0)
            {
                table.Remove(bandKey);
            }
            else
            {
                table.SetHead(bandKey, next);
            }

            return;
        }

        Segment s = SegmentOf(head, out int o);
        ref int link = ref s.Next[(o * _bands) + band];
        while (link != id)
        {
            s = SegmentOf(link, out o);
            link = ref s.Next[(o * _bands) + band];
        }

        link = next;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int NextOf(int id, int band)
    {
        Segment segment = SegmentOf(id, out int offset);
        return segment.Next[(offset * _bands) + band];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Segment SegmentOf(int id, out int offset)
    {
        offset = id & (SegmentSize - 1);
        return _segments[id >> SegmentShift];
    }

    private void CheckSignature(MinHashSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (signature.Permutations != _k)
        {
            throw new ArgumentException($"The signature has {signature.Permutations} permutations; this index holds signatures of {_k}.", nameof(signature));
        }
    }

    private void CheckConfiguration(MinHashSignature signature)
    {
        if (_configured && (signature.Scheme != _scheme || signature.Seed != _seed))
        {
            string what = signature.Scheme != _scheme ? $"scheme {signature.Scheme}, the index holds {_scheme}" : $"seed {signature.Seed}, the index holds seed {_seed}";
            throw new ArgumentException($"The signature has {what}; only signatures from one MinHasher configuration can be compared.", nameof(signature));
        }
    }

    /// <summary>A block of entries: signatures, keys, chain links and states side by side, allocated as the index grows.</summary>
    private sealed class Segment(int k, int bands)
    {
        public readonly TKey[] Keys = new TKey[SegmentSize];
        public readonly uint[] Values = new uint[SegmentSize * k];
        public readonly int[] Next = new int[SegmentSize * bands];
        public readonly byte[] State = new byte[SegmentSize];
    }
}
