namespace Comparison.Evaluation;

/// <summary>A precision and a recall, with their harmonic mean.</summary>
/// <param name="Precision">The precision, in [0, 1].</param>
/// <param name="Recall">The recall, in [0, 1].</param>
public readonly record struct PrecisionRecall(double Precision, double Recall)
{
    /// <summary>The harmonic mean of <see cref="Precision"/> and <see cref="Recall"/>; 0 when both are 0.</summary>
    public double F1 => Precision + Recall > 0 ? 2 * Precision * Recall / (Precision + Recall) : 0;
}
