using System.Diagnostics.CodeAnalysis;

namespace Comparison;

/// <summary>Why a stage of a <see cref="NewsComparer"/> run has no result.</summary>
public enum SkipReason
{
    /// <summary>The stage was switched off in the <see cref="NewsComparerOptions"/> (the default of an unset stage).</summary>
    NotRequested,

    /// <summary>The corpus is empty, and the stage has nothing to compute (the similarity matrix of no document).</summary>
    NoDocuments,

    /// <summary>
    /// The corpus is larger than the stage takes: the dense similarity matrix is computed up to
    /// <see cref="NewsComparerOptions.SimilarityMatrixMaxDocuments"/> documents only.
    /// </summary>
    TooManyDocuments,

    /// <summary>The stage works within event clusters (shared passages, discrepancies), and the clustering did not run.</summary>
    ClustersSkipped,
}

/// <summary>Creates <see cref="StageResult{T}"/> values.</summary>
public static class StageResult
{
    /// <summary>The result of a stage that ran.</summary>
    /// <typeparam name="T">The stage's result type.</typeparam>
    /// <param name="value">What the stage found (an empty section when it found nothing).</param>
    /// <returns>A result whose <see cref="StageResult{T}.Ran"/> is <see langword="true"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public static StageResult<T> Ran<T>(T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        return new StageResult<T>(value, default);
    }

    /// <summary>The result of a stage that did not run.</summary>
    /// <typeparam name="T">The stage's result type.</typeparam>
    /// <param name="reason">Why it did not run.</param>
    /// <returns>A result whose <see cref="StageResult{T}.Skipped"/> is <paramref name="reason"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reason"/> is not a defined <see cref="SkipReason"/>.</exception>
    public static StageResult<T> Skip<T>(SkipReason reason)
        where T : class
    {
        if (!Enum.IsDefined(reason))
        {
            throw new ArgumentOutOfRangeException(nameof(reason), reason, "reason must be a defined SkipReason (NotRequested, NoDocuments, TooManyDocuments or ClustersSkipped).");
        }

        return new StageResult<T>(null, reason);
    }
}

/// <summary>
/// The outcome of one stage of a comparison: its result when it ran, or the reason it did not; never a
/// <see langword="null"/> to check for.
/// </summary>
/// <typeparam name="T">The stage's result type.</typeparam>
/// <remarks>
/// The default value is a stage skipped with <see cref="SkipReason.NotRequested"/>. Read the result with
/// <see cref="TryGetValue"/>, or with <see cref="Value"/> when the stage is known to have run. Immutable and
/// thread-safe when <typeparamref name="T"/> is.
/// </remarks>
public readonly struct StageResult<T> : IEquatable<StageResult<T>>
    where T : class
{
    private readonly T? _value;
    private readonly SkipReason _reason;

    internal StageResult(T? value, SkipReason reason)
    {
        _value = value;
        _reason = reason;
    }

    /// <summary>Whether the stage ran (its result may still be empty: it ran and found nothing).</summary>
    [MemberNotNullWhen(true, nameof(_value))]
    public bool Ran => _value is not null;

    /// <summary>Why the stage did not run, or <see langword="null"/> when it ran.</summary>
    public SkipReason? Skipped => Ran ? null : _reason;

    /// <summary>The stage's result.</summary>
    /// <exception cref="InvalidOperationException">The stage did not run; the message names the reason.</exception>
    public T Value => Ran
        ? _value
        : throw new InvalidOperationException($"The {typeof(T).Name} stage did not run ({_reason}): {Describe(_reason)} Check Ran or use TryGetValue.");

    /// <summary>Gets the stage's result when it ran.</summary>
    /// <param name="value">The result, or <see langword="null"/> when the stage did not run.</param>
    /// <returns>Whether the stage ran.</returns>
    public bool TryGetValue([NotNullWhen(true)] out T? value)
    {
        value = _value;
        return Ran;
    }

    /// <summary>The result, or <see langword="null"/> when the stage did not run (for the renderers' optional sections).</summary>
    internal T? ValueOrNull => _value;

    /// <summary>Whether two results are equal: both ran with equal values, or both skipped for the same reason.</summary>
    /// <param name="left">A result.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(StageResult<T> left, StageResult<T> right) => left.Equals(right);

    /// <summary>Whether two results differ.</summary>
    /// <param name="left">A result.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(StageResult<T> left, StageResult<T> right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(StageResult<T> other) =>
        Ran ? other.Ran && EqualityComparer<T>.Default.Equals(_value, other._value) : !other.Ran && _reason == other._reason;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is StageResult<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Ran ? EqualityComparer<T>.Default.GetHashCode(_value) : (int)_reason;

    /// <summary>The result's own text when the stage ran, <c>Skipped(Reason)</c> otherwise.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Ran ? _value.ToString() ?? string.Empty : $"Skipped({_reason})";

    private static string Describe(SkipReason reason) => reason switch
    {
        SkipReason.NotRequested => "it was switched off in the options.",
        SkipReason.NoDocuments => "the corpus is empty.",
        SkipReason.TooManyDocuments => "the corpus is larger than the stage takes (NewsComparerOptions.SimilarityMatrixMaxDocuments).",
        SkipReason.ClustersSkipped => "it works within event clusters, and the clustering did not run.",
        _ => "unknown reason.",
    };
}
