using Comparison.Sketches;
using Comparison.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Comparison.Tests.Sketches;

public class MinHashSignatureTests
{
    [Fact]
    public void Merge_AnySets_EqualsSignatureOfUnion_Property()
    {
        Prop.ForAll(
            ArbMap.Default.ArbFor<int>(),
            seed =>
            {
                var random = new Random(seed);
                var scheme = random.Next(2) == 0 ? MinHashScheme.Classic : MinHashScheme.OnePermutation;
                var hasher = new MinHasher(new MinHashOptions { Scheme = scheme, Seed = (ulong)seed, Permutations = random.Next(1, 260) });
                ulong[] a = SetPairs.Distinct(random, random.Next(0, 120));
                ulong[] b = SetPairs.Distinct(random, random.Next(0, 120));
                MinHashSignature merged = hasher.Compute(a).Merge(hasher.Compute(b));
                return merged.Equals(hasher.Compute([.. a, .. b]));
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Bytes_RoundTrip_KeepsEverything_Property()
    {
        Prop.ForAll(
            ArbMap.Default.ArbFor<int>(),
            seed =>
            {
                var random = new Random(seed);
                var scheme = random.Next(2) == 0 ? MinHashScheme.Classic : MinHashScheme.OnePermutation;
                var hasher = new MinHasher(new MinHashOptions { Scheme = scheme, Seed = (ulong)random.NextInt64(), Permutations = random.Next(1, 300) });
                MinHashSignature signature = hasher.Compute(SetPairs.Distinct(random, random.Next(0, 200)));
                byte[] bytes = signature.ToBytes();
                var stream = new MemoryStream();
                signature.WriteTo(stream);
                stream.WriteByte(99);
                stream.Position = 0;
                MinHashSignature fromStream = MinHashSignature.ReadFrom(stream);
                MinHashSignature back = MinHashSignature.FromBytes(bytes);
                return bytes.Length == signature.SerializedLength && back.Equals(signature) && fromStream.Equals(signature)
                    && stream.ReadByte() == 99 && back.IsEmpty == signature.IsEmpty && back.Scheme == scheme
                    && back.EstimateJaccard(signature).Value == (signature.IsEmpty ? 0.0 : 1.0);
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void CountMatches_VectorPaths_EqualScalarLoop_Property()
    {
        Prop.ForAll(
            ArbMap.Default.ArbFor<int>(),
            seed =>
            {
                var random = new Random(seed);
                int n = random.Next(3) == 0 ? 128 : random.Next(0, 300);
                var a = new uint[n];
                var b = new uint[n];
                for (int i = 0; i < n; i++)
                {
                    a[i] = (uint)random.Next(4);
                    b[i] = random.Next(3) == 0 ? (uint)random.Next(4) : a[i];
                }

                uint mask = random.Next(2) == 0 ? uint.MaxValue : 1u;
                return MinHashSignature.CountMatches(a, b) == MinHashSignature.CountMatchesScalar(a, b, uint.MaxValue)
                    && MinHashSignature.CountMatches(a, b, mask) == MinHashSignature.CountMatchesScalar(a, b, mask);
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void EstimateJaccard_FastPath_EqualsScalarCountOfTheValues_Property()
    {
        // The inlined path skips the length check (one configuration, one K) and meets the checked path on the count.
        Prop.ForAll(
            ArbMap.Default.ArbFor<int>(),
            seed =>
            {
                var random = new Random(seed);
                int k = random.Next(2) == 0 ? 128 : random.Next(1, 300);
                var hasher = new MinHasher(new MinHashOptions { Scheme = random.Next(2) == 0 ? MinHashScheme.Classic : MinHashScheme.OnePermutation, Seed = (ulong)seed, Permutations = k });
                var (a, b, _) = SetPairs.Random(random);
                MinHashSignature sa = hasher.Compute(a), sb = hasher.Compute(b);
                JaccardEstimate estimate = sa.EstimateJaccard(sb);
                int scalar = sa.IsEmpty || sb.IsEmpty
                    ? 0
                    : MinHashSignature.CountMatchesScalar(sa.Values.AsSpan(), sb.Values.AsSpan(), uint.MaxValue);
                return estimate.Matches == scalar && estimate.Permutations == k && estimate.Bits == 32
                    && estimate.Value == (double)scalar / k
                    && MinHashSignature.FromBytes(sa.ToBytes()).EstimateJaccard(sb) == estimate;
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void EstimateJaccard_SignaturesOfDifferentOrigin_AreComparedByConfiguration()
    {
        ulong[] set = [1UL, 2UL, 3UL, 4UL, 5UL];
        MinHashSignature a = new MinHasher(new MinHashOptions { Seed = 7 }).Compute(set);
        MinHashSignature b = new MinHasher(new MinHashOptions { Seed = 7 }).Compute(set);
        Assert.Equal(1.0, a.EstimateJaccard(b).Value);
        Assert.Equal(1.0, MinHashSignature.FromBytes(a.ToBytes()).EstimateJaccard(b).Value);
        Assert.Contains("seeds", Assert.Throws<ArgumentException>(() => a.EstimateJaccard(new MinHasher(new MinHashOptions { Seed = 8 }).Compute(set))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromBytes_KnownLayout_IsLittleEndianWithHeader()
    {
        var hasher = new MinHasher(new MinHashOptions { Permutations = 2, Seed = 0x0102030405060708UL });
        byte[] bytes = hasher.Compute([1UL, 2UL, 3UL]).ToBytes();
        Assert.Equal("CMHS"u8.ToArray(), bytes[..4]);
        Assert.Equal(new byte[] { 1, 0, 1, 0, 2, 0, 0, 0, 8, 7, 6, 5, 4, 3, 2, 1 }, bytes[4..20]);
        Assert.Equal(20 + 8 + 8, bytes.Length);
    }

    // A one-permutation signature of K = 16 with three filled bins (values 20..84, empty-bin mask 84..92), and a
    // classic one, with the checksum recomputed after each patch so that only the field checks remain.
    [Theory]
    [InlineData(true, 86, "10", "beyond its 16 bins")]
    [InlineData(true, 84, "0000", "marks none")]
    [InlineData(true, 84, "FFFF", "every bin is marked empty")]
    [InlineData(true, 7, "03", "empty set")]
    [InlineData(false, 7, "01", "empty set")]
    public void FromBytes_CraftedFieldWithValidChecksum_Refused(bool onePermutation, int offset, string hex, string expected)
    {
        var hasher = new MinHasher(new MinHashOptions { Permutations = 16, Scheme = onePermutation ? MinHashScheme.OnePermutation : MinHashScheme.Classic, Seed = 7 });
        byte[] bytes = hasher.Compute([11UL, 12UL, 13UL]).ToBytes();
        var ex = Assert.Throws<InvalidDataException>(() => MinHashSignature.FromBytes(SealedFiles.Patched(bytes, offset, hex)));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromBytes_EmptySetOfEitherScheme_RoundTrips()
    {
        foreach (MinHashScheme scheme in new[] { MinHashScheme.Classic, MinHashScheme.OnePermutation })
        {
            MinHashSignature empty = new MinHasher(new MinHashOptions { Permutations = 70, Scheme = scheme }).Compute([]);
            Assert.Equal(empty, MinHashSignature.FromBytes(empty.ToBytes()));
            Assert.True(MinHashSignature.FromBytes(empty.ToBytes()).IsEmpty);
        }
    }

    [Fact]
    public void FromBytes_TruncatedCorruptOrOtherVersion_RefusedWithClearMessage()
    {
        var hasher = new MinHasher(new MinHashOptions { Scheme = MinHashScheme.OnePermutation });
        byte[] bytes = hasher.Compute([5UL, 6UL]).ToBytes();
        Assert.Contains("truncated", Assert.Throws<InvalidDataException>(() => MinHashSignature.FromBytes(bytes.AsSpan(0, bytes.Length - 1))).Message, StringComparison.Ordinal);
        Assert.Contains("truncated", Assert.Throws<InvalidDataException>(() => MinHashSignature.FromBytes(bytes.AsSpan(0, 10))).Message, StringComparison.Ordinal);
        Assert.Contains("truncated", Assert.Throws<InvalidDataException>(() => MinHashSignature.ReadFrom(new MemoryStream(bytes[..100]))).Message, StringComparison.Ordinal);
        for (int at = 20; at < bytes.Length; at += 37)
        {
            byte[] corrupt = (byte[])bytes.Clone();
            corrupt[at] ^= 0x10;
            Assert.Contains("checksum", Assert.Throws<InvalidDataException>(() => MinHashSignature.FromBytes(corrupt)).Message, StringComparison.Ordinal);
        }

        byte[] future = (byte[])bytes.Clone();
        future[4] = 2;
        Assert.Contains("version 2", Assert.Throws<InvalidDataException>(() => MinHashSignature.FromBytes(future)).Message, StringComparison.Ordinal);
        byte[] alien = (byte[])bytes.Clone();
        alien[0] = (byte)'X';
        Assert.Contains("not a MinHash signature", Assert.Throws<InvalidDataException>(() => MinHashSignature.FromBytes(alien)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EstimateJaccard_DifferentConfiguration_ThrowsSayingWhichDiffers()
    {
        ulong[] set = [1, 2, 3];
        MinHashSignature baseline = new MinHasher().Compute(set);
        Assert.Contains("seeds", Assert.Throws<ArgumentException>(() => baseline.EstimateJaccard(new MinHasher(new MinHashOptions { Seed = 2 }).Compute(set))).Message, StringComparison.Ordinal);
        Assert.Contains("numbers of permutations (128 and 64)", Assert.Throws<ArgumentException>(() => baseline.EstimateJaccard(new MinHasher(new MinHashOptions { Permutations = 64 }).Compute(set))).Message, StringComparison.Ordinal);
        Assert.Contains("schemes", Assert.Throws<ArgumentException>(() => baseline.Merge(new MinHasher(new MinHashOptions { Scheme = MinHashScheme.OnePermutation }).Compute(set))).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => baseline.EstimateJaccard(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => baseline.EstimateJaccard(baseline, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => baseline.EstimateJaccard(baseline, 33));
    }

    [Fact]
    public void EstimateJaccard_BBit_CorrectsForChanceAgreement()
    {
        var random = new Random(11);
        var hasher = new MinHasher(new MinHashOptions { Permutations = 1024 });
        var (a, b, exact) = SetPairs.Make(random, 600, 200, 200);
        JaccardEstimate oneBit = hasher.Compute(a).EstimateJaccard(hasher.Compute(b), 1);
        JaccardEstimate full = hasher.Compute(a).EstimateJaccard(hasher.Compute(b));
        Assert.InRange(oneBit.Value, exact - (4 * oneBit.StandardError), exact + (4 * oneBit.StandardError));
        Assert.True(oneBit.StandardError > full.StandardError);
        Assert.Equal(1, oneBit.Bits);
        Assert.Equal(Math.Sqrt(full.Value * (1 - full.Value) / 1024), full.StandardError, 12);
    }

    [Fact]
    public void StandardErrorOf_Formula()
    {
        Assert.Equal(Math.Sqrt(0.8 * 0.2 / 128), JaccardEstimate.StandardErrorOf(0.8, 128), 15);
        Assert.Throws<ArgumentOutOfRangeException>(() => JaccardEstimate.StandardErrorOf(1.5, 128));
        Assert.Throws<ArgumentOutOfRangeException>(() => JaccardEstimate.StandardErrorOf(0.5, 0));
    }
}
