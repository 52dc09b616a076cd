using System.CommandLine;
using System.Globalization;
using Comparison.Documents;
using Comparison.Text;

namespace Comparison.Cli.Commands;

/// <summary><c>comparison analyze INPUT</c>: the whole pipeline in one report.</summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var input = CliCommon.InputArgument();
        var output = CliCommon.OutputOption();
        var command = new Command("analyze", "Run the whole pipeline on a corpus and print a report.") { input, output };
        command.SetAction(parse =>
        {
            var documents = CliCommon.ReadInput(parse.GetValue(input)!);
            using TextWriter writer = CliCommon.OpenOutput(parse, parse.GetValue(output));
            var shingler = new Shingler();
            foreach (Document document in documents)
            {
                string date = document.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";
                int words = shingler.TokensFor(document.Text).Length;
                int sentences = SentenceSplitter.Split(document.Text).Length;
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{document.Id}\t{date}\t{words} words\t{sentences} sentences"));
            }

            return CliApplication.Success;
        });
        return command;
    }
}
