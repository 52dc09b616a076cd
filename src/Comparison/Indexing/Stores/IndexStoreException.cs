namespace Comparison.Indexing.Stores;

/// <summary>
/// An <see cref="IIndexStore"/> failed: it is unreachable, refused the credentials, or failed in the middle of a
/// batch. The message names the store.
/// </summary>
public sealed class IndexStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public IndexStoreException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed; names the store.</param>
    public IndexStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed; names the store.</param>
    /// <param name="innerException">The store client's exception.</param>
    public IndexStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
