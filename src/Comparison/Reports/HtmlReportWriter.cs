using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Comparison.Discrepancies;
using Comparison.Documents;
using Comparison.Text;

namespace Comparison.Reports;

/// <summary>
/// Writes a report as ONE self-contained HTML page: inline CSS, JavaScript and SVG, nothing fetched from the
/// network. Made for a journalist: each event with a timeline of its reports by publication date, the outlets by
/// name (a document's source, else its id) linked to the originals, where they disagree (strongest first), what one
/// outlet alone reports and the passages they share; a search box that filters events, outlets, passages and
/// articles as one types (or from a <c>#q=words</c> fragment); a view per outlet; a similarity heatmap; and the
/// articles themselves with every span highlighted. Readable on a laptop screen and printable.
/// </summary>
/// <remarks>
/// <para>
/// Every piece of text that comes from the input (article text, identifiers, titles, sources, URLs, labels) is
/// HTML-escaped, so an article holding <c>&lt;script&gt;</c> or an <c>onerror=</c> attribute is shown as text
/// and never runs. Only absolute <c>http</c> and <c>https</c> URLs become links (never <c>javascript:</c> or
/// <c>data:</c>), and the page sends no referrer. As a second line of defence the page carries a
/// Content-Security-Policy that allows only its own inline script and style (by SHA-256 hash) and no network access.
/// </para>
/// <para>
/// The page stays under 5 MB (UTF-8) whatever the input: per event it shows the strongest few flags, facts, claims
/// and passages; events come strongest flag first (its confidence, then its severity; events without a flag after
/// them, largest first), so that past a share of the bound, when the remaining events are shown with their timelines
/// only, the events with the strongest flags are those that keep their full details; and what does not fit is left
/// out with a visible note saying what, and that the JSON report has it all. The full text of at most
/// <see cref="MaxArticles"/> articles is embedded (those of multi-document clusters first, in the events' order). The heatmap covers the
/// documents of the report's <see cref="SimilaritySection"/> when there are at most 100, else the 40 largest events
/// (the Jaccard similarity of their key terms), which the page says. Element ids are built from document positions
/// and cluster numbers, never from identifiers. The output is byte-identical for the same report. Thread-safe.
/// </para>
/// </remarks>
public static class HtmlReportWriter
{
    /// <summary>The most articles whose full text is embedded in the page.</summary>
    public const int MaxArticles = 200;

    /// <summary>
    /// The most bytes (UTF-8) of a page. Sections that would pass their share of it are cut, with a note on the
    /// page saying what was left out; the JSON report holds everything.
    /// </summary>
    internal const int MaxBytes = 5_000_000;

    /// <summary>Bytes kept for the page's end (the notes and the script) after the last section.</summary>
    private const int Reserve = 16 * 1024;

    // Per event, the page shows the strongest few of each list; the JSON report has them all.
    private const int MaxFlagsPerEvent = 6;
    private const int MaxRowsPerEvent = 15;
    private const int MaxClaimsPerEvent = 12;
    private const int MaxClaimsPerOutlet = 3;
    private const int MaxPassagesPerEvent = 4;

    // A heatmap stays readable up to about this many rows; above it the page shows one of the largest events.
    private const int MaxHeatmapDocuments = 100;
    private const int MaxHeatmapEvents = 40;

    private const string Style = """
        :root{--ink:#1d1f23;--muted:#5b6270;--line:#d8dce3;--bg:#fff;--soft:#f5f6f8;--accent:#1f5fbf;--warn:#b3261e;--mark-d:#ffd54f;--mark-p:#b3e5fc;--mark-f:#dcedc8}
        *{box-sizing:border-box}
        body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--ink);background:var(--bg)}
        header,main{max-width:1180px;margin:0 auto;padding:0 20px}
        header{padding-top:18px;border-bottom:1px solid var(--line)}
        h1{font-size:1.6rem;margin:0 0 4px}h2{font-size:1.3rem;margin:28px 0 10px;border-bottom:2px solid var(--line);padding-bottom:4px}
        h3{font-size:1.1rem;margin:18px 0 8px}h4{font-size:1rem;margin:12px 0 6px}
        .summary{color:var(--muted);margin:0 0 8px}
        nav a{margin-right:14px;color:var(--accent);text-decoration:none}nav{padding:6px 0 12px}
        .cluster{border:1px solid var(--line);border-radius:8px;padding:4px 16px 12px;margin:14px 0;background:var(--bg);break-inside:avoid-page}
        .cid{color:var(--muted);font-weight:normal;margin-right:6px}
        ul.docs{margin:4px 0 8px;padding-left:20px}ul.docs li{margin:2px 0}
        .meta{color:var(--muted)}
        code,.id{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.86em}
        .badge{display:inline-block;font-size:.75rem;padding:1px 7px;border-radius:10px;background:var(--soft);border:1px solid var(--line);color:var(--muted);vertical-align:middle;margin-left:6px}
        .badge.number,.badge.date,.badge.attribution,.badge.quote,.badge.name{background:#fdecea;border-color:#f3b8b3;color:var(--warn)}
        .discrepancy{border-left:4px solid var(--warn);padding:2px 0 6px 12px;margin:12px 0;break-inside:avoid}
        .mentions{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:10px}
        figure.mention{margin:0;border:1px solid var(--line);border-radius:6px;padding:8px 10px;background:var(--soft)}
        figure.mention figcaption{font-size:.85rem;color:var(--muted);margin-bottom:4px}
        blockquote{margin:0}
        .says{font-weight:600}
        mark{padding:0 1px;border-radius:2px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
        mark.d{background:var(--mark-d)}mark.p{background:var(--mark-p)}mark.f{background:var(--mark-f)}mark.d.p,mark.d.f{background:var(--mark-d);box-shadow:inset 0 -3px 0 #4fc3f7}
        table{border-collapse:collapse;width:100%;margin:8px 0;font-size:.92rem}
        th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
        th{background:var(--soft)}td.none{color:#aab0bb;text-align:center}tr.disagrees td:first-child{color:var(--warn);font-weight:600}tr.agrees td:first-child,.legend .agrees{color:#1d7a46}.legend .disagrees{color:var(--warn)}.legend{font-size:.85em}
        td.num{text-align:right;font-variant-numeric:tabular-nums}
        .passage{display:grid;grid-template-columns:1fr 1fr;gap:10px;margin:8px 0 16px;break-inside:avoid}
        .passage>div{border:1px solid var(--line);border-radius:6px;padding:8px 10px;background:var(--soft)}
        .heatmap{overflow-x:auto}.heatmap svg{max-width:100%;height:auto}.legend{columns:2 300px;font-size:.85rem;color:var(--muted);padding-left:22px}
        details.article{border:1px solid var(--line);border-radius:6px;margin:8px 0;padding:4px 10px}
        details.article>summary{cursor:pointer;font-weight:600}
        .text{white-space:pre-wrap;line-height:1.6;margin:8px 0}
        .keys span{margin-right:12px}
        .search{display:flex;gap:10px;align-items:center;padding:0 0 12px}.search input{flex:1;max-width:480px;font:inherit;padding:5px 9px;border:1px solid var(--line);border-radius:6px}
        [hidden]{display:none!important}
        ol.timeline{list-style:none;margin:4px 0 8px;padding-left:0;border-left:3px solid var(--line)}ol.timeline li{margin:3px 0;padding-left:12px;position:relative}
        ol.timeline li::before{content:"";position:absolute;left:-7px;top:.55em;width:9px;height:9px;border-radius:50%;background:var(--accent)}
        time,.undated{font-variant-numeric:tabular-nums;color:var(--muted);margin-right:8px;display:inline-block;min-width:6.5em}
        .outlet{font-weight:600}a.outlet{color:var(--accent)}
        .left-out{border:1px dashed var(--warn);border-radius:6px;padding:6px 10px;color:var(--warn)}
        .outlet-entry{border-top:1px solid var(--line);padding:4px 0}
        @media print{nav,.noprint{display:none}body{font-size:11pt}header,main{max-width:none;padding:0}.cluster{border-color:#999}details.article{break-inside:auto}a{color:inherit;text-decoration:none}}
        """;

