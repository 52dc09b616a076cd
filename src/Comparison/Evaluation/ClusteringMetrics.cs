namespace Comparison.Evaluation;

/// <summary>
/// External measures of a clustering against gold labels: adjusted Rand index, normalised mutual information,
/// B-cubed and pairwise precision, recall and F1.
/// </summary>
/// <remarks>
/// <para>
/// Labels are compared with <see cref="EqualityComparer{T}.Default"/> (ordinal for strings); only which items share a
/// label matters, never the label values. Every measure is computed from the sparse contingency table of the two
/// labelings in O(n) time and O(number of non-empty cells) memory.
/// </para>
/// <para>
/// Conventions for degenerate inputs: with fewer than two items, or when both partitions are trivial in the same
/// way (all items together, or all apart), ARI and NMI are 1. Pairwise precision is 1 when no pair is predicted and
/// pairwise recall is 1 when the gold has no pair. Thread-safe (no state).
/// </para>
/// </remarks>
public static class ClusteringMetrics
{
    /// <summary>Computes every measure at once.</summary>
    /// <typeparam name="TGold">The gold label type.</typeparam>
    /// <typeparam name="TPredicted">The predicted label type.</typeparam>
    /// <param name="gold">The gold label of each item.</param>
    /// <param name="predicted">The predicted label of each item, in the same item order.</param>
    /// <returns>The scores.</returns>
    /// <exception cref="ArgumentNullException">An argument or a label is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The two lists have different lengths.</exception>
    public static ClusteringScores Evaluate<TGold, TPredicted>(IReadOnlyList<TGold> gold, IReadOnlyList<TPredicted> predicted)
        where TGold : notnull
        where TPredicted : notnull
    {
        var table = Contingency.Build(gold, predicted);
        return new ClusteringScores
        {
            Items = table.Items,
            GoldClusters = table.GoldSizes.Length,
            PredictedClusters = table.PredictedSizes.Length,
            AdjustedRandIndex = AdjustedRandIndex(table),
            NormalizedMutualInformation = NormalizedMutualInformation(table),
            BCubed = BCubed(table),
            Pairwise = Pairwise(table),
        };
    }

    /// <summary>The adjusted Rand index (Hubert and Arabie, 1985) of two labelings.</summary>
    /// <typeparam name="TGold">The gold label type.</typeparam>
    /// <typeparam name="TPredicted">The predicted label type.</typeparam>
    /// <param name="gold">The gold label of each item.</param>
    /// <param name="predicted">The predicted label of each item.</param>
    /// <returns>1 for identical partitions, about 0 for independent ones; it may be negative.</returns>
    /// <exception cref="ArgumentNullException">An argument or a label is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The two lists have different lengths.</exception>
    public static double AdjustedRandIndex<TGold, TPredicted>(IReadOnlyList<TGold> gold, IReadOnlyList<TPredicted> predicted)
        where TGold : notnull
        where TPredicted : notnull => AdjustedRandIndex(Contingency.Build(gold, predicted));

    /// <summary>The normalised mutual information of two labelings, MI / ((H(gold) + H(predicted)) / 2).</summary>
    /// <typeparam name="TGold">The gold label type.</typeparam>
    /// <typeparam name="TPredicted">The predicted label type.</typeparam>
    /// <param name="gold">The gold label of each item.</param>
    /// <param name="predicted">The predicted label of each item.</param>
    /// <returns>A value in [0, 1]; 1 for identical partitions.</returns>
    /// <exception cref="ArgumentNullException">An argument or a label is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The two lists have different lengths.</exception>
    public static double NormalizedMutualInformation<TGold, TPredicted>(IReadOnlyList<TGold> gold, IReadOnlyList<TPredicted> predicted)
        where TGold : notnull
        where TPredicted : notnull => NormalizedMutualInformation(Contingency.Build(gold, predicted));

