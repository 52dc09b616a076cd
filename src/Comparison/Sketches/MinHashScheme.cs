namespace Comparison.Sketches;

/// <summary>How a <see cref="MinHasher"/> turns a set of shingle hashes into a signature.</summary>
public enum MinHashScheme
{
    /// <summary>
    /// Classic MinHash: K independent universal hash functions <c>h_i(x) = (a_i·x + b_i) mod (2^61 − 1)</c>,
    /// one minimum per function. O(n·K) per set; the accuracy reference.
    /// </summary>
    Classic = 1,

    /// <summary>
    /// One-permutation hashing (Li, Owen and Zhang, NIPS 2012): one hash per shingle splits the set into K bins
    /// and keeps each bin's minimum; empty bins are filled by optimal densification (Shrivastava, ICML 2017).
    /// O(n + K) per set.
    /// </summary>
    OnePermutation = 2,
}
