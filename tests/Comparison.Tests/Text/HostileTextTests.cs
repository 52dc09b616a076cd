using System.Text;
using Comparison.Documents;
using Comparison.Facts;
using Comparison.Sketches;
using Comparison.Tests.Support;
using Comparison.Text;
using Comparison.Vectors;
using FsCheck;
using FsCheck.Fluent;

namespace Comparison.Tests.Text;

/// <summary>
/// Text built to break text code (zero-width and bidi characters, combining marks, paired and lone surrogates, a
/// code point of every Unicode category, tokens of many thousand characters) through every stage that reads raw text.
/// </summary>
public class HostileTextTests
{
    private static readonly TextSketcher Sketcher = new(new ShinglerOptions { Size = 3 });
    private static readonly FactExtractor Extractor = new();
    private static readonly PassageAligner Aligner = new(PassageAlignerOptions.Default with { MinContentTerms = 1, SeedLength = 2 });

    // Any code point of any plane (so every general category), a lone surrogate of either half, or a piece of the
    // tricky text; now and then a token of thousands of letters.
    private static readonly Gen<string> Piece = Gen.Frequency(
        (6, TextGenerators.OddText.Generator),
        (3, Gen.Choose(0, 0x10FFFF).Select(cp => cp is >= 0xD800 and <= 0xDFFF ? ((char)cp).ToString() : char.ConvertFromUtf32(cp))),
        (1, Gen.Elements("\uD83D", "\uDE00", "\uDBFF\uDFFF", "\U000E0041", "\u0600", "\U000110BD")),
        (1, Gen.Choose(1_000, 20_000).Select(n => new string('x', n) + "\u0301")),
        (3, Gen.Elements(" ", " Police said 45,000 people fled on Dec. 3. ", "\n\n", " \"We will not stop,\" Mayor Jane Roe said. ")));

    private static readonly Arbitrary<string> Hostile = Piece.ListOf().Select(list => string.Concat(list.Take(30))).ToArbitrary();

    private static readonly Gen<string[]> InvisibleRun = Gen.Elements(TextGenerators.Invisibles).ListOf().Select(list => list.Take(12).ToArray());