    /// <summary>
    /// B-cubed precision and recall (Bagga and Baldwin, 1998): for each item, the share of its predicted cluster that
    /// shares its gold label (precision) and the share of its gold cluster that shares its predicted cluster (recall),
    /// averaged over items.
    /// </summary>
    /// <typeparam name="TGold">The gold label type.</typeparam>
    /// <typeparam name="TPredicted">The predicted label type.</typeparam>
    /// <param name="gold">The gold label of each item.</param>
    /// <param name="predicted">The predicted label of each item.</param>
    /// <returns>The precision and recall; 1 and 1 for an empty input.</returns>
    /// <exception cref="ArgumentNullException">An argument or a label is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The two lists have different lengths.</exception>
    public static PrecisionRecall BCubed<TGold, TPredicted>(IReadOnlyList<TGold> gold, IReadOnlyList<TPredicted> predicted)
        where TGold : notnull
        where TPredicted : notnull => BCubed(Contingency.Build(gold, predicted));

    /// <summary>
    /// Pairwise precision and recall: of the unordered item pairs placed in one predicted cluster, the share that share
    /// a gold label (precision); of the pairs sharing a gold label, the share placed together (recall).
    /// </summary>
    /// <typeparam name="TGold">The gold label type.</typeparam>
    /// <typeparam name="TPredicted">The predicted label type.</typeparam>
    /// <param name="gold">The gold label of each item.</param>
    /// <param name="predicted">The predicted label of each item.</param>
    /// <returns>The precision (1 when no pair is predicted) and recall (1 when the gold has no pair).</returns>
    /// <exception cref="ArgumentNullException">An argument or a label is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The two lists have different lengths.</exception>
    public static PrecisionRecall Pairwise<TGold, TPredicted>(IReadOnlyList<TGold> gold, IReadOnlyList<TPredicted> predicted)
        where TGold : notnull
        where TPredicted : notnull => Pairwise(Contingency.Build(gold, predicted));

    private static double Pairs(long count) => count * (count - 1) / 2.0;

    // Unordered pairs placed together in both partitions, in the gold, and in the prediction.
    private static (double Together, double Gold, double Predicted) PairCounts(Contingency table)
    {
        double together = 0, gold = 0, predicted = 0;
        foreach (int cell in table.Cells)
        {
            together += Pairs(cell);
        }

        foreach (int size in table.GoldSizes)
        {
            gold += Pairs(size);
        }

        foreach (int size in table.PredictedSizes)
        {
            predicted += Pairs(size);
        }

        return (together, gold, predicted);
    }

    private static double AdjustedRandIndex(Contingency table)
    {
        if (table.Items < 2)
        {
            return 1.0;
        }

        var (index, goldPairs, predictedPairs) = PairCounts(table);
        double expected = goldPairs * predictedPairs / Pairs(table.Items);
        double maximum = (goldPairs + predictedPairs) / 2;
        double denominator = maximum - expected;

        // Both partitions trivial in the same way (all together or all apart): identical, by convention 1.
        return denominator == 0 ? 1.0 : (index - expected) / denominator;
    }

    private static double NormalizedMutualInformation(Contingency table)
    {
        if (table.Items == 0)
        {
            return 1.0;
        }

        double n = table.Items;
        double goldEntropy = Entropy(table.GoldSizes, n);
        double predictedEntropy = Entropy(table.PredictedSizes, n);
        if (goldEntropy == 0 && predictedEntropy == 0)
        {
            return 1.0;
        }

        double mutual = 0;
        for (int k = 0; k < table.Cells.Length; k++)
        {
            double cell = table.Cells[k];
            double a = table.GoldSizes[table.CellGold[k]];
            double b = table.PredictedSizes[table.CellPredicted[k]];
            mutual += cell / n * Math.Log(cell * n / (a * b));
        }

        double normalised = mutual / ((goldEntropy + predictedEntropy) / 2);
        return Math.Clamp(normalised, 0.0, 1.0);
    }

