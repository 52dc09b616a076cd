namespace Comparison.Facts;

/// <summary>What a named entity is, as far as simple rules can tell.</summary>
public enum EntityKind
{
    /// <summary>Not decided.</summary>
    Other,

    /// <summary>A person (a title before it, a first name and surname, a speaker).</summary>
    Person,

    /// <summary>An organisation (ends in Council, Department, Ministry...; an acronym).</summary>
    Organisation,

    /// <summary>A place (after in, near, from...).</summary>
    Place,

    /// <summary>A social-media handle (@name).</summary>
    Handle,
}

/// <summary>A capitalised name in the text: "French President Emmanuel Macron" gives "Emmanuel Macron" with title "President".</summary>
public sealed record EntityMention : Fact
{
    /// <summary>What the entity is.</summary>
    public required EntityKind Kind { get; init; }

    /// <summary>The title or role written before the name, or <see langword="null"/>.</summary>
    public string? Title { get; init; }

    /// <summary>The last word of the name, lower-cased (for a person, the surname; for a handle, the handle without '@').</summary>
    public required string Key { get; init; }
}