    private const string Script = """
        document.documentElement.setAttribute("data-report-script","ran");
        var opened=[];
        addEventListener("beforeprint",function(){document.querySelectorAll("details:not([open])").forEach(function(d){d.open=true;opened.push(d);});});
        addEventListener("afterprint",function(){opened.forEach(function(d){d.open=false;});opened=[];});
        document.addEventListener("click",function(e){var a=e.target.closest("a[href^='#doc-']");if(!a)return;var t=document.getElementById(a.getAttribute("href").slice(1));if(t&&t.tagName==="DETAILS")t.open=true;});
        var q=document.getElementById("q"),count=document.getElementById("q-count"),items=document.querySelectorAll("[data-filter]");
        function filter(){var words=q.value.toLowerCase().split(/\s+/).filter(function(w){return w.length>0;}),shown=0;
        items.forEach(function(e){var t=e.textContent.toLowerCase(),hit=words.every(function(w){return t.indexOf(w)>=0;});e.hidden=!hit;if(hit)shown++;});
        count.textContent=words.length?shown+" of "+items.length+" shown":"";}
        if(q){q.addEventListener("input",filter);if(location.hash.indexOf("#q=")===0){q.value=decodeURIComponent(location.hash.slice(3));}filter();}
        """;

    /// <summary>Writes the HTML page.</summary>
    /// <param name="report">The report.</param>
    /// <param name="destination">The writer; not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Write(ComparisonResult report, TextWriter destination) => Write(report, destination, MaxBytes);

