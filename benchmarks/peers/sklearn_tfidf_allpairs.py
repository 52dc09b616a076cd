"""scikit-learn's side of the TF-IDF all-pairs race (run with /usr/bin/python3, scikit-learn 1.2.1).

Reads an id<TAB>text corpus, runs TfidfVectorizer().fit_transform and the sparse product X @ X.T, counts the
pairs i < j with cosine >= THRESHOLD, and prints one line: timings, pair count, peak RSS.
Usage: /usr/bin/python3 sklearn_tfidf_allpairs.py CORPUS.tsv [THRESHOLD]
"""
import resource
import sys
import time

from sklearn.feature_extraction.text import TfidfVectorizer


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "/work/notes/corpus/corpus_N10000.tsv"
    threshold = float(sys.argv[2]) if len(sys.argv) > 2 else 0.3
    with open(path, encoding="utf-8") as f:
        texts = [line.rstrip("\n").split("\t", 1)[-1] for line in f]
    start = time.perf_counter()
    X = TfidfVectorizer().fit_transform(texts)
    fitted = time.perf_counter()
    S = X @ X.T
    # Pairs i < j: every stored value >= threshold, minus the diagonal, halved (S is symmetric).
    above = int((S.data >= threshold).sum())
    diagonal = int((S.diagonal() >= threshold).sum())
    pairs = (above - diagonal) // 2
    done = time.perf_counter()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(f"sklearn docs={len(texts)} vocab={X.shape[1]} fit_transform_s={fitted - start:.3f} "
          f"allpairs_s={done - fitted:.3f} total_s={done - start:.3f} pairs={pairs} peak_rss_mb={peak_mb:.0f}")


if __name__ == "__main__":
    main()
