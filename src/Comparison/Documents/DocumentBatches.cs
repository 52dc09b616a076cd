using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Comparison.Documents;

/// <summary>
/// Reads a sequence of documents on a thread of its own and hands it over in batches, in input order, so that
/// reading and parsing the next batch overlaps the (parallel) work on the current one; only a few batches are
/// ever held at once.
/// </summary>
/// <remarks>
/// A batch closes at <c>maxCount</c> documents or once it holds <c>maxCharacters</c> characters of text, so a
/// corpus of huge documents is not held several hundred at a time. The reading thread runs <c>keep</c> on every
/// document in input order (identifier and length checks, so that the first bad document in input order is the
/// one reported; and which documents the work needs); an exception there, or in the sequence itself, is rethrown
/// to the consumer with its stack. When
/// the consumer stops early, the reader is stopped and waited for, so the source (a file) is closed on return.
/// </remarks>
internal static class DocumentBatches
{
    /// <summary>The default number of documents a batch holds at most.</summary>
    public const int DefaultCount = 1024;

    /// <summary>The default number of text characters after which a batch closes (8 Mi, 16 MB of UTF-16).</summary>
    public const long DefaultCharacters = 8L << 20;

    /// <summary>The batches of <paramref name="documents"/>, in input order.</summary>
    /// <param name="documents">The documents.</param>
    /// <param name="keep">
    /// Runs on each document and its input position on the reading thread, in input order, and tells whether the
    /// batch takes it; may throw. <see langword="null"/> keeps every document.
    /// </param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <param name="maxCount">The most documents a batch holds.</param>
    /// <param name="maxCharacters">The characters after which a batch closes.</param>
    public static IEnumerable<DocumentBatch> Read(
        IEnumerable<Document> documents,
        Func<Document, int, bool>? keep,
        CancellationToken cancellationToken,
        int maxCount = DefaultCount,
        long maxCharacters = DefaultCharacters)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return ReadCore(Numbered(documents), keep, maxCount, maxCharacters, cancellationToken);
    }

    /// <summary>The batches of documents given with their input positions (some positions left out).</summary>
    /// <param name="documents">The documents and their positions, in increasing order of position.</param>
    /// <param name="keep">As for the other overload.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <param name="maxCount">The most documents a batch holds.</param>
    /// <param name="maxCharacters">The characters after which a batch closes.</param>
    public static IEnumerable<DocumentBatch> Read(
        IEnumerable<(int Position, Document Document)> documents,
        Func<Document, int, bool>? keep,
        CancellationToken cancellationToken,
        int maxCount = DefaultCount,
        long maxCharacters = DefaultCharacters)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return ReadCore(documents, keep, maxCount, maxCharacters, cancellationToken);
    }

    private static IEnumerable<(int Position, Document Document)> Numbered(IEnumerable<Document> documents)
    {
        int position = 0;
        foreach (Document document in documents)
        {
            yield return (position++, document);
        }
    }

    private static IEnumerable<DocumentBatch> ReadCore(IEnumerable<(int Position, Document Document)> documents, Func<Document, int, bool>? keep, int maxCount, long maxCharacters, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var queue = new BlockingCollection<object>(boundedCapacity: 2);
        Task reader = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    var batch = new List<Document>(Math.Min(maxCount, 4096));
                    var positions = new List<int>(batch.Capacity);
                    long characters = 0;
                    foreach ((int position, Document document) in documents)
                    {
                        stop.Token.ThrowIfCancellationRequested();
                        if (keep is not null && !keep(document, position))
                        {
                            continue;
                        }

                        batch.Add(document);
                        positions.Add(position);
                        characters += document.Text.Length;
                        if (batch.Count >= maxCount || characters >= maxCharacters)
                        {
                            queue.Add(new DocumentBatch([.. positions], [.. batch]), stop.Token);
                            batch.Clear();
                            positions.Clear();
                            characters = 0;
                        }
                    }

                    if (batch.Count > 0)
                    {
                        queue.Add(new DocumentBatch([.. positions], [.. batch]), stop.Token);
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // The consumer stopped, or the caller cancelled: the consumer sees the cancellation itself.
                }
                catch (Exception ex)
                {
                    queue.Add(ExceptionDispatchInfo.Capture(ex), CancellationToken.None);
                }
                finally
                {
                    queue.CompleteAdding();
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        try
        {
            foreach (object item in queue.GetConsumingEnumerable(cancellationToken))
            {
                if (item is ExceptionDispatchInfo failure)
                {
                    failure.Throw();
                }

                yield return (DocumentBatch)item;
            }
        }
        finally
        {
            stop.Cancel();

            // Unblocks a reader waiting on a full queue, then waits for it to close the source.
            while (queue.TryTake(out _))
            {
            }

            reader.Wait(CancellationToken.None);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }
}

/// <summary>Documents of a sequence, in input order, with their input positions.</summary>
/// <param name="Positions">The input position of each document, increasing.</param>
/// <param name="Documents">The documents.</param>
internal readonly record struct DocumentBatch(int[] Positions, Document[] Documents);
