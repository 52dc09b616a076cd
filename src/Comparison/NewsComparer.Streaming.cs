using System.Collections.Immutable;
using Comparison.Discrepancies;
using Comparison.Documents;

namespace Comparison;

/// <content>What a streamed analysis keeps between its passes, and how it puts the discrepancies of its clusters together.</content>
public sealed partial class NewsComparer
{
    /// <summary>
    /// How many documents a streamed analysis reads again at a time for passages and discrepancies: whole clusters
    /// in cluster order up to this many (a larger cluster alone), compared in parallel and then dropped.
    /// </summary>
    internal int BatchDocuments { get; init; } = 1024;

    /// <summary>
    /// Discrepancies, claims and coverage of clusters added in cluster order; the section ranks the discrepancies
    /// strongest first across clusters (a stable sort keeps cluster order among equals).
    /// </summary>
    private sealed class DiscrepancyCollector
    {
        private readonly ImmutableArray<ReportDiscrepancy>.Builder _discrepancies = ImmutableArray.CreateBuilder<ReportDiscrepancy>();
        private readonly ImmutableArray<SourceClaim>.Builder _claims = ImmutableArray.CreateBuilder<SourceClaim>();
        private readonly ImmutableArray<FactCoverage>.Builder _coverage = ImmutableArray.CreateBuilder<FactCoverage>();

        /// <summary>Adds the finder's report on each cluster, <paramref name="results"/>[i] that of <paramref name="groups"/>[i].</summary>
        public void Add(ReportCluster[] groups, DiscrepancyReport[] results)
        {
            for (int i = 0; i < groups.Length; i++)
            {
                int cluster = groups[i].Id;
                foreach (Discrepancy discrepancy in results[i].Discrepancies)
                {
                    ImmutableArray<ReportMention> mentions = [.. discrepancy.Mentions.Select(ToReport)];
                    _discrepancies.Add(new ReportDiscrepancy(discrepancy.Kind, discrepancy.Subject, cluster, discrepancy.Relation, discrepancy.Severity, mentions)
                    {
                        Confidence = discrepancy.Confidence,
                    });
                    _coverage.Add(new FactCoverage(cluster, discrepancy.Kind, discrepancy.Subject, mentions, Disagrees: true));
                }

                foreach (Agreement agreement in results[i].Agreements)
                {
                    // The first mention of each document (mentions come ordered by document, then offset).
                    ImmutableArray<ReportMention> mentions = [.. agreement.Mentions
                        .Where((m, k) => k == 0 || !string.Equals(agreement.Mentions[k - 1].Document, m.Document, StringComparison.Ordinal))
                        .Select(ToReport)];
                    _coverage.Add(new FactCoverage(cluster, agreement.Kind, agreement.Subject, mentions, Disagrees: false));
                }

                foreach (SingleSourceClaim claim in results[i].SingleSourceClaims)
                {
                    ReportMention mention = ToReport(claim.Mention);
                    _claims.Add(new SourceClaim(cluster, claim.Kind, claim.Subject, mention));
                    _coverage.Add(new FactCoverage(cluster, claim.Kind, claim.Subject, [mention], Disagrees: false));
                }
            }
        }

        public DiscrepanciesSection ToSection()
        {
            // Strongest first across clusters (the contract's order); a stable sort keeps cluster order among equals.
            ImmutableArray<ReportDiscrepancy> ranked = [.. _discrepancies.OrderByDescending(d => d.Confidence ?? 0)];
            return new DiscrepanciesSection(ranked, _claims.ToImmutable(), _coverage.ToImmutable());
        }
    }

    /// <summary>
    /// The documents of a streamed analysis after the pass that <see cref="Record"/> wraps: what a report says of each
    /// (<see cref="DocumentHeader"/>), and where each is, so that a later stage reads again only the documents it
    /// compares: by line offset in a JSON Lines file, by file in a directory. A sequence that cannot be read that way
    /// (a list, a UTF-16 file) is read through once more, keeping only the documents to be compared.
    /// </summary>
    private sealed class StreamedCorpus(IEnumerable<Document> source)
    {
        private readonly List<long> _addresses = [];
        private readonly List<DocumentHeader> _headers = [];
        private Dictionary<int, Document>? _held;
        private bool _addressable;

        /// <summary>Whether a pass went through <see cref="Record"/> to its end.</summary>
        public bool Recorded { get; private set; }

        public ImmutableArray<DocumentHeader> Headers => [.. _headers];

        /// <summary>The documents, noting each one's header and address as it goes by.</summary>
        public IEnumerable<Document> Record()
        {
            _headers.Clear();
            _addresses.Clear();
            if (source is IAddressableDocuments addressable)
            {
                _addressable = true;
                foreach ((long address, Document document) in addressable.ReadAddressed())
                {
                    _addressable &= address >= 0;
                    _addresses.Add(address);
                    _headers.Add(DocumentHeader.Of(document));
                    yield return document;
                }
            }
            else
            {
                _addressable = false;
                foreach (Document document in source)
                {
                    if (document is not null)
                    {
                        _headers.Add(DocumentHeader.Of(document));
                    }

                    yield return document!;
                }
            }

            Recorded = true;
        }

        /// <summary>Makes ready to <see cref="Read"/> the documents at these positions (reads them now when they cannot be found again).</summary>
        public void Prepare(IEnumerable<int> positions, int count)
        {
            if (_addressable)
            {
                return;
            }

            var wanted = new bool[count];
            foreach (int position in positions)
            {
                wanted[position] = true;
            }

            _held = [];
            int at = 0;
            foreach (Document document in source)
            {
                if (at < count && wanted[at])
                {
                    _held[at] = document;
                }

                at++;
            }
        }

        /// <summary>The documents at these positions (ascending), each checked against the identifiers of the first pass.</summary>
        public Document[] Read(int[] positions, List<string> ids)
        {
            var documents = new Document[positions.Length];
            if (_addressable)
            {
                var addresses = new long[positions.Length];
                for (int i = 0; i < positions.Length; i++)
                {
                    addresses[i] = _addresses[positions[i]];
                }

                int k = 0;
                foreach (Document document in ((IAddressableDocuments)source).ReadAt(addresses))
                {
                    documents[k++] = document;
                }
            }
            else
            {
                for (int i = 0; i < positions.Length; i++)
                {
                    documents[i] = _held is not null && _held.Remove(positions[i], out Document? held) ? held : null!;
                }
            }

            for (int i = 0; i < positions.Length; i++)
            {
                if (documents[i] is null || !string.Equals(documents[i].Id, ids[positions[i]], StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("The documents changed between the passes of the streamed analysis: each enumeration must give the same documents in the same order (read a file again, or save standard input to one first).");
                }
            }

            return documents;
        }
    }
}
