using Comparison.Tests.Support;
using Comparison.Vectors;
using FsCheck;
using FsCheck.Fluent;

namespace Comparison.Tests.Vectors;

public class TermAnalyzerTests
{
    private static readonly Gen<string> Texts = Gen.OneOf(
        TextGenerators.OddText.Generator,
        Gen.Elements("the", "Police", "said", "U.S.", "90,000", "Dec.", "of", "Ukraine's", "x\u200By", "caf\u00E9", "@tag", " ", "  ", "\n", ". ", "-")
            .ListOf().Select(l => string.Join(' ', l.Take(80))));

    private static readonly NgramRange[] Ranges = [new(1, 1), new(2, 2), new(3, 3), new(1, 2), new(2, 3)];

    [Fact]
    public void AnalyzeText_AnyPieceLength_SameTermsInTheSameOrderAsTheWholeText_Property()
    {
        // With one n-gram length the n-grams are handed on after each piece, the last n − 1 terms carried over; the
        // sink must see exactly what it sees when the text is read as one piece.
        Prop.ForAll(Texts.ToArbitrary(), Gen.Choose(1, 24).ToArbitrary(), Gen.Choose(0, 2 * Ranges.Length - 1).ToArbitrary(), (text, window, choice) =>
        {
            var options = new TfIdfOptions
            {
                NgramRange = Ranges[choice % Ranges.Length],
                StopWords = choice < Ranges.Length ? TfIdfOptions.EnglishStopWords : null,
            };
            var whole = new Recorder();
            new TermAnalyzer(options, int.MaxValue).AnalyzeText(text, whole);
            var pieces = new Recorder();
            new TermAnalyzer(options, window).AnalyzeText(text, pieces);
            return pieces.Terms.SequenceEqual(whole.Terms);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void AnalyzeText_CountingPathAnyPieceLength_SameCountsAsTheWholeText_Property()
    {
        Prop.ForAll(Texts.ToArbitrary(), Gen.Choose(1, 24).ToArbitrary(), (text, window) =>
            Counts(text, int.MaxValue).SequenceEqual(Counts(text, window))).QuickCheckThrowOnFailure();

        static List<(string Term, int Count)> Counts(string text, int window)
        {
            var table = new TermTable();
            var counter = new TermCounter(table);
            new TermAnalyzer(TfIdfOptions.Default, window).AnalyzeText(text, counter);
            var ids = new int[counter.Distinct];
            var counts = new int[ids.Length];
            counter.Drain(ids, counts);
            return [.. ids.Select((id, i) => (table.Terms[id], counts[i])).OrderBy(p => p.Item1, StringComparer.Ordinal)];
        }
    }

    private sealed class Recorder : ITermSink
    {
        public List<string> Terms { get; } = [];

        public void Add(ReadOnlySpan<char> term) => Terms.Add(new string(term));
    }
}
