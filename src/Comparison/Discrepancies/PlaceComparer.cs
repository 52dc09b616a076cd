using System.Collections.Immutable;
using Comparison.Facts;

namespace Comparison.Discrepancies;

/// <summary>
/// Compares the places reports tie to one anchor (<see cref="PlaceScanner"/>): a person's home, the area a venue lies in,
/// the street crossing the street of the event, the kind of building on a street.
/// </summary>
/// <remarks>
/// Places of one role are lined up when their anchors share a word (the surname, the venue's or the street's own name).
/// Two reports disagree when each ties the anchor to a place the other report never names at all: a report that names
/// both ("in Brooklyn", and "East Flatbush" elsewhere) may be giving one place at two scales, and a place that contains
/// the other's name ("North Charleston", "Charleston") is not flagged either.
/// </remarks>
internal static class PlaceComparer
{
    public static void Compare(IReadOnlyList<DocumentFacts> facts, List<Discrepancy> discrepancies)
    {
        CompareHospitals(facts, discrepancies);
        var items = new List<(int Document, AnchoredPlace Place)>();
        for (int d = 0; d < facts.Count; d++)
        {
            foreach (AnchoredPlace p in PlaceScanner.Scan(facts[d]))
            {
                items.Add((d, p));
            }
        }

        var groups = DetailComparer.Link(items.Count, (x, y) => items[x].Document != items[y].Document && items[x].Place.Role == items[y].Place.Role
            && Shares(items[x].Place.Anchor, items[y].Place.Anchor));
        foreach (var group in groups)
        {
            // Of one document's mentions, one the document writes once: a caption or headline repeated word for word is no statement of its own.
            group.Sort((x, y) => items[x].Document != items[y].Document ? items[x].Document.CompareTo(items[y].Document)
                : Repeats(facts, items[x]) != Repeats(facts, items[y]) ? Repeats(facts, items[x]).CompareTo(Repeats(facts, items[y])) : items[x].Place.Start.CompareTo(items[y].Place.Start));
            var chosen = DetailComparer.OnePerDocument(group, facts.Count, k => items[k].Document, k => items[k].Place.Role == PlaceRole.Building ? items[k].Place.Value : PlaceScanner.Core(items[k].Place.Value));
            if (chosen.Count < 2)
            {
                continue;
            }

            bool conflict = false;
            for (int x = 0; x < chosen.Count && !conflict; x++)
            {
                for (int y = x + 1; y < chosen.Count && !conflict; y++)
                {
                    conflict = Excludes(facts, items[chosen[x]], items[chosen[y]]);
                }
            }

            if (!conflict)
            {
                continue;
            }

            var first = items[chosen[0]].Place;
            var mentions = new List<(int Document, Fact Fact, string Value)>();
            foreach (int k in chosen)
            {
                mentions.Add((items[k].Document, items[k].Place, items[k].Place.Value));
            }

            string subject = first.Role switch
            {
                PlaceRole.Residence => "home of " + first.Anchor[0],
                PlaceRole.Area => "area of " + string.Join(' ', first.Anchor),
                PlaceRole.Building => "building on " + string.Join(' ', first.Anchor),
                _ => "cross street of " + string.Join(' ', first.Anchor),
            };

            // Calibrated on hand-annotated reports: a person's home is stated plainly; an area and a cross street may be given at two scales.
            double confidence = first.Role == PlaceRole.Residence ? 0.8 : 0.75;
            DetailComparer.Add(discrepancies, facts, DiscrepancyKind.Place, subject, DiscrepancyRelation.Contradiction, confidence, mentions, _ => null);
        }
    }

