namespace RealtimeCalendar.Aws.Tables;

/// <summary>A key attribute: its name and whether it holds a string (S) or a number (N) key.</summary>
public sealed record KeyAttribute(string Name, KeyAttributeType Type)
{
    public static KeyAttribute Text(string name) => new(name, KeyAttributeType.Text);

    public static KeyAttribute Numeric(string name) => new(name, KeyAttributeType.Numeric);
}
