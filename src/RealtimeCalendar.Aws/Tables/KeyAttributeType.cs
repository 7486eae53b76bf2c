namespace RealtimeCalendar.Aws.Tables;

public enum KeyAttributeType
{
    Text,
    Numeric,
}