    private static double Entropy(int[] sizes, double n)
    {
        double entropy = 0;
        foreach (int size in sizes)
        {
            double p = size / n;
            entropy -= p * Math.Log(p);
        }

        return entropy;
    }

    private static PrecisionRecall BCubed(Contingency table)
    {
        if (table.Items == 0)
        {
            return new PrecisionRecall(1.0, 1.0);
        }

        double precision = 0, recall = 0;
        for (int k = 0; k < table.Cells.Length; k++)
        {
            double squared = (double)table.Cells[k] * table.Cells[k];
            precision += squared / table.PredictedSizes[table.CellPredicted[k]];
            recall += squared / table.GoldSizes[table.CellGold[k]];
        }

        return new PrecisionRecall(precision / table.Items, recall / table.Items);
    }

    private static PrecisionRecall Pairwise(Contingency table)
    {
        var (together, goldPairs, predictedPairs) = PairCounts(table);
        return new PrecisionRecall(
            predictedPairs == 0 ? 1.0 : together / predictedPairs,
            goldPairs == 0 ? 1.0 : together / goldPairs);
    }

    /// <summary>The sparse contingency table of two labelings: cluster sizes and the non-empty cells.</summary>
    private sealed class Contingency
    {
        private Contingency(int items, int[] goldSizes, int[] predictedSizes, int[] cells, int[] cellGold, int[] cellPredicted)
        {
            Items = items;
            GoldSizes = goldSizes;
            PredictedSizes = predictedSizes;
            Cells = cells;
            CellGold = cellGold;
            CellPredicted = cellPredicted;
        }

        public int Items { get; }

        public int[] GoldSizes { get; }

        public int[] PredictedSizes { get; }

        public int[] Cells { get; }

        public int[] CellGold { get; }

        public int[] CellPredicted { get; }

        public static Contingency Build<TGold, TPredicted>(IReadOnlyList<TGold> gold, IReadOnlyList<TPredicted> predicted)
            where TGold : notnull
            where TPredicted : notnull
        {
            ArgumentNullException.ThrowIfNull(gold);
            ArgumentNullException.ThrowIfNull(predicted);
            if (gold.Count != predicted.Count)
            {
                throw new ArgumentException($"The gold labels ({gold.Count}) and the predicted labels ({predicted.Count}) must have the same length.", nameof(predicted));
            }

            int[] goldIds = Densify(gold, nameof(gold), out int goldCount);
            int[] predictedIds = Densify(predicted, nameof(predicted), out int predictedCount);
            var goldSizes = new int[goldCount];
            var predictedSizes = new int[predictedCount];
            var cellIndex = new Dictionary<long, int>();
            var cells = new List<int>();
            var cellGold = new List<int>();
            var cellPredicted = new List<int>();
            for (int i = 0; i < goldIds.Length; i++)
            {
                int g = goldIds[i], p = predictedIds[i];
                goldSizes[g]++;
                predictedSizes[p]++;
                long key = ((long)g << 32) | (uint)p;
                if (cellIndex.TryGetValue(key, out int k))
                {
                    cells[k]++;
                }
                else
                {
                    cellIndex.Add(key, cells.Count);
                    cells.Add(1);
                    cellGold.Add(g);
                    cellPredicted.Add(p);
                }
            }

            return new Contingency(goldIds.Length, goldSizes, predictedSizes, [.. cells], [.. cellGold], [.. cellPredicted]);
        }

        private static int[] Densify<T>(IReadOnlyList<T> labels, string parameter, out int distinct)
            where T : notnull
        {
            var ids = new Dictionary<T, int>();
            var dense = new int[labels.Count];
            for (int i = 0; i < dense.Length; i++)
            {
                T label = labels[i] ?? throw new ArgumentNullException(parameter, $"The label at index {i} is null.");
                if (!ids.TryGetValue(label, out int id))
                {
                    id = ids.Count;
                    ids.Add(label, id);
                }

                dense[i] = id;
            }

            distinct = ids.Count;
            return dense;
        }
    }
}
