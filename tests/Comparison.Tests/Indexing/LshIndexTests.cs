using System.Collections.Concurrent;
using Comparison.Indexing;
using Comparison.Sketches;
using Comparison.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace Comparison.Tests.Indexing;

public class LshIndexTests(ITestOutputHelper output)
{
    private static readonly MinHasher Hasher = new();

    [Fact]
    public void Query_NearDuplicate_FoundWithEstimate_UnrelatedNot()
    {
        var random = new Random(5);
        var (a, b, exact) = SetPairs.Make(random, 900, 50, 50);
        ulong[] other = SetPairs.Distinct(random, 1000);
        var index = new LshIndex<string>(keyComparer: StringComparer.Ordinal, keyOrder: StringComparer.Ordinal);
        index.Insert("a", Hasher.Compute(a));
        index.Insert("other", Hasher.Compute(other));
        var matches = index.Query(Hasher.Compute(b));
        var match = Assert.Single(matches);
        Assert.Equal("a", match.Key);
        Assert.InRange(match.Estimate.Value, exact - 0.12, exact + 0.12);
        Assert.Equal(Hasher.Compute(a).EstimateJaccard(Hasher.Compute(b)), match.Estimate);
        Assert.Empty(index.Query(Hasher.Compute(SetPairs.Distinct(random, 500)), 0));
    }

    [Fact]
    public void InsertRemoveContains_BehaveAsASet()
    {
        var index = new LshIndex<int>();
        MinHashSignature s = Hasher.Compute([1, 2, 3, 4, 5]);
        index.Insert(1, s);
        index.Insert(2, s);
        Assert.Equal(2, index.Count);
        Assert.Throws<ArgumentException>("key", () => index.Insert(1, s));
        Assert.Equal([1, 2], index.Query(s).Select(m => m.Key));
        Assert.True(index.Remove(1));
        Assert.False(index.Remove(1));
        Assert.False(index.Contains(1));
        Assert.True(index.Contains(2));
        Assert.Equal([2], index.Query(s).Select(m => m.Key));
        index.Insert(1, s);
        Assert.Equal([1, 2], index.Query(s).Select(m => m.Key));
    }

