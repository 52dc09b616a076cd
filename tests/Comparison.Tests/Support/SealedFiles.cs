using System.Buffers.Binary;
using Comparison.Sketches;

namespace Comparison.Tests.Support;

/// <summary>Crafts files of the library's checksummed formats, whose last eight bytes are a checksum of the rest.</summary>
public static class SealedFiles
{
    /// <summary>
    /// A copy of <paramref name="file"/> with <paramref name="hex"/> written at <paramref name="offset"/> and the
    /// checksum recomputed, so that only the loader's field checks stand between the crafted bytes and a model.
    /// </summary>
    public static byte[] Patched(byte[] file, int offset, string hex)
    {
        byte[] copy = (byte[])file.Clone();
        Convert.FromHexString(hex).CopyTo(copy, offset);
        return Resealed(copy);
    }

    /// <summary>Writes the checksum of all bytes but the last eight into the last eight.</summary>
    public static byte[] Resealed(byte[] file)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(file.AsSpan(file.Length - 8), Mixing.Checksum(file.AsSpan(0, file.Length - 8)));
        return file;
    }
}
