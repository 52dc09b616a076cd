using Comparison.Documents;
using Comparison.Facts;
using Comparison.Tests.Support;

namespace Comparison.Tests.Facts;

public class QuoteAndEntityTests
{
    private static readonly FactExtractor Extractor = new();

    [Theory]
    [InlineData("\u201CWe will respond to every attack on our soil,\u201D Price said.", "Price", null)]
    [InlineData("\u201CWe will respond to every attack on our soil,\u201D said spokesman Ned Price.", "Ned Price", "spokesman")]
    [InlineData("White House Press Secretary Jen Psaki said: \u201CWe will respond to every attack on our soil.\u201D", "Jen Psaki", "White House Press Secretary")]
    [InlineData("\u201CWe will respond to every attack on our soil,\u201D according to Mayor Ann Smith.", "Ann Smith", "Mayor")]
    public void Extract_Quote_FindsSpeakerAndRole(string text, string speaker, string? role)
    {
        var q = Assert.Single(Extractor.Extract(new Document("q", text)).Quotes);
        Assert.Equal("We will respond to every attack on our soil", q.Text.TrimEnd(',', '.'));
        Assert.Equal(speaker, q.Speaker);
        Assert.Equal(role, q.Role);
    }

    [Fact]
    public void Extract_PronounSpeaker_ResolvesToTheLastNamedSpeaker()
    {
        string text = "\u201CThe first statement is long enough,\u201D Price said. \u201CThe second statement is long enough too,\u201D he said.";
        var quotes = Extractor.Extract(new Document("q", text)).Quotes;
        Assert.Equal(2, quotes.Length);
        Assert.Equal("Price", quotes[1].Speaker);
        Assert.True(quotes[1].SpeakerFromPronoun);
    }

    [Fact]
    public void Extract_Entities_SplitTitlesAndFindHandles()
    {
        var entities = Extractor.Extract(new Document("e", "The call with Ukrainian President Volodymyr Petrenko ended. Thanks to @PetrenkoUa for it.")).Entities;
        var person = Assert.Single(entities, e => e.Kind == EntityKind.Person);
        Assert.Equal("Volodymyr Petrenko", person.Text);
        Assert.Equal("Ukrainian President", person.Title);
        Assert.Equal("petrenko", person.Key);
        Assert.Contains(entities, e => e.Kind == EntityKind.Handle && e.Key == "petrenkoua");
    }

    [Fact]
    public void Group_Seeds_JoinsSpellingsHandlesAndTitles()
    {
        var facts = Seeds.Load().Select(d => Extractor.Extract(d)).ToList();
        var groups = EntityAliases.Group(facts);
        var zelensky = Assert.Single(groups, g => g.Keys.Contains("zelensky"));
        Assert.Contains("zelenskiy", zelensky.Keys);
        Assert.Contains("zelenskyyua", zelensky.Keys);
        var biden = Assert.Single(groups, g => g.Keys.Contains("biden"));
        Assert.Contains(biden.Mentions, m => m.Mention.Text == "Joseph R Biden");
        Assert.Contains(biden.Mentions, m => m.Mention.Text == "Joe Biden");
        Assert.Contains(biden.Mentions, m => m.Mention.Text == "Biden");
    }

    [Theory]
    [InlineData("zelenskyyua", "zelensky", true)]
    [InlineData("secjones", "jones", true)]
    [InlineData("nato", "jones", false)]
    public void HandleMatches_CamelCaseHandles(string handle, string surname, bool expected)
    {
        Assert.Equal(expected, EntityAliases.HandleMatches(handle, surname, 85));
    }
}
