using System.Buffers.Binary;
using Comparison.Tests.Support;
using Comparison.Vectors;
using FsCheck;
using FsCheck.Fluent;

namespace Comparison.Tests.Vectors;

public class TfIdfModelTests
{
    private static readonly string[][] Tokens =
    [
        ["the", "troops", "near", "the", "border"],
        ["the", "talks", "on", "the", "border"],
        ["troops", "and", "talks"],
    ];

    [Fact]
    public void FitTransformTokens_HandExample_MatchesFormula()
    {
        var fit = TfIdfModel.FitTransformTokens(Tokens);
        TfIdfModel model = fit.Model;
        Assert.Equal(3, model.DocumentCount);
        Assert.Equal(7, model.VocabularySize);

        // Document 0: the ×2 (df 2), troops (df 2), near (df 1), border (df 2); n = 3, smooth idf.
        double Idf(int df) => Math.Log(4.0 / (1 + df)) + 1;
        var raw = new Dictionary<string, double> { ["the"] = 2 * Idf(2), ["troops"] = Idf(2), ["near"] = Idf(1), ["border"] = Idf(2) };
        double norm = Math.Sqrt(raw.Values.Sum(w => w * w));
        var weights = AsTerms(model, fit.Vectors[0]);
        Assert.Equal(raw.Keys.Order(StringComparer.Ordinal), weights.Keys.Order(StringComparer.Ordinal));
        foreach ((string term, double w) in raw)
        {
            Assert.Equal(w / norm, weights[term], 6);
        }

        Assert.Equal(1.0, fit.Vectors[0].Norm, 6);
    }

    [Fact]
    public void TermIds_AreInOrdinalOrderOfTerms()
    {
        TfIdfModel model = TfIdfModel.FitTokens(Tokens);
        var terms = Enumerable.Range(0, model.TermCount).Select(model.Term).ToList();
        Assert.Equal(terms.Order(StringComparer.Ordinal), terms);
        Assert.True(model.TryGetTermId("talks", out int id));
        Assert.Equal("talks", model.Term(id));
        Assert.Equal(2, model.DocumentFrequency(id));
        Assert.False(model.TryGetTermId("absent", out _));
    }

