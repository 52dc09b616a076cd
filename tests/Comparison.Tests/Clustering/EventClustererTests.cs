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

    // Three made-up events of three close reports each, and a fourth report of the fire that speaks mostly of its
    // aftermath: only moderately similar to the fire's reports (about 0.18 each), not at all to the others.
    private static readonly Document[] Aftermath =
    [
        new("a1", "A fire destroyed the Hartwell Paper warehouse on Quarry Road in Millbrook early Sunday, fire chief Dana Okafor said. Crews from three stations fought the blaze for six hours. No one was hurt, but the building, which stored rolls of newsprint, collapsed. Investigators from the state fire marshal's office are looking into the cause. Okafor said the sprinkler system had been shut off for repairs.") { Title = "Fire destroys Millbrook paper warehouse" },
        new("a2", "Flames tore through the Hartwell Paper warehouse in Millbrook on Sunday morning. Fire chief Dana Okafor said firefighters from three stations needed six hours to bring the blaze under control. The warehouse on Quarry Road held newsprint and collapsed during the fire. No injuries were reported. The state fire marshal is investigating, and Okafor said the sprinklers were off for repairs.") { Title = "Blaze levels Hartwell Paper warehouse" },
        new("a3", "The state fire marshal is investigating Sunday's fire at the Hartwell Paper warehouse on Quarry Road in Millbrook. Chief Dana Okafor said the sprinkler system had been turned off for repairs when the fire started. Three stations responded, and the blaze burned for six hours before the newsprint warehouse collapsed. Nobody was injured.") { Title = "Millbrook warehouse fire under investigation" },
        new("a4", "Residents near the industrial park were asked to keep their windows closed because of smoke from the Hartwell Paper fire, the county health department said. The advisory was lifted in the evening. Schools will open as usual, the district said, and the road stays closed while crews clear debris in Millbrook.") { Title = "Update" },
        new("b1", "Ashford closed the Elm Street bridge over the Tamsin River on Tuesday after inspectors found cracks in two steel beams, city engineer Paul Whitcombe said. Drivers will be detoured through Mill Lane for at least three months. The bridge carries about 9,000 vehicles a day. Repairs are expected to cost the city several million dollars.") { Title = "Ashford closes Elm Street bridge after inspection" },
        new("b2", "Inspectors found cracks in two steel beams of the Elm Street bridge in Ashford, and the city closed it on Tuesday. City engineer Paul Whitcombe said the detour through Mill Lane would last at least three months. About 9,000 vehicles cross the Tamsin River bridge each day, and repairs could cost millions.") { Title = "Cracked beams shut Tamsin River bridge" },
        new("b3", "The Elm Street bridge across the Tamsin River in Ashford will be closed for at least three months, city engineer Paul Whitcombe said Tuesday, after cracks turned up in two of its steel beams. Traffic, about 9,000 vehicles a day, goes through Mill Lane instead. The repair bill may reach several million dollars.") { Title = "Elm Street bridge closed for months" },
        new("c1", "The Corland school board voted 5-2 on Monday to start high school classes at 8:45 a.m. next fall, board president Irene Vasquez said. Parents had asked for a later start for years. Bus routes will be redrawn, and the district expects to spend more on transportation.") { Title = "Corland school board approves later start" },
        new("c2", "High schools in Corland will start at 8:45 a.m. from next fall after the school board approved the change 5-2 on Monday. Board president Irene Vasquez said bus routes would be redrawn and transportation costs would rise. Parents had pushed for the later start for years.") { Title = "Later school start wins in Corland" },
        new("c3", "Corland's school board on Monday backed an 8:45 a.m. start for its high schools beginning next fall, in a 5-2 vote. Irene Vasquez, the board president, said the district would redraw bus routes and expects higher transportation spending. Parents had campaigned for the change for years.") { Title = "Corland board backs 8:45 start" },
    ];

    [Fact]
    public void Cluster_ReportCloseOnlyToItsEvent_JoinsItAfterTheLinkage()
    {
        EventClustering result = new EventClusterer().Cluster(Aftermath);
        Assert.Equal(3, result.Clusters.Length);
        Assert.Equal(["a1", "a2", "a3", "a4"], result.Clusters[result.ClusterOf("a1")].DocumentIds.AsEnumerable());
        Assert.Equal(["b1", "b2", "b3"], result.Clusters[result.ClusterOf("b1")].DocumentIds.AsEnumerable());
        Assert.Equal(["c1", "c2", "c3"], result.Clusters[result.ClusterOf("c1")].DocumentIds.AsEnumerable());

        // Without the attachment the average linkage alone leaves it out (its average is below Threshold).
        EventClustering alone = new EventClusterer(new EventClustererOptions { MaxFragmentSize = 0 }).Cluster(Aftermath);
        Assert.Equal(4, alone.Clusters.Length);
        Assert.Equal(["a4"], alone.Clusters[alone.ClusterOf("a4")].DocumentIds.AsEnumerable());
        Assert.Equal(["a1", "a2", "a3"], alone.Clusters[alone.ClusterOf("a1")].DocumentIds.AsEnumerable());

        // A stricter attachment threshold leaves it out too.
        EventClustering strict = new EventClusterer(new EventClustererOptions { FragmentThreshold = 0.21 }).Cluster(Aftermath);
        Assert.Equal(["a4"], strict.Clusters[strict.ClusterOf("a4")].DocumentIds.AsEnumerable());
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
    [InlineData(nameof(EventClustererOptions.MaxFragmentSize))]
    [InlineData(nameof(EventClustererOptions.FragmentThreshold))]
    [InlineData(nameof(EventClustererOptions.FragmentMargin))]
    public void Constructor_BadOption_NamesTheProperty(string property)
    {
        EventClustererOptions options = property switch
        {
            nameof(EventClustererOptions.Threshold) => new() { Threshold = 0 },
            nameof(EventClustererOptions.Neighbors) => new() { Neighbors = 0 },
            nameof(EventClustererOptions.TimeDecayDays) => new() { TimeDecayDays = double.NaN },
            nameof(EventClustererOptions.MaxDocumentFrequency) => new() { MaxDocumentFrequency = 1.5 },
            nameof(EventClustererOptions.LeadWeight) => new() { LeadWeight = 0 },
            nameof(EventClustererOptions.MaxFragmentSize) => new() { MaxFragmentSize = -1 },
            nameof(EventClustererOptions.FragmentThreshold) => new() { FragmentThreshold = -0.1 },
            nameof(EventClustererOptions.FragmentMargin) => new() { FragmentMargin = double.PositiveInfinity },
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