    [Fact]
    public void Insert_OtherConfiguration_Throws()
    {
        var index = new LshIndex<int>();
        index.Insert(1, Hasher.Compute([1, 2, 3]));
        Assert.Contains("128", Assert.Throws<ArgumentException>(() => index.Insert(2, new MinHasher(new MinHashOptions { Permutations = 64 }).Compute([1UL]))).Message, StringComparison.Ordinal);
        Assert.Contains("seed", Assert.Throws<ArgumentException>(() => index.Insert(2, new MinHasher(new MinHashOptions { Seed = 9 }).Compute([1UL]))).Message, StringComparison.Ordinal);
        Assert.Contains("scheme", Assert.Throws<ArgumentException>(() => index.Query(new MinHasher(new MinHashOptions { Scheme = MinHashScheme.OnePermutation }).Compute([1UL]))).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => index.Insert(3, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Query(Hasher.Compute([1UL]), 1.5));
    }

    [Fact]
    public void RemoveAndReinsert_AnyOrder_AnswersLikeAFreshIndex_Property()
    {
        Prop.ForAll(
            ArbMap.Default.ArbFor<int>(),
            seed =>
            {
                var random = new Random(seed);
                var corpus = Corpus(random, 40, size: 100);
                var index = new LshIndex<int>(new LshOptions { Bands = 32, Rows = 4 });
                var kept = new HashSet<int>();
                for (int i = 0; i < corpus.Count; i++)
                {
                    index.Insert(i, corpus[i]);
                    kept.Add(i);
                    if (random.Next(3) == 0)
                    {
                        int victim = random.Next(i + 1);
                        if (index.Remove(victim) != kept.Remove(victim))
                        {
                            return false;
                        }
                    }
                }

                var fresh = new LshIndex<int>(new LshOptions { Bands = 32, Rows = 4 });
                foreach (int i in kept)
                {
                    fresh.Insert(i, corpus[i]);
                }

                return index.Count == kept.Count && corpus.All(s => index.Query(s, 0).SequenceEqual(fresh.Query(s, 0)));
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void SaveLoad_AnyIndex_SameAnswers_Property()
    {
        Prop.ForAll(
            ArbMap.Default.ArbFor<int>(),
            seed =>
            {
                var random = new Random(seed);
                var corpus = Corpus(random, 30, size: 100);
                var index = new LshIndex<string>(new LshOptions { Threshold = 0.5 + (0.1 * random.Next(5)) }, StringComparer.Ordinal, StringComparer.Ordinal);
                for (int i = 0; i < corpus.Count; i++)
                {
                    index.Insert("doc-" + i, corpus[i]);
                }

                index.Remove("doc-3");
                var stream = new MemoryStream();
                index.Save(stream);
                stream.Position = 0;
                LshIndex<string> back = LshIndex.Load<string>(stream, StringComparer.Ordinal, StringComparer.Ordinal);
                return back.Count == index.Count && back.Parameters == index.Parameters && back.Options.Threshold == index.Options.Threshold
                    && corpus.All(s => back.Query(s, 0).SequenceEqual(index.Query(s, 0)) && back.Query(s).SequenceEqual(index.Query(s)));
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Load_TruncatedCorruptOrOtherVersion_RefusedWithClearError()
    {
        var index = new LshIndex<int>();
        var corpus = Corpus(new Random(1), 20);
        for (int i = 0; i < corpus.Count; i++)
        {
            index.Insert(i, corpus[i]);
        }

        var stream = new MemoryStream();
        index.Save(stream);
        byte[] bytes = stream.ToArray();
        for (int length = 0; length < bytes.Length; length += 131)
        {
            var ex = Assert.Throws<InvalidDataException>(() => LshIndex.Load<int>(new MemoryStream(bytes[..length])));
            Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
        }

        for (int at = 8; at < bytes.Length; at += 97)
        {
            byte[] corrupt = (byte[])bytes.Clone();
            corrupt[at] ^= 0x04;
            Assert.Contains("corrupt", Assert.Throws<InvalidDataException>(() => LshIndex.Load<int>(new MemoryStream(corrupt))).Message, StringComparison.Ordinal);
        }

        byte[] future = (byte[])bytes.Clone();
        future[4] = 7;
        Assert.Contains("version 7", Assert.Throws<InvalidDataException>(() => LshIndex.Load<int>(new MemoryStream(future))).Message, StringComparison.Ordinal);
        Assert.Contains("not an LSH index", Assert.Throws<InvalidDataException>(() => LshIndex.Load<int>(new MemoryStream("CMHS...."u8.ToArray()))).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => index.Save(new MemoryStream(), null!));
    }

    // Offsets in a saved index: reserved field 6, configured flag 44, scheme 45, seed 46, entry count 54, then the
    // first entry: its key's length byte 58 and text 59 ("doc-0" here), its state byte and its values.
    [Theory]
    [InlineData(6, "0100", "reserved field is 1")]
    [InlineData(44, "07", "configured flag is 7")]
    [InlineData(44, "00", "never configured")]
    [InlineData(45, "09", "unknown MinHash scheme (9)")]
    [InlineData(45, "00", "unknown MinHash scheme (0)")]
    [InlineData(59, "FF", "not valid UTF-8")]
    [InlineData(59, "C3", "not valid UTF-8")]
    [InlineData(58, "FFFFFFFFFF", "malformed")]
    [InlineData(58, "FF7F", "claims 16383 bytes")]
    [InlineData(64, "03", "invalid state (3)")]
    public void Load_CraftedFieldWithValidChecksum_RefusedNamingIt(int offset, string hex, string expected)
    {
        var index = new LshIndex<string>(keyComparer: StringComparer.Ordinal, keyOrder: StringComparer.Ordinal);
        var corpus = Corpus(new Random(2), 3);
        for (int i = 0; i < corpus.Count; i++)
        {
            index.Insert("doc-" + i, corpus[i]);
        }

        var stream = new MemoryStream();
        index.Save(stream);
        byte[] crafted = SealedFiles.Patched(stream.ToArray(), offset, hex);
        var ex = Assert.Throws<InvalidDataException>(() => LshIndex.Load<string>(new MemoryStream(crafted)));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(58, "FFFFFFFFFF")]
    [InlineData(59, "FF")]
    public void Load_CustomKeyReaderOnCraftedKey_InvalidDataOnly(int offset, string hex)
    {
        var index = new LshIndex<string>(keyComparer: StringComparer.Ordinal, keyOrder: StringComparer.Ordinal);
        index.Insert("doc-0", Hasher.Compute([1UL, 2UL]));
        var stream = new MemoryStream();
        index.Save(stream);
        byte[] crafted = SealedFiles.Patched(stream.ToArray(), offset, hex);
        Assert.Throws<InvalidDataException>(() => LshIndex.Load(new MemoryStream(crafted), r => r.ReadString(), StringComparer.Ordinal, StringComparer.Ordinal));
    }

    [Fact]
    public void Save_KeyTypeWithoutCodec_NeedsDelegates()
    {
        var index = new LshIndex<DateOnly>();
        index.Insert(new DateOnly(2020, 1, 1), Hasher.Compute([1UL, 2UL]));
        Assert.Throws<NotSupportedException>(() => index.Save(new MemoryStream()));
        var stream = new MemoryStream();
        index.Save(stream, (w, k) => w.Write(k.DayNumber));
        stream.Position = 0;
        var back = LshIndex.Load(stream, r => DateOnly.FromDayNumber(r.ReadInt32()));
        Assert.True(back.Contains(new DateOnly(2020, 1, 1)));
    }

    [Fact]
    public async Task ConcurrentInsertAndQuery_ManyThreads_NoEntryLost()
    {
        var corpus = Corpus(new Random(77), 4000);
        var index = new LshIndex<int>();
        var failures = new ConcurrentQueue<string>();
        using var done = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 3).Select(r => Task.Run(() =>
        {
            var random = new Random(r);
            while (!done.IsCancellationRequested)
            {
                int i = random.Next(corpus.Count);
                bool present = index.Contains(i);
                var matches = index.Query(corpus[i]);
                if (present && !matches.Any(m => m.Key == i))
                {
                    failures.Enqueue($"{i} was indexed but its own query missed it");
                }
            }
        })).ToArray();
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, t =>
        {
            for (int i = t; i < corpus.Count; i += 8)
            {
                index.Insert(i, corpus[i]);
            }
        });
        done.Cancel();
        await Task.WhenAll(readers);
        Assert.Empty(failures);
        Assert.Equal(corpus.Count, index.Count);
        for (int i = 0; i < corpus.Count; i++)
        {
            Assert.Contains(index.Query(corpus[i]), m => m.Key == i && m.Estimate.Value == 1.0);
        }
    }

    [Fact]
    public void Memory_TenThousandArticlesAtK128_UnderOneKilobyteEach()
    {
        var corpus = Corpus(new Random(3), 10_000, size: 40);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var index = new LshIndex<int>();
        for (int i = 0; i < corpus.Count; i++)
        {
            index.Insert(i, corpus[i]);
        }

        // What the index keeps, and everything it allocated while growing (kept plus outgrown arrays).
        double keptPerArticle = index.RetainedBytes / (double)corpus.Count;
        double allocatedPerArticle = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)corpus.Count;
        output.WriteLine($"LSH index, 10,000 articles, K = 128, {index.Parameters}: kept {keptPerArticle:0} B/article, allocated {allocatedPerArticle:0} B/article");
        Assert.InRange(keptPerArticle, 512, 1024);
        Assert.InRange(allocatedPerArticle, keptPerArticle, 2 * keptPerArticle);
    }

    [Theory]
    [InlineData(16, 8)]
    [InlineData(21, 6)]
    [InlineData(32, 4)]
    [InlineData(9, 13)]
    [InlineData(12, 10)]
    [InlineData(5, 3)]
    public void ComputeBandKeys_VectorAndScalar_EqualTheDefiningFormula(int bands, int rows)
    {
        var index = new LshIndex<int>(new LshOptions { Bands = bands, Rows = rows });
        var random = new Random(bands * 100 + rows);
        var values = new uint[128];
        var keys = new uint[bands];
        var scalar = new uint[bands];
        for (int trial = 0; trial < 200; trial++)
        {
            for (int i = 0; i < values.Length; i++)
            {
                // Runs of zeros and of the extremes as well as random values.
                values[i] = (trial % 4) switch { 0 => 0u, 1 => uint.MaxValue - (uint)random.Next(3), _ => (uint)random.NextInt64() };
            }

            index.ComputeBandKeys(values, keys);
            index.ComputeBandKeysScalar(values, scalar);
            for (int band = 0; band < bands; band++)
            {
                ulong h = Mix64((ulong)band + 0x243F6A8885A308D3UL);
                for (int row = 0; row < rows; row++)
                {
                    h = ulong.RotateLeft((h ^ values[(band * rows) + row]) * 0x9E3779B97F4A7C15UL, 29);
                }

                uint expected = (uint)(Mix64(h) >> 32);
                expected = expected == 0 ? 1 : expected;
                Assert.Equal(expected, keys[band]);
                Assert.Equal(expected, scalar[band]);
            }
        }

        static ulong Mix64(ulong z)
        {
            z = (z ^ (z >> 33)) * 0xFF51AFD7ED558CCDUL;
            z = (z ^ (z >> 33)) * 0xC4CEB9FE1A85EC53UL;
            return z ^ (z >> 33);
        }
    }

    /// <summary>Signatures of random sets where every fourth one is a near copy of an earlier one.</summary>
    internal static List<MinHashSignature> Corpus(Random random, int count, int size = 300)
    {
        var sets = new List<ulong[]>();
        for (int i = 0; i < count; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                ulong[] copy = (ulong[])sets[random.Next(sets.Count)].Clone();
                for (int j = 0; j < copy.Length / 12; j++)
                {
                    copy[random.Next(copy.Length)] = (ulong)random.NextInt64();
                }

                sets.Add(copy);
            }
            else
            {
                sets.Add(SetPairs.Distinct(random, size));
            }
        }

        return sets.Select(s => Hasher.Compute(s)).ToList();
    }
}
