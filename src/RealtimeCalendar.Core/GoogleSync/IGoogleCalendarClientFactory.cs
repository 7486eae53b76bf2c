namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>Makes a client that acts for the user whose OAuth refresh token it is given.</summary>
public interface IGoogleCalendarClientFactory
{
    IGoogleCalendarClient Create(string refreshToken);
}
