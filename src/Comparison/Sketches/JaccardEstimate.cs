using System.Runtime.CompilerServices;

namespace Comparison.Sketches;

/// <summary>
/// A Jaccard similarity estimated from two MinHash signatures: the share of positions where they agree,
/// with its standard error.
/// </summary>
/// <remarks>
/// With full 32-bit values, <see cref="Value"/> = matches / K, an unbiased estimate with standard error
/// sqrt(J(1 − J)/K). With b-bit comparison (Li and König, WWW 2010) two unrelated values still agree with
/// probability c = 2^−b, so <see cref="Value"/> = (matches/K − c)/(1 − c), clamped to [0, 1], and the error
/// grows by 1/(1 − c).
/// </remarks>
public readonly record struct JaccardEstimate
{
    internal JaccardEstimate(int matches, int permutations, int bits)
    {
        Matches = matches;
        Permutations = permutations;
        Bits = bits;
    }

    /// <summary>The number of signature positions that agree.</summary>
    public int Matches { get; }

    /// <summary>The number of positions compared, K.</summary>
    public int Permutations { get; }

    /// <summary>The number of low bits compared per value: 32 for full values, fewer for b-bit comparison.</summary>
    public int Bits { get; }

    /// <summary>The estimated Jaccard similarity, in [0, 1].</summary>
    /// <remarks>
    /// The slow path is a static call on the three values, not an instance call: a call on the struct takes its
    /// address, which kept every estimate of a caller's loop in stack memory (seen in the JIT's code for
    /// MinHashBenchmarks.EstimateJaccardPairs). Inlined after EstimateJaccard, Bits is the constant 32 and the call folds away.
    /// </remarks>
    public double Value
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Bits >= 32 ? (Permutations != 0 ? (double)Matches / Permutations : 0) : BBitValue(Matches, Permutations, Bits);
    }

    private static double BBitValue(int matches, int permutations, int bits)
    {
        if (permutations == 0)
        {
            return 0;
        }

        double share = (double)matches / permutations;
        double chance = Math.ScaleB(1.0, -bits);
        return Math.Clamp((share - chance) / (1 - chance), 0, 1);
    }

    /// <summary>The standard error of <see cref="Value"/>: sqrt(J(1 − J)/K), using the estimate for J (b-bit: see remarks).</summary>
    public double StandardError
    {
        get
        {
            if (Permutations == 0)
            {
                return 0;
            }

            if (Bits >= 32)
            {
                return StandardErrorOf(Value, Permutations);
            }

            double chance = Math.ScaleB(1.0, -Bits);
            double p = chance + ((1 - chance) * Value);
            return Math.Sqrt(p * (1 - p) / Permutations) / (1 - chance);
        }
    }

    /// <summary>The standard error sqrt(J(1 − J)/K) of a MinHash estimate of a Jaccard similarity J from K permutations.</summary>
    /// <param name="jaccard">The Jaccard similarity, in [0, 1].</param>
    /// <param name="permutations">K, at least 1.</param>
    /// <returns>The standard error.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static double StandardErrorOf(double jaccard, int permutations)
    {
        if (!(jaccard is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(jaccard), jaccard, "The Jaccard similarity must be in [0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(permutations, 1);
        return Math.Sqrt(jaccard * (1 - jaccard) / permutations);
    }
}
