using Comparison.Clustering;
using Comparison.Documents;
using Comparison.Evaluation;
using Comparison.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Comparison.Tests.Clustering;

public class EventClustererTests
{
    private static readonly string[][] Topics =
    [
        ["earthquake", "Richter", "Indonesia", "Sumatra", "tsunami", "magnitude", "collapsed", "rescuers"],
        ["election", "ballots", "Ohio", "governor", "turnout", "recount", "precinct", "candidate"],
        ["hurricane", "Florida", "landfall", "evacuation", "winds", "flooding", "shelters", "storm"],
        ["merger", "Oracle", "shareholders", "acquisition", "billion", "regulators", "deal", "stock"],
    ];

    [Fact]
    public void Cluster_Seeds_GroupsTheFourReportsOfTheCallAndLeavesTheOtherCallAlone()
    {
        EventClustering result = new EventClusterer().Cluster(Seeds.Load());
        var call = result.ClusterOf(Seeds.Get("000").Id);
        Assert.Equal(call, result.ClusterOf(Seeds.Get("001").Id));
        Assert.Equal(call, result.ClusterOf(Seeds.Get("002").Id));
        Assert.Equal(call, result.ClusterOf(Seeds.Get("004").Id));
        int other = result.ClusterOf(Seeds.Get("003").Id);
        Assert.NotEqual(call, other);
        Assert.Single(result.Clusters[other].DocumentIds);
        Assert.Equal(2, result.Clusters.Length);
        Assert.Contains(result.Clusters[call].RepresentativeId, result.Clusters[call].DocumentIds);
        Assert.False(string.IsNullOrWhiteSpace(result.Clusters[call].Label));
    }

    [Fact]
    public void Cluster_SyntheticTopics_PartitionIndependentOfInputOrder()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), seed =>
        {
            List<Document> corpus = Corpus(seed, 16);
            var shuffled = corpus.ToList();
            new Random(seed).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(shuffled));
            var clusterer = new EventClusterer();
            EventClustering a = clusterer.Cluster(corpus);
            EventClustering b = clusterer.Cluster(shuffled);
            bool partition = a.Clusters.Sum(c => c.DocumentIds.Length) == corpus.Count
                && a.Clusters.SelectMany(c => c.DocumentIds).Distinct().Count() == corpus.Count;
            bool same = a.Clusters.Length == b.Clusters.Length
                && a.Clusters.Zip(b.Clusters).All(p => p.First.DocumentIds.SequenceEqual(p.Second.DocumentIds) && p.First.Label == p.Second.Label && p.First.RepresentativeId == p.Second.RepresentativeId);
            return partition && same;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Cluster_SyntheticTopics_RecoversTopics()
    {
        List<Document> corpus = Corpus(7, 24);
        EventClustering result = new EventClusterer().Cluster(corpus);
        var gold = corpus.Select(d => d.Metadata["cluster"]).ToList();
        var predicted = corpus.Select(d => result.ClusterOf(d.Id)).ToList();
        Assert.True(ClusteringMetrics.AdjustedRandIndex(gold, predicted) > 0.9);
    }

    [Fact]
    public void Cluster_OneAndTwoThreads_SameResult()
    {
        List<Document> corpus = [.. Corpus(11, 40), .. Seeds.Load()];
        EventClustering one = new EventClusterer(new EventClustererOptions { MaxDegreeOfParallelism = 1 }).Cluster(corpus);
        EventClustering two = new EventClusterer(new EventClustererOptions { MaxDegreeOfParallelism = 2 }).Cluster(corpus);
        Assert.Equal(one.Clusters.Length, two.Clusters.Length);
        for (int i = 0; i < one.Clusters.Length; i++)
        {
            Assert.Equal(one.Clusters[i].Label, two.Clusters[i].Label);
            Assert.Equal(one.Clusters[i].RepresentativeId, two.Clusters[i].RepresentativeId);
            Assert.Equal(string.Join(",", one.Clusters[i].DocumentIds), string.Join(",", two.Clusters[i].DocumentIds));
            Assert.Equal(string.Join(",", one.Clusters[i].Terms), string.Join(",", two.Clusters[i].Terms));
        }
    }

    [Fact]
    public void Cluster_EmptyAndSingle_EveryDocumentInOneCluster()
    {
        Assert.Empty(new EventClusterer().Cluster([]).Clusters);
        EventClustering single = new EventClusterer().Cluster([new Document("only", "A lone report about nothing in particular.")]);
        Assert.Single(single.Clusters);
        Assert.Equal(0, single.ClusterOf("only"));
        Assert.Equal("lone nothing particular report", single.Clusters[0].Label);
        Assert.Throws<KeyNotFoundException>(() => single.ClusterOf("missing"));
    }

    [Fact]
    public void Cluster_BadArguments_Throw()
    {
        var clusterer = new EventClusterer();
        Assert.Throws<ArgumentNullException>(() => clusterer.Cluster(null!));
        Assert.Throws<ArgumentNullException>(() => clusterer.Cluster([new Document("a", "x"), null!]));
        var ex = Assert.Throws<ArgumentException>(() => clusterer.Cluster([new Document("a", "x"), new Document("a", "y")]));
        Assert.Contains("'a'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(EventClustererOptions.Threshold))]
    [InlineData(nameof(EventClustererOptions.Neighbors))]
    [InlineData(nameof(EventClustererOptions.TimeDecayDays))]
    [InlineData(nameof(EventClustererOptions.MaxDocumentFrequency))]
    [InlineData(nameof(EventClustererOptions.LeadWeight))]
    [InlineData(nameof(EventClustererOptions.MaxDegreeOfParallelism))]
    public void Constructor_BadOption_NamesTheProperty(string property)
    {
        EventClustererOptions options = property switch
        {
            nameof(EventClustererOptions.Threshold) => new() { Threshold = 0 },
            nameof(EventClustererOptions.Neighbors) => new() { Neighbors = 0 },
            nameof(EventClustererOptions.TimeDecayDays) => new() { TimeDecayDays = double.NaN },
            nameof(EventClustererOptions.MaxDocumentFrequency) => new() { MaxDocumentFrequency = 1.5 },
            nameof(EventClustererOptions.LeadWeight) => new() { LeadWeight = 0 },
            _ => new() { MaxDegreeOfParallelism = -1 },
        };
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new EventClusterer(options));
        Assert.Equal(property, ex.ParamName);
    }

    /// <summary>A labelled corpus: documents drawn from a few topics' words plus shared filler, in a seeded order.</summary>
    internal static List<Document> Corpus(int seed, int count)
    {
        var random = new Random(seed);
        string[] filler = ["officials", "reported", "people", "morning", "local", "authorities", "statement", "week", "city", "area"];
        var documents = new List<Document>(count);
        for (int i = 0; i < count; i++)
        {
            int topic = random.Next(Topics.Length);
            var words = new List<string>();
            for (int w = 0; w < 40; w++)
            {
                words.Add(random.Next(3) == 0 ? filler[random.Next(filler.Length)] : Topics[topic][random.Next(Topics[topic].Length)]);
            }

            documents.Add(new Document($"d{i:D3}", string.Join(' ', words) + ".")
            {
                Metadata = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("cluster", topic.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            });
        }

        return documents;
    }
}
