namespace RealtimeCalendar.Aws.Tests.Authentication;

public enum JwksBehaviour
{
    Serve,
    Fail,
    Hang,
}
