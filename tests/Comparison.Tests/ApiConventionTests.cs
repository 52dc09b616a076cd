using System.Reflection;
using System.Runtime.CompilerServices;

namespace Comparison.Tests;

/// <summary>Conventions over the whole public API, checked by reflection so that a new type cannot slip past them.</summary>
public class ApiConventionTests
{
    private static readonly Type[] PublicTypes = typeof(Comparison.Documents.Document).Assembly.GetExportedTypes();

    [Fact]
    public void PublicClasses_AreSealedAbstractOrStatic()
    {
        var open = PublicTypes.Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract && !typeof(Delegate).IsAssignableFrom(t)).Select(t => t.FullName);
        Assert.Empty(open);
    }

    [Fact]
    public void PublicProperties_HaveNoPublicSetter()
    {
        // init accessors are allowed (options and results are built with object initialisers); set accessors are not.
        var settable = PublicTypes
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(p => p.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter))
            .Select(p => $"{p.DeclaringType!.FullName}.{p.Name}");
        Assert.Empty(settable);
    }

    [Fact]
    public void PublicFields_AreConstOrReadOnly()
    {
        var mutable = PublicTypes
            .Where(t => !t.IsEnum)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(f => !f.IsLiteral && !f.IsInitOnly)
            .Select(f => $"{f.DeclaringType!.FullName}.{f.Name}");
        Assert.Empty(mutable);
    }

    [Fact]
    public void PublicProperties_ExposeNoMutableCollection()
    {
        // Results expose IReadOnlyList<T> or ImmutableArray<T>: a caller must not be able to change a result it was given.
        var mutable = PublicTypes
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(p => IsMutableCollection(p.PropertyType))
            .Select(p => $"{p.DeclaringType!.FullName}.{p.Name}: {p.PropertyType.Name}");
        Assert.Empty(mutable);
    }

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    private static bool IsMutableCollection(Type type)
    {
        if (type.IsArray)
        {
            return true;
        }

        if (!type.IsGenericType)
        {
            return false;
        }

        Type definition = type.GetGenericTypeDefinition();
        return definition == typeof(List<>) || definition == typeof(Dictionary<,>) || definition == typeof(HashSet<>) ||
               definition == typeof(ICollection<>) || definition == typeof(IList<>) || definition == typeof(IDictionary<,>) ||
               definition == typeof(ISet<>);
    }
}
