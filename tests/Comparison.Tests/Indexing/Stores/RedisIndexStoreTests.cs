using Comparison.Indexing.Stores;

namespace Comparison.Tests.Indexing.Stores;

public class RedisIndexStoreTests
{
    [Fact]
    public void Parse_ClusterEndpoints_AllListedAndDescribedWithoutPassword()
    {
        var options = RedisIndexStore.Parse("redis://reader:s%40cret@10.0.0.5:7000,10.0.0.6:7001/", out string description);

        Assert.Equal(["10.0.0.5:7000", "10.0.0.6:7001"], options.EndPoints.Select(e => e.ToString()!.Replace("Unspecified/", string.Empty, StringComparison.Ordinal)));
        Assert.Equal("reader", options.User);
        Assert.Equal("s@cret", options.Password);
        Assert.Equal("redis://10.0.0.5:7000,10.0.0.6:7001", description);
        Assert.DoesNotContain("cret", description, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PasswordAlone_NoUser()
    {
        var options = RedisIndexStore.Parse("redis://:pw@127.0.0.1:6379", out string description);
        Assert.Null(options.User);
        Assert.Equal("pw", options.Password);
        Assert.Equal("redis://127.0.0.1:6379", description);
    }

    [Theory]
    [InlineData("127.0.0.1:6379")]
    [InlineData("rediss://127.0.0.1:6379")]
    [InlineData("redis://127.0.0.1")]
    [InlineData("redis://127.0.0.1:0")]
    [InlineData("redis://127.0.0.1:70000")]
    [InlineData("redis://:pw@")]
    public void Parse_NotAStore_ArgumentExceptionQuotingIt(string connectionString)
    {
        var error = Assert.Throws<ArgumentException>(() => RedisIndexStore.Parse(connectionString, out _));
        Assert.Equal("connectionString", error.ParamName);
    }

    [Fact]
    public void Crc16_IsRedisClusterKeySlotFunction()
    {
        // The check value of CRC16/XMODEM, and slots that redis-cli CLUSTER KEYSLOT gives.
        Assert.Equal(0x31C3, RedisIndexStore.Crc16("123456789"));
        Assert.Equal(12182, RedisIndexStore.Crc16("foo") % 16384);
        Assert.Equal(5061, RedisIndexStore.Crc16("bar") % 16384);
    }

    [Fact]
    public void ShardTags_EachInItsOwnSliceOfTheSlots_AndShardIsTopByte()
    {
        string[] tags = RedisIndexStore.ComputeShardTags();
        Assert.Equal(RedisIndexStore.Shards, tags.Length);
        for (int shard = 0; shard < tags.Length; shard++)
        {
            int slot = RedisIndexStore.Crc16(tags[shard]) % 16384;
            Assert.InRange(slot, shard * 64, (shard * 64) + 63);
        }

        Assert.Equal(0xAB, RedisIndexStore.ShardOf(0xAB00_0000_0000_0001UL));
        Assert.Equal(tags, RedisIndexStore.ComputeShardTags());
    }
}