    [Fact]
    public void TermIds_RandomTermsSharingPrefixes_AreInOrdinalOrder()
    {
        // Terms that tie on their first four code units, differ only in length, hold a NUL or characters above
        // ASCII: the numbering sorts by a prefix key and settles ties by the ordinal comparison.
        char[] alphabet = ['a', 'b', 'Z', '\0', 'é', '\uffff', '\ud800'];
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), seed =>
        {
            var random = new Random(seed);
            var documents = new List<IReadOnlyList<string>>();
            for (int d = 0; d < 1 + random.Next(4); d++)
            {
                var tokens = new List<string>();
                for (int t = 0; t < random.Next(1, 40); t++)
                {
                    var chars = new char[random.Next(1, 8)];
                    for (int c = 0; c < chars.Length; c++)
                    {
                        chars[c] = alphabet[random.Next(c < 3 ? 2 : alphabet.Length)];
                    }

                    tokens.Add(new string(chars));
                }

                documents.Add(tokens);
            }

            TfIdfModel model = TfIdfModel.FitTokens(documents);
            var terms = Enumerable.Range(0, model.TermCount).Select(model.Term).ToList();
            return terms.SequenceEqual(documents.SelectMany(t => t).Distinct().Order(StringComparer.Ordinal));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Transform_UnknownTerms_AreIgnored()
    {
        TfIdfModel model = TfIdfModel.FitTokens(Tokens);
        SparseVector v = model.TransformTokens(["troops", "zebra", "zebra"]);
        Assert.Equal(1, v.Count);
        Assert.Equal(1f, v.Values[0], 6);
        Assert.Equal(0, model.TransformTokens(["zebra"]).Count);
    }

    [Fact]
    public void MinDfMaxDfAndCap_PruneAsDocumented()
    {
        var options = new TfIdfOptions { MinDf = 2, MaxDf = 0.9 };
        TfIdfModel model = TfIdfModel.FitTokens(Tokens, options);

        // df: the 2, troops 2, border 2, talks 2, near 1, on 1, and 1; n = 3, so 0.9 × 3 = 2.7 keeps df 2.
        Assert.Equal(4, model.VocabularySize);
        model.TryGetTermId("near", out int near);
        Assert.False(model.IsInVocabulary(near));

        var capped = TfIdfModel.FitTokens(Tokens, new TfIdfOptions { MaxFeatures = 1 });
        Assert.Equal(1, capped.VocabularySize);
        capped.TryGetTermId("the", out int the);
        Assert.True(capped.IsInVocabulary(the));
    }

    [Fact]
    public void Options_Invalid_ThrowNamingProperty()
    {
        Assert.Equal("NgramRange", Assert.Throws<ArgumentException>(() => TfIdfModel.FitTokens(Tokens, new TfIdfOptions { NgramRange = new NgramRange(2, 1) })).ParamName);
        Assert.Equal("MaxFeatures", Assert.Throws<ArgumentException>(() => TfIdfModel.FitTokens(Tokens, new TfIdfOptions { MaxFeatures = 0 })).ParamName);
        Assert.Equal("MaxDf", Assert.Throws<ArgumentException>(() => TfIdfModel.FitTokens(Tokens, new TfIdfOptions { MinDf = 0.5, MaxDf = 0.2 })).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => DocumentFrequencyLimit.Proportion(1.5));
    }

    [Fact]
    public void Add_ThenTransform_EqualsFittingEverythingAtOnce()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), seed =>
        {
            var random = new Random(seed);
            List<string[]> corpus = RandomTokenCorpus(random, random.Next(2, 12));
            int split = random.Next(1, corpus.Count);
            var options = new TfIdfOptions
            {
                SublinearTf = random.Next(2) == 0,
                NgramRange = new NgramRange(1, random.Next(1, 3)),
                MinDf = random.Next(2) == 0 ? 1 : 2,
            };
            TfIdfModel incremental = TfIdfModel.FitTokens(corpus.Take(split), options);
            var added = incremental.AddTokens(corpus.Skip(split));
            TfIdfModel whole = TfIdfModel.FitTokens(corpus, options);
            for (int d = 0; d < corpus.Count; d++)
            {
                var a = AsTerms(incremental, incremental.TransformTokens(corpus[d]));
                var b = AsTerms(whole, whole.TransformTokens(corpus[d]));
                if (!SameWeights(a, b))
                {
                    return false;
                }

                if (d >= split && !SameWeights(AsTerms(incremental, added[d - split]), b))
                {
                    return false;
                }
            }

            return incremental.DocumentCount == corpus.Count && incremental.VocabularySize == whole.VocabularySize;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Add_NewTerms_GetNewIdsAndOldIdsStay()
    {
        TfIdfModel model = TfIdfModel.FitTokens(Tokens);
        int before = model.TermCount;
        model.TryGetTermId("troops", out int troops);
        model.AddTokens([["aardvark", "troops"]]);
        Assert.True(model.TryGetTermId("aardvark", out int aardvark));
        Assert.Equal(before, aardvark);
        Assert.True(model.TryGetTermId("troops", out int troopsAfter));
        Assert.Equal(troops, troopsAfter);
        Assert.Equal(3, model.DocumentFrequency(troops));
    }

    [Fact]
    public void SaveLoad_RoundTrip_SameVectorsAndSameBytes()
    {
        var options = new TfIdfOptions { StopWords = TfIdfOptions.EnglishStopWords, NgramRange = new NgramRange(1, 2), MaxDf = 0.99, MaxFeatures = 50, SublinearTf = true, Norm = VectorNorm.L1 };
        TfIdfModel model = TfIdfModel.FitTokens(Tokens, options);
        using var first = new MemoryStream();
        model.Save(first);
        first.Position = 0;
        TfIdfModel loaded = TfIdfModel.Load(first);
        using var second = new MemoryStream();
        loaded.Save(second);
        Assert.Equal(first.ToArray(), second.ToArray());
        foreach (string[] doc in Tokens)
        {
            Assert.True(model.TransformTokens(doc).SequenceEqual(loaded.TransformTokens(doc)));
        }

        Assert.Equal(options.MaxFeatures, loaded.Options.MaxFeatures);
        Assert.True(loaded.Options.StopWords!.SetEquals(TfIdfOptions.EnglishStopWords));
    }

    [Fact]
    public void Load_WrongMagicOrVersion_ThrowsInvalidData()
    {
        Assert.Throws<InvalidDataException>(() => TfIdfModel.Load(new MemoryStream("NOTAMODEL..."u8.ToArray())));
        using var stream = new MemoryStream();
        TfIdfModel.FitTokens(Tokens).Save(stream);
        byte[] bytes = stream.ToArray();
        bytes[8] = 99;
        var ex = Assert.Throws<InvalidDataException>(() => TfIdfModel.Load(new MemoryStream(bytes)));
        Assert.Contains("version 99", ex.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => TfIdfModel.Load(new MemoryStream(bytes[..20])));
    }

    [Fact]
    public void Load_AnyFlippedBit_RefusedNeverLoaded()
    {
        byte[] bytes = Saved(TfIdfModel.FitTokens(Tokens, new TfIdfOptions { NgramRange = new NgramRange(1, 2), MaxFeatures = 5 }));
        for (int at = 0; at < bytes.Length; at++)
        {
            byte[] corrupt = (byte[])bytes.Clone();
            corrupt[at] ^= (byte)(1 << (at % 8));
            Assert.Throws<InvalidDataException>(() => TfIdfModel.Load(new MemoryStream(corrupt)));
        }
    }

    [Fact]
    public void Load_TruncatedAnywhere_RefusedAsTruncated()
    {
        byte[] bytes = Saved(TfIdfModel.FitTokens(Tokens));
        for (int length = 8; length < bytes.Length; length++)
        {
            var ex = Assert.Throws<InvalidDataException>(() => TfIdfModel.Load(new MemoryStream(bytes[..length])));
            Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
            ex = Assert.Throws<InvalidDataException>(() => TfIdfModel.Load(new OneByteAtATimeStream(bytes[..length])));
            Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
        }
    }

    // Offsets in the body (after the 20-byte header) of the default model of Tokens: analyzer 0, n-gram range 4
    // and 8, lowercase 12, stop word count 13 (-1), min-df 17, max-df 26, max-features 35, four flags 39, norm 43,
    // documents 47, terms 51, then the first term "and" (length byte 55, text 56), its df 59 and its total 63.
    [Theory]
    [InlineData(51, "FFFFFF7F", "claims 2147483647 terms")]
    [InlineData(51, "FFFFFFFF", "claims -1 terms")]
    [InlineData(13, "FFFFFF7F", "2147483647 stop words")]
    [InlineData(13, "FEFFFFFF", "-2 stop words")]
    [InlineData(35, "FBFFFFFF", "MaxFeatures is -5")]
    [InlineData(35, "00000000", "MaxFeatures is 0")]
    [InlineData(12, "07", "Lowercase flag is 7")]
    [InlineData(39, "02", "Binary flag is 2")]
    [InlineData(0, "09000000", "analyzer is 9")]
    [InlineData(43, "07000000", "norm is 7")]
    [InlineData(4, "00000000", "n-gram range (0, 1)")]
    [InlineData(8, "00000000", "n-gram range (1, 0)")]
    [InlineData(17, "0000000000000008C0", "MinDf is -3")]
    [InlineData(17, "000000000000000440", "MinDf is 2.5")]
    [InlineData(17, "01000000000000F87F", "MinDf is NaN")]
    [InlineData(26, "01000000000000F83F", "MaxDf is 1.5")]
    [InlineData(47, "FFFFFFFF", "document count is -1")]
    [InlineData(59, "FFFFFFFF", "document frequency of 'and' is -1")]
    [InlineData(59, "00000000", "document frequency of 'and' is 0")]
    [InlineData(59, "04000000", "document frequency of 'and' is 4")]
    [InlineData(63, "0000000000000000", "total count of 'and' is 0")]
    [InlineData(55, "FFFFFFFFFF", "malformed")]
    [InlineData(55, "FF7F", "claims 16383 bytes")]
    [InlineData(56, "FF", "not valid UTF-8")]
    public void Load_CraftedField_RefusedNamingIt(int bodyOffset, string hex, string expected)
    {
        byte[] crafted = SealedFiles.Patched(Saved(TfIdfModel.FitTokens(Tokens)), 20 + bodyOffset, hex);
        var ex = Assert.Throws<InvalidDataException>(() => TfIdfModel.Load(new MemoryStream(crafted)));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CraftedLengthOrExtraBytes_RefusedWithoutAllocatingIt()
    {
        byte[] bytes = Saved(TfIdfModel.FitTokens(Tokens));

        // A body length of 2^30 bytes: refused without a buffer of that size, from a seekable stream or not; 2^40 is over any array.
        byte[] huge = SealedFiles.Patched(bytes, 12, "0000004000000000");
        Assert.Contains("truncated", Assert.Throws<InvalidDataException>(() => TfIdfModel.Load(new MemoryStream(huge))).Message, StringComparison.Ordinal);
        Assert.Contains("truncated", Assert.Throws<InvalidDataException>(() => TfIdfModel.Load(new OneByteAtATimeStream(huge))).Message, StringComparison.Ordinal);
        Assert.Contains("claims 1099511627776 bytes", Assert.Throws<InvalidDataException>(() => TfIdfModel.Load(new MemoryStream(SealedFiles.Patched(bytes, 12, "0000000000010000")))).Message, StringComparison.Ordinal);
        Assert.Contains("claims -1 bytes", Assert.Throws<InvalidDataException>(() => TfIdfModel.Load(new MemoryStream(SealedFiles.Patched(bytes, 12, "FFFFFFFFFFFFFFFF")))).Message, StringComparison.Ordinal);

        // One byte more in the body than its fields use.
        byte[] longer = [.. bytes[..^8], 0, 0, 0, 0, 0, 0, 0, 0, 0];
        BinaryPrimitives.WriteInt64LittleEndian(longer.AsSpan(12), BinaryPrimitives.ReadInt64LittleEndian(longer.AsSpan(12)) + 1);
        var ex = Assert.Throws<InvalidDataException>(() => TfIdfModel.Load(new MemoryStream(SealedFiles.Resealed(longer))));
        Assert.Contains("1 unexpected bytes", ex.Message, StringComparison.Ordinal);

        // Two models back to back in one stream: each load stops at its own end.
        using var two = new MemoryStream([.. bytes, .. bytes]);
        TfIdfModel.Load(two);
        Assert.Equal(bytes.Length, two.Position);
        TfIdfModel.Load(two);
        Assert.Equal(two.Length, two.Position);
    }

    [Fact]
    public void Load_FormatVersion1_RefusedSayingToFitAgain()
    {
        byte[] old = [.. "CMPTFIDF"u8, 1, 0, 0, 0, .. new byte[60]];
        var ex = Assert.Throws<InvalidDataException>(() => TfIdfModel.Load(new MemoryStream(old)));
        Assert.Contains("version 1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("fit the model again", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Transform_ManyTexts_EqualsOneByOne()
    {
        string[] texts = ["Troops gather near the border.", "Talks on the border resume.", "Troops and talks."];
        TfIdfModel model = TfIdfModel.Fit(texts);
        var batch = model.Transform(texts);
        for (int i = 0; i < texts.Length; i++)
        {
            Assert.True(batch[i].SequenceEqual(model.Transform(texts[i])));
        }
    }

    internal static Dictionary<string, double> AsTerms(TfIdfModel model, SparseVector vector)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int i = 0; i < vector.Count; i++)
        {
            result[model.Term(vector.Indices[i])] = vector.Values[i];
        }

        return result;
    }

    private static bool SameWeights(Dictionary<string, double> a, Dictionary<string, double> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out double w) && Math.Abs(w - kv.Value) < 1e-6);

    private static List<string[]> RandomTokenCorpus(Random random, int documents)
    {
        string[] words = ["alpha", "beta", "gamma", "delta", "eps", "zeta", "eta", "theta", "iota", "kappa"];
        var corpus = new List<string[]>();
        for (int d = 0; d < documents; d++)
        {
            corpus.Add(Enumerable.Range(0, random.Next(0, 15)).Select(_ => words[(int)(words.Length * Math.Pow(random.NextDouble(), 1.5))]).ToArray());
        }

        return corpus;
    }

    [Fact]
    public void FitTransform_FastAsciiPath_EqualsTokenizerTerms()
    {
        // The word analyzer takes runs of ASCII letters and digits between spaces without the Tokenizer (and the fit
        // counts runs of up to eight characters straight from the text); the terms must be exactly the Tokenizer's
        // (Word, Number and Handle tokens, normalised), whatever surrounds them.
        string[] fragments =
        [
            "Troops", "near", "U.S.", "don't", "45,000", "1.2", "ABC", "abc", "x-y", "@handle", "#tag", "Ukraine's",
            "KYIV", "(talks)", "said,", "2021-12-30", "Dec.", "e.g.", "café", "“quoted”", "—", "\n", "  ", "\t", "50-minute", "a1b2",
            "Diplomat", "NEGOTIAT", "Zaporizhzhia", "ABCDEFGHI", "x", "Q", "12345678", "123456789",
        ];
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), seed =>
        {
            var random = new Random(seed);
            var texts = new string[3];
            for (int d = 0; d < texts.Length; d++)
            {
                var builder = new System.Text.StringBuilder();
                int count = random.Next(0, 14);
                for (int i = 0; i < count; i++)
                {
                    string fragment = fragments[random.Next(fragments.Length)];
                    builder.Append(fragment).Append(random.Next(4) == 0 ? "" : " ");
                }

                texts[d] = builder.ToString();
            }

            var tokens = texts.Select(text => (IReadOnlyList<string>)Comparison.Text.Tokenizer.Tokenize(text)
                .Where(t => t.Kind is Comparison.Text.TokenKind.Word or Comparison.Text.TokenKind.Number or Comparison.Text.TokenKind.Handle)
                .Select(t => Comparison.Text.TextNormalizer.NormalizeTerm(text.AsSpan(t.Start, t.Length)))
                .Where(term => term.Length > 0)
                .ToList()).ToList();
            var fast = TfIdfModel.FitTransform(texts);
            var reference = TfIdfModel.FitTransformTokens(tokens);
            if (fast.Model.VocabularySize != reference.Model.VocabularySize)
            {
                return false;
            }

            for (int id = 0; id < fast.Model.VocabularySize; id++)
            {
                if (!string.Equals(fast.Model.Term(id), reference.Model.Term(id), StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return fast.Vectors.Zip(reference.Vectors).All(p => p.First.SequenceEqual(p.Second));
        }).QuickCheckThrowOnFailure();
    }

    private static byte[] Saved(TfIdfModel model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }

    /// <summary>A stream that cannot seek and returns one byte per read, as a pipe or a socket may.</summary>
    private sealed class OneByteAtATimeStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 1));

        public override int Read(Span<byte> buffer) => _inner.Read(buffer[..Math.Min(buffer.Length, 1)]);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
