namespace Comparison.Documents;

/// <summary>What a report says of a document without its text: identifier, date, source, title, address and length.</summary>
/// <param name="Id">The identifier.</param>
/// <param name="Published">The publication date, if known.</param>
/// <param name="Source">The source, if known.</param>
/// <param name="Title">The headline, if known.</param>
/// <param name="Url">The address, if known.</param>
/// <param name="Length">The text's length in UTF-16 code units.</param>
internal sealed record DocumentHeader(string Id, DateOnly? Published, string? Source, string? Title, string? Url, int Length)
{
    /// <summary>The header of a document.</summary>
    public static DocumentHeader Of(Document document) =>
        new(document.Id, document.Published, document.Source, document.Title, document.Url, document.Text.Length);
}
