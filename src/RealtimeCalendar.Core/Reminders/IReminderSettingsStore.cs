namespace RealtimeCalendar.Core.Reminders;

/// <summary>Where each user's reminder settings live.</summary>
public interface IReminderSettingsStore
{
    /// <summary>The user's settings, or <see cref="ReminderSettings.Initial"/> for a user who never saved any.</summary>
    Task<ReminderSettings> GetAsync(string userId, CancellationToken cancellationToken);

    Task PutAsync(string userId, ReminderSettings settings, CancellationToken cancellationToken);
}
