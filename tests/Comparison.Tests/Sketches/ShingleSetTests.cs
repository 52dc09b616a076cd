using Comparison.Sketches;
using FsCheck;
using FsCheck.Fluent;

namespace Comparison.Tests.Sketches;

public class ShingleSetTests
{
    [Fact]
    public void Jaccard_AnySets_EqualsHashSetDefinition_Property()
    {
        Prop.ForAll(
            ArbMap.Default.ArbFor<ulong[]>(),
            ArbMap.Default.ArbFor<ulong[]>(),
            (a, b) =>
            {
                var sa = new HashSet<ulong>(a);
                var sb = new HashSet<ulong>(b);
                int union = sa.Union(sb).Count();
                double expected = union == 0 ? 0.0 : (double)sa.Intersect(sb).Count() / union;
                double actual = ShingleSet.Jaccard(a, b);
                return actual == expected && ShingleSet.Create(b).Jaccard(ShingleSet.Create(a)) == expected
                    && ShingleSet.Create(a).Count == sa.Count;
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Create_SortsAndRemovesDuplicates()
    {
        ShingleSet set = ShingleSet.Create([5, 1, 5, 3, 1]);
        Assert.Equal(new ulong[] { 1, 3, 5 }, set.Items.ToArray());
        Assert.Same(ShingleSet.Empty, ShingleSet.Create([]));
        Assert.Equal(2, set.IntersectionCount(ShingleSet.Create([3, 5, 7])));
    }

    [Fact]
    public void Jaccard_TwoEmptySets_IsZero()
    {
        Assert.Equal(0.0, ShingleSet.Empty.Jaccard(ShingleSet.Create([])));
        Assert.Equal(0.0, ShingleSet.Jaccard([], []));
    }
}
