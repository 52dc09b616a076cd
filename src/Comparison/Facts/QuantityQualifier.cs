namespace Comparison.Facts;

/// <summary>How a qualifier bounds a stated number.</summary>
public enum QuantityQualifier
{
    /// <summary>No qualifier: the value itself.</summary>
    Exact,

    /// <summary><c>over</c>, <c>more than</c>: an open lower bound.</summary>
    MoreThan,

    /// <summary><c>at least</c>, <c>no fewer than</c>: a closed lower bound.</summary>
    AtLeast,

    /// <summary><c>fewer than</c>, <c>less than</c>, <c>under</c>: an open upper bound.</summary>
    LessThan,

    /// <summary><c>up to</c>, <c>as many as</c>, <c>at most</c>: a closed upper bound.</summary>
    AtMost,

    /// <summary><c>nearly</c>, <c>almost</c>: just below the value.</summary>
    Nearly,

    /// <summary><c>about</c>, <c>around</c>, <c>some</c>, <c>roughly</c>, and vague amounts (<c>hundreds of</c>): the value plus or minus a tolerance.</summary>
    Approximate,
}
