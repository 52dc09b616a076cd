using Comparison.Documents;

namespace Comparison.Tests.Documents;

public class DocumentBatchesTests
{
    private static IEnumerable<Document> Numbered(int count, int length = 3)
    {
        for (int i = 0; i < count; i++)
        {
            yield return new Document("d" + i, new string('x', length));
        }
    }

    [Fact]
    public void Read_BatchesByCountAndCharacters_InInputOrderWithPositions()
    {
        var batches = DocumentBatches.Read(Numbered(25, length: 10), keep: null, CancellationToken.None, maxCount: 4, maxCharacters: 30).ToList();
        Assert.Equal(Enumerable.Range(0, 25), batches.SelectMany(b => b.Positions));
        Assert.Equal(Enumerable.Range(0, 25).Select(i => "d" + i), batches.SelectMany(b => b.Documents).Select(d => d.Id));

        // 30 characters close a batch at three documents of ten.
        Assert.All(batches, b => Assert.InRange(b.Documents.Length, 1, 3));
    }

    [Fact]
    public void Read_Keep_FiltersAndSeesEveryPositionInOrder()
    {
        var seen = new List<int>();
        var batches = DocumentBatches.Read(Numbered(10), (d, p) => { seen.Add(p); return p % 3 == 0; }, CancellationToken.None, maxCount: 2).ToList();
        Assert.Equal(Enumerable.Range(0, 10), seen);
        Assert.Equal([0, 3, 6, 9], batches.SelectMany(b => b.Positions));
    }

    [Fact]
    public void Read_ExceptionWhileReading_ReachesTheConsumer()
    {
        IEnumerable<Document> Failing()
        {
            yield return new Document("a", "x");
            throw new DocumentFormatException("in.jsonl", 2, "bad line");
        }

        var e = Assert.Throws<DocumentFormatException>(() => DocumentBatches.Read(Failing(), null, CancellationToken.None, maxCount: 1).ToList());
        Assert.Equal(2, e.Line);
        Assert.Throws<ArgumentException>(() => DocumentBatches.Read(Numbered(3), (d, p) => p == 2 ? throw new ArgumentException("third") : true, CancellationToken.None).ToList());
    }

    [Fact]
    public void Read_ConsumerStopsEarly_ReaderStopsAndTheSourceIsDisposed()
    {
        bool disposed = false;
        int produced = 0;
        IEnumerable<Document> Endless()
        {
            try
            {
                while (true)
                {
                    produced++;
                    yield return new Document("d" + produced, "x");
                }
            }
            finally
            {
                disposed = true;
            }
        }

        DocumentBatch first = DocumentBatches.Read(Endless(), null, CancellationToken.None, maxCount: 8).First();
        Assert.Equal(8, first.Documents.Length);
        Assert.True(disposed);
        Assert.True(produced < 8 * 10);
    }

    [Fact]
    public void Read_Cancelled_Throws()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => DocumentBatches.Read(Numbered(100), null, cancel.Token).ToList());
    }
}
