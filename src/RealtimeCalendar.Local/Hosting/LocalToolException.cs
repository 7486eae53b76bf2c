namespace RealtimeCalendar.Local.Hosting;

/// <summary>A local stand-in could not be installed or started; the message is meant for the person at the terminal.</summary>
public sealed class LocalToolException(string message) : Exception(message);
