using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using RealtimeCalendar.Core.Reminders;

namespace RealtimeCalendar.Aws.Reminders;

/// <summary>Each user's reminder settings: one item in the Reminders table (<see cref="ReminderItem.SettingsId"/>).</summary>
public sealed class DynamoDbReminderSettingsStore(IAmazonDynamoDB dynamoDb, string tableName) : IReminderSettingsStore
{
    public async Task<ReminderSettings> GetAsync(string userId, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.GetItemAsync(
            new GetItemRequest { TableName = tableName, Key = ReminderItem.Key(userId, ReminderItem.SettingsId), ConsistentRead = true },
            cancellationToken);
        if (response.Item is not { Count: > 0 } item || !item.TryGetValue(ReminderItem.DefaultReminders, out var defaults))
            return ReminderSettings.Initial;
        return new ReminderSettings([.. (defaults.L ?? []).Select(v => ReminderOverride.Popup(int.Parse(v.N, NumberStyles.None, CultureInfo.InvariantCulture)))]);
    }

    public Task PutAsync(string userId, ReminderSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var item = ReminderItem.Key(userId, ReminderItem.SettingsId);
        item[ReminderItem.DefaultReminders] = new()
        {
            L = [.. settings.DefaultReminders.Select(r => new AttributeValue { N = r.Minutes.ToString(CultureInfo.InvariantCulture) })],
        };
        return dynamoDb.PutItemAsync(new PutItemRequest { TableName = tableName, Item = item }, cancellationToken);
    }
}
