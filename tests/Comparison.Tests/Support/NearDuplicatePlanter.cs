using System.Text;
using Comparison.Documents;

namespace Comparison.Tests.Support;

/// <summary>
/// Plants near-duplicates in a real corpus: copies of its articles with 2–10% of their words substituted,
/// inserted or deleted, paragraphs reordered and boilerplate added, reproducible from a seed.
/// </summary>
public static class NearDuplicatePlanter
{
    private static readonly string[] Boilerplate =
    [
        "Copyright 2024 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
        "Sign up for our newsletter to get the day's top stories delivered to your inbox every morning.",
        "Follow us on Twitter and Facebook for the latest updates.",
        "This story has been updated with additional information.",
        "Reporting by staff writers; editing by the news desk.",
        "Click here to read more stories like this one.",
    ];

    /// <summary>
    /// Makes <paramref name="copies"/> edited copies of randomly chosen articles (of at least 60 words). Each copy
    /// has an edit rate drawn uniformly from [2%, 10%] of its words, each edit a substitution (half), insertion
    /// or deletion of one word with words drawn from the corpus; half the copies have two paragraphs swapped and
    /// half get a boilerplate line at the start or the end.
    /// </summary>
    public static List<Document> Plant(IReadOnlyList<Document> corpus, int copies, int seed)
    {
        var random = new Random(seed);
        var sources = corpus.Where(d => WordCount(d.Text) >= 60).ToList();
        var vocabulary = sources.SelectMany(d => d.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(200)).Distinct(StringComparer.Ordinal).ToArray();
        var planted = new List<Document>(copies);
        for (int c = 0; c < copies; c++)
        {
            Document source = sources[random.Next(sources.Count)];
            List<List<string>> paragraphs = source.Text.Split('\n').Select(p => p.Split(' ').ToList()).ToList();
            int words = paragraphs.Sum(p => p.Count);
            double rate = 0.02 + (0.08 * random.NextDouble());
            int edits = Math.Max(1, (int)Math.Round(rate * words));
            for (int e = 0; e < edits; e++)
            {
                List<string> paragraph = PickParagraph(paragraphs, random);
                int at = random.Next(paragraph.Count);
                double kind = random.NextDouble();
                if (kind < 0.5)
                {
                    paragraph[at] = vocabulary[random.Next(vocabulary.Length)];
                }
                else if (kind < 0.75)
                {
                    paragraph.Insert(at, vocabulary[random.Next(vocabulary.Length)]);
                }
                else if (paragraph.Count > 1)
                {
                    paragraph.RemoveAt(at);
                }
            }

            if (paragraphs.Count >= 2 && random.Next(2) == 0)
            {
                int i = random.Next(paragraphs.Count), j = random.Next(paragraphs.Count);
                (paragraphs[i], paragraphs[j]) = (paragraphs[j], paragraphs[i]);
            }

            var text = new StringBuilder(string.Join('\n', paragraphs.Select(p => string.Join(' ', p))));
            if (random.Next(2) == 0)
            {
                string line = Boilerplate[random.Next(Boilerplate.Length)];
                if (random.Next(2) == 0)
                {
                    text.Insert(0, line + "\n");
                }
                else
                {
                    text.Append('\n').Append(line);
                }
            }

            planted.Add(new Document($"planted-{c}-of-{source.Id}", text.ToString()));
        }

        return planted;
    }

    private static List<string> PickParagraph(List<List<string>> paragraphs, Random random)
    {
        // Weighted by length, so every word is equally likely to be edited.
        int total = paragraphs.Sum(p => p.Count);
        int pick = random.Next(total);
        foreach (List<string> paragraph in paragraphs)
        {
            if (pick < paragraph.Count)
            {
                return paragraph;
            }

            pick -= paragraph.Count;
        }

        return paragraphs[^1];
    }

    private static int WordCount(string text) => text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length;
}