    /// <summary>
    /// Compares the hospitals two reports send the people hurt to: two reports that name as many hospitals, at least two,
    /// and agree on all but one, each naming one that the other never names, disagree on where one of them was taken.
    /// </summary>
    private static void CompareHospitals(IReadOnlyList<DocumentFacts> facts, List<Discrepancy> discrepancies)
    {
        var named = new List<List<AnchoredPlace>>(facts.Count);
        for (int d = 0; d < facts.Count; d++)
        {
            // One mention per hospital: later ones that share a word with an earlier one ("Stroger Hospital") are the same.
            var distinct = new List<AnchoredPlace>();
            foreach (AnchoredPlace h in PlaceScanner.Hospitals(facts[d]))
            {
                if (!distinct.Exists(x => Shares(x.Anchor, h.Anchor)))
                {
                    distinct.Add(h);
                }
            }

            named.Add(distinct);
        }

        for (int a = 0; a < facts.Count; a++)
        {
            for (int b = a + 1; b < facts.Count; b++)
            {
                if (named[a].Count < 2 || named[a].Count != named[b].Count
                    || Unshared(named[a], named[b], facts[b].Document.Text) is not { } x || Unshared(named[b], named[a], facts[a].Document.Text) is not { } y)
                {
                    continue;
                }

                DetailComparer.Add(discrepancies, facts, DiscrepancyKind.Place, "hospital", DiscrepancyRelation.Contradiction, 0.7,
                    [(a, x, x.Text), (b, y, y.Text)], _ => null);
            }
        }
    }

    /// <summary>The one hospital of <paramref name="own"/> that <paramref name="other"/> does not name and its text never mentions, or null when there is no such single one.</summary>
    private static AnchoredPlace? Unshared(List<AnchoredPlace> own, List<AnchoredPlace> other, string otherText)
    {
        AnchoredPlace? unshared = null;
        foreach (AnchoredPlace h in own)
        {
            if (other.Exists(o => Shares(o.Anchor, h.Anchor)))
            {
                continue;
            }

            // The other report may name it without the word hospital ("taken to Mount Sinai", "to St. Bernard hospital and
            // Health Care Center"); a neighbourhood of the same name ("a shooting in South Shore") is no hospital.
            string name = h.Text[..h.Text.LastIndexOf(h.Text.EndsWith("Hospital", StringComparison.Ordinal) ? " Hospital" : " Medical", StringComparison.Ordinal)].TrimEnd('-', ' ');
            foreach (string form in (ReadOnlySpan<string>)["to " + name, "at " + name, name + " hospital", name + " medical"])
            {
                if (otherText.Contains(form, StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }
            }

            if (unshared is not null)
            {
                return null;
            }

            unshared = h;
        }

        return unshared;
    }

    /// <summary>How many times the place stands in its document with the same words before it (a caption or headline repeated word for word).</summary>
    private static int Repeats(IReadOnlyList<DocumentFacts> facts, (int Document, AnchoredPlace Place) item)
    {
        const int Before = 60;
        string text = facts[item.Document].Document.Text;
        string passage = text[Math.Max(0, item.Place.Start - Before)..item.Place.End];
        int count = 0;
        for (int at = text.IndexOf(passage, StringComparison.Ordinal); at >= 0; at = text.IndexOf(passage, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static bool Shares(ImmutableArray<string> a, ImmutableArray<string> b)
    {
        foreach (string w in a)
        {
            if (b.Contains(w))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether two places tied to one anchor exclude each other: neither report names the other's place anywhere, and neither name holds the other.</summary>
    private static bool Excludes(IReadOnlyList<DocumentFacts> facts, (int Document, AnchoredPlace Place) a, (int Document, AnchoredPlace Place) b)
    {
        if (a.Place.Role == PlaceRole.Building)
        {
            // Two kinds of building on one street, neither of which the other report names anywhere.
            return a.Place.Value != b.Place.Value && !PlaceScanner.MentionsBuilding(facts[a.Document].Document.Text, b.Place.Value)
                && !PlaceScanner.MentionsBuilding(facts[b.Document].Document.Text, a.Place.Value);
        }

        string ca = PlaceScanner.Core(a.Place.Value);
        string cb = PlaceScanner.Core(b.Place.Value);
        if (ca.Length == 0 || cb.Length == 0 || ca.Contains(cb, StringComparison.Ordinal) || cb.Contains(ca, StringComparison.Ordinal))
        {
            return false;
        }

        return !PlaceScanner.Mentions(facts[a.Document].Document.Text, b.Place.Value) && !PlaceScanner.Mentions(facts[b.Document].Document.Text, a.Place.Value);
    }
}
