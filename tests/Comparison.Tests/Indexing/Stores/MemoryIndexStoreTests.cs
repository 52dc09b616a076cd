using Comparison.Indexing.Stores;
using Comparison.Tests.Support;

namespace Comparison.Tests.Indexing.Stores;

public class MemoryIndexStoreTests
{
    [Fact]
    public async Task PutIfAbsent_FirstValueStays()
    {
        await using var store = new MemoryIndexStore();
        await IndexStoreContract.PutIfAbsent_FirstValueStays(store, "contract:doc");
    }

    [Fact]
    public async Task AddAndReadSets_EachEntrySeesItsSetAfterTheAddition()
    {
        await using var store = new MemoryIndexStore();
        await IndexStoreContract.AddAndReadSets_EachEntrySeesItsSetAfterTheAddition(store, "contract:band");
    }
}
