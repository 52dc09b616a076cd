using Comparison.Facts;

namespace Comparison.Tests.Facts;

public class FactLexiconTests
{
    [Fact]
    public void Find_EveryWordInEveryCase_AgreesWithTheDictionary()
    {
        int checkedWords = 0;
        foreach (string w in FactLexicon.Words)
        {
            foreach (string form in new[] { w, w.ToUpperInvariant(), char.ToUpperInvariant(w[0]) + w[1..] })
            {
                Assert.Equal(FactLexicon.FindInDictionary(form), FactLexicon.Find(form));
                Assert.NotEqual(WordClass.None, FactLexicon.Find(form).Classes);
                checkedWords++;
            }
        }

        Assert.True(checkedWords > 600, $"only {checkedWords} forms");
    }

    [Theory]
    [InlineData("")]
    [InlineData("zzzz")]
    [InlineData("Killedx")]
    [InlineData("kill\u00e9d")]
    [InlineData("two\u2019s")]
    [InlineData("abcdefghijklmnopqrstuvwxyz")]
    [InlineData("A")]
    [InlineData("\u0000")]
    public void Find_OtherWords_AgreesWithTheDictionary(string word)
    {
        var expected = word.Length is 0 or > 24 ? default : FactLexicon.FindInDictionary(word);
        Assert.Equal(expected, FactLexicon.Find(word));
    }

    [Fact]
    public void Find_RandomAsciiWords_AgreesWithTheDictionary()
    {
        var random = new Random(11);
        const string letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'-0123456789";
        for (int i = 0; i < 20000; i++)
        {
            var chars = new char[random.Next(1, 11)];
            for (int j = 0; j < chars.Length; j++)
            {
                chars[j] = letters[random.Next(letters.Length)];
            }

            Assert.Equal(FactLexicon.FindInDictionary(chars), FactLexicon.Find(chars));
        }
    }

    [Fact]
    public void FactToken_PacksInto32Bytes()
    {
        // Six scanners walk the token array; a field order that pads the struct to 40 bytes costs every pass.
        Assert.Equal(32, System.Runtime.CompilerServices.Unsafe.SizeOf<FactToken>());
    }
}