    /// <summary>Writes the HTML page within a size bound; tests pass a small one.</summary>
    internal static void Write(ComparisonResult report, TextWriter destination, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 64 * 1024);
        var page = new Page(report, maxBytes);
        destination.Write(page.Render());
    }

    /// <summary>Escapes text for HTML element content and double- or single-quoted attribute values.</summary>
    /// <param name="text">Any text.</param>
    /// <returns>The text with <c>&amp; &lt; &gt; " '</c> replaced by character references.</returns>
    internal static string Escape(ReadOnlySpan<char> text)
    {
        var sb = new StringBuilder(text.Length + 16);
        AppendEscaped(sb, text);
        return sb.ToString();
    }

    private static void AppendEscaped(StringBuilder sb, ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                case '\0': sb.Append('\uFFFD'); break;

                // Other control characters (ESC, BEL, BS...) are invalid in HTML and would drive a terminal the page is
                // printed on; U+FFFD keeps the text's length, so offsets into it still hold.
                case < ' ' or (>= '\u007F' and <= '\u009F') when c is not ('\t' or '\n' or '\r'): sb.Append('\uFFFD'); break;
                default: sb.Append(c); break;
            }
        }
    }

    private static string Hash(string content) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    /// <summary>One rendering: the report, its look-ups and the output buffer.</summary>
    private sealed class Page
    {
        private readonly ComparisonResult _report;
        private readonly ReportIndex _index;
        private readonly Dictionary<string, int> _position = new(StringComparer.Ordinal);
        private readonly HashSet<string> _embedded = new(StringComparer.Ordinal);
        private readonly StringBuilder _html = new(1 << 16);
        private readonly Dictionary<string, int> _clusterOf = new(StringComparer.Ordinal);
        private readonly Dictionary<int, List<DocumentPassage>> _passagesOf = [];
        private readonly List<DocumentPassage> _crossPassages = [];
        private readonly ImmutableArray<ReportCluster> _events;
        private readonly int _maxBytes;
        private int _measured;
        private long _bytes;

        public Page(ComparisonResult report, int maxBytes)
        {
            _report = report;
            _maxBytes = maxBytes;
            _index = new ReportIndex(report);
            for (int i = 0; i < report.Documents.Length; i++)
            {
                _position.TryAdd(report.Documents[i].Id, i);
            }

            foreach (ReportCluster cluster in report.Clusters.ValueOrNull?.Clusters ?? [])
            {
                foreach (string id in cluster.Documents)
                {
                    _clusterOf.TryAdd(id, cluster.Id);
                }
            }

            // A passage both of whose documents report one event is shown under that event; the others stand apart.
            foreach (DocumentPassage passage in report.Passages.ValueOrNull?.Passages ?? [])
            {
                if (_clusterOf.TryGetValue(passage.A, out int a) && _clusterOf.TryGetValue(passage.B, out int b) && a == b)
                {
                    if (!_passagesOf.TryGetValue(a, out var list))
                    {
                        _passagesOf[a] = list = [];
                    }

                    list.Add(passage);
                }
                else
                {
                    _crossPassages.Add(passage);
                }
            }

            _events = FlagsFirst(report, _index.MultiDocumentClusters);
            foreach (string id in ArticlesToEmbed())
            {
                _embedded.Add(id);
            }
        }

        public string Render()
        {
            string csp = $"default-src 'none'; script-src '{Hash(Script)}'; style-src '{Hash(Style)}'; img-src data:; base-uri 'none'; form-action 'none'";
            Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
            Raw("<meta http-equiv=\"Content-Security-Policy\" content=\"").Raw(csp).Raw("\">\n");
            Raw("<meta name=\"referrer\" content=\"no-referrer\">\n");
            Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
            Raw("<meta name=\"generator\" content=\"Comparison\">\n<title>Comparison report</title>\n<style>").Raw(Style).Raw("</style>\n</head>\n<body>\n");
            Raw("<header>\n<h1>Comparison report</h1>\n<p class=\"summary\">").Text(_index.Summary()).Raw("</p>\n<nav>");
            if (_report.Clusters.Ran || _report.Discrepancies.Ran)
            {
                Raw("<a href=\"#clusters\">Events</a>");
            }

            if (_report.Similarity.Ran)
            {
                Raw("<a href=\"#similarity\">Similarity</a>");
            }

            if (_report.Passages.Ran)
            {
                Raw("<a href=\"#passages\">Shared passages</a>");
            }

            if (_report.Duplicates.Ran)
            {
                Raw("<a href=\"#duplicates\">Duplicates</a>");
            }

            Raw("<a href=\"#outlets\">Outlets</a><a href=\"#articles\">Articles</a></nav>\n");
            Raw("<div class=\"search noprint\"><input type=\"search\" id=\"q\" placeholder=\"Filter events, outlets, passages and articles by text\" aria-label=\"Filter by text\" autocomplete=\"off\"><span id=\"q-count\" class=\"meta\" aria-live=\"polite\"></span></div>\n</header>\n<main>\n");

            // Each section may fill the page up to the bound less what the sections after it are expected to need, so the
            // full details of the largest events take only what the listing of every event, outlet and article leaves.
            // The estimates only share the space out: each section is cut where it would pass its bound, whatever they say.
            long articles = _report.Documents.Where(d => _embedded.Contains(d.Id)).Sum(d => 400L + (d.Text.Length * 11L / 10));
            long duplicates = 250L * (_report.Duplicates.ValueOrNull?.Pairs.Length ?? 0);
            long outlets = (350L * _report.Documents.Length) + duplicates + articles;
            long passages = Math.Min(_crossPassages.Count * 2000L, Share(0.03)) + outlets;
            long similarity = HeatmapBytes() + passages;
            long singletons = (500L * _index.Singletons.Length) + similarity;
            long events = (520L * _events.Sum(c => c.Documents.Length)) + singletons;
            WriteClusters(Bound(events), Bound(singletons), Bound(similarity));
            if (Items([0], Bound(passages), _ => WriteSimilarity()) == 0)
            {
                Raw("<p class=\"left-out\">The similarity heatmap is left out to keep this page under ").Raw(ReportIndex.Number(_maxBytes / 1e6, 1)).Raw(" MB.</p>\n");
            }

            WritePassages(Bound(outlets));
            WriteOutlets(Bound(duplicates + articles));
            WriteDuplicates(Bound(articles));
            WriteArticles(Bound(0));
            Raw("</main>\n<script>").Raw(Script).Raw("</script>\n</body>\n</html>\n");
            return _html.ToString();
        }

        private void WriteClusters(long detailsUpTo, long eventsUpTo, long singletonsUpTo)
        {
            if (!_report.Clusters.Ran)
            {
                if (_report.Discrepancies.TryGetValue(out var facts))
                {
                    Raw("<section id=\"clusters\">\n<h2>Discrepancies</h2>\n");
                    int written = Items(facts.Discrepancies, eventsUpTo, WriteDiscrepancy);
                    LeftOut(facts.Discrepancies.Length - written, "discrepancy", "discrepancies");
                    Raw("</section>\n");
                }

                return;
            }

            Raw("<section id=\"clusters\">\n<h2>Events</h2>\n<p class=\"meta\">Each event: its reports in order of publication, the outlets with links to the originals, where they disagree, what one outlet alone reports, and the passages they share.</p>\n");
            if (_events.Length == 0)
            {
                Raw("<p>No two documents report the same event.</p>\n");
            }

            // The events with the strongest flags in full; once their share is spent, the rest with their timelines only,
            // so every event is listed.
            int full = Items(_events, detailsUpTo, cluster => WriteCluster(cluster, full: true));
            int events = full + Items(_events.Skip(full).ToList(), eventsUpTo, cluster => WriteCluster(cluster, full: false));
            if (events > full)
            {
                Raw("<p class=\"left-out\">").Text(ReportIndex.Count(events - full, "event is", "events are")).Raw(" shown with ").Raw(events - full == 1 ? "its timeline" : "their timelines").Raw(" only, to keep this page under ").Raw(ReportIndex.Number(_maxBytes / 1e6, 1)).Raw(" MB; the JSON report (<code>--format json</code>) has their flags, claims and passages.</p>\n");
            }

            LeftOut(_events.Length - events, "event", "events");
            if (_index.Singletons.Length > 0)
            {
                Raw("<h3>Documents that stand alone</h3>\n<ul class=\"docs singletons\">\n");
                int singletons = Items(_index.Singletons, singletonsUpTo, cluster =>
                {
                    string id = cluster.Documents[0];
                    Raw("<li data-cluster=\"").Raw(Int(cluster.Id)).Raw("\" id=\"cluster-").Raw(Int(cluster.Id)).Raw("\" data-filter>");
                    DocumentLink(id);
                    Raw(' ');
                    OutletLink(id);
                    Raw(" <span class=\"meta\">").Text(_index.Describe(id)).Raw("</span>");
                    foreach (ReportDiscrepancy discrepancy in _index.DiscrepanciesOf(cluster.Id))
                    {
                        WriteDiscrepancy(discrepancy);
                    }

                    Raw("</li>\n");
                });
                Raw("</ul>\n");
                LeftOut(_index.Singletons.Length - singletons, "document that stands alone", "documents that stand alone");
            }

            Raw("</section>\n");
        }

        private void WriteCluster(ReportCluster cluster, bool full)
        {
            Raw("<article class=\"cluster\" id=\"cluster-").Raw(Int(cluster.Id)).Raw("\" data-cluster=\"").Raw(Int(cluster.Id)).Raw("\" data-filter>\n");
            Raw("<h3><span class=\"cid\">Event ").Raw(Int(cluster.Id)).Raw("</span><span class=\"label\">").Text(cluster.Label).Raw("</span>");
            Raw("<span class=\"badge\">").Text(ReportIndex.Count(cluster.Documents.Length, "report", "reports")).Raw("</span>");
            Raw("<span class=\"badge\">").Text(ReportIndex.Count(cluster.Documents.Select(Outlet).Distinct(StringComparer.Ordinal).Count(), "outlet", "outlets")).Raw("</span></h3>\n");
            WriteTimeline(cluster);
            if (!full)
            {
                Raw("<p class=\"meta\">Flags, claims and passages of this event are left out for size; the JSON report has them.</p>\n</article>\n");
                return;
            }


            // Strongest flags first: by confidence, then severity; the sort is stable, so ties keep the report's order.
            var discrepancies = _index.DiscrepanciesOf(cluster.Id).OrderByDescending(d => d.Confidence ?? -1).ThenByDescending(d => SeverityRank(d.Severity)).ToList();
            if (_report.Discrepancies.Ran)
            {
                Raw("<h4>Where the sources disagree</h4>\n");
                if (discrepancies.Count == 0)
                {
                    Raw("<p class=\"meta\">No discrepancy found.</p>\n");
                }

                foreach (ReportDiscrepancy discrepancy in discrepancies.Take(MaxFlagsPerEvent))
                {
                    WriteDiscrepancy(discrepancy);
                }

                More(discrepancies.Count - MaxFlagsPerEvent, "flag");
                WriteCoverage(cluster);
                WriteClaims(cluster);
            }

            if (_passagesOf.TryGetValue(cluster.Id, out var passages))
            {
                Raw("<h4>Passages the reports share</h4>\n");
                foreach (DocumentPassage passage in passages.Take(MaxPassagesPerEvent))
                {
                    WritePassage(passage);
                }

                More(passages.Count - MaxPassagesPerEvent, "shared passage");
            }

            Raw("</article>\n");
        }

        /// <summary>The reports of an event by publication date (undated ones last), each with its outlet and a link to the original.</summary>
        private void WriteTimeline(ReportCluster cluster)
        {
            var reports = cluster.Documents.Select((id, i) => (Id: id, Order: i, Published: _index.Find(id)?.Published))
                .OrderBy(r => r.Published is null).ThenBy(r => r.Published).ThenBy(r => r.Order).ToList();
            bool dated = reports.Any(r => r.Published is not null);
            Raw("<h4>").Raw(dated ? "Timeline" : "Reports <span class=\"meta\">(no publication dates; in input order)</span>").Raw("</h4>\n<ol class=\"docs timeline\">\n");
            foreach (var (id, _, published) in reports)
            {
                Raw("<li data-document=\"").Text(id).Raw("\">");
                if (dated)
                {
                    Raw(published is DateOnly date ? "<time>" + Date(date) + "</time>" : "<span class=\"undated\">undated</span>");
                }

                OutletLink(id);

                // The id only as a link to the embedded text; otherwise the outlet names the report (data-document keeps the id).
                if (_embedded.Contains(id))
                {
                    Raw(' ');
                    DocumentLink(id);
                }

                if (string.Equals(id, cluster.Representative, StringComparison.Ordinal))
                {
                    Raw(" <span class=\"badge\">representative</span>");
                }

                Raw(" <span class=\"meta\">").Text(Headline(id)).Raw("</span></li>\n");
            }

            Raw("</ol>\n");
        }

        /// <summary>
        /// The events, strongest flag first: by the confidence of their strongest flag, then its severity; events
        /// without a flag after those with one. The sort is stable, so ties keep the given order (largest first).
        /// </summary>
        private static ImmutableArray<ReportCluster> FlagsFirst(ComparisonResult report, ImmutableArray<ReportCluster> events)
        {
            var strongest = new Dictionary<int, (double Confidence, int Severity)>();
            foreach (ReportDiscrepancy flag in report.Discrepancies.ValueOrNull?.Discrepancies ?? [])
            {
                (double Confidence, int Severity) strength = (flag.Confidence ?? 0, SeverityRank(flag.Severity));
                if (!strongest.TryGetValue(flag.Cluster, out var best) || strength.CompareTo(best) > 0)
                {
                    strongest[flag.Cluster] = strength;
                }
            }

            return [.. events.OrderByDescending(c => strongest.TryGetValue(c.Id, out var best) ? best : (-1.0, -1))];
        }

        private static int SeverityRank(DiscrepancySeverity severity) => severity switch
        {
            DiscrepancySeverity.High => 3,
            DiscrepancySeverity.Medium => 2,
            DiscrepancySeverity.Low => 1,
            _ => 0,
        };

        private void WriteDiscrepancy(ReportDiscrepancy discrepancy)
        {
            string kind = ReportIndex.Name(discrepancy.Kind);
            Raw("<div class=\"discrepancy\" data-kind=\"").Text(kind).Raw("\">\n<h4><span class=\"subject\">").Text(discrepancy.Subject).Raw("</span>");
            Raw("<span class=\"badge ").Text(kind).Raw("\">").Text(kind).Raw("</span>");
            Raw("<span class=\"badge\">").Text(ReportIndex.Words(ReportIndex.Name(discrepancy.Relation))).Raw("</span>");
            Raw("<span class=\"badge\">").Text(ReportIndex.Name(discrepancy.Severity)).Raw("</span>");

            if (discrepancy.Confidence is double confidence)
            {
                Raw("<span class=\"badge confidence\">").Text(confidence.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)).Raw("</span>");
            }

            Raw("</h4>\n<div class=\"mentions\">\n");
            foreach (ReportMention mention in discrepancy.Mentions)
            {
                SpanContext context = _index.Context(mention);
                Raw("<figure class=\"mention\" data-document=\"").Text(mention.Document).Raw("\" data-start=\"").Raw(Int(mention.Start)).Raw("\" data-end=\"").Raw(Int(mention.End)).Raw("\">\n<figcaption>");
                DocumentLink(mention.Document);
                Raw(" <span class=\"meta\">").Text(_index.Describe(mention.Document)).Raw("</span></figcaption>\n");
                Raw("<div class=\"says\">").Text(SpanContext.Collapse(mention.Text).Trim()).Raw("</div>\n<blockquote>").Text(context.Before);
                Raw("<mark class=\"d\">").Text(context.Span).Raw("</mark>").Text(context.After).Raw("</blockquote>\n</figure>\n");
            }

            Raw("</div>\n</div>\n");
        }

        private void WriteCoverage(ReportCluster cluster)
        {
            var facts = _index.CoverageOf(cluster.Id).ToList();
            if (facts.Count == 0)
            {
                return;
            }

            Raw("<h4>Who reports what</h4>\n<p class=\"legend\"><span class=\"disagrees\">Orange</span>: the sources disagree; <span class=\"agrees\">green</span>: they agree; otherwise one source alone.</p>\n<table class=\"coverage\">\n<thead><tr><th>Fact</th>");
            foreach (string id in cluster.Documents)
            {
                Raw("<th title=\"").Text(id).Raw("\">").Text(Outlet(id)).Raw("</th>");
            }

            Raw("</tr></thead>\n<tbody>\n");
            // Facts they disagree on first, then those most outlets report; stable, so ties keep the report's order.
            foreach (FactCoverage fact in facts.OrderByDescending(f => f.Disagrees).ThenByDescending(f => f.Mentions.Length).Take(MaxRowsPerEvent))
            {
                Raw(fact.Disagrees ? "<tr class=\"disagrees\">" : fact.Mentions.Length > 1 ? "<tr class=\"agrees\">" : "<tr>").Raw("<td>").Text(fact.Subject).Raw(" <span class=\"badge\">").Text(ReportIndex.Name(fact.Kind)).Raw("</span></td>");
                foreach (string id in cluster.Documents)
                {
                    ReportMention? mention = fact.Mentions.FirstOrDefault(m => string.Equals(m.Document, id, StringComparison.Ordinal));
                    if (mention is null)
                    {
                        Raw("<td class=\"none\">\u2014</td>");
                    }
                    else
                    {
                        Raw("<td>").Text(SpanContext.Collapse(mention.Text).Trim()).Raw("</td>");
                    }
                }

                Raw("</tr>\n");
            }

            Raw("</tbody>\n</table>\n");
            More(facts.Count - MaxRowsPerEvent, "fact");
        }

        private void WriteClaims(ReportCluster cluster)
        {
            // By outlet, a few of each, so one talkative outlet does not crowd out the others.
            var claims = _index.ClaimsOf(cluster.Id).ToList();
            var shown = claims.GroupBy(c => Outlet(c.Mention.Document), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .SelectMany(g => g.Take(MaxClaimsPerOutlet)).Take(MaxClaimsPerEvent).ToList();
            if (claims.Count == 0)
            {
                return;
            }

            Raw("<h4>Reported by one outlet only</h4>\n<ul class=\"claims\">\n");
            foreach (SourceClaim claim in shown)
            {
                SpanContext context = _index.Context(claim.Mention);
                Raw("<li>");
                OutletLink(claim.Mention.Document);
                Raw(' ');
                DocumentLink(claim.Mention.Document);
                Raw(" <span class=\"badge\">").Text(ReportIndex.Name(claim.Kind)).Raw("</span> ").Text(context.Before).Raw("<mark class=\"f\">").Text(context.Span).Raw("</mark>").Text(context.After).Raw("</li>\n");
            }

            Raw("</ul>\n");
            More(claims.Count - shown.Count, "single-outlet claim");
        }

        private void WriteSimilarity()
        {
            SimilaritySection? matrix = _report.Similarity.ValueOrNull is { Documents.Length: > 0 } m ? m : null;
            if (matrix is not null && matrix.Documents.Length <= MaxHeatmapDocuments)
            {
                int[] order = HeatmapOrder(matrix);
                Raw("<section id=\"similarity\">\n<h2>Similarity of the documents</h2>\n<p class=\"meta\">TF-IDF cosine similarity; darker is more alike. Rows and columns are grouped by cluster.</p>\n");
                Heatmap(order.Length, k => Int(order[k] + 1), k => matrix.Documents[order[k]], (r, c) => matrix.CosineAt(order[r], order[c]));
                Raw("<ol class=\"legend\">\n");
                foreach (string id in matrix.Documents)
                {
                    Raw("<li>");
                    DocumentLink(id);
                    Raw("</li>\n");
                }

                Raw("</ol>\n</section>\n");
                return;
            }

            // Too many documents for a readable (or even a computed) document heatmap: one of the largest events instead.
            ImmutableArray<ReportCluster> events = [.. _index.MultiDocumentClusters.Take(MaxHeatmapEvents)];
            if (events.Length < 2)
            {
                return;
            }

            var terms = events.Select(e => (e.Terms.IsDefaultOrEmpty ? e.Label.Split(' ', StringSplitOptions.RemoveEmptyEntries).AsEnumerable() : e.Terms)
                .ToHashSet(StringComparer.Ordinal)).ToList();
            Raw("<section id=\"similarity\">\n<h2>Similarity of the events</h2>\n<p class=\"meta\">").Text(ReportIndex.Count(_report.Documents.Length, "document is", "documents are"))
                .Raw(" too many for a heatmap of documents (at most ").Raw(Int(MaxHeatmapDocuments)).Raw("), so this is a heatmap of the ").Text(ReportIndex.Count(events.Length, "largest event", "largest events"))
                .Raw(": the Jaccard similarity of their key terms; darker is more alike. Rows and columns follow the events' numbers below.</p>\n");
            Heatmap(events.Length, k => Int(k + 1), k => "event " + Int(events[k].Id), (r, c) => Jaccard(terms[r], terms[c]));
            Raw("<ol class=\"legend\">\n");
            foreach (ReportCluster e in events)
            {
                Raw("<li><a href=\"#cluster-").Raw(Int(e.Id)).Raw("\">").Text(e.Label).Raw("</a></li>\n");
            }

            Raw("</ol>\n</section>\n");
        }

        /// <summary>An estimate of the heatmap's size: every cell, with its tooltip naming both sides.</summary>
        private long HeatmapBytes()
        {
            IEnumerable<string> names = _report.Similarity.ValueOrNull is { Documents.Length: > 0 and <= MaxHeatmapDocuments } m
                ? m.Documents
                : _index.MultiDocumentClusters.Take(MaxHeatmapEvents).Select(c => "event " + Int(c.Id));
            int n = names.Count();
            int longest = names.Select(x => Encoding.UTF8.GetByteCount(x)).DefaultIfEmpty(0).Max();
            return ((long)n * n * (140 + (3L * longest))) + (n * 400L);
        }

        private static double Jaccard(HashSet<string> a, HashSet<string> b) =>
            a.Count + b.Count == 0 ? 0 : (double)a.Count(b.Contains) / (a.Count + b.Count - a.Count(b.Contains));

        /// <summary>An n × n SVG heatmap: axis labels, and each cell's value in [0, 1] with a tooltip naming its row and column.</summary>
        private void Heatmap(int n, Func<int, string> axisLabel, Func<int, string> name, Func<int, int, double> valueAt)
        {
            int cell = Math.Clamp(620 / n, 6, 36);
            int margin = 34;
            int size = margin + (n * cell);
            Raw("<div class=\"heatmap\"><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Similarity heatmap\" width=\"").Raw(Int(size)).Raw("\" height=\"").Raw(Int(size)).Raw("\" viewBox=\"0 0 ").Raw(Int(size)).Raw(' ').Raw(Int(size)).Raw("\">\n");
            int fontSize = Math.Clamp(cell - 2, 6, 12);
            for (int k = 0; k < n; k++)
            {
                string label = axisLabel(k);
                string offset = Int(margin + (k * cell) + (cell / 2));
                Raw("<text x=\"").Raw(Int(margin - 4)).Raw("\" y=\"").Raw(offset).Raw("\" font-size=\"").Raw(Int(fontSize)).Raw("\" text-anchor=\"end\" dominant-baseline=\"middle\">").Raw(label).Raw("</text>");
                Raw("<text x=\"").Raw(offset).Raw("\" y=\"").Raw(Int(margin - 4)).Raw("\" font-size=\"").Raw(Int(fontSize)).Raw("\" text-anchor=\"middle\">").Raw(label).Raw("</text>\n");
            }

            for (int r = 0; r < n; r++)
            {
                for (int c = 0; c < n; c++)
                {
                    double value = Math.Clamp(valueAt(r, c), 0, 1);
                    Raw("<rect class=\"cell\" x=\"").Raw(Int(margin + (c * cell))).Raw("\" y=\"").Raw(Int(margin + (r * cell))).Raw("\" width=\"").Raw(Int(cell)).Raw("\" height=\"").Raw(Int(cell));
                    Raw("\" fill=\"").Raw(Color(value)).Raw("\"><title>").Text(name(r)).Raw(" \u00D7 ").Text(name(c)).Raw(": ").Raw(ReportIndex.Number(value)).Raw("</title></rect>");
                }

                Raw("\n");
            }

            Raw("</svg></div>\n");
        }

        private int[] HeatmapOrder(SimilaritySection matrix)
        {
            int n = matrix.Documents.Length;
            var rank = new Dictionary<string, int>(StringComparer.Ordinal);
            int next = 0;
            foreach (ReportCluster cluster in _index.MultiDocumentClusters.Concat(_index.Singletons))
            {
                foreach (string id in cluster.Documents)
                {
                    rank.TryAdd(id, next++);
                }
            }

            var order = new int[n];
            for (int i = 0; i < n; i++)
            {
                order[i] = i;
            }

            int[] keys = new int[n];
            for (int i = 0; i < n; i++)
            {
                keys[i] = rank.TryGetValue(matrix.Documents[i], out int r) ? r : int.MaxValue - n + i;
            }

            Array.Sort(keys, order);
            return order;
        }

        private void WritePassages(long upTo)
        {
            if (!_report.Passages.TryGetValue(out var passages))
            {
                return;
            }

            bool grouped = _report.Clusters.Ran;
            Raw("<section id=\"passages\">\n<h2>").Raw(grouped ? "Passages shared across events" : "Shared passages").Raw("</h2>\n");
            if (grouped)
            {
                Raw("<p class=\"meta\">").Text(ReportIndex.Count(passages.Passages.Length - _crossPassages.Count, "passage is", "passages are")).Raw(" shown under the event both its reports belong to; these join reports of different events.</p>\n");
            }

            if (_crossPassages.Count == 0)
            {
                Raw("<p>None.</p>\n");
            }

            int written = Items(_crossPassages, upTo, passage =>
            {
                Raw("<div data-filter>\n");
                WritePassage(passage);
                Raw("</div>\n");
            });
            LeftOut(_crossPassages.Count - written, "passage", "passages");
            Raw("</section>\n");
        }

        private void WritePassage(DocumentPassage passage)
        {
            Raw("<h4>");
            OutletLink(passage.A);
            Raw(' ');
            DocumentLink(passage.A);
            Raw(" and ");
            OutletLink(passage.B);
            Raw(' ');
            DocumentLink(passage.B);
            Raw(" <span class=\"badge\">similarity ").Raw(ReportIndex.Number(passage.Passage.Similarity)).Raw("</span></h4>\n<div class=\"passage\">\n");
            PassageSide(passage.A, passage.Passage.A);
            PassageSide(passage.B, passage.Passage.B);
            Raw("</div>\n");
        }

        /// <summary>Each outlet: its articles (by date) and the events they report.</summary>
        private void WriteOutlets(long upTo)
        {
            var outlets = _report.Documents.GroupBy(d => Outlet(d.Id), StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
            Raw("<section id=\"outlets\">\n<h2>Outlets</h2>\n<p class=\"meta\">").Text(ReportIndex.Count(outlets.Count, "outlet", "outlets")).Raw(", most articles first. An outlet is a document's source, or its id when the source is unknown.</p>\n");
            int written = Items(outlets, upTo, outlet =>
            {
                var events = outlet.Select(d => _clusterOf.TryGetValue(d.Id, out int c) ? c : -1).Where(c => c >= 0).Distinct().Order().ToList();
                Raw("<div class=\"outlet-entry\" data-filter>\n<h3><span class=\"outlet\">").Text(outlet.Key).Raw("</span><span class=\"badge\">").Text(ReportIndex.Count(outlet.Count(), "article", "articles")).Raw("</span>");
                if (_report.Clusters.Ran)
                {
                    Raw("<span class=\"badge\">").Text(ReportIndex.Count(events.Count, "event", "events")).Raw("</span>");
                }

                Raw("</h3>\n<ul class=\"docs\">\n");
                foreach (Document document in outlet.OrderBy(d => d.Published is null).ThenBy(d => d.Published))
                {
                    Raw("<li data-document=\"").Text(document.Id).Raw("\">");
                    if (document.Published is DateOnly date)
                    {
                        Raw("<time>").Raw(Date(date)).Raw("</time>");
                    }

                    if (OriginalUrl(document) is { } url)
                    {
                        Raw("<a class=\"orig\" href=\"").Text(url).Raw("\">").Text(Headline(document.Id)).Raw("</a>");
                    }
                    else
                    {
                        Raw("<span class=\"meta\">").Text(Headline(document.Id)).Raw("</span>");
                    }

                    if (_embedded.Contains(document.Id))
                    {
                        Raw(" <a href=\"#doc-").Raw(Int(_position[document.Id])).Raw("\">text</a>");
                    }

                    if (_clusterOf.TryGetValue(document.Id, out int cluster))
                    {
                        Raw(" \u2192 <a href=\"#cluster-").Raw(Int(cluster)).Raw("\">event ").Raw(Int(cluster)).Raw("</a>");
                    }

                    Raw("</li>\n");
                }

                Raw("</ul>\n</div>\n");
            });
            LeftOut(outlets.Count - written, "outlet", "outlets");
            Raw("</section>\n");
        }

        private void PassageSide(string document, TextSpan span)
        {
            SpanContext context = _index.Context(document, span);
            Raw("<div data-document=\"").Text(document).Raw("\" data-start=\"").Raw(Int(span.Start)).Raw("\" data-end=\"").Raw(Int(span.End)).Raw("\">");
            Text(context.Before).Raw("<mark class=\"p\">").Text(context.Span).Raw("</mark>").Text(context.After).Raw("</div>\n");
        }

        private void WriteDuplicates(long upTo)
        {
            if (!_report.Duplicates.TryGetValue(out var duplicates))
            {
                return;
            }

            Raw("<section id=\"duplicates\">\n<h2>Near-duplicates</h2>\n<p class=\"meta\">Pairs whose Jaccard similarity of word shingles is at least ").Raw(ReportIndex.Number(duplicates.Threshold)).Raw(".</p>\n");
            if (duplicates.Pairs.Length == 0)
            {
                Raw("<p>None.</p>\n</section>\n");
                return;
            }

            Raw("<ul class=\"groups\">\n");
            foreach (var group in duplicates.Groups)
            {
                Raw("<li>");
                for (int i = 0; i < group.Length; i++)
                {
                    Raw(i > 0 ? ", " : string.Empty);
                    DocumentLink(group[i]);
                }

                Raw("</li>\n");
            }

            Raw("</ul>\n<table class=\"pairs\">\n<thead><tr><th>Document A</th><th>Document B</th><th>Estimated Jaccard</th><th>Exact Jaccard</th></tr></thead>\n<tbody>\n");
            int written = Items(duplicates.Pairs, upTo, pair =>
            {
                Raw("<tr data-filter><td>");
                DocumentLink(pair.A);
                Raw("</td><td>");
                DocumentLink(pair.B);
                Raw("</td><td class=\"num\">").Raw(ReportIndex.Number(pair.EstimatedJaccard, 3)).Raw("</td><td class=\"num\">").Raw(pair.Jaccard is double j ? ReportIndex.Number(j, 3) : "\u2014").Raw("</td></tr>\n");
            });
            Raw("</tbody>\n</table>\n");
            LeftOut(duplicates.Pairs.Length - written, "pair", "pairs");
            Raw("</section>\n");
        }

        private void WriteArticles(long upTo)
        {
            Raw("<section id=\"articles\">\n<h2>Articles</h2>\n<p class=\"keys meta\"><span><mark class=\"d\">disagreement</mark></span><span><mark class=\"p\">shared passage</mark></span><span><mark class=\"f\">reported by one source</mark></span></p>\n");
            var spans = CollectSpans();
            int shown = Items(_report.Documents.Where(d => _embedded.Contains(d.Id)).ToList(), upTo, document =>
            {
                Raw("<details class=\"article\" id=\"doc-").Raw(Int(_position[document.Id])).Raw("\" data-document=\"").Text(document.Id).Raw("\" data-filter>\n<summary><span class=\"id\">").Text(document.Id).Raw("</span> ");
                OutletLink(document.Id);
                Raw(" <span class=\"meta\">").Text(_index.Describe(document.Id)).Raw("</span></summary>\n");
                if (OriginalUrl(document) is { } url)
                {
                    Raw("<p class=\"meta\"><a class=\"orig\" href=\"").Text(url).Raw("\">").Text(url).Raw("</a></p>\n");
                }
                else if (!string.IsNullOrWhiteSpace(document.Url))
                {
                    Raw("<p class=\"meta\">").Text(document.Url).Raw("</p>\n");
                }

                Raw("<div class=\"text\">");
                WriteMarkedText(document.Text, spans.GetValueOrDefault(document.Id) ?? []);
                Raw("</div>\n</details>\n");
            });

            int hidden = _report.Documents.Length - shown;
            if (hidden > 0)
            {
                Raw("<p class=\"meta\">").Text(ReportIndex.Count(hidden, "more article is", "more articles are")).Raw(" not embedded (at most ").Raw(Int(MaxArticles)).Raw(", within the page's size bound); the JSON report (<code>--format json</code>) has every article.</p>\n");
            }

            Raw("</section>\n");
        }

        private List<string> ArticlesToEmbed()
        {
            var chosen = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            IEnumerable<string> candidates = _events.SelectMany(c => c.Documents)
                .Concat(_report.Discrepancies.ValueOrNull?.Discrepancies.SelectMany(d => d.Mentions.Select(m => m.Document)) ?? [])
                .Concat(_report.Passages.ValueOrNull?.Passages.SelectMany(p => new[] { p.A, p.B }) ?? [])
                .Concat(_report.Documents.Select(d => d.Id));
            foreach (string id in candidates)
            {
                if (chosen.Count == MaxArticles)
                {
                    break;
                }

                if (_position.ContainsKey(id) && seen.Add(id))
                {
                    chosen.Add(id);
                }
            }

            return chosen;
        }

        private Dictionary<string, List<(int Start, int End, char Kind)>> CollectSpans()
        {
            var spans = new Dictionary<string, List<(int Start, int End, char Kind)>>(StringComparer.Ordinal);
            void Add(string id, int start, int end, char kind)
            {
                if (!spans.TryGetValue(id, out var list))
                {
                    spans[id] = list = [];
                }

                list.Add((start, end, kind));
            }

            if (_report.Passages.TryGetValue(out var passages))
            {
                foreach (DocumentPassage passage in passages.Passages)
                {
                    Add(passage.A, passage.Passage.A.Start, passage.Passage.A.End, 'p');
                    Add(passage.B, passage.Passage.B.Start, passage.Passage.B.End, 'p');
                }
            }

            if (_report.Discrepancies.TryGetValue(out var facts))
            {
                foreach (ReportDiscrepancy discrepancy in facts.Discrepancies)
                {
                    foreach (ReportMention mention in discrepancy.Mentions)
                    {
                        Add(mention.Document, mention.Start, mention.End, 'd');
                    }
                }

                foreach (SourceClaim claim in facts.Claims)
                {
                    Add(claim.Mention.Document, claim.Mention.Start, claim.Mention.End, 'f');
                }
            }

            return spans;
        }

        /// <summary>Writes text with every span marked; overlapping spans split the text at every boundary.</summary>
        private void WriteMarkedText(string text, List<(int Start, int End, char Kind)> spans)
        {
            var cuts = new SortedSet<int> { 0, text.Length };
            foreach (var (start, end, _) in spans)
            {
                cuts.Add(Math.Clamp(start, 0, text.Length));
                cuts.Add(Math.Clamp(end, 0, text.Length));
            }

            int previous = -1;
            var classes = new StringBuilder(8);
            foreach (int cut in cuts)
            {
                if (previous >= 0 && cut > previous)
                {
                    classes.Clear();
                    foreach (char kind in "dpf")
                    {
                        foreach (var (start, end, k) in spans)
                        {
                            if (k == kind && start <= previous && end >= cut)
                            {
                                classes.Append(classes.Length > 0 ? " " : string.Empty).Append(kind);
                                break;
                            }
                        }
                    }

                    ReadOnlySpan<char> segment = text.AsSpan(previous, cut - previous);
                    if (classes.Length == 0)
                    {
                        AppendEscaped(_html, segment);
                    }
                    else
                    {
                        Raw("<mark class=\"").Raw(classes.ToString()).Raw("\">");
                        AppendEscaped(_html, segment);
                        Raw("</mark>");
                    }
                }

                previous = cut;
            }
        }

        private void DocumentLink(string id)
        {
            if (_position.TryGetValue(id, out int position) && _embedded.Contains(id))
            {
                Raw("<a class=\"id\" href=\"#doc-").Raw(Int(position)).Raw("\">").Text(id).Raw("</a>");
            }
            else
            {
                Raw("<span class=\"id\">").Text(id).Raw("</span>");
            }
        }

        /// <summary>Where an outlet's name comes from: the document's source, else its id.</summary>
        private string Outlet(string id) => _index.Find(id)?.Source is { } source && !string.IsNullOrWhiteSpace(source) ? SpanContext.Collapse(source).Trim() : id;

        /// <summary>The title of a document, else its first words.</summary>
        private string Headline(string id) => ReportIndex.Lead(_index.Find(id) is { } d && !string.IsNullOrWhiteSpace(d.Title) ? d.Title : _index.TextOf(id));

        /// <summary>The outlet's name, linked to the original article when its URL is http or https.</summary>
        private void OutletLink(string id)
        {
            if (_index.Find(id) is { } document && OriginalUrl(document) is { } url)
            {
                Raw("<a class=\"outlet\" href=\"").Text(url).Raw("\">").Text(Outlet(id)).Raw("</a>");
            }
            else
            {
                Raw("<span class=\"outlet\">").Text(Outlet(id)).Raw("</span>");
            }
        }

        /// <summary>The document's URL when it is an absolute http or https one (never <c>javascript:</c>, <c>data:</c>...), else null.</summary>
        private static string? OriginalUrl(Document document) =>
            Uri.TryCreate(document.Url?.Trim(), UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                ? uri.AbsoluteUri
                : null;

        /// <summary>A share of the page's bound.</summary>
        private long Share(double share) => (long)(_maxBytes * share);

        /// <summary>How far a section may fill the page: the bound less the end's reserve and what the later sections need.</summary>
        private long Bound(long later) => Math.Max(0, _maxBytes - Reserve - later);

        /// <summary>
        /// Writes items while the page stays within <paramref name="upTo"/> bytes; the first that would pass it is
        /// taken back out, and so are all after it (the order is the report's, strongest first). Returns how many were written.
        /// </summary>
        private int Items<T>(IReadOnlyList<T> items, long upTo, Action<T> write)
        {
            for (int i = 0; i < items.Count; i++)
            {
                long before = Bytes();
                int start = _html.Length;
                write(items[i]);
                if (Bytes() > upTo)
                {
                    _html.Length = start;
                    _measured = start;
                    _bytes = before;
                    return i;
                }
            }

            return items.Count;
        }

        /// <summary>The UTF-8 size of the page so far, counted once per character.</summary>
        private long Bytes()
        {
            if (_html.Length > _measured)
            {
                _bytes += Encoding.UTF8.GetByteCount(_html.ToString(_measured, _html.Length - _measured));
                _measured = _html.Length;
            }

            return _bytes;
        }

        /// <summary>A visible note of what the size bound left out, and where to find it all.</summary>
        private void LeftOut(int count, string singular, string plural)
        {
            if (count > 0)
            {
                Raw("<p class=\"left-out\">").Text(ReportIndex.Count(count, singular, plural)).Raw(" left out to keep this page under ").Raw(ReportIndex.Number(_maxBytes / 1e6, 1)).Raw(" MB; the JSON report (<code>--format json</code>) has them all.</p>\n");
            }
        }

        /// <summary>A note that a per-event list was cut, and where the rest is.</summary>
        private void More(int count, string what)
        {
            if (count > 0)
            {
                Raw("<p class=\"meta more\">").Raw(Int(count)).Raw(" more ").Text(what).Raw(count == 1 ? string.Empty : "s").Raw(" of this event in the JSON report (<code>--format json</code>).</p>\n");
            }
        }

        private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private static string Color(double value)
        {
            // White to a deep blue, linear in each channel: readable on screen and in greyscale print.
            int r = (int)Math.Round(255 - (value * (255 - 19)));
            int g = (int)Math.Round(255 - (value * (255 - 71)));
            int b = (int)Math.Round(255 - (value * (255 - 140)));
            return string.Create(CultureInfo.InvariantCulture, $"rgb({r},{g},{b})");
        }

        private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

        private Page Raw(string html)
        {
            _html.Append(html);
            return this;
        }

        private Page Raw(char html)
        {
            _html.Append(html);
            return this;
        }

        private Page Text(string text)
        {
            AppendEscaped(_html, text);
            return this;
        }
    }
}
