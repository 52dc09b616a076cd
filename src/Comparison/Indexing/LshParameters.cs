using System.Collections.Concurrent;
using MathNet.Numerics;

namespace Comparison.Indexing;

/// <summary>
/// The banding of an LSH index: a signature of K values is cut into <see cref="Bands"/> bands of
/// <see cref="Rows"/> values, and two signatures become candidates when any band agrees entirely.
/// </summary>
/// <remarks>
/// Two sets of Jaccard similarity s become candidates with probability P(s) = 1 − (1 − s^r)^b, the banding
/// S-curve. <see cref="Optimize"/> chooses b and r with b·r ≤ K minimising
/// w_fp·∫₀ᵗ P(s) ds + w_fn·∫ₜ¹ (1 − P(s)) ds, the weighted areas of false positives and false negatives
/// around the threshold t (the criterion of datasketch's MinHashLSH), integrated by Gauss–Legendre
/// quadrature of order 128 (MathNet.Numerics), exact for the polynomial S-curve when b·r ≤ 255.
/// </remarks>
/// <param name="Bands">The number of bands b.</param>
/// <param name="Rows">The number of values per band r.</param>
public readonly record struct LshParameters(int Bands, int Rows)
{
    private const int QuadratureOrder = 128;
    private static readonly ConcurrentDictionary<(double, int, double, double), LshParameters> Cache = new();

    /// <summary>The probability that two sets of Jaccard similarity <paramref name="jaccard"/> become candidates: 1 − (1 − s^r)^b.</summary>
    /// <param name="jaccard">The similarity s, in [0, 1].</param>
    /// <returns>The candidate probability.</returns>
    public double CandidateProbability(double jaccard) => 1 - Math.Pow(1 - Math.Pow(jaccard, Rows), Bands);

    /// <summary>The false-positive area ∫₀ᵗ P(s) ds: candidates below the threshold.</summary>
    /// <param name="threshold">The threshold t, in [0, 1].</param>
    /// <returns>The area.</returns>
    public double FalsePositiveArea(double threshold)
    {
        LshParameters self = this;
        return Integrate.GaussLegendre(s => self.CandidateProbability(s), 0, threshold, QuadratureOrder);
    }

    /// <summary>The false-negative area ∫ₜ¹ (1 − P(s)) ds: matches above the threshold that never become candidates.</summary>
    /// <param name="threshold">The threshold t, in [0, 1].</param>
    /// <returns>The area.</returns>
    public double FalseNegativeArea(double threshold)
    {
        LshParameters self = this;
        return Integrate.GaussLegendre(s => 1 - self.CandidateProbability(s), threshold, 1, QuadratureOrder);
    }

    /// <summary>
    /// The expected recall of candidate generation for pairs at or above the threshold: the mean of P(s)
    /// over s uniform in [t, 1], that is 1 − ∫ₜ¹ (1 − P(s)) ds / (1 − t). The recall at exactly the threshold
    /// is <see cref="CandidateProbability"/>(t), the worst case above it.
    /// </summary>
    /// <param name="threshold">The threshold t, in [0, 1).</param>
    /// <returns>The expected recall in [0, 1].</returns>
    public double ExpectedRecall(double threshold) => 1 - (FalseNegativeArea(threshold) / (1 - threshold));

    /// <summary>Chooses bands and rows for a threshold (see remarks). Results are cached per argument set.</summary>
    /// <param name="threshold">The threshold t, strictly between 0 and 1.</param>
    /// <param name="permutations">The signature length K.</param>
    /// <param name="falsePositiveWeight">The weight of the false-positive area.</param>
    /// <param name="falseNegativeWeight">The weight of the false-negative area.</param>
    /// <returns>The bands and rows with b·r ≤ K of least weighted error.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static LshParameters Optimize(double threshold, int permutations, double falsePositiveWeight, double falseNegativeWeight)
    {
        new LshOptions { Threshold = threshold, Permutations = permutations, FalsePositiveWeight = falsePositiveWeight, FalseNegativeWeight = falseNegativeWeight }.Validate();
        return Cache.GetOrAdd((threshold, permutations, falsePositiveWeight, falseNegativeWeight), static key =>
        {
            var (t, k, wfp, wfn) = key;
            var best = new LshParameters(1, 1);
            double bestError = double.PositiveInfinity;
            for (int b = 1; b <= k; b++)
            {
                for (int r = 1; r <= k / b; r++)
                {
                    var candidate = new LshParameters(b, r);
                    double error = (wfp * candidate.FalsePositiveArea(t)) + (wfn * candidate.FalseNegativeArea(t));
                    if (error < bestError)
                    {
                        bestError = error;
                        best = candidate;
                    }
                }
            }

            return best;
        });
    }

    /// <summary>The parameters an <see cref="LshOptions"/> asks for: its explicit bands and rows, or <see cref="Optimize"/>.</summary>
    /// <param name="options">Validated options.</param>
    /// <returns>The parameters.</returns>
    internal static LshParameters For(LshOptions options) =>
        options.Bands is { } bands && options.Rows is { } rows
            ? new LshParameters(bands, rows)
            : Optimize(options.Threshold, options.Permutations, options.FalsePositiveWeight, options.FalseNegativeWeight);
}
