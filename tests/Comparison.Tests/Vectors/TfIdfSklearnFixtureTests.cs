using System.Text.Json;
using Comparison.Tests.Support;
using Comparison.Vectors;

namespace Comparison.Tests.Vectors;

/// <summary>
/// Given the same tokens, TfIdfModel's vectors equal scikit-learn's to 1e-6. The fixture is written by
/// tests/fixtures/tfidf/make_sklearn_fixture.py with Debian's python3-sklearn (1.2.1).
/// </summary>
public class TfIdfSklearnFixtureTests
{
    private static readonly Lazy<JsonDocument> Fixture = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Seeds.RepositoryRoot, "tests", "fixtures", "tfidf", "sklearn_tfidf.json"))));

    public static TheoryData<string> Configs()
    {
        var data = new TheoryData<string>();
        foreach (JsonElement config in Fixture.Value.RootElement.GetProperty("configs").EnumerateArray())
        {
            data.Add(config.GetProperty("name").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Configs))]
    public void FitTransformTokens_SameTokensAndOptions_EqualScikitLearnWithin1e6(string name)
    {
        JsonElement root = Fixture.Value.RootElement;
        JsonElement config = root.GetProperty("configs").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
        var documents = Tokens(root.GetProperty("documents"));
        var holdout = Tokens(root.GetProperty("holdout"));
        TfIdfOptions options = ToOptions(config.GetProperty("options"));

        var fit = TfIdfModel.FitTransformTokens(documents, options);
        Assert.Equal(config.GetProperty("vocabulary").GetInt32(), fit.Model.VocabularySize);
        var expected = config.GetProperty("vectors").EnumerateArray().ToList();
        Assert.Equal(expected.Count, fit.Vectors.Length);
        for (int d = 0; d < expected.Count; d++)
        {
            AssertSameWeights(expected[d], fit.Model, fit.Vectors[d], $"{name} document {d}");
        }

        var expectedHoldout = config.GetProperty("holdoutVectors").EnumerateArray().ToList();
        for (int d = 0; d < expectedHoldout.Count; d++)
        {
            AssertSameWeights(expectedHoldout[d], fit.Model, fit.Model.TransformTokens(holdout[d]), $"{name} held-out {d}");
        }
    }

    private static void AssertSameWeights(JsonElement expected, TfIdfModel model, SparseVector actual, string what)
    {
        var ours = TfIdfModelTests.AsTerms(model, actual);
        var theirs = expected.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble(), StringComparer.Ordinal);
        Assert.True(theirs.Count == ours.Count, $"{what}: {ours.Count} terms, scikit-learn has {theirs.Count}; only ours: {string.Join(", ", ours.Keys.Except(theirs.Keys).Take(5))}; only theirs: {string.Join(", ", theirs.Keys.Except(ours.Keys).Take(5))}");
        foreach ((string term, double weight) in theirs)
        {
            Assert.True(ours.TryGetValue(term, out double w), $"{what}: missing term '{term}'");
            Assert.True(Math.Abs(w - weight) <= 1e-6, $"{what}: '{term}' weighs {w}, scikit-learn {weight}");
        }
    }

    private static List<IReadOnlyList<string>> Tokens(JsonElement array) =>
        array.EnumerateArray().Select(d => (IReadOnlyList<string>)d.EnumerateArray().Select(t => t.GetString()!).ToList()).ToList();

    private static TfIdfOptions ToOptions(JsonElement o)
    {
        var options = new TfIdfOptions();
        foreach (JsonProperty p in o.EnumerateObject())
        {
            JsonElement v = p.Value;
            options = p.Name switch
            {
                "lowercase" => options with { Lowercase = v.GetBoolean() },
                "analyzer" => options with { Analyzer = v.GetString() switch { "char" => TfIdfAnalyzer.Character, "char_wb" => TfIdfAnalyzer.CharacterWordBounded, _ => TfIdfAnalyzer.Word } },
                "ngram_range" => options with { NgramRange = new NgramRange(v[0].GetInt32(), v[1].GetInt32()) },
                "stop_words" => options with { StopWords = TfIdfOptions.EnglishStopWords },
                "min_df" => options with { MinDf = Limit(v) },
                "max_df" => options with { MaxDf = Limit(v) },
                "max_features" => options with { MaxFeatures = v.GetInt32() },
                "binary" => options with { Binary = v.GetBoolean() },
                "use_idf" => options with { UseIdf = v.GetBoolean() },
                "smooth_idf" => options with { SmoothIdf = v.GetBoolean() },
                "sublinear_tf" => options with { SublinearTf = v.GetBoolean() },
                "norm" => options with { Norm = v.ValueKind == JsonValueKind.Null ? VectorNorm.None : v.GetString() == "l1" ? VectorNorm.L1 : VectorNorm.L2 },
                _ => throw new InvalidOperationException("unknown option " + p.Name),
            };
        }

        return options;

        // As in scikit-learn: an integer is a count, a float a proportion.
        static DocumentFrequencyLimit Limit(JsonElement v) =>
            v.GetRawText().Contains('.', StringComparison.Ordinal) ? DocumentFrequencyLimit.Proportion(v.GetDouble()) : DocumentFrequencyLimit.Count(v.GetInt32());
    }
}
