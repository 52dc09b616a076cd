using Comparison.Vectors;

namespace Comparison.Tests.Support;

/// <summary>Seeded random sparse vectors and corpora with planted similar pairs.</summary>
public static class RandomVectors
{
    /// <summary>A vector of up to <paramref name="maxTerms"/> distinct ids below <paramref name="vocabulary"/>, positive weights.</summary>
    public static SparseVector Vector(Random random, int maxTerms, int vocabulary)
    {
        int count = random.Next(0, maxTerms + 1);
        var ids = new SortedSet<int>();
        while (ids.Count < Math.Min(count, vocabulary))
        {
            // Skewed ids, so that low ids are shared often (like frequent words).
            ids.Add((int)(vocabulary * Math.Pow(random.NextDouble(), 2)));
        }

        int[] indices = [.. ids];
        float[] values = indices.Select(_ => (float)(0.05 + random.NextDouble())).ToArray();
        return new SparseVector(indices, values);
    }

    /// <summary>A corpus where about half the vectors are noisy copies of earlier ones.</summary>
    public static List<SparseVector> Corpus(int seed, int size, int maxTerms = 40, int vocabulary = 200)
    {
        var random = new Random(seed);
        var corpus = new List<SparseVector>();
        for (int i = 0; i < size; i++)
        {
            if (corpus.Count > 0 && random.Next(2) == 0)
            {
                corpus.Add(Perturb(random, corpus[random.Next(corpus.Count)], vocabulary));
            }
            else
            {
                corpus.Add(Vector(random, maxTerms, vocabulary));
            }
        }

        return corpus;
    }

    /// <summary>A copy with some weights changed, some entries dropped and some added.</summary>
    public static SparseVector Perturb(Random random, SparseVector source, int vocabulary)
    {
        var entries = new SortedDictionary<int, float>();
        for (int i = 0; i < source.Count; i++)
        {
            if (random.Next(5) != 0)
            {
                entries[source.Indices[i]] = random.Next(3) == 0 ? (float)(0.05 + random.NextDouble()) : source.Values[i];
            }
        }

        int extra = random.Next(4);
        for (int i = 0; i < extra; i++)
        {
            entries[random.Next(vocabulary)] = (float)(0.05 + random.NextDouble());
        }

        return new SparseVector(entries.Keys.ToArray(), entries.Values.ToArray());
    }
}
