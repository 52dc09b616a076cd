using Comparison.Clustering;
using Comparison.Documents;
using Comparison.Tests.Support;

namespace Comparison.Tests.Clustering;

public class EventFeaturesTests
{
    [Fact]
    public void TextSimilarity_SpreadDocument_SameBitsAsTheMergeJoin()
    {
        List<Document> corpus = [.. Seeds.Load(), .. EventClustererTests.Corpus(7, 12)];
        EventFeatures features = EventFeatures.Build(corpus, EventClustererOptions.Default, CancellationToken.None);
        DenseDocument dense = features.NewDense();
        int compared = 0;

        // Each document spread in turn over the last (which must be cleared), then scored against every other.
        for (int a = 0; a < features.Count; a++)
        {
            features.Spread(a, dense);
            for (int b = 0; b < features.Count; b++)
            {
                double expected = features.TextSimilarity(a, b);
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(features.TextSimilarity(dense, b)));
                compared += expected > 0 ? 1 : 0;
            }
        }

        Assert.True(compared > features.Count, "the corpus has documents that share terms");
    }
}
