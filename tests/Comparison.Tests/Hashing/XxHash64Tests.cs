using System.Text;
using Comparison.Hashing;
using FsCheck;
using FsCheck.Fluent;

namespace Comparison.Tests.Hashing;

public class XxHash64Tests
{
    private const ulong Prime32 = 2654435761UL;

    // The reference implementation's sanity buffer (xxHash cli/xsum_sanity_check.c, XSUM_fillTestBuffer).
    private static byte[] SanityBuffer(int length)
    {
        var buffer = new byte[length];
        ulong generator = Prime32;
        for (int i = 0; i < length; i++)
        {
            buffer[i] = (byte)(generator >> 56);
            generator = unchecked(generator * 11400714785074694797UL);
        }

        return buffer;
    }

    // Published vectors: xxHash cli/xsum_sanity_check.c and tests/sanity_test_vectors.h (XSUM_XXH64_testdata).
    [Theory]
    [InlineData(0, 0UL, 0xEF46DB3751D8E999UL)]
    [InlineData(0, Prime32, 0xAC75FDA2929B17EFUL)]
    [InlineData(1, 0UL, 0xE934A84ADB052768UL)]
    [InlineData(1, Prime32, 0x5014607643A9B4C3UL)]
    [InlineData(2, 0UL, 0x5D48CD60A77E23FFUL)]
    [InlineData(3, 0UL, 0xFF7E1959CB50794AUL)]
    [InlineData(4, 0UL, 0x9136A0DCA57457EEUL)]
    [InlineData(8, 0UL, 0xCDBCF538E71D1348UL)]
    [InlineData(9, 0UL, 0x554B1AE991EDA6B6UL)]
    [InlineData(14, 0UL, 0x8282DCC4994E35C8UL)]
    [InlineData(14, Prime32, 0xC3BD6BF63DEB6DF0UL)]
    [InlineData(16, 0UL, 0x98C90B57FDFCB55CUL)]
    [InlineData(16, Prime32, 0xC900AD2D536B607EUL)]
    [InlineData(17, 0UL, 0x0D39A2D051A30C2CUL)]
    [InlineData(32, 0UL, 0x18B216492BB44B70UL)]
    [InlineData(33, 0UL, 0x55C8DC3E578F5B59UL)]
    [InlineData(64, 0UL, 0xEF558F8ACAC2B5CDUL)]
    [InlineData(128, 0UL, 0x90CA021457D96DC5UL)]
    [InlineData(129, 0UL, 0x41C280132D697ABAUL)]
    [InlineData(222, 0UL, 0xB641AE8CB691C174UL)]
    [InlineData(222, Prime32, 0x20CB8AB7AE10C14AUL)]
    [InlineData(4096, 0UL, 0xAB77F4AF85F4E70BUL)]
    public void Hash_SanityBuffer_MatchesPublishedVector(int length, ulong seed, ulong expected)
    {
        Assert.Equal(expected, XxHash64.Hash(SanityBuffer(length), seed));
    }

    [Fact]
    public void HashChars_EqualsHashOfUtf16LittleEndianBytes()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), ArbMap.Default.ArbFor<ulong>(), (s, seed) =>
        {
            s ??= string.Empty;
            return XxHash64.HashChars(s, seed) == XxHash64.Hash(Encoding.Unicode.GetBytes(s), seed);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void HashUInt64s_EqualsHashOfLittleEndianBytes()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<ulong[]>(), values =>
        {
            byte[] bytes = values.SelectMany(BitConverter.GetBytes).ToArray();
            return XxHash64.HashUInt64s(values, 7) == XxHash64.Hash(bytes, 7);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Hash_AnyBytes_IsDeterministicAndSeedSensitive()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
            XxHash64.Hash(bytes, 1) == XxHash64.Hash(bytes.ToArray(), 1)
            && XxHash64.Hash(bytes, 1) != XxHash64.Hash(bytes, 2)).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void HashLanes_UpToThreeValues_EqualsXxHash64OfTheirBytes()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<ulong[]>(), ArbMap.Default.ArbFor<ulong>(), (values, seed) =>
        {
            ulong[] lanes = values.Take(3).ToArray();
            return XxHash64.HashLanes(lanes, seed) == XxHash64.HashUInt64s(lanes, seed);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void HashLanes_FiveValues_DependsOnOrderAndSeed()
    {
        ulong[] a = [1, 2, 3, 4, 5];
        ulong[] b = [2, 1, 3, 4, 5];
        Assert.NotEqual(XxHash64.HashLanes(a, 0), XxHash64.HashLanes(b, 0));
        Assert.NotEqual(XxHash64.HashLanes(a, 0), XxHash64.HashLanes(a, 1));
    }

    [Fact]
    public void LaneRoundsAndWindows_Batched_EqualOneAtATime()
    {
        var random = new Random(17);
        for (int trial = 0; trial < 300; trial++)
        {
            int size = 1 + (trial % 9);
            int count = random.Next(0, 40);
            ulong seed = (ulong)random.NextInt64();
            ulong[] values = Enumerable.Range(0, count + size - 1).Select(_ => (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63)).ToArray();
            ulong[] rounds = (ulong[])values.Clone();
            XxHash64.LaneRounds(rounds);
            Assert.Equal(values.Select(XxHash64.LaneRound), rounds);

            var windows = new ulong[count];
            XxHash64.HashRoundedLaneWindows(rounds, size, seed, windows);
            for (int i = 0; i < count; i++)
            {
                Assert.Equal(XxHash64.HashLanes(values.AsSpan(i, size), seed), windows[i]);
            }
        }
    }
}
