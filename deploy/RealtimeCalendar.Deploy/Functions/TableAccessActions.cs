namespace RealtimeCalendar.Deploy.Functions;

/// <summary>The DynamoDB actions behind each <see cref="TableAccess"/> level: item-level only, never Scan or table admin.</summary>
public static class TableAccessActions
{
    public static IReadOnlyList<string> For(TableAccess access) => access switch
    {
        TableAccess.Read => ["dynamodb:GetItem", "dynamodb:Query"],
        TableAccess.ReadDelete => ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:DeleteItem"],
        TableAccess.Count => ["dynamodb:UpdateItem"],
        TableAccess.ReadWrite => ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"],
        TableAccess.Get => ["dynamodb:GetItem"],
        TableAccess.Query => ["dynamodb:Query"],
        TableAccess.Update => ["dynamodb:UpdateItem"],
        TableAccess.Records => ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"],
        _ => throw new ArgumentOutOfRangeException(nameof(access), access, "Unknown table access level."),
    };
}
