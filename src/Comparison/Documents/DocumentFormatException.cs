namespace Comparison.Documents;

/// <summary>
/// Thrown when an input file cannot be read as documents. The message names the file, the line and what was wrong.
/// </summary>
public sealed class DocumentFormatException : FormatException
{
    /// <summary>Creates an exception with no details.</summary>
    public DocumentFormatException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What was wrong.</param>
    public DocumentFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What was wrong.</param>
    /// <param name="innerException">The cause.</param>
    public DocumentFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception that names the file and line.</summary>
    /// <param name="path">The file that was being read.</param>
    /// <param name="line">The 1-based line number, or 0 when the problem is not on one line.</param>
    /// <param name="problem">What was wrong and what is allowed.</param>
    /// <param name="innerException">The cause, if any.</param>
    public DocumentFormatException(string path, int line, string problem, Exception? innerException = null)
        : base(line > 0 ? $"{path}:{line}: {problem}" : $"{path}: {problem}", innerException)
    {
        Path = path;
        Line = line;
        Problem = problem;
    }

    /// <summary>The file that was being read, or <see langword="null"/> when unknown.</summary>
    public string? Path { get; }

    /// <summary>The 1-based line number, or 0 when the problem is not on one line.</summary>
    public int Line { get; }

    /// <summary>What was wrong, without the file and line.</summary>
    public string? Problem { get; }
}
