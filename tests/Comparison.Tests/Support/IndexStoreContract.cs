using Comparison.Indexing.Stores;

namespace Comparison.Tests.Support;

/// <summary>
/// What every <see cref="IIndexStore"/> answers, checked the same way against the in-memory store here and against
/// real Redis servers in the integration tests.
/// </summary>
public static class IndexStoreContract
{
    /// <summary>Write-once records: the first value stays, a taken key answers the value it holds.</summary>
    public static async Task PutIfAbsent_FirstValueStays(IIndexStore store, string space)
    {
        byte[] first = [1, 2, 3];
        byte[] other = [9];
        byte[] large = [.. Enumerable.Range(0, 5000).Select(i => (byte)i)];
        ulong high = 0xFF00_0000_0000_0001;

        Assert.Equal([null, null, null], await store.PutIfAbsentAsync(space, [new(1, first), new(high, large), new(2, first)]));
        IReadOnlyList<byte[]?> again = await store.PutIfAbsentAsync(space, [new(1, other), new(3, other), new(high, large), new(2, first)]);

        Assert.Equal(first, again[0]);
        Assert.Null(again[1]);
        Assert.Equal(large, again[2]);
        Assert.Equal(first, again[3]);
        IReadOnlyList<byte[]?> read = await store.GetAsync(space, [1, 3, high, 4]);
        Assert.Equal(first, read[0]);
        Assert.Equal(other, read[1]);
        Assert.Equal(large, read[2]);
        Assert.Null(read[3]);
    }

    /// <summary>
    /// Each entry reads its set after its addition: a new set holds the entry's member alone, the later of two entries of one
    /// call that share a set sees the earlier, a set added to before answers its earlier members, and a member added twice
    /// is held once.
    /// </summary>
    public static async Task AddAndReadSets_EachEntrySeesItsSetAfterTheAddition(IIndexStore store, string space)
    {
        const ulong Shared = 0x7700_0000_0000_0005;
        const ulong Lone = 0x7700_0000_0000_0006;
        const ulong Elsewhere = 0x0100_0000_0000_0007;

        IReadOnlyList<ulong[]> first = await store.AddAndReadSetsAsync(space, [new(Lone, 10), new(Shared, 11), new(Elsewhere, 12), new(Shared, 13)]);
        Assert.Equal([10UL], first[0]);
        Assert.Contains(11UL, first[1]);
        Assert.Subset(new HashSet<ulong> { 11, 13 }, first[1].ToHashSet());
        Assert.Equal([12UL], first[2]);
        Assert.Equal([11UL, 13UL], first[3].Order());

        IReadOnlyList<ulong[]> second = await store.AddAndReadSetsAsync(space, [new(Shared, 11), new(Lone, 14), new(0x0200_0000_0000_0001, 15)]);
        Assert.Equal([11UL, 13UL], second[0].Order());
        Assert.Equal([10UL, 14UL], second[1].Order());
        Assert.Equal([15UL], second[2]);

        IReadOnlyList<ulong[]> read = await store.ReadSetsAsync(space, [Shared, Lone, Elsewhere, 0x0300_0000_0000_0001]);
        Assert.Equal([11UL, 13UL], read[0].Order());
        Assert.Equal([10UL, 14UL], read[1].Order());
        Assert.Equal([12UL], read[2]);
        Assert.Empty(read[3]);
    }
}
