using System.Text;

namespace Comparison.Reports;

/// <summary>
/// A writer that escapes control characters (<see cref="TerminalText.Escape(string?, bool)"/>) on their way to an
/// inner writer, keeping line feeds: whatever is written through it cannot drive the terminal it reaches.
/// </summary>
/// <remarks>
/// Line ends are the inner writer's own (<see cref="TextWriter.NewLine"/> is not escaped, whatever it is). Disposing
/// it flushes the inner writer and, unless it was created to close it, leaves it open. As thread-safe as the inner writer.
/// </remarks>
/// <param name="inner">The writer that receives the escaped text.</param>
/// <param name="leaveOpen">Leave <paramref name="inner"/> open when this writer is disposed. Default <see langword="true"/>.</param>
public sealed class TerminalTextWriter(TextWriter inner, bool leaveOpen = true) : TextWriter(System.Globalization.CultureInfo.InvariantCulture)
{
    private readonly TextWriter _inner = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc/>
    public override Encoding Encoding => _inner.Encoding;

    /// <inheritdoc/>
    public override void Write(char value)
    {
        if (TerminalText.IsControl(value) && value != '\n')
        {
            _inner.Write(TerminalText.Escape(value.ToString()));
        }
        else
        {
            _inner.Write(value);
        }
    }

    /// <inheritdoc/>
    public override void Write(string? value) => _inner.Write(TerminalText.Escape(value, keepLineFeeds: true));

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<char> buffer)
    {
        var sb = new StringBuilder(buffer.Length);
        TerminalText.Append(sb, buffer, keepLineFeeds: true);
        _inner.Write(sb);
    }

    /// <inheritdoc/>
    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    /// <inheritdoc/>
    public override void WriteLine() => _inner.WriteLine();

    /// <inheritdoc/>
    public override void WriteLine(string? value)
    {
        Write(value);
        _inner.WriteLine();
    }

    /// <inheritdoc/>
    public override void Flush() => _inner.Flush();

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (leaveOpen)
            {
                _inner.Flush();
            }
            else
            {
                _inner.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