    [Fact]
    public void EveryStage_HostileText_NoExceptionAndEverySpanSlicesTheOriginal_Property()
    {
        Prop.ForAll(Hostile, text =>
        {
            bool tokens = Tokenizer.Tokenize(text).All(t => t.Start >= 0 && t.Length > 0 && t.End <= text.Length)
                && Spans.SliceInOrder(text, Tokenizer.Tokenize(text).Select(t => t.Span), trimmed: true);
            bool sentences = SentenceSplitter.Split(text).All(s => s.Start >= 0 && s.Start + s.Length <= text.Length);
            DocumentFacts facts = Extractor.Extract(new Document("h", text) { Published = new DateOnly(2024, 5, 1) });
            Fact[] all = [.. facts.Quantities, .. facts.Dates, .. facts.Durations, .. facts.Quotes, .. facts.Casualties, .. facts.Entities];
            bool factSpans = all.All(f => f.Start >= 0 && f.End <= text.Length && f.Start <= f.End && text[f.Start..f.End] == f.Text
                && f.SentenceStart <= f.Start && f.End <= f.SentenceEnd && f.SentenceEnd <= text.Length);
            bool passages = Aligner.Align(text, text).All(p => p.A.Start >= 0 && p.A.Start + p.A.Length <= text.Length && p.B.Start + p.B.Length <= text.Length);
            _ = Sketcher.Sketch(text);
            _ = TextNormalizer.Normalize(text);
            return tokens && sentences && factSpans && passages;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Shingles_FormatCharactersAdded_Unchanged_Property()
    {
        Prop.ForAll(Hostile, InvisibleRun.ToArbitrary(), (text, invisibles) =>
        {
            string laced = Insert(text, invisibles);
            return Sketcher.Shingler.Hash(text).SequenceEqual(Sketcher.Shingler.Hash(laced))
                && Sketcher.Sketch(text).Equals(Sketcher.Sketch(laced))
                && Visible(Tokenizer.Tokenize(text).Select(t => text.Substring(t.Start, t.Length)))
                    .SequenceEqual(Visible(Tokenizer.Tokenize(laced).Select(t => laced.Substring(t.Start, t.Length))));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Facts_FormatCharactersAdded_SameValuesAndSpansSliceTheLacedText_Property()
    {
        Prop.ForAll(Hostile, InvisibleRun.ToArbitrary(), (text, invisibles) =>
        {
            string laced = Insert(text, invisibles);
            var published = new DateOnly(2024, 5, 1);
            DocumentFacts a = Extractor.Extract(new Document("a", text) { Published = published });
            DocumentFacts b = Extractor.Extract(new Document("b", laced) { Published = published });
            return Values(a).SequenceEqual(Values(b))
                && Values(b).Count() == Spans(b).Count(s => laced[s.Start..s.End] == s.Text);
        }).QuickCheckThrowOnFailure();

        static IEnumerable<string> Values(DocumentFacts f) =>
            [.. f.Quantities.Select(q => $"q {q.Value} {q.Qualifier} {q.Noun}"), .. f.Dates.Select(d => $"d {d.Kind} {d.First} {d.Last}"),
             .. f.Durations.Select(d => $"u {d.Days}"), .. f.Quotes.Select(q => $"s {q.Speaker}"), .. f.Casualties.Select(c => $"c {c.Outcome} {c.Count}"),
             .. f.Entities.Select(e => $"e {e.Kind} {e.Key}")];

        static IEnumerable<(int Start, int End, string Text)> Spans(DocumentFacts f) =>
            ((IEnumerable<Fact>)[.. f.Quantities, .. f.Dates, .. f.Durations, .. f.Quotes, .. f.Casualties, .. f.Entities]).Select(x => (x.Start, x.End, x.Text));
    }

    [Fact]
    public void Sketch_FixedHostileCorpus_SameChecksumWithAndWithoutIntrinsics()
    {
        // The suite runs a second time with DOTNET_EnableHWIntrinsic=0: this checksum of shingles, MinHash values and
        // token offsets of a fixed hostile corpus must be the same constant in both runs.
        var random = new Random(15);
        ulong checksum = 14695981039346656037;
        for (int n = 0; n < 200; n++)
        {
            var builder = new StringBuilder();
            for (int k = random.Next(1, 40); k > 0; k--)
            {
                int cp = random.Next(4) == 0 ? random.Next(0x20, 0x7F) : random.Next(0, 0x10FFFF);
                builder.Append(random.Next(3) == 0 ? " word " : cp is >= 0xD800 and <= 0xDFFF ? ((char)cp).ToString() : char.ConvertFromUtf32(cp));
            }

            string text = builder.ToString();
            foreach (ulong hash in Sketcher.Shingler.Hash(text))
            {
                checksum = (checksum ^ hash) * 1099511628211;
            }

            foreach (uint value in Sketcher.Sketch(text).Values)
            {
                checksum = (checksum ^ value) * 1099511628211;
            }

            foreach (Token token in Tokenizer.Tokenize(text))
            {
                checksum = (checksum ^ (ulong)((token.Start << 8) ^ token.Length)) * 1099511628211;
            }
        }

        Assert.Equal(9630591912405804101UL, checksum);
    }

    // The invisibles spread over the text at code-unit positions that split no surrogate pair.
    private static string Insert(string text, string[] invisibles)
    {
        var builder = new StringBuilder(text);
        for (int k = invisibles.Length - 1; k >= 0; k--)
        {
            int at = text.Length * k / Math.Max(1, invisibles.Length);
            if (at > 0 && at < text.Length && char.IsLowSurrogate(text[at]) && char.IsHighSurrogate(text[at - 1]))
            {
                at--;
            }

            builder.Insert(at, invisibles[k]);
        }

        return builder.ToString();
    }

    private static IEnumerable<string> Visible(IEnumerable<string> tokens) =>
        tokens.Select(t => string.Concat(t.EnumerateRunes().Where(r => !TextGenerators.Invisibles.Contains(r.ToString())).Select(r => r.ToString())));
}
