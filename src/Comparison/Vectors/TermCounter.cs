using System.Numerics;
using System.Runtime.InteropServices;

namespace Comparison.Vectors;

/// <summary>
/// Counts the terms of one document at a time against a vocabulary (term → id), without a string per occurrence:
/// lookups go through a <see cref="TermTable"/> (fit) or the dictionary's span-keyed alternate lookup. New terms are either added with the next id
/// or ignored, as the owner chooses. One instance per thread.
/// </summary>
internal sealed class TermCounter : ITermSink
{
    private readonly Dictionary<string, int> _ids = [];
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly TermTable? _table;
    private readonly List<string>? _newTerms;
    private readonly List<int> _touched = [];
    private int[] _counts = new int[1024];

    /// <summary>Counts against <paramref name="ids"/>; when <paramref name="newTerms"/> is given, unseen terms are added to both.</summary>
    public TermCounter(Dictionary<string, int> ids, List<string>? newTerms)
    {
        _ids = ids;
        _lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        _newTerms = newTerms;
    }

    /// <summary>Counts against a growing <see cref="TermTable"/> (the fit's path): every term is added.</summary>
    public TermCounter(TermTable table)
    {
        _table = table;
        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The number of distinct terms counted since the last <c>Drain</c>.</summary>
    public int Distinct => _touched.Count;

    public void Add(ReadOnlySpan<char> term)
    {
        int id;
        if (_table is not null)
        {
            id = _table.GetOrAdd(term);
        }
        else if (!_lookup.TryGetValue(term, out id))
        {
            if (_newTerms is null)
            {
                return;
            }

            id = _ids.Count;
            string key = new(term);
            _ids.Add(key, id);
            _newTerms.Add(key);
        }

        Count(id);
    }

    /// <summary>Whether this counter adds every term to a <see cref="TermTable"/> (the fit's path).</summary>
    public bool HasTable => _table is not null;

    /// <summary>Counts a run of 1–8 ASCII letters and digits, lower-cased when <paramref name="lower"/> is set (only with a table).</summary>
    public void AddAsciiRun(ReadOnlySpan<char> run, bool lower) => Count(_table!.GetOrAddAsciiRun(run, lower));

    private void Count(int id)
    {
        if (id >= _counts.Length)
        {
            int[] counts = ZeroedArray.Create<int>(Math.Max(_counts.Length * 2, id + 1));
            _counts.CopyTo(counts, 0);
            _counts = counts;
        }

        ref int count = ref _counts[id];
        if (count == 0)
        {
            _touched.Add(id);
        }

        count++;
    }

    /// <summary>
    /// The distinct ids counted and their counts (as <typeparamref name="TCount"/>: int, or float, exact below 2²⁴), in
    /// first-seen order; resets for the next document.
    /// </summary>
    public void Drain<TCount>(Span<int> ids, Span<TCount> counts)
        where TCount : INumberBase<TCount>
    {
        ReadOnlySpan<int> touched = CollectionsMarshal.AsSpan(_touched);
        for (int i = 0; i < touched.Length; i++)
        {
            ids[i] = touched[i];
            counts[i] = TCount.CreateTruncating(_counts[touched[i]]);
            _counts[touched[i]] = 0;
        }

        _touched.Clear();
    }
}
